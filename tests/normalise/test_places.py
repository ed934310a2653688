"""Gazetteer, place resolution, place mentions and same_place."""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from allegiance.models import ADMIN1, Place
from allegiance.normalise import places as P
from allegiance.normalise.places import (
    Gazetteer,
    find_places,
    get_gazetteer,
    key,
    lookup_places,
    parse_place_name,
    same_place,
)

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "src" / "allegiance" / "normalise" / "data"
SOURCES = REPO.parent / "shared" / "data" / "gazetteer"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return get_gazetteer()


# ------------------------------------------------------------------------------ the data file


def test_levels_and_counts(gaz):
    levels: dict[str, int] = {}
    for e in gaz.entries.values():
        levels[e.level] = levels.get(e.level, 0) + 1
    assert levels["state"] == 15
    assert levels["state_part"] == 5
    assert 70 <= levels["district"] <= 100
    assert 330 <= levels["township"] <= 400
    assert levels["town"] >= 500
    assert levels["village_tract"] >= 13000
    assert levels["ward"] >= 3000


def test_states_are_the_codebook_admin1(gaz):
    assert {e.name for e in gaz.entries.values() if e.level == "state"} == set(ADMIN1)


def test_every_entry_has_a_codebook_state(gaz):
    bad = [e.id for e in gaz.entries.values() if gaz.admin1_of(e.id) not in ADMIN1]
    assert not bad


def test_units_and_towns_have_points(gaz):
    for e in gaz.entries.values():
        if e.level in ("state", "state_part", "district", "township"):
            assert e.lat is not None and e.lon is not None, e
        if e.lat is not None:  # inside Myanmar's bounding box
            assert 9.0 < e.lat < 29.0 and 92.0 < e.lon < 101.5, e


def test_file_is_small_and_attributed():
    f = DATA / "gazetteer.json.gz"
    assert f.stat().st_size < 3 * 1024 * 1024
    doc = json.loads(gzip.decompress(f.read_bytes()))
    assert "MIMU" in doc["attribution"] and "GeoNames" in doc["attribution"]
    text = (DATA / "ATTRIBUTION.md").read_text()
    for needle in ("MIMU", "GeoNames", "CC BY 4.0", "MIT", "myanmar-geography-json"):
        assert needle in text
    assert "MIMU" in (DATA / "README_SECTION.md").read_text()


def test_stored_index_matches_key_function(gaz):
    """The build writes the spelling-key index with places.key(); a stale file would differ."""
    assert P.build_index(gaz._rows) == gaz._by_key


def test_benchmark_load_runs(capsys):
    t = P.benchmark_load(repeat=1)
    assert t > 0
    assert "gazetteer:" in capsys.readouterr().out


@pytest.mark.skipif(not (SOURCES / "pcode9.6_town_data.csv").exists(), reason="shared/data not beside the repo")
def test_shipped_file_is_what_the_build_makes(tmp_path):
    out = tmp_path / "g.json.gz"
    subprocess.run([sys.executable, str(REPO / "scripts" / "build_gazetteer.py"), "--src", str(SOURCES),
                    "--out", str(out)], check=True, capture_output=True)
    assert gzip.decompress(out.read_bytes()) == gzip.decompress((DATA / "gazetteer.json.gz").read_bytes())


# ------------------------------------------------------------------------------ resolve


@pytest.mark.parametrize(
    "written, admin1",
    [
        ("Karen", "Kayin"), ("Karen State", "Kayin"), ("Karenni", "Kayah"), ("Karenni State", "Kayah"),
        ("Arakan", "Rakhine"), ("Arakan State", "Rakhine"), ("Tenasserim", "Tanintharyi"),
        ("Irrawaddy Region", "Ayeyarwady"), ("Irrawaddy", "Ayeyarwady"), ("Pegu Region", "Bago"),
        ("Magwe Region", "Magway"), ("Rangoon", "Yangon"), ("Nay Pyi Taw", "Naypyitaw"),
        ("Naypyidaw", "Naypyitaw"), ("Naypyitaw", "Naypyitaw"), ("northern Shan State", "Shan"),
        ("Shan", "Shan"), ("Kachin", "Kachin"), ("Mon", "Mon"), ("Chin State", "Chin"),
    ],
)
def test_state_exonyms(gaz, written, admin1):
    p = gaz.resolve(written)
    assert p is not None and p.admin1 == admin1
    assert p.name == written  # the name as written


PRESS_PAIRS = [
    ("Kalay", "Kale", "Sagaing"), ("Kalemyo", "Kale", "Sagaing"), ("Mogok", "Mogoke", "Mandalay"),
    ("Laukkai", "Laukkaing", "Shan"), ("Me Se", "Mese", "Kayah"), ("Pa-an", "Hpa-An", "Kayin"),
    ("Hpa-an", "Hpaan", "Kayin"), ("Papun", "Hpapun", "Kayin"), ("Tavoy", "Dawei", "Tanintharyi"),
    ("Akyab", "Sittwe", "Rakhine"), ("Bhamaw", "Bhamo", "Kachin"), ("Banmaw", "Bhamo", "Kachin"), ("Taw Oo", "Taungoo", "Bago"), ("Mergui", "Myeik", "Tanintharyi"), ("Prome", "Pyay", "Bago"),
    ("Pegu", "Bago", "Bago"), ("Moulmein", "Mawlamyine", "Mon"), ("Demawso", "Demoso", "Kayah"),
    ("Haka", "Hakha", "Chin"), ("Depayin", "Tabayin", "Sagaing"), ("Loikaw", "Loikaw", "Kayah"),
    ("Hpruso", "Hpruso", "Kayah"), ("Hpasawng", "Hpasaung", "Kayah"), ("Lashio", "Lashio", "Shan"),
    ("Hsipaw", "Hsipaw", "Shan"), ("Kyaukme", "Kyaukme", "Shan"), ("Myawaddy", "Myawadi", "Kayin"),
    ("Thantlang", "Thantlang", "Chin"), ("Falam", "Falam", "Chin"), ("Mindat", "Mindat", "Chin"),
    ("Kanpetlet", "Kanpetlet", "Chin"), ("Tamu", "Tamu", "Sagaing"), ("Monywa", "Monywa", "Sagaing"),
    ("Pale", "Pale", "Sagaing"), ("Myingyan", "Myingyan", "Mandalay"), ("Gangaw", "Gangaw", "Magway"),
    ("Pauk", "Pauk", "Magway"), ("Kani", "Kani", "Sagaing"), ("Hsenwi", "Hseni", "Shan"),
    ("Kyaukphyu", "Kyaukpyu", "Rakhine"), ("Toungoo", "Taungoo", "Bago"), ("Maymyo", "Pyin Oo Lwin", "Mandalay"),
    ("Kengtung", "Kyaingtong", "Shan"), ("Hukawng", "Tanai", "Kachin"), ("Mutraw", "Hpapun District", "Kayin"),
    ("Dooplaya", "Kawkareik District", "Kayin"), ("Bassein", "Pathein", "Ayeyarwady"),
]


@pytest.mark.parametrize("a, b, admin1", PRESS_PAIRS)
def test_press_spellings_resolve_to_the_same_place(gaz, a, b, admin1):
    pa, pb = gaz.resolve(a), gaz.resolve(b)
    assert pa is not None and pb is not None
    assert pa.admin1 == pb.admin1 == admin1
    assert pa.pcode == pb.pcode
    assert same_place(a, b)


def test_place_fields(gaz):
    p = gaz.resolve("Hpapun")
    assert p == Place(name="Hpapun", admin1="Kayin", admin2="Hpapun", admin3="Hpapun",
                      pcode=p.pcode, latitude=p.latitude, longitude=p.longitude, geo_precision=1)
    assert p.pcode.startswith("MMR003") and len(p.pcode) == 12  # a town P-code
    t = gaz.resolve("Hpapun Township")
    assert t.name == "Hpapun Township" and t.geo_precision == 2 and t.pcode == p.pcode[:9]
    d = gaz.resolve("Hpapun District")
    assert d.geo_precision == 3 and d.admin2 == "Hpapun" and d.admin3 is None
    s = gaz.resolve("Kayin state")
    assert s.name == "Kayin state" and s.admin1 == "Kayin" and s.geo_precision == 3 and s.admin2 is None


@pytest.mark.parametrize(
    "written, level",
    [("Kalay Township", "township"), ("Kalay town", "town"), ("the town of Kalay", "town"),
     ("Kale District", "district"), ("Sagaing Region", "state"), ("Sagaing", "town"),
     ("Sagaing Region's", "state"), ("Hlaing Tharyar Township", "township"),
     ("Kokang Self-Administered Zone", "district"), ("Northern Shan State", "state_part"),
     ("Natchaung village", "village_tract")],
)
def test_level_words(gaz, written, level):
    c = gaz.resolve_candidate(written)
    assert c is not None and c.level == level


def test_parse_place_name():
    assert parse_place_name("Kayin State").name == "Kayin"
    assert parse_place_name("the town of Hpapun").levels == ("town",)
    assert parse_place_name("Kalay Township").levels == ("township",)
    assert parse_place_name("Sagaing Region’s").name == "Sagaing"
    assert parse_place_name("Hpa-an District").name == "Hpa-an"


@pytest.mark.parametrize("written", ["Myanmar", "Burma", "the country", "nationwide", "across the country",
                                     "Union of Myanmar"])
def test_country(gaz, written):
    p = gaz.resolve(written)
    assert p is not None
    assert (p.name, p.admin1, p.geo_precision) == ("Myanmar", None, 4)


def test_level_preference_settlement_then_state(gaz):
    assert gaz.resolve_candidate("Hpapun").level == "town"
    assert gaz.resolve_candidate("Kachin").level == "state"
    y = gaz.resolve_candidate("Yangon")
    assert y.level == "town" and y.admin1 == "Yangon" and y.pcode == "MMR013000777"
    # "Bago" is also a village tract in Sagaing and "Kayin" one in Magway: the state/town wins
    assert gaz.resolve("Bago").admin1 == "Bago"
    assert gaz.resolve("Kayin").admin1 == "Kayin"


@pytest.mark.parametrize("name, a, b", [("Minhla", "Bago", "Magway"), ("Htantabin", "Yangon", "Bago")])
def test_context_disambiguates_same_names(gaz, name, a, b):
    assert gaz.resolve(name, context_admin1={a}).admin1 == a
    assert gaz.resolve(name, context_admin1={b}).admin1 == b
    # any spelling of the state works as context
    assert gaz.resolve(name, context_admin1={f"{b} Region"}).admin1 == b
    assert gaz.resolve(name, context_admin1={"Kachin"}).admin1 in (a, b)  # no candidate there: ignored


def test_context_with_exonyms(gaz):
    assert gaz.normalise_admin1({"Karen", "Pegu Region", "Karenni State", "Mon"}) == {"Kayin", "Bago", "Kayah", "Mon"}


@pytest.mark.parametrize("near_miss, pcode_of",
                         [("Hpapung", "Hpapun"), ("Kyaukmay", "Kyaukme"), ("Mandaly", "Mandalay"),
                          ("Myawwaddy", "Myawaddy"), ("Shwegyinn", "Shwegyin"), ("Monywar", "Monywa")])
def test_fuzzy_accepts_near_misses(gaz, near_miss, pcode_of):
    got = gaz.resolve(near_miss)
    assert got is not None and got.pcode == gaz.resolve(pcode_of).pcode
    c = gaz.lookup(near_miss)[0]
    assert P.FUZZY_CUTOFF <= c.score < 100 or c.score >= P.FUZZY_CUTOFF_SHORT


@pytest.mark.parametrize("far", ["Bangkok", "Thailand", "Mizoram", "China", "Kunming", "Dhaka", "Chiang Mai",
                                 "Ruili", "Manipur", "London", "Washington", "Democracy", "Ceasefire"])
def test_fuzzy_refuses_far_names(gaz, far):
    assert gaz.resolve(far) is None


def test_lookup_exact_first_and_printable(gaz):
    cands = lookup_places("Hpapun")
    assert [c.level for c in cands[:3]] == ["town", "township", "district"]
    assert all(c.score == 100 for c in cands[:3])
    line = str(cands[0])
    assert "Hpapun" in line and "MMR003" in line and "Kayin" in line
    assert cands[0].to_dict()["admin1"] == "Kayin"
    assert lookup_places("zzzzqqq") == []


def test_burmese_names(gaz):
    assert gaz.resolve("ဖာပွန်").admin1 == "Kayin"
    assert gaz.resolve("ကရင်ပြည်နယ်").admin1 == "Kayin"


# ------------------------------------------------------------------------------ properties

_MIMU_ALIAS_PAIRS: list[tuple[str, str]] | None = None


def _alias_pairs() -> list[tuple[str, str]]:
    global _MIMU_ALIAS_PAIRS
    if _MIMU_ALIAS_PAIRS is None:
        g = get_gazetteer()
        pairs = []
        for e in g.entries.values():
            for n in (e.name, *e.alts):
                # "Myanmar" (a village tract's alias) means the country when written alone
                if n and n.isascii() and key(n) and key(n) not in P.COUNTRY_NAMES:
                    pairs.append((e.id, n))
        _MIMU_ALIAS_PAIRS = sorted(pairs)
    return _MIMU_ALIAS_PAIRS


def _vary(name: str, data) -> str:
    """Case and spacing variations a writer might use."""
    mode = data.draw(st.sampled_from(["upper", "lower", "title", "same", "spaces", "hyphen"]))
    if mode == "upper":
        name = name.upper()
    elif mode == "lower":
        name = name.lower()
    elif mode == "title":
        name = name.title()
    elif mode == "spaces":
        name = "  " + re.sub(r" ", "   ", name) + " "
    elif mode == "hyphen":
        name = name.replace(" ", "-")
    return name


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.data())
def test_any_alias_finds_its_entry(data):
    g = get_gazetteer()
    eid, alias = data.draw(st.sampled_from(_alias_pairs()))
    written = _vary(alias, data)
    assert eid in g.exact_ids(written)
    assert same_place(written, g.entries[eid].name)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.data())
def test_any_alias_resolves_back_with_its_state_as_context(data):
    g = get_gazetteer()
    eid, alias = data.draw(st.sampled_from(_alias_pairs()))
    e = g.entries[eid]
    admin1 = g.admin1_of(eid)
    written = _vary(alias, data)
    c = g.resolve_candidate(written, context_admin1={admin1}, fuzzy=False)
    assert c is not None and c.admin1 == admin1
    if len(g._by_key[key(alias)]) == 1:  # a name only this entry has
        assert c.id == eid
    elif e.level in ("district", "township", "town") and not e.geonames_only:
        # several entries share the name: resolving with the right state and level word
        # lands on this entry or a same-named unit above/below it
        word = {"district": "District", "township": "Township", "town": "town"}[e.level]
        c2 = g.resolve_candidate(f"{written} {word}", context_admin1={admin1}, fuzzy=False)
        assert c2.admin1 == admin1
        assert c2.id == eid or key(c2.name) == key(e.name) or same_place(c2.name, e.name) or \
            g._related_same_name(c2.id, eid) or c2.level == e.level


@settings(max_examples=200, deadline=None)
@given(st.sampled_from([n for a, b, _ in PRESS_PAIRS for n in (a, b)]), st.data())
def test_same_place_ignores_case_and_spacing(name, data):
    assert same_place(name, _vary(name, data))
    assert same_place(_vary(name, data), _vary(name, data))


# ------------------------------------------------------------------------------ same_place


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("Papun", "Hpapun Township", True), ("Hpapun", "Hpapun town", True), ("Papun", "Hpapun", True),
        ("Karenni State", "Kayah", True), ("Karenni", "Kayah State", True), ("Yangon", "Yangon Region", True),
        ("Kalay", "Kale Township", True), ("Kalay Township", "Kalemyo", True), ("Myanmar", "Burma", True),
        ("Kayin state", "Karen State", True), ("HPAPUN", "hpapun", True), ("Hpa-an", "Hpa An", True),
        ("Hpapun", "Hpa-an", False), ("Mandalay", "Sagaing", False), ("Kachin State", "Myitkyina", False),
        ("Myanmar", "Yangon", False), ("Kalay", "Tamu", False), (None, None, True), ("", None, True),
        ("Hpapun", None, False), ("Hukawng", "Tanai Township", True), ("Mutraw District", "Hpapun District", True),
    ],
)
def test_same_place(a, b, same):
    assert same_place(a, b) is same
    assert same_place(b, a) is same


# ------------------------------------------------------------------------------ find_places


def _found(text: str) -> list[tuple[str, str | None]]:
    out = []
    for m in find_places(text):
        assert text[m.start:m.end] == m.text
        out.append((m.text, m.admin1))
    return out


def test_find_places_offsets_and_context():
    text = "defected to KNU Brigade 5 in the town of Hpapun in Kayin state, according to KNU spokesperson Padoh Saw Mahn Mahn."
    ms = find_places(text)
    assert [(m.text, m.admin1) for m in ms] == [("Hpapun", "Kayin"), ("Kayin state", "Kayin")]
    assert ms[0].level_hint == ("town",) and ms[0].place.geo_precision == 1
    assert ms[1].name == "Kayin" and ms[1].level == "state"


@pytest.mark.parametrize(
    "text",
    ["according to KNU spokesperson Padoh Saw Mahn Mahn.", "Naw Bu said the villagers fled.",
     "Sai Kham, a resident, said.", "Senior General Min Aung Hlaing said.", "Tin Min Tun, an acting major",
     "Saw Eh Doh Poe told Karen News", "Bo Thar Gyi told The Irrawaddy.", "Nang Mo said it", "U Kyaw Min said",
     "Daw Aung San Suu Kyi", "They looked pale and tired.", "Ann said the Muse of history", "Myanmar Now reported",
     "the Myanmar military", "the Karen National Union and Karen people", "the Arakan Army seized",
     "the Kachin Independence Army (KIA)", "Chin National Front", "Mon villagers", "KNU Brigade 5",
     "Light Infantry Battalion 402", "the Nationwide Ceasefire Agreement"],
)
def test_not_places(text):
    assert _found(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The soldiers arrived in Pale on Monday.", [("Pale", "Sagaing")]),
        ("Pale Township was shelled.", [("Pale Township", "Sagaing")]),
        ("fighting in Saw Township", [("Saw Township", "Magway")]),
        ("fled to Karen State", [("Karen State", "Kayin")]),
        ("in Karenni", [("Karenni", "Kayah")]),
        ("in northern Shan", [("northern Shan", "Shan")]),
        ("across Rakhine", [("Rakhine", "Rakhine")]),
        ("the Irrawaddy Region", [("Irrawaddy Region", "Ayeyarwady")]),
        ("in Myanmar", [("Myanmar", None)]),
        ("near Natchaung village", [("Natchaung village", "Sagaing")]),
        ("the Kalay-Tamu road", [("Kalay", "Sagaing"), ("Tamu", "Sagaing")]),
        ("in Dagon Myothit (East)", [("Dagon Myothit (East)", "Yangon")]),
        ("YANGON — Police said", [("YANGON", "Yangon")]),
        ("Sagaing Region's Kalay Township", [("Sagaing Region", "Sagaing"), ("Kalay Township", "Sagaing")]),
        ("protests across the country", [("across the country", None)]),
    ],
)
def test_places_found(text, expected):
    assert _found(text) == expected


def test_plural_level_word_covers_both_names():
    ms = find_places("villagers from Kawkareik and Kyainseikgyi townships")
    assert [m.level for m in ms] == ["township", "township"]


def test_org_names_are_flagged_not_dropped_on_request():
    text = "the Kalay PDF said"
    assert find_places(text) == []
    ms = find_places(text, include_org=True)
    assert [(m.name, m.org) for m in ms] == [("Kalay", True)]


def test_text_context_disambiguates():
    ms = find_places("Troops left Minhla, a town in Magway Region, on Friday.")
    assert [(m.name, m.admin1) for m in ms] == [("Minhla", "Magway"), ("Magway Region", "Magway")]
    ms = find_places("Troops left Minhla in Bago Region on Friday.")
    assert ms[0].admin1 == "Bago"


def test_find_places_on_the_seed_articles():
    seeds = REPO.parent / "shared" / "seeds"
    if not seeds.exists():
        pytest.skip("shared/seeds not beside the repo")
    text = (seeds / "002_fa0faf298b5d84ef.txt").read_text()
    names = [m.name for m in find_places(text)]
    for n in ("Dawei", "Hpapun", "Kayin", "Yangon", "Mandalay"):
        assert n in names
    assert not any("Mahn" in n or n == "Saw" for n in names)


def test_country_name_with_a_level_word_is_not_the_country(gaz):
    p = gaz.resolve("Myanmar Ward")
    assert p is not None and p.admin1 == "Shan" and p.geo_precision in (1, 2)
