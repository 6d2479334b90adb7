"""Shared fixtures: real multilingual articles (tests/cases/store), annotated by hand where a
test needs entities, quotes and events whatever the extraction stages find today."""
from __future__ import annotations

import re
from pathlib import Path

import msgspec
import pytest

from accord.doc import Actor, Article, Entity, Event, Quote, Span, TextSpan

TESTS = Path(__file__).parent
REPO = TESTS.parent
CASES = TESTS / "cases" / "store"
SHARED = REPO.parent / "shared"
SAMPLES = REPO / "samples"

LANG_SCRIPT = {"en": ("en", "Latn"), "ru": ("ru", "Cyrl"), "sr-cyrl": ("sr", "Cyrl"), "sr-latn": ("sr", "Latn")}

VULIN = {"id": "per:vulin-aleksandar", "name": "Aleksandar Vulin", "type": "PER", "country": "SRB", "sector": "GOV",
         "forms": ["Aleksandar Vulin", "Александром Вулином", "Александар Вулин", "Vulin", "Вулин"]}
PATRUSHEV = {"id": "per:patrushev-nikolai", "name": "Nikolai Patrushev", "type": "PER", "country": "RUS", "sector": "SPY",
             "forms": ["Nikolai Patrushev", "Николай Патрушев", "Николајем Патрушевим", "Patrushev", "Патрушев"]}
STEFANOVIC = {"id": "per:stefanovic-nebojsa", "name": "Nebojša Stefanović", "type": "PER", "country": "SRB",
              "forms": ["Nebojša Stefanović", "Stefanović"]}
SERBIA = {"id": "kb:country-SRB", "name": "Serbia", "type": "LOC", "country": "SRB", "kb": True,
          "forms": ["Serbia", "Сербии", "Srbija", "Србија", "Сербия"]}
RUSSIA = {"id": "kb:country-RUS", "name": "Russia", "type": "LOC", "country": "RUS", "kb": True,
          "forms": ["Russia", "России", "Русије", "Русија"]}
MOSCOW = {"id": "kb:city-moscow", "name": "Moscow", "type": "LOC", "country": "RUS", "kb": True,
          "forms": ["Moscow", "Москве", "Москва", "Москви"]}

# What a careful annotator marks in each case file: entities, quotes (words, speaker), events.
ANNOTATIONS = {
    "en_vulin_moscow.txt": {
        "entities": [VULIN, PATRUSHEV, SERBIA, RUSSIA, MOSCOW],
        "quotes": [("Serbia will never join sanctions against Russia, and our police will keep working with Russian colleagues", VULIN["id"])],
        "events": [
            {"type": "CONSULT", "mode": "visit", "source": (VULIN["id"], "SRB"), "target": (PATRUSHEV["id"], "RUS"),
             "trigger": "met", "contexts": ["terrorism", "crime"], "date": "2021-03-11", "location": MOSCOW["id"]},
            {"type": "AID", "source": (PATRUSHEV["id"], "RUS"), "target": (None, "SRB"), "trigger": "offered",
             "contexts": ["crime"], "date": None},
        ],
        "published": "2021-03-12", "outlet": "Tanjug",
    },
    "ru_patrushev_vulin.txt": {
        "entities": [VULIN, PATRUSHEV, SERBIA, RUSSIA, MOSCOW],
        "quotes": [("Сербия никогда не введёт санкции против России", VULIN["id"])],
        "events": [
            {"type": "CONSULT", "source": (PATRUSHEV["id"], "RUS"), "target": (VULIN["id"], "SRB"),
             "trigger": "провёл", "contexts": ["terrorism"], "date": "2021-03-12", "location": MOSCOW["id"]},
            {"type": "AGREE", "source": (None, "RUS"), "target": (None, "SRB"), "trigger": "договорились",
             "contexts": ["intelligence"], "date": "2021-03"},
        ],
        "published": "2021-03-12", "outlet": "РИА Новости",
    },
    "sr-cyrl_vulin_patrusev.txt": {
        "entities": [VULIN, PATRUSHEV, RUSSIA, MOSCOW, SERBIA],
        "quotes": [("Србија никада неће увести санкције Русији", VULIN["id"])],
        "events": [
            {"type": "CONSULT", "source": (VULIN["id"], "SRB"), "target": (PATRUSHEV["id"], "RUS"),
             "trigger": "састао се", "contexts": ["terrorism"], "date": None},
        ],
        "outlet": "Танјуг",
    },
    "sr-latn_stefanovic_nemacka.txt": {
        "entities": [STEFANOVIC],
        "quotes": [("Ovaj sporazum je veliki korak za bezbednost građana obe zemlje", STEFANOVIC["id"])],
        "events": [
            {"type": "COOPERATE", "source": (STEFANOVIC["id"], "SRB"), "target": (None, "DEU"), "trigger": "potpisali",
             "contexts": ["crime", "migration"], "date": "2019-07-31"},
        ],
    },
}


def _occurrences(text: str, form: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text)]


def _line_span(text: str, offset: int) -> Span:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return Span(start=start, end=len(text) if end < 0 else end)


def annotate(article: Article, spec: dict) -> Article:
    """Attach hand annotations to an article, every offset found in its own text."""
    text = article.text
    taken: set[int] = set()
    for e in spec.get("entities", []):
        mentions = []
        for form in e["forms"]:  # longest forms first in the spec: a short form never re-marks a long one
            for s, t in _occurrences(text, form):
                if not taken.intersection(range(s, t)):
                    taken.update(range(s, t))
                    mentions.append(TextSpan(start=s, end=t, text=text[s:t]))
        if mentions:
            article.entities.append(Entity(id=e["id"], name=e["name"], type=e["type"], country=e.get("country"),
                                           sector=e.get("sector"), kb=e.get("kb", False),
                                           mentions=sorted(mentions, key=lambda m: m.start)))
    for words, speaker in spec.get("quotes", []):
        s = text.index(words)
        article.quotes.append(Quote(text=words, start=s, end=s + len(words), speaker=speaker))
    for ev in spec.get("events", []):
        s = text.index(ev["trigger"])
        article.events.append(Event(
            type=ev["type"], mode=ev.get("mode"), contexts=list(ev.get("contexts", [])), date=ev.get("date"),
            source=Actor(entity=ev["source"][0], country=ev["source"][1]),
            target=Actor(entity=ev["target"][0], country=ev["target"][1]),
            sentence=_line_span(text, s), location=ev.get("location"),
            trigger=TextSpan(start=s, end=s + len(ev["trigger"]), text=ev["trigger"]), confidence=0.8))
    lines, pos = [], 0  # every non-empty line is body, boilerplate lines included (the store does not judge)
    for line in text.split("\n"):
        if line.strip():
            lines.append(Span(start=pos, end=pos + len(line)))
        pos += len(line) + 1
    article.body = lines
    article.published = spec.get("published")
    article.outlet = spec.get("outlet")
    article.title = text.split("\n", 1)[0].strip()
    return article


def case_article(path: Path) -> Article:
    """A case file as an annotated Article (no pipeline: store tests must not depend on stage quality)."""
    text = path.read_text(encoding="utf-8")
    lang, script = LANG_SCRIPT[path.name.split("_", 1)[0]]
    article = Article(text=text, source=str(path), lang=lang, script=script)
    return annotate(article, ANNOTATIONS.get(path.name, {}))


@pytest.fixture
def case_files() -> list[Path]:
    return sorted(CASES.glob("*.txt"))


@pytest.fixture
def annotated(case_files) -> list[Article]:
    return [case_article(p) for p in case_files]


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "test.duckdb"


def sample_inputs() -> list[Path]:
    """The bundled sample articles (every readable kind), or none before they land."""
    if not SAMPLES.is_dir():
        return []
    return sorted(p for p in SAMPLES.iterdir() if p.suffix.lower() in {".txt", ".html", ".htm", ".jsonl"})


@pytest.fixture(scope="session")
def sample_records() -> list[dict]:
    """Contract records of every sample and case article, extracted once per test session
    (JSON round trip, as a consumer of `accord extract` sees them)."""
    from accord.errors import AccordError
    from accord.pipeline import process_many

    inputs = sample_inputs() + sorted(CASES.glob("*.txt"))
    records = []
    for item in process_many(read_paths_(inputs)):
        if isinstance(item, AccordError):
            raise AssertionError(f"a bundled article failed: {item}")
        records.append(msgspec.json.decode(msgspec.json.encode(item.to_record())))
    return records


def read_paths_(paths):
    from accord.stages.read import read_paths

    return read_paths(paths)
