"""Builders and hypothesis strategies for documents, events and extraction results."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, get_args

from hypothesis import strategies as st

from allegiance.models import (
    ADMIN1,
    CANONICAL_ACTORS,
    BoilerplateLine,
    Category,
    Certainty,
    Count,
    DateSource,
    DateSpan,
    Document,
    Event,
    EventType,
    Force,
    Place,
    Precision,
    Qualifier,
    UnitRef,
    Who,
)
from allegiance.models import ExtractionResult

INT64 = 2**63 - 1

# Any Unicode text both backends can hold: no NUL (PostgreSQL text refuses it) and no lone
# surrogates (not encodable as UTF-8 at all).
texts = st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), max_size=40)
opt_texts = st.none() | texts


def literal(alias: Any) -> st.SearchStrategy[str]:
    return st.sampled_from(get_args(alias))


@st.composite
def date_spans(draw: st.DrawFn) -> DateSpan:
    a, b = sorted([draw(st.dates()), draw(st.dates())])
    return DateSpan(start=a, end=b, precision=draw(literal(Precision)))


places = st.builds(
    Place,
    name=texts,
    admin1=st.none() | st.sampled_from(ADMIN1) | texts,
    admin2=opt_texts,
    admin3=opt_texts,
    pcode=st.none() | st.from_regex(r"MMR\d{3,6}", fullmatch=True),
    latitude=st.none() | st.floats(-90, 90, allow_nan=False),
    longitude=st.none() | st.floats(-180, 180, allow_nan=False),
    geo_precision=st.none() | st.integers(1, 4),
)

counts_ints = st.none() | st.integers(-INT64 - 1, INT64)


@st.composite
def counts(draw: st.DrawFn) -> Count:
    low, high = draw(counts_ints), draw(counts_ints)
    if low is not None and high is not None and low > high:
        low, high = high, low
    return Count(value=draw(counts_ints), low=low, high=high, qualifier=draw(literal(Qualifier)))


unit_refs = st.builds(UnitRef, type=st.sampled_from(["LIB", "IB", "MOC", "ROC", "BGF"]),
                      number=st.none() | st.integers(1, 9999), name=st.none() | st.sampled_from(["Laukkai", "Northeastern"]))
whos = st.builds(Who, force=literal(Force), category=literal(Category), unit=opt_texts,
                 units=st.lists(unit_refs, max_size=3))
actors = st.none() | st.sampled_from(CANONICAL_ACTORS) | texts
offsets = st.none() | st.integers(0, INT64)

events = st.builds(
    Event,
    type=st.sampled_from(list(EventType)),
    date=st.none() | date_spans(),
    location=st.none() | places,
    count=st.none() | counts(),
    who=st.none() | whos,
    to=actors,
    actor=actors,
    claimed_by=actors,
    certainty=literal(Certainty),
    evidence=texts,
    evidence_start=offsets,
    evidence_end=offsets,
    trigger=opt_texts,
    provenance=st.dictionaries(texts, texts, max_size=4),
    extractor_version=st.none() | texts,
)

documents = st.builds(
    Document,
    name=texts,
    text=texts,
    title=opt_texts,
    outlet=opt_texts,
    author=opt_texts,
    url=opt_texts,
    source_path=opt_texts,
    format=st.sampled_from(["txt", "html", "jsonl"]),
    published=st.none() | st.dates(),
    published_span=st.none() | date_spans(),
    published_source=literal(DateSource),
    removed=st.lists(
        st.builds(BoilerplateLine, line=st.integers(0, 10_000), text=texts, reason=texts),
        max_size=3,
    ),
    raw_chars=st.integers(0, INT64),
)


def unique(doc: Document) -> Document:
    """The same document with text no other example has, so its content hash is new."""
    return doc.model_copy(update={"text": f"{doc.text}\n{uuid.uuid4()}"})


# --- plain builders -----------------------------------------------------------------------------
def make_document(text: str = "Soldiers defected to the KNU on Sunday.", **kw: Any) -> Document:
    fields: dict[str, Any] = {
        "name": "article.txt",
        "text": text,
        "title": "Soldiers defect",
        "outlet": "Example News",
        "url": "https://example.org/a",
        "published": dt.date(2023, 6, 26),
    }
    fields.update(kw)
    return Document(**fields)


def make_event(i: int = 0, **kw: Any) -> Event:
    fields: dict[str, Any] = {
        "type": EventType.defection,
        "date": DateSpan.day(dt.date(2023, 6, 25)),
        "location": Place(
            name="Hpapun", admin1="Kayin", latitude=18.07 + i, longitude=97.44, geo_precision=1
        ),
        "count": Count.exact(12 + i),
        "who": Who(force="tatmadaw", category="soldier", unit="LIB 434", units=[UnitRef(type="LIB", number=434)]),
        "to": "KNU",
        "certainty": "reported",
        "evidence": f"{12 + i} soldiers defected to the KNU",
        "evidence_start": 0,
        "evidence_end": 30,
        "provenance": {"count": "rule:number"},
    }
    fields.update(kw)
    return Event(**fields)


def make_result(text: str, n_events: int = 2, **doc_kw: Any) -> ExtractionResult:
    return ExtractionResult(
        document=make_document(text, **doc_kw),
        events=[make_event(i) for i in range(n_events)],
    )


def with_version(event: Event, version: str) -> Event:
    """What the store gives back: the run's extractor version where the event had none."""
    return event.model_copy(update={"extractor_version": event.extractor_version or version})
