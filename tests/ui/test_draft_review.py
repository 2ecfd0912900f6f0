"""The draft review screen (``tracker draft FILE --review``): fix, drop, accept through the import."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Input, Static

import tracker
from tests.integration.cli_runner import run
from tracker.api import Tracker
from tracker.store.queries import AssignmentFilter
from tracker.ui.draft_review import DraftReviewApp, EditTask, Question

PLAN = """ỦY BAN NHÂN DÂN
TỈNH THANH HÓA
Số: 51/KH-UBND
Thanh Hóa, ngày 02 tháng 4 năm 2020

KẾ HOẠCH
Phòng, chống thiên tai năm 2020

I. MỤC ĐÍCH, YÊU CẦU
Chủ động ứng phó.
II. NHIỆM VỤ
1. Sở Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với Sở Tài chính rà soát phương án,
báo cáo UBND tỉnh trước 30/5/2020.
2. Sở Xây dựng kiểm tra các công trình vào quý III năm 2020.
3. Sở Thủy sản tham mưu đề án phát triển./.
Nơi nhận:
- Lưu: VT.
"""

NUMBER = "51/KH-UBND"


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "kh-51.txt"
    path.write_text(PLAN, encoding="utf-8")
    return path


@pytest.fixture
def open_review(demo_url: str, plan: Path) -> Iterator[Callable[..., DraftReviewApp]]:
    opened: list[Tracker] = []

    def build(lang: str = "en") -> DraftReviewApp:
        t = tracker.open(demo_url, actor="clerk", today="15/06/2020")
        opened.append(t)
        return DraftReviewApp(t, t.draft(plan, jurisdiction="thanh-hoa", lang=lang), lang)

    yield build
    for t in opened:
        t.close()


def _stored(url: str) -> set[tuple[str, str, str]]:
    """(ref, agency, role) of every assignment of the plan in the database."""
    with tracker.open(url, today="15/06/2020") as t:
        found = [r for r in t.assignments(AssignmentFilter()) if r.directive == NUMBER]
    return {(r.ref, r.agency, r.role) for r in found}


async def _wait(pilot: object) -> None:
    app = pilot.app  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]


def _message(app: DraftReviewApp) -> str:
    return str(app.query_one("#message", Static).render())


async def test_fix_a_lead_drop_a_task_and_accept_stores_exactly_the_accepted_tasks(
    open_review: Callable[..., DraftReviewApp], demo_url: str
) -> None:
    app = open_review()
    assert [r.task.ref for r in app.reviewed] == ["II.1", "II.2", "II.3"]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down")  # II.2: its source paragraph is marked
        assert app.current == [app.reviewed[1].task.line]
        assert app.query_one(f"#p{app.current[0]}").has_class("current")
        await pilot.press("l")
        assert isinstance(app.screen, EditTask)
        app.screen.query_one("#edit-lead", Input).value = "Sở Y tế"
        await pilot.press("tab", "tab", "ctrl+u", *"truoc 15/7/2020")  # the deadline, read again
        await pilot.press("enter")
        assert not isinstance(app.screen, EditTask)
        fixed = app.reviewed[1]
        assert fixed.edited and fixed.task.lead == ["Sở Y tế"]
        assert (fixed.task.deadline, fixed.task.due_on) == ("truoc 15/7/2020", date(2020, 7, 15))
        await pilot.press("down", "x")  # II.3 names an agency the list lacks: dropped
        assert app.reviewed[2].dropped
        assert _stored(demo_url) == set()  # nothing before the accept
        await pilot.press("a")
        await _wait(pilot)
        assert app.imported is not None and app.imported.ok, _message(app)
        assert "kh-51.txt: 2 rows" in _message(app)
        assert "2 task(s) created" in _message(app)
    assert _stored(demo_url) == {
        ("II.1", "Sở Nông nghiệp và Phát triển nông thôn", "lead"),
        ("II.1", "Sở Tài chính", "coordinating"),
        ("II.2", "Sở Y tế", "lead"),
    }
    with tracker.open(demo_url) as t:
        rows = [r for r in t.assignments(AssignmentFilter()) if r.directive == NUMBER]
    assert {r.due_on for r in rows if r.ref == "II.2"} == {date(2020, 7, 15)}
    assert {r.note for r in rows} == {""}  # the drafter's doubts are not notes


async def test_a_failing_import_keeps_the_screen_and_writes_nothing_until_the_clerk_says_create(
    open_review: Callable[..., DraftReviewApp], demo_url: str
) -> None:
    app = open_review()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        await _wait(pilot)
        assert isinstance(app.screen, Question)  # the agency the list lacks: asked, not assumed
        await pilot.press("x", "a")  # other keys do nothing while asked
        assert not app.reviewed[0].dropped
        await pilot.press("n")
        await _wait(pilot)
        assert not isinstance(app.screen, Question) and app.is_running
        assert app.imported is None
        assert "Not imported" in _message(app) and "task II.3, lead" in _message(app)
        assert "Sở Thủy sản" in _message(app)
        assert _stored(demo_url) == set()
        await pilot.press("a")
        await _wait(pilot)
        assert isinstance(app.screen, Question)
        await pilot.press("y")
        await _wait(pilot)
        assert app.imported is not None and app.imported.agencies_created == 1
    stored = _stored(demo_url)
    assert ("II.3", "Sở Thủy sản", "lead") in stored and len({ref for ref, _, _ in stored}) == 3


async def test_the_edit_form_refuses_what_the_import_would(open_review: Callable[..., DraftReviewApp]) -> None:
    app = open_review(lang="vi")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("d")
        form = app.screen
        assert isinstance(form, EditTask)
        form.query_one("#edit-deadline", Input).value = "trước 31/2/2020"
        await pilot.press("enter")
        assert app.screen is form  # an unreadable deadline keeps the form open, saying why
        assert "31/2/2020" in str(form.query_one("#edit-error", Static).render())
        form.query_one("#edit-deadline", Input).value = ""
        form.query_one("#edit-ref", Input).value = "II.2"
        await pilot.press("enter")
        assert app.screen is form and "II.2" in str(form.query_one("#edit-error", Static).render())
        form.query_one("#edit-ref", Input).value = "II.1"
        form.query_one("#edit-lead", Input).value = " ; "
        await pilot.press("enter")
        assert app.screen is form and "chủ trì" in str(form.query_one("#edit-error", Static).render())
        await pilot.press("escape")
        assert not isinstance(app.screen, EditTask)
        assert app.reviewed[0].task.lead == ["Sở Nông nghiệp và Phát triển nông thôn"]  # cancelled: unchanged
        assert not app.reviewed[0].edited


async def test_quitting_with_changes_asks_first(open_review: Callable[..., DraftReviewApp]) -> None:
    app = open_review()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("x", "q")
        assert isinstance(app.screen, Question)
        await pilot.press("n")
        assert app.is_running and not isinstance(app.screen, Question)
        await pilot.press("q", "y")
        await pilot.pause()
    assert app.return_code == 0


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_review_screen_at_80x24(snap_compare: Callable[..., bool], open_review: Callable[..., DraftReviewApp]) -> None:
    assert snap_compare(open_review(lang="vi"), press=["down"], terminal_size=(80, 24))


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_review_needs_a_terminal(capsys: pytest.CaptureFixture[str], demo_url: str, plan: Path) -> None:
    result = run(capsys, "--db", demo_url, "--lang", "en", "draft", str(plan), "--review")
    assert result.code == 1 and result.err.count("\n") == 1 and "needs a terminal" in result.err
    assert _stored(demo_url) == set()


async def test_the_directive_number_the_drafter_missed_is_filled_in_on_the_screen(
    demo_url: str, tmp_path: Path
) -> None:
    path = tmp_path / "kh.txt"
    path.write_text(PLAN.replace("Số: 51/KH-UBND\n", ""), encoding="utf-8")
    with tracker.open(demo_url, actor="clerk", today="15/06/2020") as t:
        app = DraftReviewApp(t, t.draft(path, jurisdiction="thanh-hoa", lang="en"), "en")
        assert app.draft.number == "" and "number" in app.draft.doubts_text
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("down", "down", "x", "a")  # without a number the import refuses
            await _wait(pilot)
            assert app.imported is None and "directive is required" in _message(app)
            await pilot.press("h")
            app.screen.query_one("#edit-issued_on", Input).value = "31/4/2020"
            await pilot.press("enter")  # the number is still empty: the form says so
            assert "number" in str(app.screen.query_one("#edit-error", Static).render())
            app.screen.query_one("#edit-number", Input).value = NUMBER
            await pilot.press("enter")  # an impossible date: said by the date reader
            assert "31/4/2020" in str(app.screen.query_one("#edit-error", Static).render())
            app.screen.query_one("#edit-issued_on", Input).value = "2/4/2020"
            await pilot.press("enter", "a")
            await _wait(pilot)
            assert app.imported is not None, _message(app)
    assert {ref for ref, _, _ in _stored(demo_url)} == {"II.1", "II.2"}
