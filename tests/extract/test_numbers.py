"""Count parsing: digits, words, hedges, vague quantities, ranges, implied arithmetic."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from allegiance.extract.numbers import VAGUE_LOW, find_counts, number_value, parse_count

WORDS = {
    1: "one", 2: "two", 3: "three", 7: "seven", 11: "eleven", 12: "twelve", 15: "fifteen",
    20: "twenty", 45: "forty-five", 99: "ninety-nine", 100: "one hundred", 300: "three hundred",
}


@pytest.mark.parametrize(
    ("phrase", "value", "low", "high", "qualifier"),
    [
        ("Twelve", 12, 12, 12, "exact"),
        ("more than 150", 150, 151, None, "at_least"),
        ("over 2,000", 2000, 2001, None, "at_least"),
        ("at least 25", 25, 25, None, "at_least"),
        ("about 13,000", 13000, 13000, 13000, "approx"),
        ("nearly 200", 200, 200, 200, "approx"),
        ("some 3,000", 3000, 3000, 3000, "approx"),
        ("up to 40", 40, None, 40, "at_most"),
        ("fewer than 40", 40, None, 39, "at_most"),
        ("dozens", None, 24, None, "vague"),
        ("hundreds", None, 200, None, "vague"),
        ("scores", None, 40, None, "vague"),
        ("40 to 50", 45, 40, 50, "approx"),
        ("between 30 and 40", 35, 30, 40, "approx"),
        ("two dozen", 24, 24, 24, "approx"),
        ("a dozen", 12, 12, 12, "approx"),
        ("200-plus", 200, 200, None, "at_least"),
        ("1.5 million", 1_500_000, 1_500_000, 1_500_000, "exact"),
        ("two units, each with about 300 men", 600, 600, 600, "approx"),
    ],
)
def test_parse_count(phrase: str, value, low, high, qualifier) -> None:
    c = parse_count(phrase)
    assert c is not None
    assert (c.value, c.low, c.high, c.qualifier) == (value, low, high, qualifier)


def test_two_figures_in_one_phrase_are_two_counts() -> None:
    found = find_counts("127 soldiers and 134 family members")
    assert [c.count.value for c in found] == [127, 134]


def test_no_count_in_plain_words() -> None:
    assert parse_count("the soldiers defected") is None


@given(st.integers(min_value=0, max_value=10_000_000))
def test_digits_with_commas_round_trip(n: int) -> None:
    assert number_value(f"{n:,}") == n
    assert number_value(str(n)) == n


@given(st.sampled_from(sorted(WORDS)))
def test_number_words_round_trip(n: int) -> None:
    assert number_value(WORDS[n]) == n
    assert parse_count(WORDS[n].capitalize()).value == n


@given(
    st.integers(min_value=2, max_value=100_000),
    st.sampled_from([("more than", "at_least", 1, None), ("at least", "at_least", 0, None),
                     ("about", "approx", 0, 0), ("up to", "at_most", None, 0), ("fewer than", "at_most", None, -1)]),
)
def test_hedges_set_bounds(n: int, hedge) -> None:
    words, qualifier, low_off, high_off = hedge
    c = parse_count(f"{words} {n:,}")
    assert c is not None and c.qualifier == qualifier and c.value == n
    assert c.low == (None if low_off is None else n + low_off)
    assert c.high == (None if high_off is None else n + high_off)


@given(st.integers(min_value=1, max_value=5000), st.integers(min_value=1, max_value=5000), st.sampled_from([" to ", "-", " – "]))
def test_ranges_keep_both_ends(a: int, b: int, sep: str) -> None:
    lo, hi = sorted((a, b))
    assume(lo < hi)
    c = parse_count(f"{lo}{sep}{hi}")
    assert c is not None and (c.low, c.high, c.qualifier) == (lo, hi, "approx")
    assert lo <= c.value <= hi


@pytest.mark.parametrize("word", sorted(VAGUE_LOW))
def test_every_vague_word_is_read(word: str) -> None:
    c = parse_count(word)
    assert c is not None and c.qualifier == "vague" and c.low == VAGUE_LOW[word]


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December", "Jan.", "Sept.", "Oct"]


@given(day=st.integers(1, 31), month=st.sampled_from(MONTHS), year=st.integers(2021, 2026),
       people=st.integers(2, 5000), day_first=st.booleans())
def test_the_numbers_of_a_date_are_not_counts(day, month, year, people, day_first):
    date = f"{day} {month} {year}" if day_first else f"{month} {day}, {year}"
    found = find_counts(f"On {date}, {people:,} soldiers left their posts.")
    assert [c.count.value for c in found] == [people]


@given(share=st.integers(1, 100), mark=st.sampled_from(["%", " percent", " per cent"]), people=st.integers(2, 5000))
def test_a_share_is_not_a_count(share, mark, people):
    found = find_counts(f"Police made up {share}{mark} of the {people:,} defectors.")
    assert [c.count.value for c in found] == [people]


@given(st.integers(min_value=1, max_value=40), st.sampled_from(["", "12"]))
def test_a_thread_posts_number_is_no_count(n: int, of: str) -> None:
    # "4/ Defections are quieter.", "3/12 The surrenders ...": the post's place in a thread
    assert find_counts(f"{n}/{of} Defections are quieter.") == []
    assert [c.count.value for c in find_counts(f"{n}/{of} Then {n + 1} soldiers left.")] == [n + 1]


@pytest.mark.parametrize(("text", "low"), [
    ("several hundred others", 300), ("a few hundred soldiers", 200), ("several thousand troops", 3000),
    ("a few thousand police", 2000), ("several dozen officers", 36), ("a few dozen men", 24),
])
def test_some_multiple_of_a_unit_is_vague(text, low):
    (found,) = find_counts(text)
    assert (found.count.value, found.count.low, found.count.qualifier) == (None, low, "vague")


def test_a_tilde_hedges_a_figure():
    (found,) = find_counts("a further ~500 made contact")
    assert (found.count.value, found.count.qualifier) == (500, "approx")
