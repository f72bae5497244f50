"""Tests for helpers.timex.calendar: shifting, formatting and bounding calendar values."""

from datetime import date

import pytest

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
