"""Coded errors, after spaCy's: each has a stable code that tests assert and users can search.

The CLI turns any `AllegianceError` into one line on stderr: ``[A101] path: reason``.
"""

from __future__ import annotations


class AllegianceError(Exception):
    """Base class. ``code`` is stable across releases; the message says what to do."""

    code = "A000"

    def __init__(self, message: str, *, path: str | None = None) -> None:
        self.message = message
        self.path = path
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"[{self.code}] {where}{self.message}"


# --- ingest: A1xx -------------------------------------------------------------------------
class IngestError(AllegianceError):
    code = "A100"


class MissingPathError(IngestError):
    code = "A101"


class EmptyFileError(IngestError):
    code = "A102"


class BinaryFileError(IngestError):
    code = "A103"


class DecodeError(IngestError):
    code = "A104"


class FileTooLargeError(IngestError):
    code = "A105"


class MalformedHTMLError(IngestError):
    code = "A106"


class JSONLLineError(IngestError):
    code = "A107"


class UnsupportedFormatError(IngestError):
    code = "A108"


class NoArticleTextError(IngestError):
    code = "A109"


# --- nlp / extract: A2xx --------------------------------------------------------------------
class ModelNotInstalledError(AllegianceError):
    code = "A201"


class ExtractionError(AllegianceError):
    """Extraction failed on one document (a bug, reported with the document's name)."""

    code = "A202"


# --- store: A3xx ------------------------------------------------------------------------------
class StoreError(AllegianceError):
    code = "A300"


class DatabaseURLError(StoreError):
    code = "A301"


# --- evaluate / export / config: A4xx ---------------------------------------------------------
class GoldFormatError(AllegianceError):
    code = "A401"


class ExportError(AllegianceError):
    code = "A402"


class SettingsError(AllegianceError):
    code = "A403"
