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
import operator
import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import compress, repeat
from typing import TYPE_CHECKING

from helpers.article import Article
from helpers.paragraph_features import (
    FEATURES,
    AppealCues,
    Features,
    cue_phrases,
    cue_words,
    is_repeated,
    measure_appeal_cues,
    measure_page,  # noqa: F401 (the doctests measure their examples with it)
    measure_texts,
    read_page,
    read_words,
    title_repeats,
    word_key,
)
from helpers.resources import data_lines
from helpers.text import split_sentences

if TYPE_CHECKING:
    import pandas

LABELS = ("title", "standfirst", "body", "boilerplate")
REASONS = 3  # how many features a reason names at most
APPEAL_SCORE = -10.0  # the local score given to appeals: no body context can outweigh it
STATES = ("before", "body", "gap", "after")
_NOT_BASE_FORM = (
    "s",
    "ed",
    "ing",
    "er",
    "ion",
    "ism",
)  # endings of nouns and inflected verbs, not of an imperative
NUMERIC_SCORE = (
    -1.0
)  # the highest local score of a letterless or numeric line: it may sit inside a body, never make one
# Fields of a feature row, read by C code over a page's rows
_APPEAL, _COMMENT, _CREDIT_CUES = map(operator.attrgetter, ("appeal", "comment", "credit"))
_APPEAL_OR_ACTION = operator.attrgetter("appeal", "action")
_EMBED = re.compile(r"<iframe|<script|<embed|^embed\b|\bembed code\b", re.IGNORECASE)
_CREDIT = re.compile(
    r"^(?:photo|image|picture|video|graphic|illustration|credit|source|caption)s?(?:\s+(?:by|credit|courtesy))?\s*[:|/]"
    r"|\((?:[^()]*\b)?(?:photo|image|picture|credit|file)s?\b[^()]*\)\s*$|/\s*(?:getty|shutterstock|afp|reuters|ap)\b"
    r"|\b(?:getty images|shutterstock|courtesy of|handout)\W*$|\u00a9",
    re.IGNORECASE,
)  # "Photo: ...", "(AP Photo/...)", ".../ Getty Images", "(Courtesy of ...)", "\u00a9 ..."
_SHARE = re.compile(
    r"\W*(?:e-?mail|share|print|send|forward)\b.{0,40}\b(?:friend|this|story|article|page|link|colleague)s?\W*$",
    re.IGNORECASE,
)  # "E-mail to a friend", "Share this story"
_SHARE_WORDS = ("e", "share", "print", "send", "forward")  # what the word key of a share link starts with
_TRANSCRIPT = re.compile(
    r"\btranscript\b.{0,120}\b(?:edited|provided|final form|may not|produced|updated|copy|accuracy|clarity)\b",
    re.IGNORECASE,
)  # "This transcript has been edited for clarity", "rush transcript ... may not be in its final form"
_OTHER_STORIES = re.compile(
    r"\W*(?:related(?:\s+(?:articles?|stories|posts|news|content|coverage|links|reading|topics|videos?))?"
    r"|more\s+(?:from|in|on|stories|articles|news|to explore|like this)\b.{0,60}"
    r"|(?:recommended|suggested|popular|trending|latest|top|other)\s+(?:for you|stories|articles|posts|reads|videos)"
    r"|(?:you|we think you)\s+(?:may|might|will|could)\s+(?:also\s+)?(?:like|enjoy|be interested in)"
    r"|(?:most|more)\s+(?:read|popular|viewed|shared|commented|emailed)(?:\s+(?:stories|articles|now|today))?"
    r"|further reading|editor'?s\s+(?:picks|choice)"
    r"|(?:around|from)\s+the\s+web|sponsored\s+(?:stories|content|links)|what to read next)\W*$",
    re.IGNORECASE,
)  # the heading of a list of other stories: "Related Stories", "More from the Times", "You may also like"
_TOKEN = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")  # a word, as in ``word_key``
_VOICES = ("address", "publisher")  # the cue categories of the reader and the publisher
_INTERVIEW = re.compile(r"[QA]:\s")  # an interview's question or answer: someone else speaking
_THIRD_PERSON = re.compile(r"\b(?:he|she|they|his|her|hers|their|him|them)\b", re.IGNORECASE)
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
    ``boilerplate`` are the joined texts. ``features`` are the measured rows,
    ``local`` the log-odds of body from
    the features alone, ``rules`` the reason where a rule decided, ``context``
    where the page layout overruled the local score. Reasons and the table are
    built on first use.
    """

    lines: tuple[int, ...]
    texts: tuple[str, ...]
    labels: tuple[str, ...]
    local: tuple[float, ...]
    features: tuple[Features, ...]
    rules: tuple[str, ...]
    context: tuple[str, ...]
    model: Model = field(repr=False)

    @cached_property
    def scores(self) -> tuple[float, ...]:
        """Body likelihood of each paragraph from its own features (0 to 1, rounded)."""
        return tuple(likelihoods(self.local))

    @cached_property
    def reasons(self) -> tuple[str, ...]:
        """A short human-readable reason for each paragraph's label."""
        explained = explain(self.features, self.local, self.model)
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
        scores = np.array(self.scores, dtype=float)  # a float column, even for no rows
        return pd.DataFrame({**columns, "score": scores, "reason": self.reasons}, copy=False)

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
        """The body paragraphs as (line number in the raw file, text), in order.

        ``body`` is their texts, one per line.
        """
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


def asks_reader(row: Features | AppealCues, text: str, max_pointer_words: int = 25) -> bool:
    """Tell whether a paragraph (its feature row and text) is an appeal to the reader, not reporting.

    An appeal quotes no one (no quotation, no interview's "Q:" or "A:") and has
    no reporting verb, and has an appeal's shape: it opens with the request (an
    imperative: "Subscribe", "Sign up"), or an appeal word (support, donate,
    subscribe...) stands within a few words of the reader or the publisher
    ("your donation", "support us", "our newsletter"); or it is a short pointer
    elsewhere: an action word and a link ("for more, visit ...") that tells of no
    one (he, she, they). A story about subscribers is not an appeal.

    >>> text = "For more on the summit, visit https://example.org/summit."
    >>> asks_reader(measure_page(["T", text])[1], text)
    True
    >>> text = "The network said its subscribers can now watch the series at no extra cost to them."
    >>> asks_reader(measure_page(["T", text])[1], text)
    False
    """
    if row.reporting or row.quote or not (row.appeal or row.action) or _INTERVIEW.match(text):
        return False
    if row.link and row.log_words <= math.log1p(max_pointer_words):
        return _THIRD_PERSON.search(text) is None  # "she shared the link" tells of someone, asks no one
    return bool(row.appeal) and (opens_with_request(text) or appeal_near_voice(text))


def opens_with_request(text: str) -> bool:
    """Tell whether a text opens with an appeal or action word (an imperative: "Subscribe", "Sign up", "Join").

    >>> opens_with_request("Sign up for our newsletter"), opens_with_request("Subscribers rose by 3%")
    (True, False)
    """
    words = word_key(text[:40]).split(" ")
    cues = cue_words()
    first = words[0] if cues.get(words[0]) in ("appeal", "action") else " ".join(words[:2])
    return cues.get(first) in ("appeal", "action") and not first.endswith(_NOT_BASE_FORM)


def appeal_near_voice(text: str, window: int = 3) -> bool:
    """Tell whether an appeal word stands within ``window`` words of a word for the reader or the publisher.

    Words in capitals in a text that is not all capitals are acronyms ("US"), not voices.

    >>> appeal_near_voice("Your donation keeps us going")
    True
    >>> appeal_near_voice("You will hear a soft click when the lid shuts")
    False
    """
    cues, phrases, capitals = cue_words(), cue_phrases(), not text.isupper()
    tokens = _TOKEN.findall(text)
    words = " ".join(tokens).lower().replace("\u2019", "'").split()  # the text's word key, word by word
    kinds = list(map(cues.get, words))
    voices = [  # a voice word in capitals in a text that is not all capitals is an acronym ("US")
        index for index, (token, kind) in enumerate(zip(tokens, kinds))
        if kind in _VOICES and not (capitals and len(token) > 1 and token.isupper() and cues.get(token.lower()))
    ]  # fmt: skip
    appeals = [
        index for index, (word, kind) in enumerate(zip(words, kinds))
        if kind == "appeal" or (word in phrases and cues.get(" ".join(words[index : index + 2])) == "appeal")
    ]  # fmt: skip
    near = {
        voice + offset for voice in voices for offset in range(-window, window + 1)
    }  # linear in the words
    return not near.isdisjoint(appeals)


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
    rows = measure_appeal_cues(sentences, read_words(sentences))
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


@dataclass
class Pieces:
    """The pieces of a page, as columns: its paragraphs, some split in parts where appeal sentences were glued on."""

    paragraphs: list[int]  # per piece, the index of its paragraph in ``Article.paragraphs``
    lines: list[int]  # its paragraph's line in the dump
    texts: list[str]
    keys: list[str]  # their ``word_key``
    features: list[Features]

    def split(
        self, index: int, texts: Sequence[str], keys: Sequence[str], features: Sequence[Features]
    ) -> None:
        """Replace piece ``index`` by its parts (their texts, word keys and features).

        >>> pieces = Pieces([0, 1], [1, 2], ["T", "a b"], ["t", "a b"], measure_page(["T", "a b"]))
        >>> pieces.split(1, ["a", "b"], ["a", "b"], measure_page(["a", "b"]))
        >>> pieces.paragraphs, pieces.lines, pieces.texts
        ([0, 1, 1], [1, 2, 2], ['T', 'a', 'b'])
        """
        paragraph, line = self.paragraphs[index], self.lines[index]
        self.paragraphs[index : index + 1] = [paragraph] * len(texts)
        self.lines[index : index + 1] = [line] * len(texts)
        self.texts[index : index + 1] = texts
        self.keys[index : index + 1] = keys
        self.features[index : index + 1] = features


def segment(article: Article) -> Pieces:
    """Return the pieces of a page: its paragraphs, with glued appeal sentences split off, each measured.

    The page is measured first; only paragraphs that use an appeal word (a
    feature) and hold more than one sentence are looked at for glued appeals,
    and only the pieces of a split paragraph are measured again.

    >>> from helpers.article import parse_article
    >>> page = "Title\\nSubscribe to our newsletter for more. The storm hit at dawn. Roofs fell in the town."
    >>> pieces = segment(parse_article(page))
    >>> list(zip(pieces.paragraphs, pieces.texts))
    [(0, 'Title'), (1, 'Subscribe to our newsletter for more.'), (1, 'The storm hit at dawn. Roofs fell in the town.')]
    """
    texts = [paragraph.text for paragraph in article.paragraphs]
    keys, rows = read_page(texts)
    lines = [paragraph.line for paragraph in article.paragraphs]
    glued = [
        index for index in compress(range(1, len(texts)), map(_APPEAL, rows[1:]))  # those using an appeal word
        if len(texts[index]) > 40 and _SENTENCE_GAP.search(texts[index]) is not None
    ]  # fmt: skip
    asking = [index for index, asks in zip(glued, edge_appeals([texts[index] for index in glued])) if asks]
    pieces = Pieces(list(range(len(texts))), lines, list(texts), list(keys), list(rows))
    for index in reversed(asking):  # from the end: the indices before it hold
        parts = split_appeals(texts[index])
        if len(parts) > 1:
            wording = read_words(parts)
            repeats = title_repeats([keys[0], *wording.keys])[1:]
            pieces.split(index, parts, wording.keys, measure_texts(parts, wording, repeats))
    return pieces


def edge_appeals(texts: Sequence[str]) -> list[bool]:
    """Tell, for each paragraph, whether its first or last sentence, split roughly at any full stop, is an appeal.

    A cheap test before the sentence splitter (``split_appeals``): most paragraphs
    that use an appeal word ("support", "sign") are reporting, and are left whole.

    >>> edge_appeals(["The minister resigned on Friday. Donate now to support our work.",
    ...               "Rebels seized the town. The U.S. backed them."])
    [True, False]
    """
    edges = [(pieces[0], pieces[-1]) for pieces in map(_ROUGH_END.split, texts)]
    flags = appeal_flags([sentence for pair in edges for sentence in pair])
    return [first or last for first, last in zip(flags[::2], flags[1::2])]


def find_appeals(texts: Sequence[str], rows: Sequence[Features]) -> list[str]:
    """Return, per paragraph, why it belongs to an appeal to the reader ("" when it does not).

    An appeal asks the reader to act (``asks_reader``); a neighbour joins it when
    it speaks as the publisher (we, our) with no quotation and no reporting verb
    (a donation box's pitch for its own journalism).

    >>> texts = ["T", "Our newsroom depends on readers.", "Become a member today to support our work.",
    ...          "The talks ended."]
    >>> find_appeals(texts, measure_page(texts))
    ['', 'next to an appeal: speaks as the publisher, no reporting', 'an appeal to the reader, no reporting', '']
    """
    requests = compress(range(len(rows)), map(any, map(_APPEAL_OR_ACTION, rows)))  # no request, no appeal
    core = {index for index in requests if index > 0 and asks_reader(rows[index], texts[index])}
    kinds = [""] * len(rows)
    for index in core:
        kinds[index] = "an appeal to the reader, no reporting"
        for side in (index - 1, index + 1):
            if 0 < side < len(rows) and side not in core and speaks_as_publisher(rows[side]):
                kinds[side] = "next to an appeal: speaks as the publisher, no reporting"
    return kinds


def speaks_as_publisher(row: Features) -> bool:
    """Tell whether a paragraph (its feature row) speaks as the publisher (we, our), quoting and reporting nothing.

    >>> speaks_as_publisher(measure_page(["T", "Our newsroom depends on readers."])[1])
    True
    """
    return bool(row.publisher and not row.reporting and not row.quote)


def local_scores(rows: Sequence[Features], model: Model) -> list[float]:
    """Return each paragraph's log-odds of being body from its features alone: ``bias + sum(weight * value)``.

    >>> local_scores([[0.0] * len(FEATURES)], load_model()) == [load_model().bias]
    True
    """
    weights = model.weights
    return [
        sum(map(operator.mul, compress(weights, row), compress(row, row))) + model.bias for row in rows
    ]  # most features are 0 or False: only the others are multiplied (a zero term adds nothing, bit for bit)


def likelihoods(scores: Sequence[float]) -> list[float]:
    """Return log-odds as probabilities (0 to 1), rounded to three decimals.

    >>> likelihoods([0.0, 2.0, -100.0])
    [0.5, 0.881, 0.0]
    """
    probabilities = (1.0 / (1.0 + math.exp(-min(max(score, -30.0), 30.0))) for score in scores)
    return [round(probability * 1000.0) / 1000.0 for probability in probabilities]  # as numpy.round does


def decode_layout(scores: Sequence[float], model: Model) -> list[str]:
    """Return the most likely layout state of each paragraph (Viterbi over ``STATES``).

    Each state keeps the log-probability of the best path ending in it; a body
    paragraph adds its evidence ``scale * score + offset``, the other states add
    nothing. A state is reached from the states it may follow (``_ALLOWED``);
    on a tie the later state in ``STATES`` wins, so each candidate below is
    tried from the latest and replaced only by a strictly better one.

    >>> decode_layout([-3, 2, -3, 2, -6, -6], load_model())
    ['before', 'body', 'gap', 'body', 'after', 'after']
    """
    if not scores:
        return []
    log_p = model.transitions
    stay_before, open_body, stay_body = (
        log_p[("before", "before")],
        log_p[("before", "body")],
        log_p[("body", "body")],
    )
    open_gap, stay_gap, close_gap = log_p[("body", "gap")], log_p[("gap", "gap")], log_p[("gap", "body")]
    close_body, stay_after = log_p[("body", "after")], log_p[("after", "after")]
    gains = [
        model.scale * score + model.offset for score in scores
    ]  # what a paragraph adds to the body state
    before, body, gap, after = 0.0, gains[0], -math.inf, -math.inf  # the body may open under the title
    back = []  # per paragraph after the first: the previous state (index in STATES) of each state's best path
    for gain in gains[1:]:
        into_body, body_from = gap + close_gap, 2
        if body + stay_body > into_body:
            into_body, body_from = body + stay_body, 1
        if before + open_body > into_body:
            into_body, body_from = before + open_body, 0
        into_gap, gap_from = gap + stay_gap, 2
        if body + open_gap > into_gap:
            into_gap, gap_from = body + open_gap, 1
        into_after, after_from = after + stay_after, 3
        if body + close_body > into_after:
            into_after, after_from = body + close_body, 1
        back.append((0, body_from, gap_from, after_from))
        before += stay_before
        body, gap, after = into_body + gain, into_gap, into_after
    ends = [before, body, -math.inf, after]  # a gap lies inside the body: the page cannot end in one
    state = ends.index(max(ends))
    path = [state]
    for previous in reversed(back):
        state = previous[state]
        path.append(state)
    return [STATES[state] for state in reversed(path)]


def explain(rows: Sequence[Features], scores: Sequence[float], model: Model) -> list[str]:
    """Return, per paragraph, the ``REASONS`` strongest reasons for its local score, as phrases.

    A reason is a feature's contribution ``weight * (value - centre)`` pushing
    the score's way by more than 0.25, named by its 'high' or 'low' phrase. A
    page repeats its menus: each distinct row and score is explained once.

    >>> explain(measure_page(["T", "Subscribe to our newsletter"])[1:], [-4.0], load_model())[0].split(", ")[0]
    'asks for support or a subscription'
    """
    paragraphs = list(zip(rows, scores))
    reasons = {paragraph: explain_row(*paragraph, model) for paragraph in dict.fromkeys(paragraphs)}
    return [reasons[paragraph] for paragraph in paragraphs]


def explain_row(row: Sequence[float], score: float, model: Model) -> str:
    """Return the ``REASONS`` strongest reasons for one paragraph's local score (see ``explain``).

    >>> explain_row(load_model().centres, 1.0, load_model())
    'no strong cue'
    """
    pushes = []  # (-strength, feature, phrase): the strongest first, ties in feature order
    for feature, (value, weight, centre) in enumerate(zip(row, model.weights, model.centres)):
        contribution = weight * (value - centre)
        phrase = model.high[feature] if value > centre else model.low[feature]
        if phrase and (contribution if score > 0 else -contribution) > 0.25:
            pushes.append((-abs(contribution), feature, phrase))
    strongest = [phrase for *_, phrase in sorted(pushes)[:REASONS]]
    return ", ".join(dict.fromkeys(strongest)) or "no strong cue"


def separate(article: Article, model: Model | None = None) -> Separation:
    """Label every paragraph of ``article`` as title, standfirst, body or boilerplate, with reasons.

    ``model`` defaults to the shipped one (``load_model()``).

    >>> from helpers.article import parse_article
    >>> text = ("Storm hits coast - News\\nMenu\\n"
    ...         "The storm hit the coast at dawn, and the river rose, officials said.\\n"
    ...         "Schools and roads were closed, and the police asked people to stay at home.\\nShare this")
    >>> separate(parse_article(text)).labels
    ('title', 'boilerplate', 'body', 'body', 'boilerplate')
    """
    model = model or load_model()
    pieces = segment(article)
    texts, keys, rows = pieces.texts, pieces.keys, pieces.features
    scores = local_scores(rows, model)
    rules = [
        appeal or furniture
        for appeal, furniture in zip(find_appeals(texts, rows), find_furniture(texts, keys, rows))
    ]
    numeric = [is_numeric(row) for row in rows]
    evidence = [
        APPEAL_SCORE if rule else min(score, NUMERIC_SCORE) if number else score
        for score, rule, number in zip(scores, rules, numeric)
    ]  # fmt: skip
    tables = find_tables(rows, rules, numeric)
    states = ["before", *decode_blocks(evidence, tables, len(evidence), model)]
    start = states.index("body") if "body" in states else len(states)
    others = find_other_stories(texts, rows, states, start)
    thread = min(find_thread(rows, start), others)
    if thread < len(states):  # a comment thread or a list of other stories after the body start ends it
        states = [
            "before",
            *decode_blocks(evidence, tables, thread, model),
            *["after"] * (len(states) - thread),
        ]
    states = trim_numeric_edges(keep_list_items(states, rows, rules), rows)
    labels = ["body" if state == "body" else "boilerplate" for state in states]
    in_table = {index for table in tables for index in table}
    context = [
        "a table inside the body region (one block in the layout)" if label == "body" and index in in_table
        else "inside the body region" if label == "body" and score <= 0
        else "in the list of other stories after the body" if index >= others
        else "in the comment thread after the body" if index >= thread
        else "outside the main body region" if label == "boilerplate" and score > 0
        else ""
        for index, (label, score) in enumerate(zip(labels, evidence))
    ]  # fmt: skip
    rules = [
        "numbers or symbols, no prose: never body evidence on its own"
        if label == "boilerplate" and not rule and number else rule
        for rule, label, number in zip(rules, labels, numeric)
    ]  # fmt: skip
    labels[0], rules[0] = "title", "the page title (first line of the dump)"
    mark_repeats(keys, labels, rules)
    mark_standfirst(rows, keys, labels, rules)
    if "body" not in labels:
        warnings.warn(f"{article.path or 'text'}: no body paragraph found; the body is empty", stacklevel=2)
    firsts, shown, joined = merge_split_boilerplate(pieces.paragraphs, labels, evidence, texts)
    return Separation(
        lines=pick(pieces.lines, firsts),
        texts=tuple(joined),
        labels=pick(labels, firsts),
        local=pick(scores, shown),
        features=pick(rows, shown),
        rules=pick(rules, shown),
        context=pick(context, shown),
        model=model,
    )


def pick(values: Sequence, indices: Sequence[int]) -> tuple:
    """Return the values at ``indices`` as a tuple (at once when ``indices`` is ``range(len(values))``: all of them).

    >>> pick("abc", [2, 0]), pick("abc", range(3))
    (('c', 'a'), ('a', 'b', 'c'))
    """
    return tuple(values) if indices == range(len(values)) else tuple(map(values.__getitem__, indices))


def find_tables(
    rows: Sequence[Features],
    rules: Sequence[str],
    numeric: Sequence[bool],
    min_numbers: int = 6,
    max_cell_words: int = 4,
) -> list[range]:
    """Return the spans of the page's tables: runs of cells, headers and row names with the numbers.

    A dump puts each cell of a table on a line of its own. A cell is a
    letterless or numeric line, or a short line (``max_cell_words`` words at
    most) that no rule named and that shows no furniture; a table holds at least
    ``min_numbers`` numeric lines, and they are at least half of its cells.
    ``rules`` and ``numeric`` say, per paragraph, what rule named it and whether it ``is_numeric``.

    >>> cells = ["Team", "Won", "Lost", "Red Rovers", "12", "3", "Blue Bells", "9", "6", "Green Gulls", "7", "8"]
    >>> texts = ["T", "The league table after the last round:", *cells, "The season ends in May."]
    >>> rows = measure_page(texts)
    >>> find_tables(rows, [""] * len(texts), [is_numeric(row) for row in rows])
    [range(2, 14)]
    """
    if sum(numeric) < min_numbers:
        return []  # too few numbers on the page for a table
    cell_limit = math.log1p(max_cell_words)
    cells = [
        index > 0 and not rule and (number or (row.log_words <= cell_limit and not is_furniture_row(row)))
        for index, (row, rule, number) in enumerate(zip(rows, rules, numeric))
    ]
    tables, start = [], 0
    for index, cell in enumerate([*cells, False]):  # a run of cells ends at the first paragraph that is none
        if not cell:
            numbers = sum(numeric[start:index])
            if numbers >= min_numbers and 2 * numbers >= index - start:
                tables.append(range(start, index))
            start = index + 1
    return tables


def decode_blocks(evidence: Sequence[float], tables: Sequence[range], end: int, model: Model) -> list[str]:
    """Return the layout states of the paragraphs after the title up to ``end``, each table decoded as one block.

    As one block, a table has one vote in the page's layout, not one per cell,
    with the evidence of a letterless line (``NUMERIC_SCORE``): it may sit inside
    a body, never make one.

    >>> evidence = [0.0, 2.0, *[-3.0] * 8, 2.0, -6.0, -6.0]  # the title, prose, eight cells, prose, a footer
    >>> decode_blocks(evidence, [range(2, 10)], 13, load_model()).count("body")
    10
    >>> decode_blocks(evidence, [], 13, load_model()).count("body")  # cell by cell, the table ends the body
    1
    """
    inside = [table for table in tables if table.stop <= end]
    scores, sizes, index = [], [], 1
    for table in inside:  # the paragraphs before a table one by one, then the table as one block
        scores += [*evidence[index : table.start], NUMERIC_SCORE]
        sizes += [*[1] * (table.start - index), len(table)]
        index = table.stop
    states = decode_layout([*scores, *evidence[index:end]], model)
    if not inside:
        return states
    return [state for state, size in zip(states, [*sizes, *[1] * (end - index)]) for _ in range(size)]


def keep_list_items(states: Sequence[str], rows: Sequence[Features], rules: Sequence[str]) -> list[str]:
    """Return the states with gaps of list items and sub-headings between body paragraphs made body.

    A gap stays with the body, however long (a list article's items), when the
    body runs on both sides of it and none of its paragraphs is furniture: no
    rule, no site, credit, action or appeal word, link, byline, date, count,
    comment furniture or letterless line.

    >>> texts = ["T", "The storm hit the coast.", "Anna Berg, The Quiet River", "Advertisement", "Roads closed."]
    >>> keep_list_items(["before", "body", "gap", "gap", "body"], measure_page(texts), [""] * 5)
    ['before', 'body', 'gap', 'gap', 'body']
    >>> keep_list_items(["before", "body", "gap", "body"], measure_page(texts[:3] + texts[4:]), [""] * 4)
    ['before', 'body', 'body', 'body']
    """
    kept, start = list(states), None
    for index, state in enumerate(states):
        if state == "gap" and start is None:
            start = index
        elif state == "body" and start is not None:
            gap = range(start, index)
            if not any(rules[i] or is_furniture_row(rows[i]) for i in gap):
                kept[start:index] = ["body"] * len(gap)
            start = None
    return kept


def trim_numeric_edges(states: Sequence[str], rows: Sequence[Features]) -> list[str]:
    """Return the states with letterless or numeric paragraphs at either edge of the body region moved out of it.

    >>> texts = ["T", "The storm hit the coast.", "Roads closed.", "7.05%", "6.91%"]
    >>> trim_numeric_edges(["before", "body", "body", "body", "body"], measure_page(texts))
    ['before', 'body', 'body', 'after', 'after']
    """
    kept = list(states)
    body = [index for index, state in enumerate(kept) if state == "body"]
    while body and is_numeric(rows[body[-1]]):
        kept[body.pop()] = "after"
    while body and is_numeric(rows[body[0]]):
        kept[body.pop(0)] = "before"
    return kept


def is_furniture_row(row: Features) -> bool:
    """Tell whether a paragraph's features show page furniture (a site cue, a credit, a request, a link, a date...).

    >>> is_furniture_row(measure_page(["T", "Advertisement"])[1])
    True
    >>> is_furniture_row(measure_page(["T", "Anna Berg, The Quiet River"])[1])
    False
    """
    return bool(
        row.site or row.credit or row.action or row.appeal or row.link or row.byline or row.date
        or row.count_suffix or row.comment or is_numeric(row)
    )  # fmt: skip


def is_numeric(row: Features, max_share: float = 0.5) -> bool:
    """Tell whether a paragraph is letterless or mostly numbers (a table row, a ticker, a calendar).

    >>> is_numeric(measure_page(["T", "$86.79 / +12.89%"])[1]), is_numeric(measure_page(["T", "It rose 5%."])[1])
    (True, False)
    """
    return bool(row.no_letters) or row.digit_share >= max_share


def find_other_stories(
    texts: Sequence[str], rows: Sequence[Features], states: Sequence[str], start: int, max_words: int = 10
) -> int:
    """Return where a list of other stories begins after the body's ``start`` (``len(texts)`` when none does).

    The list begins at its heading ("Related Stories", "More from the Times",
    "You may also like"), a short line outside the body region: teasers of other
    stories follow it, and their headlines and summaries read like a body. A
    heading after which the article goes on in a run of prose (``prose_ahead``)
    heads a box inside the article instead. When the heading lies in a gap of the
    body region, the list begins with the gap.

    >>> texts = ["T", "The storm hit the coast.", "Share this", "Related Stories", "Floods close the bridge."]
    >>> find_other_stories(texts, measure_page(texts), ["before", "body", "gap", "gap", "body"], 1)
    2
    """
    last = len(states) - 1 - states[::-1].index("body") if "body" in states else 0
    limit = math.log1p(max_words)
    headings = [
        index for index in range(start + 1, last)  # a heading after the body region's end ends nothing
        if states[index] != "body" and rows[index].log_words <= limit and _OTHER_STORIES.match(texts[index])
    ]  # fmt: skip
    ahead = prose_ahead(rows, states) if headings else []
    for index in headings:
        if not ahead[index]:
            while index > start and states[index - 1] == "gap":
                index -= 1
            return index
    return len(texts)


def prose_ahead(
    rows: Sequence[Features], states: Sequence[str], run: int = 3, min_words: int = 15
) -> list[bool]:
    """Tell, for each paragraph, whether the body region holds ``run`` prose paragraphs in a row from it on.

    A teaser list alternates headlines and summaries; an article goes on in
    runs of prose: paragraphs of ``min_words`` words or more that end a sentence.

    >>> prose = "The storm reached the coast at dawn, and the river rose by two metres within a few hours."
    >>> texts = ["T", "Related Stories", prose, "Floods close the bridge", prose, prose, prose]
    >>> prose_ahead(measure_page(texts), ["before", "gap", "body", "body", "body", "body", "body"])
    [True, True, True, True, True, False, False]
    """
    ahead, streak, found = [False] * len(rows), 0, False
    least = math.log1p(min_words)
    for index in range(len(rows) - 1, -1, -1):
        row = rows[index]
        prose = states[index] == "body" and row.sentence_end and row.log_words >= least
        streak = streak + 1 if prose else 0
        found = found or streak >= run
        ahead[index] = found
    return ahead


def find_thread(rows: Sequence[Features], start: int, window: int = 12, min_furniture: int = 3) -> int:
    """Return where a comment thread begins at or after ``start`` (``len(rows)`` when none does).

    A thread is a comment-furniture line (``Features.comment``) with at least
    ``min_furniture`` such lines, itself included, among it and the next ``window - 1``.

    >>> texts = ["T", "The storm hit the coast.", "12 comments", "Ann", "2 days ago", "Nice.", "Reply"]
    >>> find_thread(measure_page(texts), 1)
    2
    """
    furniture = list(compress(range(start, len(rows)), map(_COMMENT, rows[start:])))
    for first, last in zip(furniture, furniture[min_furniture - 1 :]):
        if last - first < window:
            return first
    return len(rows)


def find_furniture(
    texts: Sequence[str], keys: Sequence[str], rows: Sequence[Features], max_words: int = 40
) -> list[str]:
    """Return, per paragraph (its text, word key and features), what piece of page furniture it is ("" when none).

    The kinds: a caption or credit, an embed code, a share link, a transcript
    note. Each kind's pattern is only tried on a paragraph holding its cue: a
    tag's "<" or the word "embed", a credit word, a share word first, the word
    "transcript".

    >>> texts = ["T", "Photo: Jane Doe / Getty Images", "Embed <iframe src=x>", "E-mail this story", "It ended."]
    >>> find_furniture(texts, *read_page(texts))
    ['', 'a photo caption or credit', 'an embed code', 'a share or e-mail link', '']
    """
    limit = math.log1p(max_words)
    page_keys = "\n".join(keys)  # a cue absent from the whole page is not looked for paragraph by paragraph
    embeds, transcripts = "<" in "\n".join(texts) or "embed" in page_keys, "transcript" in page_keys
    # The paragraphs that hold a kind's cue, found by C code over the rows and keys where it can
    cued = set(compress(range(len(rows)), map(_CREDIT_CUES, rows)))
    cued.update(compress(range(len(keys)), map(str.startswith, keys, repeat(_SHARE_WORDS))))
    if transcripts:
        cued.update(compress(range(len(keys)), map(str.__contains__, keys, repeat("transcript"))))
    if embeds:
        cued.update(
            index for index, (text, key) in enumerate(zip(texts, keys)) if "<" in text or "embed" in key
        )
    kinds = [""] * len(rows)
    for index in cued:
        text, key, row = texts[index], keys[index], rows[index]
        kinds[index] = (
            "" if not index or row.log_words > limit
            else "an embed code" if embeds and ("<" in text or "embed" in key) and _EMBED.search(text)
            else "a photo caption or credit" if row.credit and _CREDIT.search(text)
            else "a share or e-mail link" if key.startswith(_SHARE_WORDS) and _SHARE.match(text)
            else "a transcript note" if transcripts and "transcript" in key and _TRANSCRIPT.search(text)
            else ""
        )  # fmt: skip
    return kinds


def merge_split_boilerplate(
    origins: Sequence[int], labels: Sequence[str], evidence: Sequence[float], texts: Sequence[str]
) -> tuple[Sequence[int], Sequence[int], Sequence[str]]:
    """Return the rows' first pieces, the pieces that speak for them, and their texts.

    Pieces split from one paragraph rejoin as one row unless one of them is body.
    ``origins`` are the pieces' paragraph indices; of rejoined pieces, the one
    with the lowest ``evidence`` (the most boilerplate) speaks for the row.

    >>> merge_split_boilerplate([0, 1, 1, 2, 2], ["title", "boilerplate", "boilerplate", "boilerplate", "body"],
    ...                         [0.0, 1.0, -2.0, -1.0, 3.0], ["T", "a", "b", "c", "d"])
    ((0, 1, 3, 4), (0, 2, 3, 4), ('T', 'a b', 'c', 'd'))
    """
    if not origins or origins[-1] == len(origins) - 1:  # no paragraph was split: each piece is a row
        return range(len(texts)), range(len(texts)), texts
    merged: list[list] = []  # [first piece, speaking piece, text]
    for index, (origin, label, text) in enumerate(zip(origins, labels, texts)):
        last = merged[-1] if merged else None
        if last and origins[last[0]] == origin and "body" not in (label, labels[last[0]]):
            last[2] += " " + text
            if evidence[index] < evidence[last[1]]:
                last[1] = index
        else:
            merged.append([index, index, text])
    firsts, speakers, joined = zip(*merged)
    return firsts, speakers, joined


def mark_repeats(keys: Sequence[str], labels: list[str], rules: list[str], head_words: int = 6) -> None:
    """Relabel a body paragraph as boilerplate when it opens like a later body paragraph (a teaser, a summary).

    A paragraph with body on both sides is left alone (a list's repeated item)
    unless the next paragraph is the one it repeats.

    >>> labels = ["title", "body", "body"]
    >>> mark_repeats(["t", "rain fell on the town all day", "rain fell on the town all day long"], labels, ["", "", ""])
    >>> labels
    ['title', 'boilerplate', 'body']
    """
    later_body: set[str] = set()
    body = list(compress(range(1, len(keys)), map("body".__eq__, labels[1:])))
    for index in reversed(body):  # only a paragraph visited before is relabelled on the way
        words = keys[index].split(" ", head_words)
        if len(words) < head_words:
            continue
        head = " ".join(words[:head_words])
        inside = labels[index - 1] == "body" and labels[index + 1 : index + 2] == ["body"]
        if inside and not keys[index + 1].startswith(head):
            later_body.add(
                head
            )  # a list's repeated item inside a run of body, not a teaser of the next paragraph
        elif head in later_body:
            labels[index] = "boilerplate"
            rules[index] = "repeats the start of a later body paragraph (a teaser or summary)"
        else:
            later_body.add(head)


def mark_standfirst(
    rows: Sequence[Features],
    keys: Sequence[str],
    labels: list[str],
    rules: list[str],
    min_words: int = 8,
) -> None:
    """Label the paragraph right after the title as the standfirst when it is prose outside the body.

    ``keys`` are the paragraphs' word keys.

    >>> texts = ["Storm hits", "The storm hit the coast at dawn and the river rose.",
    ...          "The storm hit the coast at dawn, officials said."]
    >>> (keys, rows), labels, rules = read_page(texts), ["title", "boilerplate", "body"], ["", "", ""]
    >>> mark_standfirst(rows, keys, labels, rules)
    >>> labels[1], rules[1]
    ('standfirst', 'standfirst: prose right under the title, repeats the opening of a body paragraph')
    """
    if len(labels) < 3 or labels[1] == "body" or "body" not in labels[2:]:
        return
    row = rows[1]
    prose = row.log_words >= math.log1p(min_words) and row.function_share >= 0.2
    asks = row.address + row.action + row.site + row.link > 0
    if prose and not asks:
        labels[1] = "standfirst"
        where = "repeats the opening of a body paragraph" if is_repeated(keys, 1) else "before the body"
        rules[1] = f"standfirst: prose right under the title, {where}"
