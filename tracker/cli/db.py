"""Database set-up, the demo and the terminal UI's command."""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

import click

from tracker.cli.base import (
    Context,
    cli,
    current_context,
    global_options,
    make_console,
    run_ui,
)
from tracker.cli.listing import print_table
from tracker.core.errors import TrackerError

if TYPE_CHECKING:
    pass


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

    context = current_context()
    url = context.settings.resolved_database_url()
    if demo and synthetic:
        raise TrackerError(key="synthetic.not_with_demo")
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
            raise TrackerError(key="db.exists", url=_display_url(url))
        upgrade(engine)
    finally:
        engine.dispose()
    if not demo:
        return None
    from tracker.importing.seeding import load_demo

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

    context = current_context()
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
@click.option("--yes", is_flag=True, help="Do not ask: take the schema back and lose what the revisions hold.")
def db_downgrade(revision: str, yes: bool) -> None:
    """Take the schema back to REVISION ("base" removes every table). It says what will be lost and
    asks first (without a terminal to ask on, it needs --yes)."""
    from tracker.i18n import t
    from tracker.store.engine import current_revision, make_engine
    from tracker.store.migrate import downgrade, known_revision, revisions_undone

    context = current_context()
    lang = context.lang
    url = context.settings.resolved_database_url()
    target = known_revision(revision)
    engine = make_engine(url)
    try:
        before = current_revision(engine)
        undone = revisions_undone(before, target)
        if not undone:
            click.echo(t("limits.downgrade_nothing", lang, url=_display_url(url), revision=before or "base"))
            return
        lost = "\n".join(f"  {number}: {what}" for number, what in undone)
        if target == "base":
            lost += "\n" + t("limits.downgrade_everything", lang, records=_record_counts(engine))
        click.echo(t("limits.downgrade_plan", lang, url=_display_url(url), target=target, lost=lost), err=True)
        if not yes:
            if not sys.stdin.isatty():
                raise TrackerError(key="limits.downgrade_needs_yes")
            if not click.confirm(t("limits.downgrade_confirm", lang), default=False, err=True):
                raise TrackerError(key="limits.downgrade_declined")
        downgrade(engine, target)
        click.echo(
            t(
                "limits.downgrade_done",
                lang,
                url=_display_url(url),
                before=before,
                after=current_revision(engine) or "base",
                count=len(undone),
            )
        )
    finally:
        engine.dispose()


def _record_counts(engine: Any) -> str:
    """How many directives, tasks, assignments and sent digests the database holds, as one phrase."""
    from sqlalchemy import inspect, text

    counts = []
    with engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        for table in ("directive", "task", "assignment", "agency", "sent_digest"):
            if table in tables:
                counts.append(f"{table} {connection.execute(text(f'SELECT count(*) FROM {table}')).scalar()}")
    return ", ".join(counts)


# --- demo ----------------------------------------------------------------------------------------


@cli.command()
@global_options
@click.option("--reset", is_flag=True, help="Rebuild the demo database from seeds/ first.")
@click.option("--print", "print_only", is_flag=True, help="Print the overdue list instead of opening the UI.")
def demo(reset: bool, print_only: bool) -> None:
    """Open the demo database (made from seeds/ on first use) at its as-of date, in the terminal UI
    (or, with --print or without a terminal, print its overdue list)."""
    from tracker.i18n import t
    from tracker.importing.seeding import demo_info
    from tracker.settings import demo_database_path, sqlite_url

    context = current_context()
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
        run_ui(demo_context)
        return
    tracker = demo_context.open()
    try:
        from tracker.store.queries import AssignmentFilter

        rows = tracker.assignments(AssignmentFilter(overdue=True), as_of=demo_context.as_of)
        console = make_console()
        console.print(t("demo.heading", context.lang, as_of=f"{demo_context.as_of:%d/%m/%Y}"), style="bold")
        print_table(rows, demo_context)
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
