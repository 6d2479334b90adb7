"""The boilerplate lexicon: every family root's `lang/<code>/boilerplate_*.txt` lists, as one.

Why all languages at once: cleaning runs before language detection (the detector must read
the article, not its menus), so a line is matched against every family's lists. The lists are
word-normalised (`lines.key`) and compiled once into the patterns the rules use; Serbian lists
are written in Latin and meet a Cyrillic line through its Latin key (see `lines`).

Kinds: `lines` (a whole line: "Войти"), `prefixes` (a line starting so: "Подписывайтесь на"),
`phrases` (anywhere in a short line), `tail` (comments start: "Оставьте ответ"), `teasers`
("Читайте также"), `credits` ("Izvor"), `photo` ("Foto"), `bylines` ("By"), `stamps` (stamp
labels: "Published"), `nav` (menu words), `counters` ("просмотров"); weekdays come from
`weekdays.tsv`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lang import LANGS, load_list, load_tsv
from .lines import UPPER, key


@dataclass(frozen=True)
class Lexicon:
    """All languages' boilerplate lists, word-normalised (see `lines.key`)."""

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
    photo_label_re: re.Pattern[str]
    photo_tail_rev_re: re.Pattern[str]
    prefix_re: re.Pattern[str]
    phrase_re: re.Pattern[str]
    teaser_re: re.Pattern[str]
    byline_re: re.Pattern[str]
    stamp_label_re: re.Pattern[str]


# scraped text and its sites often drop the diacritics ("Procitajte jos", "Komentari citalaca",
# "Читайте ещё" typed "еще"): every entry is also matched in its plain spelling
_PLAIN = str.maketrans({"č": "c", "ć": "c", "š": "s", "ž": "z", "đ": "dj", "ё": "е"})


def _load(kind: str) -> tuple[str, ...]:
    out: list[str] = []
    for lang in LANGS:
        for item in load_list(lang, f"boilerplate_{kind}.txt"):
            k = key(item)
            if k:
                out.extend((k, k.translate(_PLAIN)))
    return tuple(sorted(set(out), key=lambda s: (-len(s), s)))


def _starts_re(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """Matches a key that starts with one of the phrases (whole words); group 1 is the phrase."""
    alt = "|".join(re.escape(p) for p in phrases) or "(?!)"
    return re.compile(rf"({alt})(?: |$)")


def _label_re(labels: tuple[str, ...], reverse: bool = False) -> str:
    """Alternatives matching each label, words apart by any whitespace (`reverse`: the label
    read backwards, for a pattern matched on a reversed line)."""
    if reverse:
        labels = tuple(" ".join(w[::-1] for w in reversed(label.split())) for label in labels)
    return "|".join(r"\s+".join(re.escape(w) for w in label.split()) for label in labels)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    credits = _load("credits")
    photo = _load("photo")
    stamps = _load("stamps")
    weekdays = set()
    for lang in LANGS:
        weekdays.update(key(row[0]) for row in load_tsv(lang, "weekdays.tsv") if row)
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
        # (the name after the bare word must be capitalised, case-sensitively: "Video games are
        # popular" and "Images of the war shocked" are prose, "Photo AFP", "Фото МУП" credits)
        photo_start_re=re.compile(rf"[(\[]?\s*(?:(?:{ph})\s*(?:[:/|©]|\s+by\b|\s+(?:(?-i:[{UPPER}])|\W))|©|\(c\)\s)", re.I),
        # caption ending in a credit: "... on Sept. 28, 2023. (Photo by Wang Wei/Xinhua)", "... Foto: Beta"
        photo_end_re=re.compile(rf"(?:[(\[]\s*(?:{ph})\b[^()\[\]]{{0,80}}[)\]]|(?<!\w)(?:{ph})\s*:\s*[^.!?:]{{1,60}}|©[^.!?]{{0,60}})\s*$", re.I),
        # a short caption closed by a photo word, no full stop: "..., архивска фотографија", "Архивное фото"
        photo_tail_re=re.compile(rf"(?<=[^\W\d_])\s+(?:{ph})\s*$", re.I),
        # a short line led by a photo word: "Фото из архива", "Photo of the day" (not prose: "Video games are ...")
        photo_label_re=re.compile(rf"[(\[]?\s*(?:{ph})\s", re.I),
        # photo_tail_re read backwards, matched at the start of the reversed line: the same lines,
        # without trying every position of a long line
        photo_tail_rev_re=re.compile(rf"\s*(?:{_label_re(photo, reverse=True)})\s+(?=[^\W\d_])", re.I),
    )
