#!/usr/bin/env python3
"""Span P/R/F1 on UNER dev of accord's Serbian recogniser before the model (rules), the shipped
Serbian-Croatian NER model alone (src/accord/lang/sr/ner_model), and accord now (combined).

    PYTHONPATH=src .venv/bin/python eval/ner_sr.py [--data ../shared/data] [--errors N] [--speed]
                                                    [--systems rules,model,stage-model,combined]

Systems, side by side per set and type:
- 'accord rules': the entities stage (sentences, parse, KB gazetteer, institutions, every pass)
  with the Serbian recogniser's rules alone (accord.lang.sr.recogniser.MODE = 'rules'), on whole
  UNER documents (a sentence a line), as accord was before the model;
- 'model alone': the model on each sentence (ner_model_loader.recognizer);
- 'accord, model only' (stage-model, on request): the entities stage with the model's spans and
  no rules (what the stage's KB and institution passes do to them);
- 'accord combined': the entities stage as shipped (accord.lang.sr.combination).
The combination was chosen on these dev sets and the Serbian dev news: its figures here are not
held-out figures. accord names bodies UNER does not ('kosovska vlada', 'srpske policije': an
actor with a country), so the stage's ORG precision sits below the model's by convention.

Sets (all from ../shared/data, never copied into the repository):
- sr-uner dev in Latin, as published (UNER_Serbian-SET, SETimes);
- the same sentences in Cyrillic: each token transliterated Latin -> Cyrillic
  (accord.translit.sr_to_cyrillic), gold spans moved with their tokens; the model sees Cyrillic
  through the loader, which transliterates back to Latin with offsets kept;
- hr-uner dev (UNER_Croatian-SET).
The UNER Serbian test split is reserved and not read. hr-uner test is not read either: its
SETimes documents are the Croatian side of the Serbian test documents (the two corpora are
split by the same document ids), so it is no independent Croatian test for a model that is
meant to be measured later on the Serbian test.

Scoring: the sentence text (`# text =`) goes through the model as raw text (the model's own
tokenizer, as at run time); a predicted span counts when its character start, end and type
equal a gold span's. Only PER, ORG and LOC are scored: UNER's OTH (nationality nouns such as
'Srbi', events, products) is neither gold nor prediction. Micro-averaged over the three types.
Exits 0 and says so when the data folder is absent.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

DATA = ROOT.parent / "shared" / "data"
TYPES = ("PER", "ORG", "LOC")
FILES = {
    ("sr", "train"): "sr-uner/sr_set-ud-train.iob2",
    ("sr", "dev"): "sr-uner/sr_set-ud-dev.iob2",
    ("hr", "train"): "hr-uner/hr_set-ud-train.iob2",
    ("hr", "dev"): "hr-uner/hr_set-ud-dev.iob2",
}


@dataclass
class Sent:
    text: str
    tokens: list[tuple[int, int]]  # character offsets of the gold tokens in text
    spans: list[tuple[int, int, str]] = field(default_factory=list)  # gold, every UNER type (OTH too)
    doc_id: str = ""

    @property
    def words(self) -> list[str]:
        return [self.text[s:e] for s, e in self.tokens]


def read_iob2(path: Path) -> list[Sent]:
    """UNER IOB2 (index, token, tag, tag, -): the first tag column is UNER's tag.

    The second column differs only where UNER reads a nationality noun ('Srbi', 'Rusa') as OTH
    and the other as PER; the first is the published tag set. Tokens are located in the sentence
    text (`# text =`), so gold spans get character offsets in that text.
    """
    out: list[Sent] = []
    text, rows, doc = None, [], ""

    def flush():
        if not rows:
            return
        assert text is not None, path
        tokens, pos = [], 0
        for word, _ in rows:
            i = text.find(word, pos)
            if i < 0 or text[pos:i].strip():
                raise ValueError(f"{path}: token {word!r} not found in {text!r}")
            tokens.append((i, i + len(word)))
            pos = i + len(word)
        spans, cur = [], None
        for (_, tag), (s, e) in zip(rows, tokens):
            if tag.startswith("B-") or (tag.startswith("I-") and (cur is None or cur[2] != tag[2:])):
                if cur:
                    spans.append(tuple(cur))
                cur = [s, e, tag[2:]]
            elif tag.startswith("I-"):
                cur[1] = e
            else:
                if cur:
                    spans.append(tuple(cur))
                cur = None
        if cur:
            spans.append(tuple(cur))
        out.append(Sent(text, tokens, spans, doc))

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newdoc id ="):
            doc = line.split("=", 1)[1].strip()
        elif line.startswith("# text = "):
            text = line[len("# text = "):]
        elif line.startswith("#"):
            continue
        elif not line.strip():
            flush()
            rows = []
        else:
            cols = line.split("\t")
            rows.append((cols[1], cols[2]))
    flush()
    return out


def load(lang: str, split: str, data: Path = DATA) -> list[Sent]:
    if (lang, split) not in FILES:
        raise ValueError(f"{lang} {split}: not a split this project reads (the Serbian test is reserved)")
    return read_iob2(data / FILES[(lang, split)])


def to_cyrillic(sent: Sent) -> Sent:
    """The sentence in Serbian Cyrillic, token by token, gold spans moved with their tokens."""
    from accord.translit import sr_to_cyrillic

    parts, tokens, starts, ends, pos = [], [], {}, {}, 0
    for k, (s, e) in enumerate(sent.tokens):
        gap = sent.text[pos:s]
        parts.append(gap)
        cur = sum(map(len, parts))
        cyr = sr_to_cyrillic(sent.text[s:e])
        parts.append(cyr)
        tokens.append((cur, cur + len(cyr)))
        starts[s], ends[e] = cur, cur + len(cyr)
        pos = e
    parts.append(sent.text[pos:])
    spans = [(starts[s], ends[e], label) for s, e, label in sent.spans]
    return Sent("".join(parts), tokens, spans, sent.doc_id)


_STRIP = str.maketrans("čćđšžČĆĐŠŽ", "ccdszCCDSZ")


def without_diacritics(sent: Sent) -> Sent:
    """The sentence as scraped Serbian often comes, without diacritics (č/ć->c, đ->d, š->s, ž->z:
    one letter for one, so tokens and gold spans keep their offsets)."""
    return Sent(sent.text.translate(_STRIP), sent.tokens, sent.spans, sent.doc_id)


def score(gold: list[list[tuple[int, int, str]]], pred: list[list[tuple[int, int, str]]]) -> dict:
    """Exact-span P/R/F1 per type and micro over TYPES."""
    n = Counter()
    for g, p in zip(gold, pred):
        g = {x for x in g if x[2] in TYPES}
        p = {x for x in p if x[2] in TYPES}
        for x in g & p:
            n["tp", x[2]] += 1
        for x in p - g:
            n["fp", x[2]] += 1
        for x in g - p:
            n["fn", x[2]] += 1
    out = {}
    for t in (*TYPES, "ALL"):
        keys = TYPES if t == "ALL" else (t,)
        tp = sum(n["tp", k] for k in keys)
        fp = sum(n["fp", k] for k in keys)
        fn = sum(n["fn", k] for k in keys)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[t] = {"p": p, "r": r, "f": f, "gold": tp + fn, "tp": tp, "fp": fp, "fn": fn}
    return out


def evaluate(recognise, sents: list[Sent]) -> dict:
    """The model (a text -> spans function) on each sentence."""
    return score([s.spans for s in sents], [recognise(s.text) for s in sents])


def table(name: str, sc: dict) -> str:
    lines = [f"{name}", f"  {'type':5} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}"]
    for t in (*TYPES, "ALL"):
        x = sc[t]
        lines.append(f"  {t:5} {x['p']:6.3f} {x['r']:6.3f} {x['f']:6.3f} {x['gold']:6d}")
    return "\n".join(lines)


def dev_sets(data: Path = DATA, plain: bool = False) -> dict[str, list[Sent]]:
    """The dev sets; with plain, also sr-uner dev without diacritics (a robustness figure)."""
    sr = load("sr", "dev", data)
    out = {"sr-uner dev (Latin)": sr, "sr-uner dev (Cyrillic)": [to_cyrillic(s) for s in sr],
           "hr-uner dev": load("hr", "dev", data)}
    if plain:
        out["sr-uner dev (no diacritics)"] = [without_diacritics(s) for s in sr]
    return out


def documents(sents: list[Sent]) -> list[tuple[str, list[tuple[int, Sent]]]]:
    """The sentences of each UNER document as one text, a sentence a line, with each sentence's
    offset in it: accord reads an article, and its rules use the whole document."""
    out, cur, doc = [], [], None
    for s in sents:
        if cur and s.doc_id != doc:
            out.append(cur)
            cur = []
        doc = s.doc_id
        cur.append(s)
    if cur:
        out.append(cur)
    docs = []
    for group in out:
        offsets, pos = [], 0
        for s in group:
            offsets.append((pos, s))
            pos += len(s.text) + 1
        docs.append(("\n".join(s.text for s in group), offsets))
    return docs


def accord_stage(lang: str, mode: str):
    """recognise(sents) -> spans per sentence from accord's `sentences` and `entities` stages
    (body = every line; KB gazetteer, institutions and every later pass included), run on whole
    UNER documents, with the Serbian recogniser in `mode` (accord.lang.sr.recogniser.MODES:
    'rules' is the recogniser before the model, 'model' the model's spans alone through the same
    stage, 'combined' what accord ships)."""
    from accord.doc import Article, Span
    from accord.lang.sr import recogniser
    from accord.translit import has_cyrillic
    from accord.stages import entities, parse, sentences

    def run(sents: list[Sent]) -> list[list[tuple[int, int, str]]]:
        before = recogniser.MODE
        recogniser.MODE = mode
        try:
            pred: dict[int, list] = {}
            for text, offsets in documents(sents):
                doc = Article(text=text, source="uner", lang=lang, script="Cyrl" if has_cyrillic(text) else "Latn")
                doc.body = [Span(start=m.start(), end=m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]
                sentences.run(doc)
                parse.run(doc)
                entities.run(doc)
                for off, s in offsets:
                    end = off + len(s.text)
                    pred[id(s)] = [(m.start - off, m.end - off, m.type) for m in doc.mentions
                                   if off <= m.start and m.end <= end]
            return [pred[id(s)] for s in sents]
        finally:
            recogniser.MODE = before
    return run


def errors(pred: list[list[tuple[int, int, str]]], sents: list[Sent], limit: int) -> None:
    shown = 0
    for s, p in zip(sents, pred):
        g = {x for x in s.spans if x[2] in TYPES}
        p = set(p)
        if g != p and shown < limit:
            shown += 1
            print("  " + s.text)
            for x in sorted(g - p):
                print(f"    missed {x[2]} {s.text[x[0]:x[1]]!r}")
            for x in sorted(p - g):
                print(f"    spurious {x[2]} {s.text[x[0]:x[1]]!r}")


def side_by_side(name: str, scores: dict[str, dict]) -> str:
    """One line per type, P/R/F1 of each system beside the others'."""
    systems = list(scores)
    head = f"  {'type':5} {'gold':>5}  " + "  ".join(f"{x:^20}" for x in systems)
    sub = f"  {'':5} {'':>5}  " + "  ".join(f"{'P':>6} {'R':>6} {'F1':>6}" for _ in systems)
    lines = [name, head, sub]
    for t in (*TYPES, "ALL"):
        gold = next(iter(scores.values()))[t]["gold"]
        cells = "  ".join(f"{sc[t]['p']:6.3f} {sc[t]['r']:6.3f} {sc[t]['f']:6.3f}" for sc in scores.values())
        lines.append(f"  {t:5} {gold:5d}  {cells}")
    return "\n".join(lines)


SYSTEMS = ("rules", "model", "combined")


def systems(model_path: Path | None, which=SYSTEMS) -> dict:
    """name -> (lang, sents) -> predicted spans per sentence. 'model alone' is the loader's
    spans on each sentence (what eval/ner_sr.py reported before the model was in the pipeline);
    'rules' and 'combined' run accord's entities stage on whole documents."""
    from accord.lang.sr import ner_model_loader

    out = {}
    for name in which:
        if name == "model":
            ner = ner_model_loader.recognizer(model_path)
            out["model alone"] = lambda lang, sents, ner=ner: [ner(s.text) for s in sents]
        elif name == "stage-model":
            out["accord, model only"] = lambda lang, sents: accord_stage(lang, "model")(sents)
        else:
            out["accord " + name] = lambda lang, sents, name=name: accord_stage(lang, name)(sents)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--model", type=Path, default=None,
                    help="a model directory (default: the shipped one), for the model alone and in the stage")
    ap.add_argument("--systems", default=",".join(SYSTEMS),
                    help="which of rules (accord before the model), model (alone), combined (accord now)")
    ap.add_argument("--errors", type=int, default=0, help="print the first N sentences with errors per set and system")
    ap.add_argument("--plain", action="store_true", help="also sr-uner dev without diacritics")
    ap.add_argument("--speed", action="store_true", help="CPU ms per ~500-word text of sr-uner dev (model alone)")
    args = ap.parse_args(argv)
    if not (args.data / FILES[("sr", "dev")]).exists():
        print(f"{args.data / FILES[('sr', 'dev')]} absent: nothing to evaluate")
        return 0
    if args.model is not None:  # the stage (combined) reads the same model
        from accord.lang.sr import ner_model_loader

        ner_model_loader.MODEL_DIR = args.model.resolve()
    chosen = systems(args.model, [x.strip() for x in args.systems.split(",") if x.strip()])
    for name, sents in dev_sets(args.data, args.plain).items():
        lang = "hr" if name.startswith("hr") else "sr"
        scores = {}
        for sys_name, run in chosen.items():
            pred = run(lang, sents)
            scores[sys_name] = score([s.spans for s in sents], pred)
            if args.errors:
                print(f"{name}, {sys_name}: errors")
                errors(pred, sents, args.errors)
        print(side_by_side(f"{name}: {len(sents)} sentences", scores))
    if args.speed:
        from accord.lang.sr import ner_model_loader

        print(speed(ner_model_loader.recognizer(args.model), load("sr", "dev", args.data)))
    return 0


def speed(recognise, sents: list[Sent], words: int = 530, rounds: int = 3) -> str:
    """CPU time of the model call on texts of ~`words` words (consecutive dev sentences joined
    as one article), warm, best of `rounds` passes."""
    texts, cur, n = [], [], 0
    for s in sents:
        cur.append(s.text)
        n += len(s.tokens)
        if n >= words:
            texts.append(" ".join(cur))
            cur, n = [], 0
    recognise(texts[0])
    best = None
    for _ in range(rounds):
        t0 = time.process_time()
        for t in texts:
            recognise(t)
        dt = (time.process_time() - t0) / len(texts)
        best = dt if best is None else min(best, dt)
    nwords = sum(len(t.split()) for t in texts) / len(texts)
    return f"speed: {len(texts)} texts of ~{nwords:.0f} whitespace words, {best * 1000:.1f} ms CPU per text (best of {rounds})"


if __name__ == "__main__":
    sys.exit(main())
