"""Saving a screen's report as a file (XLSX, DOCX, CSV or Markdown, chosen by the name's suffix)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from textual.app import App

from tracker.core.errors import TrackerError
from tracker.i18n import t
from tracker.reports.tables import Report, render
from tracker.ui.dialogs import Field, FieldError, FormDialog

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


LIST_SUFFIXES = {".xlsx": "xlsx", ".csv": "csv"}
"""The list is exported in the import format (see :mod:`tracker.importing.export`): a workbook or a CSV."""


def read_list_path(lang: str) -> Callable[[str], Path]:
    """A file name for the list's export: .xlsx or .csv, in a folder that exists."""

    def read(text: str) -> Path:
        path = Path(text.strip()).expanduser()
        if not text.strip() or path.suffix.lower() not in LIST_SUFFIXES:
            raise FieldError(t("ui.export_list_suffix", lang, name=text.strip()))
        if not path.parent.is_dir():
            raise FieldError(t("ui.export_folder", lang, folder=str(path.parent)))
        return path

    return read


def overwrite_question(lang: str) -> Callable[[object], str]:
    def question(path: object) -> str:
        return t("ui.export_exists", lang, path=str(path)) if isinstance(path, Path) and path.exists() else ""

    return question


def list_export_dialog(lang: str, as_of: date, shown: str) -> FormDialog:
    """Ask where to export the list shown (``shown``: how many rows it holds, as the chips say); a file
    that exists is written over only on a second Enter."""
    name = f"{t('ui.export_list_name', lang)}-{as_of:%Y-%m-%d}.xlsx"
    return FormDialog(
        t("ui.export_list_title", lang),
        [Field("path", t("ui.field_path", lang), name, read_list_path(lang), question=overwrite_question(lang))],
        lang, notice=t("ui.export_list_notice", lang, count=shown),
    )  # fmt: skip
