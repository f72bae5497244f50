"""The word-frequency charts and the `frequencies` subcommand."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas
import pytest

from helpers.cli import main
from helpers.frequencies import compare, dispersion, frequency_table, keyness, paragraph_starts, tokenize
from helpers.plots import plot_comparison, plot_dispersion, plot_keyness, plot_top_words

BODY = [
    "Blinken met the foreign ministers of Armenia and Azerbaijan on Monday.",
    "It was the ministers' first meeting since the shelling. Blinken spoke first.",
    "Armenia and Azerbaijan blamed each other for the shelling, officials said.",
]
APPEAL = ["Your support helps us to tell the story. Your donation keeps our reporters on the story."]


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def caption(ax) -> str:
    return " ".join(text.get_text() for text in ax.texts)


def test_top_words_chart_has_one_bar_per_word_and_a_caption():
    table = frequency_table(tokenize("\n".join(BODY)))
    ax = plot_top_words(table, top=5, source="Source: test")
    assert len(ax.patches) == 5 and ax.get_xlabel() and ax.get_title() == "The 5 most frequent words"
    assert [label.get_text() for label in ax.get_yticklabels()] == table["word"].head(5).tolist()
    assert "Source: test" in caption(ax) and "tokenize" in caption(ax) and "stoplist" in caption(ax)


def test_comparison_chart_draws_both_texts_back_to_back():
    table = compare(tokenize("\n".join(BODY)), tokenize("\n".join(APPEAL)), names=("body", "appeal"))
    ax = plot_comparison(table, top=6)
    widths = [patch.get_width() for patch in ax.patches]
    assert any(width > 0 for width in widths) and any(width < 0 for width in widths)
    assert "body" in ax.get_title() and "appeal" in ax.get_title() and "stoplist" in caption(ax)


def test_keyness_chart_colours_bars_by_band():
    table = pandas.DataFrame(
        {
            "word": ["war", "talks", "day"],
            "log_ratio": [6.0, 3.0, 1.0],
            "band": ["p < 0.0001", "p < 0.05", "not significant"],
        }
    )
    ax = plot_keyness(table)
    colours = {patch.get_facecolor() for patch in ax.patches}
    assert len(colours) == 3 and "Log Ratio" in ax.get_xlabel()
    assert "wordfreq" in caption(ax) and "tokenize" in caption(ax)


def test_keyness_chart_of_the_seed_body(seed_article):
    body = "\n".join(p.text for p in seed_article.paragraphs if 8 <= p.line <= 17)
    ax = plot_keyness(keyness(tokenize(body)), top=10)
    assert len(ax.patches) == 10


def test_dispersion_chart_marks_words_and_paragraph_starts():
    tokens = tokenize("\n".join(BODY))
    starts = paragraph_starts(BODY)
    ax = plot_dispersion(dispersion(tokens, ["Blinken", "shelling"]), len(tokens), starts)
    assert [label.get_text() for label in ax.get_yticklabels()] == ["Blinken", "shelling"]
    assert len(ax.lines) == len(starts) and ax.get_xlim() == (0, len(tokens))
    assert "tokenize" in caption(ax)


def test_cli_prints_the_body_top_words(seed_path, capsys):
    assert main(["frequencies", str(seed_path), "--top", "3"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["word", "count", "per_1000", "rank"]
    assert lines[1].split()[:2] == ["said", "5"] and len(lines) == 4


def test_cli_csv_of_the_whole_page_counts_the_appeal(seed_path, capsys):
    assert main(["frequencies", str(seed_path), "--all", "--csv", "--top", "200"]) == 0
    table = pandas.read_csv(__import__("io").StringIO(capsys.readouterr().out))
    assert list(table.columns) == ["word", "count", "per_1000", "rank"]
    assert "support" in set(table["word"]) and "independent" in set(table["word"])


def test_cli_body_leaves_the_appeal_out(seed_path, capsys):
    assert main(["frequencies", str(seed_path), "--csv", "--top", "500"]) == 0
    assert "independent" not in capsys.readouterr().out


def test_cli_reports_a_missing_file(tmp_path, capsys):
    assert main(["frequencies", str(tmp_path / "none.txt")]) == 2
    assert "no such file" in capsys.readouterr().err
