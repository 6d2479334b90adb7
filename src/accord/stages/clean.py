"""Stage 'clean': separate the article from scraping noise; find title, outlet and publication date.

Why: scrapers hand us plain text with the page furniture still in it (share bars, photo
credits, "Читайте также" teasers, comment forms, captcha sums, stamps, breadcrumbs). Every later
stage reads only `Article.body`, so noise kept here becomes false entities, quotes and events.
trafilatura does nothing on plain text, so lines are classified by their own features, with every
family's lists (the stage runs before language detection). The cascade (`accord.clean`):

1. `boilerplate.classify`: each line of `Article.text` gets the rules' noise reason or None; credit
   lines name an outlet (`outlet.credit_line`), stamp lines state a date (`published.stamp_line`),
   a stamp opening a header line is cut off it (`published.stamp_prefix`); then the learned line
   model (`clean.model`, trained on real pages, rules as features) decides; on trafilatura's
   article from HTML it is only a second opinion (a line goes when the model is sure);
2. `boilerplate.kept_lines` -> `Article.body`: one span per kept line, less a cut stamp prefix;
3. `title.decide` -> `Article.title`, `title_span` (metadata, else the header line the model
   finds most title-like; it stays inside the body);
4. `outlet.decide` -> `Article.outlet` (metadata, else the best-placed credible candidate of
   credit, dateline, bracketed agency, byline, copyright and site-name positions, checked
   against the reviewed list of outlets; none where nothing credible stands);
5. `published.decide` -> `Article.published`, `published_span` (metadata, else a stamp the
   article states; a photo's copyright year or a year in the story never becomes one).
"""
from __future__ import annotations

from pathlib import Path

from ..clean import boilerplate, outlet, published, title
from ..clean.lexicon import lexicon
from ..clean.lines import Line
from ..doc import Article, Span
from ..pipeline.registry import Component
from .read import HTML_SUFFIXES

COMPONENT = Component("clean", requires=("text", "meta", "source"),
                      assigns=("body", "title", "title_span", "outlet", "published", "published_span"))


def _body_span(line: Line) -> Span:
    return Span(start=line.start + line.extra.get("cut", 0), end=line.end)


def _extracted(doc: Article) -> bool:
    """Whether the text is trafilatura's article from an HTML page (the reader's `from_html`):
    `meta["extractor"]` when the reader says which (its fallback, the whole page's text, is not
    an article: the model decides there as on plain text), else an HTML file's name."""
    extractor = doc.meta.get("extractor")
    if extractor is not None:
        return extractor == "trafilatura"
    return Path(doc.source).suffix.lower() in HTML_SUFFIXES


@COMPONENT.runs
def run(doc: Article) -> None:
    lines = boilerplate.classify(doc.text, extracted=_extracted(doc), precise=doc.meta.get("extractor_precise"))
    kept = boilerplate.kept_lines(lines)
    doc.body = [_body_span(ln) for ln in kept]
    title.decide(doc, kept)
    header = boilerplate.header(lines)
    doc.outlet = outlet.decide(doc, lines, kept, header, lexicon())
    published.decide(doc, lines, header)
