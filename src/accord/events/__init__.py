"""PLOVER event coding, one module per decision; the stage (accord.stages.events) orders them.

    triggers    which words report an act (events.tsv; complements, conditions, modifiers out)
    type        the PLOVER type and mode: negation, intent and warnings recode the trigger's type
    candidates  which words of a sentence may be actors, with role hints (mentions, "we", groups)
    implicit    the person a pronoun or subjectless verb stands for (via accord.coref)
    countries   the code in Actor.country: a state's ISO alpha-3 or an organisation's (EU, NATO)
    actors      candidates grouped into sides; which side is source, which target (parse, word order)
    roles       trigger-specific corrections of source and target (requester, speaker, "the sides")
    collective  which parties a collective reference ("the two sides", "министры", "obojica") stands for
    date        the event's date: the sentence's, else the publication date
    contexts    PLOVER contexts from the sentence, its paragraph and the document
    meetings    two people of two countries acting together met (an implied CONSULT)
    sentence    the events of one sentence: the steps above in order, and the confidence
    merge       one event per happening: refers-back, per-country-pair split, merge of mentions
    clauses     clause bounds without a parser (clause marks, relative and unreal clauses)
    lexicon     the pattern files of lang/<code>/ and the lemma matcher
    analysis    the shared tokens (lemmas, parse) of the article's sentences
"""
