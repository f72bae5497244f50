"""Tests for helpers.timex.lexicon: the word tables and number words."""

import re
from importlib import resources
from pathlib import Path

import pytest

from helpers.timex.lexicon import load_tables, parse_number


def test_every_table_section_is_read_by_the_package():
    sources = "\n".join(p.read_text("utf-8") for p in Path(resources.files("helpers") / "timex").glob("*.py"))
    unread = [name for name in load_tables() if not re.search(rf"<{name}>|[\"']{name}[\"']", sources)]
    assert not unread


def test_every_table_the_grammar_names_is_in_the_data_file():
    tables = load_tables()
    for name in (
        "numbers",
        "ordinals",
        "months",
        "weekdays",
        "units",
        "seasons",
        "day_parts",
        "modifiers",
        "relative_days",
        "shifters",
        "references",
        "frequencies",
        "decade_words",
        "holidays",
        "tense_cues",
        "date_signals",
        "generic_today",
        "unit_adjectives",
    ):
        assert tables[name], name


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("two", 2),
        ("twenty-five", 25),
        ("twenty five", 25),
        ("one hundred", 100),
        ("two thousand", 2000),
        ("6,700", 6700),
        ("1.5", 1.5),
        ("a", 1),
        ("an", 1),
        ("a couple of", 2),
        ("several", None),
        ("blue", None),
    ],
)
def test_parse_number(words, value):
    assert parse_number(words) == value
