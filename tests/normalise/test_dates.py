"""Temporal expressions: finding them in running text and resolving them against the article date."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from allegiance.models import DateSpan
from allegiance.normalise.dates import ANCHORS, LUNAR_HOLIDAYS, TimeMention, find_dates, resolve

D = dt.date.fromisoformat
HYP = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def one(text: str, ref: str | dt.date | None, **kw: object) -> TimeMention:
    ref_d = D(ref) if isinstance(ref, str) else ref
    found = find_dates(text, ref_d, **kw)  # type: ignore[arg-type]
    assert len(found) == 1, f"{text!r}: {[(m.text, m.kind) for m in found]}"
    return found[0]


def span(start: str, end: str | None = None, precision: str | None = None) -> tuple[dt.date, dt.date, str | None]:
    return D(start), D(end or start), precision


# --- the examples from real reporting (brief) ------------------------------------------------
@pytest.mark.parametrize(
    ("text", "ref", "words", "kind", "expected"),
    [
        ("the soldiers defected on Sunday", "2021-03-02", "on Sunday", "point", span("2021-02-28", None, "day")),
        ("Two more police officers followed suit on Monday", "2021-03-02", "on Monday", "point",
         span("2021-03-01", None, "day")),
        ("In letters dated May 14, the KNU urged staff to resign", "2022-05-20", "May 14", "point",
         span("2022-05-14", None, "day")),
        ("More than 400,000 individuals joined the CDM last year", "2022-05-20", "last year", "point",
         span("2021-01-01", "2021-12-31", "year")),
        ("Until October, more than 150 soldiers had reached out", "2023-12-15", "Until October", "until",
         span("2023-10-01", "2023-10-31", "month")),
        ("Since the February 1 coup, dozens of police have joined", "2021-03-02", "Since the February 1 coup",
         "since", span("2021-02-01", "2021-03-02", "span")),
    ],
)
def test_reporting_examples(text: str, ref: str, words: str, kind: str, expected: tuple) -> None:
    m = one(text, ref)
    assert (m.text, m.kind) == (words, kind)
    assert m.span is not None
    assert (m.span.start, m.span.end, m.span.precision) == expected
    assert text[m.start:m.end] == m.text


# --- one table per class of expression --------------------------------------------------------
REF = "2023-12-15"  # a Friday

ABSOLUTE = [
    ("Sept. 7", span("2023-09-07", None, "day")),
    ("Sep 7", span("2023-09-07", None, "day")),
    ("September 7, 2023", span("2023-09-07", None, "day")),
    ("7 September 2023", span("2023-09-07", None, "day")),
    ("May 14", span("2023-05-14", None, "day")),
    ("on December 11th", span("2023-12-11", None, "day")),
    ("Feb. 3, 2021", span("2021-02-03", None, "day")),
    ("2021-03-04", span("2021-03-04", None, "day")),
    ("in 2023", span("2023-01-01", "2023-12-15", "year")),  # clipped at ref
    ("in 2022", span("2022-01-01", "2022-12-31", "year")),
    ("in March 2022", span("2022-03-01", "2022-03-31", "month")),
    ("in March", span("2023-03-01", "2023-03-31", "month")),
    ("on 10 April", span("2023-04-10", None, "day")),
    ("the 3rd of March 2022", span("2022-03-03", None, "day")),
    ("the first of May", span("2023-05-01", None, "day")),
    ("Monday, 4 December 2023", span("2023-12-04", None, "day")),
    ("Wednesday, February 24, 2021", span("2021-02-24", None, "day")),
    ("2024 June 19", span("2024-06-19", None, "day")),  # Burmese-style Y M D dateline
    ("in May last year", span("2022-05-01", "2022-05-31", "month")),
    ("on Nov. 13 last year", span("2022-11-13", None, "day")),
    ("in December", span("2023-12-01", "2023-12-15", "month")),  # this December, clipped
    ("in January", span("2023-01-01", "2023-01-31", "month")),
    ("last March", span("2023-03-01", "2023-03-31", "month")),
    ("Q1 2024", span("2024-01-01", "2024-03-31", "season")),
    ("March 3-5", span("2023-03-03", "2023-03-05", "week")),
    ("3-5 March 2022", span("2022-03-03", "2022-03-05", "week")),
    ("in 2021-2023", span("2021-01-01", "2023-12-15", "span")),  # clipped at ref
    ("a MARCH 3 protest", span("2023-03-03", None, "day")),
]

RELATIVE = [
    ("yesterday", span("2023-12-14", None, "day")),
    ("today", span("2023-12-15", None, "day")),
    ("the day before yesterday", span("2023-12-13", None, "day")),
    ("last night", span("2023-12-14", None, "day")),
    ("last week", span("2023-12-04", "2023-12-10", "week")),
    ("this week", span("2023-12-11", "2023-12-15", "week")),
    ("last month", span("2023-11-01", "2023-11-30", "month")),
    ("late last month", span("2023-11-21", "2023-11-30", "week")),
    ("this month", span("2023-12-01", "2023-12-15", "month")),
    ("earlier this month", span("2023-12-01", "2023-12-15", "month")),
    ("earlier this year", span("2023-01-01", "2023-12-15", "year")),
    ("last year", span("2022-01-01", "2022-12-31", "year")),
    ("last year's", span("2022-01-01", "2022-12-31", "year")),
    ("this year", span("2023-01-01", "2023-12-15", "year")),
    ("two weeks ago", span("2023-11-28", "2023-12-04", "week")),  # the 7 days around ref - 14
    ("a fortnight ago", span("2023-11-28", "2023-12-04", "week")),
    ("three days ago", span("2023-12-12", None, "day")),
    ("about ten days ago", span("2023-12-05", None, "day")),
    ("a month ago", span("2023-10-31", "2023-11-30", "month")),
    ("a few days ago", span("2023-12-11", "2023-12-13", "week")),
    ("last weekend", span("2023-12-09", "2023-12-10", "week")),
    ("over the weekend", span("2023-12-09", "2023-12-10", "week")),
]

DURATIONS = [
    ("recently", span("2023-11-17", "2023-12-15", "span")),
    ("in recent weeks", span("2023-11-17", "2023-12-15", "span")),
    ("in recent days", span("2023-12-08", "2023-12-15", "span")),
    ("in recent months", span("2023-09-15", "2023-12-15", "span")),
    ("over the past two weeks", span("2023-12-01", "2023-12-15", "span")),
    ("in the past month", span("2023-11-15", "2023-12-15", "span")),
    ("over the last three months", span("2023-09-15", "2023-12-15", "span")),
    ("in the last three months", span("2023-09-15", "2023-12-15", "span")),
    ("over the past year", span("2022-12-15", "2023-12-15", "span")),
    ("the past 24 hours", span("2023-12-14", "2023-12-15", "span")),
    ("so far this year", span("2023-01-01", "2023-12-15", "span")),
]

PARTS = [
    ("mid-June", span("2023-06-11", "2023-06-20", "week")),
    ("mid June 2022", span("2022-06-11", "2022-06-20", "week")),
    ("early June", span("2023-06-01", "2023-06-10", "week")),
    ("late June", span("2023-06-21", "2023-06-30", "week")),
    ("the end of June", span("2023-06-21", "2023-06-30", "week")),
    ("the beginning of June", span("2023-06-01", "2023-06-10", "week")),
    ("the middle of February", span("2023-02-11", "2023-02-20", "week")),
    ("late February 2024", span("2024-02-21", "2024-02-29", "week")),
    ("mid-2023", span("2023-05-01", "2023-08-31", "season")),
    ("early 2023", span("2023-01-01", "2023-04-30", "season")),
    ("late 2022", span("2022-09-01", "2022-12-31", "season")),
    ("late 2023", span("2023-09-01", "2023-12-15", "season")),
    ("early last year", span("2022-01-01", "2022-04-30", "season")),
    ("the first week of March", span("2023-03-01", "2023-03-07", "week")),
    # "the last days of January": its last week, not "the last days" before the article
    ("in the last days of January", span("2023-01-25", "2023-01-31", "week")),
    ("the opening days of March", span("2023-03-01", "2023-03-07", "week")),
    ("in the closing days of 2023", span("2023-12-25", "2023-12-31", "week")),
    ("in the first six months of this year", span("2023-01-01", "2023-06-30", "season")),
    ("in the last seven months of 2021", span("2021-06-01", "2021-12-31", "season")),
    ("the last week of November", span("2023-11-24", "2023-11-30", "week")),
    ("the first ten days of April", span("2023-04-01", "2023-04-10", "week")),
    ("the second half of 2022", span("2022-07-01", "2022-12-31", "season")),
    ("the first quarter of 2023", span("2023-01-01", "2023-03-31", "season")),
]

SEASONS = [
    ("this summer", span("2023-03-01", "2023-05-31", "season")),
    ("during the monsoon", span("2023-06-01", "2023-10-31", "season")),
    ("the monsoon season", span("2023-06-01", "2023-10-31", "season")),
    ("the dry season", span("2023-11-01", "2023-12-15", "season")),
    ("the 2022-23 dry season", span("2022-11-01", "2023-05-31", "season")),
    ("last year's monsoon", span("2022-06-01", "2022-10-31", "season")),
    ("in the summer of 2022", span("2022-03-01", "2022-05-31", "season")),
]

HOLIDAYS = [
    ("on Armed Forces Day", span("2023-03-27", None, "day")),
    ("during the Thingyan holiday", span("2023-04-13", "2023-04-16", "week")),
    # two months joined by "and" are one span (a day after the second month is a count, not a date)
    ("joined the CDM in February and March", span("2023-02-01", "2023-03-31", "span")),
    ("in January and February 2022", span("2022-01-01", "2022-02-28", "span")),
    # "last month's" a named day: the latest one before the article, not the whole of last month
    ("during last month's Thingyan holiday", span("2023-04-13", "2023-04-16", "week")),
    ("on last month's Union Day", span("2023-02-12", None, "day")),
    ("on Martyrs' Day", span("2023-07-19", None, "day")),
    ("on New Year's Eve", span("2022-12-31", None, "day")),
    ("on New Year's Day", span("2023-01-01", None, "day")),
    ("on Christmas Eve", span("2022-12-24", None, "day")),
    # the eve of a named day is the day before it
    ("on the eve of Armed Forces Day", span("2023-03-26", None, "day")),
    ("on the eve of the 2022 Union Day", span("2022-02-11", None, "day")),
    ("at Christmas", span("2022-12-25", None, "day")),
    ("on International Women's Day", span("2023-03-08", None, "day")),
    ("the third anniversary of the military coup", span("2024-02-01", None, "day")),
    ("the coup anniversary", span("2023-02-01", None, "day")),
]

RANGES = [
    ("on Dec. 8 and 9", span("2023-12-08", "2023-12-09", "week")),
    ("on 18 and 19 November", span("2023-11-18", "2023-11-19", "week")),
    ("between March and May", span("2023-03-01", "2023-05-31", "span")),
    ("from March to May 2023", span("2023-03-01", "2023-05-31", "span")),
    ("from December to February", span("2022-12-01", "2023-02-28", "span")),
    ("between 2021 and 2022", span("2021-01-01", "2022-12-31", "span")),
    ("between Feb. 1 and March 3", span("2023-02-01", "2023-03-03", "span")),
    ("from March 2022 to May", span("2022-03-01", "2022-05-31", "span")),
    # a weekday at the end is of the week written in, not the first after the start
    ("between the start of October and Wednesday", span("2023-10-01", "2023-12-13", "span")),
]


@pytest.mark.parametrize(("expr", "expected"), ABSOLUTE + RELATIVE + PARTS + SEASONS + HOLIDAYS + RANGES)
def test_point_expressions(expr: str, expected: tuple) -> None:
    m = one(f"Soldiers left {expr} and more followed.", REF)
    assert m.kind == "point", m
    assert m.span is not None
    assert (m.span.start, m.span.end, m.span.precision) == expected
    assert resolve(expr, D(REF)) == m.span


@pytest.mark.parametrize(("expr", "expected"), DURATIONS)
def test_durations(expr: str, expected: tuple) -> None:
    m = one(f"Soldiers left {expr}, the group said.", REF)
    assert m.kind == "duration"
    assert m.span is not None
    assert (m.span.start, m.span.end, m.span.precision) == expected
    assert m.span.end == D(REF)


@pytest.mark.parametrize(
    ("text", "ref", "kind", "expected"),
    [
        ("since the coup", REF, "since", span("2021-02-01", REF, "span")),
        ("since the military coup", REF, "since", span("2021-02-01", REF, "span")),
        ("since the 2021 coup", REF, "since", span("2021-02-01", REF, "span")),
        ("since the putsch", REF, "since", span("2021-02-01", REF, "span")),
        ("since the Feb. 1 coup", REF, "since", span("2021-02-01", REF, "span")),
        ("since the military coup in February last year", "2022-05-20", "since", span("2021-02-01", "2022-05-20", "span")),
        ("since it seized power in a 2021 coup", REF, "since", span("2021-02-01", REF, "span")),
        ("since the military seized power", REF, "since", span("2021-02-01", REF, "span")),
        ("since the takeover", REF, "since", span("2021-02-01", REF, "span")),
        ("since the army's seizure of power", REF, "since", span("2021-02-01", REF, "span")),
        ("since the Spring Revolution began", REF, "since", span("2021-02-01", REF, "span")),
        ("since March", REF, "since", span("2023-03-01", REF, "span")),
        ("since January", REF, "since", span("2023-01-01", REF, "span")),
        ("since late 2022", REF, "since", span("2022-09-01", REF, "span")),
        ("since the middle of February", REF, "since", span("2023-02-11", REF, "span")),
        ("since 2021", REF, "since", span("2021-01-01", REF, "span")),
        ("since last Thursday", REF, "since", span("2023-12-14", REF, "span")),
        ("after the coup", REF, "since", span("2021-02-02", REF, "span")),
        ("since the start of Operation 1027", REF, "since", span("2023-10-27", REF, "span")),
        ("since Operation 1027 began on Oct. 27", REF, "since", span("2023-10-27", REF, "span")),
        ("since Operation 1111 began", REF, "since", span("2023-11-11", REF, "span")),
        ("since Operation 1107 began", REF, "since", span("2023-11-07", REF, "span")),
        ("since Cyclone Mocha struck", REF, "since", span("2023-05-14", REF, "span")),
        ("since the second phase of Operation 1027 began", "2024-09-01", "since", span("2024-06-25", "2024-09-01", "span")),
        ("since Operation 1027's second phase began", "2024-09-01", "since", span("2024-06-25", "2024-09-01", "span")),
        ("since the March 28 earthquake", "2025-05-01", "since", span("2025-03-28", "2025-05-01", "span")),
        ("since the conscription law was activated", "2024-06-01", "since", span("2024-02-10", "2024-06-01", "span")),
        ("since the People's Military Service Law was activated", "2024-06-01", "since",
         span("2024-02-10", "2024-06-01", "span")),
        ("since the junta activated the conscription law", "2024-06-01", "since", span("2024-02-10", "2024-06-01", "span")),
        ("since the fall of Lashio", "2024-12-30", "since", span("2024-08-03", "2024-12-30", "span")),
        ("since the Northeastern Command fell", "2024-12-30", "since", span("2024-08-03", "2024-12-30", "span")),
        ("since the military's Western Command in Ann fell", "2024-12-30", "since", span("2024-12-20", "2024-12-30", "span")),
        ("since the surrender of Myawaddy", "2024-06-01", "since", span("2024-04-11", "2024-06-01", "span")),
        ("since the capture of Mogoke", "2024-09-01", "since", span("2024-07-24", "2024-09-01", "span")),
        ("since Laukkai fell", "2024-03-01", "since", span("2024-01-05", "2024-03-01", "span")),
        ("since the fall of Falam", "2025-06-01", "since", span("2025-04-07", "2025-06-01", "span")),
        ("since the new year", "2025-02-12", "since", span("2025-01-01", "2025-02-12", "span")),
        ("since the start of the new year", "2025-02-12", "since", span("2025-01-01", "2025-02-12", "span")),
        ("until October", REF, "until", span("2023-10-01", "2023-10-31", "month")),
        ("by October", REF, "until", span("2023-10-01", "2023-10-31", "month")),
        ("until October 2022", REF, "until", span("2022-10-01", "2022-10-31", "month")),
        ("until August 15", "2021-08-10", "until", span("2021-08-15", None, "day")),  # a deadline ahead
        ("by the end of the year", "2023-06-15", "until", span("2023-09-01", "2023-12-31", "season")),
        ("before the end of the month", "2023-06-15", "until", span("2023-06-21", "2023-06-30", "week")),
        ("as of May 3", REF, "until", span("2023-05-03", None, "day")),
        ("before the coup", REF, "until", span("2021-01-31", None, "day")),
        ("Before 2021", REF, "until", span("2020-12-31", None, "day")),
    ],
)
def test_open_ranges(text: str, ref: str, kind: str, expected: tuple) -> None:
    m = one(f"Police have joined {text}, officials said.", ref)
    assert m.kind == kind
    assert m.span is not None
    assert (m.span.start, m.span.end, m.span.precision) == expected


def test_between_months_needs_no_year() -> None:
    m = one("Between March and May, 40 soldiers left.", REF)
    assert m.text == "Between March and May"


# --- weekdays --------------------------------------------------------------------------------
@pytest.mark.parametrize(("context", "start"), [
    ("The conscription law was activated in February 2024.", D("2024-02-10")),
    ("A new land law was passed.", None),
])
def test_the_law_is_the_conscription_law_in_a_text_about_it(context: str, start: dt.date | None) -> None:
    found = [m for m in find_dates("Since the law came in, about 1,900 conscripts have contacted us.", D("2025-01-20"),
                                   context=context) if m.span is not None]
    assert [m.span.start for m in found] == ([start] if start else [])


@pytest.mark.parametrize(
    ("text", "ref", "expected"),
    [
        ("on Sunday", "2021-03-02", "2021-02-28"),
        ("on Tuesday", "2021-03-02", "2021-03-02"),  # ref is a Tuesday: news style names the day itself
        ("last Tuesday", "2021-03-02", "2021-02-23"),  # "last" is the week before
        ("Today, Tuesday, they walked out", "2021-03-02", "2021-03-02"),  # ...unless "today" says so
        ("last Friday", "2021-03-02", "2021-02-26"),
        ("on Monday morning", "2021-03-02", "2021-03-01"),
        ("on Thursday night", "2021-03-02", "2021-02-25"),
        ("Sunday's crackdown", "2021-03-02", "2021-02-28"),
        ("next Sunday", "2021-03-02", "2021-03-07"),
        ("on the Friday before last", "2021-03-02", "2021-02-19"),  # a week before last Friday
    ],
)
def test_weekdays(text: str, ref: str, expected: str) -> None:
    found = [m for m in find_dates(text, D(ref)) if m.rule == "weekday"]
    assert len(found) == 1
    assert found[0].span == DateSpan.day(D(expected))


def test_weekday_range() -> None:
    m = one("from Monday to Wednesday", "2024-06-06")  # a Thursday
    assert m.span is not None
    assert (m.span.start, m.span.end) == (D("2024-06-03"), D("2024-06-05"))


# --- forward-looking words are allowed past ref ------------------------------------------------
@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("next month", span("2024-01-01", "2024-01-31", "month")),
        ("tomorrow", span("2023-12-16", None, "day")),
        ("later this month", span("2023-12-15", "2023-12-31", "month")),
        ("next year", span("2024-01-01", "2024-12-31", "year")),
        ("next March", span("2024-03-01", "2024-03-31", "month")),
    ],
)
def test_future_words(expr: str, expected: tuple) -> None:
    s = resolve(expr, D(REF))
    assert s is not None
    assert (s.start, s.end, s.precision) == expected


# --- anchors ---------------------------------------------------------------------------------
def test_anchor_table_is_one_place() -> None:
    names = [a.name for a in ANCHORS]
    assert len(names) == len(set(names))
    assert {"coup", "operation_1027", "conscription_law", "spring_revolution"} <= set(names)
    by = {a.name: a.day for a in ANCHORS}
    assert by["coup"] == by["spring_revolution"] == D("2021-02-01")
    assert by["operation_1027"] == D("2023-10-27")
    assert by["conscription_law"] == D("2024-02-10")


def test_offensive_needs_operation_1027_context() -> None:
    text = "Over 100 soldiers have surrendered since the offensive began."
    assert find_dates(text, D("2024-02-01")) == []
    m = one(text, "2024-02-01", context="The Brotherhood Alliance launched Operation 1027 in October.")
    assert (m.kind, m.anchor) == ("since", "operation_1027")
    assert m.span == DateSpan(start=D("2023-10-27"), end=D("2024-02-01"), precision="span")
    m = one("The Brotherhood Alliance says 100 surrendered since the offensive began.", "2024-02-01")
    assert m.anchor == "operation_1027"


def test_the_earthquake_needs_its_year_or_magnitude_in_the_article() -> None:
    text = "Forty police have left their posts since the earthquake."
    assert find_dates(text, D("2025-05-01")) == []
    m = one(text, "2025-05-01", context="The magnitude 7.7 quake struck near Mandalay.")
    assert (m.kind, m.anchor) == ("since", "earthquake_2025")


def test_the_disaster_is_the_earthquake_only_in_a_text_that_tells_of_it() -> None:
    text = "Seven soldiers slipped away from their unit days after the disaster."
    m = one(text, "2025-04-08", context="The Sagaing earthquake struck at midday.")
    assert (m.span.start, m.span.end) == (D("2025-03-29"), D("2025-04-04"))
    assert find_dates(text, D("2025-04-08"), context="Floods hit Bago in 2025.") == []


def test_bare_anchors_are_hidden_but_shield_their_dates() -> None:
    text = "Protests against the February 1 coup spread; the 2021 coup was condemned."
    assert find_dates(text, D("2021-03-02")) == []  # "February 1" and "2021" are not event dates
    found = find_dates(text, D("2021-03-02"), include_bare_anchors=True)
    assert [m.anchor for m in found] == ["coup", "coup"]
    assert all(m.kind == "point" and m.span == DateSpan.day(D("2021-02-01")) for m in found)
    assert resolve("the coup", None) == DateSpan.day(D("2021-02-01"))


def test_other_coups_are_not_the_coup() -> None:
    assert find_dates("the worst violence since the 1962 coup", D(REF)) == []
    assert find_dates("anti-coup protesters marched", D(REF)) == []


# --- no reference date -----------------------------------------------------------------------
def test_without_ref() -> None:
    text = ("Since the coup, and since March, on Sunday, on March 3, 2022, in May 2023, last week, "
            "until October 2023, since March 2023.")
    got = {m.text: m for m in find_dates(text, None)}
    assert got["Since the coup"].span is None and got["Since the coup"].base == DateSpan.day(D("2021-02-01"))
    assert got["since March"].span is None
    assert got["on Sunday"].span is None
    assert got["last week"].span is None
    assert got["on March 3, 2022"].span == DateSpan.day(D("2022-03-03"))
    assert got["in May 2023"].span == DateSpan(start=D("2023-05-01"), end=D("2023-05-31"), precision="month")
    assert got["until October 2023"].kind == "until"
    assert got["until October 2023"].span == DateSpan(start=D("2023-10-01"), end=D("2023-10-31"), precision="month")
    assert got["since March 2023"].span is None
    assert got["since March 2023"].base is not None
    assert resolve("March", None) is None
    assert resolve("mid-June 2023", None) == DateSpan(start=D("2023-06-11"), end=D("2023-06-20"), precision="week")


def test_datetime_ref_is_accepted() -> None:
    assert resolve("yesterday", dt.datetime(2023, 12, 15, 9, 30)) == DateSpan.day(D("2023-12-14"))


# --- things that are not dates ---------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Officials say they may 14 times have asked.",
        "Protesters march on the capital.",
        "About 2000 soldiers and a force of 2000 troops.",
        "Copyright (c) 1998-2023 The Irrawaddy.",
        "The army of Myanmar said so.",
        "They were given until the last day of the offer.",
        "Men aged between 18 and 35 must register.",
        "Over 2,000 people fled.",
        "The regime has stepped up its offensive in Rakhine.",
    ],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text, D(REF)) == []


def test_longest_match_wins_and_order() -> None:
    text = ("Since the February 1 coup, police defected on Monday; by mid-June 2023 and in late October "
            "more joined, and between March and May some left.")
    found = find_dates(text, D(REF))
    assert [m.text for m in found] == [
        "Since the February 1 coup", "on Monday", "by mid-June 2023", "in late October", "between March and May",
    ]


def test_resolve_falls_back_to_dateparser() -> None:
    # The grammar has no numeric day.month.year form; dateparser parses the isolated string.
    assert find_dates("15.03.2023", D(REF)) == []
    assert resolve("15.03.2023", D(REF)) == DateSpan.day(D("2023-03-15"))
    assert resolve("15.03.2023", None) == DateSpan.day(D("2023-03-15"))
    assert resolve("5th of November 2023", None) == DateSpan.day(D("2023-11-05"))
    assert resolve("xyzzy", D(REF)) is None
    assert resolve("", D(REF)) is None


# --- hypothesis round-trips ------------------------------------------------------------------
refs = st.dates(min_value=dt.date(2021, 2, 1), max_value=dt.date(2026, 12, 31))
MONTH_FORMS = {
    m: [calendar.month_name[m], calendar.month_abbr[m] + ".", calendar.month_abbr[m]]
    + (["Sept.", "Sept"] if m == 9 else [])
    for m in range(1, 13)
}
for _forms in MONTH_FORMS.values():
    if "May." in _forms:
        _forms.remove("May.")


def _ordinal(n: int) -> str:
    return str(n) + ("th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))


def _check(s: DateSpan | None, truth: dt.date, ref: dt.date, precision: str, days: tuple[int, int]) -> None:
    assert s is not None
    assert s.start <= truth <= s.end, (s, truth)
    assert s.end <= ref, (s, ref)
    assert s.precision == precision
    assert days[0] <= s.days <= days[1], s


@HYP
@given(refs, st.integers(1, 400))
def test_days_ago(ref: dt.date, n: int) -> None:
    truth = ref - dt.timedelta(days=n)
    _check(resolve(f"{n} days ago", ref), truth, ref, "day", (1, 1))


@HYP
@given(refs, st.integers(0, 6), st.sampled_from(["on {}", "last {}", "{}", "on {} night"]))
def test_weekday_round_trip(ref: dt.date, back: int, template: str) -> None:
    if template.startswith("last"):
        back += 1  # "last Tuesday" is strictly before the article's day
    truth = ref - dt.timedelta(days=back)
    text = "Soldiers crossed over " + template.format(calendar.day_name[truth.weekday()]) + "."
    m = one(text, ref)
    _check(m.span, truth, ref, "day", (1, 1))
    assert m.span == DateSpan.day(truth)


@HYP
@given(refs, st.integers(0, 364), st.data())
def test_yearless_day_round_trip(ref: dt.date, back: int, data: st.DataObject) -> None:
    truth = ref - dt.timedelta(days=back)
    month = data.draw(st.sampled_from(MONTH_FORMS[truth.month]))
    template = data.draw(st.sampled_from(["{m} {d}", "on {m} {d}", "{d} {m}", "on {m} {o}", "the {o} of {m}"]))
    expr = template.format(m=month, d=truth.day, o=_ordinal(truth.day))
    m = one(f"Police said that {expr}, twelve officers left.", ref)
    assert m.span == DateSpan.day(truth), expr


@HYP
@given(refs, st.integers(0, 27))
def test_day_of_the_month_alone_round_trip(ref: dt.date, back: int) -> None:
    """'On the 3rd, ...': the latest such day up to the article's (this month's or last month's)."""
    truth = ref - dt.timedelta(days=back)
    m = one(f"On the {_ordinal(truth.day)}, twelve officers left the station.", ref)
    assert m.span == DateSpan.day(truth)


@HYP
@given(refs, st.integers(1, 3), st.data())
def test_between_two_days_of_a_month_round_trip(ref: dt.date, length: int, data: st.DataObject) -> None:
    """A span within the article's month, over by its day (a span never ends after it)."""
    ref = ref.replace(day=max(ref.day, length + 1))
    d2 = data.draw(st.integers(length + 1, ref.day))
    d1 = d2 - length
    month = data.draw(st.sampled_from(MONTH_FORMS[ref.month]))
    template = data.draw(st.sampled_from(["between {m} {a} and {b}", "between {a} and {b} {m}"]))
    m = one("Soldiers left their posts " + template.format(m=month, a=d1, b=d2) + f", {ref.year}.", ref)
    assert (m.span.start, m.span.end) == (ref.replace(day=d1), ref.replace(day=d2))


@pytest.mark.parametrize("text", ["the fighting on the 2nd and 3rd floors", "the 10th battalion", "March 4 and 7 were quiet"])
def test_a_day_of_the_month_needs_its_own_clause(text: str) -> None:
    found = find_dates(text, dt.date(2024, 3, 13))
    assert all(m.span.start != m.span.end or m.text.startswith("March 4") for m in found)
    assert not any(m.span.end > m.span.start for m in found)


@HYP
@given(refs, st.integers(1, 20), st.sampled_from(["after", "following"]))
def test_days_after_a_dated_day_round_trip(ref: dt.date, n: int, prep: str) -> None:
    """'three days after March 2': the day itself, not everything since."""
    day = ref - dt.timedelta(days=n + 3)
    truth = day + dt.timedelta(days=n)
    m = one(f"Soldiers left their posts {n} days {prep} {day.strftime('%B')} {day.day}, {day.year}.", ref)
    assert m.span == DateSpan.day(truth)


@HYP
@given(refs, st.integers(1, 300), st.sampled_from(["after", "before"]))
def test_the_day_after_or_before_a_dated_day_round_trip(ref: dt.date, back: int, prep: str) -> None:
    """'the day after March 2, 2024' is March 3; 'the day before' March 1."""
    day = ref - dt.timedelta(days=back + 1)
    truth = day + dt.timedelta(days=1 if prep == "after" else -1)
    m = one(f"Soldiers left their posts the day {prep} {day.strftime('%B')} {day.day}, {day.year}.", ref)
    assert m.span == DateSpan.day(truth)


@pytest.mark.parametrize(("text", "expected"), [
    ("two days after the coup", ("2021-02-03", "2021-02-03")),
    ("a week after the coup", ("2021-02-08", "2021-02-08")),
    ("in the days after the conscription law was activated", ("2024-02-11", "2024-02-17")),
    ("in the weeks following Operation 1027", ("2023-11-03", "2023-12-01")),
    ("shortly after the coup", ("2021-02-02", "2021-02-15")),
    ("weeks before the coup", ("2020-12-28", "2021-01-25")),
    ("in the year since the coup", ("2021-02-01", "2022-02-01")),
    ("within a month of the coup", ("2021-02-01", "2021-03-03")),
    # "in the first N months after": the whole stretch, not the day N months on
    ("in the first two months after the coup", ("2021-02-01", "2021-04-02")),
    ("in the first year after the coup", ("2021-02-01", "2022-02-01")),
    ("earlier in the month", ("2024-03-01", "2024-03-13")),
    ("the day after Union Day", ("2024-02-13", "2024-02-13")),
    ("on the day before the coup", ("2021-01-31", "2021-01-31")),
    ("in the week after Peasants' Day", ("2024-03-03", "2024-03-09")),
    # a weekday, a day or a weekend counted from a named day
    ("on the Tuesday before Union Day", ("2024-02-06", "2024-02-06")),
    ("the Monday after Thingyan in 2023", ("2023-04-17", "2023-04-17")),
    ("on the first day of Thingyan in 2022", ("2022-04-13", "2022-04-13")),
    ("on the last day of Thingyan in 2022", ("2022-04-16", "2022-04-16")),
    ("on the first weekend of the new year", ("2024-01-06", "2024-01-07")),
    # a festival of several days, moved: its days a week on, never within it
    ("a week after Thingyan in 2021", ("2021-04-20", "2021-04-23")),
    ("days after Thingyan in 2023", ("2023-04-17", "2023-04-23")),
    # the calendar week, month or year holding a known day
    ("in the week the conscription law was activated", ("2024-02-05", "2024-02-11")),
    ("during the month of the coup", ("2021-02-01", "2021-02-28")),
    ("in the week of Union Day", ("2024-02-12", "2024-02-18")),
    # days spelt out as a transcript gives them, and the press's "1027"
    ("between the first of July and the thirty-first of August 2023", ("2023-07-01", "2023-08-31")),
    ("on the twenty first of May 2023", ("2023-05-21", "2023-05-21")),
    ("in the year since 1027 began", ("2023-10-27", "2024-03-13")),
    # a day counted from the coup (its own day the first)
    ("on the 100th day since the coup", ("2021-05-11", "2021-05-11")),
    ("on the one thousandth day since the military seized power", ("2023-10-28", "2023-10-28")),
    # a weekday of a named week, a day of a named month, the year to a month, a year of the coup
    ("on Tuesday of last week", ("2024-03-05", "2024-03-05")),
    ("on Friday last week", ("2024-03-08", "2024-03-08")),
    ("on the night of the seventh of last month", ("2024-02-07", "2024-02-07")),
    ("on the 12th of this month", ("2024-03-12", "2024-03-12")),
    ("in the year to March", ("2023-04-01", "2024-03-13")),  # (never after the writing)
    ("in the second year of the coup", ("2022-02-01", "2023-01-31")),
    ("the third year since the military takeover", ("2023-02-01", "2024-01-31")),
])
def test_how_long_after_or_before_a_known_day(text: str, expected: tuple[str, str]) -> None:
    (m,) = find_dates(f"Soldiers left their units {text}.", dt.date(2024, 3, 13))
    assert (m.kind, str(m.span.start), str(m.span.end)) == ("point", *expected)


@HYP
@given(refs, st.data())
def test_last_month_round_trip(ref: dt.date, data: st.DataObject) -> None:
    first = (ref.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    last = ref.replace(day=1) - dt.timedelta(days=1)
    truth = data.draw(st.dates(min_value=first, max_value=last))
    _check(resolve("last month", ref), truth, ref, "month", (28, 31))


@HYP
@given(refs, st.data())
def test_mid_month_round_trip(ref: dt.date, data: st.DataObject) -> None:
    truth = data.draw(st.dates(min_value=dt.date(2020, 1, 11), max_value=ref).filter(lambda d: 11 <= d.day <= 20))
    expr = f"mid-{calendar.month_name[truth.month]} {truth.year}"
    s = resolve(expr, ref)
    assert s is not None
    _check(s, truth, ref, "week", (1, 10))
    if s.end < ref:
        assert s.days == 10


@HYP
@given(refs, st.data())
def test_iso_round_trip(ref: dt.date, data: st.DataObject) -> None:
    truth = data.draw(st.dates(min_value=dt.date(2015, 1, 1), max_value=ref))
    m = one(f"Updated {truth.isoformat()} by staff", ref)
    _check(m.span, truth, ref, "day", (1, 1))


@HYP
@given(refs, st.integers(1, 12), st.sampled_from(["weeks", "months"]))
def test_weeks_and_months_ago(ref: dt.date, n: int, unit: str) -> None:
    if unit == "weeks":
        truth, prec, days = ref - dt.timedelta(weeks=n), "week", (7, 7)
    else:
        y, mo = divmod(ref.month - 1 - n, 12)
        truth = dt.date(ref.year + y, mo + 1, min(ref.day, calendar.monthrange(ref.year + y, mo + 1)[1]))
        prec, days = "month", (16, 31)
    _check(resolve(f"{n} {unit} ago", ref), truth, ref, prec, days)


@HYP
@given(refs, st.integers(1, 30), st.sampled_from(["days", "weeks"]),
       st.sampled_from(["over the past {n} {u}", "in the last {n} {u}", "during the past {n} {u}"]))
def test_duration_round_trip(ref: dt.date, n: int, unit: str, template: str) -> None:
    m = one(template.format(n=n, u=unit), ref)
    assert m.kind == "duration"
    assert m.span is not None
    assert m.span.end == ref
    assert m.span.days == n * (1 if unit == "days" else 7) + 1


PAST_EXPRESSIONS = [
    "in March", "late June", "early September", "the monsoon", "the dry season", "this year", "this month",
    "this week", "recently", "last week", "last month", "last year", "in recent weeks", "on Sunday",
    "on Friday", "May 14", "December 31", "February 29", "mid-last year", "late last year", "two weeks ago",
    "a month ago", "earlier this year", "the end of October", "the first week of January", "in the past month",
    "between March and May", "from December to February", "this summer", "on Armed Forces Day",
]


@HYP
@given(refs, st.sampled_from(PAST_EXPRESSIONS))
def test_past_words_never_end_after_ref(ref: dt.date, expr: str) -> None:
    s = resolve(expr, ref)
    assert s is not None, expr
    assert s.end <= ref, (expr, s)


FRAGMENTS = [
    "since the coup", "on Sunday", "last month", "mid-June 2023", "in recent weeks", "May 14", "until October",
    "the February 1 coup", "between March and May", "2021-03-04", "late last month", "over the past two weeks",
    "soldiers", "defected", "to the KNU", "and", ",", "more than 150", "Operation 1027", "the monsoon",
]


@HYP
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=12), st.one_of(st.none(), refs))
def test_mentions_sorted_disjoint_and_exact(parts: list[str], ref: dt.date | None) -> None:
    text = " ".join(parts)
    found = find_dates(text, ref, include_bare_anchors=True)
    for m in found:
        assert text[m.start:m.end] == m.text
        assert m.kind in ("point", "since", "until", "duration")
        if ref is not None and m.span is not None and m.kind in ("point", "duration", "since"):
            # nothing in these fragments points forward
            assert m.span.end <= ref or m.kind == "point" and m.base is not None and m.base.start > ref
    for a, b in zip(found, found[1:]):
        assert a.end <= b.start


@pytest.mark.parametrize(
    ("text", "context", "start"),
    [
        ("since the operation began", "Operation 1111 was launched on Nov. 11.", "2023-11-11"),
        ("since the offensive began", "The Brotherhood Alliance's Operation 1027 opened in Shan State.", "2023-10-27"),
    ],
)
def test_operation_anchors_named_earlier_in_the_article(text: str, context: str, start: str) -> None:
    found = find_dates(text, D("2023-12-05"), context=context)
    assert len(found) == 1 and found[0].kind == "since"
    assert found[0].span.start == D(start) and found[0].span.end == D("2023-12-05")


def test_bare_operation_needs_context() -> None:
    assert find_dates("since the operation began", D("2023-12-05")) == []


@pytest.mark.parametrize("people", ["19 soldiers defected", "12 police officers joined the CDM"])
def test_a_day_and_a_count_are_not_a_range_of_days(people: str) -> None:
    found = find_dates(f"On March 4 and {people}.", D(REF))
    assert [(f.span.start, f.span.end) for f in found if f.span] == [(D("2023-03-04"), D("2023-03-04"))]


@HYP
@given(refs, st.integers(1, 24), st.integers(0, 11), st.booleans())
def test_n_months_to_a_month_round_trip(ref: dt.date, n: int, back: int, with_year: bool) -> None:
    """'in the three months to June': the n months that end with that month's last day (or the
    article's, when the month is the article's own)."""
    last = dt.date(ref.year, ref.month, 1)
    for _ in range(back):
        last = (last - dt.timedelta(days=1)).replace(day=1)
    first = last
    for _ in range(n - 1):
        first = (first - dt.timedelta(days=1)).replace(day=1)
    year = f" {last.year}" if with_year else ""
    m = one(f"The network recorded 257 defections in the {n} months to {calendar.month_name[last.month]}{year}.", ref)
    end = dt.date(last.year, last.month, calendar.monthrange(last.year, last.month)[1])
    assert (m.span.start, m.span.end) == (first, min(end, ref))


@HYP
@given(st.sampled_from(sorted(LUNAR_HOLIDAYS)), st.data())
def test_lunar_festivals_round_trip(key: str, data: st.DataObject) -> None:
    """'around Thadingyut 2023', 'since Tazaungdaing': the full-moon day of that year's lunar month
    and the days either side; without a year, the latest one before the article."""
    year = data.draw(st.sampled_from(sorted(LUNAR_HOLIDAYS[key][1])))
    full_moon = dt.date(year, *LUNAR_HOLIDAYS[key][1][year])
    name = key.capitalize()
    m = one(f"Four soldiers left around {name} {year}.", "2026-12-31")
    assert (m.span.start, m.span.end) == (full_moon - dt.timedelta(days=1), full_moon + dt.timedelta(days=1))
    ref = full_moon + dt.timedelta(days=data.draw(st.integers(2, 300)))
    m = one(f"Four soldiers left during {name}.", ref)
    assert m.span.start == full_moon - dt.timedelta(days=1)


@pytest.mark.parametrize(("text", "start", "end"), [
    ("in the week before Union Day", dt.date(2023, 2, 5), dt.date(2023, 2, 11)),
    ("in the days before Thingyan", dt.date(2023, 4, 8), dt.date(2023, 4, 12)),
    ("in the days after Christmas", dt.date(2022, 12, 26), dt.date(2022, 12, 30)),
    ("in the days leading up to Martyrs' Day", dt.date(2023, 7, 14), dt.date(2023, 7, 18)),
])
def test_the_days_or_week_before_or_after_a_named_day(text: str, start: dt.date, end: dt.date) -> None:
    span = resolve(text, D(REF))
    assert span is not None and (span.start, span.end) == (start, end)
