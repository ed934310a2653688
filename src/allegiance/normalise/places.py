"""Places: the Myanmar gazetteer, place-name resolution and place mentions in text.

The gazetteer (``data/gazetteer.json.gz``, built by ``scripts/build_gazetteer.py`` from MIMU
P-codes 9.6 and GeoNames; see ``data/ATTRIBUTION.md``) holds the 15 states/regions of the
codebook, the five MIMU halves/thirds of Bago and Shan, districts and self-administered
zones, townships, towns, village tracts and wards, each with English, Burmese and
alternative names (colonial and press spellings: Papun, Tavoy, Kalay, Karenni...).

Public API::

    gaz = get_gazetteer()                      # cached; Gazetteer.load() for a fresh one
    gaz.lookup("Kalay")          -> list[Candidate]   # exact/alias first, then fuzzy
    gaz.resolve("Kalay Township", context_admin1={"Sagaing"}) -> models.Place | None
    find_places(text)            -> list[PlaceMention] # with character offsets
    same_place("Papun", "Hpapun Township") -> True
    lookup_places("Hpapun")      -> list[Candidate]   # printable (str(c) is one line)
"""

from __future__ import annotations

import gzip
import json
import logging
import re
import time
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, NamedTuple

from rapidfuzz import fuzz, process

from ..models import ADMIN1, Place

log = logging.getLogger(__name__)

DATA_FILE = "gazetteer.json.gz"

LEVELS = ("country", "state", "state_part", "district", "township", "town", "village_tract", "ward")

# Fuzzy matching on spelling keys (lower case, no spaces or punctuation): rapidfuzz's
# normalised Indel ratio. Tuned in tests/normalise/test_places.py on near misses (Hpapung,
# Myawadi, Kyaukmay, Mandaly accepted; Bangkok, Mizoram, Thailand, China refused).
FUZZY_MIN_LEN = 5
FUZZY_CUTOFF = 86.0
FUZZY_CUTOFF_SHORT = 90.0  # keys of 5-6 letters: one edit is a big share of the word

COUNTRY = "Myanmar"
COUNTRY_NAMES = {
    "myanmar", "burma", "thecountry", "country", "nationwide", "countrywide", "acrossthecountry",
    "acrossmyanmar", "acrossburma", "throughoutthecountry", "throughoutmyanmar", "allovermyanmar",
    "allthecountry", "alloverthecountry", "unionofmyanmar", "republicoftheunionofmyanmar",
    "therepublicoftheunionofmyanmar", "theunionofmyanmar", "unionofburma", "mm", "mmr",
    "မြန်မာ", "မြန်မာနိုင်ငံ",
}

# Words after (or before) a name that say what kind of place it is.
SUFFIX_LEVELS: list[tuple[str, tuple[str, ...]]] = [
    (r"self[- ]administered (?:zone|division|area)|saz|sad", ("district",)),
    (r"sub[- ]?townships?", ("township",)),
    (r"townships?|tsp|twsp", ("township",)),
    (r"village[- ]tracts?|vt", ("village_tract",)),
    (r"villages?|ywa|ywar", ("village_tract", "town")),
    (r"wards?|quarters?", ("ward",)),
    (r"towns?|city|cities|myo|municipality|urban area", ("town",)),
    (r"districts?|khayaing", ("district",)),
    (r"states?|regions?|divisions?|union territory|council area|pyidaungsu", ("state", "state_part")),
]
_SUFFIX_RE = re.compile(
    r"(?:[\s\-]+(?:" + "|".join(p for p, _ in SUFFIX_LEVELS) + r"))+\.?$", re.IGNORECASE
)
_PREFIX_RE = re.compile(
    r"^(?:the\s+)?(?:(town|city|village|village tract|township|district|state|region|ward)\s+of\s+)",
    re.IGNORECASE,
)
_DIRECTION_RE = re.compile(
    r"^(?:the\s+)?(?:northern|southern|eastern|western|central|upper|lower|north|south|east|west|"
    r"north-?eastern|north-?western|south-?eastern|south-?western|northeast|northwest|southeast|"
    r"southwest|rural|urban|downtown|greater|outer|inner)\s+",
    re.IGNORECASE,
)
_POSSESSIVE_RE = re.compile(r"['’]s?$")

# Level preference for settlement names. GeoNames-only places (flag "g") rank after the
# MIMU hierarchy; inactive MIMU units (flag "i") after active ones.
_LEVEL_RANK = {"town": 0, "township": 1, "district": 2, "state": 3, "state_part": 4, "gn_town": 5,
               "village_tract": 6, "ward": 7, "country": 8}

# Person-name particles (Karen, Shan, Mon, Kachin, Chin, Burmese honorifics and ranks): a place
# name right after one of these is part of a person's name (Saw Mahn Mahn, Naw Bu, Sai Kham).
NAME_PARTICLES = {
    "Saw", "Naw", "Sai", "Nang", "Khun", "Mahn", "Padoh", "Padoe", "U", "Daw", "Ko", "Ma", "Maung",
    "Mg", "Nai", "Mi", "Sao", "Nan", "Salai", "Mai", "Nant", "Sayar", "Saya", "Sayama",
    "Bo", "Bogyoke", "Thakin", "Dr", "Dr.", "Gen", "Gen.", "General", "Col", "Col.", "Colonel",
    "Capt", "Capt.", "Captain", "Lt", "Lt.", "Lieutenant", "Maj", "Maj.", "Major", "Sgt", "Sgt.",
    "Sergeant", "Cpl", "Corporal", "Brig", "Brigadier", "Commander", "Mr", "Mr.", "Mrs", "Ms",
    "Pastor", "Rev", "Father", "Sister", "Ashin", "Sayadaw", "Duwa", "Lahpai", "Hkun", "Khu",
    "Kyar", "Ja", "Lt-Col", "Lt-Gen", "Maj-Gen", "Snr-Gen", "Senior",
}
# Burmese given-name syllables: a one-word place name next to one of these (capitalised,
# one space apart) is taken as part of a person's name: "Min Aung Hlaing" is not Hlaing.
NAME_SYLLABLES = {
    "Aung", "Kyaw", "Zaw", "Min", "Win", "Htun", "Tun", "Naing", "Myint", "Soe", "Oo", "Thein",
    "Hla", "Moe", "Thant", "Zin", "Hlaing", "Thu", "Nyein", "Lin", "Khin", "Myo", "Yan", "Htet",
    "Wai", "Phyo", "Paing", "Nyi", "Thura", "Kyi", "Su", "Mya", "Aye", "Nu", "Sein", "Than", "Tin",
    "Swe", "Htay", "Wint", "Lwin", "Chit", "Pyae", "Sone", "Thet", "Ei", "Hnin", "Yu", "Zar",
    "Khaing", "Myat", "Htike", "Hein", "Kaung", "Sithu", "Thiha", "Arkar", "Nay", "Zeyar",
    "Wunna", "Ba", "Hpone", "Zayar", "Suu", "Nyunt", "Myaing", "Maw", "Wah", "Tha",
    "Eh", "Doh", "Poe", "Htoo", "Paw", "Gay", "Lay", "Mu", "Hsa", "Hser", "Klo", "Ler", "Wa",
    "Pyi", "Yar", "Khaung", "Tint", "Thwin", "Hsan", "Yee", "Nwe", "Cho", "Shwe", "Kyaing",
    "Bu", "Kham", "Mahn", "Hsai", "Seng", "Tu", "Reh", "Nyay", "Khu",
}
# Ethnonyms that are also state names (and a few other words): taken as places only with a
# cue ("Karen State", "in Karenni", "northern Shan"), never before an organisation word
# (Karen National Union, Arakan Army, Kachin Independence Army, Karenni State Interim ...).
ETHNONYMS = {
    "karen", "karenni", "kayin", "kayah", "kachin", "chin", "shan", "mon", "rakhine", "arakan",
    "kayan", "burma", "bamar", "irrawaddy", "naga", "wa", "kokang", "palaung", "taang", "pao",
    "lahu", "akha", "danu", "rohingya", "kawthoolei", "mara", "lisu", "rawang", "zomi",
}
ETHNIC_NOUNS = {
    "people", "peoples", "villagers", "refugees", "forces", "troops", "army", "armed", "groups",
    "group", "fighters", "resistance", "community", "communities", "language", "ethnic",
    "civilians", "women", "children", "youth", "leaders", "leader", "politicians", "rebels",
    "rebel", "militia", "militias", "soldiers", "soldier", "insurgents", "organisations",
    "organizations", "activists", "national", "nationals", "man", "men", "woman", "students",
    "families", "family", "culture", "new", "year", "revolution", "revolutionary", "side",
    "armies", "and", "or", "ethnicity", "origin", "descent", "diaspora", "majority", "minority",
    "homeland", "leadership", "spokesperson", "spokesman", "official", "officials", "chief",
    "defence", "defense", "force", "political", "politics", "party", "parties", "media", "news",
    "villages", "village", "resident", "residents", "population", "populations", "staff",
}
# A place name followed by one of these (capitalised) is the first word of an organisation,
# an outlet or a unit name, not a place: Karen National Union, The Irrawaddy, Myanmar Now.
ORG_WORDS = {
    "Army", "Armies", "Interim", "Executive", "Council", "National", "Nationalities", "Union",
    "Front", "Party", "Defence", "Defense", "Force", "Forces", "Progressive", "Liberation",
    "Democratic", "Alliance", "Organisation", "Organization", "Independence", "People", "Women",
    "People’s", "Peoples", "Revolutionary", "Human", "Rights", "Women's", "Women’s", "Youth",
    "Students", "Student", "News", "Times", "Post", "Herald", "Information", "Network", "Agency",
    "Radio", "Television", "TV", "Committee", "Government", "Now", "Today", "Daily", "Weekly",
    "Journal", "Press", "Media", "Tribune", "Chronicle", "Voice", "Monitor", "Watch", "Solidarity",
    "Institute", "Foundation", "Association", "League", "Federation", "Movement", "Coalition",
    "Consultative", "Revolution", "Resistance", "Federal", "Brotherhood", "Baptist", "Ethnic",
    "Special", "Regional", "Military", "Police", "Brigade", "Battalion", "Battalions", "Division",
    "Command", "Operations", "Operation", "Peace", "Development", "Relief", "Health", "Education",
    "Humanitarian", "Administration", "Administrative", "Affairs", "Legislative", "Hluttaw",
    "Parliament", "Assembly", "Ministry", "Unity", "United", "Patriotic", "Public",
}
# Outlets, organisations and fixed phrases whose words include place names.
NOT_PLACES = [
    "The Irrawaddy", "Irrawaddy News", "Myanmar Now", "Frontier Myanmar", "Myanmar Times",
    "Eleven Myanmar", "Global New Light of Myanmar", "New Light of Myanmar", "Mizzima",
    "Democratic Voice of Burma", "Voice of Myanmar", "Burma News International", "Radio Free Asia",
    "Karen News", "Kachin News", "Shan Herald", "Chinland Post", "Kantarawaddy Times",
    "Than Lwin Times", "Mon News", "Karenni News", "Myanmar Pressphoto Agency", "Khit Thit",
    "Western News", "Development Media Group", "Narinjara", "Myanmar Labour News",
    "Burma Campaign", "Myanmar Witness", "Myanmar Peace Monitor", "Burma Human Rights Network",
    "Min Aung Hlaing", "Aung San Suu Kyi", "Aung San", "Zaw Min Tun", "Soe Win", "Win Myint",
    "Myanmar Police Force", "Myanmar Army", "Myanmar army", "Myanmar military",
    "Myanmar National Democratic Alliance Army", "Myanmar Police", "Myanmar's military",
    "Burma Army", "Burmese", "Shan State Army", "Shan State Progressive Party",
    "Restoration Council of Shan State", "Karenni Nationalities Defence Force",
    "Kachin Independence Army", "Kachin Independence Organisation", "Arakan Army",
    "Chin National Front", "Chinland", "Mon State Revolutionary Army",
]
# Common English words (and a few person names) that are also names of towns, townships or
# villages: taken as places only with a cue ("Pale Township", "in Pale", "the town of Muse").
COMMON_WORDS = {
    "pale", "ann", "muse", "ye", "saw", "waw", "man", "pan", "mine", "hope", "kyaw", "lay", "moe",
    "mon", "chin", "shan", "darling", "mara", "ma", "u", "wa", "bo", "ba", "kan", "lin", "min",
    "tin", "than", "tha", "kyi", "phyu", "hlaing", "myo", "oo", "aung", "win", "zaw", "soe",
    "nyaung", "yay", "sin", "naw", "khin", "thu", "sai", "nang", "pyu", "myaing", "maw", "thar",
    "hpa", "ei", "sayar", "kyauk", "mya", "sone", "paing", "naing", "thet", "myothit", "ywathit",
    "zay", "gyi", "pyin", "kone", "taung", "chaung", "inn", "kyun", "ywar", "ywa",
}
COMMON_WORDS_CASED = {"Pale", "Ann", "Muse", "Ye", "Saw", "Waw", "Man", "Pan", "Mine", "Hope", "Lay", "Darling"}
# Capitalised words that may stand right before a place name without making it part of a
# longer (person) name.
_ALLOWED_BEFORE = {
    "In", "At", "From", "Near", "Across", "Outside", "Inside", "Around", "Throughout", "Into", "To",
    "Of", "On", "And", "But", "The", "A", "An", "As", "While", "After", "Before", "During", "Since",
    "When", "Both", "Between", "Beyond", "Like", "Including", "With", "Without", "Northern",
    "Southern", "Eastern", "Western", "Central", "Upper", "Lower", "North", "South", "East", "West",
    "Northeastern", "Northwestern", "Southeastern", "Southwestern", "Rural", "Greater", "Downtown",
    "Via", "Toward", "Towards", "Along", "Over", "Under", "Also", "Meanwhile", "However", "Yet",
    "Where", "Whereas", "Although", "Though", "If", "Because", "Then", "Later", "Earlier",
    "Nearby", "Neighbouring", "Neighboring", "Each", "Every", "All", "Some", "Most",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Last", "This",
    "That", "These", "Those", "Within", "Beside", "Besides", "Against", "Through", "Above", "Below",
    "Per", "For", "By", "Unlike", "Despite", "Regarding", "Amid", "Amidst", "Among", "Amongst",
    "Sources", "Residents", "Locals", "Villagers", "Troops", "Soldiers", "Fighting", "Clashes",
}
_LOCATIVE = {
    "in", "at", "near", "around", "outside", "inside", "from", "into", "to", "toward", "towards",
    "across", "throughout", "of", "via", "within", "through", "reached", "entered", "captured",
    "seized", "northern", "southern", "eastern", "western", "central", "upper", "lower", "and",
    "or", "between", "nearby", "neighbouring", "neighboring", "rural", "on", "attacked",
}
_CUE_BEFORE = {
    ("town", "of"): ("town",), ("city", "of"): ("town",), ("village", "of"): ("village_tract", "town"),
    ("villages", "of"): ("village_tract", "town"), ("township", "of"): ("township",),
    ("tract", "of"): ("village_tract",), ("ward", "of"): ("ward",), ("district", "of"): ("district",),
    ("state", "of"): ("state", "state_part"), ("region", "of"): ("state", "state_part"),
    ("towns", "of"): ("town",), ("townships", "of"): ("township",),
}
# Cue words after a name (lower-cased) -> levels. Two-word cues first.
_CUE_AFTER_2 = {("village", "tract"): ("village_tract",), ("village", "tracts"): ("village_tract",),
                ("union", "territory"): ("state",), ("council", "area"): ("state",),
                ("self", "administered"): ("district",)}
_CUE_AFTER_1 = {
    "township": ("township",), "townships": ("township",), "sub-township": ("township",),
    "town": ("town",), "towns": ("town",), "city": ("town",), "village": ("village_tract", "town"),
    "villages": ("village_tract", "town"), "ward": ("ward",), "wards": ("ward",),
    "quarter": ("ward",), "district": ("district",), "districts": ("district",),
    "state": ("state", "state_part"), "states": ("state", "state_part"),
    "region": ("state", "state_part"), "regions": ("state", "state_part"),
    "division": ("state", "state_part"), "divisions": ("state", "state_part"),
    "delta": ("state",), "saz": ("district",), "sad": ("district",),
}
_PLURAL_CUES = {"townships", "towns", "villages", "wards", "districts", "states", "regions",
                "divisions", "tracts"}

_TOKEN_RE = re.compile(r"[^\W_]+", re.UNICODE)


def key(s: str) -> str:
    """Spelling key: accents off, case folded, all but letters and digits removed.

    ``key("Hpa-An") == key("hpa an") == "hpaan"``. Burmese vowel signs are kept.
    """
    if not s.isascii() and _ACCENTED.search(s):
        s = unicodedata.normalize("NFKD", s)
        s = "".join(c for c in s if not unicodedata.combining(c) or ord(c) > 0x0FFF)
    return _NON_WORD.sub("", s.casefold())


_ACCENTED = re.compile(r"[\u00c0-\u036f\u1e00-\u1eff]")
# everything but letters and digits goes, except Burmese (and Shan/Mon) vowel signs
_NON_WORD = re.compile(r"[^\w\u1000-\u1049\u104c-\u109f\ua9e0-\ua9ff\uaa60-\uaa7f]+|_")


def _ws(s: str) -> str:
    return " ".join(s.split())


# Bump when key() changes: the build stores keys made with it, and a file written with
# another version is re-indexed at load (correct, only slower).
KEY_VERSION = 1


def build_index(entries: Iterable[Entry]) -> dict[str, list[int]]:
    """Spelling key -> positions (in ``entries``) of the entries with that name, alias or
    Burmese name."""
    index: dict[str, list[int]] = {}
    for i, e in enumerate(entries):
        for n in (e.name, *e.alts, e.mm):
            if not n:
                continue
            k = key(n)
            if not k:
                continue
            rows = index.setdefault(k, [])
            if not rows or rows[-1] != i:
                rows.append(i)
    return index


# ---------------------------------------------------------------------------------------------
# data classes
# ---------------------------------------------------------------------------------------------


class Entry(NamedTuple):
    """One gazetteer row (see scripts/build_gazetteer.py for the columns)."""

    id: str
    level: str
    name: str
    mm: str
    alts: list[str]
    parent: str | None
    lat: float | None
    lon: float | None
    pop: int
    flags: str

    @property
    def pcode(self) -> str | None:
        return self.id if self.id.startswith("MMR") else None

    @property
    def geonames_only(self) -> bool:
        return "g" in self.flags

    @property
    def inactive(self) -> bool:
        return "i" in self.flags

    @property
    def rank_level(self) -> str:
        return "gn_town" if self.level == "town" and self.geonames_only else self.level

    def names(self) -> list[str]:
        return [n for n in (self.name, *self.alts, self.mm) if n]


@dataclass(frozen=True)
class Candidate:
    """A gazetteer entry that matched a query, with its hierarchy and coordinates."""

    id: str
    name: str
    level: str
    pcode: str | None
    admin1: str | None
    admin1_pcode: str | None
    admin2: str | None
    admin2_pcode: str | None
    admin3: str | None
    admin3_pcode: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int
    score: float
    matched: str
    burmese: str | None = None
    approximate: bool = False  # GeoNames place whose township is inferred

    def __str__(self) -> str:
        where = " > ".join(x for x in (self.admin1, self.admin2, self.admin3) if x and x != self.name)
        coords = (f"{self.latitude:.4f},{self.longitude:.4f}"
                  if self.latitude is not None and self.longitude is not None else "-")
        mm = f" {self.burmese}" if self.burmese else ""
        return (f"{self.score:5.1f}  {self.name}{mm} [{self.level}] {self.pcode or self.id}"
                f"  {where or '-'}  ({coords}, precision {self.geo_precision})"
                + (f"  matched {self.matched!r}" if key(self.matched) != key(self.name) else ""))

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}

    def to_place(self, name: str | None = None) -> Place:
        return Place(
            name=name if name is not None else self.name,
            admin1=self.admin1,
            admin2=self.admin2,
            admin3=self.admin3,
            pcode=self.pcode,
            latitude=self.latitude,
            longitude=self.longitude,
            geo_precision=self.geo_precision,
        )


@dataclass(frozen=True)
class PlaceMention:
    """A place name found in text. ``text`` = ``source[start:end]`` (name plus any level word
    written after it, e.g. "Kalay Township"); ``name`` is the bare name ("Kalay")."""

    text: str
    start: int
    end: int
    name: str
    level_hint: tuple[str, ...] = ()
    candidate: Candidate | None = None
    place: Place | None = None
    org: bool = False  # the first word(s) of an organisation name: "Kalay PDF"
    candidates: tuple[str, ...] = field(default=(), repr=False)

    @property
    def level(self) -> str | None:
        return self.candidate.level if self.candidate else None

    @property
    def admin1(self) -> str | None:
        return self.place.admin1 if self.place else None


# ---------------------------------------------------------------------------------------------
# the gazetteer
# ---------------------------------------------------------------------------------------------


@dataclass
class _Parsed:
    """A place query taken apart: bare name, level hint, and the direction word dropped."""

    name: str
    levels: tuple[str, ...] = ()
    country: bool = False


def parse_place_name(text: str) -> _Parsed:
    """Strip "the town of", possessives, "Township"/"State"/... suffixes; note the level."""
    s = _ws(text.replace("’", "'"))
    s = s.strip(" ,.;:()[]\"'")
    s = _POSSESSIVE_RE.sub("", s) if re.search(r"\w['’]s?$", s) else s
    levels: tuple[str, ...] = ()
    m = _PREFIX_RE.match(s)
    if m:
        word = m.group(1).lower()
        levels = {"town": ("town",), "city": ("town",), "village": ("village_tract", "town"),
                  "village tract": ("village_tract",), "township": ("township",),
                  "district": ("district",), "state": ("state", "state_part"),
                  "region": ("state", "state_part"), "ward": ("ward",)}[word]
        s = s[m.end():]
    m = _SUFFIX_RE.search(s)
    if m and m.start() > 0:
        suffix = m.group(0).strip(" -.").lower()
        last = re.split(r"[\s\-]+", suffix)
        for pat, lv in SUFFIX_LEVELS:
            if re.fullmatch(pat, suffix, re.IGNORECASE) or re.fullmatch(pat, last[-1], re.IGNORECASE) \
                    or re.fullmatch(pat, " ".join(last[-2:]), re.IGNORECASE):
                levels = levels or lv
                break
        s = s[: m.start()]
    s = s.strip(" ,.;:-")
    # "Myanmar" is the country; "Myanmar Ward" (a ward in Shan) is not
    country = key(text) in COUNTRY_NAMES or (key(s) in COUNTRY_NAMES and not levels)
    return _Parsed(s, levels, country)


class Gazetteer:
    """All places, indexed by spelling key. Build with :meth:`load`."""

    def __init__(self, entries: Iterable[Entry], *, source: str = "",
                 index: dict[str, list[int]] | None = None) -> None:
        self.source = source
        self._rows: list[Entry] = list(entries)
        self.entries: dict[str, Entry] = {e.id: e for e in self._rows}
        if index is None:
            index = build_index(self._rows)
        self._by_key: dict[str, list[int]] = index  # spelling key -> positions in _rows
        self._admin_cache: dict[str, tuple] = {}
        self._fuzzy_keys: list[str] | None = None
        self._text_index: dict[str, list[str]] | None = None
        self._cue_index: dict[str, list[str]] | None = None
        self._max_tokens = 1
        self._states = {e.name: e for e in self.entries.values() if e.level == "state"}
        self._state_keys: dict[str, str] = {}
        for st in self._states.values():
            for n in (st.name, *st.alts, st.mm):
                if n:
                    self._state_keys[key(n)] = st.name
        for e in self.entries.values():
            if e.level == "state_part":
                for n in (e.name, *e.alts):
                    self._state_keys.setdefault(key(n), self.entries[e.parent].name)  # type: ignore[index]
        lats = [s.lat for s in self._states.values() if s.lat is not None]
        lons = [s.lon for s in self._states.values() if s.lon is not None]
        self.country_point = (round(sum(lats) / len(lats), 4), round(sum(lons) / len(lons), 4)) if lats else (None, None)

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, path: str | Path | None = None) -> Gazetteer:
        """Read the gazetteer file shipped in the package (or ``path``)."""
        if path is None:
            ref = resources.files("allegiance.normalise") / "data" / DATA_FILE
            raw = ref.read_bytes()
            source = str(ref)
        else:
            raw = Path(path).read_bytes()
            source = str(path)
        if raw[:2] == b"\x1f\x8b":
            raw = gzip.decompress(raw)
        doc = json.loads(raw)
        if doc.get("format") != 1:
            raise ValueError(f"{source}: unknown gazetteer format {doc.get('format')!r}")
        make = Entry._make
        rows = doc["entries"]
        entries = [make(r) for r in rows]
        # spelling key -> row numbers, written by the build with this module's key()
        index = doc.get("index") if doc.get("key_version") == KEY_VERSION else None
        return cls(entries, source=source, index=index)

    def __len__(self) -> int:
        return len(self.entries)

    # ------------------------------------------------------------------ hierarchy
    def ancestors(self, eid: str) -> list[Entry]:
        out = []
        e = self.entries[eid]
        while e.parent:
            e = self.entries[e.parent]
            out.append(e)
        return out

    def _admin(self, eid: str) -> tuple:
        got = self._admin_cache.get(eid)
        if got is not None:
            return got
        e = self.entries[eid]
        chain = [e, *self.ancestors(eid)]
        state = next((x for x in chain if x.level == "state"), None)
        part = next((x for x in chain if x.level == "state_part"), None)
        district = next((x for x in chain if x.level == "district"), None)
        township = next((x for x in chain if x.level == "township"), None)
        s_pcode = state.pcode if state else None
        if state and s_pcode is None and part is not None:
            s_pcode = part.pcode
        got = (state.name if state else None, s_pcode, district, township)
        self._admin_cache[eid] = got
        return got

    def admin1_of(self, eid: str) -> str | None:
        return self._admin(eid)[0]

    def point_of(self, e: Entry) -> tuple[float | None, float | None, int]:
        """Coordinates and geo_precision (1 point, 2 township, 3 district/state)."""
        if e.level in ("town", "ward", "village_tract") and e.lat is not None:
            return e.lat, e.lon, 1
        if e.level == "township":
            return e.lat, e.lon, 2
        if e.level in ("district", "state", "state_part"):
            return e.lat, e.lon, 3
        # village tract or ward without its own point: the town/township above it
        for a in self.ancestors(e.id):
            if a.lat is not None:
                return a.lat, a.lon, 1 if a.level == "town" else 2 if a.level == "township" else 3
        return None, None, 4

    def candidate(self, eid: str, *, score: float = 100.0, matched: str = "") -> Candidate:
        e = self.entries[eid]
        admin1, admin1_pcode, district, township = self._admin(eid)
        lat, lon, precision = self.point_of(e)
        return Candidate(
            id=e.id, name=e.name, level=e.level, pcode=e.pcode, admin1=admin1,
            admin1_pcode=admin1_pcode,
            admin2=district.name if district else None, admin2_pcode=district.pcode if district else None,
            admin3=township.name if township else None, admin3_pcode=township.pcode if township else None,
            latitude=lat, longitude=lon, geo_precision=precision, score=round(score, 1),
            matched=matched or e.name, burmese=e.mm or None, approximate=e.geonames_only,
        )

    def country_candidate(self, matched: str = COUNTRY) -> Candidate:
        lat, lon = self.country_point
        return Candidate(
            id="MMR", name=COUNTRY, level="country", pcode="MMR", admin1=None, admin1_pcode=None,
            admin2=None, admin2_pcode=None, admin3=None, admin3_pcode=None, latitude=lat,
            longitude=lon, geo_precision=4, score=100.0, matched=matched, burmese="မြန်မာ",
        )

    # ------------------------------------------------------------------ matching
    def exact_ids(self, name: str) -> list[str]:
        """Entry ids whose name, alias or Burmese name has the same spelling key as ``name``."""
        rows = self._rows
        return [rows[i].id for i in self._by_key.get(key(name), ())]

    def _exact(self, written: str, parsed: _Parsed) -> tuple[list[str], tuple[str, ...]]:
        """Exact matches and the level hint: the whole text as a name first ("Shan Ywar" is a
        village, "Yangon Region" an alias of the region; no hint then), else the name without
        its level word, else without a direction word ("northern Kachin")."""
        ids = self.exact_ids(written)
        if ids:
            return ids, ()
        ids = self.exact_ids(parsed.name)
        if not ids:
            d = _DIRECTION_RE.sub("", parsed.name)
            if d != parsed.name:
                ids = self.exact_ids(d)
        return ids, parsed.levels

    def normalise_admin1(self, names: Iterable[str] | None) -> set[str]:
        """Codebook admin1 names for any spellings of states (Karen -> Kayin)."""
        out: set[str] = set()
        for n in names or ():
            if not n:
                continue
            if n in ADMIN1:
                out.add(n)
                continue
            p = parse_place_name(n)
            st = self._state_keys.get(key(p.name)) or self._state_keys.get(key(n))
            if st:
                out.add(st)
        return out

    def _rank(self, ids: list[str], levels: tuple[str, ...], context: set[str]) -> list[str]:
        """Order candidate ids: level hint, context state, level preference, size."""
        if not ids:
            return []
        ents = [self.entries[i] for i in dict.fromkeys(ids)]
        if levels:
            hinted = [e for e in ents if e.level in levels]
            if hinted:
                ents = hinted
        if context:
            inside = [e for e in ents if self.admin1_of(e.id) in context]
            if inside:
                ents = inside
        states = {self.admin1_of(e.id) for e in ents if e.level in ("state", "state_part")}
        if states:
            # a state's own name: the state, unless a settlement of that name lies inside it
            # (Yangon the city in Yangon Region); same-named villages elsewhere do not count
            ents = [e for e in ents if e.level in ("state", "state_part") or
                    (self.admin1_of(e.id) in states and e.level in ("town", "township", "district")
                     and not e.geonames_only)] or ents
        village_hint = "village_tract" in levels

        def sort_key(e: Entry) -> tuple:
            rank = _LEVEL_RANK.get(e.rank_level, 9)
            if village_hint and e.level == "town":
                rank = _LEVEL_RANK["village_tract"] + (0.5 if not e.geonames_only else 0.4)
            return (rank, e.inactive, e.lat is None, -e.pop, "s" not in e.flags, e.id)

        return [e.id for e in sorted(ents, key=sort_key)]

    def _fuzzy(self, qkey: str, limit: int) -> list[tuple[str, float, str]]:
        if len(qkey) < FUZZY_MIN_LEN or not qkey.isascii():
            return []
        if self._fuzzy_keys is None:
            self._fuzzy_keys = [k for k in self._by_key if k.isascii() and len(k) >= FUZZY_MIN_LEN - 1]
        cutoff = FUZZY_CUTOFF_SHORT if len(qkey) <= 6 else FUZZY_CUTOFF
        hits = process.extract(qkey, self._fuzzy_keys, scorer=fuzz.ratio, score_cutoff=cutoff,
                               limit=max(limit * 3, 10))
        out = []
        for k, score, _ in hits:
            for i in self._by_key[k]:
                out.append((self._rows[i].id, float(score), k))
        return out

    def lookup(self, query: str, limit: int = 10, *, context_admin1: set[str] | None = None,
               fuzzy: bool = True) -> list[Candidate]:
        """Candidates for a place name: exact/alias matches first (score 100), then fuzzy ones.

        Suffixes (Township, State, town ...) are stripped and used as a level hint.
        """
        parsed = parse_place_name(query)
        context = self.normalise_admin1(context_admin1)
        out: list[Candidate] = []
        if parsed.country:
            out.append(self.country_candidate(query.strip()))
        ids, levels = self._exact(query, parsed)
        for eid in self._rank(ids, levels, context):
            out.append(self.candidate(eid, matched=query.strip()))
        if fuzzy and len(out) < limit:
            seen = {c.id for c in out}
            fz = self._fuzzy(key(parsed.name), limit)
            by_score: dict[str, tuple[float, str]] = {}
            for eid, score, k in fz:
                if eid not in seen and score > by_score.get(eid, (0.0, ""))[0]:
                    by_score[eid] = (score, k)
            ranked = self._rank(list(by_score), parsed.levels, context)
            order = {eid: i for i, eid in enumerate(ranked)}
            for eid in sorted(by_score, key=lambda i: (-by_score[i][0], order.get(i, 1 << 30))):
                out.append(self.candidate(eid, score=by_score[eid][0], matched=query.strip()))
        return out[:limit]

    def resolve_candidate(self, name: str, *, context_admin1: set[str] | None = None,
                          fuzzy: bool = True) -> Candidate | None:
        """The one best candidate for ``name`` (see :meth:`resolve`)."""
        if not name or not name.strip():
            return None
        parsed = parse_place_name(name)
        if parsed.country:
            return self.country_candidate(name.strip())
        if not parsed.name:
            return None
        context = self.normalise_admin1(context_admin1)
        ids, levels = self._exact(name, parsed)
        if ids:
            return self.candidate(self._rank(ids, levels, context)[0], matched=name.strip())
        if not fuzzy:
            return None
        fz = self._fuzzy(key(parsed.name), 5)
        if not fz:
            return None
        best = max(s for _, s, _ in fz)
        top = [eid for eid, s, _ in fz if s == best]
        return self.candidate(self._rank(top, parsed.levels, context)[0], score=best, matched=name.strip())

    def resolve(self, name: str, *, context_admin1: set[str] | None = None,
                fuzzy: bool = True) -> Place | None:
        """One best place for a written name, as a :class:`models.Place`.

        ``name`` is kept as written (stripped); admin1 is in the codebook's spelling.
        Same-named places are told apart by ``context_admin1`` (states named nearby, any
        spelling), then by level: town > township > district > state for settlement names,
        the state for state names. "Myanmar", "Burma", "the country", "nationwide" give the
        country (admin1 None, geo_precision 4).
        """
        c = self.resolve_candidate(name, context_admin1=context_admin1, fuzzy=fuzzy)
        if c is None:
            return None
        if c.level == "country":
            return Place(name=COUNTRY, admin1=None, pcode=c.pcode, latitude=c.latitude, longitude=c.longitude,
                         geo_precision=4)
        return c.to_place(_ws(name).strip(" ,.;:"))

    # ------------------------------------------------------------------ same place
    def _related_same_name(self, a: str, b: str) -> bool:
        if a == b:
            return True
        ea, eb = self.entries[a], self.entries[b]
        if key(ea.name) != key(eb.name) and not ({key(x) for x in (ea.name, *ea.alts)} & {key(x) for x in (eb.name, *eb.alts)}):
            return False
        return any(x.id == b for x in self.ancestors(a)) or any(x.id == a for x in self.ancestors(b))

    def same_place(self, a: str | None, b: str | None) -> bool:
        if not (a or "").strip() and not (b or "").strip():
            return True
        if not (a or "").strip() or not (b or "").strip():
            return False
        pa, pb = parse_place_name(a), parse_place_name(b)  # type: ignore[arg-type]
        if pa.country or pb.country:
            return pa.country and pb.country
        ka, kb = key(pa.name), key(pb.name)
        if ka and ka == kb:
            return True
        ids_a = self.exact_ids(a) or self.exact_ids(pa.name)  # type: ignore[arg-type]
        ids_b = self.exact_ids(b) or self.exact_ids(pb.name)  # type: ignore[arg-type]
        if not ids_a:
            c = self.resolve_candidate(a)  # type: ignore[arg-type]
            ids_a = [c.id] if c and c.level != "country" else []
        if not ids_b:
            c = self.resolve_candidate(b)  # type: ignore[arg-type]
            ids_b = [c.id] if c and c.level != "country" else []
        if set(ids_a) & set(ids_b):
            return True
        return any(self._related_same_name(x, y) for x in ids_a for y in ids_b)

    # ------------------------------------------------------------------ text
    def _build_text_index(self) -> None:
        """Index for find_places, made from the spelling-key index (no key() calls)."""
        text_index: dict[str, list[str]] = {}
        cue_index: dict[str, list[str]] = {}
        direct_levels = {"state", "state_part", "district", "township", "town"}
        rows = self._rows
        unique_cue: set[str] = set()
        for k, idx in self._by_key.items():
            if len(k) < 2 or not k.isascii() or not k.isalpha() or k.startswith("ward"):
                continue
            direct: list[str] = []
            cue: list[str] = []
            for i in idx:
                e = rows[i]
                if e.level in direct_levels and not (e.geonames_only and e.pop < 5000):
                    # short aliases (GeoNames' "Pye", "Tana") only where they are the name
                    if len(k) >= 4 or key(e.name) == k:
                        direct.append(e.id)
                    continue
                cue.append(e.id)
            if direct:
                text_index[k] = direct
            if cue:
                cue_index[k] = cue
                if len(cue) == 1 and not direct:
                    unique_cue.add(k)
        self._text_index, self._cue_index, self._unique_cue = text_index, cue_index, unique_cue
        self._max_tokens = 7

    def find_places(self, text: str, *, resolve: bool = True, include_org: bool = False) -> list[PlaceMention]:
        """Place mentions in ``text`` with character offsets, longest match first.

        States, districts, townships and towns are found wherever written with a capital;
        village tracts and wards only with a cue ("Natchaung village", "the village of X",
        "X ward") or when multi-word, unique and after "in"/"near"/"at". Name particles
        (Saw, Naw, Sai, U, Daw ...) and Burmese given-name syllables mark person names,
        ethnonyms (Karen, Kachin, Shan ...) count only with a cue, and a name followed by an
        organisation word (Karen National Union, Kalay PDF) is flagged ``org`` and left out
        unless ``include_org``. With ``resolve`` each mention gets a :class:`Place`,
        disambiguated by the states the text names and its unambiguous mentions.
        """
        if self._text_index is None:
            self._build_text_index()
        assert self._text_index is not None and self._cue_index is not None
        toks = [(m.start(), m.end(), m.group(0)) for m in _TOKEN_RE.finditer(text)]
        blocked = _blocked_spans(text)
        n = len(toks)
        raw: list[tuple[int, int, list[str], tuple[str, ...], bool, int, int | None]] = []
        # "nationwide", "across the country" (not "the Nationwide Ceasefire Agreement")
        country: list[tuple[int, int]] = [
            (m.start(), m.end()) for m in _COUNTRY_PHRASE_RE.finditer(text)
            if not (m.group(0)[0].isupper() and re.match(r" [A-Z]", text[m.end():m.end() + 2]))
        ]
        i = 0
        while i < n:
            s0, e0, w0 = toks[i]
            if not w0[0].isupper() or any(a <= s0 < b for a, b in blocked):
                i += 1
                continue
            if w0 in ("Myanmar", "Burma", "MYANMAR", "BURMA"):
                # the country, where the text puts something in it ("in Myanmar", "across
                # Burma"), not the adjective of "Myanmar military"
                prev_w = toks[i - 1][2].lower() if i > 0 else ""
                nxt_w = toks[i + 1][2] if i + 1 < n and text[e0:toks[i + 1][0]] == " " else ""
                if prev_w in _COUNTRY_BEFORE and not (nxt_w[:1].isupper() or nxt_w.lower() in _COUNTRY_NOT_AFTER):
                    country.append((s0, e0))
                i += 1
                continue
            found = None
            for j in range(min(n, i + self._max_tokens), i, -1):
                # tokens i..j-1 joined by single spaces or hyphens, each later word after a
                # space capitalised
                ok = True
                for t in range(i + 1, j):
                    sep = text[toks[t - 1][1]:toks[t][0]]
                    if sep not in (" ", "-", "‐", "–") or (sep == " " and not toks[t][2][0].isupper()):
                        ok = False
                        break
                if not ok:
                    continue
                words = [toks[t][2] for t in range(i, j)]
                k = key("".join(words))
                m_dir = _PAREN_DIRECTION_RE.match(text, toks[j - 1][1])
                if m_dir and key(k + m_dir.group(1)) in self._text_index:
                    # "Dagon Myothit (East)"
                    found = (j, k, self._text_index[key(k + m_dir.group(1))], False, m_dir.end())
                    break
                ids = self._text_index.get(k)
                via_cue = False
                if not ids:
                    ids = self._cue_index.get(k)
                    via_cue = True
                if ids:
                    found = (j, k, ids, via_cue, None)
                    break
            if found is None:
                i += 1
                continue
            j, k, ids, via_cue, end_char = found
            if end_char is not None:
                raw.append((i, j, ids, (), False, j, end_char))
                i = j
                continue
            res = self._judge(text, toks, i, j, k, ids, via_cue)
            if res is None:
                i += 1
                continue
            end_tok, levels, org = res
            # "northern Shan (State)", "Dagon Myothit (East)": a direction that belongs to
            # the name
            if i > 0 and text[toks[i - 1][1]:s0] == " " and toks[i - 1][2].lower() in _DIRECTIONS_WORDS:
                k2 = key(toks[i - 1][2]) + k
                ids2 = self._text_index.get(k2) or self._text_index.get(k2 + "state")
                if ids2:
                    ids = ids2
                    i -= 1
            if org and not include_org:
                i = j
                continue
            raw.append((i, j, ids, levels, org, end_tok, None))
            i = end_tok
        mentions = []
        if country:
            c = self.country_candidate()
            place = Place(name=COUNTRY, admin1=None, pcode=c.pcode, latitude=c.latitude, longitude=c.longitude, geo_precision=4)
            for a, b in country:
                mentions.append(PlaceMention(text=text[a:b], start=a, end=b, name=text[a:b],
                                             level_hint=("country",), candidate=c, place=place))
        for i, j, ids, levels, org, end_tok, end_char in raw:
            start, name_end = toks[i][0], toks[j - 1][1]
            end = toks[end_tok - 1][1]
            if end_char is not None:
                name_end = end = end_char
            mentions.append(PlaceMention(
                text=text[start:end], start=start, end=end, name=text[start:name_end],
                level_hint=levels, org=org, candidates=tuple(dict.fromkeys(ids)),
            ))
        mentions.sort(key=lambda m: m.start)
        # "Kawkareik and Kyainseikgyi townships": the plural cue covers the first name too
        for a in range(len(mentions) - 1):
            m1, m2 = mentions[a], mentions[a + 1]
            between = text[m1.end:m2.start]
            if not m1.level_hint and m2.level_hint and re.fullmatch(r"\s*(?:,|,?\s+and|,?\s+or|&)\s*", between) \
                    and re.search(r"s\b", m2.text[len(m2.name):].strip() or "x"):
                mentions[a] = _replace(m1, level_hint=m2.level_hint)
        if resolve:
            mentions = self._resolve_mentions(mentions)
        return mentions

    def _judge(self, text: str, toks: list, i: int, j: int, k: str, ids: list[str], via_cue: bool):
        """Accept or refuse a candidate span; return (end token, level hint, org) or None."""
        n = len(toks)
        first = toks[i][2]
        words = [toks[t][2] for t in range(i, j)]
        single = j - i == 1
        # all-caps acronyms (KNU, PDF, MOC) are not places; datelines (YANGON) are
        if all(w.isupper() for w in words) and (len(k) < 4 or any(
                self.entries[x].level in ("village_tract", "ward") for x in ids)):
            return None
        # the word before, if one space away
        prev = toks[i - 1][2] if i > 0 and text[toks[i - 1][1]:toks[i][0]] == " " else None
        prev2 = toks[i - 2][2] if prev and i > 1 and text[toks[i - 2][1]:toks[i - 1][0]] == " " else None
        prev_any = toks[i - 1][2].lower() if i > 0 else ""
        nxt = toks[j][2] if j < n and text[toks[j - 1][1]:toks[j][0]] == " " else None
        nxt_sep = text[toks[j - 1][1]:toks[j][0]] if j < n else ""
        # level cue after: "Township", "village tract", "State"
        levels: tuple[str, ...] = ()
        end_tok = j
        if j < n and nxt_sep in (" ", "-"):
            w1 = toks[j][2].lower()
            w2 = toks[j + 1][2].lower() if j + 1 < n and text[toks[j][1]:toks[j + 1][0]] in (" ", "-") else ""
            if (w1, w2) in _CUE_AFTER_2:
                levels, end_tok = _CUE_AFTER_2[(w1, w2)], j + 2
                if w2 == "administered" and j + 2 < n and toks[j + 2][2].lower() in ("zone", "division", "area"):
                    end_tok = j + 3
            elif w1 in _CUE_AFTER_1 and not (w1 == "sub" ):
                levels, end_tok = _CUE_AFTER_1[w1], j + 1
            elif w1 == "sub" and w2 in ("township", "townships"):
                levels, end_tok = ("township",), j + 2
        # cue before: "the town of X", "village of X"
        before_cue: tuple[str, ...] = ()
        if i >= 2:
            w_of = toks[i - 1][2].lower()
            w_kind = toks[i - 2][2].lower()
            if w_of == "of" and (w_kind, "of") in _CUE_BEFORE:
                before_cue = _CUE_BEFORE[(w_kind, "of")]
        levels = levels or before_cue
        has_cue = bool(levels)
        # a cue that fits none of the candidates ("Yaw region" for a village tract named Yaw)
        # does not vouch for a village tract or ward; a direct match keeps it as a mere hint
        # ("Nyaunglebin District": MIMU has no such district, the town is meant)
        if via_cue and levels and not any(self.entries[x].level in levels or
                                          (self.entries[x].level == "town" and "village_tract" in levels)
                                          for x in ids):
            return None
        after_cue = toks[end_tok][2] if end_tok < n and text[toks[end_tok - 1][1]:toks[end_tok][0]] == " " else None
        # organisation: the name (with its cue) is followed by an org word or an acronym
        org = bool(after_cue and (after_cue in ORG_WORDS or (after_cue.isupper() and len(after_cue) >= 2
                                                             and not after_cue.isdigit())))
        # person names: a particle or given-name syllable right before
        if prev in NAME_PARTICLES or (prev2 in NAME_PARTICLES and prev and prev[0].isupper()
                                      and prev not in _ALLOWED_BEFORE):
            return None
        if first in NAME_PARTICLES and nxt and nxt[0].isupper() and not has_cue:
            return None
        if prev and prev[0].isupper() and prev not in _ALLOWED_BEFORE and not prev.isupper():
            # "Min Aung Hlaing", "Tin Min Tun": a capitalised word that is not a place
            if not self._is_place_word(prev):
                return None
        if single and (first in NAME_SYLLABLES or first in NAME_PARTICLES) and not has_cue:
            if (nxt and nxt[0].isupper() and nxt not in ORG_WORDS) or (prev and prev[0].isupper()):
                return None
        kind = k
        is_ethnonym = kind in ETHNONYMS
        needs_context = is_ethnonym or kind in COMMON_WORDS or (single and first in COMMON_WORDS_CASED)
        if needs_context and not has_cue:
            locative = prev_any in _LOCATIVE
            nxt_low = (nxt or "").lower()
            if not locative or (nxt and nxt[0].isupper()) or nxt_low in ETHNIC_NOUNS:
                return None
            if is_ethnonym and prev_any in ("and", "or") and nxt_low in ETHNIC_NOUNS:
                return None
        if is_ethnonym and org:
            return None
        if via_cue:
            # village tracts, wards, small GeoNames places: only with a cue, or multi-word,
            # unique and after a locative word, and not part of a longer capitalised run
            if not has_cue:
                if single or k not in self._unique_cue or prev_any not in _LOCATIVE \
                        or (nxt and nxt[0].isupper()):
                    return None
        return end_tok, levels, org

    def _is_place_word(self, w: str) -> bool:
        assert self._text_index is not None
        k = key(w)
        return k in self._text_index and k not in COMMON_WORDS and w not in NAME_SYLLABLES

    def _resolve_mentions(self, mentions: list[PlaceMention]) -> list[PlaceMention]:
        # context: states named in the text, and the state of every mention whose candidates
        # all lie in one state
        context: set[str] = set()
        for m in mentions:
            st = {self.admin1_of(x) for x in m.candidates}
            levels = {self.entries[x].level for x in m.candidates}
            if len(st) == 1 and (levels & {"state", "state_part"} or len(m.candidates) == 1
                                 or levels <= {"town", "township", "district"}):
                context |= {s for s in st if s}
        out = []
        for m in mentions:
            if m.place is not None:
                out.append(m)
                continue
            ranked = self._rank(list(m.candidates), m.level_hint, context)
            if not ranked:
                out.append(m)
                continue
            c = self.candidate(ranked[0], matched=m.name)
            out.append(_replace(m, candidate=c, place=c.to_place(m.text)))
        return out


def _replace(m: PlaceMention, **kw: Any) -> PlaceMention:
    from dataclasses import replace

    return replace(m, **kw)


_NOT_PLACES_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(NOT_PLACES, key=len, reverse=True))
    + r")(?:['’]s)?\b"
)


_DIRECTIONS_WORDS = {"northern", "southern", "eastern", "western", "north", "south", "east", "west",
                     "upper", "lower", "central"}
_PAREN_DIRECTION_RE = re.compile(r" ?\((East|West|North|South|Seikkan|Middle|Upper|Lower)\)")
_COUNTRY_PHRASE_RE = re.compile(
    r"\b(?:(?:across|throughout|all over|around|all across|nationwide across) the country|nationwide|"
    r"country-?wide|across the nation|throughout the nation)\b",
    re.IGNORECASE,
)
_COUNTRY_BEFORE = {"in", "across", "throughout", "inside", "into", "from", "of", "over", "around", "to",
                   "within", "all", "entire", "whole"}
_COUNTRY_NOT_AFTER = {"military", "army", "junta", "regime", "government", "troops", "soldiers",
                      "police", "officials", "authorities", "forces", "air", "navy", "armed",
                      "people", "nationals", "citizens", "migrants", "workers", "refugees"}


def _blocked_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _NOT_PLACES_RE.finditer(text)]


# ---------------------------------------------------------------------------------------------
# module-level API
# ---------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded once per process."""
    t0 = time.perf_counter()
    g = Gazetteer.load()
    log.debug("gazetteer: %d entries loaded in %.0f ms", len(g), (time.perf_counter() - t0) * 1000)
    return g


def find_places(text: str, *, resolve: bool = True, include_org: bool = False) -> list[PlaceMention]:
    """Place mentions in ``text`` (see :meth:`Gazetteer.find_places`)."""
    return get_gazetteer().find_places(text, resolve=resolve, include_org=include_org)


def resolve_place(name: str, *, context_admin1: set[str] | None = None) -> Place | None:
    """One best :class:`Place` for a written name (see :meth:`Gazetteer.resolve`)."""
    return get_gazetteer().resolve(name, context_admin1=context_admin1)


def lookup_places(query: str, limit: int = 10) -> list[Candidate]:
    """Printable candidates for the CLI: ``for c in lookup_places("Papun"): print(c)``."""
    return get_gazetteer().lookup(query, limit=limit)


@lru_cache(maxsize=65536)
def _same_place_cached(a: str, b: str) -> bool:
    return get_gazetteer().same_place(a, b)


def same_place(a: str | None, b: str | None) -> bool:
    """True when two written place names denote the same place (Papun == Hpapun Township).

    Case-, spacing- and spelling-insensitive: equal after stripping level words; or the same
    gazetteer entry through any alias (Karenni == Kayah State, Kalay == Kale); or a unit and
    the same-named unit inside it (Hpapun town in Hpapun Township).
    """
    a, b = (a or "").strip(), (b or "").strip()
    if a == b:
        return True
    if not a or not b:
        return False
    return _same_place_cached(*sorted((a, b)))


def benchmark_load(repeat: int = 3) -> float:
    """Load the gazetteer ``repeat`` times from disk (no cache); print and return the best
    time in seconds."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        g = Gazetteer.load()
        best = min(best, time.perf_counter() - t0)
    print(f"gazetteer: {len(g)} entries, load {best * 1000:.0f} ms (best of {repeat})")
    return best


__all__ = [
    "KEY_VERSION", "Candidate", "Entry", "Gazetteer", "build_index", "PlaceMention", "benchmark_load", "find_places",
    "get_gazetteer", "key", "lookup_places", "parse_place_name", "resolve_place", "same_place",
]
