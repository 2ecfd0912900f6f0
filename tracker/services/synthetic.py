"""Synthetic province- and national-size data for benchmarks: deterministic for a seed.

About 60 agencies per province (departments, central agencies, districts, media) and as many provinces
as the row count needs; directives with 1 to 60 assignments; one-off, monthly, quarterly and standing
deadlines; a status mix around :data:`SYNTHETIC_AS_OF`. Rows are written with batched executemany
into an empty database, a table at a time, with the assignment indexes built after the load.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Engine, Table, select

from tracker.core.changes import IncomingAssignment, plan_assignment
from tracker.core.errors import TrackerError
from tracker.core.recurrence import occurrences
from tracker.core.text import fold
from tracker.store.bulk import raw, write_rows
from tracker.store.deferred_triggers import LOAD_TRIGGERS, catch_up, turn_off
from tracker.store.models import (
    Agency,
    AgencyAlias,
    AgencyContact,
    Assignment,
    Directive,
    GroupMember,
    Jurisdiction,
    Task,
)
from tracker.store.search import merge_pending_entries

SYNTHETIC_AS_OF = date(2025, 6, 15)
"""The date the synthetic data is built around: some work is done, some late, some still to come."""

BATCH = 20_000

_PROVINCES = [
    "Hà Giang",
    "Cao Bằng",
    "Lào Cai",
    "Điện Biên",
    "Lai Châu",
    "Sơn La",
    "Yên Bái",
    "Hòa Bình",
    "Thái Nguyên",
    "Lạng Sơn",
    "Quảng Ninh",
    "Bắc Giang",
    "Phú Thọ",
    "Vĩnh Phúc",
    "Bắc Ninh",
    "Hải Dương",
    "Hưng Yên",
    "Thái Bình",
    "Hà Nam",
    "Nam Định",
    "Ninh Bình",
    "Thanh Hóa",
    "Nghệ An",
    "Hà Tĩnh",
    "Quảng Bình",
    "Quảng Trị",
    "Thừa Thiên Huế",
    "Quảng Nam",
    "Quảng Ngãi",
    "Bình Định",
    "Phú Yên",
    "Khánh Hòa",
    "Ninh Thuận",
    "Bình Thuận",
    "Kon Tum",
    "Gia Lai",
    "Đắk Lắk",
    "Đắk Nông",
    "Lâm Đồng",
    "Bình Phước",
    "Tây Ninh",
    "Bình Dương",
    "Đồng Nai",
    "Bà Rịa - Vũng Tàu",
    "Long An",
    "Tiền Giang",
    "Bến Tre",
    "Trà Vinh",
    "Vĩnh Long",
    "Đồng Tháp",
    "An Giang",
    "Kiên Giang",
    "Cần Thơ",
    "Hậu Giang",
    "Sóc Trăng",
    "Bạc Liêu",
    "Cà Mau",
    "Tuyên Quang",
    "Bắc Kạn",
    "Hải Phòng",
    "Đà Nẵng",
    "Hà Nội",
    "Thành phố Hồ Chí Minh",
]
_DEPARTMENTS = [
    ("Văn phòng UBND tỉnh", "VP UBND tỉnh"),
    ("Sở Nội vụ", "SNV"),
    ("Sở Tư pháp", "STP"),
    ("Sở Kế hoạch và Đầu tư", "Sở KH&ĐT"),
    ("Sở Tài chính", "STC"),
    ("Sở Công Thương", "SCT"),
    ("Sở Nông nghiệp và Phát triển nông thôn", "Sở NN&PTNT"),
    ("Sở Giao thông vận tải", "Sở GTVT"),
    ("Sở Xây dựng", "SXD"),
    ("Sở Tài nguyên và Môi trường", "Sở TNMT"),
    ("Sở Thông tin và Truyền thông", "Sở TTTT"),
    ("Sở Lao động - Thương binh và Xã hội", "Sở LĐTBXH"),
    ("Sở Văn hóa, Thể thao và Du lịch", "Sở VHTTDL"),
    ("Sở Khoa học và Công nghệ", "Sở KHCN"),
    ("Sở Giáo dục và Đào tạo", "Sở GDĐT"),
    ("Sở Y tế", "SYT"),
    ("Sở Ngoại vụ", "SNgV"),
    ("Thanh tra tỉnh", "TTr tỉnh"),
    ("Ban Dân tộc", "BDT"),
    ("Ban Quản lý các khu công nghiệp", "BQL các KCN"),
]
_CENTRAL = [
    "Công an tỉnh",
    "Bảo hiểm xã hội tỉnh",
    "Cục Thuế tỉnh",
    "Kho bạc Nhà nước tỉnh",
    "Cục Hải quan tỉnh",
    "Cục Thống kê tỉnh",
    "Ngân hàng Nhà nước chi nhánh tỉnh",
    "Bộ Chỉ huy Quân sự tỉnh",
]
_MEDIA = ["Đài Phát thanh và Truyền hình tỉnh", "Báo tỉnh"]
_PLACES = [
    "An",
    "Bình",
    "Châu",
    "Đông",
    "Gia",
    "Hòa",
    "Hưng",
    "Kim",
    "Lạc",
    "Long",
    "Mỹ",
    "Nam",
    "Ngọc",
    "Phú",
    "Quang",
    "Sơn",
    "Tân",
    "Thạch",
    "Thanh",
    "Thuận",
    "Tiên",
    "Trung",
    "Vĩnh",
    "Xuân",
    "Yên",
]
_SUFFIXES = ["Lộc", "Thành", "Điền", "Hà", "Lâm", "Phong", "Hải", "Sơn", "Định", "Hòa", "Lương", "Khê", "Minh"]
_KINDS = [("Kế hoạch", "KH"), ("Thông báo", "TB"), ("Quyết định", "QĐ"), ("Công văn", "UBND"), ("Chỉ thị", "CT")]
_TOPICS = [
    "cải cách thủ tục hành chính",
    "chuyển đổi số",
    "phòng, chống thiên tai",
    "giải ngân vốn đầu tư công",
    "xây dựng nông thôn mới",
    "cải thiện môi trường kinh doanh",
    "an toàn thực phẩm",
    "phòng, chống dịch bệnh",
    "quản lý đất đai",
    "bảo vệ môi trường",
    "giảm nghèo bền vững",
    "thu ngân sách nhà nước",
    "chỉ số cải cách hành chính (PAR INDEX)",
    "chỉ số năng lực cạnh tranh cấp tỉnh",
    "an toàn giao thông",
    "cơ chế một cửa, một cửa liên thông",
    "tinh giản biên chế",
    "phát triển du lịch",
]
_ACTIONS = [
    "Báo cáo kết quả thực hiện",
    "Xây dựng kế hoạch triển khai",
    "Tổng kết, đánh giá",
    "Rà soát, đề xuất",
    "Kiểm tra, đôn đốc",
    "Tham mưu UBND tỉnh ban hành văn bản về",
]


@dataclass
class SyntheticReport:
    jurisdictions: int = 0
    agencies: int = 0
    directives: int = 0
    tasks: int = 0
    assignments: int = 0
    seconds: float = 0.0
    tables: dict[str, int] = field(default_factory=dict)


_ORDER = ["jurisdiction", "agency", "agency_alias", "agency_contact", "group_member", "directive", "task", "assignment"]


class _Writer:
    """Buffers rows per table and writes them in batches, parents before children."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.buffers: dict[str, list[dict[str, Any]]] = {}
        self.counts: dict[str, int] = {}

    def add(self, table: Table, row: dict[str, Any]) -> None:
        buffer = self.buffers.setdefault(table.name, [])
        buffer.append(row)
        if len(buffer) >= BATCH:
            self.flush()

    def flush(self) -> None:
        for table_name in _ORDER:
            rows = self.buffers.get(table_name)
            if rows:
                columns = list(rows[0])
                write_rows(self.connection, table_name, columns, ([row[c] for c in columns] for row in rows))
                self.counts[table_name] = self.counts.get(table_name, 0) + len(rows)
                rows.clear()


def _table(model: Any) -> Table:
    return model.__table__  # type: ignore[no-any-return]


def _district_names(rng: random.Random, count: int) -> list[str]:
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < count:
        name = f"{rng.choice(_PLACES)} {rng.choice(_SUFFIXES)}"
        if name not in seen:
            seen.add(name)
            kind = "thành phố" if len(names) == 0 else "thị xã" if len(names) == 1 else "huyện"
            names.append(f"UBND {kind} {name}")
    return names


def generate(
    engine: Engine, count: int, *, seed: int = 1, progress: Callable[[int], None] | None = None
) -> SyntheticReport:
    """Write about ``count`` assignments (exactly ``count``) into the empty database behind ``engine``."""
    import time

    started = time.perf_counter()
    if count < 1:
        raise TrackerError(key="synthetic.positive")
    with engine.begin() as connection:
        if connection.execute(select(Assignment.__table__.c.id).limit(1)).first() is not None:  # type: ignore[attr-defined]
            raise TrackerError(key="synthetic.empty_database")
        indexes = [index for index in _table(Assignment).indexes if not index.unique]
        for index in indexes:
            index.drop(connection)
        sql = raw(connection)
        triggers = [  # see tracker.store.deferred_triggers
            (trigger, int(sql.scalar(f"SELECT coalesce(max(id), 0) FROM {trigger.table}")), turn_off(sql, trigger))
            for trigger in LOAD_TRIGGERS
        ]
        report = _fill(connection, count, random.Random(seed), progress)
        for index in indexes:
            index.create(connection)
        for trigger, after_id, definition in triggers:
            if definition is not None:
                catch_up(sql, trigger, after_id)
                sql.rows(definition)
        merge_pending_entries(sql)
        models = (Jurisdiction, Agency, AgencyAlias, AgencyContact, Directive, Task, Assignment)
        sql.backend.sync_sequences(sql, [_table(model).name for model in models])
    sql.backend.settle_after_load(engine)
    report.seconds = time.perf_counter() - started
    return report


def _fill(
    connection: Connection, count: int, rng: random.Random, progress: Callable[[int], None] | None
) -> SyntheticReport:
    writer = _Writer(connection)
    report = SyntheticReport()
    per_province = 20_000 if count > 20_000 else count
    provinces = max(1, -(-count // per_province))
    now = datetime.now(UTC)
    ids = {"agency": 0, "directive": 0, "task": 0, "assignment": 0, "alias": 0, "contact": 0}

    def next_id(kind: str) -> int:
        ids[kind] += 1
        return ids[kind]

    remaining = count
    for p in range(provinces):
        base = _PROVINCES[p % len(_PROVINCES)]
        round_ = p // len(_PROVINCES)
        province = base if round_ == 0 else f"{base} ({round_ + 1})"
        jurisdiction_id = p + 1
        code = fold(province).replace(" ", "-").replace("(", "").replace(")", "")
        writer.add(_table(Jurisdiction), {"id": jurisdiction_id, "code": code, "name": f"Tỉnh {province}"})
        members: list[int] = []
        districts: list[int] = []
        groups: dict[str, int] = {}
        for group_name in ("Các sở, ban, ngành cấp tỉnh", "UBND các huyện, thị xã, thành phố"):
            group_id = next_id("agency")
            groups[group_name] = group_id
            writer.add(
                _table(Agency),
                {
                    "id": group_id,
                    "jurisdiction_id": jurisdiction_id,
                    "name": group_name,
                    "folded_name": fold(group_name),
                    "short_name": None,
                    "kind": "group",
                },
            )

        def agency(
            name: str,
            kind: str,
            alias: str | None,
            group: str | None,
            jurisdiction_id: int = jurisdiction_id,
            code: str = code,
            groups: dict[str, int] = groups,
        ) -> int:
            agency_id = next_id("agency")
            writer.add(
                _table(Agency),
                {
                    "id": agency_id,
                    "jurisdiction_id": jurisdiction_id,
                    "name": name,
                    "folded_name": fold(name),
                    "short_name": alias,
                    "kind": kind,
                },
            )
            if alias and fold(alias) != fold(name):
                writer.add(
                    _table(AgencyAlias),
                    {
                        "id": next_id("alias"),
                        "agency_id": agency_id,
                        "jurisdiction_id": jurisdiction_id,
                        "alias": alias,
                        "folded_alias": fold(alias),
                    },
                )
            writer.add(
                _table(AgencyContact),
                {"id": next_id("contact"), "agency_id": agency_id, "email": f"a{agency_id}@{code}.example.org"},
            )
            if group:
                writer.add(_table(GroupMember), {"group_id": groups[group], "member_id": agency_id})
            return agency_id

        for name, alias in _DEPARTMENTS:
            members.append(agency(name, "department", alias, "Các sở, ban, ngành cấp tỉnh"))
        for name in _CENTRAL:
            members.append(agency(name, "central", None, None))
        for name in _district_names(rng, 27):
            districts.append(agency(name, "district", None, "UBND các huyện, thị xã, thành phố"))
        for name in _MEDIA:
            members.append(agency(name, "media", None, None))
        everyone = members + districts
        report.agencies += len(everyone) + len(groups)

        target = min(per_province, remaining)
        made = 0
        number = 0
        while made < target:
            number += 1
            kind, abbreviation = rng.choice(_KINDS)
            issued = SYNTHETIC_AS_OF - timedelta(days=rng.randint(10, 900))
            directive_id = next_id("directive")
            topic = rng.choice(_TOPICS)
            writer.add(
                _table(Directive),
                {
                    "id": directive_id,
                    "jurisdiction_id": jurisdiction_id,
                    "number": f"{number}/{abbreviation}-UBND" if abbreviation != "UBND" else f"{number}/UBND-VP",
                    "issuer": f"UBND tỉnh {province}",
                    "kind": kind,
                    "title": f"Về {topic} năm {issued.year}",
                    "issued_on": issued,
                },
            )
            report.directives += 1
            size = min(target - made, rng.randint(1, 60))
            task_number = 0
            while size > 0:
                task_number += 1
                task_id = next_id("task")
                shape = rng.random()
                text_ = f"{rng.choice(_ACTIONS)} {rng.choice(_TOPICS)}"
                rule: str | None = None
                due: date | None = None
                if shape < 0.12:
                    rule, deadline_text = "FREQ=MONTHLY;BYMONTHDAY=20", "trước ngày 20 hàng tháng"
                elif shape < 0.18:
                    rule, deadline_text = "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=15", "trước ngày 15 tháng cuối quý"
                elif shape < 0.23:
                    deadline_text = "thường xuyên"
                else:
                    due = issued + timedelta(days=rng.randint(10, 200))
                    deadline_text = f"trước {due.day}/{due.month}/{due.year}"
                writer.add(
                    _table(Task),
                    {
                        "id": task_id,
                        "directive_id": directive_id,
                        "ref": f"{task_number}",
                        "text": text_,
                        "folded_text": fold(text_),
                        "deadline_text": deadline_text,
                        "due_on": due,
                        "rule": rule,
                        "starts_on": issued,
                    },
                )
                report.tasks += 1
                slots: list[tuple[str, date | None]]
                if rule is not None:
                    slots = list(_recent_occurrences(rule, issued)) or [("", issued + timedelta(days=30))]
                    agencies = rng.sample(everyone, k=max(1, min(len(everyone), size // len(slots) or 1)))
                else:
                    slots = [("", due)]
                    agencies = rng.sample(everyone, k=max(1, min(len(everyone), rng.randint(1, min(size, 12)))))
                for position, agency_id in enumerate(agencies):
                    role = "coordinating" if position > 0 and rng.random() < 0.3 else "lead"
                    for period, slot_due in slots:
                        if size <= 0:
                            break
                        completed, withdrawn = _outcome(rng, slot_due)
                        incoming = IncomingAssignment(
                            deadline_text=deadline_text,
                            wording_due_on=slot_due,
                            completed_on=completed,
                            result_ref=f"{rng.randint(1, 999)}/BC" if completed else "",
                            withdrawn_on=withdrawn,
                        )
                        # Generated rows are written as the one rule makes them; their creation is not audited.
                        plan = plan_assignment(None, incoming, role_is_lead=role == "lead")
                        writer.add(
                            _table(Assignment),
                            {
                                "id": next_id("assignment"),
                                "task_id": task_id,
                                "agency_id": agency_id,
                                "role": role,
                                "period": period,
                                **plan.values,
                                "version": 1,
                                "created_at": now,
                                "updated_at": now,
                            },
                        )
                        size -= 1
                        made += 1
                if progress is not None and ids["assignment"] % 100_000 < 60:
                    progress(ids["assignment"])
        remaining -= made
        report.assignments += made
        report.jurisdictions += 1
    writer.flush()
    report.tables = dict(writer.counts)
    return report


@lru_cache(maxsize=4096)
def _recent_occurrences(rule: str, start: date) -> tuple[tuple[str, date | None], ...]:
    """The last twelve occurrences of ``rule`` from ``start`` to three months past the as-of date."""
    found = occurrences(rule, start, SYNTHETIC_AS_OF + timedelta(days=90))
    return tuple((o.period, o.due_on) for o in found[-12:])


def _outcome(rng: random.Random, due: date | None) -> tuple[date | None, date | None]:
    """Completion and withdrawal dates: a mix of on time, late, open and withdrawn around the as-of date."""
    if rng.random() < 0.01:
        return None, SYNTHETIC_AS_OF - timedelta(days=rng.randint(1, 60))
    if due is None:
        return (SYNTHETIC_AS_OF - timedelta(days=rng.randint(1, 300)) if rng.random() < 0.3 else None), None
    roll = rng.random()
    if due < SYNTHETIC_AS_OF:
        if roll < 0.62:
            return due - timedelta(days=rng.randint(0, 15)), None
        if roll < 0.80:
            late = due + timedelta(days=rng.randint(1, 40))
            return (late if late <= SYNTHETIC_AS_OF else None), None
        return None, None
    return (SYNTHETIC_AS_OF - timedelta(days=rng.randint(0, 10)) if roll < 0.2 else None), None
