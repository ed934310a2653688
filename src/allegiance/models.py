"""The codebook as typed models: the single source for extraction, storage, API and exports.

`../shared/codebook.md` is the contract. Every model here can produce exactly the codebook's
JSON with ``to_codebook()``; the extra fields (offsets, P-codes, provenance) are what
allegiance keeps beyond the contract so each value can be traced to the words behind it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from enum import Enum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

ADMIN1 = (
    "Kachin", "Kayah", "Kayin", "Chin", "Sagaing", "Tanintharyi", "Bago", "Magway",
    "Mandalay", "Mon", "Rakhine", "Yangon", "Shan", "Ayeyarwady", "Naypyitaw",
)

CANONICAL_ACTORS = (
    "TATMADAW", "MPF", "NUG", "NUG-MOD", "PDF", "CDM", "PEOPLES-EMBRACE", "PEOPLES-BOSOM",
    "POLICE-CDM-CHANNEL", "KIO", "KNU", "KNPP", "KNDF", "KNPLF", "KARENNI-IEC", "BGF", "AA",
    "TNLA", "MNDAA", "BROTHERHOOD-ALLIANCE", "CNF", "NCC", "UNKNOWN-RESISTANCE",
    # beyond the codebook's list (it says "extend, never rename"): armed groups the press names
    "CHIN-BROTHERHOOD", "PNLA", "DPLA", "DKBA", "SSPP", "RCSS", "UWSA",
)


class EventType(str, Enum):
    defection = "defection"
    surrender = "surrender"
    call_to_defect = "call_to_defect"
    tally = "tally"


Qualifier = Literal["exact", "approx", "at_least", "at_most", "vague"]
Certainty = Literal["reported", "unconfirmed", "confirmed"]
Force = Literal["tatmadaw", "police", "civil_service", "militia", "mixed"]
Category = Literal["soldier", "police", "civil_servant", "official", "militia", "mixed"]
Precision = Literal["day", "week", "month", "season", "year", "span"]
# How an article's own date was found: metadata (HTML/JSONL field), a date line in the text,
# inferred from the events the text describes, or not at all.
DateSource = Literal["metadata", "dateline", "content", "none"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


class DateSpan(_Model):
    """A closed span of days; ``precision`` says how finely the text fixed it."""

    start: dt.date
    end: dt.date
    precision: Precision = "span"

    @model_validator(mode="after")
    def _ordered(self) -> DateSpan:
        if self.end < self.start:
            raise ValueError(f"date span ends ({self.end}) before it starts ({self.start})")
        return self

    @classmethod
    def day(cls, day: dt.date) -> DateSpan:
        return cls(start=day, end=day, precision="day")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def to_codebook(self) -> dict[str, str]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat()}


class Place(_Model):
    """Where something happened: the name as written plus what the gazetteer resolved."""

    name: str
    admin1: str | None = None
    admin2: str | None = None  # district
    admin3: str | None = None  # township
    pcode: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    # 1 town/village point, 2 township, 3 district or state centroid, 4 country
    geo_precision: int | None = Field(default=None, ge=1, le=4)

    def to_codebook(self) -> dict[str, Any]:
        return {"name": self.name, "admin1": self.admin1}


class Count(_Model):
    value: int | None = None
    low: int | None = None
    high: int | None = None
    qualifier: Qualifier = "exact"

    @model_validator(mode="after")
    def _bounds(self) -> Count:
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"count low {self.low} above high {self.high}")
        return self

    @classmethod
    def exact(cls, n: int) -> Count:
        return cls(value=n, low=n, high=n, qualifier="exact")

    def to_codebook(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


class UnitRef(_Model):
    """A regime unit parsed from how it is written, so analysts can count units:
    "Light Infantry Battalions 402 and 403" -> LIB 402, LIB 403."""

    type: str  # canonical abbreviation: LIB, IB, LID, MOC, ROC, RMC, BGF, ...
    number: int | None = None
    name: str | None = None  # "Laukkai" (ROC), "Northeastern" (RMC)

    @property
    def label(self) -> str:
        return " ".join(str(p) for p in (self.type, self.number if self.number is not None else self.name) if p is not None)


class Who(_Model):
    force: Force
    category: Category
    unit: str | None = None  # as written
    units: list[UnitRef] = Field(default_factory=list)  # beyond the codebook: parsed

    def to_codebook(self) -> dict[str, Any]:
        return {"force": self.force, "category": self.category, "unit": self.unit}


class Event(_Model):
    """One codebook event, with the offsets and provenance that trace it to the text."""

    type: EventType
    date: DateSpan | None = None
    location: Place | None = None
    count: Count | None = None
    who: Who | None = None
    to: str | None = None
    actor: str | None = None
    claimed_by: str | None = None
    certainty: Certainty = "reported"
    evidence: str
    # Beyond the codebook: character offsets of `evidence` in Document.text, the trigger word,
    # which rule or source filled each field, and the extractor that made the event.
    evidence_start: int | None = None
    evidence_end: int | None = None
    trigger: str | None = None
    provenance: dict[str, str] = Field(default_factory=dict)
    extractor_version: str | None = None

    def to_codebook(self) -> dict[str, Any]:
        return {
            "type": self.type.value,
            "date": self.date.to_codebook() if self.date else None,
            "location": self.location.to_codebook() if self.location else None,
            "count": self.count.to_codebook() if self.count else None,
            "who": self.who.to_codebook() if self.who else None,
            "to": self.to,
            "actor": self.actor,
            "claimed_by": self.claimed_by,
            "certainty": self.certainty,
            "evidence": self.evidence,
        }


class BoilerplateLine(_Model):
    """A line the ingest stage dropped, and why (kept so the choice can be inspected)."""

    line: int
    text: str
    reason: str


class Document(_Model):
    """One article as ingest hands it on: clean text plus what is known about it."""

    name: str  # file name, or "file.jsonl#3" for the third line of a JSONL file
    text: str  # article text with boilerplate lines removed
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    source_path: str | None = None
    format: Literal["txt", "html", "jsonl"] = "txt"
    # The article's own date: as stated (metadata or a date line), else the best single-day
    # estimate inferred from the content (the latest day the text shows it knew of).
    published: dt.date | None = None
    published_span: DateSpan | None = None  # tightest span known or inferred
    published_source: DateSource = "none"  # how `published` was found
    removed: list[BoilerplateLine] = Field(default_factory=list)
    raw_chars: int = 0

    @property
    def id(self) -> str:
        """Content hash: the same article text is the same document, whatever its file name."""
        return content_hash(self.text)

    @property
    def stem(self) -> str:
        base = self.name.rsplit("/", 1)[-1]
        if "#" in base:
            base, line = base.split("#", 1)
            return f"{base.rsplit('.', 1)[0]}.{line}"
        return base.rsplit(".", 1)[0] if "." in base else base

    @property
    def reference_date(self) -> dt.date | None:
        """The date relative expressions ("last month", "on Sunday") resolve against."""
        return self.published


class ExtractionResult(_Model):
    """What the pipeline gives back for one document."""

    document: Document
    events: list[Event]

    def to_codebook(self) -> dict[str, Any]:
        doc = self.document
        out: dict[str, Any] = {
            "doc": doc.name,
            "published": doc.published.isoformat() if doc.published else None,
        }
        if doc.published_span:
            out["published_span"] = doc.published_span.to_codebook()
        out["events"] = [e.to_codebook() for e in self.events]
        return out


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
