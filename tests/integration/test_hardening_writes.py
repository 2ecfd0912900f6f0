"""Writers side by side, on SQLite and PostgreSQL: an import never undoes what a clerk commits while
it runs; a change made without a version waits for the writer before it and never reports a
conflict; a command that waits says so, and one that waits too long is one line."""

from __future__ import annotations

import csv
import io
import threading
import time
from collections.abc import Iterator
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
    # The clerk's change holds its lock while the import reads the rows and comes to write them.
    with t.transaction() as session:
        changes.complete(session, target, date(2021, 4, 20), "clerk", result_ref="9/BC")
        thread, outcome = _in_thread(lambda: t.import_file(_file(tmp_path / "b.csv", "đổi ghi chú")))
        time.sleep(1.5)
    thread.join(timeout=120)
    assert not thread.is_alive()
    after = t.get(target)
    assert after.completed_on == date(2021, 4, 20) and after.result_ref == "9/BC"
    assert after.version == before.version + 1  # the clerk's change, and nothing over it
    if "error" in outcome:  # the import met the clerk's change: it says so and writes nothing
        assert isinstance(outcome["error"], TrackerError)
        assert "changed by someone else while this import ran" in str(outcome["error"])
        assert after.note == before.note
    else:  # the import read the row after the clerk's commit: it applied its note on top of it
        report = outcome["value"]
        assert report.ok, report.errors  # type: ignore[attr-defined]
        assert after.note == "đổi ghi chú"


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


def _hold_write_lock(url: str, seconds: float) -> threading.Thread:
    """Another program that holds the write lock for ``seconds`` (SQLite: a write transaction; PostgreSQL:
    every assignment row locked)."""
    from sqlalchemy import create_engine, text

    ready = threading.Event()

    def hold() -> None:
        engine = create_engine(url)
        with engine.connect() as connection:
            if url.startswith("sqlite"):
                connection.exec_driver_sql("BEGIN IMMEDIATE")
            else:
                connection.execute(text("SELECT id FROM assignment FOR UPDATE"))
            ready.set()
            time.sleep(seconds)
            connection.rollback()
        engine.dispose()

    thread = threading.Thread(target=hold)
    thread.start()
    ready.wait(30)
    return thread


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
