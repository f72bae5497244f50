"""Tests for helpers.unwrap: detecting hard-wrapped text, rebuilding paragraphs, dehyphenation, furniture."""

import importlib.util
import random
import sys
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.article import ArticleError, parse_article
from helpers.boilerplate import separate
from helpers.timeline import build_timeline
from helpers.unwrap import (
    continues,
    join_paragraph,
    line_joins,
    page_furniture,
    split_word,
    unwrap,
    wrap_slack,
    wrap_width,
)

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))  # the variants script imports its neighbour common.py
_SPEC = importlib.util.spec_from_file_location("variants", ROOT / "benchmarks" / "variants.py")
variants = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(variants)

PARAGRAPHS = [
    "Storm hits the northern coast",
    "Home",
    "News",
    "The storm reached the northern coast at dawn on Monday, flooding the harbour and "
    "cutting power to thousands of homes, officials said. Schools stayed closed as "
    "engineers worked through the night to restore the lines.",
    "Fishermen said the water rose faster than anyone could remember, and several boats "
    "were torn from their moorings before the crews could reach them.",
    "Related stories",
    "The regional government promised emergency funds for the families whose homes were "
    "damaged, and teachers organised shelters in the town hall.",
]
DUMP = "\n".join(PARAGRAPHS)
_VOCABULARY = (
    "the storm reached northern coast harbour flooding officials said engineers restored "
    "electricity government promised emergency families teachers organised shelters council "
    "fishermen remembered moorings volunteers neighbourhood temporarily infrastructure minister "
    "announced investigation hospital evacuated residents"
).split()


def make_article(paragraphs: int, seed: int = 0) -> list[str]:
    """A title and long paragraphs of words drawn at random: no wrapped line repeats."""
    draw = random.Random(seed)
    blocks = [
        " ".join(draw.choice(_VOCABULARY) for _ in range(draw.randint(40, 90))).capitalize() + "."
        for _ in range(paragraphs)
    ]
    return ["Storm reaches the northern coast", *blocks]


ARTICLE = make_article(12)


def words(text: str) -> list[str]:
    return text.split()


def unhyphenated_words(text: str) -> list[str]:
    """The words of a text, hyphens kept at a line end taken out (the vocabulary has none)."""
    return text.replace("-", "").split()


# --- detection ------------------------------------------------------------------


@pytest.mark.parametrize("width", [40, 60, 72, 80, 100])
def test_the_wrap_width_is_found(width):
    lines = variants.wrap_dump(DUMP * 2, width).split("\n")
    assert width - 3 <= wrap_width(lines) <= width


def test_a_clean_dump_is_not_wrapped(seed_path):
    text = seed_path.read_text("utf-8")
    assert wrap_width(text.split("\n")) is None
    assert wrap_width(PARAGRAPHS) is None
    assert unwrap(text).text == text


def test_a_clean_dump_reads_exactly_as_before(seed_article):
    assert not any(repair.kind == "unwrapped hard-wrapped text" for repair in seed_article.repairs)
    assert [p.line for p in seed_article.paragraphs] == [1, 2, 3, 4, 5, 6, 7, 7, *range(8, 20)]


# --- rebuilding paragraphs -------------------------------------------------------------


@pytest.mark.parametrize("width", [60, 72, 80])
def test_wrapped_blocks_become_the_original_paragraphs(width):
    article = parse_article(variants.wrap_dump(DUMP, width))
    assert [p.text for p in article.paragraphs] == PARAGRAPHS
    assert article.repairs[0].kind == "unwrapped hard-wrapped text"
    assert f"near {unwrap(variants.wrap_dump(DUMP, width)).width} columns" in article.repairs[0].detail


def test_paragraph_lines_are_the_raw_lines_of_the_file():
    wrapped = variants.wrap_dump(DUMP, 60)
    raw_lines = wrapped.split("\n")
    article = parse_article(wrapped)
    for paragraph in article.paragraphs:
        assert paragraph.text.startswith(raw_lines[paragraph.line - 1].strip())
        assert article.text[paragraph.start : paragraph.start + len(paragraph.text)] == paragraph.text
    joined = [r for r in article.repairs if r.kind == "joined wrapped lines"]
    assert {r.line for r in joined} == {p.line for p in article.paragraphs if len(p.text) > 60}


@pytest.mark.parametrize(
    ("previous", "line", "joined"),
    [
        ("The storm reached the coast at dawn on", "Monday and the harbour", True),
        ("The storm reached the coast at dawn on", "   Monday and the harbour", False),
        ("The storm reached the coast at dawn on", "- Monday and the harbour", False),
        ("The storm reached the coast at dawn on", "2. Monday and the harbour", False),
        ("The storm reached the coast at dawn on", "", False),
        ("", "Monday and the harbour", False),
        ("The storm reached the coast at", "Monday and the harbour", False),
        ("The storm reached the coast at", "dawn on Monday", False),
        ("The storm reached the coast at", "neighbourhoods on Monday", True),
        ("The storm reached the coast.", "dawn on Monday", False),
    ],
)
def test_blank_lines_indentation_list_items_and_room_start_paragraphs(previous, line, joined):
    assert continues(previous, line, 40) is joined


def test_a_left_margin_on_every_line_is_not_indentation():
    text = "\n".join("    " + line for line in variants.wrap_dump("\n".join(ARTICLE), 60).split("\n") if line)
    assert [p.text for p in parse_article(text).paragraphs][:3] == ARTICLE[:3]


def test_indented_first_lines_start_paragraphs():
    blocks = [
        textwrap.wrap(block, 60, initial_indent="   " if index else "") for index, block in enumerate(ARTICLE)
    ]
    text = "\n".join(line for block in blocks for line in block)
    assert [p.text for p in parse_article(text).paragraphs] == ARTICLE


def test_text_that_repeats_itself_is_not_page_furniture():
    text = variants.wrap_dump("\n".join(ARTICLE * 4), 60)
    assert unhyphenated_words(unwrap(text).text) == words("\n".join(ARTICLE * 4))


def test_unwrapping_is_linear_in_a_long_paragraph():
    paragraph = " ".join(make_article(500, seed=1)[1:])  # one paragraph of about 300 KB
    text = variants.wrap_dump(f"Title\n{paragraph}", 72, hyphenate=True)
    start = time.perf_counter()
    result = unwrap(text)
    assert time.perf_counter() - start < 15  # about 0.3 s here; a quadratic join takes minutes
    assert result.text.split("\n")[0] == "Title" and len(result.text.split("\n")) == 2


def test_the_wrappers_slack_is_measured():
    slack = {}
    for ragged in (0, 4, 8):
        lines = variants.wrap_dump("\n".join(ARTICLE).lower(), 72, ragged=ragged).split("\n")
        slack[ragged] = wrap_slack(lines, wrap_width(lines))
    assert slack[0] == 0  # a greedy wrapper: the fit decides alone
    assert 0 < slack[4] < slack[8] <= 9


def test_lines_that_end_short_of_the_width_are_still_joined():
    text = variants.wrap_dump("\n".join(ARTICLE), 72, ragged=8)
    article = parse_article(text)
    assert words(article.text) == words("\n".join(ARTICLE))
    assert len(ARTICLE) - 3 <= len(article.paragraphs) <= 2 * len(ARTICLE) < len(text.split("\n")) / 4


def test_blank_lines_separate_wrapped_paragraphs():
    text = "\n\n".join(variants.wrap_dump(block, 50) for block in ARTICLE)
    assert [p.text for p in parse_article(text).paragraphs] == ARTICLE


def test_a_heading_after_a_full_stop_stays_its_own_paragraph():
    lines = [
        "The storm reached the coast at dawn on",
        "Monday and the harbour flooded at once.",
        "See more photos",
        "Fishermen said the water rose faster",
        "than anyone could remember.",
    ]
    assert line_joins(lines, 40) == [False, True, False, False, True]
    lines[2] = "see more photos"  # lower case: the sentence goes on
    assert line_joins(lines, 40) == [False, True, True, False, True]


# --- dehyphenation ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("teac", "hers", True),
        ("for", "mer", True),
        ("state", "ment", True),
        ("Mirzo", "yan", True),
        ("well", "known", False),
        ("ex", "Soviet", False),
        ("decades", "old", False),
        ("self", "made", False),
        ("Nagorno", "Karabakh", False),
    ],
)
def test_line_end_hyphens_are_undone_only_inside_a_word(left, right, joined):
    assert split_word(left, right) is joined
    text, rejoined = join_paragraph([f"the {left}-", f"{right} said"])
    assert text == (f"the {left}{right} said" if joined else f"the {left}-{right} said")
    assert bool(rejoined) is joined


def test_dehyphenation_is_recorded():
    text = variants.wrap_dump("\n".join(ARTICLE), 45, hyphenate=True)
    assert text.count("-\n") >= 10
    article = parse_article(text)
    rejoined = [r.detail for r in article.repairs if r.kind == "rejoined hyphenated word"]
    assert len(rejoined) >= 0.9 * text.count("-\n")
    raw_lines = text.split("\n")
    for repair in article.repairs:
        if repair.kind == "rejoined hyphenated word":
            assert raw_lines[repair.line - 1].endswith(repair.detail.split("|")[0])
    assert all(detail.split(" -> ")[1] in _VOCABULARY for detail in rejoined)
    assert unhyphenated_words(article.text) == words("\n".join(ARTICLE))


# --- page furniture ------------------------------------------------------------------------


def test_running_heads_and_page_numbers_are_dropped_and_recorded():
    text = variants.wrap_dump("\n".join(ARTICLE), 60, hyphenate=True, page_lines=20)
    assert text.count("| Page ") >= 3
    article = parse_article(text)
    assert "| Page " not in article.text
    dropped = [r for r in article.repairs if r.kind == "dropped page furniture"]
    assert len(dropped) == text.count("| Page ")
    raw_lines = text.split("\n")
    assert all("| Page " in raw_lines[r.line - 1] for r in dropped)
    for repair in article.repairs:
        if repair.kind == "rejoined hyphenated word":
            assert raw_lines[repair.line - 1].endswith(repair.detail.split("|")[0])
    assert unhyphenated_words(article.text) == words("\n".join(ARTICLE))
    assert len(ARTICLE) - 2 <= len(article.paragraphs) <= len(ARTICLE)


def test_repeated_lines_at_uneven_distances_are_kept():
    lines = [f"line {n} of text with several words" for n in range(200)]
    for index in (10, 40, 45, 120):
        lines[index] = "Advertisement"
    assert page_furniture(lines) == set()


# --- the case study, wrapped ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("width", "pdf", "ragged"), [(80, False, 0), (72, False, 0), (72, True, 0), (72, False, 8)]
)
def test_the_seed_timeline_survives_wrapping(seed_path, seed_article, width, pdf, ragged):
    wrapped = variants.wrap_dump(
        seed_path.read_text("utf-8"), width, hyphenate=pdf, page_lines=50 if pdf else None, ragged=ragged
    )
    article = parse_article(wrapped, published=seed_article.published)
    values = set(build_timeline(separate(article).body, article.published).value)
    assert {"1994", "2020", "2022-W37", "2022-09-18", "2022-09-19"} <= values


# --- properties -------------------------------------------------------------------------------

WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEF", min_size=1, max_size=14)
BLOCK = st.lists(WORD, min_size=1, max_size=40).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(blocks=st.lists(BLOCK, min_size=1, max_size=12), width=st.integers(min_value=1, max_value=250))
def test_unwrapping_any_wrap_width_keeps_every_word(blocks, width):
    wrapped = variants.wrap_dump("\n".join(blocks), width)
    result = unwrap(wrapped)
    assert words(result.text) == words("\n".join(blocks))
    assert len(result.lines) == len(result.text.split("\n"))
    assert result.lines == tuple(sorted(result.lines))


@settings(max_examples=150, deadline=None)
@given(
    blocks=st.lists(BLOCK, min_size=1, max_size=12),
    width=st.integers(min_value=1, max_value=250),
    hyphenate=st.booleans(),
    page_lines=st.none() | st.integers(min_value=1, max_value=60),
)
def test_any_wrapped_text_gives_an_article_or_an_article_error(blocks, width, hyphenate, page_lines):
    try:
        article = parse_article(variants.wrap_dump("\n".join(blocks), width, hyphenate, page_lines))
    except ArticleError:
        return
    for paragraph in article.paragraphs:
        assert (
            paragraph.text
            and article.text[paragraph.start : paragraph.start + len(paragraph.text)] == paragraph.text
        )
