"""Training data for the cleaning line classifier (accord.clean.model), from ../shared/data.

Why this data: a line classifier fitted to the pages its rules were written on does not
generalise; the web-article-extraction benchmark (181 real news pages of 126 sites, MIT) gives
the gold article body of real pages, and news/dev + news/dev2 give real scraped plain text in
our languages with gold boilerplate strings, titles, outlets and quotes.

* Web pages are rendered to plain text the ways scrapers do (`RENDERERS`): trafilatura's
  `baseline` (paragraph-ish text), a block renderer (a line per block element, inline text
  joined: how html-text and inscriptis render) and a node renderer (every text node on its own
  line: BeautifulSoup's `get_text("\\n", strip=True)`). A line is `body` when most of its
  4-gram shingles (short lines: its whole token run) occur in the gold body, `title` when it
  is the page's headline (og:title, h1 or <title> less its site suffix) just before the body,
  else `boilerplate`.
* News articles: a line holding a gold boilerplate string is `boilerplate`; the gold title's
  line is `title`; a line holding a quote start, or a prose line (>= 12 words, closed by
  punctuation) after the title, is `body`; other lines carry no label (weight 0).

Labels: 0 body, 1 boilerplate, 2 title. `group` is the site (web) or the outlet file (news),
for k-fold cross-validation by site.
"""
from __future__ import annotations

import gzip
import json
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
if not SHARED.exists():
    SHARED = Path("/work/shared/data")
WEB = SHARED / "web-article-extraction"
BODY, BOILERPLATE, TITLE = 0, 1, 2
_PARSER = None
_TOKEN_RE = re.compile(r"\w+")
_DROP = ("script", "style", "noscript", "template", "svg", "head", "iframe", "object", "canvas")
_BLOCKS = frozenset(
    "address article aside blockquote br dd details dialog div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul "
    "option select button label caption title".split())


def _parse(html: str):
    """The page (already text) parsed as UTF-8: given bytes without a charset, lxml reads
    Latin-1, which turned 7 sites' Cyrillic, Korean and Portuguese into mojibake (9 pages a
    rendering; a scraper decodes the page before rendering it)."""
    import lxml.html
    global _PARSER
    _PARSER = _PARSER or lxml.html.HTMLParser(encoding="utf-8")
    return lxml.html.fromstring(html.encode("utf-8", "replace"), parser=_PARSER)


def _tree(html: str):
    try:
        root = _parse(html)
    except Exception:
        return None
    for el in root.iter(*_DROP):
        el.drop_tree() if el.getparent() is not None else None
    return root


def render_baseline(html: str) -> str:
    """trafilatura's `baseline`: the article-ish paragraphs it finds, one per line."""
    import trafilatura
    try:
        _, text, _ = trafilatura.baseline(html)
    except Exception:
        return ""
    return text or ""


def render_blocks(html: str) -> str:
    """A line per block element, inline text joined (html-text / inscriptis style)."""
    root = _tree(html)
    if root is None:
        return ""
    parts: list[str] = []

    def walk(el):
        tag = el.tag if isinstance(el.tag, str) else ""
        block = tag in _BLOCKS
        if block:
            parts.append("\n")
        if el.text and tag:
            parts.append(el.text)
        for child in el:
            walk(child)
        if block:
            parts.append("\n")
        if el.tail:
            parts.append(el.tail)
    walk(root)
    lines = (" ".join(ln.split()) for ln in "".join(parts).split("\n"))
    return "\n".join(ln for ln in lines if ln)


def render_nodes(html: str) -> str:
    """Every text node on its own line (BeautifulSoup `get_text("\\n", strip=True)`)."""
    root = _tree(html)
    if root is None:
        return ""
    out = []
    for t in root.itertext():
        t = " ".join(t.split())
        if t:
            out.append(t)
    return "\n".join(out)


RENDERERS: dict[str, Callable[[str], str]] = {"baseline": render_baseline, "blocks": render_blocks, "nodes": render_nodes}


def _headline(html: str) -> list[str]:
    """The page's headline candidates: og:title, the first h1, <title> less its site suffix."""
    try:
        root = _parse(html)
    except Exception:
        return []
    out = []
    for xp in ('//meta[@property="og:title"]/@content', '//meta[@name="twitter:title"]/@content', "//h1", "//title"):
        for v in root.xpath(xp)[:1]:
            text = v if isinstance(v, str) else v.text_content()
            text = " ".join(text.split())
            if text:
                out.append(text)
                out.append(re.split(r"\s+[|–—-]\s+|\s+::\s+", text)[0])
    return [t for t in dict.fromkeys(out) if len(_TOKEN_RE.findall(t)) >= 2]


def load_pages(limit: int | None = None) -> list[dict]:
    gt = json.loads((WEB / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for i, (sha, rec) in enumerate(sorted(gt.items())):
        if limit and i >= limit:
            break
        raw = gzip.open(WEB / "html" / f"{sha}.html.gz").read()
        html = raw.decode("utf-8", "replace")
        site = urlparse(rec.get("url", "")).netloc.removeprefix("www.")
        pages.append({"id": sha, "html": html, "body": rec.get("articleBody", ""), "site": site})
    return pages


def _tokens(text: str) -> list[str]:
    return _TOKEN_RE.findall(text.casefold())


def label_web_lines(lines: list[str], gold: str, headlines: list[str]) -> list[int]:
    gold_tokens = _tokens(gold)
    gold_joined = " " + " ".join(gold_tokens) + " "
    gold_sh = {tuple(gold_tokens[i:i + 4]) for i in range(max(1, len(gold_tokens) - 3))}
    labels = []
    for ln in lines:
        tok = _tokens(ln)
        if not tok:
            labels.append(BOILERPLATE)
            continue
        if len(tok) >= 6:
            sh = [tuple(tok[i:i + 4]) for i in range(len(tok) - 3)]
            share = sum(s in gold_sh for s in sh) / len(sh)
            labels.append(BODY if share >= 0.5 else BOILERPLATE)
        else:
            labels.append(BODY if (" " + " ".join(tok) + " ") in gold_joined and len(tok) >= 3 else BOILERPLATE)
    # short lines in the gold body only count inside the body region (not a menu word elsewhere)
    body_idx = [i for i, lab in enumerate(labels) if lab == BODY and len(_tokens(lines[i])) >= 6]
    if body_idx:
        lo, hi = body_idx[0], body_idx[-1]
        for i, lab in enumerate(labels):
            if lab == BODY and not lo <= i <= hi:
                labels[i] = BOILERPLATE
        heads = {" ".join(_tokens(h)) for h in headlines}
        for i in range(lo - 1, max(-1, lo - 15), -1):
            if " ".join(_tokens(lines[i])) in heads:
                labels[i] = TITLE
                break
    return labels


def web_examples(limit: int | None = None):
    """(page id, site, renderer, text, gold body, headlines) for every page and renderer."""
    for page in load_pages(limit):
        heads = _headline(page["html"])
        for rname, render in RENDERERS.items():
            text = render(page["html"])
            if not text.strip():
                continue
            yield page["id"], page["site"], rname, text, page["body"], heads


def news_docs():
    """(group, path, gold doc) for news/dev and news/dev2."""
    for s in ("dev", "dev2"):
        gold_path = SHARED / "news" / s / "gold.json"
        if not gold_path.exists():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        for name, g in gold["docs"].items():
            yield f"{s}/{name}", gold_path.parent / name, g
