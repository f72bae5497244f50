"""Tests for helpers.timex.lexicon: the word tables and number words."""

import re
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from helpers.timex.lexicon import BLANK, alternation, capitalised, load_tables, parse_number


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


def plain_alternation(words: list[str]) -> str:
    """The alternation as it was written before its first-character look-ahead."""
    ordered = sorted(words, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", BLANK) for w in ordered) + ")"


_WORDS = st.lists(st.text(alphabet="aAbkKsS\u017f\u212a\u0130i -.'^]\\", max_size=5), max_size=6)
_TEXTS = st.text(alphabet="aAbkKsS\u017f\u212a\u0130i -.'^]\\\n\t", max_size=40)


@settings(max_examples=300, deadline=None)
@given(
    _WORDS, _TEXTS, st.sampled_from([0, re.IGNORECASE]), st.sampled_from(["{}", "{}+", r"\b{}?x", "(?!{})."])
)
@example(words=[" "], text="\t", flags=0, context="{}")  # a word's space matches a tab
def test_alternation_matches_as_the_plain_alternation(words, text, flags, context):
    new = re.compile(context.format(alternation(words)), flags)
    old = re.compile(context.format(plain_alternation(words)), flags)
    assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)]


# Lower-case ASCII words, two spaces in a row among them: the alternation writes them as a trie.
_LOWER_WORDS = st.lists(st.text(alphabet="abks i-.'", max_size=5), max_size=8)


@settings(max_examples=300, deadline=None)
@given(
    _LOWER_WORDS,
    _TEXTS,
    st.sampled_from([0, re.IGNORECASE]),
    st.sampled_from(["{}", "{}+", r"\b{}?x", "(?!{}).", "({})(.?)"]),
)
@example(words=[" ", "  a"], text="  a", flags=0, context="{}")  # the first blank leaves the second a space
@example(words=["ab", "abc"], text="ABC", flags=re.IGNORECASE, context="{}")
def test_alternation_of_lower_case_words_matches_as_the_plain_alternation(words, text, flags, context):
    new = re.compile(context.format(alternation(words)), flags)
    old = re.compile(context.format(plain_alternation(words)), flags)
    assert [(m.span(), m.groups()) for m in new.finditer(text)] == [
        (m.span(), m.groups()) for m in old.finditer(text)
    ]


@settings(max_examples=200, deadline=None)
@given(_WORDS, _TEXTS)
def test_capitalised_matches_as_the_plain_alternation_of_its_forms(words, text):
    forms = {f for w in words for f in (" ".join(p[:1].upper() + p[1:] for p in w.split()), w.upper())}
    new = re.compile(capitalised(words), re.IGNORECASE)
    old = re.compile("(?-i:" + plain_alternation(list(forms))[3:], re.IGNORECASE)
    assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)]
