"""Which lines are the article: every line gets a noise reason, or None for article text.

Why by rules on each line's own features: every later stage reads only `Article.body`, so noise
kept here becomes false entities, quotes and events; and the furniture of news pages is
regular. The rules, in the order `classify` applies them to each line:

* the comments tail: after 200 characters of body, a short comment-form line ("Оставьте
  ответ") makes it and every later line "comments" (the lines after it marked `tail`: the
  model may take them back, since a web page's share bar "Comments | Print | Email" stands
  above the article);
* teasers: a teaser label ("Читайте также") and, after a label alone, up to five
  headline-like lines;
* a credit line ("Izvor: Pravda", `outlet.credit_line`) and a stamp line (a date or time and
  a few stamp words, `published.stamp_line`);
* a stamp opening a header line is cut off the line's body span (`published.stamp_prefix`);
* `_rule_noise`: no letters, hashtags, captcha sums, author initials, the lexicons (whole
  line, prefix, phrase), photo credits, bylines, counters, links, breadcrumbs, menus (in the
  line's own script or a family's list script, as every lexicon), a line
  in a foreign script, a short label;
* a masthead: a short first line followed by navigation, with a headline still to come.

`kept_lines` is the body: the lines without noise, or, where nothing looks like prose (a
one-line text, a list), every line but comments and letterless ones.
"""
from __future__ import annotations

import re
from collections import Counter

import numpy as np

from . import model, outlet, published
from .features import line_features
from .lexicon import Lexicon, lexicon
from .chars import LETTER, SPACE, line_counts, script_counts
from .guards import (TERMINAL, drop_later_copies, edge_sentences, hard_wrapped, lead_after, quoted_speech, rejoin_wrapped,
                     rescued_keep)
from .lines import (LETTER_RE, LONG_PARAGRAPH, MAX_KEYED, UPPER, WORD_RE, Line, any_key, dominant, headline_like,
                    title_shaped, keys, latin_forms, split_lines)

SHORT_LINE = 200  # lexicon phrases found anywhere only condemn lines up to this length
_TLD = r"\.(?:com|ru|rs|org|net|info|ba|hr|me|su|рф|срб)"
_URL_RE = re.compile(rf"https?://\S+|www\.\S+|\S+@\S+\.\w{{2,}}|\b[\w-]+{_TLD}(?:/\S*)?\b", re.I)
# what every match of _URL_RE holds: a cheap first look (the full pattern backtracks on long words)
_URL_HINT_RE = re.compile(rf"https?://|www\.|@|{_TLD}", re.I)
_INITIALS_RE = re.compile(r"(?:[^\W\d_]{1,2}\.\s?){1,3}(?:\s*[/,]\s*(?:[^\W\d_]{1,2}\.\s?){1,3})*")
_CAPTCHA_RE = re.compile(r"[\w\s]{1,40}[+\-−–×*·/:]\s*[\w\s]{1,40}=\s*[?_.…\s]*")
_SEPARATOR_RE = re.compile(r"\s(?://|/|>|»|›|\||::|→)\s")
# a caption closed by a wire credit in capitals: "... October 10, 2021. REUTERS/Marko Djurica"
_WIRE_CREDIT_RE = re.compile(rf"\b[A-Z]{{2,}}(?:\s[A-Z]{{2,}})?\s?/\s?[{UPPER}][\w.' -]{{1,40}}$")
# a caption closed by a bracketed credit naming agency and photographer: "... in Washington on May
# 4, 2021. (AP Photo/Patrick Semansky, File)", "(IRAQI SECURITY MEDIA CENTRE/AFP)", "[Reuters/Stringer]"
_BRACKET_CREDIT_RE = re.compile(rf"[(\[]\s*[{UPPER}][^()\[\]/.!?]{{0,60}}/\s*[{UPPER}][^()\[\]/!?]{{0,60}}[)\]]\s*$")
# icon-font ligatures and class names scraped as text ("icon bookmark-bicon cameraicon checkicon
# chevron downicon"): CSS names, English on every site
_ICON_RE = re.compile(r"icon", re.I)
NAVIGATION = ("breadcrumb", "menu", "lexicon_line", "lexicon_prefix", "short_label", "link")


def _is_breadcrumb(line: Line) -> list[str] | None:
    """The parts of a breadcrumb ("Главная / Политика / В мире"), or None."""
    parts = _SEPARATOR_RE.split(line.text)
    if len(parts) < 2:
        return None
    words = [len(WORD_RE.findall(p)) for p in parts]
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
    words = [len(WORD_RE.findall(p)) for p in parts]
    if any(w == 0 for w in words):
        return False
    return (len(parts) >= 3 and all(w <= 3 for w in words)) or (len(parts) == 2 and all(w <= 2 for w in words))


def _is_counter(line: Line, lex: Lexicon) -> bool:
    if len(line.text) > 60 or not re.search(r"\d", line.text):
        return False
    words = line.keys[0].split()
    return bool(words) and all(w in lex.counters for w in words) and len(words) <= 4


def _closed_by_credit(tail: str, lex: Lexicon) -> bool:
    """`lex.photo_end_re` on a line's tail; every match holds a bracket, a colon or a "©"."""
    return ((")" in tail or "]" in tail or ":" in tail or "©" in tail)
            and lex.photo_end_re.search(tail) is not None)


def _photo_credit(t: str, lex: Lexicon) -> bool:
    """A photo credit or a caption closed by one, in the line or in a family's list script.
    (`lex.photo_tail_rev_re` is `photo_tail_re` read backwards: anchored at the line's end.)"""
    n, tail = len(t), t[-140:]
    if n <= 300 and (lex.photo_start_re.match(t) or _closed_by_credit(tail, lex)
                     or any(lex.photo_start_re.match(f) for f in latin_forms(t))
                     or any(_closed_by_credit(f, lex) for f in latin_forms(tail))):
        return True
    if n <= 150 and (lex.photo_tail_rev_re.match(tail[::-1])
                     or any(lex.photo_tail_rev_re.match(f[::-1]) for f in latin_forms(tail))):
        return True
    if len(t.split(None, 4)) <= 4 and t[-1] not in ".!?" and (  # (a long line is not split whole)
            lex.photo_label_re.match(t) or any(lex.photo_label_re.match(f) for f in latin_forms(t))):
        return True
    if n <= 600 and "/" in tail and _BRACKET_CREDIT_RE.search(tail) is not None:
        return True
    return n <= 300 and "/" in t and _WIRE_CREDIT_RE.search(tail) is not None


def _is_icon_run(line: Line) -> bool:
    """Icon-font names scraped as text: 4 words or more, half of them icon names."""
    if "con" not in line.text.lower() or _ICON_RE.search(line.text) is None:  # a cheap look first
        return False
    words = line.text.split()
    return len(words) >= 4 and 2 * sum(_ICON_RE.search(w) is not None for w in words) >= len(words)


def _credit_chain(t: str, lex: Lexicon) -> bool:
    """Credits joined by ";", each opening with a byline label ("Reporting by Moscow newsroom;
    Writing by ...; Editing by ..."): an agency's staff line, long as it is."""
    parts = [p for p in t.split(";") if p.strip()]
    return len(parts) >= 2 and all(any(lex.byline_re.match(k) for k in keys(p)) for p in parts)


def _rule_noise(line: Line, lex: Lexicon, doc_script: int, doc_share: float) -> str | None:
    """Why a line (not a stamp) is noise, or None when it may be article text (`line.extra
    ["chars"]`: its character classes, `chars.line_counts`)."""
    t, n = line.text, len(line.text)
    short = n <= SHORT_LINE
    if not LETTER_RE.search(t):
        return "no_letters"
    if t.startswith("#") and re.match(r"#\w", t):
        return "hashtags"
    if short and _CAPTCHA_RE.fullmatch(t):
        return "captcha"
    if n <= 12 and _INITIALS_RE.fullmatch(t):
        return "author_initials"
    if any_key(line, lambda k: k in lex.lines):
        return "lexicon_line"
    if n <= 300 and any_key(line, lex.prefix_re.match):
        return "lexicon_prefix"
    if short and any_key(line, lex.phrase_re.search):
        return "lexicon_phrase"
    if _photo_credit(t, lex):
        return "photo_credit"
    if (line.words <= 8 and (t[-1] not in ".!?" or re.search(r"\b[^\W\d_]\.$", t))
            and any_key(line, lex.byline_re.match)):
        return "byline"
    if n <= 300 and ";" in t and _credit_chain(t, lex):
        return "byline"
    if _is_icon_run(line):
        return "icons"
    if _is_counter(line, lex):
        return "counter"
    if (n <= 300 and ("." in t or "@" in t) and _URL_HINT_RE.search(t) and _URL_RE.search(t)
            and len(_URL_RE.sub("", t).split()) <= 6):
        return "link"
    if n <= 300 and _is_breadcrumb(line):
        return "breadcrumb"
    if line.words <= 8 and any_key(line, lambda k: all(w in lex.nav for w in k.split())):
        return "menu"
    if _is_spaced_menu(line):
        return "menu"
    counts = script_counts(line.extra["chars"])
    letters = sum(counts)
    if letters >= 4 and doc_share >= 0.6 and counts[doc_script] / letters < 0.3:
        return "foreign_script"
    if line.words <= 2 and t[-1] not in TERMINAL:
        return "short_label"
    return None


def page_script_counts(lines: list[Line], counts: np.ndarray) -> tuple[int, int, int]:
    """The page's letters by script (Cyrillic, Latin, other), counted on its word lines: at
    most a line's first `MAX_KEYED` characters (`counts`, rows of `chars.line_counts`), and only
    lines whose non-space characters are mostly letters. Why: a scraped page carries script
    and data (`var x = document.getElementById(...)`, a page state in JSON) in Latin letters;
    counted by characters, it made Latin the script of Korean, Japanese and Russian pages, and
    every line of their article "foreign" (6 of the 181 benchmark pages lost their body so)."""
    if not len(counts):
        return 0, 0, 0
    length = np.fromiter((min(len(ln.text), MAX_KEYED) for ln in lines), dtype=np.int64, count=len(lines))
    wordy = counts[:, LETTER] >= 0.85 * (length - counts[:, SPACE])
    return script_counts((counts[wordy] if wordy.any() else counts).sum(axis=0))


def _uses_blank_lines(text: str) -> bool:
    """Whether paragraphs are set apart by blank lines (then a line block belongs together)."""
    sample = text[:50_000].replace("\r", "")
    breaks = sample.count("\n")
    return breaks >= 4 and 2 * sample.count("\n\n") >= 0.6 * breaks


def classify(text: str, extracted: bool = False, precise: str | None = None) -> list[Line]:
    """Every non-empty line with its noise reason (None = body), stamps and outlet hints.
    `extracted`: the text is an HTML extractor's article (trafilatura): the model is only a
    second opinion there (`apply_model`); `precise`: the extractor's stricter pass over the same
    page (its lines are confirmed article lines)."""
    lex = lexicon()
    lines = split_lines(text)
    counts = page_script_counts(lines, line_counts(lines))
    total = sum(counts) or 1
    doc_script = dominant(counts)
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
            line.extra["tail"] = True  # after the marker: the model may take it back (apply_model)
            continue
        if line.words <= 6 and body_chars >= 200 and any_key(line, lambda k: k in lex.tail):
            in_tail, line.noise = True, "comments"
            continue
        blank_before = "\n" in text[previous_end:line.start].replace("\r", "").split("\n", 1)[-1] if previous_end else True
        previous_end = line.end
        if teaser_run and len(line.text) <= 250 and (
                headline_like(line) or (paragraphs_by_blank_lines and not blank_before)):
            teaser_run -= 1
            line.noise = "teaser"
            continue
        teaser_run = 0
        if len(line.text) <= 300 and any_key(line, lex.teaser_re.match):
            line.noise = "teaser"
            if any_key(line, lambda k: k in lex.teasers):
                teaser_run = 5  # a label alone: the next headline-like lines are the teasers
            continue
        if outlet.credit_line(line, lex):
            line.noise = "credit"
            # a source credit after the article's own stamp ("18:10 31.07.2020 Источник: Интерфакс")
            # still dates the article: the stamp is read, the credited outlet kept
            credited = line.outlet
            published.stamp_line(line, lex)
            line.outlet = credited or line.outlet
            continue
        if published.stamp_line(line, lex):
            line.noise = "stamp"
            continue
        if not seen_prose and index < 40:
            cut = published.stamp_prefix(line, lex)
            if cut:
                line.extra["cut"] = cut
        line.noise = _rule_noise(line, lex, doc_script, doc_share)
        if line.noise is None:
            body_chars += line.end - line.start
            if line.end - line.start >= LONG_PARAGRAPH:
                seen_prose = True
        elif line.noise == "breadcrumb" and not seen_prose:
            outlet.breadcrumb_site(line, _is_breadcrumb(line) or [], lex)
    _mark_masthead(lines, lex)
    for line in lines:
        line.extra["rule"] = line.noise
    learned = model.current()
    # the model learned from text with a paragraph a line; hard-wrapped text is the rules' own
    if learned is not None and lines and (extracted or not hard_wrapped(lines)):
        if extracted:
            apply_extracted(lines, learned, _confirmed(text, lines, precise))
        else:
            apply_model(lines, learned)
            rejoin_wrapped(text, lines)
        drop_later_copies(lines)  # on the decided lines (the model's features never see "repeat")
    return lines


# reasons the model never overrides on plain text: nothing else a line with them can be (on an
# extractor's article a "comments" line may be a subhead of the article: the model decides)
HARD_REASONS = frozenset({"comments", "no_letters", "captcha", "hashtags"})


def _confirmed(text: str, lines: list[Line], precise: str | None) -> list[bool]:
    """Per line, whether the extractor's stricter pass kept it too (every line when there was
    no such pass: no line goes on the model's word alone)."""
    if precise is None:
        return [True] * len(lines)
    strict = {" ".join(ln.split()) for ln in precise.splitlines()}
    return [" ".join(text[ln.start:ln.end].split()) in strict for ln in lines]


def apply_extracted(lines: list[Line], learned: model.LineModel, confirmed: list[bool]) -> None:
    """The second opinion on an HTML extractor's article: a line goes when trafilatura's stricter
    pass left it out and the model (first stage: there is no page around the article) gives
    body and title together less than `drop_unconfirmed`, or when the model alone is that sure
    (`keep_extracted`, 0: never, on a line the stricter pass kept); of the rules' reasons only
    those in `reasons_extracted` stand (teaser labels and runs), and only where the model gives
    less than `overrule_extracted`. Chosen by cross-validation by site (src/accord/clean/README.md):
    the rules and the model alone each cost trafilatura's article body lines (lists, tables,
    CJK prose, subheads); agreeing with the stricter pass, they remove what it adds."""
    probs = learned.predict(line_features(lines), first_only=True)
    th = learned.thresholds
    keep, unconfirmed = th.get("keep_extracted", 0.0), th.get("drop_unconfirmed", 0.2)
    overrule, reasons = th.get("overrule_extracted", 0.5), set(th.get("reasons_extracted", ("teaser",)))
    for line, p, sure in zip(lines, probs, confirmed):
        line.extra["p"] = p
        kept = p[model.BODY] + p[model.TITLE]
        if kept < keep or (not sure and kept < unconfirmed):
            line.noise = line.noise or "model"
        elif line.noise in reasons and kept < overrule:
            continue
        else:
            line.noise = None


def apply_model(lines: list[Line], learned: model.LineModel) -> None:
    """The learned decision (`accord.clean.model`): a line is body when the model gives body
    and title together at least the `keep` threshold; the rules' reason stays as the reason
    for the lines the model drops (or "model" where the rules saw none). `line.extra["p"]`
    keeps the probabilities for `title`."""
    probs = learned.predict(line_features(lines))
    keep = rescued_keep(lines, probs, learned.thresholds)
    # a rule's noise stands unless the model is this sure of body (1.0: rules always stand)
    overrule = learned.thresholds.get("overrule", 1.0)
    # the rules' title candidate (the first line they keep, headline-shaped) stays for title.decide
    first = next((ln for ln in lines if ln.noise is None), None)
    protected = first if first is not None and title_shaped(first) else None
    lead = lead_after(lines, protected) if learned.thresholds.get("lead") else None
    closing = edge_sentences(lines, probs[:, model.BODY] + probs[:, model.TITLE] >= keep)
    # a text the page repeats (a teaser or a second rendering of a paragraph) is no quote's guard
    repeated = Counter(ln.text for ln in lines)
    previous: Line | None = None
    for line, p in zip(lines, probs):
        line.extra["p"] = p
        after_body, previous = previous is not None and previous.noise is None, line
        tail = line.extra.get("tail", False)
        if (line.noise in HARD_REASONS and not tail) or line is protected or line is lead or id(line) in closing:
            continue
        kept = p[model.BODY] + p[model.TITLE]
        if kept >= (keep if line.noise is None or tail else overrule) or (line.noise is None and p[model.TITLE] >= 0.3):
            line.noise = None
        elif line.noise is None and after_body and repeated[line.text] == 1 and quoted_speech(line):
            # an utterance with its speech cue (`guards.quoted_speech`) going on from the article's
            # line before it: the article's (a teaser or a bio quoting someone follows furniture)
            continue
        elif line.noise is None:
            line.noise = "model"


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
            if headline_like(line):
                later_headline = True
                break
    if not later_headline:
        return
    first.noise = "masthead"
    outlet.masthead_name(first, lex)


def kept_lines(lines: list[Line]) -> list[Line]:
    """The article's lines: those without noise; where nothing looks like prose (a one-line
    text, a list), every line but comments and letterless ones, their noise cleared."""
    kept = [ln for ln in lines if ln.noise is None]
    if not kept:
        kept = [ln for ln in lines if ln.noise not in ("comments", "no_letters")] or lines
        for ln in kept:
            ln.noise = None
    return kept


def header(lines: list[Line]) -> list[Line]:
    """The lines up to and including the first prose paragraph: where stamps, stamp outlets,
    mastheads and site breadcrumbs count."""
    first_prose = next((i for i, ln in enumerate(lines) if ln.noise is None and ln.end - ln.start >= LONG_PARAGRAPH), len(lines))
    return lines[: first_prose + 1]
