"""The boilerplate filter: what it drops, why, and that it keeps every article line unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from allegiance.ingest import clean
from allegiance.ingest.boilerplate import classify_line, date_stamp


def _shared_dir() -> Path:
    """shared/ beside the repository (as CI lays it out), else the workplace copy."""
    beside = Path(__file__).resolve().parents[3] / "shared"
    return beside if beside.is_dir() else Path("/work/shared")


FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = _shared_dir() / "seeds"


def _seed(prefix: str) -> str:
    if not SEEDS.is_dir():
        pytest.skip("shared seeds not present")
    found = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not found:
        pytest.skip(f"seed {prefix} not present")
    return found[0].read_text(encoding="utf-8")


def _assert_kept_exactly(text: str, cleaned: str, dropped: set[int]) -> None:
    """Every non-dropped non-blank line is kept, unchanged and in order; nothing else is."""
    expected = [line for i, line in enumerate(text.split("\n")) if i not in dropped and line.strip()]
    kept = [line for line in cleaned.split("\n") if line.strip()]
    assert kept == expected


# --- the real seeds (read from shared/ at test time) -----------------------------------------

# seed prefix -> {0-based line: reason}; the dropped headers are named, the headlines are not
SEED_DROPS = {
    "000": {10: "related-list", 11: "related-list", 12: "related-list", 13: "related-list"},
    "002": {24: "related-list", 26: "chrome", 28: "job-ad", 30: "job-ad"},
    "004": {},
}
SEED_DROPPED_TEXT = {
    "000": {10: "You may also like these stories:"},
    "002": {24: "Related Articles", 26: "Back to top button", 28: "Job Vacancy: Digital Specialist",
            30: "Job Vacancy: Digital Specialist"},
}


@pytest.mark.parametrize("prefix", sorted(SEED_DROPS))
def test_seed_drops_exactly_the_boilerplate(prefix: str) -> None:
    text = _seed(prefix)
    cleaned, removed = clean(text)
    assert {b.line: b.reason for b in removed} == SEED_DROPS[prefix]
    for line, expected in SEED_DROPPED_TEXT.get(prefix, {}).items():
        assert next(b.text for b in removed if b.line == line).strip() == expected
    _assert_kept_exactly(text, cleaned, set(SEED_DROPS[prefix]))


def test_seed_000_drops_the_three_headlines_after_the_header() -> None:
    text = _seed("000")
    lines = text.split("\n")
    header = lines.index("You may also like these stories:")
    _, removed = clean(text)
    assert [b.line for b in removed] == list(range(header, len(lines)))


@pytest.mark.parametrize("prefix", sorted(SEED_DROPS))
def test_seed_keeps_the_first_line_headline(prefix: str) -> None:
    text = _seed(prefix)
    cleaned, _ = clean(text)
    assert cleaned.split("\n")[0] == text.split("\n")[0]


# --- own fixtures ----------------------------------------------------------------------------


def test_footer_fixture_reasons() -> None:
    text = (FIXTURES / "chrome_footer.txt").read_text(encoding="utf-8")
    cleaned, removed = clean(text)
    reasons = {b.text: b.reason for b in removed}
    assert reasons == {
        "Skip to content": "chrome",
        "Home | News | Regions | Opinion | Podcast": "chrome",
        "By Thiri Aung": "byline",
        "Photo: A police station in Magway Region. (Supplied)": "photo-credit",
        "Share on Facebook | Share on Telegram": "chrome",
        "Advertisement": "chrome",
        "The five men brought two rifles with them, according to a spokesman for the group, "
        "who said they had been in contact for several weeks.": "duplicate",
        "Please consider supporting us. Every donation helps our reporters stay in the field.":
            "donation",
        "Get our newsletter": "newsletter",
        "We use cookies to improve your experience. By continuing to browse this site you agree "
        "to our use of cookies.": "cookie",
        "Read also": "related-list",
        "Troops burn homes in Gangaw villages": "related-list",
        "Families flee air strikes near Pauk": "related-list",
        "Follow us on Telegram": "chrome",
        "Job Vacancy: Burmese-English Translator": "job-ad",
        "(c) 2023 Example News Agency. All rights reserved.": "copyright",
    }
    _assert_kept_exactly(text, cleaned, {b.line for b in removed})
    assert cleaned.startswith("Police sergeant and four constables quit Magway station\n")
    # the first copy of the repeated paragraph stays
    assert cleaned.count("The five men brought two rifles") == 1


def test_related_list_inside_the_article_keeps_the_subheading_after_it() -> None:
    text = (FIXTURES / "midarticle_list.txt").read_text(encoding="utf-8")
    cleaned, removed = clean(text)
    assert [b.reason for b in removed] == ["related-list"] * 3 + ["chrome"]
    assert "The Road to Hpruso" in cleaned.split("\n")
    assert "KNDF says Loikaw airport is surrounded" not in cleaned


def test_scrape_and_date_stamp_lines_have_their_own_reasons() -> None:
    text = (FIXTURES / "scraped_last_month.txt").read_text(encoding="utf-8")
    _, removed = clean(text)
    assert [(b.line, b.reason) for b in removed] == [(0, "scrape-date"), (1, "scrape-date")]
    deadline = (FIXTURES / "deadline_letter.txt").read_text(encoding="utf-8")
    assert [(b.line, b.reason) for b in clean(deadline)[1]] == [(2, "dateline-meta")]


@pytest.mark.parametrize("line, reason", [
    ("Back to top button", "chrome"),
    ("Home | News | Opinion | Features | Contact", "chrome"),
    ("Share this article", "chrome"),
    ("Share on Facebook | Share on X", "chrome"),
    ("Click here to read the full report", "chrome"),
    ("Read more", "chrome"),
    ("Advertisement", "chrome"),
    ("Subscribe", "chrome"),
    ("Support independent journalism. Donate now", "donation"),
    ("Support The Irrawaddy. Become a member today.", "donation"),
    ("Donate to support our reporting in Karenni State", "donation"),
    ("Sign up for our daily briefing", "newsletter"),
    ("Subscribe to Mizzima's daily newsletter", "newsletter"),
    ("Related Articles", "related-list"),
    ("You may also like these stories:", "related-list"),
    ("More from Shan State", "related-list"),
    ("(c) 2021 Karen News. All rights reserved.", "copyright"),
    ("Copyright (c) 1998-2022, RFA. Used with the permission of Radio Free Asia.", "copyright"),
    # the notice runs to the line's end, the owner's postal address included
    ("Copyright © 1998-2021, RFA. Used with the permission of Radio Free Asia, 2025 M St. NW, Suite 300, "
     "Washington DC 20036.", "copyright"),
    ("Job vacancy: Video Editor (Mae Sot) - apply by 29 February", "job-ad"),
    ("By Saw Kaw Htoo | 18 April 2021", "byline"),
    ("By Naw Eh Ler", "byline"),
    ("Photo: Myanmar Now", "photo-credit"),
    # a nav bar with a language switch in its own script; an advertisement's label and text
    ("Home | Rakhine | Chin | Politics | Economy | Interviews | ရခိုင်ဘာသာ", "chrome"),
    ("Advertisement: Mrauk-U Heritage Hotel — reopening soon", "chrome"),
    ("DVB", "outlet"),
    ("Published: 14 March 2022", "dateline-meta"),
    ("Compiled 13 October 2025", "dateline-meta"),
    ("Thursday, 15 February 2024", "dateline-meta"),
    ("21 March 2024, Sittwe", "dateline-meta"),
    ("Updated 3:07 PM GMT+7, January 24, 2025", "dateline-meta"),
    ("Kachin News Group | 9 March 2024", "dateline-meta"),
    ("2022.11.08", "dateline-meta"),
    ("Retrieved: 2025-08-14", "scrape-date"),
    ("Scraped 2025-08-14 03:12 UTC", "scrape-date"),
    ("Accessed on 14 August 2025", "scrape-date"),
    ("Saved by archive.org on 29 Oct 2025 20:17:04 GMT", "scrape-date"),
    ("* * *", "chrome"),
])
def test_line_rules(line: str, reason: str) -> None:
    assert classify_line(line) == reason


@pytest.mark.parametrize("line", [
    "Myanmar army soldiers defect to KNU to side with anti-coup protesters",
    "By the end of March, more than 600 police officers had joined the movement.",
    "Support for the resistance has grown in Sagaing, residents said.",
    "The NUG urged people to donate to the People's Defence Force.",
    "Copyright laws were not a priority for the military council.",
    "Subscribers to the group's Telegram channel received the video on Monday.",
    "Read the statement, the KNU said, and you will see our position.",
    "MANDALAY, March 9, 2021 — A police major has joined the Civil Disobedience Movement.",
    "Home guards and militia members in the village joined the KIA, the officer said.",
    "Photographs released by the group showed dozens of men in uniform.",
    "ANALYSIS: How many have really left the junta's ranks?",
])
def test_article_lines_are_not_boilerplate(line: str) -> None:
    assert classify_line(line) is None


def test_date_stamp_kinds() -> None:
    assert date_stamp("Published: 14 March 2022") == ("published", "14 March 2022", None)
    assert date_stamp("Updated 2024-02-20 09:14").kind == "updated"  # type: ignore[union-attr]
    byline = date_stamp("By Naw Eh Ler | 5 June 2023")
    assert byline is not None and byline.kind == "byline" and byline.who == "Naw Eh Ler"
    assert date_stamp("The KNU said on 5 June 2023 that it had received 12 soldiers.") is None
    # an outlet after a dash is a name; a headline after a date is not a stamp
    outlet = date_stamp("5 June, 2023 — Kachin Wire")
    assert outlet is not None and outlet.kind == "outlet" and outlet.who == "Kachin Wire"
    assert date_stamp("5 June 2023 — Police officers defect in Sagaing") is None


def test_blank_runs_collapse_and_crlf_lines_are_left_alone() -> None:
    cleaned, removed = clean("\n\nHeadline here\n\n\n\nBody sentence one.\n\n\n")
    assert cleaned == "Headline here\n\nBody sentence one."
    assert removed == []
    crlf, _ = clean("Headline\r\nBody sentence.\r\nShare this article\r\n")
    assert crlf == "Headline\r\nBody sentence.\r"  # lines are never edited, "\r" included


line_text = st.text(
    alphabet=st.characters(exclude_categories=("Cs",), exclude_characters="\n"), max_size=80)


@given(st.lists(line_text, max_size=25))
def test_kept_lines_are_original_lines_in_order(lines: list[str]) -> None:
    text = "\n".join(lines)
    cleaned, removed = clean(text)
    dropped = {b.line for b in removed}
    assert all(lines[b.line] == b.text for b in removed)
    _assert_kept_exactly(text, cleaned, dropped)
    position = 0
    for line in cleaned.split("\n"):  # each kept line is a substring, in order
        found = text.find(line, position)
        assert found >= 0
        position = found + len(line)


@given(st.lists(line_text, max_size=25))
def test_clean_is_idempotent_on_kept_lines(lines: list[str]) -> None:
    cleaned, _ = clean("\n".join(lines))
    again, removed = clean(cleaned)
    assert again == cleaned
    assert removed == []


@pytest.mark.parametrize(
    "line",
    [
        "November 28, 2023 12:45 PM",
        "Updated November 28, 2023 | Yangon",
        "Written by Admin on 28 November 2023",
        "Published 28 Nov 2023 - Mandalay",
    ],
)
def test_more_date_line_shapes_are_date_stamps(line: str) -> None:
    stamp = date_stamp(line)
    assert stamp is not None and stamp.date_text is not None and "28" in stamp.date_text
