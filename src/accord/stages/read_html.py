"""HTML pages to Articles: the main text and metadata (title, date, site name) with trafilatura.

Why a fallback for deep pages: libxml2, under lxml and trafilatura, stops building the tree at
256 levels of nesting ("Excessive depth in document"), and everything from there to the end of
the page was lost without a word: a page with its article inside 300 nested <div>s lost the
article, or gave "no extractable article text". Such a page is first flattened (accord's own
pass with Python's event parser, which has no depth limit): the first MAX_DEPTH levels are kept
as they are, and below them the text is kept, one paragraph per block element, without the
tags. Pages within the limit (almost all) are read exactly as before.
"""
from __future__ import annotations

import html as htmlmod
from html.parser import HTMLParser

from ..doc import Article
from ..errors import ReadError

LIBXML_MAX_DEPTH = 255  # lxml's HTML parser without XML_PARSE_HUGE
MAX_DEPTH = 200  # levels of markup kept when a page is flattened
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
BLOCK = frozenset("address article aside blockquote br center dd details div dl dt figcaption figure footer form "
                  "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead "
                  "tr ul".split())
RAW = frozenset(("script", "style", "noscript", "template", "textarea", "title"))


def from_html(html: str, source: str) -> Article:
    """Main text and metadata (title, date, site name) with trafilatura."""
    import trafilatura

    if too_deep(html):
        html = flatten(html)
    try:
        extracted = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, output_format="python",
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # lxml and trafilatura raise many kinds on hostile markup
        raise ReadError(source, f"HTML could not be parsed: {type(exc).__name__}: {exc}") from exc
    data = {}
    if extracted is not None:
        data = extracted if isinstance(extracted, dict) else extracted.as_dict()
    body = (data.get("text") or "").strip()
    if not body:
        try:
            body = (trafilatura.html2txt(html) or "").strip()
        except Exception:
            body = ""
    if not body:
        raise ReadError(source, "HTML holds no extractable article text")
    title = (data.get("title") or "").strip()
    text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    meta = {k: data.get(k) for k in ("title", "date", "sitename", "url", "author") if data.get(k)}
    # the text is an extractor's article: cleaning only gives a second opinion on it
    meta["extractor"] = "trafilatura" if data.get("text") else "html2txt"
    if data.get("text"):
        meta["extractor_precise"] = precise_text(html)
    return Article(text=text, source=source, meta=meta, url=data.get("url"))


def precise_text(html: str) -> str | None:
    """trafilatura's article again with `favor_precision` (its stricter pass: fewer link lists,
    teasers and widgets, at times too few lines). Cleaning drops a line of the article that this
    pass left out only when accord's line model agrees (`boilerplate.apply_model`); alone,
    neither is as good on the web benchmark cross-validated by site (src/accord/clean/README.md).
    None when the pass fails: then no line goes on its word."""
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(html, favor_precision=True, include_comments=False,
                                                with_metadata=False, output_format="python")
    except Exception:  # noqa: BLE001 - the default pass read it; this one is only a hint
        return None
    if extracted is None:
        return ""
    data = extracted if isinstance(extracted, dict) else extracted.as_dict()
    return data.get("text") or ""


def too_deep(html: str) -> bool:
    """Whether libxml2 would stop at its depth limit on this page (and drop the rest of it)."""
    if html.count("<") <= LIBXML_MAX_DEPTH:  # cannot nest that deep: no second parse
        return False
    try:
        import lxml.etree as etree

        parser = etree.HTMLParser(recover=True, no_network=True)
        etree.fromstring(html.encode("utf-8", "surrogatepass"), parser)
    except Exception:  # noqa: BLE001 - not parseable at all: trafilatura will say so
        return False
    return any("Excessive depth" in e.message for e in parser.error_log)


class _Flatten(HTMLParser):
    """Re-writes a page with at most `max_depth` levels of elements; below, text only."""

    def __init__(self, max_depth: int) -> None:
        super().__init__(convert_charrefs=True)
        self.max_depth = max_depth
        self.out: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # (tag, written out)
        self.written = 0  # elements open and written out
        self.pending: list[str] = []  # text below the depth limit, since the last block boundary

    def flush(self) -> None:
        text = "".join(self.pending)
        self.pending = []
        if text.strip():
            self.out.append(f"<p>{htmlmod.escape(text, quote=False)}</p>")

    @staticmethod
    def _tag(tag: str, attrs, close: str = "") -> str:
        a = "".join(f' {k}="{htmlmod.escape(v, quote=True)}"' if v is not None else f" {k}" for k, v in attrs)
        return f"<{tag}{a}{close}>"

    def handle_starttag(self, tag, attrs):
        deep = self.written >= self.max_depth
        if deep and tag in BLOCK:
            self.flush()
        if tag in VOID:
            if not deep:
                self.out.append(self._tag(tag, attrs))
            return
        self.stack.append((tag, not deep))
        if not deep:
            self.written += 1
            self.out.append(self._tag(tag, attrs))

    def handle_startendtag(self, tag, attrs):
        if self.written < self.max_depth:
            self.out.append(self._tag(tag, attrs, " /"))
        elif tag in BLOCK:
            self.flush()

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):  # close up to the matching open element, if any
            if self.stack[i][0] == tag:
                if tag in BLOCK or any(w for _, w in self.stack[i:]):
                    self.flush()
                for t, written in reversed(self.stack[i:]):
                    if written:
                        self.out.append(f"</{t}>")
                        self.written -= 1
                del self.stack[i:]
                return

    def handle_data(self, data):
        raw = bool(self.stack) and self.stack[-1][0] in RAW
        if self.written >= self.max_depth:
            if not raw:  # a script's code below the limit is not text
                self.pending.append(data)
        else:
            self.out.append(data if raw and self.stack[-1][0] in ("script", "style") else htmlmod.escape(data, quote=False))

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")


def flatten(html: str, max_depth: int = MAX_DEPTH) -> str:
    """The page with at most `max_depth` nested elements: deeper markup is dropped, its text kept
    (one <p> per block element), so a tree-building parser with a depth limit loses nothing."""
    p = _Flatten(max_depth)
    p.feed(html)
    p.close()
    p.flush()
    for tag, written in reversed(p.stack):
        if written:
            p.out.append(f"</{tag}>")
    return "".join(p.out)
