"""Score the quotes stage on public attribution sets (read from ../shared/data; skipped when absent).

English PolNeAR (brat standoff, one annotator per article): a gold direct quote is a segment in
quotation marks inside an attribution's Content span; its speaker is the Source span and its cue
the Cue span of the same attribution.
Russian ADAQ (token tags source/cue/content): a gold direct quote is a run of content tokens that
opens with, or right after, a quotation mark; direct and indirect speech are annotated, only the
direct ones are scored.

Matching, the same for both sets:
  recall     a gold quote is found when a system quote covers at least half of it (characters)
  precision  a system quote is right when at least half of it lies inside a gold direct quote
  cue        of the found quotes with a gold cue, the share whose system cue overlaps it
  speaker    of the found quotes with a gold source, the share whose speaker_span overlaps it
             (speaker_found: the share that has any speaker_span at all)

usage: .venv/bin/python eval/quotes_public.py [--data ../shared/data] [--set polnear|adaq|all]
       [--show N]     (print up to N misses, false quotes and speaker errors of each set)
       [--half dev|held] (even or odd articles/sentences only: develop on one, check on the other)
       [--entities]   (run the entities and linking stages too; slower, speaker ids only)
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

from accord.doc import Article, Span
from accord.pipeline import process

OPEN_MARKS = "“\"«„"
QUOTE_SEG = re.compile(r"“[^”]*”|\"[^\"]*\"|«[^»]*»")


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


class Score:
    def __init__(self, show: int = 0) -> None:
        self.c = defaultdict(int)
        self.show = show  # print up to this many errors of each kind (miss, false, speaker)
        self.shown = defaultdict(int)

    def _show(self, kind: str, text: str, span: tuple[int, int], extra: str = "") -> None:
        if self.shown[kind] < self.show:
            self.shown[kind] += 1
            a, b = span
            print(f"{kind.upper():7} ...{text[max(0, a - 90):a]!r} [[{text[a:b][:70]!r}]] {text[b:b + 60]!r} {extra}")

    def add(self, gold: list[dict], system: list, offset: int = 0, text: str = "") -> None:
        sys_spans = [(q.start - offset, q.end - offset, q) for q in system]
        for g in gold:
            gs = g["span"]
            self.c["gold"] += 1
            best = max(sys_spans, key=lambda s: overlap(gs, s[:2]), default=None)
            if best is None or overlap(gs, best[:2]) * 2 < gs[1] - gs[0]:
                self._show("miss", text, gs)
                continue
            self.c["found"] += 1
            q = best[2]
            if g.get("cue"):
                self.c["cue_gold"] += 1
                if q.cue and any(overlap((q.cue.start - offset, q.cue.end - offset), c) for c in g["cue"]):
                    self.c["cue_ok"] += 1
            if g.get("source"):
                self.c["src_gold"] += 1
                if q.speaker_span:
                    self.c["src_found"] += 1
                    sp = (q.speaker_span.start - offset, q.speaker_span.end - offset)
                    if any(overlap(sp, s) for s in g["source"]):
                        self.c["src_ok"] += 1
                    else:
                        self._show("speaker", text, gs, f"got {q.speaker_text!r} want {[text[a:b] for a, b in g['source']]}")
                else:
                    self._show("nospeak", text, gs, f"want {[text[a:b] for a, b in g['source']]}")
        for s in sys_spans:
            self.c["system"] += 1
            if any(overlap(s[:2], g["span"]) * 2 >= s[1] - s[0] for g in gold):
                self.c["system_ok"] += 1
            else:
                self._show("false", text, s[:2], f"speaker {s[2].speaker_text!r}")

    def report(self, name: str) -> dict[str, float]:
        c = self.c
        div = lambda a, b: c[a] / c[b] if c[b] else float("nan")  # noqa: E731
        res = {"recall": div("found", "gold"), "precision": div("system_ok", "system"), "cue": div("cue_ok", "cue_gold"),
               "speaker": div("src_ok", "src_gold"), "speaker_found": div("src_found", "src_gold")}
        print(f"{name}: gold={c['gold']} system={c['system']} " + " ".join(f"{k}={v:.3f}" for k, v in res.items()))
        return res


# ---------------------------------------------------------------- PolNeAR

def read_brat(path: Path) -> tuple[dict, list]:
    spans, rels = {}, []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            tid, info, _ = line.split("\t", 2)
            kind, offs = info.split(" ", 1)
            frags = [tuple(int(x) for x in f.split()) for f in offs.split(";")]
            spans[tid] = (kind, frags)
        elif line.startswith("E"):
            _, info = line.split("\t", 1)
            rels.append(dict(p.split(":", 1) for p in info.split()))
    return spans, rels


def polnear_gold(text: str, ann: Path) -> list[dict]:
    spans, rels = read_brat(ann)
    gold: dict[tuple[int, int], dict] = {}
    for r in rels:
        role_frags = {role: spans[tid][1] for role, tid in r.items() if tid in spans}
        for a, b in role_frags.get("Content", []):
            for m in QUOTE_SEG.finditer(text, a, b):
                span = (m.start() + 1, m.end() - 1)
                if re.search(r"\w", text[span[0]:span[1]]):
                    gold[span] = {"span": span, "source": role_frags.get("Source", []), "cue": role_frags.get("Cue", [])}
    return list(gold.values())


def in_half(k: int, half: str) -> bool:
    """Items alternate between a development half (even positions) and a held-out half (odd), so a
    rule found on the errors of one half is checked on the other."""
    return half == "all" or (k % 2 == 0) == (half == "dev")


def polnear(root: Path, stages: tuple[str, ...], show: int = 0, half: str = "all") -> dict | None:
    base = root / "en-polnear" / "test"
    if not base.exists():
        print("PolNeAR: absent, skipped")
        return None
    anns = defaultdict(list)
    for f in sorted((base / "attributions").glob("*.ann")):
        anns[f.stem.rsplit("_", 1)[0]].append(f)
    score = Score(show)
    for k, txt in enumerate(t for t in sorted((base / "text").glob("*.txt")) if t.stem in anns):
        if not in_half(k, half):
            continue
        text = txt.read_text(encoding="utf-8")
        gold = polnear_gold(text, anns[txt.stem][0])
        doc = process(Article(text=text, source=str(txt), meta={}), stages)
        score.add(gold, doc.quotes, text=text)
    return score.report("PolNeAR en direct quotes")


# ---------------------------------------------------------------- ADAQ

def adaq(root: Path, stages: tuple[str, ...], show: int = 0, half: str = "all") -> dict | None:
    base = root / "ru-adaq-quotes"
    if not base.exists():
        print("ADAQ: absent, skipped")
        return None
    with open(base / "ru_sentences.tsv", encoding="utf-8", newline="") as f:
        sentences = {row["sentence_id"]: row["sentences"] for row in csv.DictReader(f, delimiter="\t")}
    tokens = defaultdict(list)
    with open(base / "ru_tokens.tsv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            tokens[row["sentence_num"]].append((row["text"], row["tags"]))
    score = Score(show)
    stages = tuple(s for s in stages if s != "clean")
    for k, (sid, text) in enumerate(sentences.items()):
        if not in_half(k, half):
            continue
        # align tokens to characters
        pos, tagged = 0, []
        for tok, tag in tokens.get(sid, []):
            at = text.find(tok, pos)
            if at < 0:
                continue
            tagged.append((at, at + len(tok), tag, tok))
            pos = at + len(tok)
        runs: dict[str, list[tuple[int, int]]] = defaultdict(list)
        prev = None
        for a, b, tag, _ in tagged:
            if tag == prev and runs[tag]:
                runs[tag][-1] = (runs[tag][-1][0], b)
            elif tag in ("content", "source", "cue"):
                runs[tag].append((a, b))
            prev = tag
        gold = []
        for a, b in runs["content"]:
            before = text[:a].rstrip()
            if text[a] in OPEN_MARKS or (before and before[-1] in OPEN_MARKS):
                while a < b and (text[a] in OPEN_MARKS or text[a].isspace()):
                    a += 1
                while b > a and (text[b - 1] in "”\"»“" or text[b - 1] in ".,!?…" and text[b - 2] in "”\"»"):
                    b -= 1
                gold.append({"span": (a, b), "source": runs["source"], "cue": runs["cue"]})
        doc = Article(text=text, source=sid, lang="ru", script="Cyrl", body=[Span(start=0, end=len(text))])
        doc = process(doc, stages)
        score.add(gold, doc.quotes, text=text)
    return score.report("ADAQ ru direct quotes")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(Path(__file__).resolve().parents[1] / ".." / "shared" / "data"))
    ap.add_argument("--set", default="all", choices=["all", "polnear", "adaq"])
    ap.add_argument("--entities", action="store_true", help="run entities + linking before quotes")
    ap.add_argument("--show", type=int, default=0, help="print up to N misses, false quotes and speaker errors")
    ap.add_argument("--half", default="all", choices=["all", "dev", "held"],
                    help="score the development half (even items) or the held-out half (odd items) only")
    args = ap.parse_args(argv)
    root = Path(args.data)
    middle = ("entities", "linking") if args.entities else ()
    stages = ("clean", "language", "sentences") + middle + ("quotes",)
    if args.set in ("all", "polnear"):
        polnear(root, stages, args.show, args.half)
    if args.set in ("all", "adaq"):
        adaq(root, tuple(s for s in stages if s != "language"), args.show, args.half)
    return 0


if __name__ == "__main__":
    sys.exit(main())
