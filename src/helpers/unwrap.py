"""Rebuild the paragraphs of hard-wrapped text: e-mail, archive exports, text pasted from a PDF.

A page dump holds one block of text per line. Text wrapped at a fixed width
breaks every block into lines that end near one width, mostly without a
sentence end; ``wrap_width`` detects that from the line-length distribution.
``unwrap`` then drops page furniture that repeats on every page ("Page 3 of 12",
running heads), joins the lines of each paragraph back into one (a line starts a
new paragraph after a blank line, when it is indented or a list item, or when its
first word would have fitted on the line before: a wrapper breaks a line only when
the next word does not fit) and undoes line-end hyphenation with wordfreq's
English word list ("teac-" + "hers" -> "teachers"; "well-" + "known" stays
"well-known"). Text that is not wrapped comes back unchanged.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

MIN_WIDTH = 30
MAX_WIDTH = 200
# A line is "full" when it ends within this many columns of the width.
FULL_MARGIN = 12
# Wrapped text needs this many full lines, as a share of the lines longer than half the width.
MIN_FULL_LINES = 3
MIN_FULL_SHARE = 0.2
# The wrapper's slack is this percentile of the room left on lines that surely continue.
SLACK_QUANTILE = 90
# Share of full lines that end without a sentence end (a wrapper breaks anywhere).
MIN_OPEN_SHARE = 0.5
# Page furniture repeats at least this often (twice when it holds a page number), every
# MIN_PAGE_LINES lines or more, roughly evenly.
MIN_PAGES = 3
MIN_PAGE_LINES = 20
MAX_FURNITURE_LENGTH = 120
# A page carries a few furniture lines (running head, foot, page number, date), not more.
MAX_FURNITURE_LINES = 4
# Zipf frequencies (wordfreq): a known word, and a fragment that is no word of its own.
KNOWN_WORD_ZIPF = 3.0
# Longest word fragment looked at before a line-end hyphen.
MAX_WORD = 64
NO_WORD_ZIPF = 2.0

_SENTENCE_END = re.compile(r"[.!?:;][\"'\u201d\u2019)\]]*$")
_FULL_STOP = re.compile(r"[.!?][\"'\u201d\u2019)\]]*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*\u2022\u2013\u2014]\s|\d{1,3}[.)]\s)")
_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(
    r"\bpage\s+#(?:\s*(?:of|/)\s*#)?\b|^\W*#\s*(?:of|/)\s*#\W*$|^\W*[-\u2013]\s*#\s*[-\u2013]\W*$"
)
_HYPHEN_END = re.compile(r"([^\W\d_]+)-$")
_LETTERS_START = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Unwrapped:
    """Rebuilt text (one paragraph a line), each line's 1-based line in the input, and the changes."""

    text: str
    lines: tuple[int, ...]
    changes: tuple[tuple[int, str, str], ...] = ()
    width: int | None = None


def wrap_width(lines: Sequence[str]) -> int | None:
    """The width the lines are hard-wrapped at, or None when they are not wrapped.

    >>> wrap_width(["a long line of words that goes on", "short"] * 9), wrap_width(["One.", "Two."])
    (33, None)
    """
    lengths = sorted([len(line.rstrip()) for line in lines if " " in line.strip()])
    if len(lengths) < MIN_FULL_LINES:
        return None
    width = lengths[(len(lengths) - 1) * 99 // 100]
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        return None
    long = [
        line.rstrip() for line in lines if width // 2 < len(line.rstrip()) <= width and " " in line.strip()
    ]
    full = [line for line in long if len(line) >= width - FULL_MARGIN]
    open_ended = sum(not _SENTENCE_END.search(line) for line in full)
    wrapped = (
        len(full) >= MIN_FULL_LINES
        and len(full) >= MIN_FULL_SHARE * len(long)
        and open_ended >= MIN_OPEN_SHARE * len(full)
    )
    return width if wrapped else None


def page_furniture(lines: Sequence[str]) -> set[int]:
    """Indices of lines repeated on every page, page numbers aside ("Page 3 of 12", running heads).

    >>> sorted(page_furniture((["Daily News"] + ["text"] * 25) * 3))
    [0, 26, 52]
    >>> sorted(page_furniture(["- 1 -"] + ["text"] * 25 + ["- 2 -"]))
    [0, 26]
    """
    where: defaultdict[str, list[int]] = defaultdict(list)
    for index, line in enumerate(lines):
        stripped = line.strip()
        if stripped and len(stripped) <= MAX_FURNITURE_LENGTH:
            where[_DIGITS.sub("#", stripped.lower())].append(index)
    repeating = [
        (bool(_PAGE_NUMBER.search(key)), indices)
        for key, indices in where.items()
        if len(indices) >= (2 if _PAGE_NUMBER.search(key) else MIN_PAGES) and _evenly_spaced(indices)
    ]
    if len(repeating) > MAX_FURNITURE_LINES:  # text that repeats itself: keep all but page numbers
        repeating = [(numbered, indices) for numbered, indices in repeating if numbered]
    return {index for _, indices in repeating for index in indices}


def _evenly_spaced(indices: list[int]) -> bool:
    """True when consecutive indices are at least MIN_PAGE_LINES apart and no gap is twice another."""
    gaps = [right - left for left, right in zip(indices, indices[1:])]
    return min(gaps) >= MIN_PAGE_LINES and max(gaps) <= 2 * min(gaps)


def wrap_slack(lines: Sequence[str], width: int) -> int:
    """How many columns short of the width a wrapper leaves lines whose next word would have fitted.

    A greedy wrapper (e-mail, most exports) leaves none; one that balances its lines
    (optimal-fit, ragged PDF text) leaves a few. Measured on the sure continuations: a
    long line without a sentence end followed by a line starting in lower case.

    >>> wrap_slack(["the storm reached the", "coast"] * 9, 24), wrap_slack(["the storm reached", "it"] * 9, 24)
    (0, 5)
    """
    spare = sorted(
        width
        - len(previous.rstrip())
        - (0 if previous.rstrip().endswith("-") else 1)
        - len(line.split(None, 1)[0])
        for previous, line in zip(lines, lines[1:])
        if line[:1].islower()
        and len(previous.rstrip()) > width // 2
        and not _SENTENCE_END.search(previous.rstrip())
    )
    if len(spare) < MIN_FULL_LINES:
        return 0
    return min(max(spare[(len(spare) - 1) * SLACK_QUANTILE // 100] + 1, 0), FULL_MARGIN)


def continues(previous: str, line: str, width: int) -> bool:
    """True when ``line`` goes on the paragraph of ``previous``, wrapped at ``width`` columns.

    >>> continues("the storm reached", "the coast", 20), continues("the storm", "reached it", 20)
    (True, False)
    """
    previous, stripped = previous.rstrip(), line.strip()
    if not previous.strip() or not stripped or line[:1].isspace() or _LIST_ITEM.match(line):
        return False
    first = stripped.split(None, 1)[0]
    gap = 0 if previous.endswith("-") else 1
    return len(previous) + gap + len(first) > width  # the first word did not fit: the wrapper broke the line


def line_joins(lines: Sequence[str], width: int) -> list[bool]:
    """For each line, whether it goes on the paragraph of the line before (see ``continues``).

    A capitalised line without a full stop that ends its paragraph, after a line that
    ends a sentence, is a block of its own (a heading, a caption, a link), even when its
    first word would not have fitted on the line before.

    >>> line_joins(["It was over at last, said the man.", "See more photos", "Next"], 36)
    [False, False, False]
    """
    joins = [False] + [continues(previous, line, width) for previous, line in zip(lines, lines[1:])]
    for index in range(1, len(lines)):
        line = lines[index].strip()
        ends_paragraph = index + 1 == len(lines) or not joins[index + 1]
        if (
            joins[index]
            and ends_paragraph
            and line[:1].isupper()
            and not _FULL_STOP.search(line)
            and _FULL_STOP.search(lines[index - 1].rstrip())
        ):
            joins[index] = False
    return joins


def join_paragraph(lines: Sequence[str]) -> tuple[str, list[tuple[int, str]]]:
    """Join a paragraph's wrapped lines into one; also return each hyphenated word rejoined.

    Each rejoined word comes with the index of the line that ended with its hyphen.

    >>> join_paragraph(["our teac-", "hers said a well-", "known man"])
    ('our teachers said a well-known man', [(0, 'teac-|hers -> teachers')])
    """
    pieces, rejoined = [lines[0].strip()], []
    for index, line in enumerate(lines[1:]):
        previous, line = pieces[-1], line.strip()
        if not previous.endswith("-"):
            pieces.append(f" {line}")
            continue
        left, right = _HYPHEN_END.search(previous[-MAX_WORD:]), _LETTERS_START.match(line)
        if left and right and split_word(left.group(1), right.group()):
            pieces[-1] = previous[:-1]
            rejoined.append((index, f"{left.group(1)}-|{right.group()} -> {left.group(1)}{right.group()}"))
        pieces.append(line)
    return "".join(pieces), rejoined


def split_word(left: str, right: str) -> bool:
    """True when ``left-`` + ``right`` at a line end is one word hyphenated, not a compound.

    >>> split_word("teac", "hers"), split_word("well", "known"), split_word("Bayra", "mov")
    (True, False, True)
    """
    whole, first, second = _zipf(left + right), _zipf(left), _zipf(right)
    if whole >= KNOWN_WORD_ZIPF and whole >= min(first, second):
        return True
    return right[:1].islower() and first < NO_WORD_ZIPF


@lru_cache(maxsize=65_536)
def _zipf(word: str) -> float:
    """The word's Zipf frequency in general English (wordfreq)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def unwrap(text: str) -> Unwrapped:
    """Rebuild the paragraphs of hard-wrapped text; other text comes back unchanged.

    >>> wrapped = "Storm hits coast\\n" + "The storm reached the coast at dawn and the teac-\\nhers left.\\n" * 8
    >>> result = unwrap(wrapped)
    >>> result.width, result.text.split("\\n")[1]
    (49, 'The storm reached the coast at dawn and the teachers left.')
    """
    lines = text.split("\n")
    width = wrap_width(lines)
    if width is None:
        return Unwrapped(text, tuple(range(1, len(lines) + 1)))
    margin = min(len(line) - len(line.lstrip()) for line in lines if line.strip())
    lines = [line[margin:] for line in lines]  # a left margin shared by every line is no indentation
    width -= margin
    furniture = page_furniture(lines)
    changes: list[tuple[int, str, str]] = [
        (index + 1, "dropped page furniture", lines[index].strip()) for index in sorted(furniture)
    ]
    kept = [index for index in range(len(lines)) if index not in furniture]
    groups: list[list[int]] = []  # the line indices of each paragraph
    body = [lines[index] for index in kept]
    for index, joined_on in zip(kept, line_joins(body, width - wrap_slack(body, width))):
        if joined_on:
            groups[-1].append(index)
        elif lines[index].strip():
            groups.append([index])
    paragraphs = []
    for group in groups:
        text, rejoined = join_paragraph([lines[index] for index in group])
        paragraphs.append(text)
        changes += [(group[at] + 1, "rejoined hyphenated word", word) for at, word in rejoined]
        if len(group) > 1:
            changes.append(
                (
                    group[0] + 1,
                    "joined wrapped lines",
                    f"lines {group[0] + 1}-{group[-1] + 1} into one paragraph",
                )
            )
    joined_lines = sum(len(group) for group in groups if len(group) > 1)
    summary = (
        1,
        "unwrapped hard-wrapped text",
        f"lines end near {width} columns; {joined_lines} lines joined",
    )
    return Unwrapped(
        "\n".join(paragraphs),
        tuple(group[0] + 1 for group in groups),
        tuple(sorted([summary, *changes], key=lambda change: change[0])),
        width,
    )
