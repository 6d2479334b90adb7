"""How an event's actor is named wherever events are listed (the web view, `accord events`):
the entity's canonical name (the entities table's, English where the knowledge base knows it),
else the name of the actor's country, and only then the words that named it in the sentence.

Why: the sentence's words are a surface form in the article's language and grammatical case
("сербских" for the Serbian side); the reader wants "Serbia". The raw words stay in
`source_text`/`target_text`.
"""
from __future__ import annotations

from typing import Any

from .event_filter import country_name


def actor_name(entity_name: str | None, country: str | None, text: str | None) -> str | None:
    return entity_name or country_name(country) or text or None


def name_actors(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add `source_label` and `target_label` to event rows carrying `<side>_name` (the entity's
    name), `<side>_country` and `<side>_text`."""
    for r in rows:
        for side in ("source", "target"):
            r[f"{side}_label"] = actor_name(r.get(f"{side}_name"), r.get(f"{side}_country"), r.get(f"{side}_text"))
    return rows
