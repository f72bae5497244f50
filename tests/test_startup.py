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


def test_the_garbage_collector_is_off_while_the_process_starts():
    assert run_python("import gc, tests.startup\nprint(gc.isenabled())") == ["False"]


def test_the_garbage_collector_is_on_while_tests_run(tmp_path):
    (tmp_path / "test_collector.py").write_text(
        "import gc\n\ndef test_on():\n    assert gc.isenabled() and gc.get_freeze_count() > 0\n"
    )
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "tests.startup", "-p", "no:cacheprovider", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout
