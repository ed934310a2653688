"""The library API: text -> Document -> events -> store, one way.

    from allegiance.pipeline import Pipeline
    pipe = Pipeline()
    for item in pipe.process(["articles/"]):
        ...  # ExtractionResult, or IngestError for a file that could not be read

`Pipeline.run` adds the store and a report; the CLI is a thin layer over it.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from allegiance.errors import AllegianceError, IngestError
from allegiance.ingest import iter_documents
from allegiance.models import Document, Event, ExtractionResult
from allegiance.settings import Settings, get_settings

log = logging.getLogger(__name__)


def demo_dir() -> Path:
    """The bundled demo corpus (articles/ and gold/)."""
    return Path(str(resources.files("allegiance") / "demo"))


@dataclass
class RunReport:
    documents: int = 0  # read and extracted
    stored: int = 0  # new in the database
    duplicates: int = 0  # already stored (same content hash)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    failed: list[tuple[str, str]] = field(default_factory=list)  # extraction or storage errors
    events_by_type: Counter[str] = field(default_factory=Counter)

    @property
    def ok(self) -> bool:
        return not self.skipped and not self.failed


class Pipeline:
    """Ingest, extract and (optionally) store. The spaCy pipeline loads on first use."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or get_settings()
        self._extractor = None

    @property
    def extractor(self):  # noqa: ANN201 - import kept lazy so `--help` stays fast
        if self._extractor is None:
            from allegiance.extract import Extractor

            self._extractor = Extractor(self.settings.spacy_model)
        return self._extractor

    def documents(self, paths: Iterable[str | Path]) -> Iterator[Document | IngestError]:
        return iter_documents(paths, max_bytes=int(self.settings.max_file_mb * 1024 * 1024))

    def extract(self, doc: Document) -> ExtractionResult:
        return ExtractionResult(document=doc, events=self.extractor.extract(doc))

    def process(self, paths: Iterable[str | Path]) -> Iterator[ExtractionResult | AllegianceError]:
        """Each input document's result, or the error that kept it out; never stops early."""
        for item in self.documents(paths):
            if isinstance(item, IngestError):
                yield item
                continue
            try:
                yield self.extract(item)
            except Exception as exc:  # one bad document never loses the others
                log.exception("extraction failed for %s", item.name)
                yield AllegianceError(f"extraction failed: {exc}", path=item.name)

    def run(
        self,
        paths: Iterable[str | Path],
        store: object | None = None,
        on_item: Callable[[str], None] | None = None,
    ) -> RunReport:
        """Process paths into the store (if given), one transaction per document."""
        report = RunReport()
        run_id = store.start_run(extractor_version=self.extractor.version) if store is not None else None
        for item in self.process(paths):
            if isinstance(item, IngestError):
                report.skipped.append((item.path or "?", f"[{item.code}] {item.message}"))
                log.warning("%s", item)
            elif isinstance(item, AllegianceError):
                report.failed.append((item.path or "?", item.message))
                log.error("%s", item)
            else:
                report.documents += 1
                report.events_by_type.update(e.type.value for e in item.events)
                if store is not None:
                    try:
                        new = store.save(item, extractor_version=self.extractor.version)
                    except AllegianceError as exc:
                        report.failed.append((item.document.name, str(exc)))
                        log.error("%s", exc)
                    else:
                        report.stored += int(new)
                        report.duplicates += int(not new)
            if on_item is not None:
                on_item(getattr(getattr(item, "document", None), "name", None) or getattr(item, "path", "") or "")
        if store is not None and run_id is not None:
            store.finish_run(run_id, n_documents=report.documents, n_events=sum(report.events_by_type.values()),
                             n_skipped=len(report.skipped) + len(report.failed))
        return report


def extract_text(text: str, *, name: str = "text.txt", published: dt.date | None = None) -> list[Event]:
    """Events in one article given as a string (boilerplate filter and date finding included)."""
    from allegiance.ingest import document_from_text

    doc = document_from_text(text, name=name, published=published)
    return Pipeline().extract(doc).events
