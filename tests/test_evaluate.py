"""Tests for the codebook scorer (``allegiance.evaluate``) on small hand-made cases."""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console

from allegiance import evaluate
from allegiance.errors import GoldFormatError
from allegiance.evaluate import (
    EVENT_TYPES,
    FIELDS,
    MIN_OVERLAP,
    EvalReport,
    evidence_overlap,
    field_right,
    load_gold,
    load_predictions,
    match_events,
    render,
    score,
    split_sentences,
)

FIXTURES = Path(__file__).parent / "fixtures" / "eval"
SHARED = Path("/work/shared")


# --- builders ---------------------------------------------------------------------------------
def event(type_: str = "defection", evidence: str = "", **fields: Any) -> dict[str, Any]:
    """A complete codebook event with plausible defaults; keyword arguments override."""
    base: dict[str, Any] = {
        "type": type_,
        "date": {"start": "2023-06-09", "end": "2023-06-09"},
        "location": {"name": "Monywa", "admin1": "Sagaing"},
        "count": {"value": 8, "low": 8, "high": 8, "qualifier": "exact"},
        "who": {"force": "police", "category": "police", "unit": None},
        "to": "CDM",
        "actor": None,
        "claimed_by": None,
        "certainty": "reported",
        "evidence": evidence,
    }
    base.update(fields)
    return base


def doc(name: str, events: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {"doc": name, "published": extra.pop("published", None), "events": events, **extra}


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 by the textbook formula (0/0 = 0)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def one(gold_events: list[dict[str, Any]], pred_events: list[dict[str, Any]], text: str | None = None) -> EvalReport:
    """Score a single document."""
    texts = {"a.txt": text} if text is not None else None
    return score({"a.txt": doc("a.txt", gold_events)}, {"a.txt": doc("a.txt", pred_events)}, texts)


ARTICLE = (
    "Soldiers defect in Hpapun\n\n"
    "Twelve soldiers from Light Infantry Battalion 402 deserted on Sunday and joined the KNU. "
    "They brought their rifles with them, a KNU officer said. "
    "Meanwhile the NUG urged police officers in Mandalay to join the Civil Disobedience Movement. "
    "About 3,000 police have joined the movement since the coup, the NUG said."
)
E_DEFECT = "Twelve soldiers from Light Infantry Battalion 402 deserted on Sunday and joined the KNU"
E_CALL = "the NUG urged police officers in Mandalay to join the Civil Disobedience Movement"
E_TALLY = "About 3,000 police have joined the movement since the coup"


# --- the fixture case -------------------------------------------------------------------------
@pytest.fixture()
def fixture_case() -> tuple[dict[str, dict], dict[str, dict], dict[str, str]]:
    gold = load_gold(FIXTURES / "gold")
    pred = load_predictions(FIXTURES / "pred")
    texts = {p.name: p.read_text(encoding="utf-8") for p in (FIXTURES / "articles").glob("*.txt")}
    return gold, pred, texts


def test_perfect_prediction_scores_one(fixture_case: Any) -> None:
    gold, _, texts = fixture_case
    report = score(gold, copy.deepcopy(gold), texts)
    assert (report.overall.precision, report.overall.recall, report.overall.f1) == (1.0, 1.0, 1.0)
    assert all(f.accuracy == 1.0 and f.total == 3 for f in report.fields.values())
    assert report.mean_field_accuracy == 1.0
    assert report.published_in_span.correct == report.published_in_span.total == 1
    assert report.misses == []


def test_fixture_prediction(fixture_case: Any) -> None:
    gold, pred, texts = fixture_case
    report = score(gold, pred, texts)
    o = report.overall
    assert (o.tp, o.fp, o.fn) == (3, 1, 0)
    assert (o.precision, o.recall, o.f1) == pytest.approx(prf(3, 1, 0))
    assert report.matched_by_overlap == 2 and report.matched_by_sentence == 1
    assert report.per_type["surrender"].fp == 1
    assert report.fields["certainty"].correct == 2 and report.fields["certainty"].total == 3
    assert report.fields["location.name"].accuracy == 1.0  # "monywa township" ~ "Monywa"
    assert report.fields["to"].accuracy == 1.0  # KNU accepted for the call
    assert report.fields["date"].accuracy == 1.0  # 3 days against 1: within 3x
    expected_mean = (8 * 1.0 + 2 / 3) / 9
    assert report.mean_field_accuracy == pytest.approx(expected_mean)
    field_misses = [m for m in report.misses if m.kind == "field"]
    assert [(m.type, m.field, m.gold, m.pred) for m in field_misses] == [
        ("tally", "certainty", "unconfirmed", "reported")
    ]
    # Without the text the 19-character call evidence cannot match: one FN, one more FP.
    no_text = score(gold, pred)
    assert (no_text.overall.tp, no_text.overall.fp, no_text.overall.fn) == (2, 2, 1)


# --- counts -----------------------------------------------------------------------------------
def test_empty_prediction_has_zero_scores_without_error() -> None:
    gold = [event(evidence=E_DEFECT), event("tally", E_TALLY)]
    for report in (one(gold, []), score({"a.txt": doc("a.txt", gold)}, {})):
        o = report.overall
        assert (o.tp, o.fp, o.fn) == (0, 0, 2)
        assert (o.precision, o.recall, o.f1) == (0.0, 0.0, 0.0)
        assert all(f.total == 0 and f.accuracy == 0.0 for f in report.fields.values())
        assert report.mean_field_accuracy == 0.0
        assert {m.kind for m in report.misses} >= {"fn"}


def test_no_prediction_file_counts_all_gold_as_missed_and_warns() -> None:
    report = score({"a.txt": doc("a.txt", [event(evidence=E_DEFECT)])}, {})
    assert report.overall.fn == 1
    assert any("no prediction" in w for w in report.warnings)


def test_partial_prediction_counts() -> None:
    gold = [event(evidence=E_DEFECT), event("call_to_defect", E_CALL, actor="NUG", to="CDM")]
    pred = [
        event(evidence="deserted on Sunday and joined the KNU"),  # matches the defection
        event("tally", E_TALLY),  # no such gold event
    ]
    report = one(gold, pred, ARTICLE)
    tp, fp, fn = 1, 1, 1
    o = report.overall
    assert (o.tp, o.fp, o.fn) == (tp, fp, fn)
    assert (o.precision, o.recall, o.f1) == pytest.approx(prf(tp, fp, fn))
    assert (report.per_type["defection"].tp, report.per_type["call_to_defect"].fn) == (1, 1)
    assert report.per_type["tally"].fp == 1
    assert report.per_type["surrender"].model_dump() == {
        "tp": 0, "fp": 0, "fn": 0, "precision": 0.0, "recall": 0.0, "f1": 0.0
    }  # fmt: skip
    assert {m.kind for m in report.misses} == {"fp", "fn"}


def test_per_type_and_micro_overall_over_documents() -> None:
    gold = {
        "a.txt": doc("a.txt", [event(evidence=E_DEFECT), event("tally", E_TALLY)]),
        "b.txt": doc("b.txt", [event("call_to_defect", E_CALL)]),
    }
    pred = {
        "a.txt": doc("a.txt", [event(evidence=E_DEFECT)]),
        "b.txt": doc("b.txt", [event("call_to_defect", E_CALL), event(evidence=E_DEFECT)]),
    }
    report = score(gold, pred)
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (2, 1, 1)
    assert (report.per_doc["a.txt"].tp, report.per_doc["b.txt"].fp) == (1, 1)
    d = report.per_type["defection"]
    assert (d.tp, d.fp, d.fn) == (1, 1, 0)
    assert report.per_type["tally"].recall == 0.0


def test_type_mismatch_does_not_match() -> None:
    report = one([event("defection", E_DEFECT)], [event("surrender", E_DEFECT)], ARTICLE)
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (0, 1, 1)
    assert report.per_type["surrender"].fp == 1 and report.per_type["defection"].fn == 1


# --- evidence overlap -------------------------------------------------------------------------
SHARED_20 = "joined the CDM today"
assert len(SHARED_20) == MIN_OVERLAP == 20


def test_overlap_of_20_matches_and_19_does_not() -> None:
    gold_ev = "Nine officers " + SHARED_20
    pred_20 = SHARED_20 + ", locals said"
    pred_19 = SHARED_20[1:] + ", locals said"
    assert evidence_overlap(gold_ev, pred_20) == 20
    assert evidence_overlap(gold_ev, pred_19) == 19
    assert one([event(evidence=gold_ev)], [event(evidence=pred_20)]).overall.tp == 1
    assert one([event(evidence=gold_ev)], [event(evidence=pred_19)]).overall.tp == 0


def test_overlap_may_not_cross_a_sentence_end() -> None:
    gold_ev = "They left the base. Police joined them"
    pred_ev = "left the base. Police joined"  # 28 shared characters, but across ". "
    assert evidence_overlap(gold_ev, pred_ev) == len("left the base.")
    assert one([event(evidence=gold_ev)], [event(evidence=pred_ev)]).overall.tp == 0
    # A line break is a sentence end too.
    assert evidence_overlap("Soldiers defect in Hpapun\nTwelve soldiers", "defect in Hpapun\nTwelve") < 20


def test_overlap_ignores_quote_style_and_whitespace_runs() -> None:
    assert evidence_overlap("the junta’s  troops “must defect”", "the junta's troops \"must defect\"") == 32


def test_same_sentence_fallback_needs_text() -> None:
    gold = [event("call_to_defect", "urged police officers in Mandalay")]
    pred = [event("call_to_defect", "the Civil Disobedience")]  # same sentence, no 20-char overlap
    assert evidence_overlap(gold[0]["evidence"], pred[0]["evidence"]) < MIN_OVERLAP
    with_text = one(gold, pred, ARTICLE)
    assert with_text.overall.tp == 1 and with_text.matched_by_sentence == 1
    without_text = one(gold, pred)
    assert (without_text.overall.tp, without_text.overall.fp, without_text.overall.fn) == (0, 1, 1)
    # Evidence in another sentence does not match.
    elsewhere = one(gold, [event("call_to_defect", "brought their rifles")], ARTICLE)
    assert elsewhere.overall.tp == 0


def test_missing_text_for_a_document_is_reported() -> None:
    report = score({"a.txt": doc("a.txt", [])}, {}, texts={"b.txt": "Other text."})
    assert any("no text" in w for w in report.warnings)


# --- greedy one-to-one ------------------------------------------------------------------------
def test_one_to_one_greedy_by_overlap_size() -> None:
    gold = [event(evidence=E_DEFECT, count={"value": 12, "low": 12, "high": 12, "qualifier": "exact"})]
    small = event(evidence="deserted on Sunday and joined", count=None)  # 29 chars shared
    large = event(evidence="Light Infantry Battalion 402 deserted on Sunday")  # 47 chars shared
    large["count"] = {"value": 12, "low": 12, "high": 12, "qualifier": "exact"}
    matches = match_events(gold, [small, large])
    assert [(m.gold, m.pred, m.overlap) for m in matches] == [(0, 1, 47)]
    report = one(gold, [small, large], ARTICLE)
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (1, 1, 0)
    assert report.fields["count.value"].accuracy == 1.0  # the larger overlap won


def test_overlap_matches_come_before_same_sentence_matches() -> None:
    gold = [event(evidence=E_DEFECT)]
    by_sentence = event(evidence="Twelve soldiers")  # same sentence, 15 shared characters
    by_overlap = event(evidence="Battalion 402 deserted on Sunday")  # 32 shared characters
    matches = match_events(gold, [by_sentence, by_overlap], ARTICLE)
    assert [(m.pred, m.how) for m in matches] == [(1, "overlap")]
    # Two same-sentence candidates for one gold event: only one is matched.
    two = match_events(gold, [event(evidence="Twelve soldiers"), event(evidence="joined the KNU")], ARTICLE)
    assert len(two) == 1 and two[0].how == "sentence"


def test_two_gold_events_in_one_sentence_get_one_prediction_each() -> None:
    text = "Five soldiers and three police officers defected to the KNU on Monday."
    gold = [
        event(evidence="Five soldiers and three police officers defected", who={"force": "tatmadaw", "category": "soldier", "unit": None}),
        event(evidence="three police officers defected to the KNU"),
    ]  # fmt: skip
    pred = [event(evidence="three police officers defected to the KNU on Monday")]
    report = one(gold, pred, text)
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (1, 0, 1)
    assert report.fields["who.category"].accuracy == 1.0  # matched to the police event


# --- optional gold ----------------------------------------------------------------------------
def test_optional_gold_is_neither_tp_fp_nor_fn() -> None:
    gold = [event(evidence=E_DEFECT), event("tally", E_TALLY, optional=True, certainty="confirmed")]
    pred_with = [event(evidence=E_DEFECT), event("tally", E_TALLY, certainty="reported")]
    report = one(gold, pred_with, ARTICLE)
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (1, 0, 0)
    assert report.optional_matched == 1
    assert report.fields["certainty"].total == 1  # optional pair not judged
    report = one(gold, [event(evidence=E_DEFECT)], ARTICLE)
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (1, 0, 0)
    assert report.overall.f1 == 1.0


def test_only_optional_gold_and_no_prediction() -> None:
    report = one([event(evidence=E_DEFECT, optional=True)], [])
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (0, 0, 0)


# --- accept and evidence_alt ------------------------------------------------------------------
def test_accept_lists_further_right_values() -> None:
    gold = event(
        "call_to_defect", E_CALL, actor="NUG", to=None, certainty="reported",
        who={"force": "police", "category": "police", "unit": None},
        location={"name": "Mandalay", "admin1": "Mandalay"},
        accept={"to": ["CDM"], "certainty": ["confirmed"], "who.category": ["mixed"],
                "location.name": ["Amarapura"], "actor": ["NUG-MOD"]},
    )  # fmt: skip
    pred = event(
        "call_to_defect", E_CALL, actor="NUG-MOD", to="CDM", certainty="confirmed",
        who={"force": "mixed", "category": "mixed", "unit": None},
        location={"name": "Amarapura", "admin1": "Mandalay"},
    )  # fmt: skip
    report = one([gold], [pred])
    assert report.mean_field_accuracy == 1.0
    wrong = dict(pred, to="KNU", certainty="unconfirmed")
    report = one([gold], [wrong])
    assert report.fields["to"].correct == 0 and report.fields["certainty"].correct == 0
    assert report.fields["actor"].correct == 1


def test_accept_null_is_allowed() -> None:
    gold = event(evidence=E_DEFECT, to="KNU", accept={"to": [None]})
    assert one([gold], [event(evidence=E_DEFECT, to=None)]).fields["to"].accuracy == 1.0


def test_evidence_alt_counts_as_gold_evidence() -> None:
    gold = event(evidence=E_DEFECT, evidence_alt=["Soldiers defect in Hpapun"])
    pred = event(evidence="Soldiers defect in Hpapun")
    assert one([gold], [pred]).overall.tp == 1
    assert one([dict(gold, evidence_alt=[])], [pred]).overall.tp == 0
    # And an alt in the same sentence as the prediction enables the fallback.
    gold2 = event("call_to_defect", "Something else entirely, far away", evidence_alt=["urged police"])
    text = ARTICLE + " Something else entirely, far away."
    assert one([gold2], [event("call_to_defect", "Mandalay")], text).overall.tp == 1
    assert one([dict(gold2, evidence_alt=[])], [event("call_to_defect", "Mandalay")], text).overall.tp == 0


# --- field rules ------------------------------------------------------------------------------
def span(start: str, end: str) -> dict[str, str]:
    return {"start": start, "end": end}


@pytest.mark.parametrize(
    ("gold", "pred", "right"),
    [
        (span("2023-06-01", "2023-06-10"), span("2023-06-01", "2023-06-10"), True),
        (span("2023-06-01", "2023-06-10"), span("2023-06-11", "2023-06-11"), False),  # no overlap
        (span("2023-06-01", "2023-06-10"), span("2023-06-10", "2023-06-10"), False),  # overlaps, but 10 > 3x1
        (span("2023-06-01", "2023-06-09"), span("2023-06-09", "2023-06-11"), True),  # 9 = 3x3
        (span("2023-06-01", "2023-06-10"), span("2023-05-31", "2023-06-29"), True),  # 30 days = 3x10
        (span("2023-06-01", "2023-06-10"), span("2023-05-31", "2023-06-30"), False),  # 31 days > 3x10
        (span("2023-06-01", "2023-06-03"), span("2023-06-02", "2023-06-02"), True),  # 3 = 3x1
        (span("2023-06-01", "2023-06-04"), span("2023-06-02", "2023-06-02"), False),  # 4 > 3x1
        (span("2023-06-09", "2023-06-09"), span("2023-06-08", "2023-06-10"), True),
        (span("2023-06-09", "2023-06-09"), span("2023-06-07", "2023-06-10"), False),
        (span("2023-06-01", "2023-06-10"), span("2023-06-10", "2023-06-13"), True),  # touch on one day
        (span("2023-06-01", "2023-06-10"), span("2023-06-10", "2023-06-12"), False),  # 10 > 3x3
        (None, None, True),
        (span("2023-06-01", "2023-06-10"), None, False),
        (None, span("2023-06-01", "2023-06-10"), False),
        (span("2023-06-01", "2023-06-10"), {"start": "June", "end": None}, False),
    ],
)
def test_date_rule(gold: Any, pred: Any, right: bool) -> None:
    assert field_right("date", gold, pred) is right


def test_date_field_through_score() -> None:
    gold = event(evidence=E_DEFECT, date=span("2023-06-01", "2023-06-10"))
    assert one([gold], [event(evidence=E_DEFECT, date=span("2023-05-31", "2023-06-29"))]).fields["date"].correct == 1
    assert one([gold], [event(evidence=E_DEFECT, date=span("2023-05-31", "2023-06-30"))]).fields["date"].correct == 0
    assert one([gold], [event(evidence=E_DEFECT, date=None)]).fields["date"].correct == 0


def test_count_both_null_is_right() -> None:
    report = one([event(evidence=E_CALL, count=None)], [event(evidence=E_CALL, count=None)])
    assert report.fields["count.value"].accuracy == report.fields["count.qualifier"].accuracy == 1.0
    vague = {"value": None, "low": 24, "high": None, "qualifier": "vague"}
    report = one([event(evidence=E_CALL, count=vague)], [event(evidence=E_CALL, count=None)])
    assert report.fields["count.value"].correct == 1  # null value on both sides
    assert report.fields["count.qualifier"].correct == 0
    report = one([event(evidence=E_CALL)], [event(evidence=E_CALL, count={"value": 9, "qualifier": "exact"})])
    assert (report.fields["count.value"].correct, report.fields["count.qualifier"].correct) == (0, 1)


def test_location_name_uses_same_place(monkeypatch: pytest.MonkeyPatch) -> None:
    gold = event(evidence=E_DEFECT, location={"name": "Hpapun", "admin1": "Kayin"})
    pred = event(evidence=E_DEFECT, location={"name": "Papun", "admin1": "kayin"})
    calls: list[tuple[str, str]] = []

    def fake_same_place(a: str | None, b: str | None) -> bool:
        calls.append((a or "", b or ""))
        alias = {"papun": "hpapun"}
        norm = lambda s: alias.get((s or "").casefold(), (s or "").casefold())  # noqa: E731
        return norm(a) == norm(b)

    monkeypatch.setattr(evaluate.places, "same_place", fake_same_place)
    report = one([gold], [pred])
    assert report.fields["location.name"].accuracy == 1.0
    assert report.fields["location.admin1"].accuracy == 1.0  # case-insensitive
    assert ("Hpapun", "Papun") in calls


def test_location_name_case_and_null_rules() -> None:
    gold = event(evidence=E_DEFECT, location={"name": "Hpapun Township", "admin1": "Kayin"})
    assert one([gold], [event(evidence=E_DEFECT, location={"name": "hpapun", "admin1": "Kayin"})]).fields[
        "location.name"
    ].accuracy == 1.0
    assert one([gold], [event(evidence=E_DEFECT, location=None)]).fields["location.name"].accuracy == 0.0
    both_null = one([event(evidence=E_DEFECT, location=None)], [event(evidence=E_DEFECT, location=None)])
    assert both_null.fields["location.name"].accuracy == both_null.fields["location.admin1"].accuracy == 1.0
    country = {"name": "Myanmar", "admin1": None}
    report = one([event(evidence=E_DEFECT, location=country)], [event(evidence=E_DEFECT, location=None)])
    assert (report.fields["location.name"].correct, report.fields["location.admin1"].correct) == (0, 1)


def test_field_errors_are_listed_with_values() -> None:
    report = one([event(evidence=E_DEFECT, to="KNU")], [event(evidence=E_DEFECT, to="PDF", actor="NUG")])
    errors = {(m.field, m.gold, m.pred) for m in report.misses if m.kind == "field"}
    assert errors == {("to", "KNU", "PDF"), ("actor", None, "NUG")}
    assert all(m.evidence == E_DEFECT for m in report.misses)


# --- published date ---------------------------------------------------------------------------
def test_published_in_span() -> None:
    gold = {
        "in.txt": doc("in.txt", [], published=None, published_span=span("2023-12-11", "2023-12-31")),
        "out.txt": doc("out.txt", [], published=None, published_span=span("2023-12-11", "2023-12-31")),
        "null.txt": doc("null.txt", [], published="2023-06-12"),
        "day.txt": doc("day.txt", [], published="2023-06-12"),
        "unknown.txt": doc("unknown.txt", [], published=None),
        "nopred.txt": doc("nopred.txt", [], published="2023-06-12"),
    }
    pred = {
        "in.txt": doc("in.txt", [], published="2023-12-31"),
        "out.txt": doc("out.txt", [], published="2024-01-01"),
        "null.txt": doc("null.txt", [], published=None),
        "day.txt": doc("day.txt", [], published="2023-06-12"),
        "unknown.txt": doc("unknown.txt", [], published="2023-06-12"),
    }
    report = score(gold, pred)
    assert (report.published_in_span.correct, report.published_in_span.total) == (2, 5)
    assert {m.doc for m in report.misses if m.kind == "published"} == {"out.txt", "null.txt", "nopred.txt"}


def test_published_span_wins_over_published_day() -> None:
    gold = {"a.txt": doc("a.txt", [], published="2023-06-12", published_span=span("2023-06-01", "2023-06-30"))}
    assert score(gold, {"a.txt": doc("a.txt", [], published="2023-06-20")}).published_in_span.correct == 1


# --- documents --------------------------------------------------------------------------------
def test_prediction_docs_without_gold_are_ignored_and_listed() -> None:
    gold = {"a.txt": doc("a.txt", [event(evidence=E_DEFECT)])}
    pred = {"a": doc("a.txt", [event(evidence=E_DEFECT)]), "zz.txt": doc("zz.txt", [event(evidence=E_DEFECT)])}
    report = score(gold, pred)
    assert report.n_docs == 1
    assert (report.overall.tp, report.overall.fp) == (1, 0)  # "a" pairs with "a.txt"
    assert report.pred_docs_without_gold == ["zz.txt"]
    assert any("zz.txt" in w for w in report.warnings)


def test_doc_key() -> None:
    assert evaluate.doc_key("seeds/002_x.txt") == evaluate.doc_key("002_x.json") == "002_x"
    assert evaluate.doc_key("file.jsonl#3") == "file.3" == evaluate.doc_key("file.3")


# --- gold files -------------------------------------------------------------------------------
def test_load_gold_fixture() -> None:
    gold = load_gold(FIXTURES / "gold")
    assert list(gold) == ["monywa.txt"] and len(gold["monywa.txt"]["events"]) == 3


@pytest.mark.skipif(not (SHARED / "gold").is_dir(), reason="shared gold not present")
def test_shared_gold_loads_and_scores_one_against_itself() -> None:
    gold = load_gold(SHARED / "gold")
    texts = {p.name: p.read_text(encoding="utf-8") for p in (SHARED / "seeds").glob("*.txt")}
    report = score(gold, copy.deepcopy(gold), texts)
    assert report.overall.f1 == 1.0 and report.mean_field_accuracy == 1.0


def write(tmp: Path, name: str, content: Any) -> Path:
    path = tmp / name
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return path


GOOD = doc("a.txt", [event(evidence=E_DEFECT)], published="2023-06-12")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("{not json", "not valid JSON"),
        ([1, 2], "expected a JSON object"),
        ({"doc": "a.txt", "published": None}, '"events"'),
        ({"events": []}, '"doc"'),
        (dict(GOOD, published="12 June 2023"), "published"),
        (dict(GOOD, published_span=span("2023-06-12", "2023-06-01")), "before start"),
        (dict(GOOD, events=[event("coup", E_DEFECT)]), "events[0].type"),
        (dict(GOOD, events=[event(evidence="")]), "events[0].evidence"),
        (dict(GOOD, events=[event(evidence=E_DEFECT, date=span("2023-02-30", "2023-03-01"))]), "events[0].date.start"),
        (dict(GOOD, events=[event(evidence=E_DEFECT, count={"value": "8", "qualifier": "exact"})]), "count.value"),
        (dict(GOOD, events=[event(evidence=E_DEFECT, count={"value": 8, "qualifier": "roughly"})]), "count.qualifier"),
        (dict(GOOD, events=[event(evidence=E_DEFECT, certainty="sure")]), "certainty"),
        (dict(GOOD, events=[event(evidence=E_DEFECT, accept={"location.nmae": ["X"]})]), "location.nmae"),
        (dict(GOOD, events=[event(evidence=E_DEFECT, accept={"to": "KNU"})]), "accept.to"),
        (dict(GOOD, events=[event(evidence=E_DEFECT, evidence_alt="headline")]), "evidence_alt"),
        (dict(GOOD, events=[event(evidence=E_DEFECT, optional="yes")]), "optional"),
    ],
)
def test_load_gold_rejects_bad_files(tmp_path: Path, content: Any, reason: str) -> None:
    path = write(tmp_path, "bad.json", content)
    with pytest.raises(GoldFormatError) as info:
        load_gold(tmp_path)
    assert info.value.code == "A401"
    assert str(path) in str(info.value) and reason in str(info.value)


def test_load_gold_rejects_missing_empty_and_duplicate(tmp_path: Path) -> None:
    with pytest.raises(GoldFormatError, match="does not exist"):
        load_gold(tmp_path / "nowhere")
    with pytest.raises(GoldFormatError, match=r"no \*\.json gold files"):
        load_gold(tmp_path)
    write(tmp_path, "a.json", GOOD)
    write(tmp_path, "b.json", GOOD)
    with pytest.raises(GoldFormatError, match="already annotated in a.json"):
        load_gold(tmp_path)


def test_score_validates_gold_dicts() -> None:
    with pytest.raises(GoldFormatError, match=r"\[A401\] a.txt: events\[0\].type"):
        score({"a.txt": doc("a.txt", [event("coup", E_DEFECT)])}, {})


def test_load_predictions_dir_and_jsonl(tmp_path: Path) -> None:
    write(tmp_path, "one.json", doc("a.txt", []))
    write(tmp_path, "many.json", [doc("b.txt", []), {"events": []}])
    lines = tmp_path / "more.jsonl"
    lines.write_text(json.dumps(doc("c.txt", [])) + "\n\n" + json.dumps({"events": []}) + "\n")
    assert sorted(load_predictions(tmp_path)) == ["a.txt", "b.txt", "c.txt", "many", "more#3"]
    assert list(load_predictions(lines)) == ["c.txt", "more#3"]
    write(tmp_path, "bad.json", {"events": "none"})
    with pytest.raises(GoldFormatError, match="events"):
        load_predictions(tmp_path)


# --- sentences --------------------------------------------------------------------------------
def test_split_sentences() -> None:
    text = (
        "Soldiers defect\n\nLt. Col. Aung said: “We left.” Twelve joined on Dec. 5 at 3 p.m. local time. "
        "The U.S. Army said nothing! what now? Yes."
    )
    got = [text[a:b] for a, b in split_sentences(text)]
    assert got == [
        "Soldiers defect",
        "Lt. Col. Aung said: “We left.”",
        "Twelve joined on Dec. 5 at 3 p.m. local time.",
        "The U.S. Army said nothing! what now?",
        "Yes.",
    ]
    assert split_sentences("") == [] and split_sentences("  \n ") == []


# --- output -----------------------------------------------------------------------------------
def test_to_dict_is_json_and_render_prints_tables(fixture_case: Any) -> None:
    gold, pred, texts = fixture_case
    report = score(gold, pred, texts)
    data = json.loads(json.dumps(report.to_dict()))
    assert data["overall"]["tp"] == 3 and "f1" in data["overall"]
    assert set(data["fields"]) == set(FIELDS) and "accuracy" in data["fields"]["date"]
    assert data["mean_field_accuracy"] == pytest.approx(report.mean_field_accuracy)
    assert data["published_in_span"] == {"correct": 1, "total": 1, "accuracy": 1.0}
    assert {m["kind"] for m in data["misses"]} == {"fp", "field"}

    out = io.StringIO()
    render(report, Console(file=out, width=160, color_system=None))
    plain = out.getvalue()
    assert "overall" in plain and "certainty" in plain and "Misses" not in plain
    out = io.StringIO()
    render(report, Console(file=out, width=160, color_system=None), verbose=True)
    assert "Misses" in out.getvalue() and "unconfirmed" in out.getvalue()


# --- properties -------------------------------------------------------------------------------
WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=9)
DAY = st.dates(min_value=dt.date(2021, 2, 1), max_value=dt.date(2024, 12, 31))


@st.composite
def date_spans(draw: st.DrawFn) -> dict[str, str] | None:
    if draw(st.booleans()) and draw(st.booleans()):
        return None
    start = draw(DAY)
    end = start + dt.timedelta(days=draw(st.integers(0, 400)))
    return {"start": start.isoformat(), "end": end.isoformat()}


@st.composite
def articles(draw: st.DrawFn) -> tuple[str, list[str]]:
    """An article of sentences that share no 20-character substring; text and sentences.

    Every word of sentence i ends in the digit i, so a substring common to two sentences
    is at most one word long (< 20 characters).
    """
    n = draw(st.integers(1, 6))
    sentences = [
        f"Report{i} " + " ".join(w + str(i) for w in draw(st.lists(WORDS, min_size=4, max_size=10)))
        for i in range(n)
    ]
    return ". ".join(sentences) + ".", sentences


@st.composite
def gold_events(draw: st.DrawFn, sentences: list[str], allow_optional: bool = True) -> dict[str, Any]:
    sentence = draw(st.sampled_from(sentences))
    cut = draw(st.integers(min(MIN_OVERLAP, len(sentence)), len(sentence)))
    if sentence[cut - 1] == " ":  # evidence is trimmed, like annotated evidence
        cut += 1
    ev: dict[str, Any] = {
        "type": draw(st.sampled_from(EVENT_TYPES)),
        "date": draw(date_spans()),
        "location": draw(
            st.one_of(
                st.none(),
                st.builds(
                    dict,
                    name=st.sampled_from(["Hpapun", "Myanmar", "Loikaw", "Kyauktaw"]),
                    admin1=st.sampled_from([None, "Kayin", "Kayah", "Rakhine"]),
                ),
            )
        ),
        "count": draw(
            st.one_of(
                st.none(),
                st.builds(
                    dict,
                    value=st.one_of(st.none(), st.integers(1, 20000)),
                    low=st.none(),
                    high=st.none(),
                    qualifier=st.sampled_from(["exact", "approx", "at_least", "at_most", "vague"]),
                ),
            )
        ),
        "who": draw(
            st.one_of(
                st.none(),
                st.builds(
                    dict,
                    force=st.sampled_from(["tatmadaw", "police", "mixed"]),
                    category=st.sampled_from(["soldier", "police", "mixed", "official"]),
                    unit=st.none(),
                ),
            )
        ),
        "to": draw(st.sampled_from([None, "KNU", "CDM", "PDF"])),
        "actor": draw(st.sampled_from([None, "NUG", "KNDF"])),
        "claimed_by": None,
        "certainty": draw(st.sampled_from(["reported", "unconfirmed", "confirmed"])),
        "evidence": sentence[:cut],
    }
    if allow_optional and draw(st.booleans()) and draw(st.booleans()):
        ev["optional"] = True
    return ev


@st.composite
def gold_docs(draw: st.DrawFn, allow_optional: bool = True) -> tuple[dict[str, Any], str, list[str]]:
    """A gold document whose events have distinct evidence (identical evidence is ambiguous)."""
    text, sentences = draw(articles())
    events = draw(
        st.lists(gold_events(sentences, allow_optional), max_size=6, unique_by=lambda e: e["evidence"])
    )
    published = draw(st.one_of(st.none(), DAY.map(lambda d: d.isoformat())))
    return doc("a.txt", events, published=published), text, sentences


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(gold_docs())
def test_property_gold_against_itself_is_perfect(case: tuple[dict[str, Any], str, list[str]]) -> None:
    gold, text, _ = case
    pred = copy.deepcopy(gold)
    for e in pred["events"]:  # predictions carry none of the gold-only conventions
        e.pop("optional", None)
    for texts in ({"a.txt": text}, None):
        report = score({"a.txt": gold}, {"a.txt": pred}, texts)
        required = sum(not e.get("optional") for e in gold["events"])
        o = report.overall
        assert (o.tp, o.fp, o.fn) == (required, 0, 0)
        assert report.optional_matched == len(gold["events"]) - required
        if required:
            assert o.f1 == 1.0
            assert all(f.accuracy == 1.0 for f in report.fields.values())
            assert report.mean_field_accuracy == 1.0
        assert report.published_in_span.correct == report.published_in_span.total


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_property_swapping_gold_and_pred_swaps_precision_and_recall(data: st.DataObject) -> None:
    gold, text, sentences = data.draw(gold_docs(allow_optional=False))
    pred_events = data.draw(st.lists(gold_events(sentences, allow_optional=False), max_size=6))
    pred = doc("a.txt", pred_events)
    forward = score({"a.txt": gold}, {"a.txt": pred}, {"a.txt": text})
    backward = score({"a.txt": pred}, {"a.txt": gold}, {"a.txt": text})
    f, b = forward.overall, backward.overall
    assert (f.tp, f.fp, f.fn) == (b.tp, b.fn, b.fp)
    assert f.precision == pytest.approx(b.recall) and f.recall == pytest.approx(b.precision)
    assert f.f1 == pytest.approx(b.f1)
    assert f.tp <= min(len(gold["events"]), len(pred_events))


def test_claimed_by_is_reported_but_not_in_the_mean() -> None:
    from allegiance.evaluate import EXTRA_FIELDS, FIELDS, score

    text = "Twelve soldiers defected to the KNU on Sunday, a spokesman, Padoh Saw Mahn Mahn, said."
    event = {
        "type": "defection", "date": {"start": "2021-02-28", "end": "2021-02-28"},
        "location": None, "count": None, "who": None, "to": "KNU", "actor": None,
        "claimed_by": "Padoh Saw Mahn Mahn", "certainty": "reported",
        "evidence": "Twelve soldiers defected to the KNU on Sunday",
    }
    gold = {"a.txt": {"doc": "a.txt", "published": "2021-03-01", "events": [event]}}
    right = score(gold, {"a.txt": {"doc": "a.txt", "events": [{**event, "claimed_by": "Saw Mahn Mahn"}]}}, {"a.txt": text})
    wrong = score(gold, {"a.txt": {"doc": "a.txt", "events": [{**event, "claimed_by": "KIO"}]}}, {"a.txt": text})
    assert "claimed_by" in EXTRA_FIELDS and "claimed_by" not in FIELDS
    assert right.extra_fields["claimed_by"].accuracy == 1.0
    assert wrong.extra_fields["claimed_by"].accuracy == 0.0
    assert right.mean_field_accuracy == wrong.mean_field_accuracy == 1.0
