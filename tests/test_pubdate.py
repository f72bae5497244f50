"""Tests for helpers.pubdate: date forms, the choice among several dates, and its bounds."""

import re
import time
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.article import parse_article
from helpers.pubdate import (
    _YEAR,
    find_dates,
    find_headline,
    find_published,
    lines_with_year,
    page_mentions,
    resolve_day_month,
)

TODAY = date(2024, 3, 1)


def found(text: str, today: date = TODAY) -> str | None:
    mention = find_published(text, today)
    return mention.value.isoformat() if mention else None


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("September 19, 2022", "2022-09-19"),
        ("Sept. 19, 2022", "2022-09-19"),
        ("Sep 19 2022", "2022-09-19"),
        ("19 September 2022", "2022-09-19"),
        ("19th Nov 2023", "2023-11-19"),
        ("9 MAY 2020", "2020-05-09"),
        ("2022-09-19", "2022-09-19"),
        ("2022/09/19", "2022-09-19"),
        ("19.09.2022", "2022-09-19"),
        ("19/09/2022", "2022-09-19"),
        ("09/19/2022", "2022-09-19"),
        ("Wednesday, May 6, 2020", "2020-05-06"),
        ("November 9, 20235:01 AM ET", "2023-11-09"),
        ("By Kim Reyes/June 12, 2020", "2020-06-12"),
        ("Tue., May 4, 2021clock3 min. read", "2021-05-04"),
        ("Harbour Desk14 May 2021", "2021-05-14"),
        ("By Kim on 31. October, 2023", "2023-10-31"),
        ("By Kim Reyes2021-05-04 10:00 UTC", "2021-05-04"),
    ],
)
def test_date_forms(written, value):
    assert [m.value.isoformat() for m in find_dates(written)] == [value]


@pytest.mark.parametrize(
    "text", ["May 2020", "31/02/2021", "2021", "v1.2.2020x", "12/2020", "page 19 of 2022"]
)
def test_no_full_date(text):
    assert find_dates(text) == []


def test_ambiguous_numeric_date_follows_the_page():
    assert [m.value.isoformat() for m in resolve_day_month(find_dates("03/04/2021"))] == ["2021-03-04"]
    day_first_page = find_dates("03/04/2021") + find_dates("25/12/2020")
    assert [m.value.isoformat() for m in resolve_day_month(day_first_page)] == ["2021-04-03", "2020-12-25"]


def test_headline_is_the_first_line_repeating_the_title():
    lines = [
        "Ferry service resumes after strike - Island Post",
        "Menu",
        "Ferry service resumes after strike",
        "x",
    ]
    assert find_headline(lines) == 2
    assert find_headline(["Short", "Short"]) is None


def test_stamp_under_the_headline_beats_the_today_banner():
    page = "\n".join(
        [
            "Ferry service resumes after strike | Island Post",
            "Friday, February 9, 2024",
            "News Sport Weather",
            "Ferry service resumes after strike",
            "By Sam Ode",
            "February 8, 2024",
            "Ferries sailed again on Thursday after a week-long strike by crews ended in a pay deal.",
        ]
    )
    assert found(page) == "2024-02-08"


def test_original_date_beats_the_update():
    page = "Title words here\nPUBLISHED: January 5, 2024 at 9:11 a.m. | UPDATED: January 7, 2024 at 1:02 p.m."
    assert found(page) == "2024-01-05"
    assert found("Title words here\nUpdated January 7, 2024\nPosted January 5, 2024") == "2024-01-05"


def test_dateline_at_the_body_start():
    page = "\n".join(
        [
            "Floods close the river road",
            "Floods close the river road",
            "KHULNA, Jan 20, 2024 (XNA) - Floods closed the river road on Saturday, officials said.",
            "The road was last closed on March 3, 2019, in a storm that lasted for several long days here.",
        ]
    )
    assert found(page) == "2024-01-20"


def test_copyright_comment_and_caption_dates_are_not_chosen():
    page = "\n".join(
        [
            "Market hall to open in spring",
            "Market hall to open in spring",
            "Posted on 12 February 2024",
            "The hall, shown on Oct. 21, 2023, when the builders began their work on it, will open soon.",
            "Lee says: February 20, 2024 at 4:00 pm",
            "© 2024 Town Post. Updated 1 January 2024",
        ]
    )
    assert found(page) == "2024-02-12"


def test_list_of_teasers_loses_to_the_lone_stamp():
    teasers = [line for day in range(10, 20) for line in (f"Teaser story {day}", f"January {day}, 2024")]
    page = "\n".join(["Lone story title here", *teasers, "Lone story title here", "January 3, 2024", "Body."])
    assert found(page) == "2024-01-03"


def test_never_today_nor_the_future_nor_before_1995():
    assert found("Title words\nMarch 1, 2024") is None
    assert found("Title words\nMarch 2, 2030") is None
    assert found("Title words\nMarch 2, 1990") is None
    assert found("Title words\nFebruary 29, 2024") == "2024-02-29"


def test_article_says_where_the_date_came_from():
    article = parse_article("Title words\nNews\nPublished: 4 May 2021\nText of the story.")
    assert (article.published.isoformat(), article.published_source) == ("2021-05-04", "page line 3")
    assert parse_article("Title\nText.", published="2021-05-04").published_source == "argument"
    assert parse_article("Title\nNo date here.").published_source is None


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=60),
            st.builds(
                "{} {} {}, {}".format,
                st.sampled_from(["Published", "Updated", "By A. B.", "", "©"]),
                st.sampled_from(["Jan", "March", "Sept.", "Dec"]),
                st.integers(0, 35),
                st.integers(1980, 2040),
            ),
            st.builds("{}/{}/{}".format, st.integers(0, 40), st.integers(0, 40), st.integers(1990, 2030)),
        ),
        max_size=30,
    ),
    st.dates(min_value=date(1996, 1, 1), max_value=date(2035, 1, 1)),
)
def test_found_date_is_written_on_the_page_and_before_today(lines, today):
    text = "\n".join(lines)
    mention = find_published(text, today)
    if mention is None:
        return
    assert mention.value < today
    page_line = text.split("\n")[mention.line - 1]
    assert page_line[mention.start :].startswith(mention.text)
    numbers = [int(n) for n in re.findall(r"\d+", mention.text)]
    assert mention.value.year in numbers and mention.value.day in numbers
    assert mention in page_mentions(text.split("\n"), today)


def test_finder_is_linear_in_the_page_size():
    block = "Teaser story\nJanuary 5, 2024\nA line of body text that goes on for a while.\n"
    start = time.perf_counter()
    find_published(block * 300, TODAY)
    small = time.perf_counter() - start
    start = time.perf_counter()
    find_published(block * 3000, TODAY)
    assert time.perf_counter() - start < 40 * small + 1.0


_DATE_PIECES = [
    "Sept.", "sep", "\u017fep", "May", "MAY", "june", "Oct", "dec", "9", "19", "31", "2021", "1999", "03",
    "th", "st", "of", " ", "\n", ",", "-", "/", ".", ":", "5:01", "x", "\u0663", "a", "Nov",
    "Dec 9, 2021", "9 dec 2021", "2021-09-14", "14.09.2021", "03/04/2021", "\u0663 May 2021",
    "\u017fept. 3, 2020", "January 31st, 1999", "april 2 2020", "Feb. 3 2022", "oct 1, 2023",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_DATE_PIECES), max_size=8).map("".join))
def test_date_pattern_finds_what_its_forms_find(text):
    # the look-ahead on first characters only skips positions where no form can start
    from helpers.pubdate import _DATE, _DATE_FORMS

    forms = re.compile(_DATE_FORMS, re.IGNORECASE)
    assert [(m.span(), m.groupdict()) for m in _DATE.finditer(text)] == [
        (m.span(), m.groupdict()) for m in forms.finditer(text)
    ]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="1290٢٠x -/", max_size=12), max_size=8))
def test_lines_with_year_are_those_a_search_of_each_line_finds(lines):
    assert lines_with_year(lines) == [index for index, line in enumerate(lines) if _YEAR.search(line)]
