"""Hypothesis strategies and a time budget shared by the property tests of bounded work.

Super-linear work shows on long runs of one pattern: a word without spaces, the same
phrase over and over. ``repetitive_texts`` builds such texts of some ten thousand
characters; ``within_budget`` times a call in CPU seconds (the load of a shared
machine does not count) and allows a generous ``SECONDS_PER_KB``, some fifty times
the usual speed, so only a quadratic blow-up fails.
"""

import time
from collections.abc import Callable

from hypothesis import strategies as st

SPACELESS = "aZ1.,:;/@'’“”()[]-–!?$%#_+=&*<>\"`…"
SECONDS_PER_KB = 0.05
SIZE = 40_000


def repetitive_texts(alphabet: str | None = None, size: int = SIZE) -> st.SearchStrategy[str]:
    """Texts of about ``size`` characters: a short unit repeated, between a short head and tail."""
    piece = st.text(alphabet=alphabet, max_size=12) if alphabet else st.text(max_size=12)
    unit = (
        st.text(alphabet=alphabet, min_size=1, max_size=12) if alphabet else st.text(min_size=1, max_size=12)
    )
    return st.builds(
        lambda head, middle, tail: head + middle * (size // len(middle)) + tail, piece, unit, piece
    )


def within_budget(function: Callable[[str], object], text: str) -> bool:
    """Tell whether ``function(text)`` takes at most half a second plus ``SECONDS_PER_KB`` per KB."""
    start = time.process_time()
    function(text)
    return time.process_time() - start <= 0.5 + SECONDS_PER_KB * len(text) / 1000
