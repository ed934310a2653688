"""What the store hands back: codebook models plus the database ids and document fields."""

from __future__ import annotations

import datetime as dt
from typing import TypedDict

from pydantic import BaseModel, ConfigDict

from allegiance.models import Document, Event


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class StoredEvent(_Record):
    """An event as stored: its id, the document it came from, and the codebook event."""

    id: int
    document_id: str
    document_name: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    event: Event


class StoredDocument(_Record):
    """A stored document. ``document.removed`` is not kept, only how many lines it held."""

    document: Document
    ingested_at: dt.datetime
    n_removed_lines: int
    n_events: int
    run_id: int | None = None

    @property
    def id(self) -> str:
        return self.document.id


class RunRecord(_Record):
    """Bookkeeping for one run; ``finished_at`` stays None when the run did not finish."""

    id: int
    started_at: dt.datetime
    finished_at: dt.datetime | None
    extractor_version: str
    n_documents: int
    n_events: int
    n_skipped: int


class Counts(TypedDict):
    """What ``Store.counts()`` returns; ``by_type`` lists every event type, zeros included."""

    documents: int
    events: int
    runs: int
    by_type: dict[str, int]
