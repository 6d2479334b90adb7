#!/usr/bin/env python3
"""NER precision / recall / F1 of accord's entities stage on public annotated sets.

    .venv/bin/python eval/ner_public.py [--lang ru|en|all] [--limit N] [--data ../shared/data]

- ru: factRuEval-2016 devset. Objects Person->PER, Org->ORG, Location->LOC, LocOrg accepted as
  LOC or ORG. An object's extent runs from its first span's start to its last span's end.
  accord's mentions are flat, so gold objects nested inside another gold object ("Грузии" in
  "миде Грузии") are left out of the gold (flat, outermost objects). Exact span match.
- en: CoNLL-2003 eng.testa, IOB1 read as BIO, MISC ignored, exact span match. Each document is
  rebuilt as text (one sentence a line, tokens joined by spaces) so offsets map to tokens.
Each document runs through the `sentences` and `entities` stages only (body = every line), so
the figure is NER alone. Exits 0 and says so when the data folder is absent.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from accord.doc import Article, Span  # noqa: E402
from accord.stages import entities, sentences  # noqa: E402

TYPES = ("PER", "ORG", "LOC")


def recognise(text: str, lang: str, source: str) -> list[tuple[int, int, str]]:
    doc = Article(text=text, source=source, lang=lang, script="Cyrl" if lang == "ru" else "Latn")
    doc.body = [Span(start=m.start(), end=m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]
    sentences.run(doc)
    entities.run(doc)
    return [(m.start, m.end, m.type) for m in doc.mentions]


def factrueval(folder: Path, limit: int | None):
    docs = sorted(folder.glob("book_*.txt"), key=lambda p: int(p.stem.split("_")[1]))
    if limit:
        docs = docs[:limit]
    for path in docs:
        text = path.read_text(encoding="utf-8-sig")
        spans = {}
        for line in path.with_suffix(".spans").read_text(encoding="utf-8").splitlines():
            parts = line.split("#")[0].split()
            if len(parts) >= 4:
                spans[parts[0]] = (int(parts[2]), int(parts[2]) + int(parts[3]))
        gold = []
        for line in path.with_suffix(".objects").read_text(encoding="utf-8").splitlines():
            parts = line.split("#")[0].split()
            if len(parts) < 3:
                continue
            kind = parts[1]
            ext = [spans[s] for s in parts[2:] if s in spans]
            if not ext:
                continue
            gold.append((min(s for s, _ in ext), max(e for _, e in ext), kind))
        flat = [g for g in gold if not any(o is not g and o[0] <= g[0] and g[1] <= o[1] and (o[1] - o[0]) > (g[1] - g[0]) for o in gold)]
        yield path.name, text, flat


RU_TYPES = {"Person": ("PER",), "Org": ("ORG",), "Location": ("LOC",), "LocOrg": ("LOC", "ORG")}


def conll(path: Path, limit: int | None):
    raw = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    docs = [d for d in raw.split("-DOCSTART- -X- -X- O") if d.strip()]
    if limit:
        docs = docs[:limit]
    for n, block in enumerate(docs):
        lines_out, gold, offset = [], [], 0
        for sent in block.strip("\n").split("\n\n"):
            toks = [ln.split() for ln in sent.split("\n") if ln.strip()]
            if not toks:
                continue
            parts, cur, prev_tag = [], None, "O"
            pos = offset
            for tok in toks:
                word, tag = tok[0], tok[-1]
                start = pos
                end = start + len(word)
                parts.append(word)
                pos = end + 1
                kind = tag[2:] if tag != "O" else None
                begins = tag.startswith("B-") or (kind and (prev_tag == "O" or prev_tag[2:] != kind))
                if cur and (kind is None or begins):
                    gold.append(tuple(cur))
                    cur = None
                if kind and cur is None:
                    cur = [start, end, kind]
                elif kind:
                    cur[1] = end
                prev_tag = tag
            if cur:
                gold.append(tuple(cur))
            line = " ".join(parts)
            lines_out.append(line)
            offset += len(line) + 1
        text = "\n".join(lines_out)
        yield f"conll-{n}", text, [g for g in gold if g[2] in TYPES]


def score(name: str, lang: str, docs, accept) -> dict:
    tp = Counter()
    fp = Counter()
    fn = Counter()
    ndocs = 0
    for source, text, gold in docs:
        ndocs += 1
        pred = recognise(text, lang, source)
        gold_left = list(gold)
        for s, e, t in pred:
            hit = next((g for g in gold_left if g[0] == s and g[1] == e and t in accept(g[2])), None)
            if hit is not None:
                gold_left.remove(hit)
                tp[t] += 1
            else:
                fp[t] += 1
        for g in gold_left:
            fn[accept(g[2])[0]] += 1
    rows = {}
    for t in TYPES + ("ALL",):
        a = sum(tp.values()) if t == "ALL" else tp[t]
        b = sum(fp.values()) if t == "ALL" else fp[t]
        c = sum(fn.values()) if t == "ALL" else fn[t]
        p = a / (a + b) if a + b else 0.0
        r = a / (a + c) if a + c else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        rows[t] = (p, r, f, a, b, c)
    print(f"{name}: {ndocs} documents")
    for t, (p, r, f, a, b, c) in rows.items():
        print(f"  {t:4s} P={p:.3f} R={r:.3f} F1={f:.3f}  (tp={a} fp={b} fn={c})")
    return rows


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lang", default="all")
    ap.add_argument("--limit", type=int, default=None, help="first N documents only")
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    args = ap.parse_args()
    data = Path(args.data)
    if not data.exists():
        print(f"skipped: {data} not found")
        return 0
    if args.lang in ("ru", "all"):
        folder = data / "ru-factrueval2016" / "devset"
        if folder.exists():
            score("ru factRuEval-2016 devset (flat outermost objects, exact span)", "ru",
                  factrueval(folder, args.limit), lambda k: RU_TYPES.get(k, (k,)))
        else:
            print(f"skipped ru: {folder} not found")
    if args.lang in ("en", "all"):
        path = data / "en-conll2003" / "eng.testa"
        if path.exists():
            score("en CoNLL-2003 eng.testa (PER/ORG/LOC, exact span)", "en", conll(path, args.limit), lambda k: (k,))
        else:
            print(f"skipped en: {path} not found")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
