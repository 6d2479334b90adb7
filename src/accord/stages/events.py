"""Stage 'events': PLOVER events (who did what to whom, on what, when) traceable to sentences.

Why this way: trigger words, modes, context cues, negators, intent cues and role words are
reviewed per-language data (lang/<code>/events.tsv, contexts.tsv, negation.txt, future.tsv,
event_roles.tsv) matched on lemmas, so English, Russian and Serbian (both scripts) are coded
natively, without machine translation, and a new language is a new data folder.

Steps, each in the module of accord/events/ named after what it decides:

1. contexts: the PLOVER contexts each body sentence cues, per sentence, paragraph and document,
   by its words and by the mandate or sector of the organisations it names (mandates).
2. per sentence (sentence.sentence_events):
   triggers: the words that report an act (longest pattern wins, a token serves one trigger;
   not in an indirect question or condition, not what a request asks for; a bare "ready
   to"/"spremni smo"/"готовы" is AGREE);
   type: negation and intent recode the type and mode ("did not agree" is REJECT, "nije
   potpisao" of a non-cooperative act codes nothing, so `negated` stays False on every output
   event; intent to cooperate is AGREE mode "future", to coerce THREATEN);
   candidates, implicit, countries: the possible actors (mentions, country words, "we" inside
   a quote as the speaker's side, pronouns and subjectless verbs via accord.coref) and their
   codes; actors, roles: who is source and who target (syntax where there is a parse, word order
   and role words otherwise; "the sides"/"стороны"/"strane" refers back to the dyad just coded);
   date: the date the sentence gives, else the publication date; meetings: two people of two
   countries acting together met.
3. contexts: a following sentence with an act but no actor elaborates the happening just coded; a
   sentence naming an activity generically (events.noun_acts) tells the field of its two sides' acts.
4. answers: a denial with no recipient answers the nearest claim against its
   country ("odbacio je kao netačne tvrdnje" / "povodom tvrdnji ministra ... Ramića"); parties: a
   meeting or visit told with one side ("В ходе визита") is between the article's dominant pair.
5. merge: a mention that refers back ("after the meeting") joins its happening; sports copy
   drops match results (ner.sports); a compound act splits per country pair; one event per
   happening (same type, same dyad, compatible date), keeping every supporting sentence.
6. calibration: a model fitted on gold (the PLOVER GSR sentences, the annotated news) turns each
   event's evidence into its confidence; events under its floor are dropped.
   Then (events.consolidate.statements) a one-sided promise or thanks said at a kept act between
   two countries, its own among them ("At the end of the meeting ... thanked"), folds into that act.
6. contexts kept: a model fitted on the annotated news weighs where each cued context of an event
   is cued (its sentence, paragraph, the document) and drops the unlikely (events.context_choice).
"""
from __future__ import annotations

from ..coref import Coref
from ..doc import Article, Event
from ..events import context_choice, contexts, lexicon, mandates, noun_acts
from ..analysis import sentence_tokens
from ..events.answers import answer_rejections
from ..events.calibration import calibrate
from ..events.parties import complete_meetings
from ..events.consolidate import deployments, statements
from ..events.merge import merge, resolve_back, split_pairs
from ..events.sentence import sentence_events
from ..ner import sports
from ..pipeline.registry import Component

COMPONENT = Component("events", requires=("text", "body", "lang", "sentences", "analysis.tokens", "dates", "meta.date_anchor", "published",
                                          "title_span", "doc_id", "mentions", "mentions.entity", "mentions.country",
                                          "entities", "quotes"),
                      assigns=("events",))


@COMPONENT.runs
def run(doc: Article) -> None:
    doc.events = []
    lang = doc.lang
    if not lexicon.triggers(lang).patterns:
        return
    sentences = [s for s in doc.sentences if doc.in_body(s.start, s.end) or not doc.body]
    analysed = sentence_tokens(doc, sentences)
    cued: list[tuple[set[str], set[str]]] = []
    sent_contexts, para_contexts = contexts.of_article(sentences, analysed, lang, cued, mandates.of_sentences(doc, sentences))
    topic = contexts.lead(sentences, cued, doc.title_span)
    coref = Coref(doc)
    raw: list[Event] = []
    back: set[int] = set()  # id() of raw events that refer back to a happening ("after the meeting")
    last: tuple[int, list[Event]] = (-1, [])
    generic = []  # sentences that name an activity generically, beside the sides they name
    for n, (s, toks, ctx) in enumerate(zip(sentences, analysed, sent_contexts)):
        events = sentence_events(doc, coref, s, toks, lang, raw, back)
        for e in events:
            e.contexts = sorted(ctx | para_contexts.get(s.paragraph, set()) or topic)
        if events:
            last = (n, events)
        else:
            contexts.lend(last[1], n - last[0], ctx, toks, lang)
        found = noun_acts.activity_parties(doc, coref, toks, lang)
        if found[0]:
            generic.append((found, s, ctx | para_contexts.get(s.paragraph, set())))
        raw.extend(events)
    for found, s, ctx in generic:  # "committed to the fight against drug trafficking": the field of their happening
        noun_acts.lend_to_parties(raw, found, s, ctx)
    raw = deployments(resolve_back(raw, back))
    sentence_of = {s.start: n for n, s in enumerate(sentences)}
    answer_rejections(raw, sentence_of)
    complete_meetings(raw, {t.start for toks in analysed for t in toks if t.pos in ("NOUN", "PROPN")}, sentence_of)
    if raw and sports.is_sports_copy(doc, lang):
        # 'Russia beat Serbia 3-1' in sports copy is a match, not an assault (GDELT's classic slip)
        raw = [e for e in raw if not sports.reports_match(doc.text, e.sentence.start, e.sentence.end,
                                                          e.trigger.text if e.trigger else "", lang)]
    # a one-sided statement said at an act the calibrated events keep is that act (events.consolidate)
    doc.events = statements(calibrate(merge([pair for e in raw for pair in split_pairs(e)], doc), doc, analysed))
    context_choice.choose(doc.events, context_choice.Cues(doc, sentences, cued))
    for n, e in enumerate(doc.events):
        e.id = f"{doc.doc_id}-ev{n + 1}"
