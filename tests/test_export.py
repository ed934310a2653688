"""Exports in all four formats, parsed back and compared with the events they came from."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from pathlib import Path
from typing import Any, get_args

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from allegiance.errors import ExportError
from allegiance.export import FLAT_COLUMNS, ExportReport, export_events, guess_format
from allegiance.models import (
    Category,
    Count,
    DateSpan,
    Event,
    EventType,
    Force,
    Place,
    Qualifier,
    Who,
)
from allegiance.store import Store, StoredEvent

# --- what each flat column must hold, read straight from the models ----------------------------
GETTERS: dict[str, Any] = {
    "id": lambda s: s.id,
    "document_id": lambda s: s.document_id,
    "document_name": lambda s: s.document_name,
    "url": lambda s: s.url,
    "outlet": lambda s: s.outlet,
    "type": lambda s: s.event.type.value,
    "date_start": lambda s: s.event.date and s.event.date.start,
    "date_end": lambda s: s.event.date and s.event.date.end,
    "location_name": lambda s: s.event.location and s.event.location.name,
    "admin1": lambda s: s.event.location and s.event.location.admin1,
    "admin2": lambda s: s.event.location and s.event.location.admin2,
    "admin3": lambda s: s.event.location and s.event.location.admin3,
    "pcode": lambda s: s.event.location and s.event.location.pcode,
    "latitude": lambda s: s.event.location and s.event.location.latitude,
    "longitude": lambda s: s.event.location and s.event.location.longitude,
    "geo_precision": lambda s: s.event.location and s.event.location.geo_precision,
    "count_value": lambda s: s.event.count and s.event.count.value,
    "count_low": lambda s: s.event.count and s.event.count.low,
    "count_high": lambda s: s.event.count and s.event.count.high,
    "count_qualifier": lambda s: s.event.count and s.event.count.qualifier,
    "who_force": lambda s: s.event.who and s.event.who.force,
    "who_category": lambda s: s.event.who and s.event.who.category,
    "who_unit": lambda s: s.event.who and s.event.who.unit,
    "who_units": lambda s: "; ".join(u.label for u in s.event.who.units) if s.event.who and s.event.who.units else None,
    "to": lambda s: s.event.to,
    "actor": lambda s: s.event.actor,
    "claimed_by": lambda s: s.event.claimed_by,
    "certainty": lambda s: s.event.certainty,
    "evidence": lambda s: s.event.evidence,
    "evidence_start": lambda s: s.event.evidence_start,
    "evidence_end": lambda s: s.event.evidence_end,
    "extractor_version": lambda s: s.event.extractor_version,
}
INT_COLUMNS = {"id", "geo_precision", "count_value", "count_low", "count_high",
               "evidence_start", "evidence_end"}
FLOAT_COLUMNS = {"latitude", "longitude"}
DATE_COLUMNS = {"date_start", "date_end"}


def expected(stored: StoredEvent) -> dict[str, Any]:
    return {column: GETTERS[column](stored) for column in FLAT_COLUMNS}


def from_csv_cell(column: str, cell: str) -> Any:
    if cell == "" and column not in {"document_id", "document_name", "evidence"}:
        return None
    if column in INT_COLUMNS:
        return int(cell)
    if column in FLOAT_COLUMNS:
        return float(cell)
    if column in DATE_COLUMNS:
        return dt.date.fromisoformat(cell)
    return cell


def stored(i: int, *, lat: float | None = 16.8, lon: float | None = 96.1, **kw: Any) -> StoredEvent:
    place = None
    if lat is not None or lon is not None or kw.pop("named_place", False):
        place = Place(name="Yangon, \"Hlaing\"", admin1="Yangon", admin3="Hlaing",
                      pcode="MMR013012", latitude=lat, longitude=lon, geo_precision=2)
    event = Event(
        type=kw.pop("type", EventType.defection),
        date=DateSpan(start=dt.date(2023, 6, 11), end=dt.date(2023, 6, 20)),
        location=place,
        count=Count(value=None, low=24, high=None, qualifier="vague"),
        who=Who(force="police", category="police", unit=None),
        to="CDM",
        evidence=f"Dozens of police, line one\nline two, said \"they\" — ၁၂ {i}",
        evidence_start=10 * i,
        evidence_end=10 * i + 40,
        extractor_version="rules-1",
    )
    return StoredEvent(id=i, document_id=f"{i:064x}", document_name=f"doc{i}.txt",
                       url=None, outlet="Myanmar Now", title="Police join CDM", event=event)


EVENTS = [
    stored(1),
    stored(2, lat=None, lon=None),  # no place at all
    stored(3, lat=None, lon=None, named_place=True),  # a place without coordinates
    stored(4, lat=21.97, lon=96.08, type=EventType.surrender),
]
WITH_COORDS = [s for s in EVENTS if s.event.location and s.event.location.latitude is not None]

# --- hypothesis: any event the models allow, any text ------------------------------------------
texts = st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), max_size=30)
opt = st.none() | texts
ints = st.none() | st.integers(-(2**63), 2**63 - 1)


@st.composite
def stored_events(draw: st.DrawFn) -> StoredEvent:
    a, b = sorted([draw(st.dates()), draw(st.dates())])
    low, high = sorted([draw(st.integers(0, 10**9)), draw(st.integers(0, 10**9))])
    place = draw(st.none() | st.builds(
        Place, name=texts, admin1=opt, admin2=opt, admin3=opt, pcode=opt,
        latitude=st.none() | st.floats(-90, 90), longitude=st.none() | st.floats(-180, 180),
        geo_precision=st.none() | st.integers(1, 4)))
    event = Event(
        type=draw(st.sampled_from(list(EventType))),
        date=draw(st.none() | st.just(DateSpan(start=a, end=b))),
        location=place,
        count=draw(st.none() | st.builds(Count, value=ints, low=st.just(low), high=st.just(high),
                                        qualifier=st.sampled_from(get_args(Qualifier)))),
        who=draw(st.none() | st.builds(Who, force=st.sampled_from(get_args(Force)),
                                      category=st.sampled_from(get_args(Category)), unit=opt)),
        to=draw(opt), actor=draw(opt), claimed_by=draw(opt),
        evidence=draw(texts), evidence_start=draw(ints), evidence_end=draw(ints),
        extractor_version=draw(opt),
    )
    return StoredEvent(id=draw(st.integers(1, 2**62)), document_id=draw(texts),
                       document_name=draw(texts), url=draw(opt), outlet=draw(opt), event=event)


# --- CSV ----------------------------------------------------------------------------------------
def read_csv(data: str) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(data, newline=""))
    rows = list(reader)
    return list(reader.fieldnames or []), rows


def test_csv_to_file_parses_back(tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    report = export_events(EVENTS, "csv", out)
    assert report == ExportReport(format="csv", written=len(EVENTS), left_out=0,
                                  destination=str(out))
    header, rows = read_csv(out.read_text(encoding="utf-8"))
    assert header == list(FLAT_COLUMNS)
    assert [{c: from_csv_cell(c, r[c]) for c in header} for r in rows] == [
        expected(s) for s in EVENTS
    ]


@settings(max_examples=60, deadline=None)
@given(events=st.lists(stored_events(), max_size=5))
def test_csv_round_trips_any_events(events: list[StoredEvent]) -> None:
    buf = io.StringIO(newline="")
    assert export_events(events, "csv", buf).written == len(events)
    _, rows = read_csv(buf.getvalue())
    assert len(rows) == len(events)
    for row, s in zip(rows, events, strict=True):
        want = expected(s)
        for column in FLAT_COLUMNS:
            got = from_csv_cell(column, row[column])
            if want[column] == "" or want[column] is None:
                assert got in ("", None), column  # CSV cannot tell "" from missing
            else:
                assert got == want[column], column


# --- JSON ---------------------------------------------------------------------------------------
def test_json_carries_the_codebook_event_and_extras(tmp_path: Path) -> None:
    out = tmp_path / "events.json"
    report = export_events(EVENTS, "json", out)
    assert (report.written, report.left_out) == (len(EVENTS), 0)
    items = json.loads(out.read_text(encoding="utf-8"))
    assert isinstance(items, list) and len(items) == len(EVENTS)
    for item, s in zip(items, EVENTS, strict=True):
        codebook = s.event.to_codebook()
        assert {k: item[k] for k in codebook} == codebook
        assert (item["id"], item["document_id"], item["document_name"]) == (
            s.id, s.document_id, s.document_name)
        place = s.event.location
        for key in ("admin2", "admin3", "pcode", "latitude", "longitude", "geo_precision"):
            assert item[key] == (getattr(place, key) if place else None)


@settings(max_examples=60, deadline=None)
@given(events=st.lists(stored_events(), max_size=5))
def test_json_round_trips_any_events(events: list[StoredEvent]) -> None:
    buf = io.BytesIO()
    assert export_events(events, "json", buf).written == len(events)
    items = json.loads(buf.getvalue().decode("utf-8"))
    assert len(items) == len(events)
    for item, s in zip(items, events, strict=True):
        codebook = s.event.to_codebook()
        assert {k: item[k] for k in codebook} == codebook
        assert item["evidence_start"] == s.event.evidence_start
        assert item["id"] == s.id


def test_empty_exports(tmp_path: Path) -> None:
    assert json.loads(_to_text([], "json")) == []
    assert json.loads(_to_text([], "geojson")) == {"type": "FeatureCollection", "features": []}
    header, rows = read_csv(_to_text([], "csv"))
    assert header == list(FLAT_COLUMNS) and rows == []
    out = tmp_path / "empty.parquet"
    assert export_events([], "parquet", out).written == 0
    table = pq.read_table(out)
    assert table.num_rows == 0 and table.column_names == list(FLAT_COLUMNS)


def _to_text(events: list[StoredEvent], fmt: Any) -> str:
    buf = io.StringIO()
    export_events(events, fmt, buf)
    return buf.getvalue()


# --- GeoJSON ------------------------------------------------------------------------------------
def test_geojson_points_are_longitude_first_and_uncoded_events_left_out(tmp_path: Path) -> None:
    out = tmp_path / "events.geojson"
    report = export_events(EVENTS, "geojson", out)
    assert report.written == len(WITH_COORDS)
    assert report.left_out == len(EVENTS) - len(WITH_COORDS) == 2
    collection = json.loads(out.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    features = collection["features"]
    assert [f["id"] for f in features] == [s.id for s in WITH_COORDS]
    for feature, s in zip(features, WITH_COORDS, strict=True):
        place = s.event.location
        assert place is not None
        assert feature["type"] == "Feature"
        assert feature["geometry"] == {"type": "Point",
                                       "coordinates": [place.longitude, place.latitude]}
        assert list(feature["properties"]) == list(FLAT_COLUMNS)
        props = feature["properties"]
        assert props["date_start"] == s.event.date.start.isoformat()  # type: ignore[union-attr]
        assert props["latitude"] == place.latitude and props["longitude"] == place.longitude
    # Myanmar lies at about 10-28 N, 92-101 E: longitude first means the bigger number first.
    assert all(f["geometry"]["coordinates"][0] > f["geometry"]["coordinates"][1]
               for f in features)


# --- Parquet ------------------------------------------------------------------------------------
def test_parquet_has_an_explicit_schema_and_reads_back(tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    report = export_events(EVENTS, "parquet", out)
    assert (report.written, report.left_out) == (len(EVENTS), 0)
    table = pq.read_table(out)
    assert table.column_names == list(FLAT_COLUMNS)
    schema = table.schema
    assert schema.field("date_start").type == pa.date32()
    assert schema.field("date_end").type == pa.date32()
    for column in ("count_value", "count_low", "count_high", "evidence_start", "id"):
        assert pa.types.is_integer(schema.field(column).type), column
    assert schema.field("latitude").type == pa.float64()
    assert table.to_pylist() == [expected(s) for s in EVENTS]
    assert table.column("count_value").null_count == len(EVENTS)  # nulls stay null, not NaN


@settings(max_examples=40, deadline=None)
@given(events=st.lists(stored_events(), max_size=5))
def test_parquet_round_trips_any_events(events: list[StoredEvent]) -> None:
    buf = io.BytesIO()
    assert export_events(events, "parquet", buf).written == len(events)
    table = pq.read_table(pa.BufferReader(buf.getvalue()))
    assert table.to_pylist() == [expected(s) for s in events]


def test_parquet_refuses_text_streams() -> None:
    with pytest.raises(ExportError, match="file path") as info:
        export_events(EVENTS, "parquet", sys.stdout)
    assert info.value.code == "A402"
    with pytest.raises(ExportError):
        export_events(EVENTS, "parquet", io.StringIO())


# --- destinations -------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["csv", "json", "geojson"])
def test_text_formats_write_to_stdout(fmt: Any, capsys: pytest.CaptureFixture[str]) -> None:
    report = export_events(EVENTS, fmt, sys.stdout)
    out = capsys.readouterr().out
    if fmt == "csv":
        assert len(read_csv(out)[1]) == report.written == len(EVENTS)
    elif fmt == "json":
        assert len(json.loads(out)) == report.written == len(EVENTS)
    else:
        assert len(json.loads(out)["features"]) == report.written == len(WITH_COORDS)


def test_binary_stream_is_left_open_and_utf8() -> None:
    buf = io.BytesIO()
    export_events(EVENTS[:1], "csv", buf)
    assert not buf.closed
    assert "— ၁၂" in buf.getvalue().decode("utf-8")


def test_unknown_format_and_unwritable_path(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="unknown export format"):
        export_events(EVENTS, "xlsx", tmp_path / "x.xlsx")  # type: ignore[arg-type]
    target = tmp_path / "missing" / "events.csv"
    with pytest.raises(ExportError) as info:
        export_events(EVENTS, "csv", target)
    assert info.value.code == "A402" and str(target) in str(info.value)


def test_failed_export_leaves_no_file(tmp_path: Path) -> None:
    bad = stored(9).model_copy(deep=True)
    assert bad.event.location is not None
    bad.event.location.latitude = float("nan")
    out = tmp_path / "events.json"
    with pytest.raises(ExportError, match="JSON"):
        export_events([EVENTS[0], bad], "json", out)
    assert list(tmp_path.iterdir()) == []


def test_guess_format() -> None:
    assert [guess_format(p) for p in ("a.CSV", "b.geojson", "c.parquet", "d.json", "e.txt")] == [
        "csv", "geojson", "parquet", "json", None]


def test_export_from_a_store(tmp_path: Path) -> None:
    from allegiance.models import Document, ExtractionResult

    events = [s.event for s in EVENTS]
    doc = Document(name="store.txt", text="Police joined the CDM.", url="https://e.org/1")
    with Store.open(f"sqlite:///{tmp_path / 'x.db'}") as store:
        store.save(ExtractionResult(document=doc, events=events), extractor_version="rules-1")
        report = export_events(store.iter_events(), "geojson", tmp_path / "out.geojson")
        ids = [s.id for s in store.iter_events()]
    assert report.left_out == 2 and report.written == 2
    features = json.loads((tmp_path / "out.geojson").read_text(encoding="utf-8"))["features"]
    assert [f["id"] for f in features] == [ids[0], ids[3]]
    assert {f["properties"]["document_id"] for f in features} == {doc.id}
    assert {f["properties"]["url"] for f in features} == {"https://e.org/1"}
