"""Acts a sentence mentions only in the background are not its events: a participle that
describes someone ("the detained", "optuženih"), and what hangs under it."""
from __future__ import annotations

import pytest

from accord.analysis import sentence_tokens
from accord.doc import Article
from accord.events import triggers
from accord.pipeline import process


def trigger_words(text: str, lang: str) -> list[str]:
    doc = Article(text=text, source="t.txt", lang=lang)
    process(doc, ("clean", "sentences", "parse"))
    out = []
    for toks in sentence_tokens(doc, doc.sentences):
        _, real, _ = triggers.find(toks, lang)
        out += [" ".join(toks[i].low for i in m.tokens) for m in real]
    return out


@pytest.mark.parametrize("lang, text, background", [
    ("en", "Washington imposed sanctions on two traders based in Dubai accused of helping Tehran buy drone parts.",
     {"accused", "helping"}),
    ("ru", "Прокуратура Украины направила в Минск запрос о выдаче 12 задержанных граждан.", {"задержанных"}),
    ("sr", "Ministar je zahvalio Nemačkoj i istakao da će donirana oprema olakšati rad graničara.", {"donirana"}),
    ("sr", "Dve zemlje potpisale su sporazum o izručivanju optuženih za ratne zločine.", {"optuženih"}),
])
def test_a_participle_describing_someone_is_no_act(lang, text, background):
    found = trigger_words(text, lang)
    assert not background & set(found), found
    assert found, "the sentence's own act is still found"


@pytest.mark.parametrize("lang, text, act", [
    ("en", "Police in Belgrade have arrested four suspects.", "arrested"),
    ("en", "Several NATO members expelled Russian diplomats, many of them accused of spying.", "accused"),
    ("ru", "Двое участников группы были задержаны в Бишкеке.", "задержаны"),
    ("sr", "Osumnjičeni je uhapšen u Beogradu.", "uhapšen"),
    ("sr", "Na sastanku je, kako se dodaje, dogovoren i nastavak saradnje.", "dogovoren"),
])
def test_a_predicative_participle_is_the_act(lang, text, act):
    assert act in trigger_words(text, lang)
