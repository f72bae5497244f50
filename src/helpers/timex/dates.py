"""The DATE rules: each pattern with its normaliser, from ISO dates to "last week" and "that year".

A normaliser takes a match of its rule's pattern and a ``Context`` and returns a
``Reading`` (or None when the match is not a date after all); its rule follows it.
Relative readings anchor on ``ctx.dct``: the document date, or in narrative mode the
date the text has moved to.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from helpers.timex.calendar import (
    UNRESOLVED,
    format_date,
    nth_weekday,
    reporting_quarter,
    shift,
    valid_day,
    weekday_date,
)
from helpers.timex.context import Context, about_quarters, direction, noun_after, tense
from helpers.timex.durations import duration_value
from helpers.timex.grammar import NUMBER, Reading, Rule
from helpers.timex.lexicon import alternation, lookup, parse_number, part_mod, table

_NUMBER_BEFORE = re.compile(r"\d(?:st|nd|rd|th)?[^\S\n]+(?:of[^\S\n]+)?$")
_ACRONYM_BEFORE = re.compile(r"(?<![\w.])[A-Z]{2,}[^\S\n]+$")  # "USA Today": a name
_POSSESSED = re.compile(r"['’]s(?:[^\S\n]+(?P<adjective>[a-z-]+))?[^\S\n]+(?P<noun>[a-z]+)\b")


@lru_cache(maxsize=1)
def _year_preposition() -> re.Pattern[str]:
    """Return the pattern of a preposition that makes "two thousand and one" a year."""
    return re.compile(rf"\b{alternation(table('year_prepositions'))}[^\S\n]+$", re.IGNORECASE)


def year_of(text: str) -> int:
    """Return a four-digit, apostrophe ('98 -> 1998) or spoken year ("nineteen ninety-four") as an int.

    >>> year_of("'98"), year_of("2003"), year_of("nineteen ninety-four")
    (1998, 2003, 1994)
    """
    if text[:1].isalpha():
        century, rest = re.split(r"\s+(?:hundred\s+(?:and\s+)?)?", text.lower(), maxsplit=1)
        return int(parse_number(century)) * 100 + int(parse_number(rest) or 0)
    digits = text.strip("'’")
    if len(digits) == 2:
        number = int(digits)
        return 1900 + number if number >= 30 else 2000 + number
    return int(digits)


_LEADING_DIGITS = re.compile(r"\d+")


def year_value(text: str) -> str:
    """Return the TIMEX3 year of a written year: four digits, or BC and four digits ("480 BC" -> BC0480).

    >>> year_value("'98"), year_value("480 BC")
    ('1998', 'BC0480')
    """
    if text[-1:].isalpha() and text.split()[-1].lower() in table("before_christ"):
        return f"BC{int(_LEADING_DIGITS.match(text)[0]):04d}"
    return f"{year_of(text):04d}"


def day_of_month(written: str) -> int:
    """Return the day number of "5", "05" or "5th".

    >>> day_of_month("5th"), day_of_month("21")
    (5, 21)
    """
    return int(written.rstrip("stndrh"))


def calendar_day(
    ctx: Context, month_name: str, day_text: str, year_text: str | None, start: int, end: int
) -> str | None:
    """Return the value of a month name, day and optional year (None if the day does not exist).

    >>> calendar_day(Context("until Nov. 9", date(1989, 11, 2)), "Nov.", "9", None, 6, 12)
    '1989-11-09'
    """
    month, day = int(table("months")[month_name.lower()][0]), day_of_month(day_text)
    year = (
        f"{year_of(year_text):04d}"
        if year_text
        else ctx.year_of_month(month, direction(ctx.text, start, end), day)
    )
    if not valid_day(int(year) if year.isdigit() else 2000, month, day):
        return None
    return f"{year}-{month:02d}-{day:02d}"


def read_iso(m: re.Match[str], ctx: Context) -> Reading | None:
    """2023-03-13 or 2023-03-13 14:05 -> DATE or TIME."""
    year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
    if not valid_day(year, month, day):
        return None
    value = f"{year:04d}-{month:02d}-{day:02d}"
    if m["hh"]:
        return Reading("TIME", f"{value}T{m['hh']}:{m['mm']}")
    return Reading("DATE", value)


ISO_DATE = Rule(
    "iso date",
    r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<hh>[01]\d|2[0-3]):(?P<mm>[0-5]\d)(?::\d\d)?)?\b",
    read_iso,
    NUMBER,
    (
        ("Filed 2021-06-30.", "2021-06-30", "2021-06-30"),
        ("Logged 2021-06-30 14:05.", "2021-06-30 14:05", "2021-06-30T14:05"),
    ),
)


def read_slashed(m: re.Match[str], ctx: Context) -> Reading | None:
    """3/13/2023 (US month/day/year) -> DATE."""
    year, month, day = year_of(m["y"]), int(m["m"]), int(m["d"])
    if not valid_day(year, month, day):
        return None
    return Reading("DATE", f"{year:04d}-{month:02d}-{day:02d}")


SLASHED_DATE = Rule(
    "slashed date",
    r"(?<![\d/])(?P<m>1[0-2]|0?[1-9])/(?P<d>[12]\d|3[01]|0?[1-9])/(?P<y>\d{4}|\d{2})\b(?!/)",
    read_slashed,
    NUMBER,
    (("Signed 6/30/98.", "6/30/98", "1998-06-30"),),
)


# "May 3 or 4, 1999": the year after the second day is the first day's year too
@lru_cache(maxsize=1)
def _shared_year() -> re.Pattern[str]:
    """Return the pattern of a second day and the year both days share (", or 4, 1999")."""
    links = alternation(table("second_day_links"))
    return re.compile(
        rf",?(?:[^\S\n]+{links}[^\S\n]+|[^\S\n]*[-–][^\S\n]*)\d{{1,2}}(?:st|nd|rd|th)?,?[^\S\n]+(?P<year>1\d{{3}}|20\d{{2}})\b"
    )


def read_month_date(m: re.Match[str], ctx: Context) -> Reading | None:
    """Sept. 8, 2023 / 8 September / March 2019 / June last year / early September -> DATE.

    "June last year" is one expression (one TIMEX3): the year phrase says which June.
    """
    month = int(table("months")[m["month"].lower()][0])
    if not m["day"] and _NUMBER_BEFORE.search(ctx.text, max(0, m.start("t") - 6), m.start("t")):
        return None
    shared = _shared_year().match(ctx.text, m.end("t")) if m["day"] and not (m["year"] or m["rel"]) else None
    written = m["year"] or m["year2"]
    explicit = bool(written) or shared is not None
    if explicit:
        year_text = year_value(written or shared["year"])
    elif m["rel"]:
        year_text = shift(ctx.dct, "year", int(lookup("shifters", m["rel"])[0]))
    else:
        looks = direction(ctx.text, m.start("t"), m.end("t"))
        year_text = ctx.year_of_month(month, looks, day_of_month(m["day"]) if m["day"] else 0)
    if m["day"]:
        day = day_of_month(m["day"])
        check_year = int(year_text) if year_text.isdigit() else 2000  # BC and XXXX: a leap year
        if not valid_day(check_year, month, day):
            return None
        value = f"{year_text}-{month:02d}-{day:02d}"
    else:
        alone = not (explicit or m["rel"] or m["mod"] or m["lead"])
        if alone and m["month"].istitle() and m["month"].lower() in table("ambiguous_months"):
            return None
        if "abbreviation" in table("months")[m["month"].lower()] and not (explicit or m["rel"]):
            return None
        value = f"{year_text}-{month:02d}"
    return Reading("DATE", value, part_mod(m["mod"]), relative=not explicit, group="t")


MONTH_DAY_YEAR = Rule(
    "month day year",
    r"(?:\b(?P<lead><date_prepositions>)<_>)?(?P<t>(?:<WEEKDAY>,?<_>)?"
    r"(?:(?P<mod><SMEMOD>)(?:-|<_>))?\b(?P<month><MONTH>)(?!\w)(?:<_>(?P<day><DAY>)\b)?"
    r"(?:(?:,?<_>|<_>of<_>)(?:(?P<year><YEAR>|<SPOKENYEAR>|<BCYEAR>)\b|(?P<year2><BCYEAR>)(?!\w))|<_>(?P<rel><near_shifters>)<_>year\b)?)",
    read_month_date,
    "<MONTH>",
    (
        ("It opened Sept. 8, 2021.", "Sept. 8, 2021", "2021-09-08"),
        ("It opened in January nineteen ninety-seven.", "January nineteen ninety-seven", "1997-01"),
        ("It fell in February of 1940.", "February of 1940", "1940-02"),
        ("The army crossed in August 480 BC.", "August 480 BC", "BC0480-08"),
        ("It opened in March 2019.", "March 2019", "2019-03"),
        ("It opened in June last year.", "June last year", "2022-06"),
        ("It will open in early September.", "early September", "2023-09"),
    ),
)

DAY_MONTH_YEAR = Rule(
    "day month year",
    r"\b(?P<t>(?P<lead>)(?P<mod>)(?P<day><DAY>)<_>(?:of<_>)?(?P<month><MONTH>)(?!\w)"
    r"(?:,?<_>(?P<year><YEAR>)\b|<_>(?P<rel><near_shifters>)<_>year\b)?)(?P<year2>)",
    read_month_date,
    "<MONTH>",
    (("It opened on 8 September 2021.", "8 September 2021", "2021-09-08"),),
)


def read_week_of(m: re.Match[str], ctx: Context) -> Reading | None:
    """the week of March 6 / the week of Feb. 18, 2013 -> DATE, the ISO week holding that day."""
    value = calendar_day(ctx, m["month"], m["day"], m["year"], m.start(), m.end())
    if value is None:
        return None
    if value.startswith("X"):
        return Reading("DATE", UNRESOLVED["week"], relative=True)
    return Reading("DATE", format_date(date.fromisoformat(value), "week"), relative=not m["year"])


WEEK_OF = Rule(
    "week of",
    r"\b(?:the<_>)?week<_>of<_>(?P<month><MONTH>)(?!\w)<_>(?P<day><DAY>)\b(?:,?<_>(?P<year><YEAR>)\b)?",
    read_week_of,
    "week",
    (("It happened the week of Feb. 18, 2013.", "the week of Feb. 18, 2013", "2013-W08"),),
)


def read_second_day(m: re.Match[str], ctx: Context) -> Reading | None:
    """the "25" of "April 24 and 25" / "May 3 or 4, 1999" -> DATE in the month named before it."""
    if noun_after(ctx.text, m.end()):
        return None  # "on May 3 and 4 people died": a count, not a day
    value = calendar_day(ctx, m["month"], m["day"], m["year"], m.start(), m.end())
    return None if value is None else Reading("DATE", value, relative=not m["year"], group="t")


SECOND_DAY = Rule(
    "second day",
    r"\b(?-i:(?=[A-Z]))(?P<month><MONTH>)(?!\w)<_><DAY>(?:,?<_><second_day_links><_>|(?:<_>)?[-–](?:<_>)?)"
    r"(?P<t>(?P<day><DAY>)\b(?![-.,:/]?\d)(?:,?<_>(?P<year><YEAR>)\b)?)",
    read_second_day,
    "<MONTH>",
    (
        ("They met on April 24 and 25, 2019.", "25, 2019", "2019-04-25"),
        ("The fair runs March 5-7, 2021.", "7, 2021", "2021-03-07"),
    ),
)


def read_first_day(m: re.Match[str], ctx: Context) -> Reading | None:
    """the "5" of "5-7 March 2021" -> DATE in the month (and year) named after the range."""
    value = calendar_day(ctx, m["month"], m["day"], m["year"], m.start(), m.end())
    return None if value is None else Reading("DATE", value, relative=not m["year"])


FIRST_DAY = Rule(
    "first day",
    r"(?<![\w.,/-])(?P<day><DAY>)(?=(?:<_>)?[-–](?:<_>)?<DAY><_>(?:of<_>)?(?P<month><MONTH>)(?!\w)(?:,?<_>(?P<year><YEAR>)\b)?)",
    read_first_day,
    "<MONTH>",
    (("The fair ran 5-7 March 2021.", "5", "2021-03-05"),),
)


def read_decade(m: re.Match[str], ctx: Context) -> Reading | None:
    """the 1990s / the '90s / the early 1980s -> DATE 199 / 198."""
    digits = m["decade"]
    century = m["century"] or "19"
    return Reading("DATE", f"{century}{digits[0]}", part_mod(m["mod"]))


DECADE = Rule(
    "decade",
    r"\b(?:the<_>)?(?:(?P<mod><SMEMOD>)(?:-|<_>))?(?:(?P<century>1[0-9]|20)|')(?P<decade>[0-9]0)'?s\b",
    read_decade,
    NUMBER,
    (("It grew in the 1990s.", "the 1990s", "199"), ("It grew in the early '80s.", "the early '80s", "198")),
)


@lru_cache(maxsize=1)
def _not_a_year_before() -> re.Pattern[str]:
    """Return the pattern of what makes the number after it a count or an identifier ("more than ", "GTX ", "No. ")."""
    counts = alternation(table("count_modifiers"))
    names = alternation(table("identifier_words"))
    return re.compile(
        rf"(?:\b{counts}[^\S\n]+|(?<![\w.]){names}[^\S\n]*|(?-i:\b(?P<acronym>[A-Z][A-Z0-9-]*[A-Z0-9]))[^\S\n]+)$",
        re.IGNORECASE,
    )


def counted_or_named(text: str, start: int) -> bool:
    """Tell whether the number at ``start`` is a count ("more than 1100") or names a thing ("GTX 1660", "No. 2020").

    An all-capital word before it is a model or a code, unless it is an era ("AD") or a
    word in capitals ("IN 1994").

    >>> counted_or_named("more than 1100 people", 10), counted_or_named("a GTX 1660 card", 6)
    (True, True)
    >>> counted_or_named("IN 1994", 3)
    False
    """
    found = _not_a_year_before().search(text, max(0, start - 16), start)
    if found is None:
        return False
    word = (found["acronym"] or "").lower()
    return not word or word not in table("era_words") and word not in table("function_words")


def read_year(m: re.Match[str], ctx: Context) -> Reading | None:
    """1987 / fiscal 1987 / mid-1990 -> DATE; not a count ("more than 1100 people") nor a name ("GTX 1660")."""
    if not (m["fiscal"] or m["mod"]) and counted_or_named(ctx.text, m.start("year")):
        return None
    return Reading("DATE", f"{int(m['year']):04d}", part_mod(m["mod"]))


YEAR = Rule(
    "year",
    r"(?<![\w$€£.,/-])(?:the<_>year<_>)?(?P<fiscal>(?:fiscal|calendar)<_>)?(?:(?P<mod><SMEMOD>)(?:-|<_>))?(?P<year><YEAR>)"
    r"(?:\b|(?-i:(?=[A-Z][a-z])))(?![-.,/]?\d|%|<_><not_after_a_year>\b|<_>\(?(?-i:[A-Z]{1,4}T)\b)"
    r"(?(fiscal)|(?!<_>(?!<s_words>\b)[a-z]+s\b))",
    read_year,
    NUMBER,
    (
        ("It ended in 1994.", "1994", "1994"),
        ("Sales in fiscal 1987 rose.", "fiscal 1987", "1987"),
        ("It was built in AD 1066.", "1066", "1066"),
    ),
)


def range_end(start: str, end: str) -> int | None:
    """Return the year a range ends in ("1861", "1865" -> 1865; "2012", "13" -> 2013), None unless after the start.

    >>> range_end("2012", "13"), range_end("1999", "45")
    (2013, None)
    """
    year = int(end) if len(end) == 4 else int(start[:2]) * 100 + int(end)
    return year if year > int(start) else None


def read_range_start(m: re.Match[str], ctx: Context) -> Reading | None:
    """the 1861 of "1861-1865" / the 2012 of "2012-13" -> DATE (TimeML marks a range's start and end apart)."""
    return Reading("DATE", f"{int(m['year']):04d}") if range_end(m["year"], m["end"]) else None


RANGE_START = Rule(
    "range start",
    r"(?<![\w$€£.,/-])(?P<year><YEAR>)(?=[-–](?P<end><YEAR>|\d\d)(?-i:(?![0-9a-z]))(?![-.,/:]?\d))",
    read_range_start,
    NUMBER,
    (("It lasted from 1861-1865.", "1861", "1861"), ("The 2012-13 season ended.", "2012", "2012")),
)


def read_range_end(m: re.Match[str], ctx: Context) -> Reading | None:
    """the 1865 of "1861-1865" / the 13 of "2012-13" -> DATE, after the start or not a range."""
    end = range_end(m["start"], m["end"])
    return Reading("DATE", f"{end:04d}") if end else None


RANGE_END = Rule(
    "range end",
    r"(?<=(?<![\w$€£.,/-])(?P<start>(?:1[0-9]|20)[0-9]{2})[-–])(?P<end><YEAR>|\d\d)(?-i:(?![0-9a-z]))(?![-.,/:]?\d)",
    read_range_end,
    NUMBER,
    (("It lasted from 1861-1865.", "1865", "1865"), ("The 2012-13 season ended.", "13", "2013")),
)


def read_bc_year(m: re.Match[str], ctx: Context) -> Reading | None:
    """499 BC / ca. 490 BCE / the 499 of "499-493 BC" -> DATE BC0499 (ISO-TimeML's years before Christ)."""
    mod = lookup("circa_words", m["pre"])[0] if m["pre"] else part_mod(m["mod"])
    return Reading("DATE", f"BC{int(m['year']):04d}", mod)


BC_YEAR = Rule(
    "bc year",
    r"(?:\b(?P<pre><circa_words>)<_>)?(?:\b(?P<mod><SMEMOD>)(?:-|<_>))?(?<![\w.,])(?P<year>[1-9][0-9]{0,3})(?:<_>)?<before_christ>(?!\w)",
    read_bc_year,
    "<BC>",
    (("Athens burned in 480 BC.", "480 BC", "BC0480"), ("It was built ca. 490 BC.", "ca. 490 BC", "BC0490")),
)

BC_RANGE_START = Rule(
    "bc range start",
    r"(?<![\w.,])(?P<pre>)(?P<mod>)(?P<year>[1-9][0-9]{0,3})"
    r"(?=(?:(?:<_>)?[-–](?:<_>)?|<_>(?:to|and)<_>)[1-9][0-9]{0,3}(?:<_>)?<before_christ>(?!\w))",
    read_bc_year,
    "<BC>",
    (
        ("The revolt lasted from 499 to 493 BC.", "499", "BC0499"),
        ("The Ionian Revolt (499-493 BC) failed.", "499", "BC0499"),
    ),
)


def read_spoken_year(m: re.Match[str], ctx: Context) -> Reading | None:
    """nineteen ninety-six / the year two thousand / two thousand and one -> DATE."""
    if m["century"]:
        rest = parse_number(m["rest"])
        if rest is None or not 10 <= rest < 100 or m["rest"].lower().startswith(("a", "an")):
            return None
        return Reading("DATE", f"{int(parse_number(m['century'])) * 100 + int(rest):04d}")
    if not (m["theyear"] or _year_preposition().search(ctx.text, max(0, m.start() - 8), m.start())):
        return None
    number = parse_number(m["rest2"]) if m["rest2"] else 0
    if number is None or not float(number).is_integer() or not 0 <= number < 100:
        return None
    return Reading("DATE", f"{2000 + int(number):04d}")


SPOKEN_YEAR = Rule(
    "spoken year",
    r"\b(?:(?P<theyear>the<_>year)<_>)?(?:(?P<century><spoken_centuries>)(?:<_>hundred(?:<_>and)?)?<_>(?P<rest><NUM>)|"
    r"two<_>thousand(?:<_>(?:and<_>)?(?P<rest2><NUM>))?)\b",
    read_spoken_year,
    "<spoken_centuries> thousand",
    (("It began in nineteen ninety-six.", "nineteen ninety-six", "1996"),),
)


def read_century(m: re.Match[str], ctx: Context) -> Reading | None:
    """the 20th century / the early nineteenth century / 21st-century -> DATE 19 / 18 / 20 (TIMEX3 century digits)."""
    ordinal = m["ord"].lower()
    number = int(ordinal[:-2]) if ordinal[0].isdigit() else int(table("ordinals")[ordinal][0])
    if not 1 <= number <= 21:
        return None
    return Reading("DATE", f"{number - 1:02d}", part_mod(m["mod"]))


CENTURY = Rule(
    "century",
    r"\b(?:the<_>)?(?:(?P<mod><SMEMOD>)(?:-|<_>))?(?P<ord>\d{1,2}(?:st|nd|rd|th)|<ORD>)(?:-|<_>)century\b",
    read_century,
    "century",
    (("It was built in the 20th century.", "the 20th century", "19"),),
)


def read_spoken_decade(m: re.Match[str], ctx: Context) -> Reading | None:
    """the nineties / the early eighties -> DATE 199 / 198."""
    return Reading("DATE", f"19{table('decade_words')[m['decade'].lower()][0]}", part_mod(m["mod"]))


SPOKEN_DECADE = Rule(
    "spoken decade",
    r"\b(?:the<_>)?(?:(?P<mod><SMEMOD>)(?:-|<_>))?(?P<decade><DECADEWORD>)\b",
    read_spoken_decade,
    "<DECADEWORD>",
    (("It boomed in the early eighties.", "the early eighties", "198"),),
)


def read_quarter(m: re.Match[str], ctx: Context) -> Reading | None:
    """the third quarter / third-quarter / the fourth quarter of 1990 -> DATE YYYY-Qn (or Hn)."""
    number = int(table("ordinals")[m["ord"].lower()][0])
    letter = "H" if m["part"].lower() == "half" else "Q"
    count = 2 if letter == "H" else 4
    if number < 0:
        number = count
    if number > count:
        return None
    explicit = m["year"] or m["y2"]
    if explicit:
        return Reading("DATE", f"{year_of(explicit):04d}-{letter}{number}")
    if ctx.dct is None:
        return Reading("DATE", f"XXXX-{letter}{number}", relative=True)
    year = ctx.dct.year
    if m["ago"]:
        year = int(reporting_quarter(ctx.dct, 1)[:4])
    elif m["shift"]:
        year += int(lookup("shifters", m["shift"])[0])
    elif number > ((ctx.dct.month - 1) // (12 // count)) + 1 and tense(ctx.text, m.start(), m.end()) < 0:
        year -= 1
    return Reading("DATE", f"{year:04d}-{letter}{number}", relative=True)


QUARTER = Rule(
    "quarter",
    r"\b(?:(?:the<_>)?(?P<shift><near_shifters>)<_>year's<_>|(?:the<_>)?(?:(?P<y2><YEAR>)<_>|(?P<ago><YEARAGO>)<_>)?"
    r"(?:fiscal[- ]|calendar<_>)?)(?P<ord><ORD>)(?:-|<_>)(?P<part>quarter|half)\b"
    r"(?:<_>of<_>(?:fiscal<_>)?(?P<year><YEAR>)\b)?",
    read_quarter,
    "quarter half",
    (("Profit rose in the fourth quarter of 1990.", "the fourth quarter of 1990", "1990-Q4"),),
)


def read_year_ago(m: re.Match[str], ctx: Context) -> Reading | None:
    """the year-ago quarter / the year-earlier period / the 1988 quarter -> DATE of that (reporting) period."""
    if ctx.dct is None and not m["year"]:
        return Reading("DATE", UNRESOLVED["year"], relative=True)
    quarterly = m["unit"] and m["unit"].lower() == "quarter" or (ctx.dct and about_quarters(ctx, m.start()))
    if m["year"]:
        year = year_of(m["year"])
        if quarterly and ctx.dct is not None:
            return Reading("DATE", f"{year:04d}-" + reporting_quarter(ctx.dct)[5:], relative=True)
        return Reading("DATE", f"{year:04d}")
    if quarterly:
        return Reading("DATE", reporting_quarter(ctx.dct, 1), relative=True)
    return Reading("DATE", shift(ctx.dct, "year", -1), relative=True)


YEAR_AGO = Rule(
    "year ago",
    r"\b(?:(?:the<_>)?(?:(?P<year><YEAR>)|<YEARAGO>)<_>(?:fiscal<_>)?(?P<unit>quarter|period|year)\b|"
    r"<YEARAGO>(?=<_><year_ago_nouns>\b))",
    read_year_ago,
    f"{NUMBER} year",
    (("Profit rose from the year-ago quarter.", "the year-ago quarter", "2021-Q4"),),
)


_HOLIDAY_RULE = re.compile(
    r"(?:(?P<month>\d\d)-(?P<day>\d\d)|(?P<nth>\d\d):(?P<weekday>\d):(?P<n>-?\d)|(?P<easter>easter)|(?P<varies>X))(?P<offset>[+-]\d+)?"
)


def holiday_date(rule: str, year: int) -> date | None:
    """Return the day a ``holidays`` rule gives in ``year``: MM-DD, MM:weekday:n, easter, each +/- days; None for X.

    >>> holiday_date("11:4:4+1", 2023), holiday_date("easter-2", 2024), holiday_date("X", 2024)
    (datetime.date(2023, 11, 24), datetime.date(2024, 3, 29), None)
    """
    found = _HOLIDAY_RULE.fullmatch(rule)
    if found["varies"]:
        return None
    if found["month"]:
        day = date(year, int(found["month"]), int(found["day"]))
    elif found["nth"]:
        day = nth_weekday(year, int(found["nth"]), int(found["weekday"]), int(found["n"]))
    else:
        day = easter(year)
    return day + timedelta(days=int(found["offset"] or 0))


def easter(year: int) -> date:
    """Return Easter Sunday of a Gregorian year (the anonymous Gregorian computus).

    >>> easter(2024), easter(2000)
    (datetime.date(2024, 3, 31), datetime.date(2000, 4, 23))
    """
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weeks = (2 * e + 2 * i - h - k + 32) % 7
    m = (a + 11 * h + 19 * weeks) // 433
    month = (h + weeks - 7 * m + 90) // 25
    return date(year, month, (h + weeks - 7 * m + 33 * month + 19) % 32)


def read_holiday(m: re.Match[str], ctx: Context) -> Reading | None:
    """Christmas / Thanksgiving Day 1999 / Black Friday / Good Friday -> DATE of that year (nearest the document date).

    A named day whose date varies by custom ("Super Tuesday") keeps ``XX`` month and day.
    """
    rule = lookup("holidays", m["name"])[0]
    month = int(rule[:2]) if rule[:2].isdigit() else 4  # Easter and its feasts: spring
    year_text = f"{year_of(m['year']):04d}" if m["year"] else ctx.year_of_month(month)
    if not year_text.isdigit():
        value = f"XXXX-{rule}" if re.fullmatch(r"\d\d-\d\d", rule) else "XXXX-XX-XX"
        return Reading("DATE", value, relative=True)
    day = holiday_date(rule, int(year_text))
    value = day.isoformat() if day else f"{year_text if m['year'] else 'XXXX'}-XX-XX"
    return Reading("DATE", value, relative=not m["year"])


HOLIDAY = Rule(
    "holiday",
    r"\b(?P<name><HOLIDAY>)(?!\w)(?:,?<_>(?P<year><YEAR>)\b)?",
    read_holiday,
    "<HOLIDAY>",
    (
        ("They met on Thanksgiving Day 1999.", "Thanksgiving Day 1999", "1999-11-25"),
        ("Shops opened early on Black Friday 2022.", "Black Friday 2022", "2022-11-25"),
        ("Voters went to the polls on Super Tuesday 2008.", "Super Tuesday 2008", "2008-XX-XX"),
    ),
)


def weekday_value(ctx: Context, name: str, shifter: str | None, start: int, end: int) -> str:
    """Return the date of a weekday name: "last" is the previous week's, else the tense decides.

    >>> ctx = Context("He left Friday. He returns next Friday.", date(2023, 3, 13))
    >>> weekday_value(ctx, "Friday", None, 8, 14), weekday_value(ctx, "Friday", "next", 32, 38)
    ('2023-03-10', '2023-03-17')
    >>> weekday_value(Context("", date(2023, 3, 16)), "Monday", "last", 0, 0)
    '2023-03-06'
    """
    weekday = int(table("weekdays")[name.lower()][0])
    if ctx.dct is None:
        return f"XXXX-WXX-{weekday}"
    amount = int(lookup("shifters", shifter)[0]) if shifter else None
    if amount is not None and amount < 0:
        previous_monday = ctx.dct - timedelta(days=ctx.dct.isoweekday() - 1 + 7)
        return (previous_monday + timedelta(days=weekday - 1)).isoformat()
    looks = amount if amount is not None else direction(ctx.text, start, end) or -1
    day = weekday_date(ctx.dct, weekday, looks)
    if amount and day <= ctx.dct:
        day = weekday_date(ctx.dct + timedelta(days=1), weekday, 1)
    return day.isoformat()


def read_weekday(m: re.Match[str], ctx: Context) -> Reading | None:
    """Monday / last Friday / Monday night -> DATE or TIME anchored on the document date.

    Sundays / Tuesday nights -> SET.
    """
    part = m["part"]
    if m["every"] or m["parts"]:
        if m["shift"] or (m["every"] and part and not m["parts"]):
            return None
        code = f"T{table('day_parts')[part.lower()][0]}" if part else ""
        return Reading("SET", f"XXXX-WXX-{table('weekdays')[m['weekday'].lower()][0]}{code}")
    value = weekday_value(ctx, m["weekday"], m["shift"], m.start(), m.end())
    if part:
        code = table("day_parts")[part.lower()][0]
        return Reading("TIME", f"{value}T{code}", part_mod(m["mod"]), relative=True)
    return Reading("DATE", value, part_mod(m["mod"]), relative=True)


WEEKDAY = Rule(
    "weekday",
    r"\b(?:(?P<shift><SHIFT>)<_>)?(?:(?P<mod><edge_parts>)<_>)?(?P<weekday><WEEKDAY>)(?P<every>s)?(?!\w)"
    r"(?:<_>(?P<part><day_part_nouns>)(?P<parts>s)?\b)?",
    read_weekday,
    "<WEEKDAY> <WEEKDAY>s",
    (
        ("He left on Friday.", "Friday", "2023-03-10"),
        ("He returns next Friday.", "next Friday", "2023-03-17"),
        ("He left on Friday night.", "Friday night", "2023-03-10TNI"),
        ("The shop closes on Sundays.", "Sundays", "XXXX-WXX-7"),
    ),
)


def generic_today(text: str, end: int) -> bool:
    """Tell whether the "today" ending at ``end`` is the present in general ("in today's world").

    >>> text = "In today's world prices rise; today's meeting was short."
    >>> generic_today(text, 8), generic_today(text, 35)
    (True, False)
    """
    possessed = _POSSESSED.match(text, end)
    if not possessed:
        return False
    nouns = table("generic_today")
    return possessed["noun"] in nouns or possessed["adjective"] in nouns


def read_relative_day(m: re.Match[str], ctx: Context) -> Reading | None:
    """today / yesterday / tomorrow / tonight / yesterday morning -> DATE or TIME."""
    if m["rel"].lower() == "today" and not m["part"] and generic_today(ctx.text, m.end()):
        return None
    if m["rel"] in ("Today", "Tonight") and _ACRONYM_BEFORE.search(
        ctx.text, max(0, m.start() - 12), m.start()
    ):
        return None  # a newspaper or programme name
    offset, *code = lookup("relative_days", m["rel"])
    value = shift(ctx.dct, "day", int(offset))
    part = m["part"]
    if part:
        code = [table("day_parts")[part.lower()][0]]
    if code:
        return Reading("TIME", f"{value}T{code[0]}", part_mod(m["mod"]), relative=True)
    return Reading("DATE", value, part_mod(m["mod"]), relative=True)


RELATIVE_DAY = Rule(
    "relative day",
    r"\b(?:(?P<mod><edge_parts>)<_>)?(?P<rel><RELDAY>)\b(?:<_>(?P<part><PART>)\b)?",
    read_relative_day,
    "<RELDAY>",
    (
        ("He left yesterday.", "yesterday", "2023-03-12"),
        ("They spoke yesterday afternoon.", "yesterday afternoon", "2023-03-12TAF"),
    ),
)


def read_shifted_month(m: re.Match[str], ctx: Context) -> Reading | None:
    """last April / next September / last Oct. 23 -> DATE month (or day) of the right year."""
    month = int(table("months")[m["month"].lower()][0])
    amount = int(lookup("shifters", m["shift"])[0])
    day = f"-{day_of_month(m['day']):02d}" if m["day"] else ""
    if ctx.dct is None:
        return Reading("DATE", f"XXXX-{month:02d}{day}", part_mod(m["mod"]), relative=True)
    year = ctx.dct.year
    if amount < 0 and month >= ctx.dct.month:
        year -= 1
    elif amount > 0 and month <= ctx.dct.month:
        year += 1
    if day and not valid_day(year, month, int(day[1:])):
        return None
    return Reading("DATE", f"{year:04d}-{month:02d}{day}", part_mod(m["mod"]), relative=True)


SHIFTED_MONTH = Rule(
    "shifted month",
    r"\b(?P<mod>)(?P<shift><near_shifters>)<_>(?P<month><MONTH>)(?!\w)(?:<_>(?P<day><DAY>)\b)?",
    read_shifted_month,
    "<MONTH>",
    (
        ("It opened last April.", "last April", "2022-04"),
        ("It opens next September.", "next September", "2023-09"),
    ),
)

_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def read_season(m: re.Match[str], ctx: Context) -> Reading | None:
    """summer 2019 / last summer / this fall -> DATE YYYY-SU."""
    code = table("seasons")[m["season"].lower()][0]
    if not (m["lead"] or m["the"] or m["shift"] or m["year"] or m["bc"] or m["mod"]):
        return None
    if m["year"] or m["bc"]:
        return Reading("DATE", f"{year_value(m['year'] or m['bc'])}-{code}", part_mod(m["mod"]), group="t")
    amount = int(lookup("shifters", m["shift"] or "this")[0])
    if ctx.dct is None:
        return Reading("DATE", f"XXXX-{code}", part_mod(m["mod"]), relative=True, group="t")
    year = ctx.dct.year
    started = ctx.dct.month >= _SEASON_MONTH[code]
    ongoing = started and ctx.dct.month < _SEASON_MONTH[code] + 3
    if amount < 0 and (not started or ongoing):
        year -= 1
    elif amount > 0 and started:
        year += 1
    return Reading("DATE", f"{year:04d}-{code}", part_mod(m["mod"]), relative=True, group="t")


SEASON = Rule(
    "season",
    r"\b(?:(?P<lead><season_prepositions>)<_>)?(?P<t>(?:(?P<mod><SMEMOD>)(?:-|<_>))?(?:(?P<the>the)<_>)?"
    r"(?:(?P<shift><SHIFT>)<_>)?(?P<season><SEASON>)\b(?:(?:<_>of)?<_>(?:(?P<year><YEAR>|<SPOKENYEAR>)\b|(?P<bc><BCYEAR>)(?!\w)))?)",
    read_season,
    "<SEASON>",
    (
        ("It opened in summer 2019.", "summer 2019", "2019-SU"),
        ("It opened last summer.", "last summer", "2022-SU"),
    ),
)


def read_year_end(m: re.Match[str], ctx: Context) -> Reading | None:
    """year-end / by year's end / since year end / next year-end -> DATE of that year, mod END.

    The end of a year is written like "the end of the year" (the year, mod END); a bare
    "year-end" is the coming one unless "since" or the tense points back.
    """
    if m["shift"]:
        amount = int(lookup("shifters", m["shift"])[0])
    else:
        amount = -1 if direction(ctx.text, m.start(), m.end()) < 0 else 0
    return Reading("DATE", shift(ctx.dct, "year", amount), "END", relative=True)


YEAR_END = Rule(
    "year end",
    r"\b(?:(?P<shift><near_shifters>)<_>)?year(?:'s<_>|[- ]|<_>)end\b(?!ed|s)",
    read_year_end,
    "year",
    (("It will be done by year-end.", "year-end", "2023"),),
)


def read_anaphor(m: re.Match[str], ctx: Context) -> Reading | None:
    """that day / the following year / later that month -> DATE, first anchored on the document date.

    The tagger re-anchors it on the last date the text mentioned (``context.anaphor_value``).
    """
    granularity, offset = lookup("anaphora", m["phrase"])
    return Reading("DATE", shift(ctx.dct, granularity, int(offset)), part_mod(m["mod"]), relative=True)


ANAPHORIC_DATE = Rule(
    "anaphoric date",
    r"\b(?:(?P<mod><part_modifiers>)<_>)?(?P<phrase><ANAPHORA>)\b",
    read_anaphor,
    "<ANAPHORA>",
    (("He fled in June 1998 and returned later that year.", "later that year", "1998"),),
)


def read_shifted_unit(m: re.Match[str], ctx: Context) -> Reading | None:
    """this week / last year / next month / earlier this month -> DATE at that granularity.

    The past year -> DURATION P1Y: "(over) the past year" is the year up to the time of
    writing, not the calendar year before.
    """
    amount = int(lookup("shifters", m["shift"])[0])
    unit = m["unit"].lower()
    if m["the"] and m["shift"].lower() in table("span_shifters") and unit != "weekend":
        return Reading("DURATION", duration_value(1, unit))
    if unit == "weekend":
        value = shift(ctx.dct, "week", amount)
        return Reading("DATE", f"{value}-WE", part_mod(m["mod"]), relative=True)
    granularity = table("units")[unit][1]
    return Reading("DATE", shift(ctx.dct, granularity, amount), part_mod(m["mod"]), relative=True)


SHIFTED_UNIT = Rule(
    "shifted unit",
    r"\b(?:(?P<mod><edge_parts>|<part_modifiers>)<_>)?(?P<the>the<_>)?(?P<shift><SHIFT>)<_>"
    r"(?P<unit><shifted_units>)\b(?!-)",
    read_shifted_unit,
    "<shifted_units>",
    (
        ("He left last week.", "last week", "2023-W10"),
        ("Prices rose earlier this month.", "earlier this month", "2023-03"),
        ("He earned Taka 8,500 over the past year.", "the past year", "P1Y"),
    ),
)


def read_the_unit(m: re.Match[str], ctx: Context) -> Reading | None:
    """the year / the quarter / the current fiscal year / the weekend -> DATE around the document date."""
    unit = m["unit"].lower()
    words = {w.lower() for w in re.findall(r"\w+", m["t"])}
    whole = words & table("whole_unit").keys()
    if whole or (m["prep"] or "").lower() in table("duration_prepositions") and unit != "quarter":
        return Reading("DURATION", "P2D" if unit == "weekend" else duration_value(1, unit), group="t")
    if ctx.dct is None:
        value = UNRESOLVED["week" if unit == "weekend" else table("units")[unit][1]]
        return Reading("DATE", value + ("-WE" if unit == "weekend" else ""), relative=True, group="t")
    if unit == "weekend":
        looks = tense(ctx.text, m.start("t"), m.end("t"))
        amount = 0 if ctx.dct.isoweekday() >= 6 or looks > 0 else -1
        return Reading("DATE", shift(ctx.dct, "week", amount) + "-WE", relative=True, group="t")
    if unit == "quarter" and not words & table("this_unit").keys():
        return Reading("DATE", reporting_quarter(ctx.dct), relative=True, group="t")
    return Reading("DATE", shift(ctx.dct, table("units")[unit][1], 0), relative=True, group="t")


THE_UNIT = Rule(
    "the unit",
    r"\b(?:(?P<prep><unit_prepositions>)<_>)?(?P<t>the<_>(?:<unit_qualifiers><_>){0,2}"
    r"(?P<unit><the_units>))\b(?!-|<_><not_after_the_unit>\b)",
    read_the_unit,
    "<the_units>",
    (
        ("Profit for the year rose.", "the year", "P1Y"),
        ("Sales rose in the quarter.", "the quarter", "2022-Q4"),
    ),
)


# "as soon as <clause>" and "soon after/before <event>" are connectives (TimeML SIGNALs),
# not temporal expressions; "as soon as possible" is one
@lru_cache(maxsize=1)
def _soon_as_connective() -> re.Pattern[str]:
    """Return the pattern of a word after "soon" that makes it a connective ("soon after")."""
    words = alternation(table("soon_connectives"))
    return re.compile(rf"[^\S\n]+(?!as[^\S\n]+possible\b){words}\b", re.IGNORECASE)


def read_reference(m: re.Match[str], ctx: Context) -> Reading | None:
    """now / recently / the future / as soon as possible -> DATE PRESENT_REF, PAST_REF, FUTURE_REF."""
    if m["ref"].lower() == "soon" and _soon_as_connective().match(ctx.text, m.end()):
        return None
    if m["ref"] == "Now" and ctx.text.startswith(",", m.end()):
        return None  # "Now, he says, ...": a discourse marker opening the sentence
    return Reading("DATE", lookup("references", m["ref"])[0])


REFERENCE = Rule(
    "reference",
    r"\b(?P<ref><REF>)\b",
    read_reference,
    "<REF>",
    (("He is now in charge.", "now", "PRESENT_REF"), ("He recently resigned.", "recently", "PAST_REF")),
)
