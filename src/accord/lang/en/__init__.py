"""English: spaCy en_core_web_sm (analyser and recogniser), lists in this folder."""
from __future__ import annotations

import re

from ..base import Language


class English(Language):
    code = "en"
    name = "English"
    analyser = "accord.lang.en.analyser"
    recogniser = "accord.lang.en.recogniser"
    backends = "accord.lang.en.backends"
    inflected = False  # the owner's country comes as an adjective or 'of (the) X', not a genitive
    kb_lang = "en"
    title_max_ending = 1  # English takes no case ending, only a plural 's'
    possessive = re.compile(r"['’]s?$")  # "Russia's", "Reuters'"
    leading_articles = ("the ",)

    def title_lemma(self, low: str, titles) -> str:
        return low.rstrip("s") if low.endswith("s") and low[:-1] in titles else low

    def singular_form(self, word: str) -> bool:
        return word.endswith("ss")  # 'boss', not a plural in -s


LANGUAGE = English()
