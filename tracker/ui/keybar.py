"""The bar of keys at the bottom of a screen: each key and what it does, in the UI's language.

Its own widget rather than Textual's footer: the labels come from the catalogue (no binding
descriptions to rewrite), and when the keys do not fit in one line the bar takes two, so no key is
hidden at 80 columns."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.widget import Widget

from tracker.i18n import t


class KeyBar(Widget):
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: auto;
        background: $panel;
    }
    """

    def __init__(self, keys: list[tuple[str, str]], lang: str, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.keys = keys
        """(key as shown, catalogue key of its label)."""
        self.lang = lang

    def set_lang(self, lang: str) -> None:
        self.lang = lang
        self.refresh(layout=True)

    def _lines(self, width: int) -> list[Text]:
        """The keys in as few lines as they fit: two spaces between keys, or one when that saves a line."""
        wide, narrow = self._wrapped(width, 2), self._wrapped(width, 1)
        return narrow if len(narrow) < len(wide) else wide

    def _wrapped(self, width: int, gap: int) -> list[Text]:
        lines: list[Text] = [Text()]
        for key, label in self.keys:
            item = Text()
            item.append(key, style="bold reverse")
            item.append(f" {t(label, self.lang)}")
            if lines[-1].cell_len and lines[-1].cell_len + gap + cell_len(item.plain) > width:
                lines.append(Text())
            if lines[-1].cell_len:
                lines[-1].append(" " * gap)
            lines[-1].append_text(item)
        return lines

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return len(self._lines(width))

    def render(self) -> Text:
        return Text("\n").join(self._lines(self.size.width))
