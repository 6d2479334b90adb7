"""accord.tools.evaluate: the reference scorer's rules, and the same numbers as shared/eval/score.py."""
from __future__ import annotations

import copy
import json
import random
import subprocess
import sys

import pytest

from accord.tools import evaluate as ev

from conftest import REPO, SHARED

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


def _two_language_gold_and_records():
    """Three documents in three groups (sr Latin, sr Cyrillic, ru) with cross-document items."""
    text_lat = "Ministar Dačić je razgovarao sa Putinom. Rusija i Srbija potpisale su sporazum. Pratite nas"
    text_cyr = "Дачић је разговарао са Путином у Москви."
    text_ru = "Лавров встретился с Дачичем."
    recs = [
        {"source": "lat.txt", "text": text_lat, "body": [{"start": 0, "end": 80}],
         "entities": [{"id": "dacic", "type": "PER", "country": "SRB", "mentions": [{"start": 9, "end": 14, "text": "Dačić"}]},
                      {"id": "putin", "type": "PER", "country": "RUS", "mentions": [{"start": 32, "end": 39, "text": "Putinom"}]},
                      {"id": "nas", "type": "ORG", "country": None, "mentions": [{"start": 88, "end": 91, "text": "nas"}]}],
         "events": [{"type": "AGREE", "source": {"country": "RUS"}, "target": {"country": "SRB"}},
                    {"type": "ASSAULT", "source": {"country": "RUS"}, "target": {"country": "SRB"}}],
         "quotes": [], "dates": []},
        {"source": "cyr.txt", "text": text_cyr, "body": [{"start": 0, "end": len(text_cyr)}],
         "entities": [{"id": "dacic-2", "type": "PER", "country": "SRB", "mentions": [{"start": 0, "end": 5, "text": "Дачић"}]},
                      {"id": "moskva", "type": "LOC", "country": "RUS", "mentions": [{"start": 33, "end": 39, "text": "Москви"}]}],
         "events": [], "quotes": [], "dates": []},
        {"source": "ru.txt", "text": text_ru, "body": [{"start": 0, "end": len(text_ru)}],
         "entities": [{"id": "dacic", "type": "PER", "country": "SRB", "mentions": [{"start": 20, "end": 27, "text": "Дачичем"}]}],
         "events": [{"type": "CONSULT", "source": {"country": "RUS"}, "target": {"country": "SRB"}}], "quotes": [], "dates": []},
    ]
    gold = {"docs": {
        "lat.txt": {"lang": "sr", "script": "Latn",
                    "entities": [{"key": "dacic", "forms": ["Dačić"]}, {"key": "putin", "forms": ["Putinom"]}],
                    "events": [{"family": "AGREE", "countries": ["SRB", "RUS"]}]},
        "cyr.txt": {"lang": "sr", "script": "Cyrl",
                    "entities": [{"key": "dacic", "forms": ["Дачић"]}, {"key": "putin", "forms": ["Путином"]}],
                    "events": [{"family": "CONSULT", "countries": ["SRB", "RUS"]}]},
        "ru.txt": {"lang": "ru", "script": "Cyrl",
                   "entities": [{"key": "dacic", "forms": ["Дачичем"]}],
                   "events": [{"family": ["CONSULT", "MEET"], "countries": ["RUS", "SRB"]}]}},
        "xdoc": [["dacic", ["lat.txt", "cyr.txt"]], ["dacic", ["lat.txt", "ru.txt"]]],
        "apart": [[["dacic", "lat.txt"], ["putin", "lat.txt"]]]}
    return gold, ev.by_basename(recs)


def test_groups_split_a_language_by_script_only_when_the_gold_has_several():
    gold, _ = _two_language_gold_and_records()
    assert ev.doc_groups(gold) == {"ru": {"ru.txt"}, "sr-Cyrl": {"cyr.txt"}, "sr-Latn": {"lat.txt"}}
    gold["docs"]["cyr.txt"]["script"] = "Latn"
    assert ev.doc_groups(gold) == {"ru": {"ru.txt"}, "sr": {"cyr.txt", "lat.txt"}}


def test_scores_per_group_and_in_all():
    gold, out = _two_language_gold_and_records()
    res = ev.score_by_group(gold, out)
    assert list(res) == ["ru", "sr-Cyrl", "sr-Latn", "all"]
    pairs = {g: {k: (v[1], v[2]) for k, v in r.items()} for g, r in res.items()}
    assert pairs["sr-Latn"]["entity_recall"] == (2, 2) and pairs["sr-Cyrl"]["entity_recall"] == (1, 2)
    assert pairs["ru"]["entity_recall"] == (1, 1) and pairs["all"]["entity_recall"] == (4, 5)
    assert pairs["sr-Cyrl"]["event_recall"] == (0, 1) and pairs["all"]["event_recall"] == (2, 3)
    # a cross-document link counts in every group it touches: dacic differs in cyr.txt, agrees in ru.txt
    assert pairs["sr-Latn"]["xdoc_links"] == (1, 2) and pairs["sr-Cyrl"]["xdoc_links"] == (0, 1)
    assert pairs["ru"]["xdoc_links"] == (1, 1) and pairs["all"]["xdoc_links"] == (1, 2)
    assert pairs["sr-Latn"]["apart_ok"] == (1, 1) and pairs["ru"]["apart_ok"] == (0, 0)
    # precision: 'nas' lies outside the body, 'Москви' is in no gold form; the ASSAULT matches no gold event
    assert pairs["sr-Latn"]["entity_precision_gold"] == (2, 2) and pairs["sr-Cyrl"]["entity_precision_gold"] == (1, 2)
    assert pairs["sr-Latn"]["event_precision"] == (1, 2) and pairs["ru"]["event_precision"] == (1, 1)
    assert pairs["sr-Cyrl"]["event_precision"] == (0, 0) and pairs["all"]["event_precision"] == (2, 3)
    assert pairs["all"]["docs"] == (3, 0) and pairs["sr-Latn"]["entity_precision_proxy"] == (3, 2)
    assert res["sr-Cyrl"]["entity_f1_gold"][0] == pytest.approx(0.5) and res["all"]["entity_f1_gold"][0] == pytest.approx(0.8)
    # the whole-set column is the reference's own score
    assert {k: v for k, v in res["all"].items() if k in ev.METRICS} == {k: v for k, v in ev.score(gold, out).items() if k in ev.METRICS}
    table = ev.to_group_text(res).splitlines()
    assert table[0].split() == ["metric", "ru", "sr-Cyrl", "sr-Latn", "all"]
    assert "0.500 (1/2)" in next(line for line in table if line.startswith("event_precision"))
    assert json.loads(ev.to_group_json(res))["sr-Cyrl"]["entity_recall"] == {"score": 0.5, "num": 1, "den": 2}


def test_groups_add_up_to_the_whole_on_the_samples(sample_records):
    gold_path = REPO / "samples" / "gold.json"
    if not gold_path.exists():
        pytest.skip("samples/gold.json not written yet")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    res = ev.score_by_group(gold, ev.by_basename(sample_records))
    assert {"en", "ru", "sr-Latn", "sr-Cyrl"} <= set(res)
    groups = [r for g, r in res.items() if g != "all"]
    for metric in [m for m in ev.METRICS if m not in ("xdoc_links", "apart_ok")] + list(ev.PRECISION):
        assert [sum(r[metric][i] for r in groups) for i in (1, 2)] == list(res["all"][metric][1:]), metric
    assert sum(r["docs"][1] for r in groups) == len(gold["docs"])


def test_event_precision_script_reads_the_same_rule(sample_records):
    """eval/event_precision.py counts with accord.tools.evaluate.event_accepts: the same correct/system."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("event_precision", REPO / "eval" / "event_precision.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert script.accepts is ev.event_accepts
    gold = json.loads((REPO / "samples" / "gold.json").read_text(encoding="utf-8"))
    out = ev.by_basename(sample_records)
    n = script.score(gold, out)["n"]
    assert ev.precision(gold, out)["event_precision"][1:] == (n["correct"], n["system"])
    assert ev.score(gold, out)["event_recall"][1:] == (n["found"], n["gold"])


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
