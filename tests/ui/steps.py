"""Pilot steps shared by the UI tests."""

from __future__ import annotations

from textual import events
from textual.worker import WorkerCancelled

from tracker.services.views import AssignmentRow
from tracker.ui.app import TrackerApp

WIDE = (140, 40)


async def workers_done(app: object) -> None:
    """Wait for the app's workers; one superseded by a newer one (cancelled) is done too."""
    for _ in range(20):
        try:
            await app.workers.wait_for_complete()  # type: ignore[attr-defined]
        except WorkerCancelled:
            continue
        return


async def settle(pilot: object) -> None:
    """Let the app finish what a key started: the workers (reads), then the frame."""
    app = pilot.app  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    await workers_done(app)
    await pilot.pause()  # type: ignore[attr-defined]
    await workers_done(app)  # a count follows the first page, pages follow a move
    await pilot.pause()  # type: ignore[attr-defined]
    await workers_done(app)
    await pilot.pause()  # type: ignore[attr-defined]


def listed_rows(app: TrackerApp) -> list[AssignmentRow]:
    """The rows the list holds (every page the model has loaded)."""
    model = app.model
    return [row for i in range(model.total) if (row := model.row(i)) is not None]


def painted_rows(app: TrackerApp) -> list[tuple[int, bool]]:
    """The list's rows as the terminal shows them now (the frame composed of what each widget last
    drew, not lines drawn afresh): each row's assignment id and whether it is drawn highlighted
    (reversed while the list has the focus, on a grey background while the search box has it)."""
    from tracker.ui.assignment_list import AssignmentList

    listing = app.main.query_one("#list", AssignmentList)
    region = listing.region
    strips = app.screen._compositor.render_strips()
    rows = []
    for y in range(region.y + 1, region.y + region.height):  # under the header
        line = strips[y].crop(region.x, region.x + region.width)
        first = next(iter(line), None)
        words = line.text.split()
        if first is not None and words and words[0].isdigit():
            style = first.style
            rows.append((int(words[0]), style is not None and bool(style.reverse or style.bgcolor)))
    return rows


def painted_highlight(app: TrackerApp) -> list[int]:
    """The ids of the rows the terminal shows highlighted (one, when all is well)."""
    return [row_id for row_id, highlighted in painted_rows(app) if highlighted]


def burst(app: TrackerApp, keys: list[str]) -> None:
    """Keys typed in one burst (as a terminal delivers a paste or a fast typist): all queued before the
    app handles the first. Each is a key name ("enter", "slash") or the character it types."""
    names = {"/": "slash", " ": "space", "#": "number_sign", "\t": "tab", "\r": "enter"}
    characters = {"slash": "/", "space": " ", "number_sign": "#", "tab": "\t", "enter": "\r", "escape": "\x1b"}
    for key in keys:
        name = names.get(key, key)
        character = characters.get(name, key if len(key) == 1 else None)
        app.post_message(events.Key(name, character))
