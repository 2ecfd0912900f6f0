"""``--help`` texts of the commands and their options, and Click's own words (usage, headings, usage errors).

Keys: ``help.<command path>`` (the command's help; its first line is the one-line help in a group's list),
``help.<command path>.<option>``, ``help.global.<option>`` (the group's options), ``help.filter.<option>``
(options shared by the listing commands) and ``click.*`` (Click's own words).
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {}
