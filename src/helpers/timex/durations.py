"""The DURATION rules: lengths of time and the dates they reach.

Lengths such as "six weeks", "more than two years", "10-year"; dates such as "two days ago".

Each normaliser is followed by its rule; ``duration_value`` writes an amount of a
unit as a TIMEX3 duration (P6W, PT3H, P2Y6M).
"""

from __future__ import annotations

import re

from helpers.timex.calendar import reporting_quarter, shift
from helpers.timex.context import Context, about_quarters, noun_after, quantity_before
from helpers.timex.grammar import Reading, Rule
from helpers.timex.lexicon import lookup, parse_number, prefix_mod, singular, table

# a fraction of a unit written in the next smaller one, as TIMEX3 values do
# ("2 1/2 years" = P2Y6M, "5 1/2 hours" = PT5H30M, "a minute and a half" = PT1M30S):
# (letter, granularity) -> smaller letter, how many in one, separator before it (T: hours after days)
_SMALLER_UNIT = {
    ("Y", "year"): ("M", 12, ""),
    ("H", "time"): ("M", 60, ""),
    ("M", "time"): ("S", 60, ""),
    ("D", "day"): ("H", 24, "T"),
}
_HOURS = {"second": 1 / 3600, "minute": 1 / 60, "hour": 1}


def _number(amount: float) -> str:
    """Return an amount without a trailing .0 (2.0 -> '2', 1.5 -> '1.5')."""
    return str(int(amount)) if float(amount).is_integer() else str(amount)


def duration_value(amount: float | None, unit: str) -> str:
    """Return the TIMEX3 duration of ``amount`` ``unit`` (None = unspecified X).

    >>> duration_value(6, "week"), duration_value(None, "decade"), duration_value(3, "hour")
    ('P6W', 'PXDE', 'PT3H')
    >>> duration_value(2, "decade")
    'P20Y'
    >>> duration_value(2.5, "year"), duration_value(5.5, "hour"), duration_value(0.5, "day"), duration_value(1.5, "day")
    ('P2Y6M', 'PT5H30M', 'PT12H', 'P1DT12H')
    """
    letter, granularity = table("units")[unit]
    prefix = "PT" if granularity == "time" else "P"
    if amount is None:
        return f"{prefix}X{letter}"
    if letter == "DE":
        amount, letter = amount * 10, "Y"
    elif letter == "CE":
        amount, letter = amount * 100, "Y"
    elif letter == "2W":
        amount, letter = amount * 2, "W"
    whole, part = divmod(float(amount), 1)
    if part and (letter, granularity) in _SMALLER_UNIT:
        smaller, per, separator = _SMALLER_UNIT[letter, granularity]
        head = f"{int(whole)}{letter}" if whole else ""
        return f"{prefix}{head}{separator}{_number(part * per)}{smaller}"
    return f"{prefix}{_number(amount)}{letter}"


def _length_mod(m: re.Match[str]) -> str | None:
    """Return the mod a prefix gives a length of time ("more than", "about", "over")."""
    return lookup("count_prefixes", m["pre2"])[0] if m["pre2"] else prefix_mod(m["pre"])


def read_ago(m: re.Match[str], ctx: Context) -> Reading | None:
    """two days ago / a year earlier / three weeks from now / ten minutes ago -> DATE at the unit's granularity.

    Clock units give the day they reach ("10 minutes ago" is today, "48 hours ago" two days
    back): the document date has no time of day. "An hour earlier" measures from an event
    the text told, so it is a DURATION, like "an hour later". A prefix gives a point's mod
    ("almost a year ago": APPROX, "more than a year ago": BEFORE).
    """
    amount = parse_number(m["num"])
    unit = singular(m["unit"])
    granularity = table("units")[unit][1]
    back = m["dir"].lower() in table("past_directions")
    prefix = m["pre"] or m["pre2"]
    mod = _point_mod(prefix)
    sign = -1 if back else 1
    if granularity == "time":
        if m["dir"].lower() == "earlier":
            return Reading("DURATION", duration_value(amount, unit), _length_mod(m))  # a length: its own mod
        days = int((amount or 0) * _HOURS[unit] // 24)
        return Reading("DATE", shift(ctx.dct, "day", sign * days), mod, relative=True)
    if amount is None or not float(amount).is_integer():
        return Reading("DATE", "PAST_REF" if back else "FUTURE_REF", mod, relative=True)
    if unit == "year" and amount == 1 and back and ctx.dct and about_quarters(ctx, m.start()):
        return Reading("DATE", reporting_quarter(ctx.dct, 1), mod, relative=True)
    return Reading("DATE", shift(ctx.dct, granularity, sign * int(amount)), mod, relative=True)


def _point_mod(prefix: str | None) -> str | None:
    """Return the mod a prefix gives the point "<length> ago" names; None for a prefix that gives none.

    The rule's prefixes are every mod word ("early", "late" ...), the points' table names fewer.

    >>> _point_mod("almost"), _point_mod("early"), _point_mod(None)
    ('APPROX', None, None)
    """
    values = table("point_modifiers").get(re.sub(r"\s+", " ", prefix.lower())) if prefix else None
    return values[0] if values else None


def _not_a_length(m: re.Match[str], ctx: Context) -> bool:
    """Tell whether "a <unit>" is a rate's denominator or the ordinal "a second" (not a duration).

    "a <unit>" right after a quantity is the denominator of a rate ("$500 million a year",
    "24 hours a day"), not a length of time: TimeML guidelines leave rate expressions
    unmarked. "a second" before a noun is the ordinal ("a second group").
    """
    if (m["num"] or "").lower() not in ("a", "an") or m["pre"] or m["pre2"] or m["lead"]:
        return False
    if m["unit"].lower() == "second" and noun_after(ctx.text, m.end()):
        return True
    return quantity_before(ctx.text, m.start())


def read_duration(m: re.Match[str], ctx: Context) -> Reading | None:
    """two days / more than three years / the past six months / several weeks -> DURATION."""
    if m["dir"] and m["num"]:
        return read_ago(m, ctx)
    if _not_a_length(m, ctx):
        return None
    unit = singular(m["unit"])
    if not m["num"]:
        if unit == m["unit"].lower() or unit == "quarter":
            return None
        lead = (m["lead"] or "").lower()
        if lead in table("vague_leads"):
            return Reading("DATE", table("vague_leads")[lead][0], relative=False)
    amount = parse_number(m["num"]) if m["num"] else None
    if m["num"] and amount is None and m["num"].lower() not in table("vague_numbers"):
        return None
    if m["half"]:
        amount = (amount or 0) + 0.5
    return Reading("DURATION", duration_value(amount, unit), _length_mod(m))


DURATION = Rule(
    "duration",
    r"\b(?:(?P<pre><MOD>)<_>|(?P<pre2><count_prefixes>)<_>(?=(?:<NUM>|<VAGUE>)<_>))?(?:the<_>)?(?:(?P<lead><duration_leads>)<_>)?"
    r"(?:(?P<num><NUM>|<VAGUE>)<_>)?(?:<UNITADJ><_>)?(?P<unit><UNIT>)\b(?!-|<_>old\b)"
    r"(?:(?P<half><_>and<_>a<_>half\b)|<_>(?P<dir><past_directions>|<future_directions>)\b)?",
    read_duration,
    "<UNIT>",
    (
        ("The war lasted six weeks.", "six weeks", "P6W"),
        ("It took more than three years.", "more than three years", "P3Y"),
        ("The siege lasted over nine months.", "over nine months", "P9M"),
        ("He left two days ago.", "two days ago", "2023-03-11"),
        ("Prices fell in recent years.", "recent years", "PAST_REF"),
    ),
)


def read_compound_duration(m: re.Match[str], ctx: Context) -> Reading | None:
    """three-day / 10-year -> DURATION; ages ("a 6-year-old boy") are not temporal expressions."""
    amount = parse_number(m["num"])
    if amount is None or m["old"]:
        return None
    return Reading("DURATION", duration_value(amount, singular(m["unit"])))


COMPOUND_DURATION = Rule(
    "compound duration",
    r"\b(?P<num><NUM>)-(?P<unit><UNIT1>)(?:-(?:(?P<old>old)|long))?\b",
    read_compound_duration,
    "<UNIT1>",
    (("They bought a 10-year bond.", "10-year", "P10Y"),),
)


def read_unit_adjective(m: re.Match[str], ctx: Context) -> Reading | None:
    """centuries-old / years-long -> DURATION PX<unit>; day-long / yearlong -> one unit."""
    if m["one"]:
        return Reading("DURATION", duration_value(1, m["one"].lower()))
    return Reading("DURATION", duration_value(None, singular(m["unit"])))


UNIT_ADJECTIVE = Rule(
    "unit adjective",
    r"\b(?:(?P<unit><UNITS>)-(?:old|long)|(?P<one><UNIT1>)-?long)\b",
    read_unit_adjective,
    "<UNITS> <UNIT1> <UNIT1>long",
    (
        ("It ended a centuries-long feud.", "centuries-long", "PXCE"),
        ("It was a day-long strike.", "day-long", "P1D"),
    ),
)
