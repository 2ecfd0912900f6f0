"""The daily email against a real SMTP server on 127.0.0.1 (aiosmtpd) with STARTTLS and AUTH, faults
included; on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from datetime import date
from email.message import EmailMessage
from typing import Any

import pytest
from aiosmtpd.controller import Controller

import tracker
from tests.integration.cli_runner import run
from tests.integration.mailbox import Mailbox, free_port, mailbox
from tests.processes import no_children_left

pytestmark = pytest.mark.usefixtures("backend")
__all__ = ["mailbox"]  # the fixture


DAY = "21/3/2020"  # a Saturday: Sở Xây dựng and Thanh tra tỉnh owe February and March


def _body(message: EmailMessage, kind: str) -> str:
    part = message.get_body((kind,))
    assert part is not None
    return str(part.get_content())


def _notify(capsys: pytest.CaptureFixture[str], url: str, *args: str) -> Any:
    return run(capsys, "--db", url, "--as-of", DAY, "notify", *args)


def _sent_log(url: str) -> list[str]:
    t = tracker.open(url)
    keys = [row[0] for row in t.reader.rows("SELECT digest_key FROM sent_digest ORDER BY id")]
    t.close()
    return keys


def test_digests_are_sent_once_with_decoded_vietnamese(
    demo_url: str, mailbox: Mailbox, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _notify(capsys, demo_url)
    assert first.code == 0, first.err
    subjects = [m["Subject"] for m in mailbox.messages]
    assert "[Theo dõi nhiệm vụ] Sở Xây dựng: 2 quá hạn, 0 sắp đến hạn (21/03/2020)" in subjects
    assert subjects[-1].startswith("[Theo dõi nhiệm vụ] Tổng hợp:")
    builder = next(m for m in mailbox.messages if "Sở Xây dựng" in m["Subject"])
    assert builder["To"] == "sxd@bacgiang.example.org" and builder["Message-ID"] and builder["Date"]
    text = _body(builder, "plain")
    html = _body(builder, "html")
    assert "4515/KH-UBND ngày 18/12/2019" in text and "quá hạn 30 ngày" in text and "trước ngày 20 hàng tháng" in text
    assert "quá hạn 30 ngày" in html and "<table" in html
    summary = mailbox.messages[-1]
    assert summary["X-Envelope-To"] == "vp@example.org, snv@example.org"
    summary_text = _body(summary, "plain")
    assert "Sở Xây dựng: 2 quá hạn" in summary_text
    # The full overdue list: each overdue task and period once, naming the lead agencies that owe it.
    february = next(block for block in summary_text.split("\n- ") if "2020-02 - quá hạn 30 ngày" in block)
    assert "Cơ quan chủ trì chưa hoàn thành (2): Sở Xây dựng, Thanh tra tỉnh" in february
    assert summary_text.count("2020-02 - quá hạn 30 ngày") == 1
    assert "<td>Sở Xây dựng, Thanh tra tỉnh</td>" in _body(summary, "html")
    count = len(mailbox.messages)
    assert len(_sent_log(demo_url)) == count
    second = _notify(capsys, demo_url)
    assert second.code == 0 and len(mailbox.messages) == count
    assert f"0 thư đã gửi, {count} thư đã gửi trước đó" in second.out


@pytest.mark.parametrize("fault", ["451", "dropped"])
def test_a_failed_run_records_what_was_sent_and_the_next_sends_the_rest_once(
    demo_url: str, mailbox: Mailbox, capsys: pytest.CaptureFixture[str], fault: str
) -> None:
    """A fault that would fail every later digest too (the server says "try later" or drops the line)
    stops the run; what was accepted is recorded, and the next run sends the rest. (A refused address
    stops nothing: tests/integration/test_notify_addresses.py.)"""
    if fault == "451":
        mailbox.fail_after, mailbox.data_reply = 1, "451 4.3.0 try again later"
    else:
        mailbox.fail_after, mailbox.drop_on_data = 1, True
    failed = _notify(capsys, demo_url)
    assert failed.code == 1
    assert failed.err.count("\n") == 1 and "Traceback" not in failed.err
    assert "1 trên 4 thư đã gửi và ghi nhận" in failed.err and "Chạy lại" in failed.err
    assert len(mailbox.messages) == 1 and len(_sent_log(demo_url)) == 1
    mailbox.data_reply, mailbox.drop_on_data = None, False
    again = _notify(capsys, demo_url)
    assert again.code == 0, again.err
    subjects = [m["Subject"] for m in mailbox.messages]
    assert len(subjects) == len(set(subjects))  # nobody got a digest twice
    assert len(subjects) == len(_sent_log(demo_url)) > 3


def test_a_connection_dropped_while_sending_is_said_in_the_users_language(
    demo_url: str, mailbox: Mailbox, capsys: pytest.CaptureFixture[str]
) -> None:
    mailbox.fail_after, mailbox.drop_on_data = 1, True
    failed = _notify(capsys, demo_url)
    assert failed.code == 1 and "máy chủ đã đóng kết nối" in failed.err and "Connection" not in failed.err
    english = _notify(capsys, demo_url, "--lang", "en")
    assert english.code == 1 and "the server closed the connection" in english.err, english.err


def test_newlines_in_names_and_tasks_cannot_add_headers(
    db_url: str, mailbox: Mailbox, capsys: pytest.CaptureFixture[str]
) -> None:
    t = tracker.open(db_url)
    t.jurisdiction("x", "Tỉnh X")
    with t.transaction() as session:
        from tracker.services.agencies import AgencySpec, find_jurisdiction, upsert_agency

        agency = upsert_agency(session, find_jurisdiction(session, "x"), AgencySpec("Sở A", emails=["a@example.org"]))
        agency.name = "Sở A\r\nBcc: evil@example.org"
    t.directive("1/KH").assign("1", "Việc\r\nBcc: evil@example.org", lead="Sở A", due="1/3/2020")
    t.close()
    result = _notify(capsys, db_url)
    assert result.code == 0, result.err
    for message in mailbox.messages:
        assert message["Bcc"] is None
        assert "\n" not in message["Subject"]
        assert "evil@example.org" not in message["X-Envelope-To"]


def test_weekdays_only_sends_nothing_on_saturday(
    demo_url: str, mailbox: Mailbox, capsys: pytest.CaptureFixture[str]
) -> None:
    result = _notify(capsys, demo_url, "--weekdays-only")
    assert result.code == 0 and "không phải ngày làm việc" in result.out
    assert mailbox.messages == []
    holiday = run(capsys, "--db", demo_url, "--as-of", "30/4/2020", "notify", "--weekdays-only")
    assert holiday.code == 0 and mailbox.messages == []


def test_to_sends_everything_to_one_address_without_marking_the_real_digests(
    demo_url: str, mailbox: Mailbox, capsys: pytest.CaptureFixture[str]
) -> None:
    result = _notify(capsys, demo_url, "--to", "thu@example.org", "--agency", "bac-giang:Sở Xây dựng")
    assert result.code == 0, result.err
    assert [m["X-Envelope-To"] for m in mailbox.messages] == ["thu@example.org"]
    assert _sent_log(demo_url) == ["thu@example.org>agency:" + _sent_log(demo_url)[0].split(":")[-1]]
    real = _notify(capsys, demo_url, "--agency", "bac-giang:Sở Xây dựng")
    assert real.code == 0 and mailbox.messages[-1]["X-Envelope-To"] == "sxd@bacgiang.example.org"


def test_a_past_date_lists_what_was_open_then_in_the_same_order(demo_url: str) -> None:
    """The digests of a past day list what was open on that day: an assignment completed or withdrawn
    since then is still in them, where it was (the run reads open rows and the rows closed since as two
    sorted parts), and every agency's digest is in both languages and in the same order as before."""
    from tracker.notify.digest import build_digests

    t = tracker.open(demo_url)
    as_of = date(2020, 3, 21)

    def digests(lang: str) -> list[tuple[str, str, str]]:
        plan = build_digests(t.reader, as_of, secretariat=["vp@example.org"], lang=lang)
        return [(d.subject, d.text, d.html) for d in plan.digests]

    before = {lang: digests(lang) for lang in ("vi", "en")}
    overdue = t.overdue(as_of)
    assert len(overdue) >= 3
    t.complete(overdue[0].id, on=date(2020, 4, 2), ref="Báo cáo 12/BC")
    t.withdraw(overdue[-1].id, reason="trùng nhiệm vụ", on=date(2020, 4, 3))
    assert len(t.overdue(date(2020, 4, 5))) < len(t.overdue(as_of))
    assert {lang: digests(lang) for lang in ("vi", "en")} == before
    t.complete(overdue[1].id, on=date(2020, 3, 20))
    assert digests("vi") != before["vi"]  # done before the day: no longer owed on it
    t.close()


def test_dry_run_prints_and_records_nothing(
    demo_url: str, mailbox: Mailbox, capsys: pytest.CaptureFixture[str]
) -> None:
    result = _notify(capsys, demo_url, "--dry-run", "--only-overdue")
    assert result.code == 0 and "Tiêu đề: [Theo dõi nhiệm vụ] Sở Xây dựng" in result.out
    assert mailbox.messages == [] and _sent_log(demo_url) == []


def test_bad_settings_are_one_line(
    demo_url: str, mailbox: Mailbox, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRACKER_SMTP_PASSWORD", "wrong")
    monkeypatch.setenv("TRACKER_SMTP_TIMEOUT", "3")
    result = _notify(capsys, demo_url)
    assert result.code == 1 and "không dùng được máy chủ thư 127.0.0.1" in result.err and result.err.count("\n") == 1
    monkeypatch.setenv("TRACKER_SMTP_SECURITY", "tls13")
    assert "chỉ dùng none, starttls hoặc ssl" in _notify(capsys, demo_url).err
    assert _sent_log(demo_url) == []


def _said_without_os_text(result: Any) -> str:
    """The one line a refused run prints, checked to hold none of the OS's or OpenSSL's English."""
    assert result.code == 1 and result.err.count("\n") == 1 and "Traceback" not in result.err, result.err
    for english in ("Errno", "refused", "not known", "timed out", "SSL", "certificate verify", "Connection"):
        assert english not in result.err, result.err
    return str(result.err)


def test_a_server_that_cannot_be_reached_is_said_in_the_users_language_with_what_to_check(
    demo_url: str, mailbox: Mailbox, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The common ways a connection fails, each for real: nothing listening, a name that does not
    resolve, a server that never answers, TLS against a STARTTLS port, an untrusted certificate, a
    wrong password. Each says the server and what to check, in Vietnamese and in English."""
    box_port, cafile = os.environ["TRACKER_SMTP_PORT"], os.environ["TRACKER_SMTP_CAFILE"]
    closed = free_port()  # nothing listens there
    monkeypatch.setenv("TRACKER_SMTP_PORT", str(closed))
    down = _said_without_os_text(_notify(capsys, demo_url))
    assert f"không dùng được máy chủ thư 127.0.0.1:{closed}: máy chủ không nhận kết nối" in down
    assert "máy chủ thư đang chạy" in down and "TRACKER_SMTP_HOST" in down and "TRACKER_SMTP_PORT" in down
    english = _said_without_os_text(_notify(capsys, demo_url, "--lang", "en"))
    assert f"cannot use the SMTP server 127.0.0.1:{closed}: nothing accepts connections" in english
    assert "the mail server is running" in english

    monkeypatch.setenv("TRACKER_SMTP_HOST", "may-chu-thu.invalid")  # .invalid never resolves
    unknown = _said_without_os_text(_notify(capsys, demo_url))
    assert f"may-chu-thu.invalid:{closed}: không tìm thấy máy chủ" in unknown and "TRACKER_SMTP_HOST" in unknown
    monkeypatch.setenv("TRACKER_SMTP_HOST", "127.0.0.1")

    with socket.socket() as silent:  # accepts the connection and never says a word
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        monkeypatch.setenv("TRACKER_SMTP_PORT", str(silent.getsockname()[1]))
        monkeypatch.setenv("TRACKER_SMTP_TIMEOUT", "1")
        quiet = _said_without_os_text(_notify(capsys, demo_url))
    monkeypatch.setenv("TRACKER_SMTP_TIMEOUT", "10")
    assert "máy chủ không trả lời trong 1 giây" in quiet and "TRACKER_SMTP_TIMEOUT" in quiet

    monkeypatch.setenv("TRACKER_SMTP_PORT", box_port)
    monkeypatch.setenv("TRACKER_SMTP_SECURITY", "ssl")  # TLS at once, where the server speaks plain first
    tls = _said_without_os_text(_notify(capsys, demo_url))
    assert "không lập được kết nối mã hóa (TLS)" in tls and "TRACKER_SMTP_SECURITY" in tls
    monkeypatch.setenv("TRACKER_SMTP_SECURITY", "starttls")
    monkeypatch.delenv("TRACKER_SMTP_CAFILE")  # the test's own authority is not one this machine trusts
    untrusted = _said_without_os_text(_notify(capsys, demo_url, "--lang", "en"))
    assert "the server's TLS certificate is not trusted" in untrusted and "TRACKER_SMTP_CAFILE" in untrusted
    monkeypatch.setenv("TRACKER_SMTP_CAFILE", cafile)
    monkeypatch.setenv("TRACKER_SMTP_PASSWORD", "wrong")
    login = _said_without_os_text(_notify(capsys, demo_url))
    assert "máy chủ từ chối đăng nhập của tài khoản tracker" in login and "TRACKER_SMTP_PASSWORD" in login
    assert mailbox.messages == [] and _sent_log(demo_url) == []


def test_a_server_without_starttls_or_login_is_said_with_the_setting_to_change(
    demo_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    port = free_port()
    bare = Controller(Mailbox(), hostname="127.0.0.1", port=port)  # no STARTTLS, no AUTH
    bare.start()
    try:
        monkeypatch.setenv("TRACKER_SMTP_HOST", "127.0.0.1")
        monkeypatch.setenv("TRACKER_SMTP_PORT", str(port))
        monkeypatch.setenv("TRACKER_MAIL_FROM", "theodoi@example.org")
        monkeypatch.setenv("TRACKER_LANG", "vi")
        monkeypatch.setenv("TRACKER_SMTP_SECURITY", "starttls")
        plain = _said_without_os_text(_notify(capsys, demo_url))
        assert "máy chủ không hỗ trợ STARTTLS; dùng TRACKER_SMTP_SECURITY=ssl" in plain
        monkeypatch.setenv("TRACKER_SMTP_SECURITY", "none")
        monkeypatch.setenv("TRACKER_SMTP_USER", "tracker")
        monkeypatch.setenv("TRACKER_SMTP_ALLOW_CLEARTEXT_AUTH", "true")
        no_login = _said_without_os_text(_notify(capsys, demo_url, "--lang", "en"))
        assert "the server offers no login on this connection; unset TRACKER_SMTP_USER" in no_login
    finally:
        bare.stop()


def test_notify_runs_without_a_terminal_and_never_imports_textual(demo_url: str, mailbox: Mailbox) -> None:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "tracker", "--db", demo_url, "--as-of", DAY, "notify"],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env=dict(os.environ),
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines() if "|" in line}
    assert "smtplib" in imported and not any(name.split(".")[0] == "textual" for name in imported)
    assert mailbox.messages


def test_the_digests_read_their_tasks_alike_by_id_and_from_the_whole_table(demo_url: str) -> None:
    """On PostgreSQL, once the task table is analysed and the digests need most of it, their tasks are
    read from the whole table; the digests are the same as when read by id."""
    from tracker.notify.digest import build_digests
    from tracker.notify.lines import _rows_by_id

    t = tracker.open(demo_url)
    as_of = date(2020, 6, 15)

    def digests() -> list[tuple[str, str, str]]:
        plan = build_digests(t.reader, as_of, secretariat=["vp@example.org"])
        return [(d.subject, d.text, d.html) for d in plan.digests]

    ids = {int(row[0]) for row in t.reader.rows("SELECT id FROM task")}
    by_id = {row[0]: row for row in t.reader.rows_for_ids("SELECT id, ref FROM task WHERE id IN ({ids})", ids)}
    before = digests()
    t.reader.rows("ANALYZE task")
    t.reader.commit()
    for wanted in (ids, set(sorted(ids)[: len(ids) * 3 // 4]), set(sorted(ids)[:3])):  # whole table, then by id
        assert _rows_by_id(t.reader, "SELECT id, ref", "task", wanted) == {key: by_id[key] for key in wanted}
    assert digests() == before
    t.close()


def test_the_digests_are_built_in_this_process_and_leave_the_collector_alone(
    demo_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A digest run is library code: it starts no process and changes no process-wide setting of the
    garbage collector, whatever the day; the lines it reads are listed all the same."""
    import gc

    from tracker.notify.digest import build_digests

    def refused(*args: Any) -> Any:
        raise AssertionError("a digest run must not fork or tune the garbage collector")

    for module, name in ((os, "fork"), (gc, "disable"), (gc, "set_threshold"), (gc, "freeze")):
        monkeypatch.setattr(module, name, refused)
    t = tracker.open(demo_url)
    for as_of in (date(2020, 3, 21), date(2020, 6, 15)):
        plan = build_digests(t.reader, as_of, secretariat=["vp@example.org"])
        assert gc.isenabled() and no_children_left()
        agencies, summary = plan.digests[:-1], plan.digests[-1]
        assert agencies and summary.key == "summary"
        assert all(digest.key.startswith("agency:") for digest in agencies)
    t.close()


def _one_agency(db_url: str) -> tracker.Tracker:
    """A database with one jurisdiction and one agency, "Sở A", which has an address."""
    t = tracker.open(db_url)
    t.jurisdiction("x", "Tỉnh X")
    with t.transaction() as session:
        from tracker.services.agencies import AgencySpec, find_jurisdiction, upsert_agency

        upsert_agency(session, find_jurisdiction(session, "x"), AgencySpec("Sở A", emails=["a@example.org"]))
    return t


def test_a_lone_overdue_line_is_listed_in_its_digest_and_in_the_summary(db_url: str) -> None:
    """Digests pick their lines from the run's lines in one call; one line in all is picked too."""
    from tracker.notify.digest import build_digests

    t = _one_agency(db_url)
    t.directive("2/KH").assign("1", "Báo cáo quý", lead="Sở A", due="1/3/2020")
    agency, summary = build_digests(t.reader, date(2020, 3, 10), secretariat=["vp@example.org"]).digests
    for digest in (agency, summary):
        assert digest.text.count("1: Báo cáo quý\n") == 1 and digest.html.count("1: Báo cáo quý</td>") == 1
    assert summary.text.endswith("quá hạn 9 ngày\n  Cơ quan chủ trì chưa hoàn thành (1): Sở A\n")
    assert summary.html.count("<td>Sở A</td></tr>") == 1
    t.close()


def test_a_period_or_wording_holding_the_ending_separator_is_read_back_whole(db_url: str) -> None:
    """A line's ending travels as one text (due date, period's length, "|", period, wording); a period
    typed in an imported file and a wording can hold "|" and digits, and still come back whole."""
    from sqlalchemy import text

    from tracker.notify.digest import build_digests

    t = _one_agency(db_url)
    t.directive("2/KH").assign("1", "Báo cáo quý", lead="Sở A", due="1/3/2020")
    t.directive("3/KH").assign("1", "Báo cáo năm", lead="Sở A", due="2/3/2020")
    with t.engine.begin() as connection:
        connection.execute(text("UPDATE assignment SET period = '12|Q1', deadline_text = '3|trước 1/3/2020|gấp'"))
    (digest,) = build_digests(t.reader, date(2020, 3, 10)).digests
    assert digest.text.count("01/03/2020 (\u201c3|trước 1/3/2020|gấp\u201d), 12|Q1 - ") == 1
    assert digest.text.count("02/03/2020 (\u201c3|trước 1/3/2020|gấp\u201d), 12|Q1 - ") == 1
    t.close()
