"""Questions about a whole corpus, asked of the tables ``helpers.corpus`` writes.

- ``document_frequencies``: in how many articles each word occurs, its count and rate per 1,000;
- ``corpus_keywords``: each article's keywords against the rest of the corpus (G2 and Log
  Ratio from ``helpers.frequencies``, as AntConc's keyword list with the corpus as reference);
- ``word_trends``: the relative frequency of chosen words by day, week or month of
  publication (Voyant's Trends);
- ``merged_timeline``: the events of every article on one time axis, the same event
  reported by several articles being one row (same date at a compatible granularity and
  similar event words), with how many articles report it and when they did.

Every function takes the tables (``corpus.counts``, ``corpus.articles``, ``corpus.events``)
and returns a pandas DataFrame; each is linear in the rows it reads (the merge is linear in
the events times the events that share a date and a word, a handful in news).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from helpers.frequencies import log_likelihood, log_ratio, p_value, significance_band
from helpers.timex.calendar import format_date

if TYPE_CHECKING:
    import pandas

PERIODS = ("day", "week", "month")
# A date may be reported at a coarser granularity by another article: "on Monday" in one,
# "last week" or "in May" in the next. These are the coarser values an event's date may merge with.
COARSER = {
    "day": ("week", "month"),
    "week": ("month",),
    "month": ("quarter", "half", "year"),
    "quarter": ("year",),
    "half": ("year",),
}
_FINENESS = {name: rank for rank, name in enumerate(("day", "week", "month", "quarter", "half", "year"))}
MERGED_COLUMNS = (
    "start", "end", "value", "granularity", "event", "articles", "reports", "first_report",
    "last_report", "article_ids", "values", "labels", "event_words",
)  # fmt: skip


def document_frequencies(counts: pandas.DataFrame, articles: pandas.DataFrame) -> pandas.DataFrame:
    """Return each word's articles, share of articles, count and rate per 1,000 body words, commonest first.

    >>> import pandas
    >>> counts = pandas.DataFrame({"article_id": [1, 1, 2], "word": ["port", "strike", "port"], "count": [3, 1, 2]})
    >>> articles = pandas.DataFrame({"article_id": [1, 2], "body_tokens": [100, 100]})
    >>> document_frequencies(counts, articles).values.tolist()
    [['port', 2, 1.0, 5, 25.0, 1], ['strike', 1, 0.5, 1, 5.0, 2]]
    """
    total = max(int(articles["body_tokens"].sum()), 1)
    table = counts.groupby("word", sort=False).agg(articles=("article_id", "nunique"), count=("count", "sum"))
    table = table.reset_index()
    table["share"] = table["articles"] / max(len(articles), 1)
    table["per_1000"] = table["count"] * 1000 / total
    table = table.sort_values(
        ["articles", "count", "word"], ascending=[False, False, True], ignore_index=True
    )
    table["rank"] = table["articles"].rank(method="min", ascending=False).astype(int)
    return table[["word", "articles", "share", "count", "per_1000", "rank"]]


def corpus_keywords(
    counts: pandas.DataFrame,
    articles: pandas.DataFrame,
    article_ids: Iterable[int] | None = None,
    *,
    top: int | None = 10,
    min_count: int = 2,
    max_p: float = 0.05,
) -> pandas.DataFrame:
    """Return each article's keywords against the rest of the corpus, by Log Ratio, ``top`` per article.

    ``count``/``per_1000`` are the article's, ``rest_count``/``rest_per_1000`` the other
    articles'; kept are words seen ``min_count`` times whose G2 is positive with p < ``max_p``.

    >>> import pandas
    >>> counts = pandas.DataFrame({"article_id": [1, 1, 2, 2], "word": ["port", "strike", "port", "vote"],
    ...                            "count": [20, 2, 1, 30]})
    >>> articles = pandas.DataFrame({"article_id": [1, 2], "body_tokens": [200, 200]})
    >>> corpus_keywords(counts, articles)[["article_id", "word", "band"]].values.tolist()
    [[1, 'port', 'p < 0.0001'], [2, 'vote', 'p < 0.0001']]
    """
    import pandas

    sizes = dict(zip(articles["article_id"], articles["body_tokens"]))
    total = sum(sizes.values())
    totals = counts.groupby("word")["count"].sum()
    wanted = set(sizes) if article_ids is None else set(article_ids)
    rows = []
    for key, group in counts[counts["article_id"].isin(wanted) & (counts["count"] >= min_count)].groupby(
        "article_id", sort=True
    ):
        size, rest = max(int(sizes.get(key, 0)), 1), max(total - int(sizes.get(key, 0)), 1)
        found = []
        for word, count in zip(group["word"], group["count"]):
            other = int(totals[word]) - int(count)
            g2 = log_likelihood(count, size, other, rest)
            if g2 > 0 and p_value(g2) < max_p:
                found.append((key, word, int(count), count * 1000 / size, other, other * 1000 / rest, g2,
                              log_ratio(count, size, other, rest), p_value(g2), significance_band(g2)))  # fmt: skip
        found.sort(key=lambda row: (-row[7], -row[6], row[1]))
        rows.extend(found[:top] if top is not None else found)
    columns = ["article_id", "word", "count", "per_1000", "rest_count", "rest_per_1000", "g2", "log_ratio",
               "p", "band"]  # fmt: skip
    return pandas.DataFrame(rows, columns=columns)


def period_start(day: date, period: str) -> date:
    """Return the first day of the day, ISO week (Monday) or month holding ``day``.

    >>> period_start(date(2023, 5, 3), "week"), period_start(date(2023, 5, 3), "month")
    (datetime.date(2023, 5, 1), datetime.date(2023, 5, 1))
    """
    if period == "day":
        return day
    if period == "week":
        return day - timedelta(days=day.weekday())
    if period == "month":
        return day.replace(day=1)
    raise ValueError(f"unknown period {period!r}; choose one of {', '.join(PERIODS)}")


def word_trends(
    counts: pandas.DataFrame, articles: pandas.DataFrame, words: Sequence[str], *, by: str = "week"
) -> pandas.DataFrame:
    """Return the count and rate per 1,000 body words of each of ``words`` by period of publication.

    One row per period and word (zero when the word is absent), ``articles`` the articles
    published in the period; articles without a publication date are left out.

    >>> import pandas
    >>> counts = pandas.DataFrame({"article_id": [1, 2], "word": ["port", "port"], "count": [2, 1]})
    >>> articles = pandas.DataFrame({"article_id": [1, 2, 3], "body_tokens": [100, 50, 50],
    ...     "published": [date(2023, 5, 1), date(2023, 5, 10), date(2023, 5, 11)]})
    >>> word_trends(counts, articles, ["port"])[["period", "count", "per_1000", "articles"]].values.tolist()
    [[datetime.date(2023, 5, 1), 2, 20.0, 1], [datetime.date(2023, 5, 8), 1, 10.0, 2]]
    """
    import pandas

    if by not in PERIODS:
        raise ValueError(f"unknown period {by!r}; choose one of {', '.join(PERIODS)}")
    dated = articles[articles["published"].notna()]
    period_of = {key: period_start(day, by) for key, day in zip(dated["article_id"], dated["published"])}
    sizes, published = Counter(), Counter()
    for key, size in zip(dated["article_id"], dated["body_tokens"]):
        sizes[period_of[key]] += int(size)
        published[period_of[key]] += 1
    lowered = [word.lower() for word in words]
    chosen = counts[counts["word"].isin(lowered) & counts["article_id"].isin(period_of.keys())]
    found = Counter()
    for key, word, count in zip(chosen["article_id"], chosen["word"], chosen["count"]):
        found[period_of[key], word] += int(count)
    rows = [
        (
            period,
            word,
            found[period, word],
            found[period, word] * 1000 / max(sizes[period], 1),
            published[period],
        )
        for period in sorted(sizes)
        for word in lowered
    ]
    return pandas.DataFrame(rows, columns=["period", "word", "count", "per_1000", "articles"])


def _similarity(left: frozenset[str], right: frozenset[str]) -> float:
    """Jaccard similarity of two word sets (0 when either is empty)."""
    return len(left & right) / len(left | right) if left and right else 0.0


class _Clusters:
    """Events grouped into clusters by union-find; each cluster is represented by its first event."""

    def __init__(self, words: Sequence[frozenset[str]], min_similarity: float) -> None:
        self.words = words
        self.min_similarity = min_similarity
        self.parent = list(range(len(words)))

    def root(self, index: int) -> int:
        """Return the event that stands for ``index``'s cluster."""
        while self.parent[index] != index:
            self.parent[index] = self.parent[self.parent[index]]
            index = self.parent[index]
        return index

    def best(self, index: int, candidates: Iterable[int]) -> int | None:
        """Return the candidate cluster whose words are most like event ``index``'s, if similar enough."""
        scored = [
            (_similarity(self.words[index], self.words[c]), -c) for c in set(map(self.root, candidates))
        ]
        scored = [
            (score, c) for score, c in scored if score >= self.min_similarity and -c != self.root(index)
        ]
        return -max(scored)[1] if scored else None


def merged_timeline(
    events: pandas.DataFrame, articles: pandas.DataFrame, *, min_similarity: float = 0.3
) -> pandas.DataFrame:
    """Return one row per event across articles, reports of the same event merged, in time order.

    Two timeline rows are one event when their dates agree (the same value, or a day and
    the week or month holding it, a month and its quarter or year) and the Jaccard
    similarity of their event words is at least ``min_similarity``. ``articles`` counts the
    articles that report it, ``first_report``/``last_report`` are their earliest and latest
    publication dates, ``article_ids`` lists them.

    >>> import pandas
    >>> events = pandas.DataFrame({"article_id": [1, 2, 2], "start": [date(2023, 5, 1)] * 2 + [date(2023, 5, 2)],
    ...     "end": [date(2023, 5, 1), date(2023, 5, 7), date(2023, 5, 2)],
    ...     "value": ["2023-05-01", "2023-W18", "2023-05-02"],
    ...     "granularity": ["day", "week", "day"], "event": ["workers ended strike", "strike ended", "ships sailed"],
    ...     "event_words": ["end strike worker", "end strike", "sail ship"]})
    >>> articles = pandas.DataFrame({"article_id": [1, 2], "published": [date(2023, 5, 1), date(2023, 5, 3)]})
    >>> merged_timeline(events, articles)[["value", "articles", "article_ids", "values"]].values.tolist()
    [['2023-05-01', 2, '1,2', '2023-05-01; 2023-W18'], ['2023-05-02', 1, '2', '2023-05-02']]
    """
    import pandas

    published = dict(zip(articles["article_id"], articles["published"]))
    table = events.assign(_fine=events["granularity"].map(_FINENESS).fillna(len(_FINENESS)))
    table = table.sort_values(["start", "_fine", "article_id"], kind="stable", ignore_index=True)
    words = [frozenset(str(w).split()) for w in table["event_words"].fillna("")]
    clusters = _Clusters(words, min_similarity)
    _merge_same_dates(table, clusters)
    _merge_coarser_reports(table, clusters)
    members: dict[int, list[int]] = {}
    for index in range(len(table)):
        members.setdefault(clusters.root(index), []).append(index)
    rows = [_merged_row(table, indexes, published) for indexes in members.values()]
    merged = pandas.DataFrame(rows, columns=list(MERGED_COLUMNS))
    return merged.sort_values(["start", "end", "articles"], ascending=[True, True, False], ignore_index=True)


def _merge_same_dates(table: pandas.DataFrame, clusters: _Clusters) -> None:
    """Join events of the same value whose words are alike (candidates share a word)."""
    index_of: dict[tuple[str, str], list[int]] = {}
    for index, value in enumerate(table["value"]):
        keys = [(value, word) for word in clusters.words[index]]
        target = clusters.best(index, (c for key in keys for c in index_of.get(key, ())))
        if target is not None:
            clusters.parent[clusters.root(index)] = target
        for key in keys:
            index_of.setdefault(key, []).append(index)


def _merge_coarser_reports(table: pandas.DataFrame, clusters: _Clusters) -> None:
    """Join a coarser report ("last week") into a finer one it holds ("on Monday") with alike words."""
    finer: dict[tuple[str, str], list[int]] = {}
    for index, (start, granularity) in enumerate(zip(table["start"], table["granularity"])):
        if clusters.root(index) != index or pandas_missing(start):
            continue
        for coarser in COARSER.get(granularity, ()):
            for word in clusters.words[index]:
                finer.setdefault((format_date(start, coarser), word), []).append(index)
    for index, value in enumerate(table["value"]):
        if clusters.root(index) != index:
            continue
        target = clusters.best(index, (c for w in clusters.words[index] for c in finer.get((value, w), ())))
        if target is not None:
            clusters.parent[index] = target


def pandas_missing(value: object) -> bool:
    """True for None and pandas' missing values (NaT, NaN).

    >>> pandas_missing(None), pandas_missing(date(2023, 5, 1))
    (True, False)
    """
    return value is None or value != value


def _merged_row(table: pandas.DataFrame, indexes: list[int], published: dict) -> tuple:
    """Summarise the events of one cluster: the finest date, the commonest label, who reported it."""
    finest = min(indexes, key=lambda i: (table.at[i, "_fine"], i))
    ids = sorted({int(table.at[i, "article_id"]) for i in indexes})
    dates = [published.get(key) for key in ids]
    dates = [day for day in dates if not pandas_missing(day)]
    labels = Counter(str(table.at[i, "event"]) for i in indexes)
    values = dict.fromkeys(
        table.at[i, "value"] for i in sorted(indexes, key=lambda i: (table.at[i, "_fine"], i))
    )
    return (
        table.at[finest, "start"], table.at[finest, "end"], table.at[finest, "value"],
        table.at[finest, "granularity"], labels.most_common(1)[0][0], len(ids), len(indexes),
        min(dates) if dates else None, max(dates) if dates else None, ",".join(map(str, ids)),
        "; ".join(values), "; ".join(label for label, _ in labels.most_common(3)),
        " ".join(sorted(set().union(*(table.at[i, "event_words"].split() for i in indexes)))),
    )  # fmt: skip
