"""A draft: the directive's header fields and its tasks, in the shape of the import's JSON format.

The drafter's doubts (a header field not found, a lead assumed, a name the database lacks) are written
as ``doubts``, never as ``note``: the import stores a task's ``note`` on its assignments and leaves
``doubts`` out (and says so), so a draft imported unchanged keeps no doubts as notes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from tracker.core.errors import TrackerError


@dataclass
class DraftTask:
    ref: str
    text: str
    lead: list[str] = field(default_factory=list)
    coordinating: list[str] = field(default_factory=list)
    deadline: str = ""
    """The deadline as the text words it ("trước 30/4/2020"); empty for a standing duty."""
    due_on: date | None = None
    doubts: str = ""
    """Doubts for the clerk to check (never imported)."""
    line: int = 0
    """Index of the paragraph of :attr:`Draft.paragraphs` the task comes from."""
    span: int = 1
    """How many paragraphs, from :attr:`line` on, the task's section takes."""

    def as_json(self, jurisdiction: str = "") -> dict[str, Any]:
        item: dict[str, Any] = {
            "ref": self.ref,
            "text": self.text,
            "lead": list(self.lead),
            "coordinating": list(self.coordinating),
            "deadline": self.deadline,
            "due_on": self.due_on.isoformat() if self.due_on else "",
            "note": "",
            "doubts": self.doubts,
        }
        if jurisdiction:
            item["jurisdiction"] = jurisdiction
        return item


@dataclass
class Draft:
    path: Path | None = None
    number: str = ""
    issued_on: date | None = None
    kind: str = ""
    title: str = ""
    issuer: str = ""
    province: str = ""
    jurisdiction: str = ""
    tasks: list[DraftTask] = field(default_factory=list)
    doubts: list[str] = field(default_factory=list)
    """Doubts about the directive as a whole (a field not found, sections left out)."""
    paragraphs: list[str] = field(default_factory=list)
    """The text the tasks were read from, one paragraph per item."""
    problem: TrackerError | None = None
    """Set when the document gave too little (no numbered sections, no task): the draft holds what
    was found, and the command says this and exits 1."""

    @property
    def doubts_text(self) -> str:
        return " ".join(self.doubts)

    def as_json(self) -> dict[str, Any]:
        directive: dict[str, Any] = {
            "number": self.number,
            "issued_on": self.issued_on.isoformat() if self.issued_on else "",
            "kind": self.kind,
            "title": self.title,
            "issuer": self.issuer,
            "doubts": self.doubts_text,
            "tasks": [task.as_json(self.jurisdiction) for task in self.tasks],
        }
        return {"directives": [directive]}
