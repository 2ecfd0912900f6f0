"""The ``tracker`` command. Command names and options are the scripting contract.

Heavy modules (SQLAlchemy, SQLModel, Rich, Textual) are imported inside the commands that need
them, so ``tracker list`` and cron jobs never load Textual.
"""

from __future__ import annotations

import functools
import sys
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from tracker.core.errors import TrackerError
from tracker.core.status import Status

if TYPE_CHECKING:
    from collections.abc import Callable

    from tracker.api import Tracker
    from tracker.settings import Settings
    from tracker.store.queries import AssignmentFilter, AssignmentRow


@dataclass
class Context:
    settings: Settings
    as_of: date
    lang: str
    as_of_given: bool

    def open(self, *, create: bool = False) -> Tracker:
        from tracker.api import Tracker

        return Tracker(settings=self.settings, today=self.as_of, create=create)


def _parse_date(value: str, option: str) -> date:
    from tracker.core.deadlines import parse_date

    try:
        return parse_date(value)
    except TrackerError as error:
        raise TrackerError(f"{option}: {error}") from None


def _set_global(ctx: click.Context, param: click.Parameter, value: Any) -> None:
    """Apply a global option given after the command name (``tracker list --as-of 1/5/2020``)."""
    if value is None:
        return
    context = ctx.find_object(Context)
    if context is None:  # the group itself is being parsed: its callback applies the value
        ctx.meta.setdefault("tracker.globals", {})[param.name] = value
        return
    _apply_global(context, param.name or "", value)


def _apply_global(context: Context, name: str, value: Any) -> None:
    from tracker.i18n import detect_language

    if name == "as_of":
        context.as_of = _parse_date(value, "--as-of")
        context.as_of_given = True
    elif name == "database_url":
        context.settings = replace(context.settings, database_url=value)
    elif name == "actor":
        context.settings = replace(context.settings, actor=value)
    elif name == "lang":
        context.settings = replace(context.settings, lang=value)
        context.lang = detect_language(value)


def global_options(function: Any) -> Any:
    """--db, --as-of, --as and --lang, accepted before or after the command name."""
    options = [
        click.option(
            "--db",
            "database_url",
            metavar="URL",
            expose_value=False,
            callback=_set_global,
            help="Database URL (sqlite:///FILE or postgresql+psycopg://...).",
        ),
        click.option(
            "--as-of",
            "as_of",
            metavar="DATE",
            expose_value=False,
            callback=_set_global,
            help="Date to compute status at (default: today). Day first: 30/4/2020.",
        ),
        click.option(
            "--as",
            "actor",
            metavar="NAME",
            expose_value=False,
            callback=_set_global,
            help="Name recorded in the audit log (default: the OS user).",
        ),
        click.option(
            "--lang",
            type=click.Choice(["vi", "en"]),
            expose_value=False,
            callback=_set_global,
            help="Language of the output.",
        ),
    ]
    for option in reversed(options):
        function = option(function)
    return function


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, invoke_without_command=True)
@global_options
@click.version_option(package_name="tracker")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Theo dõi nhiệm vụ - track the tasks that directives assign to agencies.

    With no command, opens the terminal UI on the configured database."""
    from tracker.i18n import detect_language
    from tracker.settings import load_settings

    settings = load_settings()
    context = Context(settings, date.today(), detect_language(settings.lang), False)
    for name, value in ctx.meta.get("tracker.globals", {}).items():
        _apply_global(context, name, value)
    ctx.obj = context
    if ctx.invoked_subcommand is None:
        _run_ui(context)


def _run_ui(context: Context) -> None:
    """Open the terminal UI (Textual is imported here and nowhere on the command-line paths)."""
    if not sys.stdout.isatty():
        raise TrackerError("the terminal UI needs a terminal; use 'tracker list' in scripts.")
    from tracker.ui.app import TrackerApp

    tracker = context.open()
    try:
        TrackerApp(tracker, context.as_of, context.lang).run()
    finally:
        tracker.close()


@cli.command()
@global_options
def ui() -> None:
    """Open the terminal UI on the configured database."""
    _run_ui(_context())


def _context() -> Context:
    return click.get_current_context().find_object(Context)  # type: ignore[return-value]


# --- database ----------------------------------------------------------------------------------


@cli.group()
def db() -> None:
    """Create and upgrade the database."""


@db.command("init")
@global_options
@click.option("--demo", is_flag=True, help="Fill the new database with the demo data from seeds/.")
@click.option("--synthetic", type=click.IntRange(min=1), metavar="N", help="Fill it with N synthetic assignments.")
@click.option("--seed", type=int, default=1, show_default=True, help="Random seed of --synthetic.")
def db_init(demo: bool, synthetic: int | None, seed: int) -> None:
    """Create the tables of an empty database (optionally with the demo or synthetic data)."""
    from tracker.i18n import t

    context = _context()
    url = context.settings.resolved_database_url()
    if demo and synthetic:
        raise TrackerError("choose --demo or --synthetic, not both.")
    info = _init_database(context, demo=demo)
    if synthetic:
        from tracker.services.synthetic import SYNTHETIC_AS_OF, generate
        from tracker.store.engine import make_engine

        engine = make_engine(url)
        try:
            report = generate(engine, synthetic, seed=seed)
        finally:
            engine.dispose()
        click.echo(
            t(
                "msg.synthetic",
                context.lang,
                count=report.assignments,
                provinces=report.jurisdictions,
                seconds=f"{report.seconds:.1f}",
                as_of=f"{SYNTHETIC_AS_OF:%d/%m/%Y}",
            )
        )
        return
    if info is not None:
        click.echo(t("msg.demo_created", context.lang, url=_display_url(url), as_of=f"{info:%d/%m/%Y}"))
    else:
        click.echo(t("msg.created", context.lang, url=_display_url(url)))


def _display_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def _init_database(context: Context, *, demo: bool) -> date | None:
    """Create the schema (and demo data) in an empty database; return the demo's as-of date."""
    from tracker.store.engine import current_revision, make_engine
    from tracker.store.migrate import upgrade

    url = context.settings.resolved_database_url()
    engine = make_engine(url)
    try:
        if current_revision(engine) is not None:
            raise TrackerError(
                f"the database {_display_url(url)} already exists; use 'tracker db upgrade', or another --db."
            )
        upgrade(engine)
    finally:
        engine.dispose()
    if not demo:
        return None
    from tracker.services.seeding import load_demo

    tracker = context.open()
    try:
        with tracker.transaction() as session:
            return load_demo(session, rules=context.settings.deadline_rules, actor=tracker.actor).as_of
    finally:
        tracker.close()


@db.command("upgrade")
@global_options
@click.option("--revision", default="head", show_default=True, help="Target revision.")
def db_upgrade(revision: str) -> None:
    """Bring the database to the schema of this version (creating it if empty)."""
    from tracker.i18n import t
    from tracker.store.engine import current_revision, make_engine
    from tracker.store.migrate import upgrade

    context = _context()
    url = context.settings.resolved_database_url()
    engine = make_engine(url)
    try:
        upgrade(engine, revision)
        click.echo(t("msg.upgraded", context.lang, url=_display_url(url), revision=current_revision(engine)))
    finally:
        engine.dispose()


@db.command("downgrade")
@global_options
@click.argument("revision")
def db_downgrade(revision: str) -> None:
    """Take the schema back to REVISION ("base" removes every table)."""
    from tracker.store.engine import make_engine
    from tracker.store.migrate import downgrade

    engine = make_engine(_context().settings.resolved_database_url())
    try:
        downgrade(engine, revision)
    finally:
        engine.dispose()


# --- demo ----------------------------------------------------------------------------------------


@cli.command()
@global_options
@click.option("--reset", is_flag=True, help="Rebuild the demo database from seeds/ first.")
@click.option("--print", "print_only", is_flag=True, help="Print the overdue list instead of opening the UI.")
def demo(reset: bool, print_only: bool) -> None:
    """Open the demo database (made from seeds/ on first use) at its as-of date, in the terminal UI
    (or, with --print or without a terminal, print its overdue list)."""
    from tracker.i18n import t
    from tracker.services.seeding import demo_info
    from tracker.settings import demo_database_path, sqlite_url

    context = _context()
    path = demo_database_path()
    if reset:
        for suffix in ("", "-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
    demo_context = Context(
        replace(context.settings, database_url=sqlite_url(path)),
        context.as_of if context.as_of_given else demo_info().as_of,
        context.lang,
        True,
    )
    if not path.exists():
        _init_database(demo_context, demo=True)
    else:
        _upgrade_demo(demo_context)
    if not print_only and sys.stdout.isatty() and sys.stdin.isatty():
        _run_ui(demo_context)
        return
    tracker = demo_context.open()
    try:
        from tracker.store.queries import AssignmentFilter

        rows = tracker.assignments(AssignmentFilter(overdue=True), as_of=demo_context.as_of)
        console = _console()
        console.print(t("demo.heading", context.lang, as_of=f"{demo_context.as_of:%d/%m/%Y}"), style="bold")
        _print_table(rows, demo_context)
    finally:
        tracker.close()


def _upgrade_demo(context: Context) -> None:
    """A demo made by an earlier version is brought to this version's schema, keeping what was done in it
    (a database of one's own is only upgraded when asked: ``tracker db upgrade``)."""
    from tracker.i18n import t
    from tracker.store.engine import current_revision, make_engine
    from tracker.store.migrate import upgrade
    from tracker.store.schema import SCHEMA_REVISION

    url = context.settings.resolved_database_url()
    engine = make_engine(url)
    try:
        if current_revision(engine) != SCHEMA_REVISION:
            upgrade(engine)
            message = t("msg.upgraded", context.lang, url=_display_url(url), revision=current_revision(engine))
            click.echo(message, err=True)
    finally:
        engine.dispose()


# --- listing -------------------------------------------------------------------------------------

_STATUS_NAMES = [s.value for s in Status]


@dataclass(frozen=True)
class Filters:
    """The list filters as given on the command line (``list`` and ``export`` share them)."""

    overdue: bool
    due_within: int | None
    agency_names: tuple[str, ...]
    directive_numbers: tuple[str, ...]
    statuses: tuple[str, ...]
    period: str | None
    role: str | None
    search: str | None

    def criteria(self, tracker: Tracker) -> AssignmentFilter:
        """Names resolved (in plain SQL: no ORM on this path) into an :class:`AssignmentFilter`."""
        from tracker.store import names
        from tracker.store.queries import AssignmentFilter

        return AssignmentFilter(
            overdue=self.overdue,
            due_within=self.due_within,
            agency_ids=[a.id for a in names.resolve_agencies(tracker.reader, self.agency_names, None)]
            if self.agency_names
            else None,
            directive_ids=[names.find_directive_id(tracker.reader, n) for n in self.directive_numbers]
            if self.directive_numbers
            else None,
            statuses=[Status(s) for s in self.statuses] or None,
            period=self.period,
            role=self.role,
            search=self.search,
        )


def filter_options(function: Any) -> Any:
    """The list filters, passed to the command as one ``filters`` argument."""
    options = [
        click.option("--overdue", is_flag=True, help="Not done and past the due date."),
        click.option("--due-within", type=click.IntRange(min=0), metavar="N", help="Not done and due in N days."),
        click.option("--agency", "agency_names", multiple=True, metavar="NAME", help="Agency name or alias."),
        click.option("--directive", "directive_numbers", multiple=True, metavar="NUMBER", help="Directive number."),
        click.option("--status", "statuses", multiple=True, type=click.Choice(_STATUS_NAMES), help="Status."),
        click.option("--period", metavar="PERIOD", help="Period of a recurring task, e.g. 2020-02."),
        click.option("--role", type=click.Choice(["lead", "coordinating"]), help="Lead or coordinating only."),
        click.option("--search", metavar="TEXT", help="Words in the task, agency or directive (no diacritics needed)."),
    ]

    def wrapper(**kwargs: Any) -> Any:
        names = ("overdue", "due_within", "agency_names", "directive_numbers", "statuses", "period", "role", "search")
        filters = Filters(**{name: kwargs.pop(name) for name in names})
        return function(filters=filters, **kwargs)

    functools.update_wrapper(wrapper, function)  # keeps the options already declared below this one
    for option in reversed(options):
        wrapper = option(wrapper)
    return wrapper


@cli.command("list")
@global_options
@filter_options
@click.option("--format", "output_format", type=click.Choice(["table", "csv", "json"]), default="table")
@click.option("--count", "count_only", is_flag=True, help="Print only the number of matching assignments.")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many rows.")
def list_command(filters: Filters, output_format: str, count_only: bool, limit: int | None) -> None:
    """List assignments. --overdue and --due-within together list both; other filters narrow."""
    context = _context()
    with _tracker() as tracker:
        criteria = filters.criteria(tracker)
        if count_only:
            click.echo(tracker.count(criteria, as_of=context.as_of))
            return
        rows = tracker.assignments(criteria, as_of=context.as_of, limit=limit)
    if output_format == "json":
        import json

        click.echo(json.dumps([row.as_dict() for row in rows], ensure_ascii=False, indent=2))
    elif output_format == "csv":
        _print_csv(rows)
    else:
        _print_table(rows, context)


def _print_csv(rows: list[AssignmentRow]) -> None:
    import csv

    writer = csv.writer(sys.stdout, lineterminator="\n")
    header = list(rows[0].as_dict()) if rows else ["id", "directive", "ref", "task", "agency", "role", "due_on"]
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row.as_dict().values()])


def _console() -> Any:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def _print_table(rows: list[AssignmentRow], context: Context) -> None:
    from rich.table import Table
    from rich.text import Text

    from tracker.core.text import one_line
    from tracker.i18n import t
    from tracker.render import status_label

    lang = context.lang
    console = _console()
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

    context = _context()
    tracker = context.open()
    try:
        details = assignment_details(tracker, assignment_id, context.as_of)
    finally:
        tracker.close()
    if output_format == "json":
        import json

        click.echo(json.dumps(details.as_dict(), ensure_ascii=False, indent=2))
        return
    from tracker.render import render_details

    _console().print(render_details(details, context.lang))


# --- changes -------------------------------------------------------------------------------------

_version_option = click.option(
    "--version", "expected_version", type=int, help="Fail if the record is no longer at this version."
)


@cli.command()
@global_options
@click.argument("assignment_id", type=int)
@click.option("--on", "on", metavar="DATE", help="Date the report was received (default: the as-of date).")
@click.option("--ref", "result_ref", default="", metavar="TEXT", help='Report reference, e.g. "18/BC-STP".')
@_version_option
def done(assignment_id: int, on: str | None, result_ref: str, expected_version: int | None) -> None:
    """Record an assignment as done."""
    from tracker.i18n import t

    context = _context()
    day = _parse_date(on, "--on") if on else context.as_of
    with _tracker() as tracker:
        tracker.complete(assignment_id, day, ref=result_ref, expected_version=expected_version)
    click.echo(t("msg.done", context.lang, id=assignment_id, on=f"{day:%d/%m/%Y}"))


@cli.command()
@global_options
@click.argument("assignment_id", type=int)
@_version_option
def reopen(assignment_id: int, expected_version: int | None) -> None:
    """Undo a completion."""
    from tracker.i18n import t

    with _tracker() as tracker:
        tracker.reopen(assignment_id, expected_version=expected_version)
    click.echo(t("msg.reopened", _context().lang, id=assignment_id))


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

    day = _parse_date(to, "--to")
    with _tracker() as tracker:
        tracker.extend(assignment_id, day, reason=reason, decision=decision, expected_version=expected_version)
    click.echo(t("msg.extended", _context().lang, id=assignment_id, to=f"{day:%d/%m/%Y}"))


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

    context = _context()
    day = _parse_date(on, "--on") if on else context.as_of
    with _tracker() as tracker:
        tracker.withdraw(assignment_id, reason=reason, on=day, decision=decision, expected_version=expected_version)
    click.echo(t("msg.withdrawn", context.lang, id=assignment_id))


@cli.command()
@global_options
@click.argument("assignment_id", type=int)
@click.argument("text")
@_version_option
def note(assignment_id: int, text: str, expected_version: int | None) -> None:
    """Set the note of an assignment ("" clears it)."""
    from tracker.i18n import t

    with _tracker() as tracker:
        tracker.note(assignment_id, text, expected_version=expected_version)
    click.echo(t("msg.noted", _context().lang, id=assignment_id))


@cli.command()
@global_options
@click.option("--until", "until", metavar="DATE", help="Horizon (default: about three months past the as-of date).")
def materialise(until: str | None) -> None:
    """Create the coming occurrences of recurring tasks (run it from cron, e.g. monthly)."""
    from tracker.api import DEFAULT_HORIZON_DAYS
    from tracker.i18n import t

    context = _context()
    from datetime import timedelta

    horizon = _parse_date(until, "--until") if until else context.as_of + timedelta(days=DEFAULT_HORIZON_DAYS)
    with _tracker() as tracker:
        tally = tracker.materialise(horizon)
    click.echo(t("msg.materialised", context.lang, count=tally.created, until=f"{horizon:%d/%m/%Y}"))


class _tracker:
    """``with _tracker() as t:`` opens the configured database and closes it."""

    def __enter__(self) -> Tracker:
        self.tracker = _context().open()
        return self.tracker

    def __exit__(self, *_: object) -> None:
        self.tracker.close()


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

    context = _context()
    settings = context.settings
    day = context.as_of
    if weekdays_only:
        from tracker.core.calendar import is_working_day

        if not is_working_day(day):
            click.echo(t("mail.not_working_day", context.lang, day=f"{day:%d/%m/%Y}"))
            return
    window = settings.due_soon_days if due_within is None else due_within
    with _tracker() as tracker:
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


# --- reports ----------------------------------------------------------------------------------


@cli.group()
def report() -> None:
    """Reports: submissions for a period, the agency scoreboard, one directive's progress."""


def _report_options(function: Callable[..., None]) -> Callable[..., None]:
    """--format and --output, plus the DOCX letterhead overrides, shared by every report."""
    options = [
        click.option("--format", "file_format", type=click.Choice(["table", "csv", "md", "xlsx", "docx"]),
                     default="table", help="xlsx and docx need --output."),
        click.option("--output", type=click.Path(path_type=Path), help="Write to this file."),
        click.option("--issuer", multiple=True, metavar="LINE",
                     help="DOCX header: issuing body, parent first, one line per option (default: from the province)."),
        click.option("--place", help="DOCX date line's place name (default: from the province)."),
        click.option("--signer", help="DOCX signature block title (default: CHÁNH VĂN PHÒNG)."),
    ]  # fmt: skip
    for option in reversed(options):
        function = option(function)
    return function


def _emit(built: Any, file_format: str, output: Path | None, letterhead: dict[str, Any]) -> None:
    from tracker.reports.tables import render, to_rich

    if letterhead.get("issuer"):
        built.issuer = list(letterhead["issuer"])
    if letterhead.get("place"):
        built.place = letterhead["place"]
    if letterhead.get("signer"):
        built.signer = letterhead["signer"]
    if file_format == "table" and output is None:
        _console().print(to_rich(built))
        return
    text = render(built, "md" if file_format == "table" else file_format, output, _context().lang)
    if text is not None:
        click.echo(text, nl=False)
    else:
        click.echo(str(output))


@report.command("submissions")
@global_options
@click.option("--task", "task_text", required=True, metavar="REF_OR_ID", help="e.g. 4515/KH-UBND:BC-HT or BC-HT.")
@click.option("--period", required=True, metavar="PERIOD", help="e.g. 2020-02.")
@_report_options
def report_submissions(task_text: str, period: str, file_format: str, output: Path | None, **letterhead: Any) -> None:
    """Who submitted a recurring report for one period (on time, late, not at all), with totals."""
    from tracker.reports import builders

    context = _context()
    with _tracker() as tracker:
        built = builders.submissions(tracker.reader, task_text, period, context.as_of, context.lang)
    _emit(built, file_format, output, letterhead)


@report.command("agencies")
@global_options
@click.option("--from", "due_from", metavar="DATE", help="Count assignments due from this day.")
@click.option("--to", "due_to", metavar="DATE", help="...to this day.")
@_report_options
def report_agencies(
    due_from: str | None, due_to: str | None, file_format: str, output: Path | None, **letterhead: Any
) -> None:
    """Per agency: assigned, done on time, late, in progress, overdue, on-time rate; totals."""
    from tracker.reports import builders

    context = _context()
    start = _parse_date(due_from, "--from") if due_from else None
    end = _parse_date(due_to, "--to") if due_to else None
    with _tracker() as tracker:
        built = builders.agencies(tracker.reader, context.as_of, start, end, context.lang)
    _emit(built, file_format, output, letterhead)


@report.command("directive")
@global_options
@click.argument("number")
@_report_options
def report_directive(number: str, file_format: str, output: Path | None, **letterhead: Any) -> None:
    """Every task and assignment of one directive with its status."""
    from tracker.reports import builders

    context = _context()
    with _tracker() as tracker:
        built = builders.directive(tracker.reader, number, context.as_of, context.lang)
    _emit(built, file_format, output, letterhead)


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
    context = _context()
    horizon = _parse_date(until, "--until") if until else None
    with _tracker() as tracker:
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
        click.echo(_safe(line), err=True)
    if report.errors:
        raise TrackerError(f"{path}: {len(report.errors)} problem(s) found; nothing was imported.")
    click.echo(_safe(report.summary()) + ("" if not dry_run else " (dry run: nothing written)"))
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
    context = _context()
    with _tracker() as tracker:
        rows = tracker.assignments(filters.criteria(tracker), as_of=context.as_of)
        if kind == "ics":
            from tracker.reports.ics import write_calendar

            events = write_calendar(path, tracker.reader, rows, context.lang)
            click.echo(f"{path}: {events} events")
            return
        records = export_records(tracker.reader, rows)
    write_records(path, kind, records)
    click.echo(f"{path}: {len(records)} rows")


def _safe(text: str) -> str:
    from tracker.core.text import strip_controls

    return strip_controls(text)


# --- entry point ---------------------------------------------------------------------------------


def _fail(message: str) -> NoReturn:
    from tracker.core.text import one_line

    click.echo(f"tracker: {one_line(message)}", err=True)
    sys.exit(1)


def main(argv: list[str] | None = None) -> None:
    """Console entry point: user errors are one line on stderr and exit code 1, never a traceback."""
    try:
        cli.main(args=argv, prog_name="tracker", standalone_mode=False)
    except TrackerError as error:
        _fail(str(error))
    except click.exceptions.Abort:
        _fail("aborted.")
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except (BrokenPipeError, KeyboardInterrupt):
        sys.exit(1)
    except Exception as error:  # database unreachable, disk full, ...: still one line, not a traceback
        from sqlalchemy.exc import SQLAlchemyError

        if isinstance(error, (SQLAlchemyError, OSError)):
            _fail(f"{type(error).__name__}: {getattr(error, 'orig', None) or error}")
        raise


if __name__ == "__main__":
    main()
