"""The main list: a Line-API ScrollView whose height is the row count and whose lines come from the
model's cached pages, so a million rows cost what is on screen (DESIGN §4)."""

from __future__ import annotations

import re

from rich.segment import Segment
from rich.style import Style
from textual import events, work
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tracker import render
from tracker.core.text import one_line
from tracker.i18n import t
from tracker.store.queries import AssignmentRow
from tracker.ui.model import ListModel

HEADER = Style(bold=True, reverse=True)
CURSOR = Style(reverse=True)


def status_label(row: AssignmentRow, lang: str) -> tuple[str, Style]:
    """The command line's label and colour (tracker.render), as a Textual line style."""
    label, style = render.status_label(row, lang)
    return label, Style.parse(style) if style else Style()


_ONE_CELL_EACH = re.compile("[\x20-\x7e\u00a0-\u024f\u1e00-\u1eff]*")
"""Text whose every character takes one cell: ASCII and the precomposed Latin letters of Vietnamese
(no combining marks, no wide characters)."""


def _fit(text: str, width: int) -> str:
    """``text`` cut or padded to exactly ``width`` cells (an ellipsis marks a cut)."""
    from rich.cells import cell_len, set_cell_size

    if width <= 0:
        return ""
    if width > 1 and _ONE_CELL_EACH.fullmatch(text):  # most cells: counted by length, without rich's grapheme split
        return text[: width - 2] + "… " if len(text) > width - 1 else text.ljust(width)
    if cell_len(text) > width - 1:  # one cell is the gap to the next column
        return set_cell_size(text, width - 2) + "… "
    return set_cell_size(text, width)


class AssignmentList(ScrollView, can_focus=True):
    """Rows of the model; the cursor is a row index."""

    BINDINGS = [
        Binding("up,k", "cursor(-1)", show=False),
        Binding("down,j", "cursor(1)", show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
        Binding("home", "jump(0)", show=False),
        Binding("end", "jump(-1)", show=False),
    ]

    cursor: reactive[int] = reactive(0)

    class Highlighted(Message):
        def __init__(self, row: AssignmentRow | None, *, moving: bool = False) -> None:
            self.row = row
            self.moving = moving
            """The cursor moved (more moves may follow), rather than a new list being shown."""
            super().__init__()

    def __init__(self, model: ListModel, lang: str, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.model = model
        self.lang = lang

    # --- geometry ------------------------------------------------------------------------------

    def reset(self) -> None:
        """The model changed underneath (new filter, as-of date, edit): show it from the top."""
        self.cursor = min(self.cursor, max(0, self.model.total - 1))
        self.scroll_to(y=0, animate=False)
        self.refresh()
        self.call_after_refresh(self._fit_height)
        self.post_message(self.Highlighted(self.model.row(self.cursor)))

    def _fit_height(self) -> None:
        """The scrollable height for the rows shown, set once they are on screen: a new height lays out
        the whole screen again (15-20 ms at 120x40), which the first frame of a filter need not wait for."""
        self.virtual_size = Size(self.size.width, self.model.total + 1)

    def grow(self) -> None:
        """The model's count arrived after its first page: extend the scrollable height, keep the place."""
        self._fit_height()
        self.refresh()

    def on_resize(self) -> None:
        self._fit_height()

    def _columns(self) -> list[tuple[str, int]]:
        width = self.size.width
        status_width = 21
        fixed = [("col.id", 7), ("col.due", 11), ("col.status", status_width)]
        rest = max(20, width - sum(w for _, w in fixed))
        if width >= 110:
            agency, coordinating, directive, period = int(rest * 0.22), int(rest * 0.16), 18, 8
            task = rest - agency - coordinating - directive - period
            return [
                *fixed,
                ("col.agency", agency),
                ("col.coordinating", coordinating),
                ("col.task", task),
                ("col.directive", directive),
                ("col.period", period),
            ]
        if width >= 90:
            agency, coordinating = int(rest * 0.3), int(rest * 0.25)
            return [*fixed, ("col.agency", agency), ("col.coordinating", coordinating),
                    ("col.task", rest - agency - coordinating)]  # fmt: skip
        agency = int(rest * 0.45)
        return [*fixed, ("col.agency", agency), ("col.task", rest - agency)]

    # --- drawing -------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        columns = self._columns()
        if y == 0:  # the header stays put
            text = "".join(_fit(t(key, self.lang), w) for key, w in columns)
            return Strip([Segment(_fit(text, self.size.width), HEADER)])
        index = y - 1 + int(self.scroll_offset.y)
        if index >= self.model.total:
            return Strip.blank(self.size.width)
        row = self.model.row(index)
        if row is None:
            self._load_visible()
            return Strip([Segment(_fit("…", self.size.width), Style(dim=True))])
        label, style = status_label(row, self.lang)
        agency = row.agency if row.role == "lead" else f"{row.agency} ({t('role.coordinating', self.lang)})"
        if row.coordinators and not any(key == "col.coordinating" for key, _ in columns):
            agency = f"{agency} +{len(row.coordinators)}"  # narrow: how many coordinate; the detail names them
        cells = {
            "col.id": (str(row.id).rjust(5), Style()),
            "col.due": (f"{row.due_on:%d/%m/%Y}" if row.due_on else "-", Style()),
            "col.status": (label, style),
            "col.agency": (one_line(agency), Style()),
            "col.coordinating": (one_line(", ".join(row.coordinators)), Style(dim=True)),
            "col.task": (one_line(row.task), Style()),
            "col.directive": (one_line(f"{row.directive} {row.ref}"), Style()),
            "col.period": (row.period, Style()),
        }
        base = CURSOR if index == self.cursor and self.has_focus else Style()
        selected = Style(bgcolor="grey23") if index == self.cursor and not self.has_focus else Style()
        segments = [Segment(_fit(cells[key][0], width), base + selected + cells[key][1]) for key, width in columns]
        used = sum(w for _, w in columns)
        if used < self.size.width:
            segments.append(Segment(" " * (self.size.width - used), base + selected))
        return Strip(segments)

    @work(thread=True, exclusive=True, group="pages")
    def _load_visible(self) -> None:
        top = int(self.scroll_offset.y)
        for page in self.model.missing_pages(top, top + self.size.height):
            self.model.load_page(page)
        self.app.call_from_thread(self.refresh)

    # --- moving --------------------------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        top = int(self.scroll_offset.y)
        visible = max(1, self.size.height - 1)
        if new < top:
            self.scroll_to(y=new, animate=False)
            self.refresh()
        elif new >= top + visible:
            self.scroll_to(y=new - visible + 1, animate=False)
            self.refresh()
        else:  # only the two rows whose highlight changed
            for index in (old, new):
                if top <= index < top + visible:
                    self.refresh_line(index + 1)  # virtual y: the header is line 0
        self.post_message(self.Highlighted(self.model.row(new), moving=True))

    def action_cursor(self, step: int) -> None:
        if self.model.total:
            self.cursor = max(0, min(self.model.total - 1, self.cursor + step))

    def action_page(self, direction: int) -> None:
        self.action_cursor(direction * max(1, self.size.height - 2))

    def action_jump(self, where: int) -> None:
        if self.model.total:
            self.cursor = 0 if where == 0 else self.model.total - 1
            if where != 0 and self.model.row(self.cursor) is None:
                self._load_visible()

    def on_click(self, event: events.Click) -> None:
        if event.y >= 1:
            index = event.y - 1 + int(self.scroll_offset.y)
            if index < self.model.total:
                self.cursor = index

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    @property
    def current(self) -> AssignmentRow | None:
        return self.model.row(self.cursor)
