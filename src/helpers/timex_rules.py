"""The temporal grammar: word tables from ``data/timex_words.txt`` and the pattern -> normaliser rules.

Each rule in ``GRAMMAR`` is a name, a regular expression written with ``<TABLE>``
placeholders (filled from the word tables) and a normaliser that turns a match into a
``Reading`` (TIMEX3 type, value, mod). Add an expression family by adding one rule; add
a word by adding one line to the data file.

The ``read_*`` functions are those normalisers: they take a match of their rule's
pattern and a ``Context``, are called through ``GRAMMAR`` (``compiled_rules``, then
``helpers.timex.find_timexes``), and their docstrings name the expressions they read.
As a match exists only through a rule, most have no doctest: their examples are the
expression tables of ``tests/test_timex.py`` (run through ``find_timexes``), and
``tests/test_timex_rules.py`` checks that every rule compiles and names a normaliser.
The two whose rules those tables lack (``read_spoken_decade``, ``read_year_ago``)
have a doctest here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from helpers.resources import data_sections
from helpers.timex_calendar import (
    UNRESOLVED,
    add_months,
    format_date,
    month_year,
    nth_weekday,
    shift,
    valid_day,
    weekday_date,
)


@dataclass(frozen=True)
class Reading:
    """What a rule read in a match: TIMEX3 type, value, mod, and which group holds the span."""

    type: str
    value: str
    mod: str | None = None
    relative: bool = False
    group: str | None = None


@dataclass(frozen=True)
class Context:
    """The text being tagged and its document creation time (``None`` when unknown)."""

    text: str
    dct: date | None


@lru_cache(maxsize=1)
def load_tables() -> dict[str, dict[str, tuple[str, ...]]]:
    """Return the word tables: section -> lower-cased words -> their values.

    >>> load_tables()["units"]["week"]
    ('W', 'week')
    """
    tables: dict[str, dict[str, tuple[str, ...]]] = {}
    for name, lines in data_sections("timex_words.txt").items():
        rows = [line.split("\t") for line in lines]
        tables[name] = {word.strip().lower(): tuple(v.strip() for v in values) for word, *values in rows}
    return tables


def table(name: str) -> dict[str, tuple[str, ...]]:
    """Return one word table by section name.

    >>> table("months")["sept."]
    ('9',)
    """
    return load_tables()[name]


def alternation(words: list[str] | dict[str, tuple[str, ...]]) -> str:
    """Return a regex alternation of ``words``, longest first, spaces matching any blank.

    >>> alternation(["a", "a few"])
    '(?:a[^\\\\S\\\\n]+few|a)'
    """
    ordered = sorted(words, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", BLANK) for w in ordered) + ")"


def capitalised(words: list[str] | dict[str, tuple[str, ...]]) -> str:
    """Return a case-sensitive alternation of ``words`` written Capitalised or UPPER case.

    >>> bool(re.fullmatch(capitalised(["may"]), "May")), bool(re.fullmatch(capitalised(["may"]), "may"))
    (True, False)
    """
    forms = {f for w in words for f in (" ".join(p[:1].upper() + p[1:] for p in w.split()), w.upper())}
    return "(?-i:" + alternation(list(forms))[3:]


def plural(unit: str) -> str:
    """Return the plural of a calendar unit.

    >>> plural("century"), plural("week")
    ('centuries', 'weeks')
    """
    if unit.endswith("y") and unit != "day":
        return unit[:-1] + "ies"
    if unit == "millennium":
        return "millennia"
    return unit + "s"


BLANK = r"[^\S\n]+"

# ---------------------------------------------------------------------------
# numbers
# ---------------------------------------------------------------------------

_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?")
_MIXED_FRACTION = re.compile(r"(?P<whole>\d+)\s+(?P<top>[1-3])/(?P<bottom>[2-4])")


def parse_number(words: str) -> float | None:
    """Return the value of a number written in digits or words; ``None`` for vague ones.

    >>> parse_number("twenty-five"), parse_number("3,250"), parse_number("a"), parse_number("several"), parse_number("2 1/2")
    (25, 3250, 1, None, 2.5)
    >>> parse_number("two and a half"), parse_number("half an")
    (2.5, 0.5)
    """
    words = words.strip().lower()
    mixed = _MIXED_FRACTION.fullmatch(words)
    if mixed and int(mixed["top"]) < int(mixed["bottom"]):
        return int(mixed["whole"]) + int(mixed["top"]) / int(mixed["bottom"])
    if _DIGITS.fullmatch(words):
        number = float(words.replace(",", ""))
        return int(number) if number.is_integer() else number
    if words in ("a", "an", "one"):
        return 1
    if words.startswith(("a couple", "couple")):
        return 2
    numbers = table("numbers")
    total, current = 0.0, 0.0
    for token in re.split(r"[-\s]+", words):
        if token in ("and", "a", "an", "of"):
            continue
        if token not in numbers:
            return None
        value = float(numbers[token][0])
        if value == 100:
            current = (current or 1) * 100
        elif value == 1000:
            total, current = (total + (current or 1)) * 1000, 0.0
        else:
            current += value
    number = total + current
    return int(number) if number.is_integer() else number


# ---------------------------------------------------------------------------
# tense: which way a relative expression looks from the document date
# ---------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
_DETERMINER = re.compile(r"\b(?:the|a|an|its|their|his|her|our|your)\s+$", re.IGNORECASE)
_NUMBER_BEFORE = re.compile(r"\d(?:st|nd|rd|th)?[^\S\n]+(?:of[^\S\n]+)?$")
_YEAR_PREPOSITION = re.compile(r"\b(?:in|since|until|by)[^\S\n]+$", re.IGNORECASE)
# a lower-case word after an adjective-like "daily" / "a second" that is not a preposition or
# conjunction: a noun it modifies ("daily flights"), not a verb it follows ("gather daily outside")
_NOUN_AFTER = re.compile(
    r"[^\S\n]+(?!(?:and|or|but|in|on|at|for|to|from|since|until|by|with|as|through|throughout|during|over|than|because|"
    r"if|when|while|outside|inside|across|around|into|onto|near|along|among|between|under|before|after|against)\b)[a-z]"
)
_QUARTER = re.compile(
    r"\b(?:first|second|third|fourth|latest|the|fiscal|year-ago|year-earlier)[- ]quarter\b", re.IGNORECASE
)


_PAST_PARTICIPLE = r"(?-i:\b(?!hundred\b|un)[a-z][a-z]{2,}(?<!e)ed\b)"
# before an -ed word: a form of "be" (passive: the auxiliary carries the tense) or a
# determiner (an adjective: "the planned merger")
_NOT_A_VERB_BEFORE = re.compile(
    r"\b(?:be|been|being|is|are|am|was|were|'s|'re|get|gets|got|a|an|the|its|his|her|their|our|this|that|still)"
    r"[^\S\n]+(?:\w+ly[^\S\n]+)?$",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _tense_cues() -> re.Pattern[str]:
    """Return the pattern of the tense cues: the ``tense_cues`` table, then any -ed verb.

    Matched in lower case only, so the month "May" is not the modal "may".
    """
    words = alternation(table("tense_cues"))
    return re.compile(rf"(?<![\w'])(?P<cue>{words})(?!\w)|(?P<ed>{_PAST_PARTICIPLE})")


def tense_cues(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """Return (start, end, direction) of the tense cues in ``text[start:end]``.

    A cue phrase from the table wins over the words inside it ("is expected" is future,
    not the participle "expected"). An -ed word is past unless it is a passive participle
    after a form of "be" ("was delayed": the auxiliary carries the tense), an adjective
    after a determiner ("the planned merger") or an un- adjective ("unspecified"), or
    capitalised (a name: "the United States").

    >>> [d for _, _, d in tense_cues("He said it will be completed and was delayed.", 0, 45)]
    [-1, 1, -1]
    """
    found = []
    cues = table("tense_cues")
    for match in _tense_cues().finditer(text, start, end):
        way = int(cues[re.sub(r"\s+", " ", match["cue"])][0]) if match["cue"] else -1
        if way > 0 or not _NOT_A_VERB_BEFORE.search(text, max(0, match.start() - 20), match.start()):
            found.append((match.start(), match.end(), way))
    return found


def tense(text: str, start: int, end: int) -> int:
    """Return -1 (past), +1 (future) or 0 from the tense cue nearest the span in its sentence.

    >>> tense("He will arrive on Friday.", 18, 24), tense("He arrived Friday.", 11, 17)
    (1, -1)
    >>> tense("The talks are expected to resume on Friday.", 36, 42), tense("He is in the United States Friday.", 27, 33)
    (1, 0)
    """
    left = max(
        (m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 200), start)),
        default=max(0, start - 200),
    )
    stop = _SENTENCE_END.search(text, end, end + 200)
    right = stop.start() if stop else min(len(text), end + 200)
    best, distance = 0, len(text) + 1
    for cue_start, cue_end, way in tense_cues(text, left, right):
        gap = start - cue_end if cue_end <= start else cue_start - end
        if 0 <= gap < distance:
            best, distance = way, gap
    return best


@lru_cache(maxsize=1)
def _date_signal() -> re.Pattern[str]:
    """Return the pattern of a ``date_signals`` word right before a span ("payable ", "since ")."""
    return re.compile(
        rf"(?<![\w'])(?P<signal>{alternation(table('date_signals'))})[^\S\n]+(?:(?:early|mid|late)[^\S\n]+)?$",
        re.IGNORECASE,
    )


def direction(text: str, start: int, end: int) -> int:
    """Return which way a weekday or month name looks: its signal word if any, else the tense.

    >>> text = "The dividend was declared, payable Nov. 20. He said it rose since March."
    >>> direction(text, 35, 42), direction(text, 66, 71)
    (1, -1)
    """
    return _signal(text, start) or tense(text, start, end)


def _signal(text: str, start: int) -> int:
    """Return the direction of a ``date_signals`` word right before ``start`` (0 if none)."""
    found = _date_signal().search(text, max(0, start - 24), start)
    return int(table("date_signals")[re.sub(r"\s+", " ", found["signal"].lower())][0]) if found else 0


# ---------------------------------------------------------------------------
# normalisers: one per expression family
# ---------------------------------------------------------------------------

_VAGUE_REFS = {"recent": "PAST_REF", "coming": "FUTURE_REF", "future": "FUTURE_REF"}
_MODS = {"early": "START", "mid": "MID", "late": "END", "earlier": "START", "later": "END"}
_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _mod(word: str | None) -> str | None:
    """Return the TIMEX3 mod of a START/MID/END word (early, mid, late)."""
    return _MODS.get(word.lower().rstrip("-")) if word else None


def _year(text: str) -> int:
    """Return a four-digit or apostrophe year ('98 -> 1998) as an int."""
    digits = text.strip("'’")
    if len(digits) == 2:
        number = int(digits)
        return 1900 + number if number >= 30 else 2000 + number
    return int(digits)


def read_iso(m: re.Match[str], ctx: Context) -> Reading | None:
    """2023-03-13 or 2023-03-13 14:05 -> DATE or TIME."""
    year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
    if not valid_day(year, month, day):
        return None
    value = f"{year:04d}-{month:02d}-{day:02d}"
    if m["hh"]:
        return Reading("TIME", f"{value}T{m['hh']}:{m['mm']}")
    return Reading("DATE", value)


def read_slashed(m: re.Match[str], ctx: Context) -> Reading | None:
    """3/13/2023 (US month/day/year) -> DATE."""
    year, month, day = _year(m["y"]), int(m["m"]), int(m["d"])
    if not valid_day(year, month, day):
        return None
    return Reading("DATE", f"{year:04d}-{month:02d}-{day:02d}")


def day_of_month(written: str) -> int:
    """Return the day number of "5", "05" or "5th".

    >>> day_of_month("5th"), day_of_month("21")
    (5, 21)
    """
    return int(written.rstrip("stndrh"))


# "May 3 or 4, 1999": the year after the second day is the first day's year too
_SHARED_YEAR = re.compile(
    r",?[^\S\n]+(?:and|or|to|through)[^\S\n]+\d{1,2}(?:st|nd|rd|th)?,?[^\S\n]+(?P<year>1\d{3}|20\d{2})\b"
)


def read_month_date(m: re.Match[str], ctx: Context) -> Reading | None:
    """Sept. 8, 2023 / 8 September / March 2019 / June last year / early September -> DATE.

    "June last year" is one expression (one TIMEX3): the year phrase says which June.
    """
    month = int(table("months")[m["month"].lower()][0])
    if not m["day"] and _NUMBER_BEFORE.search(ctx.text, max(0, m.start("t") - 6), m.start("t")):
        return None
    shared = _SHARED_YEAR.match(ctx.text, m.end("t")) if m["day"] and not (m["year"] or m["rel"]) else None
    explicit = m["year"] is not None or shared is not None
    if explicit:
        year_text = f"{_year(m['year'] or shared['year']):04d}"
    elif m["rel"]:
        year_text = shift(ctx.dct, "year", int(table("shifters")[m["rel"].lower()][0]))
    else:
        looks = direction(ctx.text, m.start("t"), m.end("t"))
        year_text = month_year(ctx.dct, month, looks, day_of_month(m["day"]) if m["day"] else 0)
    if m["day"]:
        day = day_of_month(m["day"])
        check_year = int(year_text) if year_text.isdigit() else 2000
        if not valid_day(check_year, month, day):
            return None
        value = f"{year_text}-{month:02d}-{day:02d}"
    else:
        if m["month"] in ("May", "March") and not (explicit or m["rel"] or m["mod"] or m["lead"]):
            return None
        if "abbreviation" in table("months")[m["month"].lower()] and not (explicit or m["rel"]):
            return None
        value = f"{year_text}-{month:02d}"
    return Reading("DATE", value, _mod(m["mod"]), relative=not explicit, group="t")


def read_year(m: re.Match[str], ctx: Context) -> Reading | None:
    """1987 / fiscal 1987 / mid-1990 -> DATE."""
    return Reading("DATE", f"{int(m['year']):04d}", _mod(m["mod"]))


def read_spoken_year(m: re.Match[str], ctx: Context) -> Reading | None:
    """nineteen ninety-six / the year two thousand / two thousand and one -> DATE."""
    if m["century"]:
        rest = parse_number(m["rest"])
        if rest is None or not 10 <= rest < 100 or m["rest"].lower().startswith(("a", "an")):
            return None
        return Reading("DATE", f"{int(parse_number(m['century'])) * 100 + int(rest):04d}")
    if not (m["theyear"] or _YEAR_PREPOSITION.search(ctx.text, max(0, m.start() - 8), m.start())):
        return None
    number = parse_number(m["rest2"]) if m["rest2"] else 0
    if number is None or not float(number).is_integer() or not 0 <= number < 100:
        return None
    return Reading("DATE", f"{2000 + int(number):04d}")


def read_century(m: re.Match[str], ctx: Context) -> Reading | None:
    """the 20th century / the early nineteenth century / 21st-century -> DATE 19 / 18 / 20 (TIMEX3 century digits)."""
    ordinal = m["ord"].lower()
    number = int(ordinal[:-2]) if ordinal[0].isdigit() else int(table("ordinals")[ordinal][0])
    if not 1 <= number <= 21:
        return None
    return Reading("DATE", f"{number - 1:02d}", _mod(m["mod"]))


def read_spoken_decade(m: re.Match[str], ctx: Context) -> Reading | None:
    """the nineties / the early eighties -> DATE 199 / 198.

    >>> rule = {name: pattern for name, pattern, _ in compiled_rules()}["spoken decade"]
    >>> read_spoken_decade(rule.search("in the early eighties"), Context("", None))
    Reading(type='DATE', value='198', mod='START', relative=False, group=None)
    """
    return Reading("DATE", f"19{table('decade_words')[m['decade'].lower()][0]}", _mod(m["mod"]))


def read_holiday(m: re.Match[str], ctx: Context) -> Reading | None:
    """Christmas / Thanksgiving Day 1999 / Labor Day -> DATE of that year (nearest the document date)."""
    rule = table("holidays")[re.sub(r"\s+", " ", m["name"].lower())][0]
    month = int(rule[:2])
    if m["year"]:
        year_text = f"{_year(m['year']):04d}"
    else:
        year_text = month_year(ctx.dct, month)
    if not year_text.isdigit():
        value = f"XXXX-{rule}" if "-" in rule else f"XXXX-{month:02d}"
        return Reading("DATE", value, relative=True)
    if "-" in rule:
        return Reading("DATE", f"{year_text}-{rule}", relative=not m["year"])
    _, weekday, n = rule.split(":")
    return Reading(
        "DATE", nth_weekday(int(year_text), month, int(weekday), int(n)).isoformat(), relative=not m["year"]
    )


def read_decade(m: re.Match[str], ctx: Context) -> Reading | None:
    """the 1990s / the '90s / the early 1980s -> DATE 199 / 198."""
    digits = m["decade"]
    century = m["century"] or "19"
    return Reading("DATE", f"{century}{digits[0]}", _mod(m["mod"]))


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
    amount = int(table("shifters")[re.sub(r"\s+", " ", shifter.lower())][0]) if shifter else None
    if amount is not None and amount < 0:
        previous_monday = ctx.dct - timedelta(days=ctx.dct.isoweekday() - 1 + 7)
        return (previous_monday + timedelta(days=weekday - 1)).isoformat()
    looks = amount if amount is not None else direction(ctx.text, start, end) or -1
    day = weekday_date(ctx.dct, weekday, looks)
    if amount and day <= ctx.dct:
        day = weekday_date(ctx.dct + timedelta(days=1), weekday, 1)
    return day.isoformat()


def read_weekday(m: re.Match[str], ctx: Context) -> Reading | None:
    """Monday / last Friday / Monday night -> DATE or TIME anchored on the document date; Sundays / Tuesday nights -> SET."""
    part = m["part"]
    if m["every"] or m["parts"]:
        if m["shift"] or (m["every"] and part and not m["parts"]):
            return None
        code = f"T{table('day_parts')[part.lower()][0]}" if part else ""
        return Reading("SET", f"XXXX-WXX-{table('weekdays')[m['weekday'].lower()][0]}{code}")
    value = weekday_value(ctx, m["weekday"], m["shift"], m.start(), m.end())
    if part:
        code = table("day_parts")[part.lower()][0]
        return Reading("TIME", f"{value}T{code}", _mod(m["mod"]), relative=True)
    return Reading("DATE", value, _mod(m["mod"]), relative=True)


# "today's" followed by an optional adjective and the noun it owns
_POSSESSED = re.compile(r"['’]s(?:[^\S\n]+(?P<adjective>[a-z-]+))?[^\S\n]+(?P<noun>[a-z]+)\b")


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


# an acronym right before a capitalised "Today" makes a name ("USA Today", "VOA Today")
_ACRONYM_BEFORE = re.compile(r"(?<![\w.])[A-Z]{2,}[^\S\n]+$")


def read_relative_day(m: re.Match[str], ctx: Context) -> Reading | None:
    """today / yesterday / tomorrow / tonight / yesterday morning -> DATE or TIME."""
    if m["rel"].lower() == "today" and not m["part"] and generic_today(ctx.text, m.end()):
        return None
    if m["rel"] in ("Today", "Tonight") and _ACRONYM_BEFORE.search(
        ctx.text, max(0, m.start() - 12), m.start()
    ):
        return None  # a newspaper or programme name
    offset, *code = table("relative_days")[m["rel"].lower()]
    value = shift(ctx.dct, "day", int(offset))
    part = m["part"]
    if part:
        code = [table("day_parts")[part.lower()][0]]
    if code:
        return Reading("TIME", f"{value}T{code[0]}", _mod(m["mod"]), relative=True)
    return Reading("DATE", value, _mod(m["mod"]), relative=True)


def read_part_of_today(m: re.Match[str], ctx: Context) -> Reading | None:
    """this morning / last night / mid-afternoon -> TIME on the document date."""
    if not (m["shift"] or m["mod"]):
        return None
    code = table("day_parts")[m["part"].lower()][0]
    offset = -1 if (m["shift"] or "").lower() == "last" else 0
    return Reading("TIME", f"{shift(ctx.dct, 'day', offset)}T{code}", _mod(m["mod"]), relative=True)


def read_shifted_unit(m: re.Match[str], ctx: Context) -> Reading | None:
    """this week / last year / next month / earlier this month -> DATE at that granularity."""
    amount = int(table("shifters")[re.sub(r"\s+", " ", m["shift"].lower())][0])
    unit = m["unit"].lower()
    if unit == "weekend":
        value = shift(ctx.dct, "week", amount)
        return Reading("DATE", f"{value}-WE", _mod(m["mod"]), relative=True)
    granularity = table("units")[unit][1]
    return Reading("DATE", shift(ctx.dct, granularity, amount), _mod(m["mod"]), relative=True)


def read_shifted_month(m: re.Match[str], ctx: Context) -> Reading | None:
    """last April / next September / last Oct. 23 -> DATE month (or day) of the right year."""
    month = int(table("months")[m["month"].lower()][0])
    amount = int(table("shifters")[m["shift"].lower()][0])
    day = f"-{day_of_month(m['day']):02d}" if m["day"] else ""
    if ctx.dct is None:
        return Reading("DATE", f"XXXX-{month:02d}{day}", _mod(m["mod"]), relative=True)
    year = ctx.dct.year
    if amount < 0 and month >= ctx.dct.month:
        year -= 1
    elif amount > 0 and month <= ctx.dct.month:
        year += 1
    if day and not valid_day(year, month, int(day[1:])):
        return None
    return Reading("DATE", f"{year:04d}-{month:02d}{day}", _mod(m["mod"]), relative=True)


def read_season(m: re.Match[str], ctx: Context) -> Reading | None:
    """summer 2019 / last summer / this fall -> DATE YYYY-SU."""
    code = table("seasons")[m["season"].lower()][0]
    if not (m["lead"] or m["the"] or m["shift"] or m["year"] or m["mod"]):
        return None
    if m["year"]:
        return Reading("DATE", f"{_year(m['year']):04d}-{code}", _mod(m["mod"]), group="t")
    shifter = (m["shift"] or "this").lower()
    amount = int(table("shifters")[shifter][0])
    if ctx.dct is None:
        return Reading("DATE", f"XXXX-{code}", _mod(m["mod"]), relative=True, group="t")
    year = ctx.dct.year
    started = ctx.dct.month >= _SEASON_MONTH[code]
    ongoing = started and ctx.dct.month < _SEASON_MONTH[code] + 3
    if amount < 0 and (not started or ongoing):
        year -= 1
    elif amount > 0 and started:
        year += 1
    return Reading("DATE", f"{year:04d}-{code}", _mod(m["mod"]), relative=True, group="t")


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
        return Reading("DATE", f"{_year(explicit):04d}-{letter}{number}")
    if ctx.dct is None:
        return Reading("DATE", f"XXXX-{letter}{number}", relative=True)
    year = ctx.dct.year
    if m["ago"]:
        year = int(reporting_quarter(ctx.dct, 1)[:4])
    elif m["shift"]:
        year += int(table("shifters")[m["shift"].lower()][0])
    elif number > ((ctx.dct.month - 1) // (12 // count)) + 1 and tense(ctx.text, m.start(), m.end()) < 0:
        year -= 1
    return Reading("DATE", f"{year:04d}-{letter}{number}", relative=True)


def reporting_quarter(anchor: date, years_back: int = 0) -> str:
    """Return the last quarter completed before ``anchor`` (what business news reports on).

    >>> reporting_quarter(date(1989, 10, 26)), reporting_quarter(date(1990, 1, 15), 1)
    ('1989-Q3', '1988-Q4')
    """
    quarter = add_months(anchor, -3 - 12 * years_back)
    return format_date(quarter, "quarter")


def read_the_unit(m: re.Match[str], ctx: Context) -> Reading | None:
    """the year / the quarter / the current fiscal year / the weekend -> DATE around the document date."""
    unit = m["unit"].lower()
    words = {w.lower() for w in re.findall(r"\w+", m["t"])}
    whole = words & {"full", "entire", "whole"}
    if whole or (m["prep"] or "").lower() in ("for", "throughout") and unit != "quarter":
        return Reading("DURATION", "P2D" if unit == "weekend" else duration_value(1, unit), group="t")
    if ctx.dct is None:
        value = UNRESOLVED["week" if unit == "weekend" else table("units")[unit][1]]
        return Reading("DATE", value + ("-WE" if unit == "weekend" else ""), relative=True, group="t")
    if unit == "weekend":
        direction = tense(ctx.text, m.start("t"), m.end("t"))
        amount = 0 if ctx.dct.isoweekday() >= 6 or direction > 0 else -1
        return Reading("DATE", shift(ctx.dct, "week", amount) + "-WE", relative=True, group="t")
    if unit == "quarter" and not words & {"current", "this"}:
        return Reading("DATE", reporting_quarter(ctx.dct), relative=True, group="t")
    return Reading("DATE", shift(ctx.dct, table("units")[unit][1], 0), relative=True, group="t")


def about_quarters(text: str, start: int) -> bool:
    """Tell whether the report, up to the sentence at ``start``, is about quarterly figures.

    In an earnings report "a year ago" means the same quarter a year before.

    >>> about_quarters("Third-quarter profit rose. Sales fell from a year ago.", 40)
    True
    """
    stop = _SENTENCE_END.search(text, start)
    return _QUARTER.search(text, 0, stop.start() if stop else len(text)) is not None


def read_year_ago(m: re.Match[str], ctx: Context) -> Reading | None:
    """the year-ago quarter / the year-earlier period / the 1988 quarter -> DATE of that (reporting) period.

    >>> text = "Profit rose from the year-ago quarter."
    >>> rule = {name: pattern for name, pattern, _ in compiled_rules()}["year ago"]
    >>> read_year_ago(rule.search(text), Context(text, date(2023, 3, 13))).value
    '2021-Q4'
    """
    if ctx.dct is None and not m["year"]:
        return Reading("DATE", UNRESOLVED["year"], relative=True)
    quarterly = (
        m["unit"] and m["unit"].lower() == "quarter" or (ctx.dct and about_quarters(ctx.text, m.start()))
    )
    if m["year"]:
        year = _year(m["year"])
        if quarterly and ctx.dct is not None:
            return Reading("DATE", f"{year:04d}-" + reporting_quarter(ctx.dct)[5:], relative=True)
        return Reading("DATE", f"{year:04d}")
    if quarterly:
        return Reading("DATE", reporting_quarter(ctx.dct, 1), relative=True)
    return Reading("DATE", shift(ctx.dct, "year", -1), relative=True)


_HOURS = {"second": 1 / 3600, "minute": 1 / 60, "hour": 1}


def read_ago(m: re.Match[str], ctx: Context) -> Reading | None:
    """two days ago / a year earlier / three weeks from now / ten minutes ago -> DATE at the unit's granularity.

    Clock units give the day they reach ("10 minutes ago" is today, "48 hours ago" two days
    back): the document date has no time of day. "An hour earlier" measures from an event
    the text told, so it is a DURATION, like "an hour later".
    """
    amount = parse_number(m["num"])
    unit = _singular(m["unit"])
    granularity = table("units")[unit][1]
    direction = -1 if m["dir"].lower() in ("ago", "earlier", "before") else 1
    if granularity == "time":
        if m["dir"].lower() == "earlier":
            return Reading("DURATION", duration_value(amount, unit), _prefix_mod(m["pre"]))
        days = int((amount or 0) * _HOURS[unit] // 24)
        return Reading("DATE", shift(ctx.dct, "day", direction * days), _prefix_mod(m["pre"]), relative=True)
    if amount is None or not float(amount).is_integer():
        ref = "PAST_REF" if direction < 0 else "FUTURE_REF"
        return Reading("DATE", ref, _prefix_mod(m["pre"]), relative=True)
    if (
        unit == "year"
        and amount == 1
        and m["dir"].lower() in ("ago", "earlier")
        and ctx.dct
        and about_quarters(ctx.text, m.start())
    ):
        return Reading("DATE", reporting_quarter(ctx.dct, 1), _prefix_mod(m["pre"]), relative=True)
    return Reading(
        "DATE", shift(ctx.dct, granularity, direction * int(amount)), _prefix_mod(m["pre"]), relative=True
    )


def read_year_end(m: re.Match[str], ctx: Context) -> Reading | None:
    """year-end / by year's end / since year end / next year-end -> DATE of that year, mod END.

    The end of a year is written like "the end of the year" (the year, mod END); a bare
    "year-end" is the coming one unless "since" or the tense points back.
    """
    if m["shift"]:
        amount = int(table("shifters")[m["shift"].lower()][0])
    else:
        amount = -1 if direction(ctx.text, m.start(), m.end()) < 0 else 0
    return Reading("DATE", shift(ctx.dct, "year", amount), "END", relative=True)


def read_anaphor(m: re.Match[str], ctx: Context) -> Reading | None:
    """that day / the following year / later that month -> DATE, first anchored on the document date.

    ``helpers.timex`` re-anchors it on the last date the text mentioned (``anaphor_value``).
    """
    granularity, offset = table("anaphora")[re.sub(r"\s+", " ", m["phrase"].lower())]
    return Reading("DATE", shift(ctx.dct, granularity, int(offset)), _mod(m["mod"]), relative=True)


@lru_cache(maxsize=1)
def _anaphora() -> re.Pattern[str]:
    """Return the pattern of an ``anaphora`` table phrase."""
    return re.compile(rf"\b{alternation(table('anaphora'))}\b", re.IGNORECASE)


_REFERENCE = re.compile(r"(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?(?:T.*)?")


def anaphor_value(phrase: str, reference: str) -> str | None:
    """Return the value of an anaphoric phrase anchored on a previous date value (None if not a date).

    Parts the reference does not give stay ``X`` ("that day" after "1998-10" is 1998-10-XX).

    >>> anaphor_value("the following year", "1995-06-02"), anaphor_value("later that same day", "1998-10")
    ('1996', '1998-10-XX')
    >>> anaphor_value("the next day", "1998-12-31"), anaphor_value("the previous day", "2024-03-01")
    ('1999-01-01', '2024-02-29')
    """
    found = _REFERENCE.fullmatch(reference)
    said = _anaphora().search(phrase)
    if not found or not said:
        return None
    entry = table("anaphora")[re.sub(r"\s+", " ", said.group().lower())]
    granularity, offset = entry[0], int(entry[1])
    year, month, day = found["y"], found["m"], found["d"]
    if (
        granularity == "year"
        or (month and granularity == "month")
        or (day and granularity in ("day", "week"))
    ):
        anchor = date(int(year), int(month or 1), int(day or 1))
        return shift(anchor, granularity, offset)
    return f"{year}-{month}-XX" if month and granularity == "day" else year + UNRESOLVED[granularity][4:]


def _singular(word: str) -> str:
    """Return the table form of a unit word (weeks -> week, centuries -> century)."""
    word = word.lower()
    for unit in table("units"):
        if word in (unit, plural(unit)):
            return unit
    if word == "millenniums":
        return "millennium"
    raise KeyError(word)


def _prefix_mod(words: str | None) -> str | None:
    """Return the mod named by a prefix such as "more than" or "about"."""
    if not words:
        return None
    return table("modifiers")[re.sub(r"\s+", " ", words.lower())][0]


def duration_value(amount: float | None, unit: str) -> str:
    """Return the TIMEX3 duration of ``amount`` ``unit`` (None = unspecified X).

    >>> duration_value(6, "week"), duration_value(None, "decade"), duration_value(3, "hour"), duration_value(2, "decade")
    ('P6W', 'PXDE', 'PT3H', 'P20Y')
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


# a fraction of a unit written in the next smaller one, as TIMEX3 values do
# ("2 1/2 years" = P2Y6M, "5 1/2 hours" = PT5H30M, "a minute and a half" = PT1M30S):
# (letter, granularity) -> smaller letter, how many in one, separator before it (T: hours after days)
_SMALLER_UNIT = {
    ("Y", "year"): ("M", 12, ""),
    ("H", "time"): ("M", 60, ""),
    ("M", "time"): ("S", 60, ""),
    ("D", "day"): ("H", 24, "T"),
}


def _number(amount: float) -> str:
    """Return an amount without a trailing .0 (2.0 -> '2', 1.5 -> '1.5')."""
    return str(int(amount)) if float(amount).is_integer() else str(amount)


# "a <unit>" right after a quantity is the denominator of a rate ("$500 million a year",
# "700 seats a week", "24 hours a day"), not a length of time: TimeML guidelines leave
# rate expressions unmarked (both corpora agree 8 to 3). "a second" before a noun is the
# ordinal ("a second group").
_QUANTITY_BEFORE = re.compile(
    r"(?:\d[\d,.]*%?|\b(?:million|billion|trillion|thousand|hundred|percent|cents?|dollars?))(?:[^\S\n]+[a-z]+)?[^\S\n]+$",
    re.IGNORECASE,
)


def _not_a_length(m: re.Match[str], ctx: Context) -> bool:
    """Tell whether "a <unit>" is a rate's denominator or the ordinal "a second" (not a duration)."""
    if (m["num"] or "").lower() not in ("a", "an") or m["pre"] or m["lead"]:
        return False
    if m["unit"].lower() == "second" and _NOUN_AFTER.match(ctx.text, m.end()):
        return True
    return _QUANTITY_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start()) is not None


def read_duration(m: re.Match[str], ctx: Context) -> Reading | None:
    """two days / more than three years / the past six months / several weeks -> DURATION."""
    if m["dir"] and m["num"]:
        return read_ago(m, ctx)
    if _not_a_length(m, ctx):
        return None
    unit = _singular(m["unit"])
    if not m["num"]:
        if unit == m["unit"].lower() or unit == "quarter":
            return None
        lead = (m["lead"] or "").lower()
        if lead in _VAGUE_REFS:
            return Reading("DATE", _VAGUE_REFS[lead], relative=False)
    amount = parse_number(m["num"]) if m["num"] else None
    if m["num"] and amount is None and m["num"].lower() not in table("vague_numbers"):
        return None
    if m["half"]:
        amount = (amount or 0) + 0.5
    return Reading("DURATION", duration_value(amount, unit), _prefix_mod(m["pre"]))


def read_compound_duration(m: re.Match[str], ctx: Context) -> Reading | None:
    """three-day / 10-year -> DURATION; ages ("a 6-year-old boy") are not temporal expressions."""
    amount = parse_number(m["num"])
    if amount is None or m["old"]:
        return None
    return Reading("DURATION", duration_value(amount, _singular(m["unit"])))


def read_unit_adjective(m: re.Match[str], ctx: Context) -> Reading | None:
    """centuries-old / years-long -> DURATION PX<unit>; day-long / yearlong -> one unit."""
    if m["one"]:
        return Reading("DURATION", duration_value(1, m["one"].lower()))
    return Reading("DURATION", duration_value(None, _singular(m["unit"])))


def read_week_of(m: re.Match[str], ctx: Context) -> Reading | None:
    """the week of March 6 / the week of Feb. 18, 2013 -> DATE, the ISO week holding that day."""
    value = calendar_day(ctx, m["month"], m["day"], m["year"], m.start(), m.end())
    if value is None:
        return None
    if value.startswith("X"):
        return Reading("DATE", UNRESOLVED["week"], relative=True)
    return Reading("DATE", format_date(date.fromisoformat(value), "week"), relative=not m["year"])


def read_second_day(m: re.Match[str], ctx: Context) -> Reading | None:
    """the "25" of "April 24 and 25" / "May 3 or 4, 1999" -> DATE in the month named before it."""
    if _NOUN_AFTER.match(ctx.text, m.end()):
        return None  # "on May 3 and 4 people died": a count, not a day
    value = calendar_day(ctx, m["month"], m["day"], m["year"], m.start(), m.end())
    return None if value is None else Reading("DATE", value, relative=not m["year"], group="t")


# "as soon as <clause>" and "soon after/before <event>" are connectives (TimeML SIGNALs),
# not temporal expressions; "as soon as possible" is one
_SOON_AS_CONNECTIVE = re.compile(r"[^\S\n]+(?:as(?![^\S\n]+possible\b)|after|before)\b", re.IGNORECASE)


def read_reference(m: re.Match[str], ctx: Context) -> Reading | None:
    """now / recently / the future / as soon as possible -> DATE PRESENT_REF, PAST_REF, FUTURE_REF."""
    if m["ref"].lower() == "soon" and _SOON_AS_CONNECTIVE.match(ctx.text, m.end()):
        return None
    if m["ref"] == "Now" and ctx.text.startswith(",", m.end()):
        return None  # "Now, he says, ...": a discourse marker opening the sentence
    return Reading("DATE", table("references")[re.sub(r"\s+", " ", m["ref"].lower())][0])


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
    """2 p.m. / around 10:35 a.m. / noon Thursday / 5 p.m. EST, Nov. 6 -> TIME (a clock time with its day is one TIMEX3)."""
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
    return Reading("TIME", f"{day}T{clock}", _prefix_mod(m["pre"]), relative=not m["year"])


def calendar_day(
    ctx: Context, month_name: str, day_text: str, year_text: str | None, start: int, end: int
) -> str | None:
    """Return the value of a month name, day and optional year (None if the day does not exist).

    >>> calendar_day(Context("until Nov. 9", date(1989, 11, 2)), "Nov.", "9", None, 6, 12)
    '1989-11-09'
    """
    month, day = int(table("months")[month_name.lower()][0]), day_of_month(day_text)
    year = (
        f"{_year(year_text):04d}"
        if year_text
        else month_year(ctx.dct, month, direction(ctx.text, start, end), day)
    )
    if not valid_day(int(year) if year.isdigit() else 2000, month, day):
        return None
    return f"{year}-{month:02d}-{day:02d}"


def read_rate(m: re.Match[str], ctx: Context) -> Reading | None:
    """twice a week / three times a year -> SET P1W, P1Y (the span is "a week")."""
    return Reading("SET", duration_value(1, _singular(m["unit"])), group="t")


def read_frequency(m: re.Match[str], ctx: Context) -> Reading | None:
    """daily / weekly / every year / each Monday -> SET."""
    if m["freq"]:
        if _DETERMINER.search(ctx.text, max(0, m.start() - 8), m.start()) or _NOUN_AFTER.match(
            ctx.text, m.end()
        ):
            return None
        if _QUANTITY_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start()):
            return None  # a rate ("rise 8.5% annually", "10,000 units annually"), like "$5 a year"
        return Reading("SET", table("frequencies")[m["freq"].lower()][0])
    if m["weekday"]:
        return Reading("SET", f"XXXX-WXX-{table('weekdays')[m['weekday'].lower()][0]}")
    if m.group().lower().startswith("per") and _QUANTITY_BEFORE.search(
        ctx.text, max(0, m.start() - 30), m.start()
    ):
        return None  # a rate ("15 million instructions per second"), not a repetition in time
    amount = parse_number(m["num"]) if m["num"] else 1
    if amount is None:
        return None
    return Reading("SET", duration_value(amount, _singular(m["unit"])))


# ---------------------------------------------------------------------------
# the grammar: pattern -> normaliser, most specific first
# ---------------------------------------------------------------------------


def _number_words() -> str:
    """Return the pattern of a number in digits or words (twenty-five, 3,250, a couple of)."""
    words = alternation([w for w in table("numbers") if w not in ("couple", "half", "dozen")])
    return (
        rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+{BLANK}[1-3]/[2-4]|\d+(?:\.\d+)?|a{BLANK}couple{BLANK}of|a{BLANK}dozen|half{BLANK}an?|an?|"
        rf"{words}(?:(?:-|{BLANK}(?:and{BLANK})?){words})*(?:{BLANK}and{BLANK}a{BLANK}half)?)"
    )


def placeholder_words() -> dict[str, list[str]]:
    """Return the word lists that rule patterns name as <NAME> (each becomes an alternation).

    >>> placeholder_words()["UNITS"][:3]
    ['seconds', 'minutes', 'hours']
    """
    units = table("units")
    return {
        "VAGUE": list(table("vague_numbers")),
        "UNIT": [form for unit in units for form in (unit, plural(unit))] + ["millenniums"],
        "UNIT1": list(units),
        "UNITS": [plural(u) for u in units],
        "MONTH": list(table("months")),
        "WEEKDAY": list(table("weekdays")),
        "HOLIDAY": list(table("holidays")),
        "ORD": list(table("ordinals")),
        "SEASON": list(table("seasons")),
        "PART": [p for p, (code,) in table("day_parts").items() if not code[0].isdigit()],
        "CLOCKWORD": [p for p, (code,) in table("day_parts").items() if code[0].isdigit()],
        "RELDAY": list(table("relative_days")),
        "SHIFT": list(table("shifters")),
        "MOD": list(table("modifiers")),
        "REF": list(table("references")),
        "FREQ": list(table("frequencies")),
        "UNITADJ": list(table("unit_adjectives")),
        "ANAPHORA": list(table("anaphora")),
        "DECADEWORD": list(table("decade_words")),
    }


_CAPITALISED = ("MONTH", "WEEKDAY", "HOLIDAY")  # names: matched Capitalised or UPPER case only


def _placeholders() -> dict[str, str]:
    """Return the regex pieces that rule patterns name as <NAME>."""
    pieces = {
        name: (capitalised if name in _CAPITALISED else alternation)(words)
        for name, words in placeholder_words().items()
    }
    return pieces | {
        "_": BLANK,
        "NUM": _number_words(),
        "SMEMOD": r"(?:early|mid|late)",
        "YEARAGO": r"(?:year[- ](?:earlier|ago)|prior[- ]year|previous[- ]year)",
        "YEAR": r"(?:1[0-9]{3}|20[0-9]{2})",
        "DAY": r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?",
    }


Normaliser = Callable[[re.Match[str], Context], Reading | None]

# Each rule: name, pattern (with <PLACEHOLDERS>), normaliser. Earlier rules win ties.
GRAMMAR: tuple[tuple[str, str, Normaliser], ...] = (
    (
        "iso date",
        r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<hh>[01]\d|2[0-3]):(?P<mm>[0-5]\d)(?::\d\d)?)?\b",
        read_iso,
    ),
    (
        "slashed date",
        r"(?<![\d/])(?P<m>1[0-2]|0?[1-9])/(?P<d>[12]\d|3[01]|0?[1-9])/(?P<y>\d{4}|\d{2})\b(?!/)",
        read_slashed,
    ),
    (
        "month day year",
        r"(?:\b(?P<lead>in|since|until|by|of|during|from|through|before|after)<_>)?(?P<t>(?:<WEEKDAY>,?<_>)?"
        r"(?:(?P<mod><SMEMOD>)(?:-|<_>))?\b(?P<month><MONTH>)(?!\w)(?:<_>(?P<day><DAY>)\b)?(?:,?<_>(?P<year><YEAR>)\b|<_>(?P<rel>last|this|next)<_>year\b)?)",
        read_month_date,
    ),
    (
        "day month year",
        r"\b(?P<t>(?P<lead>)(?P<mod>)(?P<day><DAY>)<_>(?:of<_>)?(?P<month><MONTH>)(?!\w)(?:,?<_>(?P<year><YEAR>)\b|<_>(?P<rel>last|this|next)<_>year\b)?)",
        read_month_date,
    ),
    (
        "week of",
        r"\b(?:the<_>)?week<_>of<_>(?P<month><MONTH>)(?!\w)<_>(?P<day><DAY>)\b(?:,?<_>(?P<year><YEAR>)\b)?",
        read_week_of,
    ),
    (
        "second day",
        r"\b(?-i:(?=[A-Z]))(?P<month><MONTH>)(?!\w)<_><DAY>,?<_>(?:and|or|to|through)<_>(?P<t>(?P<day><DAY>)\b(?![-.,:/]?\d)(?:,?<_>(?P<year><YEAR>)\b)?)",
        read_second_day,
    ),
    (
        "decade",
        r"\b(?:the<_>)?(?:(?P<mod><SMEMOD>)(?:-|<_>))?(?:(?P<century>1[0-9]|20)|')(?P<decade>[0-9]0)'?s\b",
        read_decade,
    ),
    (
        "year",
        r"(?<![\w$€£.,/-])(?:the<_>year<_>)?(?P<fiscal>(?:fiscal|calendar)<_>)?(?:(?P<mod><SMEMOD>)(?:-|<_>))?(?P<year><YEAR>)\b"
        r"(?![-.,/]?\d|%|<_>(?:percent|per<_>cent|GMT|UTC)\b)"
        r"(?(fiscal)|(?!<_>(?!(?:was|is|has|as|this|its|his|thus|unless|plus|us|versus|whereas|less)\b)[a-z]+s\b))",
        read_year,
    ),
    (
        "spoken year",
        r"\b(?:(?P<theyear>the<_>year)<_>)?(?:(?P<century>nineteen|eighteen)(?:<_>hundred(?:<_>and)?)?<_>(?P<rest><NUM>)|"
        r"two<_>thousand(?:<_>(?:and<_>)?(?P<rest2><NUM>))?)\b",
        read_spoken_year,
    ),
    (
        "century",
        r"\b(?:the<_>)?(?:(?P<mod><SMEMOD>)(?:-|<_>))?(?P<ord>\d{1,2}(?:st|nd|rd|th)|<ORD>)(?:-|<_>)century\b",
        read_century,
    ),
    (
        "spoken decade",
        r"\b(?:the<_>)?(?:(?P<mod><SMEMOD>)(?:-|<_>))?(?P<decade><DECADEWORD>)\b",
        read_spoken_decade,
    ),
    (
        "quarter",
        r"\b(?:(?:the<_>)?(?P<shift>this|last|next)<_>year's<_>|(?:the<_>)?(?:(?P<y2><YEAR>)<_>|(?P<ago><YEARAGO>)<_>)?"
        r"(?:fiscal[- ]|calendar<_>)?)(?P<ord><ORD>)(?:-|<_>)(?P<part>quarter|half)\b(?:<_>of<_>(?:fiscal<_>)?(?P<year><YEAR>)\b)?",
        read_quarter,
    ),
    (
        "year ago",
        r"\b(?:(?:the<_>)?(?:(?P<year><YEAR>)|<YEARAGO>)<_>(?:fiscal<_>)?(?P<unit>quarter|period|year)\b|"
        r"<YEARAGO>(?=<_>(?:profits?|results?|earnings|levels?|figures?|sales|net|income|loss)\b))",
        read_year_ago,
    ),
    ("holiday", r"\b(?P<name><HOLIDAY>)(?!\w)(?:,?<_>(?P<year><YEAR>)\b)?", read_holiday),
    (
        "weekday",
        r"\b(?:(?P<shift><SHIFT>)<_>)?(?:(?P<mod>early|late)<_>)?(?P<weekday><WEEKDAY>)(?P<every>s)?(?!\w)"
        r"(?:<_>(?P<part>morning|afternoon|evening|night)(?P<parts>s)?\b)?",
        read_weekday,
    ),
    (
        "relative day",
        r"\b(?:(?P<mod>early|late)<_>)?(?P<rel><RELDAY>)\b(?:<_>(?P<part><PART>)\b)?",
        read_relative_day,
    ),
    (
        "part of today",
        r"\b(?:(?P<mod>early|late|mid|earlier|later)(?:-|<_>))?(?:(?P<shift>this|last)<_>)?(?P<part><PART>)\b",
        read_part_of_today,
    ),
    (
        "shifted month",
        r"\b(?P<mod>)(?P<shift>last|next|this)<_>(?P<month><MONTH>)(?!\w)(?:<_>(?P<day><DAY>)\b)?",
        read_shifted_month,
    ),
    (
        "season",
        r"\b(?:(?P<lead>in|during|by|until|since|through|over)<_>)?(?P<t>(?:(?P<mod><SMEMOD>)(?:-|<_>))?(?:(?P<the>the)<_>)?"
        r"(?:(?P<shift><SHIFT>)<_>)?(?P<season><SEASON>)\b(?:(?:<_>of)?<_>(?P<year><YEAR>)\b)?)",
        read_season,
    ),
    ("year end", r"\b(?:(?P<shift>this|last|next)<_>)?year(?:'s<_>|[- ]|<_>)end\b(?!ed|s)", read_year_end),
    ("anaphoric date", r"\b(?:(?P<mod>earlier|later)<_>)?(?P<phrase><ANAPHORA>)\b", read_anaphor),
    (
        "shifted unit",
        r"\b(?:(?P<mod>earlier|later|early|late)<_>)?(?:the<_>)?(?P<shift><SHIFT>)<_>(?P<unit>week|weekend|month|quarter|year|decade|century)\b(?!-)",
        read_shifted_unit,
    ),
    (
        "the unit",
        r"\b(?:(?P<prep>for|throughout|during|in|of|over)<_>)?(?P<t>the<_>(?:(?:current|full|fiscal|calendar|entire|whole|latest|"
        r"most<_>recent)<_>){0,2}(?P<unit>year|quarter|month|week|weekend))\b(?!-|<_>(?:before|after|earlier|ago|of)\b)",
        read_the_unit,
    ),
    (
        "rate",
        r"\b(?:times|twice|once)<_>(?P<t>an?<_>(?P<unit><UNIT1>))\b(?!<_>(?:ago|earlier|later|before|after)\b)",
        read_rate,
    ),
    (
        "duration",
        r"\b(?:(?P<pre><MOD>)<_>)?(?:the<_>)?(?:(?P<lead>past|last|next|first|coming|previous|final|latest|recent|future)<_>)?"
        r"(?:(?P<num><NUM>|<VAGUE>)<_>)?(?:<UNITADJ><_>)?(?P<unit><UNIT>)\b(?!-|<_>old\b)"
        r"(?:(?P<half><_>and<_>a<_>half\b)|<_>(?P<dir>ago|earlier|from<_>now|hence)\b)?",
        read_duration,
    ),
    (
        "compound duration",
        r"\b(?P<num><NUM>)-(?P<unit><UNIT1>)(?:-(?:(?P<old>old)|long))?\b",
        read_compound_duration,
    ),
    ("unit adjective", r"\b(?:(?P<unit><UNITS>)-(?:old|long)|(?P<one><UNIT1>)-?long)\b", read_unit_adjective),
    ("reference", r"\b(?P<ref><REF>)\b", read_reference),
    (
        "clock",
        r"\b(?:(?P<pre><MOD>)<_>)?(?:(?P<hh>[01]?\d|2[0-3])(?::(?P<mm>[0-5]\d))?<_>?(?P<ampm>[ap]\.m\.?|[ap]m\b|<_>?o'clock)|"
        r"(?P<hh24>)(?P<word><CLOCKWORD>)\b)(?:<_>(?:[A-Z]{2}T|GMT|UTC|local<_>time)\b)?(?:(?:<_>on|,)?<_>(?:(?P<day><WEEKDAY>|<RELDAY>)\b|"
        r"(?P<month><MONTH>)(?!\w)<_>(?P<mday><DAY>)\b(?:,?<_>(?P<year><YEAR>)\b)?))?",
        read_clock,
    ),
    (
        "frequency",
        r"\b(?:(?P<freq><FREQ>)|(?:every|each|per)<_>(?:(?P<weekday><WEEKDAY>)|(?:(?P<num><NUM>)<_>)?(?P<unit><UNIT>)))\b",
        read_frequency,
    ),
)


@lru_cache(maxsize=1)
def _pieces() -> dict[str, str]:
    """Return the placeholder table (built once)."""
    return _placeholders()


def compile_rule(pattern: str) -> re.Pattern[str]:
    """Fill a rule pattern's <PLACEHOLDERS> and compile it (case-insensitive).

    >>> bool(compile_rule(r"\\b<MONTH><_>(?P<d>\\d+)").search("on Sept. 19"))
    True
    """
    pieces = _pieces()
    return re.compile(re.sub(r"<([A-Z_][A-Z0-9]*)>", lambda m: pieces[m.group(1)], pattern), re.IGNORECASE)


_TOKEN = re.compile(r"[^\W\d_]+|\d+(?:[:/-]|'?s\b|[^\S\n]*(?:[ap]\.?m\b|o'clock))?")


@lru_cache(maxsize=1)
def trigger_words() -> frozenset[str]:
    """Return the lower-cased words of which every temporal expression holds at least one.

    >>> {"monday", "weeks", "yesterday"} <= trigger_words()
    True
    """
    words = {"weekend", "half", "millenniums", "nineteen", "eighteen", "thousand"} | {
        f"{u}long" for u in table("units")
    }
    for name in (
        "units",
        "relative_days",
        "references",
        "frequencies",
        "seasons",
        "day_parts",
        "months",
        "weekdays",
        "decade_words",
        "holidays",
    ):
        for entry in table(name):
            head = entry.split()[-1].rstrip(".'s")
            words.update((head, plural(head), head + "s"))
    return frozenset(words)


NUMBER = "#"  # the word of a number: ``triggers`` gives it date-like numbers, ``helpers.timex`` any digit


def triggers(text: str) -> list[tuple[int, int, str]]:
    """Return the spans of trigger words and date-like numbers (years, 2 p.m., 9/19, 6-) in ``text``, with the word.

    The word is lower-cased, or ``NUMBER`` for a number.

    >>> triggers("He left on Monday at 2 p.m., not in 42 cars.")
    [(11, 17, 'monday'), (21, 26, '#')]
    """
    heads = trigger_words()
    found = []
    for token in _TOKEN.finditer(text):
        word = token.group()
        if word[0].isdigit():
            if len(word) == 4 or not word.isdigit():
                found.append((*token.span(), NUMBER))
        elif (word := word.lower()) in heads:
            found.append((*token.span(), word))
    return found


# Rule -> its signature: words one of which every match of the rule holds as a whole word.
# <NAME> stands for each word of that placeholder (a suffix after it is added to each),
# NUMBER for a digit. ``helpers.timex`` does not search a stretch of text with a rule when
# the stretch holds none of its signature's trigger words (nor a digit, for NUMBER). A rule
# left out, or whose signature has a form without a trigger word, is searched everywhere.
# Keep a signature true when editing its rule: tests/test_timex.py compares the tagger with
# one that searches everywhere.
SIGNATURES: dict[str, str] = {
    "iso date": NUMBER,
    "slashed date": NUMBER,
    "month day year": "<MONTH>",
    "day month year": "<MONTH>",
    "week of": "week",
    "second day": "<MONTH>",
    "decade": NUMBER,
    "year": NUMBER,
    "spoken year": "nineteen eighteen thousand",
    "century": "century",
    "spoken decade": "<DECADEWORD>",
    "quarter": "quarter half",
    "year ago": f"{NUMBER} year",
    "holiday": "<HOLIDAY>",
    "weekday": "<WEEKDAY> <WEEKDAY>s",
    "relative day": "<RELDAY>",
    "part of today": "<PART>",
    "shifted month": "<MONTH>",
    "season": "<SEASON>",
    "year end": "year",
    "anaphoric date": "<ANAPHORA>",
    "shifted unit": "week weekend month quarter year decade century",
    "the unit": "year quarter month week weekend",
    "rate": "<UNIT1>",
    "duration": "<UNIT>",
    "compound duration": "<UNIT1>",
    "unit adjective": "<UNITS> <UNIT1> <UNIT1>long",
    "reference": "<REF>",
    "clock": f"{NUMBER} <CLOCKWORD>",
    "frequency": "<FREQ> <WEEKDAY> <UNIT>",
}

_LETTERS = re.compile(r"[^\W\d_]+")


def signature_words(signature: str) -> frozenset[str] | None:
    """Return the trigger words of a rule signature; None when some form of it holds none.

    >>> sorted(signature_words("<SEASON>")), signature_words("time")
    (['autumn', 'fall', 'spring', 'summer', 'winter'], None)
    """
    words: set[str] = set()
    for item in signature.split():
        for form in _signature_forms(item):
            heads = (
                {NUMBER} if form == NUMBER else {w.lower() for w in _LETTERS.findall(form)} & trigger_words()
            )
            if not heads:
                return None
            words |= heads
    return frozenset(words) or None


def _signature_forms(item: str) -> list[str]:
    """Return what a signature item stands for: each word of its <NAME> placeholder plus the suffix, or itself.

    >>> _signature_forms("<SEASON>s")[:2], _signature_forms("week")
    (['springs', 'summers'], ['week'])
    """
    name = re.match(r"<([A-Z0-9]+)>", item)
    return [word + item[name.end() :] for word in placeholder_words()[name[1]]] if name else [item]


@lru_cache(maxsize=1)
def compiled_rules() -> tuple[tuple[str, re.Pattern[str], Normaliser], ...]:
    """Return the grammar with every pattern compiled (built once).

    >>> {name: pattern for name, pattern, _ in compiled_rules()}["year"].search("in fiscal 1987").group()
    'fiscal 1987'
    """
    return tuple((name, compile_rule(pattern), normaliser) for name, pattern, normaliser in GRAMMAR)


@lru_cache(maxsize=1)
def signatures() -> tuple[frozenset[str] | None, ...]:
    """Return each rule's signature trigger words, in ``compiled_rules()`` order (None: search everywhere).

    >>> dict(zip([name for name, _, _ in GRAMMAR], signatures()))["century"]
    frozenset({'century'})
    """
    return tuple(signature_words(SIGNATURES.get(name, "")) for name, _, _ in GRAMMAR)
