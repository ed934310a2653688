"""Helpers the extraction tests share: run the pipeline on a short article written for a test."""

from __future__ import annotations

import datetime as dt

from allegiance.ingest import document_from_text
from allegiance.models import Event
from allegiance.pipeline import Pipeline


def events(pipe: Pipeline, body: str, published: dt.date) -> list[Event]:
    """The events found in `body`, under a headline that holds none, dated `published`."""
    text = f"Test headline without an event\n\n{body}\n"
    return pipe.extract(
        document_from_text(text, name="case.txt", published=published)
    ).events


def only(pipe: Pipeline, body: str, published: dt.date) -> Event:
    """The one event found in `body` (the test fails, listing them, if there are more or none)."""
    found = events(pipe, body, published)
    assert len(found) == 1, [(e.type.value, e.evidence) for e in found]
    return found[0]
