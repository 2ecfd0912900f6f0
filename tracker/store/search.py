"""Where each word of a free-text search is found: the agencies and the tasks it matches.

A search word matches an assignment when it is in the folded text of its task, the folded name of
its agency, or the number of its task's directive (folded as :data:`FOLDED_NUMBER`). Checking that
row by row meant joining every assignment walked to its task, agency and directive: a page of "so noi
vu" in the morning filters walked some 5k open rows at 1M (25-75 ms). Agencies are few, and the
trigram indexes of migration 0007 find a word's tasks and directives in a few milliseconds; when a
word is in few enough tasks, the word becomes "agency among these or task among those", which the
open-rows index answers without visiting the row.

The indexes are FTS5 tables on SQLite and ``pg_trgm`` GIN indexes on PostgreSQL. A trigram index
cannot find a word shorter than three letters; such a word is looked for in the tables themselves,
which stops early when it is common.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from tracker.core.errors import TrackerError
from tracker.core.text import fold
from tracker.store.rawsql import RawSql
from tracker.store.reader import Reader

FOLDED_NUMBER = "replace(replace(lower({row}.number), 'Đ', 'd'), 'đ', 'd')"
"""A directive number as searches compare it (the same expression as migration 0007's)."""

SEARCH_INDEX_OBJECTS = frozenset(
    {"task_search", "directive_search", "directive_search_source", "ix_task_search", "ix_directive_search"}
)
"""The search indexes of migration 0007, which live outside the models."""

MOST_TASKS = 1000
"""A word found in more tasks than this is checked row by row instead: a list of ids that long costs
more to send and to build than it saves, and a word that common fills a page soon enough."""

MOST_TASKS_UNINDEXED = 100
"""The same for a word the trigram indexes cannot find, which is looked for by reading the task table
until this many are found: a common two-letter word ("so", "vu") is in one task of twenty, and reading
on to a thousand of them took 8 ms at 1M."""


MOST_WORDS = 20
"""The most words a search may have (each is a look-up; hundreds make a statement no database takes)."""
LONGEST_WORD = 100
"""The longest a search word may be, in characters."""
ESCAPE = " ESCAPE '\\'"
"""How each LIKE of a search word reads its pattern (:func:`like_pattern`): a backslash escapes."""


def search_words(text: str | None) -> list[str]:
    """The folded words of a search; too many or too long a word is an error saying the limit."""
    words = fold(text or "").split()
    if len(words) > MOST_WORDS:
        raise TrackerError(key="limits.search_too_many_words", count=len(words), limit=MOST_WORDS)
    for word in words:
        if len(word) > LONGEST_WORD:
            raise TrackerError(
                key="limits.search_word_too_long", word=word[:20] + "…", length=len(word), limit=LONGEST_WORD
            )
    return words


def like_pattern(word: str) -> str:
    """``%word%`` for LIKE ... :data:`ESCAPE`, the word's own ``%``, ``_`` and backslashes taken as they are."""
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def is_search_index(name: str | None) -> bool:
    """True for the tables, view and indexes of the search index, and FTS5's own tables behind them."""
    if name is None:
        return False
    return name in SEARCH_INDEX_OBJECTS or name.startswith(("task_search_", "directive_search_"))


def outside_the_models(_object: object, name: str | None, _type: str, _reflected: bool, _compare_to: object) -> bool:
    """Alembic's ``include_object``: schema comparisons, which know only the models, leave the search
    index alone."""
    return not is_search_index(name)


@dataclass(frozen=True)
class WordMatch:
    """The rows a search word is found in."""

    agency_ids: tuple[int, ...]
    """Every agency whose folded name holds the word."""
    task_ids: tuple[int, ...] | None
    """Every task whose folded text or directive number holds the word; None when there are more than
    :data:`MOST_TASKS` (:data:`MOST_TASKS_UNINDEXED` for a word the indexes cannot find)."""

    @property
    def nowhere(self) -> bool:
        return not self.agency_ids and self.task_ids == ()


def _indexed(word: str) -> bool:
    """A trigram index can find ``word``: three letters or more, and no LIKE wildcard, which the row
    checks would read as one."""
    return len(word) >= 3 and "%" not in word and "_" not in word


AGENCIES, TEXTS, NUMBERS = 0, 1, 2
"""What a row of the look-up names: an agency, a task by its text, a task by its directive's number."""


def _look_up(reader: Reader, index: int, word: str, kind: int) -> str:
    """A SELECT of (word's index, ``kind``, id) for the rows holding ``word``, from its parameters
    ``:pattern{index}`` (for LIKE), ``:phrase{index}`` (for FTS5) and ``:most{index}``."""
    if kind == AGENCIES:
        return f"SELECT {index}, {kind}, id FROM agency WHERE folded_name LIKE :pattern{index}{ESCAPE}"
    fts = reader.backend.searches_by_full_text and _indexed(word)
    if kind == TEXTS and fts:
        found = f"SELECT rowid AS id FROM task_search WHERE task_search MATCH :phrase{index}"
    elif kind == TEXTS:  # PostgreSQL's planner takes the GIN index for a word of three letters or more
        found = f"SELECT t.id FROM task t WHERE t.folded_text LIKE :pattern{index}{ESCAPE}"
    else:
        directives = (
            f"SELECT rowid FROM directive_search WHERE directive_search MATCH :phrase{index}"
            if fts
            else f"SELECT d.id FROM directive d WHERE {FOLDED_NUMBER.format(row='d')} LIKE :pattern{index}{ESCAPE}"
        )
        found = f"SELECT t.id FROM task t WHERE t.directive_id IN ({directives})"
    return f"SELECT {index}, {kind}, x.id FROM ({found} LIMIT :most{index}) AS x"


def word_matches(reader: Reader, words: list[str]) -> list[WordMatch]:
    """Where each of the folded ``words`` is found, in at most two statements (a round trip and a plan
    each on PostgreSQL): the agencies, the tasks by text and, for words the indexes can find, the tasks
    by directive number; then, for the other words in few enough tasks, by directive number (a scan of
    the directives, which a word already in too many tasks need not pay)."""
    params: dict[str, object] = {}
    most = [MOST_TASKS if _indexed(word) else MOST_TASKS_UNINDEXED for word in words]
    for index, word in enumerate(words):
        params[f"pattern{index}"] = like_pattern(word)
        params[f"phrase{index}"] = '"' + word.replace('"', '""') + '"'  # an FTS5 string: taken as it is
        params[f"most{index}"] = most[index] + 1
    first = [
        _look_up(reader, index, word, kind)
        for index, word in enumerate(words)
        for kind in (AGENCIES, TEXTS, *((NUMBERS,) if _indexed(word) else ()))
    ]
    agencies: list[set[int]] = [set() for _ in words]
    tasks: list[set[int]] = [set() for _ in words]
    for index, kind, found in reader.rows(" UNION ALL ".join(first), params):
        (agencies if kind == AGENCIES else tasks)[index].add(int(found))
    rest = [
        _look_up(reader, index, word, NUMBERS)
        for index, word in enumerate(words)
        if not _indexed(word) and len(tasks[index]) <= most[index]
    ]
    if rest:
        for index, _, found in reader.rows(" UNION ALL ".join(rest), params):
            tasks[index].add(int(found))
    return [
        WordMatch(
            tuple(sorted(agencies[index])), None if len(tasks[index]) > most[index] else tuple(sorted(tasks[index]))
        )
        for index in range(len(words))
    ]


LOOKUPS_KEPT_S = 5.0
"""How long :class:`WordLookups` keeps where a word was found."""


class WordLookups:
    """Where words were found, kept for :data:`LOOKUPS_KEPT_S` seconds after each look-up.

    A search typed letter by letter looks up all its words at every keystroke, and again for each page
    scrolled to and for the count (2-6 ms each at 1M); with these kept, a keystroke looks up only the
    word it changed. A task, agency or directive another writer adds is found once its words are looked
    up again: within seconds, while the list on screen is a reading of one moment anyway. A writer in the
    same process calls :meth:`forget`."""

    def __init__(self, kept_s: float = LOOKUPS_KEPT_S, clock: Callable[[], float] = time.monotonic) -> None:
        self._kept_s = kept_s
        self._clock = clock
        self._found: dict[str, tuple[float, WordMatch]] = {}
        self._lock = threading.Lock()  # the UI's workers share one

    def matches(self, reader: Reader, words: list[str]) -> list[WordMatch]:
        """:func:`word_matches` of ``words``, looking up only those not found in the last seconds."""
        now = self._clock()
        with self._lock:
            self._found = {word: kept for word, kept in self._found.items() if now - kept[0] < self._kept_s}
            known = {word: match for word, (_, match) in self._found.items()}
        missing = list(dict.fromkeys(word for word in words if word not in known))
        if missing:
            found = dict(zip(missing, word_matches(reader, missing), strict=True))
            known.update(found)
            with self._lock:
                self._found.update((word, (now, match)) for word, match in found.items())
        return [known[word] for word in words]

    def forget(self) -> None:
        with self._lock:
            self._found.clear()


def word_match(reader: Reader, word: str) -> WordMatch:
    """Where the folded ``word`` is found."""
    return word_matches(reader, [word])[0]


def merge_pending_entries(sql: RawSql) -> None:
    """After a bulk load on PostgreSQL, move the search indexes' pending entries into the indexes.

    A GIN index takes new entries into a pending list, which every search then reads through, and which
    only a vacuum or a full list (4 MB) merges: after the synthetic load of 1M assignments, looking up
    a word in directive numbers took 8 ms instead of 0.05 ms until a vacuum."""
    sql.backend.merge_search_entries(sql)
