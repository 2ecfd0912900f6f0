"""The pickers, the directives and submissions screens, exports, the forms and the command palette,
driven through Pilot and checked against the database."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from textual.widgets import DataTable, Input

import tracker
from tests.ui.steps import WIDE, listed_rows, settle
from tracker.core.status import Status
from tracker.store import queries
from tracker.ui.app import TrackerApp
from tracker.ui.assignment_list import AssignmentList
from tracker.ui.picker import Choice, rank

pytestmark = pytest.mark.usefixtures("backend")


def test_fuzzy_rank_ignores_diacritics_and_finds_initials() -> None:
    choices = [Choice(n, n) for n in ("Sở Nội vụ", "Sở Ngoại vụ", "Sở Tài nguyên và Môi trường", "Ban Dân tộc")]
    assert rank(choices, "so noi vu")[0].label == "Sở Nội vụ"
    assert rank(choices, "tnmt")[0].label == "Sở Tài nguyên và Môi trường"
    assert [c.label for c in rank(choices, "")] == [c.label for c in choices]
    assert rank(choices, "zzz") == []
    assert rank([Choice("Sở Tài nguyên và Môi trường", 1, also="Sở TN&MT")], "tn&mt")


async def test_agency_picker_filters_the_list(make_app: Callable[..., TrackerApp]) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("escape")  # everything, not just the morning list
        await settle(pilot)
        await pilot.press("g", *"so noi vu")
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        rows = listed_rows(app)
        agency_id = rows[0].agency_id
        expected = app.tracker.count(queries.AssignmentFilter(agency_ids=[agency_id]), as_of=app.model.view.as_of)
        assert {row.agency for row in rows} == {"Sở Nội vụ"} and app.model.total == expected > 0
        assert "Sở Nội vụ" in str(app.query_one("#chips").render())


async def test_status_and_period_pickers_and_sort(make_app: Callable[..., TrackerApp]) -> None:
    app = make_app(lang="en")
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("s", *"late", "enter")
        await settle(pilot)
        assert app.model.total == app.tracker.status_counts(as_of=app.model.view.as_of)[Status.DONE_LATE] > 0
        assert {row.status for row in listed_rows(app)} == {Status.DONE_LATE}
        await pilot.press("escape", "p", *"2020-02", "enter")
        await settle(pilot)
        rows = listed_rows(app)
        assert {row.period for row in rows} == {"2020-02"} and len(rows) == 30
        await pilot.press("S")  # by agency
        await settle(pilot)
        names = [row.agency for row in listed_rows(app)]
        from tracker.core.text import fold

        assert names == sorted(names, key=fold)
        await pilot.press("S")  # by status: the two missing reports first
        await settle(pilot)
        assert [row.status for row in listed_rows(app)][:3] == [Status.OVERDUE, Status.OVERDUE, Status.DONE_ON_TIME]
        assert "by status" in str(app.query_one("#chips").render())


async def test_directives_screen_shows_progress_and_filters(make_app: Callable[..., TrackerApp]) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        progress = queries.directive_progress(app.tracker.reader, app.model.view.as_of)
        assert table.row_count == len(progress) == 2
        first = progress[0]
        assert str(table.get_row_at(0)[2]) == f"{first.done}/{first.total}"
        await pilot.press("d")  # the list's keys do nothing here
        await pilot.press("enter")
        await settle(pilot)
        rows = listed_rows(app)
        assert {row.directive for row in rows} == {first.number}
        assert app.model.total == first.total + sum(1 for r in rows if r.status is Status.WITHDRAWN)
    check = tracker.open(app.tracker.url)
    assert check.status_counts(as_of=app.model.view.as_of) == app.tracker.status_counts(as_of=app.model.view.as_of)
    check.close()


async def _export(pilot: object, name: str | None) -> str:
    """Press e on a screen, give the file ``name`` (or keep the one offered), save; returns the name."""
    app = pilot.app  # type: ignore[attr-defined]
    await pilot.press("e")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    path_input = app.screen.query_one("#field-path", Input)
    if name is not None:
        path_input.value = name
    chosen = str(path_input.value)
    await pilot.press("enter")  # type: ignore[attr-defined]
    await settle(pilot)
    return chosen


async def test_submissions_matrix_and_export(
    make_app: Callable[..., TrackerApp], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        matrix = app.screen.matrix  # type: ignore[attr-defined]
        february = matrix.periods.index("2020-02") + 1
        cells = {str(table.get_row_at(r)[0]): str(table.get_row_at(r)[february]) for r in range(table.row_count)}
        assert cells["Sở Xây dựng"] == "✗" and cells["Thanh tra tỉnh"] == "✗"
        assert sum(1 for v in cells.values() if v == "✓") == 28
        assert cells["Đã nộp"] == "28/30"
        table.move_cursor(column=february)
        assert await _export(pilot, None) == "4515-KH-UBND-BC-HT-2020-02.xlsx"
    sheet = openpyxl.load_workbook(tmp_path / "4515-KH-UBND-BC-HT-2020-02.xlsx").active
    assert sheet is not None
    missing = [row[1] for row in sheet.iter_rows(min_row=3, values_only=True) if row[4] == "X"]
    assert sorted(missing) == ["Sở Xây dựng", "Thanh tra tỉnh"]  # type: ignore[type-var]


async def test_scoreboard_exports_docx(
    make_app: Callable[..., TrackerApp], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import docx

    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await _export(pilot, "bang-diem.docx")
        await _export(pilot, "bang-diem.pdf")  # not a format: said, nothing written
    document = docx.Document(str(tmp_path / "bang-diem.docx"))
    scores = queries.agency_scoreboard(app.tracker.reader, app.model.view.as_of)
    assert len(document.tables[1].rows) == len(scores) + 2  # header, agencies, totals
    assert not (tmp_path / "bang-diem.pdf").exists()


async def test_new_directive_form_reads_deadlines_live_and_saves_all_or_nothing(
    make_app: Callable[..., TrackerApp], ui_url: str
) -> None:
    app = make_app(lang="en")
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("N")
        await pilot.pause()
        form = app.screen
        for name, value in (("number", "12/KH-UBND"), ("issued_on", "1/7/2020"), ("jurisdiction", "thanh-hoa")):
            form.query_one(f"#field-{name}", Input).value = value
        form.query_one("#field-deadline", Input).focus()
        await pilot.press(*"trước 30/4/2020")
        await pilot.pause()
        assert str(form.query_one("#reading-deadline").render()) == "→ 30/04/2020"
        form.query_one("#field-deadline", Input).value = "31/2/2020"
        await pilot.pause()
        assert str(form.query_one("#reading-deadline").render()).startswith("✗")
        # A task with an unknown agency is refused with the parser's suggestion; nothing is written.
        for name, value in (("ref", "1"), ("text", "Báo cáo sơ kết"), ("lead", "Sở Tư pháp; Sở Nội vụ tỉnh"),
                            ("deadline", "trước 30/9/2020")):  # fmt: skip
            form.query_one(f"#field-{name}", Input).value = value
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert form.tasks == []  # type: ignore[attr-defined]
        form.query_one("#field-lead", Input).value = "Sở Tư pháp"
        form.query_one("#field-coordinating", Input).value = "Sở Nội vụ"
        await pilot.press("ctrl+t")
        await pilot.pause()
        for name, value in (("ref", "2"), ("text", "Báo cáo hằng quý"), ("lead", "Sở Tư pháp"),
                            ("deadline", "trước ngày 15 tháng cuối quý")):  # fmt: skip
            form.query_one(f"#field-{name}", Input).value = value
        await pilot.pause()
        reading = str(form.query_one("#reading-deadline").render())
        assert reading.startswith("→ recurring: 2020-Q3: 15/09/2020"), reading
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is not form
    check = tracker.open(ui_url)
    rows = check.by_directive("12/KH-UBND", as_of="15/6/2020")
    one_off = sorted((r.agency, r.role, str(r.due_on)) for r in rows if r.ref == "1")
    assert one_off == [("Sở Nội vụ", "coordinating", "2020-09-30"), ("Sở Tư pháp", "lead", "2020-09-30")]
    assert {r.period for r in rows if r.ref == "2"} >= {"2020-Q3"}
    check.close()


async def test_new_agency_form(make_app: Callable[..., TrackerApp], ui_url: str) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("A")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#field-name", Input).value = "Sở Du lịch"
        dialog.query_one("#field-kind", Input).value = "sở"
        dialog.query_one("#field-emails", Input).value = "sdl@thanhhoa.gov.vn"
        dialog.query_one("#field-aliases", Input).value = "SDL; Sở DL"
        dialog.query_one("#field-jurisdiction", Input).value = "thanh-hoa"
        dialog.query_one("#field-jurisdiction", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        await settle(pilot)
        assert app.screen is not dialog  # "sở" is a kind, as the form's label says
        await pilot.press("A")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#field-name", Input).value = "Sở Văn hóa mới"
        dialog.query_one("#field-kind", Input).value = "bộ"
        dialog.query_one("#field-jurisdiction", Input).value = "thanh-hoa"
        dialog.query_one("#field-jurisdiction", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog  # "bộ" is not a kind: the dialog says so, in Vietnamese, and stays
        assert "huyện" in str(dialog.query_one("#dialog-error").render())
        dialog.query_one("#field-kind", Input).value = "huyện"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is not dialog
    check = tracker.open(ui_url)
    found = check.reader.rows(
        "SELECT g.kind, c.email FROM agency g JOIN agency_contact c ON c.agency_id = g.id WHERE g.name = :n",
        {"n": "Sở Du lịch"},
    )
    assert found == [("department", "sdl@thanhhoa.gov.vn")]
    from tracker.store import names

    assert names.find_agency(check.reader, "thanh-hoa:sở dl").name == "Sở Du lịch"
    check.close()


async def test_command_palette_runs_actions(make_app: Callable[..., TrackerApp]) -> None:
    app = make_app(lang="en")
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert app.model.view.criteria.overdue
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"clear every filter")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert app.model.view.criteria == queries.AssignmentFilter()
        assert isinstance(app.screen.query_one("#list"), AssignmentList)


async def test_directives_screen_finds_by_number_or_title(make_app: Callable[..., TrackerApp]) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        await pilot.press("slash", *"cai cach hanh chinh nha nuoc tinh bac")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert table.row_count == 1 and str(table.get_row_at(0)[0]).startswith("4515/KH-UBND")
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert {row.directive for row in listed_rows(app)} == {"4515/KH-UBND"}


@pytest.mark.parametrize("size", [(200, 30), (100, 30)], ids=["column", "count"])
async def test_list_shows_the_coordinating_agencies(make_app: Callable[..., TrackerApp], size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("escape", "slash", *"tuyen truyen ve nhung ket qua", "enter")
        await settle(pilot)
        rows = listed_rows(app)
        expected = {
            row.id: tuple(
                name
                for (name,) in app.tracker.reader.rows(
                    "SELECT coalesce(nullif(g.short_name, ''), g.name) FROM assignment a JOIN agency g "
                    "ON g.id = a.agency_id WHERE a.task_id = :t AND a.period = :p AND a.role = 'coordinating' "
                    "AND a.agency_id <> :g ORDER BY g.folded_name",
                    {"t": row.task_id, "p": row.period, "g": row.agency_id},
                )
            )
            for row in rows
        }
        assert any(expected.values())
        assert {row.id: row.coordinators for row in rows} == expected
        listing = app.query_one("#list", AssignmentList)
        index, row = next((i, r) for i, r in enumerate(rows) if len(r.coordinators) >= 2)
        drawn = "".join(segment.text for segment in listing.render_line(index + 1))
        if listing.size.width >= 130:
            assert ", ".join(row.coordinators)[:8] in drawn
        else:
            assert f"+{len(row.coordinators)}" in drawn
