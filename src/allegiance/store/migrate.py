"""Bring a database to the newest schema with the Alembic migrations shipped in the package."""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

logger = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
ALEMBIC_INI = HERE / "alembic.ini"
SCRIPT_LOCATION = HERE / "migrations"

# Any constant will do: it keeps two processes opening one PostgreSQL database from running
# the migrations at the same time.
_PG_LOCK_KEY = 0x616C6C65


def alembic_config(connection: Connection | None = None) -> Config:
    """A Config built in code, pointing at the packaged migrations; no ini file is read."""
    config = Config()
    config.set_main_option("script_location", str(SCRIPT_LOCATION))
    config.set_main_option("path_separator", "os")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Upgrade the database behind ``engine`` to ``revision`` in one transaction."""
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
        before = current_revision(conn)
        if revision == "head" and before == head_revision():
            return
        command.upgrade(alembic_config(conn), revision)
        logger.info("database schema upgraded from %s to %s", before or "empty", revision)
