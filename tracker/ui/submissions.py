"""The submissions matrix of a recurring obligation: agencies down, periods across; on time, late
(with the date received), missing, or not yet due. The appendix of document 002, for every period.
`e` saves the report of the period under the cursor."""

from __future__ import annotations

import re
from datetime import date

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from tracker.i18n import t
from tracker.reports import builders
from tracker.reports.builders import Submission, SubmissionMatrix
from tracker.reports.tables import Report
from tracker.services import views
from tracker.services.views import RecurringTask
from tracker.ui.export import export_report
from tracker.ui.keybar import KeyBar
from tracker.ui.picker import Choice, PickerDialog
from tracker.ui.scoreboard import fit
from tracker.ui.screen_base import DataScreen

AGENCY_WIDTH = 26


def cell(submission: Submission | None) -> Text:
    """Six columns: "✓" on time, "✓ 23/3" late, "✗" missing, "·" not yet due, "–" withdrawn."""
    if submission is None:
        return Text("")
    if submission.mark == "on_time":
        return Text("✓", style="green")
    if submission.mark == "late":
        received = submission.received
        return Text(f"✓ {received.day}/{received.month}" if received else "✓", style="yellow")
    if submission.mark == "missing":
        return Text("✗", style="bold red")
    return Text("·" if submission.mark == "pending" else "–", style="dim")


class SubmissionsScreen(DataScreen[None]):
    BINDINGS = [
        Binding("escape,b", "app.pop_screen", show=False),
        Binding("c", "choose_task", show=False),
        Binding("e", "export", show=False),
    ]

    def __init__(self, url: str, as_of: date, lang: str) -> None:
        super().__init__(url, as_of, lang)
        self.tasks: list[RecurringTask] = []
        self.obligation: RecurringTask | None = None
        self.matrix: SubmissionMatrix | None = None

    def compose(self) -> ComposeResult:
        yield Static(t("ui.submissions_title", self.lang), classes="screen-title", id="submissions-title")
        yield Static("", id="submissions-legend")
        yield DataTable(id="submissions", cursor_type="cell", zebra_stripes=True)
        yield KeyBar([("c", "ui.key_choose_task"), ("e", "ui.key_export"), ("b", "ui.key_back")], self.lang)

    def on_mount(self) -> None:
        self.query_one("#submissions-legend", Static).update(t("ui.submissions_legend", self.lang))
        self._load_tasks()

    @work(thread=True, exclusive=True)
    def _load_tasks(self) -> None:
        with views.open_reader(self.url) as reader:
            tasks = views.recurring_tasks(reader)
        self.app.call_from_thread(self._tasks_loaded, tasks)

    def _tasks_loaded(self, tasks: list[RecurringTask]) -> None:
        self.tasks = tasks
        if not tasks:
            self.query_one("#submissions-title", Static).update(t("ui.no_recurring", self.lang))
        elif len(tasks) == 1:
            self.show_task(tasks[0])
        else:
            self.action_choose_task()

    def action_choose_task(self) -> None:
        choices = [Choice(f"{task.directive} {task.ref}: {fit(task.text, 60)}", task) for task in self.tasks]

        def chosen(value: object | None) -> None:
            if isinstance(value, RecurringTask):
                self.show_task(value)

        self.app.push_screen(PickerDialog(t("ui.choose_task", self.lang), choices), chosen)

    def show_task(self, task: RecurringTask) -> None:
        self.obligation = task
        self._load_matrix(task.task_id)

    @work(thread=True, exclusive=True, group="matrix")
    def _load_matrix(self, task_id: int) -> None:
        with views.open_reader(self.url) as reader:
            matrix = builders.submission_matrix(reader, task_id, self.as_of)
        self.app.call_from_thread(self._show, matrix)

    def _show(self, matrix: SubmissionMatrix) -> None:
        self.matrix = matrix
        self.query_one("#submissions-title", Static).update(
            Text(fit(f"{matrix.title} ({t('ui.as_of', self.lang)} {self.as_of:%d/%m/%Y})", 200), style="bold")
        )
        table = self.query_one(DataTable)
        table.clear(columns=True)
        table.fixed_columns = 1
        table.add_column(t("col.agency", self.lang), width=AGENCY_WIDTH, key="agency")
        for period in matrix.periods:
            table.add_column(_short_period(period), key=period)
        for index, (name, _) in enumerate(matrix.agencies):
            table.add_row(fit(name, AGENCY_WIDTH), *(cell(matrix.cells.get((index, p))) for p in matrix.periods))
        sums = []
        for period in matrix.periods:
            totals = matrix.totals(period)
            sent, expected = totals["on_time"] + totals["late"], sum(totals.values())
            style = "bold red" if totals["missing"] else "bold"
            sums.append(Text(f"{sent}/{expected}", style=style))
        table.add_row(Text(t("ui.submitted", self.lang), style="bold"), *sums)
        due = [i for i, p in enumerate(matrix.periods) if matrix.totals(p)["pending"] == 0]  # the latest complete
        table.move_cursor(row=0, column=(due[-1] + 1) if due else 1)
        table.focus()

    def _period_at_cursor(self) -> str | None:
        if self.matrix is None or not self.matrix.periods:
            return None
        column = self.query_one(DataTable).cursor_column
        return self.matrix.periods[max(0, min(len(self.matrix.periods) - 1, column - 1))]

    def action_export(self) -> None:
        period = self._period_at_cursor()
        if self.obligation is None or period is None:
            return
        task, as_of, lang, url = self.obligation, self.as_of, self.lang, self.url

        def build() -> Report:
            with views.open_reader(url) as reader:
                return builders.submissions(reader, str(task.task_id), period, as_of, lang)

        name = re.sub(r"[^\w.-]+", "-", f"{task.directive}-{task.ref}-{period}").strip("-")
        export_report(self.app, self.lang, f"{name}.xlsx", build)


def _short_period(period: str) -> str:
    """2020-02 -> 02/2020, 2020-Q3 -> Q3/2020, 2020-H1 -> H1/2020."""
    year, _, part = period.partition("-")
    return f"{part}/{year}" if part else year
