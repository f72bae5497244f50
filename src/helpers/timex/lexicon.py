"""The tagger's words: the tables of ``data/timex_words.txt`` and the regex alternations built from them.

Every word list the grammar reads lives in the data file, one section per concern;
patterns name a section as ``<section>`` (see ``helpers.timex.grammar.compile_rule``)
and normalisers look words up with ``table``. Add a word by adding one line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from helpers.resources import data_sections

BLANK = r"[^\S\n]+"


@lru_cache(maxsize=1)
def load_tables() -> dict[str, dict[str, tuple[str, ...]]]:
    """Return the word tables: section -> lower-cased words -> their values.

    >>> load_tables()["units"]["week"]
    ('W', 'week')
    """
    tables: dict[str, dict[str, tuple[str, ...]]] = {}
    for name, lines in data_sections("timex_words.txt").items():
        rows = [line.split("\t") for line in lines]
        tables[name] = {word.strip().lower(): tuple(v.strip() for v in values) for word, *values in rows}
    return tables


def table(name: str) -> dict[str, tuple[str, ...]]:
    """Return one word table by section name.

    >>> table("months")["sept."]
    ('9',)
    """
    return load_tables()[name]


def lookup(name: str, words: str) -> tuple[str, ...]:
    """Return the values of ``words`` (any case, any blanks between words) in table ``name``.

    >>> lookup("modifiers", "More  than")
    ('MORE_THAN',)
    """
    return table(name)[re.sub(r"\s+", " ", words.lower())]


def alternation(words: list[str] | dict[str, tuple[str, ...]], cased: bool = False) -> str:
    """Return a regex alternation of ``words``, longest first, spaces matching any blank.

    A look-ahead on the words' first characters comes first: a position no word can
    start at then fails in one test instead of one per word. The words are written as a
    ``trie``, which reads a shared prefix once (the rules' searches take a tenth fewer
    instructions), where that tries them in the same order: the words that match at one
    position are then prefixes of one another, and the trie tries the longer first. That
    needs no two of them to differ by a letter that matching reads as the same one (the
    pattern is case-sensitive, ``cased``, or the words are lower-case ASCII: no character
    matches two of those letters, even ignoring case) and no word to hold two spaces in a
    row (the first blank could leave the second a character); otherwise they are listed.

    >>> alternation(["a", "a few", "the"]), alternation(["a", "A few"])
    ('(?:(?=[at])(?:a(?:[^\\\\S\\\\n]+few)?|the))', '(?:(?=[Aa])(?:A[^\\\\S\\\\n]+few|a))')
    """
    ordered = sorted(words, key=len, reverse=True)
    listed = "(?:" + "|".join(re.escape(w).replace(r"\ ", BLANK) for w in ordered) + ")"
    if not ordered or not ordered[-1]:  # no word, or the empty word: any position may match
        return listed
    first = "".join(sorted({re.escape(w[0]) for w in ordered if w[0] != " "}))
    starts = [f"[{first}]"] if first else []
    if any(w[0] == " " for w in ordered):
        starts.append(BLANK.removesuffix("+"))  # a word's space matches any blank: a tab may start it too
    same_order = all((cased or w.isascii() and w == w.lower()) and "  " not in w for w in ordered)
    return f"(?:(?={'|'.join(starts)}){trie(ordered) if same_order else listed})"


def trie(words: Iterable[str]) -> str:
    """Return a pattern matching exactly ``words``, written as a trie: the engine tries one branch per character.

    A space in a word matches any blank (``BLANK``), as in ``alternation``.

    >>> trie(["week", "weeks", "weekend", "year"])
    '(?:week(?:end|s)?|year)'
    """
    tree: dict = {}
    for word in words:
        node = tree
        for character in word:
            node = node.setdefault(character, {})
        node[""] = {}  # a word ends here
    return _branches(tree)


def _branches(node: dict) -> str:
    """Return the pattern of a trie node: its children's branches, optional when a word ends at the node."""
    branches = [
        (BLANK if character == " " else re.escape(character)) + _branches(child)
        for character, child in sorted(node.items())
        if character
    ]
    if not branches:
        return ""
    joined = "|".join(branches)
    if "" in node:
        return f"(?:{joined})?"
    return f"(?:{joined})" if len(branches) > 1 else joined


def capitalised(words: list[str] | dict[str, tuple[str, ...]]) -> str:
    """Return a case-sensitive alternation of ``words`` written Capitalised or UPPER case.

    >>> bool(re.fullmatch(capitalised(["may"]), "May")), bool(re.fullmatch(capitalised(["may"]), "may"))
    (True, False)
    """
    forms = {f for w in words for f in (" ".join(p[:1].upper() + p[1:] for p in w.split()), w.upper())}
    return "(?-i:" + alternation(list(forms), cased=True)[3:]


def plural(unit: str) -> str:
    """Return the plural of a calendar unit.

    >>> plural("century"), plural("week")
    ('centuries', 'weeks')
    """
    if unit.endswith("y") and unit != "day":
        return unit[:-1] + "ies"
    if unit == "millennium":
        return "millennia"
    return unit + "s"


def singular(word: str) -> str:
    """Return the table form of a unit word.

    >>> singular("Weeks"), singular("centuries")
    ('week', 'century')
    """
    word = word.lower()
    for unit in table("units"):
        if word in (unit, plural(unit)):
            return unit
    if word == "millenniums":
        return "millennium"
    raise KeyError(word)


@lru_cache(maxsize=1)
def period_parts() -> dict[str, str]:
    """Return the words that pick a part of a period -> START, MID or END ("early", "mid", "later").

    >>> period_parts()["late"], period_parts()["earlier"]
    ('END', 'START')
    """
    single = {
        w: mod for w, (mod,) in table("modifiers").items() if mod in ("START", "MID", "END") and " " not in w
    }
    return single | {w: mod for w, (mod,) in table("part_modifiers").items()}


def part_mod(word: str | None) -> str | None:
    """Return the TIMEX3 mod of a START/MID/END word (early, mid-, late, earlier, later).

    >>> part_mod("mid-"), part_mod(None)
    ('MID', None)
    """
    return period_parts().get(word.lower().rstrip("-")) if word else None


def prefix_mod(words: str | None) -> str | None:
    """Return the mod named by a prefix such as "more than" or "about".

    >>> prefix_mod("about"), prefix_mod(None)
    ('APPROX', None)
    """
    return lookup("modifiers", words)[0] if words else None


_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?")
_MIXED_FRACTION = re.compile(r"(?P<whole>\d+)\s+(?P<top>[1-3])/(?P<bottom>[2-4])")


def parse_number(words: str) -> float | None:
    """Return the value of a number written in digits or words; ``None`` for vague ones.

    >>> parse_number("twenty-five"), parse_number("3,250"), parse_number("a"), parse_number("several")
    (25, 3250, 1, None)
    >>> parse_number("2 1/2")
    2.5
    >>> parse_number("two and a half"), parse_number("half an")
    (2.5, 0.5)
    """
    words = words.strip().lower()
    mixed = _MIXED_FRACTION.fullmatch(words)
    if mixed and int(mixed["top"]) < int(mixed["bottom"]):
        return int(mixed["whole"]) + int(mixed["top"]) / int(mixed["bottom"])
    if _DIGITS.fullmatch(words):
        number = float(words.replace(",", ""))
        return int(number) if number.is_integer() else number
    if words in ("a", "an", "one"):
        return 1
    if words.startswith(("a couple", "couple")):
        return 2
    numbers = table("numbers")
    total, current = 0.0, 0.0
    for token in re.split(r"[-\s]+", words):
        if token in ("and", "a", "an", "of"):
            continue
        if token not in numbers:
            return None
        value = float(numbers[token][0])
        if value == 100:
            current = (current or 1) * 100
        elif value == 1000:
            total, current = (total + (current or 1)) * 1000, 0.0
        else:
            current += value
    number = total + current
    return int(number) if number.is_integer() else number


def placeholder_words() -> dict[str, list[str]]:
    """Return the word lists that rule patterns name as <NAME> (each becomes an alternation).

    >>> placeholder_words()["UNITS"][:3]
    ['seconds', 'minutes', 'hours']
    """
    units = table("units")
    return {
        "VAGUE": list(table("vague_numbers")),
        "UNIT": [form for unit in units for form in (unit, plural(unit))] + ["millenniums"],
        "UNIT1": list(units),
        "UNITS": [plural(u) for u in units],
        "MONTH": list(table("months")),
        "WEEKDAY": list(table("weekdays")),
        "HOLIDAY": list(table("holidays")),
        "ORD": list(table("ordinals")),
        "SEASON": list(table("seasons")),
        "PART": [p for p, (code,) in table("day_parts").items() if not code[0].isdigit()],
        "CLOCKWORD": [p for p, (code,) in table("day_parts").items() if code[0].isdigit()],
        "RELDAY": list(table("relative_days")),
        "SHIFT": list(table("shifters")),
        "MOD": list(table("modifiers")),
        "SMEMOD": [w for w in period_parts() if w not in table("part_modifiers")],
        "REF": list(table("references")),
        "FREQ": list(table("frequencies")),
        "UNITADJ": list(table("unit_adjectives")),
        "ANAPHORA": list(table("anaphora")),
        "DECADEWORD": list(table("decade_words")),
        "BC": list(table("before_christ")),
    }
