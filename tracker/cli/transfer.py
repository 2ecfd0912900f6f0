"""Import and export of assignment files."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from tracker.cli.base import (
    Filters,
    cli,
    current_context,
    filter_options,
    global_options,
    open_tracker,
    parse_option_date,
    safe_text,
)
from tracker.core.errors import TrackerError

if TYPE_CHECKING:
    pass


# --- import and export ---------------------------------------------------------------------------


@cli.command("import")
@global_options
@click.argument("path", type=click.Path(path_type=Path), required=False)
@click.option("--format", "file_format", type=click.Choice(["csv", "xlsx", "json"]), help="Default: from the name.")
@click.option("--sheet", help="Excel sheet (default: the first).")
@click.option("--dry-run", is_flag=True, help="Check everything and say what would change; write nothing.")
@click.option("--create-agencies", is_flag=True, help="Create agencies (and jurisdictions) the file names but the "
              "database lacks, instead of reporting them.")  # fmt: skip
@click.option("--map", "maps", multiple=True, metavar='"Header=field"', help="Read a column under another name.")
@click.option("--jurisdiction", metavar="CODE", help="Jurisdiction of every row (default: from the issuer).")
@click.option("--agencies", "agencies_file", is_flag=True, help="The file is an agency list (also detected).")
@click.option("--until", "until", metavar="DATE", help="Recurring tasks get periods up to this date.")
@click.option("--template", type=click.Choice(["csv", "xlsx", "json"]), help="Write a template to PATH instead.")
def import_command(
    path: Path | None,
    file_format: str | None,
    sheet: str | None,
    dry_run: bool,
    create_agencies: bool,
    maps: tuple[str, ...],
    jurisdiction: str | None,
    agencies_file: bool,
    until: str | None,
    template: str | None,
) -> None:
    """Import assignments (or an agency list) from CSV, Excel or JSON: all rows or none."""
    if template:
        from tracker.importing.export import write_template

        target = path or Path(f"tracker-template.{template}")
        write_template(target, template)
        click.echo(str(target))
        return
    if path is None:
        raise TrackerError("name the file to import, e.g. tracker import nhiem-vu.xlsx.")
    context = current_context()
    horizon = parse_option_date(until, "--until") if until else None
    with open_tracker() as tracker:
        report = tracker.import_file(
            path,
            file_format=file_format,
            sheet=sheet,
            dry_run=dry_run,
            create_agencies=create_agencies,
            maps=list(maps),
            jurisdiction=jurisdiction,
            agencies=True if agencies_file else None,
            horizon=horizon,
        )
    for line in report.errors:
        click.echo(safe_text(line), err=True)
    if report.errors:
        raise TrackerError(f"{path}: {len(report.errors)} problem(s) found; nothing was imported.")
    click.echo(safe_text(report.summary()) + ("" if not dry_run else " (dry run: nothing written)"))
    del context


@cli.command("export")
@global_options
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--format", "file_format", type=click.Choice(["csv", "xlsx", "json", "ics"]),
              help="Default: from the name. ics: deadlines as calendar events.")  # fmt: skip
@filter_options
def export_command(path: Path, file_format: str | None, filters: Filters) -> None:
    """Export assignments in the import format, or their deadlines as a calendar (the list filters apply)."""
    from tracker.importing.export import export_records, write_records
    from tracker.importing.sources import detect_format

    kind = "ics" if file_format == "ics" or (file_format is None and path.suffix.lower() == ".ics") else None
    kind = kind or detect_format(path, file_format)
    context = current_context()
    with open_tracker() as tracker:
        rows = tracker.assignments(filters.criteria(tracker), as_of=context.as_of)
        if kind == "ics":
            from tracker.reports.ics import write_calendar

            events = write_calendar(path, tracker.reader, rows, context.lang)
            click.echo(f"{path}: {events} events")
            return
        records = export_records(tracker.reader, rows)
    write_records(path, kind, records)
    click.echo(f"{path}: {len(records)} rows")
