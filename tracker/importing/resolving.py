"""Which jurisdiction issued a row's directive and which agencies its cells name, for one import.

Names are looked up once per spelling and cached for the import. With ``create_agencies``, a name
the database does not know is created (and counted in the report) instead of being a problem.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from tracker.core.errors import AmbiguousNameError, NotFoundError
from tracker.core.text import clean_name, fold
from tracker.importing.writes import ImportWrites
from tracker.store import names
from tracker.store.rawsql import RawSql


class Problem(NamedTuple):
    """What is wrong with one value of a row: the field it is in, the value, and what to do."""

    field: str
    value: Any
    message: str


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
    ) -> None:
        self.sql = sql
        self.writes = writes
        self.create_agencies = create_agencies
        self.report = report
        self.fixed_jurisdiction = (
            names.find_jurisdiction_id(sql, jurisdiction_code) if jurisdiction_code is not None else None
        )
        self.jurisdictions = sql.rows("SELECT id, code, name FROM jurisdiction")
        self.issuer_cache: dict[str, int] = {}
        self.agency_cache: dict[tuple[int, str], list[int]] = {}
        self.name_ids: dict[tuple[int, str], list[int]] = {}
        self.cell_cache: dict[tuple[int, str], list[int]] = {}

    # --- jurisdictions ---------------------------------------------------------------------------

    def jurisdiction(self, code: str, issuer: str) -> int | Problem:
        """The jurisdiction of a row with this code cell and issuer cell."""
        if self.fixed_jurisdiction is not None:
            return self.fixed_jurisdiction
        if code:
            return self.by_code(code)
        if issuer in self.issuer_cache:
            return self.issuer_cache[issuer]
        folded = fold(issuer)
        matches = [
            j[0]
            for j in self.jurisdictions
            if issuer and (folded in (fold(j[1]), fold(j[2])) or fold(j[2]).removeprefix("tinh ") in folded)
        ]
        if len(matches) == 1:
            self.issuer_cache[issuer] = int(matches[0])
        elif len(self.jurisdictions) == 1:
            self.issuer_cache[issuer] = int(self.jurisdictions[0][0])
        else:
            known = ", ".join(j[1] for j in self.jurisdictions) or "none yet"
            return Problem(
                "issuer",
                issuer,
                f"cannot tell which jurisdiction issued this directive (known: {known}); "
                "add --jurisdiction CODE or an issuer such as 'UBND tỉnh Thanh Hóa'.",
            )
        return self.issuer_cache[issuer]

    def by_code(self, code: str) -> int | Problem:
        if code not in self.issuer_cache:
            by_code = {j[1]: int(j[0]) for j in self.jurisdictions}
            if code in by_code:
                self.issuer_cache[code] = by_code[code]
            elif self.create_agencies:
                self.issuer_cache[code] = self.writes.insert_returning_id("jurisdiction", {"code": code, "name": code})
                self.jurisdictions.append((self.issuer_cache[code], code, code))
            else:
                known = ", ".join(by_code) or "none"
                return Problem("jurisdiction", code, f"no such jurisdiction (known: {known}).")
        return self.issuer_cache[code]

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
            {"jurisdiction_id": jurisdiction_id, "name": clean_name(name), "folded_name": fold(name), "kind": "other"},
        )
        self.report.agencies_created += 1
        self.agency_cache[(jurisdiction_id, fold(name))] = [agency_id]
        return [agency_id]

    def unknown(self, candidate: str, jurisdiction_id: int) -> Problem:
        try:
            names.find_agency(self.sql, candidate, jurisdiction_id)
        except (NotFoundError, AmbiguousNameError) as error:
            return Problem("", candidate, f"{error} (or run with --create-agencies)")
        return Problem("", candidate, "names more than one agency (or run with --create-agencies)")
