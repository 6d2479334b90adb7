"""Who said it, continued (issue 19): a quote closed with a full stop and a bare attribution after
it, an aside in brackets inside the subject, a nested quote closing the quote, "who he said",
a name word that looks like a cue, a pronoun with two candidates, honorifics giving a gender, a
first-person dash paragraph after a sentence naming people, words said on someone's behalf, an
addressee in quotation marks before a locative body. Texts written for accord."""
from __future__ import annotations

from tests.stages.test_quotes_subject import parsed, quote


def test_a_full_stop_inside_the_quote_and_a_bare_attribution_after_it():
    text = ("Trump attacked the media at a rally in Miami.\n"
            "“We have massive crowds. They are not reporting it, Katy.” Trump said to cheers. “But there is something happening.”\n"
            "“We will win this state.” Clinton said the polls were wrong.\n")
    doc = parsed(text, "en", {"per:trump": ("PER", ["Trump"]), "per:clinton": ("PER", ["Clinton"])})
    assert quote(doc, "We have massive").speaker == "per:trump"
    assert quote(doc, "We have massive").cue.text == "said"
    # a sentence that goes on with a reported clause of its own is no attribution of the quote before
    assert quote(doc, "We will win").speaker != "per:clinton"


def test_a_bracketed_aside_and_a_nested_quote_end():
    text = ("The senator called on the bank's chief to resign.\n"
            "\"You have already been Warrened before I had my opportunity,\" Rep. Emanuel Cleaver II (D-Mo.) said during a hearing.\n"
            "“Our secret weapon is the American people who are saying, ‘Enough is enough,’” vice presidential candidate Mike Pence said.\n")
    doc = parsed(text, "en", {"per:cleaver": ("PER", ["Emanuel Cleaver II", "Emanuel Cleaver"]),
                              "per:pence": ("PER", ["Mike Pence"])})
    assert quote(doc, "You have already").speaker == "per:cleaver"
    assert quote(doc, "Our secret weapon").speaker == "per:pence"


def test_a_personal_pronoun_in_a_relative_clause_is_the_subject():
    text = ("Trump slammed other establishment Republicans, who he said are “far more difficult than Crooked Hillary.”\n")
    doc = parsed(text, "en", {"per:trump": ("PER", ["Trump"])})
    assert quote(doc, "far more").speaker_text == "he"
    assert quote(doc, "far more").speaker == "per:trump"


def test_a_cue_word_inside_a_name_is_no_cue():
    text = ("Since assuming office, Duterte has expressed hostility towards the United States, using an expletive to "
            "describe Obama and telling the United States not to treat his country “like a dog with a leash.”\n")
    doc = parsed(text, "en", {"per:duterte": ("PER", ["Duterte"]), "per:obama": ("PER", ["Obama"]),
                              "loc:usa": ("LOC", ["United States"])})
    q = quote(doc, "like a dog")
    assert q.cue.text == "telling"
    assert q.speaker == "per:duterte"


def test_a_pronoun_with_two_agreeing_candidates_in_its_sentence_stays_unset():
    text = ("Michaela Angela Davis recently praised Hillary Clinton in a new video where she said, "
            "“It is time for a woman to be in the White House.”\n")
    doc = parsed(text, "en", {"per:davis": ("PER", ["Michaela Angela Davis"]), "per:clinton": ("PER", ["Hillary Clinton"])})
    assert quote(doc, "It is time").speaker is None
    # one candidate only: the pronoun names her
    text2 = text.replace("praised Hillary Clinton in", "appeared in")
    doc = parsed(text2, "en", {"per:davis": ("PER", ["Michaela Angela Davis"])})
    assert quote(doc, "It is time").speaker == "per:davis"


def test_an_honorific_gives_the_gender_a_pronoun_must_agree_with():
    text = ("Mr. Obama campaigned in Ohio, and Mrs. Clinton joined him on stage.\n"
            "“We will not stop now,” he said.\n")
    doc = parsed(text, "en", {"per:obama": ("PER", ["Obama"]), "per:clinton": ("PER", ["Clinton"])})
    assert quote(doc, "We will not").speaker == "per:obama"


def test_a_first_person_dash_paragraph_is_the_one_person_it_does_not_name():
    text = ("Министар одбране Александар Вулин састао се данас са министром Сергејом Шојгуом.\n"
            "Министри Вулин и Шојгу сагласили су се да је сарадња на највишем нивоу.\n"
            "- Данас сам имао част да министру Шојгуу пренесем личне поздраве председника и да га обавестим о резултатима.\n")
    people = {"per:vulin": ("PER", ["Александар Вулин", "Вулин"]), "per:shoigu": ("PER", ["Сергејом Шојгуом", "Шојгу", "Шојгуу"])}
    doc = parsed(text, "sr", people)
    assert quote(doc, "Данас сам").speaker == "per:vulin"
    # both named in the quote's third person or neither: nobody
    text2 = text.replace("министру Шојгуу пренесем", "министру пренесем")
    assert quote(parsed(text2, "sr", people), "Данас сам").speaker is None
    # a dash list of items is no quote
    items = "Споразум предвиђа:\n- Заједничке вежбе војски две земље током наредне године.\n"
    assert not parsed(items.replace(":", "."), "sr").quotes


def test_words_said_on_behalf_of_someone_are_the_authors():
    text = ("Foreign Minister Sergei Lavrov could not attend the summit in Geneva.\n"
            "Deputy Foreign Minister Sergei Ryabkov said on behalf of Sergei Lavrov: \"We will not accept this.\"\n")
    doc = parsed(text, "en", {"per:lavrov": ("PER", ["Sergei Lavrov"]), "per:ryabkov": ("PER", ["Sergei Ryabkov"])})
    q = quote(doc, "We will not")
    assert (q.speaker, q.via) == ("per:lavrov", "per:ryabkov")


def test_an_addressee_in_quotation_marks_before_the_locative_body():
    text = ("Как заявили \"Деньгам\" в Министерстве образования и науки, \"наиболее существенно сокращается объем "
            "бюджетных мест\".\n")
    doc = parsed(text, "ru", {"org:minobr": ("ORG", ["Министерстве образования и науки"])})
    assert quote(doc, "наиболее").speaker == "org:minobr"


def test_a_dateline_is_no_subject_and_an_abbreviation_ends_no_sentence():
    text = ("WASHINGTON (AP) — President Barack Obama on Tuesday accused Republican Donald Trump of praising Putin "
            "to a degree that is “unprecedented in American politics.”\n"
            "Mrs. Clinton assured supporters in Ohio on Monday that the F.B.I. review would \"reach the same "
            "conclusion they did when they looked at my emails.\"\n")
    doc = parsed(text, "en", {"per:obama": ("PER", ["Barack Obama"]), "per:trump": ("PER", ["Donald Trump"]),
                              "per:clinton": ("PER", ["Clinton"])})
    assert quote(doc, "unprecedented").speaker == "per:obama"
    q = quote(doc, "reach the same")
    assert (q.speaker, q.cue.text) == ("per:clinton", "assured")


def test_a_bare_attribution_with_an_apposition_to_its_inverted_subject():
    # the sentence before names other speakers with a cue of its own: the quote's own attribution wins
    text = ("Some Millikin fans have said they will no longer attend the games.\n"
            "“I’m very supportive of the college as a whole, I believe they have dropped the ball.” said Jewell Young, a Decatur resident.\n"
            "“They should let the rest of the guys come out.” said Steve Little, parent of a Millikin student.\n")
    doc = parsed(text, "en", {"per:young": ("PER", ["Jewell Young"]), "per:little": ("PER", ["Steve Little"]),
                              "org:millikin": ("ORG", ["Millikin"])})
    assert quote(doc, "I’m very supportive").speaker == "per:young"
    assert quote(doc, "They should let").speaker == "per:little"
