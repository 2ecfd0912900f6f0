"""UI fixtures: a copy of the demo database whose audit timestamps are fixed, so screens are
deterministic, and a way to build the app on it."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from datetime import date

import pytest

import tracker
from tracker.ui.app import TrackerApp

DEMO_AS_OF = date(2020, 6, 15)


@pytest.fixture
def ui_url(demo_url: str) -> str:
    t = tracker.open(demo_url)
    with t.transaction() as session:
        from sqlalchemy import text

        session.execute(text("UPDATE audit_log SET at = :at"), {"at": "2020-06-15 08:00:00.000000"})
    t.close()
    return demo_url


@pytest.fixture
def make_app(ui_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., TrackerApp]]:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    opened: list[tracker.Tracker] = []

    def build(lang: str = "vi", as_of: date = DEMO_AS_OF) -> TrackerApp:
        t = tracker.open(ui_url, actor="clerk")
        opened.append(t)
        return TrackerApp(t, as_of, lang)

    yield build
    for t in opened:
        t.close()
    os.environ.pop("TZ", None)
    time.tzset()
