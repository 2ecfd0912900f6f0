"""The one catalogue of what a person reads, in Vietnamese and English.

Each area keeps its texts in its own module as ``key: (Vietnamese, English)``; a key is defined once.
Pure data and formatting: the language a face speaks is chosen in ``tracker.i18n``.
"""

from __future__ import annotations

from tracker.core.catalogue import (
    agencies,
    cli,
    commands,
    common,
    drafting,
    errors,
    help,
    importing,
    limits,
    notify,
    records,
    reports,
    rows,
    ui,
)

LANGUAGES = ("vi", "en")


def _merge() -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    areas = (
        common,
        errors,
        ui,
        cli,
        commands,
        help,
        importing,
        agencies,
        drafting,
        notify,
        reports,
        limits,
        records,
        rows,
    )
    for module in areas:
        for key, texts in module.MESSAGES.items():
            if key in merged:
                raise RuntimeError(f"catalogue key {key!r} is defined twice")  # a programming error, found by tests
            merged[key] = texts
    return merged


MESSAGES = _merge()


class Translatable:
    """A value that says itself in a language (an error given as a value of another text)."""

    def text(self, lang: str) -> str:
        raise NotImplementedError


def t(key: str, lang: str = "vi", **values: object) -> str:
    """The text for ``key`` in ``lang``, formatted with ``values``.

    A value that is itself :class:`Translatable` (an error) is rendered in the same language.
    """
    vi, en = MESSAGES[key]
    template = en if lang == "en" else vi
    if not values:
        return template
    for value in values.values():
        if isinstance(value, Translatable):
            break
    else:  # the common case, in loops of many thousand lines: nothing to render first
        return template.format(**values)
    return template.format(
        **{name: value.text(lang) if isinstance(value, Translatable) else value for name, value in values.items()}
    )
