"""Keeping jurisdictions and agencies from a script or an SSH session: ``tracker jurisdiction …`` and
``tracker agency …``. Every change is audited; bad input is one line and nothing is written."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

import click

from tracker.cli.base import cli, current_context, global_options, make_console, open_tracker, safe_text
from tracker.cli.helptext import LocalisedGroup
from tracker.core.catalogue import t

if TYPE_CHECKING:
    from tracker.services.agencies import AgencyListing

_KINDS = (
    "department (sở, ban, ngành), district (huyện, thị xã, thành phố, xã, phường), central (trung ương), "
    "media (báo, đài), group (nhóm), other (khác)"
)


def _say(key: str, **values: object) -> None:
    click.echo(safe_text(t(key, current_context().lang, **values)))


# --- jurisdictions -------------------------------------------------------------------------------


@cli.group(cls=LocalisedGroup)
def jurisdiction() -> None:
    """Provinces and centrally-run cities: list, add, rename (the code is for scripts)."""


@jurisdiction.command("list")
@global_options
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table")
def jurisdiction_list(output_format: str) -> None:
    """Every jurisdiction: its code and its name. json: [{"code", "name"}]."""
    with open_tracker() as tracker:
        found = tracker.jurisdictions()
    if output_format == "json":
        click.echo(json.dumps([{"code": c, "name": n} for c, n in found], ensure_ascii=False, indent=2))
        return
    if not found:
        _say("jurisdiction.none")
        return
    lang = current_context().lang
    _table([t("agency.col.code", lang), t("agency.col.name", lang)], [[c, n] for c, n in found])


@jurisdiction.command("add")
@global_options
@click.argument("code")
@click.argument("name")
def jurisdiction_add(code: str, name: str) -> None:
    """A new jurisdiction: CODE such as quang-ninh, NAME such as "Tỉnh Quảng Ninh"."""
    with open_tracker() as tracker:
        tracker.add_jurisdiction(code, name)
    _say("jurisdiction.added", code=code.strip(), name=name.strip())


@jurisdiction.command("rename")
@global_options
@click.argument("code")
@click.argument("name")
def jurisdiction_rename(code: str, name: str) -> None:
    """Give the jurisdiction CODE the name NAME (reports and letterheads use it)."""
    with open_tracker() as tracker:
        tracker.rename_jurisdiction(code, name)
    _say("jurisdiction.renamed", code=code.strip(), name=name.strip())


# --- agencies ------------------------------------------------------------------------------------


@cli.group(cls=LocalisedGroup)
def agency() -> None:
    """Agencies: list, add, edit (aliases, emails, groups, kind), merge duplicates.

    Kinds: department (sở, ban, ngành), district (huyện, thị xã, thành phố, xã, phường), central (trung
    ương), media (báo, đài), group (nhóm), other (khác); the Vietnamese words are accepted too."""


_JURISDICTION = click.option(
    "--jurisdiction", metavar="CODE", help="Jurisdiction code (may be left out when the database has one)."
)


@agency.command("list")
@global_options
@_JURISDICTION
@click.option("--format", "output_format", type=click.Choice(["table", "csv", "json"]), default="table")
def agency_list(jurisdiction: str | None, output_format: str) -> None:
    """Every agency with its kind, short name, aliases, emails and groups."""
    with open_tracker() as tracker:
        found = tracker.agencies(jurisdiction)
    records = [_record(a) for a in found]
    if output_format == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
        return
    if output_format == "csv":
        import csv

        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(["name", "jurisdiction", "kind", "short_name", "aliases", "emails", "groups"])
        for record in records:
            writer.writerow([v if isinstance(v, str) else "; ".join(v) for v in record.values()])
        return
    if not found:
        _say("agency.none")
        return
    lang = current_context().lang
    header = [
        t(f"agency.col.{k}", lang) for k in ("name", "jurisdiction", "kind", "short", "aliases", "emails", "groups")
    ]
    rows = [
        [
            a.name,
            a.jurisdiction_name,
            t(f"kind.{a.kind}", lang),
            a.short_name,
            *map("; ".join, (a.aliases, a.emails, a.groups)),
        ]
        for a in found
    ]
    _table(header, rows)


def _record(listing: AgencyListing) -> dict[str, Any]:
    return {
        "name": listing.name,
        "jurisdiction": listing.jurisdiction,
        "kind": listing.kind,
        "short_name": listing.short_name,
        "aliases": listing.aliases,
        "emails": listing.emails,
        "groups": listing.groups,
    }


@agency.command("add")
@global_options
@click.argument("name")
@_JURISDICTION
@click.option("--kind", metavar="K", help=f"Kind: {_KINDS}.")
@click.option("--short", "short_name", metavar="S", help="Short name, e.g. Sở NV.")
@click.option("--alias", "aliases", multiple=True, metavar="A", help="Another name the agency goes by (repeatable).")
@click.option("--email", "emails", multiple=True, metavar="E", help="Email address for the digest (repeatable).")
@click.option("--group", "groups", multiple=True, metavar="G", help="Group it belongs to (repeatable).")
def agency_add(
    name: str,
    jurisdiction: str | None,
    kind: str | None,
    short_name: str | None,
    aliases: tuple[str, ...],
    emails: tuple[str, ...],
    groups: tuple[str, ...],
) -> None:
    """A new agency. One that exists is an error: change it with 'tracker agency edit'."""
    from tracker.services.agencies import AgencySpec

    spec = AgencySpec(name, aliases, kind or "", short_name, groups, emails)
    with open_tracker() as tracker:
        tracker.add_agency(spec, jurisdiction=jurisdiction)
    _say("agency.added", name=name.strip())


@agency.command("edit")
@global_options
@click.argument("name")
@_JURISDICTION
@click.option("--rename", metavar="NEW", help="New name (the old one stays as an alias).")
@click.option("--kind", metavar="K", help=f"Kind: {_KINDS}.")
@click.option("--short", "short_name", metavar="S", help="Short name (empty to clear).")
@click.option("--add-alias", multiple=True, metavar="A", help="Add an alias (repeatable).")
@click.option("--remove-alias", multiple=True, metavar="A", help="Remove an alias (repeatable).")
@click.option("--add-email", multiple=True, metavar="E", help="Add an email address (repeatable).")
@click.option("--remove-email", multiple=True, metavar="E", help="Remove an email address (repeatable).")
@click.option("--add-group", multiple=True, metavar="G", help="Put it in a group (repeatable).")
@click.option("--remove-group", multiple=True, metavar="G", help="Take it out of a group (repeatable).")
def agency_edit(
    name: str,
    jurisdiction: str | None,
    rename: str | None,
    kind: str | None,
    short_name: str | None,
    add_alias: tuple[str, ...],
    remove_alias: tuple[str, ...],
    add_email: tuple[str, ...],
    remove_email: tuple[str, ...],
    add_group: tuple[str, ...],
    remove_group: tuple[str, ...],
) -> None:
    """Change an agency (found by its name or an alias): all the changes or none."""
    from tracker.services.agencies import AgencyEdit

    edit = AgencyEdit(
        rename or "", kind or "", short_name, add_alias, remove_alias, add_email, remove_email, add_group, remove_group
    )
    with open_tracker() as tracker:
        kept, changed = tracker.edit_agency(name, edit, jurisdiction=jurisdiction)
    _say("agency.edited" if changed else "agency.unchanged", name=kept)


@agency.command("merge")
@global_options
@click.argument("duplicate")
@click.argument("into")
@_JURISDICTION
def agency_merge(duplicate: str, into: str, jurisdiction: str | None) -> None:
    """Merge DUPLICATE into INTO: assignments, aliases, emails and groups move; DUPLICATE's name becomes
    an alias of INTO."""
    with open_tracker() as tracker:
        moved = tracker.merge_agencies(duplicate, into, jurisdiction=jurisdiction)
    _say("agency.merged", duplicate=duplicate.strip(), into=into.strip(), count=moved)


def _table(header: list[str], rows: list[list[str]]) -> None:
    from rich.table import Table

    table = Table(header_style="bold")
    for name in header:
        table.add_column(name, overflow="fold")
    for row in rows:
        table.add_row(*(safe_text(cell or "") for cell in row))
    make_console().print(table)
