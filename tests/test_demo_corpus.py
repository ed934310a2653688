"""The bundled demo corpus is what its README says, and the boilerplate filter never drops a
sentence that the gold relies on."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from allegiance.evaluate import doc_key, load_gold
from allegiance.ingest import iter_documents
from allegiance.models import Document, EventType
from allegiance.pipeline import demo_dir

DEMO = demo_dir()
ARTICLES = sorted(p for p in (DEMO / "articles").iterdir() if p.is_file() and not p.name.startswith("."))
GOLD = load_gold(DEMO / "gold")  # validated against the codebook's gold file format


@pytest.fixture(scope="module")
def documents() -> dict[str, Document]:
    """The demo articles as ingest hands them on (cleaned text, boilerplate removed)."""
    docs: dict[str, Document] = {}
    for item in iter_documents([DEMO / "articles"], max_bytes=20_000_000):
        assert isinstance(item, Document), f"demo article could not be read: {item}"
        docs[item.name] = item
    return docs


def test_the_demo_has_at_least_15_articles():
    assert len(ARTICLES) >= 15


def test_every_gold_file_has_its_article_and_every_article_its_gold():
    names = {p.name for p in ARTICLES}
    assert set(GOLD) == names
    for path in (DEMO / "gold").glob("*.json"):
        doc = json.loads(path.read_text(encoding="utf-8"))["doc"]
        assert doc_key(doc) == path.stem  # gold/NAME.json annotates articles/NAME.ext


def test_every_article_reads_cleanly(documents: dict[str, Document]):
    assert set(documents) == {p.name for p in ARTICLES}
    assert all(doc.text.strip() for doc in documents.values())


def _evidences(event: dict) -> list[str]:
    return [event["evidence"], *event.get("evidence_alt", [])]


@pytest.mark.parametrize("name", sorted(GOLD))
def test_gold_evidence_survives_the_boilerplate_filter(name: str, documents: dict[str, Document]):
    """Every evidence string is in the CLEANED text, so the filter dropped no article sentence."""
    text = documents[name].text
    missing = [ev for event in GOLD[name]["events"] for ev in _evidences(event) if ev not in text]
    removed = [b.text for b in documents[name].removed]
    assert not missing, f"{name}: evidence not in the cleaned text: {missing}\nremoved lines: {removed}"


def test_the_filter_does_remove_boilerplate_from_the_demo(documents: dict[str, Document]):
    with_removed = {name: doc.removed for name, doc in documents.items() if doc.removed}
    for name, removed in sorted(with_removed.items()):
        print(f"{name}: {len(removed)} line(s) removed: " + "; ".join(f"{b.reason}: {b.text[:50]!r}" for b in removed))
    assert sum(len(r) for r in with_removed.values()) > 0
    assert len(with_removed) >= 3  # page chrome is in several of the articles, by design


def test_all_four_event_types_occur_in_the_gold():
    types = Counter(event["type"] for doc in GOLD.values() for event in doc["events"])
    assert set(types) == {t.value for t in EventType}, types


def test_at_least_three_articles_have_no_events():
    empty = [name for name, doc in GOLD.items() if not doc["events"]]
    assert len(empty) >= 3, empty


def test_demo_readme_counts_match_the_gold():
    """The demo README's event counts ('N gold events: ... defection, ... tally, plus K marked
    optional') and its number of articles agree with the gold files."""
    import re

    readme = (DEMO / "README.md").read_text(encoding="utf-8")
    events = [e for doc in GOLD.values() for e in doc["events"]]
    required = [e for e in events if not e.get("optional")]
    by_type = Counter(e["type"] for e in required)
    m = re.search(r"There are (\d+) gold events: (\d+) defection, (\d+) surrender, (\d+) call_to_defect "
                  r"and (\d+) tally, plus\s+(\d+) marked `optional`", readme)
    assert m, "demo README no longer states its counts"
    total, d, s, c, t, optional = map(int, m.groups())
    # the total counts every gold event; the types and "plus N optional" split it
    assert total == len(events)
    assert (d, s, c, t) == (by_type["defection"], by_type["surrender"], by_type["call_to_defect"], by_type["tally"])
    assert optional == len(events) - len(required)
    numbers = {"Fifteen": 15, "Sixteen": 16, "Seventeen": 17, "Eighteen": 18, "Nineteen": 19,
               "Twenty": 20, "Twenty-one": 21, "Twenty-two": 22, "Twenty-three": 23, "Twenty-four": 24}
    stated = re.match(r"#[^\n]*\n+(\S+) original", readme)
    assert stated and numbers.get(stated.group(1)) == len(ARTICLES), stated


def test_every_demo_article_is_in_a_format_run_reads():
    from allegiance.ingest.readers import SUFFIXES

    assert all(p.suffix.lower() in SUFFIXES for p in ARTICLES)
    assert {p.suffix for p in ARTICLES} >= {".txt", ".html"}


def test_demo_dir_holds_articles_and_gold():
    assert isinstance(DEMO, Path)
    assert (DEMO / "articles").is_dir() and (DEMO / "gold").is_dir()
