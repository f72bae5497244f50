"""Tests for helpers.article: decoding, normalisation, repairs, errors and the seed."""

import codecs
import json
import os
import re
import socket
import tempfile
import threading
import time
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.article import (
    ArticleError,
    BinaryFileError,
    EmptyFileError,
    FileTooLargeError,
    HtmlFileError,
    MissingFileError,
    NotRegularFileError,
    PublishedDateError,
    UndecodableError,
    glued_sentence_ends,
    normalize,
    parse_article,
    read_article,
    repair_mojibake,
    split_paragraphs,
)


def write(tmp_path: Path, data: bytes, name: str = "page.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- the case study -------------------------------------------------------


def test_seed_title_date_and_paragraph_lines(seed_article):
    assert seed_article.title.startswith("Blinken hosts Armenia, Azerbaijan FMs")
    assert seed_article.published == date(2022, 9, 19)
    assert seed_article.encoding == "utf-8"
    lines = [p.line for p in seed_article.paragraphs]
    assert lines == [1, 2, 3, 4, 5, 6, 7, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]


def test_seed_glued_line_is_split_once(seed_article):
    line7 = [p.text for p in seed_article.paragraphs if p.line == 7]
    assert line7[0] == "Your support makes all the difference."
    assert line7[1].startswith("U.S. Secretary of State Antony Blinken met")
    assert [r.line for r in seed_article.repairs] == [7]


def test_seed_offsets_slice_the_text(seed_article):
    for paragraph in seed_article.paragraphs:
        assert seed_article.text[paragraph.start : paragraph.start + len(paragraph.text)] == paragraph.text


def test_seed_reports_mixed_quotes_and_keeps_curly_ones(seed_article):
    assert any("mixed quote styles" in note for note in seed_article.notes)
    assert "\u201cWe are always open for meetings" in seed_article.text


def test_seed_file_is_not_modified(seed_path):
    before = seed_path.read_bytes()
    read_article(seed_path)
    assert seed_path.read_bytes() == before


# --- decoding and normalisation -------------------------------------------


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Title\nCafé crème.".encode(), "utf-8"),
        (codecs.BOM_UTF8 + "Title\nCafé crème.".encode(), "utf-8-sig"),
        ("Title\nCafé crème.".encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + "Title\nCafé crème.".encode("utf-16-be"), "utf-16"),
        ("Title\nCafé crème.".encode("cp1252"), "cp1252"),
    ],
)
def test_encodings_are_detected(tmp_path, data, encoding):
    article = read_article(write(tmp_path, data))
    assert article.encoding == encoding
    assert article.paragraphs[1].text == "Café crème."


def test_line_endings_are_unified(tmp_path):
    article = read_article(write(tmp_path, b"Title\r\nOne.\rTwo.\r\n"))
    assert [(p.line, p.text) for p in article.paragraphs] == [(1, "Title"), (2, "One."), (3, "Two.")]


def test_invisible_characters_and_odd_spaces_are_cleaned():
    assert normalize("zero\u200bwidth\u00a0space\u202fnarrow\u00adsoft") == "zerowidth space narrowsoft"


def test_text_is_nfc():
    assert normalize("Cafe\u0301") == "Caf\u00e9"


def test_blank_lines_are_skipped_but_line_numbers_kept(tmp_path):
    article = read_article(write(tmp_path, b"Title\n\n   \nBody text.\n"))
    assert [(p.line, p.text) for p in article.paragraphs] == [(1, "Title"), (4, "Body text.")]


# --- glued paragraphs -------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "The U.S. and the U.N. agreed.",
        "Inflation rose 3.5 percent at 10.30 a.m. on Monday.",
        "Visit https://apnews.com/Hub.Page or www.example.org/News.Today for more.",
        "Write to desk@news.Example.com today.",
        "He said: Ph.D. students at St. Louis University met.",
    ],
)
def test_no_split_inside_abbreviations_numbers_urls_or_emails(line):
    assert glued_sentence_ends(line) == []


@pytest.mark.parametrize(
    ("line", "parts"),
    [
        ("It ended.The talks began.", ["It ended.", "The talks began."]),
        ("Donate today.U.S. officials said so.", ["Donate today.", "U.S. officials said so."]),
        ('"We are ready."He left.', ['"We are ready."', "He left."]),
        ("Really?Yes.", ["Really?", "Yes."]),
    ],
)
def test_glued_sentences_become_two_paragraphs(line, parts):
    article = parse_article(f"Title\n{line}")
    assert [p.text for p in article.paragraphs[1:]] == parts
    assert all(p.line == 2 for p in article.paragraphs[1:])
    assert len(article.repairs) == len(parts) - 1


# --- publication date ----------------------------------------------------------


def test_published_argument_overrides_sidecar(seed_path):
    assert read_article(seed_path, published="2023-01-02").published == date(2023, 1, 2)
    assert read_article(seed_path, published=date(2021, 5, 6)).published == date(2021, 5, 6)


def test_no_sidecar_means_unknown_date(tmp_path):
    assert read_article(write(tmp_path, b"Title\nBody.")).published is None


def test_sidecar_is_read(tmp_path):
    path = write(tmp_path, b"Title\nBody.")
    path.with_suffix(".meta.json").write_text(json.dumps({"published": "2020-02-29", "outlet": "X"}))
    article = read_article(path)
    assert article.published == date(2020, 2, 29)
    assert article.metadata["outlet"] == "X"


@pytest.mark.parametrize("value", ["2022-02-30", "19/09/2022", "yesterday", ""])
def test_invalid_published_date_names_the_file(tmp_path, value):
    path = write(tmp_path, b"Title\nBody.")
    with pytest.raises(PublishedDateError, match=r"page\.txt.*not a valid"):
        read_article(path, published=value)


def test_sidecar_timestamp_gives_its_date(tmp_path):
    path = write(tmp_path, b"Title\nBody.")
    path.with_suffix(".meta.json").write_text(json.dumps({"published": "2020-02-29T23:15:00Z"}))
    assert read_article(path).published == date(2020, 2, 29)


def test_invalid_sidecar_date_names_the_sidecar(tmp_path):
    path = write(tmp_path, b"Title\nBody.")
    path.with_suffix(".meta.json").write_text(json.dumps({"published": "last Tuesday"}))
    with pytest.raises(PublishedDateError, match=r"page\.meta\.json: published date 'last Tuesday'"):
        read_article(path)


def test_a_datetime_argument_keeps_only_its_date(seed_path):
    assert read_article(seed_path, published=datetime(2021, 5, 6, 10, 30)).published == date(2021, 5, 6)


def test_parse_article_reads_no_file_and_accepts_any_name():
    article = parse_article("Title\nBody.", path="")
    assert article.path is None and article.metadata == {}


def test_invalid_sidecar_names_the_sidecar(tmp_path):
    path = write(tmp_path, b"Title\nBody.")
    path.with_suffix(".meta.json").write_text("{not json")
    with pytest.raises(ArticleError, match=r"page\.meta\.json.*not valid JSON"):
        read_article(path)


# --- errors ---------------------------------------------------------------------


def test_missing_file(tmp_path):
    with pytest.raises(MissingFileError, match=r"nope\.txt: no such file"):
        read_article(tmp_path / "nope.txt")


def test_file_used_as_a_folder(tmp_path):
    page = write(tmp_path, b"Title\nBody.")
    with pytest.raises(MissingFileError, match=r"page\.txt/inner\.txt: cannot be opened"):
        read_article(page / "inner.txt")


def test_directory(tmp_path):
    with pytest.raises(MissingFileError, match="is a directory"):
        read_article(tmp_path)


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", "\u200b\u00a0\n".encode()])
def test_empty_or_whitespace_only(tmp_path, data):
    with pytest.raises(EmptyFileError, match=r"page\.txt: the file holds no text"):
        read_article(write(tmp_path, data))


def test_binary(tmp_path):
    with pytest.raises(BinaryFileError, match="NUL bytes"):
        read_article(write(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))


def test_undecodable(tmp_path):
    # 0x81 is undefined in cp1252 and invalid as a UTF-8 start byte.
    with pytest.raises(UndecodableError, match="neither UTF-8 nor cp1252"):
        read_article(write(tmp_path, b"Title\n\x81\x81 body"))


def test_broken_utf16_after_bom(tmp_path):
    with pytest.raises(UndecodableError, match="byte-order mark"):
        read_article(write(tmp_path, codecs.BOM_UTF16_LE + b"T\x00i\x00\x00\xd8"))


def test_too_large(tmp_path):
    with pytest.raises(FileTooLargeError, match="larger than the limit of 10 bytes"):
        read_article(write(tmp_path, b"Title\nA body that is long."), max_bytes=10)


@pytest.mark.parametrize(
    ("data", "lines"),
    [
        (b"<!DOCTYPE html><html><body><p>Hi</p></body></html>", ["", "Hi"]),
        (b"  <html lang='en'><head><title>T</title></head></html>", ["T"]),
        (
            b"Title\n" + b"<div class='x'><p>A paragraph.</p></div>\n" * 12,
            ["", "Title", *["A paragraph."] * 12],
        ),
    ],
)
def test_html_detected_by_content_is_read_as_its_dump(tmp_path, data, lines):
    article = read_article(write(tmp_path, data))
    assert article.text.splitlines() == lines
    assert article.html_source == article.path


def test_broken_gzip_names_the_file(tmp_path):
    with pytest.raises(HtmlFileError, match="gzip"):
        read_article(write(tmp_path, b"\x1f\x8b\x08\x00broken"))


def test_text_that_mentions_a_tag_is_not_html():
    assert parse_article("Title\nThe <p> tag starts a paragraph in HTML.").title == "Title"


# --- properties -------------------------------------------------------------------


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400))
def test_any_bytes_give_an_article_or_an_article_error(tmp_path, data):
    path = write(tmp_path, data)
    try:
        article = read_article(path)
    except ArticleError as exc:
        assert str(path) in str(exc)
        return
    assert article.paragraphs and article.paragraphs[0].text.startswith(article.title.rstrip("…"))
    for paragraph in article.paragraphs:
        assert paragraph.text and paragraph.text == paragraph.text.strip()
        assert article.text[paragraph.start : paragraph.start + len(paragraph.text)] == paragraph.text


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=300))
def test_splitting_glued_lines_only_cuts_never_loses_text(text):
    try:
        article = parse_article(text)
    except ArticleError:
        return
    rebuilt = {}
    for paragraph in article.paragraphs:
        rebuilt[paragraph.line] = rebuilt.get(paragraph.line, "") + paragraph.text
    lines = article.text.split("\n")
    assert all(lines[number - 1].strip() == joined for number, joined in rebuilt.items())


# --- files that are not regular files, limits, links ---------------------------------------


def finishes_quickly(call, seconds: float = 5.0):
    """Run ``call`` in a thread; return its exception (or None), failing if it hangs."""
    outcome: list[BaseException | None] = []

    def target():
        try:
            call()
            outcome.append(None)
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            outcome.append(exc)

    worker = threading.Thread(target=target, daemon=True)
    worker.start()
    worker.join(seconds)
    assert outcome, f"still running after {seconds} s"
    return outcome[0]


def test_a_fifo_is_refused_without_hanging(tmp_path):
    fifo = tmp_path / "page.txt"
    os.mkfifo(fifo)
    error = finishes_quickly(lambda: read_article(fifo))
    assert isinstance(error, NotRegularFileError)
    assert "page.txt: is a named pipe (FIFO), not a regular file" in str(error)


@pytest.mark.parametrize(
    ("device", "kind"), [("/dev/zero", "character device"), ("/dev/urandom", "character device")]
)
def test_devices_are_refused_without_reading(device, kind):
    if not Path(device).exists():
        pytest.skip(f"no {device} here")
    start = time.perf_counter()
    error = finishes_quickly(lambda: read_article(device))
    assert isinstance(error, NotRegularFileError) and kind in str(error)
    assert time.perf_counter() - start < 5


def test_a_socket_is_refused():
    folder = Path(tempfile.mkdtemp(prefix="s"))  # short: socket paths are limited to ~100 bytes
    path = folder / "page.txt"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        with pytest.raises(NotRegularFileError, match="is a socket"):
            read_article(path)


def test_the_limit_counts_bytes_read_not_the_reported_size(tmp_path):
    status = Path("/proc/self/status")  # a regular file whose reported size is 0
    if not status.exists() or status.stat().st_size:
        pytest.skip("needs a file that reports size 0 but holds text")
    with pytest.raises(FileTooLargeError, match="larger than the limit of 10 bytes"):
        read_article(status, max_bytes=10)
    assert read_article(status).paragraphs


def test_a_file_of_exactly_the_limit_is_read(tmp_path):
    data = b"Title\nBody."
    assert read_article(write(tmp_path, data), max_bytes=len(data)).title == "Title"


def test_symlinks_are_followed_and_the_real_path_is_named(tmp_path):
    real = write(tmp_path, b"Title\nBody.", "real.txt")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    article = read_article(link)
    assert article.path == link and article.source == real.resolve()
    real.write_bytes(b"")
    with pytest.raises(EmptyFileError, match=r"real\.txt: the file holds no text"):
        read_article(link)
    real.unlink()
    with pytest.raises(MissingFileError, match=r"real\.txt: no such file \(through the link .*link\.txt\)"):
        read_article(link)


def test_a_plain_file_names_itself_as_given(tmp_path):
    page = write(tmp_path, b"Title\nBody.")
    assert read_article(page).source == page.resolve()
    with pytest.raises(MissingFileError, match=r"^nope\.txt: no such file$"):
        read_article("nope.txt")


def test_a_symlink_loop_is_one_error(tmp_path):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    with pytest.raises(MissingFileError, match="cannot be opened"):
        read_article(loop)


def test_a_file_name_too_long_is_one_error(tmp_path):
    with pytest.raises(MissingFileError, match="File name too long: shorten the file name"):
        read_article(tmp_path / ("x" * 300 + ".txt"))


# --- sidecars ----------------------------------------------------------------------------------


def test_a_sidecar_that_is_a_directory_is_an_error(tmp_path):
    path = write(tmp_path, b"Title\nBody.")
    path.with_suffix(".meta.json").mkdir()
    with pytest.raises(ArticleError, match=r"page\.meta\.json: the metadata sidecar is a directory"):
        read_article(path)


def test_an_unreadable_sidecar_is_an_error(tmp_path, monkeypatch):
    path = write(tmp_path, b"Title\nBody.")
    sidecar = path.with_suffix(".meta.json")
    sidecar.write_text("{}")
    real_open = os.open

    def refuse(name, *args, **kwargs):
        if str(name).endswith(".meta.json"):
            raise PermissionError(13, "Permission denied")
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(
        ArticleError, match=r"page\.meta\.json: the metadata sidecar cannot be opened \(Permission"
    ):
        read_article(path)


def test_a_sidecar_that_is_a_fifo_is_refused_without_hanging(tmp_path):
    path = write(tmp_path, b"Title\nBody.")
    os.mkfifo(path.with_suffix(".meta.json"))
    error = finishes_quickly(lambda: read_article(path))
    assert isinstance(error, ArticleError) and "the metadata sidecar is a named pipe" in str(error)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0001-01-01", date(1, 1, 1)),
        ("9999-12-31", date(9999, 12, 31)),
        ("9999-12-31T23:59:59+00:00", date(9999, 12, 31)),
    ],
)
def test_published_dates_in_years_1_to_9999_are_accepted(tmp_path, value, expected):
    path = write(tmp_path, b"Title\nBody.")
    assert read_article(path, published=value).published == expected
    path.with_suffix(".meta.json").write_text(json.dumps({"published": value}))
    assert read_article(path).published == expected


@pytest.mark.parametrize("value", ["10000-01-01", "0000-12-31", 2022, ["2022-09-19"]])
def test_published_dates_outside_years_1_to_9999_are_one_error(tmp_path, value):
    path = write(tmp_path, b"Title\nBody.")
    path.with_suffix(".meta.json").write_text(json.dumps({"published": value}))
    with pytest.raises(PublishedDateError, match=r"page\.meta\.json: published date .* is not a valid"):
        read_article(path)


# --- mixed encodings and mojibake -----------------------------------------------------------------


def test_utf8_with_some_cp1252_bytes_is_decoded_by_run(tmp_path):
    data = "Title\nCafé crème\n".encode() + "Naïve “quotes” here".encode("cp1252") + "\nZürich — ok".encode()
    article = read_article(write(tmp_path, data))
    assert article.encoding == "utf-8+cp1252"
    assert [p.text for p in article.paragraphs] == [
        "Title",
        "Café crème",
        "Naïve “quotes” here",
        "Zürich — ok",
    ]
    assert [(r.line, r.kind) for r in article.repairs] == [(3, "decoded cp1252 bytes")]
    assert "3 byte(s)" in article.repairs[0].detail or "4 byte(s)" in article.repairs[0].detail


def test_one_line_mixing_utf8_and_cp1252_keeps_both():
    from helpers.article import decode_with_repairs

    text, encoding, repairs = decode_with_repairs("Title\nCafé ".encode() + "crème".encode("cp1252"))
    assert (text, encoding) == ("Title\nCafé crème", "utf-8+cp1252")
    assert [r.line for r in repairs] == [2]


def test_cp1252_line_numbers_count_lone_carriage_returns(tmp_path):
    data = b"Title\rOne\r\nTwo \xc3\xa9\n" + "Three é".encode("cp1252")
    article = read_article(write(tmp_path, data))
    assert [r.line for r in article.repairs] == [4]
    assert [(p.line, p.text) for p in article.paragraphs][-1] == (4, "Three é")


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [("Itâ€™s", "It’s"), ("CafÃ©", "Café"), ("â€œQuotedâ€\x9d", "“Quoted”"), ("naÃ¯ve", "naïve")],
)
def test_common_mojibake_is_repaired_and_recorded(broken, fixed):
    article = parse_article(f"Title\nThe word {broken} here.")
    assert article.paragraphs[1].text == f"The word {fixed} here."
    assert [(r.line, r.kind) for r in article.repairs] == [(2, "repaired mojibake")]


@pytest.mark.parametrize("text", ["São Paulo and Zürich", "Ãlvaro met the mayor", "é’s", "The Â symbol"])
def test_text_that_only_looks_like_mojibake_is_kept(text):
    assert repair_mojibake(f"Title\n{text}")[0] == f"Title\n{text}"


# --- a very long first line ------------------------------------------------------------------------


def test_a_very_long_first_line_is_cut_for_display_with_a_note():
    line = "word " * 100_000
    article = parse_article(f"{line}\nBody.")
    assert len(article.title) <= 300 and article.title.endswith("…")
    assert article.paragraphs[0].text == line.strip()
    assert any("the first line is 499,999 characters long" in note for note in article.notes)


def test_a_long_first_line_without_spaces_is_cut_too():
    article = parse_article("x" * 5000 + "\nBody.")
    assert len(article.title) == 300


@given(
    st.lists(
        st.sampled_from(
            [
                "It ended.The next began.",
                "  the deal.Officials said",
                "at apnews.com/Hub.Next",
                "Title",
                "",
                " ",
                "U.S.A.",
                "no cut here",
                "two.Cuts?Yes.It",
            ]  # fmt: skip
        ),
        max_size=12,
    )
)
def test_glued_paragraphs_are_found_line_by_line_as_before(lines):
    text = "\n".join(lines)
    expected, offset = [], 0
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if stripped:
            bounds = [0, *glued_sentence_ends(stripped), len(stripped)]
            start = offset + line.index(stripped)
            expected += [(number, start + a, stripped[a:b]) for a, b in zip(bounds, bounds[1:])]
        offset += len(line) + 1
    paragraphs, _ = split_paragraphs(text)
    assert [(p.line, p.start, p.text) for p in paragraphs] == expected


@given(st.text(alphabet=st.sampled_from('ab.!?"\u201d\u2019AB U.S\n'), max_size=60))
def test_glued_ends_are_those_of_two_letters_then_the_mark(text):
    # The reference: the pattern as first written, two lower-case letters first; only the ends are read.
    import re

    from helpers.article import _GLUED

    letters_first = re.compile(r"[a-z]{2}[.!?][\"\u201d\u2019]?(?=[A-Z](?:[a-z]|\.[A-Z]))")
    assert [m.end() for m in _GLUED.finditer(text)] == [m.end() for m in letters_first.finditer(text)]


@given(
    st.text(
        alphabet=st.sampled_from(list("ab \n\t\r\u200b\u00ad\ufeff\x00\x07\x0b\x1f\x7f\u00a0\u2060é")),
        max_size=40,
    )
)
def test_invisible_characters_are_dropped_as_runs_of_them_were(text):
    from helpers.article import _INVISIBLE

    assert _INVISIBLE.sub("", text) == re.sub(f"{_INVISIBLE.pattern}+", "", text)


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from("ab \n\r\t\x00\x07\x1f\x7f\u200b\u00ad\ufeff\u00a0\u3000\u2009e\u0301"),
        max_size=40,
    )
)
def test_normalize_skipping_clean_text_gives_what_both_substitutions_give(text):
    import unicodedata

    from helpers.article import _INVISIBLE, _SPACES

    plain = text.replace("\r\n", "\n").replace("\r", "\n")
    assert normalize(text) == unicodedata.normalize("NFC", _SPACES.sub(" ", _INVISIBLE.sub("", plain)))


def test_a_paragraph_behaves_as_the_frozen_dataclass_it_is():
    import dataclasses
    import pickle

    from helpers.article import Paragraph

    paragraph = Paragraph(3, 10, "Text.")
    assert (paragraph.line, paragraph.start, paragraph.text) == (3, 10, "Text.")
    assert paragraph == Paragraph(line=3, start=10, text="Text.") and hash(paragraph) == hash(
        Paragraph(3, 10, "Text.")
    )
    assert paragraph != Paragraph(3, 11, "Text.")
    assert repr(paragraph) == "Paragraph(line=3, start=10, text='Text.')"
    assert dataclasses.replace(paragraph, text="Other.") == Paragraph(3, 10, "Other.")
    assert dataclasses.astuple(paragraph) == (3, 10, "Text.")
    assert pickle.loads(pickle.dumps(paragraph)) == paragraph
    with pytest.raises(dataclasses.FrozenInstanceError):
        paragraph.text = "changed"  # type: ignore[misc]
