"""The library API: text -> Document -> events -> store, one way.

    from allegiance.pipeline import Pipeline
    pipe = Pipeline()
    for item in pipe.process(["articles/"]):
        ...  # ExtractionResult, or the AllegianceError that kept one input out

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
from typing import TYPE_CHECKING

from allegiance.errors import AllegianceError, ExtractionError, IngestError, ModelNotInstalledError
from allegiance.ingest import iter_documents
from allegiance.models import Document, Event, ExtractionResult
from allegiance.settings import Settings, get_settings

if TYPE_CHECKING:
    from allegiance.store import Store

log = logging.getLogger(__name__)

# A problem with one input: (the file, or "file.jsonl#3" for a JSONL line; "[A102] reason").
Problem = tuple[str, str]


def demo_dir() -> Path:
    """The bundled demo corpus (articles/ and gold/)."""
    return Path(str(resources.files("allegiance") / "demo"))


def describe(error: AllegianceError) -> Problem:
    """An error as ``(file, "[code] reason")``; ``"[code] file: reason"`` is its one-line form."""
    return (error.path or "?", f"[{error.code}] {error.message}")


def problem_line(problem: Problem) -> str:
    """``("a.txt", "[A102] file is empty")`` -> ``"[A102] a.txt: file is empty"``."""
    path, reason = problem
    code, _, message = reason.partition(" ")
    if code.startswith("[") and code.endswith("]"):
        return f"{code} {path}: {message}"
    return f"{path}: {reason}"


@dataclass
class RunReport:
    documents: int = 0  # read and extracted
    stored: int = 0  # new in the database
    duplicates: int = 0  # already stored (same content hash)
    skipped: list[Problem] = field(default_factory=list)  # inputs that could not be read
    failed: list[Problem] = field(default_factory=list)  # extraction or storage errors
    events_by_type: Counter[str] = field(default_factory=Counter)  # in every document read
    events_stored: int = 0  # events of the documents new in the database
    run_id: int | None = None  # the run's row in the store, when there is a store

    @property
    def ok(self) -> bool:
        return not self.skipped and not self.failed

    @property
    def events(self) -> int:
        return sum(self.events_by_type.values())

    @property
    def problems(self) -> list[Problem]:
        return [*self.skipped, *self.failed]


class Pipeline:
    """Ingest, extract and (optionally) store. The spaCy pipeline loads on first use, once per
    process (``allegiance.nlp.load_pipeline`` is cached), however many Pipelines are made."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or get_settings()
        self._extractor = None

    @property
    def extractor(self):
        if self._extractor is None:
            from allegiance.extract import Extractor

            self._extractor = Extractor(self.settings.spacy_model)
        return self._extractor

    @property
    def max_bytes(self) -> int:
        # Decimal megabytes, as the ingest error message reports them ("over the 20.0 MB limit").
        return int(self.settings.max_file_mb * 1_000_000)

    def documents(self, paths: Iterable[str | Path] | str | Path) -> Iterator[Document | IngestError]:
        return iter_documents(paths, max_bytes=self.max_bytes)

    def extract(self, doc: Document) -> ExtractionResult:
        return ExtractionResult(document=doc, events=self.extractor.extract(doc))

    def process(self, paths: Iterable[str | Path] | str | Path) -> Iterator[ExtractionResult | AllegianceError]:
        """Each input document's result, or the error that kept it out, in input order; never
        stops early. Documents are extracted `settings.batch_size` at a time."""
        chunk: list[Document | IngestError] = []
        for item in self.documents(paths):
            chunk.append(item)
            if len(chunk) >= max(1, self.settings.batch_size):
                yield from self._process_chunk(chunk)
                chunk = []
        if chunk:
            yield from self._process_chunk(chunk)

    def _process_chunk(self, chunk: list[Document | IngestError]) -> Iterator[ExtractionResult | AllegianceError]:
        docs = [item for item in chunk if not isinstance(item, IngestError)]
        try:
            batch = dict(zip((id(d) for d in docs), self.extractor.extract_many(docs, batch_size=len(docs) or 1), strict=True))
        except ModelNotInstalledError:  # not about one document: nothing else would work
            raise
        except Exception:  # find the document at fault: extract the chunk one by one
            log.debug("batch extraction failed; retrying one document at a time", exc_info=True)
            batch = {}
        for item in chunk:
            if isinstance(item, IngestError):
                log.info("skipped %s", item)
                yield item
            elif id(item) in batch:
                yield ExtractionResult(document=item, events=batch[id(item)])
            else:
                yield self._extract_one(item)

    def _extract_one(self, doc: Document) -> ExtractionResult | AllegianceError:
        try:
            return self.extract(doc)
        except ModelNotInstalledError:
            raise
        except AllegianceError as exc:
            if exc.path is None:
                exc.path = doc.name
            log.info("extraction failed: %s", exc)
            return exc
        except Exception as exc:  # one bad document never loses the others
            log.info("extraction failed for %s: %s", doc.name, exc)
            log.debug("traceback for %s", doc.name, exc_info=True)
            return ExtractionError(f"extraction failed: {type(exc).__name__}: {exc}", path=doc.name)

    def run(
        self,
        paths: Iterable[str | Path] | str | Path,
        store: Store | None = None,
        on_item: Callable[[str], None] | None = None,
        on_problem: Callable[[Problem], None] | None = None,
    ) -> RunReport:
        """Process paths into the store (if given), one transaction per document.

        A document that cannot be read, extracted or stored is reported (``report.skipped``,
        ``report.failed``, and ``on_problem`` as it happens) and the run goes on; documents
        stored before it stay stored. ``on_item`` gets each input's name after it is handled.
        """
        report = RunReport()
        version = self.extractor.version
        if store is not None:
            report.run_id = store.start_run(extractor_version=version)
        finished = False
        try:
            for item in self.process(paths):
                problem: Problem | None = None
                if isinstance(item, IngestError):
                    problem = describe(item)
                    report.skipped.append(problem)
                elif isinstance(item, AllegianceError):
                    problem = describe(item)
                    report.failed.append(problem)
                else:
                    report.documents += 1
                    report.events_by_type.update(e.type.value for e in item.events)
                    if store is not None:
                        problem = self._save(store, item, version, report)
                if problem is not None:
                    log.info("%s", problem_line(problem))
                    if on_problem is not None:
                        on_problem(problem)
                if on_item is not None:
                    on_item(_item_name(item))
            finished = True
        finally:
            if store is not None and report.run_id is not None:
                try:
                    store.finish_run(
                        report.run_id,
                        n_documents=report.stored,
                        n_events=report.events_stored,
                        n_skipped=len(report.skipped) + len(report.failed) + report.duplicates,
                        finished=finished,
                    )
                except Exception as exc:  # never hide the run's own outcome (or its exception)
                    log.warning("could not record the end of run %s: %s", report.run_id, exc)
        log.info("run: %d document(s) read, %d new, %d already stored, %d skipped, %d failed, %d event(s)",
                 report.documents, report.stored, report.duplicates, len(report.skipped),
                 len(report.failed), report.events)
        return report

    @staticmethod
    def _save(store: Store, item: ExtractionResult, version: str, report: RunReport) -> Problem | None:
        name = item.document.name
        try:
            new = store.save(item, extractor_version=version, run_id=report.run_id)
        except AllegianceError as exc:  # StoreError: this document was rolled back
            problem = (name, f"[{exc.code}] {exc.message}")
        except Exception as exc:  # anything else inside the transaction: rolled back too
            log.debug("traceback for %s", name, exc_info=True)
            problem = (name, f"[A300] cannot store the document: {type(exc).__name__}: {exc}")
        else:
            report.stored += int(new)
            report.duplicates += int(not new)
            if new:
                report.events_stored += len(item.events)
            return None
        report.failed.append(problem)
        return problem


def _item_name(item: ExtractionResult | AllegianceError) -> str:
    if isinstance(item, ExtractionResult):
        return item.document.name
    return item.path or ""


def extract_text(text: str, *, name: str = "text.txt", published: dt.date | str | None = None) -> list[Event]:
    """Events in one article given as a string (boilerplate filter and date finding included)."""
    from allegiance.ingest import document_from_text

    doc = document_from_text(text, name=name, published=published)
    return Pipeline().extract(doc).events


__all__ = ["Pipeline", "Problem", "RunReport", "demo_dir", "describe", "extract_text", "problem_line"]
