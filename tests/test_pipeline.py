"""The library API: Pipeline.run into a Store, per-document transactions, crashes mid-run, and
extract_text."""

from __future__ import annotations

from pathlib import Path

import pytest

from allegiance.errors import (
    AllegianceError,
    IngestError,
    ModelNotInstalledError,
    StoreError,
)
from allegiance.models import Event, EventType, ExtractionResult
from allegiance.pipeline import Pipeline, RunReport, extract_text, problem_line
from allegiance.settings import Settings
from allegiance.store import Store

# The order Pipeline.run meets the documents of the `articles` fixture (files sorted by name).
ORDER = ["hpapun_defection.txt", "mandalay_police.html", "troop_strength.txt", "wire.jsonl#1", "wire.jsonl#2"]


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(f"sqlite:///{tmp_path / 'pipeline.db'}") as opened:
        yield opened


@pytest.fixture
def fresh(pipeline: Pipeline) -> Pipeline:
    """A Pipeline of its own (safe to monkeypatch); the spaCy pipeline itself stays cached."""
    return Pipeline(pipeline.settings)


def stored_names(store: Store) -> set[str]:
    from allegiance.store.tables import DocumentRow

    with store.session() as session:
        return {name for (name,) in session.query(DocumentRow.name)}


def test_run_into_a_store(fresh: Pipeline, articles: Path, store: Store):
    seen: list[str] = []
    report = fresh.run([articles], store=store, on_item=seen.append)
    assert isinstance(report, RunReport) and report.ok
    assert seen == ORDER
    assert report.documents == report.stored == len(ORDER)
    assert report.duplicates == 0
    counts = store.counts()
    assert counts["documents"] == len(ORDER)
    assert counts["events"] == report.events == report.events_stored
    assert {t: counts["by_type"][t] for t in report.events_by_type} == dict(report.events_by_type)
    assert report.events_by_type["defection"] >= 1
    run = store.get_run(report.run_id)
    assert run is not None and run.finished_at is not None
    assert (run.n_documents, run.n_events, run.n_skipped) == (len(ORDER), counts["events"], 0)
    # every stored document belongs to the run that stored it
    from allegiance.store.tables import DocumentRow

    with store.session() as session:
        assert {r for (r,) in session.query(DocumentRow.run_id)} == {report.run_id}

    again = fresh.run([articles], store=store)
    assert again.ok and again.stored == 0 and again.duplicates == len(ORDER)
    assert store.counts()["documents"] == counts["documents"]
    assert store.counts()["events"] == counts["events"]


def test_run_without_a_store_only_reports(fresh: Pipeline, articles: Path):
    report = fresh.run([articles])
    assert report.documents == len(ORDER) and report.stored == 0 and report.run_id is None


def test_extractor_crash_on_the_third_document(fresh: Pipeline, articles: Path, store: Store,
                                               monkeypatch: pytest.MonkeyPatch):
    real = fresh.extractor._events
    seen: list[str] = []

    def flaky(doc, sentences, parsed):
        seen.append(doc.name)
        if doc.name == ORDER[2]:
            raise RuntimeError("parser exploded")
        return real(doc, sentences, parsed)

    monkeypatch.setattr(fresh.extractor, "_events", flaky)
    problems: list[tuple[str, str]] = []
    report = fresh.run([articles], store=store, on_problem=problems.append)

    assert list(dict.fromkeys(seen)) == ORDER  # the run went on after the crash
    assert not report.ok
    assert report.failed == [(ORDER[2], "[A202] extraction failed: RuntimeError: parser exploded")]
    assert problems == report.failed
    assert problem_line(problems[0]) == f"[A202] {ORDER[2]}: extraction failed: RuntimeError: parser exploded"
    assert report.documents == report.stored == len(ORDER) - 1
    assert stored_names(store) == set(ORDER) - {ORDER[2]}
    run = store.get_run(report.run_id)
    assert run.finished_at is not None and run.n_skipped == 1


def test_store_failure_on_one_document(fresh: Pipeline, articles: Path, store: Store,
                                       monkeypatch: pytest.MonkeyPatch):
    real = store.save

    def failing(result: ExtractionResult, **kw):
        if result.document.name == ORDER[1]:
            raise StoreError(f"cannot store document {result.document.name!r}: disk full")
        return real(result, **kw)

    monkeypatch.setattr(store, "save", failing)
    report = fresh.run([articles], store=store)
    assert report.failed == [(ORDER[1], f"[A300] cannot store document {ORDER[1]!r}: disk full")]
    assert report.documents == len(ORDER) and report.stored == len(ORDER) - 1
    assert stored_names(store) == set(ORDER) - {ORDER[1]}


def test_crash_inside_a_transaction_leaves_no_half_document(fresh: Pipeline, articles: Path, store: Store,
                                                            monkeypatch: pytest.MonkeyPatch):
    """The document row is written before its events; an error while writing the events must
    take the document row with it, and the run must go on."""
    from allegiance.store import convert

    real = convert.event_to_row
    victim = next(iter(fresh.documents(articles / ORDER[0])))
    assert fresh.extract(victim).events, "the victim needs events for this test to mean anything"

    def event_to_row(ev, *, document_id, **kw):
        if document_id == victim.id:
            raise RuntimeError("connection lost")
        return real(ev, document_id=document_id, **kw)

    monkeypatch.setattr(convert, "event_to_row", event_to_row)
    report = fresh.run([articles], store=store)

    assert [name for name, _ in report.failed] == [ORDER[0]]
    assert report.failed[0][1].startswith("[A300] ")
    assert not store.has_document(victim.id)
    assert all(ev.document_id != victim.id for ev in store.iter_events())
    assert stored_names(store) == set(ORDER[1:])


def test_interrupt_mid_run_keeps_every_finished_document(fresh: Pipeline, articles: Path, store: Store,
                                                         monkeypatch: pytest.MonkeyPatch):
    real = store.save
    calls: list[str] = []

    def interrupted(result: ExtractionResult, **kw):
        calls.append(result.document.name)
        if len(calls) == 3:  # Ctrl-C while the third document is being written
            raise KeyboardInterrupt
        return real(result, **kw)

    monkeypatch.setattr(store, "save", interrupted)
    with pytest.raises(KeyboardInterrupt):
        fresh.run([articles], store=store)
    assert stored_names(store) == set(ORDER[:2])
    runs = [store.get_run(i) for i in range(1, 10) if store.get_run(i) is not None]
    assert len(runs) == 1 and runs[0].finished_at is None and runs[0].n_documents == 2

    # and the next run picks up where it stopped, storing nothing twice
    monkeypatch.setattr(store, "save", real)
    report = fresh.run([articles], store=store)
    assert report.duplicates == 2 and report.stored == len(ORDER) - 2
    assert stored_names(store) == set(ORDER)


def test_process_yields_results_and_errors_and_never_stops(fresh: Pipeline, articles: Path, tmp_path: Path):
    (articles / "empty.txt").write_bytes(b"")
    items = list(fresh.process([tmp_path / "missing.txt", articles]))
    errors = [i for i in items if isinstance(i, AllegianceError)]
    results = [i for i in items if isinstance(i, ExtractionResult)]
    assert sorted(e.code for e in errors) == ["A101", "A102"]
    assert all(isinstance(e, IngestError) for e in errors)
    assert [r.document.name for r in results] == ORDER


def test_max_file_mb_is_decimal_megabytes(articles: Path):
    small = Pipeline(Settings.model_construct(max_file_mb=0.0002))  # 200 bytes
    assert small.max_bytes == 200
    errors = [i for i in small.documents(articles) if isinstance(i, IngestError)]
    assert len(errors) == len(list(articles.iterdir())) and all(e.code == "A105" for e in errors)
    assert "limit" in str(errors[0])


def test_a_missing_spacy_model_stops_the_run(articles: Path, store: Store):
    broken = Pipeline(Settings.model_construct(spacy_model="no_such_spacy_model_xyz"))
    with pytest.raises(ModelNotInstalledError) as info:
        broken.run([articles], store=store)
    assert info.value.code == "A201"
    with pytest.raises(ModelNotInstalledError):
        list(broken.process([articles]))


def test_extract_text_returns_event_models(pipeline: Pipeline, article_texts: dict[str, str]):
    hpapun = article_texts["hpapun_defection.txt"]
    events = extract_text(hpapun)
    assert events and all(isinstance(e, Event) for e in events)
    defection = next(e for e in events if e.type is EventType.defection)
    assert defection.evidence in hpapun
    assert defection.count is not None and defection.count.value == 12
    assert defection.to == "KNU"
    assert defection.location is not None and defection.location.admin1 == "Kayin"
    assert extract_text("Heavy rain fell across the delta on Tuesday, forecasters said.") == []


def test_extract_text_resolves_relative_dates_against_the_given_date():
    import datetime as dt

    text = "Twelve soldiers from Light Infantry Battalion 345 defected to the Karen National Union in Hpapun on Monday."
    events = extract_text(text, published=dt.date(2023, 3, 14))
    defection = next(e for e in events if e.type is EventType.defection)
    assert defection.date is not None and defection.date.start == dt.date(2023, 3, 13)
