"""Tests for helpers.language: identification, the reader's note and the English-only warning."""

import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.article import parse_article
from helpers.language import (
    NotEnglishWarning,
    automaton_states,
    build_model,
    classify,
    english_share,
    identify_language,
    language_model,
    not_english_note,
    prose_sample,
    py3langid_identifier,
    read_model,
    warn_if_not_english,
    write_model,
)

FRENCH = (
    "Le conseil municipal a voté mardi soir la rénovation de la piscine\n"
    "Les travaux commenceront au printemps et dureront deux ans selon la mairie de la ville.\n"
    "Les habitants pourront donner leur avis lors d'une réunion publique dans la salle des fêtes."
)
GERMAN = (
    "Der Stadtrat hat am Dienstag die Sanierung des Schwimmbads beschlossen\n"
    "Die Arbeiten beginnen im Frühjahr und dauern nach Angaben der Stadt etwa zwei Jahre.\n"
)
ENGLISH = (
    "The council voted on Tuesday to rebuild the swimming pool\n"
    "Work will start in the spring and last for about two years, the town hall said in a statement.\n"
)


@pytest.mark.parametrize(("text", "code"), [(FRENCH, "fr"), (GERMAN, "de"), (ENGLISH, "en")])
def test_identify_language(text, code):
    assert identify_language(text) == code


def test_too_little_text_is_unknown():
    assert identify_language("Home") is None
    assert identify_language("") is None


def test_prose_lines_are_what_is_classified():
    assert prose_sample("Menu\nSport\n" + ENGLISH) == ENGLISH.strip()
    assert english_share(ENGLISH) > 1 / 3 > english_share(FRENCH)


def test_article_language_and_note():
    french = parse_article("Titre\n" + FRENCH)
    assert french.language == "fr"
    assert any("French (fr)" in note and "English-only" in note for note in french.notes)
    english = parse_article("Title\n" + ENGLISH)
    assert english.language == "en" and not any("language" in note for note in english.notes)
    assert not_english_note(None) is None


def test_warning_names_the_step_and_the_language():
    with pytest.warns(NotEnglishWarning, match=r"keyness: English-only, but this page looks German \(de\)"):
        assert warn_if_not_english("de", "keyness")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert not warn_if_not_english("en", "keyness") and not warn_if_not_english(None, "keyness")


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_a_code_or_none(text):
    code = identify_language(text)
    assert code is None or (isinstance(code, str) and 2 <= len(code) <= 3)


@given(
    st.lists(
        st.sampled_from(["Home", "word " * 3, "a long line of prose with nine words in it", "x" * 900, ""]),
        max_size=40,
    )
)
def test_the_prose_sample_stops_reading_once_full_but_is_the_same(lines):
    text = "\n".join(lines)
    prose = [line for line in text.split("\n") if len(line.split()) >= 8]
    assert prose_sample(text) == ("\n".join(prose) if prose else text)[:5_000]


def test_lower_casing_keeps_every_character_a_letter_or_not():
    # identify_language counts the words of the lower-cased sample when it is as long as the
    # sample: that is the same count only if no character changes class when lower-cased.
    import re
    import sys

    letter = re.compile(r"[^\W\d_]")
    changed = [
        hex(point)
        for point in range(sys.maxunicode + 1)
        if len(lowered := chr(point).lower()) == 1
        and (
            bool(letter.match(chr(point))) != bool(letter.match(lowered))
            or (chr(point) == "'") != (lowered == "'")
        )
    ]
    assert changed == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("İıKSſσΣaeiA'’ the.\n"), max_size=80))
def test_one_pass_over_the_words_decides_as_two_did(text):
    # The reference: the words of the sample as written counted, then those of its lower case.
    import helpers.language as language

    sample = language.prose_sample(text)
    if len(language._WORD.plain.findall(sample)) < language.MIN_WORDS:
        expected = None
    elif english_share(sample) >= language.ENGLISH_SHARE:
        expected = "en"
    else:
        code, confidence = language.py3langid_identifier().classify(sample)
        expected = code if confidence >= language.MIN_CONFIDENCE else None
    assert identify_language(text) == expected


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300))
def test_the_automaton_states_are_those_of_a_byte_by_byte_walk(data):
    model, state, walk = language_model(), 0, []
    for byte in data:
        state = int(model.transitions[model.row_starts[state] + byte])
        walk.append(state)
    assert automaton_states(model, data).tolist() == walk


@settings(max_examples=80, deadline=None)
@given(
    st.one_of(
        st.text(max_size=400),
        st.text(st.sampled_from("aeinorst lhdcumTHE.,'éüßжиЖ中文"), max_size=2000),
        st.sampled_from(["", "HELLO THERE", "\ud800 lone surrogate", FRENCH, GERMAN, ENGLISH]),
    )
)
def test_classify_gives_py3langids_own_figures(text):
    assert classify(text) == py3langid_identifier().classify(text)


def test_the_cached_model_is_py3langids_own(tmp_path):
    import numpy as np

    identifier = py3langid_identifier()
    assert write_model(build_model(), tmp_path / "model")
    cached = read_model(tmp_path / "model")
    assert np.array_equal(cached.transitions, np.asarray(identifier.tk_nextmove))
    assert np.array_equal(cached.row_starts, np.asarray(identifier.tk_row, dtype=np.int64) << 8)
    assert np.array_equal(cached.features, np.asarray(identifier.tk_output))
    assert np.array_equal(cached.weights, identifier.nb_ptc) and cached.weights.dtype == np.float32
    assert np.array_equal(cached.priors, identifier.nb_pc)
    assert cached.classes == list(identifier.nb_classes) and cached.aliases == build_model().aliases
    assert isinstance(cached.weights, np.ndarray) and not cached.weights.flags.writeable  # mapped, read-only


def test_a_broken_or_unwritable_cache_still_gives_the_model(tmp_path, monkeypatch):
    import helpers.language as language

    monkeypatch.setenv("HELPERS_CACHE_DIR", str(tmp_path / "cache"))
    folder = language.cache_folder() / language.model_cache_name()
    assert write_model(build_model(), folder)
    weights = folder / "weights.npy"
    weights.write_bytes(weights.read_bytes()[:1000])  # cut short, as by a full disk
    assert read_model(folder) is None
    language.language_model.cache_clear()
    try:
        assert language.language_model().classes == list(py3langid_identifier().nb_classes)
        assert read_model(folder) is not None  # written again
        monkeypatch.setenv("HELPERS_CACHE_DIR", str(weights))  # a file: no folder can be made in it
        language.language_model.cache_clear()
        assert language.classify(GERMAN)[0] == "de" and not write_model(build_model(), weights / "model")
    finally:
        language.language_model.cache_clear()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("aZé İıſσ_1'’ \n🎉𐌰𝐀"), max_size=60))
def test_words_through_the_letter_table_are_those_of_the_plain_pattern(text):
    import helpers.language as language

    assert language._words(text) == language._WORD.plain.findall(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("ab \t\u2003\x85"), max_size=30), max_size=6).map("\n".join))
def test_prose_sample_counts_words_as_a_full_split_does(text):
    import helpers.language as language

    lines = [line for line in text.split("\n") if len(line.split()) >= language.PROSE_WORDS]
    expected = ("\n".join(lines) if lines else text)[: language.SAMPLE_CHARS]
    assert language.prose_sample(text) == expected
