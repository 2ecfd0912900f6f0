"""Which language a face speaks; the texts themselves are in ``tracker.core.catalogue``."""

from __future__ import annotations

import locale
import os

from tracker.core.catalogue import LANGUAGES, MESSAGES, t

__all__ = ["LANGUAGES", "MESSAGES", "detect_language", "t"]


def detect_language(configured: str = "") -> str:
    """The configured language, else the locale's (Vietnamese locales give "vi"), else "vi"."""
    if configured in LANGUAGES:
        return configured
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return "vi" if value.lower().startswith("vi") else "en" if value.lower().startswith("en") else "vi"
    code = locale.getlocale()[0] or ""
    return "en" if code.lower().startswith("en") else "vi"
