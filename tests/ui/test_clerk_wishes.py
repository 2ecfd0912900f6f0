"""What clerks asked for: `r` and `x` ask first, naming the assignment; a completion after the as-of
date is questioned; the list shown can be exported to a spreadsheet."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import openpyxl
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


def _expected(ui_url: str, app: TrackerApp) -> set[tuple[str, str, str, str]]:
    """The lead rows of the filter the app shows, read apart from the app."""
    check = tracker.open(ui_url)
    view = app.model.view
    rows = check.assignments(view.criteria, as_of=view.as_of)
    everything = len(check.assignments(as_of=view.as_of))
    check.close()
    assert 0 < len(rows) < everything  # a filter that leaves some out
    return {(r.directive, r.ref, r.agency, r.period) for r in rows if r.role == "lead"}


async def _export_to(pilot: object, app: TrackerApp, path: Path) -> FormDialog:
    await pilot.press("E")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    dialog = app.screen
    assert isinstance(dialog, FormDialog)
    dialog.query_one("#field-path", Input).value = str(path)
    await pilot.press("enter")  # type: ignore[attr-defined]
    await settle(pilot)
    return dialog


async def test_the_filtered_list_exports_to_csv_and_xlsx(
    make_app: Callable[..., TrackerApp], ui_url: str, tmp_path: Path
) -> None:
    app = make_app(lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("o")  # overdue only (the morning list also holds those due soon)
        await settle(pilot)
        expected = _expected(ui_url, app)
        await _export_to(pilot, app, tmp_path / "overdue.csv")
        assert not isinstance(app.screen, FormDialog)
        with (tmp_path / "overdue.csv").open(encoding="utf-8-sig", newline="") as handle:
            records = list(csv.DictReader(handle))
        assert {(r["directive"], r["ref"], r["lead"], r["period"]) for r in records} == expected
        assert len(records) == len(expected)
        assert f"Exported {len(records)} rows to {(tmp_path / 'overdue.csv').resolve()}" in _notes(app)

        await _export_to(pilot, app, tmp_path / "overdue.xlsx")
        sheet = openpyxl.load_workbook(tmp_path / "overdue.xlsx").active
        assert sheet is not None
        lines = list(sheet.iter_rows(values_only=True))
        head = list(lines[0])
        shown = {tuple(str(line[head.index(n)] or "") for n in ("directive", "ref", "lead", "period"))
                 for line in lines[1:]}  # fmt: skip
        assert shown == expected and len(lines) - 1 == len(expected)
        assert f"Exported {len(expected)} rows to {(tmp_path / 'overdue.xlsx').resolve()}" in _notes(app)


async def test_the_export_asks_before_writing_over_a_file_and_refuses_other_suffixes(
    make_app: Callable[..., TrackerApp], tmp_path: Path
) -> None:
    target = tmp_path / "danh-sach.csv"
    target.write_text("giữ nguyên\n", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        dialog = await _export_to(pilot, app, tmp_path / "danh-sach.docx")
        assert app.screen is dialog
        assert ".xlsx hoặc .csv" in str(dialog.query_one("#note-path", Static).render())
        dialog.query_one("#field-path", Input).value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is dialog
        assert "đã có" in str(dialog.query_one("#note-path", Static).render())
        assert target.read_text(encoding="utf-8") == "giữ nguyên\n"
        await pilot.press("escape")
        await settle(pilot)
        assert target.read_text(encoding="utf-8") == "giữ nguyên\n"
        dialog = await _export_to(pilot, app, target)
        assert app.screen is dialog
        await pilot.press("enter")  # asked, and confirmed
        await settle(pilot)
        assert app.screen is not dialog
        assert target.read_text(encoding="utf-8-sig").startswith("jurisdiction,")
        assert any(n.startswith("Đã xuất ") and str(target.resolve()) in n for n in _notes(app))


async def test_the_export_is_in_the_help_and_the_palette(make_app: Callable[..., TrackerApp]) -> None:
    """Not in the key bar: one more key there takes a second line at 120 columns in Vietnamese, a row
    of the list; like r, x and n it is in the help and the palette."""
    app = make_app(lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert any(name == "Export the list" and help_text == "Key: E" for name, help_text, _ in app.palette_commands())
        await pilot.press("question_mark")
        await pilot.pause()
        assert "E  export the list shown" in str(app.screen.query_one("#help-text", Static).render())
