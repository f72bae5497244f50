"""Choose the event a time expression dates among the event words of its sentence.

A linear ranker scores every candidate event word against the time expression from
where it stands (left or right, how many words and candidates away, across a comma or
a subordinator), what it is (the word, its suffix, a reporting verb, after an
auxiliary) and what introduces the expression ("in", "since", "last", a possessive
"Friday's"). The weights (``data/event_attachment.tsv``) were learned from the
event-time TLINKs of TimeBank and AQUAINT (``benchmarks/train_events.py``); they are
read on first use.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from helpers.event_tagger import event_positions, sentence_events
from helpers.events import Span, Token, is_verb, load_cues, locate_words, stop_mask
from helpers.resources import data_weights

MODEL_FILE = "event_attachment.tsv"
_PUNCTUATION = frozenset(',;:()[]"“”—–')
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})


def _bucket(n: int) -> str:
    """Return a coarse label for a count of words (1, 2, 3, 4-5, 6-9, 10+)."""
    return str(n) if n <= 3 else "4-5" if n <= 5 else "6-9" if n <= 9 else "10+"


def candidate_features(
    tokens: Sequence[Token],
    first: int,
    last: int,
    candidate: int,
    candidates: Sequence[int],
    stopped: Sequence[bool] = (),
) -> list[str]:
    """Return the features of event word ``candidate`` for the expression ``tokens[first:last + 1]``.

    ``candidates`` are all event positions of the sentence, sorted; ``stopped`` marks the
    words of other time expressions.

    >>> words = locate_words("Rebels seized the town on Monday")
    >>> candidate_features(words, 5, 5, 1, [1])[:3]
    ['side=L', 'side=L dist=4-5', 'side=L rank=0']
    """
    cues = load_cues()
    left = candidate < first
    side = "L" if left else "R"
    between = tokens[candidate + 1 : first] if left else tokens[last + 1 : candidate]
    dist = len(between) + 1
    low, high = (candidate, first) if left else (last, candidate)
    rank = sum(1 for c in candidates if low < c < high)
    commas = sum(1 for t in between if t.text in _PUNCTUATION)
    span = range(candidate + 1, first) if left else range(last + 1, candidate)
    times = "-" if not stopped else "yes" if any(stopped[k] for k in span) else "no"
    joined = "yes" if any(t.lower in ("and", "but", "or") for t in between) else "no"
    prepositions = min(sum(1 for t in between if t.lower in cues["prepositions"] or t.lower == "of"), 2)
    subordinators = sum(1 for t in between if t.lower in cues["boundaries"])
    word = tokens[candidate].lower
    before = tokens[first - 1].lower if first > 0 else "<s>"
    after = tokens[last + 1].text.lower() if last + 1 < len(tokens) else "</s>"
    previous = tokens[candidate - 1].lower if candidate > 0 else "<s>"
    reporting = "yes" if word in cues["reporting"] else "no"
    return [
        f"side={side}",
        f"side={side} dist={_bucket(dist)}",
        f"side={side} rank={min(rank, 3)}",
        f"side={side} rank={min(rank, 3)} commas={min(commas, 2)}",
        f"side={side} subordinators={min(subordinators, 2)}",
        f"side={side} times-between={times}",
        f"side={side} times-between={times} and-between={joined}",
        f"side={side} before={before}",
        f"side={side} after={after if after in _POSSESSIVE else '-'} dist={_bucket(dist)}",
        f"side={side} start={first == 0 or (first == 1 and before in cues['prepositions'])}",
        f"side={side} reporting={reporting}",
        f"side={side} reporting={reporting} rank={min(rank, 3)}",
        f"side={side} prepositions-between={prepositions}",
        f"side={side} prepositions-between={prepositions} dist={_bucket(dist)}",
        f"side={side} previous={_previous_class(previous, cues)}",
        f"w={word}",
        f"side={side} s2={word[-2:]}",
        f"s3={word[-3:]}",
    ]


def _previous_class(word: str, cues: dict[str, frozenset[str]]) -> str:
    """Return the closed class of the word before a candidate: it tells a noun ("the vote") from a verb."""
    for name in ("auxiliaries", "determiners", "prepositions", "boundaries"):
        if word in cues[name]:
            return name
    return "to" if word == "to" else "-"


@lru_cache(maxsize=1)
def load_weights() -> dict[str, float]:
    """Return the shipped ranking weights, read once.

    >>> load_weights()["side=L"] != 0
    True
    """
    return data_weights(MODEL_FILE)


def rank_events(
    tokens: Sequence[Token],
    first: int,
    last: int,
    candidates: Sequence[int],
    weights: dict[str, float] | None = None,
    stopped: Sequence[bool] = (),
) -> list[int]:
    """Return the candidate positions, best first, for the expression ``tokens[first:last + 1]``.

    ``stopped`` marks the words of the sentence's time expressions.

    >>> words = locate_words("Officials said rebels seized the town on Monday")
    >>> rank_events(words, 7, 7, [1, 3])[0]
    3
    """
    weights = load_weights() if weights is None else weights
    outside = [c for c in candidates if c < first or c > last]

    def score(candidate: int) -> tuple[float, int]:
        features = candidate_features(tokens, first, last, candidate, outside, stopped)
        return sum(weights.get(f, 0.0) for f in features), -abs(candidate - first)

    return sorted(outside, key=score, reverse=True)


def choose_event(
    text: str,
    start: int,
    end: int,
    stops: Sequence[Span] = (),
    tagger: dict[str, float] | None = None,
    ranker: dict[str, float] | None = None,
) -> Token | None:
    """Return the event word of the sentence ``text`` that the expression ``text[start:end]`` dates, or None.

    A reporting verb ("said") is chosen only in the expression's own clause ("said on
    Monday") and an auxiliary only as a main verb ("there were"), unless nothing else is there;
    ``stops`` are the sentence's time expressions (never events); ``tagger`` and
    ``ranker`` replace the shipped weights.

    >>> sentence = "Officials said rebels seized the town on Monday."
    >>> choose_event(sentence, 41, 47).text
    'seized'
    """
    tokens = locate_words(text)
    inside = [i for i, t in enumerate(tokens) if t.start < end and t.end > start]
    if not inside:
        return None
    stopped = stop_mask(tokens, [*stops, (start, end)])
    positions = sentence_events(text) if tagger is None else event_positions(tokens, tagger)
    candidates = [i for i in positions if not stopped[i]]
    ranked = rank_events(tokens, inside[0], inside[-1], candidates, ranker, stopped)
    cues = load_cues()
    clause = _clause_numbers(tokens)
    events = set(candidates)

    def acceptable(i: int) -> bool:
        if tokens[i].lower in cues["reporting"]:
            return clause[i] == clause[inside[0]]
        if tokens[i].lower in cues["auxiliaries"]:
            following = next(
                (k for k in range(i + 1, len(tokens)) if tokens[k].lower not in cues["adverbs"]), i
            )
            return following not in events and not is_verb(tokens, following)
        return True

    best = next((i for i in ranked if acceptable(i)), ranked[0] if ranked else None)
    return None if best is None else tokens[best]


def _clause_numbers(tokens: Sequence[Token]) -> list[int]:
    """Return the clause number of every token: punctuation and subordinators start a new clause."""
    cues = load_cues()
    numbers, current = [], 0
    for token in tokens:
        if token.text in _PUNCTUATION or token.lower in cues["boundaries"]:
            current += 1
        numbers.append(current)
    return numbers
