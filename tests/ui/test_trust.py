"""The UI acts on the row the clerk sees, and says so in Vietnamese: each defect found by trying the
demo as a new user (at 80x24 and 120x40) and its fix, checked on screen and in the database."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date

import pytest
from rich.console import Console
from textual.command import CommandList
from textual.widgets import Button, Input, Static

import tracker
from tests.ui.steps import burst, painted_highlight, painted_rows, settle
from tracker.core.status import Status
from tracker.store.queries import AssignmentFilter
from tracker.ui.app import TrackerApp
from tracker.ui.assignment_list import CURSOR, AssignmentList
from tracker.ui.dialogs import FormDialog
from tracker.ui.keybar import KeyBar

pytestmark = pytest.mark.usefixtures("backend")

SIZES = pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])


def _listing(app: TrackerApp) -> AssignmentList:
    return app.query_one("#list", AssignmentList)


def _text(renderable: object, width: int = 200) -> str:
    console = Console(file=io.StringIO(), width=width, record=True)
    console.print(renderable)
    return console.export_text()


def _detail(app: TrackerApp) -> str:
    return _text(app.query_one("#detail-text", Static).content)


def _notes(app: TrackerApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def _rested(pilot: object) -> None:
    """Settle, and let the detail follow a cursor that has come to rest."""
    await settle(pilot)
    await pilot.pause(TrackerApp.DETAIL_DELAY_S + 0.1)  # type: ignore[attr-defined]
    await settle(pilot)


def _assert_selection_shown(app: TrackerApp) -> int:
    """The cursor's row is on screen, drawn highlighted, and is the assignment the detail shows."""
    listing = _listing(app)
    top = int(listing.scroll_offset.y)
    assert top <= listing.cursor < top + listing.visible_rows, (top, listing.cursor)
    line = listing.render_line(listing.cursor - top + 1)
    assert any(segment.style is not None and segment.style.reverse for segment in line), line.text
    row = listing.current
    assert row is not None and str(row.id) in line.text
    if app.query_one("#detail").display:
        assert f"#{row.id}\n" in _detail(app) or f"#{row.id} " in _detail(app)
    return row.id


@SIZES
async def test_the_selection_stays_on_screen_and_the_note_goes_on_it(
    make_app: Callable[..., TrackerApp], ui_url: str, size: tuple[int, int]
) -> None:
    """Seen: at 80x24 `Esc Home PgDn` showed rows 79…295 with nothing highlighted while the detail was
    #307; a second PgDn and `n` saved a note on #176, not on screen."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("escape", "home")
        await _rested(pilot)
        for _ in range(2):
            await pilot.press("pagedown")
            await _rested(pilot)
            shown = _assert_selection_shown(app)
        await pilot.press("n")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FormDialog) and f"#{shown} " in str(dialog.query_one("#dialog-subject").render())
        dialog.query_one("#field-note", Input).value = "Đã nhắc qua điện thoại"
        await pilot.click("#ok")
        await settle(pilot)
        assert _listing(app).current.id == shown  # type: ignore[union-attr]
    check = tracker.open(ui_url)
    assert check.get(shown).note == "Đã nhắc qua điện thoại"
    check.close()


async def test_home_then_35_downs_shows_the_row_the_detail_names(make_app: Callable[..., TrackerApp]) -> None:
    """Seen at 120x40: `Home` then 35 × `↓` gave detail #140 while rows 79…128 showed."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("escape", "home", *["down"] * 35)
        await _rested(pilot)
        assert _listing(app).cursor == 35
        _assert_selection_shown(app)


async def test_the_cursor_follows_the_assignment_across_a_new_filter(make_app: Callable[..., TrackerApp]) -> None:
    """Seen: after a new filter the cursor landed on another assignment."""
    app = make_app(lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        listing = _listing(app)
        overdue = next(i for i in range(app.model.total) if app.model.row(i).status is Status.OVERDUE and i > 40)  # type: ignore[union-attr]
        listing.move_to(overdue)
        chosen = listing.current
        assert chosen is not None
        await pilot.press("o")  # overdue only: the chosen one is among them, elsewhere
        await settle(pilot)
        assert listing.current is not None and listing.current.id == chosen.id
        assert listing.cursor != overdue
        _assert_selection_shown(app)
        await pilot.press("escape")
        await settle(pilot)
        listing.move_to(0)  # done in January
        done = listing.current
        assert done is not None and done.status is Status.DONE_ON_TIME
        await pilot.press("o")
        await settle(pilot)
        assert listing.cursor == 0
        assert any(f"Assignment #{done.id} is no longer in this list" in n for n in _notes(app))


async def test_a_conflict_keeps_the_assignment_and_a_retry_acts_on_it(
    make_app: Callable[..., TrackerApp], ui_url: str
) -> None:
    """Seen: after a conflict on #24 the cursor sat on #27, and a retry marked #27 done. The message was
    half Vietnamese, half English, and contradicted itself."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        listing = _listing(app)
        index = next(i for i in range(app.model.total) if app.model.row(i).id == 24)  # type: ignore[union-attr]
        listing.move_to(index)
        other = tracker.open(ui_url, actor="someone-else")
        other.note(24, "changed elsewhere")
        other.close()
        await pilot.press("d")
        await pilot.pause()
        await pilot.click("#ok")
        await settle(pilot)
        dialog = app.screen  # open again, on #24 as it is now
        assert isinstance(dialog, FormDialog) and "#24 " in str(dialog.query_one("#dialog-subject").render())
        message = str(dialog.query_one("#dialog-error").render())
        assert "#24" in message and "vừa được người khác sửa" in message and "reload" not in message
        assert listing.current is not None and listing.current.id == 24
        await pilot.click("#ok")
        await settle(pilot)
        assert not isinstance(app.screen, FormDialog)
    check = tracker.open(ui_url)
    assert check.get(24).completed_on is not None and check.get(27).completed_on is None
    check.close()


async def test_a_resize_lays_the_screen_out_again(make_app: Callable[..., TrackerApp]) -> None:
    """Seen: 80 → 120 columns showed no detail pane; back to 80, a split list two columns wide."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        detail, listing = app.query_one("#detail"), _listing(app)
        assert not detail.display and listing.size.width >= 78
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        assert detail.display and detail.size.width > 30 and 60 < listing.size.width < 100
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert not detail.display and listing.size.width >= 78
        _assert_selection_shown(app)


async def test_keys_typed_right_after_a_dialog_opens_land_in_it(
    make_app: Callable[..., TrackerApp], ui_url: str
) -> None:
    """Seen: `d`, `Tab`, "REF", `Enter` in one burst put "REF" in the date field."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        target = _listing(app).current
        assert target is not None
        burst(app, ["d", "tab", "R", "E", "F", "enter"])
        await settle(pilot)
        assert not isinstance(app.screen, FormDialog)
    check = tracker.open(ui_url)
    row = check.get(target.id)
    assert (row.completed_on, row.result_ref) == (date(2020, 6, 15), "REF")
    check.close()


async def test_done_on_a_done_assignment_asks_shows_the_completion_and_records_the_change(
    make_app: Callable[..., TrackerApp], ui_url: str
) -> None:
    """Seen: `d` on a done assignment silently replaced its completion date and report number."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("escape", "home")
        await settle(pilot)
        done = _listing(app).current
        assert done is not None and done.completed_on is not None and done.result_ref
        await pilot.press("d")
        await pilot.pause()
        notice = str(app.screen.query_one("#dialog-notice").render())
        assert f"{done.completed_on:%d/%m/%Y}" in notice and done.result_ref in notice
        assert str(app.screen.query_one("#ok", Button).label) == "Thay thế"
        app.screen.query_one("#field-on", Input).value = "12/1/2020"
        await pilot.click("#ok")
        await settle(pilot)
        assert any("12/01/2020" in n for n in _notes(app))
    check = tracker.open(ui_url)
    assert check.get(done.id).completed_on == date(2020, 1, 12)
    changes = check.reader.rows(
        "SELECT old_value, new_value FROM audit_log WHERE entity = 'assignment' AND entity_id = :i "
        "AND field = 'completed_on' ORDER BY id DESC",
        {"i": done.id},
    )
    assert changes[0] == (done.completed_on.isoformat(), "2020-01-12")
    check.close()


async def test_extend_names_the_assignment_reads_a_deadline_and_gives_the_date(
    make_app: Callable[..., TrackerApp], ui_url: str
) -> None:
    """Seen: "Gia hạn" alone as the title; "Đã gia hạn phân công 272 đến ." after it; and `e`
    rejected "trước 30/6/2020", which `N` reads."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        row = _listing(app).current
        assert row is not None
        await pilot.press("e")
        await pilot.pause()
        subject = str(app.screen.query_one("#dialog-subject").render())
        assert f"#{row.id}" in subject and row.agency in subject and row.ref in subject
        app.screen.query_one("#field-to", Input).value = "trước 30/7/2020"
        await pilot.pause()
        assert "30/07/2020" in str(app.screen.query_one("#note-to").render())
        app.screen.query_one("#field-reason", Input).value = "Xin gia hạn"
        await pilot.click("#ok")
        await settle(pilot)
        assert f"Đã gia hạn phân công {row.id} đến 30/07/2020." in _notes(app)
    check = tracker.open(ui_url)
    assert check.get(row.id).due_on == date(2020, 7, 30)
    check.close()


@pytest.mark.parametrize("key", ["x", "e"])
async def test_a_missing_reason_keeps_the_dialog_open_with_what_was_typed(
    make_app: Callable[..., TrackerApp], ui_url: str, key: str
) -> None:
    """Seen: `x` or `e` without a reason closed the dialog and lost what was typed; at 80x24 the
    buttons were below the fold."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        row = _listing(app).current
        assert row is not None
        await pilot.press(key)
        await pilot.pause()
        dialog = app.screen
        for button in dialog.query(Button):
            region = button.region
            assert region.y + region.height <= 24 and region.width > 0, button.id
        dialog.query_one("#field-decision", Input).value = "99/UBND"
        await pilot.click("#ok")
        await pilot.pause()
        assert app.screen is dialog
        assert dialog.query_one("#field-decision", Input).value == "99/UBND"
        assert "Cần điền Lý do" in str(dialog.query_one("#note-reason").render())
        assert dialog.query_one("#field-reason", Input).has_focus
    check = tracker.open(ui_url)
    assert check.get(row.id).version == row.version
    check.close()


async def test_an_existing_agency_is_not_changed_silently(make_app: Callable[..., TrackerApp], ui_url: str) -> None:
    """Seen: `A` with an existing agency's name silently changed that agency."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("A")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#field-name", Input).value = "Sở nội vụ"
        dialog.query_one("#field-kind", Input).value = "huyện"
        dialog.query_one("#field-jurisdiction", Input).value = "thanh-hoa"
        await pilot.click("#ok")
        await pilot.pause()
        assert app.screen is dialog
        said = str(dialog.query_one("#dialog-error").render())
        assert "“Sở Nội vụ” đã có" in said and "loại: sở, ban, ngành → huyện" in said
        kind = "SELECT g.kind FROM agency g JOIN jurisdiction j ON j.id = g.jurisdiction_id "
        kind += "WHERE j.code = 'thanh-hoa' AND g.name = 'Sở Nội vụ'"
        await pilot.pause(0.3)  # a button takes no second press while it shows the first
        await pilot.click("#ok")  # confirmed
        await settle(pilot)
        assert app.screen is not dialog, (str(dialog.query_one("#dialog-error").render()), _notes(app), app.focused)
    check = tracker.open(ui_url)
    assert check.reader.scalar(kind) == "district"
    audit = check.reader.rows("SELECT old_value, new_value FROM audit_log WHERE entity = 'agency' AND field = 'kind'")
    assert ("department", "district") in audit
    check.close()


async def test_an_existing_directive_is_not_rewritten_silently(
    make_app: Callable[..., TrackerApp], ui_url: str
) -> None:
    """Seen: `N` with an existing number silently rewrote its title while saying "0 updated"."""
    app = make_app()
    check = tracker.open(ui_url)
    number, title = check.reader.rows(
        "SELECT d.number, d.title FROM directive d JOIN jurisdiction j ON j.id = d.jurisdiction_id "
        "WHERE j.code = 'thanh-hoa' ORDER BY d.id"
    )[0]
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("N")
        await pilot.pause()
        form = app.screen
        values = {"number": number, "title": "Trích yếu khác", "jurisdiction": "thanh-hoa", "ref": "9.9",
                  "text": "Nhiệm vụ mới", "lead": "Sở Nội vụ", "deadline": "trước 30/9/2020"}  # fmt: skip
        for name, value in values.items():
            form.query_one(f"#field-{name}", Input).value = value
        await pilot.pause()
        form.action_save()  # type: ignore[attr-defined]
        await pilot.pause()
        said = str(form.query_one("#dialog-error").render())
        assert f"Văn bản {number} đã có" in said and "trích yếu" in said and "Trích yếu khác" in said
        assert app.screen is form
        find = "SELECT title FROM directive WHERE number = :n"
        assert check.reader.scalar(find, {"n": number}) == title
        form.action_save()  # type: ignore[attr-defined]
        await settle(pilot)
        assert app.screen is not form, str(form.query_one("#dialog-error").render())
        assert check.reader.scalar(find, {"n": number}) == "Trích yếu khác"
    check.close()


async def test_the_command_palette_speaks_vietnamese_and_matches_without_diacritics(
    make_app: Callable[..., TrackerApp],
) -> None:
    """Seen: the palette's placeholder and "No matches found" in English; "gia han" found nothing."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        palette_input = app.screen.query_one(Input)
        assert palette_input.placeholder == "Tìm lệnh (không cần dấu)…"
        options = app.screen.query_one(CommandList)

        def shown() -> list[str]:
            return [_text(options.get_option_at_index(i).prompt) for i in range(options.option_count)]

        await pilot.press(*"gia han")
        await pilot.pause(0.8)
        assert any(line.startswith("Gia hạn") for line in shown()), shown()
        await pilot.press(*["backspace"] * 7, *"zzqq")
        await pilot.pause(1.2)
        assert any("Không có lệnh nào khớp" in line for line in shown()) and not any(
            "No matches" in line for line in shown()
        )


async def test_the_history_reads_as_translated_lines(make_app: Callable[..., TrackerApp]) -> None:
    """Seen: `02/1… │ root │ comp… │ com…` with raw action and field names and ISO dates."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("escape", "home")
        await _rested(pilot)
        row = _listing(app).current
        assert row is not None and row.completed_on is not None
        detail = " ".join(_detail(app).split())
        assert f"hoàn thành: ngày {row.completed_on:%d/%m/%Y}, báo cáo {row.result_ref}" in detail
        for raw in ("completed_on", "result_ref", "complete:", row.completed_on.isoformat()):
            assert raw not in detail


async def test_one_word_per_status_in_the_bar_chips_picker_and_rows(make_app: Callable[..., TrackerApp]) -> None:
    """Seen: "Đang làm" / "đang thực hiện", "Trễ hạn" / "hoàn thành quá hạn" in different places."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        summary = str(app.query_one("#summary", Static).render())
        chips = str(app.query_one("#chips", Static).render())
        assert "Đang thực hiện" in summary and "Trễ hạn" in summary and "Quá hạn" in chips
        assert "Đang làm" not in summary
        first = _listing(app).render_line(1).text
        assert "Quá hạn" in first
        await pilot.press("s")
        await pilot.pause()
        options = app.screen.query_one("#picker-options")
        labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]  # type: ignore[attr-defined]
        assert {"Quá hạn", "Đang thực hiện", "Trễ hạn", "Đúng hạn"} <= set(labels)


@SIZES
async def test_the_province_shows_when_the_database_has_two(
    make_app: Callable[..., TrackerApp], size: tuple[int, int]
) -> None:
    """Seen: the demo holds two provinces, both with a "Sở Nội vụ", and the list showed no province."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        listing = _listing(app)
        lines = [listing.render_line(y).text for y in range(1, min(listing.visible_rows, app.model.total) + 1)]
        rows = [app.model.row(i) for i in range(len(lines))]
        for line, row in zip(lines, rows, strict=True):
            assert row is not None
            expected = {"bac-giang": ("Bắc Giang", " BG "), "thanh-hoa": ("Thanh Hóa", " TH ")}[row.jurisdiction]
            assert any(mark in line for mark in expected), line
        await pilot.press("g", *"noi vu")
        await pilot.pause()
        options = app.screen.query_one("#picker-options")
        labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]  # type: ignore[attr-defined]
        assert "Sở Nội vụ  (Bắc Giang)" in labels and "Sở Nội vụ  (Thanh Hóa)" in labels


async def test_another_clerks_change_appears_without_a_key(make_app: Callable[..., TrackerApp], ui_url: str) -> None:
    """Seen: another clerk's change never appeared; the summary said "Quá hạn 7" above a list of 6."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        first = _listing(app).current
        assert first is not None and first.status is Status.OVERDUE
        overdue = app.model.counts[Status.OVERDUE]
        await pilot.pause(0.3)
        other = tracker.open(ui_url, actor="someone-else")
        other.complete(first.id, "15/6/2020")
        other.close()
        for _ in range(30):
            await pilot.pause(0.2)
            await settle(pilot)
            if app.model.counts[Status.OVERDUE] == overdue - 1:
                break
        assert app.model.counts[Status.OVERDUE] == overdue - 1
        assert first.id not in {app.model.row(i).id for i in range(app.model.total)}  # type: ignore[union-attr]


async def test_f5_reads_the_list_again(make_app: Callable[..., TrackerApp], ui_url: str) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        total = app.model.total
        other = tracker.open(ui_url, actor="someone-else")
        other.complete(_listing(app).current.id, "15/6/2020")  # type: ignore[union-attr]
        other.close()
        await pilot.press("f5")
        await settle(pilot)
        assert app.model.total == total - 1


async def test_a_hash_and_an_id_jumps_to_that_assignment(make_app: Callable[..., TrackerApp]) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"#140", "enter")
        await _rested(pilot)
        assert _listing(app).current.id == 140  # type: ignore[union-attr]
        _assert_selection_shown(app)


async def test_the_scoreboard_shows_its_sort_and_enter_opens_the_agency(make_app: Callable[..., TrackerApp]) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        title = app.screen.query_one("#scoreboard-title", Static)
        assert "tốt nhất trước" in str(title.render())
        await pilot.press("s")
        await pilot.pause()
        assert "kém nhất trước" in str(title.render())
        chosen = app.screen.shown[0]  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        assert app.model.view.criteria.agency_ids == [chosen.agency_id]
        assert {app.model.row(i).agency_id for i in range(app.model.total)} == {chosen.agency_id}  # type: ignore[union-attr]


async def test_an_empty_database_says_what_to_do(blank_url: str) -> None:
    t = tracker.open(blank_url)
    app = TrackerApp(t, date(2020, 6, 15), "vi")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        welcome = app.query_one("#welcome", Static)
        assert welcome.display and not app.query_one("#main").display
        said = str(welcome.render())
        assert "tracker import --template xlsx" in said and "phím A" in said and "tracker demo" in said
    t.close()


@pytest.mark.parametrize("lang", ["vi", "en"])
async def test_the_key_bar_shows_every_key_at_80_columns(make_app: Callable[..., TrackerApp], lang: str) -> None:
    """Seen: the footer had `g Cơ quan` and `a Cơ quan`, was cut at 120 and hid t, a, v, ?, q at 80."""
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        bar = app.query_one(KeyBar)
        text = str(bar.render())
        for key in ("/ ", "o ", "w ", "d ", "e ", "g ", "t ", "a ", "v ", "? ", "q "):
            assert key in text, key
        assert bar.size.height == len(text.splitlines()) <= 2
        if lang == "vi":
            assert text.count("Cơ quan") <= 1


def test_cursor_style_is_reverse() -> None:
    assert CURSOR.reverse


async def test_a_search_that_names_an_agency_offers_the_agency_and_highlights_what_matched(
    make_app: Callable[..., TrackerApp],
) -> None:
    """Seen: "so noi vu" returned 422 of 438 rows because task texts say "gửi Sở Nội vụ"."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("escape", "slash", *"so noi vu")
        await pilot.pause(0.3)
        await settle(pilot)
        chips = str(app.query_one("#chips", Static).render())
        assert "Cơ quan khớp: Sở Nội vụ (2)" in chips
        listing = _listing(app)
        top = int(listing.scroll_offset.y)
        shown = range(top, min(top + listing.visible_rows, app.model.total))
        index = next(i for i in shown if app.model.row(i).agency == "Sở Nội vụ")  # type: ignore[union-attr]
        line = listing.render_line(index - top + 1)
        found = "".join(s.text for s in line if s.style is not None and s.style.underline)
        assert all(word in found for word in ("Sở", "Nội", "vụ")), line  # each word, where it is
        everything = app.model.total
        await pilot.press("enter", "g")
        await pilot.pause()
        assert app.screen.query_one("#picker-input", Input).value == "so noi vu"
        await pilot.press("enter")
        await settle(pilot)
        criteria = app.model.view.criteria
        assert criteria.search is None and criteria.agency_ids and app.model.total < everything
        assert {app.model.row(i).agency for i in range(app.model.total)} == {"Sở Nội vụ"}  # type: ignore[union-attr]


async def test_another_clerks_change_while_a_dialog_is_open_updates_the_list_under_it(
    make_app: Callable[..., TrackerApp], ui_url: str
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        first = _listing(app).current
        assert first is not None
        await pilot.press("n")
        await pilot.pause()
        dialog = app.screen
        other = tracker.open(ui_url, actor="someone-else")
        other.complete(first.id, "15/6/2020")
        other.close()
        for _ in range(30):
            await pilot.pause(0.2)
            if first.id not in {app.model.row(i).id for i in range(app.model.total)}:  # type: ignore[union-attr]
                break
        assert app.screen is dialog and app.is_running
        assert first.id not in {app.model.row(i).id for i in range(app.model.total)}  # type: ignore[union-attr]


# --- the second clerk's report: what the terminal shows, fast typing, Esc, conflicts, the N form ----


def _assert_painted_on_the_cursor(app: TrackerApp) -> int:
    """The frame the terminal shows highlights exactly one row, on screen, and it is the cursor's."""
    listing = _listing(app)
    top = int(listing.scroll_offset.y)
    assert top <= listing.cursor < top + listing.visible_rows, (top, listing.cursor, listing.visible_rows)
    row = listing.current
    assert row is not None
    assert painted_highlight(app) == [row.id], (painted_rows(app), row.id)
    return row.id


MOVES = [
    ["end"], ["up"], ["up", "up"], ["up"] * 15, ["pageup"], ["pagedown"], ["down"], ["pagedown"] * 2, ["end"],
    ["up"], ["home"], ["down"] * 3, ["pageup"], ["pagedown"], ["up"],
]  # fmt: skip


@SIZES
async def test_the_highlight_the_terminal_shows_is_the_row_an_edit_goes_on(
    make_app: Callable[..., TrackerApp], size: tuple[int, int]
) -> None:
    """Seen at 80x24: `End` then `Up` left the screen as it was, the last row highlighted, and `n` opened
    "Ghi chú" on the row above it; later `x` named #29 while #12 was highlighted. Each move repaints
    the two rows whose highlight changed, wherever the list is scrolled to."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        for keys in MOVES:
            await pilot.press(*keys)
            await settle(pilot)
            shown = _assert_painted_on_the_cursor(app)
        await pilot.press("n")
        await pilot.pause()
        assert f"#{shown} · " in str(app.screen.query_one("#dialog-subject").render())
        await pilot.press("escape", "end", "slash")  # the search box takes a line from the list
        await settle(pilot)
        _assert_painted_on_the_cursor(app)


async def test_a_resize_keeps_the_highlighted_row_painted_and_on_screen(make_app: Callable[..., TrackerApp]) -> None:
    """Between 120x40 and 80x24 with the cursor on a low row, and after moves at each size."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("escape", "home", *["down"] * 30)
        await settle(pilot)
        for size, keys in [((80, 24), ["up"]), ((120, 40), ["end", "up"]), ((80, 24), ["up"]), ((120, 40), ["down"]),
                           ((80, 24), ["pagedown", "up"])]:  # fmt: skip
            before = _listing(app).current
            await pilot.resize_terminal(*size)
            await settle(pilot)
            assert _assert_painted_on_the_cursor(app) == before.id  # type: ignore[union-attr]
            await pilot.press(*keys)
            await settle(pilot)
            _assert_painted_on_the_cursor(app)


@pytest.mark.parametrize("typed", ["dau tu", "so noi vu", "e x n"])
async def test_keys_typed_fast_after_a_slash_are_the_search(make_app: Callable[..., TrackerApp], typed: str) -> None:
    """Seen: `/dau tu` in one burst opened "Ghi nhận hoàn thành" (the `d` key) with "au tu" in its date
    field; `/so noi vu` opened the status picker (the `s` key) with "o noi vu" typed."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        burst(app, ["/", *typed])
        await pilot.pause(0.3)
        await settle(pilot)
        assert app.screen is app.main, app.screen
        assert app.query_one("#search", Input).value == typed
        assert app.model.view.criteria.search == typed


async def test_a_hash_and_an_id_typed_in_one_burst_jump_there(make_app: Callable[..., TrackerApp]) -> None:
    """Seen: `/`, `#4`, Enter in one burst lost the "#4"; and "#" alone, a jump half typed, was searched
    for, its empty list arriving after the jump."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("escape")  # every assignment
        await settle(pilot)
        target = app.model.row(60)  # read, below the screen: the jump stays in this list
        assert target is not None
        burst(app, ["/", "#", *str(target.id), "enter"])
        await _rested(pilot)
        assert _listing(app).current.id == target.id  # type: ignore[union-attr]
        assert app.model.view.criteria == AssignmentFilter() and app.model.total == 438
        assert _assert_painted_on_the_cursor(app) == target.id
        burst(app, ["/", "#", "4", "enter"])  # not in the pages read: among its task's assignments
        await _rested(pilot)
        assert _listing(app).current.id == 4  # type: ignore[union-attr]
        assert _assert_painted_on_the_cursor(app) == 4
        assert not app.query_one("#search", Input).display and _listing(app).has_focus


async def test_esc_in_the_search_box_clears_the_search_and_the_keys_act_again(
    make_app: Callable[..., TrackerApp],
) -> None:
    """Seen: Esc did nothing while the search box had the focus, although the chip says "Esc: bỏ lọc";
    three Esc left "/dau tu"."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"dau tu")
        await pilot.pause(0.3)
        await settle(pilot)
        assert app.model.view.criteria.search == "dau tu"
        assert "Esc: bỏ lọc" in str(app.query_one("#chips", Static).render())
        await pilot.press("escape")
        await settle(pilot)
        search = app.query_one("#search", Input)
        assert app.model.view.criteria == AssignmentFilter() and not search.display and search.value == ""
        assert _listing(app).has_focus
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)


async def test_after_a_dialog_the_keys_go_to_the_list_not_the_search_box(make_app: Callable[..., TrackerApp]) -> None:
    """Seen: after a dialog closed the focus was back in the search box, and `e` or `Down` typed into it
    ("/ e") instead of acting. A dialog opened from the search box (here by the palette) is one."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("escape", "slash", *"so")
        await pilot.pause(0.3)
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"ghi chu")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FormDialog)
        await pilot.press("escape")
        await settle(pilot)
        listing = _listing(app)
        assert listing.has_focus, app.focused
        cursor = listing.cursor
        await pilot.press("down")
        await settle(pilot)
        assert listing.cursor == cursor + 1
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert app.query_one("#search", Input).value == "so" and app.model.view.criteria.search == "so"


@pytest.mark.parametrize(
    ("key", "typed"),
    [("n", {"note": "Đã nhắc qua điện thoại"}), ("e", {"to": "30/7/2020", "reason": "Sở xin thêm thời gian"})],
    ids=["note", "extend"],
)
async def test_a_conflict_keeps_what_was_typed_and_saves_it_on_the_new_version(
    make_app: Callable[..., TrackerApp], ui_url: str, key: str, typed: dict[str, str]
) -> None:
    """Seen: on a conflict the message was clear, but the dialog closed and the typed note or reason
    was lost. It opens again on the assignment as it is now, filled in, saying why; OK saves."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        row = _listing(app).current
        assert row is not None
        await pilot.press(key)
        await pilot.pause()
        for name, text in typed.items():
            app.screen.query_one(f"#field-{name}", Input).value = text
        other = tracker.open(ui_url, actor="someone-else")
        other.note(row.id, "changed elsewhere")
        other.close()
        await pilot.click("#ok")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        assert f"#{row.id} " in str(dialog.query_one("#dialog-subject").render())
        said = str(dialog.query_one("#dialog-error").render())
        assert f"Phân công #{row.id} vừa được người khác sửa" in said and "vẫn còn" in said
        assert {name: dialog.query_one(f"#field-{name}", Input).value for name in typed} == typed
        check = tracker.open(ui_url)
        assert check.get(row.id).note == "changed elsewhere" and check.get(row.id).due_on == row.due_on
        await pilot.click("#ok")
        await settle(pilot)
        assert app.screen is app.main
        saved = check.get(row.id)
        if key == "n":
            assert saved.note == typed["note"]
        else:
            assert saved.note == "changed elsewhere" and saved.due_on == date(2020, 7, 30)
            reasons = check.reader.rows("SELECT reason FROM deadline_change WHERE assignment_id = :i", {"i": row.id})
            assert (typed["reason"],) in reasons
        check.close()


@pytest.mark.parametrize(
    ("key", "title", "label", "first"),
    [("N", "Thêm văn bản", "Số hiệu văn bản", "number"), ("A", "Thêm cơ quan", "Tên cơ quan", "name")],
    ids=["directive", "agency"],
)
async def test_a_form_opens_at_its_top_with_its_first_field_focused(
    make_app: Callable[..., TrackerApp], key: str, title: str, label: str, first: str
) -> None:
    """Seen at 80x24: `N` opened scrolled down, its title and the first field's label off the screen."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(key)
        await settle(pilot)
        form = app.screen
        assert form.query_one("#dialog").scroll_y == 0
        assert app.focused is form.query_one(f"#field-{first}", Input)
        painted = "\n".join(strip.text for strip in form._compositor.render_strips())
        assert title in painted and label in painted


async def test_a_first_agency_of_a_new_province_creates_the_province_when_confirmed(
    blank_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Seen: on an empty database `A` could not work, the province not being there yet."""
    from tests.integration.cli_runner import run

    assert run(capsys, "--db", blank_url, "db", "init").code == 0
    t = tracker.open(blank_url)
    app = TrackerApp(t, date(2026, 12, 3), "vi")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("A")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#field-name", Input).value = "Sở Nội vụ"
        dialog.query_one("#field-jurisdiction", Input).value = "Tỉnh Hà Giang"
        dialog.query_one("#field-jurisdiction", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is dialog  # first it says what saving will create
        said = str(dialog.query_one("#dialog-error").render())
        assert "Tỉnh Hà Giang chưa có" in said and "ha-giang" in said
        assert t.jurisdictions() == []
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is not dialog
    assert t.jurisdictions() == [("ha-giang", "Tỉnh Hà Giang")]
    assert [a.name for a in t.agencies("ha-giang")] == ["Sở Nội vụ"]
    t.close()


@pytest.mark.parametrize(
    ("opening", "field", "typed", "expected"),
    [
        (["n"], "#field-note", ["a", "b", "c", "d", "backspace", "e"], "abce"),
        (["d"], "#field-on", ["ctrl+u", *"28/11/2026"], "28/11/2026"),
        (["d"], "#field-on", ["end", "backspace", *"7"], None),  # the last digit of the date replaced
        (["slash"], "#search", ["x", "y", "left", "z", "backspace", "backspace", "q"], "qy"),
    ],
)
async def test_editing_keys_typed_fast_keep_their_place_among_the_characters(
    make_app: Callable[..., TrackerApp], opening: list[str], field: str, typed: list[str], expected: str | None
) -> None:
    """Seen: "abcd", Backspace, "e" in one burst gave "abcd" (the Backspace ran after the "e"); Ctrl+U then a
    date left the field empty. Textual runs a field's bound keys only once they have gone up to the app."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*opening)
        await settle(pilot)
        box = app.screen.query_one(field, Input)
        before = box.value
        burst(app, typed)
        await pilot.pause(0.3)
        await settle(pilot)
        assert box.value == (expected if expected is not None else before[:-1] + "7"), (before, box.value)


async def test_a_search_that_matches_nothing_then_esc_comes_back_to_the_row_highlighted_before(
    make_app: Callable[..., TrackerApp],
) -> None:
    """Seen: with #20 highlighted, `/zzzz` then Esc put the highlight on the first row."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("escape", *["down"] * 5)
        await settle(pilot)
        before = _listing(app).current
        assert before is not None
        await pilot.press("slash", *"zzzz")
        await pilot.pause(0.5)
        await settle(pilot)
        assert app.model.total == 0
        await pilot.press("escape")
        await pilot.pause(0.3)
        await settle(pilot)
        after = _listing(app).current
        assert after is not None and after.id == before.id, (before.id, after and after.id)


async def test_the_directive_form_says_what_is_wrong_with_a_deadline(make_app: Callable[..., TrackerApp]) -> None:
    """Seen: "31/02/2027" read "✗ Không đọc được thời hạn" where the import says the date does not exist."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("N")
        await settle(pilot)
        form = app.screen
        form.query_one("#field-deadline", Input).value = "31/02/2027"
        await pilot.pause()
        reading = str(form.query_one("#reading-deadline").render())
        assert "31/2/2027 không phải là một ngày (tháng 2/2027 có 28 ngày)" in reading, reading


async def test_a_database_with_agencies_but_no_directive_still_says_what_to_do(
    blank_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Seen: with its agencies registered and no directive, the UI opened on a blank list."""
    from tests.integration.cli_runner import run

    assert run(capsys, "--db", blank_url, "db", "init").code == 0
    t = tracker.open(blank_url)
    t.add_jurisdiction("lao-cai", "Tỉnh Lào Cai")
    t.agency("Sở Nội vụ")
    t.agency("Sở Tư pháp")
    app = TrackerApp(t, date(2026, 12, 3), "vi")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        welcome = app.query_one("#welcome", Static)
        assert welcome.display and not app.query_one("#main").display
        said = str(welcome.render())
        assert "đã có 2 cơ quan nhưng chưa có văn bản nào" in said and "phím N" in said
        await pilot.press("l")
        await settle(pilot)
        assert "holds 2 agencies but no directive yet" in str(welcome.render())
    t.close()
