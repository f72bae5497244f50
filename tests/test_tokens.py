"""Word tokens: Treebank pieces, our four changes, and agreement with nltk's tokenizer."""

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from strategies import SIZE, SPACELESS, repetitive_texts, within_budget

from helpers.tokens import is_word, paragraph_starts, prepare, tokenize, tokenize_with_nltk


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # abbreviations and initialisms
        ("The U.S. and the U.N. agreed.", ["The", "U.S.", "and", "the", "U.N.", "agreed", "."]),
        ("He met officials of the U.S.", ["He", "met", "officials", "of", "the", "U.S.", "."]),
        ("Mr. Smith left at 5 p.m.", ["Mr.", "Smith", "left", "at", "5", "p.m.", "."]),
        # clitics, straight and curly
        ("Monday's meeting", ["Monday", "'s", "meeting"]),
        ("Monday’s meeting", ["Monday", "'s", "meeting"]),
        (
            "They don't know; we don’t either.",
            ["They", "do", "n't", "know", ";", "we", "do", "n't", "either", "."],
        ),
        ("It can't, and we won't.", ["It", "ca", "n't", ",", "and", "we", "wo", "n't", "."]),
        ("We’ll see what they're doing.", ["We", "'ll", "see", "what", "they", "'re", "doing", "."]),
        ("the ministers' first meeting", ["the", "ministers", "'", "first", "meeting"]),
        ("You cannot go.", ["You", "can", "not", "go", "."]),
        # hyphens and dashes
        ("an ex-Soviet, face-to-face meeting", ["an", "ex-Soviet", ",", "face-to-face", "meeting"]),
        ("peace—for now—held", ["peace", "—", "for", "now", "—", "held"]),
        ("peace -- for now", ["peace", "--", "for", "now"]),
        # numbers
        (
            "More than 6,700 people died in 2020.",
            ["More", "than", "6,700", "people", "died", "in", "2020", "."],
        ),
        (
            "It cost $3.88, up 50% at 10:30.",
            ["It", "cost", "$", "3.88", ",", "up", "50", "%", "at", "10:30", "."],
        ),
        # quotation marks
        ("“We are open,” he said.", ["“", "We", "are", "open", ",", "”", "he", "said", "."]),
        ('"We are open," he said.', ['"', "We", "are", "open", ",", '"', "he", "said", "."]),
        ("resolves the differences.“", ["resolves", "the", "differences", ".", "”"]),
        ("Wait… what?", ["Wait", "...", "what", "?"]),
        # web and e-mail addresses
        (
            "For more, visit https://apnews.com/hub/united-nations-general-assembly.",
            ["For", "more", ",", "visit", "https://apnews.com/hub/united-nations-general-assembly", "."],
        ),
        ("Write to tips@example.org (daily).", ["Write", "to", "tips@example.org", "(", "daily", ")", "."]),
    ],
)
def test_tokenize_cases(text, expected):
    assert tokenize(text) == expected


def test_line_breaks_end_sentences_and_tokens():
    assert tokenize("He left the U.S.\nThen he spoke.") == [
        "He",
        "left",
        "the",
        "U.S.",
        ".",
        "Then",
        "he",
        "spoke",
        ".",
    ]


def test_prepare_reads_curly_apostrophes_only_inside_words():
    assert prepare("Monday’s ‘quote’") == "Monday's ‘quote’"


@pytest.mark.parametrize("token", [".", ",", '"', "“", "--", "...", "'", "’", "(", "—"])
def test_punctuation_tokens_are_not_words(token):
    assert not is_word(token)


@pytest.mark.parametrize("token", ["U.S.", "'s", "n't", "6,700", "ex-Soviet", "Éire"])
def test_word_tokens_are_words(token):
    assert is_word(token)


def test_fast_tokenizer_equals_nltk_on_the_seed_page(seed_article):
    assert tokenize(seed_article.text) == tokenize_with_nltk(seed_article.text)


def test_fast_tokenizer_equals_nltk_on_hard_news_sentences():
    text = (
        "“It’s not over,” said Sen. Bob Jones, R-Ga., who didn't vote (he was away).\n"
        "The ministers' talks -- held at 9:30 a.m. -- ended; 1,200 troops, 3.5% of the force, left.\n"
        "'We can’t,' she said... \"Really?\" Yes! Gonna see www.example.com/page?id=3&x=4 and you'll see.\n"
        "Prices rose 2.5 percent in the U.K. and the E.U. They cannot agree [sic] on Nagorno-Karabakh's status."
    )
    assert tokenize(text) == tokenize_with_nltk(text)


def test_paragraph_starts_count_tokens_of_earlier_paragraphs():
    paragraphs = ["Blinken met them.", "It was the first meeting."]
    starts = paragraph_starts(paragraphs)
    assert starts == [0, len(tokenize(paragraphs[0]))]
    assert tokenize("\n".join(paragraphs))[starts[1]] == "It"


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_tokenize_never_raises_and_gives_clean_tokens(text):
    tokens = tokenize(text)
    assert all(token and not any(character.isspace() for character in token) for token in tokens)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab sn't’.,;:!?\"“”()-—$%1 2U.S.")), max_size=40))
def test_tokenize_keeps_every_letter_and_digit(text):
    assert sorted(c for c in "".join(tokenize(text)) if c.isalnum()) == sorted(
        c for c in prepare(text) if c.isalnum()
    )


# --- bounded work -------------------------------------------------------------------------


@settings(max_examples=20, deadline=None)
@given(st.one_of(repetitive_texts(SPACELESS), repetitive_texts()))
@example("a" * SIZE + "@ b")  # an "@" after a long run of name characters was quadratic
@example("http://x.org/" + ")" * SIZE + ".")  # so was trimming closing brackets off an address
def test_tokenize_is_linear_on_spaceless_and_repetitive_text(text):
    assert within_budget(tokenize, text)


@given(st.text(alphabet=st.sampled_from(list('ab1 .,:;-—“”‘’"()[]$%…\n')), max_size=60))
def test_plain_pieces_are_the_marked_reading_of_text_without_apostrophes(text):
    # _split_pieces takes findall's pieces as tokens where no apostrophe, backtick or doubled
    # comma or colon needs the slower reading; both must give the same tokens there.
    from helpers.tokens import _PLAIN_PIECE, _has_mark, _split_marked_pieces

    if not _has_mark(text):
        assert _PLAIN_PIECE.findall(text) == _split_marked_pieces(text)


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("aZ1²_ .,:;-—“”‘’'\"`()[]$%…@\n\t\u2003\x85\x1c\u3000")), max_size=60
    )
)
def test_pieces_split_chunk_by_chunk_are_those_of_the_whole_text(text):
    # _split_pieces splits each chunk between spaces on its own and takes a chunk of letters
    # and digits as one token: the patterns run over the whole text must give the same tokens.
    from helpers.tokens import _PLAIN_PIECE, _has_mark, _split_marked_pieces, _split_pieces

    whole = _split_marked_pieces(text) if _has_mark(text) else _PLAIN_PIECE.findall(text)
    assert _split_pieces(text) == whole


@given(st.text(alphabet=st.sampled_from(list("a ,:;'`’")), max_size=12))
def test_marks_are_what_the_marked_reading_needs(text):
    # an apostrophe, a backtick, or two commas or colons in a row: as the pattern said it
    from helpers.tokens import _has_mark

    assert _has_mark(text) == bool(re.search(r"['`]|[,:][,:]", text))


_CONTRACTION_ALPHABET = list("cannotdyegimlwr' -\u0130\u0131\u017f\u212aCANNOTDYEGIMLWR")


@given(
    st.one_of(
        st.text(alphabet=st.sampled_from(_CONTRACTION_ALPHABET), max_size=30),
        st.lists(
            st.sampled_from(
                [
                    "cannot",
                    "d'ye",
                    "gimme",
                    "gonna",
                    "gotta",
                    "lemme",
                    "more'n",
                    "wanna",
                    "g\u0131mme",
                    "G\u0130MME",
                    "CanNot",
                    "xgonna",
                    " ",
                    "'",
                    "a",
                ]
            ),
            max_size=6,
        ).map(" ".join),
    )
)
def test_has_contraction_is_the_search_for_a_contraction(text):
    from helpers.tokens import _ANY_CONTRACTION, has_contraction

    assert has_contraction(text) == bool(_ANY_CONTRACTION.search(text))


@given(st.text(max_size=8))
def test_is_word_is_a_letter_or_digit_anywhere(token):
    assert is_word(token) == any(character.isalnum() for character in token)


def test_letter_or_digit_class_is_isalnum_on_every_character():
    from helpers.tokens import _LETTER_OR_DIGIT

    assert all(
        (_LETTER_OR_DIGIT.match(chr(code)) is not None) == chr(code).isalnum() for code in range(0x110000)
    )
