"""Tests for helpers.events: clause splitting, verb detection and event labels without a tagger."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.events import (
    Clause,
    content_stems,
    dated_event,
    is_verb,
    locate_words,
    modified_noun,
    split_clauses,
    stop_mask,
)


def label(sentence: str, expression: str) -> str:
    """Label the event that ``expression`` (its first occurrence, the only time expression) dates."""
    start = sentence.index(expression)
    return dated_event(sentence, start, start + len(expression)).label


@pytest.mark.parametrize(
    ("sentence", "expression", "expected"),
    [
        ("Rebels seized the airport on Monday.", "Monday", "Rebels seized the airport"),
        ("On Monday, rebels seized the airport.", "Monday", "rebels seized the airport"),
        ("The army withdrew its troops in 2019 after talks.", "2019", "army withdrew its troops"),
        (
            "U.S. House Speaker Jane Roe visited Kenya and praised its reforms on Sunday.",
            "Sunday",
            "Roe visited Kenya and praised its reforms",
        ),
        (
            "Foreign Minister Ana Lima of Chile met with the envoy on Friday.",
            "Friday",
            "Lima met with the envoy",
        ),
        ("Secretary of State John Poe spoke in Rome last week.", "last week", "Poe spoke"),
        ("The bridge was opened in March 2019.", "March 2019", "bridge was opened"),
        ("The firms have each blamed the other since 2020.", "2020", "firms have each blamed the other"),
        ("It was the first visit since a treaty ended in 1994.", "1994", "treaty ended"),
        (
            "During a long drought in 2011, farmers lost their herds.",
            "2011",
            "long drought: farmers lost their herds",
        ),
        ("Armed men stormed the building on Tuesday.", "Tuesday", "Armed men stormed the building"),
        ("Ahead of Monday's summit, the minister said little.", "Monday", "summit"),
        ("The 1994 ceasefire held for years.", "1994", "ceasefire"),
        ("Protesters gathered in the square, on Friday.", "Friday", "Protesters gathered in the square"),
        ("Officials said that the dam broke in 2005.", "2005", "dam broke"),
        ("The study found that in 2015, there were 9 million deaths.", "2015", "there were 9 million deaths"),
        (
            "Protesters gathered, after the vote on Sunday, police said.",
            "Sunday",
            "vote: Protesters gathered",
        ),
    ],
)
def test_dated_event_labels(sentence: str, expression: str, expected: str) -> None:
    assert label(sentence, expression) == expected


def test_a_label_cut_short_ends_before_an_unfinished_coordination() -> None:
    sentence = "In 2021, the rebels took wide areas of the northern hills and nearby coastal plains held by the army."
    assert label(sentence, "2021") == "rebels took wide areas of the northern hills"
    assert (
        label("During a long war in 2021, rebels took the hills and nearby coastal plains.", "2021")
        == "long war: rebels took the hills"
    )
    assert (
        label("In 2021, the rebels took the hills and plains.", "2021") == "rebels took the hills and plains"
    )


def test_a_label_never_ends_on_a_number_its_budget_cuts_from_its_noun() -> None:
    sentence = "In 2022, two days of shelling killed more than 200 troops on both sides."
    assert label(sentence, "2022") == "two days of shelling killed more than 200 troops"


def test_labels_have_at_most_eight_words_but_for_a_number_s_noun() -> None:
    sentence = "In 2021, the rebels took wide areas of the northern hills and nearby coastal plains."
    assert len(label(sentence, "2021").split()) <= 8


def test_a_reported_clause_has_its_own_subject() -> None:
    assert label("Officials said the talks collapsed on Monday.", "Monday") == "talks collapsed"
    assert label("Pelosi visited Yerevan and condemned the attacks on Sunday.", "Sunday").startswith("Pelosi")
    assert label("The car based on the new platform is expected in 2020.", "2020") == "car is expected"


def test_a_number_with_a_thousands_comma_stays_whole() -> None:
    assert (
        label("In 2022, the storm killed 1,100 people in the north.", "2022") == "storm killed 1,100 people"
    )


def test_label_without_a_verb_keeps_the_words() -> None:
    assert label("Elections in 2024.", "2024") == "Elections"


def test_clause_label_joins_its_parts() -> None:
    assert Clause(noun="war", subject="army", verb="advanced").label == "war: army advanced"
    assert Clause(subject="army", verb="advanced").label == "army advanced"
    assert Clause(noun="war").label == "war"
    assert Clause().label == ""


def test_split_clauses_at_punctuation_and_subordinators() -> None:
    text = "The meeting was held a day after the envoy arrived, officials said, which surprised many."
    parts = [text[a:b] for a, b in split_clauses(text)]
    assert parts == [
        "The meeting was held a day",
        "after the envoy arrived",
        "officials said",
        "which surprised many.",
    ]


@pytest.mark.parametrize(
    ("sentence", "position", "expected"),
    [
        ("the armed men attacked", 1, False),
        ("the armed men attacked", 3, True),
        ("she met them", 1, True),
        ("the United Nations", 1, False),
        ("one hundred troops", 1, False),
        ("troops have withdrawn", 1, True),
        ("a so-called truce", 1, False),
    ],
)
def test_is_verb(sentence: str, position: int, expected: bool) -> None:
    assert is_verb(locate_words(sentence), position) is expected


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        ("ahead of Monday's meeting, he said", "Monday", "meeting"),
        ("blamed for last week’s shelling attacks.", "last week", "shelling attacks"),
        ("the 2020 war changed the map", "2020", "war"),
        ("on Monday, he said", "Monday", ""),
        ("in 2020 the war ended", "2020", ""),
    ],
)
def test_modified_noun(text: str, expression: str, expected: str) -> None:
    start = text.index(expression)
    assert modified_noun(text, start, start + len(expression)) == expected


def test_content_stems_match_inflections() -> None:
    assert content_stems("the meetings") == content_stems("a meeting") == {"meet"}
    assert content_stems("of the in 2020") == set()


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=120), st.integers(0, 120), st.integers(0, 20))
def test_dated_event_never_raises(text: str, start: int, length: int) -> None:
    start = min(start, len(text))
    end = min(start + length, len(text))
    assert isinstance(dated_event(text, start, end).label, str)


@given(
    st.text(alphabet="ab .,'-", max_size=60),
    st.lists(st.tuples(st.integers(0, 60), st.integers(1, 8)), max_size=6),
)
@settings(max_examples=200, deadline=None)
def test_stop_mask_marks_exactly_the_tokens_overlapping_a_span(
    text: str, pieces: list[tuple[int, int]]
) -> None:
    """For time expressions that do not overlap, a token is stopped when it overlaps any of them."""
    spans, end = [], 0
    for gap, width in pieces:
        spans.append((end + gap, end + gap + width))
        end += gap + width
    tokens = locate_words(text)
    expected = [any(a < t.end and b > t.start for a, b in spans) for t in tokens]
    assert stop_mask(tokens, spans[::-1]) == expected


def test_tokens_compare_by_their_fields_and_each_call_gets_its_own_list() -> None:
    """Tokens equal when their fields do; the sentence's tokens are found once but a caller may change its list."""
    first = locate_words("Talks ended on Monday.")
    first.pop()
    again = locate_words("Talks ended on Monday.")
    assert len(again) == len(first) + 1 and again[:-1] == first
    assert {again[0], locate_words("Talks began.")[0]} == {again[0]}
    assert again[3] != again[2] and (again[3].lower, again[4].is_word) == ("monday", False)
