"""Word frequencies: counts, comparisons, keywords, collocations, concordance, dispersion.

The functions that read a text take the tokens of ``helpers.tokens.tokenize``
(re-exported here); the statistics (``log_likelihood``, ``log_ratio``, ``p_value``,
``significance_band``) take counts and text sizes, or a G2 score.
Words are the tokens holding a letter or a digit (``is_word``): punctuation tokens
are never counted, and rates per 1,000 words are taken over all words, stopwords
included, so that they do not change with the stoplist. The stoplist is ours
(``data/stoplist.txt``, closed-class words only, see its header); pass
``stoplist=()`` to count every word or ``load_stoplist() | {"said"}`` to extend it.

Statistics: log-likelihood G2 (Rayson & Garside 2000; Dunning 1993), signed
``+`` when the word is relatively more frequent in the first text, with its
chi-squared p-value (one degree of freedom) and the usual bands (3.84, 6.63, 10.83,
15.13); Log Ratio (Hardie 2014) is the binary log of the ratio of relative
frequencies, a zero count being replaced by 0.5 as Hardie proposes.

pandas is imported inside the functions that build tables, and nltk inside those that
return its ``FreqDist``, so that importing this module (the command line, a corpus run's
``word_counts``) stays fast.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from helpers.resources import content_lines, data_lines
from helpers.tokens import is_word, paragraph_starts, tokenize

if TYPE_CHECKING:
    import pandas
    from nltk.collocations import BigramCollocationFinder
    from nltk.probability import FreqDist
    from nltk.stem.snowball import SnowballStemmer

__all__ = [
    "REFERENCE_SIZE",
    "STOPLIST",
    "capitalised_words",
    "collocations",
    "compare",
    "concordance",
    "count_words",
    "dispersion",
    "frequency_table",
    "is_word",
    "keyness",
    "load_stoplist",
    "main_names",
    "log_likelihood",
    "log_ratio",
    "p_value",
    "paragraph_starts",
    "significance_band",
    "tokenize",
    "word_counts",
]

# wordfreq gives relative frequencies without a corpus size; we read them as counts
# in a nominal reference of 100 million words (the size of the British National
# Corpus). Against a news article a thousand times smaller, G2 barely moves with
# this figure and Log Ratio does not move at all (except for words wordfreq lacks).
REFERENCE_SIZE = 100_000_000
# Critical values of chi-squared with one degree of freedom, highest first.
_BANDS = ((15.13, "p < 0.0001"), (10.83, "p < 0.001"), (6.63, "p < 0.01"), (3.84, "p < 0.05"))
NOT_SIGNIFICANT = "not significant"
_SENTENCE_ENDS = frozenset([".", "!", "?", '"', "“", "”", "'", "‘", "’", "(", "--", "—", ":", ";"])
ZERO_COUNT = 0.5


def load_stoplist(path: Path | str | None = None) -> frozenset[str]:
    """Return our stoplist, or the one in ``path`` (one word a line, ``#`` comments), lower-cased.

    >>> {"the", "n't", "'s", "’s"} <= load_stoplist() and "said" not in load_stoplist()
    True
    """
    lines = data_lines("stoplist.txt") if path is None else content_lines(Path(path).read_text("utf-8"))
    return frozenset(line.strip().lower() for line in lines)


STOPLIST = load_stoplist()


def count_words(
    tokens: Iterable[str], *, stoplist: Collection[str] = STOPLIST, lowercase: bool = True
) -> tuple[FreqDist, int]:
    """Return an nltk ``FreqDist`` of the words not in ``stoplist`` and the number of all words.

    >>> counts, total = count_words(["The", "talks", ",", "the", "Talks", "."])
    >>> dict(counts), total
    ({'talks': 2}, 4)
    """
    from nltk.probability import FreqDist

    counts, total = word_counts(tokens, stoplist=stoplist, lowercase=lowercase)
    return FreqDist(counts), total


def word_counts(
    tokens: Iterable[str], *, stoplist: Collection[str] = STOPLIST, lowercase: bool = True
) -> tuple[dict[str, int], int]:
    """Return the counts of the words not in ``stoplist``, in first-seen order, and the number of all words.

    >>> word_counts(["The", "talks", ",", "the", "Talks", "."])
    ({'talks': 2}, 4)
    """
    # Counted by a Counter, then handed over whole: FreqDist's own counting goes through its
    # ``__setitem__`` for every token, four times slower.
    words = [token for token in tokens if token.isalnum() or is_word(token)]  # most words are alphanumeric
    stop = STOPLIST if stoplist is STOPLIST else {word.lower() for word in stoplist}
    counted = Counter(map(str.lower, words) if lowercase else words)
    return {word: n for word, n in counted.items() if word.lower() not in stop}, len(words)  # all words


def frequency_table(
    tokens: Iterable[str],
    *,
    stoplist: Collection[str] = STOPLIST,
    lowercase: bool = True,
    stem: bool = False,
    top: int | None = None,
) -> pandas.DataFrame:
    """Return ``word``, ``count``, ``per_1000`` (of all words) and ``rank``, most frequent first.

    With ``stem=True`` words sharing a Snowball stem are counted together under their
    most frequent form, and ``forms`` lists the forms.

    >>> frequency_table(tokenize("Meetings met; the meeting ended."), stem=True).to_dict("records")[0]
    {'word': 'meeting', 'count': 2, 'per_1000': 400.0, 'rank': 1, 'forms': 'meeting, meetings'}
    """
    import pandas

    counts, total = count_words(tokens, stoplist=stoplist, lowercase=lowercase)
    rows = _group_stems(counts) if stem else list(counts.items())
    columns = ["word", "count", "forms"] if stem else ["word", "count"]
    table = pandas.DataFrame(rows, columns=columns)
    table = table.sort_values(["count", "word"], ascending=[False, True], ignore_index=True)
    table.insert(2, "per_1000", table["count"] * 1000 / total if total else 0.0)
    table.insert(3, "rank", table["count"].rank(method="min", ascending=False).astype(int))
    return table.head(top) if top is not None else table


def _group_stems(frequencies: dict[str, int]) -> list[tuple[str, int, str]]:
    """Group words by Snowball stem; name each group after its most frequent form."""
    stemmer = _stemmer()
    groups: dict[str, list[tuple[int, str]]] = {}
    for word, count in frequencies.items():
        groups.setdefault(stemmer.stem(word), []).append((count, word))
    rows = []
    for members in groups.values():
        members.sort(key=lambda member: (-member[0], member[1]))
        rows.append(
            (members[0][1], sum(count for count, _ in members), ", ".join(word for _, word in members))
        )
    return rows


@lru_cache(maxsize=1)
def _stemmer() -> SnowballStemmer:
    """Return nltk's English Snowball stemmer (no data files needed)."""
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("english")


def log_likelihood(count_a: float, size_a: float, count_b: float, size_b: float) -> float:
    """Return G2 for a word seen ``count_a`` times in ``size_a`` words and ``count_b`` in ``size_b``, signed.

    The UCREL worked example: 52 in 50,000 words against 57 in 75,000 words.

    >>> round(log_likelihood(52, 50_000, 57, 75_000), 2), round(log_likelihood(57, 75_000, 52, 50_000), 2)
    (2.65, -2.65)
    """
    expected_a = size_a * (count_a + count_b) / (size_a + size_b)
    expected_b = size_b * (count_a + count_b) / (size_a + size_b)
    g2 = 2 * (_observed_log(count_a, expected_a) + _observed_log(count_b, expected_b))
    return g2 if count_a * size_b >= count_b * size_a else -g2


def _observed_log(observed: float, expected: float) -> float:
    """Return ``O * ln(O / E)``, taken as 0 when ``O`` is 0."""
    return observed * math.log(observed / expected) if observed > 0 else 0.0


def log_ratio(count_a: float, size_a: float, count_b: float, size_b: float) -> float:
    """Return Hardie's Log Ratio: log2 of the ratio of relative frequencies (a zero count counts 0.5).

    >>> log_ratio(20, 1000, 10, 1000), log_ratio(5, 1000, 0, 2000)
    (1.0, 4.321928094887363)
    """
    return math.log2(((count_a or ZERO_COUNT) / size_a) / ((count_b or ZERO_COUNT) / size_b))


def p_value(g2: float) -> float:
    """Return the chi-squared (one degree of freedom) p-value of a G2 score, sign ignored.

    >>> round(p_value(3.84), 3)
    0.05
    """
    return math.erfc(math.sqrt(abs(g2) / 2))


def significance_band(g2: float) -> str:
    """Return the p-value band of a G2 score ("p < 0.05" ... "p < 0.0001" or "not significant").

    >>> significance_band(2.65), significance_band(-7.0), significance_band(16)
    ('not significant', 'p < 0.01', 'p < 0.0001')
    """
    return next((band for critical, band in _BANDS if abs(g2) >= critical), NOT_SIGNIFICANT)


def compare(
    a_tokens: Iterable[str],
    b_tokens: Iterable[str],
    *,
    names: tuple[str, str] = ("a", "b"),
    stoplist: Collection[str] = STOPLIST,
    lowercase: bool = True,
) -> pandas.DataFrame:
    """Return per-1,000 rates of every word in two texts with G2 (``+`` = more in ``a``) and Log Ratio.

    >>> compare(["rain", "rain", "wind"], ["wind", "snow"], names=("body", "appeal")).columns.tolist()[:5]
    ['word', 'body_count', 'appeal_count', 'body_per_1000', 'appeal_per_1000']
    """
    import pandas

    counts_a, size_a = count_words(a_tokens, stoplist=stoplist, lowercase=lowercase)
    counts_b, size_b = count_words(b_tokens, stoplist=stoplist, lowercase=lowercase)
    rows = [
        (word, counts_a.get(word, 0), counts_b.get(word, 0))
        for word in sorted(counts_a.keys() | counts_b.keys())
    ]
    first, second = names
    table = pandas.DataFrame(rows, columns=["word", f"{first}_count", f"{second}_count"])
    table[f"{first}_per_1000"] = table[f"{first}_count"] * 1000 / max(size_a, 1)
    table[f"{second}_per_1000"] = table[f"{second}_count"] * 1000 / max(size_b, 1)
    _add_statistics(table, table[f"{first}_count"], max(size_a, 1), table[f"{second}_count"], max(size_b, 1))
    return table.sort_values(["g2", "word"], ascending=[False, True], ignore_index=True)


def _add_statistics(
    table: pandas.DataFrame,
    counts_a: Sequence[float],
    size_a: float,
    counts_b: Sequence[float],
    size_b: float,
) -> None:
    """Add the ``g2``, ``log_ratio``, ``p`` and ``band`` columns to ``table`` in place."""
    pairs = list(zip(counts_a, counts_b))
    table["g2"] = [log_likelihood(a, size_a, b, size_b) for a, b in pairs]
    table["log_ratio"] = [log_ratio(a, size_a, b, size_b) for a, b in pairs]
    table["p"] = table["g2"].map(p_value)
    table["band"] = table["g2"].map(significance_band)


def keyness(
    tokens: Iterable[str],
    reference: str = "en",
    *,
    reference_size: int = REFERENCE_SIZE,
    stoplist: Collection[str] = STOPLIST,
    min_count: int = 2,
    max_p: float = 0.05,
    negative: bool = False,
) -> pandas.DataFrame:
    """Return the keywords of ``tokens`` against general language from ``wordfreq``, by Log Ratio.

    ``reference`` is a wordfreq language code; its frequencies are read as counts in
    ``reference_size`` words. Kept: words seen ``min_count`` times or more whose G2
    has a p-value below ``max_p``, more frequent than in the reference (also less
    frequent ones with ``negative=True``).

    >>> keyness(tokenize("Strike talks. Strike talks. The talks."))["word"].tolist()
    ['talks', 'strike']
    """
    import pandas
    from wordfreq import word_frequency

    counts, size = count_words(tokens, stoplist=stoplist)
    words = sorted(word for word, count in counts.items() if count >= min_count)
    table = pandas.DataFrame({"word": words, "count": [counts[word] for word in words]})
    table["per_1000"] = table["count"] * 1000 / max(size, 1)
    reference_counts = [word_frequency(word, reference) * reference_size for word in words]
    table["reference_per_1000"] = [count * 1000 / reference_size for count in reference_counts]
    _add_statistics(table, table["count"], max(size, 1), reference_counts, reference_size)
    kept = (table["p"] < max_p) & ((table["g2"] > 0) | negative)
    table = table[kept].sort_values(
        ["log_ratio", "g2", "word"], ascending=[False, False, True], ignore_index=True
    )
    return table


def collocations(
    tokens: Iterable[str], *, min_count: int = 2, stoplist: Collection[str] = STOPLIST, top: int | None = 20
) -> pandas.DataFrame:
    """Return adjacent word pairs seen ``min_count`` times or more, by likelihood ratio, with PMI.

    Pairs across punctuation (a sentence end, a comma) and pairs with a stopword are left out,
    and so is a word paired with itself when it fills so much of the text that nltk's
    table of counts would hold a negative cell ("ha ha ha ha": the statistic is undefined).

    >>> collocations(tokenize("Interest rates rose. Interest rates fell."))["bigram"].tolist()
    ['interest rates']
    """
    import pandas
    from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder

    stop = {word.lower() for word in stoplist}
    finder = BigramCollocationFinder.from_words(token.lower() for token in tokens)
    finder.apply_freq_filter(min_count)
    finder.apply_word_filter(lambda word: word in stop or not is_word(word))
    finder.apply_ngram_filter(lambda first, second: _negative_cell(finder, first, second))
    measures = BigramAssocMeasures()
    pmi = dict(finder.score_ngrams(measures.pmi))
    rows = [
        (f"{first} {second}", first, second, finder.ngram_fd[(first, second)], score, pmi[(first, second)])
        for (first, second), score in finder.score_ngrams(measures.likelihood_ratio)
    ]
    table = pandas.DataFrame(rows, columns=["bigram", "first", "second", "count", "likelihood_ratio", "pmi"])
    table = table.sort_values(["likelihood_ratio", "bigram"], ascending=[False, True], ignore_index=True)
    return table.head(top) if top is not None else table


def _negative_cell(finder: BigramCollocationFinder, first: str, second: str) -> bool:
    """Tell whether nltk's 2x2 table for a pair, built from the word counts, has a negative cell."""
    return finder.N - finder.word_fd[first] - finder.word_fd[second] + finder.ngram_fd[(first, second)] < 0


def concordance(tokens: Sequence[str], word: str, width: int = 8) -> pandas.DataFrame:
    """Return a keyword-in-context line for every occurrence of ``word`` (any case), ``width`` tokens each side.

    >>> concordance(tokenize("Before the meeting, they met. The meeting ended."), "Meeting", 2).values.tolist()
    [[2, 'Before the', 'meeting', ', they'], [8, '. The', 'meeting', 'ended.']]
    """
    import pandas
    from nltk.tokenize.treebank import TreebankWordDetokenizer

    join = TreebankWordDetokenizer().detokenize
    target = word.lower()
    rows = [
        (
            index,
            join(list(tokens[max(index - width, 0) : index])),
            tokens[index],
            join(list(tokens[index + 1 : index + 1 + width])),
        )
        for index, token in enumerate(tokens)
        if token.lower() == target
    ]
    return pandas.DataFrame(rows, columns=["position", "left", "keyword", "right"])


def capitalised_words(tokens: Sequence[str]) -> dict[str, str]:
    """Map each word always capitalised, sentence starts aside, to its usual form (names, places).

    >>> capitalised_words(tokenize("The talks in Lagos ended. Lagos said the Talks ended. Talks resume."))
    {'lagos': 'Lagos'}
    """
    from nltk.probability import FreqDist

    forms: dict[str, FreqDist] = {}
    for index, token in enumerate(tokens):
        starts_sentence = index == 0 or tokens[index - 1] in _SENTENCE_ENDS
        if is_word(token) and not (starts_sentence and token[:1].isupper()):
            forms.setdefault(token.lower(), FreqDist())[token] += 1
    return {
        word: counts.max()
        for word, counts in forms.items()
        if all(form[:1].isupper() for form in counts) and any(c.isalpha() for c in word)
    }


def main_names(tokens: Sequence[str], top: int = 7, keywords: pandas.DataFrame | None = None) -> list[str]:
    """Return the text's ``top`` most frequent names: keywords always capitalised, as usually written.

    Ties in count go to the higher Log Ratio; ``keywords`` (``keyness(tokens)``) is
    computed when not given.

    >>> main_names(tokenize("Lagos and Abuja met. In Lagos, Abuja said talks in Lagos went well."))
    ['Lagos', 'Abuja']
    """
    names = capitalised_words(tokens)
    keywords = keyness(tokens) if keywords is None else keywords
    named = keywords[keywords["word"].isin(names)]
    named = named.sort_values(["count", "log_ratio"], ascending=False, kind="stable")
    return [names[word] for word in named["word"].head(top)]


def dispersion(tokens: Sequence[str], words: Iterable[str]) -> pandas.DataFrame:
    """Return the token positions of each of ``words`` (any case), and their place from 0 to 1.

    >>> dispersion(tokenize("Talks began; the talks ended."), ["talks"])
        word  position  relative
    0  talks         0  0.000000
    1  talks         4  0.571429
    """
    import pandas

    wanted = list(words)  # read twice below, so a generator is materialised first
    positions: dict[str, list[int]] = {word.lower(): [] for word in wanted}
    for index, token in enumerate(tokens):
        if token.lower() in positions:
            positions[token.lower()].append(index)
    names = {word.lower(): word for word in wanted}
    rows = [(names[key], index, index / len(tokens)) for key, found in positions.items() for index in found]
    return pandas.DataFrame(rows, columns=["word", "position", "relative"])
