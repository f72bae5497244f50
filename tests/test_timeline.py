"""Tests for helpers.timeline: the seed's five events, merging, relations, context."""

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.article import Article
from helpers.timeline import (
    COLUMNS,
    EXPLAIN_COLUMNS,
    build_timeline,
    explain_timeline,
    mark_expressions,
)
from helpers.timex import Timex

PUBLISHED = date(2022, 9, 19)


@pytest.fixture(scope="module")
def seed_body(seed_path: Path) -> str:
    """The seed's body from its hand-made gold labels (data/annotations), one paragraph a line."""
    gold = seed_path.parents[1] / "annotations" / seed_path.name.replace(".txt", ".labels.tsv")
    rows = [
        line.split("\t") for line in gold.read_text("utf-8").splitlines() if line and not line.startswith("#")
    ]
    return "\n".join(text for _, label, text in rows[1:] if label == "body")


@pytest.fixture(scope="module")
def seed_timeline(seed_body: str):
    """The timeline of the seed's body, published 2022-09-19."""
    return build_timeline(seed_body, PUBLISHED)


# --- the case study -----------------------------------------------------------------


def test_seed_body_fixture_is_the_article_body(seed_body: str) -> None:
    assert seed_body.startswith("U.S. Secretary of State Antony Blinken met")
    assert seed_body.endswith("last week's shelling attacks.")


def test_seed_timeline_has_exactly_five_events_in_order(seed_timeline) -> None:
    assert list(seed_timeline.columns) == list(COLUMNS)
    assert seed_timeline["value"].tolist() == ["1994", "2020", "2022-W37", "2022-09-18", "2022-09-19"]
    assert seed_timeline["granularity"].tolist() == ["year", "year", "week", "day", "day"]


def test_seed_timeline_bounds(seed_timeline) -> None:
    assert seed_timeline["start"].tolist() == [
        date(1994, 1, 1),
        date(2020, 1, 1),
        date(2022, 9, 12),
        date(2022, 9, 18),
        date(2022, 9, 19),
    ]
    assert seed_timeline["end"].tolist() == [
        date(1994, 12, 31),
        date(2020, 12, 31),
        date(2022, 9, 18),
        date(2022, 9, 18),
        date(2022, 9, 19),
    ]


def test_seed_timeline_anchors_mentions_and_durations(seed_timeline) -> None:
    assert seed_timeline["anchor"].tolist() == [
        "explicit",
        "explicit",
        "publication date",
        "relative to another event",
        "publication date",
    ]
    assert seed_timeline["mentions"].tolist() == [1, 1, 2, 1, 2]
    assert seed_timeline.loc[1, "duration"] == "P6W"
    assert seed_timeline.loc[0, "duration"] == ""
    assert seed_timeline.loc[3, "expression"] == "a day after"


def test_seed_timeline_event_labels(seed_timeline) -> None:
    events = seed_timeline["event"].tolist()
    assert events[0] == "separatist war ended"
    assert events[1].startswith("six-week war: Azerbaijan reclaimed")
    assert events[2] == "two days of shelling killed more than 200 troops"
    assert events[3] == "Pelosi visited Armenia and condemned Azeri attacks"
    assert events[4].startswith("Blinken met with the foreign ministers")


def test_seed_vague_expressions_are_context_not_events(seed_body: str) -> None:
    table = explain_timeline(seed_body, PUBLISHED)
    assert list(table.columns) == list(EXPLAIN_COLUMNS)
    roles = dict(zip(table["expression"], table["role"]))
    assert roles["decades-old"] == "context"
    assert roles["more than two years"] == "context"
    assert roles["six-week"] == "duration"
    assert roles["a day"] == "relation"
    assert (table["offset"].diff().dropna() > 0).all()
    visit = table[table["expression"] == "a day"].iloc[0]
    assert visit["dated"] == "2022-09-18"


# --- other news texts ---------------------------------------------------------------


def test_relative_expressions_resolve_on_the_publication_date() -> None:
    text = "Rebels seized the airport two days ago. The government said last month that it would hold talks."
    timeline = build_timeline(text, date(2024, 3, 1))
    assert timeline["value"].tolist() == ["2024-02", "2024-02-28"]
    assert timeline["end"].tolist() == [date(2024, 2, 29), date(2024, 2, 28)]
    assert timeline["event"].tolist() == ["government said it would hold talks", "Rebels seized the airport"]
    assert set(timeline["anchor"]) == {"publication date"}


def test_explicit_and_weekday_dates() -> None:
    text = "The council approved the budget in March 2019. Voters rejected the plan on Tuesday."
    timeline = build_timeline(text, date(2024, 1, 3))
    assert timeline["value"].tolist() == ["2019-03", "2024-01-02"]
    assert timeline["anchor"].tolist() == ["explicit", "publication date"]
    assert timeline["event"].tolist() == ["council approved the budget", "Voters rejected the plan"]


def test_coordinated_verbs_each_date_their_own_event() -> None:
    text = "The company was founded in the 1990s and went public in the third quarter of 2021."
    timeline = build_timeline(text, None)
    assert timeline["value"].tolist() == ["199", "2021-Q3"]
    assert timeline["event"].tolist() == ["company was founded", "company went public"]


def test_no_dates_gives_an_empty_table_with_the_columns() -> None:
    timeline = build_timeline("No dates here at all. Just words.", date(2021, 1, 4))
    assert timeline.empty
    assert list(timeline.columns) == list(COLUMNS)
    assert build_timeline("", None).empty


def test_without_publication_date_relative_expressions_are_left_out_and_explained() -> None:
    text = "Rebels seized the airport two days ago. The 1994 treaty was signed in Paris."
    timeline = build_timeline(text, None)
    assert timeline["value"].tolist() == ["1994"]
    assert timeline["event"].tolist() == ["treaty"]
    table = explain_timeline(text, None)
    ago = table[table["expression"] == "two days ago"].iloc[0]
    assert ago["role"] == "context"
    assert "publication date" in ago["note"]


def test_vague_references_are_context() -> None:
    text = "The feud is decades-old. Officials recently met. Talks are happening now. They meet every week."
    assert build_timeline(text, date(2022, 1, 1)).empty
    table = explain_timeline(text, date(2022, 1, 1))
    assert len(table) >= 3
    assert set(table["role"]) == {"context"}
    assert all(table["note"])


def test_durations_attach_to_the_event_of_their_clause() -> None:
    timeline = build_timeline("The reporter was jailed for three years in 2019.", None)
    assert timeline["value"].tolist() == ["2019"]
    assert timeline["duration"].tolist() == ["P3Y"]
    assert build_timeline("The talks lasted three hours.", None).empty


def test_a_duration_in_a_sentence_without_a_dated_event_is_context_and_the_next_ones_attach() -> None:
    text = "The talks lasted three hours. The reporter was jailed for three years in 2019, after a trial of two weeks."
    table = explain_timeline(text, None).set_index("expression")
    assert table.loc["three hours", "role"] == "context"
    assert table.loc["three hours", "note"] == "a length of time with no dated event in its clause"
    assert table.loc["three years", ["role", "dated"]].tolist() == ["duration", "2019"]
    assert table.loc["two weeks", "role"] == "context"  # another clause than the dated one


# --- merging mentions ---------------------------------------------------------------


def test_a_noun_dated_again_merges_into_its_event() -> None:
    text = "The storm hit on Tuesday. The storm had formed last week. Tuesday's storm left thousands without power."
    timeline = build_timeline(text, date(2020, 2, 29))
    assert timeline["value"].tolist() == ["2020-W08", "2020-02-25"]
    assert timeline["mentions"].tolist() == [1, 2]
    assert timeline["event"].tolist() == ["storm had formed", "storm hit"]


def test_different_events_on_the_same_day_stay_apart() -> None:
    text = "Rebels seized the airport on Monday. Voters chose a mayor on Monday."
    timeline = build_timeline(text, date(2023, 5, 10))
    assert timeline["value"].tolist() == ["2023-05-08", "2023-05-08"]
    assert timeline["mentions"].tolist() == [1, 1]
    assert timeline["event"].tolist() == ["Rebels seized the airport", "Voters chose a mayor"]


def test_same_words_on_the_same_day_merge() -> None:
    text = "Protesters marched in Paris on 3 May 2021. The march on 3 May 2021 was peaceful."
    timeline = build_timeline(text, None)
    assert timeline["value"].tolist() == ["2021-05-03"]
    assert timeline["mentions"].tolist() == [2]


# --- dates relative to another event ------------------------------------------------


def test_complement_dated_from_a_main_clause_dated_elsewhere() -> None:
    text = "The summit was held two days after rebels seized the airport. Thursday's summit ended without a deal."
    timeline = build_timeline(text, date(2023, 3, 10))
    assert timeline["value"].tolist() == ["2023-03-07", "2023-03-09"]
    assert timeline["event"].tolist() == ["rebels seized the airport", "summit"]
    assert timeline["anchor"].tolist() == ["relative to another event", "publication date"]


def test_main_clause_dated_from_a_noun_dated_elsewhere() -> None:
    text = "Polls opened a week before the vote. Sunday's vote drew record crowds."
    timeline = build_timeline(text, date(2023, 10, 16))
    assert timeline["value"].tolist() == ["2023-10-08", "2023-10-15"]
    assert timeline.loc[0, "event"] == "Polls opened"
    assert timeline.loc[0, "expression"] == "a week before"


def test_main_clause_dated_from_a_dated_complement() -> None:
    text = "The rebels surrendered three days after Friday's vote."
    timeline = build_timeline(text, date(2023, 10, 16))
    assert timeline["value"].tolist() == ["2023-10-13", "2023-10-16"]
    assert timeline["event"].tolist() == ["vote", "rebels surrendered"]


def test_fronted_relation_dates_the_main_clause_after_the_comma() -> None:
    text = (
        "The final was played on 3 May 2021. Two days after the final, the winners paraded through the city."
    )
    timeline = build_timeline(text, None)
    assert timeline["value"].tolist() == ["2021-05-03", "2021-05-05"]
    assert timeline["event"].tolist() == ["final was played", "winners paraded through the city"]


def test_relation_matches_the_head_noun_not_any_shared_word() -> None:
    text = (
        "The doubles match was won in 2011. Two days after clinching the doubles title, the pair won again."
    )
    timeline = build_timeline(text, None)
    assert timeline["value"].tolist() == ["2011"]


def test_later_dates_from_the_event_told_before() -> None:
    text = "The mayor resigned on Friday. Two days later, the council elected a successor."
    timeline = build_timeline(text, date(2021, 1, 4))
    assert timeline["value"].tolist() == ["2021-01-01", "2021-01-03"]
    assert timeline["anchor"].tolist() == ["publication date", "relative to another event"]
    assert timeline.loc[1, "event"] == "council elected a successor"


def test_relation_to_an_undated_event_is_context() -> None:
    text = "The talks ended a day after the ceasefire."
    assert build_timeline(text, date(2021, 1, 4)).empty
    table = explain_timeline(text, date(2021, 1, 4))
    assert table["role"].tolist() == ["context"]
    assert "does not date" in table.loc[0, "note"]


def test_hand_made_time_expressions_skip_the_tagger() -> None:
    text = "The vote took place on the holiday. Officials met two days before the vote."
    timexes = [
        Timex(23, 34, "the holiday", "DATE", "2021-12-25"),
        Timex(50, 58, "two days", "DURATION", "P2D"),
    ]
    timeline = build_timeline(text, None, timexes=timexes)
    assert timeline["value"].tolist() == ["2021-12-23", "2021-12-25"]
    assert timeline["event"].tolist() == ["Officials met", "vote took place"]


# --- bad input and properties ---------------------------------------------------------


def test_bad_input_types_are_refused_clearly() -> None:
    with pytest.raises(TypeError, match="body must be a str"):
        build_timeline(None, None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="published must be a datetime.date"):
        build_timeline("On Monday.", "2022-09-19")  # type: ignore[arg-type]


FRAGMENTS = st.sampled_from(
    [
        "The army attacked",
        "on Monday",
        "last week's",
        "shelling",
        "a day after",
        "two days later,",
        "in 1994",
        "the 1990s",
        "Sunday's vote",
        "a week before the vote",
        "six-week war",
        "in March 2019",
        "decades-old",
        ".",
        ",",
        "\n",
        "since",
        "Minister Jane Doe visited",
        "the meeting was held",
        "every week",
        "next year",
        "3 May 2021",
        "'s",
        "“",
        "-",
        "spring of 2021",
        "yesterday",
    ]
)


@settings(max_examples=100, deadline=None)
@given(
    st.one_of(st.text(max_size=200), st.lists(FRAGMENTS, max_size=25).map(" ".join)),
    st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))),
)
def test_build_timeline_never_raises_and_rows_are_sorted(body: str, published: date | None) -> None:
    timeline = build_timeline(body, published)
    assert list(timeline.columns) == list(COLUMNS)
    assert (timeline["start"] <= timeline["end"]).all()
    keys = list(zip(timeline["start"], timeline["end"]))
    assert keys == sorted(keys)
    assert (timeline["mentions"] >= 1).all()


@settings(max_examples=150, deadline=None)
@given(
    st.lists(FRAGMENTS, max_size=25).map(" ".join),
    st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))),
)
def test_the_timeline_dates_only_its_points_and_finds_the_same_events(
    body: str, published: date | None
) -> None:
    from helpers.timeline import _read

    assert _read(body, published, None, every=False)[0] == _read(body, published, None, every=True)[0]


def test_mark_expressions_in_plain_text_and_html() -> None:
    text = "Talks <began> on Monday.\nThey ended in 1994."
    timexes = [Timex(17, 23, "Monday", "DATE", "2022-09-19"), Timex(39, 43, "1994", "DATE", "1994", "START")]
    assert (
        mark_expressions(text, timexes)
        == "Talks <began> on [Monday = 2022-09-19].\nThey ended in [1994 = 1994 START]."
    )
    marked = mark_expressions(text, timexes, as_html=True)
    assert marked.startswith("Talks &lt;began&gt; on <mark")
    assert "<sub>2022-09-19</sub>" in marked and "<br>" in marked


def test_seed_body_fixture_matches_the_separator(seed_article: Article, seed_body: str) -> None:
    from helpers.boilerplate import separate

    assert separate(seed_article).body == seed_body


# --- the chart ------------------------------------------------------------------------


@pytest.fixture()
def pyplot():
    """matplotlib's pyplot on the Agg backend; figures are closed after the test."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    yield plt
    plt.close("all")


def _labels(axes) -> list[str]:
    """The y tick labels of every panel, unwrapped."""
    return [tick.get_text().replace("\n", " ") for ax in axes for tick in ax.get_yticklabels()]


def test_plot_timeline_draws_years_and_recent_days_panels(seed_timeline, pyplot) -> None:
    from helpers.plots import plot_timeline

    axes = plot_timeline(seed_timeline, source="Source: test")
    assert len(axes) == 2
    assert _labels(axes) == seed_timeline["event"].tolist()
    assert axes[0].get_title() == "Timeline of the events the text dates"
    assert {text.get_text() for text in axes[0].get_legend().get_texts()} >= {
        "dated: explicit",
        "dated: publication date",
        "dated: relative to another event",
    }
    assert axes[1].get_xlabel().startswith("Source: test")
    assert len(axes[0].patches) == 2 and len(axes[1].patches) == 1  # spans: two years, one week


def test_plot_timeline_single_panel_when_one_scale_fits(pyplot) -> None:
    from helpers.plots import plot_timeline

    timeline = build_timeline(
        "The mayor resigned on Friday. Two days later, the council elected a successor.", date(2021, 1, 4)
    )
    ax = plot_timeline(timeline)
    assert _labels([ax]) == ["mayor resigned", "council elected a successor"]
    _, given = pyplot.subplots()
    assert plot_timeline(build_timeline("Nothing happened.", None), ax=given) is given


# --- the chosen event and the way back to the raw file --------------------------------


def test_explain_timeline_shows_the_event_words_chosen(seed_body: str) -> None:
    table = explain_timeline(seed_body, PUBLISHED)
    words = dict(zip(table["expression"], table["event_words"]))
    assert words["1994"] == "ended war"  # the verb and the event noun of its clause
    assert words["2020"].split()[0] in ("war", "reclaimed")
    assert words["last week"] == "shelling"
    assert words["decades-old"] == ""
    assert all(len(label.split()) <= 10 for label in table["event"])


def test_every_row_points_at_its_expression_in_the_raw_file(seed_path: Path, seed_article: Article) -> None:
    from helpers.boilerplate import separate
    from helpers.timeline import body_origins

    separation = separate(seed_article)
    lines = body_origins(seed_article.text, separation.body_paragraphs)
    raw = seed_path.read_text("utf-8").splitlines()
    for table in (
        build_timeline(separation.body, PUBLISHED, lines=lines),
        explain_timeline(separation.body, PUBLISHED, lines=lines),
    ):
        for expression, line, start, end in table[["expression", "line", "char_start", "char_end"]].values:
            assert raw[line - 1][start:end] == expression.split(" after")[0]
    assert (
        build_timeline(separation.body, PUBLISHED, lines=lines)["line"].tolist()[-1] == 7
    )  # glued to an appeal


def test_body_paragraphs_are_the_body_with_their_lines(seed_article: Article) -> None:
    from helpers.boilerplate import separate

    separation = separate(seed_article)
    assert "\n".join(text for _, text in separation.body_paragraphs) == separation.body
    assert [line for line, _ in separation.body_paragraphs] == sorted(
        line for line, _ in separation.body_paragraphs
    )


def test_lines_must_match_the_body() -> None:
    with pytest.raises(ValueError, match="lines has 1 entries but the body has 2 lines"):
        build_timeline("The dam broke in 1987.\nIt rained.", None, lines=[(3, 0)])


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(["two days ago ", "on Monday the army attacked and ", "In 1994, rebels fought. ", "1/"])
)
def test_repetitive_text_takes_time_in_proportion_to_its_length(fragment: str) -> None:
    import time

    text = fragment * (4000 // len(fragment))
    started = time.perf_counter()
    build_timeline(text, PUBLISHED)
    assert (
        time.perf_counter() - started < 2.0 * len(text) / 1000 + 2.0
    )  # generous: quadratic would take minutes


def test_an_empty_body_with_no_paragraphs_gives_no_rows() -> None:
    assert build_timeline("", None, lines=[]).empty
    assert explain_timeline("", None, lines=[]).empty


@given(
    st.lists(st.tuples(st.integers(0, 40), st.sets(st.sampled_from("abcd"), max_size=2)), max_size=12),
    st.sets(st.sampled_from("abcde"), max_size=2),
    st.integers(0, 40),
)
@settings(max_examples=200, deadline=None)
def test_placed_events_are_found_as_a_scan_of_every_event_finds_them(
    placed: list[tuple[int, set[str]]], stems: set[str], offset: int
) -> None:
    """The index of placed events finds what a scan of every event found: nearest before, else after; first on a tie."""
    from helpers.timeline import _Event, _Placed

    def event(position: int, keys: set[str]) -> _Event:
        return _Event(date.min, date.min, "", "", "", None, "", "", position, set(keys), (position, position))

    events = [event(position, keys) for position, keys in placed[: len(placed) // 2]]
    index = _Placed(events)
    for position, keys in placed[len(placed) // 2 :]:
        index.add(event(position, keys))
    told = [e for e in events if e.position < offset]
    assert index.last_before(offset) is (max(told, key=lambda e: e.position) if told else None)
    sharing = [e for e in events if e.keys & stems]
    nearest = max(sharing, key=lambda e: (e.position < offset, -abs(e.position - offset)), default=None)
    assert index.nearest_with(stems, offset) is nearest


def test_timeline_rows_are_the_rows_of_the_table(seed_body: str) -> None:
    """``timeline_rows`` gives the timeline's rows without pandas: the same values, in the same order."""
    from helpers.timeline import timeline_rows

    rows = timeline_rows(seed_body, PUBLISHED)
    table = build_timeline(seed_body, PUBLISHED)
    assert rows and [list(row) for row in rows] == [list(COLUMNS)] * len(rows)
    assert [list(row.values()) for row in rows] == table.values.tolist()
