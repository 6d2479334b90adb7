"""The layout accord grows in (issue 15), kept by tests: small modules, language knowledge only
in language folders, every language folder complete."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from accord import lang

SRC = Path(__file__).resolve().parent.parent / "src" / "accord"
MAX_LINES = 400
# language codes and tags generic code must not compare or list: it asks accord.lang instead
CODES = {"en", "ru", "sr", "hr", "bs", "cnr", "sr-Latn", "sr-Cyrl", "sr_Latn", "sr_Cyrl"}
DATA_NAME = re.compile(r"^[a-z_]+\.(txt|tsv)$")


def modules() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py") if "__pycache__" not in p.parts)


def generic_modules() -> list[Path]:
    return [p for p in modules() if "lang" not in p.relative_to(SRC).parts]


def test_no_module_is_over_400_lines():
    big = {str(p.relative_to(SRC)): n for p in modules() if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not big, f"modules over {MAX_LINES} lines: {big}"


def _code_literals(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
                  and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in CODES
            and id(node) not in docstrings]


def test_no_language_code_outside_the_language_folders():
    found = {f"{p.relative_to(SRC)}:{line}": value for p in generic_modules() for line, value in _code_literals(p)}
    assert not found, f"language codes in generic code (ask accord.lang.get(code) instead): {found}"


def _requested_data_files() -> set[str]:
    names = set()
    for p in generic_modules():
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and DATA_NAME.match(node.value):
                names.add(node.value)
    return {n for n in names if any((SRC / "lang" / code / n).exists() for code in lang.roots())}


@pytest.mark.parametrize("code", lang.supported())
def test_every_language_folder_is_complete(code):
    """Every list generic code reads exists for every language (in its folder or its family's),
    except the data of an optional capability the language does not have (Language.OPTIONAL_DATA)."""
    language = lang.get(code)
    missing = sorted(n for n in _requested_data_files()
                     if not language.has_data(n) and not language.optional(n))
    assert not missing, f"lang/{code} lacks {missing}"
    for name in (p.name for p in language.folder().iterdir() if p.suffix in (".txt", ".tsv")):
        first = (language.folder() / name).read_text(encoding="utf-8").splitlines()[:1]
        assert first and first[0].startswith("#"), f"lang/{code}/{name}: first line must say where its content came from"


@pytest.mark.parametrize("code", lang.supported())
def test_every_language_folder_has_a_smoke_test(code):
    assert (Path(__file__).parent / "lang" / code / f"test_{code}.py").exists()


def test_the_architecture_map_names_real_files():
    """docs/architecture.md says which file decides each output field: those files exist."""
    doc = (SRC.parent.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`(src/accord/[\w/]+\.py)`", doc))
    assert len(named) > 15
    missing = sorted(n for n in named if not (SRC.parent.parent / n).exists())
    assert not missing, f"docs/architecture.md names files that do not exist: {missing}"
