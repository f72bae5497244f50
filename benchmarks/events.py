"""Benchmark event recognition and attachment on TimeBank and AQUAINT (TBAQ-cleaned).

Prints event-recognition F1 and the attachment scores of ``event_attachment.py`` (the
shared scorer, gold = event-time TLINKs): coverage, strict and lenient accuracy, for

- ``per-date choice``: ``helpers.events.attach_dates`` (every DATE/TIME expression of
  ``helpers.timex`` with the event word chosen by ``helpers.attachment``);
- ``timeline rows``: ``helpers.timeline.explain_timeline`` (its ``event_words`` and label);
- the scorer's baselines ``nearest-event`` (gold events, gold expressions) and ``ed-s``.

and the per-date choice's linked expressions by kind: right, another candidate chosen,
the gold event not among the candidates, no event, the label reader replacing a right
choice, missed.

Both models are trained on the same documents (TBAQ), so our rows are 5-fold
cross-validated by document: each document is scored by models retrained without it
(``--shipped`` adds the shipped models' resubstitution figures for comparison).

    .venv/bin/python benchmarks/events.py [DATASET] [--folds 5] [--shipped]
"""

from __future__ import annotations

import argparse
import bisect
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from unittest import mock

import train_events as TE

ROOT = Path(__file__).resolve().parents[1]
CORPORA = TE.CORPORA

Prediction = tuple[int, int, tuple[str, ...], str]


def parse_dct(value: str | None) -> date | None:
    """Return the DCT of a TimeML document as a date (its value may carry a time)."""
    return date.fromisoformat(value[:10]) if value else None


def per_date(text: str, dct: date | None) -> list[Prediction]:
    """Return our per-date choice for every DATE/TIME expression of ``text``."""
    from helpers.events import attach_dates

    return [(t.start, t.end, c.heads, c.label) for t, c in attach_dates(text, dct)]


def timeline_rows(text: str, dct: date | None) -> list[Prediction]:
    """Return the timeline's row for every expression: its event words and event label."""
    from helpers.timeline import explain_timeline

    table = explain_timeline(text, dct)
    return [
        (int(offset), int(offset) + len(expression), tuple(words.split()), label)
        for offset, expression, words, label in table[["offset", "expression", "event_words", "event"]].values
    ]


SYSTEMS: dict[str, Callable[[str, date | None], list[Prediction]]] = {
    "per-date choice": per_date,
    "timeline rows": timeline_rows,
}


@contextmanager
def models(tagger: dict[str, float], ranker: dict[str, float]):
    """Run helpers with the given event-word and attachment weights instead of the shipped ones."""
    from helpers.event_tagger import sentence_events, sentence_scores

    sentence_events.cache_clear()
    sentence_scores.cache_clear()
    with (
        mock.patch("helpers.event_tagger.load_weights", return_value=tagger),
        mock.patch("helpers.attachment.load_weights", return_value=ranker),
    ):
        yield
    sentence_events.cache_clear()
    sentence_scores.cache_clear()


def predict(system: Callable, gold: dict, doc_ids: Sequence[str]) -> dict[str, list[Prediction]]:
    """Return the system's predictions for the named documents of ``gold`` (corpus/doc id -> AttachDoc)."""
    out = {}
    for doc_id in doc_ids:
        doc = gold[doc_id].doc
        out[doc_id] = system(doc.raw_text, parse_dct(doc.dct))
    return out


KINDS = (
    "right",
    "another candidate chosen",
    "gold event not among the candidates",
    "no event",
    "label reader replaced a right choice",
    "missed (coverage)",
)


def error_kinds(attach_doc, predicted: list[Prediction], tagger: dict[str, float]) -> Counter:
    """Return how the per-date choice fared on each linked expression of one document, by kind.

    A wrong choice is re-run through ``choose_event`` (same window and stops as
    ``attach_dates``) to tell a wrong ranking from a missing candidate or a label that
    replaced a right choice; run it under ``models`` so that the fold's weights are used.
    """
    import event_attachment as EA

    from helpers.attachment import candidate_positions, choose_event
    from helpers.event_tagger import event_scores
    from helpers.events import _window, locate_words, stop_mask
    from helpers.text import split_sentences
    from helpers.timex import find_timexes

    details: dict = {}
    EA.score({attach_doc.doc_id: attach_doc}, {attach_doc.doc_id: predicted}, details=details)
    text = attach_doc.doc.raw_text
    sentences = split_sentences(text)
    starts = [s.start for s in sentences]
    timexes = [(t.start, t.end) for t in find_timexes(text, parse_dct(attach_doc.doc.dct))]
    kinds: Counter = Counter()
    for _, linkable, prediction, strict, _ in details[attach_doc.doc_id]:
        if prediction is None or strict or not prediction.heads:
            kinds["missed (coverage)" if prediction is None else "right" if strict else "no event"] += 1
            continue
        sentence = sentences[max(bisect.bisect_right(starts, prediction.start) - 1, 0)]
        stops = [
            (a - sentence.start, b - sentence.start)
            for a, b in timexes
            if a >= sentence.start and b <= sentence.end
        ]
        window, start, end, kept = _window(
            sentence.text, prediction.start - sentence.start, prediction.end - sentence.start, stops
        )
        base = prediction.start - start
        tokens = locate_words(window)
        spans = [(e.start - base, e.end - base) for e in linkable.events]
        hits = {i for i, t in enumerate(tokens) if any(a < t.end and b > t.start for a, b in spans)}
        chosen = choose_event(window, start, end, kept)
        candidates = candidate_positions(event_scores(tokens, tagger), stop_mask(tokens, kept))
        if chosen is not None and chosen.index in hits:
            kinds["label reader replaced a right choice"] += 1
        elif hits.intersection(candidates):
            kinds["another candidate chosen"] += 1
        else:
            kinds["gold event not among the candidates"] += 1
    return kinds


def cross_validated(
    documents: Sequence[TE.Document], gold: dict, folds: int
) -> tuple[dict[str, tuple[int, int, int]], dict[str, dict], dict[str, Counter]]:
    """Return event-recognition counts per corpus, each system's predictions and the per-date errors by kind.

    Each document is predicted by models trained without it.
    """
    counts: dict[str, list[int]] = {corpus: [0, 0, 0] for corpus in (*CORPORA, "all")}
    predictions: dict[str, dict] = {name: {} for name in SYSTEMS}
    kinds: dict[str, Counter] = {corpus: Counter() for corpus in CORPORA}
    for training, held in TE.folds_of(documents, folds):
        tagger = TE.train(training)
        for corpus in CORPORA:
            found = TE.score(tagger, [d for d in held if d.doc_id.startswith(corpus + "/")])
            for key in (corpus, "all"):
                counts[key] = [a + b for a, b in zip(counts[key], found)]
        ranker = TE.train_ranker(TE.attachment_groups(training, tagger))
        with models(tagger, ranker):
            for name, system in SYSTEMS.items():
                predictions[name].update(predict(system, gold, [d.doc_id for d in held]))
            for d in held:
                corpus = d.doc_id.split("/")[0]
                kinds[corpus] += error_kinds(gold[d.doc_id], predictions["per-date choice"][d.doc_id], tagger)
    return {corpus: (c[0], c[1], c[2]) for corpus, c in counts.items()}, predictions, kinds


def main(argv: Sequence[str] | None = None) -> int:
    """Print the event-recognition and attachment tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", nargs="?", type=Path, default=TE.DEFAULT_DATASET)
    parser.add_argument("--folds", type=int, default=5, help="folds of the cross-validation (default 5)")
    parser.add_argument("--shipped", action="store_true", help="also score the shipped models (seen data)")
    args = parser.parse_args(argv)
    if not (args.dataset / "TimeBank").is_dir():
        parser.error(f"{args.dataset}: no TimeBank/ folder (the TBAQ benchmark data)")
    documents = TE.read_documents(args.dataset)
    import event_attachment as EA

    gold = {
        f"{corpus}/{doc_id}": doc
        for corpus in CORPORA
        for doc_id, doc in EA.read_corpus(str(args.dataset / corpus)).items()
    }

    recognised, predictions, kinds = cross_validated(documents, gold, args.folds)
    print(f"## Event recognition ({args.folds}-fold cross-validation over documents)\n")
    print("| corpus | docs | P | R | F1 |\n|---|---|---|---|---|")
    for corpus, counts in recognised.items():
        n = len(documents) if corpus == "all" else sum(d.doc_id.startswith(corpus + "/") for d in documents)
        print(f"| {corpus} | {n} | " + " | ".join(f"{x:.3f}" for x in TE.f1(*counts)) + " |")

    rows: list[tuple[str, str, dict]] = []
    if args.shipped:
        for name, system in SYSTEMS.items():
            predictions[f"{name} (shipped models, seen data)"] = predict(system, gold, list(gold))
    for name, by_doc in predictions.items():
        for corpus in CORPORA:
            docs = {k: v for k, v in gold.items() if k.startswith(corpus + "/")}
            rows.append((name, corpus, EA.score(docs, by_doc)))
    for name, baseline in EA.BASELINES.items():
        for corpus in CORPORA:
            docs = {k: v for k, v in gold.items() if k.startswith(corpus + "/")}
            rows.append(
                (f"baseline {name}", corpus, EA.score(docs, {k: baseline(v) for k, v in docs.items()}))
            )

    print(f"\n## Attachment (event_attachment.py; ours {args.folds}-fold cross-validated by document)\n")
    print("| method | corpus | linkable | coverage | strict | lenient | strict end-to-end |")
    print("|---|---|---|---|---|---|---|")
    for name, corpus, s in rows:
        print(
            f"| {name} | {corpus} | {s['linkable']} | {s['coverage']:.3f} | {s['strict_accuracy']:.3f} "
            f"| {s['lenient_accuracy']:.3f} | {s['strict_end_to_end']:.3f} |"
        )

    print(f"\n## Per-date choice by kind ({args.folds}-fold cross-validated; linked expressions)\n")
    print("| kind | " + " | ".join(CORPORA) + " |\n|---|" + "---|" * len(CORPORA))
    for kind in KINDS:
        print(f"| {kind} | " + " | ".join(str(kinds[corpus][kind]) for corpus in CORPORA) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
