"""Changes to one assignment: done, reopen, extend, withdraw, note (each audited, versioned)."""

from __future__ import annotations

from tracker.api.connection import Connection, DateLike, to_date


class ChangeMethods(Connection):
    def complete(
        self,
        assignment_id: int,
        on: DateLike | None = None,
        *,
        ref: str | None = "",
        expected_version: int | None = None,
        replace: bool = True,
    ) -> int:
        """Mark done on ``on`` (default: today); returns the new version. ``ref=None`` keeps the report
        reference recorded; ``replace=False`` refuses to replace a completion already recorded."""
        from tracker.services import changes

        with self.transaction() as session:
            return changes.complete(
                session,
                assignment_id,
                self._as_of(on),
                self.actor,
                result_ref=ref,
                expected_version=expected_version,
                replace=replace,
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
