"""The model-free sentence splitter keeps offsets exact and respects abbreviations."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from allegiance.nlp import _ABBREV_SET, for_parsing, split_sentences


def test_abbreviations_and_initials_do_not_split() -> None:
    text = "Lt. Col. Aung Ko said so on Feb. 3, 2021. The U.S. embassy left. “It is over.” Next!"
    assert [s.text for s in split_sentences(text)] == [
        "Lt. Col. Aung Ko said so on Feb. 3, 2021.",
        "The U.S. embassy left.",
        "“It is over.”",
        "Next!",
    ]


def test_footnote_marks_close_a_sentence() -> None:
    text = ("More than 900 had defected by mid-2025.[2] The network recorded 300 in 2024.[3] (AP).[4] Next. "
            "They surrendered after days of fighting.13 Their families fled.")
    assert [s.text for s in split_sentences(text)] == [
        "More than 900 had defected by mid-2025.[2]", "The network recorded 300 in 2024.[3]", "(AP).[4]", "Next.",
        "They surrendered after days of fighting.13", "Their families fled."]


def test_lines_are_boundaries() -> None:
    text = "Headline without a full stop\nBody sentence one. Body two."
    assert [s.text for s in split_sentences(text)] == ["Headline without a full stop", "Body sentence one.", "Body two."]


def test_a_hard_wrapped_sentence_is_one_sentence() -> None:
    """A PDF's or an e-mail's lines break mid-sentence: after a word that cannot end one, after a
    comma, or before a line that goes on in lower case."""
    text = ("About 200 soldiers who had\nbeen defending a base at Thingannyinaung, in Myawaddy Township,\n"
            "Kayin State, surrendered\nto the KNLA. Their families fled.\nHeadline\nBody.")
    found = split_sentences(text)
    assert [s.text for s in found] == [
        "About 200 soldiers who had\nbeen defending a base at Thingannyinaung, in Myawaddy Township,\n"
        "Kayin State, surrendered\nto the KNLA.", "Their families fled.", "Headline", "Body."]
    assert "\n" not in for_parsing(found[0].text) and len(for_parsing(found[0].text)) == len(found[0].text)


# plain sentences: one that ends with a word the splitter reads as an abbreviation ("... jr.",
# "... etc.") does not end there by design, so the generator leaves those out
_sentence = st.from_regex(r"[A-Z][a-z]{1,8}( [a-z]{1,8}){0,6}[.!?]", fullmatch=True).filter(
    lambda s: not (s.endswith(".") and s[:-1].split()[-1].lower() in _ABBREV_SET))


@given(st.lists(_sentence, min_size=1, max_size=8), st.sampled_from([" ", "  ", "\n", "\n\n"]))
def test_offsets_point_into_the_text(sentences: list[str], sep: str) -> None:
    text = sep.join(sentences)
    found = split_sentences(text)
    assert [s.text for s in found] == sentences
    for s in found:
        assert text[s.start:s.end] == s.text


def test_a_speakers_label_is_blanked_for_the_parser() -> None:
    from allegiance.nlp import for_parsing

    text = "Ko Nay Lin Aung: Last month, seven conscripts slipped out."
    parsed = for_parsing(text)
    assert len(parsed) == len(text) and parsed.lstrip() == "Last month, seven conscripts slipped out."
    assert for_parsing("Seven soldiers: all of them conscripts.") == "Seven soldiers: all of them conscripts."


def test_a_place_names_lower_case_part_is_not_read_as_a_word() -> None:
    from allegiance.nlp import for_parsing

    assert for_parsing("a battalion in Hpa-an defected; Pa-an police") == "a battalion in Hpa-An defected; Pa-An police"
    # not inside a longer hyphenated word, not ordinary words
    assert for_parsing("Hpa-an-based troops, a log-in, re-an") == "Hpa-an-based troops, a log-in, re-an"


def test_the_evidence_of_a_happening_in_hpa_an_starts_with_those_who_left() -> None:
    import datetime as dt

    from allegiance.ingest import document_from_text
    from allegiance.pipeline import Pipeline

    text = "Twelve soldiers from a battalion in Hpa-an defected to the KNU on Sunday, the group said."
    (ev,) = Pipeline().extract(document_from_text(text, name="t.txt", published=dt.date(2024, 9, 10))).events
    assert ev.evidence.startswith("Twelve soldiers")


def test_a_time_code_is_blanked_for_the_parser() -> None:
    from allegiance.nlp import for_parsing

    text = "2:06 To the soldiers in Kani: come to us."
    assert for_parsing(text) == "     To the soldiers in Kani: come to us."
    assert for_parsing("[01:14:05] Leave now.") == "           Leave now."
    assert for_parsing("At 2:06 the soldiers left.") == "At 2:06 the soldiers left."


def test_a_posts_numbered_heading_is_blanked_like_a_speakers_label() -> None:
    from allegiance.nlp import for_parsing

    text = "4️⃣ OUR MESSAGE: To every soldier in Kani - come to us."
    parsed = for_parsing(text)
    assert len(parsed) == len(text) and parsed.lstrip() == "To every soldier in Kani - come to us."
