"""Stage 'linking': one canonical identity and a country for every mention -> Article.entities.

Steps (accord.linking; each module's docstring gives its evidence and order):
1. identity.link: every mention into an entity group: KB entries (a generic name resolved with a
   country cue, an earlier mention or the article's home country), then persons by transliterated
   surname and first name, single names joining the one full name, then other names outside the
   KB (a body with its country by a language-free concept id, a place by the stem of its name);
   a body's country (country.settle_body) and concept sector (sector.settle_body) as it goes; a
   generic national body with no country next to it takes the one state its paragraph (else its
   article) places it in, never a guess when two are in play (tied_state.tied_state);
1b. nested.nested_mentions: a country or place named inside a body's name ('MUP-a Republike
   Srbije') becomes a LOC mention of its own (offsets kept) and gives the body its country;
1c. bodies.concept_bodies: a nationality and a concept head ('Croatian police', "Poland's Defence
   Ministry", 'srbijanska policija') become an ORG mention of that country's body; a body named
   with a lower-case nationality adjective ('srbijanskog Ministarstva pravosuđa') is a mention
   with and without it;
1d. place_phrases.place_phrases: a place with its kind word after it ('Brest region') is a
   mention of it too; a place and a concept head ('Yunnan border police') a body of that place;
1e. identity.short_names: a one-word name outside the KB that is the head noun or the lower-case
   last word of exactly one longer body of the article ('Centar' after 'Centar u Nišu',
   'Novosti' after 'Večernje novosti', whatever type the model gave it) joins that body;
1f. known_body.known_bodies: a body outside the KB by name whose concept and country name exactly
   one KB entry ('the Serbian Interior Ministry', the Treasury placed in the US) is that entry
   (none or several: its concept id stays);
1g. country.settle_owned_bodies: a body outside the KB named right before a KB body with a
   country ('Biroa za ... Stejt departmenta') is that body's part, of its country;
2. country.person_countries: every person mention's country (title phrase, coordinated names,
   a describing phrase before a comma, apposition) and that of a person outside the KB;
2b. offices.holder_offices: an office named by its holder ('the office of Prime Minister X',
   'kabinet premijera Y') is an ORG mention of the holder's state's body (presidency, pm-office);
2c. spokesperson.spokesperson_bodies: the common-noun body beside a spokesperson title ('a police
   spokesperson told') is an ORG mention of the state the article makes unambiguous, else none;
3. sector.person_sectors: the sector of a person outside the KB from the title before it;
4. titles.title_references: 'the minister', 'Глава государства' join the one person with that
   office (added as mentions of source 'title');
5. the groups become Article.entities.
"""
from __future__ import annotations

from ..doc import Article
from ..linking import bodies, country, identity, known_body, nested, offices, place_phrases, sector, spokesperson, titles
from ..linking.document import Linking
from ..pipeline.registry import Component

COMPONENT = Component("linking", requires=("text", "mentions", "sentences", "lang", "published", "doc_id"),
                      assigns=("entities", "mentions", "mentions.entity", "mentions.country", "mentions.type"))


@COMPONENT.runs
def run(doc: Article) -> None:
    for m in doc.mentions:
        m.entity = None
    st = Linking(doc)
    identity.link(st)
    nested.nested_mentions(st)
    bodies.concept_bodies(st)
    place_phrases.place_phrases(st)
    identity.short_names(st)
    known_body.known_bodies(st)
    country.settle_owned_bodies(st)
    country.person_countries(st)
    offices.holder_offices(st)
    spokesperson.spokesperson_bodies(st)
    sector.person_sectors(st)
    titles.title_references(st)
    doc.entities = st.entities()
