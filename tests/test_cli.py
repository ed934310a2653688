"""The `allegiance` command, end to end: in-process through Typer's CliRunner, plus a few real
subprocesses for what only a real process shows (``python -m``, the progress bar and stderr)."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from allegiance import __version__
from allegiance.cli import EXPLAINED_FIELDS, app
from allegiance.evaluate import evaluate_dir, validate_gold
from allegiance.models import ADMIN1, CANONICAL_ACTORS, Event
from allegiance.store import Store

pytestmark = pytest.mark.usefixtures("clean_env")

# The codebook's event fields (codebook.md, "Fields"), in its order.
CODEBOOK_EVENT_KEYS = ("type", "date", "location", "count", "who", "to", "actor", "claimed_by", "certainty", "evidence")
MYANMAR_LON = (92.0, 102.0)
MYANMAR_LAT = (9.0, 29.0)
ENV = {"COLUMNS": "200"}  # wide tables, so no cell is folded over two lines


def invoke(*args: object, env: dict[str, str] | None = None):
    result = CliRunner().invoke(app, [str(a) for a in args], env={**ENV, **(env or {})})
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def table_value(text: str, label: str) -> int:
    """The count in the summary table row labelled ``label``."""
    m = re.search(rf"^[│|]\s*{re.escape(label)}\s*[│|]\s*(\d+)\s*[│|]", text, re.MULTILINE)
    assert m, f"no row {label!r} in:\n{text}"
    return int(m.group(1))


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "events.db")


def counts(db: str):
    with Store.open(f"sqlite:///{db}") as store:
        return store.counts()


def stored_names(db: str) -> set[str]:
    with Store.open(f"sqlite:///{db}") as store:
        from allegiance.store.tables import DocumentRow

        with store.session() as session:
            return {name for (name,) in session.query(DocumentRow.name)}


# --- version, python -m, logging -----------------------------------------------------------------


def test_version():
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"allegiance {__version__}"


def test_python_m_allegiance_works_like_allegiance():
    for args in (["--version"], ["actors", "KNDF", "--limit", "1"]):
        proc = subprocess.run([sys.executable, "-m", "allegiance", *args], capture_output=True, text=True, timeout=120, check=False)
        assert proc.returncode == 0, proc.stderr
    assert "KNDF" in proc.stdout
    proc = subprocess.run([sys.executable, "-m", "allegiance", "--version"], capture_output=True, text=True, timeout=120, check=False)
    assert proc.stdout.strip() == f"allegiance {__version__}"


def test_verbose_logs_go_to_stderr_not_stdout(articles: Path, db: str):
    result = invoke("-v", "--db", db, "run", articles / "hpapun_defection.txt")
    assert result.exit_code == 0, result.output
    assert re.search(r"^INFO allegiance", result.stderr, re.MULTILINE), result.stderr
    assert "INFO" not in result.stdout
    assert "DEBUG" not in result.stderr
    quiet = invoke("--db", db, "run", articles / "hpapun_defection.txt")
    assert "INFO" not in quiet.stderr and "INFO" not in quiet.stdout
    debug = invoke("-vv", "--db", db, "run", articles / "hpapun_defection.txt")
    assert re.search(r"^DEBUG ", debug.stderr, re.MULTILINE)
    assert "DEBUG" not in debug.stdout


# --- run -------------------------------------------------------------------------------------------


def test_run_stores_documents_and_ends_with_a_summary(articles: Path, db: str, n_documents: int):
    result = invoke("--db", db, "run", articles)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert table_value(out, "documents read") == n_documents
    assert table_value(out, "new in the database") == n_documents
    assert table_value(out, "skipped (unreadable input)") == 0
    stored = counts(db)
    assert stored["documents"] == n_documents
    for etype, n in stored["by_type"].items():
        assert table_value(out, f"events: {etype}") == n
    assert table_value(out, "events: total") == stored["events"]
    assert stored["by_type"]["defection"] >= 1  # "Twelve soldiers ... defected to the Karen National Union"
    assert stored_names(db) == {"hpapun_defection.txt", "mandalay_police.html", "troop_strength.txt",
                                "wire.jsonl#1", "wire.jsonl#2"}
    # the table is the last thing on stdout
    assert out.rstrip().splitlines()[-1].strip().startswith("└")
    assert f"database: sqlite:///{db}" in out

    again = invoke("--db", db, "run", articles)
    assert again.exit_code == 0, again.output
    assert table_value(again.stdout, "already stored") == n_documents
    assert table_value(again.stdout, "new in the database") == 0
    after = counts(db)
    assert {k: v for k, v in after.items() if k != "runs"} == {k: v for k, v in stored.items() if k != "runs"}
    assert after["runs"] == stored["runs"] + 1


def test_same_text_under_another_name_is_stored_once(articles: Path, tmp_path: Path, db: str):
    copy = tmp_path / "copy"
    copy.mkdir()
    (copy / "renamed.txt").write_text((articles / "hpapun_defection.txt").read_text())
    assert invoke("--db", db, "run", articles / "hpapun_defection.txt").exit_code == 0
    before = counts(db)
    result = invoke("--db", db, "run", copy)
    assert result.exit_code == 0
    assert table_value(result.stdout, "already stored") == 1
    assert counts(db)["documents"] == before["documents"] == 1


def test_run_takes_the_database_from_the_environment(articles: Path, db: str):
    result = invoke("run", articles / "troop_strength.txt", env={"ALLEGIANCE_DB": db})
    assert result.exit_code == 0, result.output
    assert counts(db)["documents"] == 1
    assert not Path("allegiance.db").exists()  # the default file in the working directory


def test_db_flag_wins_over_the_environment(articles: Path, db: str, tmp_path: Path):
    other = tmp_path / "other.db"
    result = invoke("--db", db, "run", articles / "troop_strength.txt", env={"ALLEGIANCE_DB": str(other)})
    assert result.exit_code == 0
    assert counts(db)["documents"] == 1
    assert not other.exists()


@pytest.mark.slow
def test_run_without_a_path_runs_the_demo_corpus(db: str, demo: Path):
    result = invoke("--db", db, "run")
    assert result.exit_code == 0, result.output  # the demo is all good input
    n_articles = len([p for p in (demo / "articles").iterdir() if not p.name.startswith(".")])
    assert table_value(result.stdout, "documents read") == n_articles
    stored = counts(db)
    assert stored["documents"] == n_articles
    assert all(stored["by_type"][t] > 0 for t in ("defection", "surrender", "call_to_defect", "tally"))


# --- bad input ---------------------------------------------------------------------------------------


def _empty(folder: Path) -> Path:
    (p := folder / "empty.txt").write_bytes(b"")
    return p


def _binary(folder: Path) -> Path:
    (p := folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    return p


def _undecodable(folder: Path) -> Path:
    (p := folder / "cp1252.txt").write_bytes(
        b"Soldiers defected to the KNU in Hpapun on Monday, " + b"the caf\xe9 owner said.\n")
    return p


def _too_large(folder: Path) -> Path:
    p = folder / "huge.txt"
    with p.open("wb") as f:  # 50 MB, sparse: the size check comes before any read
        f.truncate(50 * 1_000_000)
    return p


def _malformed_html(folder: Path) -> Path:
    (p := folder / "broken.html").write_text("<<<>>> </p></div></body><script>var x = 1;", encoding="utf-8")
    return p


def _broken_jsonl(folder: Path) -> Path:
    p = folder / "feed.jsonl"
    good = {"text": "KALAY, 2 April 2023 — Six police officers defected to the People's Defence Force in Kalay "
                    "on Friday, a PDF spokesman said.", "published": "2023-04-02"}
    p.write_text(json.dumps(good) + '\n{"text": "the line breaks off here\n', encoding="utf-8")
    return p


def _missing(folder: Path) -> Path:
    return folder / "not-there.txt"


BAD_INPUTS = {
    "empty": (_empty, "A102", "empty.txt"),
    "binary": (_binary, "A103", "photo.txt"),
    "undecodable": (_undecodable, "A104", "cp1252.txt"),
    "50MB": (_too_large, "A105", "huge.txt"),
    "malformed-html": (_malformed_html, "A106", "broken.html"),
    "jsonl-broken-line": (_broken_jsonl, "A107", "feed.jsonl#2"),
    "missing-path": (_missing, "A101", "not-there.txt"),
}


@pytest.mark.parametrize("kind", list(BAD_INPUTS))
def test_bad_input_gets_one_line_and_the_run_goes_on(kind: str, tmp_path: Path, db: str, write_articles):
    make, code, shown = BAD_INPUTS[kind]
    first = write_articles(tmp_path / "first", ("troop_strength.txt",))
    assert invoke("--db", db, "run", first).exit_code == 0
    folder = write_articles(tmp_path / "in", ("hpapun_defection.txt",))
    bad = make(folder)

    extra = [] if bad.exists() else [bad]  # a missing path is named on the command line
    result = invoke("--db", db, "run", folder, *extra)

    assert result.exit_code == 1, result.output
    lines = [line for line in result.stderr.splitlines() if shown in line]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"[{code}] "), lines[0]
    assert len(lines[0]) > len(f"[{code}] {shown}: ")  # a reason follows the name
    assert "Traceback" not in result.output
    assert table_value(result.stdout, "skipped (unreadable input)") == 1
    names = stored_names(db)
    assert "troop_strength.txt" in names  # stored before: not lost
    assert "hpapun_defection.txt" in names  # the good file beside the bad one
    if kind == "jsonl-broken-line":
        assert "feed.jsonl#1" in names  # the good line of the same file
    assert counts(db)["documents"] == len(names)


def test_every_bad_input_at_once(tmp_path: Path, db: str, write_articles):
    folder = write_articles(tmp_path / "in", ("hpapun_defection.txt", "troop_strength.txt"))
    for make, _code, _shown in BAD_INPUTS.values():
        make(folder)
    result = invoke("--db", db, "run", folder, folder / "not-there.txt")
    assert result.exit_code == 1
    for _make, code, shown in BAD_INPUTS.values():
        assert sum(1 for line in result.stderr.splitlines() if line.startswith(f"[{code}] ") and shown in line) == 1
    assert table_value(result.stdout, "skipped (unreadable input)") == len(BAD_INPUTS)
    assert {"hpapun_defection.txt", "troop_strength.txt", "feed.jsonl#1"} <= stored_names(db)


def test_malformed_but_readable_html_is_read(tmp_path: Path, db: str):
    (tmp_path / "sloppy.html").write_text(
        "<html><body><p>Twelve soldiers defected to the KNU in Hpapun on Monday, a spokesman said."
        "</b></i></div></span></p></p><div><<p>>", encoding="utf-8")
    result = invoke("--db", db, "run", tmp_path / "sloppy.html")
    assert result.exit_code == 0, result.output
    assert stored_names(db) == {"sloppy.html"}


def test_unreachable_postgres_is_a_usage_error(articles: Path):
    result = invoke("--db", "postgresql://nobody@127.0.0.1:1/nowhere", "run", articles)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("[A301] "), result.stderr
    assert "Traceback" not in result.output
    assert result.stdout == ""


@pytest.mark.parametrize("url", ["mysql://someone@localhost/db", "not a url://", "sqlite:///no/such/dir/x.db"])
def test_bad_db_urls_are_one_line_and_exit_2(url: str, articles: Path):
    result = invoke("--db", url, "run", articles / "troop_strength.txt")
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and re.match(r"\[A3\d\d\] ", lines[0]), result.stderr
    assert "Traceback" not in result.output


def test_bad_setting_is_a_usage_error(articles: Path):
    result = invoke("run", articles, env={"ALLEGIANCE_BATCH_SIZE": "lots"})
    assert result.exit_code == 2
    assert result.stderr.startswith("[A403] ") and "batch_size" in result.stderr


def test_unknown_option_is_a_usage_error():
    assert invoke("run", "--no-such-option").exit_code == 2
    assert invoke("export", "--format", "xlsx").exit_code == 2


# --- progress bar ----------------------------------------------------------------------------------


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "allegiance", *args]


def test_progress_bar_stays_off_when_stderr_is_not_a_terminal(articles: Path, db: str):
    env = {**os.environ, "FORCE_COLOR": "1", "TTY_COMPATIBLE": "1"}  # still not a terminal
    proc = subprocess.run(_cli("--db", db, "run", str(articles)), capture_output=True, env=env, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr.decode()
    assert b"extracting" not in proc.stderr
    assert b"\x1b[?25l" not in proc.stderr  # Rich hides the cursor while a live bar is up
    assert proc.stderr.strip() == b""
    assert b"documents read" in proc.stdout


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_progress_bar_shows_on_a_terminal(articles: Path, db: str):
    import pty

    primary, secondary = pty.openpty()
    try:
        proc = subprocess.Popen(_cli("--db", db, "run", str(articles / "troop_strength.txt")),
                                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=secondary)
    finally:
        os.close(secondary)
    seen = b""
    while True:
        try:
            chunk = os.read(primary, 65536)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        seen += chunk
    os.close(primary)
    stdout, _ = proc.communicate(timeout=300)
    assert proc.returncode == 0
    assert b"extracting" in seen
    assert b"extracting" not in stdout


# --- extract ----------------------------------------------------------------------------------------


def test_extract_writes_codebook_json_per_input(articles: Path, tmp_path: Path, pipeline):
    out = tmp_path / "codebook"
    result = invoke("extract", "--format", "codebook", "--out", out, articles)
    assert result.exit_code == 0, result.output
    assert not Path("allegiance.db").exists()  # no database was made or needed
    texts = {d.name: d.text for d in pipeline.documents(articles)}
    expected = {"hpapun_defection.json": "hpapun_defection.txt", "mandalay_police.json": "mandalay_police.html",
                "troop_strength.json": "troop_strength.txt", "wire.1.json": "wire.jsonl#1",
                "wire.2.json": "wire.jsonl#2"}
    assert sorted(p.name for p in out.iterdir()) == sorted(expected)
    n_events = 0
    for file, doc in expected.items():
        data = json.loads((out / file).read_text(encoding="utf-8"))
        assert set(data) in ({"doc", "published", "events"}, {"doc", "published", "published_span", "events"})
        assert data["doc"] == doc
        assert data["published"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", data["published"])
        validate_gold(data, file)  # the shape the scorer reads
        for ev in data["events"]:
            assert tuple(ev) == CODEBOOK_EVENT_KEYS
            event = Event.model_validate(ev)  # every enum value is one the codebook allows
            assert event.to_codebook() == ev
            if ev["location"] is not None:
                assert ev["location"]["admin1"] in (*ADMIN1, None)
            for key in ("to", "actor"):
                assert ev[key] is None or ev[key] in CANONICAL_ACTORS
            assert ev["evidence"] in texts[doc]
            n_events += 1
    assert json.loads((out / "troop_strength.json").read_text())["events"] == []
    hpapun = json.loads((out / "hpapun_defection.json").read_text())
    assert "defection" in {e["type"] for e in hpapun["events"]}
    assert n_events >= 3


def test_extract_reports_bad_input_and_exits_1(tmp_path: Path, articles: Path):
    _empty(articles)
    result = invoke("extract", "--out", tmp_path / "o", articles)
    assert result.exit_code == 1
    assert any(line.startswith("[A102] ") and "empty.txt" in line for line in result.stderr.splitlines())
    assert (tmp_path / "o" / "hpapun_defection.json").exists()


def test_extract_never_overwrites_one_output_with_another(tmp_path: Path, write_articles):
    for sub in ("a", "b"):
        write_articles(tmp_path / "in" / sub, ("troop_strength.txt",))
    (tmp_path / "in" / "b" / "troop_strength.txt").write_text("YANGON, 4 May 2023 — Rain fell on Thursday.\n")
    result = invoke("extract", "--out", tmp_path / "o", tmp_path / "in")
    assert result.exit_code == 1
    assert "troop_strength" in result.stderr and "not written" in result.stderr


# --- eval --------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def demo_report(demo: Path, pipeline):
    return evaluate_dir(demo / "gold", settings=pipeline.settings)


def _numbers(report: dict) -> dict:
    return {k: report[k] for k in ("n_docs", "overall", "per_type", "fields", "published_in_span",
                                   "mean_field_accuracy", "matched_by_overlap", "matched_by_sentence")}


@pytest.mark.slow
def test_eval_json_matches_evaluate_dir(demo: Path, demo_report):
    result = invoke("eval", demo / "gold", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert _numbers(data) == _numbers(demo_report.to_dict())
    assert data["n_docs"] == len(list((demo / "gold").glob("*.json")))


@pytest.mark.slow
def test_eval_on_predictions_written_by_extract(demo: Path, demo_report, tmp_path: Path):
    pred = tmp_path / "pred"
    extracted = invoke("extract", "--format", "codebook", "--out", pred, demo / "articles")
    assert extracted.exit_code == 0, extracted.output
    result = invoke("eval", demo / "gold", "--pred", pred, "--json")
    assert result.exit_code == 0, result.output
    assert _numbers(json.loads(result.stdout)) == _numbers(demo_report.to_dict())

    table = invoke("eval", demo / "gold", "--pred", pred)
    assert table.exit_code == 0
    assert re.search(rf"overall\s*[│|]\s*{demo_report.overall.tp}\b", table.stdout)
    assert "Fields over matched pairs" in table.stdout
    assert "Misses" not in table.stdout

    verbose = invoke("eval", demo / "gold", "--pred", pred, "--verbose")
    if demo_report.misses:
        assert "Misses" in verbose.stdout
        for miss in demo_report.misses:
            assert miss.doc in verbose.stdout


def test_eval_with_a_missing_gold_folder_is_one_line(tmp_path: Path):
    result = invoke("eval", tmp_path / "nothing")
    assert result.exit_code == 2
    assert result.stderr.startswith("[A401] ") and len(result.stderr.strip().splitlines()) == 1


# --- export ------------------------------------------------------------------------------------------


@pytest.fixture
def stored(articles: Path, db: str) -> str:
    assert invoke("--db", db, "run", articles).exit_code == 0
    return db


@pytest.mark.parametrize("fmt", ["csv", "json", "geojson", "parquet"])
def test_export_each_format_parses_back(fmt: str, stored: str, tmp_path: Path):
    total = counts(stored)["events"]
    assert total > 0
    target = tmp_path / f"events.{fmt}"
    result = invoke("--db", stored, "export", "--format", fmt, "--out", target)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    if fmt == "csv":
        rows = list(csv.DictReader(target.open(encoding="utf-8", newline="")))
        assert len(rows) == total
        assert {r["type"] for r in rows} <= {"defection", "surrender", "call_to_defect", "tally"}
    elif fmt == "json":
        items = json.loads(target.read_text(encoding="utf-8"))
        assert len(items) == total
        assert all(set(CODEBOOK_EVENT_KEYS) <= set(item) for item in items)
    elif fmt == "parquet":
        assert pq.read_table(target).num_rows == total
    else:
        fc = json.loads(target.read_text(encoding="utf-8"))
        assert fc["type"] == "FeatureCollection"
        for feature in fc["features"]:
            lon, lat = feature["geometry"]["coordinates"]  # RFC 7946: longitude first
            assert MYANMAR_LON[0] <= lon <= MYANMAR_LON[1] and MYANMAR_LAT[0] <= lat <= MYANMAR_LAT[1]
            assert feature["properties"]["longitude"] == lon and feature["properties"]["latitude"] == lat
        m = re.search(r"(\d+) event\(s\) without a place left out", result.stderr)
        assert m, result.stderr
        assert len(fc["features"]) + int(m.group(1)) == total
        assert len(fc["features"]) >= 1  # Hpapun, Mandalay and Kyauktaw are in the gazetteer
    assert f"exported {total if fmt != 'geojson' else len(fc['features'])} event(s)" in result.stderr


def test_export_to_stdout_and_by_suffix(stored: str, tmp_path: Path):
    result = invoke("--db", stored, "export")
    assert result.exit_code == 0
    assert len(list(csv.DictReader(io.StringIO(result.stdout)))) == counts(stored)["events"]
    by_suffix = invoke("--db", stored, "export", "--out", tmp_path / "e.geojson")
    assert json.loads((tmp_path / "e.geojson").read_text())["type"] == "FeatureCollection"
    assert "as geojson" in by_suffix.stderr


def test_export_without_a_database_says_so(tmp_path: Path):
    result = invoke("--db", tmp_path / "never-made.db", "export")
    assert result.exit_code == 2
    assert result.stderr.startswith("[A300] ")
    assert not (tmp_path / "never-made.db").exists()


# --- explain, places, actors --------------------------------------------------------------------------


def test_explain_prints_every_field_and_its_rule(articles: Path, pipeline):
    path = articles / "hpapun_defection.txt"
    result = invoke("explain", path)
    assert result.exit_code == 0, result.output
    events = pipeline.extract(next(iter(pipeline.documents(path)))).events
    assert events
    for i, ev in enumerate(events, 1):
        assert f"event {i}: {ev.type.value}" in result.stdout
    for name in EXPLAINED_FIELDS:
        assert re.search(rf"^[│|] {name}\s", result.stdout, re.MULTILINE), name
    rules = [r for ev in events for r in ev.provenance.values() if r]
    assert rules and all(rule in result.stdout for rule in rules)
    assert re.search(r"^[│|] sentence\s", result.stdout, re.MULTILINE)  # the sentence the event sits in


def test_explain_a_missing_file(tmp_path: Path):
    result = invoke("explain", tmp_path / "nope.txt")
    assert result.exit_code == 1
    assert result.stderr.startswith("[A101] ")


def test_places_finds_hpapun_in_kayin():
    result = invoke("places", "Hpapun")
    assert result.exit_code == 0
    assert "Hpapun" in result.stdout and "Kayin" in result.stdout
    assert "MMR003" in result.stdout  # the Kayin P-code prefix


def test_actors_resolves_a_brigade_to_its_canonical_actor():
    result = invoke("actors", "KNLA Brigade 5")
    assert result.exit_code == 0
    first = next(line for line in result.stdout.splitlines() if line.startswith("│") and "KNLA Brigade 5" in line)
    assert "KNU" in first


def test_lookups_that_find_nothing_exit_1():
    assert invoke("places", "Qqqqzzzzxxxx").exit_code == 1
    assert invoke("actors", "Qqqqzzzzxxxx").exit_code == 1


def test_bench_prints_both_rates_and_the_ratio(articles: Path):
    result = invoke("bench", articles / "hpapun_defection.txt", "--repeat", "1")
    assert result.exit_code == 0, result.output
    assert "allegiance pipeline" in result.stdout and "nlp.pipe" in result.stdout
    assert re.search(r"speed ratio: \d+\.\d\d", result.stdout)


def test_an_extraction_crash_is_one_line_and_the_run_goes_on(articles: Path, db: str, monkeypatch: pytest.MonkeyPatch):
    from allegiance.extract import Extractor

    real = Extractor._events

    def events(self, doc, sentences, parsed):
        if doc.name == "mandalay_police.html":
            raise ValueError("rule table corrupt")
        return real(self, doc, sentences, parsed)

    monkeypatch.setattr(Extractor, "_events", events)
    result = invoke("--db", db, "run", articles)
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        "[A202] mandalay_police.html: extraction failed: ValueError: rule table corrupt"]
    assert "Traceback" not in result.output
    assert table_value(result.stdout, "failed (not extracted or stored)") == 1
    assert "mandalay_police.html" not in stored_names(db)
    assert len(stored_names(db)) == 4


def test_a_missing_spacy_model_is_a_configuration_error(articles: Path, db: str):
    result = invoke("--db", db, "run", articles, env={"ALLEGIANCE_SPACY_MODEL": "no_such_spacy_model_xyz"})
    assert result.exit_code == 2
    assert result.stderr.startswith("[A201] ") and len(result.stderr.strip().splitlines()) == 1
