"""Linking: one canonical identity, a country and a sector for every mention (the 'linking' stage,
accord.stages.linking, runs these steps in order).

  document  the state the steps share: tokens by sentence, groups (entities being built),
            title phrases, coordinated names; the groups as Entity records
  identity  which mentions name one entity and its id: KB match, concept ids, transliteration
            skeletons, a single name joining the one full name with it
  country   every entity's and every mention's country, and the country cues for generic names
  sector    every entity's PLOVER sector (KB, body concept, title before a person)
  titles    title-only references ('the minister') joined to the person holding the office
"""
