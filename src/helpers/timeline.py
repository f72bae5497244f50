"""Build the timeline of the events a news text dates: one row per event, sorted by time.

Every time expression (``helpers.timex``, anchored on the publication date) is read in
its sentence and given one role:

- ``event``: a DATE or TIME with calendar bounds dates an event, labelled by
  ``helpers.events`` (the clause's subject, verb and object, or the noun it modifies);
- ``mention``: the same value again, for an event already told, merges into it: a
  noun the expression modifies ("Friday's vote") or a clause sharing a content word;
- ``duration``: a DURATION in the clause of a dated event is that event's length;
- ``relation``: "<duration> after/before <clause or noun>" dates one event from another
  one the text dates elsewhere ("The vote was taken a day after X resigned" with the
  vote dated Friday dates the resignation Thursday); "<duration> later/earlier" dates from
  the event told just before;
- ``context``: kept out of the timeline, with the reason (vague references such as
  PAST_REF or PXDE, repeated times, relative expressions without a publication date,
  durations outside a dated clause, relations to events the text does not date).

``explain_timeline`` lists every expression with its role; ``build_timeline`` keeps the events.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING

from helpers.events import Clause, Span, content_stems, dated_event, load_cues, read_clause, split_clauses
from helpers.text import Sentence, split_sentences
from helpers.timex.calendar import granularity_of, shift_value, value_bounds

if TYPE_CHECKING:
    import pandas

    from helpers.timex import Timex

COLUMNS = (
    "start",
    "end",
    "value",
    "granularity",
    "expression",
    "event",
    "event_words",
    "sentence",
    "anchor",
    "mentions",
    "duration",
    "mod",
    "line",
    "char_start",
    "char_end",
)
EXPLAIN_COLUMNS = (
    "offset",
    "expression",
    "type",
    "value",
    "mod",
    "role",
    "dated",
    "anchor",
    "event",
    "event_words",
    "note",
    "sentence",
    "line",
    "char_start",
    "char_end",
)
EXPLICIT = "explicit"
PUBLICATION = "publication date"
RELATIVE = "relative to another event"

_FALLBACK_WORDS = 8
_NEXT_WORD = re.compile(r"\W*?(\w+)")
_NEWLINE = re.compile("\n")
# The roles that make a sentence's clauses worth numbering: a duration looks for an event of
# its own clause, which a sentence without an event (nor, later, a mention) cannot hold.
_IN_A_CLAUSE = frozenset({"event", "relation"})


@dataclass
class _Event:
    """An event being assembled from its mentions."""

    start: date
    end: date
    value: str
    granularity: str
    expression: str
    clause: Clause
    sentence: str
    anchor: str
    position: int
    keys: set[str]
    span: Span
    mentions: int = 1
    durations: list[str] = field(default_factory=list)
    mod: str = ""


@dataclass
class _TimexInSentence:
    """One time expression read in its sentence: its role, its event and a note."""

    timex: Timex
    sentence: Sentence
    role: str = "context"
    note: str = ""
    event: _Event | None = None
    clause: Clause | None = None
    clause_number: int = -1


def _sentence_of(sentences: Sequence[Sentence], starts: Sequence[int], offset: int) -> Sentence | None:
    """Return the sentence holding the character ``offset`` (``starts``: the sentences' sorted starts)."""
    k = bisect.bisect_right(starts, offset) - 1
    return sentences[k] if k >= 0 and offset < sentences[k].end else None


def _number_clauses(group: Sequence[_TimexInSentence]) -> None:
    """Give each reading of one sentence the index of the clause holding it (-1 between clauses)."""
    sentence = group[0].sentence
    spans = split_clauses(sentence.text)
    starts = [a for a, _ in spans]
    for reading in group:
        local = reading.timex.start - sentence.start
        k = bisect.bisect_right(starts, local) - 1
        reading.clause_number = k if k >= 0 and local < spans[k][1] else -1


def _next_word(text: str, offset: int) -> str:
    """Return the lower-case word that follows ``offset`` in ``text`` (matched in place: a slice copied the body)."""
    match = _NEXT_WORD.match(text, offset)
    return match.group(1).lower() if match else ""


def _classify(reading: _TimexInSentence, body: str) -> None:
    """Give a reading its first role: event candidate, duration, relation or context."""
    timex = reading.timex
    cues = load_cues()
    last_word = timex.text.lower().split()[-1] if timex.text.split() else ""
    if timex.type == "SET":
        reading.note = "a repeated time (SET), not a point in time"
    elif timex.type == "DURATION" and _next_word(body, timex.end) in cues["relations"] | cues["discourse"]:
        reading.role = "relation"
    elif timex.type != "DURATION" and last_word in cues["discourse"]:
        reading.role = "relation"
    elif timex.type == "DURATION":
        reading.role = "duration"
        if "X" in timex.value:
            reading.role, reading.note = "context", "a vague length of time"
    elif not timex.resolved:
        reading.note = "relative to the publication date, which is not given"
    elif value_bounds(timex.value) is None:
        reading.note = "a vague or partial reference, not a calendar date"
    else:
        reading.role = "event"


def _new_event(reading: _TimexInSentence, clause: Clause, anchor: str, value: str, expression: str) -> _Event:
    """Return a fresh event for a reading, dated by ``value``; without a label, the sentence's first words."""
    start, end, granularity = value_bounds(value) or (date.min, date.min, "interval")
    if not clause.label:
        clause = Clause(noun=" ".join(reading.sentence.text.split()[:_FALLBACK_WORDS]))
    return _Event(
        start=start,
        end=end,
        value=value,
        granularity=granularity,
        expression=expression,
        clause=clause,
        sentence=reading.sentence.text,
        anchor=anchor,
        position=reading.timex.start,
        keys=set(content_stems(clause.label)),  # a copy: mentions add theirs
        span=(reading.timex.start, reading.timex.end),
        mod=reading.timex.mod or "",
    )


def _merge(reading: _TimexInSentence, event: _Event, clause: Clause) -> None:
    """Count the reading as another mention of ``event``."""
    event.mentions += 1
    event.keys |= content_stems(clause.label)
    if reading.timex.start < event.position:
        event.position, event.span = reading.timex.start, (reading.timex.start, reading.timex.end)
    reading.role, reading.event = "mention", event
    reading.note = f"another mention of the event dated by {event.expression!r}"


def _place_points(readings: Sequence[_TimexInSentence], events: list[_Event]) -> None:
    """Turn event readings into events: clauses first, then nouns that refer back to them."""
    points = [r for r in readings if r.role == "event"]
    by_value: dict[str, list[_Event]] = {}  # the events of each value, in the order they were placed
    # (value, stem) -> the first event of that value whose words hold the stem: scanning the
    # value's events for a shared word was quadratic where a long text dates many the same day
    sharing: dict[tuple[str, str], _Event] = {}
    order: dict[int, int] = {}  # id(event) -> when it was placed
    for nominal in (False, True):
        for reading in points:
            clause = reading.clause or Clause()
            if bool(clause.noun and not clause.verb) != nominal:
                continue
            value = reading.timex.value
            stems = content_stems(clause.label)
            same = by_value.setdefault(value, [])
            shared = [sharing[value, stem] for stem in stems if (value, stem) in sharing]
            target = min(shared, key=lambda e: order[id(e)], default=None)
            if target is None and nominal and same:
                target = same[0]
            if target is not None:
                _merge(reading, target, clause)
                for stem in stems:
                    first = sharing.setdefault((value, stem), target)
                    if order[id(target)] < order[id(first)]:
                        sharing[value, stem] = target
                continue
            anchor = PUBLICATION if reading.timex.relative else EXPLICIT
            reading.event = _new_event(reading, clause, anchor, value, reading.timex.text)
            order[id(reading.event)] = len(events)
            events.append(reading.event)
            same.append(reading.event)  # placed in text order, or into an empty list: the order of positions
            for stem in reading.event.keys:
                sharing.setdefault((value, stem), reading.event)


def _read_sentences(readings: Sequence[_TimexInSentence], every: bool = True) -> None:
    """Number the clauses of the readings and choose the event each DATE and TIME dates, sentence by sentence.

    One sentence at a time, so its words are found once for both. A sentence holding no
    event nor relation is not split into clauses: its durations can have no host and no
    context is looked up by clause. The event is
    ``helpers.events.dated_event``'s: the other dated points of the sentence end
    phrases; a reading that is not a point ends its own phrase too. With ``every`` False
    only the points' events are chosen: the timeline reads no other (a relation reads its
    own clauses, context stays context), and a quarter of the readings are context.
    """
    for group in _by_sentence(readings).values():
        if any(r.role in _IN_A_CLAUSE for r in group):
            _number_clauses(group)
        origin = group[0].sentence.start
        dates = [r for r in group if r.timex.type in ("DATE", "TIME")]
        points = [(r.timex.start - origin, r.timex.end - origin) for r in dates if r.role == "event"]
        for reading in dates if every else (r for r in dates if r.role == "event"):
            own = (reading.timex.start - origin, reading.timex.end - origin)
            stops = points if reading.role == "event" else [*points, own]
            reading.clause = dated_event(reading.sentence.text, *own, stops)


def _by_sentence(readings: Sequence[_TimexInSentence]) -> dict[int, list[_TimexInSentence]]:
    """Group readings by the start of their sentence, keeping text order."""
    groups: dict[int, list[_TimexInSentence]] = {}
    for reading in readings:
        groups.setdefault(reading.sentence.start, []).append(reading)
    return groups


def _attach_durations(readings: Sequence[_TimexInSentence]) -> None:
    """Give each duration to the dated event of its clause; otherwise it is context."""
    hosts = _dated_clauses(readings)
    for reading in (r for r in readings if r.role == "duration"):
        host = hosts.get((reading.sentence.start, reading.clause_number))
        if host is None:
            reading.role, reading.note = "context", "a length of time with no dated event in its clause"
            continue
        host.event.durations.append(reading.timex.value)
        reading.event, reading.note = host.event, f"the length of the event dated {host.timex.text!r}"


def _dated_clauses(readings: Sequence[_TimexInSentence]) -> dict[tuple[int, int], _TimexInSentence]:
    """Return the first dated reading of every (sentence start, clause index)."""
    hosts: dict[tuple[int, int], _TimexInSentence] = {}
    for r in readings:
        if r.event is not None and r.role in ("event", "mention"):
            hosts.setdefault((r.sentence.start, r.clause_number), r)
    return hosts


def _distance(timex: Timex) -> str:
    """Return the TIMEX3 duration a relation measures ("a day" -> P1D; "two days later" -> P2D)."""
    if timex.type == "DURATION":
        return timex.value
    from helpers.timex import find_timexes

    amount = timex.text.rsplit(maxsplit=1)[0]
    return next((t.value for t in find_timexes(amount) if t.type == "DURATION"), "")


class _Placed:
    """The events placed so far, in order, indexed by position and by content stem.

    A relation looks for the event told last before it, or for the nearest event
    holding a word; scanning every event for each relation was quadratic in a long text.
    Positions and words no longer change once the relations are resolved.
    """

    def __init__(self, events: list[_Event]) -> None:
        self.events = events
        self._positions: list[tuple[int, int]] = []  # (position, order placed), sorted
        self._by_stem: dict[str, list[tuple[int, int]]] = {}
        for number, event in enumerate(events):
            self._index(event, number)

    def add(self, event: _Event) -> None:
        """Place a new event."""
        self.events.append(event)
        self._index(event, len(self.events) - 1)

    def _index(self, event: _Event, number: int) -> None:
        bisect.insort(self._positions, (event.position, number))
        for stem in event.keys:
            bisect.insort(self._by_stem.setdefault(stem, []), (event.position, number))

    def last_before(self, offset: int) -> _Event | None:
        """Return the event with the greatest position before ``offset`` (the first placed on a tie)."""
        found = self._nearest(self._positions, offset)
        return None if found is None or not found[0] else self.events[-found[2]]

    def nearest_with(self, stems: frozenset[str], offset: int) -> _Event | None:
        """Return the event holding one of ``stems`` nearest before ``offset``, else nearest after it."""
        found = [self._nearest(self._by_stem.get(stem, []), offset) for stem in stems]
        best = max((f for f in found if f is not None), default=None)
        return None if best is None else self.events[-best[2]]

    @staticmethod
    def _nearest(keys: list[tuple[int, int]], offset: int) -> tuple[bool, int, int] | None:
        """Return (before ``offset``, minus the distance, minus the order placed) of the nearest key.

        The greatest such triple is the event wanted: before ``offset`` first, then nearer, then placed first.
        """
        if not keys:
            return None
        at = bisect.bisect_left(keys, (offset, -1))
        position = keys[at - 1][0] if at > 0 else keys[at][0]
        first = bisect.bisect_left(keys, (position, -1))
        return (position < offset, -abs(position - offset), -keys[first][1])


def _dated_by_noun(clause: Clause, placed: _Placed, before: int) -> _Event | None:
    """Return the event whose words hold the phrase's head noun ("the vote"), the nearest before ``before``."""
    words = (clause.noun or clause.subject).split()
    stems = content_stems(words[-1]) if words else frozenset()
    return placed.nearest_with(stems, before)


def _event_in_clause(readings: Sequence[_TimexInSentence], clause: int) -> _Event | None:
    """Return the event dated by a point expression inside a given clause of a sentence.

    ``readings`` are that sentence's.
    """
    for r in readings:
        if r.event is not None and r.role in ("event", "mention"):
            if r.clause_number == clause:
                return r.event
    return None


def _resolve(reading: _TimexInSentence, readings: Sequence[_TimexInSentence], placed: _Placed) -> bool:
    """Date one side of a relation from the other (``readings``: its sentence's); True when an event was placed."""
    timex, sentence = reading.timex, reading.sentence
    text = sentence.text
    spans = split_clauses(text)
    here = reading.clause_number
    distance = _distance(timex)
    own = [(timex.start - sentence.start, timex.end - sentence.start)]
    cue = (
        _next_word(text, timex.end - sentence.start)
        if timex.type == "DURATION"
        else timex.text.split()[-1].lower()
    )
    sign = 1 if cue in ("after", "later") else -1
    expression = f"{timex.text} {cue}" if timex.type == "DURATION" else timex.text
    if cue in load_cues()["discourse"]:
        anchor = placed.last_before(timex.start)
        if anchor is None:
            return False
        clause = dated_event(text, *own[0], own)
        reading.clause = clause
        return _place_relative(reading, anchor, clause, distance, sign, expression, placed)
    if here < 0 or here + 1 >= len(spans):
        return False
    main_index = here
    main = read_clause(text, spans[here], own)
    if not main.verb and here + 2 < len(spans):  # fronted: "Two days after X, <main clause>"
        main_index = here + 2
        main = read_clause(text, spans[main_index], own)
    main_event = _event_in_clause(readings, main_index) or _dated_by_noun(main, placed, timex.start)
    complement = read_clause(text, spans[here + 1], own)
    complement_event = _event_in_clause(readings, here + 1)
    if complement_event is None and not complement.verb:
        complement_event = _dated_by_noun(complement, placed, timex.start)
    if main_event is not None and complement_event is None:
        return _place_relative(reading, main_event, complement, distance, -sign, expression, placed)
    if complement_event is not None and main_event is None:
        return _place_relative(reading, complement_event, main, distance, sign, expression, placed)
    return False


def _place_relative(
    reading: _TimexInSentence,
    anchor: _Event,
    clause: Clause,
    distance: str,
    sign: int,
    expression: str,
    placed: _Placed,
) -> bool:
    """Add the event ``distance`` after (sign +1) or before (-1) ``anchor``; False if it cannot be dated."""
    shifted = shift_value(anchor.value, distance, sign)
    if shifted is None:
        reading.note = f"the distance {distance!r} is too vague to date the event"
        return False
    start, end, value = shifted
    if not clause.heads and clause.verb:
        clause = replace(clause, heads=(clause.verb.split()[-1],))
    reading.clause = clause
    event = _new_event(reading, clause, RELATIVE, value, expression)
    event.start, event.end, event.granularity = start, end, granularity_of(value)
    placed.add(event)
    reading.role, reading.event = "relation", event
    reading.note = f"{distance} {'after' if sign > 0 else 'before'} the event dated {anchor.value}"
    return True


def _resolve_relations(readings: Sequence[_TimexInSentence], events: list[_Event]) -> None:
    """Resolve relations until none can be; the rest become context."""
    pending = [r for r in readings if r.role == "relation"]
    by_sentence = _by_sentence(readings)
    placed = _Placed(events)
    progress = True
    while pending and progress:
        progress = False
        waiting = []
        for reading in pending:
            if _resolve(reading, by_sentence[reading.sentence.start], placed):
                progress = True
            else:
                waiting.append(reading)
        pending = waiting
    for reading in pending:
        reading.role = "context"
        reading.note = reading.note or "relative to an event the text does not date"


def _read(
    body: str, published: date | None, timexes: Sequence[Timex] | None, mode: str = "auto", every: bool = True
) -> tuple[list[_Event], list[_TimexInSentence]]:
    """Read every time expression of ``body`` and assemble the events (``every``: see ``_read_sentences``)."""
    if not isinstance(body, str):
        raise TypeError(f"body must be a str, not {type(body).__name__}")
    if published is not None and not isinstance(published, date):
        raise TypeError(f"published must be a datetime.date or None, not {type(published).__name__}")
    if timexes is None:
        from helpers.timex import find_timexes

        timexes = find_timexes(body, published, mode=mode)
    sentences = split_sentences(body)
    starts = [s.start for s in sentences]
    readings = []
    for timex in sorted(timexes, key=lambda t: t.start):
        sentence = _sentence_of(sentences, starts, timex.start)
        if sentence is not None:
            readings.append(_TimexInSentence(timex, sentence))
    for reading in readings:
        _classify(reading, body)
    _read_sentences(readings, every)
    events: list[_Event] = []
    _place_points(readings, events)
    _attach_durations(readings)
    _resolve_relations(readings, events)
    return events, readings


def build_timeline(
    body: str,
    published: date | None,
    timexes: Sequence[Timex] | None = None,
    *,
    lines: Sequence[tuple[int, int]] | None = None,
    mode: str = "auto",
) -> pandas.DataFrame:
    """Return one row per dated event of ``body``, sorted by time (``timexes`` skips the tagger).

    ``lines`` gives, for each line of ``body``, its line number in the raw file and the
    column where it starts there (``body_origins``); by default body line k is line k.
    ``line``, ``char_start`` and ``char_end`` locate the event's first expression.
    ``mode`` is passed to ``helpers.timex.find_timexes``: "news", "narrative" or "auto".

    >>> build_timeline("The dam broke in 1987.", None)[["value", "event", "anchor", "line"]].values.tolist()
    [['1987', 'dam broke', 'explicit', 1]]
    """
    import pandas

    return pandas.DataFrame(
        timeline_rows(body, published, timexes, lines=lines, mode=mode), columns=list(COLUMNS)
    )


def timeline_rows(
    body: str,
    published: date | None,
    timexes: Sequence[Timex] | None = None,
    *,
    lines: Sequence[tuple[int, int]] | None = None,
    mode: str = "auto",
) -> list[dict]:
    """Return the rows of ``build_timeline`` as dicts keyed by ``COLUMNS``, without pandas (for many articles).

    >>> [(row["value"], row["event"], row["line"]) for row in timeline_rows("The dam broke in 1987.", None)]
    [('1987', 'dam broke', 1)]
    """
    events, _ = _read(body, published, timexes, mode, every=False)
    locate = _line_locator(body, lines)
    return [
        {
            "start": e.start,
            "end": e.end,
            "value": e.value,
            "granularity": e.granularity,
            "expression": e.expression,
            "event": e.clause.label,
            "event_words": " ".join(e.clause.heads),
            "sentence": e.sentence,
            "anchor": e.anchor,
            "mentions": e.mentions,
            "duration": "; ".join(e.durations),
            "mod": e.mod,
            **locate(*e.span),
        }
        for e in sorted(events, key=lambda e: (e.start, e.end, e.position))
    ]


def explain_timeline(
    body: str,
    published: date | None,
    timexes: Sequence[Timex] | None = None,
    *,
    lines: Sequence[tuple[int, int]] | None = None,
    mode: str = "auto",
) -> pandas.DataFrame:
    """Return every time expression of ``body`` with its role in the timeline, the event it dates and why.

    ``event_words`` are the head word(s) of the event chosen for the expression (empty
    when none); ``event`` is the label of its timeline event, else of the chosen event;
    ``lines`` and ``mode`` as in ``build_timeline``.

    >>> explain_timeline("It was centuries-old. The dam broke in 1987.", None)[["expression", "role"]].values.tolist()
    [['centuries-old', 'context'], ['1987', 'event']]
    """
    import pandas

    _, readings = _read(body, published, timexes, mode)
    locate = _line_locator(body, lines)
    rows = [
        {
            "offset": r.timex.start,
            "expression": r.timex.text,
            "type": r.timex.type,
            "value": r.timex.value,
            "mod": r.timex.mod or "",
            "role": r.role,
            "dated": r.event.value if r.event is not None else "",
            "anchor": r.event.anchor if r.event is not None else "",
            "event": r.event.clause.label if r.event is not None else r.clause.label if r.clause else "",
            "event_words": " ".join(r.clause.heads) if r.clause else "",
            "note": r.note,
            "sentence": r.sentence.text,
            **locate(r.timex.start, r.timex.end),
        }
        for r in readings
    ]
    return pandas.DataFrame(rows, columns=list(EXPLAIN_COLUMNS))


def body_origins(text: str, paragraphs: Sequence[tuple[int, str]]) -> list[tuple[int, int]]:
    """Return (line number, column) in ``text`` (the article's text) of each (line, paragraph) pair.

    ``paragraphs`` are ``Separation.body_paragraphs``; the column is where the paragraph
    starts in its line (0 when it is not found as written).

    >>> body_origins("Title\\nAd.Talks began.", [(2, "Talks began.")])
    [(2, 3)]
    """
    lines = text.split("\n")
    origins = []
    for number, paragraph in paragraphs:
        line = lines[number - 1] if 0 < number <= len(lines) else ""
        origins.append((number, max(line.find(paragraph), 0)))
    return origins


def _line_locator(body: str, lines: Sequence[tuple[int, int]] | None):
    """Return a function giving the raw line and the character span in it of a body span."""
    starts = [0] + [match.end() for match in _NEWLINE.finditer(body)]
    if lines is not None and not body and not lines:  # no body paragraph: an empty body, no rows
        lines = [(1, 0)]
    if lines is not None and len(lines) != len(starts):
        raise ValueError(f"lines has {len(lines)} entries but the body has {len(starts)} lines")
    origins = list(lines) if lines is not None else [(k + 1, 0) for k in range(len(starts))]

    def locate(start: int, end: int) -> dict[str, int]:
        k = bisect.bisect_right(starts, start) - 1
        number, column = origins[k]
        return {
            "line": number,
            "char_start": column + start - starts[k],
            "char_end": column + end - starts[k],
        }

    return locate


def mark_expressions(text: str, timexes: Sequence[Timex], as_html: bool = False) -> str:
    """Return ``text`` with each time expression bracketed with its value, or in an HTML ``<mark>``.

    >>> from helpers.timex import Timex
    >>> mark_expressions("Rain on Monday.", [Timex(8, 14, "Monday", "DATE", "2023-03-13")])
    'Rain on [Monday = 2023-03-13].'
    """
    escape = html.escape if as_html else str
    pieces, cursor = [], 0
    for timex in sorted(timexes, key=lambda t: t.start):
        if timex.start < cursor:
            continue
        value = timex.value + (f" {timex.mod}" if timex.mod else "")
        mark = (
            f'<mark title="{escape(timex.type)}">{escape(timex.text)}</mark><sub>{escape(value)}</sub>'
            if as_html
            else f"[{timex.text} = {value}]"
        )
        pieces += [escape(text[cursor : timex.start]), mark]
        cursor = timex.end
    pieces.append(escape(text[cursor:]))
    marked = "".join(pieces)
    return marked.replace("\n", "<br>\n") if as_html else marked
