"""Importing an agency list (name, aliases, kind, short name, groups, emails) so a province can load
its agencies; aliases, groups and emails are lists separated by ";". One transaction; any error
and nothing is written."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tracker.core.errors import TrackerError
from tracker.importing.assignments import ImportReport
from tracker.importing.fields import AGENCY_FIELDS, AGENCY_REQUIRED, match_columns
from tracker.importing.sources import Table, as_text
from tracker.services.agencies import AgencySpec, ensure_jurisdiction, find_jurisdiction, upsert_agency

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def _split(value: object) -> list[str]:
    return [part.strip() for part in as_text(value).split(";") if part.strip()]


def _snapshot(session: Session, jurisdiction_id: int, name: str) -> tuple[object, ...] | None:
    from sqlalchemy import text

    from tracker.core.text import fold

    found = session.execute(
        text("SELECT id, kind, short_name FROM agency WHERE jurisdiction_id = :j AND folded_name = :f"),
        {"j": jurisdiction_id, "f": fold(name)},
    ).first()
    if found is None:
        return None
    agency_id = found[0]
    aliases = session.execute(text("SELECT alias FROM agency_alias WHERE agency_id = :a"), {"a": agency_id}).all()
    emails = session.execute(text("SELECT email FROM agency_contact WHERE agency_id = :a"), {"a": agency_id}).all()
    groups = session.execute(text("SELECT group_id FROM group_member WHERE member_id = :a"), {"a": agency_id}).all()
    return (found[1], found[2], sorted(aliases), sorted(emails), sorted(groups))


def import_agencies(
    session: Session,
    table: Table,
    maps: dict[str, str],
    *,
    jurisdiction_code: str | None,
    dry_run: bool,
    actor: str = "",
) -> ImportReport:
    """Upsert every agency of ``table`` into ``session`` (the caller commits when the report is ok)."""
    report = ImportReport(str(table.path), dry_run=dry_run)
    columns = match_columns(table.headers, AGENCY_FIELDS, AGENCY_REQUIRED, maps, str(table.path))

    def cell(values: list[object], name: str) -> object:
        index = columns.get(name)
        return values[index] if index is not None and index < len(values) else None

    for row in table.rows:
        report.rows += 1
        name = as_text(cell(row.values, "name"))
        code = as_text(cell(row.values, "jurisdiction")) or jurisdiction_code
        where = f"{table.path}:{row.location}"
        if not name:
            report.errors.append(f"{where}:{table.columns[columns['name']]}: '': the agency name is required.")
            continue
        try:
            jurisdiction = (
                ensure_jurisdiction(session, code) if code and cell(row.values, "jurisdiction") else None
            ) or find_jurisdiction(session, code)
            assert jurisdiction.id is not None
            before = _snapshot(session, jurisdiction.id, name)
            with session.begin_nested():
                upsert_agency(
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
            after = _snapshot(session, jurisdiction.id, name)
        except TrackerError as error:
            report.errors.append(f"{where}: {name!r}: {error}")
            continue
        if before is None:
            report.created += 1
        elif before != after:
            report.updated += 1
        else:
            report.unchanged += 1
    return report
