"""Ingest: article files in, clean dated :class:`~allegiance.models.Document` objects out.

* :func:`iter_documents` / :func:`read_file` read ``.txt``/``.md``, ``.html`` and ``.jsonl``;
* :func:`clean` drops boilerplate lines and says which and why;
* :func:`find_published` finds the article's own date (metadata, date line, or content).
"""

from __future__ import annotations

from allegiance.ingest.boilerplate import clean
from allegiance.ingest.published import find_published
from allegiance.ingest.readers import document_from_text, iter_documents, read_file

__all__ = ["clean", "document_from_text", "find_published", "iter_documents", "read_file"]
