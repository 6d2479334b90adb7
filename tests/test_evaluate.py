"""accord.evaluate: the reference scorer's rules, and the same numbers as shared/eval/score.py."""
from __future__ import annotations

import copy
import json
import random
import subprocess
import sys

import pytest

from accord import evaluate as ev

from conftest import SHARED

REFERENCE = SHARED / "eval" / "score.py"
DEV = SHARED / "data" / "news" / "dev"


def test_matching_rules_on_a_small_gold():
    text = "Vučić met Putin. «Мы сотрудничаем», сказал Путин. Subscribe now"
    rec = {"source": "dir/a.txt", "lang": "sr", "script": "Latn", "outlet": "Tanjug agency", "title": "X", "published": "2019-12",
           "text": text, "body": [{"start": 0, "end": 49}],
           "entities": [{"id": "p1", "type": "PER", "country": "SRB", "mentions": [{"start": 0, "end": 5, "text": "VUCIC"}]},
                        {"id": "p2", "type": "PER", "country": None, "mentions": [{"start": 10, "end": 15, "text": "Putin"}]}],
           "quotes": [{"text": "Мы сотрудничаем", "speaker": "p2", "start": 18, "end": 33}],
           "events": [{"type": "CONSULT", "source": {"country": "SRB"}, "target": {"country": "RUS"}, "contexts": ["diplomatic"], "date": "2023-01"}],
           "dates": []}
    gold = {"docs": {"a.txt": {"lang": "sr", "script": "Cyrl", "outlet": "Tanjug", "title": "x",
                               "dates": ["2019-12", "2020"], "must_not_date": ["2023"], "boilerplate": ["Subscribe", "absent"],
                               "entities": [{"key": "vucic", "type": "PER", "country": "SRB", "forms": ["Vucic"]},
                                            {"key": "putin", "type": "PER", "country": "RUS", "forms": ["Путин", "Putin"]},
                                            {"key": "nobody", "forms": ["Nobody"]}],
                               "quotes": [{"speaker": "putin", "starts": "Мы  сотрудничаем"}],
                               "events": [{"family": ["AGREE", "CONSULT"], "countries": ["RUS", "SRB"], "contexts": ["diplomatic", "terrorism"]},
                                          {"family": "ASSAULT", "countries": ["RUS"]}]},
                     "b.txt": {"entities": []}},
            "xdoc": [["putin", ["a.txt", "b.txt"]]], "apart": [[["vucic", "a.txt"], ["putin", "a.txt"]]]}
    res = ev.score(gold, ev.by_basename([rec]))
    got = {k: (v[1], v[2]) for k, v in res.items()}
    assert got["docs_present"] == (1, 2) and got["lang"] == (1, 1) and got["script"] == (0, 1)
    assert got["outlet"] == (1, 1) and got["title"] == (1, 1)
    assert got["entity_recall"] == (2, 3) and got["entity_country"] == (1, 2) and got["entity_type"] == (2, 2)
    assert got["quote_recall"] == (1, 1) and got["quote_speaker"] == (1, 1)
    assert got["event_recall"] == (1, 2) and got["event_contexts"] == (1, 2)
    assert got["date_recall"] == (1, 2) and got["must_not_date"] == (0, 1)
    assert got["boilerplate_out"] == (1, 2) and got["body_kept"] == (1, 1)
    assert got["xdoc_links"] == (0, 1) and got["apart_ok"] == (1, 1) and got["offsets_valid"] == (1, 2)
    assert res["entity_precision_proxy"] == (None, 2, 3) and res["event_count"] == (None, 1, 1)
    assert ev.to_text(res).splitlines()[-1].startswith("SUMMARY mean_core=")


def _perturbed(records: dict[str, dict], gold: dict, seed: int) -> list[dict]:
    """Records that hit and miss every metric: the extracted ones plus gold-like items, at random."""
    rnd = random.Random(seed)
    out = []
    for name, rec in records.items():
        rec = copy.deepcopy(rec)
        g = gold["docs"].get(name, {})
        for ge in g.get("entities", []):
            if rnd.random() < 0.6:
                form = rnd.choice(ge["forms"])
                pos = rec["text"].find(form)
                rec["entities"].append({"id": ge["key"] if rnd.random() < 0.7 else f"{ge['key']}-{name}", "name": form,
                                        "type": rnd.choice(["PER", "ORG", "LOC", ge.get("type", "PER")]),
                                        "country": rnd.choice([ge.get("country"), None, "SRB"]),
                                        "mentions": [{"start": max(pos, 0), "end": max(pos, 0) + len(form), "text": form.upper()}]})
        for gq in g.get("quotes", []):
            if rnd.random() < 0.5:
                rec["quotes"].append({"text": gq["starts"] + " и так далее", "start": 0, "end": 1,
                                      "speaker": rnd.choice([gq["speaker"], None])})
        for ge in g.get("events", []):
            if rnd.random() < 0.6:
                fam = ge["family"] if isinstance(ge["family"], list) else [ge["family"]]
                cs = list(ge["countries"]) + [None, None]
                rec["events"].append({"type": rnd.choice(fam + ["ASSAULT"]), "source": {"country": cs[0]},
                                      "target": {"country": cs[1]}, "contexts": rnd.sample(ge.get("contexts", []) + ["crime"], 1),
                                      "date": rnd.choice([None, *g.get("dates", []), "2023"]), "sentence": {"start": 0, "end": 1}})
        if rnd.random() < 0.3:
            rec["body"] = []
        if rnd.random() < 0.2:
            continue  # a missing document
        out.append(rec)
    return out


@pytest.mark.skipif(not (REFERENCE.exists() and (DEV / "gold.json").exists()), reason="../shared not present")
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_same_numbers_as_the_reference_scorer(tmp_path, seed):
    gold = json.loads((DEV / "gold.json").read_text(encoding="utf-8"))
    if seed == 0:
        records = list(ev.extract_records(sorted(DEV.glob("*.txt"))).values())
    else:
        base = {n: {"source": n, "text": (DEV / n).read_text(encoding="utf-8"), "body": [{"start": 0, "end": 10**6}],
                    "entities": [], "quotes": [], "events": [], "dates": [], "lang": "sr", "script": "Latn",
                    "outlet": None, "title": None, "published": None} for n in gold["docs"] if (DEV / n).exists()}
        records = _perturbed(base, gold, seed)
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    for flag in ([], ["--json"]):
        ref = subprocess.run([sys.executable, str(REFERENCE), str(DEV / "gold.json"), str(path), *flag],
                             capture_output=True, text=True, check=True).stdout
        res = ev.score(gold, ev.load_jsonl(path))
        mine = ev.to_json(res) if flag else ev.to_text(res)
        assert mine.strip() == ref.strip()


def test_gold_inputs_are_the_named_files_next_to_the_gold(tmp_path):
    (tmp_path / "a.txt").write_text("Putin met Vučić.", encoding="utf-8")
    (tmp_path / "many.jsonl").write_text('{"text": "x"}\n{"text": "y"}\n', encoding="utf-8")
    (tmp_path / "unnamed.txt").write_text("not in the gold", encoding="utf-8")
    gold = {"docs": {"a.txt": {}, "many.jsonl:1": {}, "many.jsonl:2": {}, "gone.txt": {}}}
    assert [p.name for p in ev.gold_inputs(tmp_path / "gold.json", gold)] == ["a.txt", "many.jsonl"]
