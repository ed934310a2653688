"""Actor registry, actor mentions and regime unit parsing."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from allegiance.models import CANONICAL_ACTORS
from allegiance.normalise import actors as A
from allegiance.normalise.actors import (
    ActorRegistry,
    Unit,
    find_actors,
    get_registry,
    lookup_actors,
    norm,
    parse_unit,
    parse_units,
)

DATA = Path(A.__file__).parent / "data" / "actors.json"


@pytest.fixture(scope="module")
def reg() -> ActorRegistry:
    return get_registry()


# ------------------------------------------------------------------------------ the registry


def test_every_codebook_actor_is_there(reg):
    for cid in CANONICAL_ACTORS:
        a = reg.get(cid)
        assert a is not None and a.canonical == cid and a.in_codebook


def test_registry_is_well_formed(reg):
    doc = json.loads(DATA.read_text(encoding="utf-8"))
    ids = [d["id"] for d in doc["actors"]]
    assert len(ids) == len(set(ids))
    for a in reg:
        assert a.side in A.SIDES
        assert a.parent is None or reg.get(a.parent) is not None
        assert a.canonical is None or a.canonical in CANONICAL_ACTORS
        if a.founded:
            assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", a.founded), a
    # every registry entry reaches a codebook id (the registry only holds codebook actors and
    # what belongs to them)
    assert all(a.canonical for a in reg)


def test_no_alias_names_two_actors(reg):
    seen: dict[str, str] = {}
    clashes = []
    for a in reg:
        for n in (a.name, *a.names, *a.typos):
            k = norm(n)
            if k in seen and seen[k] != a.id:
                clashes.append((n, seen[k], a.id))
            seen.setdefault(k, a.id)
    assert not clashes


@pytest.mark.parametrize("aid, date", [("NUG", "2021-04-16"), ("KNDF", "2021-05-31"), ("KARENNI-IEC", "2023-06"),
                                       ("PEOPLES-EMBRACE", "2021-12"), ("PDF", "2021-05-05"), ("KNU", "1947-02-05")])
def test_founding_dates(reg, aid, date):
    assert reg.get(aid).founded == date


def test_sides(reg):
    assert reg.get("TATMADAW").side == "regime"
    assert reg.get("BGF").side == "regime"
    assert reg.get("KNU").side == "resistance"
    assert reg.get("CDM").side == "civilian"
    assert reg.get("UWSA").side == "neutral"  # a ceasefire group: neither side


def test_benchmark_load_runs(capsys):
    assert A.benchmark_load(repeat=1) > 0
    assert "actor registry:" in capsys.readouterr().out


# ------------------------------------------------------------------------------ resolve


@pytest.mark.parametrize(
    "name, canonical",
    [
        ("KNU Brigade 5", "KNU"), ("KNLA", "KNU"), ("Karen National Liberation Army", "KNU"),
        # the press's epithets for a group, and a local defence force's abbreviation
        ("the Arakan group", "AA"), ("the Ta'ang group", "TNLA"), ("Kokang rebels", "MNDAA"),
        ("Kachin rebels", "KIO"), ("Karen armed group", "KNU"), ("LDF", "PDF"), ("the Karenni forces", "KNDF"),
        ("KNLA's 6th Brigade", "KNU"), ("Brigade 7 of the KNU", "KNU"), ("KIA", "KIO"),
        ("Kachin Independence Army", "KIO"), ("KIA Brigade 3", "KIO"), ("Karenni Army", "KNPP"),
        ("Mandalay PDF", "PDF"), ("Kyaukse PDF", "PDF"), ("Sagaing People's Defence Force", "PDF"),
        ("Myaing People’s Defense Force", "PDF"), ("Yaw Defence Force", "PDF"), ("PDF", "PDF"),
        ("People's Defense Force", "PDF"), ("People’s Defence Force", "PDF"), ("NUG Ministry of Defence", "NUG-MOD"),
        ("NUG's defence ministry", "NUG-MOD"), ("NUG Ministry of Foreign Affairs", "NUG"), ("CRPH", "NUG"),
        ("People's Goal", "PEOPLES-BOSOM"), ("People's Soldiers", "PEOPLES-BOSOM"),
        ("People's Embrace", "PEOPLES-EMBRACE"), ("Peoples Embrace", "PEOPLES-EMBRACE"),
        ("People’s Embrace", "PEOPLES-EMBRACE"), ("SAC", "TATMADAW"), ("State Administration Council", "TATMADAW"),
        ("Military Council", "TATMADAW"), ("junta", "TATMADAW"), ("regime", "TATMADAW"), ("Tatmadaw", "TATMADAW"),
        ("Myanmar army", "TATMADAW"), ("military", "TATMADAW"), ("Pyu Saw Htee", "TATMADAW"),
        ("Myanmar Police Force", "MPF"), ("police", "MPF"), ("Civil Disobedience Movement", "CDM"), ("CDM", "CDM"),
        ("Police CDM page", "POLICE-CDM-CHANNEL"), ("KPNLF", "KNPLF"), ("KNPLF", "KNPLF"),
        ("Karenni Nationalities Defense Force", "KNDF"), ("Karenni Nationalities Defence Force", "KNDF"),
        ("Karenni National Defence Force", "KNDF"), ("Karenni State Interim Executive Council", "KARENNI-IEC"),
        ("Border Guard Force", "BGF"), ("Arakan Army", "AA"), ("ULA", "AA"), ("Ta'ang National Liberation Army", "TNLA"),
        ("Myanmar National Democratic Alliance Army", "MNDAA"), ("Three Brotherhood Alliance", "BROTHERHOOD-ALLIANCE"),
        ("Chin National Front", "CNF"), ("CNA", "CNF"), ("Chinland Defense Force", "CNF"), ("NUCC", "NCC"),
        ("local resistance group", "UNKNOWN-RESISTANCE"), ("resistance forces", "UNKNOWN-RESISTANCE"),
        # a named local force outside the registry is one of the codebook's "local resistance forces"
        ("Pa-O National Defence Force", "PDF"), ("Madaya-Singu Revolution Force", "PDF"), ("Myaung Guerrilla Force", "PDF"),
        ("KIO", "KIO"), ("the KNU", "KNU"),
        ("ကရင်အမျိုးသားအစည်းအရုံး", "KNU"), ("တပ်မတော်", "TATMADAW"),
        # wire copy names armed groups by their people: "ethnic Karen insurgents", "Kachin guerrillas"
        ("Karen insurgents", "KNU"), ("Kachin guerrillas", "KIO"), ("Arakan rebels", "AA"), ("Kokang rebels", "MNDAA"),
        ("Ta'ang rebels", "TNLA"),
        # beyond the codebook's list
        ("Chin Brotherhood", "CHIN-BROTHERHOOD"), ("Pa-O National Liberation Army", "PNLA"), ("PNLO", "PNLA"),
        ("Danu People's Liberation Army", "DPLA"), ("Democratic Karen Buddhist Army", "DKBA"), ("SSA-N", "SSPP"),
        ("Shan State Army-South", "RCSS"), ("United Wa State Army", "UWSA"),
    ],
)
def test_canonical(reg, name, canonical):
    assert reg.canonical(name) == canonical


@pytest.mark.parametrize("name", ["the movement", "movement", "", "   ", "Myanmar Now", "The Irrawaddy",
                                  "National League for Democracy", "Union Solidarity and Development Party"])
def test_not_actors(reg, name):
    assert reg.resolve(name) is None


@pytest.mark.parametrize(
    "typo, expected",
    [("Karen National Unoin", "KNU"), ("Kachin Independance Army", "KIA"), ("National Unity Govermnent", "NUG"),
     ("Karenni Nationalites Defence Force", "KNDF"), ("Arakan Amry", "AA"), ("Peoples Defence Forse", "PDF"),
     ("Civil Disobediance Movement", "CDM")],
)
def test_fuzzy_accepts_typos(reg, typo, expected):
    c = reg.resolve_candidate(typo)
    assert c is not None and c.actor.id == expected and c.how == "fuzzy" and c.score >= A.FUZZY_CUTOFF


@pytest.mark.parametrize(
    "other",
    ["Karen National Party", "National League for Democracy", "Kachin National Party", "Chin National Party",
     "Shan State Army", "Arakan National Party", "Karen National Defence Party", "Myanmar National Democratic Party",
     "Karen Peace Council", "National Unity Party", "Kachin Independence Party"],
)
def test_fuzzy_refuses_other_organisations(reg, other):
    c = reg.resolve_candidate(other)
    assert c is None or c.how not in ("fuzzy", "alias"), c


def _aliases() -> list[tuple[str, str, bool]]:
    out = []
    for a in get_registry():
        for n in (a.name, *a.names, *a.typos):
            out.append((a.id, n, False))
        for ab in a.abbreviations:
            out.append((a.id, ab, True))
    return sorted(out)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_aliases()), st.data())
def test_any_alias_resolves_to_its_actor(alias, data):
    aid, name, is_abbr = alias
    reg = get_registry()
    if not is_abbr:
        mode = data.draw(st.sampled_from(["same", "upper", "lower", "title", "curly", "spaces", "the"]))
        if mode == "upper":
            name = name.upper()
        elif mode == "lower":
            name = name.lower()
        elif mode == "title":
            name = name.title()
        elif mode == "curly":
            name = name.replace("'", "’")
        elif mode == "spaces":
            name = "  " + name.replace(" ", "   ") + " "
        elif mode == "the" and not name.lower().startswith("the "):
            name = "the " + name
    got = reg.resolve(name)
    assert got is not None and got.canonical == reg.get(aid).canonical, (name, aid, got)


def test_lookup_actors_printable():
    cands = lookup_actors("KNDF")
    assert cands[0].id == "KNDF" and cands[0].score == 100
    line = str(cands[0])
    assert "KNDF" in line and "Karenni Nationalities Defence Force" in line and "2021-05-31" in line
    assert str(lookup_actors("KNLA")[0]).startswith("100.0  KNLA -> KNU")


# ------------------------------------------------------------------------------ find_actors


def _found(text: str) -> list[tuple[str, str]]:
    out = []
    for m in find_actors(text):
        assert text[m.start:m.end] == m.text
        out.append((m.text, m.canonical))
    return out


def test_longest_match_first():
    text = ("The soldiers, from Light Infantry Battalions 402 and 403, based in Dawei, defected to KNU Brigade 5 "
            "in the town of Hpapun, according to KNU spokesperson Padoh Saw Mahn Mahn.")
    ms = find_actors(text)
    assert [(m.text, m.actor_id, m.canonical, m.how) for m in ms] == [
        ("Light Infantry Battalions 402 and 403", "TATMADAW", "TATMADAW", "unit"),
        ("KNU Brigade 5", "KNLA-BDE-5", "KNU", "brigade"),
        ("KNU", "KNU", "KNU", "abbreviation"),
    ]
    assert ms[1].number == 5


@pytest.mark.parametrize(
    "text, expected",
    [
        ("turned themselves over to the Karen National Liberation Army's 6th Brigade",
         [("Karen National Liberation Army's 6th Brigade", "KNU")]),
        ("People’s Embrace, a group that helps soldiers", [("People’s Embrace", "PEOPLES-EMBRACE")]),
        ("the Karenni Nationalities Defense Force (KNDF) said",
         [("Karenni Nationalities Defense Force", "KNDF"), ("KNDF", "KNDF")]),
        ("the KPNLF joined", [("KPNLF", "KNPLF")]),
        ("the Kalay PDF said", [("Kalay PDF", "PDF")]),
        ("the Myingyan People's Defence Force said", [("Myingyan People's Defence Force", "PDF")]),
        ("the Kyaukse PDF", [("Kyaukse PDF", "PDF")]),
        ("the Lay Kay Defence Force said", [("Lay Kay Defence Force", "PDF")]),
        ("surrendered to local resistance forces on Tuesday", [("local resistance forces", "UNKNOWN-RESISTANCE")]),
        ("The Police CDM page said", [("Police CDM page", "POLICE-CDM-CHANNEL")]),
        ("the military council said", [("military council", "TATMADAW")]),
        ("the KNU's spokesman", [("KNU", "KNU")]),
        ("the NUG's Ministry of Defence", [("NUG's Ministry of Defence", "NUG-MOD")]),
        ("joined the movement calling for a return to civilian rule", []),
        ("Myanmar Now reported", []),
        ("aa bb knu", []),  # abbreviations are case-sensitive in text
        ("Border Guard Force Battalion 1022 rallied to the KNLA",
         [("Border Guard Force Battalion 1022", "BGF"), ("KNLA", "KNU")]),
        ("the Ta’ang National Liberation Army (TNLA)", [("Ta’ang National Liberation Army", "TNLA"), ("TNLA", "TNLA")]),
        ("Brigade 3 of the KIA", [("Brigade 3 of the KIA", "KIO")]),
        # the police CDM channel described, not named
        ("according to a Facebook page run by police officers who have joined the Civil Disobedience Movement (CDM), more",
         [("Facebook page run by police officers who have joined the Civil Disobedience Movement (CDM)", "POLICE-CDM-CHANNEL")]),
        ("shared by a Telegram channel that verifies and supports police officers who join the CDM",
         [("Telegram channel that verifies and supports police officers who join the CDM", "POLICE-CDM-CHANNEL")]),
        ("a group run by villagers who joined the CDM", [("CDM", "CDM")]),
        ("The defence ministry of the shadow National Unity Government (NUG) says",
         [("defence ministry of the shadow National Unity Government", "NUG-MOD"), ("NUG", "NUG")]),
    ],
)
def test_find_actors(text, expected):
    assert _found(text) == expected


# ------------------------------------------------------------------------------ units


@pytest.mark.parametrize(
    "text, label",
    [
        ("Light Infantry Battalion 402", "LIB 402"), ("LIB 402", "LIB 402"), ("LIB-402", "LIB 402"),
        ("LIB No. 402", "LIB 402"), ("Infantry Battalion (IB) 33", "IB 33"), ("IB 33", "IB 33"),
        ("Infantry Battalion 268", "IB 268"), ("Military Operations Command 16", "MOC 16"), ("MOC-16", "MOC 16"),
        ("MOC 7", "MOC 7"), ("Light Infantry Division 77", "LID 77"), ("77th Light Infantry Division", "LID 77"),
        ("LID 33", "LID 33"), ("Artillery Battalion 350", "AB 350"), ("Border Guard Force Battalion 1022", "BGF 1022"),
        ("BGF Battalion 1022", "BGF 1022"), ("Regional Military Command", "RMC"), ("Northeastern Command", "Northeastern RMC"),
        ("the Laukkai Regional Operations Command", "Laukkai ROC"), ("Tactical Operations Command 2", "TOC 2"),
    ],
)
def test_parse_unit(text, label):
    u = parse_unit(text)
    assert u is not None and u.label == label
    assert text[u.start:u.end] == u.text


def test_unit_types_and_numbers():
    assert parse_unit("Light Infantry Battalion 402") == Unit("LIB", 402)
    assert parse_unit("Infantry Battalion (IB) 33") == Unit("IB", 33)
    assert parse_unit("MOC-16") == Unit("MOC", 16)


@pytest.mark.parametrize(
    "text, labels",
    [
        ("Light Infantry Battalions 402 and 403", ["LIB 402", "LIB 403"]),
        ("LIBs 402, 403 and 404", ["LIB 402", "LIB 403", "LIB 404"]),
        ("Infantry Battalions (IB) 33 and 34", ["IB 33", "IB 34"]),
        ("troops from LIB 357 and IB 33 fled", ["LIB 357", "IB 33"]),
        ("a soldier from Light Infantry Battalion 58 said", ["LIB 58"]),
    ],
)
def test_parse_units_plural(text, labels):
    assert [u.label for u in parse_units(text)] == labels


@pytest.mark.parametrize("text", ["", "the battalion's commander", "Brigade 5", "in 2021 about 300 soldiers",
                                  "KNU Brigade 5 said"])
def test_no_unit(text):
    assert parse_unit(text) is None


# ------------------------------------------------------------------------------ home areas
@pytest.mark.parametrize(("actor_id", "admin1"), [
    ("KNU", "Kayin"), ("KNLA-BDE-5", "Kayin"),  # inherited from the KNU
    ("KNLA-BDE-4", "Tanintharyi"), ("KNLA-BDE-3", "Bago"), ("KIA-BDE-4", "Shan"),  # brigades outside the parent's state
])
def test_home_areas(actor_id, admin1):
    from allegiance.normalise.actors import home_place
    place = home_place(actor_id)
    assert place is not None and place.admin1 == admin1
