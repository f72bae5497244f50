"""Benchmark the publication-date finder on page dumps, beside the dataset README's anchors.

    python benchmarks/pubdate.py [PAGES] [--repeat 3] [--errors]

PAGES defaults to ../shared/benchmarks/pubdate/pages (from the repository root).
Each NAME.txt dump is given to ``helpers.pubdate.find_published`` (text only: no
URL, no HTML), with today's date as the upper bound; the benchmark's own scorer
(PAGES/../evaluate.py, imported in place, not copied) counts precision, recall,
accuracy and F1 as htmldate's evaluation does. Speed is the median over pages of
the best of ``--repeat`` runs, in milliseconds, on the text already in memory.
The anchors are the figures the dataset README reports on the same pages.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from helpers.pubdate import find_published

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PAGES = ROOT.parent / "shared" / "benchmarks" / "pubdate" / "pages"
# (method, P, R, accuracy, F1, ms/page) from ../shared/benchmarks/pubdate/README.md
ANCHORS = (
    ("htmldate, original HTML, fast", 0.919, 0.976, 0.899, 0.947, 2.1),
    ("htmldate, original HTML, extensive", 0.913, 1.000, 0.913, 0.955, 2.6),
    ("htmldate, dump as <p> HTML, extensive", 0.688, 1.000, 0.688, 0.815, 1.5),
    ("dateparser search_dates, whole dump", 0.174, 1.000, 0.174, 0.296, 96.5),
    ("datefinder find_dates, whole dump", 0.507, 1.000, 0.507, 0.673, 9.2),
    ("first full date by regex, first 15 lines", 0.759, 0.168, 0.159, 0.275, 0.1),
    ("first full date by regex, whole dump", 0.872, 0.959, 0.841, 0.913, 3.3),
)


def predict(dumps: dict[str, str], repeat: int) -> tuple[dict[str, str | None], float]:
    """Each page's found date (ISO or None) and the median over pages of the best-of-``repeat`` ms."""
    found, times = {}, []
    for name, text in dumps.items():
        best = float("inf")
        for _ in range(repeat):
            start = time.perf_counter()
            mention = find_published(text)
            best = min(best, time.perf_counter() - start)
        found[name] = mention.value.isoformat() if mention else None
        times.append(best * 1000)
    return found, statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    """Score the finder on the pages and print it beside the anchors."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "pages", nargs="?", type=Path, default=DEFAULT_PAGES, help="the benchmark's pages folder"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per page; the fastest counts (default 3)")
    parser.add_argument("--errors", action="store_true", help="list the pages whose date is wrong or missing")
    args = parser.parse_args(argv)
    scorer = args.pages.resolve().parent / "evaluate.py"
    if not args.pages.is_dir() or not scorer.is_file():
        parser.error(
            f"{args.pages}: not the pubdate benchmark's pages folder (needs NAME.txt and ../evaluate.py)"
        )
    sys.path.insert(0, str(scorer.parent))
    import evaluate

    gold = evaluate.read_gold(args.pages)
    dumps = {name: (args.pages / f"{name}.txt").read_text("utf-8") for name in gold}
    found, ms = predict(dumps, args.repeat)
    result = evaluate.score(gold, found)
    print(f"{len(gold)} pages from {args.pages}")
    print(f"{'method':<44} {'P':>6} {'R':>6} {'Acc':>6} {'F1':>6} {'ms/page':>8}")
    row = (result["precision"], result["recall"], result["accuracy"], result["f1"], ms)
    print(
        f"{'helpers.pubdate.find_published (dump only)':<44} "
        + " ".join(f"{v:6.3f}" for v in row[:4])
        + f" {ms:8.2f}"
    )
    for label, *figures in ANCHORS:
        print(f"{label:<44} " + " ".join(f"{v:6.3f}" for v in figures[:4]) + f" {figures[4]:8.1f}")
    print("anchors: the dataset README's figures on the same pages (not re-run here).")
    if args.errors:
        for name in sorted(gold):
            if found[name] != gold[name]:
                print(f"{name}\tgold={gold[name]}\tfound={found[name]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
