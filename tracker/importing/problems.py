"""A line of an import's report that each face can say in its user's language."""

from __future__ import annotations

from tracker.core.errors import TrackerError


class Line(str):
    """A problem line: ``file:row:column: value: `` then what is wrong. As a ``str`` it is the English
    text (for logs, scripts and tests); :meth:`text` says it in another language."""

    prefix: str
    message: TrackerError | str

    def __new__(cls, prefix: str, message: TrackerError | str) -> Line:
        line = super().__new__(cls, prefix + str(message))
        line.prefix = prefix
        line.message = message
        return line

    def text(self, lang: str) -> str:
        message = self.message
        return self.prefix + (message.text(lang) if isinstance(message, TrackerError) else str(message))


def said(line: str, lang: str) -> str:
    """``line`` in ``lang`` when it is a :class:`Line`, else as it is."""
    return line.text(lang) if isinstance(line, Line) else line
