"""The TIME and SET rules: clock times, parts of the day and repetitions.

Clock times and parts of the day such as "2 p.m.", "this morning"; repetitions such as "daily", "twice a week".

Each normaliser is followed by its rule.
"""

from __future__ import annotations

import re

from helpers.timex.calendar import shift
from helpers.timex.context import Context, determiner_before, noun_after, quantity_before
from helpers.timex.dates import calendar_day, weekday_value
from helpers.timex.durations import duration_value
from helpers.timex.grammar import NUMBER, Reading, Rule
from helpers.timex.lexicon import parse_number, part_mod, prefix_mod, singular, table


def read_part_of_today(m: re.Match[str], ctx: Context) -> Reading | None:
    """this morning / last night / mid-afternoon -> TIME on the document date."""
    if not (m["shift"] or m["mod"]):
        return None
    code = table("day_parts")[m["part"].lower()][0]
    offset = int(table("today_shifters")[m["shift"].lower()][0]) if m["shift"] else 0
    return Reading("TIME", f"{shift(ctx.dct, 'day', offset)}T{code}", part_mod(m["mod"]), relative=True)


PART_OF_TODAY = Rule(
    "part of today",
    r"\b(?:(?P<mod><SMEMOD>|<part_modifiers>)(?:-|<_>))?(?:(?P<shift><today_shifters>)<_>)?(?P<part><PART>)\b",
    read_part_of_today,
    "<PART>",
    (
        ("They spoke this morning.", "this morning", "2023-03-13TMO"),
        ("They spoke last night.", "last night", "2023-03-12TNI"),
    ),
)


def clock_value(hour: int, minute: int, half: str) -> str | None:
    """Return HH:MM of a clock time with an optional a.m./p.m.; None when impossible.

    >>> clock_value(7, 15, "p.m."), clock_value(12, 0, "am"), clock_value(13, 0, "pm")
    ('19:15', '00:00', None)
    """
    half = half.lower().replace(".", "").strip()
    if half and not 1 <= hour <= 12:
        return None
    if half == "pm" and hour < 12:
        hour += 12
    elif half == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def day_value(ctx: Context, word: str | None, start: int, end: int) -> str:
    """Return the date of a weekday name or relative day word, or the document date when ``word`` is None.

    >>> from datetime import date
    >>> monday = Context("", date(2023, 3, 13))
    >>> day_value(monday, "yesterday", 0, 0), day_value(monday, None, 0, 0)
    ('2023-03-12', '2023-03-13')
    """
    if not word:
        return shift(ctx.dct, "day", 0)
    if word.lower() in table("weekdays"):
        return weekday_value(ctx, word, None, start, end)
    return shift(ctx.dct, "day", int(table("relative_days")[word.lower()][0]))


def read_clock(m: re.Match[str], ctx: Context) -> Reading | None:
    """2 p.m. / around 10:35 a.m. / noon Thursday / 5 p.m. EST, Nov. 6 -> TIME.

    A clock time with its day is one TIMEX3.
    """
    if m["word"]:
        clock = table("day_parts")[m["word"].lower()][0]
    else:
        clock = clock_value(int(m["hh"]), int(m["mm"] or 0), m["ampm"] or "")
        if clock is None:
            return None
    if m["month"]:
        day = calendar_day(ctx, m["month"], m["mday"], m["year"], m.start(), m.end())
        if day is None:
            return None
    else:
        day = day_value(ctx, m["day"], m.start(), m.end()) if m["day"] else shift(ctx.dct, "day", 0)
    return Reading("TIME", f"{day}T{clock}", prefix_mod(m["pre"]), relative=not m["year"])


CLOCK = Rule(
    "clock",
    r"\b(?:(?P<pre><MOD>)<_>)?(?:(?P<hh>[01]?\d|2[0-3])(?::(?P<mm>[0-5]\d))?<_>?(?P<ampm>[ap]\.m\.?|[ap]m\b|<_>?o'clock)|"
    r"(?P<hh24>)(?P<word><CLOCKWORD>)\b)(?:<_>(?:[A-Z]{2}T|<time_zones>)\b)?(?:(?:<_>on|,)?<_>(?:(?P<day><WEEKDAY>|<RELDAY>)\b|"
    r"(?P<month><MONTH>)(?!\w)<_>(?P<mday><DAY>)\b(?:,?<_>(?P<year><YEAR>)\b)?))?",
    read_clock,
    f"{NUMBER} <CLOCKWORD>",
    (
        ("The vote is at 2 p.m.", "2 p.m.", "2023-03-13T14:00"),
        ("It began around 7:15 p.m. EDT.", "around 7:15 p.m. EDT", "2023-03-13T19:15"),
        ("It began at noon Thursday.", "noon Thursday", "2023-03-09T12:00"),
    ),
)


def read_rate(m: re.Match[str], ctx: Context) -> Reading | None:
    """twice a week / three times a year -> SET P1W, P1Y (the span is "a week")."""
    return Reading("SET", duration_value(1, singular(m["unit"])), group="t")


RATE = Rule(
    "rate",
    r"\b<rate_words><_>(?P<t>an?<_>(?P<unit><UNIT1>))\b(?!<_><after_a_rate>\b)",
    read_rate,
    "<UNIT1>",
    (("They meet twice a year.", "a year", "P1Y"),),
)


def read_frequency(m: re.Match[str], ctx: Context) -> Reading | None:
    """daily / weekly / every year / each Monday -> SET."""
    if m["freq"]:
        if determiner_before(ctx.text, m.start()) or noun_after(ctx.text, m.end()):
            return None
        if quantity_before(ctx.text, m.start()):
            return None  # a rate ("rise 8.5% annually", "10,000 units annually"), like "$5 a year"
        return Reading("SET", table("frequencies")[m["freq"].lower()][0])
    if m["weekday"]:
        return Reading("SET", f"XXXX-WXX-{table('weekdays')[m['weekday'].lower()][0]}")
    if m.group().lower().startswith("per") and quantity_before(ctx.text, m.start()):
        return None  # a rate ("15 million instructions per second"), not a repetition in time
    amount = parse_number(m["num"]) if m["num"] else 1
    if amount is None:
        return None
    return Reading("SET", duration_value(amount, singular(m["unit"])))


FREQUENCY = Rule(
    "frequency",
    r"\b(?:(?P<freq><FREQ>)|<every><_>(?:(?P<weekday><WEEKDAY>)|(?:(?P<num><NUM>)<_>)?(?P<unit><UNIT>)))\b",
    read_frequency,
    "<FREQ> <WEEKDAY> <UNIT>",
    (
        ("He reports daily.", "daily", "P1D"),
        ("They meet every Monday.", "every Monday", "XXXX-WXX-1"),
        ("They meet every two weeks.", "every two weeks", "P2W"),
    ),
)
