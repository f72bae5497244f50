"""Benchmark reading and separating hard-wrapped and PDF-like versions of the development pages.

    python benchmarks/variants.py [PAGES] [--repeat 3]

Researchers often have news text hard-wrapped at a fixed width (e-mail,
LexisNexis/Factiva exports, archives) or pasted from a PDF (narrow lines, line-end
hyphenation, a running head with the page number on every page). This script turns
each development page dump (PAGES defaults to ../shared/benchmarks/boilerplate/pages)
deterministically into such versions, written to a temporary folder only:

- clean:       the dump as it is, one block per line;
- wrapped-80:  every block wrapped at 80 columns, no blank lines between blocks;
- wrapped-72:  the same at 72 columns;
- PDF-like:    72 columns, long words hyphenated at a line end by a syllable rule,
               and a running head "<title> | Page N of M" every 50 lines;
- ragged-72:   72 columns, but each line ends up to 8 columns short of where the
               next word would still fit, as wrappers that balance their lines
               (optimal-fit, text extracted from a justified PDF) leave it.

Each version is read with ``read_article`` (which unwraps it) and separated with
``separate``; the benchmark's own scorer (PAGES/../evaluate.py, imported in place
as benchmarks/boilerplate.py does) gives bag-of-4-grams F1, precision and recall of
the body against NAME.gold.txt. ms/page is the median over pages of the best of
``--repeat`` runs of reading and separating one file. *F1 as is* scores the same
files read with unwrapping switched off: what the reader did before ``helpers.unwrap``.
"""

from __future__ import annotations

import random
import tempfile
import warnings
from collections.abc import Callable
from pathlib import Path
from unittest import mock

from common import import_scorer, pages_parser, timed

from helpers.article import read_article
from helpers.boilerplate import separate
from helpers.unwrap import Unwrapped

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PAGES = ROOT.parent / "shared" / "benchmarks" / "boilerplate" / "pages"
PAGE_LINES = 50
RAGGED = 8
VOWELS = set("aeiouyAEIOUY")
MIN_PART = 3


def split_at_syllable(word: str, room: int) -> tuple[str, str] | None:
    """Split a long word where a vowel meets a consonant, the head plus "-" in ``room`` columns.

    >>> split_at_syllable("teachers", 6), split_at_syllable("teachers", 2), split_at_syllable("U.S.", 9)
    (('tea', 'chers'), None, None)
    """
    if not word.isalpha() or len(word) < 2 * MIN_PART:
        return None
    cuts = [
        cut
        for cut in range(MIN_PART, len(word) - MIN_PART + 1)
        if cut + 1 <= room and word[cut - 1] in VOWELS and word[cut] not in VOWELS
    ]
    return (word[: cuts[-1]], word[cuts[-1] :]) if cuts else None


def wrap_block(
    block: str, width: int, hyphenate: bool = False, short: Callable[[], int] = lambda: 0
) -> list[str]:
    """Wrap one block greedily at ``width`` columns (words longer than the width stay whole).

    ``short()`` gives how many columns short of ``width`` each line must end.

    >>> wrap_block("the storm reached the coast", 12)
    ['the storm', 'reached the', 'coast']
    >>> wrap_block("our teachers said", 10, hyphenate=True)
    ['our tea-', 'chers said']
    """
    lines, current, target = [], "", width - short()
    for word in block.split():
        while word:
            candidate = f"{current} {word}" if current else word
            if len(candidate) <= target or not current:
                current, word = candidate, ""
                continue
            split = split_at_syllable(word, target - len(current) - 1) if hyphenate else None
            if split:
                lines.append(f"{current} {split[0]}-")
                word = split[1]
            else:
                lines.append(current)
            current, target = "", width - short()
    return [*lines, current] if current else lines


def wrap_dump(
    text: str, width: int, hyphenate: bool = False, page_lines: int | None = None, ragged: int = 0
) -> str:
    """A page dump hard-wrapped at ``width``, optionally hyphenated, with a running head per page,
    or with lines ending up to ``ragged`` columns short (drawn from a generator seeded by the text).

    >>> wrap_dump("Storm\\nthe storm reached the coast", 12).split("\\n")
    ['Storm', 'the storm', 'reached the', 'coast', '']
    """
    blocks = [line.strip() for line in text.split("\n") if line.strip()]
    draw = random.Random(len(text))
    short = (lambda: draw.randint(0, ragged)) if ragged else (lambda: 0)
    lines = [line for block in blocks for line in wrap_block(block, width, hyphenate, short)]
    if not page_lines or not lines:
        return "\n".join(lines) + "\n"
    title = blocks[0][:40].rstrip()
    pages = [lines[start : start + page_lines] for start in range(0, len(lines), page_lines)]
    heads = [f"{title} | Page {number} of {len(pages)}" for number in range(1, len(pages) + 1)]
    return "\n".join(line for head, page in zip(heads, pages) for line in [head, *page]) + "\n"


VARIANTS: dict[str, Callable[[str], str]] = {
    "clean": lambda text: text,
    "wrapped-80": lambda text: wrap_dump(text, 80),
    "wrapped-72": lambda text: wrap_dump(text, 72),
    "PDF-like": lambda text: wrap_dump(text, 72, hyphenate=True, page_lines=PAGE_LINES),
    "ragged-72": lambda text: wrap_dump(text, 72, ragged=RAGGED),
}


def read_and_separate(path: Path) -> tuple[str, bool]:
    """The separated body of a page file, and whether the reader unwrapped it."""
    article = read_article(path)
    return separate(article).body, any(
        repair.kind == "unwrapped hard-wrapped text" for repair in article.repairs
    )


def run(paths: dict[str, Path], repeat: int) -> tuple[dict[str, str], float, int]:
    """Each page's body, the median best-of-``repeat`` ms per page, and how many pages were unwrapped."""
    results, ms = timed(read_and_separate, paths, repeat)
    bodies = {name: body for name, (body, _) in results.items()}
    return bodies, ms, sum(was_wrapped for _, was_wrapped in results.values())


def as_is(text: str) -> Unwrapped:
    """Stand-in for ``helpers.unwrap.unwrap`` that leaves every line as it is."""
    return Unwrapped(text, tuple(range(1, text.count("\n") + 2)))


def main(argv: list[str] | None = None) -> int:
    """Write the variants to a temporary folder, read and separate them, print the table."""
    parser = pages_parser(__doc__, DEFAULT_PAGES)
    args = parser.parse_args(argv)
    evaluate = import_scorer(parser, args.pages, "boilerplate")

    gold_all = evaluate.load_gold(args.pages)
    gold_en = evaluate.load_gold(args.pages, "en")
    dumps = {name: (args.pages / f"{name}.txt").read_text("utf-8") for name in gold_all}
    warnings.simplefilter("ignore", UserWarning)  # "no body found": an empty body scores as such
    print(f"{len(gold_all)} pages ({len(gold_en)} English) from {args.pages}")
    print(
        f"{'variant':<12} {'F1':>6} {'P':>6} {'R':>6}   {'F1 en':>6}   "
        f"{'unwrapped':>9} {'ms/page':>7}   {'F1 as is':>8}"
    )
    with tempfile.TemporaryDirectory(prefix="variants-") as folder:
        for variant, make in VARIANTS.items():
            paths = {}
            for name, text in dumps.items():
                paths[name] = Path(folder) / f"{variant}-{name[:16]}.txt"
                paths[name].write_text(make(text), "utf-8")
            bodies, ms, unwrapped = run(paths, args.repeat)
            every = evaluate.evaluate(gold_all, bodies, n=4, n_bootstrap=0)
            english = evaluate.evaluate(gold_en, bodies, n=4, n_bootstrap=0)
            with mock.patch("helpers.unwrap.unwrap", as_is):
                before = evaluate.evaluate(gold_all, run(paths, 1)[0], n=4, n_bootstrap=0)
            print(
                f"{variant:<12} {every['f1']:6.3f} {every['precision']:6.3f} {every['recall']:6.3f}   "
                f"{english['f1']:6.3f}   {unwrapped:>4}/{len(paths):<4} {ms:7.2f}   {before['f1']:8.3f}"
            )
    print("ms/page: read_article (decoding, unwrapping) + separate on one file, median over pages.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
