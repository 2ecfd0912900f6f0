"""Pilot steps shared by the UI tests."""

from __future__ import annotations

from tracker.store.queries import AssignmentRow
from tracker.ui.app import TrackerApp

WIDE = (140, 40)


async def settle(pilot: object) -> None:
    """Let the app finish what a key started: the workers (reads), then the frame."""
    app = pilot.app  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]
    await app.workers.wait_for_complete()  # a count follows the first page
    await pilot.pause()  # type: ignore[attr-defined]


def listed_rows(app: TrackerApp) -> list[AssignmentRow]:
    """The rows the list holds (every page the model has loaded)."""
    model = app.model
    return [row for i in range(model.total) if (row := model.row(i)) is not None]
