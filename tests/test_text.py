"""Tests for helpers.text: Punkt with our abbreviations, offsets, line breaks."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nltk import redos
from strategies import SPACELESS, repetitive_texts, within_budget

from helpers.text import load_abbreviations, sentence_tokenizer, split_sentences


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


# --- bounded work -------------------------------------------------------------------------


@settings(max_examples=20, deadline=None)
@given(st.one_of(repetitive_texts(SPACELESS), repetitive_texts()))
def test_split_sentences_is_linear_on_spaceless_and_repetitive_text(text):
    assert within_budget(split_sentences, text)


def test_a_long_line_is_not_cut_short_by_nltks_match_clock(monkeypatch):
    # nltk times each Punkt pattern (5 s by default) and its lazy search's clock runs on
    # while Punkt works between matches: a line of megabytes raised TimeoutError.
    monkeypatch.setattr(redos, "DEFAULT_TIMEOUT", 0.001)
    line = "The council met on Monday. It voted for the plan. " * 4000
    assert len(split_sentences(line)) == 8000


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .?!\n\t“”)")), max_size=80))
def test_lines_without_a_sentence_end_skip_punkt_with_the_same_result(text):
    tokenizer = sentence_tokenizer()
    by_punkt = []
    for line in text.split("\n"):
        by_punkt += [line[start:end].strip() for start, end in tokenizer.span_tokenize(line)]
    assert texts(text) == [piece for piece in by_punkt if piece]


def test_a_text_split_again_gives_the_same_sentences_in_a_list_of_its_own() -> None:
    """A second split of a text (word counts after the timeline) reuses the first; callers may change their list."""
    text = "The talks ended. Officials left.\nA new line."
    first = split_sentences(text)
    first.clear()
    again = split_sentences(text)
    assert [s.text for s in again] == ["The talks ended.", "Officials left.", "A new line."]
    assert all(again[k].text == text[again[k].start : again[k].end] for k in range(3))
