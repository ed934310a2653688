"""Readers: one test per bad-input class (the walk goes on past each), and the happy paths."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

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
from allegiance.ingest import iter_documents, read_file
from allegiance.models import Document

FIXTURES = Path(__file__).parent / "fixtures"
MB = 1_000_000
GOOD = ("Twelve soldiers defect to the KNU\n\n"
        "Twelve soldiers have deserted and turned themselves over to the Karen National Union, "
        "the group said on Monday.\n\nShare this article\n")


def _walk(*paths: Path | str, max_bytes: int = 20 * MB) -> tuple[list[Document], list[IngestError]]:
    items = list(iter_documents(list(paths), max_bytes=max_bytes))
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, IngestError)]
    assert len(docs) + len(errors) == len(items)
    return docs, errors


def _folder_with(tmp_path: Path, name: str, content: bytes) -> Path:
    """A folder holding a good article before and after the bad file, so the walk must go on."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_good.txt").write_text(GOOD, encoding="utf-8")
    (folder / name).write_bytes(content)
    (folder / "z_good.txt").write_text(GOOD, encoding="utf-8")
    return folder


def _one_error(tmp_path: Path, name: str, content: bytes, **kwargs: int) -> IngestError:
    docs, errors = _walk(_folder_with(tmp_path, name, content), **kwargs)
    assert [d.name for d in docs] == ["a_good.txt", "z_good.txt"]
    assert len(errors) == 1
    error = errors[0]
    assert error.path is not None and error.path.endswith(name.split("#")[0])
    assert "\n" not in str(error)
    return error


# --- one test per bad-input class -------------------------------------------------------------


def test_missing_path_a101(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    docs, errors = _walk(tmp_path / "nope.txt", tmp_path / "good.txt")
    assert [type(e) for e in errors] == [MissingPathError]
    assert errors[0].code == "A101" and str(errors[0]).startswith("[A101] ")
    assert [d.name for d in docs] == ["good.txt"]


@pytest.mark.parametrize("content", [b"", b"   \n\t\n  \r\n"])
def test_empty_or_whitespace_a102(tmp_path: Path, content: bytes) -> None:
    error = _one_error(tmp_path, "empty.txt", content)
    assert isinstance(error, EmptyFileError) and error.code == "A102"


@pytest.mark.parametrize("content", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,  # NUL bytes
    bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17]) * 100 + b"some text",  # mostly controls
])
def test_binary_a103(tmp_path: Path, content: bytes) -> None:
    error = _one_error(tmp_path, "image.txt", content)
    assert isinstance(error, BinaryFileError) and error.code == "A103"


def test_invalid_utf8_a104_names_the_offset_and_is_not_latin1(tmp_path: Path) -> None:
    content = "Soldiers defected to the KNU.".encode() + b"\xff\xfe\xfa caf\xe9"
    error = _one_error(tmp_path, "latin.txt", content)
    assert isinstance(error, DecodeError) and error.code == "A104"
    assert "offset 29" in str(error) and "0xff" in str(error)


def test_file_too_large_a105_is_refused_before_reading(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _folder_with(tmp_path, "huge.txt", b"")
    with (folder / "huge.txt").open("wb") as f:
        f.truncate(50 * MB)  # sparse: fast, and no 50 MB on disk
    real_read_bytes = Path.read_bytes

    def guarded(self: Path) -> bytes:
        assert self.name != "huge.txt", "a file over the limit must not be read"
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", guarded)
    docs, errors = _walk(folder, max_bytes=20 * MB)
    assert [d.name for d in docs] == ["a_good.txt", "z_good.txt"]
    assert [type(e) for e in errors] == [FileTooLargeError]
    assert errors[0].code == "A105" and "50.0 MB" in str(errors[0])


@pytest.mark.parametrize("content", [b"<html><p>", b"<p>garbage <<< >>> &&& </div></span>",
                                     b"<html><head><title>x</title></head><body></body></html>"])
def test_malformed_html_a106(tmp_path: Path, content: bytes) -> None:
    error = _one_error(tmp_path, "broken.html", content)
    assert isinstance(error, MalformedHTMLError) and error.code == "A106"


def test_jsonl_broken_middle_line_a107(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": GOOD, "url": "https://example.org/1", "published": "2021-03-02",
                    "outlet": "Example", "author": "A. Writer", "title": "First"}),
        '{"text": "unterminated',
        json.dumps({"text": GOOD.replace("Twelve", "Ten")}),
    ]
    folder = _folder_with(tmp_path, "batch.jsonl", ("\n".join(lines) + "\n").encode())
    docs, errors = _walk(folder)
    assert [d.name for d in docs] == ["a_good.txt", "batch.jsonl#1", "batch.jsonl#3", "z_good.txt"]
    assert [type(e) for e in errors] == [JSONLLineError]
    assert errors[0].code == "A107" and errors[0].path is not None
    assert errors[0].path.endswith("batch.jsonl#2")
    first = docs[1]
    assert (first.url, first.outlet, first.author, first.title, first.format) == (
        "https://example.org/1", "Example", "A. Writer", "First", "jsonl")
    assert (first.published, first.published_source) == (dt.date(2021, 3, 2), "metadata")
    assert first.raw_chars == len(GOOD)


@pytest.mark.parametrize("line, message", [
    ("[1, 2, 3]", "expected a JSON object"),
    ('{"url": "https://example.org"}', "neither 'text' nor 'html'"),
    ('{"text": 42}', "'text' must be a string"),
    ('{"text": "   "}', "'text' is empty"),
    ('{"text": "Body.", "published": 2021}', "'published' must be a string"),
])
def test_jsonl_line_shapes_a107(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({"text": GOOD}) + "\n" + line + "\n", encoding="utf-8")
    docs, errors = _walk(path)
    assert [d.name for d in docs] == ["one.jsonl#1"]
    assert len(errors) == 1 and isinstance(errors[0], JSONLLineError)
    assert message in str(errors[0]) and str(errors[0]).startswith(f"[A107] {path}#2: ")


def test_unsupported_suffix_a108_only_when_named(tmp_path: Path) -> None:
    folder = _folder_with(tmp_path, "notes.pdf", b"%PDF-1.4")
    (folder / "data.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    docs, errors = _walk(folder)  # in a folder: skipped silently
    assert len(docs) == 2 and errors == []
    docs, errors = _walk(folder / "notes.pdf", folder / "a_good.txt")
    assert [type(e) for e in errors] == [UnsupportedFormatError]
    assert errors[0].code == "A108" and ".pdf" in str(errors[0])
    assert [d.name for d in docs] == ["a_good.txt"]


def test_nothing_left_after_cleaning_a109(tmp_path: Path) -> None:
    chrome = b"Home | News | Opinion | Contact\n\nShare this article\n\nBack to top\n"
    error = _one_error(tmp_path, "chrome.txt", chrome)
    assert isinstance(error, NoArticleTextError) and error.code == "A109"


def test_unreadable_file_is_an_error_not_a_crash(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _folder_with(tmp_path, "locked.txt", GOOD.encode())
    real_read_bytes = Path.read_bytes

    def failing(self: Path) -> bytes:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", failing)
    docs, errors = _walk(folder)
    assert len(docs) == 2 and len(errors) == 1 and "Permission denied" in str(errors[0])


def test_read_file_raises_the_first_error(tmp_path: Path) -> None:
    with pytest.raises(MissingPathError):
        read_file(tmp_path / "missing.txt", max_bytes=MB)
    (tmp_path / "bad.txt").write_bytes(b"ok \xc3\x28")
    with pytest.raises(DecodeError):
        read_file(tmp_path / "bad.txt", max_bytes=MB)
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    docs = read_file(tmp_path / "good.txt", max_bytes=MB)
    assert [d.name for d in docs] == ["good.txt"]


# --- happy paths ------------------------------------------------------------------------------


def test_walk_is_recursive_sorted_and_skips_hidden(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / ".git").mkdir()
    for rel in ("b.txt", "a.md", "sub/c.text", "sub/deeper/d.htm", ".hidden.txt", ".git/e.txt",
                "sub/notes.docx"):
        content = GOOD if not rel.endswith(".htm") else f"<html><body><article><p>{GOOD}</p></article></body></html>"
        (root / rel).write_text(content, encoding="utf-8")
    docs, errors = _walk(root)
    assert errors == []
    assert [d.name for d in docs] == ["a.md", "b.txt", "sub/c.text", "sub/deeper/d.htm"]
    assert [d.format for d in docs] == ["txt", "txt", "txt", "html"]
    assert all(Path(d.source_path or "").is_file() for d in docs)


def test_text_document_fields(tmp_path: Path) -> None:
    raw = "By Naw Eh Ler | 5 June 2023\r\n\r\n" + GOOD.replace("\n", "\r\n")
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbf" + raw.encode("utf-8"))  # UTF-8 with BOM, CRLF
    (doc,) = read_file(path, max_bytes=MB)
    assert doc.text == ("Twelve soldiers defect to the KNU\n\nTwelve soldiers have deserted and "
                        "turned themselves over to the Karen National Union, the group said on "
                        "Monday.")
    assert [(b.line, b.reason) for b in doc.removed] == [(0, "byline"), (6, "chrome")]
    assert (doc.published, doc.published_source) == (dt.date(2023, 6, 5), "dateline")
    assert doc.author == "Naw Eh Ler"
    assert doc.title == "Twelve soldiers defect to the KNU"
    assert doc.raw_chars == len(raw.replace("\r\n", "\n"))  # decoded, newlines normalised
    assert doc.format == "txt" and doc.name == "a.txt"


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "u16.txt"
    path.write_bytes(GOOD.encode("utf-16"))
    (doc,) = read_file(path, max_bytes=MB)
    assert doc.text.startswith("Twelve soldiers defect")


def test_html_fixture_text_and_metadata() -> None:
    (doc,) = read_file(FIXTURES / "article.html", max_bytes=MB)
    assert doc.format == "html"
    assert doc.title == "Eleven soldiers cross to KNLA Brigade 5"
    assert doc.author == "Saw Htoo Lay"
    assert doc.outlet == "Example Karen Daily"
    assert doc.url == "https://example.org/news/2021/03/eleven-soldiers-knla"  # canonical wins
    assert (doc.published, doc.published_source) == (dt.date(2021, 3, 4), "metadata")
    lines = doc.text.split("\n")
    assert lines[0] == "Eleven soldiers cross to KNLA Brigade 5"
    assert len([line for line in lines if line.startswith(("Eleven", "The soldiers", "It is"))]) == 4
    assert "brave group of men" not in doc.text  # no comments
    assert "Another story" not in doc.text  # no tables of links
    assert "Share this article" not in doc.text
    assert doc.raw_chars == len((FIXTURES / "article.html").read_text(encoding="utf-8"))


def test_html_og_url_when_no_canonical(tmp_path: Path) -> None:
    html = (FIXTURES / "article.html").read_text(encoding="utf-8")
    html = "\n".join(line for line in html.split("\n") if 'rel="canonical"' not in line)
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    (doc,) = read_file(tmp_path / "page.html", max_bytes=MB)
    assert doc.url == "https://example.org/og/eleven-soldiers"


def test_jsonl_html_field_uses_trafilatura_and_record_fields_win(tmp_path: Path) -> None:
    html = (FIXTURES / "article.html").read_text(encoding="utf-8")
    path = tmp_path / "pages.jsonl"
    path.write_text(json.dumps({"html": html, "outlet": "Record Outlet"}) + "\n", encoding="utf-8")
    (doc,) = read_file(path, max_bytes=MB)
    assert doc.name == "pages.jsonl#1" and doc.format == "jsonl"
    assert doc.outlet == "Record Outlet" and doc.author == "Saw Htoo Lay"
    assert doc.published == dt.date(2021, 3, 4)


def test_seeds_read_as_a_folder(tmp_path: Path) -> None:
    beside = Path(__file__).resolve().parents[3] / "shared" / "seeds"
    seeds = beside if beside.is_dir() else Path("/work/shared/seeds")
    if not seeds.is_dir():
        pytest.skip("shared seeds not present")
    copy = tmp_path / "seeds"
    shutil.copytree(seeds, copy)
    docs, errors = _walk(copy)
    assert errors == [] and len(docs) == len(list(seeds.glob("*.txt")))
    for doc in docs:
        assert doc.published is not None and doc.published_source == "content"
        original = (copy / doc.name).read_text(encoding="utf-8")
        for line in doc.text.split("\n"):  # evidence offsets stay valid: lines are verbatim
            assert line in original


def test_jsonl_message_does_not_double_at(tmp_path: Path) -> None:
    from allegiance.ingest import iter_documents

    f = tmp_path / "broken.jsonl"
    f.write_text('{"text": "unterminated\n', encoding="utf-8")
    (err,) = list(iter_documents([f], max_bytes=10**6))
    assert "at at" not in str(err) and "column" in str(err)
