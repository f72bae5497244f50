"""A pytest plugin (``-p tests.preloaded_kernel``, as ``make nbval`` loads it): notebook kernels forked from one
process that has already imported what the notebooks import.

Every nbval kernel is a fresh Python that imports IPython, pandas, matplotlib, nltk and the
package before its first cell does anything: about 1.6 CPU seconds a notebook, most of the
suite's fixed cost. Here the plugin starts one *kernel server* per test run (in the xdist
controller, or in the only pytest process), which imports those modules once and then forks
a child for each kernel nbval starts. The child is an ordinary ``ipykernel`` (the same code a
``python -m ipykernel_launcher`` runs), with the launcher's working directory, environment and
arguments; it only finds its modules already in ``sys.modules``. Nothing a cell computes is
shared: each kernel starts from the server's state after the imports, never from another
kernel's.

Pieces:

- the kernel spec ``tests/jupyter/kernels/helpers-preloaded`` (``--nbval-kernel-name
  helpers-preloaded`` with ``JUPYTER_PATH=tests/jupyter``) runs this file as the *launcher*:
  it asks the server (its socket is in ``HELPERS_KERNEL_SERVER``) for a kernel, forwards
  signals (interrupt, terminate) to the child and exits when the child does. Without a server
  it becomes a plain ``ipykernel_launcher``, so the spec works anywhere;
- the *server* (``python preloaded_kernel.py --serve SOCKET``) exits when its parent pytest
  process closes its standard input, so it never outlives the run;
- each child watches its launcher's connection and exits when the launcher is killed
  (``shutdown_kernel(now=True)``), so no kernel outlives nbval.

- nbval's ``RunningKernel`` is changed so that each notebook's kernel is launched while the
  previous notebook runs (``_kernel_launched_ahead``): a kernel start is mostly waiting.
- the server imports matplotlib without the property lists it writes into its Artist
  classes' docstrings (``_artist_property_lists_left_out``): no notebook shows them;
- the server imports with the garbage collector off and freezes what it imported
  (``gc.freeze``) before it forks, as Python's documentation advises for a process that forks
  workers: the kernels' collections no longer walk the preloaded objects;
- nbformat reads the notebooks without validating them (``_read_notebooks_without_validating``;
  tests/test_notebooks.py validates them);
- the server, and each xdist worker of an nbval run once its results are sent, end with
  ``os._exit`` instead of tearing down the modules they imported: about a second each, at
  the end of every run, with nothing left to write or close (``_end_worker_at_once``).

What is preloaded: what ipykernel imports to start (``KERNEL``), the modules the notebooks'
cells import (``notebook_imports``, read from their import statements) and the heavy ones
the package imports inside its functions (``LAZY``). The notebooks' stored outputs come from
plain kernels (``make notebooks``), so every nbval run also checks that a preloaded kernel
gives the same outputs; ``make nbval NBVAL_KERNEL=--nbval-current-env`` runs plain kernels.
"""

from __future__ import annotations

import ast
import atexit
import contextlib
import gc
import importlib.util
import json
import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NAME = "helpers-preloaded"  # the kernel spec: tests/jupyter/kernels/NAME/kernel.json
SERVER = "HELPERS_KERNEL_SERVER"  # environment variable: the server's socket path
# Imported inside the package's functions (the notebooks' import statements do not show them).
LAZY = ["matplotlib.pyplot", "matplotlib.patches", "pyarrow", "pyarrow.parquet", "nltk", "IPython.display"]
# What ipykernel imports to start a kernel (its debugger brings debugpy, its interfaces psutil).
KERNEL = ["ipykernel.kernelapp", "ipykernel.ipkernel", "ipykernel.zmqshell", "ipykernel.debugger",
          "matplotlib_inline.backend_inline", "psutil", "sqlite3", "pdb", "IPython.extensions.storemagic"]  # fmt: skip


def notebook_imports(folder: Path = ROOT / "notebooks") -> list[str]:
    """Return the modules imported by the code cells of the notebooks in ``folder``, sorted."""
    names = set()
    for path in sorted(folder.glob("[0-9][0-9]-*.ipynb")):
        for cell in json.loads(path.read_text("utf-8"))["cells"]:
            if cell["cell_type"] == "code":
                source = "".join(cell["source"])
                for node in ast.walk(ast.parse(source)):
                    if isinstance(node, ast.Import):
                        names.update(alias.name for alias in node.names)
                    elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                        names.add(node.module)
    return sorted(names)


# --- the pytest plugin -----------------------------------------------------------------------


def pytest_configure(config) -> None:
    """Find the kernel spec; make sure the kernel server runs (xdist workers inherit its socket path)."""
    if not config.getoption("nbval", False):
        return
    specs = str(ROOT / "tests" / "jupyter")
    if specs not in os.environ.get("JUPYTER_PATH", "").split(os.pathsep):
        os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [specs, os.environ.get("JUPYTER_PATH")]))
    import nbval.plugin

    nbval.plugin.RunningKernel = _kernel_launched_ahead()
    if config.getoption("nbval_kernel_name", None) == NAME and not os.environ.get(SERVER):
        start_server()  # not started at import: pytest was called with other arguments than sys.argv
    _WORKER_ENDS_AT_ONCE[:] = [bool(os.environ.get("PYTEST_XDIST_WORKER"))]
    _read_notebooks_without_validating()


def _read_notebooks_without_validating() -> None:
    """Let nbformat read notebooks without checking them against its schema (tests/test_notebooks.py does).

    nbval reads every notebook in every xdist worker and nbformat then validates it, only to
    log what it finds: 0.2 CPU seconds per worker while the run starts and waits for them.
    """
    import nbformat

    nbformat.validate = lambda *args, **kwargs: None  # what nbformat.reads calls


def _end_worker_at_once() -> None:
    """At the exit of an nbval xdist worker, skip tearing down its modules (the last exit handler to run).

    By then the worker has sent its results and closed its channel, and every other exit
    handler has run (this one is registered first, when the plugin is imported, so it runs
    last). A normal interpreter exit then spends about a second freeing the imported
    modules and notebooks while the run waits for it.
    """
    if _WORKER_ENDS_AT_ONCE == [True]:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)


def _asks_for_preloaded_kernels(argv: list[str]) -> bool:
    """Say whether a pytest command line runs nbval with this kernel spec (read before pytest parses it)."""
    named = any(a == f"--nbval-kernel-name={NAME}" or (a, b) == ("--nbval-kernel-name", NAME)
                for a, b in zip(argv, [*argv[1:], ""]))  # fmt: skip
    return named and bool({"--nbval", "--nbval-lax"} & set(argv))


def start_server() -> None:
    """Start the kernel server and put its socket path in the environment (inherited by xdist workers)."""
    global _SERVER_PROCESS, _SERVER_FOLDER
    _SERVER_FOLDER = tempfile.mkdtemp(prefix="helpers-kernels-")
    path = os.path.join(_SERVER_FOLDER, "server.sock")
    _SERVER_PROCESS = subprocess.Popen(
        [sys.executable, __file__, "--serve", path, *notebook_imports()],
        stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    os.environ[SERVER] = path


def pytest_unconfigure(config) -> None:
    """Stop the kernel launched for a notebook that never came, and the kernel server."""
    for manager in _SPARE.values():
        _kill(manager)
        manager.shutdown_kernel(now=True)
    _SPARE.clear()
    stop_server()


def stop_server() -> None:
    """Stop the kernel server this process started, if any (closing its stdin), and remove its socket."""
    global _SERVER_PROCESS
    if _SERVER_PROCESS is None:
        return
    _SERVER_PROCESS.stdin.close()
    try:
        _SERVER_PROCESS.wait(timeout=10)
    except subprocess.TimeoutExpired:
        _SERVER_PROCESS.kill()
    _SERVER_PROCESS = None
    os.environ.pop(SERVER, None)
    shutil.rmtree(_SERVER_FOLDER, ignore_errors=True)


_SPARE: dict = {}  # (kernel name, working directory) -> a kernel launched for the next notebook
_WORKER_ENDS_AT_ONCE: list[bool] = []  # [True] in an xdist worker of an nbval run (pytest_configure)
_SERVER_PROCESS: subprocess.Popen | None = None  # the kernel server this process started
_SERVER_FOLDER = ""  # the temporary folder of its socket


def _kernel_launched_ahead() -> type:
    """Return nbval's ``RunningKernel`` changed so that, once a notebook's kernel is up, the next one starts.

    Starting a kernel is mostly waiting (the launcher, the fork, the first messages: half a
    second of an idle core per notebook). nbval starts each notebook's kernel when its first
    cell runs; this one takes the kernel launched while the previous notebook ran (same kernel
    spec and folder) and launches the next. It waits for the kernel with ``_wait_until_ready``
    and stops it with ``_kill`` first: jupyter_client's own waits add 0.3 s to every notebook.
    Running the cells and comparing the outputs are nbval's own code.
    """
    from jupyter_client import KernelManager
    from nbval.kernel import NbvalKernelspecManager, RunningKernel

    def launch(kernel_name: str, cwd: str | None) -> KernelManager:
        manager = KernelManager(kernel_name=kernel_name, kernel_spec_manager=NbvalKernelspecManager())
        manager.start_kernel(stderr=subprocess.DEVNULL, cwd=cwd)
        return manager

    class KernelLaunchedAhead(RunningKernel):
        """nbval's kernel for one notebook, launched while the previous notebook ran."""

        def __init__(self, kernel_name: str, cwd: str | None = None, startup_timeout: int = 60) -> None:
            self.km = _SPARE.pop((kernel_name, cwd), None) or launch(kernel_name, cwd)
            self.kc = self.km.client()
            self.kc.start_channels()
            try:
                _wait_until_ready(self, startup_timeout)
            except RuntimeError:
                self.kc.stop_channels()
                _kill(self.km)
                self.km.shutdown_kernel(now=True)
                raise
            _SPARE[kernel_name, cwd] = launch(kernel_name, cwd)

        def stop(self) -> None:
            """Kill the kernel, then let nbval stop its channels and its manager."""
            _kill(self.km)
            super().stop()

    return KernelLaunchedAhead


def _wait_until_ready(kernel, timeout: float) -> None:
    """Ask the kernel for its info until both the reply (shell) and its idle status (IOPub) come back.

    This is nbval's own check (``RunningKernel._ensure_iopub_up``), asking again after a tenth
    of a second, not a second, when IOPub missed the status, and without jupyter_client's
    ``wait_for_ready``, which ends by waiting 0.2 s for IOPub to fall silent. Messages left
    from the start are harmless: nbval reads only those answering its own requests.
    """
    from queue import Empty

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not kernel.km.is_alive():
            raise RuntimeError("the kernel died before it answered")
        request = kernel.kc.kernel_info()
        try:
            kernel.await_reply(request, timeout=1)
            kernel.await_idle(request, 0.1)
        except Empty:
            continue
        return
    raise RuntimeError(f"the kernel did not answer within {timeout} s")


def _kill(manager) -> None:
    """Kill a kernel's process (the launcher) and wait for it, so ``shutdown_kernel`` finds it gone.

    Left to itself, jupyter_client kills the process and then looks every 0.1 s whether it
    has gone, which it never has at the first look: a tenth of a second per notebook.
    """
    process = getattr(manager.provisioner, "process", None)
    if process is not None and process.poll() is None:
        process.kill()
        process.wait(timeout=10)


# --- the server ------------------------------------------------------------------------------


def serve(path: str, modules: list[str]) -> None:
    """Listen on ``path``, import ``modules``, then fork one kernel per request until stdin closes."""
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen(16)
    gc.disable()  # the imports make only lasting objects: collecting while importing finds nothing to free
    preload(modules)
    gc.freeze()  # the kernels' collections skip the preloaded objects, and leave their pages shared
    gc.enable()
    signal.signal(signal.SIGCHLD, _reap)
    try:
        while True:
            ready, _, _ = select.select([listener, sys.stdin], [], [])
            if sys.stdin in ready and not os.read(sys.stdin.fileno(), 1024):
                break
            if listener in ready:
                connection, _ = listener.accept()
                request = json.loads(_read_line(connection))
                if os.fork() == 0:
                    listener.close()
                    _run_kernel(connection, request)  # never returns
                connection.close()
    finally:
        listener.close()
        os.unlink(path)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    _reap(block=True)  # the last kernels are ending: wait, so their CPU time is counted with the run's


def preload(modules: list[str]) -> None:
    """Import the kernel's modules and ``modules`` as they would be imported in a kernel.

    A module that asks at import time whether it runs in a Jupyter kernel (pandas does, to
    choose ``display.max_columns``) finds a ``get_ipython()`` whose shell has a kernel, as
    it would in the kernel. A module that fails to import here is left to fail in the kernel.
    """
    import builtins
    import types

    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")  # as ipykernel sets it
    builtins.get_ipython = lambda: types.SimpleNamespace(kernel=True)
    try:
        with _artist_property_lists_left_out():
            for name in [*KERNEL, *modules, *LAZY]:
                try:
                    importlib.import_module(name)
                except Exception:
                    pass
    finally:
        del builtins.get_ipython


@contextlib.contextmanager
def _artist_property_lists_left_out() -> Iterator[None]:
    """Import matplotlib without writing every Artist class's property list into its docstrings.

    matplotlib builds those lists (``matplotlib.artist.kwdoc``) for each Artist subclass as it
    is defined, and for the docstrings that cite them: about 0.25 of the server's 1.7 CPU
    seconds, before any kernel can start. No notebook shows a docstring; ``kwdoc`` itself is
    the real one again once the imports are done (only the docstrings written meanwhile are short).
    """
    try:
        import matplotlib.artist
    except ImportError:
        yield
        return
    real = matplotlib.artist.kwdoc
    matplotlib.artist.kwdoc = lambda artist: "(property list left out in this test kernel)"
    try:
        yield
    finally:
        matplotlib.artist.kwdoc = real


def _reap(*_: object, block: bool = False) -> None:
    """Collect every kernel that has ended (all of them with ``block``), as a SIGCHLD handler does."""
    while True:
        try:
            pid, _ = os.waitpid(-1, 0 if block else os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def _read_line(connection: socket.socket) -> str:
    """Read one newline-terminated message (or what came before the connection closed)."""
    data = b""
    while not data.endswith(b"\n"):
        chunk = connection.recv(65536)
        if not chunk:
            break
        data += chunk
    return data.decode()


def _run_kernel(connection: socket.socket, request: dict) -> None:
    """In the forked child: become the launcher's kernel (its cwd, environment and arguments)."""
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    devnull = os.open(os.devnull, os.O_RDWR)
    os.dup2(devnull, 0)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    sys.argv = [importlib.util.find_spec("ipykernel_launcher").origin, *request["argv"]]
    sys.path[0] = request["cwd"]
    connection.sendall(f"{os.getpid()}\n".encode())

    def exit_with_launcher() -> None:
        while connection.recv(1024):
            pass
        os._exit(0)

    threading.Thread(target=exit_with_launcher, daemon=True).start()
    try:
        from ipykernel import kernelapp

        kernelapp.launch_new_instance()
    finally:
        os._exit(0)


# --- the launcher ----------------------------------------------------------------------------


def launch(arguments: list[str]) -> None:
    """Get a kernel from the server and stay until it exits; without a server, be ``ipykernel_launcher``.

    Like ipykernel's own parent poller, the launcher ends its kernel when its parent (the
    pytest process) is gone, so a killed test run leaves no kernel behind.
    """
    connection = _connect(os.environ.get(SERVER))
    if connection is None:
        os.execv(sys.executable, [sys.executable, "-m", "ipykernel_launcher", *arguments])
    parent = os.getppid()
    request = {"argv": arguments, "cwd": os.getcwd(), "env": dict(os.environ)}
    connection.sendall((json.dumps(request) + "\n").encode())
    child = int(_read_line(connection))
    for number in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT):
        signal.signal(number, lambda received, _: os.kill(child, received))
    connection.settimeout(1.0)
    while True:
        try:
            if not connection.recv(1024):
                return
        except TimeoutError:
            if os.getppid() != parent:
                os.kill(child, signal.SIGKILL)
                return


def _connect(path: str | None) -> socket.socket | None:
    """Connect to the server's socket, or return None when there is none."""
    if not path:
        return None
    connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        connection.connect(path)
    except OSError:
        connection.close()
        return None
    return connection


if __name__ != "__main__":
    # Imported as the plugin (``-p``) before pytest loads its other plugins: a server started now
    # imports the notebooks' modules while pytest, and then its xdist workers, start up.
    if _asks_for_preloaded_kernels(sys.argv[1:]) and not os.environ.get(SERVER):
        start_server()
    atexit.register(_end_worker_at_once)
elif sys.argv[1:2] == ["--serve"]:
    serve(sys.argv[2], sys.argv[3:])
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(
        0
    )  # nothing is left to close; tearing down the preloaded modules would add a second to every run
else:
    launch(sys.argv[1:])
