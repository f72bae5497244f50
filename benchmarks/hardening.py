"""Seconds and peak memory of every step on pathological and large inputs (issue 13).

Goal: every input under the 20 MB limit goes through each CLI command
(``python -m helpers read|body|timexes|timeline|frequencies``) in at most 60 s and
2 GB. ``frequencies --all`` counts the whole page, not only the body the separator
finds (on the concatenated news, the body is one article's region). Each case runs in
its own subprocess, limited to ``--timeout`` CPU seconds (120; four times that in
wall-clock seconds catches a hang) and ``--cap-mb``
resident MB (4,000, to spare the shared machine); a case over either is killed and
shown as ``> 120 s`` or ``> 4000 MB``. Seconds are CPU seconds (user + system) of the
whole command, interpreter start included, or of the call alone for the rows that
call one function: on a shared machine they barely move with its load, where
wall-clock seconds (shown in the progress lines on stderr) can be three times more.
Peak MB is the child's maximum resident set size (``os.wait4``). In a series of
growing inputs (news 1, 5, 19.9 MB; one line 5, 19.9 MB) a command over the limit
is not run on the larger ones.

The inputs are written to a temporary directory, never into the project: real news
text (the English gold article bodies of the boilerplate benchmark and the
TimeBank and AQUAINT documents with their tags removed, one paragraph a line,
repeated to 1, 5 and 19.9 MB), and the pathological inputs of issue 13 built from
that text or from repeated strings. Every file has a ``.meta.json`` sidecar with a
publication date, so relative expressions are anchored.

    .venv/bin/python benchmarks/hardening.py [--timeout S] [--only TEXT] [--command C] [--no-before] [DIR]

The "before" table holds the figures measured on main at fed3b30 on 2026-12-01
(``BEFORE`` below) and is printed first; then the figures of the code installed now.
A cell reads ``CPU seconds / peak MB``; ``*`` marks a cell over the goal; ``exit N``
a command that refused the input (the last line of its stderr is listed below the
table). DIR defaults to ../shared/benchmarks (beside the repository).
"""

from __future__ import annotations

import argparse
import html
import json
import math
import os
import re
import resource
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIR = ROOT.parent / "shared" / "benchmarks"
COMMANDS = ("read", "body", "timexes", "timeline", "frequencies", "frequencies --all")
GOAL_SECONDS, GOAL_MB = 60.0, 2000.0
PUBLISHED = "2023-05-01"
MB = 1_000_000
WALL_FACTOR = 4  # a case is also killed after this many times --timeout in wall-clock seconds (a hang)
BEFORE_DATE = "2026-12-01, main at fed3b30"
# (case, command) -> (CPU seconds, peak MB, status): status "ok", "timeout" (CPU), "wall" (wall-clock
# limit), "memory", "skipped" or "exit N" ("one line 19.9 MB", "frequencies --all": exit 1 was a
# traceback, nltk's TimeoutError).
BEFORE: dict[tuple[str, str], tuple[float, float, str]] = {
    ("news 1 MB", "read"): (0.18, 27, "ok"),
    ("news 1 MB", "body"): (0.77, 81, "ok"),
    ("news 1 MB", "timexes"): (2.12, 31, "ok"),
    ("news 1 MB", "timeline"): (4.59, 117, "ok"),
    ("news 1 MB", "frequencies"): (1.90, 124, "ok"),
    ("news 5 MB", "read"): (0.48, 73, "ok"),
    ("news 5 MB", "body"): (1.47, 115, "ok"),
    ("news 5 MB", "timexes"): (43.28, 96, "ok"),
    ("news 5 MB", "timeline"): (6.24, 141, "ok"),
    ("news 5 MB", "frequencies"): (2.79, 149, "ok"),
    ("news 19.9 MB", "read"): (1.79, 284, "ok"),
    ("news 19.9 MB", "body"): (4.74, 324, "ok"),
    ("news 19.9 MB", "timexes"): (99.54, 293, "wall"),
    ("news 19.9 MB", "timeline"): (11.38, 325, "ok"),
    ("news 19.9 MB", "frequencies"): (5.33, 325, "ok"),
    ("one line 5 MB", "read"): (0.43, 73, "ok"),
    ("one line 5 MB", "body"): (14.55, 3908, "memory"),
    ("one line 5 MB", "timexes"): (71.11, 84, "ok"),
    ("one line 5 MB", "timeline"): (13.76, 3907, "memory"),
    ("one line 5 MB", "frequencies"): (13.51, 3909, "memory"),
    ("one line 19.9 MB", "read"): (1.27, 247, "ok"),
    ("one line 19.9 MB", "body"): (0.00, 0, "skipped"),
    ("one line 19.9 MB", "timexes"): (115.08, 249, "timeout"),
    ("one line 19.9 MB", "timeline"): (0.00, 0, "skipped"),
    ("one line 19.9 MB", "frequencies"): (0.00, 0, "skipped"),
    ("first line 160 KB", "read"): (0.10, 40, "ok"),
    ("first line 160 KB", "body"): (12.01, 3911, "memory"),
    ("first line 160 KB", "timexes"): (0.72, 40, "ok"),
    ("first line 160 KB", "timeline"): (12.26, 3914, "memory"),
    ("first line 160 KB", "frequencies"): (11.59, 3914, "memory"),
    ("repeated paragraphs 5 MB", "read"): (0.39, 45, "ok"),
    ("repeated paragraphs 5 MB", "body"): (1.15, 99, "ok"),
    ("repeated paragraphs 5 MB", "timexes"): (16.18, 67, "ok"),
    ("repeated paragraphs 5 MB", "timeline"): (1.73, 178, "ok"),
    ("repeated paragraphs 5 MB", "frequencies"): (1.68, 175, "ok"),
    ("space-less 1 MB", "read"): (0.14, 45, "ok"),
    ("space-less 1 MB", "body"): (6.37, 3923, "memory"),
    ("space-less 1 MB", "timexes"): (116.34, 45, "timeout"),
    ("space-less 1 MB", "timeline"): (6.89, 3912, "memory"),
    ("space-less 1 MB", "frequencies"): (8.22, 3908, "memory"),
    ("'a' * 1 MB", "read"): (0.16, 45, "ok"),
    ("'a' * 1 MB", "body"): (0.69, 59, "ok"),
    ("'a' * 1 MB", "timexes"): (0.23, 45, "ok"),
    ("'a' * 1 MB", "timeline"): (1.23, 148, "ok"),
    ("'a' * 1 MB", "frequencies"): (1.19, 142, "ok"),
    ("'.' * 1 MB", "read"): (0.14, 45, "ok"),
    ("'.' * 1 MB", "body"): (0.74, 58, "ok"),
    ("'.' * 1 MB", "timexes"): (0.26, 45, "ok"),
    ("'.' * 1 MB", "timeline"): (1.43, 148, "ok"),
    ("'.' * 1 MB", "frequencies"): (1.13, 142, "ok"),
    ("'a\\n' * 2.5 M (5 MB)", "read"): (13.34, 503, "ok"),
    ("'a\\n' * 2.5 M (5 MB)", "body"): (26.77, 2268, "ok"),
    ("'a\\n' * 2.5 M (5 MB)", "timexes"): (10.83, 505, "ok"),
    ("'a\\n' * 2.5 M (5 MB)", "timeline"): (23.21, 2269, "ok"),
    ("'a\\n' * 2.5 M (5 MB)", "frequencies"): (24.45, 2278, "ok"),
    ("'1/' * 4000", "read"): (0.16, 45, "ok"),
    ("'1/' * 4000", "body"): (0.79, 56, "ok"),
    ("'1/' * 4000", "timexes"): (2.34, 45, "ok"),
    ("'1/' * 4000", "timeline"): (1.22, 148, "ok"),
    ("'1/' * 4000", "frequencies"): (1.07, 142, "ok"),
    ("'12:' * 4000", "read"): (0.10, 45, "ok"),
    ("'12:' * 4000", "body"): (0.59, 55, "ok"),
    ("'12:' * 4000", "timexes"): (3.40, 45, "ok"),
    ("'12:' * 4000", "timeline"): (0.96, 148, "ok"),
    ("'12:' * 4000", "frequencies"): (0.95, 142, "ok"),
    ("'Jan2020Monday' * 2000", "read"): (0.10, 45, "ok"),
    ("'Jan2020Monday' * 2000", "body"): (0.54, 82, "ok"),
    ("'Jan2020Monday' * 2000", "timexes"): (3.74, 45, "ok"),
    ("'Jan2020Monday' * 2000", "timeline"): (1.46, 148, "ok"),
    ("'Jan2020Monday' * 2000", "frequencies"): (1.51, 142, "ok"),
    ("'Monday ' * 10000", "read"): (0.15, 45, "ok"),
    ("'Monday ' * 10000", "body"): (1.98, 416, "ok"),
    ("'Monday ' * 10000", "timexes"): (4.33, 45, "ok"),
    ("'Monday ' * 10000", "timeline"): (2.28, 416, "ok"),
    ("'Monday ' * 10000", "frequencies"): (1.98, 416, "ok"),
    ("'two days ago ' * 100", "read"): (0.09, 45, "ok"),
    ("'two days ago ' * 100", "body"): (0.55, 56, "ok"),
    ("'two days ago ' * 100", "timexes"): (0.15, 45, "ok"),
    ("'two days ago ' * 100", "timeline"): (0.95, 148, "ok"),
    ("'two days ago ' * 100", "frequencies"): (0.90, 142, "ok"),
    ("'a' * 200 KB + '@'", "read"): (0.08, 45, "ok"),
    ("'a' * 200 KB + '@'", "body"): (0.77, 56, "ok"),
    ("'a' * 200 KB + '@'", "timexes"): (0.15, 45, "ok"),
    ("'a' * 200 KB + '@'", "timeline"): (0.91, 148, "ok"),
    ("'a' * 200 KB + '@'", "frequencies"): (0.89, 142, "ok"),
    ("find_timexes('1/' * 4000)", "call"): (2.23, 45, "ok"),
    ("find_timexes('12:' * 4000)", "call"): (3.33, 45, "ok"),
    ("find_timexes('Jan2020Monday' * 2000)", "call"): (4.07, 45, "ok"),
    ("find_timexes('Monday ' * 10000)", "call"): (5.78, 45, "ok"),
    ("build_timeline('two days ago ' * 100)", "call"): (13.64, 149, "ok"),
    ("tokenize('a' * 1 MB)", "call"): (0.24, 283, "ok"),
    ("tokenize('a' * 200 KB + '@')", "call"): (113.48, 55, "timeout"),
    ("split_sentences('a.' * 500 K)", "call"): (0.09, 55, "ok"),
    ("split_sentences('.' * 1 MB)", "call"): (0.15, 55, "ok"),
    ("frequency_table('word ' * 1 M)", "call"): (2.33, 272, "ok"),
    ("news 1 MB", "frequencies --all"): (2.89, 176, "ok"),
    ("news 5 MB", "frequencies --all"): (8.53, 279, "ok"),
    ("news 19.9 MB", "frequencies --all"): (25.06, 742, "ok"),
    ("one line 5 MB", "frequencies --all"): (7.21, 268, "ok"),
    ("one line 19.9 MB", "frequencies --all"): (6.76, 288, "exit 1"),
    ("first line 160 KB", "frequencies --all"): (1.92, 155, "ok"),
    ("repeated paragraphs 5 MB", "frequencies --all"): (10.44, 270, "ok"),
    ("space-less 1 MB", "frequencies --all"): (2.77, 157, "ok"),
    ("'a' * 1 MB", "frequencies --all"): (1.72, 284, "ok"),
    ("'.' * 1 MB", "frequencies --all"): (1.96, 135, "ok"),
    ("'a\\n' * 2.5 M (5 MB)", "frequencies --all"): (37.13, 995, "ok"),
    ("'1/' * 4000", "frequencies --all"): (0.98, 140, "ok"),
    ("'12:' * 4000", "frequencies --all"): (1.18, 140, "ok"),
    ("'Jan2020Monday' * 2000", "frequencies --all"): (1.11, 140, "ok"),
    ("'Monday ' * 10000", "frequencies --all"): (1.06, 140, "ok"),
    ("'two days ago ' * 100", "frequencies --all"): (1.05, 139, "ok"),
    ("'a' * 200 KB + '@'", "frequencies --all"): (119.96, 56, "timeout"),
}


@dataclass(frozen=True)
class Result:
    """One measured cell: seconds, peak MB, status and the first line of stderr."""

    seconds: float
    mb: float
    status: str
    message: str = ""
    wall: float = 0.0


@dataclass(frozen=True)
class FileCase:
    """A file to run through every CLI command."""

    name: str
    build: Callable[[str], str]  # news text -> the file's text
    series: str = ""  # cases of one series grow; once one is over the limit, the larger are skipped


@dataclass(frozen=True)
class CallCase:
    """One function call, timed alone inside its subprocess."""

    name: str
    setup: str
    call: str


def load_news(directory: Path) -> str:
    """Return the benchmark folders' English news text, one paragraph a line, documents apart."""
    parts = []
    for gold in sorted((directory / "boilerplate" / "pages").glob("*.gold.txt")):
        if gold.with_name(gold.name.replace(".gold.txt", ".lang")).read_text().strip() == "en":
            parts.append(gold.read_text("utf-8").strip())
    for document in sorted((directory / "timex").glob("*/*.tml")):
        if document.parent.name in ("TimeBank", "AQUAINT"):
            match = re.search(r"<TEXT>(.*)</TEXT>", document.read_text("utf-8"), re.DOTALL)
            if match:
                text = html.unescape(re.sub(r"<[^>]+>", "", match.group(1)))
                parts.append(
                    "\n".join(" ".join(block.split()) for block in re.split(r"\n\s*\n", text)).strip()
                )
    if not parts:
        raise SystemExit(f"{directory}: no benchmark text found")
    return "\n\n".join(parts) + "\n\n"


def repeat_to(text: str, size: int) -> str:
    """Return ``text`` repeated and cut to ``size`` UTF-8 bytes (at a line end when there is one)."""
    data = (text.encode("utf-8") * (size // len(text.encode("utf-8")) + 1))[:size]
    cut = data.rfind(b"\n", 0, size)
    return data[: cut + 1 if cut > size * 0.99 else size].decode("utf-8", errors="ignore")


def one_line(news: str, size: int) -> str:
    """Return ``size`` bytes of news text on a single line."""
    return repeat_to(" ".join(news.split()) + " ", size).replace("\n", " ")


def first_line(news: str, size: int) -> str:
    """Return news text whose first line is ``size`` bytes long."""
    return one_line(news, size) + "\n\n" + repeat_to(news, 200_000)


def repeated_paragraphs(news: str, size: int) -> str:
    """Return a page of a title and the same three paragraphs repeated to ``size`` bytes."""
    paragraphs = [line for line in news.splitlines() if len(line) > 200][:3]
    return "A page of repeated paragraphs\n\n" + repeat_to("\n\n".join(paragraphs) + "\n\n", size)


def spaceless(news: str, size: int) -> str:
    """Return ``size`` bytes of news text with every space and line break removed."""
    return repeat_to("".join(news.split()), size)


FILE_CASES = [
    FileCase("news 1 MB", lambda news: repeat_to(news, 1 * MB), "news"),
    FileCase("news 5 MB", lambda news: repeat_to(news, 5 * MB), "news"),
    FileCase("news 19.9 MB", lambda news: repeat_to(news, 19_900_000), "news"),
    FileCase("one line 5 MB", lambda news: one_line(news, 5 * MB), "one line"),
    FileCase("one line 19.9 MB", lambda news: one_line(news, 19_900_000), "one line"),
    FileCase("first line 160 KB", lambda news: first_line(news, 160_000)),
    FileCase("repeated paragraphs 5 MB", lambda news: repeated_paragraphs(news, 5 * MB)),
    FileCase("space-less 1 MB", lambda news: spaceless(news, 1 * MB)),
    FileCase("'a' * 1 MB", lambda news: "a" * MB),
    FileCase("'.' * 1 MB", lambda news: "." * MB),
    FileCase("'a\\n' * 2.5 M (5 MB)", lambda news: "a\n" * (5 * MB // 2)),
    FileCase("'1/' * 4000", lambda news: "1/" * 4000),
    FileCase("'12:' * 4000", lambda news: "12:" * 4000),
    FileCase("'Jan2020Monday' * 2000", lambda news: "Jan2020Monday" * 2000),
    FileCase("'Monday ' * 10000", lambda news: "Monday " * 10000),
    FileCase("'two days ago ' * 100", lambda news: "two days ago " * 100),
    FileCase("'a' * 200 KB + '@'", lambda news: "a" * 200_000 + "@ b"),
]

_DCT = f"from datetime import date; DCT = date.fromisoformat({PUBLISHED!r})"
CALL_CASES = [
    CallCase(
        "find_timexes('1/' * 4000)",
        f"from helpers.timex import find_timexes; {_DCT}",
        "find_timexes('1/' * 4000, DCT)",
    ),
    CallCase(
        "find_timexes('12:' * 4000)",
        f"from helpers.timex import find_timexes; {_DCT}",
        "find_timexes('12:' * 4000, DCT)",
    ),
    CallCase(
        "find_timexes('Jan2020Monday' * 2000)",
        f"from helpers.timex import find_timexes; {_DCT}",
        "find_timexes('Jan2020Monday' * 2000, DCT)",
    ),
    CallCase(
        "find_timexes('Monday ' * 10000)",
        f"from helpers.timex import find_timexes; {_DCT}",
        "find_timexes('Monday ' * 10000, DCT)",
    ),
    CallCase(
        "build_timeline('two days ago ' * 100)",
        f"from helpers.timeline import build_timeline; {_DCT}",
        "build_timeline('two days ago ' * 100, DCT)",
    ),
    CallCase("tokenize('a' * 1 MB)", "from helpers.tokens import tokenize", "tokenize('a' * 1_000_000)"),
    CallCase(
        "tokenize('a' * 200 KB + '@')",
        "from helpers.tokens import tokenize",
        "tokenize('a' * 200_000 + '@ b')",
    ),
    CallCase(
        "split_sentences('a.' * 500 K)",
        "from helpers.text import split_sentences",
        "split_sentences('a.' * 500_000)",
    ),
    CallCase(
        "split_sentences('.' * 1 MB)",
        "from helpers.text import split_sentences",
        "split_sentences('.' * 1_000_000)",
    ),
    CallCase(
        "frequency_table('word ' * 1 M)",
        "from helpers.frequencies import frequency_table, tokenize",
        "frequency_table(tokenize('word ' * 1_000_000))",
    ),
]


def measure(command: list[str], timeout: float, cap_mb: float) -> Result:
    """Run ``command``, killing it past ``timeout`` CPU seconds or ``cap_mb`` resident MB."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(
            command, stdout=out, stderr=err, stdin=subprocess.DEVNULL, preexec_fn=_limits(timeout, cap_mb)
        )
        status = "ok"
        while True:
            pid, code, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - start > timeout * WALL_FACTOR:
                status = "wall"
            elif _resident_mb(process.pid) > cap_mb:
                status = "memory"
            if status != "ok":
                os.kill(process.pid, signal.SIGKILL)
                pid, code, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.05)
        process.returncode = os.waitstatus_to_exitcode(code)  # reaped here, not by Popen
        wall = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        lines = err.read().decode("utf-8", "replace").strip().splitlines()
        timed = out.read().decode("utf-8", "replace").strip().splitlines()
    seconds = usage.ru_utime + usage.ru_stime
    if status == "ok" and process.returncode == -signal.SIGXCPU:
        status = "timeout"
    elif status == "ok" and process.returncode != 0:
        status = f"exit {process.returncode}"
    if status == "ok" and timed and timed[-1].startswith("elapsed "):
        seconds = float(timed[-1].split()[1])
    message = lines[-1] if lines and status.startswith("exit") else ""
    return Result(seconds, usage.ru_maxrss / 1000, status, message, wall)


def _limits(timeout: float, cap_mb: float) -> Callable[[], None]:
    """Return a pre-exec hook limiting the child's CPU seconds, and its address space as a backstop."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_CPU, (math.ceil(timeout), math.ceil(timeout) + 5))
        limit_bytes = int(cap_mb * 2 * MB)
        resource.setrlimit(resource.RLIMIT_AS, (limit_bytes, limit_bytes))

    return limit


def _resident_mb(pid: int) -> float:
    """Return the resident MB of a running process (0 when it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/statm").read_text().split()
    except OSError:
        return 0.0
    return int(fields[1]) * os.sysconf("SC_PAGE_SIZE") / MB


def cell(result: Result | tuple[float, float, str] | None, timeout: float, cap_mb: float) -> str:
    """Format one result as ``seconds / MB``, with ``*`` when it misses the goal."""
    if result is None:
        return "–"
    seconds, mb, status = (
        result[:3] if isinstance(result, tuple) else (result.seconds, result.mb, result.status)
    )
    if status == "timeout":
        return f"> {timeout:.0f} s *"
    if status == "wall":
        return f"> {timeout * WALL_FACTOR:.0f} s wall *"
    if status == "memory":
        return f"> {cap_mb:.0f} MB *"
    if status == "skipped":
        return "skipped * (smaller input over)"
    over = seconds > GOAL_SECONDS or mb > GOAL_MB
    text = f"{seconds:.2f} s / {mb:.0f} MB" + (" *" if over else "")
    return text if status == "ok" else f"{status}, {text}"


def print_table(title: str, results: dict[tuple[str, str], object], timeout: float, cap_mb: float) -> None:
    """Print a markdown table: one row per input, one column per command (or the call)."""
    print(f"\n{title}\n")
    print("| input | " + " | ".join(COMMANDS) + " |")
    print("|---" * (len(COMMANDS) + 1) + "|")
    for case in FILE_CASES:
        cells = [cell(results.get((case.name, command)), timeout, cap_mb) for command in COMMANDS]
        if any(c != "–" for c in cells):
            print(f"| {case.name} | " + " | ".join(cells) + " |")
    print("\n| call | seconds / peak MB |\n|---|---|")
    for call in CALL_CASES:
        if (call.name, "call") in results:
            print(f"| `{call.name}` | {cell(results[(call.name, 'call')], timeout, cap_mb)} |")


def run_cases(directory: Path, args: argparse.Namespace) -> dict[tuple[str, str], Result]:
    """Build every input in a temporary directory and measure each case."""
    news = load_news(directory)
    results: dict[tuple[str, str], Result] = {}
    over: set[tuple[str, str]] = set()
    with tempfile.TemporaryDirectory(prefix="hardening-") as temporary:
        for number, case in enumerate(FILE_CASES):
            if args.only and args.only not in case.name:
                continue
            path = Path(temporary) / f"case-{number}.txt"
            path.write_text(case.build(news), "utf-8")
            path.with_suffix(".meta.json").write_text(json.dumps({"published": PUBLISHED}))
            for command in COMMANDS:
                if args.command and command not in args.command:
                    continue
                if (case.series, command) in over:
                    result = Result(0.0, 0.0, "skipped")
                else:
                    command_line = [sys.executable, "-m", "helpers", *command.split(), str(path)]
                    result = measure(command_line, args.timeout, args.cap_mb)
                if case.series and result.status in ("timeout", "wall", "memory", "skipped"):
                    over.add((case.series, command))
                results[(case.name, command)] = result
                _progress(case.name, command, result, args)
            path.unlink()
    for call in CALL_CASES:
        if args.only and args.only not in call.name or args.command and "call" not in args.command:
            continue
        timed_call = f"t = time.process_time(); {call.call}; print('elapsed', time.process_time() - t)"
        code = f"import time; {call.setup}; {timed_call}"
        result = measure([sys.executable, "-c", code], args.timeout, args.cap_mb)
        results[(call.name, "call")] = result
        _progress(call.name, "call", result, args)
    return results


def _progress(name: str, command: str, result: Result, args: argparse.Namespace) -> None:
    """Print one finished case on stderr, so a long run shows where it is."""
    figures = cell(result, args.timeout, args.cap_mb)
    print(f"{name:40} {command:12} {figures} (wall {result.wall:.1f} s)", file=sys.stderr, flush=True)


def main() -> None:
    """Print the before table, then measure and print the current one."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("benchmarks", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds before a case is killed")
    parser.add_argument("--cap-mb", type=float, default=4000.0, help="resident MB at which a case is killed")
    parser.add_argument("--only", help="run only the inputs whose name holds this text")
    parser.add_argument("--command", action="append", help="run only this command (or 'call'); repeatable")
    parser.add_argument("--no-before", action="store_true", help="do not print the before table")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args()
    if not args.no_before and BEFORE:
        print_table(f"Before ({BEFORE_DATE}; limits 120 s, 4000 MB)", BEFORE, 120, 4000)
    results = run_cases(args.benchmarks, args)
    if args.json:
        args.json.write_text(
            json.dumps(
                [[name, command, r.seconds, r.mb, r.status, r.wall] for (name, command), r in results.items()]
            )
        )
    print_table(
        f"Now ({time.strftime('%Y-%m-%d %H:%M')}; limits {args.timeout:.0f} s, {args.cap_mb:.0f} MB)",
        results,
        args.timeout,
        args.cap_mb,
    )
    refusals = {(name, command, r.message) for (name, command), r in results.items() if r.message}
    for name, command, message in sorted(refusals):
        print(f"- {name}, {command}: {message[:200]}")
    print(f"\nGoal: <= {GOAL_SECONDS:.0f} s and <= {GOAL_MB:.0f} MB per cell; * marks a miss.")


if __name__ == "__main__":
    main()
