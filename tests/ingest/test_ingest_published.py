"""The article's own date: metadata, date lines, and inference from the content."""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from allegiance.ingest import clean, find_published
from allegiance.ingest.boilerplate import date_stamp
from allegiance.ingest.published import ANCHORS, parse_date_line, parse_date_string


def _shared_dir() -> Path:
    """shared/ beside the repository (as CI lays it out), else the workplace copy."""
    beside = Path(__file__).resolve().parents[3] / "shared"
    return beside if beside.is_dir() else Path("/work/shared")


FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = _shared_dir() / "seeds"
GOLD = _shared_dir() / "gold"

D = dt.date


def _fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


# --- the real seeds against their gold --------------------------------------------------------


def _seed_pairs() -> list[tuple[Path, Path]]:
    if not SEEDS.is_dir() or not GOLD.is_dir():
        return []
    return [(seed, GOLD / f"{seed.stem}.json") for seed in sorted(SEEDS.glob("*.txt"))
            if (GOLD / f"{seed.stem}.json").is_file()]


@pytest.mark.parametrize("seed, gold", _seed_pairs() or [pytest.param(None, None, marks=pytest.mark.skip(
    reason="shared seeds or gold not present"))])
def test_seed_published_lies_in_gold_span(seed: Path, gold: Path) -> None:
    expected = json.loads(gold.read_text(encoding="utf-8"))
    result = find_published(seed.read_text(encoding="utf-8"), None)
    assert result.day is not None
    if expected.get("published"):
        assert result.day == D.fromisoformat(expected["published"])
    span = expected["published_span"]
    start, end = D.fromisoformat(span["start"]), D.fromisoformat(span["end"])
    assert start <= result.day <= end
    assert result.span is not None and result.span.start <= result.day <= result.span.end
    # the predicted span overlaps gold's
    assert result.span.start <= end and start <= result.span.end
    assert result.source == "content"


# --- content inference on paraphrases ---------------------------------------------------------


def test_anniversary_and_yearless_day() -> None:
    """'to mark the second anniversary of the coup' + 'on Jan. 29' => the week of 2023-02-01."""
    result = find_published(_fixture("anniversary_strike.txt"))
    assert result.day == D(2023, 2, 1)
    assert result.span is not None and result.span.start == D(2023, 2, 1)
    assert result.span.end <= D(2023, 2, 7)
    assert result.source == "content"


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # marked now: written that week
        ("Shops closed on Thursday as people marked the third anniversary of the military's takeover.",
         D(2024, 2, 1), D(2024, 2, 7)),
        # still ahead: written in the fortnight before, or the week before when its weekday is named
        ("Activists prepared a strike ahead of the fourth anniversary of the coup.",
         D(2025, 1, 19), D(2025, 1, 31)),
        ("Activists prepared a strike ahead of the fourth anniversary of the coup on Saturday.",
         D(2025, 1, 26), D(2025, 1, 31)),
        # "on Thursday, the third anniversary": marked that day; a defection "on Saturday" after it
        ("Soldiers stayed in their barracks on Thursday, the third anniversary of the coup. A major defected on Saturday.",
         D(2024, 2, 3), D(2024, 2, 7)),
        # the lede's weekday is the news: a weekday told later is not past it by more than two days
        ("Shops shuttered on Thursday as opponents marked the third anniversary of the army's seizure of power.\n\n"
         "In the early hours of Sunday, seven soldiers slipped out of their camp.", D(2024, 2, 1), D(2024, 2, 7)),
        # an anniversary marked "last Tuesday": written in the fortnight after it
        ("Flowers were laid to mark the first anniversary of the coup last Tuesday.", D(2022, 2, 9), D(2022, 2, 14)),
        # an offensive "entered its third week on Friday"
        ("Operation 1027, launched by three armed groups on October 27, entered its third week on Friday.",
         D(2023, 11, 10), D(2023, 11, 12)),
        ("Operation 1027 entered its third week.", D(2023, 11, 10), D(2023, 11, 16)),
        # "Three weeks into" an offensive: about three weeks after it began
        ("Three weeks into Operation 1111, soldiers are surrendering at a pace not seen before.",
         D(2023, 11, 29), D(2023, 12, 5)),
        # "Days after the first anniversary of" a happening: the week after that anniversary
        ("Days after the first anniversary of Operation 1027, seven more soldiers crossed over.",
         D(2024, 10, 28), D(2024, 11, 2)),
        # an anchor dated by its weekday counts as a written day for the weekdays after it
        ("Operation 1111 was launched by the KNDF on Saturday.\n\nOn Monday, police in Loikaw surrendered.",
         D(2023, 11, 13), None),
        # the takeover of a town is not the coup
        ("The AA completed the takeover of Paletwa on 15 January 2024.", D(2024, 1, 15), None),
    ],
)
def test_anniversary_cues(text: str, start: dt.date, end: dt.date | None) -> None:
    result = find_published(text)
    assert result.span is not None and result.span.start == start
    if end is not None:
        assert result.span.end == end


def test_anniversary_of_a_founding_date() -> None:
    """A battalion founded on a stated day marks 'its second anniversary': that week, two years on."""
    text = ("The Hinthada battalion was founded on 20 June 2021 by farmers and students.\n\n"
            "On Tuesday it marked its second anniversary with a small parade in the forest.")
    result = find_published(text)
    assert result.span is not None
    assert (result.span.start, result.span.end) == (D(2023, 6, 20), D(2023, 6, 26))


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # a dated Saturday, then "on Monday": the Monday after
        ("Six soldiers defected on Saturday, September 2, 2023, the group said.\n\n"
         "They reached the camp two days later, on Monday.", D(2023, 9, 4)),
        # the same weekday as the written day is a week later; "last" puts the writing after it
        # a dated Monday, then "on Monday": that same day (a caption's date, then the lede's weekday)
        ("Police left on January 22, 2024, the PDF said.\n\nThe CNF on Monday called on soldiers to leave.",
         D(2024, 1, 22)),
        ("Police left on January 22, 2024, the PDF said.\n\nThe CNF last Wednesday called on soldiers to leave.",
         D(2024, 1, 25)),
        # a weekday told before the dated day is not counted past it
        ("Soldiers left on Monday.\n\nOn 10 January 2024 the group confirmed it.", D(2024, 1, 10)),
        # a weekday with its date is that date, not a bare weekday
        ("Last Sunday night, 4 August 2024, nine soldiers left their camp.", D(2024, 8, 4)),
    ],
)
def test_bare_weekdays_after_the_latest_day(text: str, day: dt.date) -> None:
    result = find_published(text)
    assert result.source == "content" and result.day == day


def test_coup_last_year_and_dated_letters() -> None:
    """'staged its coup in February last year' => written 2022; 'dated June 2' => 2022-06-02."""
    result = find_published(_fixture("last_year_coup.txt"))
    assert result.day == D(2022, 6, 2)
    assert result.span is not None and result.span.end == D(2022, 12, 31)


def test_last_months_coup_pins_the_month_and_scrape_lines_are_ignored() -> None:
    result = find_published(_fixture("scraped_last_month.txt"))
    assert result.day == D(2021, 3, 1)
    assert result.span is not None
    assert (result.span.start, result.span.end, result.span.precision) == (
        D(2021, 3, 1), D(2021, 3, 31), "month")
    assert result.date_lines == [0, 1]  # both scrape lines, for the cleaner to drop


@pytest.mark.parametrize("sentence, day, end", [
    ("Two years after the coup, the resistance holds much of Sagaing.", D(2023, 2, 1),
     D(2024, 1, 31)),
    ("More than 400 troops have surrendered since Operation 1027 began three months ago.",
     D(2024, 1, 27), D(2024, 2, 26)),
    ("Young men fled to Thailand after the junta activated the conscription law last month.",
     D(2024, 3, 1), D(2024, 3, 31)),
    ("The KNDF, which was formed in May last year, said 120 soldiers had joined it.",
     D(2022, 1, 1), D(2022, 12, 31)),
    ("On December 11th, the Karenni IEC called on soldiers to defect.", D(2023, 12, 11),
     D(2023, 12, 31)),
    ("Police in Yangon joined the strike in 2023, the group said on Sept. 7.", D(2023, 9, 7),
     D(2023, 12, 31)),
])
def test_relative_cues_and_anchors(sentence: str, day: D, end: D) -> None:
    result = find_published(sentence)
    assert result.day == day
    assert result.span is not None and result.span.end == end


@pytest.mark.parametrize(("text", "start", "end"), [
    # a social post's own time, without its year, alone on its line; the year from an anchor
    ("KNDF Battalion 9\nNovember 14 at 8:12 PM · Public\n\nDay 4 of Operation 1111: police in Loikaw "
     "surrendered to our forces yesterday (13 November).", D(2023, 11, 14), None),
    # "the coup turned three on Thursday": the week of the third anniversary
    ("When the coup turned three on Thursday, the streets of Yangon were empty.", D(2024, 2, 1), D(2024, 2, 7)),
    # a numbered national day has its year
    ("Police surrendered on Saturday, two days after the junta marked the 76th Independence Day.", D(2024, 1, 6), None),
    ("The parade marked the 76th anniversary of the country's independence from Britain.", D(2024, 1, 4), D(2024, 1, 10)),
    # Chin National Day, numbered; and a day's first year given by the text
    ("Resistance fighters raised the flag in Mindat on the 77th Chin National Day.", D(2024, 2, 20), None),
    ("This year marks the 60th Peasants' Day, first held in 1965, and police in Hakha left their posts on it.",
     D(2024, 3, 2), None),
    # a schedule told in the present is no date the writing is past
    ("The junta's election starts on 28 December, and police in Pekon left on Tuesday (14 October 2025).",
     D(2025, 10, 14), None),
    # a named day still ahead: written in the fortnight before it
    ("Conscripts began training under the conscription law this spring. The Thingyan water festival begins on Saturday.",
     D(2024, 4, 7), D(2024, 4, 12)),
    # the dated day's own weekday is that day, and a weekday past the window is not counted
    ("Police surrendered on Saturday, two days after the junta marked the 76th anniversary of the country's "
     "independence.\n\nIndependence Day on Thursday was marked with a parade.", D(2024, 1, 6), D(2024, 1, 10)),
    # an appositive between the day and "begins"
    ("The conscription law took effect last month. Thingyan, the water festival, begins on Saturday.",
     D(2024, 4, 7), D(2024, 4, 12)),
    # a holiday with its weekday, still ahead, and a past weekday inside that week
    ("With Christmas on Saturday, the first since the military seized power, the CDF said on Wednesday that police "
     "in Falam had joined it.", D(2021, 12, 22), D(2021, 12, 24)),
    # "since November" does not move the writing to the latest November
    ("Nine soldiers from a camp damaged by Cyclone Mocha reached an AA position on Wednesday, June 7, the AA said. "
     "Fighting has continued since November.",
     D(2023, 6, 7), None),
    # the junta's renamed ruling body dates the text to after July 2025
    ("Staff say the State Security and Peace Commission has told them to vote on Dec. 28.", D(2025, 7, 31), None),
    # knowledge of the war: the handover of Laukkai, the fall of Lashio, the March 2025 earthquake
    ("Since the handover of Laukkai last Friday, militias have switched sides.", D(2024, 1, 6), None),
    ("Months after the fall of Lashio, civil servants were still leaving.", D(2024, 8, 3), None),
    # a known day the text dates itself ("last Friday") counts weekdays told after it
    ("After the fall of Laukkai, militias are switching sides.\n\nOn Wednesday, militiamen from Kutkai crossed over. "
     "More than 2,000 troops surrendered in Laukkai last Friday.", D(2024, 1, 10), None),
    # "a week after" it: a day the text reports as past
    ("Rescue teams in Sagaing were still digging a week after the 7.7-magnitude earthquake.", D(2025, 4, 4), None),
    # a named day counted from the coup: the first one after 1 February 2021 is the first
    ("For the fourth Thingyan since the coup, the water festival brought few celebrations.", D(2024, 4, 13), None),
    ("On this Christmas Eve, as our people celebrate for the third time since the military coup, we pray.",
     D(2023, 12, 24), None),
    # "... struck the coast last month"
    ("Police moved into Sittwe after Cyclone Mocha struck the Rakhine coast last month.", D(2023, 6, 1), D(2023, 6, 30)),
    # the alliance's offensive "on Oct. 27", its operation's name unwritten
    ("The Three Brotherhood Alliance said 300 soldiers have surrendered since it launched a coordinated "
     "offensive on Oct. 27.", D(2023, 10, 27), None),
    # a dated caption, then the lede's weekday: the same day, not a week later
    ("Soldiers are received by KNDF members at a camp in Demoso, 22 June 2023. (Photo - KNDF)\n\n"
     "Seventeen soldiers came over to the KNDF on Thursday. In a statement released on Friday, the KNDF said "
     "they brought 14 weapons.", D(2023, 6, 23), None),
    # an anniversary falling on a weekday this week: written earlier that week
    ("Four police officers left their posts on January 22.\n\nWith the third anniversary of the February 2021 "
     "coup falling on Thursday this week, resistance groups have called for a silent strike.",
     D(2024, 1, 29), D(2024, 1, 31)),
    # "N days after" a known happening is a day the text reports as past
    ("On Wednesday, five days after the Three Brotherhood Alliance launched Operation 1027, 28 police surrendered "
     "to the TNLA.", D(2023, 11, 1), None),
    ("The order, issued two days after Friday's earthquake, told medics in Mandalay to return. The NUG announced a pause on "
     "Saturday. Air strikes continued on Sunday.", D(2025, 3, 30), None),
    # a weekday told after the dated day that falls the day before it: the story going back a day
    ("On Wednesday, five days after the alliance launched Operation 1027, police surrendered.\n\n"
     "On Tuesday, 60 militiamen switched sides. The alliance said on Thursday that 100 had surrendered.",
     D(2023, 11, 2), None),
    # the known day written as a weekday: later weekdays count from it; a plan's month is not news
    ("The regime announced on Saturday that it would enforce the People's Military Service Law. On Monday, the "
     "NUG urged soldiers to defect. The junta has said it plans to call up 5,000 people a month, starting after "
     "Thingyan in April. Analysts point to losses since the Brotherhood Alliance's Operation 1027 offensive in "
     "late October.", D(2024, 2, 12), None),
    # the NUG's declaration of a people's defensive war (7 September 2021)
    ("Police joined the PDF on Wednesday, a day after the National Unity Government (NUG) declared a "
     "\"people's defensive war\" against the junta.", D(2021, 9, 8), None),
    # more of the war a reader knows: the four executions announced in July 2022, the fall of the
    # Western Command in Ann (December 2024), the Northeastern Command in Lashio (August 2024)
    ("Three police officers fled days after the regime announced it had executed four democracy activists.",
     D(2022, 7, 25), None),
    # a weekday told with a known happening is after it: the Sunday after Friday 20 December
    ("Police crossed to the Arakan Army on Sunday, days after the fall of the Western Command in Ann.",
     D(2024, 12, 22), None),
    ("It was the second regional command to fall since the coup, after the Northeastern Command in Lashio.",
     D(2024, 8, 3), None),
    ("Fighting has spread since Operation 1107 began in southern Shan State.", D(2023, 11, 7), None),
    ("Since the second phase of Operation 1027, militias around Lashio have wavered.", D(2024, 6, 25), None),
    ("Villagers still speak of the air strike on Pazigyi.", D(2023, 4, 11), None),
    ("The Haigeng agreement has not stopped the fighting.", D(2024, 1, 12), None),
    ("After the fall of Myawaddy, more police crossed to the KNLA.", D(2024, 4, 11), None),
    # how far into the war since the coup: half years, the Nth year or rainy season, "N years of war"
    ("In the three and a half years since the coup, more than 20,000 have left.", D(2024, 8, 1), D(2025, 1, 31)),
    ("This is the fourth year since the coup, and police are still leaving.", D(2024, 2, 1), D(2025, 1, 31)),
    ("It is the fourth rainy season since the coup.", D(2024, 6, 1), D(2024, 10, 31)),
    ("Three years of civil war have drained the army.", D(2024, 2, 1), D(2025, 1, 31)),
    # more of the war a reader knows
    ("During the battle for Lashio in July, 500 soldiers surrendered.", D(2024, 7, 1), None),
    ("Since the Arakan Army captured Ann in December, police in Sittwe have fled.", D(2024, 12, 20), None),
    ("Since the KNLA took Myawaddy in April, more than 600 troops have surrendered.", D(2024, 4, 11), None),
    ("Soldiers have fled since the TNLA captured Mogoke in July.", D(2024, 7, 24), None),
    ("Since the fall of Falam in April, Chin forces hold the town.", D(2025, 4, 7), None),
    ("After Min Aung Hlaing became acting president in July, nothing changed.", D(2024, 7, 22), None),
    ("Since conscription began in April, hundreds of recruits have deserted.", D(2024, 4, 1), None),
    ("The coup, now in its fourth year, has split families.", D(2024, 2, 1), D(2025, 1, 31)),
    ("The revolution has entered its fourth year.", D(2024, 2, 1), D(2025, 1, 31)),
    ("Over the past three years, more than 14,000 soldiers have defected since the coup.", D(2024, 2, 1), D(2025, 1, 31)),
    ("The junta has ruled for almost three years.", D(2023, 2, 1), D(2024, 1, 31)),
    ("It has been more than 1,000 days since the coup.", D(2023, 10, 29), None),
    ("The PDF was founded in May 2021, three years ago.", D(2024, 5, 1), None),
    # a lunar festival counted from the coup (its day moves from year to year)
    ("It is the second Thadingyut since the coup, and the abbot spoke openly.", D(2022, 10, 9), D(2022, 10, 15)),
    # a group's age and the month it began, in one paragraph
    ("Our channel is two and a half years old this month. We opened in February 2021 with one phone.",
     D(2023, 8, 1), D(2023, 8, 31)),
    ("The network, set up in March 2021, turned three years old, its founder said.", D(2024, 3, 1), D(2025, 2, 28)),
    # a festival still ahead, counted from the coup: the fortnight before it
    ("Thingyan is next week. It will be the fourth water festival since the coup.", D(2024, 3, 31), D(2024, 4, 12)),
    # a copyright year is the page's, and a year long before the coup is background: neither gives
    # the year of a date written without one
    ("It has been two months since the coup. Thingyan is next week.\n\nSite Inc © 2023. All rights reserved",
     D(2021, 4, 1), D(2021, 4, 12)),
    # "last month's" a known happening or a named day: written in the month after it
    ("Soldiers in Sagaing have fled since last month's earthquake, the group said.", D(2025, 4, 1), D(2025, 4, 30)),
    ("Three soldiers fled during last month's Thingyan holiday. In 2023 more left.", D(2023, 5, 1), None),
    ("Police left on last month's Union Day, since the conscription law was activated.", D(2024, 3, 1), None),
    # the writer says which week it is
    ("It's the last week of August, and it is three and a half years since the coup.", D(2024, 8, 25), None),
    ("We are now in the second week of June. The conscription law has been in force for four months.",
     D(2024, 6, 8), None),
    # the ethnic armed struggles' numbered days, and "last Wednesday marked" it: written after it
    ("Last Wednesday marked the 64th anniversary of the start of the Kachin revolution. Two police left.",
     D(2025, 2, 6), D(2025, 2, 18)),
    ("Soldiers crossed over on the 75th Karen Revolution Day, the KNU said.", D(2024, 1, 31), None),
    # "The operation is now in its third week", the sentence after the operation's start
    ("Police have left since Operation 1111, launched by Karenni groups on 11 November, began. "
     "The operation is now in its third week.", D(2023, 11, 25), D(2023, 12, 1)),
    # a week of the Myanmar calendar's year (1385 began in April 2023)
    ("SUMMARY: THINGYAN AND THE FIRST WEEK OF 1385\nTwelve police joined the CDM, the channel said.",
     D(2023, 4, 17), None),
    # a festival "last week": written after its last day
    ("While the regime staged its own Thingyan celebrations in Dawei last week, soldiers left. "
     "The coup took place two years ago.", D(2023, 4, 17), None),
    # days counted from the coup: today's, or a past happening's
    ("Today is the one thousandth day since the military seized power. Soldiers keep leaving.", D(2023, 10, 28), D(2023, 10, 29)),
    ("Fourteen police joined the CDM on Tuesday, the 100th day since the coup. On Wednesday more followed.",
     D(2021, 5, 12), None),
    # "Yesterday was the 77th Martyrs' Day": the day after it
    ("Yesterday was the 77th Martyrs' Day and nine soldiers came over to the PDF.", D(2024, 7, 20), D(2024, 7, 20)),
    # "On Saturday, 9 December" opens a sentence, not a wire story: later weekdays come after it
    ("On Saturday, 9 December, a captain and 16 soldiers defected to the KNLA.\n\nOn Sunday, nine police "
     "surrendered. The coup took place two years ago.", D(2023, 12, 10), None),
    # "the Western Command fell" as a clause
    ("Last Friday, a week after the Western Command fell, 43 soldiers surrendered to the Arakan Army.",
     D(2024, 12, 28), None),
    # "N months ago today, the military seized power": that day
    ("Good evening. Nine months ago today, the military seized power. Police in Pathein keep leaving.",
     D(2021, 11, 1), D(2021, 11, 1)),
    # "the Monday before Revolution Day" is a day counted from another, not the latest Monday
    ("On the 75th Karen Revolution Day, the KNU said that on the Monday before Revolution Day eight soldiers "
     "joined Brigade 1.", D(2024, 1, 31), None),
])
def test_more_content_cues(text: str, start: D, end: D | None) -> None:
    result = find_published(text)
    assert result.source == "content" and result.span is not None
    assert result.span.start == start
    if end is not None:
        assert result.span.end == end


def test_a_known_happening_still_planned_does_not_reject_the_date_line() -> None:
    text = ("Police join strike\n\n12 May 2023\n\nThe junta is preparing to enforce the conscription law, sources "
            "said. Five police left on Monday.\n")
    assert find_published(text).day == D(2023, 5, 12)
    # a future clause around a past happening does not hide it
    text = "This will be the first Christmas since the military seized power, and police in Falam left on Monday."
    assert find_published(text).day is not None


def test_earlier_weekday_and_end_of_month_deadline_are_not_later_evidence() -> None:
    text = ("Police surrendered on 13 November 2023, the KNDF said.\n\n"
            "Earlier, on Sunday night, three soldiers crossed over. Staff may return if they apply before the end of December.")
    result = find_published(text)
    assert result.day == D(2023, 11, 13)


def test_deadlines_and_plans_are_not_past_evidence() -> None:
    text = ("The KNDF said on 3 June 2022 that police must quit by August 15.\n"
            "The NUG said it will hold a meeting on November 20.\n"
            "Few believe the junta's planned election in 2025 will be free.")
    result = find_published(text)
    assert result.day == D(2022, 6, 3)


@pytest.mark.parametrize("promise", [
    "The junta has promised to hold elections in 2023.",
    "Min Aung Hlaing vowed to hold a vote in 2023.",
    "The military has said it hopes to hold a general election in 2023.",
    "Elections are slated for 2023.",
])
def test_a_promised_year_does_not_reject_the_date_line(promise: str) -> None:
    text = f"February 1, 2022\n\nOne year on\n\nThe KNU took in ten soldiers on Jan. 12, 2022. {promise}"
    assert find_published(text).day == D(2022, 2, 1)


def test_a_look_back_at_the_first_year_of_military_rule_is_not_written_in_it() -> None:
    text = ("NUG says thousands defected in first year of military rule\n\nThe NUG said 2,000 police joined the CDM "
            "in the first year of military rule. It marked the first anniversary of the coup on Tuesday.")
    result = find_published(text)
    assert result.day is not None and result.day >= D(2022, 2, 1)
    # nor a comparison with the first year after the coup beside metadata of its own
    text = "Over the past six months around 900 police contacted it, more than in the whole first year after the coup."
    assert find_published(text, "2023-12-05").day == D(2023, 12, 5)


def test_long_wars_and_the_earlier_acting_president_do_not_date_the_writing() -> None:
    text = ("March 3, 2022\n\nPolice quit\n\nMyanmar has endured 70 years of civil war. Acting president Myint Swe "
            "signed the order. Five police left on Monday.")
    assert find_published(text).day == D(2022, 3, 3)


def test_a_days_offset_from_the_coup_dates_that_happening_not_the_article() -> None:
    text = ("The CDM was launched by striking staff on Feb. 3, 2021, just two days after the "
            "military coup.")
    result = find_published(text)
    assert result.day == D(2021, 2, 3)


def test_no_evidence_gives_no_date() -> None:
    assert find_published("Soldiers defected on Sunday, the group said.") == (None, None, "none", [])


def test_other_coups_are_not_the_2021_coup() -> None:
    result = find_published("Many officers remember the 1988 coup, he said.")
    assert result.day is None  # not the 2021 anchor; and a year long before it is background, no date
    result = find_published("Many officers remember the 1988 coup, he said on 4 March 2024.")
    assert result.day == D(2024, 3, 4)


# --- metadata and date lines ------------------------------------------------------------------


def test_metadata_date_is_used_when_consistent() -> None:
    text = "The KNDF said last week that 40 soldiers had joined it since the coup."
    for meta in ("2023-05-02", "2023-05-02T10:30:00+06:30", D(2023, 5, 2),
                 dt.datetime(2023, 5, 2, 10, 30)):
        result = find_published(text, meta)
        assert (result.day, result.source) == (D(2023, 5, 2), "metadata")
        assert result.span is not None and result.span.precision == "day"


def test_metadata_in_conflict_with_relative_cue_is_rejected(caplog: pytest.LogCaptureFixture) -> None:
    text = "Police officers joined the CDM on Monday, weeks after last month's military coup."
    with caplog.at_level(logging.INFO, logger="allegiance.ingest.published"):
        result = find_published(text, "2025-06-01")
    assert result.source == "content"
    assert result.day == D(2021, 3, 1)
    assert "rejected" in caplog.text


@pytest.mark.parametrize("line", ["Home | News | Tuesday, 14 March 2022 | Login", "Last updated: 14 March 2022"])
def test_page_furniture_earlier_than_a_reported_past_date_is_rejected(line: str) -> None:
    """A header may print the day the page was viewed, an "updated" stamp a later edit: the text
    that reports April 3 as past overrules them."""
    text = f"{line}\n\nThe KNU said on April 3, 2022 that eleven soldiers had defected."
    result = find_published(text)
    assert result.source == "content"
    assert result.day == D(2022, 4, 3)
    assert result.date_lines == [0]


@pytest.mark.parametrize("text", [
    # a past date written out weeks after the printed line (a deadline read as past, a slip)
    "Published: 14 March 2022\n\nThe KNU said on April 3, 2022 that eleven soldiers had defected.",
    # cues that would put the writing a year later ("two years after the coup")
    "By Staff | 14 March 2022\n\nTwo years after the coup, eleven soldiers defected to the KNU on Sunday.",
    "Karen News | 14 March 2022\n\nToday marks 1,000 days since the military seized power. Eleven soldiers "
    "defected to the KNU on Sunday.",
])
def test_a_printed_date_line_stands_against_the_texts_cues(text: str) -> None:
    result = find_published(text)
    assert (result.day, result.source) == (D(2022, 3, 14), "dateline")


@pytest.mark.parametrize("text", [
    # a date written out more than a season after the line: a slip or a plan, not news
    "Mizzima | 20 August 2023\n\nFive soldiers defected to the PDF in Kale on Monday. The NUG's reward "
    "scheme, effective from 1 October 2024, pays defectors in cash.",
    # a bare later year
    "By Staff | 4 September 2023\n\nTwelve police officers joined the KNDF, the group said. Recruits called "
    "up in the 2024 intake were told to report to Loikaw.",
    # a happening the text takes for granted (the conscription law's activation, February 2024)
    "Karen News | 8 May 2023\n\nSeven soldiers defected to the KNU on Friday. The junta had earlier tried to "
    "enforce the People's Military Service Law in border villages.",
])
def test_a_printed_date_line_is_not_rejected_by_one_mention_long_after_it(text: str) -> None:
    """Only news written out within weeks after a printed line shows it stale (the test above)."""
    result = find_published(text)
    assert result.source == "dateline"
    assert result.day is not None and result.day.year == 2023


def test_metadata_years_after_every_dated_happening_is_rejected() -> None:
    text = "In 2021 the KNU received twelve soldiers on Feb. 28, 2021."
    assert find_published(text, "2024-05-01").source == "content"
    assert find_published(text, "2021-03-02").source == "metadata"


def test_a_printed_date_line_years_after_the_happenings_it_looks_back_on_is_kept() -> None:
    """A look back ("two years on") prints its own date; only metadata that far off is a crawl's."""
    text = ("By Nan Lwin | July 27, 2023\n\nTwo years on, the officers who left\n\n"
            "The KNU received twelve police officers on Feb. 28, 2021, and three more on April 2, 2021.")
    result = find_published(text)
    assert (result.day, result.source) == (D(2023, 7, 27), "dateline")


def test_background_mentions_do_not_reject_a_later_date_line() -> None:
    """An opinion piece years after the coup: the coup and "in 2021" are background."""
    text = ("September 5, 2024\n\nWhy soldiers stay in the ranks\n\n"
            "Since the coup, many soldiers have chosen to stay. In 2021 the NUG promised "
            "rewards to those who left, and the KNDF built a department to receive them.")
    result = find_published(text)
    assert (result.day, result.source) == (D(2024, 9, 5), "dateline")


def test_implausible_metadata_falls_through_to_the_date_line() -> None:
    text = "Published: 3 August 2022\n\nThe letter was dated July 30."
    for meta in ("1970-01-01", "2999-01-01", "not a date", ""):
        result = find_published(text, meta)
        assert (result.day, result.source) == (D(2022, 8, 3), "dateline")


def test_date_line_kinds_and_preference() -> None:
    text = _fixture("deadline_letter.txt")
    result = find_published(text)
    assert (result.day, result.source, result.date_lines) == (D(2022, 8, 3), "dateline", [2])
    updated_first = "Updated 2024-02-20 09:14\nPublished: 18 February 2024\n\nText on Sunday."
    assert find_published(updated_first).day == D(2024, 2, 18)


def test_wire_dateline_opening_the_first_paragraph() -> None:
    text = "MANDALAY, Sept. 3, 2021 — Two police officers joined the CDM on Monday."
    result = find_published(text)
    assert (result.day, result.source, result.date_lines) == (D(2021, 9, 3), "dateline", [])


def test_date_lines_are_those_the_cleaner_drops() -> None:
    text = ("Retrieved: 2025-08-14\nBy Naw Eh Ler | 5 June 2023\n\nHeadline of the story\n\n"
            "Text of the story, which says on May 30 that soldiers left.\n\nShare this article")
    result = find_published(text)
    _, removed = clean(text)
    stamps = [b.line for b in removed if b.reason in {"scrape-date", "dateline-meta", "byline"}]
    assert result.date_lines == stamps == [0, 1]
    assert (result.day, result.source) == (D(2023, 6, 5), "dateline")


# --- parsing date strings and date lines (hypothesis round trips) -----------------------------

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
AP_MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
             "Nov.", "Dec."]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _render(fmt: str, d: D, name: str, place: str) -> str:
    month, ap = MONTHS[d.month - 1], AP_MONTHS[d.month - 1]
    return {
        "published": f"Published: {d.day} {month} {d.year}",
        "posted": f"Posted on {d.day} {month} {d.year}",
        "byline": f"By {name} | {d.day} {month} {d.year}",
        "outlet": f"{name} | {d.day} {month[:3]} {d.year}",
        "wire": f"{place}, {ap} {d.day}, {d.year} — Soldiers crossed the lines, officials said.",
        "updated": f"Updated {d.isoformat()} 09:14",
        "alone": f"{month} {d.day}, {d.year}",
        "weekday": f"{WEEKDAYS[d.weekday()]}, {d.day} {month} {d.year}",
        "date_dmy": f"Date: {d.day:02d}/{d.month:02d}/{d.year}",
        "dotted": f"{d.year}.{d.month:02d}.{d.day:02d}",
        "ordinal": f"{month} {d.day}{'th' if 11 <= d.day <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(d.day % 10, 'th')}, {d.year}",
        "byline_bare": f"By {name} {d.day} {month} {d.year}",
        "with_updated": f"{month} {d.day}, {d.year} | Updated {ap} {d.day}, {d.year}",
        "reading_time": f"Written by {name} | {month} {d.day}, {d.year} | 4 min read",
        "wire_furniture": f"{month} {d.day}, {d.year} / 10:15 AM / Updated a day ago",
        "year_first": f"{name} | {d.year}, {month} {d.day}",
        "then_place": f"{d.day} {month} {d.year}, {place.title()}",
        "time_first": f"Updated 3:07 PM GMT+7, {month} {d.day}, {d.year}",
        "capitals": f"{WEEKDAYS[d.weekday()].upper()}, {month.upper()} {d.day}, {d.year}",
        "posted_by": f"Posted on {d.day:02d}/{d.month:02d}/{d.year} by admin",
        "dashed": f"{d.day}-{month[:3]}-{d.year}",
        "notice": f"Dated: {d.day}th day of {month}, {d.year}",
        "numbered": f"Press Release No. 7/{d.year} — {d.day} {month} {d.year}",
        "labelled_outlet": f"{name} — published : {d.day} {month[:3]} {d.year} at 10:20",
        "aired": f"Aired on {d.day} {month} {d.year}",
        "outlet_after": f"{d.day} {month} {d.year} ({name})",
        "posted_in": f"Written by {name} on {d.day} {month} {d.year}. Posted in News",
        "sent": f"Sent: {WEEKDAYS[d.weekday()]}, {month} {d.day}, {d.year} 9:12 AM",
    }[fmt]


FORMATS = ["published", "posted", "byline", "outlet", "wire", "updated", "alone", "weekday",
           "date_dmy", "dotted", "ordinal", "byline_bare", "year_first", "with_updated", "reading_time", "wire_furniture",
           "then_place", "time_first", "capitals", "posted_by", "dashed", "notice", "numbered", "labelled_outlet",
           "aired", "outlet_after", "posted_in", "sent"]
names = st.sampled_from(["Naw Eh Ler", "Saw Kaw Htoo", "Nan Lwin Hnin", "Kachin News Group",
                         "Mizzima"])
places = st.sampled_from(["MANDALAY", "YANGON", "LASHIO", "MYITKYINA", "HPA-AN"])


@settings(max_examples=150, deadline=None)
@given(st.dates(min_value=D(1990, 1, 1), max_value=D(2035, 12, 31)), st.sampled_from(FORMATS),
       names, places)
def test_date_line_round_trip(day: D, fmt: str, name: str, place: str) -> None:
    line = _render(fmt, day, name, place)
    parsed = parse_date_line(line)
    assert parsed is not None, line
    assert parsed.day == day, line
    assert parsed.kind != "scrape"


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=D(2021, 3, 1), max_value=D(2030, 12, 20)), st.sampled_from(["Week {w}, {y}", "Week {w} of {y}"]))
def test_a_weekly_briefs_own_week_round_trip(day: D, template: str) -> None:
    """'Security Brief / Week 34, 2024': written in that ISO week (Monday to Sunday)."""
    year, week, _ = day.isocalendar()
    text = f"Myanmar Weekly Security Brief\n{template.format(w=week, y=year)}\n\nTwo soldiers left their base, the group said."
    result = find_published(text)
    monday = D.fromisocalendar(year, week, 1)
    assert result.span is not None and monday <= result.span.start and result.span.end <= monday + dt.timedelta(days=6)


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=D(1990, 1, 1), max_value=D(2035, 12, 31)),
       st.sampled_from(["Retrieved: {iso}", "Scraped {iso} 03:12 UTC", "Accessed on {dmy}",
                        "Downloaded {iso}", "crawl date: {iso}"]))
def test_scrape_lines_are_never_the_article_date(day: D, template: str) -> None:
    line = template.format(iso=day.isoformat(), dmy=f"{day.day} {MONTHS[day.month - 1]} {day.year}")
    parsed = parse_date_line(line)
    assert parsed is not None and parsed.kind == "scrape"
    result = find_published(line + "\n\nSoldiers defected on Sunday, the group said.")
    assert result.day is None and result.source == "none" and result.date_lines == [0]


@pytest.mark.parametrize("top, start, end", [
    # a capture of a post that shows its age: "3d" is three to four days before the capture
    ("archive.ph · webpage capture · saved from https://www.facebook.com/x/posts/1 · 26 Sep 2022 08:02:41 UTC\n\n"
     "Palaw PDF\n3d · 🌐", D(2022, 9, 22), D(2022, 9, 23)),
    ("Retrieved: 2024-03-10\n\nPeople's Goal\n2w", D(2024, 2, 19), D(2024, 2, 25)),
    ("[web.archive.org capture of example.org, 14 Dec 2023 02:51:10]\n\nKNDF\n5h ·", D(2023, 12, 13), D(2023, 12, 14)),
])
def test_a_posts_age_counts_back_from_its_capture(top: str, start: D, end: D) -> None:
    result = find_published(top + "\n\nTwo soldiers joined our battalion, the post said.")
    assert result.span is not None and (result.span.start, result.span.end) == (start, end)
    assert result.day == end and result.date_lines == [0]


@pytest.mark.parametrize("line", [
    "web.archive.org capture of kantarawaddytimes.org, 14 Dec 2023 02:51:10",
    "[PDF text extracted by docparse 2.1 on 2024-08-19 — layout may differ from the original]",
    "Text extracted with pdftotext 4.02 on 3 May 2024",
    "The Wayback Machine - https://web.archive.org/web/20240211062003/https://www.example.org/2023/police-leave/",
    "[Transcript — auto-generated captions, corrected by volunteer — retrieved 20 November 2023 from the channel]",
])
def test_archive_hosts_and_tools_lines_are_scrapes(line: str) -> None:
    parsed = parse_date_line(line)
    assert parsed is not None and parsed.kind == "scrape" and parsed.day is not None
    result = find_published(line + "\n\nSoldiers defected on Sunday, the group said.")
    assert result.day is None and result.date_lines == [0]


@pytest.mark.parametrize("text, day", [
    ("03/04/2022", D(2022, 4, 3)),  # day first
    ("Sept. 3, 2021", D(2021, 9, 3)),
    ("11th of December 2023", D(2023, 12, 11)),
    ("2024-02-20T09:14:00+06:30", D(2024, 2, 20)),
    ("31 February 2021", None),
    ("sometime soon", None),
])
def test_parse_date_string(text: str, day: D | None) -> None:
    assert parse_date_string(text) == day


def test_anchor_table_is_small_and_ordered_by_what_it_knows() -> None:
    keys = [a.key for a in ANCHORS]
    assert len(keys) == len(set(keys)) <= 30
    assert {"coup", "operation-1027", "conscription-law", "karenni-iec", "nug", "kndf",
            "peoples-embrace"} <= set(keys)
    assert all(D(2021, 2, 1) <= a.day <= D(2025, 12, 31) for a in ANCHORS)  # grows with the war it knows


def test_bracketed_archive_line_is_a_scrape_not_the_date() -> None:
    text = ("[archived copy - retrieved 2024-05-19 09:12 UTC - source: some-archive]\n\n"
            "Police join the strike\n\nSince the coup in February, five police officers in Dawei "
            "have joined the CDM, a strike leader said on June 14, 2021.\n")
    published = find_published(text, None)
    assert published.day is not None and published.day.year == 2021


def test_outlet_dash_date_line() -> None:
    published = find_published("Headline\n\nBNI Online - 13/05/2024\n\nBody text here.\n", None)
    assert published.day == dt.date(2024, 5, 13) and published.source == "dateline"


def test_weekday_pins_the_year_of_a_yearless_date() -> None:
    text = ("Six soldiers defected to a PDF in Gangaw on Saturday, September 2, resistance sources said. "
            "The battalion has been deployed there since 2022.\n")
    published = find_published(text, None)
    assert published.day == dt.date(2023, 9, 2)  # the only recent year with Saturday 2 September


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Headline\n\nBody of the report.\n\nPublished 19 April 2024 - 11:05\n", dt.date(2024, 4, 19)),
        ("MONITOR REPORT\nGeneva, 15 January 2024\n\nBody of the report.\n", dt.date(2024, 1, 15)),
        # a section trail, a place and a desk around the date; a time zone and an update after it
        ("News Agency\nNews | Mon State | 12 August 2021\n\nHeadline\n\nBody of the report on Monday.\n", dt.date(2021, 8, 12)),
        ("DMG\nHeadline\n\n27 December 2024 | Sittwe | DMG Newsroom\n\nBody of the report on December 19.\n",
         dt.date(2024, 12, 27)),
        ("Headline\n\nBY A WRITER\nSeptember 14, 2022 18:02 JST | Updated on September 15, 2022 10:30 JST\n\n"
         "Body of the report.\n", dt.date(2022, 9, 14)),
        # page furniture around the date: share counts, reading times, views, a filing place
        ("Outlet\n\nHeadline\n\nOutlet | Tuesday, 09 March 2021 | Share: 1.4K\n\nBody of the report.\n", dt.date(2021, 3, 9)),
        ("Headline\n\nPosted: 4 December 2023 | Filed under: Weekly Update\n\nBody of the report.\n", dt.date(2023, 12, 4)),
        ("Headline\n\nPublished 14 August 2023 | Reading time 4 min | Download PDF\n\nBody.\n", dt.date(2023, 8, 14)),
        ("Headline\n\n20 November 2023 | Staff Reporter | 3,204 views\n\nBody of the report.\n", dt.date(2023, 11, 20)),
        ("Bulletin No. 112 | Week 10-16 March 2025 | Issued Monday 17 March 2025\n\nBody.\n", dt.date(2025, 3, 17)),
        # the programme or occasion, then when it went out
        ("RADIO\nEvening bulletin, 7 p.m. - Thursday, 2 February 2023\n\nBody of the report.\n", dt.date(2023, 2, 2)),
        ("Press conference (Nay Pyi Taw), Tuesday, 7 May 2024\n\nBody of the report.\n", dt.date(2024, 5, 7)),
        # a wire dateline with the outlet in brackets, or with no place before the dash
        ("Headline\nHPAKANT (Kachin Wire) — June 3, 2024 — Body of the report on Sunday.\n", dt.date(2024, 6, 3)),
        ("Headline\nHpakant, 3 June 2024 (Kachin Wire) – Body of the report on Sunday.\n", dt.date(2024, 6, 3)),
        ("Headline\nMonday, June 3, 2024 — Body of the report on Sunday.\n", dt.date(2024, 6, 3)),
        # labels with a section and an author, in brackets, with an update, or an outlet after a dash or slashes
        ("Headline\nPosted 3 June 2024 in Defections by Naw Say\n\nBody of the report on Sunday.\n", dt.date(2024, 6, 3)),
        ("Headline\n(Published 3 June 2024)\n\nBody of the report on Sunday.\n", dt.date(2024, 6, 3)),
        ("Headline\nPublished 3 June 2024, updated 5 June 2024\n\nBody of the report on Sunday.\n", dt.date(2024, 6, 3)),
        ("Headline\n3 June, 2024 — Kachin Wire\n\nBody of the report on Sunday.\n", dt.date(2024, 6, 3)),
        ("Headline\nNews Desk / Kachin Wire / 3 June 2024\n\nBody of the report on Sunday.\n", dt.date(2024, 6, 3)),
        # the foot of a republished or translated story
        ("Headline\n\nBody of the report on Sunday.\n\nThis article was first published by Kachin Wire on 3 June 2024.\n",
         dt.date(2024, 6, 3)),
        ("Headline\n\nBody of the report on Sunday.\n\n(Originally published in Burmese on 3 June 2024)\n", dt.date(2024, 6, 3)),
        # a forwarded e-mail: the message forwarded, not the forward
        ("From: Desk <desk@example.org>\nSent: Monday, 7 October 2024 09:15\nSubject: FW: brief\n\n"
         "---------- Forwarded message ---------\nFrom: Brief <brief@example.org>\nDate: Tue, 1 Oct 2024 at 06:02\n\n"
         "Body of the report on Saturday.\n", dt.date(2024, 10, 1)),
        # a PDF's masthead, the date in a column of its own
        ("United Nations\nHuman Rights Council          Distr.: General\nFifty-seventh session          16 September 2024\n\n"
         "Body of the report on Sunday.\n", dt.date(2024, 9, 16)),
        # a labelled line below a long masthead, menus and a summary
        ("Daily Post\nNews | Asia | World\nAsia / Myanmar\n\nMyanmar\n\nHeadline of the story\n\n• First summary point\n"
         "• Second summary point\n\nWire staff\nPublished: 7:30pm, 3 Jun 2024\nUpdated: 9:12pm, 3 Jun 2024\n\n"
         + "".join(f"Paragraph {n} of the report on Sunday.\n\n" for n in range(6)), dt.date(2024, 6, 3)),
        # "Publish :" with an update after a bar, below the page's own date furniture
        ("Tribune\nNation  World  Sport\ne-Paper | Archive | Sunday, June 9, 2024\n\nHeadline\n\n"
         "Publish : 03 Jun 2024, 02:47 PM  |  Update : 03 Jun 2024, 04:10 PM\n\nBody of the report on Sunday.\n",
         dt.date(2024, 6, 3)),
        # a monitoring service's masthead, its year in two digits
        ("MONITORING SERVICE\nAsia-Pacific | Myanmar\n\nHeadline\n\nBBC Monitoring   3 Jun 24\n\nBody of the report on Sunday.\n",
         dt.date(2024, 6, 3)),
        # a hearing's cover page: the date alone on its line, below the top
        ("[Serial No. 118-45]\n\nTITLE OF THE HEARING\n\nHEARING\nBEFORE THE\nSUBCOMMITTEE ON ASIA\nOF THE\n"
         "COMMITTEE ON FOREIGN AFFAIRS\nHOUSE OF REPRESENTATIVES\nFIRST SESSION\n\nMONDAY, JUNE 3, 2024\n\n"
         + "".join(f"Paragraph {n} of the testimony on Sunday.\n\n" for n in range(6)), dt.date(2024, 6, 3)),
        # the update in brackets after the clock time, and a holiday told later in the body
        ("Headline\n\nBy A Reporter\n3 Jun 2024 06:00AM (Updated: 3 Jun 2024 10:12AM)\n\nBody of the report on Sunday. "
         "He left on New Year's Eve.\n", dt.date(2024, 6, 3)),
    ],
)
def test_more_date_line_shapes(text: str, day: dt.date) -> None:
    published = find_published(text, None)
    assert published.day == day and published.source == "dateline"


def test_seizure_of_power_is_the_coup() -> None:
    published = find_published("Opponents marked the third anniversary of the army's seizure of power on Thursday.", None)
    assert published.day is not None and published.day.year == 2024


def test_wire_dateline_day_is_not_counted_past() -> None:
    """'BANGKOK, June 6 (Reuters) -' is the filing day: its 'on Tuesday' lies before it."""
    text = ("BANGKOK, June 6 (Reuters) - Eleven police officers abandoned their posts on Tuesday "
            "and went over to the KNLA, the group said, in the first five months of 2024.")
    result = find_published(text)
    assert result.day == D(2024, 6, 6)


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("2023 November 20", D(2023, 11, 20)),  # year first, in translated copy
        ("February 9, 2024 7:41 AM GMT+6:30 Updated 3 days ago", D(2024, 2, 9)),
        ("12 November 2022 at 19:05 - Public", D(2022, 11, 12)),  # a Facebook post
        ("( 9 - 5 - 2022 )", D(2022, 5, 9)),
        ("Date: 7.6.2023 (Wednesday)", D(2023, 6, 7)),
    ],
)
def test_date_lines_of_translated_and_social_copy(line: str, day: dt.date) -> None:
    published = find_published(f"{line}\n\nHeadline\n\nBody of the report about soldiers.\n", None)
    assert published.day == day and published.source == "dateline"


def test_holiday_being_marked_dates_the_text() -> None:
    """'marking Martyrs' Day' is 19 July of the year the rest of the text fixes."""
    text = ("The regime held a ceremony on Friday, while the NUG, in a statement marking Martyrs' Day, "
            "urged soldiers to defect. More than 3,000 have left since a conscription law took effect "
            "in February, it said. An alliance launched an offensive last October.")
    assert find_published(text).day == D(2024, 7, 19)


def test_holiday_named_day_is_not_pushed_past_by_other_weekdays() -> None:
    """'on Monday' is the holiday itself; 'on Sunday' was the day before, not the next Sunday."""
    text = ("Police left their posts on Monday and joined protesters marking International Women's Day, "
            "weeks after last month's military coup.\n\nSeveral people were injured on Sunday.")
    assert find_published(text).day == D(2021, 3, 8)


@pytest.mark.parametrize(("text", "start"), [
    # news told by weekday after a happening the text names but does not date
    ("Police Flee After Executions\n\nThree police officers fled days after the regime announced it had executed "
     "four democracy activists. On Wednesday, the three reached an area controlled by the KNU.", D(2022, 7, 27)),
    ("Militia Switches Sides\n\nThe State Security and Peace Commission took over from the junta's council. "
     "Fifty militiamen crossed to the KNLA on Saturday.", D(2025, 8, 2)),
])
def test_weekday_news_after_a_known_happening_dates_the_writing_after_it(text: str, start: D) -> None:
    result = find_published(text)
    assert result.source == "content" and result.span is not None
    assert result.span.start == start


@pytest.mark.parametrize(("text", "start", "end"), [
    # the year of a date without one is the latest before the fetch
    ("Crawled: 2025-01-19 03:12:55 UTC\n\nThree soldiers fled during last month's Thingyan holiday, the group "
     "said, months after the conscription law was activated.", D(2024, 5, 1), D(2024, 12, 31)),
    # the writing ends by the fetch
    ("Saved by archive.org on 2 March 2024 10:00 GMT\n\nSince the conscription law was activated, police have "
     "fled.", D(2024, 2, 10), D(2024, 3, 2)),
    # a fetch before what the text reports as past bounds nothing
    ("Retrieved: 2023-01-05\n\nSince the conscription law was activated, police have fled.", D(2024, 2, 10), D(2025, 2, 9)),
])
def test_a_fetch_date_bounds_the_writing_from_above(text: str, start: D, end: D) -> None:
    result = find_published(text)
    assert result.source == "content" and result.span is not None
    assert (result.span.start, result.span.end) == (start, end)


def test_a_fetch_line_with_no_content_dates_dates_nothing() -> None:
    assert find_published("Crawled: 2025-01-19\n\nThree soldiers fled.").day is None


@pytest.mark.parametrize(("line", "day"), [
    ("Crawled: 2025-01-19 03:12:55 UTC", D(2025, 1, 19)),
    ("Saved by archive.org on 29 Oct 2025 20:17:04 GMT", D(2025, 10, 29)),
    ("Retrieved 14 August 2025", D(2025, 8, 14)),
    # a tool's copy, dated when it was made
    ("Thread Reader — unrolled thread, saved 2024-02-19", D(2024, 2, 19)),
    ("Exported 2024-03-02 08:15 by archive volunteer; translations by the archive", D(2024, 3, 2)),
    ("archive.ph snapshot · saved 2 May 2023 08:41:17 UTC · from host old.reddit.com", D(2023, 5, 2)),
    ("[Saved with SingleFile on 2024-11-20 14:02 · source: facebook.com/page (public page) · text only]", D(2024, 11, 20)),
    # downloaded, cached, extracted: after what was copied, from where
    ("Episode transcript downloaded from the show's archive on 2024-06-11", D(2024, 6, 11)),
    ("t.me/s/some_channel  -  Telegram web preview  -  page cached 2023-05-04 11:20", D(2023, 5, 4)),
    ("brief_no7_final.pdf  |  text extracted 2022-09-30  |  12 pages", D(2022, 9, 30)),
    # a reader's, a browser tool's, a printer's or a mailbox's copy
    ("[reading-view copy saved 2023-07-09 10:20 from example.org/news/police-leave]", D(2023, 7, 9)),
    ("Saved with PageKeeper | 2023-08-14 17:05 | source: example.org (mobile layout)", D(2023, 8, 14)),
    ("Printed from the Delta Voices website on 04/03/2022, 09:12 — page 2 of 3", D(2022, 3, 4)),
    ("[Received by email via the press list of a township council, 9 May 2023 07:15 | attachment: statement.pdf]",
     D(2023, 5, 9)),
    # a copy that says the original's date is lost: the date is the copy's
    ("Posted 14 June 2022 · Translated by volunteers · The date of the original article was not recorded.", D(2022, 6, 14)),
])
def test_scrape_lines_read_their_fetch_day(line: str, day: D) -> None:
    parsed = parse_date_line(line)
    assert parsed is not None and parsed.kind == "scrape" and parsed.day == day


@pytest.mark.parametrize("line", [
    "The files were retrieved from the base on 3 May 2023.",
    "Soldiers saved on 3 May 2023 by villagers",
    "The leaflets were printed on 3 May 2023 in Hpapun.",
    "The photos were saved 13 July 2024 by the unit.",
])
def test_sentences_that_tell_of_fetching_are_no_scrape_lines(line: str) -> None:
    parsed = parse_date_line(line)
    assert parsed is None or parsed.kind != "scrape"


@pytest.mark.parametrize(("text", "start"), [
    # "in the fortnight since ... on November 13": written about two weeks after; the year of a date
    # written without one is the latest before the page was fetched
    ("[Page saved 2024-06-17 09:31]\n\nPolice fled on Saturday, the latest setback in the fortnight since the AA "
     "opened its offensive in Rathedaung on November 13.", D(2023, 11, 27)),
    ("In the two weeks since the offensive began on 13 November 2023, police have fled.", D(2023, 11, 27)),
    ("In the ten days since the strike began on March 3, 2021, teachers have left.", D(2021, 3, 13)),
])
def test_time_since_a_date_dates_the_writing(text: str, start: D) -> None:
    result = find_published(text)
    assert result.source == "content" and result.span is not None and result.span.start == start


def test_a_stamp_of_a_known_shape_wins_over_a_headers_date() -> None:
    """A site's header may print the day the page was viewed: a byline's stamp is the article's."""
    text = ("Site | Home | Yangon 31°C | Monday, 12 May 2025\n\nHeadline\n\nBy A Writer | 28 January 2024\n\nBody of the report.\n")
    assert find_published(text, None).day == dt.date(2024, 1, 28)


def test_a_sentence_ending_in_a_date_is_not_a_date_line() -> None:
    assert date_stamp("The army attacked the town, Tuesday, 7 May 2024") is None


@pytest.mark.parametrize(("text", "start", "end"), [
    # "in the ten days since" an anchor: written about then, counting the first day or not
    ("113 personnel have joined the resistance in the ten days since Operation 1111 began.", D(2023, 11, 20), None),
    # the days of the revolution, counted from the coup's day as Day 1
    ("Weekly digest. Spring Revolution Day 795 - Day 801\n\nWe have heard this since 2021.", D(2023, 4, 12), D(2023, 4, 13)),
    ("Today is Day 1,000 of the Spring Revolution.", D(2023, 10, 28), D(2023, 10, 29)),
    # "Yesterday, on Martyrs' Day": that day's morrow, in the year the other cues give
    ("Yesterday, on Martyrs' Day, four conscripts came over to us. Since the Military Service Law came into force "
     "in February, many have fled.", D(2024, 7, 20), D(2024, 7, 20)),
    # "the draft law has been switched on last month"
    ("Now that the draft law has been switched on last month, people ask me what it is like.", D(2024, 3, 1), D(2024, 3, 31)),
])
def test_days_of_the_revolution_and_yesterdays_holiday(text: str, start: D, end: D | None) -> None:
    result = find_published(text)
    assert result.span is not None and result.span.start == start
    if end is not None:
        assert result.span.end == end


def test_an_archive_snapshot_line_is_a_scrape_line() -> None:
    assert date_stamp("[archive snapshot 2024-08-02 14:05 - facebook.com - page text only]").kind == "scrape"


def test_a_year_long_before_the_coup_does_not_give_the_year_of_dates_without_one() -> None:
    # "since 2012" is background: without it nothing dates "on Sunday", and the article is not put in 2012
    text = ("Dear readers,\n\nThe outpost surrendered on Sunday, the group says.\n\n"
            "Next week: a teacher who has worked in the group's schools since 2012.\n")
    assert find_published(text).day is None


@pytest.mark.parametrize("body", [
    "On the eve of Union Day, the PDF released a video urging soldiers to defect.",
    "Two days before Union Day, nine soldiers had left their base near Kalay.",
])
def test_a_past_happening_on_the_eve_of_a_day_keeps_the_stated_date(body: str) -> None:
    """'On the eve of Union Day, the PDF released ...' tells of a past day, not of one still ahead."""
    result = find_published(f"Headline\n\n{body}\n", D(2024, 2, 14))
    assert (result.day, result.source) == (D(2024, 2, 14), "metadata")


@pytest.mark.parametrize("line, day", [
    ("7 min read · Dec 3, 2023", D(2023, 12, 3)),  # a blog's reading time beside its date
    ("Friday, 8 September 2023, 19:00 MMT, held online", D(2023, 9, 8)),
    # a programme's air date beside its length
    ("Aired: Monday, 4 March 2024, 19:30 ICT · Duration 31:05", D(2024, 3, 4)),
])
def test_more_stamps_of_the_writing(line: str, day: D) -> None:
    text = f"Why I left\n\n{line}\n\nI left my unit in 2021.\n\nResponses\nAung Ko · Dec 5, 2023\nThank you.\n"
    assert find_published(text).day == day


def test_a_statements_signature_date_near_its_foot_dates_it() -> None:
    body = "\n\n".join(f"{n}. The council notes point {n} of the situation in the district." for n in range(1, 25))
    text = (f"STATEMENT No. 3/2024\n\n{body}\n\nExecutive Committee\nDistrict Council\nDate: 4 March 2024\n"
            "Contact:\nSecretary, District Council\nInformation Officer\n— End of statement —\nDistributed by the council.\n")
    result = find_published(text)
    assert (result.day, result.source) == (D(2024, 3, 4), "dateline")
    # (a story's related link labelled "Published" near the foot is no such date)
    linked = text.replace("Date: 4 March 2024", "Published 4 March 2024")
    assert find_published(linked).day != D(2024, 3, 4)


def test_a_posts_day_without_its_year_is_the_latest_before_the_capture() -> None:
    text = ("Saved with PageKeeper | 2024-03-02 08:15 | source: facebook.com\n\nFacebook\n\nSome PDF page\n"
            "February 12 at 9:14 PM · 🌏\n\nTwo soldiers joined us with their rifles.\n")
    result = find_published(text)
    assert (result.day, result.source) == (D(2024, 2, 12), "dateline")


def test_the_wayback_bar_is_chrome() -> None:
    text = ("The Wayback Machine - https://web.archive.org/web/20240211062003/https://www.example.org/x/\n"
            "Saved 3 times between 2023 and 2024.\n\nPolice leave\n\nFour police officers joined the PDF on Monday.\n")
    cleaned, removed = clean(text)[:2]
    assert "Saved 3 times" not in cleaned and "Wayback" not in cleaned
    assert find_published(text).date_lines == [0]


def test_a_copy_that_says_the_posts_date_is_hidden_dates_it_by_its_relative_stamp() -> None:
    text = ("Text copied from m.facebook.com by a volunteer on 12 Mar 2024 · the post's own date is hidden behind a "
            "relative stamp\n\nSome Defector Network\n3d · 🌐\n\nTwo soldiers from a battalion in Monywa came to us "
            "yesterday with their rifles.\n")
    result = find_published(text)
    assert result.day == D(2024, 3, 9) and 0 in result.date_lines


def test_a_search_engines_cached_copy_is_no_date_of_the_article() -> None:
    line = ("This is a cached copy of example.org/news/2023/... It is a snapshot of the page as it appeared on "
            "20 Jun 2023 10:02:11 GMT. The current page could have changed in the meantime.")
    stamp = date_stamp(line)
    assert stamp is not None and stamp.kind == "scrape"
    text = f"{line}\n\nPolice leave Kale\n\nFour police officers joined the PDF last month, residents said.\n"
    result = find_published(text)
    assert result.day is None or result.day <= D(2023, 6, 20)
    assert 0 in result.date_lines
