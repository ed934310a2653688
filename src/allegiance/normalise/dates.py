"""Temporal expressions in running text, resolved against the article's own date.

The extraction engine calls :func:`find_dates` on the sentence (or few sentences) around a
trigger, with ``ref`` = the article's date (``Document.reference_date``).  Every mention is a
:class:`TimeMention`: character offsets, the words, what kind of time it is and the resolved
:class:`~allegiance.models.DateSpan`.  :func:`resolve` does the same for one expression.

How it works
------------
A small regex grammar that we control finds the expressions (dateparser's ``search_dates`` is
slow and noisy on news prose).  Every rule in ``_RULES`` is one compiled pattern plus a
handler; all rules run over the text, the longest match wins where matches overlap, and the
survivors are returned in text order.  The grammar reads month/day/year groups directly, so
absolute dates need no parser; dateparser is used only as the fallback of :func:`resolve`
for expressions the grammar does not know.

Conventions (the decisions the gold relies on)
----------------------------------------------
* **Spans never end after ``ref``** unless the words point forward ("next month",
  "tomorrow", "later this year", a deadline "until/by ..."): a named period that contains
  ``ref`` ("this month", "in March" written in March) is clipped to end at ``ref``.
* **Year-less dates** ("May 14", "in March", "late June", "the monsoon") take the latest year
  whose occurrence starts on or before ``ref``; "next ..." takes the first one after ``ref``;
  "last March" takes the latest March that ended before ``ref``.  After *until / by / as of*
  (deadlines) the nearest occurrence is taken, past or future, with the past preferred unless
  the future one is less than half as far away ("until October" in December = this October;
  "gives police until August 15 to quit" on August 10 = five days ahead).
* **Weekdays**: "on Sunday" = the latest Sunday *on or before* ``ref``: news style names
  the day even for the day of publication ("on Tuesday morning" in an article dated Tuesday
  is that Tuesday).  "last Sunday" = the latest Sunday strictly before ``ref``; "next
  Sunday" = the first Sunday strictly after ``ref``.
* **Kinds**: ``point`` (the happening is inside the span); ``since`` ("since March", "after
  the coup"): span = start of the named time (day after it, for *after/following*) .. ``ref``;
  ``until`` ("until October", "by October", "as of May 3"): span = the named time itself, so
  its *end* is the bound and the caller supplies a start; "before X" gives the single day
  before X starts; ``duration`` ("over the past two weeks", "in recent weeks"): a span ending
  at ``ref``.  ``base`` always holds the named time before the kind was applied.
* Parts: early/beginning = days 1-10 (Jan-Apr of a year, Mon-Tue of a week), mid/middle =
  11-20 (May-Aug, Wed-Thu), late/end = 21-end (Sep-Dec, Fri-Sun).
* "last week" = the previous Monday-Sunday week; "two weeks ago" = the 7 days centred on
  ``ref`` - 14; "a month ago" = 31 days centred on ``ref`` - 1 month; "recently" / "in recent
  weeks" = ``ref`` - 28 .. ``ref``; "in recent days" = ``ref`` - 7 .. ``ref``.
* Seasons follow the Myanmar calendar (``SEASONS``): monsoon June-October, dry season
  November-May, hot season / summer March-May, cool season / winter November-February.
* Named anchors of this conflict live in one table, ``ANCHORS``.  Anchors are returned when
  a preposition gives them a role ("since the coup", "until the conscription law was
  activated"); a bare mention ("protests against the coup") is matched, so that the date
  inside "the February 1 coup" is not read as an event date, but left out of the result
  unless ``include_bare_anchors=True``.  Forms that only name Operation 1027 in context
  ("since the offensive began") count only when "1027" or "Brotherhood" appears in the text
  or in the ``context`` string the caller passes (typically the whole article).
* Without ``ref``: absolute dates with a year still resolve; year-less and relative ones, and
  the open end of ``since``, give ``span=None``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from allegiance.models import DateSpan

__all__ = [
    "ANCHORS",
    "revolution_day",
    "nth_day_since_coup",
    "ordinal_number",
    "HOLIDAYS",
    "SEASONS",
    "Anchor",
    "TimeMention",
    "find_dates",
    "resolve",
]

Kind = Literal["point", "since", "until", "duration"]

_D1 = dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class TimeMention:
    """One temporal expression found in a text."""

    start: int  # character offsets into the text searched
    end: int
    text: str
    span: DateSpan | None  # the kind-appropriate span; None when it needs ref and ref is None
    kind: Kind
    base: DateSpan | None = None  # the time named, before since/until/before was applied
    anchor: str | None = None  # key in ANCHORS / HOLIDAYS when the expression names one
    rule: str = ""  # the grammar rule that matched (for provenance)


@dataclass(frozen=True, slots=True)
class Anchor:
    """A named moment of the conflict that text refers to without a date."""

    name: str
    day: dt.date
    patterns: tuple[str, ...]  # regex sources (case-insensitive), no capturing groups
    keywords: tuple[str, ...] = ()  # lower-case words one of which every pattern contains
    # Patterns that count only when `context` matches the text or the caller's context string.
    contextual: tuple[str, ...] = ()
    context_keywords: tuple[str, ...] = ()  # as `keywords`, for the contextual patterns
    context: str | None = None


# --- tables --------------------------------------------------------------------------------
_COUP_DAY = dt.date(2021, 2, 1)
_APOS = "['\u2019]"
_CONSC = (
    rf"(?:(?:new\s+)?(?:People{_APOS}s\s+)?Military\s+Service\s+Law"
    r"|(?:new\s+|mandatory\s+|military\s+|forced\s+)?conscription(?:\s+law)?"
    r"|mandatory\s+military\s+service|draft\s+law)"
)
_CONSC_VERB = r"(?:activat|announc|enforc|impos|introduc|enact|implement|invok)\w*"
_OCT27 = r"(?:on\s+)?(?:late\s+)?(?:October|Oct\.?)(?:\s+27(?:th)?)?(?:,?\s+2023)?"
_BEGAN = r"(?:began|started|commenced|kicked\s+off|was\s+launched|launched|got\s+under\s*way)"
_NE_COMMAND = (rf"(?:(?:military|army|junta|regime){_APOS}s\s+)?North[\s-]?[Ee]astern\s+(?:Regional\s+|Military\s+)?Command"
               r"(?:\s+(?:headquarters\s+)?(?:in|at)\s+Lashio)?")
_W_COMMAND = (rf"(?:(?:military|army|junta|regime){_APOS}s\s+)?Western\s+(?:Regional\s+|Military\s+)?Command"
              r"(?:\s+(?:headquarters\s+)?(?:in|at)\s+Ann)?")


def _fall(name: str, day: dt.date, place: str, words: tuple[str, ...],
          nouns: str = "fall|capture|seizure|takeover") -> Anchor:
    """A place the regime lost, told two ways: "the fall of Lashio" (``nouns``: what "the ... of
    <place>" may say) and "the Northeastern Command fell"; ``words``: one of them is in every telling."""
    return Anchor(name, day, (
        rf"(?:the\s+)?(?:{nouns})\s+of\s+{place}",
        rf"{place}\s+(?:fell|was\s+(?:captured|taken|seized|overrun))",
    ), keywords=words)

def revolution_day(n: int) -> dt.date:
    """The day the resistance numbers "Spring Revolution Day n" (Day 1 is the coup's day)."""
    return _COUP_DAY + dt.timedelta(days=n - 1)


def nth_day_since_coup(number: str | None, word: str | None) -> dt.date:
    """'the 100th day since the coup' (`number` '100'), 'the one thousandth day' (`word`): the
    coup's own day is the first."""
    return revolution_day(int((number or "0").replace(",", "")) or (1000 if "thousandth" in (word or "").lower() else 100))


ANCHORS: tuple[Anchor, ...] = (
    Anchor(
        "coup",
        _COUP_DAY,
        (
            # the coup / the military coup / the February 1 coup / last month's coup / the 2021 coup
            rf"(?:(?:the|a|this|that|last\s+(?:month|year){_APOS}s|February{_APOS}s|2021{_APOS}s"
            rf"|Myanmar{_APOS}s|the\s+country{_APOS}s)\s+)?"
            r"(?:(?:military|army|junta|February|Feb\.?|1st|1|2021|illegal|illegitimate|bloody|"
            r"unlawful|Myanmar)[\s,]+){0,5}"
            r"(?:coup(?:\s+d['\u2019]?\s?[e\u00e9]tat)?|putsch|(?:military|army|junta)\s+takeover)"
            r"(?:\s+(?:in|on|of)\s+(?:(?:February|Feb\.?)(?:\s+1(?:st)?)?(?:,?\s+(?:2021|last\s+year|this\s+year))?"
            r"|1(?:st)?\s+February(?:\s+2021)?|2021))?",
            # since the military seized power (in a 2021 coup)
            r"(?:the\s+)?(?:military|army|junta|regime|Tatmadaw|generals|it|they|Min\s+Aung\s+Hlaing)\s+"
            r"(?:seized|took|grabbed|usurped)\s+power"
            r"(?:\s+(?:in|on|with|through)\s+(?:a|the)\s+(?:(?:military|February|2021)\s+)*coup"
            r"|\s+(?:in|on)\s+(?:February|Feb\.?)(?:\s+1(?:st)?)?(?:,?\s+2021)?|\s+in\s+2021)?",
            # since the takeover / the army's seizure of power (not "the takeover of Lashio")
            rf"(?:the\s+(?:(?:military|army|junta){_APOS}s\s+)?|(?:military|army|junta){_APOS}s\s+)"
            r"(?:takeover|(?:seizure|grab)\s+of\s+power)(?!\s+of\b)",
        ),
        keywords=("coup", "putsch", "takeover", "power"),
    ),
    Anchor(
        "spring_revolution",
        _COUP_DAY,
        (r"the\s+Spring\s+Revolution(?:\s+(?:began|started))?",),
        keywords=("spring revolution",),
    ),
    Anchor(
        "peoples_defensive_war",
        dt.date(2021, 9, 7),
        (
            rf"(?:the\s+)?(?:NUG{_APOS}s\s+)?(?:declaration\s+of\s+(?:a\s+|the\s+)?)?"
            rf"(?:People{_APOS}s\s+)?Defensive\s+War(?:\s+(?:was\s+)?(?:declared|began))?",
            r"the\s+NUG\s+declared\s+(?:a\s+|the\s+)?(?:people['\u2019]s\s+)?defensive\s+war",
        ),
        keywords=("defensive war",),
    ),
    Anchor(
        "operation_1027",
        dt.date(2023, 10, 27),
        (
            rf"Operation\s+1027(?:\s+{_BEGAN}(?:\s+{_OCT27})?)?",
            # the press's shorthand: "in the year since 1027 began"
            rf"(?<![\w,.-])1027\s+{_BEGAN}",
            rf"(?:the\s+)?(?:Three\s+)?Brotherhood\s+Alliance(?:{_APOS}s?)?\s+(?:offensive|operation)"
            rf"(?:\s+{_BEGAN}(?:\s+{_OCT27})?)?",
            r"(?:the\s+)?(?:Three\s+)?Brotherhood\s+Alliance\s+launched\s+(?:its|an|the)\s+"
            r"(?:joint\s+)?(?:offensive|operation|Operation\s+1027)(?:\s+" + _OCT27 + ")?",
        ),
        contextual=(
            rf"(?:the|this|that)\s+(?:(?:October|Oct\.?)\s+27(?:th)?\s+|joint\s+|northern\s+"
            rf"|alliance{_APOS}s\s+|ongoing\s+|major\s+)?(?:offensive|operation)(?:\s+{_BEGAN}(?:\s+{_OCT27})?)?",
        ),
        keywords=("1027", "brotherhood"),
        context_keywords=("offensive", "operation"),
        context=r"\b1027\b|Brotherhood",
    ),
    Anchor(
        "operation_1111",
        dt.date(2023, 11, 11),
        (rf"Operation\s+1111(?:\s+{_BEGAN})?",),
        contextual=(
            rf"(?:the|this|that)\s+(?:(?:November|Nov\.?)\s+11(?:th)?\s+|Karenni\s+|ongoing\s+|major\s+)?"
            rf"(?:offensive|operation)(?:\s+{_BEGAN})?",
        ),
        keywords=("1111",),
        context_keywords=("offensive", "operation"),
        context=r"\b1111\b",
    ),
    Anchor(
        "operation_1107",  # the Karenni forces' offensive on Moebye, Pekon and Loikaw
        dt.date(2023, 11, 7),
        (rf"Operation\s+1107(?:\s+{_BEGAN})?",),
        keywords=("1107",),
    ),
    Anchor(
        "operation_1027_phase_two",  # the Brotherhood Alliance's resumed offensive (Lashio, Nawnghkio)
        dt.date(2024, 6, 25),
        (
            r"(?:the\s+)?(?:second|2nd)\s+(?:phase|stage|round|wave)\s+of\s+(?:the\s+)?(?:Operation\s+1027"
            rf"|(?:Three\s+)?Brotherhood\s+Alliance(?:{_APOS}s?)?\s+(?:offensive|operation))"
            r"(?:\s+" + _BEGAN + r"(?:\s+in\s+(?:late\s+)?June(?:,?\s+2024)?)?)?",
            rf"Operation\s+1027(?:{_APOS}s)?\s+(?:(?:second|2nd)\s+phase|phase\s+(?:two|2|II))(?:\s+{_BEGAN})?",
        ),
        keywords=("1027", "brotherhood"),
    ),
    Anchor(
        "cyclone_mocha",
        dt.date(2023, 5, 14),
        (r"(?:Cyclone|Storm)\s+Mocha(?:\s+(?:struck|hit|made\s+landfall))?",),
        keywords=("mocha",),
    ),
    Anchor(
        "earthquake_2025",  # the magnitude 7.7 Sagaing fault earthquake
        dt.date(2025, 3, 28),
        (
            r"(?:the\s+)?(?:(?:March\s+28|magnitude[- ]7\.7|7\.7[- ]magnitude|Sagaing|Mandalay)\s+)(?:earthquake|quake)"
            r"(?:\s+(?:struck|hit))?",
        ),
        contextual=(
            rf"(?:the|last\s+month{_APOS}s|March{_APOS}s)\s+(?:deadly\s+|devastating\s+|massive\s+|powerful\s+)?"
            r"(?:earthquake|quake)(?:\s+(?:struck|hit))?",
        ),
        keywords=("quake",),
        context_keywords=("quake",),
        context=r"\b7\.7\b|\b2025\b",
    ),
    Anchor(  # "days after the disaster", in a text that tells of the 2025 earthquake
        "earthquake_2025_disaster",
        dt.date(2025, 3, 28),
        (),
        contextual=(r"the\s+(?:quake\s+|earthquake\s+)?disaster",),
        context_keywords=("disaster",),
        context=r"(?i)\b(?:7\.7|magnitude|earthquake|quake)\b[^.]{0,200}\b2025\b|\b2025\b[^.]{0,200}\b(?:earthquake|quake)\b"
                r"|(?:March\s+28|Sagaing|Mandalay)\s+(?:earthquake|quake)",
    ),
    Anchor(
        "conscription_law",
        dt.date(2024, 2, 10),
        (
            rf"(?:the\s+)?(?:junta|military|regime|SAC|military\s+council)(?:{_APOS}s?)?\s+{_CONSC_VERB}"
            rf"\s+(?:the\s+|its\s+|a\s+)?{_CONSC}",
            r"(?:the\s+)?(?:activation|announcement|enforcement|imposition|introduction|implementation)"
            rf"\s+of\s+(?:the\s+|its\s+|a\s+)?{_CONSC}",
            rf"(?:the\s+)?{_CONSC}(?:\s+(?:was|were|had\s+been)\s+{_CONSC_VERB}"
            r"|\s+(?:took|came\s+into)\s+(?:force|effect)|\s+(?:began|started))?",
        ),
        keywords=("conscription", "military service", "draft law"),
        # "since the law came in", in a text about the conscription law
        contextual=(r"the\s+(?:new\s+)?law\s+(?:came\s+in(?:to\s+(?:force|effect))?|took\s+effect|was\s+(?:activated|enforced))",),
        context_keywords=("law",),
        context=r"(?i)\bconscription\s+law\b|\bMilitary\s+Service\s+Law\b",
    ),
    # towns and commands the regime lost: "since the fall of Lashio", "after the Northeastern Command fell"
    _fall("lashio_fall", dt.date(2024, 8, 3), rf"(?:the\s+)?(?:{_NE_COMMAND}|Lashio)", ("lashio", "command")),
    _fall("myawaddy_fall", dt.date(2024, 4, 11), r"Myawadd?y", ("myawad",), nouns="fall|capture|seizure|surrender"),
    _fall("laukkai_fall", dt.date(2024, 1, 5), r"Laukkai(?:ng)?", ("laukkai",), nouns="fall|capture|seizure|surrender|handover"),
    _fall("mogoke_fall", dt.date(2024, 7, 24), r"Mogoke?", ("mogok",)),
    _fall("falam_fall", dt.date(2025, 4, 7), r"Falam", ("falam",)),
    _fall("western_command_fall", dt.date(2024, 12, 20), rf"(?:the\s+)?(?:{_W_COMMAND}|Ann)", ("ann", "command")),
)

# name -> (pattern, (month, day) first day, (month, day) last day)
HOLIDAYS: dict[str, tuple[str, tuple[int, int], tuple[int, int]]] = {
    "armed_forces_day": (rf"(?:Myanmar{_APOS}s\s+)?(?:Armed\s+Forces|Tatmadaw)\s+Day", (3, 27), (3, 27)),
    "union_day": (r"Union\s+Day", (2, 12), (2, 12)),
    "martyrs_day": (rf"Martyrs{_APOS}?\s+Day", (7, 19), (7, 19)),
    "independence_day": (rf"(?:Myanmar{_APOS}s\s+)?Independence\s+Day", (1, 4), (1, 4)),
    "chin_national_day": (r"Chin\s+National\s+Day", (2, 20), (2, 20)),
    # the ethnic armed struggles' own days: the KIA's founding (1961), the KNU's uprising (1949)
    "kachin_revolution_day": (r"Kachin\s+Revolution(?:ary)?\s+Day", (2, 5), (2, 5)),
    "karen_revolution_day": (r"Karen\s+Revolution(?:ary)?\s+Day", (1, 31), (1, 31)),
    "shan_national_day": (r"Shan\s+(?:State\s+)?National\s+Day", (2, 7), (2, 7)),
    "thingyan": (r"(?:the\s+)?(?:Thingyan(?:\s+(?:water\s+)?festival|\s+holidays?|\s+new\s+year)?|water\s+festival)", (4, 13), (4, 16)),
    "peasants_day": (rf"Peasants{_APOS}?\s+Day", (3, 2), (3, 2)),
    "womens_day": (rf"(?:International\s+)?Women{_APOS}s\s+Day", (3, 8), (3, 8)),
    "may_day": (r"May\s+Day", (5, 1), (5, 1)),
    "new_years_eve": (rf"New\s+Year{_APOS}s\s+Eve", (12, 31), (12, 31)),
    "new_years_day": (rf"New\s+Year{_APOS}s\s+Day", (1, 1), (1, 1)),
    # "since the new year", "since the start of the new year": the calendar's (Myanmar's own is Thingyan)
    "new_year": (r"(?<!Myanmar\s)(?<!Burmese\s)(?:the\s+)?(?:(?:start|beginning|turn)\s+of\s+the\s+)?new\s+year"
                 rf"(?!{_APOS}s|\s+(?:festival|holidays?|water|celebrations?))", (1, 1), (1, 1)),
    "christmas_eve": (r"Christmas\s+Eve", (12, 24), (12, 24)),
    "christmas": (r"Christmas(?:\s+Day)?(?!\s+Eve)", (12, 25), (12, 25)),
}

# Festivals of the Myanmar lunar calendar: name -> (pattern, full-moon day by year). The festival
# is the full-moon day and the days either side (the public holidays).
LUNAR_HOLIDAYS: dict[str, tuple[str, dict[int, tuple[int, int]]]] = {
    "thadingyut": (r"(?:the\s+)?Thadingyut(?:\s+(?:festival|holidays?|full\s+moon(?:\s+day)?|lights))?",
                   {2020: (10, 31), 2021: (10, 20), 2022: (10, 9), 2023: (10, 28), 2024: (10, 16), 2025: (10, 6), 2026: (10, 25)}),
    "tazaungdaing": (r"(?:the\s+)?Tazaung(?:daing|mon)(?:\s+(?:festival|holidays?|full\s+moon(?:\s+day)?))?",
                     {2020: (11, 29), 2021: (11, 18), 2022: (11, 7), 2023: (11, 26), 2024: (11, 15), 2025: (11, 4), 2026: (11, 23)}),
}

# name -> ((month, day) start, (month, day) end); end before start = crosses the new year.
SEASONS: dict[str, tuple[tuple[int, int], tuple[int, int]]] = {
    "monsoon": ((6, 1), (10, 31)),
    "dry": ((11, 1), (5, 31)),
    "hot": ((3, 1), (5, 31)),
    "cool": ((11, 1), (2, 29)),
    "autumn": ((9, 1), (11, 30)),
}
_SEASON_WORDS = {
    "monsoon season": "monsoon", "monsoon": "monsoon", "rainy season": "monsoon",
    "wet season": "monsoon", "rainy": "monsoon", "dry season": "dry", "hot season": "hot",
    "summer": "hot", "spring": "hot", "cool season": "cool", "cold season": "cool",
    "winter": "cool", "autumn": "autumn",
}

# --- lexicon -------------------------------------------------------------------------------
_MONTH_NUM = {m.lower()[:3]: i for i, m in enumerate(calendar.month_name) if m}
_WEEKDAY_NUM = {d.lower()[:3]: i for i, d in enumerate(calendar.day_name)}


def _alt(forms: list[str]) -> str:
    return "|".join(sorted(forms, key=len, reverse=True))


def _cased(words: list[str]) -> list[str]:
    return [f for w in words for f in (w, w.upper())]


_MONTH = (
    r"(?-i:(?:"
    + _alt(
        _cased(list(calendar.month_name)[1:])
        + [a + r"\.?" for a in _cased(
            ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"])]
    )
    + r"))(?![A-Za-z])"
)
_WEEKDAY = r"(?-i:(?:" + _alt(_cased(list(calendar.day_name))) + r"))(?![A-Za-z])"
_DAYN = r"(?:[12]\d|3[01]|0?[1-9])"
_ORDSUF = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)(?!\d|-\d\d-)"  # (not the year of an ISO date "2021-03-04")
_YREL = r",?\s+(?:of\s+)?(?P<yrel>last|this|next)\s+year"

_NUM_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "eighteen": 18,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "ninety": 90,
    "a dozen": 12, "dozen": 12, "a couple of": 2, "couple of": 2, "a couple": 2,
}
_VAGUE = {"a few": (2, 4), "few": (2, 4), "several": (3, 7)}
_NUM = r"(?:\d{1,3}|" + _alt([w.replace(" ", r"\s+") for w in [*_NUM_WORDS, *_VAGUE]]) + r")(?![\w-])"
_UNIT = r"(?:days?|weeks?|fortnights?|months?|years?)"

_PREP = (
    r"ever\s+since|since|up\s+until|until|till|til|through|by|before|after|following|as\s+of"
    r"|starting(?:\s+(?:in|on|from))?|beginning(?:\s+(?:in|on))?|from|in|on|during|throughout|over"
)
_PREP_KIND = {
    "ever since": "since", "since": "since", "from": "since", "starting": "since", "beginning": "since",
    "after": "after", "following": "after",
    "until": "until", "up until": "until", "till": "until", "til": "until", "through": "until",
    "by": "until", "as of": "until",
    "before": "before",
}
# Words that must precede a bare month, year or season for it to count as a time.
_CTX_WORDS = (
    r"in|on|of|since|until|till|by|during|throughout|from|before|after|between|and|to|through"
    r"|early|late|mid|the|this|last|next|as\s+of|starting|beginning|ending|or"
)
_CTX_TAIL = re.compile(rf"(?:^|[^\w])(?:{_CTX_WORDS})\s*[-\u2013]?\s*$", re.IGNORECASE)
_YEAR_CTX_TAIL = re.compile(
    r"(?:^|[^\w])(?:in|since|until|till|by|during|throughout|before|after|early|late|mid|the\s+year"
    r"|of|from|between|and|to|through|as\s+of|starting|beginning)\s*[-\u2013]?\s*$",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(r"(?:copyright|\(c\)|\u00a9)\W*$", re.IGNORECASE)
_OTHER_YEAR_BEFORE = re.compile(r"(?:19|20)\d\d(?:['\u2019]s)?\s*$")


# --- date arithmetic -----------------------------------------------------------------------
def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    return dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _monday(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


Span3 = tuple[dt.date, dt.date, str]


def _part(start: dt.date, end: dt.date, unit: str, part: str) -> Span3:
    """Early / mid / late third of a month, year or week."""
    if unit == "month":
        a, b = {"early": (1, 10), "mid": (11, 20), "late": (21, end.day)}[part]
        return start.replace(day=a), start.replace(day=b), "week"
    if unit == "year":
        a, b = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[part]
        return dt.date(start.year, a, 1), _month_end(start.year, b), "season"
    a, b = {"early": (0, 1), "mid": (2, 3), "late": (4, 6)}[part]
    return start + dt.timedelta(days=a), start + dt.timedelta(days=b), "week"


def _norm_part(word: str) -> str:
    w = word.lower()
    if "begin" in w or "start" in w or w.startswith("early"):
        return "early"
    if "mid" in w:
        return "mid"
    return "late"


# --- resolution plumbing -------------------------------------------------------------------
@dataclass(slots=True)
class _Res:
    start: dt.date
    end: dt.date
    precision: str
    explicit: bool = False  # the year was written
    future: bool = False  # the words themselves point after ref
    anchor: str | None = None
    kind: str | None = None  # a kind the rule imposes (duration)
    late_part: bool = False  # "the end of ...": "before" it means "by" it


@dataclass(slots=True)
class _Ctx:
    ref: dt.date | None
    direction: str = "past"  # past | before | nearest | future | onafter | onbefore
    text: str = ""
    s: int = 0
    e: int = 0
    contexts: frozenset[str] = frozenset()  # anchors whose context regex the text matches


_INVALID = False  # handler result: not a time after all (try shorter matches); None = needs ref


def _yearless(make: Callable[[int], Span3 | None], ref: dt.date, direction: str) -> Span3 | None:
    """Pick the year for a date or period written without one."""
    if direction in ("past", "onbefore", "before"):
        for y in range(ref.year + 1, ref.year - 9, -1):
            r = make(y)
            if r and (r[1] < ref if direction == "before" else r[0] <= ref):
                return r
        return None
    if direction in ("future", "onafter"):
        for y in range(ref.year - 1, ref.year + 9):
            r = make(y)
            if r and (r[0] > ref if direction == "future" else r[0] >= ref):
                return r
        return None
    past = _yearless(make, ref, "past")
    fut = _yearless(make, ref, "future")
    return _nearest(past, fut, ref)


def _nearest(past: Span3 | None, fut: Span3 | None, ref: dt.date) -> Span3 | None:
    if past is None or fut is None:
        return past or fut
    d_past = 0 if past[1] >= ref else (ref - past[1]).days
    d_fut = (fut[0] - ref).days
    return fut if 2 * d_fut < d_past else past


def _with_year(make: Callable[[int], Span3 | None], year: str | None, yrel: str | None, ctx: _Ctx,
               direction: str | None = None) -> _Res | None | Literal[False]:
    if year:
        r = make(int(year))
        return _Res(*r, explicit=True) if r else _INVALID
    if ctx.ref is None:
        return None
    if yrel:
        r = make(ctx.ref.year + {"last": -1, "this": 0, "next": 1}[yrel.lower()])
        return _Res(*r, future=yrel.lower() == "next") if r else _INVALID
    r = _yearless(make, ctx.ref, direction or ctx.direction)
    if r is None:
        return _INVALID
    return _Res(*r, future=r[0] > ctx.ref)


def _g(m: re.Match[str], name: str) -> str | None:
    try:
        return m.group(name)
    except IndexError:
        return None


# --- handlers ------------------------------------------------------------------------------
def _h_iso(m: re.Match[str], ctx: _Ctx) -> _Res | None | Literal[False]:
    try:
        d = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return _INVALID
    return _Res(d, d, "day", explicit=True)


def _h_day_month(m: re.Match[str], ctx: _Ctx) -> _Res | None | Literal[False]:
    dw = _g(m, "dw")
    mon, day = _MONTH_NUM[m["mon"].lower()[:3]], ordinal_number(dw) if dw else int(m["d"])

    def make(y: int) -> Span3 | None:
        try:
            d = dt.date(y, mon, day)
        except ValueError:
            return None
        return d, d, "day"

    return _with_year(make, _g(m, "y"), _g(m, "yrel"), ctx)


def _h_day_range(m: re.Match[str], ctx: _Ctx) -> _Res | None | Literal[False]:
    mon, d1, d2 = _MONTH_NUM[m["mon"].lower()[:3]], int(m["d1"]), int(m["d2"])
    if d2 <= d1:
        return _INVALID

    def make(y: int) -> Span3 | None:
        try:
            return dt.date(y, mon, d1), dt.date(y, mon, d2), "span" if d2 - d1 > 6 else "week"
        except ValueError:
            return None

    return _with_year(make, _g(m, "y"), _g(m, "yrel"), ctx)


def _h_dom(m: re.Match[str], ctx: _Ctx) -> _Res | None | Literal[False]:
    if ctx.ref is None:
        return None
    day, (y, mo) = int(m["d"]), (ctx.ref.year, ctx.ref.month)
    for _ in range(3):  # this month's, else last month's (no 31st in some months)
        try:
            d = dt.date(y, mo, day)
        except ValueError:
            d = None
        if d is not None and (d <= ctx.ref or ctx.direction in ("future", "onafter")):
            return _Res(d, d, "day", future=d > ctx.ref)
        y, mo = (y, mo - 1) if mo > 1 else (y - 1, 12)
    return _INVALID


def _h_month(m: re.Match[str], ctx: _Ctx) -> _Res | None | Literal[False]:
    mon = _MONTH_NUM[m["mon"].lower()[:3]]
    rel = (_g(m, "rel") or "").lower()
    part = _g(m, "part")

    def make(y: int) -> Span3:
        s, e = dt.date(y, mon, 1), _month_end(y, mon)
        return _part(s, e, "month", _norm_part(part)) if part else (s, e, "month")

    direction = {"next": "future", "last": "before"}.get(rel)
    return _with_year(make, _g(m, "y"), _g(m, "yrel"), ctx, direction)


def _rel_unit_span(rel: str, unit: str, ref: dt.date) -> tuple[dt.date, dt.date, bool]:
    """(start, end, future) of the calendar week/month/year that rel names around ref."""
    rel = rel.lower().split()[-1]
    step = {"last": -1, "previous": -1, "this": 0, "the": 0, "next": 1, "coming": 1, "following": 1}[rel]
    if unit == "week":
        s = _monday(ref) + dt.timedelta(weeks=step)
        return s, s + dt.timedelta(days=6), step > 0
    if unit == "month":
        s = _add_months(ref.replace(day=1), step)
        return s, _month_end(s.year, s.month), step > 0
    y = ref.year + step
    return dt.date(y, 1, 1), dt.date(y, 12, 31), step > 0


def _h_part_rel(m: re.Match[str], ctx: _Ctx) -> _Res | None | Literal[False]:
    if ctx.ref is None:
        return None
    unit, part = m["unit"].lower(), _norm_part(m["part"])
    rel = " ".join((m["rel"] or "the").lower().split())
    if rel == "the":  # "mid-month", "the end of the year": which one follows the usual direction
        cands = [_part(*_rel_unit_span(step, unit, ctx.ref)[:2], unit, part) for step in ("last", "this", "next")]
        past = max((c for c in cands if c[0] <= ctx.ref), key=lambda c: c[0], default=None)
        fut = min((c for c in cands if c[0] > ctx.ref), key=lambda c: c[0], default=None)
        # a deadline ("by the end of the month") means the current one
        r = {"nearest": cands[1], "future": fut}.get(ctx.direction, past)
        if r is None:
            return _INVALID
    else:
        s, e, _ = _rel_unit_span(rel, unit, ctx.ref)
        r = _part(s, e, unit, part)
    return _Res(*r, future=r[0] > ctx.ref)


def _h_part_year(m: re.Match[str], ctx: _Ctx) -> _Res | None | Literal[False]:
    y = int(m["y"])
    r = _part(dt.date(y, 1, 1), dt.date(y, 12, 31), "year", _norm_part(m["part"]))
    return _Res(*r, explicit=True)


_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
        "last": -1, "final": -1, "closing": -1, "opening": 1}


def _ord_piece(s: dt.date, e: dt.date, unit: str, sub: str, k: int) -> Span3 | None:
    if sub == "tenday":
        if unit != "month" or k == 4:
            return None
        return _part(s, e, "month", {1: "early", 2: "mid", 3: "late", -1: "late"}[k])
    if unit == "month":
        if sub == "week":
            if k == -1:
                return e - dt.timedelta(days=6), e, "week"
            return s + dt.timedelta(days=7 * (k - 1)), s + dt.timedelta(days=7 * k - 1), "week"
        if sub in ("half", "fortnight"):
            if k not in (1, 2, -1):
                return None
            return (s, s.replace(day=15), "week") if k == 1 else (s.replace(day=16), e, "week")
        return None
    if sub == "week":
        if k == -1:
            return e - dt.timedelta(days=6), e, "week"
        return s + dt.timedelta(days=7 * (k - 1)), s + dt.timedelta(days=7 * k - 1), "week"
    if sub == "half":
        if k not in (1, 2, -1):
            return None
        return (s, dt.date(s.year, 6, 30), "season") if k == 1 else (dt.date(s.year, 7, 1), e, "season")
    if sub == "quarter":
        q = 4 if k == -1 else k
        return dt.date(s.year, 3 * q - 2, 1), _month_end(s.year, 3 * q), "season"
    return None


def _h_ordinal(m: re.Match[str], ctx: _Ctx) -> _Res | None | Literal[False]:
    k, sub = _ORD[m["ord"].lower()], m["sub"].lower()
    if sub.endswith("days") and sub.startswith(("ten", "10")):
        sub = "tenday"
    elif sub.endswith("days"):  # "the last days of January", "the opening days of 2024": its first or last week
        if k not in (1, -1):
            return _INVALID
        sub = "week"
    if m["mon"]:
        mon = _MONTH_NUM[m["mon"].lower()[:3]]

        def make(y: int) -> Span3 | None:
            return _ord_piece(dt.date(y, mon, 1), _month_end(y, mon), "month", sub, k)

        if make(2024) is None:
            return _INVALID
        return _with_year(make, m["y"], _g(m, "yrel"), ctx)
    if m["y2"]:
        y = int(m["y2"])
        r = _ord_piece(dt.date(y, 1, 1), dt.date(y, 12, 31), "year", sub, k)
        return _Res(*r, explicit=True) if r else _INVALID
    if ctx.ref is None:
        return None
    unit = m["unit"].lower()
    s, e, _ = _rel_unit_span(m["rel"], unit, ctx.ref)
    r = _ord_piece(s, e, unit, sub, k)
    return _Res(*r, future=r[0] > ctx.ref) if r else _INVALID


def _h_n_months(m: re.Match[str], ctx: _Ctx) -> _Res | None | Literal[False]:
    lo_hi = _num(m["n"])
    if lo_hi is None or lo_hi[0] != lo_hi[1] or not 1 <= lo_hi[0] <= 11:
        return _INVALID  # "the first few months": no fixed number
    n = lo_hi[0]
    if m["y"]:
        y = int(m["y"])
    elif ctx.ref is None:
        return None
    else:
        y = _rel_unit_span(m["rel"], "year", ctx.ref)[0].year
    first = m["end"].lower() == "first"
    start = dt.date(y, 1, 1) if first else dt.date(y, 13 - n, 1)
    end = _month_end(y, n) if first else dt.date(y, 12, 31)
    return _Res(start, end, "season", explicit=bool(m["y"]), future=ctx.ref is not None and start > ctx.ref)


def _h_n_months_to(m: re.Match[str], ctx: _Ctx) -> _Res | None | Literal[False]:
    lo_hi = (12, 12) if m["yr"] else _num(m["n"])  # "in the year to March": the twelve months to it
    if lo_hi is None or lo_hi[0] != lo_hi[1] or not 1 <= lo_hi[0] <= 36:
        return _INVALID
    mon = _MONTH_NUM[m["mon"].lower()[:3]]

    def make(y: int) -> Span3:
        return _add_months(dt.date(y, mon, 1), 1 - lo_hi[0]), _month_end(y, mon), "season"

    if m["y"] or _g(m, "yrel") or ctx.ref is None:
        return _with_year(make, m["y"], _g(m, "yrel"), ctx)
    # a figure counted up to a month: that month has begun by the writing
    r = make(ctx.ref.year if mon <= ctx.ref.month else ctx.ref.year - 1)
    return _Res(*r)


def _h_year(m: re.Match[str], ctx: _Ctx) -> _Res | None | Literal[False]:
    y = int(m["y"])
    return _Res(dt.date(y, 1, 1), dt.date(y, 12, 31), "year", explicit=True)


def _h_quarter(m: re.Match[str], ctx: _Ctx) -> _Res | None | Literal[False]:
    y, q = int(m["y"]), int(m["q"])
    return _Res(dt.date(y, 3 * q - 2, 1), _month_end(y, 3 * q), "season", explicit=True)


def _h_years(m: re.Match[str], ctx: _Ctx) -> _Res | None | Literal[False]:
    if _COPYRIGHT.search(ctx.text, max(0, ctx.s - 16), ctx.s):
        return _INVALID
    y, to = int(m["y"]), m["y_to"]
    y2 = int(to) if len(to) == 4 else y // 100 * 100 + int(to)
    if y2 <= y:
        return _INVALID
    return _Res(dt.date(y, 1, 1), dt.date(y2, 12, 31), "span", explicit=True)


def _h_day_rel(m: re.Match[str], ctx: _Ctx) -> _Res | None | Literal[False]:
    if ctx.ref is None:
        return None
    w = " ".join(m["w"].lower().split())
    off = {"yesterday": -1, "last night": -1, "the day before yesterday": -2, "tomorrow": 1}.get(w, 0)
    d = ctx.ref + dt.timedelta(days=off)
    return _Res(d, d, "day", future=off > 0)


def _weekday_date(ref: dt.date, wd: int, direction: str) -> dt.date:
    back = (ref.weekday() - wd) % 7  # 0 when ref is that weekday
    fwd = (wd - ref.weekday()) % 7
    if direction == "onbefore":
        return ref - dt.timedelta(days=back)
    if direction == "onafter":
        return ref + dt.timedelta(days=fwd)
    if direction == "future":
        return ref + dt.timedelta(days=fwd or 7)
    past = ref - dt.timedelta(days=back or 7)
    if direction == "nearest":
        fut = ref + dt.timedelta(days=fwd or 7)
        r = _nearest((past, past, "day"), (fut, fut, "day"), ref)
        assert r is not None
        return r[0]
    return past


def _h_weekday(m: re.Match[str], ctx: _Ctx) -> _Res | None | Literal[False]:
    if ctx.ref is None:
        return None
    wd = _WEEKDAY_NUM[m["wd"].lower()[:3]]
    rel = (m["rel"] or "").lower()
    direction = ctx.direction
    if rel == "next":
        direction = "future"
    elif direction == "past" and wd == ctx.ref.weekday() and rel not in ("last", "past", "this past"):
        direction = "onbefore"
    d = _weekday_date(ctx.ref, wd, direction)
    if m["before_last"]:
        d -= dt.timedelta(days=7)
    return _Res(d, d, "day", future=d > ctx.ref)


def _h_rel_unit(m: re.Match[str], ctx: _Ctx) -> _Res | None | Literal[False]:
    if ctx.ref is None:
        return None
    ref = ctx.ref
    unit = m["unit"].lower()
    rel = " ".join(m["rel"].lower().split())
    mod = " ".join((m["mod"] or "").lower().split())
    if unit == "weekend":
        mon = _monday(ref)
        step = {"last": -1, "previous": -1, "the previous": -1, "this": 0}.get(rel, 1)
        s = mon + dt.timedelta(days=5 + 7 * step)
        return _Res(s, s + _D1, "week", future=s > ref)
    s, e, future = _rel_unit_span(rel, unit, ref)
    prec = unit
    if rel == "this" and mod in ("earlier", "so far"):
        if mod == "so far":
            return _Res(s, ref, "span", kind="duration")
        return _Res(s, ref, prec)
    if rel == "this" and mod == "later":
        return _Res(ref, e, prec, future=True)
    return _Res(s, e, prec, future=future)


def _h_earlier_in(m: re.Match[str], ctx: _Ctx) -> _Res | None | Literal[False]:
    if ctx.ref is None:
        return None
    unit = m["unit"].lower()
    s, _, _ = _rel_unit_span("this", unit, ctx.ref)
    return _Res(s, ctx.ref, unit)


def _h_weekend(m: re.Match[str], ctx: _Ctx) -> _Res | None | Literal[False]:
    if ctx.ref is None:
        return None
    sat = _monday(ctx.ref) + dt.timedelta(days=5)
    if sat > ctx.ref:
        sat -= dt.timedelta(days=7)
    return _Res(sat, sat + _D1, "week")


def _num(word: str | None) -> tuple[int, int] | None:
    """(low, high) for a number word; equal for exact numbers; None when absent."""
    if not word:
        return None
    w = " ".join(word.lower().split())
    if w.isdigit():
        return int(w), int(w)
    if w in _VAGUE:
        return _VAGUE[w]
    n = _NUM_WORDS[w]
    return n, n


def _unit_back(ref: dt.date, unit: str, n: int) -> dt.date:
    if unit.startswith("day"):
        return ref - dt.timedelta(days=n)
    if unit.startswith("week"):
        return ref - dt.timedelta(weeks=n)
    if unit.startswith("fortnight"):
        return ref - dt.timedelta(weeks=2 * n)
    if unit.startswith("month"):
        return _add_months(ref, -n)
    if unit.startswith("year"):
        return _add_months(ref, -12 * n)
    return ref - dt.timedelta(days=max(1, math.ceil(n / 24)))  # hours


def _h_ago(m: re.Match[str], ctx: _Ctx) -> _Res | None | Literal[False]:
    if ctx.ref is None:
        return None
    ref, unit = ctx.ref, m["unit"].lower()
    lo, hi = _num(m["n"]) or _VAGUE["few"]
    if lo == 0:
        return _INVALID
    half = {"d": 0, "w": 3, "f": 3, "m": 15, "y": 182}[unit[0]]
    prec = {"d": "day", "w": "week", "f": "week", "m": "month", "y": "year"}[unit[0]]
    if lo != hi:
        s = _unit_back(ref, unit, hi) - dt.timedelta(days=half)
        e = _unit_back(ref, unit, lo) + dt.timedelta(days=half)
        prec = "week" if unit[0] == "d" else "span"
    else:
        c = _unit_back(ref, unit, lo)
        s, e = c - dt.timedelta(days=half), c + dt.timedelta(days=half)
    return _Res(s, min(e, ref), prec)


def _h_duration(m: re.Match[str], ctx: _Ctx) -> _Res | None | Literal[False]:
    if ctx.ref is None:
        return None
    unit = m["unit"].lower()
    n = _num(m["n"])
    if n is None:
        if unit in ("day", "hour"):
            return _INVALID  # "until the last day of ..." is not a duration
        k = 3 if unit.endswith("s") else 1
    else:
        k = n[1] if n[0] == n[1] else {2: 3, 3: 5}.get(n[0], n[1])
    if k == 0:
        return _INVALID
    return _Res(_unit_back(ctx.ref, unit, k), ctx.ref, "span", kind="duration")


def _h_recent(m: re.Match[str], ctx: _Ctx) -> _Res | None | Literal[False]:
    if ctx.ref is None:
        return None
    ref = ctx.ref
    unit = (m["unit"] or "").lower()
    if unit == "days":
        s = ref - dt.timedelta(days=7)
    elif unit == "months":
        s = _add_months(ref, -3)
    elif unit == "years":
        s = _add_months(ref, -36)
    else:  # weeks, times, recently, lately
        s = ref - dt.timedelta(days=28)
    return _Res(s, ref, "span", kind="duration")


def _h_so_far(m: re.Match[str], ctx: _Ctx) -> _Res | None | Literal[False]:
    if ctx.ref is None:
        return None
    s, _, _ = _rel_unit_span("this", (m["unit"] or "year").lower(), ctx.ref)
    return _Res(s, ctx.ref, "span", kind="duration")


def _season_make(key: str) -> Callable[[int], Span3]:
    (m1, d1), (m2, d2) = SEASONS[key]
    cross = (m2, d2) < (m1, d1)

    def make(y: int) -> Span3:
        y2 = y + 1 if cross else y
        return dt.date(y, m1, d1), dt.date(y2, m2, min(d2, calendar.monthrange(y2, m2)[1])), "season"

    return make


def _h_season(m: re.Match[str], ctx: _Ctx) -> _Res | None | Literal[False]:
    key = _SEASON_WORDS[" ".join(m["season"].lower().split())]
    make = _season_make(key)
    cross = SEASONS[key][1] < SEASONS[key][0]
    y = m["y"] or m["y2"]
    if y:
        # "the 2023-24 dry season" starts in 2023; "the dry season of 2024" is the one holding 2024's January.
        yy = int(y) - (1 if cross and not m["y_to"] and m["y2"] else 0)
        return _Res(*make(yy), explicit=True)
    rel = " ".join((m["rel"] or "").lower().split())
    if ctx.ref is None:
        return None
    if rel.endswith("year's") or rel.endswith("year\u2019s"):
        step = {"this": 0, "last": -1, "next": 1}[rel.split()[0]]
        r = make(ctx.ref.year + step - (1 if cross else 0))
        return _Res(*r, future=r[0] > ctx.ref)
    direction = {"last": "before", "next": "future"}.get(rel, ctx.direction)
    r = _yearless(make, ctx.ref, direction)
    if r is None:
        return _INVALID
    return _Res(*r, future=r[0] > ctx.ref)


def _named_day(key: str, make: Callable[[int], Span3 | None]) -> Callable[[re.Match[str], _Ctx], _Res | None | Literal[False]]:
    """The handler for a named day of the year whose span in year y is make(y)."""
    def handler(m: re.Match[str], ctx: _Ctx) -> _Res | None | Literal[False]:
        words = (m["hrel"] or "").lower().split()
        if words[1:] == ["month"]:
            # "during last month's Thingyan holiday": the latest one before the writing
            r = _with_year(make, None, None, ctx, direction="before")
        else:
            r = _with_year(make, m["y"] or m["y2"], words[0] if words else None, ctx)
        if r:
            r.anchor = key
        return r

    return handler


def _h_holiday(key: str, *, eve: bool = False) -> Callable[[re.Match[str], _Ctx], _Res | None | Literal[False]]:
    """A named day; `eve`: the day before it ("on the eve of Armed Forces Day")."""
    _, (m1, d1), (m2, d2) = HOLIDAYS[key]

    def make(y: int) -> Span3:
        first = dt.date(y, m1, d1)
        if eve:
            return first - dt.timedelta(days=1), first - dt.timedelta(days=1), "day"
        return first, dt.date(y, m2, d2), "day" if (m1, d1) == (m2, d2) else "week"

    return _named_day(key, make)


def _h_lunar(key: str) -> Callable[[re.Match[str], _Ctx], _Res | None | Literal[False]]:
    days = LUNAR_HOLIDAYS[key][1]

    def make(y: int) -> Span3 | None:
        if y not in days:
            return None
        full_moon = dt.date(y, *days[y])
        return full_moon - dt.timedelta(days=1), full_moon + dt.timedelta(days=1), "week"

    return _named_day(key, make)


def _h_anchor(anchor: Anchor, contextual: bool) -> Callable[[re.Match[str], _Ctx], _Res | None | Literal[False]]:
    def handler(m: re.Match[str], ctx: _Ctx) -> _Res | None | Literal[False]:
        if contextual and anchor.name not in ctx.contexts:
            return _INVALID
        if anchor.name == "coup":
            at = m.start("core")
            before = _OTHER_YEAR_BEFORE.search(ctx.text[max(0, at - 10): at])
            if before and not before.group(0).startswith("2021"):
                return _INVALID  # "the 1962 coup", "Thailand's 2014 coup"
        return _Res(anchor.day, anchor.day, "day", explicit=True, anchor=anchor.name)

    return handler


_ANCHOR_ALT = "|".join(f"(?:{p})" for a in ANCHORS for p in a.patterns)
_ANCHOR_FULL = [(a, re.compile(f"(?:{p})", re.IGNORECASE)) for a in ANCHORS for p in a.patterns]
def _h_anniversary(m: re.Match[str], ctx: _Ctx) -> _Res | None | Literal[False]:
    inner = m["inner"] or m["inner2"]
    anchor = next((a for a, rx in _ANCHOR_FULL if rx.fullmatch(inner)), None)
    if anchor is None:
        return _INVALID
    day = anchor.day
    ordinal = m["ord"] or m["ord2"] or m["ord3"]
    if ordinal:
        n = ordinal_number(ordinal)
        try:
            d = day.replace(year=day.year + n)
        except ValueError:
            return _INVALID
        return _Res(d, d, "day", explicit=True, anchor=anchor.name)

    def make(y: int) -> Span3 | None:
        try:
            d = day.replace(year=y)
        except ValueError:
            return None
        return (d, d, "day") if y > day.year else None

    r = _with_year(make, None, None, ctx)
    if r:
        r.anchor = anchor.name
    return r


# --- the grammar ---------------------------------------------------------------------------
_PART = r"(?P<part>early|mid|middle|late|(?:the\s+)?(?:very\s+)?(?:beginning|start|middle|end|close)\s+of)"
_PSEP = r"(?:\s*[-\u2013]\s*|\s+)"

F_ISO = r"(?P<y>(?:19|20)\d\d)-(?P<m>0?[1-9]|1[0-2])-(?P<d>0?[1-9]|[12]\d|3[01])(?![\d-])"
F_MDY = (
    rf"(?:{_WEEKDAY},?\s+)?(?P<mon>{_MONTH})\s*(?P<d>{_DAYN}){_ORDSUF}(?![\d:])"
    rf"(?:\s*,?\s*(?P<y>{_YEAR})|{_YREL})?"
)
_DAY_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
              "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
              "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
              "nineteenth": 19, "twentieth": 20, "thirtieth": 30}
# "the thirty-first of August", "the twenty first of May" (as a transcript spells them out)
_DAY_WORDS |= {f"{tens}-{unit}": n + _DAY_WORDS[unit] for tens, n in (("twenty", 20), ("thirty", 30))
               for unit in list(_DAY_WORDS)[:9] if n + _DAY_WORDS[unit] <= 31}
_DAY_WORD = _alt([w.replace("-", r"[-\s]") for w in _DAY_WORDS])


def ordinal_number(word: str) -> int:
    """An ordinal as a number: 'third' 3, 'thirty-first' and 'thirty first' 31, '12th' 12."""
    low = word.lower()
    return int(low[:-2]) if low[:-2].isdigit() else _DAY_WORDS[re.sub(r"[-\s]+", "-", low)]
F_DMY = (
    rf"(?:{_WEEKDAY},?\s+)?(?:the\s+)?(?<![\d,.])(?:(?P<d>{_DAYN}){_ORDSUF}|(?P<dw>{_DAY_WORD}))"
    rf"(?:\s+of)?\s+(?P<mon>{_MONTH})"
    rf"(?:,?\s*(?P<y>{_YEAR})|{_YREL})?"
)
# between the two days of a range: "4-7", "4 to 7", "between 4 and 7"; "and" also where the second
# day ends the phrase ("on Dec. 18 and 19, ...", "on 18 and 19 December"), not "March 4 and 19 soldiers"
_DAY_SEP = (r"(?:[-\u2013\u2014]|to|through|until|(?(btw)and|and(?=\s*" + _DAYN + _ORDSUF + r"(?:,?\s*" + _YEAR + r")?"
            r"(?:\s*[,.;:)]|\s*$|\s+(?:" + _MONTH + r"|and|in|at|on|near|when|after|before|as|while|during|respectively)\b))))")
# "March 4-7", "March 4 to 7", "between March 4 and 7"
F_MDDY = (
    rf"(?:(?P<btw>between)\s+)?(?P<mon>{_MONTH})\s*(?P<d1>{_DAYN}){_ORDSUF}\s*{_DAY_SEP}\s*"
    rf"(?P<d2>{_DAYN}){_ORDSUF}(?![\d:])(?:,?\s*(?P<y>{_YEAR})|{_YREL})?"
)
F_DDMY = (
    rf"(?:(?P<btw>between)\s+)?(?<![\d,.])(?P<d1>{_DAYN}){_ORDSUF}\s*{_DAY_SEP}\s*"
    rf"(?P<d2>{_DAYN}){_ORDSUF}"
    rf"(?:\s+of)?\s+(?P<mon>{_MONTH})(?:,?\s*(?P<y>{_YEAR})|{_YREL})?"
)
F_YMD = rf"(?P<y>{_YEAR}),?\s+(?P<mon>{_MONTH})\s*(?P<d>{_DAYN}){_ORDSUF}(?![\d:])"
# "on the 10th": a day of the month written alone, the latest such day (ends a clause, so
# not "the 10th battalion")
F_DOM = rf"on\s+the\s+(?P<d>{_DAYN})(?:st|nd|rd|th)(?=\s*(?:[,.;:]|$|\s+(?:when|after|before|at|in)\b))"
F_MY = rf"(?P<mon>{_MONTH}),?\s+(?:of\s+)?(?:(?P<y>{_YEAR})|(?P<yrel>last|this|next)\s+year)"
F_MONTH_REL = rf"(?P<rel>last|this|next)\s+(?P<mon>{_MONTH})(?!\s*\d)"
F_MONTH = rf"(?P<mon>{_MONTH})(?!\s*\d)"
F_PART_MONTH = rf"{_PART}{_PSEP}(?P<mon>{_MONTH})(?:,?\s+(?:of\s+)?(?P<y>{_YEAR})|{_YREL})?"
F_PART_YEAR = rf"{_PART}{_PSEP}(?:the\s+year\s+)?(?P<y>{_YEAR})"
F_PART_REL = (
    rf"{_PART}{_PSEP}(?:(?P<rel>last|this|next|the|the\s+previous|the\s+coming)\s+)?(?P<unit>week|month|year)(?![\w-])"
)
F_ORDINAL = (
    r"the\s+(?P<ord>first|second|third|fourth|last|final|closing|opening|1st|2nd|3rd|4th)\s+"
    r"(?P<sub>week|half|quarter|fortnight|(?:ten|10)\s+days|(?:few\s+)?days)\s+of\s+"
    rf"(?:(?:the\s+month\s+of\s+)?(?P<mon>{_MONTH})(?:,?\s+(?P<y>{_YEAR})|{_YREL})?"
    rf"|(?:the\s+year\s+)?(?P<y2>{_YEAR})"
    r"|(?P<rel>last|this|next|the)\s+(?P<unit>month|year))"
)
# "the first six months of this year", "the last three months of 2023"
F_N_MONTHS = (
    rf"the\s+(?P<end>first|last|final)\s+(?P<n>{_NUM})\s+months\s+of\s+"
    rf"(?:(?:the\s+year\s+)?(?P<y>{_YEAR})|(?P<rel>last|this|next|the)\s+year)"
)
# "in the three months to June", "over the 12 months ending in March 2024"
F_N_MONTHS_TO = (
    rf"the\s+(?:(?P<n>{_NUM})\s+months|(?P<yr>year))\s+(?:to|up\s+to|until|through|ending(?:\s+in)?)\s+(?:the\s+end\s+of\s+)?"
    rf"(?P<mon>{_MONTH})(?!\s*\d{{1,2}}\b)(?:,?\s+(?P<y>{_YEAR})|{_YREL})?"
)
F_QUARTER = rf"Q(?P<q>[1-4])\s*(?P<y>{_YEAR})"
F_YEARS = rf"(?P<y>{_YEAR})\s*[-\u2013]\s*(?P<y_to>(?:19|20)?\d\d)(?![\d\-\u2013/])"
F_YEAR = (
    r"(?:the\s+year\s+)?(?<!\d[./])(?P<y>20[0-3]\d)(?![\d\-\u2013/]|[.,]\d|\s*(?:%|percent|per\s+cent)"
    r"|\s+(?:[a-z]+\s+)?(?:soldiers|troops|people|personnel|men|women|police|officers|members|fighters"
    r"|civilians|households|residents|villagers|villages|towns|houses|homes|buildings|refugees"
    r"|individuals|workers|staff|employees|civil\s+servants))"
)
F_DAY_REL = (
    r"(?P<w>the\s+day\s+before\s+yesterday|yesterday|today|tonight|tomorrow|last\s+night|earlier\s+today"
    r"|this\s+(?:morning|afternoon|evening))(?:\s+(?:morning|afternoon|evening|night))?"
)
F_WEEKDAY = (
    rf"(?:(?P<rel>last|this|next|this\s+past|past)\s+)?(?P<wd>{_WEEKDAY})(?:{_APOS}s)?"
    r"(?:\s+(?:morning|afternoon|evening|night))?"
    # "on the Friday before last": a week before last Friday
    r"(?P<before_last>\s+before\s+last)?"
)
F_REL_UNIT = (
    r"(?:(?P<mod>earlier|later|so\s+far)\s+)?(?P<rel>last|this|next|previous|the\s+previous|the\s+coming)"
    rf"\s+(?P<unit>week(?:end)?|month|year)(?![\w-])(?:{_APOS}s)?"
)
# "earlier in the month": this one's, up to the writing
F_EARLIER_IN = r"(?P<mod>earlier)\s+in\s+the\s+(?P<unit>week|month|year)(?![\w-])"
F_WEEKEND = r"the\s+weekend"
F_AGO = (
    r"(?:(?:about|around|some|nearly|almost|roughly|approximately|more\s+than|over|less\s+than|just\s+over"
    rf"|just\s+under|only|barely)\s+)?(?:(?P<n>{_NUM})\s+)?(?P<unit>{_UNIT})\s+ago"
)
F_DURATION = (
    r"(?:(?:in|over|during|for|throughout|within|across)\s+)?(?:(?:the|this)\s+(?:past|last|previous)|past)"
    rf"\s+(?:(?P<n>{_NUM})\s+)?(?P<unit>{_UNIT}|hours?)(?![\w-])"
)
F_DURATION_LAST = (
    rf"(?:(?:in|over|during|for|throughout|within|across)\s+)?last\s+(?P<n>{_NUM})\s+(?P<unit>{_UNIT}|hours?)(?![\w-])"
)
F_RECENT = (
    r"(?:(?:in|over|during)\s+(?:the\s+)?)?recent\s+(?P<unit>days|weeks|months|years|times)"
    r"|(?:recently|lately|of\s+late|in\s+the\s+recent\s+past)"
)
F_SO_FAR = r"so\s+far\s+this\s+(?P<unit>week|month|year)|(?:this|the)\s+(?P<unit2>year)\s+so\s+far"
_SEASON_ALT = _alt([w.replace(" ", r"\s+") for w in _SEASON_WORDS if w != "rainy"])
F_SEASON = (
    rf"(?:(?P<rel>this|last|next|the|this\s+year{_APOS}s|last\s+year{_APOS}s|next\s+year{_APOS}s"
    rf"|(?:the\s+)?(?P<y>{_YEAR})(?:\s*[-\u2013/]\s*(?P<y_to>\d{{2}}|\d{{4}}))?)\s+)?(?P<season>{_SEASON_ALT})(?![\w-])"
    rf"(?:\s+(?:of\s+)?(?P<y2>{_YEAR}))?"
)
F_ANNIV = (
    r"the\s+(?:(?P<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))\s+)?"
    rf"anniversary\s+of\s+(?P<inner>{_ANCHOR_ALT})"
    r"|(?:the\s+)?(?:(?P<ord2>first|second|third|fourth|fifth|\d(?:st|nd|rd|th))\s+)?(?P<inner2>coup|putsch)"
    r"(?:['\u2019]s)?\s+(?:(?P<ord3>first|second|third|fourth|fifth|\d(?:st|nd|rd|th))\s+)?anniversary"
)


def _groupfree(pattern: str) -> str:
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


# Expressions that can stand at either end of a range "from X to Y" / "between X and Y".
_RANGE_ENDS = ("mdy", "dmy", "iso", "my", "part_month", "part_year", "month", "year", "weekday")


Gate = tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    rx: re.Pattern[str]
    full: re.Pattern[str]  # the core alone, for fullmatch on a piece of a range
    handler: Callable[[re.Match[str], _Ctx], _Res | None | Literal[False]]
    prep: bool  # may take a preposition (since/until/by/in/on...) in front
    needs_ctx: re.Pattern[str] | None  # a bare form: must follow one of these words
    # Cheap pre-check: every group needs one hit; a key is a lower-case substring of the
    # text, or "#month" / "#digit" (a capitalised month name / any digit).
    gate: Gate


def _rule(name: str, frag: str, handler: Callable[..., _Res | None | Literal[False]], gate: Gate, *,
          prep: bool = True, needs_ctx: re.Pattern[str] | None = None) -> _Rule:
    rx = re.compile(r"(?<![\w-])(?P<core>" + frag + r")(?![\w])", re.IGNORECASE)
    return _Rule(name, rx, re.compile(frag, re.IGNORECASE), handler, prep, needs_ctx, gate)


_M: Gate = (("#month",),)
_PARTS = ("early", "mid", "late", "beginning", "start", "end of", "close of")
_UNITS = ("day", "week", "fortnight", "month", "year", "hour")
_RULES: list[_Rule] = [
    _rule("iso", F_ISO, _h_iso, (("-",), ("19", "20"))),
    _rule("mdy", F_MDY, _h_day_month, (("#month",), ("#digit",))),
    _rule("dmy", F_DMY, _h_day_month, (("#month",), ("#digit", *[w for w in _DAY_WORDS if "-" not in w]))),
    _rule("ymd", F_YMD, _h_day_month, (("#month",), ("19", "20"))),
    _rule("dom", F_DOM, _h_dom, (("th", "st", "nd", "rd"), ("on the",)), prep=False),
    _rule("mddy", F_MDDY, _h_day_range, (("#month",), ("#digit",))),
    _rule("ddmy", F_DDMY, _h_day_range, (("#month",), ("#digit",))),
    _rule("my", F_MY, _h_month, (("#month",), ("#digit", "year"))),
    _rule("month_rel", F_MONTH_REL, _h_month, (("#month",), ("last", "this", "next"))),
    _rule("month", F_MONTH, _h_month, _M, needs_ctx=_CTX_TAIL),
    _rule("part_month", F_PART_MONTH, _h_month, (("#month",), _PARTS)),
    _rule("part_year", F_PART_YEAR, _h_part_year, (("19", "20"), _PARTS)),
    _rule("part_rel", F_PART_REL, _h_part_rel, (_PARTS, ("week", "month", "year"))),
    _rule("ordinal", F_ORDINAL, _h_ordinal, (("week", "half", "quarter", "fortnight", "days"), (" of ",))),
    _rule("n_months", F_N_MONTHS, _h_n_months, (("months of",),)),
    _rule("n_months_to", F_N_MONTHS_TO, _h_n_months_to, (("#month",), ("months", "year"))),
    _rule("year", F_YEAR, _h_year, (("20",),), needs_ctx=_YEAR_CTX_TAIL),
    _rule("years", F_YEARS, _h_years, (("19", "20"), ("-", "\u2013"))),
    _rule("quarter", F_QUARTER, _h_quarter, (("20",), ("q1", "q2", "q3", "q4"))),
    _rule("day_rel", F_DAY_REL, _h_day_rel,
          (("yesterday", "today", "tonight", "tomorrow", "last night", "this morning", "this afternoon",
            "this evening"),)),
    _rule("weekday", F_WEEKDAY, _h_weekday, (("day",),)),
    _rule("rel_unit", F_REL_UNIT, _h_rel_unit,
          (("week", "month", "year"), ("last", "this", "next", "previous", "coming"))),
    _rule("weekend", F_WEEKEND, _h_weekend, (("weekend",),)),
    _rule("earlier_in", F_EARLIER_IN, _h_earlier_in, (("earlier in the",),), prep=False),
    _rule("ago", F_AGO, _h_ago, (("ago",),)),
    _rule("duration", F_DURATION, _h_duration, (("past", "last", "previous"), _UNITS), prep=False),
    _rule("duration", F_DURATION_LAST, _h_duration, (("last",), _UNITS), prep=False),
    _rule("recent", F_RECENT, _h_recent, (("recent", "lately", "of late"),), prep=False),
    _rule("so_far", F_SO_FAR.replace("(?P<unit2>year)", "year"), _h_so_far, (("so far",),), prep=False),
    _rule("season", F_SEASON, _h_season,
          (("monsoon", "season", "summer", "winter", "spring", "autumn"),)),
    _rule("anniversary", F_ANNIV, _h_anniversary, (("anniversary",),)),
]
_HOLIDAY_GATES = {
    "armed_forces_day": ("forces day", "tatmadaw day"), "union_day": ("union day",),
    "martyrs_day": ("martyr",), "independence_day": ("independence day",), "thingyan": ("thingyan", "water festival"),
    "peasants_day": ("peasant",), "womens_day": ("women",), "may_day": ("may day",),
    "new_years_eve": ("new year",), "new_years_day": ("new year",), "new_year": ("new year",), "christmas_eve": ("christmas",), "christmas": ("christmas",),
    "kachin_revolution_day": ("revolution",), "karen_revolution_day": ("revolution",), "shan_national_day": ("national day",),
}
for _key, (_pat, _, _) in HOLIDAYS.items():
    if not _key.endswith("_eve"):  # "on the eve of Armed Forces Day": the day before
        _RULES.append(_rule(
            f"holiday:{_key}:eve",
            rf"(?:the\s+)?eve\s+of\s+(?:the\s+)?(?:(?P<y>{_YEAR})\s+|(?P<hrel>(?:this|last|next)\s+year){_APOS}s\s+)?(?:{_pat})"
            rf"(?:,?\s+(?:in\s+)?(?P<y2>{_YEAR}))?",
            _h_holiday(_key, eve=True),
            (("eve",), _HOLIDAY_GATES.get(_key, ("day",))),
        ))
    _RULES.append(_rule(
        f"holiday:{_key}",
        rf"(?:(?P<y>{_YEAR})\s+|(?P<hrel>(?:this|last|next)\s+year|(?:this|last)\s+month){_APOS}s\s+)?(?:{_pat})"
        rf"(?:,?\s+(?:in\s+)?(?P<y2>{_YEAR}))?",
        _h_holiday(_key),
        (_HOLIDAY_GATES.get(_key, ("day",)),),
    ))
for _key, (_pat, _) in LUNAR_HOLIDAYS.items():
    _RULES.append(_rule(
        f"holiday:{_key}",
        rf"(?:(?P<y>{_YEAR})\s+|(?P<hrel>(?:this|last|next)\s+year){_APOS}s\s+)?(?:{_pat})(?:,?\s+(?:in\s+)?(?P<y2>{_YEAR}))?",
        _h_lunar(_key),
        ((_key[:6],),),
    ))
for _a in ANCHORS:
    for _p in _a.patterns:
        _RULES.append(_rule(f"anchor:{_a.name}", _p, _h_anchor(_a, False), (_a.keywords,)))
    for _p in _a.contextual:
        _RULES.append(_rule(f"anchor:{_a.name}", _p, _h_anchor(_a, True), (_a.context_keywords,)))

_NAMED_DAY_RULES = [r for r in _RULES if r.name.startswith("holiday:") and not r.name.endswith(":eve")]
F_REL_NAMED = (
    rf"(?:the\s+(?P<wd>{_WEEKDAY})\s+(?P<dir>before|after)"
    r"|the\s+(?P<nth>first|second|third|last|final)\s+(?P<sub>day|weekend|week)\s+of"
    # "in the week before Revolution Day", "in the days before Thingyan", "the days leading up to"
    r"|the\s+(?:(?:few\s+|several\s+)?days|(?P<week>week))\s+(?P<dir2>before|after|leading\s+up\s+to|following))\s+"
    rf"(?P<h>{'|'.join(f'(?:{_groupfree(r.full.pattern)})' for r in _NAMED_DAY_RULES)})"
)


def _h_rel_named(m: re.Match[str], ctx: _Ctx) -> _Res | None | Literal[False]:
    """"the Tuesday before Union Day", "the Monday after Thingyan", "the first day of Thingyan",
    "the first weekend of the new year": counted from a named day."""
    for rule in _NAMED_DAY_RULES:
        hm = rule.full.fullmatch(m["h"])
        if hm is None:
            continue
        r = rule.handler(hm, ctx)
        if not r:
            return r
        if m["dir2"]:  # the week (seven days) or the days (five) before or after the day
            n = 7 if m["week"] else 5
            if m["dir2"].lower() in ("after", "following"):
                return _Res(r.end + _D1, r.end + dt.timedelta(days=n), "week", explicit=r.explicit, anchor=r.anchor)
            return _Res(r.start - dt.timedelta(days=n), r.start - _D1, "week", explicit=r.explicit, anchor=r.anchor)
        if m["wd"]:
            wd = _WEEKDAY_NUM[m["wd"].lower()[:3]]
            day = r.end + dt.timedelta(days=(wd - r.end.weekday()) % 7 or 7) if m["dir"].lower() == "after" \
                else r.start - dt.timedelta(days=(r.start.weekday() - wd) % 7 or 7)
            return _Res(day, day, "day", explicit=r.explicit, anchor=r.anchor)
        k, sub = _ORD[m["nth"].lower()], m["sub"].lower()
        if sub == "weekend":  # the first Saturday and Sunday on or after the day
            if k < 1:
                return _INVALID
            sat = r.start + dt.timedelta(days=(5 - r.start.weekday()) % 7 + 7 * (k - 1))
            return _Res(sat, sat + _D1, "week", explicit=r.explicit, anchor=r.anchor)
        days, precision = (1, "day") if sub == "day" else (7, "week")
        # ("the last day of Thingyan": counted back from its end)
        start = r.end - dt.timedelta(days=days - 1) if k < 1 else r.start + dt.timedelta(days=days * (k - 1))
        return _Res(start, start + dt.timedelta(days=days - 1), precision, explicit=r.explicit, anchor=r.anchor)
    return _INVALID


_RULES.append(_rule("rel_named", F_REL_NAMED, _h_rel_named, ((" before ", " after ", " of ", " up to ", " following "),)))
# "the 100th day since the coup", "the one thousandth day since the military seized power": the
# coup's own day is the first
F_NTH_DAY = (r"the\s+(?:(?P<n>\d{1,2},?\d{3}|\d{1,3})(?:st|nd|rd|th)|(?P<w>(?:(?:one|a)\s+)?(?:hundredth|thousandth)))\s+day\s+"
             r"(?:since|after|of)\s+the\s+(?:military\s+)?(?:coup|takeover|(?:military|army|junta)\s+seized\s+power)\b")


def _h_nth_day(m: re.Match[str], ctx: _Ctx) -> _Res | None | Literal[False]:
    day = nth_day_since_coup(m["n"], m["w"])
    return _Res(day, day, "day", explicit=True)


_RULES.append(_rule("nth_day", F_NTH_DAY, _h_nth_day, (("day",), ("coup", "takeover", "seized power"))))
# "on Tuesday of last week", "on Friday last week": that weekday in that calendar week
F_WEEKDAY_OF_WEEK = (rf"(?P<wd>{_WEEKDAY})(?:\s+(?:morning|afternoon|evening|night))?\s+(?:of\s+)?"
                     r"(?P<rel>last|this|next|the\s+previous|the\s+following)\s+week(?![\w-])")


def _h_weekday_of_week(m: re.Match[str], ctx: _Ctx) -> _Res | None | Literal[False]:
    if ctx.ref is None:
        return None
    d = _rel_unit_span(m["rel"], "week", ctx.ref)[0] + dt.timedelta(days=_WEEKDAY_NUM[m["wd"].lower()[:3]])
    return _Res(d, d, "day", future=d > ctx.ref)


_RULES.append(_rule("weekday_of_week", F_WEEKDAY_OF_WEEK, _h_weekday_of_week, (("day",), ("week",))))
# "on the night of the seventh of last month", "the 12th of this month"
F_DOM_REL = (rf"the\s+(?:(?P<d>{_DAYN})(?:st|nd|rd|th)|(?P<dw>{_DAY_WORD}))\s+of\s+"
             r"(?P<rel>last|this|next|the\s+previous)\s+month(?![\w-])")


def _h_dom_rel(m: re.Match[str], ctx: _Ctx) -> _Res | None | Literal[False]:
    if ctx.ref is None:
        return None
    first = _rel_unit_span(m["rel"], "month", ctx.ref)[0]
    try:
        d = first.replace(day=int(m["d"]) if m["d"] else ordinal_number(m["dw"]))
    except ValueError:
        return _INVALID
    return _Res(d, d, "day", future=d > ctx.ref)


_RULES.append(_rule("dom_rel", F_DOM_REL, _h_dom_rel, ((" of ",), ("month",))))
# "in the second year of the coup", "the third year since the military takeover": the year it counts
F_NTH_YEAR = (r"the\s+(?P<ord>first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)\s+year\s+(?:of|since|after)\s+"
              r"the\s+(?:military\s+)?(?:coup|takeover)\b")


def _h_nth_year(m: re.Match[str], ctx: _Ctx) -> _Res | None | Literal[False]:
    n = ordinal_number(m["ord"])
    start = _add_months(_COUP_DAY, 12 * (n - 1))
    return _Res(start, _add_months(_COUP_DAY, 12 * n) - dt.timedelta(days=1), "year", explicit=True,
                future=ctx.ref is not None and start > ctx.ref)


_RULES.append(_rule("nth_year", F_NTH_YEAR, _h_nth_year, (("year",), ("coup", "takeover"))))
_BY_NAME = {r.name: r for r in _RULES}
_RANGE_END = "|".join(f"(?:{_groupfree(_BY_NAME[n].full.pattern)})" for n in _RANGE_ENDS)
F_RANGE = (
    rf"(?P<pre>between|from)\s+(?P<a>{_RANGE_END})\s*(?:and|to|until|till|through|thru|[-\u2013\u2014])\s*"
    rf"(?P<b>{_RANGE_END})"
)
_HAS_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _resolve_piece(piece: str, ref: dt.date | None, direction: str, text: str) -> _Res | None | Literal[False]:
    for name in _RANGE_ENDS:
        rule = _BY_NAME[name]
        m = rule.full.fullmatch(piece)
        if m:
            r = rule.handler(m, _Ctx(ref, direction, text))
            if r is not False:
                return r
    return _INVALID


def _h_range(m: re.Match[str], ctx: _Ctx) -> _Res | None | Literal[False]:
    a, b = m["a"], m["b"]
    if _HAS_YEAR.search(b) and not _HAS_YEAR.search(a):
        rb = _resolve_piece(b, ctx.ref, "past", ctx.text)
        if not rb:
            return rb
        ra = _resolve_piece(a, rb.start, "onbefore", ctx.text)
    else:
        ra = _resolve_piece(a, ctx.ref, "past", ctx.text)
        if not ra:
            return ra
        # "between the start of January and Wednesday": a weekday is of the week written in
        weekday = ctx.ref is not None and re.fullmatch(rf"(?:last\s+|this\s+past\s+)?{_WEEKDAY}", b.strip(), re.IGNORECASE)
        rb = _resolve_piece(b, ctx.ref, "past", ctx.text) if weekday else _resolve_piece(b, ra.start, "onafter", ctx.text)
        if not weekday and rb and ctx.ref and rb.start > ctx.ref and not (ra.explicit or rb.explicit):
            # "from December to February" written in December: the last complete such range
            rb = _resolve_piece(b, ctx.ref, "past", ctx.text)
            ra = _resolve_piece(a, rb.start, "onbefore", ctx.text) if rb else rb
    if not ra or not rb:
        return _INVALID if (ra is False or rb is False) else None
    if rb.end < ra.start:
        return _INVALID
    return _Res(ra.start, rb.end, "span", explicit=ra.explicit and rb.explicit,
                future=bool(ctx.ref and rb.explicit and rb.start > ctx.ref))


_RULES.append(_rule("range", F_RANGE, _h_range, (("between", "from"),), prep=False))
# two months joined: "joined the CDM in February and March", "in January and February 2022"
F_MONTH_PAIR = (
    rf"(?P<pre>in|during|throughout)\s+(?P<a>{_MONTH}(?:\s+{_YEAR})?)\s+and\s+"
    rf"(?P<b>(?:(?:early|late)\s+|mid-?)?{_MONTH}(?:,?\s+{_YEAR})?)(?!\s*\d)"
)
_RULES.append(_rule("month_pair", F_MONTH_PAIR, _h_range, ((" and ",),), prep=False))
_ANCHOR_CONTEXT = [(a.name, re.compile(a.context, re.IGNORECASE)) for a in ANCHORS if a.context]
_MONTH_GATE = re.compile("|".join(_cased([m[:3] for m in calendar.month_name[1:]])))  # case-sensitive: not "Myanmar"
_DIGIT = re.compile(r"\d")
_PREP_TAIL = re.compile(
    # how long after or before: "two days after the coup", "in the weeks following Operation 1027",
    # "shortly before the conscription law took effect"
    rf"(?<![\w-])(?:(?P<off>(?:(?P<n>{_NUM})\s+(?P<unit>days?|weeks?|months?)|(?P<vague>hours|days|weeks|months|shortly|soon|just|"
    r"immediately|only\s+days|a\s+few\s+(?:days|weeks))|(?:the|a)\s+(?P<one>day|week)))\s+(?=after|before|following)"
    # "in the year since the coup": the year that followed; "within a month of the coup": the month after it
    r"|(?:in\s+)?the\s+(?P<the>year|month|week|fortnight)\s+(?=since)"
    # "in the first two months after the coup", "during the first year after the law": the whole stretch
    rf"|(?:in|during|over|within)\s+the\s+(?:first\s+)?(?:(?P<fn>{_NUM})\s+(?P<funit>days|weeks|months|years)"
    r"|first\s+(?P<fone>day|week|month|year))\s+(?=after\s|following\s)"
    rf"|within\s+(?P<wn>a|an|{_NUM})\s+(?P<wunit>days?|weeks?|months?|years?)\s+(?=of\s))?"
    rf"(?P<prep>{_PREP}|(?<=\s)of)\s+(?:the\s+(?:launch|start|beginning|outbreak|onset)\s+of\s+"
    # "since launching Operation 1027", "since the alliance launched Operation 1027"
    r"|(?:(?:it|they|we|the\s+[a-z]+)\s+)?(?:launch(?:ed|ing)|start(?:ed|ing)|beg(?:an|inning))\s+)?$", re.IGNORECASE
)
# "in the week the law was activated", "during the month that Lashio fell": the calendar week,
# month or year holding the day
_DURING_TAIL = re.compile(r"(?<![\w-])(?:in|during|over)\s+the\s+(?P<unit>week|month|year)\s+(?:that\s+|when\s+|in\s+which\s+|of\s+)?$",
                          re.IGNORECASE)


def _holding(res: _Res, unit: str) -> _Res:
    """The calendar `unit` holding the day `res` tells."""
    day = res.start
    if unit == "week":
        start, end, precision = _monday(day), _monday(day) + dt.timedelta(days=6), "week"
    elif unit == "month":
        start, end, precision = day.replace(day=1), _month_end(day.year, day.month), "month"
    else:
        start, end, precision = dt.date(day.year, 1, 1), dt.date(day.year, 12, 31), "year"
    return _Res(start, end, precision, explicit=res.explicit, anchor=res.anchor)


# a vague distance from a day: (nearest, farthest) in days
_VAGUE_OFFSET = {"hours": (0, 1), "days": (1, 7), "only days": (1, 7), "a few days": (2, 6), "weeks": (7, 35),
                 "a few weeks": (14, 35), "months": (30, 180), "shortly": (1, 14), "soon": (1, 14), "just": (1, 7),
                 "immediately": (0, 2)}
_UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14, "month": 30, "year": 365}


def _offset(pm: re.Match[str]) -> tuple[int, int] | None:
    """Days (nearest, farthest) an offset before a preposition moves from its day."""
    if pm["n"]:
        n = _num(pm["n"])
        days = _UNIT_DAYS[pm["unit"].lower().rstrip("s")]
        return (n[0] * days, n[1] * days) if n else None
    if pm["vague"]:
        return _VAGUE_OFFSET.get(" ".join(pm["vague"].lower().split()))
    if pm["one"]:  # "the day after Union Day" is one day; "the week after" the seven days that follow
        return (1, 1) if pm["one"].lower() == "day" else (1, 7)
    if pm["the"]:
        return 0, _UNIT_DAYS[pm["the"].lower()]
    unit = pm["wunit"] or pm["funit"] or pm["fone"]
    if unit:  # "within a month of", "in the first two months after", "in the first year after": from the day on
        word = pm["wn"] or pm["fn"]
        n = _num(word) if word else (1, 1)
        days = _UNIT_DAYS[unit.lower().rstrip("s")]
        return (0, n[1] * days) if n else None
    return None
_LATE = re.compile(r"(?:the\s+)?(?:very\s+)?(?:end|close)\b", re.IGNORECASE)


# --- public API ----------------------------------------------------------------------------
def _as_date(ref: dt.date | dt.datetime | None) -> dt.date | None:
    if isinstance(ref, dt.datetime):
        return ref.date()
    return ref


def _prep_kind(prep: str | None) -> str:
    if not prep:
        return "point"
    p = " ".join(prep.lower().split())
    if p.startswith(("starting", "beginning")):
        return "since"
    return _PREP_KIND.get(p, "point")


def _apply_kind(res: _Res, prep: str | None, ref: dt.date | None,
                is_anchor: bool, offset: tuple[int, int] | None = None) -> tuple[Kind, DateSpan | None, DateSpan]:
    base = DateSpan(start=res.start, end=res.end, precision=res.precision)  # type: ignore[arg-type]
    if res.kind == "duration":
        return "duration", base, base
    pk = _prep_kind(prep)
    if offset is not None and pk in ("since", "point") and res.precision == "day":
        pk = "after"  # "in the year since the coup", "within a month of the coup": counted from that day
    if offset is not None and pk in ("after", "before") and (res.precision == "day" or (res.anchor and res.precision == "week")):
        # "two days after the coup" is a day; "in the weeks after it" the weeks that followed; "a
        # week after Thingyan" the festival's days a week on
        near, far = offset
        if pk == "after":  # (never within the festival's own days)
            start, end = max(res.start + dt.timedelta(days=near), min(res.end + _D1, res.end + dt.timedelta(days=near))), \
                res.end + dt.timedelta(days=far)
        else:
            start, end = res.start - dt.timedelta(days=far), \
                min(res.end - dt.timedelta(days=near), max(res.start - _D1, res.start - dt.timedelta(days=near)))
        if ref is not None and start > ref:
            return "point", None, base
        end = min(end, ref) if ref is not None else end
        precision = "day" if start == end else "week" if (end - start).days <= 7 else "span"
        return "point", DateSpan(start=start, end=end, precision=precision), base  # type: ignore[arg-type]
    if is_anchor and prep and prep.lower() == "by":
        pk = "point"
    if pk in ("since", "after"):
        start = res.start if pk == "since" else res.end + _D1
        if ref is None or start > ref:
            return "since", None, base
        return "since", DateSpan(start=start, end=ref, precision="span"), base
    if pk == "until":
        return "until", base, base
    if pk == "before":
        if res.late_part:  # "before the end of the month" is a deadline like "by"
            return "until", base, base
        return "until", DateSpan.day(res.start - _D1), base
    span = base
    if ref is not None and not res.future and res.start <= ref < res.end:
        span = DateSpan(start=res.start, end=ref, precision=res.precision)  # type: ignore[arg-type]
    return "point", span, base


_GATE_KEYS = tuple(sorted({k for r in _RULES for g in r.gate for k in g if not k.startswith("#")}))
_RULE_GATES = [(r, tuple(frozenset(g) for g in r.gate)) for r in _RULES]
assert all(1 <= len(g) <= 2 for _, g in _RULE_GATES)


def _present(text: str) -> set[str]:
    """The gate keys present in text (substring tests are far cheaper than regex scans)."""
    lowered = text.lower()
    found = {k for k in _GATE_KEYS if k in lowered}
    if _MONTH_GATE.search(text):
        found.add("#month")
    if _DIGIT.search(text):
        found.add("#digit")
    return found


def _find(text: str, ref: dt.date | None, context: str | None, include_bare_anchors: bool,
          standalone: bool) -> list[TimeMention]:
    found = _present(text)
    if not found:
        return []
    contexts: frozenset[str] | None = None
    # (start, end, order, rule, preposition, result, offset, the calendar unit holding the day)
    cands: list[tuple[int, int, int, _Rule, str | None, _Res | None, tuple[int, int] | None, str | None]] = []
    for order, (rule, gate) in enumerate(_RULE_GATES):
        if gate[0].isdisjoint(found) or (len(gate) > 1 and gate[1].isdisjoint(found)):
            continue
        for m in rule.rx.finditer(text):
            s, e = m.span()
            prep, offset, during = None, None, None
            if rule.prep:
                pm = _PREP_TAIL.search(text, max(0, s - 40), s)
                if pm and (pm["prep"].lower() != "of" or pm["wn"]):  # "of" only after "within a month"
                    prep, s, offset = pm["prep"], pm.start(), _offset(pm)
                elif rule.name.startswith(("anchor:", "holiday:")) and (dm := _DURING_TAIL.search(text, max(0, s - 40), s)):
                    during, s = dm["unit"].lower(), dm.start()
            if rule.needs_ctx is not None and not standalone:
                ok = (prep is not None and prep.lower() != "over") or rule.needs_ctx.search(text, max(0, s - 24), s)
                if not ok:
                    continue
            if contexts is None and rule.name.startswith("anchor:"):
                contexts = frozenset(
                    name for name, rx in _ANCHOR_CONTEXT if rx.search(text) or (context and rx.search(context))
                )
            direction = "nearest" if _prep_kind(prep) in ("until", "before") else "past"
            res = rule.handler(m, _Ctx(ref, direction, text, m.start(), e, contexts or frozenset()))
            if res is False:
                continue
            if res is not None and rule.name.startswith("part") and _LATE.match(m["part"]):
                res.late_part = True
            if res and during and res.precision == "day":
                res = _holding(res, during)
            cands.append((s, e, order, rule, prep, res, offset, during))
    if not cands:
        return []
    cands.sort(key=lambda c: (c[0] - c[1], c[0], c[2]))
    taken: list[tuple[int, int]] = []
    out: list[TimeMention] = []
    for s, e, _, rule, prep, res, offset, during in cands:
        if any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        if res is None:
            pk = "duration" if rule.name in ("duration", "recent", "so_far") else _prep_kind(prep)
            kind: Kind = {"after": "since", "before": "until"}.get(pk, pk)  # type: ignore[assignment]
            out.append(TimeMention(s, e, text[s:e], None, kind, None, None, rule.name))
            continue
        kind, span, base = _apply_kind(res, prep, ref, res.anchor is not None, offset)
        if kind == "point" and rule.name.startswith("anchor:") and not include_bare_anchors and offset is None and not during:
            continue
        out.append(TimeMention(s, e, text[s:e], span, kind, base, res.anchor, rule.name))
    out.sort(key=lambda t: t.start)
    return out


def find_dates(text: str, ref: dt.date | None, *, context: str | None = None,
               include_bare_anchors: bool = False) -> list[TimeMention]:
    """All temporal expressions in ``text``, resolved against ``ref``, in text order.

    ``context``: more text (e.g. the whole article) consulted for context-dependent anchors
    ("the offensive" = Operation 1027 only when "1027" or "Brotherhood" appears).
    ``include_bare_anchors``: also return anchors without a since/until role ("the coup").
    """
    return _find(text, _as_date(ref), context, include_bare_anchors, standalone=False)


def resolve(expr: str, ref: dt.date | None, *, context: str | None = None) -> DateSpan | None:
    """The span of one temporal expression ("mid-June 2023", "since the coup", "last week").

    Returns the span of the longest expression the grammar finds in ``expr`` (bare months,
    years and anchors count here); otherwise asks dateparser; None when nothing resolves or
    the expression needs ``ref`` and ``ref`` is None.
    """
    ref = _as_date(ref)
    found = _find(expr, ref, context, include_bare_anchors=True, standalone=True)
    if found:
        return max(found, key=lambda t: t.end - t.start).span
    return _dateparser_fallback(expr, ref)


_DP_PARSERS: dict[dt.date | None, object] = {}


def _dateparser_fallback(expr: str, ref: dt.date | None) -> DateSpan | None:
    if not re.search(r"[A-Za-z0-9]", expr):
        return None
    if ref is None and not _HAS_YEAR.search(expr):
        return None
    from dateparser.date import DateDataParser  # imported lazily: slow to import, rarely needed

    parser = _DP_PARSERS.get(ref)
    if parser is None:
        settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
        if ref is not None:
            settings["RELATIVE_BASE"] = dt.datetime(ref.year, ref.month, ref.day, 12)
        if len(_DP_PARSERS) > 64:
            _DP_PARSERS.clear()
        parser = _DP_PARSERS[ref] = DateDataParser(languages=["en"], settings=settings)
    try:
        data = parser.get_date_data(expr)  # type: ignore[attr-defined]
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    period = data.period or "day"
    if period == "week":
        s, e, prec = _monday(d), _monday(d) + dt.timedelta(days=6), "week"
    elif period == "month":
        s, e, prec = d.replace(day=1), _month_end(d.year, d.month), "month"
    elif period == "year":
        s, e, prec = dt.date(d.year, 1, 1), dt.date(d.year, 12, 31), "year"
    else:
        s, e, prec = d, d, "day"
    if ref is not None and s <= ref < e:
        e = ref
    return DateSpan(start=s, end=e, precision=prec)  # type: ignore[arg-type]
