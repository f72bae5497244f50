"""Tests for helpers.timex.grammar: each rule reads its own examples, rule names, trigger words."""

import re
import sys
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.timex import find_timexes
from helpers.timex.grammar import (
    _OTHER_DIGIT,
    _TOKEN,
    EXAMPLE_DCT,
    NUMBER,
    compile_rule,
    rules,
    signature_words,
    token_triggers,
    trie,
    trigger_words,
    triggers,
)


@pytest.mark.parametrize("rule", rules(), ids=lambda rule: rule.name)
def test_each_rule_reads_its_examples(rule):
    assert rule.examples, f"rule {rule.name!r} has no example"
    for sentence, expression, value in rule.examples:
        found = [t for t in find_timexes(sentence, date.fromisoformat(EXAMPLE_DCT)) if t.text == expression]
        assert [(t.value, t.rule) for t in found] == [(value, rule.name)], sentence


def test_rule_names_are_unique_and_every_rule_is_prefiltered():
    names = [rule.name for rule in rules()]
    assert len(set(names)) == len(names)
    unfiltered = [rule.name for rule in rules() if rule.trigger_words is None]
    assert (
        not unfiltered
    )  # a rule whose trigger words hold a form without a trigger word is searched everywhere


def test_a_pattern_naming_an_unknown_table_fails_to_compile():
    with pytest.raises(KeyError):
        compile_rule(r"\b<no_such_table>\b")


def test_triggers_find_temporal_heads_only():
    text = "Profits in 1994 rose 42 percent on Monday, up 7% from a year ago at 2 p.m."
    assert [text[s:e] for s, e, _ in triggers(text)] == ["1994", "Monday", "year", "2 p.m"]
    assert [word for _, _, word in triggers(text)] == [NUMBER, "monday", "year", NUMBER]


def test_no_trigger_word_is_letters_a_number_can_swallow():
    # "1990s", "2 pm", "5 o'clock" are single number tokens: their letters never reach a signature
    assert not trigger_words() & {"s", "a", "p", "m", "am", "pm", "o", "clock"}


def test_rule_trigger_words_cover_every_form():
    keyed = {rule.name: rule.trigger_words for rule in rules()}
    assert keyed["duration"] >= {"week", "weeks", "millenniums"}
    assert keyed["weekday"] >= {"monday", "mondays"}
    assert keyed["clock"] >= {NUMBER, "noon"}
    assert keyed["decade"] == {NUMBER}
    assert signature_words("<MONTH> time") is None  # "time" is no trigger word


def _plain_triggers(text):
    """``triggers`` with the plain ``_TOKEN`` on every text: what its letter-table twin must give."""
    found = []
    for token in _TOKEN.plain.finditer(text):
        word = token.group()
        if word[0].isdigit():
            if len(word) == 4 or not word.isdigit():
                found.append((*token.span(), NUMBER))
        elif word.lower() in trigger_words():
            found.append((*token.span(), word.lower()))
    return found


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(sorted(trigger_words())[::7]),
            st.sampled_from(
                ["2022", "9/", "1990s", "5 pm", "3 o'clock", "٢٠٢٢", "Ⅻ", "naïve", "𝐌onday", "🎉"]
                + ["MONDAY", "WeeKs", "²afternoon", "①②③④", "Σ", "ΣΣ", "o'clockmonday", "İ", "weekends"]
            ),
            st.text(alphabet="aZé İſ_1'’-./:\n", max_size=6),
            st.characters(),
        ),
        max_size=20,
    ).map("".join)
)
def test_triggers_read_through_the_letter_table_as_through_the_plain_pattern(text):
    # triggers reads the lower-cased text with one pattern of the words; _plain_triggers reads each token
    assert triggers(text) == _plain_triggers(text) == token_triggers(text)


def test_lower_casing_keeps_every_character_a_letter_or_not_and_a_digit_or_not():
    # what triggers assumes when it finds the words in the lower-cased text ("İ" alone lower-cases to two)
    letter = re.compile(r"[^\W\d_]")
    changed = []
    for code in range(sys.maxunicode + 1):
        character = chr(code)
        lowered = character.lower()
        if len(lowered) != 1:
            changed.append(character)
        elif (
            bool(letter.match(character)) != bool(letter.match(lowered))
            or character.isdigit() != lowered.isdigit()
        ):
            changed.append(character)
    assert changed == ["İ"]


def test_other_digits_are_the_digits_of_the_bmp_that_backslash_d_does_not_read():
    digit, plane = re.compile(r"\d"), [chr(code) for code in range(0x10000)]
    other = [character for character in plane if character.isdigit() and not digit.match(character)]
    assert other == [character for character in plane if _OTHER_DIGIT.match(character)]


def test_trie_matches_exactly_its_words():
    words = ["week", "weeks", "weekend", "year", "y"]
    pattern = re.compile(trie(words))
    assert [w for w in [*words, "wee", "weekends", "yea", ""] if pattern.fullmatch(w)] == words
