"""Named-entity recognition per language, and what the recognisers share.

One recogniser per language (`russian`: natasha, `english`: spaCy, `serbian`: rules over
capitalisation, morphology, context words and lemmagen3), each turning a body span into
`doc.Mention`s; `spans` merges them with knowledge-base gazetteer matches; `knowledge` is the
thin, optional bridge to accord.kb. Identity (which real-world actor) is the linking stage's job.
"""
