"""Which column holds which field: headers in Vietnamese or English, matched without regard to case
or diacritics, plus ``--map "Header=field"`` for anything else."""

from __future__ import annotations

from collections.abc import Sequence

from tracker.core.errors import TrackerError
from tracker.core.text import fold

ASSIGNMENT_FIELDS: dict[str, tuple[str, ...]] = {
    "jurisdiction": ("mã tỉnh", "jurisdiction"),
    "directive": ("số hiệu văn bản", "số hiệu", "số văn bản", "văn bản", "directive", "number"),
    "issued_on": ("ngày ban hành", "ngày văn bản", "issued on", "issued_on", "issued"),
    "kind": ("loại văn bản", "loại", "kind"),
    "title": ("trích yếu", "tên văn bản", "title"),
    "issuer": ("cơ quan ban hành", "issuer"),
    "ref": ("mã nhiệm vụ", "số thứ tự", "mục", "ref"),
    "task": ("nội dung", "nội dung nhiệm vụ", "nhiệm vụ", "task", "text"),
    "lead": ("cơ quan chủ trì", "chủ trì", "đơn vị chủ trì", "lead"),
    "coordinating": ("cơ quan phối hợp", "phối hợp", "đơn vị phối hợp", "coordinating"),
    "deadline": (
        "thời hạn",
        "hạn",
        "thời hạn hoàn thành",
        "thời hạn thực hiện",
        "thời gian hoàn thành",
        "hạn chót",
        "deadline",
        "due",
    ),
    "due_on": ("hạn hiện tại", "hạn sau gia hạn", "current due", "due on", "due_on"),
    "deadline_changes": ("lịch sử gia hạn", "gia hạn", "deadline changes", "deadline_changes"),
    "period": ("kỳ", "kỳ báo cáo", "period"),
    "starts_on": ("bắt đầu từ", "áp dụng từ", "starts on", "starts_on"),
    "completed_on": ("ngày hoàn thành", "ngày nhận báo cáo", "completed on", "completed_on"),
    "result_ref": ("số văn bản báo cáo", "văn bản báo cáo", "kết quả", "result ref", "result_ref"),
    "note": ("ghi chú", "note"),
    "withdrawn_on": ("ngày rút", "ngày rút nhiệm vụ", "withdrawn on", "withdrawn_on"),
    "withdrawal_reason": ("lý do rút", "withdrawal reason", "withdrawal_reason"),
    "version": ("phiên bản", "version"),
}
ASSIGNMENT_REQUIRED = ("directive", "ref", "task", "lead")

AGENCY_FIELDS: dict[str, tuple[str, ...]] = {
    "name": ("tên cơ quan", "cơ quan", "tên", "name"),
    "aliases": ("tên gọi khác", "tên viết tắt", "aliases", "alias"),
    "kind": ("loại", "loại cơ quan", "kind"),
    "short_name": ("tên ngắn", "short name", "short_name"),
    "groups": ("nhóm", "thuộc nhóm", "group", "groups"),
    "emails": ("email", "emails", "thư điện tử", "địa chỉ email"),
    "jurisdiction": ("tỉnh", "địa phương", "jurisdiction"),
}
AGENCY_REQUIRED = ("name",)

DOUBTS_COLUMN = "doubts"
"""The column (JSON: the key) in which ``tracker draft`` writes what it asks the clerk to check."""
DOUBTS_HEADERS = (DOUBTS_COLUMN, "nghi vấn", "điểm cần kiểm tra", "draft doubts")
"""Headers of a draft's doubts: no field reads them, and the import says it leaves them out, so that a
draft imported unchanged stores none of them as a note."""

_KNOWN_HEADERS = frozenset(
    fold(word) for fields in (ASSIGNMENT_FIELDS, AGENCY_FIELDS) for words in fields.values() for word in words
) | {fold(word) for word in DOUBTS_HEADERS}


def doubts_columns(headers: Sequence[str], maps: dict[str, str]) -> list[str]:
    """The headers among ``headers`` that hold a draft's doubts (and that no ``--map`` gives a field)."""
    words = {fold(word) for word in DOUBTS_HEADERS}
    return [h for h in headers if h and fold(h) in words and fold(h) not in maps]


def header_score(cells: Sequence[str]) -> int:
    """How many of ``cells`` are headers an import knows (in Vietnamese or English): the header row of
    a sheet is the row among its first that scores highest."""
    return sum(1 for cell in cells if cell and fold(cell) in _KNOWN_HEADERS)


def parse_maps(maps: Sequence[str]) -> dict[str, str]:
    """``["Đơn vị=lead"]`` -> ``{"don vi": "lead"}``."""
    result: dict[str, str] = {}
    for item in maps:
        header, sep, field = item.partition("=")
        if not sep or not header.strip() or not field.strip():
            raise TrackerError(key="import.map_form", item=item)
        result[fold(header)] = field.strip()
    return result


def match_columns(
    headers: Sequence[str],
    fields: dict[str, tuple[str, ...]],
    required: Sequence[str],
    maps: dict[str, str],
    where: str,
) -> dict[str, int]:
    """Field name -> column index. Missing required fields are an error naming what was found."""
    synonyms = {fold(word): name for name, words in fields.items() for word in words}
    found: dict[str, int] = {}
    for index, header in enumerate(headers):
        key = fold(header)
        name = maps.get(key) or synonyms.get(key)
        if name is None:
            continue
        if name not in fields:
            raise TrackerError(
                key="import.map_unknown_field", where=where, header=header, name=name, fields=", ".join(fields)
            )
        if name in found:
            raise TrackerError(
                key="import.columns_same_field", where=where, first=headers[found[name]], second=header, name=name
            )
        found[name] = index
    missing = [name for name in required if name not in found]
    if missing:
        expected = "; ".join(f"{name} ({fields[name][0]})" for name in missing)
        raise TrackerError(
            key="import.columns_missing", where=where, missing=expected, headers=", ".join(map(repr, headers))
        )
    return found
