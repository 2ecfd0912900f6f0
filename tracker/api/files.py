"""Files: importing assignments or an agency list, and drafting a directive's tasks."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.api.connection import DEFAULT_HORIZON_DAYS, Connection, DateLike, to_date
from tracker.store import queries

if TYPE_CHECKING:
    from tracker.drafting.model import Draft
    from tracker.importing.assignments import ImportReport


class FileMethods(Connection):
    def import_file(
        self,
        path: str | os.PathLike[str],
        *,
        dry_run: bool = False,
        file_format: str | None = None,
        sheet: str | None = None,
        create_agencies: bool = False,
        maps: Sequence[str] = (),
        jurisdiction: str | None = None,
        agencies: bool | None = None,
        horizon: DateLike | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> ImportReport:
        """Import a CSV, XLSX or JSON file of assignments (or an agency list, detected by its header).

        All rows or none: the report lists every problem (``report.errors``) and then nothing is
        written. ``dry_run`` checks and counts without writing."""
        from tracker.core.text import fold
        from tracker.importing.assignments import import_assignments
        from tracker.importing.fields import AGENCY_FIELDS, ASSIGNMENT_FIELDS, parse_maps
        from tracker.importing.sources import open_table

        table = open_table(Path(path), file_format, sheet)
        mapping = parse_maps(maps)
        if agencies is None:
            folded = {mapping.get(fold(h)) or fold(h) for h in table.headers}
            directive_words = {fold(w) for w in ASSIGNMENT_FIELDS["directive"]} | {"directive"}
            name_words = {fold(w) for w in AGENCY_FIELDS["name"]} | {"name"}
            agencies = bool(folded & name_words) and not folded & directive_words
        if agencies:  # the agency list goes through the ORM, which an assignments import never loads
            from sqlalchemy.exc import SQLAlchemyError

            from tracker.importing.agencies import import_agencies

            with self._sessions_factory()() as session:
                session.begin()
                report = import_agencies(
                    session,
                    table,
                    mapping,
                    jurisdiction_code=jurisdiction,
                    dry_run=dry_run,
                    actor=self.actor,
                    create_jurisdictions=create_agencies,
                )
                try:
                    if report.errors or dry_run:
                        session.rollback()
                    else:
                        session.commit()
                except SQLAlchemyError:
                    session.rollback()
                    raise
            return report
        until = to_date(horizon) if horizon is not None else self.today + timedelta(days=DEFAULT_HORIZON_DAYS)
        return import_assignments(
            self.engine,
            table,
            mapping,
            reopen=lambda: open_table(Path(path), file_format, sheet),
            jurisdiction_code=jurisdiction,
            create_agencies=create_agencies,
            dry_run=dry_run,
            rules=self.settings.deadline_rules,
            horizon=until,
            actor=self.actor,
            today=self.today,
            progress=progress,
        )

    # --- drafting ------------------------------------------------------------------------------

    def draft(self, path: str | os.PathLike[str], *, jurisdiction: str | None = None, lang: str = "vi") -> Draft:
        """Draft the tasks of the directive at ``path`` (.txt, .md, .docx, .pdf) in the import's shape,
        with agency names matched against this database's agencies and aliases (of ``jurisdiction``
        when given). Nothing is written; ``draft.problem`` says when the document gave too little."""
        from tracker.drafting.agencies import KnownNames
        from tracker.drafting.build import draft_file

        entries = [
            (name, [a for a in aliases.split("; ") if a], False)
            for _, name, code, aliases in queries.agency_names(self.reader)
            if jurisdiction is None or code == jurisdiction
        ]
        return draft_file(
            Path(path),
            KnownNames.of(entries),
            lang=lang,
            rules=self.settings.deadline_rules,
            jurisdiction=jurisdiction or "",
        )
