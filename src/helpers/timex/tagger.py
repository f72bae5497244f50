"""The tagger: run the grammar over a text, keep the longest non-overlapping matches, anchor them.

``find_timexes(text, dct)`` searches each rule of ``helpers.timex.grammar`` in the
stretches of text around its trigger words, keeps the longest matches that do not
overlap (earlier rules winning ties), and anchors relative expressions ("last week",
"on Monday", "two days ago") on the document creation time ``dct``; weekday and month
names look back or ahead by the tense of their sentence. Anaphoric expressions ("that
day", "the following year") and clock times without their day ("at 10 p.m.") anchor on
the last date the text mentioned. Without a ``dct`` relative values keep TimeML's ``X``
placeholders and ``resolved`` is False.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from helpers.timex.context import Context, anaphor_value
from helpers.timex.grammar import NUMBER, Rule, compile_rule, rules, triggers
from helpers.timex.lexicon import lookup, table

_REACH_BACK = 36  # longest prefix a rule reads before its trigger word: "no more than the past twenty" (29)
_REACH_AHEAD = 24  # longest suffix after it: " and a half", " from now", ", 2022"
_DIGIT = re.compile(r"\d")


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
    alternatives = "|".join(
        re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True)
    )
    return re.compile(rf"\b(?P<phrase>{alternatives})\s+$", re.IGNORECASE)


def windows(text: str) -> list[tuple[int, int, frozenset[str] | None]]:
    """Return the stretches of ``text`` around trigger words, merged, where rules can match, with their trigger words.

    The words hold ``NUMBER`` when the stretch holds a digit. They are None when the
    stretch is not plain ASCII (case-insensitive matching then reaches letters such as
    "ſ" that lower-casing does not map), so every rule searches it.

    >>> text = "Nothing to see here at all, nothing at all, as the man said. He left on Monday."
    >>> [(text[start:end], words) for start, end, words in windows(text)]
    [('at all, as the man said. He left on Monday.', frozenset({'monday'}))]
    """
    merged: list[tuple[int, int, set[str]]] = []
    for head, tail, word in triggers(text):
        start = max(0, head - _REACH_BACK)
        end = min(len(text), tail + _REACH_AHEAD)
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        while end < len(text) and not text[end].isspace():
            end += 1
        start = max(start, text.rfind("\n", 0, head) + 1)
        line_end = text.find("\n", tail)
        end = min(end, line_end if line_end >= 0 else len(text))
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]), merged[-1][2] | {word})
        else:
            merged.append((start, end, {word}))
    return [(start, end, _stretch_words(text, start, end, words)) for start, end, words in merged]


def _stretch_words(text: str, start: int, end: int, words: set[str]) -> frozenset[str] | None:
    """Return the trigger words of ``text[start:end]``, with NUMBER if it holds a digit; None if it is not ASCII.

    >>> sorted(_stretch_words("at 2 a.m. today", 0, 15, {"today"})), _stretch_words("naïve today", 0, 11, {"today"})
    (['#', 'today'], None)
    """
    if not text[start:end].isascii():
        return None
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
        for start, end, words in stretches:
            if _searched(rule.trigger_words, words):
                yield from ((rule, m) for m in rule.regex.finditer(text, start, end) if m.end() > m.start())


def _candidates(text: str, dct: date | None, grammar: tuple[Rule, ...]) -> list[Timex]:
    """Return every rule match around the trigger words of ``text`` as a Timex (overlapping)."""
    ctx = Context(text, dct)
    found = []
    for rule, match in _matches(text, grammar):
        reading = rule.normalise(match, ctx)
        if reading is None:
            continue
        start, end = match.span(reading.group) if reading.group else match.span()
        resolved = not (reading.relative and dct is None)
        found.append(
            Timex(
                start,
                end,
                text[start:end],
                reading.type,
                reading.value,
                reading.mod,
                reading.relative,
                resolved,
                rule.name,
            )
        )
    return found


def _longest_first(candidates: list[Timex]) -> list[Timex]:
    """Keep the longest candidates that do not overlap, earlier rules winning ties, in text order."""
    order = {rule.name: rank for rank, rule in enumerate(rules())}
    kept: list[Timex] = []
    for timex in sorted(candidates, key=lambda t: (t.start - t.end, order[t.rule], t.start)):
        if all(timex.end <= k.start or timex.start >= k.end for k in kept):
            kept.append(timex)
    return sorted(kept, key=lambda t: t.start)


def _with_span_modifier(timex: Timex, text: str) -> Timex:
    """Extend a DATE or TIME over a preceding "the end of" / "the beginning of" and set its mod."""
    if timex.mod or timex.type not in ("DATE", "TIME"):
        return timex
    found = _span_modifier().search(text, max(0, timex.start - 30), timex.start)
    if not found:
        return timex
    start = found.start("phrase")
    return replace(
        timex, start=start, text=text[start : timex.end], mod=lookup("modifiers", found["phrase"])[0]
    )


_ANAPHORIC_RULE = "anaphoric date"
_CLOCK_RULE = "clock"
_DATE_VALUE = re.compile(r"\d{4}(?:-\d{2}){0,2}(?:T.*)?")
_DAY_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}")


@lru_cache(maxsize=1)
def _day_name() -> re.Pattern[str]:
    """Return the pattern of a word naming a day in a clock time ("Friday", "tomorrow", "Nov.")."""
    return compile_rule(r"\b(?:<WEEKDAY>|<RELDAY>|<MONTH>)(?!\w)")


def _narrative_value(timex: Timex, reference: str) -> str | None:
    """Return the value of an anaphoric date or a clock time without its day read against the last date mentioned."""
    if timex.rule == _ANAPHORIC_RULE:
        return anaphor_value(timex.text, reference)
    if timex.rule == _CLOCK_RULE and _DAY_VALUE.match(reference) and not _day_name().search(timex.text):
        return reference[:10] + timex.value[timex.value.index("T") :]
    return None


def _anchored_on_the_narrative(timexes: list[Timex]) -> list[Timex]:
    """Re-anchor "that day", "the following year", "at 10 p.m." ... on the last date mentioned before them.

    TimeML news annotation resolves such anaphoric expressions against the narrative's
    last explicit date ("fled in June 1998 and returned later that year" = 1998), not
    the document date; without an earlier date they keep the document-date reading.
    """
    anchored, reference = [], None
    for timex in timexes:
        value = _narrative_value(timex, reference.value) if reference else None
        if value is not None:
            timex = replace(timex, value=value, relative=reference.relative, resolved=reference.resolved)
        if timex.type in ("DATE", "TIME") and _DATE_VALUE.fullmatch(timex.value):
            reference = timex
        anchored.append(timex)
    return anchored


# The non-ASCII letters that case-insensitive patterns match as ASCII letters ("weekſ" as
# "weeks"): the grammar reads a copy with their ASCII twins, so table lookups find them.
_ASCII_TWINS = str.maketrans({"\u0130": "I", "\u0131": "i", "\u017f": "s", "\u212a": "K"})


def find_timexes(text: str, dct: date | None = None) -> list[Timex]:
    """Return the temporal expressions of ``text`` in order, relative ones anchored on ``dct``.

    >>> [(t.text, t.type, t.value) for t in find_timexes("He left last week.", date(2023, 3, 13))]
    [('last week', 'DATE', '2023-W10')]
    """
    scan = text.translate(_ASCII_TWINS)
    found = _anchored_on_the_narrative(
        [_with_span_modifier(t, scan) for t in _longest_first(_candidates(scan, dct, rules()))]
    )
    return found if scan == text else [replace(t, text=text[t.start : t.end]) for t in found]
