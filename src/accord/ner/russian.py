"""Russian NER with natasha (slovnet NER + morphology), normal forms by natasha's normaliser.

Why natasha: it ships its weights, is trained on Russian news, and its normaliser turns
"Иваном Кубраковым" into "Иван Кубраков", which identity needs.
"""
from __future__ import annotations

from ..doc import Article, Mention
from ..models import natasha
from .spans import make


def recognise(doc: Article) -> list[Mention]:
    from natasha import Doc

    tools = natasha()
    out: list[Mention] = []
    for span in doc.body:
        chunk = doc.text[span.start:span.end]
        if not chunk.strip():
            continue
        nd = Doc(chunk)
        nd.segment(tools["segmenter"])
        nd.tag_morph(tools["morph"])
        nd.tag_ner(tools["ner"])
        for s in nd.spans:
            try:
                s.normalize(tools["morph_vocab"])
                normal = s.normal or s.text
            except Exception:  # the normaliser fails on rare token shapes; keep the surface form
                normal = s.text
            m = make(doc.text, span.start + s.start, span.start + s.stop, s.type, "natasha")
            if m is None:
                continue
            if m.text != s.text:
                normal = m.text if len(normal) != len(s.text) else normal[m.start - span.start - s.start:][:len(m.text)]
            m.normal = normal
            out.append(m)
    return out


def retype(m: Mention) -> str:
    return m.type
