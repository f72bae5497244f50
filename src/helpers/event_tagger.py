"""Recognise event words (TimeML EVENTs: verbs, event nouns, states) with a small linear model.

No part-of-speech tagger can be downloaded here, so the model reads each word from
the word itself (lower case, suffixes, shape), its neighbours and the closed word
classes of ``data/event_cues.txt``. Its weights (``data/event_tagger.tsv``) were
trained with nltk's averaged perceptron on the gold EVENT annotations of TimeBank and
AQUAINT (``benchmarks/train_events.py`` retrains and reproduces the file exactly). A
word is an event when the sum of its features' weights is positive. The weights are
read on first use.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from itertools import repeat

from helpers.events import Token, load_cues, locate_words
from helpers.resources import data_weights

MODEL_FILE = "event_tagger.tsv"
_CLASSES = ("auxiliaries", "determiners", "prepositions", "boundaries", "verbs", "titles")


@lru_cache(maxsize=65536)  # read for every word of a sentence: most words come back
def shape(word: str) -> str:
    """Return the word's shape: runs of upper (X), lower (x), digit (d) and other characters.

    >>> shape("U.S."), shape("McCain"), shape("1990s")
    ('X.X.', 'XxXx', 'dx')
    """
    classes = ("X" if c.isupper() else "x" if c.islower() else "d" if c.isdigit() else c for c in word)
    out: list[str] = []
    for mark in classes:
        if not out or out[-1] != mark:
            out.append(mark)
    return "".join(out)


@lru_cache(maxsize=65536)  # read three times a word, for it and its neighbours
def _word_class(word: str) -> str:
    """Return the first closed word class of ``data/event_cues.txt`` holding ``word``, or "-"."""
    cues = load_cues()
    return next((name for name in _CLASSES if word in cues[name]), "-")


def token_features(tokens: Sequence[Token], i: int) -> list[str]:
    """Return the feature names of ``tokens[i]`` that the model weighs.

    >>> token_features(locate_words("troops attacked"), 1)[:4]
    ['bias', 'w=attacked', 's3=ked', 's2=ed']
    """
    word = tokens[i].lower
    before = tokens[i - 1].lower if i > 0 else "<s>"
    before2 = tokens[i - 2].lower if i > 1 else "<s>"
    after = tokens[i + 1].lower if i + 1 < len(tokens) else "</s>"
    after2 = tokens[i + 2].lower if i + 2 < len(tokens) else "</s>"
    return [
        "bias",
        f"w={word}",
        f"s3={word[-3:]}",
        f"s2={word[-2:]}",
        f"s4={word[-4:]}",
        f"shape={shape(tokens[i].text)}",
        f"first={i == 0}",
        f"class={_word_class(word)}",
        f"w-1={before}",
        f"w-2={before2}",
        f"w+1={after}",
        f"w+2={after2}",
        f"class-1={_word_class(before)}",
        f"class+1={_word_class(after)}",
        f"s2-1={before[-2:]}",
        f"s2+1={after[-2:]}",
        f"w-1,w={before} {word}",
        f"w,w+1={word} {after}",
    ]


@lru_cache(maxsize=1)
def load_weights() -> dict[str, float]:
    """Return the shipped feature weights (positive: evidence of an event), read once.

    >>> load_weights()["bias"] < 0
    True
    """
    return data_weights(MODEL_FILE)


def event_score(tokens: Sequence[Token], i: int, weights: dict[str, float] | None = None) -> float:
    """Return the model's score for ``tokens[i]`` being an event word (positive: an event).

    >>> event_score(locate_words("Rebels attacked the town"), 1) > 0
    True
    """
    if not tokens[i].is_word:
        return -1.0
    weights = load_weights() if weights is None else weights
    return sum(map(weights.get, token_features(tokens, i), repeat(0.0)))


def event_positions(tokens: Sequence[Token], weights: dict[str, float] | None = None) -> list[int]:
    """Return the positions in ``tokens`` (one sentence) of the words the model reads as events.

    >>> words = locate_words("The storm hit the coast on Monday.")
    >>> [words[i].text for i in event_positions(words)]
    ['hit']
    """
    return [i for i in range(len(tokens)) if event_score(tokens, i, weights) > 0]


@lru_cache(maxsize=64)
def sentence_events(text: str) -> tuple[int, ...]:
    """Return the event positions among ``locate_words(text)`` by the shipped model (cached per sentence).

    >>> sentence_events("Rebels attacked the town")
    (1,)
    """
    return tuple(event_positions(locate_words(text)))


def find_events(text: str) -> list[Token]:
    """Return the event words of a sentence, with their offsets in ``text``.

    >>> [t.text for t in find_events("Officials said the talks collapsed.")]
    ['said', 'talks', 'collapsed']
    """
    tokens = locate_words(text)
    return [tokens[i] for i in event_positions(tokens)]
