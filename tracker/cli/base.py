"""The command group, its global options and the helpers every command shares.

The ``tracker`` command. Command names and options are the scripting contract.

Heavy modules (SQLAlchemy, SQLModel, Rich, Textual) are imported inside the commands that need
them, so ``tracker list`` and cron jobs never load Textual.
"""

from __future__ import annotations

import contextlib
import functools
import sys
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any, NoReturn

import click

from tracker.cli.helptext import LocalisedGroup
from tracker.core.errors import TrackerError
from tracker.core.status import Status

if TYPE_CHECKING:
    from collections.abc import Iterator

    from tracker.api import Tracker
    from tracker.settings import Settings
    from tracker.store.queries import AssignmentFilter


@dataclass
class Context:
    settings: Settings
    as_of: date
    lang: str
    as_of_given: bool

    def open(self, *, create: bool = False) -> Tracker:
        from tracker.api import Tracker

        return Tracker(settings=self.settings, today=self.as_of, create=create)


def parse_option_date(value: str, option: str) -> date:
    from tracker.core.deadlines import parse_date

    try:
        return parse_date(value)
    except TrackerError as error:
        raise TrackerError(key="cli.option_value", option=option, detail=error) from None


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
        context.as_of = parse_option_date(value, "--as-of")
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


@click.group(cls=LocalisedGroup, context_settings={"help_option_names": ["-h", "--help"]}, invoke_without_command=True)
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
        run_ui(context)


def run_ui(context: Context) -> None:
    """Open the terminal UI (Textual is imported here and nowhere on the command-line paths)."""
    if not sys.stdout.isatty():
        raise TrackerError(key="cli.ui_needs_terminal")
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
    run_ui(current_context())


def current_context() -> Context:
    return click.get_current_context().find_object(Context)  # type: ignore[return-value]


def make_console() -> Any:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


@contextlib.contextmanager
def open_tracker() -> Iterator[Tracker]:
    """``with open_tracker() as t:`` opens the configured database and closes it."""
    tracker = current_context().open()
    try:
        yield tracker
    finally:
        tracker.close()


def safe_text(text: str) -> str:
    from tracker.core.text import strip_controls

    return strip_controls(text)


def error_language(args: list[str]) -> str:
    """The language to report an error in, from ``--lang`` on the line or else the settings."""
    from tracker.cli.helptext import line_language
    from tracker.i18n import LANGUAGES, detect_language

    given = line_language(args)
    if given in LANGUAGES:  # a --lang that is not a language is an error said in the settings' language
        return given
    try:
        from tracker.settings import load_settings

        return detect_language(load_settings().lang)
    except Exception:  # the settings themselves may be what failed
        return detect_language()


def fail(message: str) -> NoReturn:
    from tracker.core.text import one_line

    click.echo(f"tracker: {one_line(message)}", err=True)
    sys.exit(1)


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
