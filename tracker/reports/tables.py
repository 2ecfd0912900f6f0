"""Reports as plain tables (title, header, rows, totals), and writers for the formats a clerk hands on:
a Rich table on screen, CSV, Markdown and XLSX (real dates, widths, a styled frozen header, and an
optional bar chart)."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path
from typing import Any

from tracker.core.errors import TrackerError
from tracker.core.text import strip_controls
from tracker.reports.model import Report, cell_text

__all__ = ["FORMATS", "Report", "cell_text", "render", "to_csv", "to_markdown", "write_xlsx"]

FORMATS = ("table", "csv", "md", "xlsx", "docx")


def to_csv(report: Report) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(report.header)
    writer.writerows([[cell_text(v) for v in row] for row in report.rows])
    return buffer.getvalue()


def to_markdown(report: Report) -> str:
    lines = [f"## {report.title}", "", "| " + " | ".join(report.header) + " |", "|" + "---|" * len(report.header)]
    for index, row in enumerate(report.rows):
        cells = [cell_text(v).replace("|", "\\|") for v in row]
        if index in report.group_rows:
            cells = [f"**{c}**" if c else "" for c in cells]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join([*lines, "", *report.notes, ""])


def to_rich(report: Report) -> Any:
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    table = Table(title=report.title, header_style="bold")
    for name in report.header:
        table.add_column(name)
    for index, row in enumerate(report.rows):
        style = "bold" if index in report.group_rows else ""
        table.add_row(*(Text(cell_text(v), style=style) for v in row))
    return Group(table, *(Text(note) for note in report.notes))


def _as_text_cells(values: Any) -> list[Any]:
    """Cells for a workbook: text without the control characters a workbook cannot hold."""
    return [strip_controls(value) if isinstance(value, str) else value for value in values]


def write_xlsx(report: Report, path: Path) -> None:
    import openpyxl
    from openpyxl.chart import BarChart, Reference
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = openpyxl.Workbook()
    sheet = workbook.create_sheet("Báo cáo", 0)
    del workbook[workbook.sheetnames[1]]
    sheet.append(_as_text_cells([report.title]))
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append(_as_text_cells(report.header))
    for cell in sheet[2]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="1F4E78")
    for index, row in enumerate(report.rows):
        sheet.append(_as_text_cells(row))
        if index in report.group_rows:
            for cell in sheet[sheet.max_row]:
                cell.font = Font(bold=True)
    for cells in sheet.iter_rows(min_row=3):
        for cell in cells:
            if isinstance(cell.value, date):
                cell.number_format = "DD/MM/YYYY"
            elif isinstance(cell.value, float):
                cell.number_format = "0%"
    for note in report.notes:
        sheet.append(_as_text_cells([note]))
    for cells in sheet.iter_rows():
        for cell in cells:
            if cell.data_type == "f":
                cell.data_type = "s"  # a report holds no formula: text that starts with "=" stays text
    sheet.freeze_panes = "A3"
    for column in range(1, len(report.header) + 1):
        values = [report.header[column - 1], *(cell_text(r[column - 1]) for r in report.rows)]
        sheet.column_dimensions[get_column_letter(column)].width = min(60, max(8, *(len(v) for v in values)) + 2)
    if report.chart is not None and report.rows:
        label_column, value_column = report.chart
        chart = BarChart()
        chart.type = "bar"
        chart.title = report.header[value_column]
        chart.y_axis.number_format = "0%"
        last = 2 + len(report.rows)
        chart.add_data(Reference(sheet, min_col=value_column + 1, min_row=2, max_row=last), titles_from_data=True)
        chart.set_categories(Reference(sheet, min_col=label_column + 1, min_row=3, max_row=last))
        chart.height = max(8, len(report.rows) * 0.5)
        sheet.add_chart(chart, f"{get_column_letter(len(report.header) + 2)}3")
    workbook.save(path)


def render(report: Report, file_format: str, output: Path | None, lang: str = "vi") -> str | None:
    """Write ``report`` to ``output`` (or return the text for the screen)."""
    if file_format in ("xlsx", "docx"):
        if output is None:
            raise TrackerError(key="report.format_needs_output", format=file_format)
        if file_format == "xlsx":
            write_xlsx(report, output)
        else:
            from tracker.reports.docx import write_docx

            write_docx(report, output, lang)
        return None
    text = to_csv(report) if file_format == "csv" else to_markdown(report) if file_format == "md" else None
    if text is None:
        raise TrackerError(key="report.format_unknown", format=file_format, formats=", ".join(FORMATS))
    if output is not None:
        output.write_text(text, encoding="utf-8-sig" if file_format == "csv" else "utf-8")
        return None
    return text
