"""Stage 'dates': every date expression in the body, normalised, keeping its precision.

The grammar, the search and the resolution live in `accord.dates`; this stage runs
`find_dates` over each body span in the article's language, with the publication date
(decided by cleaning, `accord.clean.published`) as the anchor of relative dates ("вчера",
"on Wednesday", "2 июня"); without one, a date the text states for itself (a wire dateline, a
caption date the body's weekday confirms: `accord.dates.anchor`). Other stages read the result with `dates_in(doc, start, end)`.
"""
from __future__ import annotations

from ..dates import find_dates
from ..dates.anchor import relative_anchor
from ..doc import Article, DateMention
from ..pipeline.registry import Component

COMPONENT = Component("dates", requires=("text", "body", "lang", "published"), assigns=("dates", "meta.date_anchor"))


@COMPONENT.runs
def run(doc: Article) -> None:
    doc.dates = []
    anchor = relative_anchor(doc)
    if anchor and not doc.published:  # the text's own day: events/date.py keeps acts from postdating it
        doc.meta["date_anchor"] = anchor
    for span in doc.body:
        doc.dates.extend(find_dates(doc.text[span.start:span.end], doc.lang, anchor, offset=span.start))


def dates_in(doc: Article, start: int, end: int) -> list[DateMention]:
    """The document's date mentions lying inside [start, end) (a sentence, a paragraph)."""
    return [d for d in doc.dates if start <= d.start and d.end <= end]
