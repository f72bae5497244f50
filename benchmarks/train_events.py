"""Train the event-word model (``src/helpers/data/event_tagger.tsv``) on TimeBank and AQUAINT.

The gold EVENT annotations of TempEval-3's TBAQ-cleaned training set (read in place from
``../shared/benchmarks/timex``) label every word of every sentence event or not; an averaged
perceptron learns one weight per feature of ``helpers.event_tagger.sentence_features``: the
update rule of nltk's ``AveragedPerceptron`` for two classes, kept on one weight vector (event
minus other) over feature indices, which learns the same weights four times faster.
Training is deterministic (documents sorted, examples shuffled by a seeded generator,
weights rounded and written sorted), so running it again reproduces the shipped file byte
for byte.

    .venv/bin/python benchmarks/train_events.py            # retrain, write the shipped file
    .venv/bin/python benchmarks/train_events.py --check    # retrain, compare with the shipped file
    .venv/bin/python benchmarks/train_events.py --cv 5     # F1 by 5-fold cross-validation over documents
"""

from __future__ import annotations

import argparse
import bisect
import os
import random
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from helpers.attachment import MODEL_FILE as RANKER_FILE
from helpers.attachment import candidate_features, candidate_positions
from helpers.event_tagger import MODEL_FILE, event_scores, sentence_features
from helpers.events import locate_words, stop_mask
from helpers.text import split_sentences

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATASET = ROOT.parent / "shared" / "benchmarks" / "timex"
CORPORA = ("TimeBank", "AQUAINT")
TARGET = ROOT / "src" / "helpers" / "data" / MODEL_FILE
SEED = 8
ITERATIONS = 8
MIN_WEIGHT = 3.0  # features whose averaged weight is smaller are dropped
RANKER_TARGET = ROOT / "src" / "helpers" / "data" / RANKER_FILE
RANKER_ITERATIONS = 10
EVENT, OTHER = "E", "O"

HEADER = """\
# Event-word model for helpers.event_tagger: one weight per feature (positive = evidence
# that a word is a TimeML EVENT); a word is an event when its features' weights sum above 0.
# Trained by benchmarks/train_events.py (averaged perceptron as nltk's for two classes,
# {iterations} passes, seed {seed}, weights below {minimum} dropped), which reproduces this file byte for byte.
# Training data: the gold EVENT annotations of the {docs} documents of TempEval-3's cleaned
# training set TBAQ-cleaned (TimeBank 1.2 and the AQUAINT TimeML corpus, {events} events).
# Licence: TBAQ-cleaned was released by the TempEval-3 organisers (SemEval-2013 Task 1) for
# research on temporal annotation; TimeBank 1.2 is distributed by the LDC (LDC2006T08) and
# the AQUAINT TimeML corpus with TimeML; the files here state no licence of their own, so
# this file is a model derived from research data: use it for research and cite TimeBank
# (Pustejovsky et al. 2003) and TempEval-3 (UzZaman et al. 2013).
"""


@dataclass(frozen=True)
class Document:
    """A gold document: its id, text, gold EVENT spans, every word as (offset, features, label), its links.

    ``links`` are the dated expressions of ``event_attachment.py``: (start, end, gold event
    spans); ``timexes`` every gold TIMEX3 span.
    """

    doc_id: str
    text: str
    events: tuple[tuple[int, int], ...]
    words: tuple[tuple[int, tuple[str, ...], str], ...]
    links: tuple[tuple[int, int, tuple[tuple[int, int], ...]], ...]
    timexes: tuple[tuple[int, int], ...]


RANKER_HEADER = """\
# Attachment model for helpers.attachment: one weight per feature of a (time expression,
# candidate event word) pair; the candidate with the highest sum is the event the expression
# dates (ties: the nearer word). Trained by benchmarks/train_events.py (averaged ranking
# perceptron, {iterations} passes, seed {seed}), which reproduces this file byte for byte.
# Training data: the event-time TLINKs (IS_INCLUDED, INCLUDES, DURING, SIMULTANEOUS, BEGINS,
# ENDS, IDENTITY and their inverses) of the {docs} TBAQ-cleaned documents (TimeBank 1.2 and
# AQUAINT), as read by ../shared/benchmarks/timex/event_attachment.py: {groups} dated DATE/TIME
# expressions whose gold event is among the sentence's candidates (the words the event-word
# model, event_tagger.tsv, scores above helpers.attachment.FLOOR).
# Licence: as event_tagger.tsv (a model derived from research data; cite TimeBank and TempEval-3).
"""


def read_documents(dataset: Path) -> list[Document]:
    """Return every document of TimeBank and AQUAINT, sorted by corpus and id, its words featurised."""
    sys.path.insert(0, str(dataset))
    import event_attachment as EA

    documents = []
    for corpus in CORPORA:
        for path in sorted((dataset / corpus).glob("*.tml")):
            gold = EA.read_doc(str(path))
            raw = gold.doc.raw_text
            spans = tuple(sorted((e.start, e.end) for e in gold.events.values()))
            links = tuple(
                (x.timex.start, x.timex.end, tuple(sorted((e.start, e.end) for e in x.events)))
                for x in gold.linkable
            )
            timexes = tuple(sorted((t.start, t.end) for t in gold.doc.timexes))
            documents.append(
                Document(f"{corpus}/{path.stem}", raw, spans, tuple(featurise(raw, spans)), links, timexes)
            )
    return documents


def featurise(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, tuple[str, ...], str]]:
    """Return (offset, features, label) of every word of ``text``, sentence by sentence."""
    gold = {offset for start, end in spans for offset in range(start, end)}
    words = []
    for sentence in split_sentences(text):
        tokens = locate_words(sentence.text)
        for token, features in zip(tokens, sentence_features(tokens)):
            if token.is_word:
                offset = sentence.start + token.start
                words.append((offset, tuple(features), EVENT if offset in gold else OTHER))
    return words


def train(documents: Sequence[Document]) -> dict[str, float]:
    """Return the pruned, rounded event-minus-other weight of every feature.

    Each example is its features' indices and whether it is an event; a wrong guess moves
    the weights of its features by 2 (event +1, other -1, as nltk's two-class update), and
    each weight's running total is kept for the average, brought up to date only when it
    changes.
    """
    index: dict[str, int] = {}
    data = [
        ([index.setdefault(f, len(index)) for f in dict.fromkeys(features)], label == EVENT)
        for d in documents
        for _, features, label in d.words
    ]
    weights, totals, stamps = [0.0] * len(index), [0.0] * len(index), [0] * len(index)
    generator = random.Random(SEED)
    step = 0
    for _ in range(ITERATIONS):
        generator.shuffle(data)
        for features, event in data:
            step += 1
            if (sum(map(weights.__getitem__, features)) > 0) == event:
                continue
            delta = 2.0 if event else -2.0
            for k in features:
                totals[k] += (step - stamps[k]) * weights[k]
                stamps[k] = step
                weights[k] += delta
    averaged = {}
    for feature, k in index.items():
        weight = round((totals[k] + (step - stamps[k]) * weights[k]) / max(step, 1), 2)
        if abs(weight) >= MIN_WEIGHT or feature == "bias":
            averaged[feature] = weight
    return averaged


Group = tuple[list[tuple[str, ...]], list[int], set[int]]


def attachment_groups(documents: Sequence[Document], tagger: dict[str, float]) -> list[Group]:
    """Return, per gold dated expression, its candidates' features, their positions and the gold ones."""
    groups = []
    for document in documents:
        sentences = split_sentences(document.text)
        starts = [s.start for s in sentences]
        for start, end, events in document.links:
            sentence = sentences[max(bisect.bisect_right(starts, start) - 1, 0)]
            base = sentence.start
            tokens = locate_words(sentence.text)
            inside = [i for i, t in enumerate(tokens) if t.start < end - base and t.end > start - base]
            if not inside or end > sentence.end:
                continue
            stops = [(a - base, b - base) for a, b in document.timexes if a >= base and b <= sentence.end]
            stopped = stop_mask(tokens, stops)
            scores = event_scores(tokens, tagger)
            candidates = [i for i in candidate_positions(scores, stopped) if not inside[0] <= i <= inside[-1]]
            gold = {
                i
                for i in candidates
                if any(a - base < tokens[i].end and b - base > tokens[i].start for a, b in events)
            }
            if gold:
                features = [
                    tuple(candidate_features(tokens, inside[0], inside[-1], c, candidates, stopped, scores))
                    for c in candidates
                ]
                groups.append(
                    (features, [abs(c - inside[0]) for c in candidates], gold_index(candidates, gold))
                )
    return groups


def gold_index(candidates: Sequence[int], gold: set[int]) -> set[int]:
    """Return the indices into ``candidates`` of the gold positions."""
    return {k for k, c in enumerate(candidates) if c in gold}


def train_ranker(groups: Sequence[Group]) -> dict[str, float]:
    """Return averaged ranking-perceptron weights: the best candidate must outscore the others."""
    weights: dict[str, float] = {}
    totals: dict[str, float] = {}
    stamps: dict[str, int] = {}
    step = 0

    def bump(feature: str, delta: float) -> None:
        totals[feature] = totals.get(feature, 0.0) + (step - stamps.get(feature, 0)) * weights.get(
            feature, 0.0
        )
        stamps[feature] = step
        weights[feature] = weights.get(feature, 0.0) + delta

    def best(features: Sequence[tuple[str, ...]], distances: Sequence[int], allowed: Sequence[int]) -> int:
        return max(allowed, key=lambda k: (sum(weights.get(f, 0.0) for f in features[k]), -distances[k]))

    order = list(groups)
    generator = random.Random(SEED)
    for _ in range(RANKER_ITERATIONS):
        generator.shuffle(order)
        for features, distances, gold in order:
            step += 1
            guess = best(features, distances, range(len(features)))
            if guess in gold:
                continue
            truth = best(features, distances, sorted(gold))
            for feature in features[truth]:
                bump(feature, 1.0)
            for feature in features[guess]:
                bump(feature, -1.0)
    averaged = {}
    for feature, weight in weights.items():
        total = totals.get(feature, 0.0) + (step - stamps.get(feature, 0)) * weight
        value = round(total / max(step, 1), 3)
        if value:
            averaged[feature] = value
    return averaged


def render_ranker(weights: dict[str, float], documents: Sequence[Document], groups: int) -> str:
    """Return the ranking model file's text: the header, then one sorted feature a line."""
    header = RANKER_HEADER.format(
        iterations=RANKER_ITERATIONS, seed=SEED, docs=len(documents), groups=f"{groups:,}"
    )
    rows = [f"{feature}\t{weights[feature]:g}" for feature in sorted(weights)]
    return header + "feature\tweight\n" + "\n".join(rows) + "\n"


def render(weights: dict[str, float], documents: Sequence[Document]) -> str:
    """Return the model file's text: the header, then one sorted feature a line."""
    header = HEADER.format(
        iterations=ITERATIONS,
        seed=SEED,
        minimum=MIN_WEIGHT,
        docs=len(documents),
        events=f"{sum(len(d.events) for d in documents):,}",
    )
    rows = [f"{feature}\t{weights[feature]:g}" for feature in sorted(weights)]
    return header + "feature\tweight\n" + "\n".join(rows) + "\n"


def score(weights: dict[str, float], documents: Sequence[Document]) -> tuple[int, int, int]:
    """Return (true positives, predicted, gold) event counts: a predicted word matches a gold EVENT it overlaps."""
    tp = predicted = gold = 0
    for document in documents:
        gold += len(document.events)
        owner = {offset: start for start, end in document.events for offset in range(start, end)}
        matched: set[int] = set()
        for offset, features, _ in document.words:
            if sum(weights.get(f, 0.0) for f in features) <= 0:
                continue
            predicted += 1
            start = owner.get(offset)
            if start is not None and start not in matched:
                matched.add(start)
                tp += 1
    return tp, predicted, gold


def f1(tp: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """Return precision, recall and F1."""
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def folds_of(documents: Sequence[Document], folds: int) -> list[tuple[list[Document], list[Document]]]:
    """Return (training, held-out) documents of each fold: document k is held out in fold k mod ``folds``."""
    return [
        (
            [d for k, d in enumerate(documents) if k % folds != fold],
            [d for k, d in enumerate(documents) if k % folds == fold],
        )
        for fold in range(folds)
    ]


def cross_validate(documents: Sequence[Document], folds: int) -> dict[str, tuple[int, int, int]]:
    """Return summed (tp, predicted, gold) per corpus, each document scored by a model not trained on it."""
    totals: dict[str, list[int]] = {corpus: [0, 0, 0] for corpus in (*CORPORA, "all")}
    for training, held in folds_of(documents, folds):
        weights = train(training)
        for corpus in CORPORA:
            counts = score(weights, [d for d in held if d.doc_id.startswith(corpus + "/")])
            for key in (corpus, "all"):
                totals[key] = [a + b for a, b in zip(totals[key], counts)]
    return {corpus: (counts[0], counts[1], counts[2]) for corpus, counts in totals.items()}


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
        stream.write(text)
    os.replace(temporary, path)


def main(argv: Sequence[str] | None = None) -> int:
    """Retrain, check or cross-validate the event-word model."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", nargs="?", type=Path, default=DEFAULT_DATASET)
    parser.add_argument(
        "--check", action="store_true", help="compare with the shipped file instead of writing"
    )
    parser.add_argument(
        "--cv", type=int, metavar="K", help="print F1 by K-fold cross-validation over documents"
    )
    args = parser.parse_args(argv)
    if not (args.dataset / "TimeBank").is_dir():
        parser.error(f"{args.dataset}: no TimeBank/ folder (the TBAQ benchmark data)")
    documents = read_documents(args.dataset)
    if args.cv:
        print(f"event recognition, {args.cv}-fold cross-validation over documents")
        print("corpus\tdocs\tP\tR\tF1")
        for corpus, counts in cross_validate(documents, args.cv).items():
            n = (
                sum(d.doc_id.startswith(corpus + "/") for d in documents)
                if corpus != "all"
                else len(documents)
            )
            print(corpus, n, *(f"{x:.3f}" for x in f1(*counts)), sep="\t")
        return 0
    tagger = train(documents)
    groups = attachment_groups(documents, tagger)
    files = {
        TARGET: render(tagger, documents),
        RANKER_TARGET: render_ranker(train_ranker(groups), documents, len(groups)),
    }
    status = 0
    for path, text in files.items():
        if args.check:
            same = path.read_text("utf-8") == text
            print(f"{path.name}: {'identical' if same else 'DIFFERS from a fresh training run'}")
            status |= not same
        else:
            write_atomically(path, text)
            print(f"wrote {path} ({text.count(chr(10))} lines)")
    return status


if __name__ == "__main__":
    sys.exit(main())
