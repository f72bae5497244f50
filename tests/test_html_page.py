"""Tests for helpers.html_page and reading saved HTML pages through read_article."""

import gzip
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.article import (
    ArticleError,
    EmptyFileError,
    HtmlFileError,
    looks_like_html,
    parse_article,
    read_article,
)
from helpers.html_page import (
    HtmlPageError,
    decode_html,
    gunzip,
    has_html_name,
    has_markup,
    page_metadata,
    parse_html,
    read_html_page,
    visible_lines,
)

PAGE = """<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Harbour bridge reopens | The Coastal Gazette</title>
  <meta name="author" content="Jo Marsh">
  <meta property="og:title" content="Harbour bridge reopens">
  <meta property="article:published_time" content="2021-06-14T08:00:00Z">
  <link rel="canonical" href="https://gazette.example/bridge">
  <script>window.tracker = "<p>not text</p>";</script>
  <style>.x { color: red }</style>
</head>
<body>
  <nav><ul><li><a href="/">Home</a></li><li>Local</li></ul></nav>
  <h1>Harbour bridge reopens</h1>
  <p>By Jo Marsh<br>Published 14 June 2021</p>
  <p>The harbour bridge <b>reopened</b> on Monday after two years of repairs.</p>
  <div hidden>Subscribe now</div>
  <p style="display: none">A hidden offer</p>
  <template><p>A template row</p></template>
  <noscript>Enable JavaScript</noscript>
  <table><tr><td>Cost</td><td>4 million</td></tr></table>
  <!-- a comment -->
  <footer>All rights reserved</footer>
</body>
</html>
"""

DUMP = [
    "Harbour bridge reopens | The Coastal Gazette",
    "Home",
    "Local",
    "Harbour bridge reopens",
    "By Jo Marsh",
    "Published 14 June 2021",
    "The harbour bridge reopened on Monday after two years of repairs.",
    "Cost",
    "4 million",
    "All rights reserved",
]


def named_page_markup(data: bytes) -> bool:
    """What makes a file named .html a page: it starts like HTML or holds a tag."""
    head = data[:20_000].decode("latin-1")
    return looks_like_html(head) or has_markup(head)


def write(tmp_path: Path, data: bytes, name: str) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_dump_keeps_visible_blocks_in_order_and_drops_what_a_browser_hides():
    assert read_html_page(PAGE).dump.split("\n") == [*DUMP, ""]


def test_metadata_from_the_standard_tags_and_htmldate():
    metadata = read_html_page(PAGE).metadata
    assert metadata == {
        "title": "Harbour bridge reopens",
        "author": "Jo Marsh",
        "url": "https://gazette.example/bridge",
        "language": "en-GB",
        "published": "2021-06-14",
    }


@pytest.mark.parametrize("name", ["page.html", "page.htm", "page.html.gz", "page.txt"])
def test_read_article_reads_a_saved_page_by_name_or_content(tmp_path, name):
    data = PAGE.encode("utf-8")
    path = write(tmp_path, gzip.compress(data) if name.endswith(".gz") else data, name)
    article = read_article(path)
    assert [p.text for p in article.paragraphs] == DUMP
    assert article.html_source == path
    assert article.path == path
    assert article.published.isoformat() == "2021-06-14"
    assert article.published_source == "html metadata"
    assert article.metadata["author"] == "Jo Marsh"
    assert article.language == "en"


def test_the_sidecar_and_the_argument_win_over_the_html_metadata(tmp_path):
    path = write(tmp_path, PAGE.encode(), "page.html")
    assert read_article(path, published="2021-06-15").published_source == "argument"
    (tmp_path / "page.meta.json").write_text('{"published": "2021-06-16", "author": "Desk"}')
    article = read_article(path)
    assert (article.published.isoformat(), article.published_source) == ("2021-06-16", "sidecar")
    assert article.metadata["author"] == "Desk"


def test_without_html_metadata_the_date_comes_from_the_page_line(tmp_path):
    page = PAGE.replace('<meta property="article:published_time" content="2021-06-14T08:00:00Z">', "")
    article = read_article(write(tmp_path, page.encode(), "page.html"))
    assert article.published.isoformat() == "2021-06-14"
    assert article.published_source == "page line 6"


def test_parse_article_converts_html_text_too():
    article = parse_article(PAGE)
    assert article.html_source == Path("<text>")
    assert article.title == DUMP[0]


def test_declared_charset_decodes_a_legacy_page():
    raw = '<meta charset="windows-1252"><title>Caf\u00e9</title><p>Cr\u00e8me</p>'.encode("cp1252")
    assert read_html_page(raw).dump == "Caf\u00e9\nCr\u00e8me\n"
    assert decode_html(raw)[1] == "cp1252"


def test_unknown_declared_charset_falls_back_to_utf8():
    assert decode_html('<meta charset="klingon"><p>\u00e9'.encode())[1] == "utf-8"


def test_page_without_visible_text_is_an_empty_file(tmp_path):
    with pytest.raises(EmptyFileError, match="page.html: the HTML page has no visible text"):
        read_article(write(tmp_path, b"<html><script>x()</script></html>", "page.html"))


def test_broken_gzip_and_gzip_bomb_are_refused(tmp_path):
    with pytest.raises(HtmlFileError, match="cut short"):
        read_article(write(tmp_path, gzip.compress(PAGE.encode())[:40], "page.html.gz"))
    with pytest.raises(HtmlFileError, match="more than the limit of 1,000 bytes"):
        read_article(write(tmp_path, gzip.compress(b"<p>" + b"a" * 5000), "bomb.html.gz"), max_bytes=1000)
    with pytest.raises(HtmlPageError):
        gunzip(b"\x1f\x8bnot gzip", 100)


def test_html_names():
    assert has_html_name(Path("a/B.XHTML")) and not has_html_name("notes.html.txt")


def test_visible_lines_keep_the_tail_after_a_hidden_element():
    assert visible_lines(parse_html("<p>Before <span hidden>x</span>after</p>")) == ["Before after"]


def test_deep_nesting_is_walked_without_recursion_and_too_deep_is_refused():
    assert visible_lines(parse_html("<div>" * 1500 + "deep" + "</div>" * 1500)) == ["deep"]
    with pytest.raises(HtmlPageError, match="Excessive depth"):
        parse_html("<div>" * 5000 + "deep")


def test_metadata_absent_keys_are_left_out():
    assert page_metadata(parse_html("<p>x</p>")) == {}


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=3000))
def test_any_bytes_as_html_give_an_article_or_an_article_error(tmp_path, data):
    path = write(tmp_path, data, "page.html")
    try:
        article = read_article(path)
    except ArticleError as exc:
        assert str(exc).startswith(str(path))
        return
    assert article.html_source == (path if named_page_markup(data) else None)
    assert "\x00" not in article.text


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=2000))
def test_any_gzipped_bytes_give_an_article_or_an_article_error(tmp_path, data):
    path = write(tmp_path, gzip.compress(data), "page.html.gz")
    try:
        article = read_article(path)
    except ArticleError as exc:
        assert str(exc).startswith(str(path))
        return
    assert article.html_source == (path if named_page_markup(data) else None)


def test_gzipped_text_dump_is_read_as_a_dump(tmp_path):
    path = write(tmp_path, gzip.compress(b"Bridge reopens\nThe bridge reopened on Monday."), "page.txt.gz")
    article = read_article(path)
    assert article.html_source is None
    assert [p.text for p in article.paragraphs] == ["Bridge reopens", "The bridge reopened on Monday."]


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["p", "div", "li", "span", "b", "script", "td", "h2", "br"]),
            st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=40),
        ),
        max_size=40,
    )
)
def test_any_tag_soup_gives_an_article_or_an_article_error(elements):
    page = "<html><body>" + "".join(f"<{tag}>{text}" for tag, text in elements)
    try:
        article = parse_article(page)
    except ArticleError:
        return
    assert all(p.text == p.text.strip() and p.text for p in article.paragraphs)


def test_conversion_is_linear_in_the_page_size():
    row = "<div><p>The harbour bridge reopened after two years of repairs.</p><span>x</span></div>"
    small, large = row * 500, row * 5000
    start = time.perf_counter()
    read_html_page(small)
    small_time = time.perf_counter() - start
    start = time.perf_counter()
    read_html_page(large)
    assert time.perf_counter() - start < 40 * small_time + 1.0


def test_a_printed_stamp_a_day_from_the_markup_timestamp_wins(tmp_path):
    page = PAGE.replace("2021-06-14T08:00:00Z", "2021-06-15T01:30:00Z")
    article = read_article(write(tmp_path, page.encode(), "page.html"))
    assert (article.published.isoformat(), article.published_source) == ("2021-06-14", "page line 6")
    far = PAGE.replace("2021-06-14T08:00:00Z", "2021-06-20T08:00:00Z")
    article = read_article(write(tmp_path, far.encode(), "far.html"))
    assert (article.published.isoformat(), article.published_source) == ("2021-06-20", "html metadata")


def test_a_dump_named_html_without_any_tag_stays_a_dump(tmp_path):
    article = read_article(write(tmp_path, b"Bridge reopens\nThe bridge reopened on Monday.", "page.html"))
    assert article.html_source is None
    assert len(article.paragraphs) == 2
