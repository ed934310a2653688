"""Codebook scoring: match predicted events to gold events, then count and compare fields.

This implements the *Scoring* section of ``shared/codebook.md``; the rules, in the order
they apply:

1. **Matching, per document.** A predicted event can match a gold event of the same
   ``type``. The pair *overlaps* when the two evidence strings share a common substring of
   at least :data:`MIN_OVERLAP` (20) characters that does not cross a sentence boundary.
   The gold event's ``evidence_alt`` strings count as further evidence for it. Failing
   that, the pair matches *by sentence* when, in the document text, the evidence of both
   touches the same sentence (skipped when no text is given for the document). Matching is
   one-to-one and greedy: overlap pairs largest first, then the by-sentence pairs.
2. **Counts.** A matched pair is a true positive, an unmatched prediction a false positive,
   an unmatched gold event a false negative. A gold event marked ``optional`` earns and
   costs nothing: a prediction matched to it is neither TP nor FP, and if unmatched it is
   not an FN. Precision, recall and F1 are computed micro over all documents and per type;
   any 0/0 is defined as 0.
3. **Fields**, over matched pairs whose gold is not optional: :data:`FIELDS`, each right or
   wrong (rules in :func:`field_right`). Gold ``accept`` lists further right values for a
   field. The mean field accuracy is the mean of the nine per-field accuracies.
4. **Published date.** The share of documents whose predicted ``published`` falls inside
   the gold ``published_span`` (or the single gold ``published`` day when there is no
   span); documents whose gold has neither are left out.

Text normalisation used by the matcher: typographic quotes count as their ASCII forms and
runs of whitespace as one space; case is kept.

Sentences (see :func:`split_sentences`) are cut by a small regex, not by spaCy: a line
break always ends a sentence; ``.``, ``!`` or ``?`` (plus any closing quotes or brackets)
followed by a space ends one unless the next word starts with a lower-case letter, or the
full stop follows a single capital letter (an initial) or one of :data:`ABBREVIATIONS`.

Scoring (:func:`score`) returns a plain :class:`EvalReport`; :func:`render` draws it with
Rich and is the only function here that prints.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any, Literal, NoReturn

from pydantic import BaseModel, Field, computed_field
from rich.console import Console
from rich.table import Table

from allegiance.errors import GoldFormatError
from allegiance.models import EventType
from allegiance.normalise import places

__all__ = [
    "ABBREVIATIONS",
    "DATE_RATIO",
    "EVENT_TYPES",
    "FIELDS",
    "MIN_OVERLAP",
    "EvalReport",
    "FieldScore",
    "Match",
    "Miss",
    "PRF",
    "doc_key",
    "evidence_overlap",
    "field_right",
    "load_gold",
    "load_predictions",
    "match_events",
    "render",
    "score",
    "split_sentences",
    "validate_gold",
]

MIN_OVERLAP = 20
"""Shortest sentence-internal common substring (in characters) that makes two evidences overlap."""

DATE_RATIO = 3
"""A predicted date span is right when it overlaps gold and neither length exceeds 3x the other."""

EVENT_TYPES: tuple[str, ...] = tuple(t.value for t in EventType)

FIELDS: tuple[str, ...] = (
    "count.value",
    "count.qualifier",
    "date",
    "location.admin1",
    "location.name",
    "who.category",
    "to",
    "actor",
    "certainty",
)

# Reported beside the codebook's fields but kept out of its mean: the codebook does not score
# them, the project's own quality bar does (issue: to/actor/claimed_by >= 0.85).
EXTRA_FIELDS: tuple[str, ...] = ("claimed_by",)

_QUALIFIERS = ("exact", "approx", "at_least", "at_most", "vague")
_CERTAINTIES = ("reported", "unconfirmed", "confirmed")
_TEXT_EXTENSIONS = (".txt", ".json", ".jsonl", ".html", ".htm", ".md")

MissKind = Literal["fp", "fn", "field", "published"]
MatchKind = Literal["overlap", "sentence"]
_Fail = Callable[[str], NoReturn]


# ---------------------------------------------------------------------------------------------
# Report models
# ---------------------------------------------------------------------------------------------
def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


class PRF(BaseModel):
    """Event counts and the scores derived from them (0/0 is defined as 0)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


class FieldScore(BaseModel):
    """Right answers out of those judged (accuracy 0 when nothing was judged)."""

    correct: int = 0
    total: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def accuracy(self) -> float:
        return _ratio(self.correct, self.total)


class Miss(BaseModel):
    """One thing the prediction got wrong, for ``--verbose`` listings."""

    kind: MissKind
    doc: str
    type: str | None
    field: str | None = None  # the field path, for kind == "field" (or "published")
    gold: Any = None
    pred: Any = None
    evidence: str | None = None  # gold evidence for fn/field, predicted evidence for fp
    pred_evidence: str | None = None  # the matched prediction's evidence, for field errors


class EvalReport(BaseModel):
    """Everything :func:`score` computes. ``to_dict()`` gives the JSON form."""

    n_docs: int
    overall: PRF
    per_type: dict[str, PRF]
    per_doc: dict[str, PRF]
    fields: dict[str, FieldScore]
    extra_fields: dict[str, FieldScore] = Field(default_factory=dict)  # not in the mean
    published_in_span: FieldScore
    matched_by_overlap: int = 0
    matched_by_sentence: int = 0
    optional_matched: int = 0  # predictions matched to optional gold (neither TP nor FP)
    misses: list[Miss] = Field(default_factory=list)
    pred_docs_without_gold: list[str] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def mean_field_accuracy(self) -> float:
        if not self.fields:
            return 0.0
        return sum(f.accuracy for f in self.fields.values()) / len(self.fields)

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


# ---------------------------------------------------------------------------------------------
# Sentences and evidence overlap
# ---------------------------------------------------------------------------------------------
ABBREVIATIONS: frozenset[str] = frozenset(
    {
        "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "No", "Nos", "Vol", "Jr", "Sr",
        "Lt", "Col", "Gen", "Maj", "Capt", "Cpt", "Sgt", "Cpl", "Pvt", "Brig", "Adm", "Cdr",
        "Gov", "Sen", "Rep", "Inc", "Co", "Corp", "Ltd", "Dept", "Govt", "approx", "est",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    }
)  # fmt: skip

# A break is either terminal punctuation (with closing quotes/brackets) followed by
# horizontal space, unless the next word starts lower-case, or any line break.
_BREAK = re.compile(
    r"(?P<stop>[.!?]+[\"'”’»)\]]*)[ \t\u00a0]++(?![\"'“‘«(\[]*[a-z])"
    r"|(?P<newline>[ \t\u00a0]*(?:\r\n|\r|\n)\s*)"
)
_WORD_BEFORE = re.compile(r"(\w+)\Z")

_QUOTES = str.maketrans(
    {
        "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'",
        "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"',
        "\u00a0": " ",
    }
)  # fmt: skip  (one character for one, so offsets survive)


def _is_abbreviation(text: str, stop_at: int) -> bool:
    """True when the full stop at ``stop_at`` closes an initial or a known abbreviation."""
    m = _WORD_BEFORE.search(text, max(0, stop_at - 12), stop_at)
    if not m:
        return False
    word = m.group(1)
    return (len(word) == 1 and word.isupper()) or word in ABBREVIATIONS


def split_sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of the sentences of ``text``, whitespace trimmed.

    The regex splitter described in the module docstring: line breaks always split;
    ``.!?`` plus closing quotes followed by a space split unless a lower-case word follows
    or the stop closes an initial ("J.") or an abbreviation ("Lt.", "Dec.").
    """
    spans: list[tuple[int, int]] = []
    start = 0

    def add(a: int, b: int) -> None:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            spans.append((a, b))

    for m in _BREAK.finditer(text):
        stop = m.group("stop")
        if stop is not None:
            if stop == "." and _is_abbreviation(text, m.start()):
                continue
            add(start, m.end("stop"))
        else:
            add(start, m.start())
        start = m.end()
    add(start, len(text))
    return spans


def _canon(s: str) -> str:
    return " ".join(s.translate(_QUOTES).split())


def _segments(evidence: str) -> list[str]:
    """The sentence-internal pieces of an evidence string, normalised for comparison."""
    return [_canon(evidence[a:b]) for a, b in split_sentences(evidence)]


def _longest_common(a: str, b: str) -> int:
    if not a or not b:
        return 0
    return SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size


def _segment_overlap(a: Sequence[str], b: Sequence[str]) -> int:
    return max((_longest_common(x, y) for x in a for y in b), default=0)


def evidence_overlap(a: str, b: str) -> int:
    """Length of the longest common substring of two evidences that crosses no sentence end."""
    return _segment_overlap(_segments(a), _segments(b))


class _DocText:
    """A document's text with its sentences, for the same-sentence fallback."""

    def __init__(self, text: str) -> None:
        self.canon = text.translate(_QUOTES)  # same length as text
        self.sentences = split_sentences(text)
        self.starts = [a for a, _ in self.sentences]
        self._cache: dict[str, frozenset[int]] = {}

    def sentence_ids(self, evidence: str) -> frozenset[int]:
        """Indices of the sentences any occurrence of ``evidence`` touches (empty if absent)."""
        if evidence in self._cache:
            return self._cache[evidence]
        tokens = evidence.translate(_QUOTES).split()
        found: set[int] = set()
        if tokens:
            pattern = re.compile(r"\s+".join(re.escape(t) for t in tokens))
            for m in pattern.finditer(self.canon):
                i = max(0, bisect_right(self.starts, m.start()) - 1)
                while i < len(self.sentences) and self.sentences[i][0] < m.end():
                    if self.sentences[i][1] > m.start():
                        found.add(i)
                    i += 1
        ids = frozenset(found)
        self._cache[evidence] = ids
        return ids


# ---------------------------------------------------------------------------------------------
# Matching
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Match:
    """One gold-prediction pair: indices into the two event lists, how and how strongly."""

    gold: int
    pred: int
    how: MatchKind
    overlap: int  # longest sentence-internal common substring (also for sentence matches)


def _evidences(event: Mapping[str, Any], *, with_alt: bool) -> list[str]:
    out: list[str] = []
    ev = event.get("evidence")
    if isinstance(ev, str) and ev.strip():
        out.append(ev)
    if with_alt:
        out.extend(a for a in event.get("evidence_alt") or () if isinstance(a, str) and a.strip())
    return out


def match_events(
    gold_events: Sequence[Mapping[str, Any]],
    pred_events: Sequence[Mapping[str, Any]],
    text: str | None = None,
) -> list[Match]:
    """Pair predictions with gold events of one document, one-to-one (codebook rule 1).

    Overlap pairs (>= :data:`MIN_OVERLAP` characters) are taken greedily, largest first;
    then, among events still free, pairs whose evidence touches a common sentence of
    ``text``, those sharing more characters first. Ties go to non-optional gold, then to
    the earlier gold, then to the earlier prediction.
    """
    doc_text = _DocText(text) if text else None
    gold_ev = [[_segments(e) for e in _evidences(g, with_alt=True)] for g in gold_events]
    pred_segs = [
        _segments(ev[0]) if (ev := _evidences(p, with_alt=False)) else [] for p in pred_events
    ]

    overlap_cands: list[tuple[int, int, int, int]] = []
    sentence_cands: list[tuple[int, int, int, int]] = []
    for gi, g in enumerate(gold_events):
        optional = 1 if g.get("optional") else 0
        for pi, p in enumerate(pred_events):
            if p.get("type") != g.get("type") or not pred_segs[pi]:
                continue
            size = max((_segment_overlap(segs, pred_segs[pi]) for segs in gold_ev[gi]), default=0)
            if size >= MIN_OVERLAP:
                overlap_cands.append((-size, optional, gi, pi))
            elif doc_text is not None:
                pred_ids = doc_text.sentence_ids(str(p.get("evidence")))
                if pred_ids and any(
                    pred_ids & doc_text.sentence_ids(e) for e in _evidences(g, with_alt=True)
                ):
                    sentence_cands.append((-size, optional, gi, pi))

    matches: list[Match] = []
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for how, cands in (("overlap", overlap_cands), ("sentence", sentence_cands)):
        for neg_size, _, gi, pi in sorted(cands):
            if gi in used_gold or pi in used_pred:
                continue
            used_gold.add(gi)
            used_pred.add(pi)
            matches.append(Match(gold=gi, pred=pi, how=how, overlap=-neg_size))  # type: ignore[arg-type]
    return matches


# ---------------------------------------------------------------------------------------------
# Fields
# ---------------------------------------------------------------------------------------------
def _get(event: Mapping[str, Any], path: str) -> Any:
    cur: Any = event
    for part in path.split("."):
        if not isinstance(cur, Mapping):
            return None
        cur = cur.get(part)
    return cur


def _parse_day(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _parse_span(value: Any) -> tuple[dt.date, dt.date] | None:
    if not isinstance(value, Mapping):
        return None
    start, end = _parse_day(value.get("start")), _parse_day(value.get("end"))
    if start is None or end is None or end < start:
        return None
    return start, end


def _date_right(gold: Any, pred: Any) -> bool:
    if gold is None and pred is None:
        return True
    g, p = _parse_span(gold), _parse_span(pred)
    if g is None or p is None:
        return False
    if p[0] > g[1] or g[0] > p[1]:
        return False
    g_len = (g[1] - g[0]).days + 1
    p_len = (p[1] - p[0]).days + 1
    return p_len <= DATE_RATIO * g_len and g_len <= DATE_RATIO * p_len


def _label(value: Any) -> str:
    return " ".join(str(value).casefold().split())


def field_right(field: str, gold: Any, pred: Any) -> bool:
    """Whether a predicted field value counts as right against one gold value.

    Null against null is right for every field; null against a value is wrong.
    ``count.value``: exact integer. ``date``: the spans overlap and neither is more than
    :data:`DATE_RATIO` times as long (in days, end - start + 1). ``location.name``:
    :func:`allegiance.normalise.places.same_place`. Other fields: equal ignoring case and
    surrounding whitespace.
    """
    if field == "date":
        return _date_right(gold, pred)
    if gold is None or pred is None:
        return gold is None and pred is None
    if field == "count.value":
        return type(gold) is int and type(pred) is int and gold == pred
    if field == "location.name":
        return bool(places.same_place(str(gold), str(pred)))
    if field == "claimed_by":  # a person or outlet as written: "Saw Mahn Mahn" in "Padoh Saw Mahn Mahn"
        g, p = _label(gold), _label(pred)
        return g == p or (min(len(g), len(p)) >= 6 and (g in p or p in g))
    return _label(gold) == _label(pred)


def _field_ok(field: str, gold_event: Mapping[str, Any], pred_event: Mapping[str, Any]) -> bool:
    pred_value = _get(pred_event, field)
    accepted = (gold_event.get("accept") or {}).get(field) or []
    return any(field_right(field, g, pred_value) for g in [_get(gold_event, field), *accepted])


# ---------------------------------------------------------------------------------------------
# Gold and prediction files
# ---------------------------------------------------------------------------------------------
def doc_key(name: str) -> str:
    """The name documents are paired by: base name without a text/JSON extension.

    ``"seeds/002_x.txt"``, ``"002_x.json"`` and ``"002_x"`` all give ``"002_x"``; a JSONL
    line ``"file.jsonl#3"`` gives ``"file.3"`` (as :attr:`allegiance.models.Document.stem`).
    """
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    line = ""
    if "#" in base:
        base, line = base.split("#", 1)
    lower = base.lower()
    for ext in _TEXT_EXTENSIONS:
        if lower.endswith(ext) and len(base) > len(ext):
            base = base[: -len(ext)]
            break
    return f"{base}.{line}" if line else base


def _check_day(value: Any, where: str, fail: _Fail) -> None:
    if not isinstance(value, str) or _parse_day(value) is None or len(value) != 10:
        fail(f"{where}: expected a YYYY-MM-DD date, got {value!r}")


def _check_span(value: Any, where: str, fail: _Fail) -> None:
    if not isinstance(value, Mapping):
        fail(f"{where}: expected {{\"start\": ..., \"end\": ...}}, got {value!r}")
    for side in ("start", "end"):
        _check_day(value.get(side), f"{where}.{side}", fail)
    start, end = _parse_day(value["start"]), _parse_day(value["end"])
    if start is not None and end is not None and end < start:
        fail(f"{where}: end {value['end']} is before start {value['start']}")


def _check_optional_str(event: Mapping[str, Any], key: str, where: str, fail: _Fail) -> None:
    value = event.get(key)
    if value is not None and not isinstance(value, str):
        fail(f"{where}.{key}: expected a string or null, got {value!r}")


def _check_event(event: Any, where: str, fail: _Fail) -> None:
    if not isinstance(event, Mapping):
        fail(f"{where}: expected an object, got {type(event).__name__}")
    if event.get("type") not in EVENT_TYPES:
        fail(f"{where}.type: {event.get('type')!r} is not one of {', '.join(EVENT_TYPES)}")
    evidence = event.get("evidence")
    if not isinstance(evidence, str) or not evidence.strip():
        fail(f"{where}.evidence: expected a non-empty string")
    if event.get("date") is not None:
        _check_span(event["date"], f"{where}.date", fail)

    location = event.get("location")
    if location is not None:
        if not isinstance(location, Mapping):
            fail(f"{where}.location: expected an object or null")
        for key in ("name", "admin1"):
            _check_optional_str(location, key, f"{where}.location", fail)

    count = event.get("count")
    if count is not None:
        if not isinstance(count, Mapping):
            fail(f"{where}.count: expected an object or null")
        for key in ("value", "low", "high"):
            v = count.get(key)
            if v is not None and type(v) is not int:
                fail(f"{where}.count.{key}: expected an integer or null, got {v!r}")
        if count.get("qualifier") not in (*_QUALIFIERS, None):
            fail(f"{where}.count.qualifier: {count.get('qualifier')!r} is not one of {', '.join(_QUALIFIERS)}")

    who = event.get("who")
    if who is not None:
        if not isinstance(who, Mapping):
            fail(f"{where}.who: expected an object or null")
        for key in ("force", "category", "unit"):
            _check_optional_str(who, key, f"{where}.who", fail)

    for key in ("to", "actor", "claimed_by"):
        _check_optional_str(event, key, where, fail)
    if event.get("certainty") not in (*_CERTAINTIES, None):
        fail(f"{where}.certainty: {event.get('certainty')!r} is not one of {', '.join(_CERTAINTIES)}")

    alts = event.get("evidence_alt")
    if alts is not None and (
        not isinstance(alts, list) or not all(isinstance(a, str) and a.strip() for a in alts)
    ):
        fail(f"{where}.evidence_alt: expected a list of non-empty strings")

    accept = event.get("accept")
    if accept is not None:
        if not isinstance(accept, Mapping):
            fail(f"{where}.accept: expected an object mapping field paths to lists")
        for path, values in accept.items():
            if path not in FIELDS + EXTRA_FIELDS:
                fail(f"{where}.accept: {path!r} is not a scored field ({', '.join(FIELDS + EXTRA_FIELDS)})")
            if not isinstance(values, list):
                fail(f"{where}.accept.{path}: expected a list of values")

    if not isinstance(event.get("optional", False), bool):
        fail(f"{where}.optional: expected true or false")


def validate_gold(doc: Any, source: str) -> dict[str, Any]:
    """Check one gold document's shape (codebook *Gold file format*); return it unchanged.

    Raises :class:`GoldFormatError` (A401) naming ``source`` and the first problem found.
    """

    def fail(reason: str) -> NoReturn:
        raise GoldFormatError(reason, path=source)

    if not isinstance(doc, dict):
        fail(f"expected a JSON object, got {type(doc).__name__}")
    name = doc.get("doc")
    if not isinstance(name, str) or not name.strip():
        fail('"doc": expected the article file name')
    if doc.get("published") is not None:
        _check_day(doc["published"], "published", fail)
    if doc.get("published_span") is not None:
        _check_span(doc["published_span"], "published_span", fail)
    events = doc.get("events")
    if not isinstance(events, list):
        fail('"events": expected a list')
    for i, event in enumerate(events):
        _check_event(event, f"events[{i}]", fail)
    return doc


def load_gold(directory: str | Path) -> dict[str, dict[str, Any]]:
    """Read and validate every ``*.json`` gold file in ``directory`` (or one file).

    Returns ``{doc name: gold document}`` keyed by each file's ``"doc"`` field. Raises
    :class:`GoldFormatError` (A401) naming the file and the reason.
    """
    root = Path(directory)
    if not root.exists():
        raise GoldFormatError("gold path does not exist", path=str(root))
    files = [root] if root.is_file() else sorted(root.glob("*.json"))
    if not files:
        raise GoldFormatError("no *.json gold files here", path=str(root))
    out: dict[str, dict[str, Any]] = {}
    seen: dict[str, Path] = {}
    for path in files:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError as exc:
            raise GoldFormatError(f"not UTF-8 text ({exc.reason})", path=str(path)) from exc
        except json.JSONDecodeError as exc:
            raise GoldFormatError(
                f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}", path=str(path)
            ) from exc
        doc = validate_gold(raw, str(path))
        key = doc_key(doc["doc"])
        if key in seen:
            raise GoldFormatError(
                f"document {doc['doc']!r} is already annotated in {seen[key].name}", path=str(path)
            )
        seen[key] = path
        out[doc["doc"]] = doc
    return out


def load_predictions(path: str | Path) -> dict[str, dict[str, Any]]:
    """Read predictions in the codebook JSON format, keyed by their ``"doc"`` field.

    ``path`` may be a directory of ``*.json`` / ``*.jsonl`` files, one ``.json`` file
    holding a document or a list of documents, or a ``.jsonl`` file with one document per
    line. A document without ``"doc"`` is named after its file. Problems raise
    :class:`GoldFormatError` (A401, the evaluation-input format error).
    """
    root = Path(path)
    if not root.exists():
        raise GoldFormatError("prediction path does not exist", path=str(root))
    files = (
        [root]
        if root.is_file()
        else sorted(p for p in root.iterdir() if p.suffix.lower() in (".json", ".jsonl"))
    )
    out: dict[str, dict[str, Any]] = {}

    def take(item: Any, source: str, default_name: str) -> None:
        if not isinstance(item, dict) or not isinstance(item.get("events", []), list):
            raise GoldFormatError('prediction must be an object with an "events" list', path=source)
        name = item.get("doc") if isinstance(item.get("doc"), str) else default_name
        out[name] = item

    for file in files:
        try:
            text = file.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise GoldFormatError(f"prediction file is not UTF-8 ({exc.reason})", path=str(file)) from exc
        if file.suffix.lower() == ".jsonl":
            for n, line in enumerate(text.splitlines(), 1):
                if not line.strip():
                    continue
                try:
                    item = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise GoldFormatError(f"line {n}: not valid JSON: {exc.msg}", path=str(file)) from exc
                take(item, f"{file}:{n}", f"{file.stem}#{n}")
            continue
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise GoldFormatError(
                f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}", path=str(file)
            ) from exc
        for item in data if isinstance(data, list) else [data]:
            take(item, str(file), file.stem)
    return out


# ---------------------------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------------------------
def _gold_published_span(gold: Mapping[str, Any]) -> tuple[dt.date, dt.date] | None:
    span = _parse_span(gold.get("published_span"))
    if span is not None:
        return span
    day = _parse_day(gold.get("published"))
    return (day, day) if day is not None else None


def _type_name(event: Mapping[str, Any]) -> str:
    t = event.get("type")
    return t if isinstance(t, str) and t else "(none)"


def _events(doc: Mapping[str, Any] | None) -> list[Mapping[str, Any]]:
    events = doc.get("events") if doc else None
    return [e for e in events if isinstance(e, Mapping)] if isinstance(events, list) else []


def score(
    gold: Mapping[str, Mapping[str, Any]],
    pred: Mapping[str, Mapping[str, Any]],
    texts: Mapping[str, str] | None = None,
) -> EvalReport:
    """Score predictions against gold by the codebook rules (see the module docstring).

    ``gold``, ``pred`` and ``texts`` are keyed by document name; names are paired by
    :func:`doc_key`, so ``"a.txt"``, ``"a.json"`` and ``"a"`` meet. A gold document with
    no prediction counts as predicting no events; predictions for documents without gold
    are ignored and listed in ``pred_docs_without_gold``. ``texts`` (article text per
    document) enables the same-sentence fallback; documents without text skip it.
    Gold is validated; a malformed gold document raises :class:`GoldFormatError`.
    """
    gold_by_key: dict[str, tuple[str, Mapping[str, Any]]] = {}
    for name, doc in gold.items():
        validate_gold(doc, name)
        key = doc_key(name)
        if key in gold_by_key:
            raise GoldFormatError(f"two gold documents share the name {key!r}", path=name)
        gold_by_key[key] = (name, doc)

    warnings: list[str] = []
    pred_by_key: dict[str, Mapping[str, Any]] = {}
    for name, doc in pred.items():
        key = doc_key(name)
        if key in pred_by_key:
            warnings.append(f"several predictions for document {key!r}; the last one was scored")
        pred_by_key[key] = doc
    text_by_key = {doc_key(name): text for name, text in (texts or {}).items()}

    without_gold = sorted(name for name in pred if doc_key(name) not in gold_by_key)
    if without_gold:
        warnings.append(
            f"{len(without_gold)} prediction document(s) have no gold and were ignored: "
            + ", ".join(without_gold[:10])
            + (" ..." if len(without_gold) > 10 else "")
        )

    overall = PRF()
    per_type: dict[str, PRF] = {t: PRF() for t in EVENT_TYPES}
    per_doc: dict[str, PRF] = {}
    fields = {f: FieldScore() for f in FIELDS}
    extra = {f: FieldScore() for f in EXTRA_FIELDS}
    published = FieldScore()
    misses: list[Miss] = []
    n_overlap = n_sentence = n_optional = 0
    missing_pred: list[str] = []
    missing_text: list[str] = []

    for key in sorted(gold_by_key):
        name, gdoc = gold_by_key[key]
        pdoc = pred_by_key.get(key)
        if pdoc is None:
            missing_pred.append(name)
        text = text_by_key.get(key)
        if text is None and texts is not None:
            missing_text.append(name)
        g_events, p_events = _events(gdoc), _events(pdoc)
        doc_prf = PRF()

        matches = match_events(g_events, p_events, text)
        matched_gold = {m.gold: m for m in matches}
        matched_pred = {m.pred for m in matches}

        for m in matches:
            g, p = g_events[m.gold], p_events[m.pred]
            if m.how == "overlap":
                n_overlap += 1
            else:
                n_sentence += 1
            if g.get("optional"):
                n_optional += 1
                continue
            doc_prf.tp += 1
            per_type.setdefault(_type_name(g), PRF()).tp += 1
            for f in EXTRA_FIELDS:
                extra[f].total += 1
                extra[f].correct += int(_field_ok(f, g, p))
            for f in FIELDS:
                fields[f].total += 1
                if _field_ok(f, g, p):
                    fields[f].correct += 1
                else:
                    misses.append(
                        Miss(
                            kind="field", doc=name, type=_type_name(g), field=f,
                            gold=_get(g, f), pred=_get(p, f),
                            evidence=g.get("evidence"), pred_evidence=p.get("evidence"),
                        )
                    )  # fmt: skip

        for gi, g in enumerate(g_events):
            if gi in matched_gold or g.get("optional"):
                continue
            doc_prf.fn += 1
            per_type.setdefault(_type_name(g), PRF()).fn += 1
            misses.append(Miss(kind="fn", doc=name, type=_type_name(g), evidence=g.get("evidence")))

        for pi, p in enumerate(p_events):
            if pi in matched_pred:
                continue
            doc_prf.fp += 1
            per_type.setdefault(_type_name(p), PRF()).fp += 1
            ev = p.get("evidence")
            misses.append(
                Miss(kind="fp", doc=name, type=_type_name(p), evidence=ev if isinstance(ev, str) else None)
            )

        per_doc[name] = doc_prf
        overall.add(doc_prf)

        span = _gold_published_span(gdoc)
        if span is not None:
            published.total += 1
            day = _parse_day(pdoc.get("published")) if pdoc else None
            if day is not None and span[0] <= day <= span[1]:
                published.correct += 1
            else:
                misses.append(
                    Miss(
                        kind="published", doc=name, type=None, field="published",
                        gold={"start": span[0].isoformat(), "end": span[1].isoformat()},
                        pred=pdoc.get("published") if pdoc else None,
                    )
                )  # fmt: skip

    if missing_pred:
        warnings.append(f"{len(missing_pred)} gold document(s) have no prediction (scored as no events)")
    if missing_text:
        warnings.append(
            f"{len(missing_text)} document(s) have no text; same-sentence matching was skipped for them"
        )

    return EvalReport(
        n_docs=len(gold_by_key),
        overall=overall,
        per_type=per_type,
        per_doc=per_doc,
        fields=fields,
        extra_fields=extra,
        published_in_span=published,
        matched_by_overlap=n_overlap,
        matched_by_sentence=n_sentence,
        optional_matched=n_optional,
        misses=misses,
        pred_docs_without_gold=without_gold,
        warnings=warnings,
    )


# ---------------------------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------------------------
def _fmt(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, dict) and set(value) == {"start", "end"}:
        return f"{value['start']}..{value['end']}"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _clip(s: str | None, n: int = 90) -> str:
    if not s:
        return ""
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def render(report: EvalReport, console: Console, verbose: bool = False) -> None:
    """Print ``report`` as Rich tables; with ``verbose``, also every miss."""
    events = Table(title=f"Events ({report.n_docs} documents)", title_justify="left")
    for col in ("type", "TP", "FP", "FN", "precision", "recall", "F1"):
        events.add_column(col, justify="left" if col == "type" else "right")

    def row(label: str, prf: PRF, style: str | None = None) -> None:
        events.add_row(
            label, str(prf.tp), str(prf.fp), str(prf.fn),
            f"{prf.precision:.3f}", f"{prf.recall:.3f}", f"{prf.f1:.3f}", style=style,
        )  # fmt: skip

    for t, prf in report.per_type.items():
        row(t, prf)
    row("overall", report.overall, style="bold")
    console.print(events)

    fields = Table(title="Fields over matched pairs", title_justify="left")
    for col in ("field", "right", "judged", "accuracy"):
        fields.add_column(col, justify="left" if col == "field" else "right")
    for f, fs in report.fields.items():
        fields.add_row(f, str(fs.correct), str(fs.total), f"{fs.accuracy:.3f}")
    fields.add_row("mean", "", "", f"{report.mean_field_accuracy:.3f}", style="bold")
    for f, fs in report.extra_fields.items():
        fields.add_row(f"{f} (not in the mean)", str(fs.correct), str(fs.total), f"{fs.accuracy:.3f}", style="dim")
    console.print(fields)

    pub = report.published_in_span
    console.print(f"published date in gold span: {pub.correct}/{pub.total} ({pub.accuracy:.3f})")
    console.print(
        f"matches: {report.matched_by_overlap} by overlap, {report.matched_by_sentence} by sentence, "
        f"{report.optional_matched} to optional gold"
    )
    for w in report.warnings:
        console.print(f"[yellow]warning:[/yellow] {w}", markup=True, highlight=False)

    if verbose and report.misses:
        misses = Table(title="Misses", title_justify="left")
        for col in ("kind", "doc", "type", "field", "gold", "predicted", "evidence"):
            misses.add_column(col, overflow="fold")
        for m in report.misses:
            misses.add_row(
                m.kind, m.doc, m.type or "", m.field or "",
                _clip(_fmt(m.gold), 40) if m.field else "",
                _clip(_fmt(m.pred), 40) if m.field else "",
                _clip(m.evidence),
            )  # fmt: skip
        console.print(misses)


# ---------------------------------------------------------------------------------------------
# Orchestration: gold folder in, report out (what `allegiance eval` runs)
# ---------------------------------------------------------------------------------------------
ARTICLE_DIRS = (".", "../seeds", "../articles", "../texts")


def find_article(gold_dir: Path, doc: str, articles_dir: Path | None = None) -> Path | None:
    """The article a gold file annotates: in ``articles_dir``, beside the gold, or in a sibling
    ``seeds/``, ``articles/`` or ``texts/`` folder."""
    roots = [articles_dir] if articles_dir is not None else [gold_dir / d for d in ARTICLE_DIRS]
    for root in roots:
        candidate = (root / doc).resolve()
        if candidate.is_file():
            return candidate
    return None


def evaluate_dir(
    gold_dir: str | Path,
    *,
    pred_dir: str | Path | None = None,
    articles_dir: str | Path | None = None,
    settings: Any = None,
) -> EvalReport:
    """Score a gold folder: predictions from ``pred_dir``, or extracted now from the articles."""
    gold_root = Path(gold_dir)
    gold = load_gold(gold_root)
    art_root = Path(articles_dir) if articles_dir is not None else None
    paths: dict[str, Path] = {}
    for name in gold:
        found = find_article(gold_root if gold_root.is_dir() else gold_root.parent, name, art_root)
        if found is not None:
            paths[name] = found
    from allegiance.pipeline import Pipeline

    pipe = Pipeline(settings)
    texts: dict[str, str] = {}
    problems: list[str] = []
    if pred_dir is not None:
        pred = load_predictions(pred_dir)
    else:
        pred = {}
        missing = sorted(set(gold) - set(paths))
        if missing:
            raise GoldFormatError(
                f"no article found for {', '.join(missing[:3])}{' ...' if len(missing) > 3 else ''}; "
                "pass --articles DIR",
                path=str(gold_root),
            )
    # Texts as ingest cleans them (the text evidence offsets refer to); predictions too when
    # none were given. A file that fails counts as no events, with a warning.
    for name, path in paths.items():
        for item in (pipe.process([path]) if pred_dir is None else pipe.documents([path])):
            if isinstance(item, BaseException):
                problems.append(str(item))
                continue
            doc = getattr(item, "document", item)
            texts[name] = doc.text
            if pred_dir is None:
                pred[name] = item.to_codebook()
    report = score(gold, pred, texts)
    report.warnings.extend(problems)
    return report

