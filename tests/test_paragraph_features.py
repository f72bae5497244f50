"""Tests for helpers.paragraph_features: one test per feature, the word lists and repeats."""

import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.paragraph_features import (
    _BYLINE_FIRSTS,
    _CAPITAL,
    _RELATIVE_TIME,
    CUE_CATEGORIES,
    FEATURES,
    AppealCues,
    capital_counts,
    count_cues,
    cue_words,
    function_words,
    has_links,
    holds_quote_mark,
    is_comment_furniture,
    is_repeated,
    measure,
    measure_appeal_cues,
    measure_page,
    measure_texts,
    number_counts,
    read_words,
    silent_voices,
    title_repeats,
    word_key,
    word_keys,
)


def features(text: str, **flags: bool) -> dict:
    """Return the named features of one paragraph."""
    return dict(zip(FEATURES, measure(text, **flags)))


def test_length_is_log_words():
    assert features("one two three")["log_words"] == pytest.approx(math.log1p(3))
    assert features("...")["no_letters"] and features("...")["log_words"] == 0


def test_function_share_is_high_in_prose_and_low_in_menus():
    assert features("It was one of the worst storms that the town had seen in years.")["function_share"] > 0.4
    assert features("Politics Business Technology Sport")["function_share"] == 0


def test_sentence_end():
    assert features("The river rose.")["sentence_end"]
    assert features("\u201cWe are ready,\u201d she said.\u201d")["sentence_end"]
    assert not features("Read the full story")["sentence_end"]
    assert not features("The river rose. Roads closed. Schools shut")["sentence_end"]


def test_capital_share_flags_title_case():
    assert features("Weight Loss Tips And Diet Plans")["capital_share"] == 1
    assert features("the river rose")["capital_share"] == 0


def test_digit_share_counts_numbers_against_words():
    assert features("Nov 19 2019")["digit_share"] == pytest.approx(2 / 3)
    assert features("no numbers here")["digit_share"] == 0


@pytest.mark.parametrize(
    "text", ["visit https://example.org", "write to news@example.org", "follow @newsdesk", "see example.com"]
)
def test_link_finds_urls_emails_handles_and_domains(text):
    assert features(text)["link"]


def test_link_ignores_plain_prose():
    assert not features("The U.S. envoy arrived at 3.30 p.m.")["link"]


def test_voices_leave_out_acronyms_and_quotations():
    assert features("US troops left, and you saw them.")["address"] == 1
    assert features("US troops left, and you saw them.")["publisher"] == 0
    assert silent_voices("US troops left, and you saw them.", False) == {"address": 0, "publisher": 1}
    text = "\u201cWe are ready,\u201d he told us."
    assert features(text)["address"] == 0 and features(text)["publisher"] == 1
    assert silent_voices(text, True) == {"address": 0, "publisher": 1}
    assert features("WE ARE READY FOR YOU")["publisher"] == 1  # a text all in capitals has no acronyms
    assert (
        features("\u201cUS troops left,\u201d we said.")["publisher"] == 1
    )  # a quoted acronym is left out once


VOICE_WORDS = [
    "you",
    "YOU",
    "your",
    "YOUR",
    "Yours",
    "we",
    "WE",
    "We've",
    "WE'LL",
    "our",
    "OUR",
    "us",
    "US",
    "USA",
    "US's",
    "YOU\u2019D",
    "l'US",
]


@settings(max_examples=200)
@given(
    st.lists(
        st.sampled_from(
            [*VOICE_WORDS, "troops", "HOUSE", "said", "\u201c", "\u201d", '"', ",", ".", "3", "_"]
        ),
        max_size=14,
    ),
    st.sampled_from([" ", "", "-"]),
)
def test_silent_voices_in_capitals_are_whole_words_of_two_capitals_or_more(tokens, glue):
    import re

    text = glue.join(tokens)
    quoted = any(mark in text for mark in '"\u201c\u201d')
    spoken = re.sub(r"\u201c[^\u201c\u201d]*[\u201d\u201c]|\"[^\"]*\"", " ", text) if quoted else text
    in_quotes = word_key(
        " ".join(re.findall(r"\u201c[^\u201c\u201d]*[\u201d\u201c]|\"[^\"]*\"", text))
    ).split()
    whole = r"(?<![^\W\d_]['\u2019])\b[A-Z]{2,}(?:['\u2019][A-Z]+)?\b(?!['\u2019][^\W\d_])"  # a key's word
    capitals = [] if text.isupper() else re.findall(whole, spoken)
    kinds = [cue_words().get(word.lower().replace("\u2019", "'")) for word in capitals]
    kinds += [cue_words().get(word) for word in in_quotes]
    assert silent_voices(text, quoted) == {kind: kinds.count(kind) for kind in ("address", "publisher")}
    counts = dict(zip(CUE_CATEGORIES, count_cues(text, word_key(text), word_key(text).split(), quoted)))
    assert counts["address"] >= 0 and counts["publisher"] >= 0  # only a word that was counted is silenced


_CUE_TEXT = st.lists(
    st.sampled_from(
        [
            *sorted(cue_words())[::7],
            "sign up",
            "sign",
            "up",
            "read more",
            "more",
            "design",
            "update",
            "you",
            "US",
            "\u201c",
            "\u201d",
            "the",
            "said",
            "3",
            ",",
            "Sign-up",
        ]
    ),
    max_size=16,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_CUE_TEXT)
def test_cues_count_every_cue_word_and_every_whole_phrase(text):
    key, cues = word_key(text), cue_words()
    expected = dict.fromkeys(CUE_CATEGORIES, 0)
    for word in key.split():  # every word that is a cue, each time it is used
        if word in cues:
            expected[cues[word]] += 1
    for phrase, category in cues.items():  # every phrase of several words, as whole words
        if " " in phrase:
            expected[category] += f" {key} ".count(f" {phrase} ")
    for category, silent in silent_voices(text, holds_quote_mark(text)).items():
        expected[category] -= silent if expected["address"] or expected["publisher"] else 0
    assert count_cues(text, key, key.split(), holds_quote_mark(text)) == tuple(expected.values())


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_CUE_TEXT, st.text(max_size=40)), max_size=6))
def test_appeal_cues_are_those_fields_of_the_whole_rows(texts):
    wording = read_words(texts)
    rows = measure_texts(texts, wording, [False] * len(texts))
    expected = [AppealCues(*(getattr(row, name) for name in AppealCues._fields)) for row in rows]
    assert measure_appeal_cues(texts, wording) == expected


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(["://", ":/", "www.", "ww.", "@", "@_", "a", ".com", ".io", ".ion", ".", "x", " ",
                                  "\u00e9", "\u2019"]), max_size=8).map("".join),
        max_size=6,
    )
)  # fmt: skip
def test_links_are_what_one_pattern_of_the_four_kinds_finds(texts):
    one_pattern = re.compile(r"://|www\.|@\w|\.(?:com|org|net|gov|edu|io)\b")
    assert has_links(texts) == [one_pattern.search(text) is not None for text in texts]


def test_a_byline_opens_with_one_of_the_letters_the_pattern_may_open_with():
    firsts = [chr(code) for code in range(0x110000) if re.match("[bwsprt]", chr(code), re.IGNORECASE)]
    assert sorted(_BYLINE_FIRSTS) == sorted(firsts)


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("[ 12 comments ]", True),
        ("Comments (3)", True),
        ("Ann 2 days ago", True),
        ("Posted at 07:52", True),
        ("Ann says:", True),
        ("Like Reply Report", True),
        ("Two days ago the river rose", False),
        ("She said: no", False),
        ("12 ministers resigned", False),
    ],
)
def test_comment_furniture_counts_and_times_need_a_number(line, furniture):
    assert features(line)["comment"] is furniture


def test_address_and_publisher_count_outside_quotes_only():
    assert features("Your support helps us")["address"] == 1
    assert features("We know what you need")["publisher"] == 1
    quoted = features("\u201cWe are ready,\u201d he said.")
    assert quoted["publisher"] == 0 and quoted["quote"]


def test_appeal_action_and_site_cues():
    assert features("Subscribe to our newsletter")["appeal"] == 2
    assert (
        features("Share this on Facebook")["action"] == 1 and features("Share this on Facebook")["site"] == 1
    )
    assert features("Sign up for free")["appeal"] == 1  # a phrase of two words


def test_credit_and_reporting_cues():
    assert features("Photo: Getty Images")["credit"] >= 2
    assert features("The minister said the talks would resume, according to officials.")["reporting"] == 2


def test_byline_dateline_and_date():
    assert features("By Jane Doe and John Roe")["byline"]
    assert not features("By the end of the day the river had risen by two metres and more.")["byline"]
    assert features("WASHINGTON (AP) \u2014 The Senate voted on Monday.")["dateline"]
    assert features("November 12, 2018 | 10:31 pm")["date"]
    assert features("Updated 3 hours ago")["date"]


def test_headline_and_count_suffix():
    assert features("Hong Kong Protests Turn Violent Again")["headline"]
    assert not features("Hong Kong protests turned violent again.")["headline"]
    assert features("Politics (1942)")["count_suffix"]


def test_title_repeats_finds_the_title_whole_or_as_a_start():
    keys = [
        word_key(text)
        for text in ["Big news - Site", "Big news", "Menu", "Big news - Site | More", "Big", "", "Big newsy"]
    ]
    assert title_repeats(keys) == [False, True, False, True, False, False, False]
    assert features("x", title_repeat=True)["title_repeat"] and not features("x")["title_repeat"]


def test_is_repeated_finds_duplicates_and_teasers():
    keys = [
        word_key(text)
        for text in ["Title", "Menu", "Menu", "a b c d e f g", "a b c d e f g h", "a b c", "a b c x"]
    ]
    assert [is_repeated(keys, index) for index in range(len(keys))] == [
        False,
        True,
        True,
        True,
        True,
        False,
        False,
    ]


def test_word_lists_load_with_their_categories():
    assert {"the", "of", "and", "would"} <= function_words()
    assert set(cue_words().values()) <= set(CUE_CATEGORIES)
    assert cue_words()["according to"] == "reporting"


def test_word_key_normalises_case_punctuation_and_apostrophes():
    assert word_key("Don\u2019t STOP!") == "don't stop"


_ONE_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")  # a word: letters, apostrophes inside
_PAGE_TEXT = st.text(st.sampled_from("ab Z\u00e9\u00df  '\u2019-.,3\u0663_\u00a0\t\u0301\u4e2d"), max_size=40)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_PAGE_TEXT, st.text(max_size=40)))
def test_word_key_joins_the_words_found_one_by_one(text):
    # runs of words are found as one match each: the key must be that of the words found one at a time
    expected = " ".join(_ONE_WORD.findall(text)).lower().replace("\u2019", "'")
    assert word_key(text) == expected


@settings(max_examples=300, deadline=None)
@given(st.one_of(_PAGE_TEXT, st.text(max_size=40)))
def test_digit_share_counts_runs_of_any_decimal_digits(text):
    numbers, words = len(re.findall(r"\d+", text)), len(word_key(text).split())
    assert features(text)["digit_share"] == (numbers / (numbers + words) if numbers else 0.0)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(st.text(max_size=40), st.text(st.characters(max_codepoint=127), max_size=40)), max_size=6
    )
)
def test_word_keys_are_the_word_key_of_each_text(texts):
    assert word_keys(texts) == [word_key(text) for text in texts]


# Symbols that ``ascii_forms`` blanks, beside letters, a typographic apostrophe and ASCII.
_SYMBOLS = "aZ b'3_\u00a9\u00ae\u2122\u00b0\u00a3\u00bd\u00b2\u2190\U0001f642\u00d7\u0436\u2019"

# ASCII with what a byte table must get right (line breaks, apostrophes, digits, "_", control
# characters that str.split() counts as blanks), beside any text: the two ways of counting mix.
_LINES = st.lists(
    st.one_of(
        st.text(st.sampled_from("aZ b'3_\n.-\t\x1c\x0bQ9"), max_size=30),
        st.text(max_size=30),
        st.text(st.sampled_from("aZ \u00c0\u00de\u00d7'\u2019\u0663"), max_size=12),
        st.text(st.sampled_from("aZ b'3\n.\u2019\u2018\u201c\u201d\u2014\u00a0\u00ab\u2026"), max_size=20),
        st.text(st.sampled_from(_SYMBOLS), max_size=20),
    ),
    max_size=8,
)  # the last two: the typographic characters that ``ascii_forms`` stands in for, and symbols it blanks
# (with "½" and "²", which are no symbols, "×", a capital's code point, and a Cyrillic letter), beside ASCII


@settings(max_examples=300, deadline=None)
@given(_LINES)
def test_capitals_counted_by_a_byte_table_are_those_the_pattern_finds(texts):
    assert capital_counts(texts) == [len(_CAPITAL.findall(text)) for text in texts]


@settings(max_examples=300, deadline=None)
@given(_LINES)
def test_numbers_counted_by_a_byte_table_are_those_the_pattern_finds(texts):
    assert number_counts(texts) == [len(re.findall(r"\d+", text)) for text in texts]


@settings(max_examples=300, deadline=None)
@given(_LINES)
def test_word_keys_by_a_byte_table_are_those_the_pattern_finds(texts):
    assert word_keys(texts) == [word_key(text) for text in texts]


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(max_codepoint=127), max_size=60))
def test_ascii_texts_measure_as_any_text(text):
    # a trailing copyright sign adds no word, capital or number (it is blanked: ``blank_symbols``),
    # nor does an em dash (stood in for by a blank: ``ascii_forms``)
    for tail in (" \u00a9", " \u2014"):
        assert word_key(text) == word_key(text + tail) == word_keys([text + tail])[0]
        for feature in ("capital_share", "digit_share", "quote"):
            assert features(text)[feature] == features(text + tail)[feature]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=60), min_size=1, max_size=8))
def test_measure_page_gives_one_full_row_per_paragraph(texts):
    rows = measure_page(texts)
    assert len(rows) == len(texts)
    assert all(len(row) == len(FEATURES) for row in rows)
    assert all(math.isfinite(float(value)) for row in rows for value in row)


@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from("ab \"\u201c\u201d\u00ab\u00bb\u2019'\u201e"), max_size=12))
def test_holds_quote_mark_finds_any_of_the_five_marks(text):
    assert holds_quote_mark(text) == (re.search('["\u201c\u201d\u00ab\u00bb]', text) is not None)


_STAMP_TEXT = st.builds(
    "{}{} {}{} {}{}".format,
    st.sampled_from(["", "Ann ", "x:", "\u0130 "]),
    st.sampled_from(["2", "12", "at 7:52", "AT 07:52"]),
    st.sampled_from(["days", "HRS", "Min", "x"]),
    st.sampled_from(["", " "]),
    st.sampled_from(["ago", "AGO", "aGo", "a go", "\u0131"]),
    st.text(st.sampled_from("a:. \u017f"), max_size=3),
)  # time stamps ("2 HRS AGO", "at 7:52") and near misses


@settings(max_examples=300)
@given(st.one_of(_STAMP_TEXT, st.text(max_size=30)))
def test_comment_time_stamps_are_only_looked_for_where_one_may_be(text):
    if _RELATIVE_TIME.search(text.strip()) is not None:
        assert is_comment_furniture(
            text, word_key(text).split(), 1
        )  # the quick test never hides a time stamp
