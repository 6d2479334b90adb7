"""Russian's packaged models run alone (natasha), for `accord bench`'s "the backends alone":
what the pipeline's throughput is compared with."""
from __future__ import annotations


def _natasha(text: str, syntax: bool) -> None:
    from natasha import Doc

    from ...models import natasha

    tools = natasha()
    doc = Doc(text)
    doc.segment(tools["segmenter"])
    doc.tag_morph(tools["morph"])
    if syntax:
        doc.parse_syntax(tools["syntax"])
    doc.tag_ner(tools["ner"])


def natasha_ner(text: str) -> None:
    _natasha(text, syntax=False)


def natasha_full(text: str) -> None:
    _natasha(text, syntax=True)


# backend name -> (run on one text, what it runs)
RUNS = {
    "natasha-ner": (natasha_ner, "natasha segment+morph+NER (what NER needs; no syntax)"),
    "natasha-full": (natasha_full, "natasha segment+morph+syntax+NER (its full standard pipeline)"),
}
# bench definition -> the backend that stands for this language in it
DEFINITIONS = {"ner-only": "natasha-ner", "full": "natasha-full"}
