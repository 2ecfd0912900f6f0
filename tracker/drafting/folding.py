"""Folding that keeps every character in place, so that a match in folded text is a slice of the original."""

from __future__ import annotations

import unicodedata

from tracker.core.text import fold


def fold_keep(text: str) -> str:
    """``text`` lower-cased without diacritics (đ -> d), one character for each character of ``text``.

    >>> fold_keep("Sở Tư  pháp")
    'so tu  phap'
    """
    out = []
    for char in text:
        if char.isspace():
            out.append(" ")
            continue
        folded = fold(char)
        out.append(folded if len(folded) == 1 else char.lower()[:1] or " ")
    return "".join(out)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)
