"""Read a news article saved as a plain-text page dump into an ``Article``.

A page dump has the page title on its first line and one block of visible text
per line after it. Scraped files are messy, so reading also decodes legacy
encodings, normalises Unicode and repairs paragraphs glued at a sentence
boundary; every change is listed in ``Article.repairs``. A saved HTML page (also
gzipped) is first turned into such a dump (``helpers.html_page``). Reading also
tells the page's language (``helpers.language``) and, when no date is given,
finds the publication date in the page (``helpers.pubdate``).
"""

from __future__ import annotations

import codecs
import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas

DEFAULT_MAX_BYTES = 20_000_000

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Zero-width characters, soft hyphens and control characters other than tab and newline.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0b-\x1f\x7f]+")
# No-break and other fixed-width spaces become a plain space.
_SPACES = re.compile("[\u00a0\u2007\u202f\u2009\u200a\u3000]")
_HTML_START = re.compile(r"^\s*(<!doctype html|<html\b|<head\b|<body\b)", re.IGNORECASE)
_HTML_TAG = re.compile(
    r"</?(?:p|div|span|a|li|ul|td|tr|table|script|style|br|img|meta|link|h[1-6])\b[^<>]*>", re.IGNORECASE
)
_HTML_MIN_TAGS = 10
# A sentence end glued to the next sentence: "difference.U.S. Secretary", "ended."He said.
# The left side is a lower-case word, so "U.S.", decimals and times never match.
_GLUED = re.compile(r"[a-z]{2}[.!?][\"\u201d\u2019]?(?=[A-Z](?:[a-z]|\.[A-Z]))")
_URL_OR_EMAIL = re.compile(r"\S*(?:://|www\.|@)\S*|\S+\.(?:com|org|net|gov|edu|co|uk|io)\b\S*", re.IGNORECASE)


class ArticleError(Exception):
    """An article file that cannot be read; the message names the file and the problem."""

    def __init__(self, path: Path | str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = Path(path)
        self.problem = problem


class MissingFileError(ArticleError):
    """The path does not exist or is a directory."""


class EmptyFileError(ArticleError):
    """The file holds no text (empty or whitespace only)."""


class BinaryFileError(ArticleError):
    """The file holds NUL bytes: it is not a text file."""


class UndecodableError(ArticleError):
    """The bytes are neither UTF-8, UTF-16 with a BOM, nor cp1252."""


class FileTooLargeError(ArticleError):
    """The file is larger than the reader's limit."""


class HtmlFileError(ArticleError):
    """The file is an HTML page (or gzip stream) that cannot be turned into a page dump."""


class PublishedDateError(ArticleError):
    """The publication date (argument or sidecar) is not a valid ISO date."""


@dataclass(frozen=True)
class Paragraph:
    """One block of text: its 1-based line in the file and its offset in ``Article.text``."""

    line: int
    start: int
    text: str


@dataclass(frozen=True)
class Repair:
    """A change the reader made to the text, and where."""

    line: int
    kind: str
    detail: str


@dataclass(frozen=True)
class Article:
    """A decoded, normalised page dump. ``paragraphs`` includes the title line."""

    title: str
    paragraphs: tuple[Paragraph, ...]
    published: date | None
    path: Path | None
    text: str
    encoding: str
    repairs: tuple[Repair, ...] = ()
    notes: tuple[str, ...] = ()
    metadata: dict[str, object] = field(default_factory=dict)
    # Where ``published`` came from: "argument", "sidecar", "html metadata", "page line N" (None: no date).
    published_source: str | None = None
    # The page's language (ISO 639-1, helpers.language; None: too little text to tell).
    language: str | None = None
    # The saved HTML page the dump was made from (None for a text dump).
    html_source: Path | None = None


def read_article(
    path: Path | str, *, published: date | str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Article:
    """Read a page dump; ``published`` overrides the date of its ``.meta.json`` sidecar.

    >>> import pathlib, tempfile
    >>> page = pathlib.Path(tempfile.mkdtemp()) / "storm.txt"
    >>> _ = page.write_text("Storm hits coast\\nThe storm reached the coast at dawn.")
    >>> article = read_article(page, published="2023-05-01")
    >>> article.title, len(article.paragraphs), article.published
    ('Storm hits coast', 2, datetime.date(2023, 5, 1))
    """
    path = Path(path)
    raw = _read_bytes(path, max_bytes)
    metadata = read_sidecar(path)
    source = "argument" if published is not None else None
    if published is None and metadata.get("published") is not None:
        published = parse_published(metadata["published"], path.with_suffix(".meta.json"))
        source = "sidecar"
    raw = _html_hook_gunzip(raw, path, max_bytes)
    if _html_hook_is_page(raw, path):
        return _html_hook_article(raw, path, published, source, metadata)
    decoded, encoding = decode(raw, path)
    return parse_article(
        decoded, path=path, encoding=encoding, published=published, metadata=metadata, published_source=source
    )


def parse_article(
    decoded: str,
    *,
    path: Path | str | None = None,
    encoding: str = "str",
    published: date | str | None = None,
    metadata: dict[str, object] | None = None,
    published_source: str | None = None,
    html_source: Path | None = None,
) -> Article:
    """Build an ``Article`` from already decoded text (a dump, or HTML); ``path`` only names it.

    >>> parse_article("Title\\nFirst paragraph.Second one.").paragraphs[1].text
    'First paragraph.'
    """
    name = Path(path) if path else Path("<text>")
    text = normalize(decoded)
    if html_source is None and looks_like_html(text):
        return _html_hook_article(decoded, name, published, published_source, dict(metadata or {}))
    if not text.strip():
        raise EmptyFileError(name, "the file holds no text")
    paragraphs, repairs = split_paragraphs(text)
    published, published_source = _pubdate_hook(text, parse_published(published, name), published_source)
    language = _language_hook(text)
    return Article(
        title=paragraphs[0].text,
        paragraphs=tuple(paragraphs),
        published=published,
        path=Path(path) if path else None,
        text=text,
        encoding=encoding,
        repairs=tuple(repairs),
        notes=tuple(describe_quotes(text) + _language_hook_notes(language)),
        metadata=dict(metadata or {}),
        published_source=published_source,
        language=language,
        html_source=html_source,
    )


# --- hooks: HTML input (helpers.html_page), language (helpers.language), date (helpers.pubdate) ---


def _html_hook_gunzip(raw: bytes, path: Path, max_bytes: int) -> bytes:
    """Decompress a gzipped file (a saved page often is), refusing a broken or oversized stream."""
    from helpers.html_page import HtmlPageError, gunzip, is_gzip

    if not is_gzip(raw):
        return raw
    try:
        return gunzip(raw, max_bytes)
    except HtmlPageError as exc:
        raise HtmlFileError(path, str(exc)) from None


def _html_hook_is_page(raw: bytes, path: Path) -> bool:
    """True for a saved web page: named ``.html``/``.htm`` or starting like HTML."""
    from helpers.html_page import has_html_name

    return has_html_name(path) or looks_like_html(raw[:20_000].decode("latin-1"))


def _html_hook_article(
    raw: bytes | str, path: Path, published: date | str | None, source: str | None, metadata: dict
) -> Article:
    """Turn a saved page into its dump and read that; its meta tags fill what the sidecar does not give."""
    from helpers.html_page import HtmlPageError, read_html_page

    try:
        page = read_html_page(raw)
    except HtmlPageError as exc:
        raise HtmlFileError(path, str(exc)) from None
    if not page.dump.strip():
        raise EmptyFileError(path, "the HTML page has no visible text")
    if published is None and page.metadata.get("published"):
        published, source = page.metadata["published"], "html metadata"
    return parse_article(
        page.dump,
        path=path,
        encoding=page.encoding,
        published=published,
        metadata={**page.metadata, **metadata},
        published_source=source,
        html_source=path,
    )


def _pubdate_hook(text: str, published: date | None, source: str | None) -> tuple[date | None, str | None]:
    """The given date and its source ("argument" unless named), else the page's own date stamp."""
    from helpers.pubdate import find_published

    if published is not None:
        return published, source or "argument"
    found = find_published(text)
    return (found.value, f"page line {found.line}") if found else (None, None)


def _language_hook(text: str) -> str | None:
    """The page's language code (helpers.language)."""
    from helpers.language import identify_language

    return identify_language(text)


def _language_hook_notes(language: str | None) -> list[str]:
    """The note for a page not in English, as a list (empty for English)."""
    from helpers.language import not_english_note

    note = not_english_note(language)
    return [note] if note else []


def looks_like_html(text: str) -> bool:
    """True for an HTML page: it opens like one, or its start is dense with tags.

    >>> looks_like_html("<!DOCTYPE html><p>Hi</p>"), looks_like_html("The <p> tag.")
    (True, False)
    """
    head = text[:20_000]
    return bool(_HTML_START.match(head)) or len(_HTML_TAG.findall(head)) >= _HTML_MIN_TAGS


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """Return the file's bytes, refusing missing files, directories and oversized files."""
    if path.is_dir():
        raise MissingFileError(path, "is a directory, not an article file")
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise MissingFileError(path, "no such file") from None
    except (OSError, ValueError) as exc:  # a file used as a folder, no permission, a NUL in the name
        raise MissingFileError(path, f"cannot be opened ({getattr(exc, 'strerror', None) or exc})") from None
    if size > max_bytes:
        raise FileTooLargeError(path, f"{size:,} bytes is larger than the limit of {max_bytes:,} bytes")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ArticleError(path, f"cannot be read ({exc.strerror})") from None


def decode(raw: bytes, path: Path | str = "<bytes>") -> tuple[str, str]:
    """Decode bytes as UTF-8/UTF-16 by BOM, else UTF-8, else cp1252; return (text, encoding).

    >>> decode("café".encode("cp1252"))
    ('café', 'cp1252')
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise UndecodableError(
                    path, f"starts with a {encoding} byte-order mark but {exc.reason}"
                ) from None
    if b"\x00" in raw:
        raise BinaryFileError(path, "holds NUL bytes: this is a binary file, not a text dump")
    for encoding in ("utf-8", "cp1252"):
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise UndecodableError(path, "the bytes are neither UTF-8 nor cp1252 text")


def normalize(text: str) -> str:
    """Unify line ends, drop zero-width and control characters, plain spaces, NFC.

    >>> normalize("a\\u00a0b\\u200b\\r\\nc")
    'a b\\nc'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SPACES.sub(" ", _INVISIBLE.sub("", text))
    return unicodedata.normalize("NFC", text)


def split_paragraphs(text: str) -> tuple[list[Paragraph], list[Repair]]:
    """Return the non-empty lines as paragraphs, splitting those glued at a sentence end.

    >>> [p.text for p in split_paragraphs("A title\\nIt ended.The next began.")[0]]
    ['A title', 'It ended.', 'The next began.']
    """
    paragraphs: list[Paragraph] = []
    repairs: list[Repair] = []
    offset = 0
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if stripped:
            start = offset + line.index(stripped)
            cuts = glued_sentence_ends(stripped)
            bounds = [0, *cuts, len(stripped)]
            for left, right in zip(bounds, bounds[1:]):
                paragraphs.append(Paragraph(number, start + left, stripped[left:right]))
            repairs.extend(
                Repair(
                    number,
                    "split glued paragraph",
                    f"…{stripped[max(cut - 25, 0) : cut]}|{stripped[cut : cut + 25]}…",
                )
                for cut in cuts
            )
        offset += len(line) + 1
    return paragraphs, repairs


def glued_sentence_ends(line: str) -> list[int]:
    """Offsets where a sentence ends with no space before the next one (URLs, e-mails excepted).

    >>> glued_sentence_ends("the difference.U.S. officials said 3.5 at apnews.com/Hub.")
    [15]
    """
    cuts = [match.end() for match in _GLUED.finditer(line)]
    if not cuts:
        return cuts
    protected = [match.span() for match in _URL_OR_EMAIL.finditer(line)]
    return [cut for cut in cuts if not any(start <= cut <= end for start, end in protected)]


def read_sidecar(path: Path) -> dict:
    """Return the ``<name>.meta.json`` beside ``path`` as a dict ({} when there is none)."""
    sidecar = path.with_suffix(".meta.json")
    if not sidecar.is_file():
        return {}
    try:
        metadata = json.loads(sidecar.read_text("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ArticleError(sidecar, f"the metadata sidecar is not valid JSON ({exc})") from None
    if not isinstance(metadata, dict):
        raise ArticleError(sidecar, "the metadata sidecar must hold a JSON object")
    return metadata


def parse_published(value: date | str | None, path: Path | str = "<text>") -> date | None:
    """Return ``value`` as a date: ISO dates and timestamps are parsed, None stays None.

    >>> parse_published("2023-05-01"), parse_published("2023-05-01T09:30:00Z")
    (datetime.date(2023, 5, 1), datetime.date(2023, 5, 1))
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    for parse in (date.fromisoformat, datetime.fromisoformat):
        try:
            parsed = parse(str(value).strip())
        except ValueError:
            continue
        return parsed.date() if isinstance(parsed, datetime) else parsed
    raise PublishedDateError(path, f"published date {value!r} is not a valid YYYY-MM-DD date")


def describe_quotes(text: str) -> list[str]:
    """Report mixed straight and curly quotation marks (kept as written).

    >>> describe_quotes('\\u201cHi,\\u201d she said. "Bye."')
    ['mixed quote styles: 2 curly and 2 straight double quotes']
    """
    curly = sum(text.count(mark) for mark in "\u201c\u201d")
    straight = text.count('"')
    if curly and straight:
        return [f"mixed quote styles: {curly} curly and {straight} straight double quotes"]
    return []


def paragraph_table(article: Article) -> pandas.DataFrame:
    """One row per paragraph: line, words, characters and text.

    >>> paragraph_table(parse_article("Title\\nTwo words.")).words.tolist()
    [1, 2]
    """
    import pandas

    return pandas.DataFrame(
        {
            "line": [p.line for p in article.paragraphs],
            "words": [len(p.text.split()) for p in article.paragraphs],
            "characters": [len(p.text) for p in article.paragraphs],
            "text": [p.text for p in article.paragraphs],
        }
    )
