"""Expand the hand-picked Russian speech-verb lemmas into the forms attributions use.

Writes src/accord/lang/ru/speech_verbs.txt (and speech_impersonal.txt for the reflexive
lemmas): past tense, 3rd person present/future, gerunds and the short neuter participle
("сказано"). Run: .venv/bin/python scripts/gen_speech_verbs_ru.py
"""
from __future__ import annotations

from pathlib import Path

import pymorphy3

LANG = Path(__file__).resolve().parents[1] / "src" / "accord" / "lang" / "ru"

SPEECH = """сказать говорить заявить заявлять подчеркнуть подчёркивать подчеркивать отметить отмечать
пояснить пояснять добавить добавлять заключить заключать сообщить сообщать рассказать рассказывать
объяснить объяснять уточнить уточнять констатировать заверить заверять напомнить напоминать признать
признавать признаться признаваться ответить отвечать спросить спрашивать написать писать указать указывать
считать полагать утверждать предупредить предупреждать призвать призывать подытожить резюмировать
высказаться высказываться продолжить продолжать воскликнуть пообещать обещать заметить замечать
возразить возражать настаивать настоять выступить убеждать уверять поделиться заявлять признать
посетовать сетовать охарактеризовать оценить оценивать прокомментировать комментировать
процитировать цитировать привести приводить передать передавать повторить повторять объявить объявлять
говорить обвинить обвинять подтвердить подтверждать потребовать требовать назвать называть раскритиковать
критиковать опровергнуть отвергнуть пригрозить угрожать возмутиться посоветовать рекомендовать
попросить просить выразить выражать разъяснить разъяснять описать описывать
поинтересоваться вопрошать недоумевать поблагодарить""".split()

IMPERSONAL = """говориться отмечаться подчёркиваться подчеркиваться сообщаться утверждаться указываться
заявляться поясняться уточняться приводиться сказать отметить подчеркнуть указать""".split()

RELAY = {"процитировать", "цитировать", "привести", "приводить", "передать", "передавать", "приводиться"}


def forms(lemma: str, impersonal: bool) -> set[str]:
    morph = pymorphy3.MorphAnalyzer()
    out = set()
    for parse in morph.parse(lemma):
        if parse.normal_form != lemma or parse.tag.POS not in {"INFN", "VERB"}:
            continue
        for f in parse.lexeme:
            t = f.tag
            if impersonal:
                reflexive = lemma.endswith(("ся", "сь"))
                keep = (reflexive and t.POS == "VERB" and ("3per" in t or ("past" in t and "neut" in t))) \
                    or (not reflexive and t.POS == "PRTS" and "neut" in t and "sing" in t)
            else:
                keep = (t.POS == "VERB" and ("past" in t or "3per" in t)) or t.POS == "GRND"
            if keep:
                out.add(f.word)
    return out


def main() -> None:
    speech, relay, impersonal = set(), set(), set()
    for lemma in SPEECH:
        (relay if lemma in RELAY else speech).update(forms(lemma, False))
    for lemma in IMPERSONAL:
        words = forms(lemma, True)
        (relay if lemma in RELAY else impersonal).update(words)
    speech -= impersonal
    head = "# source: hand-picked speech-verb lemmas expanded to forms with pymorphy3 (scripts/gen_speech_verbs_ru.py)\n"
    (LANG / "speech_verbs.txt").write_text(head + "\n".join(sorted(speech)) + "\n", encoding="utf-8")
    (LANG / "speech_impersonal.txt").write_text(
        head + "# impersonal cues: the source is a document or unnamed ('говорится в документе')\n"
        + "\n".join(sorted(impersonal)) + "\n", encoding="utf-8")
    (LANG / "speech_relay.txt").write_text(
        head + "# relay cues: the subject passes on someone else's words ('приводит ТАСС слова министра')\n"
        + "\n".join(sorted(relay)) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
