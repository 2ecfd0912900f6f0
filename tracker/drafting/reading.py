"""Reading a directive file into lines of text: plain text, Markdown, Word (.docx) and PDF with a text layer.

The kind of file is told from its first bytes (a PDF starts with ``%PDF``, a .docx is a ZIP archive)
and otherwise from its suffix, so a misnamed file is still read. Every failure is a
:class:`~tracker.core.errors.TrackerError` naming the file and what to do.
"""

from __future__ import annotations

import codecs
import re
import zipfile
from pathlib import Path

from tracker.core.errors import TrackerError

SUFFIXES = (".txt", ".md", ".docx", ".pdf")

_MARKDOWN = re.compile(r"^\s{0,3}#{1,6}\s+|\*\*|__|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)")


def read_lines(path: Path) -> list[str]:
    """The document's text, one paragraph or line per item (blank items kept as paragraph breaks)."""
    if not path.is_file():
        raise TrackerError(key="draft.error.no_file", path=str(path))
    head = path.open("rb").read(8)
    if not head:
        raise TrackerError(key="draft.error.empty", path=str(path))
    suffix = path.suffix.lower()
    if head.startswith(b"%PDF"):
        lines = _pdf_lines(path)
    elif head.startswith(b"PK"):
        lines = _docx_lines(path)
    elif suffix in (".pdf", ".docx"):
        raise TrackerError(key="draft.error.not_kind", path=str(path), kind=suffix.lstrip(".").upper())
    elif suffix in ("", ".txt", ".md", ".text", ".markdown"):
        lines = _text_lines(path)
        if suffix in (".md", ".markdown"):
            lines = [_MARKDOWN.sub("", line) for line in lines]
    else:
        raise TrackerError(key="draft.error.suffix", path=str(path), suffix=suffix, known=", ".join(SUFFIXES))
    if not any(line.strip() for line in lines):
        raise TrackerError(key="draft.error.empty", path=str(path))
    return lines


def _text_lines(path: Path) -> list[str]:
    raw = path.read_bytes()
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif raw.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    else:
        encoding = "utf-8"
        if b"\x00" in raw[:4096]:
            raise TrackerError(key="draft.error.binary", path=str(path))
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise TrackerError(key="draft.error.not_utf8", path=str(path), line=line) from None
    controls = sum(1 for char in text[:4096] if ord(char) < 32 and char not in "\n\r\t\f")
    if controls > 8:
        raise TrackerError(key="draft.error.binary", path=str(path))
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").split("\n")


def _docx_lines(path: Path) -> list[str]:
    """Paragraphs and table rows in document order, with Word's automatic list numbers written out."""
    from tracker.drafting.docx_text import docx_lines

    try:
        return docx_lines(path)
    except (zipfile.BadZipFile, KeyError, ValueError, SyntaxError) as error:
        raise TrackerError(key="draft.error.docx", path=str(path), detail=str(error) or type(error).__name__) from None


def _pdf_lines(path: Path) -> list[str]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise TrackerError(key="draft.error.pdf_locked", path=str(path))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, OSError) as error:
        raise TrackerError(key="draft.error.pdf", path=str(path), detail=str(error)) from None
    if not any(page.strip() for page in pages):
        raise TrackerError(key="draft.error.pdf_no_text", path=str(path), pages=len(pages))
    lines: list[str] = []
    for page in pages:
        lines.extend(page.replace("\r\n", "\n").split("\n"))
        lines.append("")
    return lines
