"""Tests for helpers.study: the earlier steps in one cached call."""

import os

import pytest

from helpers.article import MissingFileError, read_article
from helpers.boilerplate import separate
from helpers.language import NotEnglishWarning
from helpers.study import report_folders, study
from helpers.tokens import tokenize


def test_study_gives_what_reading_and_separating_give(seed_path):
    result = study(seed_path)
    article = read_article(seed_path)
    separation = separate(article)
    assert result.article.text == article.text
    assert result.published == article.published
    assert result.separation.labels == separation.labels
    assert result.body == separation.body
    assert "\n".join(result.body_texts) == separation.body
    assert result.tokens == tokenize(separation.body)
    assert result.boilerplate_tokens == tokenize(separation.boilerplate)
    assert result.name == seed_path.name


def test_study_reads_a_file_once_per_version(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(
        "Port closes\nThe port closed on Monday after the storm, officials said in a statement.\n"
    )
    first = study(page)
    assert study(str(page)) is first  # the same file by another spelling: the cached result
    page.write_text(
        "Port reopens\nThe port reopened on Tuesday after the storm, officials said in a statement.\n"
    )
    later = page.stat().st_mtime_ns + 10**9  # a new version even where the clock is coarse
    os.utime(page, ns=(later, later))
    second = study(page)
    assert second is not first and second.article.title == "Port reopens"


def test_study_keys_the_cache_on_the_publication_date(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(
        "Port closes\nThe port closed on Monday after the storm, officials said in a statement.\n"
    )
    assert study(page, "2023-05-01").published.isoformat() == "2023-05-01"
    assert study(page, "2024-01-02").published.isoformat() == "2024-01-02"
    assert study(page).published is None


def test_summary_names_each_label_and_the_body_size(seed_path):
    result = study(seed_path)
    lines = result.summary().splitlines()
    assert lines[0].endswith(repr(result.article.title))
    for label in set(result.separation.labels):
        assert f"{result.separation.labels.count(label)} {label}" in lines[2]
    assert f"{len(result.body_texts)} paragraphs" in lines[3]


def test_a_missing_file_raises_the_readers_error(tmp_path):
    with pytest.raises(MissingFileError, match="missing.txt"):
        study(tmp_path / "missing.txt")


def test_report_folders_are_created_inside_reports(tmp_path):
    figures, tables = report_folders(tmp_path / "reports")
    assert figures == tmp_path / "reports" / "figures" and figures.is_dir()
    assert tables == tmp_path / "reports" / "tables" and tables.is_dir()
    assert report_folders(tmp_path / "reports") == (figures, tables)  # a second call is harmless


def test_a_page_not_in_english_warns_that_the_later_steps_are_english_only(tmp_path):
    page = tmp_path / "fr.txt"
    page.write_text(
        "La pluie tombe sur la ville\n"
        "La pluie est tombée toute la journée sur la ville, et la rivière est sortie de son lit.\n"
        "Les écoles sont restées fermées, et la police a demandé aux habitants de rester chez eux.\n"
        "Les services météo annoncent que le temps restera humide jusqu'à la fin de la semaine.\n",
        "utf-8",
    )
    with pytest.warns(NotEnglishWarning, match="English-only"):
        study(page, "2023-05-01")
