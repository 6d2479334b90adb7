"""Russian: natasha (slovnet morphology, syntax, NER) and pymorphy3, lists in this folder."""
from __future__ import annotations

from ..base import Language


class Russian(Language):
    code = "ru"
    name = "Russian"
    analyser = "accord.lang.ru.analyser"
    recogniser = "accord.lang.ru.recogniser"
    kb_lang = "ru"

    def title_lemma(self, low: str, titles) -> str:
        from ...models import pymorphy

        return pymorphy().parse(low)[0].normal_form

    def singular_form(self, word: str) -> bool:
        from ...models import pymorphy

        return "sing" in pymorphy().parse(word)[0].tag


LANGUAGE = Russian()
