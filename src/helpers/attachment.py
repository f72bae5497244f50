"""Choose the event a time expression dates among the event words of its sentence.

The candidates are the words the event model (``helpers.event_tagger``) scores above
``FLOOR``, a little below its own line, so that a word it doubts can still win when it
stands where the dated event stands; how sure the model was is one of the features.
A linear ranker scores every candidate event word against the time expression from
where it stands (left or right, how many words and candidates away, across a comma or
a subordinator), what it is (the word, its suffix, a reporting verb, after an
auxiliary), what introduces the expression ("in", "since", "last") and what follows
it ("the quarter ended", "the 1988 recapitalization"); a possessive
expression ("Friday's vote") dates the candidate right after it. ``choose_events`` adds
the chosen word's partner of the other kind, the verb or event noun that tells the
event with it ("had a loss"). The weights
(``data/event_attachment.tsv``) were learned from the event-time TLINKs of TimeBank
and AQUAINT (``benchmarks/train_events.py``); they are read on first use.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import repeat

from helpers.event_tagger import event_scores, sentence_scores
from helpers.events import Span, Token, is_verb, load_cues, locate_words, stop_mask
from helpers.resources import data_weights

MODEL_FILE = "event_attachment.tsv"
_PUNCTUATION = frozenset(',;:()[]"“”—–')
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_POSSESSIVE_ENDINGS = ("'s", "’s")  # "Friday's vote": the words keep their clitic
FLOOR = -18.0  # words the event model scores above this are candidates; its doubt is a feature


def _confidence(score: float) -> str:
    """Return a coarse label for the event model's score: an event, or how far below the line."""
    return "event" if score > 0 else "near" if score > FLOOR / 3 else "far"


def candidate_positions(scores: Sequence[float], stopped: Sequence[bool]) -> list[int]:
    """Return the positions whose event score is above ``FLOOR``, outside the time expressions.

    >>> candidate_positions([5.0, -30.0, -2.0, 1.0], [False, False, False, True])
    [0, 2]
    """
    return [i for i, score in enumerate(scores) if score > FLOOR and not (stopped and stopped[i])]


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
    scores: Sequence[float] = (),
) -> list[str]:
    """Return the features of event word ``candidate`` for the expression ``tokens[first:last + 1]``.

    ``candidates`` are all candidate positions of the sentence, sorted; ``stopped`` marks the
    words of other time expressions; ``scores`` are the event model's scores of the words.

    >>> words = locate_words("Rebels seized the town on Monday")
    >>> candidate_features(words, 5, 5, 1, [1])[:3]
    ['side=L', 'side=L dist=4-5', 'side=L rank=0']
    """
    return _features_for(tokens, first, last, candidates, stopped, scores)(candidate)


def _features_for(
    tokens: Sequence[Token],
    first: int,
    last: int,
    candidates: Sequence[int],
    stopped: Sequence[bool],
    scores: Sequence[float],
) -> Callable[[int], list[str]]:
    """Return ``candidate_features`` of the expression ``tokens[first:last + 1]`` as a function of the candidate.

    What the expression alone decides (its neighbours, the word classes of the sentence)
    is found once for all its candidates; a candidate counts the words between by slices.
    """
    cues = load_cues()
    prepositions, boundaries = cues["prepositions"], cues["boundaries"]
    punctuation = [t.text in _PUNCTUATION for t in tokens]
    joins = [t.lower in ("and", "but", "or") for t in tokens]
    linking = [t.lower in prepositions or t.lower == "of" for t in tokens]
    subordinating = [t.lower in boundaries for t in tokens]
    events = [c for c in candidates if not scores or scores[c] > 0]
    before = tokens[first - 1].lower if first > 0 else "<s>"
    after = tokens[last + 1].lower if last + 1 < len(tokens) else "</s>"
    possessive = _is_possessive(tokens, last)
    start = first == 0 or (first == 1 and before in prepositions)
    around = {side: (f"side={side} before={before}", f"side={side} after={after}") for side in "LR"}

    def features(candidate: int) -> list[str]:
        left = candidate < first
        side = "L" if left else "R"
        low, high = (
            (candidate, first) if left else (last, candidate)
        )  # the words between: low + 1 .. high - 1
        dist = len(range(low + 1, high)) + 1
        rank = min(len([c for c in events if low < c < high]), 3)  # events between
        commas = sum(punctuation[low + 1 : high])
        times = "-" if not stopped else "yes" if any(stopped[low + 1 : high]) else "no"
        joined = "yes" if any(joins[low + 1 : high]) else "no"
        between = min(sum(linking[low + 1 : high]), 2)
        subordinators = sum(subordinating[low + 1 : high])
        word = tokens[candidate].lower
        previous = tokens[candidate - 1].lower if candidate > 0 else "<s>"
        reporting = "yes" if word in cues["reporting"] else "no"
        confidence = _confidence(scores[candidate]) if scores else "event"
        bucket = _bucket(dist)
        return [
            f"side={side}",
            f"side={side} dist={bucket}",
            f"side={side} rank={rank}",
            f"side={side} rank={rank} commas={min(commas, 2)}",
            f"side={side} subordinators={min(subordinators, 2)}",
            f"side={side} times-between={times}",
            f"side={side} times-between={times} and-between={joined}",
            *around[side],
            f"side={side} possessive={possessive} dist={bucket}",
            f"side={side} start={start}",
            f"side={side} reporting={reporting}",
            f"side={side} reporting={reporting} rank={rank}",
            f"side={side} prepositions-between={between}",
            f"side={side} prepositions-between={between} dist={bucket}",
            f"side={side} previous={_previous_class(previous, cues)}",
            f"w={word}",
            f"side={side} s2={word[-2:]}",
            f"s3={word[-3:]}",
            f"confidence={confidence}",
            f"side={side} confidence={confidence} dist={bucket}",
        ]

    return features


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
    scores: Sequence[float] = (),
) -> list[int]:
    """Return the candidate positions, best first, for the expression ``tokens[first:last + 1]``.

    ``stopped`` marks the words of the sentence's time expressions, ``scores`` are the
    event model's scores of the words.

    >>> words = locate_words("Officials said rebels seized the town on Monday")
    >>> rank_events(words, 7, 7, [1, 3])[0]
    3
    """
    weights = load_weights() if weights is None else weights
    outside = [c for c in candidates if c < first or c > last]
    features = _features_for(tokens, first, last, outside, stopped, scores)

    def score(candidate: int) -> tuple[float, int]:
        return sum(map(weights.get, features(candidate), repeat(0.0))), -abs(candidate - first)

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
    Monday", or the clause right after an opening "On Monday,") and an auxiliary only
    as a main verb ("there were"), unless nothing else is there; ``stops`` are the
    sentence's time expressions (never events); ``tagger`` and ``ranker`` replace the
    shipped weights.

    >>> sentence = "Officials said rebels seized the town on Monday."
    >>> choose_event(sentence, 41, 47).text
    'seized'
    """
    return choose_events(text, start, end, stops, tagger, ranker)[0]


def choose_events(
    text: str,
    start: int,
    end: int,
    stops: Sequence[Span] = (),
    tagger: dict[str, float] | None = None,
    ranker: dict[str, float] | None = None,
) -> tuple[Token | None, Token | None]:
    """Return the event word ``choose_event`` picks and its partner of the other kind, each or both None.

    An event is often told by a verb and a noun together ("had a loss", "signed the
    accord", "welcomed the figures at a conference"): the partner is the best-ranked
    other event word of the chosen word's clause (or of the clause beside it when one of
    the two has no verb: "During a storm in 2018, the dam broke") that is a noun when it
    is a verb and a verb when it is a noun (never a reporting verb), so that the event's
    words are both named.

    >>> sentence = "Aetna had a loss in the quarter."
    >>> [t.text for t in choose_events(sentence, 19, 31)]
    ['had', 'loss']
    """
    tokens = locate_words(text)
    inside = [i for i, t in enumerate(tokens) if t.start < end and t.end > start]
    if not inside:
        return None, None
    stopped = stop_mask(tokens, [*stops, (start, end)])
    scores = sentence_scores(text) if tagger is None else event_scores(tokens, tagger)
    candidates = candidate_positions(scores, stopped)
    ranked = rank_events(tokens, inside[0], inside[-1], candidates, ranker, stopped, scores)
    cues = load_cues()
    clause = _clause_numbers(tokens)
    events = {i for i in candidates if scores[i] > 0}
    verbs = [is_verb(tokens, k) for k in range(len(tokens))]  # read for the partner and by ``acceptable``

    def acceptable(i: int) -> bool:
        if tokens[i].lower in cues["reporting"]:
            return clause[i] == clause[inside[0]] or _fronted(clause, inside[0], i)
        if tokens[i].lower in cues["auxiliaries"]:
            following = next(
                (k for k in range(i + 1, len(tokens)) if tokens[k].lower not in cues["adverbs"]), i
            )
            return following not in events and not verbs[following]
        return True

    last = inside[-1]
    if _is_possessive(tokens, last) and last + 1 in candidates:  # "Friday's vote": the noun it modifies
        best: int | None = last + 1
    else:
        best = next((i for i in ranked if acceptable(i)), ranked[0] if ranked else None)
    if best is None:
        return None, None
    verb = verbs[best]
    verbless = set(clause) - {clause[k] for k in range(len(tokens)) if verbs[k]}
    partner = next(
        (
            i
            for i in ranked
            if i in events
            and i != best
            and _one_frame(clause, verbless, i, best)
            and verbs[i] != verb
            and tokens[i].lower not in cues["reporting"]
            and tokens[i].lower not in cues["auxiliaries"]
            and (verb is False or _noun_like(tokens, i))
            and acceptable(i)
        ),
        None,
    )
    return tokens[best], None if partner is None else tokens[partner]


def _one_frame(clause: Sequence[int], verbless: set[int], i: int, best: int) -> bool:
    """Tell whether two words tell one event: one clause, or a verbless phrase and the clause beside it.

    "During a storm in 2018, the dam broke": the storm's phrase has no verb, its event is the dam's.

    >>> _one_frame([0, 0, 1, 1], {0}, 1, 3), _one_frame([0, 0, 1, 1], set(), 1, 3)
    (True, False)
    """
    near = abs(clause[i] - clause[best]) == 1
    return clause[i] == clause[best] or (near and bool({clause[i], clause[best]} & verbless))


def _noun_like(tokens: Sequence[Token], i: int) -> bool:
    """Tell whether a word not read as a verb can be an event noun: no -ed, no "to" before it, no name.

    >>> words = locate_words("They plan to buy the Tokyo unit after the sale")
    >>> [_noun_like(words, i) for i in (3, 5, 9)]
    [False, False, True]
    """
    word, before = tokens[i], tokens[i - 1].lower if i else ""
    return not word.lower.endswith("ed") and before != "to" and not (i and word.text[:1].isupper())


def _is_possessive(tokens: Sequence[Token], last: int) -> bool:
    """Tell whether the expression ending at ``tokens[last]`` is a possessive ("last week's")."""
    after = tokens[last + 1].text if last + 1 < len(tokens) else ""
    return after in _POSSESSIVE or tokens[last].text.lower().endswith(_POSSESSIVE_ENDINGS)


def _fronted(clause: Sequence[int], expression: int, verb: int) -> bool:
    """Tell whether the expression opens the sentence before the verb's clause ("On Monday, officials said")."""
    return clause[expression] == 0 and clause[verb] == 1


def _clause_numbers(tokens: Sequence[Token]) -> list[int]:
    """Return the clause number of every token: punctuation and subordinators start a new clause."""
    cues = load_cues()
    numbers, current = [], 0
    for token in tokens:
        if token.text in _PUNCTUATION or token.lower in cues["boundaries"]:
            current += 1
        numbers.append(current)
    return numbers
