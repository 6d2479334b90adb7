"""The title (`Article.title`) and where the text has it (`title_span`).

The metadata title wins (a JSON Lines `title`, trafilatura's from HTML), whitespace-normalised,
with its span where it occurs in the first 5,000 characters. Without one, the learned line model
(`accord.clean.model`) chooses: of the kept lines before the first prose paragraph, the one it
gives the highest title probability, when that is at least `TITLE_MIN`; a site slogan, section
label, settings menu or comment prompt has the shape of a headline but not its place and
neighbours, which the model reads. Without a model, the first kept line is the title when it
looks like a headline, more kept lines follow and no stamp was cut from it. The title stays
inside the body: it is article text.
"""
from __future__ import annotations

import re

from ..doc import Article, Span
from . import model
from .lines import LONG_PARAGRAPH, Line, title_shaped

TITLE_MIN = 0.3  # the least title probability a line needs to be the title


FIRST_BONUS = 0.3  # the first kept line, headline-shaped, is the title unless another is clearly likelier


def _learned(kept: list[Line]) -> Line | None:
    best, best_p = None, TITLE_MIN
    for i, line in enumerate(kept[:40]):
        p = line.extra.get("p")
        if p is None:
            return None
        score = p[model.TITLE] + (FIRST_BONUS if i == 0 and title_shaped(line) else 0.0)
        # a headline opens with a capital or a digit: a fragment going on in lower case is none
        opens_lower = next((c for c in line.text if c.isalnum()), "").islower()
        if line.words >= 2 and len(line.text) <= 300 and not line.extra.get("cut") and not opens_lower and score >= best_p:
            best, best_p = line, score
        if line.end - line.start >= LONG_PARAGRAPH and line.text[-1] in ".!?…\"»”":
            break
    return best


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
    if kept[0].extra.get("p") is not None:
        line = _learned(kept)
        if line is not None and len(kept) > 1:
            doc.title = line.text
            doc.title_span = Span(start=line.start, end=line.end)
        return
    first = kept[0]
    if len(kept) > 1 and title_shaped(first) and not first.extra.get("cut"):
        doc.title = first.text
        doc.title_span = Span(start=first.start, end=first.end)
