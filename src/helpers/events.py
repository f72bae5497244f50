"""Label the event a time expression dates: the subject, verb group and object of its clause.

No part-of-speech tagger is available offline, so the rules use cue words
(``data/event_cues.txt``). Punctuation and subordinators ("after", "since", "which")
split a sentence into clauses. A verb is an auxiliary, a listed irregular form, or a
lower-case word ending in -ed that does not follow a determiner or a preposition. The
subject is the phrase before the verb, cut at a preposition, with a person's title
dropped ("Mayor Jane Doe" -> "Doe"); the object runs from the verb to the next
preposition, time expression, verb or clause end. A time expression that modifies a
noun ("Friday's vote", "the 2015 treaty") dates that noun, not the clause.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from helpers.resources import data_sections

_TOKEN = re.compile(r"\w+(?:[-'’.&]\w+)*|[^\w\s]")
_BREAKS = frozenset(',;:()[]"“”—–-')
_POSSESSIVE = re.compile(r"['’]s?(?=\s)")
_CONJUNCTIONS = frozenset({"and", "or", "but"})
_MAX_OBJECT = 10
_MAX_PHRASE = 6

Span = tuple[int, int]


@dataclass(frozen=True)
class Token:
    """A word or punctuation mark and its offsets in the sentence."""

    index: int
    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        """The token in lower case without a final period ("Sen." -> "sen")."""
        return self.text.lower().rstrip(".")

    @property
    def is_word(self) -> bool:
        """True for a word, False for punctuation."""
        return self.text[0].isalnum() or self.text[0] == "_"


@dataclass(frozen=True)
class Clause:
    """What a time expression dates: an event noun and/or a clause's subject, verb and object."""

    noun: str = ""
    subject: str = ""
    verb: str = ""
    object: str = ""

    @property
    def label(self) -> str:
        """A short label: "noun: subject verb object", or whichever parts were found."""
        core = " ".join(part for part in (self.subject, self.verb, self.object) if part)
        return f"{self.noun}: {core}" if self.noun and core else self.noun or core


@lru_cache(maxsize=1)
def load_cues() -> dict[str, frozenset[str]]:
    """Return the cue-word sections of ``data/event_cues.txt`` by name.

    >>> "since" in load_cues()["boundaries"], "met" in load_cues()["verbs"]
    (True, True)
    """
    return {
        name: frozenset(line.strip().lower() for line in lines)
        for name, lines in data_sections("event_cues.txt").items()
    }


def locate_words(text: str) -> list[Token]:
    """Split ``text`` into words and punctuation marks with offsets, for reading clauses.

    Coarser than ``helpers.tokens.tokenize`` (no clitic split): a clause reader needs
    positions and whole words, a word counter needs Treebank pieces.

    >>> [t.text for t in locate_words("Friday's U.S. talks, 2019.")]
    ["Friday's", 'U.S', '.', 'talks', ',', '2019', '.']
    """
    return [Token(i, m.start(), m.end(), m.group()) for i, m in enumerate(_TOKEN.finditer(text))]


def split_clauses(text: str) -> list[Span]:
    """Return the clauses of a sentence as character spans: punctuation and subordinators split it.

    >>> [("The talks began a day after the vote, officials said.")[a:b] for a, b in split_clauses(
    ...     "The talks began a day after the vote, officials said.")]
    ['The talks began a day', 'after the vote', 'officials said.']
    """
    return [(clause[0].start, clause[-1].end) for clause in _clauses(locate_words(text))]


def _clauses(tokens: Sequence[Token]) -> list[list[Token]]:
    """Group tokens into clauses: break at punctuation marks and before subordinators."""
    boundaries = load_cues()["boundaries"]
    clauses: list[list[Token]] = [[]]
    for token in tokens:
        if token.text in _BREAKS:
            clauses.append([])
            continue
        if token.lower in boundaries and clauses[-1]:
            clauses.append([])
        clauses[-1].append(token)
    return [clause for clause in clauses if clause]


def _inside(token: Token, spans: Sequence[Span]) -> bool:
    """Tell whether the token overlaps one of the spans."""
    return any(token.start < end and token.end > start for start, end in spans)


def _phrase(text: str, tokens: Sequence[Token]) -> str:
    """Return the tokens as written: contiguous runs are sliced from ``text``, runs joined by a space."""
    runs: list[list[Token]] = []
    for token in tokens:
        if runs and token.index == runs[-1][-1].index + 1:
            runs[-1].append(token)
        else:
            runs.append([token])
    return " ".join(text[run[0].start : run[-1].end] for run in runs)


def is_verb(tokens: Sequence[Token], i: int) -> bool:
    """Tell whether ``tokens[i]`` reads as a verb (auxiliary, listed form, or -ed word).

    >>> words = locate_words("the armed men attacked")
    >>> is_verb(words, 1), is_verb(words, 3)
    (False, True)
    """
    cues = load_cues()
    token = tokens[i]
    word = token.lower
    if not token.is_word:
        return False
    if word in cues["auxiliaries"] or word in cues["verbs"]:
        return True
    before = tokens[i - 1].lower if i > 0 else ""
    return (
        word.endswith("ed")
        and len(word) > 3
        and "-" not in word
        and word not in cues["not_verbs"]
        and (token.text.islower() or i == 0)
        and before not in cues["determiners"]
        and before not in cues["prepositions"]
    )


def _verb_groups(tokens: Sequence[Token], stops: Sequence[Span]) -> list[Span]:
    """Return (first, last) positions in ``tokens`` of the clause's verb groups; the first needs a subject."""
    cues = load_cues()
    lead = 1 if tokens and tokens[0].lower in cues["boundaries"] else 0
    relative = lead == 1 and tokens[0].lower in {"which", "who", "that"}
    groups: list[Span] = []
    i = lead
    while i < len(tokens):
        has_subject = groups or relative or any(t.is_word and not _inside(t, stops) for t in tokens[lead:i])
        if _inside(tokens[i], stops) or not is_verb(tokens, i) or not has_subject:
            i += 1
            continue
        last = i
        for j in range(i + 1, len(tokens)):
            if is_verb(tokens, j) and not _inside(tokens[j], stops):
                last = j
            elif tokens[j].lower not in cues["adverbs"]:
                break
        groups.append((i, last))
        i = last + 1
    return groups


def _strip(tokens: list[Token], *sections: str) -> list[Token]:
    """Drop leading tokens that belong to the named cue sections."""
    cues = load_cues()
    while tokens and any(tokens[0].lower in cues[name] for name in sections):
        tokens = tokens[1:]
    return tokens


def _name(tokens: list[Token]) -> list[Token]:
    """Reduce "Title First Last" to "Last": a person after a title is named by the surname."""
    titles = load_cues()["titles"]
    positions = [i for i, token in enumerate(tokens) if token.lower in titles]
    if not positions:
        return tokens
    rest = tokens[positions[-1] + 1 :]
    if len(rest) >= 2 and rest[0].lower == "of":
        rest = rest[2:]
    run = []
    for token in rest:
        if not token.text[0].isupper():
            break
        run.append(token)
    return run[-1:] or tokens


def _subject(tokens: Sequence[Token], stops: Sequence[Span]) -> list[Token]:
    """Return the subject phrase: the words before the verb, cut at a preposition, title dropped."""
    prepositions = load_cues()["prepositions"]
    words = [t for t in tokens if t.is_word and not _inside(t, stops)]
    words = _strip(words, "boundaries", "prepositions", "determiners")
    for k, token in enumerate(words):
        if k > 0 and token.lower in prepositions:
            words = words[:k]
            break
    return _name(_strip(words, "determiners"))[-_MAX_PHRASE:]


def _object(tokens: Sequence[Token], stops: Sequence[Span]) -> list[Token]:
    """Return the object phrase after the verb: up to a preposition, a time expression or a verb."""
    prepositions = load_cues()["prepositions"]
    words: list[Token] = []
    for k, token in enumerate(tokens):
        if _inside(token, stops) or (token.lower in _BREAKS) or token.text in ".!?":
            break
        if token.lower in prepositions:
            reaches_stop = any(_inside(t, stops) for t in tokens[k : k + 4])
            if words or reaches_stop:
                break
        if words and is_verb(tokens, k) and tokens[k - 1].lower not in _CONJUNCTIONS:
            break
        words.append(token)
        if sum(t.is_word for t in words) >= _MAX_OBJECT:
            break
    cues = load_cues()
    trailing = _CONJUNCTIONS | cues["determiners"] | cues["adverbs"]
    while words and (words[-1].lower in trailing or not words[-1].is_word):
        words.pop()
    return words


def _read(text: str, tokens: Sequence[Token], stops: Sequence[Span], target: int | None = None) -> Clause:
    """Return the clause's subject, the verb group governing ``target`` and its object.

    The governing group is the nearest before ``target``, or the first of the groups
    coordinated with it when no time expression stands between them.
    """
    groups = _verb_groups(tokens, stops)
    if not groups:
        return Clause()
    k = max(
        (i for i, g in enumerate(groups) if target is not None and tokens[g[0]].start < target), default=0
    )
    while k > 0 and not any(_inside(t, stops) for t in tokens[groups[k - 1][1] : groups[k][0]]):
        k -= 1
    first, last = groups[k]
    return Clause(
        subject=_phrase(text, _subject(tokens[: groups[0][0]], stops)),
        verb=_phrase(text, tokens[first : last + 1]),
        object=_phrase(text, _object(tokens[last + 1 :], stops)),
    )


def read_clause(text: str, span: Span, stops: Sequence[Span] = ()) -> Clause:
    """Return the subject, verb and object of the clause at ``span``, or its noun phrase if verbless.

    ``stops`` are the spans of time expressions, which end phrases and never join a label.

    >>> read_clause("since a long drought ended in 1987", (0, 34), [(30, 34)]).label
    'long drought ended'
    >>> read_clause("a week before the vote", (7, 22)).label
    'vote'
    """
    tokens = [t for t in locate_words(text) if span[0] <= t.start and t.end <= span[1]]
    clause = _read(text, tokens, stops)
    return clause if clause.verb else Clause(noun=_verbless(text, tokens, stops))


def _verbless(text: str, tokens: Sequence[Token], stops: Sequence[Span]) -> str:
    """Return the noun phrase of a verbless clause up to its time expression ("a three-day strike in 2018" -> "three-day strike")."""
    words = _strip([t for t in tokens if t.is_word], "boundaries", "prepositions")
    kept: list[Token] = []
    for token in words:
        if _inside(token, stops):
            break
        kept.append(token)
    cues = load_cues()
    while kept and kept[-1].lower in cues["prepositions"]:
        kept.pop()
    return _phrase(text, _strip(kept, "determiners")[-_MAX_PHRASE:])


def modified_noun(text: str, start: int, end: int) -> str:
    """Return the noun a time expression modifies ("Friday's vote", "the 2015 treaty"), or "".

    >>> modified_noun("ahead of Friday's vote, he said", 9, 15), modified_noun("on Monday, he said", 3, 9)
    ('vote', '')
    """
    cues = load_cues()
    after = text[end:]
    possessive = _POSSESSIVE.match(after)
    if possessive:
        after = after[possessive.end() :]
    elif not text[start:end].lower().endswith(("'s", "’s")):
        before = locate_words(text[:start])
        if not before or before[-1].lower not in cues["determiners"]:
            return ""
    tokens = locate_words(after)
    kept: list[Token] = []
    for i, token in enumerate(tokens):
        stop = (
            not token.is_word
            or not token.text[0].islower()
            or is_verb(tokens, i)
            or any(token.lower in cues[name] for name in ("prepositions", "boundaries", "determiners"))
            or token.lower in _CONJUNCTIONS
        )
        if stop or len(kept) == 3:
            break
        kept.append(token)
    return _phrase(after, kept)


def dated_event(text: str, start: int, end: int, stops: Sequence[Span] = ()) -> Clause:
    """Return what the time expression at ``text[start:end]`` dates; ``stops`` are all time expressions.

    >>> dated_event("Officials said on Monday that the army attacked.", 16, 22, [(16, 22)]).label
    'Officials said'
    >>> dated_event("During a storm in 2018, the dam broke.", 18, 22, [(18, 22)]).label
    'storm: dam broke'

    A verbless clause takes the verb of the clause it introduces (after the comma when
    it opens the sentence or starts with "that", "when" ...), else of the clause before.
    """
    stops = list(stops) or [(start, end)]
    noun = modified_noun(text, start, end)
    if noun:
        return Clause(noun=noun)
    clauses = _clauses(locate_words(text))
    here = next((i for i, c in enumerate(clauses) if c[0].start <= start < c[-1].end + 1), None)
    if here is None:
        return Clause()
    clause = _read(text, clauses[here], stops, start)
    if clause.verb:
        return clause
    setting = _verbless(text, clauses[here], stops)
    cues = load_cues()
    forward, backward = list(range(here + 1, len(clauses))), list(range(here - 1, -1, -1))
    opens_clause = (
        clauses[here][0].lower in cues["boundaries"] - cues["prepositions"]
    )  # "that in 2015, there were"
    for other in forward + backward if here == 0 or opens_clause else backward + forward:
        found = _read(text, clauses[other], stops)
        if found.verb:
            return Clause(setting, found.subject, found.verb, found.object)
    return Clause(noun=setting)


def content_stems(text: str) -> set[str]:
    """Return the lower-case content words of ``text``, crudely stemmed, for matching event mentions.

    >>> sorted(content_stems("The meetings of the strikers"))
    ['meet', 'striker']
    """
    cues = load_cues()
    function = (
        cues["determiners"]
        | cues["prepositions"]
        | cues["auxiliaries"]
        | cues["boundaries"]
        | {"of", "and", "or"}
    )
    stems = set()
    for token in locate_words(text):
        word = re.sub(r"['’]s?$", "", token.lower)
        if not token.is_word or word in function or len(word) < 3 or word.isdigit():
            continue
        for suffix in ("ings", "ing", "ed", "es", "s"):
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)]
                break
        stems.add(word)
    return stems
