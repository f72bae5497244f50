"""Measure the paragraphs of a page dump: the general cues that tell body text from boilerplate.

Each paragraph becomes a row of numbers (``Features``): its length, its share of
function words (jusText's insight: prose is about half function words, menus
and credits have few), whether it ends a sentence, its share of capitalised
words (menus, headlines), digits and links, cue words that address the reader
or ask for action, site furniture, photo credits, quotations and reporting
verbs, bylines and datelines, and whether it repeats the page title. The word
lists are package data (``data/function_words.txt``, ``data/boilerplate_cues.txt``).
A page's menus and footers repeat, so each distinct text is measured once.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain, compress, filterfalse, repeat
from operator import itemgetter, mul, not_, or_
from typing import NamedTuple

from helpers.resources import data_lines


class Features(NamedTuple):
    """The measured cues of one paragraph (a row of the separator's model)."""

    log_words: float  # log(1 + number of words): compare it with math.log1p(n), never expm1 it
    function_share: float  # share of function words (0 below _DENSITY_MIN_WORDS words)
    sentence_end: bool  # ends with a full stop, question or exclamation mark
    capital_share: float  # capitalised words per word
    digit_share: float  # numbers / (numbers + words)
    link: bool  # a URL, e-mail address, handle or domain name
    address: int  # second-person words outside quotations
    publisher: int  # first-person plural words outside quotations
    appeal: int  # appeal cues (support, donate, subscribe ...)
    action: int  # action cues (share, follow, visit ...)
    site: int  # site furniture cues (menu, cookies, related ...)
    credit: int  # photo credit cues
    reporting: int  # reporting verbs and attribution
    quote: bool  # holds a quotation mark
    byline: bool  # opens with "By ..." and is short
    dateline: bool  # opens with a dateline ("PLACE (AGENCY) -")
    date: bool  # holds numbers and a month, "ago", "updated" or a clock time
    headline: bool  # capitalised words, no full stop
    count_suffix: bool  # ends with a count ("(12)", "3 comments")
    no_letters: bool  # has no word at all
    comment: bool  # comment furniture: "12 comments", "Reply", "Rating: 5 votes", "Ann 2 days ago at 7:52"
    title_repeat: bool  # repeats the page title, wholly or as its start


class AppealCues(NamedTuple):
    """The cues that tell an appeal to the reader from reporting: the fields of ``Features`` ``asks_reader`` reads."""

    log_words: float
    link: bool
    appeal: int
    action: int
    reporting: int
    quote: bool


class Wording(NamedTuple):
    """The words of texts, as columns: each text's ASCII form (``ascii_forms``), word key and words."""

    forms: list[str | None]
    keys: list[str]  # their ``word_key``
    words: list[list[str]]  # the words of each key


FEATURES = Features._fields
CUE_CATEGORIES = ("address", "publisher", "appeal", "action", "site", "credit", "reporting")
_VOICE = ("address", "publisher")  # counted outside quotations only
_ADDRESS, _PUBLISHER = map(CUE_CATEGORIES.index, _VOICE)
# The appeal, action and reporting counts of a paragraph's ``count_cues``.
_ASKING = itemgetter(*map(CUE_CATEGORIES.index, AppealCues._fields[2:5]))
_DENSITY_MIN_WORDS = 5  # like jusText, function-word share is only measured on paragraphs of some length
_SENTENCE_ENDS = frozenset(".!?\u2026")

_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")  # letters, with apostrophes inside
_WORD_RUN = re.compile(r"[^\W\d_]+(?:['\u2019 ][^\W\d_]+)*")  # words with single spaces between: one match
_ASCII_WORD_RUN = re.compile(r"[A-Za-z]+(?:[' ][A-Za-z]+)*")  # the same on ASCII text (letters a-z, A-Z)
_CAPITAL = re.compile(r"[A-Z\u00c0-\u00de](?<![\w'\u2019].)")  # a capital that starts a word
_NUMBER = re.compile(r"\d\d*")  # \d+, written so that the regex engine can skip ahead to a digit
_HANDLE = re.compile(r"@\w")  # an e-mail address or a handle; links also hold "://" or "www."
_DOMAIN = re.compile(r"\.(?:com|org|net|gov|edu|io)\b")
_QUOTED = re.compile(r"\u201c[^\u201c\u201d]*[\u201d\u201c]|\"[^\"]*\"|\u00ab[^\u00ab\u00bb]*\u00bb")
_BYLINE = re.compile(
    r"(?:by|written by|words by|story by|posted by|reporting by|text by)\s+\S", re.IGNORECASE
)
# What ``_BYLINE`` may open with, ignoring case (\u017f is the long s, which matches "s").
_BYLINE_FIRSTS = frozenset("bBwWsS\u017fpPrRtT")
_DATELINE = re.compile(
    r"[A-Z][A-Z.'\u2019 -]{2,}(?:,\s*[A-Za-z. ]{2,24})?\s*(?:\([A-Za-z ]{2,20}\))?\s*[\u2014\u2013-]\s*\S"
)
_CLOCK = re.compile(r"\d:\d\d")
_MONTHS = frozenset(
    "jan january feb february mar march apr april may jun june jul july aug august sep sept september"
    " oct october nov november dec december".split()
)
_DATE_WORDS = _MONTHS | {"ago", "updated", "published"}
_COUNT_SUFFIX = re.compile(
    r"\(\d[\d,.]*\)$|(?<!\d)\d+ (?:comments?|votes?|replies|shares|views)$", re.IGNORECASE
)  # a number is tried from its first digit only: linear on long runs of digits
_COMMENT_COUNT = re.compile(
    r"\W*(?:\d[\d,.]*\)?\s*(?:comments?|replies|responses)|(?:comments?|replies|responses)\s*\(?\d[\d,.]*)\W*$",
    re.IGNORECASE,
)  # "[ 167 comments ]", "(42) Comments", "Comments (3)"
_COMMENT_HEADING = re.compile(
    r"(?:(?:top rated|latest|newest|oldest|all|view all|show|load more|hide|post a|leave a|add a|write a)\s+)?"
    r"(?:comments?|replies|reply|responses?)\W*$|comments are closed\W*$|join the (?:discussion|conversation)\W*$",
    re.IGNORECASE,
)  # a thread's heading or a control: "Top Rated Comments", "Reply", "Leave a Reply"
_COMMENT_CONTROLS = re.compile(
    r"(?:(?:reply|report|abuse|like|likes|dislike|flag|permalink|upvote|downvote|votes?|rating|points?|score|"
    r"helpful|recommend)\b\W*|\d+\W*)+$",
    re.IGNORECASE,
)  # a line of votes and buttons only: "Rating: 36 Votes", "Like Reply Report"
_RELATIVE_TIME = re.compile(
    r"\b\d+\s*(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b|\bat\s+\d{1,2}:\d\d",
    re.IGNORECASE,
)  # "2 days ago", "at 07:52"
_SIGNATURE = re.compile(r"[^.!?]{1,60}\b(?:says|said|wrote|writes)\s*:\s*$", re.IGNORECASE)  # "Ann says:"
_COMMENT_WORDS = frozenset(
    "comment comments reply replies response responses discussion conversation report abuse like likes"
    " dislike flag permalink upvote downvote vote votes rating point points score helpful recommend"
    " says said wrote writes".split()
)  # every comment heading, button and signature holds one of these words
_COMMENT_MAX_WORDS = 12  # comment furniture is short
_CLOSERS = " \"'\u201d\u2019\u00bb)]"


def _byte_table(marks: dict[str, str]) -> bytes:
    """Return a ``bytes.translate`` table: each character of ``marks`` to its mark, a line break kept, others blank."""
    table = bytearray(b" " * 256)
    for character, mark in marks.items():
        table[ord(character)] = ord(mark)
    table[ord("\n")] = ord("\n")
    return bytes(table)


# "C" for a capital, "w" for what may stand before a letter inside a word (``_CAPITAL``'s
# look-behind: \w or an apostrophe), a blank for the rest.
_CAPITAL_TABLE = _byte_table({
    **dict.fromkeys("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "C"),
    **dict.fromkeys("abcdefghijklmnopqrstuvwxyz0123456789_'", "w"),
})  # fmt: skip
# "d" for a digit, a blank for the rest: a number (``_NUMBER``, a run of digits) starts at a " d".
_DIGIT_TABLE = _byte_table(dict.fromkeys("0123456789", "d"))
# The letters in lower case and the apostrophe kept, the rest blank: a ``word_key`` once blanks are
# collapsed and the apostrophes that join no letters (``_LOOSE_APOSTROPHE``) are blanked too.
_KEY_TABLE = _byte_table({
    **{letter: letter.lower() for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"},
    **{letter: letter for letter in "abcdefghijklmnopqrstuvwxyz'"},
})  # fmt: skip
_LOOSE_APOSTROPHE = re.compile(r"'(?:(?<![a-z]')|(?![a-z]))")  # not between two letters (found from the "'")
# Typographic characters that every byte-table feature reads as an ASCII one: the curly apostrophe
# as the apostrophe (``word_key`` straightens it, ``_CAPITAL`` looks behind for either), the other
# quotation marks, dashes, the ellipsis, bullets and the no-break space as blanks (no letter, digit,
# apostrophe or line break). A text that is ASCII with them replaced is measured by the tables.
_STAND_INS = {
    "\u2019": "'", "\u2018": " ", "\u201c": " ", "\u201d": " ", "\u00ab": " ", "\u00bb": " ",
    "\u2013": " ", "\u2014": " ", "\u2026": " ", "\u2022": " ", "\u00b7": " ", "\u00a0": " ",
}  # fmt: skip
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
# A letter or digit beyond ASCII, or a capital's code point (such as "×").
_BEYOND_ASCII_WORD = re.compile(r"[^\W\x00-\x7f]|[\u00c0-\u00de]")


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
def cue_indices() -> dict[str, int]:
    """Return the category of each cue phrase as its index in ``CUE_CATEGORIES``.

    >>> CUE_CATEGORIES[cue_indices()["donate"]]
    'appeal'
    """
    return {phrase: CUE_CATEGORIES.index(category) for phrase, category in cue_words().items()}


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


@lru_cache(maxsize=1)
def cue_starts() -> dict[str, tuple[int | None, tuple[str, ...]]]:
    """Return, per word that may start a cue, its category's index (None: no cue alone) and the phrases it starts.

    >>> cue_starts()["according"], CUE_CATEGORIES[cue_starts()["donate"][0]]
    ((None, ('according to',)), 'appeal')
    """
    indices, phrases = cue_indices(), cue_phrases()
    return {word: (indices.get(word), phrases.get(word, ())) for word in cue_vocabulary()}


@lru_cache(maxsize=1)
def cue_vocabulary() -> frozenset[str]:
    """Return the words that may start a cue: the cue words and the first words of cue phrases.

    >>> {"donate", "according"} <= cue_vocabulary(), "to" in cue_vocabulary()
    (True, False)
    """
    return frozenset(phrase.split(" ", 1)[0] for phrase in cue_words())


def word_key(text: str) -> str:
    """Return the paragraph's words, lower case, joined by single spaces (curly apostrophes made straight).

    The words are found a run at a time: a run of words with single spaces
    between them is already joined as the key joins them (one match, not one
    per word). On ASCII text (``str.isascii`` is known without a scan) the
    letters are a class of ASCII ranges, which the regex engine looks up in a
    table, instead of a Unicode category it asks the database about: half
    the time.

    >>> word_key("The U.S. didn’t say: “No!”  Sign-up now")
    "the u s didn't say no sign up now"
    """
    runs = (_ASCII_WORD_RUN if text.isascii() else _WORD_RUN).findall(text)
    return " ".join(runs).lower().replace("\u2019", "'")


def word_keys(texts: Sequence[str]) -> list[str]:
    """Return the ``word_key`` of each text (a page repeats its menus: each distinct text is keyed once).

    >>> word_keys(["Big News", "", "It’s here", "Rock'n'roll 3D!", "U.S. (2024)", "'90s, Köln"])
    ['big news', '', "it's here", "rock'n'roll d", 'u s', 's köln']
    """
    distinct = list(dict.fromkeys(texts))
    keys = dict(zip(distinct, read_words(distinct).keys))
    return list(map(keys.__getitem__, texts))


def read_words(texts: Sequence[str]) -> Wording:
    """Return the ASCII forms, word keys and words of texts, each text read once (give them distinct).

    The texts with an ASCII form are keyed together by a byte table (``_KEY_TABLE``),
    the others one by one by ``word_key``'s pattern; a key's words are split once,
    for the key and for the features that count words.

    >>> read_words(["Big News!", "It’s Köln"])
    Wording(forms=['Big News!', None], keys=['big news', "it's köln"], words=[['big', 'news'], ["it's", 'köln']])
    """
    if not texts:
        return Wording([], [], [])
    forms = ascii_forms(texts)
    known = [form for form in forms if form is not None]
    page = translate_page(known, _KEY_TABLE)
    if "'" in page:
        page = _LOOSE_APOSTROPHE.sub(" ", page)  # the apostrophes that join no two letters
    found = map(str.split, page.split("\n"))
    if len(known) == len(texts):  # every text has an ASCII form
        words = list(found)
    else:
        words = [word_key(text).split() if form is None else next(found) for text, form in zip(texts, forms)]
    return Wording(forms, list(map(" ".join, words)), words)


def ascii_forms(texts: Sequence[str]) -> list[str | None]:
    """Return each text in ASCII (``_STAND_INS`` replaced, other symbols blanked) when it is one such line, else None.

    An ASCII text is its own form (``str.isascii`` is known without a scan); the others
    have the stand-ins replaced together, as one page: a dozen scans of it, not of each text.
    What is left beyond ASCII is blanked when it is all symbols (``blank_symbols``).

    >>> ascii_forms(["It’s “here” — now", "Köln", "two\\nlines", "", "Plain"])
    ["It's  here    now", None, None, '', 'Plain']
    """
    if any(map(str.__contains__, texts, repeat("\n"))):  # a text of several lines has no one-line form
        return [None if "\n" in text else ascii_forms([text])[0] for text in texts]
    others = list(filterfalse(str.isascii, texts))
    page = "\n".join(others)
    for character, stand_in in _STAND_INS.items():
        if character in page:
            page = page.replace(character, stand_in)
    replaced = iter(page.split("\n"))
    forms = [text if text.isascii() else next(replaced) for text in texts]
    return [form if form.isascii() else blank_symbols(form) for form in forms]


def blank_symbols(text: str) -> str | None:
    """Return a text with its non-ASCII symbols blanked, or None when it holds a non-ASCII letter or digit.

    A symbol (neither letter, digit nor "_") is no part of a word, capital or number,
    and stands beside one as a blank does; a Latin-1 capital's code point (\u00c0 to
    \u00de, "×" among them) may start a capital (``_CAPITAL``), so it is kept too.

    >>> blank_symbols("© 2024 Acme™ → more 🙂"), blank_symbols("Köln ©"), blank_symbols("3 × 4")
    ('  2024 Acme    more  ', None, None)
    """
    return None if _BEYOND_ASCII_WORD.search(text) else _NON_ASCII.sub(" ", text)


def translate_lines(texts: Sequence[str], table: bytes) -> list[str]:
    """Return one-line ASCII texts translated by a byte ``table`` (a line break kept), each after a space.

    The texts are joined and translated at once: ``bytes.translate`` looks each byte up
    in the table, a step of a nanosecond, where a pattern asks each character its class.

    >>> translate_lines(["Oh, 3 Dogs!", ""], _CAPITAL_TABLE)
    [' Cw  w Cwww ', ' ']
    """
    return translate_page(texts, table).split("\n") if texts else []


def translate_page(texts: Sequence[str], table: bytes) -> str:
    """Return one-line ASCII texts translated by a byte ``table`` as one page: a line each, each after a space.

    >>> translate_page(["Oh, 3 Dogs!", ""], _CAPITAL_TABLE)
    ' Cw  w Cwww \\n '
    """
    return (" " + "\n ".join(texts)).encode("ascii").translate(table).decode("ascii")


def count_marks(
    texts: Sequence[str], forms: Sequence[str | None], table: bytes, mark: str, pattern: re.Pattern[str]
) -> list[int]:
    """Count what ``pattern`` finds in each text: as ``mark`` in its ASCII form's ``table`` translation, if it has one.

    >>> texts = ["Oh, 3 Dogs!", "Ärger in Köln"]
    >>> count_marks(texts, ascii_forms(texts), _CAPITAL_TABLE, " C", _CAPITAL)
    [2, 2]
    """
    known = [form for form in forms if form is not None]
    counts = map(str.count, translate_lines(known, table), repeat(mark))
    if len(known) == len(texts):
        return list(counts)  # the page is ASCII once stood in for: nothing is left to the pattern
    return [len(pattern.findall(text)) if form is None else next(counts) for text, form in zip(texts, forms)]


def capital_counts(texts: Sequence[str]) -> list[int]:
    """Count in each text the capitals that start a word (``_CAPITAL``: not after a letter, digit or apostrophe).

    The texts with an ASCII form are counted together: in their ``_CAPITAL_TABLE``
    translation a capital that starts a word is a " C", and counting those takes a
    quarter less time than the pattern (a third fewer instructions).

    >>> capital_counts(["The U.S. and McDonald's 3D", "Ärger in Köln", "l'Amour", "“The” Times"])
    [4, 2, 0, 2]
    """
    return count_marks(texts, ascii_forms(texts), _CAPITAL_TABLE, " C", _CAPITAL)


def number_counts(texts: Sequence[str]) -> list[int]:
    """Count the numbers (runs of decimal digits, ``_NUMBER``) in each text.

    >>> number_counts(["In 2024, 3.5% rose", "٣٤ and 7", ""])
    [3, 2, 0]
    """
    return count_marks(texts, ascii_forms(texts), _DIGIT_TABLE, " d", _NUMBER)


def title_repeats(keys: Sequence[str]) -> list[bool]:
    """Tell, for each paragraph's ``word_key``, whether it repeats the page title (the first), wholly or as its start.

    A repeat is the title itself, an opening of it of two words or more, or a
    paragraph that begins with the whole title; each key is compared once.

    >>> title_repeats([word_key(text) for text in ["Big news - Site", "Big news", "Big news - Site | Home", "Menu"]])
    [False, True, True, False]
    """
    if not keys:
        return []
    title = keys[0]
    if not title:
        return [False] * len(keys)
    opening, repeats = title + " ", [False] * len(keys)
    rest = keys[1:]
    maybe = map(or_, map(str.startswith, rest, repeat(title)), map(title.startswith, rest))
    for index in compress(range(1, len(keys)), maybe):  # the keys that open the title or open with it
        key = keys[index]
        repeats[index] = (
            key == title
            or key.startswith(opening)
            or (len(key) < len(title) and " " in key and title.startswith(key + " "))
        )
    return repeats


def is_repeated(keys: Sequence[str], index: int, head_words: int = 6) -> bool:
    """Tell whether another paragraph has the words of paragraph ``index``, or opens with its ``head_words`` words.

    >>> texts = ["Menu", "Rain fell on the town all day.", "Rain fell on the town all day, he said.", "Menu"]
    >>> keys = [word_key(text) for text in texts]
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


def measure(text: str, title_repeat: bool = False) -> Features:
    """Return the features of one paragraph.

    >>> measure("Subscribe to our newsletter").appeal
    2
    """
    return measure_texts([text], read_words([text]), [title_repeat])[0]


def measure_page(texts: Sequence[str]) -> list[Features]:
    """Return the feature rows of a page's paragraphs (the first is the page title).

    >>> measure_page(["A title", "It rained all day in the town, and the river rose."])[1].sentence_end
    True
    """
    return read_page(texts)[1]


def read_page(texts: Sequence[str]) -> tuple[list[str], list[Features]]:
    """Return the word keys and the feature rows of a page's paragraphs (the first is the page title).

    >>> keys, rows = read_page(["A title", "Menu", "It rained all day.", "Menu"])
    >>> keys, rows[1] is rows[3]
    (['a title', 'menu', 'it rained all day', 'menu'], True)
    """
    if not texts:
        return [], []
    others = list(dict.fromkeys(texts[1:]))  # pages repeat their menus: each text is measured once
    # The title beside them: a paragraph that repeats it is measured as a repeat.
    distinct = [texts[0], *others]
    wording = read_words(distinct)
    title, *rows = measure_texts(distinct, wording, title_repeats(wording.keys))
    key_of, row_of = dict(zip(others, wording.keys[1:])), dict(zip(others, rows))
    keys = [wording.keys[0], *map(key_of.__getitem__, texts[1:])]
    return keys, [title, *map(row_of.__getitem__, texts[1:])]


def measure_texts(texts: Sequence[str], wording: Wording, title_repeat: Sequence[bool]) -> list[Features]:
    """Return the features of paragraphs given their ``read_words`` and whether each repeats the page title.

    The paragraphs are measured a feature (a column) at a time.

    >>> measure_texts(["Sign up now"], read_words(["Sign up now"]), [False])[0][:3]
    (1.3862943611198906, 0.0, False)
    """
    forms, keys, words = wording
    counts = list(map(len, words))
    shares = [1.0 / count if count else 0.0 for count in counts]
    ends = [text.rstrip(_CLOSERS)[-1:] in _SENTENCE_ENDS for text in texts]
    capital_words = count_marks(texts, forms, _CAPITAL_TABLE, " C", _CAPITAL)
    capitals = list(map(mul, capital_words, shares))
    numbers = count_marks(texts, forms, _DIGIT_TABLE, " d", _NUMBER)
    quoted = list(map(holds_quote_mark, texts))
    cues = cue_counts(texts, keys, words, quoted)
    is_function = function_words().__contains__
    functions = [
        sum(map(is_function, found)) * share if count >= _DENSITY_MIN_WORDS else 0.0
        for found, share, count in zip(words, shares, counts)
    ]  # the share of function words, on paragraphs long enough to have one
    columns = (  # one per field of Features, in order
        list(map(math.log1p, counts)),
        functions,
        ends,
        capitals,
        [number / (number + count) if number else 0.0 for number, count in zip(numbers, counts)],
        has_links(texts),
        *zip(*cues),  # a column per category (none for no paragraph: then there is no row either)
        quoted,
        [
            count <= 12 and text[:1] in _BYLINE_FIRSTS and _BYLINE.match(text) is not None
            for text, count in zip(texts, counts)
        ],
        [text[1:2].isupper() and _DATELINE.match(text) is not None for text in texts],
        [number > 0 and is_dated(text, found) for text, number, found in zip(texts, numbers, words)],
        [not end and count >= 3 and share >= 0.5 for end, count, share in zip(ends, counts, capitals)],
        [number > 0 and ends_with_count(text) for text, number in zip(texts, numbers)],
        list(map(not_, counts)),
        [
            count <= _COMMENT_MAX_WORDS
            and (number > 0 or not _COMMENT_WORDS.isdisjoint(found))  # what any furniture holds
            and is_comment_furniture(text, found, number)
            for text, count, found, number in zip(texts, counts, words, numbers)
        ],
        title_repeat,
    )
    # Features._make without its Python frame: tuple.__new__ called from C
    return list(map(tuple.__new__, repeat(Features), zip(*columns)))


def measure_appeal_cues(texts: Sequence[str], wording: Wording) -> list[AppealCues]:
    """Return the appeal cues of texts given their ``read_words``, measured as ``measure_texts`` measures them.

    Only these six of the 22 features: a sentence is told an appeal or not (``asks_reader``)
    in a fifth of the time of its whole row.

    >>> measure_appeal_cues(["Sign up now at example.com"], read_words(["Sign up now at example.com"]))
    [AppealCues(log_words=1.9459101490553132, link=True, appeal=1, action=0, reporting=0, quote=False)]
    """
    _, keys, words = wording
    quoted = list(map(holds_quote_mark, texts))
    asking = map(_ASKING, cue_counts(texts, keys, words, quoted))
    return [
        AppealCues(math.log1p(len(found)), link, *cues, quote)
        for found, link, cues, quote in zip(words, has_links(texts), asking, quoted)
    ]


def cue_counts(
    texts: Sequence[str], keys: Sequence[str], words: Sequence[Sequence[str]], quoted: Sequence[bool]
) -> list[tuple[int, ...]]:
    """Return ``count_cues`` of each paragraph, given its text, word key, words and whether it quotes.

    >>> cue_counts(["Sign up", "Rain"], ["sign up", "rain"], [["sign", "up"], ["rain"]], [False, False])
    [(0, 0, 1, 0, 0, 0, 0), (0, 0, 0, 0, 0, 0, 0)]
    """
    vocabulary, none = cue_vocabulary(), (0,) * len(CUE_CATEGORIES)
    return [
        none if vocabulary.isdisjoint(found) else count_cues(text, key, found, quote)
        for text, key, found, quote in zip(texts, keys, words, quoted)
    ]  # most paragraphs hold no cue word


def has_links(texts: Sequence[str]) -> list[bool]:
    """Tell, for each text, whether it holds a URL, e-mail address, handle or domain name.

    The four kinds are looked for one by one: "://" and "www." as substrings, then two
    patterns that open with a character the regex engine skips ahead to. One pattern of
    the four as alternatives takes half as long again: the engine tries each at every position.

    >>> has_links(["See www.example.org", "Write to ann@example.org", "It rained."])
    [True, True, False]
    """
    return [
        "://" in text or "www." in text or ("@" in text and _HANDLE.search(text) is not None)
        or _DOMAIN.search(text) is not None
        for text in texts
    ]  # fmt: skip


def holds_quote_mark(text: str) -> bool:
    """Tell whether a text holds a quotation mark: straight, curly or guillemet.

    Five substring searches, each a fast scan, take a third of the time of one
    regex search for the five marks.

    >>> holds_quote_mark("He said \u201cno\u201d."), holds_quote_mark("\u00abOui\u00bb"), holds_quote_mark("It\u2019s")
    (True, True, False)
    """
    return '"' in text or "\u201c" in text or "\u201d" in text or "\u00ab" in text or "\u00bb" in text


def count_cues(text: str, key: str, words: Sequence[str], quoted: bool) -> tuple[int, ...]:
    """Return how often a paragraph uses the cues of each of ``CUE_CATEGORIES``, in their order.

    The paragraph is given as its text, word key, words and whether it quotes.
    Each word is looked up once, among the words that may start a cue (``cue_starts``).
    Address and publisher cues do not count inside quotations, nor when
    written in capitals (``silent_voices``). Phrases of several words match
    whole words only.

    >>> text = "“We are ready,” he said. Sign up."
    >>> found = dict(zip(CUE_CATEGORIES, count_cues(text, word_key(text), word_key(text).split(), True)))
    >>> found["publisher"], found["appeal"], found["reporting"]
    (0, 1, 1)
    """
    starts, indices = cue_starts(), cue_indices()
    counts = [0] * len(CUE_CATEGORIES)
    started = []  # the phrases that the paragraph's words start
    for index, phrases in filter(None, map(starts.get, words)):  # one look-up a word: each start is a pair
        if index is not None:
            counts[index] += 1
        if phrases:
            started.append(phrases)
    if started:
        spaced = f" {key} "  # whole words: " sign up " is in " sign up now ", not in " design update "
        for phrase in set(chain.from_iterable(started)):  # each phrase counted once, however often it starts
            counts[indices[phrase]] += spaced.count(f" {phrase} ")
    if counts[_ADDRESS] or counts[_PUBLISHER]:
        silent = silent_voices(text, quoted)
        counts[_ADDRESS] -= silent["address"]
        counts[_PUBLISHER] -= silent["publisher"]
    return tuple(counts)


def silent_voices(text: str, quoted: bool) -> dict[str, int]:
    """Return how many of a paragraph's address and publisher words speak for no one (``quoted``: it quotes).

    Those are the words inside quotations (someone else speaking) and, in a
    text that is not all capitals, those written in capitals (an acronym: "US"
    the country, "IT" the trade): whole words, as ``count_cues`` counts them.

    >>> silent_voices("“We are ready,” he said. US troops left, and you saw them.", True)
    {'address': 0, 'publisher': 2}
    >>> silent_voices("The US's troops saw you.", False)  # "US's" is no "US": it silences nothing
    {'address': 0, 'publisher': 0}
    """
    cues = cue_words()
    silent = list(map(cues.get, word_key(" ".join(_QUOTED.findall(text))).split())) if quoted else []
    # a plain substring search first: the whole-word pattern scans one position at a time
    if not text.isupper() and any(map(text.__contains__, voice_acronyms())) and voice_capitals().search(text):
        spoken = _QUOTED.sub(" ", text) if quoted else text  # a quotation's words are counted above
        silent += [cues.get(word.lower().replace("\u2019", "'")) for word in voice_capitals().findall(spoken)]
    return {category: silent.count(category) for category in _VOICE}


@lru_cache(maxsize=1)
def voice_acronyms() -> tuple[str, ...]:
    """Return the address and publisher cue words of two letters or more, in capitals, the longest first.

    >>> voice_acronyms()[-2:]
    ('WE', 'US')
    """
    voices = [
        word.upper()
        for word, category in cue_words().items()
        if category in _VOICE and re.fullmatch("[a-z]{2,}", word)
    ]  # an acronym is two capitals or more
    return tuple(sorted(voices, key=len, reverse=True))


@lru_cache(maxsize=1)
def voice_capitals() -> re.Pattern[str]:
    """Return the pattern of the address and publisher cue words written in capitals, as whole words.

    A whole word as ``word_key`` finds it: with what an apostrophe joins to it in
    capitals ("WE'LL"), and none of a word that an apostrophe joins to letters ("US's").

    >>> voice_capitals().findall("US troops, YOUR call, the HOUSE, Us, WE'LL, the US's, l'US")
    ['US', 'YOUR', "WE'LL"]
    """
    acronyms = "|".join(voice_acronyms())
    return re.compile(rf"(?<![^\W\d_]['\u2019])\b(?:{acronyms})(?:['\u2019][A-Z]+)?\b(?!['\u2019][^\W\d_])")


def ends_with_count(text: str) -> bool:
    """Tell whether a text ends with a count in brackets or of comments, votes, replies, shares or views.

    >>> ends_with_count("Comments (12) "), ends_with_count("3 replies"), ends_with_count("It cost 3 dollars.")
    (True, True, False)
    """
    text = text.rstrip()
    return (text[-1:] == ")" or text[-1:].isalpha()) and _COUNT_SUFFIX.search(text) is not None


def is_comment_furniture(text: str, words: Sequence[str], numbers: int) -> bool:
    """Tell whether a short line (its text, words and number of numbers) is the furniture of a comment thread.

    Furniture is a heading or button, votes, a signature ("Ann says:"), or,
    when the line holds a number, a count of comments or a time stamp. Headings,
    buttons and signatures are only tried on a line holding one of their words,
    time stamps on one with "ago" (no other letters match a, g, o ignoring case) or a colon.

    >>> lines = ["[ 12 comments ]", "Reply", "Rating: 36 Votes", "Ann 2 days ago at 7:52 am", "Ann says:",
    ...          "The talks ended."]
    >>> [is_comment_furniture(line, word_key(line).split(), len(_NUMBER.findall(line))) for line in lines]
    [True, True, True, True, True, False]
    """
    text = text.strip()
    if numbers and (
        _COMMENT_COUNT.match(text) is not None
        or ((":" in text or "ago" in text.lower()) and _RELATIVE_TIME.search(text) is not None)
    ):  # a time stamp says "ago" or has a clock: the pattern, tried at every position, only where one may be
        return True
    return not _COMMENT_WORDS.isdisjoint(words) and (
        _COMMENT_HEADING.match(text) is not None
        or (len(text) <= 60 and _COMMENT_CONTROLS.match(text) is not None and _WORD.search(text) is not None)
        or (text.endswith(":") and _SIGNATURE.match(text) is not None)
    )


def is_dated(text: str, words: Sequence[str]) -> bool:
    """Tell whether a paragraph with numbers names a month, says 'ago', 'updated' or 'published', or has a clock time.

    >>> is_dated("Updated 3 May", ["updated", "may"]), is_dated("3 items", ["items"])
    (True, False)
    """
    return not _DATE_WORDS.isdisjoint(words) or (":" in text and _CLOCK.search(text) is not None)
