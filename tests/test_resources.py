"""Tests for helpers.resources: the package's data files and how they are read."""

from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.resources import content_lines, data_lines, data_sections

DATA = resources.files("helpers") / "data"
TEXT_RESOURCES = sorted(entry.name for entry in DATA.iterdir() if entry.name.endswith((".txt", ".tsv")))


@given(
    st.lists(st.sampled_from(["the", "  of\t1", "", "   ", "# note", "  # indented", "a # not a comment"]))
)
def test_content_lines_keep_content_in_order_and_drop_comments_and_blanks(lines):
    kept = content_lines("\n".join(lines))
    assert kept == [line for line in lines if line.strip() and not line.lstrip().startswith("#")]


@pytest.mark.parametrize("name", TEXT_RESOURCES)
def test_every_resource_opens_with_a_header_and_has_content(name):
    text = (DATA / name).read_text("utf-8")
    header = [line for line in text.splitlines()[:40] if line.startswith("#")]
    assert text.startswith("#") and len(header) >= 2, f"{name}: say what it is and where it comes from"
    assert data_lines(name) and not any(line.lstrip().startswith("#") for line in data_lines(name))


def test_the_report_template_carries_its_header_too():
    text = (DATA / "offline-report.html.j2").read_text("utf-8")
    assert text.startswith("{#-") and "Where from" in text and "Licence" in text


def test_data_sections_group_lines_under_their_heading():
    sections = data_sections("event_cues.txt")
    assert sections and all(isinstance(lines, list) for lines in sections.values())
    assert not any(line.strip().startswith("[") for lines in sections.values() for line in lines)
    flat = [line for lines in sections.values() for line in lines]
    headings = [line for line in data_lines("event_cues.txt") if line.strip().startswith("[")]
    assert len(flat) + len(headings) == len(data_lines("event_cues.txt"))


def test_a_missing_resource_is_an_error_naming_it():
    with pytest.raises(FileNotFoundError, match="no-such-list.txt"):
        data_lines("no-such-list.txt")
