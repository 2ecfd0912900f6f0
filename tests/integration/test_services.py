"""The Python API and services, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import insert, select
from sqlmodel import col

import tracker
from tracker.core.errors import AmbiguousNameError, ConflictError, DeadlineError, NotFoundError, TrackerError
from tracker.core.status import Status, derive_status
from tracker.store.models import Assignment, AuditEntry, DeadlineChange
from tracker.store.queries import STATUS_SQL, AssignmentFilter


@pytest.fixture
def t(db_url: str) -> Iterator[tracker.Tracker]:
    opened = tracker.open(db_url, today="01/06/2020", actor="clerk")
    opened.jurisdiction("thanh-hoa", "Tỉnh Thanh Hóa")
    opened.agency("Sở Tư pháp", aliases=["STP"], kind="department", groups=["Các sở, ban, ngành cấp tỉnh"])
    opened.agency("Sở Nội vụ", kind="department", groups=["Các sở, ban, ngành cấp tỉnh"], emails=["snv@example.org"])
    opened.agency(
        "Sở Tài nguyên và Môi trường",
        aliases=["Sở TN&MT", "Sở TNMT"],
        kind="department",
        groups=["Các sở, ban, ngành cấp tỉnh"],
    )
    opened.agency("UBND huyện Thọ Xuân", kind="district", groups=["UBND các huyện"])
    yield opened
    opened.close()


def test_groups_expand_to_one_assignment_per_member(t: tracker.Tracker) -> None:
    d = t.directive("34/KH-UBND", issued_on="05/02/2020", title="Tổng kết", kind="Kế hoạch")
    tally = d.assign("3.1.a", "Tổng kết", lead="các sở, ban, ngành cấp tỉnh", due="trước 30/4/2020")
    assert tally.created == 3
    rows = t.by_directive("34/KH-UBND")
    assert sorted(r.agency for r in rows) == ["Sở Nội vụ", "Sở Tài nguyên và Môi trường", "Sở Tư pháp"]
    assert {r.deadline_text for r in rows} == {"trước 30/4/2020"}
    assert {r.due_on for r in rows} == {date(2020, 4, 30)}


def test_aliases_and_folded_names_find_the_agency(t: tracker.Tracker) -> None:
    d = t.directive("1/KH-UBND")
    d.assign("1", "a", lead="sở tnmt", coordinating=["STP", "so noi vu"], due="30/4/2020")
    rows = t.by_directive("1/KH-UBND")
    assert {(r.agency, r.role) for r in rows} == {
        ("Sở Tài nguyên và Môi trường", "lead"),
        ("Sở Tư pháp", "coordinating"),
        ("Sở Nội vụ", "coordinating"),
    }


def test_a_directive_is_found_whatever_the_case_and_marks_it_is_typed_in(t: tracker.Tracker) -> None:
    t.directive("12/QĐ-UBND").assign("1", "a", lead="Sở Nội vụ", due="30/4/2020")
    t.directive("12/KH-UBND").assign("1", "b", lead="Sở Tư pháp", due="30/4/2020")
    for typed in ("12/QĐ-UBND", "12/qđ-ubnd", "12/qd-ubnd", " 12/Qđ-UBND "):
        assert [r.task for r in t.by_directive(typed)] == ["a"], typed
    assert [r.task for r in t.by_directive("12/kh-ubnd")] == ["b"]
    with pytest.raises(NotFoundError):
        t.by_directive("12/TB-UBND")


def test_recurring_periods_begin_the_day_after_the_directive_is_signed(t: tracker.Tracker, tmp_path: Path) -> None:
    # Signed on the 20th: the monthly report "before the 20th" is first due in the next month.
    d = t.directive("512/KH-UBND", issued_on="20/11/2026")
    d.assign("1", "Báo cáo tháng", lead="Sở Nội vụ", due="trước ngày 20 hằng tháng", horizon="31/01/2027")
    assert [r.period for r in t.by_directive("512/KH-UBND")] == ["2026-12", "2027-01"]
    # The same directive read from a sheet: the same periods, and a quarterly one signed on its due day.
    sheet = tmp_path / "ky.csv"
    sheet.write_text(
        "Số hiệu văn bản,Ngày ban hành,Mã nhiệm vụ,Nội dung,Cơ quan chủ trì,Thời hạn\n"
        "88/TB-UBND,15/09/2026,1,Báo cáo quý,Sở Tư pháp,trước ngày 15 tháng cuối quý\n"
        "89/TB-UBND,14/09/2026,1,Báo cáo quý,Sở Tư pháp,trước ngày 15 tháng cuối quý\n",
        encoding="utf-8",
    )
    assert t.import_file(sheet, horizon="31/12/2026").ok
    assert [r.period for r in t.by_directive("88/TB-UBND")] == ["2026-Q4"]
    assert [r.period for r in t.by_directive("89/TB-UBND")] == ["2026-Q3", "2026-Q4"]


def test_an_agency_named_as_lead_is_not_also_a_coordinator(t: tracker.Tracker) -> None:
    d = t.directive("2/KH-UBND")
    d.assign("1", "a", lead="Sở Nội vụ", coordinating=["Các sở, ban, ngành cấp tỉnh"], due="30/4/2020")
    roles = {(r.agency, r.role) for r in t.by_directive("2/KH-UBND")}
    assert ("Sở Nội vụ", "lead") in roles and ("Sở Nội vụ", "coordinating") not in roles


def test_unknown_agency_suggests_the_closest_and_writes_nothing(t: tracker.Tracker) -> None:
    d = t.directive("3/KH-UBND")
    with pytest.raises(NotFoundError, match="did you mean 'Sở Tư pháp'"):
        d.assign("1", "a", lead=["Sở Nội vụ", "Sở Tư phap x"], due="30/4/2020")
    assert t.by_directive("3/KH-UBND") == []


def test_an_unknown_agency_is_not_said_to_be_another_that_only_looks_like_it(t: tracker.Tracker) -> None:
    """Seen: "Sở Giáo dục và Đào tạo" (not yet in the database) was said to be "Sở Kế hoạch và Đầu tư",
    with the alias command that would have made the two departments one."""
    t.agency("Sở Kế hoạch và Đầu tư", kind="department")
    with pytest.raises(TrackerError) as unknown:
        t.directive("2/KH-UBND").assign("1", "a", lead="Sở Giáo dục và Đào tạo", due="30/4/2020")
    assert "Kế hoạch" not in str(unknown.value) and "--add-alias" not in str(unknown.value)
    with pytest.raises(TrackerError, match="did you mean 'Sở Tài nguyên và Môi trường'"):
        t.directive("2/KH-UBND").assign("1", "a", lead="Sở TNMTT", due="30/4/2020")
    with pytest.raises(TrackerError, match="did you mean 'Sở Nội vụ'"):
        t.directive("2/KH-UBND").assign("1", "a", lead="Sở Nộ vụ", due="30/4/2020")


def test_bad_deadline_writes_nothing(t: tracker.Tracker) -> None:
    d = t.directive("4/KH-UBND")
    with pytest.raises(DeadlineError, match="31/4/2020"):
        d.assign("1", "a", lead="Sở Nội vụ", due="31/4/2020")
    assert t.by_directive("4/KH-UBND") == []


def test_same_name_in_two_jurisdictions_is_ambiguous_unless_qualified(t: tracker.Tracker) -> None:
    t.jurisdiction("bac-giang", "Tỉnh Bắc Giang")
    t.agency("Sở Nội vụ", kind="department", jurisdiction="bac-giang")
    with pytest.raises(AmbiguousNameError, match="thanh-hoa:Sở Nội vụ; bac-giang:Sở Nội vụ"):
        t.by_agency("Sở Nội vụ")
    assert t.by_agency("bac-giang:Sở Nội vụ") == []
    # A directive's issuer decides where its names are looked up: no ambiguity there.
    d = t.directive("5/KH-UBND", jurisdiction="bac-giang")
    d.assign("1", "a", lead="Sở Nội vụ", due="30/4/2020")
    [row] = t.by_directive("5/KH-UBND")
    assert row.jurisdiction == "bac-giang"


def test_reassigning_is_idempotent_and_a_changed_deadline_is_recorded(t: tracker.Tracker) -> None:
    d = t.directive("6/KH-UBND")
    assert d.assign("1", "a", lead="Sở Nội vụ", due="30/4/2020").created == 1
    again = d.assign("1", "a", lead="Sở Nội vụ", due="30/4/2020")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)
    moved = d.assign("1", "a", lead="Sở Nội vụ", due="15/5/2020")
    assert moved.updated == 1
    [row] = t.by_directive("6/KH-UBND")
    assert row.due_on == date(2020, 5, 15)
    with t.transaction() as session:
        change = session.execute(select(DeadlineChange)).scalar_one()
        assert (change.old_due_on, change.new_due_on, change.source) == (date(2020, 4, 30), date(2020, 5, 15), "api")


def test_recurring_task_gives_one_assignment_per_period(t: tracker.Tracker) -> None:
    d = t.directive("7/KH-UBND", issued_on="18/12/2019")
    tally = d.assign(
        "BC",
        "Báo cáo tháng",
        lead=["Sở Nội vụ", "Sở Tư pháp"],
        due="trước ngày 20 hàng tháng",
        starts_on="1/1/2020",
        horizon="30/4/2020",
    )
    assert tally.created == 8
    rows = t.by_directive("7/KH-UBND", as_of="21/3/2020")
    february = [r for r in rows if r.period == "2020-02"]
    assert {r.due_on for r in february} == {date(2020, 2, 20)}
    # Completing February never touches March.
    snv_feb = next(r for r in february if r.agency == "Sở Nội vụ")
    t.complete(snv_feb.id, "25/2/2020")
    after = {(r.agency, r.period): r.status for r in t.by_directive("7/KH-UBND", as_of="21/3/2020")}
    assert after[("Sở Nội vụ", "2020-02")] is Status.DONE_LATE
    assert after[("Sở Nội vụ", "2020-03")] is Status.OVERDUE
    # Materialising further adds the missing months only.
    assert t.materialise("30/6/2020").created == 4
    assert t.materialise("30/6/2020").created == 0


def test_complete_reopen_extend_withdraw_are_audited(t: tracker.Tracker) -> None:
    d = t.directive("8/KH-UBND")
    [aid] = d.assign("1", "a", lead="Sở Nội vụ", due="30/4/2020").assignment_ids
    assert t.get(aid).status is Status.OVERDUE
    t.extend(aid, "10/6/2020", reason="COVID-19", decision="123/UBND-THKH")
    assert t.get(aid).status is Status.IN_PROGRESS
    t.complete(aid, "5/6/2020", ref="18/BC-SNV")
    row = t.get(aid, as_of="10/6/2020")
    assert (row.status, row.result_ref) == (Status.DONE_ON_TIME, "18/BC-SNV")
    t.reopen(aid)
    assert t.get(aid).completed_on is None
    t.withdraw(aid, reason="no longer needed", on="2/6/2020")
    assert t.get(aid, as_of="3/6/2020").status is Status.WITHDRAWN
    with pytest.raises(TrackerError, match="withdrawn"):
        t.complete(aid, "3/6/2020")
    with t.transaction() as session:
        actions = [
            e.action for e in session.execute(select(AuditEntry).where(col(AuditEntry.entity_id) == aid)).scalars()
        ]
        actors = {e.actor for e in session.execute(select(AuditEntry)).scalars()}
    assert actions[0] == "create"
    assert {"extend", "complete", "reopen", "withdraw"} <= set(actions)
    assert actors == {"clerk"}


def test_a_stale_update_is_a_conflict_and_changes_nothing(t: tracker.Tracker) -> None:
    d = t.directive("9/KH-UBND")
    [aid] = d.assign("1", "a", lead="Sở Nội vụ", due="30/4/2020").assignment_ids
    read = t.get(aid)
    t.note(aid, "called them", expected_version=read.version)  # someone else saves first
    with pytest.raises(ConflictError, match="changed by someone else"):
        t.complete(aid, "1/5/2020", ref="x", expected_version=read.version)
    current = t.get(aid)
    assert current.completed_on is None and current.note == "called them"


def test_queries_filter_by_status_period_and_due_window(t: tracker.Tracker) -> None:
    d = t.directive("10/KH-UBND")
    d.assign("a", "due soon", lead="Sở Nội vụ", due="5/6/2020")
    d.assign("b", "later", lead="Sở Tư pháp", due="30/6/2020")
    d.assign("c", "overdue", lead="UBND huyện Thọ Xuân", due="20/5/2020")
    d.assign("d", "standing", lead="Sở Nội vụ", due="thường xuyên")
    assert [r.ref for r in t.due_within(7)] == ["a"]
    assert [r.ref for r in t.overdue()] == ["c"]
    assert [r.ref for r in t.assignments(AssignmentFilter(overdue=True, due_within=7))] == ["c", "a"]
    assert [r.ref for r in t.by_status("standing")] == ["d"]
    assert t.count(AssignmentFilter(statuses=[Status.IN_PROGRESS])) == 2
    counts = t.status_counts()
    assert (counts[Status.OVERDUE], counts[Status.IN_PROGRESS], counts[Status.STANDING]) == (1, 2, 1)


def test_missing_directive_is_not_found(t: tracker.Tracker) -> None:
    with pytest.raises(NotFoundError, match="99/KH-UBND"):
        t.by_directive("99/KH-UBND")


optional_dates = st.one_of(st.none(), st.dates(min_value=date(2020, 1, 1), max_value=date(2020, 12, 31)))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.tuples(optional_dates, optional_dates, optional_dates), min_size=1, max_size=12),
    st.dates(min_value=date(2020, 1, 1), max_value=date(2020, 12, 31)),
)
def test_sql_status_agrees_with_the_core_rules(
    t: tracker.Tracker, rows: list[tuple[date | None, date | None, date | None]], as_of: date
) -> None:
    d = t.directive("H/KH-UBND")
    [template_id] = d.assign("h", "h", lead="Sở Nội vụ", due="1/1/2020").assignment_ids
    with t.transaction() as session:
        template = session.get(Assignment, template_id)
        assert template is not None
        base = {
            "task_id": template.task_id,
            "agency_id": template.agency_id,
            "role": "lead",
            "deadline_text": "",
            "result_ref": "",
            "note": "",
            "version": 1,
            "created_at": template.created_at,
            "updated_at": template.created_at,
        }
        session.execute(
            insert(Assignment),
            [
                {**base, "period": f"p{i}", "due_on": due, "completed_on": done, "withdrawn_on": gone}
                for i, (due, done, gone) in enumerate(rows)
            ],
        )
    found = t.reader.rows(
        f"SELECT a.due_on, a.completed_on, a.withdrawn_on, {STATUS_SQL} FROM assignment a WHERE a.period LIKE 'p%'",
        {"as_of": as_of},
    )
    overdue_ids = {r.id for r in t.overdue(as_of=as_of)}
    listed = t.assignments(as_of=as_of)
    table = Assignment.__table__  # type: ignore[attr-defined]
    with t.transaction() as session:
        session.execute(table.delete().where(table.c.period.like("p%")))
    assert len(found) == len(rows)
    for due, done, gone, sql_status in found:
        expected = derive_status(
            t.reader.to_date(due), t.reader.to_date(done), as_of, withdrawn_on=t.reader.to_date(gone)
        )
        assert sql_status == expected.status.value
    assert overdue_ids == {r.id for r in listed if r.status is Status.OVERDUE}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.tuples(optional_dates, optional_dates, optional_dates), min_size=1, max_size=12),
    st.dates(min_value=date(2020, 1, 1), max_value=date(2020, 12, 31)),
)
@example(  # the edges of the window, nothing closed after the as-of date
    rows=[
        (date(2020, 6, 22), None, None),
        (date(2020, 6, 15), None, None),
        (date(2020, 6, 14), None, None),
        (date(2020, 6, 23), None, None),
        (date(2020, 6, 1), date(2020, 6, 2), None),
    ],
    as_of=date(2020, 6, 15),
)
@example(  # completed and withdrawn after the as-of date: open then
    rows=[
        (date(2020, 6, 1), date(2020, 6, 20), None),
        (date(2020, 6, 18), None, date(2020, 7, 1)),
        (date(2020, 6, 10), None, None),
    ],
    as_of=date(2020, 6, 15),
)
def test_the_morning_pages_and_counts_agree_with_the_core_rules(
    t: tracker.Tracker, rows: list[tuple[date | None, date | None, date | None]], as_of: date
) -> None:
    """Overdue or due within 7 days, read a page at a time and counted, with and without a search. When
    nothing was completed or withdrawn after the as-of date, the pages and counts take the open rows
    alone; the generated rows fall on both sides of that."""
    from datetime import timedelta

    from tracker.core.text import fold
    from tracker.store import queries

    d = t.directive("M/KH-UBND")
    leads = [
        d.assign(ref, ref, lead=lead, due="1/1/2020").assignment_ids[0]
        for ref, lead in (("m", "Sở Nội vụ"), ("n", "Sở Tư pháp"))
    ]
    with t.transaction() as session:
        templates = [session.get(Assignment, lead) for lead in leads]
        session.execute(
            insert(Assignment),
            [
                {
                    "task_id": template.task_id,
                    "agency_id": template.agency_id,
                    "role": "lead",
                    "period": f"p{i}",
                    "deadline_text": "",
                    "result_ref": "",
                    "note": "",
                    "version": 1,
                    "due_on": due,
                    "completed_on": done,
                    "withdrawn_on": gone,
                    "created_at": template.created_at,
                    "updated_at": template.created_at,
                }
                for i, (due, done, gone) in enumerate(rows)
                if (template := templates[i % 2]) is not None
            ],
        )
    try:
        window_end = as_of + timedelta(days=7)
        expected = sorted(
            (
                (r.due_on, r.id, r.agency)
                for r in t.assignments(as_of=as_of)
                if r.status is Status.OVERDUE
                or (r.status is Status.IN_PROGRESS and r.due_on is not None and as_of <= r.due_on <= window_end)
            ),
            key=lambda e: (e[0], e[1]),
        )
        for search in (None, "noi vu"):
            criteria = AssignmentFilter(overdue=True, due_within=7, search=search)
            wanted = [i for _, i, agency in expected if search is None or "noi vu" in fold(agency)]
            paged: list[int] = []
            while True:
                page = list(queries.list_assignments(t.reader, criteria, as_of, limit=3, offset=len(paged)))
                paged += [r.id for r in page]
                if len(page) < 3:
                    break
            assert paged == wanted, search
            assert queries.count_assignments(t.reader, criteria, as_of) == len(wanted), search
    finally:
        table = Assignment.__table__  # type: ignore[attr-defined]
        with t.transaction() as session:
            session.execute(table.delete().where(table.c.period.like("p%")))
            session.execute(table.delete().where(col(Assignment.id).in_(leads)))


@pytest.mark.parametrize("most", [None, 0], ids=["by-ids", "row-by-row"])
@pytest.mark.parametrize(
    "query", ["so noi vu", "dau tu", "4515", "xyzq", "noi vu xyzq", "BÁO CÁO tháng", "kh-ubnd 34", "so n", ""]
)
@pytest.mark.parametrize(
    "view",
    [
        AssignmentFilter(),
        AssignmentFilter(overdue=True, due_within=30),
        AssignmentFilter(statuses=[Status.DONE_ON_TIME]),
    ],
    ids=["all", "morning", "done"],
)
def test_search_is_every_word_in_the_task_agency_or_directive(
    demo_url: str, query: str, view: AssignmentFilter, most: int | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Checked against the rule itself, row by row, over the whole demo; words found nowhere give nothing.
    The count (matched through ids, by a table scan with the morning filters) agrees with the rows.
    Both ways of matching a word: by the ids of the agencies and tasks it is found in, and (a limit of
    no tasks) row by row."""
    from dataclasses import replace as replaced

    from tracker.core.text import fold
    from tracker.store import search

    if most is not None:
        monkeypatch.setattr(search, "MOST_TASKS", most)
        monkeypatch.setattr(search, "MOST_TASKS_UNINDEXED", most)

    demo = tracker.open(demo_url)
    as_of = date(2020, 6, 15)
    everything = demo.assignments(view, as_of=as_of)
    words = fold(query).split()
    expected = sorted(
        r.id
        for r in everything
        if all(w in fold(r.task) or w in fold(r.agency) or w in fold(r.directive) for w in words)
    )
    criteria = replaced(view, search=query or None)
    found = sorted(r.id for r in demo.assignments(criteria, as_of=as_of))
    assert found == expected
    assert demo.count(criteria, as_of=as_of) == len(expected)
    if "xyzq" in query:
        assert expected == []
    demo.close()


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_a_page_is_planned_without_parallel_workers_and_the_setting_is_restored(demo_url: str) -> None:
    """PostgreSQL: a page (a read with a limit) runs with parallel workers off, since starting them
    costs more than walking an index for a hundred rows; counts and full reads keep the server's setting."""
    from tracker.store import queries
    from tracker.store.reader import Reader

    reader = Reader(demo_url)
    default = reader.scalar("SHOW max_parallel_workers_per_gather")
    seen: list[str] = []
    rows = reader._raw.rows

    def watched(text: str, params: dict[str, Any] | None = None) -> list[tuple[Any, ...]]:
        if text.lstrip().startswith("SELECT a.id"):
            seen.append(str(rows("SHOW max_parallel_workers_per_gather")[0][0]))
        return rows(text, params)

    reader._raw.rows = watched  # type: ignore[method-assign]
    as_of = date(2020, 6, 15)
    page = list(queries.list_assignments(reader, AssignmentFilter(), as_of, limit=5))
    everything = list(queries.list_assignments(reader, AssignmentFilter(), as_of))
    assert [r.id for r in page] == [r.id for r in everything[:5]]
    assert seen == ["0", default, default]  # the page; then the dated and the undated rows of the full read
    assert reader.scalar("SHOW max_parallel_workers_per_gather") == default != "0"
    reader.close()


def test_a_search_is_read_through_where_its_words_are_found(demo_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each word's agencies and tasks go with the criteria; a word in more tasks than the limit has no
    task list (it is checked row by row); a word found nowhere reads nothing."""
    from tracker.store import queries, search

    demo = tracker.open(demo_url)
    reader = demo.reader
    tasks_of_4515 = tuple(
        sorted(
            row[0]
            for row in reader.rows(
                "SELECT t.id FROM task t JOIN directive d ON d.id = t.directive_id WHERE d.number LIKE '%4515%'"
            )
        )
    )
    assert tasks_of_4515
    narrowed = queries.narrowed_by_search(reader, AssignmentFilter(search="4515"))
    assert narrowed is not None and narrowed.word_matches == (search.WordMatch((), tasks_of_4515),)
    noi_vu = queries.narrowed_by_search(reader, AssignmentFilter(search="noi vu"))
    assert noi_vu is not None and noi_vu.word_matches is not None
    noi_agencies = {row[0] for row in reader.rows("SELECT id FROM agency WHERE folded_name LIKE '%noi%'")}
    assert noi_agencies and set(noi_vu.word_matches[0].agency_ids) == noi_agencies
    assert queries.narrowed_by_search(reader, AssignmentFilter(search="4515 xyzq")) is None
    monkeypatch.setattr(search, "MOST_TASKS", len(tasks_of_4515) - 1)  # now too many: no task list
    common = queries.narrowed_by_search(reader, AssignmentFilter(search="4515"))
    assert common is not None and common.word_matches == (search.WordMatch((), None),)
    demo.close()
