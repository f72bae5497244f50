"""What the benchmark scripts share: best-of-repeat timing and the datasets' own scorers.

from common import import_scorer, timed   # benchmarks/ is on sys.path when a script runs
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from types import ModuleType


def timed(method: Callable, inputs: Mapping[str, object], repeat: int) -> tuple[dict[str, object], float]:
    """Return ``method``'s result for each input and the median over inputs of its best-of-``repeat`` ms.

    >>> results, ms = timed(len, {"a": "xy", "b": "z"}, 2)
    >>> results, ms >= 0
    ({'a': 2, 'b': 1}, True)
    """
    results, times = {}, []
    for name, item in inputs.items():
        best = float("inf")
        for _ in range(repeat):
            start = time.perf_counter()
            results[name] = method(item)
            best = min(best, time.perf_counter() - start)
        times.append(best * 1000)
    return results, statistics.median(times)


def pages_parser(description: str, default_pages: Path) -> argparse.ArgumentParser:
    """Return a parser taking a benchmark's pages folder and ``--repeat`` (scripts add their own options)."""
    parser = argparse.ArgumentParser(
        description=description, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "pages", nargs="?", type=Path, default=default_pages, help="the benchmark's pages folder"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per page; the fastest counts (default 3)")
    return parser


def import_scorer(parser: argparse.ArgumentParser, pages: Path, benchmark: str) -> ModuleType:
    """Import the ``evaluate.py`` beside a benchmark's ``pages`` folder, where it is (never copied)."""
    scorer = pages.resolve().parent / "evaluate.py"
    if not pages.is_dir() or not scorer.is_file():
        parser.error(
            f"{pages}: not the {benchmark} benchmark's pages folder (needs NAME.txt and ../evaluate.py)"
        )
    sys.path.insert(0, str(scorer.parent))
    import evaluate

    return evaluate
