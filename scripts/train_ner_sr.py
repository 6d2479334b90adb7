#!/usr/bin/env python3
"""Train the shipped Serbian-Croatian NER model (src/accord/lang/sr/ner_model) from ../shared/data.

    PYTHONPATH=src .venv/bin/python scripts/train_ner_sr.py            # the shipped model
    PYTHONPATH=src .venv/bin/python scripts/train_ner_sr.py --no-write --width 96 --no-hr   # an experiment
    PYTHONPATH=src .venv/bin/python scripts/train_ner_sr.py --cv 5 --epochs 6       # 5-fold CV on sr train

Data: UNER_Serbian-SET train (../shared/data/sr-uner) and UNER_Croatian-SET train
(../shared/data/hr-uner), both SETimes news, PER/ORG/LOC/OTH in IOB2, CC BY-SA 4.0. Their dev
splits are measured apart and pick the epoch; no test split is read: the Serbian test is
reserved, and the Croatian test holds the Croatian side of the same SETimes documents (the two
corpora share document ids and splits), so it would leak the Serbian test into the model.

Model: spaCy 3.8, `accord_sr_lemma` (lower-case lemmagen3 lemmas, no weights) then one `ner`
component (transition-based, like spaCy's `sm` pipelines) with its own tok2vec: hash embeddings
of NORM, LEMMA, PREFIX, SUFFIX and SHAPE and a maxout CNN (width 128, depth 4 by default); no
word vectors. Trained on Latin text with the gold tokens (spaCy aligns them to its own
tokenizer's); Cyrillic is transliterated to Latin before the model (see
accord/lang/sr/ner_model_loader.py). UNER's OTH is learned as a label and dropped at output,
so nationality nouns and other names are not forced into O.

Training: Adam with parameter averaging, dropout 0.1, batches of words compounding from 100 to
1000, a fixed seed, 10 epochs (deterministic on one CPU process); after each epoch the
averaged model is scored on raw dev text (the model's own tokenizer, exact character spans,
PER/ORG/LOC; eval/ner_sr.py) and the epoch with the best mean of the sr-uner and hr-uner dev
F1 is kept. Choosing the epoch and the configuration on dev
makes the dev figures slightly optimistic; --cv K gives a K-fold figure on sr train with a fixed
number of epochs (no dev choice). Prints figures and writes the model with a README.

Options for scraped text without diacritics (as much Serbian on the web comes): --fold-norm
makes NORM the diacritic-free lower-case form (accord_sr_lemma sets it; 'Đinđić' and
'Djindjic' share an embedding row) and --strip-frac P adds a seeded share P of the training
sentences again without diacritics. The figures then include sr-uner dev without diacritics.
Measured 2026-12-06 (session 8, load ~8 on 2 cores, one run): --fold-norm --strip-frac 0.1
--dropout 0.2, epoch 7 of 8 kept: model alone sr 0.852 (shipped 0.850), hr 0.789 (0.784), sr
without diacritics 0.835 (0.823); accord combined sr 0.868 (0.874), hr 0.803 (0.802), sr without
diacritics 0.843 (0.849). Not shipped: it loses on combined sr. --save writes the best epoch
so far after each epoch, so a long experiment can be stopped and keep it.
"""
from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
import shutil  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import unicodedata  # noqa: E402
from collections import defaultdict  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "eval"))

import ner_sr  # noqa: E402  (eval/ner_sr.py: reading UNER, Cyrillic dev, scoring)
from accord.lang.sr import ner_model_loader  # noqa: E402

OUT = ROOT / "src" / "accord" / "lang" / "sr" / "ner_model"
LABELS = ("PER", "ORG", "LOC", "OTH")


def model_config(width: int, depth: int, rows: list[int], hidden: int, attrs: list[str]) -> dict:
    embed = {"@architectures": "spacy.MultiHashEmbed.v2", "width": width, "attrs": attrs, "rows": rows,
             "include_static_vectors": False}
    return {
        "@architectures": "spacy.TransitionBasedParser.v2",
        "state_type": "ner",
        "extra_state_tokens": False,
        "hidden_width": hidden,
        "maxout_pieces": 2,
        "use_upper": True,
        "nO": None,
        "tok2vec": {
            "@architectures": "spacy.Tok2Vec.v2",
            "embed": embed,
            "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": width, "depth": depth,
                       "window_size": 1, "maxout_pieces": 3},
        },
    }


def make_doc(vocab, sent: ner_sr.Sent, keep_oth: bool):
    """The gold Doc: UNER's tokens and their spacing, entities (OTH kept or made O)."""
    from spacy.tokens import Doc

    words = sent.words
    spaces = [sent.tokens[i][1] < (sent.tokens[i + 1][0] if i + 1 < len(sent.tokens) else len(sent.text))
              for i in range(len(sent.tokens))]
    doc = Doc(vocab, words=words, spaces=spaces)
    assert doc.text == sent.text[:len(doc.text)] and doc.text.strip() == sent.text.strip(), sent.text
    ents = []
    for s, e, label in sent.spans:
        if label == "OTH" and not keep_oth:
            continue
        span = doc.char_span(s, e, label=label)
        assert span is not None, (sent.text, s, e)
        ents.append(span)
    doc.ents = ents
    return doc


def fold_words(text: str) -> frozenset[str]:
    s = unicodedata.normalize("NFKD", text.lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    return frozenset(w for w in re.findall(r"\w+", s) if len(w) > 3)


def parallel_docs(held_out: list[ner_sr.Sent], pool: list[ner_sr.Sent], threshold: float = 0.5) -> set[str]:
    """Documents of `pool` with a sentence that is a near copy or translation of a held-out one
    (word-set Jaccard over diacritic-free words of 4+ letters): the Croatian side of Serbian
    SETimes documents, left out of training in cross-validation."""
    index = defaultdict(list)
    pool_words = [fold_words(s.text) for s in pool]
    for i, w in enumerate(pool_words):
        for x in w:
            index[x].append(i)
    out = set()
    for s in held_out:
        w = fold_words(s.text)
        if len(w) < 3:
            continue
        counts = defaultdict(int)
        for x in w:
            for i in index.get(x, ()):
                counts[i] += 1
        for i, c in counts.items():
            if c / len(w | pool_words[i]) > threshold:
                out.add(pool[i].doc_id)
    return out


def recognizer(nlp):
    return ner_model_loader.wrap(nlp, labels=LABELS)


def train(args, train_sents: list[ner_sr.Sent], devs: dict[str, list[ner_sr.Sent]], select: list[str]):
    """Train; return (nlp with the best epoch's averaged weights, log, best epoch, seconds)."""
    import spacy
    from spacy.training import Example
    from spacy.training.batchers import minibatch_by_words
    from spacy.util import compounding, fix_random_seed
    from thinc.api import Adam

    fix_random_seed(args.seed)
    rng = random.Random(args.seed)
    if args.strip_frac:  # a seeded share of the sentences again without diacritics, as scraped text comes
        pick = random.Random(args.seed + 1)
        train_sents = train_sents + [ner_sr.without_diacritics(s) for s in train_sents if pick.random() < args.strip_frac]
    nlp = spacy.blank("sr")
    prepare = nlp.make_doc
    ner_model_loader.register()
    if "LEMMA" in args.attrs:
        lemmas = nlp.add_pipe(ner_model_loader.LEMMA_COMPONENT, config={"fold_norm": args.fold_norm})
        prepare = lambda text: lemmas(nlp.make_doc(text))  # noqa: E731  (update() runs trainable components only)
    nlp.add_pipe("ner", config={"model": model_config(args.width, args.depth, args.rows, args.hidden, args.attrs)})
    examples = [Example(prepare(s.text), make_doc(nlp.vocab, s, args.oth)) for s in train_sents]
    optimizer = Adam(learn_rate=args.lr, L2=0.01, L2_is_weight_decay=True, grad_clip=1.0, use_averages=True)
    nlp.initialize(lambda: examples, sgd=optimizer)
    log, best, best_score, best_bytes = [], -1, -1.0, None
    t0 = time.process_time()
    w0 = time.time()
    for epoch in range(1, args.epochs + 1):
        rng.shuffle(examples)
        losses = {}
        sizes = compounding(100.0, 1000.0, 1.001)
        for batch in minibatch_by_words(examples, size=sizes, tolerance=0.2):
            nlp.update(batch, drop=args.dropout, sgd=optimizer, losses=losses)
        with nlp.use_params(optimizer.averages):
            rec = recognizer(nlp)
            scores = {name: ner_sr.evaluate(rec, sents)["ALL"]["f"] for name, sents in devs.items()}
            sel = sum(scores[n] for n in select) / len(select) if select else float(epoch)
            if sel > best_score:
                best, best_score, best_bytes = epoch, sel, nlp.to_bytes()
                if args.save and select:  # an experiment can be stopped early and keep its best epoch
                    nlp.to_disk(args.save)
        elapsed = time.time() - w0
        log.append({"epoch": epoch, "loss": round(losses.get("ner", 0.0), 1), **{k: round(v, 4) for k, v in scores.items()},
                    "wall_s": round(elapsed)})
        print(f"epoch {epoch:2d}  loss {losses.get('ner', 0.0):9.1f}  "
              + "  ".join(f"{k} {v:.4f}" for k, v in scores.items()) + f"  {elapsed:6.0f}s", flush=True)
        if args.max_minutes and elapsed > args.max_minutes * 60:
            print(f"stopping: {args.max_minutes} minutes", flush=True)
            break
    nlp.from_bytes(best_bytes)
    return nlp, log, best, time.process_time() - t0


def cross_validate(args, sr_train, hr_train):
    """K folds over sr train documents; each fold's model is trained on the other folds (plus hr
    train without the Croatian documents parallel to the held-out fold) for a fixed number of
    epochs and scored on the held-out fold."""
    docs = sorted({s.doc_id for s in sr_train})
    random.Random(args.seed).shuffle(docs)
    folds = [set(docs[i::args.cv]) for i in range(args.cv)]
    total = []
    for k, fold in enumerate(folds):
        if args.fold and k + 1 != args.fold:
            continue
        held = [s for s in sr_train if s.doc_id in fold]
        rest = [s for s in sr_train if s.doc_id not in fold]
        extra = []
        if args.hr:
            drop = parallel_docs(held, hr_train)
            extra = [s for s in hr_train if s.doc_id not in drop]
            print(f"fold {k + 1}: {len(held)} held-out sentences, {len(rest)} sr + {len(extra)} hr training "
                  f"({len(drop)} parallel hr documents left out)", flush=True)
        nlp, _, _, cpu = train(args, rest * args.sr_repeat + extra, {}, [])
        sc = ner_sr.evaluate(recognizer(nlp), held)
        total.append(sc)
        print(ner_sr.table(f"fold {k + 1} ({cpu / 60:.1f} CPU min)", sc), flush=True)
    print("cross-validation, mean over folds (span F1):")
    for t in (*ner_sr.TYPES, "ALL"):
        fs = [sc[t]["f"] for sc in total]
        mean = sum(fs) / len(fs)
        sd = (sum((f - mean) ** 2 for f in fs) / (len(fs) - 1)) ** 0.5 if len(fs) > 1 else 0.0
        print(f"  {t:5} F1 {mean:.4f} (sd {sd:.4f}; folds {' '.join(f'{f:.3f}' for f in fs)})")


def write(nlp, out: Path, args, log: list, best: int, cpu_s: float, n_train: dict) -> None:
    """The model directory: nlp.to_disk (tokenizer, vocab, the lemma component's name, ner
    weights, config, meta). The vocabulary's strings are cut to those a blank Serbian pipeline
    and the labels need: the training words are not needed at run time (hash embeddings hash
    the text) and are not shipped."""
    nlp.meta.update({
        "name": "accord_ner_sr", "version": "1.0.0", "lang": "sr",
        "description": "Serbian-Croatian (sr Latin; Cyrillic via transliteration; hr, bs, cnr) NER: PER, ORG, LOC "
                       "(+OTH, dropped at output). Hash-embedding CNN + transition NER. Built by "
                       "scripts/train_ner_sr.py of accord; load with accord.lang.sr.ner_model_loader.",
        "license": "CC BY-SA 4.0",
        "author": "accord (model); data: Universal NER (UNER_Serbian-SET, UNER_Croatian-SET), SETimes",
        "sources": [
            {"name": "UNER_Serbian-SET (train)", "url": "https://github.com/UniversalNER/UNER_Serbian-SET",
             "license": "CC BY-SA 4.0", "author": "Mayhew et al. 2024, Universal NER; UD_Serbian-SET; SETimes"},
            {"name": "UNER_Croatian-SET (train)", "url": "https://github.com/UniversalNER/UNER_Croatian-SET",
             "license": "CC BY-SA 4.0", "author": "Mayhew et al. 2024, Universal NER; UD_Croatian-SET; SETimes"},
        ],
        "training": {"seed": args.seed, "epochs_run": len(log), "best_epoch": best, "cpu_minutes": round(cpu_s / 60, 1),
                     "sentences": n_train, "width": args.width, "depth": args.depth, "rows": args.rows,
                     "attrs": args.attrs, "hidden_width": args.hidden, "dropout": args.dropout,
                     "learn_rate": args.lr, "fold_norm": args.fold_norm, "strip_frac": args.strip_frac, "sr_repeat": args.sr_repeat,
                     "log": log},
    })
    import spacy

    readme = out / "README.md"
    keep = readme.read_text(encoding="utf-8") if readme.exists() else None
    if out.exists():
        shutil.rmtree(out)
    nlp.to_disk(out)
    needed = set(spacy.blank("sr").vocab.strings) | set(nlp.get_pipe("ner").labels) | set(nlp.pipe_names)
    strings = out / "vocab" / "strings.json"
    kept = [x for x in json.loads(strings.read_text(encoding="utf-8")) if x in needed]
    strings.write_text(json.dumps(kept, ensure_ascii=False), encoding="utf-8")
    if keep is not None:
        readme.write_text(keep, encoding="utf-8")


def finish(out: Path, figures: dict, speed: str, cpu_s: float) -> None:
    """Figures into meta.json and the README (its block between the figure markers)."""
    meta_path = out / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["performance"] = figures
    meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    readme = out / "README.md"
    text = readme.read_text(encoding="utf-8") if readme.exists() else README
    block = [FIG_START, "", "| set | type | P | R | F1 |", "|---|---|---|---|---|"]
    for name, sc in figures.items():
        for t in (*ner_sr.TYPES, "ALL"):
            x = sc[t]
            block.append(f"| {name} | {t} | {x['p']:.3f} | {x['r']:.3f} | {x['f']:.3f} |")
    block += ["", f"Training: {meta['training']['epochs_run']} epochs run, epoch {meta['training']['best_epoch']} kept, "
              f"{cpu_s / 60:.1f} CPU minutes (one process). Model call, {speed}.", "", FIG_END]
    i, j = text.index(FIG_START), text.index(FIG_END) + len(FIG_END)
    readme.write_text(text[:i] + "\n".join(block) + text[j:], encoding="utf-8")
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    print(f"wrote {out} ({size / 1e6:.2f} MB)")


FIG_START, FIG_END = "<!-- figures: written by scripts/train_ner_sr.py -->", "<!-- /figures -->"
README = f"""# Serbian-Croatian NER model

Written by scripts/train_ner_sr.py.

{FIG_START}
{FIG_END}
"""


def figures_of(nlp, data: Path) -> dict:
    rec = recognizer(nlp)
    out = {}
    for name, sents in ner_sr.dev_sets(data, plain=True).items():
        sc = ner_sr.evaluate(rec, sents)
        print(ner_sr.table(f"{name}: {len(sents)} sentences", sc))
        out[name] = {t: {k: round(sc[t][k], 4) for k in ("p", "r", "f")} for t in (*ner_sr.TYPES, "ALL")}
    speed = ner_sr.speed(rec, ner_sr.load("sr", "dev", data))
    print(speed)
    return out, speed


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=ner_sr.DATA)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--no-write", dest="write", action="store_false", help="train and report only")
    ap.add_argument("--save", type=Path, default=None, help="also save the trained model here (experiments)")
    ap.add_argument("--no-hr", dest="hr", action="store_false", help="train on sr-uner only")
    ap.add_argument("--no-oth", dest="oth", action="store_false", help="train OTH as O")
    ap.add_argument("--width", type=int, default=128)
    ap.add_argument("--depth", type=int, default=4)
    ap.add_argument("--attrs", nargs="+", default=["NORM", "LEMMA", "PREFIX", "SUFFIX", "SHAPE"],
                    help="token attributes the hash embeddings read (LEMMA: accord_sr_lemma, lemmagen3)")
    ap.add_argument("--rows", type=int, nargs="+", default=[10000, 10000, 1000, 2500, 2500], help="hash rows, one per attribute")
    ap.add_argument("--hidden", type=int, default=64)
    ap.add_argument("--fold-norm", action="store_true",
                    help="NORM without diacritics (č/ć->c, đ->dj, š->s, ž->z; set by accord_sr_lemma, so needs LEMMA)")
    ap.add_argument("--strip-frac", type=float, default=0.0,
                    help="this share of train sentences (seeded) also trained without diacritics, as scraped text comes")
    ap.add_argument("--sr-repeat", type=int, default=1, help="each sr train sentence this many times per epoch")
    ap.add_argument("--dropout", type=float, default=0.1)
    ap.add_argument("--lr", type=float, default=0.001)
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--max-minutes", type=float, default=0.0,
                    help="stop after the epoch that passes this wall time (experiments; 0: off, so the result does not depend on the machine's load)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--limit", type=int, default=0, help="train on the first N sentences of each set (smoke test)")
    ap.add_argument("--cv", type=int, default=0, help="K-fold cross-validation on sr train instead of training the model")
    ap.add_argument("--fold", type=int, default=0, help="with --cv: run only this fold (1..K), to keep each run short")
    args = ap.parse_args(argv)
    if len(args.rows) != len(args.attrs):
        ap.error("--rows needs one number per --attrs attribute")

    if not (args.data / ner_sr.FILES[("sr", "train")]).exists():
        print(f"{args.data} has no sr-uner: nothing to train")
        return 1
    sr_train = ner_sr.load("sr", "train", args.data)
    hr_train = ner_sr.load("hr", "train", args.data) if args.hr else []
    if args.limit:
        sr_train, hr_train = sr_train[:args.limit], hr_train[:args.limit]

    print(f"config: width {args.width} depth {args.depth} rows {args.rows} attrs {args.attrs} hidden {args.hidden} "
          f"dropout {args.dropout} lr {args.lr} epochs {args.epochs} seed {args.seed} hr {args.hr} oth {args.oth} "
          f"fold_norm {args.fold_norm} sr_repeat {args.sr_repeat}")
    if args.cv:
        cross_validate(args, sr_train, hr_train)
        return 0
    sr_dev, hr_dev = ner_sr.load("sr", "dev", args.data), ner_sr.load("hr", "dev", args.data)
    devs = {"sr_dev": sr_dev, "hr_dev": hr_dev}
    print(f"train: {len(sr_train)} sr + {len(hr_train)} hr sentences; dev: {len(sr_dev)} sr, {len(hr_dev)} hr")
    w0 = time.time()
    nlp, log, best, cpu = train(args, sr_train * args.sr_repeat + hr_train, devs, ["sr_dev", "hr_dev"])
    print(f"best epoch {best} of {len(log)}; training {cpu / 60:.1f} CPU min, {(time.time() - w0) / 60:.1f} wall min")
    if args.save:
        nlp.to_disk(args.save)
    if not args.write:
        figures_of(nlp, args.data)
        return 0
    import spacy

    write(nlp, args.out, args, log, best, cpu, {"sr": len(sr_train), "hr": len(hr_train)})
    shipped = spacy.load(args.out)  # the figures are those of the written model
    figures, speed = figures_of(shipped, args.data)
    finish(args.out, figures, speed, cpu)
    print(json.dumps({k: v["ALL"] for k, v in figures.items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
