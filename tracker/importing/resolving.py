"""Which jurisdiction issued a row's directive and which agencies its cells name, for one import.

Names are looked up once per spelling and cached for the import. With ``create_agencies``, a name
the database does not know is created (and counted in the report) instead of being a problem.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from typing import Any, NamedTuple

from tracker.core import provinces
from tracker.core.changes import AuditEntry, plan_record
from tracker.core.errors import AmbiguousNameError, NotFoundError, TrackerError
from tracker.core.text import clean_name, fold
from tracker.importing.writes import ImportWrites
from tracker.store import names
from tracker.store.rawsql import RawSql


class Problem(NamedTuple):
    """What is wrong with one value of a row: the field it is in, the value, and what to do."""

    field: str
    value: Any
    message: str | TrackerError


class NameResolver:
    """Jurisdictions and agencies by the names a file gives them."""

    def __init__(
        self,
        sql: RawSql,
        writes: ImportWrites,
        *,
        jurisdiction_code: str | None,
        create_agencies: bool,
        report: Any,
        audit: Callable[[str, int, tuple[AuditEntry, ...]], None] | None = None,
    ) -> None:
        self.sql = sql
        self.writes = writes
        self.create_agencies = create_agencies
        self.report = report
        self.audit = audit
        self.jurisdictions: list[tuple[Any, ...]] = [
            tuple(j) for j in sql.rows("SELECT id, code, name FROM jurisdiction")
        ]
        self.issuer_cache: dict[str, int] = {}
        self.agency_cache: dict[tuple[int, str], list[int]] = {}
        self.name_ids: dict[tuple[int, str], list[int]] = {}
        self.cell_cache: dict[tuple[int, str], list[int]] = {}
        self.known_names: dict[int, dict[str, str]] = {}
        self.fixed_jurisdiction: int | None = None
        if jurisdiction_code is not None:
            found = self.by_code(jurisdiction_code, option=True)
            if isinstance(found, Problem):
                assert isinstance(found.message, TrackerError)
                raise found.message
            self.fixed_jurisdiction = found

    # --- jurisdictions ---------------------------------------------------------------------------

    def _known(self) -> str:
        return ", ".join(str(j[1]) for j in self.jurisdictions) or "-"

    def _stored(self, province: provinces.Province) -> int | None:
        """The jurisdiction of the database that is this province: by its code, else by its name."""
        for jurisdiction_id, code, _name in self.jurisdictions:
            if code == province.code:
                return int(jurisdiction_id)
        for jurisdiction_id, code, name in self.jurisdictions:
            if provinces.from_name(str(name)) == province or provinces.by_code(str(code)) == province:
                return int(jurisdiction_id)
        return None

    def _create(self, province: provinces.Province, field: str, value: str) -> int | Problem:
        """The province's new jurisdiction (``--create-agencies``), or what to do to create it."""
        if not self.create_agencies:
            return Problem(
                field,
                value,
                TrackerError(
                    key="import.jurisdiction_not_created", code=province.code, name=province.name, known=self._known()
                ),
            )
        jurisdiction_id = self.writes.insert_returning_id(
            "jurisdiction", {"code": province.code, "name": province.name}
        )
        self.jurisdictions.append((jurisdiction_id, province.code, province.name))
        self.report.jurisdictions_created.append(province.name)
        if self.audit is not None:
            self.audit("jurisdiction", jurisdiction_id, plan_record(None, {}).audits)
        return jurisdiction_id

    def jurisdiction(self, code: str, issuer: str) -> int | Problem:
        """The jurisdiction of a row with this code cell and issuer cell."""
        if self.fixed_jurisdiction is not None:
            return self.fixed_jurisdiction
        if code:
            return self.by_code(code)
        if issuer in self.issuer_cache:
            return self.issuer_cache[issuer]
        found = self._from_issuer(issuer)
        if not isinstance(found, Problem):
            self.issuer_cache[issuer] = found
        return found

    def _from_issuer(self, issuer: str) -> int | Problem:
        province = provinces.from_issuer(issuer)
        if province is not None:
            stored = self._stored(province)
            return stored if stored is not None else self._create(province, "issuer", issuer)
        folded = fold(issuer)
        matches = [j[0] for j in self.jurisdictions if issuer and folded in (fold(str(j[1])), fold(str(j[2])))]
        if len(matches) == 1:
            return int(matches[0])
        if len(self.jurisdictions) == 1:  # a central issuer ("Văn phòng Chính phủ"): the only province
            return int(self.jurisdictions[0][0])
        return Problem("issuer", issuer, TrackerError(key="import.jurisdiction_unknown", known=self._known()))

    def by_code(self, code: str, *, option: bool = False) -> int | Problem:
        """The jurisdiction a code cell (or ``--jurisdiction``) names: a code of the database, or a
        province's code or name, created with ``--create-agencies``."""
        if code in self.issuer_cache:
            return self.issuer_cache[code]
        field = "--jurisdiction" if option else "jurisdiction"
        by_code = {str(j[1]): int(j[0]) for j in self.jurisdictions}
        by_name = {fold(str(j[2])): int(j[0]) for j in self.jurisdictions}
        found: int | Problem | None = by_code.get(code.strip()) or by_name.get(fold(code))
        if found is None:
            province = provinces.by_code(code)
            if province is None:
                error = TrackerError(key="import.jurisdiction_code_unknown", code=code.strip(), known=self._known())
                found = Problem(field, code, error)
            else:
                found = self._stored(province)
                if found is None:
                    found = self._create(province, field, code)
        if not isinstance(found, Problem):
            self.issuer_cache[code] = found
        return found

    # --- agencies --------------------------------------------------------------------------------

    def agencies(self, text: str, jurisdiction_id: int) -> tuple[list[int], list[Problem]]:
        """Agency ids named in a cell, and a problem per name that names none.

        Names are separated by ";" (or "," where that splits the cell into known names, since many
        names contain commas); groups are expanded to their members.
        """
        cached = self.cell_cache.get((jurisdiction_id, text))
        if cached is not None:
            return cached, []
        result: list[int] = []
        problems: list[Problem] = []
        for part in (p.strip() for p in text.split(";")):
            if not part:
                continue
            ids = self.lookup(part, jurisdiction_id)
            if ids is None:
                ids = self.split_on_commas(part, jurisdiction_id)
            if ids is None and self.create_agencies:
                ids = self.create_agency(part, jurisdiction_id)
            if ids is None:
                problems.append(self.unknown(part, jurisdiction_id))
                continue
            result.extend(i for i in ids if i not in result)
        if not problems:
            self.cell_cache[(jurisdiction_id, text)] = result
        return result, problems

    def split_on_commas(self, part: str, jurisdiction_id: int) -> list[int] | None:
        pieces = part.split(",")
        if len(pieces) < 2:
            return None
        result: list[int] = []
        start = 0
        while start < len(pieces):
            for end in range(len(pieces), start, -1):
                ids = self.lookup(",".join(pieces[start:end]).strip(), jurisdiction_id)
                if ids is not None:
                    result.extend(ids)
                    start = end
                    break
            else:
                return None
        return result

    def lookup(self, name: str, jurisdiction_id: int) -> list[int] | None:
        found = self.name_ids.get((jurisdiction_id, name))
        if found is not None:  # the same spelling again: no folding
            return found
        key = (jurisdiction_id, fold(name))
        if key not in self.agency_cache:
            try:
                agency = names.find_agency(self.sql, name, jurisdiction_id)
            except (NotFoundError, AmbiguousNameError):
                return None
            self.agency_cache[key] = [a.id for a in names.expand(self.sql, agency)]
        self.name_ids[(jurisdiction_id, name)] = self.agency_cache[key]
        return self.agency_cache[key]

    def create_agency(self, name: str, jurisdiction_id: int) -> list[int]:
        agency_id = self.writes.insert_returning_id(
            "agency",
            {
                "jurisdiction_id": jurisdiction_id,
                "name": clean_name(name),
                "folded_name": fold(name),
                "kind": provinces.agency_kind_from_name(name),
            },
        )
        self.report.agencies_created += 1
        if self.audit is not None:
            self.audit("agency", agency_id, plan_record(None, {}).audits)
        self.agency_cache[(jurisdiction_id, fold(name))] = [agency_id]
        return [agency_id]

    def unknown(self, candidate: str, jurisdiction_id: int) -> Problem:
        try:
            names.find_agency(self.sql, candidate, jurisdiction_id)
        except AmbiguousNameError:
            return Problem("", candidate, TrackerError(key="import.agency_ambiguous", name=clean_name(candidate)))
        except NotFoundError:
            pass
        close = self.close_name(candidate, jurisdiction_id)
        if close is not None:
            error = TrackerError(key="import.agency_unknown_close", name=clean_name(candidate), close=close)
        else:
            error = TrackerError(key="import.agency_unknown", name=clean_name(candidate))
        return Problem("", candidate, error)

    def close_name(self, candidate: str, jurisdiction_id: int) -> str | None:
        """The agency whose name or alias is closest to ``candidate``, if one is close."""
        known = self.known_names.get(jurisdiction_id)
        if known is None:
            known = self.known_names[jurisdiction_id] = {}
            for folded, name in self.sql.rows(
                "SELECT g.folded_name, g.name FROM agency g WHERE g.jurisdiction_id = :j UNION ALL "
                "SELECT x.folded_alias, g.name FROM agency_alias x JOIN agency g ON g.id = x.agency_id "
                "WHERE g.jurisdiction_id = :j",
                {"j": jurisdiction_id},
            ):
                known.setdefault(str(folded), str(name))
        close = difflib.get_close_matches(fold(candidate), list(known), n=1, cutoff=0.6)
        return known[close[0]] if close else None
