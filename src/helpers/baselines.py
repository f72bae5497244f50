"""The tools a researcher would otherwise use, wrapped to return our types: jusText labels, dateparser Timexes.

Notebooks and benchmarks compare our steps with these tools through the same
wrappers, so a side-by-side look and a benchmark run measure the same thing.
jusText and dateparser are imported inside the functions that use them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING

from helpers.timex import Timex

if TYPE_CHECKING:
    import pandas
    from dateparser.date import DateDataParser

LEADING_PREPOSITION = re.compile(
    r"^(?:(?:on|in|at|by|since|until|till|from|to|for|during|of|before|after|around|about|over|through|within)\s+)+",
    re.IGNORECASE,
)
_PROBE_BASES = (
    datetime(2000, 1, 1),
    datetime(2011, 7, 15),
)  # two far-apart anchors: what differs is relative


def justext_labels(texts: Sequence[str]) -> list[str]:
    """Return jusText's verdict ("body" or "boilerplate") on each paragraph, each given to it as one <p>.

    jusText 3 runs with its English stoplist and default settings, for a side-by-side look.

    >>> story = "The storm reached the coast at dawn, and the river rose by two metres within hours. " * 3
    >>> justext_labels(["Home", story, story])
    ['boilerplate', 'body', 'body']
    """
    import html

    import justext

    page = "<html><body>" + "".join(f"<p>{html.escape(text)}</p>" for text in texts) + "</body></html>"
    paragraphs = justext.justext(page.encode("utf-8"), justext.get_stoplist("English"), encoding="utf-8")
    if len(paragraphs) != len(texts):
        raise ValueError(f"jusText returned {len(paragraphs)} paragraphs for {len(texts)} texts")
    return ["boilerplate" if paragraph.is_boilerplate else "body" for paragraph in paragraphs]


def dateparser_value(period: str, moment: datetime, has_time: bool) -> tuple[str, str]:
    """Return the TIMEX3 type and value of a dateparser result, at the granularity dateparser parsed.

    >>> dateparser_value("month", datetime(1987, 5, 1), False), dateparser_value("week", datetime(2023, 3, 8), False)
    (('DATE', '1987-05'), ('DATE', '2023-W10'))
    """
    if has_time:
        return "TIME", moment.strftime("%Y-%m-%dT%H:%M")
    if period == "year":
        return "DATE", f"{moment.year:04d}"
    if period == "month":
        return "DATE", f"{moment.year:04d}-{moment.month:02d}"
    if period == "week":
        year, week, _ = moment.isocalendar()
        return "DATE", f"{year:04d}-W{week:02d}"
    return "DATE", moment.date().isoformat()


@lru_cache(maxsize=4)
def _date_parser(base: datetime) -> DateDataParser:
    """Return an English dateparser parser that resolves missing parts from ``base``."""
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"], settings={"RELATIVE_BASE": base, "RETURN_AS_TIMEZONE_AWARE": False}
    )


def _parsed(phrase: str, base: datetime, fallback: datetime) -> tuple[str, str]:
    """Return the TIMEX3 type and value dateparser gives ``phrase`` from ``base``."""
    data = _date_parser(base).get_date_data(phrase)
    has_time = bool(data.date_obj) and "time" in (getattr(data, "parts", None) or ())
    return dateparser_value(data.period or "day", data.date_obj or fallback, has_time)


def dateparser_timexes(text: str, dct: date | None) -> list[Timex]:
    """Return the dates dateparser's ``search_dates`` finds in ``text``, as Timex spans anchored on ``dct``.

    As the TempEval-3 benchmark runs it: RELATIVE_BASE is the document date, leading
    prepositions ("on", "in", ...) are stripped from each span, and each value keeps the
    granularity dateparser parsed (day, week, month, year, or a time). Without ``dct``
    dateparser would resolve relative dates against today, so only the findings whose
    value does not depend on the anchor (absolute dates such as "in 1987") are returned.

    >>> text = "They met on Monday. The strike ended in 1987."
    >>> [(t.text, t.value) for t in dateparser_timexes(text, date(2023, 3, 13))]
    [('Monday', '2023-03-13'), ('1987', '1987')]
    >>> [(t.text, t.value) for t in dateparser_timexes(text, None)]
    [('1987', '1987')]
    """
    from dateparser.search import search_dates

    base = datetime(dct.year, dct.month, dct.day) if dct else _PROBE_BASES[0]
    settings = {"RELATIVE_BASE": base, "RETURN_AS_TIMEZONE_AWARE": False}
    timexes, cursor = [], 0
    for phrase, moment in search_dates(text, languages=["en"], settings=settings) or []:
        at = text.find(phrase, cursor)
        if at < 0:
            continue
        cursor = at + len(phrase)
        stripped = LEADING_PREPOSITION.sub("", phrase).rstrip(" ,.;:")
        if not stripped:
            continue
        kind, value = _parsed(stripped, base, moment)
        if dct is None and _parsed(stripped, _PROBE_BASES[1], moment) != (kind, value):
            continue  # relative: its value would come from today's date
        start = at + phrase.find(stripped)
        timexes.append(Timex(start, start + len(stripped), stripped, kind, value, rule="dateparser"))
    return timexes


def align_timexes(
    ours: Sequence[Timex], theirs: Sequence[Timex], name: str = "dateparser"
) -> pandas.DataFrame:
    """Return a table of ``theirs`` beside the ``ours`` they overlap in the text, then ours that nothing overlaps.

    >>> a, b = Timex(10, 16, "Monday", "DATE", "2023-03-13"), Timex(30, 34, "1987", "DATE", "1987")
    >>> align_timexes([a, b], [Timex(10, 19, "Monday in", "DATE", "2023-03-13")]).values.tolist()
    [['Monday in', '2023-03-13', 'Monday', '2023-03-13'], ['', '', '1987', '1987']]
    """
    import pandas as pd

    rows, matched = [], set()
    for timex in theirs:
        overlapping = [own for own in ours if own.start < timex.end and timex.start < own.end]
        matched.update(own.start for own in overlapping)
        rows.append(
            (
                timex.text,
                timex.value,
                "; ".join(own.text for own in overlapping),
                "; ".join(own.value for own in overlapping),
            )
        )
    rows += [("", "", own.text, own.value) for own in ours if own.start not in matched]
    return pd.DataFrame(rows, columns=[f"{name} text", f"{name} value", "our expression", "our value"])
