"""Tests for helpers.text: Punkt with our abbreviations, offsets, line breaks."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.text import load_abbreviations, split_sentences


def texts(text: str) -> list[str]:
    return [sentence.text for sentence in split_sentences(text)]


def test_splits_after_an_ordinary_word_and_keeps_abbreviations_whole():
    text = "They met at the U.N. General Assembly. It was the first meeting. U.S. Secretary Blinken spoke."
    assert texts(text) == [
        "They met at the U.N. General Assembly.",
        "It was the first meeting.",
        "U.S. Secretary Blinken spoke.",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Mr. Smith and Dr. Jones met Gov. Brown in St. Louis on Sept. 3.",
        "Sen. Lee, R-Utah, flew to Washington, D.C. with Lt. Col. Diaz.",
        "Shares rose 3.5 percent to $1.2 billion at 10:30 a.m. Monday.",
    ],
)
def test_news_abbreviations_do_not_end_sentences(sentence):
    assert texts(sentence) == [sentence]


def test_line_breaks_always_end_a_sentence():
    assert texts("A headline without a period\nThe body starts here.") == [
        "A headline without a period",
        "The body starts here.",
    ]


def test_offsets_point_into_the_text(seed_article):
    for sentence in split_sentences(seed_article.text):
        assert seed_article.text[sentence.start : sentence.end] == sentence.text


def test_seed_sentence_from_the_issue(seed_article):
    found = texts(seed_article.text)
    assert (
        "It was the foreign ministers' first face-to-face meeting since two days of shelling last week"
        " by both sides killed more than 200 troops." in found
    )
    assert any(
        s.startswith("Blinken brought Armenian Foreign Minister") and s.endswith("U.N. General Assembly.")
        for s in found
    )


def test_abbreviation_list_is_lower_case_without_periods():
    abbreviations = load_abbreviations()
    assert {"u.s", "u.n", "mr", "gen", "sept"} <= abbreviations
    assert all(a == a.lower() and not a.endswith(".") for a in abbreviations)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_sentences_are_stripped_ordered_slices(text):
    previous_end = 0
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip() and sentence.text
        assert "\n" not in sentence.text
        assert sentence.start >= previous_end
        previous_end = sentence.end
