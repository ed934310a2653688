"""Fixtures for the extraction tests."""

from __future__ import annotations

import pytest

from allegiance.pipeline import Pipeline


@pytest.fixture(scope="session")
def pipe() -> Pipeline:
    """One pipeline for every extraction test module (loading spaCy takes seconds)."""
    return Pipeline()
