"""Texts of the limits and guards on input (sizes, depths, dates, terminal text): (Vietnamese, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {}
