"""Footer labels of key bindings in the UI's language."""

from __future__ import annotations

import dataclasses

from textual.dom import DOMNode

from tracker.i18n import t


def relabel(node: DOMNode, descriptions: dict[str, str], lang: str) -> None:
    """Give ``node``'s key bindings their footer descriptions in ``lang`` (action -> catalogue key)."""
    for bindings in node._bindings.key_to_bindings.values():
        for index, binding in enumerate(bindings):
            if binding.action in descriptions:
                bindings[index] = dataclasses.replace(binding, description=t(descriptions[binding.action], lang))
    node.refresh_bindings()
