"""A pytest plugin loaded first (``python -m pytest -p tests.startup`` from the project root, as
``make unit`` and ``make nbval`` do): a faster start for every pytest process.

nbval imports nbformat, nbformat imports jsonschema, and jsonschema's format checkers
import ``rfc3987_syntax`` when it is installed (jupyterlab's ``jsonschema[format-nongpl]``
brings it). That module compiles about 35 Earley grammars when imported: 2.5 CPU
seconds in every pytest process, three of them under ``make nbval`` (the controller and
two xdist workers), more than any notebook cell (python-jsonschema/jsonschema#1428).
``isoduration`` (with ``arrow``) and ``rfc3986_validator`` add 0.05 s more. No notebook
schema uses the formats they check, so these modules are marked as absent and jsonschema
goes without those format checkers.

nbformat validates each notebook it reads (every xdist worker reads all of them) with
``fastjsonschema`` when installed, which first compiles the schema to Python code: 0.2 s
in each process, more than the plain ``jsonschema`` validator takes for the six notebooks.
``NBFORMAT_VALIDATOR`` chooses the plain one unless it is set already.

nbval imports its coverage support (``nbval.cover``), and with it coverage.py, in every
pytest process: 0.13 CPU seconds each, for an option (``--nbval-cov``, with pytest-cov)
no target uses. ``nbval.cover`` is replaced by a module whose two functions import the
real one when first called, so ``--nbval-cov`` works as before.

Python's garbage collector is off while the process starts (the plugins are imported and the
tests collected): those objects all last, so each collection finds nothing to free, and the
collections cost about a sixth of a pytest process's start-up (0.15 CPU s of 0.9). It is
switched on again, with the start-up objects frozen out of its sight (``gc.freeze``), before
the first test runs (``pytest_runtestloop``), so the tests run as they would without this plugin.
"""

import gc
import os
import sys
import types

import pytest

gc.disable()

for _name in ("rfc3987_syntax", "isoduration", "rfc3986_validator"):
    sys.modules.setdefault(_name, None)  # None: "import NAME" raises ImportError
os.environ.setdefault("NBFORMAT_VALIDATOR", "jsonschema")


def _real_cover(name: str):
    """Return nbval's coverage function ``name``, importing nbval's coverage support (and coverage.py)."""
    import importlib

    import coverage

    module = (
        "nbval._cover5" if coverage.version_info >= (5, 0, 0) else "nbval._cover4"
    )  # as nbval.cover chooses
    return getattr(importlib.import_module(module), name)


_cover = types.ModuleType(
    "nbval.cover", "nbval.cover, its coverage.py imported on first use (tests/startup.py)."
)
_cover.setup_coverage = lambda *args, **kwargs: _real_cover("setup_coverage")(*args, **kwargs)
_cover.teardown_coverage = lambda *args, **kwargs: _real_cover("teardown_coverage")(*args, **kwargs)
sys.modules.setdefault("nbval.cover", _cover)


@pytest.hookimpl(tryfirst=True)
def pytest_runtestloop(session: pytest.Session) -> None:
    """Switch the garbage collector on again before the first test, the start-up objects frozen."""
    gc.freeze()
    gc.enable()
