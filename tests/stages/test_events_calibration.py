"""The calibration model: its probability is the event's confidence, and events under its floor go."""
from __future__ import annotations

from accord.doc import Actor, Article, Entity, Event, Quote, Sentence, Span, TextSpan
from accord.events import calibration
from tests.stages.test_events import make

SERBIA = ("Serbia", "Serbia", "LOC", "SRB")
HUNGARY = ("Hungary", "Hungary", "LOC", "HUN")


def test_the_shipped_model_weighs_every_feature_and_has_a_floor():
    fitted = calibration.model()
    assert fitted is not None and 0.0 <= fitted["floor"] < 0.5
    doc = Article(text="x" * 100, source="t.txt")
    ev = Event(type="AGREE", source=Actor(country="SRB"), target=Actor(country="HUN"), sentence=Span(start=0, end=10))
    assert set(calibration.features(ev, doc, 1)) == set(fitted["weights"])


def test_a_headline_agreement_between_two_states_outweighs_a_domestic_arrest_in_a_crowded_sentence():
    text = ("Serbia and Hungary sign police cooperation agreement\n\n"
            "Serbia and Hungary signed an agreement on police cooperation on Tuesday.\n\n"
            "Separately, police in Serbia arrested three people, seized weapons and opened an investigation.")
    doc = make(text, "en", [SERBIA, HUNGARY], published="2021-05-04")
    agree = next(e for e in doc.events if e.type == "AGREE")
    assert agree.confidence > 0.6
    assert all(e.confidence < agree.confidence for e in doc.events if e.type in ("COERCE", "ACCUSE"))
    assert all(0.0 <= e.confidence <= 1.0 for e in doc.events)


def test_events_under_the_floor_are_dropped_and_the_rest_rescored():
    doc = Article(text="Serbia and Hungary agreed." + " " * 200, source="t.txt")
    strong = Event(type="AGREE", source=Actor(country="SRB"), target=Actor(country="HUN"), sentence=Span(start=0, end=26),
                   sentences=[Span(start=0, end=26)], sources=[Actor(country="SRB")], targets=[Actor(country="HUN")], confidence=0.9)
    weak = Event(type="MOBILIZE", source=Actor(), target=Actor(), sentence=Span(start=200, end=210),
                 sentences=[Span(start=200, end=210)], confidence=0.1)
    kept = calibration.calibrate([strong, weak], doc, fitted={"weights": calibration.model()["weights"], "floor": 0.15})
    assert kept == [strong] and strong.confidence != 0.9
    assert calibration.calibrate([weak], doc, fitted={"weights": {}, "floor": 0.0}) == [weak]  # p = 0.5 for all


def test_the_actor_evidence_names_how_each_side_was_resolved():
    # a news agency as a side, a person the knowledge base places nowhere, organisations with no state
    doc = Article(text="x" * 100, source="t.txt")
    span = Span(start=0, end=10)
    agency = Event(type="CONSULT", source=Actor(entity="per:x", text="Stasinski"), sentences=[span], sentence=span,
                   target=Actor(entity="org:reuters", country="GBR", sector="JRN"),
                   sources=[Actor(entity="per:x", text="Stasinski")],
                   targets=[Actor(entity="org:reuters", country="GBR", sector="JRN")])
    f = calibration.features(agency, doc, 1)
    assert f["media"] == 1.0 and f["unplaced_person"] == 1.0 and f["one_state_only"] == 1.0
    igos = Event(type="SUPPORT", source=Actor(entity="igo:eu", country="EU"), target=Actor(entity="igo:un", country="UN"),
                 sentence=span, sentences=[span], sources=[Actor(entity="igo:eu", country="EU")],
                 targets=[Actor(entity="igo:un", country="UN")])
    assert calibration.features(igos, doc, 1)["organisations_only"] == 1.0
    arrest = Event(type="COERCE", source=Actor(), target=Actor(entity="country:nld", country="NLD"), sentence=span,
                   sentences=[span], targets=[Actor(entity="country:nld", country="NLD")])
    pair = Event(type="COERCE", source=Actor(country="BLR"), target=Actor(country="POL"), sentence=span, sentences=[span],
                 sources=[Actor(country="BLR")], targets=[Actor(country="POL")])
    assert calibration.features(arrest, doc, 1)["domestic_act"] == 1.0
    assert calibration.features(pair, doc, 1)["domestic_act"] == 0.0


def test_the_article_evidence_sees_a_recurring_dyad_a_quote_and_how_near_the_actors_are():
    text = ("Serbia and Hungary signed a police agreement. \"Hungary will help Serbia,\" he said. "
            "Serbia and Hungary also held talks.")
    doc = Article(text=text, source="t.txt")
    doc.quotes = [Quote(text="Hungary will help Serbia,", start=47, end=72)]
    doc.entities = [Entity(id="kb:srb", name="Serbia", type="LOC", country="SRB", mentions=[TextSpan(start=0, end=6, text="Serbia")] * 3),
                    Entity(id="kb:hun", name="Hungary", type="LOC", country="HUN", mentions=[TextSpan(start=11, end=18, text="Hungary")])]

    def event(etype, start, end, trigger):
        at = text.index(trigger, start)
        span = Span(start=start, end=end)
        return Event(type=etype, source=Actor(country="SRB", text="Serbia"), target=Actor(country="HUN", text="Hungary"),
                     sentence=span, sentences=[span], sources=[Actor(country="SRB", text="Serbia")],
                     targets=[Actor(country="HUN", text="Hungary")],
                     trigger=TextSpan(start=at, end=at + len(trigger), text=trigger))

    agree, aid, talks = event("AGREE", 0, 45, "signed"), event("AID", 46, 82, "help"), event("CONSULT", 83, len(text), "talks")
    events = [agree, aid, talks]
    sal = calibration.country_salience(doc)
    assert sal == {"SRB": 0.75, "HUN": 0.25}
    f = calibration.features(agree, doc, 1, None, events, sal)
    assert f["dyad_repeat"] == 0.5 and f["type_dyad_repeat"] == 0.0 and f["min_salience"] == 0.25
    assert f["in_quote"] == 0.0 and f["both_sides_countries"] == 1.0
    assert calibration.features(aid, doc, 1, None, events, sal)["in_quote"] == 1.0
    near, far = f["near_actor"], calibration.features(talks, doc, 1, None, events, sal)["near_actor"]
    assert 0.0 < far < near <= 1.0  # "Hungary signed" beside the trigger; "talks" after "held"
    alone = calibration.features(agree, doc, 1)
    assert alone["dyad_repeat"] == 0.0


def _article_and_lone(one: str, two: str) -> tuple[Article, Article]:
    """`two` (= `one` + a second sentence) as a two-sentence article, and `one` alone as a lone sentence."""
    article = Article(text=two, source="a.txt", sentences=[Sentence(start=0, end=len(one), text=one),
                                                         Sentence(start=len(one) + 1, end=len(two), text=two[len(one) + 1:])])
    return article, Article(text=one, source="s.txt", sentences=[Sentence(start=0, end=len(one), text=one)])


def _chess(text: str, sides: tuple[Actor, Actor]) -> Event:
    span = Span(start=0, end=text.index(".") + 1)
    return Event(type="CONSULT", source=sides[0], target=sides[1], sentence=span, sentences=[span],
                 sources=[sides[0]], targets=[sides[1]], confidence=0.9)


def test_an_article_faces_the_article_floor_and_a_lone_sentence_the_sentence_floor():
    one = "After months of talks Serbia and Hungary agreed on joint patrols."
    two = one + " The patrols start in May."
    article, lone = _article_and_lone(one, two)
    fitted = {"weights": {}, "floor": 0.25, "article_floor": 0.6}  # every event scores 0.5
    sides = (Actor(country="SRB", text="Serbia"), Actor(country="HUN", text="Hungary"))
    assert len(calibration.calibrate([_chess(one, sides)], lone, fitted=fitted)) == 1
    assert calibration.calibrate([_chess(two, sides)], article, fitted=fitted) == []
    shipped = calibration.model()
    assert shipped["floor"] <= shipped["article_floor"] < 0.5


def test_an_article_act_between_sides_placed_in_no_country_is_no_dyad_but_an_organisation_is():
    one = "After months of talks with both players, Kramnik and Topalov agreed to meet in Elista."
    two = one + " The match starts on 21 September."
    article, lone = _article_and_lone(one, two)
    fitted = {"weights": {}, "floor": 0.25, "article_floor": 0.25}
    players = (Actor(entity="per:kramnik", text="Kramnik"), Actor(entity="per:topalov", text="Topalov"))
    assert calibration.calibrate([_chess(two, players)], article, fitted=fitted) == []
    assert len(calibration.calibrate([_chess(one, players)], lone, fitted=fitted)) == 1  # a lone sentence's act keeps its type
    fide = (Actor(entity="per:kramnik", text="Kramnik"), Actor(entity="igo:fide", country="FIDE", text="FIDE"))
    assert len(calibration.calibrate([_chess(two, fide)], article, fitted=fitted)) == 1


def test_an_article_act_of_one_country_alone_needs_more_evidence_than_a_dyad():
    one = "Serbian police arrested three men near the border with Hungary."
    two = one + " The men were taken to Belgrade."
    article, lone = _article_and_lone(one, two)
    fitted = {"weights": {}, "floor": 0.25, "article_floor": 0.25, "lone_country_floor": 0.6}  # every event scores 0.5
    police = Actor(entity="org:mup_srb", country="SRB", text="Serbian police")
    alone = (police, Actor(text="three men"))
    assert calibration.calibrate([_chess(two, alone)], article, fitted=fitted) == []
    assert len(calibration.calibrate([_chess(one, alone)], lone, fitted=fitted)) == 1
    dyad = (police, Actor(entity="country:hun", country="HUN", text="Hungary"))
    assert len(calibration.calibrate([_chess(two, dyad)], article, fitted=fitted)) == 1
    assert calibration.model()["lone_country_floor"] >= calibration.model()["article_floor"]
