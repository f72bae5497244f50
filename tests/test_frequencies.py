"""Word frequencies: stoplist, tables, G2 and Log Ratio, keyness, collocations, KWIC, dispersion."""

import math
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import SPACELESS, repetitive_texts, within_budget

from helpers.frequencies import (
    STOPLIST,
    capitalised_words,
    collocations,
    compare,
    concordance,
    count_words,
    dispersion,
    frequency_table,
    is_word,
    keyness,
    load_stoplist,
    log_likelihood,
    log_ratio,
    main_names,
    p_value,
    significance_band,
)
from helpers.tokens import tokenize

# Content words that borrowed stoplists are known to drop (Nothman et al. 2018):
# scikit-learn's Glasgow-derived list, and lists that drop reporting verbs and nouns.
CONTENT_WORDS = [
    "said", "says", "say", "state", "year", "years", "computer", "system", "fire", "bill",
    "call", "interest", "describe", "detail", "find", "found", "show", "side", "top",
    "bottom", "front", "back", "full", "empty", "amount", "thick", "thin", "cry", "mill",
    "move", "name", "part", "put", "see", "seem", "serious", "take", "give", "get", "go",
    "keep", "made", "make", "first", "last", "new", "time", "people", "one", "two", "three",
    "hundred", "also", "very", "well", "like", "done", "de", "con", "inc", "co", "ltd",
    "meeting", "war", "peace", "government", "president", "minister", "country", "world",
]  # fmt: skip


@pytest.fixture(scope="module")
def body_tokens(seed_article):
    """The seed's body as the gold labels give it: line 7 after the glued appeal, through line 17."""
    paragraphs = [
        paragraph.text
        for paragraph in seed_article.paragraphs
        if 7 <= paragraph.line <= 17 and not paragraph.text.startswith("Your support")
    ]
    return tokenize("\n".join(paragraphs))


@pytest.fixture(scope="module")
def appeal_tokens(seed_article):
    """The seed's donation appeal and footer: lines 3-6, the glued line-7 prefix, lines 18-19."""
    paragraphs = [
        paragraph.text
        for paragraph in seed_article.paragraphs
        if 3 <= paragraph.line <= 6 or paragraph.line >= 18 or paragraph.text.startswith("Your support makes")
    ]
    return tokenize("\n".join(paragraphs))


# --- stoplist ---------------------------------------------------------------------


@pytest.mark.parametrize("word", CONTENT_WORDS)
def test_stoplist_holds_no_content_words(word):
    assert word not in STOPLIST


def test_stoplist_holds_the_closed_classes():
    assert {
        "the",
        "a",
        "this",
        "he",
        "them",
        "is",
        "was",
        "would",
        "of",
        "between",
        "and",
        "because",
        "not",
    } <= STOPLIST


@pytest.mark.parametrize(
    "text",
    [
        "it's",
        "it’s",
        "don't",
        "don’t",
        "we'll",
        "they’re",
        "I'm",
        "can't",
        "won’t",
        "you'd",
        "we've",
        "she’d",
    ],
)
def test_stoplist_covers_the_tokenizer_pieces_of_contractions(text):
    assert [token for token in tokenize(text) if token.lower() not in STOPLIST] == []


def test_stoplist_entries_are_single_tokens_of_our_tokenizer():
    plain = [word for word in STOPLIST if "'" not in word and "’" not in word]
    assert [word for word in plain if tokenize(word) != [word]] == []


def test_stoplist_has_both_apostrophe_styles():
    straight = {word for word in STOPLIST if "'" in word}
    assert straight and {word.replace("'", "’") for word in straight} <= STOPLIST


def test_stoplist_header_documents_source_and_pitfalls():
    header = resources.files("helpers").joinpath("data/stoplist.txt").read_text("utf-8")[:2500]
    assert "Nothman" in header and "this project" in header and "tokenizer" in header


def test_users_can_load_their_own_stoplist_and_extend_ours(tmp_path):
    path = tmp_path / "mine.txt"
    path.write_text("# my list\nSaid\n\nthe\n", encoding="utf-8")
    assert load_stoplist(path) == {"said", "the"}
    table = frequency_table(tokenize("He said the talks ended."), stoplist=STOPLIST | {"said"})
    assert "said" not in set(table["word"]) and "talks" in set(table["word"])


# --- frequency tables ---------------------------------------------------------------


def test_punctuation_is_never_counted():
    counts, total = count_words(tokenize("“Talks,” he said — talks!"), stoplist=())
    assert dict(counts) == {"talks": 2, "he": 1, "said": 1} and total == 4


def test_frequency_table_rates_are_per_1000_of_all_words():
    table = frequency_table(tokenize("The talks ended and the talks resumed."))
    row = table.set_index("word").loc["talks"]
    assert row["count"] == 2 and row["per_1000"] == pytest.approx(2 * 1000 / 7)
    assert "the" not in set(table["word"])


def test_frequency_table_ranks_ties_together():
    table = frequency_table(tokenize("war war peace peace talks"))
    assert table["rank"].tolist() == [1, 1, 3] and table["word"].tolist() == ["peace", "war", "talks"]


def test_frequency_table_without_stoplist_or_lowercasing():
    table = frequency_table(tokenize("The talks. the Talks."), stoplist=(), lowercase=False)
    assert set(table["word"]) == {"The", "the", "talks", "Talks"}


def test_stemmed_table_groups_forms_under_the_most_frequent():
    table = frequency_table(tokenize("meetings meeting meetings countries country"), stem=True)
    assert table.iloc[0].to_dict() | {"per_1000": 0} == {
        "word": "meetings", "count": 3, "per_1000": 0, "rank": 1, "forms": "meetings, meeting"
    }  # fmt: skip
    assert table.iloc[1]["forms"] == "countries, country"


def test_seed_body_top_words(body_tokens):
    table = frequency_table(body_tokens)
    assert table.iloc[0][["word", "count"]].tolist() == ["said", 5]
    second = set(table.loc[table["rank"] == 2, "word"])
    assert second == {"armenian", "azerbaijan", "blinken", "foreign", "meeting", "u.s."}
    assert frequency_table(body_tokens, stem=True).iloc[0]["word"] in {"meeting", "said"}


# --- G2 and Log Ratio -----------------------------------------------------------------


def test_log_likelihood_ucrel_worked_example():
    # UCREL log-likelihood wizard: 52 in 50,000 words vs 57 in 75,000 words -> + 2.65
    assert log_likelihood(52, 50_000, 57, 75_000) == pytest.approx(2.65, abs=0.005)
    assert log_likelihood(57, 75_000, 52, 50_000) == pytest.approx(-2.65, abs=0.005)
    assert significance_band(2.65) == "not significant"


def test_log_likelihood_is_zero_for_equal_rates_and_handles_zero_counts():
    assert log_likelihood(10, 1000, 20, 2000) == pytest.approx(0)
    # a word absent from b: G2 = 2 * a * ln(a / E_a), E_a = a * size_a / (size_a + size_b)
    assert log_likelihood(10, 1000, 0, 1000) == pytest.approx(2 * 10 * math.log(2))


def test_log_ratio_follows_hardie():
    # Hardie (2014): +1 = twice as frequent, +2 = four times, 0 = equal, sign gives direction.
    assert log_ratio(40, 1_000_000, 20, 1_000_000) == pytest.approx(1)
    assert log_ratio(10, 50_000, 5, 100_000) == pytest.approx(2)
    assert log_ratio(52, 50_000, 57, 75_000) == pytest.approx(math.log2((52 / 50_000) / (57 / 75_000)))
    # a zero count is replaced by 0.5
    assert log_ratio(4, 1000, 0, 1000) == pytest.approx(3)
    assert log_ratio(0, 1000, 4, 1000) == pytest.approx(-3)


def test_p_values_and_bands_match_the_chi_squared_table():
    assert p_value(3.84) == pytest.approx(0.05, abs=0.001)
    assert p_value(6.63) == pytest.approx(0.01, abs=0.0005)
    assert p_value(10.83) == pytest.approx(0.001, abs=0.0001)
    assert [significance_band(g) for g in (3.83, 3.84, 6.63, 10.83, 15.13)] == [
        "not significant", "p < 0.05", "p < 0.01", "p < 0.001", "p < 0.0001"
    ]  # fmt: skip


def test_compare_body_with_appeal(body_tokens, appeal_tokens):
    table = compare(body_tokens, appeal_tokens, names=("body", "appeal")).set_index("word")
    assert table.loc["said", "g2"] > 0 and table.loc["said", "appeal_count"] == 0
    assert table.loc["support", "g2"] < 0 and table.loc["support", "log_ratio"] < 0
    assert table.loc["said", "body_per_1000"] == pytest.approx(5 * 1000 / count_words(body_tokens)[1])
    assert list(table["g2"]) == sorted(table["g2"], reverse=True)


# --- keyness ----------------------------------------------------------------------------


def test_keyness_finds_names_places_and_conflict_words(body_tokens):
    table = keyness(body_tokens)
    top = set(table["word"].head(12))
    assert {"blinken", "armenia", "azerbaijan", "shelling"} <= top
    assert (table["count"] >= 2).all() and (table["p"] < 0.05).all() and (table["g2"] > 0).all()
    assert list(table["log_ratio"]) == sorted(table["log_ratio"], reverse=True)
    assert not set(table["word"]) & STOPLIST


def test_keyness_options_change_the_selection(body_tokens):
    loose = keyness(body_tokens, min_count=1)
    assert len(loose) > len(keyness(body_tokens))
    assert (keyness(body_tokens, stoplist=(), negative=True)["g2"] < 0).any()


# --- collocations, concordance, dispersion ------------------------------------------------


def test_collocations_of_the_seed_body(body_tokens):
    table = collocations(body_tokens)
    assert {"foreign minister", "foreign ministers", "last week"} <= set(table["bigram"])
    assert (table["count"] >= 2).all()
    assert list(table["likelihood_ratio"]) == sorted(table["likelihood_ratio"], reverse=True)


def test_collocations_never_cross_punctuation():
    table = collocations(tokenize("They met in war. War ended. They met in war. War ended."), stoplist=())
    assert "war war" not in set(table["bigram"]) and "war ended" in set(table["bigram"])


def test_a_word_filling_the_text_is_no_collocation_of_itself():
    # nltk's counts give "ha ha" a negative cell here, and its score raised ValueError
    assert collocations(tokenize("ha ha ha ha"), min_count=1).empty
    table = collocations(tokenize("Ha ha ha, ha! The crowd laughed."), min_count=1)
    assert "ha ha" in set(table["bigram"])


def test_concordance_of_meeting(body_tokens):
    table = concordance(body_tokens, "meeting", width=5)
    assert len(table) == 4 and set(table["keyword"]) == {"meeting"}
    assert table.iloc[0]["left"].endswith("first face-to-face")
    assert all(body_tokens[position] == "meeting" for position in table["position"])


def test_dispersion_positions_point_at_the_words(body_tokens):
    table = dispersion(body_tokens, ["Blinken", "Azerbaijan"])
    assert table.groupby("word").size().to_dict() == {"Azerbaijan": 4, "Blinken": 4}
    assert all(
        body_tokens[position].lower() == word.lower()
        for word, position in zip(table["word"], table["position"])
    )
    assert table["relative"].between(0, 1).all()


def test_dispersion_takes_a_generator_of_words(body_tokens):
    table = dispersion(body_tokens, (word for word in ["Blinken", "Azerbaijan"]))
    assert table.equals(dispersion(body_tokens, ["Blinken", "Azerbaijan"]))
    assert table.groupby("word").size().to_dict() == {"Azerbaijan": 4, "Blinken": 4}


# --- robustness ---------------------------------------------------------------------------


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=300), st.text(max_size=300))
def test_tables_keep_their_invariants_on_any_text(first, second):
    a, b = tokenize(first), tokenize(second)
    words_a = [token for token in a if is_word(token)]
    words_b = [token for token in b if is_word(token)]

    table = frequency_table(a, stem=True)
    assert list(table.columns) == ["word", "count", "per_1000", "rank", "forms"]
    assert table["count"].sum() <= len(words_a)
    assert table["per_1000"].between(0, 1000).all()
    assert (table["rank"] >= 1).all() and table["rank"].is_monotonic_increasing
    assert table["count"].is_monotonic_decreasing
    assert frequency_table(a, stoplist=())["count"].sum() == len(words_a)

    table = compare(a, b)
    assert list(table.columns) == [
        "word", "a_count", "b_count", "a_per_1000", "b_per_1000", "g2", "log_ratio", "p", "band",
    ]  # fmt: skip
    assert table["a_count"].sum() <= len(words_a) and table["b_count"].sum() <= len(words_b)
    assert table[["a_per_1000", "b_per_1000"]].stack().between(0, 1000).all()
    assert table["p"].between(0, 1).all() and table["g2"].is_monotonic_decreasing

    table = keyness(a, min_count=1)
    assert list(table.columns) == [
        "word",
        "count",
        "per_1000",
        "reference_per_1000",
        "g2",
        "log_ratio",
        "p",
        "band",
    ]
    assert (table["p"] < 0.05).all() and (table["g2"] > 0).all() and (table["count"] >= 1).all()

    table = collocations(a, min_count=1)
    assert list(table.columns) == ["bigram", "first", "second", "count", "likelihood_ratio", "pmi"]
    assert (table["bigram"] == table["first"] + " " + table["second"]).all()
    assert all(is_word(word) for word in [*table["first"], *table["second"]])

    table = concordance(a, "the")
    assert list(table.columns) == ["position", "left", "keyword", "right"]
    assert len(table) == sum(token.lower() == "the" for token in a)
    assert all(a[position] == keyword for position, keyword in zip(table["position"], table["keyword"]))

    wanted = [*words_a[:3], "the"]
    table = dispersion(a, (word for word in wanted))
    assert list(table.columns) == ["word", "position", "relative"]
    assert table["position"].between(0, len(a) - 1).all() and table["relative"].between(0, 1).all()
    assert all(
        a[position].lower() == word.lower() for word, position in zip(table["word"], table["position"])
    )
    assert len(table) == sum(token.lower() in {word.lower() for word in wanted} for token in a)


def test_capitalised_words_are_the_seed_names_and_places(body_tokens):
    names = capitalised_words(body_tokens)
    assert {
        "blinken": "Blinken",
        "armenia": "Armenia",
        "u.s.": "U.S.",
        "nagorno-karabakh": "Nagorno-Karabakh",
    }.items() <= names.items()
    assert not {"the", "meeting", "foreign", "said"} & names.keys()


def test_main_names_are_capitalised_keywords_most_frequent_first(body_tokens):
    names = main_names(body_tokens, top=5)
    keywords = keyness(body_tokens).set_index("word")
    capitalised = capitalised_words(body_tokens)
    assert len(names) == 5 and len(set(names)) == 5
    assert all(capitalised[name.lower()] == name and name.lower() in keywords.index for name in names)
    counts = [keywords.loc[name.lower(), "count"] for name in names]
    assert counts == sorted(counts, reverse=True)
    others = set(keywords.index) & set(capitalised) - {name.lower() for name in names}
    assert all(keywords.loc[word, "count"] <= counts[-1] for word in others)  # no more frequent name left out
    assert {"Blinken", "Armenia", "Azerbaijan"} <= set(main_names(body_tokens))
    assert main_names(body_tokens, keywords=keyness(body_tokens)) == main_names(body_tokens)


def test_main_names_of_a_text_without_names_is_empty():
    assert main_names(tokenize("the talks went on and on. the talks ended. talks resumed.")) == []


@settings(max_examples=15, deadline=None)
@given(st.one_of(repetitive_texts(SPACELESS), repetitive_texts(), repetitive_texts("Talks ended. Rain ")))
def test_tables_are_linear_on_spaceless_and_repetitive_text(text):
    def tables(text: str) -> None:
        tokens = tokenize(text)
        frequency_table(tokens, stem=True)
        collocations(tokens, min_count=1)
        capitalised_words(tokens)
        dispersion(tokens, ["talks", "rain"])

    assert within_budget(tables, text)


@given(
    st.lists(st.sampled_from(["The", "the", "Storm", "storm", ",", "coast", "COAST", "'s", "3"]), max_size=40)
)
def test_counts_keep_nltks_counts_and_first_seen_order(tokens):
    from nltk.probability import FreqDist

    expected = FreqDist(token.lower() for token in tokens if token[0].isalnum() or token == "'s")
    counts, total = count_words(tokens)
    assert total == expected.N()
    assert list(counts.items()) == [(word, n) for word, n in expected.items() if word not in STOPLIST]
