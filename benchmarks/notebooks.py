"""Where the notebooks' test time goes: kernel start-up and each code cell's wall and kernel CPU seconds.

Each notebook is executed in a fresh kernel with nbclient, as nbval does (no output is
written back): the table gives the seconds to start the kernel, each cell's wall seconds
(its first line shown) and the total, slowest cells first. CPU seconds are the kernel's
own (``time.process_time`` read before and after each cell), so a loaded machine stretches
the wall time but not them. Progress bars are silenced as under ``make nbval``. With
``--preloaded`` the kernels are those of ``make nbval`` (forked from the kernel server of
``tests/preloaded_kernel.py``, which has imported what the notebooks import); without it,
plain ``python3`` kernels, as ``make notebooks`` and ``NBVAL_KERNEL=--nbval-current-env`` use.

    .venv/bin/python benchmarks/notebooks.py                        # every notebook, 5 slowest cells each
    .venv/bin/python benchmarks/notebooks.py notebooks/06-many-articles.ipynb --cells 20
    .venv/bin/python benchmarks/notebooks.py --preloaded            # the kernels of make nbval
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_CPU = "import time as _t; print(_t.process_time())"


def time_notebook(path: Path, kernel: str = "python3") -> tuple[float, list[tuple[float, float, str]]]:
    """Return the kernel start-up seconds and (wall s, CPU s, first line) of each code cell of ``path``."""
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook, timeout=600, kernel_name=kernel, resources={"metadata": {"path": str(path.parent)}}
    )
    began = time.perf_counter()
    with client.setup_kernel():
        started = time.perf_counter() - began
        cells = []
        for index, cell in enumerate(notebook.cells):
            if cell.cell_type != "code":
                continue
            before = _kernel_cpu(client)
            began = time.perf_counter()
            client.execute_cell(cell, index)
            wall = time.perf_counter() - began
            cells.append(
                (wall, _kernel_cpu(client) - before, f"[{index}] {cell.source.splitlines()[0][:60]}")
            )
    return started, cells


def _kernel_cpu(client) -> float:
    """Return the kernel process's CPU seconds so far (a throw-away cell that prints them)."""
    import nbformat

    probe = nbformat.v4.new_code_cell(_CPU)
    client.execute_cell(probe, 0, store_history=False)
    return float(probe.outputs[0]["text"])


@contextlib.contextmanager
def preloaded_kernels() -> Iterator[str]:
    """Run the kernel server of ``make nbval`` while the block runs; give its kernel spec's name."""
    sys.path.insert(0, str(ROOT / "tests"))
    import preloaded_kernel

    os.environ["JUPYTER_PATH"] = os.pathsep.join(
        filter(None, [str(ROOT / "tests" / "jupyter"), os.environ.get("JUPYTER_PATH")])
    )
    preloaded_kernel.start_server()
    try:
        yield preloaded_kernel.NAME
    finally:
        preloaded_kernel.stop_server()


def main() -> None:
    """Time each notebook given (default: all of notebooks/) and print the slowest cells."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--cells", type=int, default=5, help="slowest cells shown per notebook")
    parser.add_argument(
        "--preloaded", action="store_true", help="kernels forked from make nbval's kernel server"
    )
    arguments = parser.parse_args()
    os.environ["HELPERS_PROGRESS"] = "0"
    paths = arguments.notebooks or sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
    print(f"load average: {os.getloadavg()[0]:.2f}")
    with preloaded_kernels() if arguments.preloaded else contextlib.nullcontext("python3") as kernel:
        total = 0.0
        for path in paths:
            started, cells = time_notebook(path.resolve(), kernel)
            wall, cpu = sum(c[0] for c in cells), sum(c[1] for c in cells)
            total += cpu
            print(f"\n{path.name}: kernel start {started:.2f} s, cells {wall:.2f} s wall, {cpu:.2f} s CPU")
            for seconds, cpu_seconds, line in sorted(cells, reverse=True)[: arguments.cells]:
                print(f"  {seconds:6.2f} s  {cpu_seconds:6.2f} CPU  {line}")
    print(f"\nall cells: {total:.2f} s CPU ({kernel} kernels)")


if __name__ == "__main__":
    main()
