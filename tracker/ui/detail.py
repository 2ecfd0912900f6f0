"""The detail pane: the selected assignment as :func:`tracker.render.detail_view` reads it, with the
UI's short status words, the agency's contacts and, where the database holds several, its province."""

from __future__ import annotations

from rich.console import Group

from tracker.render import detail_view, field_word, shown_value
from tracker.services.details import AssignmentDetails
from tracker.ui.assignment_list import status_label

__all__ = ["field_word", "render_detail", "shown_value"]


def render_detail(details: AssignmentDetails, lang: str, contacts: list[str], province: str) -> Group:
    return detail_view(details, lang, status=status_label(details.row, lang), contacts=contacts, province=province)
