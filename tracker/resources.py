"""Finding the data shipped beside the code: top-level folders of the source tree (``db/``,
``seeds/``) that the wheel carries inside the package as ``tracker/_db`` and ``tracker/_seeds``."""

from __future__ import annotations

from pathlib import Path

from tracker.core.errors import TrackerError

PACKAGE = Path(__file__).resolve().parent


def shipped_dir(name: str, marker: str, what: str) -> Path:
    """``tracker/_<name>`` in an installed wheel, else ``<name>/`` of the source tree; it must hold ``marker``."""
    for candidate in (PACKAGE / f"_{name}", PACKAGE.parent / name):
        if (candidate / marker).is_file():
            return candidate
    raise TrackerError(key="install.missing", what=what)
