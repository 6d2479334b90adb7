#!/usr/bin/env python3
"""The credited outlet on pages nobody tuned to: agreement with each web page's own site name.

Why: the news gold credits an outlet on a few dozen articles, all read while the outlet rules
were written; the 181 pages of ../shared/data/web-article-extraction come from many sites and
carry their site name in HTML (og:site_name, application-name, the <title> suffix, the URL's
host). Their plain-text renderings (`clean_training_data.RENDERERS`: trafilatura's baseline,
one line per block, one per text node) are cleaned as plain text would be, without the HTML
metadata, and the outlet accord credits is compared with those names.

  agree     the outlet matches one of the page's names (casefolded, accents, quotes, "the",
            spaces and a ".com"-like suffix dropped; one contains the other)
  precision of the pages given an outlet, the share that agree
  recall    of all pages, the share given an agreeing outlet
  by site   the same counted once a site (one site's many pages weigh as one)

An agency the page credits ("(Reuters)", "told Reuters") disagrees with the site here, though the
news gold (../shared/schema/gold.md: the outlet the article credits) counts it right: precision
here is a lower bound.

usage: PYTHONPATH=src python eval/outlet_web.py [--renderers blocks,nodes,baseline] [--show N]
"""
from __future__ import annotations

import argparse
import html as htmllib
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from accord.doc import Article  # noqa: E402
from accord.stages import clean  # noqa: E402

_META_RE = re.compile(r"<meta\b[^>]*>", re.I)
_ATTR_RE = re.compile(r"""(\w[\w:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_TITLE_RE = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)
_SUFFIX_RE = re.compile(r"\s[|–—-]\s|\s::\s|\s»\s")


def norm(name: str) -> str:
    s = unicodedata.normalize("NFKD", htmllib.unescape(name or ""))
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = re.sub(r"^(?:https?://)?(?:www\.)?", "", s.strip())
    s = re.sub(r"\.(?:com|co\.uk|org|net|ru|rs|ba|hr|me|info|news|co|us|uk|ca|de|fr|in|au)$", "", s)
    s = re.sub(r"^the\s+", "", s)
    return re.sub(r"[\W_]+", "", s)


def site_names(page: dict) -> list[str]:
    """The page's names for itself: og:site_name, application-name, twitter:site, the title's
    last part after a separator, the URL host."""
    names = []
    for tag in _META_RE.findall(page["html"][:200_000]):
        attrs = {m.group(1).lower(): m.group(2) if m.group(2) is not None else m.group(3) for m in _ATTR_RE.finditer(tag)}
        prop = (attrs.get("property") or attrs.get("name") or "").lower()
        if prop in ("og:site_name", "application-name", "twitter:site", "publisher", "cxenseparse:recs:publisher") and attrs.get("content"):
            names.append(attrs["content"].lstrip("@"))
    m = _TITLE_RE.search(page["html"][:200_000])
    if m:
        parts = _SUFFIX_RE.split(" ".join(htmllib.unescape(m.group(1)).split()))
        if len(parts) > 1:  # "Headline | Site", or "Site | Section" where the first part is short
            names += [parts[-1]] + ([parts[0]] if len(parts[0].split()) <= 3 else [])
    names.append(page["site"])
    names.append(page["site"].split(".")[-2] if page["site"].count(".") >= 1 else page["site"])
    return [n for n in names if norm(n)]


def agrees(outlet: str | None, names: list[str]) -> bool:
    got = norm(outlet or "")
    if len(got) < 2:
        return False
    return any(got == n or (len(got) >= 3 and got in n) or (len(n) >= 3 and n in got) for n in map(norm, names))


def main() -> None:
    from clean_training_data import RENDERERS, load_pages
    ap = argparse.ArgumentParser()
    ap.add_argument("--renderers", default="blocks,nodes,baseline")
    ap.add_argument("--show", type=int, default=0, help="print up to N pages per kind (wrong, missing)")
    args = ap.parse_args()
    pages = load_pages(None)
    shown = defaultdict(int)
    for rname in args.renderers.split(","):
        given = agree = 0
        by_site: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        for page in pages:
            art = Article(text=RENDERERS[rname](page["html"]) or " ", source="p.txt", meta={})
            clean.run(art)
            names = site_names(page)
            ok = agrees(art.outlet, names)
            given += art.outlet is not None
            agree += ok
            s = by_site[page["site"]]
            s[0] += 1
            s[1] += art.outlet is not None
            s[2] += ok
            kind = "wrong" if art.outlet and not ok else ("missing" if not art.outlet else "ok")
            if kind and shown[kind, rname] < args.show:
                shown[kind, rname] += 1
                print(f"  {rname} {kind:7s} {page['site']:28s} got={art.outlet!r} names={names[:4]}")
        n = len(pages)
        sites = len(by_site)
        site_p = [s[2] / s[1] for s in by_site.values() if s[1]]
        site_r = [s[2] / s[0] for s in by_site.values()]
        print(f"{rname:8s} pages={n} given={given} agree={agree} precision={agree / max(1, given):.3f} "
              f"recall={agree / n:.3f} | sites={sites} precision={sum(site_p) / max(1, len(site_p)):.3f} "
              f"recall={sum(site_r) / sites:.3f}")


if __name__ == "__main__":
    main()
