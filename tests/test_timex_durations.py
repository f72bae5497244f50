"""Tests for helpers.timex.durations: amounts and units as ISO 8601 durations."""

import pytest

from helpers.timex.durations import duration_value


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


def test_a_mod_word_that_names_no_point_gives_no_mod_and_no_error():
    # "early" is a mod word the ago rule accepts before its length, but no point modifier:
    # reading it once raised KeyError (hypothesis found "early 30 hour ago").
    from datetime import date

    from helpers.timex import find_timexes

    (timex,) = find_timexes("early 30 hour ago", date(2023, 3, 13))
    assert (timex.type, timex.value, timex.mod) == ("DATE", "2023-03-12", None)
    assert find_timexes("early 30 hour ago", None)[0].type == "DATE"
