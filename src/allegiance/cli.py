"""The `allegiance` command: a thin layer over the library.

Data goes to stdout, logs and progress to stderr. Any `AllegianceError` becomes one line,
``[A101] file: reason``, and exit status 2; a run where some inputs failed exits 1.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from allegiance import __version__
from allegiance.errors import AllegianceError

app = typer.Typer(
    name="allegiance",
    help="Event data on defections and shifting allegiances from conflict news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console()
err = Console(stderr=True)
log = logging.getLogger("allegiance")

EXIT_INPUT_FAILED = 1
EXIT_ERROR = 2


def _version(value: bool) -> None:
    if value:
        out.print(f"allegiance {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    verbose: Annotated[int, typer.Option("-v", "--verbose", count=True, help="-v info, -vv debug logs on stderr.")] = 0,
    db: Annotated[Optional[str], typer.Option("--db", help="SQLite path or database URL (else ALLEGIANCE_DB).")] = None,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")] = False,
) -> None:
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s", force=True)
    if verbose < 2:
        for noisy in ("trafilatura", "htmldate", "charset_normalizer", "alembic"):
            logging.getLogger(noisy).setLevel(logging.ERROR)
    if db:
        import os

        os.environ["ALLEGIANCE_DB"] = db
        from allegiance.settings import get_settings

        get_settings.cache_clear()


def _settings():
    from allegiance.settings import get_settings

    return get_settings()


def _inputs(paths: list[Path] | None) -> list[Path]:
    if paths:
        return paths
    from allegiance.pipeline import demo_dir

    return [demo_dir() / "articles"]


@app.command()
def run(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Files or folders (.txt, .html, .jsonl). Default: the demo corpus.")] = None,
) -> None:
    """Ingest, extract and store events; end with a summary table."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from allegiance.pipeline import Pipeline
    from allegiance.store import Store

    settings = _settings()
    inputs = _inputs(paths)
    store = Store.open(settings.db_url)
    pipe = Pipeline(settings)
    progress = Progress(
        TextColumn("[bold]extracting"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
        TimeElapsedColumn(), console=err, transient=True, disable=not err.is_terminal,
    )
    total = sum(1 for _ in _walk(inputs))
    with progress:
        task = progress.add_task("", total=total)
        report = pipe.run(inputs, store=store, on_item=lambda name: progress.update(task, advance=1, description=name))
    _summary(report, settings.db)
    if not report.ok:
        raise typer.Exit(EXIT_INPUT_FAILED)


def _walk(paths: list[Path]):
    for p in paths:
        if p.is_dir():
            yield from (f for f in p.rglob("*") if f.is_file() and not f.name.startswith("."))
        else:
            yield p


def _summary(report, db: str) -> None:
    table = Table(title="allegiance run", show_header=True, header_style="bold")
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("documents read", str(report.documents))
    table.add_row("  new in the database", str(report.stored))
    table.add_row("  already stored", str(report.duplicates))
    table.add_row("skipped", str(len(report.skipped)), style="red" if report.skipped else None)
    for etype in ("defection", "surrender", "call_to_defect", "tally"):
        table.add_row(f"events: {etype}", str(report.events_by_type.get(etype, 0)))
    table.add_row("events: total", str(sum(report.events_by_type.values())), style="bold")
    out.print(table)
    for path, reason in report.skipped + report.failed:
        out.print(f"[red]skipped[/red] {path}: {reason}", highlight=False)
    out.print(f"database: {db}", highlight=False)


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to extract from.")],
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for one NAME.json per input.")],
    fmt: Annotated[str, typer.Option("--format", help="Output format: codebook.")] = "codebook",
) -> None:
    """Extract events to codebook JSON files, without a database."""
    from allegiance.pipeline import Pipeline

    if fmt != "codebook":
        raise typer.BadParameter("only 'codebook' is supported", param_hint="--format")
    out_dir.mkdir(parents=True, exist_ok=True)
    failed = 0
    n = 0
    for item in Pipeline(_settings()).process(paths):
        if isinstance(item, AllegianceError):
            err.print(str(item), highlight=False, markup=False)
            failed += 1
            continue
        target = out_dir / f"{item.document.stem}.json"
        target.write_text(json.dumps(item.to_codebook(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        n += 1
    err.print(f"wrote {n} file(s) to {out_dir}" + (f"; {failed} input(s) failed" if failed else ""), highlight=False)
    if failed:
        raise typer.Exit(EXIT_INPUT_FAILED)


@app.command("eval")
def eval_(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of gold JSON files.")],
    pred: Annotated[Optional[Path], typer.Option("--pred", help="Folder of predicted codebook JSON (else extract now).")] = None,
    articles: Annotated[Optional[Path], typer.Option("--articles", help="Where the articles are (else beside the gold).")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", help="List each miss.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Score predictions against gold as the codebook's Scoring section says."""
    from allegiance.evaluate import evaluate_dir, render

    report = evaluate_dir(gold_dir, pred_dir=pred, articles_dir=articles, settings=_settings())
    if as_json:
        out.print_json(json.dumps(report.to_dict()))
    else:
        render(report, out, verbose=verbose)


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", help="csv, json, geojson or parquet.")] = "csv",
    out_file: Annotated[Optional[Path], typer.Option("--out", help="File to write (default: stdout).")] = None,
) -> None:
    """Export stored events."""
    from allegiance.export import export_events
    from allegiance.store import Store

    store = Store.open(_settings().db_url)
    target = out_file if out_file is not None else sys.stdout
    report = export_events(store.iter_events(), fmt, target)  # type: ignore[arg-type]
    msg = f"exported {report.written} event(s) as {fmt}"
    if report.left_out:
        msg += f"; {report.left_out} without a place left out"
    err.print(msg, highlight=False)


@app.command()
def explain(
    path: Annotated[Path, typer.Argument(help="One article file.")],
) -> None:
    """Show, per event, the sentence, the trigger, each field and the rule that filled it."""
    from allegiance.pipeline import Pipeline

    for item in Pipeline(_settings()).process([path]):
        if isinstance(item, AllegianceError):
            raise item
        doc = item.document
        out.print(f"[bold]{doc.name}[/bold]  published {doc.published} ({doc.published_source})"
                  + (f", span {doc.published_span.start}..{doc.published_span.end}" if doc.published_span else ""))
        if doc.removed:
            out.print(f"  boilerplate removed: {len(doc.removed)} line(s): "
                      + "; ".join(f"{b.reason}: {b.text[:40]!r}" for b in doc.removed[:8]), highlight=False)
        if not item.events:
            out.print("  no events")
        for i, ev in enumerate(item.events, 1):
            table = Table(title=f"event {i}: {ev.type.value}  (trigger '{ev.trigger}')", title_justify="left", show_header=True)
            table.add_column("field")
            table.add_column("value", overflow="fold")
            table.add_column("rule", overflow="fold", style="dim")
            cb = ev.to_codebook()
            for name in ("date", "location", "count", "who", "to", "actor", "claimed_by", "certainty"):
                table.add_row(name, json.dumps(cb[name], ensure_ascii=False), ev.provenance.get(name, ""))
            table.add_row("type", ev.type.value, ev.provenance.get("type", ""))
            table.add_row("evidence", ev.evidence, f"chars {ev.evidence_start}..{ev.evidence_end}")
            out.print(table)


@app.command()
def places(query: Annotated[str, typer.Argument(help="A place name as written.")]) -> None:
    """Look a place up in the gazetteer and print candidates with their hierarchy."""
    from allegiance.normalise.places import lookup_places

    rows = lookup_places(query)
    if not rows:
        err.print(f"no place matches {query!r}")
        raise typer.Exit(EXIT_INPUT_FAILED)
    for row in rows:
        out.print(row, highlight=False)


@app.command()
def actors(query: Annotated[str, typer.Argument(help="An actor name, alias or abbreviation.")]) -> None:
    """Look an actor up in the registry."""
    from allegiance.normalise.actors import lookup_actors

    rows = lookup_actors(query)
    if not rows:
        err.print(f"no actor matches {query!r}")
        raise typer.Exit(EXIT_INPUT_FAILED)
    for row in rows:
        out.print(row, highlight=False)


@app.command()
def bench(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Files or folders. Default: the demo corpus.")] = None,
    repeat: Annotated[int, typer.Option(help="Passes over the corpus.")] = 3,
) -> None:
    """Throughput (articles/s, words/s) of the pipeline vs spaCy's plain nlp.pipe, and peak memory."""
    from allegiance.bench import render_bench, run_bench

    render_bench(run_bench(_inputs(paths), repeat=repeat, settings=_settings()), out)


def main() -> None:
    """Console-script entry point: domain errors become one line and exit status 2."""
    try:
        app()
    except AllegianceError as exc:
        err.print(str(exc), highlight=False, markup=False)
        sys.exit(EXIT_ERROR)
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)


__all__ = ["app", "main"]
