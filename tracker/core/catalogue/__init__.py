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


def t(key: str, lang: str = "vi", **values: object) -> str:
    """The text for ``key`` in ``lang``, formatted with ``values``.

    A value that is itself a translatable error is rendered in the same language.
    """
    vi, en = MESSAGES[key]
    template = en if lang == "en" else vi
    if not values:
        return template
    rendered = {
        name: value.text(lang) if hasattr(value, "text") and hasattr(value, "key") else value
        for name, value in values.items()
    }
    return template.format(**rendered)
