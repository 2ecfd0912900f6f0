"""The main list: a Line-API ScrollView whose height is the row count and whose lines come from the
model's cached pages, so a million rows cost what is on screen (DESIGN §4)."""

from __future__ import annotations

import re
from collections.abc import Callable

from rich.segment import Segment
from rich.style import Style
from textual import events, work
from textual.app import App
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tracker import render
from tracker.core.text import one_line
from tracker.i18n import t
from tracker.store.queries import AssignmentRow
from tracker.ui.model import ListModel

Shape = tuple[int, str]
"""What a drawn line depends on besides its row: the list's width and the language."""

HEADER = Style(bold=True, reverse=True)
CURSOR = Style(reverse=True)
DIM = Style(dim=True)


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

    cursor: reactive[int] = reactive(0, repaint=False)
    """The row under the cursor. A move repaints the two rows whose highlight changed (see
    :meth:`watch_cursor`), not the whole list."""

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
        self._lines: dict[int, tuple[AssignmentRow, Shape, Strip]] = {}
        """Drawn lines of rows without the cursor, by row index (see :meth:`_plain_line`)."""
        self._layout: tuple[int, list[tuple[str, int]]] = (-1, [])
        """The columns for a width: (width, [(catalogue key, cells)])."""
        self._when_drawn: list[Callable[[], object]] = []

    # --- geometry ------------------------------------------------------------------------------

    def reset(self) -> None:
        """The model changed underneath (new filter, as-of date, edit): show it from the top."""
        self.cursor = min(self.cursor, max(0, self.model.total - 1))
        self.scroll_to(y=0, animate=False)
        self.refresh()
        self.call_after_refresh(self._fit_height)
        self.post_message(self.Highlighted(self.model.row(self.cursor)))

    def frame_shape(self) -> tuple[Shape, int]:
        """The shape of the lines, and how many rows show: what :meth:`draw_ahead` needs, read on the UI
        thread."""
        return (self.size.width, self.lang), max(0, self.size.height - 1)

    def draw_ahead(self, shape: Shape, rows: int) -> None:
        """Draw the first ``rows`` rows of a list the model has just read, in the worker that read it:
        the frame that shows them then composes lines already drawn (drawing a screen of new rows was
        3-5 ms of that frame at 120x40)."""
        for index in range(min(rows, self.model.total)):
            row = self.model.row(index)
            if row is not None:
                self._plain_line(index, row, shape)

    def call_when_drawn(self, callback: Callable[[], object]) -> None:
        """Call ``callback`` once the frame that next draws the list's lines is composed (at once when
        the list is not on screen)."""
        if not self.display or not self.size.area:
            callback()
            return
        self._when_drawn.append(callback)
        self.refresh()

    def render_lines(self, crop: Region) -> list[Strip]:
        lines = super().render_lines(crop)
        while self._when_drawn:  # the rest of the frame is composed before this widget's next message
            self.call_later(self._when_drawn.pop())
        return lines

    def _fit_height(self) -> None:
        """The scrollable height for the rows shown, set once they are on screen: a new height lays out
        the whole screen again (15-20 ms at 120x40), which the first frame of a filter need not wait for."""
        self.virtual_size = Size(self.size.width, self.model.total + 1)

    def grow(self) -> None:
        """The model's count arrived after its first page: extend the scrollable height, keep the place."""
        self._fit_height()
        self.refresh()
        self.call_after_refresh(self._prefetch)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if round(old_value) != round(new_value):
            self.call_after_refresh(self._prefetch)  # once the moved list is on screen

    def on_resize(self) -> None:
        self._fit_height()

    @staticmethod
    def _columns_for(width: int) -> list[tuple[str, int]]:
        """The columns (catalogue key and width in cells) of a list ``width`` cells wide."""
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

    PREFETCH_SCREENS = 2
    """Rows this many screens beyond the visible ones are read and drawn ahead, after each move, so
    that the next page move finds them ready instead of waiting for SQL and drawing in its frame."""

    def render_line(self, y: int) -> Strip:
        shape = (self.size.width, self.lang)
        if y == 0:  # the header stays put
            text = "".join(_fit(t(key, self.lang), w) for key, w in self._columns(shape[0]))
            return Strip([Segment(_fit(text, shape[0]), HEADER)])
        index = y - 1 + int(self.scroll_offset.y)
        if index >= self.model.total:
            return Strip.blank(shape[0])
        row = self.model.row(index)
        if row is None:
            self._load_visible()
            return Strip([Segment(_fit("…", shape[0]), Style(dim=True))])
        if index == self.cursor:
            return self._draw(row, CURSOR if self.has_focus else Style(bgcolor="grey23"), shape)
        return self._plain_line(index, row, shape)

    def _plain_line(self, index: int, row: AssignmentRow, shape: Shape) -> Strip:
        """The line of a row without the cursor, drawn once per row shown: a line is kept with the row
        object it shows, so a reloaded or edited row (a new object) is drawn again."""
        kept = self._lines.get(index)
        if kept is not None and kept[0] is row and kept[1] == shape:
            return kept[2]
        strip = self._draw(row, Style(), shape)
        if len(self._lines) >= self.MAX_KEPT_LINES:
            self._lines.clear()
        self._lines[index] = (row, shape, strip)
        return strip

    MAX_KEPT_LINES = 1000

    def _columns(self, width: int) -> list[tuple[str, int]]:
        laid_out, columns = self._layout  # one attribute: the prefetch worker reads it too
        if laid_out != width:
            columns = self._columns_for(width)
            self._layout = (width, columns)
        return columns

    def _draw(self, row: AssignmentRow, base: Style, shape: Shape) -> Strip:
        """One row's line; ``base`` is the highlight of the cursor (or no style). Reads no widget state
        but the column layout, so the prefetch worker can draw too."""
        width, lang = shape
        columns = self._columns(width)
        label, style = status_label(row, lang)
        agency = row.agency if row.role == "lead" else f"{row.agency} ({t('role.coordinating', lang)})"
        if row.coordinators and not any(key == "col.coordinating" for key, _ in columns):
            agency = f"{agency} +{len(row.coordinators)}"  # narrow: how many coordinate; the detail names them
        cells = {
            "col.id": (str(row.id).rjust(5), None),
            "col.due": (f"{row.due_on:%d/%m/%Y}" if row.due_on else "-", None),
            "col.status": (label, style),
            "col.agency": (one_line(agency), None),
            "col.coordinating": (one_line(", ".join(row.coordinators)), DIM),
            "col.task": (one_line(row.task), None),
            "col.directive": (one_line(f"{row.directive} {row.ref}"), None),
            "col.period": (row.period, None),
        }
        # Neighbouring cells of one style make one segment: each segment costs every frame that shows
        # the line (the compositor divides, converts colours and writes segment by segment).
        segments: list[Segment] = []
        texts: list[str] = []
        current = base
        for key, cell_width in columns:
            text, cell_style = cells[key]
            style = base + cell_style if cell_style else base
            if texts and style != current:
                segments.append(Segment("".join(texts), current))
                texts = []
            current = style
            texts.append(_fit(text, cell_width))
        used = sum(w for _, w in columns)
        if used < width:
            if current != base and texts:
                segments.append(Segment("".join(texts), current))
                texts, current = [], base
            texts.append(" " * (width - used))
        segments.append(Segment("".join(texts), current))
        return Strip(segments, width)

    # Workers get what they need from the widget as arguments, read on the UI thread: a widget's
    # geometry is not to be read from another thread (it may be between screens).

    def _load_visible(self) -> None:
        top = int(self.scroll_offset.y)
        self._load_pages(top, top + self.size.height, self.app)

    @work(thread=True, exclusive=True, group="pages")
    def _load_pages(self, first: int, last: int, app: App[object]) -> None:
        for page in self.model.missing_pages(first, last):
            self.model.load_page(page)
        app.call_from_thread(self.refresh)

    def _prefetch(self) -> None:
        """Read the pages around the visible rows and draw the rows of the next screens (see
        :attr:`PREFETCH_SCREENS`), in a worker."""
        height = max(1, self.size.height - 1)
        top = int(self.scroll_offset.y)
        first = max(0, top - height)
        last = min(self.model.total, top + height * (1 + self.PREFETCH_SCREENS)) - 1
        if last >= first:
            drawn = (*range(top + height, last + 1), *range(first, top))
            self._prefetch_rows(first, last, drawn, self.cursor, (self.size.width, self.lang))

    @work(thread=True, exclusive=True, group="prefetch")
    def _prefetch_rows(self, first: int, last: int, drawn: tuple[int, ...], cursor: int, shape: Shape) -> None:
        for page in self.model.missing_pages(first, last):
            self.model.load_page(page)
        for index in drawn:
            row = self.model.row(index)
            if row is not None and index != cursor:
                self._plain_line(index, row, shape)

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
