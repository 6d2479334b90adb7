"""The title (`Article.title`) and where the text has it (`title_span`).

The metadata title wins (a JSON Lines `title`, trafilatura's from HTML), whitespace-normalised,
with its span where it occurs in the first 5,000 characters. Without one, the first kept line is
the title when it looks like a headline, more kept lines follow and no stamp was cut from it.
The title stays inside the body: it is article text.
"""
from __future__ import annotations

import re

from ..doc import Article, Span
from .lines import Line, headline_like


def decide(doc: Article, kept: list[Line]) -> None:
    """Set `doc.title` and `doc.title_span` (left unset when nothing qualifies)."""
    meta_title = doc.meta.get("title")
    if isinstance(meta_title, str) and meta_title.strip():
        doc.title = " ".join(meta_title.split())
        pat = r"\s+".join(re.escape(w) for w in doc.title.split())
        m = re.search(pat, doc.text[:5000])
        doc.title_span = Span(start=m.start(), end=m.end()) if m else None
        return
    if not kept:
        return
    first = kept[0]
    if len(kept) > 1 and headline_like(first) and not first.extra.get("cut"):
        doc.title = first.text
        doc.title_span = Span(start=first.start, end=first.end)
