"""The header of a directive: its kind, number, date, issuer, province and title.

A Vietnamese administrative document opens with the issuer's letterhead ("ỦY BAN NHÂN DÂN / TỈNH
THANH HÓA"), the national motto, "Số: 34/KH-UBND", the place and date ("Thanh Hóa, ngày 05 tháng 02
năm 2020"), then its kind in capitals ("KẾ HOẠCH") and its subject line. Scans garble these
("SỞ TƯ PHÒNG: 34 /KH-UBND", "ĐẾN: 303"), so each field is looked for on its own and what is not found
stays empty: the caller lists it for the clerk, nothing is guessed.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from datetime import date

from tracker.drafting.cleaning import is_heading_case
from tracker.drafting.folding import fold_keep
from tracker.drafting.sections import LABEL

KINDS = {
    "ke hoach": "Kế hoạch",
    "thong bao": "Thông báo",
    "quyet dinh": "Quyết định",
    "cong van": "Công văn",
    "chi thi": "Chỉ thị",
    "bao cao": "Báo cáo",
    "nghi quyet": "Nghị quyết",
    "chuong trinh": "Chương trình",
    "huong dan": "Hướng dẫn",
    "de an": "Đề án",
}
ABBREVIATIONS = {
    "KH": "Kế hoạch",
    "TB": "Thông báo",
    "QĐ": "Quyết định",
    "QD": "Quyết định",
    "CT": "Chỉ thị",
    "BC": "Báo cáo",
    "NQ": "Nghị quyết",
    "CTr": "Chương trình",
    "HD": "Hướng dẫn",
    "ĐA": "Đề án",
}

_NUMBER = re.compile(
    r"(?<![\w/])(\d{1,5})\s*/\s*(?:(\d{4})\s*/\s*)?([A-ZĐ][A-Za-zĐđ]{0,7}(?:\s*-\s*[A-ZĐ][A-ZĐ0-9]{0,11}){0,3})(?![\w])"
)
_DATE = re.compile(r"ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})")
_MOTTO = re.compile(r"cong hoa xa hoi chu nghia viet nam|doc lap\s*-\s*tu do\s*-\s*hanh phuc|doc lap|tu do|hanh phuc")
_PLACE_WORDS = re.compile(r"^(?:tinh|thanh pho|huyen|thi xa|quan|xa|phuong|thi tran)\b")
_CHAIRMAN = re.compile(r"^(?:cua\s+)?chu tich\s+(?:ubnd|uy ban nhan dan)\s+(tinh|thanh pho)\s+(.+)$")
_NOISE_START = re.compile(r"^(?:Chuyển|CHUYỂN|Chuyen)\s+(?=[A-ZĐÂĂÊÔƠƯ])")
_SUBJECT = re.compile(r"^(?:v/v|ve viec)[\s:.]+")


@dataclass
class Header:
    kind: str = ""
    number: str = ""
    issued_on: date | None = None
    issuer: str = ""
    province: str = ""
    title: str = ""
    body_start: int = 0
    """Index of the first line after the header."""


def _title_case(words: str) -> str:
    return " ".join(w[:1].upper() + w[1:].lower() for w in words.split())


def display_name(upper: str) -> str:
    """A letterhead name in the usual writing: "ỦY BAN NHÂN DÂN TỈNH THANH HÓA" -> "UBND tỉnh Thanh Hóa",
    "SỞ THÔNG TIN VÀ TRUYỀN THÔNG" -> "Sở Thông tin và Truyền thông"."""
    text = re.sub(r"\s+", " ", upper).strip(" ,.")
    folded = fold_keep(text)
    match = re.match(
        r"(?:uy ban nhan dan|ubnd)\s+(tinh|thanh pho|huyen|thi xa|quan|xa|phuong|thi tran)\s+(.+)$", folded
    )
    if match:
        unit = text[match.start(1) : match.end(1)].lower()
        return f"UBND {unit} {_title_case(text[match.start(2) :])}"
    words = text.split()
    out: list[str] = []
    capital_next = True
    for index, word in enumerate(words):
        if index == 1:
            capital_next = True
        out.append(word[:1].upper() + word[1:].lower() if capital_next else word.lower())
        capital_next = fold_keep(word) in ("va", "-", "&") or word.endswith(",")
    return " ".join(out)


def read_header(lines: list[str]) -> Header:
    header = Header()
    limit = min(len(lines), 60)
    folded = [fold_keep(line) for line in lines[:limit]]
    kind_line = None
    for index in range(limit):
        line = lines[index].strip(" *#:")
        key = folded[index].strip(" *#:")
        if line and is_heading_case(line) and len(line) <= 40:
            for word, kind in KINDS.items():
                if key == word or key.startswith(word + " "):
                    header.kind, kind_line = kind, index
                    break
        if kind_line is not None:
            break
    top = kind_line if kind_line is not None else min(limit, 25)
    for index in range(limit):  # "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …" issues a Quyết định or a Chỉ thị
        if _CHAIRMAN.match(folded[index].strip()) and is_heading_case(lines[index]):
            _issuer(header, lines[index : index + 1], folded[index : index + 1], 1)
            break
    _number_and_date(header, lines, folded, min(limit, top + 1 if kind_line is None else top))
    _issuer(header, lines, folded, top)
    title_end = _title(header, lines, folded, kind_line, limit)
    header.body_start = title_end
    if not header.kind and header.number:
        letters = re.split(r"\s*-\s*", header.number.split("/")[-1])[0]
        header.kind = ABBREVIATIONS.get(
            letters, "Công văn" if letters in ("UBND", "SNV") or "-" in header.number else ""
        )
    return header


def _number_and_date(header: Header, lines: list[str], folded: list[str], top: int) -> None:
    for index in range(top):
        if not header.number:
            for match in _NUMBER.finditer(lines[index]):
                letters = match.group(3)
                if "-" in letters or letters in ABBREVIATIONS or letters == "UBND":
                    number = f"{match.group(1)}/" + (f"{match.group(2)}/" if match.group(2) else "")
                    header.number = number + re.sub(r"\s*-\s*", "-", letters)
                    break
        if header.issued_on is None and (dated := _DATE.search(folded[index])):
            day, month, year = (int(g) for g in dated.groups())
            with contextlib.suppress(ValueError):  # "ngày 31 tháng 2": left empty, and noted
                header.issued_on = date(year, month, day)
            place = re.search(r"((?:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ][\w]*\s*){1,4}),?\s*$", lines[index][: dated.start()])
            if place and not header.province:
                header.province = place.group(1).strip(" ,")


def _issuer(header: Header, lines: list[str], folded: list[str], top: int) -> None:
    names: list[str] = []
    for index in range(top):
        line, key = lines[index], folded[index]
        if LABEL.match(line):
            break  # the first numbered section: the body has begun
        chairman = _CHAIRMAN.match(key.strip())
        if chairman:
            offset = len(key) - len(key.lstrip())
            unit = line[offset + chairman.start(1) : offset + chairman.end(1)].lower()
            header.issuer = f"Chủ tịch UBND {unit} {_title_case(line[offset + chairman.start(2) :])}"
            return
        # The letterhead shares its lines with the motto in a two-column layout: drop the motto.
        kept = list(line)
        for match in _MOTTO.finditer(key):
            kept[match.start() : match.end()] = [" "] * (match.end() - match.start())
        rest = re.sub(r"\s+", " ", "".join(kept)).strip(" -*#")
        if not rest or not is_heading_case(rest) or re.search(r"\d|:|/", rest):
            continue
        if _PLACE_WORDS.match(fold_keep(rest)) and names:
            names[-1] = f"{names[-1]} {rest}"
        else:
            names.append(rest)
    if header.issuer.startswith("Chủ tịch"):
        header.province = header.province or _province(header.issuer)
        return
    if names and not header.issuer:
        header.issuer = display_name(names[-1])
        header.province = _province(names[0]) or header.province
    if not header.province and header.issuer:
        header.province = _province(header.issuer)


def _province(name: str) -> str:
    folded = fold_keep(name)
    match = re.search(r"(?:^|\s)(tinh|thanh pho)\s+(\S.*)$", folded)
    return _title_case(name[match.start(2) :]) if match else ""


def _title(header: Header, lines: list[str], folded: list[str], kind_line: int | None, limit: int) -> int:
    """The subject line(s) after the kind; returns the index of the first body line."""
    start = kind_line + 1 if kind_line is not None else None
    if start is None:
        for index in range(limit):
            if _SUBJECT.match(folded[index].strip()):
                start = index
                break
        if start is None:
            return _after_date(folded, limit)
    parts: list[str] = []
    index = start
    while index < min(len(lines), start + 8):
        line = lines[index].strip(" *#")
        if not line:
            if parts:
                break
            index += 1
            continue
        key = folded[index].strip()
        if re.match(r"^(?:can cu|thuc hien|kinh gui|de |nham |so\s*:)", key) or _DATE.search(key) or len(parts) >= 4:
            break
        parts.append(line)
        index += 1
    title = " ".join(parts)
    subject = _SUBJECT.match(fold_keep(title))
    title = _NOISE_START.sub("", title[subject.end() :] if subject else title)
    header.title = title.strip()
    return index


def _after_date(folded: list[str], limit: int) -> int:
    for index in range(limit):
        if _DATE.search(folded[index]):
            return index + 1
    return 0
