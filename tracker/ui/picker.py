"""A modal list to choose one item by typing part of it: "tnmt" finds "Sở Tài nguyên và Môi trường",
"noi vu" finds "Sở Nội vụ". Matching is Textual's fuzzy matcher over case- and diacritic-folded text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.fuzzy import Matcher
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tracker.core.text import fold
from tracker.ui.text_input import TextInput

MAX_SHOWN = 200


SCORE_LIMIT = 200
"""Textual's fuzzy scoring is slow on long queries: it scores at most this many choices, the rest keep
their own order."""


@dataclass(frozen=True)
class Choice:
    """One item: what the list shows, what else it is known by (aliases), and the value returned."""

    label: str
    value: object
    also: str = ""
    folded: str = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "folded", fold(f"{self.label} {self.also}"))


def rank(choices: Sequence[Choice], query: str) -> list[Choice]:
    """``choices`` that match ``query``, best first (all of them, in order, for an empty query).

    First those holding the query as typed ("noi vu" in "so noi vu"), then those holding each of its
    words, then fuzzy matches ("tnmt" for "tai nguyen va moi truong"), best scored first. A quick
    regular expression finds the fuzzy candidates (the query's letters in order) before any scoring."""
    folded = fold(query).strip()
    if not folded:
        return list(choices)
    words = folded.split()
    letters = re.compile(".*?".join(re.escape(letter) for letter in folded.replace(" ", "")))
    whole: list[Choice] = []
    each_word: list[Choice] = []
    fuzzy: list[Choice] = []
    for choice in choices:
        text = choice.folded
        if folded in text:
            whole.append(choice)
        elif all(word in text for word in words):
            each_word.append(choice)
        elif letters.search(text):
            fuzzy.append(choice)
    if len(fuzzy) <= SCORE_LIMIT:
        matcher = Matcher(folded)
        scored = [(matcher.match(choice.folded), index, choice) for index, choice in enumerate(fuzzy)]
        fuzzy = [choice for score, _, choice in sorted((s for s in scored if s[0] > 0), key=lambda s: (-s[0], s[1]))]
    return whole + each_word + fuzzy


class PickerDialog(ModalScreen[object | None]):
    """Type to narrow, arrows to move, Enter to choose, Esc to cancel."""

    BINDINGS = [
        Binding("escape", "cancel", show=False),
        Binding("down", "move(1)", show=False),
        Binding("up", "move(-1)", show=False),
        Binding("pagedown", "move(10)", show=False),
        Binding("pageup", "move(-10)", show=False),
    ]

    def __init__(self, title: str, choices: Sequence[Choice], placeholder: str = "", initial: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.choices = list(choices)
        self.placeholder = placeholder
        self.initial = initial
        """What the box starts with (the search shown, for the agencies it names)."""
        self.shown: list[Choice] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="picker"):
            yield Static(self.title_text, id="dialog-title")
            yield TextInput(value=self.initial, placeholder=self.placeholder, id="picker-input")
            yield OptionList(id="picker-options")

    def on_mount(self) -> None:
        self._fill(self.initial)
        self.set_focus(self.query_one("#picker-input", Input))

    def _fill(self, query: str) -> None:
        self.shown = rank(self.choices, query)[:MAX_SHOWN]
        options = self.query_one("#picker-options", OptionList)
        options.clear_options()
        options.add_options([Option(choice.label) for choice in self.shown])
        if self.shown:
            options.highlighted = 0

    def on_input_changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def on_input_submitted(self) -> None:
        highlighted = self.query_one("#picker-options", OptionList).highlighted
        if highlighted is not None and highlighted < len(self.shown):
            self.dismiss(self.shown[highlighted].value)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.shown[event.option_index].value)

    def action_move(self, step: int) -> None:
        options = self.query_one("#picker-options", OptionList)
        if not self.shown:
            return
        current = options.highlighted or 0
        options.highlighted = max(0, min(len(self.shown) - 1, current + step))

    def action_cancel(self) -> None:
        self.dismiss(None)
