"""Import nltk's Punkt and FreqDist without running nltk's package ``__init__`` until something needs it.

``import nltk.tokenize.punkt`` normally runs ``nltk/__init__.py`` and ``nltk/tokenize/__init__.py``
first, which import nearly all of nltk (about 0.25 s, more than the rest of a command's work).
``install`` puts stand-ins for the two packages in ``sys.modules``: the few modules Punkt and
``FreqDist`` need (``LIGHT``) then load on their own, and the first use of anything else (an
attribute such as ``nltk.word_tokenize``, or importing another submodule such as ``nltk.stem``)
runs the real ``__init__`` files first, in nltk's own order, so code that uses nltk the usual
way still works.
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import sys
import types

PACKAGES = ("nltk", "nltk.tokenize")
# What nltk.tokenize.punkt and nltk.probability import (nltk 3.9-3.10).
LIGHT = frozenset(
    ["nltk.internals", "nltk.pathsec", "nltk.picklesec", "nltk.probability", "nltk.redos", "nltk.tabdata",
     "nltk.termsec", "nltk.tokenize.api", "nltk.tokenize.punkt", "nltk.tokenize.util"]
)  # fmt: skip


class _LazyPackage(types.ModuleType):
    """A package whose ``__init__`` runs on the first attribute it does not have yet."""

    def __getattr__(self, name: str) -> object:
        if name.startswith("__") and name not in ("__all__", "__version__"):
            raise AttributeError(f"module {self.__name__!r} has no attribute {name!r}")
        if f"{self.__name__}.{name}" in LIGHT:
            return importlib.import_module(f"{self.__name__}.{name}")
        if self.__dict__.get("_initialising"):
            raise AttributeError(f"module {self.__name__!r} has no attribute {name!r} (yet)")
        initialise()
        return getattr(self, name)


class _InitialiseFirst(importlib.abc.MetaPathFinder):
    """Before any nltk module outside ``LIGHT`` is imported, run nltk's ``__init__`` (finds nothing itself)."""

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        if name.startswith("nltk.") and name not in LIGHT:
            initialise(("nltk",))


def initialise(names: tuple[str, ...] = PACKAGES) -> None:
    """Run the real ``__init__`` of the stand-ins not yet run, ``nltk`` first (it imports ``nltk.tokenize``)."""
    for name in names:
        module = sys.modules.get(name)
        if isinstance(module, _LazyPackage) and not module.__dict__.get("_initialising"):
            module._initialising = True
            module.__spec__.loader.exec_module(module)  # now the real package, in the same module object


def install() -> None:
    """Put lazy stand-ins for ``nltk`` and ``nltk.tokenize`` in ``sys.modules`` unless nltk is imported.

    >>> install(); import nltk.probability, nltk
    >>> nltk.probability.FreqDist("aab")["a"], callable(nltk.word_tokenize)
    (2, True)
    """
    if "nltk" in sys.modules or importlib.util.find_spec("nltk") is None:
        return
    for name in PACKAGES:
        spec = importlib.util.find_spec(name)
        module = _LazyPackage(name)
        module.__spec__, module.__file__, module.__loader__ = spec, spec.origin, spec.loader
        module.__path__, module.__package__ = list(spec.submodule_search_locations or []), name
        sys.modules[name] = module
        parent, _, child = name.rpartition(".")
        if parent:
            setattr(sys.modules[parent], child, module)
    sys.meta_path.insert(0, _InitialiseFirst())
