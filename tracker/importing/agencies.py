"""Importing an agency list (name, aliases, kind, short name, groups, emails, jurisdiction) so a
province can load its agencies; aliases, groups and emails are lists separated by ";". The list is
merged into what the database holds, never overwrites it. One transaction; any error and nothing is
written."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tracker.core import provinces
from tracker.core.errors import TrackerError
from tracker.importing.assignments import ImportReport
from tracker.importing.fields import AGENCY_FIELDS, AGENCY_REQUIRED, match_columns
from tracker.importing.problems import Line
from tracker.importing.sources import Table, as_text
from tracker.services.agencies import (
    AgencySpec,
    add_jurisdiction,
    find_jurisdiction,
    list_jurisdictions,
    upsert_changes,
)
from tracker.store.writelock import lock_writers

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from tracker.store.models import Jurisdiction


def _split(value: object) -> list[str]:
    return [part.strip() for part in as_text(value).split(";") if part.strip()]


class _Jurisdictions:
    """The jurisdiction of each row: its code cell, else ``--jurisdiction``, else the only one; a
    province the database lacks is created with ``--create-agencies``."""

    def __init__(self, session: Session, default_code: str | None, create: bool, report: ImportReport, actor: str):
        self.session = session
        self.default_code = default_code
        self.create = create
        self.report = report
        self.actor = actor
        self.found: dict[str | None, Jurisdiction] = {}

    def __call__(self, code: str | None) -> Jurisdiction:
        code = code or self.default_code
        if code not in self.found:
            self.found[code] = self._find(code)
        return self.found[code]

    def _find(self, code: str | None) -> Jurisdiction:
        try:
            return find_jurisdiction(self.session, code)
        except TrackerError:
            province = provinces.by_code(code) if code else None
            if province is None:
                raise
            stored = next(
                (j for j in list_jurisdictions(self.session) if provinces.from_name(j.name) == province), None
            )
            if stored is not None:
                return stored
            if not self.create:
                known = ", ".join(j.code for j in list_jurisdictions(self.session)) or "-"
                raise TrackerError(
                    key="import.jurisdiction_not_created", code=province.code, name=province.name, known=known
                ) from None
            created = add_jurisdiction(self.session, province.code, province.name, self.actor)
            self.report.jurisdictions_created.append(created.name)
            return created


def import_agencies(
    session: Session,
    table: Table,
    maps: dict[str, str],
    *,
    jurisdiction_code: str | None,
    dry_run: bool,
    actor: str = "",
    create_jurisdictions: bool = False,
) -> ImportReport:
    """Merge every agency of ``table`` into ``session`` (the caller commits when the report is ok).

    A column the file lacks, or an empty cell, changes nothing: a list without kinds keeps every kind.
    Aliases, groups and emails are added to those the agency has."""
    report = ImportReport(str(table.path), dry_run=dry_run, agency_list=True)
    # The writers' lock first: what is read cannot change before it is written, and on SQLite it opens
    # the transaction itself, without which each row's savepoint would commit when it is released.
    lock_writers(session)
    columns = match_columns(table.headers, AGENCY_FIELDS, AGENCY_REQUIRED, maps, str(table.path))
    jurisdictions = _Jurisdictions(session, jurisdiction_code, create_jurisdictions, report, actor)

    def cell(values: list[object], name: str) -> object:
        index = columns.get(name)
        return values[index] if index is not None and index < len(values) else None

    for row in table.rows:
        report.rows += 1
        name = as_text(cell(row.values, "name"))
        where = f"{table.path}:{row.location}"
        if not name:
            report.errors.append(
                Line(f"{where}:{table.columns[columns['name']]}: '': ", TrackerError(key="import.agency_name_required"))
            )
            continue
        try:
            jurisdiction = jurisdictions(as_text(cell(row.values, "jurisdiction")) or None)
            with session.begin_nested():
                _, changed = upsert_changes(
                    session,
                    jurisdiction,
                    AgencySpec(
                        name=name,
                        aliases=_split(cell(row.values, "aliases")),
                        kind=as_text(cell(row.values, "kind")),
                        short_name=as_text(cell(row.values, "short_name")) or None,
                        groups=_split(cell(row.values, "groups")),
                        emails=_split(cell(row.values, "emails")),
                    ),
                    actor,
                )
        except TrackerError as error:
            report.errors.append(Line(f"{where}: {name!r}: ", error))
            continue
        if changed is None:
            report.created += 1
        elif changed:
            report.updated += 1
        else:
            report.unchanged += 1
    return report
