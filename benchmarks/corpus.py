"""Speed and memory of a corpus run: pages/s for each engine, peak memory of the parent, time against pages.

The benchmark pages (``../shared/benchmarks/boilerplate/pages``, gold files left out) are
repeated by symbolic links in a temporary folder (never in the project) up to ``--pages``
files. Each configuration runs in a fresh Python process writing its tables to a temporary
folder; it prints wall seconds, pages/s and the parent's peak resident memory (ru_maxrss:
for ``processes`` and ``dask`` the workers are not counted, for ``serial`` the parent does
the work), and the CPU seconds of the parent and of its workers (what the run would take
on idle cores: a shared machine stretches the wall time, not the CPU time). ``--sizes`` runs
the serial engine on growing folders to show that time is linear in pages.

    .venv/bin/python benchmarks/corpus.py                              # 10,000 pages: 2 processes, dask
    .venv/bin/python benchmarks/corpus.py --pages 2000 --engines serial processes:2 dask:2
    .venv/bin/python benchmarks/corpus.py --sizes 250 500 1000 --engines
    .venv/bin/python benchmarks/corpus.py --steps 5 --engines           # CPU ms a page of each step
    .venv/bin/python benchmarks/corpus.py --pages 2000 --startup 3 --engines  # what a run does before its workers

``--startup N`` times, fastest of N, what the parent does before it forks its workers
(finding, checking and planning the linked pages; ``warm_up`` in a fresh process) and
what a worker's first page not plainly English costs: py3langid's own model load against
``helpers.language.language_model`` mapping its cached arrays (each in a fresh process).

``--steps N`` times each step of ``helpers.corpus.study_file`` on the distinct pages, in
this process, and prints the fastest of N rounds in CPU milliseconds a page; then the whole
of ``study_file`` with Python's collector thresholds and with a worker's
(``helpers.corpus.WORKER_GC_THRESHOLDS``), each with the collector's own mean share.

``--worker-rounds N`` only does a worker's work, N rounds over the distinct pages: after
``warm_up`` and ``prepare_worker``, ``study_columns`` on batches of ``BATCH`` pages (the
rows and their Arrow tables). That is for counting instructions, which no load on the
machine changes: the difference of two runs under valgrind is the work of the extra
rounds (divide by rounds and pages)::

    valgrind --tool=callgrind --callgrind-out-file=/dev/null .venv/bin/python benchmarks/corpus.py --worker-rounds 1
    valgrind --tool=callgrind --callgrind-out-file=/dev/null .venv/bin/python benchmarks/corpus.py --worker-rounds 2
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PAGES = ROOT.parent / "shared" / "benchmarks" / "boilerplate" / "pages"


def link_pages(source: Path, count: int, folder: Path) -> int:
    """Fill ``folder`` with ``count`` links to the page dumps of ``source``, cycling through them."""
    pages = sorted(p for p in source.glob("*.txt") if not p.name.endswith(".gold.txt"))
    if not pages:
        raise SystemExit(f"{source}: no page dumps (*.txt) found; pass the benchmark's pages folder")
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        (folder / f"page-{number:06d}.txt").symlink_to(pages[number % len(pages)].resolve())
    return len(pages)


def run_one(folder: Path, engine: str, workers: int | None) -> dict:
    """Run one configuration in this process and return its figures (called in a fresh process)."""
    from helpers.corpus import run_corpus

    with tempfile.TemporaryDirectory(prefix="corpus-bench-out-") as out:
        began = time.perf_counter()
        corpus = run_corpus(folder, engine=engine, workers=workers, out=out, progress=False)
        seconds = time.perf_counter() - began
        rows = json.loads((Path(out) / "corpus.json").read_text())["rows"]
    parent, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"pages": corpus.summary.pages, "errors": corpus.summary.errors, "seconds": seconds,
            "peak_mib": parent.ru_maxrss / 1024, "parent_cpu": parent.ru_utime + parent.ru_stime,
            "workers_cpu": children.ru_utime + children.ru_stime, "rows": rows}  # fmt: skip


def measure(folder: Path, engine: str, workers: int | None) -> dict:
    """Run one configuration in a fresh Python process (so each peak memory is its own)."""
    command = [sys.executable, __file__, "--one", str(folder), engine, str(workers or 0)]
    result = subprocess.run(
        command, capture_output=True, text=True, env={**os.environ, "HELPERS_PROGRESS": "0"}
    )
    if result.returncode != 0:
        raise SystemExit(f"{engine} failed:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout.splitlines()[-1])


def time_steps(source: Path, rounds: int) -> list[tuple[str, float]]:
    """Return the CPU ms a page of each step of a corpus run on the pages of ``source``, fastest of ``rounds``."""
    from helpers.article import read_article
    from helpers.boilerplate import separate
    from helpers.corpus import Task, rare_collections, study_file
    from helpers.frequencies import word_counts
    from helpers.text import split_sentences
    from helpers.timeline import body_origins, timeline_rows
    from helpers.timex import find_timexes
    from helpers.tokens import tokenize

    pages = sorted(p for p in source.glob("*.txt") if not p.name.endswith(".gold.txt"))
    steps: dict[str, Callable[[dict], object]] = {
        "read (paragraphs, language, date)": lambda s: s.update(article=read_article(s["path"])),
        "separate": lambda s: s.update(separation=separate(s["article"])),
        "sentences of the body": lambda s: split_sentences(s["separation"].body),
        "time expressions": lambda s: s.update(
            timexes=find_timexes(s["separation"].body, s["article"].published)
        ),
        "timeline (event models)": lambda s: timeline_rows(
            s["separation"].body,
            s["article"].published,
            s["timexes"],
            lines=body_origins(s["article"].text, s["separation"].body_paragraphs),
        ),
        "tokens and counts": lambda s: word_counts(tokenize(s["separation"].body)),
    }
    whole, rare = "all: study_file (with the rows)", "all: study_file, collector as in a worker"
    collector = [
        "  of which the garbage collector (Python's thresholds)",
        "  of which the garbage collector (a worker's)",
    ]
    best = dict.fromkeys([*steps, whole, collector[0], rare, collector[1]], float("inf"))
    collected = dict.fromkeys(collector, 0.0)
    for _ in range(rounds):
        spent = dict.fromkeys(best, 0.0)
        for path in pages:
            state = {"path": path}
            for name, step in steps.items():
                began = time.process_time()
                step(state)
                spent[name] += time.process_time() - began
        for name, tuned in ((whole, False), (rare, True)):
            with rare_collections() if tuned else nullcontext(), collector_time() as collecting:
                began = time.process_time()
                for number, path in enumerate(pages):
                    study_file(Task(number, str(path), ""))
                spent[name] = time.process_time() - began
            spent[collector[tuned]] = collecting[0]
        best = {name: min(best[name], spent[name]) for name in best}
        for name in collector:  # its full passes come every hundred pages or so: the mean, not the least
            collected[name] += spent[name] / rounds
    best.update(collected)
    return [(name, 1000 * seconds / len(pages)) for name, seconds in best.items()]


def work_rounds(source: Path, rounds: int) -> int:
    """Study the distinct pages of ``source`` ``rounds`` times as a worker does; return the pages studied."""
    from helpers.corpus import BATCH, Task, prepare_worker, study_columns, warm_up

    pages = sorted(p for p in source.glob("*.txt") if not p.name.endswith(".gold.txt"))
    tasks = [Task(number, str(path), "") for number, path in enumerate(pages)]
    warm_up()
    prepare_worker()
    for _ in range(rounds):
        for start in range(0, len(tasks), BATCH):
            study_columns(tasks[start : start + BATCH])
    return rounds * len(tasks)


def time_startup(folder: Path, rounds: int) -> list[tuple[str, float]]:
    """Return the wall seconds, fastest of ``rounds``, of what a run does before its workers start."""
    from helpers.corpus import _plan, check_output, find_pages

    timings: dict[str, float] = {}
    for _ in range(rounds):
        with tempfile.TemporaryDirectory(prefix="corpus-bench-out-") as out:
            began = time.perf_counter()
            pages = find_pages(folder)
            found = time.perf_counter()
            check_output(out, pages)
            checked = time.perf_counter()
            _plan(pages, None, {})
            planned = time.perf_counter()
        for name, seconds in (
            (f"find {len(pages):,} pages", found - began),
            ("check the output folder (links followed)", checked - found),
            ("plan (hash every page)", planned - checked),
            ("warm_up, fresh process (imports included)", fresh_seconds("helpers.corpus", "warm_up")),
            ("py3langid's own model load, fresh process", fresh_seconds("helpers.language", "py3langid_identifier")),
            ("language_model() from its cache, fresh process", fresh_seconds("helpers.language", "language_model")),
        ):  # fmt: skip
            timings[name] = min(timings.get(name, float("inf")), seconds)
    return list(timings.items())


def fresh_seconds(module: str, function: str) -> float:
    """Return the wall seconds of importing ``module`` and calling ``function`` in a fresh process, numpy imported."""
    code = (
        f"import time, numpy; began = time.perf_counter(); from {module} import {function}; {function}(); "
        "print(time.perf_counter() - began)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(result.stdout.split()[-1])


@contextmanager
def collector_time() -> Iterator[list[float]]:
    """Yield a one-item list that holds, after the block, the CPU seconds the garbage collector ran in it."""
    total, began = [0.0], [0.0]

    def clock(phase: str, _: dict) -> None:
        if phase == "start":
            began[0] = time.process_time()
        else:
            total[0] += time.process_time() - began[0]

    gc.callbacks.append(clock)
    try:
        yield total
    finally:
        gc.callbacks.remove(clock)


def parse_engine(text: str) -> tuple[str, int | None]:
    """Read ``serial``, ``processes:2`` or ``dask:2`` as (engine, workers)."""
    engine, _, workers = text.partition(":")
    return engine, int(workers) if workers else None


def main() -> None:
    """Print one line of figures per configuration."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", nargs="?", type=Path, default=DEFAULT_PAGES, help="folder of page dumps")
    parser.add_argument(
        "--pages", type=int, default=10_000, help="pages in the repeated folder (default 10,000)"
    )
    parser.add_argument(
        "--engines", nargs="*", default=["processes:2", "dask:2"], help="ENGINE[:WORKERS] ..."
    )
    parser.add_argument("--sizes", nargs="*", type=int, default=[], help="serial runs on these page counts")
    parser.add_argument(
        "--steps", type=int, default=0, metavar="N", help="time each step, fastest of N rounds"
    )
    parser.add_argument(
        "--startup", type=int, default=0, metavar="N", help="time what a run does before its workers"
    )
    parser.add_argument(
        "--worker-rounds", type=int, metavar="N", help="only a worker's work, N rounds (for valgrind)"
    )
    parser.add_argument("--one", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not args.source.is_dir():  # from a checkout without ../shared beside it, say so: never "0 pages"
        raise SystemExit(f"{args.source}: no such folder; pass the benchmark's pages folder")
    if args.worker_rounds is not None:
        studied = work_rounds(args.source, args.worker_rounds)
        print(f"{args.worker_rounds} rounds of a worker's study_columns: {studied} pages")
        return
    if args.one:
        folder, engine, workers = args.one
        print(json.dumps(run_one(Path(folder), engine, int(workers) or None)))
        return
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the start")
    if args.steps:
        print("| step | CPU ms a page |\n|---|---|")
        for name, milliseconds in time_steps(args.source, args.steps):
            print(f"| {name} | {milliseconds:.1f} |")
        print(f"(fastest of {args.steps} rounds; load average {os.getloadavg()[0]:.1f} at the end)")
    if args.startup:
        from helpers.language import language_model

        language_model()  # the cache written, if it was not yet
        with tempfile.TemporaryDirectory(prefix="corpus-bench-pages-") as temporary:
            link_pages(args.source, args.pages, Path(temporary))
            print("| before the workers | wall s |\n|---|---|")
            for name, seconds in time_startup(Path(temporary), args.startup):
                print(f"| {name} | {seconds:.3f} |")
        print(f"(fastest of {args.startup} rounds; load average {os.getloadavg()[0]:.1f} at the end)")
    if not args.engines and not args.sizes:
        return
    print(
        "| engine | workers | pages | errors | seconds | pages/s | parent peak MiB | parent CPU s | workers CPU s |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    runs = [(args.pages, *parse_engine(text)) for text in args.engines]
    runs += [(size, "serial", None) for size in args.sizes]
    with tempfile.TemporaryDirectory(prefix="corpus-bench-pages-") as temporary:
        distinct = 0
        for count in sorted({count for count, _, _ in runs}):
            distinct = link_pages(args.source, count, Path(temporary) / str(count))
        for count, engine, workers in runs:
            figures = measure(Path(temporary) / str(count), engine, workers)
            shown = workers or ("1" if engine == "serial" else "cores")
            print(f"| {engine} | {shown} | {figures['pages']:,} | {figures['errors']} | {figures['seconds']:.1f} | "
                  f"{figures['pages'] / figures['seconds']:.1f} | {figures['peak_mib']:.0f} | "
                  f"{figures['parent_cpu']:.1f} | {figures['workers_cpu']:.1f} |", flush=True)  # fmt: skip
    print(f"({distinct} distinct pages repeated; tables streamed to a temporary folder)")


if __name__ == "__main__":
    main()
