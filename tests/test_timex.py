"""Tests for helpers.timex: TIMEX3 spans, types, values and mods, anchoring on the document date."""

from datetime import date
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.timex import Timex, find_timexes
from helpers.timex.tagger import windows

DCT = date(2022, 9, 19)  # a Monday, ISO week 38


def only(text: str, dct: date | None = DCT) -> Timex:
    """Return the single timex found in ``text`` (the test fails if there is not exactly one)."""
    found = find_timexes(text, dct)
    assert len(found) == 1, found
    return found[0]


# (sentence, expected span, type, value, mod), all anchored on Monday 2022-09-19
SEED = [
    ("Blinken met the ministers on Monday in a bid to ease tensions.", "Monday", "DATE", "2022-09-19", None),
    ("Speaking ahead of Monday's meeting, Bayramov said.", "Monday", "DATE", "2022-09-19", None),
    ("since the shelling last week by both sides", "last week", "DATE", "2022-W37", None),
    ("since a separatist war ended in 1994.", "1994", "DATE", "1994", None),
    ("During a war in 2020, Azerbaijan reclaimed land.", "2020", "DATE", "2020", None),
    (
        "the largest outbreak of hostilities in more than two years",
        "more than two years",
        "DURATION",
        "P2Y",
        "MORE_THAN",
    ),
    ("During a six-week war", "six-week", "DURATION", "P6W", None),
    ("locked in a decades-old conflict", "decades-old", "DURATION", "PXDE", None),
    ("It was the first meeting since two days of shelling", "two days", "DURATION", "P2D", None),
    ("The meeting was held just a day after the visit.", "a day", "DURATION", "P1D", None),
]

EXPLICIT_DATES = [
    ("It opened on Sept. 19, 2022.", "Sept. 19, 2022", "DATE", "2022-09-19", None),
    ("It opened on 19 September 2022.", "19 September 2022", "DATE", "2022-09-19", None),
    ("It opened on Monday, Sept. 19, 2022.", "Monday, Sept. 19, 2022", "DATE", "2022-09-19", None),
    ("It opened in September 2021.", "September 2021", "DATE", "2021-09", None),
    ("It opened in early September 2021.", "early September 2021", "DATE", "2021-09", "START"),
    ("The law of 2022-03-01 applies.", "2022-03-01", "DATE", "2022-03-01", None),
    ("Filed 3/14/2021 in court.", "3/14/2021", "DATE", "2021-03-14", None),
    ("It happened in mid-1996.", "mid-1996", "DATE", "1996", "MID"),
    ("It grew in the 1990s.", "the 1990s", "DATE", "199", None),
    ("It grew in the late 1980s.", "the late 1980s", "DATE", "198", "END"),
    ("Music of the '60s is back.", "the '60s", "DATE", "196", None),
    ("Prices rose in the third quarter of 2021.", "the third quarter of 2021", "DATE", "2021-Q3", None),
    ("They met in the summer of 2020.", "the summer of 2020", "DATE", "2020-SU", None),
    ("It ends in fiscal 2023.", "fiscal 2023", "DATE", "2023", None),
    ("They came home for Thanksgiving Day 1999.", "Thanksgiving Day 1999", "DATE", "1999-11-25", None),
    ("It happened in nineteen ninety-six.", "nineteen ninety-six", "DATE", "1996", None),
    ("The vote is on November 5th, 2024.", "November 5th, 2024", "DATE", "2024-11-05", None),
    ("It opened on the 3rd of May 2020.", "3rd of May 2020", "DATE", "2020-05-03", None),
]

RELATIVE_DATES = [
    ("He arrived yesterday.", "yesterday", "DATE", "2022-09-18", None),
    ("He arrives tomorrow.", "tomorrow", "DATE", "2022-09-20", None),
    ("He is here today.", "today", "DATE", "2022-09-19", None),
    ("He left two days ago.", "two days ago", "DATE", "2022-09-17", None),
    ("He left three years ago.", "three years ago", "DATE", "2019", None),
    ("They met last Friday.", "last Friday", "DATE", "2022-09-16", None),
    ("They met on Friday.", "Friday", "DATE", "2022-09-16", None),
    ("They will meet on Friday.", "Friday", "DATE", "2022-09-23", None),
    ("They meet next Tuesday.", "next Tuesday", "DATE", "2022-09-20", None),
    ("Talks resume next week.", "next week", "DATE", "2022-W39", None),
    ("Sales fell this week.", "this week", "DATE", "2022-W38", None),
    ("Prices rose last month.", "last month", "DATE", "2022-08", None),
    ("Prices will rise next month.", "next month", "DATE", "2022-10", None),
    ("Prices rose this year.", "this year", "DATE", "2022", None),
    ("Prices rose last year.", "last year", "DATE", "2021", None),
    ("He resigned earlier this month.", "earlier this month", "DATE", "2022-09", "START"),
    ("He will resign later this year.", "later this year", "DATE", "2022", "END"),
    ("It was hot last summer.", "last summer", "DATE", "2022-SU", None),
    ("It was cold last winter.", "last winter", "DATE", "2021-WI", None),
    ("They met last April.", "last April", "DATE", "2022-04", None),
    ("They will meet next March.", "next March", "DATE", "2023-03", None),
    ("Profit rose in the third quarter.", "the third quarter", "DATE", "2022-Q3", None),
    ("Profit rose in the quarter.", "the quarter", "DATE", "2022-Q2", None),
    ("Sales rose last quarter.", "last quarter", "DATE", "2022-Q2", None),
    ("They met in March.", "March", "DATE", "2022-03", None),
    ("They meet in January.", "January", "DATE", "2023-01", None),
    ("They met on Sept. 12.", "Sept. 12", "DATE", "2022-09-12", None),
    ("They met on Labor Day.", "Labor Day", "DATE", "2022-09-05", None),
    ("They meet at Christmas.", "Christmas", "DATE", "2022-12-25", None),
    ("It rained over the weekend.", "the weekend", "DATE", "2022-W37-WE", None),
    ("She left at the end of August.", "the end of August", "DATE", "2022-08", "END"),
    ("He was there in the middle of October.", "the middle of October", "DATE", "2022-10", "MID"),
]

TIMES = [
    ("The vote is at 2 p.m.", "2 p.m.", "TIME", "2022-09-19T14:00", None),
    ("It began around 7:15 p.m. EDT.", "around 7:15 p.m. EDT", "TIME", "2022-09-19T19:15", "APPROX"),
    ("It began at noon Thursday.", "noon Thursday", "TIME", "2022-09-15T12:00", None),
    ("They spoke this morning.", "this morning", "TIME", "2022-09-19TMO", None),
    ("They spoke last night.", "last night", "TIME", "2022-09-18TNI", None),
    ("They spoke tonight.", "tonight", "TIME", "2022-09-19TNI", None),
    ("They spoke yesterday afternoon.", "yesterday afternoon", "TIME", "2022-09-18TAF", None),
    ("They spoke on Friday night.", "Friday night", "TIME", "2022-09-16TNI", None),
    ("The log says 2022-09-19 14:05.", "2022-09-19 14:05", "TIME", "2022-09-19T14:05", None),
]

DURATIONS = [
    ("The war lasted six weeks.", "six weeks", "DURATION", "P6W", None),
    ("He served 25 years in prison.", "25 years", "DURATION", "P25Y", None),
    ("He served twenty-five years.", "twenty-five years", "DURATION", "P25Y", None),
    ("It took less than an hour.", "less than an hour", "DURATION", "PT1H", "LESS_THAN"),
    ("It took about three hours.", "about three hours", "DURATION", "PT3H", "APPROX"),
    ("It took at least 72 hours.", "at least 72 hours", "DURATION", "PT72H", "EQUAL_OR_MORE"),
    ("It took nearly two years.", "nearly two years", "DURATION", "P2Y", "LESS_THAN"),
    ("He waited 30 minutes.", "30 minutes", "DURATION", "PT30M", None),
    ("It lasted several years.", "several years", "DURATION", "PXY", None),
    ("Sales fell over the past two months.", "the past two months", "DURATION", "P2M", None),
    ("Sales fell in the first nine months.", "the first nine months", "DURATION", "P9M", None),
    ("It took two decades.", "two decades", "DURATION", "P20Y", None),
    ("It lasted a year and a half.", "a year and a half", "DURATION", "P1Y6M", None),
    ("It lasted a couple of years.", "a couple of years", "DURATION", "P2Y", None),
    ("a 10-year bond", "10-year", "DURATION", "P10Y", None),
    ("a centuries-long feud", "centuries-long", "DURATION", "PXCE", None),
    ("It will take weeks.", "weeks", "DURATION", "PXW", None),
    ("Profit for the year rose.", "the year", "DURATION", "P1Y", None),
]

REFERENCES_AND_SETS = [
    ("He is now in charge.", "now", "DATE", "PRESENT_REF", None),
    ("He recently resigned.", "recently", "DATE", "PAST_REF", None),
    ("Prices will fall in the near future.", "the near future", "DATE", "FUTURE_REF", None),
    ("Prices fell in recent years.", "recent years", "DATE", "PAST_REF", None),
    ("Prices will fall in coming months.", "coming months", "DATE", "FUTURE_REF", None),
    ("He reports daily.", "daily", "SET", "P1D", None),
    ("They meet every Monday.", "every Monday", "SET", "XXXX-WXX-1", None),
    ("They meet every two weeks.", "every two weeks", "SET", "P2W", None),
    ("They meet twice a year.", "a year", "SET", "P1Y", None),
    ("Profits doubled annually.", "annually", "SET", "P1Y", None),
    ("Protesters gather daily outside the house.", "daily", "SET", "P1D", None),
    ("He travels weekly across the region.", "weekly", "SET", "P1W", None),
]


@pytest.mark.parametrize(
    ("sentence", "span", "kind", "value", "mod"),
    SEED + EXPLICIT_DATES + RELATIVE_DATES + TIMES + DURATIONS + REFERENCES_AND_SETS,
)
def test_expression_is_found_with_its_type_value_and_mod(sentence, span, kind, value, mod):
    timex = only(sentence)
    assert (timex.text, timex.type, timex.value, timex.mod) == (span, kind, value, mod)
    assert sentence[timex.start : timex.end] == span


@pytest.mark.parametrize(
    "sentence",
    [
        "He may go.",
        "They march on.",
        "Prices fall. They fall again.",
        "He scored 2000 points and 42 goals.",
        "Revenue was $1994 million.",
        "The daily newspaper sold out.",
        "Average daily volume fell.",
        "He is 52 years old.",
        "A 6-year-old boy and a two-month-old girl.",
        "Jan Egeland spoke to Dec Smith.",
        "The second man left.",
    ],
)
def test_words_that_only_look_temporal_are_not_timexes(sentence):
    assert find_timexes(sentence, DCT) == []


@pytest.mark.parametrize(
    ("text", "dct", "value"),
    [
        ("He left yesterday.", date(2022, 3, 1), "2022-02-28"),  # month boundary
        ("He left yesterday.", date(2024, 3, 1), "2024-02-29"),  # leap year
        ("He left yesterday.", date(2023, 1, 1), "2022-12-31"),  # year boundary
        ("He arrives tomorrow.", date(2024, 2, 28), "2024-02-29"),
        ("Sales fell last week.", date(2021, 1, 4), "2020-W53"),  # ISO year with 53 weeks
        ("Sales fell last week.", date(2022, 1, 2), "2021-W51"),  # Jan 2 2022 is in 2021-W52
        ("Sales rise this week.", date(2020, 12, 31), "2020-W53"),
        ("Sales rise next week.", date(2019, 12, 30), "2020-W02"),  # Dec 30 2019 is in 2020-W01
        ("Prices rose last month.", date(2022, 1, 15), "2021-12"),
        ("Prices rise next month.", date(2022, 12, 15), "2023-01"),
        ("He left a month ago.", date(2022, 3, 31), "2022-02"),
        ("They met on Friday.", date(2022, 1, 3), "2021-12-31"),
        ("They met in December.", date(2023, 1, 10), "2022-12"),
        ("They meet in February.", date(2022, 12, 20), "2023-02"),
        ("It opened on Feb. 29.", date(2024, 5, 1), "2024-02-29"),
        ("Sales rose last quarter.", date(2022, 2, 1), "2021-Q4"),
    ],
)
def test_relative_expressions_anchor_across_boundaries(text, dct, value):
    assert only(text, dct).value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("They met on Monday.", "XXXX-WXX-1"),
        ("Sales fell last week.", "XXXX-WXX"),
        ("He left yesterday.", "XXXX-XX-XX"),
        ("Prices rose last year.", "XXXX"),
        ("They met on Sept. 12.", "XXXX-09-12"),
        ("Profit rose in the third quarter.", "XXXX-Q3"),
        ("It was hot last summer.", "XXXX-SU"),
    ],
)
def test_without_a_document_date_relative_values_stay_unresolved(text, value):
    timex = only(text, None)
    assert timex.value == value
    assert timex.relative and not timex.resolved


def test_without_a_document_date_absolute_values_are_resolved():
    timex = only("It ended in 1994.", None)
    assert (timex.value, timex.relative, timex.resolved) == ("1994", False, True)


@pytest.mark.parametrize(
    "text", ["It happened on February 30.", "It happened on April 31.", "Filed 2/29/2023 late."]
)
def test_impossible_dates_are_not_dates(text):
    assert find_timexes(text, DCT) == []


def test_an_impossible_day_leaves_only_the_year():
    assert [(t.text, t.value) for t in find_timexes("It happened on 31 April 2021.", DCT)] == [
        ("2021", "2021")
    ]


def test_february_29_exists_only_in_leap_years():
    assert only("It opened on Feb. 29, 2024.").value == "2024-02-29"
    assert (
        find_timexes("It opened on Feb. 29, 2023.", DCT) == []
        or only("It opened on Feb. 29, 2023.").value == "2023"
    )


def test_seed_article_expressions(seed_article):
    found = [
        (t.text, t.type, t.value, t.mod) for t in find_timexes(seed_article.text, seed_article.published)
    ]
    for expected in [
        ("Monday", "DATE", "2022-09-19", None),
        ("more than two years", "DURATION", "P2Y", "MORE_THAN"),
        ("two days", "DURATION", "P2D", None),
        ("last week", "DATE", "2022-W37", None),
        ("a day", "DURATION", "P1D", None),
        ("decades-old", "DURATION", "PXDE", None),
        ("1994", "DATE", "1994", None),
        ("six-week", "DURATION", "P6W", None),
        ("2020", "DATE", "2020", None),
    ]:
        assert expected in found
    for timex in find_timexes(seed_article.text, seed_article.published):
        assert seed_article.text[timex.start : timex.end] == timex.text


TEMPORAL_WORDS = [
    "Monday",
    "last",
    "week",
    "two",
    "days",
    "ago",
    "1994",
    "the",
    "1990s",
    "more than",
    "a",
    "year",
    "Sept.",
    "19,",
    "2022",
    "3/14/2021",
    "early",
    "quarter",
    "third",
    "-",
    "old",
    "p.m.",
    "7:15",
    "now",
    "every",
    "summer",
    "of",
    "\n",
    ",",
    "'90s",
    "mid-",
    "decades",
    "February",
    "30",
    "tonight",
]
# words the rule signatures must not miss: upper case, plurals, suffixes, numbers glued to words
SIGNATURE_TRAPS = [
    "'90S",
    "2 A.M.",
    "Mondays",
    "weeklong",
    "week-long",
    "YEAR-END",
    "year's",
    "Christmas",
    "NOON",
    "10am",
    "2023-03-13",
    "that",
    "day",
    "twice",
    "an",
    "hour",
    "nineteen",
    "eighty-four",
    "half",
]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.one_of(st.sampled_from(TEMPORAL_WORDS), st.text(max_size=6)), max_size=25),
    st.one_of(st.none(), st.dates(min_value=date(1, 1, 8), max_value=date(9998, 12, 24))),
)
def test_never_raises_spans_slice_and_never_overlap(words, dct):
    text = " ".join(words)
    found = find_timexes(text, dct)
    for timex in found:
        assert text[timex.start : timex.end] == timex.text and timex.text
        assert timex.type in ("DATE", "TIME", "DURATION", "SET")
        assert timex.value
    for before, after in zip(found, found[1:]):
        assert before.end <= after.start


def tagged_by_every_rule_everywhere(text: str, dct: date | None) -> list[Timex]:
    """Return find_timexes with every rule searching every window (no signature skipping)."""
    with patch("helpers.timex.tagger._searched", lambda signature, words: True):
        return find_timexes(text, dct)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.one_of(st.sampled_from(TEMPORAL_WORDS + SIGNATURE_TRAPS), st.text(max_size=6)), max_size=25),
    st.one_of(st.none(), st.dates(min_value=date(1, 1, 8), max_value=date(9998, 12, 24))),
)
def test_rule_signatures_skip_no_match(words, dct):
    text = " ".join(words)
    assert find_timexes(text, dct) == tagged_by_every_rule_everywhere(text, dct)


@pytest.mark.parametrize(
    "sentence",
    [row[0] for row in SEED + EXPLICIT_DATES + RELATIVE_DATES + TIMES + DURATIONS + REFERENCES_AND_SETS]
    + [
        "It ended Monday at 2 A.M. Monday.",
        "Prices rose in 1994 as in the '90S.",
        "In 1994 the YEAR-END rally came.",
        "On Monday the shop closed Sundays and weeklong sales ended at NOON.",
    ],
)
def test_rule_signatures_skip_no_expression(sentence):
    assert find_timexes(sentence, DCT) == tagged_by_every_rule_everywhere(sentence, DCT)


def test_a_window_with_non_ascii_letters_is_searched_by_every_rule():
    # "ſ" matches "s" case-insensitively, but "weekſ".lower() is no trigger word
    assert [words for _, _, words in windows("On Monday, two weekſ ago. On Monday, two weeks ago.")] == [None]
    assert [words for _, _, words in windows("On Monday, two weeks ago.")] == [frozenset({"monday", "weeks"})]
    assert [words for _, _, words in windows("On Monday, two weeks’ wait — “ago”.")] == [
        frozenset({"monday", "weeks"})
    ]  # quotes and dashes are no letters: the signatures still choose the rules


def test_no_character_outside_ascii_but_letters_matches_an_ascii_letter_ignoring_case():
    # why a stretch whose only non-ASCII characters are punctuation may skip rules by signature
    import re
    import sys

    folding = [
        chr(c) for c in range(0x80, sys.maxunicode + 1) if re.fullmatch("[a-z0-9]", chr(c), re.IGNORECASE)
    ]
    assert folding and all(c.isalnum() for c in folding)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(TEMPORAL_WORDS + SIGNATURE_TRAPS),
            st.text(alphabet=st.sampled_from(list("’‘“”—–…«»€°·ſKıİé2a ")), max_size=4),
        ),
        max_size=25,
    ),
    st.one_of(st.none(), st.dates(min_value=date(1, 1, 8), max_value=date(9998, 12, 24))),
)
def test_rule_signatures_skip_no_match_beside_typographic_marks(words, dct):
    text = "".join(w + (" " if i % 3 else "") for i, w in enumerate(words))
    assert find_timexes(text, dct) == tagged_by_every_rule_everywhere(text, dct)


# Tense: a weekday or month name without a year looks back or ahead from the document date
# (Monday 2022-09-19) by the nearest tense cue in its sentence, or by a signal word before it.
TENSE = [
    ("He arrived Friday.", "Friday", "2022-09-16"),
    ("He will arrive Friday.", "Friday", "2022-09-23"),
    ("Talks are expected to resume Friday.", "Friday", "2022-09-23"),
    ("Talks were scheduled to resume Friday.", "Friday", "2022-09-23"),
    ("Talks are set to resume Wednesday.", "Wednesday", "2022-09-21"),
    ("She could come as early as Thursday.", "Thursday", "2022-09-22"),
    (
        "He flew to the United States Thursday.",
        "Thursday",
        "2022-09-15",
    ),  # a name, not a verb: no cue, past default
    ("The strike began in January.", "January", "2022-01"),  # far from the DCT: the past tense decides
    ("The plant will open in April.", "April", "2023-04"),  # the future decides
    ("The plant is idle in January.", "January", "2023-01"),  # no cue: the nearest January
    ("The summit opens Thursday.", "Thursday", "2022-09-22"),  # a present of schedule looks ahead
    ("The fiscal year ends in June.", "June", "2023-06"),
    ("The offer expires Friday.", "Friday", "2022-09-23"),
    ("He was last seen Jan. 3.", "Jan. 3", "2022-01-03"),
    ("He was last seen Nov. 3.", "Nov. 3", "2022-11-03"),  # within two months: the nearest stands
    ("The offer was extended until Nov. 20.", "Nov. 20", "2022-11-20"),  # close: the nearest stands
    ("The dividend was declared, payable Feb. 1.", "Feb. 1", "2023-02-01"),  # payable names a date to come
    ("Sales rose since February.", "February", "2022-02"),
    (
        "It would be paid on an unspecified date in February.",
        "February",
        "2023-02",
    ),  # un- adjective, not a past verb
]


@pytest.mark.parametrize(("sentence", "span", "value"), TENSE)
def test_tense_and_signal_words_choose_the_side(sentence, span, value):
    timex = next(t for t in find_timexes(sentence, DCT) if t.text == span)
    assert timex.value == value


@pytest.mark.parametrize(("sentence", "span", "value"), TENSE[:4] + TENSE[7:13])
def test_tense_without_a_document_date_leaves_placeholders(sentence, span, value):
    timex = next(t for t in find_timexes(sentence, None) if t.text == span)
    assert "X" in timex.value and not timex.resolved


# Anaphoric dates point back to the last date mentioned, not to the document date.
ANAPHORA = [
    ("He fled in June 1998 and returned later that year.", "later that year", "1998"),
    ("On May 22, 1995, he was promoted, and the following year he retired.", "the following year", "1996"),
    ("The plant closed on Dec. 31, 1999. The next day, workers protested.", "The next day", "2000-01-01"),
    ("Prices fell in March 2001. The following month, they rose.", "The following month", "2001-04"),
    ("He was shot in October 1998. His name was crossed out that same day.", "that same day", "1998-10-XX"),
    (
        "They met on Friday. The previous day, talks had stalled.",
        "The previous day",
        "2022-09-15",
    ),  # chained on a relative date
]


@pytest.mark.parametrize(("text", "span", "value"), ANAPHORA)
def test_anaphoric_dates_anchor_on_the_last_mentioned_date(text, span, value):
    timex = next(t for t in find_timexes(text, DCT) if t.text == span)
    assert (timex.type, timex.value) == ("DATE", value)


@pytest.mark.parametrize(("text", "span", "value"), ANAPHORA[:4])
def test_anaphoric_dates_need_no_document_date_when_the_text_gives_one(text, span, value):
    timex = next(t for t in find_timexes(text, None) if t.text == span)
    assert (timex.value, timex.resolved) == (value, True)


@pytest.mark.parametrize(
    ("dct", "value", "resolved"),
    [(DCT, "2022-09-20", True), (None, "XXXX-XX-XX", False)],
)
def test_an_anaphoric_date_without_an_earlier_date_falls_back_on_the_document_date(dct, value, resolved):
    timex = only("The next day, workers protested.", dct)
    assert (timex.value, timex.resolved) == (value, resolved)


# Two days of one month written once ("April 24 and 25") are two dates, as TimeML tags them;
# a number after the "and" that counts something is not a day.
@pytest.mark.parametrize(
    ("sentence", "dct", "expected"),
    [
        (
            "The summit will be held on April 24 and 25.",
            DCT,
            [("April 24", "2023-04-24"), ("25", "2023-04-25")],
        ),
        ("Votes fell on May 3 or 4, 1999.", DCT, [("May 3", "1999-05-03"), ("4, 1999", "1999-05-04")]),
        ("Votes fell on May 3 or 4, 1999.", None, [("May 3", "1999-05-03"), ("4, 1999", "1999-05-04")]),
        ("The summit is on April 24 and 25.", None, [("April 24", "XXXX-04-24"), ("25", "XXXX-04-25")]),
        ("Talks run from Sept. 20 to 22.", None, [("Sept. 20", "XXXX-09-20"), ("22", "XXXX-09-22")]),
        ("It fell on June 3 and 4 people died.", DCT, [("June 3", "2022-06-03")]),
        ("It is due Feb. 30 and 31.", DCT, []),
    ],
)
def test_a_second_day_of_the_same_month_is_its_own_date(sentence, dct, expected):
    assert [(t.text, t.value) for t in find_timexes(sentence, dct)] == expected


# "day-long", "yearlong": one unit (TIMEX3 DURATION), like "decades-long" is many.
@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("They left their third day-long meeting.", "day-long", "P1D"),
        ("A yearlong inquiry ended.", "yearlong", "P1Y"),
        ("He gave an hour-long speech.", "hour-long", "PT1H"),
        ("The weeklong strike ended.", "weeklong", "P1W"),
    ],
)
@pytest.mark.parametrize("dct", [DCT, None])
def test_a_unit_long_adjective_is_one_unit(sentence, span, value, dct):
    timex = only(sentence, dct)
    assert (timex.text, timex.type, timex.value) == (span, "DURATION", value)


# "today's" before a noun of the present in general is not the document's day.
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Fathers matter in today's world.", []),
        ("The chips run many of today's personal computers.", []),
        ("It costs $5 in today's dollars.", []),
        ("The offer ran in today's editions.", [("today", "DATE", "2022-09-19")]),
        ("Today's meeting was short.", [("Today", "DATE", "2022-09-19")]),
        ("He spoke today.", [("today", "DATE", "2022-09-19")]),
    ],
)
@pytest.mark.parametrize("dct", [DCT, None])
def test_generic_today_is_not_the_document_date(sentence, expected, dct):
    found = [(t.text, t.type, t.value) for t in find_timexes(sentence, dct)]
    assert found == [(text, kind, value if dct else "XXXX-XX-XX") for text, kind, value in expected]


# A capitalised "Today" after an acronym is a name ("USA Today"), not the document's day.
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("He told USA Today about the plan.", []),
        ("This is VOA Today.", []),
        ("The UN today approved the plan.", [("today", "DATE", "2022-09-19")]),
        ("Today, the UN approved the plan.", [("Today", "DATE", "2022-09-19")]),
    ],
)
@pytest.mark.parametrize("dct", [DCT, None])
def test_today_in_a_name_is_not_the_document_date(sentence, expected, dct):
    found = [(t.text, t.type, t.value) for t in find_timexes(sentence, dct)]
    assert found == [(text, kind, value if dct else "XXXX-XX-XX") for text, kind, value in expected]


# "Now," opening a sentence is a discourse marker; "now" in the clause is the present.
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Now, he says, the plan looks weak.", []),
        ("Now the plan looks weak.", [("Now", "PRESENT_REF")]),
        ("For now, the plan stands.", [("now", "PRESENT_REF")]),
        ("He is now in charge, aides said.", [("now", "PRESENT_REF")]),
    ],
)
@pytest.mark.parametrize("dct", [DCT, None])
def test_now_opening_a_sentence_with_a_comma_is_a_discourse_marker(sentence, expected, dct):
    assert [(t.text, t.value) for t in find_timexes(sentence, dct)] == expected


# A half written before the unit ("two and a half years", "half an hour") is part of the
# number; "fiscal" makes a year of a number even before a plural noun.
@pytest.mark.parametrize(
    ("sentence", "span", "kind", "value"),
    [
        ("He spent two and a half years in jail.", "two and a half years", "DURATION", "P2Y6M"),
        ("It took one and a half days.", "one and a half days", "DURATION", "P1DT12H"),
        ("Half an hour later he left.", "Half an hour", "DURATION", "PT30M"),
        ("It took half a day.", "half a day", "DURATION", "PT12H"),
        ("Sales topped fiscal 1989 sales of $155 million.", "fiscal 1989", "DATE", "1989"),
    ],
)
@pytest.mark.parametrize("dct", [DCT, None])
def test_halves_before_the_unit_and_fiscal_years(sentence, span, kind, value, dct):
    timex = only(sentence, dct)
    assert (timex.text, timex.type, timex.value) == (span, kind, value)


@pytest.mark.parametrize("sentence", ["He scored 2000 points.", "Shares fell to sixty-one and a half."])
def test_counts_and_prices_stay_numbers(sentence):
    assert find_timexes(sentence, DCT) == []


# Clock units before "ago" give the day they reach; "an hour earlier" measures from an event.
@pytest.mark.parametrize(
    ("sentence", "dct", "span", "kind", "value"),
    [
        ("It happened 10 minutes ago.", DCT, "10 minutes ago", "DATE", "2022-09-19"),
        ("He left 48 hours ago.", DCT, "48 hours ago", "DATE", "2022-09-17"),
        ("It happened 10 minutes ago.", None, "10 minutes ago", "DATE", "XXXX-XX-XX"),
        ("An hour earlier, police had come.", DCT, "An hour earlier", "DURATION", "PT1H"),
        ("An hour earlier, police had come.", None, "An hour earlier", "DURATION", "PT1H"),
        (
            "He was seen around 9 p.m. local time Saturday.",
            DCT,
            "around 9 p.m. local time Saturday",
            "TIME",
            "2022-09-17T21:00",
        ),
        ("The blast came at 10 a.m. local time.", None, "10 a.m. local time", "TIME", "XXXX-XX-XXT10:00"),
    ],
)
def test_clock_units_before_ago_and_local_times(sentence, dct, span, kind, value):
    timex = only(sentence, dct)
    assert (timex.text, timex.type, timex.value) == (span, kind, value)


# An adjective between a number and its unit keeps the length; "the year 2012" is one date.
@pytest.mark.parametrize(
    ("sentence", "span", "kind", "value"),
    [
        ("It has risen for 12 consecutive months.", "12 consecutive months", "DURATION", "P12M"),
        ("The loan may be extended for an additional year.", "an additional year", "DURATION", "P1Y"),
        ("It lasted three full days.", "three full days", "DURATION", "P3D"),
        ("He stayed for several more weeks.", "several more weeks", "DURATION", "PXW"),
        ("The year 2012 was hot.", "The year 2012", "DATE", "2012"),
    ],
)
@pytest.mark.parametrize("dct", [DCT, None])
def test_unit_adjectives_and_the_year_before_a_year(sentence, span, kind, value, dct):
    timex = only(sentence, dct)
    assert (timex.text, timex.type, timex.value) == (span, kind, value)


# "the week of March 6" is the ISO week of that day; "1930 GMT" is a clock time, not a year.
@pytest.mark.parametrize(
    ("sentence", "dct", "expected"),
    [
        (
            "A hearing is set for the week of March 6.",
            date(2000, 2, 1),
            [("the week of March 6", "DATE", "2000-W10")],
        ),
        (
            "It slipped to the week of Feb. 18, 2013.",
            None,
            [("the week of Feb. 18, 2013", "DATE", "2013-W08")],
        ),
        ("A hearing is set for the week of March 6.", None, [("the week of March 6", "DATE", "XXXX-WXX")]),
        ("He died within a week of his capture.", DCT, [("a week", "DURATION", "P1W")]),
        ("It hit at 2:30 p.m. Tuesday (1930 GMT).", DCT, [("2:30 p.m. Tuesday", "TIME", "2022-09-13T14:30")]),
    ],
)
def test_the_week_of_a_day_and_zoned_clock_numbers(sentence, dct, expected):
    assert [(t.text, t.type, t.value) for t in find_timexes(sentence, dct)] == expected


# A weekday in the plural repeats: TIMEX3 SET, with the part of the day when it has one.
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The shop closes on Sundays.", [("Sundays", "SET", "XXXX-WXX-7")]),
        ("Flights leave on Tuesday nights.", [("Tuesday nights", "SET", "XXXX-WXX-2TNI")]),
        ("He met them Tuesday night.", [("Tuesday night", "TIME", "2022-09-13TNI")]),
    ],
)
def test_plural_weekdays_are_sets(sentence, expected):
    assert [(t.text, t.type, t.value) for t in find_timexes(sentence, DCT)] == expected
    assert [t.value for t in find_timexes(sentence, None) if t.type == "SET"] == [
        v for _, k, v in expected if k == "SET"
    ]


# A clock time without its day ("at 10 p.m.") happened on the day the text last named,
# as TimeML news annotation reads it; with no day named it falls back on the document date.
CLOCK_TIMES = [
    ("He was shot on Oct. 23, 1998, at 10 p.m. in his kitchen.", "10 p.m.", "1998-10-23T22:00"),
    (
        "The blast came on Aug. 7, 1998. At about 10:35 a.m., the embassy fell.",
        "about 10:35 a.m.",
        "1998-08-07T10:35",
    ),
    ("Talks stalled on Friday. They resumed at noon.", "noon", "2022-09-16T12:00"),  # on a relative day
    (
        "The talks resumed at noon. Officials met in 1998.",
        "noon",
        "2022-09-19T12:00",
    ),  # a later date does not count
    ("It was cold in 1998. The polls closed at 8 p.m.", "8 p.m.", "2022-09-19T20:00"),  # a year names no day
]


@pytest.mark.parametrize(("text", "span", "value"), CLOCK_TIMES)
def test_a_clock_time_without_its_day_is_on_the_last_day_named(text, span, value):
    timex = next(t for t in find_timexes(text, DCT) if t.text == span)
    assert (timex.type, timex.value) == ("TIME", value)


@pytest.mark.parametrize(
    ("text", "value", "resolved"),
    [
        (CLOCK_TIMES[0][0], "1998-10-23T22:00", True),
        ("The polls closed at 8 p.m.", "XXXX-XX-XXT20:00", False),
    ],
)
def test_a_clock_time_without_a_document_date_needs_a_named_day(text, value, resolved):
    timex = next(t for t in find_timexes(text, None) if t.type == "TIME")
    assert (timex.value, timex.resolved) == (value, resolved)


# "<duration> later" measures from an event the text told, so TimeML tags the duration
# and leaves "later" as a signal; "ago" and (in reports) "earlier" stay dates.
@pytest.mark.parametrize(
    ("sentence", "span", "kind", "value"),
    [
        ("Three days later, he resigned.", "Three days", "DURATION", "P3D"),
        ("A few days later, he resigned.", "A few days", "DURATION", "PXD"),
        ("An hour later, he died.", "An hour", "DURATION", "PT1H"),
        ("He resigned two days ago.", "two days ago", "DATE", "2022-09-17"),
        ("Sales rose from a year earlier.", "a year earlier", "DATE", "2021"),
    ],
)
def test_later_is_a_signal_after_a_duration(sentence, span, kind, value):
    timex = only(sentence)
    assert (timex.text, timex.type, timex.value) == (span, kind, value)


# A month with a year phrase, and a clock time with its calendar day, are one TIMEX3 each.
@pytest.mark.parametrize(
    ("sentence", "dct", "span", "kind", "value"),
    [
        ("But in June last year, the leaders split.", DCT, "June last year", "DATE", "2021-06"),
        ("They join in April next year.", DCT, "April next year", "DATE", "2023-04"),
        ("It began in February this year.", DCT, "February this year", "DATE", "2022-02"),
        ("It began on Feb. 3 this year.", DCT, "Feb. 3 this year", "DATE", "2022-02-03"),
        ("It began in March last year.", None, "March last year", "DATE", "XXXX-03"),
        ("He was shot to death last Oct. 23 at home.", DCT, "last Oct. 23", "DATE", "2021-10-23"),
        ("He was shot to death last Oct. 23 at home.", None, "last Oct. 23", "DATE", "XXXX-10-23"),
        ("The offer runs until 5 p.m. EST Nov. 9.", DCT, "5 p.m. EST Nov. 9", "TIME", "2022-11-09T17:00"),
        (
            "The offer runs until 5 p.m. EST, Nov. 6, 1989.",
            DCT,
            "5 p.m. EST, Nov. 6, 1989",
            "TIME",
            "1989-11-06T17:00",
        ),
        ("The offer runs until 5 p.m. Nov. 9.", None, "5 p.m. Nov. 9", "TIME", "XXXX-11-09T17:00"),
    ],
)
def test_composite_dates_are_one_expression(sentence, dct, span, kind, value):
    timex = only(sentence, dct)
    assert (timex.text, timex.type, timex.value) == (span, kind, value)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("They will leave as soon as the threats end.", []),
        ("He was killed soon after being captured.", []),
        ("He will be released soon.", [("soon", "FUTURE_REF")]),
        ("Return him as soon as possible.", [("as soon as possible", "FUTURE_REF")]),
    ],
)
def test_soon_as_a_connective_is_not_a_timex(sentence, expected):
    assert [(t.text, t.value) for t in find_timexes(sentence, DCT)] == expected


@pytest.mark.parametrize(
    ("sentence", "span", "value", "mod"),
    [
        ("It was the worst crisis of the 20th century.", "the 20th century", "19", None),
        ("A fabled 11th century temple.", "11th century", "10", None),
        ("In the late nineteenth century, he came.", "the late nineteenth century", "18", "END"),
        ("They teach 21st-century skills.", "21st-century", "20", None),
    ],
)
def test_ordinal_centuries(sentence, span, value, mod):
    timex = only(sentence)
    assert (timex.text, timex.type, timex.value, timex.mod) == (span, "DATE", value, mod)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("It will save $500 million a year in costs.", []),
        ("This will add 700 seats a week on the route.", []),
        ("Rooms cost between $35 and $55 a night.", []),
        ("The chip runs 15 million instructions per second.", []),
        ("A second group of directors resigned.", []),
        ("He waited a year for the verdict.", [("a year", "DURATION", "P1Y")]),
        ("They meet twice a year.", [("a year", "SET", "P1Y")]),
        ("Sales rose 5% from a year ago.", [("a year ago", "DATE", "2021")]),
    ],
)
def test_rates_are_not_durations(sentence, expected):
    assert [(t.text, t.type, t.value) for t in find_timexes(sentence, DCT)] == expected


# "daily", "annually" after a quantity are a rate's denominator too; after a verb they repeat
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Sales will rise 8.5% annually.", []),
        ("The plant would produce about 10,000 units annually.", []),
        ("It pumps 2 million barrels daily.", []),
        ("Profits doubled annually since 1980.", [("annually", "SET", "P1Y"), ("1980", "DATE", "1980")]),
    ],
)
@pytest.mark.parametrize("dct", [DCT, None])
def test_frequency_words_after_a_quantity_are_rates(sentence, expected, dct):
    assert [(t.text, t.type, t.value) for t in find_timexes(sentence, dct)] == expected


@pytest.mark.parametrize(
    ("sentence", "dct", "span", "value"),
    [
        ("They will complete the deal by year-end.", date(1989, 11, 2), "year-end", "1989"),
        ("The index has risen 12% since year-end.", date(1989, 11, 2), "year-end", "1988"),
        ("It should be in place by year's end.", date(1989, 11, 2), "year's end", "1989"),
        ("The deal closes at next year-end.", date(1989, 11, 2), "next year-end", "1990"),
        ("The deal closes by year-end.", None, "year-end", "XXXX"),
    ],
)
def test_year_end_is_the_end_of_a_year(sentence, dct, span, value):
    timex = only(sentence, dct)
    assert (timex.text, timex.type, timex.value, timex.mod) == (span, "DATE", value, "END")


def test_a_year_ended_is_not_a_year_end():
    assert all("end" not in t.text for t in find_timexes("Profit for the year ended June 30 rose.", DCT))


@pytest.mark.parametrize(
    "sentence", ["On Monday, two weekſ ago.", "two dayſ later", "the 1990ſ", "İn 1990 it ended."]
)
def test_letters_that_match_ascii_case_insensitively_are_read(sentence):
    found = find_timexes(sentence, DCT)
    assert found and all(sentence[t.start : t.end] == t.text for t in found)
