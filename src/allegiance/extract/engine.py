"""The extraction engine: Document in, codebook events out.

1. Split the article into sentences (regex, no model) and find trigger words (lexicon).
2. Parse only the sentences with a trigger (spaCy), and keep the mentions that pass the
   reality checks (negation, modality, appeals, denials).
3. Decide each mention's type (a tally is a figure over a period; a surrender needs fighting).
4. Fill every field, recording the rule behind it.
5. Fold repeats of one happening (headline, lede, body) into one event.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from allegiance.extract import arguments as args
from allegiance.extract import lexicon as lx
from allegiance.extract.mentions import Mention, find_mentions
from allegiance.models import CANONICAL_ACTORS, Count, DateSpan, Document, Event, EventType, Place, Who
from allegiance.nlp import Sentence, load_pipeline, split_sentences
from allegiance.normalise import actors as actor_registry

log = logging.getLogger(__name__)

EXTRACTOR_VERSION = "rules-0.1"
_ANY_TRIGGER = re.compile("|".join(f"(?:{r.pattern.pattern})" for r in lx.TRIGGERS), re.IGNORECASE)
_DEFINITE_EVENT = re.compile(r"\bthe\s+(?:defections?|desertions?|surrenders?)\b", re.IGNORECASE)


@dataclass
class Draft:
    """An event under construction: the codebook fields plus where each came from."""

    type: EventType
    mention: Mention
    evidence: tuple[int, int]  # absolute offsets in Document.text
    count: Count | None = None
    who: Who | None = None
    to: str | None = None
    actor: str | None = None
    claimed_by: str | None = None
    certainty: str = "reported"
    date: DateSpan | None = None
    location: Place | None = None
    provenance: dict[str, str] = field(default_factory=dict)
    merged: int = 1

    def set(self, name: str, value: object, rule: str) -> None:
        setattr(self, name, value)
        if value is not None:
            self.provenance[name] = rule


class Extractor:
    """Rules over a spaCy parse. Build once; call `extract` per document."""

    version = EXTRACTOR_VERSION

    def __init__(self, model: str | None = None) -> None:
        self.nlp = load_pipeline(model) if model else load_pipeline()

    # -- public ------------------------------------------------------------------------------
    def extract(self, doc: Document) -> list[Event]:
        return next(iter(self.extract_many([doc])))

    def extract_many(self, docs: Iterable[Document], batch_size: int = 64) -> Iterator[list[Event]]:
        """Events per document, parsing candidate sentences of many documents in one stream."""
        for doc in docs:
            sentences = split_sentences(doc.text)
            cands = [s for s in sentences if _ANY_TRIGGER.search(s.text)]
            parsed = dict(zip((s.index for s in cands), self.nlp.pipe((s.text for s in cands), batch_size=batch_size)))
            yield self._events(doc, sentences, parsed)

    # -- stages ----------------------------------------------------------------------------
    def _events(self, doc: Document, sentences: list[Sentence], parsed: dict) -> list[Event]:
        mentions: list[Mention] = []
        for idx, sdoc in parsed.items():
            sent = sdoc[:]
            mentions.extend(find_mentions(sentences[idx], sent))
        mentions.sort(key=lambda m: (m.sentence.start, m.trigger.i))
        drafts: list[Draft] = []
        for mention in mentions:
            draft = self._draft(doc, sentences, mention, drafts)
            if draft is not None:
                drafts.append(draft)
        self._attach_later_dates(doc, sentences, drafts)
        drafts = _fold_repeats(drafts)
        return [self._finish(doc, d) for d in drafts]

    def _type_of(self, mention: Mention, count: Count | None, sentences: list[Sentence], drafts: list[Draft]) -> tuple[EventType | None, str]:
        text = mention.sentence.text
        kind = mention.kind
        aggregate = bool(lx.PERIOD_CUE.search(text))
        if kind == "call":
            return EventType.call_to_defect, f"appeal '{mention.trigger_text}' with a goal"
        if kind == "follow":
            prev = next((d for d in reversed(drafts) if d.type in (EventType.defection, EventType.surrender)), None)
            if prev is None:
                return None, "followed suit with nothing before"
            return prev.type, f"'followed suit' after a {prev.type.value}"
        if kind in ("contact", "result", "tally_noun"):
            if count is None:
                return None, f"'{mention.trigger_text}' without a figure"
            return EventType.tally, f"figure with '{mention.trigger_text}'"
        if count is not None and aggregate and count.qualifier != "exact" or (count is not None and aggregate and (count.value or 0) >= 50):
            return EventType.tally, f"figure over a period ('{lx.PERIOD_CUE.search(text).group(0)}')"
        if kind == "surrender":
            i = mention.sentence.index
            window = " ".join(s.text for s in sentences[max(0, i - 1):i + 2])
            if lx.FIGHTING_CUE.search(window):
                return EventType.surrender, "surrender with fighting nearby"
            if re.search(r"\bdefect|\bdefection", window, re.IGNORECASE):
                return EventType.defection, "surrender without fighting that the text calls a defection"
            return EventType.surrender, "surrender"
        return EventType.defection, f"'{mention.trigger_text}'"

    def _draft(self, doc: Document, sentences: list[Sentence], mention: Mention, drafts: list[Draft]) -> Draft | None:
        s = mention.sentence
        text = s.text
        trig = mention.trigger.idx - mention.trigger.doc[:].start_char if False else mention.trigger.idx
        subject_text = mention.span_text(mention.subject)
        people_text = mention.span_text(mention.target) if mention.kind == "call" else subject_text
        count, count_rule = args.count_for(people_text, len(people_text)) if people_text else (None, "")
        if count is None and mention.kind != "call":
            count, count_rule = args.count_for(text[:trig], trig)
        etype, type_rule = self._type_of(mention, count, sentences, drafts)
        if etype is None:
            log.debug("mention %r dropped: %s", mention.trigger_text, type_rule)
            return None
        ev = (s.start + mention.evidence[0], s.start + mention.evidence[1])
        d = Draft(type=etype, mention=mention, evidence=ev)
        d.provenance["type"] = f"{type_rule} [{mention.rule}]"
        if etype != EventType.call_to_defect:
            d.set("count", count, count_rule)
        who, who_rule = args.who_for(people_text, fallback=text)
        if who is None and etype == EventType.call_to_defect:
            who, who_rule = args.who_for(text[trig:])
        d.set("who", who, who_rule)

        # Who they joined / who speaks.
        if etype in (EventType.defection, EventType.surrender, EventType.tally):
            to, rule = args.receiving_actor(text, trig)
            if to is None and mention.kind == "follow":
                prev = next((x for x in reversed(drafts) if x.type == etype), None)
                if prev is not None and prev.to:
                    to, rule = prev.to, "same as the event it followed"
            d.set("to", to, rule)
        if etype == EventType.call_to_defect:
            goal = text[trig:]
            if re.search(r"\bCDM\b|civil\s+disobedience", goal, re.IGNORECASE):
                d.set("to", "CDM", "goal names the CDM")
            issuer, rule = self._issuer(doc, mention)
            d.set("actor", issuer, rule)

        claimant, rule = args.attribution_in(text, trig)
        if claimant == "@anaphor":
            claimant, rule = self._antecedent(doc, s.start, prefer=d.to or d.actor), rule + " -> earlier actor"
        if claimant is None and etype == EventType.call_to_defect:
            claimant, rule = d.actor, "the issuer"
        d.set("claimed_by", claimant, rule)
        if etype == EventType.tally and d.actor is None:
            if claimant in CANONICAL_ACTORS:
                d.set("actor", claimant, "claimant")
            elif d.to and d.to != "CDM":
                d.set("actor", d.to, "receiving organisation reports its own figure")
                if d.claimed_by is None:
                    d.set("claimed_by", d.to, "receiving organisation reports its own figure")

        # Refuse surrenders to the regime and resistance members "defecting" to it.
        subj_actors = args.actors_in(subject_text)
        if d.to and args.side_of(d.to) == "regime":
            return None
        if subj_actors and all(a.side == "resistance" for a in subj_actors) and d.who is None and etype != EventType.call_to_defect:
            return None
        if etype in (EventType.defection, EventType.surrender) and d.who is None and d.count is None:
            return None
        if d.who is None and d.to == "CDM":
            d.set("who", Who(force="civil_service", category="civil_servant"), "joiners of the CDM are civil servants unless named")

        cert, rule = args.certainty_in(text, d.claimed_by)
        d.set("certainty", cert, rule)
        date, rule = args.event_date(text, trig, self._ref(doc), tally=etype == EventType.tally)
        d.set("date", date, rule)
        place, rule = args.event_place(text, trig)
        d.set("location", place, rule)
        return d

    def _issuer(self, doc: Document, mention: Mention) -> tuple[str | None, str]:
        s = mention.sentence
        for span_text, where in ((mention.span_text(mention.subject), "subject"), (s.text[: mention.trigger.idx], "speaker before the appeal")):
            for hit in args.actors_in(span_text):
                if hit.side != "regime":
                    return hit.canonical, f"{where}: actor '{hit.text}'"
        return self._antecedent(doc, s.start), "earlier actor in the article"

    def _antecedent(self, doc: Document, before: int, prefer: str | None = None) -> str | None:
        hits = [h for h in args.actors_in(doc.text[:before]) if h.side != "regime" and h.canonical != "CDM"]
        if prefer and prefer != "CDM" and any(h.canonical == prefer for h in hits):
            return prefer
        if prefer and prefer != "CDM" and not hits:
            return prefer
        return hits[-1].canonical if hits else (prefer if prefer != "CDM" else None)

    @staticmethod
    def _ref(doc: Document) -> dt.date | None:
        """The day relative words resolve against. An inferred date is the earliest day the
        article can have been written, so a weekday may fall on it."""
        if doc.published and doc.published_source == "content":
            return doc.published + dt.timedelta(days=1)
        return doc.published

    def _attach_later_dates(self, doc: Document, sentences: list[Sentence], drafts: list[Draft]) -> None:
        """'It was unclear when the defections took place, but ... since Sunday': a later
        sentence that names the happening gives its time."""
        for d in drafts:
            if d.date is not None or d.type == EventType.call_to_defect:
                continue
            for s in sentences[d.mention.sentence.index + 1:d.mention.sentence.index + 8]:
                if _DEFINITE_EVENT.search(s.text):
                    date, rule = args.event_date(s.text, 0, self._ref(doc), tally=False)
                    if date is not None:
                        d.set("date", date, f"later sentence about the happening: {rule}")
                        break

    def _finish(self, doc: Document, d: Draft) -> Event:
        if d.date is None:
            span = doc.published_span or (DateSpan.day(doc.published) if doc.published else None)
            if span is not None:
                d.set("date", span, "no time stated: the article's date")
        if d.location is None:
            place, rule = _default_place(d)
            d.set("location", place, rule)
        start, end = d.evidence
        return Event(
            type=d.type, date=d.date, location=d.location, count=d.count, who=d.who, to=d.to,
            actor=d.actor if d.type in (EventType.call_to_defect, EventType.tally) else None,
            claimed_by=d.claimed_by, certainty=d.certainty, evidence=doc.text[start:end],
            evidence_start=start, evidence_end=end, trigger=d.mention.trigger_text,
            provenance=d.provenance, extractor_version=EXTRACTOR_VERSION,
        )


def _default_place(d: Draft) -> tuple[Place | None, str]:
    org = d.actor or (d.to if d.to != "CDM" else None)
    if org:
        home = actor_registry.home_place(org)
        if home is not None:
            return home, f"home area of {org}"
    if d.type == EventType.tally:
        return Place(name="Myanmar", admin1=None, geo_precision=4), "country-wide figure"
    return None, "no place stated"


def _compatible(a: Draft, b: Draft) -> bool:
    if a.type != b.type:
        return False
    if a.mention.kind == "follow" or b.mention.kind == "follow":
        return False
    pairs = [
        (a.count.value if a.count else None, b.count.value if b.count else None),
        (a.to, b.to),
        (a.location.admin1 if a.location else None, b.location.admin1 if b.location else None),
    ]
    if a.type == EventType.call_to_defect:
        pairs.append((a.actor, b.actor))
    else:
        pairs.append((a.who.category if a.who else None, b.who.category if b.who else None))
    if any(x is not None and y is not None and x != y for x, y in pairs):
        return False
    if a.date and b.date and (a.date.end < b.date.start or b.date.end < a.date.start):
        if "article's date" not in a.provenance.get("date", "") + b.provenance.get("date", ""):
            return False
    if a.type == EventType.tally:
        return a.mention.sentence.index != b.mention.sentence.index and a.count is not None and b.count is not None
    return True


def _fold_repeats(drafts: list[Draft]) -> list[Draft]:
    """One happening once per article: fold later compatible mentions into the first."""
    out: list[Draft] = []
    for d in drafts:
        host = next((o for o in out if _compatible(o, d)), None)
        if host is None:
            out.append(d)
            continue
        host.merged += 1
        for name in ("count", "who", "to", "actor", "claimed_by", "date", "location"):
            mine, theirs = getattr(host, name), getattr(d, name)
            if name == "who" and mine and theirs and mine.category != theirs.category:
                host.set("who", Who(force="mixed", category="mixed", unit=mine.unit or theirs.unit), "repeats name several groups")
            elif name == "who" and mine and theirs and mine.unit is None and theirs.unit:
                host.set("who", mine.model_copy(update={"unit": theirs.unit}), f"{host.provenance['who']}; unit from a repeat")
            elif mine is None and theirs is not None:
                host.set(name, theirs, f"{d.provenance.get(name, '')} (from a repeat in sentence {d.mention.sentence.index + 1})")
            elif name == "location" and mine and theirs and (theirs.geo_precision or 4) < (mine.geo_precision or 4):
                host.set(name, theirs, f"{d.provenance.get(name, '')} (more specific, from a repeat)")
        if d.certainty == "unconfirmed":
            host.set("certainty", "unconfirmed", d.provenance.get("certainty", ""))
    return out
