"""Shared fixtures: the case-study article lives in data/raw, beside its sidecar."""

from pathlib import Path

import pytest

from helpers.article import Article, read_article

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "raw" / "ap-2022-09-19-blinken-armenia-azerbaijan.txt"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    """The case-study page dump (AP via The Independent, 19 September 2022)."""
    return SEED


@pytest.fixture(scope="session")
def seed_article() -> Article:
    """The case-study article as read by ``read_article``."""
    return read_article(SEED)
