"""Notify and its addresses, against a real SMTP server on 127.0.0.1 (aiosmtpd), on SQLite and
PostgreSQL: a bad or refused address stops nothing and is named at the end, the next run sends only
what is missing (with the same Message-ID), the sender may carry a display name, no password crosses
the network in clear unless allowed, agencies without an address are named, and a dry run on a day
already sent says so."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from collections import Counter
from email.headerregistry import Address
from email.message import EmailMessage

import pytest
from sqlalchemy import text

import tracker
from tests.integration.cli_runner import Result, run
from tests.integration.mailbox import Mailbox, Server, mailbox, plain_server

pytestmark = pytest.mark.usefixtures("backend")
__all__ = ["mailbox", "plain_server"]  # the fixtures

DAY = "21/3/2020"  # a Saturday: Sở Xây dựng, Thanh tra tỉnh and UBND huyện Sơn Động owe, and the summary


def _notify(capsys: pytest.CaptureFixture[str], url: str, *args: str) -> Result:
    return run(capsys, "--db", url, "--as-of", DAY, "notify", *args)


def _sql(url: str, statement: str) -> None:
    t = tracker.open(url)
    with t.engine.begin() as connection:
        connection.execute(text(statement))
    t.close()


def _sent_log(url: str) -> dict[str, tuple[str, str]]:
    t = tracker.open(url)
    rows = t.reader.rows("SELECT digest_key, recipients, refused FROM sent_digest")
    t.close()
    return {key: (recipients, refused) for key, recipients, refused in rows}


def _who(message: EmailMessage) -> tuple[str, str]:
    return str(message["Subject"]).split(":")[0], str(message["X-Envelope-To"])


def test_a_bad_or_refused_address_stops_nothing_and_the_rerun_sends_only_what_is_missing(
    demo_url: str, mailbox: Mailbox, capsys: pytest.CaptureFixture[str]
) -> None:
    # An address that is not one (in the database from before addresses were checked), an address the
    # server refuses, and one of the summary's two addresses refused.
    _sql(
        demo_url,
        "UPDATE agency_contact SET email = 'sxd-typo@@bacgiang.example.org' WHERE email = 'sxd@bacgiang.example.org'",
    )
    mailbox.refuse = {"ttt@bacgiang.example.org", "snv@example.org"}
    first = _notify(capsys, demo_url)
    assert first.code == 1 and "Traceback" not in first.err
    assert first.err.count("\n") == 1  # the one line at the end names the addresses to fix, and why
    assert (
        "sxd-typo@@bacgiang.example.org (Sở Xây dựng: “sxd-typo@@bacgiang.example.org” không phải là địa "
        "chỉ email: phải có đúng một dấu @)" in first.err
    )
    assert "ttt@bacgiang.example.org (Thanh tra tỉnh: máy chủ từ chối: 550 5.1.1 mailbox unavailable)" in first.err
    assert "snv@example.org (Tổng hợp: máy chủ từ chối: 550" in first.err
    assert "2 thư đã gửi" in first.err and "Chưa gửi được tới 3 địa chỉ" in first.err
    sent = [_who(m) for m in mailbox.messages]
    assert sorted(sent) == sorted(
        [
            ("[Theo dõi nhiệm vụ] UBND huyện Sơn Động", "hsondong@bacgiang.example.org"),
            ("[Theo dõi nhiệm vụ] Tổng hợp", "vp@example.org"),
        ]
    )
    log = _sent_log(demo_url)
    assert log["summary"] == ("vp@example.org", "snv@example.org: refused by the server: 550 5.1.1 mailbox unavailable")
    assert sorted(refused for recipients, refused in log.values() if not recipients) == [
        "sxd-typo@@bacgiang.example.org: “sxd-typo@@bacgiang.example.org” is not an email address: it must hold "
        "exactly one @.",
        "ttt@bacgiang.example.org: refused by the server: 550 5.1.1 mailbox unavailable",
    ]

    # Nothing fixed: the rerun tries the same three addresses only, and says so again.
    again = _notify(capsys, demo_url)
    assert again.code == 1 and "Chưa gửi được tới 3 địa chỉ" in again.err and "0 thư đã gửi" in again.err
    assert len(mailbox.messages) == 2

    # Fixed: each missing address gets its digest once, and nobody else gets anything.
    _sql(
        demo_url,
        "UPDATE agency_contact SET email = 'sxd@bacgiang.example.org' WHERE email = 'sxd-typo@@bacgiang.example.org'",
    )
    mailbox.refuse = set()
    fixed = _notify(capsys, demo_url)
    assert fixed.code == 0, fixed.err
    assert "3 thư đã gửi, 1 thư đã gửi trước đó" in fixed.out
    resent = [_who(m) for m in mailbox.messages[2:]]
    assert sorted(resent) == sorted(
        [
            ("[Theo dõi nhiệm vụ] Sở Xây dựng", "sxd@bacgiang.example.org"),
            ("[Theo dõi nhiệm vụ] Thanh tra tỉnh", "ttt@bacgiang.example.org"),
            ("[Theo dõi nhiệm vụ] Tổng hợp", "snv@example.org"),
        ]
    )
    summaries = [m for m in mailbox.messages if "Tổng hợp" in str(m["Subject"])]
    assert len({str(m["Message-ID"]) for m in summaries}) == 1  # the resend is recognisably the same message
    assert all(message["To"] == "vp@example.org, snv@example.org" for message in summaries)
    assert _sent_log(demo_url)["summary"] == ("vp@example.org, snv@example.org", "")
    assert _notify(capsys, demo_url).code == 0 and len(mailbox.messages) == 5


def test_the_message_id_is_one_per_digest_and_day(
    demo_url: str, mailbox: Mailbox, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _notify(capsys, demo_url).code == 0
    assert run(capsys, "--db", demo_url, "--as-of", "23/3/2020", "notify").code == 0
    ids = Counter(str(m["Message-ID"]) for m in mailbox.messages)
    assert len(ids) == len(mailbox.messages) and set(ids.values()) == {1}
    days = Counter(i.split(".")[1] for i in ids)
    assert days["20200321"] == 4 and days["20200323"] >= 2 and all(i.endswith("@example.org>") for i in ids)


def test_the_sender_may_carry_a_display_name(
    demo_url: str, mailbox: Mailbox, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRACKER_MAIL_FROM", "Văn phòng UBND tỉnh <vp@bacgiang.example.org>")
    result = _notify(capsys, demo_url, "--agency", "bac-giang:Sở Xây dựng")
    assert result.code == 0, result.err
    (message,) = mailbox.messages
    (sender,) = message["From"].addresses
    assert sender == Address("Văn phòng UBND tỉnh", addr_spec="vp@bacgiang.example.org")
    assert mailbox.senders == ["vp@bacgiang.example.org"]  # the envelope carries the address alone
    assert message["Message-ID"].endswith("@bacgiang.example.org>")
    monkeypatch.setenv("TRACKER_MAIL_FROM", "Văn phòng UBND <vp@@bacgiang.example.org>")
    bad = _notify(capsys, demo_url)
    assert bad.code == 1 and "TRACKER_MAIL_FROM: “vp@@bacgiang.example.org” không phải là địa chỉ email" in bad.err
    assert len(mailbox.messages) == 1


def test_a_password_is_not_sent_in_clear_unless_allowed(
    demo_url: str, plain_server: Server, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRACKER_SMTP_USER", "tracker")
    monkeypatch.setenv("TRACKER_SMTP_PASSWORD", "s3cret")
    refused = _notify(capsys, demo_url)
    assert refused.code == 1 and refused.err.count("\n") == 1
    assert "TRACKER_SMTP_ALLOW_CLEARTEXT_AUTH=true" in refused.err and "s3cret" not in refused.err
    assert plain_server.box.logins == [] and plain_server.box.messages == []
    monkeypatch.setenv("TRACKER_SMTP_ALLOW_CLEARTEXT_AUTH", "true")
    allowed = _notify(capsys, demo_url)
    assert allowed.code == 0, allowed.err
    assert plain_server.box.logins == [b"tracker"] and len(plain_server.box.messages) == 4


def test_agencies_with_work_but_no_address_are_named(
    demo_url: str, mailbox: Mailbox, capsys: pytest.CaptureFixture[str]
) -> None:
    _sql(demo_url, "DELETE FROM agency_contact WHERE email = 'ttt@bacgiang.example.org'")
    result = _notify(capsys, demo_url)
    assert result.code == 0, result.err
    line = next(line for line in result.out.splitlines() if "chưa có địa chỉ email" in line)
    assert line.startswith("1 cơ quan có nhiệm vụ quá hạn") and "Thanh tra tỉnh" in line
    assert "tracker agency edit" in line
    assert len(mailbox.messages) == 3
    dry = _notify(capsys, demo_url, "--dry-run")
    assert any("chưa có địa chỉ email" in line and "Thanh tra tỉnh" in line for line in dry.out.splitlines())


def test_a_dry_run_on_a_day_already_sent_says_so(
    demo_url: str, mailbox: Mailbox, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _notify(capsys, demo_url, "--dry-run")
    assert before.out.count("Tiêu đề: ") == 4
    assert before.out.splitlines()[-1].startswith("Chạy thử (21/03/2020): 4 thư sẽ được gửi, 0 thư đã gửi trước đó")
    assert _notify(capsys, demo_url).code == 0
    after = _notify(capsys, demo_url, "--dry-run")
    assert after.code == 0 and "Tiêu đề: " not in after.out
    assert after.out.count("Đã gửi lúc ") == 4 and "“[Theo dõi nhiệm vụ] Sở Xây dựng" in after.out
    assert "cả 4 thư của ngày này đã được gửi" in after.out.splitlines()[-1]
    assert len(mailbox.messages) == 4


def _notify_process(url: str, env: dict[str, str], *, terminal: bool) -> tuple[int, bytes, bytes]:
    """``tracker notify`` in a child process, its standard error a pseudo-terminal or a pipe."""
    command = [sys.executable, "-m", "tracker", "--db", url, "--as-of", DAY, "notify"]
    environment = {**os.environ, **env, "COLUMNS": "100", "TERM": "xterm-256color"}
    if not terminal:
        done = subprocess.run(command, capture_output=True, env=environment, stdin=subprocess.DEVNULL, check=False)
        return done.returncode, done.stdout, done.stderr
    main, child = pty.openpty()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=child, stdin=subprocess.DEVNULL, env=environment)
    os.close(child)
    seen = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    out = process.stdout.read() if process.stdout else b""
    code = process.wait(timeout=60)
    os.close(main)
    return code, out, seen


def test_a_progress_bar_on_a_terminal_and_silence_in_a_pipe(demo_url: str, plain_server: Server) -> None:
    piped = _notify_process(demo_url, plain_server.environment(), terminal=False)
    assert piped[0] == 0 and piped[2] == b"" and b"4 th" in piped[1]
    _sql(demo_url, "DELETE FROM sent_digest")
    code, out, terminal = _notify_process(demo_url, plain_server.environment(), terminal=True)
    assert code == 0, terminal[-2000:]
    assert "Đang gửi thư".encode() in terminal and b"4/4" in terminal
    assert b"4 th" in out
