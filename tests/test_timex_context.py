"""Tests for helpers.timex.context: the tense cues around an expression."""

import pytest

from helpers.timex.context import tense_cues


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said it will be completed.", [-1, 1]),
        ("It was delayed.", [-1]),
        ("The planned merger failed.", [-1]),
        ("An unspecified date was set.", [-1]),
        ("They met and then left.", [-1, -1]),
        ("Talks are expected to resume.", [1]),
        ("The United States.", []),
    ],
)
def test_tense_cues_skip_passives_adjectives_and_names(text, expected):
    assert [way for _, _, way in tense_cues(text, 0, len(text))] == expected
