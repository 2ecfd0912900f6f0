"""Scanning noise out, broken lines back together.

Text extracted from scans and PDFs carries footnotes and page numbers in the middle of a sentence,
superscript footnote marks, and sentences broken over lines or pages. :func:`clean_lines` removes
the noise line by line; :func:`paragraphs` joins the lines of one paragraph again.
"""

from __future__ import annotations

import re

from tracker.drafting.folding import fold_keep, nfc
from tracker.drafting.sections import LABEL

_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_FOOTNOTE_MARK = re.compile(f"[{_SUPERSCRIPTS}]+")
_FOOTNOTE_LINE = re.compile(f"^[{_SUPERSCRIPTS}]+\\s*\\S")
# An OCR'd footnote whose mark became a plain number: "12 Quyết định số 139/QĐ-UBND ngày 21/01/2020".
_PLAIN_FOOTNOTE = re.compile(
    r"^\d{1,2}\s+(?:ke hoach|quyet dinh|cong van|bao cao|thong bao|chi thi|nghi quyet|nghi dinh|thong tu|de an|"
    r"van ban|to trinh|huong dan)\s+so\b"
)
_PAGE_NUMBER = re.compile(r"^[-–—\s]*(?:trang|page)?\s*\d{1,3}(?:\s*/\s*\d{1,3})?[-–—\s]*$")
_END_PUNCT = (".", ";", ":", "!", "?", "./.")
_LETTER = re.compile(r"[^\W\d_]")


def clean_lines(lines: list[str]) -> list[str]:
    """The lines without footnotes, footnote marks and page numbers; blank lines kept."""
    cleaned: list[str] = []
    for raw in lines:
        line = nfc(raw).replace("\t", " ").replace("\u00a0", " ").strip()
        folded = fold_keep(line)
        if _FOOTNOTE_LINE.match(line) or (_PLAIN_FOOTNOTE.match(folded) and len(line) < 240):
            cleaned.append("")
            continue
        if _PAGE_NUMBER.match(folded):
            cleaned.append("")
            continue
        cleaned.append(re.sub(r"\s{2,}", " ", _FOOTNOTE_MARK.sub("", line)).strip())
    return cleaned


def is_heading_case(line: str) -> bool:
    """A line written in capitals ("III. TỔ CHỨC THỰC HIỆN")."""
    letters = _LETTER.findall(line)
    return len(letters) >= 3 and all(not c.islower() for c in letters)


def _joins(previous: str, line: str, blank_between: bool) -> bool:
    """Whether ``line`` goes on the paragraph that ``previous`` ends."""
    if previous.endswith(_END_PUNCT) or LABEL.match(line) or is_heading_case(previous) or is_heading_case(line):
        return False
    first = line[0]
    if first.islower() or first in ",;)":
        return True
    if blank_between:
        return previous.endswith((",", "-", "–", "và", "của", "với", "các"))
    return len(previous) >= 50


def paragraphs(lines: list[str]) -> list[str]:
    """Lines joined into paragraphs: a line that goes on the sentence before it is appended to it."""
    result: list[str] = []
    blank = False
    for line in lines:
        if not line:
            blank = True
            continue
        if result and _joins(result[-1], line, blank):
            result[-1] = f"{result[-1]} {line}"
        else:
            result.append(line)
        blank = False
    return result


_RECIPIENTS = re.compile(r"^(?:noi nhan|tm\.?\s|t/m\s|kt\.?\s|k/t\s|ban dien tu\s*:)")
_CLOSING = re.compile(r"^(?:tren day la|trong qua trinh (?:to chuc )?(?:trien khai )?thuc hien)")


def split_closing(body: list[str]) -> tuple[list[str], list[str]]:
    """The body paragraphs up to the end of the text proper, and the closing ones: the paragraph that
    ends with "./.", "Trên đây là …", the distribution list ("Nơi nhận") and the signature after it."""
    for index, paragraph in enumerate(body):
        folded = fold_keep(paragraph)
        if _RECIPIENTS.match(folded) or _CLOSING.match(folded):
            return body[:index], body[index:]
        if paragraph.rstrip().endswith("./."):
            return body[: index + 1], body[index + 1 :]
    return body, []
