"""Turn a saved HTML page into a page dump: its visible text, one line per block element.

The dump has the ``<title>`` on its first line, then one line per block element
(p, div, li, td, h1-h6, ...; ``<br>`` also breaks a line) in document order, with
whitespace collapsed, as a scraper saves a page as text. What a browser never
shows is left out: ``<head>``, scripts, styles, ``<noscript>``, templates, svg,
iframes, option lists, comments and elements marked ``hidden`` or styled
``display:none`` / ``visibility:hidden`` inline. The page's metadata (title,
author, canonical URL, language, publication date) come from its ``<meta>`` and
``<link>`` tags and from htmldate.
"""

from __future__ import annotations

import codecs
import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.html import HtmlElement

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
GZIP_MAGIC = b"\x1f\x8b"

BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption center dd details dialog dir div dl dt fieldset "
    "figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 header hgroup hr html legend li "
    "main menu nav ol p pre section summary table tbody td tfoot th thead tr ul".split()
)
SKIPPED_TAGS = frozenset(
    "head script style noscript template svg iframe select option optgroup datalist object embed "
    "canvas math".split()
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_WHITESPACE = re.compile(r"\s+")
_MARKUP = re.compile(
    r"<(?:[A-Za-z][\w-]*(?:\s[^<>]*)?/?|/[A-Za-z][\w-]*\s*|!--|!doctype\b[^<>]*)>", re.IGNORECASE
)
# Characters XML (and so lxml) refuses, and the XML declaration lxml refuses in a str.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


class HtmlPageError(ValueError):
    """The bytes cannot be read as an HTML page (the reader turns it into an ``ArticleError``)."""


@dataclass(frozen=True)
class HtmlPage:
    """A saved page as a dump: its text, the encoding it was decoded with, and its metadata."""

    dump: str
    encoding: str
    metadata: dict[str, str] = field(default_factory=dict)


def is_gzip(raw: bytes) -> bool:
    """True for gzip-compressed bytes.

    >>> is_gzip(b"\\x1f\\x8b\\x08rest"), is_gzip(b"<html>")
    (True, False)
    """
    return raw.startswith(GZIP_MAGIC)


def gunzip(raw: bytes, max_bytes: int) -> bytes:
    """Decompress gzip bytes, refusing output larger than ``max_bytes`` (a gzip bomb) or a broken stream.

    >>> import gzip
    >>> gunzip(gzip.compress(b"<p>Hi</p>"), 100)
    b'<p>Hi</p>'
    """
    inflater = zlib.decompressobj(wbits=31)
    try:
        out = inflater.decompress(raw, max_bytes + 1)
    except zlib.error as exc:
        raise HtmlPageError(f"is gzip-compressed but cannot be decompressed ({exc})") from None
    if len(out) > max_bytes:
        raise HtmlPageError(f"decompresses to more than the limit of {max_bytes:,} bytes")
    if not inflater.eof:
        raise HtmlPageError("is gzip-compressed but the stream is cut short")
    return out


def has_html_name(path: Path | str) -> bool:
    """True for a file named like a saved page (``.html``, ``.htm``, also gzipped).

    >>> has_html_name("page.HTM"), has_html_name("page.html.gz"), has_html_name("page.txt")
    (True, True, False)
    """
    name = Path(path).name.lower().removesuffix(".gz")
    return name.endswith(HTML_SUFFIXES)


def has_markup(text: str) -> bool:
    """True when the text holds an HTML tag, comment or doctype (a dump named ``.html`` may hold none).

    >>> has_markup("Title\\n<p>Body"), has_markup("Title\\nA < B and C > D")
    (True, False)
    """
    return bool(_MARKUP.search(text))


def decode_html(raw: bytes) -> tuple[str, str]:
    """Decode page bytes by BOM, else the declared ``<meta charset>``, else UTF-8, else cp1252.

    >>> decode_html('<meta charset="iso-8859-1"><p>caf\\xe9'.encode("latin-1"))
    ('<meta charset="iso-8859-1"><p>café', 'iso8859-1')
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return raw.decode(encoding, errors="replace"), encoding
    declared = _META_CHARSET.search(raw[:4096])
    candidates = ["utf-8", "cp1252"]
    if declared:
        try:
            candidates.insert(0, codecs.lookup(declared.group(1).decode("ascii")).name)
        except (LookupError, UnicodeDecodeError):
            pass
    for encoding in candidates:
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return raw.decode("cp1252", errors="replace"), "cp1252"


def parse_html(text: str) -> HtmlElement:
    """Parse page text into an lxml tree (comments and processing instructions dropped).

    >>> parse_html("<p>Hi</p>").tag
    'html'
    """
    from lxml import etree, html

    cleaned = _NOT_XML.sub("", _XML_DECLARATION.sub("", text, count=1))
    parser = html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True)
    try:
        root = html.document_fromstring(cleaned, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise HtmlPageError(f"cannot be parsed as HTML ({exc})") from None
    limits = [error.message for error in parser.error_log if error.type_name == "ERR_RESOURCE_LIMIT"]
    if limits:  # libxml2 drops what lies past its limits: refuse rather than lose text silently
        raise HtmlPageError(f"is beyond the HTML parser's limits ({limits[0].split(',')[0]})")
    if root is None:
        raise HtmlPageError("cannot be parsed as HTML (no document)")
    return root


def is_hidden(element: HtmlElement) -> bool:
    """True for an element a browser does not show: a skipped tag, ``hidden``, or an inline hiding style.

    >>> from lxml.html import fragment_fromstring as f
    >>> is_hidden(f('<div style="display: none">x</div>')), is_hidden(f("<p>x</p>"))
    (True, False)
    """
    tag = element.tag
    if not isinstance(tag, str) or tag.lower() in SKIPPED_TAGS:
        return True
    attributes = element.attrib
    return "hidden" in attributes or bool(_HIDDEN_STYLE.search(attributes.get("style", "")))


def visible_lines(root: HtmlElement) -> list[str]:
    """The visible text of the tree, one whitespace-collapsed line per block element, in document order.

    >>> visible_lines(parse_html("<div>A <b>bold</b> word<p>Next</p><script>x()</script>tail</div>"))
    ['A bold word', 'Next', 'tail']
    """
    lines: list[str] = []
    pieces: list[str] = []

    def flush() -> None:
        line = _WHITESPACE.sub(" ", "".join(pieces)).strip()
        if line:
            lines.append(line)
        pieces.clear()

    stack: list[tuple[HtmlElement, bool]] = [(root, False)]
    while stack:
        element, closing = stack.pop()
        if closing:
            if element.tag.lower() in BLOCK_TAGS:
                flush()
            pieces.append(element.tail or "")
            continue
        if is_hidden(element):
            pieces.append(element.tail or "" if element is not root else "")
            continue
        tag = element.tag.lower()
        if tag in BLOCK_TAGS or tag == "br":
            flush()
        pieces.append(element.text or "")
        stack.append((element, True))
        stack.extend((child, False) for child in reversed(element))
    flush()
    return lines


def page_title(root: HtmlElement) -> str:
    """The text of the page's ``<title>``, whitespace collapsed ('' when there is none).

    >>> page_title(parse_html("<title> A  page </title><p>x"))
    'A page'
    """
    title = root.find(".//title")
    if title is None:
        return ""
    return _WHITESPACE.sub(" ", title.text_content()).strip()


def page_metadata(root: HtmlElement) -> dict[str, str]:
    """Title, author, canonical URL and language from the standard meta and link tags (absent keys left out).

    >>> page_metadata(parse_html('<html lang="fr"><meta name="author" content="A. Writer"><p>x'))
    {'author': 'A. Writer', 'language': 'fr'}
    """
    metas: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("http-equiv") or "").strip().lower()
        content = _WHITESPACE.sub(" ", meta.get("content") or "").strip()
        if key and content and key not in metas:
            metas[key] = content
    canonical = next(
        (
            link.get("href", "").strip()
            for link in root.iter("link")
            if "canonical" in link.get("rel", "").lower()
        ),
        "",
    )
    found = {
        "title": metas.get("og:title") or metas.get("twitter:title") or metas.get("dc.title"),
        "author": metas.get("author") or metas.get("article:author") or metas.get("dc.creator"),
        "url": canonical or metas.get("og:url"),
        "language": (root.get("lang") or root.get("xml:lang") or metas.get("content-language") or "").strip()
        or metas.get("og:locale"),
    }
    return {key: value for key, value in found.items() if value}


def html_published(root: HtmlElement) -> str | None:
    """The original publication date htmldate finds in the page's markup (meta tags, JSON-LD, DOM), or None.

    >>> html_published(parse_html('<meta property="article:published_time" content="2021-03-04"><p>x'))
    '2021-03-04'
    """
    import copy
    import logging

    from htmldate import find_date

    logging.getLogger("htmldate").setLevel(logging.ERROR)
    try:
        return find_date(copy.deepcopy(root), original_date=True, extensive_search=False)
    except (ValueError, TypeError, OverflowError):  # htmldate's own parsing of odd markup
        return None


def read_html_page(raw: bytes | str) -> HtmlPage:
    """Turn a saved page (bytes or text) into a dump with its metadata.

    >>> page = read_html_page(b"<title>Storm</title><h1>Storm hits</h1><p>It rained.</p>")
    >>> page.dump, page.encoding
    ('Storm\\nStorm hits\\nIt rained.\\n', 'utf-8')
    """
    text, encoding = (raw, "str") if isinstance(raw, str) else decode_html(raw)
    root = parse_html(text)
    metadata = page_metadata(root)
    published = html_published(root)
    if published:
        metadata["published"] = published
    dump = "\n".join([page_title(root), *visible_lines(root)]) + "\n"
    return HtmlPage(dump=dump, encoding=encoding, metadata=metadata)
