"""The terminal UI driven through Textual's Pilot; every action is checked in the database."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from textual.widgets import Input, Static

import tracker
from tests.ui.steps import WIDE, listed_rows, settle
from tracker.core.status import Status
from tracker.core.text import fold
from tracker.services.views import Page, View
from tracker.store import queries
from tracker.store.queries import AssignmentFilter
from tracker.ui.app import TrackerApp
from tracker.ui.assignment_list import AssignmentList

pytestmark = pytest.mark.usefixtures("backend")


def _listed(app: TrackerApp) -> list[tuple[int, str]]:
    return [(row.id, row.agency) for row in listed_rows(app)]


async def test_opens_on_the_morning_chase_list(make_app: Callable[..., TrackerApp]) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        rows = _listed(app)
        assert app.model.total == 35 and len(rows) == 35
        assert rows[0][1] == "Sở Xây dựng"  # the longest overdue first
        summary = str(app.query_one("#summary", Static).render())
        assert "Quá hạn 12" in summary and "15/06/2020" in summary
        assert all(app.model.row(i).status in {Status.OVERDUE, Status.IN_PROGRESS} for i in range(35))  # type: ignore[union-attr]


async def test_search_ignores_case_and_diacritics_and_esc_clears(make_app: Callable[..., TrackerApp]) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("escape")  # everything
        await settle(pilot)
        everything = app.model.total
        await pilot.press("slash")
        await pilot.press(*"thanh tra")
        await pilot.pause(0.3)
        await settle(pilot)
        rows = [app.model.row(i) for i in range(app.model.total)]
        assert "Thanh tra tỉnh" in {row.agency for row in rows if row}
        for row in rows:  # every word, without diacritics, in the agency, the task or the directive
            assert row is not None
            haystack = fold(f"{row.agency} {row.task} {row.directive}")
            assert "thanh" in haystack and "tra" in haystack
        expected = app.tracker.reader.scalar(
            "SELECT count(*) FROM assignment a JOIN agency g ON g.id = a.agency_id WHERE g.name = 'Thanh tra tỉnh'"
        )
        assert len([row for row in rows if row and row.agency == "Thanh tra tỉnh"]) == expected == 13
        await pilot.press("enter", "escape")
        await settle(pilot)
        assert app.model.total == everything
        assert app.query_one("#search", Input).value == ""


async def test_each_search_keystroke_reads_its_rows_and_only_the_last_is_counted(
    make_app: Callable[..., TrackerApp],
) -> None:
    """No debounce before the rows: every keystroke that changes the search reads its first page. The
    count (most of a second at 1M) waits for a pause in the typing; the list ends on the last search,
    counted."""
    app = make_app()
    pages: list[str | None] = []
    counts: list[tuple[str | None, bool]] = []
    first_page, count = app.source.first_page, app.source.count

    def loading(view: View) -> Page:
        pages.append(view.criteria.search)
        return first_page(view)

    def counting(view: View) -> int | None:
        counted = count(view)
        counts.append((view.criteria.search, counted is not None))
        return counted

    app.source.first_page = loading  # type: ignore[method-assign]
    app.source.count = counting  # type: ignore[method-assign]
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("escape")  # everything: more than a page, so searches are counted
        await settle(pilot)
        pages.clear()
        counts.clear()
        await pilot.press("slash", *"so noi ")
        await pilot.pause(0.3)
        await settle(pilot)
        assert pages == ["s", "so", "so n", "so no", "so noi"]  # the spaces changed no search
        assert app.model.view.criteria.search == "so noi"
        assert counts[-1] == ("so noi", True) and len(counts) <= len(pages)
        assert app.model.total == app.tracker.count(AssignmentFilter(search="so noi"), as_of=app.model.view.as_of)


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        (("slash", *"thanh", "enter", "o"), AssignmentFilter(search="thanh", overdue=True)),
        (("o", "escape"), AssignmentFilter()),
    ],
    ids=["overdue-keeps-the-search", "esc-clears-a-filter-still-loading"],
)
async def test_a_key_pressed_while_a_list_loads_builds_on_that_list(
    make_app: Callable[..., TrackerApp],
    monkeypatch: pytest.MonkeyPatch,
    keys: tuple[str, ...],
    expected: AssignmentFilter,
) -> None:
    """The list on screen lags the view asked for while its page is read; keys build on the latter."""
    app = make_app()
    held = threading.Event()
    list_assignments = queries.list_assignments

    def reading(reader: object, criteria: AssignmentFilter, *args: object, **kwargs: object) -> object:
        if criteria != AssignmentFilter():
            held.wait(10)  # every filtered page is still being read while the keys are pressed
        return list_assignments(reader, criteria, *args, **kwargs)  # type: ignore[arg-type]

    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("escape")  # everything
        await settle(pilot)
        monkeypatch.setattr(queries, "list_assignments", reading)
        await pilot.press(*keys)
        held.set()
        await settle(pilot)
        assert app.model.view.criteria == expected
        assert app.model.total == app.tracker.count(expected, as_of=app.model.view.as_of) > 0


async def test_quick_filters_combine_and_show_as_chips(make_app: Callable[..., TrackerApp]) -> None:
    app = make_app(lang="en")
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("w")  # drop "due within 7": overdue only
        await settle(pilot)
        assert app.model.total == 12
        chips = str(app.query_one("#chips", Static).render())
        assert "Overdue" in chips and "due within" not in chips


async def test_the_list_scrolls_over_exactly_the_rows_of_each_filter(make_app: Callable[..., TrackerApp]) -> None:
    """A new list reaches the screen before its height is fitted (that takes a full layout); once shown,
    its scrollable height is its rows, and End reaches the last of them."""
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        listing = app.query_one("#list", AssignmentList)
        totals = []
        for key in ("escape", "o", "w"):  # everything, the overdue, the overdue and due soon
            await pilot.press(key)
            await settle(pilot)
            totals.append(app.model.total)
            assert listing.virtual_size.height == app.model.total + 1, key
            listing.focus()
            await pilot.press("end")
            await settle(pilot)
            assert listing.cursor == app.model.total - 1
            last = app.model.row(listing.cursor)
            assert last is not None and listing.scroll_y + listing.size.height >= app.model.total
        assert totals == [438, 12, 35]


async def test_mark_done_records_date_and_reference(make_app: Callable[..., TrackerApp], ui_url: str) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        first = app.query_one("#list", AssignmentList).current
        assert first is not None and first.agency == "Sở Xây dựng"
        await pilot.press("d")
        await pilot.pause()
        date_input = app.screen.query_one("#field-on", Input)
        date_input.value = "12/6/2020"  # on or before the as-of date 15/06: saved at once, not questioned
        app.screen.query_one("#field-ref", Input).value = "77/BC-SXD"
        await pilot.click("#ok")
        await settle(pilot)
    check = tracker.open(ui_url)
    row = check.get(first.id, as_of="30/6/2020")
    assert (str(row.completed_on), row.result_ref, row.status) == ("2020-06-12", "77/BC-SXD", Status.DONE_LATE)
    history = check.reader.rows(
        "SELECT actor FROM audit_log WHERE entity_id = :i AND action = 'complete'", {"i": first.id}
    )
    assert {h[0] for h in history} == {"clerk"}
    check.close()


async def test_note_extend_withdraw_and_reopen(make_app: Callable[..., TrackerApp], ui_url: str) -> None:
    app = make_app(lang="en")
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        target = app.query_one("#list", AssignmentList).current
        assert target is not None
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#field-note", Input).value = "Đã gọi điện"
        await pilot.click("#ok")
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#field-to", Input).value = "31/7/2020"
        app.screen.query_one("#field-reason", Input).value = "Xin gia hạn"
        app.screen.query_one("#field-decision", Input).value = "99/UBND"
        await pilot.click("#ok")
        await settle(pilot)
        # No longer overdue nor due this week: it leaves the morning list.
        assert target.id not in {row_id for row_id, _ in _listed(app)}
        second = app.query_one("#list", AssignmentList).current
        assert second is not None
        await pilot.press("x")
        await pilot.pause()
        app.screen.query_one("#field-reason", Input).value = "Không còn phù hợp"
        await pilot.click("#ok")
        await settle(pilot)
    check = tracker.open(ui_url)
    row = check.get(target.id)
    assert (str(row.due_on), row.note) == ("2020-07-31", "Đã gọi điện")
    change = check.reader.rows("SELECT reason, decision_ref FROM deadline_change WHERE assignment_id = :i",
                               {"i": target.id})  # fmt: skip
    assert change == [("Xin gia hạn", "99/UBND")]
    assert check.get(second.id, as_of="15/6/2020").status is Status.WITHDRAWN
    check.close()


async def test_reopen_undoes_a_completion(make_app: Callable[..., TrackerApp], ui_url: str) -> None:
    app = make_app(lang="en")
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("escape", "home")  # everything, the earliest first: done in January
        await settle(pilot)
        target = app.query_one("#list", AssignmentList).current
        assert target is not None and target.completed_on is not None
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("enter")  # reopen asks first, naming the assignment
        await settle(pilot)
    check = tracker.open(ui_url)
    assert check.get(target.id).completed_on is None
    check.close()


async def test_a_bad_date_in_a_form_is_shown_and_nothing_changes(make_app: Callable[..., TrackerApp]) -> None:
    app = make_app(lang="en")
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        target = app.query_one("#list", AssignmentList).current
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#field-to", Input).value = "31/4/2020"
        await pilot.pause()
        assert "not a date" in str(app.screen.query_one("#note-to", Static).render())
        await pilot.click("#ok")
        await pilot.pause()
        assert "not a date" in str(app.screen.query_one("#note-to", Static).render())
        await pilot.press("escape")
        await settle(pilot)
        assert app.tracker.get(target.id).due_on == target.due_on  # type: ignore[union-attr]


async def test_a_conflict_is_shown_and_nothing_is_overwritten(make_app: Callable[..., TrackerApp], ui_url: str) -> None:
    app = make_app(lang="en")
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        target = app.query_one("#list", AssignmentList).current
        assert target is not None
        other = tracker.open(ui_url, actor="someone-else")
        other.note(target.id, "changed elsewhere")
        other.close()
        await pilot.press("d")
        await pilot.pause()
        await pilot.click("#ok")
        await settle(pilot)
        said = str(app.screen.query_one("#dialog-error").render())  # the dialog again, saying why
        assert f"Assignment #{target.id} was just changed by someone else" in said
        row = app.tracker.get(target.id)
        assert row.completed_on is None and row.note == "changed elsewhere"


async def test_as_of_date_and_language(make_app: Callable[..., TrackerApp]) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await pilot.pause()
        app.screen.query_one("#field-as_of", Input).value = "21/3/2020"
        await pilot.click("#ok")
        await settle(pilot)
        assert app.model.view.as_of.isoformat() == "2020-03-21"
        overdue = {agency for _, agency in _listed(app) if True}
        assert {"Sở Xây dựng", "Thanh tra tỉnh"} <= overdue
        await pilot.press("l")
        await settle(pilot)
        assert "As of 21/03/2020" in str(app.query_one("#summary", Static).render())


async def test_narrow_terminal_switches_between_list_and_detail(make_app: Callable[..., TrackerApp]) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.query_one("#list").display and not app.query_one("#detail").display
        await pilot.press("enter")
        await settle(pilot)
        assert app.query_one("#detail").display and not app.query_one("#list").display
        await pilot.press("escape")
        assert app.query_one("#list").display


async def test_agencies_scoreboard(make_app: Callable[..., TrackerApp]) -> None:
    from textual.widgets import DataTable

    from tracker.store.queries import agency_scoreboard
    from tracker.ui.scoreboard import sorted_scores

    app = make_app(lang="en")
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        expected = sorted_scores(agency_scoreboard(app.tracker.reader, app.model.view.as_of), "best")
        assert table.row_count == len(expected) > 80
        assert str(table.get_row_at(0)[0]).startswith(expected[0].agency[:30])  # the best on-time rate first
        await pilot.press("s", "s")  # worst first, then by overdue count
        await pilot.pause()
        most_overdue = max(expected, key=lambda s: s.overdue)
        assert str(table.get_row_at(0)[2]) == str(most_overdue.overdue)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one("#list", AssignmentList)


_BROWSE_WITHOUT_ORM = """
import asyncio, io, sys
from datetime import date
from rich.console import Console
from textual.widgets import Static
import tracker
from tracker.ui.app import TrackerApp
from tests.ui.steps import workers_done

async def browse() -> None:
    app = TrackerApp(tracker.open(sys.argv[1]), date(2020, 6, 15), "vi")
    async with app.run_test(size=(120, 40)) as pilot:
        await workers_done(app)
        for key in ("down", "down", "o", "w", "escape", "slash", "s", "o", "enter", "pagedown"):
            await pilot.press(key)
            await workers_done(app)
            await pilot.pause()
        await pilot.pause(0.3)
        await workers_done(app)
        assert app.model.total, "nothing listed"
        shown = Console(file=io.StringIO(), width=100, record=True)
        shown.print(app.query_one("#detail-text", Static).content)
        assert "Sở" in shown.export_text(), "no details shown"

asyncio.run(browse())
print(sorted(name for name in ("sqlmodel", "sqlalchemy", "pydantic") if name in sys.modules))
"""


def test_browsing_never_imports_the_orm(ui_url: str) -> None:
    """Lists, filters, search and the detail pane read with plain SQL: the ORM (28 MB) is for writes."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", _BROWSE_WITHOUT_ORM, ui_url], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "[]"
