"""Writers side by side, on SQLite and PostgreSQL: an import never undoes what a clerk commits while
it runs; a change made without a version waits for the writer before it and never reports a
conflict; a command that waits says so, and one that waits too long is one line."""

from __future__ import annotations

import csv
import io
import threading
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

import tracker
from tests.data.make_files import HEADER_VI, ROWS
from tests.integration.cli_runner import run
from tracker.core.errors import TrackerError
from tracker.services import changes

pytestmark = pytest.mark.usefixtures("backend")


@pytest.fixture
def t(demo_url: str) -> Iterator[tracker.Tracker]:
    opened = tracker.open(demo_url, today="01/05/2021")
    yield opened
    opened.close()


def _file(path: Path, note: str) -> Path:
    rows = [list(row) for row in ROWS]
    rows[1][12] = note
    buffer = io.StringIO()
    csv.writer(buffer).writerows([HEADER_VI, *rows])
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def _lead_of_row_2(t: tracker.Tracker) -> int:
    return next(r.id for r in t.by_directive("12/KH-UBND") if r.ref == "2" and r.role == "lead")


def _in_thread(work: object) -> tuple[threading.Thread, dict[str, object]]:
    outcome: dict[str, object] = {}

    def target() -> None:
        try:
            outcome["value"] = work()  # type: ignore[operator]
        except Exception as error:
            outcome["error"] = error

    thread = threading.Thread(target=target)
    thread.start()
    return thread, outcome


def test_a_done_committed_while_an_import_runs_is_not_undone(t: tracker.Tracker, tmp_path: Path) -> None:
    assert t.import_file(_file(tmp_path / "a.csv", "")).ok
    target = _lead_of_row_2(t)
    before = t.get(target)
    # The clerk's change is open while the import reads the rows, and commits before the import writes.
    with t.transaction() as session:
        changes.complete(session, target, date(2021, 4, 20), "clerk", result_ref="9/BC")
        thread, outcome = _in_thread(lambda: t.import_file(_file(tmp_path / "b.csv", "đổi ghi chú")))
        time.sleep(1.5)
    thread.join(timeout=120)
    assert not thread.is_alive()
    assert "error" not in outcome, outcome
    report = outcome["value"]
    assert report.ok, report.errors  # type: ignore[attr-defined]
    after = t.get(target)
    # The import read the row again after the clerk's commit and changed only its note, on top of it.
    assert after.completed_on == date(2021, 4, 20) and after.result_ref == "9/BC"
    assert (after.note, after.version) == ("đổi ghi chú", before.version + 2)


def test_a_change_without_a_version_waits_for_the_writer_before_it(t: tracker.Tracker) -> None:
    target = t.assignments()[0].id
    before = t.get(target)
    with t.transaction() as session:
        changes.set_note(session, target, "first", "clerk 1")
        thread, outcome = _in_thread(lambda: t.note(target, "second"))
        time.sleep(1.0)
        assert thread.is_alive()  # waiting for the first writer's lock, not failing
    thread.join(timeout=120)
    assert "error" not in outcome, outcome
    after = t.get(target)
    assert (after.note, after.version) == ("second", before.version + 2)


def test_a_change_on_a_version_read_before_is_still_a_conflict(t: tracker.Tracker) -> None:
    target = t.assignments()[0].id
    read = t.get(target).version
    t.note(target, "someone else")
    with pytest.raises(TrackerError, match="changed by someone else"):
        t.note(target, "mine", expected_version=read)


def _holding(url: str, postgres: str, params: dict[str, object], wait: Callable[[], object]) -> threading.Thread:
    """Another program that holds a lock until ``wait`` returns: on SQLite a write transaction, on
    PostgreSQL what the statement ``postgres`` takes."""
    from sqlalchemy import create_engine, text

    ready = threading.Event()

    def hold() -> None:
        engine = create_engine(url)
        with engine.connect() as connection:
            if url.startswith("sqlite"):
                connection.exec_driver_sql("BEGIN IMMEDIATE")
            else:
                connection.execute(text(postgres), params)
            ready.set()
            wait()
            connection.rollback()
        engine.dispose()

    thread = threading.Thread(target=hold)
    thread.start()
    ready.wait(30)
    return thread


def _hold_write_lock(url: str, seconds: float) -> threading.Thread:
    """Another program that holds the write lock for ``seconds`` (PostgreSQL: every assignment row locked)."""
    return _holding(url, "SELECT id FROM assignment FOR UPDATE", {}, lambda: time.sleep(seconds))


def test_a_cli_write_says_it_is_waiting_and_then_succeeds(capsys: pytest.CaptureFixture[str], demo_url: str) -> None:
    holder = _hold_write_lock(demo_url, 2.5)
    result = run(capsys, "note", "1", "sau khi chờ", "--db", demo_url)
    holder.join()
    assert result.code == 0, result.err
    assert "waiting up to 60 s" in result.err


def test_a_cli_write_that_waits_too_long_is_one_line(
    capsys: pytest.CaptureFixture[str], demo_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tracker.cli import changes as cli_changes
    from tracker.store import engine

    monkeypatch.setattr(engine, "SQLITE_BUSY_TIMEOUT_MS", 500)
    monkeypatch.setattr(engine, "WRITE_WAIT_SECONDS", 1)
    monkeypatch.setattr(cli_changes, "WAITING_NOTICE_SECONDS", 0.2)
    holder = _hold_write_lock(demo_url, 4)
    result = run(capsys, "done", "1", "--db", demo_url)
    holder.join()
    assert result.code == 1
    lines = result.err.strip().splitlines()
    assert "The database stayed busy for 1 s" in lines[-1], result.err
    assert all("Traceback" not in line for line in lines)


def _many_rows(path: Path, count: int) -> Path:
    """``count`` tasks of one new directive, each with one lead agency and no coordinating one."""
    template = list(ROWS[0])
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER_VI)
    for ref in range(1, count + 1):
        row = [*template]
        row[0], row[5], row[6], row[8], row[10], row[11] = "77/KH-UBND", str(ref), f"Nhiệm vụ {ref}", "", "", ""
        writer.writerow(row)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def _write_while_the_import_checks(
    t: tracker.Tracker, demo_url: str, path: Path, at_row: int
) -> tuple[object, float, list[int], dict[str, object]]:
    """Import ``path``; when the import has checked ``at_row`` rows, another program writes a note and
    the import waits until it is done (or 10 s). Returns the report, how long the note took, the
    progress the import reported and the note's outcome."""
    clerk = tracker.open(demo_url, actor="clerk 2")
    target = t.assignments()[0].id
    progress: list[int] = []
    waited: dict[str, object] = {}

    def on_progress(rows: int) -> None:
        progress.append(rows)
        if rows == at_row and "seconds" not in waited:
            started = time.perf_counter()
            thread, outcome = _in_thread(lambda: clerk.note(target, "ghi trong lúc nhập"))
            thread.join(timeout=10)
            waited["seconds"] = time.perf_counter() - started
            waited["thread"], waited["outcome"] = thread, outcome

    try:
        report = t.import_file(path, progress=on_progress)
    finally:
        thread = waited.get("thread")
        if isinstance(thread, threading.Thread):
            thread.join(timeout=120)
        clerk.close()
    assert t.get(target).note == "ghi trong lúc nhập"
    return report, float(waited["seconds"]), progress, waited["outcome"]  # type: ignore[arg-type, return-value]


def test_an_import_lets_other_writers_in_while_it_checks_its_rows(
    t: tracker.Tracker, demo_url: str, tmp_path: Path
) -> None:
    # Past the first batches (5,000 rows), where an import used to take the write lock and hold it.
    report, seconds, progress, outcome = _write_while_the_import_checks(
        t, demo_url, _many_rows(tmp_path / "m.csv", 12_000), 11_000
    )
    assert "error" not in outcome, outcome
    assert seconds < 5, f"the note waited {seconds:.1f} s for the import"
    assert report.ok, report.errors  # type: ignore[attr-defined]
    assert report.created == 12_000  # type: ignore[attr-defined]
    # Someone wrote while it checked: the import read the file again, with the lock held from the start.
    assert progress.count(1_000) == 2, progress
    assert len(t.by_directive("77/KH-UBND")) == 12_000


def test_an_import_that_holds_too_much_writes_as_it_goes(
    t: tracker.Tracker, demo_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tracker.importing import writes

    monkeypatch.setattr(writes, "HELD_ROWS", 2_500)
    path = _many_rows(tmp_path / "m.csv", 6_000)
    assert t.import_file(path, dry_run=True).created == 6_000  # a dry run never writes, whatever it holds
    with pytest.raises(TrackerError, match="77/KH-UBND"):
        t.by_directive("77/KH-UBND")
    report = t.import_file(path)
    assert report.ok and report.created == 6_000, report.errors
    assert len(t.by_directive("77/KH-UBND")) == 6_000
    again = t.import_file(path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 6_000)


def test_an_import_with_errors_never_takes_the_write_lock(t: tracker.Tracker, demo_url: str, tmp_path: Path) -> None:
    path = _many_rows(tmp_path / "m.csv", 3_000)
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.append(lines[-1].replace("trước 30/4/2021", "30/2/2021").replace("3000", "3001"))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report, seconds, _progress, outcome = _write_while_the_import_checks(t, demo_url, path, 2_000)
    assert "error" not in outcome and seconds < 5, (outcome, seconds)
    assert not report.ok  # type: ignore[attr-defined]
    with pytest.raises(TrackerError, match="77/KH-UBND"):
        t.by_directive("77/KH-UBND")


def _hold_writers_lock(url: str, released: threading.Event) -> threading.Thread:
    """Another writer that holds the writers' lock until ``released`` (PostgreSQL: the advisory lock every
    writer takes)."""
    from tracker.store.writelock import STATEMENT, WRITE_LOCK_KEY

    return _holding(url, STATEMENT, {"key": WRITE_LOCK_KEY}, lambda: released.wait(30))


@pytest.mark.parametrize("write", ["directive", "agency"])
def test_the_directive_form_and_agency_edits_wait_for_the_writer_before_them(
    t: tracker.Tracker, demo_url: str, write: str
) -> None:
    from tracker.api import TaskSpec
    from tracker.services.agencies import AgencyEdit

    work = {
        "directive": lambda: t.add_directive(
            "99/KH-UBND", [TaskSpec("1", "Báo cáo", ["Sở Nội vụ"], due="30/6/2021")], jurisdiction="thanh-hoa"
        ),
        "agency": lambda: t.edit_agency("Sở Nội vụ", AgencyEdit(add_aliases=["NV"]), jurisdiction="thanh-hoa"),
    }[write]
    released = threading.Event()
    holder = _hold_writers_lock(demo_url, released)
    try:
        thread, outcome = _in_thread(work)
        time.sleep(1.0)
        assert thread.is_alive() and not outcome  # waiting for the other writer, neither failing nor past it
    finally:
        released.set()
        holder.join()
    thread.join(timeout=60)
    assert "error" not in outcome, outcome
    if write == "directive":
        assert [r.agency for r in t.by_directive("99/KH-UBND")] == ["Sở Nội vụ"]
    else:
        assert "NV" in next(a for a in t.agencies("thanh-hoa") if a.name == "Sở Nội vụ").aliases
