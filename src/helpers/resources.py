"""Read the package's linguistic resources (``src/helpers/data/``): lists and tables with ``#`` comments.

Every resource is a UTF-8 text file whose header comment says what it is and where
it comes from. Blank lines and lines starting with ``#`` are skipped; files of
several tables mark each with a ``[section]`` line.
"""

from __future__ import annotations

from importlib import resources


def content_lines(text: str) -> list[str]:
    """Return the lines of ``text`` that are neither blank nor ``#`` comments, as written.

    >>> content_lines("# a word list\\nthe\\n\\n  # indented comment\\nof\\t1")
    ['the', 'of\\t1']
    """
    return [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def data_lines(name: str) -> list[str]:
    """Return the content lines of the package data file ``name``.

    >>> data_lines("abbreviations.txt")[0]
    'U.S'
    """
    return content_lines(resources.files("helpers").joinpath(f"data/{name}").read_text("utf-8"))


def data_sections(name: str) -> dict[str, list[str]]:
    """Return the content lines of a package data file grouped by their ``[section]`` line.

    >>> data_sections("event_cues.txt")["relations"][:2]
    ['after', 'before']
    """
    sections: dict[str, list[str]] = {}
    current: list[str] = []
    for line in data_lines(name):
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            current = sections.setdefault(stripped[1:-1].strip(), [])
        else:
            current.append(line)
    return sections


def data_weights(name: str) -> dict[str, float]:
    """Return a model's weights from a package data TSV of ``feature<TAB>weight`` rows under a column header.

    >>> data_weights("event_tagger.tsv")["bias"] < 0
    True
    """
    weights: dict[str, float] = {}
    for line in data_lines(name)[1:]:
        feature, _, weight = line.rpartition("\t")
        weights[feature] = float(weight)
    return weights
