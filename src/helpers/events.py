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

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from helpers.resources import data_sections

if TYPE_CHECKING:
    from helpers.timex import Timex

_TOKEN = re.compile(r"\w+(?:[-'’.&]\w+)*|[^\w\s]")
_BREAKS = frozenset(',;:()[]"“”—–-')
_POSSESSIVE = re.compile(r"['’]s?(?=\s)")
_POSSESSIVE_END = re.compile(r"['’]s?$")
_CONJUNCTIONS = frozenset({"and", "or", "but"})
_MAX_LABEL = 8  # words of a label; a number it would end on keeps its noun ("200 troops"), up to:
_NUMBER_GRACE = 2
_MAX_PHRASE = 6
_MAX_MODIFIERS = 3
_WINDOW = 250  # characters read on each side of a time expression: a label never needs more

Span = tuple[int, int]


class Token:
    """A word or punctuation mark and its offsets in the sentence.

    ``lower`` is the token in lower case without a final period ("Sen." -> "sen");
    ``is_word`` is True for a word, False for punctuation. Both are computed once:
    the event models read them for every word of every sentence (a plain class with
    slots: a frozen dataclass and properties cost a third of the timeline's time).

    >>> token = Token(0, 0, 4, "Sen.")
    >>> token.lower, token.is_word, token == Token(0, 0, 4, "Sen.")
    ('sen', True, True)
    """

    __slots__ = ("index", "start", "end", "text", "lower", "is_word")

    def __init__(self, index: int, start: int, end: int, text: str) -> None:
        self.index = index
        self.start = start
        self.end = end
        self.text = text
        self.lower = text.lower().rstrip(".")
        self.is_word = text[0].isalnum() or text[0] == "_"

    def __repr__(self) -> str:
        return f"Token(index={self.index!r}, start={self.start!r}, end={self.end!r}, text={self.text!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Token) and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def _fields(self) -> tuple[int, int, int, str]:
        """The fields a token is made of (``lower`` and ``is_word`` follow from ``text``)."""
        return (self.index, self.start, self.end, self.text)


@dataclass(frozen=True)
class Clause:
    """What a time expression dates: an event noun and/or a clause's subject, verb and object."""

    noun: str = ""
    subject: str = ""
    verb: str = ""
    object: str = ""
    heads: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """A short label: "noun: subject verb object", or whichever parts were found."""
        core = " ".join([part for part in (self.subject, self.verb, self.object) if part])
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


@lru_cache(maxsize=1)
def _word_sets() -> dict[str, frozenset[str]]:
    """Return the unions of cue sections the rules read for every expression, built once.

    >>> {"the", "of", "since"} <= _word_sets()["function"]
    True
    """
    cues = load_cues()
    return {
        "trailing": _CONJUNCTIONS | cues["determiners"] | cues["adverbs"],
        "label end": _CONJUNCTIONS | cues["determiners"] | cues["adverbs"] | cues["prepositions"] | {"of"},
        "openers": cues["boundaries"] - cues["prepositions"],
        "verb forms": cues["auxiliaries"] | cues["verbs"],
        "closed": cues["determiners"] | cues["prepositions"] | cues["boundaries"] | cues["auxiliaries"],
        "function": cues["determiners"]
        | cues["prepositions"]
        | cues["auxiliaries"]
        | cues["boundaries"]
        | {"of", "and", "or"},
    }


def locate_words(text: str) -> list[Token]:
    """Split ``text`` into words and punctuation marks with offsets, for reading clauses.

    Coarser than ``helpers.tokens.tokenize`` (no clitic split): a clause reader needs
    positions and whole words, a word counter needs Treebank pieces.

    >>> [t.text for t in locate_words("Friday's U.S. talks, 2019.")]
    ["Friday's", 'U.S', '.', 'talks', ',', '2019', '.']
    """
    return list(_sentence_words(text))


@lru_cache(maxsize=256)
def _sentence_words(text: str) -> tuple[Token, ...]:
    """Return the tokens of a sentence, found once: the tagger, the ranker and the label rules all read them."""
    return tuple(_scan(text))


def _scan(text: str) -> list[Token]:
    """Return the tokens of a piece of text (not cached: for the pieces read once)."""
    return [Token(i, m.start(), m.end(), m.group()) for i, m in enumerate(_TOKEN.finditer(text))]


def split_clauses(text: str) -> list[Span]:
    """Return the clauses of a sentence as character spans: punctuation and subordinators split it.

    >>> [("The talks began a day after the vote, officials said.")[a:b] for a, b in split_clauses(
    ...     "The talks began a day after the vote, officials said.")]
    ['The talks began a day', 'after the vote', 'officials said.']
    """
    return [(clause[0].start, clause[-1].end) for clause in _sentence_clauses(text)]


@lru_cache(maxsize=256)
def _sentence_clauses(text: str) -> tuple[tuple[Token, ...], ...]:
    """Return the clauses of a sentence as tuples of its tokens, grouped once per sentence."""
    return tuple(tuple(clause) for clause in _clauses(_sentence_words(text)))


def _clauses(tokens: Sequence[Token]) -> list[list[Token]]:
    """Group tokens into clauses: break at punctuation marks and before subordinators."""
    boundaries = load_cues()["boundaries"]
    clauses: list[list[Token]] = [[]]
    for k, token in enumerate(tokens):
        if token.text in _BREAKS and not _joins_digits(tokens, k):  # "1,100" stays one number
            clauses.append([])
            continue
        if token.lower in boundaries and clauses[-1]:
            clauses.append([])
        clauses[-1].append(token)
    return [clause for clause in clauses if clause]


def stop_mask(tokens: Sequence[Token], stops: Sequence[Span]) -> list[bool]:
    """Tell for each token whether it overlaps one of the spans (one merge pass over both, sorted).

    >>> stop_mask(locate_words("met on Monday"), [(7, 13)])
    [False, False, True]
    """
    spans = sorted(stops)
    mask, k, count = [], 0, len(spans)
    for token in tokens:
        start, end = token.start, token.end
        while k < count and spans[k][1] <= start:
            k += 1
        mask.append(
            k < count
            and spans[k][0] < end
            or k + 1 < count
            and spans[k + 1][0] < end
            and spans[k + 1][1] > start
        )
    return mask


def _inside(token: Token, spans: Sequence[Span]) -> bool:
    """Tell whether the token overlaps one of the spans (a loop: ``any`` over a generator cost twice as much)."""
    for start, end in spans:
        if token.start < end and token.end > start:
            return True
    return False


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
    token = tokens[i]
    word = token.lower
    if not token.is_word:
        return False
    if word in _word_sets()["verb forms"]:
        return True
    if not word.endswith("ed"):  # most words: the cue lists are read for the -ed words only
        return False
    cues = load_cues()
    before = tokens[i - 1].lower if i > 0 else ""
    return (
        len(word) > 3
        and "-" not in word
        and word not in cues["not_verbs"]
        and (token.text.islower() or i == 0)
        and before not in cues["determiners"]
        and before not in cues["prepositions"]
    )


def _verb_groups(tokens: Sequence[Token], stops: Sequence[Span]) -> list[Span]:
    """Return (first, last) positions in ``tokens`` of the clause's verb groups; the first needs a subject.

    One pass: whether a subject word has been seen is carried along, not rescanned.
    """
    cues = load_cues()
    lead = 1 if tokens and tokens[0].lower in cues["boundaries"] else 0
    relative = lead == 1 and tokens[0].lower in {"which", "who", "that"}
    stopped = stop_mask(tokens, stops)
    groups: list[Span] = []
    has_subject = relative
    i = lead
    while i < len(tokens):
        if stopped[i] or not is_verb(tokens, i) or not (has_subject or groups):
            has_subject = has_subject or (tokens[i].is_word and not stopped[i])
            i += 1
            continue
        last = i
        for j in range(i + 1, len(tokens)):
            if is_verb(tokens, j) and not stopped[j]:
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


def _object(tokens: Sequence[Token], stops: Sequence[Span], budget: int = _MAX_LABEL) -> list[Token]:
    """Return the object phrase after the verb: up to a preposition, a time expression, a verb or ``budget`` words.

    A phrase the budget cuts short ends before an unfinished coordination, and on no function word.
    """
    prepositions = load_cues()["prepositions"]
    words: list[Token] = []
    for k, token in enumerate(tokens):
        if (
            _inside(token, stops)
            or token.text in ".!?"
            or (token.lower in _BREAKS and not _joins_digits(tokens, k))
        ):
            break
        if token.lower in prepositions:
            reaches_stop = any(_inside(t, stops) for t in tokens[k : k + 4])
            if words or reaches_stop:
                break
        if words and is_verb(tokens, k) and tokens[k - 1].lower not in _CONJUNCTIONS:
            break
        spent = sum(t.is_word for t in words)
        if spent >= budget and not (_is_number(words[-1].text) and spent < budget + _NUMBER_GRACE):
            words = words[: _finished_length([t.lower for t in words])]
            while words and words[-1].lower in _word_sets()["label end"]:  # nor a preposition left hanging
                words.pop()
            break
        words.append(token)
    trailing = _word_sets()["trailing"]
    while words and (words[-1].lower in trailing or not words[-1].is_word):
        words.pop()
    return words


def _joins_digits(tokens: Sequence[Token], k: int) -> bool:
    """Tell whether ``tokens[k]`` is the comma of a number ("1,100"): digits on both sides, no space.

    >>> words = locate_words("1,100 people, 20 cars")
    >>> _joins_digits(words, 1), _joins_digits(words, 3)
    (True, False)
    """
    before, after = tokens[k - 1] if k else None, tokens[k + 1] if k + 1 < len(tokens) else None
    return (
        tokens[k].text == ","
        and before is not None
        and after is not None
        and before.end == tokens[k].start
        and after.start == tokens[k].end
        and before.text[-1:].isdigit()
        and after.text[:1].isdigit()
    )


def _is_number(word: str) -> bool:
    """Tell whether a word is a number ("200", "$1.4", "1,100"): a label never ends on one.

    >>> _is_number("200"), _is_number("$1.4"), _is_number("troops")
    (True, True, False)
    """
    return word.lstrip("$#£€")[:1].isdigit()


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
    return _group_clause(text, tokens, stops, groups[0][0], groups[k])


def _group_clause(
    text: str, tokens: Sequence[Token], stops: Sequence[Span], lead: int, group: Span, begin: int = 0
) -> Clause:
    """Return the clause of a verb group: its subject in ``tokens[begin:lead]``, the group, its object (eight words)."""
    first, last = group
    subject = _subject(tokens[begin:lead], stops)
    budget = max(_MAX_LABEL - len(subject) - (last - first + 1), 2)
    return Clause(
        subject=_phrase(text, subject),
        verb=_phrase(text, tokens[first : last + 1]),
        object=_phrase(text, _object(tokens[last + 1 :], stops, budget)),
    )


def read_clause(text: str, span: Span, stops: Sequence[Span] = ()) -> Clause:
    """Return the subject, verb and object of the clause at ``span``, or its noun phrase if verbless.

    ``stops`` are the spans of time expressions, which end phrases and never join a label.

    >>> read_clause("since a long drought ended in 1987", (0, 34), [(30, 34)]).label
    'long drought ended'
    >>> read_clause("a week before the vote", (7, 22)).label
    'vote'
    """
    tokens = [t for t in _sentence_words(text) if span[0] <= t.start and t.end <= span[1]]
    clause = _read(text, tokens, stops)
    return clause if clause.verb else Clause(noun=_verbless(text, tokens, stops))


def _verbless(text: str, tokens: Sequence[Token], stops: Sequence[Span]) -> str:
    """Return the noun phrase of a verbless clause up to its time expression.

    "a three-day strike in 2018" gives "three-day strike".
    """
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
        before = _last_token(text, start)
        if before is None or before.lower not in cues["determiners"]:
            return ""
    tokens: list[Token] = []  # read lazily: at most four words after the expression are looked at
    kept: list[Token] = []
    for i, match in enumerate(_TOKEN.finditer(after)):
        tokens.append(Token(i, match.start(), match.end(), match.group()))
        token = tokens[i]
        stop = (
            not token.is_word
            or not token.text[0].islower()
            or is_verb(tokens, i)
            or any(token.lower in cues[name] for name in ("prepositions", "boundaries", "determiners"))
            or token.lower in _CONJUNCTIONS
            or token.lower in ("of", "as")
        )
        if stop or len(kept) == 3:
            break
        kept.append(token)
    return _phrase(after, kept)


def _last_token(text: str, end: int) -> Token | None:
    """Return the last token of ``text[:end]``, reading only its last run of non-space characters.

    Tokens never hold a space, so that run splits as it does in the whole text.

    >>> _last_token("ahead of the 2015 treaty", 13).text, _last_token("  ", 2)
    ('the', None)
    """
    tail = end
    while tail > 0 and text[tail - 1].isspace():
        tail -= 1
    head = tail
    while head > 0 and not text[head - 1].isspace():
        head -= 1
    tokens = _scan(text[head:tail])
    return tokens[-1] if tokens else None


def dated_event(text: str, start: int, end: int, stops: Sequence[Span] = ()) -> Clause:
    """Return what the time expression at ``text[start:end]`` dates; ``stops`` are all time expressions.

    The event word is chosen by ``helpers.attachment.choose_event``; the label is its
    clause (subject, verb, object) or its noun phrase, and ``heads`` holds the word.

    >>> dated_event("Officials said on Monday that the army attacked.", 18, 24, [(18, 24)]).label
    'Officials said army attacked'
    >>> dated_event("During a storm in 2018, the dam broke.", 18, 22, [(18, 22)]).heads
    ('storm', 'broke')
    """
    return _fit(_dated(*_window(text, start, end, list(stops) or [(start, end)])))


def _fit(clause: Clause) -> Clause:
    """Shorten the object so that the label has at most eight words, ending on a content word (a number keeps its noun).

    An object cut inside a coordination ends before its unfinished part: "swaths of the hills
    and nearby [plains]" gives "swaths of the hills".
    """
    words = clause.object.split()
    spare = _MAX_LABEL - len(clause.label.split()) + len(words)
    if len(words) <= spare:
        return clause
    trailing = _word_sets()["label end"]
    keep = max(spare, 0)
    while 0 < keep < min(len(words), spare + _NUMBER_GRACE) and _is_number(words[keep - 1]):
        keep += 1  # "more than 200 troops", not "more than 200"
    words = words[:keep]
    words = words[: _finished_length([word.lower() for word in words])]
    while words and words[-1].lower() in trailing:
        words.pop()
    return replace(clause, object=" ".join(words))


def _finished_length(lowered: Sequence[str]) -> int:
    """Return how many words of a phrase cut short to keep: those before its last conjunction, or all.

    >>> _finished_length(["swaths", "of", "hills", "and", "nearby"]), _finished_length(["hills", "plains"])
    (3, 2)
    """
    last = max((k for k, word in enumerate(lowered) if word in _CONJUNCTIONS), default=0)
    return last or len(lowered)


def _dated(text: str, start: int, end: int, stops: list[Span]) -> Clause:
    """Return what the expression dates in a sentence already cut to its window (see ``dated_event``).

    When the chosen word alone heads it, its partner of the other kind joins the heads
    ("had", "loss"), see ``helpers.attachment.choose_events``.
    """
    from helpers.attachment import choose_events

    head, partner = choose_events(text, start, end, stops)
    clause = _dated_clause(text, start, end, stops, head)
    if head is None or partner is None or clause.heads[:1] != (head.text,):
        return clause
    return replace(clause, heads=(head.text, partner.text))


def _dated_clause(text: str, start: int, end: int, stops: list[Span], head: Token | None) -> Clause:
    """Return the clause the expression dates and its heads, given the chosen event word ``head``."""
    noun = modified_noun(text, start, end)
    if noun:  # "Friday's vote", "the 2015 treaty": the expression dates the noun
        inside = head is not None and head.lower in noun.lower().split()
        if inside or head is None or not _predicates(text, head):
            return Clause(noun=noun, heads=(head.text if inside else noun.split()[-1],))
        return Clause(noun=noun, heads=(noun.split()[-1], head.text))  # "profit grew": the noun and its verb
    clause = _read_rules(text, start, end, stops)
    if head is None:
        return clause
    label_words = {piece.lower().rstrip(".") for piece in _TOKEN.findall(clause.label)}  # Token.lower
    if head.lower in label_words and not _reports(clause):
        return replace(clause, heads=_heads(head, clause))
    if clause.verb and not _reports(clause) and _introduces(text, head.start, start, clause):
        return replace(clause, heads=(clause.verb.split()[-1],))
    chosen = _head_clause(text, head, stops)
    return replace(
        _with_report(text, head, stops, chosen) if _reports(chosen) else chosen, heads=(head.text,)
    )


def _predicates(text: str, head: Token) -> bool:
    """Tell whether the chosen word is a verb that can tell the event of a dated noun (not "said").

    >>> _predicates("Friday's vote failed", locate_words("Friday's vote failed")[2])
    True
    """
    return is_verb(locate_words(text), head.index) and head.lower not in load_cues()["reporting"]


def _with_report(text: str, head: Token, stops: Sequence[Span], clause: Clause) -> Clause:
    """Label a reporting verb with what was reported: "officials said the army attacked", at most eight words."""
    following = [c for c in _sentence_clauses(text) if c[0].index > head.index]
    for tokens in following[:2]:
        reported = _read(text, tokens, stops)
        if reported.verb:
            words = " ".join(p for p in (reported.subject, reported.verb, reported.object) if p).split()
            budget = max(_MAX_LABEL - len(f"{clause.subject} {clause.verb}".split()), 2)
            return Clause(subject=clause.subject, verb=clause.verb, object=" ".join(words[:budget]))
    return clause


def _introduces(text: str, head: int, start: int, clause: Clause) -> bool:
    """Tell whether the expression opens the clause after a subordinator ("found that in 2015, there were").

    Then the clause it introduces, not the word chosen before the subordinator, is dated.
    """
    between = _scan(text[head:start])[1:]
    boundaries = _word_sets()["openers"]
    opens = bool(between) and between[0].lower in boundaries and all(t.is_word for t in between)
    return opens and clause.verb.split()[-1] in text[start:]


def _heads(head: Token, clause: Clause) -> tuple[str, ...]:
    """Return the chosen word and, for a "noun: clause" label, the other of its verb and noun."""
    if not (clause.noun and clause.verb):
        return (head.text,)
    other = _noun_head(clause.noun) if head.lower in clause.verb.lower().split() else clause.verb.split()[-1]
    return (head.text, other) if other.lower() != head.lower else (head.text,)


def _noun_head(phrase: str) -> str:
    """Return the head of a noun phrase: its last word before a preposition ("trading" of "early trading in Tokyo").

    >>> _noun_head("early trading in Tokyo"), _noun_head("six-week war")
    ('trading', 'war')
    """
    words = phrase.split()
    prepositions = load_cues()["prepositions"] | {"of"}
    cut = next((k for k, word in enumerate(words) if k and word.lower() in prepositions), len(words))
    return words[cut - 1]


def _window(text: str, start: int, end: int, stops: list[Span]) -> tuple[str, int, int, list[Span]]:
    """Cut a long sentence to ``_WINDOW`` characters around the expression, at spaces; shift the offsets."""
    if len(text) <= 2 * _WINDOW + (end - start):
        return text, start, end, stops
    left = text.find(" ", max(start - _WINDOW, 0), start)
    left = 0 if start <= _WINDOW or left < 0 else left + 1
    right = text.rfind(" ", end, end + _WINDOW)
    right = len(text) if right < 0 or end + _WINDOW >= len(text) else right
    kept = [(a - left, b - left) for a, b in stops if a >= left and b <= right]
    return text[left:right], start - left, end - left, kept


def _reports(clause: Clause) -> bool:
    """Tell whether a clause's verb group is a reporting verb ("officials said")."""
    words = clause.verb.lower().split()
    return bool(words) and words[-1] in load_cues()["reporting"]


def _head_clause(text: str, head: Token, stops: Sequence[Span]) -> Clause:
    """Return the clause of the event word ``head``: its verb group's clause, else its noun phrase."""
    clause = next((c for c in _sentence_clauses(text) if c[0].index <= head.index <= c[-1].index), ())
    groups = _verb_groups(clause, stops)
    position = head.index - clause[0].index if clause else 0
    for k, group in enumerate(groups):
        if group[0] <= position <= group[1]:
            begin = groups[k - 1][1] + 1 if k else 0
            if k and _own_subject(clause[begin : group[0]]):  # "officials said the talks collapsed"
                return _group_clause(text, clause, stops, group[0], group, begin)
            return _group_clause(text, clause, stops, groups[0][0], group)
    closed = _word_sets()["closed"]
    modifiers: list[Token] = []
    for token in reversed(clause[:position]):
        if (
            not token.is_word
            or token.lower in closed
            or _inside(token, stops)
            or len(modifiers) == _MAX_MODIFIERS
        ):
            break
        modifiers.insert(0, token)
    return Clause(noun=_phrase(text, [*modifiers, clause[position]] if clause else [head]))


def _own_subject(between: Sequence[Token]) -> bool:
    """Tell whether the words between two verb groups are the second one's subject, not a shared one.

    Not when they are joined to the first ("Peru and") or modify it ("based on the platform").

    >>> [_own_subject(locate_words(w)) for w in ("the talks", "Peru and", "on the new platform")]
    [True, False, False]
    """
    words = [t for t in between if t.is_word]
    opening = load_cues()["prepositions"] | _CONJUNCTIONS | {"to", "of"}
    return bool(words) and words[0].lower not in opening and words[-1].lower not in _CONJUNCTIONS


def _read_rules(text: str, start: int, end: int, stops: Sequence[Span]) -> Clause:
    """Return the clause the expression dates by the clause rules alone (no model): its verb group, else the nearest.

    A verbless clause takes the verb of the clause it introduces (after the comma when
    it opens the sentence or starts with "that", "when" ...), else of the clause before.
    The caller has found no noun the expression modifies (``modified_noun``).
    """
    stops = list(stops) or [(start, end)]
    clauses = _sentence_clauses(text)
    here = next((i for i, c in enumerate(clauses) if c[0].start <= start < c[-1].end + 1), None)
    if here is None:
        return Clause()
    clause = _read(text, clauses[here], stops, start)
    if clause.verb:
        return clause
    setting = _verbless(text, clauses[here], stops)
    forward, backward = list(range(here + 1, len(clauses))), list(range(here - 1, -1, -1))
    opens_clause = clauses[here][0].lower in _word_sets()["openers"]  # "that in 2015, there were"
    for other in forward + backward if here == 0 or opens_clause else backward + forward:
        found = _read(text, clauses[other], stops)
        if found.verb:
            return Clause(setting, found.subject, found.verb, found.object)
    return Clause(noun=setting)


def attach_dates(
    text: str, published: date | None = None, timexes: Sequence[Timex] | None = None
) -> list[tuple[Timex, Clause]]:
    """Return every DATE and TIME expression of ``text`` with the event it dates (``timexes`` skips the tagger).

    >>> [(t.text, c.heads) for t, c in attach_dates("The dam broke in 1987. It rained.")]
    [('1987', ('broke',))]
    """
    from helpers.text import split_sentences

    if timexes is None:
        from helpers.timex import find_timexes

        timexes = find_timexes(text, published)
    timexes = sorted(timexes, key=lambda t: t.start)
    sentences = split_sentences(text)
    starts = [s.start for s in sentences]
    by_sentence: dict[int, list[Timex]] = {}
    for timex in timexes:
        k = bisect.bisect_right(starts, timex.start) - 1
        if k >= 0 and timex.end <= sentences[k].end:
            by_sentence.setdefault(k, []).append(timex)
    found = []
    for k, group in by_sentence.items():
        sentence = sentences[k]
        stops = [(t.start - sentence.start, t.end - sentence.start) for t in group]
        for timex, (start, end) in zip(group, stops):
            if timex.type in ("DATE", "TIME"):
                found.append((timex, dated_event(sentence.text, start, end, stops)))
    return found


@lru_cache(maxsize=256)  # a label is read when its event is placed and again as the event's keys
def content_stems(text: str) -> frozenset[str]:
    """Return the lower-case content words of ``text``, crudely stemmed, for matching event mentions.

    >>> sorted(content_stems("The meetings of the strikers"))
    ['meet', 'striker']
    """
    function = _word_sets()["function"]
    stems: set[str] = set()
    for piece in _TOKEN.findall(text):  # the tokens' texts: no ``Token`` is needed
        if not (piece[0].isalnum() or piece[0] == "_"):  # punctuation (``Token.is_word``)
            continue
        word = _POSSESSIVE_END.sub("", piece.lower())  # a word never ends on a period: no ``rstrip``
        if word in function or len(word) < 3 or word.isdigit():
            continue
        for suffix in ("ings", "ing", "ed", "es", "s"):
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)]
                break
        stems.add(word)
    return frozenset(stems)
