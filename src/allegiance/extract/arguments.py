"""Fill an event's fields from its mention and the article around it.

Each filler returns the value and the rule that produced it, so `allegiance explain` can show
where every field came from. Places, actors and dates go through the normalise resolvers.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import re
from dataclasses import dataclass

from allegiance.extract import lexicon as lx
from allegiance.extract.numbers import CountMention, find_counts
from allegiance.models import CANONICAL_ACTORS, Count, DateSpan, Place, UnitRef, Who
from allegiance.nlp import DATELINE, RANK_ABBREVIATIONS
from allegiance.normalise import actors as actor_registry
from allegiance.normalise import dates as timex
from allegiance.normalise import places as gazetteer

COUP = dt.date(2021, 2, 1)

# People nouns a count may quantify ("40 soldiers", "Twelve more police officers").
_PEOPLE = re.compile(
    r"^(?:[\s,]*(?:more|other|further|additional|junta|regime|military|army|Myanmar|low-ranking|senior|junior|"
    r"armed|unarmed|active-duty|serving|former|of\s+(?:the|its|their|his)|of|[A-Z][\w’'-]+|-)\s*){0,4}"
    r"\s*(?:soldiers?|troops?|servicem[ae]n|personnel|police(?:m[ae]n)?|officers?|individuals|people|members|men|"
    r"civil\s+servants?|staff|employees|teachers|doctors|nurses|workers|officials|militiam[ae]n|militia|fighters|colleagues|"
    r"conscripts|recruits|defectors|deserters|privates|sergeants|corporals|captains|officers|comrades|"
    r"military\s+members|security\s+forces|policem[ae]n|constables|administrators|forces|others)\b",
    re.IGNORECASE,
)
_FAMILY = r"(?:family|families|relatives|dependants|dependents|civilians|children|wives|spouses)"
# kin who come along with the one named first: "a captain and his wife" (but "her husband and five
# other officers": the husband is the officer)
_KIN = r"(?:wife|husband|spouse|sons?|daughters?|child|parents|mother|father)"
_NON_COMBATANT = re.compile(rf"^\s*(?:of\s+their\s+|\w+\s+)?{_FAMILY}\b", re.IGNORECASE)
# a rank written before a name: "Captain Zaw Lin", "Sgt. Aung Ko"
_RANK = r"(?:Major|Captain|Capt\.|Lt\.|Lieutenant|Colonel|Col\.|Sergeant|Sgt\.|Corporal|Cpl\.|Private|Pvt\.)"
# the same, with the police's ranks: "Deputy Inspector", "Constable"
_RANK_TITLE = rf"(?:{_RANK}|Inspector|Sub-[Ii]nspector|Superintendent|Constable)"
_ONE_PERSON = re.compile(
    r"\b(?:an?\s+(?:acting\s+|former\s+|deputy\s+|senior\s+|junior\s+|police\s+|army\s+|military\s+)?"
    r"(?:major|captain|lieutenant|colonel|sergeant|corporal|private|officer|soldier|policeman|policewoman|"
    r"commander|administrator|official|doctor|teacher|judge|diplomat|spokesman)|"
    rf"(?:{_RANK}|Police\s+Major|Police\s+Captain)\s+[A-Z]\w+)"
)


_PERSON_NOUNS = frozenset(
    "soldier policeman policewoman officer major captain lieutenant colonel sergeant corporal private "
    "commander administrator official doctor teacher judge diplomat spokesman constable general brigadier "
    "nurse engineer clerk minister ambassador pilot private captain conscript recruit sailor airman militiaman "
    "inspector superintendent director headmaster headmistress principal magistrate prosecutor surgeon "
    "midwife pharmacist lecturer professor consul attache envoy warden ranger firefighter "
    "husband wife son daughter brother sister father mother nephew cousin".split()  # not "staff": a collective
)


def subject_count(sentence_text: str, head, start: int) -> tuple[Count | None, str]:
    """The count a subject noun phrase states: its own number ("Twelve soldiers", "more than
    14,000"), one person ("A police major", "Tin Min Tun, an acting major"), or the sum of
    coordinated people ("a police sergeant and two constables": 3)."""
    if head is None:
        return None, ""
    conjuncts = _coordinated(head)
    if conjuncts:
        parts = [_conjunct_count(sentence_text, t, first=i == 0) for i, t in enumerate(conjuncts)]
        if all(p is not None for p in parts):
            kept = [p for p in parts if p != "family"]
            if kept and len(kept) > 1:
                total = sum(c.value for c in kept)  # type: ignore[union-attr]
                first = kept[0].value  # type: ignore[union-attr]
                last = conjuncts[-1]
                after = sentence_text[last.idx - last.sent.start_char + len(last.text):]
                if len(kept) > 2 and first == total - first and after.startswith(","):
                    # "30 troops, three officers and 27 men, surrendered": the first group, then its parts
                    return kept[0], "the first group, with its parts in apposition"  # type: ignore[return-value]
                qual = "exact" if all(c.qualifier == "exact" for c in kept) else "approx"  # type: ignore[union-attr]
                return Count(value=total, low=total, high=total, qualifier=qual), "sum of coordinated people"
    return _single_count(sentence_text, head, start)


# people listed in words, for when the parse lost the coordination (two subjects, or a number
# made the conjunct): "a police major and 23 officers", "Two captains, a warrant officer and 58
# other ranks", "A police lieutenant, two sergeants and eight constables"
_NUMBER_WORD = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d[\d,]*)"
_PLURAL_PEOPLE = frozenset("men ranks personnel staff troops members colleagues comrades ratings recruits militiamen police "
                           "policemen policewomen".split())
_PEOPLE_WORD = "(?:" + "|".join(sorted(_PERSON_NOUNS | {f"{w}s" for w in _PERSON_NOUNS} | _PLURAL_PEOPLE, key=len, reverse=True)) + ")"
_LIST_ITEM = rf"{_NUMBER_WORD}\s+(?:[\w-]+\s+){{0,2}}?{_PEOPLE_WORD}\b"
_PEOPLE_LIST = re.compile(rf"(?i)\b{_LIST_ITEM}(?:,\s+{_LIST_ITEM})*,?\s+and\s+(?:other\s+|more\s+|of\s+(?:his|her|their)\s+)?{_LIST_ITEM}")
_LIST_ITEM_RE = re.compile(rf"(?i)\b{_LIST_ITEM}")


_BREAKDOWN_BEFORE = re.compile(r"(?i)\b(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them|such\s+as|comprising)\s+$")


def listed_people(text: str) -> tuple[Count, int, int, list[int]] | None:
    """People listed in words in ``text`` ('A police major and 23 officers'), summed (24), with the
    span the list covers and each group's number; a list whose first group is the sum of the rest
    ('30 troops, three officers and 27 men') is that first group. None when ``text`` lists no people
    this way."""
    for m in _PEOPLE_LIST.finditer(text):
        if re.search(rf"(?i)\b(?:{_FAMILY}|{_KIN})\b", m.group(0)) or _BREAKDOWN_BEFORE.search(text[:m.start()]):
            continue  # "12 staff, including two doctors and seven nurses": the parts of a group counted
        values = []
        for item in _LIST_ITEM_RE.finditer(m.group(0)):
            n = item.group(0).split()[0].lower()  # the item's number word
            found = find_counts(item.group(0))
            value = 1 if n in ("a", "an", "one") else (found[0].count.value if found and found[0].count.qualifier == "exact" else None)
            if value is None:
                break
            values.append(value)
        else:
            if len(values) < 2:
                continue
            appositive = len(values) > 2 and values[0] == sum(values[1:]) and text[m.end():].startswith(",")
            total = values[0] if appositive else sum(values)
            return Count(value=total, low=total, high=total, qualifier="exact"), m.start(), m.end(), values
    return None


def _coordinated(head) -> list:
    """The subject and the groups coordinated with it ("a police sergeant and two constables"),
    or nothing when it stands alone or is "they" ("they and ..." have no count of their own)."""
    conjuncts: list = []
    todo = [head]
    while todo:  # "A police lieutenant, two sergeants and eight constables": the parser chains them
        tok = todo.pop()
        nested = [c for c in tok.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "NUM")]
        conjuncts += nested
        todo += nested
    if not conjuncts and head.dep_ in ("nsubj", "nsubjpass"):
        # "roughly 1,500 soldiers and more than 4,700 police officers have deserted": the parser may
        # make the second group a subject of its own beside the first, the "and" left in the first
        subjects = sorted((c for c in head.head.children if c.dep_ == head.dep_ and c.pos_ in ("NOUN", "PROPN")), key=lambda t: t.i)
        if len(subjects) == 2 and any(t.dep_ == "cc" and t.lower_ == "and" for t in subjects[0].subtree):
            return subjects
    if not conjuncts or head.pos_ == "PRON" and head.lower_ not in ("he", "she"):
        return []
    return [head, *sorted(conjuncts, key=lambda t: t.i)]


def coordinated_figures(sentence_text: str, head) -> list[tuple[Count, int, int]]:
    """'around 2,500 soldiers and about 6,000 police officers': each coordinated group's own
    figure with its span in the sentence (the last runs to the end of its phrase), when every
    group has one; empty otherwise."""
    toks = _coordinated(head) if head is not None else []
    counts = [_conjunct_count(sentence_text, t) for t in toks]
    if not toks or not all(isinstance(c, Count) and c.value is not None for c in counts):
        return []
    base = head.sent.start_char
    starts = []
    for t in toks:
        nested = {x.i for c in t.children if c.dep_ in ("conj", "cc") for x in c.subtree}
        starts.append(min(x.idx for x in t.subtree if x.i not in nested) - base)
    ends = [len(re.sub(r"[\s,]*(?:\band|\bor)?[\s,]*$", "", sentence_text[:nxt])) for nxt in starts[1:]]
    last = toks[-1]
    ends.append(max(x.idx + len(x.text) for x in last.subtree) - base)
    return [(c, lo, hi) for c, lo, hi in zip(counts, starts, ends, strict=True)]  # type: ignore[misc]


def _conjunct_count(sentence_text: str, tok, *, first: bool = True) -> Count | str | None:
    """One conjunct's count: its own number, or one person; 'family' for non-combatants (and for
    kin that a later conjunct names: 'and his wife')."""
    base = tok.sent.start_char
    phrase = sentence_text[tok.left_edge.idx - base:tok.idx - base + len(tok.text)]
    if re.search(rf"(?i)\b{_FAMILY}\b", phrase) or (not first and re.search(rf"(?i)\b{_KIN}\b", phrase)):
        return "family"
    if tok.pos_ == "NUM":  # "one sergeant and one private": the parser may leave the number as the head
        found = find_counts(tok.text)
        return found[0].count if found and found[0].count.value is not None else None
    if tok.lower_ in ("total", "number", "group"):  # "a total of 3,420 members of the military and ..."
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        tok = next((c for c in of.children if c.dep_ == "pobj"), tok) if of is not None else tok
    nums = [c for c in tok.children if c.dep_ == "nummod"]
    if nums:
        lo = min(t.idx for t in nums[0].subtree) - base
        found = find_counts(sentence_text[lo:tok.idx - base + len(tok.text)])
        if found and found[0].count.value is not None:
            return found[0].count
        return None
    if tok.tag_ in ("NN", "NNP") and (tok.lower_ in _PERSON_NOUNS or any(c.lower_ in ("a", "an", "one") for c in tok.children)):
        return Count.exact(1)
    if tok.pos_ == "PROPN" and tok.ent_type_ in ("PERSON", "") or tok.lower_ in ("he", "she"):
        return Count.exact(1)  # "Police Corporal Aung Ko Ko and 14 colleagues", "he and four other draftees"
    return None


def _single_count(sentence_text: str, head, start: int) -> tuple[Count | None, str]:
    head_end = head.idx - head.sent.start_char + len(head.text)
    left = sentence_text[start:head_end]
    found = [c for c in find_counts(left) if not _NON_COMBATANT.match(left[c.end:])]
    if found:
        cm = found[-1]
        if re.search(r"(?i)\b(?:the|these|those|all)\s+$", left[:cm.start]):
            return None, f"'the {cm.text}' refers back to people counted before"
        return cm.count, f"subject's number '{cm.text}'"
    if head.lower_ in _COLLECTIVES:
        # "a group of 12 Arakanese civil servants": the number of the people the group is of
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        people = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if people is not None:
            lo = people.left_edge.idx - head.sent.start_char
            found = find_counts(sentence_text[lo:people.idx - head.sent.start_char + len(people.text)])
            if found and found[0].count.value is not None:
                return found[0].count, f"the group's number '{found[0].text}'"
    if head.tag_ not in ("NNS", "NNPS", "CD") and (head.ent_type_ == "PERSON" and head.tag_ == "NNP" or head.lower_ in _PERSON_NOUNS):
        return Count.exact(1), f"one person ('{head.text}')"
    if head.tag_ == "NNP" and head.ent_type_ in ("", "PERSON") and any(c.dep_ == "appos" and c.lower_ in _PERSON_NOUNS for c in head.children):
        return Count.exact(1), f"one named person ('{head.text}')"
    return None, ""


# "the number of defectors has reached 3,000": a figure given as the level a total reached
_TOTAL_VERB = re.compile(r"\b(?:reached|reach(?:es)?|rose\s+to|risen\s+to|climbed\s+to|grown\s+to|grew\s+to|stands?\s+at|stood\s+at|"
                         r"totall?ed|totals?|numbered|topped|surpassed|exceeded|passed|"
                         r"bring(?:ing|s)?\s+(?:the\s+)?(?:total|number|tally|figure|count)\b[^.;]{0,40}?\s+to)\s+$", re.IGNORECASE)


_COLLECTIVES = frozenset({"group", "team", "batch", "band", "party", "contingent", "squad", "garrison", "platoon", "company",
                          "column", "detachment", "unit"})


def count_for(text: str, anchor: int) -> tuple[Count | None, str]:
    """The count of people in `text` (usually the subject), nearest before `anchor`."""
    best: CountMention | None = None
    for cm in find_counts(text):
        after = text[cm.end:]
        if _NON_COMBATANT.match(after):
            continue
        if not _PEOPLE.match(after) and not _TOTAL_VERB.search(text[max(0, cm.start - 25):cm.start]):
            continue
        if best is None or abs(cm.start - anchor) < abs(best.start - anchor) or (cm.start < anchor <= best.start):
            best = cm
    if best is not None:
        return best.count, f"count phrase '{best.text}'"
    for m in _ONE_PERSON.finditer(text):
        if m.start() > anchor and (re.match(r"[^.;“”\"]{0,60}?\b(?:said|says|told)\b", text[m.end():])
                                   or re.search(r"\baccording\s+to\s+$", text[max(0, m.start() - 14):m.start()])):
            continue  # ", a spokesman for the group said": who tells it, not who left
        return Count.exact(1), f"one named person '{m.group(0)}'"
    return None, "no count"


def who_for(text: str, *, fallback: str = "") -> tuple[Who | None, str]:
    """Force and category from the people words; several categories make `mixed`."""
    for source, label in ((text, "subject"), (fallback, "sentence")):
        if not source:
            continue
        hits: dict[str, tuple[str, str]] = {}
        for pat, force, cat in lx.WHO_WORDS:
            m = pat.search(source)
            if m:
                hits[cat] = (force, m.group(0))
        if "police" in hits and "soldier" in hits and re.fullmatch(
            r"(?i)(?:majors?|captains?|lieutenants?|colonels?|sergeants?|corporals?|privates?|battalion|officers?)", hits["soldier"][1]
        ):
            hits.pop("soldier")  # "a police major": the rank belongs to the police
        if "official" in hits and len(hits) > 1:
            hits.pop("official")
        if not hits:
            continue
        unit = unit_for(source)
        if len(hits) > 1:
            if set(hits) == {"soldier", "police"} or "mixed" in hits or len(hits) > 1:
                words = ", ".join(w for _, w in hits.values())
                return Who(force="mixed", category="mixed", unit=unit, units=units_of(unit)), f"{label} names several groups ({words})"
        cat, (force, word) = next(iter(hits.items()))
        return Who(force=force, category=cat, unit=unit, units=units_of(unit)), f"{label} word '{word}'"
    return None, "no people words"


def unit_for(text: str) -> str | None:
    m = lx.UNIT_RE.search(text)
    return m.group(0).strip() if m else None


def units_of(unit: str | None) -> list[UnitRef]:
    """The regime units a unit phrase names, parsed into type and number."""
    if not unit:
        return []
    return [UnitRef(type=u.type, number=u.number, name=u.name) for u in actor_registry.parse_units(unit)]


# --- actors ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class ActorHit:
    start: int
    end: int
    text: str
    canonical: str
    side: str | None


_FOREIGN_BEFORE = re.compile(r"(?i)\b(?:Thai|Indian|Chinese|Bangladeshi|Bangladesh|Malaysian|Lao|Laotian|Mizoram|Manipur|"
                             r"Tak|Yunnan)\s+(?:(?:provincial|state|border(?:\s+patrol)?|immigration|local)\s+)?$")


def actors_in(text: str) -> list[ActorHit]:
    """Actors named in `text` that map to a codebook actor, with their side."""
    registry = actor_registry.get_registry()
    out: list[ActorHit] = []
    # "the National Unity Government's (NUG) Ministry of Defence": the short form between the
    # possessive and the body is blanked (same offsets), so the ministry is read as one name
    scanned = _SHORT_FORM_AFTER_POSSESSIVE.sub(lambda m: " " * len(m.group(0)), text)
    for m in registry.find_actors(scanned):
        if m.canonical is None:
            continue
        entry = registry.get(m.actor_id)
        side = entry.side if entry else None
        if side == "regime" and re.search(r"(?i)\banti-?\s*$", text[max(0, m.start - 6):m.start]):
            # "a local anti-junta militia", "anti-regime fighters": the regime's opponents
            out.append(ActorHit(m.start, m.end, m.text, _GENERIC, "resistance"))
            continue
        if side == "regime" and _FOREIGN_BEFORE.search(text[max(0, m.start - 30):m.start]):
            continue  # "asked Thai police for protection", "Indian border guards": another country's forces
        if out and side == "regime" and out[-1].side == "resistance" and _BARE_UNIT.match(m.text) \
                and not text[out[-1].end:m.start].strip():
            continue  # "KNDF Battalion 9", "PDF Company 3": the group's own unit, not the army's
        out.append(ActorHit(m.start, m.end, m.text, m.canonical, side))
    return out


_SHORT_FORM_AFTER_POSSESSIVE = re.compile(r"(?<=['’]s)\s+\([A-Z][A-Za-z-]{1,9}\)(?=\s+[A-Z])")


_BARE_UNIT = re.compile(r"(?i)^(?:battalion|company|column|brigade|regiment|platoon|unit)\s+(?:no\.?\s*)?\d+$")


_GENERIC = "UNKNOWN-RESISTANCE"


def concrete(hit: ActorHit, text: str, before: str) -> tuple[str, str]:
    """A generic resistance mention made specific: 'a local defence force' is a PDF (the
    codebook's 'local resistance forces'); 'the resistance group' is the specific group the
    article named before (`before`); otherwise it stays UNKNOWN-RESISTANCE."""
    if hit.canonical != _GENERIC:
        return hit.canonical, f"actor '{hit.text}'"
    if re.search(r"\blocal\b", hit.text, re.IGNORECASE) or re.search(r"\blocal\s+$", text[max(0, hit.start - 8):hit.start], re.IGNORECASE):
        return "PDF", f"'{hit.text}': local resistance forces are PDFs"
    if re.search(r"\b(?:the|its|their|this|that)\s+(?:\w+\s+)?$", text[max(0, hit.start - 20):hit.start], re.IGNORECASE):
        earlier = [h for h in actors_in(before) if h.side == "resistance" and h.canonical not in (_GENERIC, "CDM")]
        if earlier:
            return earlier[-1].canonical, f"'{hit.text}' refers back to '{earlier[-1].text}'"
    return _GENERIC, f"unnamed resistance '{hit.text}'"


def side_of(canonical: str | None) -> str | None:
    entry = actor_registry.get_registry().get(canonical) if canonical else None
    return entry.side if entry else None


def receiving_actor(sentence: str, after: int, end: int | None = None, before: str = "") -> tuple[str | None, str]:
    """Who they joined: the first actor after the trigger, within the event's clause, that they
    went *to* (an actor after 'from' is what they left). The regime counts only when named
    right after 'to': a surrender to the junta."""
    tail = sentence[after:end]
    movement = re.search(r"\b(?:the\s+)?(?:movement|civil\s+disobedience)\b", tail, re.IGNORECASE)
    for hit in actors_in(tail):
        if movement is not None and movement.end() <= hit.start:
            # "joined the movement since the coup, many of whom now staff clinics run by the NUG"
            return "CDM", "'the movement' after the trigger, before any actor"
        left = tail[max(0, hit.start - 40):hit.start].lower()
        # "received by the KNLA", "welcomed by fighters of the KNLA's Brigade 3"
        received = re.search(r"\b(?:picked\s+up|received|welcomed|sheltered|taken\s+in|escorted|met|rescued)\s+by\s+(?:the\s+|its\s+|local\s+)?"
                             r"(?:(?:fighters|members|troops|soldiers|officers|comrades|units?|forces|guerrillas)\s+(?:of|from)\s+)?(?:the\s+|its\s+)?$",
                             tail[max(0, hit.start - 60):hit.start].lower())
        # "territory controlled by the KNU", "areas held by the KIA": where they went is the group's
        held = re.search(r"\b(?:controlled|held|run|administered|occupied|governed|liberated|protected)\s+by\s+(?:the\s+)?$"
                         r"|\b(?:under\s+the\s+(?:protection|care|command)|in\s+the\s+(?:care|hands))\s+of\s+(?:the\s+)?$"
                         # "reached the territory of the KNLA's Brigade 4", "a camp of the KIA"
                         r"|\b(?:territory|territories|areas?|zones?|camps?|bases?|posts?|outposts?|headquarters)\s+of\s+(?:the\s+)?$", left)
        # "joint forces of the KIA and the PDF", "fighters of the KNLA": the group they belong to
        force_of = re.search(r"\b(?:forces|fighters|troops|soldiers|members|units|columns?|guerrillas|comrades|ranks)\s+of\s+(?:the\s+)?$", left)
        if not received and not held and not force_of and re.search(r"\b(?:from|of|against|by)\s+(?:the\s+|its\s+|their\s+)?$", left):
            continue
        if hit.side == "regime" and not re.search(r"\bto\s+(?:the\s+)?$", left):
            continue
        follow = tail[hit.end:hit.end + 20].lower()
        if hit.canonical == "CDM" and re.match(r"\s*(?:department|unit|wing|committee|section|office|desk)", follow):
            continue  # "the CDM department of the KNDF" belongs to the KNDF
        actor, why = concrete(hit, tail, before + sentence[:after] + tail[:hit.start])
        return actor, f"{why}, after the trigger"
    back = re.search(r"\b(?:the|its|their)\s+(?:new\s+|same\s+|local\s+)?(?P<noun>force|group|army|organi[sz]ation|militia|brigade|"
                     r"battalion|unit|front|union|ministry|network|committee|department)\b", tail)
    if back:  # "join the new force": the organisation of that kind named just before
        earlier = [h for h in actors_in(before + sentence[:after]) if h.side == "resistance" and h.canonical not in (_GENERIC, "CDM")]
        earlier = [h for h in earlier if back.group("noun") in h.text.lower()] or earlier
        if earlier:
            return earlier[-1].canonical, f"'{back.group(0)}' refers back to '{earlier[-1].text}'"
    if movement is not None:
        return "CDM", "'the movement' after the trigger"
    generic = _UNNAMED_RESISTANCE.search(tail)
    if generic:  # "crossed over to the other side", "defected to an ethnic armed group in Kayin State"
        return _GENERIC, f"'{generic.group(0)}': a resistance force not named"
    return None, "no actor after the trigger"


_UNNAMED_RESISTANCE = re.compile(r"^[^.;,]{0,40}?\b(?:to|with|joined?)\s+(?:the\s+other\s+side|an?\s+(?:ethnic\s+)?(?:armed|rebel|insurgent|guerrilla)"
                                 r"\s+(?:group|organi[sz]ation|force|army)|(?:local\s+)?rebel\s+forces)\b", re.IGNORECASE)


# --- attribution -----------------------------------------------------------------------------
_ACCORDING = re.compile(r"\baccording\s+to\s+(?P<who>[^,.;]+)", re.IGNORECASE)
# what "according to" may name that is not a source: a law, rules, a plan
_NOT_A_SOURCE = re.compile(r"(?i)\b(?:laws?|rules?|conventions?|plans?|schedule|customs?|traditions?|principles?|standards?|"
                           r"polic(?:y|ies)|procedures?|orders?|instructions?|agreements?|codes?|regulations?)\b")
# a title's full stop inside a speaker's name: "Capt. Naw Tawng", "Lt. Col. Zaw Min", "Dr. Sasa"
_TITLE_STOP = rf"\b(?:{'|'.join((*RANK_ABBREVIATIONS, 'Dr', 'Mr', 'Mrs', 'Ms', 'Prof'))})\."
_NAME_CHAR = rf"(?:{_TITLE_STOP}|[^,.;“”\"])"
_SAID_AFTER = re.compile(
    r"(?:,(?!\d)|[”\"])\s*(?P<who>(?:the\s+|a\s+|an\s+)?" + _NAME_CHAR + r"{2,80}?)\s+(?:has\s+|had\s+)?(?:said|says|(?:was|were)\s+saying|reported|reports|told|added|claimed|claims|stated|announced|confirmed)\b",
)
# "People's Embrace, a network run by former officers, said ...": a speaker with an
# appositive between the name and the verb
# ", a network run by former officers,", ", 34," (an age)
_APPOSITIVE = r"(?:,\s+(?:(?:a|an|the|which|who|whose|one|set|run|led|made|[a-z]+ed)\b[^,;“”\"]{2,100}|\d{2}),)?"
_SAID_BEFORE = re.compile(
    # a name, or a body referred back to: "..., the alliance said more than 6,000 ..."
    r"(?P<who>(?:the\s+|a\s+|an\s+)?(?:" + _TITLE_STOP + r"\s+)?[A-Z]" + _NAME_CHAR + r"{1,80}?|\b(?:the|its)\s+(?:\w+\s+)?(?:group|alliance|ministry|council|government|"
    r"network|front|army|union|party|committee|brigade|organi[sz]ation))" + _APPOSITIVE +
    r"\s+(?:has\s+|had\s+|also\s+)?(?:said|says|(?:was|were|is|are)\s+saying|reported|reports|told|added|announced|claimed|claims|stated|confirmed|estimated|estimates|recorded"
    # keeping count: "People's Embrace has documented 3,000 defections", "informed the Monitor that"
    r"|informed|counted|counts|documented|registered|tallied|logged|verified|shows|showed"
    # a teller's own story: "Ko Thura, a former corporal, recalled how he slipped out"
    r"|recalled|recounted|explained|described"
    # "The group puts the total number of soldiers who have left at 8,000"
    r"|puts?\s+(?:the\s+|its\s+)?(?:" + lx.FIGURE_NOUN_ADJ + r"\s+)?(?:number|figure|count|tally|total))\b(?:\s+(?:on|in|last|this)\s+\w+)?(?:\s+that)?",
)
_PUTS_NUMBER = re.compile(r"\bputs?\s+(?:the\s+|its\s+)?(?:" + lx.FIGURE_NOUN_ADJ + r"\s+)?(?:number|figure|count|tally|total)$")
# ", while the NUG said ..." introduces another statement's speaker, not this one's
_NEW_CLAUSE = re.compile(r"(?:while|whereas|and|but|as|although|though|when|after|before)\b", re.IGNORECASE)
# "..., said Khu Nyay Reh" (not "told RFA": whom a source told is not the source)
# one who speaks for a body: "a member of", "a spokesman for", "a source in"
_MEMBER_OF = (r"(?:member|spokes(?:man|woman|person)|official|commander|officer|leader|representative|source|fighter)s?"
              r"\s+(?:of|for|from|with|in)\s+")
_VERB_SAID_WHO = re.compile(r"\b(?:said|says)\s+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Yesterday)\b)"
                            r"(?P<who>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,4}"
                            # ", said a member of the local PDF who declined to be named"
                            rf"|(?:a|an|one|two|three|several)\s+{_MEMBER_OF}[^,.;“”\"]{{2,60}})")
# "A police lieutenant was also reported to have left": passive, nobody speaking
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|being)\s+(?:also\s+)?$", re.IGNORECASE)
# descriptive sources the codebook keeps as written: "local residents", "a Karen community leader"
_SOURCE_NOUN = re.compile(
    r"\b(?:residents?|villagers?|witness(?:es)?|sources?|leaders?|officials?|commanders?|members?|relatives?|"
    r"activists?|monks?|administrators?|officers?|spokes(?:man|woman|person)|defence\s+force|resistance\s+group|"
    r"group|organi[sz]ation|journalists?|reporters?|lawmakers?|elders?|"
    # people close to them: "his wife", "the officer's brother", "a family friend"
    r"wife|husband|mother|father|brother|sister|son|daughter|cousin|nephew|niece|uncle|aunt|family|friends?)\b",
    re.IGNORECASE,
)
_OUTLET = re.compile(
    r"\b(?:Myanmar\s+Now|The\s+Irrawaddy|Irrawaddy|RFA|Radio\s+Free\s+Asia|DVB|Mizzima|Frontier(?:\s+Myanmar)?|"
    r"Kantarawaddy\s+Times|BNI|Karen\s+News|Khit\s+Thit(?:\s+Media)?|Reuters|AP|AFP|BBC(?:\s+Burmese)?|VOA|"
    r"Development\s+Media\s+Group|DMG|Shan\s+Herald|Myawady|Global\s+New\s+Light\s+of\s+Myanmar|Dawei\s+Watch|Than\s+Lwin\s+Times|Narinjara)\b"
)
# ("the ethnic Kokang armed group": two words before "armed group")
_ANAPHOR = re.compile(r"^the\s+(?:[\w-]+\s+){2}armed\s+group\b|^(?:the\s+|its\s+|their\s+)?(?:\w+\s+)?(?:group|armed\s+group|ethnic\s+armed\s+group|organi[sz]ation|spokes(?:man|woman|person)|"
                      r"army|force|council|ministry|government|network|statement|report|bulletin|survey|department|committee|office|wing|alliance|brigade|front|union|party|"
                      r"commander|leader|officer|he|she|they|it)\b", re.IGNORECASE)
_PRONOUN = re.compile(r"^(?:he|she|they|we|it)$", re.IGNORECASE)


_TYPED_NOUNS = ("ministry", "council", "government", "network", "front", "army", "union", "party",
                "committee", "alliance", "brigade", "battalion", "force", "organisation", "organization")


def anaphor_noun(phrase: str) -> str:
    """The kind of body an anaphor names ("the ministry" -> "ministry"); '' when untyped."""
    low = phrase.lower()
    return next((n for n in _TYPED_NOUNS if re.search(rf"\b{n}\b", low)), "")


_ROLE_OF = re.compile(rf"^(?:a|an|the|one|two|several)?\s*(?:\w+\s+)?{_MEMBER_OF}(?=(?:the|its|their)\s)", re.IGNORECASE)


_INDEFINITE_GROUP = re.compile(r"(?i)^(?:a|an|one)\s+(?:[\w-]+\s+){0,3}(?:ethnic\s+)?(?:armed|rebel|resistance|guerrilla|insurgent)\s+"
                               r"(?:group|force|organi[sz]ation|army)\b")
# a person's role in an organisation: "spokesperson", "an information officer with"
_ROLE = (r"(?:spokes(?:man|woman|person)|(?:information\s+|liaison\s+|press\s+)?officer|official|commander|leader|"
         r"chair(?:man|woman|person)?|secretary|member|representative|head|chief|director|minister|founder|"
         r"coordinator|organi[sz]er|deputy|vice-chair(?:man)?)")
_OWNER_ROLE = re.compile(rf"^(?P<owner>(?:the|its|their)\s+(?:\w+\s+)?\w+)['’]s\s+(?:\w+\s+){{0,2}}{_ROLE}$", re.IGNORECASE)
_DESCRIBED_BY = re.compile(r"(?:\s+(?:officers?|personnel|members?|men))?\s+(?:source|sources|who|that|channel|page|group|network|"
                          r"families|relatives?|wives|defectors?|deserters?)\b", re.IGNORECASE)


def resolve_claimant(phrase: str) -> tuple[str | None, str]:
    """A claimant phrase -> canonical actor, an outlet or person as written, or None."""
    phrase = phrase.strip(" ,.;:“”\"'")
    if not phrase:
        return None, ""
    role = _ROLE_OF.match(phrase)
    if role and not actors_in(phrase):  # "a member of the armed group": the body they speak for
        who, why = resolve_claimant(phrase[role.end():])
        if who:
            return who, f"{why} (through '{role.group(0).strip()}')"
    owner = _OWNER_ROLE.match(phrase)
    if owner and not actors_in(phrase):  # "the brigade's information officer": the brigade
        return "@anaphor:" + anaphor_noun(owner.group("owner")), f"refers back ('{owner.group('owner')}')"
    # the regime speaks only when it heads the phrase ("the military council", "junta spokesman
    # Zaw Min Tun"), not as a word inside it ("a police source", "a channel that supports police
    # officers who join the CDM")
    hits = [h for h in actors_in(phrase) if h.side != "regime" or (
        re.fullmatch(r"(?:the\s+|a\s+|an\s+)?(?:[\w'’]+\s+)?", phrase[:h.start])
        and not _DESCRIBED_BY.match(phrase, h.end))]
    if hits:
        hit = hits[0]
        named = _RANK_THEN_NAME.match(phrase, hit.end) if hit.side == "regime" else None
        if named:  # "Police Deputy Inspector Ye Htut Kyaw" telling his own story speaks for himself
            return named.group("name"), "a regime officer named: the person as written"
        if hit.side == "regime" and _ONE_OF_THEIR_MEN.match(phrase, hit.end) and re.match(r"(?i)(?:a|an|one)\s", phrase):
            # "a police captain who asked not to be named": one man telling, not the force
            return phrase, "a regime officer not named: the source as written"
        if hit.canonical == _GENERIC and re.search(r"\b(?:the|its|their)\s+(?:\w+\s+)?$", phrase[:hit.start]):
            return "@anaphor:", f"'{hit.text}' refers back"
        if hit.canonical == _GENERIC and re.search(r"\blocal\b", phrase, re.IGNORECASE):
            return "PDF", f"'{hit.text}': local resistance forces are PDFs"
        return hit.canonical, f"actor '{hit.text}'"
    police = re.search(r"\bpolice\b", phrase, re.IGNORECASE)
    if police and _FOREIGN_BEFORE.search(phrase[:police.start()]):
        return phrase, "another country's police, as written"  # "according to Tak provincial police"
    if _INDEFINITE_GROUP.match(phrase):  # "a powerful ethnic armed group in western Myanmar"
        return _GENERIC, "an armed group not named in the sentence"
    out = _OUTLET.search(phrase)
    if out:
        return out.group(0), "news outlet"
    m = _ANAPHOR.match(phrase)
    if m or _PRONOUN.match(phrase):
        return "@anaphor:" + anaphor_noun(phrase), f"refers back ('{phrase}')"
    # a person as written: capitalised words, possibly after a title (not "the border district of Champhai")
    m = re.search(r"((?:[A-Z][\w’'.-]+\s+){0,4}[A-Z][\w’'.-]+)\s*$", phrase)
    if m and _PLACE_BEFORE.search(phrase[:m.start(1)]):
        m = None
    if m and len(m.group(1)) > 2 and not places_in(m.group(1)) and not re.search(
        r"(?i)\b(?:township|region|state|district|village|town|city|Myanmar|Burma|Thailand|China|India|Bangladesh)\b", m.group(1)
    ):
        return m.group(1), "person as written"
    if len(phrase.split()) <= 10 and _SOURCE_NOUN.search(phrase) and not _ANAPHOR.match(phrase):
        return phrase, "source as written"
    return None, ""


_NAME = r"(?P<name>(?:[A-Z][\w’'.-]+\s+){0,4}[A-Z][\w’'.-]+)"
# a rank or a man of the force after its name: "a police captain", "an army sergeant", "a police officer"
_ONE_OF_THEIR_MEN = re.compile(rf"\s+(?:(?:Deputy|Senior|Junior|Lance|Staff|Second|First)\s+)?"
                               rf"(?:{_RANK_TITLE}|officer|soldier|policeman|policewoman)\b", re.IGNORECASE)
# "Police Deputy Inspector Ye Htut Kyaw", "army Captain Zaw Lin" (after the regime's name)
_RANK_THEN_NAME = re.compile(
    r"\s+(?:(?:Deputy|Senior|Junior|Acting|Chief|Lance|Staff|Second|First|Lt\.?|Lieutenant|Police|Army)[\s-]+){0,3}"
    rf"(?:{_RANK_TITLE}|Officer)\s+"
    r"(?P<name>(?:[A-Z][\w’'.-]+\s+){0,3}[A-Z][\w’'.-]+)\s*$")
# the words before a place, not a person: "the border district of Champhai", "officials in Tamu"
_PLACE_BEFORE = re.compile(r"(?i)\b(?:(?:district|township|state|region|division|province|village|town|city|area|county)\s+of"
                           r"|in|at|near|from)\s+(?:the\s+)?$")
# "KNU spokesperson Padoh Saw Mahn Mahn", "the KNDF's officer Bo Reh" (after the organisation)
_ROLE_THEN_NAME = re.compile(rf"^(?:['’]s)?\s+(?:\w+\s+){{0,2}}?{_ROLE}\s+{_NAME}")
# "a KNDF officer who uses the name Bo Reh" (after the organisation)
_ROLE_WHO_NAME = re.compile(
    rf"^(?:['’]s)?\s+(?:\w+\s+){{0,2}}?{_ROLE}\s+who\s+(?:uses|goes\s+by|gave\s+(?:his|her)\s+name\s+as|"
    rf"is\s+(?:known|called)|calls\s+(?:himself|herself))\s+(?:the\s+name\s+|as\s+)?{_NAME}")
# "Naw Seng Li, an information officer with the KIA's 3rd Brigade," / "Saw Taw Nee, the KNU's
# spokesperson," (before the organisation)
_NAME_APPOSITIVE = re.compile(rf"{_NAME},\s+(?:a|an|the|one)\s+(?P<gap>[^,.;“”\"]{{0,60}}?)$")
# a participants' line: "Daw May Thinzar Hlaing, spokesperson, Ministry of Defence"
_NAME_ROLE_LINE = re.compile(rf"(?:^|[:;]\s*){_NAME},\s+(?i:(?:[\w-]+\s+){{0,2}}?{_ROLE}),\s+$", re.MULTILINE)


_NAME_WHO_WORKS = re.compile(rf"{_NAME},\s+who\s+(?:handles|runs|speaks|works|coordinates|manages|leads|commands)\b"
                             r"[^,.;“”\"]{0,40}?\s+(?:for|with|of|in)\s+(?:the\s+)?$")
_NAME_ROLE_OF_IT = re.compile(rf"{_NAME},\s+(?:a|an|the|one)\s+(?:[\w-]+\s+){{0,2}}?{_ROLE}\s+(?:of|with|for|in)\s+(?:the|its|their)\s+"
                              r"(?:\w+\s+)?(?:battalion|brigade|group|force|column|unit|network|committee|army|organi[sz]ation|militia)\b")


def affiliations(text: str) -> dict[str, str]:
    """People the article ties to an organisation: {name as written: canonical actor}.

    "according to Lieutenant-Colonel Naw Seng Li, an information officer with the KIA's
    3rd Brigade" credits the KIO: like "according to KNU spokesperson Padoh Saw Mahn Mahn",
    a named official speaks for their organisation. Regime-side ties are left out: a "BGF
    Major" announcing his own defection speaks for himself.
    """
    out: dict[str, str] = {}
    hits = [h for h in actors_in(text) if h.side != "regime" and h.canonical not in (_GENERIC, "CDM")]
    for hit in hits:
        after = text[hit.end:hit.end + 120]
        m = _ROLE_WHO_NAME.match(after) or _ROLE_THEN_NAME.match(after)
        if m:
            out.setdefault(m.group("name").rstrip("."), hit.canonical)
        before = _NAME_APPOSITIVE.search(text[max(0, hit.start - 160):hit.start])
        if before and (re.search(rf"\b{_ROLE}\b", before.group("gap"), re.IGNORECASE)
                       or re.match(rf"(?:['’]s)?\s+(?:\w+\s+)?{_ROLE}\b", after, re.IGNORECASE)):
            out.setdefault(before.group("name").rstrip("."), hit.canonical)
        listed = _NAME_ROLE_LINE.search(text[max(0, hit.start - 120):hit.start])
        if listed:
            out.setdefault(listed.group("name").rstrip("."), hit.canonical)
        works = _NAME_WHO_WORKS.search(text[max(0, hit.start - 160):hit.start])
        if works:  # "Nai Banya Mon, who handles information for the LDF"
            out.setdefault(works.group("name").rstrip("."), hit.canonical)
    for m in _NAME_ROLE_OF_IT.finditer(text):
        # "Khu Plu Reh, an officer of the battalion": the group the text last named
        told = [h for h in hits if m.start() - 600 <= h.start < m.start()]
        noun = m.group(0).rsplit(None, 1)[-1].lower()
        # "the battalion": the group named with a battalion ("People's Defence Force Battalion 8")
        told = [h for h in told if noun in text[h.start:h.end + 16].lower()] or told
        if told:
            out.setdefault(m.group("name").rstrip("."), told[-1].canonical)
    return out


def affiliated(claimant: str | None, ties: dict[str, str]) -> str | None:
    """The organisation a person claimant speaks for, when the article says so."""
    if not claimant:
        return None
    bare = _untitled(claimant)
    for name, org in ties.items():
        name = _untitled(name)  # "Captain Naw Tawng" tied, "Capt. Naw Tawng said" later
        if name == bare or (min(len(name), len(bare)) >= 5 and (name in bare or bare in name)):
            return org
    return None


def _untitled(name: str) -> str:
    """A person's name without the ranks and titles written before it."""
    return _TITLES_BEFORE.sub("", name.strip())


_TITLES_BEFORE = re.compile(rf"^(?:(?:{_RANK_TITLE}|{_TITLE_STOP}|Lieutenant|General|Brigadier|Deputy|Police)[\s-]+)+")


# "that report, which came from local residents", "the account comes from a relative"
_CAME_FROM = re.compile(r"\b(?:report|reports|account|accounts|information|news|claim|claims|figure|figures)\b[^.;“”\"]{0,40}?"
                        r"\b(?:came|comes|come)\s+from\s+(?P<who>[^,.;“”\"]+)", re.IGNORECASE)
# "The KNU's figures show ...", "figures compiled by People's Embrace show", "data from the NUG's defence ministry put ..."
_FIGURES_OF = re.compile(
    r"(?P<who>\b(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,5})['’]s?\s+(?:own\s+|latest\s+|new\s+)?(?:figures|data|records|tally|count|statistics)\b"
    r"|\b(?i:figures|data|records|statistics)\s+(?:compiled\s+by|from|released\s+by|published\s+by|kept\s+by)\s+(?P<who2>[^,.;“”\"]+?)\s+"
    r"(?:show|showed|shows|put|puts|suggest|suggests|indicate|indicates)\b")
# an outlet passing on another's word: "according to the Kachin News Group, which cited a KIA
# officer", "Karen News reported, citing a brigade officer", "DMG quoted the Arakan Army (AA) on
# Thursday as saying"
_RELAYED = re.compile(r"\b(?:citing|quoting|which\s+(?:cited|quoted))\s+(?P<who>[^,.;“”\"]{3,80}?)(?=\s*(?:[,.;“”\"]|$|\s+as\s+say))"
                      r"|\bquoted\s+(?P<who2>[^,.;“”\"]{3,60}?)\s+(?:(?:on|last|this)\s+\w+\s+)?as\s+(?:saying|having\s+said)\b")
_NAMED_AFTER = re.compile(r",\s+(?P<name>(?:[A-Z][\w’'.-]+\s+){0,4}[A-Z][\w’'.-]+)\s*(?:[.;]|$)")


_DASHED_ASIDE = re.compile(r"\s[—–]\s[^—–]{1,120}?\s[—–](?=\s)")


def attribution_in(sentence: str, trigger_at: int) -> tuple[str | None, str]:
    """Who the sentence credits: 'according to X', 'X said', ', X said.' or 'said X'."""
    cands: list[tuple[int, str, str]] = []
    dateline = DATELINE.match(sentence)
    if dateline:  # "BANGKOK (AP) — A powerful armed group said ...": the outlet files, the group speaks
        sentence = " " * dateline.end() + sentence[dateline.end():]
    # "the Three Brotherhood Alliance — the MNDAA, the TNLA and the AA — said": the speaker is the
    # one the aside between dashes (before the trigger) describes
    sentence = _DASHED_ASIDE.sub(lambda m: " " * len(m.group(0)) if m.end() <= trigger_at else m.group(0), sentence)
    for m in _ACCORDING.finditer(sentence):
        if _NOT_A_SOURCE.search(m.group("who")) or re.search(r"[“\"]\s*$", sentence[:m.start()]):
            continue  # "treated according to the Geneva Conventions": a rule, not a source
        cands.append((0, m.group("who"), "according to"))
        named = _NAMED_AFTER.match(sentence, m.end())
        if named:  # "according to one of the six, Pu Thang Za Cin"
            cands.append((0, named.group("name"), "according to (named after)"))
    for m in _SAID_AFTER.finditer(sentence):
        if m.start() > trigger_at and not _NEW_CLAUSE.match(m.group("who")):
            cands.append((1, m.group("who"), "', X said'"))
    before = [m for m in _SAID_BEFORE.finditer(sentence)
              # "A People's Goal report put the number ...": the frame's own noun is the trigger
              if (m.end() <= trigger_at + 1 or (m.end("who") <= trigger_at and _PUTS_NUMBER.search(m.group(0))))
              and not _PASSIVE_BEFORE.search(sentence[m.start("who"):m.end("who") + 1] + " ")]
    for m in sorted(before, key=lambda m: -m.end()):  # the nearest speaker before the trigger
        cands.append((2, m.group("who"), "'X said that'"))
    for m in _VERB_SAID_WHO.finditer(sentence):
        cands.append((3, m.group("who"), "'said X'"))
    for m in _CAME_FROM.finditer(sentence):
        cands.append((0, m.group("who"), "'the report came from X'"))
    for m in _RELAYED.finditer(sentence):  # "Karen News reported, citing a brigade officer": the officer's
        cands.append((-1, m.group("who") or m.group("who2"), "relayed: 'citing X', 'quoted X as saying'"))
    for m in _FIGURES_OF.finditer(sentence):
        cands.append((0, m.group("who") or m.group("who2"), "'X's figures show'"))
    for rank, phrase, how in sorted(cands, key=lambda c: c[0]):  # stable: keeps nearest-first
        who, why = resolve_claimant(phrase)
        if rank < 0 and who and not (who in CANONICAL_ACTORS or who.startswith("@anaphor")):
            continue  # an outlet "which cited residents" stands for them: only a body's word passes through
        if who:
            return who, f"{how}: {why}"
    return None, "no attribution in the sentence"


# "Lieutenant Colonel Kyaw Soe, who defected to the NUG last week, told Reuters": the person a
# relative clause tells of, who then speaks
_WHO_THEN_TOLD = re.compile(rf"(?:^|\b(?:(?:Lieutenant\s+)?{_RANK_TITLE}|Police\s+\w+)\s+)"
                            r"(?P<name>(?:[A-Z][\w’'.-]+\s+){0,3}[A-Z][\w’'.-]+),\s+"
                            r"(?:a\s+[^,]{2,60},\s+)?who\s+(?:had\s+|has\s+)?(?:[\w-]+\s+){0,2}$")
_TELLS = r"(?:told|said|says|tells|recalled|explained)\b"
_THEN_TOLD = re.compile(rf"[^,.;“”\"]{{0,120}},\s+{_TELLS}")
_HE_TOLD = re.compile(rf",\s+(?:he|she)\s+{_TELLS}", re.IGNORECASE)


def teller_told_of(sentence: str, trigger_at: int) -> str | None:
    """'X, who defected to the NUG last week, told Reuters ...': X, when the trigger sits in the
    relative clause about X and X then speaks."""
    m = _WHO_THEN_TOLD.search(sentence[:trigger_at])
    return m.group("name") if m is not None and _THEN_TOLD.match(sentence, trigger_at) else None


def he_or_she_tells(sentence: str, trigger_at: int) -> bool:
    """'..., he told The Irrawaddy' after the trigger: one person tells it."""
    return _HE_TOLD.search(sentence, trigger_at) is not None


def certainty_in(text: str) -> tuple[str, str]:
    m = lx.UNCONFIRMED_CUE.search(text)
    if m:
        return "unconfirmed", f"hedge '{m.group(0)}'"
    return "reported", "no hedge or second-party confirmation"


def confirmation_in(sentence: str, claimed_by: str | None) -> str | None:
    """A second party's confirmation in `sentence`: the confirming actor, if any."""
    m = lx.CONFIRM_CUE.search(sentence)
    if not m or lx.UNCONFIRMED_CUE.search(sentence):
        return None
    if re.search(r"\b(?:not|n't|never|unable|no\s+one)\b[^.]{0,30}$", sentence[:m.start()], re.IGNORECASE):
        return None
    for hit in actors_in(sentence[:m.start()]):
        if hit.canonical != claimed_by and hit.canonical != "CDM":
            return hit.canonical
    outlet = _OUTLET.search(sentence[:m.start()])
    if outlet and outlet.group(0) != claimed_by:
        return outlet.group(0)
    return None


# --- places ----------------------------------------------------------------------------------
# a place named only to locate another: "a coastal township just south of Dawei", "30 miles north of Mandalay",
# "about 35 kilometres north of the state capital, Sittwe"
# (not "in the south of Ye Township", which is inside it)
_LANDMARK_BEFORE = re.compile(r"(?<![Tt]he\s)\b(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+of\s+"
                              r"(?:the\s+(?:(?:state|regional|district)\s+)?(?:capital|city|town),?\s+|the\s+)?$",
                              re.IGNORECASE)
# a same-named place set aside: "not the Htantabin in Bago", "(not to be confused with Minhla Township in Bago Region)"
_SET_ASIDE = re.compile(r"\(?\bnot\s+(?:to\s+be\s+confused\s+with|the)\s+[^.;,()]{1,60}?\s+in\s+[^.;,()]{1,40}\)?"
                        # "to follow the example of their comrades in Laukkai": where others went before
                        r"|\bexample\s+(?:set\s+)?(?:of|by)\s+[^.;,“”\"()]{1,60}")
_HOME_BASE = re.compile(r"(?:based|stationed|headquartered|deployed|garrisoned)\s+(?:in|at)\s+(?:the\s+)?(?:\w+\s+){0,3}$|\bfrom\s+(?:the\s+)?$|\bnative\s+of\s+$", re.IGNORECASE)


def places_in(text: str) -> list[tuple[int, int, Place]]:
    return [(start, end, place) for start, end, place, _ in _place_mentions(text)]


_FEATURE_AFTER = re.compile(r"\s+(?:River|river|Creek|creek|Stream)\b")


# a capitalised word where a place is expected: "based in Bawlakhe", "near Kyaukmae"
_CUED_NAME = re.compile(r"\b(?:in|at|near|from|of|outside|around)\s+(?P<name>[A-Z][a-z]{5,})\b")
_NOT_PLACE_WORDS = frozenset(
    [m.lower() for m in calendar.month_name[1:]] + [d.lower() for d in calendar.day_name]
    + "defence defense government military police ministry reuters myanmar burma".split())


def _misspelt_places(text: str, found: list[tuple[int, int, Place]]) -> list[tuple[int, int, Place]]:
    """Towns and townships the press spells one letter off the gazetteer ("Bawlakhe" for
    Bawlake): only where a place is expected, and only a close, unambiguous match."""
    gaz = gazetteer.get_gazetteer()
    out: list[tuple[int, int, Place]] = []
    for m in _CUED_NAME.finditer(text):
        start, end, name = m.start("name"), m.end("name"), m.group("name")
        if any(f[0] <= start < f[1] for f in found) or name.lower() in _NOT_PLACE_WORDS or actors_in(name):
            continue
        cand = gaz.resolve_candidate(name)
        if cand is None or not 90 <= cand.score < 100 or cand.level not in ("town", "township") \
                or cand.name[:2].lower() != name[:2].lower() or abs(len(cand.name) - len(name)) > 2:
            continue
        place = gazetteer.resolve_place(cand.name)
        if place is not None:
            out.append((start, end, place.model_copy(update={"name": name})))
    return out


def _place_mentions(text: str) -> list[tuple[int, int, Place, bool]]:
    """Places in `text`, each with whether it is a village the gazetteer lacks."""
    # "across the Bago River": a river named after a place is not that place
    # "a nationwide civil disobedience movement": the movement's reach, not where it happened
    found = [(m.start, m.end, m.place) for m in gazetteer.find_places(text) if not _FEATURE_AFTER.match(text, m.end)
             and not (text[m.start:m.end].lower() in ("nationwide", "country-wide", "countrywide") and re.match(r"\s+[a-z]", text[m.end:]))]
    found += _misspelt_places(text, found)
    villages = _unlisted_villages(text, found)
    if villages:  # the village stands for the township it was placed by (and for a same-named place elsewhere)
        found = [f for f in found if not any(v[1] < f[0] <= v[1] + 16 and f[2].admin3 == v[2].admin3 for v in villages)
                 and not any(f[0] < v[1] and v[0] < f[1] for v in villages)]
    return sorted([(*f, False) for f in found] + [(*v, True) for v in villages], key=lambda f: f[0])


# "near Ra Hmun village in Thantlang Township": a village the gazetteer lacks, placed by the
# township (or town) written with it
_UNLISTED_VILLAGE = re.compile(
    r"\b(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3})\s+(?:village(?:\s+tract)?|ward|quarter)\b"
    r"(?P<link>,?\s+(?:in|of|near)\s+(?:the\s+)?)")


def _unlisted_villages(text: str, found: list[tuple[int, int, Place]]) -> list[tuple[int, int, Place]]:
    out: list[tuple[int, int, Place]] = []
    for m in _UNLISTED_VILLAGE.finditer(text):
        name = re.sub(r"^(?:The|A|In|At|Near|From|Of)\s+", "", m.group("name"))
        start = m.start("name") + len(m.group("name")) - len(name)
        if not name or name.split()[0] in gazetteer.NAME_PARTICLES:
            continue
        after = m.end("link")
        container = next((p for a, _, p in found if a == after and p.geo_precision in (1, 2)), None)
        known = [p for a, b, p in found if a < m.end("name") and start < b]
        if known and (container is None or any(within(p, container) for p in known)):
            continue  # the gazetteer knows it (and it lies in the township written with it)
        if container is None:
            continue  # a same-named place elsewhere is not this one: "Kyauk Sayit village, in Khin-U township
        out.append((start, m.end("name"), container.model_copy(update={
            "name": name, "geo_precision": 2 if container.geo_precision == 2 else 1})))
    return out


# "SITTWE —", "MANDALAY, Sept. 3, 2021 —": where the reporter filed from, not where it happened.
DATELINE = re.compile(r"^\s*(?:[A-Z][A-Z .'’-]{2,}(?:\s*\([^)]{1,30}\))?(?:,[\w .,]{0,30}?)?(?:\s*\([^)]{1,30}\))?\s*(?:[—–-]{1,2}|:)"
                      # "Myitkyina - ", "Mandalay Region – ": translated local copy
                      # "Yangon (AFP) –": a mixed-case wire dateline
                      r"|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?(?:\s+(?:Region|State|Township))?(?:\s*\([^)]{1,30}\))?\s+[—–-]{1,2})\s")


def within(inner: Place, outer: Place) -> bool:
    """Whether a place lies within another: the country holds all, a state its towns, a
    township its villages."""
    if outer.admin1 is None:
        return True
    if inner.admin1 != outer.admin1:
        return False
    if (outer.geo_precision or 4) >= 3 and outer.admin3 is None:
        return outer.admin2 is None or inner.admin2 == outer.admin2
    return outer.admin3 is not None and inner.admin3 == outer.admin3


def refines(inner: Place, outer: Place | None) -> bool:
    """Whether `inner` names the place more closely than `outer`: smaller, and inside it (any
    place refines none)."""
    return outer is None or ((inner.geo_precision or 4) < (outer.geo_precision or 4) and within(inner, outer))


def _contains(outer: Place, inner: Place) -> bool:
    """Whether `outer` is a state, district or township that `inner`, a smaller place, lies in."""
    if outer.geo_precision is None or inner.geo_precision is None or outer.geo_precision <= inner.geo_precision:
        return False
    return outer.admin1 is not None and outer.geo_precision >= 2 and within(inner, outer)


def event_place(sentence: str, trigger_at: int, window: tuple[int, int] | None = None) -> tuple[Place | None, str]:
    """The place where it happened: not a dateline, not a unit's home base; inside the event's
    own clause (`window`) when it names one; the most specific, then the nearest the trigger."""
    dateline = DATELINE.match(sentence)
    skip_to = dateline.end() if dateline else 0
    # "Htantabin in Yangon Region, not the Htantabin in Bago": the place set aside is no context
    sentence = _SET_ASIDE.sub(lambda m: " " * len(m.group(0)), sentence)
    found, bases, landmarks = [], [], []
    mentions = _place_mentions(sentence)
    starts = {start for start, _, _, _ in mentions}
    villages = {id(place) for _, _, place, village in mentions if village}
    for start, end, place, _ in mentions:
        poss = re.match(r"[’']s\s+", sentence[end:end + 4])
        if start < skip_to or (poss and end + poss.end() in starts):
            continue  # "Sagaing's Pinlebu": the possessor only contains the place named next
        before = sentence[max(0, start - 40):start]
        (bases if _HOME_BASE.search(before) else landmarks if _LANDMARK_BEFORE.search(before) else found).append((start, end, place))
    if window is not None:
        found = [f for f in found if window[0] <= f[0] < window[1]] or found
        bases = [f for f in bases if window[0] <= f[0] < window[1]]
    found = found or landmarks  # "Thayetchaung, a coastal township just south of Dawei": Dawei only locates it
    how = "place"
    if found and bases and all(any(_contains(f[2], b[2]) for b in bases) for f in found):
        # "a police battalion deployed in Kani Township, Sagaing Region": the region only
        # contains their post, which is the nearest the text comes to where it happened
        found, how = bases, "their post, inside the only other place given"
    if not found:  # "five officers from Demoso police station": their base is all we have
        found, how = bases, "their base, no other place given"
    if not found:  # "staff of the Kyaukse Township Education Office": the office's place
        found = [(m.start, m.end, m.place) for m in gazetteer.find_places(sentence, include_org=True)
                 if m.org and m.place is not None and m.start >= skip_to]
        if window is not None:
            found = [f for f in found if window[0] <= f[0] < window[1]] or found
        how = "the place an office or group is named after"
    if not found:
        return None, "no place in the sentence"

    def key(item: tuple[int, int, Place]) -> tuple[int, int]:
        start, _, place = item
        precision = 1 if id(place) in villages else place.geo_precision or 4  # a village, placed by its township
        return (precision, abs(start - trigger_at))

    start, end, place = min(found, key=key)
    return place, f"{how} '{sentence[start:end]}'"


# --- dates -----------------------------------------------------------------------------------
def dates_in(text: str, ref: dt.date | None, context: str | None = None) -> list[timex.TimeMention]:
    return [m for m in timex.find_dates(text, ref, context=context) if m.span is not None]


# the trigger opens a relative clause: "a former captain who left ..."
_WHO_DID = re.compile(r"\bwho\s+(?:had\s+|has\s+|have\s+)?$", re.IGNORECASE)
_FORMER = re.compile(r"\b(?:former|ex-)", re.IGNORECASE)
_DEADLINE = re.compile(r"\b(?:before|by|until|till|within|no\s+later\s+than|ahead\s+of)\s+(?:the\s+)?(?:end\s+of\s+)?$", re.IGNORECASE)


# an aside set off by dashes: "the Chinland Council — the body formed by the CNF in December — urged ..."
_DASH_ASIDE = re.compile(r"\s[\u2014\u2013]\s[^\u2014\u2013]{5,160}?\s[\u2014\u2013]\s")
# a named day restated: "In the days before Thingyan, Myanmar's water festival and new year holiday, ..."
_PREPOSITION = re.compile(r"(?i)(?:as\s+of|on|in|by|until|till|before|after|since|from|to|during|over|at|through)\b")
_RESTATED = re.compile(r",\s+(?:(?:the\s+|[A-Z]\w*[\u2019']s\s+)(?:[\w\u2019']+\s+){0,2})?$")


def _outside_asides(sentence: str, mentions: list[timex.TimeMention], trigger_at: int) -> list[timex.TimeMention]:
    """The times the sentence tells of its happening: not those in an aside between dashes
    that the trigger is not in (when others remain), nor a named day that only restates the
    one before it."""
    asides = [a.span() for a in _DASH_ASIDE.finditer(sentence) if not a.start() <= trigger_at < a.end()]
    kept = [m for m in mentions if not any(lo <= m.start and m.end <= hi for lo, hi in asides)]
    kept = kept if kept else mentions
    return [m for k, m in enumerate(kept) if not (
        k and m.rule.startswith("holiday:") and kept[k - 1].end <= m.start and not _PREPOSITION.match(m.text)
        and _RESTATED.match(sentence, kept[k - 1].end, m.start))]


def event_date(sentence: str, trigger_at: int, ref: dt.date | None, *, tally: bool, call: bool = False,
               context: str | None = None, period: DateSpan | None = None) -> tuple[DateSpan | None, str]:
    """The time of the event the trigger at `trigger_at` states. `period` is the period the
    report covers (:func:`reporting_period`), for figures "during the reporting period"."""
    if tally and period is not None and _IN_PERIOD.search(sentence):
        return period, f"the report's period ('{_IN_PERIOD.search(sentence).group(0)}')"
    dateline = DATELINE.match(sentence)  # "SITTWE, 20 February 2024 —": when it was filed
    mentions = [m for m in dates_in(sentence, ref, context) if not dateline or m.start >= dateline.end()]
    if tally:  # "more than in the whole first year after the coup", "up from 19 the year before"
        mentions = [m for m in mentions if not _COMPARED.search(sentence[max(0, m.start - 90):m.start])]
    if call:  # a call's time is when it was made; its deadline is not
        mentions = [m for m in mentions if m.kind == "point" and not _DEADLINE.search(sentence[max(0, m.start - 25):m.start])
                    and (ref is None or m.span.end <= ref)]
    elif not tally:  # "the most senior officer to quit since the military seized power": background
        mentions = [m for m in mentions if not (m.anchor and m.kind == "since")]
        who = _WHO_DID.search(sentence, max(0, trigger_at - 20), trigger_at)
        if who is not None:  # "This week we talk to a former captain who left his battalion": the talk's time
            mentions = [m for m in mentions if m.end > who.start() or not _FORMER.search(sentence, m.end, who.start())]
    mentions = _outside_asides(sentence, mentions, trigger_at)
    if not mentions:
        return None, "no time in the sentence"
    def kind(m: timex.TimeMention) -> str:
        lo = max(0, m.start - 80)
        since = _SINCE_BEFORE.search(sentence[lo:m.start])
        # "since the KNDF was formed in May last year" opens a span; "stationed there since
        # 2021 defected on Friday" does not: there the trigger stands between.
        if m.kind == "point" and since and not (lo + since.start() < trigger_at < m.start):
            return "since"
        if m.kind == "point" and _FROM_TO_NOW.match(sentence, m.end) and re.search(r"(?i)\bfrom\s+$", sentence[lo:m.start]):
            return "since"  # "From 7 September 2021 to the date of this statement, 614 ..."
        return m.kind

    if tally:
        joined = _between(sentence, mentions)
        if joined is not None:
            return joined
        # "... said on Wednesday that 112 had defected in the first six months of this year": the
        # figure's period, not the day it was given
        said = [m for m in mentions if told_on(sentence, m.start)
                or _OCCASION.search(sentence[max(0, m.start - 30):m.start])]
        if said and len(said) == len(mentions) and all(kind(m) == "point" for m in said) and ref is not None \
                and not re.search(r"(?i)\bsince\b", sentence) \
                and COUP < (end := min(ref, max(m.span.end for m in said))):
            # "announced in late January that 11,500 had left the junta's ranks", "Ahead of the
            # anniversary of the coup, ...": a running total as of the day it was given
            return DateSpan(start=COUP, end=end, precision="span"), "a running total as of the time it was given"
        ordered = [m for m in mentions if m not in said] + said
        for kinds in (("since",), ("until",), ("duration",), ("point",)):
            for m in ordered:
                if kind(m) in kinds:
                    span = _tally_span(m, ref, kind(m))
                    # "said last month that 17,000 had defected since the takeover": the figure
                    # stands as of the day it was given
                    as_of = [x.span.end for x in said if x is not m and kind(x) == "point" and span.start <= x.span.end < span.end]
                    if kind(m) == "since" and as_of:
                        return DateSpan(start=span.start, end=max(as_of), precision="span"), f"since '{m.text}', as of when it was said"
                    so_far = next((x for x in mentions if kind(x) == "duration" and x.span.start <= span.end), None) \
                        if kind(m) == "until" else None
                    if so_far is not None:  # "so far this year, as of Martyrs' Day": that year's figure as of the day
                        return DateSpan(start=so_far.span.start, end=span.end, precision="span"), \
                            f"'{so_far.text}', as of '{m.text}'"
                    return span, f"{kind(m)} '{m.text}'"
    # "On 14 October, after fighting that began on 11 October, ...": the clause's own time
    m = min(mentions, key=lambda x: (x.kind not in ("point",), bool(_BACKGROUND_TIME.search(sentence[max(0, x.start - 30):x.start])),
                                     abs(x.start - trigger_at)))
    if kind(m) == "since":
        return _tally_span(m, ref, "since"), f"since '{m.text}'"
    return m.span, f"{m.kind} '{m.text}'"


# the period a report covers: "Reporting period: 1 September to 30 November 2023", "Covering:
# January - March 2024", "This update covers the period from 1 July to 31 December 2023"
_PERIOD_LABEL = re.compile(
    r"(?i)\b(?:(?:reporting|coverage|review)\s+period|period\s+(?:covered|under\s+review)|covering|cover(?:s|ed)?\s+the\s+period)"
    r"\s*(?:[:\-\u2013]\s*|\s+)(?:from\s+)?(?P<t>[^\n.;,]{4,80})")
# a figure "during the reporting period", "during the quarter", "in the period covered"
_IN_PERIOD = re.compile(r"(?i)\b(?:during|in|over|within|throughout)\s+(?:the|this)\s+(?:(?:reporting|review)\s+period|"
                        r"period(?:\s+(?:covered|under\s+review))?|quarter)\b")


def reporting_period(text: str, ref: dt.date | None) -> DateSpan | None:
    """The period a report or bulletin says it covers, from its header or introduction."""
    m = _PERIOD_LABEL.search(text[:3000])
    if m is None:
        return None
    # "January - March 2024" is read as the range "from January to March 2024"
    t = "from " + re.sub(r"\s*[\-\u2013\u2014]\s*|\s+(?:to|until|till|through)\s+", " to ", m.group("t").strip(), count=1)
    found = [x for x in dates_in(t, ref) if x.span is not None]
    if not found:
        return None
    return DateSpan(start=min(x.span.start for x in found), end=max(x.span.end for x in found), precision="span")


_BACKGROUND_TIME = re.compile(r"\b(?:that|which)\s+(?:had\s+)?(?:began|begun|started|broke\s+out|erupted|was\s+launched)\s+(?:(?:on|in)\s+)?$",
                              re.IGNORECASE)
_COMPARED = re.compile(r"\b(?:than\s+(?:in|during|at|for|over|the|a|any|last|its|their)\b|compared\s+(?:with|to)|up\s+from|down\s+from|as\s+against)\b[^,;.]{0,40}$"
                       # "the highest monthly number it has reported since the law was activated in February"
                       r"|\b(?:highest|lowest|largest|biggest|smallest|most|fewest)\b[^,;.]{0,80}$", re.IGNORECASE)


def _between(sentence: str, mentions: list[timex.TimeMention]) -> tuple[DateSpan, str] | None:
    """"between the start of Operation 1027 on 27 October and 30 November": two times the
    resolver read apart, joined into one span."""
    for a, b in itertools.combinations(mentions, 2):
        if a.span is None or b.span is None or a.span.start > b.span.end:
            continue
        # ("between Feb. 10, when the law was activated, and the end of last week": a clause set off between)
        if re.search(r"\bbetween\b[^,;.]{0,50}$", sentence[:a.start], re.IGNORECASE) and \
                re.fullmatch(r"\s*(?:,\s*(?:when|as|after|before)\b[^;.]{1,80}?,\s*)?(?:and|to|until)\s*", sentence[a.end:b.start]):
            return DateSpan(start=a.span.start, end=b.span.end, precision="span"), f"between '{a.text}' and '{b.text}'"
    return None


def told_on(sentence: str, at: int) -> bool:
    """Whether the time at `at` is when something was said ("reported on Monday that ...")."""
    return _SAID_ON.search(sentence[max(0, at - 30):at]) is not None


_SAID_ON = re.compile(r"\b(?:said|says|announced|reported|released|published|issued|posted|dated|told\s+(?:[A-Z][\w.]*\s+){1,4})"
                      # "said in a statement on Monday"
                      r"(?:\s+in\s+(?:a|an|its|the|their)\s+(?:[\w-]+\s+)?(?:statement|post|video|release|message|interview|announcement))?\s*$")
# the occasion a figure was given on: "Ahead of the second anniversary of the coup, the ministry announced ..."
_OCCASION = re.compile(r"\b(?:ahead\s+of|on\s+the\s+eve\s+of|to\s+mark|marking)\s*$", re.IGNORECASE)
# "since it launched its offensive, known as Operation 1027, on October 27": a name set off by commas
_SINCE_BEFORE = re.compile(r"\bsince\b[^,;.]{0,70}(?:,\s+(?:known\s+as|dubbed|called|named|code-?named)\s+[^,;.]{1,40},[^,;.]{0,20})?$",
                           re.IGNORECASE)
_FROM_TO_NOW = re.compile(r"(?i)\s*,?\s*(?:to|until|till|up\s+to)\s+(?:the\s+)?(?:date\s+of\s+(?:this|the|our)\s+\w+|present|now|today|this\s+day|date)\b")


def _tally_span(m: timex.TimeMention, ref: dt.date | None, kind: str) -> DateSpan:
    span = m.span
    assert span is not None
    if kind == "since":
        return DateSpan(start=span.start, end=max(span.end, ref or span.end), precision="span")
    if kind == "until":
        return DateSpan(start=min(COUP, span.start), end=span.end, precision="span")
    return span
