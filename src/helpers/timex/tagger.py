"""The tagger: run the grammar over a text, keep the longest non-overlapping matches, anchor them.

``find_timexes(text, dct, mode=...)`` searches each rule of ``helpers.timex.grammar`` in
the stretches of text around its trigger words, keeps the longest matches that do not
overlap (earlier rules winning ties), and anchors relative expressions. Deictic ones
("last week", "today", "two days ago") anchor on the document creation time ``dct``;
under-specified ones ("in June", "two days later") on the last fully specified date
the text told where the text narrates the past (``mode="auto"``), or always on one of
the two (``"narrative"``, ``"news"``). Anaphoric expressions ("that day", "the
following year") and clock times without their day ("at 10 p.m.") anchor on the last
date the text mentioned in every mode. Without a ``dct`` and an earlier date, relative
values keep TimeML's ``X`` placeholders and ``resolved`` is False.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from helpers.timex.calendar import as_proxy, before_christ, shift_value, value_bounds
from helpers.timex.context import Context, anaphor_value, as_date, nearest_cue
from helpers.timex.grammar import NUMBER, Reading, Rule, compile_rule, rules, triggers
from helpers.timex.lexicon import table

_REACH_BACK = 36  # longest prefix a rule reads before its trigger word: "no more than the past twenty" (29)
_REACH_AHEAD = 24  # longest suffix after it: " and a half", " from now", ", 2022"
_LONGEST_TOKEN = 48  # a window grows to whole tokens, but no further: space-less text is no expression
_DIGIT = re.compile(r"\d")
# A letter or digit outside ASCII: ``\w`` is ``str.isalnum`` or "_", and "_" is ASCII.
_NON_ASCII_WORD_CHARACTER = re.compile(r"[^\W\x00-\x7f]")


@dataclass(frozen=True)
class Timex:
    """A temporal expression: ``text == source[start:end]``, TIMEX3 ``type``, ``value`` and ``mod``.

    ``relative`` says the value depends on the document date; ``resolved`` is False when
    it does but no date was given (the value then holds ``X`` placeholders).
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None
    relative: bool = False
    resolved: bool = True
    rule: str = ""


@lru_cache(maxsize=1)
def _span_modifier() -> re.Pattern[str]:
    """Return the pattern of a START/MID/END phrase just before a date ("the end of ")."""
    phrases = [w for w, (mod,) in table("modifiers").items() if mod in ("START", "MID", "END") and " " in w]
    phrases += list(table("span_modifiers"))
    alternatives = "|".join(
        re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True)
    )
    return re.compile(rf"\b(?P<phrase>{alternatives})\s+$", re.IGNORECASE)


def windows(text: str) -> list[tuple[int, int, frozenset[str] | None]]:
    """Return the stretches of ``text`` around trigger words, merged, where rules can match, with their trigger words.

    The words hold ``NUMBER`` when the stretch holds a digit. They are None when the
    stretch holds a letter or digit outside ASCII (case-insensitive matching then reaches
    letters such as "ſ" that lower-casing does not map), so every rule searches it;
    typographic quotes and dashes, letters of no word, leave the words as they are.

    >>> text = "Nothing to see here at all, nothing at all, as the man said. He left on Monday."
    >>> [(text[start:end], words) for start, end, words in windows(text)]
    [('at all, as the man said. He left on Monday.', frozenset({'monday'}))]
    """
    merged: list[tuple[int, int, set[str]]] = []
    for head, tail, word in triggers(text):
        start = max(0, head - _REACH_BACK)
        end = min(len(text), tail + _REACH_AHEAD)
        start, end = _whole_tokens(text, start, end)
        start = max(start, text.rfind("\n", start, head) + 1)
        line_end = text.find("\n", tail, end)
        end = line_end if line_end >= 0 else end
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]), merged[-1][2] | {word})
        else:
            merged.append((start, end, {word}))
    return [(start, end, _stretch_words(text, start, end, words)) for start, end, words in merged]


def _whole_tokens(text: str, start: int, end: int) -> tuple[int, int]:
    """Return ``start`` moved back and ``end`` ahead to the edges of their tokens.

    Each moves at most ``_LONGEST_TOKEN`` characters.

    >>> _whole_tokens("on Monday morning", 5, 12), _whole_tokens("x" * 100, 50, 51)
    ((3, 17), (2, 99))
    """
    low, high = max(0, start - _LONGEST_TOKEN), min(len(text), end + _LONGEST_TOKEN)
    while start > low and not text[start - 1].isspace():
        start -= 1
    while end < high and not text[end].isspace():
        end += 1
    return start, end


def _stretch_words(text: str, start: int, end: int, words: set[str]) -> frozenset[str] | None:
    """Return the trigger words of ``text[start:end]``, with NUMBER if it holds a digit; None for a non-ASCII letter.

    >>> sorted(_stretch_words("at 2 a.m. today", 0, 15, {"today"})), _stretch_words("naïve today", 0, 11, {"today"})
    (['#', 'today'], None)
    >>> sorted(_stretch_words("“It’s today”", 0, 12, {"today"}))
    ['today']
    """
    if _NON_ASCII_WORD_CHARACTER.search(text, start, end):
        return None  # every character re.IGNORECASE reads as an ASCII letter (ſ, K, ı, İ) is a letter
    return frozenset(words | {NUMBER}) if _DIGIT.search(text, start, end) else frozenset(words)


def _searched(signature: frozenset[str] | None, words: frozenset[str] | None) -> bool:
    """Say whether a rule with these trigger words can match in a window holding these words.

    >>> _searched(frozenset({"week"}), frozenset({"monday"})), _searched(None, frozenset({"monday"}))
    (False, True)
    """
    return signature is None or words is None or not signature.isdisjoint(words)


def _matches(text: str, grammar: tuple[Rule, ...]) -> Iterator[tuple[Rule, re.Match[str]]]:
    """Yield the non-empty matches of each rule in turn, in the windows its trigger words allow.

    >>> [(rule.name, match.group()) for rule, match in _matches("He left on Monday.", rules())]
    [('weekday', 'Monday')]
    """
    stretches = windows(text)
    for rule in grammar:
        signature = rule.trigger_words
        for start, end, words in stretches:
            if _searched(signature, words):
                # a loop, not a generator inside the generator
                for match in rule.regex.finditer(text, start, end):
                    if match.end() > match.start():
                        yield rule, match


class _Found(NamedTuple):
    """A candidate expression with the rule and match that read it (to read it again on another anchor)."""

    timex: Timex
    rule: Rule
    match: re.Match[str]


_FIVE_DIGIT_YEAR = re.compile(r"\d{5}")


def _read(rule: Rule, match: re.Match[str], ctx: Context) -> Reading | None:
    """Return the rule's reading of a match; None when the anchor's neighbourhood leaves years 1-9999.

    Calendar arithmetic past the calendar's ends ("next year" in 9999) raises, or
    writes a five-digit year; such a reading is no TIMEX3 value.
    """
    try:
        reading = rule.normalise(match, ctx)
    except (OverflowError, ValueError):
        return None
    return None if reading is not None and _FIVE_DIGIT_YEAR.match(reading.value) else reading


def _candidates(ctx: Context, grammar: tuple[Rule, ...]) -> list[_Found]:
    """Return every rule match around the trigger words of the text as a Timex (overlapping).

    A relative reading the document date cannot give (beyond year 9999) is read
    without it: its value keeps ``X`` placeholders and ``resolved`` is False.
    """
    found = []
    for rule, match in _matches(ctx.text, grammar):
        reading, anchor = _read(rule, match, ctx), ctx.dct
        if reading is None and anchor is not None:
            reading, anchor = _read(rule, match, replace(ctx, dct=None)), None
        if reading is None:
            continue
        start, end = match.span(reading.group) if reading.group else match.span()
        resolved = not (reading.relative and anchor is None)
        timex = Timex(
            start,
            end,
            ctx.text[start:end],
            reading.type,
            reading.value,
            reading.mod,
            reading.relative,
            resolved,
            rule.name,
        )
        found.append(_Found(timex, rule, match))
    return found


def _longest_first(candidates: list[_Found]) -> list[_Found]:
    """Keep the longest candidates that do not overlap, earlier rules winning ties, in text order.

    The kept spans never overlap, so sorted by start they are sorted by end too: a
    candidate can only overlap the kept span just before it or just after it.
    """
    order = {rule.name: rank for rank, rule in enumerate(rules())}
    starts: list[int] = []
    kept: list[_Found] = []
    for found in sorted(
        candidates, key=lambda f: (f.timex.start - f.timex.end, order[f.rule.name], f.timex.start)
    ):
        timex = found.timex
        at = bisect.bisect_right(starts, timex.start)
        if (at and kept[at - 1].timex.end > timex.start) or (
            at < len(kept) and kept[at].timex.start < timex.end
        ):
            continue
        starts.insert(at, timex.start)
        kept.insert(at, found)
    return kept


_OF_THAT_YEAR = re.compile(r"[^\S\n]+of[^\S\n]+$", re.IGNORECASE)
_MONTH_OF_THAT_YEAR = "month of that year"


def _of_that_year(found: list[_Found], text: str) -> list[_Found]:
    """Join a month and the anaphoric year after it into one expression, read on the narrative.

    For example "August of that year".
    """
    joined: list[_Found] = []
    for item in found:
        before = joined[-1].timex if joined else None
        if (
            before is not None
            and before.rule in ("month day year", "day month year")
            and before.relative
            and item.timex.rule == _ANAPHORIC_RULE
            and table("anaphora").get(re.sub(r"\s+", " ", item.timex.text.lower())) == ("year", "0")
            and _OF_THAT_YEAR.match(text, before.end, item.timex.start)
        ):
            span = text[before.start : item.timex.end]
            joined[-1] = joined[-1]._replace(
                timex=replace(before, end=item.timex.end, text=span, rule=_MONTH_OF_THAT_YEAR)
            )
            continue
        joined.append(item)
    return joined


def _swallowing(found: list[_Found]) -> list[_Found]:
    """Drop the expressions an extended one now covers.

    For example "early morning" inside "the early morning hours of 30 April".
    """
    kept: list[_Found] = []
    for item in found:
        while kept and kept[-1].timex.end > item.timex.start:
            kept.pop()
        kept.append(item)
    return kept


def _with_span_modifier(timex: Timex, text: str) -> Timex:
    """Extend a DATE or TIME over a preceding "the end of" / "the beginning of" and set its mod."""
    if timex.mod or timex.type not in ("DATE", "TIME"):
        return timex
    found = _span_modifier().search(text, max(0, timex.start - 30), timex.start)
    if not found:
        return timex
    start = found.start("phrase")
    phrase = re.sub(r"\s+", " ", found["phrase"].lower())
    mod = (table("modifiers").get(phrase) or table("span_modifiers")[phrase])[0]
    return replace(timex, start=start, text=text[start : timex.end], mod=mod)


_ANAPHORIC_RULE = "anaphoric date"
_CLOCK_RULE = "clock"
_DATE_VALUE = re.compile(r"(?:BC)?\d{4}(?:-\d{2}){0,2}(?:T.*)?")
_DAY_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}")


@lru_cache(maxsize=1)
def _day_name() -> re.Pattern[str]:
    """Return the pattern of a word naming a day in a clock time ("Friday", "tomorrow", "Nov.")."""
    return compile_rule(r"\b(?:<WEEKDAY>|<RELDAY>|<MONTH>)(?!\w)")


def _anaphor_value(timex: Timex, reference: str) -> str | None:
    """Return the value of an anaphoric date or a clock time without its day read against the last date mentioned."""
    if reference.startswith("BC"):
        return before_christ(_anaphor_value(timex, as_proxy(reference)), reference)
    if timex.rule == _ANAPHORIC_RULE:
        try:
            return anaphor_value(timex.text, reference)
        except (OverflowError, ValueError):
            return None  # "the following year" after 9999
    if timex.rule == _CLOCK_RULE and _DAY_VALUE.match(reference) and not _day_name().search(timex.text):
        return reference[:10] + timex.value[timex.value.index("T") :]
    return None


def _narrative_value(found: _Found, reference: str, ctx: Context) -> str | None:
    """Return the value of a relative expression read on the reference date instead of the document date.

    The expression is read on the first and on the last day the reference covers
    ("1940" is 1940-01-01 to 1940-12-31); when the two readings differ, the reference
    is too coarse to say ("Monday" after "1940") and the result is None.
    """
    if reference.startswith("BC"):
        return before_christ(_narrative_value(found, as_proxy(reference), ctx), reference)
    bounds = value_bounds(reference)
    if bounds is None:
        return None
    first, last = (
        _read(found.rule, found.match, replace(ctx, dct=day, narrative=True)) for day in bounds[:2]
    )
    if first is None or last is None or first.value != last.value or first.type != found.timex.type:
        return None
    return first.value


MODES = ("auto", "news", "narrative")
_WORD = re.compile(r"(?<!\bthe )\b[a-z]+")


def _deictic(text: str) -> bool:
    """Tell whether an expression holds a word pointing at the time of writing ("last", "today", "ago").

    After "the" a shifter points at the narrative's time instead ("the next month").

    >>> _deictic("last June"), _deictic("June 10"), _deictic("two days ago"), _deictic("the next month")
    (True, False, True, False)
    """
    return not table("deictic_words").keys().isdisjoint(_WORD.findall(text.lower()))


_NEIGHBOURS = 1000000  # expressions on each side whose dates say whether the text narrates the past
_YEAR_DAYS = 365


def _points_at(timex: Timex, dct: date) -> int:
    """Return +1 when an expression dates the past well before the document date, -1 for the writing time, else 0.

    An explicit date ending more than a year before the document date is the past
    ("June 1940"); a deictic expression ("last week", "today") or an explicit date within a
    year of the document date is the writing time.

    >>> dct = date(2009, 12, 19)
    >>> today = Timex(0, 5, "today", "DATE", "2009-12-19", relative=True)
    >>> _points_at(Timex(0, 9, "June 1940", "DATE", "1940-06"), dct), _points_at(today, dct)
    (1, -1)
    """
    if timex.relative:
        return -1 if _deictic(timex.text) or timex.rule == "weekday" else 0
    if timex.value.startswith("BC"):
        return 1
    bounds = value_bounds(timex.value) if timex.type in ("DATE", "TIME") else None
    if bounds is None:
        return 0
    gap = dct.toordinal() - bounds[1].toordinal()  # days; no date arithmetic past the calendar's ends
    return 1 if gap > _YEAR_DAYS else -1 if gap >= -_YEAR_DAYS else 0


def _narrating(found: list[_Found], dct: date | None) -> list[bool]:
    """Tell for each expression whether the text around it narrates the past.

    It does when its neighbours date the past more than the present.

    >>> items = [_Found(Timex(0, 9, "June 1940", "DATE", "1940-06"), None, None)]
    >>> _narrating(items, date(2009, 12, 19)), _narrating(items, None)
    ([True], [True])
    """
    if dct is None:
        return [True] * len(found)
    points = [_points_at(item.timex, dct) for item in found]
    sums = [0, *itertools.accumulate(points)]
    return [
        sums[min(len(points), i + _NEIGHBOURS + 1)] - sums[max(0, i - _NEIGHBOURS)] > 0
        for i in range(len(points))
    ]


def _narrates(timex: Timex, narrating: bool, ctx: Context, mode: str) -> bool:
    """Tell whether a relative expression anchors on the narrative's reference date rather than the document date.

    "news" never, "narrative" always; "auto" when the text around it narrates the past
    (``_narrating``), the expression is under-specified ("in June", "a year earlier";
    not the deictic "last June", "a year ago") and its sentence is not in the future
    tense, unless a future seen from the past ("would be pulled out by the next month").
    """
    if mode != "auto":
        return mode == "narrative"
    if not narrating or _deictic(timex.text):
        return False
    way, cue = nearest_cue(ctx.text, timex.start, timex.end)
    return way <= 0 or re.sub(r"\s+", " ", cue.lower()) in table("past_future_cues")


_LATER = re.compile(r"[^\S\n]+later\b", re.IGNORECASE)


def _later_date(timex: Timex, reference: Timex, text: str, following: int) -> Timex | None:
    """Return "two days later" as the DATE that far after the reference date (a vague amount: FUTURE_REF), or None.

    A narrative counts time on from its last date ("On June 10 ... twelve days later"
    = June 22); None when no "later" follows, or the amount is finer than the reference
    ("1940" and "two days later"). A length's mod becomes the point's ("less than a week
    later": BEFORE the day a week on).

    >>> june_10 = Timex(0, 0, "", "DATE", "1940-06-10")
    >>> _later_date(Timex(0, 8, "two days", "DURATION", "P2D"), june_10, "two days later", 14).value
    '1940-06-12'
    """
    after = _LATER.match(text, timex.end)
    if after is None or after.end() > following:
        return None
    if "X" in timex.value:
        value = "FUTURE_REF"
    else:
        moved = shift_value(reference.value, timex.value, 1)
        if moved is None or "/" in moved[2]:
            return None
        value = moved[2]
    span = text[timex.start : after.end()]
    mod = table("later_mods")[timex.mod.lower()][0] if timex.mod else None
    return replace(
        timex, end=after.end(), text=span, type="DATE", value=value, mod=mod, relative=True, rule="later"
    )


def _anchored(found: list[_Found], ctx: Context, mode: str) -> list[Timex]:
    """Anchor each relative expression on the document date or the reference time the text has moved to.

    Anaphoric expressions ("that day", "the following year") and clock times without
    their day ("at 10 p.m.") always read the last date mentioned, as TimeML news
    annotation does ("fled in June 1998 and returned later that year" = 1998); other
    relative expressions ("in June", "two days later") read it when ``_narrates``
    says so. Each date read becomes the reference of the next, except, where the
    text narrates, a deictic one read on the document date ("today" in a quotation).
    """
    anchored: list[Timex] = []
    reference: Timex | None = None
    for at, (item, narrating) in enumerate(zip(found, _narrating(found, ctx.dct))):
        timex, value = item.timex, None
        later = None
        if reference is not None and timex.type == "DURATION" and _narrates(timex, narrating, ctx, mode):
            following = found[at + 1].timex.start if at + 1 < len(found) else len(ctx.text)
            later = _later_date(timex, reference, ctx.text, following)
        if later is not None:
            timex = later
        elif reference is not None and timex.relative:
            value = _anaphor_value(timex, reference.value)
            if timex.rule == _MONTH_OF_THAT_YEAR or (
                value is None and timex.rule != _ANAPHORIC_RULE and _narrates(timex, narrating, ctx, mode)
            ):
                value = _narrative_value(item, reference.value, ctx)
            if value is not None:
                timex = replace(timex, value=value, relative=reference.relative, resolved=reference.resolved)
        moves = not (narrating and mode != "news" and value is None and _deictic(timex.text))
        if moves and timex.type in ("DATE", "TIME") and _DATE_VALUE.fullmatch(timex.value):
            reference = timex
        anchored.append(timex)
    return anchored


# The non-ASCII letters that case-insensitive patterns match as ASCII letters ("weekſ" as
# "weeks"): the grammar reads a copy with their ASCII twins, so table lookups find them.
_ASCII_TWINS = str.maketrans({"\u0130": "I", "\u0131": "i", "\u017f": "s", "\u212a": "K"})
_TWIN = re.compile("[\u0130\u0131\u017f\u212a]")


def find_timexes(text: str, dct: date | str | None = None, *, mode: str = "auto") -> list[Timex]:
    """Return the temporal expressions of ``text`` in order, relative ones anchored on ``dct`` or the narrative.

    ``dct`` is the document creation time (a date, a datetime or an ISO string).
    ``mode`` says what relative expressions anchor on: "news" the document date,
    "narrative" the last fully specified date the text mentioned, "auto" (the default)
    decides per expression (``_narrates``).

    >>> [(t.text, t.type, t.value) for t in find_timexes("He left last week.", date(2023, 3, 13))]
    [('last week', 'DATE', '2023-W10')]
    >>> [t.value for t in find_timexes("In June 1940 Italy entered the war. On June 10 it attacked.", "2009-12-19")]
    ['1940-06', '1940-06-10']
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
    # translate looks every character up in a dict (8 % of the tagger's time): only where a twin is
    scan = text.translate(_ASCII_TWINS) if _TWIN.search(text) else text
    ctx = Context(scan, as_date(dct))
    kept = [
        item._replace(timex=_with_span_modifier(item.timex, scan))
        for item in _longest_first(_candidates(ctx, rules()))
    ]
    found = _anchored(_of_that_year(_swallowing(kept), scan), ctx, mode)
    return found if scan == text else [replace(t, text=text[t.start : t.end]) for t in found]
