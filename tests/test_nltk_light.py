"""Tests for helpers.nltk_light: nltk's submodules load alone, and nltk still works the usual way."""

import subprocess
import sys


def run(code: str) -> str:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()


def test_punkt_loads_without_the_rest_of_nltk():
    loaded = run(
        "import sys; from helpers import nltk_light; nltk_light.install(); import nltk.tokenize.punkt;"
        "print(len([m for m in sys.modules if m.startswith('nltk')]), 'nltk.corpus' in sys.modules)"
    )
    count, corpus = loaded.split()
    assert int(count) < 20 and corpus == "False"


def test_nltk_used_the_usual_way_still_works_after_the_helpers():
    printed = run(
        "from helpers import nltk_light; nltk_light.install(); import nltk;"
        "from nltk.tokenize import word_tokenize, NLTKWordTokenizer;"
        "from nltk import FreqDist; import nltk.collocations;"
        "print(nltk.__version__ > '3', NLTKWordTokenizer().tokenize('It ended.'), FreqDist('aab')['a'],"
        " nltk.tokenize.punkt.PunktSentenceTokenizer is nltk.PunktSentenceTokenizer)"
    )
    assert printed == "True ['It', 'ended', '.'] 2 True"


def test_importing_the_library_leaves_the_import_system_alone():
    printed = run(
        "import sys, helpers.text, helpers.frequencies; helpers.frequencies.count_words(['a']);"
        "print(any(type(f).__name__ == '_InitialiseFirst' for f in sys.meta_path), type(sys.modules['nltk']).__name__)"
    )
    assert printed == "False module"
