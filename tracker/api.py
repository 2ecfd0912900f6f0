"""The Python API for scripts: a small facade over the services.

>>> import tracker
>>> t = tracker.open("sqlite:///example.db")            # doctest: +SKIP
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.core.deadlines import Deadline, parse_date
from tracker.core.errors import SchemaError
from tracker.core.status import Status
from tracker.core.text import clean_name
from tracker.settings import Settings, load_settings
from tracker.store import queries
from tracker.store.queries import AssignmentFilter, AssignmentRow
from tracker.store.reader import Reader
from tracker.store.schema import require_revision

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

    from tracker.drafting.model import Draft
    from tracker.importing.assignments import ImportReport
    from tracker.services.agencies import AgencyEdit, AgencyListing, AgencySpec
    from tracker.services.directives import Tally

# The services (and SQLModel with them) are imported by the methods that write or resolve names, so
# that listing and counting start fast.

DateLike = date | str

DEFAULT_HORIZON_DAYS = 92
"""Recurring tasks get their occurrences materialised this far past the as-of date by default."""


def to_date(value: DateLike) -> date:
    return value if isinstance(value, date) else parse_date(value)


@dataclass(frozen=True)
class DirectiveHandle:
    """A directive, to which tasks can be assigned."""

    tracker: Tracker
    id: int
    number: str
    jurisdiction_id: int

    def assign(
        self,
        ref: str,
        text: str,
        *,
        lead: str | Sequence[str],
        coordinating: str | Sequence[str] = (),
        due: Deadline | DateLike | None = None,
        starts_on: DateLike | None = None,
        horizon: DateLike | None = None,
    ) -> Tally:
        """Create or update task ``ref`` and its assignments; returns what was created or updated.

        ``due`` takes any deadline form ("trước 30/4/2020", "quý III năm 2020",
        "trước ngày 20 hàng tháng", a date, or None for a standing task)."""
        return self.tracker._assign(self, ref, text, lead, coordinating, due, starts_on, horizon)


@dataclass(frozen=True)
class TaskSpec:
    """One task of a new directive, as a form or a script gives it."""

    ref: str
    text: str
    lead: Sequence[str]
    coordinating: Sequence[str] = ()
    due: str | None = None


class Tracker:
    """An open tracker database. Dates may be given as ``date`` objects or day-first strings."""

    def __init__(
        self,
        url: str | None = None,
        *,
        settings: Settings | None = None,
        actor: str | None = None,
        today: DateLike | None = None,
        create: bool = True,
    ) -> None:
        self.settings = settings or load_settings()
        self.url = url or self.settings.resolved_database_url()
        self.actor = clean_name(actor or self.settings.resolved_actor()) or "unknown"  # no escapes in the audit
        self.today = to_date(today) if today is not None else date.today()
        self._engine: Engine | None = None
        self._readers: dict[int, Reader] = {}
        self._sessions: sessionmaker[Session] | None = None
        self._jurisdiction: str | None = None
        revision = self._revision()
        if revision is None and create:
            from tracker.store.migrate import upgrade

            upgrade(self.engine)
            revision = self._revision()
        require_revision(revision, self._where())

    # --- plumbing ----------------------------------------------------------------------------

    def _where(self) -> str:
        scheme, _, rest = self.url.partition("://")
        return f"{scheme}://{rest.rpartition('@')[2]}" if "@" in rest else self.url

    def _revision(self) -> str | None:
        try:
            return self.reader.revision()
        except SchemaError:  # a SQLite file that does not exist yet
            return None

    @property
    def reader(self) -> Reader:
        """The DB-API connection that lists and counts use (no SQLAlchemy import), one per thread
        (a UI reads in worker threads; SQLite connections stay in their thread)."""
        thread = threading.get_ident()
        reader = self._readers.get(thread)
        if reader is None:
            reader = self._readers[thread] = Reader(self.url)
        return reader

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine, made on first use (writes, migrations)."""
        if self._engine is None:
            from tracker.store.engine import make_engine

            self._engine = make_engine(self.url)
        return self._engine

    def _sessions_factory(self) -> sessionmaker[Session]:
        if self._sessions is None:
            from tracker.store.engine import session_factory

            self._sessions = session_factory(self.engine)
        return self._sessions

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed at the end, or rolled back whole on any error."""
        with self._sessions_factory()() as session, session.begin():
            yield session

    def close(self) -> None:
        for reader in self._readers.values():
            with suppress(Exception):
                reader.close()
        self._readers.clear()
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    def __enter__(self) -> Tracker:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _as_of(self, as_of: DateLike | None) -> date:
        return to_date(as_of) if as_of is not None else self.today

    # --- agencies and directives ---------------------------------------------------------------

    def jurisdiction(self, code: str, name: str | None = None) -> str:
        """Create (or rename) a jurisdiction and make it the default for this tracker."""
        from tracker.services import agencies as agency_service

        with self.transaction() as session:
            agency_service.ensure_jurisdiction(session, code, name)
        self._jurisdiction = code
        return code

    def agency(
        self,
        name: str,
        *,
        aliases: Sequence[str] = (),
        kind: str = "",
        short_name: str | None = None,
        groups: Sequence[str] = (),
        emails: Sequence[str] = (),
        jurisdiction: str | None = None,
    ) -> int:
        """Create or update an agency; returns its id. Empty fields (``kind=""``) change nothing."""
        from tracker.services import agencies as agency_service

        spec = agency_service.AgencySpec(name, aliases, kind, short_name, groups, emails)

        with self.transaction() as session:
            where = agency_service.find_jurisdiction(session, jurisdiction or self._jurisdiction)
            agency = agency_service.upsert_agency(session, where, spec, self.actor)
            assert agency.id is not None
            return agency.id

    def jurisdictions(self) -> list[tuple[str, str]]:
        """(code, name) of every jurisdiction, by code."""
        from tracker.services import agencies as agency_service

        with self.transaction() as session:
            return [(j.code, j.name) for j in agency_service.list_jurisdictions(session)]

    def add_jurisdiction(self, code: str, name: str) -> None:
        """A new jurisdiction (an error when the code exists); audited."""
        from tracker.services import agencies as agency_service

        with self.transaction() as session:
            agency_service.add_jurisdiction(session, code, name, self.actor)

    def rename_jurisdiction(self, code: str, name: str) -> None:
        from tracker.services import agencies as agency_service

        with self.transaction() as session:
            agency_service.rename_jurisdiction(session, code, name, self.actor)

    def agencies(self, jurisdiction: str | None = None) -> list[AgencyListing]:
        """Every agency (of one jurisdiction) with its aliases, emails and groups."""
        from tracker.services import agencies as agency_service

        with self.transaction() as session:
            return agency_service.list_agencies(session, jurisdiction)

    def add_agency(self, spec: AgencySpec, *, jurisdiction: str | None = None) -> None:
        """A new agency (an error when one has the name: change it with :meth:`edit_agency`); audited."""
        from tracker.services import agencies as agency_service

        with self.transaction() as session:
            where = agency_service.find_jurisdiction(session, jurisdiction or self._jurisdiction)
            agency_service.add_agency(session, where, spec, self.actor)

    def edit_agency(self, name: str, edit: AgencyEdit, *, jurisdiction: str | None = None) -> tuple[str, bool]:
        """Change an agency; returns its name after the change and whether anything changed. Audited."""
        from tracker.services import agencies as agency_service

        with self.transaction() as session:
            where = agency_service.find_jurisdiction(session, jurisdiction or self._jurisdiction)
            agency, changed = agency_service.edit_changes(session, where, name, edit, self.actor)
            return agency.name, changed

    def merge_agencies(self, duplicate: str, into: str, *, jurisdiction: str | None = None) -> int:
        """Merge agency ``duplicate`` into ``into``; returns the number of assignments moved. Audited."""
        from tracker.services import agencies as agency_service

        with self.transaction() as session:
            where = agency_service.find_jurisdiction(session, jurisdiction or self._jurisdiction)
            return agency_service.merge_agencies(session, where, duplicate, into, self.actor)[1]

    def directive(
        self,
        number: str,
        *,
        issued_on: DateLike | None = None,
        title: str | None = None,
        kind: str | None = None,
        issuer: str | None = None,
        jurisdiction: str | None = None,
    ) -> DirectiveHandle:
        """Create or update the directive ``number`` of the jurisdiction (the only one, by default)."""
        from tracker.services import agencies as agency_service
        from tracker.services import directives as directive_service

        with self.transaction() as session:
            where = agency_service.find_jurisdiction(session, jurisdiction or self._jurisdiction)
            found = directive_service.upsert_directive(
                session, where, number, issued_on=issued_on, title=title, kind=kind, issuer=issuer, actor=self.actor
            )
            assert found.id is not None
            return DirectiveHandle(self, found.id, found.number, found.jurisdiction_id)

    def add_directive(
        self,
        number: str,
        tasks: Sequence[TaskSpec],
        *,
        issued_on: DateLike | None = None,
        title: str | None = None,
        kind: str | None = None,
        issuer: str | None = None,
        jurisdiction: str | None = None,
    ) -> Tally:
        """Create or update a directive and all its tasks in one transaction: if any task fails (an
        unknown agency, an unreadable deadline), nothing is written."""
        from tracker.services import agencies as agency_service
        from tracker.services import directives as directive_service

        until = self.today + timedelta(days=DEFAULT_HORIZON_DAYS)
        total = directive_service.Tally()
        with self.transaction() as session:
            where = agency_service.find_jurisdiction(session, jurisdiction or self._jurisdiction)
            directive = directive_service.upsert_directive(
                session,
                where,
                number,
                issued_on=issued_on,
                title=title,
                kind=kind,
                issuer=issuer,
                actor=self.actor,
                tally=total,
            )
            for task in tasks:
                tally = directive_service.assign(
                    session,
                    directive,
                    task.ref,
                    task.text,
                    lead=list(task.lead),
                    coordinating=list(task.coordinating),
                    deadline=task.due,
                    horizon=until,
                    rules=self.settings.deadline_rules,
                    actor=self.actor,
                    source="form",
                )
                total.add(tally)
        return total

    def _assign(
        self,
        handle: DirectiveHandle,
        ref: str,
        text: str,
        lead: str | Sequence[str],
        coordinating: str | Sequence[str],
        due: Deadline | DateLike | None,
        starts_on: DateLike | None,
        horizon: DateLike | None,
    ) -> Tally:
        leads = [lead] if isinstance(lead, str) else list(lead)
        others = [coordinating] if isinstance(coordinating, str) else list(coordinating)
        until = to_date(horizon) if horizon is not None else self.today + timedelta(days=DEFAULT_HORIZON_DAYS)
        from tracker.services import directives as directive_service

        with self.transaction() as session:
            from tracker.store.models import Directive

            directive = session.get(Directive, handle.id)
            assert directive is not None
            return directive_service.assign(
                session,
                directive,
                ref,
                text,
                lead=leads,
                coordinating=others,
                deadline=due,
                starts_on=to_date(starts_on) if starts_on is not None else None,
                horizon=until,
                rules=self.settings.deadline_rules,
                actor=self.actor,
                source="api",
            )

    def materialise(self, horizon: DateLike | None = None) -> Tally:
        """Create the missing occurrences of recurring tasks up to ``horizon``."""
        until = to_date(horizon) if horizon is not None else self.today + timedelta(days=DEFAULT_HORIZON_DAYS)
        from tracker.services import directives as directive_service

        with self.transaction() as session:
            return directive_service.materialise(session, until, self.settings.deadline_rules, self.actor)

    # --- queries -------------------------------------------------------------------------------

    def assignments(
        self, criteria: AssignmentFilter | None = None, *, as_of: DateLike | None = None, limit: int | None = None
    ) -> list[AssignmentRow]:
        return list(
            queries.list_assignments(
                self.reader,
                criteria or AssignmentFilter(),
                self._as_of(as_of),
                due_soon_days=self.settings.due_soon_days,
                limit=limit,
            )
        )

    def count(self, criteria: AssignmentFilter | None = None, *, as_of: DateLike | None = None) -> int:
        return queries.count_assignments(self.reader, criteria or AssignmentFilter(), self._as_of(as_of))

    def overdue(self, as_of: DateLike | None = None) -> list[AssignmentRow]:
        """Assignments not done and past their due date at ``as_of`` (default: today)."""
        return self.assignments(AssignmentFilter(overdue=True), as_of=as_of)

    def due_within(self, days: int, as_of: DateLike | None = None) -> list[AssignmentRow]:
        """Assignments not done and due in the next ``days`` days (as-of day included)."""
        return self.assignments(AssignmentFilter(due_within=days), as_of=as_of)

    def by_status(self, *statuses: Status | str, as_of: DateLike | None = None) -> list[AssignmentRow]:
        return self.assignments(AssignmentFilter(statuses=[Status(s) for s in statuses]), as_of=as_of)

    def by_agency(self, name: str, as_of: DateLike | None = None) -> list[AssignmentRow]:
        from tracker.store import names

        ids = [a.id for a in names.resolve_agencies(self.reader, [name], None)]
        return self.assignments(AssignmentFilter(agency_ids=ids), as_of=as_of)

    def by_directive(self, number: str, as_of: DateLike | None = None) -> list[AssignmentRow]:
        from tracker.store import names

        directive_id = names.find_directive_id(self.reader, number)
        return self.assignments(AssignmentFilter(directive_ids=[directive_id]), as_of=as_of)

    def get(self, assignment_id: int, as_of: DateLike | None = None) -> AssignmentRow:
        return queries.get_assignment_row(self.reader, assignment_id, self._as_of(as_of), self.settings.due_soon_days)

    def status_counts(self, as_of: DateLike | None = None) -> dict[Status, int]:
        return queries.status_counts(self.reader, self._as_of(as_of))

    # --- import ----------------------------------------------------------------------------------

    def import_file(
        self,
        path: str | os.PathLike[str],
        *,
        dry_run: bool = False,
        file_format: str | None = None,
        sheet: str | None = None,
        create_agencies: bool = False,
        maps: Sequence[str] = (),
        jurisdiction: str | None = None,
        agencies: bool | None = None,
        horizon: DateLike | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> ImportReport:
        """Import a CSV, XLSX or JSON file of assignments (or an agency list, detected by its header).

        All rows or none: the report lists every problem (``report.errors``) and then nothing is
        written. ``dry_run`` checks and counts without writing."""
        from tracker.core.text import fold
        from tracker.importing.assignments import import_assignments
        from tracker.importing.fields import AGENCY_FIELDS, ASSIGNMENT_FIELDS, parse_maps
        from tracker.importing.sources import open_table

        table = open_table(Path(path), file_format, sheet)
        mapping = parse_maps(maps)
        if agencies is None:
            folded = {mapping.get(fold(h)) or fold(h) for h in table.headers}
            directive_words = {fold(w) for w in ASSIGNMENT_FIELDS["directive"]} | {"directive"}
            name_words = {fold(w) for w in AGENCY_FIELDS["name"]} | {"name"}
            agencies = bool(folded & name_words) and not folded & directive_words
        if agencies:  # the agency list goes through the ORM, which an assignments import never loads
            from sqlalchemy.exc import SQLAlchemyError

            from tracker.importing.agencies import import_agencies

            with self._sessions_factory()() as session:
                session.begin()
                report = import_agencies(
                    session,
                    table,
                    mapping,
                    jurisdiction_code=jurisdiction,
                    dry_run=dry_run,
                    actor=self.actor,
                    create_jurisdictions=create_agencies,
                )
                try:
                    if report.errors or dry_run:
                        session.rollback()
                    else:
                        session.commit()
                except SQLAlchemyError:
                    session.rollback()
                    raise
            return report
        until = to_date(horizon) if horizon is not None else self.today + timedelta(days=DEFAULT_HORIZON_DAYS)
        return import_assignments(
            self.engine,
            table,
            mapping,
            jurisdiction_code=jurisdiction,
            create_agencies=create_agencies,
            dry_run=dry_run,
            rules=self.settings.deadline_rules,
            horizon=until,
            actor=self.actor,
            today=self.today,
            progress=progress,
        )

    # --- changes -------------------------------------------------------------------------------

    def complete(
        self, assignment_id: int, on: DateLike | None = None, *, ref: str = "", expected_version: int | None = None
    ) -> int:
        """Mark done on ``on`` (default: today); returns the new version."""
        from tracker.services import changes

        with self.transaction() as session:
            return changes.complete(
                session, assignment_id, self._as_of(on), self.actor, result_ref=ref, expected_version=expected_version
            )

    def reopen(self, assignment_id: int, *, expected_version: int | None = None) -> int:
        from tracker.services import changes

        with self.transaction() as session:
            return changes.reopen(session, assignment_id, self.actor, expected_version=expected_version)

    def extend(
        self,
        assignment_id: int,
        to: DateLike,
        *,
        reason: str,
        decision: str = "",
        expected_version: int | None = None,
    ) -> int:
        from tracker.services import changes

        with self.transaction() as session:
            return changes.extend(
                session,
                assignment_id,
                to_date(to),
                reason,
                self.actor,
                decision_ref=decision,
                expected_version=expected_version,
            )

    def withdraw(
        self,
        assignment_id: int,
        *,
        reason: str,
        on: DateLike | None = None,
        decision: str = "",
        expected_version: int | None = None,
    ) -> int:
        from tracker.services import changes

        with self.transaction() as session:
            return changes.withdraw(
                session,
                assignment_id,
                self._as_of(on),
                reason,
                self.actor,
                decision_ref=decision,
                expected_version=expected_version,
            )

    def note(self, assignment_id: int, text: str, *, expected_version: int | None = None) -> int:
        from tracker.services import changes

        with self.transaction() as session:
            return changes.set_note(session, assignment_id, text, self.actor, expected_version=expected_version)

    # --- drafting ------------------------------------------------------------------------------

    def draft(self, path: str | os.PathLike[str], *, jurisdiction: str | None = None, lang: str = "vi") -> Draft:
        """Draft the tasks of the directive at ``path`` (.txt, .md, .docx, .pdf) in the import's shape,
        with agency names matched against this database's agencies and aliases (of ``jurisdiction``
        when given). Nothing is written; ``draft.problem`` says when the document gave too little."""
        from tracker.drafting.agencies import KnownNames
        from tracker.drafting.build import draft_file

        entries = [
            (name, [a for a in aliases.split("; ") if a], False)
            for _, name, code, aliases in queries.agency_names(self.reader)
            if jurisdiction is None or code == jurisdiction
        ]
        return draft_file(
            Path(path),
            KnownNames.of(entries),
            lang=lang,
            rules=self.settings.deadline_rules,
            jurisdiction=jurisdiction or "",
        )


def open(
    url: str | None = None,
    *,
    actor: str | None = None,
    today: DateLike | None = None,
    create: bool = True,
) -> Tracker:
    """Open the tracker database at ``url`` (default: the configured one), creating it if empty."""
    return Tracker(url, actor=actor, today=today, create=create)
