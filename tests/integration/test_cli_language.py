"""What the command line says is in the user's language: every --help, Click's own words and usage
errors, and the checks of the settings; English stays Click's and the code's own for --lang en."""

from __future__ import annotations

import ast
from pathlib import Path

import click
import pytest

from tests.integration.cli_runner import Result, run
from tracker.cli import cli
from tracker.core.catalogue import t
from tracker.notify.send import check_settings
from tracker.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def _commands(group: click.Group, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], click.Command]]:
    found: list[tuple[tuple[str, ...], click.Command]] = [(path, group)]
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            found.extend(_commands(command, (*path, name)))
        else:
            found.append(((*path, name), command))
    return found


def _flat(text: str) -> str:
    return " ".join(text.split())


COMMANDS = _commands(cli)


def test_every_command_is_listed() -> None:
    paths = {" ".join(path) for path, _ in COMMANDS}
    assert {
        "",
        "db init",
        "db upgrade",
        "db downgrade",
        "demo",
        "ui",
        "list",
        "show",
        "done",
        "reopen",
        "extend",
        "withdraw",
        "note",
        "materialise",
        "notify",
        "draft",
        "import",
        "export",
        "agency add",
        "jurisdiction list",
        "report submissions",
    } <= paths


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[" ".join(path) or "tracker" for path, _ in COMMANDS])
def test_help_leaves_no_english_in_vietnamese(
    capsys: pytest.CaptureFixture[str], path: tuple[str, ...], command: click.Command
) -> None:
    english = run(capsys, "--lang", "en", *path, "--help")
    vietnamese = run(capsys, "--lang", "vi", *path, "--help")
    assert english.code == 0 and vietnamese.code == 0
    en, vi = _flat(english.out), _flat(vietnamese.out)
    assert en.startswith("Usage: tracker") and "Options:" in en and "Show this message and exit." in en
    assert vi.startswith(t("click.usage", "vi") + " tracker") and t("click.options", "vi") + ":" in vi
    for word in ("Usage:", "Options:", "Commands:", "[OPTIONS]", "Show this message", "[required]", "[default:"):
        assert word not in vi, word
    texts = [command.help or ""] + [p.help or "" for p in command.params if isinstance(p, click.Option)]
    for text in texts:
        sentence = _flat(text).split("\n")[0].split(". ")[0]
        if sentence:
            assert sentence in en, sentence  # the English is the code's own
            assert sentence not in vi, f"{' '.join(path)}: {sentence!r} is left in English"
    if isinstance(command, click.Group):
        assert "Commands:" in en and t("click.commands", "vi") + ":" in vi
        for name, sub in command.commands.items():
            line = _flat(sub.help or "").split(". ")[0][:30]
            assert line in en and line not in vi, f"{name}: {line!r}"


def test_help_follows_lang_wherever_it_is_and_the_locale(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    after = run(capsys, "list", "--help", "--lang", "vi")  # --help is read before the --lang after it
    assert after.code == 0 and "Chưa xong và đã quá hạn." in after.out and "Not done" not in after.out
    top = run(capsys, "--help", "--lang", "vi")
    assert top.code == 0 and "Lệnh:" in top.out and "Commands:" not in top.out
    monkeypatch.delenv("TRACKER_LANG")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    for args in (["db", "init", "--help"], ["--help"]):
        said = run(capsys, *args)
        assert said.code == 0 and said.out.startswith("Cách dùng: tracker"), args
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert run(capsys, "db", "init", "--help").out.startswith("Usage: tracker db init")


USAGE_ERRORS = [
    (
        ["list", "--stat", "x"],
        "không có tùy chọn '--stat'. (Có phải ý bạn là một trong: '--as', '--status'?)",
        "No such option '--stat'. (Did you mean one of: '--as', '--status'?)",
    ),
    (["list", "--statu", "done_late"], "Có phải ý bạn là '--status'?", "Did you mean '--status'?"),
    (["extend", "5"], "thiếu tùy chọn '--to'.", "Missing option '--to'."),
    (["extend"], "thiếu tham số 'ASSIGNMENT_ID'.", "Missing argument 'ASSIGNMENT_ID'."),
    (["report", "submissions", "--period", "2020-02"], "thiếu tùy chọn '--task'.", "Missing option '--task'."),
    (
        ["list", "--status", "late"],
        "giá trị không hợp lệ cho '--status': 'late' không phải là một trong: done_on_time, done_late",
        "Invalid value for '--status': 'late' is not one of 'done_on_time'",
    ),
    (
        ["list", "--format", "xml"],
        "'xml' không phải là một trong: table, csv, json.",
        "Invalid value for '--format': 'xml' is not one of 'table', 'csv', 'json'.",
    ),
    (
        ["list", "--due-within", "-1"],
        "giá trị không hợp lệ cho '--due-within': -1 nằm ngoài khoảng x>=0.",
        "-1 is not in the range x>=0.",
    ),
    (["list", "--due-within", "soon"], "'soon' không phải là số nguyên.", "'soon' is not a valid integer range."),
    (
        ["done", "--on", "1/5/2020", "abc"],
        "giá trị không hợp lệ cho 'ASSIGNMENT_ID': 'abc' không phải là số nguyên.",
        "Invalid value for 'ASSIGNMENT_ID': 'abc' is not a valid integer.",
    ),
    (["done", "1", "2"], "thừa tham số: 2.", "Got unexpected extra argument (2)"),
    (["note", "1", "a", "b", "c"], "thừa tham số: b c.", "Got unexpected extra arguments (b c)"),
    (["lst"], "không có lệnh 'lst'. Có phải ý bạn là 'list'?", "No such command 'lst'. Did you mean 'list'?"),
    (["list", "--agency"], "tùy chọn '--agency' cần một giá trị.", "Option '--agency' requires an argument."),
    (
        ["list", "--overdue=yes"],
        "tùy chọn '--overdue' không nhận giá trị.",
        "Option '--overdue' does not take a value.",
    ),
]


def _said(result: Result) -> str:
    return _flat(result.err)


@pytest.mark.parametrize(("args", "vietnamese", "english"), USAGE_ERRORS, ids=[" ".join(a) for a, _, _ in USAGE_ERRORS])
def test_usage_errors_in_both_languages(
    capsys: pytest.CaptureFixture[str], args: list[str], vietnamese: str, english: str
) -> None:
    vi = run(capsys, "--lang", "vi", *args)
    assert vi.code == 2
    first, *rest = vi.err.splitlines()
    assert first.startswith("tracker: ") and vietnamese in first, vi.err
    assert rest[0].startswith("Cách dùng: tracker") and rest[1].startswith("Xem 'tracker") and len(rest) == 2
    assert "Usage:" not in vi.err and "Error:" not in vi.err
    en = run(capsys, "--lang", "en", *args)
    assert en.code == 2 and english in _said(en) and "Usage: tracker" in en.err and "Error: " in en.err
    assert "Cách dùng" not in en.err


def test_a_bad_lang_is_said_in_the_settings_language(capsys: pytest.CaptureFixture[str]) -> None:
    said = run(capsys, "--lang", "fr", "list")  # TRACKER_LANG=en in the tests
    assert said.code == 2 and "Invalid value for '--lang': 'fr' is not one of 'vi', 'en'." in _said(said)


def test_mail_settings_are_checked_in_both_languages() -> None:
    for settings, vietnamese, english in (
        (
            Settings(smtp_host="mail.example.org", smtp_timeout=0),
            "TRACKER_SMTP_TIMEOUT=0: hãy ghi số giây chờ",
            "TRACKER_SMTP_TIMEOUT=0: give the seconds to wait, at least 1.",
        ),
        (
            Settings(smtp_host="mail.example.org", smtp_port=70000),
            "TRACKER_SMTP_PORT=70000: cổng là một số từ 1",
            "TRACKER_SMTP_PORT=70000: a port is a number from 1 to 65535.",
        ),
    ):
        with pytest.raises(Exception) as caught:
            check_settings(settings)
        error = caught.value
        assert vietnamese in error.text("vi") and str(error) == english  # type: ignore[attr-defined]


def test_a_bad_setting_is_one_vietnamese_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRACKER_DUE_SOON_DAYS", "bảy")
    said = run(capsys, "--lang", "vi", "list")
    assert (
        said.code == 1
        and said.err
        == "tracker: TRACKER_DUE_SOON_DAYS: due_soon_days = 'bảy' không phải là số nguyên; hãy ghi một số nguyên.\n"
    )
    said = run(capsys, "--lang", "en", "list")
    assert said.err == "tracker: TRACKER_DUE_SOON_DAYS: due_soon_days = 'bảy' is not a whole number.\n"


def test_a_report_of_an_unknown_task_is_said_in_vietnamese(capsys: pytest.CaptureFixture[str], demo_url: str) -> None:
    said = run(
        capsys, "--db", demo_url, "--lang", "vi", "report", "submissions", "--task", "XX-99", "--period", "2020-02"
    )
    assert said.code == 1 and said.err.startswith("tracker: nhiệm vụ 'XX-99' không tồn tại; hãy ghi số của nhiệm vụ")
    said = run(
        capsys, "--db", demo_url, "--lang", "en", "report", "submissions", "--task", "XX-99", "--period", "2020-02"
    )
    assert said.code == 1 and said.err.startswith("tracker: task 'XX-99' does not exist")


# --- no new English literals in the files that speak from the catalogue ---------------------------

CONVERTED = [
    "tracker/settings.py",
    "tracker/reports/builders.py",
    "tracker/importing/seeding.py",
    "tracker/importing/export.py",
    "tracker/notify/send.py",
    "tracker/cli/__init__.py",
    "tracker/cli/agencies.py",
    "tracker/cli/base.py",
    "tracker/cli/draft.py",
    "tracker/cli/email.py",
    "tracker/cli/helptext.py",
    "tracker/cli/progress.py",
    "tracker/cli/reports.py",
    "tracker/cli/transfer.py",
]


def _literal_words(node: ast.expr) -> str:
    """The literal text of a string or f-string argument (its placeholders left out)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(
            part.value for part in node.values if isinstance(part, ast.Constant) and isinstance(part.value, str)
        )
    return ""


def _english(text: str) -> bool:
    words = [word for word in text.replace("tracker:", " ").split() if sum(ch.isalpha() for ch in word) >= 3]
    return bool(words)


def _spoken_literals(source: str) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args:
            name = node.exc.func.id if isinstance(node.exc.func, ast.Name) else getattr(node.exc.func, "attr", "")
            if name.endswith("Error") and _english(_literal_words(node.exc.args[0])):
                found.append((node.lineno, _literal_words(node.exc.args[0])))
        if isinstance(node, ast.Call) and node.args:
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if name in {"echo", "print", "fail", "warn"} and _english(_literal_words(node.args[0])):
                found.append((node.lineno, _literal_words(node.args[0])))
    return found


def test_the_scan_finds_english_literals() -> None:
    source = 'raise TrackerError(f"task {x} does not exist")\nclick.echo("3 rows written")\nfail(f"{x}")\n'
    assert [line for line, _ in _spoken_literals(source)] == [1, 2]


@pytest.mark.parametrize("path", CONVERTED)
def test_no_english_literal_is_raised_or_printed(path: str) -> None:
    found = _spoken_literals((ROOT / path).read_text(encoding="utf-8"))
    assert found == [], f"{path}: English literals (give them catalogue keys): {found}"
