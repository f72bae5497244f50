"""What the benchmark scripts share: best-of-repeat timing and the datasets' own scorers.

from common import import_scorer, timed, timed_together   # benchmarks/ is on sys.path when a script runs
"""

from __future__ import annotations

import argparse
import os
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


def timed_together(
    methods: Mapping[str, tuple[Callable, Mapping[str, object]]], repeat: int
) -> dict[str, tuple[dict[str, object], float]]:
    """Return, per method, its results and the median over inputs of its fastest CPU ms in ``repeat`` rounds.

    ``methods`` maps a label to (function, inputs by name); every method sees the
    same names. A round runs every method on one input before the next input, so
    a machine that gets busier or quieter during the run slows every method
    alike. Time is this process's CPU time (``time.process_time``): on a loaded
    machine, wall-clock time also counts the waits for a free core.

    >>> timed = timed_together({"len": (len, {"a": "xy"}), "str": (str.upper, {"a": "xy"})}, 2)
    >>> timed["len"][0], timed["str"][0], timed["len"][1] >= 0
    ({'a': 2}, {'a': 'XY'}, True)
    """
    names = list(next(iter(methods.values()))[1]) if methods else []
    results: dict[str, dict[str, object]] = {label: {} for label in methods}
    best = {label: dict.fromkeys(names, float("inf")) for label in methods}
    for _ in range(repeat):
        for name in names:
            for label, (method, inputs) in methods.items():
                start = time.process_time()
                results[label][name] = method(inputs[name])
                best[label][name] = min(best[label][name], time.process_time() - start)
    return {
        label: (results[label], statistics.median(best[label].values()) * 1000 if names else 0.0)
        for label in methods
    }


def load_note() -> str:
    """Return the machine's load: the 1-minute load average beside its number of cores (``os.getloadavg``).

    >>> "load average" in load_note()
    True
    """
    return f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"


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
