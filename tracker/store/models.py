"""The tables. Status is never stored: it is derived from the dates here (see tracker.core.status).

SQLModel objects are for editing one record; lists read plain tuples (tracker.store.queries).
New databases are created by the Alembic migrations in ``db/``, which must match these classes
(a test compares them).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import StrEnum

from sqlalchemy import Boolean, Column, Date, DateTime, Index, Integer, UniqueConstraint, text
from sqlmodel import Field, SQLModel


def utc_now() -> datetime:
    return datetime.now(UTC)


def _timestamp() -> Column[datetime]:
    return Column(DateTime(timezone=True), nullable=False)


class AgencyKind(StrEnum):
    DEPARTMENT = "department"  # sở, ban, ngành cấp tỉnh
    DISTRICT = "district"  # UBND huyện, thị xã, thành phố
    CENTRAL = "central"  # cơ quan Trung ương đóng trên địa bàn
    MEDIA = "media"  # báo, đài
    OTHER = "other"
    GROUP = "group"  # a named set of agencies; assigning to it assigns each member


class Role(StrEnum):
    LEAD = "lead"  # cơ quan chủ trì
    COORDINATING = "coordinating"  # cơ quan phối hợp


class Jurisdiction(SQLModel, table=True):
    """A province, or the central government: the space in which agency names are unique."""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=40, unique=True)
    name: str = Field(max_length=200)


class Agency(SQLModel, table=True):
    __table_args__ = (
        UniqueConstraint("jurisdiction_id", "name", name="uq_agency_name"),
        UniqueConstraint("jurisdiction_id", "folded_name", name="uq_agency_folded_name"),
    )

    id: int | None = Field(default=None, primary_key=True)
    jurisdiction_id: int = Field(foreign_key="jurisdiction.id", index=True)
    name: str = Field(max_length=300)
    folded_name: str = Field(max_length=300)
    short_name: str | None = Field(default=None, max_length=100)
    kind: str = Field(default=AgencyKind.OTHER.value, max_length=20)


class AgencyAlias(SQLModel, table=True):
    __tablename__ = "agency_alias"
    __table_args__ = (UniqueConstraint("jurisdiction_id", "folded_alias", name="uq_agency_alias_folded"),)

    id: int | None = Field(default=None, primary_key=True)
    agency_id: int = Field(foreign_key="agency.id", index=True)
    jurisdiction_id: int = Field(foreign_key="jurisdiction.id")
    alias: str = Field(max_length=300)
    folded_alias: str = Field(max_length=300)


class GroupMember(SQLModel, table=True):
    __tablename__ = "group_member"

    group_id: int = Field(foreign_key="agency.id", primary_key=True)
    member_id: int = Field(foreign_key="agency.id", primary_key=True, index=True)


class AgencyContact(SQLModel, table=True):
    __tablename__ = "agency_contact"
    __table_args__ = (UniqueConstraint("agency_id", "email", name="uq_agency_contact"),)

    id: int | None = Field(default=None, primary_key=True)
    agency_id: int = Field(foreign_key="agency.id", index=True)
    email: str = Field(max_length=320)


class Directive(SQLModel, table=True):
    """A document that assigns tasks, identified by its number within the issuer's jurisdiction."""

    __table_args__ = (UniqueConstraint("jurisdiction_id", "number", name="uq_directive_number"),)

    id: int | None = Field(default=None, primary_key=True)
    jurisdiction_id: int = Field(foreign_key="jurisdiction.id", index=True)
    number: str = Field(max_length=100)
    issuer: str = Field(default="", max_length=300)
    kind: str = Field(default="", max_length=100)
    title: str = Field(default="")
    issued_on: date | None = None


class Task(SQLModel, table=True):
    """One task of a directive (identified by the directive and its ref, e.g. "3.1.b.(1)")."""

    __table_args__ = (UniqueConstraint("directive_id", "ref", name="uq_task_ref"),)

    id: int | None = Field(default=None, primary_key=True)
    directive_id: int = Field(foreign_key="directive.id", index=True)
    ref: str = Field(max_length=100)
    text: str = Field(default="")
    folded_text: str = Field(default="")
    deadline_text: str = Field(default="")
    due_on: date | None = None
    rule: str | None = Field(default=None, max_length=200)
    """RRULE body of a recurring deadline; its occurrences become assignments with a period."""
    starts_on: date | None = None
    """First day from which a recurring task's occurrences count."""


_NAMED_PERIOD = text("period <> ''")
_OPEN = text("completed_on IS NULL AND withdrawn_on IS NULL")


class Assignment(SQLModel, table=True):
    """A task given to one agency in one role, for one period when the task recurs.

    ``period`` is "" for a one-off task. ``version`` guards against lost updates: every write
    checks the version it read and bumps it.
    """

    __table_args__ = (
        UniqueConstraint("task_id", "agency_id", "role", "period", name="uq_assignment_identity"),
        # Agency lists by due date, and the scoreboard (covering: it never reads the table).
        Index("ix_assignment_agency_state", "agency_id", "due_on", "completed_on", "withdrawn_on"),
        Index("ix_assignment_due", "due_on", "id"),
        # Named periods only: one-off assignments (period "") are most rows and no query looks them up.
        Index("ix_assignment_period", "period", sqlite_where=_NAMED_PERIOD, postgresql_where=_NAMED_PERIOD),
        # Serves "open at the as-of date" (overdue, due soon, status counts) as covering index ranges:
        # open now (NULL, NULL, due range), completed after the as-of date, withdrawn after it.
        Index("ix_assignment_state", "completed_on", "withdrawn_on", "due_on"),
        # The daily digests: open assignments in the order they are listed, with every column a digest
        # line reads, so the run walks this index alone and sorts nothing (see tracker.notify.lines).
        Index(
            "ix_assignment_open",
            "due_on",
            "task_id",
            "period",
            "deadline_text",
            "agency_id",
            "role",
            sqlite_where=_OPEN,
            postgresql_where=_OPEN,
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    task_id: int = Field(foreign_key="task.id")
    agency_id: int = Field(foreign_key="agency.id")
    role: str = Field(default=Role.LEAD.value, max_length=20)
    period: str = Field(default="", max_length=20)
    due_on: date | None = None
    deadline_text: str = Field(default="")
    original_due_on: date | None = None
    completed_on: date | None = None
    result_ref: str = Field(default="")
    note: str = Field(default="")
    withdrawn_on: date | None = None
    version: int = Field(default=1, sa_column=Column(Integer, nullable=False, server_default="1"))
    created_at: datetime = Field(default_factory=utc_now, sa_column=_timestamp())
    updated_at: datetime = Field(default_factory=utc_now, sa_column=_timestamp())


LIVE_FOREVER = date(9999, 12, 31)
"""``CompletionTally.live_until`` of assignments that were never withdrawn."""


class CompletionTally(SQLModel, table=True):
    """How many completed assignments with a due date share a completion date, the date they stop
    counting (withdrawal, or :data:`LIVE_FOREVER`) and whether they were done on time.

    The status counts read these few thousand rows instead of the completed assignments (two thirds of a
    mature table). Triggers on ``assignment``, made by migration 0006, keep the tally up to date on
    every insert, update and delete, so no writer has to remember it.
    """

    __tablename__ = "completion_tally"

    completed_on: date = Field(sa_column=Column(Date, primary_key=True))
    live_until: date = Field(sa_column=Column(Date, primary_key=True))
    on_time: bool = Field(sa_column=Column(Boolean, primary_key=True))
    assignments: int = Field(sa_column=Column(Integer, nullable=False))


class DeadlineChange(SQLModel, table=True):
    """An extension or adjustment of a deadline (gia hạn, điều chỉnh thời hạn)."""

    __tablename__ = "deadline_change"

    id: int | None = Field(default=None, primary_key=True)
    assignment_id: int = Field(foreign_key="assignment.id", index=True)
    old_due_on: date | None = None
    new_due_on: date | None = None
    reason: str = Field(default="")
    decision_ref: str = Field(default="")
    source: str = Field(default="", max_length=300)
    actor: str = Field(max_length=100)
    changed_at: datetime = Field(default_factory=utc_now, sa_column=_timestamp())


class Withdrawal(SQLModel, table=True):
    """Why and on whose decision an assignment was withdrawn (rút nhiệm vụ); the date is
    ``Assignment.withdrawn_on``. A withdrawn assignment is excluded from rates."""

    id: int | None = Field(default=None, primary_key=True)
    assignment_id: int = Field(foreign_key="assignment.id", unique=True)
    reason: str = Field(default="")
    decision_ref: str = Field(default="")
    actor: str = Field(max_length=100)
    recorded_at: datetime = Field(default_factory=utc_now, sa_column=_timestamp())


class AuditEntry(SQLModel, table=True):
    """One change to one field of one record: what, old, new, who, when."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_entity", "entity", "entity_id"),)

    id: int | None = Field(default=None, primary_key=True)
    entity: str = Field(max_length=40)
    entity_id: int
    action: str = Field(max_length=40)
    field: str = Field(default="", max_length=60)
    old_value: str | None = None
    new_value: str | None = None
    actor: str = Field(max_length=100)
    at: datetime = Field(default_factory=utc_now, sa_column=_timestamp())


class SentDigest(SQLModel, table=True):
    """A digest email of a day: the addresses the SMTP server accepted it for (never sent to twice that
    day) and those it refused."""

    __tablename__ = "sent_digest"
    __table_args__ = (UniqueConstraint("digest_date", "digest_key", name="uq_sent_digest"),)

    id: int | None = Field(default=None, primary_key=True)
    digest_date: date
    digest_key: str = Field(max_length=400)
    """Who and what: "agency:<id>" or "summary"; with --to, prefixed by the address."""
    recipients: str = Field(default="")
    """The addresses the server accepted it for, comma-separated."""
    refused: str = Field(default="")
    """The addresses it was not sent to at the last try, one "address: reason" a line."""
    message_id: str = Field(default="", max_length=300)
    sent_at: datetime = Field(default_factory=utc_now, sa_column=_timestamp())
