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
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from typing import Literal

from allegiance.extract import arguments as args
from allegiance.extract import lexicon as lx
from allegiance.extract.mentions import (
    Mention,
    accompanied_by,
    companions_named,
    find_mentions,
    first_person,
    helper_of,
    helpers_figure,
    loose_period_cue,
    narrations,
    period_cue,
    poster_of,
    words_said,
)
from allegiance.extract.numbers import find_counts, number_value, parse_count
from allegiance.models import CANONICAL_ACTORS, Count, DateSpan, Document, Event, EventType, Place, Who
from allegiance.nlp import CHAT_PREFIX, SPEAKER_LABEL, Sentence, chat_day, for_parsing, load_pipeline, split_sentences
from allegiance.normalise import actors as actor_registry
from allegiance.normalise import places as gazetteer
from allegiance.normalise.dates import ordinal_number, resolve, revolution_day

log = logging.getLogger(__name__)

EXTRACTOR_VERSION = "rules-0.18"
# A figure this large with no date of its own is a running total, not one happening.
AGGREGATE_SIZE = 1000
# those a bare number after them may count: leavers, or those who asked a network how to leave
_LEAVERS = re.compile(r"\b(?:defectors|deserters|defections|desertions|contacts|contacted|requests\s+for\s+help"
                      r"|how\s+to\s+(?:leave|get\s+out|defect))\b", re.IGNORECASE)
_ANY_TRIGGER = re.compile("|".join(f"(?:{r.pattern.pattern})" for r in lx.TRIGGERS), re.IGNORECASE)
_DEFINITE_EVENT = re.compile(r"\bthe\s+(?:defections?|desertions?|surrenders?)\b", re.IGNORECASE)
_DEFINITE_CALL = re.compile(
    r"\b(?:issued|made|published|released|sent|posted|announced|delivered)\s+(?:the|its|their|this)\s+(?:appeal|call|warning|letters?|statement|message|leaflets?)\b"
    r"|\b(?:the|this|that)\s+(?:appeal|warning|letters?|statement|message|leaflets?|announcement)\s+(?:was|were)\s+"
    r"(?:set\s+out|issued|made|published|released|sent|posted|dated|signed|delivered|distributed|broadcast)\b"
    r"|\b(?:letters?|statement|message|leaflets?)\s+dated\b",
    re.IGNORECASE,
)
# the issuer names itself as where to go: "come to us", "join us" (not "contact us": the seed gold leaves
# `to` empty for a call that names no body to join, as in "collaborate with the committee")
_TO_ISSUER_ITSELF = re.compile(r"\b(?:c(?:o|a)me\s+to\s+us\b|join\s+us\b|contact\s+us\b|(?:message|text|phone)\s+us\b|(?:come|cross|go)\s+over\s+to\s+us\b)", re.IGNORECASE)
# "to come over", "to lay down their arms and come over", "to follow suit", "to cross to its side": to the side of the
# issuer, which names no other place to go
# ("come over to the side of the people", "to the revolution" name a side, not a body)
_COME_OVER = re.compile(r"(?i)[^,;.]*?\b(?:to|and|should|must)\W{0,3}(?:\w+ly\s+)?(?:(?:come|cross)\s+over\b(?!\s+to\b)|follow\s+suit\b"
                        r"|(?:come|cross)\s+(?:over\s+)?to\s+its\s+side\b"
                        # "come home to the Kachin people", "return to the Karen people", "come over to Kawthoolei":
                        # the issuer's own people or land
                        r"|(?:come|return|cross)\s+(?:over\s+|home\s+|back\s+)?to\s+(?:the\s+(?-i:[A-Z][\w'’]+)\s+people\b|Kawthoolei\b))")
# "surrendered to security forces", "gave themselves up to the authorities": to the regime's side
_TO_THE_REGIME = re.compile(r"(?i)\s+(?:themselves\s+)?(?:up\s+)?(?:\w+\s+)?to\s+(?:the\s+)?(?:(?:junta|military|regime|government|state)(?:['’]s)?\s+)?"
                            r"(?:security\s+forces|authorities|military|army|junta|regime|Tatmadaw|government\s+(?:forces|troops))\b(?!\s+of\b)")
# the people of the event "were received by" a group, told before the trigger of a later clause
_RECEIVED_BY = re.compile(r"\b(?:was|were|been|being)\s+(?:\w+ly\s+)?(?:received|welcomed|taken\s+in|sheltered|accepted)\s+by\b", re.IGNORECASE)
# a clause joined to the event's that tells where they went
_THEN_REACHED = re.compile(r"\s*,?\s*and\s+(?:later\s+|then\s+|eventually\s+|safely\s+)?(?:reached|crossed|went|fled|arrived|"
                           r"made\s+(?:their|his|her)\s+way|were\s+(?:taken|received|welcomed)|was\s+(?:taken|received|welcomed)"
                           # where they are now: "and is now sheltering in an area controlled by the KNU",
                           # "and is now with a local People's Defence Force", "and has been placed under the
                           # protection of the Ministry"
                           r"|(?:is|are|has\s+been|have\s+been)\s+(?:now\s+)?(?:believed\s+to\s+be\s+)?(?:sheltering|staying|living|hiding|based|"
                           r"with|under\s+the\s+protection|placed\s+under\s+the\s+protection|in\s+the\s+care))\b",
                           re.IGNORECASE)
# a statement told far from the appeal it made dates that appeal only when it is this recent
_RECENT_STATEMENT = dt.timedelta(days=7)
_STATEMENT = re.compile(r"\b(?:announced|said|stated|issued|released|published|posted|declared|appealed|urged|called)\b", re.IGNORECASE)
_SAME_TIME = re.compile(r"\b(?:that|the\s+same)\s+(?:morning|day|afternoon|evening|night)\b|\blater\s+that\s+day\b", re.IGNORECASE)
# "Since then, more than 1,200 ...": from the time told before
_SINCE_THEN = re.compile(r"(?i)\bsince\s+then\b")
# those who came to the ministry whose statement it is
_TO_THE_MINISTRY = re.compile(r"\b(?:contacted|joined|reached|to|under|with|in\s+the\s+care\s+of)\s+the\s+Ministry\b(?:['’]s\s+(?:protection|care|hotline))?")
# a report's verb and what it says: "announced in late January that"
_TOLD_THAT = re.compile(r"(?i)\b(?:announced|said|says|stated|reported|claimed|revealed|estimated|told\s+[\w\s]{1,30}?)\b[^.;:“”\"]{0,60}?\bthat\b")
# a breakdown that opens its sentence: "Of these, 718 have completed their defection"
_OF_THESE = re.compile(r"(?i)\W*Of\s+(?:that\s+number|" + lx.THOSE_TOLD + r"),\s")
# the subject of a sentence that tells more of the people just named: "The soldiers, from ...",
# "The eight", "They", "All of them"
_REFERS_BACK = re.compile(
    # after a time that opens the sentence: "On Wednesday, the three reached ..."
    r"\s*(?:(?:On|By|Early\s+on|Late\s+on|Later\s+on)\s+[A-Z]\w+(?:\s+(?:night|morning|evening|afternoon))?,\s+(?=the\s|they\s))?"
    r"(?:(?:[Tt]he|These|Those)\s+(?:(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+|young|junior|"
    r"senior|former|police|army|militia|navy|new)\s+){0,2}(?:officers?|soldiers|policemen|police|men|women|troops|personnel|"
    r"staff|members|defectors|deserters|conscripts|sailors|airmen|militiamen|recruits|group|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|\d+)\b|(?:[Tt]hey|All\s+of\s+them|Both\s+of\s+them)\b"
    # one person told of again: "The corporal arrived at a KIA base last week"
    r"|The\s+(?:young\s+|former\s+)?(?:corporal|sergeant|captain|major|lieutenant|colonel|private|constable|policeman|"
    r"policewoman|soldier|officer|deserter|defector|conscript|sailor)\b)"
    # not a noun the word only modifies: "The defector network People's Soldiers recorded ..."
    r"(?!\s+(?:network|group|channel|page|organi[sz]ation|association|movement|station|committee|council|union|"
    r"corps|families|wives|relatives|campaign|scheme|programme|program|hotline|platform)\b)")
# the one person of a lede named in the next sentence: "Police Major Thet Naing Oo", "Captain Zaw Lin, 34,"
_RANK_NAMED_AGAIN = re.compile(r"\s*(?:(?:Police|Army|Navy|Air\s+Force|Deputy|Senior|Lance|Staff)\s+)?(?P<rank>Major|Captain|Lieutenant|Colonel"
                               r"|Sergeant|Corporal|Private|Constable|Inspector|Sub-[Ii]nspector)\s+(?:[A-Z][\w’'.-]+\s+){0,3}[A-Z][\w’'.-]+"
                               r"(?:,\s+\d{2},)?")
# a sentence about the appeal just told: "The statement was issued on Monday", "It was posted on Sunday"
_APPEAL_BACK = re.compile(
    r"\s*(?:(?:The|That|This|Its|Their|His|Her|In\s+(?:a|the|its|their|his|her))\s+(?:\w+\s+){0,2}(?:statement|appeal|call|message|announcement|letter|post|"
    r"video|notice|offer|warning|speech|broadcast)s?\b|(?:It|They|He|She|The\s+(?:group|ministry|alliance|army|council|"
    r"government|committee|network))\s+(?:\w+\s+){0,2}?(?:issued|posted|made|published|released|broadcast|announced|"
    r"circulated|shared|sent|read\s+out)\b)")
# a small count of days or weeks: "two days later", "a week after ..."
_FEW = r"\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten"
# "two days later", "the following morning", "a day earlier": counted from the time just told
_OFFSET = re.compile(
    rf"\b(?:(?P<n>{_FEW})\s+(?P<unit>days?|weeks?)\s+"
    r"(?P<dir>later|earlier|afterwards|after\s+that|before\s+that)"
    r"|(?:on\s+)?the\s+(?P<dir2>next|following|previous|preceding)\s+(?:day|morning|night|evening|afternoon)"
    r"|(?P<dir3>(?:the\s+)?day\s+after|(?:the\s+)?(?:day|night|evening)\s+before)(?=\s*(?:[,.;]|and\b))"
    # "a day before the garrison fell", "two days after the base was overrun": counted from the fall just told
    # ("a few days before the town fell": the three days before it)
    # ("the morning after the regime's airstrike on Kha Yin", "the week before the assault", "the morning
    # after Friday's ambush")
    r"|(?P<n2>a|one|two|three|four|five|six|seven|the|(?P<few>a\s+few|several|a\s+couple\s+of))\s+(?P<unit2>days?|weeks?|morning|night|evening)\s+"
    r"(?P<dir4>before|after)\s+(?:the|its|their|(?P<wdpos>(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))['’]s)\s+"
    r"(?:(?:[\w-]+\s+){1,3}?(?:fell|gave\s+up|surrendered|was\s+(?:captured|overrun|taken|seized)"
    # "a day after the police left", "two days after the statement"
    r"|left|withdrew|retreated|pulled\s+out|fled)"
    r"|(?:[\w-]+['’]s\s+)?(?:final\s+|last\s+|main\s+)?(?:assault|attack|fall|capture|surrender|statement|announcement|appeal|ultimatum"
    r"|air\s*strike|ambush|raid|bombing|shelling)"
    # "A week after the offensive began": counted from the day an earlier sentence says it was launched
    r"|(?:\w+\s+){0,2}?(?P<began>offensive|operation|assault|campaign|siege)\s+(?:began|started|was\s+launched|opened))"
    # "on the second day of the offensive": counted from the day it was launched
    r"|on\s+the\s+(?P<nth>first|second|third|fourth|fifth|sixth|seventh|\d{1,2}(?:st|nd|rd|th))\s+day\s+of\s+(?:the|its|their)\s+"
    r"(?:[\w-]+\s+){0,2}?(?P<began2>offensive|operation|assault|campaign|siege)"
    # "A week into the offensive", "ten days into their operation": counted from the day it was launched
    r"|(?P<n3>a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?P<unit3>days?|weeks?|fortnight)\s+into\s+"
    r"(?:the|its|their)\s+(?:[\w-]+\s+){0,2}?(?P<began3>offensive|operation|assault|campaign|siege)"
    r"|\blater\s+that\s+week"
    # "On the day the town fell": the day of the fall told elsewhere
    r"|(?P<sameday>on\s+the\s+(?:same\s+)?day\s+(?:the|its|their)\s+(?:[\w-]+\s+){1,3}?(?:fell|was\s+(?:captured|overrun|taken|seized)))"
    # the same time as told before: "on the same day", "in the same statement"
    r"|(?P<same>(?:on\s+)?the\s+same\s+day|that\s+same\s+day|in\s+the\s+same\s+(?:statement|announcement|message|video|post|"
    r"broadcast|letter|speech|interview|press\s+release)))\b", re.IGNORECASE)


# what an offset counts from, to find where it is told: "two days after the base fell" -> "fell"
_COUNTED_FROM_WHAT = re.compile(r"(?i)\b(?:fell|gave\s+up|surrendered|captured|overrun|taken|seized|left|withdrew|retreated"
                                r"|pulled\s+out|fled|statement|announcement|appeal|ultimatum|air\s*strike|ambush|raid|bombing|shelling)\b")
# "two days after the MNDAA announced on August 3 that ...": counted from a day the sentence tells next
_COUNTED_FROM_A_DAY = re.compile(rf"(?i)\b(?:(?P<n>{_FEW})|the)\s+(?P<unit>days?|weeks?)\s+"
                                 r"(?P<dir>after|before)\s+")
_TOLD_VERB = re.compile(r"(?i)\b(?:[a-z]{3,}ed|began|fell|took|came|won|lost|made|said|left|broke|overran|seized|went|was|were|had"
                        r"|withdrew|drew|fled|ran|gave|fought|struck|hit|held|sent|shot|rose|told|wrote|met|became)\b")


# "since the offensive began", "since the start of the operation", "since the letters went out":
# an offensive or a message told before
_SINCE_IT_BEGAN = re.compile(
    r"(?i)\bsince\s+(?:the\s+(?:start|beginning|launch)\s+of\s+)?(?:the|its|their|this|that)\s+(?:\w+\s+){0,2}?"
    r"(?P<noun>offensive|operation|assault|campaign|letter|notice|statement|announcement|appeal|ultimatum)s?"
    r"(?:\s+(?:began|started|was\s+launched|opened|went\s+out|was\s+(?:issued|sent|posted|published)))?\b")
_LAUNCH_WORDS = (r"launch\w*|began|begun|start\w*|open\w*|resum\w*|kick\w*\s+off|sent|issued|released|posted|"
                 r"dated|delivered|published|announced|went\s+out")
_LAUNCHED = re.compile(rf"(?i)\b(?:{_LAUNCH_WORDS})\b")


# a figure quoted as it was given: '"over 900" military personnel'
_QUOTED_FIGURE = re.compile(r"[\"“]((?:[A-Za-z]+\s+){0,2}\d[\d,]*)[\"”]\s+\w")
# a brief's line led by whose figure it is: "Arakan Army — 1,470 military and police personnel surrendered ..."
_LEADING_SOURCE = re.compile(r"^\W*(?P<who>[A-Z][^—–\n:]{1,60}?)\s+[—–]\s+")
# a brief's source note after an incident: "Source: AA statement."
_SOURCE_NOTE = re.compile(r"^\W*Sources?\s*:\s*(?P<who>[^.;\n]{2,80})")


def _listed_source(ctx: _DocContext, s: Sentence) -> tuple[str | None, str]:
    """Whose figure or report a brief's line gives: the body that leads the line ("Arakan Army —
    1,470 ... surrendered"), or the one its source note names in the sentences just after
    ("Source: AA statement.")."""
    lead = _LEADING_SOURCE.match(s.text)
    hits = [h for h in args.actors_in(lead.group("who")) if h.side != "regime"] if lead else []
    if hits:
        return hits[0].canonical, f"the body that leads the line ('{lead.group('who')}')"
    for nxt in ctx.sentences[s.index + 1:s.index + 3]:
        if _new_paragraph(ctx.doc, s, nxt):
            break
        note = _SOURCE_NOTE.match(nxt.text)
        hits = [h for h in args.actors_in(note.group("who")) if h.side != "regime"] if note else []
        if hits:
            return hits[0].canonical, f"the source note after it ('{note.group(0).strip()}')"
    return None, "no source listed"


_ONLY_TOLD = " (only the day it was told)"
# a question whether a claim is true: "Is it true that 40 police from Mawlamyine joined?" (a reporter's
# "Did police surrender there?" is answered in the next line, and folds into the answer)
_YES_NO_QUESTION = re.compile(r"(?:Is|Are|Was|Were|Did|Do|Does|Has|Have|Had|Can|Could|Will|Would)\b[^?]*\bthat\b[^?]*\?$")


def _only_told_on(text: str, date: DateSpan | None, ref: dt.date | None, context: str) -> bool:
    """Whether `date` is only the day something was said in `text` ("..., the group said in a
    statement on Monday")."""
    told = [m for m in args.dates_in(text, ref, context) if date is not None and m.span == date]
    return bool(told) and all(args.told_on(text, m.start) for m in told)


def _offset_days(m: re.Match[str]) -> int | None:
    """Days an offset cue moves from the time told before it (None: not a fixed offset)."""
    # "two days later", "a week earlier"; "a day before the garrison fell"
    for num, unit, way in (("n", "unit", "dir"), ("n2", "unit2", "dir4")):
        if m.group(num):
            n = 1 if m.group(num).lower() == "a" else 3 if num == "n2" and m.group("few") else number_value(m.group(num)) or 1
            n *= 7 if m.group(unit).lower().startswith("week") else 1
            return -n if m.group(way).lower().startswith(("earlier", "before")) else n
    if m.group("same") or m.group("sameday"):
        return 0
    if m.group("n3"):  # "a week into the offensive": a week after it began
        unit = m.group("unit3").lower()
        return (1 if m.group("n3").lower() == "a" else number_value(m.group("n3")) or 1) * (
            14 if unit == "fortnight" else 7 if unit.startswith("week") else 1)
    if m.group("nth"):  # "on the second day of the offensive": a day after it began
        return ordinal_number(m.group("nth")) - 1
    word = (m.group("dir2") or m.group("dir3") or "").lower()
    if not word:
        return None
    return -1 if word.startswith(("previous", "preceding")) or word.endswith("before") else 1


_SINCE_THE_COUP_TO = re.compile(rf"(?i)\b{lx.FROM_THE_COUP_TO}")
# a whole calendar year as the period a figure covers ("in 2024"; not "in March 2024")
_A_WHOLE_YEAR = re.compile(r"\bin\s+(?:19|20)\d\d\b(?!\s*[-–/]\d)")
_DENIAL = re.compile(r"\b(?:denied|denies|dismissed|rejected)\b[^.]{0,120}?\b(?:defect\w*|desert\w*|surrender\w*|joined|switched)", re.IGNORECASE)


# how far back a first-person teller's introduction is looked for (mentions.narrator)
_NARRATOR_WINDOW = 3000
# sentences after a first-person leaving that may tell where the teller went
_TELLER_JOURNEY = 3
# "two colleagues and I left together", "three other soldiers and me"
_OTHERS_AND_I = re.compile(r"(?i)\b(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:other\s+|fellow\s+|more\s+)?(?:[\w-]+\s+)?"
                          r"(?:others|men|[a-z]{3,}s)\s+and\s+$")
# what 'I' or 'we' do that is not their own leaving: appeal, take in, count, get in touch
_NOT_TOLD_OF_ONESELF = frozenset({"call", "contact", "received", "tally_noun", "result", "follow"})


@dataclass
class _DocContext:
    """What every stage needs to know about the article being read."""

    doc: Document
    sentences: list[Sentence]
    event_sentences: set[int]
    happening_sentences: set[int]  # those that tell more than a promise or an assurance
    ref: dt.date | None
    author: str | None = None  # the organisation whose statement the article is
    # days found by counting from another time ("Two days after the base fell, ..."), by sentence:
    # a later "A week later" counts from them
    counted_days: dict[int, dt.date] = field(default_factory=dict)

    @cached_property
    def period(self) -> DateSpan | None:
        """The period the article says it covers (a report's header), if any."""
        return args.reporting_period(self.doc.text, self.ref)

    @cached_property
    def ties(self) -> dict[str, str]:
        """People the article ties to an organisation (see :func:`args.affiliations`)."""
        return args.affiliations(self.doc.text)

    @cached_property
    def actors(self) -> list[args.ActorHit]:
        """The actors the article names; the whole text is scanned once. One told something is the
        listener ("a member of the team told CNA"), never a source or what "the group" points back to."""
        text = self.doc.text
        return [h for h in args.actors_in(text) if not _LISTENER_BEFORE.search(text, max(0, h.start - 30), h.start)]

    def actors_before(self, offset: int) -> list[args.ActorHit]:
        """Actors the article names before `offset`."""
        return [h for h in self.actors if h.end <= offset]

    @cached_property
    def post_days(self) -> list[tuple[int, dt.date]]:
        """The days a digest's or a live page's posts are stamped with ('— 9 July —', '[Day 796 ·
        08:15]'), where each stamp's line stands: a post's 'this evening' is that day's."""
        if self.ref is None:
            return []
        found = []
        counted = _SPRING_DAY_CONTEXT.search(self.doc.text) is not None
        for m in _POST_STAMP_LINE.finditer(self.doc.text):
            if m.group("n"):
                if not counted:
                    continue
                day = revolution_day(int(m.group("n")))
            else:
                spans = [d for d in args.dates_in(m.group("date"), self.ref) if d.kind == "point" and d.span.precision == "day"]
                if len(spans) != 1:
                    continue
                day = spans[0].span.start
            if self.ref - _DIGEST_DAYS <= day <= self.ref:
                found.append((m.start(), day))
        for m in CHAT_PREFIX.finditer(self.doc.text):  # a chat export: each message's own day
            day = chat_day(m)
            if day is not None and self.ref - _DIGEST_DAYS <= day <= self.ref:
                found.append((m.start(), day))
        found.sort()
        return found if len({d for _, d in found}) >= 2 else []  # a digest of several days, not one date line

    def ref_at(self, offset: int) -> dt.date | None:
        """The day relative words at `offset` resolve against: the post's own day in a digest."""
        before = [day for at, day in self.post_days if at <= offset]
        return before[-1] if before else self.ref

    @cached_property
    def author_names(self) -> frozenset[str]:
        """What the article calls its author: its name and the short form it gives
        ("the Safe Passage Family Fund (SPFF)")."""
        if self.author is None:
            return frozenset()
        names = {self.author.lower()}
        if self.author not in CANONICAL_ACTORS:
            m = re.search(re.escape(self.author) + r"\s*\((?P<abbr>[A-Z][A-Za-z-]{1,9})\)", self.doc.text)
            if m:
                names.add(m.group("abbr").lower())
        return frozenset(names)

    def is_author(self, phrase: str) -> bool:
        """Whether `phrase` ("SPFF", "the Safe Passage Family Fund") names the article's author."""
        return re.sub(r"(?i)^the\s+", "", phrase.strip()).lower() in self.author_names


def _apply_denials(ctx: _DocContext, drafts: list[Draft]) -> None:
    """A denial by the regime lowers the certainty of the other side's claim; it does not
    delete it."""
    for s in ctx.sentences:
        m = _DENIAL.search(s.text)
        if not m:
            continue
        deniers = args.actors_in(s.text[:m.start()])
        if deniers and all(a.side != "regime" for a in deniers):
            continue
        denied = EventType.surrender if "surrender" in m.group(0).lower() else EventType.defection
        named = [p for _, _, p in args.places_in(s.text)]
        for d in drafts:
            if named and not any(d.location and d.location.admin3 and d.location.admin3 == p.admin3 for p in named) \
                    and not any(p.name.lower() in d.mention.sentence.text.lower() for p in named):
                continue  # the denial is about somewhere else
            if d.type in (denied, EventType.tally) and d.certainty != "unconfirmed" and d.claimed_by != "TATMADAW":
                if d.type == EventType.tally and denied != EventType.surrender and "defect" not in d.mention.sentence.text.lower():
                    continue
                d.set("certainty", "unconfirmed", f"denied by the other side: '{s.text[:60]}'")


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

    def twin(self, evidence: tuple[int, int]) -> Draft:
        """A copy told by another stretch of the text (a figure of its own beside this one's)."""
        return replace(self, evidence=evidence, provenance=dict(self.provenance))

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

    def extract_many(self, docs: Iterable[Document], batch_size: int = 32) -> Iterator[list[Event]]:
        """Events per document, in order. Candidate sentences of `batch_size` documents go
        through spaCy in one `nlp.pipe` stream, so small articles still fill batches."""
        batch: list[Document] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._extract_batch(batch)
                batch = []
        if batch:
            yield from self._extract_batch(batch)

    def _extract_batch(self, docs: list[Document]) -> Iterator[list[Event]]:
        split = [split_sentences(doc.text) for doc in docs]
        cands = [(i, s) for i, sentences in enumerate(split) for s in sentences if _ANY_TRIGGER.search(s.text)]
        parsed: list[dict] = [{} for _ in docs]
        for (i, s), sdoc in zip(cands, self.nlp.pipe((for_parsing(s.text) for _, s in cands), batch_size=256), strict=True):
            parsed[i][s.index] = sdoc
        for doc, sentences, sdocs in zip(docs, split, parsed, strict=True):
            yield self._events(doc, sentences, sdocs)

    # -- stages ----------------------------------------------------------------------------
    def _events(self, doc: Document, sentences: list[Sentence], parsed: dict) -> list[Event]:
        mentions: list[Mention] = []
        for idx, sdoc in parsed.items():
            s = sentences[idx]
            mentions.extend(find_mentions(s, sdoc[:], doc.text[max(0, s.start - _NARRATOR_WINDOW):s.start]))
        mentions.sort(key=lambda m: (m.sentence.start, m.trigger.i))
        ctx = _DocContext(doc, sentences, {m.sentence.index for m in mentions},
                          {m.sentence.index for m in mentions if m.rule not in lx.SUBORDINATE_CALL_RULES}, self._ref(doc),
                          author=statement_author(doc.text))
        drafts: list[Draft] = []
        for mention in mentions:
            draft = self._draft(ctx, mention, drafts)
            if draft is not None:
                drafts.append(draft)
        self._attach_later_dates(ctx, drafts)
        self._date_calls_from_statements(ctx, drafts)
        drafts = self._compared_figures(ctx, drafts)
        drafts = _split_coordinated_figures(drafts)
        drafts = _breakdowns(ctx, drafts)
        drafts = _arrivals_of_those_told(drafts)
        drafts = _fold_repeats(drafts, _head_block(sentences))
        _apply_denials(ctx, drafts)
        return [self._finish(doc, d) for d in drafts]

    def _type_of(self, ctx: _DocContext, mention: Mention, count: Count | None, drafts: list[Draft],
                 lead: str | None = None) -> tuple[EventType | None, str]:
        """The event type, and why; `lead` is the line a bulleted item stands under (_list_lead_in)."""
        text = mention.sentence.text
        kind = mention.kind
        if kind == "call":
            return EventType.call_to_defect, f"appeal '{mention.trigger_text}' with a goal"
        if kind == "follow":
            prev = next((d for d in reversed(drafts) if d.type in (EventType.defection, EventType.surrender)), None)
            if prev is None:
                return None, "followed suit with nothing before"
            return prev.type, f"'{mention.trigger_text}' after a {prev.type.value}"
        if kind in ("contact", "result", "tally_noun", "received"):
            if count is None:
                return None, f"'{mention.trigger_text}' without a figure"
            arrived = kind == "contact" and mention.trigger_text.lower() == "reached" \
                and re.match(r"\s+(?:us|it|them)\b", text[mention.trigger.idx - mention.trigger.sent.start_char + len(mention.trigger_text):]) is not None
            if (kind == "received" or arrived) and count.qualifier == "exact" and (count.value or 0) < 50 and not period_cue(mention) \
                    and any(m.kind == "point" and m.span.precision == "day" for m in args.dates_in(text, ctx.ref)):
                # "On Monday we received seven members of the Air Force", "Yesterday a captain ... reached us": one arrival on a day
                return EventType.defection, f"'{mention.trigger_text}' a few people on a day"
            return EventType.tally, f"figure with '{mention.trigger_text}'"
        part_of = self._part_of_tally(ctx, mention, drafts)
        if count is not None and part_of is not None:
            return EventType.tally, "a counted part of the figure told just before"
        if count is not None and count.qualifier == "exact" and count.value == 1:
            etype, rule = self._happening_type(ctx, mention)
            return etype, f"one person is a happening, not a figure: {rule}"
        if count is not None and lead is not None:
            return EventType.tally, f"an item of a list under '{lead.strip()}'"
        strong = period_cue(mention, lx.STRONG_PERIOD_CUE)
        if count is not None and strong:
            return EventType.tally, f"figure over a period ('{strong}')"
        year = period_cue(mention, _A_WHOLE_YEAR)
        if count is not None and year and (count.value or 0) >= 10:
            return EventType.tally, f"a year's figure ('{year}')"  # "46 members ... defected to it in 2024"
        period = period_cue(mention)
        if count is not None and period and (count.qualifier != "exact" or (count.value or 0) >= 50):
            return EventType.tally, f"figure over a period ('{period}')"
        loose = loose_period_cue(mention)
        if loose and count is not None and count.qualifier == "vague" and _cue_after_attribution(text, mention, loose):
            loose = None  # "Hundreds ... stopped work this week, officials said, adding to pressure on a government that has struggled since ..."
        if count is not None and loose and count.qualifier != "exact" and max(count.value or 0, count.low or 0) >= 100:
            return EventType.tally, f"large hedged figure with a period in the sentence ('{loose}')"
        if count is not None and kind != "surrender" and self._month_figure(ctx, mention, count):
            # "212 soldiers and police defected in May 2024", "21 soldiers, police and militia defected to
            # us this month": a month's figure of several forces, or a large one, with no place
            return EventType.tally, "a month's figure (several forces, or 50 or more) with no place"
        if count is not None and max(count.value or 0, count.low or 0) >= AGGREGATE_SIZE:
            trig = mention.trigger.idx - mention.trigger.sent.start_char
            # "The NUG announced in late January that more than 11,500 ... had left the junta's
            # ranks": a time of the announcement only, and no place, is no date of the figure's own
            told = _TOLD_THAT.search(text, 0, trig)
            said_at = told.end() if told is not None and args.event_place(text, trig)[0] is None else 0
            if not any(m.kind == "point" and m.start >= said_at for m in args.dates_in(text, ctx.ref)):
                return EventType.tally, f"a figure of {count.value or count.low}+ with no date of its own is an aggregate"
        return self._happening_type(ctx, mention)

    @staticmethod
    def _list_lead_in(ctx: _DocContext, mention: Mention) -> str | None:
        """The line a bulleted figure stands under when that line gives a period ('Since Phase 2
        began on 25 June:' over '• 83 enemy personnel surrendered to ...'): the item is a figure
        over that period."""
        text = ctx.doc.text
        start = mention.sentence.start
        line_start = text.rfind("\n", 0, start) + 1
        if not _BULLET.match(text, line_start):
            return None
        pos = line_start
        for _ in range(12):  # up over the other items to the line that leads in
            if pos <= 0:
                return None
            prev_start = text.rfind("\n", 0, pos - 1) + 1
            line = text[prev_start:pos - 1]
            if not line.strip():
                return None
            if not _BULLET.match(line):
                return line if line.rstrip().endswith(":") and lx.STRONG_PERIOD_CUE.search(line) else None
            pos = prev_start
        return None

    @staticmethod
    def _month_figure(ctx: _DocContext, mention: Mention, count: Count) -> bool:
        text = mention.sentence.text
        # (not the day it was told: "reported on Monday that 93 ... had defected ... in May")
        spans = [m for m in args.dates_in(text, ctx.ref) if m.kind == "point" and not args.told_on(text, m.start)]
        if not spans or any(m.span.precision not in ("month", "year") for m in spans):
            return False
        trig = mention.trigger.idx - mention.trigger.sent.start_char
        if args.event_place(text, trig)[0] is not None:
            return False
        subject = mention.span_text(mention.subject) if mention.subject else ""
        return len(lx.forces_named(subject)) >= 2 or max(count.value or 0, count.low or 0) >= 50

    @staticmethod
    def _happening_type(ctx: _DocContext, mention: Mention) -> tuple[EventType, str]:
        """A defection or a surrender: giving up with fighting nearby is a surrender."""
        text = mention.sentence.text
        prev = ctx.sentences[mention.sentence.index - 1] if mention.sentence.index > 0 else None
        fighting = lx.GIVE_UP_CUE.search(prev.text) if mention.rule in lx.GIVE_UP_RULES and mention.kind != "surrender" \
            and prev is not None else None
        if fighting and (prev.index in ctx.event_sentences or not _new_paragraph(ctx.doc, prev, mention.sentence)):
            # "The garrison surrendered after a siege of two weeks. / 24 soldiers handed over their
            # weapons to the CDF": the siege told just before (in the same paragraph, or with the giving up)
            return EventType.surrender, f"handed over with fighting told just before: '{fighting.group(0)}'"
        if mention.kind == "surrender":
            fled = _FLED_THEN.search(text[:mention.trigger.idx])
            if fled is not None:  # "fled their training camp ... and surrendered themselves to the AA"
                return EventType.defection, f"'{fled.group(1)}' and then gave themselves up: a planned defection"
            i = mention.sentence.index
            window = " ".join(s.text for s in ctx.sentences[max(0, i - 1):i + 2])
            if lx.FIGHTING_CUE.search(window):
                return EventType.surrender, "surrender with fighting nearby"
            if re.search(r"\bdefect|\bdefection", window, re.IGNORECASE):
                return EventType.defection, "surrender without fighting that the text calls a defection"
            return EventType.surrender, "surrender"
        return EventType.defection, f"'{mention.trigger_text}'"

    @staticmethod
    def _where_the_teller_went(ctx: _DocContext, s: Sentence, to: str | None, rule: str) -> tuple[str | None, str]:
        """'I left the camp with ... / We walked through the paddy for four hours and met the PDF at
        a monastery': where a first-person teller went, told in the sentences that follow."""
        for later in ctx.sentences[s.index + 1:s.index + 1 + _TELLER_JOURNEY]:
            nto, nrule = args.receiving_actor(later.text, 0, before=ctx.doc.text[:later.start])
            if nto == "UNKNOWN-RESISTANCE":  # "A resistance group met us ... and took us to the KNU": the group named
                named = next((h for h in args.actors_in(later.text) if h.side == "resistance" and h.canonical != nto), None)
                nto, nrule = (named.canonical, f"'{named.text}'") if named is not None else (None, nrule)
            if nto is not None and nto != "UNKNOWN-RESISTANCE" and args.side_of(nto) != "regime":
                return nto, f"where the teller went, told after: {nrule}"
        return to, rule

    @staticmethod
    def _part_of_tally(ctx: _DocContext, mention: Mention, drafts: list[Draft]) -> Draft | None:
        """'... about 1,900 conscripts have contacted us. / A bit over 400 of them made it out to our
        side': the tally, told a sentence or two before, that this counted part ('N of them', 'Of
        these, N ...') belongs to."""
        text = mention.sentence.text
        subject = mention.span_text(mention.subject) if mention.subject else ""
        if not (lx.PARTITIVE.match(subject) or _OF_THESE.match(text)):
            return None
        if any(m.kind == "point" and m.span.precision in ("day", "week") for m in args.dates_in(text, ctx.ref)):
            return None  # "Of these, 12 officers defected on Monday": a happening of its own
        prev = drafts[-1] if drafts else None
        if prev is None or prev.type != EventType.tally or not 0 < mention.sentence.index - prev.mention.sentence.index <= 2:
            return None
        return prev

    def _count(self, mention: Mention, trig: int, teller: str | None = None) -> tuple[Count | None, str]:
        text = mention.sentence.text
        if mention.kind == "call":
            return None, ""
        if mention.kind == "tally_noun":
            noun_start = mention.trigger.left_edge.idx - mention.trigger.sent.start_char
            count, rule = args.subject_count(text, mention.trigger, noun_start)
            if count is not None:
                return count, rule
        if mention.subject is not None:
            count, rule = args.subject_count(text, mention.subject_head, mention.subject[0])
            summed = args.listed_people(text[:trig - mention.trigger.sent.start_char])
            head = mention.subject_head
            head_end = head.idx - head.sent.start_char + len(head.text) if head is not None else -1
            if summed is not None and (count is None or count.value != summed[0].value and count.value in (1, sum(summed[3]), *summed[3])) and (
                    summed[1] == mention.subject[0] or summed[2] == head_end
                    or mention.subject[0] <= summed[1] and summed[2] <= mention.subject[1]):
                # "A police major and 23 officers ... surrendered", the parse giving the verb two subjects
                return summed[0], "people listed in words, summed (the parse lost the list)"
            alone = count is None and head is not None and head.lower_ in ("he", "she", "i")  # "he slipped away ... with two ratings"
            more = accompanied_by(mention.trigger) if alone or (count is not None and count.qualifier == "exact" and count.value) else 0
            if more:  # "a corporal slipped away from his base with two privates": three
                total = (1 if count is None else count.value) + more
                return Count(value=total, low=total, high=total, qualifier="exact"), f"{rule}, with {more} more who went along"
            if count is not None:
                return count, rule
            if teller is not None and head is not None and head.lower_ in ("i", "me"):  # "I left ...", "me and my orderly left ..."
                n = 1 + len(head.conjuncts) + companions_named(mention.trigger)
                also = _OTHERS_AND_I.search(text[:head.idx])
                if also is not None and number_value(also.group(1)):  # "two colleagues and I left together" (the parse lost the list)
                    n += number_value(also.group(1)) or 0
                return Count.exact(n), f"the teller{f' and {n - 1} named beside them' if n > 1 else ''}"
            if teller is not None and head is not None and head.like_num and number_value(head.text):  # "The three of us left"
                return Count.exact(number_value(head.text) or 0), f"'{head.text} of us': the teller and those with them"
        if _plural_head_without_number(mention):
            return None, "the subject names people but no number"
        return args.count_for(text, trig)

    def _draft(self, ctx: _DocContext, mention: Mention, drafts: list[Draft]) -> Draft | None:
        doc = ctx.doc
        s = mention.sentence
        text = s.text
        trig = mention.trigger.idx
        subject_text = mention.span_text(mention.subject)
        lead = _LEADING_SOURCE.match(text)
        if lead is not None and mention.subject is not None and mention.subject[0] < lead.end() < trig:
            # "Kachin Independence Army — 640 soldiers and police surrendered": the line's source, then its people
            subject_text = text[lead.end():max(mention.subject[1], trig)]
        people_text = mention.span_text(mention.target) if mention.kind == "call" else subject_text
        # a first-person teller's own leaving: what makes them the regime's, the nearest first
        told_of_self = narrations(doc.text[max(0, s.start - _NARRATOR_WINDOW):s.end]) if first_person(mention.subject_head) \
            and mention.kind not in _NOT_TOLD_OF_ONESELF else []
        teller = told_of_self[0] if told_of_self else None
        count, count_rule = self._count(mention, trig, teller)
        quoted = _QUOTED_FIGURE.search(subject_text) if count is None and mention.kind != "call" else None
        given = parse_count(quoted.group(1)) if quoted is not None else None
        if given is not None:
            # 'Karen National Union — "over 900" military personnel surrendered': the figure as it was given
            count, count_rule = given, f"the figure quoted in the subject ('{quoted.group(0)}')"
        poster = poster_of(mention) if mention.kind != "call" else None
        if poster is not None and args.who_for(poster)[0] is not None:
            # "A police corporal posted a video announcing that he had left the force": he is the corporal
            people_text, subject_text = poster, poster
            if count is None:
                count, count_rule = Count.exact(1), f"'{mention.span_text(mention.subject)}' is one person: '{poster}'"
        lead = self._list_lead_in(ctx, mention)
        etype, type_rule = self._type_of(ctx, mention, count, drafts, lead)
        if etype is None:
            log.debug("mention %r dropped: %s", mention.trigger_text, type_rule)
            return None
        ev_start = mention.evidence[0]
        dateline = args.DATELINE.match(text)
        if dateline and ev_start < dateline.end() < mention.evidence[1]:
            ev_start = dateline.end()  # evidence states the happening, not where it was filed
        d = Draft(type=etype, mention=mention, evidence=(s.start + ev_start, s.start + mention.evidence[1]))
        d.provenance["type"] = f"{type_rule} [{mention.rule}]"
        d.set("count", count, count_rule)
        if teller is not None:  # "I left the camp with ...": the teller, as the article or they describe themselves
            people_text = teller
        # a call's addressees are named after its verb; an event's people may be anywhere
        who, who_rule = args.who_for(people_text, fallback=text if etype != EventType.call_to_defect else "")
        if who is None and teller is not None:
            who, who_rule = Who(force="tatmadaw", category="soldier"), f"the teller speaks of their unit ('{teller}')"
        if who is None and etype == EventType.call_to_defect:
            who, who_rule = args.who_for(text[trig:])
        if who is None and mention.rule in lx.GOAL_BEFORE_RULES:  # "Anyone who leaves the army ... will receive"
            who, who_rule = args.who_for(text[:trig])
            who_rule = f"those promised, before the promise: {who_rule}"
        if who is None and etype == EventType.call_to_defect and re.fullmatch(r"(?i)them|you|they", people_text.strip()):
            who, who_rule = args.who_for(text[:trig])  # "letters to civil servants, urging them to resign"
            who_rule = f"'{people_text.strip()}' refers back: {who_rule}"
        addressed: str | None = None  # the words before the appeal that name whom it asks
        if who is None and etype == EventType.call_to_defect:
            heading = _addressing_heading(doc.text, s.start)
            if heading is not None:  # "TO ALL SOLDIERS AND POLICE IN KALAY:" / "Q: What is your message to soldiers?"
                who, who_rule = args.who_for(heading)
                who_rule, addressed = f"the heading it answers: {who_rule}", heading
        if who is None and etype == EventType.call_to_defect and (mention.rule == "imperative" or re.search(r"(?i)\byou(?:r)?\b", text)):
            # "Our message to every soldier and every conscript is the same: ... Come to the people."
            # "TO ALL SOLDIERS AND POLICE: COME HOME THIS THINGYAN ... We say to you: this Thingyan, come home"
            # (an order only to get in touch asks only those the sentence just before addresses:
            # "To every soldier ...: you are not alone. Contact us on Signal"; a chat prompt,
            # "Message us for details", only those its own words name)
            touch = _ONLY_GET_IN_TOUCH.match(text, trig)
            back = 4 if touch is None else 1 if touch.group(0).lower() == "contact" else 0
            who, who_rule, addressed = _addressed_before(ctx, s, text[:trig], back=back, paragraph=touch is not None)
        if who is None and etype == EventType.call_to_defect:
            log.debug("mention %r dropped: an appeal that addresses no regime personnel", mention.trigger_text)
            return None  # an appeal that addresses no regime personnel is not a call to defect
        subject_who, _ = args.who_for(subject_text)
        if subject_who is None and mention.subject is not None and (
                lx.PARTITIVE.match(subject_text) or lx.BARE_NUMBER.fullmatch(subject_text)):
            # "By the deadline, 14 of the 22 had resigned": part of the people told just before
            for earlier in reversed(ctx.sentences[max(0, s.index - 2):s.index]):
                subject_who, prev_rule = args.who_for(earlier.text)
                if subject_who is not None:
                    who, who_rule = subject_who, f"'{subject_text.strip()}' is part of those told before: {prev_rule}"
                    break
        if subject_who is None and mention.rule in lx.BARE_LEAVING_RULES and lx.BARE_NUMBER.fullmatch(subject_text) and not any(
                _LEAVERS.search(e) for e in [x.text for x in ctx.sentences[max(0, s.index - 2):s.index]] + [text[:mention.subject[0]]]):
            return None  # "412 left in 2024": a number of no one the text named (not "1,318 defectors ... Of these, 412")
        if who is None and mention.kind == "follow":  # "two of his shipmates followed him": the same service
            prev = next((x for x in reversed(drafts) if x.type in (EventType.defection, EventType.surrender) and x.who), None)
            if prev is not None:
                who, who_rule = prev.who, "the same people as those of the leaving they followed"
        d.set("who", who, who_rule)
        if teller is not None:
            d.provenance["teller"] = teller

        # Who they joined, and who speaks.
        if etype == EventType.call_to_defect:
            issuer, rule = self._issuer(ctx, mention)
            d.set("actor", issuer, rule)
            goal = lx.CALL_GOAL.search(text, trig)
            # an order states its goal from its verb on: "message us on Signal"
            goal_at = goal.start() if goal is not None else trig if mention.rule == "imperative" else None
            if goal_at is not None:
                to, rule = args.receiving_actor(text, goal_at, before=doc.text[:s.start])
                if to is None and re.search(r"\b(?:join|side\s+with)\s+us\b|\bour\s+side\b", text[goal_at:], re.IGNORECASE):
                    to, rule = issuer, "'join us': the issuer"
                if to is not None and args.side_of(to) != "regime":
                    d.set("to", to, f"goal: {rule}")
                elif to is None and args.side_of(issuer) == "resistance" and issuer != "CDM" and _TO_ISSUER_ITSELF.search(text, goal_at):
                    d.set("to", issuer, "the appeal names the issuer as where to go ('come to us')")
                elif to is None and _takes_people_in(issuer) and _COME_OVER.match(text, goal_at):
                    # "urged the troops to lay down their arms and come over": over to the group urging them
                    d.set("to", issuer, "the appeal asks them over, naming no other side: the issuer")
        else:
            # the event's clause bounds the search, unless a misparse left it a word or two long
            end = mention.evidence[1] if mention.evidence[1] - trig > 30 else len(text)
            to, rule = args.receiving_actor(text, trig, end=end, before=doc.text[:s.start])
            if to is None and _THEN_REACHED.match(text, mention.evidence[1]):
                # "left Naypyitaw on Feb. 24 and reached territory controlled by the KNU"
                to, rule = args.receiving_actor(text, mention.evidence[1], before=doc.text[:s.start])
                rule = f"the clause joined to it: {rule}"
            received = _RECEIVED_BY.search(text, 0, trig) if to is None else None
            if received is not None:
                # "Seven soldiers were welcomed by the KNDF on Monday after they fled their outpost"
                to, rule = args.receiving_actor(text, received.start(), end=trig, before=doc.text[:s.start])
                rule = f"the main clause: {rule}"
            if to is None and mention.kind == "follow":
                prev = next((x for x in reversed(drafts) if x.type == etype), None)
                if prev is not None and prev.to:
                    to, rule = prev.to, "same as the event it followed"
            if to is None and mention.kind == "cdm":
                to, rule = "CDM", "leaving work is joining the CDM"
            taker = next((c for c in mention.trigger.head.children if c.dep_ == "nsubj"), None) if (
                to is None and mention.kind == "surrender" and mention.trigger.pos_ == "NOUN" and mention.trigger.dep_ == "dobj") else None
            if taker is not None:
                # "the Brotherhood Alliance has accepted the surrender of 4,000 troops": the taker received them
                hit = next((h for h in args.actors_in(taker.doc.text[taker.left_edge.idx:taker.right_edge.idx + len(taker.right_edge)])
                            if h.side == "resistance"), None)
                if hit is not None:
                    to, rule = hit.canonical, f"'{hit.text}' took their surrender"
            if mention.kind == "received":  # "the brigade has taken in ...": the subject received them
                hit = next((h for h in args.actors_in(subject_text) if h.side == "resistance"), None)
                subj_at = s.start + (mention.subject[0] if mention.subject else trig)
                to, rule = (hit.canonical, f"the subject '{hit.text}' took them in") if hit else (
                    self._antecedent(ctx, subj_at, noun=args.anaphor_noun(subject_text)), "the subject took them in (refers back)")
            told = self._told_next(ctx, s) if to in (None, "UNKNOWN-RESISTANCE") else None
            if told is not None:
                # "... have joined an alliance of Karenni resistance fighters. / The officers crossed
                # over to the KNDF on Tuesday": the lede's details name the group
                nto, nrule = args.receiving_actor(told[0].text, told[1].end(), before=doc.text[:told[0].start])
                if nto is not None and nto != "UNKNOWN-RESISTANCE" and args.side_of(nto) != "regime":
                    to, rule = nto, f"the next sentence tells of the same people ('{told[1].group(0).strip()}'): {nrule}"
            if to in (None, "UNKNOWN-RESISTANCE") and teller is not None:
                to, rule = self._where_the_teller_went(ctx, s, to, rule)
            d.set("to", to, rule)
        claimant, rule = args.attribution_in(text, trig)
        person = _person_in(mention) if claimant == "@anaphor:" and args.he_or_she_tells(text, trig) else None
        if person is not None:  # "Naing Lin, a police corporal, joined the CDM on Monday, he told The Irrawaddy"
            claimant, rule = person, f"{rule} -> the person the sentence names"
        if claimant is None:
            told_of = args.teller_told_of(text, trig)
            if told_of is not None:  # "Lieutenant Colonel Kyaw Soe, who defected to the NUG last week, told Reuters ..."
                claimant, rule = told_of, "the person the event is told of tells it ('X, who ..., told')"
        if claimant and claimant.startswith("@anaphor"):
            # "..., the partner group said": what it refers back to may stand earlier in the sentence
            claimant, rule = self._antecedent(ctx, s.end, prefer=d.to or d.actor, noun=claimant.split(":", 1)[1]), rule + " -> earlier actor"
        if claimant is None:  # "Arakan Army — 1,470 ... (AA statements, compiled by us)": whose figure the line gives
            claimant, rule = _listed_source(ctx, s)
        if claimant is None and re.search(r"\b(?:we|us|our)\b", text, re.IGNORECASE) and etype != EventType.call_to_defect:
            # "In 2023 we helped more than 1,000 people", "46 soldiers have come to us": the
            # speaker's organisation, named earlier in the article
            speaker = self._first_person(ctx, s)
            if speaker is not None:
                claimant, rule = speaker, "first person ('we', 'us'): the speaker's organisation, the author of the statement or one named earlier"
                if d.to is None or d.to == "UNKNOWN-RESISTANCE":
                    if _takes_people_in(speaker) and re.search(r"\b(?:us|our\s+side|we\s+(?:helped|received|took\s+in|welcomed))\b", text, re.IGNORECASE):
                        d.set("to", speaker, "they came to 'us': the speaker's organisation")
        helper = helper_of(mention) if claimant is None else None
        if helper is not None:  # "People's Embrace data ... record 612 soldiers ... who crossed over": the group's count
            hit = next((h for h in args.actors_in(helper) if h.side != "regime"), None)
            if hit is not None:
                claimant, rule = hit.canonical, f"the group that counted or helped them ('{hit.text}')"
            elif re.fullmatch(r"(?:[A-Z][\w'’.&-]*\s*){1,5}", helper.strip()):  # "Safe Passage has assisted ...": named as written
                claimant, rule = helper.strip(), "the group that counted or helped them, named as written"
        if claimant is None and etype == EventType.call_to_defect:
            claimant, rule = d.actor, "the issuer"
        if claimant is None:
            claimant, rule = self._next_attribution(ctx, s, d, mention)
        if claimant is None and teller is not None:
            claimant, rule = _teller_name(doc.text, s.start), "the teller, speaking for themselves"
        if claimant is None and ctx.author is not None:
            claimant, rule = ctx.author, "the organisation whose statement this is"
        if _receiver_speaks(claimant, d.to):
            claimant, rule = d.to, f"unnamed resistance sources, on the side of the receiver {d.to}"
        org = args.affiliated(claimant, ctx.ties) if claimant not in CANONICAL_ACTORS else None
        if org is not None:
            claimant, rule = org, f"{rule}; '{claimant}' speaks for {org}"
        full = _full_name_before(claimant, doc.text[:s.start]) if claimant else None
        if full is not None:  # "The Lab recorded 351 ...": the Ayeyar Policy Lab named before
            claimant, rule = full, f"{rule}; '{claimant}' is the '{full}' named before"
        d.set("claimed_by", claimant, rule)
        receiver_named = d.to is not None and d.to != "UNKNOWN-RESISTANCE"
        # a ministry's own statement of those who came to it: "contacted the Ministry", "under the Ministry's protection"
        own_ministry = (claimant is not None and claimant == ctx.author and args.side_of(claimant) == "resistance"
                        and _TO_THE_MINISTRY.search(text) is not None)
        if not receiver_named and etype != EventType.call_to_defect and (_takes_people_in(claimant) or own_ministry) and (
            mention.kind in ("surrender", "contact", "result", "tally_noun") or d.to == "UNKNOWN-RESISTANCE" or helpers_figure(mention)
            # the organisation whose own statement or update this is tells of those it took in
            or (claimant == ctx.author and claimant is not None)
            # "some 80 soldiers had surrendered to it", "... to its forces", "joined its forces": within the event's clause
            or re.search(r"\b(?:(?:to|join(?:ed|s|ing)?)\s+(?:its|their|our)\s+\w+|(?:join(?:ed|s)?|to)\s+(?:it|them|us|the\s+group)"
                         # "sought refuge with its forces"
                         r"|(?:refuge|shelter|sanctuary|protection)\s+with\s+(?:its|their|our|it|them|us)\b"
                         # "have defected with its help", "left through its channels"
                         r"|(?:with|through)\s+(?:its|their|our)\s+(?:help|assistance|support|channels?|network))\b",
                         text[min(trig, mention.evidence[0]):max(trig + 40, mention.evidence[1] + 15)])
        ):
            d.set("to", claimant, "the group reporting it received them")
        if etype == EventType.tally and d.actor is None:
            if claimant in CANONICAL_ACTORS:
                d.set("actor", claimant, "claimant")
            elif d.to and d.to != "CDM":
                d.set("actor", d.to, "receiving organisation reports its own figure")
                if d.claimed_by is None:
                    d.set("claimed_by", d.to, "receiving organisation reports its own figure")

        if etype == EventType.surrender and d.to is None:
            to, rule = self._fighting_force(ctx, s, text)
            d.set("to", to, rule)
            if _receiver_speaks(d.claimed_by, d.to):
                d.set("claimed_by", d.to, f"unnamed resistance sources, on the side of the receiver {d.to}")

        # What is not a defection event at all.
        if mention.kind == "join" and d.to is None and re.match(
            r"\W*(?:\w+\s+){0,2}?(?:to\s+)?(?:us|our\s+side|the\s+(?:revolution(?:ary)?|people'?s?|resistance)(?:\s+side)?"
            # "arrived at our Battalion 5 camp"
            r"|our\s+(?:[\w-]+\s+){0,3}?(?:camps?|bases?|posts?|columns?|battalions?|areas?|territory|headquarters)"
            # "reached a liberated area": land the resistance holds, no group named
            r"|liberated\s+(?:areas?|zones?|territor(?:y|ies)))\b",
            text[trig + len(mention.trigger_text):]):
            d.set("to", "UNKNOWN-RESISTANCE", "came over to an unnamed resistance ('us', 'the revolution side', 'a liberated area')")
        if mention.kind == "join" and d.to is None:
            return None
        if re.search(r"\b(?:including|counting|excluding|not\s+counting|among\s+them|among\s+whom|of\s+whom|of\s+them"
                     r"|(?:does|do|did)\s+not\s+(?:include|count)|excludes?)\s+(?:\S+\s+){0,3}$",
                     text[:mention.subject[0] if mention.subject else trig]):
            return None  # "including 300 who joined the CDM": a breakdown of a larger figure
        if etype != EventType.call_to_defect and _YES_NO_QUESTION.match(text.strip()):
            return None  # "Is it true that 40 police from Mawlamyine joined?": asked, not told
        if etype == EventType.tally and re.search(r"(?i)\b(?:killed|wounded|injured)\s*,?\s+(?:[a-z-]+\s+){0,6}$", text[max(0, trig - 80):trig]):
            return None  # "tens of thousands ... killed, wounded, captured or to have deserted": losses, not leavings
        if mention.kind == "resign" and subject_who is None:
            return None  # only regime personnel resigning leave its service
        if _debunked(ctx, mention):
            return None  # the text itself says the claim is false
        subj_actors = args.actors_in(subject_text)
        if d.to and args.side_of(d.to) == "regime":
            return None  # surrendering or going over *to* the junta is not this dataset's event
        if etype == EventType.surrender and _TO_THE_REGIME.match(text, trig + len(mention.trigger_text)):
            return None  # '14 "terrorists" surrendered to security forces': the regime's word on its foes
        if subj_actors and all(a.side == "resistance" for a in subj_actors) and subject_who is None \
                and etype != EventType.call_to_defect and mention.kind not in ("received", "tally_noun"):
            # resistance members leaving the resistance ("the PDF has received ..." took people in;
            # "People's Goal recorded 312 defections" counted them)
            return None
        if etype in (EventType.defection, EventType.surrender) and d.who is None and (
                d.count is None or mention.subject_head is not None and _KIN_WORD.fullmatch(mention.subject_head.lower_)
                and re.match(r"\s+(?:him|her|them)\b", text[trig + len(mention.trigger_text):])):
            return None  # (nor "His wife and daughter joined him four days later": kin joining one of them)
        if d.who is None and d.to == "CDM":
            d.set("who", Who(force="civil_service", category="civil_servant"), "joiners of the CDM are civil servants unless named")

        cert, rule = self._certainty(ctx, mention, d.claimed_by)
        d.set("certainty", cert, rule)
        ref = ctx.ref_at(s.start)
        told = text
        if mention.rule == "imperative":  # "this Thingyan, come home", "Leave before the holiday ends": the time asked for
            told = text[:len(text[:trig].rstrip()) - len(words_said(text[:trig].rstrip()))]
        date, rule = args.event_date(told, trig, ref, tally=etype == EventType.tally,
                                     call=etype == EventType.call_to_defect, context=doc.text, period=ctx.period)
        if lead is not None and etype == EventType.tally and not args.dates_in(text, ref):
            # the list's period: "Since Phase 2 began on 25 June:"
            ldate, lrule = args.event_date(lead, len(lead), ref, tally=True, context=doc.text)
            if ldate is not None:
                date, rule = ldate, f"the period of the list it stands in: {lrule}"
        if ref != ctx.ref and date is not None:
            rule = f"{rule} (the post's own day, {ref.isoformat()})"
        prev = ctx.sentences[s.index - 1] if s.index > 0 else None
        if date is None and prev is not None and etype != EventType.tally and (
            _SAME_TIME.search(text) or not _new_paragraph(doc, prev, s)
        ) and not (etype == EventType.call_to_defect and any(
                x.type == etype and x.mention.sentence.index == prev.index for x in drafts)):
            # (not an appeal's sentence before: "Come home for Christmas. Leave the military council ...")
            # "On Thursday, the KIA attacked outposts. Twelve soldiers surrendered ...": the
            # sentence before, in the same paragraph, sets the time.
            pdate, prule = args.event_date(prev.text, len(prev.text), ctx.ref_at(prev.start), tally=False, context=doc.text)
            if pdate is not None and pdate.precision == "day":
                date, rule = pdate, f"the sentence before sets the time: {prule}"
        offset = _OFFSET.search(text)
        if offset is not None and etype != EventType.tally and (date is None or rule.startswith("the sentence before") or offset.group("wdpos") or (
                # "A day after the police left, 21 soldiers surrendered, the group said in a statement on Monday"
                (offset.group("n2") or offset.group("sameday")) and offset.start() < trig and _only_told_on(text, date, ref, doc.text))):
            date, rule = self._offset_date(ctx, s, offset, date, rule)
            if date is not None and date.precision == "day" and rule.startswith(f"'{offset.group(0)}'"):
                ctx.counted_days[s.index] = date.start
        elif offset is not None and etype != EventType.tally and date is not None and date.precision == "day" \
                and _offset_days(offset) and not offset.group("same") and not offset.group("n2"):
            # "attacked the outpost on the night of Sept. 17, and the officers handed themselves over
            # the following morning": the offset counts from the day told earlier in the sentence
            # ("gave themselves up on Saturday, three days after the town fell": that is Saturday)
            told = next((m for m in args.dates_in(text, ctx.ref, doc.text) if m.span == date and m.end <= offset.start()), None)
            if told is not None and offset.start() < trig + len(mention.trigger_text) + 60:
                day = date.start + dt.timedelta(days=_offset_days(offset) or 0)
                if ctx.ref is None or day <= ctx.ref:
                    date, rule = DateSpan.day(day), f"'{offset.group(0)}' from {rule}"
        if date is not None and date.precision == "day" and etype != EventType.tally:
            date, rule = _counted_from_a_day_told_after(ctx, mention, date, rule)
        if date is None and etype in (EventType.defection, EventType.surrender):
            date, rule = self._time_told_next(ctx, s)
        if date is None and etype == EventType.call_to_defect and s.index + 1 < len(ctx.sentences):
            nxt = ctx.sentences[s.index + 1]
            back = _APPEAL_BACK.match(nxt.text)
            if back is not None:  # "The KNU urged soldiers to defect. The appeal was posted on Monday ..."
                ndate, nrule = args.event_date(nxt.text, back.end(), ctx.ref_at(nxt.start), tally=False, call=True, context=doc.text)
                if ndate is not None and ndate.precision == "day":
                    date, rule = ndate, f"the next sentence tells when the appeal was made: {nrule}"
        if etype == EventType.tally and date is None and prev is not None and _SINCE_THEN.search(text):
            # "... since its offensive began on November 13 last year. Since then, more than 1,200 ...":
            # from the latest time the sentence before tells
            told = [m.span for m in args.dates_in(prev.text, ctx.ref, doc.text) if m.kind in ("point", "since")]
            if told:
                start = max(t.start for t in told)
                if ctx.ref is not None and start <= ctx.ref:
                    date, rule = DateSpan(start=start, end=ctx.ref, precision="span"), "'since then': from the time the sentence before tells"
        same = next((x for x in reversed(drafts) if x.type == EventType.tally and x.date is not None), None) \
            if etype == EventType.tally and re.search(lx.SAME_PERIOD, text, re.IGNORECASE) else None
        if same is not None and 0 < s.index - same.mention.sentence.index <= 3:
            date, rule = same.date, "'the same period' as the figure told before"
        if etype == EventType.tally and date is not None and date.start > args.COUP and _SINCE_THE_COUP_TO.search(text):
            # "3,612 soldiers had joined the revolution between the coup and January 31": from the coup
            date, rule = DateSpan(start=args.COUP, end=date.end, precision="span"), f"from the coup to {rule}"
        if etype == EventType.tally and (began := _SINCE_IT_BEGAN.search(text)) and (date is None or date.precision == "day"):
            date, rule = self._since_it_began(ctx, s, began, date, rule)
        if etype == EventType.tally and type_rule.startswith("a counted part"):
            whole = self._part_of_tally(ctx, mention, drafts)
            assert whole is not None
            if whole.date is not None and (date is None or (date.start, date.end) == (args.COUP, ctx.ref)):
                date, rule = whole.date, "the period of the figure it is part of"
            for name in ("claimed_by", "actor"):
                if getattr(d, name) is None and getattr(whole, name) is not None:
                    d.set(name, getattr(whole, name), "the same as the figure it is part of")
        if date is None and ref != ctx.ref and ref is not None and etype != EventType.tally:
            date, rule = DateSpan.day(ref), "no time stated: the day of the post that tells it"
        if date is not None and etype != EventType.tally and rule.startswith("point ") and _only_told_on(text, date, ref, doc.text):
            rule += _ONLY_TOLD  # a repeat telling when it happened wins
        d.set("date", date, rule)
        if date is not None and date.end < args.COUP:
            return None  # before the coup: outside what this dataset covers
        if etype == EventType.call_to_defect and mention.target is not None:
            window = mention.target  # where the addressees are: "soldiers still stationed in Sagaing"
        else:
            window = (min(mention.subject[0], mention.evidence[0]) if mention.subject else mention.evidence[0], mention.evidence[1])
        place, rule = args.event_place(text, trig, window=window)
        if place is None and addressed is not None:  # "TO ALL SOLDIERS AND POLICE IN KALAY: ... Come to the people"
            place, rule = args.event_place(addressed, 0)
            rule = f"where those it asks are, as the words addressing them say: {rule}"
        if place is None and mention.kind == "follow":
            prev = next((x for x in reversed(drafts) if x.type == etype and x.location), None)
            if prev is not None:
                place, rule = prev.location, "same place as the event it followed"
        if teller is not None and (place is None or (place.geo_precision or 4) >= 3):
            # "I was a captain ... at the military hospital in Mingaladon": where the teller served
            for words in told_of_self:
                there, _ = args.event_place(words, len(words))
                if there is not None:
                    if place is None or args.refines(there, place):
                        place, rule = there, f"where the teller served ('{words}')"
                    break
        if place is None and etype in (EventType.defection, EventType.surrender):
            place, rule = self._place_nearby(ctx, s)
        if etype in (EventType.defection, EventType.surrender) and (place is None or (place.geo_precision or 4) >= 3):
            place, rule = self._place_told_next(ctx, s, place, rule)
        d.set("location", place, rule)
        return d

    @staticmethod
    def _place_nearby(ctx: _DocContext, s) -> tuple[Place | None, str]:
        """'Fighting broke out in Kani Township on Friday. Nine police surrendered ...': a
        happening whose sentence names no place took place where the paragraph's sentence just
        before it (or, failing that, just after it) says."""
        there = re.match(r"\s*(?:Back\s+)?There\b", s.text) is not None  # "There, 32 police officers ...": where the story just was
        for i in (s.index - 1, s.index + 1):
            if not 0 <= i < len(ctx.sentences):
                continue
            other = ctx.sentences[i]
            first, second = (other, s) if i < s.index else (s, other)
            if (_new_paragraph(ctx.doc, first, second) and not (there and i < s.index)) or (i > s.index and i in ctx.event_sentences):
                continue
            place, rule = args.event_place(other.text, len(other.text) if i < s.index else 0)
            if place is not None and (place.geo_precision or 4) < 4:
                return place, f"the paragraph's {'sentence before' if i < s.index else 'next sentence'}: {rule}"
        return None, "no place stated"

    def _next_attribution(self, ctx: _DocContext, s, d: Draft, mention: Mention) -> tuple[str | None, str]:
        """'Twelve soldiers left on Monday. They brought rifles, the KNU said.': the next
        sentence of the same paragraph credits the telling, when it names a speaker. The first
        sentence of the next paragraph does when it opens with a speaker who 'told' an outlet
        ('Saw Htoo Lwin, a spokesperson for Brigade 2, told DVB that ...'). 'She told The
        Irrawaddy' credits the person the event's sentence names (a defector telling their own story)."""
        if s.index + 1 >= len(ctx.sentences):
            return None, "no attribution in the sentence"
        nxt = ctx.sentences[s.index + 1]
        if nxt.index in ctx.event_sentences:
            return None, "no attribution in the sentence"
        quoted = _QUOTE_THEN_TELLER.match(nxt.text)
        if _new_paragraph(ctx.doc, s, nxt) and not _OPENS_WITH_TELLING.match(nxt.text) and not quoted:
            return None, "no attribution in the sentence"
        if quoted or re.match(r"\s*(?:He|She)\s+(?:told|said)\b", nxt.text):
            # '"I didn't join the army to burn villages," the 34-year-old captain told AFP': the
            # defector telling his own story, named in the event's sentence or just before it
            person, where = _person_in(mention), "named in the event's sentence"
            if person is None and re.match(r"(?i)\s*(?:he|she)\b", mention.span_text(mention.subject) or ""):
                person, where = _named_before(ctx, s), "named in the sentence before"
            if person is not None:
                teller = "a quotation's teller" if quoted else f"'{nxt.text.split()[0]}'"
                return person, f"the next sentence credits it: {teller} is {person}, {where}"
        who, why = args.attribution_in(nxt.text, 0)  # "..., the KNU said."
        if who is None:  # "Saw Htoo Lwin ... told DVB that ..."
            who, why = args.attribution_in(nxt.text, len(nxt.text))
        if who and who.startswith("@anaphor"):
            who = self._antecedent(ctx, nxt.start, prefer=d.to, noun=who.split(":", 1)[1])
        if who is None or re.fullmatch(r"(?i)(?:he|she|they|it|we)", who):
            return None, "no attribution in the sentence"
        return who, f"the next sentence credits it: {why}"

    def _fighting_force(self, ctx: _DocContext, s, text: str) -> tuple[str | None, str]:
        """Whom troops who 'laid down their arms' gave up to, when the sentence does not say:
        the armed group named in it, else the nearest one named before in the paragraph
        ("the KIA attacked three outposts ... Two dozen soldiers laid down their weapons")."""
        def force(sentence: str, start: int) -> tuple[str | None, str]:
            hits = [(h, args.concrete(h, sentence, ctx.doc.text[:start])[0]) for h in args.actors_in(sentence)]
            # the first named leads; unnamed "resistance forces" only when no group is named
            armed = [(h, c) for h, c in hits if _takes_people_in(c)] or [(h, c) for h, c in hits if c == "UNKNOWN-RESISTANCE"]
            hit, canonical = next(((h, c) for h, c in armed if c != "UNKNOWN-RESISTANCE"), armed[0] if armed else (None, None))
            return canonical, hit.text if hit else ""

        to, named = force(text, s.start)
        if to is not None:
            return to, f"the armed group named in the sentence: '{named}'"
        for back in range(1, 4):
            if s.index - back < 0:
                break
            prev = ctx.sentences[s.index - back]
            to, named = force(prev.text, prev.start)
            if to is not None:
                return to, f"the armed group named just before: '{named}'"
            if _new_paragraph(ctx.doc, prev, ctx.sentences[s.index - back + 1]):
                break  # a new paragraph began: the story may be another one
        return None, "no armed group named nearby"

    @staticmethod
    def _told_next(ctx: _DocContext, s: Sentence) -> tuple[Sentence, re.Match[str]] | None:
        """'Six soldiers have deserted to the PDF. / The soldiers left their camp on Oct. 3 ...':
        the next sentence, when it tells more of the same people (a lede's details), and where
        its subject referring back to them ends."""
        if s.index + 1 >= len(ctx.sentences):
            return None
        nxt = ctx.sentences[s.index + 1]
        back = _REFERS_BACK.match(nxt.text)
        if back is None:  # "A police major ... has joined the CDM. / Police Major Thet Naing Oo posted a video on Monday"
            back = _RANK_NAMED_AGAIN.match(nxt.text)
            if back is not None and not re.search(rf"(?i)\b(?:a|an)\s+(?:[\w-]+\s+){{0,2}}{back.group('rank')}\b", s.text):
                back = None
        return (nxt, back) if back is not None else None

    def _place_told_next(self, ctx: _DocContext, s: Sentence, place: Place | None, rule: str) -> tuple[Place | None, str]:
        """'Nine police officers in Sagaing region surrendered ... / A spokesman said its fighters had
        surrounded the outpost in Kyauk Sayit village, in Khin-U township': a lede that names only a
        state or district takes a place inside it from the sentence after, when that sentence tells no
        event of its own (or refers back to the same people)."""
        if s.index + 1 >= len(ctx.sentences):
            return place, rule
        nxt = ctx.sentences[s.index + 1]
        told = self._told_next(ctx, s)
        if told is None and nxt.index in ctx.event_sentences:
            return place, rule
        nplace, nrule = args.event_place(nxt.text, told[1].end() if told else 0)
        if nplace is not None and args.refines(nplace, place):
            return nplace, f"the next sentence tells the place more closely: {nrule}"
        return place, rule

    def _time_told_next(self, ctx: _DocContext, s) -> tuple[DateSpan | None, str]:
        """A lede without a time takes the day the next sentence gives for the same people."""
        told = self._told_next(ctx, s)
        if told is None:
            return None, "no time stated"
        nxt, back = told
        ndate, nrule = args.event_date(nxt.text, back.end(), ctx.ref_at(nxt.start), tally=False, context=ctx.doc.text)
        if ndate is None or ndate.precision not in ("day", "week"):
            return None, "no time stated"
        return ndate, f"the next sentence tells of the same people ('{back.group(0).strip()}'): {nrule}"

    @staticmethod
    def _since_it_began(ctx: _DocContext, s, began: re.Match[str], date: DateSpan | None,
                        rule: str) -> tuple[DateSpan | None, str]:
        """'The KIA launched an offensive on March 7 ... more than 300 have surrendered since the
        offensive began': from the day an earlier sentence says that offensive was launched."""
        launched = Extractor._launch_day(ctx, s, began.group("noun"))
        if launched is None or ctx.ref is None:
            return date, rule
        day, prev = launched
        # to the day the figure was given ("told DVB on Tuesday that ... since the letters went out")
        end = date.end if date is not None and day < date.end <= ctx.ref else ctx.ref
        return DateSpan(start=day, end=end, precision="span"), f"'{began.group(0)}': from the day sentence {prev.index + 1} tells"

    @staticmethod
    def _launch_day(ctx: _DocContext, s, noun: str) -> tuple[dt.date, Sentence] | None:
        """The day one of the ten sentences before says the offensive (letter, ...) was launched
        (sent, ...), when it tells exactly one, and the sentence telling it; failing that, the
        nearest sentence anywhere in the article that says so in so many words ("the offensive
        the group launched on March 7 last year", "The offensive that began on March 7")."""
        noun = noun.lower()
        if noun in ("offensive", "operation"):  # 'launched what they call "Operation 1111" on November 11'
            noun = "(?:offensive|operation)"
        near = list(reversed(ctx.sentences[max(0, s.index - 10):s.index]))
        nearby = {x.index for x in near}
        rest = sorted((x for x in ctx.sentences if x.index not in nearby and x.index != s.index), key=lambda x: abs(x.index - s.index))
        said_so = re.compile(rf"(?i)\b{noun}\s+(?:\w+\s+){{0,3}}?\b(?:{_LAUNCH_WORDS})\b"
                             rf"|\b(?:{_LAUNCH_WORDS})\s+(?:the|its|their|an?)\s+(?:[\w-]+\s+){{0,2}}?{noun}\b")
        for prev in near + rest:
            if not re.search(rf"(?i)\b{noun}s?\b", prev.text) or not _LAUNCHED.search(prev.text):
                continue
            if prev.index not in nearby and not said_so.search(prev.text):
                continue
            told = [m.span for m in args.dates_in(prev.text, ctx.ref_at(prev.start), ctx.doc.text)
                    if m.kind == "point" and m.span.precision == "day"]
            if len(told) == 1 and ctx.ref is not None and told[0].start <= ctx.ref:
                return told[0].start, prev
        return None

    def _offset_date(self, ctx: _DocContext, s, offset: re.Match[str], date: DateSpan | None,
                     rule: str) -> tuple[DateSpan | None, str]:
        """'Two days later, ...': the nearest day told in the sentences before, moved; 'in the
        same statement': the day of the statement told before."""
        days = _offset_days(offset)
        if days is None:
            return date, rule
        began = offset.group("began") or offset.group("began2") or offset.group("began3")
        if began:
            launched = self._launch_day(ctx, s, began)
            if launched is None:
                return date, rule
            day, prev = launched
            if ctx.ref is not None and day + dt.timedelta(days=days) > ctx.ref:
                return date, rule
            return DateSpan.day(day + dt.timedelta(days=days)), f"'{offset.group(0)}' from the day sentence {prev.index + 1} tells"
        if offset.group("wdpos"):  # "the morning after Friday's ambush": from that Friday
            told = resolve(f"on {offset.group('wdpos')}", ctx.ref_at(s.start))
            if told is None:
                return date, rule
            day = told.start + dt.timedelta(days=days)
            return DateSpan.day(day), f"'{offset.group(0)}' from {told.start.isoformat()}"
        same = (offset.group("same") or "").lower()
        noun = same.rsplit(" ", 1)[-1] if same.startswith("in ") else ""
        told = re.compile(rf"(?i)\b(?:{noun[:6]}\w*|announc\w*|stat(?:ed|ement)|said|release[ds]?)\b") if noun else None
        if told is not None:  # the sentence naming the statement itself comes before any 'said'
            named = re.compile(rf"(?i)\b{noun[:6]}\w*")
            naming = [b for b in range(1, 13) if s.index - b >= 0 and named.search(ctx.sentences[s.index - b].text)]
        for back in range(1, 13 if told else 10):
            if s.index - back < 0:
                break
            prev = ctx.sentences[s.index - back]
            said = told.search(prev.text) if told is not None else None
            if told is not None and (said is None or (naming and back not in naming)):
                continue  # looking for the statement itself, and the time it was made
            if told is not None and naming:
                said = named.search(prev.text)
            # counted from a fall told before: its time comes before the reporter's 'told ... on Monday'
            at = said.end() if said is not None else 0 if offset.group("n2") or offset.group("sameday") else len(prev.text)
            pdate, prule = args.event_date(prev.text, at, ctx.ref_at(prev.start), tally=False, context=ctx.doc.text)
            if told is None and prev.index in ctx.counted_days:
                # "Two days after the base fell, ... surrendered. ... A week later, ...": from that counted day
                pdate, prule = DateSpan.day(ctx.counted_days[prev.index]), f"the day sentence {prev.index + 1} counts to"
            if pdate is not None and pdate.precision == "day":
                later = _OFFSET.match(re.sub(r"^[ ,]*(?:(?:issued|released|published|posted)\s+)?", "", prev.text[said.end():])) \
                    if told is not None and said else None
                if later is not None and _offset_days(later):  # "a statement issued the following day"
                    days += _offset_days(later) or 0
                    prule += f", '{later.group(0)}'"
                day = pdate.start + dt.timedelta(days=days)
                if ctx.ref is not None and day > ctx.ref:
                    break  # the writing date comes first: the offset must be wrong
                if (offset.group("unit2") or "").lower().startswith("week"):
                    # "a week before the final assault" (a looser telling than "a week later"): the
                    # 7 days around it, as "two weeks ago" is
                    end = day + dt.timedelta(days=3)
                    return DateSpan(start=day - dt.timedelta(days=3), end=min(end, ctx.ref or end), precision="week"), \
                        f"'{offset.group(0)}' from {prule}"
                if offset.group("few") and not (offset.group("unit2") or "").lower().startswith("week"):
                    start, end = (day, day + dt.timedelta(days=2)) if days < 0 else (day - dt.timedelta(days=2), day)
                    return DateSpan(start=start, end=end, precision="span"), f"'{offset.group(0)}' from {prule}"
                return DateSpan.day(day), f"'{offset.group(0)}' from {prule}"
            if pdate is not None and told is None and not prule.startswith("since ") and prev.index in ctx.event_sentences:
                break  # a vaguer happening is the nearest: no day to count from (background 'since ...', or the
                # vague time of a sentence that tells no event, 'had been recruited late last year', is not one)
        what = _COUNTED_FROM_WHAT.search(offset.group(0)) if offset.group("n2") or offset.group("sameday") else None
        for nxt in ctx.sentences[s.index + 1:s.index + 4] if what is not None else ():
            # "... gave themselves up two days after the base fell. / The outpost ... fell on September 6":
            # the happening counted from, told after
            told_at = re.search(rf"(?i)\b{what.group(0)}", nxt.text)
            if told_at is None:
                continue
            ndate, nrule = args.event_date(nxt.text, told_at.start(), ctx.ref_at(nxt.start), tally=False, context=ctx.doc.text)
            if ndate is not None and ndate.precision == "day":
                day = ndate.start + dt.timedelta(days=days)
                if ctx.ref is None or day <= ctx.ref:
                    return DateSpan.day(day), f"'{offset.group(0)}' from sentence {nxt.index + 1}: {nrule}"
            break
        return date, rule

    def _certainty(self, ctx: _DocContext, mention: Mention, claimed_by: str | None) -> tuple[str, str]:
        """A hedge in the event's sentence; for happenings, a later sentence saying the claim
        could not be verified (up to the next event); or a second party's confirmation."""
        i = mention.sentence.index
        cert, rule = args.certainty_in(mention.sentence.text)
        if cert == "unconfirmed" or mention.kind == "call":
            return cert, rule
        for s in ctx.sentences[i + 1:i + 6]:
            if s.index in ctx.happening_sentences:
                break  # (a promise or an assurance between holds no claim of its own to verify)
            m = lx.VERIFY_CUE.search(s.text)
            if m:
                return "unconfirmed", f"a later sentence: '{m.group(0)}'"
        for s in ctx.sentences[i + 1:i + 4]:
            who = args.confirmation_in(s.text, claimed_by)
            if who is not None:
                return "confirmed", f"confirmed by {who}, a second party"
        return "reported", "no hedge or second-party confirmation"

    def _issuer(self, ctx: _DocContext, mention: Mention) -> tuple[str | None, str]:
        s = mention.sentence
        speaker, said = args.attribution_in(s.text, mention.trigger.idx)
        if speaker not in CANONICAL_ACTORS or args.side_of(speaker) == "regime":
            speaker = None  # only an organisation of the other side issues appeals
        if mention.rule in lx.GOAL_BEFORE_RULES:
            # "Anyone who leaves ... will receive 5 million kyats, the NUG's defence ministry announced":
            # the speaker promises; the subject is those promised
            if speaker is not None:
                return speaker, f"the speaker of the promise: {said}"
            return self._antecedent(ctx, s.start), "earlier actor in the article"
        before = s.text[: mention.trigger.idx - mention.trigger.sent.start_char]
        if mention.subject and ctx.is_author(mention.span_text(mention.subject)):
            # "SPFF calls on soldiers ...": the press release's sender, outside the registry
            return (ctx.author if ctx.author in CANONICAL_ACTORS else None), "the subject is the article's author"
        # "Resistance groups have attacked police posts ..., and the NUG's defense ministry began
        # broadcasting messages urging sailors ...": the clause the appeal belongs to first
        cut = max(before.rfind(", and "), before.rfind("; "))
        for span_text, where in ((mention.span_text(mention.subject), "subject"), (before[cut + 1:] if cut > 0 else "", "speaker in the appeal's clause"),
                                 (before, "speaker before the appeal")):
            for hit in args.actors_in(span_text):
                if hit.side != "regime":
                    return hit.canonical, f"{where}: actor '{hit.text}'"
        # "warning letters that the Homalin PDF sent", "leaflets dropped by the KNDF": who sent the appeal
        sent = _SENT_BY.match(s.text, mention.trigger.idx - mention.trigger.sent.start_char + len(mention.trigger.text))
        for hit in args.actors_in(sent.group("who") or sent.group("by")) if sent else ():
            if hit.side != "regime":
                return hit.canonical, f"who sent it: actor '{hit.text}'"
        if speaker is not None and (mention.rule == "imperative" or re.fullmatch(r"(?i)\s*(?:we|i|(?:our|my)\s+\w+)\s*", mention.span_text(mention.subject) or "")
                                   or re.search(r"(?i)\b(?:our|we)\s+$", before)):
            # '"We want all soldiers ... to leave now," the KNDF said', '"Soldiers ..., please leave
            # the army," a KNDF spokeswoman said': the speaker's organisation
            return speaker, f"the one speaking: {said}"
        if re.search(r"(?i)\b(?:us|our)\b", s.text[mention.trigger.idx - mention.trigger.sent.start_char:]) and (
                mention.rule == "imperative" or re.fullmatch(r"(?i)\s*we\s*", mention.span_text(mention.subject) or "")):
            # "If you are a soldier listening, message us": the speaker's organisation
            return self._first_person(ctx, s), "first person ('us', 'our'): the speaker's organisation"
        noun = args.anaphor_noun(mention.span_text(mention.subject)) if mention.subject else ""
        return self._antecedent(ctx, s.start, noun=noun), f"earlier actor in the article{f' (a {noun})' if noun else ''}"

    def _first_person(self, ctx: _DocContext, s: Sentence) -> str | None:
        """Whom 'we' and 'us' stand for in sentence `s`: the body the transcript's speaker is
        listed with ("DAW MAY THINZAR HLAING: ... our ministry's channels"), the author of the
        statement, or the actor named earlier."""
        label = _speaker(ctx.doc.text, s.start)
        return (args.affiliated(label, ctx.ties) if label else None) or ctx.author or self._antecedent(ctx, s.start)

    def _antecedent(self, ctx: _DocContext, before: int, prefer: str | None = None, noun: str = "") -> str | None:
        """The actor an anaphor ("the group", "the ministry", "he") points back to."""
        hits = [h for h in ctx.actors_before(before) if h.side != "regime" and h.canonical not in ("CDM", "UNKNOWN-RESISTANCE")]
        if noun:
            registry = actor_registry.get_registry()

            def names(h: args.ActorHit) -> list[str]:
                return [h.text.lower(), *(n.lower() for n in registry.get(h.canonical).all_names())]
            # "the alliance" is an alliance (head noun or kind), not the "... Alliance Army"
            headed = [h for h in hits if any(n.split()[-1:] == [noun] for n in names(h))
                      or noun in (registry.get(h.canonical).kind or "")]
            typed = headed or [h for h in hits if any(noun in n for n in names(h))]
            hits = typed or hits
        if prefer and prefer != "CDM" and (not hits or any(h.canonical == prefer for h in hits)) and not noun:
            return prefer
        return hits[-1].canonical if hits else (prefer if prefer != "CDM" else None)

    @staticmethod
    def _ref(doc: Document) -> dt.date | None:
        """The day relative words resolve against: the article's own date (stated or inferred)."""
        return doc.published

    def _attach_later_dates(self, ctx: _DocContext, drafts: list[Draft]) -> None:
        """'It was unclear when the defections took place, but ... since Sunday', 'People's
        Goal issued the appeal in a video on Monday': a later sentence that names the
        happening gives its time (and, for an appeal, its issuer)."""
        for d in drafts:
            call = d.type == EventType.call_to_defect
            if d.date is not None and not (call and d.actor is None):
                continue
            pattern = _DEFINITE_CALL if call else _DEFINITE_EVENT
            for s in ctx.sentences[d.mention.sentence.index + 1:d.mention.sentence.index + 8]:
                m = pattern.search(s.text)
                if not m:
                    continue
                if call and d.actor is None:
                    hit = next((h for h in args.actors_in(s.text[:m.start()]) if h.side != "regime"), None)
                    if hit is not None:
                        d.set("actor", hit.canonical, f"later sentence names who issued it: '{hit.text}'")
                        if d.claimed_by is None:
                            d.set("claimed_by", hit.canonical, "the issuer")
                if d.date is None:
                    date, rule = args.event_date(s.text, m.end(), ctx.ref_at(s.start), tally=False, call=call, context=ctx.doc.text)
                    if date is not None:
                        d.set("date", date, f"later sentence about the happening: {rule}")
                break

    @staticmethod
    def _compared_figures(ctx: _DocContext, drafts: list[Draft]) -> list[Draft]:
        """'312 defections during May, up from 268 in April': the earlier period's figure the
        claimant sets beside its own is a figure of its own, with the same people, receiver and
        claimant, over the period it names."""
        out: list[Draft] = []
        for d in drafts:
            out.append(d)
            if d.type != EventType.tally:
                continue
            s = d.mention.sentence
            for m in _COMPARED_FIGURE.finditer(s.text, max(0, d.evidence[0] - s.start)):
                count = parse_count(m.group("figure"))
                when, rule = args.event_date(m.group("when"), 0, ctx.ref, tally=True, context=ctx.doc.text)
                if count is None or when is None or (d.count is not None and count.value == d.count.value):
                    continue
                twin = d.twin((s.start + m.start(), s.start + m.end()))
                twin.set("count", count, f"the earlier figure set beside it: '{m.group('figure')}'")
                twin.set("date", when, f"the earlier figure's period: {rule}")
                out.append(twin)
        return out

    def _date_calls_from_statements(self, ctx: _DocContext, drafts: list[Draft]) -> None:
        """'The ministry announced on Tuesday that ...' then '... the ministry invited soldiers
        to ...': an undated call takes the day its issuer is said to have made a statement
        in a nearby sentence, or paragraphs before it when that day is the news of the days just
        before the writing (a statement told in the lede and quoted further down); an older
        declaration told far before is background, not the appeal's day."""
        for d in drafts:
            if d.type != EventType.call_to_defect or d.date is not None or d.actor is None:
                continue
            i = d.mention.sentence.index
            for s in sorted(ctx.sentences[0:i + 4], key=lambda x: abs(x.index - i)):
                m = _STATEMENT.search(s.text)
                if s.index == i or not m:
                    continue
                if not any(h.canonical == d.actor for h in args.actors_in(s.text[:m.start()])) and \
                        not (s.index < i and args.anaphor_noun(s.text[:m.start()])):
                    continue
                date, rule = args.event_date(s.text[m.start():], 0, ctx.ref_at(s.start), tally=False, call=True, context=ctx.doc.text)
                recent = ctx.ref is not None and date is not None and ctx.ref - date.start <= _RECENT_STATEMENT
                if date is not None and date.precision == "day" and (i - s.index <= 4 or recent):
                    d.set("date", date, f"the issuer's statement in sentence {s.index + 1}: {rule}")
                    break

    def _finish(self, doc: Document, d: Draft) -> Event:
        if d.date is None and d.type == EventType.tally and doc.published:
            d.set("date", DateSpan(start=args.COUP, end=doc.published, precision="span"),
                  "a running total with no period of its own: since the coup")
        if d.date is None:
            span = doc.published_span or (DateSpan.day(doc.published) if doc.published else None)
            rule = "no time stated: the article's date"
            if span is not None and doc.published_source == "content" and span.end > span.start + _OPEN_SPAN:
                # an undated article known only to be written after its latest news (no cue closes
                # the span, which runs to the end of the year): the days just after that news. A span a cue
                # gives ("last month's coup": that month) is kept, as the seed gold keeps it.
                span, rule = DateSpan(start=span.start, end=span.start + _NEWS_DAYS, precision="span"), \
                    "no time stated: the days just after the latest news of an undated article"
            if span is not None:
                d.set("date", span, rule)
        if d.location is None:
            place, rule = _default_place(d, doc.text)
            d.set("location", place, rule)
        start, end = d.evidence
        return Event(
            type=d.type, date=d.date, location=d.location, count=d.count, who=d.who, to=d.to,
            actor=d.actor if d.type in (EventType.call_to_defect, EventType.tally) else None,
            claimed_by=d.claimed_by, certainty=d.certainty, evidence=doc.text[start:end],
            evidence_start=start, evidence_end=end, trigger=d.mention.trigger_text,
            provenance=d.provenance, extractor_version=EXTRACTOR_VERSION,
        )


# people who ran from their posts before they gave themselves up, in the same clause
_FLED_THEN = re.compile(r"\b(fled|escaped|deserted|slipped\s+(?:out|away)|abandoned|ran\s+away\s+from)\b[^.;:“”\"]{0,120}?"
                        r"\band\s+(?:later\s+|then\s+)?$", re.IGNORECASE)


def _debunked(ctx: _DocContext, mention: Mention) -> bool:
    """The sentence, or the one after it, calls the claim false (a fact-check), and it is not
    the regime speaking (a regime denial only lowers certainty)."""
    i = mention.sentence.index
    for s in ctx.sentences[i:i + 3]:
        m = lx.DEBUNK_CUE.search(s.text)
        if m and not any(h.side == "regime" for h in args.actors_in(s.text[:m.start()])):
            return True
    return False


def _plural_head_without_number(mention: Mention) -> bool:
    """'The soldiers defected': a subject that names people but no number has no count."""
    head = mention.subject_head
    return head is not None and head.tag_ in ("NNS", "NNPS") and not any(c.dep_ == "nummod" for c in head.children)


# "in the two townships" back to "Thaton and Bilin townships", told before
_THE_PLACES = re.compile(r"\b(?:the|these|those|both)\s+(?:(?:two|three|four|five|six)\s+)?(?P<level>townships|districts|towns|villages)\b")


def _places_told_before(d: Draft, text: str) -> tuple[Place, str] | None:
    """'at least 19 administrators in the two townships': the first of the places a list
    before the sentence names ("Mon State's Thaton and Bilin townships")."""
    back = _THE_PLACES.search(d.mention.sentence.text)
    if back is None:
        return None
    level = back.group("level")
    name = r"[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?"
    lists = list(re.finditer(rf"(?:{name}(?:,\s+|,?\s+and\s+)){{1,5}}{name}\s+{level}\b", text[:d.mention.sentence.start]))
    found = args.places_in(lists[-1].group(0)) if lists else []
    if not found:
        return None
    return found[0][2], f"the first of '{lists[-1].group(0)}', told before '{back.group(0)}'"


# "before the town fell", "on the north side of town": the town the article named last
_THE_TOWN = re.compile(r"\b(?:[Tt]he\s+(?:town|city)|(?:of|in|into|outside)\s+town)(?![\w-])(?!\s+of\b)")
# "the administrator of Sagyin village tract": a village the gazetteer lacks, with no township beside it
_A_VILLAGE = re.compile(r"\b(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})\s+village(?:\s+tract)?\b")


def _town_told_before(d: Draft, text: str) -> tuple[Place, str] | None:
    """A happening told only by 'the town', or at a village the gazetteer lacks, lies in the
    town or township the article named last before it (a state's namesake town, "Sagaing",
    is too likely the state)."""
    sentence = d.mention.sentence.text
    town, village = _THE_TOWN.search(sentence), _A_VILLAGE.search(sentence)
    if village is not None and args.places_in(village.group("name")):
        village = None
    if town is None and village is None:
        return None
    named = [p for _, _, p in args.places_in(text[:d.mention.sentence.start])
             if p.admin1 and (p.geo_precision or 4) <= 2 and p.name.lower() != p.admin1.lower()]
    if not named:
        return None
    if village is not None:
        name = village.group("name")
        return named[-1].model_copy(update={"name": name, "geo_precision": 1}), \
            f"'{village.group(0)}', which the gazetteer lacks: in '{named[-1].name}', named last before"
    return named[-1], f"'{town.group(0)}': the last town named before, '{named[-1].name}'"


# "1/ 🧵 KAWLIN, Sagaing Region: ...": an unrolled thread's first post opens with its number
_POST_NUMBER = re.compile(r"\s*\d{1,2}/\d{0,2}\s+(?:[^\w\s]+\s+)?")


@lru_cache(maxsize=64)
def _dateline_place(text: str) -> tuple[Place, str] | None:
    """The place a local outlet's dateline files from ("HINTHADA —"), when it is a town or
    township of Myanmar: where a happening the article does not place most likely was."""
    for m in re.finditer(r"(?m)^", text):
        line = text[m.start():m.start() + 120]
        line = line[n.end():] if (n := _POST_NUMBER.match(line)) else line
        dateline = args.DATELINE.match(line)
        if dateline is None:
            continue
        filed = line[:dateline.end()]
        if re.search(r"[(\d]", filed):
            return None  # "YANGON, April 28 (Reuters) -": a wire's bureau, wherever the news was
        found = [p for _, _, p in args.places_in(filed) if p.admin1 is not None and (p.geo_precision or 4) <= 2]
        if found:
            return found[0], f"the dateline: '{filed.strip()}'"
        if re.match(r"\s*[A-Z]{3,}\b", filed):
            return None  # "BANGKOK —": filed from abroad (a site's "Thread Reader —" is not a dateline)
    return None


def _full_name_before(claimant: str, before: str) -> str | None:
    """'The Lab' or 'the Network': the last word of a name the article gave in full before
    ("the Ayeyar Policy Lab", "the Myanmar Defectors Support Network"), or an abbreviation the
    article spelt out ("SPM" after "Safe Passage Myanmar (SPM)")."""
    acronym = re.fullmatch(r"[A-Z][A-Z&-]{1,7}", claimant.strip())
    if acronym is not None and claimant.strip() not in CANONICAL_ACTORS:
        spelt = re.findall(rf"((?:[A-Z][\w'’-]*\s+(?:of\s+|for\s+|and\s+|the\s+)?){{1,6}})\(\s*{re.escape(acronym.group(0))}\s*\)", before)
        spelt = [n.strip() for n in spelt if n.strip()[:1] == acronym.group(0)[:1]]
        return spelt[-1] if spelt else None
    short = re.fullmatch(r"(?i:the)\s+([A-Z][a-z][\w-]*)", claimant.strip())
    if short is None:
        return None
    names = re.findall(rf"((?:[A-Z][\w'’-]+\s+){{1,4}}){short.group(1)}\b", before)
    names = [n.strip() for n in names if not re.match(r"(?:The|A|An|In|On|At|By)\s*$", n.strip())]
    if not names:
        return None
    return re.sub(r"^(?:The|the)\s+", "", names[-1]) + " " + short.group(1)


def _default_place(d: Draft, text: str) -> tuple[Place | None, str]:
    local = _local_group(d, text) or _places_told_before(d, text) or _town_told_before(d, text)
    if local is not None:
        return local
    org = d.actor or (d.to if d.to != "CDM" else None)
    if org:
        # the unit the sentence names, when it has a home of its own ("KNU's Brigade 4": Tanintharyi)
        units = ((m.text, actor_registry.home_place(m.actor_id)) for m in actor_registry.find_actors(d.mention.sentence.text)
                 if m.canonical == org and m.actor_id != org)
        name, home = next(((text, home) for text, home in units if home is not None), None) or (org, actor_registry.home_place(org))
        if home is not None:
            return home, f"home area of {name}"
    if d.type in (EventType.defection, EventType.surrender) and (filed := _dateline_place(text)) is not None:
        return filed
    if d.type == EventType.tally or (d.type == EventType.call_to_defect and d.actor):
        return gazetteer.resolve_place("Myanmar"), "country-wide"
    return None, "no place stated"


@lru_cache(maxsize=64)
def _regional_pdfs(text: str) -> tuple[tuple[int, str], ...]:
    """Where a document names local PDFs ("the Khin-U PDF"), found once per document."""
    return tuple((m.start, m.text) for m in actor_registry.find_actors(text) if m.how == "regional_pdf")


def _local_group(d: Draft, text: str) -> tuple[Place, str] | None:
    """'the Khin-U PDF had received 37 soldiers': a local PDF's figure or appeal is its township's.
    The group is the one the sentence names, or for a figure or appeal the last one named before
    it ("the group issued a statement calling on police ...")."""
    if "PDF" not in (d.actor, d.to, d.claimed_by):
        return None
    s = d.mention.sentence
    groups = _regional_pdfs(text)
    named = [(at, name) for at, name in groups if s.start <= at < s.end]
    if not named and d.type in (EventType.tally, EventType.call_to_defect):
        named = [(at, name) for at, name in groups if at < s.start][-1:]
    homes = [(name, home) for _, name in named if (home := actor_registry.group_home(name)) is not None]
    if len({home.pcode for _, home in homes}) != 1:
        return None
    name, home = homes[0]
    return home, f"home area of {name}"


def _same_actor(a: str | None, b: str | None) -> bool:
    """Equal, or one a part of the other (NUG-MOD is part of the NUG)."""
    if a is None or b is None or a == b:
        return True
    if "UNKNOWN-RESISTANCE" in (a, b) and "regime" not in (args.side_of(a), args.side_of(b)):
        return True  # "slip away to resistance" in a headline, "taken in by the PDF" in the body
    reg = actor_registry.get_registry()
    return any(x is not None and x.parent == y for x, y in ((reg.get(a), b), (reg.get(b), a)))


_RECEIVING_KINDS = frozenset({"armed_group", "ethnic_armed_organisation", "armed_wing", "brigade", "network", "alliance"})


# a paragraph that opens with a speaker telling an outlet: "Saw Htoo Lwin, a spokesperson for
# Brigade 2, told DVB that ...", "Police Deputy Inspector Ye Htut Kyaw, 34, told Myanmar Now"
_OPENS_WITH_TELLING = re.compile(r"\s*[A-Z][^,.;“”\"]{1,60}?(?:,[^,.;“”\"]{1,80},)?\s+told\s+[A-Z]")
# names led by a Myanmar honorific or title, which the small NER model may miss
_HONORIFIC_NAME = re.compile(r"\b(?:Daw|U|Ko|Ma|Saw|Naw|Sai|Nang|Maung|Mahn|Khun|Pu|Salai|Dr\.?)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,3}")


# a quotation, then who said it: '"I could not give the order again," the 34-year-old captain told AFP'
_QUOTE_THEN_TELLER = re.compile(r"\s*[“\"][^”\"]{3,400}[”\"],?\s+(?:he|she|the\s+(?:[\w-]+\s+){0,3}?(?:captain|soldier|officer|sergeant|"
                                r"corporal|lieutenant|major|private|policeman|policewoman|defector|deserter|conscript|man|woman))"
                                r"\s+(?:told|said)\b")
# "For eleven years Zin did what the army asked": the person a story's next sentence calls "he"
_STORY_SUBJECT = re.compile(r"(?:^|,\s+|\b(?:years|months),?\s+)(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,3})\s+"
                            r"(?:did|was|had|has|is|served|joined|spent|worked|enlisted)\b")


def _named_before(ctx: _DocContext, s: Sentence) -> str | None:
    """The person the sentence before `s` tells of, when it opens a story about him or her."""
    if s.index == 0:
        return None
    m = _STORY_SUBJECT.search(ctx.sentences[s.index - 1].text)
    if m is None or args.actors_in(m.group("name")) or args.places_in(m.group("name")):
        return None
    return m.group("name")


def _person_in(mention: Mention) -> str | None:
    """The person the event's sentence names (the last one before its trigger), if any."""
    trig = mention.trigger.idx
    names = [(e.start_char, e.text) for e in mention.trigger.doc.ents if e.label_ == "PERSON" and e.start_char < trig]
    names += [(m.start(), m.group(0)) for m in _HONORIFIC_NAME.finditer(mention.sentence.text[:trig])]
    names = [(at, n) for at, n in names if not args.actors_in(n) and not args.places_in(n)]  # not "Pegu" in "In Pegu town"
    return max(names)[1] if names else None


# news is written within days of the latest happening it reports: three days from it fit a reader
# who dates the writing to a day as well as one who gives it a week
_NEWS_DAYS = dt.timedelta(days=2)
_OPEN_SPAN = dt.timedelta(days=31)  # longer than any span a writing-time cue gives


# a line that addresses the regime's men, which an appeal in the imperative answers
_ADDRESSING = re.compile(r"(?i)^\W*(?:(?:(?:an?|our|my|this|one|final|last|special|urgent)\s+)?(?:warning|message|appeal|open\s+letter|letter|call|reminder|notice|plea|word|advice|request)s?\s+)?to\s+(?:all\s+|the\s+)?\S"
                         r"|^\s*Q\s*[:.]\s.*\b(?:message|tell|say|advice|appeal)\b")


# a sentence that says whom the words after it are for: "Our message to every soldier ... is the same:"
_ADDRESSED_BEFORE = re.compile(r"(?i)\b(?:message|appeal|call|plea|word|advice|request)\b[^.;]{0,20}\b(?:to|for)\s+(?:all\s+|every\s+|each\s+|the\s+)?\w"
                               r"|\bto\s+(?:all|every|each)\s+(?:\w+\s+){0,2}?(?:soldiers?|police|officers?|conscripts?|members?|troops)\b")


_KIN_WORD = re.compile(r"wife|wives|husbands?|spouses?|sons?|daughters?|child(?:ren)?|famil(?:y|ies)|relatives|parents|mother|father")
_ONLY_GET_IN_TOUCH = re.compile(r"(?i)(?:contact|message|text|phone)\b")


def _addressed_before(ctx: _DocContext, s: Sentence, lead: str, back: int = 4,
                      paragraph: bool = False) -> tuple[Who | None, str, str | None]:
    """Whom an appeal in the second person speaks to, told before it in its own sentence (`lead`)
    or by one of the `back` sentences before it (in its paragraph, with `paragraph`) that address
    someone ("Our message to every soldier ...:", "To my friends in the air force, I am telling
    you", a heading "TO ALL SOLDIERS AND POLICE"); the nearest that names them."""
    before = [x for x in ctx.sentences[max(0, s.index - back):s.index] if not (paragraph and _new_paragraph(ctx.doc, x, s))]
    for said in (lead, *(x.text.strip() for x in reversed(before))):
        if _ADDRESSED_BEFORE.search(said) or _ADDRESSING.match(said):
            who, rule = args.who_for(said)
            if who is not None:
                return who, f"those a sentence before addresses: {rule}", said
    return None, "no sentence before addresses anyone", None


def _addressing_heading(text: str, start: int) -> str | None:
    """The line just before the paragraph at `start`, when it addresses someone ("TO ALL
    SOLDIERS AND POLICE IN KALAY", "Q: What do you want to tell police in Tharrawaddy?")."""
    para_start = text.rfind("\n", 0, start) + 1
    before = text[:para_start].rstrip("\n")
    line = before[before.rfind("\n") + 1:]
    return line if line.strip() and len(line) < 200 and _ADDRESSING.match(line) else None


def _new_paragraph(doc: Document, first, second) -> bool:
    """Whether a paragraph break stands between two sentences (`first` before `second`)."""
    return "\n" in doc.text[first.end:second.start]


# what an organisation's own text calls itself: "Statement No. 9/2023", "Monthly Update - January 2022"
_STATEMENT_CUE = re.compile(r"(?i)\b(?:statement|press\s+release|announcement|declaration|communiqu[ée]|notice|update|bulletin"
                            r"|press\s+conference|press\s+briefing|transcript)\b")
# the words before one who is told: "told CNA", "speaking to the KNU"
_LISTENER_BEFORE = re.compile(r"(?i)\b(?:told|tells?|telling|(?:spoke|speaking|talked|talking|said)\s+to|interviewed\s+by)\s+(?:the\s+)?$")
# the sender of an appeal told after it: "(warning) letters that the Homalin PDF sent", "(appeal) leaflets
# dropped by the KNDF over Loikaw"
_SEND_VERB = r"(?:sent|issued|wrote|delivered|distributed|dropped|posted|published|broadcast|circulated|put\s+out|handed\s+out)"
_SENT_BY = re.compile(rf"(?:\s+[\w'’-]+){{0,2}}?\s+(?:(?:that|which)\s+(?P<who>[^,;.]{{3,80}}?)\s+(?:had\s+|has\s+)?{_SEND_VERB}\b"
                      rf"|(?:that\s+(?:were|was|had\s+been)\s+)?{_SEND_VERB}\s+(?:out\s+)?by\s+(?P<by>[^,;.]{{3,60}}))")


# what a monitor's own publication calls itself
_BRIEF_CUE = re.compile(r"(?i)\b(?:data\s+brief|brief(?:ing)?\s+(?:no\.?|paper)|bulletin|situation\s+(?:update|report)|monthly\s+(?:report|update)"
                        r"|weekly\s+(?:report|update)|(?:quarterly|annual)\s+report)\b")
# the lines under a page's or channel's name: "Public figure · 48K followers", "t.me/s/monywa_pdf_info",
# "(t.me channel, 41.2K subscribers)", "21 March 2022 at 20:14 - Public"
_PAGE_MARK = re.compile(r"(?i)\b(?:followers|subscribers|public\s+figure|t\.me\b|telegram|view\s+in\s+telegram|official\s+page)"
                        r"|\bat\s+\d{1,2}[:.]\d{2}\b(?:.*\bpublic\s*$|\s*(?:[AaPp]\.?[Mm]\.?)?\s*[·•])")
# a copy's own line above the page: an archive's, an export's, a reader's
_COPY_LINE = re.compile(r"(?i)\b(?:chat\s+export|exported|snapshot|webpage\s+capture|capture\s+of|retrieved|saved\s+from|text\s+extracted"
                        r"|page\s+cached|wayback\s+machine|downloaded)\b")
_CHANNEL_LABEL = re.compile(r"(?i)(?:channel|page|group)\s*:\s*")
_RELEASE = re.compile(r"(?i)^(?:for\s+immediate\s+release|press\s+release|media\s+release|news\s+release)\W*$")
# an organisation outside the registry by its own name: "Safe Passage Family Fund (SPFF)"
_ORG_NAME = re.compile(r"^(?P<name>(?:The\s+)?(?:[A-Z][\w'’&-]*\s+(?:(?:of|for|and|on)\s+(?:the\s+)?)?){0,6}"
                       r"(?:Fund|Network|Foundation|Watch|Monitor|Association|Institute|Centre|Center|Committee|Coalition|Union"
                       r"|Group|Initiative|Project|Society|Council|Team|Federation|Forum|Trust|Campaign|Observatory|Tracker))"
                       r"(?:\s*\((?P<abbr>[A-Z][A-Za-z-]{1,9})\))?\s*$")


def statement_author(text: str) -> str | None:
    """The organisation an article is the own text of: its name heads the text (a letterhead,
    a page's or channel's name, the sender of a press release) and the text calls itself a
    statement, is signed with the same name, or is the page's or channel's post."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    while lines and _COPY_LINE.search(lines[0]):  # "[archive.today snapshot of t.me/s/...]", "Telegram Desktop — chat export"
        lines = lines[1:]
    label = _CHANNEL_LABEL.match(lines[0]) if lines else None
    channel = label is not None
    if label is not None:  # "Channel: Police CDM Myanmar (public channel, 61.4K subscribers)"
        lines[0] = lines[0][label.end():]
    if len(lines) < 3:
        return None
    def actors(line: str) -> list[args.ActorHit]:  # "CHIN NATIONAL FRONT" is read as a name, "KNDF" as written
        hits = args.actors_in(line)
        if line.isupper():
            titled = args.actors_in(line.title())
            hits = max(hits, titled, key=lambda hs: sum(h.end - h.start for h in hs))
        return hits

    def org(line: str, *, sides=("resistance",)) -> str | None:  # the line is just an organisation's name
        line = re.sub(r"(?i)\s+of\s+the\s+Republic\s+of\s+the\s+Union\s+of\s+Myanmar$", "", line)
        line = re.sub(r"\s*[-–|(]?\s*[\u1000-\u109f][\u1000-\u109f\s]*\)?", " ", line).strip()  # the name again in Burmese
        line = re.sub(r"\s+[-–|]\s+(?:official|english(?:\s+\w+)?|information\s+team)$", "", line, flags=re.IGNORECASE)
        line = re.sub(r"(?:\s+[-–])?\s+(?:Battalion|Brigade|Column|Company|Unit)\s+(?:No\.\s*)?\d+$", "", line)  # "KNDF Battalion 14"
        hits = [h for h in actors(line) if h.side in sides and h.canonical not in ("CDM", "UNKNOWN-RESISTANCE")]
        if not hits or sum(h.end - h.start for h in hits) < 0.6 * len(re.sub(r"\s*\([^)]*\)", "", line)):
            return None
        return hits[0].canonical

    page = channel or any(_PAGE_MARK.search(line) for line in lines[1:3])
    if _RELEASE.match(lines[0]):  # "FOR IMMEDIATE RELEASE / Safe Passage Family Fund (SPFF)"
        named = _ORG_NAME.match(lines[1])
        return org(lines[1]) or (named.group("name") if named and len(named.group("name").split()) > 1 else None)
    if page and re.search(r"(?i)\bCDM\b", lines[0]) and re.search(r"(?i)\bpolice\b", lines[0]):
        return "POLICE-CDM-CHANNEL"  # a police CDM channel's own digest
    author = org(lines[0], sides=("resistance", "regime"))
    if author is None:
        # a monitor's own brief: "MYANMAR DEFECTION OBSERVATORY / Monthly Data Brief · No. 7"
        named = _ORG_NAME.match(" ".join(w.capitalize() for w in lines[0].split()) if lines[0].isupper() else lines[0])
        if named and len(named.group("name").split()) > 1 and any(_BRIEF_CUE.search(line) for line in lines[1:3]):
            return named.group("name")
        return None
    if args.side_of(author) == "regime":  # the junta's information team speaks for the junta
        return "TATMADAW" if any(_STATEMENT_CUE.search(line) for line in lines[:5]) else None
    below = org(lines[1])  # "National Unity Government ... / Ministry of Defence": the ministry
    if below is not None and below != author and _same_actor(below, author):
        author = below
    tail = lines[max(3, len(lines) - 3):]  # a signature below the body, not the letterhead itself
    signed = any(author in {h.canonical for h in actors(line)} for line in tail)
    return author if signed or page or any(_STATEMENT_CUE.search(line) for line in lines[1:5]) else None


_BULLET = re.compile(r"\s*[•▪◦‣*·-]\s")
# a line that is only a post's day: "— 9 July —", "12 March 2024", "[Day 796 · 08:15]" (a day counted from
# the coup, in a text that counts them so)
_POST_STAMP_LINE = re.compile(
    r"(?m)^[^\w\n]*(?:(?P<date>(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
    r"(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?)(?:,?\s+\d{4})?)"
    r"|Day\s+(?P<n>\d{1,4}))(?:\s*[·•|,-]\s*\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?)?[^\w\n]*$")
_SPRING_DAY_CONTEXT = re.compile(r"(?i)\bSpring\s+Revolution\s+Day\b|\bDay\s+\d+\s+of\s+the\s+Spring\s+Revolution\b")
_DIGEST_DAYS = dt.timedelta(days=60)


def _receiver_speaks(claimant: str | None, to: str | None) -> bool:
    """Unnamed resistance sources ("a powerful armed group said") are the named resistance
    group that received the people."""
    return claimant == "UNKNOWN-RESISTANCE" and to not in (None, "CDM", "UNKNOWN-RESISTANCE") and args.side_of(to) == "resistance"


def _takes_people_in(actor: str | None) -> bool:
    """Bodies that receive defectors and surrendering troops: armed groups and defection
    networks, not governments or ministries that only report them."""
    entry = actor_registry.get_registry().get(actor) if actor in CANONICAL_ACTORS else None
    # (a defection network on no armed side, such as a police officers' CDM channel, takes people in too)
    return entry is not None and (entry.side == "resistance" and entry.kind in _RECEIVING_KINDS
                                  or entry.side == "civilian" and entry.kind == "network")


def _cue_after_attribution(text: str, mention: Mention, cue: str) -> bool:
    """Whether a period cue stands after the sentence's attribution ('..., union officials said,
    adding to pressure on a government that has struggled since it seized power'): the writer's
    comment, not the figure's period."""
    trig = mention.trigger.idx - mention.trigger.sent.start_char
    at = text.find(cue, trig)
    return at > 0 and re.search(r"\b(?:said|says|told|reported|according\s+to)\b", text[trig:at]) is not None


# a transcript's speaker who is not the one asking ("HOST:", "Q:")
_ASKER = re.compile(r"(?i)(?:host|anchor|presenter|interviewer|reporter|moderator|q|a|question|answer|narrator|editor)")
# an essay's signature: "— Thet Naing Oo is a former major of the Myanmar army."
_SIGNED = re.compile(r"(?m)^\s*[—–-]+\s*(?P<name>(?:[A-Z][\w'’.-]+\s+){1,4}?)(?:is|was)\s+(?:a|an)\s+former\b")


def _speaker(text: str, at: int) -> str | None | Literal[False]:
    """The transcript's speaker of the paragraph at `at` ("HTET WAI YAN: I left on ..."), as
    a name; False when the label is the one asking ("HOST:"); None without a label."""
    para = text.rfind("\n", 0, at) + 1
    label = SPEAKER_LABEL.match(text[para:at + 200])
    if label is None:
        return None
    name = label.group(0).strip(" :\t")
    if _ASKER.fullmatch(name) or len(name.split()) < 2:
        return False
    return name.title() if name.isupper() else name


def _teller_name(text: str, at: int) -> str | None:
    """Who tells their own leaving in the paragraph at `at`: the transcript's speaker, or the
    essay's signed author."""
    speaker = _speaker(text, at)
    if speaker is not None:
        return speaker or None
    signed = _SIGNED.search(text)
    return signed.group("name").strip() if signed else None


def _counted_from_a_day_told_after(ctx: _DocContext, mention: Mention, date: DateSpan, rule: str) -> tuple[DateSpan, str]:
    """'joined the TNLA two days after the MNDAA announced on August 3 that ...': counted from the day
    of what the clause after the offset tells (not the same day given again: 'Two days before the
    walkout, on Sunday, ...')."""
    text, trig = mention.sentence.text, mention.trigger.idx
    counted = _COUNTED_FROM_A_DAY.search(text, max(0, trig - 80))
    if counted is None or counted.start() >= trig + len(mention.trigger_text) + 80:
        return date, rule
    told = next((m for m in args.dates_in(text, ctx.ref, ctx.doc.text) if m.span == date
                 and counted.end() <= m.start <= counted.end() + 100 and not re.search(r"[.;,]", text[counted.end():m.start])
                 and _TOLD_VERB.search(text[counted.end():m.start])), None)
    # ("the day before the group announced on January 15 that ...": one day)
    n = 1 if (counted.group("n") or "a").lower() == "a" else number_value(counted.group("n")) or 0
    days = n * (7 if counted.group("unit").lower().startswith("week") else 1) * (1 if counted.group("dir").lower() == "after" else -1)
    day = date.start + dt.timedelta(days=days)
    if told is None or not days or (ctx.ref is not None and day > ctx.ref):
        return date, rule
    return DateSpan.day(day), f"'{counted.group(0).strip()}' the day told after it: {rule}"


def _teller(d: Draft) -> bool:
    """A first-person telling of leaving ('I left the camp ...', 'Three of us left together')."""
    return "teller" in d.provenance and d.type in (EventType.defection, EventType.surrender)


_TELLER_REACH = 6  # sentences between the reporter's telling of a leaving and the leaver's own


def _told_of_speaker(a: Draft, b: Draft) -> bool:
    """Whether `a`, the reporter's telling of one person's (or one group's) leaving shortly
    before or after the first-person telling `b`, is the same leaving: 'Captain Aung defected in
    March ... "I left my post with two of my men," he said'."""
    if _teller(a) or a.type != b.type:
        return False
    if abs(b.mention.sentence.index - a.mention.sentence.index) > _TELLER_REACH:
        return False
    x = a.count.value if a.count else None
    y = b.count.value if b.count else None
    return x is None or y is None or x == y or 1 in (x, y)  # (the teller may speak of themselves alone)


def _one_person(d: Draft) -> bool:
    return d.count is not None and d.count.value == 1 and d.mention.subject_head is not None


def _weak(d: Draft, field: str) -> bool:
    return "reporting it received" in d.provenance.get(field, "")


# "up from 268 in April", "compared with 76 in the last seven months of 2021", "up from roughly 600 last year"
_COMPARED_FIGURE = re.compile(
    r"\b(?:up|down|rising|falling|climbing|compared)\s+(?:from|with|to)\s+"
    r"(?P<figure>(?:(?:about|around|roughly|some|nearly|almost|more\s+than|over|fewer\s+than|less\s+than|just)\s+)?\d[\d,]*)"
    r"\s+(?:(?:soldiers|police|personnel|people|defectors|defections|members|officers|men)\s+)?"
    r"(?P<when>(?:in|during|over|for|the|last|a|an)\s+[^,.;]{2,60}?)(?=\s*(?:[,.;]|$|\band\b))", re.IGNORECASE)


_ADJACENT = dt.timedelta(days=1)
_MORE_OF_THEM = re.compile(r"(?i)\b(?:another|more|further|additional|also|other)\b")


def _vague_lede_of(lede: Draft | None, a: Draft, b: Draft) -> bool:
    """'Hundreds of soldiers surrendered ..., the biggest surrender since ...' opening the article, then
    'About 1,600 soldiers surrendered ... on Thursday': the lede (the article's first event told in
    its body) sums up with a vague count the happening a later telling gives a figure for, though a
    day apart (the day the news broke, and the day it happened); 'another 30 soldiers' or '30 more' is
    a new happening."""
    if lede is None or lede not in (a, b):
        return False
    body = b if lede is a else a
    return (lede.count is not None and lede.count.qualifier == "vague" and body.count is not None
            and body.count.value is not None and not _MORE_OF_THEM.search(body.mention.span_text(body.mention.subject)))


def _sums_up_calls(d: Draft) -> bool:
    """'... as the NUG stepped up calls for troops to abandon the regime': appeals summed up, not one told."""
    return d.type == EventType.call_to_defect and d.mention.trigger.lower_ == "calls" and d.mention.trigger.pos_ == "NOUN"


def _the_same_people_next(a: Draft, b: Draft) -> bool:
    """'Two days later, six soldiers ... handed themselves over to the TNLA.' then 'The soldiers
    had left their unit during the Thadingyut holiday': the next sentence goes back over the same
    people's journey (they left, then arrived a day later), naming them as 'the soldiers', 'they' or
    'the 38 soldiers' when as many were told."""
    first, then = (a, b) if a.mention.sentence.index < b.mention.sentence.index else (b, a)
    subject = then.mention.span_text(then.mention.subject) if then.mention.subject else ""
    if then.mention.sentence.index != first.mention.sentence.index + 1:
        return False
    if then.count is not None and first.count is not None and then.count.value and then.count.value == first.count.value:
        # "Thirty-eight soldiers ... have surrendered" then "the 38 soldiers who had hidden in the hills ..."
        return re.match(r"(?i)\s*the\s+(?:\d+|[a-z]+(?:-[a-z]+)?)\s", subject) is not None
    return then.count is None and re.fullmatch(r"(?i)\s*(?:they|the\s+(?:[a-z]+\s+)?[a-z]+s)\s*", subject) is not None


def _same_figure_and_town(a: Draft, b: Draft) -> bool:
    """'Six police in Khawzar have left their posts ... this week', then 'A sergeant and five
    constables from the Khawzar police station slipped away on the night of February 12': the same
    figure from the same town a day apart (the night they left, the day they arrived) is one
    happening told twice."""
    return (a.count is not None and b.count is not None and a.count.value is not None and a.count.value > 1
            and a.count.value == b.count.value and a.location is not None and b.location is not None
            and (a.location.geo_precision or 4) <= 2 and a.location.pcode is not None and a.location.pcode == b.location.pcode)


def _compatible(a: Draft, b: Draft, lede: Draft | None = None) -> bool:
    if a.type != b.type:
        return False
    if a.mention.kind == "follow" or b.mention.kind == "follow":
        return False
    if _teller(a) and _teller(b):
        return True  # "I left on the day after Martyrs' Day" and "Three of us left together": the teller left once
    if (_teller(b) and _told_of_speaker(a, b)) or (_teller(a) and _told_of_speaker(b, a)):
        return True  # 'He had joined the CDM in February ...' then '"I stopped going to work ...," he said'
    if not (_weak(a, "to") or _weak(b, "to") or _same_actor(a.to, b.to)):
        return False
    if _one_person(a) and _one_person(b) and a.mention.subject_head.lower_ != b.mention.subject_head.lower_:
        return False  # "a police major" and "a police lieutenant" are two people
    pairs = [
        (a.count.value if a.count else None, b.count.value if b.count else None),
        (a.location.admin1 if a.location else None, b.location.admin1 if b.location else None),
    ]
    if a.type == EventType.call_to_defect:
        if not _same_actor(a.actor, b.actor):
            return False
    else:
        pairs.append((a.who.category if a.who else None, b.who.category if b.who else None))
    if any(x is not None and y is not None and x != y for x, y in pairs):
        return False
    if a.count and b.count and any(v.value is None and v.low and w.value is not None and w.value < v.low
                                   for v, w in ((a.count, b.count), (b.count, a.count))):
        return False  # "Dozens of municipal workers ... since January" and "nine staff ... On Tuesday": fewer than dozens
    # ("stepped up calls for troops to abandon the regime": appeals summed up, a day from the one told)
    summed_calls = _sums_up_calls(a) or _sums_up_calls(b)
    slack = _ADJACENT if _vague_lede_of(lede, a, b) or _same_figure_and_town(a, b) or summed_calls \
        or _the_same_people_next(a, b) else dt.timedelta(0)
    if a.date and b.date and (a.date.end + slack < b.date.start or b.date.end + slack < a.date.start):
        said_later = any(x.provenance.get("date", "").endswith(_ONLY_TOLD) and y.date.end <= x.date.start  # type: ignore[union-attr]
                         for x, y in ((a, b), (b, a)))
        if "article's date" not in a.provenance.get("date", "") + b.provenance.get("date", "") and not said_later:
            return False
    if a.type == EventType.tally:
        return a.mention.sentence.index != b.mention.sentence.index and a.count is not None and b.count is not None
    return True


def _split_coordinated_figures(drafts: list[Draft]) -> list[Draft]:
    """'around 2,500 soldiers and about 6,000 police officers had defected since ...': a running
    figure given for each service is a figure of its own per service, not their sum (a captain
    and 14 soldiers leaving together stay one happening)."""
    out: list[Draft] = []
    for d in drafts:
        s = d.mention.sentence
        parts = args.coordinated_figures(s.text, d.mention.subject_head) if d.type == EventType.tally else []
        whos = [args.who_for(s.text[lo:hi])[0] for _, lo, hi in parts]
        if len(parts) < 2 or any(c.value < 10 or w is None for (c, _, _), w in zip(parts, whos, strict=True)) \
                or len({w.category for w in whos if w is not None}) < len(parts):
            out.append(d)
            continue
        for k, ((count, lo, hi), who) in enumerate(zip(parts, whos, strict=True)):
            end = d.evidence[1] if k == len(parts) - 1 else s.start + hi
            twin = d.twin((s.start + lo, end))
            twin.set("count", count, f"one service's own figure of several: '{s.text[lo:hi]}'")
            twin.set("who", who, f"the people of that figure: '{s.text[lo:hi]}'")
            out.append(twin)
    return out


_SENTENCE_END = (".", "!", "?", '"', "”")
_HEAD_LINES = 3  # a title, a deck and an outlet's line at most


def _head_block(sentences: list[Sentence]) -> int:
    """How many opening lines stand above the first full sentence: the title, and a deck that
    restates it ("Rebels call on soldiers ... to give up; police in Ann joined AA")."""
    # (a list's lead-in or its items end the head: "Since the offensive began on 3 June:", "• 64 ...")
    return next((s.index for s in sentences[:_HEAD_LINES] if s.text.rstrip().endswith(_SENTENCE_END)
                 or s.text.rstrip().endswith(":") or _BULLET.match(s.text)),
                min(_HEAD_LINES, len(sentences)))


def _is_headline(d: Draft, head_block: int = 1) -> bool:
    return d.mention.sentence.index < max(1, head_block) and not d.mention.sentence.text.rstrip().endswith(_SENTENCE_END)


def _one_appeal(a: Draft, b: Draft) -> bool:
    """Two orders a sentence or two apart ('Come home for Christmas. Leave the military council
    ...'): the same appeal, worded twice."""
    return a.type == b.type == EventType.call_to_defect and a.mention.rule == b.mention.rule == "imperative" \
        and abs(a.mention.sentence.index - b.mention.sentence.index) <= 2


def _richness(d: Draft, head_block: int = 1) -> int:
    """How much a mention states itself: the fields its own sentence filled."""
    own = [n for n in ("count", "location", "to", "claimed_by", "date", "who") if getattr(d, n) is not None
           and "repeat" not in d.provenance.get(n, "")]
    return len(own) - (2 if _is_headline(d, head_block) else 0)


_ARRIVAL_REACH = 6  # sentences after the leaving within which an arrival of as many people ends that journey


def _breakdowns(ctx: _DocContext, drafts: list[Draft]) -> list[Draft]:
    """'... over 9,000 soldiers and police have joined the people's side since the coup, of whom about
    2,300 are soldiers', 'Of these, 871 were soldiers and 413 were police officers', 'Sagaing Region
    accounted for 302 of the 1,284 cases': the parts a figure is broken down into, each a figure of
    its own over the same period, by the same claimant; only the people (or the place) differ."""
    out: list[Draft] = []
    for d in drafts:
        out.append(d)
        whole = d.count.value if d.type == EventType.tally and d.count is not None else None
        if not whole:
            continue
        others = [x.evidence for x in drafts if x is not d]
        s = d.mention.sentence
        starts: list[tuple[Sentence, int]] = []
        for m in (*lx.BREAKDOWN_OPENER.finditer(s.text, max(0, d.evidence[0] - s.start)),
                  *lx.BREAKDOWN_OF_FIGURE.finditer(s.text)):
            if m.start() > 0:  # "..., of whom about 2,300 are soldiers"
                starts.append((s, m.end()))
        places: list[tuple[Sentence, re.Match[str]]] = []
        for later in ctx.sentences[s.index + 1:s.index + 3]:
            if any(later.start <= lo < later.end for lo, _ in others):
                break  # a figure of its own follows
            opener = lx.BREAKDOWN_OPENER.match(later.text)  # ("- Of these, ...": a list item too)
            place = lx.BREAKDOWN_PLACE.search(later.text)
            if opener is None and place is None:
                break
            if opener is not None:
                starts.append((later, opener.end()))
            if place is not None:
                places.append((later, place))
        for sent, pos in starts:
            while (m := lx.BREAKDOWN_PART.match(sent.text, pos)) is not None:
                found = find_counts(m.group("fig"))  # (one figure, the whole phrase's)
                count = found[0].count if len(found) == 1 else None
                people = m.group("who")
                who = args.who_for(people)[0] or (Who(force="tatmadaw", category="soldier", unit=people.strip())
                                                    if lx.SERVICE_WORDS.search(people) else None)
                if count is None or who is None or not count.value or count.value >= whole \
                        or not re.search(r"\d|[a-z]$", m.group("fig").strip()):
                    break
                span = (sent.start + m.start("fig"), sent.start + m.end("who"))
                if any(lo < span[1] and span[0] < hi for lo, hi in others):
                    break
                part = d.twin(span)
                part.set("count", count, f"a part of the figure of {whole}: '{m.group('fig').strip()}'")
                part.set("who", who, f"the people of that part: '{people.strip()}'")
                out.append(part)
                pos = m.end()
        for sent, m in places:
            count = parse_count(m.group("fig"))
            place, rule = args.event_place(sent.text, m.start("place"), window=m.span("place"))
            if count is None or not count.value or count.value >= whole or place is None:
                continue
            part = d.twin((sent.start + m.start("place"), sent.start + m.end()))
            part.set("count", count, f"a place's part of the figure of {whole}")
            part.set("location", place, f"the place of that part: {rule}")
            out.append(part)
    return out


def _arrivals_of_those_told(drafts: list[Draft]) -> list[Draft]:
    """'Eleven soldiers deserted from their unit in Kalay on Monday. ... Eleven soldiers reached
    the Kalay PDF on Wednesday': an arrival of as many people as a leaving told just before is
    the end of that journey, not a second defection; it names whom they joined."""
    out: list[Draft] = []
    for d in drafts:
        prev = None
        if d.mention.rule == "arrive-at" and d.type == EventType.defection and d.count is not None and d.count.value:
            prev = next((p for p in reversed(out) if p.type in (EventType.defection, EventType.surrender)
                         and p.count is not None and p.count.value == d.count.value
                         and 0 < d.mention.sentence.index - p.mention.sentence.index <= _ARRIVAL_REACH), None)
        if prev is None:
            out.append(d)
            continue
        if d.to is not None and prev.to in (None, "UNKNOWN-RESISTANCE"):
            prev.set("to", d.to, f"where they arrived, told later: {d.provenance.get('to', '')}")
    return out


def _fold_repeats(drafts: list[Draft], head_block: int = 1) -> list[Draft]:
    """One happening once per article: fold later compatible mentions into the first. The
    evidence is the richest telling (the body sentence with the details, not the headline).
    A headline sums up the article's main happening: it folds into the first body event of
    its type, whose details win, and stands alone only when the body tells none."""
    out: list[Draft] = []
    best: dict[int, int] = {}
    heads = [d for d in drafts if _is_headline(d, head_block)]
    body = [d for d in drafts if not _is_headline(d, head_block)]
    lede = body[0] if body else None
    for d in body + heads:
        host = next((o for o in out if _compatible(o, d, lede)), None)
        if host is None and _is_headline(d, head_block):
            host = next((o for o in out if o.type == d.type and not _is_headline(o, head_block)), None)
        if host is None:
            out.append(d)
            best[id(d)] = _richness(d, head_block)
            continue
        host.merged += 1
        if _one_appeal(host, d):
            # "Come to the people before 31 December. ... Contact us through page inbox": one appeal
            # in several orders, told from the first to the last
            host.evidence = (min(host.evidence[0], d.evidence[0]), max(host.evidence[1], d.evidence[1]))
            host.provenance["evidence"] = f"one appeal in {host.merged} orders, from the first to the last"
        elif _richness(d, head_block) > best[id(host)]:
            best[id(host)] = _richness(d, head_block)
            host.evidence = d.evidence
            host.provenance["evidence"] = f"the richest of {host.merged} tellings (sentence {d.mention.sentence.index + 1})"
        summed_up = _vague_lede_of(lede, host, d)
        if _sums_up_calls(host) and not _sums_up_calls(d) and d.date is not None:
            # the appeal told is the one the summary meant: its day and its words
            host.set("date", d.date, f"{d.provenance.get('date', '')} (the appeal a summary of calls meant)")
            host.evidence = d.evidence
            best[id(host)] = max(best[id(host)], _richness(d, head_block))
        for name in ("count", "who", "to", "actor", "claimed_by", "date", "location"):
            mine, theirs = getattr(host, name), getattr(d, name)
            if name == "who" and mine and theirs and mine.category != theirs.category:
                unit, units = (mine.unit, mine.units) if mine.unit else (theirs.unit, theirs.units)
                host.set("who", Who(force="mixed", category="mixed", unit=unit, units=units), "repeats name several groups")
            elif name == "who" and mine and theirs and mine.unit is None and theirs.unit:
                host.set("who", mine.model_copy(update={"unit": theirs.unit, "units": theirs.units}),
                         f"{host.provenance['who']}; unit from a repeat")
            elif mine is None and theirs is not None:
                host.set(name, theirs, f"{d.provenance.get(name, '')} (from a repeat in sentence {d.mention.sentence.index + 1})")
            elif name in ("to", "actor", "claimed_by") and mine and theirs and mine != theirs and _same_actor(mine, theirs) \
                    and (getattr(actor_registry.get_registry().get(theirs), "parent", None) == mine or mine == "UNKNOWN-RESISTANCE"):
                host.set(name, theirs, f"{d.provenance.get(name, '')} (more specific, from a repeat)")
            elif name == "count" and mine and theirs and _teller(host) and _teller(d) and (theirs.value or 0) > (mine.value or 0):
                host.set(name, theirs, f"{d.provenance.get(name, '')} (all who left with the teller, from a repeat)")
            elif name == "count" and mine and theirs and mine.value is None and theirs.value is not None:
                # "Hundreds of soldiers surrendered ..." then "About 1,600 soldiers surrendered ...": the figure
                host.set(name, theirs, f"{d.provenance.get(name, '')} (a figure for a vague count, from a repeat)")
            elif name == "location" and mine and theirs and args.refines(theirs, mine):
                host.set(name, theirs, f"{d.provenance.get(name, '')} (more specific, from a repeat)")
            elif name == "date" and mine and theirs and mine.start <= theirs.start and theirs.end <= mine.end \
                    and theirs.days < mine.days:
                host.set(name, theirs, f"{d.provenance.get(name, '')} (narrower, from a repeat)")
            elif name == "date" and mine and theirs and host.provenance.get("date", "").endswith(_ONLY_TOLD) \
                    and theirs.precision == "day" and theirs.start <= mine.start and not d.provenance.get("date", "").endswith(_ONLY_TOLD):
                host.set(name, theirs, f"{d.provenance.get(name, '')} (when it happened, from a repeat; the first telling gave the day it was said)")
            elif name == "date" and mine and theirs and mine != theirs and summed_up:
                host.set(name, theirs, f"{d.provenance.get(name, '')} (the body's day for what the lede sums up)")
            elif name == "date" and mine and theirs and mine.precision != "day" and theirs.precision == "day" \
                    and _same_figure_and_town(host, d):
                host.set(name, theirs, f"{d.provenance.get(name, '')} (the day a closer telling gives)")
        if d.certainty == "unconfirmed":
            host.set("certainty", "unconfirmed", d.provenance.get("certainty", ""))
    return out
