"""Calendar arithmetic for TIMEX3 values: format a date at a granularity, shift it, find weekdays,
and read a value back into the first and last day it covers.

Functions that resolve a value take the anchor date (the document creation time) or ``None``; without an
anchor it returns the TimeML placeholder with ``X`` digits instead of guessing.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta

# Seasons as meteorological seasons of the northern hemisphere; winter YYYY-WI runs from
# December of YYYY to the end of February of the next year.
_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
_VALUE = re.compile(
    r"^(?P<year>\d{4})(?:-(?:(?P<month>\d{2})(?:-(?P<day>\d{2})(?P<time>T.*)?)?"
    r"|W(?P<week>\d{2})(?P<weekend>-WE)?|Q(?P<quarter>[1-4])|H(?P<half>[12])|(?P<season>SP|SU|FA|WI)))?$"
    r"|^(?P<decade>\d{3})$|^(?P<century>\d{2})$"
)
_DISTANCE = re.compile(r"^P(?:(?P<amount>\d+)(?P<unit>D|W|M|Y|DE|CE)|T(?P<hours>\d+)H)$")
_MONTHS_PER_UNIT = {"M": 1, "Y": 12, "DE": 120, "CE": 1200}

UNRESOLVED = {
    "day": "XXXX-XX-XX",
    "week": "XXXX-WXX",
    "month": "XXXX-XX",
    "quarter": "XXXX-QX",
    "half": "XXXX-HX",
    "year": "XXXX",
    "decade": "XXX",
    "century": "XX",
    "millennium": "X",
}


# The TIMEX3 value of a day at each granularity.
_FORMATS: dict[str, Callable[[date], str]] = {
    "day": date.isoformat,
    "week": lambda day: "{:04d}-W{:02d}".format(*day.isocalendar()[:2]),
    "month": lambda day: f"{day.year:04d}-{day.month:02d}",
    "quarter": lambda day: f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}",
    "half": lambda day: f"{day.year:04d}-H{(day.month - 1) // 6 + 1}",
    "year": lambda day: f"{day.year:04d}",
    "decade": lambda day: f"{day.year // 10:03d}",
    "century": lambda day: f"{day.year // 100:02d}",
    "millennium": lambda day: f"{day.year // 1000}",
}


def format_date(day: date, granularity: str) -> str:
    """Return the TIMEX3 value of ``day`` at ``granularity`` (day, week, month, quarter, year ...).

    >>> format_date(date(2023, 3, 13), "week"), format_date(date(2023, 3, 13), "quarter")
    ('2023-W11', '2023-Q1')
    """
    if granularity not in _FORMATS:
        raise ValueError(f"unknown granularity: {granularity!r}")
    return _FORMATS[granularity](day)


def add_months(day: date, months: int) -> date:
    """Return ``day`` moved by whole months, clamped to the month's last day.

    >>> add_months(date(2024, 3, 31), -1)
    datetime.date(2024, 2, 29)
    """
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def shift(anchor: date | None, granularity: str, amount: int) -> str:
    """Return the value of the unit ``amount`` steps from ``anchor`` ("last week" = week, -1).

    >>> shift(date(2023, 3, 13), "week", -1), shift(None, "week", -1)
    ('2023-W10', 'XXXX-WXX')
    """
    if anchor is None:
        return UNRESOLVED[granularity]
    if granularity == "day":
        moved = anchor + timedelta(days=amount)
    elif granularity == "week":
        moved = anchor + timedelta(weeks=amount)
    elif granularity in ("month", "quarter", "half", "year", "decade", "century", "millennium"):
        months = {
            "month": 1,
            "quarter": 3,
            "half": 6,
            "year": 12,
            "decade": 120,
            "century": 1200,
            "millennium": 12000,
        }
        moved = add_months(anchor, amount * months[granularity])
    else:
        raise ValueError(f"unknown granularity: {granularity!r}")
    return format_date(moved, granularity)


def weekday_date(anchor: date, weekday: int, direction: int) -> date:
    """Return the date of ISO ``weekday`` nearest ``anchor``: -1 looks back, +1 forward, 0 either.

    The anchor's own weekday is the anchor itself.

    >>> weekday_date(date(2023, 3, 13), 5, -1), weekday_date(date(2023, 3, 13), 5, 1)
    (datetime.date(2023, 3, 10), datetime.date(2023, 3, 17))
    """
    ahead = (weekday - anchor.isoweekday()) % 7
    if ahead == 0:
        return anchor
    back = ahead - 7
    if direction > 0:
        return anchor + timedelta(days=ahead)
    if direction < 0:
        return anchor + timedelta(days=back)
    return anchor + timedelta(days=ahead if ahead < -back else back)


def valid_day(year: int, month: int, day: int) -> bool:
    """Tell whether the day exists in the calendar (February 30 does not).

    >>> valid_day(2024, 2, 29), valid_day(2023, 2, 29), valid_day(2022, 2, 30)
    (True, False, False)
    """
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """Return the ``n``-th ISO ``weekday`` of a month (``n`` = -1: the last one).

    >>> nth_weekday(1999, 11, 4, 4), nth_weekday(2022, 5, 1, -1)
    (datetime.date(1999, 11, 25), datetime.date(2022, 5, 30))
    """
    if n < 0:
        last = date(year, month, calendar.monthrange(year, month)[1])
        return last - timedelta(days=(last.isoweekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))


def month_year(anchor: date | None, month: int, direction: int = 0, day: int = 0) -> str:
    """Return the year of a month (and day) named without one, seen from ``anchor``.

    Writers drop the year when the date is close, so the nearest reading (within six
    months) stands when it is within two months of the anchor. Farther away both readings
    are plausible and ``direction`` decides: -1 (past tense) takes the latest such month
    not after the anchor, +1 (future) the first not before it, 0 keeps the nearest.

    >>> month_year(date(2022, 2, 10), 11), month_year(date(2022, 11, 10), 2), month_year(date(2023, 3, 13), 12)
    ('2021', '2023', '2022')
    >>> month_year(None, 2)
    'XXXX'
    >>> month_year(date(1999, 5, 6), 11, -1), month_year(date(1998, 3, 4), 12, 1)
    ('1998', '1998')
    >>> month_year(date(2000, 1, 15), 1, 1, 14)
    '2000'
    """
    if anchor is None:
        return "XXXX"
    gap = month - anchor.month
    nearest = anchor.year - (gap > 6) + (gap < -6)
    if direction == 0 or abs(nearest * 12 + month - anchor.year * 12 - anchor.month) <= 2:
        return f"{nearest:04d}"
    named, now = (month, day), (anchor.month, anchor.day if day else 0)
    if direction < 0:
        return f"{anchor.year - (named > now):04d}"
    return f"{anchor.year + (named < now):04d}"


def _month_end(year: int, month: int) -> date:
    """Return the last day of a month (``month`` may run past 12 into the next year)."""
    return add_months(date(year, 1, 1), month) - timedelta(days=1)


def value_bounds(value: str) -> tuple[date, date, str] | None:
    """Return the first day, last day and granularity of a TIMEX3 date value, or None.

    >>> value_bounds("2023-W11")
    (datetime.date(2023, 3, 13), datetime.date(2023, 3, 19), 'week')
    >>> value_bounds("199")[:2], value_bounds("XXXX-09"), value_bounds("PAST_REF")
    ((datetime.date(1990, 1, 1), datetime.date(1999, 12, 31)), None, None)
    """
    match = _VALUE.match(value)
    if not match:
        return None
    part = match.groupdict()
    try:
        if part["decade"]:
            year = int(part["decade"]) * 10
            return date(year, 1, 1), date(year + 9, 12, 31), "decade"
        if part["century"]:
            year = int(part["century"]) * 100
            return date(max(year, 1), 1, 1), date(year + 99, 12, 31), "century"
        year = int(part["year"])
        if part["day"]:
            day = date(year, int(part["month"]), int(part["day"]))
            return day, day, "time" if part["time"] else "day"
        if part["month"]:
            month = int(part["month"])
            return date(year, month, 1), _month_end(year, month), "month"
        if part["week"]:
            first = date.fromisocalendar(year, int(part["week"]), 1)
            if part["weekend"]:
                return first + timedelta(days=5), first + timedelta(days=6), "weekend"
            return first, first + timedelta(days=6), "week"
        if part["quarter"]:
            month = 3 * int(part["quarter"]) - 2
            return date(year, month, 1), _month_end(year, month + 2), "quarter"
        if part["half"]:
            month = 6 * int(part["half"]) - 5
            return date(year, month, 1), _month_end(year, month + 5), "half-year"
        if part["season"]:
            first, last = _SEASONS[part["season"]]
            return date(year, first, 1), _month_end(year, last), "season"
        return date(year, 1, 1), date(year, 12, 31), "year"
    except ValueError:
        return None


def _value_of(start: date, end: date, granularity: str) -> str:
    """Return the TIMEX3 value whose bounds are ``start``..``end``, or the interval "start/end"."""
    unit = "day" if granularity == "time" else granularity
    value = format_date(start, unit) if unit in ("day", "week", "month", "year", "decade") else ""
    bounds = value_bounds(value) if value else None
    return value if bounds and bounds[:2] == (start, end) else f"{start.isoformat()}/{end.isoformat()}"


def shift_value(value: str, distance: str, sign: int) -> tuple[date, date, str] | None:
    """Return the bounds and value of ``value`` moved by the TIMEX3 duration ``distance`` (sign +1 or -1).

    >>> shift_value("2023-03-13", "P1D", -1)
    (datetime.date(2023, 3, 12), datetime.date(2023, 3, 12), '2023-03-12')
    >>> shift_value("2024-02-29", "P1Y", 1)[2], shift_value("2019", "P2Y", 1)[2], shift_value("2019", "PXY", 1)
    ('2025-02-28', '2021', None)
    """
    bounds = value_bounds(value)
    match = _DISTANCE.match(distance)
    if bounds is None or match is None:
        return None
    start, end, granularity = bounds
    if match["hours"]:
        days, months = sign * (int(match["hours"]) // 24), 0
    elif match["unit"] in ("D", "W"):
        days, months = sign * int(match["amount"]) * (7 if match["unit"] == "W" else 1), 0
    else:
        days, months = 0, sign * int(match["amount"]) * _MONTHS_PER_UNIT[match["unit"]]
    try:
        start = add_months(start, months) + timedelta(days=days)
        end = add_months(end, months) + timedelta(days=days)
    except (ValueError, OverflowError):
        return None
    if months and granularity not in ("day", "time", "week", "weekend"):
        end = _month_end(end.year, end.month)
    return start, end, _value_of(start, end, granularity)


def granularity_of(value: str) -> str:
    """Return the granularity of a date value, or "interval" for a value that has none.

    >>> granularity_of("2023-Q1"), granularity_of("2023-03-01/2023-03-09")
    ('quarter', 'interval')
    """
    bounds = value_bounds(value)
    return bounds[2] if bounds else "interval"


def reporting_quarter(anchor: date, years_back: int = 0) -> str:
    """Return the last quarter completed before ``anchor`` (what business news reports on).

    >>> reporting_quarter(date(1989, 10, 26)), reporting_quarter(date(1990, 1, 15), 1)
    ('1989-Q3', '1988-Q4')
    """
    return format_date(add_months(anchor, -3 - 12 * years_back), "quarter")


# Years before Christ (TIMEX3 BC0480) are read on a stand-in year of the Common Era, then
# written back: the stand-in 2000 is the BC year, 2001 the year after it (BC0479).
_PROXY_YEAR = 2000
_BC_VALUE = re.compile(r"BC(?P<year>\d{4})(?P<rest>.*)")


def as_proxy(value: str) -> str:
    """Return a BC value with its year replaced by the stand-in year ("BC0480-SU" -> "2000-SU").

    >>> as_proxy("BC0480-SU"), as_proxy("1940")
    ('2000-SU', '1940')
    """
    found = _BC_VALUE.fullmatch(value)
    return f"{_PROXY_YEAR}{found['rest']}" if found else value


def before_christ(value: str | None, reference: str) -> str | None:
    """Write a value read on the stand-in year of a BC ``reference`` back in BC years ("2001" after BC0480 -> BC0479).

    >>> before_christ("2001", "BC0480"), before_christ("2000-SU", "BC0480"), before_christ("2003", "BC0002")
    ('BC0479', 'BC0480-SU', '0002')
    """
    found = _BC_VALUE.fullmatch(reference)
    if value is None or found is None or not value[:4].isdigit():
        return value
    year = int(found["year"]) - (int(value[:4]) - _PROXY_YEAR)
    return (f"BC{year:04d}" if year >= 1 else f"{1 - year:04d}") + value[4:]
