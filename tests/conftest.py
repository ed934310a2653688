"""Shared fixtures: small self-written articles, a settings object that ignores the developer's
environment, and one Pipeline for the session (the spaCy pipeline loads once per process)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from allegiance.pipeline import Pipeline, demo_dir
from allegiance.settings import Settings, get_settings

# Invented articles in the style of Myanmar conflict reporting. Each event article states one
# clear happening; the last one holds only figures that are not events.
HPAPUN = """Home | News | Opinion | Contact

HPAPUN, Kayin State, 14 March 2023 — Twelve soldiers from Light Infantry Battalion 345 defected to the Karen National Union in Hpapun on Monday, a KNU spokesman said.

The soldiers brought their rifles and ammunition with them and are being sheltered by KNLA Brigade 5, the spokesman said. Fighting has continued around the town for weeks.

The junta did not respond to requests for comment.

Share this article
"""

MANDALAY_HTML = """<!DOCTYPE html>
<html><head><title>Four Mandalay police officers join CDM</title>
<meta property="article:published_time" content="2022-06-02T08:00:00+06:30">
<meta property="og:site_name" content="Mandalay Free Press"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Four Mandalay police officers join CDM</h1>
<p>Four police officers from Chanayethazan Township in Mandalay joined the Civil Disobedience Movement on Tuesday, the officers told Mandalay Free Press.</p>
<p>The officers said they could no longer follow orders to arrest protesters. Police in the city have been ordered to report for duty every day.</p>
<p>The regime has not commented on the defections.</p></article>
<footer>Copyright 2022 Mandalay Free Press</footer></body></html>
"""

NO_EVENTS = """YANGON, 3 May 2023 — Myanmar's military has an estimated 150,000 troops, analysts said on Wednesday, far fewer than it claims.

The analysts said the army controls less territory than at any time since independence. Heavy rain is expected across the delta this week.
"""

JSONL_LINES = [
    {
        "text": "SITTWE, 20 February 2024 — Thirty soldiers surrendered to the Arakan Army in Kyauktaw "
        "after a week of fighting, the AA said.\n\nThe soldiers were taken to a safe place, the group said.",
        "url": "https://example.org/kyauktaw",
        "title": "Thirty soldiers surrender in Kyauktaw",
        "published": "2024-02-20",
        "outlet": "Arakan Wire",
    },
    {
        "html": "<html><body><article><p>The National Unity Government on Friday urged soldiers and police "
        "officers to defect and join the people's revolution, promising them protection and a monthly "
        "allowance.</p><p>The appeal was broadcast on social media.</p></article></body></html>",
        "url": "https://example.org/nug-appeal",
        "published": "2023-08-11",
        "outlet": "Wire",
    },
]

# name -> content; the JSONL file holds two documents.
ARTICLES: dict[str, str] = {
    "hpapun_defection.txt": HPAPUN,
    "mandalay_police.html": MANDALAY_HTML,
    "troop_strength.txt": NO_EVENTS,
    "wire.jsonl": "\n".join(json.dumps(line) for line in JSONL_LINES) + "\n",
}
N_DOCUMENTS = 5  # documents in ARTICLES (one per file, two in the JSONL file)


def write_articles(folder: Path, names: tuple[str, ...] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        if names is None or name in names:
            (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(name="write_articles")
def write_articles_fixture():
    """``write_articles(folder, names=None)``: put (some of) the small articles in a folder."""
    return write_articles


@pytest.fixture
def article_texts() -> dict[str, str]:
    """The small articles by file name (the JSONL file as its lines)."""
    return dict(ARTICLES)


@pytest.fixture
def n_documents() -> int:
    return N_DOCUMENTS


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    """A folder with the small articles above."""
    return write_articles(tmp_path / "articles")


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No ALLEGIANCE_* setting from the developer's shell, no config file, a tmp working dir."""
    for key in list(os.environ):
        if key.startswith("ALLEGIANCE_") and key != "ALLEGIANCE_TEST_PG_URL":
            monkeypatch.delenv(key)
    monkeypatch.setenv("ALLEGIANCE_CONFIG", str(tmp_path / "no-such-allegiance.toml"))
    monkeypatch.chdir(tmp_path)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """One Pipeline on default settings (besides the database, which tests give themselves)."""
    return Pipeline(Settings.model_construct())


@pytest.fixture(scope="session")
def demo() -> Path:
    return demo_dir()
