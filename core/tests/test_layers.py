"""The layers of docs/architecture.md hold: the contract `make imports` runs refuses an
import upwards, or between siblings (the start of a cycle), and the repository keeps it."""

import ast
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

from django.conf import settings

PYPROJECT = settings.BASE_DIR / "pyproject.toml"
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def contract() -> tuple[list[str], dict]:
    """The root packages and the layers contract of pyproject.toml."""
    config = tomllib.loads(PYPROJECT.read_text())["tool"]["importlinter"]
    (layers,) = [c for c in config["contracts"] if c["type"] == "layers"]
    return config["root_packages"], layers


def run_lint_imports(directory: Path) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo"],
        cwd=directory,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def lint_fixture(tmp_path: Path, modules: dict[str, str]) -> subprocess.CompletedProcess:
    """Lint a tree of empty packages named like ours, plus `modules` ({"core.bad": source}),
    with the repository's layers (and none of its ignored imports)."""
    packages, layers = contract()
    for package in packages:
        (tmp_path / package).mkdir()
        (tmp_path / package / "__init__.py").write_text("")
        (tmp_path / package / "models.py").write_text("")
    for name, source in modules.items():
        (tmp_path / Path(*name.split("."))).with_suffix(".py").write_text(source)
    (tmp_path / "pyproject.toml").write_text(
        "[tool.importlinter]\n"
        f"root_packages = {json.dumps(packages)}\n\n"
        "[[tool.importlinter.contracts]]\n"
        'name = "layers"\n'
        'type = "layers"\n'
        f"layers = {json.dumps(layers['layers'])}\n"
    )
    return run_lint_imports(tmp_path)


def test_the_fixture_passes_when_every_import_points_down(tmp_path):
    result = lint_fixture(
        tmp_path,
        {
            "home.views": "import core.models\nimport missions.models\nimport matching.models\n",
            "missions.services": "from organizations import models\nimport notifications\n",
            "core.views": "import django\n",
        },
    )

    assert result.returncode == 0, result.stdout
    assert "1 kept, 0 broken" in result.stdout


def test_core_importing_an_app_breaks_the_contract(tmp_path):
    # Even inside a function, as the dashboard used to.
    result = lint_fixture(
        tmp_path, {"core.roles": "def roles():\n    import organizations.models\n"}
    )

    assert result.returncode != 0
    assert "core is not allowed to import organizations" in result.stdout
    assert "core.roles -> organizations.models" in result.stdout


def test_a_cycle_between_two_layers_breaks_the_contract(tmp_path):
    result = lint_fixture(
        tmp_path,
        {
            "engagements.services": "from missions import models\n",  # down: allowed
            "missions.services": "from engagements import services\n",  # back up: refused
        },
    )

    assert result.returncode != 0
    assert "missions is not allowed to import engagements" in result.stdout


def test_siblings_of_a_layer_must_not_import_each_other(tmp_path):
    result = lint_fixture(tmp_path, {"volunteers.selectors": "import organizations.models\n"})

    assert result.returncode != 0
    assert "volunteers is not allowed to import organizations" in result.stdout


def test_the_repository_keeps_its_layers():
    result = run_lint_imports(settings.BASE_DIR)

    assert result.returncode == 0, result.stdout
    assert "0 broken" in result.stdout


def test_core_imports_no_app_at_all():
    """Not even inside a function: `core` is the library every app builds on."""
    apps = {path.parent.name for path in settings.BASE_DIR.glob("*/apps.py")} - {"core"}
    found = []
    for path in (settings.BASE_DIR / "core").rglob("*.py"):
        if "tests" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            found += [f"{path.name}: {name}" for name in names if name.split(".")[0] in apps]

    assert found == []


def test_every_app_has_its_place_in_the_layers():
    """A new app is checked from its first import: the contract lists every one of ours."""
    packages, layers = contract()
    placed = {name.strip() for layer in layers["layers"] for name in layer.split("|")}
    ours = {path.parent.name for path in settings.BASE_DIR.glob("*/apps.py")}

    assert ours <= placed
    assert ours <= set(packages)
