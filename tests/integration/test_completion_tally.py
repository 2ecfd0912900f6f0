"""The completion tally (what the status counts read) follows every kind of write, on both backends."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import inspect, text

import tracker
from tests.integration.tally import assert_counts_are_exact, kept_tally, tally_from_scratch
from tracker.core.status import Status
from tracker.store.engine import make_engine
from tracker.store.migrate import downgrade, upgrade

pytestmark = pytest.mark.usefixtures("backend")

DAYS = (date(2020, 3, 1), date(2020, 6, 15), date(2021, 1, 1))


def test_the_tally_follows_every_change_the_services_make(demo_url: str) -> None:
    t = tracker.open(demo_url, today="15/06/2020", actor="clerk")
    try:
        assert kept_tally(t), "the demo has completed assignments"
        assert_counts_are_exact(t, *DAYS)
        t.agency("Sở Thử nghiệm", jurisdiction="thanh-hoa")
        d = t.directive("77/KH-UBND", issued_on="01/03/2020", title="Tally", jurisdiction="thanh-hoa")
        ids = d.assign("1", "one", lead="Sở Thử nghiệm", due="30/4/2020", coordinating=["Sở Nội vụ"]).assignment_ids
        lead, helper = ids
        t.complete(lead, "20/04/2020")  # on time
        t.complete(helper, "10/05/2020")  # late
        assert_counts_are_exact(t, *DAYS)
        t.extend(helper, "31/05/2020", reason="late decision")  # the late one becomes on time
        assert t.get(helper).status is Status.DONE_ON_TIME
        assert_counts_are_exact(t, *DAYS)
        t.withdraw(lead, reason="merged", on="01/06/2020")  # leaves the counts from 1 June
        assert_counts_are_exact(t, *DAYS)
        t.reopen(helper)
        t.note(lead, "only a note")
        assert_counts_are_exact(t, *DAYS)
        table_size = len(kept_tally(t))
        with t.transaction() as session:  # a script's own SQL is counted too
            session.execute(text("UPDATE assignment SET completed_on = due_on WHERE completed_on IS NULL"))
        assert len(kept_tally(t)) > table_size
        assert_counts_are_exact(t, *DAYS)
        with t.transaction() as session:
            pair = {"lead": lead, "helper": helper}
            for table in ("deadline_change", "withdrawal"):
                session.execute(text(f"DELETE FROM {table} WHERE assignment_id IN (:lead, :helper)"), pair)
            session.execute(text("DELETE FROM assignment WHERE id IN (:lead, :helper)"), pair)
        assert_counts_are_exact(t, *DAYS)
    finally:
        t.close()


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_an_edit_that_keeps_the_dates_writes_nothing_to_the_tally(demo_url: str) -> None:
    """Editing a note, a result reference or a deadline's wording must not touch the tally's rows: on
    PostgreSQL a written row stays locked until the commit, and every clerk's edit would wait on it."""
    t = tracker.open(demo_url, today="15/06/2020", actor="clerk")
    try:
        versions = "SELECT completed_on, live_until, on_time, xmin::text FROM completion_tally ORDER BY 1, 2, 3"
        before = t.reader.rows(versions)
        with t.transaction() as session:
            session.execute(text("UPDATE assignment SET note = 'seen', completed_on = completed_on"))
        assert t.reader.rows(versions) == before
        with t.transaction() as session:
            session.execute(text("UPDATE assignment SET completed_on = NULL WHERE completed_on IS NOT NULL"))
        assert t.reader.rows(versions) != before
        assert_counts_are_exact(t, *DAYS)
    finally:
        t.close()


def test_the_upgrade_tallies_the_assignments_already_there(demo_url: str) -> None:
    """A database made before the tally (revision 0005) gets it filled by the upgrade."""
    t = tracker.open(demo_url, create=False, today="15/06/2020")
    expected = tally_from_scratch(t)
    t.close()
    engine = make_engine(demo_url)
    downgrade(engine, "0005")
    assert "completion_tally" not in inspect(engine).get_table_names()
    with engine.begin() as connection:  # written while no trigger keeps a tally
        first_done = "SELECT min(id) FROM assignment WHERE completed_on IS NOT NULL AND due_on IS NOT NULL"
        connection.execute(text(f"UPDATE assignment SET completed_on = NULL WHERE id = ({first_done})"))
    upgrade(engine)
    engine.dispose()
    t = tracker.open(demo_url, create=False, today="15/06/2020")
    try:
        assert kept_tally(t) != expected
        assert_counts_are_exact(t, *DAYS)
    finally:
        t.close()
