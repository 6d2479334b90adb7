"""Article text as HTML with every extracted span marked, built from offsets on the server.

The text is untrusted: each piece of it goes through markupsafe.escape, and the only markup
in the result is the tags made here, whose attribute values are escaped too. Spans may nest
(an entity inside a quote inside an event sentence) or cross (a quote running over a sentence
end); a crossing span is closed and reopened around the other, so the HTML is always well
formed and every character of the text appears exactly once, in order.
"""
from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable

from markupsafe import Markup, escape

# outer to inner: when two spans start and end together, the lower rank encloses the other
RANK = {"boilerplate": 0, "sentence": 1, "quote": 2, "speaker": 3, "date": 4, "mention": 5, "trigger": 6}


@dataclasses.dataclass(frozen=True)
class Mark:
    start: int
    end: int
    layer: str  # a key of RANK
    classes: str = ""
    attrs: tuple[tuple[str, str], ...] = ()
    tag: str = "span"

    def open(self, continued: bool = False) -> str:
        cls = f"hl hl-{self.layer}" + (f" {self.classes}" if self.classes else "") + (" cont" if continued else "")
        attrs = [("class", cls), ("data-start", str(self.start)), ("data-end", str(self.end))]
        # an id names one element only: a reopened piece does not repeat it
        attrs += [(k, v) for k, v in self.attrs if not (continued and k == "id")]
        return f"<{self.tag} " + " ".join(f'{k}="{escape(v)}"' for k, v in attrs) + ">"

    def close(self) -> str:
        return f"</{self.tag}>"


def valid_marks(marks: Iterable[Mark], length: int) -> list[Mark]:
    """Marks inside the text and non-empty; links never nest inside links (the longer one wins):
    a link inside a kept one (a country named inside a body's name, 'MUP-a Republike Srbije') is
    still marked, as a plain span without its link."""
    out = [m for m in marks if isinstance(m.start, int) and isinstance(m.end, int) and 0 <= m.start < m.end <= length]
    links = sorted((m for m in out if m.tag == "a"), key=lambda m: (m.start, -(m.end - m.start)))
    kept, last_end = set(), -1
    for m in links:
        if m.start >= last_end:
            kept.add(id(m))
            last_end = m.end
    return [m if m.tag != "a" or id(m) in kept
            else dataclasses.replace(m, tag="span", attrs=tuple(a for a in m.attrs if a[0] != "href"))
            for m in out]


def render(text: str, marks: Iterable[Mark]) -> Markup:
    """Escaped `text` with each mark wrapped around its [start, end) characters."""
    marks = valid_marks(marks, len(text))
    starts: dict[int, list[Mark]] = defaultdict(list)
    points = {0, len(text)}
    for m in marks:
        starts[m.start].append(m)
        points.update((m.start, m.end))
    for ms in starts.values():
        ms.sort(key=lambda m: (-m.end, RANK.get(m.layer, 9)))
    out: list[str] = []
    stack: list[Mark] = []
    pos = 0
    for p in sorted(points):
        out.append(str(escape(text[pos:p])))
        pos = p
        if any(m.end <= p for m in stack):
            # close down to the deepest span that ends here; spans above it that go on are reopened
            depth = min(i for i, m in enumerate(stack) if m.end <= p)
            reopen = []
            while len(stack) > depth:
                m = stack.pop()
                out.append(m.close())
                if m.end > p:
                    reopen.append(m)
            for m in sorted(reopen, key=lambda m: (-m.end, RANK.get(m.layer, 9))):
                out.append(m.open(continued=True))
                stack.append(m)
        for m in starts.get(p, ()):
            out.append(m.open())
            stack.append(m)
    out.append(str(escape(text[pos:])))
    while stack:
        out.append(stack.pop().close())
    return Markup("".join(out))


def boilerplate(body: list[dict], length: int) -> list[tuple[int, int]]:
    """The stretches of text outside every body span (menus, bylines, share buttons)."""
    out, pos = [], 0
    for b in sorted(body, key=lambda b: b["start"]):
        if b["start"] > pos:
            out.append((pos, b["start"]))
        pos = max(pos, b["end"])
    if pos < length:
        out.append((pos, length))
    return out


def article_marks(doc: dict) -> list[Mark]:
    """Marks for one article as returned by accord.store.article.article()."""
    marks: list[Mark] = []
    text = doc["text"] or ""
    if doc.get("body"):
        for s, e in boilerplate(doc["body"], len(text)):
            marks.append(Mark(s, e, "boilerplate", attrs=(("title", "outside the article body"),)))
    seen_sentences = set()
    for ev in doc.get("events", []):
        sent = (ev.get("sentence_start"), ev.get("sentence_end"))
        if None not in sent and sent not in seen_sentences:
            seen_sentences.add(sent)
            marks.append(Mark(sent[0], sent[1], "sentence", attrs=(("id", f"s-{sent[0]}"),)))
        if ev.get("trigger_start") is not None and ev.get("trigger_end") is not None:
            q = ev.get("quad_class") or 0
            marks.append(Mark(ev["trigger_start"], ev["trigger_end"], "trigger", classes=f"q{q}",
                              attrs=(("id", f"ev-{ev['id']}"), ("data-type", ev.get("type") or ""),
                                     ("title", f"{ev.get('type')} · {ev.get('quad_name') or ''}"))))
    for qt in doc.get("quotes", []):
        who = qt.get("speaker_name") or qt.get("speaker_text") or "unknown speaker"
        marks.append(Mark(qt["start"], qt["end"], "quote", attrs=(("id", f"q-{qt['idx']}"), ("title", f"quote · {who}"))))
    for d in doc.get("dates", []):
        marks.append(Mark(d["start"], d["end"], "date", attrs=(("title", f"date · {d.get('value') or '?'}"),)))
    for m in doc.get("mentions", []):
        etype = (m.get("type") or "X").upper()
        if m.get("entity_id"):
            attrs = (("href", f"/entity/{m['entity_id']}"), ("title", f"{etype} · {m.get('name') or m['entity_id']}"))
            marks.append(Mark(m["start"], m["end"], "mention", classes=f"t-{etype}", attrs=attrs, tag="a"))
        else:
            marks.append(Mark(m["start"], m["end"], "mention", classes=f"t-{etype}", attrs=(("title", etype),)))
    return marks
