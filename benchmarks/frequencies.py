"""Benchmark tokenizing and counting 1 MB of English news text, beside the usual nltk tools.

Prints, for each tokenizer, the fastest of three runs over the same 1,000,000 bytes
(one core) and how many of its tokens (as a multiset) agree with nltk's Treebank tokenizer run the
way ``helpers.tokens.tokenize_with_nltk`` runs it (the reference), then the time of
counting the words into a frequency table. The text: the English gold article bodies
of the boilerplate benchmark and the TempEval-3 TimeBank/AQUAINT documents (tags
removed), repeated from the start up to 1,000,000 bytes.

    .venv/bin/python benchmarks/frequencies.py [BENCHMARKS_DIR]

BENCHMARKS_DIR defaults to ../shared/benchmarks (beside the repository). nltk's
``word_tokenize`` itself needs the punkt model, which is not installable offline, so
its tokenizer (``NLTKWordTokenizer``) is run on our Punkt sentences instead.
"""

from __future__ import annotations

import argparse
import html
import re
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from nltk.tokenize import NLTKWordTokenizer, TreebankWordTokenizer

from helpers.frequencies import frequency_table
from helpers.text import split_sentences
from helpers.tokens import tokenize, tokenize_with_nltk

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIR = ROOT.parent / "shared" / "benchmarks"
SIZE = 1_000_000


def load_news(directory: Path, size: int = SIZE) -> str:
    """Return ``size`` bytes of English news text from the benchmark folders."""
    parts = []
    for gold in sorted((directory / "boilerplate" / "pages").glob("*.gold.txt")):
        if gold.with_name(gold.name.replace(".gold.txt", ".lang")).read_text().strip() == "en":
            parts.append(gold.read_text("utf-8"))
    for document in sorted((directory / "timex").glob("*/*.tml")):
        match = re.search(r"<TEXT>(.*)</TEXT>", document.read_text("utf-8"), re.DOTALL)
        if match:
            parts.append(html.unescape(re.sub(r"<[^>]+>", "", match.group(1))))
    corpus = "\n".join(parts).encode("utf-8")
    if not corpus:
        raise SystemExit(f"{directory}: no benchmark text found")
    data = (corpus * (size // len(corpus) + 1))[:size]
    return data.decode("utf-8", errors="ignore")


def fastest(function: Callable[[str], list[str]], text: str, runs: int = 3) -> tuple[float, list[str]]:
    """Return the fastest time of ``runs`` calls and the tokens."""
    best, tokens = float("inf"), []
    for _ in range(runs):
        start = time.perf_counter()
        tokens = function(text)
        best = min(best, time.perf_counter() - start)
    return best, tokens


def per_sentence(tokenizer: Callable[[str], list[str]]) -> Callable[[str], list[str]]:
    """Run a word tokenizer on each of our Punkt sentences."""
    return lambda text: [token for sentence in split_sentences(text) for token in tokenizer(sentence.text)]


def agreement(tokens: list[str], reference: list[str]) -> float:
    """Return the share of reference tokens also found by the tool (multiset overlap)."""
    return sum((Counter(tokens) & Counter(reference)).values()) / max(len(reference), 1)


def main() -> None:
    """Print the speed and agreement table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT_DIR)
    args = parser.parse_args()
    text = load_news(args.directory)
    size = len(text.encode("utf-8"))
    tools: list[tuple[str, Callable[[str], list[str]]]] = [
        ("helpers.tokens.tokenize (ours, one regex pass)", tokenize),
        ("helpers.tokens.tokenize_with_nltk (reference)", tokenize_with_nltk),
        ("nltk NLTKWordTokenizer on Punkt sentences", per_sentence(NLTKWordTokenizer().tokenize)),
        ("nltk TreebankWordTokenizer on Punkt sentences", per_sentence(TreebankWordTokenizer().tokenize)),
        ("regex \\w+ (no sentences, no clitics)", re.compile(r"\w+").findall),
    ]
    _, reference = fastest(tokenize_with_nltk, text, runs=1)
    print(f"text: {size:,} bytes of English news, {len(reference):,} reference tokens")
    print()
    print("| tokenizer | seconds per MB | tokens | same as reference |")
    print("|---|---|---|---|")
    for name, function in tools:
        seconds, tokens = fastest(function, text)
        same = "identical" if tokens == reference else f"{agreement(tokens, reference):.1%}"
        print(f"| {name} | {seconds * SIZE / size:.2f} | {len(tokens):,} | {same} |")
    print()
    seconds, table = fastest(lambda value: frequency_table(tokenize(value)), text)
    print(
        f"tokenize + frequency_table (our stoplist): {seconds * SIZE / size:.2f} s per MB, {len(table):,} word types"
    )
    seconds, _ = fastest(lambda value: Counter(token.lower() for token in tokenize(value)), text)
    print(f"tokenize + collections.Counter (no stoplist): {seconds * SIZE / size:.2f} s per MB")


if __name__ == "__main__":
    main()
