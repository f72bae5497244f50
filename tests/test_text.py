"""Tests for helpers.text: Punkt with our abbreviations (nltk's spans exactly), offsets, line breaks."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nltk import redos
from strategies import SPACELESS, repetitive_texts, within_budget

from helpers.text import (
    PERIOD_CONTEXT_PATTERN,
    REALIGNMENT_PATTERN,
    WORD_PATTERN,
    load_abbreviations,
    sentence_tokenizer,
    split_sentences,
)


def texts(text: str) -> list[str]:
    return [sentence.text for sentence in split_sentences(text)]


def test_splits_after_an_ordinary_word_and_keeps_abbreviations_whole():
    text = "They met at the U.N. General Assembly. It was the first meeting. U.S. Secretary Blinken spoke."
    assert texts(text) == [
        "They met at the U.N. General Assembly.",
        "It was the first meeting.",
        "U.S. Secretary Blinken spoke.",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Mr. Smith and Dr. Jones met Gov. Brown in St. Louis on Sept. 3.",
        "Sen. Lee, R-Utah, flew to Washington, D.C. with Lt. Col. Diaz.",
        "Shares rose 3.5 percent to $1.2 billion at 10:30 a.m. Monday.",
    ],
)
def test_news_abbreviations_do_not_end_sentences(sentence):
    assert texts(sentence) == [sentence]


def test_line_breaks_always_end_a_sentence():
    assert texts("A headline without a period\nThe body starts here.") == [
        "A headline without a period",
        "The body starts here.",
    ]


def test_offsets_point_into_the_text(seed_article):
    for sentence in split_sentences(seed_article.text):
        assert seed_article.text[sentence.start : sentence.end] == sentence.text


def test_seed_sentence_from_the_issue(seed_article):
    found = texts(seed_article.text)
    assert (
        "It was the foreign ministers' first face-to-face meeting since two days of shelling last week"
        " by both sides killed more than 200 troops." in found
    )
    assert any(
        s.startswith("Blinken brought Armenian Foreign Minister") and s.endswith("U.N. General Assembly.")
        for s in found
    )


def test_abbreviation_list_is_lower_case_without_periods():
    abbreviations = load_abbreviations()
    assert {"u.s", "u.n", "mr", "gen", "sept"} <= abbreviations
    assert all(a == a.lower() and not a.endswith(".") for a in abbreviations)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_sentences_are_stripped_ordered_slices(text):
    previous_end = 0
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip() and sentence.text
        assert "\n" not in sentence.text
        assert sentence.start >= previous_end
        previous_end = sentence.end


# --- bounded work -------------------------------------------------------------------------


@settings(max_examples=20, deadline=None)
@given(st.one_of(repetitive_texts(SPACELESS), repetitive_texts()))
def test_split_sentences_is_linear_on_spaceless_and_repetitive_text(text):
    assert within_budget(split_sentences, text)


def test_a_long_line_is_not_cut_short_by_nltks_match_clock(monkeypatch):
    # nltk times each Punkt pattern (5 s by default) and its lazy search's clock runs on
    # while Punkt works between matches: a line of megabytes raised TimeoutError. Ours
    # runs Punkt's patterns without that clock.
    monkeypatch.setattr(redos, "DEFAULT_TIMEOUT", 0.001)
    line = "The council met on Monday. It voted for the plan. " * 4000
    assert len(split_sentences(line)) == 8000


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .?!\n\t“”)")), max_size=80))
def test_lines_without_a_sentence_end_skip_punkt_with_the_same_result(text):
    tokenizer = sentence_tokenizer()
    by_punkt = []
    for line in text.split("\n"):
        by_punkt += [line[start:end].strip() for start, end in tokenizer.span_tokenize(line)]
    assert texts(text) == [piece for piece in by_punkt if piece]


def test_a_text_split_again_gives_the_same_sentences_in_a_list_of_its_own() -> None:
    """A second split of a text (word counts after the timeline) reuses the first; callers may change their list."""
    text = "The talks ended. Officials left.\nA new line."
    first = split_sentences(text)
    first.clear()
    again = split_sentences(text)
    assert [s.text for s in again] == ["The talks ended.", "Officials left.", "A new line."]
    assert all(again[k].text == text[again[k].start : again[k].end] for k in range(3))


def nltk_punkt():
    """nltk's own Punkt with our abbreviations: the reference ``PunktSplitter`` must equal."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(load_abbreviations())
    return PunktSentenceTokenizer(params)


# Words on which Punkt's rules turn: abbreviations (plain, hyphenated, lower case), initials,
# numbers, ellipses, quotes and brackets to realign, a literal "##number##", other scripts.
PUNKT_PIECES = [
    "U.S.", "Mr.", "mr.", "ex-Gov.", "Sen.", "No.", "e.g.", "b.c.", "J.", "j.", "x.", "é.", "ß.", "3.",
    "-3.", "1990.", "3.5", "##number##.", "...", ". . .", "..", "a..", ".", "?", "!", "?!", "ok!", "Hi?",
    ",", ";", ":", "--", "“", "”", '"', "'", "’", "‘", "«", "»", "(", ")", "[", "]", "].", ".’", "{", "}",
    "The", "the", "it", "word.", "Word.", "É", "4", "a", "\t", "\u00a0", "\x0b",
]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(PUNKT_PIECES), st.sampled_from(["", " ", " ", "  ", "\n"])),
        min_size=1,
        max_size=14,
    )
)
def test_sentence_spans_are_nltks_punkt_spans(pieces):
    text = "".join(piece + gap for piece, gap in pieces)
    assert sentence_tokenizer().span_tokenize(text) == list(nltk_punkt().span_tokenize(text))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZ3. ?!”)(’-\t\n,")), max_size=60))
def test_sentence_spans_are_nltks_on_any_mix_of_letters_and_marks(text):
    assert sentence_tokenizer().span_tokenize(text) == list(nltk_punkt().span_tokenize(text))


def test_the_case_study_splits_as_nltks_punkt(seed_article):
    reference = nltk_punkt()
    for line in seed_article.text.split("\n"):
        assert sentence_tokenizer().span_tokenize(line) == list(reference.span_tokenize(line))


def test_punkts_patterns_are_nltks():
    from nltk.tokenize.punkt import PunktLanguageVars

    english = PunktLanguageVars()
    either_order = {WORD_PATTERN, WORD_PATTERN.replace(r"\?!", r"!\?")}
    assert english._word_tokenizer_re().pattern in either_order
    assert english.period_context_re().pattern in {
        PERIOD_CONTEXT_PATTERN,
        PERIOD_CONTEXT_PATTERN.replace(r"\?!])", r"!\?])"),
    }
    assert english.re_boundary_realignment.pattern == REALIGNMENT_PATTERN


@settings(max_examples=300, deadline=None)
@given(st.from_regex(r"[A-Za-z]{1,8}\. [A-Za-z]{1,8}", fullmatch=True))
def test_punkts_words_of_a_plain_context_are_the_two_sides_of_its_space(context):
    from helpers.text import _PLAIN_CONTEXT, _WORDS

    assert _PLAIN_CONTEXT.fullmatch(context)
    assert _WORDS.findall(context) == context.split(" ")


def _plain_ends_sentence(abbreviations, word, after):
    """``_ends_sentence`` as written before its short cuts: every word through Punkt's three patterns."""
    import regex

    from helpers.text import _INITIAL, _NUMBER, _NUMERIC, _PUNCTUATION, SENTENCE_END_CHARACTERS

    if word in SENTENCE_END_CHARACTERS:
        return True
    if not word.endswith(".") or word.endswith("..") or regex.match(r"\.\.+$", word):
        return False
    stem = word[:-1].lower()
    if stem in abbreviations or stem.split("-")[-1] in abbreviations:
        return False
    kind = _NUMERIC.sub(_NUMBER, word.lower())
    kind = kind[:-1] if len(kind) > 1 and kind[-1] == "." else kind
    initial = _INITIAL.match(word) is not None
    if initial or kind == _NUMBER:
        if after in _PUNCTUATION or after[0].islower():
            return False
        if initial and after[0].isupper():
            return False
    return True


@settings(max_examples=500, deadline=None)
@given(
    st.one_of(
        st.sampled_from(PUNKT_PIECES), st.text(alphabet=st.sampled_from(list("aZé3٣-.,\n")), min_size=1)
    ),
    st.one_of(st.sampled_from(PUNKT_PIECES), st.text(min_size=1, max_size=3)),
)
def test_ends_sentence_decides_as_punkts_three_patterns_did(word, after):
    from helpers.text import _ends_sentence

    abbreviations = load_abbreviations()
    assert _ends_sentence(abbreviations, word, after) == _plain_ends_sentence(abbreviations, word, after)
