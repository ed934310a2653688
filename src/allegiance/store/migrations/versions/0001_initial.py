"""Initial schema: runs, documents, events.

Revision ID: 0001
Revises:
Create Date: 2025-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VOCAB = 32


def upgrade() -> None:
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("extractor_version", sa.Text(), nullable=False),
        sa.Column("n_documents", sa.Integer(), nullable=False),
        sa.Column("n_events", sa.Integer(), nullable=False),
        sa.Column("n_skipped", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_runs"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("source_path", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("outlet", sa.Text(), nullable=True),
        sa.Column("author", sa.Text(), nullable=True),
        sa.Column("format", sa.String(VOCAB), nullable=False),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("published_span_start", sa.Date(), nullable=True),
        sa.Column("published_span_end", sa.Date(), nullable=True),
        sa.Column("published_span_precision", sa.String(VOCAB), nullable=True),
        sa.Column("published_source", sa.String(VOCAB), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("raw_chars", sa.BigInteger(), nullable=False),
        sa.Column("n_removed_lines", sa.Integer(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["run_id"], ["runs.id"], name="fk_documents_run_id_runs", ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_documents"),
    )
    op.create_index("ix_documents_run_id", "documents", ["run_id"])
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("document_id", sa.String(64), nullable=False),
        sa.Column("type", sa.String(VOCAB), nullable=False),
        sa.Column("date_start", sa.Date(), nullable=True),
        sa.Column("date_end", sa.Date(), nullable=True),
        sa.Column("date_precision", sa.String(VOCAB), nullable=True),
        sa.Column("location_name", sa.Text(), nullable=True),
        sa.Column("admin1", sa.Text(), nullable=True),
        sa.Column("admin2", sa.Text(), nullable=True),
        sa.Column("admin3", sa.Text(), nullable=True),
        sa.Column("pcode", sa.Text(), nullable=True),
        sa.Column("latitude", sa.Double(), nullable=True),
        sa.Column("longitude", sa.Double(), nullable=True),
        sa.Column("geo_precision", sa.SmallInteger(), nullable=True),
        sa.Column("count_value", sa.BigInteger(), nullable=True),
        sa.Column("count_low", sa.BigInteger(), nullable=True),
        sa.Column("count_high", sa.BigInteger(), nullable=True),
        sa.Column("count_qualifier", sa.String(VOCAB), nullable=True),
        sa.Column("who_force", sa.String(VOCAB), nullable=True),
        sa.Column("who_category", sa.String(VOCAB), nullable=True),
        sa.Column("who_unit", sa.Text(), nullable=True),
        sa.Column("to", sa.Text(), nullable=True),
        sa.Column("actor", sa.Text(), nullable=True),
        sa.Column("claimed_by", sa.Text(), nullable=True),
        sa.Column("certainty", sa.String(VOCAB), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("evidence_start", sa.BigInteger(), nullable=True),
        sa.Column("evidence_end", sa.BigInteger(), nullable=True),
        sa.Column("trigger", sa.Text(), nullable=True),
        sa.Column("provenance", sa.JSON(), nullable=False),
        sa.Column("extractor_version", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name="fk_events_document_id_documents",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_events"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_events_type", "events", ["type"])
    op.create_index("ix_events_date_start", "events", ["date_start"])
    op.create_index("ix_events_admin1", "events", ["admin1"])
    op.create_index("ix_events_document_id", "events", ["document_id"])


def downgrade() -> None:
    for index in ("ix_events_document_id", "ix_events_admin1", "ix_events_date_start",
                  "ix_events_type"):
        op.drop_index(index, table_name="events")
    op.drop_table("events")
    op.drop_index("ix_documents_run_id", table_name="documents")
    op.drop_table("documents")
    op.drop_table("runs")
