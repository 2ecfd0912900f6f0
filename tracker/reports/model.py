"""A report as a plain table (title, header, rows, totals) and how one of its cells reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from tracker.core.text import one_line


@dataclass
class Report:
    title: str
    header: list[str]
    rows: list[list[Any]]
    notes: list[str] = field(default_factory=list)
    """Lines under the table: totals, what a figure counts."""
    group_rows: set[int] = field(default_factory=set)
    """Indexes of rows that head a group (e.g. "CẤP TỈNH")."""
    chart: tuple[int, int] | None = None
    """(label column, value column) for an XLSX bar chart of a 0..1 rate."""
    dated: date | None = None
    """The date the figures stand at (the as-of date): the document's date line."""
    issuer: list[str] = field(default_factory=list)
    """Issuing body for the DOCX header, parent first (e.g. ["UBND tỉnh Thanh Hóa", "Văn phòng"])."""
    place: str = ""
    """Place name of the DOCX date line ("Thanh Hóa, ngày ...")."""
    signer: str = ""
    """Signer's title in the DOCX signature block."""


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float):
        return f"{value:.0%}"
    return one_line(str(value))
