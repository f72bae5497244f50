"""The preloaded kernels of ``make nbval`` (tests/preloaded_kernel.py): real kernels, none left behind."""

import os
import subprocess
import sys
import time
from pathlib import Path

import preloaded_kernel
import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_notebook_imports_are_read_from_the_import_statements():
    modules = preloaded_kernel.notebook_imports()
    assert {"pandas", "helpers.study", "helpers.plots"} <= set(modules)
    assert modules == sorted(set(modules)) and "ARTICLE" not in modules


def test_preloading_leaves_out_the_artist_property_lists_and_keeps_kwdoc():
    code = (
        "import preloaded_kernel\npreloaded_kernel.preload(['matplotlib.pyplot'])\n"
        "import matplotlib.artist, matplotlib.lines\n"
        "print(matplotlib.artist.kwdoc(matplotlib.lines.Line2D).startswith('Properties:'))\n"
        "print('antialiased' in matplotlib.lines.Line2D.set.__doc__)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT / "tests", capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["True", "False"]


@pytest.fixture
def kernel_specs(monkeypatch):
    """Make the ``helpers-preloaded`` kernel spec findable, as the plugin does."""
    monkeypatch.setenv("JUPYTER_PATH", str(ROOT / "tests" / "jupyter"))
    monkeypatch.delenv(preloaded_kernel.SERVER, raising=False)


def run_in_kernel(code: str) -> tuple[str, int]:
    """Start a ``helpers-preloaded`` kernel in notebooks/, run ``code``, kill it; return stdout and its pid."""
    from jupyter_client.manager import start_new_kernel

    manager, client = start_new_kernel(kernel_name="helpers-preloaded", cwd=str(ROOT / "notebooks"))
    try:
        printed = []
        client.execute_interactive(
            f"import os\nprint(os.getpid())\n{code}",
            timeout=60,
            output_hook=lambda message: printed.append(message["content"].get("text", "")),
        )
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)  # SIGKILL to the launcher, as nbval does
    pid, _, out = "".join(printed).partition("\n")
    return out, int(pid)


def gone(pid: int, seconds: float = 10.0) -> bool:
    """Say whether process ``pid`` ends (or is a zombie) within ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if Path(f"/proc/{pid}/stat").read_text().split(")")[1].split()[0] == "Z":
                return True
        except (FileNotFoundError, ProcessLookupError):
            return True
        time.sleep(0.05)
    return False


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads process states from /proc (Linux)")
def test_a_forked_kernel_has_the_modules_the_cwd_and_dies_with_its_launcher(kernel_specs, tmp_path):
    socket_path = str(tmp_path / "server.sock")
    server = subprocess.Popen(
        [sys.executable, preloaded_kernel.__file__, "--serve", socket_path, "pandas"],
        stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        os.environ[preloaded_kernel.SERVER] = socket_path
        for _ in range(200):  # the server binds its socket before it imports anything
            if Path(socket_path).exists():
                break
            time.sleep(0.05)
        out, pid = run_in_kernel("import sys\nprint('pandas' in sys.modules, os.getcwd(), os.getppid())")
        preloaded, cwd, parent = out.split()
        assert (preloaded, cwd, int(parent)) == ("True", str(ROOT / "notebooks"), server.pid)
        assert gone(pid)  # the launcher was killed: its kernel followed
    finally:
        os.environ.pop(preloaded_kernel.SERVER, None)
        server.stdin.close()
        assert server.wait(timeout=20) == 0
    assert not Path(socket_path).exists()


def test_without_a_server_the_spec_starts_a_plain_kernel(kernel_specs):
    out, pid = run_in_kernel("import sys\nprint('pandas' in sys.modules, os.getcwd())")
    assert out.split() == ["False", str(ROOT / "notebooks")]
    assert gone(pid)


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads process states from /proc (Linux)")
def test_nbvals_kernel_launched_ahead_runs_code_and_stop_ends_it_and_the_next(kernel_specs):
    kernel = preloaded_kernel._kernel_launched_ahead()("helpers-preloaded", cwd=str(ROOT / "notebooks"))
    pids = [kernel.km.provisioner.process.pid]
    try:
        reply = kernel.kc.execute_interactive("answer = 6 * 7", timeout=60)
        assert reply["content"]["status"] == "ok"
        pids += [spare.provisioner.process.pid for spare in preloaded_kernel._SPARE.values()]
        assert len(pids) == 2  # the kernel for the next notebook is already starting
    finally:
        kernel.stop()
        preloaded_kernel.pytest_unconfigure(None)  # stops the one launched for the next notebook
    assert all(gone(pid) for pid in pids) and not preloaded_kernel._SPARE
