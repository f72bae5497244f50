"""Find a page's publication date in its dump: the date stamp near the headline or byline.

Every full date written on the page (month name or numeric, with a four-digit
year) is a candidate. A candidate gains from what a publication stamp looks like
(a "Published"/"Posted"/"By ... on" cue, a short stamp line, a dateline opening
the body, a place just under the headline, being repeated) and loses from what
other dates look like ("Updated"/"modified" cues, copyright lines, comment
stamps, lists of related articles, prose, being above the headline where the
site's today-banner sits). Dates in the future, today's date and dates before
1995 are never returned. The best candidate wins; no candidate, no date.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from datetime import date, timedelta

EARLIEST = date(1995, 1, 1)
SHORT = 8  # words of text (dates and times aside) on a stamp line such as "By Ann Lee | Published"
MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<{0}>jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|"
    r"aug(?:ust|\.)?|sep(?:t(?:ember|\.)?|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)"
)
_DAY = r"(?P<{0}>[0-3]?\d)(?:st|nd|rd|th)?"
# After a month-name date a time may be glued on ("November 9, 20235:01 AM") or a word ("2020timer"):
# dumps glue inline elements together. Numeric dates need clean edges ("v1.2.2020" is no date).
_NAMED_END = r"(?:(?=[0-2]?\d:[0-5]\d)|(?!\d))"
# The four forms: month day year, day month year, year-month-day, and day/month/year or month/day/year.
_DATE_FORMS = (
    r"(?<!\w)" + _MONTH.format("m1") + r"\s*" + _DAY.format("d1") + r"(?:\s*,\s*|\s+)(?P<y1>(?:19|20)\d\d)" + _NAMED_END
    + r"|(?<!\d)" + _DAY.format("d2") + r"\.?(?:\s+of)?[\s-]+"
    + _MONTH.format("m2") + r"[\s,-]+(?P<y2>(?:19|20)\d\d)" + _NAMED_END
    + r"|(?<![\d/.-])(?P<y3>(?:19|20)\d\d)(?P<s3>[-/.])(?P<n3>[01]?\d)(?P=s3)(?P<d3>[0-3]?\d)(?![\d/-]|\.\d)"
    + r"|(?<![\w/.-])(?P<a4>[0-3]?\d)(?P<s4>[-/.])(?P<b4>[0-3]?\d)(?P=s4)(?P<y4>(?:19|20)\d\d)(?![\w/-]|\.\d)"
)  # fmt: skip
# Every form starts with a digit or a month's first letter: looked ahead for first, the other
# positions of a line fail in one test instead of four (half the time of ``find_dates``).
_DATE = re.compile(rf"(?=[\djfmasond])(?:{_DATE_FORMS})", re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d\d")
_ORIGINAL_CUE = re.compile(
    r"\b(?:published|posted|written|created|released|issued|dated?|filed|originally)\b|^\s*by\s",
    re.IGNORECASE,
)
_ON_CUE = re.compile(r"\bon\s*$", re.IGNORECASE)
_UPDATE_CUE = re.compile(r"\b(?:updated?|modified|revised|edited|changed|reviewed)\b", re.IGNORECASE)
_NOT_PUBLICATION = re.compile(
    r"©|\(c\)|\bcopyright\b|all rights reserved|\bretrieved\b|\baccessed\b", re.IGNORECASE
)
_COMMENT = re.compile(
    r"\b(?:says|said|wrote|replied|reply|comments?)\s*:?|\blog in to reply\b", re.IGNORECASE
)
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,40}(?:,\s*[A-Za-z .]{2,30})?\s*[,(-]")
_AGENCY = re.compile(r"^\s*(?:\([A-Z][\w ]{1,20}\)\s*)?[-\u2013\u2014:]")
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s*$")
_NUMERIC_DAY_FIRST = re.compile(r"^(1[3-9]|2\d|3[01])[/-][01]?\d[/-]\d{4}$")
_TEXT_WORD = re.compile(r"[^\W\d_]{3,}")


@dataclass(frozen=True)
class DateMention:
    """A full date written on the page: its value, 1-based line, offset in that line and text.

    ``other`` is the day-month swapped reading of an ambiguous numeric date (``03/04/2021``).
    """

    value: date
    line: int
    start: int
    text: str
    other: date | None = None


def find_dates(line: str, number: int = 1) -> list[DateMention]:
    """Every full date with a four-digit year written in one line (numeric D/M order by separator).

    >>> [m.value.isoformat() for m in find_dates("Posted Sept. 14, 2021 | 14.09.2021 | 2021-09-14")]
    ['2021-09-14', '2021-09-14', '2021-09-14']
    """
    mentions: list[DateMention] = []
    if not _YEAR.search(line):  # most lines hold no year: skipping them cuts the time by two thirds
        return mentions
    for match in _DATE.finditer(line):
        value, other = _dates_of(match)
        if value is not None:
            mentions.append(DateMention(value, number, match.start(), match.group(0), other))
    return mentions


def _dates_of(match: re.Match[str]) -> tuple[date | None, date | None]:
    """The date a match of ``_DATE`` spells (None if no calendar date) and, if numeric and ambiguous, the other."""
    groups = match.groupdict()
    if groups["y1"] or groups["y2"]:
        month = MONTHS[(groups["m1"] or groups["m2"])[:3].lower()]
        return _calendar(int(groups["y1"] or groups["y2"]), month, int(groups["d1"] or groups["d2"])), None
    if groups["y3"]:
        return _calendar(int(groups["y3"]), int(groups["n3"]), int(groups["d3"])), None
    first, second, year = int(groups["a4"]), int(groups["b4"]), int(groups["y4"])
    day_first = _calendar(year, second, first)
    month_first = _calendar(year, first, second)
    if groups["s4"] == ".":  # 19.09.2022: day first wherever dots are used
        return day_first, None
    if day_first and month_first and day_first != month_first:
        return month_first, day_first
    return month_first or day_first, None


def _calendar(year: int, month: int, day: int) -> date | None:
    """The date, or None when the numbers make no calendar date."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def resolve_day_month(mentions: list[DateMention]) -> list[DateMention]:
    """Read ambiguous numeric dates day first when the page does: a day-first date or the swapped date elsewhere.

    >>> page = find_dates("02/11/2023") + find_dates("Nov 2, 2023")
    >>> [m.value.isoformat() for m in resolve_day_month(page)]
    ['2023-11-02', '2023-11-02']
    """
    plain = {m.value for m in mentions if m.other is None}
    day_first_seen = any(_NUMERIC_DAY_FIRST.match(m.text) for m in mentions)
    resolved = []
    for mention in mentions:
        if mention.other is not None and (
            day_first_seen or (mention.other in plain and mention.value not in plain)
        ):
            mention = DateMention(mention.other, mention.line, mention.start, mention.text, mention.value)
        resolved.append(mention)
    return resolved


def find_headline(lines: list[str]) -> int | None:
    """Index of the first line after the title that repeats most of its words: the headline (None if none).

    >>> find_headline(["Storm hits the coast | Daily News", "Home", "Storm hits coast overnight", "Text"])
    2
    """
    title = set(_TEXT_WORD.findall(lines[0].lower())) if lines else set()
    if len(title) < 2:
        return None
    for index, line in enumerate(lines[1:], start=1):
        words = set(_TEXT_WORD.findall(line.lower()))
        if 2 <= len(words) <= 40:
            shared = len(words & title)
            if shared >= 0.6 * len(words) and shared >= min(0.5 * len(title), 4):
                return index
    return None


def score_mention(mention: DateMention, line: str, distance: int | None) -> float:
    """How much a date mention looks like a publication stamp by its own line and place (higher is likelier).

    >>> stamp, update = "Published: May 3, 2021", "Updated May 4, 2021"
    >>> score_mention(find_dates(stamp)[0], stamp, 2) > score_mention(find_dates(update)[0], update, 2)
    True
    """
    if _NOT_PUBLICATION.search(line):
        return -10.0
    before = line[: mention.start]
    after = line[mention.start + len(mention.text) :]
    words = len(_TEXT_WORD.findall(before)) + len(_TEXT_WORD.findall(after))
    score = 0.0
    cue_original = _last_match_end(_ORIGINAL_CUE, before[-80:])
    cue_update = _last_match_end(_UPDATE_CUE, before[-80:])
    if cue_update > cue_original:
        score -= 0.5
    elif cue_original >= 0:
        score += 2.5
    elif _ON_CUE.search(before) and words <= SHORT:
        score += 1.0
    if _COMMENT.search(before) or re.search(r"\breply\b", after, re.IGNORECASE):
        score -= 2.0
    if words <= SHORT:
        score += 1.0
    elif words > 30:
        score -= 2.5
    elif _SENTENCE_END.search(after):
        score -= 1.5
    if _DATELINE.match(before) and _AGENCY.match(after):
        score += 2.5
    if distance is not None:
        if -3 <= distance < 0:
            score += 0.5
        elif distance < 0:
            score -= 1.5
        elif distance <= 12:
            score += 2.0 - distance / 12
    return score


def _last_match_end(pattern: re.Pattern[str], text: str) -> int:
    """The end of the last match of ``pattern`` in ``text``, or -1."""
    last = -1
    for match in pattern.finditer(text):
        last = match.end()
    return last


def page_mentions(lines: list[str], today: date) -> list[DateMention]:
    """Every plausible full date on the page: from 1995 up to the day before ``today``.

    >>> [m.line for m in page_mentions(["T", "May 3, 2021", "© 1990", "May 3, 2999"], date(2024, 1, 1))]
    [2]
    """
    written = [mention for index in lines_with_year(lines) for mention in find_dates(lines[index], index + 1)]
    return [mention for mention in resolve_day_month(written) if EARLIEST <= mention.value < today]


def lines_with_year(lines: list[str]) -> list[int]:
    """Return the indices of the lines that hold a year (``_YEAR``), in order.

    Every year starts "19" or "20": those are found in the joined lines by ``str.find``, which
    skips the other characters many at a time, and tried there (a search of each line read
    every character: a sixth of ``page_mentions``). No year spans a line break.

    >>> lines_with_year(["May 3, 2021", "no year: 19 or 2o21", "1999-2000", "x 1920"])
    [0, 2, 3]
    """
    text = "\n".join(lines)
    ends = list(itertools.accumulate([len(line) + 1 for line in lines]))
    found = set()
    for prefix in ("19", "20"):
        at = text.find(prefix)
        while at >= 0:
            if _YEAR.match(text, at):
                found.add(bisect.bisect_right(ends, at))
            at = text.find(prefix, at + 1)
    return sorted(found)


def find_published(text: str, today: date | None = None) -> DateMention | None:
    """The date mention that most looks like the page's publication stamp, or None.

    >>> page = "Storm hits | News\\nThursday, May 9, 2024\\nStorm hits\\nBy Ann Lee, May 8, 2024\\nText."
    >>> found = find_published(page)
    >>> found.value.isoformat(), found.line
    ('2024-05-08', 4)
    """
    lines = text.split("\n")
    mentions = page_mentions(lines, today or date.today())
    if not mentions:
        return None
    headline = find_headline(lines)
    counts: dict[date, int] = {}
    for mention in mentions:
        counts[mention.value] = counts.get(mention.value, 0) + 1
    crowding = _dated_lines_nearby(mentions)
    best, best_score = None, float("-inf")
    for mention in mentions:
        score = score_mention(
            mention, lines[mention.line - 1], None if headline is None else mention.line - 1 - headline
        )
        score += min(counts[mention.value] - 1, 2) * 0.25 - 0.6 * crowding[mention.line]
        if score > best_score:
            best, best_score = mention, score
    return best


def _dated_lines_nearby(mentions: list[DateMention], reach: int = 4) -> dict[int, int]:
    """For each line with a date, how many other lines within ``reach`` hold one (a list of items), at most 3."""
    dated = sorted({mention.line for mention in mentions})
    nearby = {}
    low = high = 0
    for line in dated:
        while dated[low] < line - reach:
            low += 1
        while high < len(dated) and dated[high] <= line + reach:
            high += 1
        nearby[line] = min(high - low - 1, 3)
    return nearby


def prefer_printed_date(marked: date, text: str, today: date | None = None) -> tuple[date, int | None]:
    """The markup's date, or the page's printed stamp when a day apart: (date, the stamp's line or None).

    Markup timestamps are often in UTC, a printed stamp in the publisher's local time,
    so near midnight they fall on neighbouring days; the reader saw the printed one.

    >>> prefer_printed_date(date(2024, 5, 9), "Storm hits\\nStorm hits\\nMay 8, 2024", date(2025, 1, 1))
    (datetime.date(2024, 5, 8), 3)
    >>> prefer_printed_date(date(2024, 5, 1), "Storm hits\\nStorm hits\\nMay 8, 2024", date(2025, 1, 1))
    (datetime.date(2024, 5, 1), None)
    """
    found = find_published(text, today)
    if found is not None and abs(found.value - marked) == timedelta(days=1):
        return found.value, found.line
    return marked, None
