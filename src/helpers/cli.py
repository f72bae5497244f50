"""Command-line interface: parse arguments, call the helpers, print. No logic of its own.

Each subcommand is a ``command_*`` function registered in ``build_parser``.
Errors about the input (``ArticleError``, an unreadable file, or a bad option) print
one line on stderr and exit 2; errors writing the output, running out of memory and
bugs print one line and exit 1 (``HELPERS_TRACEBACK=1`` shows a bug's traceback);
Ctrl-C prints one line and exits 130. argparse reports a bad option with its usage
line first. Warnings (a page with no body) print as ``note:`` lines on stderr.
"""

from __future__ import annotations

import argparse
import errno
import os
import sys
import warnings
from collections.abc import Sequence
from datetime import date

from helpers.article import Article, ArticleError, read_article
from helpers.language import NotEnglishWarning, warn_if_not_english


def iso_date(text: str) -> date:
    """Parse a YYYY-MM-DD option value; argparse reports a bad one.

    >>> iso_date("2023-05-01")
    datetime.date(2023, 5, 1)
    """
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def positive_int(text: str) -> int:
    """Parse a whole number of at least 1; argparse reports anything else.

    >>> positive_int("20")
    20
    """
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least 1")
    return int(text)


def _add_mode(parser: argparse.ArgumentParser) -> None:
    """Add ``--mode`` (what relative expressions anchor on) to a command."""
    parser.add_argument(
        "--mode",
        choices=("auto", "news", "narrative"),
        default="auto",
        help="anchor relative dates on the publication date (news), on the last date the text told "
        "(narrative), or decide per expression (auto, the default)",
    )


def command_read(args: argparse.Namespace) -> None:
    """Print the title, the paragraph count and what the reader noticed or repaired."""
    article = read_article(args.path, published=args.published)
    print(f"title: {article.title}")
    print(f"paragraphs: {len(article.paragraphs)}")
    print(f"encoding: {article.encoding}")
    print(f"published: {article.published or 'unknown'}" + _source(article.published_source))
    print(f"language: {article.language or 'unknown'}")
    if article.html_source is not None:
        print(f"converted from HTML: {article.html_source}")
    warn_if_not_english(article.language, "timex, stoplist frequencies and keyness")
    for repair in article.repairs:
        print(f"repair: line {repair.line}: {repair.kind}: {repair.detail}")
    for note in article.notes:
        print(f"note: {note}")


def _source(source: str | None) -> str:
    """' (from SOURCE)' for a known date source, else ''.

    >>> _source("page line 4")
    ' (from page line 4)'
    """
    return f" (from {source})" if source else ""


def note_found_date(article: Article) -> None:
    """Say on stderr when the publication date was found in the page rather than given."""
    if article.published_source not in (None, "argument", "sidecar"):
        print(f"note: publication date {article.published} from {article.published_source}", file=sys.stderr)


def command_body(args: argparse.Namespace) -> None:
    """Print the body paragraphs one a line, or with ``--labels`` every paragraph's label as TSV."""
    from helpers.boilerplate import separate

    separation = separate(read_article(args.path))
    if args.labels:
        table = separation.paragraphs.astype(str)
        for row in [list(table.columns), *table.values.tolist()]:
            print("\t".join(value.replace("\t", " ") for value in row))
    elif separation.body:
        print(separation.body)


def command_timexes(args: argparse.Namespace) -> None:
    """Print the article's temporal expressions, one a line (tab-separated) or as JSON."""
    import json

    from helpers.timex import find_timexes

    article = read_article(args.path, published=args.published)
    warn_if_not_english(article.language, "timex")
    note_found_date(article)
    timexes = find_timexes(article.text, article.published, mode=args.mode)
    if args.json:
        fields = ("start", "end", "text", "type", "value", "mod")
        print(json.dumps([{k: getattr(t, k) for k in fields} for t in timexes], ensure_ascii=False, indent=1))
        return
    for t in timexes:
        print("\t".join((str(t.start), str(t.end), t.type, t.value, t.mod or "", t.text)))


def command_timeline(args: argparse.Namespace) -> None:
    """Print the events the article's body dates, one a line (tab-separated) or as CSV."""
    from helpers.boilerplate import separate
    from helpers.timeline import body_origins, build_timeline

    article = read_article(args.path, published=args.published)
    warn_if_not_english(article.language, "timeline (timex)")
    note_found_date(article)
    if article.published is None:
        print("note: no publication date; expressions relative to it are left out", file=sys.stderr)
    separation = separate(article)
    lines = body_origins(article.text, separation.body_paragraphs)
    timeline = build_timeline(separation.body, article.published, lines=lines, mode=args.mode)
    if args.csv:
        print(timeline.to_csv(index=False), end="")
        return
    columns = ["start", "end", "value", "anchor", "mentions", "duration", "line", "event"]
    for row in [columns, *timeline[columns].astype(str).values.tolist()]:
        print("\t".join(row))


def command_frequencies(args: argparse.Namespace) -> None:
    """Print the most frequent words of the body (or of the whole page), as a table or CSV."""
    from helpers.boilerplate import separate
    from helpers.frequencies import frequency_table, tokenize

    article = read_article(args.path)
    warn_if_not_english(article.language, "stoplist frequencies")
    text = article.text if args.all else separate(article).body
    table = frequency_table(tokenize(text), stem=args.stem, top=args.top)
    if args.csv:
        print(table.to_csv(index=False), end="")
    else:
        print(table.round({"per_1000": 2}).to_string(index=False))


def command_corpus(args: argparse.Namespace) -> None:
    """Study every page of a folder or glob into tables under ``--out``; print a summary and the errors."""
    from helpers.corpus import run_corpus

    corpus = run_corpus(
        args.source,
        engine=args.engine,
        workers=args.workers,
        scheduler=args.scheduler,
        published=args.published,
        out=args.out,
        exclude=args.exclude,
    )
    print(corpus.summary)
    print(f"tables: {args.out} (Parquet and CSV: articles, paragraphs, timexes, events, counts, errors)")
    if corpus.summary.errors:
        errors = corpus.errors
        for path, message in zip(errors["path"][:10], errors["message"][:10]):
            print(f"note: {message if message.startswith(path) else f'{path}: {message}'}", file=sys.stderr)
        if len(errors) > 10:
            print(f"note: {len(errors) - 10:,} more in {args.out}/errors.csv", file=sys.stderr)


def command_corpus_timeline(args: argparse.Namespace) -> None:
    """Print the merged timeline of a saved corpus: one row per event, with how many articles report it."""
    from helpers.corpus import Corpus
    from helpers.corpus_analysis import merged_timeline

    corpus = Corpus.load(args.folder)
    merged = merged_timeline(corpus.events, corpus.articles)
    merged = merged[merged["articles"] >= args.min_articles]
    if args.csv:
        print(merged.to_csv(index=False), end="")
        return
    columns = ["start", "end", "value", "articles", "first_report", "last_report", "article_ids", "event"]
    for row in [columns, *merged[columns].astype(str).values.tolist()]:
        print("\t".join(value.replace("\t", " ") for value in row))


def add_corpus_commands(commands: argparse._SubParsersAction) -> None:
    """Register ``corpus`` and ``corpus-timeline``."""
    corpus = commands.add_parser(
        "corpus", help="study every page of a folder or glob into tables (many articles)"
    )
    corpus.add_argument(
        "source", metavar="DIR_OR_GLOB", help="a folder of page dumps, a glob pattern or one file"
    )
    corpus.add_argument(
        "--out", required=True, help="folder for the tables (re-runs study only new or changed files)"
    )
    corpus.add_argument(
        "--engine", choices=("serial", "processes", "dask"), default="serial", help="default serial"
    )
    corpus.add_argument(
        "--workers", type=positive_int, help="processes or local Dask workers (default: one per core)"
    )
    corpus.add_argument("--scheduler", metavar="ADDR", help="a running Dask scheduler, e.g. tcp://host:8786")
    corpus.add_argument(
        "--published", type=iso_date, help="one publication date for every page (default: sidecars)"
    )
    corpus.add_argument("--exclude", action="append", default=[], metavar="PATTERN",
                        help="leave out file names matching PATTERN, e.g. '*.gold.txt' (repeatable)")  # fmt: skip
    corpus.set_defaults(run=command_corpus)

    timeline = commands.add_parser("corpus-timeline", help="print the merged timeline of a saved corpus")
    timeline.add_argument("folder", metavar="DIR", help="a folder written by `corpus --out DIR`")
    timeline.add_argument(
        "--min-articles", type=positive_int, default=1, help="events reported by N articles or more"
    )
    timeline.add_argument("--csv", action="store_true", help="print every column as CSV")
    timeline.set_defaults(run=command_corpus_timeline)


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with one subparser per step."""
    parser = argparse.ArgumentParser(
        prog="python -m helpers",
        description=(
            "Study a news article saved as a plain-text page dump or a saved HTML page (.html, .htm, gzipped too)."
        ),
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    read = commands.add_parser("read", help="read a page dump and report on it")
    read.add_argument("path", help="the article's text file")
    read.add_argument(
        "--published", type=iso_date, help="publication date YYYY-MM-DD (default: the .meta.json sidecar)"
    )
    read.set_defaults(run=command_read)

    body = commands.add_parser("body", help="print the body paragraphs, without the boilerplate")
    body.add_argument("path", help="the article's text file")
    body.add_argument(
        "--labels",
        action="store_true",
        help="print every paragraph's line, text, label, score and reason as TSV",
    )
    body.set_defaults(run=command_body)

    timexes = commands.add_parser("timexes", help="list the temporal expressions (TIMEX3) of an article")
    timexes.add_argument("path", help="the article's text file")
    timexes.add_argument(
        "--published",
        type=iso_date,
        help="publication date YYYY-MM-DD anchoring relative expressions (default: the .meta.json sidecar)",
    )
    timexes.add_argument(
        "--json", action="store_true", help="print a JSON list of {start, end, text, type, value, mod}"
    )
    _add_mode(timexes)
    timexes.set_defaults(run=command_timexes)

    timeline = commands.add_parser("timeline", help="list the events the article's body dates, in time order")
    timeline.add_argument("path", help="the article's text file")
    timeline.add_argument(
        "--published", type=iso_date, help="publication date YYYY-MM-DD (default: the .meta.json sidecar)"
    )
    timeline.add_argument("--csv", action="store_true", help="print every column as CSV")
    _add_mode(timeline)
    timeline.set_defaults(run=command_timeline)

    frequencies = commands.add_parser("frequencies", help="count the words of the body, without stopwords")
    frequencies.add_argument("path", help="the article's text file")
    frequencies.add_argument(
        "--top", type=positive_int, default=20, help="how many words to print (default 20)"
    )
    frequencies.add_argument("--csv", action="store_true", help="print CSV (word, count, per_1000, rank)")
    frequencies.add_argument("--all", action="store_true", help="count the whole page, boilerplate included")
    frequencies.add_argument("--stem", action="store_true", help="group words by Snowball stem")
    frequencies.set_defaults(run=command_frequencies)

    add_corpus_commands(commands)

    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    try:
        args = build_parser().parse_args(argv)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            status = run(args)
        for warning in caught:
            kind = "warning" if issubclass(warning.category, NotEnglishWarning) else "note"
            print(f"{kind}: {warning.message}", file=sys.stderr)
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    return status


def input_errors() -> tuple[type[Exception], ...]:
    """The errors that are problems with the input: ``ArticleError``, and ``CorpusError`` once loaded.

    ``helpers.corpus`` is imported only by the corpus commands, so the others start faster.

    >>> input_errors()[0].__name__
    'ArticleError'
    """
    corpus = sys.modules.get("helpers.corpus")
    return (ArticleError, corpus.CorpusError) if corpus is not None else (ArticleError,)


def run(args: argparse.Namespace) -> int:
    """Run the chosen subcommand; every error becomes one line on stderr and a non-zero status.

    Status 2: the input or an option is bad (the line says which and why); 1: the output
    could not be written, memory ran out, or a bug (set ``HELPERS_TRACEBACK=1`` to see it).
    """
    try:
        args.run(args)
        sys.stdout.flush()  # inside the try: a full disk or a closed pipe shows at the flush
    except input_errors() as exc:
        return fail(str(exc), 2)
    except BrokenPipeError:  # the reader of our output left (`... | head`): stop quietly
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps Python from failing to flush at exit
    except OSError as exc:
        if not exc.filename:  # the output failed: leave nothing for Python to flush at exit
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        return fail(describe_os_error(exc), 2 if exc.filename else 1)
    except MemoryError:
        return fail(f"{_input(args)}: out of memory; try a smaller file or a machine with more memory", 1)
    except Exception as exc:
        if os.environ.get("HELPERS_TRACEBACK"):
            raise
        problem = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
        return fail(f"{_input(args)}: unexpected {problem} (a bug: please report it with the file)", 1)
    return 0


def _input(args: argparse.Namespace) -> str:
    """Return what the command reads: its file, folder or glob."""
    names = ("path", "source", "folder")
    return next((str(value) for name in names if (value := getattr(args, name, None))), "the input")


def describe_os_error(exc: OSError) -> str:
    """Return one line for an operating-system error: the file (or the output), the cause, what to do.

    >>> describe_os_error(PermissionError(errno.EACCES, "Permission denied", "a.meta.json"))
    "a.meta.json: Permission denied; check the file's permissions"
    >>> describe_os_error(OSError(errno.ENOSPC, "No space left on device"))
    'cannot write the output: No space left on device; free some disk space'
    """
    where = exc.filename or "cannot write the output"
    advice = _ADVICE.get(exc.errno or 0, "")
    return f"{where}: {exc.strerror or exc}" + (f"; {advice}" if advice else "")


_ADVICE = {
    errno.EACCES: "check the file's permissions",
    errno.EPERM: "check the file's permissions",
    errno.ENAMETOOLONG: "rename the file or move it to a shorter path",
    errno.ENOSPC: "free some disk space",
    errno.EROFS: "write the output to a writable place",
    errno.EIO: "check the disk or the device",
}


def fail(message: str, status: int) -> int:
    """Print ``error: message`` on stderr and return ``status``.

    >>> fail("a.txt: no such file", 2)
    2
    """
    print(f"error: {message}", file=sys.stderr)
    return status
