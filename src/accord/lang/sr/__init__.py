"""Serbian (Latin and Cyrillic): lemmagen3 lemmas, accord's own NER model (ner_model/, trained on
UNER sr+hr) combined with its rules and the KB (recogniser.py, combination.py); every list in
this folder is written in Latin and Cyrillic text is transliterated before it meets one.
Croatian, Bosnian and Montenegrin (lang/hr, lang/bs, lang/cnr) inherit all of it."""
from __future__ import annotations

from ...translit import has_cyrillic, sr_to_cyrillic, sr_to_latin
from ..base import Language


class Serbian(Language):
    code = "sr"
    head_first_names = True  # 'Centar u Nišu' … 'Centar je saopštio'
    name = "Serbian"
    analyser = "accord.lang.sr.analyser"
    recogniser = "accord.lang.sr.recogniser"
    kb_lang = "sr"
    kb_table_lang = "sr-Latn"  # the KB's tables are written in Latin
    lower_case_org_words = True  # 'Ministarstvo unutrašnjih poslova'
    hyphenated_case_endings = True  # 'MUP-a'
    descriptor_outside_name = True  # 'iz pokreta Vetvendosje': Vetvendosje (UNER sr, hr)

    def to_latin(self, text: str) -> str:
        return sr_to_latin(text) if has_cyrillic(text) else text

    def title_lemma(self, low: str, titles) -> str:
        from ...models import lemmatizer

        return lemmatizer("sr").lemmatize(low) or low

    def name_lemma(self, word: str) -> str:
        """lemmagen3 on the Latin spelling, the capital kept ('Srbije' -> 'Srbija')."""
        from ...models import lemmatizer

        lemma = lemmatizer("sr").lemmatize(sr_to_latin(word))
        return lemma[:1].upper() + lemma[1:] if word[:1].isupper() else lemma

    def kb_cyrillic(self, form: str) -> str | None:
        return sr_to_cyrillic(form)


    def kb_forms(self, alias: str, etype: str, gender: str | None) -> set[str]:
        from .kb_forms import sr_inflect_phrase

        return sr_inflect_phrase(alias, etype, gender)

    def kb_adjective_forms(self, word: str, kind: str) -> set[str]:
        from .kb_forms import sr_adjective_all, sr_demonym_all

        return sr_adjective_all(word) if kind == "adj" else sr_demonym_all(word)

    def kb_variants(self, alias: str) -> set[str]:
        from .kb_forms import sr_standard_variants

        return sr_standard_variants(alias)


LANGUAGE = Serbian()
