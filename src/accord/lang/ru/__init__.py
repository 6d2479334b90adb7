"""Russian: natasha (slovnet morphology, syntax, NER) and pymorphy3, lists in this folder."""
from __future__ import annotations

from ..base import Language


class Russian(Language):
    code = "ru"
    head_first_names = True  # 'Центр по борьбе …' … 'Центр сообщил'
    name = "Russian"
    analyser = "accord.lang.ru.analyser"
    recogniser = "accord.lang.ru.recogniser"
    backends = "accord.lang.ru.backends"
    kb_lang = "ru"
    lower_case_org_words = True  # 'Совет безопасности'

    def name_lemma(self, word: str) -> str:
        from ...models import pymorphy
        from ...translit import has_cyrillic

        return pymorphy().parse(word)[0].normal_form if has_cyrillic(word) else word

    def title_lemma(self, low: str, titles) -> str:
        from ...models import pymorphy

        return pymorphy().parse(low)[0].normal_form

    def singular_form(self, word: str) -> bool:
        from ...models import pymorphy

        return "sing" in pymorphy().parse(word)[0].tag


    def kb_forms(self, alias: str, etype: str, gender: str | None) -> set[str]:
        from .kb_forms import ru_inflect_phrase, ru_person_forms

        if etype == "PER":
            return ru_person_forms(alias, gender or "m")
        forms = ru_inflect_phrase(alias, all_nouns=False)
        if etype == "LOC":
            forms |= ru_inflect_phrase(alias, all_nouns=True)
        return forms

    def kb_adjective_forms(self, word: str, kind: str) -> set[str]:
        from .kb_forms import _ru_nomn_parse

        p = _ru_nomn_parse(word)
        return {f.word for f in p.lexeme} if p is not None else set()


LANGUAGE = Russian()
