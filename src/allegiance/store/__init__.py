"""Storage of documents, events and runs in SQLite or PostgreSQL (SQLAlchemy 2 + Alembic).

    from allegiance.store import Store

    with Store.open("sqlite:///allegiance.db") as store:
        with store.run(extractor_version="0.1.0") as run:
            run.save(result)              # False when the document is already stored
        for stored in store.iter_events(type="defection"):
            print(stored.document_name, stored.event.to_codebook())
"""

from __future__ import annotations

from allegiance.store.records import Counts, RunRecord, StoredDocument, StoredEvent
from allegiance.store.repository import Run, Store, parse_url

__all__ = [
    "Counts",
    "Run",
    "RunRecord",
    "Store",
    "StoredDocument",
    "StoredEvent",
    "parse_url",
]
