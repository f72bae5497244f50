"""Measure the paragraphs of a page dump: the general cues that tell body text from boilerplate.

Each paragraph becomes a row of numbers (``FEATURES``): its length, its share of
function words (jusText's insight: prose is about half function words, menus
and credits have few), whether it ends a sentence, its share of capitalised
words (menus, headlines), digits and links, cue words that address the reader
or ask for action, site furniture, photo credits, quotations and reporting
verbs, bylines and datelines, and whether it repeats the page title. The word
lists are package data (``data/function_words.txt``, ``data/boilerplate_cues.txt``).
A page is measured a feature (a column) at a time, with precompiled regular
expressions mapped over its paragraphs and the cue words of all its paragraphs
tallied in one numpy pass, and each distinct text measured once.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain, repeat
from typing import TYPE_CHECKING

from helpers.resources import data_lines

if TYPE_CHECKING:
    import numpy

FEATURES = (
    "log_words",
    "function_share",
    "sentence_end",
    "capital_share",
    "digit_share",
    "link",
    "address",
    "publisher",
    "appeal",
    "action",
    "site",
    "credit",
    "reporting",
    "quote",
    "byline",
    "dateline",
    "date",
    "headline",
    "count_suffix",
    "no_letters",
    "title_repeat",
)
CUE_CATEGORIES = ("address", "publisher", "appeal", "action", "site", "credit", "reporting")
_VOICE = ("address", "publisher")  # counted outside quotations only
_CATEGORY_INDEX = {category: index for index, category in enumerate(CUE_CATEGORIES)}
_FUNCTION = len(CUE_CATEGORIES) + 1  # added to a word's class (see word_classes) when it is a function word
_PHRASE_START = 2 * _FUNCTION  # added when it is the first word of a cue phrase
_DENSITY_MIN_WORDS = 5  # like jusText, function-word share is only measured on paragraphs of some length
_SENTENCE_ENDS = frozenset(".!?\u2026")

_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
_ASCII_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)*")  # the same words in ASCII text, found faster
_ASCII_KEY = bytes(
    byte | 0x20 if chr(byte).isascii() and chr(byte).isalpha() else 0x20 for byte in range(256)
)
# (a byte table: ASCII letters lower-cased, anything else a blank; a key of ASCII text without apostrophes)
# Patterns start with a literal or a character class so that the regex engine can skip ahead fast.
_CAPITAL = re.compile(r"[A-Z\u00c0-\u00de](?<![\w'\u2019].)")
_ASCII_SHAPE = bytes(
    ord("A")
    if chr(byte).isascii() and chr(byte).isupper()
    else ord("0")
    if chr(byte).isascii() and chr(byte).isdigit()
    else ord("a")
    if chr(byte).isascii() and (chr(byte).isalpha() or chr(byte) in "_'")
    else ord(" ")
    for byte in range(256)
)  # a byte table: capitals 'A', digits '0', other word characters 'a', the rest blank (see measure_texts)
_NUMBER_STARTS = (
    b" 0",
    b"a0",
    b"A0",
)  # in a shape, a number starts where a digit follows anything but a digit
_NUMBER = re.compile(r"\d+")  # counted in paragraphs with an ASCII digit
_ASCII_DIGIT = re.compile("[0-9]")
_LINK = re.compile(r"://|www\.|@\w|\.(?:com|org|net|gov|edu|io)\b")
_QUOTED = re.compile(r"\u201c[^\u201c\u201d]*[\u201d\u201c]|\"[^\"]*\"|\u00ab[^\u00bb]*\u00bb")
_BYLINE = re.compile(
    r"(?:by|written by|words by|story by|posted by|reporting by|text by)\s+\S", re.IGNORECASE
)
_DATELINE = re.compile(
    r"[A-Z][A-Z.'\u2019 -]{2,}(?:,\s*[A-Za-z. ]{2,24})?\s*(?:\([A-Za-z ]{2,20}\))?\s*[\u2014\u2013-]\s*\S"
)
_CLOCK = re.compile(r"\d:\d\d")
_MONTHS = frozenset(
    "jan january feb february mar march apr april may jun june jul july aug august sep sept september"
    " oct october nov november dec december".split()
)
_AGO = frozenset(("ago", "updated", "published"))
_COUNT_SUFFIX = re.compile(r"\(\d[\d,.]*\)$|\d+ (?:comments?|votes?|replies|shares|views)$", re.IGNORECASE)
_CLOSERS = " \"'\u201d\u2019\u00bb)]"
_QUOTE_MARK = re.compile('["\u201c\u201d\u00ab\u00bb]')


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """Return the shipped English function words, lower case.

    >>> {"the", "of", "would"} <= function_words()
    True
    """
    return frozenset(line.strip() for line in data_lines("function_words.txt"))


@lru_cache(maxsize=1)
def cue_words() -> dict[str, str]:
    """Return the shipped cue phrases (``data/boilerplate_cues.txt``) and their categories.

    >>> cue_words()["donate"], cue_words()["share"]
    ('appeal', 'action')
    """
    cues: dict[str, str] = {}
    for line in map(str.strip, data_lines("boilerplate_cues.txt")):
        category, _, phrase = line.partition("\t")
        if category not in CUE_CATEGORIES or not word_key(phrase):
            raise ValueError(f"boilerplate_cues.txt: bad line {line!r} (expected category<TAB>phrase)")
        cues[word_key(phrase)] = category
    return cues


@lru_cache(maxsize=1)
def cue_phrases() -> dict[str, tuple[str, ...]]:
    """Return the cue phrases of several words, by their first word.

    >>> cue_phrases()["according"]
    ('according to',)
    """
    phrases: dict[str, list[str]] = {}
    for phrase in cue_words():
        if " " in phrase:
            phrases.setdefault(phrase.split(" ", 1)[0], []).append(phrase)
    return {first: tuple(group) for first, group in phrases.items()}


def word_key(text: str) -> str:
    """Return the paragraph's words, lower case, joined by single spaces (curly apostrophes made straight).

    >>> word_key("The U.S. didn’t say: “No!”")
    "the u s didn't say no"
    """
    return " ".join((_ASCII_WORD if text.isascii() else _WORD).findall(text)).lower().replace("\u2019", "'")


def word_keys(texts: Sequence[str]) -> list[str]:
    """Return the ``word_key`` of each text; of ASCII texts without apostrophes by a byte translation (same words, faster).

    >>> word_keys(["Big News", "", "It’s here", "Rock'n'roll 3D!", "U.S. (2024)"])
    ['big news', '', "it's here", "rock'n'roll d", 'u s']
    """
    return [
        b" ".join(text.encode().translate(_ASCII_KEY).split()).decode()
        if text.isascii() and "'" not in text
        else word_key(text)
        for text in texts
    ]


def title_repeats(keys: Sequence[str]) -> list[bool]:
    """Tell, for each paragraph's ``word_key``, whether it repeats the page title (the first), wholly or as its start.

    >>> title_repeats([word_key(text) for text in ["Big news - Site", "Big news", "Big news - Site | Home", "Menu"]])
    [False, True, True, False]
    """
    if not keys:
        return []
    title, spaced_title = keys[0], keys[0] + " "
    if not title:
        return [False] * len(keys)
    words = title.split(" ")
    starts = {
        title,
        *(" ".join(words[:count]) for count in range(2, len(words))),
    }  # the title and its openings
    return [False] + [key in starts or key.startswith(spaced_title) for key in keys[1:]]


def is_repeated(keys: Sequence[str], index: int, head_words: int = 6) -> bool:
    """Tell whether another paragraph has the same words as paragraph ``index``, or begins with the same ``head_words`` words.

    >>> keys = [word_key(text) for text in ["Menu", "Rain fell on the town all day.", "Rain fell on the town all day, he said.", "Menu"]]
    >>> is_repeated(keys, 1), is_repeated(keys, 3), is_repeated(["a", "b"], 1)
    (True, True, False)
    """
    key = keys[index]
    words = key.split(" ", head_words)
    head = " ".join(words[:head_words]) if len(words) >= head_words else ""
    return bool(key) and any(
        other == key or (head and (other == head or other.startswith(head + " ")))
        for position, other in enumerate(keys)
        if position != index
    )


def measure(text: str, key: str, title_repeat: bool = False) -> tuple[float, ...]:
    """Return the feature values of one paragraph (``key`` is its ``word_key``), in the order of ``FEATURES``.

    >>> text = "Subscribe to our newsletter"
    >>> dict(zip(FEATURES, measure(text, word_key(text))))["appeal"]
    2
    """
    return measure_rows([text], [key], [title_repeat])[0]


def measure_page(texts: Sequence[str], keys: Sequence[str] | None = None) -> list[tuple[float, ...]]:
    """Return the feature rows of a page's paragraphs (the first is the page title); ``keys`` are their word keys.

    >>> rows = measure_page(["A title", "It rained all day in the town, and the river rose."])
    >>> dict(zip(FEATURES, rows[1]))["sentence_end"]
    True
    """
    keys = keys if keys is not None else word_keys(texts)
    return measure_rows(texts, keys, title_repeats(keys))


def measure_rows(
    texts: Sequence[str], keys: Sequence[str], title_repeat: Sequence[bool]
) -> list[tuple[float, ...]]:
    """Return the feature rows of paragraphs given their word keys and whether each repeats the page title.

    >>> measure_rows(["Sign up now"], ["sign up now"], [False])[0][FEATURES.index("appeal")]
    1
    """
    distinct = dict.fromkeys(zip(texts, keys))  # pages repeat their menus: each text is measured once
    measured = dict(zip(distinct, measure_texts(*zip(*distinct)))) if distinct else {}
    return [measured[pair] + (flag,) for pair, flag in zip(zip(texts, keys), title_repeat)]


def measure_texts(texts: Sequence[str], keys: Sequence[str]) -> list[tuple[float, ...]]:
    """Return the features of paragraphs that depend on their own text alone (all but the last of ``FEATURES``).

    Features are computed a column at a time, mostly by C-level ``map`` calls.

    >>> len(measure_texts(["Sign up now"], ["sign up now"])[0]) == len(FEATURES) - 1
    True
    """
    words = list(map(str.split, keys))  # a key holds single spaces between words, no other blanks
    counts = list(map(len, words))
    shares = [1.0 / count if count else 0.0 for count in counts]
    ends = [text.rstrip(_CLOSERS)[-1:] in _SENTENCE_ENDS for text in texts]
    # the shape of an ASCII text (b"" for others) opens with a blank: " A" opens a capitalised word
    shapes = [b" " + text.encode().translate(_ASCII_SHAPE) if text.isascii() else b"" for text in texts]
    capitalised = [
        shape.count(b" A") if shape else len(_CAPITAL.findall(text)) for shape, text in zip(shapes, texts)
    ]
    capitals = [found * share for found, share in zip(capitalised, shares)]
    numbers = [
        (sum(map(shape.count, _NUMBER_STARTS)) if b"0" in shape else 0)
        if shape
        else (len(_NUMBER.findall(text)) if _ASCII_DIGIT.search(text) else 0)
        for shape, text in zip(shapes, texts)
    ]
    quoted = [
        ('"' in text) if shape else _QUOTE_MARK.search(text) is not None for shape, text in zip(shapes, texts)
    ]
    cues, functions = count_cues(texts, keys, words, quoted)
    columns = (  # one column per name in FEATURES, in order, but for the last
        map(math.log1p, counts),
        [
            found * share if count >= _DENSITY_MIN_WORDS else 0.0
            for found, share, count in zip(functions, shares, counts)
        ],
        ends,
        capitals,
        [number / (number + count) if number else 0.0 for number, count in zip(numbers, counts)],
        [_LINK.search(text) is not None for text in texts],
        *zip(*cues),
        quoted,
        [count <= 12 and _BYLINE.match(text) is not None for text, count in zip(texts, counts)],
        [text[1:2].isupper() and _DATELINE.match(text) is not None for text in texts],
        [number > 0 and is_dated(text, w) for text, number, w in zip(texts, numbers, words)],
        [not end and count >= 3 and share >= 0.5 for end, count, share in zip(ends, counts, capitals)],
        [number > 0 and ends_with_count(text) for text, number in zip(texts, numbers)],
        [not count for count in counts],
    )
    return list(zip(*columns))


@lru_cache(maxsize=1)
def word_classes() -> dict[str, int]:
    """Return the class of each cue word, function word and first word of a cue phrase, so that a word is looked up once.

    A class packs three things: the cue category (its index in ``CUE_CATEGORIES``,
    or ``len(CUE_CATEGORIES)`` for none; phrases of several words left out), plus
    ``_FUNCTION`` for a function word, plus ``_PHRASE_START`` for a phrase's first word.

    >>> CUE_CATEGORIES[word_classes()["donate"]], word_classes()["the"] == len(CUE_CATEGORIES) + _FUNCTION
    ('appeal', True)
    """
    none = len(CUE_CATEGORIES)
    classes = dict.fromkeys([*function_words(), *cue_phrases()], none)
    classes.update(
        {word: _CATEGORY_INDEX[category] for word, category in cue_words().items() if " " not in word}
    )
    for word in function_words():
        classes[word] += _FUNCTION
    for word in cue_phrases():
        classes[word] += _PHRASE_START
    return classes


def count_cues(
    texts: Sequence[str], keys: Sequence[str], words: Sequence[Sequence[str]], quoted: Sequence[bool]
) -> tuple[list[list[int]], list[int]]:
    """Return, per paragraph, how often it uses the cues of each of ``CUE_CATEGORIES``, and its number of function words.

    Address and publisher cues are counted outside quotations only.

    >>> text = "“We are ready,” he said. Sign up."
    >>> found, functions = count_cues([text], [word_key(text)], [word_key(text).split()], [True])
    >>> dict(zip(CUE_CATEGORIES, found[0])), functions
    ({'address': 0, 'publisher': 0, 'appeal': 1, 'action': 0, 'site': 0, 'credit': 0, 'reporting': 1}, [4])
    """
    cues, phrases, size = cue_words(), cue_phrases(), len(CUE_CATEGORIES)
    table = tally(words, word_classes(), 4 * _FUNCTION).reshape(
        len(words), 2, 2, _FUNCTION
    )  # phrase start, function, category
    found = table.sum(axis=(1, 2))[:, :size].tolist()
    for index in (
        table[:, 1].sum(axis=(1, 2)).nonzero()[0].tolist()
    ):  # paragraphs holding a phrase's first word
        for first in phrases.keys() & set(words[index]):
            for phrase in phrases[first]:
                found[index][_CATEGORY_INDEX[cues[phrase]]] += keys[index].count(phrase)
    voices = [
        _CATEGORY_INDEX[category] for category in _VOICE
    ]  # recounted outside quotations, where there are any
    for index in [
        index for index, quote in enumerate(quoted) if quote and any(found[index][v] for v in voices)
    ]:
        unquoted = list(filter(None, map(cues.get, word_key(_QUOTED.sub(" ", texts[index])).split())))
        for category in _VOICE:
            found[index][_CATEGORY_INDEX[category]] = unquoted.count(category)
    return found, table[:, :, 1].sum(axis=(1, 2)).tolist()


def tally(words: Sequence[Sequence[str]], classes: dict[str, int], size: int) -> numpy.ndarray:
    """Return, per paragraph (its words), how many of its words fall in each of ``size`` classes (``classes`` maps words to them).

    >>> tally([["we", "said", "we"], [], ["hi"]], {"we": 0, "said": 1}, 2).tolist()
    [[2, 1], [0, 0], [0, 0]]
    """
    import numpy as np

    flat = list(chain.from_iterable(words))
    owners = np.repeat(np.arange(len(words)), list(map(len, words)))
    codes = np.fromiter(map(classes.get, flat, repeat(size)), dtype=np.intp, count=len(flat))
    table = np.bincount(owners * (size + 1) + codes, minlength=len(words) * (size + 1))
    return table.reshape(len(words), size + 1)[:, :size]


def ends_with_count(text: str) -> bool:
    """Tell whether a text ends with a count in brackets or of comments, votes, replies, shares or views.

    >>> ends_with_count("Comments (12) "), ends_with_count("3 replies"), ends_with_count("It cost 3 dollars.")
    (True, True, False)
    """
    text = text.rstrip()
    return (text[-1:] == ")" or text[-1:].isalpha()) and _COUNT_SUFFIX.search(
        text
    ) is not None  # such a count ends so


def is_dated(text: str, words: Sequence[str]) -> bool:
    """Tell whether a paragraph holding numbers names a month, says 'ago', 'updated' or 'published', or gives a clock time.

    >>> is_dated("Updated 3 May", ["updated", "may"]), is_dated("3 items", ["items"])
    (True, False)
    """
    return not _MONTHS.isdisjoint(words) or not _AGO.isdisjoint(words) or _CLOCK.search(text) is not None
