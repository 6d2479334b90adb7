#!/usr/bin/env python3
"""NER precision / recall / F1 of accord's entities stage on public annotated sets.

    .venv/bin/python eval/ner_public.py [--lang ru|en|all] [--limit N] [--data ../shared/data] [--errors]
                                        [--task1-out DIR]

- ru: factRuEval-2016 devset. Objects Person->PER, Org->ORG, Location->LOC, LocOrg accepted as
  LOC or ORG (the one Project object is left out). An object's extent runs from its first span's start to its last span's end.
  accord's mentions are flat, so gold objects nested inside another gold object ("Грузии" in
  "миде Грузии") are left out of the gold (flat, outermost objects). Exact span match.
- en: CoNLL-2003 eng.testa, IOB1 read as BIO, MISC ignored, exact span match. Each document is
  rebuilt as text (one sentence a line, tokens joined by spaces) so offsets map to tokens.
  Reported on all 216 documents (the figure), and again, labelled NEWS ONLY, without the
  sports-desk documents (headline opening with a sport tag: 'SOCCER -', 'CRICKET -').
Two scores each: strict (exact span and type) and lenient (spans overlap, same type).
ru adds a third, `convention`: factRuEval-2016's own evaluation rules (dialogue-evaluation/
factRuEval-2016, scripts/dialent: Tables.QUALITY, TokenSet.isUnnamed, isStandardIgnored), scored
exactly. There, descriptor words (org_descr, loc_descr), job titles and nationality adjectives
(geo_adj) weigh 0 in an object, so a system mention counts when it covers every name word
(name/surname/patronymic/nickname; org_name/loc_name) and no word outside the object: 'газеты
«Русская правда»' and 'Русская правда' both match the gold 'газеты «Русская правда'. Objects with
no name word ('правительство', 'сборной', 'американскими властями') and nested objects are not
scored, and a mention lying inside one of them counts neither way; an object annotated twice over
the same words (Org + Location) counts once. Unlike the official script it gives no partial
credit and accepts LocOrg as LOC or ORG. strict stays the headline figure. `--task1-out DIR`
writes the mentions as track-1 responses, so the official comparator itself (its partial credit
per token; run with -l, LocOrg read as Location) can cross-check the figure.
`--errors` adds a gold-type x system-type confusion table and the errors sorted into
missed / boundary / type / spurious, with the most frequent examples.
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


_CACHE: dict[tuple[str, str], list[tuple[int, int, str]]] = {}


def recognise(text: str, lang: str, source: str) -> list[tuple[int, int, str]]:
    """(start, end, type) of the entities stage's mentions; cached, as two views share documents."""
    key = (source, text)
    if key not in _CACHE:
        _CACHE[key] = _recognise(text, lang, source)
    return _CACHE[key]


def _recognise(text: str, lang: str, source: str) -> list[tuple[int, int, str]]:
    doc = Article(text=text, source=source, lang=lang, script="Cyrl" if lang == "ru" else "Latn")
    doc.body = [Span(start=m.start(), end=m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]
    sentences.run(doc)
    entities.run(doc)
    return [(m.start, m.end, m.type) for m in doc.mentions]


# factRuEval-2016's own evaluation (dialogue-evaluation/factRuEval-2016, scripts/dialent/config.py
# Tables.QUALITY): the span types that carry weight in an object of each type. Descriptors
# (org_descr, loc_descr), job titles and nationality adjectives (geo_adj) weigh 0: a system may
# include or leave them out; an object with no weighted span ("правительство", "сборной") is
# left out of the evaluation.
NAME_SPANS = {
    "Person": {"name", "surname", "patronymic", "nickname", "none"},
    "Org": {"org_name", "loc_name", "none"},
    "Location": {"org_name", "loc_name", "none"},
    "LocOrg": {"org_name", "loc_name", "none"},
}


class Gold(list):
    """Flat outermost gold objects (start, end, type, core): `core` is the (start, end) extent of
    the object's name spans, None for an unnamed object; `.ignored` holds the objects the
    factRuEval convention leaves out (nested ones, and flat unnamed ones)."""
    ignored: list


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
                spans[parts[0]] = (int(parts[2]), int(parts[2]) + int(parts[3]), parts[1])
        gold = []
        for line in path.with_suffix(".objects").read_text(encoding="utf-8").splitlines():
            parts = line.split("#")[0].split()
            if len(parts) < 3:
                continue
            kind = parts[1]
            ext = [spans[s] for s in parts[2:] if s in spans]
            if not ext or kind not in NAME_SPANS:
                continue  # (the one 'Project' object is no PER/ORG/LOC; the official script skips it too)
            named = [(s, e) for s, e, t in ext if t in NAME_SPANS.get(kind, ())]
            core = (min(s for s, _ in named), max(e for _, e in named)) if named else None
            gold.append((min(s for s, _, _ in ext), max(e for _, e, _ in ext), kind, core))
        flat = Gold(g for g in gold if not any(o is not g and o[0] <= g[0] and g[1] <= o[1] and (o[1] - o[0]) > (g[1] - g[0]) for o in gold))
        flat.ignored = [g for g in gold if g not in flat or g[3] is None]
        yield path.name, text, flat


def convention_view(gold):
    """The gold as factRuEval-2016's own evaluation scores it: named flat objects only, an
    object annotated twice over the same words (Org and Location, Org and Org) counted once."""
    scored, seen = [], {}
    for g in gold:
        if g[3] is None:
            continue
        if (g[0], g[1]) in seen:
            k = seen[(g[0], g[1])]
            if scored[k][2] != g[2]:
                scored[k] = (g[0], g[1], "LocOrg" if {scored[k][2], g[2]} <= {"Location", "Org", "LocOrg"} else scored[k][2], g[3])
            continue
        seen[(g[0], g[1])] = len(scored)
        scored.append(g)
    return scored, list(getattr(gold, "ignored", []))


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


def _prf(a: int, b: int, c: int) -> tuple[float, float, float]:
    p = a / (a + b) if a + b else 0.0
    r = a / (a + c) if a + c else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _overlap(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _covers(p, g) -> bool:
    """factRuEval convention: the prediction covers every name word of the object and no word
    outside it (descriptor words optional)."""
    return g[3] is not None and g[0] <= p[0] and p[1] <= g[1] and p[0] <= g[3][0] and g[3][1] <= p[1]


def match(pred, gold, accept, mode: str):
    """Greedy one-to-one matching. strict: same start, end and an accepted type. lenient: the
    spans overlap and the type is accepted (boundary slips forgiven, type slips not).
    convention: factRuEval-2016's own rules, scored exactly (see convention_view, _covers):
    descriptor words optional, unnamed and nested objects out, and a prediction that lies
    inside such an object of an accepted type counts neither way."""
    tp, fp, fn = Counter(), Counter(), Counter()
    ignored = []
    if mode == "convention":
        gold, ignored = convention_view(gold)
    left = list(gold)
    for s, e, t in pred:
        if mode == "lenient":
            hit = next((g for g in left if _overlap((s, e), g) and t in accept(g[2])), None)
        elif mode == "convention":
            hit = next((g for g in left if _covers((s, e), g) and t in accept(g[2])), None)
        else:
            hit = next((g for g in left if g[0] == s and g[1] == e and t in accept(g[2])), None)
        if hit is not None:
            left.remove(hit)
            tp[t] += 1
        elif not any(g[0] <= s and e <= g[1] and t in accept(g[2]) for g in ignored):
            fp[t] += 1
    for g in left:
        fn[accept(g[2])[0]] += 1
    return tp, fp, fn


def classify(text: str, pred, gold, accept, errors: dict, confusion: Counter) -> None:
    """Sort every strict error into a category, with examples:
    missed (no overlapping prediction), boundary (overlap, accepted type, other extent),
    type (overlap, other type), spurious (prediction overlapping no gold)."""
    exact = {(g[0], g[1]) for g in gold}
    for g in gold:
        over = [p for p in pred if _overlap(p, g)]
        gt = accept(g[2])[0]
        if any(p[0] == g[0] and p[1] == g[1] and p[2] in accept(g[2]) for p in over):
            confusion[(gt, gt)] += 1
            continue
        if not over:
            confusion[(gt, "-")] += 1
            errors.setdefault((gt, "missed"), []).append(text[g[0]:g[1]])
        elif any(p[2] in accept(g[2]) for p in over):
            confusion[(gt, gt + "~")] += 1
            p = next(p for p in over if p[2] in accept(g[2]))
            errors.setdefault((gt, "boundary"), []).append(f"{text[g[0]:g[1]]} | sys: {text[p[0]:p[1]]}")
        else:
            confusion[(gt, over[0][2])] += 1
            errors.setdefault((gt, "type"), []).append(f"{text[g[0]:g[1]]} -> {over[0][2]} {text[over[0][0]:over[0][1]]}")
    for p in pred:
        if not any(_overlap(p, g) for g in gold):
            confusion[("-", p[2])] += 1
            errors.setdefault((p[2], "spurious"), []).append(text[p[0]:p[1]])
        elif (p[0], p[1]) not in exact and not any(_overlap(p, g) and p[2] in accept(g[2]) for g in gold):
            pass  # counted as the gold's type error above


def score(name: str, lang: str, docs, accept, show_errors: bool = False, doc_filter=None,
          convention: bool = False) -> dict:
    strict = [Counter(), Counter(), Counter()]
    loose = [Counter(), Counter(), Counter()]
    conv = [Counter(), Counter(), Counter()]
    errors: dict = {}
    confusion: Counter = Counter()
    ndocs = 0
    for source, text, gold in docs:
        if doc_filter is not None and not doc_filter(text):
            continue
        ndocs += 1
        pred = recognise(text, lang, source)
        for acc, mode in ((strict, "strict"), (loose, "lenient")) + (((conv, "convention"),) if convention else ()):
            for k, c in enumerate(match(pred, gold, accept, mode)):
                acc[k].update(c)
        if show_errors:
            classify(text, pred, gold, accept, errors, confusion)
    rows = {}
    print(f"{name}: {ndocs} documents")
    views = [("strict (exact span, same type)", strict), ("lenient (overlap, same type)", loose)]
    if convention:
        views.append(("convention (factRuEval-2016's own rules: descriptor words optional, unnamed and nested "
                      "objects not scored; exact)", conv))
    for label, (tp, fp, fn) in views:
        print(f"  {label}")
        for t in TYPES + ("ALL",):
            a = sum(tp.values()) if t == "ALL" else tp[t]
            b = sum(fp.values()) if t == "ALL" else fp[t]
            c = sum(fn.values()) if t == "ALL" else fn[t]
            p, r, f = _prf(a, b, c)
            rows[(label.split()[0], t)] = (p, r, f, a, b, c)
            print(f"    {t:4s} P={p:.3f} R={r:.3f} F1={f:.3f}  (tp={a} fp={b} fn={c})")
    if show_errors:
        print("  confusion (gold row -> system; '~' = same type, other extent; '-' = nothing):")
        cols = list(TYPES) + [t + "~" for t in TYPES] + ["-"]
        print("    gold\\sys " + " ".join(f"{c:>5s}" for c in cols))
        for g in list(TYPES) + ["-"]:
            print(f"    {g:8s} " + " ".join(f"{confusion[(g, c)]:5d}" for c in cols))
        for (t, kind), items in sorted(errors.items(), key=lambda kv: -len(kv[1])):
            common = Counter(items).most_common(12)
            print(f"  {t} {kind}: {len(items)}  e.g. " + "; ".join(f"{x}" + (f" x{n}" if n > 1 else "") for x, n in common))
    return rows


SPORTS = ("SOCCER", "CRICKET", "TENNIS", "BOXING", "BASEBALL", "BASKETBALL", "GOLF", "RUGBY", "RUGBY UNION",
          "RUGBY LEAGUE", "ATHLETICS",
          "CYCLING", "SQUASH", "NFL", "NHL", "NBA", "HOCKEY", "ICE HOCKEY", "MOTOR RACING", "MOTORCYCLING",
          "FORMULA", "HORSE RACING", "SWIMMING", "ROWING", "SAILING", "SKIING", "BADMINTON", "VOLLEYBALL",
          "HANDBALL", "AMERICAN FOOTBALL", "AUSTRALIAN RULES", "ALPINE SKIING", "TABLE TENNIS", "CHESS")


def is_news(text: str) -> bool:
    """Not sports desk copy: Reuters sports stories carry the sport as a desk tag that opens the
    headline ('SOCCER - ...', 'Boxing-Bruno quits ...'); results tables come with those tags too."""
    head = text.split("\n", 1)[0].upper()
    return not any(head.startswith(s) and head[len(s):len(s) + 3].strip()[:1] in ("-", "") for s in SPORTS)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lang", default="all")
    ap.add_argument("--limit", type=int, default=None, help="first N documents only")
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--errors", action="store_true", help="confusion matrix and error categories with examples")
    ap.add_argument("--task1-out", default=None, help="ru: also write the mentions as factRuEval-2016 track-1 "
                    "responses (book_N.task1: 'per|org|loc START LENGTH') for the official comparator "
                    "(dialogue-evaluation/factRuEval-2016 scripts/t1_eval.py -s DEVSET -t DIR -l)")
    args = ap.parse_args()
    data = Path(args.data)
    if not data.exists():
        print(f"skipped: {data} not found")
        return 0
    if args.lang in ("ru", "all"):
        folder = data / "ru-factrueval2016" / "devset"
        if folder.exists():
            score("ru factRuEval-2016 devset (flat outermost objects, exact span)", "ru",
                  factrueval(folder, args.limit), lambda k: RU_TYPES.get(k, (k,)), args.errors, convention=True)
            if args.task1_out:
                out = Path(args.task1_out)
                out.mkdir(parents=True, exist_ok=True)
                for source, text, _ in factrueval(folder, args.limit):
                    lines = [f"{t.lower()} {s} {e - s}\n" for s, e, t in recognise(text, "ru", source)]
                    (out / (Path(source).stem + ".task1")).write_text("".join(lines), encoding="utf-8")
                print(f"  track-1 responses written to {out}")
        else:
            print(f"skipped ru: {folder} not found")
    if args.lang in ("en", "all"):
        path = data / "en-conll2003" / "eng.testa"
        if path.exists():
            score("en CoNLL-2003 eng.testa, all documents (PER/ORG/LOC)", "en", conll(path, args.limit), lambda k: (k,),
                  args.errors)
            score("en CoNLL-2003 eng.testa, NEWS ONLY: sports-desk documents left out (a separate view, not the "
                  "headline figure)", "en", conll(path, args.limit), lambda k: (k,), args.errors, doc_filter=is_news)
        else:
            print(f"skipped en: {path} not found")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
