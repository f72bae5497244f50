"""Tests for helpers.timex.

Narrative anchoring (``mode``), ranges, named days, non-years, document dates, bounded time.
"""

import re
import time
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.timex import find_timexes

DCT = date(2023, 3, 13)  # a Monday

HISTORY = (
    "Italy declared war in June 1940. On June 10 its troops crossed the Alps, "
    "and twelve days later France signed an armistice. In August the air war began."
)


def values(text: str, dct=DCT, **options) -> list[tuple[str, str]]:
    """Return (text, value) of every expression found."""
    return [(t.text, t.value) for t in find_timexes(text, dct, **options)]


def test_a_narrative_anchors_month_names_on_the_last_date_it_told():
    assert values(HISTORY, date(2009, 12, 19)) == [
        ("June 1940", "1940-06"),
        ("June 10", "1940-06-10"),
        ("twelve days later", "1940-06-22"),
        ("August", "1940-08"),
    ]


def test_news_mode_anchors_on_the_document_date_and_narrative_mode_on_the_text():
    news = dict(values(HISTORY, date(2009, 12, 19), mode="news"))
    assert news["June 10"] == "2009-06-10" and news["August"] == "2009-08"
    text = "The plant opened in 2021. On March 2 it closed."
    assert dict(values(text, mode="narrative"))["March 2"] == "2021-03-02"
    assert dict(values(text, mode="news"))["March 2"] == "2023-03-02"


def test_news_that_mentions_the_past_keeps_the_document_date():
    text = "The company, founded in 1987, said on Friday it will cut jobs. Talks resume on March 20."
    found = dict(values(text))
    assert found["Friday"] == "2023-03-10" and found["March 20"] == "2023-03-20"


def test_deictic_expressions_anchor_on_the_document_date_even_in_a_narrative():
    text = "In June 1940 the war spread. Historians say that last year the archive opened."
    assert dict(values(text, date(2009, 12, 19)))["last year"] == "2008"


def test_a_future_seen_from_the_past_follows_the_narrative():
    text = "On February 4, 2005, he said the troops would leave by the next month."
    assert dict(values(text, date(2009, 12, 19)))["the next month"] == "2005-03"


def test_an_unknown_mode_is_a_clear_error():
    with pytest.raises(ValueError, match="mode must be one of"):
        find_timexes("in June", DCT, mode="history")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The fair runs March 5-7.", [("March 5", "2023-03-05"), ("7", "2023-03-07")]),
        ("The fair ran 5-7 March 2021.", [("5", "2021-03-05"), ("7 March 2021", "2021-03-07")]),
        ("The 2012-13 season ended.", [("2012", "2012"), ("13", "2013")]),
        ("He served from 1992 to 1994.", [("1992", "1992"), ("1994", "1994")]),
        ("The war lasted 1861-1865.", [("1861", "1861"), ("1865", "1865")]),
        ("Rain will fall between May and July.", [("May", "2023-05"), ("July", "2023-07")]),
    ],
)
def test_ranges_are_a_start_and_an_end(sentence, expected):
    assert values(sentence) == expected


def test_a_range_end_before_its_start_is_no_range():
    assert values("Call 1999-45.") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Shops opened early on Black Friday.", [("Black Friday", "2022-11-25")]),
        ("Deals ran through Cyber Monday 2021.", [("Cyber Monday 2021", "2021-11-29")]),
        ("Churches filled on Good Friday 2024.", [("Good Friday 2024", "2024-03-29")]),
        ("Voters went to the polls on Super Tuesday.", [("Super Tuesday", "XXXX-XX-XX")]),
        ("Voters went to the polls on Super Tuesday 2008.", [("Super Tuesday 2008", "2008-XX-XX")]),
    ],
)
def test_named_days_are_not_weekdays(sentence, expected):
    assert values(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "More than 1100 people were evacuated.",
        "The blast came at 1242 GMT (1812 IST).",
        "He earned Taka 8,500 selling papaya.",
        "It runs on a GTX 1660 card.",
        "No. 2020 was sold at auction.",
        "Nearly 1500 soldiers marched.",
    ],
)
def test_numbers_that_are_not_years(sentence):
    assert [t for t in find_timexes(sentence, DCT) if t.type == "DATE"] == []


def test_a_year_after_an_era_or_a_capitalised_preposition_is_a_year():
    assert values("It was built in AD 1066.") == [("1066", "1066")]
    assert values("BORN IN 1994") == [("1994", "1994")]


def test_over_the_past_year_is_a_year_long_duration():
    (timex,) = find_timexes("He earned Taka 8,500 over the past year.", DCT)
    assert (timex.text, timex.type, timex.value) == ("the past year", "DURATION", "P1Y")


@pytest.mark.parametrize(
    ("sentence", "value", "mod"),
    [
        ("He left almost a year ago.", "2022", "APPROX"),
        ("He left nearly two weeks ago.", "2023-W09", "APPROX"),
        ("He left more than a year ago.", "2022", "BEFORE"),
        ("He left about three days ago.", "2023-03-10", "APPROX"),
    ],
)
def test_a_modifier_before_ago_is_the_point_mod(sentence, value, mod):
    (timex,) = find_timexes(sentence, DCT)
    assert (timex.type, timex.value, timex.mod) == ("DATE", value, mod)


def test_a_document_date_may_be_an_iso_string_or_a_datetime():
    assert values("He left on Friday.", "2023-03-13") == [("Friday", "2023-03-10")]
    assert values("He left on Friday.", datetime(2023, 3, 13, 18, 30)) == [("Friday", "2023-03-10")]
    assert values("They met yesterday.", datetime(2023, 3, 13, 18, 30)) == [("yesterday", "2023-03-12")]


@pytest.mark.parametrize(
    ("dct", "error"), [("13/03/2023", ValueError), ("", ValueError), (20230313, TypeError)]
)
def test_a_document_date_that_is_no_date_is_a_clear_error(dct, error):
    with pytest.raises(error, match="document date"):
        find_timexes("He left on Friday.", dct)


_TIMEX3_VALUE = re.compile(
    r"(?:\d{4}|X{4}|\d{3}|X{3}|\d{2}|X{2}|\d|X)"
    r"(?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?|-W(?:\d{2}|XX)(?:-(?:\d|WE))?|-Q[1-4X]|-H[12X]|-(?:SP|SU|FA|WI))?"
    r"(?:T(?:\d{2}:\d{2}|MO|AF|EV|NI))?"
    r"|P(?:(?:\d+(?:\.\d+)?|X)(?:Y|M|W|D|Q|DE|CE|L))*(?:T(?:(?:\d+(?:\.\d+)?|X)[HMS])+)?"
    r"|(?:PAST|PRESENT|FUTURE)_REF"
)
EDGE_TEXT = (
    "On Monday, last week, next year, the following year, in June, on March 3, two days ago, "
    "the next century, this quarter, in the spring, Christmas, at 10 p.m., the year-ago quarter, "
    "a decade from now, three centuries ago, next Friday, last December 31, tomorrow night. "
    "In 1994 the war ended; on June 10, 1998 it resumed, and two days later, in August, it stopped."
)


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.dates(), st.datetimes()), st.sampled_from(["auto", "news", "narrative"]))
def test_any_document_date_in_years_1_to_9999_gives_valid_timex3_values(dct, mode):
    for timex in find_timexes(EDGE_TEXT, dct, mode=mode):
        assert _TIMEX3_VALUE.fullmatch(timex.value), (timex, dct)
        assert not timex.resolved or "X" not in timex.value[:4] or timex.type != "DATE" or not timex.relative


@pytest.mark.parametrize("dct", [date(1, 1, 1), date(9999, 12, 31), "0001-01-01", "9999-12-31"])
def test_calendar_edges_keep_placeholders_instead_of_impossible_years(dct):
    found = {t.text: t for t in find_timexes(EDGE_TEXT, dct)}
    assert all(_TIMEX3_VALUE.fullmatch(t.value) for t in found.values())
    if str(dct).startswith("9999"):
        assert found["next year"].value == "XXXX" and not found["next year"].resolved


def _seconds(text: str) -> float:
    """Return how long find_timexes takes on ``text``."""
    started = time.perf_counter()
    find_timexes(text, DCT)
    return time.perf_counter() - started


@pytest.mark.parametrize(
    "text", ["1/" * 4000, "12:" * 4000, "Jan2020Monday" * 2000, "Monday " * 10000, "x" * 100_000 + " 1994"]
)
def test_space_less_and_repetitive_text_takes_bounded_time(text):
    assert _seconds(text) < 1.0 + 0.25 * len(text) / 1000  # generous: about 100x the ordinary cost per KB


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["1/", "12:", "Jan", "2020", "Monday", " ", "-", "May", "3", "ago", "years", ".", "\n"]
        ),
        min_size=1,
        max_size=30,
    ),
    st.integers(min_value=50, max_value=600),
)
def test_repeated_fragments_take_time_linear_in_their_length(fragments, repeats):
    text = "".join(fragments) * repeats
    assert _seconds(text) < 1.0 + 0.25 * len(text) / 1000


def test_build_timeline_passes_the_mode_on():
    from helpers.timeline import build_timeline

    text = "Italy entered the war in June 1940. Its army attacked on June 10."
    news = build_timeline(text, date(2009, 12, 19), mode="news")["value"].tolist()
    narrative = build_timeline(text, date(2009, 12, 19), mode="narrative")["value"].tolist()
    assert "2009-06-10" in news and "1940-06-10" in narrative
