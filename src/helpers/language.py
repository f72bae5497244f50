"""Tell the language of a page, offline, and warn when an English-only step meets another language.

The page's prose (its lines of eight words or more, else all its text) is
classified by py3langid, whose model ships inside its wheel. Loading that model
takes about two seconds, so a page whose prose is plainly English (at least a
third of its words are English function words, as running English is) is called
English without it. Too little text to tell gives ``None``.

py3langid walks its model's automaton over the text one byte at a time in Python (4 ms
for a 5,000-character sample); ``classify`` gives its very figures from the same public
model with numpy, about eight times faster (see ``automaton_states``).

py3langid decompresses its model (an LZMA-packed ``.npz``) every time it loads it: 0.75 s
of CPU in every process, each corpus worker included. ``language_model`` builds the arrays
``classify`` reads from that file once and keeps them, uncompressed, in a cache folder
(``cache_folder``: ``$HELPERS_CACHE_DIR``, else ``$XDG_CACHE_HOME/news-article-helpers``,
else ``~/.cache/news-article-helpers``), named after py3langid's version and a hash of its
model file; later processes map them from there (a few milliseconds, and the pages are
shared between processes). Nothing is downloaded: the cache is py3langid's own model,
written out, and where the folder cannot be written the arrays are used from memory.
The weights are kept as float32 (py3langid's float16 values, exactly: the product
``classify`` takes converted them anyway, and now need not, 0.5 ms a page).
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import os
import shutil
import unicodedata
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from helpers.letters import LetterPattern
from helpers.resources import data_lines

if TYPE_CHECKING:
    import numpy
    import py3langid.langid

ENGLISH = "en"
MIN_WORDS = 5
PROSE_WORDS = 8
ENGLISH_SHARE = 1 / 3
MIN_CONFIDENCE = 0.5
SAMPLE_CHARS = 5_000
_WORD = LetterPattern(r"[^\W\d_]+(?:'[^\W\d_]+)?")
NAMES = {
    "ar": "Arabic", "bg": "Bulgarian", "ca": "Catalan", "cs": "Czech", "da": "Danish", "de": "German",
    "el": "Greek", "en": "English", "es": "Spanish", "et": "Estonian", "fa": "Persian", "fi": "Finnish",
    "fr": "French", "he": "Hebrew", "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian", "id": "Indonesian",
    "it": "Italian", "ja": "Japanese", "ko": "Korean", "lt": "Lithuanian", "lv": "Latvian", "nb": "Norwegian",
    "nl": "Dutch", "no": "Norwegian", "pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian",
    "sk": "Slovak", "sl": "Slovenian", "sr": "Serbian", "sv": "Swedish", "th": "Thai", "tr": "Turkish",
    "uk": "Ukrainian", "vi": "Vietnamese", "zh": "Chinese",
}  # fmt: skip


class NotEnglishWarning(UserWarning):
    """An English-only step runs on a page in another language."""


@functools.cache
def english_function_words() -> frozenset[str]:
    """The English function words of ``data/function_words.txt``.

    >>> "the" in english_function_words()
    True
    """
    return frozenset(word.strip().lower() for word in data_lines("function_words.txt"))


@functools.cache
def py3langid_identifier() -> py3langid.langid.LanguageIdentifier:
    """py3langid's identifier with probabilities normalised, loaded once per process (about two seconds).

    >>> py3langid_identifier().classify("Der Sturm erreichte am Morgen die Küste.")[0]
    'de'
    """
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


class LanguageModel(NamedTuple):
    """py3langid's model as numpy arrays: its byte automaton, feature weights and classes."""

    transitions: numpy.ndarray  # the next state: transitions[row_starts[state] + byte]
    row_starts: numpy.ndarray  # where each state's row of 256 transitions starts
    features: numpy.ndarray  # the feature each state counts, -1 for none
    weights: numpy.ndarray  # log P(feature | language), one row per feature
    priors: numpy.ndarray  # log P(language)
    classes: list[str]
    aliases: list[tuple[int, int]]  # (first, other) columns of a language listed twice


MODEL_ARRAYS = ("transitions", "row_starts", "features", "weights", "priors")
_CACHE_FORMAT = 1  # bump when the arrays written to the cache change


@functools.cache
def language_model() -> LanguageModel:
    """Return py3langid's model as arrays: mapped from the cache, else built from py3langid's file and cached.

    >>> language_model().classes[:3] == py3langid_identifier().nb_classes[:3]
    True
    """
    folder = cache_folder() / model_cache_name()
    model = read_model(folder)
    if model is None:
        model = build_model()
        write_model(model, folder)
    return model


def cache_folder() -> Path:
    """Return the folder of the package's caches: ``$HELPERS_CACHE_DIR``, else the user's cache folder.

    >>> cache_folder() == Path(os.environ.get("HELPERS_CACHE_DIR") or cache_folder())
    True
    """
    if os.environ.get("HELPERS_CACHE_DIR"):
        return Path(os.environ["HELPERS_CACHE_DIR"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "news-article-helpers"


def model_cache_name() -> str:
    """Return the cache folder name of the installed py3langid model: its version and a hash of its file.

    >>> model_cache_name().startswith("py3langid-")
    True
    """
    import py3langid
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    digest = hashlib.blake2b((MODEL_DIR / MODEL_FILE).read_bytes(), digest_size=8).hexdigest()
    return f"py3langid-{py3langid.__version__}-{digest}-{_CACHE_FORMAT}"


def build_model() -> LanguageModel:
    """Return the arrays of ``py3langid_identifier``'s model (its public attributes), built in memory.

    >>> build_model().weights.dtype
    dtype('float32')
    """
    import numpy as np

    identifier = py3langid_identifier()
    first: dict[str, int] = {}
    aliases = []
    for column, code in enumerate(identifier.nb_classes):
        if code in first:
            aliases.append((first[code], column))
        else:
            first[code] = column
    transitions, rows = identifier.tk_nextmove, identifier.tk_row  # unsigned arrays of the standard library
    return LanguageModel(
        np.frombuffer(transitions, dtype=f"u{transitions.itemsize}"),  # a view: 40 MB not copied
        np.frombuffer(rows, dtype=f"u{rows.itemsize}").astype(np.intp) << 8,
        np.asarray(identifier.tk_output, dtype=np.intp),
        np.asarray(identifier.nb_ptc, dtype=np.float32),  # float16 to float32 is exact
        np.asarray(identifier.nb_pc),
        list(identifier.nb_classes),
        aliases,
    )


def write_model(model: LanguageModel, folder: Path) -> bool:
    """Write the model's arrays to ``folder`` (under a temporary name, then renamed); False if it cannot be written.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as scratch:  # 98 MB: removed after the example
    ...     folder = Path(scratch) / "model"
    ...     write_model(build_model(), folder), read_model(folder).classes == build_model().classes
    (True, True)
    """
    import numpy as np

    partial = folder.with_name(f".{folder.name}.partial-{os.getpid()}")
    try:
        partial.mkdir(parents=True, exist_ok=True)
        for name in MODEL_ARRAYS:
            np.save(partial / f"{name}.npy", getattr(model, name), allow_pickle=False)
        labels = {"classes": model.classes, "aliases": model.aliases}
        (partial / "classes.json").write_text(json.dumps(labels), "utf-8")
        if folder.exists():  # a broken cache (read_model gave None): replaced
            shutil.rmtree(folder)
        os.rename(partial, folder)
    except OSError:  # a read-only or full disk, or another process that renamed its copy first
        shutil.rmtree(partial, ignore_errors=True)
        return False
    return True


def read_model(folder: Path) -> LanguageModel | None:
    """Return the model written to ``folder``, its arrays memory-mapped; None when it is missing or broken.

    >>> read_model(Path("/nonexistent")) is None
    True
    """
    import numpy as np

    try:
        labels = json.loads((folder / "classes.json").read_text("utf-8"))
        arrays = {
            name: np.asarray(np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False))
            for name in MODEL_ARRAYS
        }
        classes, aliases = list(labels["classes"]), [tuple(pair) for pair in labels["aliases"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    model = LanguageModel(**arrays, classes=classes, aliases=aliases)
    return model if _consistent(model) else None


def _consistent(model: LanguageModel) -> bool:
    """Tell whether the arrays fit together (a file cut short or from another model does not)."""
    classes = len(model.classes)
    return (
        model.transitions.ndim == model.row_starts.ndim == model.features.ndim == 1
        and len(model.row_starts) == len(model.features) > 0
        and int(model.row_starts.max()) + 256 <= len(model.transitions)
        and model.weights.shape[1:] == (classes,) == model.priors.shape
        and int(model.features.max()) < len(model.weights)
        and str(model.weights.dtype) == str(model.priors.dtype) == "float32"
    )


def automaton_states(model: LanguageModel, data: bytes) -> numpy.ndarray:
    """Return the state of the model's automaton after each byte of ``data``, as a byte-by-byte walk gives.

    The automaton is a trie of byte n-grams with failure links (Aho-Corasick): its state
    after a byte is the longest n-gram prefix ending there, so it depends only on the last
    few bytes. ``states`` holds the state reached from the start on the last ``k`` bytes
    (fewer at the start of the text); one more byte before each window gives the states for
    ``k + 1``. When no window changes, no ``k + 1`` bytes anywhere are a prefix of an n-gram,
    so no longer ones are (prefixes of prefixes): the states are those of the walk.

    >>> model = language_model()
    >>> walk, state = [], 0
    >>> for byte in b"Hello world":
    ...     state = int(model.transitions[model.row_starts[state] + byte]); walk.append(state)
    >>> automaton_states(model, b"Hello world").tolist() == walk
    True
    """
    import numpy as np

    codes = np.frombuffer(data, dtype=np.uint8).astype(np.intp)
    states = model.transitions[model.row_starts[0] + codes]
    while len(codes) > 1:
        longer = states.copy()
        longer[1:] = model.transitions[model.row_starts[states[:-1]] + codes[1:]]
        if np.array_equal(longer, states):
            break
        states = longer
    return states


def classify(text: str) -> tuple[str, float]:
    """Return py3langid's (language, probability) for ``text``: the same figures as its ``classify``, from numpy.

    Its steps in its order: the text encoded as py3langid does, the features counted (in the
    order they first occur, as its counter lists them), log(1 + count) times the weights
    plus the priors, scaled by one over the square root of the length, normalised, aliases
    folded into their first column.

    >>> classify("Der Sturm erreichte am Morgen die Küste.") == py3langid_identifier().classify(
    ...     "Der Sturm erreichte am Morgen die Küste.")
    True
    """
    import numpy as np

    model = language_model()
    if text.isupper():
        text = text.lower()
    data = unicodedata.normalize("NFC", text).encode("utf8", errors="surrogatepass")
    found = model.features[automaton_states(model, data)]
    found = found[found >= 0]
    if len(found):
        features, first, counts = np.unique(found, return_index=True, return_counts=True)
        order = np.argsort(first, kind="stable")
        scores = np.log1p(counts[order].astype(np.float32)) @ model.weights[features[order]] + model.priors
    else:
        scores = np.full(len(model.classes), 0.0, dtype=np.float32)
    scores *= 1.0 / math.sqrt(len(data) or 1)
    np.exp(scores - scores.max(), out=scores)
    scores /= scores.sum()
    for first_column, other in model.aliases:
        scores[first_column] += scores[other]
        scores[other] = 0.0
    best = int(scores.argmax())
    return model.classes[best], float(scores[best])


def prose_sample(text: str) -> str:
    """The page's prose lines (eight words or more), else all of it, cut to the first 5,000 characters.

    >>> prose_sample("Home\\nThe storm reached the coast at dawn on Monday.")
    'The storm reached the coast at dawn on Monday.'
    """
    lines, length = [], 0
    for line in text.split("\n"):
        # At most PROSE_WORDS - 1 splits: the pieces reach PROSE_WORDS only if the words do, and a
        # long line is not cut into all its words (a fifth of this function's time).
        if len(line.split(maxsplit=PROSE_WORDS - 1)) >= PROSE_WORDS:
            lines.append(line)
            length += len(line) + 1
            if length > SAMPLE_CHARS:  # the sample is full: the rest of the page is not read
                break
    return ("\n".join(lines) if lines else text)[:SAMPLE_CHARS]


def english_share(text: str) -> float:
    """The share of the words of ``text`` that are English function words (0.0 without words).

    >>> english_share("The storm reached the coast"), english_share("La tempête a atteint la côte")
    (0.4, 0.16666666666666666)
    """
    return _function_share(_words(text.lower()))


def _function_share(words: list[str]) -> float:
    """The share of lower-case ``words`` that are English function words (0.0 for none)."""
    if not words:
        return 0.0
    function_words = english_function_words()
    return sum(map(function_words.__contains__, words)) / len(words)


def _words(text: str) -> list[str]:
    """Return the words of ``text`` (``_WORD``), its letters read from a table where they can be (a quarter less time).

    >>> _words("It's 9 o'clock, naïve one")
    ["It's", "o'clock", 'naïve', 'one']
    """
    return _WORD.for_text(text).findall(text)


def identify_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or None when there is too little text to tell.

    >>> identify_language("The storm reached the coast at dawn and the city was ready for it.")
    'en'
    >>> identify_language("La tempête a atteint la côte à l'aube et la ville était prête.")
    'fr'
    """
    sample = prose_sample(text)
    lowered = sample.lower()
    words = _words(lowered)  # found once for the count and the share
    # Lower-casing keeps every character a letter or not (tests.test_language checks all of
    # Unicode), so the count is the same; only a letter that lower-cases to two ("İ") changes it.
    count = len(words) if len(lowered) == len(sample) else len(_words(sample))
    if count < MIN_WORDS:
        return None
    if _function_share(words) >= ENGLISH_SHARE:
        return ENGLISH
    code, confidence = classify(sample)
    return code if confidence >= MIN_CONFIDENCE else None


def language_name(code: str | None) -> str:
    """The English name of a language code (the code itself when unlisted, 'unknown' for None).

    >>> language_name("fr"), language_name("xx"), language_name(None)
    ('French', 'xx', 'unknown')
    """
    if code is None:
        return "unknown"
    return NAMES.get(code, code)


def not_english_note(code: str | None) -> str | None:
    """The reader's note for a page not in English (None for English or an unknown language).

    >>> not_english_note("de")
    'language: the page looks German (de); timex, stoplist frequencies and keyness are English-only'
    """
    if code is None or code == ENGLISH:
        return None
    return (
        f"language: the page looks {language_name(code)} ({code}); "
        "timex, stoplist frequencies and keyness are English-only"
    )


def warn_if_not_english(code: str | None, step: str) -> bool:
    """Warn (``NotEnglishWarning``) that ``step`` is English-only when the page's language is another; True if so.

    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_if_not_english("fr", "timex"), str(caught[0].message)
    (True, 'timex: English-only, but this page looks French (fr), so its results will be empty or misleading')
    """
    if code is None or code == ENGLISH:
        return False
    warnings.warn(
        f"{step}: English-only, but this page looks {language_name(code)} ({code}), "
        "so its results will be empty or misleading",
        NotEnglishWarning,
        stacklevel=2,
    )
    return True
