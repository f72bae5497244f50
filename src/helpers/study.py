"""The earlier steps in one call, for a notebook that shows only its own step.

``study(path)`` reads the page dump (step 1) and separates its body (step 2) once
per file, publication date and file version, and hands back both with the body's
tokens (step 4). A notebook then starts from ``print(s.summary())`` and shows only
the code of the step it teaches. ``report_folders`` makes the folders a notebook
saves its figures and tables in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache, cached_property, lru_cache
from pathlib import Path

from helpers.article import Article, read_article
from helpers.boilerplate import LABELS, Separation, separate
from helpers.language import warn_if_not_english
from helpers.tokens import is_word, tokenize

__all__ = ["Study", "report_folders", "study"]


@dataclass(frozen=True)
class Study:
    """One article after the earlier steps: as read (``article``) and separated (``separation``)."""

    article: Article
    separation: Separation

    @property
    def published(self) -> date | None:
        """The publication date relative expressions are anchored on (parameter or sidecar)."""
        return self.article.published

    @property
    def body(self) -> str:
        """The body paragraphs, in order, one per line."""
        return self.separation.body

    @property
    def body_texts(self) -> list[str]:
        """The body paragraphs' texts, in order (``Separation.body_paragraphs`` holds them with their lines)."""
        return [text for text, label in zip(self.separation.texts, self.separation.labels) if label == "body"]

    @cached_property
    def tokens(self) -> list[str]:
        """The body's tokens (``helpers.tokens.tokenize``), computed on first use."""
        return tokenize(self.body)

    @cached_property
    def boilerplate_tokens(self) -> list[str]:
        """The boilerplate's tokens (``helpers.tokens.tokenize``), computed on first use."""
        return tokenize(self.separation.boilerplate)

    @property
    def name(self) -> str:
        """The file name of the page dump, for captions.

        >>> study(_example()).name
        'storm.txt'
        """
        return self.article.path.name if self.article.path else "<text>"

    def summary(self) -> str:
        """Say in a few lines what the earlier steps gave: title, date, paragraphs by label, body size.

        >>> print(study(_example()).summary())  # doctest: +NORMALIZE_WHITESPACE
        title:      'Storm hits coast'
        published:  2023-05-01
        paragraphs: 3 (1 title, 1 body, 1 boilerplate)
        body:       1 paragraph, 18 words
        """
        labels = self.separation.labels
        counted = ", ".join(f"{labels.count(label)} {label}" for label in LABELS if label in labels)
        words = sum(1 for token in self.tokens if is_word(token))
        paragraphs = len(self.body_texts)
        return "\n".join([
            f"title:      {self.article.title!r}",
            f"published:  {self.published}",
            f"paragraphs: {len(labels)} ({counted})",
            f"body:       {paragraphs} paragraph{'' if paragraphs == 1 else 's'}, {words} words",
        ])  # fmt: skip


def study(path: Path | str, published: date | str | None = None) -> Study:
    """Read and separate the page dump at ``path`` once; a changed file is read again.

    A page not in English gives a ``NotEnglishWarning`` on every call: the later steps are English-only.

    >>> s = study(_example())
    >>> s.body, s is study(_example())
    ('The storm reached the coast at dawn on Monday, the weather service said, and it closed the port.', True)
    """
    path = Path(path).resolve()
    stat = path.stat() if path.is_file() else None
    version = (stat.st_mtime_ns, stat.st_size) if stat else None
    result = _study(path, published, version)
    warn_if_not_english(result.article.language, "the timeline, stoplist frequencies and keyness")
    return result


@lru_cache(maxsize=32)
def _study(path: Path, published: date | str | None, version: tuple[int, int] | None) -> Study:
    """Run the earlier steps for one version of a file (``version`` only keys the cache)."""
    article = read_article(path, published=published)
    return Study(article, separate(article))


def report_folders(reports: Path | str) -> tuple[Path, Path]:
    """Create ``reports/figures`` and ``reports/tables`` if missing and return them.

    >>> import tempfile
    >>> [folder.name for folder in report_folders(tempfile.mkdtemp())]
    ['figures', 'tables']
    """
    figures, tables = Path(reports) / "figures", Path(reports) / "tables"
    figures.mkdir(parents=True, exist_ok=True)
    tables.mkdir(parents=True, exist_ok=True)
    return figures, tables


@cache
def _example() -> Path:
    """Write a two-line page dump with a sidecar once per process, in a folder of its own (for the doctests).

    Each process (an xdist worker, a notebook kernel) gets its own temporary folder, removed when
    the process exits, and each file is written under a temporary name and renamed
    (``reports.write_atomically``), so processes running the doctests at once never read a
    half-written page.
    """
    import atexit
    import shutil
    import tempfile

    from helpers.reports import write_atomically

    folder = Path(tempfile.mkdtemp(prefix="helpers-study-example-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    page = folder / "storm.txt"
    text = (
        "Storm hits coast\nThe storm reached the coast at dawn on Monday, the weather service said,"
        " and it closed the port.\nShare this article"
    )
    write_atomically(
        page.with_suffix(".meta.json"), lambda path: path.write_text('{"published": "2023-05-01"}')
    )
    return write_atomically(page, lambda path: path.write_text(text))
