"""Which jurisdiction issued a row's directive and which agencies its cells name, for one import.

Names are looked up once per spelling and cached for the import. With ``create_agencies``, a name
the database does not know is created (counted in the report, and named in a notice of it) instead of
being a problem; a short name in capitals ("STP") is not, since it stands for an agency: its problem
gives the command that makes it that agency's alias.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

from tracker.core import provinces
from tracker.core.catalogue import Translatable, t
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


SHOWN_NAMES = 20
"""Up to this many names are said in a notice, then how many more."""


class NameList(Translatable):
    """Names said one after the other ("; " between, since names hold commas), up to :data:`SHOWN_NAMES`."""

    def __init__(self, names: list[str]) -> None:
        self.names = names

    def text(self, lang: str) -> str:
        shown = "; ".join(self.names[:SHOWN_NAMES])
        more = len(self.names) - SHOWN_NAMES
        return shown + (t("import.names_more", lang, count=more) if more > 0 else "")


def _by_initials(agencies: Iterable[tuple[str, set[str]]]) -> dict[str, str]:
    """Agencies by each short name they may go by (their initials and ``also``), where one agency does."""
    found: dict[str, str] = {}
    taken: set[str] = set()
    for name, also in agencies:
        for key in provinces.initials(name) | also:
            if key in found and found[key] != name:
                taken.add(key)
            found[key] = name
    return {key: name for key, name in found.items() if key not in taken}


class AliasAdvice(Translatable):
    """The command that makes a short name an alias of the agency it stands for: the stored agency whose
    initials it is, else one this import creates (said when the report is, so a row further down
    counts), else the command with a placeholder."""

    def __init__(self, name: str, stored: str, wanted: str, created: list[str]) -> None:
        self.name = name
        self.stored = stored
        self.wanted = wanted
        self.created = created

    def text(self, lang: str) -> str:
        if self.stored:
            return t("import.abbreviation_edit", lang, agency=self.stored, name=self.name)
        new = _by_initials((name, set()) for name in self.created).get(self.wanted)
        if new:
            return t("import.abbreviation_add", lang, agency=new, name=self.name)
        return t("import.abbreviation_any", lang, name=self.name)


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
        self.missing: set[tuple[int, str]] = set()
        """Names (folded) the database has no agency for; one this import creates is in ``agency_cache``."""
        self.created: dict[int, list[str]] = {}
        """The names of the agencies this import created, by jurisdiction."""
        self.created_notice: int | None = None
        """Where in the report's notices the one naming them is."""
        self.initials: dict[int, dict[str, str]] = {}
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

    def _create(self, province: provinces.Province, field: str, value: str, *, code: str = "") -> int | Problem:
        """The province's new jurisdiction (``--create-agencies``), under ``code`` (default: the
        province's own), or what to do to create it."""
        code = code or province.code
        if not self.create_agencies:
            return Problem(
                field,
                value,
                TrackerError(key="import.jurisdiction_not_created", code=code, name=province.name, known=self._known()),
            )
        if provinces.slug(code) != code:
            return Problem(
                field, value, TrackerError(key="error.jurisdiction_code_form", code=code, suggestion=province.code)
            )
        jurisdiction_id = self.writes.insert_returning_id("jurisdiction", {"code": code, "name": province.name})
        self.jurisdictions.append((jurisdiction_id, code, province.name))
        self.report.jurisdictions_created.append(province.name)
        if self.audit is not None:
            self.audit("jurisdiction", jurisdiction_id, plan_record(None, {}).audits)
        return jurisdiction_id

    def jurisdiction(self, code: str, issuer: str) -> int | Problem:
        """The jurisdiction of a row with this code cell and issuer cell."""
        if self.fixed_jurisdiction is not None:
            return self.fixed_jurisdiction
        if code:
            return self.by_code(code, issuer=issuer)
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

    def by_code(self, code: str, *, option: bool = False, issuer: str = "") -> int | Problem:
        """The jurisdiction a code cell (or ``--jurisdiction``) names: a code of the database, or a
        province's code or name, created with ``--create-agencies``. A code of the database's own
        ("hg", as an export of another database writes it) is the province the row's issuer names."""
        if code in self.issuer_cache:
            return self.issuer_cache[code]
        field = "--jurisdiction" if option else "jurisdiction"
        by_code = {str(j[1]): int(j[0]) for j in self.jurisdictions}
        by_name = {fold(str(j[2])): int(j[0]) for j in self.jurisdictions}
        found: int | Problem | None = by_code.get(code.strip()) or by_name.get(fold(code))
        if found is None:
            province = provinces.by_code(code)
            named = provinces.from_issuer(issuer) if province is None and issuer else None
            if named is not None:
                found = self._stored(named)
                if found is None:
                    found = self._create(named, field, code, code=code.strip())
            elif province is None:
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

        Names are separated by ";", or by "," where that splits the cell into names each known or
        reading as an agency's own (:meth:`split_on_commas`), since many names contain commas; groups
        are expanded to their members.
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
            if ids is not None:
                result.extend(i for i in ids if i not in result)
                continue
            for name, known in self.split_on_commas(part, jurisdiction_id) or [(part, None)]:
                found: list[int] | Problem | None = known
                if found is None and self.create_agencies:
                    found = self.create_agency(name, jurisdiction_id)
                if found is None:
                    found = self.unknown(name, jurisdiction_id)
                if isinstance(found, Problem):
                    problems.append(found)
                    continue
                result.extend(i for i in found if i not in result)
        if not problems:
            self.cell_cache[(jurisdiction_id, text)] = result
        return result, problems

    def split_on_commas(self, part: str, jurisdiction_id: int) -> list[tuple[str, list[int] | None]] | None:
        """The names a cell that is no one name gives when cut at commas: at each place, the longest run
        of pieces that is a known name ("Sở Văn hóa, Thể thao và Du lịch"), else one that reads as an
        agency's own name or a short name ("UBND thành phố Hà Giang", "STP") with the pieces after it
        that do not ("Sở Văn hóa, Thể thao và Du lịch" when unknown). Each name comes with its agencies,
        None for an unknown one. None when the cell is not such a list: it is then one name ("UBND các
        huyện, thị xã, thành phố", "Các sở, ban, ngành")."""
        pieces = part.split(",")
        if len(pieces) < 2:
            return None
        found: list[tuple[str, list[int] | None]] = []
        start = 0
        while start < len(pieces):
            if not pieces[start].strip():  # "A, , B" or a comma at the end
                start += 1
                continue
            known = self._known_run(pieces, start, jurisdiction_id)
            if known is not None:
                end, ids = known
                found.append((",".join(pieces[start:end]).strip(), ids))
                start = end
                continue
            if not self._starts_a_name(pieces[start]):
                return None
            end = start + 1
            while end < len(pieces) and not (
                self._starts_a_name(pieces[end]) or self._known_run(pieces, end, jurisdiction_id) is not None
            ):
                end += 1
            found.append((",".join(pieces[start:end]).strip(), None))
            start = end
        return found if len(found) > 1 else None

    def _known_run(self, pieces: list[str], start: int, jurisdiction_id: int) -> tuple[int, list[int]] | None:
        for end in range(len(pieces), start, -1):
            ids = self.lookup(",".join(pieces[start:end]).strip(), jurisdiction_id)
            if ids is not None:
                return end, ids
        return None

    @staticmethod
    def _starts_a_name(piece: str) -> bool:
        return provinces.reads_as_agency_name(piece) or provinces.is_abbreviation(piece)

    def lookup(self, name: str, jurisdiction_id: int) -> list[int] | None:
        found = self.name_ids.get((jurisdiction_id, name))
        if found is not None:  # the same spelling again: no folding
            return found
        key = (jurisdiction_id, fold(name))
        if key not in self.agency_cache:
            if key in self.missing:  # a cell cut at commas asks for its pieces again
                return None
            try:
                agency = names.find_agency(self.sql, name, jurisdiction_id)
            except (NotFoundError, AmbiguousNameError):
                self.missing.add(key)
                return None
            self.agency_cache[key] = [a.id for a in names.expand(self.sql, agency)]
        self.name_ids[(jurisdiction_id, name)] = self.agency_cache[key]
        return self.agency_cache[key]

    def create_agency(self, name: str, jurisdiction_id: int) -> list[int] | Problem:
        """A new agency called ``name`` (``--create-agencies``); a short name ("STP") is no agency's
        name, so it is a problem that says to make it an alias of the agency it stands for."""
        if provinces.is_abbreviation(name):
            return self.abbreviation(name, jurisdiction_id)
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
        self.created.setdefault(jurisdiction_id, []).append(clean_name(name))
        self._say_created()
        if self.audit is not None:
            self.audit("agency", agency_id, plan_record(None, {}).audits)
        self.agency_cache[(jurisdiction_id, fold(name))] = [agency_id]
        return [agency_id]

    def _say_created(self) -> None:
        """The notice that names the agencies this import creates (so that a dry run shows a typo before
        it becomes an agency): one notice, said again with each new name."""
        created = [name for names_of in self.created.values() for name in names_of]
        key = "import.agencies_to_create" if self.report.dry_run else "import.agencies_created_names"
        notice = TrackerError(key=key, count=len(created), names=NameList(created))
        if self.created_notice is None:
            self.created_notice = len(self.report.notices)
            self.report.notices.append(notice)
        else:
            self.report.notices[self.created_notice] = notice

    def abbreviation(self, name: str, jurisdiction_id: int) -> Problem:
        """The problem of a short name no agency goes by, with the command that makes it an alias of the
        agency whose initials it is, when one is."""
        stored = self._stored_initials(jurisdiction_id)
        wanted = provinces.abbreviation_key(name)
        advice = AliasAdvice(
            clean_name(name), stored.get(wanted, ""), wanted, self.created.setdefault(jurisdiction_id, [])
        )
        error = TrackerError(key="import.agency_abbreviation", name=clean_name(name), command=advice, original=name)
        return Problem("", name, error)

    def _stored_initials(self, jurisdiction_id: int) -> dict[str, str]:
        """The database's agencies of a jurisdiction by the short names they may go by (their short name,
        their initials), where only one agency does."""
        found = self.initials.get(jurisdiction_id)
        if found is None:
            rows = self.sql.rows(
                "SELECT name, short_name FROM agency WHERE jurisdiction_id = :j AND kind <> 'group'",
                {"j": jurisdiction_id},
            )
            ours = set(self.created.get(jurisdiction_id, ()))  # in the database, but only as this import wrote them
            found = self.initials[jurisdiction_id] = _by_initials(
                (str(name), {provinces.abbreviation_key(str(short))} if short else set())
                for name, short in rows
                if str(name) not in ours
            )
        return found

    def unknown(self, candidate: str, jurisdiction_id: int) -> Problem:
        try:
            names.find_agency(self.sql, candidate, jurisdiction_id)
        except AmbiguousNameError:
            return Problem("", candidate, TrackerError(key="import.agency_ambiguous", name=clean_name(candidate)))
        except NotFoundError:
            pass
        if provinces.is_abbreviation(candidate):
            return self.abbreviation(candidate, jurisdiction_id)
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
