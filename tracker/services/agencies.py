"""Jurisdictions, agencies, aliases and groups, and turning the names people write into agencies."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session
from sqlmodel import col

from tracker.core import provinces
from tracker.core.changes import Action, AuditEntry, audit_text, plan_record
from tracker.core.email_address import check_email
from tracker.core.errors import AmbiguousNameError, NotFoundError, TrackerError
from tracker.core.text import clean_name, fold
from tracker.services.audit import record, record_plan
from tracker.store import names
from tracker.store.models import (
    Agency,
    AgencyAlias,
    AgencyContact,
    AgencyKind,
    Assignment,
    GroupMember,
    Jurisdiction,
)
from tracker.store.names import AgencyRef

_CODE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def ensure_jurisdiction(session: Session, code: str, name: str | None = None) -> Jurisdiction:
    """The jurisdiction with ``code``, created (with ``name``, or the province's name) when missing."""
    code = code.strip()
    if not code:
        raise TrackerError(key="error.jurisdiction_code_empty")
    found = session.execute(select(Jurisdiction).where(col(Jurisdiction.code) == code)).scalar_one_or_none()
    if found is None:
        province = provinces.by_code(code)
        found = Jurisdiction(code=code, name=clean_name(name or (province.name if province else code)))
        session.add(found)
        session.flush()
    elif name and found.name != clean_name(name):
        found.name = clean_name(name)
    return found


def list_jurisdictions(session: Session) -> list[Jurisdiction]:
    return list(session.execute(select(Jurisdiction).order_by(col(Jurisdiction.code))).scalars())


def _jurisdiction_by_code(session: Session, code: str) -> Jurisdiction | None:
    return session.execute(select(Jurisdiction).where(col(Jurisdiction.code) == code.strip())).scalar_one_or_none()


def _known_codes(session: Session) -> str:
    return ", ".join(j.code for j in list_jurisdictions(session)) or "-"


def add_jurisdiction(session: Session, code: str, name: str, actor: str = "") -> Jurisdiction:
    """A new jurisdiction: ``code`` in lower case with hyphens (``quang-ninh``), ``name`` as people read it."""
    code, name = code.strip(), clean_name(name)
    if not _CODE.fullmatch(code):
        raise TrackerError(
            key="error.jurisdiction_code_form", code=code, suggestion=provinces.slug(code) or "quang-ninh"
        )
    if not name:
        raise TrackerError(key="error.jurisdiction_name_empty", code=code)
    if _jurisdiction_by_code(session, code) is not None:
        raise TrackerError(key="error.jurisdiction_exists", code=code)
    province = provinces.from_name(name) or provinces.by_code(code)
    for other in list_jurisdictions(session) if province is not None else []:
        if province in (provinces.from_name(other.name), provinces.by_code(other.code)):
            raise TrackerError(key="error.jurisdiction_same_province", code=code, name=name, other=other.code)
    found = Jurisdiction(code=code, name=name)
    session.add(found)
    session.flush()
    assert found.id is not None
    record_plan(session, "jurisdiction", found.id, plan_record(None, {}).audits, actor)
    return found


def rename_jurisdiction(session: Session, code: str, name: str, actor: str = "") -> Jurisdiction:
    found = find_jurisdiction(session, code)
    name = clean_name(name)
    if not name:
        raise TrackerError(key="error.jurisdiction_name_empty", code=code)
    assert found.id is not None
    plan = plan_record({"name": found.name}, {"name": name})
    found.name = name
    record_plan(session, "jurisdiction", found.id, plan.audits, actor)
    return found


def find_jurisdiction(session: Session, code: str | None) -> Jurisdiction:
    """The jurisdiction named by ``code`` (or its name), or the only one there is when ``code`` is None."""
    every = list_jurisdictions(session)
    if code is not None:
        for jurisdiction in every:
            if code.strip() in (jurisdiction.code, jurisdiction.name) or fold(code) == fold(jurisdiction.name):
                return jurisdiction
        province = provinces.by_code(code)
        if province is not None:
            raise NotFoundError(
                key="error.jurisdiction_missing_province",
                code=province.code,
                name=province.name,
                known=_known_codes(session),
            )
        raise NotFoundError(key="error.jurisdiction_unknown", code=code, known=_known_codes(session))
    if len(every) == 1:
        return every[0]
    if not every:
        raise NotFoundError(key="error.no_jurisdiction")
    raise AmbiguousNameError(key="error.jurisdiction_needed", known=_known_codes(session))


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
    "co quan chuyen mon": AgencyKind.DEPARTMENT,
    "cap tinh": AgencyKind.DEPARTMENT,
    "huyen": AgencyKind.DISTRICT,
    "quan": AgencyKind.DISTRICT,
    "thi xa": AgencyKind.DISTRICT,
    "thanh pho": AgencyKind.DISTRICT,
    "cap huyen": AgencyKind.DISTRICT,
    "xa": AgencyKind.DISTRICT,
    "phuong": AgencyKind.DISTRICT,
    "cap xa": AgencyKind.DISTRICT,
    "dia phuong": AgencyKind.DISTRICT,
    "trung uong": AgencyKind.CENTRAL,
    "bao": AgencyKind.MEDIA,
    "dai": AgencyKind.MEDIA,
    "bao, dai": AgencyKind.MEDIA,
    "bao chi": AgencyKind.MEDIA,
    "khac": AgencyKind.OTHER,
    "nhom": AgencyKind.GROUP,
}
"""Agency kinds as a Vietnamese sheet writes them, folded (without diacritics)."""

KIND_NAMES: dict[str, str] = {
    AgencyKind.DEPARTMENT.value: "sở, ban, ngành",
    AgencyKind.DISTRICT.value: "huyện, thị xã, thành phố, xã, phường",
    AgencyKind.CENTRAL.value: "trung ương",
    AgencyKind.MEDIA.value: "báo, đài",
    AgencyKind.GROUP.value: "nhóm",
    AgencyKind.OTHER.value: "khác",
}
"""Each kind code with the Vietnamese words read as it (for help texts and errors)."""


def kinds_help() -> str:
    """ "department (sở, ban, ngành), district (…), …": the kinds as help texts list them."""
    return "; ".join(f"{code} ({words})" for code, words in KIND_NAMES.items())


def agency_kind(text: str) -> str | None:
    """The kind code for ``text`` (a code such as "department", or a word such as "sở"); None if unknown."""
    word = fold(text)
    codes = {k.value for k in AgencyKind}
    if word in codes:
        return word
    found = KIND_WORDS.get(word)
    return found.value if found is not None else None


def _kind(text: str, name: str) -> str:
    """The kind code for ``text`` ("" when empty), or an error listing the kinds."""
    if not text.strip():
        return ""
    kind = agency_kind(text)
    if kind is None:
        raise TrackerError(key="error.agency_kind", name=name, kind=text.strip(), kinds=kinds_help())
    return kind


def _named(session: Session, jurisdiction_id: int, folded: str) -> Agency | None:
    return session.execute(
        select(Agency).where(col(Agency.jurisdiction_id) == jurisdiction_id, col(Agency.folded_name) == folded)
    ).scalar_one_or_none()


def agency_state(session: Session, agency: Agency) -> dict[str, Any]:
    """What a person can change of an agency, as the audit log compares it: lists sorted."""
    assert agency.id is not None
    aliases = session.execute(select(col(AgencyAlias.alias)).where(col(AgencyAlias.agency_id) == agency.id)).scalars()
    emails = session.execute(
        select(col(AgencyContact.email)).where(col(AgencyContact.agency_id) == agency.id)
    ).scalars()
    groups = session.execute(
        select(col(Agency.name))
        .join(GroupMember, col(GroupMember.group_id) == col(Agency.id))
        .where(col(GroupMember.member_id) == agency.id)
    ).scalars()
    return {
        "name": agency.name,
        "kind": agency.kind,
        "short_name": agency.short_name or "",
        "aliases": sorted(aliases, key=fold),
        "emails": sorted(emails),
        "groups": sorted(groups, key=fold),
    }


def _audit_changes(session: Session, agency: Agency, before: dict[str, Any] | None, actor: str) -> bool:
    """Audit what changed of ``agency`` since ``before`` (None: it is new); True when anything did."""
    assert agency.id is not None
    after = agency_state(session, agency)
    if before is None:
        record_plan(session, "agency", agency.id, plan_record(None, {}).audits, actor)
        before = {name: ([] if isinstance(value, list) else "") for name, value in after.items()}
        before["kind"] = after["kind"]
        before["name"] = after["name"]
    audits = tuple(
        AuditEntry(Action.UPDATE, name, audit_text(before[name]) or None, audit_text(after[name]) or None)
        for name in after
        if before[name] != after[name]
    )
    record_plan(session, "agency", agency.id, audits, actor)
    return bool(audits)


def upsert_agency(session: Session, jurisdiction: Jurisdiction, spec: AgencySpec, actor: str = "") -> Agency:
    """Create or update an agency with its aliases, group memberships and contacts. Empty fields of
    ``spec`` change nothing (an agency list is merged, never overwritten); every change is audited."""
    agency, _ = upsert_changes(session, jurisdiction, spec, actor)
    return agency


def upsert_changes(
    session: Session, jurisdiction: Jurisdiction, spec: AgencySpec, actor: str = ""
) -> tuple[Agency, bool | None]:
    """:func:`upsert_agency`, and whether it changed the agency (None: it created it)."""
    assert jurisdiction.id is not None
    name = clean_name(spec.name)
    if not name:
        raise TrackerError(key="error.agency_name_empty")
    kind = _kind(spec.kind, name)
    folded = fold(name)
    agency = _named(session, jurisdiction.id, folded)
    before = None
    if agency is None:
        clash = _alias_owner(session, jurisdiction.id, folded)
        if clash is not None:
            raise TrackerError(key="error.agency_is_alias", name=name, owner=clash.name)
        agency = Agency(
            jurisdiction_id=jurisdiction.id, name=name, folded_name=folded, kind=kind or AgencyKind.OTHER.value
        )
        session.add(agency)
        session.flush()
    else:
        before = agency_state(session, agency)
    plan = plan_record(
        {"kind": agency.kind, "short_name": agency.short_name},
        {"kind": kind, "short_name": clean_name(spec.short_name or "")},
    )
    for field_name, value in plan.changes.items():
        setattr(agency, field_name, value)
    for alias in spec.aliases:
        add_alias(session, agency, alias)
    for group_name in spec.groups:
        group = _group_named(session, jurisdiction, group_name)
        add_member(session, group, agency)
    for email in spec.emails:
        add_contact(session, agency, email)
    session.flush()
    changed = _audit_changes(session, agency, before, actor)
    return agency, None if before is None else changed


def add_agency(session: Session, jurisdiction: Jurisdiction, spec: AgencySpec, actor: str = "") -> Agency:
    """A new agency; one that exists (by name or alias) is an error pointing to ``tracker agency edit``."""
    assert jurisdiction.id is not None
    name = clean_name(spec.name)
    folded = fold(name)
    existing = _named(session, jurisdiction.id, folded)
    if existing is not None:
        raise TrackerError(key="error.agency_exists", name=existing.name, jurisdiction=jurisdiction.code)
    return upsert_agency(session, jurisdiction, spec, actor)


@dataclass
class AgencyEdit:
    """What ``tracker agency edit`` changes; empty fields change nothing."""

    rename: str = ""
    kind: str = ""
    short_name: str | None = None
    add_aliases: Sequence[str] = ()
    remove_aliases: Sequence[str] = ()
    add_emails: Sequence[str] = ()
    remove_emails: Sequence[str] = ()
    add_groups: Sequence[str] = ()
    remove_groups: Sequence[str] = ()


def find_agency_in(session: Session, jurisdiction: Jurisdiction, name: str) -> Agency:
    """The agency of ``jurisdiction`` called ``name`` (or one of its aliases), or an error saying so."""
    assert jurisdiction.id is not None
    folded = fold(name)
    found = _named(session, jurisdiction.id, folded) or _alias_owner(session, jurisdiction.id, folded)
    if found is None:
        raise NotFoundError(key="error.agency_unknown", name=clean_name(name), jurisdiction=jurisdiction.code)
    return found


def edit_agency(session: Session, jurisdiction: Jurisdiction, name: str, edit: AgencyEdit, actor: str = "") -> Agency:
    """Change an agency: its name, kind, short name, aliases, emails and groups; audited."""
    return edit_changes(session, jurisdiction, name, edit, actor)[0]


def edit_changes(
    session: Session, jurisdiction: Jurisdiction, name: str, edit: AgencyEdit, actor: str = ""
) -> tuple[Agency, bool]:
    """:func:`edit_agency`, and whether anything changed."""
    agency = find_agency_in(session, jurisdiction, name)
    assert agency.id is not None and jurisdiction.id is not None
    before = agency_state(session, agency)
    new_name = clean_name(edit.rename)
    if new_name and new_name != agency.name:
        folded = fold(new_name)
        other = _named(session, jurisdiction.id, folded)
        if other is not None and other.id != agency.id:
            raise TrackerError(key="error.agency_rename_taken", name=agency.name, new=new_name)
        owner = _alias_owner(session, jurisdiction.id, folded)
        if owner is not None and owner.id != agency.id:
            raise TrackerError(key="error.agency_is_alias", name=new_name, owner=owner.name)
        if owner is not None:  # the agency's own alias becomes its name
            _remove_alias(session, agency, new_name)
        old_name = agency.name
        agency.name, agency.folded_name = new_name, folded
        session.flush()
        add_alias(session, agency, old_name)  # the old name still finds it
    kind = _kind(edit.kind, agency.name)
    if kind:
        agency.kind = kind
    if edit.short_name is not None:
        agency.short_name = clean_name(edit.short_name) or None
    for alias in edit.remove_aliases:
        _remove_alias(session, agency, alias)
    for alias in edit.add_aliases:
        if fold(alias) == agency.folded_name:
            raise TrackerError(key="error.alias_is_name", alias=clean_name(alias), name=agency.name)
        add_alias(session, agency, alias)
    for email in edit.remove_emails:
        _remove_contact(session, agency, email)
    for email in edit.add_emails:
        add_contact(session, agency, email)
    for group_name in edit.remove_groups:
        _remove_member(session, jurisdiction, agency, group_name)
    for group_name in edit.add_groups:
        add_member(session, _group_named(session, jurisdiction, group_name), agency)
    session.flush()
    return agency, _audit_changes(session, agency, before, actor)


def merge_agencies(
    session: Session, jurisdiction: Jurisdiction, duplicate_name: str, into_name: str, actor: str = ""
) -> tuple[Agency, int]:
    """Merge the agency ``duplicate_name`` into ``into_name``: its assignments, aliases, emails and group
    memberships move, its name becomes an alias, and it is removed. Returns the agency kept and the
    number of assignments moved. Two assignments of the same task, role and period are an error."""
    duplicate = find_agency_in(session, jurisdiction, duplicate_name)
    into = find_agency_in(session, jurisdiction, into_name)
    assert duplicate.id is not None and into.id is not None
    if duplicate.id == into.id:
        raise TrackerError(key="error.merge_itself", name=duplicate_name, agency=into.name)
    members = session.execute(select(GroupMember).where(col(GroupMember.group_id) == duplicate.id)).scalars().all()
    if members and into.kind != AgencyKind.GROUP.value:
        raise TrackerError(key="error.merge_group", name=duplicate.name, into=into.name)
    clash = session.execute(
        text(
            "SELECT t.ref, d.number, a.role, a.period FROM assignment a JOIN assignment b ON b.task_id = a.task_id "
            "AND b.role = a.role AND b.period = a.period JOIN task t ON t.id = a.task_id "
            "JOIN directive d ON d.id = t.directive_id WHERE a.agency_id = :dup AND b.agency_id = :into"
        ),
        {"dup": duplicate.id, "into": into.id},
    ).all()
    if clash:
        ref, number, role, period = clash[0]
        raise TrackerError(
            key="error.merge_conflict",
            name=duplicate.name,
            into=into.name,
            count=len(clash),
            number=number,
            ref=ref,
            role=role,
            period=period or "-",
        )
    before = agency_state(session, into)
    moved = (
        session.execute(
            select(Assignment).where(col(Assignment.agency_id) == duplicate.id).order_by(col(Assignment.id))
        )
        .scalars()
        .all()
    )
    for assignment in moved:
        assert assignment.id is not None
        assignment.agency_id = into.id
        assignment.version += 1
        record(
            session,
            "assignment",
            assignment.id,
            Action.UPDATE.value,
            actor,
            field="agency",
            old=duplicate.name,
            new=into.name,
        )
    for alias in session.execute(select(AgencyAlias).where(col(AgencyAlias.agency_id) == duplicate.id)).scalars():
        if alias.folded_alias == into.folded_name:
            session.delete(alias)
        else:
            alias.agency_id = into.id
    for contact in session.execute(select(AgencyContact).where(col(AgencyContact.agency_id) == duplicate.id)).scalars():
        session.delete(contact)
        session.flush()
        add_contact(session, into, contact.email)
    for membership in session.execute(select(GroupMember).where(col(GroupMember.member_id) == duplicate.id)).scalars():
        group_id = membership.group_id
        session.delete(membership)
        session.flush()
        group = session.get(Agency, group_id)
        if group is not None and group.id != into.id:
            add_member(session, group, into)
    for member in members:
        member_id = member.member_id
        session.delete(member)
        session.flush()
        kept = session.get(Agency, member_id)
        if kept is not None and kept.id != into.id:
            add_member(session, into, kept)
    if not into.short_name and duplicate.short_name:
        into.short_name = duplicate.short_name
    duplicate_label = duplicate.name
    record(session, "agency", duplicate.id, "merge", actor, field="into", old=duplicate_label, new=into.name)
    session.delete(duplicate)
    session.flush()
    add_alias(session, into, duplicate_label)
    session.flush()
    _audit_changes(session, into, before, actor)
    return into, len(moved)


@dataclass(frozen=True)
class AgencyListing:
    """An agency as ``tracker agency list`` shows it."""

    name: str
    jurisdiction: str
    """The jurisdiction's code (for scripts)."""
    kind: str
    short_name: str
    aliases: list[str]
    emails: list[str]
    groups: list[str]
    jurisdiction_name: str = ""
    """The jurisdiction's name (for people)."""


def list_agencies(session: Session, jurisdiction_code: str | None = None) -> list[AgencyListing]:
    """Every agency (of one jurisdiction), by jurisdiction and name."""
    query = select(Agency, Jurisdiction).join(Jurisdiction, col(Jurisdiction.id) == col(Agency.jurisdiction_id))
    if jurisdiction_code is not None:
        where = find_jurisdiction(session, jurisdiction_code)
        query = query.where(col(Agency.jurisdiction_id) == where.id)
    result = []
    for agency, jurisdiction in session.execute(query).all():
        state = agency_state(session, agency)
        result.append(
            AgencyListing(
                agency.name,
                jurisdiction.code,
                agency.kind,
                state["short_name"],
                state["aliases"],
                state["emails"],
                state["groups"],
                jurisdiction.name,
            )
        )
    return sorted(result, key=lambda a: (a.jurisdiction, a.kind == AgencyKind.GROUP.value, fold(a.name)))


def _alias_owner(session: Session, jurisdiction_id: int, folded: str) -> Agency | None:
    return session.execute(
        select(Agency)
        .join(AgencyAlias, col(AgencyAlias.agency_id) == col(Agency.id))
        .where(col(AgencyAlias.jurisdiction_id) == jurisdiction_id, col(AgencyAlias.folded_alias) == folded)
    ).scalar_one_or_none()


def _group_named(session: Session, jurisdiction: Jurisdiction, name: str) -> Agency:
    assert jurisdiction.id is not None
    folded = fold(name)
    group = _named(session, jurisdiction.id, folded) or _alias_owner(session, jurisdiction.id, folded)
    if group is None:
        group = Agency(
            jurisdiction_id=jurisdiction.id, name=clean_name(name), folded_name=folded, kind=AgencyKind.GROUP.value
        )
        session.add(group)
        session.flush()
    elif group.kind != AgencyKind.GROUP.value:
        raise TrackerError(key="error.not_a_group", name=clean_name(name))
    return group


def add_alias(session: Session, agency: Agency, alias: str) -> None:
    assert agency.id is not None
    text_ = clean_name(alias)
    folded = fold(text_)
    if not folded or folded == agency.folded_name:
        return
    owner = _alias_owner(session, agency.jurisdiction_id, folded)
    if owner is not None:
        if owner.id != agency.id:
            raise TrackerError(key="error.alias_taken", alias=text_, owner=owner.name)
        return
    named = _named(session, agency.jurisdiction_id, folded)
    if named is not None:
        raise TrackerError(key="error.alias_names_agency", alias=text_, owner=named.name)
    session.add(
        AgencyAlias(agency_id=agency.id, jurisdiction_id=agency.jurisdiction_id, alias=text_, folded_alias=folded)
    )
    session.flush()


def _remove_alias(session: Session, agency: Agency, alias: str) -> None:
    found = session.execute(
        select(AgencyAlias).where(col(AgencyAlias.agency_id) == agency.id, col(AgencyAlias.folded_alias) == fold(alias))
    ).scalar_one_or_none()
    if found is None:
        raise TrackerError(
            key="error.alias_missing",
            alias=clean_name(alias),
            name=agency.name,
            aliases="; ".join(agency_state(session, agency)["aliases"]) or "-",
        )
    session.delete(found)
    session.flush()


def add_member(session: Session, group: Agency, member: Agency) -> None:
    assert group.id is not None and member.id is not None
    if group.id == member.id:
        raise TrackerError(key="error.group_itself", name=group.name)
    if session.get(GroupMember, (group.id, member.id)) is None:
        session.add(GroupMember(group_id=group.id, member_id=member.id))
        session.flush()


def _remove_member(session: Session, jurisdiction: Jurisdiction, agency: Agency, group_name: str) -> None:
    assert jurisdiction.id is not None
    folded = fold(group_name)
    group = _named(session, jurisdiction.id, folded) or _alias_owner(session, jurisdiction.id, folded)
    membership = session.get(GroupMember, (group.id, agency.id)) if group is not None else None
    if membership is None:
        raise TrackerError(key="error.member_missing", group=clean_name(group_name), name=agency.name)
    session.delete(membership)
    session.flush()


def add_contact(session: Session, agency: Agency, email: str) -> None:
    assert agency.id is not None
    if not email.strip():
        return
    try:
        address = check_email(email)
    except TrackerError as error:
        raise TrackerError(key="error.agency_email", name=agency.name, error=error) from None
    exists = session.execute(
        select(col(AgencyContact.id)).where(
            col(AgencyContact.agency_id) == agency.id, col(AgencyContact.email) == address
        )
    ).first()
    if exists is None:
        session.add(AgencyContact(agency_id=agency.id, email=address))
        session.flush()


def _remove_contact(session: Session, agency: Agency, email: str) -> None:
    found = session.execute(
        select(AgencyContact).where(
            col(AgencyContact.agency_id) == agency.id, col(AgencyContact.email) == email.strip()
        )
    ).scalar_one_or_none()
    if found is None:
        raise TrackerError(
            key="error.email_missing",
            email=email.strip(),
            name=agency.name,
            emails="; ".join(agency_state(session, agency)["emails"]) or "-",
        )
    session.delete(found)
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
