"""What clerks asked for: `r` and `x` ask first, naming the assignment; a completion after the as-of
date is questioned; the list shown can be exported to a spreadsheet."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.widgets import Input, Static

import tracker
from tests.ui.steps import listed_rows, settle
from tracker.services.views import AssignmentRow
from tracker.ui.app import TrackerApp
from tracker.ui.assignment_list import AssignmentList
from tracker.ui.dialogs import FormDialog

pytestmark = pytest.mark.usefixtures("backend")


def _notes(app: TrackerApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


def _select(app: TrackerApp, pick: Callable[[AssignmentRow], bool]) -> AssignmentRow:
    listing = app.query_one("#list", AssignmentList)
    index = next(i for i, row in enumerate(listed_rows(app)) if pick(row))
    listing.move_to(index)
    row = listing.current
    assert row is not None
    return row


def _dialog_text(dialog: FormDialog) -> str:
    return "\n".join(str(widget.render()) for widget in dialog.query(Static))


def _names(dialog: FormDialog, row: AssignmentRow) -> None:
    subject = str(dialog.query_one("#dialog-subject").render())
    assert f"#{row.id} " in subject and row.agency in subject and row.task[:20] in subject


async def test_reopen_asks_naming_the_assignment_and_no_changes_nothing(
    make_app: Callable[..., TrackerApp], ui_url: str
) -> None:
    app = make_app(lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        row = _select(app, lambda r: r.completed_on is not None and r.withdrawn_on is None)
        for refuse in ("escape", "cancel"):
            await pilot.press("r")
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, FormDialog)
            _names(dialog, row)
            assert f"{row.completed_on:%d/%m/%Y}" in _dialog_text(dialog)
            if refuse == "escape":
                await pilot.press("escape")
            else:
                await pilot.click("#cancel")
            await settle(pilot)
            assert not isinstance(app.screen, FormDialog)
        check = tracker.open(ui_url)
        assert check.get(row.id).completed_on == row.completed_on
        check.close()
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("enter")  # OK has the focus
        await settle(pilot)
    check = tracker.open(ui_url)
    assert check.get(row.id).completed_on is None
    check.close()


async def test_withdraw_asks_naming_the_assignment_and_escape_changes_nothing(
    make_app: Callable[..., TrackerApp], ui_url: str
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        row = _select(app, lambda r: r.completed_on is None and r.withdrawn_on is None)
        await pilot.press("x")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        _names(dialog, row)
        assert "không còn được theo dõi" in _dialog_text(dialog)
        dialog.query_one("#field-reason", Input).value = "Đã sáp nhập"
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, FormDialog)
        await pilot.press("x")
        await pilot.pause()
        await pilot.click("#cancel")
        await settle(pilot)
    check = tracker.open(ui_url)
    assert check.get(row.id).withdrawn_on is None
    assert check.get(row.id).version == row.version
    check.close()


async def test_a_completion_after_the_as_of_date_is_asked_about_before_it_is_saved(
    make_app: Callable[..., TrackerApp], ui_url: str
) -> None:
    app = make_app(lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        row = _select(app, lambda r: r.completed_on is None and r.withdrawn_on is None)
        await pilot.press("d")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        field = dialog.query_one("#field-on", Input)
        field.value = "20/06/2020"  # the as-of date is 15/06/2020
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is dialog, "saved without asking"
        note = str(dialog.query_one("#note-on", Static).render())
        assert "20/06/2020 is after the as-of date 15/06/2020" in note
        check = tracker.open(ui_url)
        assert check.get(row.id).completed_on is None
        check.close()
        field.value = "21/06/2020"  # another date: asked about again
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is dialog
        assert "21/06/2020 is after" in str(dialog.query_one("#note-on", Static).render())
        await pilot.press("enter")  # the same date again: saved
        await settle(pilot)
        assert app.screen is not dialog
    check = tracker.open(ui_url)
    assert f"{check.get(row.id).completed_on:%d/%m/%Y}" == "21/06/2020"
    check.close()


async def test_a_completion_on_or_before_the_as_of_date_is_saved_at_once(
    make_app: Callable[..., TrackerApp], ui_url: str
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        row = _select(app, lambda r: r.completed_on is None and r.withdrawn_on is None)
        await pilot.press("d")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        dialog.query_one("#field-on", Input).value = "15/06/2020"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is not dialog
    check = tracker.open(ui_url)
    assert f"{check.get(row.id).completed_on:%d/%m/%Y}" == "15/06/2020"
    check.close()
