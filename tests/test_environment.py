"""environment.yml (conda users) must agree with pyproject.toml and constraints.txt (pip, CI)."""

import tomllib
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]


def constraint_pins() -> dict[str, str]:
    """Exact versions from constraints.txt, by canonical name."""
    pins = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, version = line.split("==")
            pins[canonicalize_name(name)] = version.strip()
    return pins


def conda_pins() -> dict[str, str]:
    """Versions pinned in environment.yml, conda and pip sections alike."""
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    pins = {}
    for entry in environment["dependencies"]:
        if isinstance(entry, dict):
            for requirement in entry["pip"]:
                if "==" in requirement:
                    name, version = requirement.split("==")
                    pins[canonicalize_name(name)] = version
        elif "=" in entry and not entry.startswith("python="):
            name, version = entry.split("=", 1)
            pins[canonicalize_name(name)] = version
    return pins


def declared_requirements() -> list[Requirement]:
    """Every dependency of pyproject.toml, extras included."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    listed = project["dependencies"] + [
        r for extra in project["optional-dependencies"].values() for r in extra
    ]
    return [Requirement(r) for r in listed]


def test_environment_uses_the_projects_python():
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert "python=3.11" in environment["dependencies"]
    assert "conda-forge" in environment["channels"]


def test_environment_installs_the_package_itself():
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip_section = next(e["pip"] for e in environment["dependencies"] if isinstance(e, dict))
    assert "-e ." in pip_section


@pytest.mark.parametrize("requirement", declared_requirements(), ids=str)
def test_every_declared_dependency_is_pinned_everywhere(requirement):
    name = canonicalize_name(requirement.name)
    assert name in constraint_pins(), (
        f"{name} is declared in pyproject.toml but not pinned in constraints.txt"
    )
    assert name in conda_pins(), f"{name} is declared in pyproject.toml but missing from environment.yml"
    assert requirement.specifier.contains(constraint_pins()[name]), (
        f"the pin of {name} is outside pyproject's range"
    )


def test_environment_pins_equal_the_constraints():
    pins = constraint_pins()
    drift = {
        name: (version, pins.get(name)) for name, version in conda_pins().items() if pins.get(name) != version
    }
    assert drift == {}, f"environment.yml disagrees with constraints.txt (yml, constraints): {drift}"


def test_numpy_is_pinned_because_it_shapes_outputs():
    assert "numpy" in conda_pins() and "numpy" in constraint_pins()
