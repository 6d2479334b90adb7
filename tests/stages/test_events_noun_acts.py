"""A noun trigger that names a kind of activity codes no act; a noun received was given by the other side.

Real-looking sentences through the whole pipeline (en, ru, sr): the data is lang/<code>/event_generic.tsv."""
from __future__ import annotations

from accord.doc import Article
from accord.events import noun_acts
from accord.lang import load_tsv
from accord.pipeline import process


def events(text: str, lang: str):
    doc = Article(text=text, source="t.txt", lang=lang)
    process(doc)
    return [(e.type, [a.country for a in e.sources], [a.country for a in e.targets]) for e in doc.events]


def test_threat_of_terrorism_threatens_nobody():
    got = events('The threat of terrorism is "heightened and permanent" said the French text of the agreement '
                 "signed by France's Interior Minister Nicolas Sarkozy and Britain's Home Secretary John Reid.", "en")
    assert not [e for e in got if e[0] == "THREATEN"]
    assert ("AGREE", ["FRA"], ["GBR"]) in got  # the agreement itself is still coded


def test_threat_of_an_actor_still_threatens():
    got = events("Russia imposed sanctions on Ukraine after the threat of Ukrainian attacks.", "en")
    assert ("SANCTION", ["RUS"], ["UKR"]) in got


def test_received_invitation_is_given_by_the_inviter_en():
    got = events("Hungarian Prime Minister Viktor Orban said he received an invitation from US President Bill Clinton in 1999.", "en")
    agree = [e for e in got if e[0] == "AGREE"]
    assert agree and all(e[1] == ["USA"] and e[2] == ["HUN"] for e in agree)


def test_received_invitation_is_given_by_the_inviter_sr():
    got = events("Mađarski premijer Viktor Orban izjavio je da je 1999. godine dobio poziv od tadašnjeg američkog "
                 "predsednika Bila Klintona.", "sr")
    agree = [e for e in got if e[0] == "AGREE"]
    assert agree and all(e[1] == ["USA"] and e[2] == ["HUN"] for e in agree)


def test_every_language_folder_has_the_cues():
    for lang in ("en", "ru", "sr", "hr", "bs", "cnr"):
        kinds = {row[1] for row in load_tsv(lang, "event_generic.tsv")}
        assert {"fought", "phenomenon", "traded", "receive"} <= kinds, lang


def test_fought_and_traded_cues_make_a_noun_generic():
    from accord.doc import Token
    from accord.events import lexicon

    def toks(words, lemmas):
        return [Token(start=i, end=i + 1, text=w, i=i, low=w.lower(), lemma=l, pos="NOUN") for i, (w, l) in enumerate(zip(words, lemmas))]

    trade = lexicon.Match(lexicon.Pattern(("trgovina",), "COOPERATE"), (2,))
    ts = toks(["borbi", "protiv", "trgovine", "narkoticima"], ["borba", "protiv", "trgovina", "narkotik"])
    assert noun_acts.generic(ts, trade, "sr", set())
    ru = toks(["торговля", "людьми"], ["торговля", "человек"])
    assert noun_acts.generic(ru, lexicon.Match(lexicon.Pattern(("торговля",), "COOPERATE"), (0,)), "ru", set())
    # an actor of its own inside the noun phrase keeps the act: "the fight against Russian attacks"
    en = toks(["fight", "against", "Russian", "attacks"], ["fight", "against", "russian", "attack"])
    assert not noun_acts.generic(en, lexicon.Match(lexicon.Pattern(("attack",), "ASSAULT"), (3,)), "en", {2})


def test_complaint_to_an_addressee_targets_whom_it_is_about():
    got = events("Lebanon complained to the United Nations on Tuesday over two Israeli air raids last Friday.", "en")
    assert ("ACCUSE", ["LBN"], ["ISR"]) in got
    got = events("Russia protested to the OSCE about the Ukrainian shelling of Donetsk.", "en")
    assert ("PROTEST", ["RUS"], ["UKR"]) in got
    got = events("Srbija je protestovala kod Evropske unije zbog hrvatskih napada.", "sr")
    assert ("PROTEST", ["SRB"], ["HRV"]) in got


def test_complaint_about_no_one_keeps_its_addressee():
    assert ("PROTEST", ["CHN"], ["JPN"]) in events("China protested to Japan over the visit.", "en")
