"""Tests for helpers.reports (`make run`): offline HTML, page markup never live, whole files or none."""

import errno
import json
import os
from html.parser import HTMLParser
from pathlib import Path

import pytest

from helpers import reports
from helpers.reports import ReportError, export_html, main, save_table, write_atomically

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))

# A page dump full of markup a scraper can keep as text (fewer tags than the reader's HTML test counts),
# with dollar amounts and TeX that mathtext or MathJax would typeset.
MARKUP_PAGE = (
    "Firm paid $5 million <script>alert(1)</script> to settle, up from $3 million\n"
    "Support our journalism <img src=x onerror=alert(2)> Donate now\n"
    "The mining company Acme Holdings agreed on Monday to pay $5 million to settle a lawsuit "
    "over a spill in 2019, regulators said, up from the $3 million it had offered last week. "
    "<svg onload=alert(3)>\n"
    "Acme Holdings said in a statement that the settlement closed a dispute that began in March"
    " 2020, when residents of Riverton sued over polluted wells. <iframe "
    "src=javascript:alert(4)></iframe>\n"
    "The residents' lawyer, Maria Lopez, told reporters the deal was a first step and said "
    "$x_1^2$ and $\\frac{a}{b}$ damages would be assessed by a court. <details open "
    "ontoggle=alert(5)>\n"
    "Riverton officials said the town had spent $2.5 million on clean water since the spill and"
    " would use the money for new pipes, and Acme Holdings shares rose on Tuesday.\n"
    "Lopez said the residents of Riverton would meet on Friday to vote on the deal, a day after"
    ' Acme Holdings publishes its annual report. <a href="javascript:alert(6)">Read more</a>\n'
    "Regulators fined Acme Holdings twice in 2021 for late reporting, according to records "
    "reviewed by reporters, and the company did not contest the fines, Lopez said.\n"
    "<style>body{display:none}</style> Share this story on social media\n"
    "Copyright 2023 <b onmouseover=alert(7)>Example News</b>\n"
)


class LiveMarkup(HTMLParser):
    """Collect what a browser would run or load in a page: scripts, event handlers, javascript: links."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.in_script = True
            source = dict(attrs).get("src")
            if source:
                self.found.append(f"<script src={source}>")
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value}>")
        if tag in {"iframe", "object", "embed"} or (tag == "img" and dict(attrs).get("src") == "x"):
            self.found.append(f"<{tag}>")

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = False

    def handle_data(self, data):
        if self.in_script and "alert(" in data:
            self.found.append(f"<script>{data.strip()[:40]}")


def live_markup(html: str) -> list[str]:
    """Return the live tags, scripts and handlers in ``html``."""
    parser = LiveMarkup()
    parser.feed(html)
    return parser.found


def test_the_parser_sees_live_markup():
    assert live_markup(MARKUP_PAGE.splitlines()[0]) == ["<script>alert(1)"]
    assert live_markup('<img src=x onerror=alert(2)><a href="javascript:alert(6)">') == [
        "<img onerror=alert(2)>", "<img>", "<a href=javascript:alert(6)>",
    ]  # fmt: skip
    assert live_markup("&lt;script&gt;alert(1)&lt;/script&gt; <p>plain</p>") == []


@pytest.fixture(scope="module")
def markup_reports(tmp_path_factory):
    """Every notebook run by `make run`'s runner on the markup page; the reports folder it wrote."""
    folder = tmp_path_factory.mktemp("markup")
    page = folder / "markup.txt"
    page.write_text(MARKUP_PAGE, encoding="utf-8")
    page.with_suffix(".meta.json").write_text(json.dumps({"published": "2023-05-01"}))
    out = folder / "reports"
    assert main(["--article", str(page), "--reports", str(out), *map(str, NOTEBOOKS)]) == 0
    return out


def test_every_notebook_runs_on_the_markup_page(markup_reports):
    assert sorted(path.name for path in (markup_reports / "notebooks").iterdir()) == [
        p.name for p in NOTEBOOKS
    ]
    assert sorted(path.stem for path in markup_reports.glob("*.html")) == [p.stem for p in NOTEBOOKS]
    figures = {path.name for path in (markup_reports / "figures").iterdir()}
    assert {"01-paragraph-lengths.png", "02-separation-features.svg", "04-top-words.png"} <= figures
    assert not list(markup_reports.rglob("*.part"))  # no temporary file left behind


def test_no_live_markup_from_the_page_survives_in_any_report(markup_reports):
    for html in sorted(markup_reports.glob("*.html")):
        text = html.read_text(encoding="utf-8")
        assert live_markup(text) == [], html.name
    separate = (markup_reports / "02-separate-body-from-boilerplate.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in separate  # shown, escaped, not dropped


def test_reports_load_nothing_from_the_network(markup_reports):
    for html in sorted(markup_reports.glob("*.html")):
        text = html.read_text(encoding="utf-8").lower()
        assert "<script src=" not in text and "mathjax" not in text and "require.min.js" not in text, (
            html.name
        )


def test_export_html_of_a_committed_notebook_is_offline(tmp_path):
    page = export_html(NOTEBOOKS[0], tmp_path / "01.html").read_text(encoding="utf-8")
    assert "<script src=" not in page and "cdnjs" not in page and live_markup(page) == []


def test_a_failed_write_leaves_nothing_and_names_the_file_and_cause(tmp_path):
    target = tmp_path / "report.html"

    def full_disk(temporary: Path) -> None:
        temporary.write_text("half a rep")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with pytest.raises(ReportError, match="No space left on device") as caught:
        write_atomically(target, full_disk)
    assert str(target) in str(caught.value) and "REPORTS" in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_a_read_only_file_system_is_named(tmp_path, monkeypatch):
    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(reports.tempfile, "mkstemp", read_only)
    with pytest.raises(ReportError, match="Read-only file system"):
        write_atomically(tmp_path / "report.html", lambda temporary: None)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to a read-only folder")
def test_a_read_only_reports_folder_is_one_line_and_exit_2(tmp_path, seed_path, capsys):
    folder = tmp_path / "reports"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        assert main(["--article", str(seed_path), "--reports", str(folder), str(NOTEBOOKS[0])]) == 2
    finally:
        folder.chmod(0o755)
    assert "Permission denied" in capsys.readouterr().err


def test_a_reports_folder_that_cannot_exist_is_one_line_and_exit_2(tmp_path, seed_path, capsys):
    blocker = tmp_path / "reports"
    blocker.write_text("a file where the folder should be")
    assert main(["--article", str(seed_path), "--reports", str(blocker), str(NOTEBOOKS[0])]) == 2
    error = capsys.readouterr().err.strip().splitlines()
    assert len(error) == 1 and error[0].startswith(f"error: {blocker}") and "cannot write" in error[0]
    assert blocker.read_text() == "a file where the folder should be"


def test_a_failing_cell_names_the_notebook_the_cell_and_the_error(tmp_path, capsys):
    out = tmp_path / "reports"
    assert main(["--article", str(tmp_path / "missing.txt"), "--reports", str(out), str(NOTEBOOKS[0])]) == 2
    error = capsys.readouterr().err.strip()
    assert error.startswith(f"error: {NOTEBOOKS[0]}: cell ") and "missing.txt" in error
    assert not (out / "notebooks" / NOTEBOOKS[0].name).exists() and not list(out.rglob("*.part"))


def test_save_table_replaces_a_table_whole_or_not_at_all(tmp_path, monkeypatch):
    import pandas

    target = tmp_path / "tables" / "counts.csv"
    save_table(pandas.DataFrame({"word": ["storm", "coast"], "count": [2, 1]}), target)
    assert target.read_text() == "word,count\nstorm,2\ncoast,1\n"

    def full_disk(self, path, **kwargs):
        Path(path).write_text("word,co")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(pandas.DataFrame, "to_csv", full_disk)
    with pytest.raises(ReportError, match="No space left on device") as caught:
        save_table(pandas.DataFrame({"word": ["flood"], "count": [9]}), target)
    assert str(target) in str(caught.value)
    assert target.read_text() == "word,count\nstorm,2\ncoast,1\n"
    assert [path.name for path in target.parent.iterdir()] == ["counts.csv"]
