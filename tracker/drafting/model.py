"""A draft: the directive's header fields and its tasks, in the shape of the import's JSON format."""

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
    note: str = ""
    """Doubts for the clerk to check."""
    line: int = 0
    """Index of the paragraph of :attr:`Draft.paragraphs` the task comes from."""

    def as_json(self, jurisdiction: str = "") -> dict[str, Any]:
        item: dict[str, Any] = {
            "ref": self.ref,
            "text": self.text,
            "lead": list(self.lead),
            "coordinating": list(self.coordinating),
            "deadline": self.deadline,
            "due_on": self.due_on.isoformat() if self.due_on else "",
            "note": self.note,
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
    notes: list[str] = field(default_factory=list)
    """Doubts about the directive as a whole (a field not found, sections left out)."""
    paragraphs: list[str] = field(default_factory=list)
    """The text the tasks were read from, one paragraph per item."""
    problem: TrackerError | None = None
    """Set when the document gave too little (no numbered sections, no task): the draft holds what
    was found, and the command says this and exits 1."""

    @property
    def note(self) -> str:
        return " ".join(self.notes)

    def as_json(self) -> dict[str, Any]:
        directive: dict[str, Any] = {
            "number": self.number,
            "issued_on": self.issued_on.isoformat() if self.issued_on else "",
            "kind": self.kind,
            "title": self.title,
            "issuer": self.issuer,
            "note": self.note,
            "tasks": [task.as_json(self.jurisdiction) for task in self.tasks],
        }
        return {"directives": [directive]}
