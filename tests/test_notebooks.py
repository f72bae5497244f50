"""The notebooks follow the house rules that nbval alone does not check."""

import json
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("[0-9][0-9]-*.ipynb"))


def cells(path: Path) -> list[dict]:
    return json.loads(path.read_text())["cells"]


def test_notebooks_are_numbered_in_run_order():
    numbers = [int(path.name[:2]) for path in NOTEBOOKS]
    assert numbers and numbers == list(range(1, len(numbers) + 1))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_first_code_cell_holds_the_parameters(path):
    first = next(cell for cell in cells(path) if cell["cell_type"] == "code")
    assert "parameters" in first["metadata"].get("tags", [])
    source = "".join(first["source"])
    for name in ("ARTICLE =", "PUBLISHED =", "REPORTS ="):
        assert name in source


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_prose_comes_before_every_code_cell(path):
    kinds = [cell["cell_type"] for cell in cells(path)]
    assert kinds[0] == "markdown"
    assert all(kinds[i - 1] == "markdown" for i, kind in enumerate(kinds) if kind == "code")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_executed_top_to_bottom_without_errors(path):
    code = [cell for cell in cells(path) if cell["cell_type"] == "code"]
    assert [cell["execution_count"] for cell in code] == list(range(1, len(code) + 1))
    outputs = [output for cell in code for output in cell["outputs"]]
    assert not [output for output in outputs if output["output_type"] == "error"]
    assert not any(output.get("name") == "stderr" for output in outputs)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_volatile_metadata(path):
    notebook = json.loads(path.read_text())
    assert "papermill" not in notebook["metadata"]
    assert "version" not in notebook["metadata"].get("language_info", {})
    assert not any("execution" in cell.get("metadata", {}) for cell in notebook["cells"])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_valid_against_the_nbformat_schema(path):
    # make nbval reads the notebooks without validating them (tests/preloaded_kernel.py): checked here
    import nbformat.validator

    nbformat.validator.validate(json.loads(path.read_text()))  # raises ValidationError naming the problem
