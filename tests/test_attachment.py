"""Tests for helpers.attachment: which event word a time expression dates."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.attachment import (
    FLOOR,
    candidate_features,
    candidate_positions,
    choose_event,
    load_weights,
    rank_events,
)
from helpers.events import locate_words


def chosen(sentence: str, expression: str) -> str:
    """The event word chosen for the first occurrence of ``expression`` (the only time expression)."""
    start = sentence.index(expression)
    token = choose_event(sentence, start, start + len(expression), [(start, start + len(expression))])
    return token.text if token else ""


@pytest.mark.parametrize(
    ("sentence", "expression", "event"),
    [
        ("Rebels seized the airport on Monday.", "Monday", "seized"),
        ("On Monday, rebels seized the airport.", "Monday", "seized"),
        ("Officials said rebels seized the airport on Monday.", "Monday", "seized"),
        ("The talks resumed on Friday, officials said.", "Friday", "resumed"),
        ("Bayramov said on Monday that talks would resume.", "Monday", "said"),
        ("The minister met the envoy on Tuesday in a bid to end the strike.", "Tuesday", "met"),
        ("The company was founded in 1990 and went public in 2021.", "2021", "went"),
        ("The company was founded in 1990 and went public in 2021.", "1990", "founded"),
    ],
)
def test_choose_event(sentence: str, expression: str, event: str) -> None:
    assert chosen(sentence, expression) == event


def test_a_reporting_verb_in_another_clause_is_chosen_only_when_nothing_else_is_there() -> None:
    assert chosen("He said that on Monday.", "Monday") == "said"


def test_an_auxiliary_is_chosen_only_as_a_main_verb() -> None:
    assert chosen("The rebels have attacked the town since 2020.", "2020") == "attacked"


def test_no_event_without_the_expression_in_the_text() -> None:
    assert choose_event("Rebels attacked.", 40, 45) is None


def test_features_say_where_the_candidate_stands() -> None:
    words = locate_words("Rebels seized the town on Monday")
    features = candidate_features(words, 5, 5, 1, [1], [False] * 5 + [True])
    assert "side=L before=on" in features and "side=L times-between=no" in features
    assert "side=L after=</s>" in features


def test_features_say_what_follows_the_expression() -> None:
    words = locate_words("Sales rose in the quarter ended Sept. 30")
    assert "side=R after=ended" in candidate_features(words, 3, 4, 5, [1, 5])
    assert "side=L after=ended" in candidate_features(words, 3, 4, 1, [1, 5])
    assert rank_events(words, 5, 5, [1]) == [1]
    assert load_weights()


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=150), st.integers(0, 150), st.integers(1, 20))
def test_choose_event_never_raises_and_never_picks_the_expression(text: str, start: int, length: int) -> None:
    start = min(start, len(text))
    end = min(start + length, len(text))
    token = choose_event(text, start, end, [(start, end)])
    assert token is None or token.end <= start or token.start >= end


def test_a_possessive_expression_dates_the_word_after_it() -> None:
    assert chosen("Officials praised Friday's vote in the assembly.", "Friday") == "vote"


def test_candidates_are_the_words_scored_above_the_floor_outside_time_expressions() -> None:
    scores = [FLOOR - 1, FLOOR + 1, 3.0, 3.0]
    assert candidate_positions(scores, [False, False, False, True]) == [1, 2]
    assert candidate_positions(scores, []) == [1, 2, 3]


def test_an_opening_expression_dates_the_reporting_verb_of_the_clause_after_it() -> None:
    assert chosen("On Wednesday, the minister said the convictions prove nothing.", "Wednesday") == "said"
