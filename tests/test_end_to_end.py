"""End to end on real pages: read -> separate -> timeline -> frequencies, with the properties each step promises.

The pages are the boilerplate benchmark's development dumps, read in place from
../shared/benchmarks/boilerplate/pages (never copied into the project); every fourth
English page is taken, in name order.
"""

import re
from datetime import date
from pathlib import Path

import pytest

from helpers.article import read_article
from helpers.boilerplate import LABELS, separate
from helpers.frequencies import STOPLIST, frequency_table, keyness
from helpers.study import study
from helpers.timeline import build_timeline
from helpers.tokens import is_word, tokenize

PAGES = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks" / "boilerplate" / "pages"
if not PAGES.is_dir():
    pytest.skip(f"the benchmark pages are not here ({PAGES}); they are shared data, not part of the project",
                allow_module_level=True)  # fmt: skip

ENGLISH = [
    page
    for page in sorted(PAGES.glob("*.txt"))
    if not page.name.endswith(".gold.txt") and page.with_suffix(".lang").read_text().strip() == "en"
][::4]


@pytest.fixture(scope="module", params=ENGLISH, ids=lambda page: page.name[:8])
def steps(request):
    """One page through every step: (page, article, separation, body tokens)."""
    article = read_article(request.param)
    separation = separate(article)
    return request.param, article, separation, tokenize(separation.body)


def test_every_paragraph_traces_back_to_its_line(steps):
    page, article, _, _ = steps
    lines = article.text.split("\n")
    assert article.title == article.paragraphs[0].text
    for paragraph in article.paragraphs:
        assert article.text[paragraph.start : paragraph.start + len(paragraph.text)] == paragraph.text
        assert paragraph.text in lines[paragraph.line - 1]
    numbers = [paragraph.line for paragraph in article.paragraphs]
    assert numbers == sorted(numbers)


def test_separation_labels_every_paragraph_once(steps):
    _, article, separation, _ = steps
    assert len(separation.labels) == len(separation.texts) == len(separation.lines)
    assert set(separation.labels) <= set(LABELS) and separation.labels.count("title") <= 1
    body = [text for text, label in zip(separation.texts, separation.labels) if label == "body"]
    assert separation.body == "\n".join(body)
    # A paragraph split at a sentence (an appeal glued to body text) keeps its line; nothing is lost or added.
    assert list(separation.lines) == sorted(separation.lines)
    by_line: dict[int, list[str]] = {}
    for line, text in zip(separation.lines, separation.texts):
        by_line.setdefault(line, []).append(text)
    read: dict[int, list[str]] = {}
    for paragraph in article.paragraphs:
        read.setdefault(paragraph.line, []).append(paragraph.text)
    assert {line: "".join("".join(texts).split()) for line, texts in by_line.items()} == {
        line: "".join("".join(texts).split()) for line, texts in read.items()
    }


def test_the_body_is_mostly_the_gold_articles_words(steps):
    page, _, separation, tokens = steps
    gold = set(re.findall(r"\w+", page.with_name(page.name.replace(".txt", ".gold.txt")).read_text().lower()))
    words = [token.lower() for token in tokens if re.fullmatch(r"\w+", token)]
    if len(gold) > 50:  # an article of some length: its body is found, and is mostly the article's words
        assert words and sum(word in gold for word in words) / len(words) > 0.5


@pytest.mark.parametrize("published", [None, date(2020, 6, 1)])
def test_the_timeline_is_in_time_order_and_quotes_the_body(steps, published):
    _, _, separation, _ = steps
    timeline = build_timeline(separation.body, published)
    assert list(timeline["start"]) == sorted(timeline["start"])
    assert (timeline["start"] <= timeline["end"]).all()
    assert all(expression in separation.body for expression in timeline["expression"])
    if published is None:  # nothing is anchored on a date we do not know
        assert not [value for value in timeline["value"] if value.startswith("XXXX")]
        assert "publication date" not in set(timeline["anchor"])


def test_frequencies_count_the_bodys_words_per_1000(steps):
    _, _, separation, tokens = steps
    words = sum(1 for token in tokens if is_word(token))
    table = frequency_table(tokens)
    body = separation.body.lower()
    assert table["count"].sum() <= words
    assert not set(table["word"]) & {word.lower() for word in STOPLIST}
    assert all(word in body for word in table["word"].head(30))
    if words:
        assert ((table["per_1000"] - table["count"] * 1000 / words).abs() < 1e-9).all()
    assert (keyness(tokens)["count"] >= 2).all()


def test_study_gives_the_same_steps(steps):
    page, article, separation, tokens = steps
    earlier = study(page)
    assert earlier.separation.labels == separation.labels and earlier.tokens == tokens
