"""The real ``tracker demo`` command in a real terminal (tmux): type keys, read the screen back."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest


def _tmux(socket: str, *args: str) -> str:
    result = subprocess.run(["tmux", "-L", socket, *args], capture_output=True, text=True, check=False)
    return result.stdout


def _wait_for(socket: str, text: str, timeout: float = 20) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = _tmux(socket, "capture-pane", "-p", "-t", "ui")
        if text in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen}")


def test_demo_in_tmux(tmp_path: Path) -> None:
    if shutil.which("tmux") is None:
        pytest.fail("tmux is not installed (.ci/run installs it: apt-get install tmux)", pytrace=False)
    socket = f"tracker-{uuid.uuid4().hex[:8]}"
    tracker = Path(sys.executable).with_name("tracker")
    (tmp_path / "tracker.toml").touch()
    env = (
        f"PATH={os.environ['PATH']} HOME={tmp_path} LANG=C.UTF-8 TRACKER_CONFIG={tmp_path / 'tracker.toml'} "
        f"XDG_DATA_HOME={tmp_path / 'data'} TRACKER_LANG=vi TERM=xterm-256color"
    )
    command = f"cd {tmp_path} && env -i {env} {tracker} demo; echo EXITED $?; sleep 30"
    _tmux(socket, "new-session", "-d", "-s", "ui", "-x", "100", "-y", "30", command)
    try:
        _wait_for(socket, "Quá hạn 12")
        screen = _wait_for(socket, "Sở Xây dựng")
        assert "Tính đến 15/06/2020" in screen
        _tmux(socket, "send-keys", "-t", "ui", "/")
        time.sleep(0.5)
        _tmux(socket, "send-keys", "-t", "ui", "-l", "ngan hang")
        screen = _wait_for(socket, "2 phân công")
        assert "Ngân hàng Nhà nư" in screen
        _tmux(socket, "send-keys", "-t", "ui", "Enter")
        time.sleep(0.3)
        _tmux(socket, "send-keys", "-t", "ui", "l")
        _wait_for(socket, "As of 15/06/2020")
        _tmux(socket, "send-keys", "-t", "ui", "m")  # the submissions matrix of the monthly report
        _wait_for(socket, "02/2020")  # the matrix's header comes first, its rows once they are read
        screen = _wait_for(socket, "✗")
        assert "Sở Xây dựng" in screen
        time.sleep(0.3)
        _tmux(socket, "send-keys", "-t", "ui", "b")  # back (Esc would wait for a possible Alt key)
        _wait_for(socket, "2 assignments")
        _tmux(socket, "send-keys", "-t", "ui", "v")
        _wait_for(socket, "34/KH-UBND")
        _tmux(socket, "send-keys", "-t", "ui", "Enter")
        _wait_for(socket, "34/KH-UBND  ")
        _tmux(socket, "send-keys", "-t", "ui", "q")
        _wait_for(socket, "EXITED 0")
    finally:
        _tmux(socket, "kill-server")
    assert os.path.exists(tmp_path / "data")


class Terminal:
    """``tracker demo`` running in a tmux pane of a given size."""

    def __init__(self, tmp_path: Path, width: int, height: int) -> None:
        if shutil.which("tmux") is None:
            pytest.fail("tmux is not installed (.ci/run installs it: apt-get install tmux)", pytrace=False)
        self.socket = f"tracker-{uuid.uuid4().hex[:8]}"
        tracker = Path(sys.executable).with_name("tracker")
        (tmp_path / "tracker.toml").touch()
        env = (
            f"PATH={os.environ['PATH']} HOME={tmp_path} LANG=C.UTF-8 TRACKER_CONFIG={tmp_path / 'tracker.toml'} "
            f"XDG_DATA_HOME={tmp_path / 'data'} TRACKER_LANG=vi TERM=xterm-256color"
        )
        command = f"cd {tmp_path} && env -i {env} {tracker} demo; echo EXITED $?; sleep 30"
        _tmux(self.socket, "new-session", "-d", "-s", "ui", "-x", str(width), "-y", str(height), command)

    def keys(self, *keys: str) -> None:
        for key in keys:
            _tmux(self.socket, "send-keys", "-t", "ui", key)
            time.sleep(0.15)

    def wait_for(self, text: str) -> str:
        return _wait_for(self.socket, text)

    def highlighted(self) -> list[str]:
        """The lines of the screen that start in reverse video (the list's cursor; a scroll bar's thumb
        is drawn in reverse too, at the end of its line)."""
        screen = _tmux(self.socket, "capture-pane", "-p", "-e", "-t", "ui")
        plain = _tmux(self.socket, "capture-pane", "-p", "-t", "ui").splitlines()
        starts = re.compile(r"^(?:\x1b\[[0-9;]*m)*\x1b\[(?:[0-9;]*;)?7[;m]")
        return [plain[i] for i, line in enumerate(screen.splitlines()) if starts.match(line) and i < len(plain)]

    def resize(self, width: int, height: int) -> None:
        _tmux(self.socket, "resize-window", "-t", "ui", "-x", str(width), "-y", str(height))
        size = _tmux(self.socket, "display", "-p", "-t", "ui", "#{window_width}x#{window_height}").strip()
        assert size == f"{width}x{height}", size
        time.sleep(1.0)

    def close(self) -> None:
        _tmux(self.socket, "kill-server")


def _highlighted_ids(terminal: Terminal) -> list[int]:
    return [int(line.split()[0]) for line in terminal.highlighted() if line.strip()[:1].isdigit()]


def _selected_id(terminal: Terminal) -> int:
    rows = _highlighted_ids(terminal)
    assert len(rows) == 1, terminal.highlighted()
    return rows[0]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_the_highlighted_row_is_the_one_a_note_goes_on(tmp_path: Path, size: tuple[int, int]) -> None:
    """Esc, Home, PgDn, PgDn: a row is highlighted on screen, and `n` names that row's assignment."""
    terminal = Terminal(tmp_path, *size)
    try:
        terminal.wait_for("Quá hạn 12")
        terminal.keys("Escape")
        terminal.wait_for("438 phân công")
        terminal.keys("Home", "PageDown", "PageDown")
        time.sleep(0.8)
        shown = _selected_id(terminal)
        terminal.keys("n")
        screen = terminal.wait_for("Ghi chú")
        assert f"#{shown} · " in screen
        terminal.keys("Escape")
        time.sleep(0.5)
        assert _selected_id(terminal) == shown
        terminal.keys("q")
        terminal.wait_for("EXITED 0")
    finally:
        terminal.close()


def test_a_resize_lays_the_panes_out_again(tmp_path: Path) -> None:
    """80 → 120 columns shows the detail beside the list; back to 80, the list alone, full width."""
    terminal = Terminal(tmp_path, 80, 24)
    try:
        terminal.wait_for("Quá hạn 12")
        assert "Phân công       #" not in terminal.wait_for("Tính đến 15/06/2020")
        time.sleep(2)
        terminal.resize(120, 40)
        screen = terminal.wait_for("Phân công       #")
        assert "│" in screen
        terminal.resize(80, 24)
        time.sleep(0.5)
        screen = terminal.wait_for("Tính đến 15/06/2020")
        assert "Phân công       #" not in screen
        header = next(line for line in screen.splitlines() if line.startswith("ID "))
        assert "Nhiệm vụ" in header
        keys = [line for line in screen.splitlines() if line.startswith("/ Tìm")]
        assert keys and "q Thoát" in screen and "? Trợ giúp" in screen and "v Văn bản" in screen
    finally:
        terminal.close()


def test_typing_ahead_into_the_done_dialog(tmp_path: Path) -> None:
    """`d`, Tab, "REF", Enter in one burst: the reference lands in its field and the detail shows it."""
    terminal = Terminal(tmp_path, 120, 40)
    try:
        terminal.wait_for("Quá hạn 12")
        time.sleep(0.5)
        shown = _selected_id(terminal)
        _tmux(terminal.socket, "send-keys", "-t", "ui", "d", "Tab", "R", "E", "F", "Enter")
        terminal.wait_for(f"hoàn thành phân công {shown}")
        terminal.wait_for(f"#{shown} không còn")  # done: it leaves the morning list, and the UI says so
    finally:
        terminal.close()
    import sqlite3

    with sqlite3.connect(tmp_path / "data" / "tracker" / "demo.db") as db:
        done = db.execute("SELECT completed_on, result_ref FROM assignment WHERE id = ?", (shown,)).fetchone()
    assert done == ("2020-06-15", "REF")


def test_up_from_the_end_moves_the_highlight_and_the_note_follows_it(tmp_path: Path) -> None:
    """Seen at 80x24: `End` then `Up` changed nothing on the screen, the last row still highlighted,
    and `n` opened the note of the row above it."""
    terminal = Terminal(tmp_path, 80, 24)
    try:
        terminal.wait_for("Quá hạn 12")
        terminal.keys("Escape")
        terminal.wait_for("438 phân công")
        terminal.keys("End")
        time.sleep(0.5)
        last = _selected_id(terminal)
        for _ in range(3):
            terminal.keys("Up")
            time.sleep(0.5)
            shown = _selected_id(terminal)
            assert shown != last
            last = shown
        terminal.keys("n")
        assert f"#{shown} · " in terminal.wait_for("Ghi chú")
        terminal.keys("Escape")
        time.sleep(0.5)
        assert _selected_id(terminal) == shown
    finally:
        terminal.close()


def test_keys_typed_in_one_burst_after_a_slash_are_the_search(tmp_path: Path) -> None:
    """Seen: `send-keys "/dau tu"` in a UI just opened marked #23 done with "au tu" in the date field,
    and `/`, `#4`, Enter in one send-keys lost the "#4"."""
    terminal = Terminal(tmp_path, 80, 24)
    try:
        terminal.wait_for("Quá hạn 12")
        time.sleep(0.5)
        _tmux(terminal.socket, "send-keys", "-t", "ui", "/dau tu")
        screen = terminal.wait_for(" / dau tu ")
        assert "Ghi nhận hoàn thành" not in screen
        terminal.keys("Escape")  # clears the search from the search box, with the other filters
        terminal.wait_for("438 phân công")
        _tmux(terminal.socket, "send-keys", "-t", "ui", "/", "#4", "Enter")
        deadline = time.monotonic() + 10
        while _highlighted_ids(terminal) != [4] and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(0.5)  # and it stays there: no half-typed "#" search arrives after the jump
        assert _highlighted_ids(terminal) == [4]
        assert " 0 phân công" not in terminal.wait_for("phân công")
    finally:
        terminal.close()
