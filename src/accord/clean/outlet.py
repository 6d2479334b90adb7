"""The outlet (`Article.outlet`): who published or supplied the article.

The cascade, first that names one:

1. metadata: `meta["outlet"]` (a JSON Lines record's field);
2. a credit line anywhere ("Izvor: Pravda", "Источник: ria.ru", "Source - Reuters"), also after
   a stamp ("18:10 31.07.2020 Источник: Интерфакс");
3. a dateline agency in the first kept lines ("GROZNY (Sputnik) —", "МОСКВА, 3 июня. /ТАСС/.",
   "(Казань, 30 марта, «Татар-информ»).", "ASTANA. KAZINFORM Security ...");
4. an agency closing a byline ("By Vyachaslaw Budkevich, BelaPAN");
5. a credit in parentheses on a line of its own at the end ("(Telegraf.rs)", "(RINA/MONDO)");
6. the name before a header stamp ("RTS 15.10.2021", "Xinhua, June 24, 2016");
7. a site name on a line of its own beside the title or a header stamp ("Новости онлајн"):
   one to three words, not all capitalised words (that is an author), no menu word;
8. a masthead: the site name atop the page ("N1 Srbija" followed by navigation);
9. the site name heading a header breadcrumb ("Politika / Vesti / Svet");
10. metadata: `meta["sitename"]` (trafilatura's, from HTML).

Every pattern is a convention of news pages in general (wire datelines, bylines, stamps), not
of one site; the learned line model decides which lines are noise, this module only reads names.

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
    # "(Казань, 30 марта, «Татар-информ»)." (a parenthesised dateline, agency last)
    re.compile(r"\((?:[^\W\d_][^\W\d_-]*(?:[ -][^\W\d_]+){0,2}),[^()\n]{1,30},\s*[«\"“„]?([^()«»\"“”„,\n]{2,40}?)[»\"”“]?\)"),
    # "ASTANA. KAZINFORM Security councils ..." (upper-case city, upper-case agency, then prose)
    re.compile(rf"[{UPPER}]{{2,}}(?:[ -][{UPPER}]{{2,}}){{0,2}}[.,]\s+([{UPPER}][{UPPER}\d-]{{2,}}(?:[ -][{UPPER}]{{2,}})?)\s+[{UPPER}][^\W\d_]*[a-zа-яёђјљњћџšđčćž]"),
    # "МОСКВА, 15 мар — РИА Новости. ..." (upper-case city, agency after the dash)
    re.compile(rf"[{UPPER}]{{2,}}(?:[ -][{UPPER}]{{2,}}){{0,2}},[^—–\n]{{1,25}}\s[—–-]\s([{UPPER}][^\W\d_]*(?:[ -][{UPPER}]?[^\W\d_]+){{0,2}})\.\s"),
)


_LEADING_STAMP = re.compile(r"[\d\s.:/,|–—-]*\d[\d\s.:/,|–—-]*(?=[^\W\d_])")


def credit_line(line: Line, lex: Lexicon) -> bool:
    """A credit line ("Izvor: Pravda", "18:10 31.07.2020 Источник: Интерфакс", up to 90
    characters); sets `line.outlet` to the name."""
    text = line.text
    lead = _LEADING_STAMP.match(text)
    if lead:  # digits of a stamp before the label
        text = text[lead.end():]
    credit = lex.credit_re.fullmatch(text) if len(text) <= 90 else None
    if credit is None and len(text) <= 90 and any(lex.credit_re.fullmatch(f) for f in latin_forms(text)):
        # the label matched in the list script: take the name from the original line
        credit = re.fullmatch(r"[\W_]*[^\W\d_]+(?:\s+[^\W\d_]+)?\s*[:\-–—]\s*(?P<name>\S.*?)[\s.]*", text)
    if not credit:
        return False
    # the first name of a list ("Tanjug, Beta", "Mondo/Stefan Stojanović": agency / photographer)
    line.outlet = re.split(r"\s*[,;|/]\s*|\s+[-–—]\s+", credit.group("name"))[0].strip(" .") or None
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


_BYLINE_AGENCY = re.compile(rf",\s*([{UPPER}][\w.-]*(?:[ -][\w.-]+){{0,2}})\s*$")
_END_CREDIT = re.compile(r"\(([^\W\d_][\w.\-/ ]{1,30})\)\.?")


def _byline_agency(lines: list[Line], lex: Lexicon) -> str | None:
    """"By Vyachaslaw Budkevich, BelaPAN": the name after the author's comma."""
    for line in lines[:15]:
        if line.extra.get("rule") == "byline" and len(line.text) <= 80:
            m = _BYLINE_AGENCY.search(line.text)
            if m and key(m.group(1)) not in lex.nav:
                return m.group(1)
    return None


_NAME_BEFORE_DATE = re.compile(rf"([{UPPER}][\w.-]*(?:\s[{UPPER}][\w.-]*)?),\s*$")


def _name_before_date(header: list[Line], lex: Lexicon) -> str | None:
    """"... E-mail Xinhua, June 24, 2016": the capitalised name a comma sets before a date
    closing a short header line (menu words before it are dropped)."""
    from .published import day_dates
    for line in header:
        if len(line.text) > 90:
            continue
        dates = day_dates(line.text)
        if not dates or line.text[dates[-1][1]:].strip(" .,|"):
            continue
        m = _NAME_BEFORE_DATE.search(line.text[:dates[-1][0]])
        if m:
            words = [w for w in m.group(1).split() if key(w).replace(" ", "") not in lex.nav]
            if words and _site_shaped(words) and line.extra.get("rule") != "byline":
                return " ".join(words)
    return None


def _end_credit(lines: list[Line]) -> str | None:
    """"(Telegraf.rs)" on a line of its own among the last lines of the article."""
    for line in lines[-4:]:
        m = _END_CREDIT.fullmatch(line.text)
        if m and len(WORD_RE.findall(m.group(1))) <= 4:
            return m.group(1).strip()
    return None


def _name_line(line: Line, lex: Lexicon) -> bool:
    """A site name alone on a line: 1-3 words, no closing punctuation, not every word
    capitalised unless one word or all capitals (two capitalised words are an author)."""
    words = line.text.split()
    if not 1 <= len(words) <= 3 or len(line.text) > 40 or line.text[-1] in ".!?:,;" or not line.text[0].isupper():
        return False
    if not all(WORD_RE.search(w) for w in words) or line.keys[0] in lex.lines:
        return False  # separators ("Войти | Регистрация") or a lexicon line
    if all(key(w) in lex.nav for w in words) or line.extra.get("rule") not in (None, "short_label", "masthead", "foreign_script"):
        return False
    if len(words) == 1 and not (line.text.isupper() or any(c.isdigit() or c == "." for c in line.text)):
        return False  # one capitalised word beside a title is a section label ("Хроника")
    return _site_shaped(words)


def _site_shaped(words: list[str]) -> bool:
    """One word, or words not all capitalised like a person's name ("Новости онлајн", "N1 Info",
    "RTS", "Telegraf.rs"); "Petar Petrović" is an author."""
    text = " ".join(words)
    capitalised = all(w[0].isupper() for w in words)
    return len(words) == 1 or not capitalised or text.isupper() or any(c.isdigit() or c == "." for c in text)


def _header_name(header: list[Line], title_start: int | None, lex: Lexicon) -> str | None:
    """A site name on its own line right before or after the title or a header stamp."""
    anchors = {i for i, ln in enumerate(header) if ln.noise == "stamp" or ln.start == title_start}
    for i, line in enumerate(header):
        if line.noise == "stamp" or line.start == title_start:
            continue
        if (i - 1 in anchors or i + 1 in anchors) and _name_line(line, lex):
            return line.text
    return None


def decide(doc: Article, lines: list[Line], kept: list[Line], header: list[Line], lex: Lexicon) -> str | None:
    """The outlet by the cascade above."""
    meta_outlet = doc.meta.get("outlet")
    if meta_outlet:
        return meta_outlet
    credit = next((ln.outlet for ln in lines if ln.noise == "credit" and ln.outlet), None)
    stamp_outlet = next((ln.outlet for ln in header if ln.noise == "stamp" and ln.outlet), None)
    site = next((ln.extra["site"] for ln in header if "site" in ln.extra), None)
    masthead = next((ln.extra["masthead"] for ln in header if "masthead" in ln.extra), None)
    title_start = doc.title_span.start if doc.title_span else None
    return (credit or _dateline_agency(kept) or _byline_agency(lines, lex) or _end_credit(lines) or stamp_outlet
            or _name_before_date(header, lex)
            or _header_name(header, title_start, lex) or masthead or site or doc.meta.get("sitename"))
