"""Deadline phrases in a task's text, read by the one deadline reader (:mod:`tracker.core.deadlines`).

A phrase is taken only where a word marks it as a deadline ("trước 30/4/2020", "chậm nhất ngày …",
"vào quý III năm 2020", "trước ngày 20 hằng tháng", "hằng năm", "phấn đấu năm 2019"): the dates of
the documents a task cites ("Nghị quyết số 35/NQ-CP ngày 16/5/2016") are not deadlines. A heading
that names the period its tasks belong to ("NHIỆM VỤ THÁNG 3 NĂM 2020") gives them that period's end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.core.deadlines import Deadline, DeadlineRules, parse_deadline
from tracker.core.errors import TrackerError
from tracker.drafting.folding import fold_keep

_DATE = r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\d{1,2}\s+thang\s+\d{1,2}\s*,?\s*nam\s+\d{4}"
_QUARTER = r"quy\s+(?:iv|i{1,3}|[1-4])\s*(?:nam\s+|/\s*)\d{4}"
_MONTH = r"thang\s+\d{1,2}\s*(?:nam\s+|/\s*)\d{4}"
_HALF = r"(?:6|sau)\s+thang\s+(?:dau|cuoi)\s+nam\s+\d{4}"
_YEAR = r"nam\s+\d{4}"
_EVERY = r"(?:hang|moi|dinh\s+ky(?:\s+hang)?)"

# In the order they are tried: the first kind found in a text is its deadline.
_PHRASES = [
    # "trước ngày 20 hằng tháng", "trước ngày 15/12 hằng năm", "ngày 25 của tháng cuối quý"
    re.compile(
        rf"(?:truoc|cham nhat(?:\s+la)?|vao|han)?\s*ngay\s+\d{{1,2}}(?:\s*/\s*\d{{1,2}})?"
        rf"\s+{_EVERY}\s+(?:thang|quy|nam)"
    ),
    re.compile(rf"(?:truoc|cham nhat(?:\s+la)?|khong qua|han cuoi(?:\s+la)?|han|den het)\s*(?:ngay\s*)?(?:{_DATE})"),
    re.compile(rf"(?:hoan thanh\s+)?(?:vao|trong|truoc|cuoi|het|den het)\s+(?:{_QUARTER}|{_HALF})"),
    re.compile(rf"(?:hoan thanh\s+)?(?:vao|trong|cuoi|het|den het)\s+(?:{_MONTH})"),
    re.compile(rf"phan dau\s+(?:hoan thanh\s+)?(?:den\s+|trong\s+|vao\s+)?(?:{_QUARTER}|{_MONTH}|{_YEAR})"),
    re.compile(rf"hoan thanh\s+(?:trong\s+|vao\s+|den het\s+)?(?:{_QUARTER}|{_MONTH}|{_YEAR}|{_DATE})"),
    re.compile(rf"(?:trong|cuoi|den het)\s+(?:{_YEAR})"),
    re.compile(rf"(?<!so )(?<!\d )(?:{_EVERY})\s+(?:(?:6|sau)\s+thang|quy|nam|thang)(?![\w])"),
]
_STANDING = re.compile(r"(?<![\w])thuong xuyen(?![\w])")
_HEADING_PERIOD = re.compile(rf"(?:{_QUARTER}|{_HALF}|{_MONTH}|{_YEAR})")
_TASK_HEADING = re.compile(r"nhiem vu|phuong huong|ke hoach|trong tam")


@dataclass(frozen=True)
class FoundDeadline:
    wording: str
    """The phrase as the text writes it, which the importer reads back the same."""
    deadline: Deadline
    others: tuple[str, ...] = ()
    """Other deadline phrases of the same text, for the clerk to check."""


def _read(wording: str, rules: DeadlineRules) -> Deadline | None:
    try:
        return parse_deadline(wording, rules)
    except TrackerError:
        return None


def find_deadline(text: str, rules: DeadlineRules | None = None) -> FoundDeadline | None:
    """The deadline that ``text`` sets, or None. "thường xuyên" is a standing duty (no date)."""
    rules = rules or DeadlineRules()
    folded = fold_keep(text)
    found: list[tuple[str, Deadline]] = []
    for pattern in _PHRASES:
        for match in pattern.finditer(folded):
            wording = re.sub(r"\s+", " ", text[match.start() : match.end()]).strip()
            deadline = _read(wording, rules)
            if deadline is not None and wording not in (w for w, _ in found):
                found.append((wording, deadline))
    if found:
        first = found[0]
        others = tuple(w for w, d in found[1:] if (d.due_on, d.rule) != (first[1].due_on, first[1].rule))
        return FoundDeadline(first[0], first[1], others)
    standing = _STANDING.search(folded)
    # "Thường xuyên kiểm tra …", "thời hạn: thường xuyên"; not "… thường xuyên được chú trọng"
    if standing and (
        standing.start() <= 2 or re.search(r"(?:thoi han|han|thuc hien)\s*:?\s*$", folded[: standing.start()])
    ):
        wording = text[standing.start() : standing.end()]
        return FoundDeadline(wording, Deadline(wording))
    return None


def heading_deadline(heading: str, rules: DeadlineRules | None = None) -> FoundDeadline | None:
    """The period a heading of tasks names: "PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG 3 NĂM 2020" -> "tháng 3 năm 2020"."""
    folded = fold_keep(heading)
    if not _TASK_HEADING.search(folded) or "ket qua" in folded:
        return None
    match = _HEADING_PERIOD.search(folded)
    if match is None:
        return None
    wording = re.sub(r"\s+", " ", heading[match.start() : match.end()]).strip().lower()
    wording = re.sub(r"(?<=quý )[ivx]+\b", lambda m: m.group(0).upper(), wording)
    deadline = _read(wording, rules or DeadlineRules())
    return FoundDeadline(wording, deadline) if deadline is not None else None
