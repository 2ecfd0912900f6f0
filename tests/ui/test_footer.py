"""The footer of keys: built once at start-up, rebuilt only when the keys it shows change."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.widgets._footer import FooterKey

from tests.ui.steps import WIDE, settle
from tracker.ui.app import TrackerApp
from tracker.ui.footer import Footer

pytestmark = pytest.mark.usefixtures("backend")


def _keys(app: TrackerApp) -> list[tuple[str, str, bool]]:
    """What the main screen's footer shows: each key, its wording, and whether it is drawn compact."""
    return [
        (key.key, key.description, key.has_class("-compact")) for key in app.screen.query_one(Footer).query(FooterKey)
    ]


async def test_the_footer_is_built_once_and_rebuilt_when_its_keys_change(
    make_app: Callable[..., TrackerApp], monkeypatch: pytest.MonkeyPatch
) -> None:
    builds: list[int] = []
    compose = Footer.compose

    def counted(footer: Footer):  # type: ignore[no-untyped-def]
        if footer._bindings_ready:
            builds.append(len(footer.screen.active_bindings))
        return compose(footer)

    monkeypatch.setattr(Footer, "compose", counted)
    app = make_app(lang="en")
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        # Textual's footer was built four times here: for the bindings, the focus, and the relabelling.
        assert len(builds) == 1
        keys = _keys(app)
        assert ("o", "Overdue", False) in keys and ("q", "Quit", False) in keys
        assert keys[-1][2], "the command palette's key stays compact, as Textual draws it"
        app.screen.refresh_bindings()  # as a focus change or a reactive with bindings does
        app.screen.refresh_bindings()
        await settle(pilot)
        assert len(builds) == 1, "the same keys: nothing to rebuild"
        await pilot.press("slash")  # in the search box only its key applies
        await settle(pilot)
        assert [key for key, _, _ in _keys(app)][:-1] == ["slash"]
        await pilot.press("escape")
        await settle(pilot)
        assert _keys(app) == keys and len(builds) == 3
        await pilot.press("l")  # Vietnamese: every key's wording changes
        await settle(pilot)
        assert len(builds) == 4
        assert ("o", "Quá hạn", False) in _keys(app)
