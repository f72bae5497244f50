"""Tests for the command line (`python -m helpers COMMAND`): every command and its error handling."""

import errno
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pandas
import pytest
from test_article import finishes_quickly
from test_html_page import PAGE as HTML_PAGE
from test_language import FRENCH
from test_unwrap import ARTICLE, variants

from helpers import cli
from helpers.article import parse_article
from helpers.boilerplate import separate
from helpers.cli import main
from helpers.timeline import COLUMNS as TIMELINE_COLUMNS


def test_read_reports_title_count_and_repairs(seed_path, capsys):
    assert main(["read", str(seed_path)]) == 0
    out = capsys.readouterr().out
    assert "title: Blinken hosts Armenia, Azerbaijan FMs in bid to boost peace" in out
    assert "paragraphs: 20" in out
    assert "published: 2022-09-19" in out
    assert "repair: line 7: split glued paragraph" in out


def test_published_option_overrides_the_sidecar(seed_path, capsys):
    assert main(["read", str(seed_path), "--published", "2022-09-20"]) == 0
    assert "published: 2022-09-20" in capsys.readouterr().out


def test_bad_input_is_one_line_on_stderr_and_exit_2(tmp_path, capsys):
    missing = tmp_path / "missing.txt"
    assert main(["read", str(missing)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip() == f"error: {missing}: no such file"


def test_module_entry_point_prints_help():
    result = subprocess.run(
        [sys.executable, "-m", "helpers", "--help"], capture_output=True, text=True, check=True
    )
    assert "read" in result.stdout and "usage: python -m helpers" in result.stdout


def test_output_cut_short_by_a_pipe_is_not_an_error(tmp_path):
    page = tmp_path / "long.txt"
    page.write_text(
        "Council diary\n" + "The council met in 1990 and again in 1991.\n" * 2000
    )  # 4,000 lines of output, more than a pipe holds
    child = subprocess.Popen(
        [sys.executable, "-m", "helpers", "timexes", str(page)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout.readline().decode().split("\t")[-1].strip() == "1990"
    child.stdout.close()  # the reader leaves, as `| head -n 1` does
    assert child.wait(timeout=60) == 0
    assert b"Traceback" not in child.stderr.read()


def test_a_page_with_no_body_is_a_note_not_a_warning(tmp_path, capsys):
    page = tmp_path / "menu.txt"
    page.write_text("Menu\nHome\nSports\nLogin\n")
    assert main(["body", str(page)]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip() == f"note: {page}: no body paragraph found; the body is empty"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["frequencies", "PATH", "--top", "-3"], "argument --top: '-3' is not a whole number of at least 1"),
        (
            ["timexes", "PATH", "--published", "2022-13-01"],
            "argument --published: '2022-13-01' is not a date (YYYY-MM-DD)",
        ),
        (["timeline", "PATH", "--published", "yesterday"], "argument --published: 'yesterday' is not a date"),
    ],
)
def test_bad_options_are_reported_by_name(seed_path, capsys, argv, message):
    with pytest.raises(SystemExit) as stopped:
        main([str(seed_path) if arg == "PATH" else arg for arg in argv])
    assert stopped.value.code == 2
    assert message in capsys.readouterr().err


# frequencies
def test_frequencies_prints_the_body_top_words(seed_path, capsys):
    assert main(["frequencies", str(seed_path), "--top", "3"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["word", "count", "per_1000", "rank"]
    assert lines[1].split()[:2] == ["said", "5"] and len(lines) == 4


def test_frequencies_csv_of_the_whole_page_counts_the_appeal(seed_path, capsys):
    assert main(["frequencies", str(seed_path), "--all", "--csv", "--top", "200"]) == 0
    table = pandas.read_csv(io.StringIO(capsys.readouterr().out))
    assert list(table.columns) == ["word", "count", "per_1000", "rank"]
    assert "support" in set(table["word"]) and "independent" in set(table["word"])


def test_frequencies_body_leaves_the_appeal_out(seed_path, capsys):
    assert main(["frequencies", str(seed_path), "--csv", "--top", "500"]) == 0
    assert "independent" not in capsys.readouterr().out


def test_frequencies_reports_a_missing_file(tmp_path, capsys):
    assert main(["frequencies", str(tmp_path / "none.txt")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_corpus_writes_tables_and_prints_a_summary(tmp_path, seed_path, capsys):
    out = tmp_path / "tables"
    assert main(["corpus", str(seed_path.parent), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("1 page in ") and "0 errors" in printed
    assert (out / "articles.parquet").is_file() and (out / "events.csv").is_file()
    assert main(["corpus-timeline", str(out)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split("\t")[:4] == ["start", "end", "value", "articles"] and len(lines) > 3


def test_corpus_refuses_to_write_into_raw_data(tmp_path, seed_path, capsys):
    assert main(["corpus", str(seed_path), "--out", str(seed_path.parent / "tables")]) == 2
    assert "refusing to write into data/raw" in capsys.readouterr().err
    assert not (seed_path.parent / "tables").exists()
    assert main(["corpus-timeline", str(tmp_path)]) == 2
    assert "not a saved corpus" in capsys.readouterr().err


def test_commands_on_one_article_load_neither_pandas_nor_nltks_package(seed_path):
    script = (
        "import runpy, sys\ntry:\n    runpy.run_module('helpers', run_name='__main__')\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('pandas', 'pyarrow', 'helpers.corpus') if m in sys.modules),"
        " 'sent_tokenize' in vars(sys.modules['nltk']))"
    )
    for command in ("read", "body", "timexes"):
        result = subprocess.run(
            [sys.executable, "-c", script, command, str(seed_path)],
            capture_output=True,
            text=True,
            check=True,
        )
        assert result.stdout.splitlines()[-1] == "[] False", command


# --- every error one line -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raised", "status", "message"),
    [
        (
            PermissionError(errno.EACCES, "Permission denied", "page.meta.json"),
            2,
            "error: page.meta.json: Permission denied; check the file's permissions",
        ),
        (
            OSError(errno.ENAMETOOLONG, "File name too long", "x" * 300),
            2,
            f"error: {'x' * 300}: File name too long; rename the file or move it to a shorter path",
        ),
        (MemoryError(), 1, "error: PATH: out of memory; try a smaller file or a machine with more memory"),
        (
            OverflowError("date value out of range"),
            1,
            "error: PATH: unexpected OverflowError: date value out of range (a bug: please report it with the file)",
        ),
        (KeyboardInterrupt(), 130, "error: interrupted"),
    ],
)
def test_every_failure_is_one_line_naming_the_file(seed_path, capsys, monkeypatch, raised, status, message):
    def fail(*args, **kwargs):
        raise raised

    monkeypatch.delenv("HELPERS_TRACEBACK", raising=False)
    monkeypatch.setattr(cli, "read_article", fail)
    assert main(["read", str(seed_path)]) == status
    captured = capsys.readouterr()
    assert captured.err == message.replace("PATH", str(seed_path)) + "\n"


def test_a_bug_shows_its_traceback_on_request(seed_path, monkeypatch):
    def fail(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setenv("HELPERS_TRACEBACK", "1")
    monkeypatch.setattr(cli, "read_article", fail)
    with pytest.raises(ValueError, match="a bug"):
        main(["read", str(seed_path)])


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_is_one_line_and_status_1(seed_path):
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "helpers", "body", str(seed_path)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
        )
    assert result.returncode == 1
    assert result.stderr == "error: cannot write the output: No space left on device; free some disk space\n"


# body: python -m helpers body PATH [--labels]


def test_cli_body_prints_only_the_body(seed_path, seed_article, capsys):
    assert main(["body", str(seed_path)]) == 0
    assert capsys.readouterr().out.splitlines() == separate(seed_article).body.split("\n")


def test_cli_body_labels_prints_the_table_as_tsv(seed_path, seed_gold_labels, capsys):
    assert main(["body", "--labels", str(seed_path)]) == 0
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert rows[0] == ["line", "text", "label", "score", "reason"]
    assert [row[2] for row in rows[1:]] == seed_gold_labels


def test_cli_body_names_a_missing_file(tmp_path, capsys):
    assert main(["body", str(tmp_path / "missing.txt")]) == 2
    assert "missing.txt" in capsys.readouterr().err


# timeline: python -m helpers timeline PATH [--csv] [--published DATE]


def test_cli_timeline_prints_the_seed_events(seed_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", str(seed_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split("\t") == [
        "start",
        "end",
        "value",
        "anchor",
        "mentions",
        "duration",
        "line",
        "event",
    ]
    assert [line.split("\t")[2] for line in lines[1:]] == [
        "1994",
        "2020",
        "2022-W37",
        "2022-09-18",
        "2022-09-19",
    ]


def test_cli_timeline_csv_and_published_override(seed_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", str(seed_path), "--csv", "--published", "2022-09-26"]) == 0
    table = pandas.read_csv(io.StringIO(capsys.readouterr().out), dtype=str, keep_default_na=False)
    assert list(table.columns) == list(TIMELINE_COLUMNS)
    assert table["value"].tolist() == ["1994", "2020", "2022-W38", "2022-09-25", "2022-09-26"]


def test_cli_timeline_bad_date_is_one_clear_error(
    seed_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["timeline", str(seed_path), "--published", "2022-13-01"])
    assert stopped.value.code == 2
    error = capsys.readouterr().err.splitlines()
    assert error[-1].endswith("error: argument --published: '2022-13-01' is not a date (YYYY-MM-DD)")


# timexes: python -m helpers timexes PATH [--json] [--published DATE]


def test_cli_prints_one_timex_per_line(seed_path, capsys):
    assert main(["timexes", str(seed_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "\t".join(("DATE", "2022-W37", "", "last week")) in {
        "\t".join(line.split("\t")[2:]) for line in lines
    }


def test_cli_json_offsets_slice_the_file_text(seed_path, seed_article, capsys):
    assert main(["timexes", str(seed_path), "--published", "2022-09-21", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and set(rows[0]) == {"start", "end", "text", "type", "value", "mod"}
    assert all(seed_article.text[r["start"] : r["end"]] == r["text"] for r in rows)
    assert {"text": "last week", "value": "2022-W37"}.items() <= next(
        r for r in rows if r["text"] == "last week"
    ).items()
    assert next(r for r in rows if r["text"] == "Monday")["value"] == "2022-09-19"


def test_cli_bad_dct_is_a_clear_error(seed_path, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["timexes", str(seed_path), "--published", "2022-02-30"])
    assert stopped.value.code == 2
    assert "argument --published: '2022-02-30' is not a date (YYYY-MM-DD)" in capsys.readouterr().err


# timexes --mode: what relative dates anchor on


@pytest.mark.parametrize(
    ("mode", "value"), [("news", "2009-06-10"), ("narrative", "1940-06-10"), ("auto", "1940-06-10")]
)
def test_cli_mode_chooses_the_anchor(tmp_path, capsys, mode, value):
    page = tmp_path / "history.txt"
    page.write_text(
        "A history of the war\n\nIn June 1940 Italy entered the war. On June 10 its army attacked.\n"
    )
    assert main(["timexes", str(page), "--published", "2009-12-19", "--mode", mode]) == 0
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert [row[3] for row in rows if row[-1] == "June 10"] == [value]


# --- moved here from the step modules' tests: each command's own behaviour on their inputs ---------
# Their fixtures stay with the step they describe: bad files (test_article), a saved HTML page
# (test_html_page), a French page (test_language), a hard-wrapped dump (test_unwrap).


def write(tmp_path: Path, data: bytes, name: str = "page.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


COMMANDS = [["read"], ["body"], ["timexes"], ["timeline"], ["frequencies"]]


def bad_inputs(tmp_path: Path) -> dict[str, Path]:
    """Files the reader must refuse, each in its own folder."""
    fifo = tmp_path / "fifo" / "page.txt"
    fifo.parent.mkdir()
    os.mkfifo(fifo)
    folder_sidecar = write(tmp_path, b"Title\nBody text here.", "dir-sidecar.txt")
    folder_sidecar.with_suffix(".meta.json").mkdir()
    bad_date = write(tmp_path, b"Title\nBody text here.", "bad-date.txt")
    bad_date.with_suffix(".meta.json").write_text('{"published": "10000-01-01"}')
    return {
        "fifo": fifo,
        "device": Path("/dev/zero"),
        "long name": tmp_path / ("x" * 300),
        "sidecar is a directory": folder_sidecar,
        "sidecar date": bad_date,
    }


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_every_command_refuses_bad_files_in_one_line(tmp_path, capsys, command):
    for problem, path in bad_inputs(tmp_path).items():
        status: list[int] = []
        run = lambda path=path, status=status: status.append(main([*command, str(path)]))  # noqa: E731
        assert finishes_quickly(run) is None, problem
        captured = capsys.readouterr()
        assert status == [2], problem
        assert captured.err.startswith("error: ") and captured.err.count("\n") == 1, (problem, captured.err)
        assert captured.out == ""


def test_years_1_and_9999_are_accepted_by_read(seed_path, capsys):
    for value in ("0001-01-01", "9999-12-31"):
        assert main(["read", str(seed_path), "--published", value]) == 0
        assert f"published: {value}" in capsys.readouterr().out


def test_cli_reads_a_saved_page_and_says_where_the_date_came_from(tmp_path, capsys):
    path = write(tmp_path, HTML_PAGE.encode(), "page.html")
    assert main(["read", str(path)]) == 0
    out = capsys.readouterr().out
    assert "published: 2021-06-14 (from html metadata)" in out
    assert f"converted from HTML: {path}" in out
    assert main(["timexes", str(path)]) == 0
    assert "note: publication date 2021-06-14 from html metadata" in capsys.readouterr().err


def test_cli_warns_for_english_only_steps(tmp_path, capsys):
    page = tmp_path / "page.txt"
    page.write_text("Titre\n" + FRENCH, encoding="utf-8")
    assert main(["frequencies", str(page)]) == 0
    assert (
        "warning: stoplist frequencies: English-only, but this page looks French (fr)"
        in capsys.readouterr().err
    )
    assert main(["read", str(page)]) == 0
    out = capsys.readouterr()
    assert "language: fr" in out.out and "warning:" in out.err


def test_read_reports_the_unwrapping(tmp_path, capsys):
    page = tmp_path / "wrapped.txt"
    page.write_text(variants.wrap_dump("\n".join(ARTICLE), 72, hyphenate=True, page_lines=20), "utf-8")
    assert main(["read", str(page)]) == 0
    out = capsys.readouterr().out
    assert f"paragraphs: {len(parse_article(page.read_text('utf-8')).paragraphs)}" in out
    assert "repair: line 1: unwrapped hard-wrapped text: lines end near" in out
    assert "dropped page furniture: Storm reaches the northern coast | Page 2 of" in out
    assert "rejoined hyphenated word" in out
