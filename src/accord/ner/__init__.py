"""Named-entity recognition: what the languages' recognisers share.

Each language's recogniser lives in its folder (`accord.lang.<code>.recogniser`: natasha for
Russian, spaCy for English, rules over capitalisation, morphology, context words and lemmagen3
for Serbian), each turning a body span into `doc.Mention`s; here `spans` merges them with
knowledge-base gazetteer matches, `institutions` builds institution names around head nouns,
`sports` reads sports copy (`sports.genre`: is it sports copy), `titles` reads office titles, and
`knowledge` is the thin, optional bridge to accord.kb. Identity (which real-world actor) is the
linking stage's job.
"""
