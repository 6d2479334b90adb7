"""atheris (libFuzzer) harness for the readers: coverage-guided bytes into every input kind.

Not part of the test suite (atheris needs a native wheel). Run it by hand:

    pip install atheris
    python tests/fuzz/fuzz_read.py -runs=20000 -max_len=4096 [corpus_dir]

Invariant: every input gives Articles with non-blank text or AccordErrors that name the input
(and, for JSON Lines, the line); nothing else is ever raised.
"""
from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["accord"]):
    from accord.doc import Article
    from accord.errors import AccordError
    from accord.stages.read import read_bytes

SUFFIXES = (".txt", ".html", ".jsonl")


def one_input(data: bytes) -> None:
    if not data:
        return
    suffix = SUFFIXES[data[0] % len(SUFFIXES)]
    source = "fuzz" + suffix
    for item in read_bytes(data[1:], source, suffix, max_bytes=50_000):
        if isinstance(item, AccordError):
            assert source in str(item) and item.reason, repr(item)
        else:
            assert isinstance(item, Article) and item.text.strip(), repr(item)
            assert item.source.startswith(source)


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
