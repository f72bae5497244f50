"""Charts for every step, in matplotlib: each function takes ``ax=None`` and returns the Axes.

matplotlib is imported inside the functions so the rest of the package loads fast.
"""

from __future__ import annotations
