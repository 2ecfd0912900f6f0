"""A progress bar for long work on a terminal (rich.progress); nothing at all in pipes and cron."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator

from tracker.core.catalogue import t


@contextlib.contextmanager
def progress_bar(label: str, lang: str, total: int | None = None) -> Iterator[Callable[[int], None] | None]:
    """``with progress_bar("progress.checking", lang) as told:`` gives a function to call with the rows
    done (None when stderr is not a terminal: a cron job's mail or a pipe gets no bar). The bar is
    drawn on stderr and goes away when the work ends."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    separator = "." if lang == "vi" else ","

    def shown(count: int) -> str:
        return f"{count:,}".replace(",", separator)

    counted = "{task.fields[done]}" + (f"/{shown(total)}" if total is not None else "")
    bar = Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        TextColumn(counted),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    with bar:
        task = bar.add_task(t(label, lang), total=total, done=shown(0))

        def told(done: int) -> None:
            bar.update(task, completed=done, done=shown(done))

        yield told
