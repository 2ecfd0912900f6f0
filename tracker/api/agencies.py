"""Jurisdictions and agencies: create, list, edit, merge (every change audited)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from tracker.api.connection import Connection

if TYPE_CHECKING:
    from tracker.services.agencies import AgencyEdit, AgencyListing, AgencySpec


class AgencyMethods(Connection):
    def jurisdiction(self, code: str, name: str | None = None) -> str:
        """Create (or rename) a jurisdiction and make it the default for this tracker."""
        from tracker.services import agencies as agency_service

        with self.writing() as session:
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

        with self.writing() as session:
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

        with self.writing() as session:
            agency_service.add_jurisdiction(session, code, name, self.actor)

    def rename_jurisdiction(self, code: str, name: str) -> None:
        from tracker.services import agencies as agency_service

        with self.writing() as session:
            agency_service.rename_jurisdiction(session, code, name, self.actor)

    def agencies(self, jurisdiction: str | None = None) -> list[AgencyListing]:
        """Every agency (of one jurisdiction) with its aliases, emails and groups."""
        from tracker.services import agencies as agency_service

        with self.transaction() as session:
            return agency_service.list_agencies(session, jurisdiction)

    def add_agency(self, spec: AgencySpec, *, jurisdiction: str | None = None) -> None:
        """A new agency (an error when one has the name: change it with :meth:`edit_agency`); audited."""
        from tracker.services import agencies as agency_service

        with self.writing() as session:
            where = agency_service.find_jurisdiction(session, jurisdiction or self._jurisdiction)
            agency_service.add_agency(session, where, spec, self.actor)

    def edit_agency(self, name: str, edit: AgencyEdit, *, jurisdiction: str | None = None) -> tuple[str, bool]:
        """Change an agency; returns its name after the change and whether anything changed. Audited."""
        from tracker.services import agencies as agency_service

        with self.writing() as session:
            where = agency_service.find_jurisdiction(session, jurisdiction or self._jurisdiction)
            agency, changed = agency_service.edit_changes(session, where, name, edit, self.actor)
            return agency.name, changed

    def merge_agencies(self, duplicate: str, into: str, *, jurisdiction: str | None = None) -> int:
        """Merge agency ``duplicate`` into ``into``; returns the number of assignments moved. Audited."""
        from tracker.services import agencies as agency_service

        with self.writing() as session:
            where = agency_service.find_jurisdiction(session, jurisdiction or self._jurisdiction)
            return agency_service.merge_agencies(session, where, duplicate, into, self.actor)[1]
