"""Benchmark the page-language identifier on the boilerplate benchmark's dumps (NAME.lang as gold).

    python benchmarks/language.py [PAGES]

PAGES defaults to ../shared/benchmarks/boilerplate/pages. Each NAME.txt dump is
given to ``helpers.language.identify_language`` (English function-word share
first, py3langid otherwise) and, beside it, to py3langid alone on the same prose
sample; the gold is NAME.lang, the language of the page's gold text. Speed is the
median over pages in milliseconds, the model already loaded.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from helpers.language import identify_language, prose_sample, py3langid_identifier

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PAGES = ROOT.parent / "shared" / "benchmarks" / "boilerplate" / "pages"


def py3langid_alone(text: str) -> str:
    """py3langid's label for the same prose sample, without the English fast path."""
    return py3langid_identifier().classify(prose_sample(text))[0]


def score(
    method: Callable[[str], str | None], dumps: dict[str, str], gold: dict[str, str]
) -> tuple[int, int, float]:
    """(right on all pages, right on the pages not in English, median ms per page)."""
    right = right_other = 0
    times = []
    for name, text in dumps.items():
        start = time.perf_counter()
        label = method(text)
        times.append((time.perf_counter() - start) * 1000)
        right += label == gold[name]
        right_other += label == gold[name] != "en"
    return right, right_other, statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    """Print how often each method names the page's language."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "pages", nargs="?", type=Path, default=DEFAULT_PAGES, help="the benchmark's pages folder"
    )
    args = parser.parse_args(argv)
    gold = {
        path.name.removesuffix(".lang"): path.read_text("utf-8").strip() for path in args.pages.glob("*.lang")
    }
    if not gold:
        parser.error(f"{args.pages}: no NAME.lang files (not the boilerplate benchmark's pages folder)")
    dumps = {name: (args.pages / f"{name}.txt").read_text("utf-8") for name in sorted(gold)}
    py3langid_identifier()  # load the model once, outside the timings (about two seconds)
    others = sum(label != "en" for label in gold.values())
    print(f"{len(gold)} pages ({others} not in English) from {args.pages}")
    print(f"{'method':<40} {'right':>7} {'not en':>7} {'ms/page':>8}")
    for label, method in (
        ("helpers.language.identify_language", identify_language),
        ("py3langid alone (same prose sample)", py3langid_alone),
    ):
        right, right_other, ms = score(method, dumps, gold)
        print(f"{label:<40} {right:>3}/{len(gold):<3} {right_other:>3}/{others:<3} {ms:8.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
