"""Read article files into :class:`~allegiance.models.Document` objects.

:func:`iter_documents` walks files and folders (recursively, in sorted order, skipping hidden
files and folders) and reads each file by its suffix: ``.txt``/``.text``/``.md`` as plain text,
``.html``/``.htm`` through trafilatura, ``.jsonl`` one article per line. Bad input never stops
the walk: each problem is yielded as an :class:`~allegiance.errors.IngestError` naming the file
(``file.jsonl#3`` for a JSONL line) with a one-line reason, and the walk goes on.

Every document's text is cleaned by :func:`allegiance.ingest.boilerplate.clean` (the dropped
lines are kept in ``Document.removed``) and dated by
:func:`allegiance.ingest.published.find_published`. ``raw_chars`` is the length of the raw
input for the document: the decoded file for text and HTML, the ``text``/``html`` field for a
JSONL line, after decoding and with line ends normalised to ``"\n"`` (the text whose line
numbers ``Document.removed`` gives).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
import os
import types
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from allegiance.errors import (
    BinaryFileError,
    DecodeError,
    EmptyFileError,
    FileTooLargeError,
    IngestError,
    JSONLLineError,
    MalformedHTMLError,
    MissingPathError,
    NoArticleTextError,
    UnsupportedFormatError,
)
from allegiance.ingest.boilerplate import clean, credit, is_headline_like
from allegiance.ingest.published import find_published
from allegiance.models import Document

logger = logging.getLogger(__name__)

__all__ = ["SUFFIXES", "iter_documents", "read_file"]

Format = Literal["txt", "html", "jsonl"]
SUFFIXES: dict[str, Format] = {
    ".txt": "txt", ".text": "txt", ".md": "txt",
    ".html": "html", ".htm": "html",
    ".jsonl": "jsonl",
}
_JSONL_TEXT_FIELDS = ("text", "html")
_JSONL_META_FIELDS = ("url", "title", "published", "outlet", "author")
_BINARY_SAMPLE = 8192
_BINARY_CONTROL_SHARE = 0.3  # more control bytes than this in the sample: not text
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


# --- walking ----------------------------------------------------------------------------------


def iter_documents(
    paths: Iterable[str | Path] | str | Path, *, max_bytes: int
) -> Iterator[Document | IngestError]:
    """Documents from the given files and folders, and an error for each bad input."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for file, name in _walk(path):
                yield from _read_any(file, name, max_bytes=max_bytes)
        elif not path.exists():
            yield MissingPathError("no such file or folder", path=str(path))
        elif path.suffix.lower() not in SUFFIXES:
            known = ", ".join(sorted(SUFFIXES))
            yield UnsupportedFormatError(
                f"unsupported file type {path.suffix or '(none)'!r}; use one of {known}",
                path=str(path))
        else:
            yield from _read_any(path, path.name, max_bytes=max_bytes)


def read_file(path: str | Path, *, max_bytes: int) -> list[Document]:
    """All documents in one file (or folder); raises the first ingest error met."""
    documents: list[Document] = []
    for item in iter_documents([path], max_bytes=max_bytes):
        if isinstance(item, IngestError):
            raise item
        documents.append(item)
    return documents


def _walk(root: Path) -> list[tuple[Path, str]]:
    """Readable files under ``root`` with names relative to it, sorted; hidden ones skipped."""
    found: list[tuple[Path, str]] = []
    for folder, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for filename in filenames:
            file = Path(folder, filename)
            if filename.startswith("."):
                continue
            if file.suffix.lower() not in SUFFIXES:
                logger.debug("skipping %s: not a text, HTML or JSONL file", file)
                continue
            found.append((file, file.relative_to(root).as_posix()))
    return sorted(found, key=lambda item: item[1])


def _read_any(path: Path, name: str, *, max_bytes: int) -> Iterator[Document | IngestError]:
    fmt = SUFFIXES[path.suffix.lower()]
    try:
        text = _read_text(path, max_bytes=max_bytes)
        if fmt == "jsonl":
            yield from _read_jsonl(text, path, name)
        elif fmt == "html":
            yield _html_document(text, path=path, name=name, where=str(path))
        else:
            yield _build(text, fmt="txt", path=path, name=name, where=str(path),
                         raw_chars=len(text))
    except IngestError as error:
        logger.debug("%s", error)
        yield error
    except (OSError, ValueError, RecursionError) as exc:  # unreadable, or a parser choking
        yield IngestError(f"could not read: {exc}", path=str(path))


# --- bytes to text ----------------------------------------------------------------------------


def _read_text(path: Path, *, max_bytes: int) -> str:
    """The file's text, after the size, binary and encoding checks (size before reading)."""
    size = path.stat().st_size
    if size == 0:
        raise EmptyFileError("file is empty", path=str(path))
    if size > max_bytes:
        raise FileTooLargeError(
            f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB limit "
            "(raise max_file_mb to read it)", path=str(path))
    data = path.read_bytes()
    text = _decode(data, where=str(path))
    if not text.strip():
        raise EmptyFileError("file holds only whitespace", path=str(path))
    return _normalise_newlines(text)


def _looks_binary(data: bytes) -> bool:
    if b"\x00" in data:
        return True
    sample = data[:_BINARY_SAMPLE]
    controls = sum(1 for b in sample if (b < 32 or b == 127) and b not in _TEXT_CONTROLS)
    return controls > _BINARY_CONTROL_SHARE * len(sample)


def _decode(data: bytes, *, where: str) -> str:
    """UTF-8 (BOM allowed), or UTF-16 when it starts with a UTF-16 BOM; never a guess."""
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DecodeError(f"invalid UTF-16 at byte offset {exc.start}; save the file as "
                              "UTF-8", path=where) from None
    if _looks_binary(data):
        raise BinaryFileError("binary file (NUL or control bytes), not text", path=where)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DecodeError(
            f"not UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start}; save the file as "
            "UTF-8", path=where) from None


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --- HTML -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Extracted:
    text: str
    title: str | None
    author: str | None
    outlet: str | None
    date: str | None
    url: str | None


@functools.lru_cache(maxsize=1)
def _trafilatura() -> types.ModuleType:
    """trafilatura, imported on first use (it is slow to import and plain text never needs it)."""
    import trafilatura

    return trafilatura


def _canonical_url(html: str) -> str | None:
    """``<link rel=canonical>``, else ``og:url``."""
    try:
        import lxml.html

        tree = lxml.html.fromstring(html)
    except (ValueError, TypeError, SyntaxError) as exc:  # lxml's ParserError is a ValueError
        logger.debug("no tree for the canonical URL: %s", exc)
        return None
    for xpath in ('//link[contains(concat(" ", normalize-space(@rel), " "), " canonical ")]/@href',
                  '//meta[@property="og:url" or @name="og:url"]/@content'):
        found = [str(v).strip() for v in tree.xpath(xpath) if str(v).strip()]
        if found:
            return found[0]
    return None


def _extract_html(html: str, *, where: str) -> _Extracted:
    """Article text (one paragraph per line) and metadata; A106 when there is no article."""
    extracted = _trafilatura().bare_extraction(
        html,
        include_comments=False,
        include_tables=False,
        include_links=False,
        include_images=False,
        with_metadata=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = (getattr(extracted, "text", None) or "") if extracted is not None else ""
    if not text.strip():
        raise MalformedHTMLError("no article text could be extracted from the HTML", path=where)
    return _Extracted(
        text=_normalise_newlines(text),
        title=extracted.title or None,
        author=extracted.author or None,
        outlet=extracted.sitename or None,
        date=extracted.date or None,
        url=_canonical_url(html) or extracted.url or None,
    )


def _html_document(html: str, *, path: Path, name: str, where: str,
                   fields: dict[str, Any] | None = None) -> Document:
    fields = fields or {}
    page = _extract_html(html, where=where)
    return _build(
        page.text, fmt="html" if not fields else "jsonl", path=path, name=name, where=where,
        raw_chars=len(_normalise_newlines(html)),
        title=fields.get("title") or page.title,
        author=fields.get("author") or page.author,
        outlet=fields.get("outlet") or page.outlet,
        url=fields.get("url") or page.url,
        meta_date=fields.get("published") or page.date,
    )


# --- JSONL ------------------------------------------------------------------------------------


def _read_jsonl(text: str, path: Path, name: str) -> Iterator[Document | IngestError]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path}#{number}"
        try:
            record = _jsonl_record(line, where=where)
            doc_name = f"{name}#{number}"
            if isinstance(record.get("text"), str):
                body = _normalise_newlines(record["text"])
                yield _build(body, fmt="jsonl", path=path, name=doc_name, where=where,
                             raw_chars=len(body), title=record.get("title"),
                             author=record.get("author"), outlet=record.get("outlet"),
                             url=record.get("url"), meta_date=record.get("published"))
            else:
                yield _html_document(record["html"], path=path, name=doc_name, where=where,
                                     fields={k: record.get(k) for k in _JSONL_META_FIELDS})
        except IngestError as error:
            yield error


def _jsonl_record(line: str, *, where: str) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        # json's own message may already end in "at" ("Unterminated string starting at")
        where_in_line = f"column {exc.colno}" if exc.msg.endswith(" at") else f"at column {exc.colno}"
        raise JSONLLineError(f"not valid JSON: {exc.msg} {where_in_line}", path=where) from None
    if not isinstance(record, dict):
        raise JSONLLineError(f"expected a JSON object, got {type(record).__name__}", path=where)
    body = [k for k in _JSONL_TEXT_FIELDS if record.get(k) is not None]
    if not body:
        raise JSONLLineError("the object has neither 'text' nor 'html'", path=where)
    for key in (*_JSONL_TEXT_FIELDS, *_JSONL_META_FIELDS):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise JSONLLineError(f"'{key}' must be a string, not {type(value).__name__}",
                                 path=where)
    if not any(record[k].strip() for k in body):
        raise JSONLLineError(f"'{body[0]}' is empty", path=where)
    return record


# --- building the document --------------------------------------------------------------------


def _build(
    raw: str,
    *,
    fmt: Format,
    path: Path,
    name: str,
    where: str,
    raw_chars: int,
    title: str | None = None,
    author: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    meta_date: str | None = None,
) -> Document:
    """Clean and date the article text and wrap it as a Document; A109 if nothing is left."""
    text = _normalise_newlines(raw)
    cleaned, removed = clean(text)
    if not cleaned.strip():
        raise NoArticleTextError(
            f"no article text left after removing {len(removed)} boilerplate line(s)", path=where)
    published = find_published(text, meta_date, removed=removed)
    credits = [c for c in (credit(b.text) for b in removed) if c is not None]
    author = author or next((who for kind, who in credits if kind == "author"), None)
    outlet = outlet or next((who for kind, who in credits if kind == "outlet"), None)
    if title is None:
        first = next((line.strip() for line in cleaned.split("\n") if line.strip()), "")
        title = first if is_headline_like(first) else None
    return Document(
        name=name,
        text=cleaned,
        title=title,
        outlet=outlet,
        author=author,
        url=url,
        source_path=str(path),
        format=fmt,
        published=published.day,
        published_span=published.span,
        published_source=published.source,
        removed=removed,
        raw_chars=raw_chars,
    )


def document_from_text(
    text: str, *, name: str = "text.txt", published: str | dt.date | None = None
) -> Document:
    """A Document from an article held in memory (cleaned and dated like a .txt file)."""
    return _build(
        text, fmt="txt", path=Path(name), name=name, where=name, raw_chars=len(text),
        meta_date=published.isoformat() if isinstance(published, dt.date) else published,
    )
