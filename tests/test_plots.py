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
