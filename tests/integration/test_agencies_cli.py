"""``tracker jurisdiction`` and ``tracker agency``: what they change, audited; bad input is one line in
the user's language, exit 1, nothing written; agency lists are merged; on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import openpyxl
import pytest

import tracker
from tests.integration.cli_runner import Result, run


def _cli(capsys: pytest.CaptureFixture[str], url: str, *args: str, lang: str = "en") -> Result:
    return run(capsys, "--db", url, "--lang", lang, *args)


def _state(url: str) -> tuple[object, ...]:
    """Everything an agency command may change, to check that a refused one changed nothing."""
    opened = tracker.open(url)
    tables = ("jurisdiction", "agency", "agency_alias", "agency_contact", "group_member", "audit_log", "assignment")
    found = tuple(opened.reader.rows(f"SELECT COUNT(*) FROM {table}")[0][0] for table in tables)
    names = tuple(opened.reader.rows("SELECT name, kind, short_name FROM agency ORDER BY id"))
    opened.close()
    return found, names


@pytest.fixture
def province(db_url: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert _cli(capsys, db_url, "jurisdiction", "add", "lao-cai", "Tỉnh Lào Cai").code == 0
    result = _cli(
        capsys,
        db_url,
        "agency",
        "add",
        "Sở Nội vụ",
        "--kind",
        "sở",
        "--alias",
        "SNV",
        "--email",
        "snv@laocai.example.org",
        "--group",
        "Các sở, ban, ngành",
    )
    assert result.code == 0, result.err
    assert _cli(capsys, db_url, "agency", "add", "Sở Tư pháp", "--kind", "department", "--short", "STP").code == 0
    return db_url


def test_jurisdictions_are_listed_added_and_renamed(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert json.loads(_cli(capsys, db_url, "jurisdiction", "list", "--format", "json").out) == []
    empty = _cli(capsys, db_url, "jurisdiction", "list", lang="vi")
    assert "tracker jurisdiction add" in empty.out
    assert _cli(capsys, db_url, "jurisdiction", "add", "ha-noi", "TP Hà Nội").code == 0
    renamed = _cli(capsys, db_url, "jurisdiction", "rename", "ha-noi", "Thành phố Hà Nội", lang="vi")
    assert renamed.code == 0 and "Thành phố Hà Nội" in renamed.out
    listed = json.loads(_cli(capsys, db_url, "jurisdiction", "list", "--format", "json").out)
    assert listed == [{"code": "ha-noi", "name": "Thành phố Hà Nội"}]
    table = _cli(capsys, db_url, "jurisdiction", "list").out
    assert "Thành phố Hà Nội" in table and "ha-noi" in table
    opened = tracker.open(db_url)
    audit = opened.reader.rows(
        "SELECT action, field, old_value, new_value FROM audit_log WHERE entity = 'jurisdiction'"
    )
    opened.close()
    assert [row[0] for row in audit] == ["create", "update"]
    assert audit[1][1:] == ("name", "TP Hà Nội", "Thành phố Hà Nội")


def test_agencies_are_added_edited_and_listed(
    province: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    listed = {a["name"]: a for a in json.loads(_cli(capsys, province, "agency", "list", "--format", "json").out)}
    assert listed["Sở Nội vụ"] == {
        "name": "Sở Nội vụ",
        "jurisdiction": "lao-cai",
        "kind": "department",
        "short_name": "",
        "aliases": ["SNV"],
        "emails": ["snv@laocai.example.org"],
        "groups": ["Các sở, ban, ngành"],
    }
    assert listed["Các sở, ban, ngành"]["kind"] == "group"
    edited = _cli(
        capsys,
        province,
        "agency",
        "edit",
        "SNV",
        "--rename",
        "Sở Nội vụ tỉnh Lào Cai",
        "--remove-alias",
        "SNV",
        "--add-alias",
        "Sở NV",
        "--add-email",
        "vanthu@laocai.example.org",
        "--remove-email",
        "snv@laocai.example.org",
        "--remove-group",
        "Các sở, ban, ngành",
        "--kind",
        "khác",
        "--short",
        "NV",
    )
    assert edited.code == 0, edited.err
    same = _cli(capsys, province, "agency", "edit", "Sở NV", "--add-alias", "Sở NV", "--kind", "other")
    assert same.code == 0 and "nothing changed" in same.out
    after = {a["name"]: a for a in json.loads(_cli(capsys, province, "agency", "list", "--format", "json").out)}
    agency = after["Sở Nội vụ tỉnh Lào Cai"]
    assert agency["aliases"] == ["Sở Nội vụ", "Sở NV"]  # the old name still finds it
    assert agency["emails"] == ["vanthu@laocai.example.org"]
    assert (agency["groups"], agency["kind"], agency["short_name"]) == ([], "other", "NV")
    rows = list(csv.reader(_cli(capsys, province, "agency", "list", "--format", "csv").out.splitlines()))
    assert rows[0] == ["name", "jurisdiction", "kind", "short_name", "aliases", "emails", "groups"]
    table = _cli(capsys, province, "agency", "list", lang="vi").out
    assert "Tỉnh Lào Cai" in table and "khác" in table  # names and kinds as a person reads them
    opened = tracker.open(province)
    fields = [
        row[0]
        for row in opened.reader.rows(
            "SELECT field FROM audit_log WHERE entity = 'agency' AND action = 'update' ORDER BY id"
        )
    ]
    opened.close()
    assert {"name", "aliases", "emails", "groups", "kind", "short_name"} <= set(fields)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize(
    ("args", "vietnamese", "english"),
    [
        (
            ["agency", "add", "Sở Y tế", "--jurisdiction", "quang-nihn"],
            "không có tỉnh, thành phố mã 'quang-nihn'",
            "jurisdiction 'quang-nihn' does not exist",
        ),
        (
            ["agency", "add", "Sở Y tế", "--jurisdiction", "quang-ninh"],
            "Tỉnh Quảng Ninh (quang-ninh) chưa có",
            "Tỉnh Quảng Ninh (quang-ninh) is not in the database",
        ),
        (
            ["agency", "add", "sở nội vụ"],
            "đã có cơ quan 'Sở Nội vụ' (lao-cai); để sửa, dùng: tracker agency edit",
            "the agency 'Sở Nội vụ' (lao-cai) already exists; to change it use: tracker agency edit",
        ),
        (["agency", "merge", "SNV", "Sở Nội vụ"], "nêu hai cơ quan khác nhau", "name two different agencies"),
        (
            ["agency", "edit", "Sở Tư pháp", "--add-email", "stp@laocai"],
            "không phải là địa chỉ email",
            "is not an email address",
        ),
        (
            ["agency", "add", "Sở Y tế", "--email", "syt laocai@example.org"],
            "không phải là địa chỉ email",
            "is not an email address",
        ),
        (
            ["agency", "edit", "Sở Nội vụ", "--add-alias", "SYT", "--remove-alias", "Sở NV"],
            "không có tên gọi khác 'Sở NV' (đang có: SNV)",
            "has no alias 'Sở NV' (it has: SNV)",
        ),
        (
            ["agency", "add", "Sở Y tế", "--kind", "bệnh viện"],
            "loại 'bệnh viện' không có; các loại là department",
            "there is no kind 'bệnh viện'; the kinds are department",
        ),
        (["agency", "edit", "Sở Y tế", "--kind", "sở"], "không có cơ quan 'Sở Y tế'", "there is no agency 'Sở Y tế'"),
        (["jurisdiction", "add", "lao-cai", "Tỉnh Lào Cai"], "đã có 'lao-cai'", "'lao-cai' already exists"),
        (["jurisdiction", "add", "Quảng Ninh", "Tỉnh Quảng Ninh"], "ví dụ: quang-ninh", "e.g. quang-ninh"),
        (
            ["jurisdiction", "add", "lc", "Lào Cai"],
            "Lào Cai đã có với mã 'lao-cai'",
            "Lào Cai already exists as 'lao-cai'",
        ),
        (["jurisdiction", "rename", "lao-cai", " "], "hãy ghi tên của 'lao-cai'", "give 'lao-cai' a name"),
        (
            ["agency", "edit", "Sở Tư pháp", "--rename", "SNV"],
            "đã là tên gọi khác của 'Sở Nội vụ'",
            "is already an alias of 'Sở Nội vụ'",
        ),
    ],
)
def test_bad_input_is_one_line_in_the_users_language_and_writes_nothing(
    province: str, capsys: pytest.CaptureFixture[str], args: list[str], vietnamese: str, english: str, lang: str
) -> None:
    before = _state(province)
    result = _cli(capsys, province, *args, lang=lang)
    assert result.code == 1
    assert result.err.count("\n") == 1 and result.err.startswith("tracker: "), result.err
    assert (vietnamese if lang == "vi" else english) in result.err
    assert _state(province) == before


def test_merge_moves_assignments_aliases_emails_and_keeps_the_name_as_an_alias(
    province: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "nv.csv"
    with sheet.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Số hiệu văn bản", "Cơ quan ban hành", "Mã nhiệm vụ", "Nội dung", "Chủ trì", "Thời hạn"])
        writer.writerow(["12/KH-UBND", "UBND tỉnh Lào Cai", "1", "Việc một", "Sở Nội vụ Lào Cai", "30/6/2024"])
        writer.writerow(["12/KH-UBND", "UBND tỉnh Lào Cai", "2", "Việc hai", "Sở Tư pháp", "30/6/2024"])
    imported = _cli(capsys, province, "import", str(sheet), "--create-agencies")
    assert imported.code == 0, imported.err
    assert (
        _cli(
            capsys,
            province,
            "agency",
            "edit",
            "Sở Nội vụ Lào Cai",
            "--add-email",
            "nv2@laocai.example.org",
            "--add-alias",
            "NV Lào Cai",
        ).code
        == 0
    )
    merged = _cli(capsys, province, "agency", "merge", "Sở Nội vụ Lào Cai", "Sở Nội vụ", lang="vi")
    assert merged.code == 0, merged.err
    assert "chuyển 1 phân công" in merged.out
    agencies = {a["name"]: a for a in json.loads(_cli(capsys, province, "agency", "list", "--format", "json").out)}
    assert "Sở Nội vụ Lào Cai" not in agencies
    kept = agencies["Sở Nội vụ"]
    assert kept["aliases"] == ["NV Lào Cai", "SNV", "Sở Nội vụ Lào Cai"]
    assert kept["emails"] == ["nv2@laocai.example.org", "snv@laocai.example.org"]
    listed = json.loads(_cli(capsys, province, "list", "--agency", "Sở Nội vụ Lào Cai", "--format", "json").out)
    assert [(r["ref"], r["agency"]) for r in listed] == [("1", "Sở Nội vụ")]
    again = _cli(capsys, province, "import", str(sheet))  # the old spelling now names the kept agency
    assert again.code == 0 and "0 created, 0 updated, 2 unchanged" in again.out
    opened = tracker.open(province)
    audit = opened.reader.rows(
        "SELECT entity, action, field, old_value, new_value FROM audit_log "
        "WHERE action IN ('merge', 'update') AND entity IN ('agency', 'assignment')"
    )
    opened.close()
    assert ("agency", "merge", "into", "Sở Nội vụ Lào Cai", "Sở Nội vụ") in audit
    assert ("assignment", "update", "agency", "Sở Nội vụ Lào Cai", "Sở Nội vụ") in audit


def test_merging_two_agencies_with_the_same_assignment_is_refused(
    province: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "both.csv"
    sheet.write_text(
        "Số hiệu văn bản,Mã nhiệm vụ,Nội dung,Chủ trì,Thời hạn\n5/KH,1,Việc,Sở Nội vụ; Sở Tư pháp,30/6/2024\n",
        encoding="utf-8",
    )
    assert _cli(capsys, province, "import", str(sheet)).code == 0
    before = _state(province)
    refused = _cli(capsys, province, "agency", "merge", "Sở Tư pháp", "Sở Nội vụ")
    assert refused.code == 1 and "both are assigned 1 same task(s), e.g. 5/KH item 1" in refused.err
    assert _state(province) == before


def test_an_agency_list_is_merged_not_overwritten(
    province: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = tmp_path / "co-quan.xlsx"
    assert _cli(capsys, province, "import", "--agencies", "--template", "xlsx", str(template)).code == 0
    again = _cli(capsys, province, "import", "--agencies", "--template", "xlsx", str(template), lang="vi")
    assert again.code == 1 and "--force" in again.err
    headers = [c.value for c in openpyxl.load_workbook(template).active[1]]  # type: ignore[index]
    assert headers == ["Tên cơ quan", "Tên gọi khác", "Loại", "Tên ngắn", "Nhóm", "Email"]
    # A list without a kind column, and one with empty cells: kinds, emails and aliases stay.
    sheet = tmp_path / "ds.csv"
    lines = [
        "Tên cơ quan,Tên gọi khác,Email",
        "Sở Nội vụ,Nội vụ,",
        "Sở Tư pháp,,",
        "Sở Y tế,SYT,syt@laocai.example.org",
    ]
    sheet.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = _cli(capsys, province, "import", str(sheet), lang="vi")
    assert result.code == 0, result.err
    assert "3 dòng; cơ quan: 1 tạo mới, 1 cập nhật, 1 không đổi" in result.out
    agencies = {a["name"]: a for a in json.loads(_cli(capsys, province, "agency", "list", "--format", "json").out)}
    assert agencies["Sở Nội vụ"]["kind"] == "department" and agencies["Sở Tư pháp"]["short_name"] == "STP"
    assert agencies["Sở Nội vụ"]["aliases"] == ["Nội vụ", "SNV"]
    assert agencies["Sở Nội vụ"]["emails"] == ["snv@laocai.example.org"]
    assert agencies["Sở Y tế"]["kind"] == "other"
    # The template itself imports: its kinds are Vietnamese words.
    assert _cli(capsys, province, "import", str(template)).code == 0
    agencies = {a["name"]: a for a in json.loads(_cli(capsys, province, "agency", "list", "--format", "json").out)}
    assert agencies["Các sở, ban, ngành"]["kind"] == "group"
    assert "Các sở, ban, ngành" in agencies["Sở Tư pháp"]["groups"]


def test_a_dry_run_of_an_agency_list_writes_nothing(
    province: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "ds.csv"
    lines = ["Tên cơ quan,Loại,Email", "Sở Nội vụ,khác,moi@laocai.example.org", "Sở Y tế,sở,syt@laocai.example.org"]
    sheet.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = _state(province)
    dry = _cli(capsys, province, "import", str(sheet), "--dry-run", lang="vi")
    assert dry.code == 0, dry.err
    assert "1 sẽ tạo mới, 1 sẽ cập nhật" in dry.out and "chạy thử" in dry.out
    assert _state(province) == before  # neither the new agency nor the changed kind and email
    real = _cli(capsys, province, "import", str(sheet), lang="vi")
    assert "1 tạo mới, 1 cập nhật" in real.out, real.out
    assert _state(province) != before


def test_an_agency_list_creates_its_province_only_when_asked(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "ds.csv"
    sheet.write_text("Tên cơ quan,Loại\nSở Nội vụ,sở\n", encoding="utf-8")
    refused = _cli(capsys, db_url, "import", str(sheet), "--jurisdiction", "bac-kan")
    assert refused.code == 1 and "--create-agencies" in refused.err
    created = _cli(capsys, db_url, "import", str(sheet), "--jurisdiction", "bac-kan", "--create-agencies")
    assert created.code == 0, created.err
    assert "1 jurisdiction(s) created (Tỉnh Bắc Kạn)" in created.out
    assert json.loads(_cli(capsys, db_url, "jurisdiction", "list", "--format", "json").out) == [
        {"code": "bac-kan", "name": "Tỉnh Bắc Kạn"}
    ]


def test_central_issuers_file_under_the_only_province_and_a_named_one_is_not_taken_for_it(
    province: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "tw.csv"
    sheet.write_text(
        "Số hiệu văn bản,Cơ quan ban hành,Mã nhiệm vụ,Nội dung,Chủ trì,Thời hạn\n"
        "1/VPCP,Văn phòng Chính phủ,1,Việc,Sở Nội vụ,30/6/2024\n",
        encoding="utf-8",
    )
    assert _cli(capsys, province, "import", str(sheet)).code == 0
    other = tmp_path / "yb.csv"
    other.write_text(
        "Số hiệu văn bản,Cơ quan ban hành,Mã nhiệm vụ,Nội dung,Chủ trì,Thời hạn\n"
        "2/KH-UBND,UBND tỉnh Yên Bái,1,Việc,Sở Nội vụ,30/6/2024\n",
        encoding="utf-8",
    )
    refused = _cli(capsys, province, "import", str(other))
    assert refused.code == 1 and "Tỉnh Yên Bái (code yen-bai) is not in the database yet" in refused.err
    created = _cli(capsys, province, "import", str(other), "--create-agencies")
    assert created.code == 0 and "(Tỉnh Yên Bái)" in created.out
    codes = [j["code"] for j in json.loads(_cli(capsys, province, "jurisdiction", "list", "--format", "json").out)]
    assert codes == ["lao-cai", "yen-bai"]


def test_a_recurring_task_without_dates_starts_at_the_import_date_and_says_so(
    province: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "dk.csv"
    sheet.write_text(
        "Số hiệu văn bản,Mã nhiệm vụ,Nội dung,Chủ trì,Thời hạn\n"
        "9/KH,1,Báo cáo tháng,Sở Nội vụ,trước ngày 20 hàng tháng\n",
        encoding="utf-8",
    )
    dry = run(capsys, "--db", province, "--lang", "vi", "--as-of", "1/3/2024", "import", str(sheet), "--dry-run")
    first, notice = dry.out.splitlines()
    assert first.endswith("(chạy thử: chưa ghi gì)") and "3 sẽ tạo mới" in first and "ngày nhập" in notice
    result = run(capsys, "--db", province, "--lang", "vi", "--as-of", "1/3/2024", "import", str(sheet))
    assert result.code == 0, result.err
    assert "phân công: 3 tạo mới" in result.out  # March, April, May up to the horizon
    assert "các kỳ được tính từ ngày nhập 01/03/2024" in result.out
    listed = json.loads(run(capsys, "--db", province, "list", "--directive", "9/KH", "--format", "json").out)
    assert [r["period"] for r in listed] == ["2024-03", "2024-04", "2024-05"]


def test_a_province_named_by_a_code_column_or_option_is_created_with_its_name(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    coded = tmp_path / "ma-tinh.csv"
    coded.write_text(
        "Mã tỉnh,Số hiệu văn bản,Mã nhiệm vụ,Nội dung,Chủ trì,Thời hạn\n"
        "ha-tinh,3/KH-UBND,1,Việc,Sở Nội vụ,30/6/2024\n"
        "Tỉnh Cà Mau,4/KH-UBND,1,Việc,Sở Nội vụ,30/6/2024\n",
        encoding="utf-8",
    )
    refused = _cli(capsys, db_url, "import", str(coded))
    assert refused.code == 1 and refused.err.count("--create-agencies") == 2
    created = _cli(capsys, db_url, "import", str(coded), "--create-agencies")
    assert created.code == 0, created.err
    unnamed = tmp_path / "khong-ten.csv"
    unnamed.write_text(
        "Số hiệu văn bản,Mã nhiệm vụ,Nội dung,Chủ trì,Thời hạn\n5/KH,1,Việc,Sở Tư pháp,30/6/2024\n", encoding="utf-8"
    )
    several = _cli(capsys, db_url, "import", str(unnamed))
    assert several.code == 1 and "cannot tell which jurisdiction" in several.err
    assert _cli(capsys, db_url, "import", str(unnamed), "--jurisdiction", "hai-phong", "--create-agencies").code == 0
    listed = json.loads(_cli(capsys, db_url, "jurisdiction", "list", "--format", "json").out)
    assert listed == [
        {"code": "ca-mau", "name": "Tỉnh Cà Mau"},
        {"code": "ha-tinh", "name": "Tỉnh Hà Tĩnh"},
        {"code": "hai-phong", "name": "Thành phố Hải Phòng"},
    ]
    wrong = _cli(capsys, db_url, "import", str(unnamed), "--jurisdiction", "hai-phongg", lang="vi")
    assert wrong.code == 1 and "'hai-phongg' không phải mã của một tỉnh" in wrong.err


@pytest.mark.parametrize(
    ("args", "vietnamese", "english"),
    [
        (["agency", "--help"], "gộp cơ quan trùng", "merge duplicates"),
        (["agency", "add", "--help"], "Tên gọi khác (lặp lại được)", "Another name the agency goes by"),
        (["jurisdiction", "add", "--help"], "Thêm tỉnh, thành phố", "A new jurisdiction"),
        (["import", "--help"], "Danh sách cơ quan có các cột Tên cơ quan (bắt buộc)", "An agency list has the columns"),
        (["export", "--help"], "Ghi đè tệp đã có", "Write over an existing file"),
    ],
)
def test_help_is_in_the_users_language(
    capsys: pytest.CaptureFixture[str], args: list[str], vietnamese: str, english: str
) -> None:
    said = run(capsys, "--lang", "vi", *args)
    assert said.code == 0 and vietnamese in " ".join(said.out.split())
    said = run(capsys, "--lang", "en", *args)
    assert said.code == 0 and english in " ".join(said.out.split()) and vietnamese not in said.out


_NEW_PROVINCE = "Số hiệu văn bản,Cơ quan ban hành,Mã nhiệm vụ,Nội dung,Chủ trì,Phối hợp,Thời hạn\n"


def _sheet(path: Path, *rows: tuple[str, str, str]) -> Path:
    """A sheet of UBND tỉnh Hà Giang's notice 88/TB-UBND: (task, lead cell, coordinating cell) a row."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(_NEW_PROVINCE)
        writer = csv.writer(handle)
        for ref, lead, coordinating in rows:
            writer.writerow(["88/TB-UBND", "UBND tỉnh Hà Giang", ref, f"Việc {ref}", lead, coordinating, "31/12/2026"])
    return path


def test_a_first_import_creates_each_agency_a_cell_names_with_its_kind_and_the_dry_run_names_them(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """On an empty database: a cell of names cut at the commas where each part reads as an agency's own
    name, a name holding commas kept whole, and each new agency the kind its name shows."""
    sheet = _sheet(
        tmp_path / "ha-giang.csv",
        ("1", "Công an tỉnh", "Sở Nội vụ, UBND thành phố Hà Giang"),
        ("2", "Sở Văn hóa, Thể thao và Du lịch", "UBND các huyện, thị xã, thành phố"),
        ("3", "Bộ Chỉ huy Quân sự tỉnh", "Cục Thuế tỉnh, Sở Văn hóa, Thể thao và Du lịch, Sở Nội vụ"),
        ("4", "Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh", ""),
    )
    names = [
        "Công an tỉnh",
        "Sở Nội vụ",
        "UBND thành phố Hà Giang",
        "Sở Văn hóa, Thể thao và Du lịch",
        "UBND các huyện, thị xã, thành phố",
        "Bộ Chỉ huy Quân sự tỉnh",
        "Cục Thuế tỉnh",
        "Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh",
    ]
    dry = _cli(capsys, db_url, "import", str(sheet), "--create-agencies", "--dry-run", lang="vi")
    assert dry.code == 0, dry.err
    assert f"Cơ quan sẽ tạo mới (8): {'; '.join(names)}." in dry.out.splitlines()
    assert json.loads(_cli(capsys, db_url, "jurisdiction", "list", "--format", "json").out) == []
    real = _cli(capsys, db_url, "import", str(sheet), "--create-agencies")
    assert real.code == 0, real.err
    assert f"Agencies created (8): {'; '.join(names)}." in real.out.splitlines()
    kinds = {a["name"]: a["kind"] for a in json.loads(_cli(capsys, db_url, "agency", "list", "--format", "json").out)}
    assert kinds == {
        "Công an tỉnh": "department",
        "Sở Nội vụ": "department",
        "UBND thành phố Hà Giang": "district",
        "Sở Văn hóa, Thể thao và Du lịch": "department",
        "UBND các huyện, thị xã, thành phố": "other",
        "Bộ Chỉ huy Quân sự tỉnh": "department",
        "Cục Thuế tỉnh": "central",
        "Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh": "department",
    }
    listed = json.loads(_cli(capsys, db_url, "list", "--format", "json").out)
    assert sorted(r["agency"] for r in listed if r["ref"] == "3") == [
        "Bộ Chỉ huy Quân sự tỉnh",
        "Cục Thuế tỉnh",
        "Sở Nội vụ",
        "Sở Văn hóa, Thể thao và Du lịch",
    ]


def test_a_short_name_is_not_made_an_agency_and_the_error_gives_the_command_that_makes_it_an_alias(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = _sheet(tmp_path / "viet-tat.csv", ("1", "STP", ""), ("2", "Sở Tư pháp", "Sở Nội vụ, CAT"))
    first = _cli(capsys, db_url, "import", str(sheet), "--create-agencies", lang="vi")
    assert first.code == 1
    assert "“STP” là tên viết tắt" in first.err and "“CAT” là tên viết tắt" in first.err
    # Sở Tư pháp comes on a later row than STP, and is new: the agency to add with the alias.
    assert 'tracker agency add "Sở Tư pháp" --alias "STP", rồi nhập lại tệp' in first.err
    assert 'tracker agency edit "TÊN CƠ QUAN" --add-alias "CAT"' in first.err
    assert json.loads(_cli(capsys, db_url, "jurisdiction", "list", "--format", "json").out) == []
    assert _cli(capsys, db_url, "jurisdiction", "add", "ha-giang", "Tỉnh Hà Giang").code == 0
    for name, short in (("Sở Tư pháp", "STP"), ("Công an tỉnh", "")):
        assert _cli(capsys, db_url, "agency", "add", name, *(("--short", short) if short else ())).code == 0
    stored = _cli(capsys, db_url, "import", str(sheet), "--create-agencies")
    assert stored.code == 1 and "“STP” is a short name, neither the name nor an alias" in stored.err
    # A short name, or the initials, of a stored agency: the command that makes it an alias of that one.
    assert 'tracker agency edit "Sở Tư pháp" --add-alias "STP"' in stored.err
    assert 'tracker agency edit "Công an tỉnh" --add-alias "CAT"' in stored.err
    assert not any(
        a["name"] in ("STP", "CAT") for a in json.loads(_cli(capsys, db_url, "agency", "list", "--format", "json").out)
    )
    for name, alias in (("Sở Tư pháp", "STP"), ("Công an tỉnh", "CAT")):
        assert _cli(capsys, db_url, "agency", "edit", name, "--add-alias", alias).code == 0
    done = _cli(capsys, db_url, "import", str(sheet), "--create-agencies")
    assert done.code == 0, done.err
    assert "Agencies created (1): Sở Nội vụ." in done.out.splitlines()
    without = _sheet(tmp_path / "khong-tao.csv", ("1", "Sở Tư pháp", "BHXH"))
    unknown = _cli(capsys, db_url, "import", str(without))
    assert unknown.code == 1 and "“BHXH” is a short name, neither the name nor an alias" in unknown.err
    assert 'tracker agency add "BHXH"' not in unknown.err  # not the advice to make it an agency
