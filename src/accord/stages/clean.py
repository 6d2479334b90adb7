"""Separate the article from scraping noise; find title, outlet and publication date.

Why: scrapers hand us plain text with the page furniture still in it (share bars, photo
credits, "Читайте также" teasers, comment forms, captcha sums, stamps, breadcrumbs). Every later
stage reads only `Article.body`, so noise kept here becomes false entities, quotes and events.
trafilatura does nothing on plain text, so we classify LINES by their own features:

* lexicons per language (`lang/<code>/boilerplate_*.txt`, Serbian written in Latin; every list
  is matched against the casefolded line and its Serbian Latin transliteration, so the stage
  needs no language yet: it runs before language detection);
* shape: length, word count, terminal punctuation, script against the document's script,
  URLs, hashtags, counters, captcha sums ("семнадцать − 7 ="), initials ("В.Н."), breadcrumbs;
* dates and times (the `dates` stage grammar): a short line made of a date/time and a few
  stamp words is a stamp line ("3 июня 2016, 08:37 Политика", "RTS 15.10.2021").

Body = one span per kept line (a stamp prefix such as "date 2019-09-19 " is cut off). The title
(first headline-like kept line, or the metadata title) stays inside the body; stamp and credit
lines do not. The outlet is the credited source ("Izvor: Pravda", "Источник: ria.ru"), a
dateline agency ("GROZNY (Sputnik) —"), the name before a header stamp ("RTS 15.10.2021") or a
breadcrumb's site name. The publication date comes only from a stamp the article states, or from
metadata: a photo's copyright year or a year in the story never becomes one.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from ..doc import Article, Span
from ..lang import LANGS, load_list, load_tsv
from ..translit import sr_to_latin

REQUIRES = ("text",)
ASSIGNS = ("body", "title", "title_span", "outlet", "published", "published_span")

LONG_PARAGRAPH = 150  # a line this long is article prose: the header zone ends before it
MAX_KEYED = 400  # longer lines are prose; only their first words are matched against lexicons
SHORT_LINE = 200  # lexicon phrases found anywhere only condemn lines up to this length
TERMINAL = ".!?…:;\"»”“'’)"
_LINE_RE = re.compile(r"[^\n\r\u2028\u2029\x0b\x0c\x85]+")
_STRIP = " \t\u00a0\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u3000"
_WORD_RE = re.compile(r"[^\W\d_]+")
_LETTER_RE = re.compile(r"[^\W\d_]")
_CYR_RE = re.compile(r"[\u0400-\u052f]")
_LAT_RE = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_TIME_RE = re.compile(r"(?<![\d:.])([01]?\d|2[0-3])[:.h]([0-5]\d)(?::[0-5]\d)?(?![\d:])")
_URL_RE = re.compile(r"https?://\S+|www\.\S+|\S+@\S+\.\w{2,}|\b[\w-]+\.(?:com|ru|rs|org|net|info|ba|hr|me|su|рф|срб)(?:/\S*)?\b", re.I)
_INITIALS_RE = re.compile(r"(?:[^\W\d_]{1,2}\.\s?){1,3}(?:\s*[/,]\s*(?:[^\W\d_]{1,2}\.\s?){1,3})*")
_CAPTCHA_RE = re.compile(r"[\w\s]{1,40}[+\-−–×*·/:]\s*[\w\s]{1,40}=\s*[?_.…\s]*")
_SEPARATOR_RE = re.compile(r"\s(?://|/|>|»|›|\||::|→)\s")
_UPPER = "A-ZА-ЯЁЂЈЉЊЋЏŠĐČĆŽ"
_DATELINE_RES = (
    # "BELGRADE, Sept. 28 (Xinhua) --", "GROZNY (Sputnik) —", "Moscow (AP) -"
    re.compile(rf"[{_UPPER}][^\W\d_]+(?:[ -][{_UPPER}][^\W\d_]+){{0,3}}(?:,[^()\n—–]{{1,30}})?\s*\(([{_UPPER}][^()\n]{{1,40}})\)\s*(?:[—–-]{{1,2}}|:)"),
    # "МОСКВА, 3 июня. /ТАСС/.", "MOSCOW, June 3. /TASS/."
    re.compile(rf"[{_UPPER}][^\W\d_]+(?:[ -][{_UPPER}][^\W\d_]+){{0,3}}(?:,[^/\n—–]{{1,30}})?[.,]?\s*/([{_UPPER}][^/\n]{{1,30}})/"),
    # "МОСКВА, 15 мар — РИА Новости. ..." (upper-case city, agency after the dash)
    re.compile(rf"[{_UPPER}]{{2,}}(?:[ -][{_UPPER}]{{2,}}){{0,2}},[^—–\n]{{1,25}}\s[—–-]\s([{_UPPER}][^\W\d_]*(?:[ -][{_UPPER}]?[^\W\d_]+){{0,2}})\.\s"),
)
# a caption closed by a wire credit in capitals: "... October 10, 2021. REUTERS/Marko Djurica"
_WIRE_CREDIT_RE = re.compile(rf"\b[A-Z]{{2,}}(?:\s[A-Z]{{2,}})?\s?/\s?[{_UPPER}][\w.' -]{{1,40}}$")


def has_cyrillic(text: str) -> bool:
    return _CYR_RE.search(text) is not None


@dataclass(frozen=True)
class Lexicon:
    """All languages' boilerplate lists, word-normalised (see `_key`)."""

    lines: frozenset[str]
    prefixes: tuple[str, ...]
    phrases: tuple[str, ...]
    tail: frozenset[str]
    teasers: tuple[str, ...]
    credits: tuple[str, ...]
    photo: tuple[str, ...]
    bylines: tuple[str, ...]
    stamps: tuple[str, ...]
    stamp_words: frozenset[str]
    nav: frozenset[str]
    counters: frozenset[str]
    weekdays: frozenset[str]
    credit_re: re.Pattern[str]
    photo_start_re: re.Pattern[str]
    photo_end_re: re.Pattern[str]
    photo_tail_re: re.Pattern[str]
    prefix_re: re.Pattern[str]
    phrase_re: re.Pattern[str]
    teaser_re: re.Pattern[str]
    byline_re: re.Pattern[str]
    stamp_label_re: re.Pattern[str]


def _key(text: str) -> str:
    """Casefolded letter-words joined by one space: what lexicon entries are compared with."""
    return " ".join(_WORD_RE.findall(text.casefold()))


def _keys(text: str) -> tuple[str, ...]:
    """The line's key, plus its Serbian Latin form when it holds Cyrillic."""
    low = text.casefold()
    keys = [_key(low)]
    if has_cyrillic(low):
        keys.append(_key(sr_to_latin(low)))
    return tuple(keys)


def _load(kind: str) -> tuple[str, ...]:
    out: list[str] = []
    for lang in LANGS:
        out.extend(k for k in (_key(item) for item in load_list(lang, f"boilerplate_{kind}.txt")) if k)
    return tuple(sorted(set(out), key=lambda s: (-len(s), s)))


def _starts_re(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """Matches a key that starts with one of the phrases (whole words); group 1 is the phrase."""
    alt = "|".join(re.escape(p) for p in phrases) or "(?!)"
    return re.compile(rf"({alt})(?: |$)")


def _label_re(labels: tuple[str, ...]) -> str:
    return "|".join(r"\s+".join(re.escape(w) for w in label.split()) for label in labels)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    credits = _load("credits")
    photo = _load("photo")
    stamps = _load("stamps")
    weekdays = set()
    for lang in LANGS:
        weekdays.update(_key(row[0]) for row in load_tsv(lang, "weekdays.tsv") if row)
    cred = _label_re(credits)
    ph = _label_re(photo)
    prefixes, phrases, teasers, bylines = _load("prefixes"), _load("phrases"), _load("teasers"), _load("bylines")
    return Lexicon(
        prefix_re=_starts_re(prefixes),
        phrase_re=re.compile(r"(?:^| )(?:" + ("|".join(re.escape(p) for p in phrases) or "(?!)") + r")(?: |$)"),
        teaser_re=_starts_re(teasers),
        byline_re=_starts_re(bylines),
        stamp_label_re=_starts_re(stamps),
        lines=frozenset(_load("lines")),
        prefixes=_load("prefixes"),
        phrases=_load("phrases"),
        tail=frozenset(_load("tail")),
        teasers=_load("teasers"),
        credits=credits,
        photo=photo,
        bylines=_load("bylines"),
        stamps=stamps,
        stamp_words=frozenset(w for s in stamps for w in s.split()),
        nav=frozenset(_load("nav")),
        counters=frozenset(_load("counters")),
        weekdays=frozenset(weekdays),
        # "Izvor: Pravda", "Источник: ria.ru", "Source - Reuters"; matched on original and Latin forms
        credit_re=re.compile(rf"[\W_]*(?:{cred})\s*[:\-–—]\s*(?P<name>\S.{{0,60}}?)[\s.]*", re.I),
        # "Foto: Tanjug", "(фото: mvdmedia.ru)", "Photo by X", "Фото МУП", "© AFP 2023"
        photo_start_re=re.compile(rf"[(\[]?\s*(?:(?:{ph})\s*(?:[:/|©]|\s+by\b|\s+(?:[{_UPPER}]|\W))|©|\(c\)\s)", re.I),
        # caption ending in a credit: "... on Sept. 28, 2023. (Photo by Wang Wei/Xinhua)", "... Foto: Beta"
        photo_end_re=re.compile(rf"(?:[(\[]\s*(?:{ph})\b[^()\[\]]{{0,80}}[)\]]|(?<!\w)(?:{ph})\s*:\s*[^.!?:]{{1,60}}|©[^.!?]{{0,60}})\s*$", re.I),
        # a short caption closed by a photo word, no full stop: "..., архивска фотографија", "Архивное фото"
        photo_tail_re=re.compile(rf"(?<=[^\W\d_])\s+(?:{ph})\s*$", re.I),
    )


@dataclass
class Line:
    start: int  # offsets of the stripped line in Article.text
    end: int
    text: str
    keys: tuple[str, ...]
    noise: str | None = None  # why the line is not body
    stamp: tuple[int, int, str] | None = None  # (start, end, ISO date) of a stated publication date
    outlet: str | None = None  # outlet named by this line (credit or stamp)
    words: int = 0
    extra: dict = field(default_factory=dict)

    @property
    def key(self) -> str:
        return self.keys[0]


def _starts(key: str, phrase: str) -> bool:
    return key == phrase or key.startswith(phrase + " ")


def _any_key(line: Line, test) -> bool:
    return any(test(k) for k in line.keys)


def _split_lines(text: str) -> list[Line]:
    out = []
    for m in _LINE_RE.finditer(text):
        raw = m.group()
        left = len(raw) - len(raw.lstrip(_STRIP))
        stripped = raw.strip(_STRIP)
        if not stripped or not stripped.strip():
            continue
        start = m.start() + left
        keyed = stripped if len(stripped) <= MAX_KEYED else stripped[:MAX_KEYED]
        out.append(Line(start=start, end=start + len(stripped), text=stripped, keys=_keys(keyed),
                        words=len(_WORD_RE.findall(keyed))))
    return out


# ---------------------------------------------------------------------------- dates and stamps


@lru_cache(maxsize=8192)
def _day_dates(text: str) -> tuple[tuple[int, int, str], ...]:
    """Day-precision dates in a short string, by any language's grammar: (start, end, ISO)."""
    from ..dates import find_dates  # accord.dates owns the date grammar

    if not any(c.isdigit() for c in text):
        return ()
    found: dict[tuple[int, int], str] = {}
    for lang in LANGS:
        for d in find_dates(text, lang):
            if d.precision == "day" and not d.relative and 1990 <= int(d.value[:4]) <= 2100:
                found.setdefault((d.start, d.end), d.value)
    spans = sorted(found, key=lambda se: (se[0], -(se[1] - se[0])))
    out, last_end = [], -1
    for s, e in spans:
        if s >= last_end:
            out.append((s, e, found[(s, e)]))
            last_end = e
    return tuple(out)


def _stamp_line(line: Line, lex: Lexicon) -> bool:
    """A short line made of a date and/or time plus at most three other words.

    Sets `line.stamp` (the stated date) and `line.outlet` (a short name before the date, as in
    "RTS 15.10.2021"); words after the date are a rubric ("3 июня 2016, 08:37 Политика").
    """
    t = line.text
    if len(t) > 90 or "©" in t or lex.photo_start_re.match(t) or (has_cyrillic(t) and lex.photo_start_re.match(sr_to_latin(t))):
        return False  # a dated photo credit ("© Reuters 12.05.2020") states no publication date
    dates = _day_dates(t)
    times = [m.span() for m in _TIME_RE.finditer(t)]
    if not dates and not times:
        return False
    rest = list(t)
    for s, e, _ in dates:
        rest[s:e] = " " * (e - s)
    for s, e in times:
        rest[s:e] = " " * (e - s)
    rest_text = "".join(rest)
    stamp_words = lex.stamp_words | lex.weekdays
    leftover = [w for w in _keys(rest_text)[-1].split() if w not in stamp_words and len(w) > 1]
    leftover0 = [w for w in _key(rest_text).split() if w not in stamp_words and len(w) > 1]
    if min(len(leftover), len(leftover0)) > 3 or re.search(r"[^\W\d_]{2,}[.!?]\s+[^\W\d_]", rest_text):
        return False
    if not dates and len(leftover0) > 1:
        return False
    if dates:
        s, e, iso = dates[0]
        line.stamp = (line.start + s, line.start + e, iso)
        line.extra["labelled"] = _any_key(line, lex.stamp_label_re.match)
        lead = t[: min([s] + [ts for ts, _ in times])]
        lead_words = [w for w in _WORD_RE.findall(lead) if _key(w) not in stamp_words]
        if 1 <= len(lead_words) <= 2 and not any(_key(w) in lex.nav for w in lead_words) and lead_words[0][0].isupper():
            line.outlet = " ".join(lead_words)
    return True


def _stamp_prefix(line: Line, lex: Lexicon) -> int:
    """Length of a stamp that opens a prose line ("date 2019-09-19 BELGRADE (Xinhua) — ..."), or 0.

    Only a labelled stamp ("Published: ...") or an ISO date counts: prose may begin with a date.
    """
    t = line.text[:120]
    if not any(c.isdigit() for c in t):
        return 0
    found = next((m for m in (lex.stamp_label_re.match(k) for k in line.keys) if m), None)
    labelled = found.group(1) if found else None
    dates = _day_dates(t)
    if not dates:
        return 0
    s, e, iso = dates[0]
    head = t[:s]
    if labelled is None and not (s == 0 and re.fullmatch(r"\d{4}-\d{2}-\d{2}", t[s:e])):
        return 0
    if labelled is not None and len(_WORD_RE.findall(head)) > len(labelled.split()):
        return 0
    end = e
    m = re.compile(r"[\s.,|/–—-]*(?:(?:u|у|в|at)\s+)?(?:" + _TIME_RE.pattern + r")?[\s.,|/–—-]*").match(t, end)
    if m:
        end = m.end()
    if len(_WORD_RE.findall(line.text[end:])) < 3:
        return 0
    line.stamp = (line.start + s, line.start + e, iso)
    return end


# ---------------------------------------------------------------------------- line rules


def _script_counts(text: str) -> tuple[int, int, int]:
    """Letters in Cyrillic, in Latin, and in any other script.

    The characters are counted in C (Counter) and each distinct one is classed once, instead
    of three regex scans that build a list of every matching character."""
    cyr = lat = letters = 0
    for ch, n in Counter(text).items():
        is_cyr, is_lat, is_letter = _char_class(ch)
        if is_cyr:
            cyr += n
        if is_lat:
            lat += n
        if is_letter:
            letters += n
    return cyr, lat, letters - cyr - lat


@lru_cache(maxsize=65536)
def _char_class(ch: str) -> tuple[bool, bool, bool]:
    """Whether a character counts as Cyrillic, as Latin, as a letter (the three patterns)."""
    return _CYR_RE.match(ch) is not None, _LAT_RE.match(ch) is not None, _LETTER_RE.match(ch) is not None


def _dominant(counts: tuple[int, int, int]) -> int:
    return max(range(3), key=lambda i: counts[i])


def _is_breadcrumb(line: Line) -> list[str] | None:
    parts = _SEPARATOR_RE.split(line.text)
    if len(parts) < 2:
        return None
    words = [len(_WORD_RE.findall(p)) for p in parts]
    if len(parts) >= 3 and all(0 < w <= 3 for w in words[:2]):
        return [p.strip() for p in parts]
    if all(0 < w <= 3 for w in words) and not re.search(r"[.!?]$", line.text):
        return [p.strip() for p in parts]
    return None


def _is_spaced_menu(line: Line) -> bool:
    """Menu items set apart by runs of spaces: "Vesti  Biznis  Region  Svet", "Log in   Subscribe"."""
    t = line.text
    if len(t) > 120 or t[-1] in ".!?":
        return False
    parts = [p for p in re.split(r"\s{2,}", t) if p.strip()]
    words = [len(_WORD_RE.findall(p)) for p in parts]
    if any(w == 0 for w in words):
        return False
    return (len(parts) >= 3 and all(w <= 3 for w in words)) or (len(parts) == 2 and all(w <= 2 for w in words))


def _is_counter(line: Line, lex: Lexicon) -> bool:
    if len(line.text) > 60 or not re.search(r"\d", line.text):
        return False
    words = line.keys[0].split()
    return bool(words) and all(w in lex.counters for w in words) and len(words) <= 4


def _rule_noise(line: Line, lex: Lexicon, doc_script: int, doc_share: float) -> str | None:
    """Why a line (not a stamp) is noise, or None when it may be article text."""
    t, n = line.text, len(line.text)
    short = n <= SHORT_LINE
    if not _LETTER_RE.search(t):
        return "no_letters"
    if t.startswith("#") and re.match(r"#\w", t):
        return "hashtags"
    if short and _CAPTCHA_RE.fullmatch(t):
        return "captcha"
    if n <= 12 and _INITIALS_RE.fullmatch(t):
        return "author_initials"
    if _any_key(line, lambda k: k in lex.lines):
        return "lexicon_line"
    if n <= 300 and _any_key(line, lex.prefix_re.match):
        return "lexicon_prefix"
    if short and _any_key(line, lex.phrase_re.search):
        return "lexicon_phrase"
    tail = t[-140:]
    if n <= 300 and (lex.photo_start_re.match(t) or lex.photo_end_re.search(tail)
                     or (has_cyrillic(t) and (lex.photo_start_re.match(sr_to_latin(t)) or lex.photo_end_re.search(sr_to_latin(tail))))):
        return "photo_credit"
    if n <= 150 and (lex.photo_tail_re.search(tail) or (has_cyrillic(t) and lex.photo_tail_re.search(sr_to_latin(tail)))):
        return "photo_credit"
    if n <= 300 and "/" in t and _WIRE_CREDIT_RE.search(tail):
        return "photo_credit"
    if (line.words <= 8 and (t[-1] not in ".!?" or re.search(r"\b[^\W\d_]\.$", t))
            and _any_key(line, lex.byline_re.match)):
        return "byline"
    if _is_counter(line, lex):
        return "counter"
    if n <= 300 and ("." in t or "@" in t) and _URL_RE.search(t) and len(_URL_RE.sub("", t).split()) <= 6:
        return "link"
    if n <= 300 and _is_breadcrumb(line):
        return "breadcrumb"
    if line.words <= 8 and all(w in lex.nav for w in line.keys[0].split()):
        return "menu"
    if _is_spaced_menu(line):
        return "menu"
    counts = _script_counts(t[:MAX_KEYED])
    letters = sum(counts)
    if letters >= 4 and doc_share >= 0.6 and counts[doc_script] / letters < 0.3:
        return "foreign_script"
    if line.words <= 2 and t[-1] not in TERMINAL:
        return "short_label"
    return None


def _uses_blank_lines(text: str) -> bool:
    """Whether paragraphs are set apart by blank lines (then a line block belongs together)."""
    sample = text[:50_000].replace("\r", "")
    breaks = sample.count("\n")
    return breaks >= 4 and 2 * sample.count("\n\n") >= 0.6 * breaks


def _headline_like(line: Line) -> bool:
    t = line.text
    first = next((c for c in t if c.isalnum()), "")
    return (3 <= line.words <= 35 and len(t) <= 300 and t[-1] not in ".,;:"
            and (first.isupper() or first.isdigit()))


def classify(text: str) -> list[Line]:
    """Every non-empty line with its noise reason (None = body), stamps and outlet hints."""
    lex = lexicon()
    lines = _split_lines(text)
    counts = _script_counts(text[:200_000])
    total = sum(counts) or 1
    doc_script = _dominant(counts)
    doc_share = counts[doc_script] / total
    body_chars = 0
    teaser_run = 0
    paragraphs_by_blank_lines = _uses_blank_lines(text)
    previous_end = 0
    in_tail = False
    seen_prose = False
    for index, line in enumerate(lines):
        if in_tail:
            line.noise = "comments"
            continue
        if line.words <= 6 and body_chars >= 200 and _any_key(line, lambda k: k in lex.tail):
            in_tail, line.noise = True, "comments"
            continue
        blank_before = "\n" in text[previous_end:line.start].replace("\r", "").split("\n", 1)[-1] if previous_end else True
        previous_end = line.end
        if teaser_run and len(line.text) <= 250 and (
                _headline_like(line) or (paragraphs_by_blank_lines and not blank_before)):
            teaser_run -= 1
            line.noise = "teaser"
            continue
        teaser_run = 0
        if len(line.text) <= 300 and _any_key(line, lex.teaser_re.match):
            line.noise = "teaser"
            if _any_key(line, lambda k: k in lex.teasers):
                teaser_run = 5  # a label alone: the next headline-like lines are the teasers
            continue
        credit = lex.credit_re.fullmatch(line.text) if len(line.text) <= 90 else None
        if credit is None and has_cyrillic(line.text) and len(line.text) <= 90:
            latin = lex.credit_re.fullmatch(sr_to_latin(line.text))
            if latin:  # same label in Cyrillic: take the name from the original line
                credit = re.fullmatch(r"[\W_]*[^\W\d_]+(?:\s+[^\W\d_]+)?\s*[:\-–—]\s*(?P<name>\S.*?)[\s.]*", line.text)
        if credit:
            line.noise = "credit"
            line.outlet = re.split(r"\s*[,;|]\s*|\s+[-–—]\s+", credit.group("name"))[0].strip(" .") or None
            continue
        if _stamp_line(line, lex):
            line.noise = "stamp"
            continue
        if not seen_prose and index < 40:
            cut = _stamp_prefix(line, lex)
            if cut:
                line.extra["cut"] = cut
        line.noise = _rule_noise(line, lex, doc_script, doc_share)
        if line.noise is None:
            body_chars += line.end - line.start
            if line.end - line.start >= LONG_PARAGRAPH:
                seen_prose = True
        elif line.noise == "breadcrumb" and not seen_prose:
            parts = _is_breadcrumb(line) or []
            head = parts[0] if parts else ""
            if (len(parts) >= 3 and head and _key(head) not in lex.nav and _key(head) not in lex.lines
                    and len(_WORD_RE.findall(head)) <= 3 and head[0].isupper()):
                line.extra["site"] = head
    _mark_masthead(lines, lex)
    return lines


NAVIGATION = ("breadcrumb", "menu", "lexicon_line", "lexicon_prefix", "short_label", "link")


def _mark_masthead(lines: list[Line], lex: Lexicon) -> None:
    """The site name atop a page ("Коммерсантъ", "N1 Srbija", "БЕЛТА — Новости Беларуси"):
    a short first line followed by navigation, with a headline still to come before the prose.
    It is noise, and it names the outlet."""
    if len(lines) < 3:
        return
    first, second = lines[0], lines[1]
    if first.words > 5 or first.text[-1] in ".!?:" or second.noise not in NAVIGATION:
        return
    if first.noise not in (None, "short_label", "link", "lexicon_line", "breadcrumb", "menu"):
        return
    later_headline = False
    for line in lines[2:]:
        if line.noise is None:
            if line.end - line.start >= LONG_PARAGRAPH:
                break
            if _headline_like(line):
                later_headline = True
                break
    if not later_headline:
        return
    first.noise = "masthead"
    name = re.split(r"\s+[|—–-]\s+|\s{2,}", first.text)[0].strip()
    if name and _key(name) not in lex.nav:
        first.extra["masthead"] = name


def _body_span(line: Line) -> Span:
    return Span(start=line.start + line.extra.get("cut", 0), end=line.end)


def _find_title(doc: Article, kept: list[Line]) -> None:
    meta_title = doc.meta.get("title")
    if isinstance(meta_title, str) and meta_title.strip():
        doc.title = " ".join(meta_title.split())
        pat = r"\s+".join(re.escape(w) for w in doc.title.split())
        m = re.search(pat, doc.text[:5000])
        doc.title_span = Span(start=m.start(), end=m.end()) if m else None
        return
    if not kept:
        return
    first = kept[0]
    if len(kept) > 1 and _headline_like(first) and not first.extra.get("cut"):
        doc.title = first.text
        doc.title_span = Span(start=first.start, end=first.end)


def _dateline_agency(kept: list[Line]) -> str | None:
    for line in kept[:4]:
        t = line.text[line.extra.get("cut", 0):]
        for rx in _DATELINE_RES:
            m = rx.match(t)
            if m and len(_WORD_RE.findall(m.group(1))) <= 4:
                return m.group(1).strip()
    return None


def run(doc: Article) -> None:
    lines = classify(doc.text)
    kept = [ln for ln in lines if ln.noise is None]
    if not kept:  # nothing looks like prose (a one-line text, a list): keep every line
        kept = [ln for ln in lines if ln.noise not in ("comments", "no_letters")] or lines
        for ln in kept:
            ln.noise = None
    doc.body = [_body_span(ln) for ln in kept]
    _find_title(doc, kept)

    first_prose = next((i for i, ln in enumerate(lines) if ln.noise is None and ln.end - ln.start >= LONG_PARAGRAPH), len(lines))
    header = lines[: first_prose + 1]
    meta_outlet = doc.meta.get("outlet")
    credit = next((ln.outlet for ln in lines if ln.noise == "credit" and ln.outlet), None)
    stamp_outlet = next((ln.outlet for ln in header if ln.noise == "stamp" and ln.outlet), None)
    site = next((ln.extra["site"] for ln in header if "site" in ln.extra), None)
    masthead = next((ln.extra["masthead"] for ln in header if "masthead" in ln.extra), None)
    doc.outlet = (meta_outlet or credit or _dateline_agency(kept) or stamp_outlet or masthead or site
                  or doc.meta.get("sitename"))

    published = doc.meta.get("published") or doc.meta.get("date")
    if isinstance(published, str) and re.match(r"\d{4}-\d{2}-\d{2}", published):
        doc.published = published[:10]
        return
    stamp = next((ln.stamp for ln in header if ln.stamp), None)
    if stamp is None:  # a labelled stamp further down ("Objavljeno: ..."), never in comments
        stamp = next((ln.stamp for ln in lines if ln.stamp and ln.extra.get("labelled") and ln.noise != "comments"), None)
    if stamp:
        s, e, iso = stamp
        doc.published = iso
        doc.published_span = Span(start=s, end=e)
