"""The query commands of `accord`: events, entities, quotes and summary, as tables or --json.

Why apart from accord.cli: they share the store reader and table helpers (accord.cli_output)
and nothing else with the commands that run the pipeline; `register(app)` adds them to the app
where accord.cli wants them in --help.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from .cli_output import DB_OPTION, JSON_OPTION, cell, fail, query_store, short, table


def register(app: typer.Typer) -> None:
    """Add the query commands to `app`."""
    for command in (events, entities, quotes, summary):
        app.command()(command)


def events(
    db: Path = DB_OPTION,
    dyad: Optional[str] = typer.Option(None, "--dyad", help="countries: SRB-RUS (either way), SRB>RUS (directed), SRB (either side)"),
    type: Optional[list[str]] = typer.Option(None, "--type", "-t", help="PLOVER type (repeatable), e.g. COOPERATE"),
    since: Optional[str] = typer.Option(None, "--since", help="YYYY, YYYY-MM or YYYY-MM-DD"),
    until: Optional[str] = typer.Option(None, "--until", help="YYYY, YYYY-MM or YYYY-MM-DD (inclusive)"),
    context: Optional[str] = typer.Option(None, "--context", help="PLOVER context, e.g. terrorism"),
    min_confidence: Optional[float] = typer.Option(None, "--min-confidence", min=0.0, max=1.0),
    limit: int = typer.Option(50, "--limit", "-n", min=1),
    as_json: bool = JSON_OPTION,
) -> None:
    """Stored events, newest first. A filter value the store cannot match is an error listing the valid ones."""
    from .store import filter_values as fv
    from .store import query

    try:
        since, until = fv.check_date(since), fv.check_date(until)
        types = fv.check_types(type)
        context = fv.check_context(context)
    except ValueError as err:
        fail(err)

    def run(con):
        return query.events(con, dyad=fv.check_dyad(con, dyad), types=types, since=since, until=until, context=context,
                            min_confidence=min_confidence, limit=limit)

    rows = query_store(db, run, as_json)
    if rows is None:
        return
    for r in rows:
        r["source_show"] = _actor_show(r, "source")
        r["target_show"] = _actor_show(r, "target")
        r["sentence_show"] = short(r["sentence_text"])
        r["doc_show"] = Path(r["doc_source"]).name
    table(f"events ({len(rows)})", rows, [("date", "event_date"), ("type", "type"), ("mode", "mode"),
                                            ("source", "source_show"), ("target", "target_show"),
                                            ("contexts", "contexts"), ("conf", "confidence"),
                                            ("sentence", "sentence_show"), ("article", "doc_show")])
    # (narrow terminals: free-text columns wrap, codes are cut with an ellipsis; --json has everything)


def _actor_show(row: dict, side: str) -> str | None:
    name = row.get(f"{side}_label")  # entity name, else country name, else the sentence's words
    country = row.get(f"{side}_country")
    if name and country:
        return f"{name} ({country})"
    return name or country


def entities(
    db: Path = DB_OPTION,
    top: int = typer.Option(20, "--top", "-n", min=1, help="how many, by number of documents"),
    country: Optional[str] = typer.Option(None, "--country", help="ISO alpha-3, e.g. RUS"),
    type: Optional[str] = typer.Option(None, "--type", help="PER, ORG or LOC"),
    as_json: bool = JSON_OPTION,
) -> None:
    """Entities (one identity across languages), most mentioned first, with their aliases."""
    from .store import filter_values as fv
    from .store import query

    try:
        type = fv.check_entity_type(type)
    except ValueError as err:
        fail(err)
    rows = query_store(db, lambda con: query.entities(con, top=top, country=fv.check_country(con, country), type=type),
                       as_json)
    if rows is None:
        return
    for r in rows:
        r["aliases_show"] = short(", ".join(a for a in (r["aliases"] or []) if a != r["name"]), 70)
    table(f"entities ({len(rows)})", rows, [("name", "name"), ("type", "type"), ("country", "country"),
                                              ("docs", "docs"), ("mentions", "mentions"),
                                              ("aliases", "aliases_show"), ("id", "id")])


def quotes(
    db: Path = DB_OPTION,
    speaker: Optional[str] = typer.Option(None, "--speaker", help="name in any language or script (Vulin finds Вулин)"),
    limit: int = typer.Option(50, "--limit", "-n", min=1),
    as_json: bool = JSON_OPTION,
) -> None:
    """Direct quotes and their speakers."""
    from .store import query

    rows = query_store(db, lambda con: query.quotes(con, speaker=speaker, limit=limit), as_json)
    if rows is None:
        return
    for r in rows:
        r["speaker_show"] = r["speaker_name"] or r["speaker_text"]
        r["quote_show"] = short(r["text"], 120)
        r["doc_show"] = Path(r["source"]).name
    table(f"quotes ({len(rows)})", rows, [("speaker", "speaker_show"), ("quote", "quote_show"),
                                            ("lang", "lang"), ("published", "published"), ("article", "doc_show")])


def summary(db: Path = DB_OPTION, top: int = typer.Option(10, "--top", min=1), as_json: bool = JSON_OPTION) -> None:
    """What the store holds: documents per language, top entities, quotes, events per type, top dyads."""
    from .store import query

    s = query_store(db, lambda con: query.summary(con, top=top), as_json)
    if s is None:
        return
    from rich.console import Console

    Console().print(f"[bold]{cell(db)}[/bold]: {s['documents']} documents, {s['entities']} entities, "
                    f"{s['quotes']} quotes ({s['quotes_with_speaker']} with a speaker), {s['events']} events")
    table("documents per language", s["languages"], [("lang", "lang"), ("script", "script"), ("documents", "documents")])
    table("top entities", s["top_entities"], [("name", "name"), ("type", "type"), ("country", "country"),
                                               ("docs", "docs"), ("mentions", "mentions")])
    table("top speakers", s["top_speakers"], [("speaker", "name"), ("quotes", "quotes")])
    table("events per type", s["event_types"], [("type", "type"), ("events", "events")])
    table("top country dyads", s["top_dyads"], [("country", "country_a"), ("country", "country_b"), ("events", "events")])
