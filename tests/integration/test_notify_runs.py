"""Notify runs that overlap, wait for a database lock or are killed, against a real SMTP server on
127.0.0.1 (aiosmtpd), on SQLite and PostgreSQL: every digest reaches each address exactly once a day,
bar a crash between the server's reply and the sent log's write (which a bounded kill -9 test counts),
and the resend then carries the same Message-ID."""

from __future__ import annotations

import contextlib
import os
import random
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from sqlalchemy import create_engine, text

import tracker
from tests.integration.cli_runner import run
from tests.integration.mailbox import Server, plain_server

pytestmark = pytest.mark.usefixtures("backend")
__all__ = ["plain_server"]  # the fixture

DUE = date(2020, 3, 1)
MANY = 300
"""Agencies in the database of :func:`many_url`, each with an address and an overdue assignment."""


@pytest.fixture
def many_url(db_url: str) -> str:
    """A database where :data:`MANY` agencies each owe one assignment due on :data:`DUE`: each later day
    has MANY + 1 digests (the summary's too)."""
    t = tracker.open(db_url)
    t.jurisdiction("x", "Tỉnh X")
    agencies = [f"Cơ quan {number:03}" for number in range(MANY)]
    for number, name in enumerate(agencies):
        t.agency(name, emails=[f"cq{number:03}@example.org"], jurisdiction="x")
    t.directive("1/KH-UBND").assign("1", "Báo cáo tình hình thực hiện", lead=agencies, due=DUE)
    t.close()
    return db_url


def _command(url: str, day: date) -> list[str]:
    return [sys.executable, "-m", "tracker", "--db", url, "--as-of", f"{day:%d/%m/%Y}", "notify"]


def _environment(server: Server) -> dict[str, str]:
    return {**os.environ, **server.environment()}


def _ids_of(server: Server, day: date) -> Counter[str]:
    """How many times each Message-ID of ``day`` reached the server."""
    stamp = f"<tracker.{day:%Y%m%d}."
    counts: Counter[str] = Counter()
    for content, _ in list(server.box.accepted):
        start = content.find(b"Message-ID: ")
        identifier = content[start + 12 : content.find(b"\r\n", start)].decode() if start >= 0 else ""
        if identifier.startswith(stamp):
            counts[identifier] += 1
    return counts


def _wait_for(condition: object, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.002)


# --- two runs at once --------------------------------------------------------------------------


def test_overlapping_runs_send_once_and_the_second_says_one_is_running(
    demo_url: str, plain_server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    plain_server.box.delay = 0.3  # a slow server: the first run is still sending when the second starts
    day = date(2020, 3, 21)
    first = subprocess.Popen(
        _command(demo_url, day),
        env=_environment(plain_server),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    _wait_for(lambda: len(plain_server.box.accepted) >= 1)
    second = run(capsys, "--db", demo_url, "--as-of", "21/3/2020", "notify")
    assert second.code == 1 and second.err.count("\n") == 1
    assert "một lượt 'tracker notify' khác đang gửi thư" in second.err
    assert "Traceback" not in second.err and "Integrity" not in second.err
    _, err = first.communicate(timeout=60)
    assert first.returncode == 0, err.decode()
    counts = _ids_of(plain_server, day)
    assert len(counts) == 4 and set(counts.values()) == {1}
    plain_server.box.delay = 0
    third = run(capsys, "--db", demo_url, "--as-of", "21/3/2020", "notify")  # the lock went with the first
    assert third.code == 0 and "0 thư đã gửi, 4 thư đã gửi trước đó" in third.out


# --- a write lock held elsewhere for longer than SQLite's five seconds ---------------------------


@contextlib.contextmanager
def _write_lock_held(url: str, seconds: float) -> Iterator[None]:
    """Another connection holds the database's write lock (SQLite) or a lock on the sent log that
    blocks writes to it (PostgreSQL) for ``seconds``, from a thread; the block runs while it is held."""
    held = threading.Event()

    def hold() -> None:
        if url.startswith("sqlite"):
            database = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None)
            database.execute("BEGIN IMMEDIATE")
            database.execute("UPDATE agency SET name = name WHERE id = (SELECT min(id) FROM agency)")
            held.set()
            time.sleep(seconds)
            database.execute("COMMIT")
            database.close()
            return
        engine = create_engine(url)
        with engine.begin() as connection:
            connection.execute(text("LOCK TABLE sent_digest IN EXCLUSIVE MODE"))
            held.set()
            time.sleep(seconds)
        engine.dispose()

    thread = threading.Thread(target=hold)
    thread.start()
    assert held.wait(10)
    try:
        yield
    finally:
        thread.join()


def test_a_write_lock_held_longer_than_five_seconds_is_waited_out(
    demo_url: str, plain_server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    with _write_lock_held(demo_url, 7):
        started = time.monotonic()
        result = run(capsys, "--db", demo_url, "--as-of", "21/3/2020", "notify")
        waited = time.monotonic() - started
    assert result.code == 0, result.err
    assert "Traceback" not in result.err and "locked" not in result.err
    assert waited > 5  # the first record waited for the lock: it was not given up on
    day = date(2020, 3, 21)
    assert set(_ids_of(plain_server, day).values()) == {1} and len(_ids_of(plain_server, day)) == 4
    rerun = run(capsys, "--db", demo_url, "--as-of", "21/3/2020", "notify")
    assert rerun.code == 0 and "0 thư đã gửi, 4 thư đã gửi trước đó" in rerun.out
    assert set(_ids_of(plain_server, day).values()) == {1}  # no duplicate


def test_a_lock_held_beyond_the_wait_stops_the_run_and_the_resend_has_the_same_message_id(
    demo_url: str, plain_server: Server, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("tracker.notify.sentlog.RECORD_WAIT_SECONDS", 1)
    with _write_lock_held(demo_url, 4):
        result = run(capsys, "--db", demo_url, "--as-of", "21/3/2020", "notify")
    assert result.code == 1 and result.err.count("\n") == 1 and "Traceback" not in result.err
    assert "không ghi nhận được" in result.err and "vẫn bị khóa ghi sau 1 giây" in result.err
    day = date(2020, 3, 21)
    (unrecorded,) = _ids_of(plain_server, day)
    assert unrecorded in result.err and len(plain_server.box.accepted) == 1  # the run stopped there
    rerun = run(capsys, "--db", demo_url, "--as-of", "21/3/2020", "notify")
    assert rerun.code == 0, rerun.err
    counts = _ids_of(plain_server, day)
    assert len(counts) == 4 and counts[unrecorded] == 2  # the one resend is recognisably the same message
    assert sum(counts.values()) == 5


# --- kill -9 ---------------------------------------------------------------------------------------

KILLS = int(os.environ.get("NOTIFY_TEST_KILLS", "5"))
"""kill -9 runs in the test (each on a new day); set the variable for a longer measurement."""
SEED = int(os.environ.get("NOTIFY_TEST_SEED", "0")) or random.SystemRandom().randrange(1, 2**31)
"""The random kill moments' seed: given to repeat a run, else new each time (and printed)."""


_KILLER = (
    "import subprocess, sys, time\n"
    "child = subprocess.Popen(sys.argv[2:], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, "
    "stderr=subprocess.DEVNULL)\n"
    "try:\n"
    "    child.wait(float(sys.argv[1]))\n"
    "except subprocess.TimeoutExpired:\n"
    "    child.kill()\n"
    "sys.exit(-child.wait())\n"
)
"""Runs a command and kills it (SIGKILL) after the given seconds; exits with the signal's number if it
did. A process of its own: the moment of the kill owes nothing to this process's threads (the SMTP
server's among them), which a kill sent from here would wait on for the interpreter's lock."""


def test_kill_9_during_a_run_then_a_rerun_loses_nothing_and_rarely_duplicates(
    many_url: str, plain_server: Server
) -> None:
    """Each round kills a run at a random moment of its sending, then runs again: every digest of the day
    reaches the server (none lost), and a digest reaches it twice only when the kill fell between the
    server's reply and the sent log's write. The moments are uniform over the sending, as a first full
    run measured it (from the run's start to its first message, and to its end). The server takes a few
    milliseconds per message, as one across a network does: on loopback with no latency at all, the
    sent log's write would be a share of each message's time that no real server leaves it."""
    plain_server.box.rcpt_delay = 0.002
    environment = _environment(plain_server)
    calibration = date(2020, 3, 2)
    started = time.monotonic()
    process = subprocess.Popen(
        _command(many_url, calibration),
        env=environment,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _wait_for(lambda: len(_ids_of(plain_server, calibration)) >= 1 or process.poll() is not None)
    first_message = time.monotonic() - started
    _, err = process.communicate(timeout=120)
    whole_run = time.monotonic() - started
    assert process.returncode == 0, err.decode()
    assert len(_ids_of(plain_server, calibration)) == MANY + 1
    chooser = random.Random(SEED)
    duplicates: list[int] = []
    day = calibration
    rounds = 0
    while len(duplicates) < KILLS:
        rounds += 1
        assert rounds < 3 * KILLS + 5, "the runs keep ending before the kill"
        day += timedelta(days=1)
        moment = chooser.uniform(first_message, whole_run)
        killed = subprocess.run(
            [sys.executable, "-c", _KILLER, f"{moment:.4f}", *_command(many_url, day)], env=environment, check=False
        )
        if killed.returncode != 9 or len(_ids_of(plain_server, day)) >= MANY + 1:
            continue  # it had finished, or not begun to send: not a kill during the sending
        rerun = subprocess.run(_command(many_url, day), env=environment, capture_output=True, check=False)
        assert rerun.returncode == 0, rerun.stderr.decode()
        counts = _ids_of(plain_server, day)
        assert len(counts) == MANY + 1  # none lost
        duplicates.append(sum(count - 1 for count in counts.values()))
    print(
        f"kill -9: {sum(duplicates)} duplicate(s) in {len(duplicates)} kills {duplicates}; "
        f"{rounds} rounds; sending from {first_message:.2f} s to {whole_run:.2f} s; seed {SEED}"
    )
    assert max(duplicates) <= 1  # a kill interrupts one message at most
    assert sum(duplicates) <= max(1, len(duplicates) // 5)


# --- the sent log across the migration that gave it its refused addresses -------------------------


def test_the_upgrade_to_the_refused_addresses_keeps_the_sent_log(blank_url: str) -> None:
    from tracker.store.engine import make_engine
    from tracker.store.migrate import downgrade, upgrade

    engine = make_engine(blank_url)
    upgrade(engine, "0007")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO sent_digest (digest_date, digest_key, recipients, message_id, sent_at) VALUES "
                "('2020-03-21', 'agency:1', 'a@example.org', '<m1@example.org>', '2020-03-21 07:00:00'), "
                "('2020-03-21', 'summary', 'vp@example.org, snv@example.org', '<m2@example.org>', "
                "'2020-03-21 07:00:01')"
            )
        )
    upgrade(engine)
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT digest_key, recipients, refused, message_id FROM sent_digest ORDER BY id")
        ).all()
    assert [tuple(row) for row in rows] == [
        ("agency:1", "a@example.org", "", "<m1@example.org>"),
        ("summary", "vp@example.org, snv@example.org", "", "<m2@example.org>"),
    ]
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO sent_digest (digest_date, digest_key, recipients, refused, message_id, sent_at) VALUES "
                "('2020-03-21', 'agency:2', '', 'b@@example.org: not an address', '<m3@example.org>', "
                "'2020-03-21 07:00:02')"
            )
        )
    downgrade(engine, "0007")  # a row that reached no address was never sent: the older schema has none
    with engine.connect() as connection:
        kept = connection.execute(text("SELECT digest_key FROM sent_digest ORDER BY id")).scalars().all()
    assert kept == ["agency:1", "summary"]
    engine.dispose()
