"""Separate a page dump's body from its boilerplate: title, standfirst, body, boilerplate.

Each paragraph is measured (``helpers.paragraph_features``) and scored by a
linear model whose weights are readable package data
(``data/boilerplate_weights.tsv``, fitted on development pages by
``benchmarks/fit_boilerplate.py``). The score is the local evidence; context
then decides, as in jusText's context pass and boilerpipe's block fusion: a
four-state sequence model (before the body, body, a gap inside the body, after
the body; ``data/boilerplate_layout.tsv``) finds the main body region, so a
short line between body paragraphs stays in and a stray prose block in the
footer stays out. Rules then name the title (the dump's first line), the
standfirst (the first paragraph when it is not body) and teasers that repeat a
body paragraph. Appeal sentences glued to body text are split off first.
"""

from __future__ import annotations

import math
import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from helpers.article import Article
from helpers.paragraph_features import (
    FEATURES,
    cue_words,
    is_repeated,
    measure_page,
    measure_rows,
    title_repeats,
    word_key,
    word_keys,
)
from helpers.resources import data_lines
from helpers.text import split_sentences

if TYPE_CHECKING:
    import numpy
    import pandas

LABELS = ("title", "standfirst", "body", "boilerplate")
REASONS = 3  # how many features a reason names at most
APPEAL_SCORE = -10.0  # the local score given to appeals: no body context can outweigh it
STATES = ("before", "body", "gap", "after")
_WORDS, _ADDRESS, _PUBLISHER, _APPEAL, _ACTION, _REPORTING, _QUOTE, _LINK = (
    FEATURES.index(name)
    for name in ("log_words", "address", "publisher", "appeal", "action", "reporting", "quote", "link")
)
_SENTENCE_GAP = re.compile(r"[.!?][\"\u201d\u2019]?\s+\S")  # a paragraph of one sentence has nothing to split
_ROUGH_END = re.compile(
    r"(?<=[.!?])[\"\u201d\u2019)]*\s+"
)  # any full stop and a blank: no abbreviations known
_ALLOWED = {("before", "before"), ("before", "body"), ("body", "body"), ("body", "gap"), ("body", "after"),
            ("gap", "gap"), ("gap", "body"), ("after", "after")}  # fmt: skip


@dataclass(frozen=True)
class Model:
    """The separator's parameters: feature weights, reason phrases and the layout of a page."""

    weights: tuple[float, ...]
    centres: tuple[float, ...]
    high: tuple[str, ...]
    low: tuple[str, ...]
    bias: float
    scale: float
    offset: float
    transitions: dict[tuple[str, str], float]


@dataclass(frozen=True)
class Separation:
    """Per-paragraph labels of an article, with the evidence behind them.

    ``paragraphs`` is the table; ``body``, ``title``, ``standfirst`` and
    ``boilerplate`` are the joined texts. ``features`` are the measured rows
    (``values`` the same as a float array), ``local`` the log-odds of body from
    the features alone, ``rules`` the reason where a rule decided, ``context``
    where the page layout overruled the local score. Reasons and the table are
    built on first use.
    """

    lines: tuple[int, ...]
    texts: tuple[str, ...]
    labels: tuple[str, ...]
    local: tuple[float, ...]
    features: tuple[tuple[float, ...], ...]
    rules: tuple[str, ...]
    context: tuple[str, ...]
    model: Model = field(repr=False)
    values: numpy.ndarray = field(repr=False, compare=False)

    @cached_property
    def scores(self) -> tuple[float, ...]:
        """Body likelihood of each paragraph from its own features (0 to 1, rounded)."""
        return tuple(likelihoods(self.local).tolist())

    @cached_property
    def reasons(self) -> tuple[str, ...]:
        """A short human-readable reason for each paragraph's label."""
        explained = explain(self.values, self.local, self.model)
        return tuple([
            rule or (f"{where}: " if where else "") + because
            for rule, where, because in zip(self.rules, self.context, explained)
        ])  # fmt: skip

    @cached_property
    def paragraphs(self) -> pandas.DataFrame:
        """Return the table: one row per paragraph with line, text, label, score and reason."""
        import numpy as np
        import pandas as pd

        columns = {"line": np.array(self.lines, dtype=np.int64), "text": self.texts, "label": self.labels}
        return pd.DataFrame({**columns, "score": likelihoods(self.local), "reason": self.reasons}, copy=False)

    def feature_table(self) -> pandas.DataFrame:
        """Return the measured features of each paragraph beside its line and label."""
        import pandas as pd

        table = pd.DataFrame(list(self.features), columns=list(FEATURES))
        table.insert(0, "label", list(self.labels))
        table.insert(0, "line", list(self.lines))
        return table

    def joined(self, label: str) -> str:
        """Return the texts with ``label``, one per line."""
        return "\n".join(text for text, found in zip(self.texts, self.labels) if found == label)

    @property
    def body(self) -> str:
        """The body paragraphs, in order, one per line."""
        return self.joined("body")

    @property
    def body_paragraphs(self) -> tuple[tuple[int, str], ...]:
        """The body paragraphs as (line number in the raw file, text), in order: ``body`` is their texts, one per line."""
        return tuple(
            (line, text) for line, text, label in zip(self.lines, self.texts, self.labels) if label == "body"
        )

    @property
    def title(self) -> str:
        """The page title (the dump's first line)."""
        return self.joined("title")

    @property
    def standfirst(self) -> str:
        """The standfirst (summary under the headline), or an empty string."""
        return self.joined("standfirst")

    @property
    def boilerplate(self) -> str:
        """Everything that is neither title, standfirst nor body, one per line."""
        return self.joined("boilerplate")


def read_table(name: str) -> list[list[str]]:
    """Return the tab-separated rows of a package data file, comments and header skipped.

    >>> read_table("boilerplate_weights.tsv")[0][0]
    'bias'
    """
    return [line.split("\t") for line in data_lines(name)][1:]


@lru_cache(maxsize=1)
def load_model() -> Model:
    """Return the shipped model (``data/boilerplate_weights.tsv`` and ``data/boilerplate_layout.tsv``).

    >>> len(load_model().weights) == len(FEATURES)
    True
    """
    rows = {row[0]: row for row in read_table("boilerplate_weights.tsv")}
    missing = [name for name in ("bias", "scale", "offset", *FEATURES) if name not in rows]
    if missing:
        raise ValueError(f"boilerplate_weights.tsv lacks rows for {', '.join(missing)}")
    transitions = {}
    for source, target, probability in read_table("boilerplate_layout.tsv"):
        if (source, target) not in _ALLOWED:
            raise ValueError(f"boilerplate_layout.tsv: transition {source} -> {target} is not allowed")
        transitions[(source, target)] = math.log(float(probability))
    return Model(
        weights=tuple(float(rows[name][1]) for name in FEATURES),
        centres=tuple(float(rows[name][2]) for name in FEATURES),
        high=tuple(rows[name][3] for name in FEATURES),
        low=tuple(rows[name][4] for name in FEATURES),
        bias=float(rows["bias"][1]),
        scale=float(rows["scale"][1]),
        offset=float(rows["offset"][1]),
        transitions=transitions,
    )


def asks_reader(row: Sequence[float], text: str, max_pointer_words: int = 25) -> bool:
    """Tell whether a paragraph (its feature row and text) is an appeal to the reader, not reporting.

    An appeal quotes no one and has no reporting verb, and either uses an appeal
    word (support, donate, subscribe...) while speaking to the reader or as the
    publisher, holding a link or opening with the request (an imperative); or is
    a short pointer elsewhere: an action word and a link ("for more, visit ...").

    >>> text = "For more on the summit, visit https://example.org/summit."
    >>> asks_reader(measure_page(["T", text])[1], text)
    True
    """
    if row[_REPORTING] or row[_QUOTE] or not (row[_APPEAL] or row[_ACTION]):
        return False
    if row[_LINK] and math.expm1(row[_WORDS]) <= max_pointer_words:
        return True
    first = cue_words().get(word_key(text[:40]).split(" ", 1)[0])
    voiced = row[_ADDRESS] or row[_PUBLISHER] or row[_LINK] or first in ("appeal", "action")
    return bool(row[_APPEAL] and voiced)


def is_appeal(sentence: str) -> bool:
    """Tell whether a sentence is an appeal to the reader (see ``asks_reader``).

    >>> is_appeal("Subscribe to keep this newsroom open."), is_appeal("He backed the plan, she said.")
    (True, False)
    """
    return appeal_flags([sentence])[0]


def appeal_flags(sentences: Sequence[str]) -> list[bool]:
    """Tell, for each sentence, whether it is an appeal to the reader (measured together, as one page).

    >>> appeal_flags(["Sign up for our newsletter.", "The talks ended."])
    [True, False]
    """
    rows = measure_rows(sentences, word_keys(sentences), [False] * len(sentences))
    return [asks_reader(row, sentence) for row, sentence in zip(rows, sentences)]


def split_appeals(text: str, min_words: int = 10) -> list[str]:
    """Split leading and trailing appeal sentences off a paragraph of other sentences (``min_words`` at least).

    >>> split_appeals("Please support us today. The minister resigned on Friday. She gave no reason for it.")
    ['Please support us today.', 'The minister resigned on Friday. She gave no reason for it.']
    """
    sentences = [sentence.text for sentence in split_sentences(text)]
    if len(sentences) < 2:
        return [text]
    flags = appeal_flags(sentences)
    start = 0
    while start < len(flags) and flags[start]:
        start += 1
    end = len(flags)
    while end > start and flags[end - 1]:
        end -= 1
    if start == end or (start == 0 and end == len(flags)) or any(flags[start:end]):
        return [text]
    if word_key(" ".join(sentences[start:end])).count(" ") + 1 < min_words:
        return [text]  # too little left over to be body text: keep the paragraph whole
    parts = [" ".join(sentences[:start]), " ".join(sentences[start:end]), " ".join(sentences[end:])]
    return [part for part in parts if part]


def segment(article: Article) -> tuple[list[tuple[int, int, str, str]], list[tuple[float, ...]]]:
    """Return (paragraph index, line, text, word key) for each piece, glued appeal sentences split off, and its feature row.

    The page is measured first; only paragraphs that use an appeal word (a
    feature) and hold more than one sentence are looked at for glued appeals,
    and only the pieces of a split paragraph are measured again.

    >>> from helpers.article import parse_article
    >>> pieces, rows = segment(parse_article("Title\\nSubscribe to our newsletter for more. The storm hit at dawn. Roofs fell in the town."))
    >>> [piece[2] for piece in pieces], len(rows)
    (['Title', 'Subscribe to our newsletter for more.', 'The storm hit at dawn. Roofs fell in the town.'], 3)
    """
    texts = [paragraph.text for paragraph in article.paragraphs]
    keys = word_keys(texts)
    rows = measure_page(texts, keys)
    pieces = list(zip(range(len(texts)), [paragraph.line for paragraph in article.paragraphs], texts, keys))
    glued = [
        index for index, (row, text) in enumerate(zip(rows, texts))
        if index and row[_APPEAL] and len(text) > 40 and _SENTENCE_GAP.search(text) is not None
    ]  # fmt: skip
    asking = edge_appeals([texts[index] for index in glued])
    for index in reversed(
        [index for index, asks in zip(glued, asking) if asks]
    ):  # from the end: positions stay put
        parts = split_appeals(texts[index])
        if len(parts) > 1:
            line, part_keys = pieces[index][1], word_keys(parts)
            pieces[index : index + 1] = [(index, line, part, key) for part, key in zip(parts, part_keys)]
            rows[index : index + 1] = measure_rows(parts, part_keys, title_repeats([keys[0], *part_keys])[1:])
    return pieces, rows


def edge_appeals(texts: Sequence[str]) -> list[bool]:
    """Tell, for each paragraph, whether its first or last sentence, split roughly at any full stop, is an appeal.

    A cheap test before the sentence splitter (``split_appeals``): most paragraphs
    that use an appeal word ("support", "sign") are reporting, and are left whole.

    >>> edge_appeals(["The minister resigned on Friday. Donate now to support our work.", "Rebels seized the town. The U.S. backed them."])
    [True, False]
    """
    edges = [(pieces[0], pieces[-1]) for pieces in map(_ROUGH_END.split, texts)]
    flags = appeal_flags([sentence for pair in edges for sentence in pair])
    return [first or last for first, last in zip(flags[::2], flags[1::2])]


def find_appeals(texts: Sequence[str], rows: Sequence[Sequence[float]]) -> list[str]:
    """Return, per paragraph, why it belongs to an appeal to the reader ("" when it does not).

    An appeal asks the reader to act (``asks_reader``); a neighbour joins it when
    it speaks as the publisher (we, our) with no quotation and no reporting verb
    (a donation box's pitch for its own journalism).

    >>> texts = ["T", "Our newsroom depends on readers.", "Become a member today to support our work.", "The talks ended."]
    >>> find_appeals(texts, measure_page(texts))
    ['', 'next to an appeal: speaks as the publisher, no reporting', 'an appeal to the reader, no reporting', '']
    """
    core = [
        index > 0 and bool(row[_APPEAL] or row[_ACTION]) and asks_reader(row, text)  # no request, no appeal
        for index, (row, text) in enumerate(zip(rows, texts))
    ]
    kinds = ["an appeal to the reader, no reporting" if appeal else "" for appeal in core]
    for index in [index for index, appeal in enumerate(core) if appeal]:
        for side in (index - 1, index + 1):
            if 0 < side < len(rows) and not core[side] and speaks_as_publisher(rows[side]):
                kinds[side] = "next to an appeal: speaks as the publisher, no reporting"
    return kinds


def speaks_as_publisher(row: Sequence[float]) -> bool:
    """Tell whether a paragraph (its feature row) speaks as the publisher (we, our), quoting no one and reporting nothing.

    >>> speaks_as_publisher(measure_page(["T", "Our newsroom depends on readers."])[1])
    True
    """
    return bool(row[_PUBLISHER] and not row[_REPORTING] and not row[_QUOTE])


def local_scores(rows: Sequence[Sequence[float]], model: Model) -> list[float]:
    """Return each paragraph's log-odds of being body from its features alone (``rows`` may be a float array).

    >>> local_scores([[0.0] * len(FEATURES)], load_model()) == [load_model().bias]
    True
    """
    import numpy as np

    if not len(rows):
        return []
    return (np.asarray(rows, dtype=float) @ np.asarray(model.weights) + model.bias).tolist()


def likelihoods(scores: Sequence[float]) -> numpy.ndarray:
    """Return log-odds as probabilities (0 to 1), rounded to three decimals, as a float array.

    >>> likelihoods([0.0, 2.0, -100.0]).tolist()
    [0.5, 0.881, 0.0]
    """
    import numpy as np

    return np.round(1.0 / (1.0 + np.exp(-np.clip(np.asarray(scores, dtype=float), -30.0, 30.0))), 3)


def decode_layout(scores: Sequence[float], model: Model) -> list[str]:
    """Return the most likely layout state of each paragraph (Viterbi over ``STATES``).

    >>> decode_layout([-3, 2, -3, 2, -6, -6], load_model())
    ['before', 'body', 'gap', 'body', 'after', 'after']
    """
    if not scores:
        return []
    t = model.transitions
    before_before, before_body = t[("before", "before")], t[("before", "body")]
    body_body, body_gap, body_after = t[("body", "body")], t[("body", "gap")], t[("body", "after")]
    gap_body, gap_gap, after_after = t[("gap", "body")], t[("gap", "gap")], t[("after", "after")]
    scale, offset = model.scale, model.offset
    before, body, gap, after = 0.0, scale * scores[0] + offset + before_body, -math.inf, -math.inf
    back = []
    for score in scores[
        1:
    ]:  # on a tie the later state in STATES wins, as max() over (score, state) pairs would
        stay, reopen, start = body + body_body, gap + gap_body, before + before_body
        if reopen >= stay and reopen >= start:
            into_body, from_body = reopen, 2
        elif stay >= start:
            into_body, from_body = stay, 1
        else:
            into_body, from_body = start, 0
        open_gap, keep_gap = body + body_gap, gap + gap_gap
        close, keep_after = body + body_after, after + after_after
        from_gap, into_gap = (2, keep_gap) if keep_gap >= open_gap else (1, open_gap)
        from_after, into_after = (3, keep_after) if keep_after >= close else (1, close)
        back.append((0, from_body, from_gap, from_after))
        before, body, gap, after = (
            before + before_before,
            into_body + scale * score + offset,
            into_gap,
            into_after,
        )
    ends = (before, body, gap, after)
    state = ends.index(max(ends))
    path = [state]
    for pointers in reversed(back):
        state = pointers[state]
        path.append(state)
    return [STATES[state] for state in reversed(path)]


def explain(rows: Sequence[Sequence[float]], scores: Sequence[float], model: Model) -> list[str]:
    """Return, per paragraph, the ``REASONS`` strongest reasons for its local score, as phrases (``rows`` may be an array).

    A reason is a feature's contribution ``weight * (value - centre)`` pushing
    the score's way by more than 0.25, named by its 'high' or 'low' phrase.

    >>> explain(measure_page(["T", "Subscribe to our newsletter"])[1:], [-4.0], load_model())[0].split(", ")[0]
    'asks for support or a subscription'
    """
    import numpy as np

    if not len(rows):
        return []
    values = np.asarray(rows, dtype=float)
    contributions = np.asarray(model.weights) * (values - np.asarray(model.centres))
    high = values > np.asarray(model.centres)
    named = np.where(high, [bool(phrase) for phrase in model.high], [bool(phrase) for phrase in model.low])
    toward_score = np.where(np.asarray(scores)[:, None] > 0, contributions, -contributions)
    strong = named & (toward_score > 0.25)
    order = np.argsort(np.where(strong, -np.abs(contributions), np.inf), axis=1, kind="stable")[:, :REASONS]
    every = np.arange(len(values))[:, None]
    picked = np.where(
        strong[every, order], order * 2 + ~high[every, order], -1
    )  # feature i: 2i high, 2i + 1 low
    phrases = [phrase for pair in zip(model.high, model.low) for phrase in pair]
    codes = (picked + 1) @ (len(phrases) + 1) ** np.arange(REASONS)  # one number per choice of phrases
    _, first, inverse = np.unique(codes, return_index=True, return_inverse=True)
    said = [
        ", ".join(dict.fromkeys(phrases[code] for code in choice if code >= 0)) or "no strong cue"
        for choice in picked[first].tolist()
    ]
    return [said[index] for index in inverse.tolist()]


def separate(article: Article, model: Model | None = None) -> Separation:
    """Label every paragraph of ``article`` as title, standfirst, body or boilerplate, with reasons.

    ``model`` defaults to the shipped one (``load_model()``).

    >>> from helpers.article import parse_article
    >>> text = ("Storm hits coast - News\\nMenu\\nThe storm hit the coast at dawn, and the river rose, officials said.\\n"
    ...         "Schools and roads were closed, and the police asked people to stay at home.\\nShare this")
    >>> separate(parse_article(text)).labels
    ('title', 'boilerplate', 'body', 'body', 'boilerplate')
    """
    import numpy as np

    model = model or load_model()
    pieces, rows = segment(article)
    origins, lines, texts, keys = zip(*pieces)
    values = np.asarray(rows, dtype=float)
    scores = local_scores(values, model)
    rules = find_appeals(texts, rows)
    evidence = [APPEAL_SCORE if rule else score for score, rule in zip(scores, rules)]
    states = ["before", *decode_layout(evidence[1:], model)]
    labels = ["body" if state == "body" else "boilerplate" for state in states]
    context = [
        "inside the body region" if label == "body" and score <= 0
        else "outside the main body region" if label == "boilerplate" and score > 0
        else ""
        for label, score in zip(labels, evidence)
    ]  # fmt: skip
    labels[0], rules[0] = "title", "the page title (first line of the dump)"
    mark_repeats(keys, labels, rules)
    mark_standfirst(rows, keys, labels, rules)
    if "body" not in labels:
        warnings.warn(f"{article.path or 'text'}: no body paragraph found; the body is empty", stacklevel=2)
    if len(texts) == len(article.paragraphs):  # no paragraph was split: each piece is a row
        return Separation(
            lines,
            texts,
            tuple(labels),
            tuple(scores),
            tuple(rows),
            tuple(rules),
            tuple(context),
            model,
            values,
        )
    groups = merge_split_boilerplate(origins, labels)
    # the most boilerplate piece of a rejoined paragraph speaks for it
    shown = [
        min(group, key=evidence.__getitem__) if len(group) > 1 else group[0] for group in groups.values()
    ]
    return Separation(
        lines=tuple(map(lines.__getitem__, groups)),
        texts=tuple([" ".join(map(texts.__getitem__, group)) for group in groups.values()]),
        labels=tuple(map(labels.__getitem__, groups)),
        local=tuple(map(scores.__getitem__, shown)),
        features=tuple(map(rows.__getitem__, shown)),
        rules=tuple(map(rules.__getitem__, shown)),
        context=tuple(map(context.__getitem__, shown)),
        model=model,
        values=values[shown],
    )


def merge_split_boilerplate(origins: Sequence[int], labels: Sequence[str]) -> dict[int, list[int]]:
    """Return {first piece: pieces} so that split pieces of one paragraph are rejoined unless one is body.

    >>> merge_split_boilerplate([0, 1, 1, 2, 2], ["title", "boilerplate", "boilerplate", "boilerplate", "body"])
    {0: [0], 1: [1, 2], 3: [3], 4: [4]}
    """
    groups: dict[int, list[int]] = {}
    first = -1
    for index, origin in enumerate(origins):
        joined = index > 0 and origin == origins[index - 1] and "body" not in (labels[index], labels[first])
        if joined:
            groups[first].append(index)
        else:
            first = index
            groups[first] = [index]
    return groups


def mark_repeats(keys: Sequence[str], labels: list[str], rules: list[str], head_words: int = 6) -> None:
    """Relabel a body paragraph as boilerplate when it opens like a later body paragraph (a teaser, a summary).

    >>> labels = ["title", "body", "body"]
    >>> mark_repeats(["t", "rain fell on the town all day", "rain fell on the town all day long"], labels, ["", "", ""])
    >>> labels
    ['title', 'boilerplate', 'body']
    """
    later_body: set[str] = set()
    for index in range(len(keys) - 1, 0, -1):
        if labels[index] != "body":
            continue
        words = keys[index].split(" ", head_words)
        if len(words) < head_words:
            continue
        head = " ".join(words[:head_words])
        if head in later_body:
            labels[index] = "boilerplate"
            rules[index] = "repeats the start of a later body paragraph (a teaser or summary)"
        else:
            later_body.add(head)


def mark_standfirst(
    rows: Sequence[Sequence[float]],
    keys: Sequence[str],
    labels: list[str],
    rules: list[str],
    min_words: int = 8,
) -> None:
    """Label the paragraph right after the title as the standfirst when it is prose outside the body (``keys``: word keys).

    >>> texts = ["Storm hits", "The storm hit the coast at dawn and the river rose.", "The storm hit the coast at dawn, officials said."]
    >>> labels, rules = ["title", "boilerplate", "body"], ["", "", ""]
    >>> mark_standfirst(measure_page(texts), word_keys(texts), labels, rules)
    >>> labels[1], rules[1]
    ('standfirst', 'standfirst: prose right under the title, repeats the opening of a body paragraph')
    """
    if len(labels) < 3 or labels[1] == "body" or "body" not in labels[2:]:
        return
    features = dict(zip(FEATURES, rows[1]))
    prose = math.expm1(features["log_words"]) >= min_words and features["function_share"] >= 0.2
    asks = features["address"] + features["action"] + features["site"] + features["link"] > 0
    if prose and not asks:
        labels[1] = "standfirst"
        where = "repeats the opening of a body paragraph" if is_repeated(keys, 1) else "before the body"
        rules[1] = f"standfirst: prose right under the title, {where}"
