"""The BMP letter table (helpers.letters) against the letter class it stands for."""

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.letters import bmp_letters, bmp_pattern, in_bmp

# Letters inside and outside ASCII, digits of other scripts, an underscore, marks, emoji and
# letters past U+FFFF (Gothic, mathematical bold), so the property tests meet every case.
ALPHABET = st.one_of(
    st.sampled_from("aZé ıİſKσΣ_1٣²½Ⅻ\u0301\u200b'’-.\n\t🎉𐌰𝐀"),
    st.characters(max_codepoint=0xFFFF),
    st.characters(),
)


def test_the_table_holds_exactly_the_letters_of_the_bmp():
    plain, table = re.compile(r"[^\W\d_]"), re.compile(f"[{bmp_letters()}]")
    differ = [hex(c) for c in range(0x10000) if bool(plain.match(chr(c))) != bool(table.match(chr(c)))]
    assert differ == []


def test_no_character_past_the_bmp_is_in_the_table():
    table = re.compile(f"[{bmp_letters()}]")
    assert table.match("𐌰") is None and re.match(r"[^\W\d_]", "𐌰")  # a Gothic letter


def test_a_pattern_without_the_letter_class_is_refused():
    with pytest.raises(ValueError, match="no letter class"):
        bmp_pattern(r"\w+")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60))
def test_in_bmp_says_whether_every_character_is_at_most_ffff(text):
    assert in_bmp(text) == all(ord(character) <= 0xFFFF for character in text)


@pytest.mark.parametrize(
    "pattern",
    [
        r"[^\W\d_]+",
        r"[^\W\d_]+(?:'[^\W\d_]+)?",
        r"[^\W\d_]{3,}",
        r"\b[^\W\d_]+|\d+(?:'?s\b)?",
        r"[\W\d_](?:(ab)(?![^\W\d_])|([^\W\d_]+))",  # the negated class: triggers of helpers.timex
    ],
)
@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=ALPHABET, max_size=80))
def test_the_fast_twin_matches_as_the_plain_pattern_on_bmp_text(pattern, text):
    if in_bmp(text):
        plain, fast = re.compile(pattern), bmp_pattern(pattern)
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_every_lower_case_of_a_bmp_character_stays_in_the_bmp():
    # find_headline and identify_language test the text before lower-casing it.
    assert [hex(c) for c in range(0x10000) if not in_bmp(chr(c).lower())] == []
    assert sys.maxunicode > 0xFFFF
