"""Text folding for search and name matching, and safe display of untrusted text."""

from __future__ import annotations

import re
import unicodedata

_MARKS = re.compile(r"[\u0300-\u036f]")
_SPACES = re.compile(r"\s+")
# C0 and C1 control characters (tab and newline excepted) and the escape sequences they start.
_ESCAPE_SEQUENCE = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)?|[@-Z\\-_])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# C1's CSI (U+009B) starts a sequence as ESC [ does: the sequence goes with it.
_C1_SEQUENCE = re.compile(r"\x9b[0-?]*[ -/]*[@-~]|\x9d[^\x07\x9c]*[\x07\x9c]?")


def fold(text: str) -> str:
    """Fold ``text`` for matching: NFC, lower case, no diacritics, đ -> d, single spaces.

    >>> fold("  Sở  Tài nguyên và Môi trường ")
    'so tai nguyen va moi truong'
    >>> fold("ĐẦU TƯ")
    'dau tu'
    """
    text = unicodedata.normalize("NFC", text).lower()
    # No Unicode decomposition maps đ to d: it is a letter of its own, not d with a mark.
    text = text.replace("đ", "d")
    text = _MARKS.sub("", unicodedata.normalize("NFD", text))
    return _SPACES.sub(" ", text).strip()


def clean_name(text: str) -> str:
    """Normalise a user-typed name for storage: NFC, single spaces, no control characters."""
    return _SPACES.sub(" ", strip_controls(unicodedata.normalize("NFC", text))).strip()


def strip_controls(text: str) -> str:
    """Remove terminal escape sequences and control characters (keeps newline and tab)."""
    return _CONTROL.sub("", _C1_SEQUENCE.sub("", _ESCAPE_SEQUENCE.sub("", text)))


_BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def for_terminal(text: str) -> str:
    """Text made safe to print: no escape sequences or control characters (newline and tab kept), and
    each bidirectional control (U+202E turns what follows backwards) shown as its code, ``<U+202E>``.

    >>> for_terminal("ok\x1b]52;c;ZXZpbA==\x07 \u202egnp.exe")
    'ok <U+202E>gnp.exe'
    """
    if text.isprintable():
        return text
    return _BIDI_CONTROLS.sub(lambda found: f"<U+{ord(found.group()):04X}>", strip_controls(text))


def one_line(text: str) -> str:
    """Text made safe for a single output line: no controls, newlines and tabs become spaces."""
    if text.isprintable() and "  " not in text:  # the common case, without the regular expressions
        return text.strip()
    return _SPACES.sub(" ", strip_controls(text)).strip()


def shown_line(text: str) -> str:
    """:func:`one_line` for a terminal: bidirectional controls shown as their codes (:func:`for_terminal`)."""
    return for_terminal(one_line(text))


_URL_PASSWORD = re.compile(r"(?P<head>[a-z][a-z0-9+.-]*://[^:/@\s]*:)[^@\s]+(?P<tail>@)", re.IGNORECASE)


def mask_secrets(text: str) -> str:
    """Hide the password of any URL in ``text``: ``postgresql://u:secret@h`` -> ``postgresql://u:***@h``.

    >>> mask_secrets("cannot open mysql://u:S3cret@db/x")
    'cannot open mysql://u:***@db/x'
    """
    return _URL_PASSWORD.sub(r"\g<head>***\g<tail>", text)
