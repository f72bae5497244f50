"""Calendar arithmetic for TIMEX3 values: format a date at a granularity, shift it, find weekdays.

Every function takes the anchor date (the document creation time) or ``None``; without an
anchor it returns the TimeML placeholder with ``X`` digits instead of guessing.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

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


def format_date(day: date, granularity: str) -> str:
    """Return the TIMEX3 value of ``day`` at ``granularity`` (day, week, month, quarter, year ...).

    >>> format_date(date(2023, 3, 13), "week"), format_date(date(2023, 3, 13), "quarter")
    ('2023-W11', '2023-Q1')
    """
    if granularity == "day":
        return day.isoformat()
    if granularity == "week":
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if granularity == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if granularity == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if granularity == "half":
        return f"{day.year:04d}-H{(day.month - 1) // 6 + 1}"
    if granularity == "year":
        return f"{day.year:04d}"
    if granularity == "decade":
        return f"{day.year // 10:03d}"
    if granularity == "century":
        return f"{day.year // 100:02d}"
    if granularity == "millennium":
        return f"{day.year // 1000}"
    raise ValueError(f"unknown granularity: {granularity!r}")


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
        months = {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120, "century": 1200, "millennium": 12000}
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

    >>> month_year(date(2022, 2, 10), 11), month_year(date(2022, 11, 10), 2), month_year(date(2023, 3, 13), 12), month_year(None, 2)
    ('2021', '2023', '2022', 'XXXX')
    >>> month_year(date(1999, 5, 6), 11, -1), month_year(date(1998, 3, 4), 12, 1), month_year(date(2000, 1, 15), 1, 1, 14)
    ('1998', '1998', '2000')
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
