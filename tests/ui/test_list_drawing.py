"""How the main list draws: what a move redraws, what is read and drawn ahead, and that a kept line
never outlives the row it shows."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

import pytest
from rich.style import Style
from textual.strip import Strip
from textual.widgets import Input

from tests.ui.steps import WIDE, settle
from tracker.core.status import Status
from tracker.ui.app import TrackerApp
from tracker.ui.assignment_list import AssignmentList, status_label

pytestmark = pytest.mark.usefixtures("backend")


def _record_lines(listing: AssignmentList) -> list[tuple[int, str]]:
    """From now on, each line the list draws (its y on screen and its text), in order."""
    drawn: list[tuple[int, str]] = []
    draw = listing.render_line

    def recording(y: int) -> Strip:
        strip = draw(y)
        drawn.append((y, strip.text))
        return strip

    listing.render_line = recording  # type: ignore[method-assign]
    return drawn


async def _everything(pilot: object, app: TrackerApp) -> AssignmentList:
    """All 438 assignments of the demo, the list focused at its first row."""
    await settle(pilot)
    await pilot.press("escape", "home")  # type: ignore[attr-defined]
    await settle(pilot)
    listing = app.query_one("#list", AssignmentList)
    listing.focus()
    await settle(pilot)
    assert app.model.total == 438
    return listing


async def test_a_cursor_move_redraws_only_the_two_rows_whose_highlight_changed(
    make_app: Callable[..., TrackerApp],
) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        listing = await _everything(pilot, app)
        drawn = _record_lines(listing)
        await pilot.press("down")
        await pilot.pause()
        assert listing.cursor == 1
        assert {y for y, _ in drawn} == {1, 2}  # rows 0 and 1, below the header


async def test_the_next_screens_are_read_and_drawn_before_a_page_move_needs_them(
    make_app: Callable[..., TrackerApp],
) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        listing = await _everything(pilot, app)
        height = listing.size.height - 1  # rows under the header
        for _ in range(2):  # past the first page of 100 rows
            await pilot.press("pagedown")
            await settle(pilot)
            top = int(listing.scroll_offset.y)
            ahead = range(top + height, min(app.model.total, top + height * (1 + listing.PREFETCH_SCREENS)))
            assert not app.model.missing_pages(ahead.start, ahead.stop - 1)
            drawn = _record_lines(listing)
            await pilot.press("pagedown")
            await pilot.pause()
            assert len(drawn) >= height
            assert not [text for _, text in drawn if text.startswith("…")]  # no row waited for its page
            del listing.render_line  # the class's method again


async def test_an_edited_row_is_drawn_again_not_taken_from_the_kept_lines(
    make_app: Callable[..., TrackerApp],
) -> None:
    app = make_app(lang="en")
    async with app.run_test(size=WIDE) as pilot:
        listing = await _everything(pilot, app)
        open_statuses = {Status.OVERDUE, Status.IN_PROGRESS}
        index = next(i for i in range(app.model.total) if app.model.row(i).status in open_statuses)  # type: ignore[union-attr]
        before = app.model.row(index)
        listing.move_to(index + 1)  # the row shown without the cursor: drawn and kept
        await pilot.pause()
        assert before is not None
        listing.move_to(index)
        await pilot.press("d")
        await pilot.pause()
        app.screen.query_one("#field-on", Input).value = "15/6/2020"
        await pilot.click("#ok")
        await settle(pilot)
        after = app.model.row(index)
        assert after is not None and after.id == before.id and after.completed_on is not None
        assert status_label(after, "en")[0] != status_label(before, "en")[0]
        listing.move_to(index + 1)  # the row without the cursor: its kept line is what shows
        await pilot.pause()
        line = listing.render_line(index + 1 - int(listing.scroll_offset.y)).text
        assert status_label(after, "en")[0] in line
        assert status_label(before, "en")[0] not in line


async def test_neighbouring_cells_of_one_style_are_drawn_as_one_segment(
    make_app: Callable[..., TrackerApp],
) -> None:
    """Each segment of a line costs every frame that shows it, so a line has one per run of a style."""
    app = make_app(lang="en")
    async with app.run_test(size=WIDE) as pilot:
        listing = await _everything(pilot, app)
        for index in range(1, 40):
            row = app.model.row(index)
            assert row is not None
            segments = list(listing._draw(row, Style(), listing.scrollable_content_region.width))
            styles = [segment.style for segment in segments]
            assert all(a != b for a, b in pairwise(styles)), (index, segments)
            assert "".join(segment.text for segment in segments) == listing.render_line(index + 1).text
            # the id and due date, the status, the province (dim), the agency, the coordinators (dim), the rest
            assert len(segments) <= 6
            assert status_label(row, "en")[0] in segments[1].text
