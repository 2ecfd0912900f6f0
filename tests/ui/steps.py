"""Pilot steps shared by the UI tests."""

from __future__ import annotations

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
