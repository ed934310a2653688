"""One regression test per class of extraction mistake fixed, on sentences written for the test.

Each case is a short article with a dateline (so dates are fixed) and the facts the rule
must produce. None of these sentences comes from the demo, the seeds or the held-out set.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

import cases
import pytest

from allegiance.ingest import document_from_text
from allegiance.pipeline import Pipeline

pytestmark = pytest.mark.slow
PUBLISHED = dt.date(2023, 12, 5)  # a Tuesday


events = partial(cases.events, published=PUBLISHED)
only = partial(cases.only, published=PUBLISHED)


# --- counts ---------------------------------------------------------------------------------
def test_count_comes_from_the_subject_not_from_elsewhere(pipe):
    found = events(pipe, "A police captain from Monywa joined the Civil Disobedience Movement on Monday, "
                         "a local group that says more than 900 officers have now left the force said.")
    by_type = {e.type.value: e for e in found}
    assert by_type["defection"].count.value == 1
    assert by_type["tally"].count.value == 900  # the group's own running total is a second claim


def test_bare_figure_as_subject(pipe):
    found = events(pipe, "The Karen National Union said some 800 soldiers had contacted it since the coup, "
                         "while the National Unity Government said more than 9,000 had defected.")
    by_value = {e.count.value: e for e in found if e.count}
    assert set(by_value) == {800, 9000}
    assert all(e.type.value == "tally" for e in found)
    assert by_value[800].actor == "KNU" and by_value[9000].actor == "NUG"


def test_family_members_are_kept_apart(pipe):
    ev = only(pipe, "After three days of fighting, 64 soldiers and 70 family members surrendered to the "
                    "Arakan Army at a base in Ponnagyun Township, the group said.")
    assert ev.type.value == "surrender" and ev.count.value == 64


def test_kin_who_join_a_defector_later_are_no_defection_of_their_own(pipe):
    body = ("PEOPLE'S SOLDIERS\nHome | About us | Updates | Donate\n\nUPDATE: Our month in numbers\n\n"
            "Posted by the People's Soldiers team\n\nA police sergeant from Myingyan left his station on "
            "Tuesday and reached our safe house. His wife and daughter joined him four days later.")
    found = [e for e in pipe.extract(document_from_text(body, name="update.txt")).events
             if e.type.value in ("defection", "surrender")]
    assert len(found) == 1 and found[0].who is not None and found[0].who.category == "police"


@pytest.mark.parametrize(("body", "value"), [
    ("Police Corporal Aung Ko Ko and 14 colleagues from the town's police station joined the CDM on Monday.", 15),
    ("Militia leader U Tin Soe Win and 58 of his men left their base on Saturday and crossed to the KNLA.", 59),
    ("He said he and four other draftees fled their unit in Ann on Monday and reached the Arakan Army.", 5),
    ("Her husband and five other officers from the town's police station joined the CDM on Monday.", 6),
])
def test_a_named_person_or_he_coordinated_with_others_counts_as_one(pipe, body, value):
    (ev,) = [e for e in events(pipe, body) if e.type.value == "defection"]
    assert ev.count is not None and ev.count.value == value


# --- certainty ------------------------------------------------------------------------------
def test_hedge_in_the_next_sentence_makes_it_unconfirmed(pipe):
    ev = only(pipe, "Nine soldiers from Light Infantry Battalion 230 defected to the Chin National Front on "
                    "Sunday, the group said. That account could not be independently verified.")
    assert ev.certainty == "unconfirmed"


def test_denial_by_the_regime_keeps_the_claim_unconfirmed(pipe):
    found = events(pipe, "The TNLA said 45 soldiers surrendered at a base in Kyaukme on Saturday after a week of "
                         "fighting. The military denied that any troops in Kyaukme had surrendered.")
    assert len(found) == 1 and found[0].certainty == "unconfirmed"


def test_second_party_confirmation(pipe):
    ev = only(pipe, "About 30 police officers in Kawkareik joined the Karen National Union on Friday, "
                    "the officers' former commander said in a video. A KNU spokesman confirmed to "
                    "reporters that the officers had arrived at a brigade camp.")
    assert ev.certainty == "confirmed"


# --- not events -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "body",
    [
        "The junta denied that any soldiers had defected from the Loikaw garrison.",
        "Many soldiers would defect if their families were safe, analysts say.",
        "A member of a local People's Defence Force surrendered to junta troops in Myaing last week.",
        "Over ten weeks the regime has given up more than two dozen towns to the alliance.",
        "The NUG counts police and soldiers who simply stopped reporting for duty.",
        "The KNU has called on the public to join the protests against the airstrikes.",
        "Hundreds of students joined the protest in Mandalay on Sunday.",
        # the regime's word on its foes giving up to it
        'State media said 14 "terrorists" surrendered to security forces in Ye-U this week.',
    ],
)
def test_not_events(pipe, body):
    assert events(pipe, body) == []


# --- places ---------------------------------------------------------------------------------
def test_dateline_is_not_the_event_place(pipe):
    ev = only(pipe, "LASHIO — Twenty soldiers surrendered to the TNLA in Namtu Township on Monday after "
                    "a week of fighting, the group said.")
    assert ev.location is not None and ev.location.admin3 != "Lashio" and "Namtu" in ev.location.name


def test_home_base_is_not_the_event_place(pipe):
    ev = only(pipe, "Six soldiers from an infantry battalion based in Dawei defected to the Karen National "
                    "Union in Myawaddy on Monday, the KNU said.")
    assert ev.location.name == "Myawaddy"


def test_home_base_is_used_when_nothing_else_is_given(pipe):
    ev = only(pipe, "Three police officers from Falam police station joined the Chin National Front on Monday.")
    assert ev.location is not None and ev.location.name.startswith("Falam")


# --- receivers, claimants, types ------------------------------------------------------------
def test_to_its_forces_is_the_claimant(pipe):
    ev = only(pipe, "The Kachin Independence Army said 31 junta soldiers had surrendered to its forces in "
                    "Waingmaw on Sunday after an attack on their outpost.")
    assert ev.to == "KIO"


def test_followed_by_did_the_same(pipe):
    found = events(pipe, "Eight police officers in Sagaing joined the CDM on Monday. Three more from the same "
                         "station did the same on Tuesday.")
    assert [e.type.value for e in found] == ["defection", "defection"]
    assert found[1].to == "CDM" and found[1].count.value == 3
    assert found[1].date.start == PUBLISHED  # "on Tuesday" in a Tuesday article is that Tuesday


def test_stopping_work_is_joining_the_cdm(pipe):
    ev = only(pipe, "About 40 nurses at Mandalay General Hospital stopped work on Monday in protest.")
    assert ev.type.value == "defection" and ev.to == "CDM" and ev.who.category == "civil_servant"


def test_subordinate_until_does_not_make_a_tally(pipe):
    ev = only(pipe, "About 25 teachers in Monywa stopped work on Monday, saying they would not return until "
                    "the elected government was restored.")
    assert ev.type.value == "defection"


def test_since_clause_makes_a_tally(pipe):
    ev = only(pipe, "The KNDF says about 90 soldiers and police have come over to the resistance since the "
                    "group was formed in May 2021.")
    assert ev.type.value == "tally" and ev.date.start <= dt.date(2021, 5, 31) and ev.to == "KNDF"


def test_large_figure_without_a_date_is_an_aggregate(pipe):
    ev = only(pipe, "The opposition government says 12,000 soldiers and police have defected.")
    assert ev.type.value == "tally"


def test_headline_lede_and_body_are_one_event(pipe):
    text = ("Soldiers defect to KNU in Hpapun\n\nFifteen soldiers have deserted and turned themselves over to "
            "the Karen National Union, the group said.\nThe soldiers, from Light Infantry Battalion 341, "
            "defected to KNU Brigade 5 in Hpapun on Sunday, a KNU spokesman said.\n")
    found = Pipeline().extract(document_from_text(text, name="t.txt", published=PUBLISHED)).events
    assert len(found) == 1
    ev = found[0]
    assert ev.count.value == 15 and ev.to == "KNU" and ev.location.name == "Hpapun"
    assert ev.who.unit and "341" in ev.who.unit


def test_a_vague_count_told_first_takes_the_figure_told_again(pipe):
    ev = only(pipe, "Hundreds of junta soldiers surrendered to the Arakan Army after it overran a regional command "
                    "in Rakhine State.\n\nAbout 1,600 soldiers surrendered to the Arakan Army at the command's "
                    "headquarters in Ann on Monday after weeks of fighting, the group said.")
    assert ev.count.value == 1600 and ev.count.qualifier == "approx"


def test_a_vague_lede_a_day_off_is_the_happening_the_body_gives_a_figure_for(pipe):
    ev = only(pipe, "Hundreds of junta soldiers surrendered to the Arakan Army on Monday after it overran a regional "
                    "command in Rakhine State.\n\nAbout 1,600 soldiers surrendered to the Arakan Army at the command's "
                    "headquarters in Ann late on Sunday after weeks of fighting, the group said.")
    assert ev.count.value == 1600 and ev.date.start == dt.date(2023, 12, 3)


def test_the_same_figure_from_the_same_town_a_day_apart_is_one_happening_told_twice(pipe):
    ev = only(pipe, "Six police officers stationed in Khawzar have left their posts and joined a resistance group "
                    "this week, sources said.\n\nA police sergeant and five constables from the Khawzar police station "
                    "slipped away on the night of December 3 and reached a resistance camp the next morning, a "
                    "spokesman said.")
    assert ev.count.value == 6 and (ev.date.start, ev.date.end) == (dt.date(2023, 12, 3), dt.date(2023, 12, 3))


@pytest.mark.parametrize("more", ["another 30 soldiers", "30 more soldiers"])
def test_more_soldiers_a_day_after_a_vague_lede_are_a_new_happening(pipe, more):
    found = events(pipe, "Dozens of junta soldiers surrendered to the Arakan Army in Ann township on Monday after days "
                         f"of fighting, the group said.\n\nOn Tuesday, {more} surrendered to the Arakan Army at an "
                         "outpost nearby, the group said.")
    assert len(found) == 2


def test_call_deadline_is_not_its_date(pipe):
    ev = only(pipe, "The KNDF on Monday urged police officers in Loikaw to join the CDM before the end of the month.")
    assert ev.type.value == "call_to_defect" and ev.date.start == dt.date(2023, 12, 4)


def test_anchor_from_context(pipe):
    text = ("Operation 1111 was launched by Karenni forces on Nov. 11 with an attack on Loikaw. "
            "The KNDF said more than 200 junta soldiers had surrendered since the operation began.")
    ev = only(pipe, text)
    assert ev.type.value == "tally" and ev.date.start == dt.date(2023, 11, 11)


def test_since_of_another_verb_does_not_open_a_span(pipe):
    ev = only(pipe, "Fifteen soldiers who had been stationed in Bhamo since 2021 defected to the KIA on Friday.")
    assert ev.date.start == ev.date.end == dt.date(2023, 12, 1)


def test_the_sentence_before_sets_the_time(pipe):
    ev = only(pipe, "On Thursday, the KIA launched attacks on junta outposts near Bhamo. Twelve soldiers "
                    "surrendered at one outpost, a spokesman said.")
    assert ev.date.start == ev.date.end == dt.date(2023, 11, 30)


@pytest.mark.parametrize(("body", "day"), [
    # counted from a happening told in a later sentence
    ("Eleven soldiers who fled the overrun camp gave themselves up to the Kani PDF two days after the camp fell, "
     "the group said.\n\nThe camp, in Kani Township, fell on November 20 after a three-day assault.", dt.date(2023, 11, 22)),
    ("On the day the town fell, about 60 police officers surrendered to the TNLA, residents said.\n\n"
     "Kutkai fell to the TNLA on November 14 after weeks of fighting.", dt.date(2023, 11, 14)),
    # a day when it was said is not the day it happened
    ("The Mon State police withdrew from Kyaikmaraw on November 27. A day after the police left, 14 soldiers at the "
     "outpost surrendered to the MNLA, the group said in a statement on Monday.", dt.date(2023, 11, 28)),
    # counted from a statement told before
    ("On Tuesday of last week, the KNU issued a statement calling on soldiers in Dawei to lay down their arms. "
     "Two days after the statement, nine soldiers at an outpost surrendered to the KNLA.", dt.date(2023, 11, 30)),
])
def test_days_counted_from_a_happening_told_elsewhere(pipe, body, day):
    found = [e for e in events(pipe, body) if e.type.value == "surrender"]
    assert len(found) == 1 and found[0].date.start == found[0].date.end == day


@pytest.mark.parametrize(("body", "value"), [
    # a network's month: those who reached safety through it
    ("In November, 58 soldiers and police reached safety through our network, the group's founder said.", 58),
    # a figure over weeks told with its months
    ("The KIA said 1,120 junta personnel surrendered to its forces between early May and the end of June.", 1120),
    # an abbreviated month inside what a figure counts
    ("The MNDAA puts the number of troops who have surrendered in northern Shan since Oct. 27 at more than 2,500.", 2500),
])
def test_more_figures_told_as_totals(pipe, body, value):
    (ev,) = events(pipe, body)
    assert ev.type.value == "tally" and ev.count.value == value


@pytest.mark.parametrize("body", [
    # those a figure leaves out
    "The TNLA says it has captured more than 900 soldiers since June, a figure that does not include those who surrendered.",
    # a state the army was left in
    "Defeats in Rakhine and Shan have left the military more reliant on air strikes, analysts said.",
])
def test_what_a_figure_leaves_out_or_a_state_left_in_is_no_leaving(pipe, body):
    assert events(pipe, body) == []


def test_a_briefs_line_is_claimed_by_the_body_that_leads_it_or_its_source_note(pipe):
    body = ("We list the figures armed groups released, compiled by us.\n\n"
            "Kachin Independence Army — 640 soldiers and police surrendered in Kachin State between October and March "
            "(KIA statements, compiled by us)\n\n"
            "2 March — Bhamo (Kachin): about 90 soldiers surrendered to the KIA as the base fell. Source: KIA statement.")
    found = events(pipe, body, published=dt.date(2024, 4, 2))
    tally = next(e for e in found if e.type.value == "tally")
    assert (tally.actor, tally.claimed_by) == ("KIO", "KIO")
    # a figure quoted as given, over "the year to" a month
    (quoted,) = events(pipe, 'Karen National Union — "over 700" military personnel surrendered to or joined KNLA units '
                             "in the year to March (KNU annual report)", published=dt.date(2024, 4, 2))
    assert quoted.type.value == "tally" and quoted.count.value == 700 and quoted.claimed_by == "KNU"
    surrender = next(e for e in found if e.type.value == "surrender")
    assert surrender.claimed_by == "KIO"


def test_two_single_people_are_two_events(pipe):
    found = events(pipe, "A police major in Mandalay joined the CDM on Monday. A police lieutenant in Pyin Oo Lwin "
                         "was also reported to have left his post on Monday to join the movement.")
    assert [e.count.value for e in found] == [1, 1]


def test_dateline_date_does_not_beat_the_event_day(pipe):
    ev = only(pipe, "SITTWE, 5 December 2023 — Thirty soldiers surrendered to the Arakan Army in Pauktaw on "
                    "Sunday after days of fighting, the group said.")
    assert ev.date.start == dt.date(2023, 12, 3)
    assert not ev.evidence.startswith("SITTWE")


# --- claimants ------------------------------------------------------------------------------
def test_whom_a_source_told_is_not_the_claimant(pipe):
    ev = only(pipe, "A KNDF spokesman told RFA that 14 soldiers had defected to the group in Demoso on Sunday.")
    assert ev.claimed_by == "KNDF"


def test_one_told_is_never_what_the_text_points_back_to(pipe):
    """'told CNA' names the listener (here an outlet whose initials are also the Chin National Army's)."""
    found = events(pipe, "Twenty village administrators in Homalin Township resigned on Sunday, a member of the township's "
                         "administration team told CNA.\n\nThe group urged the remaining administrators to resign too.")
    (call,) = [e for e in found if e.type.value == "call_to_defect"]
    assert call.actor != "CNF"


@pytest.mark.parametrize("appeal", [
    "The resignations followed warning letters that the Homalin Township People's Defence Force sent on 4 July to "
    "all administrators working under the military council, telling them to resign within 15 days.",
    "Residents found appeal leaflets dropped by the Kawlin PDF on Sunday urging soldiers to leave their posts.",
])
def test_who_sent_an_appeal_issues_it(pipe, appeal):
    found = events(pipe, "The KNDF said on Monday that nine soldiers had joined it.\n\n" + appeal)
    (call,) = [e for e in found if e.type.value == "call_to_defect"]
    assert call.actor == "PDF"


def test_passive_reported_is_not_a_speaker(pipe):
    ev = only(pipe, "A police sergeant in Sagaing was also reported to have joined the CDM on Monday.")
    assert ev.claimed_by is None


def test_descriptive_source_is_kept_as_written(pipe):
    ev = only(pipe, "Seven soldiers deserted from a camp near Myawaddy on Sunday, according to local residents.")
    assert ev.claimed_by == "local residents"


@pytest.mark.parametrize(("speaker", "claimant"), [
    ("his wife told Myanmar Now", "his wife"), ("a family friend said", "a family friend"),
    ("according to his brother", "his brother"),
])
def test_relatives_as_sources_are_kept_as_written(pipe, speaker, claimant):
    ev = only(pipe, f"A police captain from Kalay left his post on Monday and joined the CDM, {speaker}.")
    assert ev.claimed_by == claimant


@pytest.mark.parametrize(("speaker", "claimant"), [
    # one of the regime's men, not named, speaks for himself, not for the force
    ("a police captain who asked not to be named told RFA", "a police captain who asked not to be named"),
    # "said" before a described member: the body he speaks for
    ("said a member of the local KNDF who declined to be named", "KNDF"),
])
def test_described_speakers(pipe, speaker, claimant):
    ev = only(pipe, f"Twelve soldiers defected to the KNLA on Monday, {speaker}.")
    assert ev.claimed_by == claimant


def test_a_place_is_not_the_person_a_she_said_refers_to(pipe):
    found = events(pipe, "In Pegu town itself, 14 nurses at the general hospital stopped going to work and joined the "
                         "Civil Disobedience Movement on Monday. She said the group left after an order to treat soldiers first.")
    (ev,) = [e for e in found if e.type.value == "defection"]
    assert ev.claimed_by != "Pegu"


def test_a_defector_quoted_after_his_story_tells_it(pipe):
    found = events(pipe, "For nine years Thura served in the army. In early May he slipped out of his battalion's base in "
                         "Magway and reached territory held by the PDF.\n\n\"I could not burn another village,\" the "
                         "29-year-old sergeant told AFP.", published=dt.date(2023, 6, 5))
    (ev,) = [e for e in found if e.type.value == "defection"]
    assert ev.claimed_by == "Thura"


def test_a_group_that_puts_the_total_at_a_figure_claims_it(pipe):
    found = events(pipe, "People's Goal, a network of former soldiers, helps deserters reach safety. The group puts "
                         "the total number of soldiers and police who have left the military since the coup at about 8,000.")
    (ev,) = [e for e in found if e.type.value == "tally"]
    assert ev.claimed_by == "PEOPLES-BOSOM"


@pytest.mark.parametrize(("body", "claimant"), [
    # a speaker's age between name and verb
    ("Htet Aung Kyaw, 27, told Myanmar Now that he walked out of the Chanmyathazi police station on Monday night "
     "and joined the CDM.", "Htet Aung Kyaw"),
    # a regime officer named after his force speaks for himself, not for the police
    ("Police Deputy Inspector Ye Htut Kyaw told Myanmar Now that he left his post last Tuesday and joined the CDM.",
     "Ye Htut Kyaw"),
    # a place after a source is not a person's name
    ("Dozens of police officers have crossed into India since late February, according to an Indian official in the "
     "border district of Champhai.", "an Indian official in the border district of Champhai"),
    # an alliance described between dashes speaks, not the last member the aside names
    ("The Three Brotherhood Alliance — the MNDAA, the Ta'ang National Liberation Army and the Arakan Army — said "
     "more than 400 soldiers had surrendered to its forces on Friday.", "BROTHERHOOD-ALLIANCE"),
    # another country's police speak as written
    ("Three soldiers crossed into Thailand on Wednesday and asked for protection, according to Tak provincial police.",
     "Tak provincial police"),
    # "The Lab": the last word of a name the article gave in full
    ("The Ayeyar Policy Lab, a think tank, published a report on Monday. The Lab recorded 351 members of the military "
     "and police who defected in the first half of the year.", "Ayeyar Policy Lab"),
    # a described group refers back to the one the sentence names
    ("About 600 soldiers surrendered to the Myanmar National Democratic Alliance Army on Thursday, the ethnic Kokang "
     "armed group said.", "MNDAA"),
])
def test_speakers_named_in_the_sentence(pipe, body, claimant):
    assert only(pipe, body).claimed_by == claimant


def test_generic_resistance_refers_back_to_the_named_group(pipe):
    ev = only(pipe, "The Yaw Defence Force has been fighting in Gangaw since 2021. On Monday, 18 militia "
                    "members switched sides and joined the resistance group, a spokesman said.")
    assert ev.to == "PDF"


# --- places and dates, continued --------------------------------------------------------------
def test_possessor_place_contains_the_event_place(pipe):
    ev = only(pipe, "Twenty soldiers surrendered to a PDF in Sagaing's Pinlebu on Monday after a week of fighting.")
    assert ev.location.name == "Pinlebu"


def test_possessor_is_kept_when_no_place_follows(pipe):
    ev = only(pipe, "Twenty soldiers surrendered in Sagaing's northern hills on Monday after a week of fighting.")
    assert ev.location is not None and ev.location.admin1 == "Sagaing"


def test_running_total_without_a_period_starts_at_the_coup(pipe):
    ev = only(pipe, "The network says more than 600 police officers across the country have now joined the movement.")
    assert ev.type.value == "tally" and ev.date.start == dt.date(2021, 2, 1) and ev.date.end == PUBLISHED


def test_coup_anchor_is_background_for_a_single_happening(pipe):
    ev = only(pipe, "A police major in Mandalay has joined the CDM, the most senior officer in the city to quit "
                    "since the military seized power.")
    assert ev.date.start == ev.date.end == PUBLISHED


def test_call_takes_the_day_its_issuer_made_the_statement(pipe):
    ev = only(pipe, "The NUG's Ministry of Defence announced on Monday a reward scheme for defectors. In the "
                    "statement, the ministry urged soldiers and police to abandon the military council.")
    assert ev.type.value == "call_to_defect" and ev.date.start == dt.date(2023, 12, 4)


@pytest.mark.parametrize(("opening", "day"), [
    # a statement told in the lede and quoted paragraphs later: the appeal is of its day
    ("The NUG's Ministry of Defence issued a statement on Monday about its reward scheme.", dt.date(2023, 12, 4)),
    # one made weeks before the writing, told far back, is background: the article's date
    ("The NUG's Ministry of Defence announced its reward scheme on 12 November.", PUBLISHED),
])
def test_a_call_told_paragraphs_after_a_statement_takes_its_day_only_when_recent(pipe, opening, day):
    text = (f"{opening}\n\n"
            "The scheme was first set up two years ago. Officials say it has been revised several times. "
            "Fighting has continued in the north. Prices of rice have doubled in Mandalay. "
            "Aid groups say access remains limited.\n\n"
            "The ministry urged soldiers and police to abandon the military council.")
    ev = only(pipe, text)
    assert ev.type.value == "call_to_defect" and ev.date.start == day


def test_happenings_before_the_coup_are_out_of_scope(pipe):
    assert events(pipe, "A former captain, who left the military before the coup and now lives in Thailand, "
                        "runs a support group for defectors.") == []


def test_leaving_the_force(pipe):
    ev = only(pipe, "Three police officers in Kalay left the force on Sunday and joined a local PDF.")
    assert ev.type.value == "defection" and ev.count.value == 3


def test_officials_resigning_leave_its_service_but_not_everyone_who_resigns(pipe):
    ev = only(pipe, "Two ward administrators in Thingangyun Township resigned from their posts on Friday.")
    assert ev.type.value == "defection" and ev.who.category == "official"
    assert events(pipe, "The football federation's president resigned on Friday.") == []


def test_the_subject_that_took_people_in_is_the_receiver(pipe):
    ev = only(pipe, "A KNLA brigade commander said the brigade has taken in more than 100 soldiers since the coup.")
    assert ev.type.value == "tally" and ev.to == "KNU"


def test_strong_period_makes_a_tally_whatever_the_figure(pipe):
    ev = only(pipe, "Between January and March this year, 27 soldiers in Magway Region crossed over to the resistance.")
    assert ev.type.value == "tally"


def test_contact_us_is_the_goal_of_an_appeal(pipe):
    ev = only(pipe, "The network called on every soldier who no longer wishes to serve the regime to contact us "
                    "through its hotline.")
    assert ev.type.value == "call_to_defect"


def test_a_claim_called_false_is_not_an_event(pipe):
    assert events(pipe, "A viral post claimed that an entire battalion in Pyin Oo Lwin had switched sides on Monday. "
                        "The claim is false, our fact-check found.") == []


def test_the_four_refers_back_and_adds_no_tally(pipe):
    found = events(pipe, "Four police officers in Kalay left their posts on Monday. The four had contacted the PDF "
                         "through a relative before they left.")
    assert [e.type.value for e in found] == ["defection"]


def test_an_appeal_addresses_what_follows_the_verb(pipe):
    ev = only(pipe, "On Friday, the TNLA urged junta troops still deployed in Kyaukme and Nawnghkio townships "
                    "to surrender or defect.")
    assert ev.location.name == "Kyaukme" and ev.who.category == "soldier"


def test_an_office_named_after_its_place_locates_the_event(pipe):
    ev = only(pipe, "In mid-November, 14 staff of the Kyaukse Township Education Office joined the CDM.")
    assert ev.location is not None and ev.location.admin1 == "Mandalay" and "Kyaukse" in ev.location.name


@pytest.mark.parametrize(
    ("body", "value"),
    [
        ("A police sergeant and two constables from the Bhamo station joined the KIA on Sunday.", 3),
        ("One sergeant and one private from an infantry battalion defected to a local PDF on Monday.", 2),
        ("On Tuesday, 12 soldiers and four militia members surrendered to a PDF in Yinmabin after a battle.", 16),
    ],
)
def test_coordinated_people_are_summed(pipe, body, value):
    assert only(pipe, body).count.value == value


def test_an_appeal_names_a_receiver_only_when_it_names_where_to_go(pipe):
    # the seed gold leaves `to` empty for "collaborate with the committee": no body to join is named
    ev = only(pipe, "The TNLA on Friday urged junta troops in Kyaukme to surrender or defect.")
    assert ev.to is None
    ev = only(pipe, "The KIO on Friday urged civil servants in Myitkyina to resign from their posts.")
    assert ev.to is None
    ev = only(pipe, "The KNDF on Friday urged police officers in Loikaw to defect and come to us with their weapons.")
    assert ev.to == "KNDF"
    ev = only(pipe, "The KIO on Friday urged soldiers in Bhamo to defect to the KIA.")
    assert ev.to == "KIO"


def test_a_role_inside_a_named_body_speaks_for_the_body(pipe):
    ev = only(pipe, "The Dawei District PDF has grown since 2021. Five police officers joined the group on Sunday, "
                    "a member of the armed group said.")
    assert ev.claimed_by == "PDF"


def test_unnamed_resistance_sources_speak_for_the_receiver(pipe):
    ev = only(pipe, "Six soldiers defected to the Karen National Union in Hpapun on Saturday, resistance sources said.")
    assert ev.claimed_by == "KNU"


def test_evidence_is_the_richest_telling_not_the_headline(pipe):
    text = ("Ward administrators resign in Yangon after warnings\n\nTwo ward administrators in Thingangyun "
            "Township resigned from their positions on Friday night, the township strike committee said.\n")
    (ev,) = Pipeline().extract(document_from_text(text, name="t.txt", published=PUBLISHED)).events
    assert ev.evidence.startswith("Two ward administrators") and ev.count.value == 2


def test_country_wide_events_carry_the_country_point(pipe):
    ev = only(pipe, "The NUG says more than 14,000 soldiers and police have defected since the coup.")
    assert ev.location.name == "Myanmar" and ev.location.admin1 is None
    assert ev.location.pcode == "MMR" and ev.location.geo_precision == 4
    assert ev.location.latitude is not None and ev.location.longitude is not None


def test_regime_units_are_parsed_so_they_can_be_counted(pipe):
    ev = only(pipe, "Twelve soldiers from Light Infantry Battalions 402 and 403 defected to the KNU in Hpapun on Sunday.")
    assert ev.who.unit == "Light Infantry Battalions 402 and 403"
    assert [(u.type, u.number) for u in ev.who.units] == [("LIB", 402), ("LIB", 403)]
    assert "units" not in ev.to_codebook()["who"]  # the codebook export stays exactly the codebook


def test_a_headline_folds_into_the_body_event_it_sums_up(pipe):
    text = ("Myanmar troops surrender in northern Shan\n\nLASHIO -- More than 120 soldiers at a base in "
            "Laukkai surrendered to the MNDAA on Friday after weeks of fighting, the group said.\n")
    (ev,) = Pipeline().extract(document_from_text(text, name="t.txt", published=PUBLISHED)).events
    assert ev.location.name == "Laukkai" and ev.count.value == 120 and ev.evidence.startswith("More than 120")


def test_breakdowns_and_relative_clauses_on_another_event_add_nothing(pipe):
    found = events(pipe, "The ministry said 9,000 soldiers and police had defected since the coup, counting those "
                         "who joined the CDM in the first months of 2021.")
    assert [e.type.value for e in found] == ["tally"]
    found = events(pipe, "The brigade has taken in more than 100 soldiers, police and civil servants who either "
                         "defected or surrendered since the start of October.")
    assert [e.type.value for e in found] == ["tally"]


def test_weak_appeal_verbs_need_an_infinitive_goal(pipe):
    assert [e.type.value for e in events(pipe, "A ministry official who asked not to be named told Mizzima that "
                                                "more than 9,000 soldiers had defected since the coup.")] == ["tally"]


def test_a_pronoun_addressee_points_back(pipe):
    ev = only(pipe, "The KIO sent letters to civil servants in Hpakant on Monday, urging them to resign from their jobs.")
    assert ev.type.value == "call_to_defect" and ev.who.category == "civil_servant"


def test_an_anaphor_may_point_earlier_in_the_same_sentence(pipe):
    ev = only(pipe, "Over the past two weeks, 58 soldiers and police officers contacted People's Goal, a network "
                    "that works with serving soldiers, the partner group said in a statement.")
    assert ev.type.value == "tally" and ev.to == "PEOPLES-BOSOM" and ev.claimed_by == "PEOPLES-BOSOM"


@pytest.mark.parametrize(
    "body",
    [
        "Seven soldiers slipped out of their base in Thanatpin Township on Sunday and reached a PDF camp.",
        "On Friday, 28 officers from the police station in Nawnghkio walked over to the TNLA, the group said.",
        "Nine soldiers stationed at a camp in Singu Township left their camp on Sunday and joined the local PDF.",
        "On 11 October, 37 members of a police battalion in Kani Township crossed to a local PDF.",
        "Late last month, 38 traffic police in Mandalay refused to report for duty and left the city together.",
    ],
)
def test_more_ways_of_leaving(pipe, body):
    ev = only(pipe, body)
    assert ev.type.value == "defection" and ev.count is not None


def test_first_person_speaker_is_the_organisation_named_before(pipe):
    text = ("The Tharyarwady battalion of the People's Defence Force marked its third anniversary on Wednesday. "
            "\"Since we started the battalion, 46 soldiers and police have come to us,\" its commander said.")
    ev = only(pipe, text)
    assert ev.type.value == "tally" and ev.to == "PDF" and ev.claimed_by == "PDF"


# --- attribution with an appositive or a progressive verb -------------------------------------
@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        (("The Karen National Union, which runs a reception programme near the border, said about "
         "700 soldiers had contacted it since the coup."), "KNU"),
        (("The National Unity Government, formed by ousted lawmakers, says more than 12,000 soldiers "
         "and police have deserted since the coup."), "NUG"),
        (("Since the coup, around 150 government employees in Monywa District have joined the Civil "
         "Disobedience Movement, the National Unity Government was saying."), "NUG"),
        (("The National Unity Government, dominated by lawmakers from the ousted ruling party, says some "
          "12,500 soldiers and police have defected since the coup."), "NUG"),
        (("The National Unity Government, which counts civil servants separately, has put the combined number "
          "of soldiers and police who have switched sides at over 10,000."), "NUG"),
    ],
)
def test_speaker_behind_an_appositive(pipe, body, claimant):
    ev = only(pipe, body)
    assert ev.type.value == "tally"
    assert ev.claimed_by == claimant and ev.actor == claimant


# --- a named official speaks for their organisation ---------------------------------------------
@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        (("Nine soldiers from an outpost near Waingmaw surrendered to the KIA on Sunday, according to "
          "Major Zau Tu, an information officer with the KIA's 2nd Brigade."), "KIO"),
        (("A KNDF officer who uses the name Bo Htet said the group had been contacted in June.\n\n"
          "Last week, four police officers from a station in Demoso sought refuge with the KNDF, Bo Htet said."), "KNDF"),
        (("Six soldiers from an infantry battalion crossed over to the resistance on Friday, said "
          "Saw Ler Wah, a spokesperson for the Karen National Union."), "KNU"),
        (("Seven soldiers deserted from a camp in Kyainseikgyi Township on Friday and turned themselves "
          "over to KNLA Brigade 6, according to the brigade's information officer."), "KNU"),
        # a person with no organisation named beside them stays a person
        (("Twelve clerks in Mogoke joined the Civil Disobedience Movement on Monday, said Sai Lin Aung, "
          "a trader who left the town last month."), "Sai Lin Aung"),
    ],
)
def test_named_official_speaks_for_the_organisation(pipe, body, claimant):
    ev = only(pipe, body)
    assert ev.claimed_by == claimant


def test_regime_side_officer_speaks_for_himself(pipe):
    ev = only(pipe, "A company of the Border Guard Force in Kawkareik joined the KNLA on Tuesday, its commander "
                    "announced. In a video, BGF Major Saw Min Thu said his company would no longer take orders.")
    assert ev.claimed_by != "BGF"


# --- receivers and speakers referred back to ---------------------------------------------------
def test_body_referred_back_speaks_and_receives(pipe):
    found = events(pipe, "The Three Brotherhood Alliance marked the anniversary of its offensive on Sunday.\n\n"
                         "In a joint statement, the alliance said more than 4,000 junta soldiers had surrendered to "
                         "its forces in the year since the operation began.")
    ev = next(e for e in found if e.count and e.count.value == 4000)
    assert ev.claimed_by == "BROTHERHOOD-ALLIANCE" and ev.to == "BROTHERHOOD-ALLIANCE"


def test_to_it_before_a_later_trigger(pipe):
    ev = only(pipe, "The Kachin Independence Organisation said in a statement on Tuesday that some 60 regime soldiers "
                    "had surrendered to it or switched sides since the offensive began.")
    assert ev.claimed_by == "KIO" and ev.to == "KIO"


def test_received_by_fighters_of_a_group(pipe):
    ev = only(pipe, "Five soldiers from a battalion in Taungoo slipped away from their column on Friday and were "
                    "received by fighters of the Karen National Liberation Army's Brigade 3, a villager said.")
    assert ev.to == "KNU"


# --- a figure's period ----------------------------------------------------------------------------
def test_figure_during_the_reporting_period_takes_the_reports_period(pipe):
    found = events(pipe, "Covering: July - September 2023\n\nSummary\n\n"
                         "People's Embrace told us that 318 soldiers and police left their units during the "
                         "reporting period, compared with 250 in the previous quarter.")
    ev = next(e for e in found if e.type.value == "tally")
    assert (ev.date.start, ev.date.end) == (dt.date(2023, 7, 1), dt.date(2023, 9, 30))


def test_figure_compared_with_another_period_keeps_its_own(pipe):
    ev = only(pipe, "People's Embrace says that over the past six months around 900 police officers contacted "
                    "it for help, more than in the whole first year after the coup.")
    assert (ev.date.start, ev.date.end) == (dt.date(2023, 6, 5), PUBLISHED)


def test_figure_between_two_times_read_apart(pipe):
    ev = only(pipe, "The Three Brotherhood Alliance has stated that more than 1,500 regime soldiers surrendered to "
                    "its forces between the start of Operation 1027 on 27 October and 30 November.")
    assert (ev.date.start, ev.date.end) == (dt.date(2023, 10, 27), dt.date(2023, 11, 30))


@pytest.mark.parametrize("record", [
    "the heaviest loss for the army in the region since the coup",
    "in one of the biggest surrenders in the north since the start of the year",
    "the first such surrender since Operation 1027 began",
    "the most serious setback for the regime since March",
])
def test_since_closing_a_superlative_is_a_records_period_not_the_figures(pipe, record):
    ev = only(pipe, f"About 140 soldiers surrendered to the Kachin Independence Army near Bhamo on Sunday after "
                    f"days of fighting, a KIA spokesman said, {record}.")
    assert ev.type.value == "surrender" and ev.count.value == 140 and ev.date.start == dt.date(2023, 12, 3)


def test_at_least_before_a_figure_is_not_a_superlative(pipe):
    ev = only(pipe, "At least 140 soldiers have surrendered to the Kachin Independence Army since the coup, "
                    "a KIA spokesman said.")
    assert ev.type.value == "tally" and ev.date.start == dt.date(2021, 2, 1)

def test_a_figure_for_each_service_is_a_figure_of_its_own(pipe):
    found = events(pipe, "The NUG's defence ministry said 614 military personnel and 188 police personnel have joined "
                         "the people since September.")
    assert sorted((e.count.value, e.who.category) for e in found if e.type.value == "tally") == [
        (188, "police"), (614, "soldier")]
    # "said that since ...": the period of what was said
    found = events(pipe, "The ministry said that since September, 614 military personnel and 188 police personnel have "
                         "joined the people through its coordination.")
    assert sorted(e.count.value for e in found if e.type.value == "tally") == [188, 614]
    # the parser may make the second group a subject of its own beside the first
    found = events(pipe, "The ministry says roughly 1,500 soldiers and more than 4,700 police officers have deserted "
                         "since the coup.")
    assert sorted(e.count.value for e in found if e.type.value == "tally") == [1500, 4700]
    # "a total of" the first group's figure
    found = events(pipe, "The ministry said a total of 3,420 members of the military and 7,650 members of the police "
                         "force have left the military council since the coup.")
    assert sorted(e.count.value for e in found if e.type.value == "tally") == [3420, 7650]
    # a small group leaving together is one happening, counted as one
    assert only(pipe, "A captain and 14 soldiers defected to the KNU on Monday.").count.value == 15


# --- more speakers ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        # the comma inside "1,100" does not open a ", X said" clause
        (("People's Embrace, a group of former soldiers and police that helps them leave, said it had received "
          "about 1,100 messages from soldiers and police wanting to defect since the junta announced the law."),
         "PEOPLES-EMBRACE"),
        # "according to one of the six, <name>"
        (("Six clerks of the immigration office in Tedim left their posts on Friday and joined the Civil "
          "Disobedience Movement, according to one of the six, Pu Lian Muan."), "Pu Lian Muan"),
        # the junta's opponents are not the junta
        (("Nine soldiers deserted their battalion in Homalin and crossed into territory held by the KIA last "
          "Thursday, a local anti-junta militia said."), "PDF"),
        ("On Sunday the shadow National Unity Government's defence ministry urged soldiers to defect.", "NUG-MOD"),
    ],
)
def test_more_speakers(pipe, body, claimant):
    ev = only(pipe, body)
    assert ev.claimed_by == claimant


def test_wire_dateline_is_not_the_speaker(pipe):
    ev = only(pipe, "BANGKOK (AP) — A powerful ethnic armed group in western Myanmar said more than 30 police "
                    "officers laid down their weapons on Saturday after the Arakan Army took a town in Rakhine state.")
    assert ev.claimed_by == "AA"


# --- the telling credited in the sentence after ---------------------------------------------------
def test_next_paragraph_opening_with_a_speaker_who_told_an_outlet(pipe):
    found = events(pipe, "Fourteen soldiers from a battalion based in Taungoo defected on Saturday to a village in "
                         "Thandaunggyi Township.\n\nSaw Eh Kaw, a volunteer in the village, told DVB that the soldiers "
                         "had arranged their escape through a trader.")
    assert found and found[0].claimed_by == "Saw Eh Kaw"


def test_she_told_credits_the_named_defector(pipe):
    ev = only(pipe, "In Madaya, Daw Hnin Wai, a clerk at the township office, walked out of her office last week and "
                    "joined the Civil Disobedience Movement. She told Mizzima she had been ordered to compile lists of young men.")
    assert ev.claimed_by == "Daw Hnin Wai"


def test_added_that_names_the_speaker(pipe):
    ev = only(pipe, "Zau Seng Naw, a KIA information officer, said the base fell on Monday.\n\n"
                    "Zau Seng Naw added that two police constables from the Bhamo station had crossed over to the KIA last week.")
    assert ev.claimed_by == "KIO"


# --- places: wire datelines and rivers -----------------------------------------------------------
def test_mixed_case_wire_dateline_is_not_the_event_place(pipe):
    ev = only(pipe, "Yangon (AFP) – Nine Myanmar soldiers deserted their battalion and crossed into territory "
                    "held by the Kachin Independence Army last Thursday.")
    assert ev.location is None or ev.location.admin1 != "Yangon"


@pytest.mark.parametrize("dateline", ["Homalin, upper Sagaing Region — ", "HOMALIN, Sagaing Region — ", "Homalin (Myanmar Now) — "])
def test_a_dateline_is_not_read_as_part_of_the_sentence(pipe, dateline):
    """The parser never sees where the reporter filed from: else the town may be read as the subject,
    and the evidence starts with the dateline."""
    ev = only(pipe, dateline + "Twenty-three ward and village-tract administrators appointed by the military council "
                    "in Homalin Township handed over their official seals and resigned together on Sunday, local "
                    "resistance forces said.")
    assert ev.type.value == "defection" and ev.count is not None and ev.count.value == 23
    assert ev.evidence.startswith("Twenty-three")


def test_a_river_named_after_a_region_is_not_the_region(pipe):
    ev = only(pipe, "Last week a petty officer from a naval unit in Thanlyin, across the Bago River from Yangon, "
                    "left his post and joined the Civil Disobedience Movement.")
    assert ev.location is not None and ev.location.admin1 == "Yangon"


def test_post_inside_the_only_other_place_is_the_event_place(pipe):
    ev = only(pipe, "On 11 October, 37 members of a police battalion deployed in Kani Township, Sagaing Region, crossed "
                    "to a local People's Defence Force with their weapons, relatives said.")
    assert ev.location is not None and ev.location.admin3 == "Kani"


def test_nationwide_movement_is_not_the_event_place(pipe):
    ev = only(pipe, "Eleven constables in Mawlamyine, Myanmar's fourth-largest city, said on Tuesday they had refused "
                    "orders and joined a nationwide civil disobedience movement.")
    assert ev.location is not None and ev.location.admin1 == "Mon"


@pytest.mark.parametrize(("phrase", "claimant"), [
    ("a police source", "a police source"),
    ("the military council", "TATMADAW"),
    ("the Myanmar Police Force", "MPF"),
])
def test_the_regime_speaks_only_when_it_heads_the_phrase(phrase, claimant):
    from allegiance.extract.arguments import resolve_claimant
    assert resolve_claimant(phrase)[0] == claimant


def test_a_figure_from_a_channel_supporting_police_is_not_the_police(pipe):
    ev = only(pipe, "According to figures shared by a Telegram channel that supports police officers who join the "
                    "CDM, roughly 300 police left the force since January.")
    assert ev.claimed_by != "MPF" and ev.actor != "MPF"


@pytest.mark.parametrize("body", [
    "Resistance fighters overran an outpost in Kani Township on Friday. Nine police officers surrendered after the attack.",
    "Nine police officers surrendered on Friday after a three-day siege. The outpost lies in Kani Township, near the Chindwin.",
])
def test_a_happening_without_a_place_takes_the_paragraphs_place(pipe, body):
    ev = next(e for e in events(pipe, body) if e.type.value == "surrender")
    assert ev.location is not None and ev.location.admin3 == "Kani"


def test_the_place_of_another_paragraph_is_not_borrowed(pipe):
    ev = next(e for e in events(pipe, "Resistance fighters overran an outpost in Kani Township on Friday.\n\n"
                                      "Nine police officers surrendered after the attack.") if e.type.value == "surrender")
    assert ev.location is None or ev.location.admin3 != "Kani"


def test_the_report_came_from_names_the_source(pipe):
    ev = only(pipe, "On Friday, 17 officers of the Border Guard Police at an outpost in Ponnagyun Township reportedly "
                    "gave themselves up to the AA. The AA has not commented on that report, which came from local residents.")
    assert ev.claimed_by == "local residents"


def test_a_town_spelt_one_letter_off_is_found_where_a_place_is_expected(pipe):
    ev = only(pipe, "A platoon of about 25 members of a junta-backed militia based in Bawlakhe switched sides to the "
                    "Karenni Army on Friday.")
    assert ev.location is not None and ev.location.admin3 == "Bawlake" and ev.location.name == "Bawlakhe"


@pytest.mark.parametrize(("sentence", "claimant"), [
    ("The KNU's figures show that 560 soldiers have defected to it since the coup.", "KNU"),
    ("Figures compiled by People's Embrace show some 3,000 soldiers have left.", "PEOPLES-EMBRACE"),
    ("Data from the NUG's defence ministry put the number of defectors at more than 14,000.", "NUG-MOD"),
])
def test_whose_figures_they_are_is_who_claims_them(sentence, claimant):
    from allegiance.extract.arguments import attribution_in
    assert attribution_in(sentence, 40)[0] == claimant


@pytest.mark.parametrize(("body", "claimant"), [
    # keeping count is a way of telling
    ("People's Embrace has documented more than 3,000 defections since the coup.", "PEOPLES-EMBRACE"),
    ("The NUG's defence ministry counted 8,000 defectors by the end of 2023.", "NUG-MOD"),
    ("People's Goal informed reporters that 14,000 soldiers and police had left since the coup.", "PEOPLES-BOSOM"),
    # the frame's own noun is the trigger: the speaker stands before it
    ("A People's Goal report released on Monday put the number of defectors since the coup at 14,000.", "PEOPLES-BOSOM"),
])
def test_who_keeps_the_count_claims_the_figure(pipe, body, claimant):
    (ev,) = [e for e in events(pipe, body, published=dt.date(2024, 3, 5)) if e.type.value == "tally"]
    assert (ev.actor, ev.claimed_by) == (claimant, claimant)


@pytest.mark.parametrize("body", [
    "Two soldiers joined us last week, the Kalay PDF said.\n\nTO ALL SOLDIERS AND POLICE IN KALAY AND TAHAN:\n"
    "Come to the people before 31 December.",
    "Q: What do you want to tell police and soldiers in Tharrawaddy district?\n\nA: Do not stay with people who burn "
    "your villages. Come to us, and we will treat you like our own brothers.",
])
def test_an_imperative_appeal_takes_its_addressees_from_the_heading_it_answers(pipe, body):
    calls = [e for e in events(pipe, body) if e.type.value == "call_to_defect"]
    assert calls and calls[0].who is not None


# --- undated articles ------------------------------------------------------------------------------
def test_event_without_a_time_in_an_undated_article_takes_the_days_after_its_latest_news(pipe):
    from allegiance.ingest import document_from_text
    text = ("Police station falls in Thabeikkyin\n\nResistance fighters attacked the town on 4 August 2024.\n\n"
            "Twelve police officers at the station surrendered to the PDF, a resident said.\n")
    doc = document_from_text(text, name="undated.txt")
    assert doc.published_source == "content"
    ev = next(e for e in pipe.extract(doc).events if e.type.value == "surrender")
    assert (ev.date.start, ev.date.end) == (dt.date(2024, 8, 4), dt.date(2024, 8, 6))


def test_same_statement_takes_the_statements_day_not_the_last_day_told(pipe):
    found = events(pipe, "More than 30 police in Pinlebu laid down their arms on Nov. 28, the National Unity Government's "
                         "Ministry of Defence said in a statement issued the following day.\n\n"
                         "A resident said he had seen men in uniform led away on the morning of Nov. 28.\n\n"
                         "In the same statement, the ministry urged soldiers still stationed in Sagaing region to follow "
                         "the garrison's example.")
    call = next(e for e in found if e.type.value == "call_to_defect")
    assert call.date.start == dt.date(2023, 11, 29)


def test_event_without_a_time_keeps_the_month_a_cue_gives_an_undated_article(pipe):
    from allegiance.ingest import document_from_text
    text = ("Police in Kalay join the strike\n\nProtests against last month's coup have spread to Sagaing Region.\n\n"
            "Twelve police officers in Kalay joined the Civil Disobedience Movement, a resident said.\n")
    doc = document_from_text(text, name="undated_month.txt")
    ev = next(e for e in pipe.extract(doc).events if e.type.value == "defection")
    assert (ev.date.start, ev.date.end) == (dt.date(2021, 3, 1), dt.date(2021, 3, 31))


# --- times counted from the time told before ---------------------------------------------------
@pytest.mark.parametrize(
    ("cue", "told", "start", "end"),
    [("Two days later", "", dt.date(2023, 11, 28), None), ("The following morning", "", dt.date(2023, 11, 27), None),
     ("A week later", "", dt.date(2023, 12, 3), None), ("The previous day", "", dt.date(2023, 11, 25), None),
     # counted from a fall or an assault told before: from the happening, not the reporter's 'told ... on'
     ("Two days after the outpost was overrun", ", a spokesman told reporters on Monday", dt.date(2023, 11, 28), None),
     # "a week after the final assault" is looser than "a week later": the 7 days around it
     ("A week after the final assault", ", a spokesman told reporters on Monday", dt.date(2023, 11, 30), dt.date(2023, 12, 5)),
     # "a few days" is the three days next to it
     ("A few days after the outpost was overrun", "", dt.date(2023, 11, 27), dt.date(2023, 11, 29)),
     ("Several days before the outpost was overrun", "", dt.date(2023, 11, 23), dt.date(2023, 11, 25)),
     ("The night before", "", dt.date(2023, 11, 25), None)],
)
def test_offset_from_the_day_told_before(pipe, cue, told, start, end):
    found = events(pipe, f"Resistance fighters attacked a police outpost in Kani Township on November 26{told}. "
                         "Local people said the shooting lasted all night.\n\n"
                         f"{cue}, eleven police officers at the outpost surrendered to the local PDF, a spokesman said.")
    (ev,) = [e for e in found if e.type.value == "surrender"]
    assert ev.date is not None and (ev.date.start, ev.date.end) == (start, end or start)


@pytest.mark.parametrize(("body", "start"), [
    # counted from the day of what the clause after it tells
    ("In Hsipaw, 23 police officers joined the TNLA two days after the MNDAA announced on August 3 that it had "
     "taken Lashio, she said.", dt.date(2023, 8, 5)),
    ("Nine soldiers surrendered to the KIA a week before the army withdrew from the town on 20 October.", dt.date(2023, 10, 13)),
    # (not the same day told again)
    ("Two days before the walkout, on Sunday, nine police officers in Kyangin left their posts.", dt.date(2023, 12, 3)),
])
def test_offset_from_a_day_the_sentence_tells_after_it(pipe, body, start):
    ev = only(pipe, body)
    assert ev.date.start == ev.date.end == start


def test_calls_summed_up_in_the_lede_are_the_appeal_told_next(pipe):
    found = cases.events(pipe, "Twelve soldiers in Taze left their post on Union Day and joined a local PDF unit, as the "
                               "NUG stepped up calls for troops to abandon the regime.\n\nOn the eve of Union Day, the NUG "
                               "released a video urging soldiers to defect.", published=dt.date(2024, 2, 14))
    calls = [e for e in found if e.type.value == "call_to_defect"]
    assert [(c.date.start, c.evidence) for c in calls] == [(dt.date(2024, 2, 11), "urging soldiers to defect")]


def test_offset_looks_past_background_and_a_quoted_paragraph(pipe):
    # the day to count from stands several sentences back; a "since ... last year" in between is
    # background, not a vaguer time of the happening
    found = events(pipe, "Nine soldiers from Light Infantry Battalion 351 defected on Saturday, August 12, and "
                         "were received by the KNLA in Thandaunggyi Township.\n\n"
                         "A KNLA officer told reporters the soldiers had planned their escape for weeks. "
                         "\"They came with their guns. We will look after them,\" he said. \"Others will follow.\"\n\n"
                         "The battalion is one of several that the regime has sent into the hills since fighting "
                         "intensified there last year. The road to Taungoo has seen repeated clashes.\n\n"
                         "The previous night, seven militia members in Oktwin Township surrendered to the local PDF "
                         "after a gunfight, the group said.")
    (ev,) = [e for e in found if e.type.value == "surrender"]
    assert ev.date is not None and ev.date.start == ev.date.end == dt.date(2023, 8, 11)


def test_offset_looks_past_a_vague_time_in_a_sentence_that_tells_no_event(pipe):
    found = events(pipe, "Nine militiamen in Thit Seint Pin village handed themselves over to the Kanbalu PDF on June 18, "
                         "the PDF said.\n\nThe nine, most of them farmers, had been armed by the junta's local "
                         "battalion late last year, an information officer for the PDF said.\n\n"
                         "The following day, about a dozen militiamen in a neighbouring village surrendered when PDF "
                         "forces surrounded their base, he said.", published=dt.date(2023, 6, 21))
    (ev,) = [e for e in found if e.type.value == "surrender"]
    assert ev.date.start == ev.date.end == dt.date(2023, 6, 19)


@pytest.mark.parametrize("follow", [
    "The appeal was posted on the group's Facebook page on Monday.",
    "The statement, issued on Monday, said those who came over would be protected.",
])
def test_an_appeal_dated_by_the_next_sentence(pipe, follow):
    found = events(pipe, f"The KNDF urged soldiers still stationed in Loikaw to lay down their arms and defect. {follow}",
                   published=dt.date(2023, 11, 16))
    (ev,) = [e for e in found if e.type.value == "call_to_defect"]
    assert ev.date.start == ev.date.end == dt.date(2023, 11, 13)


def test_offset_counts_from_the_day_told_earlier_in_the_same_sentence(pipe):
    ev = only(pipe, "Resistance fighters attacked a police outpost in Bago Township on the night of Sept. 17, and "
                    "the seven officers inside handed themselves over to the Bago PDF the following morning, "
                    "the group said.", published=dt.date(2022, 9, 21))
    assert ev.type.value == "surrender" and ev.date.start == ev.date.end == dt.date(2022, 9, 18)


@pytest.mark.parametrize("follow", [
    "The soldiers, from Light Infantry Battalion 289, reached the group's base on Oct. 3 with four rifles, a commander said.",
    "The six reached a PDF camp west of the town on October 3, bringing their families, the commander said.",
])
def test_a_lede_without_a_time_takes_the_day_from_the_next_sentence_about_them(pipe, follow):
    found = events(pipe, "Six soldiers from a battalion posted in Gangaw Township have deserted and joined a local "
                         f"People's Defense Force, the group said.\n\n{follow}", published=dt.date(2021, 10, 6))
    (ev,) = [e for e in found if e.type.value == "defection"]
    assert ev.date is not None and ev.date.start == dt.date(2021, 10, 3)


@pytest.mark.parametrize(("follow", "to"), [
    ("The officers crossed over to the Karenni Nationalities Defense Force (KNDF) on Tuesday, a spokesman said.", "KNDF"),
    ("The officers left the station on Tuesday and reached territory held by Brigade 3 of the Karen National "
     "Liberation Army, a brigade officer said.", "KNU"),
])
def test_a_ledes_receiver_named_in_the_next_sentence_about_them(pipe, follow, to):
    found = events(pipe, "Eight police officers from Moebye have switched sides and joined the resistance, a spokesman "
                         f"for the group said on Thursday.\n\n{follow}")
    assert [e.to for e in found if e.type.value == "defection"][0] == to


def test_a_period_in_the_writers_comment_after_the_attribution_is_not_the_figures(pipe):
    text = ("YANGON, March 11 (Reuters) - Hundreds of railway employees in Mandalay stopped work this week, union "
            "officials said, adding to pressure on a military government that has struggled since it seized power on Feb. 1.")
    (ev,) = events(pipe, text)
    assert ev.type.value == "defection"
    # a period of the figure's own stays one
    (ev,) = events(pipe, "Hundreds of police officers have joined the CDM since the coup, the NUG said.")
    assert ev.type.value == "tally"


def test_a_chat_exports_messages_are_dated_by_their_stamps(pipe):
    """A WhatsApp export: written by its last message; each message's 'on Sunday' is counted from
    that message's own day, and the stamp and sender are not read as the sentence's subject."""
    text = ("WhatsApp Chat with reception group\n\n"
            "13/11/2023, 19:02 - Ko Min created group \"reception\"\n"
            "14/11/2023, 22:41 - Saw Htoo: welcome everyone\n"
            "21/11/2023, 14:02 - Naw Paw: Two constables from the police station in Kyaukkyi town came to the PDF on Sunday.\n"
            "26/11/2023, 08:12 - Ma Su: ok\n")
    doc = document_from_text(text, name="chat.txt")
    assert doc.published == dt.date(2023, 11, 26)
    (ev,) = pipe.extract(doc).events
    assert ev.date is not None and ev.date.start == dt.date(2023, 11, 19)
    assert ev.evidence.startswith("Two constables")


def test_a_short_form_after_a_possessive_does_not_split_the_name(pipe):
    ev = only(pipe, "The National Unity Government's (NUG) Ministry of Defence announced on Monday that it would "
                    "offer cash rewards to soldiers who defect with their weapons.")
    assert ev.actor == "NUG-MOD"


@pytest.mark.parametrize("where", ["the territory of the Karen National Liberation Army's (KNLA) Brigade 4",
                                   "a camp of the Kachin Independence Army"])
def test_the_territory_or_camp_of_a_group_is_where_they_went(pipe, where):
    ev = only(pipe, f"Two soldiers from a battalion in Yebyu Township deserted on Sunday and reached {where}.")
    assert ev.to in ("KNU", "KIO")


def test_an_order_after_a_sentence_that_addresses_soldiers_is_an_appeal(pipe):
    found = events(pipe, "The NUG's defence minister spoke on Wednesday. Our message to every soldier and every conscript "
                         "is the same: you do not have to die for Min Aung Hlaing. Come to the people.")
    (call,) = [e for e in found if e.type.value == "call_to_defect"]
    assert call.who is not None and call.evidence.startswith("Come to the people")
    # an order with nobody addressed is no appeal
    assert events(pipe, "The roads were closed on Wednesday. Come to the people.") == []


@pytest.mark.parametrize(("body", "category"), [
    # a condition names whom the order asks
    ("The host closed the episode. If you are a conscript or a police officer listening, text us through our page.", "mixed"),
    ('The network\'s founder said: "If you serve in the navy and you want to go, contact us."', "soldier"),
    # a sentence a few before addresses them; words said after a colon may open with a time
    ("A message to the police in Sagaing: the rains are coming. Your families worry. "
     "We tell you again: this monsoon, leave your stations.", "police"),
    ("To my old comrades in the navy, I am saying this plainly. Don't wait. Come out now, while the river is low.", "soldier"),
    # an order only to get in touch, after the sentence that addresses them
    ("To every police officer who will not shoot his neighbours: we hear you. Contact us through the hotline.", "police"),
])
def test_an_order_in_the_second_person_takes_whom_it_asks_from_its_condition_or_the_sentences_before(pipe, body, category):
    calls = [e for e in events(pipe, body) if e.type.value == "call_to_defect"]
    assert len(calls) == 1 and calls[0].who is not None and calls[0].who.category == category


def test_a_condition_that_names_no_one_asked_makes_no_appeal(pipe):
    assert events(pipe, "The monk spoke to the villagers. If you are hungry tonight, come to the monastery.") == []
    # an order only to get in touch asks no one a sentence before addresses
    assert events(pipe, "The network sent a message to soldiers' families on Monday. Message us for the schedule of "
                        "food deliveries.") == []


def test_an_order_is_dated_by_its_telling_not_by_the_time_it_asks_for(pipe):
    (call,) = events(pipe, "The Mandalay PDF posted a message for police officers on Sunday: "
                           "before the festival ends, leave your stations and contact us.")
    assert (call.date.start, call.date.end) == (dt.date(2023, 12, 3), dt.date(2023, 12, 3))
    # an order with no telling before it takes the article's date, not the festival's
    (call,) = events(pipe, "TO ALL POLICE IN MAGWAY:\n\nLeave your stations before Christmas and come to us.")
    assert call.date.start == PUBLISHED


def test_first_person_orders_are_the_speakers_and_ask_them_over_to_the_speaker(pipe):
    body = ("Show notes: we talk to Ko Zaw Min, a founder of People's Goal, the defectors' network.\n\n"
            "KO ZAW MIN: If you are a soldier listening, message us on Signal.")
    (call,) = [e for e in events(pipe, body) if e.type.value == "call_to_defect"]
    assert (call.actor, call.to) == ("PEOPLES-BOSOM", "PEOPLES-BOSOM")


def test_one_appeal_in_several_orders_is_one_call_whose_evidence_runs_over_them(pipe):
    body = ('The CNF sent a message to soldiers and police in Hakha on Monday. "Come home for the new year. '
            'Leave the military council and stand with the people of Chinland," it said.')
    (call,) = [e for e in events(pipe, body) if e.type.value == "call_to_defect"]
    assert call.evidence.startswith("Come home") and "stand with the people of Chinland" in call.evidence


def test_an_appeal_to_contact_the_issuer_names_where_to_go(pipe):
    found = events(pipe, "The Monywa PDF called on all soldiers and police in Monywa who still serve the military "
                         "council to contact us through the hotline.")
    (ev,) = [e for e in found if e.type.value == "call_to_defect"]
    assert ev.to == "PDF"


@pytest.mark.parametrize(("body", "to"), [
    ("The KNU urged junta troops still holding positions near the bridge to lay down their arms and come over, "
     "saying their safety would be guaranteed.", "KNU"),
    ("In a Facebook post on Monday, the Thayet PDF urged the remaining police officers in the town to follow suit.", "PDF"),
    ("The Arakan Army called on soldiers in Sittwe to cross over, promising them safe passage.", "AA"),
    # a side named, not a body: nobody to join
    ("The KNU called on soldiers to come over to the side of the people.", None),
    # a government that takes nobody in
    ("The NUG urged soldiers to come over.", None),
])
def test_an_armed_group_asking_them_over_is_where_to_go(pipe, body, to):
    (ev,) = [e for e in events(pipe, body, published=dt.date(2024, 3, 5)) if e.type.value == "call_to_defect"]
    assert ev.to == to


def test_no_place_stated_takes_the_named_brigades_home_not_the_parents(pipe):
    ev = only(pipe, "Lieutenant Commander Thet Paing Soe and two petty officers left their base on September 17 and "
                    "arrived in an area controlled by the KNU's Brigade 4, People's Goal said.", published=dt.date(2023, 9, 25))
    assert ev.location is not None and ev.location.admin1 == "Tanintharyi"


@pytest.mark.parametrize("body", [
    # the local group is named in the figure's sentence
    "A commander said the Tabayin PDF had received 42 soldiers and police who defected since it was founded.",
    # ... or named before, and the figure's sentence refers back to it
    "Fighters of the Tabayin People's Defence Force ambushed a convoy on Friday. The group said 42 soldiers and "
    "police have joined it since it was founded.",
    # no local group: "the two townships" refers back to the places a list named before (the first of them)
    "The resistance sent letters to village administrators in Tabayin and Ye-U townships in May. A spokesman said "
    "42 administrators in the two townships have handed in their resignations since then.",
])
def test_a_figures_township_is_its_local_groups_or_the_one_it_refers_back_to(pipe, body):
    (ev,) = [e for e in events(pipe, body) if e.type.value == "tally"]
    assert ev.location is not None and (ev.location.name, ev.location.admin1) == ("Tabayin", "Sagaing")


@pytest.mark.parametrize(("body", "where"), [
    # a local outlet's dateline files from the town: a happening the article does not place was there
    ("TAMU — Resistance fighters shelled the police station for a second night, residents said.\n\n"
     "Nine police officers crossed over to the PDF on Sunday, a local official told reporters.", ("Tamu", "Sagaing")),
    # ... an unrolled thread's first post carries it after the post's number
    ("1/ 🧵 TAMU, Sagaing Region: resistance forces say they now hold most of the town.\n\n"
     "2/ Nine police officers crossed over to the PDF on Sunday, a local official told me.", ("Tamu", "Sagaing")),
    # a wire's bureau is not where the news was
    ("YANGON, May 3 (Reuters) - Fighting went on across the country, residents said.\n\n"
     "Nine police officers crossed over to the PDF on Sunday, a local official told reporters.", None),
    # "before the town fell": the town named last before
    ("The MNDAA said on Friday that it had taken Laukkaing after weeks of fighting.\n\n"
     "A few days before the town fell, a dozen militiamen switched sides and joined the MNDAA, residents said.",
     ("Laukkaing", "Shan")),
    # a village the gazetteer lacks, with no township beside it: in the township named last before
    ("Three nurses at the Madaya township hospital joined the Civil Disobedience Movement this week.\n\n"
     "The administrator of Htanzinbin village tract also handed in his resignation and joined the CDM, "
     "two residents said.", ("Htanzinbin", "Mandalay")),
    # a place named only to locate another
    ("Seven police officers at the station in Launglon, a township just west of Dawei, left their posts on Sunday "
     "and joined the PDF, the group said.", ("Launglon", "Tanintharyi")),
    # a same-named place set aside is no context for the one meant
    ("A police sergeant at the station in Minhla, in Magway Region (not to be confused with Minhla Township in Bago "
     "Region), joined the CDM on Monday, a colleague said.", ("Minhla", "Magway")),
    # "There," goes back to where the paragraph before left the story (not its landmark)
    ("The AA said it took the police station in Kyauktaw town on Monday, about 60 kilometres north of the state "
     "capital, Sittwe.\n\nThere, 20 police officers surrendered to AA troops, the group said.", ("Kyauktaw", "Rakhine")),
])
def test_the_place_it_happened_is_where_the_article_points(pipe, body, where):
    """Not a wire's bureau, a landmark or a place set aside; a dateline, 'the town' or 'There,'
    when the sentence names none."""
    ev = [e for e in events(pipe, body) if e.type.value in ("defection", "surrender")][-1]
    if where is None:
        assert ev.location is None or ev.location.admin1 != "Yangon"
    else:  # the name as written ("TAMU —", "Kyauktaw town"), which scoring compares without case
        assert ev.location is not None and (ev.location.name.title().split()[0], ev.location.admin1) == where


def test_a_local_groups_name_is_not_a_place_for_a_group_without_one(pipe):
    (ev,) = [e for e in events(pipe, "The People's Defence Force said 42 soldiers and police have joined it since "
                                     "the coup.") if e.type.value == "tally"]
    assert ev.location is not None and ev.location.name == "Myanmar"


def test_one_person_told_of_again_dates_the_lede(pipe):
    found = events(pipe, "A police corporal from Mohnyin has sought refuge with the Kachin Independence Army, a KIA "
                         "officer said. The corporal arrived at a KIA battalion base last week, the officer said.",
                   published=dt.date(2022, 4, 28))
    (ev,) = [e for e in found if e.type.value == "defection"]
    assert (ev.date.start, ev.date.end) == (dt.date(2022, 4, 18), dt.date(2022, 4, 24))


def test_the_next_sentence_after_an_opening_time_names_the_ledes_receiver(pipe):
    found = events(pipe, "A police captain and two constables from Hlaing Tharyar have fled to territory controlled by an "
                         "ethnic armed group. On Wednesday, the three reached an area controlled by the Karen National Union, "
                         "according to People's Embrace.", published=dt.date(2022, 7, 29))
    (ev,) = [e for e in found if e.type.value == "defection"]
    assert ev.to == "KNU" and (ev.date.start, ev.date.end) == (dt.date(2022, 7, 27), dt.date(2022, 7, 27))


def test_one_person_named_in_the_next_sentence_dates_the_lede(pipe):
    found = events(pipe, "A police captain serving in Monywa has joined the Civil Disobedience Movement. Police Captain "
                         "Zaw Min Htet posted a video on Facebook on Sunday evening in which he held up his badge.",
                   published=dt.date(2022, 4, 28))
    (ev,) = [e for e in found if e.type.value == "defection"]
    assert (ev.date.start, ev.date.end) == (dt.date(2022, 4, 24), dt.date(2022, 4, 24))


@pytest.mark.parametrize(("body", "start", "end"), [
    # the figure's period, not the day it was given
    ("The committee said on Wednesday that 112 soldiers and police had defected to resistance groups in the region "
     "in the first six months of this year.", dt.date(2022, 1, 1), dt.date(2022, 6, 30)),
    # "the highest ... since February" compares; the figure is May's
    ("People's Embrace said 87 soldiers and police contacted its hotline during May, the highest monthly number it "
     "has reported since the conscription law was activated in February.", dt.date(2024, 5, 1), dt.date(2024, 5, 31)),
    # a running total as of the day it was given
    ("Ahead of the first anniversary of the coup, the NUG's defence ministry announced on 25 January that more than "
     "11,500 soldiers and police officers had left the junta's ranks and joined the people's side.",
     dt.date(2021, 2, 1), dt.date(2022, 1, 25)),
    ("The opposition National Unity Government said last month that about 17,000 soldiers and police had defected "
     "since the takeover.", dt.date(2021, 2, 1), dt.date(2022, 6, 30)),
    # from the day an earlier sentence says the offensive was launched, or the letters sent
    ("The KIA launched an offensive on the Bhamo front on 3 June. The KIA said more than 150 junta soldiers had "
     "surrendered to it since the offensive began.", dt.date(2022, 6, 3), dt.date(2022, 7, 27)),
    ("The brigade sent letters, dated 2 July, to village administrators in two townships. A brigade official told "
     "reporters on Monday that 14 administrators had handed in their resignations since the letters went out.",
     dt.date(2022, 7, 2), dt.date(2022, 7, 25)),
    # "since" the launch, with its name set off by commas, or "since launching" it
    ("The alliance said more than 4,000 soldiers had surrendered to its forces since it launched its offensive, known "
     "as Operation 1027, on October 27.", dt.date(2023, 10, 27), dt.date(2024, 7, 27)),
    ("The alliance said more than 4,000 soldiers had surrendered to its forces since launching Operation 1027.",
     dt.date(2023, 10, 27), dt.date(2024, 7, 27)),
])
def test_a_tallys_own_period(pipe, body, start, end):
    (ev,) = [e for e in events(pipe, body, published=dt.date(end.year, 7, 27)) if e.type.value == "tally"]
    assert (ev.date.start, ev.date.end) == (start, end)


def test_from_a_day_to_the_date_of_the_statement_is_a_figures_period(pipe):
    ev = only(pipe, "From 7 September 2023 to the date of this statement, 614 military personnel have joined the people "
                    "through the coordination of the ministry.", published=dt.date(2024, 6, 5))
    assert ev.type.value == "tally" and ev.count.value == 614
    assert (ev.date.start, ev.date.end) == (dt.date(2023, 9, 7), dt.date(2024, 6, 5))


@pytest.mark.parametrize(("body", "earlier", "start", "end"), [
    ("People's Goal recorded 312 defections from the military and police during May, up from 268 in April.",
     268, dt.date(2022, 4, 1), dt.date(2022, 4, 30)),
    ("The NUG said 150 soldiers defected in the first six months of 2022, compared with 76 in the last seven months "
     "of 2021.", 76, dt.date(2021, 6, 1), dt.date(2021, 12, 31)),
])
def test_the_earlier_figure_set_beside_a_tally_is_a_tally_of_its_own(pipe, body, earlier, start, end):
    found = [e for e in events(pipe, body, published=dt.date(2022, 7, 5)) if e.type.value == "tally"]
    (twin,) = [e for e in found if e.count.value == earlier]
    (main,) = [e for e in found if e.count.value != earlier]
    assert (twin.date.start, twin.date.end) == (start, end)
    assert twin.claimed_by == main.claimed_by and twin.date.end < main.date.start


def test_a_whole_year_is_the_figures_period_not_the_reports_release(pipe):
    found = events(pipe, "The KNU's defence department said in its annual report, released in January, that 240 regime "
                         "soldiers and police had surrendered or defected to the KNLA and its allies during 2022.",
                   published=dt.date(2023, 2, 3))
    (ev,) = [e for e in found if e.type.value == "tally"]
    assert (ev.date.start, ev.date.end) == (dt.date(2022, 1, 1), dt.date(2022, 12, 31))


def test_a_lede_naming_only_a_region_takes_the_place_the_next_sentence_gives(pipe):
    found = events(pipe, "Nine police officers at an outpost in Myanmar's Sagaing region surrendered to an anti-junta "
                         "militia on Sunday after a three-day siege, the group said.\n\n"
                         "A spokesman for the Khin-U People's Defense Force told RFA that its fighters had surrounded "
                         "the police outpost near Khin-U town on Thursday night.",
                   published=dt.date(2021, 12, 8))
    (ev,) = [e for e in found if e.type.value == "surrender"]
    assert ev.location is not None and ev.location.admin1 == "Sagaing" and ev.location.admin3 == "Khin-U"


# --- whom troops surrendered to, when the sentence does not say -------------------------------
def test_surrender_goes_to_the_force_named_before_in_the_paragraph(pipe):
    found = events(pipe, "Fighters of KNDF Battalion 14, with help from the Karenni Army, besieged an "
                         "army outpost near Mese for four days. On Sunday the 18 soldiers left in the "
                         "outpost surrendered with their weapons.")
    (ev,) = [e for e in found if e.type.value == "surrender"]
    assert ev.to == "KNDF"  # the group leading, not the army's 'Battalion 14'


def test_surrender_to_a_local_defence_force_named_in_the_sentence(pipe):
    ev = only(pipe, "A local defence force in Myaing Township said seven soldiers surrendered on Monday "
                    "after their convoy was ambushed.")
    assert ev.type.value == "surrender" and ev.to == "PDF"


@pytest.mark.parametrize(("body", "to"), [
    ("The KNU on Monday urged the troops at the bridge to give up their weapons and cross to its side.", "KNU"),
    ("The Kachin Independence Army urged soldiers at the outpost to give up their arms.", None),
    ("The Arakan Army urged Arakanese serving in the army and police to return home and join the Arakan revolution.",
     None),
])
def test_appeals_to_give_up_weapons_or_join_a_named_revolution(pipe, body, to):
    ev = only(pipe, body)
    assert ev.type.value == "call_to_defect" and ev.to == to


def test_handing_themselves_and_their_guns_over(pipe):
    ev = only(pipe, "Nine militiamen handed themselves and seven homemade guns over to the Kanbalu PDF on Sunday.")
    assert ev.type.value == "defection" and ev.count.value == 9 and ev.to == "PDF"


def test_reaching_a_liberated_area_is_going_over_to_an_unnamed_resistance(pipe):
    ev = only(pipe, "A lieutenant and a corporal from a battalion in Pyin Oo Lwin reached a liberated area last week.")
    assert ev.type.value == "defection" and ev.count.value == 2 and ev.to == "UNKNOWN-RESISTANCE"
    assert events(pipe, "Hundreds of villagers fled to liberated areas after the air strike.") == []


@pytest.mark.parametrize(("body", "actor"), [
    ('"We want all soldiers and police still serving the junta to leave now," the KNDF said.', "KNDF"),
    ('"We want soldiers still serving the military to follow their example," the KNDF said.', "KNDF"),
    ('"Soldiers who are still serving, please leave the army," a KNDF spokeswoman said.', "KNDF"),
])
def test_wanting_others_to_leave_and_pleading_are_appeals(pipe, body, actor):
    ev = only(pipe, body)
    assert ev.type.value == "call_to_defect" and ev.actor == actor


def test_wanting_to_leave_oneself_is_no_appeal(pipe):
    assert events(pipe, "Many soldiers want to leave the army but fear for their families.") == []


@pytest.mark.parametrize(("body", "category"), [
    ("The deputy director of the township General Administration Department posted on Facebook on Monday that "
     "he had resigned and joined the Civil Disobedience Movement.", "official"),
    ("A police corporal in Monywa posted a video on Facebook announcing that he had left the force.", "police"),
])
def test_he_who_left_is_the_one_who_posted_it(pipe, body, category):
    ev = only(pipe, body)
    assert ev.type.value == "defection" and ev.count.value == 1 and ev.who.category == category


def test_he_is_not_the_villager_who_tells_of_him(pipe):
    ev = only(pipe, "A villager said on Monday he had left the army and joined the local defence force.")
    assert ev.count is None


@pytest.mark.parametrize("body", [
    "A police corporal and two constables from the Kani township police station walked out together on Tuesday.",
    "Three conscripts fled the training school in Taungoo on Friday.",
    "Three conscripts fled from a military training school in Taungoo on Friday.",
])
def test_walking_out_and_fleeing_a_training_school(pipe, body):
    ev = only(pipe, body)
    assert ev.type.value == "defection" and ev.count.value == 3


@pytest.mark.parametrize("body", ["Students walked out on Tuesday in protest.", "The delegates walked out of the meeting.",
                                  "Three pupils fled the school on Friday."])
def test_walking_out_is_leaving_the_regime_only_for_its_people(pipe, body):
    assert events(pipe, body) == []


# --- receivers and speakers named indirectly -----------------------------------------------------
@pytest.mark.parametrize("body", [
    ("The Karenni Interim Executive Council on Monday called on soldiers still in Demoso to "
     "leave their posts and contact its defection committee."),
    ("The Monywa PDF on Friday called on police stationed in Budalin to follow the example "
     "of the Kyaukka station and said it would protect anyone who came over."),
])
def test_call_to_contact_or_follow_names_no_receiver(pipe, body):
    ev = only(pipe, body)
    assert ev.type.value == "call_to_defect" and ev.actor is not None and ev.to is None


def test_territory_controlled_by_a_group_is_where_they_went(pipe):
    ev = only(pipe, "A major deserted from his unit in Naypyitaw on Feb. 24 and reached territory controlled by the "
                    "Karen National Union a week later, the group said.")
    assert ev.to == "KNU"



@pytest.mark.parametrize("joined", ["joined its forces", "surrendered or joined its forces", "joined its ranks"])
def test_joining_its_forces_goes_to_the_group_that_tells_it(pipe, joined):
    ev = only(pipe, f"About 320 soldiers in northern Shan have {joined} since Operation 1027 began, the TNLA said.")
    assert ev.type.value == "tally" and ev.count.value == 320 and ev.to == "TNLA"


@pytest.mark.parametrize("militia", ["Pyu Saw Htee", "Pyu Saw Hti"])
def test_a_militia_whose_name_holds_a_verb_is_parsed_as_a_name(pipe, militia):
    ev = only(pipe, f"The NUG said over 500 {militia} members in Sagaing Region have laid down their arms "
                    "since the start of the year.")
    assert ev.type.value == "tally" and ev.count.value == 500 and ev.evidence.startswith("over 500")

def test_according_to_a_rule_is_not_a_source(pipe):
    ev = only(pipe, "The Karen National Union said in a statement that some 70 soldiers had surrendered to it "
                    "since March, and that they would be treated according to the Geneva Conventions.")
    assert ev.type.value == "tally"
    assert ev.claimed_by == "KNU" and ev.to == "KNU" and ev.actor == "KNU"


def test_the_alliance_is_the_alliance_not_an_alliance_army(pipe):
    found = events(pipe, "Operation 1027 was launched by the Three Brotherhood Alliance, which includes the "
                         "Myanmar National Democratic Alliance Army.\n\n"
                         "The alliance urged soldiers still posted in Lashio to lay down their weapons and come over.")
    (ev,) = [e for e in found if e.type.value == "call_to_defect"]
    assert ev.actor == "BROTHERHOOD-ALLIANCE"


# --- villages the gazetteer lacks, and datelines of translated copy ------------------------------
def test_unlisted_village_is_placed_by_its_township(pipe):
    ev = only(pipe, "Myitkyina - Twenty soldiers holding an outpost near Lawng Htu Yang village in Waingmaw "
                    "Township, Kachin State, laid down their arms to the KIA on Saturday after a siege.")
    assert ev.type.value == "surrender"
    assert ev.location is not None and ev.location.name == "Lawng Htu Yang"
    assert ev.location.admin1 == "Kachin" and ev.location.admin3 == "Waingmaw"
    assert ev.location.pcode is not None and ev.location.geo_precision == 2  # the township's point


def test_a_village_named_with_its_township_is_not_a_same_named_village_elsewhere(pipe):
    # the gazetteer knows a Kyauk Sayit in Bago's Kyaukkyi Township; the text puts this one in Khin-U
    ev = only(pipe, "Nine police officers at an outpost in Kyauk Sayit village, in Khin-U township, surrendered to "
                    "the local PDF on Sunday after a three-day siege.")
    assert ev.location is not None and ev.location.name == "Kyauk Sayit"
    assert (ev.location.admin1, ev.location.admin3) == ("Sagaing", "Khin-U")


# --- who tells it: the next sentence, or the organisation whose statement it is -------------------
def test_next_sentence_credits_the_telling(pipe):
    found = events(pipe, "Fourteen soldiers from a light infantry battalion in Hpa-an left their camp on Sunday. "
                         "They brought eleven rifles with them, the Karen National Union said.")
    (ev,) = [e for e in found if e.type.value == "defection"]
    assert ev.claimed_by == "KNU"


def test_statement_on_a_letterhead_claims_its_events(pipe):
    text = ("CHIN NATIONAL FRONT\nCentral Executive Committee\n\nStatement No. 9/2023\n\n"
            "On 3 May 2023, three police members of the Falam police station arrived at a liberated area "
            "with their weapons and joined the revolution.\n\nCentral Executive Committee\nChin National Front\n")
    (ev,) = pipe.extract(document_from_text(text, name="statement.txt", published=PUBLISHED)).events
    assert ev.claimed_by == "CNF"


def test_a_receiving_network_s_own_update_tells_of_those_it_took_in(pipe):
    text = ("PEOPLE'S EMBRACE\nMonthly Update - November 2023\n\nDear friends and supporters,\n\n"
            "On 19 November, a warrant officer from a signal unit in Naypyitaw left his post with his family.\n\n"
            "People's Embrace\n")
    (ev,) = pipe.extract(document_from_text(text, name="update.txt", published=PUBLISHED)).events
    assert ev.claimed_by == "PEOPLES-EMBRACE" and ev.to == "PEOPLES-EMBRACE"


def test_a_ministry_under_its_governments_letterhead_is_the_author():
    from allegiance.extract.engine import statement_author
    text = ("National Unity Government of the Republic of the Union of Myanmar\nMinistry of Defence\n\n"
            "Statement No. (19/2021)\n\n1. On 6 August 2023, a police captain serving in Tachileik crossed the border.\n")
    assert statement_author(text) == "NUG-MOD"


def test_a_news_story_about_a_group_is_not_its_statement():
    from allegiance.extract.engine import statement_author
    assert statement_author("Karen National Union\n\nSoldiers defect in Hpapun\n\nTwelve soldiers left on Monday.") is None
    assert statement_author("KNU fighters take outpost\n\nStatement No. 3\n\nThe KNLA said ...") is None


@pytest.mark.parametrize("head, author", [
    # a page's or channel's own post: the name, then the page's line
    ("Salin Township People's Defence Force\nPublic figure · 12K followers\n\n", "PDF"),
    ("KNDF Battalion 9 - ကေအဲန်ဒီအက်ဖ်\nMarch 3 at 7:40 PM · Public\n\n", "KNDF"),
    ("Police CDM Voice (English)\n(t.me channel, 9.8K subscribers)\n\n", "POLICE-CDM-CHANNEL"),
    # under a copy's own lines, and a "Channel:" label
    ("[archive.today snapshot of t.me/s/pcdm · 2 Jun 2023 09:14:55 UTC]\n\nPolice CDM Myanmar\n@pcdm · 48,210 subscribers\n\n",
     "POLICE-CDM-CHANNEL"),
    ("Telegram Desktop — chat export (messages.html)\nExported 2024-03-02 08:15 by a volunteer\n"
     "Channel: Police CDM Myanmar (public channel, 61.4K subscribers)\n\nPinned message: how to contact us.\n\n",
     "POLICE-CDM-CHANNEL"),
    # a press release's sender, in the registry or not
    ("FOR IMMEDIATE RELEASE\n\nBorder Families Relief Network (BFRN)\n\n", "Border Families Relief Network"),
    ("PRESS RELEASE\nKachin Independence Organisation\n\n", "KIO"),
    # a monitor's own brief, by its name
    ("MYANMAR DEFECTION TRACKER\nMonthly Data Brief · No. 3\n\n", "Myanmar Defection Tracker"),
    # the junta's information team on its own briefing
    ("STATE ADMINISTRATION COUNCIL INFORMATION TEAM\nTranscript of the press briefing\n\n", "TATMADAW"),
])
def test_a_page_channel_or_press_release_is_its_authors_own_text(head, author):
    from allegiance.extract.engine import statement_author
    assert statement_author(head + "Four soldiers left their camp near Salin on Monday.\n\nMore to follow.\n") == author


def test_a_news_story_naming_a_page_or_a_fund_is_not_their_text():
    from allegiance.extract.engine import statement_author
    assert statement_author("Border Families Relief Network (BFRN)\nBy a staff reporter\n\nFour soldiers left.\n") is None
    assert statement_author("MYANMAR DEFECTION TRACKER\nA defector's story\n\nFour soldiers left.\n") is None
    assert statement_author("Salin PDF says four soldiers defected\nBy a staff reporter\n\nThe group said on "
                            "Telegram ...\n") is None


def test_a_press_release_s_sender_issues_its_appeal_and_tells_its_figures(pipe):
    text = ("FOR IMMEDIATE RELEASE\n\nBorder Families Relief Network (BFRN)\nMae Sot, 4 March 2024\n\n"
            "Families of defectors need protection, says BFRN\n\n"
            "The Border Families Relief Network (BFRN) has helped 640 defectors' families since it was founded "
            "in 2022. Two sergeants from a battalion in Myawaddy deserted last week.\n\n"
            "BFRN calls on soldiers who wish to leave to contact its hotline before they move.\n")
    found = pipe.extract(document_from_text(text, name="release.txt", published=dt.date(2024, 3, 4))).events
    call = next(e for e in found if e.type.value == "call_to_defect")
    assert call.actor is None and call.claimed_by == "Border Families Relief Network"
    reached = next(e for e in found if e.type.value == "defection")
    assert reached.claimed_by == "Border Families Relief Network"


def test_first_person_on_a_channel_is_the_channel(pipe):
    text = ("Police CDM Voice (English)\n(t.me channel, 9.8K subscribers)\n\n"
            "[Monday 19:02]\nThe Salin PDF attacked a checkpoint on the Minbu road.\n\n"
            "[Tuesday 08:15]\n27 police officers contacted our admin team this week asking how to leave.\n")
    found = pipe.extract(document_from_text(text, name="channel.txt", published=dt.date(2024, 3, 4))).events
    (tally,) = [e for e in found if e.type.value == "tally"]
    assert tally.claimed_by == "POLICE-CDM-CHANNEL"


def test_same_statement_takes_the_day_the_statement_was_made(pipe):
    found = events(pipe, "The Karen National Union said on Sunday that its brigades had received 90 soldiers "
                         "since the start of the offensive on October 27.\n\n"
                         "Fighting continued near Hpapun, residents said.\n\n"
                         "In the same statement, the KNU called on soldiers still in Hpa-an to leave their posts "
                         "and contact its brigades.")
    (call,) = [e for e in found if e.type.value == "call_to_defect"]
    assert call.date is not None and call.date.start == call.date.end == dt.date(2023, 12, 3)


def test_background_time_in_a_relative_clause_is_not_the_events(pipe):
    ev = only(pipe, "On 14 November, after fighting that began on 9 November, forty soldiers at an outpost near Falam "
                    "surrendered to the Chin National Front, the group said.")
    assert ev.date is not None and ev.date.start == dt.date(2023, 11, 14)


def test_staff_without_a_number_is_not_one_person(pipe):
    found = events(pipe, "Hospital staff in Pathein stop work\n\nTwenty-two staff at the Pathein general hospital "
                         "joined the Civil Disobedience Movement on Monday, a doctor said.")
    assert all(e.count is None or e.count.value != 1 for e in found)


@pytest.mark.parametrize(("body", "to"), [
    ("Seven soldiers were welcomed by the KNDF on Monday after they fled their outpost.", "KNDF"),
    ("Two police officers were taken in by the Arakan Army after they deserted the station in Ann.", "AA"),
])
def test_the_group_that_received_them_in_the_main_clause(pipe, body, to):
    (ev,) = [e for e in events(pipe, body, published=dt.date(2024, 3, 5)) if e.type.value == "defection"]
    assert ev.to == to


@pytest.mark.parametrize(("body", "claimant"), [
    ("Lieutenant Colonel Kyaw Soe, who defected to the NUG last week, told Reuters the army was exhausted.", "Kyaw Soe"),
    ("Ko Thura, a former corporal, recalled how he slipped out of his base in Magway in May and walked to a PDF camp.",
     "Ko Thura"),
    ("Naing Lin, a police corporal from Mandalay, joined the CDM on Monday, he told The Irrawaddy.", "Naing Lin"),
])
def test_the_defector_telling_his_own_story(pipe, body, claimant):
    (ev,) = [e for e in events(pipe, body, published=dt.date(2024, 3, 5)) if e.type.value == "defection"]
    assert ev.claimed_by is not None and claimant in ev.claimed_by


@pytest.mark.parametrize(("body", "to"), [
    ("A captain from an artillery battalion deserted from his unit in Meiktila last month and is now sheltering with "
     "his family in an area controlled by the Karen National Union.", "KNU"),
    ("Lance Corporal Kyaw Zin Hein deserted from a station in Mawlamyine in early August and is now with a local "
     "People's Defence Force.", "PDF"),
    ("A police captain in Tachileik crossed the border with his family on 6 August and has been placed under the "
     "protection of the NUG's Ministry of Defence.", "NUG-MOD"),
])
def test_where_the_defector_is_now_is_whom_he_joined(pipe, body, to):
    (ev,) = [e for e in events(pipe, body, published=dt.date(2023, 9, 5)) if e.type.value == "defection"]
    assert ev.to == to


@pytest.mark.parametrize("second", [
    "More than 14,000 soldiers and police have defected since the coup, the report says.",
    "It shows that more than 14,000 soldiers and police have defected since the coup.",
    "According to the report, more than 14,000 soldiers and police have defected since the coup.",
])
def test_a_report_named_before_is_its_publishers(pipe, second):
    (ev,) = [e for e in events(pipe, f"People's Goal released its monthly report on Monday. {second}",
                               published=dt.date(2024, 3, 5)) if e.type.value == "tally"]
    assert (ev.actor, ev.claimed_by) == ("PEOPLES-BOSOM", "PEOPLES-BOSOM")


def test_joint_forces_of_a_group_are_that_group(pipe):
    (ev,) = [e for e in events(pipe, "Eight police surrendered to joint forces of the KIA and the PDF in Mohnyin on Friday.",
                               published=dt.date(2024, 3, 5)) if e.type.value == "surrender"]
    assert ev.to == "KIO"


def test_unnamed_resistance_that_overran_the_post_took_the_surrender(pipe):
    (ev,) = [e for e in events(pipe, "Resistance forces overran the police station in Kani, and the 12 officers inside "
                                     "surrendered.", published=dt.date(2024, 3, 5)) if e.type.value == "surrender"]
    assert ev.to == "UNKNOWN-RESISTANCE"


@pytest.mark.parametrize("noun", ["network", "group", "channel"])
def test_a_noun_the_people_word_only_modifies_does_not_tell_of_the_same_people(pipe, noun):
    # "The defector network People's Soldiers recorded ...": another tally, not the details of the first
    body = (f"According to the NUG's defence ministry, more than 15,000 soldiers and police had defected by mid-2025.[2] "
            f"The defector {noun} People's Soldiers recorded some 2,300 defectors in 2024 alone.[3]")
    tallies = sorted((e for e in events(pipe, body, published=dt.date(2025, 9, 1)) if e.type.value == "tally"),
                     key=lambda e: e.count.value)
    assert [(e.count.value, e.to) for e in tallies] == [(2300, "PEOPLES-BOSOM"), (15000, None)]


def test_a_named_local_force_is_a_pdf_and_its_own_post_receives(pipe):
    body = ("Myaung Revolution Force - Official\nStatement No. 4/2024\n\n"
            "On Tuesday night, a sergeant and four privates deserted from their post near Myaung and reached our camp. "
            "Since the conscription law, our unit has received 41 deserters.\n\nMyaung Revolution Force")
    evs = pipe.extract(document_from_text(body, name="post.txt", published=dt.date(2024, 10, 31))).events
    assert {(e.type.value, e.to, e.claimed_by) for e in evs} == {("defection", "PDF", "PDF"), ("tally", "PDF", "PDF")}


def test_a_counted_part_of_people_told_before_is_theirs(pipe):
    # "14 of the 22": the administrators of the sentence before; "By the deadline, ... had": a count up to a time
    evs = events(pipe, "The PDF wrote to all 22 administrators appointed by the junta. By the deadline, 14 of the 22 "
                       "had resigned, according to a PDF spokesman.", published=dt.date(2022, 5, 19))
    (ev,) = [e for e in evs if e.count and e.count.value == 14]
    assert (ev.type.value, ev.who.category) == ("tally", "official")
    # with nobody told before there is no one to count
    assert not events(pipe, "The village has 22 houses. By the deadline, 14 of the 22 had resigned.",
                      published=dt.date(2022, 5, 19))


@pytest.mark.parametrize(("second", "count"), [
    ("A bit over 400 of them made it out to our side.", 400),
    ("Of these, 718 have completed their defection and are under the group's protection.", 718),
])
def test_a_counted_part_of_a_tally_is_a_tally_over_its_period(pipe, second, count):
    body = f"Since the conscription law came in, about 1,900 conscripts have contacted us, People's Embrace said. {second}"
    tallies = {e.count.value: e for e in events(pipe, body, published=dt.date(2025, 1, 20)) if e.type.value == "tally"}
    assert set(tallies) == {1900, count}
    part = tallies[count]
    assert (part.date.start, part.date.end) == (dt.date(2024, 2, 10), dt.date(2025, 1, 20))
    assert part.claimed_by == "PEOPLES-EMBRACE"


def test_a_part_told_on_its_own_day_is_a_happening(pipe):
    body = ("More than 300 soldiers have surrendered to the KNDF since the operation began. "
            "Of these, 12 officers defected on Monday to the KNU.")
    (ev,) = [e for e in events(pipe, body, published=dt.date(2024, 9, 10)) if e.count.value == 12]
    assert (ev.type.value, ev.date.start) == ("defection", dt.date(2024, 9, 9))


@pytest.mark.parametrize("body", [
    "Two sergeants made it safely across to the KNU on Monday.",
    "Two sergeants made it out to KNU territory on Monday.",
])
def test_making_it_across_is_crossing_over(pipe, body):
    ev = only(pipe, body, published=dt.date(2024, 9, 10))
    assert (ev.type.value, ev.count.value, ev.to) == ("defection", 2, "KNU")


def test_a_count_up_to_a_time_is_a_tally(pipe):
    body = ("By the truce in mid-January, the Brotherhood Alliance said well over 2,000 junta troops had surrendered "
            "to it in northern Shan.")
    ev = only(pipe, body, published=dt.date(2024, 10, 28))
    assert (ev.type.value, ev.count.value, ev.to) == ("tally", 2000, "BROTHERHOOD-ALLIANCE")


@pytest.mark.parametrize(("body", "count"), [
    # the parse gives the verb two subjects, or makes the number the conjunct: the words still sum
    ("A police major and 23 officers from the police station in Shwegu surrendered to the KIA on Monday.", 24),
    ("On Tuesday night, a sergeant and six conscripts from Light Infantry Battalion 618 deserted from their "
     "position near Singu and reached a KNU camp.", 7),
    ("A corporal and four privates defected to the KNU on Monday.", 5),
    # a list the parser chains, and a first group whose parts follow in apposition
    ("A police lieutenant, two sergeants and eight constables from the Falam police station went over to the "
     "Chin National Army on Monday.", 11),
    ("Two captains, a warrant officer and 58 other ranks from Light Infantry Battalion 357 laid down their weapons "
     "at their base in Myawaddy township on Saturday.", 61),
    ("In Loikaw the KNDF says 30 troops, three officers and 27 men, surrendered on Monday.", 30),
    ("In Loikaw the KNDF says 20 soldiers, 10 police and 10 militiamen surrendered on Monday.", 40),
    # parts named after "including" are not added to the group
    ("On Monday, 12 staff of the Palaw Township hospital, including two doctors and seven nurses, joined the CDM.", 12),
    # kin who come along are not counted; a kin word that names the defector is
    ("A captain and his wife and two children fled to the KNU on Monday.", 1),
    ("A captain and his wife fled to the KNU on Monday.", 1),
    # a group's number is the number of the people it is of
    ("In Akyab, a group of 12 civil servants from the district offices left the city by boat on Thursday and "
     "travelled to an AA-controlled area, relatives of two of the staff said.", 12),
])
def test_counts_of_people_told_together(pipe, body, count):
    (ev,) = [e for e in events(pipe, body, published=dt.date(2024, 9, 10)) if e.type.value != "tally"]
    assert ev.count.value == count


def test_a_transcripts_speaker_is_not_the_subject(pipe):
    ev = only(pipe, "Ko Nay Lin Aung: Last month, seven conscripts from the sixth batch slipped out of a training "
                    "school near Taungdwingyi during a night exercise.", published=dt.date(2025, 1, 20))
    assert ev.count.value == 7


@pytest.mark.parametrize(("body", "published", "etype"), [
    # "in the months after the coup" is a period; "By his count" is no time
    ("By his count, at least 10 men from his company had deserted in the months after the coup.", "2021-09-10", "tally"),
    ("By his count, at least 10 men from his company had deserted on Monday.", "2021-09-10", "defection"),
    # the announcement's time is not the figure's, when no place makes it one happening
    ("The NUG's defence ministry announced in late January that more than 11,500 soldiers and police officers had "
     "left the junta's ranks and joined the people's side.", "2024-09-10", "tally"),
    ("The NUG announced on Monday that more than 2,000 soldiers had surrendered to the MNDAA in Laukkai.", "2024-09-10", "surrender"),
    ("More than 2,000 soldiers surrendered to the MNDAA on Monday, the NUG said.", "2024-09-10", "surrender"),
])
def test_period_cues_and_announcement_times_decide_the_type(pipe, body, published, etype):
    assert only(pipe, body, published=dt.date.fromisoformat(published)).type.value == etype


def test_a_figure_over_two_months_is_a_tally(pipe):
    ev = only(pipe, "Of about 1,400 railway staff based in Mon State, 1,146 joined the Civil Disobedience Movement in "
                    "February and March, according to the strike committee.", published=dt.date(2021, 8, 12))
    assert (ev.type.value, ev.date.start, ev.date.end) == ("tally", dt.date(2021, 2, 1), dt.date(2021, 3, 31))


@pytest.mark.parametrize(("body", "actor"), [
    ("Police posts have been attacked near Dawei, and the NUG's defence ministry last month began broadcasting "
     "messages on marine radio urging sailors to bring their vessels over to the people's side.", "NUG-MOD"),
    ("The NUG's acting president has called on soldiers and police \"to stop killing your own people and join us\".", "NUG"),
    ("The Yinmabin Township PDF sent letters on May 2 to all 22 administrators appointed by the military council, "
     "telling them to resign by May 15.", "PDF"),
    ("In early April the NUG renewed its appeal to soldiers, promising that anyone who crossed over during the relief "
     "period would be given priority protection.", "NUG"),
    ("The committee on Monday appealed to railway staff still reporting for duty to \"stand with your colleagues\" "
     "and join the strike.", None),
])
def test_more_shapes_of_appeal(pipe, body, actor):
    ev = only(pipe, body, published=dt.date(2024, 9, 10))
    assert (ev.type.value, ev.actor) == ("call_to_defect", actor)


def test_a_threat_to_those_who_desert_is_no_appeal(pipe):
    assert not events(pipe, "The regime has warned that soldiers who desert will be tried under military law.",
                      published=dt.date(2024, 9, 10))


def test_what_a_group_helps_people_do_is_no_happening(pipe):
    assert not events(pipe, "The sailors joined a militia, according to a group that helps members of the security "
                            "forces defect.", published=dt.date(2024, 9, 10))


@pytest.mark.parametrize(("body", "etype"), [
    ("One of them, U Tin Maung Oo, the administrator of Nyaung Pin Thar village tract, announced his resignation "
     "at the village monastery on May 9.", "defection"),
    ("In Salingyi Township, the deputy head of the township administration office left his office on Friday, along "
     "with two clerks, and the three are now with the CDM.", "defection"),
    ("On Saturday, the Mong Ha people's militia in Hseni Township announced that it would no longer take orders "
     "from the Burma Army.", "defection"),
])
def test_resignations_being_with_the_cdm_and_a_militias_break(pipe, body, etype):
    assert only(pipe, body, published=dt.date(2024, 9, 10)).type.value == etype


def test_a_militia_that_would_still_take_orders_has_not_broken(pipe):
    assert not events(pipe, "The militia said it would take orders from the Burma Army.", published=dt.date(2024, 9, 10))


def test_one_of_the_few_defections_ranks_the_happening_told(pipe):
    evs = events(pipe, "Four police officers from Bogalay have joined a local resistance force, in one of the few "
                       "defections reported from the Ayeyarwady delta since the conscription law.", published=dt.date(2024, 3, 1))
    assert [(e.type.value, e.count.value) for e in evs] == [("defection", 4)]


def test_since_then_counts_from_the_time_told_before(pipe):
    body = ("The AA says the Ann operation was the largest surrender in Rakhine State since its offensive began on "
            "November 13 last year. Since then, more than 1,200 junta personnel have surrendered to AA forces, the group says.")
    (ev,) = [e for e in events(pipe, body, published=dt.date(2024, 9, 10)) if e.type.value == "tally"]
    assert (ev.date.start, ev.date.end) == (dt.date(2023, 11, 13), dt.date(2024, 9, 10))


@pytest.mark.parametrize(("line", "to"), [
    ("Of these, 718 have completed their defection and are under the Ministry's protection.", "NUG-MOD"),
    ("Of these, 718 have completed their defection.", None),
])
def test_a_ministrys_own_statement_receives_those_under_its_protection(pipe, line, to):
    body = ("National Unity Government\nMinistry of Defence\n\nStatement No. (19/2023)\n\n"
            f"Since January, 1,382 members of the military council's forces contacted the Ministry. {line}\n\n"
            "Ministry of Defence\nNational Unity Government")
    evs = pipe.extract(document_from_text(body, name="statement.txt", published=dt.date(2023, 8, 3))).events
    (part,) = [e for e in evs if e.count and e.count.value == 718]
    assert part.to == to


@pytest.mark.parametrize(("body", "etype", "count", "to"), [
    ("Two soldiers absconded from their battalion in Kalay last week.", "defection", 2, None),
    ("Fifteen soldiers of LIB 345 went AWOL on Monday near Hpa-an.", "defection", 15, None),
    ("A township administrator in Yinmabin stepped down on Monday after a warning from the PDF.", "defection", 1, None),
    ("Four soldiers fled the front line in Kyaukme on Sunday and were sheltered by the TNLA.", "defection", 4, "TNLA"),
    ("Twenty police officers in Mindat switched to the Karenni Army on Tuesday.", "defection", 20, "KNPP"),
    ("Three policemen were welcomed into the ranks of the KNDF on Sunday.", "defection", 3, "KNDF"),
    ("About 25 police officers in Lashio handed in their weapons to the MNDAA on Wednesday.", "defection", 25, "MNDAA"),
    ("The PDF accepted the surrender of 22 soldiers at the bridge on Friday.", "surrender", 22, "PDF"),
    ("The surrender of 45 soldiers near Hsihseng on Monday was confirmed by the KNDF.", "surrender", 45, "KNDF"),
    ("The entire garrison of 60 at the hilltop camp laid down their weapons before the TNLA on Friday.", "surrender", 60, "TNLA"),
    # those who went along: "two of the soldiers under his command"
    ("In March 2022 a captain left his post at an air defense unit in Hlegu, together with two of the soldiers under his "
     "command.", "defection", 3, None),
    # a navy rank is one of the regime's people
    ("Last week a petty officer from the navy base at Thilawa reached a liberated area with his wife and young son.",
     "defection", 1, "UNKNOWN-RESISTANCE"),
    # leaving a camp without permission is deserting (villagers leaving one are no event)
    ("On the night of September 14, he and two other privates left the camp at Myothit without permission.",
     "defection", 3, None),
    # swimming the border river; another country's police are not the junta's
    ("Three soldiers swam across the Moei River into Thailand on Wednesday and asked Thai police for protection.",
     "defection", 3, None),
    # walking out tells how they gave up
    ("The last 17 soldiers who remained inside the camp laid down their weapons and walked out to the TNLA on Friday.",
     "surrender", 17, "TNLA"),
    ("A police inspector in Monywa quit the force on Monday.", "defection", 1, None),
    # a month's figure: several forces, or 50 or more, and no place
    ("In April 2024, 318 soldiers and police defected, the monitoring group said.", "tally", 318, None),
    ("Nine soldiers, police and firefighters defected to us this month, the battalion said.", "tally", 9, None),
    # running totals told as the level a count is brought to, or put at
    ("The ambush brought to 52 the number of soldiers who have joined the brigade since March 1.", "tally", 52, None),
    ("A think tank puts total desertions from the army at more than 9,000 since the coup.", "tally", 9000, None),
    # "come over" with no receiver, of a number of personnel over a period
    ("About 1,500 soldiers have come over since the coup, the ministry said.", "tally", 1500, None),
    # received by the group they went to
    ("A total of 63 police and soldiers have been received by the KNPP since 2022.", "tally", 63, "KNPP"),
    # joining a strike, stopping work
    ("Union leaders said more than 20,000 nurses had joined the strike.", "tally", 20000, "CDM"),
    ("Eleven clerks at the township court stopped coming to work in late March.", "defection", 11, "CDM"),
    # a pronoun with more people counted is not someone told of before
    ("On the night of 4 May he and three other privates left their company position near Kalay.", "defection", 4, None),
    # one person is a happening even with 'has since'
    ("In late July, a sergeant from Light Infantry Battalion 234 defected to the KNDF with his rifle and has since "
     "trained new recruits.", "defection", 1, "KNDF"),
    # an administrator gives up the office's seal
    ("On Monday, the administrator of a village tract near Bilin and his clerk brought their official seals to a "
     "KNU office and handed them over.", "defection", 2, "KNU"),
    ("Twelve village administrators in Kani handed in their seals to the local PDF on Friday.", "defection", 12, "PDF"),
    # leaving with comrades from the unit (not villagers leaving with an escort)
    ("A corporal in a battalion based in Meiktila left with two privates from his section on Sunday.", "defection", 3, None),
    ("A sergeant fled with three other soldiers from the Kalay base on Friday.", "defection", 4, None),
    # members of an election commission are officials
    ("Five members of the Natogyi township election sub-commission resigned and fled to an area controlled by the "
     "local PDF on October 9.", "defection", 5, "PDF"),
    # the parse hangs the verb on the road the station stands on
    ("23 police officers from the Ma-Ei station on the Toungup–Pyay road crossed over to the AA, the group said.",
     "defection", 23, "AA"),
    # made to give up, and did
    ("Nine soldiers at the outpost were forced to surrender to the KIA on Friday.", "surrender", 9, "KIO"),
    # "he" in what a police lieutenant said is the lieutenant; "the strikers" are the CDM
    ("A police lieutenant in Mandalay said he had joined the strikers on Monday.", "defection", 1, "CDM"),
    # stopping going to one's own office is leaving work
    ("An engineer at the electricity ministry in Naypyitaw stopped going to his office in the week after the coup.",
     "defection", 1, "CDM"),
    # "switched its allegiance to", and a "12-man" unit
    ("A 12-man village militia from Waingmaw Township switched its allegiance to the KIA on Saturday.",
     "defection", 12, "KIO"),
    # ... or leaves the people as a second subject of the reporting verb
    ("In late April, 23 police officers from the station on the Toungup–Pyay road crossed over to the AA, the group "
     "said.", "defection", 23, "AA"),
])
def test_more_ways_of_leaving_and_giving_up(pipe, body, etype, count, to):
    ev = only(pipe, body, published=dt.date(2024, 9, 10))
    assert (ev.type.value, ev.count and ev.count.value, ev.to) == (etype, count, to)


@pytest.mark.parametrize("body", [
    "Two prisoners absconded from Insein prison on Monday.",
    "The junta switched to airstrikes after the defeat.",
    "Nine soldiers laid down their arms on Friday and were taken into the custody of the CNA.",
])
def test_what_only_looks_like_leaving(pipe, body):
    assert [e.type.value for e in events(pipe, body, published=dt.date(2024, 9, 10))] in ([], ["surrender"])


@pytest.mark.parametrize(("body", "count", "claimed_by"), [
    # a group's count of those it registered or helped out, told as 'who left'
    ("By the end of June, the KNU had registered about 2,400 soldiers who had left through its channels since the coup.",
     2400, "KNU"),
    ("Since the coup, Safe Passage has assisted 1,284 members of the military and police who left their posts.",
     1284, "Safe Passage"),
])
def test_a_groups_count_of_those_who_left_through_it(pipe, body, count, claimed_by):
    ev = only(pipe, body)
    assert (ev.type.value, ev.count.value, ev.claimed_by) == ("tally", count, claimed_by)


def test_a_figure_reported_over_a_period_and_one_over_the_same_period(pipe):
    found = events(pipe, "The ministry reports that since Operation 1027 began, 96 police personnel have joined the people's "
                         "side. Separately, the Ministry of Defence informed us this morning that 340 soldiers have come "
                         "over in the same period.")
    assert [(e.type.value, e.count.value, e.date.start) for e in found] == [
        ("tally", 96, dt.date(2023, 10, 27)), ("tally", 340, dt.date(2023, 10, 27))]


@pytest.mark.parametrize("mark", ["", "🔸 ", "• "])
def test_part_of_a_figure_that_reached_safety(pipe, mark):
    found = events(pipe, f"{mark}In May, 212 soldiers and police contacted the network asking for help to leave.\n"
                         f"{mark}Of these, 64 have now reached liberated areas with their families.")
    assert [(e.type.value, e.count.value, e.date.start) for e in found] == [
        ("tally", 212, dt.date(2023, 5, 1)), ("tally", 64, dt.date(2023, 5, 1))]


def test_a_group_that_took_the_surrender_of_a_figure_claims_it(pipe):
    ev = only(pipe, "Since Operation 1027 began, the Brotherhood Alliance has accepted the surrender of more than "
                    "4,000 junta troops.", published=dt.date(2024, 9, 10))
    assert (ev.type.value, ev.count.value, ev.to, ev.actor) == ("tally", 4000, "BROTHERHOOD-ALLIANCE", "BROTHERHOOD-ALLIANCE")


def test_seeking_help_from_a_network_is_contacting_it(pipe):
    ev = only(pipe, "More than 400 junta personnel sought help from People's Embrace in July alone, its founder said.",
              published=dt.date(2024, 9, 10))
    assert (ev.type.value, ev.count.value, ev.date.start, ev.date.end) == ("tally", 400, dt.date(2024, 7, 1), dt.date(2024, 7, 31))


@pytest.mark.parametrize(("body", "actor"), [
    ('"Put down your guns and come home," the KNU told soldiers in a leaflet dropped over Hpapun.', "KNU"),
    ("The Arakan Army has offered safe passage to any soldier who lays down his weapon before the deadline.", "AA"),
    ("The MNDAA urged soldiers at the Lashio headquarters to give up, promising fair treatment.", "MNDAA"),
    ("The KNDF pleaded with police in Loikaw to switch sides before the offensive begins.", "KNDF"),
    ("The Mandalay PDF implored police officers to walk out of their stations.", "PDF"),
    # assurances of safety to those who come out, and an open door
    ("The KIA told junta troops besieged in Bhamo that they could leave safely if they handed over their weapons.", "KIO"),
    ("Through loudspeakers, PDF fighters told the soldiers inside the camp that they would not be harmed if they came out.", "PDF"),
    ("The KNPP said its doors remained open to any soldier who wished to leave the military.", "KNPP"),
    ("Our doors are open to all police officers who want to join the people, the PDF said.", "PDF"),
    # goals: to stand with the public, to escape; an ultimatum with its addressee between
    ("In a video message, the NUG's acting president asked members of the security forces to stand with the public.", "NUG"),
    ("The People's Defence Force in Sagaing appealed to conscripts to escape at the first chance.", "PDF"),
    ("The MNDAA gave the garrison in Laukkai an ultimatum to surrender by noon.", "MNDAA"),
    # to walk away, to join a boycott
    ('The NUG urged police officers sent to guard the polling booths to "walk away from the sham election".', "NUG"),
    ("The KNU appealed to teachers still in state schools to join the boycott of the new school year.", "KNU"),
])
def test_appeals_in_their_many_shapes(pipe, body, actor):
    ev = only(pipe, body, published=dt.date(2024, 9, 10))
    assert (ev.type.value, ev.actor) == ("call_to_defect", actor)


def test_an_assurance_between_a_claim_and_its_caveat_does_not_hide_the_caveat(pipe):
    found = events(pipe, "Twelve soldiers from a battalion in Mawlamyine defected to the KNU on Sunday, the group said. "
                         "The KNU told the remaining troops that they would not be harmed if they came out. "
                         "The claim could not be independently verified.", published=dt.date(2024, 9, 10))
    (ev,) = [e for e in found if e.type.value == "defection"]
    assert ev.certainty == "unconfirmed"


@pytest.mark.parametrize("body", [
    "The KNU promised that soldiers who surrendered on Monday would be treated well.",
    "The TNLA assured residents they would be safe if they stayed indoors.",
    "A villager told RFA that the soldiers would not be harmed.",
    "The PDF urged villagers to escape the shelling.",
    "The AA gave its fighters an ultimatum to retake the hill.",
])
def test_assurances_to_others_or_about_the_past_are_not_appeals(pipe, body):
    assert not [e for e in events(pipe, body, published=dt.date(2024, 9, 10)) if e.type.value == "call_to_defect"]


def test_joining_a_strike_is_only_the_regime_s_staff_leaving(pipe):
    assert events(pipe, "Garment workers joined the strike on Monday.", published=dt.date(2024, 9, 10)) == []


def test_a_unit_received_after_its_defection_was_told_is_the_same_happening(pipe):
    found = events(pipe, "About 40 members of a BGF company crossed over to the KNDF on Tuesday, the group said.\n\n"
                         "The company, which had guarded the bridge for a year, left its base with its weapons and was "
                         "received by KNDF troops in the hills.", published=dt.date(2024, 9, 10))
    assert [(e.type.value, e.count.value) for e in found] == [("defection", 40)]


def test_an_appeal_after_a_video_time_code_is_an_appeal(pipe):
    ev = only(pipe, "1:42 To the soldiers at Monywa and in Kani: come to us.", published=dt.date(2024, 9, 10))
    assert ev.type.value == "call_to_defect"


@pytest.mark.parametrize("body", [
    "3️⃣ OUR MESSAGE: To every soldier and police officer in Monywa District - come to us.",
    # a label that names those addressed is the vocative, not a heading to skip
    "TO THE SOLDIERS AT MINDAT: Come to us, the CNF said.",
])
def test_an_appeal_under_a_posts_heading_is_an_appeal(pipe, body):
    ev = only(pipe, body, published=dt.date(2024, 9, 10))
    assert ev.type.value == "call_to_defect"


def test_getting_ones_own_people_back_in_an_exchange_is_no_defection(pipe):
    assert events(pipe, "Today we handed over 6 captured soldiers through monks of Salingyi, and received 6 of our "
                        "comrades.", published=dt.date(2024, 9, 10)) == []
    ev = only(pipe, "On Monday we received seven members of the Air Force, the KNDF said.", published=dt.date(2024, 9, 10))
    assert (ev.type.value, ev.count.value) == ("defection", 7)


def test_a_digest_s_post_days_date_what_each_post_tells(pipe):
    text = ("Sagaing PDF News - Official\nchannel · 12,400 subscribers\n\n"
            "— 3 March —\n\n[09:41]\nOur Battalion 4 surrounded the Kani police station.\n\n"
            "— 5 March —\n\n[22:10]\nThis evening 9 police officers surrendered to our Battalion 4 after the siege.\n\n"
            "— 7 March —\n\n[08:05]\nYesterday 3 militiamen came over to us with their guns.\n\n"
            "— 8 March —\n\n[19:30]\nTo the soldiers in Kani: come out with a white cloth to any PDF post within 72 hours.\n")
    found = pipe.extract(document_from_text(text, name="digest.txt", published=dt.date(2024, 3, 10))).events
    assert [(e.type.value, e.count and e.count.value, e.date.start, e.date.end) for e in found] == [
        ("surrender", 9, dt.date(2024, 3, 5), dt.date(2024, 3, 5)),
        ("defection", 3, dt.date(2024, 3, 6), dt.date(2024, 3, 6)),
        # an appeal that gives no time of its own is the post's day
        ("call_to_defect", None, dt.date(2024, 3, 8), dt.date(2024, 3, 8)),
    ]


def test_bulleted_figures_under_a_period_are_tallies_over_it(pipe):
    text = ("Weekly summary\n\nSince the offensive began on 3 June:\n"
            "• 64 enemy personnel surrendered to the PDF and allied forces\n"
            "• 17 soldiers and police defected to us\n"
            "• 30 captured in battle\n\nWe thank the people for their support.\n")
    found = pipe.extract(document_from_text(text, name="summary.txt", published=dt.date(2024, 7, 14))).events
    assert [(e.type.value, e.count.value, e.date.start, e.date.end) for e in found] == [
        ("tally", 64, dt.date(2024, 6, 3), dt.date(2024, 7, 14)),
        ("tally", 17, dt.date(2024, 6, 3), dt.date(2024, 7, 14)),
    ]


def test_handing_over_weapons_after_a_siege_told_just_before_is_a_surrender(pipe):
    found = events(pipe, "The junta's camp at Lailenpi surrendered to the Chin resistance on Sunday after a siege of "
                         "three weeks, resistance officials said.\n\nA total of 31 soldiers handed over their weapons to "
                         "the CNF shortly after noon, the group said.", published=dt.date(2024, 9, 10))
    assert {e.type.value for e in found} == {"surrender"}


@pytest.mark.parametrize(("body", "to"), [
    ("Twelve soldiers crossed over to the other side on Monday, the PDF said.", "PDF"),
    ("Twelve soldiers defected to an ethnic armed group in Kayin State on Monday.", "UNKNOWN-RESISTANCE"),
    ("Twelve soldiers surrendered to Karen forces near Hpapun on Monday.", "KNU"),
    ("Nine police officers defected to Arakan fighters in Ann on Monday.", "AA"),
])
def test_receivers_named_by_their_people_or_not_named(pipe, body, to):
    assert only(pipe, body, published=dt.date(2024, 9, 10)).to == to


def test_one_date_line_is_no_digest(pipe):
    text = "Sagaing news\n\n— 3 March —\n\nYesterday 3 militiamen came over to the PDF with their guns.\n"
    (ev,) = pipe.extract(document_from_text(text, name="one.txt", published=dt.date(2024, 3, 8))).events
    assert ev.date.start == dt.date(2024, 3, 7)


@pytest.mark.parametrize(("body", "count"), [
    ("Last week a corporal slipped away from his base with two privates and reached the KNU.", 3),
    ("In March, he slipped away from his ship with four ratings and reached an area held by the KNU.", 5),
    ("A captain fled to the KNU with his wife and two children.", 1),
    ("Three soldiers defected to the KNU with 20 rifles.", 3),
])
def test_those_who_went_along_are_counted(pipe, body, count):
    ev = only(pipe, body, published=dt.date(2024, 9, 10))
    assert (ev.type.value, ev.count.value) == ("defection", count)


@pytest.mark.parametrize(("body", "count"), [
    ("The network said it had logged more than 700 contacts since 1 March from soldiers and police asking how to leave.", 700),
    ("The group said it had received 2,100 requests for help in June alone from serving personnel.", 2100),
    ("People's Embrace said it had received about 900 messages from soldiers wanting to defect since Saturday.", 900),
])
def test_a_networks_count_of_contacts_is_a_tally(pipe, body, count):
    ev = only(pipe, body, published=dt.date(2024, 9, 10))
    assert (ev.type.value, ev.count.value) == ("tally", count)


def test_a_bare_number_who_left_counts_those_who_contacted_the_network(pipe):
    found = events(pipe, 'The network had more than 600 contacts from soldiers and police asking how to get out. '
                         'Of those, "roughly 150" have actually left so far, the network said.', published=dt.date(2024, 9, 10))
    assert [(e.type.value, e.count.value) for e in found] == [("tally", 600), ("tally", 150)]


def test_a_phrase_set_off_after_a_bare_leaving_is_no_object(pipe):
    found = events(pipe, "The fund said it had registered 1,040 defectors since it began work in 2023. Of these, 388 "
                         "crossed over in 2024 alone, the highest annual number so far.", published=dt.date(2024, 9, 10))
    assert [(e.type.value, e.count.value) for e in found] == [("tally", 1040), ("tally", 388)]


def test_contacts_of_others_are_no_tally(pipe):
    assert events(pipe, "The ministry has 400 contacts in the media.", published=dt.date(2024, 9, 10)) == []


def test_a_deck_under_the_title_folds_into_the_body_telling(pipe):
    text = ("RFA\n\nRakhine rebels close in on a base\n\nNearly 200 troops surrendered near Ann, rebels say\n\n"
            "About 170 soldiers surrendered to the Arakan Army at a battalion base near Ann on Sunday, its spokesman said.\n")
    evs = pipe.extract(document_from_text(text, name="deck.txt", published=dt.date(2024, 12, 23))).events
    assert [(e.type.value, e.count.value, e.date.start) for e in evs] == [("surrender", 170, dt.date(2024, 12, 22))]


@pytest.mark.parametrize(("body", "etype", "count"), [
    ("In the second week of August nine conscripts walked out of a training camp near Aunglan.", "defection", 9),
    ("In November a sergeant and two privates left the base at night on a motorbike.", "defection", 3),
    ("Min Khant and five colleagues left the township police station in a borrowed pickup on Monday.", "defection", 6),
    ("On Monday the entire staff of the township GAD office - 31 people - stayed home in support of the movement.", "defection", 31),
    ("In the first four months of this year, 214 personnel from all services were found to have absconded.", "tally", 214),
    ("The network says more than 2,000 soldiers have gone through the network since 2021.", "tally", 2000),
    ("This week a further ~500 police made contact but have not yet left, the channel said.", "tally", 500),
])
def test_more_plain_tellings_of_leaving_and_figures(pipe, body, etype, count):
    ev = only(pipe, body, published=dt.date(2024, 9, 10))
    assert (ev.type.value, ev.count.value) == (etype, count)


def test_a_bare_number_crossing_over_counts_those_named_before(pipe):
    body = ("The network said it had registered 1,318 defectors since it began work in March 2022. "
            "Of the total, 412 crossed over in 2024 alone.")
    figures = sorted((e.type.value, e.count.value) for e in events(pipe, body, published=dt.date(2025, 1, 30)))
    assert ("tally", 412) in figures


@pytest.mark.parametrize("body", [
    "Thousands of people have crossed into Thailand since February, many of them to avoid call-up.",
    "Police arrested four former teachers who had joined the CDM in 2021.",
    "The spokesman, when contacted by phone, declined to comment.",
])
def test_others_crossing_a_past_and_a_phone_call_are_no_events(pipe, body):
    assert not events(pipe, body, published=dt.date(2024, 9, 10))


def test_an_appeal_after_the_people_it_addresses(pipe):
    ev = only(pipe, "To every soldier and police officer in Pakokku District - come to us. We will keep you safe.",
              published=dt.date(2024, 9, 10))
    assert ev.type.value == "call_to_defect" and ev.who is not None


def test_a_retelling_of_those_who_left_is_the_same_happening(pipe):
    body = ("Seven police officers from Kawa Township left their posts and fled to territory held by the KNLA this week.\n\n"
            "The officers left the township police station on Tuesday and reached territory held by Brigade 3 of the KNLA, "
            "a brigade officer said.")
    assert [e.type.value for e in events(pipe, body, published=dt.date(2024, 2, 16))] == ["defection"]


def test_the_teller_is_not_counted_among_those_who_left(pipe):
    # "They ... handed themselves over ..., a spokesman for the group said": the spokesman is not one of them
    found = events(pipe, "Six soldiers stationed in Matupi have defected to a Chin militia, the group told reporters.\n\n"
                         "The men had been sent to guard a detachment in Rezua. They walked out of the detachment on "
                         "Saturday night and handed themselves over to the militia, a spokesman for the group said.")
    assert all(e.count is None or e.count.value != 1 for e in found)


def test_being_forced_to_give_up_happened_unless_it_only_would(pipe):
    assert events(pipe, "The soldiers would be forced to surrender if the siege went on.") == []
    assert [e.type.value for e in events(pipe, "The soldiers were forced to surrender on Friday.")] == ["surrender"]


# --- first-person tellings ------------------------------------------------------------------
def test_those_who_followed_someone_out_left_as_he_did(pipe):
    found = events(pipe, "A navy seaman left his post at Kawthoung in May and crossed to Ranong. Six weeks later, two of "
                         "his shipmates followed him the same way, he said.")
    assert len(found) == 2
    assert (found[1].type.value, found[1].count.value, found[1].who.category) == ("defection", 2, "soldier")


@pytest.mark.parametrize(("body", "count", "category", "to", "place", "start"), [
    # the teller introduced as one of the regime's; companions counted by number, by name, by list
    ('Min Naing, 29, was a sergeant in an artillery battalion at Meiktila. "I left on the night of 9 April with three '
     'privates from my platoon," he said.', 4, "soldier", None, "Meiktila", dt.date(2023, 4, 9)),
    ("I was a corporal in the police force at Monywa for six years. In June I left the station with Sergeant Tun Tun "
     "and my driver, a constable. We walked for two days and met the Monywa PDF near a pagoda.",
     3, "police", "PDF", "Monywa", dt.date(2023, 6, 1)),
    # "the X of us", "N others and I", "me and my ...": the teller and those beside them
    ('Our company was posted near Magway. "The four of us left the outpost before dawn," said the former private.',
     4, "soldier", None, "Magway", None),
    ("A former navy rating told us he had served six years in the navy at Kyaukphyu. "
     '"In October three shipmates and I left together," he said.', 4, "soldier", None, "Kyaukphyu", dt.date(2023, 10, 1)),
    ("I served in an infantry battalion near Taungoo. Last March, me and my orderly left the base on a motorbike.",
     2, "soldier", None, "Taungoo", dt.date(2023, 3, 1)),
    # where they went: the group named after an unnamed one
    ("I was a private in an infantry battalion near Pyay. I left on 2 May with two privates from my company. "
     "A resistance group met us near Paukkhaung and took us to the KNU.", 3, "soldier", "KNU", "Pyay", dt.date(2023, 5, 2)),
])
def test_a_first_person_telling_of_leaving(pipe, body, count, category, to, place, start):
    ev = only(pipe, body)
    assert (ev.type.value, ev.count.value, ev.who.category, ev.to) == ("defection", count, category, to)
    assert ev.location is not None and ev.location.name == place
    if start is not None:
        assert ev.date.start == start


@pytest.mark.parametrize("body", [
    # a teller who is not the regime's: villagers and fighters leave places too
    "I left my village in May when the shelling started. We walked to the camp near Loikaw.",
    "I was a farmer near Kani before the coup. I left on the night of the raid with my two brothers.",
    # leaving for somewhere or to do something
    "I was a captain in an infantry battalion at Pyay. In May I left for Yangon to see my mother.",
    # 'left' telling the time of something else, and 'I' getting in touch: no leaving of its own
    "I was a sergeant in an infantry battalion at Hpa-an. After I left, my parents were questioned twice.",
])
def test_what_a_first_person_teller_does_that_is_not_leaving(pipe, body):
    assert [e.type.value for e in events(pipe, body)] == []


def test_a_teller_who_tells_it_twice_left_once(pipe):
    found = events(pipe, "I was a lieutenant at the military academy in Pyin Oo Lwin. I left on the first day of Thadingyut "
                         "in 2022. Two cadets and I walked out of the academy gate after the evening meal. A KIA unit "
                         "met us near Mogoke.")
    assert [(e.type.value, e.count.value, e.to) for e in found] == [("defection", 3, "KIO")]
    assert found[0].date.start.year == 2022 and found[0].date.start.month == 10


def test_the_reporters_telling_and_the_tellers_own_are_one_leaving(pipe):
    found = events(pipe, "A police sergeant from Mawlamyine joined the Civil Disobedience Movement in March, along with "
                         'four colleagues. "I stopped going to the station on the day of the first shooting," he said.')
    assert [(e.type.value, e.count.value) for e in found] == [("defection", 5)]


@pytest.mark.parametrize(("body", "parts"), [
    # "of whom ...": a part of the figure in the same sentence
    ("The defence ministry said 1,500 soldiers and police had left their posts since the coup, of whom about 600 were "
     "police officers.", {600: "police"}),
    # "Of those, ... came from ...": the sentence after, with a service named
    ("People's Embrace said about 3,400 members of the security forces had defected since the coup. Of those, roughly "
     "900 came from the police.", {900: "police"}),
    # "of roughly 3,000 ..., about 2,000 were police": the whole named first in the same sentence
    ("People's Embrace told us that of roughly 3,000 defectors it had registered by the end of 2022, about 2,000 were "
     "police.", {2000: "police"}),
    # list items, two parts in one
    ("The network said it had helped 2,100 soldiers and police leave since the coup.\n- Of them, 1,450 were soldiers "
     "and 650 were police officers.", {1450: "soldier", 650: "police"}),
    # a service alone names soldiers
    ("People's Goal says 10,000 soldiers and police have defected with its help since the coup. Of those, a little "
     "over 300 came from the navy and the air force, the group says.", {300: "soldier"}),
])
def test_a_figure_broken_down_gives_each_part_as_a_figure_of_its_own(pipe, body, parts):
    tallies = [e for e in events(pipe, body) if e.type.value == "tally"]
    whole = max(tallies, key=lambda e: e.count.value)
    found = {e.count.value: e for e in tallies if e is not whole}
    assert {v: e.who.category for v, e in found.items()} == parts
    for part in found.values():  # the whole's period and claimant
        assert (part.date, part.claimed_by) == (whole.date, whole.claimed_by)


def test_a_place_that_accounted_for_part_of_a_figure(pipe):
    body = ("Safe Passage said it had helped 1,284 soldiers and police who left their posts since the coup. Sagaing "
            "Region accounted for 302 of the 1,284 cases, more than any other region.")
    part = next(e for e in events(pipe, body) if e.count.value == 302)
    assert (part.type.value, part.location.admin1) == ("tally", "Sagaing")


@pytest.mark.parametrize("body", [
    # killed or otherwise: not people of the regime's forces
    "The KIA said 240 soldiers had surrendered to it since March, of whom 12 were killed later in fighting.",
    "The NUG said 5,000 soldiers had defected since the coup. Of them, many were young conscripts.",
    # a part no smaller than the whole is no part
    "The NUG said 500 soldiers had defected since the coup. Of them, 600 were police officers.",
])
def test_what_is_no_part_of_a_figure(pipe, body):
    assert len([e for e in events(pipe, body) if e.type.value == "tally"]) == 1


def test_a_helpers_figure_over_a_period_told_on_the_helping_verb(pipe):
    (ev,) = events(pipe, "Safe Passage Myanmar (SPM) released its figures on Monday. From 1 February 2021 to 31 December "
                         "2022, SPM assisted 1,284 members of the military and police who left their posts.")
    assert (ev.type.value, ev.date.start, ev.date.end) == ("tally", dt.date(2021, 2, 1), dt.date(2022, 12, 31))
    assert ev.evidence.startswith("From 1 February 2021")
    assert ev.claimed_by == "Safe Passage Myanmar"  # the abbreviation as the article spelt it out


@pytest.mark.parametrize(("body", "day"), [
    ("The KIA launched an offensive on March 7, capturing more than 60 junta positions. A week after the offensive "
     "began, 28 soldiers at a hilltop base surrendered to a KIA battalion after their water supply was cut.",
     dt.date(2023, 3, 14)),
    ("The AA launched its offensive on November 13. Three days after the offensive started, 40 police officers in "
     "Pauktaw surrendered to the AA after a day of fighting.", dt.date(2023, 11, 16)),
])
def test_days_counted_from_the_launch_an_earlier_sentence_tells(pipe, body, day):
    (ev,) = events(pipe, body)
    assert (ev.date.start, ev.date.end) == (day, day)


@pytest.mark.parametrize(("body", "claimant"), [
    # a rank's full stop is no sentence end
    ("Twenty-eight soldiers at a hilltop base surrendered to a KIA battalion after their water supply was cut, "
     "Capt. Zaw Min said.", "Capt. Zaw Min"),
    ("Col. Zaw Min said that 28 soldiers at a hilltop base surrendered to a KIA battalion.", "Col. Zaw Min"),
    # the rank written out where the article ties the person to the group, abbreviated later
    ("KIA information officer Captain Naw Tawng spoke to reporters on Monday. Twenty-eight soldiers at a hilltop base "
     "surrendered to a KIA battalion after their water supply was cut, Capt. Naw Tawng said.", "KIO"),
])
def test_speakers_with_abbreviated_ranks(pipe, body, claimant):
    ev = next(e for e in events(pipe, body) if e.type.value == "surrender")
    assert ev.claimed_by == claimant
    assert not ev.evidence.endswith("Capt.")


@pytest.mark.parametrize(("body", "to"), [
    ('The KNU commander called on soldiers still holding positions near the bridge to "come over to Kawthoolei".', "KNU"),
    ('The KIA called on the BGF battalions around Kanpaikti to "put down your guns and come home to the Kachin people '
     'before it is too late".', "KIO"),
])
def test_an_appeal_to_come_to_the_issuers_own_people_or_land_names_the_issuer(pipe, body, to):
    assert only(pipe, body).to == to


@pytest.mark.parametrize(("body", "to"), [
    # a refuge with the speaking group's own forces
    ("The AA said 24 officers of a Border Guard Police company stationed near Gwa deserted and sought refuge with its "
     "forces on Friday.", "AA"),
    # a local resistance force the registry knows
    ("A corporal from the police station in Yebyu Township came over to the MSRF on Monday.", "PDF"),
])
def test_more_receivers(pipe, body, to):
    assert only(pipe, body).to == to


@pytest.mark.parametrize(("body", "start", "end"), [
    # a year's figure
    ("The CNF said 46 members of the regime forces defected to it in 2022, most of them police.",
     dt.date(2022, 1, 1), dt.date(2022, 12, 31)),
    # from the coup to a day
    ('The group said 3,612 soldiers had "joined the revolution" between the coup and January 31.',
     dt.date(2021, 2, 1), dt.date(2023, 1, 31)),
    ("The database lists 196,304 civil servants who joined the CDM between the coup and 31 December 2023.",
     dt.date(2021, 2, 1), dt.date(2023, 12, 31)),
])
def test_figures_over_a_year_or_from_the_coup_are_tallies(pipe, body, start, end):
    ev = only(pipe, body)
    assert (ev.type.value, ev.date.start, ev.date.end) == ("tally", start, end)


def test_a_few_people_in_a_year_are_a_happening(pipe):
    assert only(pipe, "In 2022, two soldiers from his unit deserted together.").type.value == "defection"


@pytest.mark.parametrize(("body", "start", "end"), [
    # a day told, then placed after another happening: still that day
    ("The TNLA said 47 police officers gave themselves up on Saturday, three days after the town fell to its troops.",
     dt.date(2023, 12, 2), dt.date(2023, 12, 2)),
    # the day before a happening the sentence dates
    ("Thirty-four soldiers at the last regime camp in Paletwa surrendered to the Arakan Army the day before the group "
     "announced on November 15 that it had taken the township.", dt.date(2023, 11, 14), dt.date(2023, 11, 14)),
    # the time of a talk is not when the former soldier it names left: his own telling is
    ("This week we talk to Htet Wai Yan, a former army captain who left his battalion in Pyin Oo Lwin.\n\n"
     "HTET WAI YAN: I left on the night of Independence Day, 2022. I walked out of the back gate.",
     dt.date(2022, 1, 4), dt.date(2022, 1, 4)),
    # a year's figure as of a named day
    ("The NUG says 212 soldiers and police in Shwebo District have crossed over to resistance forces so far this "
     "year, as of Martyrs' Day.", dt.date(2023, 1, 1), dt.date(2023, 7, 19)),
])
def test_a_time_told_against_another_happening(pipe, body, start, end):
    ev = only(pipe, body)
    assert (ev.date.start, ev.date.end) == (start, end)


@pytest.mark.parametrize(("nth", "day"), [("first", dt.date(2023, 11, 3)), ("second", dt.date(2023, 11, 4)),
                                          ("12th", dt.date(2023, 11, 14))])
def test_the_nth_day_of_the_offensive_counts_from_its_launch(pipe, nth, day):
    found = events(pipe, "The KIA resumed its offensive on the town on 3 November, residents said.\n\n"
                         f"On the {nth} day of the offensive, 14 soldiers surrendered to the KIA.")
    (ev,) = [e for e in found if e.type.value == "surrender"]
    assert ev.date.start == ev.date.end == day


@pytest.mark.parametrize(("body", "claimant"), [
    ("On Wednesday, seven soldiers from the camp outside Mansi town defected to a Kachin Independence Army (KIA) "
     "battalion, according to the Kachin News Group, which cited a KIA officer.", "KIO"),
    ("A police sergeant from the Kyaukkyi police station joined the Karen National Liberation Army's (KNLA) Brigade 3 "
     "over the weekend, Karen News reported, citing a brigade officer.", "KNU"),
    ("Development Media Group quoted the Arakan Army (AA) on Thursday as saying that 46 soldiers had surrendered to "
     "its forces near Maungdaw town.", "AA"),
    # residents are not a body: the outlet that relays them stands for them
    ("Earlier this month, 37 troops at a hilltop camp near Sumprabum surrendered to the KIA, according to Kachin "
     "News Group, which cited residents.", "Kachin News Group"),
])
def test_an_outlet_relaying_a_bodys_word_credits_the_body(pipe, body, claimant):
    assert only(pipe, body).claimed_by == claimant


@pytest.mark.parametrize("body", [
    "Seven police officers joined the Ye Local Defence Force (LDF) on Friday. Nai Banya Mon, who handles information "
    "for the LDF, told MNA that more would follow.\n\nNai Banya Mon said three clerks had also joined the CDM on Saturday.",
    "A militia platoon handed itself over to the People's Defence Force Battalion 8 on Friday, said Ko Moe Thu, a deputy "
    "commander of the battalion.\n\nThree clerks also joined the CDM on Saturday, Ko Moe Thu said.",
])
def test_a_named_official_of_the_group_speaks_for_it(pipe, body):
    found = events(pipe, body)
    assert found and all(e.claimed_by == "PDF" for e in found)


@pytest.mark.parametrize(("body", "claimant"), [
    ("This week we talk to Htet Wai Yan, a former army captain.\n\nHOST: Tell us about the night you left.\n\n"
     "HTET WAI YAN: I left my battalion in Pyin Oo Lwin on the night of Independence Day, 2022.", "Htet Wai Yan"),
    ("I was a major in the army for fourteen years. I left my battalion in Magway late last year.\n\n"
     "— Thet Naing Oo is a former major of the Myanmar army.", "Thet Naing Oo"),
])
def test_a_teller_claims_their_own_leaving(pipe, body, claimant):
    (ev,) = [e for e in events(pipe, body) if e.type.value == "defection"]
    assert ev.claimed_by == claimant


def test_an_appeal_to_cross_over_to_us_is_to_the_issuer(pipe):
    ev = only(pipe, 'Last month the KNDF published an open letter inviting members of Pa-O militias to "cross over to us '
                    'and keep your rank".')
    assert ev.type.value == "call_to_defect" and ev.actor == "KNDF" and ev.to == "KNDF"


def test_a_months_figure_told_on_a_day_is_one_tally(pipe):
    found = events(pipe, "Khit Thit Media, relaying figures from the defector network People's Goal, reported on Monday "
                         "that 93 soldiers and police officers had defected through the network in November.")
    (ev,) = found
    assert ev.type.value == "tally" and (ev.date.start, ev.date.end) == (dt.date(2023, 11, 1), dt.date(2023, 11, 30))


def test_the_place_of_an_example_to_follow_is_not_where_the_call_is_aimed(pipe):
    ev = only(pipe, 'The MNDAA on Monday called on troops still stationed in Kunlong and Hopang to "follow the example of '
                    'their comrades in Laukkai" and lay down their weapons.')
    assert ev.type.value == "call_to_defect" and ev.location.name == "Kunlong"


@pytest.mark.parametrize(("follow", "start", "count"), [
    ("Two of my lieutenants followed in February.", dt.date(2023, 2, 1), 2),
    ("My sergeant and a corporal followed me three weeks later.", dt.date(2023, 2, 6), 2),
])
def test_those_who_followed_a_teller_later_are_a_defection(pipe, follow, start, count):
    found = events(pipe, "I was a captain in the army. I left my battalion in Nyaung-U on 16 January and joined the "
                         f"Myaing PDF.\n\n{follow} They came together, with their rifles.")
    later = [e for e in found if e.type.value == "defection" and e.date.start == start]
    assert len(found) == 2 and len(later) == 1 and later[0].count.value == count


def test_a_speakers_we_is_the_body_the_participants_line_gives(pipe):
    ev = only(pipe, "NATIONAL UNITY GOVERNMENT OF MYANMAR\n\nAlso present: Daw May Thinzar Hlaing, spokesperson, Ministry "
                    "of Defence\n\nU KYAW HTET NAING: Welcome to this briefing of the National Unity Government.\n\n"
                    "DAW MAY THINZAR HLAING: Thank you. Since the conscription law came into force, 2,870 "
                    "conscripts and regular soldiers have contacted our ministry's channels asking for help to leave.")
    assert ev.type.value == "tally" and ev.claimed_by == "NUG-MOD"


def test_the_hundredth_day_since_the_coup_is_a_day_not_a_period(pipe):
    (ev,) = cases.events(pipe, "Fourteen police officers from the Madaya Township police station joined the CDM on "
                               "Tuesday, the 100th day since the coup, according to one of the officers.",
                         published=dt.date(2021, 5, 14))
    assert ev.type.value == "defection" and ev.date.start == ev.date.end == dt.date(2021, 5, 11)


@pytest.mark.parametrize(("body", "to"), [
    # "to reach" a group's post after a journey
    ("Two marines from a battalion stationed in Yebyu township walked for four days through rubber plantations to "
     "reach the Karen National Liberation Army's (KNLA) Brigade 4, the brigade said.", "KNU"),
    # a relative clause the parse hangs on the counted people's station
    ("Two Khumi police constables from the Paletwa police station who crossed over to the AA in December are now "
     "training with the group.", "AA"),
])
def test_more_leavings_told_in_passing(pipe, body, to):
    (ev,) = events(pipe, body)
    assert ev.type.value == "defection" and ev.count.value == 2 and ev.to == to


def test_those_who_left_with_a_networks_help_went_to_it(pipe):
    ev = only(pipe, "People's Soldiers says roughly 10,000 soldiers and police officers have defected with its help "
                    "since the coup.")
    assert ev.type.value == "tally" and ev.to == "PEOPLES-BOSOM"


# --- rules-0.18 -----------------------------------------------------------------------------
@pytest.mark.parametrize(("into", "day"), [
    ("Ten days into the offensive", dt.date(2023, 11, 20)),
    ("A fortnight into the offensive", dt.date(2023, 11, 24)),
])
def test_days_into_an_offensive_count_from_its_launch(pipe, into, day):
    (ev,) = events(pipe, "Resistance forces in Sagaing launched the offensive, which they named Operation Thunder, on "
                         f"Nov. 10, after months of preparation.\n\n{into}, nine police officers left their station in "
                         "Kani and crossed to the Kani PDF, a spokesman said.")
    assert ev.type.value == "defection" and ev.date.start == ev.date.end == day


def test_a_day_counted_from_an_other_happening_is_counted_on_from(pipe):
    found = events(pipe, "The army camp above Mindat fell on Nov. 2 to the Chinland Defense Force. Three days after the "
                         "camp fell, 14 police officers in the town surrendered to the CDF, a spokesman said.\n\nA week "
                         "later, four clerks of the township office came over to the CDF's administration.")
    by_value = {e.count.value: e for e in found if e.count}
    assert by_value[14].date.start == dt.date(2023, 11, 5)
    assert by_value[4].date.start == by_value[4].date.end == dt.date(2023, 11, 12)


def test_fewer_than_a_vague_number_are_a_happening_of_their_own(pipe):
    found = events(pipe, "Dozens of nurses and teachers in Hpakant have stopped going to work since September, residents "
                         "said. On Monday, seven clerks from the Hpakant township office joined the Civil Disobedience "
                         "Movement and left for areas held by the KIA.")
    leavings = sorted((e for e in found if e.type.value == "defection"), key=lambda e: e.date.start)
    assert len(leavings) == 2
    assert leavings[0].count.value is None and leavings[0].date.start == dt.date(2023, 9, 1)
    assert leavings[1].count.value == 7 and leavings[1].date.start == dt.date(2023, 12, 4)


def test_an_offensive_launched_far_from_the_figure_still_dates_it(pipe):
    filler = " ".join(f"Shelling hit ward {n} of the town again." for n in range(1, 13))
    found = events(pipe, "The KIA launched its offensive on Bhamo on March 20 last year, residents said. "
                         f"{filler} The KIA says more than 700 soldiers and police have surrendered or defected to it in "
                         "the year since the offensive began.")
    (ev,) = [e for e in found if e.type.value == "tally"]
    assert (ev.date.start, ev.date.end) == (dt.date(2022, 3, 20), PUBLISHED)


def test_a_time_in_an_aside_between_dashes_is_background(pipe):
    ev = only(pipe, "In a message on Saturday, the Chin Brotherhood — the alliance formed by six Chin groups in "
                    "August — urged police and administrators still serving the junta in Falam to resign.")
    assert ev.type.value == "call_to_defect" and ev.date.start == ev.date.end == dt.date(2023, 12, 2)


def test_a_named_day_restated_does_not_date_the_happening(pipe):
    (ev,) = cases.events(pipe, "In the days before Thingyan, Myanmar's new year water festival, 31 soldiers gave "
                               "themselves up to the KNLA near Myawaddy, the KNU said.", published=dt.date(2024, 4, 20))
    assert ev.type.value == "surrender" and (ev.date.start, ev.date.end) == (dt.date(2024, 4, 8), dt.date(2024, 4, 12))


def test_the_same_people_told_again_the_next_sentence_are_one_happening(pipe):
    found = events(pipe, "Police in Kalewa reported a quiet week on Dec. 1. Two days later, five soldiers from a "
                         "battalion in Kalewa handed themselves over to the PDF, the group said. The soldiers had left "
                         "their unit on Saturday, when many officers were away, it added.")
    assert len(found) == 1 and found[0].date.start == dt.date(2023, 12, 3)


def test_losses_that_include_desertion_are_not_a_figure_of_leavings(pipe):
    found = events(pipe, "Analysts say tens of thousands of troops have been killed, wounded, captured or have deserted "
                         "since the coup, leaving many battalions at half strength.")
    assert not [e for e in found if e.type.value == "tally"]


def test_one_person_contacted_is_not_a_networks_figure(pipe):
    found = events(pipe, "Before he left his station in Bago, the sergeant wrote to other police officers in a group chat. "
                         "He said three of them had since contacted him for advice.")
    assert not [e for e in found if e.type.value == "tally"]


@pytest.mark.parametrize(("body", "day", "claimed_by"), [
    # the day it was said yields to the day a repeat says it happened
    ("Myanmar's shadow civilian government said Tuesday that 26 police officers laid down their weapons when "
     "resistance fighters took Pinlebu.\n\nThe government said in a statement that the officers gave up at the "
     "town's police station on Sunday after fighters surrounded it.", dt.date(2023, 12, 3), "NUG"),
    # an operation named by its launch dates 'a fortnight into the offensive'
    ('Fighters of the KNDF launched what they call "Operation 1111" on November 11, attacking positions around '
     "Loikaw.\n\nA fortnight into the offensive, 31 soldiers defending a bridge at Moebye surrendered to the KNDF, "
     "the group said.", dt.date(2023, 11, 25), "KNDF"),
])
def test_a_surrender_dated_from_what_the_article_tells(pipe, body, day, claimed_by):
    (ev,) = [e for e in events(pipe, body) if e.type.value == "surrender"]
    assert ev.date.start == ev.date.end == day and ev.claimed_by == claimed_by


def test_the_movement_joined_comes_before_an_actor_later_in_the_sentence(pipe):
    ev = only(pipe, "The NUG's health ministry said last month that more than 20,000 health workers had joined the "
                    "movement since the coup, many of whom now staff clinics run by the parallel government.")
    assert ev.type.value == "tally" and ev.to == "CDM"


def test_a_label_before_a_colon_is_not_the_subject(pipe):
    ev = only(pipe, "Our monsoon figures: from 1 June until yesterday, 186 soldiers and police left the junta's forces "
                    "through the Way Home network.")
    assert ev.type.value == "tally" and ev.count.value == 186 and ev.date.start == dt.date(2023, 6, 1)


@pytest.mark.parametrize(("body", "etype", "value"), [
    ("PEOPLE'S SOLDIERS\n\nOn Sunday, five soldiers from a battalion based in Meiktila came out with our help.", "defection", 5),
    ("PEOPLE'S SOLDIERS\n\nBy the end of October, more than 1,900 soldiers and police had come out through our network "
     "since the coup.", "tally", 1900),
])
def test_people_who_came_out_with_a_networks_help(pipe, body, etype, value):
    ev = only(pipe, body)
    assert ev.type.value == etype and ev.count.value == value and ev.to == "PEOPLES-BOSOM"


def test_one_person_who_reached_us_on_a_day_is_a_defection(pipe):
    ev = only(pipe, "PEOPLE'S SOLDIERS\n\nOn Saturday, a major from a battalion of the 33rd Light Infantry Division in "
                    "Sagaing reached us.")
    assert ev.type.value == "defection" and ev.count.value == 1 and ev.date.start == dt.date(2023, 12, 2)


@pytest.mark.parametrize(("body", "start"), [
    # the morning after a happening the next sentence dates
    ("Fourteen police officers at the Kyaikdon post handed over their weapons to the KNLA on the morning after the "
     "regime's airstrike on Kyaikdon. The airstrike, on 21 November, hit a school.", dt.date(2023, 11, 22)),
    # the morning after a weekday's happening
    ("Six soldiers manning a checkpoint near Ye surrendered to the MSRF on the morning after Friday's ambush, the group "
     "said.", dt.date(2023, 12, 2)),
])
def test_the_morning_after_a_happening(pipe, body, start):
    (ev,) = [e for e in events(pipe, body) if e.type.value in ("defection", "surrender")]
    assert ev.date.start == ev.date.end == start


def test_the_week_before_an_assault_told_before(pipe):
    found = events(pipe, "Resistance forces began their assault on Kawlin on Wednesday, Nov. 29.\n\nIn the week before "
                         "the assault, the township education officer and nine teachers joined the Civil Disobedience "
                         "Movement, a teacher said.")
    (ev,) = [e for e in found if e.type.value == "defection"]
    assert ev.date.start <= dt.date(2023, 11, 28) and ev.date.end >= dt.date(2023, 11, 22) and ev.date.days <= 9


def test_between_a_day_a_clause_and_an_end(pipe):
    ev = only(pipe, "People's Embrace said 280 soldiers and police had contacted it between Oct. 27, when the "
                    "offensive began, and the end of last week.")
    assert ev.type.value == "tally" and (ev.date.start, ev.date.end) == (dt.date(2023, 10, 27), dt.date(2023, 12, 3))


def test_the_same_number_told_again_the_next_sentence_is_one_happening(pipe):
    found = events(pipe, "Twenty-six soldiers who fled into the forest when the base at Ann fell on 20 November have "
                         "surrendered, the ULA said.\n\nThe day after the base fell, the 26 soldiers who had hidden in the "
                         "hills surrendered to AA troops searching the area, an AA officer said.")
    assert len([e for e in found if e.type.value == "surrender"]) == 1


def test_a_police_defection_channel_takes_in_those_who_contact_it(pipe):
    body = ("Police CDM Myanmar\n@policecdm_mm · 12,400 subscribers\nChannel for members of the Myanmar Police Force who "
            "have joined the Civil Disobedience Movement.\n\n-----\n\nWEEKLY NOTE\n\nThis week, 23 police members "
            "contacted our channel asking for help to leave.\n")
    (ev,) = pipe.extract(document_from_text(body, name="channel.txt", published=PUBLISHED)).events
    assert ev.type.value == "tally" and ev.claimed_by == "POLICE-CDM-CHANNEL" and ev.to == "POLICE-CDM-CHANNEL"


def test_a_question_whether_a_claim_is_true_is_no_event(pipe):
    found = events(pipe, "Is it true that 30 police from Hpa-an joined the KNU? I saw it on Facebook.")
    assert not [e for e in found if e.type.value in ("defection", "tally")]
