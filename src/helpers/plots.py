"""Charts for every step, in matplotlib: each function takes ``ax=None`` and returns the Axes.

matplotlib is imported inside the functions so the rest of the package loads fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas
    from matplotlib.axes import Axes


def plot_paragraph_lengths(table: pandas.DataFrame, ax: Axes | None = None) -> Axes:
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
        ax.annotate(str(words), (words, position), xytext=(3, 0), textcoords="offset points", va="center", fontsize=7)
    return ax
