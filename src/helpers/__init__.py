"""Helpers for studying a news article saved as a plain-text page dump.

One module per step: ``article`` reads the file, ``text`` splits sentences,
``boilerplate`` separates the body, ``timex`` and ``timeline`` date its events,
``frequencies`` counts its words and ``plots`` draws the charts; ``study`` runs
the first steps once for a notebook that teaches a later one.
"""

__version__ = "0.1.0"
