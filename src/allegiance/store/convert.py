"""The one place where pydantic models become table rows and rows become models again.

``check_storable`` rejects, before anything is written, the values that one backend would
take and the other refuse or change (NUL characters, which PostgreSQL text cannot hold;
NaN and infinite coordinates, which SQLite turns into NULL; integers beyond 64 bits), so
both backends store exactly the same things.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from allegiance.errors import StoreError
from allegiance.models import Count, DateSpan, Document, Event, EventType, Place, UnitRef, Who
from allegiance.store.records import RunRecord, StoredDocument, StoredEvent
from allegiance.store.tables import DocumentRow, EventRow, RunRow

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def as_utc(value: dt.datetime) -> dt.datetime:
    """Timestamps come back naive from SQLite and in the session zone from PostgreSQL."""
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


# --- checks -------------------------------------------------------------------------------------
def _walk(value: Any, path: str) -> Iterator[tuple[str, Any]]:
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _walk(getattr(value, name), f"{path}.{name}" if path else name)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield f"{path}[key]", key
            yield from _walk(item, f"{path}[{key!r}]")
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            yield from _walk(item, f"{path}[{i}]")
    else:
        yield path, value


def check_storable(model: BaseModel, *, what: str) -> None:
    """Raise StoreError for values that SQLite and PostgreSQL would not store alike."""
    for path, value in _walk(model, ""):
        if isinstance(value, str) and "\x00" in value:
            raise StoreError(f"{what}: {path} contains a NUL character, which cannot be stored")
        if isinstance(value, float) and not math.isfinite(value):
            raise StoreError(f"{what}: {path} is {value}, not a finite number")
        if isinstance(value, int) and not isinstance(value, bool):
            if not INT64_MIN <= value <= INT64_MAX:
                raise StoreError(f"{what}: {path} = {value} does not fit in 64 bits")


# --- documents ----------------------------------------------------------------------------------
def document_to_row(
    doc: Document, *, ingested_at: dt.datetime, run_id: int | None = None
) -> DocumentRow:
    span = doc.published_span
    return DocumentRow(
        id=doc.id,
        name=doc.name,
        source_path=doc.source_path,
        url=doc.url,
        title=doc.title,
        outlet=doc.outlet,
        author=doc.author,
        format=doc.format,
        published=doc.published,
        published_span_start=span.start if span else None,
        published_span_end=span.end if span else None,
        published_span_precision=span.precision if span else None,
        published_source=doc.published_source,
        text=doc.text,
        raw_chars=doc.raw_chars,
        n_removed_lines=len(doc.removed),
        ingested_at=ingested_at,
        run_id=run_id,
    )


def _span(start: dt.date | None, end: dt.date | None, precision: str | None) -> DateSpan | None:
    """A stored (start, end, precision) triple as a DateSpan; None unless both ends are set."""
    if start is None or end is None:
        return None
    return DateSpan(start=start, end=end, precision=precision or "span")  # type: ignore[arg-type]


def row_to_document(row: DocumentRow) -> Document:
    span = _span(row.published_span_start, row.published_span_end, row.published_span_precision)
    return Document(
        name=row.name,
        text=row.text,
        title=row.title,
        outlet=row.outlet,
        author=row.author,
        url=row.url,
        source_path=row.source_path,
        format=row.format,  # type: ignore[arg-type]
        published=row.published,
        published_span=span,
        published_source=row.published_source,  # type: ignore[arg-type]
        raw_chars=row.raw_chars,
    )


def row_to_stored_document(row: DocumentRow, *, n_events: int) -> StoredDocument:
    return StoredDocument(
        document=row_to_document(row),
        ingested_at=as_utc(row.ingested_at),
        n_removed_lines=row.n_removed_lines,
        n_events=n_events,
        run_id=row.run_id,
    )


# --- events -------------------------------------------------------------------------------------
def event_to_row(
    event: Event,
    *,
    document_id: str,
    extractor_version: str | None,
    created_at: dt.datetime,
) -> EventRow:
    """Flatten an event; its own ``extractor_version`` wins over the run's."""
    date, place, count, who = event.date, event.location, event.count, event.who
    return EventRow(
        document_id=document_id,
        type=event.type.value,
        date_start=date.start if date else None,
        date_end=date.end if date else None,
        date_precision=date.precision if date else None,
        location_name=place.name if place else None,
        admin1=place.admin1 if place else None,
        admin2=place.admin2 if place else None,
        admin3=place.admin3 if place else None,
        pcode=place.pcode if place else None,
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        geo_precision=place.geo_precision if place else None,
        count_value=count.value if count else None,
        count_low=count.low if count else None,
        count_high=count.high if count else None,
        count_qualifier=count.qualifier if count else None,
        who_force=who.force if who else None,
        who_category=who.category if who else None,
        who_unit=who.unit if who else None,
        who_units=[u.model_dump() for u in who.units] if who and who.units else None,
        to=event.to,
        actor=event.actor,
        claimed_by=event.claimed_by,
        certainty=event.certainty,
        evidence=event.evidence,
        evidence_start=event.evidence_start,
        evidence_end=event.evidence_end,
        trigger=event.trigger,
        provenance=dict(event.provenance),
        extractor_version=event.extractor_version or extractor_version,
        created_at=created_at,
    )


def row_to_event(row: EventRow) -> Event:
    date = _span(row.date_start, row.date_end, row.date_precision)
    place = None
    if row.location_name is not None:
        place = Place(
            name=row.location_name,
            admin1=row.admin1,
            admin2=row.admin2,
            admin3=row.admin3,
            pcode=row.pcode,
            latitude=row.latitude,
            longitude=row.longitude,
            geo_precision=row.geo_precision,
        )
    count = None
    if row.count_qualifier is not None:
        count = Count(
            value=row.count_value,
            low=row.count_low,
            high=row.count_high,
            qualifier=row.count_qualifier,  # type: ignore[arg-type]
        )
    who = None
    if row.who_force is not None and row.who_category is not None:
        who = Who(
            force=row.who_force,  # type: ignore[arg-type]
            category=row.who_category,  # type: ignore[arg-type]
            unit=row.who_unit,
            units=[UnitRef(**u) for u in row.who_units or []],
        )
    return Event(
        type=EventType(row.type),
        date=date,
        location=place,
        count=count,
        who=who,
        to=row.to,
        actor=row.actor,
        claimed_by=row.claimed_by,
        certainty=row.certainty,  # type: ignore[arg-type]
        evidence=row.evidence,
        evidence_start=row.evidence_start,
        evidence_end=row.evidence_end,
        trigger=row.trigger,
        provenance=dict(row.provenance or {}),
        extractor_version=row.extractor_version,
    )


def row_to_stored_event(
    row: EventRow,
    *,
    document_name: str,
    url: str | None,
    outlet: str | None,
    title: str | None,
) -> StoredEvent:
    return StoredEvent(
        id=row.id,
        document_id=row.document_id,
        document_name=document_name,
        url=url,
        outlet=outlet,
        title=title,
        event=row_to_event(row),
    )


# --- runs ---------------------------------------------------------------------------------------
def row_to_run(row: RunRow) -> RunRecord:
    return RunRecord(
        id=row.id,
        started_at=as_utc(row.started_at),
        finished_at=as_utc(row.finished_at) if row.finished_at is not None else None,
        extractor_version=row.extractor_version,
        n_documents=row.n_documents,
        n_events=row.n_events,
        n_skipped=row.n_skipped,
    )
