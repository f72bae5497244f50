"""Tests for helpers.corpus_analysis: document frequencies, keywords against the rest, trends, merged timeline."""

from datetime import date

import pandas
import pytest
from test_corpus import pages  # noqa: F401 - the fixture folder of page dumps

from helpers.corpus import run_corpus
from helpers.corpus_analysis import (
    corpus_keywords,
    document_frequencies,
    merged_timeline,
    word_trends,
)


@pytest.fixture()
def corpus(pages):  # noqa: F811
    return run_corpus(pages, progress=False)


def events(*rows):
    """An events table from (article_id, value, granularity, start, end, words) rows."""
    columns = ["article_id", "value", "granularity", "start", "end", "event_words"]
    table = pandas.DataFrame(rows, columns=columns)
    return table.assign(event=table["event_words"])


ARTICLES = pandas.DataFrame(
    {
        "article_id": [1, 2, 3],
        "published": [date(2023, 5, 2), date(2023, 5, 4), None],
        "body_tokens": [10] * 3,
    }
)
MONDAY = date(2023, 5, 1)


def test_three_reports_of_one_event_are_one_row_with_their_dates(corpus):
    merged = merged_timeline(corpus.events, corpus.articles)
    strike = merged[merged["value"] == "2023-05-01"]
    assert strike[["articles", "reports"]].values.tolist() == [[3, 3]]
    assert (str(strike.first_report.iloc[0]), str(strike.last_report.iloc[0])) == ("2023-05-02", "2023-05-09")
    assert merged["reports"].sum() == len(corpus.events)  # every timeline row is in exactly one merged row
    assert merged["start"].tolist() == sorted(merged["start"])


def test_the_same_date_with_other_words_stays_apart():
    table = events((1, "2023-05-01", "day", MONDAY, MONDAY, "end strike worker"),
                   (2, "2023-05-01", "day", MONDAY, MONDAY, "council approv budget"))  # fmt: skip
    assert merged_timeline(table, ARTICLES)["articles"].tolist() == [1, 1]


def test_a_day_merges_into_the_week_or_month_holding_it_but_not_another():
    table = events(
        (1, "2023-05-01", "day", MONDAY, MONDAY, "end strike worker"),
        (2, "2023-W18", "week", MONDAY, date(2023, 5, 7), "end strike"),
        (3, "2023-05", "month", MONDAY, date(2023, 5, 31), "strike end worker"),
        (3, "2023-W19", "week", date(2023, 5, 8), date(2023, 5, 14), "end strike"),
    )
    merged = merged_timeline(table, ARTICLES)
    assert merged[["value", "articles", "article_ids", "values"]].values.tolist() == [
        ["2023-05-01", 3, "1,2,3", "2023-05-01; 2023-W18; 2023-05"],
        ["2023-W19", 1, "3", "2023-W19"],
    ]
    assert (
        str(merged.first_report.iloc[0]) == "2023-05-02" and str(merged.last_report.iloc[0]) == "2023-05-04"
    )


def test_events_without_words_are_never_merged():
    table = events((1, "2023-05-01", "day", MONDAY, MONDAY, ""), (2, "2023-05-01", "day", MONDAY, MONDAY, ""))
    assert len(merged_timeline(table, ARTICLES)) == 2


def test_document_frequencies_add_up_to_the_counts(corpus):
    table = document_frequencies(corpus.counts, corpus.articles)
    assert table["count"].sum() == corpus.counts["count"].sum()
    assert table["articles"].max() <= len(corpus.articles) and table["word"].is_unique
    strike = table.set_index("word").loc["strike"]
    assert strike.articles == 3 and strike.share == pytest.approx(3 / 5)


def test_keywords_are_what_sets_an_article_apart_from_the_rest(corpus):
    keywords = corpus_keywords(corpus.counts, corpus.articles, top=None, min_count=2)
    council = corpus.articles[corpus.articles.title == "Council votes on budget"].article_id.iloc[0]
    assert "budget" in set(keywords[keywords.article_id == council].word)
    assert (keywords["g2"] > 0).all() and (keywords["p"] < 0.05).all()
    assert "said" not in set(keywords.word)  # said in every story: never key


def test_trends_by_week_count_only_dated_articles():
    counts = pandas.DataFrame({"article_id": [1, 2, 3], "word": ["strike"] * 3, "count": [2, 4, 9]})
    trends = word_trends(counts, ARTICLES, ["Strike", "port"], by="day")
    assert trends[["period", "word", "count", "per_1000"]].values.tolist() == [
        [date(2023, 5, 2), "strike", 2, 200.0],
        [date(2023, 5, 2), "port", 0, 0.0],
        [date(2023, 5, 4), "strike", 4, 400.0],
        [date(2023, 5, 4), "port", 0, 0.0],
    ]
    weekly = word_trends(counts, ARTICLES, ["strike"], by="week")
    assert weekly[["period", "count", "articles"]].values.tolist() == [[MONDAY, 6, 2]]
    with pytest.raises(ValueError, match="unknown period 'year'"):
        word_trends(counts, ARTICLES, ["strike"], by="year")
