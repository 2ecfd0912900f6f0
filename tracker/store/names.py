"""Turning the names people write into agencies, jurisdictions and directives.

Plain SQL over anything with ``rows(sql, params)``: the read-only :class:`~tracker.store.reader.Reader`
(so ``tracker list --agency`` starts fast) or an ORM session (:class:`SessionRows`), so there is one
implementation for both paths.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from tracker.core.errors import AmbiguousNameError, NotFoundError, TrackerError
from tracker.core.text import clean_name, fold, one_line

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

GROUP_KIND = "group"


class RowSource(Protocol):
    def rows(self, sql: str, params: dict[str, Any] | None = None) -> list[tuple[Any, ...]]: ...


class SessionRows:
    """An ORM session seen as a :class:`RowSource` (inside the session's transaction)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def rows(self, sql: str, params: dict[str, Any] | None = None) -> list[tuple[Any, ...]]:
        from sqlalchemy import text

        return [tuple(row) for row in self.session.execute(text(sql), params or {})]


@dataclass(frozen=True)
class AgencyRef:
    id: int
    name: str
    kind: str
    jurisdiction_id: int


_AGENCY = "SELECT g.id, g.name, g.kind, g.jurisdiction_id FROM agency g"


def find_jurisdiction_id(source: RowSource, code: str | None) -> int:
    """The jurisdiction with ``code`` (or name), or the only one there is when ``code`` is None."""
    every = source.rows("SELECT id, code, name FROM jurisdiction ORDER BY code")
    if code is not None:
        for jurisdiction_id, known_code, name in every:
            if code in (known_code, name):
                return int(jurisdiction_id)
        known = ", ".join(row[1] for row in every) or "none yet"
        raise NotFoundError(key="name.no_such_jurisdiction", code=code, known=known)
    if len(every) == 1:
        return int(every[0][0])
    if not every:
        raise NotFoundError(key="name.no_jurisdiction_yet")
    raise AmbiguousNameError(key="name.several_jurisdictions", known=", ".join(row[1] for row in every))


def _split_qualified(name: str) -> tuple[str | None, str]:
    """``"bac-giang:Sở Nội vụ"`` names an agency of one jurisdiction."""
    head, sep, tail = name.partition(":")
    if sep and head and " " not in head.strip():
        return head.strip(), tail
    return None, name


def find_agency(source: RowSource, name: str, jurisdiction_id: int | None = None) -> AgencyRef:
    """The one agency (or group) called ``name``, one of its aliases, or its id.

    Without ``jurisdiction_id`` every jurisdiction is searched; a name found in several is an
    :class:`AmbiguousNameError` listing them, each written so that it can be used instead
    (``code:name``). A name found nowhere is a :class:`NotFoundError` suggesting the closest one.
    """
    code, bare = _split_qualified(name)
    if code is not None:
        jurisdiction_id = find_jurisdiction_id(source, code)
    scope = " AND g.jurisdiction_id = :jurisdiction" if jurisdiction_id is not None else ""
    params: dict[str, Any] = {"jurisdiction": jurisdiction_id}
    if bare.strip().isdigit():
        found = source.rows(f"{_AGENCY} WHERE g.id = :id{scope}", {**params, "id": int(bare)})
        if found:
            return AgencyRef(*found[0])
    params["folded"] = fold(bare)
    rows = source.rows(
        f"{_AGENCY} WHERE g.folded_name = :folded{scope} UNION "
        f"{_AGENCY} JOIN agency_alias x ON x.agency_id = g.id WHERE x.folded_alias = :folded{scope}",
        params,
    )
    if len(rows) == 1:
        return AgencyRef(*rows[0])
    shown = clean_name(bare)
    if rows:
        codes = dict(source.rows("SELECT id, code FROM jurisdiction"))
        candidates = "; ".join(f"{codes[row[3]]}:{row[1]}" for row in sorted(rows, key=lambda r: r[0]))
        raise AmbiguousNameError(key="name.agency_ambiguous", name=shown, candidates=candidates)
    suggestion = _suggestion(source, params["folded"], jurisdiction_id)
    raise NotFoundError(key="name.agency_unknown", name=shown, suggestion=suggestion)


def _suggestion(source: RowSource, folded: str, jurisdiction_id: int | None) -> TrackerError:
    """The end of an unknown agency's message: the closest known name, or what to do."""
    scope = " WHERE g.jurisdiction_id = :jurisdiction" if jurisdiction_id is not None else ""
    known: dict[str, str] = {}
    for key, canonical in source.rows(
        f"SELECT g.folded_name, g.name FROM agency g{scope} UNION ALL "
        f"SELECT x.folded_alias, g.name FROM agency_alias x JOIN agency g ON g.id = x.agency_id{scope}",
        {"jurisdiction": jurisdiction_id},
    ):
        known.setdefault(key, canonical)
    close = difflib.get_close_matches(folded, list(known), n=3, cutoff=0.6)
    for candidate in close:
        if _alike_past_the_head(folded, candidate):
            return TrackerError(key="name.agency_suggestion", name=known[candidate])
    return TrackerError(key="name.agency_unknown_end")


SUGGESTION_CUTOFF = 0.7
"""How alike two names must be, past a head word they share ("sở", "ubnd"), to suggest one for the
other: "so tnmtt" and "so tnmt" are; "so giao duc va dao tao" and "so ke hoach va dau tu", alike by
their shape alone, are not (the hint's alias command would have made them one agency)."""


def _alike_past_the_head(folded: str, candidate: str) -> bool:
    head, _, rest = folded.partition(" ")
    other_head, _, other_rest = candidate.partition(" ")
    if head == other_head and rest and other_rest:
        folded, candidate = rest, other_rest
    return difflib.SequenceMatcher(None, folded, candidate).ratio() >= SUGGESTION_CUTOFF


def expand(source: RowSource, agency: AgencyRef) -> list[AgencyRef]:
    """An agency itself, or every member of a group (groups within groups too), in name order."""
    if agency.kind != GROUP_KIND:
        return [agency]
    members: dict[int, tuple[str, AgencyRef]] = {}
    pending, visited = [agency.id], set()
    while pending:
        group_id = pending.pop()
        if group_id in visited:
            continue
        visited.add(group_id)
        for row in source.rows(
            "SELECT g.id, g.name, g.kind, g.jurisdiction_id, g.folded_name FROM agency g "
            "JOIN group_member m ON m.member_id = g.id WHERE m.group_id = :group",
            {"group": group_id},
        ):
            member = AgencyRef(*row[:4])
            if member.kind == GROUP_KIND:
                pending.append(member.id)
            else:
                members[member.id] = (row[4], member)
    return [ref for _, ref in sorted(members.values(), key=lambda pair: pair[0])]


def resolve_agencies(source: RowSource, names: Iterable[str], jurisdiction_id: int | None) -> list[AgencyRef]:
    """Agencies named by ``names`` with groups expanded, without duplicates, in the given order."""
    result: dict[int, AgencyRef] = {}
    for name in names:
        if name.strip():
            for agency in expand(source, find_agency(source, name, jurisdiction_id)):
                result.setdefault(agency.id, agency)
    return list(result.values())


def find_directive_id(source: RowSource, number: str, jurisdiction_code: str | None = None) -> int:
    """A directive by number (or id); a number used in several jurisdictions must be qualified."""
    params: dict[str, Any] = {}
    if number.strip().isdigit():
        condition, params["id"] = "d.id = :id", int(number)
    else:
        condition, params["number"] = "d.number = :number", one_line(number)
    if jurisdiction_code is not None:
        params["jurisdiction"] = find_jurisdiction_id(source, jurisdiction_code)
        condition += " AND d.jurisdiction_id = :jurisdiction"
    found = source.rows(f"SELECT d.id FROM directive d WHERE {condition}", params)
    if not found and "number" in params:  # "215/kh-ubnd", "12/qd-ubnd": case and marks as typed
        wanted = fold(params["number"])
        condition = condition.replace("d.number = :number", "1 = 1")
        found = [
            (directive_id,)
            for directive_id, stored in source.rows(f"SELECT d.id, d.number FROM directive d WHERE {condition}", params)
            if fold(stored) == wanted
        ]
    if len(found) == 1:
        return int(found[0][0])
    if not found:
        raise NotFoundError(key="name.no_such_directive", number=number)
    raise AmbiguousNameError(key="name.directive_ambiguous", number=number)
