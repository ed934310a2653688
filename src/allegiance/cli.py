"""The `allegiance` command: a thin layer over the library.

Data goes to stdout, logs, progress and problems to stderr. Any `AllegianceError` that stops a
command becomes one line, ``[A301] where: reason``, and exit status 2 (a usage or configuration
error); a command that went on past inputs it could not read or store exits 1, naming each
one on a line of its own; otherwise 0.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text
from typer.core import TyperGroup

from allegiance import __version__
from allegiance.errors import AllegianceError, SettingsError, StoreError

if TYPE_CHECKING:
    from allegiance.pipeline import Problem, RunReport
    from allegiance.settings import Settings

EXIT_OK = 0
EXIT_INPUT_FAILED = 1
EXIT_ERROR = 2
EXIT_INTERRUPTED = 130

EVENT_TYPES = ("defection", "surrender", "call_to_defect", "tally")
NOISY_LOGGERS = ("trafilatura", "htmldate", "courlan", "charset_normalizer", "alembic", "urllib3")

log = logging.getLogger("allegiance")

# Made afresh for each invocation (see _main), so colour and width follow the streams in use.
out = Console()
err = Console(stderr=True)


class _Group(TyperGroup):
    """Turns a domain error into one line on stderr and exit status 2, for every command."""

    def invoke(self, ctx: typer.Context) -> Any:
        try:
            return super().invoke(ctx)
        except AllegianceError as exc:
            _say(str(exc))
            raise typer.Exit(EXIT_ERROR) from None
        except KeyboardInterrupt:
            _say("interrupted")
            raise typer.Exit(EXIT_INTERRUPTED) from None


app = typer.Typer(
    name="allegiance",
    cls=_Group,
    help="Event data on defections and shifting allegiances from conflict news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _say(line: str, console: Console | None = None) -> None:
    """One line on stderr, never wrapped and never read as markup."""
    (console or err).print(line, soft_wrap=True, markup=False, highlight=False)


def _stderr_is_terminal() -> bool:
    """Whether stderr is a terminal (the real thing: FORCE_COLOR and the like do not count)."""
    isatty = getattr(sys.stderr, "isatty", None)
    try:
        return bool(isatty is not None and isatty())
    except ValueError:  # closed stream
        return False


# --- global options, settings and logging ---------------------------------------------------


class _StderrHandler(logging.StreamHandler):
    """A log handler that writes to whatever ``sys.stderr`` is when a record is emitted."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)

    @property  # type: ignore[override]
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, _value: object) -> None:
        pass


def _setup_logging(ctx: typer.Context, verbose: int) -> None:
    """-v info, -vv debug (third-party libraries too), else warnings only; on stderr.

    Undone when the command ends, so running the app in-process leaves logging as it was.
    """
    level = logging.WARNING if verbose <= 0 else logging.INFO if verbose == 1 else logging.DEBUG
    root = logging.getLogger()
    handler = _StderrHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    handler.setLevel(level)
    saved = {name: logging.getLogger(name).level for name in ("", *NOISY_LOGGERS)}
    root.addHandler(handler)
    root.setLevel(level)
    if verbose < 2:
        for noisy in NOISY_LOGGERS:
            logging.getLogger(noisy).setLevel(logging.ERROR)

    def restore() -> None:
        root.removeHandler(handler)
        for name, lvl in saved.items():
            logging.getLogger(name).setLevel(lvl)

    ctx.call_on_close(restore)


def _load_settings(db: str | None) -> Settings:
    """Defaults < config file < ALLEGIANCE_* environment < command-line flags, read afresh."""
    from pydantic import ValidationError

    from allegiance.settings import Settings

    try:
        settings = Settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ())) or "settings"
        raise SettingsError(f"bad setting {where}: {first.get('msg')}") from None
    except Exception as exc:  # an unreadable or invalid config file
        raise SettingsError(f"cannot read the settings: {type(exc).__name__}: {exc}") from None
    return settings.with_overrides(db=db)


_current: dict[str, Settings | None] = {"settings": None}


def _settings() -> Settings:
    """The settings of this invocation (set by the global options)."""
    settings = _current["settings"]
    return settings if settings is not None else _load_settings(None)


def _version(value: bool) -> None:
    if value:
        Console().print(f"allegiance {__version__}", highlight=False)
        raise typer.Exit()


@app.callback()
def _main(
    ctx: typer.Context,
    verbose: Annotated[int, typer.Option("-v", "--verbose", count=True, help="-v info, -vv debug logs on stderr.")] = 0,
    db: Annotated[str | None, typer.Option("--db", metavar="PATH_OR_URL", help="SQLite file or database URL (else ALLEGIANCE_DB).")] = None,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")] = False,
) -> None:
    global out, err
    out, err = Console(), Console(stderr=True)
    _setup_logging(ctx, verbose)
    _current["settings"] = None
    _current["settings"] = ctx.obj = _load_settings(db)


def _inputs(paths: list[Path] | None) -> list[Path]:
    if paths:
        return paths
    from allegiance.pipeline import demo_dir

    return [demo_dir() / "articles"]


def _count_items(paths: Iterable[Path], max_bytes: int) -> int:
    """How many items a run will report on: one per file, one per line of a JSONL file."""
    from allegiance.ingest.readers import SUFFIXES

    def files(root: Path) -> Iterable[Path]:
        for f in sorted(root.rglob("*")):
            rel = f.relative_to(root).parts
            if f.is_file() and not any(p.startswith(".") for p in rel) and f.suffix.lower() in SUFFIXES:
                yield f

    n = 0
    for p in paths:
        for f in files(p) if p.is_dir() else [p]:
            n += 1
            if f.suffix.lower() == ".jsonl" and f.is_file():
                try:
                    if 0 < f.stat().st_size <= max_bytes:
                        with f.open("rb") as handle:
                            n += sum(1 for line in handle if line.strip()) - 1
                except OSError:
                    pass
    return n


# --- run ----------------------------------------------------------------------------------------


@app.command()
def run(
    paths: Annotated[list[Path] | None, typer.Argument(help="Files or folders (.txt, .html, .jsonl). Default: the demo corpus.", show_default=False)] = None,
) -> None:
    """Ingest, extract and store events; end with a summary table."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    from allegiance.pipeline import Pipeline, problem_line
    from allegiance.store import Store

    settings = _settings()
    inputs = _inputs(paths)
    pipe = Pipeline(settings)
    show = _stderr_is_terminal()
    progress = Progress(
        TextColumn("[bold]extracting"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
        TimeElapsedColumn(), console=err, transient=True, disable=not show,
    )
    with Store.open(settings.db_url) as store:
        log.info("run: %d input path(s) into %s", len(inputs), store.url)
        with progress:
            task = progress.add_task("", total=_count_items(inputs, pipe.max_bytes) if show else None)
            report = pipe.run(
                inputs,
                store=store,
                on_item=lambda name: progress.update(task, advance=1, description=name),
                on_problem=lambda problem: _say(problem_line(problem), progress.console),
            )
        _summary(report, store.url)
    if not report.ok:
        raise typer.Exit(EXIT_INPUT_FAILED)


def _error_labels() -> dict[str, str]:
    """``{"A102": "empty file", ...}`` from the error classes' names."""
    labels: dict[str, str] = {}
    stack: list[type[AllegianceError]] = [AllegianceError]
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        words = re.findall(r"[A-Z]+(?=[A-Z][a-z]|$)|[A-Z]?[a-z]+", cls.__name__)
        words = [w if w.isupper() else w.lower() for w in words if w != "Error"]
        labels.setdefault(cls.code, " ".join(words) or "error")
    labels.update({"A000": "extraction failed", "A100": "unreadable", "A104": "undecodable",
                   "A300": "not stored"})
    return labels


def _code(reason: str) -> str:
    m = re.match(r"\[(A\d{3})\]", reason)
    return m.group(1) if m else "A000"


def _summary(report: RunReport, db: str) -> None:
    labels = _error_labels()
    table = Table(title="allegiance run", show_header=True, header_style="bold")
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("documents read", str(report.documents))
    table.add_row("  new in the database", str(report.stored))
    table.add_row("  already stored", str(report.duplicates))

    def problems(title: str, items: list[Problem]) -> None:
        table.add_row(title, str(len(items)), style="red" if items else None)
        for code, n in sorted(Counter(_code(reason) for _, reason in items).items()):
            table.add_row(Text(f"  {labels.get(code, 'error')} [{code}]"), str(n), style="red")

    problems("skipped (unreadable input)", report.skipped)
    if report.failed:
        problems("failed (not extracted or stored)", report.failed)
    for etype in EVENT_TYPES:
        table.add_row(f"events: {etype}", str(report.events_by_type.get(etype, 0)))
    table.add_row("events: total", str(report.events), style="bold")
    table.add_row("  new events stored", str(report.events_stored))
    out.print(f"database: {db}", soft_wrap=True, highlight=False, markup=False)
    out.print(table)


# --- extract ------------------------------------------------------------------------------------


class ExtractFormat(str, Enum):
    codebook = "codebook"


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to extract from.", show_default=False)],
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for one NAME.json per input.", show_default=False)],
    fmt: Annotated[ExtractFormat, typer.Option("--format", help="Output format.")] = ExtractFormat.codebook,
) -> None:
    """Extract events to one codebook JSON file per input, without a database."""
    from allegiance.pipeline import Pipeline, describe, problem_line

    out_dir.mkdir(parents=True, exist_ok=True)
    failed = 0
    written: dict[Path, str] = {}
    for item in Pipeline(_settings()).process(paths):
        if isinstance(item, AllegianceError):
            _say(problem_line(describe(item)))
            failed += 1
            continue
        name = item.document.name
        target = out_dir / f"{item.document.stem}.json"
        if target in written:  # a.txt and a.html, or x/a.txt and y/a.txt: never overwrite silently
            _say(f"{name}: not written, {target.name} already holds {written[target]} (rename one of them)")
            failed += 1
            continue
        target.write_text(json.dumps(item.to_codebook(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        written[target] = name
    _say(f"wrote {len(written)} file(s) to {out_dir}" + (f"; {failed} input(s) failed" if failed else ""))
    if failed:
        raise typer.Exit(EXIT_INPUT_FAILED)


# --- eval ---------------------------------------------------------------------------------------


@app.command("eval")
def eval_(
    gold_dir: Annotated[Path, typer.Argument(help="Folder (or file) of gold JSON.", show_default=False)],
    pred: Annotated[Path | None, typer.Option("--pred", help="Folder of predicted codebook JSON (else extract now).", show_default=False)] = None,
    articles: Annotated[Path | None, typer.Option("--articles", help="Where the articles are (else beside the gold, or in a sibling seeds/ or articles/).", show_default=False)] = None,
    verbose: Annotated[bool, typer.Option("--verbose", help="List each miss.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Score predictions against gold as the codebook's Scoring section says."""
    from allegiance.evaluate import evaluate_dir, render

    report = evaluate_dir(gold_dir, pred_dir=pred, articles_dir=articles, settings=_settings())
    if as_json:
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        render(report, out, verbose=verbose)


# --- export -------------------------------------------------------------------------------------


class ExportFormat(str, Enum):
    csv = "csv"
    json = "json"
    geojson = "geojson"
    parquet = "parquet"


def _require_existing_sqlite(url: str) -> None:
    """Exporting from a SQLite file that is not there would only create an empty one."""
    from allegiance.store import parse_url

    parsed = parse_url(url)
    in_a_file = parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:")
    if in_a_file and not Path(parsed.database).exists():
        raise StoreError("no database here; store events first with `allegiance run`",
                             path=parsed.database)


@app.command()
def export(
    fmt: Annotated[ExportFormat | None, typer.Option("--format", help="Output format (default: from the --out suffix, else csv).", show_default=False)] = None,
    out_file: Annotated[Path | None, typer.Option("--out", help="File to write (default: stdout).", show_default=False)] = None,
) -> None:
    """Export stored events (GeoJSON leaves out, and counts, events without a place)."""
    from allegiance.export import export_events, guess_format
    from allegiance.store import Store

    chosen: str = fmt.value if fmt is not None else (guess_format(out_file) if out_file else None) or "csv"
    settings = _settings()
    _require_existing_sqlite(settings.db_url)
    with Store.open(settings.db_url, upgrade=True) as store:
        if out_file is not None:
            target: Any = out_file
        elif chosen == "parquet":
            sys.stdout.flush()
            target = sys.stdout.buffer
        else:
            target = sys.stdout
        report = export_events(store.iter_events(), chosen, target)  # type: ignore[arg-type]
    msg = f"exported {report.written} event(s) as {chosen}"
    if out_file is not None:
        msg += f" to {out_file}"
    if chosen == "geojson":
        msg += f"; {report.left_out} event(s) without a place left out"
    _say(msg)


# --- explain, places, actors ------------------------------------------------------------------


EXPLAINED_FIELDS = ("type", "date", "location", "count", "who", "to", "actor", "claimed_by", "certainty")


@app.command()
def explain(
    path: Annotated[Path, typer.Argument(help="An article file (or a folder of them).", show_default=False)],
) -> None:
    """Show, per event, the sentence, the trigger, each field and the rule that filled it."""
    from allegiance.pipeline import Pipeline, describe, problem_line

    failed = 0
    for item in Pipeline(_settings()).process([path]):
        if isinstance(item, AllegianceError):
            _say(problem_line(describe(item)))
            failed += 1
            continue
        doc = item.document
        span = f", span {doc.published_span.start}..{doc.published_span.end}" if doc.published_span else ""
        out.print(f"[bold]{escape(doc.name)}[/bold]  published {doc.published} ({doc.published_source}){span}", highlight=False)
        if doc.removed:
            out.print(f"  boilerplate removed: {len(doc.removed)} line(s): "
                      + "; ".join(f"{b.reason}: {b.text[:40]!r}" for b in doc.removed[:8]), highlight=False, markup=False)
        if not item.events:
            out.print("  no events")
        from allegiance.nlp import split_sentences

        sentences = split_sentences(doc.text) if item.events else []
        for i, ev in enumerate(item.events, 1):
            table = Table(title=escape(f"event {i}: {ev.type.value}  (trigger {ev.trigger!r})"), title_justify="left", show_header=True)
            table.add_column("field")
            table.add_column("value", overflow="fold")
            table.add_column("rule", overflow="fold", style="dim")
            cb = ev.to_codebook()
            for name in EXPLAINED_FIELDS:
                value = cb[name] if name != "type" else ev.type.value
                shown = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
                rule = ev.provenance.get(name) or ("(nothing in the text)" if value is None else "")
                table.add_row(name, Text(shown), Text(rule))  # Text: never read as markup
            table.add_row("evidence", Text(ev.evidence), f"chars {ev.evidence_start}..{ev.evidence_end}")
            if ev.evidence_start is not None:
                sent = next((s for s in sentences if s.start <= ev.evidence_start < s.end), None)
                if sent is not None:
                    table.add_row("sentence", Text(sent.text), f"sentence {sent.index + 1}")
            out.print(table)
    if failed:
        raise typer.Exit(EXIT_INPUT_FAILED)


def _fmt(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4f}" if abs(value) < 1000 else f"{value:.0f}"
    if isinstance(value, (tuple, list)):
        return ", ".join(str(v) for v in value)
    return str(value)


def _table(title: str, columns: dict[str, Callable[[Any], object]], rows: list[Any]) -> Table:
    table = Table(title=escape(title), title_justify="left", show_header=True, header_style="bold")
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*(Text(_fmt(get(row))) for get in columns.values()))
    return table


@app.command()
def places(
    query: Annotated[str, typer.Argument(help="A place name as written.", show_default=False)],
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many candidates.")] = 5,
) -> None:
    """Look a place up in the gazetteer: candidates with their state/region, P-code and point."""
    from allegiance.normalise.places import lookup_places

    rows = lookup_places(query, limit=limit)
    if not rows:
        _say(f"no place matches {query!r}")
        raise typer.Exit(EXIT_INPUT_FAILED)
    out.print(_table(f"places matching {query!r}", {
        "name": lambda c: c.name,
        "level": lambda c: c.level,
        "state/region": lambda c: c.admin1,
        "township": lambda c: c.admin3,
        "pcode": lambda c: c.pcode,
        "lat, lon": lambda c: "" if c.latitude is None else f"{c.latitude:.3f}, {c.longitude:.3f}",
        "score": lambda c: round(c.score),
    }, rows))


@app.command()
def actors(
    query: Annotated[str, typer.Argument(help="An actor name, alias or abbreviation.", show_default=False)],
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many candidates.")] = 5,
) -> None:
    """Look an actor up in the registry: candidates with the codebook's canonical actor."""
    from allegiance.normalise.actors import lookup_actors

    rows = lookup_actors(query, limit=limit)
    if not rows:
        _say(f"no actor matches {query!r}")
        raise typer.Exit(EXIT_INPUT_FAILED)
    out.print(_table(f"actors matching {query!r}", {
        "actor": lambda c: c.actor.name,
        "canonical": lambda c: c.actor.canonical,
        "part of": lambda c: c.actor.parent,
        "kind": lambda c: c.actor.kind,
        "home": lambda c: c.actor.home,
        "score": lambda c: f"{round(c.score)} ({c.how})",
    }, rows))


# --- bench --------------------------------------------------------------------------------------


@app.command()
def bench(
    paths: Annotated[list[Path] | None, typer.Argument(help="Files or folders. Default: the demo corpus.", show_default=False)] = None,
    repeat: Annotated[int, typer.Option("--repeat", min=1, help="Passes over the corpus.")] = 3,
) -> None:
    """Throughput (articles/s, words/s) of the whole pipeline vs spaCy's plain nlp.pipe, and peak memory."""
    from allegiance.bench import render_bench, run_bench

    render_bench(run_bench(_inputs(paths), repeat=repeat, settings=_settings()), out)


def main() -> None:
    """Console-script entry point (``allegiance`` and ``python -m allegiance``)."""
    try:
        app()
    except AllegianceError as exc:  # raised outside a command (the group handles the rest)
        _say(str(exc))
        sys.exit(EXIT_ERROR)
    except KeyboardInterrupt:
        _say("interrupted")
        sys.exit(EXIT_INTERRUPTED)


__all__ = ["app", "main"]
