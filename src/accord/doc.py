"""The one typed document model every stage reads and fills.

Like natasha's Doc and spaCy's Doc/Span: every item carries `start`/`end` character offsets
(Python str indices, end exclusive) into `Article.text`, which is never modified after reading.
`Article.to_record()` gives the output contract (shared/schema/document.schema.json); fields
that are internal working state (sentences, tokens, raw mentions) stay out of it.
"""
from __future__ import annotations

import hashlib
from typing import Any

import msgspec


class Span(msgspec.Struct, kw_only=True):
    start: int
    end: int


class TextSpan(msgspec.Struct, kw_only=True):
    start: int
    end: int
    text: str


class Token(msgspec.Struct, kw_only=True, array_like=True):
    """A word or punctuation mark: the one token model of every stage.

    The sentences stage gives offsets and text (razdel's tokens, `Sentence.tokens`); the parse
    stage (accord.analysis) makes each sentence's tokens with the analysis fields filled, in
    its language's backend (`Analysis.sentence`). A field no backend fills keeps its default
    ("" or -1). Array-like: the fields travel as a msgpack array between worker processes, so
    their order is the wire format (a default costs one byte per token)."""

    start: int
    end: int
    text: str
    i: int = -1  # index in its sentence's analysis tokens
    low: str = ""  # lower case; Serbian in Latin script (Russian ё read as е)
    lemma: str = ""  # lower case, as `low`
    pos: str = ""  # universal part of speech, where the backend tags
    dep: str = ""  # dependency relation to the head (lower case), where the backend parses
    head: int = -1  # index of the syntactic head in the same sentence, -1 for root / unknown
    morph: str = ""  # UD features ("Case=Nom|Number=Sing"), where the backend gives them
    lat: str = ""  # the text in Latin script: Serbian Cyrillic transliterated, else the text
    keys: tuple[str, ...] = ()  # word-list lookup forms, where a stage fills them (the quotes stage: the
    # folded text, accord.translit.fold, and its folded Latin form where Serbian Cyrillic differs)

    @property
    def is_word(self) -> bool:
        """A word or number (it starts with a letter or digit), not punctuation."""
        return self.text[:1].isalnum()

    @property
    def is_cap(self) -> bool:
        """Capitalised: its first character is upper case."""
        return self.text[:1].isupper()

    @property
    def is_lower(self) -> bool:
        """Its first character is lower case (a digit or a mark is neither capitalised nor lower)."""
        return self.text[:1].islower()


class LazyToken(Token, dict=True):
    """A Token whose `dep` and `head` are parsed when first read: reading either of any token of
    a sentence makes its backend parse that sentence (`_syntax`, an accord.analysis.deferred
    DeferredSyntax, fills the fields and makes each of its tokens a ParsedToken). Backends whose
    parse only some sentences need (events read dependencies where a trigger stands) make these,
    so a sentence nobody asks about is never parsed. The values are the same as a parse made at
    once. `_syntax` and `_sent` (the sentence's index in it) live in the instance dict, out of
    the wire format; repr, == and encoding read the fields as they stand, without parsing."""

    _syntax = None  # the DeferredSyntax that owes this token's sentence its parse
    _sent = -1

    @property  # type: ignore[override]
    def dep(self) -> str:
        self._parse()
        return self.dep

    @property  # type: ignore[override]
    def head(self) -> int:
        self._parse()
        return self.head

    def _parse(self) -> None:
        if self._syntax is not None:
            self._syntax.fill(self._sent)
        if type(self) is LazyToken:  # owed no parse (made by hand): its fields stand
            self.__class__ = ParsedToken


class ParsedToken(Token, dict=True):
    """What a LazyToken becomes once its sentence is parsed (its class is swapped: the same
    layout): `dep` and `head` are plain fields again, read at a field's speed in the events
    stage's loops rather than through a property."""


class Sentence(msgspec.Struct, kw_only=True):
    start: int
    end: int
    text: str
    tokens: list[Token] = []
    paragraph: int = 0  # index of the paragraph (body line block) the sentence lies in


class DateMention(msgspec.Struct, kw_only=True):
    start: int
    end: int
    text: str
    value: str  # YYYY, YYYY-MM or YYYY-MM-DD
    precision: str = "day"  # year | month | day
    relative: bool = False  # resolved against the publication date ("on Tuesday")


class Mention(msgspec.Struct, kw_only=True):
    """A name found by NER, before identity: what the text says and its normal form."""

    start: int
    end: int
    text: str
    type: str  # PER | ORG | LOC
    normal: str = ""  # lemma / nominative form ("Иваном Кубраковым" -> "Иван Кубраков")
    source: str = ""  # which recogniser found it: natasha, spacy, sr-rules, kb, ...
    entity: str | None = None  # entity id, filled by linking
    country: str | None = None  # country read from the mention's context (adjective, genitive)
    candidates: list[str] = []  # KB ids a gazetteer match proposed for this span, for linking


class Entity(msgspec.Struct, kw_only=True):
    id: str  # KB id ("kb:Q-serbia") or derived from canonical name ("per:vulin-aleksandar")
    name: str  # canonical display name, English where known
    type: str  # PER | ORG | LOC
    country: str | None = None  # ISO 3166-1 alpha-3, null for international or unknown
    mentions: list[TextSpan] = []
    kb: bool = False  # True when the id comes from the knowledge base
    sector: str | None = None  # PLOVER sector (GOV, COP, MIL, SPY, PRM, ...)
    aliases: list[str] = []  # distinct surface forms seen in this document


class Quote(msgspec.Struct, kw_only=True):
    text: str  # quoted words without the quotation marks
    start: int
    end: int
    speaker: str | None = None  # entity id
    speaker_text: str | None = None  # the words that named the speaker (a name, title, pronoun)
    cue: TextSpan | None = None  # speech verb or attribution phrase
    style: str = "marks"  # marks | dash (dialogue style)
    speaker_span: TextSpan | None = None  # where speaker_text lies in the text (offsets, for review and scoring)
    speakers: list[str] = []  # every speaker's entity id ("X and Y said"), `speaker` first; [] when none
    via: str | None = None  # entity id of who read or published the words for their author (the speaker)


class Actor(msgspec.Struct, kw_only=True):
    entity: str | None = None  # entity id
    country: str | None = None  # ISO alpha-3, or IGO codes (EU, UN, NATO, ...)
    sector: str | None = None
    text: str | None = None  # words that named the actor in the sentence


class Event(msgspec.Struct, kw_only=True):
    type: str  # PLOVER event type
    source: Actor
    target: Actor
    sentence: Span
    mode: str | None = None
    contexts: list[str] = []
    date: str | None = None
    date_precision: str | None = None  # year | month | day
    location: str | None = None  # entity id of the place
    trigger: TextSpan | None = None
    confidence: float = 0.5
    sources: list[Actor] = []  # compound actors: every actor on the source side
    targets: list[Actor] = []
    sentences: list[Span] = []  # every supporting sentence of this one happening
    negated: bool = False
    future: bool = False  # intent or readiness ("spremni smo", "is ready to")
    id: str = ""


class Article(msgspec.Struct, kw_only=True):
    text: str
    source: str
    doc_id: str = ""
    lang: str = "und"
    script: str = "Zyyy"
    lang_scores: dict[str, float] = {}
    supported: bool = True  # False: accord has no folder for `lang`; nothing was extracted
    title: str | None = None
    title_span: Span | None = None
    outlet: str | None = None
    published: str | None = None
    published_span: Span | None = None
    url: str | None = None
    meta: dict[str, Any] = {}  # what the reader was given (JSONL fields, HTML metadata)
    body: list[Span] = []
    sentences: list[Sentence] = []
    dates: list[DateMention] = []
    mentions: list[Mention] = []
    entities: list[Entity] = []
    quotes: list[Quote] = []
    events: list[Event] = []
    timings: dict[str, float] = {}
    # Transient: the shared linguistic analysis (accord.analysis) of this article while the
    # pipeline runs; cleared by accord.pipeline.process, never in records or between processes.
    analysis: Any = None

    def __post_init__(self) -> None:
        if not self.doc_id:
            self.doc_id = make_doc_id(self.text)

    def in_body(self, start: int, end: int) -> bool:
        return any(b.start <= start and end <= b.end for b in self.body)

    def entity(self, entity_id: str | None) -> Entity | None:
        if entity_id is None:
            return None
        for e in self.entities:
            if e.id == entity_id:
                return e
        return None

    def sentence_at(self, offset: int) -> Sentence | None:
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None

    def to_record(self) -> dict[str, Any]:
        """The output contract: one JSON record per article."""
        rec = msgspec.to_builtins(msgspec.structs.replace(self, analysis=None) if self.analysis is not None else self)
        rec.pop("analysis", None)
        for internal in ("sentences", "mentions", "lang_scores", "timings", "meta", "title_span", "published_span", "url",
                         "supported"):
            rec.pop(internal, None)
        if not self.supported:  # said only where it matters: the reader sees why nothing was extracted
            rec["supported"] = False
        if self.url:
            rec["url"] = self.url
        order = ["doc_id", "source", "lang", "script", "title", "outlet", "published", "text", "body",
                 "entities", "quotes", "events", "dates"]
        return {k: rec[k] for k in order} | {k: v for k, v in rec.items() if k not in order}


def make_doc_id(text: str) -> str:
    """Same decoded text, same id: re-ingesting an article never duplicates it."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def decode_record(data: bytes | str) -> dict[str, Any]:
    return msgspec.json.decode(data)


def encode_record(record: dict[str, Any]) -> bytes:
    return msgspec.json.encode(record)
