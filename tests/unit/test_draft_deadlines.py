"""The deadline reader's forms the drafter relies on, and the drafter's phrase finder."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.core.deadlines import parse_deadline
from tracker.drafting.deadlines import find_deadline, heading_deadline


@pytest.mark.parametrize(
    ("text", "due_on"),
    [
        ("phấn đấu năm 2019", date(2019, 12, 31)),
        ("phấn đấu đến năm 2025", date(2025, 12, 31)),
        ("phấn đấu hoàn thành trong quý II năm 2020", date(2020, 6, 30)),
        ("năm 2019", date(2019, 12, 31)),  # the forms before "phấn đấu" read as they did
        ("hoàn thành trong năm 2020", date(2020, 12, 31)),
        ("trước 30/4/2020", date(2020, 4, 30)),
    ],
)
def test_target_years_are_read(text: str, due_on: date) -> None:
    assert parse_deadline(text).due_on == due_on


@pytest.mark.parametrize(
    ("text", "wording"),
    [
        ("báo cáo Chủ tịch UBND tỉnh trước 30/4/2020, đồng thời gửi", "trước 30/4/2020"),
        ("tổ chức hội nghị vào quý III năm 2020 và xây dựng", "vào quý III năm 2020"),
        ("gửi báo cáo trước ngày 20 hằng tháng về Sở Nội vụ", "trước ngày 20 hằng tháng"),
        ("gửi báo cáo trước ngày 15/12 hằng năm", "trước ngày 15/12 hằng năm"),
        ("tổng hợp báo cáo hằng năm", "hằng năm"),
        ("Phấn đấu năm 2019 hoàn thành", "Phấn đấu năm 2019"),
        ("hoàn thành trong tháng 6/2020", "hoàn thành trong tháng 6/2020"),
        ("Thường xuyên kiểm tra, đôn đốc", "Thường xuyên"),
        ("bao cao truoc 30/4/2020", "truoc 30/4/2020"),
    ],
)
def test_deadline_phrases_in_a_sentence(text: str, wording: str) -> None:
    found = find_deadline(text)
    assert found is not None and found.wording == wording
    assert parse_deadline(found.wording) == found.deadline  # the importer reads the wording back the same


@pytest.mark.parametrize(
    "text",
    [
        "thực hiện Nghị quyết số 19 hàng năm của Chính phủ",
        "theo Nghị quyết số 35/NQ-CP ngày 16/5/2016 của Chính phủ",
        "giai đoạn 2021 - 2030 của tỉnh",
        "công tác này thường xuyên được chú trọng trong nhiều năm qua ở các cấp",
    ],
)
def test_no_deadline(text: str) -> None:
    assert find_deadline(text) is None


def test_a_second_deadline_is_kept_for_the_clerk() -> None:
    found = find_deadline("báo cáo sơ bộ trước 30/4/2020 và báo cáo chính thức trước 30/6/2020")
    assert found is not None and found.wording == "trước 30/4/2020" and found.others == ("trước 30/6/2020",)


@pytest.mark.parametrize(
    ("heading", "wording", "due_on"),
    [
        ("PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG 3 NĂM 2020", "tháng 3 năm 2020", date(2020, 3, 31)),
        ("NHIỆM VỤ TRỌNG TÂM QUÝ II NĂM 2020", "quý II năm 2020", date(2020, 6, 30)),
        ("PHƯƠNG HƯỚNG NHIỆM VỤ 6 THÁNG CUỐI NĂM 2020", "6 tháng cuối năm 2020", date(2020, 12, 31)),
    ],
)
def test_heading_sets_the_deadline(heading: str, wording: str, due_on: date) -> None:
    found = heading_deadline(heading)
    assert found is not None and (found.wording, found.deadline.due_on) == (wording, due_on)


@pytest.mark.parametrize("heading", ["KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 2 NĂM 2020", "TÌNH HÌNH NĂM 2019"])
def test_headings_of_past_work_set_no_deadline(heading: str) -> None:
    assert heading_deadline(heading) is None
