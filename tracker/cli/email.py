"""The daily overdue email."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from tracker.cli.base import (
    cli,
    current_context,
    global_options,
    open_tracker,
)

if TYPE_CHECKING:
    pass


# --- the daily email --------------------------------------------------------------------------


@cli.command()
@global_options
@click.option("--due-within", type=click.IntRange(min=0), default=None, metavar="N", help="Due-soon window (7).")
@click.option("--agency", "agency_names", multiple=True, metavar="NAME", help="Only this agency's digest.")
@click.option("--only-overdue", is_flag=True, help="Leave out what is only due soon.")
@click.option("--weekdays-only", is_flag=True, help="Send nothing on weekends and Vietnamese public holidays.")
@click.option("--dry-run", is_flag=True, help="Print the emails; send and record nothing.")
@click.option("--to", "to_address", metavar="ADDRESS", help="Send everything to this one address (to try it out).")
def notify(
    due_within: int | None,
    agency_names: tuple[str, ...],
    only_overdue: bool,
    weekdays_only: bool,
    dry_run: bool,
    to_address: str | None,
) -> None:
    """Email each agency its overdue and due-soon assignments, and the secretariat a summary; at most once a
    day for each digest. For cron: needs no terminal and no input."""
    from tracker.i18n import t
    from tracker.notify.digest import build_digests
    from tracker.notify.send import compose, send_digests

    context = current_context()
    settings = context.settings
    day = context.as_of
    if weekdays_only:
        from tracker.core.calendar import is_working_day

        if not is_working_day(day):
            click.echo(t("mail.not_working_day", context.lang, day=f"{day:%d/%m/%Y}"))
            return
    window = settings.due_soon_days if due_within is None else due_within
    with open_tracker() as tracker:
        agency_ids = None
        if agency_names:
            from tracker.store import names

            agency_ids = [a.id for a in names.resolve_agencies(tracker.reader, agency_names, None)]
        secretariat = [a.strip() for a in settings.secretariat_emails.split(",") if a.strip()]
        plan = build_digests(
            tracker.reader, day, due_within=window, only_overdue=only_overdue, agency_ids=agency_ids,
            secretariat=secretariat, lang=context.lang,
        )  # fmt: skip
        if dry_run:
            from datetime import UTC, datetime

            for digest in plan.digests:
                message = compose(digest, settings.mail_from or "tracker@localhost", datetime.now(UTC),
                                  [to_address] if to_address else None)  # fmt: skip
                click.echo(f"To: {message['To']}\nSubject: {digest.subject}\n\n{digest.text}\n{'-' * 72}")
            return
        report = send_digests(
            plan.digests, settings, day, open_sql=lambda: (tracker.reader.raw, tracker.reader.commit),
            to_override=to_address,
        )  # fmt: skip
    click.echo(t("mail.report", context.lang, sent=len(report.sent), skipped=len(report.skipped),
                 as_of=f"{day:%d/%m/%Y}"))  # fmt: skip
