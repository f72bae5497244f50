"""Tests for the tagger's building blocks.

Rules and their examples, word tables, numbers, durations, calendar arithmetic.
"""

import re
from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from helpers.timex import find_timexes
from helpers.timex.calendar import (
    add_months,
    format_date,
    month_year,
    nth_weekday,
    shift,
    shift_value,
    valid_day,
    value_bounds,
    weekday_date,
)
from helpers.timex.context import tense_cues
from helpers.timex.durations import duration_value
from helpers.timex.grammar import (
    EXAMPLE_DCT,
    NUMBER,
    compile_rule,
    rules,
    signature_words,
    trigger_words,
    triggers,
)
from helpers.timex.lexicon import load_tables, parse_number


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


def test_every_table_section_is_read_by_the_package():
    sources = "\n".join(p.read_text("utf-8") for p in Path(resources.files("helpers") / "timex").glob("*.py"))
    unread = [name for name in load_tables() if not re.search(rf"<{name}>|[\"']{name}[\"']", sources)]
    assert not unread


def test_a_pattern_naming_an_unknown_table_fails_to_compile():
    with pytest.raises(KeyError):
        compile_rule(r"\b<no_such_table>\b")


def test_every_table_the_grammar_names_is_in_the_data_file():
    tables = load_tables()
    for name in (
        "numbers",
        "ordinals",
        "months",
        "weekdays",
        "units",
        "seasons",
        "day_parts",
        "modifiers",
        "relative_days",
        "shifters",
        "references",
        "frequencies",
        "decade_words",
        "holidays",
        "tense_cues",
        "date_signals",
        "generic_today",
        "unit_adjectives",
    ):
        assert tables[name], name


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("two", 2),
        ("twenty-five", 25),
        ("twenty five", 25),
        ("one hundred", 100),
        ("two thousand", 2000),
        ("6,700", 6700),
        ("1.5", 1.5),
        ("a", 1),
        ("an", 1),
        ("a couple of", 2),
        ("several", None),
        ("blue", None),
    ],
)
def test_parse_number(words, value):
    assert parse_number(words) == value


@pytest.mark.parametrize(
    ("amount", "unit", "value"),
    [
        (6, "week", "P6W"),
        (2, "year", "P2Y"),
        (None, "year", "PXY"),
        (None, "decade", "PXDE"),
        (3, "decade", "P30Y"),
        (1, "century", "P100Y"),
        (72, "hour", "PT72H"),
        (30, "minute", "PT30M"),
        (1.5, "year", "P1Y6M"),
        (2.5, "year", "P2Y6M"),
        (5.5, "hour", "PT5H30M"),
        (1.5, "minute", "PT1M30S"),
        (1.5, "day", "P1DT12H"),
        (0.5, "hour", "PT30M"),
        (1, "fortnight", "P2W"),
        (1, "quarter", "P1Q"),
    ],
)
def test_duration_value(amount, unit, value):
    assert duration_value(amount, unit) == value


@pytest.mark.parametrize(
    ("anchor", "granularity", "amount", "value"),
    [
        (date(2022, 9, 19), "week", -1, "2022-W37"),
        (date(2021, 1, 4), "week", -1, "2020-W53"),
        (date(2022, 1, 1), "day", -1, "2021-12-31"),
        (date(2024, 3, 1), "day", -1, "2024-02-29"),
        (date(2023, 3, 1), "day", -1, "2023-02-28"),
        (date(2022, 1, 15), "month", -1, "2021-12"),
        (date(2022, 2, 15), "quarter", -1, "2021-Q4"),
        (date(2022, 9, 19), "decade", 0, "202"),
        (date(2022, 9, 19), "year", 1, "2023"),
        (None, "month", -1, "XXXX-XX"),
        (None, "quarter", 0, "XXXX-QX"),
    ],
)
def test_shift(anchor, granularity, amount, value):
    assert shift(anchor, granularity, amount) == value


def test_add_months_clamps_to_the_month_end():
    assert add_months(date(2023, 1, 31), 1) == date(2023, 2, 28)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2022, 12, 15), 1) == date(2023, 1, 15)


def test_format_date_uses_iso_weeks():
    assert format_date(date(2021, 1, 1), "week") == "2020-W53"
    assert format_date(date(2019, 12, 30), "week") == "2020-W01"


@pytest.mark.parametrize(
    ("anchor", "weekday", "direction", "expected"),
    [
        (date(2022, 9, 19), 1, -1, date(2022, 9, 19)),
        (date(2022, 9, 19), 7, -1, date(2022, 9, 18)),
        (date(2022, 9, 19), 7, 1, date(2022, 9, 25)),
        (date(2022, 1, 3), 5, -1, date(2021, 12, 31)),
        (date(2024, 3, 1), 4, -1, date(2024, 2, 29)),
        (date(2022, 9, 21), 1, 0, date(2022, 9, 19)),
        (date(2022, 9, 21), 5, 0, date(2022, 9, 23)),
    ],
)
def test_weekday_date(anchor, weekday, direction, expected):
    assert weekday_date(anchor, weekday, direction) == expected


def test_nth_weekday():
    assert nth_weekday(2022, 11, 4, 4) == date(2022, 11, 24)  # Thanksgiving
    assert nth_weekday(2022, 9, 1, 1) == date(2022, 9, 5)  # Labor Day
    assert nth_weekday(2021, 5, 1, -1) == date(2021, 5, 31)  # Memorial Day


def test_valid_day_knows_leap_years():
    assert valid_day(2000, 2, 29) and not valid_day(1900, 2, 29) and not valid_day(2022, 2, 30)
    assert not valid_day(2022, 13, 1) and not valid_day(2022, 4, 31)


def test_month_year_takes_the_nearest_year():
    assert month_year(date(2022, 1, 10), 12) == "2021"
    assert month_year(date(2022, 12, 10), 1) == "2023"
    assert month_year(date(2022, 6, 10), 12) == "2022"


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


@pytest.mark.parametrize(
    ("anchor", "month", "direction", "day", "year"),
    [
        (date(1999, 5, 6), 11, -1, 0, "1998"),  # past tense, far: last November
        (date(1999, 5, 6), 11, 0, 0, "1999"),  # no cue: the nearest (six months ahead)
        (date(1998, 3, 4), 12, 1, 0, "1998"),
        (date(1998, 3, 4), 12, -1, 0, "1997"),
        (date(1989, 11, 2), 3, -1, 0, "1989"),
        (date(1989, 11, 2), 3, 1, 31, "1990"),
        (date(2000, 1, 15), 1, 1, 14, "2000"),  # within two months: the nearest stands whatever the tense
        (date(2000, 1, 15), 3, -1, 6, "2000"),
        (date(2022, 12, 20), 3, -1, 0, "2022"),  # across the year end
        (None, 11, -1, 0, "XXXX"),
    ],
)
def test_month_year_follows_the_tense_only_when_far(anchor, month, direction, day, year):
    assert month_year(anchor, month, direction, day) == year


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said it will be completed.", [-1, 1]),
        ("It was delayed.", [-1]),
        ("The planned merger failed.", [-1]),
        ("An unspecified date was set.", [-1]),
        ("They met and then left.", [-1, -1]),
        ("Talks are expected to resume.", [1]),
        ("The United States.", []),
    ],
)
def test_tense_cues_skip_passives_adjectives_and_names(text, expected):
    assert [way for _, _, way in tense_cues(text, 0, len(text))] == expected


# --- calendar bounds of every granularity -------------------------------------------


@pytest.mark.parametrize(
    ("value", "start", "end", "granularity"),
    [
        ("2022-09-19", date(2022, 9, 19), date(2022, 9, 19), "day"),
        ("2024-02-29", date(2024, 2, 29), date(2024, 2, 29), "day"),
        ("2022-09-19T14:00", date(2022, 9, 19), date(2022, 9, 19), "time"),
        ("2022-09-19TMO", date(2022, 9, 19), date(2022, 9, 19), "time"),
        ("2022-W37", date(2022, 9, 12), date(2022, 9, 18), "week"),
        ("2020-W53", date(2020, 12, 28), date(2021, 1, 3), "week"),
        ("2021-W01", date(2021, 1, 4), date(2021, 1, 10), "week"),
        ("2026-W01", date(2025, 12, 29), date(2026, 1, 4), "week"),
        ("2022-W37-WE", date(2022, 9, 17), date(2022, 9, 18), "weekend"),
        ("2022-09", date(2022, 9, 1), date(2022, 9, 30), "month"),
        ("2022-12", date(2022, 12, 1), date(2022, 12, 31), "month"),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "month"),
        ("2023-02", date(2023, 2, 1), date(2023, 2, 28), "month"),
        ("1900-02", date(1900, 2, 1), date(1900, 2, 28), "month"),
        ("2000-02", date(2000, 2, 1), date(2000, 2, 29), "month"),
        ("2022-Q1", date(2022, 1, 1), date(2022, 3, 31), "quarter"),
        ("2022-Q4", date(2022, 10, 1), date(2022, 12, 31), "quarter"),
        ("2022-H2", date(2022, 7, 1), date(2022, 12, 31), "half-year"),
        ("2022-SU", date(2022, 6, 1), date(2022, 8, 31), "season"),
        ("2023-WI", date(2023, 12, 1), date(2024, 2, 29), "season"),
        ("1994", date(1994, 1, 1), date(1994, 12, 31), "year"),
        ("199", date(1990, 1, 1), date(1999, 12, 31), "decade"),
        ("19", date(1900, 1, 1), date(1999, 12, 31), "century"),
    ],
)
def test_value_bounds(value: str, start: date, end: date, granularity: str) -> None:
    assert value_bounds(value) == (start, end, granularity)


@pytest.mark.parametrize(
    "value",
    [
        "",
        "2022-02-30",
        "2023-02-29",
        "2022-13",
        "2022-W54",
        "2021-W53",
        "0000",
        "XXXX-09-19",
        "XXXX-WXX-1",
        "PAST_REF",
        "PRESENT_REF",
        "P6W",
        "PXDE",
        "2022-Q5",
        "September",
    ],
)
def test_value_bounds_refuses_what_is_not_a_calendar_date(value: str) -> None:
    assert value_bounds(value) is None


@pytest.mark.parametrize(
    ("value", "distance", "sign", "expected"),
    [
        ("2022-09-19", "P1D", -1, (date(2022, 9, 18), date(2022, 9, 18), "2022-09-18")),
        ("2024-03-01", "P1D", -1, (date(2024, 2, 29), date(2024, 2, 29), "2024-02-29")),
        ("2023-03-01", "P1D", -1, (date(2023, 2, 28), date(2023, 2, 28), "2023-02-28")),
        ("2021-12-31", "P1D", 1, (date(2022, 1, 1), date(2022, 1, 1), "2022-01-01")),
        ("2022-01-03", "P1W", -1, (date(2021, 12, 27), date(2021, 12, 27), "2021-12-27")),
        ("2022-W01", "P1W", -1, (date(2021, 12, 27), date(2022, 1, 2), "2021-W52")),
        ("2022-01", "P1M", -1, (date(2021, 12, 1), date(2021, 12, 31), "2021-12")),
        ("2022-03", "P1M", -1, (date(2022, 2, 1), date(2022, 2, 28), "2022-02")),
        ("2024-01-31", "P1M", 1, (date(2024, 2, 29), date(2024, 2, 29), "2024-02-29")),
        ("2020", "P2Y", 1, (date(2022, 1, 1), date(2022, 12, 31), "2022")),
        ("2022-09-19", "PT36H", 1, (date(2022, 9, 20), date(2022, 9, 20), "2022-09-20")),
        ("2022-W37", "P1D", 1, (date(2022, 9, 13), date(2022, 9, 19), "2022-09-13/2022-09-19")),
    ],
)
def test_shift_value(value: str, distance: str, sign: int, expected: tuple) -> None:
    assert shift_value(value, distance, sign) == expected


@pytest.mark.parametrize(("value", "distance"), [("2022-09-19", "PXD"), ("PAST_REF", "P1D"), ("2022", "P6")])
def test_shift_value_refuses_vague_distances_and_values(value: str, distance: str) -> None:
    assert shift_value(value, distance, 1) is None
