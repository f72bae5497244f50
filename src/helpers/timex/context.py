"""What the text around an expression says about its time: tense, direction, signals and the anchor.

A relative expression ("on Friday", "in June", "that year") is read against an anchor:
the document creation time (DCT) for news, or the reference time the narrative has
moved to (the last fully specified date) when the text tells the past. The tense of the
sentence and signal words ("since", "payable") decide which way a name looks from it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache

from helpers.timex.calendar import UNRESOLVED, month_year, shift
from helpers.timex.lexicon import alternation, lookup, placeholder_words, table


@dataclass(frozen=True)
class Context:
    """The text being tagged and the date relative expressions anchor on (``None`` when unknown).

    ``dct`` is the document creation time, or the narrative's reference date when the
    tagger re-reads an expression in narrative mode (``narrative`` is then True).
    ``facts`` caches what is read once per text (shared by the re-anchored copies).
    """

    text: str
    dct: date | None
    narrative: bool = False
    facts: dict = field(default_factory=dict, compare=False, repr=False)

    def sentence_ends(self) -> list[int]:
        """Return the offsets of the text's sentence ends, in order."""
        if "ends" not in self.facts:
            self.facts["ends"] = [m.start() for m in SENTENCE_END.finditer(self.text)]
        return self.facts["ends"]

    def first_quarter_end(self) -> int | None:
        """Return where the text first names a quarter of an earnings report ("third-quarter"), or None."""
        if "quarter" not in self.facts:
            found = _quarter().search(self.text)
            self.facts["quarter"] = found.end() if found else None
        return self.facts["quarter"]

    def year_of_month(self, month: int, looks: int = 0, day: int = 0) -> str:
        """Return the year of a month (and day) named without one: the narrative's year, or by ``month_year``.

        >>> narrative, news = Context("", date(1940, 3, 3), narrative=True), Context("", date(1940, 3, 3))
        >>> narrative.year_of_month(11, -1), news.year_of_month(11, -1)
        ('1940', '1939')
        """
        if self.narrative and self.dct is not None:
            return f"{self.dct.year:04d}"
        return month_year(self.dct, month, looks, day)


SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")

_PAST_PARTICIPLE = r"(?-i:\b(?!hundred\b|un)[a-z][a-z]{2,}(?<!e)ed\b)"


@lru_cache(maxsize=1)
def _not_a_verb_before() -> re.Pattern[str]:
    """Return the pattern of a form of "be" or a determiner (and an -ly adverb) just before an -ed word."""
    return re.compile(
        rf"\b{alternation(table('not_a_verb_before'))}[^\S\n]+(?:\w+ly[^\S\n]+)?$", re.IGNORECASE
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
        if way > 0 or not _not_a_verb_before().search(text, max(0, match.start() - 20), match.start()):
            found.append((match.start(), match.end(), way))
    return found


def tense(text: str, start: int, end: int) -> int:
    """Return -1 (past), +1 (future) or 0 from the tense cue nearest the span in its sentence.

    >>> tense("He will arrive on Friday.", 18, 24), tense("He arrived Friday.", 11, 17)
    (1, -1)
    >>> tense("The talks are expected to resume on Friday.", 36, 42)
    1
    >>> tense("He is in the United States Friday.", 27, 33)
    0
    """
    return nearest_cue(text, start, end)[0]


def nearest_cue(text: str, start: int, end: int) -> tuple[int, str]:
    """Return the direction and the words of the tense cue nearest the span in its sentence ((0, "") if none).

    >>> nearest_cue("He said they would leave by Friday.", 28, 34)
    (1, 'would')
    """
    left = max(
        (m.end() for m in SENTENCE_END.finditer(text, max(0, start - 200), start)),
        default=max(0, start - 200),
    )
    stop = SENTENCE_END.search(text, end, end + 200)
    right = stop.start() if stop else min(len(text), end + 200)
    best, distance = (0, ""), len(text) + 1
    for cue_start, cue_end, way in tense_cues(text, left, right):
        gap = start - cue_end if cue_end <= start else cue_start - end
        if 0 <= gap < distance:
            best, distance = (way, text[cue_start:cue_end]), gap
    return best


@lru_cache(maxsize=1)
def _date_signal() -> re.Pattern[str]:
    """Return the pattern of a ``date_signals`` word right before a span ("payable ", "since ")."""
    return re.compile(
        rf"(?<![\w'])(?P<signal>{alternation(table('date_signals'))})[^\S\n]+(?:{alternation(placeholder_words()['SMEMOD'])}[^\S\n]+)?$",
        re.IGNORECASE,
    )


def signal(text: str, start: int) -> int:
    """Return the direction of a ``date_signals`` word right before ``start`` (0 if none).

    >>> signal("payable Nov. 20", 8), signal("on Nov. 20", 3)
    (1, 0)
    """
    found = _date_signal().search(text, max(0, start - 24), start)
    return int(lookup("date_signals", found["signal"])[0]) if found else 0


def direction(text: str, start: int, end: int) -> int:
    """Return which way a weekday or month name looks: its signal word if any, else the tense.

    >>> text = "The dividend was declared, payable Nov. 20. He said it rose since March."
    >>> direction(text, 35, 42), direction(text, 66, 71)
    (1, -1)
    """
    return signal(text, start) or tense(text, start, end)


@lru_cache(maxsize=1)
def _quarter() -> re.Pattern[str]:
    """Return the pattern of a quarter named in an earnings report ("third-quarter", "the quarter")."""
    return re.compile(rf"\b{alternation(table('quarter_words'))}[- ]quarter\b", re.IGNORECASE)


def about_quarters(ctx: Context, start: int) -> bool:
    """Tell whether the report, up to the end of the sentence at ``start``, is about quarterly figures.

    In an earnings report "a year ago" means the same quarter a year before.

    >>> about_quarters(Context("Third-quarter profit rose. Sales fell from a year ago.", None), 40)
    True
    """
    first = ctx.first_quarter_end()
    if first is None:
        return False
    ends = ctx.sentence_ends()
    at = bisect.bisect_left(ends, start)
    return first <= (ends[at] if at < len(ends) else len(ctx.text))


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
    granularity, offset = lookup("anaphora", said.group())
    year, month, day = found["y"], found["m"], found["d"]
    if (
        granularity == "year"
        or (month and granularity == "month")
        or (day and granularity in ("day", "week"))
    ):
        anchor = date(int(year), int(month or 1), int(day or 1))
        return shift(anchor, granularity, int(offset))
    return f"{year}-{month}-XX" if month and granularity == "day" else year + UNRESOLVED[granularity][4:]


@lru_cache(maxsize=1)
def _noun_after() -> re.Pattern[str]:
    """Return the pattern of a lower-case word after a span that is not a function word (a noun it modifies)."""
    return re.compile(rf"[^\S\n]+(?!{alternation(table('function_words'))}\b)[a-z]")


def noun_after(text: str, end: int) -> bool:
    """Tell whether a lower-case word that is not a preposition or conjunction follows ``end``.

    >>> noun_after("daily flights", 5), noun_after("daily outside", 5)
    (True, False)
    """
    return _noun_after().match(text, end) is not None


@lru_cache(maxsize=1)
def _quantity_before() -> re.Pattern[str]:
    """Return the pattern of a quantity (and a word) just before a span ("$500 million ", "10,000 units ")."""
    words = alternation(table("quantities"))
    return re.compile(rf"(?:\d[\d,.]*%?|\b{words})(?:[^\S\n]+[a-z]+)?[^\S\n]+$", re.IGNORECASE)


def quantity_before(text: str, start: int) -> bool:
    """Tell whether a quantity comes just before ``start``: a rate's numerator ("$5 a year", "8.5% annually").

    >>> quantity_before("$500 million a year", 13), quantity_before("once a year", 5)
    (True, False)
    """
    return _quantity_before().search(text, max(0, start - 30), start) is not None


@lru_cache(maxsize=1)
def _determiner() -> re.Pattern[str]:
    """Return the pattern of a determiner just before a span ("the daily")."""
    return re.compile(rf"\b{alternation(table('determiners'))}\s+$", re.IGNORECASE)


def determiner_before(text: str, start: int) -> bool:
    """Tell whether a determiner comes just before ``start`` ("the daily paper": an adjective).

    >>> determiner_before("the daily paper", 4), determiner_before("reports daily", 8)
    (True, False)
    """
    return _determiner().search(text, max(0, start - 8), start) is not None


def as_date(dct: object) -> date | None:
    """Return a document date given as a date, a datetime (its date) or an ISO string; None stays None.

    >>> as_date("2021-03-14"), as_date(datetime(2021, 3, 14, 14, 5)), as_date("2021-03-14T14:05:00")
    (datetime.date(2021, 3, 14), datetime.date(2021, 3, 14), datetime.date(2021, 3, 14))
    """
    if dct is None or type(dct) is date:
        return dct
    if isinstance(dct, datetime):
        return dct.date()
    if isinstance(dct, date):
        return date(dct.year, dct.month, dct.day)
    if isinstance(dct, str):
        try:
            return datetime.fromisoformat(dct.strip()).date()
        except ValueError:
            raise ValueError(f"document date {dct!r} is not an ISO date (YYYY-MM-DD)") from None
    raise TypeError(
        f"document date must be a datetime.date, an ISO date string or None, not {type(dct).__name__}"
    )
