"""Shared fixtures: the case-study article lives in data/raw, beside its sidecar."""

import csv
from pathlib import Path

import pytest

from helpers.article import Article, read_article

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "raw" / "ap-2022-09-19-blinken-armenia-azerbaijan.txt"
SEED_LABELS = ROOT / "data" / "annotations" / "ap-2022-09-19-blinken-armenia-azerbaijan.labels.tsv"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    """The case-study page dump (AP via The Independent, 19 September 2022)."""
    return SEED


@pytest.fixture(scope="session")
def seed_article() -> Article:
    """The case-study article as read by ``read_article``."""
    return read_article(SEED)


@pytest.fixture(scope="session")
def seed_gold_labels() -> list[str]:
    """The gold label of each paragraph of the case-study page, in order (its labels.tsv)."""
    rows = [row for row in SEED_LABELS.read_text("utf-8").splitlines() if not row.startswith("#")]
    return [label for _, label, _ in csv.reader(rows[1:], delimiter="\t", quoting=csv.QUOTE_NONE)]
