#!/usr/bin/env python
"""Build accord's knowledge base: generated country tables plus the compiled runtime file.

Why a build step: the runtime must load in a fraction of a second and never run a morphology
model for the KB. So every alias is inflected here, once (Russian with pymorphy3 lexemes and
surname rules, Serbian with case-ending rules), and written with the reviewed data into
src/accord/data/kb/kb.json.

Inputs (src/accord/data/kb/):
  countries from pycountry (ISO 3166) named by babel's CLDR locales en, ru, sr, sr_Latn
    -> written to countries.tsv and country_aliases.tsv (generated, reviewable)
  country_aliases_extra.tsv, adjectives.tsv, entities.tsv, aliases.tsv, people.tsv,
  people_aliases.tsv, terms.tsv (hand-written, reviewed)
Output: kb.json (compiled; what accord.kb.load_kb reads).

Run: .venv/bin/python scripts/build_kb.py
"""
from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

import msgspec

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from accord.kb import Compiled, KBEntry, Term, alias_key  # noqa: E402
from accord.kb import checks  # noqa: E402
from accord.kb.keys import index_lang, index_langs  # noqa: E402
from accord.lang import DISPLAY, get as language, roots  # noqa: E402

KB_DIR = ROOT / "src" / "accord" / "data" / "kb"
# PLOVER's non-state actor codes (shared/reference/plover.md, "Actors"); only these entries carry an org_code
NON_STATE_CODES = ("IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC")

# Codes CLDR/pycountry lack or retired that news still uses (ISO 3166-3 / user-assigned).
EXTRA_COUNTRIES = {
    "XKX": ("XK", "Kosovo"),
    "SUN": (None, "Soviet Union"),
    "YUG": (None, "Yugoslavia"),
    "SCG": (None, "Serbia and Montenegro"),
}


# --------------------------------------------------------------------------- reading
def read_tsv(name: str) -> list[list[str]]:
    rows = []
    for line in (KB_DIR / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("@"):
            continue
        rows.append([c.strip() for c in line.split("\t")])
    return rows


def split_aliases(cell: str) -> list[str]:
    return [a.strip() for a in cell.split(" | ") if a.strip()]


def dash(v: str | None) -> str | None:
    return None if v in (None, "", "-") else v


def table_columns() -> tuple[str, ...]:
    """The language columns of the KB's tables: each family's index language, then the column its
    tables are written in where that differs (en, ru, sr, sr-Latn)."""
    out: list[str] = []
    for code in roots():
        lang = language(code)
        out += [lang.kb_lang] + ([lang.kb_table_lang] if lang.kb_table_lang else [])
    return tuple(dict.fromkeys(out))


def folded_into(col: str) -> str | None:
    """The column a column's aliases are read into, in its script ('sr' Cyrillic -> 'sr-Latn');
    None for a column read as it is."""
    lang = language(col)
    return lang.kb_table_lang if lang is not None and lang.kb_table_lang not in ("", col) else None


# --------------------------------------------------------------------------- countries
def build_countries() -> tuple[list[list[str]], list[list[str]]]:
    """ISO 3166 countries with CLDR names: rows for countries.tsv and country_aliases.tsv."""
    import pycountry
    from babel import Locale

    locales = {col: Locale.parse(col.replace("-", "_")) for col in table_columns()}
    countries, aliases = [], []
    items = [(c.alpha_3, c.alpha_2, c) for c in pycountry.countries]
    items += [(a3, a2, None) for a3, (a2, _) in EXTRA_COUNTRIES.items()]
    for a3, a2, c in sorted(items, key=lambda x: x[0]):
        en_name = (locales[DISPLAY].territories.get(a2) if a2 else None) or EXTRA_COUNTRIES.get(a3, (0, None))[1]
        if c is not None:
            en_name = en_name or getattr(c, "common_name", None) or c.name
        cid = f"country:{a3}"
        countries.append([cid, "LOC", "country", en_name, a3, a3, "-", "-", "-"])
        seen = set()

        def add(lang, name, source):
            if not name:
                return
            # a list, not a set: the order of rows must not depend on string hashing (stable rebuilds)
            for variant in dict.fromkeys([name, re.sub(r"\s*\(.*?\)\s*", " ", name).strip()]):
                variant = " ".join(variant.split())
                if variant and (lang, variant) not in seen:
                    seen.add((lang, variant))
                    aliases.append([cid, lang, variant, "", source])

        for lang, loc in locales.items():
            if a2:
                add(lang, loc.territories.get(a2), f"cldr:{lang}")
        if c is not None:
            # pycountry's names are English, the language display names come in
            add(DISPLAY, c.name, "pycountry")
            add(DISPLAY, getattr(c, "official_name", None), "pycountry")
            add(DISPLAY, getattr(c, "common_name", None), "pycountry")
    return countries, aliases


def write_generated(countries, aliases) -> None:
    stamp = "# source: generated by scripts/build_kb.py from pycountry (ISO 3166-1) and babel CLDR territory names (en, ru, sr, sr_Latn); do not edit, edit country_aliases_extra.tsv"
    with open(KB_DIR / "countries.tsv", "w", encoding="utf-8") as f:
        f.write(stamp + "\n@id\ttype\tkind\tname\tcountry\tcode\tsector\tparent\tgender\n")
        for row in countries:
            f.write("\t".join(row) + "\n")
    with open(KB_DIR / "country_aliases.tsv", "w", encoding="utf-8") as f:
        f.write(stamp + "\n@id\tlang\talias\tflags\tsource\n")
        for row in aliases:
            f.write("\t".join(row) + "\n")


# --------------------------------------------------------------------------- assembling
def inflections(alias: str, lang: str, etype: str, gender: str | None, flags: set[str]) -> set[str]:
    """Case forms of an alias by its language's rules (Language.kb_forms: lang/ru/kb_forms.py,
    lang/sr/kb_forms.py); none for an abbreviation or an alias marked noinfl."""
    if "noinfl" in flags or "abbr" in flags or (alias.isupper() and len(alias) <= 6):
        return set()
    found = language(lang)
    return found.kb_forms(alias, etype, gender) if found is not None else set()


def main() -> None:
    countries, gen_aliases = build_countries()
    write_generated(countries, gen_aliases)

    # entities -------------------------------------------------------------------------
    rows = countries + read_tsv("entities.tsv") + read_tsv("people.tsv")
    entries: dict[str, KBEntry] = {}
    genders: dict[str, str | None] = {}
    for r in rows:
        r = (r + ["-"] * 10)[:10]
        eid, etype, kind, name, country, code, sector, parent, gender, org_code = r
        if eid in entries:
            raise SystemExit(f"duplicate id {eid}")
        if dash(org_code) and (dash(country) or code not in NON_STATE_CODES):
            raise SystemExit(f"{eid}: org_code {org_code} on an entry with a state or a state code ({country}, {code})")
        if etype == "ORG" and not dash(country) and code in NON_STATE_CODES and not dash(org_code):
            raise SystemExit(f"{eid}: a non-state organisation ({code}) needs an org_code (events use it as the actor's code)")
        entries[eid] = KBEntry(id=eid, name=name, type=etype, kind=dash(kind), country=dash(country),
                               code=dash(code), sector=dash(sector), parent=dash(parent), aliases={},
                               org_code=dash(org_code))
        genders[eid] = dash(gender)

    # aliases: (id, lang, alias, flags) --------------------------------------------------
    alias_rows: list[tuple[str, str, str, set[str]]] = []
    for eid, lang, alias, flags, _src in gen_aliases:
        alias_rows.append((eid, lang, alias, set()))
    for r in read_tsv("country_aliases_extra.tsv"):
        iso, lang, cell = r[0], r[1], r[2]
        flags = set(filter(None, (r[3] if len(r) > 3 else "").split(",")))
        for a in split_aliases(cell):
            alias_rows.append((f"country:{iso}", lang, a, flags))
    for name in ("aliases.tsv", "people_aliases.tsv"):
        for r in read_tsv(name):
            eid, lang, cell = r[0], r[1], r[2]
            if eid not in entries:
                raise SystemExit(f"{name}: unknown id {eid}")
            flags = set(filter(None, (r[3] if len(r) > 3 else "").split(",")))
            for a in split_aliases(cell):
                alias_rows.append((eid, lang, a, flags))

    # Serbian: Cyrillic names from CLDR 'sr' are folded into sr-Latn (one Latin list)
    norm_rows = []
    for eid, lang, alias, flags in alias_rows:
        into = folded_into(lang)
        if into is not None:
            norm_rows.append((eid, into, language(lang).to_latin(alias), flags | {"cyr"}))
        norm_rows.append((eid, lang, alias, flags))
    alias_rows = norm_rows

    # a reviewed row's `common` (or `proper`) flag holds for the same alias wherever it comes from ('Mali' in
    # Serbian is also the word 'small': CLDR's row gets the flag of country_aliases_extra's)
    reviewed = defaultdict(set)
    for eid, lang, alias, flags in alias_rows:
        reviewed[(eid, lang, alias)] |= flags & {"common", "proper"}
    alias_rows = [(eid, lang, alias, flags | reviewed[(eid, lang, alias)]) for eid, lang, alias, flags in alias_rows]

    # the family's other standards (Croatian, Bosnian: 'Europska unija', 'Sjeverna Makedonija',
    # 'Ministarstvo unutarnjih poslova'): indexed and inflected, not listed as the entry's names
    variant_rows = []
    for eid, lang, alias, flags in alias_rows:
        if "cyr" in flags or entries[eid].type == "PER" or language(lang) is None:
            continue
        for v in sorted(language(lang).kb_variants(alias)):
            variant_rows.append((eid, lang, v, flags | {"variant"}))
    known = {(eid, lang, alias) for eid, lang, alias, _ in alias_rows}
    alias_rows += [r for r in variant_rows if (r[0], r[1], r[2]) not in known]

    # surnames of people ---------------------------------------------------------------
    surname_rows = []
    for eid, lang, alias, flags in alias_rows:
        e = entries[eid]
        if e.type != "PER" or "nosurname" in flags or folded_into(lang):
            continue
        words = alias.split()
        if len(words) >= 2 and words[0][:1].isupper():
            surname = words[-1]
            if len(surname) >= 4:
                surname_rows.append((eid, lang, surname, flags | {"short"}))
    alias_rows += surname_rows

    # base aliases on entries ------------------------------------------------------------
    for eid, lang, alias, flags in alias_rows:
        if "short" in flags or "variant" in flags:
            continue
        e = entries[eid]
        if folded_into(lang) or "cyr" in flags:
            continue
        e.aliases.setdefault(lang, [])
        if alias not in e.aliases[lang]:
            e.aliases[lang].append(alias)
        spelled = language(lang).kb_cyrillic(alias)  # a Latin column's Cyrillic twin (sr-Latn -> sr)
        if spelled is not None:
            twin = index_lang(lang)
            e.aliases.setdefault(twin, [])
            cyr = alias if "abbr" in flags and alias.isascii() is False else spelled
            if cyr not in e.aliases[twin]:
                e.aliases[twin].append(cyr)

    # index ------------------------------------------------------------------------------
    order = list(entries)
    pos = {eid: i for i, eid in enumerate(order)}
    index: dict[str, dict[str, list[tuple[int, str, str]]]] = {x: {} for x in index_langs()}

    def put(lang, form, eid, flags):
        key = alias_key(form, lang)
        if not key:
            return
        fl = ",".join(sorted(f for f in flags if f in ("generic", "abbr", "short", "infl", "common")))
        bucket = index[lang].setdefault(key, [])
        for n, (i, f0, _) in enumerate(bucket):
            if i == pos[eid]:
                # keep the most specific reading of an entity for this key
                if "generic" in f0 and "generic" not in fl:
                    bucket[n] = (i, fl, form)
                return
        bucket.append((pos[eid], fl, form))

    for eid, lang, alias, flags in alias_rows:
        e = entries[eid]
        target = index_lang(lang)
        if folded_into(lang):
            continue  # Cyrillic handled via its Latin twin
        put(target, alias, eid, flags)
        for form in inflections(alias, lang, e.type, genders.get(eid), flags):
            put(target, form, eid, flags | {"infl"})

    # country words: names (all forms), adjectives, demonyms ----------------------------
    country_words: dict[str, dict[str, set[str]]] = {x: defaultdict(set) for x in index_langs()}
    for lang, idx in index.items():
        for key, rows_ in idx.items():
            for i, flags, _ in rows_:
                e = entries[order[i]]
                if e.kind == "country" and "short" not in flags:
                    country_words[lang][key].add(e.country)
    for r in read_tsv("adjectives.tsv"):
        iso, lang, kind, cell = r
        target = index_lang(lang)
        for base in split_aliases(cell):
            forms = {base} | language(lang).kb_adjective_forms(base, kind)
            for v in language(lang).kb_variants(base):  # 'europski' beside 'evropski'
                forms |= {v} | language(lang).kb_adjective_forms(v, kind)
            for f in forms:
                country_words[target][alias_key(f, target)].add(iso)
    countries_idx = {lang: {k: next(iter(v)) for k, v in d.items() if len(v) == 1} for lang, d in country_words.items()}

    # terms ------------------------------------------------------------------------------
    for r in read_tsv("terms.tsv"):
        eid, role, country, start, end, approx = (r + ["0"] * 6)[:6]
        if eid not in entries:
            raise SystemExit(f"terms.tsv: unknown id {eid}")
        entries[eid].terms.append(Term(role=role, country=dash(country), start=dash(start), end=dash(end),
                                       approx=approx == "1"))

    problems = checks.check(entries, alias_rows)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        raise SystemExit(f"the KB fails {len(problems)} check(s) (accord.kb.checks); kb.json not written")

    compiled = Compiled(
        provenance=[
            "accord knowledge base, compiled by scripts/build_kb.py (same sources, same bytes)",
            "countries: pycountry (ISO 3166) + babel CLDR names (en, ru, sr, sr_Latn)",
            "other entries, aliases, adjectives, terms: reviewed hand-written TSVs in accord/data/kb",
            "inflections: pymorphy3 (ru) and case-ending rules (sr) at build time",
        ],
        entries=[entries[e] for e in order],
        # keys sorted: the same sources give the same bytes whatever the string hash seed
        index={lang: dict(sorted(idx.items())) for lang, idx in sorted(index.items())},
        countries={lang: dict(sorted(idx.items())) for lang, idx in sorted(countries_idx.items())},
    )
    from accord.kb.index import KB
    problems = checks.concept_duplicates(KB(compiled))
    if problems:
        print("\n".join(problems), file=sys.stderr)
        raise SystemExit(f"the KB fails {len(problems)} check(s) (accord.kb.checks); kb.json not written")
    old_path = KB_DIR / "kb.json"
    old = msgspec.json.decode(old_path.read_bytes(), type=Compiled) if old_path.exists() else None
    report = checks.changes(old, compiled)
    (KB_DIR / "kb.json").write_bytes(msgspec.json.encode(compiled))
    print("\n".join(report[:200]) + (f"\n... {len(report) - 200} more" if len(report) > 200 else ""))
    n_forms = {lang: sum(len(v) for v in idx.values()) for lang, idx in index.items()}
    print(f"entries={len(order)} keys={ {k: len(v) for k, v in index.items()} } forms={n_forms} "
          f"country_words={ {k: len(v) for k, v in countries_idx.items()} }")


if __name__ == "__main__":
    main()
