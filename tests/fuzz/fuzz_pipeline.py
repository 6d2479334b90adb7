"""atheris (libFuzzer) harness for the whole pipeline: fuzzed text (any Unicode the bytes decode
to, mixed into real news sentences) must give a record that validates against the output
contract with exact offsets, or an AccordError naming the input.

Not part of the test suite; slow per run (the models run on every input). Run it by hand:

    pip install atheris
    python tests/fuzz/fuzz_pipeline.py -runs=500 -max_len=2000
"""
from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path[:0] = [str(Path(__file__).resolve().parents[1])]  # tests/: the contract checks

with atheris.instrument_imports(include=["accord"]):
    import importlib

    from accord.doc import Article
    from accord.errors import AccordError
    from accord.pipeline import STAGES, process, warm_up

    for _name in STAGES:  # stages load lazily: import them here so their code is instrumented
        importlib.import_module(f"accord.stages.{_name}")

from robustness.support import contract_problems, sample_texts  # noqa: E402

SENTENCES = [t[:600] for _, t in sample_texts()]


def one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    base = SENTENCES[fdp.ConsumeIntInRange(0, len(SENTENCES) - 1)]
    cut = fdp.ConsumeIntInRange(0, len(base))
    text = base[:cut] + fdp.ConsumeUnicodeNoSurrogates(fdp.ConsumeIntInRange(0, 400)) + base[cut:]
    article = Article(text=text, source="fuzz.txt")
    try:
        process(article)
    except AccordError as err:
        assert "fuzz.txt" in str(err) and err.reason
        return
    assert article.text == text
    problems = contract_problems(article.to_record())
    assert not problems, problems[:5]


if __name__ == "__main__":
    warm_up()
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
