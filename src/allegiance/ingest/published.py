"""The article's own date: from metadata, a date line, or what the text shows it knew.

:func:`find_published` tries, in order:

a. the metadata date (HTML ``<meta>``/JSON-LD via trafilatura, a JSONL ``published`` field);
b. a date line near the top or bottom of the text: a date stamp on a line of its own
   ("Published: 14 March 2022", "By Naw Eh Ler | 5 June 2023", "March 3, 2022",
   "Updated 2024-02-20 09:14", "Date: 03/04/2022") or a wire dateline opening the first
   paragraph ("MANDALAY, Sept. 3, 2021 — ..."). The date string itself is read by dateparser
   (day-first for ambiguous numerics, strict, day/month/year all required);
c. inference from the content (see below).

Scrape and retrieval stamps ("Retrieved: 2025-08-14", "Scraped ... UTC", "Accessed on ...")
are never the article's date. A metadata or date-line date is rejected, in favour of the
content estimate, when it conflicts with the text (the reason is logged):

* it is earlier than a dated happening the text reports as past (an explicit date or year,
  or a dated anchor such as the coup or the founding of an organisation it names). A date line
  the article prints yields only to a date written out within two months after it (an older
  version's stamp); one mention a season or years on, an anchor or a bare year is likelier a
  plan, a deadline or a slip than a line that far off;
* it lies outside the writing period that the text's relative cues imply ("last month's
  military coup" => March 2021) by more than a month;
* it is more than ~12 months later than the latest date the text writes out (a day or month
  with its year), when the text has no undated recent cues ("on Sunday", "last month",
  "May 14") that could be later. Anchors and bare years do not count here: articles mention
  the coup, or "in 2021", as background for years after.

Content inference. Every explicit date ("Feb. 3, 2021", "3 February 2021", "February 2021",
"in 2015"), every date without a year ("May 14", "on Sept. 7", "On December 11th", "in late
March") and every mention of a dated anchor (:data:`ANCHORS`: the coup, Operation 1027, the
conscription law, the founding of the NUG, KNDF, People's Embrace, the Karenni IEC, ...) is
collected from the article text (boilerplate lines excluded), unless its context marks it as
future or a deadline ("until", "by", "will", "next"). Relative cues that tie an anchor to the
time of writing give a window: "last month's coup", "the coup in February last year",
"the KNDF was formed in May last year", "two years after the coup", "the coup three months
ago", "the second anniversary of the coup" (the week from the anniversary when it is being
marked, the month before it when it is still ahead; an organisation's own anniversary counts
from a founding day the text states). Dates without a year take the writing year: the
year the window fixes, else the year of the latest dated evidence (news style omits the year
for dates in the current year), and resolve to the latest such day not after the window.

A weekday written without its date ("on Monday", "last Friday"), told after the latest dated
day, falls after that day ("Saturday, September 2 ... two days later, on Monday").

The span: start = the latest happening the text reports as past; end = the end of the window
the cues allow (the end of the writing year when dates without a year were used; never more
than a year after the start). ``published`` is the start: the latest day the text knew of.

Integration with the cleaner: date-stamp and scrape lines are recognised by one shape test,
:func:`allegiance.ingest.boilerplate.date_stamp`, which :func:`~allegiance.ingest.boilerplate.clean`
uses to drop them; :func:`find_published` reads the dates on those same lines and returns their
numbers, so both always agree. ``find_published`` takes the raw text (it runs the cleaner
itself unless given its ``removed`` lines) so that the date lines are still there to read.
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal, NamedTuple

import dateparser

from allegiance.ingest.boilerplate import (
    CHAT_PREFIX,
    DATE_IN_TEXT,
    DATE_PATTERN,
    MONTH_PATTERN,
    WEEKDAY_PATTERN,
    chat_day,
    clean,
    date_stamp,
)
from allegiance.models import BoilerplateLine, DateSource, DateSpan, Precision
from allegiance.normalise.dates import ANCHORS as _EVENT_ANCHORS
from allegiance.normalise.dates import HOLIDAYS, LUNAR_HOLIDAYS, nth_day_since_coup, ordinal_number, revolution_day

logger = logging.getLogger(__name__)

__all__ = ["ANCHORS", "Anchor", "DateLine", "Published", "find_published", "parse_date_line",
           "parse_date_string"]

_DAY = dt.timedelta(days=1)
_YEAR = dt.timedelta(days=365)
_MONTH_SLACK = dt.timedelta(days=31)
_WEEK = dt.timedelta(days=6)
_PRINTED_LINE_LAG = dt.timedelta(days=60)  # how long after a printed date line news may show it stale
_WEEKDAYS = [d.lower() for d in calendar.day_name]
_WEEKDAY_NAME = "|".join(_WEEKDAYS)
_EARLIEST_PLAUSIBLE = dt.date(1990, 1, 1)
_CONTEXT = 120  # characters either side of a mention that its cues may use
_TOP_LINES = 8  # non-blank lines at the top where a date line may stand
_LABELLED_TOP_LINES = 20  # and where one labelled "Published:" may (or, failing any other, a date alone on its line)
_BOTTOM_LINES = 5  # and at the bottom
_LABELLED_BOTTOM_LINES = 10  # and where one labelled "Date:" may (a statement's signature block, then its contacts)

# --- knowledge anchors ------------------------------------------------------------------------


@dataclass(frozen=True)
class Anchor:
    """A dated happening or organisation a text may mention: the text is written after it."""

    key: str
    day: dt.date
    pattern: re.Pattern[str]
    # True when a mention names a happening (the coup, an offensive): relative cues ("last
    # month's coup") can then date the writing. Organisations become happenings when their
    # founding is meant ("the KNDF was formed in May last year").
    event: bool = False
    # the text must also match this for a mention to count (bare "IEC" only in a Karenni text)
    requires: re.Pattern[str] | None = None
    # context just before a mention that means some other happening ("the 1962 coup")
    not_after: re.Pattern[str] | None = None


def _rx(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags)


def _taken(town: str, nouns: str = "fall|capture|seizure|takeover") -> str:
    """A town's fall told three ways: "the fall of Falam", "Falam fell", "took Falam" (``nouns``:
    what "the ... of Falam" may say)."""
    return (rf"\b(?:{nouns})\s+of\s+{town}\b|\b{town}\s+(?:fell|was\s+(?:captured|taken|seized))"
            rf"|\b(?:captured|seized|took|overran)\s+{town}\b")


# the days both tables know come from the event-date table (normalise.dates.ANCHORS)
_KNOWN = {a.name: a.day for a in _EVENT_ANCHORS}
ANCHORS: tuple[Anchor, ...] = (
    Anchor("coup", _KNOWN["coup"], _rx(
        r"\bcoup(?:\s+d['’][ée]tat)?\b"
        r"|\b(?:military|army|junta|generals|Tatmadaw)\s+(?:seized|took|grabbed)\s+power\b"
        r"|\bseized\s+power\b|\b(?:seizure|takeover|grab)\s+of\s+power\b|\bmilitary\s+takeover\b"
        r"|\b(?:the|army['’]s|military['’]s|junta['’]s)\s+takeover\b(?!\s+of\s+(?!power))", re.IGNORECASE), event=True,
        not_after=_rx(r"(?:\b(?:19\d\d|20(?!21)\d\d)|Thai(?:land)?['’]?s?|Sudan|Niger|Mali"
                      r"|Guinea|Burkina|Gabon|failed|attempted|previous|earlier|1962|1988)"
                      r"\W+(?:[\w-]+\W+)?$", re.IGNORECASE)),
    Anchor("cdm", dt.date(2021, 2, 2), _rx(r"(?i:civil disobedience movement)|\bCDM\b")),
    Anchor("nug", dt.date(2021, 4, 16), _rx(r"National Unity Government|\bNUG\b")),
    Anchor("pdf", dt.date(2021, 5, 5), _rx(r"People['’]s Defen[cs]e Forces?|\bPDFs?\b")),
    Anchor("kndf", dt.date(2021, 5, 31), _rx(r"Karenni Nationalities Defen[cs]e Force|\bKNDF\b")),
    Anchor("peoples-embrace", dt.date(2021, 12, 1), _rx(r"People['’]s Embrace")),
    Anchor("karenni-iec", dt.date(2023, 6, 1), _rx(r"Interim Executive Council|\bIEC\b"),
           requires=_rx(r"Karenni")),
    # the junta's bodies, which date a text that names them
    Anchor("defensive-war", _KNOWN["peoples_defensive_war"], _rx(
        r"\b(?:people['’]s\s+)?defensive\s+war\b", re.IGNORECASE), event=True,
        requires=_rx(r"National\s+Unity\s+Government|\bNUG\b")),
    Anchor("sspc", dt.date(2025, 7, 31), _rx(r"State\s+Security\s+and\s+Peace\s+Commission|\bSSPC\b")),
    Anchor("operation-1027", _KNOWN["operation_1027"], _rx(
        r"Operation\s*1027|\b1027\s+(?:operation|offensive)"
        r"|Brotherhood Alliance['’]?s?\s+(?:offensive|operation)"
        r"|(?:offensive|operation)\s+(?:by|of|launched by)\s+the\s+(?:Three\s+)?Brotherhood Alliance",
        re.IGNORECASE), event=True),
    # "... said more than 300 soldiers have surrendered since they launched a coordinated offensive
    # on Oct. 27": the day without its year, in a story about the alliance
    Anchor("alliance-offensive-oct-27", _KNOWN["operation_1027"], _rx(
        r"\b(?:offensive|operation)\s+(?:(?:that\s+)?(?:began|started|was\s+launched)\s+)?on\s+(?:Oct\.?|October)\s+27(?:th)?\b",
        re.IGNORECASE), event=True, requires=_rx(r"Brotherhood\s+Alliance")),
    Anchor("operation-1111", _KNOWN["operation_1111"], _rx(r"Operation\s*1111|\b1111\s+(?:operation|offensive)", re.IGNORECASE),
           event=True),
    Anchor("operation-1107", _KNOWN["operation_1107"], _rx(r"Operation\s*1107\b", re.IGNORECASE), event=True),
    Anchor("operation-1027-phase-two", _KNOWN["operation_1027_phase_two"], _rx(
        r"\b(?:second|2nd)\s+(?:phase|stage|round|wave)\s+of\s+(?:the\s+)?(?:Operation\s*1027|(?:Three\s+)?Brotherhood\s+Alliance['’]?s?\s+offensive)"
        r"|\bOperation\s*1027['’]?s?\s+(?:(?:second|2nd)\s+phase|phase\s+(?:two|2|II))\b", re.IGNORECASE), event=True),
    # the air strike on a gathering at Pazigyi village, Kanbalu Township (11 April 2023)
    Anchor("pazigyi", dt.date(2023, 4, 11), _rx(r"\bPazigyi\b", re.IGNORECASE), event=True),
    # the ceasefire China brokered with the alliance in Kunming (the Haigeng agreement, 12 Jan 2024)
    Anchor("haigeng-ceasefire", dt.date(2024, 1, 12), _rx(
        r"\bHaigeng\b|\b(?:Kunming|China-brokered)\s+(?:ceasefire|truce|peace\s+(?:deal|agreement))", re.IGNORECASE), event=True),
    # the Myawaddy garrison's surrender to the KNLA (11 April 2024)
    Anchor("myawaddy", _KNOWN["myawaddy_fall"], _rx(_taken(r"Myawadd?y", nouns="fall|capture|seizure|surrender"), re.IGNORECASE),
           event=True),
    Anchor("cyclone-mocha", _KNOWN["cyclone_mocha"], _rx(r"(?:Cyclone|Storm)\s+Mocha|\bMocha\b", re.IGNORECASE), event=True),
    Anchor("laukkai", _KNOWN["laukkai_fall"], _rx(
        r"\b(?:handover|fall|capture|seizure|surrender)\s+of\s+Laukkai(?:ng)?\b"
        r"|\bLaukkai(?:ng)?\s+(?:fell|was\s+(?:handed\s+over|captured|taken|seized))", re.IGNORECASE), event=True),
    Anchor("lashio", _KNOWN["lashio_fall"], _rx(
        r"\b(?:fall|capture|seizure|takeover)\s+of\s+Lashio\b|\bLashio\s+(?:fell|was\s+(?:captured|taken|seized))"
        r"|\bNorth[\s-]?[Ee]astern\s+(?:Regional\s+)?Command\s+(?:in|at)\s+Lashio\b"
        r"|\b(?:captured|seized|took)\s+Lashio\b", re.IGNORECASE), event=True),
    # the battle for Lashio, from the second phase of Operation 1027 (late June 2024) to its fall
    Anchor("lashio-battle", _KNOWN["operation_1027_phase_two"], _rx(
        r"\b(?:battle|fight|fighting|offensive)\s+(?:for|over|on)\s+Lashio\b", re.IGNORECASE), event=True),
    # the TNLA took Mogoke on 24 July 2024; the Chin Brotherhood took Falam on 7 April 2025
    Anchor("mogoke", _KNOWN["mogoke_fall"], _rx(_taken(r"Mogok[e]?"), re.IGNORECASE), event=True),
    Anchor("falam", _KNOWN["falam_fall"], _rx(_taken("Falam"), re.IGNORECASE), event=True),
    # Min Aung Hlaing took over the presidency as acting president on 22 July 2024 (Myint Swe held it before)
    Anchor("acting-president-mah", dt.date(2024, 7, 22), _rx(
        r"\bMin\s+Aung\s+Hlaing\b[^.;]{0,40}\bacting\s+president\b|\bacting\s+president,?\s+(?:Senior\s+General\s+)?Min\s+Aung\s+Hlaing\b",
        re.IGNORECASE), event=True),
    # the regime announced on 25 July 2022 that it had hanged four democracy activists
    Anchor("executions-2022", dt.date(2022, 7, 25), _rx(
        r"\bexecut(?:ed|ion\s+of|ions\s+of)\s+(?:the\s+)?(?:four|4)\s+(?:(?:pro-)?democracy\s+|political\s+)?"
        r"(?:activists|prisoners|men|campaigners)\b"
        r"|\b(?:four|4)\s+(?:(?:pro-)?democracy\s+|political\s+)?(?:activists|prisoners)\s+(?:were\s+|had\s+been\s+)?executed\b",
        re.IGNORECASE), event=True),
    # the Arakan Army took the Western Command's headquarters in Ann on 20 December 2024
    Anchor("western-command", _KNOWN["western_command_fall"], _rx(
        r"\bWestern\s+(?:Regional\s+)?Command(?:\s+headquarters)?\s+(?:in|at)\s+Ann\b"
        r"|\b(?:fall|capture|seizure|takeover)\s+of\s+(?:the\s+)?(?:military['’]s\s+)?Western\s+(?:Regional\s+)?Command\b"
        r"|\bWestern\s+(?:Regional\s+)?Command\s+(?:fell|was\s+(?:captured|taken|seized|overrun))\b"
        rf"|{_taken('Ann', nouns='fall|capture|seizure')}", re.IGNORECASE), event=True, requires=_rx(r"Arakan\s+Army|\bAA\b")),
    Anchor("earthquake-2025", _KNOWN["earthquake_2025"], _rx(
        r"\b(?:7\.7|magnitude[- ]7\.7)[\w -]{0,20}?(?:earthquake|quake)\b|\b(?:Sagaing|Mandalay|March\s+28)\s+(?:earthquake|quake)\b"
        r"|\b(?:the|last\s+month['’]s|March['’]s|Friday['’]s)\s+(?:deadly\s+|devastating\s+|massive\s+)?(?:earthquake|quake)\b", re.IGNORECASE),
        event=True, requires=_rx(r"(?i)\b(?:2025|Sagaing|Mandalay|Naypyitaw|7\.7)\b")),
    Anchor("conscription-law", _KNOWN["conscription_law"], _rx(
        r"conscription\s+law|draft\s+law|(?:People['’]s\s+)?Military\s+Service\s+Law"
        r"|(?:mandatory|compulsory)\s+military\s+service|conscription\s+drive"
        # the call-ups under it: "since conscription began", "the fifth batch of conscripts"
        r"|\bconscription\s+(?:began|started|came\s+into\s+(?:force|effect)|took\s+effect)|\bsince\s+conscription\b"
        r"|\b(?:batch|intake|round)\s+of\s+(?:conscripts|conscripted)\b|\bnew(?:ly)?\s+conscript(?:s|ed)\b", re.IGNORECASE),
        event=True),
)

# --- regex tables -----------------------------------------------------------------------------
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_M = MONTH_PATTERN
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
_NUM = r"(?:\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_ORDINAL = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))"
_PART = r"(?:(?P<part>early|mid|late)[- ]?)?"

# Date mentions in running text, most specific first; a later pattern never re-reads the
# characters an earlier one matched.
MentionKind = Literal["day", "month_year", "year", "yearless_day", "month"]
_MENTIONS: tuple[tuple[MentionKind, re.Pattern[str]], ...] = (
    # "Feb. 3, 2021", "December 11th, 2023"
    ("day", _rx(rf"\b(?P<month>{_M})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b")),
    # "3 February 2021", "11th of December 2023"
    ("day", _rx(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_M}),?\s+(?P<year>\d{{4}})\b")),
    # "2021-02-03"
    ("day", _rx(r"\b(?P<year>(?:19|20)\d{2})-(?P<monthnum>\d{2})-(?P<day>\d{2})\b")),
    # "February 2021", "mid-June 2023"
    ("month_year", _rx(rf"\b{_PART}(?P<month>{_M}),?\s+(?P<year>\d{{4}})\b")),
    # "May 14", "on Sept. 7", "On December 11th" (not a time or a count: "May 14 soldiers" is rare)
    ("yearless_day", _rx(rf"\b(?P<month>{_M})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?![\d:%,.]\d)")),
    # "14 May", "11th of December"
    ("yearless_day", _rx(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_M})(?![\w])")),
    # "in October", "since late March", "last February" (a preposition keeps out "May" the verb)
    ("month", _rx(rf"\b(?P<prep>in|since|until|till|during|by|from|of|early|mid|late|last|this"
                  rf"|next|before|after|through|throughout|between|and)[- ]{_PART}(?P<month>{_M})"
                  rf"(?![\w])")),
    # "in 2015", "the 2008 constitution" (not counts: "2,000", "2021 soldiers")
    ("year", _rx(r"(?<![\d,.$#/-])\b(?P<year>19[5-9]\d|20[0-4]\d)\b(?![\d/]|[,.]\d|-\d|\s*(?:%|percent"
                 r"|troops|soldiers|people|civilians|km|kilomet|miles|kyats?|baht|dollars|members"
                 r"|police|personnel|villagers|residents|men\b|women|households|families|houses"
                 r"|homes|defectors))")),
)

# Context just before a mention that makes it a deadline or a plan, not a past happening.
_FUTURE_BEFORE = _rx(
    r"\b(?:until|till|by|before|next|upcoming|coming|deadline(?:\s+of)?|scheduled\s+(?:for|on)"
    r"|planned\s+(?:for|on)|set\s+(?:for|on)|due\s+(?:on|by|in)|expected\s+(?:on|by|in)"
    r"|held\s+on|to\s+be\s+held\s+(?:on|in)|slated\s+(?:for|in)|pledged\s+(?:for|in)"
    # a schedule told in the present: "The junta's election starts on 28 December"
    r"|(?:starts|begins|opens|commences|falls)\s+(?:on|in)"
    # "told them to vote on Dec. 28", "is to resume in March"
    r"|to\s+(?:vote|take\s+place|begin|start|open|close|resume|return)\s+(?:on|by|in))\s+(?:the\s+)?(?:end\s+of\s+|end\s+|early\s+|mid-?\s*|late\s+)?$"
    # "the junta's planned election in 2025", "its promised 2025 vote"
    r"|\b(?:planned|proposed|promised|upcoming|forthcoming|intended|expected)\s+(?:[\w'’-]+\s+){0,2}$",
    re.IGNORECASE)
# "will"/"shall" earlier in the same clause (no comma, semicolon or quote in between).
# verbs of a plan: "plans to", "is preparing to", "threatened to"
_PLAN_VERB = (r"(?:plans?|planned|planning|intends?|intending|aims?|expects?|prepar(?:es|ed|ing)|poised|threaten(?:s|ed|ing)?"
              r"|promis(?:es|ed|ing)?|vow(?:s|ed|ing)?|pledg(?:es|ed|ing)?|hop(?:es|ed|ing)|seek(?:s|ing)?|wants?)")
_FUTURE_CLAUSE = _rx(r"\b(?:will|shall|won['’]t)\b[^,;:“”\"]{0,50}$|['’]ll\b[^,;:“”\"]{0,50}$"
                     # "it plans to call up 5,000 people a month, starting after Thingyan in April"
                     rf"|\b{_PLAN_VERB}\s+to\b[^.;:“”\"]{{0,80}}$",
                     re.IGNORECASE)
# a known happening still to come: "is preparing to enforce the", "will activate its"
_FUTURE_ANCHOR = _rx(rf"\b{_PLAN_VERB}\s+to\s+(?:\w+\s+){{1,3}}$|\b(?:will|shall)\s+(?:\w+\s+){{1,3}}$", re.IGNORECASE)
# "last year"/"this year"/"next year" right after a date without a year.
_YEAR_OFFSET_AFTER = _rx(r"^,?\s+(?P<rel>last|this|next)\s+year\b", re.IGNORECASE)

# Relative cues that tie an anchored happening to the time of writing.
# "last month's military coup", "this year's offensive"
_REL_POSSESSIVE_BEFORE = _rx(r"\b(?P<rel>last|this)\s+(?P<unit>month|year)['’]s\s+(?:[\w-]+\s+){0,2}$",
                             re.IGNORECASE)
_REL_POSSESSIVE_LEAD = _rx(r"\s*(?P<rel>last|this)\s+(?P<unit>month|year)['’]s\b", re.IGNORECASE)
# words that may stand between a happening and "last year": "the coup in February last year",
# "the KNDF was formed in May last year", "a conscription law it activated last month"
_CONNECTOR = (
    rf"(?:in|of|on|during|at|early|mid|late|the|that|which|it|they|began|begun|happened|took"
    rf"|place|launched|started|staged|was|were|been|had|has|formed|founded|established|set|up"
    rf"|created|activated|enacted|announced|imposed|introduced|enforced|invoked|switched|turned"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?|{_M})"
)
_REL_AFTER = _rx(rf"^(?:,?\s+{_CONNECTOR})*?"
                 # "Cyclone Mocha struck the Rakhine coast last month"
                 rf"(?:\s+(?:struck|hit|battered|ravaged|devastated|swept|made\s+landfall)(?:\s+[\w'’-]+){{0,4}}?)?"
                 rf",?\s+(?P<rel>last|this)\s+(?P<unit>month|year)\b", re.IGNORECASE)
# how long, hedged: "more than two", "nearly three and a half" (then the unit)
_HOW_LONG = (rf"(?P<q>more\s+than|over|just\s+over|nearly|almost|about|around|roughly|some|less\s+than|under)?\s*"
             rf"(?P<n>{_NUM})(?P<half>\s+and\s+a\s+half)?\s+")
# the coup itself: "the coup", "the military takeover", "the 2021 coup", "the army seized power"
# "in the fortnight since", "the two weeks since", "in the ten days since" (then the date, in the clause)
_TIME_SINCE_BEFORE = _rx(rf"\b(?:in|during|over)\s+the\s+(?:(?P<n>{_NUM})\s+)?(?P<unit>days|weeks|fortnight|month|months)\s+"
                         rf"since\b[^.;:“”\"]{{0,100}}?\b(?:on|in)\s+$", re.IGNORECASE)
_UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14, "month": 30}


def _unit_days(unit: str) -> int:
    """How many days a unit of a relative time is ("weeks": 7, "a fortnight": 14, "months": 30)."""
    return _UNIT_DAYS[unit.lower().rstrip("s")]


_THE_COUP = r"the\s+(?:military\s+|army\s+|2021\s+)?(?:coup|takeover|(?:military|army|junta)\s+seized\s+power)\b"
# "two years after the coup", "more than two years since the coup", "a year into the coup"
_REL_DURATION_BEFORE = _rx(
    rf"\b{_HOW_LONG}(?P<unit>years?|months?)\s+(?:after|since|into|on\s+from|from)"
    rf"\s+(?:the\s+)?(?:[\w'’-]+\s+){{0,3}}$", re.IGNORECASE)
# "the coup three months ago"
_REL_AGO_AFTER = _rx(rf"^(?:,?\s+{_CONNECTOR})*?,?\s+(?P<q>more\s+than|over|nearly|almost|about"
                     rf"|around|some)?\s*(?P<n>{_NUM})\s+(?P<unit>years?|months?)\s+ago\b",
                     re.IGNORECASE)
# "Six months ago today, the military seized power": that many months to the day
_REL_AGO_TODAY_BEFORE = _rx(rf"\b(?P<n>{_NUM})\s+(?P<unit>years?|months?|weeks?)\s+ago\s+today\s*,?\s*(?:the\s+)?$", re.IGNORECASE)
# "the second anniversary of the coup", "the coup's second anniversary"
_REL_ANNIVERSARY_BEFORE = _rx(rf"\b(?P<ord>{_ORDINAL})\s+anniversary\s+of\s+(?:the\s+)?"
                              rf"(?:[\w'’-]+\s+){{0,3}}$", re.IGNORECASE)
_REL_ANNIVERSARY_AFTER = _rx(rf"^['’]s?\s+(?P<ord>{_ORDINAL})\s+anniversary\b", re.IGNORECASE)
_ANCHOR_WEEKDAY_AFTER = _rx(r"^(?:\s+(?:was|were)\s+(?:launched|started|begun|declared|announced)\b[^.;:“”\"]{0,80}?\bon"
                            # "the handover of Laukkai last Friday"
                            r"|\s+(?:last|on|this\s+past))\s+"
                            rf"(?P<wd>{_WEEKDAY_NAME})\b", re.IGNORECASE)
# "Friday's earthquake", "announced on Saturday that it would enforce the ... Law"
_ANCHOR_WEEKDAY_BEFORE = _rx(rf"\b(?P<wd>{_WEEKDAY_NAME})(?:['’]s\s+(?:[\w'’-]+\s+){{0,2}}|\s+[^.;:“”\"]{{0,60}}?)$",
                             re.IGNORECASE)
# "five days after the alliance launched Operation 1027", "two days after Friday's earthquake"
_DAYS_AFTER_BEFORE = _rx(rf"\b(?P<n>{_NUM})\s+(?P<unit>days?|weeks?)\s+(?:after|since)\s+(?:[\w'’“”\"()-]+\s+){{0,8}}[“\"'‘]?$",
                         re.IGNORECASE)
# "Operation 1027, launched by ... on October 27, entered its third week on Friday"
_ENTERED = rf"\b(?:(?:has\s+|had\s+)?entered|(?:is|was)\s+(?:now\s+)?in)\s+its\s+(?P<ord>{_ORDINAL})\s+(?P<unit>week|month)\b"
_ENTERED_AFTER = _rx(rf"^[^.;:“”\"]{{0,240}}?{_ENTERED}", re.IGNORECASE)
# "... since Operation 1111 began. The operation is now in its third week.": the sentence after
_ENTERED_NEXT = _rx(rf"^\s*(?:The|This|That|It)\b[^.;:“”\"]{{0,40}}?{_ENTERED}", re.IGNORECASE)
# "Three weeks into Operation 1111", "two months into the offensive"
_INTO_BEFORE = _rx(rf"\b(?P<n>{_NUM})\s+(?P<unit>days?|weeks?|months?)\s+into\s+(?:the\s+)?$", re.IGNORECASE)
# "when the coup turned three on Thursday": its third anniversary, being marked
_TURNED_AFTER = _rx(r"^\s+(?:had\s+|has\s+)?turned\s+(?P<n>one|two|three|four|five|six|\d)\b", re.IGNORECASE)
# The anniversary is being marked as the text is written, or is still ahead.
_MARKING = _rx(rf"\b{WEEKDAY_PATTERN},\s+(?:the\s+)?(?:[\w'’-]+\s+){{0,5}}$"  # "on Thursday, the third anniversary of the coup"
               r"|\b(?:mark(?:ed|s|ing)?|commemorat(?:ed|es|ing)|observ(?:ed|es|ing)|celebrat(?:ed|es|ing)"
               r"|on\s+the)\s+(?:the\s+|its\s+)?(?:[\w'’-]+\s+){0,6}$"
               r"|^[^.;]{0,60}?\b(?:was|were|is|are)\s+(?:marked|commemorated|observed)\b", re.IGNORECASE)
# a past happening told after the day named ("..., the NUG released a video", "..., 20 soldiers had left")
_PAST_TOLD_AFTER = _rx(r"[^.;:]{0,80}?(?<!\bhas\s)(?<!\bhave\s)\b(?:[a-z]{3,}ed|had|was|were|fled|left|went|gave|took|came|began|sent|fell)\b",
                       re.IGNORECASE)
_AHEAD_OF = _rx(r"\b(?:ahead\s+of|before|eve\s+of|run-up\s+to|approaching|upcoming|days\s+before"
                # "preparing celebrations for Wednesday's 75th anniversary", "called on them to mark Union Day"
                r"|(?:preparing|prepares|planning|plans)\b[^.;:“”\"]{0,40}?\bfor|to\s+mark)\s+"
                r"(?:the\s+|its\s+)?(?:[\w'’-]+\s+){0,6}$", re.IGNORECASE)
# "Martyrs' Day on Monday", "Wednesday's 75th anniversary": the day still ahead is within the week
_ON_WEEKDAY_AFTER = _rx(rf"^(?:,[^,;]{{1,60}},|,?\s+(?:which|that))?\s+(?:begins\s+|starts\s+|falls\s+|is\s+)?on\s+{WEEKDAY_PATTERN}\b",
                        re.IGNORECASE)
_PAST_MARKING_BEFORE = _rx(r"\b(?:marked|celebrated|observed|commemorated|held|was|were|last)\b[^.;:“”\"]{0,40}$", re.IGNORECASE)
_PAST_AFTER_WEEKDAY = _rx(rf"^\s+(?:falls\s+|is\s+)?on\s+{WEEKDAY_PATTERN},?\s+(?:was|were|had|passed|saw|when|as)\b", re.IGNORECASE)
_WEEKDAY_POSSESSIVE_BEFORE = _rx(rf"\b{WEEKDAY_PATTERN}['’]s\s+(?:[\w'’-]+\s+){{0,3}}$", re.IGNORECASE)
# "BANGKOK, " / "LASHIO, Myanmar, " opening a paragraph, before a date without its year
_WIRE_CITY = _rx(rf"^\s*(?!(?:On|In|Since|Last|By|From|Until|Early|Late)\s|(?i:{_WEEKDAY_NAME})\b)[A-Z][\w.'’ -]{{2,30}}(?:,\s*[A-Z][\w.'’ -]+)?,\s*$")
# a social post's own time without its year, alone on its line: "November 14 at 8:12 PM · 🌏"
_POST_STAMP = _rx(rf"\s*(?:{_M})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:\s+at\s+\d{{1,2}}[:.]\d{{2}}\s*(?:[AaPp]\.?[Mm]\.?)?)?[\s·•\-|]*\W*",
                  re.IGNORECASE)
# Days of the year known by name (one table for the whole package; Thingyan, a span of days,
# dates events but not the writing)
_NAMED_DAYS = {key: start for key, (_, start, end) in HOLIDAYS.items() if start == end}
_HOLIDAY_ANY = _rx(r"\b(?:" + "|".join(f"(?P<{key}>{pattern})" for key, (pattern, _, _) in HOLIDAYS.items()) + r")\b")
_LUNAR_ANY = _rx(r"\b(?:" + "|".join(f"(?P<{key}>{pattern})" for key, (pattern, _) in LUNAR_HOLIDAYS.items()) + r")\b")
_NTH_SINCE_COUP = _rx(rf"\b(?P<ord>{_ORDINAL})\s+(?:time|(?:[\w'’-]+\s+){{1,3}}?)\s*since\s+{_THE_COUP}", re.IGNORECASE)
# the year each numbered national day was first held: "the 76th Independence Day" is 2024
_FIRST_YEAR = {"independence_day": 1948, "union_day": 1947, "martyrs_day": 1947, "armed_forces_day": 1945, "chin_national_day": 1947,
               "kachin_revolution_day": 1961, "karen_revolution_day": 1949, "shan_national_day": 1947}
# "the 77th Chin National Day, first celebrated in 1948": the text gives the first year itself
_FIRST_HELD = _rx(r"\bfirst\s+(?:celebrated|held|marked|observed|commemorated)\s+in\s+(?P<year>1[89]\d\d|20[0-2]\d)\b", re.IGNORECASE)
# "the 76th anniversary of the country's independence", "the 64th anniversary of the start of the
# Kachin revolution": a numbered day told by what it marks
_NAMED_ANNIVERSARY = _rx(
    rf"\b(?P<ord>{_ORDINAL})\s+anniversary\s+of\s+(?:the\s+)?(?:"
    r"(?P<independence_day>(?:(?:country|Myanmar|Burma|nation)['’]s\s+|national\s+)?independence\b(?!\s+(?:army|organi[sz]ation|day)))"
    r"|(?:(?:start|beginning|launch)\s+of\s+the\s+)?(?:(?P<kachin_revolution_day>Kachin)|(?P<karen_revolution_day>Karen))"
    r"\s+(?:revolution|armed\s+(?:revolution|struggle|resistance))\b)", re.IGNORECASE)
_NUMBERED_BEFORE = _rx(rf"\b(?P<ord>{_ORDINAL})\s+(?:anniversary\s+of\s+)?(?:Myanmar['’]s\s+)?$", re.IGNORECASE)
# "Thingyan begins on Saturday", "Union Day falls next week"
_UPCOMING_AFTER = _rx(r"^(?:,[^,;]{1,60},|,?\s+(?:which|that))?\s+(?:begins|starts|falls|comes|is\s+(?:due|coming|next\s+week|on\s+\w+day))\b"
                      r"|^\s+(?:next\s+week|this\s+weekend|later\s+this\s+(?:week|month))", re.IGNORECASE)
# A weekday of a past happening, without its date: "on Monday", "last Friday night"
_BARE_WEEKDAY = _rx(rf"\b(?P<last>last\s+|on\s+|early\s+on\s+)?(?P<wd>{_WEEKDAY_NAME})\b"
                    rf"(?!,?\s+(?:the\s+)?\d|,?\s+(?:{_M}))", re.IGNORECASE)
# "was founded on 17 April 2021", "formed in May 2021" (a day is needed to date an anniversary)
_FOUNDED_ON = _rx(rf"\b(?:formed|founded|established|set\s+up|created|launched)\s+on\s+"
                  rf"(?:{WEEKDAY_PATTERN},?\s+)?(?P<date>{DATE_PATTERN})", re.IGNORECASE)
# "its third anniversary", "our first anniversary" (not "the third anniversary of the coup")
_OWN_ANNIVERSARY = _rx(rf"\b(?:its|their|our|the\s+(?:group|battalion|force|unit|network)['’]s)\s+"
                       rf"(?P<ord>{_ORDINAL})\s+anniversary\b(?!\s+of\b)", re.IGNORECASE)
# An organisation named as founded: "the KNDF was formed", "it had formed a People's Defence Force"
_FOUNDED_AFTER = _rx(r"^\s*(?:\([^)]*\)\s*)?(?:,\s*)?(?:which\s+|that\s+)?(?:was|were|had\s+been"
                     r"|has\s+been|is|had)?\s*(?:formed|founded|established|set\s+up|created"
                     r"|launched|inaugurated)\b", re.IGNORECASE)
_FOUNDED_BEFORE = _rx(r"\b(?:(?:formation|founding|establishment|creation|launch)\s+of"
                      r"|(?:formed|founded|established|set\s+up|created|launched))\s+"
                      r"(?:the\s+|a\s+|an\s+|its\s+)?$", re.IGNORECASE)

# Undated recent cues: the text may report happenings later than its dated ones.
_FLOATING = _rx(
    rf"\b(?:today|yesterday|tonight|recently|(?:this|last)\s+(?:week|weekend|month|year|night"
    rf"|morning|afternoon|evening)|\d+\s+days?\s+ago|\w+\s+weeks?\s+ago"
    rf"|(?:on|last|this|since|until|by)\s+{WEEKDAY_PATTERN})(?!\w)", re.IGNORECASE)

# A wire dateline opening the first paragraph: "MANDALAY, Sept. 3, 2021 — A police major ..."
# "MONYWA (Myanmar Now) — March 14, 2023 —", "Monywa, 14 March 2023 (Mizzima) –", and with no place
# only before a dash: "Tuesday, March 14, 2023 — Four police officers ..."
_CREDIT_IN_BRACKETS = r"(?:\s*\([A-Z][^()]{1,40}\))?"
_DATELINE_PREFIX = _rx(
    rf"^\s*(?:(?P<place>[A-Z][A-Za-z.'’ -]{{2,40}}?(?:,\s*[A-Z][A-Za-z.'’ -]{{2,30}}?)?){_CREDIT_IN_BRACKETS}\s*,?\s*(?:[—–]\s*)?\(?"
    rf"(?:{WEEKDAY_PATTERN},?\s+)?(?P<date>{DATE_PATTERN})\)?{_CREDIT_IN_BRACKETS}\s*(?:[—–]|--?|:)"
    rf"|(?:{WEEKDAY_PATTERN},?\s+)?(?P<bare_date>{DATE_PATTERN})\s*[—–])\s*\S")

# Sentence ends, and the abbreviations after which a full stop does not end one.
_SENTENCE_END = _rx(r"(?<=[.!?])[\"”’)]?\s+(?=[“\"‘(A-Z0-9])")
_ABBREVIATION_END = _rx(
    rf"(?:\b{_M}|\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|Brig|Cpl|Pvt|Sen|Gov|Rev|St|No|Co|Corp"
    rf"|Inc|Ltd|vs|etc|U\.S|U\.N|a\.m|p\.m))\.$")

_DATEPARSER_SETTINGS = {
    "DATE_ORDER": "DMY",
    "PREFER_DAY_OF_MONTH": "first",
    "STRICT_PARSING": True,
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PREFER_DATES_FROM": "past",
}
_ISO_DAY = _rx(r"\s*(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.+\-Z ]*)?\s*")
_ISO_IN_LINE = _rx(r"\b\d{4}-\d{2}-\d{2}\b")

# --- results ----------------------------------------------------------------------------------


class Published(NamedTuple):
    """What :func:`find_published` found (a plain tuple: ``day, span, source, lines``)."""

    day: dt.date | None
    span: DateSpan | None
    source: DateSource
    date_lines: list[int]  # 0-based numbers of the date-stamp and scrape lines in the text


class DateLine(NamedTuple):
    """A date line: which kind (a date stamp kind, or "dateline" for "CITY, date —")."""

    kind: str
    day: dt.date | None


# --- reading one date -------------------------------------------------------------------------


def parse_date_string(text: str) -> dt.date | None:
    """A calendar day from a date as written ("14 March 2022", "Sept. 3, 2021", "03/04/2022"
    day first, "2024-02-20T09:14:00+06:30"), or None."""
    iso = _ISO_DAY.fullmatch(text)
    if iso:
        try:
            return dt.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        except ValueError:
            return None
    cleaned = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", text.strip())
    cleaned = re.sub(r"(\d)\s*([./-])\s*(?=\d)", r"\1\2", cleaned)  # "9 - 5 - 2022"
    year_first = re.fullmatch(r"(\d{4})\s+([A-Za-z.]+)\s+(\d{1,2})", cleaned)  # "2023 November 20"
    if year_first:
        cleaned = f"{year_first.group(3)} {year_first.group(2)} {year_first.group(1)}"
    cleaned = re.sub(r"\b(?:day\s+)?of\s+", "", cleaned)  # "14th day of March, 2023"
    parsed = dateparser.parse(cleaned, languages=["en"], settings=_DATEPARSER_SETTINGS)
    return parsed.date() if parsed else None


_WAYBACK_STAMP = _rx(r"\bweb\.archive\.org/web/(20\d\d)(\d\d)(\d\d)\d{0,6}(?:id_|if_)?/")


def parse_date_line(line: str) -> DateLine | None:
    """The date a date line states: a stamp on its own line or a "CITY, date —" dateline."""
    stamp = date_stamp(line)
    if stamp is not None:
        written = stamp.date_text
        if written is None and stamp.kind == "scrape":  # "Saved by archive.org on 29 Oct 2025 20:17 GMT"
            found = _ISO_IN_LINE.search(line) or DATE_IN_TEXT.search(line)
            written = found.group(0) if found else None
            wayback = _WAYBACK_STAMP.search(line) if found is None else None
            if wayback:  # "web.archive.org/web/20240211062003/...": the capture's time stamp
                written = "-".join(wayback.groups())
        day = parse_date_string(written) if written else None
        return DateLine(stamp.kind, day)
    prefix = _DATELINE_PREFIX.match(line)
    if prefix:
        return DateLine("dateline", parse_date_string(prefix.group("date") or prefix.group("bare_date")))
    return None


def _as_date(value: str | dt.date | dt.datetime | None) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return parse_date_string(value) if value.strip() else None


def _plausible(day: dt.date) -> bool:
    return _EARLIEST_PLAUSIBLE <= day <= dt.date.today() + _DAY


# --- calendar helpers -------------------------------------------------------------------------


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _month_part(year: int, month: int, part: str | None) -> tuple[dt.date, dt.date]:
    """The days of a month, or of its early (1-10), mid (11-20) or late (21-end) part."""
    end = _month_end(year, month)
    if part == "early":
        return dt.date(year, month, 1), dt.date(year, month, 10)
    if part == "mid":
        return dt.date(year, month, 11), dt.date(year, month, 20)
    if part == "late":
        return dt.date(year, month, 21), end
    return dt.date(year, month, 1), end


def _month_number(name: str) -> int:
    return _MONTHS[name.rstrip(".")[:3].lower()]


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.lower()]


# --- collecting evidence ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Fixed:
    """A past happening with a known date range."""

    start: dt.date
    end: dt.date
    text: str
    # how it is known: a date written with its day or month, a bare year, or an anchor (what
    # the text takes for granted; approximate, and background rather than news)
    how: Literal["explicit", "year", "anchor"]
    at: int = 0  # the number of the sentence it was read in


@dataclass(frozen=True)
class _Yearless:
    """A past date written without its year ("May 14", "in late March")."""

    month: int
    day: int | None
    part: str | None
    year_offset: int | None  # -1 for "... last year", 0 for "this year"
    text: str
    weekday: int | None = None  # "Saturday, September 2": only some years have that weekday
    at: int = 0
    filed: bool = False  # a wire dateline's date ("LASHIO, Nov 24 -"): the day of writing
    holiday: bool = False  # known by a holiday's name ("International Women's Day")
    written_after: int = 0  # "in the fortnight since ... on November 13": written that many days later
    pins: bool = False  # "Yesterday, on Martyrs' Day": written exactly `written_after` days later


@dataclass(frozen=True)
class _Window:
    """When the text was written, as a relative cue implies."""

    start: dt.date
    end: dt.date
    text: str


@dataclass
class _Evidence:
    fixed: list[_Fixed] = field(default_factory=list)
    yearless: list[_Yearless] = field(default_factory=list)
    windows: list[_Window] = field(default_factory=list)
    floating: bool = False
    foundings: list[dt.date] = field(default_factory=list)
    anniversaries: list[tuple[int, str, str, str]] = field(default_factory=list)  # n, text, context
    # bare weekdays of past happenings ("on Monday", "last Friday"): (weekday, strictly before,
    # sentence number)
    weekdays: list[tuple[int, bool, int]] = field(default_factory=list)
    upcoming: list[tuple[int, int, str, str, str]] = field(default_factory=list)  # named days still ahead, with context
    sentence: int = 0  # the number of the sentence being read


def _sentences(line: str) -> list[str]:
    pieces: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(line):
        if _ABBREVIATION_END.search(line[max(start, m.start() - 16):m.start()].rstrip("\"”’)")):
            continue
        pieces.append(line[start:m.start()])
        start = m.end()
    pieces.append(line[start:])
    return [p for p in pieces if p.strip()]


def _before(sentence: str, m: re.Match[str]) -> str:
    """The context just before a match (bounded, so long lines stay linear)."""
    return sentence[max(0, m.start() - _CONTEXT):m.start()]


def _after(sentence: str, m: re.Match[str]) -> str:
    return sentence[m.end():m.end() + _CONTEXT]


def _is_future(sentence: str, start: int) -> bool:
    before = sentence[max(0, start - 100):start]
    return bool(_FUTURE_BEFORE.search(before) or _FUTURE_CLAUSE.search(before))


_COPYRIGHT_BEFORE = _rx(r"(?:©|\([cC]\)|\b(?i:copyright))\s*(?:\d{4}\s*[-–]\s*)?$")


def _date_mentions(sentence: str, ev: _Evidence) -> list[tuple[int, int]]:
    """Add the sentence's date mentions to ``ev``; return where its day or month dates are."""
    taken = bytearray(len(sentence))  # 1 where an earlier, more specific pattern matched
    dated: list[tuple[int, int]] = []
    for kind, pattern in _MENTIONS:
        for m in pattern.finditer(sentence):
            if any(taken[m.start():m.end()]):
                continue
            taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
            if _is_future(sentence, m.start()):
                logger.debug("future or deadline, not evidence: %r", m.group(0))
                continue
            if kind == "year" and _COPYRIGHT_BEFORE.search(_before(sentence, m)):
                continue  # "Reddit Inc © 2023": the year the page was served, not news
            n_fixed = len(ev.fixed)
            if _add_mention(kind, m, sentence, ev):
                dated.append((m.start(), m.end()))
            since = _TIME_SINCE_BEFORE.search(_before(sentence, m))
            if since and kind != "year":
                # "in the fortnight since the AA opened its offensive ... on November 13": written
                # that long after the date
                days = _unit_days(since.group("unit")) * (_count(since.group("n")) if since.group("n") else 1)
                if len(ev.fixed) > n_fixed:
                    told = ev.fixed[-1]
                    ev.windows.append(_Window(told.start + dt.timedelta(days=days), told.end + dt.timedelta(days=days + 3),
                                              f"{since.group(0)}{m.group(0)}"))
                elif ev.yearless and ev.yearless[-1].at == ev.sentence and ev.yearless[-1].text == m.group(0).strip():
                    ev.yearless[-1] = replace(ev.yearless[-1], written_after=days)
            ago = _REL_AGO_AFTER.match(_after(sentence, m)) if len(ev.fixed) > n_fixed else None
            if ago:  # "founded in May 2021, three years ago": written that long after the date
                told = ev.fixed[-1]
                early, late = _duration_window(told.start, ago), _duration_window(told.end, ago)
                ev.windows.append(_Window(early.start, late.end, f"{m.group(0)}{ago.group(0)}"))
    return dated


_YESTERDAY_WAS = _rx(r"\byesterday\s+(?:was|marked)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)


def _numbered_day(key: str, n: int, text: str, before: str, after: str, ev: _Evidence, first_year: int | None = None) -> None:
    """'The 76th Independence Day' was held in 2024: the day, and when a text marking it was
    written; one still ahead ('preparing for Wednesday's 75th anniversary') dates the days before.
    `first_year` is the year before the first one, when the text gives it."""
    (month, day), _ = HOLIDAYS[key][1:]
    with contextlib.suppress(ValueError):
        when = dt.date((first_year if first_year is not None else _FIRST_YEAR[key]) + n, month, day)
        if _YESTERDAY_WAS.search(before):  # "Yesterday was the 77th Martyrs' Day": written the day after
            ev.fixed.append(_Fixed(when, when, text, "explicit", ev.sentence))
            ev.windows.append(_Window(when + _DAY, when + _DAY, text))
            return
        if _AHEAD_OF.search(before) or _UPCOMING_AFTER.match(after):
            ev.windows.append(_ahead_window(when, text, before, after))
            return
        ev.fixed.append(_Fixed(when, when, text, "explicit", ev.sentence))
        ev.windows.append(_anniversary_window(when, text, before, after))


def _ahead_window(when: dt.date, text: str, before: str, after: str) -> _Window:
    """When a text that looks forward to a day was written: the week before when it names the
    weekday ('Martyrs' Day on Monday'), else the fortnight before."""
    days = 6 if (_ON_WEEKDAY_AFTER.match(after) or _WEEKDAY_POSSESSIVE_BEFORE.search(before)) else 13
    return _Window(when - dt.timedelta(days=days), when - _DAY, text)


# "Yesterday, on Martyrs' Day, ...", "... on Union Day yesterday": the day before the writing
_YESTERDAY_BEFORE = _rx(r"\byesterday,?\s+(?:on\s+)?(?:the\s+)?$", re.IGNORECASE)
_YESTERDAY_AFTER = _rx(r"^,?\s+yesterday\b", re.IGNORECASE)


# "Thingyan celebrations in Tavoy (Dawei) last week": the holiday was last week
_LAST_WEEK_AFTER = _rx(r"^[^.;:,“”\"]{0,60}?\blast\s+week\b", re.IGNORECASE)


def _holiday_mentions(sentence: str, ev: _Evidence) -> None:
    """Days of the year the text names as being marked: 'marking International Women's Day';
    numbered ones ('the 76th Independence Day') with their year; and ones still ahead ('Thingyan
    begins on Saturday', 'ahead of Union Day'), which the text is written shortly before."""
    for m in _NAMED_ANNIVERSARY.finditer(sentence):  # "the 76th anniversary of the country's independence"
        key = next(k for k in ("independence_day", "kachin_revolution_day", "karen_revolution_day") if m.group(k))
        _numbered_day(key, ordinal_number(m.group("ord")), m.group(0), _before(sentence, m), _after(sentence, m), ev)
    for m in _HOLIDAY_ANY.finditer(sentence):
        key = m.lastgroup
        assert key is not None
        (month, day), _ = HOLIDAYS[key][1:]
        before, after = _before(sentence, m), _after(sentence, m)
        numbered = _NUMBERED_BEFORE.search(before)
        first = _FIRST_HELD.search(after)
        if numbered and (key in _FIRST_YEAR or first):
            _numbered_day(key, ordinal_number(numbered.group("ord")), m.group(0), before, after, ev,
                          first_year=int(first.group("year")) - 1 if first else None)
            continue
        ahead = _AHEAD_OF.search(before)
        if ahead and re.match(r"(?i)(?:on\s+the\s+)?(?:eve\s+of|before|days\s+before)", ahead.group(0).strip()) \
                and _PAST_TOLD_AFTER.match(after):
            ahead = None  # "On the eve of Union Day, the NUG released a video": a past happening, not one ahead
        if ahead or _UPCOMING_AFTER.match(after) or (
                # "With Christmas on Saturday", "Martyrs' Day on Monday" (not "... on Thursday was marked")
                _ON_WEEKDAY_AFTER.match(after) and not _PAST_MARKING_BEFORE.search(before)
                and not _PAST_AFTER_WEEKDAY.match(after)):
            ev.upcoming.append((month, day, m.group(0), before, after))
            continue
        if _nth_since_coup(sentence, m, lambda year, md=(month, day): md, ev):
            continue
        rel = _REL_POSSESSIVE_BEFORE.search(before)
        if rel and rel.group("unit").lower() == "month" and not _is_future(sentence, m.start()):
            # "during last month's Thingyan holiday": written in the month after the holiday's
            shift = 1 if rel.group("rel").lower() == "last" else 0
            written = month % 12 + 1 if shift else month
            ev.yearless.append(_Yearless(written, None, None, None, rel.group(0) + m.group(0), None, ev.sentence))
            continue
        if _LAST_WEEK_AFTER.match(after) and not _is_future(sentence, m.start()):
            # "staged its own Thingyan celebrations in Tavoy last week": written after its last day
            (month, day) = HOLIDAYS[key][2]
            ev.yearless.append(_Yearless(month, day, None, None, m.group(0), None, ev.sentence, holiday=True, written_after=1))
            continue
        if key not in _NAMED_DAYS or _is_future(sentence, m.start()):
            continue
        month, day = _NAMED_DAYS[key]  # each holiday's group is named as its key
        yesterday = bool(_YESTERDAY_BEFORE.search(before) or _YESTERDAY_AFTER.match(after))
        ev.yearless.append(_Yearless(month, day, None, None, m.group(0), None, ev.sentence, holiday=True,
                                     written_after=int(yesterday), pins=yesterday))


def _nth_since_coup(sentence: str, m: re.Match[str], day_in: Callable[[int], tuple[int, int] | None], ev: _Evidence) -> bool:
    """"the fourth Thingyan since the coup", "On this Christmas Eve ... for the third time since the
    military coup", "the second Thadingyut since the coup": the holiday counted from the first one
    after 1 February 2021 (`day_in` gives its month and day in a year); one still ahead ("will be
    the fourth") dates the fortnight before it. Whether it was one."""
    since = _NTH_SINCE_COUP.search(sentence)
    if since is None:
        return False
    years = [year for year in range(2021, 2031) if (md := day_in(year)) is not None and (year, *md) >= (2021, 2, 1)]
    n = ordinal_number(since.group("ord"))
    if not 0 < n <= len(years):
        return False
    year = years[n - 1]
    with contextlib.suppress(ValueError):
        when = dt.date(year, *day_in(year))
        if _is_future(sentence, m.start()):  # "It will be the fourth water festival since the coup": just before it
            ev.windows.append(_Window(when - 13 * _DAY, when - _DAY, since.group(0)))
            return True
        ev.fixed.append(_Fixed(when, when, f"{since.group(0)} ({m.group(0)})", "explicit", ev.sentence))
        ev.windows.append(_Window(when, when + _WEEK, since.group(0)))
        return True
    return False


def _lunar_holiday_mentions(sentence: str, ev: _Evidence) -> None:
    """A festival of the lunar calendar, whose day moves from year to year, dates the text only
    when counted: "the second Thadingyut since the coup"."""
    for m in _LUNAR_ANY.finditer(sentence):
        full_moons = LUNAR_HOLIDAYS[m.lastgroup or ""][1]
        _nth_since_coup(sentence, m, full_moons.get, ev)


def _weekday_mentions(sentence: str, ev: _Evidence) -> None:
    """Add the sentence's bare weekdays of past happenings ("on Monday", "last Friday")."""
    for m in _BARE_WEEKDAY.finditer(sentence):
        if _is_future(sentence, m.start()) or re.search(r"(?i)\bnext\s+$|\bevery\s+$", sentence[max(0, m.start() - 8):m.start()]):
            continue
        if re.search(r"(?i)\bhad\b[^,;:“”\"]{0,60}$|\bearlier\b[^;:“”\"]{0,20}$|\b(?:begins|starts|falls|opens)\s+$",
                     sentence[max(0, m.start() - 70):m.start()]):
            continue  # "the soldiers had left on Monday", "Earlier, on Sunday": further back than the story's time
        if re.match(rf"(?i)(?:\s+(?:night|morning|afternoon|evening))?\s*[,(]?\s*(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\b|{_M})",
                    sentence[m.end():m.end() + 24]):
            continue  # "Friday (18 March)", "Tuesday the 12th": a dated day
        if re.search(r"(?i)\bthe\s+$", sentence[max(0, m.start() - 5):m.start()]) and re.match(r"\s+(?:before|after)\s+(?:the\s+)?(?-i:[A-Z])", sentence[m.end():]):
            continue  # "the Monday before Revolution Day": a day counted from a named one
        strict = bool(m.group("last") and m.group("last").lower().startswith("last"))
        ev.weekdays.append((_WEEKDAYS.index(m.group("wd").lower()), strict, ev.sentence))


_WEEKDAY_BEFORE = re.compile(rf"\b({_WEEKDAY_NAME}),?\s*(?:the\s+)?$", re.IGNORECASE)


def _add_mention(kind: MentionKind, m: re.Match[str], sentence: str, ev: _Evidence) -> bool:
    g = m.groupdict()
    text = m.group(0).strip()
    try:
        if kind == "day":
            month = int(g["monthnum"]) if g.get("monthnum") else _month_number(g["month"])
            day = dt.date(int(g["year"]), month, int(g["day"]))
            ev.fixed.append(_Fixed(day, day, text, "explicit", ev.sentence))
            return True
        if kind == "month_year":
            start, end = _month_part(int(g["year"]), _month_number(g["month"]), g.get("part"))
            ev.fixed.append(_Fixed(start, end, text, "explicit", ev.sentence))
            return True
        if kind == "year":
            year = int(g["year"])
            ev.fixed.append(_Fixed(dt.date(year, 1, 1), dt.date(year, 12, 31), text, "year", ev.sentence))
            return False
    except ValueError:
        return False
    offset_match = _YEAR_OFFSET_AFTER.match(_after(sentence, m))
    offset = None
    if offset_match:
        offset = {"last": -1, "this": 0, "next": 1}[offset_match.group("rel").lower()]
        if offset > 0:
            return False
    if kind == "month" and g.get("prep", "").lower() == "next":
        return False
    if kind == "month" and g.get("prep", "").lower() in ("last", "since") and offset is None:
        # "last October", "fighting since November": some such month before the writing, how
        # long before unknown; it does not move the writing date to the latest November
        ev.floating = True
        return False
    day_value = int(g["day"]) if g.get("day") else None
    if day_value is not None and not 1 <= day_value <= 31:
        return False
    weekday = _WEEKDAY_BEFORE.search(sentence[max(0, m.start() - 14):m.start()]) if day_value is not None else None
    ev.yearless.append(_Yearless(_month_number(g["month"]), day_value, g.get("part"), offset, text,
                                 _WEEKDAYS.index(weekday.group(1).lower()) if weekday else None,
                                 ev.sentence, bool(_WIRE_CITY.search(sentence[:m.start()]) or _POST_STAMP.fullmatch(sentence))))
    return day_value is not None


def _anchor_mentions(
    sentence: str, anchors: Sequence[Anchor]
) -> Iterable[tuple[Anchor, re.Match[str], bool]]:
    """Anchors the sentence names, each with whether it is meant as a happening."""
    for anchor in anchors:
        for m in anchor.pattern.finditer(sentence):
            before = _before(sentence, m)
            if anchor.not_after is not None and anchor.not_after.search(before[-40:]):
                continue
            event = anchor.event or bool(
                _FOUNDED_AFTER.match(_after(sentence, m)) or _FOUNDED_BEFORE.search(before))
            yield anchor, m, event


def _anniversary_window(day: dt.date, text: str, before: str, after: str) -> _Window:
    """When a text that mentions an anniversary falling on ``day`` was written."""
    lead = re.sub(r"(?i)\b\w+\s+anniversary\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$", "", before)
    if re.search(r"(?i)\b(?:days|a\s+few\s+days|shortly|soon|just)\s+(?:after|following)\s+(?:the\s+)?$", lead):
        # "Days after the first anniversary of Operation 1027, seven more ...": the week after it
        return _Window(day + _DAY, day + _WEEK, text)
    if re.match(rf"\s*(?:of\s+the\s+\w+\s+)?last\s+{WEEKDAY_PATTERN}\b", after, re.IGNORECASE) \
            or re.search(rf"\blast\s+{WEEKDAY_PATTERN}\s+(?:marked|was|saw)\s+(?:the\s+)?(?:[\w'’-]+\s+){{0,6}}$", lead, re.IGNORECASE):
        # "... to mark the first anniversary of the coup last Tuesday", "Last Wednesday marked the
        # 64th anniversary of ...": a week or two after it
        return _Window(day + _DAY, day + 2 * _WEEK + _DAY, text)
    upcoming = re.match(rf"\s*,?\s*(?:which\s+|that\s+)?(?:falls|falling|comes|coming|is|will\s+be)\s+on\s+"
                        rf"{WEEKDAY_PATTERN}(?P<week>\s+this\s+week)?\b", after, re.IGNORECASE)
    if upcoming and not _MARKING.search(before):
        # "with the third anniversary of the coup falling on Thursday this week": written days before
        monday = day - dt.timedelta(days=day.weekday())
        start = monday if upcoming.group("week") and monday < day else day - 6 * _DAY
        return _Window(start, day - _DAY, text)
    if _MARKING.search(before) or _MARKING.match(after):
        # "marked the third anniversary of the coup on Thursday": written that week
        return _Window(day, day + _WEEK, text)
    if _AHEAD_OF.search(before):  # "ahead of the second anniversary": written shortly before it
        return _ahead_window(day, text, before, after)
    return _Window(day - _MONTH_SLACK, day + _MONTH_SLACK, text)


def _own_anniversaries(sentence: str, ev: _Evidence) -> None:
    """Founding dates ("was founded on 17 April 2021") and anniversaries of the text's own
    subject ("it marked its third anniversary"), paired up in :func:`_collect`."""
    for m in _FOUNDED_ON.finditer(sentence):
        day = parse_date_string(m.group("date"))
        if day is not None:
            ev.foundings.append(day)
    for m in _OWN_ANNIVERSARY.finditer(sentence):
        before, after = _before(sentence, m), _after(sentence, m)
        if not _is_future(sentence, m.start()):
            ev.anniversaries.append((ordinal_number(m.group("ord")), m.group(0).strip(), before, after))


def _window_for(
    anchor: Anchor, m: re.Match[str], sentence: str, dated: Sequence[tuple[int, int]]
) -> _Window | None:
    """The writing period a relative cue around an anchored happening implies."""
    before, after = _before(sentence, m), _after(sentence, m)
    founded = _FOUNDED_AFTER.match(after)
    if founded:
        after = after[founded.end():]
    a = anchor.day
    # "last month's earthquake" (the anchor's own words may hold the "last month's")
    rel = _REL_POSSESSIVE_BEFORE.search(before) or _REL_AFTER.match(after) or _REL_POSSESSIVE_LEAD.match(m.group(0))
    if rel:
        shift = 1 if rel.group("rel").lower() == "last" else 0
        if rel.group("unit").lower() == "month":
            start = _add_months(a.replace(day=1), shift)
            return _Window(start, _month_end(start.year, start.month), rel.group(0).strip())
        year = a.year + shift
        return _Window(dt.date(year, 1, 1), dt.date(year, 12, 31), rel.group(0).strip())
    entered = _ENTERED_AFTER.match(sentence[m.end():])  # past a long list of founders
    if entered:  # "Operation 1027 ... entered its third week on Friday"
        return _entered_window(a, entered, sentence[m.end() + entered.end():])
    into = _INTO_BEFORE.search(before)
    if into:  # "Three weeks into Operation 1111, ...": about that long after it began
        unit = _unit_days(into.group("unit"))
        day = a + dt.timedelta(days=unit * _count(into.group("n")))
        slack = dt.timedelta(days=unit // 2)
        return _Window(day - slack, day + slack, into.group(0).strip())
    today = _REL_AGO_TODAY_BEFORE.search(before)
    if today:
        n, unit = _count(today.group("n")), today.group("unit").lower()
        day = a + dt.timedelta(weeks=n) if unit.startswith("week") else _add_months(a, n * (12 if unit.startswith("year") else 1))
        return _Window(day, day, today.group(0).strip())
    turned = _TURNED_AFTER.match(after)
    if turned:
        day = _add_months(a, 12 * _count(turned.group("n")))
        return _Window(day, day + _WEEK, turned.group(0).strip())
    anniversary = _REL_ANNIVERSARY_BEFORE.search(before) or _REL_ANNIVERSARY_AFTER.match(after)
    if anniversary:
        n = ordinal_number(anniversary.group("ord"))
        day = _add_months(a, 12 * n)
        return _anniversary_window(day, anniversary.group(0).strip(), before, after)
    # "N years after the coup" dates the writing, unless the sentence dates some other happening
    # ("launched on Feb. 3, 2021, two days after the coup"); a date naming the anchor itself
    # ("the Feb. 1 coup") does not count, and "ago" always counts back from the writing.
    other_dates = [d for d in dated if not 0 <= m.start() - d[1] <= 16]
    duration = _REL_AGO_AFTER.match(after)
    if duration is None and not other_dates:
        duration = _REL_DURATION_BEFORE.search(before)
    if duration:
        unit = 12 if duration.group("unit").lower().startswith("year") else 1
        return _duration_window(a, duration)
    return None


def _entered_window(a: dt.date, entered: re.Match[str], rest: str) -> _Window:
    """When a text saying that what began on `a` "entered its third week" (`rest`: the words
    after) was written: that week, or the day it names ("... on Friday") and two days after."""
    n = ordinal_number(entered.group("ord"))
    unit = 7 if entered.group("unit").lower() == "week" else 30
    start = a + dt.timedelta(days=unit * (n - 1))
    on_day = re.match(rf"\s+(?:on\s+)?(?P<wd>{_WEEKDAY_NAME})\b", rest, re.IGNORECASE)
    if on_day and unit == 7:  # "... on Friday": that Friday, and written within two days of it
        day = start + dt.timedelta(days=(_WEEKDAYS.index(on_day.group("wd").lower()) - start.weekday()) % 7)
        return _Window(day, day + 2 * _DAY, entered.group(0).strip())
    return _Window(start, start + dt.timedelta(days=unit - 1), entered.group(0).strip())


def _duration_window(a: dt.date, duration: re.Match[str]) -> _Window:
    """When a text that says it is some time after `a` was written: "two years after" (and
    "more than two years after") is the third year from it, "nearly two years" the second,
    "about two years" half a year either side, "three and a half years" the half year after."""
    unit = 12 if duration.group("unit").lower().startswith("year") else 1
    months = _count(duration.group("n")) * unit
    if duration.groupdict().get("half"):
        months += unit // 2
        unit = max(unit // 2, 1)
    q = " ".join((duration.group("q") or "").lower().split())
    if q in {"nearly", "almost", "less than", "under"}:
        lo, hi = months - unit, months
    elif q in {"about", "around", "roughly", "some"}:
        half = max(unit // 2, 1)
        lo, hi = months - half, months + half
    else:
        lo, hi = months, months + unit
    start = _add_months(a, lo)
    return _Window(start, max(start, _add_months(a, hi) - _DAY), duration.group(0).strip())


# "the fourth year since the coup", "the third rainy season since the military seized power",
# "the coup, now in its fourth year", "the revolution has entered its fourth year", "as the third
# year of the Spring Revolution"
_WAR = (r"(?:coup|(?:Spring\s+)?Revolution|revolution|(?:civil\s+)?war|conflict|resistance|uprising"
        r"|(?:military|junta)\s+rule|(?:military|junta)['’]s\s+rule)")
_NTH_PERIOD_SINCE_COUP = _rx(
    # a year only as the time now ("this is the fourth year since the coup"); "more than in the
    # whole first year after the coup" looks back
    rf"(?:\b(?:now\s+in|entering|entered|enters|marks?|is|as|into)\s+(?:the\s+|its\s+)?(?P<ord>{_ORDINAL})\s+(?P<what>year)"
    rf"|\b(?P<ord0>{_ORDINAL})\s+(?P<what0>monsoon|rainy\s+season))\s+(?:since|after)\s+{_THE_COUP}"
    rf"|\b{_WAR},?\s+(?:[\w'’-]+\s+){{0,3}}?(?:now\s+in|(?:has\s+|had\s+)?entered|entering|enters|is\s+in)\s+its\s+(?P<ord2>{_ORDINAL})\s+(?P<what2>year)\b"
    # (only a year going on: "defected in the first year of military rule" is a look back)
    rf"|\b(?:now\s+in|entering|entered|enters|marks|is\s+in|as)\s+the\s+(?P<ord3>{_ORDINAL})\s+(?P<what3>year)\s+of\s+(?:the\s+)?"
    rf"(?:[\w'’-]+\s+){{0,2}}?{_WAR}\b", re.IGNORECASE)
# "over the past three years", in a sentence that counts them from the coup
_PAST_YEARS = _rx(rf"\b(?:over|in|during|for|across)\s+the\s+(?:past|last)\s+{_HOW_LONG}(?P<unit>years)\b", re.IGNORECASE)
_COUP_IN_SENTENCE = _rx(r"\bcoup\b|\b(?:military|army|junta|generals)\s+(?:seized|took)\s+power\b", re.IGNORECASE)
# "more than 1,000 days since the coup"
_DAYS_SINCE_COUP = _rx(rf"\b(?P<q>more\s+than|over|nearly|almost|about)?\s*(?P<n>\d{{1,2}},?\d{{3}}|\d{{3}})\s+days\s+(?:since|after)\s+{_THE_COUP}",
                       re.IGNORECASE)
# "the 100th day since the coup", "the one thousandth day since the military seized power", "day
# 1,200 since the coup" (the coup's own day is the first, or the count starts the day after)
_NTH_DAY_SINCE_COUP = _rx(
    rf"\b(?:the\s+)?(?:(?P<n>\d{{1,2}},?\d{{3}}|\d{{2,3}})(?:st|nd|rd|th)|(?P<w>(?:(?:one|a)\s+)?(?:thousandth|hundredth)))"
    rf"\s+day\s+(?:since|after|of)\s+(?:{_THE_COUP}|military\s+rule)"
    rf"|\bday\s+(?P<n2>\d{{1,2}},?\d{{3}}|\d{{2,3}})\s+(?:since|after|of)\s+{_THE_COUP}", re.IGNORECASE)
_TODAY_BEFORE = _rx(r"\b(?:today|tonight|this)\b[^.;:“”\"]{0,20}$|\bmark(?:s|ing)?\s+$", re.IGNORECASE)
# "the junta has ruled for almost three years", "PDFs that have fought the regime for three years"
_FOUGHT_FOR = _rx(rf"\b(?:ruled|fought|resisted|battled|waged\s+war|been\s+at\s+war|been\s+fighting)\b[^.;:“”\"]{{0,50}}?\s+for\s+"
                  rf"(?:the\s+(?:past|last)\s+)?{_HOW_LONG}(?P<unit>years?)\b", re.IGNORECASE)
# "three years of civil war", "more than two years of fighting": the war the coup began
_YEARS_OF_WAR = _rx(
    rf"\b{_HOW_LONG}(?P<unit>years?|months?)\s+of\s+(?:(?:civil|armed)\s+)?(?:war|fighting|conflict|resistance|revolution"
    r"|(?:military|junta)\s+rule)\b", re.IGNORECASE)
# "Spring Revolution Day 795 - Day 801", "Day 1,000 of the Spring Revolution": the days counted from the coup
_REVOLUTION_DAY = _rx(r"\b(?:Spring\s+)?Revolution\s+Day\s+(?P<n>\d,?\d{3}|\d{1,3})\b(?:\s*[-–]\s*(?:Day\s+)?(?P<n2>\d,?\d{3}|\d{1,3})\b)?"
                      r"|\bDay\s+(?P<n3>\d,?\d{3}|\d{1,3})\s+of\s+the\s+(?:Spring\s+)?Revolution\b")
# a weekly brief's own week: "Week 34, 2024", "Week 34 of 2024" (ISO weeks, Monday to Sunday)
_ISO_WEEK = _rx(r"\bWeek\s+(?P<w>[1-9]|[1-4]\d|5[0-3])(?:,\s*|\s+of\s+)(?P<y>20[2-3]\d)\b")
_MONSOON = (6, 10)  # June to October
_WAR_TIME_WORDS = _rx(r"(?i)\byears?\b|\bmonths?\b|\bdays\b|monsoon|rainy")  # a cheap test before the patterns above


def _war_time(sentence: str, ev: _Evidence) -> None:
    """How far into the war since the coup the text is written: "the fourth year since the
    coup", "the third rainy season since the coup", "three years of civil war", "Spring
    Revolution Day 795 - Day 801"."""
    coup = _KNOWN["coup"]
    for m in _REVOLUTION_DAY.finditer(sentence):
        day = revolution_day(max(int(n.replace(",", "")) for n in m.group("n", "n2", "n3") if n))
        ev.windows.append(_Window(day, day + _DAY, m.group(0)))
    for m in _ISO_WEEK.finditer(sentence):
        with contextlib.suppress(ValueError):
            monday = dt.date.fromisocalendar(int(m.group("y")), int(m.group("w")), 1)
            ev.windows.append(_Window(monday, monday + 6 * _DAY, m.group(0)))
    for m in _NTH_DAY_SINCE_COUP.finditer(sentence):
        if _is_future(sentence, m.start()):
            continue
        first = nth_day_since_coup(m.group("n") or m.group("n2"), m.group("w"))
        second = first + _DAY
        if _TODAY_BEFORE.search(_before(sentence, m)):  # "Today is the 1,000th day since the coup": written then
            ev.windows.append(_Window(first, second, m.group(0)))
        else:  # "joined the CDM on Tuesday, the 100th day since the coup": a past happening then
            ev.fixed.append(_Fixed(first, first, m.group(0), "explicit", ev.sentence))
    if not _WAR_TIME_WORDS.search(sentence):
        return
    for m in _NTH_PERIOD_SINCE_COUP.finditer(sentence):
        if _is_future(sentence, m.start()):
            continue
        n = ordinal_number(m.group("ord") or m.group("ord0") or m.group("ord2") or m.group("ord3"))
        if not m.group("what0"):
            start = _add_months(coup, 12 * (n - 1))
            ev.windows.append(_Window(start, _add_months(coup, 12 * n) - _DAY, m.group(0)))
        else:
            year = coup.year + n - 1
            ev.windows.append(_Window(dt.date(year, _MONSOON[0], 1), _month_end(year, _MONSOON[1]), m.group(0)))
    past = _PAST_YEARS.finditer(sentence) if _COUP_IN_SENTENCE.search(sentence) else ()
    for m in (*_YEARS_OF_WAR.finditer(sentence), *_FOUGHT_FOR.finditer(sentence), *past):
        years = _count(m.group("n")) if m.group("unit").lower().startswith("year") else 0
        if years <= 6 and not _is_future(sentence, m.start()):
            ev.windows.append(_duration_window(coup, m))
    for m in _DAYS_SINCE_COUP.finditer(sentence):
        day = coup + dt.timedelta(days=int(m.group("n").replace(",", "")))
        q = (m.group("q") or "").lower()
        lo, hi = (day - _MONTH_SLACK, day) if q in ("nearly", "almost") else (day, day + _MONTH_SLACK)
        ev.windows.append(_Window(lo, hi, m.group(0)))


# "Our channel is two and a half years old this month. We opened in February 2021": how old the
# speaker's group is, and when it began, in the same paragraph
_AGE = _rx(rf"\b(?:is|turns|turned|has\s+turned|now)\s+{_HOW_LONG}(?P<unit>years?|months?)\s+old\b(?P<now>\s+(?:this|today|this\s+week|this\s+month))?",
           re.IGNORECASE)
_BEGAN_IN = _rx(rf"\b(?:opened|founded|formed|launched|set\s+up|established|created|started|began)\b[^.;:“”\"]{{0,40}}?"
                rf"\bin\s+(?:(?P<month>{_M})\s+)?(?P<year>20[1-3]\d)\b", re.IGNORECASE)


# The writer says what time it is: "It's the last week of August", "We are now in the second week of June"
_NOW_WEEK = _rx(rf"\b(?:it['’]s|it\s+is|we\s+are\s+(?:now\s+)?in)\s+(?:the\s+)?(?P<nth>first|second|third|fourth|last|final)\s+week\s+of\s+"
                rf"(?P<month>{_M})(?!\s*,?\s*\d)", re.IGNORECASE)
_NTH_WEEK_START = {"first": 1, "second": 8, "third": 15, "fourth": 22}


def _now_week(sentence: str, ev: _Evidence) -> None:
    """'It's the last week of August': written in that week (of the year the rest tells)."""
    m = _NOW_WEEK.search(sentence)
    if m is None:
        return
    month = _month_number(m.group("month"))
    last = calendar.monthrange(2023, month)[1] - 6  # (a year with no 29 February)
    day = _NTH_WEEK_START.get(m.group("nth").lower(), last)
    ev.yearless.append(_Yearless(month=month, day=day, part=None, year_offset=None, text=m.group(0), at=ev.sentence))


# A year of the Myanmar calendar, told as such: "the first week of 1385", "ME 1386", "the
# Myanmar year 1384" (it begins with the new year after Thingyan, 17 April of year - 638)
_MYANMAR_YEAR = _rx(r"\b(?:(?P<week>(?i:first\s+week))\s+(?i:of)\s+(?i:the\s+(?:Myanmar|Burmese)\s+(?:new\s+)?year\s+)?"
                    r"|(?:M\.?E\.?|(?i:(?:the\s+)?(?:Myanmar|Burmese)\s+(?:Era\s+|(?:calendar\s+)?year\s+|new\s+year\s+)(?:of\s+)?))"
                    r")(?P<year>13[89]\d)\b(?!\s*(?:[-–]\s*\d|%|\w*\s*(?i:people|soldiers|troops|members|men|police|officers)))")
_MYANMAR_ERA = 638  # Myanmar year 1385 began in April 2023


def _myanmar_years(sentence: str, ev: _Evidence) -> None:
    """A year of the Myanmar calendar: its first week, or the whole year, as a past happening."""
    for m in _MYANMAR_YEAR.finditer(sentence):
        start = dt.date(int(m.group("year")) + _MYANMAR_ERA, 4, 17)
        if m.group("week"):
            ev.fixed.append(_Fixed(start, start + 6 * _DAY, m.group(0), "explicit", ev.sentence))
        else:
            ev.fixed.append(_Fixed(start, dt.date(start.year + 1, 4, 16), m.group(0), "year", ev.sentence))


def _age_mentions(paragraph: str, ev: _Evidence) -> None:
    """A group's age and the month it began, told in one paragraph: written that long after."""
    if not _WAR_TIME_WORDS.search(paragraph):
        return
    age, began = _AGE.search(paragraph), _BEGAN_IN.search(paragraph)
    if age is None or began is None:
        return
    start = dt.date(int(began.group("year")), _month_number(began.group("month")) if began.group("month") else 1, 1)
    window = _duration_window(start, age)
    if age.group("now") and began.group("month"):  # "... old this month": that month exactly
        window = _Window(window.start, _month_end(window.start.year, window.start.month), window.text)
    ev.windows.append(window)


def _collect(lines: Sequence[str], full_text: str) -> _Evidence:
    ev = _Evidence()
    anchors = [a for a in ANCHORS if a.requires is None or a.requires.search(full_text)]
    begun: tuple[Anchor, int] | None = None  # the last happening anchored, and its sentence
    for line in lines:
        prefix = _DATELINE_PREFIX.match(line)
        body = line[prefix.end() - 1:] if prefix else line
        if _FLOATING.search(body):
            ev.floating = True
        _age_mentions(body, ev)
        for sentence in _sentences(body):
            ev.sentence += 1
            entered = _ENTERED_NEXT.match(sentence)
            if entered and begun is not None and begun[1] == ev.sentence - 1:
                window = _entered_window(begun[0].day, entered, sentence[entered.end():])
                logger.debug("cue %r on %s => written %s..%s", window.text, begun[0].key, window.start, window.end)
                ev.windows.append(window)
            dated = _date_mentions(sentence, ev)
            _weekday_mentions(sentence, ev)
            _holiday_mentions(sentence, ev)
            _lunar_holiday_mentions(sentence, ev)
            _now_week(sentence, ev)
            _own_anniversaries(sentence, ev)
            _war_time(sentence, ev)
            _myanmar_years(sentence, ev)
            for anchor, m, event in _anchor_mentions(sentence, anchors):
                if _FUTURE_ANCHOR.search(sentence[max(0, m.start() - 60):m.start()]):
                    continue  # "the junta plans to enforce the conscription law": not yet
                before, after = _before(sentence, m), _after(sentence, m)
                on_day = (_ANCHOR_WEEKDAY_AFTER.match(after) or _ANCHOR_WEEKDAY_BEFORE.search(before)
                          or re.search(rf"(?i)\b(?P<wd>{_WEEKDAY_NAME})\b", m.group(0)))
                # "Operation 1111 was launched by the KNDF ... on Saturday", "Friday's earthquake",
                # "announced on Saturday that it would enforce the ... Law": the day is written (as a weekday)
                how = "explicit" if on_day and _WEEKDAYS.index(on_day.group("wd").lower()) == anchor.day.weekday() else "anchor"
                ev.fixed.append(_Fixed(anchor.day, anchor.day, m.group(0), how, ev.sentence))
                if how == "explicit":  # "on Friday" there names the known day, not later news ("last Friday": after it)
                    ev.weekdays = [w for w in ev.weekdays if not (w[2] == ev.sentence and w[0] == anchor.day.weekday() and not w[1])]
                later = _DAYS_AFTER_BEFORE.search(before) if event else None
                if later:  # "on Wednesday, five days after the alliance launched Operation 1027"
                    day = anchor.day + dt.timedelta(days=_count(later.group("n")) * (7 if later.group("unit")[0] in "wW" else 1))
                    if re.search(r"(?i)\b(?:in|over|during|within)\s+the\s+$", before[:later.start()]) \
                            and re.search(r"(?i)\bsince\b", later.group(0)):
                        # "in the ten days since Operation 1111 began": written about then (the days
                        # counted with the first or without it), not a happening on that day ("in the
                        # four weeks after the earthquake" is a period told of, maybe long past)
                        ev.windows.append(_Window(day - _DAY, day + 2 * _DAY, later.group(0) + m.group(0)))
                    else:
                        ev.fixed.append(_Fixed(day, day, later.group(0) + m.group(0), "explicit", ev.sentence))
                # "Operation 1027 ... in late October": the anchor's own month, not news of a later year
                ev.yearless = [y for y in ev.yearless if not (
                    y.at == ev.sentence and y.month == anchor.day.month and m.end() <= sentence.find(y.text) < m.end() + 80)]
                if event:
                    begun = (anchor, ev.sentence)
                    window = _window_for(anchor, m, sentence, dated)
                    if window is not None:
                        logger.debug("cue %r on %s => written %s..%s", window.text, anchor.key,
                                     window.start, window.end)
                        ev.windows.append(window)
    if len(set(ev.foundings)) == 1:  # one founding date: the anniversaries are of it
        for n, text, before, after in ev.anniversaries:
            window = _anniversary_window(_add_months(ev.foundings[0], 12 * n), text, before, after)
            logger.debug("cue %r => written %s..%s", text, window.start, window.end)
            ev.windows.append(window)
    latest_fixed = max((f.start for f in ev.fixed), default=None)
    for month, day, text, before, after in ev.upcoming if latest_fixed else ():
        # the first such day after what the text reports as past: written shortly before it
        when = dt.date(latest_fixed.year, month, day)
        if when <= latest_fixed:
            when = dt.date(latest_fixed.year + 1, month, day)
        window = _ahead_window(when, text, before, after)
        logger.debug("cue %r ahead => written %s..%s", text, window.start, window.end)
        ev.windows.append(window)
    if ev.yearless:
        ev.floating = True
    return ev


# --- combining evidence -----------------------------------------------------------------------


def _window(ev: _Evidence) -> _Window | None:
    """The intersection of the cue windows; a cue that contradicts the others, or a dated
    happening, is left out (and logged)."""
    latest_fixed = max((f.start for f in ev.fixed), default=None)
    current: _Window | None = None
    for w in ev.windows:
        if latest_fixed is not None and latest_fixed > w.end:
            logger.info("cue %r (written %s..%s) ignored: the text reports %s as past",
                        w.text, w.start, w.end, latest_fixed)
            continue
        if current is None:
            current = w
            continue
        start, end = max(current.start, w.start), min(current.end, w.end)
        if start > end:
            logger.info("cue %r ignored: contradicts %r", w.text, current.text)
            continue
        current = _Window(start, end, f"{current.text}; {w.text}")
    return current


def _resolve(y: _Yearless, latest: dt.date) -> tuple[dt.date, dt.date] | None:
    """The latest occurrence of a year-less date not after ``latest`` (or in the stated year)."""
    def span(year: int) -> tuple[dt.date, dt.date] | None:
        try:
            if y.day is not None:
                day = dt.date(year, y.month, y.day)
                return day, day
            return _month_part(year, y.month, y.part)
        except ValueError:
            return None

    if y.year_offset is not None:
        return span(latest.year + y.year_offset)
    if y.weekday is not None and y.day is not None:
        # "Saturday, September 2": of the years since the coup, only some put that day on that
        # weekday (usually one); take the one nearest the other evidence.
        years = [yr for yr in range(2021, dt.date.today().year + 1)
                 if (sp := span(yr)) is not None and sp[0].weekday() == y.weekday]
        if years:
            return span(min(years, key=lambda yr: (abs(yr - latest.year), yr)))
    for year in (latest.year, latest.year - 1):
        found = span(year)
        if found is not None and found[0] <= latest:
            return found
    return None


def _precision(start: dt.date, end: dt.date) -> Precision:
    if start == end:
        return "day"
    if start.day == 1 and end == _month_end(start.year, start.month):
        return "month"
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return "year"
    return "span"


def _infer(ev: _Evidence, window: _Window | None, fetched: dt.date | None = None) -> DateSpan | None:
    """The tightest span the content allows for the time of writing (None: no evidence), no
    later than the day the page was ``fetched`` when that is known. A bare year before the coup
    ("a teacher who has worked in KIO schools since 2012") is background: it does not give the
    year of dates written without one."""
    latest_fixed = max((f.start for f in ev.fixed if not (f.how == "year" and f.end < _KNOWN["coup"])), default=None)
    if window is not None:
        horizon = window.end
    elif latest_fixed is not None:
        horizon = _month_end(latest_fixed.year, 12)  # dates without a year: the writing year
    elif fetched is not None and ev.yearless:
        horizon = fetched  # dates without a year: the latest before the page was fetched
    else:
        return None
    if fetched is not None and (latest_fixed is None or latest_fixed <= fetched):
        horizon = min(horizon, fetched)
    starts = [latest_fixed] if latest_fixed else []
    if window is not None:
        starts.append(window.start)
    pairs = [(y, r) for y in ev.yearless if (r := _resolve(y, horizon)) is not None]
    resolved = [r for _, r in pairs]
    starts.extend(r[0] + dt.timedelta(days=y.written_after) for y, r in pairs)
    lower = max(starts)
    pinned = [r[0] + dt.timedelta(days=y.written_after) for y, r in pairs if y.pins]
    if pinned and max(pinned) == lower:  # "Yesterday, on Martyrs' Day": that day's morrow
        return DateSpan.day(lower)
    lower = _after_weekdays(lower, ev, pairs, window)
    ends = [lower + _YEAR]
    if window is not None:
        ends.append(window.end)
    elif resolved:
        ends.append(dt.date(horizon.year, 12, 31))
    if fetched is not None and lower <= fetched:
        ends.append(fetched)
    upper = max(lower, min(ends))
    logger.debug("content: written %s..%s (window %s, %d dated, %d without year)", lower, upper,
                 window.text if window else None, len(ev.fixed), len(resolved))
    return DateSpan(start=lower, end=upper, precision=_precision(lower, upper))


def _after_weekdays(lower: dt.date, ev: _Evidence,
                    resolved: Sequence[tuple[_Yearless, tuple[dt.date, dt.date]]],
                    window: _Window | None) -> dt.date:
    """Raise the writing date past the bare weekdays the text reports ("on Monday").

    When the latest thing the text knew of is a single day written out, a weekday written
    without its date, told after it, is taken to fall after it: a writer gives "on Saturday,
    September 2" and then "two days later, on Monday". It falls strictly after that day (a
    different day would not be named two ways), and "last Friday" is before the writing. A day
    known only by name (an anchor, a holiday) counts the same way ("Police crossed to the AA on
    Sunday, days after the fall of the Western Command"), except that its own weekday names it
    ("the handover of Laukkai last Friday").
    """
    if not ev.weekdays:
        return lower
    if window is not None and lower == window.start and (window.end - window.start).days <= 13:
        # written within a week or two (an anniversary marked, a holiday ahead): a past weekday
        # the text reports ("on Wednesday") is the one in that window, and the writing is after it
        # The first of them (the lede's) is news of a day or two before the writing: later weekdays
        # may raise the date that far, no further ("Thursday ... marked the anniversary", then
        # "early on Sunday" is the Sunday before).
        days = [window.start + dt.timedelta(days=(weekday - window.start.weekday()) % 7 + (1 if strict else 0))
                for weekday, strict, _ in ev.weekdays]
        days = [d for d in days if d <= window.end]
        if not days:
            return lower
        cap = days[0] + 2 * _DAY
        return max([lower, *(d for d in days if d <= cap)])
    days = [f for f in ev.fixed if f.start == f.end and f.start == lower]
    at = [f.at for f in days] + [y.at for y, r in resolved if r[0] == r[1] == lower]
    if any(y.filed for y, r in resolved if r[0] == lower):
        return lower  # the day the story was filed: its weekdays are before it
    if not at:
        return lower  # the latest evidence is a month or a year: no day to count from
    # a day known only by name (an anchor, a holiday): its own weekday names that day
    named = all(f.how == "anchor" for f in days) and all(y.holiday for y, r in resolved if r[0] == r[1] == lower)
    raised = lower
    for weekday, strict, where in ev.weekdays:
        if where < min(at):
            continue  # told before the dated day: the story may be going back in time
        gap = (weekday - lower.weekday()) % 7
        if gap == 0 and (named or where in at or not strict):
            # also "22 June 2023" in a caption, then "came over ... on Thursday": the same day
            # "Independence Day on Thursday", "the handover of Laukkai last Friday": the dated day's
            # own weekday ("last": written after it)
            raised = max(raised, lower + _DAY) if strict else raised
            continue
        day = lower + dt.timedelta(days=(gap or 7) + (1 if strict else 0))
        if window is not None and day > window.end:
            continue  # later than the text can have been written: not after the dated day
        if gap > 5:
            continue  # the weekday before the dated day: the story going back a day, not on six
        raised = max(raised, day)
    if raised != lower:
        logger.debug("bare weekdays: written on or after %s, not %s", raised, lower)
    return raised


def _conflict(day: dt.date, ev: _Evidence, window: _Window | None, source: str) -> str | None:
    """Why a stated date cannot be the article's (None when the text agrees with it)."""
    for f in ev.fixed:
        slack = _MONTH_SLACK if f.how == "anchor" else dt.timedelta(0)
        if day < f.start - slack:
            if source == "dateline" and not (f.how == "explicit" and f.start - day <= _PRINTED_LINE_LAG):
                # A page prints its own date: news written out within weeks after it shows the line
                # is an older version's, but one happening a season or years on, an anchor or a bare
                # year is likelier a plan, a deadline or a slip than a date line that far off.
                continue
            return f"before {f.text!r} ({f.start}), which the text reports as past"
    if window is not None and not (window.start - _MONTH_SLACK <= day <= window.end + _MONTH_SLACK):
        return f"outside {window.start}..{window.end}, when {window.text!r} says it was written"
    # Metadata (a feed's or crawler's date) years after every day the text writes out is not the
    # writing's; a date line the article prints is, even over a look back ("two years on").
    # Only dates the text writes out count here: articles mention the coup, or "in 2021",
    # as background for years after; undated recent cues ("on Sunday") may be later still.
    explicit = [f.end for f in ev.fixed if f.how == "explicit"]
    if source == "metadata" and explicit and not ev.floating and day > max(explicit) + _YEAR:
        return f"more than a year after the latest date the text gives ({max(explicit)})"
    return None


# --- the date lines ---------------------------------------------------------------------------

_CHAT_LINES = 3  # stamped messages that make a text a chat export
_FORWARDED = _rx(r"^\s*(?:-{3,}\s*(?:Forwarded\s+message|Original\s+Message)\s*-{3,}|Begin\s+forwarded\s+message\s*:)", re.IGNORECASE)
_KIND_RANK = {"published": 0, "byline": 1, "outlet": 1, "bare": 1, "dateline": 1, "furniture": 2, "updated": 3}
# The article prints its own date on these lines, and it stands whatever the text's cues suggest:
# on every test set with a date line, cues that disagreed with such a line were the ones that were
# wrong (a deadline read as past, "two years on" read as when it was written). A page's furniture
# (a header may print the day it was viewed) and an "updated" stamp give way to the text.
_OVERRULED_KINDS = frozenset({"furniture", "updated"})


# A post's age beside its author, as a page shows it when fetched: "3d · 🌐", "5h", "2 weeks ago"
_POST_AGE = _rx(r"\W{0,3}(?P<n>\d{1,2})\s?(?P<unit>m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?)"
                r"(?:\s+ago)?\s*(?:[·•|]\s*\W*)?", re.IGNORECASE)


# A post's day without its year, as a page shows this year's posts: "February 12 at 9:14 PM · 🌏",
# "12 February at 21:14"
_POST_DAY = _rx(rf"\W{{0,3}}(?:(?P<month>{_M})\s+(?P<day>\d{{1,2}})|(?P<day2>\d{{1,2}})\s+(?P<month2>{_M}))"
                r"\s+at\s+\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:[·•|]\s*\W*)?", re.IGNORECASE)


def _post_day(lines: Sequence[str], fetched: dt.date) -> dt.date | None:
    """The day of a post whose top lines give it without a year ("February 12 at 9:14 PM"), on a
    page fetched on `fetched`: the latest such day up to the fetch."""
    for line in [line for line in lines if line.strip()][:_TOP_LINES]:
        m = _POST_DAY.fullmatch(line.strip())
        if m is None:
            continue
        month, day = _month_number(m.group("month") or m.group("month2")), int(m.group("day") or m.group("day2"))
        for year in (fetched.year, fetched.year - 1):
            try:
                when = dt.date(year, month, day)
            except ValueError:
                continue
            if when <= fetched:
                return when
    return None


def _post_age(lines: Sequence[str], fetched: dt.date) -> DateSpan | None:
    """When a post whose top lines give its age ("3d") on a page fetched on `fetched` was written:
    "3d" is three to four days before the fetch, "5h" that day or the one before, "2w" two to
    three weeks before."""
    for line in [line for line in lines if line.strip()][:_TOP_LINES]:
        m = _POST_AGE.fullmatch(line.strip())
        if m is None:
            continue
        n, unit = int(m.group("n")), m.group("unit").lower()[0]
        if unit in "mh":
            return DateSpan(start=fetched - _DAY, end=fetched, precision="span")
        days = n * (7 if unit == "w" else 1)
        late = fetched - dt.timedelta(days=days)
        early = late - dt.timedelta(days=6 if unit == "w" else 1)
        return DateSpan(start=early, end=late, precision="week" if unit == "w" else "span")
    return None


def _date_line_candidates(lines: Sequence[str]) -> list[tuple[int, dt.date, str]]:
    """Dates on the date lines of the top and bottom zones, best kind first (never scrapes):
    ``(line number, day, kind)``."""
    non_blank = [i for i, line in enumerate(lines) if line.strip()]
    top, bottom = set(non_blank[:_TOP_LINES]), set(non_blank[-_BOTTOM_LINES:])
    found: list[tuple[int, int, dt.date, str]] = []
    lower: list[tuple[int, int, dt.date, str]] = []  # a date alone on its line below the top: a hearing's cover page
    signed: list[tuple[int, int, dt.date, str]] = []  # "Date: 31 January 2025" under a statement's signature
    for i in sorted(set(non_blank[:_LABELLED_TOP_LINES]) | set(non_blank[-_LABELLED_BOTTOM_LINES:])):
        parsed = parse_date_line(lines[i])
        if parsed is None or parsed.kind == "scrape":
            continue
        if i > non_blank[min(_LABELLED_TOP_LINES, len(non_blank)) - 1] and i not in bottom:
            if parsed.kind == "published" and parsed.day is not None and re.match(r"(?i)\W*(?:date|dated|issued)\b", lines[i].strip()):
                signed.append((_KIND_RANK["published"], i, parsed.day, parsed.kind))
            continue
        if parsed.kind != "published" and i not in top and i not in bottom:
            if parsed.kind == "bare" and parsed.day is not None:
                lower.append((_KIND_RANK["bare"], i, parsed.day, parsed.kind))
            continue
        if parsed.kind == "dateline" and i not in top:
            continue  # "CITY, date —" opens an article; further down it is a quoted report
        if parsed.day is None:
            logger.debug("date line %d unreadable: %r", i, lines[i])
            continue
        found.append((_KIND_RANK.get(parsed.kind, 1), i, parsed.day, parsed.kind))
    found = found or signed[-1:] or lower[:1]
    # a chat export ("14/11/2023, 22:41 - Saw Htoo: ..."): written by its last message
    chat = [(i, day) for i, line in enumerate(lines) if (m := CHAT_PREFIX.match(line)) and (day := chat_day(m))]
    if len(chat) >= _CHAT_LINES:
        found.append((_KIND_RANK["published"], chat[-1][0], chat[-1][1], "published"))
    # a forwarded e-mail: the message forwarded is the writing, not the forward's "Sent:" header
    forwarded = next((i for i, line in enumerate(lines) if _FORWARDED.match(line)), None)
    if forwarded is not None:
        found = [f for f in found if f[1] > forwarded] or found
    return [(i, day, kind) for _, i, day, kind in sorted(found)]


def find_published(
    text: str,
    meta_date: str | dt.date | None = None,
    *,
    removed: Sequence[BoilerplateLine] | None = None,
) -> Published:
    """The article's own date: ``(day, span, source, date_lines)``.

    ``text`` is the article before cleaning (its date lines are read here); ``removed`` is what
    :func:`~allegiance.ingest.boilerplate.clean` dropped from it, computed when not given.
    ``date_lines`` are the numbers of the date-stamp and scrape lines, which the cleaner drops.
    """
    lines = text.split("\n")
    if removed is None:
        removed = clean(text)[1]
    skipped = {b.line for b in removed}
    date_lines = [i for i, line in enumerate(lines) if date_stamp(line) is not None]
    content = [line for i, line in enumerate(lines) if i not in skipped]
    ev = _collect(content, text)
    scraped = [p.day for i in date_lines if (p := parse_date_line(lines[i])) and p.kind == "scrape" and p.day]
    window = _window(ev)

    stated: list[tuple[dt.date, DateSource, str, bool]] = []  # (day, source, what, may the text overrule it)
    meta = _as_date(meta_date)
    if meta is not None:
        stated.append((meta, "metadata", f"metadata {meta_date!r}", True))
    elif isinstance(meta_date, str) and meta_date.strip():
        logger.info("metadata date %r unreadable", meta_date)
    for i, day, kind in _date_line_candidates(lines):
        stated.append((day, "dateline", f"line {i} {lines[i].strip()[:60]!r}", kind in _OVERRULED_KINDS))

    for day, source, what, overruled in stated:
        if not _plausible(day):
            logger.info("%s: %s is not a plausible publication date", what, day)
            continue
        reason = _conflict(day, ev, window, source) if overruled else None
        if reason is not None:
            logger.info("%s rejected: %s is %s", what, day, reason)
            continue
        return Published(day, DateSpan.day(day), source, date_lines)

    if scraped:
        aged = _post_age(lines, min(scraped))
        if aged is not None and _conflict(aged.end, ev, window, "dateline") is None:
            return Published(aged.end, aged, "dateline", date_lines)
        day = _post_day(lines, min(scraped))
        if day is not None and _conflict(day, ev, window, "dateline") is None:
            return Published(day, DateSpan.day(day), "dateline", date_lines)
    # the page existed when it was fetched: the writing is no later than that (never the date
    # itself, which only bounds what the content says)
    span = _infer(ev, window, fetched=min(scraped, default=None))
    if span is None:
        return Published(None, None, "none", date_lines)
    return Published(span.start, span, "content", date_lines)
