"""Serbian (Latin and Cyrillic): lemmagen3 lemmas and accord's own recogniser; every list in
this folder is written in Latin and Cyrillic text is transliterated before it meets one.
Croatian, Bosnian and Montenegrin (lang/hr, lang/bs, lang/cnr) inherit all of it."""
from __future__ import annotations

from ...translit import has_cyrillic, sr_to_latin
from ..base import Language


class Serbian(Language):
    code = "sr"
    name = "Serbian"
    analyser = "accord.lang.sr.analyser"
    recogniser = "accord.lang.sr.recogniser"
    kb_lang = "sr"
    kb_table_lang = "sr-Latn"  # the KB's tables are written in Latin

    def to_latin(self, text: str) -> str:
        return sr_to_latin(text) if has_cyrillic(text) else text

    def title_lemma(self, low: str, titles) -> str:
        from ...models import lemmatizer

        return lemmatizer("sr").lemmatize(low) or low


LANGUAGE = Serbian()
