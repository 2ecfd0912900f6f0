"""``tracker draft``: a draft of a directive's tasks, from its own text, in the import format."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from tracker.cli.base import cli, current_context, fail, global_options
from tracker.core.catalogue import t
from tracker.core.errors import SchemaError

if TYPE_CHECKING:
    from tracker.drafting.model import Draft


@cli.command("draft")
@global_options
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "file_format",
    type=click.Choice(["json", "csv", "xlsx"]),
    help="Default: from the --output name, else json.",
)
@click.option(
    "--output", "-o", type=click.Path(path_type=Path), help="Write the draft here (default: standard output)."
)
@click.option(
    "--jurisdiction", metavar="CODE", help="Match names against this jurisdiction's agencies; written on every row."
)
@click.option(
    "--review",
    is_flag=True,
    help="Open the draft beside its text in the terminal to fix, drop and accept tasks; accepting imports them.",
)
def draft_command(
    path: Path, file_format: str | None, output: Path | None, jurisdiction: str | None, review: bool
) -> None:
    """Draft the tasks of a directive (.txt, .md, .docx, .pdf) for `tracker import`: check, then import.

    Agency names are matched against the database's agencies and aliases when it has any; what the
    document does not say is left empty and listed in the doubts (never imported)."""
    from tracker.drafting.writing import format_for, render, write_draft

    context = current_context()
    if review:
        _review(path, jurisdiction, file_format is not None or output is not None)
        return
    chosen = format_for(output, file_format)
    if output is None and chosen == "xlsx":
        render(_empty(), chosen)  # the error: a workbook cannot go to standard output
    draft = _draft(path, jurisdiction, context.lang)
    found = bool(draft.tasks or draft.number or draft.kind or draft.issued_on or draft.title)
    if found:
        if output is None:
            sys.stdout.write(render(draft, chosen))
        else:
            write_draft(draft, output, chosen)
    if draft.problem is not None:
        fail(
            draft.problem.text(context.lang)
            if str(path) in str(draft.problem)
            else f"{path}: {draft.problem.text(context.lang)}"
        )
    target = t("draft.summary_target", context.lang, target=output) if output is not None else ""
    click.echo(t("draft.summary", context.lang, path=path, tasks=len(draft.tasks), target=target), err=True)


def _review(path: Path, jurisdiction: str | None, with_output: bool) -> None:
    """The review screen on the configured database (Textual is imported here only)."""
    context = current_context()
    if with_output:
        fail(t("draft.review.with_output", context.lang))
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        fail(t("draft.review.needs_terminal", context.lang))
    tracker = context.open()
    try:
        draft = tracker.draft(path, jurisdiction=jurisdiction, lang=context.lang)
        if draft.problem is not None and not draft.tasks:
            message = draft.problem.text(context.lang)
            fail(message if str(path) in message else f"{path}: {message}")
        from tracker.ui.draft_review import DraftReviewApp

        DraftReviewApp(tracker, draft, context.lang, rules=context.settings.deadline_rules).run()
    finally:
        tracker.close()


def _draft(path: Path, jurisdiction: str | None, lang: str) -> Draft:
    """With the configured database's names when there is a database, else as written."""
    context = current_context()
    try:
        tracker = context.open()
    except SchemaError:
        tracker = None
    if tracker is None:
        from tracker.drafting.build import draft_file

        return draft_file(path, lang=lang, rules=context.settings.deadline_rules, jurisdiction=jurisdiction or "")
    try:
        return tracker.draft(path, jurisdiction=jurisdiction, lang=lang)
    finally:
        tracker.close()


def _empty() -> Draft:
    from tracker.drafting.model import Draft

    return Draft()
