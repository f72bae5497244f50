"""Sentence splitting shared by every step: nltk Punkt with our own abbreviations.

nltk's trained Punkt models cannot be downloaded here, so the tokenizer is built
from parameters we ship (``data/abbreviations.txt``). Line breaks always end a
sentence: a page dump puts one block of text per line.

nltk runs every pattern of Punkt under a 5-second wall clock (``nltk.redos``), a
guard meant for patterns a caller supplies. Punkt's own patterns are linear, but
the clock of its lazy search for sentence ends keeps running while Punkt works
between two matches, so a line of some megabytes (or a busy machine) raised
``TimeoutError``. Our tokenizer runs those two patterns without the clock.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nltk import redos
from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer

from helpers.resources import data_lines

_LINE = re.compile(r"[^\n]+")
_SENTENCE_END = re.compile(r"[.?!]")  # Punkt ends sentences only there: other lines are one sentence


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


class UntimedLanguageVars(PunktLanguageVars):
    """nltk's English Punkt conventions, its two whole-line patterns run without a time limit.

    >>> UntimedLanguageVars().word_tokenize("It ended. Then")
    ['It', 'ended.', 'Then']
    """

    def period_context_re(self) -> redos.TimedPattern:
        """Return nltk's pattern for a possible sentence end and the token after it, untimed."""
        return redos.compile(super().period_context_re(), timeout=None)

    def word_tokenize(self, s: str) -> list[str]:
        """Split off the punctuation other than periods, as nltk does, untimed."""
        return redos.compile(self._word_tokenizer_re(), timeout=None).findall(s)


@lru_cache(maxsize=1)
def sentence_tokenizer() -> PunktSentenceTokenizer:
    """Return the Punkt tokenizer configured with our abbreviations (built once)."""
    params = PunktParameters()
    params.abbrev_types = set(load_abbreviations())
    return PunktSentenceTokenizer(params, lang_vars=UntimedLanguageVars())


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences with offsets; every line break ends a sentence.

    >>> [s.text for s in split_sentences("The U.S. envoy spoke. It was late.")]
    ['The U.S. envoy spoke.', 'It was late.']
    """
    return list(_split(text))


@lru_cache(maxsize=4)
def _split(text: str) -> tuple[Sentence, ...]:
    """Split a text once: the timeline and the word counts of an article read the same body (Punkt is slow)."""
    tokenizer = sentence_tokenizer()
    sentences = []
    for line in _LINE.finditer(text):
        words = line.group()  # taken once: each call of ``group`` copies the line
        spans = tokenizer.span_tokenize(words) if _SENTENCE_END.search(words) else [(0, len(words))]
        for start, end in spans:
            piece = words[start:end]
            lead = len(piece) - len(piece.lstrip())
            piece = piece.strip()
            if piece:
                offset = line.start() + start + lead
                sentences.append(Sentence(offset, offset + len(piece), piece))
    return tuple(sentences)
