"""`allegiance bench`: throughput and memory, printed as numbers, never asserted in tests.

Measures, in one process and one run, on the same documents:
- the whole extraction (sentence split, trigger scan, parse of candidate sentences, rules);
- spaCy's plain ``nlp.pipe`` over the whole texts with the same pipeline;
and the peak resident memory of the process.
"""

from __future__ import annotations

import resource
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
    pipeline_seconds: float
    nlp_pipe_seconds: float
    load_seconds: float
    peak_rss_mb: float

    def rate(self, seconds: float) -> tuple[float, float]:
        n = self.articles * self.repeat
        w = self.words * self.repeat
        return (n / seconds if seconds else 0.0, w / seconds if seconds else 0.0)

    @property
    def speedup(self) -> float:
        return self.nlp_pipe_seconds / self.pipeline_seconds if self.pipeline_seconds else 0.0


def run_bench(paths: Iterable[Path], *, repeat: int = 3, settings: Settings) -> BenchResult:
    from allegiance.pipeline import Pipeline

    pipe = Pipeline(settings)
    docs: list[Document] = [d for d in pipe.documents(paths) if not isinstance(d, AllegianceError)]
    if not docs:
        raise AllegianceError("no readable documents to benchmark")
    t0 = time.perf_counter()
    extractor = pipe.extractor
    load = time.perf_counter() - t0
    # warm-up pass so both measurements run on a loaded, warmed pipeline
    list(extractor.extract_many(docs[:2]))
    t0 = time.perf_counter()
    for _ in range(repeat):
        for _events in extractor.extract_many(docs):
            pass
    t_pipe = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _ in range(repeat):
        for _doc in extractor.nlp.pipe((d.text for d in docs), batch_size=settings.batch_size):
            pass
    t_nlp = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return BenchResult(
        articles=len(docs), words=sum(len(d.text.split()) for d in docs), repeat=repeat,
        pipeline_seconds=t_pipe, nlp_pipe_seconds=t_nlp, load_seconds=load, peak_rss_mb=peak,
    )


def render_bench(r: BenchResult, console: Console) -> None:
    table = Table(title=f"allegiance bench: {r.articles} articles, {r.words} words, {r.repeat} pass(es)")
    table.add_column("what")
    table.add_column("articles/s", justify="right")
    table.add_column("words/s", justify="right")
    table.add_column("seconds", justify="right")
    for label, secs in (("allegiance pipeline", r.pipeline_seconds), ("spaCy nlp.pipe (same texts)", r.nlp_pipe_seconds)):
        a, w = r.rate(secs)
        table.add_row(label, f"{a:,.1f}", f"{w:,.0f}", f"{secs:.2f}")
    console.print(table)
    console.print(f"pipeline is {r.speedup:.2f}x the speed of plain nlp.pipe; "
                  f"model load {r.load_seconds:.2f} s; peak memory {r.peak_rss_mb:,.0f} MB", highlight=False)
