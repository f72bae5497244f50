"""Charts for every step, in matplotlib: each function takes ``ax=None`` and returns the Axes.

Text from the page (words, event labels, titles in captions) is data: every such
string goes through ``plain`` (or, in the corpus charts, Text artists with
``parse_math=False``) so matplotlib never reads it as mathtext. Label and
anchor names come from ``helpers.boilerplate`` and ``helpers.timeline``.
``save_figure`` writes PNG and SVG atomically; ``show_figure`` shows the PNG it
wrote instead of drawing the figure a third time. matplotlib is imported inside
the functions so the rest of the package loads fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from helpers.boilerplate import LABELS
from helpers.reports import write_atomically
from helpers.timeline import EXPLICIT, PUBLICATION, RELATIVE

if TYPE_CHECKING:
    from collections.abc import Iterable

    import numpy
    import pandas
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

_PAD_INCHES = 0.1  # the margin matplotlib's bbox_inches="tight" leaves around a figure


def plain(text: object) -> str:
    r"""Return ``text`` as a string matplotlib shows as written: ``$`` escaped, so no mathtext.

    >>> print(plain("Firm paid $5 million, up from $3_000^2"))
    Firm paid \$5 million, up from \$3_000^2
    """
    return str(text).replace("$", r"\$")


def _plain_all(texts: Iterable[object]) -> list[str]:
    """Return every text through ``plain``."""
    return [plain(text) for text in texts]


def save_figure(figure: Figure, folder: str | Path, name: str) -> list[Path]:
    """Write ``figure`` to ``folder`` (created if missing) as NAME.png at 150 dpi and a reproducible NAME.svg.

    The figure is laid out once, without drawing, and both files keep that layout and are cut
    to the same tight box (a constrained layout is not computed again for each file); each
    file is drawn once (the inline display shows the PNG: ``show_figure``). Each
    file is written under a temporary name and renamed when complete
    (``reports.write_atomically``), so a failure (disk full, read-only folder) leaves no
    truncated file and raises ``ReportError`` naming the file and the cause. The SVG carries
    no date and its element ids come from a fixed salt, so a rerun writes the same file.

    >>> import tempfile, matplotlib.pyplot as plt
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     [path.name for path in save_figure(plt.figure(), Path(folder) / "figures", "empty") if path.is_file()]
    ['empty.png', 'empty.svg']
    """
    import matplotlib

    folder = Path(folder)
    png, svg = folder / f"{name}.png", folder / f"{name}.svg"
    box = _tight_box(figure)
    engine = figure.get_layout_engine()
    # No layout engine while saving: laid out once by _tight_box, both files keep that layout, and
    # savefig draws each file once (with any engine, even "none", it first draws without output).
    unset = {"svg.hashsalt": "helpers", "figure.autolayout": False, "figure.constrained_layout.use": False}
    try:
        with matplotlib.rc_context(unset):
            figure.set_layout_engine(None)
            write_atomically(png, lambda path: figure.savefig(path, format="png", dpi=150, bbox_inches=box))
            write_atomically(
                svg, lambda path: figure.savefig(path, format="svg", bbox_inches=box, metadata={"Date": None})
            )
    finally:
        if engine is not None:
            figure.set_layout_engine(engine)
    return [png, svg]


def _tight_box(figure: Figure):
    """Return the figure's tight bounding box in inches, laid out but not drawn (the box both files share)."""
    engine = figure.get_layout_engine()
    if engine is not None:
        engine.execute(figure)
    return figure.get_tightbbox(figure.canvas.get_renderer()).padded(_PAD_INCHES)


def show_figure(figure: Figure, png: str | Path) -> None:
    """Show the PNG ``save_figure`` wrote, at screen size, and close ``figure`` so it is not drawn again.

    Outside IPython nothing is shown; the figure is closed all the same.

    >>> import tempfile, matplotlib.pyplot as plt
    >>> figure = plt.figure()
    >>> show_figure(figure, save_figure(figure, tempfile.mkdtemp(), "empty")[0]); plt.fignum_exists(figure.number)
    False
    """
    import matplotlib.pyplot as plt

    plt.close(figure)
    try:
        from IPython import get_ipython
        from IPython.display import Image, display
    except ImportError:
        return
    if get_ipython() is not None:
        image = Image(filename=str(png))
        width = _png_width(image.data)
        display(Image(data=image.data, width=round(width * 100 / 150)) if width else image)


def _png_width(data: bytes) -> int:
    """Return the pixel width in a PNG header, or 0 when ``data`` is not a PNG."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or len(data) < 24:
        return 0
    return int.from_bytes(data[16:20], "big")


def plot_paragraph_lengths(table: pandas.DataFrame, ax: Axes | None = None, source: str = "") -> Axes:
    """Horizontal bars of words per paragraph, in reading order (``article.paragraph_table``).

    >>> import pandas; plot_paragraph_lengths(pandas.DataFrame({"line": [1, 2], "words": [5, 40]})).get_title()
    'Words per paragraph, in reading order'
    """
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(7, 0.28 * len(table) + 1.2))
    positions = range(len(table))
    ax.barh(positions, table["words"], color="#4c72b0")
    ax.set_yticks(positions, [f"line {line}" for line in table["line"]], fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel("words")
    ax.set_title("Words per paragraph, in reading order")
    for position, words in zip(positions, table["words"]):
        ax.annotate(
            str(words), (words, position), xytext=(3, 0), textcoords="offset points", va="center", fontsize=7
        )
    _caption(
        ax, source, "Paragraphs: helpers.article.read_article (a line of the dump each; line 1 is the title)."
    )
    return ax


# Timeline: marker and colour per anchor type (helpers.timeline's anchor column).
_ANCHOR_STYLES = {EXPLICIT: ("o", "#1f5f99"), PUBLICATION: ("s", "#c45a11"), RELATIVE: ("D", "#2b8a3e")}
_RECENT_DAYS = 45


def _span_days(events: pandas.DataFrame) -> int:
    """Return the number of days the events cover."""
    return (max(events["end"]) - min(events["start"])).days + 1


def _timeline_panels(timeline: pandas.DataFrame) -> list[pandas.DataFrame]:
    """Split events into a years panel and a recent-days panel when one scale cannot show both."""
    from datetime import timedelta

    if timeline.empty:
        return [timeline]
    recent_span = timeline["end"] - timeline["start"] < timedelta(days=_RECENT_DAYS)
    recent = recent_span & (timeline["start"] >= max(timeline["end"]) - timedelta(days=_RECENT_DAYS))
    if recent.all() or not recent.any():
        return [timeline]
    return [timeline[~recent], timeline[recent]]


def _day_ticks(ax: Axes, events: pandas.DataFrame) -> None:
    """Label days at noon, between gridlines at midnight, so a day's marker sits above its label."""
    import matplotlib.dates as mdates
    from matplotlib import ticker

    step = max(1, _span_days(events) // 14)
    first = mdates.date2num(min(events["start"])) - 7 * step
    ax.xaxis.set_major_locator(mdates.DayLocator(interval=step))
    ax.xaxis.set_major_formatter(ticker.NullFormatter())
    ax.xaxis.set_minor_locator(
        ticker.FixedLocator([first + 0.5 + i * step for i in range(_span_days(events) // step + 14)])
    )
    ax.xaxis.set_minor_formatter(mdates.DateFormatter("%a\n%d %b\n%Y"))
    ax.tick_params(axis="x", which="minor", labelsize=8, length=0)


def _year_ticks(ax: Axes) -> None:
    """Label whole years only, every 1, 2, 5, 10, 20, 50 ... years, at most ten labels across the view."""
    import matplotlib.dates as mdates

    low, high = ax.get_xlim()
    years = (high - low) / 365.25
    step = next(
        base * scale for scale in (1, 10, 100, 1000) for base in (1, 2, 5) if years / (base * scale) <= 10
    )
    ax.xaxis.set_major_locator(mdates.YearLocator(step))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))


def _draw_timeline_panel(ax: Axes, events: pandas.DataFrame, days: bool) -> None:
    """Draw one panel: a row per event, a bar over its span, a marker by anchor, its value beside it."""
    import textwrap
    from datetime import timedelta

    import matplotlib.dates as mdates

    for row, event in enumerate(events.itertuples(index=False)):
        marker, colour = _ANCHOR_STYLES.get(event.anchor, ("o", "grey"))
        left, right = mdates.date2num(event.start), mdates.date2num(event.end + timedelta(days=1))
        if event.end > event.start:
            ax.barh(row, right - left, left=left, height=0.5, color=colour, alpha=0.3, edgecolor=colour)
        ax.plot((left + right) / 2, row, marker=marker, color=colour, markersize=7, linestyle="none")
        value = event.value + (f"  ({event.duration})" if event.duration else "")
        ax.annotate(
            plain(value), (right, row), xytext=(5, 0), textcoords="offset points", va="center", fontsize=8
        )
    ax.set_yticks(
        range(len(events)), [plain(textwrap.fill(label, 42)) for label in events["event"]], fontsize=8
    )
    ax.set_ylim(len(events) - 0.5, -0.6)
    pad = timedelta(days=max(2, _span_days(events) // 12))
    ax.set_xlim(mdates.date2num(min(events["start"]) - pad), mdates.date2num(max(events["end"]) + 2 * pad))
    if days:
        _day_ticks(ax, events)
    else:
        _year_ticks(ax)
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)


def plot_timeline(
    timeline: pandas.DataFrame, ax: Axes | None = None, source: str = ""
) -> Axes | numpy.ndarray:
    """Chart ``timeline.build_timeline`` rows; return one Axes, or a numpy array of two Axes (years, then recent days).

    Unlike the other plots, the return type depends on the data: with ``ax=None`` two
    panels are drawn, and an array of their two Axes returned, when events span years
    and also cluster in the last weeks; otherwise one Axes is returned. Pass one Axes to
    force one panel (that Axes is returned), or two Axes to place both panels (both are
    returned, as an array). ``plt.gcf()`` or ``numpy.atleast_1d(result)[0].figure`` gives the figure.
    Bars show the span of week, month and year values; marker and colour show the anchor.

    >>> import pandas; from datetime import date
    >>> plot_timeline(pandas.DataFrame({"start": [date(1987, 1, 1)], "end": [date(1987, 12, 31)],
    ...     "value": ["1987"], "event": ["drought ended"], "anchor": ["explicit"], "duration": [""]})).get_title()
    'Timeline of the events the text dates'
    """

    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt
    import numpy
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    panels = _timeline_panels(timeline)
    if ax is None:
        heights = [max(len(panel), 1) * 0.55 + 1.0 for panel in panels]
        heights[0] += 0.6  # the title and the legend above the first panel
        heights[-1] += 0.4  # the caption under the last
        _, grid = plt.subplots(
            len(panels),
            1,
            figsize=(10, sum(heights) + 0.8),
            height_ratios=heights,
            squeeze=False,
            layout="constrained",
        )
        axes = grid[:, 0]
    else:
        axes = numpy.atleast_1d(ax)
        panels = panels if len(axes) == len(panels) else [timeline]
    for i, (panel_ax, events) in enumerate(zip(axes, panels)):
        if events.empty:
            panel_ax.text(0.5, 0.5, "no dated events", ha="center", va="center", transform=panel_ax.transAxes)
            panel_ax.set_xticks([])
            panel_ax.set_yticks([])
            continue
        _draw_timeline_panel(panel_ax, events, i == 1 or _span_days(events) <= 4 * _RECENT_DAYS)
    if len(panels) > 1:
        recent = panels[1]
        first = mdates.date2num(min(recent["start"]))
        low, high = axes[0].get_xlim()
        if first > high:  # the years panel reaches the recent weeks, so the dashed line and its note show
            axes[0].set_xlim(low, first + (first - low) * 0.15)
            _year_ticks(axes[0])
        axes[0].axvline(first, color="#777777", linestyle="--", linewidth=1)
        axes[0].annotate(
            f"{len(recent)} events in {_span_days(recent)} days,\nzoomed below",
            (first, 1),
            xycoords=("data", "axes fraction"),
            xytext=(-4, -4),
            textcoords="offset points",
            ha="right",
            va="top",
            fontsize=7,
            color="#555555",
        )
        axes[1].set_title("Recent weeks, by day", fontsize=9, loc="left")
    axes[0].set_title("Timeline of the events the text dates", pad=24)
    handles = [
        Line2D([], [], marker=m, color=c, linestyle="none", label=f"dated: {a}")
        for a, (m, c) in _ANCHOR_STYLES.items()
    ]
    handles.append(Patch(facecolor="#888888", alpha=0.3, label="span of a week, month, year ..."))
    axes[0].legend(
        handles=handles, fontsize=7, loc="lower left", bbox_to_anchor=(0, 1.0), ncol=4, frameon=False
    )
    note = "Dates: TIMEX3 expressions anchored on the publication date (helpers.timex, helpers.timeline)."
    axes[-1].set_xlabel(
        plain("\n".join(filter(None, (source, note)))), loc="left", fontsize=7, color="#555555"
    )
    return axes if len(axes) > 1 else axes[0]


# Body/boilerplate: colour and marker per label, in the order of helpers.boilerplate.LABELS
# (title, standfirst, body, boilerplate).
_LABEL_STYLES = dict(
    zip(LABELS, [("#7b3294", "s"), ("#e08214", "D"), ("#1f78b4", "o"), ("#8c8c8c", "X")], strict=True)
)
_WORD_TICKS = (0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000)


def group_close_points(
    points: Iterable[tuple[str, float, float]], dx: float, dy: float
) -> list[tuple[str, float, float]]:
    """Join the names of points closer than ``dx`` and ``dy`` to an earlier point, so labels never overlap.

    >>> group_close_points([("2", 3.90, 0.40), ("9", 1.0, 0.1), ("7", 3.92, 0.41)], 0.1, 0.03)
    [('2, 7', 3.9, 0.4), ('9', 1.0, 0.1)]
    """
    anchors: dict[tuple[int, int], int] = {}
    groups: list[tuple[list[str], float, float]] = []
    for name, x, y in points:
        cell = (int(x // dx), int(y // dy))
        near = (
            anchors[(cell[0] + i, cell[1] + j)]
            for i in (-1, 0, 1)
            for j in (-1, 0, 1)
            if (cell[0] + i, cell[1] + j) in anchors
        )
        found = next((g for g in near if abs(groups[g][1] - x) < dx and abs(groups[g][2] - y) < dy), None)
        if found is None:
            anchors.setdefault(cell, len(groups))
            groups.append(([name], x, y))
        else:
            groups[found][0].append(name)
    return [(", ".join(names), x, y) for names, x, y in groups]


def plot_separation_features(features: pandas.DataFrame, ax: Axes | None = None, source: str = "") -> Axes:
    """Scatter paragraphs by length and function-word share, by label (``Separation.feature_table()``).

    Points are numbered with their line when the table has a ``line`` column.

    >>> import pandas
    >>> table = pandas.DataFrame({"label": ["body", "boilerplate"], "log_words": [3.0, 0.7],
    ...     "function_share": [0.5, 0.0]})
    >>> plot_separation_features(table).get_title()
    'Paragraphs by length and share of function words'
    """
    import matplotlib.pyplot as plt
    import numpy as np
    from matplotlib.ticker import FixedLocator, NullLocator, StrMethodFormatter

    if ax is None:
        _, ax = plt.subplots(figsize=(7, 4.4))
    points = []
    for label, (colour, marker) in _LABEL_STYLES.items():
        rows = features[features["label"] == label]
        if not len(rows):
            continue
        words = np.rint(np.expm1(rows["log_words"].astype(float)))
        share = rows["function_share"].astype(float)
        ax.scatter(words, share, s=46, color=colour, marker=marker, alpha=0.8, edgecolor="white", linewidth=0.5,
                   label=f"{label} ({len(rows)})", zorder=3 if label == "standfirst" else 2)  # fmt: skip
        points += [
            (str(line), float(np.log1p(x)), float(y))
            for line, x, y in zip(rows.get("line", []), words, share)
        ]
    for lines, x, y in group_close_points(points, dx=0.08, dy=0.02):  # about one label's size
        ax.annotate(
            lines, (np.expm1(x), y), xytext=(4, 3), textcoords="offset points", fontsize=6.5, color="#333333"
        )
    most = max(float(np.expm1(features["log_words"].astype(float)).max()), 1.0) if len(features) else 1.0
    ax.set_xscale("symlog", linthresh=1, linscale=0.4)  # 0 words has a place; log scale from 1 word on
    ax.set_xlim(-0.1, most * 1.6)
    ax.xaxis.set_major_locator(FixedLocator([tick for tick in _WORD_TICKS if tick <= most * 1.6]))
    ax.xaxis.set_major_formatter(StrMethodFormatter("{x:.0f}"))
    ax.xaxis.set_minor_locator(NullLocator())
    ax.set_xlabel("words in the paragraph (log scale from 1; 0 at the left edge)")
    ax.set_ylabel("share of function words")
    ax.set_ylim(-0.03, 0.8)
    ax.set_title("Paragraphs by length and share of function words")
    ax.legend(fontsize=8, loc="upper left", frameon=False)
    note = "Numbers are line numbers. Features: helpers.paragraph_features; labels: helpers.boilerplate.separate."
    ax.annotate(plain("\n".join(filter(None, (source, note)))), (0, -0.2), xycoords="axes fraction", fontsize=7,
                color="#555555", va="top")  # fmt: skip
    return ax


# Word frequencies (helpers.frequencies): the caption names the tokenizer and the stoplist.
FREQUENCY_NOTE = (
    "Tokens: helpers.tokens.tokenize (nltk Treebank-style, after Punkt sentences); punctuation not counted.\n"
    "Stoplist: helpers/data/stoplist.txt (closed-class words: determiners, pronouns, auxiliaries, prepositions, ...)."
)
_BAND_COLOURS = {"p < 0.0001": "#08306b", "p < 0.001": "#2171b5", "p < 0.01": "#6baed6", "p < 0.05": "#c6dbef",
                 "not significant": "#bdbdbd"}  # fmt: skip


def _caption(ax: Axes, source: str, note: str = FREQUENCY_NOTE) -> None:
    """Write the source and the method note under the Axes, left-aligned."""
    ax.annotate(plain("\n".join(filter(None, (source, note)))), (0, 0), xycoords="axes fraction", xytext=(0, -38),
                textcoords="offset points", fontsize=7, color="#555555", va="top")  # fmt: skip


def plot_top_words(table: pandas.DataFrame, ax: Axes | None = None, top: int = 20, source: str = "") -> Axes:
    """Ranked horizontal bars of the most frequent words with their counts (``frequencies.frequency_table``).

    >>> import pandas; plot_top_words(pandas.DataFrame({"word": ["war"], "count": [3], "per_1000": [9.1]})).get_title()
    'The 1 most frequent words'
    """
    import matplotlib.pyplot as plt

    rows = table.head(top)
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 0.26 * len(rows) + 1.6))
    positions = range(len(rows))
    ax.barh(positions, rows["count"], color="#4c72b0")
    ax.set_yticks(positions, _plain_all(rows["word"]), fontsize=8)
    ax.invert_yaxis()
    for position, count, rate in zip(positions, rows["count"], rows["per_1000"]):
        ax.annotate(f"{count} ({rate:.1f} per 1,000)", (count, position), xytext=(3, 0), textcoords="offset points",
                    va="center", fontsize=7)  # fmt: skip
    ax.set_xlim(0, max(rows["count"], default=1) * 1.35)
    ax.set_xlabel("occurrences")
    ax.set_title(f"The {len(rows)} most frequent words")
    _caption(ax, source)
    return ax


def plot_comparison(table: pandas.DataFrame, ax: Axes | None = None, top: int = 20, source: str = "") -> Axes:
    """Back-to-back bars of per-1,000 rates in two texts (``frequencies.compare``); bold = G2 significant.

    The words shown are the ``top // 2`` most frequent in each text, those most typical
    of the first text at the top.

    >>> import pandas; plot_comparison(pandas.DataFrame({"word": ["war"], "body_count": [3], "appeal_count": [0],
    ...     "body_per_1000": [9.1], "appeal_per_1000": [0.0], "band": ["p < 0.05"]})).get_title()
    'Words per 1,000: body (right) and appeal (left)'
    """
    import matplotlib.pyplot as plt

    first, second = [column.removesuffix("_count") for column in table.columns if column.endswith("_count")][
        :2
    ]
    chosen = set()
    for name in (first, second):
        chosen |= set(
            table.sort_values([f"{name}_per_1000", "word"], ascending=[False, True])["word"].head(top // 2)
        )
    rows = table[table["word"].isin(chosen)]
    difference = rows[f"{first}_per_1000"] - rows[f"{second}_per_1000"]
    rows = rows.assign(difference=difference).sort_values(["difference", "word"], ascending=[False, True])
    if ax is None:
        _, ax = plt.subplots(figsize=(7.5, 0.26 * len(rows) + 1.8))
    positions = range(len(rows))
    ax.barh(positions, rows[f"{first}_per_1000"], color="#4c72b0", label=plain(first))
    ax.barh(positions, -rows[f"{second}_per_1000"], color="#dd8452", label=plain(second))
    ax.set_yticks(positions, _plain_all(rows["word"]), fontsize=8)
    for label, band in zip(ax.get_yticklabels(), rows["band"]):
        label.set_fontweight("normal" if band == "not significant" else "bold")
    ax.invert_yaxis()
    ax.axvline(0, color="#333333", linewidth=0.8)
    limit = max(rows[f"{first}_per_1000"].max(), rows[f"{second}_per_1000"].max(), 1) * 1.1
    ax.set_xlim(-limit, limit)
    ax.xaxis.set_major_formatter(lambda value, _: f"{abs(value):g}")
    ax.set_xlabel(plain(f"per 1,000 words: {second} (left), {first} (right)"))
    ax.set_title(plain(f"Words per 1,000: {first} (right) and {second} (left)"))
    ax.legend(fontsize=8, loc="lower right", frameon=False)
    _caption(ax, source, FREQUENCY_NOTE + "\nBold: log-likelihood G2 significant at p < 0.05.")
    return ax


def plot_keyness(
    table: pandas.DataFrame,
    ax: Axes | None = None,
    top: int = 20,
    source: str = "",
    reference: str = "general English from wordfreq, read as a nominal 100 million words",
) -> Axes:
    """Bars of Log Ratio for the top keywords (``frequencies.keyness``), coloured by G2 significance band.

    >>> import pandas
    >>> plot_keyness(pandas.DataFrame({"word": ["war"], "log_ratio": [6.2], "band": ["p < 0.001"]})).get_title()
    'Keywords: how many times more frequent than in the reference (Log Ratio)'
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    rows = table.head(top)
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 0.26 * len(rows) + 1.8))
    positions = range(len(rows))
    ax.barh(positions, rows["log_ratio"], color=[_BAND_COLOURS.get(band, "#bdbdbd") for band in rows["band"]])
    ax.set_yticks(positions, _plain_all(rows["word"]), fontsize=8)
    ax.invert_yaxis()
    ax.axvline(0, color="#333333", linewidth=0.8)
    ax.set_xlabel("Log Ratio (+1 = twice as frequent as in the reference, +2 = four times)")
    ax.set_title("Keywords: how many times more frequent than in the reference (Log Ratio)", fontsize=10)
    bands = [band for band in _BAND_COLOURS if band in set(rows["band"])]
    ax.legend(handles=[Patch(color=_BAND_COLOURS[band], label=band) for band in bands], fontsize=7, loc="lower right",
              title="G2", title_fontsize=7, frameon=False)  # fmt: skip
    _caption(ax, source, FREQUENCY_NOTE + f"\nReference: {reference}.")
    return ax


def plot_dispersion(
    table: pandas.DataFrame,
    tokens: int,
    paragraph_starts: tuple[int, ...] | list[int] = (),
    ax: Axes | None = None,
    source: str = "",
) -> Axes:
    """Mark where each word occurs across a text of ``tokens`` tokens (``frequencies.dispersion``), paragraphs dashed.

    >>> import pandas; plot_dispersion(pandas.DataFrame({"word": ["war"], "position": [5]}), 10, [0, 4]).get_title()
    'Where the words occur, from the first token to the last'
    """
    import matplotlib.pyplot as plt

    words = list(dict.fromkeys(table["word"]))
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 0.4 * len(words) + 1.8))
    for start in paragraph_starts:
        ax.axvline(start - 0.5, color="#bbbbbb", linestyle="--", linewidth=0.7, zorder=0)
    rows = {word: row for row, word in enumerate(words)}
    ax.scatter(table["position"], table["word"].map(rows), marker="|", s=220, linewidths=1.6, color="#4c72b0")
    ax.set_yticks(range(len(words)), _plain_all(words), fontsize=8)
    ax.set_ylim(len(words) - 0.5, -0.5)
    ax.set_xlim(0, max(tokens, 1))
    ax.set_xlabel("token position (dashed lines: paragraph starts)")
    ax.set_title("Where the words occur, from the first token to the last")
    _caption(ax, source, FREQUENCY_NOTE.splitlines()[0] + "\nMatching ignores case.")
    return ax


# --- Many articles (helpers.corpus_analysis) -------------------------------------------------
# Words and event labels come from the pages: every text drawn from them is set with
# parse_math=False, so a "$" on a page never turns a label into mathtext.


def plot_word_trends(trends: pandas.DataFrame, ax: Axes | None = None, source: str = "") -> Axes:
    """Lines of each word's rate per 1,000 body words by period of publication (``corpus_analysis.word_trends``).

    >>> import pandas, datetime
    >>> trends = pandas.DataFrame({"period": [datetime.date(2023, 5, 1)] * 2, "word": ["port", "$x$"],
    ...                            "per_1000": [2.0, 1.0]})
    >>> [text.get_text() for text in plot_word_trends(trends).get_legend().get_texts()]
    ['port', '$x$']
    """
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(8, 3.6))
    for word in dict.fromkeys(trends["word"]):
        rows = trends[trends["word"] == word]
        ax.plot(list(rows["period"]), rows["per_1000"], marker="o", markersize=3, label=word)
    ax.set_ylabel("per 1,000 body words")
    ax.set_title("Word trends by date of publication")
    legend = ax.legend(fontsize=8, frameon=False, loc="upper left")
    for text in legend.get_texts():
        text.set_parse_math(False)
    ax.figure.autofmt_xdate()
    _caption(
        ax,
        source,
        "Rates over the body words of the articles published in each period; undated articles left out.",
    )
    return ax


def plot_merged_timeline(
    merged: pandas.DataFrame, ax: Axes | None = None, top: int = 20, source: str = "", width: int = 60
) -> Axes:
    """Dots on one time axis for the ``top`` events most articles report, the latest first among ties.

    ``merged`` is ``corpus_analysis.merged_timeline``'s table.

    >>> import pandas, datetime
    >>> merged = pandas.DataFrame({"start": [datetime.date(2023, 5, 1)], "end": [datetime.date(2023, 5, 1)],
    ...     "value": ["2023-05-01"], "event": ["costs $5 $6"], "articles": [3]})
    >>> [label.get_text() for label in plot_merged_timeline(merged).get_yticklabels()]
    ['2023-05-01  costs $5 $6  (3)']
    """
    import matplotlib.pyplot as plt

    order = [column for column in ("articles", "reports", "start") if column in merged.columns]
    rows = merged.sort_values(order, ascending=False).head(top).sort_values(["start", "end"])
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 0.32 * len(rows) + 1.6))
    positions = range(len(rows))
    starts, ends = list(rows["start"]), list(rows["end"])
    ax.hlines(positions, starts, ends, color="#4c72b0", linewidth=3, alpha=0.5)
    ax.scatter(starts, positions, s=[30 + 25 * n for n in rows["articles"]], color="#4c72b0", zorder=3)
    labels = [
        f"{value}  {event[:width] + ('…' if len(event) > width else '')}  ({articles})"
        for value, event, articles in zip(rows["value"], rows["event"].astype(str), rows["articles"])
    ]
    ax.set_yticks(list(positions), labels, fontsize=7, parse_math=False)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_title(f"Merged timeline: the {len(rows)} events most articles report (articles in brackets)")
    _caption(
        ax,
        source,
        "Events: helpers.corpus_analysis.merged_timeline; dot size grows with the articles reporting.",
    )
    return ax
