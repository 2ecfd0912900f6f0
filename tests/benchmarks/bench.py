"""Benchmarks on synthetic data. Not part of the test run; prints JSON figures.

    python -m tests.benchmarks.bench                        # 10k, 100k, 1M on SQLite, 1M on PostgreSQL,
                                                            # Taskwarrior at 100k when `task` is installed
    python -m tests.benchmarks.bench --sizes 10000 --no-postgres --no-taskwarrior   # a quick look

Each figure carries its reference where one exists: the same SQL or insert run on raw sqlite3.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from tracker.api import Tracker
from tracker.store import queries
from tracker.store.queries import AssignmentFilter

AS_OF = date(2025, 6, 15)
"""The synthetic data's as-of date (``SYNTHETIC_AS_OF``), written out so that importing this module does
not bring in the ORM: the UI is measured in a process of its own, and the ORM is 28 MB it never loads."""


def _best(function: Callable[[], Any], repeat: int = 5) -> tuple[float, float]:
    """Median and best wall time of ``repeat`` calls, in milliseconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 2), round(min(times), 2)


def _process_ms(args: list[str], repeat: int = 5, env: dict[str, str] | None = None) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True, stdin=subprocess.DEVNULL, env=env)
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 1)


def _peak_rss_mb() -> float:
    """This process's peak resident memory. Not getrusage's ru_maxrss: Linux carries that over from the
    parent across fork and exec, so a UI measured in a child of a big process would report the parent's."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    raise RuntimeError("no VmHWM in /proc/self/status")


def _machine() -> dict[str, Any]:
    return {
        "python": platform.python_version(),
        "cpu_count": os.cpu_count(),
        "machine": platform.machine(),
        "system": f"{platform.system()} {platform.release()}",
        "sqlite": sqlite3.sqlite_version,
        "cpu_probe_ms": cpu_probe_ms(),
    }


def cpu_probe_ms() -> float:
    """A fixed pure-Python loop (best of three). Shared and virtual machines vary by half from one hour to
    the next; this says how fast the machine was when the figures were taken."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        sum(range(10_000_000))
        best = min(best, time.perf_counter() - started)
    return round(best * 1000, 1)


def _raw_sqlite_insert_rate(path: Path, rows: int) -> float:
    """Reference: raw sqlite3 executemany of assignment-shaped tuples into a copy of the table and its
    indexes (not the completion tally's triggers, which a bulk load turns off)."""
    source = sqlite3.connect(path)
    schema = [
        r[0]
        for r in source.execute(
            "SELECT sql FROM sqlite_master WHERE tbl_name = 'assignment' AND type IN ('table', 'index') "
            "AND sql IS NOT NULL"
        )
    ]
    data = source.execute(
        "SELECT task_id, agency_id, role, period, due_on, deadline_text, original_due_on, completed_on, result_ref, "
        "note, withdrawn_on, version, created_at, updated_at FROM assignment LIMIT ?",
        (rows,),
    ).fetchall()
    source.close()
    target_path = path.with_name("raw-insert.db")
    target_path.unlink(missing_ok=True)
    target = sqlite3.connect(target_path)
    target.execute("PRAGMA journal_mode=WAL")
    target.execute("PRAGMA synchronous=NORMAL")
    for statement in schema:
        target.execute(statement.replace("REFERENCES", "-- REFERENCES") if "FOREIGN" not in statement else statement)
    started = time.perf_counter()
    target.executemany(
        "INSERT INTO assignment (task_id, agency_id, role, period, due_on, deadline_text, original_due_on, "
        "completed_on, result_ref, note, withdrawn_on, version, created_at, updated_at) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        data,
    )
    target.commit()
    elapsed = time.perf_counter() - started
    target.close()
    target_path.unlink(missing_ok=True)
    return round(len(data) / elapsed)


def _measure_import(tracker: Tracker, size: int) -> dict[str, Any]:
    """Export every assignment to CSV, empty the directives, import the file, then import it again
    (which must change nothing)."""
    from tracker.importing.export import export_records, write_records

    work = Path(tempfile.mkdtemp(prefix="tracker-import-"))
    path = work / "assignments.csv"
    write_records(path, "csv", export_records(tracker.reader, tracker.assignments(as_of=AS_OF)))

    def emptied() -> None:
        with tracker.engine.begin() as connection:
            from sqlalchemy import text

            for table in ("deadline_change", "withdrawal", "audit_log", "assignment", "task", "directive"):
                connection.execute(text(f"DELETE FROM {table}"))

    emptied()
    started = time.perf_counter()
    first = tracker.import_file(path, horizon=AS_OF)
    first_s = time.perf_counter() - started
    started = time.perf_counter()
    second = tracker.import_file(path, horizon=AS_OF)
    second_s = time.perf_counter() - started
    shutil.rmtree(work, ignore_errors=True)
    assert first.ok and second.ok, (first.errors[:3], second.errors[:3])
    assert second.created == second.updated == 0, second.summary()
    return {
        "import_file_rows": first.rows,
        "import_assignments_created": first.created,
        "import_seconds": round(first_s, 2),
        "import_rows_per_s": round(first.rows / first_s),
        "import_assignments_per_s": round(first.created / first_s),
        "reimport_seconds": round(second_s, 2),
        "reimport_unchanged_assignments_per_s": round(second.unchanged / second_s),
    }


def measure(url: str, size: int, sqlite_path: Path | None, import_max: int = 100_000) -> dict[str, Any]:
    figures: dict[str, Any] = {"rows": size}
    tracker = Tracker(url, today=AS_OF)
    from tracker.services.synthetic import SYNTHETIC_AS_OF, generate

    assert AS_OF == SYNTHETIC_AS_OF
    report = generate(tracker.engine, size)
    figures["synthetic_load_s"] = round(report.seconds, 2)
    figures["synthetic_load_rows_per_s"] = round(size / report.seconds)
    if sqlite_path is not None:
        figures["reference_raw_sqlite3_insert_rows_per_s"] = _raw_sqlite_insert_rate(sqlite_path, min(size, 200_000))

    env = {**os.environ, "TRACKER_CONFIG": os.devnull}
    command = [
        sys.executable,
        "-m",
        "tracker",
        "--db",
        url,
        "--as-of",
        AS_OF.isoformat(),
        "list",
        "--overdue",
        "--count",
    ]
    figures["cli_overdue_count_process_ms"] = _process_ms(command, env=env)
    figures["reference_python_startup_ms"] = _process_ms([sys.executable, "-c", "pass"])
    overdue = AssignmentFilter(overdue=True)
    reader = tracker.reader
    figures["overdue_count_ms"] = _best(lambda: queries.count_assignments(reader, overdue, AS_OF))[0]
    figures["overdue_first_page_100_ms"] = _best(
        lambda: list(queries.list_assignments(reader, overdue, AS_OF, limit=100))
    )[0]
    figures["due_within_7_first_page_100_ms"] = _best(
        lambda: list(queries.list_assignments(reader, AssignmentFilter(due_within=7), AS_OF, limit=100))
    )[0]
    figures["status_counts_ms"] = _best(lambda: queries.status_counts(reader, AS_OF), repeat=3)[0]
    figures["scoreboard_ms"] = _best(lambda: queries.agency_scoreboard(reader, AS_OF), repeat=3)[0]
    monthly = reader.rows("SELECT id FROM task WHERE rule LIKE 'FREQ=MONTHLY%' ORDER BY id LIMIT 1")
    if monthly:
        submissions = AssignmentFilter(task_ids=[monthly[0][0]], period=f"{AS_OF:%Y-%m}")
        figures["submissions_one_task_period_ms"] = _best(
            lambda: list(queries.list_assignments(reader, submissions, AS_OF))
        )[0]
    if sqlite_path is not None:
        raw = sqlite3.connect(sqlite_path)
        params = {"as_of": AS_OF.isoformat()}
        count_sql = "SELECT count(*) FROM assignment a WHERE " + queries._open_at("a.due_on < :as_of")
        figures["reference_raw_sqlite3_overdue_count_ms"] = _best(lambda: raw.execute(count_sql, params).fetchall())[0]
        score_sql = (
            f"SELECT a.agency_id, {queries.STATUS_SQL} AS status, count(*) FROM assignment a "
            "GROUP BY a.agency_id, status"
        )
        figures["reference_raw_sqlite3_scoreboard_ms"] = _best(
            lambda: raw.execute(score_sql, params).fetchall(), repeat=3
        )[0]
        raw.close()
    tracker.close()
    figures.update(_in_a_fresh_process("ui", url))
    if size <= import_max:
        tracker = Tracker(url, today=AS_OF)
        figures.update(_measure_import(tracker, size))
        tracker.close()
    tracker = Tracker(url, today=AS_OF)
    from tracker.notify.digest import build_digests

    started = time.perf_counter()
    plan = build_digests(tracker.reader, AS_OF, secretariat=["vp@example.org"])
    figures["digest_build_ms"] = round((time.perf_counter() - started) * 1000, 1)
    figures["digests"] = len(plan.digests)
    del plan
    tracker.close()
    figures.update(_in_a_fresh_process("digests", url))
    return figures


def _in_a_fresh_process(measure: str, url: str) -> dict[str, Any]:
    """The figures of ``measure_<measure>(url)``, taken in a new process of their own: the UI's memory
    figure is then the UI's alone, and a digest run starts as cron starts it."""
    code = f"import json; from tests.benchmarks import bench; print(json.dumps(bench.measure_{measure}({url!r})))"
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).resolve().parents[2],
    )
    if result.returncode != 0:
        return {f"{measure}_error": (result.stderr.strip().splitlines() or ["no output"])[-1]}
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def measure_digests(url: str) -> dict[str, Any]:
    """Every digest built once, in this process's first read of the database, as the daily cron run does."""
    from tracker.notify.digest import build_digests

    tracker = Tracker(url, today=AS_OF)
    started = time.perf_counter()
    plan = build_digests(tracker.reader, AS_OF, secretariat=["vp@example.org"])
    figures = {"digest_build_in_a_fresh_process_ms": round((time.perf_counter() - started) * 1000, 1)}
    figures["digests_in_a_fresh_process"] = len(plan.digests)
    tracker.close()
    return figures


def taskwarrior(work: Path, size: int) -> dict[str, Any]:
    """Load the same synthetic assignments into Taskwarrior and compare overdue counts and a filtered count."""
    task = shutil.which("task")
    if task is None:
        return {"skipped": "Taskwarrior is not installed (Debian package taskwarrior)"}
    path = work / "tw-source.db"
    url = f"sqlite:///{path}"
    tracker = Tracker(url, today=date.today())
    from tracker.services.synthetic import generate

    generate(tracker.engine, size)
    rows = tracker.reader.rows(
        "SELECT a.id, t.text, d.number, g.id, a.due_on, a.completed_on, a.withdrawn_on FROM assignment a "
        "JOIN task t ON t.id = a.task_id JOIN directive d ON d.id = t.directive_id JOIN agency g ON g.id = a.agency_id"
    )
    busiest = tracker.reader.scalar(
        "SELECT agency_id FROM assignment GROUP BY agency_id ORDER BY count(*) DESC LIMIT 1"
    )
    exported = []
    for _aid, text, number, agency_id, due, done, gone in rows:
        item: dict[str, Any] = {"description": text, "project": f"a{agency_id}", "tags": [number.split("/")[0]]}
        if due:
            item["due"] = due.replace("-", "") + "T000000Z"
        if gone:
            item["status"], item["end"] = "deleted", gone.replace("-", "") + "T000000Z"
        elif done:
            item["status"], item["end"] = "completed", done.replace("-", "") + "T000000Z"
        else:
            item["status"] = "pending"
        exported.append(item)
    data = work / "taskdata"
    data.mkdir()
    rc = work / "taskrc"
    rc.write_text(f"data.location={data}\nconfirmation=off\nverbose=nothing\nhooks=off\ngc=off\n")
    env = {**os.environ, "TASKRC": str(rc), "TASKDATA": str(data)}
    source = work / "tasks.json"
    source.write_text(json.dumps(exported))
    started = time.perf_counter()
    subprocess.run([task, "import", str(source)], check=True, capture_output=True, env=env, stdin=subprocess.DEVNULL)
    import_s = time.perf_counter() - started
    theirs = subprocess.run([task, "+OVERDUE", "count"], check=True, capture_output=True, text=True, env=env)
    ours_cmd = [sys.executable, "-m", "tracker", "--db", url, "list", "--overdue", "--count"]
    ours = subprocess.run(
        ours_cmd, check=True, capture_output=True, text=True, env={**os.environ, "TRACKER_CONFIG": os.devnull}
    )
    task_ms = _process_ms([task, "+OVERDUE", "count"], repeat=3, env=env)
    ours_ms = _process_ms(ours_cmd, repeat=3, env={**os.environ, "TRACKER_CONFIG": os.devnull})
    task_filtered_ms = _process_ms([task, f"project:a{busiest}", "+OVERDUE", "count"], repeat=3, env=env)
    ours_filtered_ms = _process_ms(
        [*ours_cmd, "--agency", str(busiest)], repeat=3, env={**os.environ, "TRACKER_CONFIG": os.devnull}
    )
    tracker.close()
    return {
        "rows": size,
        "taskwarrior_version": subprocess.run(
            [task, "--version"], capture_output=True, text=True, env=env
        ).stdout.strip(),
        "taskwarrior_import_s": round(import_s, 1),
        "overdue_count_taskwarrior": int(theirs.stdout.strip() or 0),
        "overdue_count_tracker": int(ours.stdout.strip()),
        "overdue_count_process_ms": {"taskwarrior": task_ms, "tracker": ours_ms, "ratio": round(task_ms / ours_ms, 1)},
        "agency_overdue_count_process_ms": {
            "taskwarrior": task_filtered_ms,
            "tracker": ours_filtered_ms,
            "ratio": round(task_filtered_ms / ours_filtered_ms, 1),
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--postgres-size", type=int, default=1_000_000)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--no-taskwarrior", action="store_true")
    parser.add_argument("--taskwarrior-size", type=int, default=100_000)
    parser.add_argument("--import-max", type=int, default=100_000, help="Measure CSV import up to this size.")
    args = parser.parse_args()
    results: dict[str, Any] = {"machine": _machine(), "as_of": AS_OF.isoformat(), "sqlite": {}}
    with tempfile.TemporaryDirectory(prefix="tracker-bench-") as tmp:
        work = Path(tmp)
        for size in (int(s) for s in args.sizes.split(",") if s):
            path = work / f"bench-{size}.db"
            results["sqlite"][str(size)] = measure(f"sqlite:///{path}", size, path, args.import_max)
            print(json.dumps({"sqlite": {str(size): results["sqlite"][str(size)]}}), file=sys.stderr)
        if not args.no_postgres:
            from tests.pg_server import PostgresServer

            server = PostgresServer.start()
            try:
                from sqlalchemy import create_engine, text

                admin = create_engine(server.url(), isolation_level="AUTOCOMMIT")
                with admin.connect() as connection:
                    connection.execute(text("CREATE DATABASE bench"))
                admin.dispose()
                results["postgresql"] = {
                    str(args.postgres_size): measure(server.url("bench"), args.postgres_size, None)
                }
            finally:
                server.stop()
        if not args.no_taskwarrior:
            results["taskwarrior"] = taskwarrior(work, args.taskwarrior_size)
    results["machine"]["cpu_probe_ms_at_end"] = cpu_probe_ms()
    print(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()


def measure_ui(url: str, as_of: date = AS_OF) -> dict[str, Any]:
    """Headless, through Pilot: first frame, a filter keystroke, a search keystroke, cursor moves, memory."""
    import asyncio

    from textual.worker import WorkerCancelled

    from tracker.ui.app import TrackerApp
    from tracker.ui.assignment_list import AssignmentList

    async def settle(app: TrackerApp) -> None:
        """Wait for the workers; a reload cancels the one it replaces, which is not a failure here."""
        with contextlib.suppress(WorkerCancelled):
            await app.workers.wait_for_complete()

    async def run() -> dict[str, Any]:
        tracker = Tracker(url)
        app = TrackerApp(tracker, as_of, "vi")
        figures: dict[str, Any] = {}
        # When each frame was composed (headless, Textual composes every frame and skips only the write to
        # the terminal), and when each list load reached the screen's widgets: a keystroke's latency is
        # the time to the first frame composed after its rows were loaded, whatever Pilot then waits.
        frames: list[float] = []
        loads: list[float] = []
        display, loaded = app._display, TrackerApp.on_loaded

        def timed_display(screen: Any, renderable: Any) -> None:
            display(screen, renderable)
            if renderable is not None:
                frames.append(time.perf_counter())

        def timed_loaded(self: TrackerApp, message: Any) -> None:
            loads.append(time.perf_counter())  # the rows reach the widgets; the next frame shows them
            loaded(self, message)

        app._display = timed_display  # type: ignore[method-assign]
        TrackerApp.on_loaded = timed_loaded  # type: ignore[method-assign]  # handlers are found on the class

        def frame_after(moment: float) -> float:
            return min(frame for frame in frames if frame >= moment)

        def latency_of_load(begun: float, loads_before: int) -> float:
            """Milliseconds from a keystroke at ``begun`` to the first frame showing the rows it loaded."""
            return (frame_after(loads[loads_before]) - begun) * 1000

        started = time.perf_counter()
        async with app.run_test(size=(120, 40)) as pilot:
            while not app.model.total and time.perf_counter() - started < 30:
                await asyncio.sleep(0.005)
            figures["ui_first_rows_ms"] = round((time.perf_counter() - started) * 1000, 1)
            await settle(app)
            await pilot.pause()
            figures["ui_first_frame_ms"] = round((time.perf_counter() - started) * 1000, 1)
            figures["ui_first_rows_frame_ms"] = round(latency_of_load(started, 0), 1)
            filters, filter_frames = [], []
            for key in ("o", "o", "w", "w") * 5:
                begun, loads_before = time.perf_counter(), len(loads)
                await pilot.press(key)
                await settle(app)
                await pilot.pause()
                filters.append((time.perf_counter() - begun) * 1000)
                filter_frames.append(latency_of_load(begun, loads_before))
            filters.sort()
            filter_frames.sort()
            figures["ui_filter_p50_ms"] = round(filters[len(filters) // 2], 1)
            figures["ui_filter_p95_ms"] = round(filters[int(len(filters) * 0.95) - 1], 1)
            figures["ui_filter_to_frame_p50_ms"] = round(filter_frames[len(filter_frames) // 2], 1)
            figures["ui_filter_to_frame_p95_ms"] = round(filter_frames[int(len(filter_frames) * 0.95) - 1], 1)
            await pilot.press("slash")
            searches, search_frames = [], []
            for key in "so noi vu":
                begun, loads_before = time.perf_counter(), len(loads)
                await pilot.press(key if key != " " else "space")
                await pilot.pause(0.16)  # the count waits until the typing pauses
                await settle(app)
                await pilot.pause()
                searches.append((time.perf_counter() - begun) * 1000 - 160)
                if len(loads) > loads_before:  # a space alone changes no search
                    search_frames.append(latency_of_load(begun, loads_before))
            searches.sort()
            figures["ui_search_keystroke_p50_ms"] = round(searches[len(searches) // 2], 1)
            figures["ui_search_keystroke_max_ms"] = round(searches[-1], 1)
            figures["ui_search_to_frame_max_ms"] = round(max(search_frames), 1)
            await pilot.press("enter", "escape")
            await settle(app)
            listing = app.query_one("#list", AssignmentList)
            listing.focus()
            moves, move_frames = [], []
            for key in ("down",) * 30 + ("pagedown",) * 10:
                begun = time.perf_counter()
                await pilot.press(key)
                await pilot.pause()
                moves.append((time.perf_counter() - begun) * 1000)
                move_frames.append((frame_after(begun) - begun) * 1000)
            moves.sort()
            move_frames.sort()
            figures["ui_cursor_to_frame_p95_ms"] = round(move_frames[int(len(move_frames) * 0.95) - 1], 1)
            figures["ui_cursor_move_p50_ms"] = round(moves[len(moves) // 2], 1)
            figures["ui_cursor_move_p95_ms"] = round(moves[int(len(moves) * 0.95) - 1], 1)
            # Pilot's press() waits for the process to go idle (at least three 20 ms sleeps), so the figures
            # above have a floor of about 60 ms whatever the app does. This one times the app's own work for
            # a move: the handler, then drawing every visible line of the list (a frame redraws fewer).
            renders = []
            for step in (1,) * 40 + (listing.size.height - 2,) * 20 + (-1,) * 20:
                begun = time.perf_counter()
                listing.action_cursor(step)
                for y in range(listing.size.height):
                    listing.render_line(y)
                renders.append((time.perf_counter() - begun) * 1000)
                if listing.model.row(listing.cursor) is None:
                    await settle(app)
                    await pilot.pause()
            renders.sort()
            figures["ui_cursor_work_p50_ms"] = round(renders[len(renders) // 2], 2)
            figures["ui_cursor_work_p95_ms"] = round(renders[int(len(renders) * 0.95) - 1], 2)
            # The same for a filter: the first page read and drawn (what the clerk waits for), then the
            # count of matching rows, which the UI fills in after the rows are on screen.
            from tracker.services.views import View

            def time_view(criteria: AssignmentFilter) -> tuple[float, float]:
                """Milliseconds to read and draw the first page of ``criteria``, then to count it."""
                begun = time.perf_counter()
                view = View(criteria, as_of)
                app.source.want(view)
                app.model.show(app.source.first_page(view))
                for y in range(listing.size.height):
                    listing.render_line(y)
                drawn = time.perf_counter()
                app.source.count(view)
                return (drawn - begun) * 1000, (time.perf_counter() - drawn) * 1000

            views = [
                AssignmentFilter(overdue=True),
                AssignmentFilter(overdue=True, due_within=7),
                AssignmentFilter(due_within=7),
                AssignmentFilter(),
            ] * 5
            pages, counts = (sorted(times) for times in zip(*(time_view(c) for c in views), strict=True))
            figures["ui_filter_rows_work_p95_ms"] = round(pages[int(len(pages) * 0.95) - 1], 2)
            figures["ui_filter_count_p95_ms"] = round(counts[int(len(counts) * 0.95) - 1], 2)
            # And for each keystroke of a search: matching rows read and drawn, then their count.
            text = "so noi vu"
            keystrokes = [AssignmentFilter(search=text[:end].strip() or None) for end in range(1, len(text) + 1)]
            search_pages, search_counts = zip(*(time_view(c) for c in keystrokes), strict=True)
            figures["ui_search_rows_work_max_ms"] = round(max(search_pages), 1)
            figures["ui_search_count_max_ms"] = round(max(search_counts), 1)
        figures["ui_memory_peak_mb"] = _peak_rss_mb()
        tracker.close()
        return figures

    return asyncio.run(run())
