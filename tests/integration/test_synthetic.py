"""Synthetic data: exact size, deterministic for a seed, every status present; on both backends."""

from __future__ import annotations

import pytest

import tracker
from tests.conftest import Templates
from tests.integration.cli_runner import run
from tests.integration.tally import assert_counts_are_exact, trigger_definitions
from tracker.core.status import Status
from tracker.services.synthetic import SYNTHETIC_AS_OF, generate

pytestmark = pytest.mark.usefixtures("backend")


def _fingerprint(url: str) -> list[tuple[object, ...]]:
    t = tracker.open(url, create=False)
    try:
        return t.reader.rows(
            "SELECT a.id, a.task_id, a.agency_id, a.role, a.period, a.due_on, a.completed_on, a.withdrawn_on "
            "FROM assignment a ORDER BY a.id"
        )
    finally:
        t.close()


def test_synthetic_data_has_the_size_asked_and_every_status(db_url: str) -> None:
    t = tracker.open(db_url, create=False)
    triggers = trigger_definitions(t)
    report = generate(t.engine, 5000, seed=7)
    assert report.assignments == 5000
    # The load turned the completion tally's insert trigger off and tallied its rows at the end.
    assert trigger_definitions(t) == triggers and len(triggers) == 3
    assert_counts_are_exact(t, SYNTHETIC_AS_OF)
    counts = t.status_counts(SYNTHETIC_AS_OF)
    assert sum(counts.values()) == 5000
    assert all(counts[status] > 0 for status in Status), counts
    periods = {row.period for row in t.assignments(as_of=SYNTHETIC_AS_OF) if row.period}
    assert any(p.endswith("-Q2") for p in periods) and "2025-06" in periods
    # New records after a bulk load get fresh ids (PostgreSQL sequences are moved past the loaded ids).
    t.jurisdiction("test-province", "Tỉnh Thử")
    t.agency("Sở Thử nghiệm")
    [new_id] = t.directive("1/TEST").assign("1", "x", lead="Sở Thử nghiệm", due="1/1/2025").assignment_ids
    assert new_id == 5001
    t.close()


def test_synthetic_data_is_deterministic_for_a_seed(
    db_url: str, templates: Templates, backend: str, capsys: pytest.CaptureFixture[str]
) -> None:
    other = templates.fresh(backend, demo=False)
    for url in (db_url, other):
        result = run(capsys, "--db", url, "db", "init", "--synthetic", "3000", "--seed", "3")
        assert result.code == 1 and "already exists" in result.err  # init wants an empty database
        t = tracker.open(url, create=False)
        generate(t.engine, 3000, seed=3)
        t.close()
    assert _fingerprint(db_url) == _fingerprint(other)


def test_synthetic_refuses_a_database_with_data(demo_url: str) -> None:
    t = tracker.open(demo_url, create=False)
    with pytest.raises(tracker.TrackerError, match="empty database"):
        generate(t.engine, 10)
    t.close()


def test_db_init_synthetic_on_a_blank_database(blank_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    result = run(capsys, "--db", blank_url, "--lang", "en", "db", "init", "--synthetic", "2000")
    assert result.code == 0, result.err
    assert "Created 2000 synthetic assignments" in result.out
    assert int(run(capsys, "--db", blank_url, "list", "--count").out) == 2000


@pytest.mark.parametrize("day", ["2024-01-01", "2025-06-15", "2026-01-01"])
def test_status_counts_agree_with_each_rows_derived_status(db_url: str, day: str) -> None:
    """The summary bar's counts (a count per rule, from index ranges) against the status of every row."""
    from collections import Counter
    from datetime import date as date_type

    t = tracker.open(db_url, create=False)
    generate(t.engine, 3000, seed=11)
    as_of = date_type.fromisoformat(day)
    derived = Counter(row.status for row in t.assignments(as_of=as_of))
    assert t.status_counts(as_of) == {status: derived.get(status, 0) for status in Status}
    t.close()
