"""Helpers for studying a news article saved as a plain-text page dump.

One module per step: ``article`` reads the file, ``text`` splits sentences,
``boilerplate`` separates the body, ``timex`` and ``timeline`` date its events,
``frequencies`` counts its words and ``plots`` draws the charts.
"""

__version__ = "0.1.0"
