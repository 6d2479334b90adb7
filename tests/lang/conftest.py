"""Smoke tests per language folder (spaCy's tests/lang/<code>/): each folder's test runs the
whole pipeline on a short real-looking article written for accord (CC0) and asserts what a user
of that language gets: entities with their country, a date, a quote with its speaker and an
event with its dyad. Variants (hr, bs, cnr) get what Serbian gets."""
from __future__ import annotations

from accord.doc import Article
from accord.pipeline import STAGES, process


def run(text: str, lang: str | None = None) -> dict:
    """The record of `text`; with `lang`, the language is given instead of detected (as a JSONL
    input or a caller that knows it would)."""
    if lang is None:
        return process(Article(text=text, source="<smoke>")).to_record()
    return process(Article(text=text, source="<smoke>", lang=lang), [s for s in STAGES if s != "language"]).to_record()


def entity(record: dict, entity_id: str) -> dict:
    found = [e for e in record["entities"] if e["id"] == entity_id]
    assert found, f"{entity_id} not among {[e['id'] for e in record['entities']]}"
    return found[0]


def dyads(record: dict) -> set[tuple[str, str, str]]:
    return {(e["type"], e["source"]["country"], e["target"]["country"]) for e in record["events"]}


def speakers(record: dict) -> set[str | None]:
    return {q["speaker"] for q in record["quotes"]}
