"""Saving a screen's report as a file (XLSX, DOCX, CSV or Markdown, chosen by the name's suffix)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.app import App

from tracker.core.errors import TrackerError
from tracker.i18n import t
from tracker.reports.tables import Report, render
from tracker.ui.dialogs import Field, FormDialog

SUFFIXES = {".xlsx": "xlsx", ".docx": "docx", ".csv": "csv", ".md": "md"}


def save_report(report: Report, path: Path, lang: str) -> Path:
    """Write ``report`` to ``path``; the format follows the suffix."""
    file_format = SUFFIXES.get(path.suffix.lower())
    if file_format is None:
        raise TrackerError(key="ui.export_suffix", name=path.name)
    path = path.expanduser()
    if not path.parent.is_dir():
        raise TrackerError(key="ui.export_folder", folder=str(path.parent))
    render(report, file_format, path, lang)
    return path.resolve()


def export_report(app: App[object], lang: str, default_name: str, build: Callable[[], Report]) -> None:
    """Ask for a file name (XLSX by default), then build the report and save it, saying where."""

    def chosen(values: dict[str, Any] | None) -> None:
        if not values or not values["path"]:
            return
        try:
            saved = save_report(build(), Path(values["path"]), lang)
        except TrackerError as error:
            app.notify(error.text(lang), severity="error", timeout=8)
        except OSError as error:
            app.notify(t("ui.export_failed", lang, problem=error.strerror or str(error)), severity="error", timeout=8)
        else:
            app.notify(t("ui.saved", lang, path=str(saved)), timeout=8)

    dialog = FormDialog(t("ui.export_title", lang), [Field("path", t("ui.field_path", lang), default_name)], lang)
    app.push_screen(dialog, chosen)
