"""Helpers for tests of work done in child processes."""

from __future__ import annotations

import os


def no_children_left() -> bool:
    """Every child process of this one has ended and been reaped (none left running or a zombie)."""
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return True
    return False
