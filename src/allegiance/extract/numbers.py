"""Counts as reporters write them: digits, number words, hedges, vague quantities, ranges.

`find_counts(text)` returns every count phrase with its offsets; `parse_count(phrase)` turns
one phrase into a codebook `Count`. Number words go through text2num; what it lacks (hedges,
"dozens", ranges, "each with") is the grammar here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from text_to_num import text2num

from allegiance.ingest.boilerplate import MONTH_PATTERN
from allegiance.models import Count

# Words text2num can read, in the order a regex should try them (longest first).
_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_BIG = "hundred thousand million".split()
_WORD = r"(?:" + "|".join(sorted(_UNITS + _TENS + _BIG, key=len, reverse=True)) + r")"
# "one hundred and twenty", "forty-five", "two thousand"
_NUMBER_WORDS = rf"{_WORD}(?:(?:[\s-]+|\s+and\s+){_WORD})*"
_DIGITS = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
# "1.5 million", "12,000", "twelve", "a hundred"
_NUMBER = rf"(?:(?:{_DIGITS})(?:\s+(?:million|thousand|hundred))?|{_NUMBER_WORDS}|a\s+(?:hundred|thousand))"

# Hedge words before a number -> qualifier. Order matters: longer phrases first.
_HEDGES: list[tuple[str, str]] = [
    (r"more\s+than|over|upwards\s+of|in\s+excess\s+of|above", "more_than"),
    (r"at\s+least|no\s+fewer\s+than|no\s+less\s+than|a\s+minimum\s+of", "at_least"),
    (r"up\s+to|as\s+many\s+as|at\s+most|a\s+maximum\s+of|no\s+more\s+than", "up_to"),
    (r"fewer\s+than|less\s+than|under|below", "fewer_than"),
    (
        r"about|around|approximately|roughly|some|nearly|almost|close\s+to|an\s+estimated|"
        r"estimated|approx\.|c\.|just\s+over|just\s+under|over\s+a|about\s+a",
        "approx",
    ),
]
_HEDGE_RE = "|".join(f"(?P<h_{name}>{pat})" for pat, name in _HEDGES)

# Vague quantities: the lower bound a reader can defend.
VAGUE_LOW: dict[str, int] = {
    "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "tens of thousands": 20000,
    "several": 3, "a few": 2, "a handful": 2, "a number": 2, "numerous": 2,
    # "several hundred", "a few thousand": some multiple of the unit, not the unit itself
    "several dozen": 36, "a few dozen": 24, "several hundred": 300, "a few hundred": 200,
    "several thousand": 3000, "a few thousand": 2000,
}
_VAGUE = (r"tens\s+of\s+thousands|(?:several|a\s+few)\s+(?:dozen|hundred|thousand)(?!s)|dozens|scores|hundreds|thousands"
          r"|several|a\s+few|a\s+handful|a\s+number|numerous")

_COUNT_RE = re.compile(
    rf"""
    (?<![\w.,])
    (?:(?:{_HEDGE_RE})\s+|(?P<h_tilde>~)\s*)?
    (?:
        (?P<range_lo>{_NUMBER})\s+(?:to|or)\s+(?P<range_hi>{_NUMBER})(?![\w,])
      | (?P<drange_lo>{_DIGITS})\s*[-–]\s*(?P<drange_hi>{_DIGITS})(?![\w,])
      | between\s+(?P<btw_lo>{_NUMBER})\s+and\s+(?P<btw_hi>{_NUMBER})
      | (?P<dozen_n>{_NUMBER}|a|half\s+a)\s+dozen(?!s)
      | (?P<vague>{_VAGUE})(?:\s+of)?
      | (?P<num>{_NUMBER})(?P<plus>\s*\+|\s+or\s+more|-plus)?
    )
    (?![\w])
    """,
    re.IGNORECASE | re.VERBOSE,
)
# "two units, each with about 300 men" / "three companies of about 80 soldiers each"
_EACH_RE = re.compile(
    rf"(?P<n>{_NUMBER})\s+(?:\w+\s+)?(?:units|battalions|companies|columns|platoons|groups|outposts|camps)"
    rf",?\s+each\s+(?:with|of|numbering|comprising)\s+(?P<m>(?:(?:{_HEDGE_RE})\s+)?(?:{_NUMBER}))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class CountMention:
    start: int
    end: int
    text: str
    count: Count


def number_value(text: str) -> int | None:
    """'12,000' -> 12000, 'twelve' -> 12, '1.5 million' -> 1500000, 'a hundred' -> 100."""
    t = " ".join(text.lower().replace("-", " ").split())
    if not t:
        return None
    if t.startswith("a "):
        t = "one " + t[2:]
    m = re.fullmatch(r"([\d,]+(?:\.\d+)?)(?:\s+(million|thousand|hundred))?", t)
    if m:
        base = float(m.group(1).replace(",", ""))
        mult = {"million": 1_000_000, "thousand": 1000, "hundred": 100, None: 1}[m.group(2)]
        return int(round(base * mult))
    try:
        return int(text2num(t, "en"))
    except (ValueError, TypeError):
        return None


def _hedge(m: re.Match[str]) -> str | None:
    if m.group("h_tilde"):
        return "approx"  # "~500"
    for _, name in _HEDGES:
        if m.group(f"h_{name}"):
            return name
    return None


def _qualified(n: int, hedge: str | None) -> Count:
    if hedge == "more_than":
        return Count(value=n, low=n + 1, high=None, qualifier="at_least")
    if hedge == "at_least":
        return Count(value=n, low=n, high=None, qualifier="at_least")
    if hedge == "up_to":
        return Count(value=n, low=None, high=n, qualifier="at_most")
    if hedge == "fewer_than":
        return Count(value=n, low=None, high=n - 1, qualifier="at_most")
    if hedge == "approx":
        return Count(value=n, low=n, high=n, qualifier="approx")
    return Count.exact(n)


def _from_match(m: re.Match[str]) -> Count | None:
    hedge = _hedge(m)
    lo_s = m.group("range_lo") or m.group("drange_lo") or m.group("btw_lo")
    hi_s = m.group("range_hi") or m.group("drange_hi") or m.group("btw_hi")
    if lo_s and hi_s:
        lo, hi = number_value(lo_s), number_value(hi_s)
        if lo is None or hi is None or lo >= hi:
            return None
        return Count(value=(lo + hi) // 2, low=lo, high=hi, qualifier="approx")
    if m.group("dozen_n") is not None:
        word = m.group("dozen_n").lower()
        n = 1 if word == "a" else number_value(word) if not word.startswith("half") else None
        total = 6 if word.startswith("half") else (n * 12 if n is not None else None)
        if total is None:
            return None
        return _qualified(total, hedge) if hedge else Count(value=total, low=total, high=total, qualifier="approx")
    if m.group("vague"):
        key = " ".join(m.group("vague").lower().split())
        return Count(value=None, low=VAGUE_LOW[key], high=None, qualifier="vague")
    n = number_value(m.group("num"))
    if n is None:
        return None
    if m.group("plus"):
        return Count(value=n, low=n, high=None, qualifier="at_least")
    return _qualified(n, hedge)


# a number that is part of a date ("On 3 April", "April 3, 2024", "in March 2023"), not a count
_DAY_OR_YEAR_AFTER = re.compile(rf"\s*{MONTH_PATTERN}(?![\w-])")
_AFTER_MONTH = re.compile(rf"(?<![\w-]){MONTH_PATTERN}\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?$")
# a share, not a number of people: "61 percent of the defectors", "61%"
_SHARE_AFTER = re.compile(r"\s*(?:%|percent\b|per\s*cent\b|pc\b)", re.IGNORECASE)


# "3/ The surrenders people forget ...", "4/12": a post's number in a thread
_THREAD_NUMBER = re.compile(r"/(?:\d{1,2})?(?:\s|$)")


def _part_of_date(text: str, m: re.Match[str]) -> bool:
    num = m.group("num")
    if num is None or m.group(0).strip() != num or not re.fullmatch(r"\d{1,4}", num):
        return False  # hedged or spelled-out figures ("about 30", "twelve") are counts
    return bool(_DAY_OR_YEAR_AFTER.match(text, m.end()) and int(num) <= 31 or _AFTER_MONTH.search(text[:m.start()]))


def find_counts(text: str) -> list[CountMention]:
    """Every count phrase in `text`, left to right, non-overlapping; numbers of dates and shares
    ("61 percent") are left out."""
    out: list[CountMention] = []
    taken: list[tuple[int, int]] = []
    for m in _EACH_RE.finditer(text):
        n = number_value(m.group("n"))
        inner = _COUNT_RE.match(m.group("m"))
        if n is None or inner is None:
            continue
        each = _from_match(inner)
        if each is None or each.value is None:
            continue
        total = n * each.value
        qual = "exact" if each.qualifier == "exact" else "approx"
        out.append(CountMention(m.start(), m.end(), m.group(0),
                                Count(value=total, low=total, high=total, qualifier=qual)))
        taken.append((m.start(), m.end()))
    for m in _COUNT_RE.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        count = _from_match(m)
        if count is None or _part_of_date(text, m) or _SHARE_AFTER.match(text, m.end()):
            continue
        if _THREAD_NUMBER.match(text, m.end()) and not text[:m.start()].strip() or re.fullmatch(r"\s*\d{1,2}/", text[:m.start()]):
            continue  # a thread's post number: "4/ Defections are quieter."
        out.append(CountMention(m.start(), m.end(), m.group(0), count))
    return sorted(out, key=lambda c: c.start)


def parse_count(phrase: str) -> Count | None:
    """The count a single phrase states ('more than 150' -> at_least 150/151/None)."""
    found = find_counts(phrase.strip())
    return found[0].count if found else None
