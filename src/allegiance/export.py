"""Export stored events as CSV, JSON, GeoJSON or Parquet.

    from allegiance.export import export_events
    report = export_events(store.iter_events(), "geojson", Path("events.geojson"))

CSV and Parquet carry one flat row per event (``FLAT_COLUMNS``). JSON is a list of codebook
events (``Event.to_codebook()``) with the document and the extra place fields beside them.
GeoJSON (RFC 7946) is a FeatureCollection of Points, ``[longitude, latitude]``, with the flat
columns as properties; events without coordinates are left out and counted in the report.

``out`` is a path or an open stream. Text formats go to text or binary streams (stdout
included); Parquet is binary and needs a path or a binary file. A path is written through a
temporary file beside it, so a failed export leaves no half-written file behind.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import logging
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import IO, Any, Literal, TextIO, get_args

import pyarrow as pa
import pyarrow.parquet as pq

from allegiance.errors import ExportError
from allegiance.models import Event, Place, Who
from allegiance.store.records import StoredEvent

logger = logging.getLogger(__name__)

ExportFormat = Literal["csv", "json", "geojson", "parquet"]
FORMATS: tuple[str, ...] = get_args(ExportFormat)

FLAT_COLUMNS: tuple[str, ...] = (
    "id", "document_id", "document_name", "url", "outlet", "type", "date_start", "date_end",
    "location_name", "admin1", "admin2", "admin3", "pcode", "latitude", "longitude",
    "geo_precision", "count_value", "count_low", "count_high", "count_qualifier", "who_force",
    "who_category", "who_unit", "who_units", "to", "actor", "claimed_by", "certainty", "evidence",
    "evidence_start", "evidence_end", "extractor_version",
)

_PARQUET_TYPES: dict[str, pa.DataType] = {
    "id": pa.int64(),
    "date_start": pa.date32(),
    "date_end": pa.date32(),
    "latitude": pa.float64(),
    "longitude": pa.float64(),
    "geo_precision": pa.int8(),
    "count_value": pa.int64(),
    "count_low": pa.int64(),
    "count_high": pa.int64(),
    "evidence_start": pa.int64(),
    "evidence_end": pa.int64(),
}
PARQUET_SCHEMA = pa.schema(
    [
        pa.field(name, _PARQUET_TYPES.get(name, pa.string()), nullable=name != "id")
        for name in FLAT_COLUMNS
    ]
)

_SUFFIXES = {".csv": "csv", ".json": "json", ".geojson": "geojson", ".parquet": "parquet"}
_BATCH = 8192

Output = str | os.PathLike[str] | IO[str] | IO[bytes]


@dataclass(frozen=True)
class ExportReport:
    """What an export wrote: ``left_out`` counts GeoJSON events that had no coordinates."""

    format: str
    written: int
    left_out: int
    destination: str


# --- records ------------------------------------------------------------------------------------
def flat_record(stored: StoredEvent) -> dict[str, Any]:
    """One event as a flat row keyed by ``FLAT_COLUMNS`` (dates as ``datetime.date``)."""
    ev = stored.event
    date, place, count, who = ev.date, ev.location, ev.count, ev.who
    return {
        **_source(stored),
        "type": ev.type.value,
        "date_start": date.start if date else None,
        "date_end": date.end if date else None,
        "location_name": place.name if place else None,
        "admin1": place.admin1 if place else None,
        **_place_extras(place),
        "count_value": count.value if count else None,
        "count_low": count.low if count else None,
        "count_high": count.high if count else None,
        "count_qualifier": count.qualifier if count else None,
        "who_force": who.force if who else None,
        "who_category": who.category if who else None,
        "who_unit": who.unit if who else None,
        "who_units": _units(who),
        "to": ev.to,
        "actor": ev.actor,
        "claimed_by": ev.claimed_by,
        "certainty": ev.certainty,
        "evidence": ev.evidence,
        **_trace(ev),
    }


def _source(stored: StoredEvent) -> dict[str, Any]:
    """Which stored event this is and the document it came from."""
    return {"id": stored.id, "document_id": stored.document_id, "document_name": stored.document_name,
            "url": stored.url, "outlet": stored.outlet}


def _units(who: Who | None) -> str | None:
    """Parsed regime units, countable: "LIB 402; LIB 403"."""
    return "; ".join(u.label for u in who.units) if who and who.units else None


def _place_extras(place: Place | None) -> dict[str, Any]:
    """What the gazetteer adds to a place beyond the codebook's name and admin1."""
    keys = ("admin2", "admin3", "pcode", "latitude", "longitude", "geo_precision")
    return {k: getattr(place, k) if place else None for k in keys}


def _trace(ev: Event) -> dict[str, Any]:
    """Where the event came from: evidence offsets and the extractor that made it."""
    return {"evidence_start": ev.evidence_start, "evidence_end": ev.evidence_end, "extractor_version": ev.extractor_version}


def _jsonable(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def json_record(stored: StoredEvent) -> dict[str, Any]:
    """The codebook event with the document and the extra place fields beside it."""
    ev, place = stored.event, stored.event.location
    return {
        **_source(stored),
        "title": stored.title,
        **ev.to_codebook(),
        "who_units": [u.model_dump() for u in ev.who.units] if ev.who else [],
        **_place_extras(place),
        **_trace(ev),
    }


def geojson_feature(stored: StoredEvent) -> dict[str, Any] | None:
    """A GeoJSON Point feature, or None when the event has no coordinates."""
    place = stored.event.location
    if place is None or place.latitude is None or place.longitude is None:
        return None
    return {
        "type": "Feature",
        "id": stored.id,
        "geometry": {"type": "Point", "coordinates": [place.longitude, place.latitude]},
        "properties": {k: _jsonable(v) for k, v in flat_record(stored).items()},
    }


def guess_format(path: str | os.PathLike[str]) -> ExportFormat | None:
    """The format a file name's suffix implies (``.csv``, ``.json``, ``.geojson``, ``.parquet``)."""
    return _SUFFIXES.get(Path(path).suffix.lower())  # type: ignore[return-value]


# --- output plumbing ----------------------------------------------------------------------------
def _is_path(out: object) -> bool:
    return isinstance(out, str | os.PathLike)


def _is_text_stream(out: object) -> bool:
    if isinstance(out, io.TextIOBase):
        return True
    if isinstance(out, io.BufferedIOBase | io.RawIOBase):
        return False
    return hasattr(out, "encoding")


def _describe(out: object) -> str:
    if _is_path(out):
        return os.fspath(out)  # type: ignore[arg-type]
    return str(getattr(out, "name", None) or f"<{type(out).__name__}>")


@contextmanager
def _atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; move it into place only on success."""
    part = path.with_name(f".{path.name}.part")
    try:
        yield part
        os.replace(part, path)
    finally:
        part.unlink(missing_ok=True)


@contextmanager
def _text_sink(out: Output, *, newline: str | None) -> Iterator[TextIO]:
    if _is_path(out):
        with _atomic_path(Path(out)) as part:  # type: ignore[arg-type]
            with part.open("w", encoding="utf-8", newline=newline) as handle:
                yield handle
    elif _is_text_stream(out):
        yield out  # type: ignore[misc]
        out.flush()
    else:
        wrapper = io.TextIOWrapper(out, encoding="utf-8", newline=newline)  # type: ignore[arg-type]
        try:
            yield wrapper
            wrapper.flush()
        finally:
            wrapper.detach()  # leave the caller's binary stream open


def _batched(items: Iterable[Any], n: int) -> Iterator[list[Any]]:
    it = iter(items)
    while batch := list(islice(it, n)):
        yield batch


# --- writers ------------------------------------------------------------------------------------
def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _write_csv(events: Iterable[StoredEvent], sink: TextIO) -> tuple[int, int]:
    writer = csv.writer(sink)
    writer.writerow(FLAT_COLUMNS)
    n = 0
    for stored in events:
        row = flat_record(stored)
        writer.writerow([_csv_value(row[c]) for c in FLAT_COLUMNS])
        n += 1
    return n, 0


def _dump(obj: Any) -> str:
    try:
        return json.dumps(obj, ensure_ascii=False, allow_nan=False)
    except ValueError as exc:  # NaN or infinity: not valid JSON
        raise ExportError(f"cannot write event {obj.get('id')!r} as JSON: {exc}") from exc


def _write_json_array(
    items: Iterable[dict[str, Any] | None], sink: TextIO, head: str, tail: str
) -> tuple[int, int]:
    written = left_out = 0
    sink.write(head)
    for item in items:
        if item is None:
            left_out += 1
            continue
        sink.write(("\n" if written == 0 else ",\n") + _dump(item))
        written += 1
    sink.write(("\n" if written else "") + tail)
    return written, left_out


def _write_json(events: Iterable[StoredEvent], sink: TextIO) -> tuple[int, int]:
    return _write_json_array(map(json_record, events), sink, "[", "]\n")


def _write_geojson(events: Iterable[StoredEvent], sink: TextIO) -> tuple[int, int]:
    return _write_json_array(
        map(geojson_feature, events), sink, '{"type": "FeatureCollection", "features": [', "]}\n"
    )


def _write_parquet(events: Iterable[StoredEvent], out: Output) -> int:
    written = 0

    def write(sink: Any) -> None:
        nonlocal written
        with pq.ParquetWriter(sink, PARQUET_SCHEMA) as writer:
            for batch in _batched(map(flat_record, events), _BATCH):
                writer.write_table(pa.Table.from_pylist(batch, schema=PARQUET_SCHEMA))
                written += len(batch)

    if _is_path(out):
        with _atomic_path(Path(out)) as part:  # type: ignore[arg-type]
            write(str(part))
    else:
        if _is_text_stream(out):
            raise ExportError(
                "Parquet is a binary format and cannot go to a text stream such as stdout; "
                "give a file path (for example events.parquet)"
            )
        if getattr(out, "isatty", lambda: False)():
            raise ExportError(
                "Parquet is a binary format and cannot go to a terminal; give a file path"
            )
        write(out)
    return written


_TextWriter = Callable[[Iterable[StoredEvent], TextIO], tuple[int, int]]
# format -> (writer, the newline argument for files: csv does its own line endings)
_TEXT_WRITERS: dict[str, tuple[_TextWriter, str | None]] = {
    "csv": (_write_csv, ""),
    "json": (_write_json, None),
    "geojson": (_write_geojson, None),
}


def export_events(
    stored_events: Iterable[StoredEvent], fmt: ExportFormat, out: Output
) -> ExportReport:
    """Write events to ``out`` in ``fmt`` and report how many were written and left out.

    Raises ExportError (A402) for an unknown format, Parquet to a text stream or terminal,
    values JSON cannot hold, or a destination that cannot be written.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; one of: {', '.join(FORMATS)}")
    destination = _describe(out)
    try:
        if fmt == "parquet":
            written, left_out = _write_parquet(stored_events, out), 0
        else:
            writer, newline = _TEXT_WRITERS[fmt]
            with _text_sink(out, newline=newline) as sink:
                written, left_out = writer(stored_events, sink)
    except ExportError as exc:
        if exc.path is None and _is_path(out):
            exc.path = destination
        raise
    except (OSError, pa.ArrowException) as exc:
        raise ExportError(f"cannot write {fmt}: {exc}", path=destination) from exc
    logger.info("exported %d events as %s to %s (%d left out)", written, fmt, destination, left_out)
    return ExportReport(format=fmt, written=written, left_out=left_out, destination=destination)
