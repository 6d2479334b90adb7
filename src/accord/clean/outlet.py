"""The outlet (`Article.outlet`): who published or supplied the article.

The cascade, first that names one:

1. metadata: `meta["outlet"]` (a JSON Lines record's field);
2. a credit line anywhere ("Izvor: Pravda", "Источник: ria.ru", "Source - Reuters");
3. a dateline agency in the first kept lines ("GROZNY (Sputnik) —", "МОСКВА, 3 июня. /ТАСС/.");
4. the name before a header stamp ("RTS 15.10.2021", found by `published.stamp_line`);
5. a masthead: the site name atop the page ("N1 Srbija" followed by navigation);
6. the site name heading a header breadcrumb ("Politika / Vesti / Svet");
7. metadata: `meta["sitename"]` (trafilatura's, from HTML).

The credit, masthead and breadcrumb lines themselves are noise (see `boilerplate`); this module
reads the name they hold.
"""
from __future__ import annotations

import re

from ..doc import Article
from .lexicon import Lexicon
from .lines import UPPER, WORD_RE, Line, key, latin_forms

_DATELINE_RES = (
    # "BELGRADE, Sept. 28 (Xinhua) --", "GROZNY (Sputnik) —", "Moscow (AP) -"
    re.compile(rf"[{UPPER}][^\W\d_]+(?:[ -][{UPPER}][^\W\d_]+){{0,3}}(?:,[^()\n—–]{{1,30}})?\s*\(([{UPPER}][^()\n]{{1,40}})\)\s*(?:[—–-]{{1,2}}|:)"),
    # "МОСКВА, 3 июня. /ТАСС/.", "MOSCOW, June 3. /TASS/."
    re.compile(rf"[{UPPER}][^\W\d_]+(?:[ -][{UPPER}][^\W\d_]+){{0,3}}(?:,[^/\n—–]{{1,30}})?[.,]?\s*/([{UPPER}][^/\n]{{1,30}})/"),
    # "МОСКВА, 15 мар — РИА Новости. ..." (upper-case city, agency after the dash)
    re.compile(rf"[{UPPER}]{{2,}}(?:[ -][{UPPER}]{{2,}}){{0,2}},[^—–\n]{{1,25}}\s[—–-]\s([{UPPER}][^\W\d_]*(?:[ -][{UPPER}]?[^\W\d_]+){{0,2}})\.\s"),
)


def credit_line(line: Line, lex: Lexicon) -> bool:
    """A credit line ("Izvor: Pravda", up to 90 characters); sets `line.outlet` to the name."""
    credit = lex.credit_re.fullmatch(line.text) if len(line.text) <= 90 else None
    if credit is None and len(line.text) <= 90 and any(lex.credit_re.fullmatch(f) for f in latin_forms(line.text)):
        # the label matched in the list script: take the name from the original line
        credit = re.fullmatch(r"[\W_]*[^\W\d_]+(?:\s+[^\W\d_]+)?\s*[:\-–—]\s*(?P<name>\S.*?)[\s.]*", line.text)
    if not credit:
        return False
    line.outlet = re.split(r"\s*[,;|]\s*|\s+[-–—]\s+", credit.group("name"))[0].strip(" .") or None
    return True


def breadcrumb_site(line: Line, parts: list[str], lex: Lexicon) -> None:
    """A header breadcrumb of three or more parts whose head is a short capitalised name that
    is no menu word ("Politika / Vesti / Svet"): `line.extra["site"]` is that name."""
    head = parts[0] if parts else ""
    if (len(parts) >= 3 and head and key(head) not in lex.nav and key(head) not in lex.lines
            and len(WORD_RE.findall(head)) <= 3 and head[0].isupper()):
        line.extra["site"] = head


def masthead_name(line: Line, lex: Lexicon) -> None:
    """The site name of a masthead line ("БЕЛТА — Новости Беларуси" -> "БЕЛТА"), unless a menu word."""
    name = re.split(r"\s+[|—–-]\s+|\s{2,}", line.text)[0].strip()
    if name and key(name) not in lex.nav:
        line.extra["masthead"] = name


def _dateline_agency(kept: list[Line]) -> str | None:
    for line in kept[:4]:
        t = line.text[line.extra.get("cut", 0):]
        for rx in _DATELINE_RES:
            m = rx.match(t)
            if m and len(WORD_RE.findall(m.group(1))) <= 4:
                return m.group(1).strip()
    return None


def decide(doc: Article, lines: list[Line], kept: list[Line], header: list[Line]) -> str | None:
    """The outlet by the cascade above."""
    meta_outlet = doc.meta.get("outlet")
    credit = next((ln.outlet for ln in lines if ln.noise == "credit" and ln.outlet), None)
    stamp_outlet = next((ln.outlet for ln in header if ln.noise == "stamp" and ln.outlet), None)
    site = next((ln.extra["site"] for ln in header if "site" in ln.extra), None)
    masthead = next((ln.extra["masthead"] for ln in header if "masthead" in ln.extra), None)
    return (meta_outlet or credit or _dateline_agency(kept) or stamp_outlet or masthead or site
            or doc.meta.get("sitename"))
