"""Find temporal expressions in English news text and normalise them to TimeML TIMEX3 values.

``find_timexes(text, dct)`` runs the grammar of ``helpers.timex_rules`` over the text,
keeps the longest non-overlapping matches, and anchors relative expressions ("last
week", "on Monday", "two days ago") on the document creation time ``dct``. Without a
``dct`` those values keep TimeML's ``X`` placeholders and ``resolved`` is False.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from helpers.timex_rules import Context, compiled_rules, table

TYPES = ("DATE", "TIME", "DURATION", "SET")


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
    alternatives = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"\b(?P<phrase>{alternatives})\s+$", re.IGNORECASE)


def _candidates(text: str, dct: date | None) -> list[Timex]:
    """Return every rule match in ``text`` as a Timex (overlapping)."""
    ctx = Context(text, dct)
    found = []
    for name, pattern, normalise in compiled_rules():
        for match in pattern.finditer(text):
            if match.end() == match.start():
                continue
            reading = normalise(match, ctx)
            if reading is None:
                continue
            start, end = match.span(reading.group) if reading.group else match.span()
            resolved = not (reading.relative and dct is None)
            found.append(
                Timex(start, end, text[start:end], reading.type, reading.value, reading.mod, reading.relative, resolved, name)
            )
    return found


def _longest_first(candidates: list[Timex]) -> list[Timex]:
    """Keep the longest candidates that do not overlap, earlier rules winning ties, in text order."""
    order = {name: rank for rank, (name, _, _) in enumerate(compiled_rules())}
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
    mod = table("modifiers")[re.sub(r"\s+", " ", found["phrase"].lower())][0]
    start = found.start("phrase")
    return Timex(start, timex.end, text[start : timex.end], timex.type, timex.value, mod, timex.relative, timex.resolved, timex.rule)


def find_timexes(text: str, dct: date | None = None) -> list[Timex]:
    """Return the temporal expressions of ``text`` in order, relative ones anchored on ``dct``.

    >>> [(t.text, t.type, t.value) for t in find_timexes("He left last week.", date(2022, 9, 19))]
    [('last week', 'DATE', '2022-W37')]
    """
    return [_with_span_modifier(t, text) for t in _longest_first(_candidates(text, dct))]
