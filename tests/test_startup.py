"""The start-up plugin of ``make unit`` and ``make nbval`` (tests/startup.py): faster, with nothing lost."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_python(code: str) -> list[str]:
    """Run ``code`` in a fresh interpreter at the project root; return its printed lines."""
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return done.stdout.split()


def test_nbval_loads_without_coverage_and_still_finds_it_for_nbval_cov():
    printed = run_python(
        "import sys, tests.startup, nbval.plugin\n"
        "print('coverage' in sys.modules)\n"
        "print(tests.startup._real_cover('setup_coverage').__module__, 'coverage' in sys.modules)"
    )
    assert printed == ["False", "nbval._cover5", "True"]


def test_jsonschema_goes_without_the_format_checkers_that_compile_grammars():
    printed = run_python(
        "import sys, tests.startup, nbformat\nprint(sys.modules.get('rfc3987_syntax') is not None)"
    )
    assert printed == ["False"]
