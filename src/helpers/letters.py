"""Letter classes for regular expressions that the engine reads from a table, for text in the BMP.

Python's ``re`` answers ``[^\\W\\d_]`` (a letter: a word character that is no digit and no
underscore) by asking Unicode's database for every character it tries, several look-ups a
character. The same letters listed as ranges compile to a bitmap of the Basic Multilingual
Plane, read in one step: word patterns run 1.3 to 1.4 times faster (``triggers`` of
``helpers.timex`` and the word counts of ``helpers.language``). The bitmap holds no character
past U+FFFF, so ``bmp_pattern`` gives the fast twin of a pattern and ``in_bmp`` tells whether a
text can use it; a text with a character past U+FFFF (an emoji, a historic script) is matched by
the plain pattern. Both give the same matches wherever ``in_bmp`` holds (tests.test_letters);
``LetterPattern`` holds the two and picks one for a text.

The table is built once a process (about 36 million instructions, some 8 ms) and each pattern
compiled once (28 million): a corpus worker gets them back within a hundred pages; a command on
one page pays some 20 ms more.
"""

from __future__ import annotations

import re
import struct
from functools import cached_property, lru_cache

LETTER = r"[^\W\d_]"
NON_LETTER = r"[\W\d_]"  # any character but a letter; its twin is the table negated


@lru_cache(maxsize=1)
def bmp_letters() -> str:
    """Return the letters of the BMP (``[^\\W\\d_]``) as the inside of a class: ranges of escaped characters.

    >>> re.fullmatch(f"[{bmp_letters()}]+", "Zürich") is not None, re.match(f"[{bmp_letters()}]", "_") is None
    (True, True)
    """
    # The class finds its own runs in one scan of the plane: no call per character (a quarter of the
    # time). The plane is decoded from its packed UTF-32 codes: three times faster than joining them.
    plane = struct.pack("<65536I", *range(0x10000)).decode("utf-32-le", "surrogatepass")
    runs = [(plane[match.start()], plane[match.end() - 1]) for match in re.finditer(f"{LETTER}+", plane)]
    return "".join(
        re.escape(first) if first == last else f"{re.escape(first)}-{re.escape(last)}" for first, last in runs
    )


def bmp_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile ``pattern`` with ``[^\\W\\d_]`` read from the BMP table, ``[\\W\\d_]`` from it negated (``in_bmp`` text).

    >>> bmp_pattern(r"[^\\W\\d_]+").findall("Café 42 au lait_x"), bmp_pattern(r"[\\W\\d_]+").findall("Café 42")
    (['Café', 'au', 'lait', 'x'], [' 42'])
    """
    if LETTER not in pattern and NON_LETTER not in pattern:
        raise ValueError(f"the pattern {pattern!r} has no letter class [^\\W\\d_] or [\\W\\d_] to replace")
    table = bmp_letters()
    return re.compile(pattern.replace(LETTER, f"[{table}]").replace(NON_LETTER, f"[^{table}]"), flags)


def in_bmp(text: str) -> bool:
    """Tell whether every character of ``text`` is in the BMP (U+FFFF or below), so a ``bmp_pattern`` reads it.

    Encoded as UTF-16 such a text takes two bytes a character: a character past U+FFFF takes
    four (one encoding in C, ten times faster than a search for such a character).

    >>> in_bmp("Zürich “quoted”"), in_bmp("party 🎉")
    (True, False)
    """
    return len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text)


class LetterPattern:
    r"""A pattern with letter classes, and its twin reading them from the BMP table (compiled on first use).

    >>> word = LetterPattern(r"[^\W\d_]+")
    >>> word.for_text("Café 42").findall("Café 42"), word.for_text("ok 🎉").pattern == word.plain.pattern
    (['Café'], True)
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.plain = re.compile(pattern, flags)

    @cached_property
    def table(self) -> re.Pattern[str]:
        """The twin reading each letter class from the BMP table."""
        return bmp_pattern(self.plain.pattern, self.plain.flags)

    def for_text(self, text: str) -> re.Pattern[str]:
        """Return the pattern to match ``text`` with: the table's where every character is in the BMP."""
        return self.table if in_bmp(text) else self.plain
