"""Sentence splitting shared by every step: nltk Punkt with our own abbreviations.

nltk's trained Punkt models cannot be downloaded here, so the tokenizer is built
from parameters we ship (``data/abbreviations.txt``). Line breaks always end a
sentence: a page dump puts one block of text per line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from helpers.resources import data_lines

_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class Sentence:
    """A sentence and its character offsets: ``text == source[start:end]``."""

    start: int
    end: int
    text: str


def load_abbreviations() -> frozenset[str]:
    """Return the shipped abbreviations, lower-cased and without the final period.

    >>> "u.s" in load_abbreviations()
    True
    """
    return frozenset(line.strip().lower() for line in data_lines("abbreviations.txt"))


@lru_cache(maxsize=1)
def sentence_tokenizer() -> PunktSentenceTokenizer:
    """Return the Punkt tokenizer configured with our abbreviations (built once)."""
    params = PunktParameters()
    params.abbrev_types = set(load_abbreviations())
    return PunktSentenceTokenizer(params)


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences with offsets; every line break ends a sentence.

    >>> [s.text for s in split_sentences("The U.S. envoy spoke. It was late.")]
    ['The U.S. envoy spoke.', 'It was late.']
    """
    tokenizer = sentence_tokenizer()
    sentences = []
    for line in _LINE.finditer(text):
        for start, end in tokenizer.span_tokenize(line.group()):
            piece = line.group()[start:end]
            lead = len(piece) - len(piece.lstrip())
            piece = piece.strip()
            if piece:
                offset = line.start() + start + lead
                sentences.append(Sentence(offset, offset + len(piece), piece))
    return sentences
