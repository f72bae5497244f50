"""Read a news article saved as a plain-text page dump into an ``Article``.

A page dump has the page title on its first line and one block of visible text
per line after it. Scraped files are messy, so reading also decodes legacy and
mixed encodings, repairs mojibake, normalises Unicode, rebuilds the paragraphs of
hard-wrapped text (``helpers.unwrap``) and repairs paragraphs glued at a sentence
boundary; every change is listed in ``Article.repairs``. Only regular files are
read (a pipe or a device is refused before it is opened), and never more than
``max_bytes`` bytes. A saved HTML page (also gzipped) is first turned into such a
dump (``helpers.html_page``). Reading also tells the page's language
(``helpers.language``) and, when no date is given, finds the publication date in
the page (``helpers.pubdate``).
"""

from __future__ import annotations

import codecs
import errno
import json
import os
import re
import stat
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas

DEFAULT_MAX_BYTES = 20_000_000
SIDECAR_MAX_BYTES = 1_000_000
# The title shown for a page whose first line is longer (the paragraph keeps all of it).
TITLE_MAX_CHARACTERS = 300

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Zero-width characters, soft hyphens and control characters other than tab and newline.
# Dropped one at a time: a pattern that is a class (not a run of them) lets the engine skip to the
# next such character, three times faster than trying a match at every position.
_INVISIBLE_CHARACTERS = "\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0b-\x1f\x7f"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARACTERS}]")
# No-break and other fixed-width spaces become a plain space.
_FIXED_SPACES = "\u00a0\u2007\u202f\u2009\u200a\u3000"
_SPACES = re.compile(f"[{_FIXED_SPACES}]")
# Either kind, looked for first: most pages hold neither, and one search costs half of two passes.
_INVISIBLE_OR_SPACE = re.compile(f"[{_INVISIBLE_CHARACTERS}{_FIXED_SPACES}]")
_HTML_START = re.compile(r"^\s*(<!doctype html|<html\b|<head\b|<body\b)", re.IGNORECASE)
_HTML_TAG = re.compile(
    r"</?(?:p|div|span|a|li|ul|td|tr|table|script|style|br|img|meta|link|h[1-6])\b[^<>]*>", re.IGNORECASE
)
_HTML_MIN_TAGS = 10
# A sentence end glued to the next sentence: "difference.U.S. Secretary", "ended."He said.
# The left side is a lower-case word, so "U.S.", decimals and times never match. The pattern
# opens with the end mark and looks back for the two letters: a search then skips to the next
# mark instead of trying two letters at every position (four times faster; the same ends).
_GLUED = re.compile(r"[.!?](?<=[a-z]{2}[.!?])[\"\u201d\u2019]?(?=[A-Z](?:[a-z]|\.[A-Z]))")
_URL_OR_EMAIL = re.compile(r"\S*(?:://|www\.|@)\S*|\S+\.(?:com|org|net|gov|edu|co|uk|io)\b\S*", re.IGNORECASE)
# UTF-8 read as cp1252 or Latin-1: a lead byte's letter (Ã, Â, â...) before a continuation byte's
# character. Only lines holding one go through ftfy, which decides whether they are mojibake.
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
_FILE_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


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


class NotRegularFileError(ArticleError):
    """The path is a pipe, a device or a socket, not a regular file."""


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

    def __init__(self, line: int, start: int, text: str) -> None:
        # The generated one sets each field through ``object.__setattr__`` (frozen): writing the
        # instance's dict is 2.5 times faster, and a page builds some 170 (a fifth of split_paragraphs).
        fields = self.__dict__
        fields["line"], fields["start"], fields["text"] = line, start, text


@dataclass(frozen=True)
class Repair:
    """A change the reader made to the text, and where."""

    line: int
    kind: str
    detail: str


@dataclass(frozen=True)
class Article:
    """A decoded, normalised page dump. ``paragraphs`` includes the title line.

    ``path`` is the path as given, ``source`` the real file read (symbolic links followed).
    """

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
    # The real file read, symbolic links followed (None when no file was read).
    source: Path | None = None


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
    real = real_path(path)  # resolved once: each resolution reads every link on the way
    name = error_name(path, real)
    raw = read_bytes(path, max_bytes, name)
    metadata = read_sidecar(path)
    source = "argument" if published is not None else None
    if published is None and metadata.get("published") is not None:
        published = parse_published(metadata["published"], sidecar_path(path))
        source = "sidecar"
    raw = _html_hook_gunzip(raw, name, max_bytes)
    if _html_hook_is_page(raw, path):
        article = _html_hook_article(raw, name, published, source, metadata)
    else:
        decoded, encoding, repairs = decode_with_repairs(raw, name)
        article = parse_article(
            decoded,
            path=name,
            encoding=encoding,
            published=published,
            metadata=metadata,
            published_source=source,
            repairs=repairs,
        )
    return replace(article, path=path, source=real)


def parse_article(
    decoded: str,
    *,
    path: Path | str | None = None,
    encoding: str = "str",
    published: date | str | None = None,
    metadata: dict[str, object] | None = None,
    published_source: str | None = None,
    html_source: Path | None = None,
    repairs: Sequence[Repair] = (),
) -> Article:
    """Build an ``Article`` from already decoded text (a dump, or HTML); ``path`` only names it.

    ``repairs`` are changes already made while decoding; the reader's own follow them.

    >>> parse_article("Title\\nFirst paragraph.Second one.").paragraphs[1].text
    'First paragraph.'
    """
    from helpers.unwrap import unwrap

    name = Path(path) if path else Path("<text>")
    text, mojibake = repair_mojibake(normalize(decoded))
    if html_source is None and looks_like_html(text):
        return _html_hook_article(decoded, name, published, published_source, dict(metadata or {}))
    if not text.strip():
        raise EmptyFileError(name, "the file holds no text")
    unwrapped = unwrap(text)
    paragraphs, glued = split_paragraphs(unwrapped.text, unwrapped.lines)
    title, title_notes = display_title(paragraphs[0].text)
    # The page's own date stamp is looked for in its lines as in the file, so "page line N" is the file's.
    published, published_source = _pubdate_hook(text, parse_published(published, name), published_source)
    language = _language_hook(unwrapped.text)
    return Article(
        title=title,
        paragraphs=tuple(paragraphs),
        published=published,
        path=Path(path) if path else None,
        text=unwrapped.text,
        encoding=encoding,
        repairs=(*repairs, *mojibake, *(Repair(*change) for change in unwrapped.changes), *glued),
        notes=(*title_notes, *describe_quotes(text), *_language_hook_notes(language)),
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
    """True for a saved web page: starting like HTML, or named ``.html``/``.htm`` and holding a tag."""
    from helpers.html_page import has_html_name, has_markup

    head = raw[:20_000].decode("latin-1")
    return looks_like_html(head) or (has_html_name(path) and has_markup(head))


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
        from helpers.pubdate import prefer_printed_date

        published, line = prefer_printed_date(parse_published(page.metadata["published"], path), page.dump)
        source = f"page line {line}" if line else "html metadata"
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


def display_title(line: str, limit: int = TITLE_MAX_CHARACTERS) -> tuple[str, list[str]]:
    """The first line as a title, cut at a word before ``limit`` characters, and a note if cut.

    >>> display_title("Storm hits coast")
    ('Storm hits coast', [])
    >>> display_title("word " * 100, limit=12)
    ('word word…', ['the first line is 500 characters long; the title shows its first 9'])
    """
    if len(line) <= limit:
        return line, []
    cut = line.rfind(" ", 0, limit)
    title = line[: cut if cut > limit // 2 else limit - 1].rstrip()
    return f"{title}…", [
        f"the first line is {len(line):,} characters long; the title shows its first {len(title)}"
    ]


def looks_like_html(text: str) -> bool:
    """True for an HTML page: it opens like one, or its start is dense with tags.

    >>> looks_like_html("<!DOCTYPE html><p>Hi</p>"), looks_like_html("The <p> tag.")
    (True, False)
    """
    head = text[:20_000]
    return bool(_HTML_START.match(head)) or len(_HTML_TAG.findall(head)) >= _HTML_MIN_TAGS


def real_path(path: Path) -> Path:
    """The file ``path`` names once symbolic links are followed (``path`` itself when that fails).

    >>> real_path(Path("/")).is_absolute()
    True
    """
    try:
        return Path(os.path.realpath(path))
    except (OSError, ValueError):  # a NUL in the name, a name too long to resolve
        return path


def error_name(path: Path, real: Path | None = None) -> Path:
    """The name errors give a file: the real path when a symbolic link leads to it, else ``path``.

    ``real`` is ``real_path(path)`` when the caller has it already.

    >>> str(error_name(Path("page.txt")))
    'page.txt'
    """
    real = real_path(path) if real is None else real
    try:
        linked = real != Path(os.path.abspath(path))
    except (OSError, ValueError):
        linked = False
    return real if linked else path


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, source: Path | None = None) -> bytes:
    """The bytes of a regular file, at most ``max_bytes`` of them; anything else is an ``ArticleError``.

    Pipes, devices and sockets are refused before they are opened (and the file is
    opened without blocking, then checked again); the limit counts the bytes actually
    read, not the size the file system reports. Errors name the real file (``source``:
    ``error_name(path)`` when the caller has it already).

    >>> read_bytes(Path("/dev/null"))
    Traceback (most recent call last):
    helpers.article.NotRegularFileError: /dev/null: is a character device, not a regular file; ...
    """
    source = error_name(path) if source is None else source
    via = f" (through the link {path})" if source != path else ""
    try:
        check_regular(os.stat(source).st_mode, source, via)
        descriptor = os.open(source, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise MissingFileError(source, f"no such file{via}") from None
    except (OSError, ValueError) as exc:  # a file used as a folder, no permission, a NUL or a long name
        raise MissingFileError(source, f"cannot be opened ({describe_os_error(exc)}){via}") from None
    with os.fdopen(descriptor, "rb") as file:
        check_regular(os.fstat(descriptor).st_mode, source, via)
        try:
            data = file.read(max_bytes + 1)
        except OSError as exc:
            raise ArticleError(source, f"cannot be read ({describe_os_error(exc)}){via}") from None
    if len(data) > max_bytes:
        raise FileTooLargeError(source, f"is larger than the limit of {max_bytes:,} bytes{via}")
    return data


def check_regular(mode: int, path: Path, via: str = "") -> None:
    """Raise an ``ArticleError`` unless ``mode`` (from ``os.stat``) is a regular file's.

    >>> check_regular(os.stat("/").st_mode, Path("/"))
    Traceback (most recent call last):
    helpers.article.MissingFileError: /: is a directory, not an article file
    """
    if stat.S_ISDIR(mode):
        raise MissingFileError(path, f"is a directory, not an article file{via}")
    if stat.S_ISREG(mode):
        return
    kind = next((name for test, name in _FILE_KINDS if test(mode)), "not a file")
    raise NotRegularFileError(path, f"is {kind}, not a regular file; save the text to a file first{via}")


def describe_os_error(exc: Exception) -> str:
    """A short reason for an OS error, with advice where there is one.

    >>> describe_os_error(OSError(errno.ENAMETOOLONG, "File name too long"))
    'File name too long: shorten the file name (most systems allow 255 bytes)'
    """
    reason = getattr(exc, "strerror", None) or str(exc)
    if getattr(exc, "errno", None) == errno.ENAMETOOLONG:
        return f"{reason}: shorten the file name (most systems allow 255 bytes)"
    return reason


def decode(raw: bytes, path: Path | str = "<bytes>") -> tuple[str, str]:
    """Decode bytes as UTF-8/UTF-16 by BOM, else UTF-8, else cp1252; return (text, encoding).

    >>> decode("café".encode("cp1252"))
    ('café', 'cp1252')
    """
    text, encoding, _ = decode_with_repairs(raw, path)
    return text, encoding


def decode_with_repairs(raw: bytes, path: Path | str = "<bytes>") -> tuple[str, str, list[Repair]]:
    """Decode like ``decode``; UTF-8 text with some cp1252 bytes is decoded by run, each line recorded.

    >>> text, encoding, repairs = decode_with_repairs("Café\\n".encode() + "Crème".encode("cp1252"))
    >>> text, encoding, [(r.line, r.kind) for r in repairs]
    ('Café\\nCrème', 'utf-8+cp1252', [(2, 'decoded cp1252 bytes')])
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), encoding, []
            except UnicodeDecodeError as exc:
                raise UndecodableError(
                    path, f"starts with a {encoding} byte-order mark but {exc.reason}"
                ) from None
    if b"\x00" in raw:
        raise BinaryFileError(path, "holds NUL bytes: this is a binary file, not a text dump")
    try:
        return raw.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    try:
        return decode_mixed(raw)
    except UnicodeDecodeError:
        raise UndecodableError(path, "the bytes are neither UTF-8 nor cp1252 text") from None


def decode_mixed(raw: bytes) -> tuple[str, str, list[Repair]]:
    """Decode cp1252 bytes, or UTF-8 with runs of cp1252 bytes when the file holds UTF-8 sequences.

    >>> decode_mixed("Café".encode("cp1252"))
    ('Café', 'cp1252', [])
    """
    text = raw.decode("utf-8", errors="helpers-cp1252")
    if text == _decode_or_none(raw, "cp1252"):
        return text, "cp1252", []
    repairs, number = [], 1
    for raw_line in raw.split(b"\n"):
        if _decode_or_none(raw_line, "utf-8") is None:
            line = raw_line.decode("utf-8", errors="helpers-cp1252")
            bad = len(raw_line) - len(raw_line.decode("utf-8", errors="ignore").encode())
            words = " ".join(word for word in line.split() if not word.isascii())[:60]
            repairs.append(
                Repair(number, "decoded cp1252 bytes", f"{bad} byte(s) not UTF-8, read as cp1252: {words}")
            )
        number += 1 + raw_line_breaks(raw_line)
    return text, "utf-8+cp1252", repairs


def _decode_or_none(raw: bytes, encoding: str) -> str | None:
    """The bytes decoded, or None when they are not valid in ``encoding``."""
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        return None


def raw_line_breaks(line: bytes) -> int:
    """Line breaks inside a line split on LF: lone CRs, which ``normalize`` turns into breaks.

    >>> raw_line_breaks(b"one\\rtwo\\r")
    1
    """
    return line.count(b"\r") - line.endswith(b"\r")


def _cp1252_run(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: read the bytes that are not valid UTF-8 as cp1252."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return exc.object[exc.start : exc.end].decode("cp1252"), exc.end


codecs.register_error("helpers-cp1252", _cp1252_run)


def normalize(text: str) -> str:
    """Unify line ends, drop zero-width and control characters, plain spaces, NFC.

    >>> normalize("a\\u00a0b\\u200b\\r\\nc")
    'a b\\nc'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _INVISIBLE_OR_SPACE.search(text):
        text = _SPACES.sub(" ", _INVISIBLE.sub("", text))
    return unicodedata.normalize("NFC", text)


def repair_mojibake(text: str) -> tuple[str, list[Repair]]:
    """Repair UTF-8 misread as cp1252 or Latin-1 ("Itâ€™s" -> "It’s") line by line, with ftfy.

    >>> text, repairs = repair_mojibake("Title\\nCafÃ© crème")
    >>> text, [(r.line, r.kind, r.detail) for r in repairs]
    ('Title\\nCafé crème', [(2, 'repaired mojibake', "'CafÃ©' -> 'Café' (ftfy: decode_inconsistent_utf8)")])
    """
    if not _MOJIBAKE_HINT.search(text):
        return text, []
    from ftfy import fix_encoding_and_explain

    lines, repairs = text.split("\n"), []
    for index, line in enumerate(lines):
        if not _MOJIBAKE_HINT.search(line):
            continue
        repaired = fix_encoding_and_explain(line)
        fixed = unicodedata.normalize("NFC", repaired.text)
        if fixed != line:
            how = ", ".join(step for _, step in (repaired.explanation or []))
            before, after = _changed_words(line, fixed)
            repairs.append(Repair(index + 1, "repaired mojibake", f"{before!r} -> {after!r} (ftfy: {how})"))
            lines[index] = fixed
    return "\n".join(lines), repairs


def _changed_words(before: str, after: str) -> tuple[str, str]:
    """The first changed word of a line before and after a repair, for the record."""
    head = len(os.path.commonprefix([before, after]))
    tail = len(os.path.commonprefix([before[head:][::-1], after[head:][::-1]]))
    left = max(before.rfind(" ", 0, head) + 1, 0)
    right_before, right_after = before.find(" ", len(before) - tail), after.find(" ", len(after) - tail)
    cut_before = right_before if right_before >= 0 else len(before)
    cut_after = right_after if right_after >= 0 else len(after)
    return before[left:cut_before][:60], after[left:cut_after][:60]


def split_paragraphs(text: str, lines: Sequence[int] | None = None) -> tuple[list[Paragraph], list[Repair]]:
    """Return the non-empty lines as paragraphs, splitting those glued at a sentence end.

    ``lines`` gives each text line's line number in the file (default: 1, 2, 3...).

    >>> [p.text for p in split_paragraphs("A title\\nIt ended.The next began.")[0]]
    ['A title', 'It ended.', 'The next began.']
    """
    paragraphs: list[Paragraph] = []
    repairs: list[Repair] = []
    offset = 0
    # Where the whole text has glued ends: a line without one is not searched again (no match spans lines).
    glued = [match.end() for match in _GLUED.finditer(text)]
    next_glued = 0
    for index, line in enumerate(text.split("\n")):
        number = lines[index] if lines is not None else index + 1
        stripped = line.strip()
        has_glued = next_glued < len(glued) and glued[next_glued] <= offset + len(line)
        while next_glued < len(glued) and glued[next_glued] <= offset + len(line):
            next_glued += 1
        if stripped:
            start = offset + line.index(stripped)
            cuts = glued_sentence_ends(stripped) if has_glued else []
            if not cuts:  # most lines: one paragraph
                paragraphs.append(Paragraph(number, start, stripped))
                offset += len(line) + 1
                continue
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


def sidecar_path(path: Path) -> Path:
    """The metadata sidecar beside an article: ``<name>.meta.json``.

    >>> sidecar_path(Path("data/raw/page.txt")).name
    'page.meta.json'
    """
    try:
        return path.with_suffix(".meta.json")
    except ValueError:  # a name with no stem, such as "."
        return path.parent / f"{path.name}.meta.json"


def read_sidecar(path: Path) -> dict:
    """Return the ``<name>.meta.json`` beside ``path`` as a dict ({} when there is none)."""
    sidecar = sidecar_path(path)
    try:
        present = sidecar.exists() or sidecar.is_symlink()
    except (OSError, ValueError):
        present = False
    if not present:
        return {}
    if sidecar.is_dir():
        raise ArticleError(
            sidecar, "the metadata sidecar is a directory, not a JSON file; rename or remove it"
        )
    try:
        raw = read_bytes(sidecar, SIDECAR_MAX_BYTES)
    except ArticleError as exc:
        raise ArticleError(exc.path, f"the metadata sidecar {exc.problem}") from None
    try:
        metadata = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
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
