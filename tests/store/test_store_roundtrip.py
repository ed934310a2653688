"""What is saved comes back equal, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_factories import (
    documents,
    events,
    make_event,
    make_result,
    unique,
    with_version,
)

from allegiance.errors import StoreError
from allegiance.models import Document, Event, EventType, ExtractionResult
from allegiance.store import Store

VERSION = "test-1.0"

roundtrip_settings = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@roundtrip_settings
@given(doc=documents, evs=st.lists(events, max_size=4))
def test_saved_events_and_document_read_back_equal(
    store: Store, doc: Document, evs: list[Event]
) -> None:
    doc = unique(doc)  # every example a new document, though examples share one database
    assert store.save(ExtractionResult(document=doc, events=evs), extractor_version=VERSION)

    back = list(store.iter_events(document_id=doc.id))
    assert [s.event for s in back] == [with_version(e, VERSION) for e in evs]
    for stored in back:
        assert stored.document_id == doc.id
        assert (stored.document_name, stored.url, stored.outlet, stored.title) == (
            doc.name, doc.url, doc.outlet, doc.title,
        )
    assert [s.id for s in back] == sorted({s.id for s in back})

    stored_doc = store.get_document(doc.id)
    assert stored_doc is not None
    assert stored_doc.document == doc.model_copy(update={"removed": []})
    assert stored_doc.id == doc.id
    assert stored_doc.n_removed_lines == len(doc.removed)
    assert stored_doc.n_events == len(evs)
    assert stored_doc.ingested_at.tzinfo is not None


def test_event_keeps_its_own_extractor_version(store: Store) -> None:
    own = make_event(0, extractor_version="rules-2")
    bare = make_event(1)
    store.save(
        ExtractionResult(document=make_result("text").document, events=[own, bare]),
        extractor_version="run-1",
    )
    assert [s.event.extractor_version for s in store.iter_events()] == ["rules-2", "run-1"]


def test_unknown_document_is_none(store: Store) -> None:
    assert store.get_document("0" * 64) is None
    assert not store.has_document("0" * 64)


@settings(max_examples=10, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(types=st.lists(st.lists(st.sampled_from(list(EventType)), max_size=5), max_size=4))
def test_counts_and_type_filter_match_what_was_saved(
    db_url: str, types: list[list[EventType]]
) -> None:
    with Store.open(db_url) as store:
        before = store.counts()
        before_by_type = {t: [s.id for s in store.iter_events(type=t)] for t in EventType}
        saved: Counter[str] = Counter()
        new_docs = 0
        for doc_types in types:
            result = ExtractionResult(
                document=unique(make_result("doc").document),
                events=[make_event(i, type=t) for i, t in enumerate(doc_types)],
            )
            assert store.save(result, extractor_version=VERSION)
            new_docs += 1
            saved.update(t.value for t in doc_types)

        after = store.counts()
        assert after["documents"] == before["documents"] + new_docs
        assert after["events"] == before["events"] + sum(saved.values())
        for t in EventType:
            assert after["by_type"][t.value] == before["by_type"][t.value] + saved[t.value]
            of_type = list(store.iter_events(type=t.value))
            assert all(s.event.type is t for s in of_type)
            assert len(of_type) == len(before_by_type[t]) + saved[t.value]
        assert len(list(store.iter_events())) == after["events"]


def test_iter_events_in_stored_order_across_documents(store: Store) -> None:
    first = make_result("first article", n_events=3)
    second = make_result("second article", n_events=2, name="b.txt")
    store.save(first, extractor_version=VERSION)
    store.save(second, extractor_version=VERSION)
    got = [(s.document_name, s.event.evidence) for s in store.iter_events()]
    want = [(r.document.name, e.evidence) for r in (first, second) for e in r.events]
    assert got == want


def test_unknown_event_type_is_a_store_error(store: Store) -> None:
    with pytest.raises(StoreError, match="unknown event type"):
        list(store.iter_events(type="mutiny"))


def test_document_dates_and_span_survive(store: Store) -> None:
    from allegiance.models import DateSpan

    result = make_result(
        "dated",
        published=dt.date(2023, 6, 26),
        published_span=DateSpan(start=dt.date(2023, 6, 1), end=dt.date(2023, 6, 30),
                                 precision="month"),
        published_source="content",
    )
    store.save(result, extractor_version=VERSION)
    stored = store.get_document(result.document.id)
    assert stored is not None
    assert stored.document.published_span == result.document.published_span
    assert stored.document.published_source == "content"
