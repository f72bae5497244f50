"""Tests for helpers.plots: saving figures and the paragraph-length caption."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas  # noqa: E402

from helpers.plots import plot_paragraph_lengths, save_figure  # noqa: E402


def test_save_figure_writes_png_and_a_reproducible_svg(tmp_path):
    ax = plot_paragraph_lengths(
        pandas.DataFrame({"line": [1, 2, 3], "words": [5, 40, 12]}), source="Source: x.txt"
    )
    folder = tmp_path / "new" / "figures"
    salt = matplotlib.rcParams["svg.hashsalt"]
    paths = save_figure(ax.figure, folder, "lengths")
    assert paths == [folder / "lengths.png", folder / "lengths.svg"]
    assert paths[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    first = paths[1].read_text()
    save_figure(ax.figure, folder, "lengths")
    assert paths[1].read_text() == first
    assert "<dc:date>" not in first
    assert matplotlib.rcParams["svg.hashsalt"] == salt  # the fixed salt is set only while saving
    plt.close(ax.figure)


def test_plot_paragraph_lengths_writes_the_source_under_the_chart():
    ax = plot_paragraph_lengths(
        pandas.DataFrame({"line": [1, 2], "words": [5, 40]}), source="Source: page.txt"
    )
    captions = [text.get_text() for text in ax.texts if "Source: page.txt" in text.get_text()]
    assert len(captions) == 1 and "read_article" in captions[0]
    plt.close(ax.figure)


def test_page_text_in_corpus_charts_is_never_mathtext():
    import datetime

    import pandas

    from helpers.plots import plot_merged_timeline, plot_word_trends

    merged = pandas.DataFrame({"start": [datetime.date(2023, 5, 1)], "end": [datetime.date(2023, 5, 2)],
                               "value": ["2023-05-01"], "event": ["paid $5 and $6"], "articles": [2]})  # fmt: skip
    ax = plot_merged_timeline(merged)
    ax.figure.canvas.draw()  # mathtext would fail or swallow the dollars here
    assert [label.get_text() for label in ax.get_yticklabels()] == ["2023-05-01  paid $5 and $6  (2)"]
    assert not any(label.get_parse_math() for label in ax.get_yticklabels())
    trends = pandas.DataFrame({"period": [datetime.date(2023, 5, 1)], "word": ["$5"], "per_1000": [1.0]})
    legend = plot_word_trends(trends).get_legend()
    assert not any(text.get_parse_math() for text in legend.get_texts())
