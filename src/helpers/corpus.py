"""Run the whole pipeline over many page dumps: one row set per article, tidy tables that join on ``article_id``.

``run_corpus`` reads, separates, dates and counts every file with one worker function
(``study_file``) that returns small rows; the parent streams them to Parquet and CSV in
chunks, so a folder of 10,000 pages never sits in the parent's memory. Three engines
give the same tables: ``serial`` (one process), ``processes`` (the standard library's
process pool) and ``dask`` (a ``dask.distributed`` cluster: a ``LocalCluster`` by default,
or ``scheduler="tcp://host:8786"``; needs the ``[dask]`` extra).

Tables (``TABLES``): ``articles`` (one row per article read), ``paragraphs`` (labels and
line numbers), ``timexes`` (the body's time expressions), ``events`` (timeline rows),
``counts`` (body words without stopwords, per article) and ``errors`` (one row per file
that could not be read: a bad file never stops the batch). ``Corpus.save`` writes each
table as Parquet and CSV under a temporary name, then renames it, and the manifest
``corpus.json`` last; a re-run into the same folder processes only new or changed
files (content hash of the file, its sidecar and the date given for it).
"""

from __future__ import annotations

import fnmatch
import glob
import hashlib
import itertools
import json
import os
import shutil
import sys
import threading
import time
import warnings
from bisect import bisect_right
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from helpers import __version__
from helpers.article import parse_published

if TYPE_CHECKING:
    import pandas
    import pyarrow

    from helpers.article import Article

ENGINES = ("serial", "processes", "dask")
TABLES = ("articles", "paragraphs", "timexes", "events", "counts", "errors")
PAGE_SUFFIXES = (".txt", ".html", ".htm", ".html.gz", ".htm.gz")
MANIFEST = "corpus.json"
FORMAT = 1  # bump when a table's columns change: a re-run then processes every file again
BATCH = 16  # files per task sent to a worker: fewer round trips, still a smooth progress bar
CHUNK = 256  # articles per Parquet row group and CSV chunk written by the parent
# The collector's thresholds while pages are studied. A page allocates and frees many small
# objects and keeps few, so with Python's default (700 net allocations) the collector ran every
# page or so and its full passes scanned the loaded models: 0.7-1.2 ms a page, 3-5 % of the work (the
# last two rows of benchmarks/corpus.py --steps). At 50,000 a run of 880 pages needs none at all.
WORKER_GC_THRESHOLDS = (50_000, 20, 50)
DASK_EXTRA = "pip install 'news-article-helpers[dask]'"
_MAX_LINKS = 40  # symbolic links followed in a row before a path counts as a loop (Linux's limit)
_FORKS = sys.platform == "linux"  # where multiprocessing forks by default (the processes engine too)
# English prose with a date, a title and a stopword: every step of ``study_file`` runs on it.
_WARM_UP_TEXT = (
    "Storm hits coast\nThe storm reached the coast on 3 May 2023, officials said, and schools closed."
)

# Column names and Arrow types of every table; ``study_file`` returns rows in this order.
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": (
        ("article_id", "int64"), ("path", "string"), ("hash", "string"), ("title", "string"),
        ("published", "date32"), ("published_source", "string"), ("language", "string"),
        ("encoding", "string"), ("paragraphs", "int32"), ("body_paragraphs", "int32"),
        ("page_words", "int64"), ("body_words", "int64"), ("body_tokens", "int64"),
        ("repairs", "string"), ("notes", "string"),
    ),
    "paragraphs": (
        ("article_id", "int64"), ("paragraph", "int32"), ("line", "int32"), ("label", "string"),
        ("score", "float64"), ("words", "int32"), ("text", "string"),
    ),
    "timexes": (
        ("article_id", "int64"), ("line", "int32"), ("start", "int32"), ("end", "int32"),
        ("text", "string"), ("type", "string"), ("value", "string"), ("mod", "string"),
    ),
    "events": (
        ("article_id", "int64"), ("line", "int32"), ("start", "date32"), ("end", "date32"),
        ("value", "string"), ("granularity", "string"), ("expression", "string"), ("event", "string"),
        ("event_words", "string"), ("anchor", "string"), ("mentions", "int32"), ("duration", "string"),
        ("mod", "string"), ("sentence", "string"),
    ),
    "counts": (("article_id", "int64"), ("word", "string"), ("count", "int32")),
    "errors": (
        ("article_id", "int64"), ("path", "string"), ("hash", "string"), ("error", "string"),
        ("message", "string"),
    ),
}  # fmt: skip

Rows = dict[str, list[tuple]]
# A batch's rows by table as Arrow tables (``schema``): a worker converts its rows itself, so
# the parent unpickles a few buffers per column (no Python object per value, nor the Arrow
# conversion: a third of its work) and only joins and writes them.
Tables = dict[str, "pyarrow.Table"]
# Catching warnings swaps process-wide state: threads of one Dask worker study one file at a
# time (the steps hold the GIL anyway, so threads gain nothing from running them together).
_WARNINGS = threading.Lock()


class CorpusError(Exception):
    """A corpus that cannot be run, saved or loaded; the message names the path and the problem."""


@dataclass(frozen=True)
class Task:
    """One file to study: its article id, path, content hash and the date given for it (if any)."""

    article_id: int
    path: str
    digest: str | None  # None: a new path, hashed by the worker that studies it (nothing to compare with)
    published: date | None = None


@dataclass(frozen=True)
class Summary:
    """What a run did: files studied, files kept from the previous run, errors, seconds."""

    pages: int
    kept: int
    errors: int
    seconds: float
    engine: str
    workers: int

    @property
    def pages_per_second(self) -> float:
        """Pages studied per second of wall time (0 when nothing was studied)."""
        return self.pages / self.seconds if self.pages and self.seconds > 0 else 0.0

    def __str__(self) -> str:
        kept = f", {self.kept:,} unchanged kept" if self.kept else ""
        rate = self.pages_per_second
        return (
            f"{_plural(self.pages, 'page')} in {self.seconds:.1f} s ({rate:.{0 if rate >= 10 else 1}f} pages/s, "
            f"{self.engine}, {_plural(self.workers, 'worker')}){kept}; {_plural(self.errors, 'error')}"
        )


def _plural(count: int, noun: str) -> str:
    """Return "1 page", "2 pages", "1,000 pages"."""
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


class Corpus:
    """The tables of a corpus run, in memory or read on first use from a saved folder.

    >>> import pandas
    >>> Corpus({"articles": pandas.DataFrame({"article_id": [1]})}).articles.article_id.tolist()
    [1]
    """

    def __init__(
        self,
        tables: Mapping[str, pandas.DataFrame] | None = None,
        folder: Path | str | None = None,
        summary: Summary | None = None,
    ) -> None:
        self._tables = dict(tables or {})
        self.folder = Path(folder) if folder is not None else None
        self.summary = summary

    def table(self, name: str) -> pandas.DataFrame:
        """Return the table ``name`` (one of ``TABLES``), reading it from the folder on first use."""
        if name not in TABLES:
            raise KeyError(f"no table {name!r}; the tables are {', '.join(TABLES)}")
        if name not in self._tables:
            self._tables[name] = _read_table(self.folder, name) if self.folder else empty_table(name)
        return self._tables[name]

    articles = property(lambda self: self.table("articles"), doc="One row per article read.")
    paragraphs = property(lambda self: self.table("paragraphs"), doc="Every paragraph's label and line.")
    timexes = property(lambda self: self.table("timexes"), doc="The bodies' time expressions.")
    events = property(lambda self: self.table("events"), doc="The timeline rows of every article.")
    counts = property(lambda self: self.table("counts"), doc="Body words per article, stopwords left out.")
    errors = property(lambda self: self.table("errors"), doc="One row per file that could not be read.")

    def save(self, folder: Path | str) -> Path:
        """Write every table to ``folder`` as Parquet and CSV, each under a temporary name first."""
        folder = check_output(folder)
        with _TableSink(folder) as sink:
            for name in TABLES:
                sink.write(name, _arrow_table(name, self.table(name)))
        return folder

    @classmethod
    def load(cls, folder: Path | str) -> Corpus:
        """Open a saved corpus; tables are read when first used."""
        folder = Path(folder)
        manifest = read_manifest(folder)
        if manifest is None:
            raise CorpusError(f"{folder}: not a saved corpus (no {MANIFEST})")
        return cls(folder=folder)

    def __repr__(self) -> str:
        where = f"folder={str(self.folder)!r}" if self.folder else "in memory"
        return f"Corpus({where})"


def empty_table(name: str) -> pandas.DataFrame:
    """Return table ``name`` with its columns and types and no rows.

    >>> empty_table("counts").columns.tolist()
    ['article_id', 'word', 'count']
    """
    return _arrow_table(name, None).to_pandas()


def schema(name: str) -> pyarrow.Schema:
    """Return the Arrow schema of table ``name``.

    >>> schema("counts").names
    ['article_id', 'word', 'count']
    """
    import pyarrow as pa

    return pa.schema([(column, pa.type_for_alias(kind)) for column, kind in COLUMNS[name]])


def _arrow_table(name: str, data: pandas.DataFrame | list[tuple] | None) -> pyarrow.Table:
    """Return rows (tuples in column order), a DataFrame or nothing as an Arrow table of ``name``.

    Rows become one struct array, which Arrow builds from the tuples itself (no Python
    list per column), then the table of its fields.

    >>> _arrow_table("counts", [(1, "storm", 2), (1, "coast", 1)]).to_pydict()
    {'article_id': [1, 1], 'word': ['storm', 'coast'], 'count': [2, 1]}
    """
    import pyarrow as pa

    shape = schema(name)
    if data is None or isinstance(data, list):
        return pa.Table.from_struct_array(pa.array(data or [], type=pa.struct(shape)))
    return pa.Table.from_pandas(data[shape.names], schema=shape, preserve_index=False)


def _read_table(folder: Path, name: str) -> pandas.DataFrame:
    """Read table ``name`` of a saved corpus, a clear error when it is missing."""
    import pyarrow.parquet as pq

    path = folder / f"{name}.parquet"
    if not path.is_file():
        raise CorpusError(f"{path}: table missing from the saved corpus")
    return pq.read_table(path, schema=schema(name)).to_pandas()


def find_pages(source: str | Path | Iterable[str | Path], exclude: Sequence[str] = ()) -> list[Path]:
    """Return the page files of a folder (recursively), a glob pattern, one file or a list, sorted.

    A folder gives its page dumps and saved pages (``PAGE_SUFFIXES``), hidden folders left out;
    ``exclude`` holds file-name patterns to leave out (``"*.gold.txt"``).

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> for name in ("b.txt", "a.txt", "a.gold.txt", "a.meta.json"):
    ...     _ = (folder / name).write_text("x")
    >>> [path.name for path in find_pages(folder, exclude=["*.gold.txt"])]
    ['a.txt', 'b.txt']
    """
    if isinstance(source, str | Path):
        text = str(source)
        if Path(text).is_dir():
            paths = list(walk_pages(text))
        elif glob.has_magic(text):
            paths = [Path(p) for p in glob.glob(text, recursive=True) if Path(p).is_file()]
        elif Path(text).is_file():
            paths = [Path(text)]
        else:
            raise CorpusError(f"{text}: no such file, folder or pattern")
    else:
        paths = [Path(p) for p in source]
    kept = sorted({p for p in paths if not any(fnmatch.fnmatch(p.name, pattern) for pattern in exclude)})
    if not kept:
        raise CorpusError(f"{source}: no page files found (looked for {', '.join(PAGE_SUFFIXES)})")
    return kept


def walk_pages(folder: str) -> Iterator[Path]:
    """Yield the page files under ``folder``, recursively: hidden names left out, linked folders not entered.

    One ``os.scandir`` per folder: a plain file is known from its folder's listing, only a
    link costs a ``stat``.

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> for name in ("a.txt", "sub/b.HTML", ".hidden/c.txt", "sub/.d.txt", "e.json"):
    ...     (folder / name).parent.mkdir(exist_ok=True)
    ...     _ = (folder / name).write_text("x")
    >>> sorted(path.relative_to(folder).as_posix() for path in walk_pages(str(folder)))
    ['a.txt', 'sub/b.HTML']
    """
    folders = [folder]
    while folders:
        try:
            with os.scandir(folders.pop()) as entries:
                for entry in entries:
                    if entry.name.startswith("."):
                        continue
                    if entry.is_dir(follow_symlinks=False):
                        folders.append(entry.path)
                    elif entry.name.lower().endswith(PAGE_SUFFIXES) and _is_file(entry):
                        yield Path(entry.path)
        except OSError:  # a folder that cannot be listed holds no pages we can read
            continue


def _is_file(entry: os.DirEntry) -> bool:
    """Tell whether a folder entry is a file or a link to one (False when it cannot be told)."""
    try:
        return entry.is_file()
    except OSError:
        return False


def content_hash(path: Path, published: date | None = None) -> str:
    """Return a hash of the file, its ``.meta.json`` sidecar and the date given for it ("" if unreadable).

    >>> import pathlib, tempfile
    >>> page = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = page.write_text("Title\\nText.")
    >>> content_hash(page) == content_hash(page), content_hash(page) == content_hash(page, date(2023, 5, 1))
    (True, False)
    """
    digest = hashlib.blake2b(digest_size=16)
    try:
        digest.update(path.read_bytes())
        sidecar = path.with_suffix(".meta.json")
        digest.update(b"\0" + (sidecar.read_bytes() if sidecar.is_file() else b""))
    except (OSError, ValueError):
        return ""
    digest.update(b"\0" + (published.isoformat().encode() if published else b""))
    return digest.hexdigest()


def published_for(path: Path, published: date | str | Mapping | None) -> date | None:
    """Return the date given for ``path``: one date for all, or a mapping by path or file name.

    >>> published_for(Path("x/a.txt"), {"a.txt": "2023-05-01"}), published_for(Path("b.txt"), None)
    (datetime.date(2023, 5, 1), None)
    """
    if isinstance(published, Mapping):
        value = published.get(str(path), published.get(path.name))
        return parse_published(value, path)
    return parse_published(published, path)


def study_file(task: Task) -> Rows:
    """Read, separate, date and count one file; return its rows, or one error row (never raises).

    >>> import pathlib, tempfile
    >>> page = pathlib.Path(tempfile.mkdtemp()) / "storm.txt"
    >>> _ = page.write_text("Storm hits coast\\nThe storm reached the coast on 3 May 2023, officials said. "
    ...                     "Schools and roads were closed, and the police asked people to stay at home.")
    >>> rows = study_file(Task(1, str(page), "h"))
    >>> rows["events"][0][4], rows["events"][0][7]
    ('2023-05-03', 'storm reached the coast')
    """
    if task.digest is None:  # hashed here, in the worker, not one file at a time by the parent before the run
        task = replace(task, digest=content_hash(Path(task.path), task.published))
    try:
        with _WARNINGS, warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            rows = _study(task)
    except Exception as exc:  # a bad file is a row of the errors table, never the end of the batch
        return {"errors": [(task.article_id, task.path, task.digest, type(exc).__name__, str(exc))]}
    if caught:
        row = rows["articles"][0]
        notes = "; ".join(filter(None, [row[-1], *(str(w.message) for w in caught)]))
        rows["articles"][0] = (*row[:-1], notes)
    return rows


def study_batch(tasks: Sequence[Task]) -> list[Rows]:
    """Study several files in order."""
    return [study_file(task) for task in tasks]


def study_columns(tasks: Sequence[Task]) -> tuple[int, Tables]:
    """Study several files in order; return how many and their rows by table as Arrow tables (the unit of work).

    >>> import pathlib, tempfile
    >>> page = pathlib.Path(tempfile.mkdtemp()) / "storm.txt"
    >>> _ = page.write_text("Storm hits coast\\nThe storm reached the coast on 3 May 2023.")
    >>> count, tables = study_columns([Task(1, str(page), "h"), Task(2, str(page) + ".gone", "h")])
    >>> count, tables["articles"]["title"].to_pylist(), tables["errors"]["article_id"].to_pylist()
    (2, ['Storm hits coast'], [2])
    """
    rows: Rows = {name: [] for name in TABLES}
    for result in study_batch(tasks):
        for name, table_rows in result.items():
            rows[name].extend(table_rows)
    return len(tasks), {name: _arrow_table(name, table_rows) for name, table_rows in rows.items()}


def _study(task: Task) -> Rows:
    """Run every step on one file and return its rows in ``COLUMNS`` order."""
    from helpers.article import read_article

    return _article_rows(task, read_article(task.path, published=task.published))


def _article_rows(task: Task, article: Article) -> Rows:
    """Separate, date and count an article read for ``task``; return its rows in ``COLUMNS`` order."""
    from helpers.boilerplate import separate
    from helpers.frequencies import word_counts
    from helpers.timeline import body_origins, timeline_rows
    from helpers.timex import find_timexes
    from helpers.tokens import tokenize

    separation = separate(article)
    body = separation.body
    timexes = find_timexes(body, article.published)
    # Where each body paragraph starts in its line (0 when not found: a hard-wrapped page's
    # line numbers are the file's, past the rebuilt text's lines).
    body_paragraphs = separation.body_paragraphs
    origins = body_origins(article.text, body_paragraphs)
    timeline = timeline_rows(body, article.published, timexes, lines=origins)
    counts, tokens = word_counts(tokenize(body))
    key = task.article_id
    body_lines = BodyLines([text for _, text in body_paragraphs], origins)
    words = [len(text.split()) for text in separation.texts]
    paragraphs = list(
        zip(
            itertools.repeat(key),
            itertools.count(1),
            separation.lines,
            separation.labels,
            separation.scores,
            words,
            separation.texts,
        )
    )
    # The page's words are those of its paragraphs, counted again only where the separator changed them.
    same = separation.texts == tuple(p.text for p in article.paragraphs)
    page_words = sum(words) if same else sum(len(p.text.split()) for p in article.paragraphs)
    article_row = (
        key, task.path, task.digest, article.title, article.published,
        article.published_source, article.language, article.encoding, len(separation.labels),
        separation.labels.count("body"), page_words,
        sum(n for n, label in zip(words, separation.labels) if label == "body"), tokens,
        "; ".join(f"line {r.line}: {r.kind}" for r in article.repairs), "; ".join(article.notes),
    )  # fmt: skip
    return {
        "articles": [article_row],
        "paragraphs": paragraphs,
        "timexes": [_timex_row(key, t, body_lines) for t in timexes],
        "events": _event_rows(key, timeline),
        "counts": [(key, word, count) for word, count in sorted(counts.items())],
    }


def _timex_row(key: int, timex: Any, body_lines: BodyLines) -> tuple:
    """Return a time expression's row: its line and its span within that line."""
    line, start = body_lines.locate(timex.start)
    return (key, line, start, start + timex.end - timex.start, timex.text, timex.type, timex.value, timex.mod)


@dataclass(frozen=True)
class BodyLines:
    """Map an offset in ``Separation.body`` (body paragraphs joined by newlines) to (line, offset in the line).

    ``texts`` are the body paragraphs and ``places`` the (line, column) where each starts
    (``helpers.timeline.body_origins``: a line split in two holds two).

    >>> BodyLines(("One.", "Two."), ((2, 0), (2, 5))).locate(6)
    (2, 6)
    """

    texts: Sequence[str]
    places: Sequence[tuple[int, int]]
    starts: list[int] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        offset = 0
        for text in self.texts:
            self.starts.append(offset)
            offset += len(text) + 1

    def locate(self, offset: int) -> tuple[int, int]:
        """Return the line of the body paragraph holding ``offset`` and the offset within that line."""
        if not self.starts:
            return 0, offset
        index = max(bisect_right(self.starts, offset) - 1, 0)
        line, column = self.places[index]
        return line, column + offset - self.starts[index]


def _event_rows(key: int, timeline: list[dict]) -> list[tuple]:
    """Return the timeline's rows (``helpers.timeline.timeline_rows``) with the article id, in ``COLUMNS`` order."""
    names = [name for name, _ in COLUMNS["events"][1:]]
    return [(key, *(row[name] for name in names)) for row in timeline]


def check_output(folder: Path | str, pages: Sequence[Path] = ()) -> Path:
    """Return ``folder`` if tables may be written there: never into data/raw, a file or a page folder.

    >>> check_output("data/raw/tables")
    Traceback (most recent call last):
    ...
    helpers.corpus.CorpusError: data/raw/tables: refusing to write into data/raw (the raw pages are immutable)
    """
    folder = Path(folder)
    parts = folder.resolve().parts
    if any(parts[i : i + 2] == ("data", "raw") for i in range(len(parts) - 1)):
        raise CorpusError(f"{folder}: refusing to write into data/raw (the raw pages are immutable)")
    if folder.exists() and not folder.is_dir():
        raise CorpusError(f"{folder}: exists and is not a folder")
    if folder.resolve() in real_folders(pages):
        raise CorpusError(f"{folder}: holds input pages; write the tables to a folder of their own")
    return folder


def real_folders(pages: Iterable[Path]) -> set[Path]:
    """Return the folders the pages really lie in (symbolic links followed), each folder resolved once.

    Resolving every page read each folder on its path again (a tenth of a millisecond a
    page): a page's folder is resolved once for all its pages, and a link is followed by
    reading it (``real_folder``).

    >>> real_folders([Path("/tmp/a.txt"), Path("/tmp/b.txt")]) == {Path("/tmp").resolve()}
    True
    """
    resolved: dict[str, str] = {}

    def resolve(folder: str) -> str:
        if folder not in resolved:
            resolved[folder] = os.path.realpath(folder)
        return resolved[folder]

    return {Path(real_folder(str(page), resolve)) for page in pages}


def real_folder(path: str, resolve: Callable[[str], str] = os.path.realpath) -> str:
    """Return the folder the file ``path`` names really lies in, as ``os.path.realpath(path)``'s folder.

    The folder is resolved by ``resolve`` (``os.path.realpath``, or a cache of it); while
    the name is a symbolic link, its target is read and the same is done for it (a target
    that is relative is read from the link's real folder). A chain of links longer than
    the system's limit, or a name such as ``..``, is left to ``os.path.realpath`` whole.

    >>> real_folder("/tmp/a.txt") == os.path.realpath("/tmp")
    True
    """
    folder, name = os.path.split(path)
    for _ in range(_MAX_LINKS):
        if name in ("", ".", ".."):
            break
        folder = resolve(folder or ".")
        joined = os.path.join(folder, name)
        if not os.path.islink(joined):
            return folder
        folder, name = os.path.split(os.path.join(folder, os.readlink(joined)))
    return os.path.dirname(os.path.realpath(path))


def read_manifest(folder: Path) -> dict | None:
    """Return the manifest of a saved corpus, or None when ``folder`` holds none."""
    path = folder / MANIFEST
    if not path.is_file():
        return None
    try:
        manifest = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CorpusError(f"{path}: unreadable corpus manifest ({exc})") from None
    if not isinstance(manifest, dict):
        raise CorpusError(f"{path}: the corpus manifest must hold a JSON object")
    return manifest


class _TableSink:
    """Write tables in chunks to ``folder/.partial-PID/``; on a clean exit rename them into ``folder``.

    On an error or an interrupt the partial folder is removed and the tables already in
    ``folder`` stay as they were, whole.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.partial = folder / f".partial-{os.getpid()}"
        self.writers: dict[str, tuple[Any, Any]] = {}
        self.rows = dict.fromkeys(TABLES, 0)

    def __enter__(self) -> _TableSink:
        self.folder.mkdir(parents=True, exist_ok=True)
        for stale in self.folder.glob(".partial-*"):
            shutil.rmtree(stale, ignore_errors=True)
        self.partial.mkdir()
        return self

    def write(self, name: str, table: pyarrow.Table) -> None:
        """Append ``table`` to table ``name`` (Parquet row group and CSV chunk)."""
        import pyarrow.csv
        import pyarrow.parquet

        if name not in self.writers:
            self.writers[name] = (
                pyarrow.parquet.ParquetWriter(self.partial / f"{name}.parquet", table.schema),
                pyarrow.csv.CSVWriter(self.partial / f"{name}.csv", table.schema),
            )
        for writer in self.writers[name]:
            writer.write_table(table)
        self.rows[name] += table.num_rows

    def __exit__(self, kind: type | None, *_: object) -> None:
        try:
            for name in TABLES:
                if name not in self.writers:
                    self.write(name, _arrow_table(name, None))
                for writer in self.writers[name]:
                    writer.close()
            if kind is None:
                self._commit()
        finally:
            shutil.rmtree(self.partial, ignore_errors=True)

    def _commit(self) -> None:
        """Rename every finished file into place, then write the manifest (also by rename)."""
        for name in TABLES:
            for suffix in (".parquet", ".csv"):
                os.replace(self.partial / f"{name}{suffix}", self.folder / f"{name}{suffix}")
        manifest = {"format": FORMAT, "helpers": __version__, "rows": self.rows}
        temporary = self.partial / MANIFEST
        temporary.write_text(json.dumps(manifest, indent=1) + "\n", "utf-8")
        os.replace(temporary, self.folder / MANIFEST)


class _Collector:
    """Gather tables by name and pass them to a sink (or keep them in memory) every ``CHUNK`` articles."""

    def __init__(self, sink: _TableSink | None) -> None:
        self.sink = sink
        self.buffers: dict[str, list[pyarrow.Table]] = {name: [] for name in TABLES}
        self.pending = 0
        self.kept: dict[str, list[pyarrow.Table]] = {name: [] for name in TABLES}
        self.errors = 0

    def add(self, count: int, tables: Tables) -> None:
        """Add the tables of a batch of ``count`` files."""
        for name, table in tables.items():
            if table.num_rows:
                self.buffers[name].append(table)
        self.errors += tables["errors"].num_rows
        self.pending += count
        if self.pending >= CHUNK:
            self.flush()

    def add_table(self, name: str, table: pyarrow.Table) -> None:
        """Add rows already in Arrow form (kept from a previous run)."""
        if self.sink is not None:
            self.sink.write(name, table)
        else:
            self.kept[name].append(table)

    def flush(self) -> None:
        """Hand the buffered rows on as one chunk per table."""
        import pyarrow as pa

        for name in TABLES:
            if self.buffers[name]:
                self.add_table(name, pa.concat_tables(self.buffers[name]))
                self.buffers[name] = []
        self.pending = 0

    def tables(self) -> dict[str, pandas.DataFrame]:
        """Return the tables gathered in memory."""
        import pyarrow as pa

        self.flush()
        return {
            name: pa.concat_tables([_arrow_table(name, None), *self.kept[name]]).to_pandas()
            for name in TABLES
        }


def run_corpus(
    source: str | Path | Iterable[str | Path],
    *,
    engine: str = "serial",
    workers: int | None = None,
    scheduler: Any = None,
    published: date | str | Mapping | None = None,
    out: Path | str | None = None,
    exclude: Sequence[str] = (),
    progress: bool | None = None,
) -> Corpus:
    """Study every page of ``source`` (folder, glob, file or list) and return the tables as a ``Corpus``.

    ``engine`` is ``serial``, ``processes`` (``workers`` processes, default one per core) or
    ``dask`` (``scheduler``: an address such as ``tcp://host:8786``, a ``distributed.Client``,
    or None for a ``LocalCluster`` of ``workers`` processes). ``published`` is a date for
    every page or a mapping by path or file name (default: each page's sidecar). With
    ``out`` the tables stream to that folder (Parquet and CSV) and only new or changed files
    are studied again; without it they are kept in memory. ``progress`` shows a bar (None:
    on a terminal or in a notebook, see ``show_progress``).

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("Storm hits coast\\nThe storm reached the coast on 3 May 2023.")
    >>> _ = (folder / "b.txt").write_bytes(b"\\x00\\x01")
    >>> corpus = run_corpus(folder, progress=False)
    >>> corpus.articles.title.tolist(), corpus.errors.error.tolist()
    (['Storm hits coast'], ['BinaryFileError'])
    """
    if engine not in ENGINES:
        raise CorpusError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    began = time.perf_counter()
    pages = find_pages(source, exclude)
    folder = check_output(out, pages) if out is not None else None
    previous = _previous_run(folder)
    tasks, kept_ids = _plan(pages, published, previous)
    if folder is not None and not tasks and len(kept_ids) == len(previous):
        summary = Summary(0, len(kept_ids), 0, time.perf_counter() - began, engine, 0)
        return Corpus(folder=folder, summary=summary)
    count = _worker_count(engine, workers, scheduler)
    with _maybe_sink(folder) as sink:
        collector = _Collector(sink)
        _copy_kept(collector, folder, kept_ids)
        with _progress_bar(len(tasks), progress) as bar:
            for studied, tables in _results(tasks, engine, count, scheduler):
                collector.add(studied, tables)
                bar.update(studied)
        collector.flush()
    summary = Summary(len(tasks), len(kept_ids), collector.errors, time.perf_counter() - began, engine, count)
    if folder is not None:
        return Corpus(folder=folder, summary=summary)
    return Corpus(collector.tables(), summary=summary)


@contextmanager
def _maybe_sink(folder: Path | None) -> Iterator[_TableSink | None]:
    """Yield a sink writing to ``folder``, or None to keep the tables in memory."""
    if folder is None:
        yield None
        return
    with _TableSink(folder) as sink:
        yield sink


def _previous_run(folder: Path | None) -> dict[str, tuple[int, str]]:
    """Return {path: (article id, hash)} of the corpus saved in ``folder`` by this format ({} if none)."""
    if folder is None:
        return {}
    manifest = read_manifest(folder)
    if manifest is None or manifest.get("format") != FORMAT or manifest.get("helpers") != __version__:
        return {}
    import pyarrow.parquet as pq

    known = {}
    for name in ("articles", "errors"):
        table = pq.read_table(folder / f"{name}.parquet", columns=["article_id", "path", "hash"])
        for key, path, digest in zip(*(table.column(c).to_pylist() for c in ("article_id", "path", "hash"))):
            known[path] = (key, digest)
    return known


def _plan(
    pages: Sequence[Path], published: date | str | Mapping | None, previous: Mapping[str, tuple[int, str]]
) -> tuple[list[Task], set[int]]:
    """Return the tasks for new or changed pages (ids kept by path) and the ids of unchanged ones.

    Only a page of the previous run is hashed here, to compare; a new one is hashed by its worker.
    """
    tasks, kept = [], set()
    next_id = max((key for key, _ in previous.values()), default=0) + 1
    for page in pages:
        given = published_for(page, published)
        key, old_digest = previous.get(str(page), (None, None))
        if key is None:
            tasks.append(Task(next_id, str(page), None, given))
            next_id += 1
            continue
        digest = content_hash(page, given)
        if digest and digest == old_digest:
            kept.add(key)
        else:
            tasks.append(Task(key, str(page), digest, given))
    return tasks, kept


def _copy_kept(collector: _Collector, folder: Path | None, kept: set[int]) -> None:
    """Copy the rows of unchanged articles from the previous run, one row group at a time."""
    if folder is None or not kept:
        return
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    wanted = pa.array(sorted(kept), type=pa.int64())
    for name in TABLES:
        source = pq.ParquetFile(folder / f"{name}.parquet")
        for batch in source.iter_batches(batch_size=65_536):
            chosen = batch.filter(pc.is_in(batch.column("article_id"), value_set=wanted))
            if chosen.num_rows:
                collector.add_table(name, pa.Table.from_batches([chosen], schema=schema(name)))


def _worker_count(engine: str, workers: int | None, scheduler: Any) -> int:
    """Return how many workers the engine will use (1 for serial; a cluster's own count is read later)."""
    if workers is not None and workers < 1:
        raise CorpusError(f"workers must be at least 1, not {workers}")
    if engine == "serial":
        return 1
    return workers or os.cpu_count() or 1


def _results(
    tasks: Sequence[Task], engine: str, workers: int, scheduler: Any
) -> Iterator[tuple[int, Tables]]:
    """Yield the size and the tables of each batch of tasks, in task order, from the chosen engine."""
    batches = [list(tasks[i : i + BATCH]) for i in range(0, len(tasks), BATCH)]
    if engine == "serial" or not batches:
        with rare_collections():
            yield from map(study_columns, batches)
    elif engine == "processes":
        from concurrent.futures import ProcessPoolExecutor

        if _FORKS:
            warm_up()
        with ProcessPoolExecutor(max_workers=min(workers, len(batches)), initializer=prepare_worker) as pool:
            yield from _in_order(lambda batch: pool.submit(study_columns, batch), batches, 4 * workers)
    else:
        if scheduler is None and _FORKS:  # our own LocalCluster's workers are forked from this process
            warm_up()
        with dask_client(scheduler, workers) as client:
            if scheduler is None:  # our own LocalCluster's fresh processes
                client.run(prepare_worker)
            submit = lambda batch: client.submit(study_columns, batch, pure=False)  # noqa: E731
            yield from _in_order(submit, batches, 4 * workers)


def warm_up() -> None:
    """Run every step once on a short English text here, so that workers forked from this process inherit what it loads.

    That is what the steps import, compile and load on first use: pandas (pyarrow imports it
    for its first table; the parent needs it too, to read the workers' tables), the modules
    of the steps, the patterns of the time-expression grammar and the models, about 1.5 s of
    CPU that each worker spent again. py3langid's model stays with the workers that meet a
    page not plainly English: an English text never loads it, and it holds 74 MiB.

    >>> import sys
    >>> warm_up(); "helpers.timex.grammar" in sys.modules and "pandas" in sys.modules
    True
    """
    from helpers.article import parse_article

    rows = _article_rows(Task(0, "", ""), parse_article(_WARM_UP_TEXT))
    for name, table_rows in rows.items():
        _arrow_table(name, table_rows)


def prepare_worker() -> None:
    """Ready a fresh worker process: what it holds when it starts is frozen, and the collector runs rarely.

    What the worker holds when it starts (inherited from its parent) is never scanned by
    the collector again, and the collector runs rarely (``WORKER_GC_THRESHOLDS``).

    >>> import gc
    >>> saved = gc.get_threshold()
    >>> prepare_worker(); gc.get_threshold() == WORKER_GC_THRESHOLDS
    True
    >>> gc.unfreeze(); gc.set_threshold(*saved)
    """
    import gc

    gc.freeze()
    gc.set_threshold(*WORKER_GC_THRESHOLDS)


@contextmanager
def rare_collections() -> Iterator[None]:
    """Run the cyclic garbage collector rarely while the block runs (``WORKER_GC_THRESHOLDS``), then as before.

    >>> import gc
    >>> before = gc.get_threshold()
    >>> with rare_collections():
    ...     gc.get_threshold() == WORKER_GC_THRESHOLDS
    True
    >>> gc.get_threshold() == before
    True
    """
    import gc

    saved = gc.get_threshold()
    gc.set_threshold(*WORKER_GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*saved)


def _in_order(submit: Callable[[list[Task]], Any], batches: Sequence[list[Task]], window: int) -> Iterator:
    """Submit batches keeping at most ``window`` in flight; yield their results in submission order."""
    pending: deque = deque()
    for batch in batches:
        pending.append(submit(batch))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


@contextmanager
def dask_client(scheduler: Any = None, workers: int | None = None) -> Iterator[Any]:
    """Yield a ``distributed.Client``: the one given, one on ``scheduler``'s address, or a LocalCluster's.

    >>> with dask_client(scheduler=None, workers=1) as client:  # doctest: +SKIP
    ...     client.submit(sum, [1, 2]).result()
    3
    """
    try:
        import logging

        import dask
        from distributed import Client, LocalCluster
    except ImportError:
        raise CorpusError(f"engine='dask' needs the dask extra: {DASK_EXTRA}") from None
    if isinstance(scheduler, Client):
        yield scheduler
        return
    if scheduler is not None:
        with Client(scheduler) as client:
            yield client
        return
    # On Linux our own cluster's workers are forked (as the processes engine's are): a spawned
    # worker starts a fresh Python and imports distributed again, 3 s of a run's start and 1 s
    # of its end. Elsewhere dask's setting (spawn) stays.
    method = dask.config.get("distributed.worker.multiprocessing-method")
    with (
        dask.config.set({"distributed.worker.multiprocessing-method": "fork" if _FORKS else method}),
        LocalCluster(
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def show_progress(progress: bool | None = None) -> bool:
    """Return whether to draw a progress bar: as asked, else on a terminal or in a notebook, never in CI or tests.

    ``HELPERS_PROGRESS=0`` (set by ``make nbval``, ``make notebooks`` and ``make run``), a
    ``CI`` variable or a running pytest (nbval) turn the automatic bar off; ``HELPERS_PROGRESS=1``
    turns it on.

    >>> show_progress(False), show_progress(True)
    (False, True)
    """
    if progress is not None:
        return progress
    setting = os.environ.get("HELPERS_PROGRESS", "")
    if setting in ("0", "1"):
        return setting == "1"
    if os.environ.get("CI", "").lower() not in ("", "0", "false") or "PYTEST_CURRENT_TEST" in os.environ:
        return False
    return "ipykernel" in sys.modules or (sys.stderr is not None and sys.stderr.isatty())


@contextmanager
def _progress_bar(total: int, progress: bool | None) -> Iterator[Any]:
    """Yield a tqdm bar (a notebook widget when ipywidgets is there), or a silent stand-in."""
    if not show_progress(progress):
        yield _Silent()
        return
    from importlib.util import find_spec

    if "ipykernel" in sys.modules and find_spec("ipywidgets") is not None:
        from tqdm.notebook import tqdm
    else:
        from tqdm import tqdm
    with tqdm(total=total, unit="page", desc="corpus", dynamic_ncols=True) as bar:
        yield bar


class _Silent:
    """A progress bar that draws nothing."""

    def update(self, _: int) -> None:
        """Ignore progress."""
