"""Run the notebooks on one article into ``reports/``: executed notebooks and offline HTML (``make run``).

Every file is written under a temporary name beside its target and renamed when
complete (``write_atomically``; the notebooks' tables through ``save_table``, their
figures through ``plots.save_figure``), so a failure (disk full, read-only folder, a
cell that raises) leaves no truncated file; the failure is one line naming the file
and the cause. The HTML
uses ``data/offline-report.html.j2``: nbconvert's lab template without the scripts
it would load from a CDN (require.js, MathJax, Mermaid, widgets), so a report opens
offline and a dollar amount on the page is never typeset as math. Page text in the
notebooks' outputs is escaped where it is rendered (see notebook 02's tables).
papermill and nbconvert (the ``notebooks`` extra) are imported where they are used.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas

__all__ = ["ReportError", "export_html", "main", "run_notebook", "save_table", "write_atomically"]

TEMPLATE = Path(__file__).with_name("data") / "offline-report.html.j2"


class ReportError(Exception):
    """A report could not be written; the message names the file and the cause."""


def write_atomically(path: Path, write: Callable[[Path], None]) -> Path:
    """Call ``write`` on a temporary file beside ``path``, then rename it to ``path``; on failure remove it.

    >>> import tempfile; folder = Path(tempfile.mkdtemp())
    >>> write_atomically(folder / "a.txt", lambda temporary: temporary.write_text("done")).read_text()
    'done'
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.stem}.", suffix=f".part{path.suffix}"
        )
        os.close(handle)
    except OSError as error:
        raise ReportError(_cause(error, path)) from None
    temporary = Path(name)
    try:
        write(temporary)
        os.replace(temporary, path)
    except OSError as error:
        raise ReportError(_cause(error, path)) from None
    finally:
        temporary.unlink(missing_ok=True)
    return path


def save_table(table: pandas.DataFrame, path: Path | str) -> Path:
    """Write ``table`` as CSV without its index to ``path``, atomically (``write_atomically``).

    >>> import pandas, tempfile
    >>> path = save_table(pandas.DataFrame({"word": ["storm"], "count": [2]}), Path(tempfile.mkdtemp()) / "t.csv")
    >>> path.read_text()
    'word,count\\nstorm,2\\n'
    """
    return write_atomically(Path(path), lambda temporary: table.to_csv(temporary, index=False))


def _cause(error: OSError, path: Path) -> str:
    """Say which file could not be written and why, with what to do about it."""
    cause = error.strerror or str(error)
    return f"{path}: cannot write: {cause} (free some space, or choose a writable REPORTS folder)"


def export_html(notebook: Path, html: Path) -> Path:
    """Write an executed ``notebook`` as an offline HTML page (no script from a CDN) to ``html``.

    >>> import nbformat, tempfile; folder = Path(tempfile.mkdtemp())
    >>> notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("$5 and $10")])
    >>> nbformat.write(notebook, folder / "n.ipynb")
    >>> page = export_html(folder / "n.ipynb", folder / "n.html").read_text()
    >>> "$5 and $10" in page, "mathjax" in page.lower(), "<script src=" in page
    (True, False, False)
    """
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab", extra_template_paths=[str(TEMPLATE.parent)])
    exporter.template_file = TEMPLATE.name
    body, _ = exporter.from_notebook_node(nbformat.read(notebook, as_version=4))
    return write_atomically(html, lambda temporary: temporary.write_text(body, encoding="utf-8"))


def run_notebook(notebook: Path, reports: Path, parameters: dict[str, object]) -> tuple[Path, Path]:
    """Execute ``notebook`` with ``parameters`` into ``reports/notebooks/`` and ``reports/NAME.html``.

    The notebook runs in its own folder (relative paths in ``parameters`` are read
    from there) and gets ``REPORTS`` as an absolute path. A cell that raises ends in
    a ``ReportError`` naming the notebook, the cell and the error.
    """
    import papermill
    from papermill.exceptions import PapermillExecutionError

    reports = reports.resolve()
    executed = reports / "notebooks" / notebook.name
    values = {**parameters, "REPORTS": str(reports)}

    def execute(temporary: Path) -> None:
        papermill.execute_notebook(
            str(notebook), str(temporary), parameters=values, cwd=str(notebook.parent),
            progress_bar=False, log_output=False, kernel_name="python3",
        )  # fmt: skip

    try:
        write_atomically(executed, execute)
    except PapermillExecutionError as error:
        raise ReportError(
            f"{notebook}: cell {error.exec_count} failed: {error.ename}: {error.evalue}"
        ) from None
    return executed, export_html(executed, reports / f"{notebook.stem}.html")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the notebooks named on the command line into REPORTS; exit 2 with one line on failure."""
    parser = argparse.ArgumentParser(prog="python -m helpers.reports", description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+", type=Path, help="the notebooks to run, in order")
    parser.add_argument("--article", required=True, help="the ARTICLE parameter (relative to the notebooks)")
    parser.add_argument(
        "--reports", type=Path, default=Path("reports"), help="where to write (default: reports)"
    )
    args = parser.parse_args(argv)
    try:
        for notebook in args.notebooks:
            executed, html = run_notebook(notebook, args.reports, {"ARTICLE": args.article})
            print(f"wrote {html} and {executed}")
    except ReportError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
