"""Event contexts: the three contexts.tsv are parallel (the same cue in en, ru and Serbian in both
scripts gives the same contexts), and an event whose sentence and paragraph cue nothing inherits
the article's topic from its title and lead."""
from __future__ import annotations

import pytest

from accord.analysis import sentence_tokens
from accord.doc import Article, Sentence, Span
from accord.events import contexts
from accord.pipeline import process
from accord.translit import sr_to_cyrillic


def cued(text: str, lang: str) -> set[str]:
    doc = Article(text=text, source="t.txt", lang=lang)
    process(doc, ("clean", "language", "sentences", "parse"))
    doc.lang = lang
    out: set[str] = set()
    for toks in sentence_tokens(doc, doc.sentences):
        strong, weak = contexts.sentence_contexts(toks, lang)
        out |= strong | weak
    return out


PARALLEL = [
    ({"illegal_drugs", "trafficking"},
     "The ministers discussed the smuggling of drugs and precursors.",
     "Министры обсудили контрабанду наркотиков и прекурсоров.",
     "Ministri su razgovarali o krijumčarenju droge i prekursora."),
    ({"cyber"},
     "The services will exchange data on malware and phishing.",
     "Службы будут обмениваться данными о вредоносных программах и фишинге.",
     "Službe će razmenjivati podatke o malveru i fišingu."),
    ({"legal", "crime"},
     "They agreed on legal assistance in criminal proceedings.",
     "Они договорились о правовой помощи по уголовным делам.",
     "Dogovorili su pravnu pomoć u krivičnim postupcima."),
    ({"migration"},
     "Frontex will help with deportations and readmission.",
     "Фронтекс поможет с депортацией и реадмиссией.",
     "Frontex će pomoći u deportaciji i readmisiji."),
    ({"terrorism"},
     "The cell had sworn allegiance to the Islamic State.",
     "Ячейка присягнула Исламскому государству.",
     "Ćelija se zaklela na vernost Islamskoj državi."),
]


@pytest.mark.parametrize("want,en,ru,sr", PARALLEL)
def test_the_same_cue_gives_the_same_contexts_in_every_language_and_script(want, en, ru, sr):
    assert want <= cued(en, "en")
    assert want <= cued(ru, "ru")
    assert want <= cued(sr, "sr")
    assert cued(sr_to_cyrillic(sr), "sr") == cued(sr, "sr")  # Cyrillic Serbian is looked up through Latin


def sent(start: int, paragraph: int) -> Sentence:
    return Sentence(start=start, end=start + 10, text="x" * 10, paragraph=paragraph)


def test_the_lead_topic_is_what_the_title_and_lead_cue_and_the_body_cues_again():
    sentences = [sent(0, 0), sent(20, 1), sent(40, 2), sent(60, 3)]
    cues = [({"illegal_drugs"}, set()), ({"diplomatic"}, set()), (set(), set()), (set(), {"illegal_drugs"})]
    # drugs: in the title and again in paragraph 3; the ambassador of the lead only once
    assert contexts.lead(sentences, cues, Span(start=0, end=10)) == {"illegal_drugs"}
    # a cue only in the body (paragraph 3) is no topic of the lead
    assert contexts.lead(sentences, [(set(), set())] * 3 + [({"crime"}, set())], Span(start=0, end=10)) == set()
