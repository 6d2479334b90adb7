"""Stage 'quotes': every direct quote in the article body, with its speaker as an entity id.

Why: analysts read event data through what officials said, so a quote is only useful with the
right speaker and exact offsets. The stage works in three steps, all language knowledge in data
files under lang/<code>/ (speech_verbs, speech_impersonal, speech_relay, speech_according,
speech_words_of, document_nouns, speaker_titles, speaker_orgs, pronouns, name_gender, quote_terms,
clause_skip, clause_stop, verb_gender); the code is in accord/quotes/:

1. Candidates (quotes/marks.py, quotes/detection.py). Quotation marks of every convention
   (« », „ “, “ ”, " ", ‘ ’, nesting, a quote running over paragraphs that reopen with the same
   mark) and the dash dialogue of Serbian and Russian news (a paragraph opening with "- " or
   "— ", its attribution after a dash or comma). Only body spans are read, so boilerplate never
   yields quotes.
2. Attribution (quotes/detection.py). A clause next to the quote that holds a speech cue: after
   it ("…,” he said", "», — говорится в документе", "- izjavio je Vulin"), before it ("Putin
   said: «…»", "По словам Путина, «…»"), in the same sentence ("в нем утверждается, что … «…»")
   or in the sentence just before. Quoted names («Россия 1», "Sputnik") fail the quote test: a
   quote needs an adjacent attribution or several words with sentence-like punctuation or a cue
   in its sentence.
3. Speaker (quotes/speaker.py, quotes/subject.py). The cue verb's parsed subject (where the language
   parses: the sentences' analysis) or else the words next to the cue name the speaker: a linked mention,
   a name matched to an entity by its surname, a pronoun (most recent person before the quote),
   a title (the person the article gave that title, of the country its complement names), an
   organisation noun ("the ministry": the latest ORG of that class), a document ("говорится в
   документе": the author named with the document), "the words of X" (X, not the press service
   that passes them on). Gender of pronouns and verbs (she, сказала, rekla) must agree with the
   person's name. Which person a pronoun or title stands for is accord.coref's, which the events
   stage shares for its pronoun subjects. A quote no speech verb introduces but that completes a
   verb of its sentence ('Clinton compared the president to a duck, "…"') is that verb's parsed
   subject's, when it can speak (a name, pronoun or animate noun; never a quoted name). A speech
   noun ('calling the reports "…"') marks speech but is no cue for the speaker; a speaker phrase
   with no nominal word ('According', 'calling the', 'F' of 'F.B.I.') is dropped. When nothing
   resolves the speaker stays None: no speaker is better than a wrong one.
"""
from __future__ import annotations

from ..doc import Article
from ..lang import get as language
from ..pipeline.registry import Component
from ..quotes import find_quotes

COMPONENT = Component("quotes", requires=("text", "body", "lang", "sentences", "mentions", "mentions.entity", "entities"),
                      assigns=("quotes",))


@COMPONENT.runs
def run(doc: Article) -> None:
    # an unsupported language has no speech cues to attribute with: no quote rather than a guess
    doc.quotes = find_quotes(doc) if language(doc.lang) is not None else []
