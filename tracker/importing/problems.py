"""A line of an import's report that each face can say in its user's language."""

from __future__ import annotations

from collections.abc import Iterable

from tracker.core.catalogue import t
from tracker.core.errors import TrackerError


class Line(str):
    """A problem line: ``file:row:column: value: `` then what is wrong. As a ``str`` it is the English
    text (for logs, scripts and tests); :meth:`text` says it in another language."""

    prefix: str
    message: TrackerError | str
    location: str
    """The row (or JSON path) the prefix names, where the line has one: lines alike but for it are said once."""

    def __new__(cls, prefix: str, message: TrackerError | str, *, location: str = "") -> Line:
        line = super().__new__(cls, prefix + str(message))
        line.prefix = prefix
        line.message = message
        line.location = location
        return line

    def text(self, lang: str) -> str:
        message = self.message
        return self.prefix + (message.text(lang) if isinstance(message, TrackerError) else str(message))


def said(line: str, lang: str) -> str:
    """``line`` in ``lang`` when it is a :class:`Line`, else as it is."""
    return line.text(lang) if isinstance(line, Line) else line


SAID_APART = 3
"""Up to this many lines alike but for their row are said one by one; more are said once, with the rows."""


def grouped(lines: Iterable[str], lang: str) -> list[str]:
    """The lines in ``lang``, each problem said once: the same problem in the same column of many rows
    (a province the database lacks, on every row) is one line that lists the other rows."""
    groups: dict[tuple[str, str], list[Line]] = {}
    order: list[tuple[str, str] | str] = []
    for line in lines:
        if not isinstance(line, Line) or not line.location or f":{line.location}:" not in line.prefix:
            order.append(said(line, lang))
            continue
        message = line.message.text(lang) if isinstance(line.message, TrackerError) else str(line.message)
        key = (line.prefix.replace(f":{line.location}:", ":\0:", 1), message)
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(line)
    result: list[str] = []
    for item in order:
        if isinstance(item, str):
            result.append(item)
            continue
        alike = groups[item]
        if len(alike) <= SAID_APART:
            result.extend(line.text(lang) for line in alike)
            continue
        rows = [line.location for line in alike[1:]]
        shown = ", ".join(rows[:10]) + (", …" if len(rows) > 10 else "")
        result.append(t("row.same_problem_rows", lang, line=alike[0].text(lang), count=len(rows), rows=shown))
    return result
