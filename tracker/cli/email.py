"""The daily overdue email."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING

import click

from tracker.cli.base import (
    cli,
    current_context,
    global_options,
    open_tracker,
)

if TYPE_CHECKING:
    from tracker.notify.digest import DigestPlan
    from tracker.notify.send import Progress, SendReport
    from tracker.settings import Settings
    from tracker.store.reader import Reader


# --- the daily email --------------------------------------------------------------------------


@cli.command()
@global_options
@click.option("--due-within", type=click.IntRange(min=0), default=None, metavar="N", help="Due-soon window (7).")
@click.option("--agency", "agency_names", multiple=True, metavar="NAME", help="Only this agency's digest.")
@click.option("--only-overdue", is_flag=True, help="Leave out what is only due soon.")
@click.option("--weekdays-only", is_flag=True, help="Send nothing on weekends and Vietnamese public holidays.")
@click.option("--dry-run", is_flag=True, help="Print the emails a run would send now; send and record nothing.")
@click.option("--to", "to_address", metavar="ADDRESS", help="Send everything to this one address (to try it out).")
def notify(
    due_within: int | None,
    agency_names: tuple[str, ...],
    only_overdue: bool,
    weekdays_only: bool,
    dry_run: bool,
    to_address: str | None,
) -> None:
    """Email each agency its overdue and due-soon assignments, and the secretariat a summary; each digest
    at most once a day to each address. For cron: needs no terminal and no input; exit 1 names the
    addresses it could not send to."""
    from tracker.i18n import t
    from tracker.notify.digest import build_digests
    from tracker.notify.send import check_settings, read_sender, send_digests
    from tracker.notify.sentlog import SentLog

    context = current_context()
    settings = context.settings
    day = context.as_of
    lang = context.lang
    if weekdays_only:
        from tracker.core.calendar import is_working_day

        if not is_working_day(day):
            click.echo(t("mail.not_working_day", lang, day=f"{day:%d/%m/%Y}"))
            return
    if dry_run:
        read_sender(settings, required=False)  # a sender that is not an address is said now
    else:
        check_settings(settings)  # before the digests are built: a bad setting is said at once
    to = _checked_to(to_address)
    window = settings.due_soon_days if due_within is None else due_within
    with open_tracker() as tracker:
        sent_log = None if dry_run else SentLog.open(tracker.reader)
        try:
            if sent_log is not None:
                sent_log.take_run_lock()
            agency_ids = None
            if agency_names:
                from tracker.store import names

                agency_ids = [a.id for a in names.resolve_agencies(tracker.reader, agency_names, None)]
            secretariat = [a.strip() for a in settings.secretariat_emails.split(",") if a.strip()]
            plan = build_digests(
                tracker.reader,
                day,
                due_within=window,
                only_overdue=only_overdue,
                agency_ids=agency_ids,
                secretariat=secretariat,
                lang=lang,
            )
            if dry_run:
                _dry_run(plan, tracker.reader, settings, day, to, lang)
                return
            assert sent_log is not None
            with _progress_bar(t("notify.progress", lang)) as progress:
                report = send_digests(
                    plan.digests, settings, day, sent_log=sent_log, to_override=to, lang=lang, progress=progress
                )
        finally:
            if sent_log is not None:
                sent_log.close()
    if plan.agencies_without_contact:
        click.echo(_no_contact(plan, lang))
    summary = t("mail.report", lang, sent=len(report.sent), skipped=len(report.skipped), as_of=f"{day:%d/%m/%Y}")
    _finish(report, summary, lang)
    click.echo(summary)


def _checked_to(to_address: str | None) -> str | None:
    if to_address is None:
        return None
    from tracker.core.email_address import InvalidEmailAddress, check_email
    from tracker.notify.send import NotifyError

    try:
        return check_email(to_address)
    except InvalidEmailAddress as error:
        raise NotifyError(key="notify.bad_to", error=error) from None


def _no_contact(plan: DigestPlan, lang: str) -> str:
    from tracker.core.text import one_line
    from tracker.i18n import t

    names = plan.agencies_without_contact
    return t("notify.no_contact", lang, count=len(names), names="; ".join(one_line(name) for name in names))


def _finish(report: SendReport, summary: str, lang: str) -> None:
    """The run's last line, as an error (exit 1) when an address was not sent to or the run stopped:
    what was sent, then why it stopped, then each address to fix."""
    from tracker.i18n import t
    from tracker.notify.send import NotifyError

    failures = "; ".join(
        t("notify.failure", lang, address=f.address, digest=f.digest, reason=f.reason.text(lang).rstrip("."))
        for f in report.failures
    )
    if report.stopped is not None:
        line = report.stopped.text(lang)
        if failures:
            line = t("notify.failed", lang, report=line, count=len(report.failures), failures=failures)
        raise NotifyError(line)
    if report.failures:
        raise NotifyError(t("notify.failed", lang, report=summary, count=len(report.failures), failures=failures))


def _dry_run(plan: DigestPlan, reader: Reader, settings: Settings, day: date, to: str | None, lang: str) -> None:
    """Print what a run would send now: the digests not yet sent today (to the addresses they still lack),
    and a line for each one already sent; then a summary line, never nothing."""
    from datetime import UTC, datetime

    from tracker.i18n import t
    from tracker.notify.send import compose, read_sender
    from tracker.notify.sentlog import read_entries

    sender = read_sender(settings, required=False)
    entries = read_entries(reader.raw, day)
    pending = skipped = 0
    last: datetime | None = None
    for digest in plan.digests:
        key = f"{to}>{digest.key}" if to else digest.key
        targets = [to] if to else digest.to
        entry = entries.get(key)
        delivered = entry.delivered() if entry else set()
        missing = [address for address in targets if address.strip().lower() not in delivered]
        if entry is not None and not missing:
            skipped += 1
            at = entry.sent_at
            last = max(last, at) if last and at else (at or last)
            click.echo(
                t(
                    "notify.dry_already_sent",
                    lang,
                    at=_local_time(at),
                    subject=digest.subject,
                    recipients=", ".join(entry.recipients),
                )
            )
            continue
        pending += 1
        message = compose(digest, sender, datetime.now(UTC), _printable(missing))
        preview = t("notify.preview", lang, to=message["To"], subject=digest.subject)
        click.echo(f"{preview}\n\n{digest.text}\n{'-' * 72}")
    if plan.agencies_without_contact:
        click.echo(_no_contact(plan, lang))
    as_of = f"{day:%d/%m/%Y}"
    if pending == 0 and skipped:
        click.echo(t("notify.dry_all_sent", lang, as_of=as_of, skipped=skipped, at=_local_time(last)))
    elif pending == 0:
        click.echo(t("notify.dry_nothing", lang, as_of=as_of))
    else:
        click.echo(t("notify.dry_report", lang, as_of=as_of, pending=pending, skipped=skipped))


def _printable(addresses: list[str]) -> list[str]:
    """Addresses as a dry run shows them: valid ones as they would be sent, others as written."""
    from tracker.core.email_address import check_email, is_email
    from tracker.core.text import one_line

    return [check_email(a) if is_email(a) else one_line(a) for a in addresses]


def _local_time(at: object) -> str:
    from datetime import UTC, datetime

    if not isinstance(at, datetime):
        return "?"
    moment = at if at.tzinfo else at.replace(tzinfo=UTC)
    return f"{moment.astimezone():%H:%M %d/%m/%Y}"


@contextlib.contextmanager
def _progress_bar(description: str) -> Iterator[Progress | None]:
    """A progress bar of the digests sent, on a terminal's standard error; nothing in cron or a pipe."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    task = bar.add_task(description, total=None)

    def advance(done: int, total: int) -> None:
        bar.update(task, completed=done, total=total)

    with bar:
        yield advance
