"""Find event mentions in one parsed sentence: trigger, subject, target, and the checks that
turn a trigger word into a happening (or not).

A `Mention` is one sentence's worth of evidence for an event. Fields that need the rest of the
article (dates, places, attribution across sentences) are filled later in `arguments`.
"""

from __future__ import annotations

import calendar
import logging
import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from allegiance.extract import lexicon as lx
from allegiance.extract.numbers import number_value
from allegiance.nlp import SPEAKER_LABEL, TIME_CODE, Sentence

log = logging.getLogger(__name__)


@dataclass
class Mention:
    kind: str  # trigger kind from the lexicon
    rule: str  # trigger rule name
    sentence: Sentence
    trigger: Token
    # character offsets, relative to the sentence
    subject: tuple[int, int] | None = None
    subject_head: Token | None = None
    target: tuple[int, int] | None = None
    evidence: tuple[int, int] = (0, 0)

    @property
    def trigger_text(self) -> str:
        return self.trigger.text

    def span_text(self, span: tuple[int, int] | None) -> str:
        return self.sentence.text[span[0]:span[1]] if span else ""


def _token_at(sent: Span, char: int) -> Token | None:
    for tok in sent:
        if tok.idx <= char < tok.idx + len(tok.text) or tok.idx >= char:
            return tok
    return None


def _clause_head(tok: Token) -> Token:
    """The verb a trigger word belongs to ("turned" for "turned themselves over to")."""
    while tok.pos_ not in ("VERB", "AUX") and tok.dep_ in ("prt", "prep", "dobj", "pobj", "compound", "advmod") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _subtree_span(tok: Token, *, drop: set[int] | None = None) -> tuple[int, int]:
    # (not the blank a label or a list mark was turned into: nlp.for_parsing)
    toks = [t for t in tok.subtree if (not drop or t.i not in drop) and not (t.is_space and t.i != tok.i)]
    start = min(t.idx for t in toks)
    end = max(t.idx + len(t.text) for t in toks)
    return start, end


def _subject(verb: Token) -> Token | None:
    """The grammatical subject, following conjunctions and auxiliaries up the tree."""
    seen = 0
    tok: Token | None = verb
    while tok is not None and seen < 4:
        # two subjects where the parse lost an apposition ("One of them, U Tin Maung Oo, the
        # administrator ..., announced"): the one nearest the verb
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "csubj") and c.i < tok.i]
        subjects = subjects or [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        if len(subjects) > 1 and any(t.text == ":" for t in verb.doc[subjects[0].i:subjects[1].left_edge.i]):
            subjects = subjects[1:]  # "Our Lent figures: ... 214 soldiers and police left": a label, then the subject
        if subjects:
            first = _after_according_to(subjects[0])
            partitive = first.lower_ in ("one", "two", "three", "some", "many", "most", "each", "all") and any(
                c.dep_ == "prep" and c.lower_ == "of" for c in first.children)
            return subjects[-1] if partitive and len(subjects) > 1 and subjects[-1].i < tok.i else first
        if tok.dep_ in ("conj", "xcomp", "advcl", "relcl", "acl") and tok.head.i != tok.i:
            if tok.dep_ == "acl" and (top := _misparsed_subject(tok)) is not None:
                return top
            if tok.dep_ in ("relcl", "acl"):
                return tok.head  # "soldiers who defected", "the first officer to join"
            tok = tok.head
        else:
            tok = None
        seen += 1
    return None


def _after_according_to(subj: Token) -> Token:
    """'According to Captain La Ring Brang, a total of 204 BGF members have come over': the parse
    makes the source the subject and what follows the comma its apposition."""
    lo = subj.left_edge.i
    if lo >= 2 and subj.doc[lo - 1].lower_ == "to" and subj.doc[lo - 2].lower_ == "according":
        return next((c for c in subj.children if c.dep_ == "appos" and c.i > subj.i), subj)
    return subj


def _misparsed_subject(verb: Token) -> Token | None:
    """'23 police officers from the station on the Toungup-Pyay road crossed over to the AA, the
    group said': the parse hangs the verb on 'road' as a reduced relative and leaves the people
    unattached ('dep') or on the reporting verb; the people it hangs nowhere else are the subject. (Not a passive with its
    agent: 'the base attacked by the PDF'.)"""
    top = verb.head
    while top.dep_ == "pobj" and top.head.dep_ == "prep" and top.head.head.i != top.head.i:
        top = top.head.head
    if top is verb.head or any(c.dep_ == "agent" for c in verb.children):
        return None
    # (or a subject of the reporting verb beside its speaker: "23 police officers ... road crossed
    # over to the AA, the group said", the parse giving 'said' two subjects)
    beside_speaker = top.dep_ == "nsubj" and top.head.lemma_.lower() in lx.ATTRIBUTION_VERBS and any(
        c.dep_ == "nsubj" and c.i > verb.i for c in top.head.children)
    return top if top.dep_ == "dep" or beside_speaker else None


def _negated(verb: Token) -> str | None:
    for child in verb.children:
        if child.dep_ == "neg" or child.lower_ in lx.NEGATION_WORDS and child.dep_ in ("neg", "advmod", "det"):
            return f"negated by '{child.text}'"
        if child.dep_ in ("nsubj", "nsubjpass"):
            for sub in child.children:
                # ("no more than 40 election staff had resigned" is a figure, not a denial)
                if sub.dep_ == "det" and sub.lower_ in ("no", "none", "neither") and not (
                        sub.i + 2 < len(sub.doc) and sub.nbor(1).lower_ in ("more", "fewer", "less") and sub.nbor(2).lower_ == "than"):
                    return f"subject negated by '{sub.text}'"
            if child.lower_ in ("none", "nobody", "noone"):
                return f"subject '{child.text}'"
    return None


_TELLING_VERBS = frozenset({"tell", "say", "confirm", "assure", "report", "reveal", "disclose", "share"})
# "were forced to surrender": made to do it, and they did
_MADE_TO = frozenset({"force", "compel", "oblige"})


def _unreal(verb: Token) -> str | None:
    """Modal, conditional, habitual, denied, or the goal of an appeal: not a happening."""
    tok: Token = verb
    for depth in range(6):
        for child in tok.children:
            if child.dep_ == "aux" and child.lower_ in lx.MODAL_WORDS:
                # ("I can tell you that ... have absconded": the modal is the telling's, not the happening's)
                # (but "would only say that some soldiers have come" is a hedge)
                if not (child.lower_ == "will" and depth > 0) and not (
                        depth > 0 and child.lower_ in ("can", "could") and tok.lemma_.lower() in _TELLING_VERBS):
                    return f"modal '{child.text}'"
            if child.dep_ == "mark" and child.lower_ in lx.CONDITIONAL_MARKS:
                return f"conditional '{child.text}'"
            if child.dep_ == "advmod" and child.lower_ in lx.HABITUAL_WORDS and depth == 0:
                return f"habitual '{child.text}'"
            if depth == 0 and child.dep_ in ("mark", "advmod") and child.lower_ in ("when", "whenever", "once") \
                    and verb.tag_ in ("VBP", "VBZ"):
                return f"what happens '{child.text}' they do it, not a happening"  # "bring them when they join us"
        if depth > 0 and tok.lemma_.lower() in lx.DENIAL_WORDS:
            return f"denied by '{tok.text}'"
        if depth == 1 and verb.lemma_.lower() in ("surrender", "lay") and tok.lemma_.lower() in _MADE_TO and tok.tag_ == "VBN" \
                and any(c.dep_ == "auxpass" for c in tok.children) and not _unreal(tok):
            return None  # "the police there were forced to surrender": made to give up, and did (not "forced to join")
        if depth > 0 and tok.lemma_.lower() in lx.INTENT_VERBS and (verb.tag_ in ("VB", "VBG") or (
                # "a group that helps members of the security forces defect": a bare infinitive tagged VBP
                verb.tag_ == "VBP" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children))):
            return f"intention of '{tok.text}'"
        if tok.head.i == tok.i:
            break
        if tok.dep_ in ("relcl", "acl") and depth == 0 and verb.tag_ in ("VBP", "VBZ"):
            return "generic present in a relative clause"
        tok = tok.head
    return None


_EVENT_TAGS = {"VBD", "VBN", "VBZ", "VBP", "VBG", "VB"}


def _form_problem(verb: Token, kind: str) -> str | None:
    """Reject trigger words used as adjectives, gerund subjects or bare infinitives of intent."""
    if verb.dep_ == "amod" and verb.tag_ != "VBD":  # a VBD under amod is a misparse, not "defected soldiers"
        return "adjective use"
    if verb.tag_ == "VBG" and not any(c.dep_ == "aux" for c in verb.children):
        if verb.dep_ in ("csubj", "pobj", "acl", "amod", "pcomp", "nsubj", "dobj", "compound", "advcl"):
            return "gerund, not a finite happening"
    if verb.tag_ not in _EVENT_TAGS and verb.pos_ != "VERB":
        return f"not a verb ({verb.tag_})"
    if verb.tag_ == "VB" and verb.dep_ in ("ROOT", "ccomp", "parataxis") and (any(c.lower_ == "please" for c in verb.children) or not any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in verb.children)):
        return "an imperative ('Soldiers still serving, please leave the army'): asked for, not told"
    return None


def _first_conjunct(tok: Token) -> Token:
    """The first of words joined by 'and'/'or' ("soldiers, police and civil servants", "deserted or
    defected"): the one the parse hangs the others on."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _back_reference(verb: Token) -> str | None:
    """'the men who surrendered included ...': a relative clause about people already
    introduced, with no number of its own, points back to an event told elsewhere."""
    if verb.dep_ in ("relcl", "acl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        # "He is the fourth police officer from Bogale to join the movement": one told already, ranked
        # ("Captain Ko Ko, the first officer to join", with a name, is news)
        noun = verb.head
        if noun.dep_ == "attr" and any(c.dep_ == "nsubj" and c.lower_ in ("he", "she", "they", "this", "it") for c in noun.head.children):
            return f"ranks one told already ('{noun.head.text} the ... {noun.text} to {verb.text}')"
    if verb.dep_ != "relcl" or not any(c.tag_ in ("WP", "WDT") for c in verb.children):
        return None  # only finite "who/that" clauses; "the first officer to join" is news
    head = verb.head
    dets = {c.lower_ for c in head.children if c.dep_ == "det"}
    if any(c.dep_ == "nummod" for c in head.children):
        return None
    if head.dep_ == "pobj" and head.head.lower_ == "from" and not lx.names_people(head.text) \
            and any(c.dep_ == "nummod" for c in head.head.head.children):
        # "Two police constables from the Paletwa police station who crossed over": the clause
        # is the counted people's, hung by the parse on their station
        return None
    if dets & {"the", "these", "those"}:
        return f"refers back to '{head.text}' told elsewhere"
    if not dets and head.tag_ in ("NNS", "NNPS"):
        return f"generic '{head.text} who ...'"
    return None


_MONTHS = frozenset(m.lower() for m in calendar.month_name[1:])


def _year_of(verb: Token) -> str | None:
    """A year the clause's own 'in ...' gives: 'in 2021', 'in March 2021'."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for pobj in prep.children:
            if pobj.dep_ == "pobj" and re.fullmatch(r"(?:19|20)\d\d", pobj.text):
                return pobj.text
            if pobj.dep_ == "pobj" and pobj.lower_ in _MONTHS:
                year = next((c.text for c in pobj.children if re.fullmatch(r"(?:19|20)\d\d", c.text)), None)
                if year:
                    return f"{pobj.text} {year}"
    return None


_COUNTING_VERBS = frozenset({"count", "record", "register", "document", "tally", "list", "log", "verify"})
# a helper's count of those it took through: "had registered about 2,400 soldiers who had left", "assisted
# 1,284 members of the military and police who left their posts"
_HELPING_VERBS = _COUNTING_VERBS | {"assist", "help", "receive", "process", "shelter", "evacuate", "support", "rescue", "welcome"}


def helpers_figure(m: Mention) -> bool:
    """Whether the mention is those a group counted or helped out ('assisted 1,284 ... who left')."""
    return counted_leavers(_clause_head(m.trigger))


def helper_of(m: Mention) -> str | None:
    """Who counted or helped them: the words of the subject of 'registered', 'assisted' ... ("People's
    Embrace data shared with the author record 612 soldiers ... who crossed over")."""
    verb = _clause_head(m.trigger)
    if not counted_leavers(verb):
        return None
    helper = _subject(verb.head.head)
    if helper is None:
        return None
    lo, hi = _subtree_span(helper)
    return helper.doc.text[lo:hi]


def counted_leavers(verb: Token) -> bool:
    """'who (had) left' on a number of people a group counted or helped: the group's figure."""
    noun = verb.head
    return (verb.dep_ == "relcl" and noun.dep_ == "dobj" and noun.head.lemma_.lower() in _HELPING_VERBS
            and any(c.dep_ == "nummod" or c.like_num for c in noun.subtree if c.i < noun.i))


def _biography(verb: Token) -> str | None:
    """A person's history told to introduce them: 'a police corporal who had joined the CDM
    in 2021 went back to his station', 'X left the army in 2021 and now helps run a network'.
    The year dates their past, not a happening the article reports."""
    year = _year_of(verb)
    if year is None:
        return None
    if verb.dep_ in ("relcl", "acl") and any(c.tag_ in ("WP", "WDT") for c in verb.children) and not (
            verb.head.dep_ == "dobj" and verb.head.head.lemma_.lower() in _COUNTING_VERBS):
        # (not "counted more than 600 police ... who joined the CDM in February 2021": a figure)
        return f"a person's history ('who ... in {year}')"
    linked = [c for c in verb.children if c.dep_ == "conj"] + ([verb.head] if verb.dep_ == "conj" else [])
    for other in linked:
        if other.tag_ in ("VBZ", "VBP") and any(c.lower_ == "now" for c in other.children):
            return f"a person's history ('in {year} and now {other.text}')"
    return None


_ASKING_VERBS = frozenset({"interview", "survey", "question", "poll", "study", "consult"})
_ON_A_DAY = re.compile(rf"(?i)\b(?:on|last)\s+(?:{'|'.join(calendar.day_name)}|\d{{1,2}}\s+[a-z]+|[a-z]+\s+\d{{1,2}})\b|\byesterday\b")


def _sample(verb: Token) -> str | None:
    """'OHCHR interviewed 23 former members of the military who had left their units since 2021':
    the relative clause says whom a study or a reporter asked, not a happening it reports (unless
    it tells the day they left)."""
    if verb.dep_ not in ("relcl", "acl") or not any(c.tag_ in ("WP", "WDT") for c in verb.children):
        return None
    noun = verb.head
    while noun.dep_ in ("conj", "pobj") and noun.head.i != noun.i and noun.head.pos_ != "VERB":  # "members of the military"
        noun = noun.head
    clause = verb.doc[verb.left_edge.i:verb.right_edge.i + 1].text
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_.lower() in _ASKING_VERBS and not _ON_A_DAY.search(clause):
        # (not "interviewed four police officers who crossed to the KNU on Sunday": news of the day)
        return f"whom a study asked ('{noun.head.text} ... who {verb.text}')"
    return None


_FIGURE_NOUNS = frozenset({"dozens", "hundreds", "thousands", "scores", "tens"})


def _ongoing_trend(verb: Token) -> str | None:
    """'junta troops were still giving themselves up', 'more soldiers were quitting the
    ranks': a progressive with a bare plural subject and no number tells a trend, not a
    happening one could count ('are surrendering and defecting': the second verb shares it)."""
    if verb.tag_ == "VBG" and verb.dep_ == "conj" and verb.head.tag_ == "VBG" and verb.head.i != verb.i:
        return _ongoing_trend(verb.head)
    if verb.tag_ != "VBG" or not any(c.dep_ == "aux" and c.lower_ in ("was", "were", "is", "are", "'re", "been")
                                     for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.tag_ not in ("NNS", "NNPS") or subj.lower_ in _FIGURE_NOUNS:
        return None
    if any(c.dep_ == "nummod" or (c.dep_ == "det" and c.lower_ in ("the", "these", "those")) for c in subj.children):
        return None
    return f"an ongoing trend ('{subj.text} ... {verb.text}')"


def _generic_present(verb: Token) -> str | None:
    """'soldiers surrender near Myawaddy' (a headline over the body's account), 'soldiers defect
    when their pay stops': a simple present with a bare plural subject and no number tells what
    happens, not a happening one could count. (The article's first line is left to the engine,
    which folds a headline into the body's account of it and keeps its details.)"""
    if verb.tag_ != "VBP" or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.tag_ not in ("NNS", "NNPS") or subj.lower_ in _FIGURE_NOUNS:
        return None
    if any(c.dep_ in ("nummod", "det", "poss") or (c.dep_ == "amod" and c.lower_ in ("many", "several", "few", "some"))
           for c in subj.children):
        return None
    return f"a generic present ('{subj.text} {verb.text}')"


def _generic_relative(verb: Token) -> str | None:
    """'Treatment of soldiers and police who desert or defect': a relative clause in the simple
    present on a bare plural tells who is meant, not a happening (in a title too)."""
    verb = _first_conjunct(verb)  # "who desert or defect"
    if verb.dep_ != "relcl" or verb.tag_ != "VBP" or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return None
    if not any(c.dep_ == "nsubj" and c.tag_ in ("WP", "WDT") for c in verb.children):
        return None
    head = verb.head  # (the parse may hang the clause on the noun before: "Treatment of soldiers who desert")
    if not head.tag_.startswith("NN") or any(c.dep_ in ("nummod", "det", "poss") for c in head.children):
        return None
    return f"a generic present ('{head.text} ... who {verb.text}')"


# "have left their posts in significant numbers", "are defecting in growing numbers": a trend, not one happening
_IN_NUMBERS = re.compile(r"(?i)\bin\s+(?:significant|large|larger|growing|great|greater|increasing|record|unprecedented|big|huge|small|modest)\s+numbers\b")


def _trend_in_numbers(verb: Token) -> str | None:
    clause = verb.doc[verb.i:verb.right_edge.i + 1].text
    m = _IN_NUMBERS.search(clause)
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if m is None or (subj is not None and any(c.dep_ == "nummod" for c in subj.subtree)):
        return None
    return f"a trend ('{m.group(0)}')"


def _headline_present(verb: Token, sentence: Sentence) -> str | None:
    """'Nine soldiers from Singu come to Mandalay PDF; Thabeikkyin police station gives up': a
    line in the headline present with no closing stop, below a source line, sums up the body's
    account. (The article's first line is left to the engine, which folds a headline into the
    body's account of it.)"""
    if sentence.index == 0 or sentence.index > 5 or verb.tag_ not in ("VBZ", "VBP"):
        return None
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return None
    if sentence.text.rstrip().endswith((".", "!", "?", '"', "”", ":")):
        return None
    return "a headline over the body's account"


def _operation(verb: Token, rule: str) -> str | None:
    """'40 junta troops left their base with their weapons to raid the village', '... left the camp
    and attacked Nyaung Pin': setting out to do the regime's work is not leaving its service."""
    if rule not in lx.LEAVING_RULES:
        return None
    for c in verb.children:
        if c.i < verb.i or c.lemma_.lower() not in lx.OPERATION_VERBS:
            continue
        if c.dep_ in ("advcl", "xcomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            return f"an operation ('to {c.text}')"
        if c.dep_ == "conj" and c.tag_ == "VBD" and not any(a.dep_ in ("nsubj", "nsubjpass") for a in c.children):
            return f"an operation ('and {c.text}')"
    return None


_EMPTY_PLACE_RULES = frozenset({"desert-verb"})


def _place_left_empty(verb: Token, rule: str) -> str | None:
    """'Thantlang has been almost deserted since troops burned its homes', 'the streets were
    deserted': a passive or adjectival 'deserted' tells a place left empty, not deserters."""
    if rule not in _EMPTY_PLACE_RULES:
        return None
    if not (verb.tag_ == "JJ" or verb.dep_ == "acomp" or any(c.dep_ == "auxpass" for c in verb.children)):
        return None
    if any(c.dep_ == "prep" and c.lower_ == "from" for c in verb.children):
        return None  # "were deserted from their battalion": people leaving, in translated English
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None:
        lo, hi = _subtree_span(subj)
        if lx.names_people(verb.doc.text[lo:hi]):
            return None  # "two privates were deserted ...": people, however worded
    return f"a place left empty ('{verb.text}')"


_RETURN_LEMMAS = frozenset({"rejoin", "resume"})
_RETURN_TO = frozenset({"job", "jobs", "work", "post", "posts", "school", "schools", "office", "offices", "station", "stations",
                        "unit", "units", "duty", "duties", "desk", "desks", "ward", "wards", "hospital", "hospitals",
                        "classroom", "classrooms", "battalion", "barracks", "army", "force", "military", "police", "workplace", "workplaces"})


def _returns(tok: Token) -> bool:
    """'have now gone back to their jobs', 'returned to work', 'rejoined the army'."""
    lemma = tok.lemma_.lower()
    if lemma in _RETURN_LEMMAS:  # "rejoined the army", "resumed work", not "resumed its offensive"
        return any(c.dep_ == "dobj" and c.lower_ in _RETURN_TO for c in tok.children)
    back = lemma == "return" or lemma in ("go", "come") and any(c.lower_ == "back" and c.dep_ in ("advmod", "prt") for c in tok.children)
    heads = [tok] + [c for c in tok.children if c.lower_ == "back"]  # "gone back to work": 'to' may hang on 'back'
    return back and any(c.dep_ == "prep" and c.lower_ == "to" and any(p.lower_ in _RETURN_TO for p in c.children)
                        for h in heads for c in h.children)


def _since_returned(verb: Token) -> str | None:
    """'civil servants who had joined the CDM after the coup and have now gone back to their
    jobs', '40 nurses who had joined the CDM have returned to work': a joining told of people
    who went back to the regime's service tells returnees, the wrong direction."""
    linked = [c for c in verb.children if c.dep_ in ("conj", "advcl") and c.i > verb.i]
    noun = _first_conjunct(verb.head)  # "38 teachers and health staff who had joined ..."
    if verb.dep_ == "relcl" and noun.head.i > verb.i:
        linked.append(noun.head)
    after = verb.right_edge.i + 1  # the parse may hang the noun elsewhere: the verb right after the clause
    if verb.dep_ == "relcl" and after < len(verb.doc) and verb.doc[after].pos_ == "VERB" \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.doc[after].children):
        linked.append(verb.doc[after])
    for other in linked:
        if _returns(other):
            return f"they have since returned ('{other.text}')"
    return None


_HELP_RULES = frozenset({"helped-escape", "took-in"})
_BACK_PRONOUNS = frozenset({"them", "him", "her"})


def _helped_those_told(verb: Token, rule: str) -> str | None:
    """'the group said, adding that it had helped them reach a safe area': helping or taking in
    people a pronoun points back to is the help given in a happening told already, not a figure."""
    if rule not in _HELP_RULES:
        return None
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if nxt is not None and nxt.lower_ in ("in", "up") and verb.i + 2 < len(verb.doc):
        nxt = verb.doc[verb.i + 2]  # "took them in" / "took in them" (rare)
    if nxt is not None and nxt.lower_ in _BACK_PRONOUNS:
        return f"helped '{nxt.text}', people told already"
    return None


_BACK_NOUNS = frozenset({"men", "officers", "soldiers", "policemen", "brothers", "privates", "constables", "sailors",
                         "troops", "defectors", "members", "pair", "group", "two", "three", "four", "five", "six",
                         "seven", "eight", "nine", "ten", "eleven", "twelve",
                         # one person told of again: "The corporal arrived at a KIA base last week"
                         "corporal", "sergeant", "captain", "major", "lieutenant", "colonel", "private", "constable",
                         "policeman", "policewoman", "soldier", "officer", "conscripts", "recruits", "militiamen", "staff",
                         # a unit told of again: "The company ... was received by 7th Brigade troops"
                         "company", "platoon", "section", "squad", "unit", "garrison", "battalion"})


# Triggers that mostly add detail to a happening told already ("before they left the station
# with their rifles", "The three men, who served at a naval unit, slipped out during a shift
# change"): with a subject that points back they are that happening again. (Checked for these only:
# for the main verbs of leaving, "They defected on Monday" is often the first telling; and "he
# slipped out of the barracks" often tells the happening first, so 'slip' is checked for a bare
# definite only.)
_RETELLING_RULES = frozenset({"leave-armed", "slip-away", "arrive-at", "left-unit", "received-by"})


_WORKMATES = re.compile(r"(?i)\b(?:colleagues|comrades|co-?workers|shipmates|fellow\s+\w+)\b")


def accompanied_by(verb: Token) -> int:
    """How many of the regime's people went along ('slipped away from his base with two ratings'):
    a counted 'with' on the verb (or the verb it is joined to), not family or weapons."""
    for v in (verb, verb.head) if verb.dep_ == "conj" else (verb,):
        # ("along with four colleagues": 'with' hangs on 'along')
        preps = [g for c in v.children for g in ((c,) if c.lower_ != "along" else c.children)]
        for prep in preps:
            if prep.dep_ != "prep" or prep.lower_ != "with":
                continue
            for obj in prep.children:
                num = next((c for c in obj.children if c.dep_ == "nummod"), None)
                of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                if obj.dep_ == "pobj" and obj.like_num and of is not None:  # "together with two of the soldiers under my command"
                    words = obj.doc.text[obj.idx:of.right_edge.idx + len(of.right_edge.text)]
                    if lx.names_people(words):
                        return number_value(obj.text) or 0
                if obj.dep_ != "pobj" or num is None or obj.tag_ not in ("NNS", "NNPS"):
                    continue
                words = obj.doc.text[obj.left_edge.idx:obj.idx + len(obj.text)]
                if (lx.names_people(words) or _WORKMATES.search(words)) and not re.search(
                        r"(?i)\b(?:famil|wives|wife|children|relatives|sons|daughters)", words):
                    return number_value(num.text) or 0
    return 0


def _told_before(verb: Token, *, pronouns: bool = True) -> str | None:
    """'the officers ... before they left the station with their rifles', 'the four had contacted
    its members and were escorted to a liberated area': a pronoun or a bare definite ('the
    officers', 'the two brothers', 'the four, including a corporal') for those who left points back to people told
    already; the sentence tells more about that happening, not another one."""
    subj = _subject(verb)
    if subj is None:
        return None
    if subj.lower_ in ("they", "he", "she") and pronouns and not accompanied_by(verb) and not any(
            c.dep_ == "conj" and any(t.like_num for t in c.subtree) for c in subj.children):
        return f"'{subj.text}' refers back"  # (not "he and two other privates": more people, counted)
    dets = [c for c in subj.children if c.dep_ == "det"]
    if len(dets) == 1 and dets[0].lower_ in ("the", "these", "those") and subj.lower_ in _BACK_NOUNS and all(
            c.dep_ in ("det", "nummod", "punct", "relcl", "appos", "compound") or c.lower_ in ("including", "from") for c in subj.children):
        return f"'{dets[0].text} ... {subj.text}' refers back"
    return None


def _confirmed_clause(verb: Token) -> bool:
    """'A BGF officer confirmed that the battalion had gone over to the KNLA': what a source
    confirms was told already."""
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in ("confirm", "verify", "corroborate")


_THINGS_GIVEN_UP = frozenset({"arms", "weapons", "themselves", "himself", "herself", "guns", "rifles"})


def _gave_up_things(verb: Token, rule: str) -> str | None:
    """'the regime has given up more than a dozen towns' is territory, not people."""
    if rule != "give-up":
        return None
    for child in verb.children:
        if child.dep_ == "dobj" and child.lower_ not in _THINGS_GIVEN_UP:
            return f"gave up '{child.text}', not themselves"
    return None


_CONTRAST_MARKS = frozenset({"while", "whereas", "although", "though", "but", "as"})


def _own_clause(tok: Token) -> bool:
    """A clause with its own subject or a contrast mark: another statement, not this event."""
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children) or any(
        c.dep_ in ("mark", "cc") and c.lower_ in _CONTRAST_MARKS for c in tok.children
    )


def _drop_attribution(verb: Token) -> set[int]:
    """Token ids of what is not this event's clause: 'according to X', ', X said', 'saying ...',
    and coordinated or adverbial clauses with a subject of their own ('..., while the NUG said
    more than 14,000 had defected')."""
    drop: set[int] = set()
    for child in verb.children:
        if child.lower_ == "according" or (child.dep_ == "advcl" and child.lower_ in ("saying", "adding")):
            drop.update(t.i for t in child.subtree)
        elif child.dep_ in ("parataxis",) and child.lemma_ in lx.ATTRIBUTION_VERBS:
            drop.update(t.i for t in child.subtree)
        elif child.dep_ in ("advcl", "conj") and child.pos_ in ("VERB", "AUX") and _own_clause(child):
            drop.update(t.i for t in child.subtree)
    for tok in verb.subtree:  # 'saying ...' hanging off a coordinated verb
        if tok.dep_ == "advcl" and tok.lower_ in ("saying", "adding") and tok.i not in drop:
            drop.update(t.i for t in tok.subtree)
    return drop


def _evidence(verb: Token, sent: Span) -> tuple[int, int]:
    """The clause of the trigger, without attributions; relative to the sentence start."""
    head = verb
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and not any(
            c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        head = verb.head  # "have deserted and turned themselves over": keep both verbs
        # (not "fighters attacked the outpost, and the officers inside handed themselves over")
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _MADE_TO:
        head = verb.head  # "Nine soldiers ... were forced to surrender": those made to, with it
    start, end = _subtree_span(head, drop=_drop_attribution(head))
    if verb.dep_ == "acl" and (people := _misparsed_subject(verb)) is not None:
        start = min(start, people.left_edge.idx)  # the people the parse hung elsewhere lead the telling
    if counted_leavers(verb):  # "SPM assisted 1,284 members ... who left their posts": the figure with its helper
        start = min(start, _subtree_span(verb.head.head, drop=_drop_attribution(verb.head.head))[0])
    # trim punctuation and quotes at both ends
    text = sent.doc.text
    while end > start and text[end - 1] in " ,;:—–-\"'“”‘’(":
        end -= 1
    while start < end and text[start] in " ,;:—–-\"'“”‘’)":
        start += 1
    return start - sent.start_char, end - sent.start_char


def _call_target(verb: Token) -> tuple[int, int] | None:
    """Whom an appeal addresses: the object, 'on X', or the subject of the goal clause; always
    after the verb ("On Friday, the TNLA urged troops ..." addresses the troops, not Friday)."""
    for child in (c for c in verb.children if c.i > verb.i):
        if child.dep_ in ("dobj", "dative"):
            return _subtree_span(child)
        if child.dep_ == "prep" and child.lower_ in ("on", "upon", "to", "for"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return _subtree_span(pobj)
        if child.dep_ in ("ccomp", "xcomp"):
            for sub in child.children:
                if sub.dep_ in ("nsubj", "nsubjpass"):
                    return _subtree_span(sub)
    return None


_CLAUSAL = frozenset({"ccomp", "advcl", "relcl", "acl", "xcomp", "parataxis", "csubj"})


def loose_period_cue(mention: Mention) -> str | None:
    """A period cue anywhere in the trigger's sentence, whatever clause holds it, unless it closes
    a superlative ("in one of the largest mass surrenders since the start of the year")."""
    sent = mention.trigger.sent
    for m in lx.PERIOD_CUE.finditer(mention.sentence.text):
        if not _measures_against(sent, sent.start_char + m.start()):
            return m.group(0)
    return None


def _measures_against(sent: Span, char: int) -> bool:
    """Whether a cue at `char` closes a superlative in its own comma-bounded phrase ("the latest
    blow to the regime since ...", "one of the largest mass surrenders ... since the start of the
    year", "one of the larger single defections since ...", "the first such defection since ..."): a record's period, not the figure's
    ("at least" and "most" before a figure are not superlatives of that kind)."""
    start = max(sent.text.rfind(sep, 0, char - sent.start_char) for sep in (",", ";", "—", "("))
    words = [t for t in sent if sent.start_char + start < t.idx < char]
    for i, t in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        if t.tag_ == "JJS" and t.lower_ not in ("least", "most") or \
                (t.lower_ == "first" or t.tag_ == "JJR") and i > 0 and words[i - 1].lower_ == "the" or \
                t.lower_ == "most" and nxt is not None and nxt.tag_ == "JJ":
            return True
    return False


# "The ministry said that since September, ...": 'that' opens what was said, not a relative clause
_SAID_THAT = re.compile(r"(?i)\b(?:said|says|say|told\s+\w+|stated|states|announced|announces|reported|reports|added|claimed|claims"
                        r"|estimated|estimates|informed\s+\w+|confirmed|confirms|noted|notes)\s*$")


_NTH_DAY_BEFORE = re.compile(r"(?i)\b(?:\d+(?:st|nd|rd|th)|(?:one\s+)?(?:hundredth|thousandth))\s+day\s+$")


def period_cue(mention: Mention, pattern: re.Pattern[str] = lx.PERIOD_CUE) -> str | None:
    """A period cue ('since the coup', 'so far', 'last year') that belongs to the trigger's own
    clause, not to a clause inside it ('... saying they would not return until ...')."""
    verb = _clause_head(mention.trigger)
    sent = verb.sent
    # coordinated verbs share their modifiers: "Until October, they reached out and sought refuge"
    own = {verb.i} | {c.i for c in verb.children if c.dep_ == "conj"}
    if verb.dep_ in ("conj", "xcomp"):  # (xcomp: "were found to have absconded", "are believed to have left")
        own.add(verb.head.i)
    # "Since the coup, the group said, 500 have defected": a cue on the reporting verb above
    up = verb.head if verb.dep_ != "conj" else verb.head.head
    while up.i != up.head.i and up.lemma_.lower() not in lx.ATTRIBUTION_VERBS and up.dep_ in ("ccomp", "conj"):
        up = up.head
    if up.lemma_.lower() in lx.ATTRIBUTION_VERBS and up.i != verb.i:
        own.add(up.i)
    if counted_leavers(verb):  # "From 1 February 2021 to 31 December 2022, SPM assisted 1,284 ... who left"
        own.add(verb.head.head.i)
    text = mention.sentence.text
    trig_at = mention.trigger.idx - sent.start_char
    for m in pattern.finditer(text):
        rel = re.search(r"\b(?:who|that|which)\b[^,;.]*$", text[:m.start()]) if m.start() < trig_at else None
        if rel and not (rel.group(0).lower().startswith("that") and _SAID_THAT.search(text[:rel.start()])):
            continue  # "soldiers who had been stationed there since 2021 defected": the relative clause's
        if m.start() > trig_at and _measures_against(sent, sent.start_char + m.start()):
            continue  # "..., the latest blow to the regime since Operation 1027 began": the record's period
        if _NTH_DAY_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue  # "on Tuesday, the 100th day since the coup": one day, counted from it
        tok = _token_at(sent, sent.start_char + m.start())
        steps = 0
        while tok is not None and tok.i not in own and steps < 12:
            period_clause = tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("since", "until", "till") for c in tok.children)
            if not period_clause and (tok.dep_ in _CLAUSAL or (tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX"))) or tok.head.i == tok.i:
                tok = None
                break
            tok, steps = tok.head, steps + 1
        if tok is not None and tok.i in own:
            return m.group(0)
    return None


_NOT_PERSONNEL = re.compile(r"(?i)\b(?:villagers?|residents?|civilians?|families|family|people|refugees?|children|"
                            r"women|men|fighters?|rebels?|insurgents?|terrorists?|militants?|guerrillas?|members|locals|residents|farmers|students)\b")


def _names_others(subj: Token) -> bool:
    """'Thousands of people', 'villagers': a subject that names others than the regime's people."""
    lo, hi = _subtree_span(subj)
    words = subj.doc.text[lo:hi]
    return bool(_NOT_PERSONNEL.search(words)) and not lx.names_people(words)


def _teller_of(pronoun: Token) -> tuple[int, int] | None:
    """'he' or 'she' in what a person said ('A police lieutenant said he had ...'): the span of
    the subject of the saying."""
    if pronoun.lower_ not in ("he", "she"):
        return None
    clause = pronoun.head
    while clause.dep_ in ("conj", "xcomp") and clause.head.i != clause.i:
        clause = clause.head
    said = clause.head
    if clause.dep_ != "ccomp" or said.lemma_.lower() not in lx.ATTRIBUTION_VERBS:
        return None
    speaker = next((c for c in said.children if c.dep_ == "nsubj"), None)
    return _subtree_span(speaker) if speaker is not None else None


# A first-person telling ("I left the camp with Sergeant Aung Ko", "Three of us left together", "me
# and my orderly left the base") is leaving the regime's service when the teller is its own: the
# teller says so ("I was a captain in LIB 33", "our battalion", "under my command") or the article
# introduced the speaker as one ("STATEMENT OF CAPTAIN AUNG, FORMER OFFICER", "a former army captain").
_FIRST_PERSON = frozenset({"i", "we", "me", "us", "myself"})
_RANKS = (r"(?:captain|major|lieutenant|colonel|sergeant|corporal|private|soldier|officer|airm[ae]n|sailor|seam[ae]n|"
          r"police(?:m[ae]n|wom[ae]n)|constable|conscript|recruit|instructor|pilot|gunner|rating|medic)s?")
_SERVICES = re.compile(r"(?i)\b(?:army|military|tatmadaw|police|air\s+force|navy|battalion|regiment|brigade|academy|junta|regime"
                       r"|(?-i:LIBs?|IBs?)|infantry|artillery)\b")
_SELF_TOLD = re.compile(r"\bI\s+(?:was|am|had\s+been|have\s+been|served|worked|used\s+to\s+be)\b[^.!?\n\"“”]{0,120}")
_OWN_UNIT = re.compile(r"(?i)\b(?:my|our)\s+(?:(?:old|own|former)\s+)?(?:battalion|company|platoon|regiment|unit|section|squad|column"
                       r"|commanders?|commanding\s+officer|men|stars|rank|base|barracks|division|garrison|police\s+station|superiors?)\b"
                       r"|\bunder\s+my\s+command\b")
# (or those they left with: "I left the camp with Sergeant Aung Ko")
_ALONG = re.compile(rf"(?i)\bwith\s+(?:[\w'’-]+\s+){{0,3}}?{_RANKS}\b")
_INTRODUCED = re.compile(
    rf"(?i)\b(?:former|ex-|defected|deserted)\s+(?:[\w'’-]+\s+){{0,3}}?{_RANKS}\b[^.!?\n]{{0,30}}"
    # "said the 27-year-old able seaman", "Ko Thura, a ground technician in the air force,"
    rf"|\b(?:said|says|told|recalled|recalls|explained)\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){{0,3}}?{_RANKS}\b"
    rf"|,\s+an?\s+(?:[\w'’-]+\s+){{0,3}}?{_RANKS}\b[^.!?\n,]{{0,40}}"
    # "my guest served nine years in the air force"
    r"|\bserved\s+(?:[\w-]+\s+){0,3}?(?:in|with)\s+the\s+(?:army|military|air\s+force|navy|police|tatmadaw)\b[^.!?\n]{0,60}")


def first_person(subj: Token | None) -> bool:
    """'I', 'we', 'me and my orderly', 'Three of us'."""
    if subj is None:
        return False
    if subj.lower_ in _FIRST_PERSON:
        return True
    return subj.like_num and any(c.dep_ == "prep" and c.lower_ == "of" and any(o.lower_ == "us" for o in c.children)
                                 for c in subj.children)


def narrations(before: str) -> list[str]:
    """The words that make a first-person teller the regime's own, the last first, in `before`
    (the article up to the end of the telling sentence): self-descriptions, their unit, the
    speaker's introduction."""
    found: list[tuple[int, str]] = []
    for pattern in (_SELF_TOLD, _OWN_UNIT, _INTRODUCED, _ALONG):
        for m in pattern.finditer(before):
            words = m.group(0)
            if pattern is _SELF_TOLD and not (lx.names_people(words) or _SERVICES.search(words)):
                continue
            found.append((m.start(), words))
    return [words for _, words in sorted(found, reverse=True)]


def narrator(before: str) -> str | None:
    """The last of :func:`narrations`, or None."""
    told = narrations(before)
    return told[0] if told else None


_COMPANIONS = re.compile(rf"(?i)^(?:{_RANKS}|batman|orderly|driver|bodyguard|comrade|friend|colleague|cousin)$")


def companions_named(verb: Token) -> int:
    """How many people a teller names as leaving with them ('I left the camp with Sergeant Aung
    Ko and my batman, a lance corporal'): people, not things ('with one bag')."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "with":
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None:
            return 0
        people = [t for t in (obj, *obj.conjuncts) if t.tag_ == "NNP" or _COMPANIONS.match(t.text)]
        return len(people) if len(people) == len(obj.conjuncts) + 1 else 0
    return 0


_OF_THOSE_TOLD = re.compile(r"(?i)\W*(?:Of|Among)\s+" + lx.THOSE_TOLD + r",\s")


def _names_personnel(subj: Token | None, trigger: Token, told: str) -> bool | None:
    """Whether those who fled are the regime's people ('seven soldiers from an artillery
    battalion', 'a police captain and five constables'), not villagers or fighters: True when
    the subject names them, False when the words just before the trigger do (the parser lost
    the subject), None when neither does. `told` is the article up to the sentence's end."""
    doc = trigger.doc
    if subj is not None:
        lo, hi = _subtree_span(subj)
        if lx.names_people(doc.text[lo:hi]):
            return True
        teller = _teller_of(subj)
        if teller is not None and lx.names_people(doc.text[teller[0]:teller[1]]):
            return True  # "A police lieutenant ... said he had joined the strikers": he is the lieutenant
        if first_person(subj) and narrator(told) is not None:
            return True  # "me and my orderly left the base at night": the teller is a captain
        if lx.PARTITIVE.match(doc.text[lo:hi]):
            # "By the deadline, 14 of the 22 had resigned": part of people the text named just before
            earlier = doc.text[max(0, lo - 400):lo]
            if lx.names_people(earlier):
                return True
        if lx.BARE_NUMBER.fullmatch(doc.text[lo:hi]) and _OF_THOSE_TOLD.match(doc.text) and lx.names_people(told[-800:]):
            return True  # "Of these, 58 have now reached liberated areas": part of those the text counted just before
        if subj.dep_ in ("nsubj", "nsubjpass") or _NOT_PERSONNEL.search(subj.text):
            return None  # a real subject that names others ("locals", "thousands of people", "they")
    before = doc.text[:trigger.idx]
    cut = max(before.rfind(","), before.rfind(";"), before.rfind(":"))
    clause = before[cut + 1:]
    if not _NOT_PERSONNEL.search(clause) and lx.names_people(clause):
        return False
    return None


_IMPERATIVE_WORD = next(r.pattern for r in lx.TRIGGERS if r.name == "imperative")
_IMPERATIVE_OPENERS = frozenset({"please", "so", "now", "therefore", "then", "just", "and"})


def _imperative(verb: Token, text: str, start: int, base: int) -> tuple[int, int] | None | str:
    """Whether a base-form verb opens an order ('Come to the people', 'Leave now', "Don't
    wait until ..."), possibly after a vocative ('Soldiers of the Kalay garrison, come ...').
    Returns the vocative's span (absolute) or None; a string says why it is no imperative."""
    # '"Come to us," he said' ('Lay down your arms ...,' the KIA said: the parse may hang it as an adverbial)
    # ('He said: "Contact us"', "posted a message for police on Sunday: leave your stations")
    quoted = verb.dep_ in ("ccomp", "advcl", "parataxis") and (
        verb.i < verb.head.i and verb.head.lemma_.lower() in lx.ATTRIBUTION_VERBS
        or verb.i > verb.head.i and re.search(r"[:“\"]", verb.doc.text[verb.head.idx:verb.idx]) is not None)
    # "If you serve in the military or police and you want to leave, contact us": the parse may join
    # the order to the condition's last verb
    # ("...: before the festival ends, leave your stations": or to the clause of time before it)
    lead = words_said(text[:start].strip())
    conditioned = verb.dep_ in ("conj", "xcomp", "ccomp", "advcl") and verb.tag_ == "VB" and (
        _CONDITION_ASKED.fullmatch(lead) is not None
        or lead != text[:start].strip() and lead.endswith(",") and _TIME_LEAD.match(lead) is not None)
    if not (verb.dep_ == "ROOT" or quoted or conditioned) or verb.tag_ not in ("VB", "VBP", "VBD"):
        return "not an imperative"  # ('"Come to us," he said' is one)
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ not in ("do",) for c in verb.children):
        return "an auxiliary: not an imperative"
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    before = TIME_CODE.sub("", text[:start])
    label = SPEAKER_LABEL.match(before)
    if label and not lx.names_people(label.group(0)):
        # a speaker or a post's heading ("4️⃣ OUR MESSAGE: To every soldier ... - come to us"), not
        # those addressed ("TO ALL SOLDIERS IN KALAY: come to us"), as the parser sees it too
        before = before[label.end():]
    before = before.strip()
    if subj is None:
        words = re.findall(r"\w[\w'’]*", before)  # an opening quotation mark is no word
        if verb.tag_ != "VB" and not (verb.tag_ == "VBP" and not words):
            return "not an imperative"
        if all(w.lower() in _IMPERATIVE_OPENERS for w in words):
            return None
        addressed = re.fullmatch(r"\W*(?P<who>[^.;:!?]+?)\s*[-–—:]", before)
        if addressed and lx.names_people(addressed.group("who")):
            # "To every soldier and police officer in Pakokku District - come to us": whom it asks, then the ask
            return base + addressed.start("who"), base + addressed.end("who")
        return _lead_in(verb, before, base + len(text[:start].rstrip()) - len(before))
    lo, hi = _subtree_span(subj)
    if hi - base > start:
        return "a subject after the verb"
    # "Soldiers who are still serving, please leave the army": a plea names whom it asks
    please = re.search(r"(?i),\s*please$", before) is not None
    before, gap = re.sub(r"(?i)\s*please$", "", before), re.sub(r"(?i)please\s*$", "", text[hi - base:start])
    if subj.pos_ == "PRON" or not before.endswith(",") or re.search(r"[\w]", gap):
        return "a subject, not a vocative"
    if not please and any(t.pos_ in ("VERB", "AUX") or t.dep_ == "nummod" for t in subj.subtree):
        return "a subject with a clause or a number of its own, not a vocative"
    while hi > lo and text[hi - base - 1] in " ,":
        hi -= 1
    return lo, hi


# what may stand before an order once the words said begin (after a colon or an opening quotation
# mark): a condition that names whom it asks ("If you are a soldier or police officer listening,"),
# or a short adverbial ("this Thingyan,", "Before it is too late,")
_SAID_FROM = re.compile(r"[:“\"]\s*(?=[^:“\"]*$)")
_TIME_LEAD = re.compile(r"(?i)(?:before|until|by|after|once|during|this|now|today|tonight)\b")
_CONDITION_ASKED = re.compile(r"(?i)(?:if|when)\s+you\b(?P<who>[^.;:!?]+?),")


def words_said(before: str) -> str:
    """The part of `before` after a colon or an opening quotation mark, the words said."""
    said = _SAID_FROM.search(before)
    return before[said.end():] if said else before


def _lead_in(verb: Token, before: str, at: int) -> tuple[int, int] | None | str:
    """The words before an order with no subject (`before`, at absolute offset `at`): whom a
    condition asks, None for an adverbial, or why the verb is no order."""
    lead = words_said(before)
    words_at = len(before) - len(lead)  # (0: no colon or quotation mark opens the words said)
    condition = _CONDITION_ASKED.fullmatch(lead)
    if condition is not None:
        if lx.names_people(condition.group("who")):  # "If you serve in the military or police, contact us"
            return at + words_at, at + words_at + condition.end("who")
        return "a condition before the verb names no one asked"
    if words_at and lead.endswith(",") and len(lead.split()) <= 6 and (_TIME_LEAD.match(lead) or not any(
            t.pos_ in ("VERB", "AUX") and at + words_at <= t.idx < at + len(before) for t in verb.sent)):
        return None  # "We say to you: this Thingyan, come home to the people", "...: before the festival ends, leave"
    return "words before the verb"


def _order(verb: Token, text: str, base: int) -> bool:
    """A trigger inside an order ('Soldiers, come to the people', 'lay down your weapons and
    join us') tells what the speaker wants, not what happened."""
    verb = _first_conjunct(verb)
    if verb.tag_ != "VB" and verb.lower_ != verb.lemma_.lower() and not _IMPERATIVE_WORD.fullmatch(verb.text):
        return False  # 'left', 'slipped', 'went': a past happening, whatever precedes it
    return not isinstance(_imperative(verb, text, verb.idx - base, base), str)


def _call_shape(verb: Token) -> str | None:
    """'calling the police members in Launglon to stand with the people': 'call' without 'on'
    is an appeal only with an addressee and a to-infinitive after it ('a group called X' is not)."""
    after = [c for c in verb.children if c.i > verb.i]
    if not any(c.dep_ in ("dobj", "dative") for c in after):
        return "'call' without an addressee"
    if not any(c.dep_ in ("xcomp", "ccomp", "oprd") and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)
               for c in after):
        return "'call' without a to-infinitive"
    return None


def poster_of(mention: Mention) -> str | None:
    """'A police corporal posted a video announcing that he had left the force': the subject of
    the clause that tells of 'he' or 'she' who left, the one person they stand for."""
    subj = mention.subject_head
    if subj is None or subj.lower_ not in ("he", "she"):
        return None
    tok = _clause_head(mention.trigger)
    for _ in range(4):
        if tok.dep_ not in ("ccomp", "xcomp", "advcl", "conj", "acl") or tok.head.i == tok.i:
            return None
        tok = tok.head
        named = next((c for c in tok.children if c.dep_ == "nsubj" and c.pos_ != "PRON" and c.tag_ in ("NN", "NNP")), None)
        if named is not None:
            lo, hi = _subtree_span(named)
            base = named.sent.start_char
            return mention.sentence.text[lo - base:hi - base]
    return None


def _want_shape(verb: Token) -> str | None:
    """'We want all soldiers still serving to leave': 'want' is an appeal only when someone else is
    wanted to do it, the subject of its clause ('Many soldiers want to leave' is no appeal)."""
    if not any(c.dep_ in ("ccomp", "xcomp") and c.i > verb.i and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
               for c in verb.children):
        return "'want' with no one else wanted to do it"
    return None


def _after_insertion(doc, last: int) -> Token | None:
    """'calling on soldiers in Bago, the city the British called Pegu, to "follow ..."': a
    to-infinitive right after a comma-enclosed insertion (an apposition, an aside) that the
    parser hung on the insertion; returns the infinitive's verb."""
    if last + 1 >= len(doc) or doc[last + 1].text != ",":
        return None
    for j in range(last + 1, min(len(doc), last + 18)):
        if doc[j].text in (";", ".", ":", "!", "?", "(", ")"):
            return None
        if doc[j].text == ",":  # ', to ...' or ', an aside, to ...'
            to = doc[j + 1] if j + 1 < len(doc) else None
            if to is not None and to.lower_ == "to" and to.dep_ == "aux" and to.head.tag_ == "VB" and to.head.i > to.i:
                return to.head
            if j > last + 1:
                return None
    return None


def _addressee_with_clause(verb: Token) -> bool:
    """'invites all members of the armed forces who do not wish to take part in its crimes to
    leave': the appeal's object carries a relative clause, so its goal may come far after."""
    for obj in (c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i > verb.i):
        # the parser may hang the relative clause on the verb: 'asked every soldier ... who still hopes'
        if any(t.tag_ in ("WP", "WDT") and t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ in ("relcl", "ccomp")
               for t in verb.doc[obj.i + 1:obj.i + 30]):
            return True
    return False


_MOVED = frozenset({"bring", "escort", "take", "lead", "guide", "move", "transfer", "evacuate", "smuggle", "arrive",
                    "flee", "cross", "relocate", "reach", "go", "come", "travel"})


def _then_moved(verb: Token) -> bool:
    """'made contact with the KNDF's CDM department and were brought safely to a liberated area':
    a contact followed, in the same clause, by their being brought or reaching somewhere is the
    happening itself, not a count of contacts."""
    for conj in (c for c in verb.children if c.dep_ == "conj" and c.i > verb.i):
        if conj.lemma_.lower() not in _MOVED or any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
            continue
        if conj.lemma_.lower() == "reach" and any(c.dep_ == "dobj" for c in conj.children):
            return True
        if any(c.dep_ == "prep" and c.lower_ in ("to", "into") for c in conj.children):
            return True
    return False


def _clause_end(verb: Token) -> int:
    """Where an appeal's clause ends (absolute character offset). A misparse can hang its
    goal elsewhere: a proper name read as a verb ("other Pyu Saw Htee members to hand in their
    weapons") or a to-infinitive attached to the verb above ("released a message urging police
    to follow your comrades"). A phrase that starts right after the clause and holds a
    to-infinitive is then still the appeal's."""
    _, hi = _subtree_span(verb)
    last = verb.right_edge.i
    doc = verb.doc
    for _ in range(3):
        if last + 1 >= len(doc) or doc[last].is_punct and doc[last].text not in "\"“”'":
            break
        nxt = doc[last + 1]
        if nxt.is_punct and nxt.text not in "\"“”'":
            break
        top = nxt
        while top.head.i != top.i and top.head.left_edge.i >= nxt.i:
            top = top.head
        if not any(t.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children) for t in top.subtree):
            break
        _, hi = _subtree_span(top)
        last = top.right_edge.i
    goal = _after_insertion(doc, last)
    if goal is not None:
        hi = max(hi, goal.right_edge.idx + len(goal.right_edge.text))
    return hi


_BARE_BLOCKERS = frozenset({"dobj", "prt", "dative", "attr", "oprd", "ccomp", "xcomp", "acomp"})


_SERVICE_PLACES = frozenset({"camp", "base", "post", "unit", "army", "military", "academy", "barracks", "battalion", "station",
                             "ship", "garrison", "outpost", "position", "positions", "force", "company", "platoon", "regiment"})


def _first_person_leaving(verb: Token) -> str | None:
    """'I left on the night of February 23 with two privates', 'We left around Thadingyut', 'I
    left the camp with Sergeant Aung Ko': a teller of the regime's own leaving, not for somewhere
    ('I left for Yangon') or to do something ('left to buy medicine'), and told as a happening of
    its own, not as the time of another ('After I left, they arrested my brother')."""
    if verb.dep_ in ("advcl", "relcl", "acl", "pcomp", "pobj", "csubj"):
        return "'left' that tells the time of something else"
    for c in verb.children:
        # "..., a constable": an apposition the parse lost
        aside = c.left_edge.i > verb.i + 1 and "," in (verb.doc[c.left_edge.i].text, verb.doc[c.left_edge.i - 1].text)
        if c.dep_ == "dobj" and c.i > verb.i and not aside and c.lemma_.lower() not in _SERVICE_PLACES and c.lower_ not in _FIRST_PERSON:
            return "'left' something other than a post"  # (not "Three of us left together: me, ...")
        if c.dep_ in ("ccomp", "xcomp", "oprd", "acomp", "dative") or (c.dep_ == "prep" and c.lower_ in ("for", "to", "into", "behind")):
            return "'left' with a destination or an aim"
        if c.dep_ == "advcl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
            return "'left' to do something"  # "I left for Yangon to see my mother"
    return None


def _bare_leaving(verb: Token, rule: str, sentence: Sentence, told: str) -> str | None:
    """'some 3,000 soldiers and police have left since the coup': 'left' with no object, said of a
    number of the regime's personnel over a period, is a running figure of those who left its
    service. Without any of these it may be leaving a place ('the troops left on Monday',
    'about 150,000 troops left', 'left for Yangon')."""
    if rule not in lx.BARE_LEAVING_RULES:
        return None
    if verb.lemma_.lower() not in ("leave", "quit", "cross", "come") or (
            verb.dep_ in ("acl", "amod", "relcl") and not counted_leavers(verb)):
        return "'left' that is not a finite verb of its own"
    subj = _subject(verb)
    if first_person(subj) and subj.i < verb.i and narrator(told) is not None:
        return _first_person_leaving(verb)
    if any((c.dep_ in _BARE_BLOCKERS and not (c.dep_ == "prt" and c.lower_ == "over" and verb.lemma_.lower() in ("cross", "come"))
            # (not a phrase set off by a comma: "412 crossed over in 2024 alone, the highest annual number so far")
            and not (c.dep_ == "dobj" and c.left_edge.i > verb.i + 1 and verb.doc[c.left_edge.i - 1].text == ","))
           or (c.dep_ == "prep" and c.lower_ in ("for", "to", "behind", "with", "into", "on")) for c in verb.children):
        return "'left' with an object or a destination"
    if subj is not None and subj.tag_ in ("WP", "WDT") and counted_leavers(verb):
        subj = verb.head  # "registered about 2,400 soldiers who had left": the soldiers
    if subj is None or subj.i > verb.i:
        return "'left' with no subject"
    lo, hi = _subtree_span(subj)
    words = verb.doc.text[lo:hi]
    # "... registered 1,318 defectors since March 2022; 412 crossed over in 2024 alone": a bare number
    # may count the people the text named before (the engine looks for them, or drops it)
    named = lx.names_people(words) or lx.PARTITIVE.match(words) or lx.BARE_NUMBER.fullmatch(words)
    if not named or not any(t.like_num or t.tag_ == "CD" for t in subj.subtree):
        return "'left' not said of a number of regime personnel"
    if period_cue(Mention(kind="defect", rule=rule, sentence=sentence, trigger=verb)) is None:
        return "'left' with no period: not a running figure"
    return None


def _figure_frames(sentence: Sentence, sent: Span) -> list[Mention]:
    """'the number of police who have left since the coup has risen to 7,000', 'put the number of
    defectors at more than 14,000', 'Defections from the army reached 1,200': a running figure
    given as the level a count of leavers stands at. The counted phrase and the figure are the
    mention's subject (the figure is its head), so the count is the figure."""
    base = sent.start_char
    text = sentence.text
    out: list[Mention] = []
    for pattern in lx.FIGURE_FRAMES:
        for m in pattern.finditer(text):
            counted = f"{m.group('noun')} {m.group('of')}"
            if lx.FIGURE_NOT_LEAVING.search(counted):
                continue
            if not lx.FIGURE_LEAVER_NOUN.search(counted) and not (
                    lx.FIGURE_LEAVING.search(counted) and lx.names_people(counted)):
                continue
            fig_start, fig_end = m.span("fig")
            digits = fig_start + re.search(r"\d", m.group("fig")).start()
            if re.fullmatch(r"(?:19|20)\d\d", m.group("fig").strip()):
                continue  # a year, not a figure
            noun = _token_at(sent, base + m.start("noun"))
            head = _token_at(sent, base + digits)
            if noun is None or head is None:
                continue
            if _negated(noun.head) or _unreal(noun.head):
                continue
            start = m.start()
            before = re.search(r"(?i)\b(?:the|its|their|our)\s+$", text[:m.start("noun")])
            if before and m.start("noun") == start:
                start = before.start()  # "The number of ..."
            # "the number of <police who have left>": the counted people; "Defections ...": the noun itself
            counter = m.group("noun").lower() in ("number", "tally", "total", "count", "figure")
            subj_start = m.start("of") if counter else m.start("noun")
            end = max(fig_end, m.end("of"))  # "bringing to 37 the number of soldiers who have joined ...": the figure first
            out.append(Mention(kind="tally_noun", rule="figure-frame", sentence=sentence, trigger=noun,
                               subject=(min(subj_start, fig_start), end), subject_head=head, evidence=(start, end if fig_start < subj_start else fig_end)))
    return out


def _surrender_of(tok: Token) -> Token | None:
    """'accepted the surrender of 22 soldiers', 'The surrender of 45 soldiers ... was confirmed':
    those who gave up are the noun's 'of' (regime personnel), not the clause's subject."""
    if tok.pos_ != "NOUN":
        return None
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    people = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if people is None:
        return None
    lo, hi = _subtree_span(people)
    return people if lx.names_people(tok.doc.text[lo:hi]) else None


def find_mentions(sentence: Sentence, sent: Span, before: str = "") -> list[Mention]:
    """All event mentions one parsed sentence holds, after the reality checks. `before` is the
    article's text before the sentence (a first-person teller may have been introduced there)."""
    told = before + sentence.text
    found: list[Mention] = []
    used_heads: set[int] = set()
    goals: list[tuple[int, int]] = []  # appeals' goals a misparse hung elsewhere
    base = sent.start_char
    for rule in lx.TRIGGERS:
        for m in rule.pattern.finditer(sentence.text):
            tok = _token_at(sent, base + m.start())
            if tok is None:
                continue
            verb = _clause_head(tok) if rule.kind != "tally_noun" else tok
            given_up = _surrender_of(tok) if rule.kind == "surrender" else None
            if given_up is not None and tok.dep_ in ("nsubj", "nsubjpass"):
                verb = tok.head  # "The surrender of 45 soldiers ... was confirmed by the PNLO"
            reason = None
            vocative: tuple[int, int] | None = None
            if rule.name == "imperative":
                verb = tok.head if tok.dep_ in ("aux", "neg") and tok.head.tag_ == "VB" else tok  # "Don't wait"
                shape = _imperative(verb, sentence.text, m.start(), base)
                if isinstance(shape, str):
                    log.debug("trigger %r in %r dropped: %s", m.group(0), sentence.text[:60], shape)
                    continue
                vocative = shape
            if rule.kind == "tally_noun":
                verb = tok.head if tok.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj", "attr") else tok
                if verb.dep_ == "prep":
                    verb = verb.head
                if verb is tok and not any(c.dep_ == "nummod" for c in tok.children):
                    log.debug("trigger %r in %r dropped: a bare noun with no clause or number", m.group(0), sentence.text[:60])
                    continue  # "though lower-ranking deserters number in the thousands" parsed as a compound
                if any(c.dep_ == "amod" and (c.tag_ == "JJS" and c.lower_ not in ("least", "most") or c.lower_ in ("few", "rare")
                       and re.search(r"(?i)\bone\s+of\s+(?:the\s+|only\s+)*(?:\w+\s+)?$", sent.doc.text[:c.idx])) for c in tok.children):
                    log.debug("trigger %r in %r dropped: a superlative ranks a happening told elsewhere", m.group(0), sentence.text[:60])
                    continue  # "..., in one of the largest mass surrenders in the southeast"
            elif rule.kind != "call":  # "... urging soldiers to defect" is still an appeal
                reason = (_form_problem(verb, rule.kind) or _back_reference(verb) or _gave_up_things(verb, rule.name)
                          or _biography(verb) or _sample(verb) or _ongoing_trend(verb) or _generic_relative(verb) or _trend_in_numbers(verb) or (_generic_present(verb) if sentence.index > 0 else None) or _place_left_empty(verb, rule.name)
                          or _headline_present(verb, sentence) or _bare_leaving(verb, rule.name, sentence, told)
                          or _since_returned(verb) or _helped_those_told(verb, rule.name) or _operation(verb, rule.name)
                          or (_told_before(verb, pronouns=rule.name != "slip-away") if rule.name in _RETELLING_RULES else None)
                          or (_told_before(verb, pronouns=False) if _confirmed_clause(verb) else None)
                          or ("an order, not a happening" if _order(verb, sentence.text, base) else None))
            incentive = rule.name in lx.INCENTIVE_RULES
            # an offer is conditional by nature: "said it would pay rewards to those who defect"
            asked_if = vocative is not None and _CONDITION_ASKED.match(sentence.text, vocative[0] - base) is not None
            if asked_if:
                reason = None  # "If you are a soldier listening, message us": the condition says whom it asks
            elif rule.name == "imperative":
                reason = _unreal(verb)  # "Don't wait until ..." is negated by design
                if reason and reason.startswith("intention") and (re.search(r"[“\"‘']\s*$", sentence.text[:m.start()])
                                                                  or _SAID_FROM.search(sentence.text[:m.start()])):
                    # '"Put down your guns and come home," the KNU told soldiers', "We tell you again: leave":
                    # the words said
                    reason = None
            else:
                reason = reason or _negated(verb) or (None if incentive or rule.name in lx.DECLARED_RULES else _unreal(verb))
            reason = reason or (_call_shape(verb) if rule.name == "call-to" else _want_shape(verb) if rule.name == "want" else None)
            if reason:
                log.debug("trigger %r in %r dropped: %s", m.group(0), sentence.text[:60], reason)
                continue
            if verb.i in used_heads and (rule.kind not in ("call",) or incentive):
                continue
            hung_goal: tuple[int, int] | None = None
            if rule.kind == "call":  # the goal must be part of the appeal's own clause
                hi = _clause_end(verb)
                goal = lx.INCENTIVE_GOAL if incentive else lx.CALL_GOAL
                if rule.name == "imperative":
                    if not lx.IMPERATIVE_GOAL.search(sentence.text[m.start():hi - base]):
                        continue
                elif rule.name in lx.GOAL_BEFORE_RULES:
                    # "Anyone who leaves the army ... will receive": those promised are named before
                    if not goal.search(sentence.text[max(0, m.start() - 100):m.start()]):
                        continue
                elif not goal.search(sentence.text[m.end():hi - base]):
                    # "urging junta soldiers and police in Sittwe and Kyaukpyu to lay down their
                    # weapons": the parse hung the goal on the verb above; it still follows at once
                    hung = re.match(r"\s*(?:(?:in|at|across|from)\s+[^,;.]{1,60}?\s+)?to\s+[^,;.]{1,80}", sentence.text[hi - base:])
                    if hung is None or not goal.search(hung.group(0)):
                        continue
                    hung_goal = (hi - base, hi - base + hung.end())
                if rule.name in lx.WEAK_CALL_RULES and not lx.INFINITIVE_GOAL.search(sentence.text[m.end():]) and not (
                        _addressee_with_clause(verb) and lx.INFINITIVE_GOAL_AFTER_CLAUSE.search(sentence.text[m.end():hi - base])):
                    continue
            subj = _subject(verb)
            if given_up is not None:
                subj = given_up
            if rule.name in lx.NOT_OTHERS_RULES and subj is not None and _names_others(subj):
                log.debug("trigger %r in %r dropped: those who crossed are not regime personnel", m.group(0), sentence.text[:60])
                continue
            if rule.name in lx.PERSONNEL_ONLY_RULES:
                named = _names_personnel(subj, tok, told)
                if named is None:
                    log.debug("trigger %r in %r dropped: those who left are not regime personnel", m.group(0), sentence.text[:60])
                    continue
                if not named:
                    subj = None  # the parse hung the verb on a wrong word: its subject is not theirs
            used_heads.add(verb.i)
            kind = rule.kind
            if kind == "contact" and _then_moved(verb) and not _told_before(verb):
                kind = "defect"  # "made contact with the KNDF and were brought safely to a liberated area"
            if rule.name in lx.GIVE_UP_RULES and lx.GIVE_UP_CUE.search(sentence.text):
                kind = "surrender"  # "attacked the outpost, and the officers inside handed themselves over"
            mention = Mention(
                kind=kind,
                rule=rule.name,
                sentence=sentence,
                trigger=tok,
                subject=(lambda s: (s[0] - base, s[1] - base))(_subtree_span(subj)) if subj is not None else None,
                subject_head=subj,
                evidence=_evidence(verb, sent),
            )
            if rule.kind == "call":
                stop = _clause_end(verb) - base
                if stop > mention.evidence[1]:  # the goal a misparse hung elsewhere is the appeal's
                    while stop > mention.evidence[1] and sentence.text[stop - 1] in " ,;:\"'“”‘’(":
                        stop -= 1
                    mention.evidence = (mention.evidence[0], stop)
                tgt = _call_target(verb) if vocative is None else vocative
                if asked_if:  # the condition leads the appeal it makes
                    mention.evidence = (min(mention.evidence[0], vocative[0] - base), mention.evidence[1])
                mention.target = (tgt[0] - base, tgt[1] - base) if tgt else (m.end(), len(sentence.text))
                if hung_goal is not None:
                    mention.evidence = (mention.evidence[0], max(mention.evidence[1], hung_goal[1]))
                    goals.append(hung_goal)
            found.append(mention)
    # "urging soldiers ... to lay down their weapons and surrender": the goal asked for, not a surrender
    found = [m for m in found if m.kind == "call" or not any(a <= m.trigger.idx - base < b for a, b in goals)]
    frames = _figure_frames(sentence, sent)
    if frames:  # the frame holds the figure; triggers inside it tell the same figure
        found = [m for m in found if m.kind == "call" or not any(
            f.evidence[0] <= m.trigger.idx - base < f.evidence[1] for f in frames)] + frames
    found = [m for m in found if not _describes_another(m, found) and not _declared_again(m, found)
             and not _asked_for(m, found, base)]
    found = [m for m in found if not _noun_over_a_verb(m, found, base)]
    if any(m.kind == "call" and m.rule not in lx.SUBORDINATE_CALL_RULES for m in found):
        # the reward or the assurance is part of the appeal told
        found = [m for m in found if m.rule not in lx.SUBORDINATE_CALL_RULES]
    return _merge_coordinated(found)


def _noun_over_a_verb(m: Mention, others: list[Mention], base: int) -> bool:
    """'the wave of defections that followed the coup, when hundreds of police officers refused to
    serve': a tally noun whose clause holds a verb of leaving, or that has no number of its own
    beside such a verb, tells that verb's happening again."""
    if m.kind != "tally_noun" or m.rule == "figure-frame":  # a frame has its figure
        return False
    verbs = [o for o in others if o is not m and o.kind not in ("call", "tally_noun", "follow") and o.trigger.i != m.trigger.i]
    if any(m.evidence[0] <= o.trigger.idx - base < m.evidence[1] for o in verbs):
        return True
    noun = m.trigger
    own_figure = any(c.dep_ == "nummod" for c in noun.children) or (
        noun.dep_ == "pobj" and noun.head.lower_ == "of"
        and (noun.head.head.tag_ == "CD" or noun.head.head.lower_ in _FIGURE_NOUNS))  # "hundreds of defectors"
    return bool(verbs) and not own_figure


def _asked_for(m: Mention, others: list[Mention], base: int) -> bool:
    """'calling on soldiers in Bago, the city ..., to "follow ..." and defect with their weapons':
    a base-form verb inside an appeal's goal is what the appeal asks for, not a happening, even
    where a misparse hangs it outside the appeal's verb."""
    if m.kind == "call":
        return False
    verb = _clause_head(m.trigger)
    if verb.tag_ != "VB":
        return False
    at = m.trigger.idx - base
    return any(o.kind == "call" and o.trigger.i < m.trigger.i and o.evidence[0] <= at < o.evidence[1] for o in others)


_DECLARE_VERBS = frozenset({"announce", "declare", "say", "state", "tell", "confirm", "proclaim", "explain", "add"})
_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})


def _declared_again(m: Mention, others: list[Mention]) -> bool:
    """'... crossed into KNU territory and announced that he had joined the CDM': a pronoun
    declaring, after a happening told earlier in the sentence, that it joined is that same
    happening told again, not a second one."""
    if m.kind == "call" or m.subject_head is None or m.subject_head.lower_ not in _PRONOUNS:
        return False
    verb = _clause_head(m.trigger)
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in _DECLARE_VERBS:
        return False
    return any(o is not m and o.kind not in ("call", "follow") and o.trigger.i < m.trigger.i for o in others)


def _describes_another(m: Mention, others: list[Mention]) -> bool:
    """'the brigade has taken in 100 soldiers who defected or surrendered': a relative clause
    on another trigger's object describes the same people, not a new happening; nor is 'by
    defecting or surrendering' after another trigger, which says how."""
    verb = _clause_head(m.trigger)
    verb = _first_conjunct(verb)  # "who either defected or surrendered"
    if verb.dep_ == "pcomp" and verb.head.lower_ == "by":
        # "have joined the people's side since the coup, either by defecting or surrendering": how
        holder = verb.head.head
        return any(o is not m and _clause_head(o.trigger).i == holder.i for o in others)
    if verb.dep_ != "relcl":
        return False
    noun = _first_conjunct(verb.head)  # "soldiers, police and civil servants who ..."
    holder = noun.head  # the verb whose object (or subject) the relative clause describes
    return any(o is not m and _clause_head(o.trigger).i == holder.i for o in others)


def _joined_clause(first: Mention, then: Mention) -> bool:
    """'deserted from his unit ... and reached territory controlled by the KNU': an arrival the
    parse left without a subject, joined by 'and' to the leaving just told, is its second half."""
    if then.kind != "join" or then.subject is not None or first.evidence is None or then.evidence is None:
        return False
    between = then.sentence.text[first.evidence[1]:then.evidence[0]]
    return first.evidence[1] <= then.evidence[0] and re.fullmatch(r"\s*,?\s*and\s+(?:then\s+|later\s+|eventually\s+)?", between) is not None


def _merge_coordinated(mentions: list[Mention]) -> list[Mention]:
    """Verbs sharing one subject in one sentence ("reached out and sought refuge") are one
    happening; keep the strongest trigger."""
    # handing over a post is told beside the verb that says which: "laid down their weapons and
    # handed over their post" is a surrender, "switched sides and handed over its camp" a defection
    strength = {"defect": 0, "join": 0.5, "cdm": 0, "resign": 0, "surrender": 1, "handover": 1.5, "result": 2, "received": 3, "contact": 3,
                "tally_noun": 4, "follow": 5, "call": 6}
    # "laid down their weapons and walked out behind a white cloth": walking out tells how they gave up
    weaker = {"walk-out": 1.2}
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda x: weaker.get(x.rule, strength[x.kind])):
        clash = next(
            (o for o in out if o.kind != "call" and m.kind != "call" and (
                (o.subject is not None and o.subject == m.subject) or _joined_clause(o, m))),
            None,
        )
        if clash is not None:
            continue
        out.append(m)
    return sorted(out, key=lambda x: x.trigger.i)
