"""Benchmark the temporal tagger against dateparser on TimeBank, AQUAINT and WikiWars-dev, and its scaling.

Prints, for each tool and corpus, the TempEval-3 Task A measures (strict and relaxed
span F1, value F1, type F1) from the shared scorer ``te3_eval.py`` and the median
milliseconds per document; "TBAQ" pools TimeBank and AQUAINT (the TempEval-3 training
news). Then the scaling table: ``find_timexes`` and ``build_timeline`` in ms per KB on
one real page's body repeated to 20 KB, 200 KB and 2 MB, beside the same texts before
the linear-time work.

    .venv/bin/python benchmarks/timex.py [DATASET] [--tools ours,dateparser] [--mode auto] \\
        [--categories] [--errors N] [--no-scaling]

``--tools ours`` skips dateparser for fast iteration; ``--scaling-only`` prints only the scaling table.

DATASET defaults to ../shared/benchmarks/timex (beside the repository). dateparser is
run as the dataset README measured it, through ``helpers.baselines.dateparser_timexes``
(the wrapper notebook 03 uses): ``search_dates`` with RELATIVE_BASE = the document's
DCT, each found date kept at the granularity dateparser parsed (day, week, month, year,
or a time), leading prepositions stripped from the span.
"""

from __future__ import annotations

import argparse
import importlib
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from helpers.timex import find_timexes

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATASET = ROOT.parent / "shared" / "benchmarks" / "timex"
CORPORA = ("TimeBank", "AQUAINT", "WikiWars-dev")
NEWS = ("TimeBank", "AQUAINT")  # pooled as "TBAQ", the TempEval-3 training news

SEED_PAGE = ROOT / "data" / "raw" / "ap-2022-09-19-blinken-armenia-azerbaijan.txt"
SIZES_KB = (20, 200, 2000)
# ms per KB before the linear-time work (commit fed3b30, helpers.timex as one module), measured
# with ``scaling_rows`` on the same texts on the shared 2-core machine (one run each, after a
# warm-up): PYTHONPATH=<checkout of fed3b30>/src .venv/bin/python benchmarks/timex.py --scaling-only
BEFORE_MS_PER_KB = {20: (1.797, 5.883), 200: (3.042, 9.114), 2000: (14.781, 61.309)}
ERROR_KINDS = ("missed", "spurious", "wrong span", "wrong value", "wrong type")

Prediction = tuple[int, int, str, str]
Tagger = Callable[[str, date | None], list[Prediction]]


def parse_dct(value: str | None) -> date | None:
    """Return the DCT of a TimeML document as a date (its value may carry a time)."""
    return date.fromisoformat(value[:10]) if value else None


def make_ours(mode: str) -> Tagger:
    """Return a tagger running helpers.timex.find_timexes in ``mode``."""

    def tag(text: str, dct: date | None) -> list[Prediction]:
        return [(t.start, t.end, t.type, t.value) for t in find_timexes(text, dct, mode=mode)]

    return tag


def make_dateparser() -> Tagger:
    """Return a tagger running dateparser through helpers.baselines.dateparser_timexes."""
    from helpers.baselines import dateparser_timexes

    def tag(text: str, dct: date | None) -> list[Prediction]:
        return [(t.start, t.end, t.type, t.value) for t in dateparser_timexes(text, dct)]

    return tag


def run(tagger: Tagger, docs: dict, repeats: int) -> tuple[dict, float]:
    """Return the predictions for every document and the median milliseconds per document.

    Each document is tagged ``repeats`` times and its fastest run counts (less timer noise).
    """
    predictions, times = {}, []
    for doc_id, doc in docs.items():
        dct = parse_dct(doc.dct)
        runs = []
        for _ in range(repeats):
            started = time.perf_counter()
            predictions[doc_id] = tagger(doc.raw_text, dct)
            runs.append((time.perf_counter() - started) * 1000)
        times.append(min(runs))
    return predictions, statistics.median(times)


def error_categories(te3: object, docs: dict, predictions: dict) -> Counter:
    """Count our errors by kind: missed, spurious, and for matched spans wrong span, value, type."""
    details: dict = {}
    te3.score(docs, predictions, details=details)
    counts: Counter = Counter()
    for rows in details.values():
        for kind, gold, pred, strict in rows:
            if kind != "match":
                counts["missed" if kind == "fn" else "spurious"] += 1
                continue
            counts["wrong span"] += not strict
            counts["wrong value"] += gold.value != pred.value
            counts["wrong type"] += gold.type != pred.type
    return counts


def print_errors(te3: object, docs: dict, predictions: dict, limit: int) -> None:
    """Print up to ``limit`` misses, false alarms and wrong values (for development)."""
    details: dict = {}
    te3.score(docs, predictions, details=details)
    shown = 0
    for doc_id, rows in details.items():
        for kind, gold, pred, strict in rows:
            if kind == "match" and strict and gold.value == pred.value and gold.type == pred.type:
                continue
            if shown >= limit:
                return
            shown += 1
            g = f"{gold.text!r} {gold.type} {gold.value}" if gold else "-"
            p = f"{pred.text!r} {pred.type} {pred.value}" if pred else "-"
            print(f"{kind:5s} {doc_id:28s} gold {g:50s} ours {p}")


def repeated_body(kb: int) -> tuple[str, date | None]:
    """Return the seed page's body repeated (paragraphs joined by line breaks) to about ``kb`` KB, and its date."""
    from helpers.article import read_article
    from helpers.boilerplate import separate

    article = read_article(SEED_PAGE)
    body = separate(article).body
    copies = kb * 1000 // (len(body.encode()) + 1) + 1
    return "\n".join([body] * copies), article.published


def scaling_rows() -> Iterator[tuple[int, float, float, float]]:
    """Yield (size KB, KB, find_timexes ms/KB, build_timeline ms/KB) for each of ``SIZES_KB``."""
    from helpers.timeline import build_timeline

    for kb in SIZES_KB:
        text, published = repeated_body(kb)
        size = len(text.encode()) / 1000
        started = time.perf_counter()
        find_timexes(text, published)
        found = time.perf_counter() - started
        started = time.perf_counter()
        build_timeline(text, published)
        built = time.perf_counter() - started
        yield kb, size, found * 1000 / size, built * 1000 / size


def print_scaling() -> None:
    """Print ms per KB of find_timexes and build_timeline at each size, beside the figures before."""
    from helpers.timeline import build_timeline

    build_timeline("Warm up the compiled grammar and the libraries on 1 May 2000.", date(2000, 5, 1))
    print()
    header = (
        f"{'body':>8s} {'KB':>8s} {'find_timexes ms/KB':>19s} {'before':>7s} "
        f"{'build_timeline ms/KB':>21s} {'before':>7s}"
    )
    print(header)
    print("-" * len(header))
    for kb, size, found, built in scaling_rows():
        before_found, before_built = BEFORE_MS_PER_KB[kb]
        print(
            f"{kb:>6d}KB {size:8.0f} {found:19.3f} {before_found:7.3f} {built:21.3f} {before_built:7.3f}",
            flush=True,
        )


def main(argv: list[str] | None = None) -> int:
    """Score the tools on each corpus and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "dataset",
        nargs="?",
        default=str(DEFAULT_DATASET),
        help="folder with te3_eval.py, TimeBank/, AQUAINT/",
    )
    parser.add_argument("--tools", default="ours,dateparser", help="comma-separated: ours, dateparser")
    parser.add_argument("--corpora", default=",".join(CORPORA), help="comma-separated corpus folders")
    parser.add_argument(
        "--repeats", type=int, default=3, help="runs per document; the fastest is timed (default 3)"
    )
    parser.add_argument(
        "--mode", default="auto", choices=("auto", "news", "narrative"), help="find_timexes mode"
    )
    parser.add_argument("--errors", type=int, default=0, help="print this many of our errors per corpus")
    parser.add_argument(
        "--categories",
        action="store_true",
        help="count our errors by kind (missed, spurious, span, value, type)",
    )
    parser.add_argument("--no-scaling", action="store_true", help="skip the scaling table")
    parser.add_argument("--scaling-only", action="store_true", help="print only the scaling table")
    args = parser.parse_args(argv)
    if args.scaling_only:
        print_scaling()
        return 0
    dataset = Path(args.dataset)
    if not (dataset / "te3_eval.py").is_file():
        print(f"error: {dataset} has no te3_eval.py (give the TBAQ benchmark folder)", file=sys.stderr)
        return 2
    sys.path.insert(0, str(dataset))
    te3 = importlib.import_module("te3_eval")
    taggers: dict[str, Callable[[], Tagger]] = {
        "ours": lambda: make_ours(args.mode),
        "dateparser": make_dateparser,
    }
    corpora = {name: te3.read_corpus(str(dataset / name)) for name in args.corpora.split(",")}
    if all(name in corpora for name in NEWS):
        corpora["TBAQ"] = {k: v for name in NEWS for k, v in corpora[name].items()}
    find_timexes("warm up the compiled grammar on 1 May 2000", date(2000, 5, 1))
    header = (
        f"{'tool':12s} {'corpus':12s} {'docs':>5s} {'strict F1':>9s} {'relaxed F1':>10s} "
        f"{'value F1':>8s} {'type F1':>7s} {'ms/doc':>7s}"
    )
    print(header)
    print("-" * len(header))
    for tool in args.tools.split(","):
        tagger = taggers[tool]()
        for corpus, docs in corpora.items():
            predictions, median_ms = run(tagger, docs, args.repeats)
            r = te3.score(docs, predictions)
            print(
                f"{tool:12s} {corpus:12s} {len(docs):5d} {r['strict_F1']:9.3f} {r['relaxed_F1']:10.3f} "
                f"{r['value_F1']:8.3f} {r['type_F1']:7.3f} {median_ms:7.2f}"
            )
            if args.categories and tool == "ours":
                counts = error_categories(te3, docs, predictions)
                print(" " * 13 + ", ".join(f"{kind} {counts[kind]}" for kind in ERROR_KINDS))
            if args.errors and tool == "ours" and corpus != "TBAQ":
                print_errors(te3, docs, predictions, args.errors)
    if not args.no_scaling:
        print_scaling()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
