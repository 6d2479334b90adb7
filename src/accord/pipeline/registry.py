"""Components and the pipeline they form: which Article fields each stage reads and writes.

Why: with stages loaded by name and their REQUIRES/ASSIGNS never read, nothing told a reader (or a
tool) where a field comes from, and the declarations had drifted from the code. Here a stage is
a `Component` object holding its name, the fields it requires, the fields it assigns and the
function that runs it; a `Pipeline` is built from an ordered list of them and refuses, when it
is built, a chain in which a component requires a field that neither the reader nor an earlier
component assigns. `Pipeline.assigns` is the field -> component map (`field_map` prints it;
`python -m accord.pipeline --fields`).

Field names. A plain name is an `Article` attribute ("body", "mentions"): the component sets
it. A dotted name is a part of one ("mentions.entity": the attribute of every mention;
"analysis.ner": the named part of the transient analysis): the component fills or changes that
part in place. A requirement is met only by the same name: "mentions.entity" needs the component
that links mentions, not the one that found them. Names are checked against the document model
(`accord.doc`), so a typo fails at build time too.

A stage module declares itself at its top and marks its entry point:

    COMPONENT = Component("dates", requires=("text", "body", "lang", "published"), assigns=("dates",))

    @COMPONENT.runs
    def run(doc: Article) -> None: ...

`run` stays a plain module function (tests call `dates.run(doc)`); `COMPONENT.run` is the same.
"""
from __future__ import annotations

import typing
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..doc import Article

# Set when the Article is made, by the reader (accord.stages.read) or the caller; never by a stage.
READER_FIELDS: tuple[str, ...] = ("text", "source", "doc_id", "meta", "url")
READER = "read"
READER_MODULE = "accord.stages.read"


class ContractError(ValueError):
    """A component's declaration or a pipeline's chain is inconsistent (a programming error)."""


@lru_cache(maxsize=None)
def _parts(field: str) -> frozenset[str] | None:
    """The attribute names a dotted name may use under `field` (items of a list of structs, or a
    struct), or None where the field's type does not say (Any: the analysis)."""
    hint = typing.get_type_hints(Article)[field]
    for candidate in (hint, *typing.get_args(hint)):
        fields = getattr(candidate, "__struct_fields__", None)
        if fields is not None:
            return frozenset(fields)
    return None


def check_field(name: str, owner: str = "?") -> None:
    """Raise ContractError unless `name` is an Article field or a part of one."""
    top, _, part = name.partition(".")
    if top not in Article.__struct_fields__:
        raise ContractError(f"component {owner!r}: {name!r} is not a field of Article")
    if part:
        allowed = _parts(top)
        if allowed is not None and part.split(".")[0] not in allowed:
            raise ContractError(f"component {owner!r}: {name!r}: {top} has no part {part!r} "
                                f"(it has {', '.join(sorted(allowed))})")


@dataclass(eq=False)
class Component:
    """One stage: what it requires and assigns, and the function that runs it on an Article."""

    name: str
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    run: Callable[[Article], None] | None = None

    def __post_init__(self) -> None:
        self.requires, self.assigns = tuple(self.requires), tuple(self.assigns)
        for field in self.requires + self.assigns:
            check_field(field, self.name)

    def runs(self, fn: Callable[[Article], None]) -> Callable[[Article], None]:
        """Decorator for the stage's entry point; returns it unchanged."""
        if self.run is not None and self.run is not fn:
            raise ContractError(f"component {self.name!r} already runs {self.run.__qualname__}")
        self.run = fn
        return fn

    @property
    def module(self) -> str:
        return self.run.__module__ if self.run is not None else "?"

    def __call__(self, doc: Article) -> None:
        self.run(doc)  # type: ignore[misc]

    def __repr__(self) -> str:
        return f"Component({self.name!r}, requires={self.requires}, assigns={self.assigns}, module={self.module!r})"


class Pipeline:
    """An ordered, checked chain of components. Built once; look components up by name."""

    def __init__(self, components: Iterable[Component], inputs: Iterable[str] = READER_FIELDS) -> None:
        self.components: tuple[Component, ...] = tuple(components)
        self.inputs: tuple[str, ...] = tuple(inputs)
        self._by_name: dict[str, Component] = {}
        for c in self.components:
            if c.name in self._by_name:
                raise ContractError(f"two components are named {c.name!r}")
            if c.run is None:
                raise ContractError(f"component {c.name!r} has no function to run (@COMPONENT.runs)")
            self._by_name[c.name] = c
        self.check()

    def check(self) -> None:
        """Every required field is an input or assigned by an earlier component."""
        available = dict.fromkeys(self.inputs, READER)
        for c in self.components:
            missing = [f for f in c.requires if f not in available]
            if missing:
                later = {f: d.name for d in self.components for f in d.assigns if f in missing}
                detail = "; ".join(f"{f!r} (assigned later by {later[f]!r})" if f in later else f"{f!r} (assigned by nothing)"
                                   for f in missing)
                raise ContractError(f"component {c.name!r} ({c.module}) requires {detail}; "
                                    f"the reader sets {', '.join(self.inputs)}; before it: "
                                    f"{' -> '.join(d.name for d in self.components[:self.components.index(c)]) or 'nothing'}")
            available.update(dict.fromkeys(c.assigns, c.name))

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.components)

    def __getitem__(self, name: str) -> Component:
        try:
            return self._by_name[name]
        except KeyError:
            raise ContractError(f"no component named {name!r}; the pipeline has {', '.join(self.names)}") from None

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    def __iter__(self) -> Iterator[Component]:
        return iter(self.components)

    def __len__(self) -> int:
        return len(self.components)

    def select(self, stages: Iterable[str | Component]) -> tuple[Component, ...]:
        """The named components (a Component passes as it is), in the order given. Not checked
        as a chain: a caller running some stages sets what the others would have (tests do)."""
        return tuple(s if isinstance(s, Component) else self[s] for s in stages)

    @property
    def assigns(self) -> dict[str, list[str]]:
        """field -> the names of what assigns it, in pipeline order (READER for the inputs)."""
        out: dict[str, list[str]] = {f: [READER] for f in self.inputs}
        for c in self.components:
            for f in c.assigns:
                out.setdefault(f, []).append(c.name)
        return out

    @property
    def requires(self) -> dict[str, list[str]]:
        """field -> the names of the components that read it."""
        out: dict[str, list[str]] = {}
        for c in self.components:
            for f in c.requires:
                out.setdefault(f, []).append(c.name)
        return out

    def module_of(self, name: str) -> str:
        return READER_MODULE if name == READER else self[name].module

    def field_map(self) -> str:
        """The field -> component -> module table, in the order fields are first assigned."""
        readers = self.requires
        rows = [("field", "assigned by", "module", "required by")]
        for f, by in self.assigns.items():
            rows.append((f, ", ".join(by), ", ".join(dict.fromkeys(self.module_of(n) for n in by)),
                         ", ".join(readers.get(f, [])) or "-"))
        widths = [max(len(r[i]) for r in rows) for i in range(3)]
        return "\n".join(f"{r[0]:<{widths[0]}}  {r[1]:<{widths[1]}}  {r[2]:<{widths[2]}}  {r[3]}".rstrip() for r in rows)


__all__ = ["READER", "READER_FIELDS", "Component", "ContractError", "Pipeline", "check_field"]
