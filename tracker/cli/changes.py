"""Changes to one assignment: done, reopen, extend, withdraw, note, materialise."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING

import click

from tracker.cli.base import (
    cli,
    current_context,
    global_options,
    open_tracker,
    parse_option_date,
)
from tracker.core.errors import TrackerError

if TYPE_CHECKING:
    from tracker.api import Tracker


# --- changes -------------------------------------------------------------------------------------

WAITING_NOTICE_SECONDS = 1.0
"""A write that has not finished after this long says that it is waiting for the database."""


DEADLOCK_RETRIES = 3
"""How many times a change that PostgreSQL picked to undo in a deadlock is tried again."""


def _write(change: Callable[[Tracker], object]) -> None:
    """Make one change to the database: if it waits for another writer (an import, say) for more than
    a moment, say so on stderr; if the other writer holds on for longer than a write waits, one line;
    a change that PostgreSQL undid to break a deadlock (nothing of it was kept) is tried again."""
    from sqlalchemy.exc import DBAPIError

    from tracker.i18n import t
    from tracker.store.engine import WRITE_WAIT_SECONDS

    lang = current_context().lang
    notice = threading.Timer(
        WAITING_NOTICE_SECONDS,
        lambda: print(t("limits.waiting_for_database", lang, seconds=WRITE_WAIT_SECONDS), file=sys.stderr, flush=True),
    )
    notice.daemon = True
    notice.start()
    try:
        for attempt in range(DEADLOCK_RETRIES + 1):
            try:
                with open_tracker() as tracker:
                    change(tracker)
                return
            except DBAPIError as error:
                if getattr(error.orig, "sqlstate", None) == "40P01" and attempt < DEADLOCK_RETRIES:
                    continue  # the deadlock's victim: rolled back whole, so trying again is safe
                text = str(error.orig).lower()
                if "readonly" in text or "read-only" in text or getattr(error.orig, "sqlstate", None) == "25006":
                    raise TrackerError(key="limits.database_read_only", detail=error.orig) from None
                if "locked" in text or "lock timeout" in text or "busy" in text:
                    raise TrackerError(key="limits.database_stayed_busy", seconds=WRITE_WAIT_SECONDS) from None
                raise
    finally:
        notice.cancel()


_version_option = click.option(
    "--version", "expected_version", type=int, help="Fail if the record is no longer at this version."
)


@cli.command()
@global_options
@click.argument("assignment_id", type=int)
@click.option("--on", "on", metavar="DATE", help="Date the report was received (default: the as-of date).")
@click.option("--ref", "result_ref", default=None, metavar="TEXT", help='Report reference, e.g. "18/BC-STP".')
@click.option("--replace", is_flag=True, help="Replace a completion already recorded.")
@click.option("--later", is_flag=True, help="Accept a date after the as-of date.")
@_version_option
def done(
    assignment_id: int, on: str | None, result_ref: str | None, replace: bool, later: bool, expected_version: int | None
) -> None:
    """Record an assignment as done."""
    from tracker.i18n import t

    context = current_context()
    day = parse_option_date(on, "--on") if on else context.as_of
    if day > context.as_of and not later:  # not done yet on the as-of date: it would stay overdue until then
        raise TrackerError(key="change.done_after_as_of", on=f"{day:%d/%m/%Y}", as_of=f"{context.as_of:%d/%m/%Y}")
    _write(
        lambda tracker: tracker.complete(
            assignment_id, day, ref=result_ref, expected_version=expected_version, replace=replace
        )
    )
    click.echo(t("msg.done", context.lang, id=assignment_id, on=f"{day:%d/%m/%Y}"))


@cli.command()
@global_options
@click.argument("assignment_id", type=int)
@_version_option
def reopen(assignment_id: int, expected_version: int | None) -> None:
    """Undo a completion."""
    from tracker.i18n import t

    _write(lambda tracker: tracker.reopen(assignment_id, expected_version=expected_version))
    click.echo(t("msg.reopened", current_context().lang, id=assignment_id))


@cli.command()
@global_options
@click.argument("assignment_id", type=int)
@click.option("--to", "to", required=True, metavar="DATE", help="The new due date.")
@click.option("--reason", required=True, help="Why (recorded with the change).")
@click.option("--decision", default="", metavar="TEXT", help="Reference of the decision granting it.")
@_version_option
def extend(assignment_id: int, to: str, reason: str, decision: str, expected_version: int | None) -> None:
    """Move a deadline (gia hạn), keeping the old date, the reason and the decision."""
    from tracker.i18n import t

    day = parse_option_date(to, "--to")
    _write(
        lambda tracker: tracker.extend(
            assignment_id, day, reason=reason, decision=decision, expected_version=expected_version
        )
    )
    click.echo(t("msg.extended", current_context().lang, id=assignment_id, to=f"{day:%d/%m/%Y}"))


@cli.command()
@global_options
@click.argument("assignment_id", type=int)
@click.option("--reason", required=True, help="Why (recorded with the withdrawal).")
@click.option("--decision", default="", metavar="TEXT", help="Reference of the decision.")
@click.option("--on", "on", metavar="DATE", help="Effective date (default: the as-of date).")
@_version_option
def withdraw(assignment_id: int, reason: str, decision: str, on: str | None, expected_version: int | None) -> None:
    """Withdraw an assignment (rút nhiệm vụ); it no longer counts in rates."""
    from tracker.i18n import t

    context = current_context()
    day = parse_option_date(on, "--on") if on else context.as_of
    _write(
        lambda tracker: tracker.withdraw(
            assignment_id, reason=reason, on=day, decision=decision, expected_version=expected_version
        )
    )
    click.echo(t("msg.withdrawn", context.lang, id=assignment_id))


@cli.command()
@global_options
@click.argument("assignment_id", type=int)
@click.argument("text")
@_version_option
def note(assignment_id: int, text: str, expected_version: int | None) -> None:
    """Set the note of an assignment ("" clears it)."""
    from tracker.i18n import t

    _write(lambda tracker: tracker.note(assignment_id, text, expected_version=expected_version))
    click.echo(t("msg.noted", current_context().lang, id=assignment_id))


@cli.command()
@global_options
@click.option("--until", "until", metavar="DATE", help="Horizon (default: about three months past the as-of date).")
def materialise(until: str | None) -> None:
    """Create the coming occurrences of recurring tasks (run it from cron, e.g. monthly)."""
    from tracker.api import DEFAULT_HORIZON_DAYS
    from tracker.i18n import t

    context = current_context()

    horizon = parse_option_date(until, "--until") if until else context.as_of + timedelta(days=DEFAULT_HORIZON_DAYS)
    with open_tracker() as tracker:
        tally = tracker.materialise(horizon)
    click.echo(t("msg.materialised", context.lang, count=tally.created, until=f"{horizon:%d/%m/%Y}"))
