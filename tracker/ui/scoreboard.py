"""The agencies scoreboard: assigned, done on time, done late, in progress, overdue and the on-time
rate of each agency at the as-of date, with the rate as a bar; sortable."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from tracker.i18n import t
from tracker.reports import builders
from tracker.reports.tables import Report
from tracker.store.queries import AgencyScore, agency_scoreboard
from tracker.store.reader import Reader
from tracker.ui.export import export_report
from tracker.ui.footer import Footer
from tracker.ui.keys import relabel
from tracker.ui.screen_base import DataScreen

BAR_WIDTH = 10
NAME_WIDTH = 34


def fit(name: str, width: int) -> str:
    return name if len(name) <= width else name[: width - 1] + "…"


SORTS = ("rate", "overdue", "agency")


def rate_bar(rate: float | None) -> Text:
    if rate is None:
        return Text("-".ljust(BAR_WIDTH + 5), style="dim")
    filled = round(rate * BAR_WIDTH)
    style = "green" if rate >= 0.8 else "yellow" if rate >= 0.5 else "red"
    bar = Text("█" * filled, style=style)
    bar.append("░" * (BAR_WIDTH - filled), style="dim")
    bar.append(f" {rate:4.0%}")
    return bar


class ScoreboardScreen(DataScreen[None]):
    """Agencies, one row each (a few thousand at most: a DataTable is fine here)."""

    BINDINGS = [
        Binding("escape,b", "app.pop_screen", "Back"),
        Binding("s", "sort", "Sort"),
        Binding("e", "export", "Export"),
    ]

    def __init__(self, url: str, as_of: date, lang: str) -> None:
        super().__init__(url, as_of, lang)
        self.sort = 0
        self.scores: list[AgencyScore] = []

    def compose(self) -> ComposeResult:
        yield Static(t("ui.scoreboard_title", self.lang, as_of=f"{self.as_of:%d/%m/%Y}"), id="scoreboard-title")
        yield DataTable(id="scoreboard", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        relabel(self, {"app.pop_screen": "ui.key_back", "sort": "ui.key_sort", "export": "ui.key_export"}, self.lang)
        table = self.query_one(DataTable)
        for key in ("col.agency", "score.rate", "short.overdue", "score.assigned", "short.done_on_time",
                    "short.done_late", "short.in_progress"):  # fmt: skip
            table.add_column(t(key, self.lang), key=key)
        self._load()

    @work(thread=True, exclusive=True)
    def _load(self) -> None:
        with Reader(self.url) as reader:
            scores = agency_scoreboard(reader, self.as_of)
        self.app.call_from_thread(self._show, scores)

    def _show(self, scores: list[AgencyScore]) -> None:
        self.scores = scores
        order = SORTS[self.sort]
        if order == "overdue":
            scores = sorted(scores, key=lambda s: (-s.overdue, s.agency))
        elif order == "agency":
            scores = sorted(scores, key=lambda s: s.agency)
        table = self.query_one(DataTable)
        table.clear()
        for score in scores:
            overdue = Text(str(score.overdue), style="bold red" if score.overdue else "")
            name = Text(fit(score.agency, NAME_WIDTH))
            name.append(f" {score.jurisdiction}", style="dim")
            table.add_row(name, rate_bar(score.on_time_rate), overdue, score.assigned, score.done_on_time,
                          score.done_late, score.in_progress)  # fmt: skip

    def action_export(self) -> None:
        url, as_of, lang = self.url, self.as_of, self.lang

        def build() -> Report:
            with Reader(url) as reader:
                return builders.agencies(reader, as_of, None, None, lang)

        export_report(self.app, self.lang, f"co-quan-{as_of:%Y-%m-%d}.xlsx", build)

    def action_sort(self) -> None:
        self.sort = (self.sort + 1) % len(SORTS)
        self._show(self.scores)
