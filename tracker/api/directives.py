"""Directives and their tasks, from a script or a form, and the materialising of recurring tasks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from tracker.api.connection import DEFAULT_HORIZON_DAYS, Connection, DateLike, to_date
from tracker.core.deadlines import Deadline

if TYPE_CHECKING:
    from tracker.services.directives import Tally


@dataclass(frozen=True)
class DirectiveHandle:
    """A directive, to which tasks can be assigned."""

    tracker: DirectiveMethods
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


class DirectiveMethods(Connection):
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

        with self.writing() as session:
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
        with self.writing() as session:
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

        with self.writing() as session:
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

        with self.writing() as session:
            return directive_service.materialise(session, until, self.settings.deadline_rules, self.actor)
