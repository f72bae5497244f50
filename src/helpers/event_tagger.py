"""Recognise event words (TimeML EVENTs: verbs, event nouns, states) with a small linear model.

No part-of-speech tagger can be downloaded here, so the model reads each word from
the word itself (lower case, a light stem, suffixes, shape), its neighbours and the
word classes of ``data/event_cues.txt`` (closed classes, calendar words, a table of
event nouns by topic). Its weights (``data/event_tagger.tsv``) were trained with an
averaged perceptron (nltk's two-class rule, on one weight vector) on the gold EVENT
annotations of TimeBank and AQUAINT (``benchmarks/train_events.py`` retrains and
reproduces the file exactly). A word is an event when the sum of its features' weights
is positive. The weights are read on first use.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from itertools import repeat

from helpers.events import Token, load_cues, locate_words
from helpers.resources import data_weights

MODEL_FILE = "event_tagger.tsv"
_INFLECTIONS = (
    ("sses", "ss"), ("ies", "y"), ("ied", "y"), ("ss", "ss"), ("us", "us"), ("is", "is"),
    ("ings", ""), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""),
)  # fmt: skip
_DOUBLED = frozenset("bdfgklmnprtz")
_POSSESSIVES = ("'s", "’s")
_NOT_A_WORD = -1000.0  # the score of punctuation: never an event, never a candidate
_CLASSES = ("auxiliaries", "determiners", "prepositions", "boundaries", "verbs", "titles", "times")


@lru_cache(maxsize=65536)  # read for every word of a sentence: most words come back
def shape(word: str) -> str:
    """Return the word's shape: runs of upper (X), lower (x), digit (d) and other characters.

    >>> shape("U.S."), shape("McCain"), shape("1990s")
    ('X.X.', 'XxXx', 'dx')
    """
    classes = ("X" if c.isupper() else "x" if c.islower() else "d" if c.isdigit() else c for c in word)
    out: list[str] = []
    for mark in classes:
        if not out or out[-1] != mark:
            out.append(mark)
    return "".join(out)


@lru_cache(maxsize=65536)  # read three times a word, for it and its neighbours
def _word_class(word: str) -> str:
    """Return the first closed word class of ``data/event_cues.txt`` holding ``word``, or "-"."""
    cues = load_cues()
    return next((name for name in _CLASSES if word in cues[name]), "-")


@lru_cache(maxsize=65536)
def light_stem(word: str) -> str:
    """Return a lower-case word without its inflection, so that its forms share one stem.

    A few suffix rules (-ing, -ed, -s, -ies, a doubled consonant, a final e), cheaper than
    a full stemmer and enough for the model to see "tumbled" and "tumbling" as one word.

    >>> [light_stem(w) for w in ("tumbled", "tumbling", "tumbles", "stopped", "parties", "war")]
    ['tumbl', 'tumbl', 'tumbl', 'stop', 'party', 'war']
    """
    for suffix, replacement in _INFLECTIONS:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + replacement
            if replacement == "" and word[-1] == word[-2] and word[-1] in _DOUBLED:
                word = word[:-1]
            break
    return word[:-1] if len(word) > 4 and word.endswith("e") else word


@lru_cache(maxsize=1)
def _event_nouns() -> frozenset[str]:
    """Return the light stems of the event nouns of ``data/event_cues.txt``."""
    return frozenset(light_stem(word) for word in load_cues()["event_nouns"])


def _context(token: Token) -> str:
    """Return a neighbour as the model reads it: lower case, no possessive, a number as its shape ("<d>")."""
    if token.text[0].isdigit():
        return f"<{shape(token.text)}>"
    word = token.lower
    return word[:-2] if word.endswith(_POSSESSIVES) else word


@lru_cache(maxsize=65536)  # most words of a sentence came before
def _own_features(word: str) -> tuple[str, ...]:
    """Return the features that name only a lower-case word, and its light stem last.

    In order: w, stem, event-noun, s1, s3, s2, s4, class.

    >>> _own_features("attacked")[:3], _own_features("attacked")[-1]
    (('w=attacked', 'stem=attack', 'event-noun=True'), 'attack')
    """
    stem = light_stem(word)
    return (
        f"w={word}", f"stem={stem}", f"event-noun={stem in _event_nouns()}", f"s1={word[-1:]}",
        f"s3={word[-3:]}", f"s2={word[-2:]}", f"s4={word[-4:]}", f"class={_word_class(word)}", stem,
    )  # fmt: skip


@lru_cache(maxsize=65536)
def _neighbour_features(context: str) -> tuple[str, ...]:
    """Return the features that name a neighbour (its ``_context`` form), and its light stem last.

    In order: w-2, w-1, w+1, w+2, s3-1, s3+1, s2-1, s2+1, class-2, class-1, class+1, class+2.

    >>> _neighbour_features("troops")[1], _neighbour_features("troops")[-1]
    ('w-1=troops', 'troop')
    """
    word_class = _word_class(context)
    return (
        *(f"w{side}={context}" for side in _SIDES),
        *(f"s3{side}={context[-3:]}" for side in ("-1", "+1")),
        *(f"s2{side}={context[-2:]}" for side in ("-1", "+1")),
        *(f"class{side}={word_class}" for side in _SIDES),
        light_stem(context),
    )


_SIDES = ("-2", "-1", "+1", "+2")


def sentence_features(tokens: Sequence[Token]) -> list[list[str]]:
    """Return the feature names the model weighs for every token of a sentence.

    Each word's own features and each neighbour's are built once (``_own_features``,
    ``_neighbour_features``): a sentence repeats them 27 times a word, and building and
    hashing fresh strings was half the model's time. The order of the names is the
    model's: ``event_scores`` adds the weights in this order.

    >>> sentence_features(locate_words("troops attacked"))[1][:4]
    ['bias', 'w=attacked', 'stem=attack', 'event-noun=True']
    """
    return _features(tokens, range(len(tokens)))


def _features(tokens: Sequence[Token], positions: Sequence[int]) -> list[list[str]]:
    """Return the rows of ``sentence_features`` of the tokens at ``positions`` (the words: punctuation has none)."""
    contexts = ["<s>", "<s>", *map(_context, tokens), "</s>", "</s>"]  # token i sits at i + 2
    # One column per neighbour feature: w_before[j] is "w-1=<the word at j>", and so on.
    columns = zip(*map(_neighbour_features, contexts))
    (w_before2, w_before, w_after, w_after2, s3_before, s3_after, s2_before, s2_after,
     class_before2, class_before, class_after, class_after2, stems) = columns  # fmt: skip
    possessive = [token.lower.endswith(_POSSESSIVES) for token in tokens]
    rows = []
    for i in positions:
        token = tokens[i]
        word, j = token.lower, i + 2
        w, stem, event_noun, s1, s3, s2, s4, word_class, bare_stem = _own_features(word)
        before = "class-1=possessive" if i > 0 and possessive[i - 1] else class_before[j - 1]
        rows.append(
            [
                "bias",
                w,
                stem,
                event_noun,
                s1,
                s3_before[j - 1],
                s3_after[j + 1],
                class_before2[j - 2],
                class_after2[j + 2],
                f"s2={word[-2:]} {before}",
                f"stem-1,stem={stems[j - 1]} {bare_stem}",
                s3,
                s2,
                s4,
                _shape_feature(token.text),
                "first=True" if i == 0 else "first=False",
                word_class,
                w_before[j - 1],
                w_before2[j - 2],
                w_after[j + 1],
                w_after2[j + 2],
                before,
                class_after[j + 1],
                s2_before[j - 1],
                s2_after[j + 1],
                f"w-1,w={contexts[j - 1]} {word}",
                f"w,w+1={word} {contexts[j + 1]}",
            ]
        )
    return rows


@lru_cache(maxsize=65536)
def _shape_feature(text: str) -> str:
    """Return the shape feature of a token as written ("shape=Xx")."""
    return f"shape={shape(text)}"


def token_features(tokens: Sequence[Token], i: int) -> list[str]:
    """Return the feature names of ``tokens[i]`` (one row of ``sentence_features``; use that for a whole sentence).

    >>> token_features(locate_words("troops attacked"), 1)[:4]
    ['bias', 'w=attacked', 'stem=attack', 'event-noun=True']
    """
    return sentence_features(tokens)[i]


@lru_cache(maxsize=1)
def load_weights() -> dict[str, float]:
    """Return the shipped feature weights (positive: evidence of an event), read once.

    >>> load_weights()["bias"] < 0
    True
    """
    return data_weights(MODEL_FILE)


def event_scores(tokens: Sequence[Token], weights: dict[str, float] | None = None) -> list[float]:
    """Return the model's score of every token of a sentence (positive: an event word).

    >>> [x > 0 for x in event_scores(locate_words("Rebels attacked the town"))]
    [False, True, False, False]
    """
    weights = load_weights() if weights is None else weights
    if weights is _shipped_weights():
        return _shipped_scores(tokens)
    words = [i for i, token in enumerate(tokens) if token.is_word]
    scores = [_NOT_A_WORD] * len(tokens)
    for i, features in zip(words, _features(tokens, words)):
        scores[i] = sum(map(weights.get, features, repeat(0.0)))
    return scores


_shipped_weights = (
    load_weights  # the shipped weights even where ``load_weights`` is replaced (benchmarks/events.py)
)


@lru_cache(maxsize=65536)
def _own_weights(text: str) -> tuple:
    """Return the shipped weights of a token's own features and of its shape, in order, then its four pair tables.

    The tables give the weights of its pair features by the neighbour's part (``_pair_weights``).
    ``text`` is the token as written: the features read its lower case (``Token.lower``).
    """
    weights, pairs = _shipped_weights(), _pair_weights()
    word = text.lower().rstrip(".")
    *names, stem = _own_features(word)
    return (
        *(weights.get(name, 0.0) for name in names),
        weights.get(_shape_feature(text), 0.0),
        pairs["s2"].get(word[-2:], _NO_PAIRS),
        pairs["stem-1,stem"].get(stem, _NO_PAIRS),
        pairs["w-1,w"].get(word, _NO_PAIRS),
        pairs["w,w+1"].get(word, _NO_PAIRS),
    )


_NO_PAIRS: dict[str, float] = {}
# The pair features whose word comes first in their name ("w,w+1=<word> <next>"); the others name it second.
_WORD_FIRST = ("s2", "w,w+1")


@lru_cache(maxsize=1)
def _pair_weights() -> dict[str, dict[str, dict[str, float]]]:
    """Return the shipped weights of the pair features by kind, by the word's part and by the neighbour's.

    ``_pair_weights()["w,w+1"]["attacks"]["against"]`` is the weight of "w,w+1=attacks against"
    (``s2`` pairs a word's last two letters with the class-1 feature before it, ``stem-1,stem``
    the stems). Neither part holds a space, so a name with one space is the only one they can
    make; a word's pairs come with its own weights, and scoring it looks up its neighbours in
    them instead of writing and hashing four fresh names.

    >>> _pair_weights()["w,w+1"]["attacks"]["against"] == load_weights()["w,w+1=attacks against"]
    True
    """
    pairs: dict[str, dict[str, dict[str, float]]] = {"s2": {}, "stem-1,stem": {}, "w-1,w": {}, "w,w+1": {}}
    for name, weight in _shipped_weights().items():
        kind, _, parts = name.partition("=")
        if kind in pairs and parts.count(" ") == 1:
            first, second = parts.split(" ")
            own, other = (first, second) if kind in _WORD_FIRST else (second, first)
            pairs[kind].setdefault(own, {})[other] = weight
    return pairs


@lru_cache(maxsize=65536)
def _neighbour_weights(text: str) -> tuple:
    """Return the shipped weights of a neighbour's features in order, then its class-1 feature, stem and context.

    ``text`` is the token as written, or a sentence's edge ("<s>", "</s>", its own context).
    """
    weights = _shipped_weights()
    context = _context(Token(0, 0, len(text), text))
    *names, stem = _neighbour_features(context)
    return *(weights.get(name, 0.0) for name in names), names[9], stem, context


def _shipped_scores(tokens: Sequence[Token]) -> list[float]:
    """Return ``event_scores`` by the shipped weights, reading the weights of words and neighbours from caches.

    The 27 weights of each word are those of its ``sentence_features`` row, added in the
    same order, so the sums are the same floats; but 23 of them come cached with the word,
    its shape or its neighbours (the shipped weights never change), and the four pair
    features are looked up by the neighbours' parts in the word's own tables.
    """
    weights = _shipped_weights()
    bias, possessive = weights.get("bias", 0.0), weights.get("class-1=possessive", 0.0)
    first, later = weights.get("first=True", 0.0), weights.get("first=False", 0.0)
    texts = ["<s>", "<s>", *[token.text for token in tokens], "</s>", "</s>"]  # token i sits at i + 2
    (w_before2, w_before, w_after, w_after2, s3_before, s3_after, s2_before, s2_after,
     class_before2, class_before, class_after, class_after2, class_names, stems, contexts) = zip(
        *map(_neighbour_weights, texts))  # fmt: skip
    scores = [_NOT_A_WORD] * len(tokens)
    for i, token in enumerate(tokens):
        if not token.is_word:
            continue
        j = i + 2
        (w, stem, event_noun, s1, s3, s2, s4, word_class, shape,
         s2_pairs, stem_pairs, before_pairs, after_pairs) = _own_weights(token.text)  # fmt: skip
        if i > 0 and tokens[i - 1].lower.endswith(_POSSESSIVES):
            before_name, before = "class-1=possessive", possessive
        else:
            before_name, before = class_names[j - 1], class_before[j - 1]
        scores[i] = sum(
            (
                bias,
                w,
                stem,
                event_noun,
                s1,
                s3_before[j - 1],
                s3_after[j + 1],
                class_before2[j - 2],
                class_after2[j + 2],
                s2_pairs.get(before_name, 0.0),
                stem_pairs.get(stems[j - 1], 0.0),
                s3,
                s2,
                s4,
                shape,
                first if i == 0 else later,
                word_class,
                w_before[j - 1],
                w_before2[j - 2],
                w_after[j + 1],
                w_after2[j + 2],
                before,
                class_after[j + 1],
                s2_before[j - 1],
                s2_after[j + 1],
                before_pairs.get(contexts[j - 1], 0.0),
                after_pairs.get(contexts[j + 1], 0.0),
            )
        )
    return scores


@lru_cache(maxsize=64)
def sentence_scores(text: str) -> tuple[float, ...]:
    """Return ``event_scores`` of ``locate_words(text)`` by the shipped model (cached per sentence).

    >>> sentence_scores("Rebels attacked")[1] > 0
    True
    """
    return tuple(event_scores(locate_words(text)))


def event_positions(tokens: Sequence[Token], weights: dict[str, float] | None = None) -> list[int]:
    """Return the positions in ``tokens`` (one sentence) of the words the model reads as events.

    >>> words = locate_words("The storm hit the coast on Monday.")
    >>> [words[i].text for i in event_positions(words)]
    ['storm', 'hit']
    """
    return [i for i, score in enumerate(event_scores(tokens, weights)) if score > 0]


@lru_cache(maxsize=64)
def sentence_events(text: str) -> tuple[int, ...]:
    """Return the event positions among ``locate_words(text)`` by the shipped model (cached per sentence).

    >>> sentence_events("Rebels attacked the town")
    (1,)
    """
    return tuple(i for i, score in enumerate(sentence_scores(text)) if score > 0)


def find_events(text: str) -> list[Token]:
    """Return the event words of a sentence, with their offsets in ``text``.

    >>> [t.text for t in find_events("Officials said the talks collapsed.")]
    ['said', 'talks', 'collapsed']
    """
    tokens = locate_words(text)
    return [tokens[i] for i in event_positions(tokens)]
