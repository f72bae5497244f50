"""Word tokens in the Penn Treebank style, after our Punkt sentence split.

``tokenize`` gives the tokens of nltk's ``NLTKWordTokenizer`` (the improved
Treebank tokenizer behind ``nltk.word_tokenize``) applied to each sentence of
``helpers.text.split_sentences``, with four changes a word count needs:

- an apostrophe typed as ``’`` inside a word is read as ``'``, so "Friday’s",
  "don’t" split like "Friday's", "don't" into "Friday" + "'s", "do" + "n't";
- ``…`` is read as ``...``; an opening ``“`` that ends a sentence is read as ``”``;
- web addresses and e-mail addresses stay whole;
- quotation marks come out as ``"`` (nltk writes `````` and ``''``) and an
  initialism ending a sentence keeps its period ("the U.S." -> "U.S.", ".").

nltk applies some 25 regular expressions to every sentence, which is too slow for
a megabyte a second; ``tokenize`` finds the same tokens in one regular-expression
pass. ``tokenize_with_nltk`` is the slow reference it is tested against: they agree
on real news text; nltk's overlapping substitutions are reproduced (",,a" gives
"," + ",a") except one: before a closing mark, "a's'" splits into "a" + "'s" + "'".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

from helpers.text import split_sentences

if TYPE_CHECKING:
    from nltk.tokenize import NLTKWordTokenizer

# Characters nltk always pads with spaces (quotes, brackets, dashes, symbols).
_ALWAYS = "«“‘„»”’;@#$%&?!*\\[\\](){}<>\u2012-\u2015"
# A run's plain characters are taken many at a time (the same runs, a quarter faster).
_RUN = rf"""(?:[^\s{_ALWAYS}"`.,:'-]+|\.(?!\.)|[,:](?=\d)|-(?!-)|'(?!'))"""
# The three kinds of piece never start alike (their first two characters tell them apart), so the
# most common, a run, is tried first.
_PIECE = re.compile(
    rf"""({_RUN}+)"""  # a run of word characters and inner punctuation
    rf"""|([,:])([,:]{_RUN}*)"""  # nltk pads the first of two commas or colons only
    rf"""|(''|"|`+|[{_ALWAYS}]|\.{{2,}}|--|[,:](?!\d))"""  # punctuation nltk splits off
)
# The same pieces without groups, for text with no apostrophe, backtick or doubled comma or colon:
# there every piece is a token as matched, and findall alone splits it.
_PLAIN_PIECE = re.compile(rf"""{_RUN}+|''|"|`+|[{_ALWAYS}]|\.{{2,}}|--|[,:](?!\d)""")
# nltk's opening single quote: not after a word character, before one, not a clitic.
_OPEN_QUOTE = re.compile(r"(?i)(?<!\w)(')(?!(?:re|ve|ll|m|t|s|d|n)\b)(?=\w)")
_CLITIC = re.compile(r"(?s)(.*[^' ])('[sSmMdD])$")
_CLITIC_2 = re.compile(r"(?s)(.*[^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T)$")
# Robert MacIntyre's contractions, as nltk splits them ("cannot" -> "can" + "not").
_CONTRACTIONS = [
    re.compile(pattern)
    for pattern in (
        r"(?i)\b(can)(not)\b",
        r"(?i)\b(d)('ye)\b",
        r"(?i)\b(gim)(me)\b",
        r"(?i)\b(gon)(na)\b",
        r"(?i)\b(got)(ta)\b",
        r"(?i)\b(lem)(me)\b",
        r"(?i)\b(more)('n)\b",
        r"(?i)\b(wan)(na)$",
    )
]
# The look-ahead on the first letters lets the search skip most positions (twice as fast).
_ANY_CONTRACTION = re.compile(r"(?i)\b(?=[cdglmw])(?:cannot|d'ye|gimme|gonna|gotta|lemme|more'n|wanna)")
# Characters that may follow a sentence's final period (nltk's class, plus spaces).
_CLOSERS = "]})>\"'»”’ \t"
_APOSTROPHE = re.compile(r"(?<=\w)’(?=\w)")
_LAST_OPENING_QUOTE = re.compile(r"“(\s*)$")
# An e-mail address starts where its run of name characters starts: tried inside the
# run too, a long run before an "@" that ends no address took quadratic time.
_ADDRESS = re.compile(
    r"(?:https?|ftp)://[^\s<>\"“”]+|www\.[^\s<>\"“”]+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
    re.IGNORECASE,
)
_INITIALISM = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
_QUOTES = {"``": '"', "''": '"', '"': '"'}
_CLOSING_TOKENS = frozenset(["]", ")", "}", ">", '"', "'", "»", "”", "’"])
# A character ``str.isalnum`` holds: ``\w`` is exactly those and "_" (the search beats a loop over
# the characters of each punctuation token, most of ``word_counts``' time on them).
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


def tokenize(text: str) -> list[str]:
    """Return the Treebank-style tokens of every sentence of ``text``, punctuation included.

    >>> tokenize("Friday’s talks in the U.S. didn't end. They met the U.N.")
    ['Friday', "'s", 'talks', 'in', 'the', 'U.S.', 'did', "n't", 'end', '.', 'They', 'met', 'the', 'U.N.', '.']
    """
    tokens: list[str] = []
    for sentence in split_sentences(text):
        tokens.extend(_finish(_split_sentence(prepare(sentence.text), _split_segment)))
    return tokens


def tokenize_with_nltk(text: str) -> list[str]:
    """Return the same tokens as ``tokenize`` through nltk's own, slower tokenizer.

    >>> tokenize_with_nltk("Friday’s talks in the U.S. didn't end.")
    ['Friday', "'s", 'talks', 'in', 'the', 'U.S.', 'did', "n't", 'end', '.']
    """
    tokenizer = _nltk_tokenizer()
    tokens: list[str] = []
    for sentence in split_sentences(text):
        tokens.extend(_finish(_split_sentence(prepare(sentence.text), tokenizer.tokenize)))
    return tokens


def is_word(token: str) -> bool:
    """Tell whether a token holds a letter or a digit (punctuation tokens do not).

    >>> [is_word(token) for token in ["U.S.", "'s", "3,250", ".", "--", '"']]
    [True, True, True, False, False, False]
    """
    return token.isalnum() or _LETTER_OR_DIGIT.search(token) is not None


def paragraph_starts(paragraphs: list[str]) -> list[int]:
    """Return the token index where each paragraph starts in their joined tokens.

    >>> paragraph_starts(["It rained.", "It stopped. Then it rained."])
    [0, 3]
    """
    starts, position = [], 0
    for paragraph in paragraphs:
        starts.append(position)
        position += len(tokenize(paragraph))
    return starts


def prepare(sentence: str) -> str:
    """Read ``’`` inside words as an apostrophe, ``…`` as ``...``, a final ``“`` as ``”``.

    >>> prepare("It’s over… “")
    "It's over... ”"
    """
    if "’" in sentence:
        sentence = _APOSTROPHE.sub("'", sentence)
    if "…" in sentence:
        sentence = sentence.replace("…", "...")
    if "“" in sentence:
        sentence = _LAST_OPENING_QUOTE.sub(r"”\1", sentence)
    return sentence


def _split_sentence(sentence: str, split: Callable[[str], list[str]]) -> list[str]:
    """Tokenize a sentence with ``split``, keeping web and e-mail addresses whole."""
    if "://" not in sentence and "@" not in sentence and "www." not in sentence.lower():
        return split(sentence)
    tokens: list[str] = []
    position = 0
    for match in _ADDRESS.finditer(sentence):
        address = _trim_address(match.group())
        tokens.extend(split(sentence[position : match.start()]))
        tokens.append(address)
        position = match.start() + len(address)
    tokens.extend(split(sentence[position:]))
    return tokens


def _trim_address(address: str) -> str:
    """Drop the punctuation that ends the sentence rather than the address (and unopened ``)``).

    >>> _trim_address("https://en.wikipedia.org/wiki/Bridge_(disambiguation)).")
    'https://en.wikipedia.org/wiki/Bridge_(disambiguation)'
    """
    end = len(address)
    unopened = address.count(")") - address.count("(")
    while end and (address[end - 1] in ".,;:!?'\"’”»]}" or (address[end - 1] == ")" and unopened > 0)):
        unopened -= address[end - 1] == ")"
        end -= 1
    return address[:end]


def _split_segment(segment: str) -> list[str]:
    """Tokenize text without addresses in one regular-expression pass, as nltk would."""
    end = _final_period(segment)
    if end is None:
        tokens = _split_pieces(segment)
    else:
        tokens = [*_split_pieces(segment[:end]), ".", *_split_pieces(segment[end + 1 :])]
    if has_contraction(segment):
        tokens = [piece for token in tokens for piece in _split_contraction(token)]
    return tokens


def _final_period(segment: str) -> int | None:
    """Return the index of the period nltk splits off the end of the text, if any."""
    index = len(segment) - 1
    while index >= 0 and segment[index] in _CLOSERS:
        if _opens_quote(segment, index):
            return None  # an opening quotation mark follows the period
        index -= 1
    if index >= 1 and segment[index] == "." and segment[index - 1] != ".":
        return index
    return None


def _opens_quote(segment: str, index: int) -> bool:
    """Tell whether nltk reads the ``"`` or ``''`` ending at ``index`` as an opening quote."""
    if segment[index] == '"':
        return index == 0 or segment[index - 1] in " ([{<"
    return (
        segment[index] == "'" and index >= 2 and segment[index - 1] == "'" and segment[index - 2] in " ([{<"
    )


def _split_pieces(text: str) -> list[str]:
    """Split text with no final period into punctuation and word runs.

    No piece holds a space and none looks past one (a look-ahead reads a space as it reads
    the end of the text), so each chunk between spaces is split on its own, and a chunk of
    letters and digits alone, most of them, is one run: the pattern is not run over it (the
    regular expression cost some 3,000 instructions a word: ``tokenize`` takes 30 % less).
    """
    split = _split_marked_pieces if _has_mark(text) else _PLAIN_PIECE.findall
    tokens: list[str] = []
    for chunk in text.split():  # ``str.split`` and ``\s`` both split on ``str.isspace``
        if chunk.isalnum():
            tokens.append(chunk)
        else:
            tokens.extend(split(chunk))
    return tokens


def _has_mark(text: str) -> bool:
    """Tell whether ``text`` needs the slower split: an apostrophe, a backtick, two commas or colons in a row.

    Looked for with ``in``, one after the other: a regular-expression search tried every
    position (15 % of ``tokenize``), and ``any`` over a generator of them cost a tenth.

    >>> _has_mark("It's"), _has_mark("a, b: c"), _has_mark("a,, b")
    (True, False, True)
    """
    return "'" in text or "`" in text or ",," in text or ",:" in text or ":," in text or "::" in text


def _split_marked_pieces(text: str) -> list[str]:
    """Split text with no final period into tokens, reading apostrophes, backticks and doubled commas."""
    tokens: list[str] = []
    for run, first, glued, mark in _PIECE.findall(text):  # groups as strings ("" unmatched): no Match objects
        if first:
            tokens.append(first)
            run = glued
        if mark:
            tokens.extend(_split_mark(mark))
        elif "'" in run:
            for part in _OPEN_QUOTE.sub("' ", run).split():
                tokens.extend(_split_clitics(part))
        else:
            tokens.append(run)
    return tokens


def _split_mark(mark: str) -> list[str]:
    """Return a punctuation piece as nltk's tokens (backticks pair up as ``````)."""
    if mark[0] == "`":
        return ["``"] * (len(mark) // 2) + ["`"] * (len(mark) % 2)
    return [mark]


def _split_clitics(run: str) -> list[str]:
    """Split a final ``'``, then ``'s 'm 'd``, then ``'ll 're 've n't`` off a run."""
    tail: list[str] = []
    if len(run) > 1 and run[-1] == "'" and run[-2] != "'":
        run, tail = run[:-1], ["'"]
    match = _CLITIC.match(run)
    if match:
        run, tail = match.group(1), [match.group(2), *tail]
    match = _CLITIC_2.match(run)
    if match:
        run, tail = match.group(1), [match.group(2), *tail]
    return [run, *tail]


def has_contraction(text: str) -> bool:
    """Tell whether ``text`` holds a word nltk splits as a contraction ("cannot", "gonna", "d'ye"...).

    >>> has_contraction("We cannot stay"), has_contraction("Cannon fire")
    (True, False)
    """
    # Letters each contraction holds, looked for in the lower-cased text before the search (a fifth
    # of ``tokenize``) runs, with ``in`` one after the other (``any`` over a generator cost more).
    # None is "i", "k" or "s", which the search also reads in letters outside ASCII ("ı", "K", "ſ"),
    # so a text without them holds no contraction.
    lowered = text.lower()
    letters = (
        "nnot" in lowered
        or "'ye" in lowered
        or "mme" in lowered
        or "onna" in lowered
        or "otta" in lowered
        or "ore'n" in lowered
        or "anna" in lowered
    )
    return letters and bool(_ANY_CONTRACTION.search(text))


def _split_contraction(token: str) -> list[str]:
    """Split "cannot", "gonna" and the like as nltk does."""
    for pattern in _CONTRACTIONS:
        token = pattern.sub(r" \1 \2 ", token)
    return token.split()


def _finish(tokens: list[str]) -> list[str]:
    """Write quotation marks as ``"`` and give a sentence-final initialism its period back."""
    if "``" in tokens or "''" in tokens:  # '"' stays '"': most sentences need no pass
        tokens = [_QUOTES.get(token, token) for token in tokens]
    index = len(tokens) - 1
    while index > 0 and tokens[index] in _CLOSING_TOKENS:
        index -= 1
    if index > 0 and tokens[index] == "." and _INITIALISM.fullmatch(tokens[index - 1]):
        tokens[index - 1] += "."
    return tokens


@lru_cache(maxsize=1)
def _nltk_tokenizer() -> NLTKWordTokenizer:
    """Return nltk's word tokenizer (imported on first use)."""
    from nltk.tokenize import NLTKWordTokenizer

    return NLTKWordTokenizer()
