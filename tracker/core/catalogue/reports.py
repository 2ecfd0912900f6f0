"""Texts of the reports: (Vietnamese, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # writing a report (tracker.reports.tables)
    "report.format_needs_output": (
        "--format {format} phải đi kèm --output TỆP.{format}.",
        "--format {format} needs --output FILE.{format}.",
    ),
    "report.format_unknown": (
        "--format {format}: hãy dùng một trong các định dạng {formats}.",
        "--format {format}: use one of {formats}.",
    ),
}
