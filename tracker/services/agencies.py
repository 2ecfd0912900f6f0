"""Jurisdictions, agencies, aliases and groups, and turning the names people write into agencies."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlmodel import col

from tracker.core.changes import plan_record
from tracker.core.errors import TrackerError
from tracker.core.text import clean_name, fold
from tracker.services.audit import record_plan
from tracker.store import names
from tracker.store.models import Agency, AgencyAlias, AgencyContact, AgencyKind, GroupMember, Jurisdiction
from tracker.store.names import AgencyRef


def ensure_jurisdiction(session: Session, code: str, name: str | None = None) -> Jurisdiction:
    """The jurisdiction with ``code``, created (with ``name``) when missing."""
    code = code.strip()
    if not code:
        raise TrackerError("a jurisdiction needs a code, e.g. thanh-hoa.")
    found = session.execute(select(Jurisdiction).where(col(Jurisdiction.code) == code)).scalar_one_or_none()
    if found is None:
        found = Jurisdiction(code=code, name=clean_name(name or code))
        session.add(found)
        session.flush()
    elif name and found.name != clean_name(name):
        found.name = clean_name(name)
    return found


def find_jurisdiction(session: Session, code: str | None) -> Jurisdiction:
    """The jurisdiction named by ``code``, or the only one there is when ``code`` is None."""
    found = session.get(Jurisdiction, names.find_jurisdiction_id(names.SessionRows(session), code))
    assert found is not None
    return found


@dataclass
class AgencySpec:
    """An agency as a file or a script describes it."""

    name: str
    aliases: Sequence[str] = ()
    kind: str = ""
    """Empty: unchanged for an agency that exists, "other" for a new one. Vietnamese words are read too."""
    short_name: str | None = None
    groups: Sequence[str] = ()
    emails: Sequence[str] = ()


KIND_WORDS: dict[str, AgencyKind] = {
    "so": AgencyKind.DEPARTMENT,
    "ban": AgencyKind.DEPARTMENT,
    "nganh": AgencyKind.DEPARTMENT,
    "so, ban, nganh": AgencyKind.DEPARTMENT,
    "huyen": AgencyKind.DISTRICT,
    "thi xa": AgencyKind.DISTRICT,
    "thanh pho": AgencyKind.DISTRICT,
    "cap huyen": AgencyKind.DISTRICT,
    "trung uong": AgencyKind.CENTRAL,
    "bao": AgencyKind.MEDIA,
    "dai": AgencyKind.MEDIA,
    "bao, dai": AgencyKind.MEDIA,
    "khac": AgencyKind.OTHER,
    "nhom": AgencyKind.GROUP,
}
"""Agency kinds as a Vietnamese sheet writes them, folded (without diacritics)."""


def agency_kind(text: str) -> str | None:
    """The kind code for ``text`` (a code such as "department", or a word such as "sở"); None if unknown."""
    word = fold(text)
    codes = {k.value for k in AgencyKind}
    if word in codes:
        return word
    found = KIND_WORDS.get(word)
    return found.value if found is not None else None


def upsert_agency(session: Session, jurisdiction: Jurisdiction, spec: AgencySpec, actor: str = "") -> Agency:
    """Create or update an agency with its aliases, group memberships and contacts. Empty fields of
    ``spec`` change nothing; a changed kind or short name is audited (:func:`tracker.core.changes.plan_record`)."""
    assert jurisdiction.id is not None
    name = clean_name(spec.name)
    if not name:
        raise TrackerError("an agency needs a name.")
    kind = agency_kind(spec.kind) if spec.kind.strip() else ""
    if kind is None:
        raise TrackerError(
            f"agency {name!r}: kind {spec.kind!r} is not one of {', '.join(k.value for k in AgencyKind)} "
            f"(or {', '.join(KIND_WORDS)})."
        )
    folded = fold(name)
    agency = session.execute(
        select(Agency).where(col(Agency.jurisdiction_id) == jurisdiction.id, col(Agency.folded_name) == folded)
    ).scalar_one_or_none()
    if agency is None:
        clash = _alias_owner(session, jurisdiction.id, folded)
        if clash is not None:
            raise TrackerError(f"agency {name!r}: the name is already an alias of {clash.name!r}.")
        agency = Agency(
            jurisdiction_id=jurisdiction.id, name=name, folded_name=folded, kind=kind or AgencyKind.OTHER.value
        )
        session.add(agency)
        session.flush()
        assert agency.id is not None
        record_plan(session, "agency", agency.id, plan_record(None, {}).audits, actor)
    incoming = {"kind": kind, "short_name": clean_name(spec.short_name or "")}
    plan = plan_record({"kind": agency.kind, "short_name": agency.short_name}, incoming)
    for field_name, value in plan.changes.items():
        setattr(agency, field_name, value)
    assert agency.id is not None
    record_plan(session, "agency", agency.id, plan.audits, actor)
    for alias in spec.aliases:
        add_alias(session, agency, alias)
    for group_name in spec.groups:
        group = _group_named(session, jurisdiction, group_name)
        add_member(session, group, agency)
    for email in spec.emails:
        add_contact(session, agency, email)
    return agency


def _alias_owner(session: Session, jurisdiction_id: int, folded: str) -> Agency | None:
    return session.execute(
        select(Agency)
        .join(AgencyAlias, col(AgencyAlias.agency_id) == col(Agency.id))
        .where(col(AgencyAlias.jurisdiction_id) == jurisdiction_id, col(AgencyAlias.folded_alias) == folded)
    ).scalar_one_or_none()


def _group_named(session: Session, jurisdiction: Jurisdiction, name: str) -> Agency:
    assert jurisdiction.id is not None
    folded = fold(name)
    group = session.execute(
        select(Agency).where(col(Agency.jurisdiction_id) == jurisdiction.id, col(Agency.folded_name) == folded)
    ).scalar_one_or_none() or _alias_owner(session, jurisdiction.id, folded)
    if group is None:
        group = Agency(
            jurisdiction_id=jurisdiction.id, name=clean_name(name), folded_name=folded, kind=AgencyKind.GROUP.value
        )
        session.add(group)
        session.flush()
    elif group.kind != AgencyKind.GROUP.value:
        raise TrackerError(f"{name!r} is an agency, not a group; it cannot have members.")
    return group


def add_alias(session: Session, agency: Agency, alias: str) -> None:
    assert agency.id is not None
    text = clean_name(alias)
    folded = fold(text)
    if not folded or folded == agency.folded_name:
        return
    owner = _alias_owner(session, agency.jurisdiction_id, folded)
    if owner is not None:
        if owner.id != agency.id:
            raise TrackerError(f"alias {text!r} already names {owner.name!r}; an alias names one agency only.")
        return
    named = session.execute(
        select(Agency).where(col(Agency.jurisdiction_id) == agency.jurisdiction_id, col(Agency.folded_name) == folded)
    ).scalar_one_or_none()
    if named is not None:
        raise TrackerError(f"alias {text!r} is the name of another agency, {named.name!r}.")
    session.add(
        AgencyAlias(agency_id=agency.id, jurisdiction_id=agency.jurisdiction_id, alias=text, folded_alias=folded)
    )
    session.flush()


def add_member(session: Session, group: Agency, member: Agency) -> None:
    assert group.id is not None and member.id is not None
    if session.get(GroupMember, (group.id, member.id)) is None:
        session.add(GroupMember(group_id=group.id, member_id=member.id))
        session.flush()


def add_contact(session: Session, agency: Agency, email: str) -> None:
    assert agency.id is not None
    address = email.strip()
    if not address:
        return
    if "@" not in address or any(c in address for c in " \r\n,;<>"):
        raise TrackerError(f"agency {agency.name!r}: {address!r} is not an email address.")
    exists = session.execute(
        select(col(AgencyContact.id)).where(
            col(AgencyContact.agency_id) == agency.id, col(AgencyContact.email) == address
        )
    ).first()
    if exists is None:
        session.add(AgencyContact(agency_id=agency.id, email=address))
        session.flush()


# --- resolving names (one implementation, in tracker.store.names) ------------------------------


def find_agency(session: Session, name: str, jurisdiction_id: int | None = None) -> Agency:
    """The one agency (or group) called ``name``: see :func:`tracker.store.names.find_agency`."""
    ref = names.find_agency(names.SessionRows(session), name, jurisdiction_id)
    agency = session.get(Agency, ref.id)
    assert agency is not None
    return agency


def resolve_agencies(session: Session, agency_names: Iterable[str], jurisdiction_id: int | None) -> list[AgencyRef]:
    """Agencies named by ``agency_names`` with groups expanded, without duplicates, in order."""
    return names.resolve_agencies(names.SessionRows(session), agency_names, jurisdiction_id)
