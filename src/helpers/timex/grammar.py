"""The grammar: ``Rule`` (name, pattern, normaliser, trigger words, examples) and the rules in order of precedence.

A rule's pattern is a regular expression with placeholders: ``<NAME>`` for a piece
built here or from several tables (``<MONTH>``, ``<NUM>``, ``<_>`` for a blank), and
``<section>`` for the alternation of one ``data/timex_words.txt`` section
(``<date_prepositions>``). Its normaliser turns a match into a ``Reading``. Each rule
is written next to its normaliser in the module of its TIMEX3 type
(``helpers.timex.dates``, ``durations``, ``times_and_sets``); ``rules()`` lists them,
earlier rules winning ties. The tagger searches a stretch of text with a rule only
when the stretch holds one of the rule's trigger words, so every match of a rule must
hold one (``tests/test_timex.py`` checks it against a search everywhere).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from helpers.letters import LetterPattern, in_bmp
from helpers.timex.lexicon import BLANK, alternation, capitalised, placeholder_words, plural, table, trie

if TYPE_CHECKING:
    from helpers.timex.context import Context

NUMBER = "#"  # the trigger word of a number: ``triggers`` gives it date-like numbers, the tagger any digit


@dataclass(frozen=True)
class Reading:
    """What a rule read in a match: TIMEX3 type, value, mod, and which group holds the span."""

    type: str
    value: str
    mod: str | None = None
    relative: bool = False
    group: str | None = None


Normaliser = Callable[[re.Match[str], "Context"], Reading | None]


@dataclass(frozen=True)
class Rule:
    """One expression family: its pattern, the normaliser of its matches, its trigger words and examples.

    ``triggers`` names the words one of which every match holds as a whole word:
    ``<NAME>`` stands for each word of that placeholder and ``<section>`` for each word
    of that table (a suffix after it is added to each), ``#`` for a digit. ``examples`` are
    (sentence, expression, value) read with the document date 2023-03-13 (a Monday); the
    tests run each one.
    """

    name: str
    pattern: str
    normalise: Normaliser
    triggers: str
    examples: tuple[tuple[str, str, str], ...] = ()

    @cached_property
    def regex(self) -> re.Pattern[str]:
        """Return the compiled pattern."""
        return compile_rule(self.pattern)

    @cached_property
    def trigger_words(self) -> frozenset[str] | None:
        """Return the trigger words; None when some form holds none (the rule is then searched everywhere)."""
        return signature_words(self.triggers)


EXAMPLE_DCT = "2023-03-13"


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    """Return the grammar, most specific first (earlier rules win ties).

    >>> [rule.name for rule in rules()][:3]
    ['iso date', 'slashed date', 'month day year']
    """
    from helpers.timex import dates, durations, times_and_sets

    return (
        dates.ISO_DATE,
        dates.SLASHED_DATE,
        dates.MONTH_DAY_YEAR,
        dates.DAY_MONTH_YEAR,
        dates.WEEK_OF,
        dates.SECOND_DAY,
        dates.FIRST_DAY,
        dates.DECADE,
        dates.BC_YEAR,
        dates.BC_RANGE_START,
        dates.RANGE_START,
        dates.RANGE_END,
        dates.YEAR,
        dates.SPOKEN_YEAR,
        dates.CENTURY,
        dates.SPOKEN_DECADE,
        dates.QUARTER,
        dates.YEAR_AGO,
        dates.HOLIDAY,
        dates.WEEKDAY,
        dates.RELATIVE_DAY,
        times_and_sets.PART_OF_TODAY,
        dates.SHIFTED_MONTH,
        dates.SEASON,
        dates.YEAR_END,
        dates.ANAPHORIC_DATE,
        dates.SHIFTED_UNIT,
        dates.THE_UNIT,
        times_and_sets.RATE,
        durations.DURATION,
        durations.COMPOUND_DURATION,
        durations.UNIT_ADJECTIVE,
        dates.REFERENCE,
        times_and_sets.CLOCK,
        times_and_sets.FREQUENCY,
    )


def _number_words() -> str:
    """Return the pattern of a number in digits or words (twenty-five, 3,250, a couple of)."""
    words = alternation([w for w in table("numbers") if w not in ("couple", "half", "dozen")])
    return (
        rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+{BLANK}[1-3]/[2-4]|\d+(?:\.\d+)?|a{BLANK}couple{BLANK}of|a{BLANK}dozen|half{BLANK}an?|an?|"
        rf"{words}(?:(?:-|{BLANK}(?:and{BLANK})?){words})*(?:{BLANK}and{BLANK}a{BLANK}half)?)"
    )


def _tens_words() -> str:
    """Return the pattern of a number from ten to ninety-nine in words ("ninety-four", "twelve")."""
    numbers = table("numbers")
    tens = alternation(
        [w for w, (v,) in numbers.items() if v.isdigit() and 20 <= int(v) <= 90 and int(v) % 10 == 0]
    )
    ones = alternation([w for w, (v,) in numbers.items() if v.isdigit() and 1 <= int(v) <= 9])
    teens = alternation([w for w, (v,) in numbers.items() if v.isdigit() and 10 <= int(v) <= 19])
    return rf"{tens}(?:[-\s]{ones})?|{teens}"


_CAPITALISED = ("MONTH", "WEEKDAY", "HOLIDAY")  # names: matched Capitalised or UPPER case only


@lru_cache(maxsize=1)
def _pieces() -> dict[str, str]:
    """Return the regex pieces that rule patterns name as <NAME> (built once)."""
    pieces = {
        name: (capitalised if name in _CAPITALISED else alternation)(words)
        for name, words in placeholder_words().items()
    }
    return pieces | {
        "_": BLANK,
        "NUM": _number_words(),
        "YEARAGO": alternation(table("year_ago")).replace(BLANK, r"[- ]"),
        "YEAR": r"(?:1[0-9]{3}|20[0-9]{2})",
        "BCYEAR": rf"(?:[1-9][0-9]{{0,3}}(?:{BLANK})?{alternation(table('before_christ'))})",
        "SPOKENYEAR": (
            rf"{alternation(table('spoken_centuries'))}{BLANK}(?:hundred{BLANK}(?:and{BLANK})?)?(?:{_tens_words()})"
        ),
        "DAY": r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?",
    }


_PLACEHOLDER = re.compile(r"(?<!\?P)<([A-Za-z_][A-Za-z0-9_]*)>")


def _piece(name: str) -> str:
    """Return the regex of a placeholder: a built piece, or the alternation of a lower-case table section."""
    return _pieces()[name] if name in _pieces() else alternation(table(name))


def compile_rule(pattern: str) -> re.Pattern[str]:
    """Fill a rule pattern's <PLACEHOLDERS> and <sections> and compile it (case-insensitive).

    >>> bool(compile_rule(r"\\b<MONTH><_>(?P<d>\\d+)").search("on Sept. 19"))
    True
    >>> compile_rule(r"\\b<rate_words>\\b").search("three times").group()
    'times'
    """
    return re.compile(_PLACEHOLDER.sub(lambda m: _piece(m.group(1)), pattern), re.IGNORECASE)


# Its letters read from the BMP table where the text allows: an eighth of ``triggers`` (helpers.letters).
_TOKEN = LetterPattern(r"[^\W\d_]+|\d+(?:[:/-]|'?s\b|[^\S\n]*(?:[ap]\.?m\b|o'clock))?")
# The number tokens of ``_TOKEN`` alone: the first ``\d`` written out lets the engine skip to a digit
# (a pattern opening on a repeat is tried at every position: twice the instructions).
_NUMBER_TOKEN = re.compile(r"\d\d*(?:[:/-]|'?s\b|[^\S\n]*(?:[ap]\.?m\b|o'clock))?")


@lru_cache(maxsize=1)
def trigger_words() -> frozenset[str]:
    """Return the lower-cased words of which every temporal expression holds at least one.

    >>> {"monday", "weeks", "yesterday"} <= trigger_words()
    True
    """
    words = {"weekend", "half", "millenniums", "thousand", *table("spoken_centuries")} | {
        f"{u}long" for u in table("units")
    }
    words |= set(table("before_christ"))
    for name in (
        "units",
        "relative_days",
        "references",
        "frequencies",
        "seasons",
        "day_parts",
        "months",
        "weekdays",
        "decade_words",
        "holidays",
    ):
        for entry in table(name):
            head = entry.split()[-1].rstrip(".'s")
            words.update((head, plural(head), head + "s"))
    return frozenset(words)


# The characters of the BMP that ``str.isdigit`` holds and ``\d`` does not ("²", "①"): the letter class
# holds them, and ``token_triggers`` reads a run of letters opening on one as a number (tests.test_timex_grammar
# lists them from Unicode). A text holding one, or a character past the BMP (where the others are), is read
# token by token. Only BMP characters: the class compiles to a table (a list of ranges is read range by range).
_OTHER_DIGIT = re.compile(
    "[\u00b2-\u00b3\u00b9\u1369-\u1371\u19da\u2070\u2074-\u2079\u2080-\u2089\u2460-\u2468\u2474-\u247c"
    "\u2488-\u2490\u24ea\u24f5-\u24fd\u24ff\u2776-\u277e\u2780-\u2788\u278a-\u2792]"
)


@lru_cache(maxsize=1)
def _trigger_word() -> LetterPattern:
    """Return the pattern of a trigger word in lower-cased text: a whole run of letters after a non-letter (group 1).

    The text is read with a space before it, so that every word follows a non-letter: a
    pattern opening on a character class lets the engine skip to the places it can match,
    where one opening on a look-behind is tried at every position (three times the instructions).
    """
    return LetterPattern(rf"[\W\d_]({trie(sorted(trigger_words()))})(?![^\W\d_])")


def triggers(text: str) -> list[tuple[int, int, str]]:
    """Return the spans of trigger words and date-like numbers (years, 2 p.m., 9/19, 6-) in ``text``, with the word.

    The word is lower-cased, or ``NUMBER`` for a number. This is ``token_triggers`` at half
    the instructions: the words are found in the lower-cased text by one pattern of them all,
    the numbers by a pattern of their own. Lower-casing keeps every character a letter or not
    (tests.test_timex_grammar checks all of Unicode). The tokens are read one by one where
    lower-casing changes the text's length ("İ"), after "o'clock" (a number token that can
    end inside a run of letters), and in a text holding a digit that ``\\d`` does not read
    (``_OTHER_DIGIT``) or a character past the BMP (the pattern reads the BMP's letter table).

    >>> triggers("He left on Monday at 2 p.m., not in 42 cars.")
    [(11, 17, 'monday'), (21, 26, '#')]
    """
    lowered = " " + text.lower()
    if (
        len(lowered) != len(text) + 1
        or "o'clock" in text
        or (not text.isascii() and (not in_bmp(text) or _OTHER_DIGIT.search(text)))
    ):
        return token_triggers(text)
    # A match opens on the non-letter before its word: its start in ``lowered`` is the word's in ``text``.
    found = [(m.start(), m.end() - 1, m[1]) for m in _trigger_word().table.finditer(lowered)]
    found += [
        (*m.span(), NUMBER) for m in _NUMBER_TOKEN.finditer(text) if len(m[0]) == 4 or not m[0].isdigit()
    ]
    return sorted(found)


def token_triggers(text: str) -> list[tuple[int, int, str]]:
    """Return ``triggers`` read token by token: each word looked up lower-cased, each number by its length.

    >>> token_triggers("He left on Monday at 2 p.m., not in 42 cars.")
    [(11, 17, 'monday'), (21, 26, '#')]
    """
    heads = trigger_words()
    found = []
    for token in _TOKEN.for_text(text).finditer(text):
        word = token.group()
        if word[0].isdigit():
            if len(word) == 4 or not word.isdigit():
                found.append((*token.span(), NUMBER))
        elif (word := word.lower()) in heads:
            found.append((*token.span(), word))
    return found


_LETTERS = re.compile(r"[^\W\d_]+")


def signature_words(signature: str) -> frozenset[str] | None:
    """Return the trigger words of a rule's ``triggers``; None when some form of it holds none.

    >>> sorted(signature_words("<SEASON>")), signature_words("time")
    (['autumn', 'fall', 'spring', 'summer', 'winter'], None)
    """
    words: set[str] = set()
    for item in signature.split():
        for form in _signature_forms(item):
            heads = (
                {NUMBER} if form == NUMBER else {w.lower() for w in _LETTERS.findall(form)} & trigger_words()
            )
            if not heads:
                return None
            words |= heads
    return frozenset(words) or None


def _signature_forms(item: str) -> list[str]:
    """Return what a trigger item stands for: each word of its <NAME> placeholder plus the suffix, or itself.

    >>> _signature_forms("<SEASON>s")[:2], _signature_forms("week"), _signature_forms("<spoken_centuries>")
    (['springs', 'summers'], ['week'], ['nineteen', 'eighteen'])
    """
    name = re.match(r"<([A-Za-z0-9_]+)>", item)
    if name is None:
        return [item]
    words = placeholder_words()[name[1]] if name[1].isupper() else list(table(name[1]))
    return [word + item[name.end() :] for word in words]
