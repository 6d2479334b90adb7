"""The lines the line model may not drop, and the texts it may not judge.

Why guards around a learned model: the model (`model.py`) learned from web pages, which start
and end in menus and link lists and set a paragraph a line. A scraped article differs at its
edges and in its wrapping: it may open with its lead or a sentence the scrape cut and close
with its last paragraph or a sentence the scrape cut mid-word, and a terminal dump or an e-mail
wraps every paragraph at a fixed width. The model, never shown those, takes them for furniture; these
guards (applied by `boilerplate.apply_model` and `boilerplate.classify`) keep them.
A reported utterance with its speech cue (`quoted_speech`) is the article's too: the model,
reading shapes, takes a short dialogue line or a long quote closed by a bracketed citation for
a caption or a teaser.
"""
from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from ..lang import get, roots
from .features import is_prose
from .lines import LONG_PARAGRAPH, WORD_RE, Line, code_like
from .model import BODY, TITLE

TERMINAL = ".!?…:;\"»”“'’)"


def hard_wrapped(lines: list[Line]) -> bool:
    """Whether the text is wrapped at a fixed width (a terminal dump, an e-mail): most lines
    of words are nearly as long as the longest ones, those are at most 100 characters, and
    most of them stop mid-sentence. Line shapes mean nothing there: no line is a paragraph."""
    lengths = sorted(len(ln.text) for ln in lines if ln.words >= 3)
    if len(lengths) < 4:
        return False
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if width > 100:
        return False
    full = [ln for ln in lines if ln.words >= 3 and len(ln.text) >= 0.6 * width]
    open_ended = sum(ln.text[-1] not in TERMINAL for ln in full)
    return len(full) >= 0.6 * len(lengths) and open_ended >= 0.5 * len(full)


def rejoin_wrapped(text: str, lines: list[Line]) -> None:
    """A line the model alone dropped comes back when it is part of a kept paragraph cut
    across lines (hard-wrapped text, a sentence split at a link): with no blank line between,
    it runs on from a kept line that ends mid-sentence, or runs into a kept line that goes on
    in lower case. The web pages the model learned from never wrap their paragraphs."""
    def runs_on(a: Line, b: Line) -> bool:
        first = next((c for c in b.text if c.isalpha()), "")
        return (a.text[-1] not in TERMINAL and first.islower()
                and text[a.end:b.start].replace("\r", "").count("\n") == 1)
    order = list(range(len(lines)))
    for indices in (order, order[::-1]):  # forward, then backward: a run of fragments comes back whole
        for i in indices:
            line = lines[i]
            if line.noise != "model" or code_like(line.text):
                continue
            prev = lines[i - 1] if i else None
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            if (prev is not None and prev.noise is None and runs_on(prev, line)) or (
                    nxt is not None and nxt.noise is None and runs_on(line, nxt)):
                line.noise = None


def _sentence(line: Line, first_line: bool) -> bool:
    """Prose at the text's edge: 5 words or more, not in capitals, ending a sentence or leading
    into what follows with ":" (a list; not ";", which ends the script statements web pages
    carry at their edges); as the text's very first line also a sentence the scrape cut, going
    on in lower case ("repeatedly pledged to ban all Muslims ... from"; a stamp cut off its
    start does not count)."""
    t = line.text
    if line.words < 5 or t.isupper() or code_like(t):
        return False
    if t[-1] in ".!?…\"»”:":
        return True
    first = next((c for c in t[line.extra.get("cut", 0):] if c.isalpha()), "")
    return first_line and first.islower()


def _cut_off(line: Line) -> bool:
    """The text's last line as a sentence the scrape cut off mid-word ("... uhitila u noći sa
    srijede na četvrtak kod M"): it stops on a letter or digit, has 8 words or more, most of
    them in lower case (prose, not a run of capitalised links or names), and is no script."""
    t = line.text
    if line.words < 8 or not t[-1].isalnum() or code_like(t) or "/" in t.split()[-1]:
        return False  # a closing link ("... at https://www.apnews.com/Brexit") is no cut word
    words = WORD_RE.findall(t)
    return 2 * sum(w[0].islower() for w in words) >= len(words)


def edge_sentences(lines: list[Line], kept) -> set[int]:
    """The article's opening and closing paragraphs: the sentences the rules keep before the
    first or after the last line the model keeps, with only furniture the rules recognise
    between them and the text's edge (a byline, a stamp; a teaser block, a copyright, a comment
    form). A web page starts and ends in menus and link lists the rules do not know, so its
    edges never qualify; a scraped article may start with its lead and ends with its last
    paragraph, which the model, trained mostly on web pages, takes for page furniture. The
    text's last line may be a sentence the scrape cut off mid-word (`_cut_off`), as a cut first
    line may: it counts when the walk from it reaches a line the model keeps (ids of the lines)."""
    out: set[int] = set()
    for order in (zip(lines, kept), zip(reversed(lines), reversed(kept))):
        run: list[int] = []
        cut = reached = False
        for line, keeps in order:
            if line.noise is not None:
                continue
            if keeps:
                reached = True
                break
            if _sentence(line, line is lines[0]):
                run.append(id(line))
            elif line is lines[-1] and _cut_off(line):
                run.append(id(line))
                cut = True
            else:
                break
        # a cut-off last line stands only next to the article: the walk reaches a line the model
        # keeps (a teaser headline closing a web page stops on a letter too)
        if reached or not cut:
            out.update(run)
    return out


# a complete quoted utterance in the marks of any script: "…", “…”, «…», „…“ (or „…”), ‚…‘, ‹…›
_UTTERANCE_RE = re.compile(r'"([^"\n]{2,})"|“([^“”\n]{2,})”|«([^«»\n]{2,})»|„([^„“”\n]{2,})[“”]'
                           r"|‚([^‚‘’\n]{2,})[‘’]|‹([^‹›\n]{2,})›")
_SENTENCE_END = ".!?…)]"
_CLOSING = "\"»”“’"


@lru_cache(maxsize=1)
def _speech_cues() -> tuple[tuple[object, frozenset[str]], ...]:
    """(language, its speech-cue words) of each family root: `speech_verbs.txt` in its folder
    (single words; cleaning runs before the language is known, so every root's are tried, each
    on the line written as its lists are)."""
    out = []
    for code in roots():
        lang = get(code)
        words = frozenset(w.casefold() for w in lang.lines("speech_verbs.txt") if w and " " not in w)
        out.append((lang, words))
    return tuple(out)


def quoted_speech(line: Line) -> bool:
    """Whether the line reports speech: it holds a complete quoted utterance (opening and
    closing marks; two words or more, of which three, or closed by its own punctuation, so that
    «Единая Россия», a name in quotes, is none) and, outside the quotes, a speech cue of a
    language ('"I abstain," McClendon said.', '... Clinton said, “When I was ...” [Remarks,
    9/04/14.]'); and it ends as a sentence does (a teaser headline quoting someone does not:
    'NFL says it is “disappointed” Colin Kaepernick “did not appear”')."""
    t = line.text.rstrip(_CLOSING)
    if line.words < 4 or not t or t[-1] not in _SENTENCE_END or code_like(t):
        return False
    utterance = False
    for m in _UTTERANCE_RE.finditer(t):
        inner = next(g for g in m.groups() if g).strip()
        n = len(WORD_RE.findall(inner))
        if n >= 3 or (n >= 2 and inner[-1] in ",.!?…"):
            utterance = True
            break
    if not utterance:
        return False
    outside = _UTTERANCE_RE.sub(" ", t)
    for lang, cues in _speech_cues():
        if any(w in cues for w in WORD_RE.findall(lang.to_latin(outside).casefold())):
            return True
    return False


def rescued_keep(lines: list[Line], probs: np.ndarray, thresholds: dict) -> float:
    """The keep threshold for this page: `keep`, or `rescue` where at `keep` the model would keep
    no paragraph of prose the rules left (a line of 150 characters or more closing a sentence)
    though the page has one: an article page cleaned to no paragraph has failed whole (an article
    far down a long page, its lines at 0.1-0.5), and the page's likeliest prose is then its best
    guess. Off without `rescue` in the thresholds."""
    keep, rescue = thresholds.get("keep", 0.5), thresholds.get("rescue")
    if rescue is None:
        return keep
    prose = [ln.noise is None and ln.end - ln.start >= LONG_PARAGRAPH and ln.text[-1] in TERMINAL for ln in lines]
    kept = probs[:, BODY] + probs[:, TITLE] >= keep
    return rescue if any(prose) and not any(p and k for p, k in zip(prose, kept)) else keep


LEAD_WORDS = 8  # a lead is a sentence: "Глава дипломатии Евросоюза Жозеп Боррель прокомментировал ..." has 10
SENTENCE_END = ".!?…\"»”"


def lead_after(lines: list[Line], title: Line | None) -> Line | None:
    """The paragraph after the rules' title candidate, with only lines the rules mark as furniture
    between (a date, a byline, initials), where it is a sentence the rules keep (8 words or more,
    closing with a full stop or a quote mark): a news article's lead follows its headline, and
    may be short. Why: the
    model, which learned that a headline followed by a one-sentence summary is a related teaser
    on a web page, can take the lead for one when a caption follows it ("CANBERRA -- Serbian
    Interior Minister Ivica Dačić signed ..." then "Tony Negus and Ivica Dačić (Tanjug)")."""
    if title is None:
        return None
    at = next((i for i, ln in enumerate(lines) if ln is title), len(lines)) + 1
    while at < len(lines) and lines[at].noise is not None:  # a date, a byline, initials between
        at += 1
    nxt = lines[at] if at < len(lines) else None
    if nxt is None or nxt.noise is not None or nxt.words < LEAD_WORDS or nxt.text[-1] not in SENTENCE_END:
        return None
    return nxt


def drop_later_copies(lines: list[Line]) -> None:
    """A paragraph of prose the page prints twice word for word (a second rendering of the
    article, a summary box repeating the lead, a slideshow's copy) is one text: its later copies
    go ("repeat"), so the body, and every quote and event read from it, holds it once. Prose as
    the line model's features count it (`features.is_prose`): a short line repeated (a subhead,
    a label) may be the article's own twice."""
    seen: set[str] = set()
    for line in lines:
        if line.noise is not None or not is_prose(line):
            continue
        if line.keys[0] in seen:
            line.noise = "repeat"
        else:
            seen.add(line.keys[0])
