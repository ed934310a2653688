"""The packaged migrations build exactly the schema the models describe."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text
from store_factories import make_result

from allegiance.errors import StoreError
from allegiance.store import Store, migrate
from allegiance.store.tables import Base


def test_migrations_produce_the_model_metadata(store: Store) -> None:
    with store.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diffs == []


def test_empty_database_differs_from_the_metadata(db_url: str) -> None:
    """The comparison above can fail: against a database without the tables it does."""
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        added = {d[1].name for d in diffs if d[0] == "add_table"}
        assert added == set(Base.metadata.tables)
    finally:
        engine.dispose()


def test_database_is_at_head_and_indexes_exist(store: Store) -> None:
    with store.engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.head_revision()
        indexes = {ix["name"] for ix in inspect(conn).get_indexes("events")}
    assert {"ix_events_type", "ix_events_date_start", "ix_events_admin1",
            "ix_events_document_id"} <= indexes


def test_downgrade_to_base_and_reopen(db_url: str) -> None:
    with Store.open(db_url) as store:
        store.save(make_result("before downgrade"), extractor_version="v")
        with store.engine.begin() as conn:
            command.downgrade(migrate.alembic_config(conn), "base")
        with store.engine.connect() as conn:
            assert migrate.current_revision(conn) is None
            assert not {"documents", "events", "runs"} & set(inspect(conn).get_table_names())
    with Store.open(db_url) as store:  # upgrades again on open
        assert store.counts()["documents"] == 0
        assert store.save(make_result("after"), extractor_version="v")


def test_migrations_have_one_head_and_ship_their_files() -> None:
    script = ScriptDirectory.from_config(migrate.alembic_config())
    heads = script.get_heads()
    assert len(heads) == 1  # one line of history, ending at the newest revision
    assert heads[0] == max(rev.revision for rev in script.walk_revisions())
    assert (migrate.SCRIPT_LOCATION / "script.py.mako").is_file()
    assert migrate.ALEMBIC_INI.is_file()
    # The ini file for the alembic command line points at the same migrations.
    cli = Config(str(migrate.ALEMBIC_INI))
    assert ScriptDirectory.from_config(cli).dir == str(migrate.SCRIPT_LOCATION)


def test_schema_from_a_newer_allegiance_is_a_store_error(db_url: str) -> None:
    with Store.open(db_url) as store, store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    with pytest.raises(StoreError, match="newer allegiance") as info:
        Store.open(db_url)
    assert info.value.code == "A300"
