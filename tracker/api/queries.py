"""Lists and counts of assignments, read without SQLAlchemy."""

from __future__ import annotations

from tracker.api.connection import Connection, DateLike
from tracker.core.status import Status
from tracker.store import queries
from tracker.store.queries import AssignmentFilter, AssignmentRow


class QueryMethods(Connection):
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
