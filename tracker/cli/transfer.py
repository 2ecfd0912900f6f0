"""Import and export of assignment files."""

from __future__ import annotations

from pathlib import Path

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
from tracker.cli.helptext import LocalisedCommand
from tracker.cli.progress import progress_bar
from tracker.core.catalogue import t
from tracker.core.errors import TrackerError

# --- import and export ---------------------------------------------------------------------------


_AGENCY_LIST_HELP = (
    "An agency list has the columns Tên cơ quan (name, required), Tên gọi khác (aliases), Loại (kind), "
    "Tên ngắn (short name), Nhóm (groups), Email (emails) and, with several provinces, Tỉnh (jurisdiction); "
    'lists are separated by ";". Kinds: department (sở, ban, ngành), district (huyện, thị xã, thành phố, '
    "xã, phường), central (trung ương), media (báo, đài), group (nhóm), other (khác). The list is merged: an "
    "empty cell or a missing column changes nothing."
)


def refuse_overwrite(path: Path, force: bool) -> None:
    """A file that exists, or a symbolic link, is not written over without ``--force``."""
    if force:
        return
    if path.is_symlink():
        raise TrackerError(key="file.symlink", path=str(path))
    if path.exists():
        raise TrackerError(key="file.exists", path=str(path))


@cli.command("import", cls=LocalisedCommand, epilog=_AGENCY_LIST_HELP)
@global_options
@click.argument("path", type=click.Path(path_type=Path), required=False)
@click.option("--format", "file_format", type=click.Choice(["csv", "xlsx", "json"]), help="Default: from the name.")
@click.option("--sheet", help="Excel sheet (default: the first).")
@click.option("--dry-run", is_flag=True, help="Check everything and say what would change; write nothing.")
@click.option(
    "--create-agencies",
    is_flag=True,
    help="Create the agencies and the province (from the issuer, "
    "--jurisdiction or a 'mã tỉnh' column) that the file names but the database lacks, instead of "
    "reporting them.",
)
@click.option("--map", "maps", multiple=True, metavar='"Header=field"', help="Read a column under another name.")
@click.option(
    "--jurisdiction",
    metavar="CODE",
    help="Province of every row, e.g. quang-ninh (default: from the issuer, such as 'UBND tỉnh Quảng Ninh').",
)
@click.option("--agencies", "agencies_file", is_flag=True, help="The file is an agency list (also detected).")
@click.option("--until", "until", metavar="DATE", help="Recurring tasks get periods up to this date.")
@click.option(
    "--template",
    type=click.Choice(["csv", "xlsx", "json"]),
    help="Write a template to PATH instead (with --agencies: an agency list, csv or xlsx).",
)
@click.option("--force", is_flag=True, help="With --template: write over an existing file.")
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
    force: bool,
) -> None:
    """Import assignments (or an agency list) from CSV, Excel or JSON: all rows or none."""
    from tracker.importing.problems import grouped

    context = current_context()
    if template:
        from tracker.importing.export import write_agency_template, write_template

        name = "co-quan" if agencies_file else "tracker-template"
        target = path or Path(f"{name}.{template}")
        refuse_overwrite(target, force)
        if agencies_file:
            write_agency_template(target, template)
        else:
            write_template(target, template)
        click.echo(str(target))
        return
    if path is None:
        raise TrackerError(key="import.need_file")
    horizon = parse_option_date(until, "--until") if until else None
    with open_tracker() as tracker, progress_bar("progress.checking", context.lang) as told:
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
            progress=told,
        )
    for line in grouped(report.errors, context.lang):
        click.echo(safe_text(line), err=True)
    if report.errors:
        raise TrackerError(key="import.problems", path=str(path), count=len(report.errors))
    head, *notices = report.summary(context.lang).split("\n")
    click.echo(safe_text(head) + ("" if not dry_run else t("import.dry_run", context.lang)))
    for notice in notices:
        click.echo(safe_text(notice))


@cli.command("export", cls=LocalisedCommand)
@global_options
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "file_format",
    type=click.Choice(["csv", "xlsx", "json", "ics"]),
    help="Default: from the name. ics: deadlines as calendar events.",
)
@click.option("--force", is_flag=True, help="Write over an existing file.")
@filter_options
def export_command(path: Path, file_format: str | None, force: bool, filters: Filters) -> None:
    """Export assignments in the import format, or their deadlines as a calendar (the list filters apply)."""
    from tracker.importing.export import export_records, write_records
    from tracker.importing.sources import detect_format

    kind = "ics" if file_format == "ics" or (file_format is None and path.suffix.lower() == ".ics") else None
    kind = kind or detect_format(path, file_format)
    refuse_overwrite(path, force)
    context = current_context()
    with open_tracker() as tracker:
        rows = tracker.assignments(filters.criteria(tracker), as_of=context.as_of)
        if kind == "ics":
            from tracker.reports.ics import write_calendar

            events = write_calendar(path, tracker.reader, rows, context.lang)
            click.echo(t("export.events", context.lang, path=str(path), count=events))
            return
        records = export_records(tracker.reader, rows)
    with progress_bar("progress.exporting", context.lang, total=len(records)) as told:
        write_records(path, kind, records, told)
    click.echo(t("export.written", context.lang, path=str(path), count=len(records)))
