"""Building the daily digests: one per agency with overdue or due-soon assignments where it leads (a
section for those it coordinates), and one summary for the secretariat. Plain text and HTML."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from html import escape
from itertools import chain
from operator import itemgetter
from typing import Any

from tracker.core.text import one_line
from tracker.i18n import t
from tracker.notify.lines import DUE_SOON, OVERDUE, DigestLines, read_lines, render_lines
from tracker.store.queries import AssignmentFilter
from tracker.store.reader import Reader


@dataclass
class Digest:
    key: str
    """What this digest is, for the sent log: "agency:<id>" or "summary"."""
    to: list[str]
    subject: str
    text_utf8: bytes
    """The plain-text body, encoded as it is sent."""
    html_utf8: bytes
    """The HTML alternative, encoded as it is sent."""
    agency: str = ""

    @property
    def text(self) -> str:
        return self.text_utf8.decode()

    @property
    def html(self) -> str:
        return self.html_utf8.decode()


@dataclass
class DigestPlan:
    as_of: date
    digests: list[Digest] = field(default_factory=list)
    agencies_without_contact: list[str] = field(default_factory=list)


def _contacts(reader: Reader) -> dict[int, list[str]]:
    contacts: dict[int, list[str]] = defaultdict(list)
    for agency_id, email in reader.rows("SELECT agency_id, email FROM agency_contact ORDER BY id"):
        contacts[agency_id].append(email)
    return contacts


def _table_head(lang: str, keys: tuple[str, ...]) -> str:
    return "".join(f"<th>{escape(t(k, lang))}</th>" for k in keys)


_TABLE = "<table border='1' cellpadding='4' cellspacing='0'>"


def _picker(numbers: Sequence[int]) -> Callable[[Sequence[Any]], tuple[Any, ...]]:
    """A function that picks the items at ``numbers`` from a list, as a tuple: one C call for all of
    them, where a digest picks up to every line of the run."""
    if len(numbers) == 1:  # itemgetter returns a lone item bare
        only = numbers[0]
        return lambda items: (items[only],)
    return itemgetter(*numbers)


def _add_section(
    text: list[bytes], html: list[bytes], title: str, line_numbers: list[int], lines: DigestLines, head: str
) -> None:
    """Append a titled section listing ``line_numbers`` to a digest's text and HTML parts."""
    if not line_numbers:
        return
    count = len(line_numbers)
    pick = _picker(line_numbers)
    text.append(f"\n{title.upper()} ({count})\n".encode())
    text.extend(chain.from_iterable(pick(lines.text)))
    html.append(f"<h3>{escape(title)} ({count})</h3>{_TABLE}<tr>{head}</tr>".encode())
    html.extend(chain.from_iterable(pick(lines.html)))
    html.append(b"</table>")


def _subject(name: str, overdue: int, soon: int, as_of: date, lang: str) -> str:
    counts = t("mail.counts", lang, overdue=overdue, soon=soon)
    return one_line(f"{t('mail.prefix', lang)} {name}: {counts} ({as_of:%d/%m/%Y})")


_PAGE_START = b"<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>"
_PAGE_END = b"</body></html>"


def build_digests(
    reader: Reader,
    as_of: date,
    *,
    due_within: int = 7,
    only_overdue: bool = False,
    agency_ids: Sequence[int] | None = None,
    secretariat: Sequence[str] = (),
    lang: str = "vi",
) -> DigestPlan:
    """Every digest due at ``as_of``, built in this process on ``reader``'s connection. The lines are
    read and rendered once for the whole run, and each digest joins the ones it lists, since an overdue
    line is listed in its agency's digest and again in the summary."""
    criteria = AssignmentFilter(overdue=True, due_within=None if only_overdue else due_within, agency_ids=agency_ids)
    read = read_lines(reader, criteria, as_of)
    contacts = _contacts(reader)
    names = dict(reader.rows("SELECT id, name FROM agency"))
    plan = DigestPlan(as_of)
    # An agency that only coordinates gets no digest: it hears about those tasks from the lead agencies.
    listed = [
        (agency_id, places)
        for agency_id, places in sorted(read.by_agency.items(), key=lambda item: names[item[0]])
        if places[OVERDUE] or places[DUE_SOON]
    ]
    plan.agencies_without_contact = [names[agency_id] for agency_id, _ in listed if not contacts.get(agency_id)]
    counts = [(names[agency_id], len(places[OVERDUE]), len(places[DUE_SOON])) for agency_id, places in listed]
    lines = render_lines(reader, read, as_of, lang)
    footer = t("mail.footer", lang)
    footer_text, footer_html = f"\n{footer}\n".encode(), f"<p>{escape(footer)}</p>".encode()
    titles = (t("mail.overdue", lang), t("mail.due_soon", lang), t("mail.coordinating", lang))
    head = _table_head(lang, ("col.directive", "col.task", "col.due", "col.status"))
    for agency_id, (overdue, soon, coordinating) in listed:
        addresses = contacts.get(agency_id)
        if not addresses:
            continue
        name = names[agency_id]
        intro = t("mail.intro", lang, agency=one_line(name), as_of=f"{as_of:%d/%m/%Y}")
        # Each digest is one join of its parts: the lines' text is copied once.
        text = [f"{intro}\n".encode()]
        html = [_PAGE_START, f"<p>{escape(intro)}</p>".encode()]
        for title, line_numbers in zip(titles, (overdue, soon, coordinating), strict=True):
            _add_section(text, html, title, line_numbers, lines, head)
        text.append(footer_text)
        html += (footer_html, _PAGE_END)
        plan.digests.append(
            Digest(
                key=f"agency:{agency_id}",
                to=list(addresses),
                subject=_subject(name, len(overdue), len(soon), as_of, lang),
                text_utf8=b"".join(text),
                html_utf8=b"".join(html),
                agency=name,
            )
        )
    if secretariat and agency_ids is None:
        plan.digests.append(_summary(lines, names, counts, plan.agencies_without_contact, as_of, lang, secretariat))
    return plan


def _summary(
    lines: DigestLines,
    names: dict[int, str],
    counts: list[tuple[str, int, int]],
    without_contact: list[str],
    as_of: date,
    lang: str,
    secretariat: Sequence[str],
) -> Digest:
    """Counts per agency, then the full overdue list: each overdue task and period once, with the lead
    agencies that have not done it."""
    total_overdue = sum(c[1] for c in counts)
    total_soon = sum(c[2] for c in counts)
    intro = t("mail.summary_intro", lang, as_of=f"{as_of:%d/%m/%Y}")
    missing = ""
    if without_contact:
        missing = t("mail.no_contact", lang) + " " + ", ".join(without_contact) + "\n"
    title = t("mail.overdue", lang)
    head = _table_head(lang, ("col.directive", "col.task", "col.due", "col.status", "col.agency"))
    table = "".join(f"- {one_line(name)}: {t('mail.counts', lang, overdue=o, soon=s)}\n" for name, o, s in counts)
    text = [f"{intro}\n\n{table}{missing}\n{title.upper()} ({total_overdue})\n".encode()]
    table = "".join(f"<tr><td>{escape(name)}</td><td>{o}</td><td>{s}</td></tr>" for name, o, s in counts)
    html = [
        _PAGE_START,
        f"<p>{escape(intro)}</p>{_TABLE}<tr><th>{escape(t('col.agency', lang))}</th>"
        f"<th>{escape(t('short.overdue', lang))}</th><th>{escape(t('status.due_soon', lang))}</th></tr>{table}"
        f"</table><p>{escape(missing)}</p><h3>{escape(title)} ({total_overdue})</h3>{_TABLE}<tr>{head}</tr>".encode(),
    ]
    agencies_word = t("mail.lead_agencies", lang)
    plain = {agency_id: one_line(name) for agency_id, name in names.items()}
    late_leads = lines.late_leads  # lines are by due date, task and period
    agencies_of_lines = list(map(tuple, late_leads.values()))
    # The lead agencies of an overdue line, listed as text and as an HTML cell: many lines share them.
    listings: dict[tuple[int, ...], tuple[bytes, bytes]] = {}
    for agencies in set(agencies_of_lines):
        listed = ", ".join(sorted([plain[agency_id] for agency_id in agencies]))
        listings[agencies] = (
            f"  {agencies_word} ({len(agencies)}): {listed}\n".encode(),
            f"<td>{escape(listed)}</td></tr>".encode(),
        )
    if late_leads:
        # The parts of every overdue line, picked and interleaved by C loops (itemgetter, zip, chain):
        # the summary lists every overdue line of the run, so a Python loop per line would dominate it.
        pick = _picker(list(late_leads))
        listed_as = [listings[agencies] for agencies in agencies_of_lines]
        text_parts = zip(pick(lines.text), zip(map(itemgetter(0), listed_as)), strict=True)
        text.extend(chain.from_iterable(chain.from_iterable(text_parts)))
        html_parts = zip(
            map(itemgetter(0), pick(lines.html)), pick(lines.open_endings), map(itemgetter(1), listed_as), strict=True
        )
        html.extend(chain.from_iterable(html_parts))
    html += (b"</table>", _PAGE_END)
    return Digest(
        key="summary",
        to=list(secretariat),
        subject=_subject(t("mail.summary", lang), total_overdue, total_soon, as_of, lang),
        text_utf8=b"".join(text),
        html_utf8=b"".join(html),
    )
