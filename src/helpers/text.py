"""Sentence splitting shared by every step: nltk's Punkt algorithm with our own abbreviations.

nltk's trained Punkt models cannot be downloaded here, so the splitter is built from
parameters we ship: the abbreviations of ``data/abbreviations.txt``, and nothing else
(no collocations, no frequent sentence starters, no orthographic context). Line breaks
always end a sentence: a page dump puts one block of text per line.

With such parameters Punkt's decision at a candidate end (``.``, ``?``, ``!``) reduces
to a few rules on the word before it and the word after it (``_ends_sentence``), so
``PunktSplitter`` gives exactly the spans of nltk's ``PunktSentenceTokenizer`` (3.10)
without building a token object per word, and runs Punkt's own patterns, copied from
nltk and compiled with ``regex`` (the engine nltk uses), without nltk's 5-second wall
clock per match: the clock cost more than the match (3.4 µs against 0.4 µs), and its
lazy search for sentence ends kept running while Punkt worked between two matches, so a
line of some megabytes raised ``TimeoutError``. Sentences split three times faster, and
a command that splits sentences no longer imports nltk. The tests compare the spans
with nltk's on random text.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import regex

from helpers.resources import data_lines

_LINE = re.compile(r"[^\n]+")
_SENTENCE_END = re.compile(r"[.?!]")  # Punkt ends sentences only there: other lines are one sentence

# Punkt's patterns for English (nltk.tokenize.punkt.PunktLanguageVars and PunktToken, nltk 3.10),
# filled in with nltk's own %-formats (str.format would read the patterns' braces).
SENTENCE_END_CHARACTERS = (".", "?", "!")
_NON_WORD = r"(?:[)\";}\]\*:@\'\({\[\u2018\u2019\u201c\u201d\xab\xbb\?!])"
_MULTI_CHARACTER = r"(?:\-{2,}|\.{2,}|(?:\.\s){2,}\.)"
_WORD_START = r"[^\(\"\`{\[:;&\#\*@\)}\]\-,]"
WORD_PATTERN = r"""(
        %(MultiChar)s
        |
        (?=%(WordStart)s)\S+?  # Accept word characters until end is found
        (?= # Sequences marking a word's end
            \s|                                 # White-space
            $|                                  # End-of-string
            %(NonWord)s|%(MultiChar)s|          # Punctuation
            ,(?=$|\s|%(NonWord)s|%(MultiChar)s) # Comma if at end of word
        )
        |
        \S
    )""" % {"NonWord": _NON_WORD, "MultiChar": _MULTI_CHARACTER, "WordStart": _WORD_START}  # noqa: UP031
PERIOD_CONTEXT_PATTERN = r"""
        %(SentEndChars)s             # a potential sentence ending
        (?=(?P<after_tok>
            %(NonWord)s              # either other punctuation
            |
            \s+(?P<next_tok>\S+)     # or whitespace and some other token
        ))""" % {"NonWord": _NON_WORD, "SentEndChars": r"[\.\?!]"}  # noqa: UP031
REALIGNMENT_PATTERN = r'["\')\]}\u2018\u2019\u201c\u201d\xab\xbb]+?(?:\s+|(?=--)|$)'
_WORDS = regex.compile(WORD_PATTERN, regex.UNICODE | regex.VERBOSE)
_PERIOD_CONTEXT = regex.compile(PERIOD_CONTEXT_PATTERN, regex.UNICODE | regex.VERBOSE)
_REALIGNMENT = regex.compile(REALIGNMENT_PATTERN, regex.MULTILINE)
_NUMERIC = regex.compile(r"^-?[\.,]?\d[\d,\.-]*\.?$")
_INITIAL = regex.compile(r"[^\W\d]\.$", regex.UNICODE)
_NUMBER = "##number##"
_PUNCTUATION = frozenset(";:,.!?")  # what Punkt's orthographic rule says never starts a sentence
# The context of most candidate ends: a word of ASCII letters, its period, a space, a word of them.
# Punkt's words there are the two sides of the space (tests.test_text checks), found without
# its word pattern: a third of the time of ``_contains_break``.
_PLAIN_CONTEXT = re.compile(r"[A-Za-z]+\. [A-Za-z]+")


@dataclass(frozen=True)
class Sentence:
    """A sentence and its character offsets: ``text == source[start:end]``."""

    start: int
    end: int
    text: str

    def __init__(self, start: int, end: int, text: str) -> None:
        # The generated one sets each field through ``object.__setattr__`` (frozen): writing the
        # instance's dict is 2.5 times faster (as ``helpers.article.Paragraph``), and a page builds some 50.
        fields = self.__dict__
        fields["start"], fields["end"], fields["text"] = start, end, text


def load_abbreviations() -> frozenset[str]:
    """Return the shipped abbreviations, lower-cased and without the final period.

    >>> "u.s" in load_abbreviations()
    True
    """
    return frozenset(line.strip().lower() for line in data_lines("abbreviations.txt"))


class PunktSplitter:
    """Punkt's sentence spans for parameters that hold only abbreviations (``abbreviations``: lower case, no period).

    >>> PunktSplitter(frozenset({"dr"})).span_tokenize("Dr. Lee left. He came back.")
    [(0, 13), (14, 27)]
    """

    def __init__(self, abbreviations: frozenset[str]) -> None:
        self.abbreviations = abbreviations

    def span_tokenize(self, text: str) -> list[tuple[int, int]]:
        """Return the (start, end) spans of the sentences of ``text``, as nltk's ``span_tokenize``."""
        return _realign(text, self._slices(text))

    def _slices(self, text: str) -> list[tuple[int, int]]:
        """Return the sentences ending at every candidate end that is a break (nltk's ``_slices_from_text``)."""
        slices, last_break = [], 0
        for match, context in _end_contexts(text):
            if self._contains_break(context):
                slices.append((last_break, match.end()))
                last_break = match.start("next_tok") if match.group("next_tok") else match.end()
        slices.append((last_break, len(text.rstrip())))
        return slices

    def _contains_break(self, context: str) -> bool:
        """Tell whether a word of ``context`` other than its last ends a sentence (``text_contains_sentbreak``)."""
        if _PLAIN_CONTEXT.fullmatch(context):
            word, after = context.split(" ")
            return _ends_sentence(self.abbreviations, word, after)
        words = [word for line in context.split("\n") if line.strip() for word in _WORDS.findall(line)]
        for word, after in zip(words, words[1:]):  # a loop: ``any`` over a generator cost more
            if _ends_sentence(self.abbreviations, word, after):
                return True
        return False


def _ends_sentence(abbreviations: frozenset[str], word: str, after: str) -> bool:
    """Punkt's two annotation passes for ``word`` followed by ``after``, with no collocations, starters or orthography.

    An abbreviation or an ellipsis never ends a sentence (orthography could make it
    one, but there is none); any other word ending in a period does, unless it is an
    initial or a number followed by a lower-case word or punctuation, or an initial
    followed by a capital ("J. Bach").

    >>> _ends_sentence(frozenset({"dr"}), "Dr.", "Lee"), _ends_sentence(frozenset(), "left.", "He")
    (False, True)
    >>> _ends_sentence(frozenset(), "J.", "Bach"), _ends_sentence(frozenset(), "3.", "percent")
    (False, False)
    """
    if word in SENTENCE_END_CHARACTERS:
        return True
    # Punkt's ellipsis test (``\.\.+$``) would add nothing: a word of two dots or more ends in "..".
    if not word.endswith(".") or word.endswith(".."):
        return False
    stem = word[:-1].lower()
    if stem in abbreviations or stem.split("-")[-1] in abbreviations:
        return False
    # A number has a digit in its first three characters, an initial is two characters long:
    # most words are neither, and each ``regex`` call costs more than the rest of this test.
    numeric = not (word.isascii() and word[:3].isalpha()) and _NUMERIC.match(word.lower()) is not None
    kind = _NUMBER if numeric else word.lower()
    kind = kind[:-1] if len(kind) > 1 and kind[-1] == "." else kind
    initial = len(word) == 2 and _INITIAL.match(word) is not None
    if initial or kind == _NUMBER:
        if after in _PUNCTUATION or after[0].islower():
            return False
        if initial and after[0].isupper():
            return False
    return True


def _end_contexts(text: str) -> Iterator[tuple[regex.Match[str], str]]:
    """Yield each candidate end with its context: the word before it, the end and what follows (nltk's rules)."""
    previous_slice, previous_match = (0, 0), None
    for match in _PERIOD_CONTEXT.finditer(text):
        before = text[previous_slice[1] : match.start()]
        index = _last_whitespace(before)
        start = index + previous_slice[1] + 1 if index else previous_slice[0]
        if previous_match is not None and previous_slice[1] <= start:
            yield previous_match, _context(text, previous_slice, previous_match)
        previous_match, previous_slice = match, (start, match.start())
    if previous_match is not None:
        yield previous_match, _context(text, previous_slice, previous_match)


def _context(text: str, word: tuple[int, int], match: regex.Match[str]) -> str:
    """Return the word before a candidate end, the end and the token after it."""
    return text[word[0] : word[1]] + match.group() + match.group("after_tok")


def _last_whitespace(text: str) -> int:
    """Return the index of the last ASCII whitespace character of ``text``, 0 when there is none (as nltk).

    >>> _last_whitespace("a b\\tc"), _last_whitespace("abc")
    (3, 0)
    """
    return max(0, *map(text.rfind, string.whitespace))


def _realign(text: str, slices: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Move closing quotes and brackets after a sentence end into the sentence (nltk's ``_realign_boundaries``).

    A list, not nltk's generator: every span is wanted, and resuming a generator cost more than the list.
    """
    spans, realign = [], 0
    for (start, end), following in zip(slices, [*slices[1:], None]):
        start += realign
        if following is None:
            if start < end:
                spans.append((start, end))
            continue
        match = _REALIGNMENT.match(text[following[0] : following[1]])
        if match:
            spans.append((start, following[0] + len(match.group(0).rstrip())))
            realign = match.end()
        else:
            realign = 0
            if start < end:
                spans.append((start, end))
    return spans


@lru_cache(maxsize=1)
def sentence_tokenizer() -> PunktSplitter:
    """Return the Punkt splitter configured with our abbreviations (built once)."""
    return PunktSplitter(load_abbreviations())


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences with offsets; every line break ends a sentence.

    >>> [s.text for s in split_sentences("The U.S. envoy spoke. It was late.")]
    ['The U.S. envoy spoke.', 'It was late.']
    """
    return list(_split(text))


@lru_cache(maxsize=4)
def _split(text: str) -> tuple[Sentence, ...]:
    """Split a text once: the timeline and the word counts of an article read the same body."""
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
