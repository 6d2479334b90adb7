"""The outlet (`Article.outlet`): who published or supplied the article.

One procedure: every place a page names its source gives candidates, each scored by where it
stands (`WEIGHTS`), and the listed outlets and agencies (`outlet_names`, a reviewed list with
countries) say which candidates are news outlets at all. The best candidate of at least
`ACCEPT` wins; where nothing credible stands, no outlet (a weekday, a menu path or a slogan
beside the title is no outlet). Where a candidate stands:

* `meta`: the record's own `meta["outlet"]` (a JSON Lines field): always taken;
* `credit`: a labelled credit line ("Izvor: Pravda", "Источник: ria.ru", "Source - Reuters"),
  also after a stamp; the name need not be listed: the label says it is a source;
* `dateline`: a wire dateline in the first kept lines ("GROZNY (Sputnik) —", "МОСКВА, 3 июня.
  /ТАСС/.", "(Казань, 30 марта, «Татар-информ»)."), or a listed name leading the article
  before a dash, slash or colon ("INTERFAX.RU - ...", "Shafaq News/ The Iraqi ...");
* `bracket`: an agency credit in brackets or slashes closing the article or opening it
  ("(Tanjug)", "/ФОНЕТ/", "(RINA/MONDO)" on a line of its own);
* `byline`: an agency closing a byline ("By Vyachaslaw Budkevich, BelaPAN");
* `copyright`: a copyright or footer line ("© 2024 Blic.rs. Sva prava zadržana", "© Reuters");
* `holder`: an unlisted copyright holder ("© 2019 CNBC LLC. All Rights Reserved." -> CNBC);
* `prose`: a listed outlet the article's sentences credit ("told Reuters", «сообщили РИА
  Новости», "javlja Tanjug": `prose_credit`), the weakest place;
* `site`: the site's name in the header: a stamp's name ("RTS 15.10.2021", "Xinhua, June 24,
  2016"), a masthead, a breadcrumb's head, a short line beside the title; trafilatura's
  `meta["sitename"]` from HTML;

A photo's credit ("Foto: Tanjug", "(AP Photo/...)", "© Sputnik / ...") is never a candidate:
it credits the picture, not the text (the gold reads it so: a page crediting only a Tanjug
photo credits no outlet).

Which of several credits counts (as `../shared/schema/gold.md` and its scorer read it: the
outlet the article credits; a list of agencies matches by its first): the article's own source
credit over the site that reprints it (an Informer page crediting Tanjug is Tanjug's), the
first name of a list ("Izvor: Beta, Tanjug" -> Beta; "Mondo/Stefan Stojanović": agency /
photographer), and among equal places the first in the text.

The credit, masthead and breadcrumb lines themselves are noise (see `boilerplate`); this module
only reads the names they hold. The name is returned as the page writes it.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..doc import Article
from ..lang import get, roots
from .lexicon import Lexicon
from .lines import UPPER, WORD_RE, Line, code_like, key, latin_forms
from .outlet_names import clean_name, domain_shaped, lookup
from .prose_credit import prose_credit

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
    """The site name of a masthead line ("БЕЛТА — Новости Беларуси" -> "БЕЛТА"), unless a menu
    word or a furniture line of the lexicon ("Subscribe", "Skip to content")."""
    name = re.split(r"\s+[|—–-]\s+|\s{2,}", line.text)[0].strip()
    if name and key(name) not in lex.nav and key(name) not in lex.lines:
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
    """"By Vyachaslaw Budkevich, BelaPAN": the name after the author's comma; or a listed agency
    as the byline's author ("Autor: Tanjug", "By Reuters", "Текст: РИА Новости")."""
    for line in lines[:15]:
        if line.extra.get("rule") == "byline" and len(line.text) <= 80:
            m = _BYLINE_AGENCY.search(line.text)
            if m and key(m.group(1)) not in lex.nav:
                return m.group(1)
            words = line.text.split()
            named = [line.text.split(":", 1)[1]] if ":" in line.text else [" ".join(words[1:]), " ".join(words[2:])]
            listed = next((n for n in map(_first_listed, named) if n), None)
            if listed:
                return listed
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


def _site_shaped(words: list[str]) -> bool:
    """One word, or words not all capitalised like a person's name ("Новости онлајн", "N1 Info",
    "RTS", "Telegraf.rs"); "Petar Petrović" is an author."""
    text = " ".join(words)
    capitalised = all(w[0].isupper() for w in words)
    return len(words) == 1 or not capitalised or text.isupper() or any(c.isdigit() or c == "." for c in text)


# where a candidate stands -> what it is worth; a listed name adds LISTED, ACCEPT decides.
# Unlisted names pass only where the place itself says "source" (a credit label, a dateline, a
# bracketed credit closing the article) or the name is a web address in a copyright line.
WEIGHTS = {"credit": 0.9, "dateline": 0.85, "bracket": 0.75, "byline": 0.7, "copyright": 0.65,
           "site": 0.55, "holder": 0.52, "prose": 0.2}
OPEN = {"credit": 0.0, "dateline": 0.0, "bracket": 0.0, "copyright": -0.1, "holder": 0.0}  # unlisted: weight + this
LISTED = 0.3
ACCEPT = 0.5
_PIECES_RE = re.compile(r"\s*(?:[,;|/()\[\]<>»«]|\s[-–—]+\s|[-–—]{2}|\.\s|\s{2,}|(?<!\w)\d{4}(?!\w))\s*")
_LEAD_RE = re.compile(r"\s*([,;|/()\[\]]|\s[-–—]+\s|[-–—]{2}|:\s|\.\s)\s*")
# a name credited before these; a comma or a stop only lists it, a colon makes it a speaker's
# label ("Peggy Drexler, CNN: ...", an interview's "Голос Америки: <question>")
_CREDIT_DELIMS = frozenset("/()-–—")
_BRACKETED_RE = re.compile(r"\(([^()\n]{2,40})\)|/([^/\s][^/\n]{1,30}[^/\s])/|\[([^\[\]\n]{2,40})\]")
_PHOTO_WORD_RE = re.compile(r"\b(?:photo|foto|фото|images?|pictures?|video|видео)\b", re.I)
_COPYRIGHT_RE = re.compile(r"©|\(c\)\s|\bcopyright\b(?!\s+[^\W\d_©])|\bкопирайт\b", re.I)


def _pieces(text: str, splitter=_PIECES_RE) -> list[str]:
    return [p for p in (clean_name(_PHOTO_WORD_RE.sub(" ", x)) for x in splitter.split(text)) if p]


def _first_listed(text: str, splitter=_PIECES_RE, caps_words: bool = True) -> str | None:
    """The first piece of a credit that the list knows ("Tanjug/Nemanja Jovanović" -> Tanjug).
    `caps_words`: a name that is also a word ("Beta") counts only as a credit's own piece."""
    for piece in _pieces(text, splitter):
        hit = lookup(piece)
        if hit is not None and (caps_words or not _plain_word(piece)):
            return piece
    return None


def _lead_credit(kept: list[Line]) -> str | None:
    """A listed name leading the article before a dash, slash or bracket, in its dateline
    part (not before a comma: "Reuters, citing sources, ..." reports Reuters, it is no credit):
    "Москва. 15 марта. INTERFAX.RU - ...", "Shafaq News/ The Iraqi ...", "BEOGRAD (Beta) -"."""
    for line in kept[:2]:
        head = line.text[line.extra.get("cut", 0):][:120]
        pieces = _LEAD_RE.split(head)  # part, delimiter, part, ...
        for i in range(0, min(len(pieces) - 1, 10), 2):  # a part the text goes on after, among the first few
            part, delim = pieces[i], pieces[i + 1].strip()
            if len(part.split()) > 4:
                break
            name = clean_name(part)
            if delim and delim[0] in _CREDIT_DELIMS and lookup(name) is not None and not _plain_word(name):
                return name
    return None


def _bracket_credit(kept: list[Line]) -> str | None:
    """A listed agency in brackets or slashes closing the article's last lines or opening its
    first ("... rekao je on. (Tanjug)", "/ФОНЕТ/", "(Бета)")."""
    spots = [ln.text[-60:] for ln in reversed(kept[-3:])] + [ln.text[:80] for ln in kept[:1]]
    for spot in spots:
        for m in _BRACKETED_RE.finditer(spot):
            name = _first_listed(next(g for g in m.groups() if g))
            if name:
                return name
    return None


_HOLDER_LEAD_RE = re.compile(r"[\s©\d,.\-–—:]*(?:(?:copyright|\(c\))[\s©\d,.\-–—:]*)?(?:by\s+)?", re.I)
_HOLDER_END_RE = re.compile(r"\.(?:\s|$)|[,;|(–—]|\s-\s|\s\d")


@lru_cache(maxsize=1)
def _designators() -> frozenset[str]:
    """Legal-form words (`company_designators.txt` of every family root): "LLC", "Inc", "ООО"."""
    langs = [get(code) for code in roots()]
    return frozenset(w.casefold().rstrip(".") for lang in langs if lang.has_data("company_designators.txt")
                     for w in lang.lines("company_designators.txt"))


def _holder(after: str) -> str | None:
    """The copyright holder after the mark, its years and legal form dropped ("© 2019 CNBC LLC.
    All Rights Reserved." -> "CNBC", "Copyright © 2019, Los Angeles Times | Terms" -> "Los
    Angeles Times"): up to five words, every one capitalised. A site names itself so in its
    footer; the holder may be its owner ("Hearst Communications"), an agency's page its agency."""
    lead = _HOLDER_LEAD_RE.match(after).end()
    rest = after[lead:]
    end = _HOLDER_END_RE.search(rest)
    words = (rest[:end.start()] if end else rest).split()
    legal = False
    while words and words[-1].casefold().rstrip(".") in _designators():
        words.pop()
        legal = True
    if not 1 <= len(words) <= 5 or any(not w[0].isupper() and not w[0].isdigit() for w in words):
        return None
    # a footer states a year or a legal form, or goes on ("All rights reserved"); a bare "© Regan"
    # credits a picture
    dated = re.search(r"(?<!\d)(?:19|20)\d\d(?!\d)", after) is not None
    if not (dated or legal or (end and rest[end.end():].strip())):
        return None
    name = " ".join(words)
    return name if WORD_RE.search(name) and not code_like(name) else None


def _copyright(lines: list[Line]) -> tuple[str | None, bool]:
    """The name in a copyright or footer line ("© 2024 Blic.rs. Sva prava zadržana", "© TASS",
    "Все права защищены © ТАСС": the mark opens the line or follows a few words);
    (name, listed): an unlisted name counts as a web address or, weaker, as the line's holder
    (`_holder`: `candidates` places it at "holder")."""
    holder = None
    for line in lines:
        if len(line.text) > 150 or not _COPYRIGHT_RE.search(line.text):
            continue
        before, after = _COPYRIGHT_RE.split(line.text, maxsplit=1)
        if len(before.split()) > 3 or _PHOTO_WORD_RE.search(line.text) or "/" in after:
            continue  # a caption's credit, a photo's ("© РИА Новости / Сергей Иванов"): the picture's
        name = _first_listed(after) or _first_listed(line.text)
        if name:
            return name, True
        # a web address, not a script's call written like one ("document.write(...)")
        domain = next((p for p in _pieces(after) if domain_shaped(p) and not re.search(re.escape(p) + r"\s*\(", after)), None)
        if domain:
            return domain, False
        holder = holder or _holder(after)
    return (holder, None) if holder else (None, False)


def _site_names(doc: Article, header: list[Line], lex: Lexicon) -> list[tuple[str, bool]]:
    """The site's name as the header gives it, (name, by structure): a stamp's name, a name
    before a header date, a masthead (a first line with navigation after it), a breadcrumb's
    head (by structure: a name that is also a word counts there); then any short header line
    beside the title or a stamp or opening the page (its first part: "БЕЛТА — Новости Беларуси"), where only a
    listed name that is no word does (a photo's credit line sits under a caption, not there)."""
    names = [(ln.outlet, True) for ln in header if ln.noise == "stamp" and ln.outlet]
    names.append((_name_before_date(header, lex) or "", True))
    names += [(ln.extra["masthead"], True) for ln in header if "masthead" in ln.extra]
    names += [(ln.extra["site"], True) for ln in header if "site" in ln.extra]
    title_start = doc.title_span.start if doc.title_span else None
    anchors = {i for i, ln in enumerate(header) if ln.noise == "stamp" or ln.start == title_start}
    names += [(re.split(r"\s+[|—–-]\s+|\s{2,}|\s*[|>»]\s*", ln.text)[0], False) for i, ln in enumerate(header)
              if len(ln.text) <= 60 and i not in anchors and (i - 1 in anchors or i + 1 in anchors or i == 0)]
    return [(n, s) for n, s in names if n]


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Every family root's `common_words.txt` (words its running text writes in lower case)."""
    return frozenset(w.casefold() for code in roots() for w in get(code).lines("common_words.txt"))


def _name_shaped(name: str, lex: Lexicon) -> bool:
    """An unlisted masthead as a site's name: every word capitalised ("Western Balkans Wire",
    "Коммерсантъ"), no script, path or symbol, and one word at least that is no ordinary word
    (`common_words.txt`), menu word or short function word. Why: a web page's text starts with
    skip links, menus and scripts ("Skip to main content", "Перейти к контенту", "Contact Us",
    "(function(a,b,c,d){"); taken for mastheads they gave 41 of the 45 outlets credited by
    masthead on the web benchmark's pages, all wrong (eval/outlet_web.py)."""
    words = name.split()
    if not words or code_like(name) or re.search(r"[>»/°|{}()=;]", name) or any(not w[0].isupper() for w in words):
        return False
    if not all(WORD_RE.fullmatch(w.strip(".,!-")) or w.isupper() for w in words):
        return False
    return any(len(w) > 2 and key(w) not in lex.nav and w.casefold() not in _common_words() for w in words)


def _plain_word(name: str) -> bool:
    """A listed name that is also an ordinary word, written as one ("Danas", "Beta", not "BETA",
    "Novosti online" or "Blic.rs"): a rubric or a sentence's first word as often as a name."""
    hit = lookup(name)
    return hit is not None and hit.word and len(name.split()) == 1 and not name.isupper() and not domain_shaped(name)


def candidates(doc: Article, lines: list[Line], kept: list[Line], header: list[Line], lex: Lexicon) -> list[tuple[float, int, str]]:
    """(score, order, name) of every candidate; `order` keeps the text's order among equals."""
    found: list[tuple[str, str | None, bool]] = []  # (place, name, may stand unlisted)
    found.append(("credit", next((ln.outlet for ln in lines if ln.noise == "credit" and ln.outlet), None), True))
    found.append(("dateline", _dateline_agency(kept), True))
    found.append(("dateline", _lead_credit(kept), False))
    found.append(("bracket", _bracket_credit(kept), False))
    found.append(("bracket", _end_credit(lines), True))
    found.append(("byline", _byline_agency(lines, lex), False))
    name, listed = _copyright(lines)
    found.append(("copyright" if listed is not None else "holder", name, not listed))
    for site, structural in _site_names(doc, header, lex):
        name = clean_name(site)
        if (lookup(name) is not None and (structural or not _plain_word(name))) or domain_shaped(name):
            found.append(("site", name, False))
            break
        if structural and site in [ln.extra.get("masthead") for ln in header[:1]] and _name_shaped(name, lex):
            found.append(("site", name, True))  # a masthead: the page's own name, listed or not
            break
    if doc.meta.get("sitename"):
        found.append(("site", doc.meta["sitename"], True))
    found.append(("prose", prose_credit(kept), False))
    out = []
    for order, (place, name, open_) in enumerate(found):
        if not name:
            continue
        if lookup(name) is not None or domain_shaped(name):
            out.append((WEIGHTS[place] + LISTED, -order, name))
        elif open_ and (place in OPEN or place == "site"):
            out.append((WEIGHTS[place] + OPEN.get(place, 0.0), -order, name))
    return out


def decide(doc: Article, lines: list[Line], kept: list[Line], header: list[Line], lex: Lexicon) -> str | None:
    """The best-placed credible candidate (see the module's docstring), or None."""
    meta_outlet = doc.meta.get("outlet")
    if meta_outlet:
        return meta_outlet
    scored = [c for c in candidates(doc, lines, kept, header, lex) if c[0] >= ACCEPT]
    return max(scored)[2] if scored else None
