"""Benchmark the body/boilerplate separator against jusText and boilerpy3 on real page dumps.

    python benchmarks/boilerplate.py [PAGES] [--repeat 3]
    python benchmarks/boilerplate.py [PAGES] --steps [--repeat 3]   # CPU time of each step of separate()
    python benchmarks/boilerplate.py [PAGES] --body-rounds N        # only the body, N rounds (for valgrind)

PAGES defaults to ../shared/benchmarks/boilerplate/pages (from the repository
root) when it is there. Every method reads the same NAME.txt dumps; the
benchmark's own scorer (PAGES/../evaluate.py, imported from the dataset folder,
not copied) gives bag-of-4-grams F1, precision and recall against NAME.gold.txt,
over all pages and over the English ones. Speed is the median over pages of the
fastest of ``--repeat`` rounds, in milliseconds of CPU time; in a round every
method runs on a page before the next page (``common.timed_together``), so a
machine that gets busier during the run slows every method alike. For our
separator it is ``separate(article)`` on the already read ``Article``, timed
twice: for its ``.body`` alone (what a pipeline needs) and with its
per-paragraph table (``.paragraphs``: labels, scores and reasons) built, as a
researcher looks at it. Reading the dump (``parse_article``, step 1) is timed in
its own column. The machine's load average is printed beside the figures: on a
shared machine busy with other work, CPU time too grows (the cores and caches are
shared), so compare methods within one run. jusText and boilerpy3 are HTML tools, so each
dump line is given to them as one <p> of a minimal HTML page (for jusText through
``helpers.baselines.justext_labels``, the wrapper notebook 02 uses), which is how a
researcher would feed them a text dump (and reproduces the dataset README's baselines).

``--steps`` prints instead where ``separate(article).body`` spends its time: the
CPU microseconds a page (mean over the pages, in the fastest of ``--repeat``
rounds) of each function it calls, timed by wrapping those functions for the run.

``--body-rounds N`` only runs ``separate(article).body`` N rounds over the pages, for
counting instructions, which no load on the machine changes: the difference of two
runs under valgrind is the work of the extra rounds (divide by rounds and pages)::

    valgrind --tool=callgrind --callgrind-out-file=/dev/null .venv/bin/python benchmarks/boilerplate.py --body-rounds 1
    valgrind --tool=callgrind --callgrind-out-file=/dev/null .venv/bin/python benchmarks/boilerplate.py --body-rounds 3
"""

from __future__ import annotations

import functools
import gzip
import html
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

from common import import_scorer, load_note, pages_parser, timed_together

from helpers import boilerplate, paragraph_features
from helpers.article import Article, parse_article, read_article
from helpers.baselines import justext_labels
from helpers.boilerplate import (
    Separation,
    appeal_near_voice,
    find_furniture,
    find_thread,
    is_numeric,
    opens_with_request,
    separate,
)
from helpers.paragraph_features import word_key

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PAGES = ROOT.parent / "shared" / "benchmarks" / "boilerplate" / "pages"
STEPS = {  # the functions separate() calls, where it looks them up (segment and read_page hold others)
    boilerplate: (
        "segment", "read_page", "read_words", "measure_texts", "title_repeats", "edge_appeals", "split_appeals",
        "local_scores", "find_appeals", "find_furniture", "find_tables", "decode_blocks", "find_other_stories",
        "find_thread", "keep_list_items", "trim_numeric_edges", "mark_repeats", "mark_standfirst",
        "merge_split_boilerplate",
    ),
    paragraph_features: ("read_words", "measure_texts", "title_repeats"),
}  # fmt: skip


def as_html(text: str) -> str:
    """Return a page dump as minimal HTML, every non-empty line as a <p> (as the dataset's baselines were run)."""
    paragraphs = "".join(
        f"<p>{html.escape(line.strip())}</p>\n" for line in text.splitlines() if line.strip()
    )
    return f"<html><body>\n{paragraphs}</body></html>"


def ours_body(article: Article) -> str:
    """Our separator's body alone (what a pipeline needs)."""
    return separate(article).body


def ours(article: Article) -> str:
    """Our separator's body, after building its per-paragraph table (what a researcher looks at)."""
    separation = separate(article)
    _ = separation.paragraphs
    return separation.body


def jus_text(lines: list[str]) -> str:
    """jusText 3 with its English stoplist and default settings (``helpers.baselines.justext_labels``)."""
    return "\n".join(line for line, label in zip(lines, justext_labels(lines)) if label == "body")


def boilerpy(page: str) -> str:
    """boilerpy3's ArticleExtractor."""
    from boilerpy3 import extractors

    return extractors.ArticleExtractor(raise_on_failure=False).get_content(page)


@contextmanager
def timing_steps(spent: dict[str, float]) -> Iterator[None]:
    """Wrap the ``STEPS`` functions for the block, adding each call's CPU seconds to ``spent`` by name."""

    def timed_step(name: str, function: Callable) -> Callable:
        @functools.wraps(function)
        def step(*args: object, **kwargs: object) -> object:
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.process_time() - start

        return step

    originals = [(module, name, getattr(module, name)) for module, names in STEPS.items() for name in names]
    try:
        for module, name, function in originals:
            setattr(module, name, timed_step(name, function))
        yield
    finally:
        for module, name, function in originals:
            setattr(module, name, function)


def print_steps(articles: list[Article], repeat: int) -> None:
    """Print the CPU microseconds a page of each step of ``separate(article).body``, in its fastest round."""
    best: tuple[float, dict[str, float]] = (float("inf"), {})
    for _ in range(repeat):
        spent: dict[str, float] = {}
        with timing_steps(spent):
            start = time.process_time()
            for article in articles:
                _ = separate(article).body
            total = time.process_time() - start
        best = min(best, (total, spent), key=lambda run: run[0])
    total, spent = best
    print(f"separate(article).body on {len(articles)} pages: {total / len(articles) * 1e6:.0f} CPU us a page")
    print(f"(the fastest of {repeat} rounds, every step wrapped in a timer; {load_note()})")
    for name, seconds in sorted(spent.items(), key=lambda item: -item[1]):
        print(f"  {name:<26} {seconds / len(articles) * 1e6:7.0f} us  {seconds / total:6.1%}")
    print("segment holds read_page, title_repeats, edge_appeals, split_appeals and, for split sentences,")
    print("read_words and measure_texts; read_page holds read_words and measure_texts.")


def main(argv: list[str] | None = None) -> int:
    """Run the three methods on the pages and print the comparison table."""
    parser = pages_parser(__doc__, DEFAULT_PAGES)
    parser.add_argument("--steps", action="store_true", help="print the CPU time of each step of separate()")
    parser.add_argument(
        "--body-rounds", type=int, metavar="N", help="only run separate(article).body N rounds (for valgrind)"
    )
    args = parser.parse_args(argv)
    evaluate = import_scorer(parser, args.pages, "boilerplate")

    gold_all = evaluate.load_gold(args.pages)
    gold_en = evaluate.load_gold(args.pages, "en")
    dumps = {name: (args.pages / f"{name}.txt").read_text("utf-8") for name in gold_all}
    articles = {name: parse_article(text) for name, text in dumps.items()}
    pages = {name: as_html(text) for name, text in dumps.items()}
    lines = {
        name: [line.strip() for line in text.splitlines() if line.strip()] for name, text in dumps.items()
    }
    warnings.simplefilter("ignore", UserWarning)  # "no body found" warnings: an empty body scores as such
    if args.steps:
        print_steps(list(articles.values()), args.repeat)
        return 0
    if args.body_rounds is not None:
        for _ in range(args.body_rounds):
            for article in articles.values():
                ours_body(article)
        print(f"{args.body_rounds} rounds of separate(article).body on {len(articles)} pages")
        return 0

    load_before = load_note()
    timed = timed_together(
        {
            "read": (parse_article, dumps),
            "body": (ours_body, articles),
            "helpers.boilerplate": (ours, articles),
            "jusText": (jus_text, lines),
            "boilerpy3 Article": (boilerpy, pages),
        },
        args.repeat,
    )
    print(f"{len(gold_all)} pages ({len(gold_en)} English) from {args.pages}")
    columns = f"{'F1':>6} {'P':>6} {'R':>6}   {'F1 en':>6} {'P en':>6} {'R en':>6}"
    print(f"{'method':<22} {columns}   {'ms body':>7} {'ms/page':>7} {'read ms':>7}")
    for label in ("helpers.boilerplate", "jusText", "boilerpy3 Article"):
        bodies, ms = timed[label]
        ours_only = label == "helpers.boilerplate"
        body = f"{timed['body'][1]:7.2f}" if ours_only else "      -"
        read = f"{timed['read'][1]:7.2f}" if ours_only else "      -"
        every = evaluate.evaluate(gold_all, bodies, n=4, n_bootstrap=0)
        english = evaluate.evaluate(gold_en, bodies, n=4, n_bootstrap=0)
        print(
            f"{label:<22} {every['f1']:6.3f} {every['precision']:6.3f} {every['recall']:6.3f}   "
            f"{english['f1']:6.3f} {english['precision']:6.3f} {english['recall']:6.3f}   {body} {ms:7.2f} {read}"
        )
    print("ms body: ours, separate(article).body alone (no table); ms/page: separating a page already read")
    print("(ours: separate() with its .paragraphs table of labels, scores and reasons built);")
    print("read ms: reading the dump into an Article (helpers.article.parse_article, step 1), on top of it.")
    print(
        f"CPU ms, the fastest of {args.repeat} interleaved rounds; {load_before} before, {load_note()} after."
    )
    print_languages(args.pages, evaluate, timed["helpers.boilerplate"][0])
    print_error_kinds(args.pages, {name: articles[name] for name in gold_en})
    print_html_input(args.pages, evaluate, gold_all, gold_en, args.repeat)
    return 0


def print_languages(pages: Path, evaluate: ModuleType, bodies: dict[str, str]) -> None:
    """Print our separator's F1, precision and recall per language of the gold text (NAME.lang)."""
    languages = sorted({(pages / f"{name}.lang").read_text("utf-8").strip() for name in bodies})
    scores = []
    for language in languages:
        gold = evaluate.load_gold(pages, language)
        found = evaluate.evaluate(gold, {name: bodies[name] for name in gold}, n=4, n_bootstrap=0)
        scores.append(
            f"{language} ({len(gold)}) {found['f1']:.3f}/{found['precision']:.3f}/{found['recall']:.3f}"
        )
    print("helpers.boilerplate by language, pages F1/P/R: " + ", ".join(scores))


# --- Error kinds: what the wrongly kept and wrongly dropped text of our separator is ---

KINDS = ("comment thread", "letterless or numeric", "caption or credit", "appeal", "other")


def line_labels(pages: Path, name: str) -> dict[int, int]:
    """Return the dataset's per-line labels of a page (1 = body), from NAME.labels.tsv."""
    rows = (pages / f"{name}.labels.tsv").read_text("utf-8").splitlines()[1:]
    return {int(row.split("\t")[0]): int(row.split("\t")[1]) for row in rows}


def error_kind(separation: Separation, index: int, thread: int) -> str:
    """Return the kind of a paragraph our separator got wrong (one of ``KINDS``), judged by general cues."""
    row, text = separation.features[index], separation.texts[index]
    if row.comment or index >= thread:
        return "comment thread"
    if is_numeric(row):
        return "letterless or numeric"
    if row.credit or find_furniture(["", text], ["", word_key(text)], [row, row])[1]:
        return "caption or credit"
    if row.appeal and (opens_with_request(text) or appeal_near_voice(text)):
        return "appeal"
    return "other"


def print_error_kinds(pages: Path, articles: dict[str, Article]) -> None:
    """Print the share of wrongly kept and wrongly dropped words (line labels) by kind, English pages."""
    kept, dropped = dict.fromkeys(KINDS, 0), dict.fromkeys(KINDS, 0)
    for name, article in articles.items():
        labels, separation = line_labels(pages, name), separate(article)
        thread = find_thread(separation.features, 1)
        for index, (line, label, text) in enumerate(
            zip(separation.lines, separation.labels, separation.texts)
        ):
            gold = labels.get(line, 0) == 1
            if (label == "body") != gold and label != "title":
                counts = kept if label == "body" else dropped
                counts[error_kind(separation, index, thread)] += len(word_key(text).split())
    print()
    print(
        f"Error kinds of helpers.boilerplate on the {len(articles)} English pages (words, by the line labels):"
    )
    for title, counts in (("wrongly kept", kept), ("wrongly dropped", dropped)):
        total = sum(counts.values()) or 1
        shares = ", ".join(f"{kind} {count / total:.0%}" for kind, count in counts.items())
        print(f"  {title}: {sum(counts.values())} words: {shares}")
    print("  (comment thread: comment furniture or after the page's first thread; caption or credit: credit")
    print("  words or furniture; appeal: an appeal's shape; kinds are judged by the separator's own cues)")


# --- HTML input: our reader + separator on the saved pages, beside trafilatura and the text dumps ---


def ours_from_file(path: Path) -> str:
    """Our pipeline from a file: ``read_article`` (HTML turned into a dump, or the dump) then ``separate``."""
    return separate(read_article(path)).body


def trafilatura_body(path: Path) -> str:
    """trafilatura 2 on the original HTML, comments left out (``extract(include_comments=False)``)."""
    import trafilatura

    return trafilatura.extract(gzip.decompress(path.read_bytes()), include_comments=False) or ""


def print_html_input(pages: Path, evaluate: ModuleType, gold_all: dict, gold_en: dict, repeat: int) -> None:
    """Print F1 of our separator on HTML input beside trafilatura on the same HTML and ours on the dumps."""
    html_dir = pages.parent / "html"
    files = {name: html_dir / f"{name}.html.gz" for name in gold_all}
    if not all(path.is_file() for path in files.values()):
        print(f"(no HTML input section: {html_dir} lacks NAME.html.gz for every page)")
        return
    dumps = {name: pages / f"{name}.txt" for name in gold_all}
    print()
    print(f"HTML input: the same {len(files)} pages as saved HTML ({html_dir})")
    print(
        f"{'method':<34} {'F1':>6} {'P':>6} {'R':>6}   {'F1 en':>6} {'P en':>6} {'R en':>6}   {'ms/page':>7}"
    )
    timed = timed_together(
        {
            "helpers on HTML (read + separate)": (ours_from_file, files),
            "helpers on text dump (same)": (ours_from_file, dumps),
            "trafilatura on HTML": (trafilatura_body, files),
        },
        repeat,
    )
    for label, (bodies, ms) in timed.items():
        every = evaluate.evaluate(gold_all, bodies, n=4, n_bootstrap=0)
        english = evaluate.evaluate(gold_en, bodies, n=4, n_bootstrap=0)
        print(
            f"{label:<34} {every['f1']:6.3f} {every['precision']:6.3f} {every['recall']:6.3f}   "
            f"{english['f1']:6.3f} {english['precision']:6.3f} {english['recall']:6.3f}   {ms:7.2f}"
        )
    print(
        "ms/page: from the file on disk to the body (ours: read_article, HTML to dump when needed, then separate;"
    )
    print(
        "trafilatura: gunzip and extract). Dataset README: trafilatura 2.3.1 on the original HTML, F1 0.961."
    )


if __name__ == "__main__":
    raise SystemExit(main())
