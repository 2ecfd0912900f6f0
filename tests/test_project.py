"""The project as a new user meets it: README commands and example, packaging, lint and types."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.S)


def _run(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args,
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
        env={**os.environ, **env},
        timeout=600,
    )


def test_readme_opens_with_the_demo_and_test_commands_and_ci_runs_the_second() -> None:
    first, second = _blocks("sh")[:2]
    assert "tracker demo" in first
    assert "pytest" in second and "[test]" in second
    assert second.strip() in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_readme_python_example_runs_as_written_and_twice(tmp_path: Path) -> None:
    [example] = [block for block in _blocks("python") if "tracker.open" in block]
    outputs = [_run([sys.executable, "-c", example], tmp_path) for _ in range(2)]
    for result in outputs:
        assert result.returncode == 0, result.stderr
    assert outputs[0].stdout == outputs[1].stdout
    assert outputs[0].stdout.splitlines() == ["Sở Tư pháp 2020-05-20 12"]


def test_demo_command_builds_the_demo_and_prints_its_overdue_list(tmp_path: Path) -> None:
    result = _run(
        [sys.executable, "-m", "tracker", "--lang", "en", "demo"],
        tmp_path,
        XDG_DATA_HOME=str(tmp_path / "data"),
        COLUMNS="160",
    )
    assert result.returncode == 0, result.stderr
    assert "Overdue assignments as of 15/06/2020" in result.stdout
    assert "Sở Xây dựng" in result.stdout and "Thanh tra tỉnh" in result.stdout
    assert list((tmp_path / "data").rglob("demo.db"))


@pytest.mark.slow
def test_the_wheel_carries_migrations_and_seeds_and_works_outside_the_source_tree(tmp_path: Path) -> None:
    built = _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path / "dist"), str(ROOT)], tmp_path
    )
    assert built.returncode == 0, built.stderr
    [wheel] = list((tmp_path / "dist").glob("tracker-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "tracker/_db/env.py" in names and "tracker/_seeds/demo.toml" in names
    assert "tracker/ui/tracker.tcss" in names
    assert any(n.startswith("tracker/_db/versions/0001") for n in names)
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    result = _run(
        [sys.executable, "-m", "tracker", "--db", f"sqlite:///{tmp_path / 'w.db'}", "db", "init", "--demo"],
        tmp_path,
        PYTHONPATH=str(site),
    )
    assert result.returncode == 0, result.stderr
    check = _run(
        [sys.executable, "-c", "import tracker.store.migrate as m; print(m.migrations_dir())"],
        tmp_path,
        PYTHONPATH=str(site),
    )
    assert str(site) in check.stdout


@pytest.mark.slow
def test_the_benchmark_runs_and_prints_every_figure(tmp_path: Path) -> None:
    """The benchmark at a tiny size, SQLite only: it runs to the end and prints its figures (their values
    say nothing at this size; the README quotes full runs)."""
    import json

    result = _run(
        [sys.executable, "-m", "tests.benchmarks.bench", "--sizes", "2000", "--no-postgres", "--no-taskwarrior"],
        ROOT,
        TMPDIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr[-3000:]
    figures = json.loads(result.stdout)["sqlite"]["2000"]
    assert figures["rows"] == 2000 and figures["import_assignments_created"] == 2000
    for name in (
        "status_counts_ms",
        "ui_first_frame_ms",
        "ui_filter_to_frame_p95_ms",
        "ui_cursor_to_frame_p95_ms",
        "ui_search_to_frame_max_ms",
        "ui_memory_peak_mb",
        "digest_build_ms",
    ):
        assert figures[name] > 0, name


def test_ruff_is_clean() -> None:
    lint = _run([sys.executable, "-m", "ruff", "check", "tracker", "tests", "db"], ROOT)
    assert lint.returncode == 0, lint.stdout + lint.stderr
    formatting = _run([sys.executable, "-m", "ruff", "format", "--check", "tracker", "tests", "db"], ROOT)
    assert formatting.returncode == 0, formatting.stdout


@pytest.mark.slow
def test_mypy_is_clean() -> None:
    result = _run([sys.executable, "-m", "mypy"], ROOT)
    assert result.returncode == 0, result.stdout


def test_the_layers_are_kept() -> None:
    """The import-linter contracts of pyproject.toml: core pure, the UI off the store, services off the API."""
    result = _run([str(Path(sys.executable).with_name("lint-imports"))], ROOT)
    assert result.returncode == 0, result.stdout[-4000:]
    assert "broken" not in result.stdout.lower().replace("0 broken", "")


def test_the_contracts_catch_a_layer_broken(tmp_path: Path) -> None:
    """The contracts are not empty words: a core module importing the store breaks them."""
    shutil.copytree(ROOT / "tracker", tmp_path / "tracker", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "tracker" / "core" / "leak.py").write_text("import tracker.store.models\n")
    result = _run([str(Path(sys.executable).with_name("lint-imports"))], tmp_path, PYTHONPATH=str(tmp_path))
    assert result.returncode != 0
    assert "tracker.core.leak -> tracker.store.models" in result.stdout


def _fields(template: str) -> set[str]:
    return set(re.findall(r"{(\w+)", template))


def test_the_catalogue_has_each_text_in_both_languages() -> None:
    from tracker.core.catalogue import MESSAGES

    for key, (vietnamese, english) in MESSAGES.items():
        assert vietnamese.strip() and english.strip(), key
        # The Vietnamese may say less, never need a value the English (which raisers are written to) lacks.
        assert _fields(vietnamese) <= _fields(english), key


def _error_classes(trees: dict[Path, ast.Module]) -> set[str]:
    """TrackerError and every class of tracker/ derived from it, however far down."""
    names = {"TrackerError"}
    classes = [node for tree in trees.values() for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
    grown = True
    while grown:
        grown = False
        for node in classes:
            bases = {base.id if isinstance(base, ast.Name) else getattr(base, "attr", "") for base in node.bases}
            if node.name not in names and bases & names:
                names.add(node.name)
                grown = True
    return names


def _is_written_text(node: ast.expr) -> bool:
    """A message written out in the code: a string, an f-string, or one made of them ("…" + x, "…".format())."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _is_written_text(node.left) or _is_written_text(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr in ("format", "join") and _is_written_text(node.func.value)
    return False


def test_every_error_a_person_reads_comes_from_the_catalogue() -> None:
    """An error raised with text written in the code (``TrackerError(f"…")``) is said in English even in
    the Vietnamese UI: each is raised with a catalogue key and its values, ``TrackerError(key="…", …)``."""
    trees = {path: ast.parse(path.read_text(encoding="utf-8"), str(path)) for path in (ROOT / "tracker").rglob("*.py")}
    classes = _error_classes(trees)
    assert {"TrackerError", "NotFoundError", "ConflictError", "NotifyError"} <= classes
    written = sorted(
        (str(path.relative_to(ROOT)), node.lineno, name)
        for path, tree in trees.items()
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and (name := getattr(node.func, "id", None) or getattr(node.func, "attr", None)) in classes
        and node.args
        and _is_written_text(node.args[0])
    )
    assert not written, "raised with text written in the code, not a catalogue key:\n" + "\n".join(
        f"{path}:{line}: {name}(…)" for path, line, name in written
    )
