"""Tests for helpers.corpus: engines agree, bad files become rows, saves are atomic, re-runs incremental."""

import json
import os
import shutil
import subprocess
import sys

import pandas
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import corpus as corpus_module
from helpers.corpus import (
    TABLES,
    BodyLines,
    Corpus,
    CorpusError,
    dask_client,
    find_pages,
    run_corpus,
    show_progress,
)

STORIES = [
    ("Port strike ends", "2023-05-02", [
        "Dock workers ended their strike on Monday, the union said, after talks with the port operators.",
        "The strike began in March 2023 and closed the port for six weeks, leaving ships waiting at sea.",
        "Union leaders told members that the new contract raises wages and limits night shifts.",
    ]),
    ("Dockers back at work", "2023-05-03", [
        "Dock workers returned to the quays on Tuesday after they ended the strike on Monday, officials said.",
        "Ships queued outside the harbour for days while cranes stood still and the warehouses emptied.",
        "Shipping companies said it would take weeks to clear the backlog of containers on the docks.",
    ]),
    ("Harbour reopens", "2023-05-09", [
        "The harbour reopened to container ships last week, the port authority said in a statement.",
        "Dock workers ended their strike on 1 May 2023, after the operators agreed to raise their wages.",
        "Traders said the port would need the rest of the month to return to its usual traffic.",
    ]),
    ("Council votes on budget", "2023-06-14", [
        "The city council approved the budget on Tuesday, with most councillors voting for the plan.",
        "The vote came a day after the mayor resigned over a dispute about the cost of the new tram line.",
        "Councillors said the budget keeps the libraries open and pays for more buses next year.",
    ]),
]  # fmt: skip


FERRY = [
    "Ferries sailed again on Wednesday after the harbour reopened, the ferry company said on its website.",
    "Passengers who had waited for a week were given places on the first crossings of the morning.",
]


def write_story(folder, name, title, published, body):
    """Write a page dump with a menu, the body paragraphs and a footer, and its sidecar."""
    page = folder / f"{name}.txt"
    lines = [title, "Home", "News", "Sport", *body, "Share this article", "Cookie settings"]
    page.write_text("\n".join(lines) + "\n")
    page.with_suffix(".meta.json").write_text(json.dumps({"published": published}))
    return page


@pytest.fixture()
def pages(tmp_path, seed_path):
    """A folder of five good page dumps (the case study among them) and one binary file."""
    folder = tmp_path / "pages"
    folder.mkdir()
    shutil.copy(seed_path, folder)
    shutil.copy(seed_path.with_suffix(".meta.json"), folder)
    for number, story in enumerate(STORIES):
        write_story(folder, f"story-{number}", *story)
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02 not text")
    return folder


def sorted_table(table):
    """The table in a fixed row order, so runs can be compared whatever order they wrote."""
    return table.sort_values(list(table.columns), ignore_index=True)


def assert_same_tables(left, right):
    for name in TABLES:
        pandas.testing.assert_frame_equal(left.table(name), right.table(name), obj=name)


def test_every_table_joins_on_the_article_id(pages):
    corpus = run_corpus(pages, progress=False)
    ids = set(corpus.articles.article_id)
    assert len(ids) == 5 and set(corpus.errors.article_id).isdisjoint(ids)
    for name in ("paragraphs", "timexes", "events", "counts"):
        assert set(corpus.table(name).article_id) <= ids, name
    seed = corpus.articles[corpus.articles.path.str.contains("blinken")].iloc[0]
    assert str(seed.published) == "2022-09-19" and seed.published_source == "sidecar"
    assert seed.body_words > 300 and seed.page_words > seed.body_words


def test_rows_trace_back_to_lines_of_the_raw_file(pages):
    corpus = run_corpus(pages, progress=False)
    paths = corpus.articles.set_index("article_id").path
    for table in (corpus.timexes, corpus.events):
        for row in table.itertuples():
            lines = open(paths[row.article_id], encoding="utf-8").read().split("\n")
            text = row.text if hasattr(row, "type") else row.expression
            assert text in lines[row.line - 1], (row.line, text)
    timex = corpus.timexes.iloc[0]
    line = open(paths[timex.article_id], encoding="utf-8").read().split("\n")[timex.line - 1]
    assert line[timex.start : timex.end] == timex.text


def test_a_corrupt_file_is_one_error_row_and_the_rest_is_read(pages):
    corpus = run_corpus(pages, progress=False)
    assert corpus.errors[["error"]].to_dict("records") == [{"error": "BinaryFileError"}]
    assert corpus.errors.path.iloc[0].endswith("broken.txt")
    assert "NUL bytes" in corpus.errors.message.iloc[0]
    assert len(corpus.articles) == 5 and corpus.summary.errors == 1 and corpus.summary.pages == 6


def test_processes_give_the_same_tables_as_serial(pages, monkeypatch):
    monkeypatch.setattr(corpus_module, "BATCH", 2)  # several batches in flight, out of order
    serial = run_corpus(pages, progress=False)
    parallel = run_corpus(pages, engine="processes", workers=2, progress=False)
    assert_same_tables(serial, parallel)


def test_warming_up_the_parent_loads_every_step_but_not_py3langid_nor_nltk():
    code = (
        "import sys; from helpers.corpus import warm_up; warm_up(); "
        "print(sorted(m for m in ('pandas', 'helpers.timex.grammar', 'helpers.attachment', 'py3langid', 'nltk') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["['helpers.attachment',", "'helpers.timex.grammar',", "'pandas']"]


def test_dask_gives_the_same_tables_as_serial(pages, monkeypatch):
    distributed = pytest.importorskip("distributed", reason="the [dask] extra is not installed")
    monkeypatch.setattr(corpus_module, "BATCH", 2)
    serial = run_corpus(pages, progress=False)
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        on_dask = run_corpus(pages, engine="dask", scheduler=client, progress=False)
        on_address = run_corpus(pages, engine="dask", scheduler=cluster.scheduler_address, progress=False)
    assert_same_tables(serial, on_dask)
    assert_same_tables(serial, on_address)


def test_without_dask_the_error_names_the_extra(monkeypatch):
    monkeypatch.setitem(__import__("sys").modules, "distributed", None)
    with pytest.raises(
        CorpusError, match=r"needs the dask extra: pip install 'news-article-helpers\[dask\]'"
    ):
        with dask_client():
            pass


def test_saved_tables_load_back_the_same(pages, tmp_path):
    corpus = run_corpus(pages, progress=False)
    folder = corpus.save(tmp_path / "tables")
    assert sorted(path.name for path in folder.iterdir()) == sorted(
        ["corpus.json"] + [f"{name}.{kind}" for name in TABLES for kind in ("parquet", "csv")]
    )
    assert_same_tables(corpus, Corpus.load(folder))
    assert pandas.read_csv(folder / "counts.csv").shape == corpus.counts.shape


def test_streaming_to_a_folder_gives_the_tables_of_a_run_in_memory(pages, tmp_path, monkeypatch):
    monkeypatch.setattr(corpus_module, "CHUNK", 2)  # several row groups per table
    streamed = run_corpus(pages, out=tmp_path / "tables", progress=False)
    assert streamed.folder == tmp_path / "tables"
    assert_same_tables(run_corpus(pages, progress=False), Corpus.load(tmp_path / "tables"))


def test_a_rerun_studies_only_new_and_changed_files(pages, tmp_path):
    out = tmp_path / "tables"
    first = run_corpus(pages, out=out, progress=False)
    assert (first.summary.pages, first.summary.kept) == (6, 0)
    ids = dict(zip(first.articles.path, first.articles.article_id))
    write_story(pages, "story-new", "Ferry service resumes", "2023-05-10", FERRY)
    changed = pages / "story-3.txt"
    changed.write_text(changed.read_text().replace("budget", "spending plan"))
    again = run_corpus(pages, out=out, progress=False)
    assert (again.summary.pages, again.summary.kept) == (2, 5)
    assert (
        dict(zip(again.articles.path, again.articles.article_id)).items()
        >= {path: key for path, key in ids.items() if "story-3" not in path}.items()
    )
    assert again.articles.set_index("path").article_id[str(changed)] == ids[str(changed)]
    fresh = run_corpus(pages, progress=False)
    for name in TABLES:  # same rows as a fresh run; ids agree because paths sort the same way here
        ignore = ["article_id"] if name != "articles" else ["article_id"]
        left, right = (
            Corpus.load(out).table(name).drop(columns=ignore),
            fresh.table(name).drop(columns=ignore),
        )
        pandas.testing.assert_frame_equal(sorted_table(left), sorted_table(right), obj=name)
    unchanged = run_corpus(pages, out=out, progress=False)
    assert (unchanged.summary.pages, unchanged.summary.kept) == (0, 7)


def test_an_interrupted_run_leaves_the_previous_tables_whole(pages, tmp_path, monkeypatch):
    out = tmp_path / "tables"
    run_corpus(pages, out=out, progress=False)
    before = {path.name: path.read_bytes() for path in out.iterdir()}
    write_story(pages, "story-new", "Ferry service resumes", "2023-05-10", FERRY)
    (pages / "story-0.txt").write_text("Changed\nA changed page about the strike on Monday.\n")
    monkeypatch.setattr(corpus_module, "BATCH", 1)
    monkeypatch.setattr(corpus_module, "CHUNK", 1)  # rows reach the partial files before the interrupt
    calls = []

    def interrupted(tasks):
        calls.append(tasks)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return [corpus_module.study_file(task) for task in tasks]

    monkeypatch.setattr(corpus_module, "study_batch", interrupted)
    with pytest.raises(KeyboardInterrupt):
        run_corpus(pages, out=out, progress=False)
    assert {path.name: path.read_bytes() for path in out.iterdir()} == before  # no partial folder either


def test_tables_are_never_written_into_raw_data_or_the_input_folder(pages, tmp_path):
    with pytest.raises(CorpusError, match="refusing to write into data/raw"):
        run_corpus(pages, out=tmp_path / "data" / "raw" / "tables", progress=False)
    with pytest.raises(CorpusError, match="holds input pages"):
        run_corpus(pages, out=pages, progress=False)
    (tmp_path / "file").write_text("x")
    with pytest.raises(CorpusError, match="is not a folder"):
        Corpus().save(tmp_path / "file")


def test_pages_come_from_folders_globs_and_lists(pages):
    everything = find_pages(pages)
    assert len(everything) == 6 and everything == sorted(everything)
    assert find_pages(str(pages / "story-*.txt")) == [pages / f"story-{n}.txt" for n in range(4)]
    assert find_pages([pages / "story-1.txt"], exclude=["*-0.txt"]) == [pages / "story-1.txt"]
    with pytest.raises(CorpusError, match="no page files found"):
        find_pages(str(pages / "*.pdf"))
    with pytest.raises(CorpusError, match="no such file, folder or pattern"):
        find_pages(pages / "missing")


def test_a_folder_walk_finds_what_a_recursive_glob_finds(tmp_path):
    from pathlib import Path

    root = tmp_path / "pages"
    for name in ("a.txt", "B.HTM", "sub/c.html", "sub/deeper/d.txt", ".hidden/e.txt", "sub/.f.txt", "g.pdf"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x")
    (root / "folder.txt").mkdir()  # a folder with a page's name is no page
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "h.txt").write_text("x")
    (root / "linked").symlink_to(outside, target_is_directory=True)  # a linked folder is not entered
    (root / "link.txt").symlink_to(root / "a.txt")  # a link to a file is a page
    (root / "broken.txt").symlink_to(tmp_path / "gone.txt")  # a broken link is not
    globbed = [
        path for path in root.rglob("*")
        if path.name.lower().endswith(corpus_module.PAGE_SUFFIXES) and path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(root).parts)
    ]  # fmt: skip
    assert find_pages(root) == sorted(globbed)
    assert [path.relative_to(root).as_posix() for path in find_pages(root)] == [
        "B.HTM", "a.txt", "link.txt", "sub/c.html", "sub/deeper/d.txt"
    ]  # fmt: skip
    assert find_pages(str(root) + "/") == find_pages(Path(str(root) + "/."))  # the same paths however written


def test_bad_options_are_clear_errors(pages, tmp_path):
    with pytest.raises(CorpusError, match="unknown engine 'spark'"):
        run_corpus(pages, engine="spark")
    with pytest.raises(CorpusError, match="workers must be at least 1"):
        run_corpus(pages, engine="processes", workers=0)
    with pytest.raises(CorpusError, match="not a saved corpus"):
        Corpus.load(tmp_path)


def test_one_date_for_every_page_overrides_the_sidecars(pages):
    corpus = run_corpus(pages, published="2024-01-31", progress=False)
    assert set(corpus.articles.published.astype(str)) == {"2024-01-31"}
    assert set(corpus.articles.published_source) == {"argument"}


def test_progress_bar_is_silent_in_ci_and_under_the_switch(monkeypatch):
    monkeypatch.setenv("CI", "true")
    assert show_progress() is False
    monkeypatch.setenv("HELPERS_PROGRESS", "1")
    assert show_progress() is True
    monkeypatch.setenv("HELPERS_PROGRESS", "0")
    assert show_progress() is False and show_progress(True) is True


@given(st.lists(st.tuples(st.text(alphabet="ab .", max_size=12), st.booleans()), min_size=1, max_size=8))
def test_body_offsets_map_to_their_line(paragraphs):
    texts = [text for text, _ in paragraphs]
    labels = ["body" if body else "boilerplate" for _, body in paragraphs]
    lines = list(range(1, len(texts) + 1))
    body = "\n".join(text for text, label in zip(texts, labels) if label == "body")
    bodies = [(line, text) for line, text, label in zip(lines, texts, labels) if label == "body"]
    located = BodyLines([text for _, text in bodies], [(line, 3) for line, _ in bodies])
    offset = 0
    for line, text in bodies:
        for position in range(len(text)):
            assert located.locate(offset + position) == (line, 3 + position)
            assert body[offset + position] == text[position]
        offset += len(text) + 1


def test_every_story_of_the_fixture_has_a_body(pages):
    articles = run_corpus(pages, progress=False).articles
    assert (articles.body_paragraphs >= 2).all() and not articles.notes.str.contains("no body").any()


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_any_file_gives_an_article_or_one_error_row(tmp_path, content):
    page = tmp_path / "page.txt"
    page.write_bytes(content)
    rows = corpus_module.study_file(corpus_module.Task(7, str(page), "h"))
    if "errors" in rows:
        assert list(rows) == ["errors"] and len(rows["errors"]) == 1 and rows["errors"][0][0] == 7
    else:
        assert len(rows["articles"]) == 1 and all(row[0] == 7 for table in rows.values() for row in table)
        for name, table in rows.items():
            corpus_module._arrow_table(name, table)  # every row fits its table's types


def test_a_hard_wrapped_page_is_read_not_an_error(tmp_path):
    # The reader joins a wrapped page's lines into paragraphs numbered by the file's lines, so
    # the rebuilt text has fewer lines than those numbers: that once raised IndexError here.
    import textwrap

    paragraph = " ".join(STORIES[0][2]) + " The port reopened on 3 May 2023, officials said."
    page = tmp_path / "wrapped.txt"
    page.write_text("Port strike ends\n" + "\n\n".join(textwrap.fill(paragraph, 60) for _ in range(4)) + "\n")
    corpus = run_corpus(page, progress=False)
    assert corpus.errors.empty, corpus.errors.to_dict("records")
    assert corpus.articles.body_paragraphs.iloc[0] >= 1 and "2023-05-03" in corpus.events.value.tolist()


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["a", "b", "link-to-b", ".", "a/../link-to-b"]),
            st.sampled_from(["p.txt", "q.txt", "l.txt", "..", "r.txt", "c.txt", "loop.txt", "up.txt"]),
        ),
        max_size=8,
    )
)
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
def test_real_folders_are_those_of_the_resolved_pages(tmp_path, pairs):
    from pathlib import Path

    from helpers.corpus import real_folders

    for name in ("a", "b"):
        (tmp_path / name).mkdir(exist_ok=True)
        (tmp_path / name / "p.txt").write_text("x")
    if not (tmp_path / "link-to-b").exists():
        (tmp_path / "link-to-b").symlink_to(tmp_path / "b")
        (tmp_path / "a" / "l.txt").symlink_to(tmp_path / "b" / "p.txt")
        (tmp_path / "a" / "r.txt").symlink_to("../link-to-b/p.txt")  # relative, through a linked folder
        (tmp_path / "b" / "c.txt").symlink_to("../a/l.txt")  # a link to a link
        (tmp_path / "a" / "loop.txt").symlink_to("../b/loop.txt")  # a loop: left to realpath
        (tmp_path / "b" / "loop.txt").symlink_to("../a/loop.txt")
        (tmp_path / "b" / "up.txt").symlink_to("..")  # a link to a folder
    pages = [Path(tmp_path, folder, name) for folder, name in pairs]
    assert real_folders(pages) == {Path(os.path.realpath(page)).parent for page in pages}
