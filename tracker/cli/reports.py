"""Reports: submissions, the agency scoreboard, one directive's progress."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from tracker.cli.base import (
    cli,
    current_context,
    global_options,
    make_console,
    open_tracker,
    parse_option_date,
)
from tracker.cli.helptext import LocalisedGroup
from tracker.core.errors import TrackerError

if TYPE_CHECKING:
    from collections.abc import Callable


# --- reports ----------------------------------------------------------------------------------


@cli.group(cls=LocalisedGroup)
def report() -> None:
    """Reports: submissions for a period, the agency scoreboard, one directive's progress."""


def _report_options(function: Callable[..., None]) -> Callable[..., None]:
    """--format and --output, plus the DOCX letterhead overrides, shared by every report."""
    options = [
        click.option(
            "--format",
            "file_format",
            type=click.Choice(["table", "csv", "md", "xlsx", "docx"]),
            help="Default: from the --output name (.xlsx, .docx, .csv, .md), else a table.",
        ),
        click.option(
            "--output", type=click.Path(path_type=Path), help="Write to this file; its ending picks the format."
        ),
        click.option(
            "--issuer",
            multiple=True,
            metavar="LINE",
            help="DOCX header: issuing body, parent first, one line per option (default: from the province).",
        ),
        click.option("--place", help="DOCX date line's place name (default: from the province)."),
        click.option("--signer", help="DOCX signature block title (default: CHÁNH VĂN PHÒNG)."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


_SUFFIXES = {".xlsx": "xlsx", ".docx": "docx", ".csv": "csv", ".md": "md", ".markdown": "md", ".txt": "md"}


def report_format(file_format: str | None, output: Path | None) -> str:
    """The format asked for, else the one the output file's name ends in, else a table on screen."""
    if file_format:
        return file_format
    if output is None:
        return "table"
    found = _SUFFIXES.get(output.suffix.lower())
    if found is None:
        raise TrackerError(key="error.report_format", path=str(output))
    return found


def _emit(built: Any, file_format: str | None, output: Path | None, letterhead: dict[str, Any]) -> None:
    from tracker.reports.tables import render, to_rich

    file_format = report_format(file_format, output)
    if letterhead.get("issuer"):
        built.issuer = list(letterhead["issuer"])
    if letterhead.get("place"):
        built.place = letterhead["place"]
    if letterhead.get("signer"):
        built.signer = letterhead["signer"]
    if file_format == "table" and output is None:
        make_console().print(to_rich(built))
        return
    text = render(built, "md" if file_format == "table" else file_format, output, current_context().lang)
    if text is not None:
        click.echo(text, nl=False)
    else:
        click.echo(str(output))


@report.command("submissions")
@global_options
@click.option("--task", "task_text", required=True, metavar="REF_OR_ID", help="e.g. 4515/KH-UBND:BC-HT or BC-HT.")
@click.option("--period", required=True, metavar="PERIOD", help="e.g. 2020-02.")
@_report_options
def report_submissions(
    task_text: str, period: str, file_format: str | None, output: Path | None, **letterhead: Any
) -> None:
    """Who submitted a recurring report for one period (on time, late, not at all), with totals."""
    from tracker.reports import builders

    context = current_context()
    with open_tracker() as tracker:
        built = builders.submissions(tracker.reader, task_text, period, context.as_of, context.lang)
    _emit(built, file_format, output, letterhead)


@report.command("agencies")
@global_options
@click.option("--from", "due_from", metavar="DATE", help="Count assignments due from this day.")
@click.option("--to", "due_to", metavar="DATE", help="...to this day.")
@_report_options
def report_agencies(
    due_from: str | None, due_to: str | None, file_format: str | None, output: Path | None, **letterhead: Any
) -> None:
    """Per agency: assigned, done on time, late, in progress, overdue, on-time rate; totals."""
    from tracker.reports import builders

    context = current_context()
    start = parse_option_date(due_from, "--from") if due_from else None
    end = parse_option_date(due_to, "--to") if due_to else None
    if start is not None and end is not None and start > end:
        raise TrackerError(key="limits.from_after_to", start=f"{start:%d/%m/%Y}", end=f"{end:%d/%m/%Y}")
    with open_tracker() as tracker:
        built = builders.agencies(tracker.reader, context.as_of, start, end, context.lang)
    _emit(built, file_format, output, letterhead)


@report.command("directive")
@global_options
@click.argument("number")
@_report_options
def report_directive(number: str, file_format: str | None, output: Path | None, **letterhead: Any) -> None:
    """Every task and assignment of one directive with its status."""
    from tracker.reports import builders

    context = current_context()
    with open_tracker() as tracker:
        built = builders.directive(tracker.reader, number, context.as_of, context.lang)
    _emit(built, file_format, output, letterhead)
