"""Crafts are no organisations or places: a «quoted» name after a craft noun ('шаттл
«Дискавери»', `vehicle_nouns.txt`) names a vehicle, in all its mentions in the article.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...doc import Mention
from ...lang import load_list
from ...models import pymorphy

LANG = "ru"


@lru_cache(maxsize=1)
def _crafts() -> frozenset[str]:
    return frozenset(w.casefold() for w in load_list(LANG, "vehicle_nouns.txt"))


QUOTED = r"[«„\"]([^«»„“\"\n]{1,40})[»“\"]"
ASIDE = r"(?:\s*\([^()\n]{0,40}\))?"  # 'шаттлы «Индевор» (в апреле) и «Атлантис» (в июне)'
CRAFT = re.compile(r"(?<!\w)([\w-]+)\s+" + QUOTED + ASIDE + r"((?:\s*(?:,|и)\s*" + QUOTED + ASIDE + r")*)")


@lru_cache(maxsize=50000)
def _lemmas(word: str) -> frozenset[str]:
    return frozenset(p.normal_form.replace("ё", "е") for p in pymorphy().parse(word))


def craft_names(text: str) -> set[tuple[frozenset[str], ...]]:
    """The names of crafts in the article: «quoted» names right after a craft noun ('шаттл
    «Дискавери»', 'шаттлы «Индевор» ... и «Атлантис»'), as the lemmas of their words."""
    crafts = _crafts()
    out = set()
    for x in CRAFT.finditer(text):
        if not (_lemmas(x.group(1)) & crafts or x.group(1).casefold() in crafts):
            continue
        for name in [x.group(2)] + re.findall(QUOTED, x.group(3) or ""):
            words = name.split()
            if words and words[0][:1].isupper():
                out.add(tuple(_lemmas(w) for w in words))
    return out


def is_craft(text: str, m: Mention, crafts: set) -> bool:
    """A mention in quotes, or right after a craft noun, that names one of the article's crafts."""
    quoted = text[m.start - 1:m.start] in "«„\"" and m.start > 0
    before = text[max(0, m.start - 40):m.start].split()
    after_craft = bool(before) and bool(_lemmas(before[-1].strip("«„\"")) & _crafts())
    if not (quoted or after_craft):
        return False
    words = m.text.split()
    return any(len(c) == len(words) and all(a & _lemmas(w) for a, w in zip(c, words)) for c in crafts)
