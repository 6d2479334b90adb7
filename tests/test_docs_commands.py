"""Every command shown in README.md and docs/*.md runs as written from a fresh clone (issue 21).

Why: the README's own bench command once failed (its corpus was built by a script only
docs/performance.md named), and `accord export --format parquet|csv|...` was not a command at
all. The commands are parsed out of the fenced ```sh blocks, so a command added to the docs is
tested without touching this file; every fenced block must say what it is (sh for commands,
text for output and maps), so a command cannot hide in an untagged block.

How: a sandbox that looks like a fresh clone after `make demo` (samples/, src/, eval/, scripts/,
the Makefile; a .venv/bin whose python and accord are this interpreter), and each block run in
it as one bash script in document order (README first), stopping at the first failing command
with its exit status. Heavy commands run small (REWRITES: 4 bench documents, a tiny ingest
scale), `accord serve` is started, asked for its overview page and stopped. The few commands
that cannot run here are EXCEPTIONS, each with its reason.
"""
from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DOCS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
FENCE = re.compile(r"^```([\w-]*)[^\n]*\n(.*?)^```", re.M | re.S)
COMMAND_TAGS = {"sh", "bash", "shell", "console"}

# pattern (searched in the command) -> why the command is not run here
EXCEPTIONS = {
    r"^make test\b": "the whole suite, which this test is part of (.ci/run runs it)",
    r"tcp://HEAD|^dask |/shared/(news|accord)/": "a Dask cluster: HEAD and /shared/... are placeholders for the "
                                                 "reader's machines; tests/test_distributed.py runs the same code "
                                                 "on a LocalCluster",
    r"^duckdb |\bOUT/": "the DuckDB command-line tool (not a Python dependency) over OUT/, the output folder of "
                        "the Dask run above",
    r"\.\./shared/|eval/(ner_public|quotes_public|plover_gsr)\.py": "public evaluation data in ../shared (research "
                                                                    "use, never in the clone); "
                                                                    "tests/test_quality_gate_public.py covers it "
                                                                    "where present",
}
# heavy command -> the small version run here (same command, less work)
REWRITES = [
    (re.compile(r"(make_bench_corpus\.py.*--docs )\d+"), r"\g<1>6"),
    (re.compile(r"(accord bench\b.*--docs )\d+"), r"\g<1>4"),
    (re.compile(r"^(\S*accord bench)((?:(?!--docs).)*)$"), r"\1\2 --docs 4"),
    (re.compile(r"--ingest-scale [\d,]+"), "--ingest-scale 8,16"),
]
PREAMBLE = r"""
set -o pipefail
serve_check() {  # start `accord serve ...`, fetch its overview page, stop it
  local port; port=$(free_port)
  local args=() skip=0
  for a in "$@"; do if [ $skip = 1 ]; then skip=0; continue; fi
    if [ "$a" = --port ]; then skip=1; continue; fi; args+=("$a"); done
  "${args[@]}" --port "$port" & local pid=$!
  local ok=1
  for _ in $(seq 1 120); do
    if python -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:$port/', timeout=5)" 2>/dev/null
    then ok=0; break; fi
    kill -0 $pid 2>/dev/null || break
    sleep 0.5
  done
  kill $pid 2>/dev/null; wait $pid 2>/dev/null
  return $ok
}
free_port() { python -c "import socket; s=socket.socket(); s.bind(('127.0.0.1',0)); print(s.getsockname()[1])"; }
"""


def blocks() -> list[tuple[str, int, str, str]]:
    """(file, line, tag, body) of every fenced block in the docs, in document order."""
    found = []
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        for m in FENCE.finditer(text):
            found.append((str(doc.relative_to(REPO)), text.count("\n", 0, m.start()) + 1, m.group(1), m.group(2)))
    return found


def commands(body: str) -> list[str]:
    """The commands of a shell block: comments dropped, continued lines joined."""
    out, pending = [], ""
    for raw in body.splitlines():
        line = re.sub(r"\s+#\s.*$", "", raw).strip()
        if line.startswith("#") or not line:
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        out.append(pending + line)
        pending = ""
    return out


def exception(cmd: str) -> str | None:
    return next((why for pattern, why in EXCEPTIONS.items() if re.search(pattern, cmd)), None)


def small(cmd: str) -> str:
    for pattern, repl in REWRITES:
        cmd = pattern.sub(repl, cmd)
    return re.sub(r"^((?:\S+=\S+\s+)*)(\S*accord serve\b)", r"\1serve_check \2", cmd)


COMMAND_BLOCKS = [b for b in blocks() if b[2] in COMMAND_TAGS]


def test_every_fenced_block_says_what_it_is():
    untagged = [f"{f}:{line}" for f, line, tag, _ in blocks() if not tag]
    assert not untagged, f"fenced blocks without a tag (sh for commands, text for output): {untagged}"
    assert len(COMMAND_BLOCKS) >= 6 and sum(len(commands(b[3])) for b in COMMAND_BLOCKS) >= 30


def test_every_exception_is_used():
    cmds = [c for b in COMMAND_BLOCKS for c in commands(b[3])]
    unused = [p for p in EXCEPTIONS if not any(re.search(p, c) for c in cmds)]
    assert not unused, f"exceptions no documented command needs any more: {unused}"


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Path:
    """A fresh clone after `make demo`, without the install: this interpreter stands in for .venv."""
    root = tmp_path_factory.mktemp("clone")
    for name in ("src", "samples", "eval"):
        (root / name).symlink_to(REPO / name)
    shutil.copytree(REPO / "scripts", root / "scripts")  # its ROOT is the clone: ../shared is absent here
    for name in ("Makefile", "pyproject.toml", "README.md"):
        shutil.copy(REPO / name, root / name)
    shutil.copytree(REPO / "requirements", root / "requirements")
    shutil.copytree(REPO / "docs", root / "docs")
    bin_ = root / ".venv" / "bin"
    bin_.mkdir(parents=True)
    env_line = f'export PYTHONPATH="{REPO / "src"}${{PYTHONPATH:+:$PYTHONPATH}}"\n'
    for name, body in (("python", f'exec "{sys.executable}" "$@"'), ("accord", f'exec "{sys.executable}" -m accord.cli "$@"'),
                       ("pip", "echo 'pip: not in the test sandbox' >&2; exit 1")):
        (bin_ / name).write_text(f"#!/bin/sh\n{env_line}{body}\n")
        (bin_ / name).chmod((bin_ / name).stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    (bin_ / "python3").symlink_to("python")
    (bin_ / "activate").write_text(f'export VIRTUAL_ENV="{root / ".venv"}"\nexport PATH="{bin_}:$PATH"\n')
    for stamp in (".installed", ".installed-test"):  # the Makefile's install steps are done
        (root / ".venv" / stamp).touch()
    return root


def _env(clone: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = f"{clone / '.venv' / 'bin'}:{env.get('PATH', '')}"  # `accord` and `python` as after activate
    env["PYTHONPATH"] = f"{REPO / 'src'}" + (f":{env['PYTHONPATH']}" if env.get("PYTHONPATH") else "")
    env.pop("VIRTUAL_ENV", None)
    return env


@pytest.mark.parametrize("doc,line,tag,body", COMMAND_BLOCKS, ids=[f"{b[0]}:{b[1]}" for b in COMMAND_BLOCKS])
def test_documented_commands_run(clone, doc, line, tag, body):
    script = [PREAMBLE]
    ran = []
    for cmd in commands(body):
        if exception(cmd):
            continue
        run = small(cmd)
        ran.append(run)
        quoted = run.replace("'", "'\\''")
        script.append(f"echo '+ {quoted}' >&2\n{run}\nrc=$?; if [ $rc != 0 ]; then echo \"FAILED (exit $rc): {quoted.replace(chr(34), '')}\" >&2; exit $rc; fi")
    if not ran:
        pytest.skip("every command of this block is a documented exception")
    res = subprocess.run(["bash", "-c", "\n".join(script)], cwd=clone, env=_env(clone), capture_output=True,
                         text=True, timeout=900)
    assert res.returncode == 0, f"{doc}:{line}\n{res.stderr[-4000:]}"
    assert "Traceback" not in res.stderr, res.stderr[-4000:]

