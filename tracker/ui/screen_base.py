"""What the scoreboard, directives and submissions screens share: they read their own data from the
database URL at the as-of date the main list shows, in its language."""

from __future__ import annotations

from datetime import date
from typing import TypeVar

from textual.screen import Screen

ResultType = TypeVar("ResultType")


class DataScreen(Screen[ResultType]):
    def __init__(self, url: str, as_of: date, lang: str, provinces: dict[str, str] | None = None) -> None:
        super().__init__()
        self.url = url
        self.as_of = as_of
        self.lang = lang
        self.provinces = provinces or {}
        """Province names by code; shown beside a name when there are two or more."""

    def province(self, code: str) -> str:
        return self.provinces.get(code, code) if len(self.provinces) > 1 else ""
