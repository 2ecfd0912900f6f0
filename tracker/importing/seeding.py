"""Building the demo database from ``seeds/`` (data taken from the documents in the domain folder).

Each jurisdiction folder holds ``agencies.csv`` (name, aliases, kind, short_name, groups, emails;
lists separated by ";"), ``directives.json`` (directives with their tasks) and ``events.csv``
(completions, extensions and withdrawals: directive, ref, agency, period, action, date, reference,
reason). Everything is loaded in one transaction.
"""

from __future__ import annotations

import csv
import json
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlmodel import col

from tracker.core.deadlines import DeadlineRules, parse_date
from tracker.core.errors import TrackerError
from tracker.importing.problems import Line
from tracker.resources import shipped_dir
from tracker.services import agencies, changes, directives
from tracker.store.models import Assignment, Role


def seeds_dir() -> Path:
    """The seed data: inside the installed package, or ``seeds/`` of a source tree."""
    return shipped_dir("seeds", "demo.toml", "the demo data")


@dataclass(frozen=True)
class DemoInfo:
    as_of: date
    horizon: date
    jurisdictions: list[str]


def demo_info(folder: Path | None = None) -> DemoInfo:
    data = tomllib.loads(((folder or seeds_dir()) / "demo.toml").read_text(encoding="utf-8"))
    return DemoInfo(parse_date(data["as_of"]), parse_date(data["horizon"]), list(data["jurisdictions"]))


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def load_jurisdiction(session: Session, folder: Path, *, horizon: date, rules: DeadlineRules, actor: str) -> None:
    from tracker.importing.agencies import import_agencies
    from tracker.importing.sources import open_table

    spec: dict[str, Any] = json.loads((folder / "directives.json").read_text(encoding="utf-8"))
    where = agencies.ensure_jurisdiction(session, spec["jurisdiction"]["code"], spec["jurisdiction"]["name"])
    report = import_agencies(
        session, open_table(folder / "agencies.csv"), {}, jurisdiction_code=where.code, dry_run=False, actor=actor
    )
    if report.errors:
        first = report.errors[0]
        if isinstance(first, Line):
            raise TrackerError(key="seed.agency_problem", where=first.prefix, problem=first.message)
        raise TrackerError(key="seed.agency_problem", where="", problem=first)
    for item in spec["directives"]:
        directive = directives.upsert_directive(
            session,
            where,
            item["number"],
            issued_on=item.get("issued_on"),
            title=item.get("title"),
            kind=item.get("kind"),
            issuer=item.get("issuer"),
        )
        for task in item["tasks"]:
            directives.assign(
                session,
                directive,
                task["ref"],
                task["text"],
                lead=task["lead"],
                coordinating=task.get("coordinating", []),
                deadline=task.get("deadline"),
                starts_on=parse_date(task["starts_on"]) if task.get("starts_on") else None,
                horizon=horizon,
                rules=rules,
                actor=actor,
                source=str((folder / "directives.json").name),
            )
    assert where.id is not None
    for line, row in enumerate(_read_csv(folder / "events.csv"), start=2):
        _apply_event(session, where.id, row, f"{folder.name}/events.csv:{line}", actor)


def _apply_event(session: Session, jurisdiction_id: int, row: dict[str, str], where: str, actor: str) -> None:
    directive = directives.find_directive(session, row["directive"])
    task = directives.find_task(session, directive, row["ref"])
    agency = agencies.find_agency(session, row["agency"], jurisdiction_id)
    assignment_id = session.execute(
        select(col(Assignment.id)).where(
            col(Assignment.task_id) == task.id,
            col(Assignment.agency_id) == agency.id,
            col(Assignment.role) == Role.LEAD.value,
            col(Assignment.period) == (row.get("period") or ""),
        )
    ).scalar_one_or_none()
    if assignment_id is None:
        raise TrackerError(
            key="seed.no_assignment", where=where, ref=row["ref"], agency=agency.name, period=row.get("period")
        )
    when = parse_date(row["date"])
    action = row["action"]
    if action == "done":
        changes.complete(session, assignment_id, when, actor, result_ref=row.get("reference", ""))
    elif action == "extend":
        changes.extend(session, assignment_id, when, row["reason"], actor, decision_ref=row.get("reference", ""))
    elif action == "withdraw":
        changes.withdraw(session, assignment_id, when, row["reason"], actor, decision_ref=row.get("reference", ""))
    else:
        raise TrackerError(key="seed.bad_action", where=where, action=action)


def load_demo(session: Session, *, rules: DeadlineRules, actor: str, folder: Path | None = None) -> DemoInfo:
    """Load every jurisdiction of the demo into ``session`` (the caller commits)."""
    root = folder or seeds_dir()
    info = demo_info(root)
    for name in info.jurisdictions:
        load_jurisdiction(session, root / name, horizon=info.horizon, rules=rules, actor=actor)
    return info
