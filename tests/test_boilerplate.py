"""Tests for helpers.boilerplate: the seed gold, page shapes written for the tests, rules and properties."""

import csv
import itertools
import math
import operator
import subprocess
import sys
import time
import warnings
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from helpers.article import looks_like_html, normalize, parse_article
from helpers.boilerplate import (
    LABELS,
    STATES,
    appeal_near_voice,
    decode_layout,
    explain,
    find_appeals,
    find_furniture,
    is_appeal,
    likelihoods,
    load_model,
    local_scores,
    mark_repeats,
    merge_split_boilerplate,
    prose_ahead,
    segment,
    separate,
    split_appeals,
)
from helpers.paragraph_features import Features, measure_page, word_key

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT.parent / "shared" / "benchmarks" / "boilerplate" / "pages"
GOLD = ROOT / "data" / "annotations" / "ap-2022-09-19-blinken-armenia-azerbaijan.labels.tsv"

STORY = [
    "The storm reached the coast shortly after dawn on Tuesday, "
    "and the river rose by two metres within hours, officials said.",
    "Schools and roads were closed across the county, "
    "and the police asked people in low-lying streets to stay at home.",
    "\u201cWe have never seen water this high,\u201d said a farmer who has lived beside the river for forty years.",
    "Forecasters expect the rain to ease by Thursday, but they warned that the ground will stay saturated for days.",
]


def body_of(*lines: str) -> list[str]:
    """Separate a dump given as lines and return its body paragraphs."""
    return separate(parse_article("\n".join(lines))).body.split("\n")


# The seed article: hand-made gold labels, matched exactly.


def read_gold() -> list[tuple[int, str, str]]:
    """Return (line, label, text) rows of the seed's gold labels."""
    rows = [row for row in GOLD.read_text("utf-8").splitlines() if not row.startswith("#")]
    return [
        (int(line), label, text)
        for line, label, text in csv.reader(rows[1:], delimiter="\t", quoting=csv.QUOTE_NONE)
    ]


def test_seed_matches_the_gold_labels_row_by_row(seed_article):
    separation = separate(seed_article)
    assert list(zip(separation.lines, separation.labels, separation.texts)) == read_gold()


def test_seed_body_starts_after_the_glued_appeal_and_ends_before_the_trailer(seed_article):
    separation = separate(seed_article)
    body = separation.body.split("\n")
    assert body[0].startswith("U.S. Secretary of State Antony Blinken met")
    assert body[-1].startswith("Armenia and Azerbaijan have each blamed")
    assert "Your support makes all the difference." in separation.boilerplate
    assert "visit https://" not in separation.body


def test_seed_title_and_standfirst(seed_article):
    separation = separate(seed_article)
    assert separation.title == seed_article.paragraphs[0].text
    assert separation.standfirst == seed_article.paragraphs[1].text
    assert separation.standfirst not in separation.body.split("\n")


def test_seed_table_has_the_columns_and_reasons(seed_article):
    table = separate(seed_article).paragraphs
    assert list(table.columns) == ["line", "text", "label", "score", "reason"]
    assert table["reason"].str.len().min() > 0
    assert table["score"].between(0, 1).all()
    appeal = table[table["text"] == "Your support makes all the difference."]
    assert appeal["reason"].iloc[0].startswith("an appeal")


# Pages of other shapes, written for these tests.


def test_menu_heavy_page_keeps_only_the_story():
    menu = ["Home", "World", "Politics", "Business", "Tech", "Sport", "Culture", "Opinion", "Video", "Search"]
    body = body_of(
        "Storm floods the coast | Daily News",
        *menu,
        *STORY,
        "About us",
        "Contact",
        "Careers",
        "Privacy policy",
    )
    assert body == STORY


def test_appeal_at_the_end_is_boilerplate():
    appeal = [
        "Thank you for reading. Our journalism depends on readers like you.",
        "Please support our reporting with a donation today.",
    ]
    assert body_of("Storm floods the coast", *STORY, *appeal) == STORY


def test_photo_credits_between_paragraphs_are_boilerplate():
    credit = "Flood water covers a road near the river (Photo: Getty Images)"
    assert body_of("Storm floods the coast", STORY[0], credit, *STORY[1:]) == STORY


def test_advertisement_lines_between_paragraphs_are_boilerplate():
    body = body_of(
        "Storm floods the coast", STORY[0], "Advertisement", STORY[1], STORY[2], "Advertisement", STORY[3]
    )
    assert body == STORY


def test_newsletter_box_is_boilerplate():
    box = ["Sign up for our newsletter", "Get the morning briefing in your inbox every day.", "Subscribe"]
    assert body_of("Storm floods the coast", *STORY[:2], *box, *STORY[2:]) == STORY


def test_related_story_teasers_are_boilerplate():
    teasers = [
        "Related stories",
        "Drought Hits Farmers In The South",
        "City Council Approves New Budget",
        "Read more",
    ]
    assert body_of("Storm floods the coast", *STORY, *teasers) == STORY


def test_teaser_repeating_a_body_paragraph_is_not_body():
    teaser = STORY[2].split(",")[0] + "..."
    separation = separate(
        parse_article("\n".join(["Storm floods the coast", "Menu", *STORY[:2], teaser, *STORY[2:]]))
    )
    assert teaser not in separation.body.split("\n")


def test_a_glued_appeal_sentence_is_split_from_the_body():
    glued = "Please support our journalism with a donation. " + STORY[0]
    separation = separate(parse_article("\n".join(["Storm floods the coast", glued, *STORY[1:]])))
    assert separation.body.split("\n") == STORY
    assert separation.lines[1] == separation.lines[2] == 2
    assert separation.labels[1:3] == ("boilerplate", "body")


# Degenerate input.


def test_no_body_warns_and_gives_an_empty_body():
    with pytest.warns(UserWarning, match="no body"):
        separation = separate(parse_article("Menu\nHome\nLogin\nSubscribe"))
    assert separation.body == ""
    assert set(separation.labels) <= {"title", "boilerplate"}


def test_text_without_boilerplate_keeps_every_paragraph():
    assert body_of("Storm floods the coast", *STORY) == STORY


def test_a_single_paragraph_is_the_title_and_warns():
    with pytest.warns(UserWarning):
        separation = separate(parse_article(STORY[0]))
    assert separation.labels == ("title",)
    assert separation.title == STORY[0]


# Rules, one by one.


def test_is_appeal_needs_a_request_and_no_reporting():
    assert is_appeal("Subscribe to our newsletter today.")
    assert is_appeal("Your donation keeps our reporters on the ground.")
    assert not is_appeal("The charity said donations rose by a third last year.")
    assert not is_appeal("The storm hit the coast at dawn.")


def test_split_appeals_keeps_a_paragraph_without_appeals_whole():
    assert split_appeals(STORY[0]) == [STORY[0]]
    assert split_appeals("Support us. Subscribe now.") == ["Support us. Subscribe now."]


def test_split_appeals_splits_a_trailing_appeal():
    text = STORY[1] + " Sign up for our newsletter to get the latest."
    assert split_appeals(text) == [STORY[1], "Sign up for our newsletter to get the latest."]


def test_segment_keeps_line_numbers_of_split_pieces():
    article = parse_article("Title\nPlease support us with a donation today. " + STORY[0])
    pieces = segment(article)
    assert pieces.lines == [1, 2, 2] and pieces.paragraphs == [0, 1, 1]
    assert pieces.features == measure_page(pieces.texts)
    assert pieces.keys == [word_key(text) for text in pieces.texts]


def test_find_appeals_extends_to_a_publisher_neighbour_only():
    texts = ["T", "Our reporters are on the ground.", "Your donation keeps them there.", STORY[0]]
    kinds = find_appeals(texts, measure_page(texts))
    assert kinds[1].startswith("next to an appeal") and kinds[2].startswith("an appeal") and kinds[3] == ""


def test_local_scores_rank_prose_above_a_menu_item():
    texts = ["T", STORY[0], "Home"]
    prose, menu = local_scores(measure_page(texts), load_model())[1:]
    assert prose > 0 > menu


def test_decode_layout_bridges_a_short_gap_and_closes_the_body():
    states = decode_layout([-3, 2, -3, 2, -6, -6], load_model())
    assert states == ["before", "body", "gap", "body", "after", "after"]


def path_log_probability(states: list[str], scores: list[float]) -> float:
    """The log-probability of a layout path, the way ``decode_layout`` scores it (-inf when not allowed)."""
    model = load_model()
    if states[0] not in ("before", "body") or states[-1] == "gap":
        return -math.inf
    total = sum(model.scale * score + model.offset for score, state in zip(scores, states) if state == "body")
    for pair in zip(states, states[1:]):
        if pair not in model.transitions:
            return -math.inf
        total += model.transitions[pair]
    return total


@given(st.lists(st.floats(-8, 8, allow_nan=False), min_size=1, max_size=6))
@settings(max_examples=60, deadline=None)
def test_decode_layout_finds_the_most_likely_path(scores):
    decoded = decode_layout(scores, load_model())
    best = max(
        path_log_probability(list(path), scores) for path in itertools.product(STATES, repeat=len(scores))
    )  # every path, at most 4**6
    assert path_log_probability(decoded, scores) == pytest.approx(best, abs=1e-9)


def test_word_limits_hold_at_exactly_the_limit():
    prose = " ".join(["The river rose"] * 5) + "."  # 15 words, prose_ahead's least
    assert prose_ahead(measure_page(["T", prose, prose, prose]), ["before", "body", "body", "body"])[1]
    caption = "Photo: " + " ".join(["word"] * 37) + " / Getty Images"  # 40 words, find_furniture's most
    texts = ["T", caption]
    assert (
        find_furniture(texts, [word_key(text) for text in texts], measure_page(texts))[1]
        == "a photo caption or credit"
    )


def test_mark_repeats_keeps_the_later_copy():
    labels = ["title", "body", "body"]
    mark_repeats(
        ["t", "the river rose by two metres", "the river rose by two metres within hours"], labels, [""] * 3
    )
    assert labels == ["title", "boilerplate", "body"]


def test_merge_split_boilerplate_rejoins_pieces_that_are_not_body():
    evidence, texts = [0.0, -1.0, 2.0], ["T", "Give now.", "The river rose."]
    merged = merge_split_boilerplate([0, 1, 1], ["title", "boilerplate", "boilerplate"], evidence, texts)
    assert merged == ((0, 1), (0, 1), ("T", "Give now. The river rose."))
    split = merge_split_boilerplate([0, 1, 1], ["title", "boilerplate", "body"], evidence, texts)
    assert split == ((0, 1, 2), (0, 1, 2), ("T", "Give now.", "The river rose."))


def test_merge_split_boilerplate_keeps_paragraphs_that_were_never_split_apart():
    labels, evidence, texts = (
        ["title", "boilerplate", "boilerplate"],
        [0.0, -1.0, -2.0],
        ["T", "Menu", "Share"],
    )
    firsts, speakers, merged = merge_split_boilerplate([0, 1, 2], labels, evidence, texts)
    assert (list(firsts), list(speakers), list(merged)) == ([0, 1, 2], [0, 1, 2], ["T", "Menu", "Share"])
    assert merge_split_boilerplate([0, 1, 2, 2], [*labels, "boilerplate"], [*evidence, -3.0], [*texts, "It"]) == (
        (0, 1, 2), (0, 1, 3), ("T", "Menu", "Share It")
    )  # fmt: skip


def test_feature_table_lines_up_with_the_paragraphs(seed_article):
    separation = separate(seed_article)
    table = separation.feature_table()
    assert list(table["label"]) == list(separation.labels)
    assert {"log_words", "function_share", "appeal"} <= set(table.columns)


# Properties: any list of paragraphs.

paragraph_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n\x00"), max_size=80
)


@settings(max_examples=150, deadline=None)
@given(st.lists(paragraph_text.filter(lambda text: normalize(text).strip()), min_size=1, max_size=12))
def test_separate_never_raises_and_keeps_order(paragraphs):
    # parse_article reads a text opening like "<HTML" as a web page (HtmlFileError when it is none)
    assume(not looks_like_html(normalize("\n".join(paragraphs))))
    article = parse_article("\n".join(paragraphs))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        separation = separate(article)
    assert set(separation.labels) <= set(LABELS)
    assert len(separation.paragraphs) == len(separation.labels)
    line_starts: dict[int, int] = {}
    for paragraph in article.paragraphs:
        line_starts.setdefault(paragraph.line, paragraph.start)
    body = [
        (line, text)
        for line, text, label in zip(separation.lines, separation.texts, separation.labels)
        if label == "body"
    ]
    positions = [
        article.text.find(text, line_starts[line]) for line, text in body
    ]  # from its own line: texts repeat
    assert positions == sorted(positions)
    assert list(separation.lines) == sorted(separation.lines)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from([*STORY, "Home", "Advertisement", "Subscribe to our newsletter", "By Jane Doe"]),
        min_size=1,
        max_size=15,
    )
)
def test_body_is_a_subsequence_of_the_paragraphs(paragraphs):
    article = parse_article("\n".join(["Storm floods the coast", *paragraphs]))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        separation = separate(article)
    body = [text for text, label in zip(separation.texts, separation.labels) if label == "body"]
    remaining = iter(paragraph.text for paragraph in article.paragraphs)
    assert all(any(text == candidate for candidate in remaining) for text in body)


def seconds_to_separate(text: str) -> float:
    """Return the seconds ``separate`` takes on a dump, its body read (warnings silenced)."""
    article = parse_article(text)
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        _ = separate(article).body
    return time.perf_counter() - start


@settings(max_examples=5, deadline=None)
@given(
    st.lists(
        st.sampled_from([*STORY[0].split(), "Subscribe", "you", "we", "12", "\u201cquoted\u201d"]), min_size=5
    )
)
def test_one_huge_line_takes_linear_time(words):
    line = " ".join(words * (200_000 // len(" ".join(words)) + 1))  # about 200 KB on one line
    kilobytes = 2 * len(line) / 1000
    assert (
        seconds_to_separate(f"{line}\n{line}") < 1.0 + 0.01 * kilobytes
    )  # every prefix of the title: minutes


@settings(max_examples=5, deadline=None)
@given(
    st.lists(
        st.sampled_from([*STORY, "Home", "Subscribe to our newsletter", "12 comments"]),
        min_size=1,
        max_size=4,
    )
)
def test_many_repeated_paragraphs_take_linear_time(paragraphs):
    text = "\n".join(["Storm floods the coast", *paragraphs * (5000 // len(paragraphs))])
    assert seconds_to_separate(text) < 1.0 + 0.01 * len(text) / 1000


# Issue 11: comment threads, letterless lines, cue words by their shape, lists, captions and credits.
# Every page below is written for the tests.


def labelled(*lines: str) -> dict[str, tuple[str, str]]:
    """Separate a dump given as lines and return {text: (label, reason)}."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        separation = separate(parse_article("\n".join(lines)))
    return {
        text: (label, reason)
        for text, label, reason in zip(separation.texts, separation.labels, separation.reasons)
    }


THREAD = [
    "[ 3 comments ]",
    "Top Rated Comments",
    "riverwatcher",
    "2 days ago at 07:52 am",
    "I have lived by this river for years and I have never seen the water come up so fast, "
    "it was frightening to watch.",
    "Rating: 12 Votes",
    "Reply",
    "dryland_dave",
    "2 days ago at 08:15 am",
    "The county should have built the new flood wall years ago, "
    "everybody in town knew this was going to happen one day.",
    "Rating: 4 Votes",
]


def test_a_comment_thread_after_the_body_never_extends_it():
    result = labelled("Storm floods the coast", "Menu", *STORY, *THREAD)
    assert [text for text, (label, _) in result.items() if label == "body"] == STORY
    assert "comment thread" in result[THREAD[4]][1] and "comment thread" in result[THREAD[9]][1]


def test_a_comment_count_above_the_story_does_not_end_it():
    assert body_of("Storm floods the coast", "12 comments", "By Jane Doe", *STORY) == STORY


def test_comment_furniture_is_a_feature():
    rows = measure_page(
        ["T", "[ 3 comments ]", "Rating: 12 Votes", "Reply", "2 days ago at 07:52 am", STORY[0]]
    )
    assert [row.comment for row in rows[1:]] == [True, True, True, True, False]


LETTERLESS = ["1 2 3 4 5 6 7", "8 9 10 11 12 13 14", "$86.79 / +12.89%", "7.05%", "6.91% 6.88% 6.75%"]


def test_letterless_lines_never_make_a_body():
    result = labelled("Rates today", "Home", *LETTERLESS, "Markets", "Contact us")
    assert all(result[text][0] == "boilerplate" for text in LETTERLESS)
    assert "numbers or symbols" in result["$86.79 / +12.89%"][1]


def test_letterless_lines_after_the_body_stay_out():
    assert body_of("Storm floods the coast", *STORY, *LETTERLESS) == STORY


def test_a_short_table_between_body_paragraphs_stays_body():
    table = "2019: 4.1 metres"
    assert body_of("Storm floods the coast", *STORY[:2], table, *STORY[2:]) == [*STORY[:2], table, *STORY[2:]]


# A results table as a dump shows it: every cell on a line of its own (written for these tests).
TABLE = [
    "Town",
    "Rain (mm)",
    "River (m)",
    *[
        cell
        for town, rain, river in [
            ("Alderford", "112", "4.1"),
            ("Brookmere", "98", "3.7"),
            ("Cressing", "131", "4.6"),
            ("Dunwell", "87", "2.9"),
            ("Eastholm", "104", "3.8"),
            ("Fernby", "120", "4.4"),
            ("Greyling", "93", "3.1"),
            ("Hollins Cross", "101", "3.5"),
        ]
        for cell in (town, rain, river)
    ],
]


def test_a_long_table_inside_the_story_is_one_block_of_the_body():
    intro = "Officials said the rain and the river rose most in these towns, and they warned of more to come:"
    result = labelled("Storm floods the coast", "Home", *STORY[:2], intro, *TABLE, *STORY[2:], "Contact us")
    assert [text for text, (label, _) in result.items() if label == "body"] == [
        *STORY[:2],
        intro,
        *TABLE,
        *STORY[2:],
    ]
    assert result["Alderford"][1].startswith("a table inside the body region (one block in the layout)")


def test_a_table_after_the_story_stays_out_of_the_body():
    assert body_of("Storm floods the coast", *STORY, *TABLE, "Contact us") == STORY
    assert body_of("Storm floods the coast", "Home", *TABLE, *STORY) == STORY


MORE = [
    "Rescue teams worked through the night to reach the farms cut off by the water on the lower road.",
    "The county council said it would meet on Friday to decide how to pay for the repairs to the roads.",
    "Residents were told to boil their tap water until the water company had tested every reservoir.",
]

# Teasers of other stories as a dump shows them: a headline, then its summary (written for these tests).
TEASERS = [
    "Bridge reopens after the floods",
    "Engineers checked every pillar of the old bridge before the county let cars cross it again this morning.",
    "Farmers count the cost of the wet summer",
    "A survey of farms along the valley found that most of them lost at least a third of their harvest this year.",
    "School term starts a week late",
    "Pupils in the flooded villages will return to their classrooms next Monday, the education office said.",
]


def test_a_list_of_other_stories_after_the_story_is_not_body():
    result = labelled("Storm floods the coast", "Home", *STORY, "Related Stories", *TEASERS, "Contact us")
    assert [text for text, (label, _) in result.items() if label == "body"] == STORY
    assert result[TEASERS[1]][1].startswith("in the list of other stories after the body")


def test_a_related_box_inside_the_story_leaves_the_story_whole():
    lines = ["Storm floods the coast", *STORY, "Related articles", *TEASERS[::2], *MORE, "Contact us"]
    assert body_of(*lines) == [*STORY, *MORE]


def test_an_interview_answer_and_a_told_share_are_not_appeals():
    answer = (
        "A: We are opening our membership to every club in the county, and we will support them with funds."
    )
    told = "She went on to share the address storm-help.example.org with the families of the village."
    assert not is_appeal(answer) and not is_appeal(told)
    assert is_appeal("Share storm-help.example.org with your neighbours.")
    lines = [*STORY[:2], "Q: What will the club do now?", answer, told, *STORY[2:]]
    assert body_of("Storm floods the coast", "Menu", *lines) == lines


def test_us_the_country_is_not_the_publisher_speaking():
    row = measure_page(
        ["T", "The firm will be bought by US investors, and IT staff will move to the new owner."]
    )[1]
    assert row.publisher == 0
    assert measure_page(["T", "Tell us what you think."])[1].publisher == 1


def test_phrases_match_whole_words_only():
    assert measure_page(["T", "The design update ships in May."])[1].appeal == 0
    assert measure_page(["T", "Sign up now."])[1].appeal == 1


def test_a_story_about_subscriptions_is_a_story():
    story = (
        "Subscribers to the cable network will be able to watch its new drama series at no extra cost from next"
        " month, and subscriptions rose by a fifth in the quarter."
    )
    assert not is_appeal(story)
    assert body_of("Network adds drama", *STORY[:2], story, *STORY[2:]) == [*STORY[:2], story, *STORY[2:]]


def test_an_appeal_needs_an_appeals_shape():
    assert is_appeal("Please support our newsroom with a donation today.")
    assert is_appeal("Your donation keeps this newsroom open.")
    assert not is_appeal("Our brains hum with electricity that no battery could support for long.")
    assert not is_appeal("You will hear a soft click when the lid shuts.")


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["you", "your", "US", "We", "OUR", "donate", "sign", "up", "the", "rain", "Sign"]),
        max_size=14,
    ),
    st.integers(0, 4),
)
def test_appeal_near_voice_is_any_appeal_within_the_window_of_a_voice(words, window):
    text = " ".join(words)
    appeals = [
        i
        for i, word in enumerate(words)
        if word.lower() == "donate" or " ".join(words[i : i + 2]).lower() == "sign up"
    ]
    capitals = not text.isupper()
    voices = [
        i for i, word in enumerate(words)
        if word.lower() in ("you", "your", "us", "we", "our") and not (capitals and len(word) > 1 and word.isupper())
    ]  # fmt: skip
    expected = any(abs(appeal - voice) <= window for appeal in appeals for voice in voices)
    assert appeal_near_voice(text, window) is expected


def test_sub_headings_and_list_items_inside_the_body_stay_body():
    items = ["The best new novels", "Anna Berg, The Quiet River", "Tomas Lind, Salt and Stone"]
    lines = [*STORY[:2], *items, *STORY[2:]]
    assert body_of("Books of the year", "Menu", *lines) == lines


def test_a_long_list_inside_the_body_stays_body():
    items = [
        "Dry blankets and warm coats",
        "Boots in every size",
        "Bottled water",
        "Torches and batteries",
        "Baby food and nappies",
        "Tinned soup and bread",
        "Dry socks",
        "Pet food",
        "Soap and towels",
        "Phone chargers",
    ]
    lines = [*STORY, "What the shelters asked for", *items[:10], *MORE]
    assert body_of("Storm floods the coast", "Menu", *lines) == lines


def test_a_repeated_list_item_inside_the_body_stays_body():
    item = "Breakfast: one cup of oats, one cup of milk and a handful of berries"
    lines = [STORY[0], item, STORY[1], STORY[2], item, STORY[3]]
    assert body_of("A week of meals", *lines) == lines


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Photo: Jane Doe / Getty Images", "a photo caption or credit"),
        (
            "Firefighters carry sandbags along the river bank on Tuesday (AP Photo/John Roe)",
            "a photo caption or credit",
        ),
        ('Embed <iframe src="https://example.org/player/123"></iframe>', "an embed code"),
        ("E-mail to a friend", "a share or e-mail link"),
        ("This transcript has been edited for length and clarity.", "a transcript note"),
        ("EMBED CODE: copy this player to your site", "an embed code"),
        ("<script src=https://example.org/widget.js>", "an embed code"),
        ("TRANSCRIPT PROVIDED BY THE NETWORK; IT MAY NOT BE IN ITS FINAL FORM", "a transcript note"),
    ],
)
def test_captions_credits_embeds_share_links_and_transcript_notes_are_boilerplate(line, kind):
    result = labelled("Storm floods the coast", *STORY[:2], line, *STORY[2:])
    assert result[line] == ("boilerplate", kind)
    assert [text for text, (label, _) in result.items() if label == "body"] == STORY


@settings(max_examples=50, deadline=None)
@given(
    st.lists(st.sampled_from([*STORY, "Home", "12 comments", "$86.79 / +12.89%", "Sign up", ""]), max_size=12)
)
def test_local_scores_agree_with_a_matrix_product(paragraphs):
    import numpy as np

    rows = measure_page(["Storm floods the coast", *paragraphs])
    model = load_model()
    expected = np.array(rows, dtype=float) @ np.array(model.weights) + model.bias
    assert local_scores(rows, model) == pytest.approx(expected.tolist(), rel=1e-12, abs=1e-12)


@given(
    st.lists(
        st.sampled_from([0.0, -0.0, 0, 1, True, False, 0.5, 2.75, -1.25, 1e-300]), min_size=22, max_size=22
    ),
    st.lists(st.floats(-50, 50, allow_nan=False), min_size=22, max_size=22),
)
def test_local_scores_skip_zero_features_without_changing_a_bit(values, weights):
    model = replace(load_model(), weights=tuple(weights))
    full = sum(map(operator.mul, model.weights, values)) + model.bias  # every term, zeros too, in order
    assert local_scores([values], model) == [full]
    assert math.copysign(1.0, local_scores([values], model)[0]) == math.copysign(1.0, full)


@given(st.lists(st.floats(allow_nan=False), max_size=20))
def test_likelihoods_are_clipped_probabilities_rounded_as_numpy_rounds(scores):
    import math

    import numpy as np

    probabilities = [1.0 / (1.0 + math.exp(-min(max(score, -30.0), 30.0))) for score in scores]
    found = likelihoods(scores)
    assert found == np.round(np.array(probabilities, dtype=float), 3).tolist()
    assert all(0.0 <= value <= 1.0 for value in found)


def test_explain_names_the_strongest_push_first_and_nothing_at_the_centres():
    model = load_model()
    centres = list(model.centres)
    assert explain([Features(*centres)], [1.0], model) == ["no strong cue"]
    appeal, words = Features._fields.index("appeal"), Features._fields.index("log_words")
    row = centres.copy()
    row[appeal], row[words] = 5.0, 0.0  # asks a lot, and is short: both push towards boilerplate
    reasons = explain([Features(*row)], [-5.0], model)[0].split(", ")
    assert reasons[0] == model.high[appeal] and model.low[words] in reasons
    assert explain([Features(*row)], [5.0], model) == ["no strong cue"]  # neither pushes towards body


def test_an_interview_answer_is_one_piece_not_a_glued_appeal():
    answer = (
        "A: We are opening our membership to every club in the county, and we will support them with funds. "
        "Also, the clubs will share the new pitches with the schools in the valley from next spring onwards."
    )
    assert segment(parse_article(f"Clubs get new pitches\n{answer}")).texts == [
        "Clubs get new pitches",
        answer,
    ]


@pytest.mark.skipif(
    not PAGES.is_dir(),
    reason=f"the benchmark pages are not here ({PAGES}); they are shared data, not part of the project",
)
def test_the_shipped_weights_are_what_a_fresh_fit_writes():
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "fit_boilerplate.py"), "--check", str(PAGES)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "identical to a fresh fit" in result.stdout
