"""A side named only by reference (issue 20): "the two sides", "both ministers", "the delegations",
"стороны", "министры", "obojica", "dvije strane", "they" stand for the parties of the nearest joint act
before them in the paragraph, else of the lead, only when exactly one pair is there (accord.events.
collective). Text written for these tests, in the manner of agency copy."""
from __future__ import annotations

from accord.doc import Article
from accord.pipeline import STAGES, process


def run(text: str, lang: str) -> Article:
    script = "Cyrl" if any("а" <= c <= "я" for c in text.lower()) else "Latn"
    doc = Article(text=text, source="t.txt", lang=lang, script=script)
    return process(doc, [s for s in STAGES if s != "language"])


def coded_from(doc: Article, sentence: str) -> set[tuple[str, frozenset]]:
    """(type, countries) of the events that the sentence supports."""
    out = set()
    for e in doc.events:
        if any(sentence in doc.text[x.start:x.end] for x in e.sentences):
            out.add((e.type, frozenset(a.country for a in e.sources + e.targets if a.country)))
    return out


def test_the_delegations_are_the_pair_of_the_meeting_before_them():
    doc = run("Serbian Interior Minister Ivica Dačić met his Hungarian counterpart Sándor Pintér in Belgrade "
              "on Monday. The delegations also discussed the exchange of information on terrorism.", "en")
    assert ("CONSULT", frozenset({"SRB", "HUN"})) in coded_from(doc, "The delegations also discussed"), doc.events


def test_russian_ministers_signed_takes_the_lead_pair():
    doc = run("Министр внутренних дел России Владимир Колокольцев провел переговоры с министром внутренних дел "
              "Сербии Ивицей Дачичем.\n\nМинистры подписали меморандум о совместном патрулировании.", "ru")
    assert ("AGREE", frozenset({"RUS", "SRB"})) in coded_from(doc, "Министры подписали"), doc.events


def test_serbian_cyrillic_obojica_and_croatian_ijekavian_sides():
    doc = run("Министар унутрашњих послова Србије Ивица Дачић састао се данас у Београду са министром унутрашњих "
              "послова Мађарске Шандором Пинтером. Обојица су разговарала о размени информација о тероризму.", "sr")
    assert ("CONSULT", frozenset({"SRB", "HUN"})) in coded_from(doc, "Обојица"), doc.events
    doc = run("Ministar unutarnjih poslova Hrvatske Davor Božinović sastao se danas u Zagrebu sa slovenskim "
              "ministrom unutarnjih poslova Boštjanom Poklukarom.\n\nObje strane su potpisale memorandum o "
              "razmjeni podataka.", "hr")
    assert ("AGREE", frozenset({"HRV", "SVN"})) in coded_from(doc, "Obje strane"), doc.events


def test_two_pairs_before_leave_the_reference_unresolved():
    doc = run("Serbian Interior Minister Ivica Dačić met his Hungarian counterpart Sándor Pintér, and Russian "
              "Foreign Minister Sergei Lavrov met his Chinese counterpart Wang Yi.\n\nThe two sides signed a "
              "memorandum on the exchange of data.", "en")
    assert not any(len(c) == 2 for t, c in coded_from(doc, "The two sides signed")), doc.events


def test_they_resolves_only_for_a_cooperative_act():
    doc = run("Serbian Interior Minister Ivica Dačić met his Hungarian counterpart Sándor Pintér in Belgrade. "
              "They agreed to meet again in Budapest in June. They arrested two smugglers at the border.", "en")
    assert ("AGREE", frozenset({"SRB", "HUN"})) in coded_from(doc, "They agreed"), doc.events
    assert not any(t == "COERCE" and len(c) == 2 for t, c in coded_from(doc, "They arrested")), doc.events


def test_ministers_qualified_by_their_own_side_are_not_the_pair():
    doc = run("Serbian Interior Minister Ivica Dačić met his Hungarian counterpart Sándor Pintér in Belgrade. "
              "Later, EU interior ministers agreed on a new asylum pact.", "en")
    assert ("AGREE", frozenset({"SRB", "HUN"})) not in coded_from(doc, "EU interior ministers"), doc.events


def test_an_idiom_with_the_word_side_names_no_party():
    doc = run("Министр внутренних дел России Владимир Колокольцев провел переговоры с министром внутренних дел "
              "Сербии Ивицей Дачичем. С другой стороны, шаттл поддерживает научную программу.", "ru")
    assert not any(len(c) == 2 for t, c in coded_from(doc, "С другой стороны")), doc.events
