"""The store: save extraction results, keep run bookkeeping, read events back.

One document is one transaction: its row and all its events are written together or not at
all, and a document whose content hash is already stored is skipped, so running the same
input twice stores nothing twice.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import Any

from alembic.util.exc import CommandError
from sqlalchemy import create_engine, event, func, select
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import (
    ArgumentError,
    DBAPIError,
    IntegrityError,
    NoSuchModuleError,
    SQLAlchemyError,
)
from sqlalchemy.orm import Session, sessionmaker

from allegiance.errors import DatabaseURLError, StoreError
from allegiance.models import EventType, ExtractionResult
from allegiance.store import convert, migrate
from allegiance.store.records import Counts, RunRecord, StoredDocument, StoredEvent
from allegiance.store.tables import DocumentRow, EventRow, RunRow

logger = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 10


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip()
    return text.splitlines()[0] if text else type(orig).__name__


def parse_url(url: str) -> URL:
    """Parse a SQLAlchemy URL; plain ``postgresql://`` means psycopg 3, the driver installed."""
    if not isinstance(url, str) or "://" not in url:
        raise DatabaseURLError(
            f"{url!r} is not a database URL; use sqlite:///path/to/file.db or "
            "postgresql+psycopg://user@host:port/dbname"
        )
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            url = "postgresql+psycopg://" + url[len(prefix) :]
    try:
        return make_url(url)
    except (ArgumentError, ValueError) as exc:
        raise DatabaseURLError(f"cannot parse database URL {url!r}: {exc}") from exc


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Enforce foreign keys as PostgreSQL does, and let SQLAlchemy (not the sqlite3 module)
    # decide where transactions begin, so DDL in migrations is transactional too.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
    dbapi_connection.isolation_level = None


def _sqlite_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN")


def _make_engine(url: URL) -> Engine:
    shown = url.render_as_string(hide_password=True)
    kwargs: dict[str, Any] = {}
    if url.get_backend_name() == "postgresql":
        kwargs["connect_args"] = {"connect_timeout": CONNECT_TIMEOUT_S}
        kwargs["pool_pre_ping"] = True
    try:
        engine = create_engine(url, **kwargs)
    except (NoSuchModuleError, ArgumentError, ImportError) as exc:
        raise DatabaseURLError(
            f"unsupported database URL {shown}: {exc}; use sqlite:/// or postgresql+psycopg://"
        ) from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


class Store:
    """Documents, events and runs in one SQLite or PostgreSQL database.

    ``Store.open(url)`` connects and upgrades the schema to the newest migration; use it as a
    context manager, or call ``close()``, to release connections.
    """

    def __init__(self, url: str, *, upgrade: bool = True) -> None:
        self._url = parse_url(url)
        self.engine = _make_engine(self._url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        try:
            with self.engine.connect():
                pass
        except DBAPIError as exc:
            self.engine.dispose()
            raise DatabaseURLError(
                f"cannot open the database: {_first_line(exc)} "
                "(is the server running, and are the URL, user and database name right?)",
                path=self.url,
            ) from exc
        if upgrade:
            self._upgrade()
        logger.debug("opened store %s", self.url)

    @classmethod
    def open(cls, url: str, *, upgrade: bool = True) -> Store:
        """Connect to ``url``; with ``upgrade`` (the default) migrate the schema to head."""
        return cls(url, upgrade=upgrade)

    def _upgrade(self) -> None:
        try:
            migrate.upgrade(self.engine)
        except CommandError as exc:
            self.engine.dispose()
            raise StoreError(
                f"cannot migrate the database schema: {exc} (was it made by a newer allegiance?)",
                path=self.url,
            ) from exc
        except SQLAlchemyError as exc:
            self.engine.dispose()
            raise StoreError(
                f"cannot migrate the database schema: {_first_line(exc)}", path=self.url
            ) from exc

    @property
    def url(self) -> str:
        """The database URL with any password hidden."""
        return self._url.render_as_string(hide_password=True)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.url!r})"

    # --- writing ----------------------------------------------------------------------------
    def save(
        self, result: ExtractionResult, *, extractor_version: str, run_id: int | None = None
    ) -> bool:
        """Store one document and its events in one transaction.

        Returns False, storing nothing, when a document with the same content hash is already
        there. Raises StoreError (after rolling this document back) when it cannot be stored.
        """
        doc = result.document
        doc_id = doc.id
        what = f"document {doc.name!r}"
        convert.check_storable(result, what=what)
        now = convert.utcnow()
        try:
            with self._sessions.begin() as session:
                if session.get(DocumentRow, doc_id) is not None:
                    logger.info("skipping %s: already stored as %s", what, doc_id[:12])
                    return False
                session.add(convert.document_to_row(doc, ingested_at=now, run_id=run_id))
                session.flush()
                session.add_all(
                    [
                        convert.event_to_row(
                            ev,
                            document_id=doc_id,
                            extractor_version=extractor_version,
                            created_at=now,
                        )
                        for ev in result.events
                    ]
                )
                session.flush()
        except IntegrityError as exc:
            # Another writer may have stored the same document between our check and insert.
            if self.has_document(doc_id):
                logger.info("skipping %s: stored meanwhile by another writer", what)
                return False
            raise StoreError(f"cannot store {what}: {_first_line(exc)}") from exc
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot store {what}: {_first_line(exc)}") from exc
        logger.debug("stored %s with %d events", what, len(result.events))
        return True

    def start_run(self, *, extractor_version: str) -> int:
        """Record the start of a run and return its id."""
        with self._sessions.begin() as session:
            row = RunRow(
                started_at=convert.utcnow(),
                extractor_version=extractor_version,
                n_documents=0,
                n_events=0,
                n_skipped=0,
            )
            session.add(row)
            session.flush()
            return row.id

    def finish_run(
        self,
        run_id: int,
        *,
        n_documents: int,
        n_events: int,
        n_skipped: int,
        finished: bool = True,
    ) -> RunRecord:
        """Record a run's counts and, when ``finished``, the time it ended."""
        with self._sessions.begin() as session:
            row = session.get(RunRow, run_id)
            if row is None:
                raise StoreError(f"no run with id {run_id}")
            row.n_documents = n_documents
            row.n_events = n_events
            row.n_skipped = n_skipped
            if finished:
                row.finished_at = convert.utcnow()
            session.flush()
            return convert.row_to_run(row)

    @contextmanager
    def run(self, *, extractor_version: str) -> Iterator[Run]:
        """A run as a context manager: ``with store.run(extractor_version=v) as run: run.save(r)``.

        The counts are written on exit; ``finished_at`` only when the block did not raise.
        """
        recorder = Run(self, self.start_run(extractor_version=extractor_version), extractor_version)
        finished = False
        try:
            yield recorder
            finished = True
        finally:
            self.finish_run(
                recorder.id,
                n_documents=recorder.n_documents,
                n_events=recorder.n_events,
                n_skipped=recorder.n_skipped,
                finished=finished,
            )

    # --- reading ----------------------------------------------------------------------------
    def has_document(self, document_id: str) -> bool:
        with self._sessions() as session:
            return session.get(DocumentRow, document_id) is not None

    def get_document(self, document_id: str) -> StoredDocument | None:
        with self._sessions() as session:
            row = session.get(DocumentRow, document_id)
            if row is None:
                return None
            n_events = session.scalar(
                select(func.count()).select_from(EventRow).where(EventRow.document_id == row.id)
            )
            return convert.row_to_stored_document(row, n_events=n_events or 0)

    def get_run(self, run_id: int) -> RunRecord | None:
        with self._sessions() as session:
            row = session.get(RunRow, run_id)
            return convert.row_to_run(row) if row is not None else None

    def iter_events(
        self,
        type: EventType | str | None = None,  # noqa: A002 - mirrors the codebook field
        *,
        document_id: str | None = None,
        batch_size: int = 500,
    ) -> Iterator[StoredEvent]:
        """Stored events in the order they were stored, optionally of one type or document.

        Rows are fetched ``batch_size`` at a time inside one read transaction; on SQLite, finish
        iterating before writing to the same database.
        """
        query = select(
            EventRow, DocumentRow.name, DocumentRow.url, DocumentRow.outlet, DocumentRow.title
        ).join(DocumentRow, EventRow.document_id == DocumentRow.id)
        if type is not None:
            query = query.where(EventRow.type == _event_type(type).value)
        if document_id is not None:
            query = query.where(EventRow.document_id == document_id)
        query = query.order_by(EventRow.id).execution_options(yield_per=batch_size)
        with self._sessions() as session:
            for row, name, url, outlet, title in session.execute(query):
                yield convert.row_to_stored_event(
                    row, document_name=name, url=url, outlet=outlet, title=title
                )

    def counts(self) -> Counts:
        """How many documents, events (in all and by type) and runs are stored."""
        with self._sessions() as session:
            n_docs = session.scalar(select(func.count()).select_from(DocumentRow)) or 0
            n_runs = session.scalar(select(func.count()).select_from(RunRow)) or 0
            by_type = {t.value: 0 for t in EventType}
            for type_, n in session.execute(
                select(EventRow.type, func.count()).group_by(EventRow.type)
            ):
                by_type[type_] = n
        return Counts(documents=n_docs, events=sum(by_type.values()), runs=n_runs, by_type=by_type)

    def session(self) -> Session:
        """A plain SQLAlchemy session, for queries the methods above do not cover."""
        return self._sessions()


class Run:
    """Counts what one run stores; made by ``Store.run``."""

    def __init__(self, store: Store, run_id: int, extractor_version: str) -> None:
        self.store = store
        self.id = run_id
        self.extractor_version = extractor_version
        self.n_documents = 0
        self.n_events = 0
        self.n_skipped = 0

    def save(self, result: ExtractionResult) -> bool:
        """Store a result under this run; a document already stored counts as skipped."""
        stored = self.store.save(result, extractor_version=self.extractor_version, run_id=self.id)
        if stored:
            self.n_documents += 1
            self.n_events += len(result.events)
        else:
            self.n_skipped += 1
        return stored

    def skip(self, n: int = 1) -> None:
        """Count documents the caller could not process (unreadable files, say)."""
        self.n_skipped += n


def _event_type(value: EventType | str) -> EventType:
    try:
        return EventType(value)
    except ValueError as exc:
        names = ", ".join(t.value for t in EventType)
        raise StoreError(f"unknown event type {value!r}; one of: {names}") from exc
