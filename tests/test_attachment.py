"""Tests for helpers.attachment: which event word a time expression dates."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.attachment import (
    FLOOR,
    candidate_features,
    candidate_positions,
    choose_event,
    choose_events,
    load_weights,
    rank_events,
)
from helpers.events import dated_event, is_verb, locate_words


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


def pair(sentence: str, expression: str) -> list[str]:
    """The chosen event word and its partner (as text, "" for none) for ``expression``."""
    start = sentence.index(expression)
    tokens = choose_events(sentence, start, start + len(expression), [(start, start + len(expression))])
    return [token.text if token else "" for token in tokens]


@pytest.mark.parametrize(
    ("sentence", "expression", "words"),
    [
        ("Aetna had a loss in the quarter.", "the quarter", ["had", "loss"]),
        ("Annan wrapped up a three hour meeting with the president today.", "today", ["wrapped", "meeting"]),
        ("Rebels seized the airport on Monday.", "Monday", ["seized", ""]),
        ("During a storm in 2018, the dam broke.", "2018", ["storm", "broke"]),
        ("The rebels retreated on Monday, and the war resumed.", "Monday", ["retreated", ""]),
    ],
)
def test_the_partner_is_the_event_noun_of_the_verb_s_clause(
    sentence: str, expression: str, words: list[str]
) -> None:
    assert pair(sentence, expression) == words


def test_the_partner_is_never_a_reporting_verb_an_auxiliary_nor_across_a_clause() -> None:
    assert pair("The talks, officials said, resumed on Friday.", "Friday")[1] not in ("said", "talks")
    assert pair("The strike will continue in the fourth quarter.", "the fourth quarter")[1] != "will"
    assert pair("The banks rallied on Monday to buy.", "Monday") == ["rallied", ""]


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=150), st.integers(0, 150), st.integers(1, 20))
def test_a_partner_is_of_the_other_kind_and_outside_the_expression(
    text: str, start: int, length: int
) -> None:
    start = min(start, len(text))
    end = min(start + length, len(text))
    head, partner = choose_events(text, start, end, [(start, end)])
    if partner is not None:
        tokens = locate_words(text)
        assert head is not None and is_verb(tokens, head.index) != is_verb(tokens, partner.index)
        assert partner.end <= start or partner.start >= end


def test_a_dated_noun_names_its_verb_too() -> None:
    assert dated_event("Last year's profit grew 5%.", 0, 9).heads == ("profit", "grew")
    assert dated_event("Aetna had a loss in the quarter.", 19, 31).heads == ("had", "loss")


def _spelled_out_features(tokens: list, first: int, last: int, candidate: int, candidates: list, stopped: list,
                          scores: list) -> list[str]:  # fmt: skip
    """The ranker's 21 features of one candidate, each found on its own (the definition the shared ones must match)."""
    from helpers.attachment import _bucket, _confidence, _is_possessive, _previous_class
    from helpers.events import load_cues

    cues = load_cues()
    left = candidate < first
    side = "L" if left else "R"
    between = tokens[candidate + 1 : first] if left else tokens[last + 1 : candidate]
    dist = _bucket(len(between) + 1)
    low, high = (candidate, first) if left else (last, candidate)
    rank = min(sum(1 for c in candidates if low < c < high and (not scores or scores[c] > 0)), 3)
    commas = min(sum(1 for t in between if t.text in ',;:()[]"“”—–'), 2)
    span = range(candidate + 1, first) if left else range(last + 1, candidate)
    times = "-" if not stopped else "yes" if any(stopped[k] for k in span) else "no"
    joined = "yes" if any(t.lower in ("and", "but", "or") for t in between) else "no"
    prepositions = min(sum(1 for t in between if t.lower in cues["prepositions"] or t.lower == "of"), 2)
    subordinators = min(sum(1 for t in between if t.lower in cues["boundaries"]), 2)
    word = tokens[candidate].lower
    before = tokens[first - 1].lower if first > 0 else "<s>"
    after = tokens[last + 1].lower if last + 1 < len(tokens) else "</s>"
    previous = _previous_class(tokens[candidate - 1].lower if candidate > 0 else "<s>", cues)
    reporting = "yes" if word in cues["reporting"] else "no"
    confidence = _confidence(scores[candidate]) if scores else "event"
    start = first == 0 or (first == 1 and before in cues["prepositions"])
    return [
        f"side={side}", f"side={side} dist={dist}", f"side={side} rank={rank}",
        f"side={side} rank={rank} commas={commas}", f"side={side} subordinators={subordinators}",
        f"side={side} times-between={times}", f"side={side} times-between={times} and-between={joined}",
        f"side={side} before={before}", f"side={side} after={after}",
        f"side={side} possessive={_is_possessive(tokens, last)} dist={dist}", f"side={side} start={start}",
        f"side={side} reporting={reporting}", f"side={side} reporting={reporting} rank={rank}",
        f"side={side} prepositions-between={prepositions}",
        f"side={side} prepositions-between={prepositions} dist={dist}", f"side={side} previous={previous}",
        f"w={word}", f"side={side} s2={word[-2:]}", f"s3={word[-3:]}", f"confidence={confidence}",
        f"side={side} confidence={confidence} dist={dist}",
    ]  # fmt: skip


_PIECES = st.sampled_from(
    [
        "the",
        "talks",
        "said",
        "and",
        "of",
        "in",
        "after",
        "which",
        ",",
        "(",
        "Monday",
        "resumed",
        "Friday's",
        "vote",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, min_size=2, max_size=16), st.data())
def test_candidate_features_are_the_spelled_out_features_in_order(
    words: list[str], data: st.DataObject
) -> None:
    from helpers.event_tagger import event_scores

    tokens = locate_words(" ".join(words))
    first = data.draw(st.integers(0, len(tokens) - 1))
    last = data.draw(st.integers(first, len(tokens) - 1))
    stopped = [first <= k <= last for k in range(len(tokens))] if data.draw(st.booleans()) else []
    scores = event_scores(tokens) if data.draw(st.booleans()) else []
    candidates = sorted(data.draw(st.sets(st.integers(0, len(tokens) - 1))))
    for candidate in candidates:
        expected = _spelled_out_features(tokens, first, last, candidate, candidates, stopped, scores)
        assert candidate_features(tokens, first, last, candidate, candidates, stopped, scores) == expected
