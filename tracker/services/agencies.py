"""Jurisdictions, agencies, aliases and groups, and turning the names people write into agencies."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlmodel import col

from tracker.core.errors import AmbiguousNameError, NotFoundError, TrackerError
from tracker.core.text import clean_name, fold
from tracker.store.models import Agency, AgencyAlias, AgencyContact, AgencyKind, GroupMember, Jurisdiction


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
    if code is not None:
        found = session.execute(
            select(Jurisdiction).where((col(Jurisdiction.code) == code) | (col(Jurisdiction.name) == code))
        ).scalar_one_or_none()
        if found is None:
            known = ", ".join(j.code for j in session.execute(select(Jurisdiction)).scalars()) or "none yet"
            raise NotFoundError(f"jurisdiction {code!r} does not exist (known: {known}).")
        return found
    every = list(session.execute(select(Jurisdiction).order_by(col(Jurisdiction.code))).scalars())
    if len(every) == 1:
        return every[0]
    if not every:
        raise NotFoundError("the database has no jurisdiction yet; create one first, e.g. t.jurisdiction('thanh-hoa').")
    raise AmbiguousNameError(
        "the database holds several jurisdictions (" + ", ".join(j.code for j in every) + "); say which one."
    )


@dataclass
class AgencySpec:
    """An agency as a file or a script describes it."""

    name: str
    aliases: Sequence[str] = ()
    kind: str = AgencyKind.OTHER.value
    short_name: str | None = None
    groups: Sequence[str] = ()
    emails: Sequence[str] = ()


def upsert_agency(session: Session, jurisdiction: Jurisdiction, spec: AgencySpec) -> Agency:
    """Create or update an agency with its aliases, group memberships and contacts."""
    assert jurisdiction.id is not None
    name = clean_name(spec.name)
    if not name:
        raise TrackerError("an agency needs a name.")
    kind = spec.kind or AgencyKind.OTHER.value
    if kind not in {k.value for k in AgencyKind}:
        raise TrackerError(f"agency {name!r}: kind {kind!r} is not one of {', '.join(k.value for k in AgencyKind)}.")
    folded = fold(name)
    agency = session.execute(
        select(Agency).where(col(Agency.jurisdiction_id) == jurisdiction.id, col(Agency.folded_name) == folded)
    ).scalar_one_or_none()
    if agency is None:
        clash = _alias_owner(session, jurisdiction.id, folded)
        if clash is not None:
            raise TrackerError(f"agency {name!r}: the name is already an alias of {clash.name!r}.")
        agency = Agency(jurisdiction_id=jurisdiction.id, name=name, folded_name=folded, kind=kind)
        session.add(agency)
        session.flush()
    agency.kind = kind
    if spec.short_name is not None:
        agency.short_name = clean_name(spec.short_name) or None
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


# --- resolving names -----------------------------------------------------------------------------


def _split_qualified(name: str) -> tuple[str | None, str]:
    """``"bac-giang:Sở Nội vụ"`` names an agency of one jurisdiction."""
    head, sep, tail = name.partition(":")
    if sep and head and " " not in head.strip():
        return head.strip(), tail
    return None, name


def find_agency(session: Session, name: str, jurisdiction_id: int | None = None) -> Agency:
    """The one agency (or group) called ``name`` or one of its aliases.

    Without ``jurisdiction_id`` every jurisdiction is searched; a name found in several is an
    :class:`AmbiguousNameError` listing them. A name found nowhere is a :class:`NotFoundError`
    suggesting the closest known names.
    """
    code, bare = _split_qualified(name)
    if code is not None:
        jurisdiction_id = find_jurisdiction(session, code).id
    if bare.strip().isdigit():
        agency = session.get(Agency, int(bare))
        if agency is not None and (jurisdiction_id is None or agency.jurisdiction_id == jurisdiction_id):
            return agency
    folded = fold(bare)
    by_name = select(Agency).where(col(Agency.folded_name) == folded)
    by_alias = (
        select(Agency)
        .join(AgencyAlias, col(AgencyAlias.agency_id) == col(Agency.id))
        .where(col(AgencyAlias.folded_alias) == folded)
    )
    if jurisdiction_id is not None:
        by_name = by_name.where(col(Agency.jurisdiction_id) == jurisdiction_id)
        by_alias = by_alias.where(col(AgencyAlias.jurisdiction_id) == jurisdiction_id)
    found = {a.id: a for a in session.execute(by_name).scalars()}
    found.update({a.id: a for a in session.execute(by_alias).scalars()})
    if len(found) == 1:
        return next(iter(found.values()))
    shown = clean_name(bare)
    if len(found) > 1:
        codes = {j.id: j.code for j in session.execute(select(Jurisdiction)).scalars()}
        candidates = "; ".join(f"{codes[a.jurisdiction_id]}:{a.name}" for a in found.values())
        raise AmbiguousNameError(f"agency {shown!r} is ambiguous: it could be {candidates}; write one of these.")
    raise NotFoundError(f"agency {shown!r} is unknown{_suggestion(session, folded, jurisdiction_id)}")


def _suggestion(session: Session, folded: str, jurisdiction_id: int | None) -> str:
    names = select(col(Agency.folded_name), col(Agency.name))
    aliases = select(col(AgencyAlias.folded_alias), col(Agency.name)).join(
        Agency, col(Agency.id) == col(AgencyAlias.agency_id)
    )
    if jurisdiction_id is not None:
        names = names.where(col(Agency.jurisdiction_id) == jurisdiction_id)
        aliases = aliases.where(col(Agency.jurisdiction_id) == jurisdiction_id)
    known: dict[str, str] = {}
    for key, canonical in [*session.execute(names), *session.execute(aliases)]:
        known.setdefault(key, canonical)
    close = difflib.get_close_matches(folded, list(known), n=1, cutoff=0.6)
    if close:
        return f"; did you mean {known[close[0]]!r}? (add the name as an alias of that agency if it is the same one)"
    return "; add it to the agency list first, or check the spelling."


def expand(session: Session, agency: Agency) -> list[Agency]:
    """An agency itself, or every member of a group (recursively), in name order."""
    if agency.kind != AgencyKind.GROUP.value:
        return [agency]
    seen: dict[int, Agency] = {}
    pending = [agency]
    visited: set[int] = set()
    while pending:
        group = pending.pop()
        assert group.id is not None
        if group.id in visited:
            continue
        visited.add(group.id)
        members = session.execute(
            select(Agency)
            .join(GroupMember, col(GroupMember.member_id) == col(Agency.id))
            .where(col(GroupMember.group_id) == group.id)
        ).scalars()
        for member in members:
            if member.kind == AgencyKind.GROUP.value:
                pending.append(member)
            elif member.id is not None:
                seen[member.id] = member
    return sorted(seen.values(), key=lambda a: a.folded_name)


def resolve_agencies(session: Session, names: Iterable[str], jurisdiction_id: int | None) -> list[Agency]:
    """Agencies named by ``names`` with groups expanded, without duplicates, in the given order."""
    result: dict[int, Agency] = {}
    for name in names:
        if not name.strip():
            continue
        for agency in expand(session, find_agency(session, name, jurisdiction_id)):
            assert agency.id is not None
            result.setdefault(agency.id, agency)
    return list(result.values())
