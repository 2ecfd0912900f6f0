"""Importing files: every encoding, delimiter and format; idempotent; all or nothing; both backends."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tracker
from tests.data.make_files import EXPECTED_ASSIGNMENTS, HEADER_VI, ROWS
from tests.integration.cli_runner import run
from tests.integration.tally import assert_counts_are_exact, kept_tally, trigger_definitions
from tracker.core.errors import TrackerError
from tracker.core.status import Status
from tracker.importing.export import export_records, write_records

pytestmark = pytest.mark.usefixtures("backend")

DATA = Path(__file__).resolve().parent.parent / "data"
FILES = sorted(p.name for p in DATA.iterdir() if p.suffix in {".csv", ".xlsx", ".json"})


@pytest.fixture
def t(demo_url: str) -> Iterator[tracker.Tracker]:
    opened = tracker.open(demo_url, today="01/05/2021")
    yield opened
    opened.close()


def _plan_rows(t: tracker.Tracker) -> list[tuple[object, ...]]:
    return sorted(
        (r.ref, r.agency, r.role, r.due_on, r.completed_on, r.result_ref, r.note, r.deadline_text)
        for r in t.by_directive("12/KH-UBND")
    )


def _count(t: tracker.Tracker) -> int:
    return int(t.reader.scalar("SELECT count(*) FROM assignment"))


@pytest.mark.parametrize("name", FILES)
def test_every_fixture_file_imports_the_same_assignments(t: tracker.Tracker, name: str) -> None:
    before = _count(t)
    report = t.import_file(DATA / name)
    assert report.ok, report.errors
    assert (report.created, report.updated, report.unchanged) == (EXPECTED_ASSIGNMENTS, 0, 0)
    assert _count(t) == before + EXPECTED_ASSIGNMENTS
    rows = {(r.ref, r.agency, r.role): r for r in t.by_directive("12/KH-UBND")}
    first = rows[("1", "Sở Thông tin và Truyền thông", "lead")]
    assert (str(first.due_on), str(first.completed_on), first.result_ref) == ("2021-04-30", "2021-04-28", "45/BC-STTTT")
    assert first.status is Status.DONE_ON_TIME
    # "Sở TN&MT" is an alias; a cell of names with commas splits into known names.
    assert {a for (ref, a, role) in rows if ref == "2"} == {
        "Sở Tài nguyên và Môi trường",
        "Sở Văn hóa, Thể thao và Du lịch",
        "Sở Y tế",
    }
    assert str(rows[("2", "Sở Tài nguyên và Môi trường", "lead")].due_on) == "2021-06-30"
    assert rows[("2", "Sở Tài nguyên và Môi trường", "lead")].note == "Ưu tiên"
    assert len([key for key in rows if key[0] == "3"]) == 27  # the district group, expanded
    # Importing the same file again changes nothing.
    again = t.import_file(DATA / name)
    assert (again.created, again.updated, again.unchanged) == (0, 0, EXPECTED_ASSIGNMENTS)


def test_all_formats_agree(t: tracker.Tracker) -> None:
    seen = set()
    for name in FILES:
        report = t.import_file(DATA / name)
        assert report.ok
        seen.add(tuple(_plan_rows(t)))
    assert len(seen) == 1


def test_xlsx_other_sheet(t: tracker.Tracker) -> None:
    without_issuer = t.import_file(DATA / "assignments-merged.xlsx", sheet="Khác")
    assert "cannot tell which jurisdiction" in without_issuer.errors[0]
    report = t.import_file(DATA / "assignments-merged.xlsx", sheet="Khác", jurisdiction="thanh-hoa")
    assert report.ok and report.created == 1
    with pytest.raises(tracker.TrackerError, match="no sheet 'Nope'"):
        t.import_file(DATA / "assignments-merged.xlsx", sheet="Nope")


def _write(path: Path, rows: list[list[str]], header: list[str] = HEADER_VI) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def test_a_changed_deadline_updates_and_is_recorded_with_the_file(t: tracker.Tracker, tmp_path: Path) -> None:
    t.import_file(DATA / "assignments-utf8-comma.csv")
    changed = [list(r) for r in ROWS]
    changed[1][9] = "15/7/2021"
    report = t.import_file(_write(tmp_path / "doi-han.csv", changed))
    assert (report.created, report.updated) == (0, 3)
    lead = next(r for r in t.by_directive("12/KH-UBND") if r.ref == "2" and r.role == "lead")
    assert str(lead.due_on) == "2021-07-15"
    sources = t.reader.rows(
        "SELECT old_due_on, new_due_on, source FROM deadline_change WHERE assignment_id = :a", {"a": lead.id}
    )
    assert [(str(o)[:10], str(n)[:10], s) for o, n, s in sources] == [("2021-06-30", "2021-07-15", "doi-han.csv")]


def test_the_status_counts_follow_what_an_import_creates_and_updates(t: tracker.Tracker, tmp_path: Path) -> None:
    """The completion tally behind the counts is kept by triggers, whichever connection writes."""
    days = (date(2021, 4, 29), date(2021, 5, 10), date(2021, 12, 31))
    t.import_file(DATA / "assignments-utf8-comma.csv")
    assert_counts_are_exact(t, *days)
    changed = [list(r) for r in ROWS]
    changed[0][10] = "05/05/2021"  # done late now
    changed[1][10] = "20/06/2021"  # done, and on time
    report = t.import_file(_write(tmp_path / "hoan-thanh.csv", changed))
    assert report.updated >= 2
    assert_counts_are_exact(t, *days)
    assert t.status_counts(date(2021, 12, 31))[Status.DONE_LATE] >= 1


def test_every_problem_is_reported_with_file_row_column_and_nothing_is_written(
    t: tracker.Tracker, tmp_path: Path
) -> None:
    bad = [list(r) for r in ROWS]
    bad[0][7] = "Sở TNMTT"  # unknown agency
    bad[1][9] = "31/4/2021"  # impossible date
    bad[2][10] = "hôm qua"  # not a date
    path = _write(tmp_path / "loi.csv", bad)
    before = _count(t)
    report = t.import_file(path)
    assert not report.ok
    assert len(report.errors) == 3
    assert report.errors[0].startswith(f"{path}:2:H: 'Sở TNMTT': agency 'Sở TNMTT' is unknown; did you mean")
    assert report.errors[1].startswith(f'{path}:3:J: "31/4/2021": 31/4/2021 is not a date')  # the value said once
    assert report.errors[2].startswith(f'{path}:4:K: "hôm qua" is not a date')
    assert _count(t) == before
    assert t.reader.scalar("SELECT count(*) FROM directive WHERE number = '12/KH-UBND'") == 0


def test_one_problem_on_many_rows_is_said_once_with_the_rows(
    capsys: pytest.CaptureFixture[str], demo_url: str, tmp_path: Path
) -> None:
    rows = [[*ROWS[0][:4], "UBND tỉnh Hà Giang", str(ref), *ROWS[0][6:]] for ref in range(1, 9)]
    rows.append([*ROWS[1][:9], "31/4/2021", *ROWS[1][10:]])
    path = _write(tmp_path / "hg.csv", rows)
    result = run(capsys, "--db", demo_url, "--lang", "vi", "import", str(path))
    assert result.code == 1
    lines = result.err.strip().splitlines()
    assert len(lines) == 3, lines  # the province once, the date once, the summary
    assert lines[0].startswith(f"{path}:2:E: 'UBND tỉnh Hà Giang': Tỉnh Hà Giang")
    assert lines[0].endswith("(cùng lỗi này ở 7 dòng khác: 3, 4, 5, 6, 7, 8, 9)")
    assert lines[1].startswith(f'{path}:10:J: "31/4/2021": 31/4/2021 không phải là một ngày')
    assert "có 9 lỗi" in lines[2]


def test_a_column_no_field_reads_is_said_and_an_export_has_none(t: tracker.Tracker, tmp_path: Path) -> None:
    header = [*HEADER_VI[:9], "Hạn chót", *HEADER_VI[10:], "Trạng thái"]
    path = _write(tmp_path / "cot.csv", [[*row, "xong"] for row in ROWS], header)
    report = t.import_file(path, dry_run=True)
    assert report.ok, report.errors
    said = [n for n in report.notices if "Trạng thái" in str(n)]
    assert len(said) == 1 and "--map" in said[0].text("vi") and "Hạn chót" not in str(said[0])
    assert t.import_file(path).ok
    assert {r.due_on for r in t.by_directive("12/KH-UBND")} != {None}  # "Hạn chót" is read as the deadline
    exported = tmp_path / "xuat.csv"
    write_records(exported, "csv", export_records(t.reader, t.assignments()))
    assert not [n for n in t.import_file(exported, dry_run=True).notices if "not a field" in str(n)]


def test_duplicate_keys_inside_one_file_are_an_error(t: tracker.Tracker, tmp_path: Path) -> None:
    report = t.import_file(_write(tmp_path / "trung.csv", [ROWS[0], ROWS[0]]))
    assert len(report.errors) == 1 and "already on row 2" in report.errors[0]


def test_missing_columns_name_what_was_found(t: tracker.Tracker, tmp_path: Path) -> None:
    path = _write(tmp_path / "thieu.csv", [["1"]], header=["Số hiệu văn bản"])
    with pytest.raises(tracker.TrackerError, match=r"missing column\(s\) ref"):
        t.import_file(path)


def test_map_reads_other_headers(t: tracker.Tracker, tmp_path: Path) -> None:
    header = list(HEADER_VI)
    header[7] = "Đơn vị thực hiện"
    path = _write(tmp_path / "map.csv", [ROWS[0]], header=header)
    with pytest.raises(tracker.TrackerError, match="missing column"):
        t.import_file(path)
    assert t.import_file(path, maps=["Đơn vị thực hiện=lead"]).created == 3


def test_dry_run_counts_and_writes_nothing(t: tracker.Tracker) -> None:
    before = _count(t)
    report = t.import_file(DATA / "directives.json", dry_run=True)
    assert report.ok and report.created == EXPECTED_ASSIGNMENTS
    assert _count(t) == before


def test_create_agencies_and_the_unknown_name_without_it(t: tracker.Tracker, tmp_path: Path) -> None:
    rows = [list(ROWS[0])]
    rows[0][7] = "Ban Chỉ đạo chuyển đổi số"
    path = _write(tmp_path / "moi.csv", rows)
    assert not t.import_file(path).ok
    report = t.import_file(path, create_agencies=True)
    assert report.ok and report.agencies_created == 1


def test_a_cell_of_a_known_and_an_unknown_name_names_the_unknown_one_and_the_dry_run_lists_new_ones(
    t: tracker.Tracker, tmp_path: Path
) -> None:
    rows = []
    for number in range(1, 26):
        row = list(ROWS[0])
        row[5], row[7], row[8] = str(number), f"Ban Quản lý dự án {number:02}", "Sở Nội vụ, Ban Quản lý dự án 01"
        rows.append(row)
    path = _write(tmp_path / "moi.csv", rows)
    refused = t.import_file(path)
    coordinating = [str(error).split(":I: ", 1)[1] for error in refused.errors if ":I: " in str(error)]
    said = "'Ban Quản lý dự án 01': agency 'Ban Quản lý dự án 01' is unknown"  # the new name alone
    assert len(coordinating) == 25 and all(error.startswith(said) for error in coordinating), coordinating[0]
    report = t.import_file(path, create_agencies=True, dry_run=True)
    assert report.ok and report.agencies_created == 25
    shown = "; ".join(f"Ban Quản lý dự án {number:02}" for number in range(1, 21))
    assert report.summary("en").splitlines()[-1] == f"Agencies that would be created (25): {shown}; … and 5 more."
    assert report.summary("vi").splitlines()[-1].endswith("Ban Quản lý dự án 20; … và 5 cơ quan khác.")
    assert sum(str(n).startswith("Agencies") for n in report.notices) == 1  # one notice, said once


def test_recurring_deadline_rows_materialise_periods(t: tracker.Tracker, tmp_path: Path) -> None:
    rows = [
        [
            "5/KH-UBND",
            "1/1/2021",
            "",
            "",
            "UBND tỉnh Thanh Hóa",
            "BC",
            "Báo cáo tháng",
            "Sở Y tế",
            "",
            "trước ngày 20 hàng tháng",
            "",
            "",
            "",
        ]
    ]
    report = t.import_file(_write(tmp_path / "thang.csv", rows), horizon="30/4/2021")
    assert report.created == 4
    done = [
        [
            "5/KH-UBND",
            "1/1/2021",
            "",
            "",
            "UBND tỉnh Thanh Hóa",
            "BC",
            "Báo cáo tháng",
            "Sở Y tế",
            "",
            "trước ngày 20 hàng tháng",
            "18/02/2021",
            "9/BC-SYT",
            "",
        ]
    ]
    header = [*HEADER_VI, "Kỳ"]
    missing_period = t.import_file(_write(tmp_path / "ky.csv", done, header=HEADER_VI), horizon="30/4/2021")
    assert "needs the period" in missing_period.errors[0]
    with_period = t.import_file(
        _write(tmp_path / "ky2.csv", [[*done[0], "2021-02"]], header=header), horizon="30/4/2021"
    )
    assert (with_period.created, with_period.updated) == (0, 1)


def test_agency_list_import(t: tracker.Tracker, tmp_path: Path) -> None:
    path = tmp_path / "co-quan.csv"
    path.write_text(
        "Tên cơ quan,Tên gọi khác,Loại,Nhóm,Email\n"
        'Sở Du lịch,SDL; Sở DL,department,"Các sở, ban, ngành cấp tỉnh",sdl@thanhhoa.example.org\n'
        "Sở Y tế,SYT,department,,syt2@thanhhoa.example.org\n",
        encoding="utf-8",
    )
    report = t.import_file(path, jurisdiction="thanh-hoa")
    assert report.ok, report.errors
    assert (report.created, report.updated) == (1, 1)
    assert t.import_file(path, jurisdiction="thanh-hoa").unchanged == 2
    from tracker.store import names

    assert names.find_agency(t.reader, "thanh-hoa:Sở DL").name == "Sở Du lịch"


def test_the_domain_documents_import_as_fixtures(db_url: str, demo_url: str) -> None:
    """The seeds' agency lists and directives (from the two real documents) through the importers give
    the demo's assignments."""
    seeds = Path(__file__).resolve().parent.parent.parent / "seeds"
    t = tracker.open(db_url, today="15/6/2020")
    for code, name in (("thanh-hoa", "Tỉnh Thanh Hóa"), ("bac-giang", "Tỉnh Bắc Giang")):
        t.jurisdiction(code, name)
        agencies = t.import_file(seeds / code / "agencies.csv", jurisdiction=code)
        assert agencies.ok, agencies.errors
        report = t.import_file(seeds / code / "directives.json", jurisdiction=code, horizon="31/12/2020")
        assert report.ok, report.errors
    demo = tracker.open(demo_url)

    def identities(opened: tracker.Tracker) -> list[tuple[object, ...]]:
        return sorted((r.directive, r.ref, r.agency, r.role, r.period, r.deadline_text) for r in opened.assignments())

    imported = identities(t)
    assert imported == identities(demo)
    assert len([i for i in imported if i[0] == "34/KH-UBND"]) == 27 + 10 + 27 + 7 + 4 + 1 + 2
    assert len([i for i in imported if i[4] == "2020-02"]) == 30
    t.close()
    demo.close()


def test_export_then_import_into_an_empty_database_gives_the_same_assignments(
    demo_url: str, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for file_format in ("csv", "xlsx", "json"):
        path = tmp_path / f"all.{file_format}"
        assert run(capsys, "--db", demo_url, "export", str(path)).code == 0
    target = tracker.open(db_url)
    report = target.import_file(tmp_path / "all.xlsx", create_agencies=True)
    assert report.ok, report.errors[:3]
    source = tracker.open(demo_url)

    def snapshot(t: tracker.Tracker) -> list[tuple[object, ...]]:
        return sorted(
            (r.jurisdiction, r.directive, r.ref, r.agency, r.role, r.period, r.due_on, r.completed_on, r.result_ref)
            for r in t.assignments(as_of="15/6/2020")
            if r.withdrawn_on is None
        )

    assert snapshot(target) == snapshot(source)
    for other in ("all.csv", "all.json"):
        again = target.import_file(tmp_path / other)
        assert (again.created, again.updated) == (0, 0), other
    target.close()
    source.close()


def test_cli_import_reports_and_exits_1_on_errors(
    demo_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = run(capsys, "--db", demo_url, "import", str(DATA / "assignments-utf8-comma.csv"))
    assert good.code == 0 and f"{EXPECTED_ASSIGNMENTS} created" in good.out
    bad = [list(r) for r in ROWS]
    bad[0][9] = "30/2/2021"
    result = run(capsys, "--db", demo_url, "import", str(_write(tmp_path / "x.csv", bad)))
    assert result.code == 1
    assert ':2:J: "30/2/2021": ' in result.err and "nothing was imported" in result.err
    template = run(capsys, "import", "--template", "xlsx", str(tmp_path / "mau.xlsx"))
    assert template.code == 0
    dry = run(capsys, "--db", demo_url, "import", str(tmp_path / "mau.xlsx"), "--dry-run")
    assert dry.code == 0 and "dry run" in dry.out


cell = st.one_of(st.text(max_size=12), st.sampled_from(["30/2/2020", "Sở Y tế", "trước 30/4/2020", "", "x;y,z"]))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(cell, min_size=0, max_size=15), min_size=1, max_size=6))
def test_malformed_rows_never_crash_or_write_part_of_a_file(
    t: tracker.Tracker, tmp_path: Path, rows: list[list[str]]
) -> None:
    path = tmp_path / "fuzz.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER_VI)
        writer.writerows([[c.replace("\x00", "") for c in row] for row in rows])
    before = _count(t), int(t.reader.scalar("SELECT count(*) FROM task"))
    try:
        report = t.import_file(path)
    except tracker.TrackerError:
        report = None
    after = _count(t), int(t.reader.scalar("SELECT count(*) FROM task"))
    if report is None or not report.ok:
        assert after == before
    else:
        assert after[0] >= before[0]


def _peak_while_reading(path: Path) -> tuple[int, int]:
    """(rows read, peak bytes allocated by Python) while reading every row of ``path``."""
    import tracemalloc

    from tracker.importing.sources import open_table

    tracemalloc.start()
    try:
        table = open_table(path)
        count = sum(1 for _ in table.rows)
        return count, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_big_xlsx_and_json_files_are_streamed(tmp_path: Path) -> None:
    """Read whole, each file would take tens of megabytes; streamed, a few."""
    import json

    import openpyxl

    rows = 5_000
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Danh sách")
    sheet.append(HEADER_VI)
    for index in range(rows):
        sheet.append(
            [
                f"{index // 50}/KH-UBND",
                "01/02/2021",
                "Kế hoạch",
                "Tiêu đề " * 5,
                "UBND tỉnh Thanh Hóa",
                str(index),
                f"Nhiệm vụ số {index} " * 4,
                "Sở Tư pháp",
                "Sở Nội vụ",
                "trước 30/6/2021",
                None,
                None,
                None,
            ]
        )
    workbook.save(tmp_path / "big.xlsx")
    items = [
        {
            "directive": f"{i // 50}/KH-UBND",
            "ref": str(i),
            "task": f"Nhiệm vụ số {i} " * 4,
            "lead": "Sở Tư pháp",
            "deadline": "trước 30/6/2021",
            "title": "Tiêu đề " * 5,
        }
        for i in range(rows * 4)
    ]
    (tmp_path / "big.json").write_text(json.dumps({"assignments": items}, ensure_ascii=False), encoding="utf-8")
    for name, expected in (("big.xlsx", rows), ("big.json", rows * 4)):
        count, peak = _peak_while_reading(tmp_path / name)
        assert count == expected
        assert peak < 4 * 2**20, f"{name}: {peak / 2**20:.1f} MB held while reading"


def test_merged_blocks_fill_their_rows_when_streamed(tmp_path: Path) -> None:
    import openpyxl

    from tracker.importing.sources import open_table

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["a", "b", "c"])
    sheet.append(["x", "1", "p"])
    sheet.append([None, "2", None])
    sheet.append([None, None, None])  # an empty row inside the block is still skipped
    sheet.append([None, "3", "q"])
    sheet.append(["y", "4", None])
    sheet.merge_cells("A2:A5")
    sheet.merge_cells("C2:C3")
    sheet.merge_cells("B6:C6")
    workbook.save(tmp_path / "m.xlsx")
    read = [(row.location, row.values) for row in open_table(tmp_path / "m.xlsx").rows]
    assert read == [
        ("2", ["x", "1", "p"]),
        ("3", ["x", "2", "p"]),
        ("4", ["x", None, None]),
        ("5", ["x", "3", "q"]),
        ("6", ["y", "4", "4"]),
    ]


def test_truncated_json_is_reported_and_nothing_is_written(t: tracker.Tracker, tmp_path: Path) -> None:
    path = tmp_path / "cut.json"
    good = (
        '{"assignments": [{"directive": "12/KH-UBND", "ref": "1", "task": "Việc", "lead": "Sở Tư pháp", '
        '"deadline": "30/6/2021"}'
    )
    path.write_text(good + ', {"directive": "12/KH', encoding="utf-8")
    before = _count(t)
    with pytest.raises(tracker.TrackerError, match=r"cut\.json: not valid JSON"):
        t.import_file(path)
    assert _count(t) == before


def test_a_file_that_is_not_utf8_names_its_line_and_writes_nothing(t: tracker.Tracker, tmp_path: Path) -> None:
    """The encoding is checked while the rows are read, not in a first pass: a bad byte far down the file
    comes after batches were written, and they must go too."""
    rows = [
        [*ROWS[0][:5], f"N{i}", f"Nhiệm vụ {i}", ROWS[0][7], "", "trước 30/4/2021", "", "", ""] for i in range(6000)
    ]
    path = _write(tmp_path / "cp1258.csv", rows)
    lines = path.read_bytes().split(b"\r\n")
    lines[5600] = lines[5600].replace("Nhiệm vụ".encode(), "Nhi\xeam v\xf5".encode("latin-1"))
    path.write_bytes(b"\r\n".join(lines))
    before = _count(t)
    with pytest.raises(tracker.TrackerError, match=r"cp1258\.csv: the file is not UTF-8 or UTF-16 \(line 5601\)"):
        t.import_file(path)
    assert _count(t) == before


def _index_definitions(t: tracker.Tracker) -> list[tuple[str, str]]:
    if t.engine.dialect.name == "sqlite":
        query = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'assignment' ORDER BY name"
    else:
        query = "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'assignment' ORDER BY indexname"
    return [(str(name), str(definition)) for name, definition in t.reader.rows(query)]


def _many_rows(count: int, done_every: int = 0) -> list[list[str]]:
    """``count`` tasks of 20 directives, each with a lead and a coordinating agency; with ``done_every``,
    every so many tasks were done on 10 June 2021 (on time or late: their deadlines are in June)."""
    return [
        [
            f"{900 + index % 20}/KH-UBND",
            "01/02/2021",
            "Kế hoạch",
            "Tiêu đề",
            "UBND tỉnh Thanh Hóa",
            str(index),
            f"Nhiệm vụ số {index}",
            "Sở Tư pháp",
            "Sở Nội vụ",
            f"trước {1 + index % 28}/6/2021",
            "10/06/2021" if done_every and index % done_every == 0 else "",
            "",
            "",
        ]
        for index in range(count)
    ]


def test_a_large_import_leaves_every_index_whole(t: tracker.Tracker, tmp_path: Path) -> None:
    """A load that adds more than the table held builds the secondary indexes once at the end on SQLite:
    afterwards they are all there, defined as before, and agree with the table."""
    indexes, triggers = _index_definitions(t), trigger_definitions(t)
    before = _count(t)
    report = t.import_file(_write(tmp_path / "many.csv", _many_rows(6_000)))
    assert report.ok, report.errors[:3]
    assert report.created == 12_000 and _count(t) == before + 12_000
    assert _index_definitions(t) == indexes
    # The completion tally's insert trigger was off for the load (SQLite): it is back, and the tally is whole.
    assert trigger_definitions(t) == triggers and len(triggers) == 3
    if t.engine.dialect.name == "sqlite":
        assert t.reader.rows("PRAGMA integrity_check") == [("ok",)]
    # The indexes answer: the open rows of one due date, through the digest's index, and one agency's rows.
    on_day = t.reader.scalar(
        "SELECT count(*) FROM assignment WHERE due_on = :day AND completed_on IS NULL AND withdrawn_on IS NULL",
        {"day": "2021-06-05"},
    )
    assert on_day == 2 * len([i for i in range(6_000) if 1 + i % 28 == 5])
    again = t.import_file(tmp_path / "many.csv")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 12_000)
    # Completions in a later file update the tally through the update trigger, a second load through
    # the deferred insert.
    finished = t.import_file(_write(tmp_path / "done.csv", _many_rows(6_000, done_every=3)))
    assert finished.updated == 2_000  # the lead agencies report; the coordinating ones are unchanged
    late = t.import_file(_write(tmp_path / "more.csv", _many_rows(12_000, done_every=5)[6_000:]))
    assert late.created == 12_000
    assert_counts_are_exact(t, date(2021, 6, 9), date(2021, 6, 10), date(2021, 12, 31))
    assert trigger_definitions(t) == triggers


def test_a_large_import_that_fails_keeps_the_indexes_and_writes_nothing(t: tracker.Tracker, tmp_path: Path) -> None:
    indexes, triggers, tally = _index_definitions(t), trigger_definitions(t), kept_tally(t)
    before = _count(t)
    rows = _many_rows(12_000, done_every=2)
    rows[-1][9] = "31/2/2021"
    report = t.import_file(_write(tmp_path / "bad.csv", rows))
    assert not report.ok and ':12001:J: "31/2/2021": ' in report.errors[0]
    assert _count(t) == before
    assert _index_definitions(t) == indexes
    assert trigger_definitions(t) == triggers and kept_tally(t) == tally


def test_a_byte_order_mark_inside_a_data_row_makes_no_second_directive(t: tracker.Tracker, tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_text(
        "directive,ref,task,lead,deadline\n"
        "99/KH-UBND,1,Báo cáo,Sở Tư pháp,trước 30/4/2021\n"
        "\ufeff99/KH-UBND,2,Báo cáo thêm,Sở Tư pháp,trước 30/5/2021\n",
        encoding="utf-8",
    )
    report = t.import_file(path, jurisdiction="thanh-hoa")
    assert report.ok, report.errors
    assert report.directives_created == 1
    assert t.reader.scalar("SELECT count(*) FROM directive WHERE number LIKE '%99/KH-UBND'") == 1


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{"assignments": [{"directive": "1/KH", "ref": "1", "task": {"x": 1}, "lead": "Sở Tư pháp"}]}', "task"),
        (
            '{"assignments": [{"directive": "1/KH", "ref": "1", "task": "T", "lead": "Sở Tư pháp", "note": true}]}',
            "note",
        ),
        ('{"directives": [{"number": "1/KH", "tasks": {"ref": "1"}}]}', "tasks is not a list"),
    ],
)
def test_json_values_of_the_wrong_type_are_an_error_naming_the_field(
    t: tracker.Tracker, tmp_path: Path, content: str, expected: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    before = _count(t)
    with pytest.raises(TrackerError, match=expected):
        t.import_file(path, jurisdiction="thanh-hoa")
    assert _count(t) == before


def test_a_directive_whose_tasks_are_null_has_no_tasks(t: tracker.Tracker, tmp_path: Path) -> None:
    path = tmp_path / "null.json"
    path.write_text('{"directives": [{"number": "1/KH", "tasks": null}]}', encoding="utf-8")
    report = t.import_file(path, jurisdiction="thanh-hoa")
    assert report.ok and report.rows == 0


def test_a_quote_left_open_is_an_error_naming_its_row(t: tracker.Tracker, tmp_path: Path) -> None:
    lines = ["directive,ref,task,lead,deadline,note"]
    lines += [f"99/KH-UBND,{n},Báo cáo {n},Sở Tư pháp,trước 30/4/2021," for n in range(1, 21)]
    lines[3] += '"nhắc lại'
    path = tmp_path / "open-quote.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = _count(t)
    with pytest.raises(TrackerError, match=r"open-quote.csv:4:F: a quote opened in this cell is not closed"):
        t.import_file(path, jurisdiction="thanh-hoa")
    assert _count(t) == before


def test_a_cell_with_line_breaks_is_still_read(t: tracker.Tracker, tmp_path: Path) -> None:
    path = tmp_path / "lines.csv"
    path.write_text(
        'directive,ref,task,lead,deadline,note\n99/KH-UBND,1,"Báo cáo\nhai dòng",Sở Tư pháp,trước 30/4/2021,"a\nb"\n',
        encoding="utf-8",
    )
    assert t.import_file(path, jurisdiction="thanh-hoa").ok
