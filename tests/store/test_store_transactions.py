"""One transaction per document: stored whole or not at all, and never twice."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import event as sa_event
from store_factories import make_event, make_result

from allegiance.errors import StoreError
from allegiance.models import Count, ExtractionResult
from allegiance.store import Store, convert

VERSION = "test-1.0"


def test_same_result_twice_is_stored_once(store: Store) -> None:
    result = make_result("Twelve soldiers defected.", n_events=3)
    assert store.save(result, extractor_version=VERSION) is True
    once = store.counts()
    assert store.save(result, extractor_version=VERSION) is False
    assert store.counts() == once
    assert once["documents"] == 1 and once["events"] == 3


def test_same_text_under_another_name_is_the_same_document(store: Store) -> None:
    first = make_result("Identical text.", n_events=1, name="a.txt")
    again = make_result("Identical text.", n_events=2, name="copy/b.html", format="html")
    assert store.save(first, extractor_version=VERSION)
    assert not store.save(again, extractor_version=VERSION)
    assert [s.document_name for s in store.iter_events()] == ["a.txt"]


def test_duplicate_detected_after_reopening(db_url: str) -> None:
    result = make_result("Persisted text.")
    with Store.open(db_url) as store:
        assert store.save(result, extractor_version=VERSION)
    with Store.open(db_url) as store:
        assert not store.save(result, extractor_version=VERSION)
        assert store.counts()["events"] == len(result.events)


def test_failure_while_converting_events_leaves_no_half_document(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = make_result("An earlier article.", n_events=2)
    assert store.save(kept, extractor_version=VERSION)
    before = store.counts()

    broken = make_result("An article that fails half way.", n_events=3)
    real = convert.event_to_row
    calls = 0

    def fail_on_second(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise RuntimeError("forced failure")
        return real(*args, **kwargs)

    monkeypatch.setattr(convert, "event_to_row", fail_on_second)
    with pytest.raises(RuntimeError, match="forced failure"):
        store.save(broken, extractor_version=VERSION)
    assert calls == 2  # the document row had been flushed before the failure

    assert not store.has_document(broken.document.id)
    assert store.counts() == before
    assert store.get_document(kept.document.id) is not None
    monkeypatch.undo()
    assert store.save(broken, extractor_version=VERSION)  # nothing left behind blocks it
    assert store.counts()["events"] == before["events"] + 3


def test_database_error_while_inserting_events_rolls_back_the_document(store: Store) -> None:
    kept = make_result("Kept article.", n_events=1)
    assert store.save(kept, extractor_version=VERSION)
    before = store.counts()
    seen: list[str] = []

    def sabotage(conn: Any, cursor: Any, statement: str, params: Any, context: Any,
                 executemany: bool) -> tuple[str, Any]:
        seen.append(statement.split()[2] if statement.startswith("INSERT") else "")
        if statement.startswith("INSERT INTO events"):
            statement = statement.replace("INSERT INTO events", "INSERT INTO no_such_table", 1)
        return statement, params

    sa_event.listen(store.engine, "before_cursor_execute", sabotage, retval=True)
    try:
        broken = make_result("Broken article.", n_events=2)
        with pytest.raises(StoreError, match="cannot store document") as info:
            store.save(broken, extractor_version=VERSION)
    finally:
        sa_event.remove(store.engine, "before_cursor_execute", sabotage)
    assert info.value.code == "A300"
    assert "documents" in seen and "events" in seen  # the document row went in first
    assert not store.has_document(broken.document.id)
    assert store.counts() == before
    assert store.save(broken, extractor_version=VERSION)


@pytest.mark.parametrize(
    "bad",
    [
        {"evidence": "NUL \x00 inside"},
        {"provenance": {"count": "rule\x00"}},
        {"count": Count(value=2**63, low=None, high=None, qualifier="exact")},
    ],
    ids=["nul-evidence", "nul-provenance", "int-overflow"],
)
def test_values_one_backend_cannot_hold_are_refused_on_both(
    store: Store, bad: dict[str, Any]
) -> None:
    result = ExtractionResult(
        document=make_result("Refused.").document, events=[make_event(0), make_event(1, **bad)]
    )
    with pytest.raises(StoreError):
        store.save(result, extractor_version=VERSION)
    assert not store.has_document(result.document.id)
    assert store.counts()["documents"] == 0


def test_nan_coordinates_are_refused(store: Store) -> None:
    ev = make_event(0)
    assert ev.location is not None
    ev.location.latitude = float("nan")
    result = ExtractionResult(document=make_result("NaN place.").document, events=[ev])
    with pytest.raises(StoreError, match="finite"):
        store.save(result, extractor_version=VERSION)
    assert store.counts()["events"] == 0


def test_run_bookkeeping(store: Store) -> None:
    results = [make_result(f"article {i}", n_events=i + 1) for i in range(3)]
    with store.run(extractor_version="rules-1") as run:
        for result in results:
            assert run.save(result)
        assert not run.save(results[0])
        run.skip()
    record = store.get_run(run.id)
    assert record is not None
    assert record.extractor_version == "rules-1"
    assert (record.n_documents, record.n_events, record.n_skipped) == (3, 6, 2)
    assert record.finished_at is not None and record.finished_at >= record.started_at
    for result in results:
        stored = store.get_document(result.document.id)
        assert stored is not None and stored.run_id == run.id
    assert store.counts()["runs"] == 1


def test_run_that_raises_keeps_counts_but_no_finish_time(store: Store) -> None:
    with pytest.raises(KeyError), store.run(extractor_version="rules-1") as run:
        run.save(make_result("one", n_events=2))
        raise KeyError("boom")
    record = store.get_run(run.id)
    assert record is not None
    assert record.finished_at is None
    assert (record.n_documents, record.n_events) == (1, 2)


def test_start_and_finish_run_by_hand(store: Store) -> None:
    run_id = store.start_run(extractor_version="v")
    assert store.save(make_result("by hand"), extractor_version="v", run_id=run_id)
    record = store.finish_run(run_id, n_documents=1, n_events=2, n_skipped=0)
    assert record.finished_at is not None
    assert store.get_run(run_id) == record
    with pytest.raises(StoreError):
        store.finish_run(run_id + 1000, n_documents=0, n_events=0, n_skipped=0)
