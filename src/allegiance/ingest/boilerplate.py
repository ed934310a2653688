"""Drop the lines of a news page that are not the article: site chrome, appeals, lists of
other headlines, copyright, job ads, cookie notices, credits, date stamps and repeats.

The filter works on whole lines and never edits one: the text it keeps is the original lines
joined with ``"\\n"`` (runs of blank lines collapsed to one, blank lines at either end removed),
so every kept line is a character-for-character substring of the input and offsets into the
cleaned text point at the words the source printed. Each dropped line is returned with its
0-based line number in the input, its text and a short reason code:

==================  =====================================================================
reason              what
==================  =====================================================================
``chrome``          navigation, share/follow buttons, "Read more", "Advertisement", tags
``donation``        "Support independent journalism", "Donate now", membership appeals
``newsletter``      "Sign up for our daily briefing", "Get our newsletter"
``related-list``    "Related stories" / "You may also like" headers and the headlines after
``copyright``       "(c) 2021 Karen News. All rights reserved.", reprint permissions
``job-ad``          "Job Vacancy: Digital Specialist"
``cookie``          cookie and privacy notices
``byline``          "By Saw Kaw Htoo" or "By Saw Kaw Htoo | 18 April 2021" on a line of its own
``photo-credit``    "Photo: ..." credits and captions
``outlet``          a line that is only the outlet's name ("DVB", "Mizzima News")
``dateline-meta``   a line that is only a date stamp ("Published: 14 March 2022", "2022.11.08")
``scrape-date``     when a scraper fetched the page ("Retrieved: 2025-08-14") - never the
                    article's date
``duplicate``       a line repeating an earlier kept line
==================  =====================================================================

Rules are pattern lists and line-shape tests (short, no sentence-final punctuation, pipe
separated), not a model, so every drop can be explained. Which date a date-stamp line states
is for :mod:`allegiance.ingest.published`; this module only recognises the shape (see
:func:`date_stamp`), so the cleaner and the article-date finder agree on which lines those are.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from typing import Literal, NamedTuple

from allegiance.models import BoilerplateLine

logger = logging.getLogger(__name__)

__all__ = [
    "CHAT_PREFIX", "DATE_IN_TEXT", "DATE_PATTERN", "MONTH_PATTERN", "WEEKDAY_PATTERN", "DateStamp", "chat_day", "classify_line",
    "clean",
    "credit", "date_stamp", "is_headline_like",
]

# --- dates as they appear in date stamps (shared with published.py) ----------------------------
_MONTH_NAMES = (r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
                r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?")
_WEEKDAY_NAMES = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun"
# as printed in title case or in capitals ("MARCH 14, 2023", "TUESDAY, 14 MAR 2023")
MONTH_PATTERN = rf"(?:{_MONTH_NAMES}|{_MONTH_NAMES.upper()})\.?"
WEEKDAY_PATTERN = rf"(?:{_WEEKDAY_NAMES}|{_WEEKDAY_NAMES.upper()})\.?"
_ORD = r"(?:st|nd|rd|th)?"
# A calendar date that names its year, in the shapes news sites print.
DATE_PATTERN = (
    r"(?:"
    r"\d{4}-\d{1,2}-\d{1,2}(?:T\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"  # ISO
    r"|\d{4}[./]\d{1,2}[./]\d{1,2}"  # 2022.11.08, 2022/11/08
    r"|\d{1,2}\s?[./-]\s?\d{1,2}\s?[./-]\s?\d{4}"  # 14/03/2022, 9 - 5 - 2022 (day first)
    rf"|\d{{4}},?\s+{MONTH_PATTERN}\s+\d{{1,2}}{_ORD}"  # 2023 November 20, 2023, September 12 (translated copy)
    rf"|\d{{1,2}}{_ORD}\s+(?:of\s+)?{MONTH_PATTERN},?\s+\d{{4}}"  # 14 March 2022
    rf"|\d{{1,2}}{_ORD}\s+day\s+of\s+{MONTH_PATTERN},?\s+\d{{4}}"  # 14th day of March, 2023 (a notice)
    rf"|\d{{1,2}}-{MONTH_PATTERN}-\d{{4}}"  # 14-Mar-2023
    rf"|{MONTH_PATTERN}\s+\d{{1,2}}{_ORD},?\s+\d{{4}}"  # March 3, 2022 / Sept. 3, 2021
    r")"
)
# such a date anywhere in a line ("Saved by archive.org on 29 Oct 2025", "Week 10-16 March 2025")
DATE_IN_TEXT = re.compile(DATE_PATTERN, re.IGNORECASE)
# Clock time and zone that may follow a date stamp ("09:14", "3:12 pm UTC", "+0630").
_TIME = (
    r"(?:\s*[,\-–—|]?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?)?"
    r"(?:\s*\(?(?:UTC|GMT|MMT|ICT|JST|IST|SGT|HKT|BST|CET|CEST|EST|EDT|PST|WIB|[+-]\d{2}:?\d{2})(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?\)?)?"
)
# what may follow a stamp: "(Wednesday)", "Updated 3 days ago", a Facebook post's "- Public"
_STAMP_TAIL = (
    rf"(?:\s*\(\s*{WEEKDAY_PATTERN}\s*\))?"
    r"(?:[,;]?\s+(?i:(?:last\s+)?updated)\b[\w :,.]{0,40})?"
    r"(?:\s*\(\s*(?i:(?:last\s+)?updated)\b[^()]{0,40}\))?"  # "29 Aug 2023 06:00AM (Updated: 29 Aug 2023 10:12AM)"
    r"(?:\s*[-·•]\s*(?i:public|friends|edited))?"
    r"(?:\s*[.|·•]?\s*(?i:posted|filed)\s+(?i:in|under)\s+[\w &,]{1,40})?"  # ". Posted in News"
    r"(?:\s*,?\s*(?i:held|broadcast|streamed)\s+(?i:online|live|on\s+\w+|via\s+\w+)(?:\s+\w+){0,3})?"  # ", held online"
)
# more page furniture after a stamp: "| Updated March 4, 2023", "/ 10:15 AM / Updated a day ago", "| 4 min read"
_META_TAIL = (
    r"(?:\s*[|/·•]\s*(?:\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*(?:GMT|UTC)[+\-\d:]*)?"
    r"|(?i:(?:last\s+)?updated)\b[^|/·•]{0,40}|\d+\s*(?i:min(?:ute)?s?\s+read)"
    # a programme's length: "· Duration 24:10", "| 41 min"
    r"|(?i:duration|length|running\s+time)\s*:?\s*\d{1,2}:\d{2}(?::\d{2})?|\d+\s*(?i:min(?:ute)?s?)))*"
)
_STAMP_DATE = rf"(?:{WEEKDAY_PATTERN},?\s+)?(?P<date>{DATE_PATTERN}){_TIME}{_STAMP_TAIL}{_META_TAIL}"
# a clock time before the date: "Updated 3:07 PM GMT+7, January 24, 2025"
_LEAD_TIME = r"(?:\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:(?:GMT|UTC|ICT|MMT)\s*(?:[+-]\s*\d{1,2}(?::?\d{2})?)?)?\s*,?\s*)?"
_SEP = r"\s*[|·•–—/-]\s*"
# "Updated November 28, 2023 | Yangon": a place after the stamp
_PLACE_TAIL = r"(?:(?:\s*[|·•–—]\s*|\s+-\s+)[A-Z][\w .'’-]{1,40})?"
_NAME = r"[A-Z][\w'’.\-]*(?:\s+(?:[A-Z][\w'’.\-]*|and|&|bin|de|van|von))*"

# the words that label a publication date ("Published", "Date of issue", "Aired on", "Posted in News on")
_PUBLISHED_LABEL = (
    r"(?i:(?:first\s+)?published(?:\s+date)?|publish(?:\s+date)?|posted(?:\s+in\s+[\w &]{1,30}?)?|date(?:\s+of\s+(?:publication"
    r"|issue|posting|release))?|dated|(?:publication|release|article|issue)\s+date|time\s+of\s+posting|released|issued"
    r"|compiled|filed|sent|broadcast|aired|uploaded|premiered|streamed(?:\s+live)?)"
)
# a numbered document or issue before its date: "Press Release No. 7", "Vol. 9, No. 12", "Newsletter #45",
# "Statement No. 12/2023", "Announcement 3/2023"
_DOCUMENT_NUMBER = (
    r"(?:(?i:vol(?:ume)?)\.?\s*\d+,?\s*(?i:no|issue)\.?\s*\d+"
    r"|(?:[A-Z][a-z]+\s+){0,2}(?i:issue|press\s+release|statement|announcement|newsletter|bulletin|notice|notification"
    r"|order|episode|edition|report)\s*(?i:no\.?|number|#)?\s*#?\d+(?:/\d{2,4})?)"
)
# a chat export's message stamp and sender: "14/11/2023, 22:41 - Saw Htoo: ", "[14.11.23, 22:41] Saw Htoo: "
CHAT_PREFIX = re.compile(r"^[ \t]*\[?(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>\d{2}|\d{4}),?[ \t]+\d{1,2}:\d{2}(?::\d{2})?"
                         r"(?:[ \t]*[AaPp]\.?[Mm]\.?)?\]?[ \t]*(?:-[ \t]*)?(?:[^:\n]{1,40}:[ \t]+)?", re.MULTILINE)


def chat_day(m: re.Match[str]) -> dt.date | None:
    """The day a chat message's stamp (a CHAT_PREFIX match) gives, day first."""
    year = int(m.group("y")) + (2000 if len(m.group("y")) == 2 else 0)
    try:
        return dt.date(year, int(m.group("m")), int(m.group("d")))
    except ValueError:
        return None


StampKind = Literal["published", "updated", "byline", "outlet", "bare", "scrape", "furniture"]


class DateStamp(NamedTuple):
    """A line that is only a date stamp: what kind, and the date as written (None if absent)."""

    kind: StampKind
    date_text: str | None
    who: str | None = None  # the byline's author or the outlet's name, when the stamp has one


# a search engine's cache, a longer line: "This is a cached copy of example.com/news/... It is a
# snapshot of the page as it appeared on 14 Jan 2023 08:11:52 GMT. The current page could have changed ..."
_CACHE_COPY = re.compile(
    r"(?i:this\s+is\s+(?:a|the)\s+)?(?i:cached\s+(?:copy|page|version))\s+of\b[^\n]{0,200}?"
    r"(?i:as\s+it\s+appeared\s+on|taken\s+on|captured\s+on)\s+(?P<date>" + DATE_PATTERN + r")[^\n]{0,160}")

# Date-stamp line shapes, tried in order; each must match the whole (stripped) line.
_STAMPS: tuple[tuple[StampKind, re.Pattern[str]], ...] = (
    # a copy that says the original's date is lost: its date is the copy's ("Uploaded 3 March 2023 ·
    # Translated from Burmese ... · The original post's date was not preserved in our copy.")
    ("scrape", re.compile(
        r"(?=[^\n]*\b(?i:date|dateline|date\s+line)\b[^\n]{0,40}?\b(?:(?i:not)\s+(?i:preserved|recorded|captured|kept|known"
        # ("... · the post's own date is hidden behind a relative stamp")
        r"|available|included)|(?i:is|was)\s+(?i:hidden|missing|lost|unknown))\b)(?:[^\n]*?(?P<date>" + DATE_PATTERN + r"))?[^\n]*")),
    # retrieval, not publication: "Retrieved: 2025-08-14", "Scraped 2025-08-14 03:12 UTC",
    # "Accessed on 14 Aug 2025", "Saved by archive.org on 29 Oct 2025", "crawl date: ..." (a date is optional:
    # "Retrieved from <url>")
    ("scrape", re.compile(
        r"[\[(<{\s*#|-]*(?i:(?:archived\s+(?:copy|version|page)|cached\s+(?:copy|page)|snapshot|copy)\W{0,4})?"
        r"(?i:retrieved|scraped|accessed|downloaded|crawled|fetched|archived|captured|(?:page|copy)\s+saved|saved\s+(?:by\s+\S+\s+)?on"
        # "[Received by email via the Karen press distribution list, 1 Feb 2025 06:40 | attachment: ...]"
        r"|received\s+(?:by\s+e-?mail|via)"
        # "[archive snapshot 2024-08-02 14:05 - facebook.com - page text only]"
        r"|(?:archive|wayback|web|webpage)\s+(?:snapshot|capture|copy)"
        # "web.archive.org capture of example.org, 14 Dec 2023", "archive.today snapshot"
        r"|(?:web\.archive\.org|archive\.(?:today|ph|is|li|md))\s+(?:snapshot|capture|copy)"
        # "The Wayback Machine - https://web.archive.org/web/20240211062003/https://...": captured then
        r"|the\s+wayback\s+machine\s*[-–—:]\s*https?://web\.archive\.org/web/(?=\d{8})"
        r"|(?:crawl|scrape|retrieval|access|download|fetch)(?:ed)?[ _-]?(?:date|time|on|at)"
        r"|date[ _-](?:accessed|retrieved|scraped|crawled|downloaded))\b\W*.{0,200}")),
    # a tool's copy, dated when it was made: "Thread Reader — unrolled thread, saved 2024-02-19",
    # "Exported 2024-03-02 08:15 by archive volunteer; ..."
    ("scrape", re.compile(
        # ("Transcript downloaded from podscript archive on 2024-10-03", "... - page cached 2024-02-17 06:40",
        # "report.pdf | text extracted 2023-06-30 | 6 pages")
        # (not a sentence: "The files were retrieved from the base on 3 May 2023.")
        r"(?![^\n]*\b(?i:was|were|is|are|had|has|have|been)\s)"
        r"[\[(]?(?:(?:[^\n]{0,100}?(?:[—–·|,-])\s*)?(?i:saved|exported|unrolled|downloaded|cached|fetched|extracted|archived|retrieved|printed|copied)"
        r"|[^\n]{0,60}?\s(?i:downloaded|cached|fetched|extracted|(?:copy|screenshot|page|capture|version|snapshot)\s+saved))\s+"
        # "PDF text extracted by docparse 2.1 on 2024-08-19": the tool and its version
        r"(?i:from\s+(?:\S+/\S*\s+(?:[·|—–-]\s+)?|[^\n\d]{1,60}?\s+))?(?i:(?:with|by)\s+[\w.-]+(?:\s+v?\d+(?:\.\d+)*)?(?:\s+|\s*[|·•—–-]\s*))?(?i:on\s+)?" + _STAMP_DATE
        + r"(?:\W.{0,120})?")),
    # a blog's reading time beside its date: "7 min read · Dec 3, 2023" (a response below has its own)
    ("published", re.compile(r"\d{1,3}\s+(?i:min(?:ute)?s?)\s+(?i:read)\s*[·•|–—-]\s*" + _STAMP_DATE + r"\W*")),
    # "Published: 14 March 2022", "Posted on 14 October 2021 by admin", "Date: 03/04/2022", "Aired on 14
    # March 2023", "Bangkok Post — published : 14 Mar 2023", "Press Release No. 7 — 14 March 2023"
    ("published", re.compile(
        r"[(\[]?(?:(?P<who>" + _NAME + r")\s*[|·•–—-]\s*)?(?:" + _DOCUMENT_NUMBER + r"\s*(?:,\s*|[|·•–—:-]\s*|\s+))?"
        r"(?:" + _PUBLISHED_LABEL + r")(?:\s+(?i:on|at))?\s*[:\-–—]?\s*" + _LEAD_TIME + _STAMP_DATE + _PLACE_TAIL
        + r"(?:\s+(?i:in)\s+[A-Z][\w &]{1,30}?)?(?:\s+(?i:by)\s+[\w'’.\-]+(?:\s+[A-Z][\w'’.\-]*){0,3})?\W*")),
    # at the foot of a republished or translated story: "This article was first published by Myanmar
    # Now on 14 March 2023.", "(Originally published in Burmese on 14 March 2023)"
    ("bare", re.compile(
        r"\W*(?i:(?:this\s+(?:article|story|report|piece|interview)\s+was\s+)?(?:first\s+|originally\s+)?published)"
        r"(?:\s+(?i:in)\s+[A-Z]\w+)?(?:\s+(?i:by)\s+(?P<who>" + _NAME + r"))?\s+(?i:on)\s+" + _STAMP_DATE + r"\W*")),
    ("published", re.compile(_DOCUMENT_NUMBER + r"\s*(?:,\s*|[|·•–—:-]\s*|\s+)" + _STAMP_DATE + r"\W*")),
    # "Updated 2024-02-20 09:14", "Last updated: ..."
    ("updated", re.compile(
        r"(?i:(?:last\s+)?(?:updated|modified|edited|revised))(?:\s+(?i:on|at))?\s*[:\-–—]?\s*"
        + _LEAD_TIME + _STAMP_DATE + _PLACE_TAIL + r"\W*")),
    # "By Naw Eh Ler | 5 June 2023", "Written by Admin on 28 November 2023", "5 June 2023 | By ..."
    ("byline", re.compile(
        r"(?i:(?:written\s+|story\s+|reported\s+|words\s+|posted\s+)?by)\s+(?P<who>" + _NAME + r")"
        + r"(?:" + _SEP + r"|\s+(?i:on)\s+|\s+)" + _STAMP_DATE + r"\W*")),  # "By The Irrawaddy 11 June 2024"
    ("byline", re.compile(
        _STAMP_DATE + _SEP + r"(?i:(?:written\s+|story\s+|reported\s+)?by)\s+(?P<who>" + _NAME
        + r")\W*")),
    # "Geneva, 15 January 2024", "YANGON, 15 January 2024": a place, then the full date
    ("bare", re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2},\s+" + _STAMP_DATE + r"\W*")),
    # "Kachin News Group | 9 March 2024", "BNI Online - 13/05/2024", "News | Mon State | 12 August 2021"
    ("outlet", re.compile(r"(?P<who>[A-Z][^|·•/\d]{1,58}?)(?:(?:\s*[|·•]\s*|\s+/\s+)[A-Z][^|·•/\d]{1,40}?){0,2}"
                          r"(?:\s*[|·•]\s*|\s+[-–—/]\s+)" + _STAMP_DATE + r"\W*")),
    # a monitoring service's masthead, its year in two digits: "BBC Monitoring   23 Jun 23"
    ("outlet", re.compile(r"(?P<who>[A-Z][^|·•\d]{1,40}?)[ \t]{2,}(?P<date>\d{1,2}\s+" + MONTH_PATTERN + r"\s+\d{2})\W*")),
    # "14 March 2023 (Mizzima)"
    ("outlet", re.compile(_STAMP_DATE + r"\s*\((?P<who>[A-Z][^()\d]{1,40})\)\W*")),
    # "9 March 2024 | Kachin News Group", "27 December 2024 | Sittwe | DMG Newsroom"
    ("outlet", re.compile(_STAMP_DATE + r"(?:\s*[|·•]\s*[A-Z][^|·•\d]{1,40}?){0,2}\s*[|·•]\s*(?P<who>[A-Z][^|·•\d]{1,58}?)\W*")),
    # "14 March, 2023 — Myanmar Now": after a dash only a name ("— Police officers defect" is a headline)
    ("outlet", re.compile(_STAMP_DATE + r"\s+[–—]\s+(?P<who>[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,3})\W*")),
    # "March 3, 2022", "Thursday, 15 February 2024", "2022.11.08", "2024-02-20 09:14"
    ("bare", re.compile(r"\W*" + _STAMP_DATE + r"\W*")),
    # "21 March 2024, Sittwe": the date, then where it was filed
    ("bare", re.compile(_STAMP_DATE + r",\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}\W*")),
    # "Evening radio bulletin, 7 p.m. - Thursday, 2 February 2023", "Press conference (Nay Pyi Taw),
    # Tuesday, 7 May 2024": a short title of the programme or occasion, then when it went out
    ("bare", re.compile(r"(?![^,]*\b[a-z]+ed\b)[A-Z][^|·•.!?;:\d]{2,50}?(?:,|\s+[-–—])\s+(?:\d{1,2}(?:[:.]\d{2})?\s*[AaPp]\.?[Mm]\.?\s*(?:[-–—,]\s*)?)?"
                        + _STAMP_DATE + r"\W*")),
    # a PDF's masthead, its date in a column of its own: "Fifty-seventh session          16 September 2024"
    ("bare", re.compile(r"[A-Z][^|·•.!?;:\d]{2,50}?[ \t]{3,}" + _STAMP_DATE + r"\W*")),
)
# one piece of a line of page furniture split at "|": "Issued Monday 17 March 2025", "Posted: 4 December 2023"
_LABELLED_DATE = re.compile(
    r"(?:(?P<label>(?i:(?:first\s+)?published|publish|posted|issued|released|dated?|(?:last\s+)?updated))(?:\s+(?i:on|at))?\s*[:\-–—]?\s*)?"
    + _LEAD_TIME + _STAMP_DATE + r"\W*")
_FURNITURE_SEP = re.compile(r"\s*[|·•]\s*")
_FURNITURE_PIECE = 60  # longer pieces are text, not furniture ("Share: 1.4K", "Reading time 4 min", "KT Reporter")


def _furniture_stamp(stripped: str) -> DateStamp | None:
    """A line of page furniture split at '|' with one date among its pieces: "Mizzima | Tuesday,
    09 March 2021 | Share: 1.4K", "Posted: 4 December 2023 | Filed under: Weekly Update",
    "Weekly bulletin No. 112 | Week 10-16 March 2025 | Issued Monday 17 March 2025". A labelled
    publication date wins; an unlabelled one must be the line's only date."""
    if not _FURNITURE_SEP.search(stripped):
        return None
    pieces = [p.strip() for p in _FURNITURE_SEP.split(stripped)]
    if any(not p or len(p) > _FURNITURE_PIECE or re.search(r"[.!?]\s+[A-Z]", p) for p in pieces):
        return None
    dated = [(i, m) for i, p in enumerate(pieces) if (m := _LABELLED_DATE.fullmatch(p))]
    labelled = [(i, m) for i, m in dated if m["label"] and "updat" not in m["label"].lower()]
    if labelled:
        return DateStamp("published", labelled[0][1]["date"])
    if len(dated) != 1 or sum(bool(DATE_IN_TEXT.search(p)) for p in pieces) != 1:
        return None
    i, m = dated[0]
    if m["label"]:
        return DateStamp("updated", m["date"])
    # weaker than a stamp of a known shape: a site's header may print the day it was viewed
    return DateStamp("furniture", m["date"], pieces[0] if i > 0 and not re.search(r"\d", pieces[0]) else None)


def date_stamp(line: str) -> DateStamp | None:
    """The date stamp this line consists of, or None when the line says anything else."""
    stripped = line.strip()
    cache = _CACHE_COPY.fullmatch(stripped)
    if cache:
        return DateStamp("scrape", cache.group("date"), None)
    if not stripped or len(stripped) > 160:
        return None
    for kind, pattern in _STAMPS:
        m = pattern.fullmatch(stripped)
        if m:
            groups = m.groupdict()
            who = groups.get("who")
            return DateStamp(kind, groups.get("date"), who.strip() if who else None)
    return _furniture_stamp(stripped)


# --- whole-fragment patterns, by reason ------------------------------------------------------
# A line is split into sentence fragments (at most three); it is boilerplate when every fragment
# matches one of these in full (case-insensitively, trailing punctuation ignored). The first
# fragment's reason names the line. Rules are anchored so that article sentences which merely
# contain a word such as "donate" or "subscribe" are not touched.
_SOCIAL = (
    r"(?:facebook|twitter|x|whatsapp|telegram|linkedin|e-?mail|messenger|viber|line|pinterest"
    r"|reddit|tiktok|youtube|instagram|print|copy link)"
)
_FRAGMENT_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("newsletter", (
        r"sign ?up\b.{0,80}\b(?:newsletters?|briefings?|digest|bulletin|updates|alerts|mailing list)\b.{0,40}",
        r"(?:get|receive) (?:our|the)\b.{0,60}\b(?:newsletters?|briefings?|digest|bulletin|updates)\b.{0,40}",
        r"subscribe\b.{0,60}\b(?:newsletters?|briefings?|digest|bulletin|updates|channel|mailing list)\b.{0,40}",
        r"(?:our|the|a) (?:free |daily |weekly |morning |evening )*(?:newsletters?|briefings?|digest)",
        r"(?:enter|type) your e-?mail.{0,60}",
        r"join our (?:mailing list|newsletter|telegram|whatsapp|viber|signal).{0,60}",
    )),
    ("donation", (
        r"support (?:independent |our |free |quality |ethical |public[- ]interest |local |exile "
        r"|burmese |myanmar )*(?:journalism|reporting|journalists|newsroom|work|media)\b.{0,80}",
        r"support (?:us|the \S+(?: \S+)?)",
        r"donate\b.{0,100}",
        r"(?:please )?consider (?:supporting|donating|a donation|making a donation"
        r"|becoming an? (?:member|patron|supporter)).{0,100}",
        r"become an? (?:member|patron|supporter|subscriber|donor)\b.{0,60}",
        r"(?:make|give) an? (?:one-off |monthly |small )?(?:donation|contribution)\b.{0,60}",
        r"help us (?:keep|continue|to)\b.{0,80}",
        r"your (?:donation|support|contribution)s? (?:helps?|keeps?|makes?|allows?|enables?)\b.{0,100}",
        r"(?:we|our (?:journalism|newsroom|reporters?)) (?:need|needs|rely|relies|depend|depends) "
        r"on (?:you|your|readers).{0,100}",
        r"every (?:contribution|donation)\b.{0,100}",
    )),
    ("copyright", (
        r"(?:copyright\s*(?:\(c\)|©|\d{4}|by\b)|\(c\)|©).{0,150}",
        r"(?:all )?rights reserved",
        r"(?:used|reprinted|republished|reproduced) with (?:the )?permission\b.{0,100}",
    )),
    ("job-ad", (
        r"(?:job )?vacanc(?:y|ies)\s*[:\-–—].{0,150}",
        r"(?:job|career) (?:openings?|opportunit(?:y|ies))\s*[:\-–—].{0,150}",
        r"(?:we(?:'re|’re| are)|now) hiring\b.{0,100}",
        r"apply (?:now|by|before|here)\b.{0,80}",
    )),
    ("cookie", (
        r".{0,60}\b(?:uses?|use) cookies\b.{0,200}",
        r".{0,40}\bcookie (?:policy|settings|preferences|consent|notice)\b.{0,100}",
        r"(?:accept|reject|decline|manage)(?: all)?(?: cookies)?",
        r"by (?:continuing|using)\b.{0,30}\b(?:site|website)\b.{0,150}",
        r"privacy policy|terms (?:of (?:use|service)|and conditions)",
    )),
    ("photo-credit", (
        r"\(?(?:photo|photograph|image|picture|pic|cover photo|feature photo|file photo|header image"
        r"|illustration|graphic|video)s?(?: credits?)?\s*(?:[:|]|/ |by\b|courtesy\b).{0,240}",
        r"(?:photo |image )?(?:credit|courtesy)\s*:.{0,120}",
        r"\((?:supplied|handout|file|social media|screenshot|[A-Z][\w .&/-]{0,30})\)",  # "(Supplied)"
    )),
    ("chrome", (
        r"back to top(?: button)?",
        # the Wayback Machine's bar: "Saved 3 times between 2023 and 2024."
        r"saved \d{1,6} times? between \d{4} and \d{4}",
        r"skip to (?:main )?content|skip navigation|(?:main )?menu|search|home|print|e-?mail|tweet"
        r"|share|comments?|close|toggle navigation|more|loading",
        r"share (?:this|the) (?:article|story|post|page|video)\b.{0,60}",
        r"share(?: on| via| to)? " + _SOCIAL,
        r"(?:" + _SOCIAL + r"\W*){2,}",
        r"(?:follow|like|find|join|connect with) us(?: on| at| via)?\b.{0,80}",
        r"click here\b.{0,100}",
        r"read (?:more|the full (?:story|article))\b.{0,120}",
        r"continue reading\b.{0,80}",
        r"advertisements?|advert|ads?|sponsored(?: content)?|promoted(?: content)?|ad by .{1,40}",
        r"(?:advertisement|advert|sponsored|promoted|ad)\s*[:|]\s*.{1,100}",  # "Advertisement: Mrauk-U Heritage Hotel — ..."
        r"subscribe\b.{0,60}",
        r"(?:tags?|topics?|filed under|categories|category|keywords?|section)\s*:.{0,200}",
        r"(?:previous|next|prev) (?:article|post|story|page)\b.{0,150}|(?:previous|next)\s*[:»›>].{0,150}",
        r"leave a (?:comment|reply)|\d+ comments?|comments? \(\d+\)|(?:view|show|hide|add) comments?"
        r"|no comments(?: yet)?|be the first to comment.{0,40}",
        r"log ?in|sign ?in|sign ?up|register|my account|log ?out",
        r"listen to (?:this )?(?:article|story).{0,40}|\d+\s*min(?:ute)?s? read|reading time.{0,30}",
        r"(?:download|get) (?:our|the) app.{0,60}",
        r"(?:source|url|link)\s*:?\s*https?://\S+|https?://\S+|www\.\S+",
    )),
)
_COMPILED_FRAGMENT_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE))
    for reason, patterns in _FRAGMENT_RULES
)

# Headers that introduce a list of other stories; the short lines after them go too.
_RELATED_HEADER = re.compile(
    r"(?:related(?: (?:stories|articles|news|posts|content|coverage|reading|links|topics|videos))?"
    r"|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)(?: these| this)?"
    r"(?: stories| articles| reading| news)?"
    r"|(?:read|see) also|also (?:read|see|on \S+(?: \S+)?)|further reading|in other news"
    r"|more (?:stories|news|articles|headlines|reading)"
    r"|more (?:stories |news |articles )?(?:from|on|about|in) .{1,40}"
    r"|most (?:read|popular|viewed|shared)(?: stories| articles| news)?"
    r"|recommended(?: for you| stories| articles| reading)?|editor['’]?s? (?:picks?|choice)"
    r"|top stories|trending(?: now| stories)?|latest(?: news| stories| articles| headlines)?"
    r"|read next|what to read next|don['’]?t miss|popular(?: stories| posts)?)"
    r"\s*[:\-–—.]?\s*",
    re.IGNORECASE,
)

# Bylines on a line of their own. Names must be capitalised, so "By the end of May ..." stays.
_BYLINE = re.compile(
    r"(?:(?i:(?:written|story|reported|words|text|reporting|compiled)\s+)?(?i:by)\s+"
    r"(?P<who>(?i:our |a )?(?i:staff |special )?(?i:reporters?|correspondents?|writers?)"
    r"|" + _NAME + r"(?:\s*,\s*" + _NAME + r")*)"
    r"(?:\s*[|·•,–—/-]\s*[^.!?]{0,60})?"
    r"|(?i:(?:additional\s+)?(?:reporting|writing|editing)\s+by)\s+.{1,80}"
    r"(?:;\s*(?i:(?:additional\s+)?(?:reporting|writing|editing)\s+by)\s+.{1,80})*)\W*"
)

# Outlets whose bare name is sometimes printed on a line of its own (kept short and explicit).
_OUTLET = re.compile(
    r"\W*(?:the\s+)?(?:myanmar now|irrawaddy|frontier(?: myanmar)?|mizzima(?: news)?|dvb"
    r"|democratic voice of burma|rfa(?: burmese)?|radio free asia|bbc(?: burmese)?"
    r"|voa(?: burmese)?|karen news|kantarawaddy times|kachin news group|kng|bni"
    r"|burma news international|khit thit media|eleven (?:media|myanmar)|myanmar times"
    r"|global new light of myanmar|gnlm|shan herald agency for news|narinjara"
    r"|development media group|dmg|chinland post|(?:independent )?mon news agency"
    r"|than lwin times|western news|the diplomat|reuters|afp|agence france-presse"
    r"|associated press|nikkei asia|al jazeera|network media group|kamayut media"
    r"|delta news agency|ayeyarwaddy times|myitkyina news journal|the chindwin"
    r"|karenni news agency|tachileik news agency)(?:\s+(?:staff|news desk|reporters?))?\W*",
    re.IGNORECASE,
)

# Navigation bars: three or more short capitalised items separated by | » › > • or " / ".
_NAV_SEPARATOR = re.compile(r"\s*[|»›•]\s*|\s+[>/·]\s+")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+")
_TRAILING_PUNCT = re.compile(r"[\s.!:;,\-–—]+$")
_HAS_WORD = re.compile(r"[^\W_]")
# Sentence-final punctuation, also inside a closing quote or bracket: ends a paragraph line.
_SENTENCE_END = re.compile(r"[.!;:,][\"'”’)\]]*\s*$")

_HEADLINE_MAX_WORDS = 20
_HEADLINE_MAX_CHARS = 160
_FRAGMENT_LINE_MAX_WORDS = 40


def is_headline_like(line: str) -> bool:
    """Short and without sentence-final punctuation: a headline, a list item, a heading."""
    stripped = line.strip()
    if not stripped or len(stripped) > _HEADLINE_MAX_CHARS:
        return False
    if len(stripped.split()) > _HEADLINE_MAX_WORDS:
        return False
    return not _SENTENCE_END.search(stripped)


def _is_nav_bar(stripped: str) -> bool:
    items = [s for s in _NAV_SEPARATOR.split(stripped) if s]
    if len(items) < 3:
        return False
    return all(
        len(item.split()) <= 4 and len(item) <= 30 and (item[0].isupper() or item[0].isdigit() or not item[0].isascii())
        and not re.search(r"[.!?,;]$", item)
        for item in items
    )


def _fragment_reason(fragment: str) -> str | None:
    core = _TRAILING_PUNCT.sub("", fragment.strip().strip("\"'“”‘’"))
    if not core:
        return None
    for reason, pattern in _COMPILED_FRAGMENT_RULES:
        if pattern.fullmatch(core):
            return reason
    return None


def _pattern_reason(stripped: str) -> str | None:
    """The reason when every sentence fragment of a short line is boilerplate."""
    if len(stripped.split()) > _FRAGMENT_LINE_MAX_WORDS:
        return None
    fragments = [f for f in _SENTENCE_SPLIT.split(stripped) if f.strip()]
    if len(fragments) > 3:
        return None
    reasons = [_fragment_reason(f) for f in fragments]
    if reasons and (all(reasons) or reasons[0] == "copyright"):
        # a line that opens with a copyright notice is the notice to its end: the reprint
        # permission, the owner's postal address ("2025 M St. NW, Suite 300, Washington DC")
        return reasons[0]
    # "Share on Facebook | Share on X": every pipe-separated piece is a button
    pieces = [p for p in re.split(r"\s*[|·•]\s*", stripped) if p]
    if len(pieces) > 1:
        piece_reasons = [_fragment_reason(p) for p in pieces]
        if all(piece_reasons):
            return piece_reasons[0]
    return None


def classify_line(line: str) -> str | None:
    """Why this line, taken on its own, is not article text (None if it may be)."""
    stripped = line.strip()
    if not stripped:
        return None
    if not _HAS_WORD.search(stripped):
        return "chrome"  # rules and ornaments: "***", "—", "• • •"
    stamp = date_stamp(stripped)
    if stamp is not None:
        return {"scrape": "scrape-date", "byline": "byline"}.get(stamp.kind, "dateline-meta")
    if _RELATED_HEADER.fullmatch(stripped):
        return "related-list"
    if _is_nav_bar(stripped):
        return "chrome"
    if _OUTLET.fullmatch(stripped):
        return "outlet"
    if is_headline_like(stripped) and _BYLINE.fullmatch(stripped):
        return "byline"
    return _pattern_reason(stripped)


def credit(line: str) -> tuple[Literal["author", "outlet"], str] | None:
    """The author named by a byline line, or the outlet named by an outlet line."""
    stripped = line.strip()
    stamp = date_stamp(stripped)
    if stamp is not None and stamp.who:
        return ("author" if stamp.kind == "byline" else "outlet", stamp.who)
    if _OUTLET.fullmatch(stripped):
        return "outlet", _TRAILING_PUNCT.sub("", stripped)
    m = _BYLINE.fullmatch(stripped)
    if m and m.group("who") and is_headline_like(stripped):
        return "author", m.group("who").strip()
    return None


def _mark_related_lists(lines: list[str], reasons: dict[int, str]) -> None:
    """After a related-stories header, drop the run of headline-like lines that follows.

    In the page footer (no article paragraph after the header) the run may span blank lines and
    goes to the end; inside the article it is the block directly under the header, so that the
    article's own subheadings after a blank line survive.
    """
    headers = [i for i, r in sorted(reasons.items()) if r == "related-list"]
    if not headers:
        return
    last_paragraph = max(
        (i for i, line in enumerate(lines)
         if line.strip() and i not in reasons and not is_headline_like(line)),
        default=-1,
    )
    for header in headers:
        in_footer = header > last_paragraph
        items = 0
        j = header + 1
        while j < len(lines):
            line = lines[j]
            if not line.strip():
                if not in_footer and items:
                    break
                j += 1
                continue
            if j in reasons:
                j += 1
                continue
            if not is_headline_like(line):
                break
            reasons[j] = "related-list"
            items += 1
            j += 1


def _normalised(line: str) -> str:
    return " ".join(line.split()).casefold()


def _mark_duplicates(lines: list[str], reasons: dict[int, str]) -> None:
    seen: set[str] = set()
    for i, line in enumerate(lines):
        if not line.strip() or i in reasons:
            continue
        key = _normalised(line)
        if key in seen:
            reasons[i] = "duplicate"
        else:
            seen.add(key)


def _join_kept(lines: list[str], reasons: dict[int, str]) -> str:
    kept: list[str] = []
    for i, line in enumerate(lines):
        if i in reasons:
            continue
        if not line.strip() and (not kept or not kept[-1].strip()):
            continue  # leading blank line, or a second blank in a row
        kept.append(line)
    while kept and not kept[-1].strip():
        kept.pop()
    return "\n".join(kept)


def clean(text: str) -> tuple[str, list[BoilerplateLine]]:
    """Split ``text`` on ``"\\n"``, drop boilerplate lines, and say which and why.

    Returns the kept lines joined with ``"\\n"`` (unchanged, blank runs collapsed) and the
    dropped lines in order, each with its 0-based line number in ``text``.
    """
    lines = text.split("\n")
    reasons: dict[int, str] = {}
    for i, line in enumerate(lines):
        reason = classify_line(line)
        if reason is not None:
            reasons[i] = reason
    _mark_related_lists(lines, reasons)
    _mark_duplicates(lines, reasons)
    removed = [BoilerplateLine(line=i, text=lines[i], reason=r) for i, r in sorted(reasons.items())]
    for item in removed:
        logger.debug("dropped line %d (%s): %r", item.line, item.reason, item.text)
    return _join_kept(lines, reasons), removed
