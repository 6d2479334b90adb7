"""Separate the article from scraping noise; find title, outlet and publication date.

First version: every non-empty line is body; the first line is the title.
"""
from __future__ import annotations

import re

from ..doc import Article, Span

REQUIRES = ("text",)
ASSIGNS = ("body", "title", "outlet", "published")


def run(doc: Article) -> None:
    doc.body = [Span(start=m.start(), end=m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", doc.text)]
    if doc.body and doc.title is None:
        first = doc.body[0]
        doc.title = doc.text[first.start:first.end].strip()
    doc.title = doc.meta.get("title", doc.title)
    doc.outlet = doc.meta.get("outlet") or doc.meta.get("sitename")
    published = doc.meta.get("published") or doc.meta.get("date")
    if published and re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", published[:10]):
        doc.published = published[:10]
