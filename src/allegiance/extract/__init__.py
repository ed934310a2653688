"""Extraction: triggers, event typing and arguments over a spaCy parse of candidate sentences."""

from allegiance.extract.engine import EXTRACTOR_VERSION, Extractor

__all__ = ["EXTRACTOR_VERSION", "Extractor"]
