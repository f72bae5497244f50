"""Tests for helpers.event_tagger: the shipped event-word model, its features and its header."""

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.event_tagger import (
    MODEL_FILE,
    event_positions,
    event_scores,
    find_events,
    light_stem,
    load_weights,
    sentence_features,
    shape,
    token_features,
)
from helpers.events import locate_words
from helpers.resources import data_lines


@pytest.mark.parametrize(
    ("sentence", "events"),
    [
        ("Rebels attacked the town on Monday.", ["attacked"]),
        ("Officials said the talks collapsed.", ["said", "talks", "collapsed"]),
        ("Voters rejected the plan after the election.", ["rejected", "election"]),
        ("The war ended in 1994 after the attack.", ["war", "ended", "attack"]),
    ],
)
def test_find_events_marks_verbs_and_event_nouns(sentence: str, events: list[str]) -> None:
    assert [t.text for t in find_events(sentence)] == events


def test_function_words_and_names_are_not_events() -> None:
    found = {t.lower for t in find_events("The minister of the United Nations and his aides were in Paris.")}
    assert not found & {"the", "of", "and", "his", "in", "paris", "united", "nations", "minister"}


def test_shape_collapses_runs_of_character_classes() -> None:
    assert shape("Nagorno-Karabakh") == "Xx-Xx"
    assert shape("200") == "d"


def test_features_read_the_neighbours() -> None:
    features = token_features(locate_words("troops attacked"), 1)
    assert "w-1=troops" in features and "w+1=</s>" in features and "class=-" in features


def test_shipped_file_states_its_training_data_licence_and_script() -> None:
    from importlib import resources

    header = (
        resources.files("helpers").joinpath(f"data/{MODEL_FILE}").read_text("utf-8").split("feature\t")[0]
    )
    for needed in ("TimeBank", "AQUAINT", "Licence", "benchmarks/train_events.py", "byte for byte"):
        assert needed in header
    assert data_lines(MODEL_FILE)[0] == "feature\tweight"
    assert "bias" in load_weights() and len(load_weights()) > 1000


def test_importing_the_timeline_does_not_read_the_weights() -> None:
    code = "import helpers.timeline, helpers.event_tagger as t; print(t.load_weights.cache_info().currsize)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "0"


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_events_are_words_of_the_text(text: str) -> None:
    tokens = locate_words(text)
    for i in event_positions(tokens):
        assert tokens[i].is_word and text[tokens[i].start : tokens[i].end] == tokens[i].text


@pytest.mark.parametrize(
    ("forms", "stem"),
    [
        (("attack", "attacked", "attacking", "attacks"), "attack"),
        (("stop", "stopped", "stopping", "stops"), "stop"),
        (("party", "parties"), "party"),
        (("process", "processes"), "process"),
    ],
)
def test_light_stem_gives_the_forms_of_a_word_one_stem(forms: tuple[str, ...], stem: str) -> None:
    assert {light_stem(form) for form in forms} == {stem}


def test_light_stem_keeps_short_words() -> None:
    assert [light_stem(w) for w in ("is", "has", "war", "bus")] == ["is", "has", "war", "bus"]


def test_features_read_numbers_by_shape_and_time_words_by_class() -> None:
    features = token_features(locate_words("the quarter ended 1994"), 2)
    assert "w+1=<d>" in features and "class-1=times" in features and "stem=end" in features


def test_the_event_noun_table_is_read_by_stem() -> None:
    assert "event-noun=True" in token_features(locate_words("the elections"), 1)
    assert "event-noun=False" in token_features(locate_words("the tables"), 1)


def test_scores_agree_with_positions() -> None:
    tokens = locate_words("Rebels attacked the town, officials said.")
    scores = event_scores(tokens)
    assert [i for i, x in enumerate(scores) if x > 0] == event_positions(tokens)
    assert scores[4] < -100  # punctuation is never a candidate


def _spelled_out_features(tokens: list, i: int) -> list[str]:
    """The model's 27 features of ``tokens[i]``, each built on its own (the definition the cached ones must match)."""
    from helpers.event_tagger import _context, _event_nouns, _word_class

    contexts = ["<s>", "<s>", *map(_context, tokens), "</s>", "</s>"]
    word, j = tokens[i].lower, i + 2
    before, before2, after, after2 = contexts[j - 1], contexts[j - 2], contexts[j + 1], contexts[j + 2]
    stem = light_stem(word)
    possessive = i > 0 and tokens[i - 1].lower.endswith(("'s", "’s"))
    cls_before = "possessive" if possessive else _word_class(before)
    return [
        "bias", f"w={word}", f"stem={stem}", f"event-noun={stem in _event_nouns()}", f"s1={word[-1:]}",
        f"s3-1={before[-3:]}", f"s3+1={after[-3:]}", f"class-2={_word_class(before2)}",
        f"class+2={_word_class(after2)}", f"s2={word[-2:]} class-1={cls_before}",
        f"stem-1,stem={light_stem(before)} {stem}", f"s3={word[-3:]}", f"s2={word[-2:]}", f"s4={word[-4:]}",
        f"shape={shape(tokens[i].text)}", f"first={i == 0}", f"class={_word_class(word)}", f"w-1={before}",
        f"w-2={before2}", f"w+1={after}", f"w+2={after2}", f"class-1={cls_before}",
        f"class+1={_word_class(after)}", f"s2-1={before[-2:]}", f"s2+1={after[-2:]}",
        f"w-1,w={before} {word}", f"w,w+1={word} {after}",
    ]  # fmt: skip


_WORDS = st.sampled_from(
    [
        "the",
        "talks",
        "attacked",
        "Friday's",
        "officials’",
        "1994",
        "U.S.",
        "in",
        "said",
        ",",
        ".",
        "'s",
        "Elections",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, max_size=12), st.text(max_size=40))
def test_sentence_features_are_the_spelled_out_features_in_order(words: list[str], noise: str) -> None:
    tokens = locate_words(" ".join(words) + " " + noise)
    rows = sentence_features(tokens)
    assert rows == [_spelled_out_features(tokens, i) for i in range(len(tokens))]


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, max_size=12), st.text(max_size=40))
def test_scores_are_the_weights_of_the_spelled_out_features_added_in_order(
    words: list[str], noise: str
) -> None:
    tokens = locate_words(" ".join(words) + " " + noise)
    weights = load_weights()
    expected = []
    for i, token in enumerate(tokens):
        total = 0.0
        for name in _spelled_out_features(tokens, i):
            total += weights.get(name, 0.0)
        expected.append(total if token.is_word else -1000.0)
    assert event_scores(tokens) == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, max_size=12), st.text(max_size=40))
def test_the_cached_shipped_weights_score_as_a_copy_of_them(words: list[str], noise: str) -> None:
    tokens = locate_words(" ".join(words) + " " + noise)
    copy = dict(load_weights())  # not the shipped dict: its names are looked up one by one
    assert event_scores(tokens) == event_scores(tokens, copy)
