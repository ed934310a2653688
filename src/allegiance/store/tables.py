"""The database schema: SQLAlchemy 2 declarative tables for documents, events and runs.

Every type here behaves the same on SQLite and PostgreSQL: free text is ``Text`` (no length
limits that only PostgreSQL would enforce), closed vocabularies are short ``String`` columns
checked by the pydantic models before they get here, numbers that come from the text are
``BigInteger`` and coordinates ``Double``. Constraint and index names follow one naming
convention so later migrations (review status, cross-source links between events) can refer
to them by name, including SQLite batch migrations.

Changing anything here needs a new migration in ``migrations/versions/``; a test compares the
migrated database with this metadata.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    DateTime,
    Double,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Enumerated values (event type, qualifier, certainty, ...) are at most this long.
VOCAB = 32


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class RunRow(Base):
    """One extraction run: when, with which extractor, and how much it stored."""

    __tablename__ = "runs"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    started_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    extractor_version: Mapped[str] = mapped_column(Text)
    n_documents: Mapped[int] = mapped_column(Integer, default=0)
    n_events: Mapped[int] = mapped_column(Integer, default=0)
    n_skipped: Mapped[int] = mapped_column(Integer, default=0)


class DocumentRow(Base):
    """One article, keyed by the sha256 of its text (``Document.id``)."""

    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    source_path: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    format: Mapped[str] = mapped_column(String(VOCAB))
    published: Mapped[dt.date | None] = mapped_column(Date)
    published_span_start: Mapped[dt.date | None] = mapped_column(Date)
    published_span_end: Mapped[dt.date | None] = mapped_column(Date)
    published_span_precision: Mapped[str | None] = mapped_column(String(VOCAB))
    published_source: Mapped[str] = mapped_column(String(VOCAB))
    text: Mapped[str] = mapped_column(Text)
    raw_chars: Mapped[int] = mapped_column(BigInteger, default=0)
    n_removed_lines: Mapped[int] = mapped_column(Integer, default=0)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    run_id: Mapped[int | None] = mapped_column(
        ForeignKey("runs.id", ondelete="SET NULL"), index=True
    )


class EventRow(Base):
    """One codebook event, flattened, with offsets and provenance.

    The integer id is stable (AUTOINCREMENT on SQLite, a sequence on PostgreSQL: never reused),
    so review decisions and links between events of different sources can point at it.
    """

    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_type", "type"),
        Index("ix_events_date_start", "date_start"),
        Index("ix_events_admin1", "admin1"),
        Index("ix_events_document_id", "document_id"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("documents.id", ondelete="CASCADE")
    )
    type: Mapped[str] = mapped_column(String(VOCAB))
    date_start: Mapped[dt.date | None] = mapped_column(Date)
    date_end: Mapped[dt.date | None] = mapped_column(Date)
    date_precision: Mapped[str | None] = mapped_column(String(VOCAB))
    location_name: Mapped[str | None] = mapped_column(Text)
    admin1: Mapped[str | None] = mapped_column(Text)
    admin2: Mapped[str | None] = mapped_column(Text)
    admin3: Mapped[str | None] = mapped_column(Text)
    pcode: Mapped[str | None] = mapped_column(Text)
    latitude: Mapped[float | None] = mapped_column(Double)
    longitude: Mapped[float | None] = mapped_column(Double)
    geo_precision: Mapped[int | None] = mapped_column(SmallInteger)
    count_value: Mapped[int | None] = mapped_column(BigInteger)
    count_low: Mapped[int | None] = mapped_column(BigInteger)
    count_high: Mapped[int | None] = mapped_column(BigInteger)
    count_qualifier: Mapped[str | None] = mapped_column(String(VOCAB))
    who_force: Mapped[str | None] = mapped_column(String(VOCAB))
    who_category: Mapped[str | None] = mapped_column(String(VOCAB))
    who_unit: Mapped[str | None] = mapped_column(Text)
    who_units: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON)  # parsed: [{type, number, name}]
    to: Mapped[str | None] = mapped_column("to", Text)
    actor: Mapped[str | None] = mapped_column(Text)
    claimed_by: Mapped[str | None] = mapped_column(Text)
    certainty: Mapped[str] = mapped_column(String(VOCAB))
    evidence: Mapped[str] = mapped_column(Text)
    evidence_start: Mapped[int | None] = mapped_column(BigInteger)
    evidence_end: Mapped[int | None] = mapped_column(BigInteger)
    trigger: Mapped[str | None] = mapped_column(Text)
    provenance: Mapped[dict[str, Any]] = mapped_column(JSON)
    extractor_version: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
