"""Build time (scripts/build_kb.py): the checks a KB must pass before it is written, and the report
of what a rebuild changed.

Why: the KB is typed by hand, and its mistakes are silent at run time. Two entries for one body
(org:sb-rus and org:security-council-rus) split one actor's mentions between two ids; an alias
that is an everyday word ('politika', 'rama') makes an entity of every sentence that uses it; an
office holder with no term cannot be resolved from a title ('the interior minister') and gives no
country by date. So the build refuses:
- `duplicates`: two entries of the same type and country sharing a name or alias (script-,
  case- and diacritic-free key, the same alias_key the runtime matches on);
- `common_words`: a one-word alias, or a person's bare surname, that the language writes in lower
  case in running text (lang/<code>/common_words.txt, built by scripts/build_common_words.py from
  public news text), unless the row says so (flag `common`, `generic`, `abbr`; `nosurname` for a
  person's surname);
- `office_holders_without_terms`: a person with no term in terms.tsv;
- `concept_duplicates`: two ORG entries of one concept (lang/<code>/org_concepts.tsv, read from
  their names: accord.kb.concepts) and one country: 'the Serbian Interior Ministry' must be one
  entry, or the linker (accord.linking.known_body) cannot say which, and the body splits.
`changes` compares the new compiled KB with the one it replaces (entries added, removed, retyped,
moved to another country; aliases added and removed), so a reviewer sees what an edit did.
"""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from ..lang import DISPLAY, get as language
from .keys import alias_key, index_lang

# flags that say a reviewer already knows the alias is a word ('common'; 'proper': a reviewer
# judged the capitalised word a name wherever it stands, 'Chile'), names such a body in
# any country ('generic') or must be written in capitals ('abbr')
WORD_OK = ("common", "generic", "abbr", "proper")


@lru_cache(maxsize=None)
def common_words(lang: str) -> frozenset[str]:
    """Words the language writes in lower case (lang/<code>/common_words.txt), keyed like aliases."""
    found = language(lang)
    if found is None:
        return frozenset()
    try:
        lines = found.lines("common_words.txt")
    except Exception:
        return frozenset()
    return frozenset(alias_key(w, lang) for w in lines if w.strip())


def duplicates(entries: dict, alias_rows) -> list[str]:
    """Two entries of one type and country sharing a normalised name or alias (short forms, bare
    surnames, are left to the runtime: two people may share a surname)."""
    owners: dict[tuple[str, str, str, str | None], set[str]] = defaultdict(set)
    for eid, lang, alias, flags in alias_rows:
        if "short" in flags:
            continue
        e = entries[eid]
        owners[(index_lang(lang), alias_key(alias, lang), e.type, e.country)].add(eid)
    for e in entries.values():
        # the entry's display name is one of its names too
        owners[(index_lang(DISPLAY), alias_key(e.name, DISPLAY), e.type, e.country)].add(e.id)
    out = []
    for (lang, key, etype, country), ids in sorted(owners.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2], kv[0][3] or "")):
        if len(ids) > 1 and key:
            out.append(f"duplicate: {sorted(ids)} share the {lang} name {key!r} ({etype}, {country or 'no country'})")
    return out


def folded(lang: str) -> bool:
    """A column read through its Latin twin (Serbian Cyrillic): checked there."""
    found = language(lang)
    return found is not None and found.kb_table_lang not in ("", lang)


def common_word_aliases(entries: dict, alias_rows) -> list[str]:
    """One-word aliases (and bare surnames) that are everyday words of their language."""
    out = []
    for eid, lang, alias, flags in alias_rows:
        if len(alias.split()) != 1 or any(f in flags for f in WORD_OK) or folded(lang):
            continue
        if "short" in flags and "nosurname" in flags:
            continue
        words = common_words(index_lang(lang))
        if alias_key(alias, lang) in words:
            what = "bare surname" if "short" in flags else "alias"
            fix = "nosurname" if "short" in flags else "common (or drop the alias)"
            out.append(f"common word: {eid} {lang} {what} {alias!r} is an everyday word; flag it {fix}")
    return sorted(set(out))


def office_holders_without_terms(entries: dict) -> list[str]:
    return [f"no term: {e.id} ({e.name}) holds no office in terms.tsv" for e in entries.values()
            if e.type == "PER" and e.kind == "person" and not e.terms]


def concept_duplicates(kb, entries=None) -> list[str]:
    """Two ORG entries of one concept and country (checked on the compiled KB, whose country words
    read the names' countries)."""
    from .concepts import by_concept
    return [f"duplicate concept: {ids} are both the {concept} of {iso}; one entry per concept and country"
            for (concept, iso), ids in sorted(by_concept(kb, entries).items()) if len(ids) > 1]


def check(entries: dict, alias_rows) -> list[str]:
    """Every problem the build refuses, as lines for a reviewer (empty: the KB is sound)."""
    return duplicates(entries, alias_rows) + common_word_aliases(entries, alias_rows) + office_holders_without_terms(entries)


def changes(old, new) -> list[str]:
    """What a rebuild changed, old and new compiled KBs (`Compiled`); old None = first build."""
    if old is None:
        return [f"first build: {len(new.entries)} entries"]
    before = {e.id: e for e in old.entries}
    after = {e.id: e for e in new.entries}
    out = [f"entries: {len(before)} -> {len(after)}"]
    before_ids = [e.id for e in old.entries]
    after_ids = [e.id for e in new.entries]
    for eid in sorted(after.keys() - before.keys()):
        out.append(f"+ {eid} {after[eid].type} {after[eid].country or '-'} {after[eid].name}")
    for eid in sorted(before.keys() - after.keys()):
        out.append(f"- {eid} {before[eid].type} {before[eid].country or '-'} {before[eid].name}")
    for eid in sorted(after.keys() & before.keys()):
        a, b = before[eid], after[eid]
        for field in ("type", "country", "kind", "sector", "code", "name"):
            if getattr(a, field) != getattr(b, field):
                out.append(f"~ {eid} {field}: {getattr(a, field)} -> {getattr(b, field)}")
        for lang in sorted(set(a.aliases) | set(b.aliases)):
            old_a, new_a = set(a.aliases.get(lang, [])), set(b.aliases.get(lang, []))
            for x in sorted(new_a - old_a):
                out.append(f"~ {eid} {lang} alias + {x}")
            for x in sorted(old_a - new_a):
                out.append(f"~ {eid} {lang} alias - {x}")
        if len(a.terms) != len(b.terms):
            out.append(f"~ {eid} terms: {len(a.terms)} -> {len(b.terms)}")
    for lang in sorted(set(old.index) | set(new.index)):
        a_idx, b_idx = old.index.get(lang, {}), new.index.get(lang, {})
        for key in sorted(set(a_idx) | set(b_idx)):
            ra = {(before_ids[i], fl) for i, fl, _ in a_idx.get(key, [])}
            rb = {(after_ids[i], fl) for i, fl, _ in b_idx.get(key, [])}
            if ra != rb:
                out.append(f"~ {lang} form {key!r}: {sorted(ra - rb)} -> {sorted(rb - ra)}")
    n_old = sum(len(v) for idx in old.index.values() for v in idx.values())
    n_new = sum(len(v) for idx in new.index.values() for v in idx.values())
    out.append(f"indexed forms: {n_old} -> {n_new}")
    return out
