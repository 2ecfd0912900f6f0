"""The real ``tracker demo`` command in a real terminal (tmux): type keys, read the screen back."""

from __future__ import annotations

import os
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
    env = (
        f"TRACKER_CONFIG={tmp_path / 'none.toml'} XDG_DATA_HOME={tmp_path / 'data'} TRACKER_LANG=vi TERM=xterm-256color"
    )
    command = f"cd {tmp_path} && env {env} {tracker} demo; echo EXITED $?; sleep 30"
    _tmux(socket, "new-session", "-d", "-s", "ui", "-x", "100", "-y", "30", command)
    try:
        screen = _wait_for(socket, "Quá hạn 12")
        assert "Tính đến 15/06/2020" in screen and "Sở Xây dựng" in screen
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
        screen = _wait_for(socket, "02/2020")
        assert "✗" in screen and "Sở Xây dựng" in screen
        time.sleep(0.3)
        _tmux(socket, "send-keys", "-t", "ui", "b")  # back (Esc would wait for a possible Alt key)
        _wait_for(socket, "As of 15/06/2020")
        _tmux(socket, "send-keys", "-t", "ui", "v")
        _wait_for(socket, "34/KH-UBND")
        _tmux(socket, "send-keys", "-t", "ui", "Enter")
        _wait_for(socket, "34/KH-UBND  ")
        _tmux(socket, "send-keys", "-t", "ui", "q")
        _wait_for(socket, "EXITED 0")
    finally:
        _tmux(socket, "kill-server")
    assert os.path.exists(tmp_path / "data")
