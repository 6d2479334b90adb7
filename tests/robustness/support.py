"""Helpers for the robustness tests: the contract check, a varied corpus, the CLI as a user runs it."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import resources
from pathlib import Path

from jsonschema import Draft202012Validator

from accord.errors import AccordError

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples"
VALIDATOR = Draft202012Validator(json.loads(
    resources.files("accord.data").joinpath("document.schema.json").read_text(encoding="utf-8")))


def contract_problems(record: dict) -> list[str]:
    """Schema errors and inexact offsets of one record (after a JSON round trip, as users get it)."""
    from test_contract import offset_problems  # the contract test's own offset check

    rec = json.loads(json.dumps(record))
    problems = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in VALIDATOR.iter_errors(rec)]
    return problems + offset_problems(rec)


def assert_clear_error(err: AccordError, source: str, line: int | None = None) -> None:
    """An error a user can act on: a code, the input's name, the line where there is one, a reason."""
    assert isinstance(err, AccordError), err
    assert err.code.startswith("E") and err.reason.strip()
    assert source in err.source and source in str(err), (source, str(err))
    if line is not None:
        assert err.line == line and f":{line}" in str(err), (line, str(err))


def sample_texts() -> list[tuple[str, str]]:
    """(name, decoded text) of every bundled sample article (txt, html and jsonl records)."""
    from accord.stages.read import read_paths

    files = sorted(p for p in SAMPLES.iterdir() if p.suffix in {".txt", ".html", ".jsonl"})
    out = []
    for item in read_paths(files):
        assert not isinstance(item, AccordError), item
        out.append((Path(item.source.split(":")[0]).name, item.text))
    return out


def variant_corpus(directory: Path, n: int) -> list[Path]:
    """n distinct articles made from the samples: each gets its own closing sentence, so every
    doc_id differs while the text stays real multilingual news."""
    directory.mkdir(parents=True, exist_ok=True)
    texts = sample_texts()
    paths = []
    for i in range(n):
        name, text = texts[i % len(texts)]
        path = directory / f"{i:03d}_{Path(name).stem}.txt"
        path.write_text(f"{text.rstrip()}\n\nThis report was updated {i + 1} times.\n", encoding="utf-8")
        paths.append(path)
    return paths


def accord_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "accord.cli", *map(str, args)]


def run_accord(*args: str, timeout: float = 300, env: dict | None = None, stdin: bytes | None = None
               ) -> subprocess.CompletedProcess:
    """Run the CLI in a fresh process, as a user does (stdout and stderr are pipes, not a terminal)."""
    return subprocess.run(accord_cmd(*args), capture_output=True, timeout=timeout, input=stdin,
                          env={**os.environ, **(env or {})}, cwd=REPO)


def table_rows(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    from accord.store import reader

    with reader(db) as con:
        return con.execute(sql, params or []).fetchall()
