"""What in sports copy names nothing: a scoreboard or table label ('Extras', 'EASTERN
DIVISION'), an event's name ('PGA Tour', 'Atlanta Games') and a place opening one ('U.S.' in
'U.S. Open'). (The desk tag opening the copy is read by genre.desk_tag.)"""
from __future__ import annotations

from ...doc import Mention
from .names import line_of, word_list


def without_labels(text: str, mentions: list[Mention], lines, lang: str) -> list[Mention]:
    """No mention for a scoreboard or table label ('Extras', a heading line 'EASTERN DIVISION'),
    for the name of an event ('PGA Tour', 'Atlanta Games'), or for a place opening one ('U.S.'
    in 'U.S. Open', 'Berlin' in 'Berlin Grand Prix')."""
    labels = word_list(lang, "sports_labels.txt")
    events = word_list(lang, "sports_events.txt")
    out = []
    for m in mentions:
        words = m.text.casefold().split()
        line = line_of(m, lines)
        whole_line = text[line[0]:line[1]].strip(" .") == m.text
        # 'EASTERN DIVISION' alone on a line, 'MAJOR LEAGUE STANDINGS' in a headline: a heading
        heading = whole_line or m.text.isupper() and len(words) > 1
        if " ".join(words) in labels or " ".join(words) in events or m.type != "PER" and heading and words[-1] in labels:
            continue
        if m.type != "PER" and len(words) > 1 and (words[-1] in events or " ".join(words[-2:]) in events):
            continue
        nxt = text[m.end:line[1]].split()
        if m.type != "PER" and nxt and nxt[0][:1].isupper() and (
                nxt[0].casefold() in events or " ".join(nxt[:2]).casefold() in events):
            continue
        out.append(m)
    return out
