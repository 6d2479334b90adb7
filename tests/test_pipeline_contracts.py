"""The pipeline's contracts: each component's requires/assigns are true and the chain is whole.

Why: a declaration nobody checks drifts (linking set `mention.country` undeclared, parse's NER
model pass was invisible). The chain is checked when the pipeline is built (a made-up component
shows the check is real), every output field has one owner, and each stage module's own source
may write and read only the Article fields it declares (an AST check: what the stage calls in
other packages is the declaration's business, checked by review).
"""
from __future__ import annotations

import ast
import importlib
import inspect
import subprocess
import sys

import pytest

from accord.doc import Article
from accord.pipeline import (
    READER,
    READER_FIELDS,
    STAGES,
    Component,
    ContractError,
    Pipeline,
    components,
    default_pipeline,
    field_map,
    process,
)

# Article methods that read a field
METHOD_READS = {"in_body": "body", "entity": "entities", "sentence_at": "sentences"}
MUTATORS = {"append", "extend", "insert", "update", "clear", "pop", "remove", "sort", "setdefault"}


def _noop(doc: Article) -> None:
    pass


def test_default_chain_is_consistent_and_named_by_stages():
    pipe = default_pipeline()
    assert pipe.names == STAGES
    pipe.check()  # built means checked; checking again changes nothing
    for c in pipe:
        module = importlib.import_module(f"accord.stages.{c.name}")
        assert module.COMPONENT is c and c.run is module.run and c.module == module.__name__
        assert not hasattr(module, "REQUIRES") and not hasattr(module, "ASSIGNS")


def test_building_fails_when_a_component_requires_what_nobody_assigned():
    pipe = default_pipeline()
    stray = Component("stray", requires=("text", "mentions.country"), assigns=("title",), run=_noop)
    with pytest.raises(ContractError, match=r"'stray'.*'mentions.country' \(assigned by nothing\)"):
        Pipeline([pipe["clean"], stray])
    with pytest.raises(ContractError, match=r"'mentions.country' \(assigned later by 'linking'\)"):
        Pipeline([pipe["clean"], stray, *pipe.select(("language", "sentences", "entities", "linking"))])
    Pipeline([*pipe.select(("clean", "language", "sentences", "parse", "entities", "linking")), stray])  # in place: fine


def test_declarations_are_checked_against_the_document_model():
    with pytest.raises(ContractError, match="not a field of Article"):
        Component("typo", requires=("mention",))
    with pytest.raises(ContractError, match="mentions has no part 'countries'"):
        Component("typo", assigns=("mentions.countries",))
    with pytest.raises(ContractError, match="two components"):
        Pipeline([Component("a", run=_noop), Component("a", run=_noop)])
    with pytest.raises(ContractError, match="no function to run"):
        Pipeline([Component("idle")])


def test_every_record_field_has_exactly_one_owner():
    owners = default_pipeline().assigns
    record = Article(text="x", source="s", url="https://example.org/a", supported=False).to_record()
    assert "url" in record and "supported" in record  # the optional keys too
    for key in record:
        assert len(owners.get(key, [])) == 1, (key, owners.get(key))
    assert {k for k in record if owners[k] == [READER]} == {"doc_id", "source", "text", "url"}
    assert set(READER_FIELDS) <= set(Article.__struct_fields__)


def test_field_map_prints():
    text = field_map()
    lines = text.splitlines()
    assert lines[0].split()[:3] == ["field", "assigned", "by"]
    assert any(line.split()[:3] == ["mentions.country", "linking", "accord.stages.linking"] for line in lines)
    assert any(line.split()[:3] == ["analysis.ner", "parse", "accord.stages.parse"] for line in lines)
    out = subprocess.run([sys.executable, "-m", "accord.pipeline", "--fields"], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == text


def test_stages_by_name_and_as_objects():
    with pytest.raises(ContractError, match="no component named 'cleen'"):
        components(("cleen",))
    assert components(("clean", "language")) == (default_pipeline()["clean"], default_pipeline()["language"])

    def shout(doc: Article) -> None:
        doc.title = (doc.title or "").upper()

    own = Component("shout", requires=("title",), assigns=("title",), run=shout)
    doc = process(Article(text="Ministers met\n\nThe ministers met in Belgrade on Monday and talked at length "
                          "about trade.", source="t", meta={"title": "Ministers met"}), ("clean", "language", own))
    assert doc.title == "MINISTERS MET" and doc.lang == "en" and set(doc.timings) == {"clean", "language", "shout"}


def _sources(module) -> list[str]:
    """The stage module's source and, where the stage's work lives in a package named after it
    (accord.clean for 'clean', accord.linking for 'linking', ...), every module of that package."""
    import pkgutil

    sources = [inspect.getsource(module)]
    name = module.__name__.rsplit(".", 1)[1]
    try:
        package = importlib.import_module(f"accord.{name}")
    except ImportError:
        return sources
    if hasattr(package, "__path__"):
        sources.append(inspect.getsource(package))
        for info in pkgutil.iter_modules(package.__path__):
            sources.append(inspect.getsource(importlib.import_module(f"{package.__name__}.{info.name}")))
    return sources


def _doc_fields(module) -> tuple[set[str], set[str]]:
    """(written, read) Article fields in the source of the stage and its package: `doc.X = ...`,
    `doc.X += ...`, `doc.X[...] = ...`, `doc.X.append(...)` write X; any other `doc.X` reads it
    (also `self.doc.X`)."""
    fields = set(Article.__struct_fields__)
    written: set[str] = set()
    read: set[str] = set()
    write_nodes: set[int] = set()

    def is_doc(node) -> bool:
        return (isinstance(node, ast.Name) and node.id == "doc") or (isinstance(node, ast.Attribute) and node.attr == "doc")

    tree = ast.Module(body=[n for src in _sources(module) for n in ast.parse(src).body], type_ignores=[])
    for node in ast.walk(tree):
        targets = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
            targets = [node.target]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in MUTATORS:
            targets = [node.func.value]
        flat = []
        while targets:
            t = targets.pop()
            if isinstance(t, (ast.Tuple, ast.List)):
                targets.extend(t.elts)
            elif isinstance(t, ast.Subscript):
                targets.append(t.value)
            else:
                flat.append(t)
        for t in flat:
            if isinstance(t, ast.Attribute) and is_doc(t.value) and t.attr in fields:
                written.add(t.attr)
                write_nodes.add(id(t))
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and is_doc(node.value) and id(node) not in write_nodes:
            if node.attr in fields:
                read.add(node.attr)
            elif node.attr in METHOD_READS:
                read.add(METHOD_READS[node.attr])
    return written, read


@pytest.mark.parametrize("name", STAGES)
def test_stage_source_writes_and_reads_only_what_it_declares(name):
    component = default_pipeline()[name]
    module = importlib.import_module(component.module)
    written, read = _doc_fields(module)
    declared = {f.split(".")[0] for f in component.assigns}
    assert written <= declared, f"{name} writes {sorted(written - declared)} without declaring them in assigns"
    plain = {f for f in component.assigns if "." not in f}
    assert plain <= written, f"{name} declares {sorted(plain - written)} but never writes them"
    known = {f.split(".")[0] for f in component.requires} | declared
    assert read <= known, f"{name} reads {sorted(read - known)} without declaring them in requires"
