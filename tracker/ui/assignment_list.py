"""The main list: a Line-API ScrollView whose height is the row count and whose lines come from the
model's pages, so a million rows cost what is on screen (DESIGN §4).

The selection is an assignment, shown at its row index: it is always on screen and highlighted
(every move scrolls to it), and every action acts on it. Pages are read by a worker, which posts
them back; the UI thread stores and draws them (lines kept in an LRU cache)."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tracker.core.status import Status
from tracker.core.text import fold, one_line
from tracker.i18n import t
from tracker.services.views import AssignmentRow, ListSource, Page, View
from tracker.ui.model import ListModel

HEADER = Style(bold=True, reverse=True)
CURSOR = Style(reverse=True)
CURSOR_UNFOCUSED = Style(bgcolor="grey30", bold=True)
DIM = Style(dim=True)

STATUS_STYLES = {
    Status.OVERDUE: "bold red",
    Status.DONE_LATE: "yellow",
    Status.DONE_ON_TIME: "green",
    Status.WITHDRAWN: "dim",
    Status.STANDING: "cyan",
}


def status_word(status: Status, lang: str) -> str:
    """The one word for a status, everywhere in the UI (bar, chips, pickers, rows, detail)."""
    return t(f"ui.word.{status.value}", lang)


def status_label(row: AssignmentRow, lang: str) -> tuple[str, Style]:
    """A row's status in a few cells: its word, and the days overdue, late or left ("Quá hạn 71 ng.")."""
    reading = row.reading
    if reading.status is Status.OVERDUE:
        label = t("ui.status_days", lang, word=status_word(Status.OVERDUE, lang), days=reading.days_overdue)
    elif reading.status is Status.DONE_LATE:
        label = t("ui.status_days", lang, word=status_word(Status.DONE_LATE, lang), days=reading.days_overdue)
    elif reading.status is Status.IN_PROGRESS and reading.due_soon:
        return t("ui.word.due_soon", lang), Style.parse("bold yellow")
    else:
        label = status_word(reading.status, lang)
    style = STATUS_STYLES.get(reading.status)
    return label, Style.parse(style) if style else Style()


_ONE_CELL_EACH = re.compile("[\x20-\x7e\u00a0-\u024f\u1e00-\u1eff]*")
"""Text whose every character takes one cell: ASCII and the precomposed Latin letters of Vietnamese."""


def fit(text: str, width: int) -> str:
    """``text`` cut or padded to exactly ``width`` cells (an ellipsis marks a cut, one cell is the gap)."""
    from rich.cells import cell_len, set_cell_size

    if width <= 0:
        return ""
    if width > 1 and _ONE_CELL_EACH.fullmatch(text):
        return text[: width - 2] + "… " if len(text) > width - 1 else text.ljust(width)
    if cell_len(text) > width - 1:
        return set_cell_size(text, width - 2) + "… "
    return set_cell_size(text, width)


MATCH = Style(bold=True, underline=True)
"""What a search word found looks like in a row."""


def _folded_chars(text: str) -> str:
    """``text`` folded one character at a time (lower case, no marks, đ → d): the same length, so a
    word found in it is found at the same place in ``text``."""
    return "".join(unicodedata.normalize("NFD", c.lower().replace("đ", "d"))[:1] or c for c in text)


def matched_spans(text: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where each search word (folded) is in ``text``, as (start, end), merged."""
    folded = _folded_chars(text)
    spans: list[tuple[int, int]] = []
    for word in words:
        start = folded.find(word)
        while word and start >= 0:
            spans.append((start, start + len(word)))
            start = folded.find(word, start + len(word))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def province_short(name: str) -> str:
    """ "Tỉnh Bắc Giang" → "Bắc Giang": the province as a column shows it."""
    for prefix in ("Tỉnh ", "Thành phố ", "TP. ", "Province of "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


_fit = fit  # the name the text tests know it by


def province_initials(name: str) -> str:
    """ "Tỉnh Bắc Giang" → "BG": the province in a narrow list."""
    return "".join(word[0] for word in province_short(name).split() if word).upper()


def columns_for(width: int, provinces: bool, id_width: int = 6) -> list[tuple[str, int]]:
    """The columns (catalogue key, cells) of a list ``width`` cells wide: the width goes to the agency
    and the task; the status is a word and a number."""
    fixed = [("col.id", id_width), ("col.due", 11), ("col.status", 16)]
    if provinces:
        fixed.append(("col.province", 12 if width >= 100 else 5))
    rest = max(20, width - sum(w for _, w in fixed))
    if width >= 130:
        agency, coordinating, directive = min(34, int(rest * 0.26)), min(26, int(rest * 0.16)), 16
        return [*fixed, ("col.agency", agency), ("col.coordinating", coordinating),
                ("col.task", rest - agency - coordinating - directive), ("col.directive", directive)]  # fmt: skip
    agency = min(32, max(16, int(rest * 0.45)))
    return [*fixed, ("col.agency", agency), ("col.task", rest - agency)]


SEARCHED = {"col.agency", "col.task", "col.directive", "col.coordinating"}
"""The cells a search looks in (see tracker.store.search), where what it found is highlighted."""


def search_words(search: str | None) -> tuple[str, ...]:
    return tuple(fold(search).split()) if search else ()


class AssignmentList(ScrollView, can_focus=True):
    """Rows of the model; :attr:`cursor` is the selected row's index."""

    BINDINGS = [
        Binding("up,k", "cursor(-1)", show=False),
        Binding("down,j", "cursor(1)", show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
        Binding("home", "jump(0)", show=False),
        Binding("end", "jump(-1)", show=False),
    ]

    class Highlighted(Message):
        """The selected assignment changed (None: the list is empty or its row is not read yet)."""

        def __init__(self, row: AssignmentRow | None, *, moving: bool = False) -> None:
            self.row = row
            self.moving = moving
            super().__init__()

    class PagesRead(Message):
        def __init__(self, pages: list[Page]) -> None:
            self.pages = pages
            super().__init__()

    PREFETCH_SCREENS = 2

    def __init__(self, model: ListModel, source: ListSource, lang: str, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.model = model
        self.source = source
        self.lang = lang
        self.cursor = 0
        self.search_words: tuple[str, ...] = ()
        """The words of the search shown (folded): highlighted where a row holds them."""
        self.provinces: dict[str, str] = {}
        """Province names by code, when the database holds two or more (a column then shows them)."""
        self._lines: LRUCache[tuple[object, ...], Strip] = LRUCache(1000)
        self._shown_id: int | None = None
        self._reading: list[tuple[View, int]] = []
        self._id_width = 6
        """Cells of the id column: one more than the longest id drawn so far (at least five digits)."""
        """Pages being read by a worker (view, offset)."""

    # --- the model changed ---------------------------------------------------------------------

    def shown(self, cursor: int) -> None:
        """The model shows a new list (or the same one re-read): select row ``cursor``, fit the height."""
        self._fit_height()
        self.cursor = max(0, min(cursor, self.model.total - 1))
        self._shown_id = None
        self._scroll_to_cursor()
        self.call_after_refresh(self._scroll_to_cursor)  # once the new height is laid out
        self.refresh()
        self._announce(moving=False)
        self._prefetch()

    def grew(self) -> None:
        """The count arrived after the first page."""
        self._fit_height()
        self.refresh()
        self._prefetch()

    def _fit_height(self) -> None:
        self.virtual_size = Size(self._width, self.model.total + 1)

    def on_resize(self, event: events.Resize) -> None:
        self._fit_height()
        self._scroll_to_cursor()
        self.refresh()
        self._prefetch()

    @property
    def current(self) -> AssignmentRow | None:
        return self.model.row(self.cursor)

    @property
    def visible_rows(self) -> int:
        return max(1, self.size.height - 1)

    # --- drawing -------------------------------------------------------------------------------

    @property
    def _width(self) -> int:
        return self.scrollable_content_region.width

    def _columns(self) -> list[tuple[str, int]]:
        return columns_for(self._width, len(self.provinces) > 1, self._id_width)

    def render_line(self, y: int) -> Strip:
        width = self._width
        if y == 0:
            text = "".join(fit(t(key, self.lang), w) for key, w in self._columns())
            return Strip([Segment(text[:width].ljust(width), HEADER)])
        index = y - 1 + int(self.scroll_offset.y)
        if index >= self.model.total:
            return Strip.blank(width)
        row = self.model.row(index)
        if row is None:
            self._load_missing()
            return Strip([Segment(fit("…", width), DIM)])
        if len(str(row.id)) >= self._id_width:
            self._id_width = len(str(row.id)) + 1
            self._lines.clear()
            self.refresh()
        selected = index == self.cursor
        base = (CURSOR if self.has_focus else CURSOR_UNFOCUSED) if selected else Style()
        key = (row, row.version, width, self.lang, base, len(self.provinces) > 1, self.search_words)
        strip = self._lines.get(key)
        if strip is None:
            strip = self._draw(row, base, width)
            self._lines.set(key, strip)
        return strip

    def _draw(self, row: AssignmentRow, base: Style, width: int) -> Strip:
        lang = self.lang
        columns = self._columns()
        label, style = status_label(row, lang)
        agency = row.agency if row.role == "lead" else f"{row.agency} ({t('role.coordinating', lang)})"
        if row.coordinators and not any(key == "col.coordinating" for key, _ in columns):
            agency = f"{agency} +{len(row.coordinators)}"
        province = province_short(self.provinces.get(row.jurisdiction, row.jurisdiction))
        if dict(columns).get("col.province", 0) < 10:
            province = province_initials(province)
        cells: dict[str, tuple[str, Style | None]] = {
            "col.id": (str(row.id).rjust(self._id_width - 1), None),
            "col.due": (f"{row.due_on:%d/%m/%Y}" if row.due_on else "-", None),
            "col.status": (label, style),
            "col.province": (province, DIM),
            "col.agency": (one_line(agency), None),
            "col.coordinating": (one_line(", ".join(row.coordinators)), DIM),
            "col.task": (one_line(f"{row.ref} {row.task}" if row.ref else row.task), None),
            "col.directive": (one_line(f"{row.directive}" + (f" ({row.period})" if row.period else "")), None),
        }
        segments: list[Segment] = []
        used = 0
        for key, cell_width in columns:
            text, cell_style = cells[key]
            style = base + cell_style if cell_style else base
            shown = fit(text, cell_width)
            spans = matched_spans(shown, self.search_words) if key in SEARCHED else []
            at = 0
            for start, end in spans:
                segments.append(Segment(shown[at:start], style))
                segments.append(Segment(shown[start:end], style + MATCH))
                at = end
            segments.append(Segment(shown[at:], style))
            used += cell_width
        if used < width:
            segments.append(Segment(" " * (width - used), base))
        return Strip(segments, width).simplify()

    # --- reading pages -------------------------------------------------------------------------

    def _load_missing(self) -> None:
        top = int(self.scroll_offset.y)
        missing = self.model.missing_pages(top, top + self.visible_rows)
        if missing:
            self._read_pages(self.model.view, missing, "pages")

    def _prefetch(self) -> None:
        """Read the pages of the screens around the visible rows, so a page move finds them ready."""
        height = self.visible_rows
        top = int(self.scroll_offset.y)
        missing = self.model.missing_pages(max(0, top - height), top + height * (1 + self.PREFETCH_SCREENS))
        if missing:
            self._read_pages(self.model.view, missing, "prefetch")

    def _read_pages(self, view: View, offsets: list[int], group: str) -> None:
        wanted = [offset for offset in offsets if (view, offset) not in self._reading]
        if wanted:
            self._reading.extend((view, offset) for offset in wanted)
            self.run_worker(lambda: self._read(view, wanted), thread=True, group=group)

    def _read(self, view: View, offsets: list[int]) -> None:
        pages = [self.source.page(view, offset) for offset in offsets]
        self.post_message(self.PagesRead(pages))

    def on_assignment_list_pages_read(self, message: AssignmentList.PagesRead) -> None:
        message.stop()
        for page in message.pages:
            if (page.view, page.offset) in self._reading:
                self._reading.remove((page.view, page.offset))
            self.model.add(page)
        self._fit_height()
        self.refresh()
        if self._shown_id is None:
            self._announce(moving=False)

    # --- moving --------------------------------------------------------------------------------

    def move_to(self, index: int) -> None:
        if not self.model.total:
            return
        index = max(0, min(self.model.total - 1, index))
        old, self.cursor = self.cursor, index
        top = int(self.scroll_offset.y)
        if self._scroll_to_cursor():
            self.refresh()
            self._prefetch()
        else:
            for row in (old, index):
                if top <= row < top + self.visible_rows:
                    # The line of the row in the list's own (virtual) lines: the header is line 0, and
                    # refresh_line subtracts the scroll offset itself.
                    self.refresh_line(row + 1)
        self._announce(moving=True)

    def _scroll_to_cursor(self) -> bool:
        """Scroll so the cursor's row shows; True if the list scrolled."""
        top = int(self.scroll_offset.y)
        visible = self.visible_rows
        target = top
        if self.cursor < top:
            target = self.cursor
        elif self.cursor >= top + visible:
            target = self.cursor - visible + 1
        target = max(0, min(target, max(0, self.model.total - visible)))
        if target != top:
            self.scroll_to(y=target, animate=False, immediate=True)
            return True
        return False

    def _announce(self, *, moving: bool) -> None:
        row = self.current
        row_id = row.id if row is not None else None
        if row_id != self._shown_id or not moving:
            self._shown_id = row_id
            self.post_message(self.Highlighted(row, moving=moving))

    def action_cursor(self, step: int) -> None:
        self.move_to(self.cursor + step)

    def action_page(self, direction: int) -> None:
        self.move_to(self.cursor + direction * max(1, self.visible_rows - 1))

    def action_jump(self, where: int) -> None:
        self.move_to(0 if where == 0 else self.model.total - 1)

    def on_click(self, event: events.Click) -> None:
        if event.y >= 1:
            index = event.y - 1 + int(self.scroll_offset.y)
            if index < self.model.total:
                self.move_to(index)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if round(old_value) != round(new_value):
            # A scroll by the mouse wheel or the scroll bar: the selection stays on screen.
            top, visible = round(new_value), self.visible_rows
            if not top <= self.cursor < top + visible and self.model.total:
                self.cursor = max(top, min(self.cursor, top + visible - 1, self.model.total - 1))
                self._announce(moving=True)
            self.call_after_refresh(self._prefetch)


def due_text(day: date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else "-"
