"""Tests for helpers.plots: page text stays plain text, figures are written whole, labels never overlap."""

import errno
import os
from datetime import date

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas  # noqa: E402
import pytest  # noqa: E402
from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from matplotlib import cbook  # noqa: E402
from matplotlib.text import Text  # noqa: E402

from helpers import plots  # noqa: E402
from helpers.boilerplate import LABELS, separate  # noqa: E402
from helpers.frequencies import (  # noqa: E402
    compare,
    dispersion,
    frequency_table,
    keyness,
    paragraph_starts,
    tokenize,
)
from helpers.plots import (  # noqa: E402
    group_close_points,
    plain,
    plot_comparison,
    plot_dispersion,
    plot_keyness,
    plot_paragraph_lengths,
    plot_separation_features,
    plot_timeline,
    plot_top_words,
    save_figure,
    show_figure,
)
from helpers.reports import ReportError  # noqa: E402
from helpers.timeline import EXPLICIT, PUBLICATION, RELATIVE  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures():
    """Close every figure a test opened."""
    yield
    plt.close("all")


# What a page can hold that mathtext would read as markup: dollars in pairs, sub/superscripts, commands.
HOSTILE = r"Firm paid $5 million, up from $3 x_1^2 \alpha $\frac{a}{b}$ \$"


def shown_texts(figure) -> list[str]:
    """Draw ``figure`` and return every text as matplotlib shows it; fail if any would be read as mathtext."""
    figure.canvas.draw()
    texts = [text.get_text() for text in figure.findobj(Text) if text.get_text()]
    assert not [text for text in texts if cbook.is_math_text(text)]
    return [text.replace(r"\$", "$") for text in texts]


def hostile_words(n: int = 3) -> list[str]:
    return [f"{HOSTILE}{i}" for i in range(n)]


def test_plain_keeps_text_as_written_and_out_of_mathtext():
    assert not cbook.is_math_text(plain(HOSTILE))
    assert plain(HOSTILE).replace(r"\$", "$") == HOSTILE
    assert plain("no dollars: x_1^2 \\alpha") == "no dollars: x_1^2 \\alpha"


def test_paragraph_lengths_caption_is_plain():
    ax = plot_paragraph_lengths(pandas.DataFrame({"line": [1, 2], "words": [5, 40]}), source=HOSTILE)
    assert any(HOSTILE in text for text in shown_texts(ax.figure))
    plt.close(ax.figure)


def test_top_words_keyness_and_dispersion_show_hostile_words_as_written():
    words = hostile_words()
    table = pandas.DataFrame({
        "word": words, "count": [3, 2, 1], "per_1000": [9.0, 6.0, 3.0], "log_ratio": [5.0, 4.0, 3.0],
        "band": ["p < 0.001", "p < 0.05", "not significant"],
    })  # fmt: skip
    for ax in (
        plot_top_words(table, source=HOSTILE),
        plot_keyness(table, source=HOSTILE, reference=HOSTILE),
        plot_dispersion(pandas.DataFrame({"word": words, "position": [1, 4, 8]}), 10, [0, 5], source=HOSTILE),
    ):
        shown = shown_texts(ax.figure)
        assert set(words) <= set(shown)
        assert any(HOSTILE in text for text in shown if text not in words)
        plt.close(ax.figure)


def test_comparison_shows_hostile_words_and_names_as_written():
    words = hostile_words(2)
    table = pandas.DataFrame({
        "word": words, "body $x$_count": [3, 0], "appeal_count": [0, 2], "body $x$_per_1000": [9.0, 0.0],
        "appeal_per_1000": [0.0, 6.0], "band": ["p < 0.05", "not significant"],
    })  # fmt: skip
    ax = plot_comparison(table, source=HOSTILE)
    shown = shown_texts(ax.figure)
    assert set(words) <= set(shown)
    assert any("body $x$" in text for text in shown)
    plt.close(ax.figure)


def test_timeline_shows_event_labels_and_values_as_written():
    events = pandas.DataFrame({
        "start": [date(1994, 1, 1), date(2022, 9, 18), date(2022, 9, 19)],
        "end": [date(1994, 12, 31), date(2022, 9, 18), date(2022, 9, 19)],
        "value": ["1994", "2022-09-18", "$x$"],
        "event": [r"x_1^2 \alpha $\frac{a}{b}$ \$", "firm paid $5 and $6", "x_1^2"],
        "anchor": [EXPLICIT, RELATIVE, PUBLICATION],
        "duration": ["", "", ""],
    })  # fmt: skip
    axes = plot_timeline(events, source="Source: $x$.txt")
    figure = axes[0].figure
    shown = shown_texts(figure)
    for expected in ("firm paid $5 and $6", "x_1^2", "$x$"):
        assert any(expected in text for text in shown)
    assert r"x_1^2 \alpha $\frac{a}{b}$ \$" in shown
    assert any("Source: $x$.txt" in text for text in shown)
    years = [label.get_text() for label in axes[0].get_xticklabels() if label.get_text()]
    assert years and len(years) == len(set(years))  # whole years, each once
    legend = [text.get_text() for text in axes[0].get_legend().get_texts()]
    assert legend[:3] == [f"dated: {anchor}" for anchor in (EXPLICIT, PUBLICATION, RELATIVE)]
    plt.close(figure)


def test_every_chart_draws_the_case_study(seed_article, tmp_path):
    separation = separate(seed_article)
    tokens = tokenize(separation.body)
    charts = [
        plot_separation_features(separation.feature_table(), source=HOSTILE),
        plot_top_words(frequency_table(tokens)),
        plot_comparison(compare(tokens, tokenize(separation.boilerplate), names=("body", "boilerplate"))),
        plot_keyness(keyness(tokens)),
        plot_dispersion(dispersion(tokens, ["meeting"]), len(tokens)),
    ]
    for number, ax in enumerate(charts):
        png, svg = save_figure(ax.figure, tmp_path, f"chart-{number}")
        assert png.stat().st_size > 1000 and svg.read_text().rstrip().endswith("</svg>")
        plt.close(ax.figure)


def test_separation_features_use_the_separators_labels_and_an_honest_axis(seed_article):
    ax = plot_separation_features(separate(seed_article).feature_table())
    ax.figure.canvas.draw()
    legend = [text.get_text().split(" (")[0] for text in ax.get_legend().get_texts()]
    assert set(legend) <= set(LABELS) and legend == [label for label in LABELS if label in legend]
    ticks = [label.get_text() for label in ax.get_xticklabels() if label.get_text()]
    assert ticks[:3] == ["0", "1", "2"] and not [tick for tick in ticks if "." in tick]
    assert "+ 1" not in ax.get_xlabel()
    # No two line-number labels overlap on the drawn chart.
    renderer = ax.figure.canvas.get_renderer()
    boxes = [text.get_window_extent(renderer) for text in ax.texts if text.get_text()[:1].isdigit()]
    overlapping = [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :] if a.overlaps(b)]
    assert boxes and not overlapping
    shown = {text.get_text() for text in ax.texts}
    assert any("," in text for text in shown)  # the case study's standfirst and first paragraph share a spot
    plt.close(ax.figure)


def test_a_paragraph_without_words_sits_at_zero():
    table = pandas.DataFrame({
        "label": ["boilerplate", "body"], "line": [3, 4], "log_words": [0.0, 3.0], "function_share": [0.0, 0.5],
    })  # fmt: skip
    ax = plot_separation_features(table)
    offsets = [collection.get_offsets()[:, 0].tolist() for collection in ax.collections]
    assert [0.0] in offsets
    plt.close(ax.figure)


@given(st.lists(st.tuples(st.floats(0, 8), st.floats(0, 1)), max_size=60))
def test_grouped_points_keep_every_name_and_stand_apart(points):
    named = [(str(i), x, y) for i, (x, y) in enumerate(points)]
    groups = group_close_points(named, dx=0.12, dy=0.035)
    assert [name for label, _, _ in groups for name in label.split(", ")] != [] or not named
    assert sorted(name for label, _, _ in groups for name in label.split(", ")) == sorted(
        n for n, _, _ in named
    )
    for i, (_, x1, y1) in enumerate(groups):
        for _, x2, y2 in groups[i + 1 :]:
            assert abs(x1 - x2) >= 0.12 or abs(y1 - y2) >= 0.035


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
    assert sorted(path.name for path in folder.iterdir()) == [
        "lengths.png",
        "lengths.svg",
    ]  # no temporary left
    plt.close(ax.figure)


def test_save_figure_cuts_png_and_svg_to_the_same_box(tmp_path):
    ax = plot_paragraph_lengths(pandas.DataFrame({"line": [1, 2], "words": [5, 40]}), source="Source: x.txt")
    png, svg = save_figure(ax.figure, tmp_path, "lengths")
    width = int.from_bytes(png.read_bytes()[16:20], "big")
    svg_width = float(svg.read_text().split('width="', 1)[1].split("pt", 1)[0])
    assert abs(width / 150 - svg_width / 72) < 0.02  # inches
    plt.close(ax.figure)


def test_save_figure_lays_out_once_and_draws_each_file_once(tmp_path, monkeypatch):
    figure, ax = plt.subplots(layout="constrained")
    ax.set_title("Laid out by constrained layout")
    engine = figure.get_layout_engine()
    layouts, draws = [], []
    monkeypatch.setattr(type(engine), "execute", lambda self, fig: layouts.append(fig))
    real_draw = type(figure).draw
    monkeypatch.setattr(
        type(figure), "draw", lambda self, renderer: draws.append(renderer) or real_draw(self, renderer)
    )
    save_figure(figure, tmp_path, "constrained")
    assert len(layouts) == 1  # _tight_box, not again for each file
    assert len(draws) == 2  # the PNG and the SVG, no draw without output before each
    assert figure.get_layout_engine() is engine  # the figure keeps its engine afterwards
    plt.close(figure)


def test_a_failed_write_leaves_no_file_and_names_file_and_cause(tmp_path, monkeypatch):
    ax = plot_paragraph_lengths(pandas.DataFrame({"line": [1], "words": [5]}))
    real_savefig = ax.figure.savefig

    def full_disk(path, **kwargs):
        real_savefig(path, **kwargs)  # a partial file is on disk when the error comes
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    monkeypatch.setattr(ax.figure, "savefig", full_disk)
    with pytest.raises(ReportError, match="No space left on device") as caught:
        save_figure(ax.figure, tmp_path, "lengths")
    assert "lengths" in str(caught.value) and str(tmp_path) in str(caught.value)
    assert list(tmp_path.iterdir()) == []
    plt.close(ax.figure)


def test_a_folder_that_is_a_file_is_a_clear_error(tmp_path):
    blocker = tmp_path / "figures"
    blocker.write_text("not a folder")
    ax = plot_paragraph_lengths(pandas.DataFrame({"line": [1], "words": [5]}))
    with pytest.raises(ReportError, match="figures"):
        save_figure(ax.figure, blocker, "lengths")
    plt.close(ax.figure)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to a read-only folder")
def test_a_read_only_folder_is_a_clear_error(tmp_path):
    tmp_path.chmod(0o555)
    ax = plot_paragraph_lengths(pandas.DataFrame({"line": [1], "words": [5]}))
    try:
        with pytest.raises(ReportError, match="Permission denied"):
            save_figure(ax.figure, tmp_path, "lengths")
    finally:
        tmp_path.chmod(0o755)
    assert list(tmp_path.iterdir()) == []
    plt.close(ax.figure)


def test_show_figure_closes_the_figure(tmp_path):
    ax = plot_paragraph_lengths(pandas.DataFrame({"line": [1], "words": [5]}))
    png, _ = save_figure(ax.figure, tmp_path, "lengths")
    show_figure(ax.figure, png)
    assert not plt.fignum_exists(ax.figure.number)
    assert plots._png_width(png.read_bytes()) > 100 and plots._png_width(b"GIF89a") == 0


# The word-frequency charts (helpers.frequencies tables).
BODY = [
    "Blinken met the foreign ministers of Armenia and Azerbaijan on Monday.",
    "It was the ministers' first meeting since the shelling. Blinken spoke first.",
    "Armenia and Azerbaijan blamed each other for the shelling, officials said.",
]
APPEAL = ["Your support helps us to tell the story. Your donation keeps our reporters on the story."]


def caption(ax) -> str:
    """All the texts written on the Axes (captions, notes), joined."""
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
