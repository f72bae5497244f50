"""Find temporal expressions in English news text and normalise them to TimeML TIMEX3 values.

``find_timexes(text, dct)`` returns ``Timex`` objects in text order. The package, one
concern a module:

- ``tagger``: ``find_timexes`` and ``Timex``: search, longest matches, anchoring;
- ``grammar``: the ``Rule`` type (name, pattern, normaliser, trigger words, examples)
  and the rules in order of precedence;
- ``lexicon``: the word tables of ``data/timex_words.txt`` and alternations of them;
- ``context``: tense, direction, signal words and anaphora around an expression;
- ``dates``, ``durations``, ``times_and_sets``: the rules by TIMEX3 type, each
  pattern next to its normaliser;
- ``calendar``: calendar arithmetic on TIMEX3 values.
"""

from helpers.timex.tagger import Timex, find_timexes

__all__ = ["Timex", "find_timexes"]
