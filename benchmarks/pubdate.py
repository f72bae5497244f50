"""Benchmark the publication-date finder on page dumps, beside the dataset README's anchors.

    python benchmarks/pubdate.py [PAGES] [--repeat 3] [--errors]

PAGES defaults to ../shared/benchmarks/pubdate/pages (from the repository root).
Each NAME.txt dump is given to ``helpers.pubdate.find_published`` (text only: no
URL, no HTML), with today's date as the upper bound; the benchmark's own scorer
(PAGES/../evaluate.py, imported in place, not copied) counts precision, recall,
accuracy and F1 as htmldate's evaluation does. Speed is the median over pages of
the best of ``--repeat`` runs, in milliseconds, on the text already in memory.
The anchors are the figures the dataset README reports on the same pages.

A second table is a check on pages the finder was not tuned on: the English
pages of the boilerplate benchmark whose URL carries the date (/YYYY/MM/DD/),
read with ``read_article`` from their text dumps and from their saved HTML
(htmldate's date from the markup first, then the page's own stamp), the URL
date taken as gold. (The one-day rule of ``prefer_printed_date`` came from
three of these pages, where htmldate's UTC timestamp is a day off the printed
stamp; the text-dump row was not tuned on them.)
"""

from __future__ import annotations

import re
import statistics
import time
from pathlib import Path
from types import ModuleType

from common import import_scorer, pages_parser, timed

from helpers.article import read_article
from helpers.pubdate import find_published

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PAGES = ROOT.parent / "shared" / "benchmarks" / "pubdate" / "pages"
BOILERPLATE_PAGES = ROOT.parent / "shared" / "benchmarks" / "boilerplate" / "pages"
URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](\d\d)[/-](\d\d)(?:/|\b)")
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
    mentions, ms = timed(find_published, dumps, repeat)
    return {name: mention.value.isoformat() if mention else None for name, mention in mentions.items()}, ms


def main(argv: list[str] | None = None) -> int:
    """Score the finder on the pages and print it beside the anchors."""
    parser = pages_parser(__doc__, DEFAULT_PAGES)
    parser.add_argument("--errors", action="store_true", help="list the pages whose date is wrong or missing")
    args = parser.parse_args(argv)
    evaluate = import_scorer(parser, args.pages, "pubdate")

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
    print_url_dated_check(BOILERPLATE_PAGES, evaluate)
    return 0


def url_gold(pages: Path) -> dict[str, str]:
    """The date in the URL of every English boilerplate page that has one (NAME -> YYYY-MM-DD)."""
    gold = {}
    for url_file in sorted(pages.glob("*.url")):
        name = url_file.name.removesuffix(".url")
        match = URL_DATE.search(url_file.read_text("utf-8"))
        language = pages / f"{name}.lang"
        if match and language.is_file() and language.read_text("utf-8").strip() == "en":
            gold[name] = "-".join(match.groups())
    return gold


def print_url_dated_check(pages: Path, evaluate: ModuleType) -> None:
    """Score ``read_article``'s date on URL-dated boilerplate pages, from the dump and from the saved HTML."""
    gold = url_gold(pages) if pages.is_dir() else {}
    if not gold:
        return
    print()
    print(f"Check: {len(gold)} English boilerplate pages dated by their URL ({pages})")
    print(f"{'input':<44} {'P':>6} {'R':>6} {'Acc':>6} {'F1':>6} {'ms/page':>8}")
    for label, path_of in (
        ("text dump (page line)", lambda name: pages / f"{name}.txt"),
        (
            "saved HTML (html metadata, else page line)",
            lambda name: pages.parent / "html" / f"{name}.html.gz",
        ),
    ):
        found, times = {}, []
        for name in gold:
            start = time.perf_counter()
            published = read_article(path_of(name)).published
            times.append((time.perf_counter() - start) * 1000)
            found[name] = published.isoformat() if published else None
        result = evaluate.score(gold, found)
        figures = (result["precision"], result["recall"], result["accuracy"], result["f1"])
        print(f"{label:<44} " + " ".join(f"{v:6.3f}" for v in figures) + f" {statistics.median(times):8.2f}")
    print("ms/page: the whole read_article (decoding, HTML to dump, language, date), once per page.")


if __name__ == "__main__":
    raise SystemExit(main())
