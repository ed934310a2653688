#!/usr/bin/env python3
"""Build the gazetteer shipped in ``src/allegiance/normalise/data/gazetteer.json.gz``.

Reads the MIMU P-code tables, the myanmar-geography-json region/district tables and the
GeoNames Myanmar rows under ``shared/data/gazetteer/`` (see its SOURCES.md) and writes one
compact gzip'd JSON file. Run it from the repository root::

    .venv/bin/python scripts/build_gazetteer.py [--src ../shared/data/gazetteer] [--out ...]

The output is deterministic (same input, same bytes), so it can be committed and diffed.

Output layout (``format: 1``)::

    {"format": 1, "built_from": [...], "attribution": "...",
     "columns": ["id", "level", "name", "mm", "alts", "parent", "lat", "lon", "pop", "flags"],
     "entries": [[...], ...]}

* ``id``: the MIMU P-code where there is one; ``ADM1-<Name>`` for the codebook's 15
  states/regions whose MIMU code is split (Bago, Shan); ``GN<geonameid>`` for GeoNames
  places MIMU does not list.
* ``level``: state, state_part (Bago East/West, Shan North/South/East), district (incl.
  self-administered zones/divisions), township (incl. sub-townships), town, village_tract,
  ward.
* ``parent``: id of the enclosing unit; the loader walks it to get admin1/2/3.
* ``lat``/``lon``: given for towns (MIMU) and GeoNames points; computed for states,
  districts and townships (the township seat where it is known, else the mean of the towns
  inside); village tracts have none (the loader falls back on the township).
* ``flags``: ``c`` computed centroid, ``s`` township seat point, ``g`` GeoNames-only
  place whose township is inferred from the nearest MIMU town (approximate), ``i`` inactive
  in MIMU (kept so that old names still resolve).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import math
import re
import sys
from collections import defaultdict
from pathlib import Path

from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SRC = ROOT.parent / "shared" / "data" / "gazetteer"
DEFAULT_OUT = ROOT / "src" / "allegiance" / "normalise" / "data" / "gazetteer.json.gz"

# MIMU state/region P-code -> codebook admin1 spelling (Bago and Shan are split in MIMU).
SR_TO_ADMIN1 = {
    "MMR001": "Kachin", "MMR002": "Kayah", "MMR003": "Kayin", "MMR004": "Chin",
    "MMR005": "Sagaing", "MMR006": "Tanintharyi", "MMR007": "Bago", "MMR008": "Bago",
    "MMR009": "Magway", "MMR010": "Mandalay", "MMR011": "Mon", "MMR012": "Rakhine",
    "MMR013": "Yangon", "MMR014": "Shan", "MMR015": "Shan", "MMR016": "Shan",
    "MMR017": "Ayeyarwady", "MMR018": "Naypyitaw",
}
ADMIN1_ORDER = (
    "Kachin", "Kayah", "Kayin", "Chin", "Sagaing", "Tanintharyi", "Bago", "Magway",
    "Mandalay", "Mon", "Rakhine", "Yangon", "Shan", "Ayeyarwady", "Naypyitaw",
)
SPLIT_STATES = {"Bago": ("MMR007", "MMR008"), "Shan": ("MMR014", "MMR015", "MMR016")}

# English exonyms, colonial and press spellings of the states/regions. The MIMU name, its
# Burmese name and "<name> State/Region" are added automatically.
STATE_ALIASES = {
    "Kachin": [],
    "Kayah": ["Karenni", "Kayah State", "Karenni State"],
    "Kayin": ["Karen", "Karen State", "Kawthoolei", "Kawthulei"],
    "Chin": [],
    "Sagaing": ["Sagaing Division"],
    "Tanintharyi": ["Tenasserim", "Tenasserim Division", "Taninthayi", "Tanintharyi Division"],
    "Bago": ["Pegu", "Pegu Division", "Pegu Region", "Bago Division", "Pegu Yoma"],
    "Magway": ["Magwe", "Magwe Region", "Magwe Division", "Magway Division"],
    "Mandalay": ["Mandalay Division"],
    "Mon": [],
    "Rakhine": ["Arakan", "Arakan State", "Rakhaing"],
    "Yangon": ["Rangoon", "Rangoon Division", "Yangon Division"],
    "Shan": [],
    "Ayeyarwady": ["Irrawaddy", "Irrawaddy Region", "Irrawaddy Division", "Ayeyarwaddy",
                   "Ayeyawady", "Ayeyarwady Delta", "Irrawaddy Delta", "Ayeyarwady Division"],
    "Naypyitaw": ["Nay Pyi Taw", "Naypyidaw", "Nay Pyi Daw", "Naypyitaw Union Territory",
                  "Nay Pyi Taw Union Territory", "Nay Pyi Taw Council Area"],
}
STATE_KIND = {  # "State" for the seven ethnic states, "Region" for the rest
    "Kachin": "State", "Kayah": "State", "Kayin": "State", "Chin": "State", "Mon": "State",
    "Rakhine": "State", "Shan": "State", "Naypyitaw": "Union Territory",
}
STATE_PART_ALIASES = {
    "MMR007": ["East Bago", "Eastern Bago", "Bago East", "Bago (East)", "Eastern Pegu"],
    "MMR008": ["West Bago", "Western Bago", "Bago West", "Bago (West)", "Western Pegu"],
    "MMR014": ["Southern Shan", "South Shan", "Shan South", "Shan (South)",
               "Southern Shan State", "South Shan State"],
    "MMR015": ["Northern Shan", "North Shan", "Shan North", "Shan (North)",
               "Northern Shan State", "North Shan State"],
    "MMR016": ["Eastern Shan", "East Shan", "Shan East", "Shan (East)", "Eastern Shan State",
               "East Shan State"],
}

# Press, colonial and alternative spellings of districts/townships/towns, keyed by the MIMU
# name (without "Town"); applied to every district, township and town of that name (and,
# with "@Admin1", only in that state). GeoNames adds many more automatically.
NAME_ALIASES: dict[str, list[str]] = {
    "Kale": ["Kalay", "Kalemyo", "Kalaymyo", "Kale Myo"],
    "Mogoke": ["Mogok"],
    "Laukkaing": ["Laukkai", "Laukkay", "Laukkaing City"],
    "Mese": ["Me Se", "Meisei", "Mese town"],
    "Hpa-An": ["Pa-an", "Pa-An", "Paan", "Hpa-an", "Hpaan", "Hpa An"],
    "Hpapun": ["Papun", "Hpapun", "Pha Pun", "Phapun"],
    "Dawei": ["Tavoy"],
    "Sittwe": ["Akyab"],
    "Myeik": ["Mergui", "Beik"],
    "Pyay": ["Prome", "Pyi"],
    "Bago@Bago": ["Pegu"],
    "Mawlamyine": ["Moulmein", "Mawlamyaing", "Mawlamyain"],
    "Demoso": ["Demawso", "Dimawso", "Deemawso", "Demawsoe"],
    "Hpruso": ["Hpruhso", "Phruso", "Hpruh So"],
    "Hpasawng": ["Hpasaung", "Phasawng", "Pasawng", "Hpasawng"],
    "Hakha": ["Haka", "Hakka"],
    "Tabayin": ["Depayin", "Dipeyin", "Tabayin", "Depeyin"],
    "Kengtung": ["Kyaingtong", "Keng Tung", "Kyaing Tong", "Kengtong"],
    "Namhkan": ["Namhkam", "Namkham", "Nam Hkam"],
    "Hseni": ["Hsenwi", "Theinni", "Senwi"],
    "Kyaukpyu": ["Kyaukphyu", "Kyauk Phyu"],
    "Taungoo": ["Toungoo", "Taungu", "Taw Oo"],  # Taw Oo: the KNU's name for the district
    "Bhamo": ["Bhamaw", "Banmaw"],
    "Toungup": ["Taungup", "Taunggup", "Taung Gote"],
    "Munaung": ["Manaung", "Cheduba"],
    "Yinmarbin": ["Yinmabin", "Yinmarpin"],
    "Hkamti": ["Khamti", "Homalin Hkamti"],
    "Konkyan": ["Kongyan", "Kone Kyan", "Kunkyan"],
    "Mabein": ["Momeik"],
    "Manton": ["Mantong", "Mantung", "Man Tong"],
    "Loilen": ["Loilem", "Loi Lem", "Loi-lem"],
    "Mongkaing": ["Mongkung", "Mong Kung", "Maingkaing"],
    "Nansang": ["Namsang", "Nam Sang"],
    "Pyinoolwin": ["Pyin Oo Lwin", "Maymyo", "Pyin U Lwin"],
    "Pathein": ["Bassein"],
    "Hinthada": ["Henzada"],
    "Thandwe": ["Sandoway"],
    "Kawthoung": ["Kawthaung", "Victoria Point"],
    "Puta-O": ["Putao", "Puta-o", "Puta O"],
    "Kyainseikgyi": ["Kya-In Seikkyi", "Kyain Seikgyi", "Kya In Seikgyi"],
    "Tanai": ["Hukawng", "Hukawng Valley", "Hugawng", "Danai"],
    "Myawaddy": ["Myawadi", "Myawady", "Myawaddi"],
    "Hpakant": ["Hpakan", "Phakant", "Hpakhant", "Phakant"],
    "Tachileik": ["Tachilek", "Tachilek"],
    "Thandaunggyi": ["Thandaung Gyi", "Thandaung"],
    "Mrauk-U": ["Mrauk U", "Myohaung"],
    "Nyaung-U": ["Nyaung U", "Bagan"],
    "Kyaukse": ["Kyaukse"],
    "Pekon": ["Pekhon", "Phekon"],
    "Seikphyu": ["Seik Phyu"],
    "Thayet": ["Thayetmyo", "Thayet Myo"],
    "Twantay": ["Twante"],
    "Phyu": ["Pyu"],
    "Thayarwady": ["Tharrawaddy", "Tharyarwady"],
    "Martaban": ["Mottama", "Moattama"],
    "Nay Pyi Taw": ["Naypyitaw", "Naypyidaw", "Nay Pyi Daw"],
    "Mandalay": ["Mandalay City"],
    "Yangon": ["Yangon City", "Rangoon"],
    "Hlaingtharya": ["Hlaing Tharyar", "Hlaing Thar Yar", "Hlaingthaya", "Hlaing Thayar"],
    "Shwepyithar": ["Shwe Pyi Thar", "Shwepyitha"],
    "Mingaladon": ["Mingalardon"],
    "Kamaryut": ["Kamayut"],
    "Mayangone": ["Mayangon"],
    "Mingalartaungnyunt": ["Mingala Taungnyunt", "Mingalar Taung Nyunt"],
    "Kyeemyindaing": ["Kyimyindaing", "Kyee Myin Daing"],
    "Thingangyun": ["Thingangkyun", "Thingangyun"],
    "Thanlyin": ["Syriam"],
    "Ayadaw": ["Ayadaw"],
    "Kyunhla": ["Kyun Hla"],
    "Budalin": ["Butalin"],
    "Kanbalu": ["Kantbalu"],
    "Mawlaik": ["Mawleik"],
    "Paletwa": ["Paletwa"],
    "Tedim": ["Tiddim"],
    "Tonzang": ["Tonzang", "Tonzaang"],
    "Thantlang": ["Thantlang", "Thlantlang", "Htantlang"],
    "Matupi": ["Matupi", "Mara"],
    "Kanpetlet": ["Kanpetlet", "Kanpalet"],
    "Hopong": ["Hopone"],
    "Nyaungshwe": ["Yawnghwe", "Nyaung Shwe"],
    "Hsihseng": ["Hsi Hseng", "Si Seng"],
    "Pinlaung": ["Pinlaung"],
    "Muse": ["Mu-se", "Mong Mao"],
    "Chinshwehaw": ["Chin Shwe Haw", "Chinshwehaw Sub-township"],
    "Kutkai": ["Kutkhaing", "Kut Kai"],
    "Namtu": ["Namtu", "Nam Tu"],
    "Nawnghkio": ["Naung Cho", "Nawngcho", "Naungcho"],
    "Kyaukme": ["Kyaukmae"],
    "Mongyawng": ["Mong Yawng"],
    "Mongla": ["Mong La"],
    "Ponnagyun": ["Ponnagyun", "Pon Na Gyun"],
    "Kyauktaw": ["Kyauk Taw"],
    "Buthidaung": ["Buthidaung"],
    "Rathedaung": ["Rathedaung", "Rathedaung"],
    "Waingmaw": ["Waing Maw"],
    "Injangyang": ["Injangyang"],
    "Sumprabum": ["Sumprabum", "Sumprabun"],
    "Myitkyina": ["Myitkyinar"],
    "Thanbyuzayat": ["Thanbyuzayat"],
    "Kyaikmaraw": ["Kyaikmayaw"],
    "Bilin": ["Bilin", "Bee Lin"],
    "Thaton": ["Thaton", "Thahton"],
    "Kawkareik": ["Kawkareik", "Kawkariek"],
    "Hlaingbwe": ["Hlaing Bwe"],
    "Shwegyin": ["Shwekyin"],
    "Kyaukkyi": ["Kyauk Kyi"],
    "Nyaunglebin": ["Nyaunglebin", "Kler Lwee Htoo", "Kler Lwe Htoo"],
    "Magway": ["Magwe"],
    "Gangaw": ["Gangaw"],
    "Pauk": ["Pauk"],
    "Tilin": ["Htilin"],
    "Kani": ["Kani"],
    "Pale": ["Pale"],
    "Monywa": ["Monywa"],
    "Salingyi": ["Salin Gyi"],
    "Tamu": ["Tamu"],
    "Falam": ["Falam"],
    "Mindat": ["Mindat"],
    "Lashio": ["Lashio"],
    "Hsipaw": ["Thibaw", "Thibaw"],
    "Loikaw": ["Loikaw"],
    "Myingyan": ["Myingyan"],
}

# KNU's own district names (roughly matching government districts) and other regional names.
DISTRICT_ALIASES = {
    "MMR003D004": ["Mutraw", "Mutraw District", "Papun District"],          # Hpapun
    "MMR003D003": ["Dooplaya", "Dooplaya District"],                       # Kawkareik
    "MMR003D001": ["Pa-an District", "Hpa-an District"],
    "MMR011D002": ["Doothahtoo", "Doo Tha Htoo", "Thaton District"],
    "MMR007D002": ["Taw Oo", "Taw Oo District", "Toungoo District"],
}

# GeoNames admin1 codes (from geonames_admin1_MM.tsv) -> codebook admin1.
GEONAMES_ADMIN1 = {
    "01": "Rakhine", "02": "Chin", "03": "Ayeyarwady", "04": "Kachin", "05": "Kayin",
    "06": "Kayah", "08": "Mandalay", "10": "Sagaing", "11": "Shan", "12": "Tanintharyi",
    "13": "Mon", "15": "Magway", "16": "Bago", "17": "Yangon", "18": "Naypyitaw",
}

DIRECTIONS = {"north", "south", "east", "west", "middle", "upper", "lower", "seikkan", "central"}


# The spelling key is the package's own, so that the index written here is the one the
# loader would compute.
sys.path.insert(0, str(ROOT / "src"))
from allegiance.normalise.places import KEY_VERSION, Entry, build_index, key  # noqa: E402


def is_latin_name(s: str) -> bool:
    """A usable Latin-script alternate name: capitalised, not a code like TVY, 3+ letters."""
    if len(s) < 3 or not s[0].isupper() or s.isupper():
        return False
    if any(w[:1].islower() for w in s.split()):  # "Mandalay piirkond", "shi dui"
        return False
    for c in s:
        if c.isalpha() and not ("A" <= c <= "z" or 0xC0 <= ord(c) <= 0x24F):
            return False
    return True


def is_burmese(s: str) -> bool:
    return any(0x1000 <= ord(c) <= 0x109F for c in s) and all(
        0x1000 <= ord(c) <= 0x109F or c in " ()-/" or 0xA9E0 <= ord(c) <= 0xAA7F for c in s
    )


def split_name(raw: str, level: str) -> tuple[str, list[str]]:
    """MIMU name -> (display name, alternate names).

    "Bogale Town" -> Bogale; "Ho Tawng (Ho Tao) Town" -> Ho Tawng + [Ho Tao, Ho Tawng (Ho Tao)];
    "Dagon Myothit (East)" keeps its direction and gains "East Dagon Myothit", "East Dagon";
    "Laukkaing (Kokang SAZ)" -> Laukkaing; "Chinshwehaw Sub-township (Kokang SAZ)" ->
    Chinshwehaw + the full form.
    """
    raw = " ".join(raw.split())
    alts: list[str] = []
    name = raw
    if level == "town":
        name = re.sub(r"\s*Town$", "", name).strip()
        if name.endswith(" City"):
            alts.append(name)
            name = name[: -len(" City")]
    # self-administered zone/division markers
    m = re.search(r"\s*\((?:[^()]*\b(?:SAZ|SAD)\b[^()]*)\)\s*$", name)
    if m:
        alts.append(name)
        name = name[: m.start()].strip()
    m = re.match(r"^(.*?)\s*\(Wa SAD\)$", name)
    if m:
        name = m.group(1)
    if name.endswith(" Sub-township"):
        alts.append(name)
        name = name[: -len(" Sub-township")]
    # parenthesised part: a direction qualifies, anything else is an alternative name
    m = re.match(r"^\((.+?)\)\s*(.+)$", name)  # "(Kyun Nyo Gyi) Kyun Hteik"
    if m:
        alts += [name, m.group(1)]
        name = m.group(2)
    m = re.match(r"^(.+?)\s*\((.+?)\)\s*(.*)$", name)
    if m:
        base, inner, rest = m.group(1), m.group(2), m.group(3)
        if inner.casefold() in DIRECTIONS:
            d = inner
            alts += [f"{base} {d}", f"{d} {base}"]
            if base.endswith(" Myothit"):
                alts.append(f"{d} {base[: -len(' Myothit')]}")
            alts.append(f"{base} ({d})")
        else:
            alts.append(name)
            for part in re.split(r"\s*/\s*", inner):
                if part and not part.isdigit() and part.casefold() not in {"a", "upper", "lower"}:
                    alts.append(part)
            name = (base + (" " + rest if rest else "")).strip()
    if "/" in name:
        parts = [p.strip() for p in name.split("/") if p.strip()]
        alts.append(name)
        name = parts[0]
        alts += parts[1:]
    if "-" in name:
        alts.append(name.replace("-", " "))
        alts.append(name.replace("-", ""))
    seen = {key(name)}
    out = []
    for a in alts:
        a = " ".join(a.split())
        k = key(a)
        if a and k and k not in seen:
            seen.add(k)
            out.append(a)
    return name, out


def read_csv(path: Path, delimiter: str = ",") -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return [
            {k.strip(): (v or "").strip() for k, v in row.items() if isinstance(k, str) and isinstance(v, (str, type(None)))}
            for row in csv.DictReader(fh, delimiter=delimiter)
        ]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


class Builder:
    def __init__(self, src: Path) -> None:
        self.src = src
        self.entries: dict[str, dict] = {}

    def add(self, eid: str, level: str, name: str, parent: str | None, *, mm: str = "",
            alts: list[str] | None = None, lat: float | None = None, lon: float | None = None,
            pop: int = 0, flags: str = "") -> dict:
        e = self.entries.get(eid)
        if e is None:
            e = {"id": eid, "level": level, "name": name, "mm": mm, "alts": [], "parent": parent,
                 "lat": lat, "lon": lon, "pop": pop, "flags": flags}
            self.entries[eid] = e
        for a in alts or []:
            self.alias(e, a)
        if mm and not e["mm"]:
            e["mm"] = mm
        return e

    def alias(self, e: dict, a: str) -> None:
        a = " ".join(a.split())
        if not a:
            return
        k = key(a)
        if not k or k == key(e["name"]) or (e["mm"] and a == e["mm"]):
            return
        if all(key(x) != k for x in e["alts"]):
            e["alts"].append(a)

    def admin1(self, e: dict) -> str:
        while e["level"] not in ("state",):
            e = self.entries[e["parent"]]
        return e["name"]

    def ancestor(self, e: dict, level: str) -> dict | None:
        while e is not None and e["level"] != level:
            e = self.entries.get(e["parent"]) if e["parent"] else None
        return e

    # ------------------------------------------------------------------ MIMU hierarchy
    def build_admin(self) -> None:
        regions = read_csv(self.src / "regions.csv")
        sr_mm = {r["SR_Pcode"]: r["SR_Name_MMR"] for r in regions}
        for name in ADMIN1_ORDER:
            codes = SPLIT_STATES.get(name)
            if codes:  # regions.csv gives the whole state's Burmese name under its first code
                eid = f"ADM1-{name}"
                mm = sr_mm.get(codes[0], "")
            else:
                eid = next(c for c, n in SR_TO_ADMIN1.items() if n == name)
                mm = sr_mm.get(eid, "")
            kind = STATE_KIND.get(name, "Region")
            alts = [f"{name} {kind}"] + STATE_ALIASES[name]
            if kind == "State":
                alts += [f"{name} state"]
            else:
                alts += [f"{name} Region", f"{name} Division"]
            # exonym + State (ethnic states) or + Region/Division (regions)
            for ex in STATE_ALIASES[name]:
                if " " not in ex:
                    alts += [f"{ex} State"] if kind == "State" else [f"{ex} Region", f"{ex} Division"]
            if mm:
                alts.append(mm)
                stem = re.sub(r"(ပြည်နယ်|တိုင်းဒေသကြီး)$", "", mm)
                if stem != mm:
                    alts.append(stem)
            self.add(eid, "state", name, None, mm=mm, alts=alts)
        for name, codes in SPLIT_STATES.items():
            for code in codes:
                label = {"MMR007": "Bago (East)", "MMR008": "Bago (West)", "MMR014": "Shan (South)",
                         "MMR015": "Shan (North)", "MMR016": "Shan (East)"}[code]
                self.add(code, "state_part", label, f"ADM1-{name}", alts=STATE_PART_ALIASES[code])

        districts = read_csv(self.src / "districts.csv") + read_csv(self.src / "districts-selfadmin.csv")
        d_mm = {r["District_Pcode"]: r["District_Name_MMR"] for r in districts}

        towns = read_csv(self.src / "pcode9.6_town_data.csv")
        towns_sa = read_csv(self.src / "townships.csv") + read_csv(self.src / "townships-selfadmin.csv")
        vts = read_csv(self.src / "pcode9.6_village_tract_data.csv")
        wards = read_csv(self.src / "pcode9.6_ward_data.csv")

        def ensure_district(r: dict) -> str:
            did = r["District/SAZ_Pcode"]
            if did not in self.entries:
                name, alts = split_name(r["District/SAZ_Name_Eng"], "district")
                mm = d_mm.get(did, "")
                if mm:
                    alts.append(mm)
                    stem = re.sub(r"ခရိုင်$", "", mm)
                    if stem != mm:
                        alts.append(stem)
                if "Self-Administered" in name:
                    short = name.replace(" Self-Administered Zone", "").replace(" Self-Administered Division", "")
                    alts += [short + " SAZ", short + " Self-Administered Zone", short + " zone",
                             short + " Self-Administered Area"]
                self.add(did, "district", name, r["SR_Pcode"] if SR_TO_ADMIN1[r["SR_Pcode"]] in SPLIT_STATES else self.state_id(r["SR_Pcode"]), alts=alts)
            return did

        def ensure_township(r: dict) -> str:
            tid = r["Tsp_Pcode"]
            did = ensure_district(r)
            if tid not in self.entries:
                name, alts = split_name(r["Township_Name_Eng"], "township")
                self.add(tid, "township", name, did, alts=alts)
            return tid

        for r in towns:
            tid = ensure_township(r)
            name, alts = split_name(r["Town_Name_Eng"], "town")
            lat = float(r["Latitude"]) if r.get("Latitude") else None
            lon = float(r["Longitude"]) if r.get("Longitude") else None
            inactive = "Inactive" in (r.get("MIMU_Town_Mapping_Status", ""),)
            if r.get("Town_Name_MMR"):
                alts.append(r["Town_Name_MMR"])
            self.add(r["Town_Pcode"], "town", name, tid, mm=r.get("Town_Name_MMR", ""), alts=alts,
                     lat=lat, lon=lon, flags="i" if inactive else "")
        for r in towns_sa:  # same towns, fills any coordinate gaps
            if r["Town_Pcode"] in self.entries:
                e = self.entries[r["Town_Pcode"]]
                if e["lat"] is None and r.get("Latitude"):
                    e["lat"], e["lon"] = float(r["Latitude"]), float(r["Longitude"])
            else:
                tid = ensure_township(r)
                name, alts = split_name(r["Town_Name_Eng"], "town")
                self.add(r["Town_Pcode"], "town", name, tid, mm=r.get("Town_Name_MMR", ""), alts=alts,
                         lat=float(r["Latitude"]) if r.get("Latitude") else None,
                         lon=float(r["Longitude"]) if r.get("Longitude") else None)
        for r in vts:
            tid = ensure_township(r)
            name, alts = split_name(r["Village_Tract_Name_Eng"], "village_tract")
            prev = r.get("Previous_Village_Tract_Name_Eng", "")
            if prev:
                alts.append(prev)
            inactive = r.get("MIMU_VillageTract_Mapping_Status") == "Inactive"
            self.add(r["VT_Pcode"], "village_tract", name, tid, mm=r.get("Village_Tract_Name_MMR", ""),
                     alts=alts, flags="i" if inactive else "")
        for r in wards:
            tid = ensure_township(r)
            parent = r["Town_Pcode"] if r["Town_Pcode"] in self.entries else tid
            name, alts = split_name(r["Ward_Name_Eng"], "ward")
            # "Myo Ma Ward" -> name "Myo Ma Ward", alt "Myo Ma"
            if name.endswith(" Ward"):
                alts.append(name[: -len(" Ward")])
            self.add(r["Ward_Pcode"], "ward", name, parent, mm=r.get("Ward_Name_MMR", ""), alts=alts)

        # Township names: MIMU writes "Sub-township", and the town of a township is the seat.
        # Add "<name> Township" as an alias-free convenience? No: the resolver strips suffixes.

    def state_id(self, sr: str) -> str:
        name = SR_TO_ADMIN1[sr]
        return f"ADM1-{name}" if name in SPLIT_STATES else sr

    # ------------------------------------------------------------------ aliases
    def add_manual_aliases(self, *, warn: bool = True) -> None:
        by_key: dict[str, list[dict]] = defaultdict(list)
        for e in self.entries.values():
            if e["level"] in ("district", "township", "town"):
                by_key[key(e["name"])].append(e)
        for spec, aliases in NAME_ALIASES.items():
            name, _, state = spec.partition("@")
            hits = [e for e in by_key.get(key(name), []) if not state or self.admin1(e) == state]
            if not hits and warn:
                print(f"warning: alias target {spec!r} not in MIMU data", file=sys.stderr)
            for e in hits:
                for a in aliases:
                    self.alias(e, a)
        for did, aliases in DISTRICT_ALIASES.items():
            for a in aliases:
                self.alias(self.entries[did], a)

    # ------------------------------------------------------------------ GeoNames
    def merge_geonames(self) -> None:
        rows = read_csv(self.src / "geonames_cities500_MM.tsv", delimiter="\t")
        towns = [e for e in self.entries.values() if e["level"] == "town" and e["lat"] is not None]
        town_keys: dict[str, list[dict]] = defaultdict(list)
        for e in self.entries.values():
            if e["level"] in ("town", "township"):
                for n in [e["name"], *e["alts"]]:
                    town_keys[key(n)].append(e)
        vt_keys: dict[tuple[str, str], list[dict]] = defaultdict(list)
        for e in self.entries.values():
            if e["level"] == "village_tract":
                for n in [e["name"], *e["alts"]]:
                    vt_keys[(self.admin1(e), key(n))].append(e)
        ward_keys: dict[tuple[str, str], list[dict]] = defaultdict(list)
        for e in self.entries.values():
            if e["level"] == "ward":
                for n in [e["name"], *e["alts"]]:
                    ward_keys[(self.admin1(e), key(re.sub(r"\s+Ward$", "", n)))].append(e)
        seats = {e["id"]: self.seat(e) for e in self.entries.values() if e["level"] == "township"}

        def township_point(e: dict) -> dict | None:
            while e is not None and e["level"] != "township":
                e = self.entries.get(e["parent"]) if e["parent"] else None
            return seats.get(e["id"]) if e is not None else None

        def near_enough(e: dict, lat: float, lon: float, km: float) -> bool:
            pt = township_point(e)
            return pt is None or haversine_km(lat, lon, pt["lat"], pt["lon"]) < km

        # GeoNames alternates sometimes name another place (Yangon's list holds "Dagon",
        # Naypyidaw's "Pyinmana"): an alternate already used by a different unit is skipped.
        owner: dict[str, set[str]] = defaultdict(set)
        for e in self.entries.values():
            if e["level"] in ("state", "state_part", "district", "township", "town"):
                for n in [e["name"], *e["alts"]]:
                    owner[key(n)].add(e["id"])

        def family(e: dict) -> set[str]:
            out = {e["id"]}
            p = e
            while p["parent"]:
                p = self.entries[p["parent"]]
                out.add(p["id"])
            return out | {c["id"] for c in self.entries.values() if c["parent"] == e["id"]} \
                if e["level"] != "town" else out

        def take(e: dict, names: list[str], lat: float, lon: float, pop: int) -> None:
            if e["lat"] is None:
                e["lat"], e["lon"] = lat, lon
            e["pop"] = max(e["pop"], pop)
            fam = family(e)
            for a in names:
                k = key(a)
                if owner.get(k, set()) - fam:
                    continue
                self.alias(e, a)
                owner[k].add(e["id"])

        n_town = n_fuzzy = n_vt = n_ward = n_new = 0
        for r in sorted(rows, key=lambda r: (-int(r["population"] or 0), r["geonameid"])):
            admin1 = GEONAMES_ADMIN1.get(r["admin1code"])
            lat, lon = float(r["latitude"]), float(r["longitude"])
            pop = int(r["population"] or 0)
            alts_all = [a for a in r["alternatenames"].split(",") if a]
            latin = [r["name"]] + [a for a in alts_all if is_latin_name(a)]
            burmese = [a for a in alts_all if is_burmese(a)]
            burmese = [re.sub(r"မြို့$", "", b) for b in burmese] + burmese
            keys = {key(n) for n in latin}
            # 1. a MIMU town (or township seat) of the same name within 60 km (GeoNames'
            #    admin1 codes are not always right, so the distance decides)
            #    The main name decides first: GeoNames lists "Dagon" among Yangon's alternates.
            best, best_d = None, 1e9
            for ks in ([key(r["name"])], sorted(keys)):
                for k in ks:
                    for e in town_keys.get(k, []):
                        pt = e if e["level"] == "town" else self.seat(e)
                        if pt is None or pt["lat"] is None:
                            continue
                        d = haversine_km(lat, lon, pt["lat"], pt["lon"])
                        if d < best_d:
                            best, best_d = pt, d
                if best is not None and best_d < 60:
                    break
            if best is not None and best_d < 60:
                take(best, latin + burmese, lat, lon, pop)
                n_town += 1
                continue
            # 1b. a MIMU town within 15 km whose name is a near spelling (Twante/Twantay)
            close = [t for t in towns if haversine_km(lat, lon, t["lat"], t["lon"]) < 15]
            fz = [(max(fuzz.ratio(k, key(n)) for k in keys for n in [t["name"], *t["alts"]] if key(n)), t)
                  for t in close]
            fz = [x for x in fz if x[0] >= 85]
            if fz:
                take(max(fz, key=lambda x: x[0])[1], latin + burmese, lat, lon, pop)
                n_fuzzy += 1
                continue
            # 2. a village tract / ward of the same name, unique in the state, in a township
            #    whose seat is nearby: give it the point
            placed = False
            for table, km, counter in ((vt_keys, 60, "vt"), (ward_keys, 25, "ward")):
                hits = {id(e): e for k in keys for e in table.get((admin1 or "", k), [])}
                hits = {i: e for i, e in hits.items() if near_enough(e, lat, lon, km)}
                if len(hits) == 1:
                    e = next(iter(hits.values()))
                    if e["lat"] is None:
                        take(e, latin + burmese, lat, lon, pop)
                        if counter == "vt":
                            n_vt += 1
                        else:
                            n_ward += 1
                        placed = True
                        break
            if placed:
                continue
            # 3. a GeoNames-only place, placed in the township of the nearest MIMU town
            near = min(towns, key=lambda t: haversine_km(lat, lon, t["lat"], t["lon"]))
            name = r["name"]
            e = self.add(f"GN{r['geonameid']}", "town", name, near["parent"], mm=burmese[0] if burmese else "",
                         lat=lat, lon=lon, pop=pop, flags="g")
            take(e, latin[1:] + burmese, lat, lon, pop)
            n_new += 1
        print(f"geonames: {n_town} merged into MIMU towns by name, {n_fuzzy} by near spelling, "
              f"{n_vt} gave points to village tracts, {n_ward} to wards, {n_new} added", file=sys.stderr)

    def seat(self, township: dict) -> dict | None:
        """The township's seat: its town of the same name, else None."""
        k = key(township["name"])
        for e in self._children(township["id"]):
            if e["level"] == "town" and key(e["name"]) == k and e["lat"] is not None:
                return e
        return None

    def _children(self, pid: str) -> list[dict]:
        if not hasattr(self, "_kids"):
            self._kids: dict[str, list[dict]] = defaultdict(list)
            for e in self.entries.values():
                if e["parent"]:
                    self._kids[e["parent"]].append(e)
        return self._kids.get(pid, [])

    # ------------------------------------------------------------------ centroids
    def centroids(self) -> None:
        if hasattr(self, "_kids"):
            del self._kids
        points: dict[str, list[tuple[float, float]]] = defaultdict(list)
        for e in self.entries.values():
            if e["level"] == "town" and e["lat"] is not None and "i" not in e["flags"] and "g" not in e["flags"]:
                p = self.entries.get(e["parent"])
                while p is not None:
                    points[p["id"]].append((e["lat"], e["lon"]))
                    p = self.entries.get(p["parent"]) if p["parent"] else None
        for e in sorted(self.entries.values(), key=lambda e: e["id"]):
            if e["level"] not in ("state", "state_part", "district", "township") or e["lat"] is not None:
                continue
            if e["level"] == "township":
                s = self.seat(e)
                if s is not None:
                    e["lat"], e["lon"], e["flags"] = s["lat"], s["lon"], e["flags"] + "s"
                    continue
            pts = points.get(e["id"])
            if not pts:
                # township without MIMU towns: GeoNames points inside it, else its district's
                gpts = [(c["lat"], c["lon"]) for c in self._children(e["id"]) if c["lat"] is not None]
                pts = gpts
            if pts:
                e["lat"] = sum(p[0] for p in pts) / len(pts)
                e["lon"] = sum(p[1] for p in pts) / len(pts)
                e["flags"] += "c"
        # a unit still without a point (a re-organised zone with no towns listed under it)
        # takes the point of a same-named town in its state, else its parent's
        named_towns: dict[tuple[str, str], dict] = {}
        for e in self.entries.values():
            if e["level"] == "town" and e["lat"] is not None and "g" not in e["flags"]:
                named_towns.setdefault((self.admin1(e), key(e["name"])), e)
        level_order = ("state_part", "district", "township")
        for lvl in level_order:
            for e in sorted(self.entries.values(), key=lambda e: e["id"]):
                if e["level"] != lvl or e["lat"] is not None:
                    continue
                t = named_towns.get((self.admin1(e), key(e["name"])))
                p = t if t is not None else self.entries.get(e["parent"])
                while p is not None and p["lat"] is None:
                    p = self.entries.get(p["parent"]) if p["parent"] else None
                if p is not None:
                    e["lat"], e["lon"], e["flags"] = p["lat"], p["lon"], e["flags"] + "c"

    # ------------------------------------------------------------------ output
    def write(self, out: Path) -> None:
        level_order = {"state": 0, "state_part": 1, "district": 2, "township": 3, "town": 4,
                       "village_tract": 5, "ward": 6}
        rows = []
        for e in sorted(self.entries.values(), key=lambda e: (level_order[e["level"]], e["id"])):
            rows.append([
                e["id"], e["level"], e["name"], e["mm"], e["alts"], e["parent"],
                None if e["lat"] is None else round(e["lat"], 5),
                None if e["lon"] is None else round(e["lon"], 5),
                e["pop"], e["flags"],
            ])
        index = build_index([Entry._make(r) for r in rows])
        doc = {
            "format": 1,
            "key_version": KEY_VERSION,
            "built_from": sorted(p.name for p in self.src.iterdir() if p.suffix in (".csv", ".tsv")),
            "attribution": "Source: MIMU (Myanmar Information Management Unit) P-codes 9.6; "
                           "myanmar-geography-json (MIT); Data: GeoNames (geonames.org), CC BY 4.0. "
                           "See ATTRIBUTION.md.",
            "columns": ["id", "level", "name", "mm", "alts", "parent", "lat", "lon", "pop", "flags"],
            "entries": rows,
            "index": dict(sorted(index.items())),
        }
        raw = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("wb") as fh:
            # mtime=0 and no file name: the same input gives the same bytes
            with gzip.GzipFile(filename="", mode="wb", fileobj=fh, compresslevel=9, mtime=0) as gz:
                gz.write(raw)
        counts = defaultdict(int)
        for e in self.entries.values():
            counts[e["level"]] += 1
        print(f"wrote {out} ({out.stat().st_size / 1024:.0f} KiB gz, {len(raw) / 1024:.0f} KiB raw): "
              + ", ".join(f"{k} {v}" for k, v in sorted(counts.items(), key=lambda kv: level_order[kv[0]])),
              file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--src", type=Path, default=DEFAULT_SRC, help="folder with the source tables")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="gzip'd JSON to write")
    args = ap.parse_args(argv)
    if not (args.src / "pcode9.6_town_data.csv").exists():
        ap.error(f"{args.src} does not hold the gazetteer source tables (see SOURCES.md)")
    b = Builder(args.src)
    b.build_admin()
    b.add_manual_aliases(warn=False)
    b.merge_geonames()
    b.add_manual_aliases()  # again, so that GeoNames-only towns get theirs too
    b.centroids()
    b.write(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
