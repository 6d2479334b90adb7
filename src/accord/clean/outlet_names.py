"""Which names are news outlets: the reviewed list `accord/data/outlets.tsv` (wires, agencies,
broadcasters, papers and portals with their country, spellings in each script and web domain).

Why a list: on pages nobody tuned to, the outlet is most often stated only as a credit of an
agency or a site ("Izvor: Srna", "(Tanjug)", "/ФОНЕТ/", "INTERFAX.RU", "© Reuters", "Foto:
Beta"), and the lines that hold such credits also hold section labels, weekdays, menu paths,
authors and slogans. Where a credit stands says how much a name there is worth
(`accord.clean.outlet`); whether the name is an outlet at all is this list's to say, so a guess
in a weak position (a header line beside the title) counts only when the list knows it.

A name is matched whole, casefolded, quotes and a leading "www." dropped, and through its
Serbian Latin form (`lines.latin_forms`: "Танјуг" meets "Tanjug").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .lines import latin_forms

_QUOTES = "«»\"„“”‘’'`"
_STRIP = " \t.,;:!?|()[]{}<>/\\-–—*•·" + _QUOTES
# a web address written as the name ("Telegraf.rs", "INTERFAX.RU", "ria.ru")
DOMAIN_RE = re.compile(r"(?:www\.)?[^\W_][\w-]*(?:\.[^\W\d_][\w-]*)*\.[^\W\d_]{2,6}", re.I)


@dataclass(frozen=True)
class Outlet:
    name: str
    country: str
    kind: str
    word: bool  # the name is also an ordinary word or rubric ("Politika", "Danas", "Beta")


def norm(text: str) -> str:
    """The matching key of a name: casefolded, ё as е, quotes, "www." and edge punctuation dropped."""
    s = " ".join(text.replace("\u00a0", " ").split()).strip(_STRIP).casefold().replace("ё", "е")
    s = s.translate({ord(c): None for c in _QUOTES})
    return s[4:] if s.startswith("www.") else s


def _listed() -> list[tuple[Outlet, list[str]]]:
    """Each outlets.tsv row as its entry and its spellings (the name, then its aliases)."""
    rows = []
    text = resources.files("accord.data").joinpath("outlets.tsv").read_text(encoding="utf-8")
    for row in text.splitlines():
        if not row.strip() or row.startswith("#"):
            continue
        name, country, kind, aliases, flags = (row.split("\t") + ["-"] * 5)[:5]
        entry = Outlet(name, country, kind, "word" in flags.split(","))
        rows.append((entry, [name] + [a.strip() for a in aliases.split("|") if a.strip() not in ("", "-")]))
    return rows


@lru_cache(maxsize=1)
def _index() -> dict[str, Outlet]:
    out: dict[str, Outlet] = {}
    for entry, forms in _listed():
        for form in forms:
            for variant in (form, *latin_forms(form)):
                out.setdefault(norm(variant), entry)
    return out


def lookup(name: str) -> Outlet | None:
    """The listed outlet this name is, or None."""
    if not name or len(name) > 60:
        return None
    index = _index()
    hit = index.get(norm(name))
    if hit is None:
        for form in latin_forms(name):
            hit = index.get(norm(form))
            if hit is not None:
                break
    return hit


def _stems(key: str, cuts: tuple[int, ...]) -> list[str]:
    """The key with its last word (the part before a web address's dot: "лента" of "лента.ру")
    cut by each of `cuts` letters, keeping five letters at least (four before a web address's
    ending, which must agree too): "Monday" is no case form of "Mondo"."""
    head, _, last = key.rpartition(" ")
    word, dot, domain = last.partition(".")
    out = []
    for cut in cuts:
        if cut == 0 or len(word) - cut >= (4 if dot else 5):
            out.append(f"{head} {word[:len(word) - cut]}{dot}{domain}".strip())
    return out


@lru_cache(maxsize=1)
def _stem_index() -> dict[str, tuple[Outlet, str]]:
    """Each listed spelling by its stems (itself and less its last letter), with the spelling."""
    out: dict[str, tuple[Outlet, str]] = {}
    for entry, forms in _listed():
        for form in forms:
            for stem in _stems(norm(form), (0, 1)):
                out.setdefault(stem, (entry, form))
    return out


def lookup_inflected(name: str) -> tuple[Outlet, str] | None:
    """The listed outlet a name is in a case form ("Ленте.ру", "Ленты.ру" -> Лента.ру,
    "Tanjugu" -> Tanjug, "Танјугом" -> Танјуг) and its listed spelling; the name itself
    where it is listed as written. Why: a credit in running text declines the outlet's name
    ("сообщили «Ленте.ру»", "izjavio je za Tanjug"), the list holds the nominative. The last
    word, cut by up to two letters, meets a listed spelling cut by up to one: no language's
    endings are listed, a stem of four letters at least must agree."""
    hit = lookup(name)
    if hit is not None:
        return hit, clean_name(name)
    index = _stem_index()
    for form in (name, *latin_forms(name)):
        for cut, stem in zip((1, 2), _stems(norm(form), (1, 2))):
            found = index.get(stem)
            if found is None:
                continue
            entry, spelling = found
            if form is not name and norm(spelling) == stem:
                # met through its Latin form ("Танјугу" as "Tanjugu"): the name as written, less its ending
                return entry, clean_name(name)[:-cut]
            return found
    return None


def domain_shaped(name: str) -> bool:
    """A web address as a name ("Telegraf.rs", "Блиц.рс"): a site names itself so."""
    return bool(DOMAIN_RE.fullmatch(name.strip(_STRIP)))


def clean_name(name: str) -> str:
    """The name as written, edge punctuation and quotes dropped."""
    return " ".join(name.split()).strip(_STRIP)
