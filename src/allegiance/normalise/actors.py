"""Actors: the registry of canonical actors, actor mentions in text, and regime unit names.

``data/actors.json`` holds every canonical actor of the codebook (``models.CANONICAL_ACTORS``)
and the bodies under them (KNLA and its brigades under the KNU, the KIA under the KIO, the
Karenni Army under the KNPP, regional PDFs, NUG ministries, the SAC under the Tatmadaw ...),
each with names, abbreviations, Burmese names, parent, side, founding date and press typos.

Public API::

    reg = get_registry()                       # cached; ActorRegistry.load() for a fresh one
    reg.resolve("Karen National Unoin")  -> Actor (KNU)     # exact alias, patterns, fuzzy
    reg.canonical("KNLA Brigade 5")      -> "KNU"          # nearest codebook id up the tree
    find_actors(text)                    -> list[ActorMention]  # with character offsets
    parse_unit("LIB 402")                -> Unit(type="LIB", number=402)
    parse_units("Light Infantry Battalions 402 and 403") -> [Unit(LIB 402), Unit(LIB 403)]
    lookup_actors("KNDF")                -> list[ActorCandidate]   # printable
"""

from __future__ import annotations

import json
import logging
import re
import time
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

from rapidfuzz import fuzz, process

from ..models import CANONICAL_ACTORS, Place

log = logging.getLogger(__name__)

DATA_FILE = "actors.json"
SIDES = ("regime", "resistance", "neutral", "civilian")

# Fuzzy matching of full names (not abbreviations) on normalised text with rapidfuzz's
# Indel ratio. Tuned in tests/normalise/test_actors.py: "Karen National Unoin" (95) is
# accepted; "Karen National Party" (80) and "National League for Democracy" refused.
FUZZY_CUTOFF = 90.0
FUZZY_MIN_LEN = 8


@lru_cache(maxsize=100_000)
def _norm_word(w: str) -> str:
    return norm(w)


def norm(s: str) -> str:
    """Alias key: case folded, apostrophes dropped (People's = Peoples), Defense = Defence,
    Organization = Organisation, punctuation to spaces, no leading "the"."""
    s = unicodedata.normalize("NFKC", s).casefold()
    s = s.replace("’", "'").replace("‘", "'").replace("`", "'").replace("ʼ", "'")
    s = s.replace("'", "")
    s = re.sub(r"\bdefense\b", "defence", s)
    s = re.sub(r"\borganization\b", "organisation", s)
    s = re.sub(r"[^\w\u1000-\u109f]+", " ", s).strip()
    s = re.sub(r"^the\s+", "", s)
    return " ".join(s.split())


FUZZY_WORD_CUTOFF = 75.0


def _words_align(a: str, b: str) -> bool:
    """Fuzzy guard: same number of words, each a near spelling of its counterpart. A typo
    ("Unoin") passes; another word ("Party" for "Army", 67) does not."""
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb):
        return False
    return all(x == y or fuzz.ratio(x, y) >= FUZZY_WORD_CUTOFF for x, y in zip(wa, wb, strict=True))


# ---------------------------------------------------------------------------------------------
# models
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Actor:
    """One registry entry. ``canonical`` is the nearest codebook id at or above it."""

    id: str
    name: str
    names: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    burmese: tuple[str, ...] = ()
    parent: str | None = None
    side: str = "resistance"
    founded: str | None = None
    typos: tuple[str, ...] = ()
    kind: str = "organisation"
    notes: str | None = None
    home: str | None = None  # area it is based in, as a gazetteer place name
    canonical: str | None = None

    @property
    def in_codebook(self) -> bool:
        return self.id in CANONICAL_ACTORS

    def all_names(self) -> list[str]:
        return [self.name, *self.names, *self.abbreviations, *self.burmese, *self.typos]

    def __str__(self) -> str:
        abbr = f" ({', '.join(self.abbreviations)})" if self.abbreviations else ""
        up = f" -> {self.canonical}" if self.canonical and self.canonical != self.id else ""
        founded = f", founded {self.founded}" if self.founded else ""
        parent = f", part of {self.parent}" if self.parent else ""
        return f"{self.id}{up}: {self.name}{abbr} [{self.side}{parent}{founded}]"

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


@dataclass(frozen=True)
class ActorCandidate:
    """A registry entry that matched a query (for ``lookup``)."""

    actor: Actor
    score: float
    matched: str
    how: str  # alias | abbreviation | pattern | fuzzy

    @property
    def id(self) -> str:
        return self.actor.id

    @property
    def canonical(self) -> str | None:
        return self.actor.canonical

    def __str__(self) -> str:
        return f"{self.score:5.1f}  {self.actor}  ({self.how}: {self.matched!r})"


@dataclass(frozen=True)
class ActorMention:
    """An actor named in text: ``text == source[start:end]``."""

    text: str
    start: int
    end: int
    actor_id: str
    canonical: str | None
    how: str  # alias | abbreviation | typo | brigade | regional_pdf | defence_force | generic | unit
    number: int | None = None  # brigade or unit number, where one is written


@dataclass(frozen=True)
class Unit:
    """A regime unit written in text: type (canonical abbreviation), number and/or name."""

    type: str  # LIB, IB, LID, ID, MOC, ROC, RMC, TOC, MOMC, BGF, AB, ...
    number: int | None = None
    name: str | None = None  # "Laukkai" (ROC), "Northeastern" (RMC)
    text: str = field(default="", compare=False)
    start: int = field(default=0, compare=False)
    end: int = field(default=0, compare=False)

    @property
    def label(self) -> str:
        if self.number is not None:
            return f"{self.type} {self.number}"
        if self.name:
            return f"{self.name} {self.type}"
        return self.type

    def __str__(self) -> str:
        return self.label


# ---------------------------------------------------------------------------------------------
# text patterns
# ---------------------------------------------------------------------------------------------

_APOS = "['’‘ʼ]"


_BRIGADE_ORGS = {
    "knu": "KNLA", "knla": "KNLA", "karen national union": "KNLA",
    "karen national liberation army": "KNLA", "kia": "KIA", "kio": "KIA",
    "kachin independence army": "KIA", "kachin independence organisation": "KIA",
    "kachin independence organization": "KIA",
}
_BRIGADE_ORG_RE = (r"(KNU|KNLA|KIA|KIO|Karen\s+National\s+Union|Karen\s+National\s+Liberation\s+Army|"
                   r"Kachin\s+Independence\s+Army|Kachin\s+Independence\s+Organi[sz]ation)")
_ORDINAL = r"(\d{1,2})(?:st|nd|rd|th)"
_BRIGADE_RE = re.compile(
    _BRIGADE_ORG_RE + rf"(?:{_APOS}s)?\s+(?:Brigade\s+(?:No\.?\s*)?(\d{{1,2}})\b|{_ORDINAL}\s+Brigade\b)"
    + r"|\b(?:Brigade\s+(?:No\.?\s*)?(\d{1,2})|" + _ORDINAL + r"\s+Brigade)\s+(?:of|under)\s+(?:the\s+)?"
    + _BRIGADE_ORG_RE
)
# "<Place> PDF", "<Place> People's Defence Force", "PDF-<Place>"
_CAP = r"[A-Z][\w]*(?:-[A-Za-z][\w]*)*"
_REGIONAL_PDF_RE = re.compile(
    rf"\b((?:{_CAP}\s+){{0,3}}{_CAP})[\s\-]+(?:PDF|People{_APOS}?s?\s+Defen[cs]e\s+(?:Force|Forces|Army))\b"
    rf"|\bPDF[\s\-]+((?:{_CAP})(?:\s+{_CAP}){{0,2}})\b"
)
# "<Name> Defence Force" (or "Revolution Force", "Guerrilla Force") not in the registry: a local force, PDF
_DEFENCE_FORCE_RE = re.compile(
    rf"\b((?:{_CAP}{_APOS}?s?\s+){{0,3}}{_CAP}{_APOS}?s?)\s+(?:Self[\s\-])?(?:Defen[cs]e|Revolution(?:ary)?|Guerrilla)\s+"
    rf"(?:Force|Forces|Army|Team|Teams|Group|Groups)\b"
)
# described rather than named: "a Facebook page run by police officers who have joined the CDM",
# "a Telegram channel that verifies and supports police officers who join the CDM"
_POLICE_CDM_CHANNEL_RE = re.compile(
    r"\b(?:(?:Facebook|Telegram|social[\s-]media|online)\s+)?(?:page|group|channel|account)\s+"
    r"(?:(?:run|set\s+up|operated|managed|started|founded|created)\s+by|that\s+(?:[a-z]+\s+){1,4}?)"
    r"\s*(?:[a-z]+\s+){0,2}?police(?:\s+officers|men|\s+personnel|\s+members)?\s+who\s+(?:have\s+)?(?:joined|join|support)\s+"
    r"(?:the\s+)?(?:CDM|Civil\s+Disobedience\s+Movement(?:\s+\(CDM\))?|movement|strike)",
    re.IGNORECASE)
_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_JOIN_RE = re.compile(r"[\s\-/()]+|[\s]*['’]s[\s]+")  # between the words of one name
_NOT_PLACE_PREFIX = {"the", "a", "an", "local", "new", "several", "two", "three", "some", "all",
                     "and", "of", "in", "to", "by", "with", "for", "from", "at", "our", "their", "its",
                     "his", "her", "said", "say", "says", "told", "when", "while", "that", "this",
                     "nug", "nugs", "junta", "regime", "another", "other", "many", "both"}


def _function_words_before(words: list[str]) -> int:
    """How many of the leading words are function words ("The", "Local", "NUG's"), not a name."""
    k = 0
    while k < len(words) and re.sub(r"['’]s$", "", words[k]).lower().strip(",") in _NOT_PLACE_PREFIX:
        k += 1
    return k


# ---------------------------------------------------------------------------------------------
# units
# ---------------------------------------------------------------------------------------------

# (canonical type, regex for its written forms). Order matters: longer names first.
_UNIT_TYPES: list[tuple[str, str]] = [
    ("MOMC", r"Military\s+Operations?\s+Management\s+Commands?|MOMCs?"),
    ("MOC", r"Military\s+Operations?\s+Commands?|MOCs?"),
    ("ROC", r"Regional\s+Operations?\s+Commands?|ROCs?"),
    ("TOC", r"Tactical\s+Operations?\s+Commands?|TOCs?"),
    ("RMC", r"Regional\s+Military\s+Commands?|RMCs?"),
    ("LID", r"Light\s+Infantry\s+Divisions?|LIDs?"),
    ("LIB", r"Light\s+Infantry\s+(?:Battalions?|Bns?\.?)|LIBs?"),
    ("ID", r"(?<!Light )Infantry\s+Divisions?"),
    ("IB", r"(?<!Light )Infantry\s+(?:Battalions?|Bns?\.?)|IBs?"),
    ("BGF", r"Border\s+Guard\s+Force\s+Battalions?|Border\s+Guard\s+Forces?|Border\s+Guard\s+Battalions?|BGF\s+Battalions?|BGFs?"),
    ("AB", r"(?:Light\s+|Field\s+|Heavy\s+)?Artillery\s+Battalions?|ABs?"),
    ("ARMB", r"Armou?red\s+Battalions?|Tank\s+Battalions?"),
    ("POLB", r"(?:Security\s+)?Police\s+Battalions?"),
    ("BAT", r"Battalions?"),
]
_UNIT_ABBR = {"MOMC", "MOC", "ROC", "TOC", "RMC", "LID", "LIB", "IB", "BGF", "AB"}
_NUM = r"(?:No\.?\s*|Number\s+|#)?(\d{1,4})"
_NUM_LIST = _NUM + r"(?:\s*(?:,|&|\band\b|\bor\b|,\s*and\b)\s*" + _NUM.replace("(\\d{1,4})", "\\d{1,4}") + r")*"
_PAREN_ABBR = r"(?:\s*\((?:" + "|".join(sorted(_UNIT_ABBR, key=len, reverse=True)) + r")s?\))?"
_RMC_NAMES = (r"North[\s\-]?Eastern|North[\s\-]?Western|South[\s\-]?Eastern|South[\s\-]?Western|"
              r"Central[\s\-]Eastern|Northern|Southern|Eastern|Western|Central|Coastal|Yangon|"
              r"Naypyitaw|Nay\s+Pyi\s+Taw|Triangle(?:\s+Region)?")


def _unit_regexes() -> list[tuple[str, re.Pattern[str], str]]:
    out = []
    for typ, pat in _UNIT_TYPES:
        # type then number(s): "Light Infantry Battalions 402 and 403", "LIB-402", "IB (No. 33)"
        out.append((typ, re.compile(rf"\b(?:{pat}){_PAREN_ABBR}[\s\-]*\(?{_NUM_LIST}\)?(?!\d)"), "number"))
        # ordinal then type: "77th Light Infantry Division", "the 33rd LID"
        out.append((typ, re.compile(rf"\b(\d{{1,4}})(?:st|nd|rd|th)\s+(?:{pat})\b"), "ordinal"))
    # named commands: "Laukkai Regional Operations Command", "Northeastern Command"
    out.append(("ROC", re.compile(rf"\b((?:{_CAP}\s+){{0,2}}{_CAP})\s+(?:Regional\s+Operations?\s+Command|ROC)\b"), "name"))
    out.append(("RMC", re.compile(rf"\b((?i:{_RMC_NAMES}))\s+(?:Regional\s+)?(?:Military\s+)?Command\b"), "name"))
    out.append(("RMC", re.compile(r"\bRegional\s+Military\s+Command\b|\bRMC\b"), "bare"))
    out.append(("ROC", re.compile(r"\bRegional\s+Operations?\s+Command\b|\bROC\b"), "bare"))
    out.append(("MOC", re.compile(r"\bMilitary\s+Operations?\s+Command\b"), "bare"))
    return out


_UNIT_RES = _unit_regexes()
_UNIT_ACTOR = {"BGF": "BGF", "POLB": "MPF"}  # every other unit type is the Tatmadaw's
_NUMBERS_RE = re.compile(r"\d{1,4}")


def parse_units(text: str) -> list[Unit]:
    """All regime units written in ``text``; a plural with several numbers gives one unit per
    number ("Light Infantry Battalions 402 and 403" -> LIB 402, LIB 403). Numbers are kept
    only where the text writes them; named commands keep their name ("Laukkai" ROC)."""
    found: list[tuple[int, int, list[Unit]]] = []
    for typ, rx, how in _UNIT_RES:
        for m in rx.finditer(text):
            s, e = m.start(), m.end()
            span = text[s:e].rstrip(" ,")
            e = s + len(span)
            if how == "number":
                head = re.match(rf"(?:{dict(_UNIT_TYPES)[typ]}){_PAREN_ABBR}", span)
                tail = span[head.end():] if head else span
                nums = [int(x) for x in _NUMBERS_RE.findall(tail)]
                if typ == "BAT" and not re.search(r"\d", tail):
                    continue
                units = [Unit(typ, n, None, span, s, e) for n in nums]
            elif how == "ordinal":
                units = [Unit(typ, int(m.group(1)), None, span, s, e)]
            elif how == "name":
                name = " ".join(m.group(1).split())
                first = name.split()[0].lower()
                if first in _NOT_PLACE_PREFIX:
                    name = " ".join(name.split()[1:]) or None  # type: ignore[assignment]
                    if name is None:
                        continue
                    s = e - len(span) + span.find(name)
                    span = text[s:e]
                units = [Unit(typ, None, name, span, s, e)]
            else:
                units = [Unit(typ, None, None, span, s, e)]
            if units:
                found.append((s, e, units))
    # longest first, no overlaps
    found.sort(key=lambda x: (-(x[1] - x[0]), x[0]))
    taken: list[tuple[int, int]] = []
    out: list[tuple[int, list[Unit]]] = []
    for s, e, units in found:
        if any(s < b and a < e for a, b in taken):
            continue
        taken.append((s, e))
        out.append((s, units))
    out.sort(key=lambda x: x[0])
    return [u for _, us in out for u in us]


def parse_unit(text: str) -> Unit | None:
    """The first regime unit in ``text`` (see :func:`parse_units` for plurals)."""
    units = parse_units(text)
    return units[0] if units else None


# ---------------------------------------------------------------------------------------------
# the registry
# ---------------------------------------------------------------------------------------------


class ActorRegistry:
    """All actors, indexed by normalised alias. Build with :meth:`load`."""

    def __init__(self, actors: Iterable[Actor], *, source: str = "") -> None:
        self.source = source
        raw = {a.id: a for a in actors}
        for a in raw.values():
            if a.parent and a.parent not in raw:
                raise ValueError(f"{source}: actor {a.id} has unknown parent {a.parent}")
            if a.side not in SIDES:
                raise ValueError(f"{source}: actor {a.id} has side {a.side!r}, not one of {SIDES}")
        self.actors: dict[str, Actor] = {}
        for a in raw.values():
            self.actors[a.id] = Actor(**{**a.to_dict(), "canonical": self._canonical_id(a.id, raw)})
        missing = [c for c in CANONICAL_ACTORS if c not in self.actors]
        if missing:
            raise ValueError(f"{source}: codebook actors missing from the registry: {missing}")
        self._by_norm: dict[str, str] = {}
        self._abbr: dict[str, str] = {}
        for a in self.actors.values():
            for n in (a.name, *a.names, *a.burmese, *a.typos):
                self._by_norm.setdefault(norm(n), a.id)
            for ab in a.abbreviations:
                self._abbr.setdefault(ab, a.id)
                self._by_norm.setdefault(norm(ab), a.id)
        self._fuzzy_keys = [k for k in self._by_norm if len(k) >= FUZZY_MIN_LEN]

    @staticmethod
    def _canonical_id(aid: str, actors: dict[str, Actor]) -> str | None:
        seen = set()
        cur: str | None = aid
        while cur is not None and cur not in seen:
            if cur in CANONICAL_ACTORS:
                return cur
            seen.add(cur)
            cur = actors[cur].parent
        return None

    @classmethod
    def load(cls, path: str | Path | None = None) -> ActorRegistry:
        if path is None:
            ref = resources.files("allegiance.normalise") / "data" / DATA_FILE
            doc = json.loads(ref.read_text(encoding="utf-8"))
            source = str(ref)
        else:
            doc = json.loads(Path(path).read_text(encoding="utf-8"))
            source = str(path)
        actors = []
        for d in doc["actors"]:
            actors.append(Actor(
                id=d["id"], name=d["name"], names=tuple(d.get("names", ())),
                abbreviations=tuple(d.get("abbreviations", ())), burmese=tuple(d.get("burmese", ())),
                parent=d.get("parent"), side=d.get("side", "resistance"), founded=d.get("founded"),
                typos=tuple(d.get("typos", ())), kind=d.get("kind", "organisation"), notes=d.get("notes"),
                home=d.get("home"),
            ))
        return cls(actors, source=source)

    def __len__(self) -> int:
        return len(self.actors)

    def __iter__(self):
        return iter(self.actors.values())

    def home_of(self, actor_id: str) -> str | None:
        """The area an actor is based in, inherited from its parents ("KNLA Brigade 5" -> Kayin)."""
        cur = self.actors.get(actor_id)
        while cur is not None:
            if cur.home:
                return cur.home
            cur = self.actors.get(cur.parent) if cur.parent else None
        return None

    def get(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)

    # ------------------------------------------------------------------ resolving names
    def _pattern(self, name: str) -> tuple[Actor, str] | None:
        """Brigades and regional PDFs written in a name."""
        s = name.strip()
        m = _BRIGADE_RE.fullmatch(s)
        if m:
            return self._brigade_actor(m), "pattern"
        m = _REGIONAL_PDF_RE.fullmatch(s)
        if m:
            return self.actors["PDF"], "pattern"
        return None

    def _brigade_actor(self, m: re.Match[str]) -> Actor:
        g = m.groups()
        org = g[0] or g[5]
        num = next(x for x in (g[1], g[2], g[3], g[4]) if x)
        parent = _BRIGADE_ORGS[" ".join(org.lower().split())]
        return self.actors.get(f"{parent}-BDE-{int(num)}") or self.actors[parent]

    def resolve_candidate(self, name: str) -> ActorCandidate | None:
        if not name or not name.strip():
            return None
        s = " ".join(name.split())
        if s in self._abbr:
            return ActorCandidate(self.actors[self._abbr[s]], 100.0, s, "abbreviation")
        k = norm(s)
        if k in self._by_norm:
            return ActorCandidate(self.actors[self._by_norm[k]], 100.0, s, "alias")
        pat = self._pattern(s.replace("’", "'"))
        if pat:
            return ActorCandidate(pat[0], 100.0, s, pat[1])
        if len(k) >= FUZZY_MIN_LEN:
            for key_, score, _ in process.extract(k, self._fuzzy_keys, scorer=fuzz.ratio,
                                                  score_cutoff=FUZZY_CUTOFF, limit=5):
                if _words_align(k, key_):
                    return ActorCandidate(self.actors[self._by_norm[key_]], float(score), s, "fuzzy")
        if _DEFENCE_FORCE_RE.fullmatch(s.replace("’", "'")):
            # "<Name> Defence Force" that is not in the registry: a local resistance force
            return ActorCandidate(self.actors["PDF"], 100.0, s, "pattern")
        return None

    def resolve(self, name: str) -> Actor | None:
        """The actor a written name denotes: exact alias (case-insensitive, apostrophes and
        Defence/Defense normalised), then brigade / regional-PDF / defence-force patterns,
        then a fuzzy match on full names (cutoff :data:`FUZZY_CUTOFF`)."""
        c = self.resolve_candidate(name)
        return c.actor if c else None

    def canonical(self, name: str) -> str | None:
        """The codebook id for a written name: KNU Brigade 5 -> KNU, KIA -> KIO, Mandalay PDF
        -> PDF, "Sagaing People's Defence Force" -> PDF; None when unknown."""
        a = self.resolve(name)
        return a.canonical if a else None

    def lookup(self, query: str, limit: int = 10) -> list[ActorCandidate]:
        """Candidates for a name, best first (exact, pattern, then fuzzy above 70)."""
        out: list[ActorCandidate] = []
        best = self.resolve_candidate(query)
        if best:
            out.append(best)
        k = norm(query)
        if k:
            for key_, score, _ in process.extract(k, list(self._by_norm), scorer=fuzz.WRatio,
                                                  limit=limit * 3, score_cutoff=70):
                a = self.actors[self._by_norm[key_]]
                if all(c.actor.id != a.id for c in out):
                    out.append(ActorCandidate(a, float(score), key_, "fuzzy"))
        return out[:limit]

    # ------------------------------------------------------------------ text
    def _build_text_index(self) -> None:
        names: dict[str, str] = {}
        cased: dict[str, str] = {}
        typos: set[str] = set()
        for a in self.actors.values():
            for n in (a.name, *a.names, *a.burmese):
                if "(" not in n:  # "Arakan Army (AA)": in text the name and the abbreviation are two mentions
                    names.setdefault(norm(n), a.id)
            for t in a.typos:
                typos.add(norm(t))
                if t.isupper():
                    cased.setdefault(t, a.id)
                else:
                    names.setdefault(norm(t), a.id)
            for ab in a.abbreviations:
                cased.setdefault(ab, a.id)
        self._names, self._cased, self._typo_keys = names, cased, typos
        self._proper = {norm(n) for a in self.actors.values() for n in (a.name, *a.names)}
        self._max_words = max(len(k.split()) for k in [*names, *map(norm, cased)])
        # word-level prefixes of every name and abbreviation: the n-gram scan stops early
        self._prefixes = {" ".join(k.split()[:i]) for k in [*names, *map(norm, cased)]
                          for i in range(1, len(k.split()) + 1)}

    def _alias_candidates(self, text: str) -> list[tuple[int, int, str, str, int | None]]:
        """Names (any case) and abbreviations (as written) over word n-grams of the text."""
        toks = [(m.start(), m.end(), m.group(0)) for m in _WORD_RE.finditer(text)]
        n = len(toks)
        keys = [_norm_word(t[2]) for t in toks]
        joins = [bool(_JOIN_RE.fullmatch(text[toks[i][1]:toks[i + 1][0]])) for i in range(n - 1)]
        names, prefixes, cased = self._names, self._prefixes, self._cased
        out: list[tuple[int, int, str, str, int | None]] = []
        for i in range(n):
            if not keys[i]:
                continue
            k = ""
            for j in range(i, min(n, i + self._max_words)):
                if j > i and not joins[j - 1]:
                    break
                word = toks[j][2]
                k = keys[j] if j == i else f"{k} {keys[j]}"
                end = toks[j][1]
                hit = names.get(k)
                possessive = word.endswith(("'s", "’s"))
                if hit is None and possessive:
                    # "KNU's", "the NUG's": the name without the possessive
                    k2 = (k[: len(k) - len(keys[j])] + _norm_word(word[:-2])).strip()
                    hit = names.get(k2)
                    if hit is not None:
                        end -= 2
                if hit is not None:
                    how = "typo" if k in self._typo_keys and k not in self._proper else "alias"
                    out.append((toks[i][0], end, hit, how, None))
                if word[:1].isupper() or word[:1].isdigit():
                    raw = text[toks[i][0]:toks[j][1]]
                    if raw in cased:
                        how = "typo" if norm(raw) in self._typo_keys else "abbreviation"
                        out.append((toks[i][0], toks[j][1], cased[raw], how, None))
                    elif possessive and raw[:-2] in cased:
                        out.append((toks[i][0], toks[j][1] - 2, cased[raw[:-2]], "abbreviation", None))
                if k not in prefixes and not possessive:
                    break
        return out

    def find_actors(self, text: str) -> list[ActorMention]:
        """Actor mentions in ``text`` with character offsets, longest match first.

        Names match case-insensitively (with apostrophe and Defence/Defense variants),
        abbreviations case-sensitively. "KNU Brigade 5" / "KNLA's 6th Brigade" are one
        mention of the brigade; "<Place> PDF" / "<Place> People's Defence Force" and other named
        local forces ("<Name> Defence Force", "<Name> Revolution Force") are PDF, the codebook's
        "local resistance forces"; unnamed "resistance forces", "local resistance group" ... are
        UNKNOWN-RESISTANCE; regime units ("LIB 402", "MOC-16") are Tatmadaw (BGF battalions
        BGF) mentions with ``how="unit"``.
        """
        if not hasattr(self, "_names"):
            self._build_text_index()
        cands: list[tuple[int, int, str, str, int | None]] = []
        for m in _BRIGADE_RE.finditer(text):
            a = self._brigade_actor(m)
            g = m.groups()
            num = next(x for x in (g[1], g[2], g[3], g[4]) if x)
            cands.append((m.start(), m.end(), a.id, "brigade", int(num)))
        cands += self._alias_candidates(text)
        for u in parse_units(text):
            aid = _UNIT_ACTOR.get(u.type, "TATMADAW")
            cands.append((u.start, u.end, aid, "unit", u.number))
        for m in _REGIONAL_PDF_RE.finditer(text):
            s, e = self._trim_prefix(text, m)
            if s is None:
                continue
            known = self.resolve_candidate(text[s:e])
            aid = known.actor.id if known and known.how in ("alias", "abbreviation") else "PDF"
            cands.append((s, e, aid, "regional_pdf", None))
        for m in _DEFENCE_FORCE_RE.finditer(text):
            s, e = self._trim_prefix(text, m)
            if s is None:
                continue
            known = self.resolve_candidate(text[s:e])
            if known and known.how in ("alias", "abbreviation"):
                cands.append((s, e, known.actor.id, "alias", None))
            else:
                cands.append((s, e, "PDF", "defence_force", None))
        for m in _POLICE_CDM_CHANNEL_RE.finditer(text):
            cands.append((m.start(), m.end(), "POLICE-CDM-CHANNEL", "pattern", None))
        cands.sort(key=lambda c: (-(c[1] - c[0]), c[0], c[3] != "brigade"))
        taken: list[tuple[int, int]] = []
        out: list[ActorMention] = []
        for s, e, aid, how, num in cands:
            if any(s < b and a < e for a, b in taken):
                continue
            taken.append((s, e))
            a = self.actors[aid]
            out.append(ActorMention(text[s:e], s, e, aid, a.canonical,
                                    "generic" if aid == "UNKNOWN-RESISTANCE" and how == "alias" else how, num))
        out.sort(key=lambda m: m.start)
        return out

    @staticmethod
    def _trim_prefix(text: str, m: re.Match[str]) -> tuple[int | None, int]:
        """Drop leading function words ("The", "Local", "NUG's") from a pattern match."""
        s, e = m.start(), m.end()
        words = list(re.finditer(r"\S+", text[s:e]))
        k = min(_function_words_before([w.group(0) for w in words]), max(len(words) - 1, 0))  # keep the last word
        if k:
            s = s + words[k].start()
        head = text[s:e].split()[0] if text[s:e].split() else ""
        if head.upper() in ("PDF", "PDFS") and m.group(0).split()[0] != head:
            return None, e
        if re.match(r"(?i)(?:people|peoples?)\b", head):
            return None, e  # "People's Defence Force" alone: the alias regex has it
        return s, e


# ---------------------------------------------------------------------------------------------
# module-level API
# ---------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def get_registry() -> ActorRegistry:
    """The shipped actor registry, loaded once per process."""
    return ActorRegistry.load()


def resolve_actor(name: str) -> Actor | None:
    return get_registry().resolve(name)


def canonical_actor(name: str) -> str | None:
    return get_registry().canonical(name)


def find_actors(text: str) -> list[ActorMention]:
    """Actor mentions in ``text`` (see :meth:`ActorRegistry.find_actors`)."""
    return get_registry().find_actors(text)


def lookup_actors(query: str, limit: int = 10) -> list[ActorCandidate]:
    """Printable candidates for the CLI: ``for c in lookup_actors("KNDF"): print(c)``."""
    return get_registry().lookup(query, limit=limit)


def benchmark_load(repeat: int = 3) -> float:
    """Load the registry and compile its text patterns ``repeat`` times; print and return the
    best time in seconds."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        r = ActorRegistry.load()
        r.find_actors("KNU")  # builds the text index
        best = min(best, time.perf_counter() - t0)
    print(f"actor registry: {len(r)} actors, load + compile {best * 1000:.0f} ms (best of {repeat})")
    return best


__all__ = [
    "Actor", "ActorCandidate", "ActorMention", "ActorRegistry", "Unit", "benchmark_load",
    "canonical_actor", "find_actors", "get_registry", "lookup_actors", "norm", "parse_unit",
    "parse_units", "resolve_actor",
]


def home_place(actor_id: str) -> Place | None:
    """The gazetteer place an organisation is based in, or None for country-wide actors."""
    name = get_registry().home_of(actor_id)
    if name is None:
        return None
    from allegiance.normalise.places import resolve_place

    return resolve_place(name)


def group_home(name: str) -> Place | None:
    """The place a local group's own name carries: "Khin-U PDF" and "Myaung People's Defence
    Force" are the PDFs of Khin-U and Myaung townships, "PDF-Monywa" that of Monywa."""
    m = _REGIONAL_PDF_RE.fullmatch(name.strip())
    if m is None:
        return None
    words = (m.group(1) or m.group(2)).split()
    words = words[_function_words_before(words):]
    if not words:
        return None
    from allegiance.normalise.places import resolve_place

    return resolve_place(" ".join(words))
