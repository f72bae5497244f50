"""Tests for helpers.baselines: the jusText and dateparser wrappers return our types."""

from datetime import date

import pytest

from helpers.baselines import align_timexes, dateparser_timexes, justext_labels
from helpers.timex import Timex, find_timexes

STORY = (
    "The storm reached the coast at dawn, and the river rose by two metres within hours, officials said. " * 3
)


def test_justext_labels_give_one_label_per_paragraph():
    pytest.importorskip("justext")
    labels = justext_labels(["Home", "Share this", STORY, STORY, "Contact us"])
    assert len(labels) == 5
    assert labels[2] == labels[3] == "body"
    assert labels[0] == "boilerplate"


def test_dateparser_timexes_are_spans_of_the_text():
    pytest.importorskip("dateparser")
    text = "The ministers met on Monday. A separatist war ended in 1994. Talks resumed in May 2021."
    timexes = dateparser_timexes(text, date(2022, 9, 19))
    assert all(text[t.start : t.end] == t.text for t in timexes)
    assert not any(t.text.lower().startswith(("on ", "in ")) for t in timexes)  # prepositions stripped
    values = {t.text: t.value for t in timexes}
    assert values["Monday"] == "2022-09-19"
    assert values["1994"] == "1994"  # a year stays a year, not a day borrowed from the anchor
    assert values["May 2021"] == "2021-05"


def test_dateparser_timexes_without_a_date_never_use_today(seed_article):
    pytest.importorskip("dateparser")
    text = "The ministers met on Monday and again last week. A separatist war ended in 1994."
    found = [(t.text, t.value) for t in dateparser_timexes(text, None)]
    assert found == [("1994", "1994")]
    today = date.today().isoformat()[:4]
    body = "\n".join(paragraph.text for paragraph in seed_article.paragraphs)
    assert all(not t.value.startswith(today) for t in dateparser_timexes(body, None))


def test_align_timexes_pairs_overlapping_spans_and_keeps_ours_alone():
    text = "They met on Monday. The war ended in 1994."
    ours = find_timexes(text, date(2022, 9, 19))
    theirs = [Timex(text.index("on Monday"), text.index("on Monday") + 9, "on Monday", "DATE", "2022-09-19")]
    table = align_timexes(ours, theirs)
    assert table["our expression"].tolist() == ["Monday", "1994"]
    assert table["dateparser text"].tolist() == ["on Monday", ""]
