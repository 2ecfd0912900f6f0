"""The agencies scoreboard: assigned, done on time, done late, in progress, overdue and the on-time
rate of each agency at the as-of date, with the rate as a bar. Best first; `s` changes the sort (the
title says which is active); Enter opens the agency's assignments in the main list; `t` changes the
as-of date."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable, Static

from tracker.i18n import t
from tracker.reports import builders
from tracker.reports.tables import Report
from tracker.services import views
from tracker.services.views import AgencyScore
from tracker.ui.assignment_list import province_short
from tracker.ui.export import export_report
from tracker.ui.keybar import KeyBar
from tracker.ui.screen_base import DataScreen

BAR_WIDTH = 10
NAME_WIDTH = 34


def fit(name: str, width: int) -> str:
    return name if len(name) <= width else name[: width - 1] + "…"


SORTS = ("best", "worst", "overdue", "agency")


def rate_bar(rate: float | None) -> Text:
    if rate is None:
        return Text("-".ljust(BAR_WIDTH + 5), style="dim")
    filled = round(rate * BAR_WIDTH)
    style = "green" if rate >= 0.8 else "yellow" if rate >= 0.5 else "red"
    bar = Text("█" * filled, style=style)
    bar.append("░" * (BAR_WIDTH - filled), style="dim")
    bar.append(f" {rate:4.0%}")
    return bar


def sorted_scores(scores: list[AgencyScore], order: str) -> list[AgencyScore]:
    """Best first: the highest on-time rate (agencies with nothing due last); worst first: the lowest
    rate, then the most overdue; by overdue count; by name."""
    if order == "best":
        return sorted(scores, key=lambda s: (s.on_time_rate is None, -(s.on_time_rate or 0), s.overdue, s.agency))
    if order == "worst":
        return sorted(scores, key=lambda s: (s.on_time_rate is None, s.on_time_rate or 0, -s.overdue, s.agency))
    if order == "overdue":
        return sorted(scores, key=lambda s: (-s.overdue, s.agency))
    return sorted(scores, key=lambda s: s.agency)


class ScoreboardScreen(DataScreen[tuple[int, str] | None]):
    """Agencies, one row each (a few thousand at most: a DataTable is fine here). Returns the agency
    chosen with Enter (id, name), or None."""

    BINDINGS = [
        Binding("escape,b", "back", show=False),
        Binding("s", "sort", show=False),
        Binding("e", "export", show=False),
        Binding("t", "as_of", show=False),
    ]
    AUTO_FOCUS = "#scoreboard"

    class Read(Message):
        def __init__(self, scores: list[AgencyScore]) -> None:
            self.scores = scores
            super().__init__()

    def __init__(self, url: str, as_of: object, lang: str, provinces: dict[str, str] | None = None) -> None:
        super().__init__(url, as_of, lang, provinces)  # type: ignore[arg-type]
        self.sort = 0
        self.scores: list[AgencyScore] = []
        self.shown: list[AgencyScore] = []

    def compose(self) -> ComposeResult:
        yield Static("", id="scoreboard-title")
        yield DataTable(id="scoreboard", cursor_type="row", zebra_stripes=True)
        yield KeyBar([("↵", "ui.key_open_agency"), ("s", "ui.key_sort"), ("t", "ui.key_as_of"),
                      ("e", "ui.key_export"), ("b", "ui.key_back")], self.lang)  # fmt: skip

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key in ("col.agency", "score.rate", "ui.word.overdue", "score.assigned", "ui.word.done_on_time",
                    "ui.word.done_late", "ui.word.in_progress"):  # fmt: skip
            table.add_column(t(key, self.lang), key=key)
        self._title()
        self._load()

    def _title(self) -> None:
        title = t("ui.scoreboard_title", self.lang, as_of=f"{self.as_of:%d/%m/%Y}")
        sort = t(f"ui.score_sort_{SORTS[self.sort]}", self.lang)
        self.query_one("#scoreboard-title", Static).update(f"{title}  ·  ⇅ {sort}")

    @work(thread=True, exclusive=True)
    def _load(self) -> None:
        with views.open_reader(self.url) as reader:
            scores = views.agency_scoreboard(reader, self.as_of)
        self.post_message(self.Read(scores))

    def on_scoreboard_screen_read(self, message: Read) -> None:
        self.scores = message.scores
        self._show()

    def _show(self) -> None:
        self.shown = sorted_scores(self.scores, SORTS[self.sort])
        table = self.query_one(DataTable)
        table.clear()
        for score in self.shown:
            overdue = Text(str(score.overdue), style="bold red" if score.overdue else "")
            name = Text(fit(score.agency, NAME_WIDTH))
            province = self.province(score.jurisdiction)
            if province:
                name.append(f" {province_short(province)}", style="dim")
            table.add_row(name, rate_bar(score.on_time_rate), overdue, score.assigned, score.done_on_time,
                          score.done_late, score.in_progress)  # fmt: skip

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        row = event.cursor_row
        if 0 <= row < len(self.shown):
            self.dismiss((self.shown[row].agency_id, self.shown[row].agency))

    def action_back(self) -> None:
        self.dismiss(None)

    def action_export(self) -> None:
        url, as_of, lang = self.url, self.as_of, self.lang

        def build() -> Report:
            with views.open_reader(url) as reader:
                return builders.agencies(reader, as_of, None, None, lang)

        export_report(self.app, self.lang, f"co-quan-{as_of:%Y-%m-%d}.xlsx", build)

    def action_sort(self) -> None:
        self.sort = (self.sort + 1) % len(SORTS)
        self._title()
        self._show()

    async def action_as_of(self) -> None:
        from tracker.ui.dialogs import as_of_dialog

        def chosen(values: dict[str, object] | None) -> None:
            if values:
                self.as_of = values["as_of"]  # type: ignore[assignment]
                self._title()
                self._load()

        await self.app.push_screen(as_of_dialog(self.lang, self.as_of), chosen)
