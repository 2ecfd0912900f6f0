"""Who leads and who coordinates, from the words of one section.

- A section addressed to agencies leads with them: "2.3. Sở Tư pháp" (the heading is the name),
  "(1) Sở Tư pháp: Tổng kết …", "Sở Tư pháp, Sở Nội vụ tham mưu …" (the names start the sentence).
- "X chủ trì, phối hợp với Y …" and "X chủ trì, Y phối hợp": X leads, Y coordinates; "Giao X chủ trì"
  and "Đề nghị X …": X leads (not the one who assigns).
- "Chủ trì, phối hợp với Y …" and "Phối hợp với Y …" in a section without names of its own: the
  section's agency (from an enclosing section) leads and Y coordinates.
Agencies named anywhere else (reports go to them, copies are sent to them) have no role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tracker.drafting.agencies import KnownNames, Mention, find_mentions
from tracker.drafting.folding import fold_keep

_SEPARATOR = re.compile(r"\s*(?:,\s*va|,|;|va|cung|/)\s*|\s+")
_PERSON = re.compile(r"(?:chu tich|pho chu tich|giam doc|pho giam doc|thu truong|truong ban|lanh dao)\s+")
_ASSIGN = re.compile(r"(?:giao (?:cho )?|de nghi |yeu cau |uy quyen (?:cho )?|phan cong (?:cho )?|chi dao )")
_ASSIGN_ANYWHERE = re.compile(r"(?<![\w])(?:giao (?:cho )?|de nghi |yeu cau |uy quyen (?:cho )?|phan cong (?:cho )?)")
_CLAUSE = re.compile(r"[.;:!?]\s+|chu tri\s*,\s*")
_COORDINATE = re.compile(r"phoi hop(?:\s+chat che)?\s*(?:voi|cung)?\s*")
_LEAD_AFTER = re.compile(r"\s*(?:chu tri|la co quan chu tri|lam dau moi)")


@dataclass
class Roles:
    leads: list[Mention] = field(default_factory=list)
    coordinating: list[Mention] = field(default_factory=list)
    text_start: int = 0
    """Where the task's own words begin (after an addressee such as "Sở Tư pháp:")."""
    addressed_only: bool = False
    """The section is only the names of who it is addressed to ("1. Sở Nội vụ")."""


def _names_at(folded: str, mentions: list[Mention], position: int) -> tuple[list[Mention], int]:
    """The names listed from ``position`` on ("Sở A, Sở B và Sở C"), and where the list ends."""
    found: list[Mention] = []
    by_start = {m.start: m for m in mentions}
    while True:
        gap = re.match(r"\s*", folded[position:])
        at = position + (gap.end() if gap else 0)
        person = _PERSON.match(folded, at)
        if person:
            at = person.end()
        mention = by_start.get(at)
        if mention is None:
            return found, position
        found.append(mention)
        position = mention.end
        separator = _SEPARATOR.match(folded, position)
        if separator is None or separator.end() == position:
            return found, position
        following = position + separator.end() - position
        nxt = re.match(r"\s*", folded[following:])
        probe = following + (nxt.end() if nxt else 0)
        person = _PERSON.match(folded, probe)
        if probe not in by_start and not (person and person.end() in by_start):
            return found, position
        position = following


def read_roles(text: str, known: KnownNames | None = None) -> Roles:
    folded = fold_keep(text)
    mentions = find_mentions(text, known)
    roles = Roles()
    if not mentions:
        return roles
    leads: list[Mention] = []
    coordinating: list[Mention] = []
    starts = [0, *(m.end() for m in _CLAUSE.finditer(folded))]
    for start in starts:
        assign = _ASSIGN.match(folded, start + len(folded[start:]) - len(folded[start:].lstrip()))
        names, end = _names_at(folded, mentions, assign.end() if assign else start)
        if not names:
            continue
        rest = folded[end:].strip()
        after_lead = (
            folded[max(0, start - 12) : start].rstrip().endswith(",")
            and "chu tri" in folded[max(0, start - 12) : start]
        )
        if start == 0 and (not rest or rest.startswith((":", "./.", "."))):
            leads.extend(names)
            roles.addressed_only = not rest or rest in (".", "./.", ":")
            colon = folded.find(":", end)
            roles.text_start = colon + 1 if rest.startswith(":") else end
            continue
        if rest.startswith(":"):
            leads.extend(names)
            continue
        if _ASSIGN.match(rest):
            continue  # "UBND tỉnh giao Sở X …": the one who assigns does not lead
        if rest.startswith("phoi hop"):
            (coordinating if leads or after_lead else leads).extend(names)
            continue
        if after_lead:
            continue
        leads.extend(names)
    for match in _ASSIGN_ANYWHERE.finditer(folded):
        names, _ = _names_at(folded, mentions, match.end())
        leads.extend(names)
    for match in _COORDINATE.finditer(folded):
        names, _ = _names_at(folded, mentions, match.end())
        coordinating.extend(names)
    for mention in mentions:
        if _LEAD_AFTER.match(folded, mention.end) and mention not in coordinating:
            leads.append(mention)
    roles.leads = _unique(leads)
    lead_names = {m.name for m in roles.leads}
    roles.coordinating = [m for m in _unique(coordinating) if m.name not in lead_names]
    return roles


def _unique(mentions: list[Mention]) -> list[Mention]:
    seen: dict[str, Mention] = {}
    for mention in mentions:
        seen.setdefault(mention.name, mention)
    return list(seen.values())
