"""Opening a store: bad and unreachable URLs are coded errors, not tracebacks."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from allegiance.errors import DatabaseURLError
from allegiance.store import Store, parse_url


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize(
    "url", ["allegiance.db", "", "nosuchdialect://host/db", "postgresql+psycopg://host:notaport/db"]
)
def test_bad_url_is_a_database_url_error(url: str) -> None:
    with pytest.raises(DatabaseURLError) as info:
        Store.open(url)
    assert info.value.code == "A301"


def test_unreachable_postgres_is_a_database_url_error() -> None:
    url = f"postgresql+psycopg://allegiance:s3cret@127.0.0.1:{_closed_port()}/nowhere"
    with pytest.raises(DatabaseURLError, match="cannot open the database") as info:
        Store.open(url)
    assert info.value.code == "A301"
    assert "s3cret" not in str(info.value)
    assert f"127.0.0.1:{make_url(url).port}" in str(info.value)


def test_sqlite_in_missing_directory_is_a_database_url_error(tmp_path: Path) -> None:
    with pytest.raises(DatabaseURLError):
        Store.open(f"sqlite:///{tmp_path / 'missing' / 'store.db'}")


def test_sqlite_file_is_created(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    with Store.open(f"sqlite:///{path}") as store:
        assert store.dialect == "sqlite"
        assert store.counts()["documents"] == 0
    assert path.is_file()


@pytest.mark.parametrize("scheme", ["postgres", "postgresql"])
def test_plain_postgres_urls_use_psycopg(scheme: str) -> None:
    url = parse_url(f"{scheme}://u:p@db.example:5433/events")
    assert url.drivername == "postgresql+psycopg"
    assert (url.host, url.port, url.database) == ("db.example", 5433, "events")


@pytest.mark.postgres
def test_missing_postgres_database_is_a_database_url_error(pg_base_url: str) -> None:
    url = make_url(pg_base_url).set(database="no_such_database_here")
    with pytest.raises(DatabaseURLError, match="no_such_database_here"):
        Store.open(url.render_as_string(hide_password=False))
