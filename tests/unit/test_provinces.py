"""Provinces from issuers, codes and names, and the names a document gives them."""

from __future__ import annotations

import pytest

from tracker.core import provinces
from tracker.core.provinces import Province, by_code, from_issuer, letterhead


@pytest.mark.parametrize(
    ("issuer", "code", "name"),
    [
        ("UBND tỉnh Quảng Ninh", "quang-ninh", "Tỉnh Quảng Ninh"),
        ("Ủy ban nhân dân tỉnh Lào Cai", "lao-cai", "Tỉnh Lào Cai"),
        ("Chủ tịch UBND tỉnh Bắc Giang", "bac-giang", "Tỉnh Bắc Giang"),
        ("UBND thành phố Hà Nội", "ha-noi", "Thành phố Hà Nội"),
        ("UBND TỈNH QUẢNG NINH", "quang-ninh", "Tỉnh Quảng Ninh"),
        ("UBND tỉnh Thanh Hoá", "thanh-hoa", "Tỉnh Thanh Hóa"),  # the old placement of the mark
        ("HĐND tỉnh Bà Rịa-Vũng Tàu", "ba-ria-vung-tau", "Tỉnh Bà Rịa - Vũng Tàu"),
        ("UBND TP. Hồ Chí Minh", "ho-chi-minh", "Thành phố Hồ Chí Minh"),
        ("Văn phòng UBND tỉnh Đắk Lắk", "dak-lak", "Tỉnh Đắk Lắk"),
        ("UBND tỉnh Thừa Thiên Huế", "thua-thien-hue", "Tỉnh Thừa Thiên Huế"),
        ("UBND thành phố Huế", "hue", "Thành phố Huế"),
        ("UBND thành phố Hạ Long, tỉnh Quảng Ninh", "quang-ninh", "Tỉnh Quảng Ninh"),
        ("Sở Nội vụ tỉnh Hà Nam", "ha-nam", "Tỉnh Hà Nam"),
        ("UBND tỉnh Tân Lập", "tan-lap", "Tỉnh Tân Lập"),  # not in the list: read from its capitalised words
    ],
)
def test_an_issuer_names_its_province(issuer: str, code: str, name: str) -> None:
    found = from_issuer(issuer)
    assert found is not None
    assert (found.code, found.name) == (code, name)


@pytest.mark.parametrize(
    "issuer", ["Văn phòng Chính phủ", "Bộ Nội vụ", "UBND thành phố Hạ Long", "Thủ tướng Chính phủ", "", "UBND tỉnh"]
)
def test_central_and_district_issuers_name_no_province(issuer: str) -> None:
    assert from_issuer(issuer) is None


def test_every_province_and_city_reads_back_from_its_code_name_and_issuer() -> None:
    every = set(provinces.KNOWN.values())
    assert len(every) == 64  # 63 before 2025, with Huế both the former province's city and a city of its own
    assert len({p.code for p in every}) == len(every)
    for province in every:
        assert by_code(province.code) == province
        assert by_code(province.name) == province
        body = "thành phố" if province.city else "tỉnh"
        assert from_issuer(f"Ủy ban nhân dân {body} {province.place}") == province
        assert from_issuer(f"UBND {body} {province.place}".upper()) == province


def test_the_34_units_after_2025_are_known() -> None:
    after = [
        "Tuyên Quang",
        "Cao Bằng",
        "Lai Châu",
        "Lào Cai",
        "Thái Nguyên",
        "Điện Biên",
        "Lạng Sơn",
        "Sơn La",
        "Phú Thọ",
        "Bắc Ninh",
        "Quảng Ninh",
        "Hưng Yên",
        "Ninh Bình",
        "Thanh Hóa",
        "Nghệ An",
        "Hà Tĩnh",
        "Quảng Trị",
        "Quảng Ngãi",
        "Gia Lai",
        "Khánh Hòa",
        "Lâm Đồng",
        "Đắk Lắk",
        "Đồng Nai",
        "Tây Ninh",
        "Vĩnh Long",
        "Đồng Tháp",
        "An Giang",
        "Cà Mau",
    ]
    cities = ["Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"]
    assert len(after) + len(cities) == 34
    for place in after:
        assert from_issuer(f"UBND tỉnh {place}") == Province(place)
    for place in cities:
        assert from_issuer(f"UBND thành phố {place}") == Province(place, city=True)


def test_unknown_codes_are_none() -> None:
    assert by_code("quang-nihn") is None
    assert by_code("") is None


def test_letterhead_and_place_line() -> None:
    assert letterhead("Tỉnh Quảng Ninh") == ("UBND tỉnh Quảng Ninh", "Quảng Ninh")
    assert letterhead("Thành phố Hà Nội") == ("UBND Thành phố Hà Nội", "Hà Nội")
    assert letterhead("Thành phố Hồ Chí Minh") == ("UBND Thành phố Hồ Chí Minh", "Thành phố Hồ Chí Minh")
    assert letterhead("Huyện đảo Cô Tô") == ("UBND Huyện đảo Cô Tô", "Huyện đảo Cô Tô")


def test_display_name_of_a_jurisdiction_named_by_its_code() -> None:
    assert provinces.display_name("quang-ninh", "quang-ninh") == "Tỉnh Quảng Ninh"
    assert provinces.display_name("quang-ninh", "Tỉnh Quảng Ninh") == "Tỉnh Quảng Ninh"
    assert provinces.display_name("x-1", "x-1") == "x-1"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Sở Nội vụ", "department"),
        ("Văn phòng UBND tỉnh", "department"),
        ("UBND huyện Vân Đồn", "district"),
        ("UBND thành phố Hạ Long", "district"),
        ("Cục Thuế tỉnh", "central"),
        ("Báo Quảng Ninh", "media"),
        ("Trung tâm Phục vụ hành chính công tỉnh", "other"),
    ],
)
def test_a_new_agency_takes_its_kind_from_its_name(name: str, kind: str) -> None:
    assert provinces.agency_kind_from_name(name) == kind


KINDS = {
    # the provincial police and military commands are listed with the province's own departments
    "Công an tỉnh": "department",
    "Công an tỉnh Hà Giang": "department",
    "Công an thành phố Hà Nội": "department",
    "Công an thành phố Hạ Long": "other",
    "Bộ Chỉ huy Quân sự tỉnh": "department",
    "Bộ Chỉ huy Bộ đội Biên phòng tỉnh": "department",
    "Ban Chỉ huy Quân sự huyện Vị Xuyên": "other",
    # run from the centre: ministries and the vertical branches
    "Bộ Tư pháp": "central",
    "Cục Thuế tỉnh": "central",
    "Chi cục Thuế khu vực Vị Xuyên": "central",
    "Kho bạc Nhà nước tỉnh": "central",
    "Bảo hiểm xã hội tỉnh": "central",
    "Ngân hàng Chính sách xã hội tỉnh": "central",
    "Tòa án nhân dân tỉnh": "central",
    # the province's own, written out in full or with punctuation
    "Chi cục Kiểm lâm": "department",
    "Văn phòng Ủy ban nhân dân tỉnh": "department",
    "Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh": "department",
    "UBND TP. Hạ Long": "district",
    "UBND xã Tân Lập": "district",
    "Ủy ban nhân dân phường Trần Phú": "district",
    "UBND thành phố Hà Nội": "other",
    "Tạp chí Văn nghệ Hà Giang": "media",
}
"""Names and the kinds they show: who runs the agency, however its name is written."""


def test_the_kind_rules_read_who_runs_an_agency() -> None:
    assert {name: provinces.agency_kind_from_name(name) for name in KINDS} == KINDS


@pytest.mark.parametrize(
    "part",
    [
        "Sở Nội vụ",
        " UBND thành phố Hà Giang",
        "Ủy ban MTTQ Việt Nam tỉnh",
        "Công an tỉnh",
        "Bộ Chỉ huy Quân sự tỉnh",
        "Kho bạc Nhà nước tỉnh",
        "Chi cục Kiểm lâm",
        "Đài Phát thanh và Truyền hình tỉnh",
        "Báo Hà Giang",
        "Trường Chính trị tỉnh",
        "Bệnh viện Đa khoa tỉnh",
        "Tỉnh đoàn",
        "Hội Nông dân tỉnh",
        "Liên đoàn Lao động tỉnh",
    ],
)
def test_a_part_that_begins_as_an_agency_s_own_name(part: str) -> None:
    assert provinces.reads_as_agency_name(part)


@pytest.mark.parametrize(
    "part",
    [
        " Thể thao và Du lịch",  # of "Sở Văn hóa, Thể thao và Du lịch"
        " thị xã",  # of "UBND các huyện, thị xã, thành phố"
        " ban",  # of "Các sở, ban, ngành"
        "Các sở",
        "Sở",
        " HĐND và UBND tỉnh",  # of "Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh"
        " Báo chí và Xuất bản",
        "sở nội vụ",
    ],
)
def test_a_part_that_does_not(part: str) -> None:
    assert not provinces.reads_as_agency_name(part)


def test_short_names_in_capitals_and_the_initials_they_stand_for() -> None:
    assert all(provinces.is_abbreviation(name) for name in ("STP", "SNgV", "BHXH", "TT&DL", "KH&ĐT", "UBND", "CAT"))
    assert not any(provinces.is_abbreviation(name) for name in ("Sở", "Tỉnh ủy", "VnExpress", "Sở Tư pháp", "12"))
    assert provinces.initials("Sở Tư pháp") == {"stp"}
    assert provinces.initials("Sở Kế hoạch và Đầu tư") == {provinces.abbreviation_key("SKHĐT")}
    assert provinces.initials("Công an tỉnh") == {"cat", "ca"}
    assert "vpubnd" in provinces.initials("Văn phòng UBND tỉnh")
