#!/usr/bin/env python3
"""Event coding alone, on the annotated dev news, with the gold entities put in place of the system's.

usage: python eval/events_oracle.py [NEWS_DIR] -o OUT.jsonl   then score OUT.jsonl with shared/eval/score.py

Why: event recall on the full pipeline mixes entity and country errors with event errors. Here
every gold entity form found in the text becomes a mention of one entity with the gold country
(the upper bound the events stage reaches with perfect entities); everything else (sentences,
dates, quotes) is the system's. Skips cleanly when the data is absent.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "dev"


def main(argv: list[str]) -> int:
    news = Path(next((a for a in argv if not a.startswith("-") and argv[argv.index(a) - 1] != "-o"), DEFAULT))
    out = Path(argv[argv.index("-o") + 1]) if "-o" in argv else Path("/tmp/events_oracle.jsonl")
    gold_path = news / "gold.json"
    if not gold_path.exists():
        print(f"no gold at {gold_path}; skipping")
        return 0
    from accord.doc import Entity, Mention
    from accord.pipeline import STAGES, process
    from accord.stages import events
    from accord.stages.read import read_paths

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    with out.open("w", encoding="utf-8") as fh:
        for name, g in gold["docs"].items():
            doc = next(iter(read_paths([news / name])))
            process(doc, [s for s in STAGES if s != "events"])
            speakers = {q.speaker for q in doc.quotes}
            doc.mentions, doc.entities = [], []
            for ge in g["entities"]:
                ent = Entity(id=f"gold:{ge['key']}", name=ge["key"], type=ge.get("type", "ORG"), country=ge.get("country"))
                for form in sorted(set(ge["forms"]), key=len, reverse=True):
                    for mo in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", doc.text):
                        if any(m.start < mo.end() and mo.start() < m.end for m in doc.mentions):
                            continue
                        doc.mentions.append(Mention(start=mo.start(), end=mo.end(), text=mo.group(), type=ent.type, entity=ent.id))
                doc.entities.append(ent)
            for q in doc.quotes:  # speakers: the gold entity whose mention overlaps the speaker words
                span = q.speaker_span if getattr(q, "speaker_span", None) else None
                if span is not None:
                    hit = next((m for m in doc.mentions if m.start < span.end and span.start < m.end), None)
                    q.speaker = hit.entity if hit else None
            _ = speakers
            events.run(doc)
            fh.write(json.dumps(doc.to_record(), ensure_ascii=False) + "\n")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
