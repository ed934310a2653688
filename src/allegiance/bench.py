"""`allegiance bench`: throughput and memory, printed as numbers, never asserted in tests.

Measures, in one process and one run, on the same documents:
- the whole pipeline: each pass reads the files again (ingest: decoding, HTML extraction,
  boilerplate filter, date finding) and extracts (sentence split, trigger scan, parse of the
  candidate sentences, rules, normalisation), as ``allegiance run`` does minus the database;
- spaCy's plain ``nlp.pipe`` with the same pipeline over the same (already cleaned) texts;
and the peak resident memory of the process.
"""

from __future__ import annotations

import resource
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

from allegiance.errors import AllegianceError
from allegiance.models import Document
from allegiance.settings import Settings


@dataclass
class BenchResult:
    articles: int
    words: int
    repeat: int
    pipeline_seconds: float  # ingest + extraction, all passes
    nlp_pipe_seconds: float  # plain nlp.pipe over the cleaned texts, all passes
    load_seconds: float
    peak_rss_mb: float
    skipped: int = 0  # inputs that could not be read or extracted (per pass)

    def rate(self, seconds: float) -> tuple[float, float]:
        n = self.articles * self.repeat
        w = self.words * self.repeat
        return (n / seconds if seconds else 0.0, w / seconds if seconds else 0.0)

    @property
    def speedup(self) -> float:
        """How many times faster the whole pipeline is than plain ``nlp.pipe`` (>1: faster)."""
        return self.nlp_pipe_seconds / self.pipeline_seconds if self.pipeline_seconds else 0.0


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # bytes vs KiB


def run_bench(paths: Iterable[Path], *, repeat: int = 3, settings: Settings) -> BenchResult:
    from allegiance.pipeline import Pipeline

    paths = list(paths)
    pipe = Pipeline(settings)
    docs: list[Document] = [d for d in pipe.documents(paths) if not isinstance(d, AllegianceError)]
    if not docs:
        raise AllegianceError("no readable documents to benchmark")
    t0 = time.perf_counter()
    extractor = pipe.extractor
    load = time.perf_counter() - t0
    texts = [d.text for d in docs]
    # warm-up pass so both measurements run on a loaded, warmed pipeline
    for doc in docs[:2]:
        pipe.extract(doc)
    for _doc in extractor.nlp.pipe(texts[:2], batch_size=settings.batch_size):
        pass
    skipped = 0
    t0 = time.perf_counter()
    for _ in range(repeat):
        skipped = 0
        for item in pipe.process(paths):  # re-reads every file: ingest is part of the pipeline
            skipped += isinstance(item, AllegianceError)
    t_pipe = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _ in range(repeat):
        for _doc in extractor.nlp.pipe(texts, batch_size=settings.batch_size):
            pass
    t_nlp = time.perf_counter() - t0
    return BenchResult(
        articles=len(docs), words=sum(len(t.split()) for t in texts), repeat=repeat,
        pipeline_seconds=t_pipe, nlp_pipe_seconds=t_nlp, load_seconds=load,
        peak_rss_mb=_peak_rss_mb(), skipped=skipped,
    )


def render_bench(r: BenchResult, console: Console) -> None:
    table = Table(title=f"allegiance bench: {r.articles} articles, {r.words:,} words, {r.repeat} pass(es)")
    table.add_column("what")
    table.add_column("articles/s", justify="right")
    table.add_column("words/s", justify="right")
    table.add_column("seconds", justify="right")
    for label, secs in (
        ("allegiance pipeline (read files + extract)", r.pipeline_seconds),
        ("spaCy nlp.pipe (same cleaned texts)", r.nlp_pipe_seconds),
    ):
        a, w = r.rate(secs)
        table.add_row(label, f"{a:,.1f}", f"{w:,.0f}", f"{secs:.2f}")
    console.print(table)
    ratio = r.speedup
    relation = f"{ratio:.2f}x as fast as" if ratio >= 1 else f"{1 / ratio if ratio else 0:.2f}x slower than"
    console.print(f"pipeline / nlp.pipe speed ratio: {ratio:.2f} (the whole pipeline is {relation} "
                  f"plain nlp.pipe); model load {r.load_seconds:.2f} s; peak memory {r.peak_rss_mb:,.0f} MB"
                  + (f"; {r.skipped} input(s) could not be read or extracted" if r.skipped else ""),
                  highlight=False)
