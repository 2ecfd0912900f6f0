"""Listing and showing assignments."""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING

import click

from tracker.cli.base import (
    Context,
    Filters,
    cli,
    current_context,
    filter_options,
    global_options,
    make_console,
    open_tracker,
)

if TYPE_CHECKING:
    from tracker.store.queries import AssignmentRow


@cli.command("list")
@global_options
@filter_options
@click.option("--format", "output_format", type=click.Choice(["table", "csv", "json"]), default="table")
@click.option("--count", "count_only", is_flag=True, help="Print only the number of matching assignments.")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many rows.")
def list_command(filters: Filters, output_format: str, count_only: bool, limit: int | None) -> None:
    """List assignments. --overdue and --due-within together list both; other filters narrow."""
    context = current_context()
    with open_tracker() as tracker:
        criteria = filters.criteria(tracker)
        if count_only:
            click.echo(tracker.count(criteria, as_of=context.as_of))
            return
        rows = tracker.assignments(criteria, as_of=context.as_of, limit=limit)
    if output_format == "json":
        import json

        click.echo(_json_for_terminal(json.dumps([row.as_dict() for row in rows], ensure_ascii=False, indent=2)))
    elif output_format == "csv":
        _print_csv(rows)
    else:
        print_table(rows, context)


def _json_for_terminal(text: str) -> str:
    """JSON with the characters a terminal acts on (C1 controls, bidirectional controls) written as
    ``\\uXXXX`` escapes: the same data for a program, nothing a terminal obeys (JSON escapes C0 itself)."""
    return _UNSAFE_IN_JSON.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _print_csv(rows: list[AssignmentRow]) -> None:
    import csv

    from tracker.core.text import for_terminal

    writer = csv.writer(sys.stdout, lineterminator="\n")
    header = list(rows[0].as_dict()) if rows else ["id", "directive", "ref", "task", "agency", "role", "due_on"]
    writer.writerow(header)
    for row in rows:  # no escape sequence reaches the terminal; bidirectional controls are shown
        writer.writerow(
            ["" if v is None else for_terminal(v) if isinstance(v, str) else v for v in row.as_dict().values()]
        )


def print_table(rows: list[AssignmentRow], context: Context) -> None:
    from rich.table import Table
    from rich.text import Text

    from tracker.core.text import shown_line as one_line
    from tracker.i18n import t
    from tracker.render import status_label

    lang = context.lang
    console = make_console()
    if not rows:
        console.print(t("list.none", lang))
        return
    cells = []
    for row in rows:
        label, style = status_label(row, lang)
        agency = Text(one_line(row.agency))
        if row.role != "lead":
            agency.append(f" ({t('role.' + row.role, lang)})", style="dim")
        cells.append(
            [
                Text(str(row.id)),
                Text(f"{row.due_on:%d/%m/%Y}" if row.due_on else "-"),
                Text(label, style=style),
                agency,
                Text(one_line(row.task)),
                Text(one_line(f"{row.directive} {row.ref}")),
                Text(row.period),
            ]
        )
    headers = ["col.id", "col.due", "col.status", "col.agency", "col.task", "col.directive", "col.period"]
    narrow = console.width < 110
    caps = [8, 10, 16 if narrow else 20, 20 if narrow else 28, 0, 16 if narrow else 22, 8]
    widths = [
        min(cap, max(len(t(h, lang)), *(c[i].cell_len for c in cells)))
        for i, (h, cap) in enumerate(zip(headers, caps, strict=True))
    ]
    shown = [i for i in range(7) if i != 6 or any(row.period for row in rows)]
    # Every column costs one more cell for its right padding; the task takes what is left.
    widths[4] = console.width - sum(widths[i] + 1 for i in shown if i != 4) - 1
    if widths[4] < 16:
        shown.remove(4)
    table = Table(header_style="bold underline", box=None, padding=(0, 1, 0, 0), pad_edge=False)
    for index in shown:
        table.add_column(
            t(headers[index], lang),
            width=widths[index],
            no_wrap=index != 3,
            overflow="ellipsis",
            justify="right" if index == 0 else "left",
        )
    for line in cells:
        table.add_row(*(line[i] for i in shown))
    console.print(table)
    console.print(t("list.total", lang, count=len(rows), as_of=f"{context.as_of:%d/%m/%Y}"), style="dim")


@cli.command()
@global_options
@click.argument("assignment_id", type=int)
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text")
def show(assignment_id: int, output_format: str) -> None:
    """Everything about one assignment: task, directive, agencies, deadline, changes, history."""
    from tracker.services.details import assignment_details

    context = current_context()
    tracker = context.open()
    try:
        details = assignment_details(tracker, assignment_id, context.as_of)
    finally:
        tracker.close()
    if output_format == "json":
        import json

        click.echo(json.dumps(details.as_dict(), ensure_ascii=False, indent=2))
        return
    from tracker.render import detail_view

    make_console().print(detail_view(details, context.lang, version=True))
