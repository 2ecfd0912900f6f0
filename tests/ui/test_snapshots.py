"""Screens at 80x24 and 120x40, in Vietnamese and English (pytest-textual-snapshot)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from tests.ui.steps import settle
from tracker.ui.app import TrackerApp


def _pressed_and_settled(keys: list[str]) -> Callable[[Pilot[None]], Awaitable[None]]:
    """Press the keys, wait until the app has taken every one, and stop the cursors blinking: the
    picture is taken of a screen at rest, however slowly the machine ran the keys."""

    async def run(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.pause(0.3)  # the detail follows a cursor at rest
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        await pilot.pause(0.3)
        await settle(pilot)
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False  # a blinking cursor is drawn or not by the clock
        await pilot.pause()

    return run


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize(
    "screen", ["main", "detail", "help", "done", "extend", "scoreboard", "directives", "submissions",
               "agency_picker", "directive_form", "agency_form", "palette"]
)  # fmt: skip
def test_screens(
    snap_compare: Callable[..., bool], make_app: Callable[..., TrackerApp], size: tuple[int, int], lang: str,
    screen: str,
) -> None:  # fmt: skip
    press = {
        "main": [], "detail": ["down", "enter"], "help": ["question_mark"], "done": ["d"], "scoreboard": ["a"],
        "directives": ["v"], "submissions": ["m"], "agency_picker": ["g", *"tnmt"],
        "directive_form": ["N", *"12/KH", "tab", *"1/7/2020"], "extend": ["e"], "agency_form": ["A"],
        "palette": ["ctrl+p", *"gia han"],
    }[screen]  # fmt: skip
    assert snap_compare(make_app(lang=lang), terminal_size=size, run_before=_pressed_and_settled(press))
