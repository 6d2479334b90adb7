"""Article HTML from offsets: every character once, in order, escaped; marks nest or are split."""
from __future__ import annotations

from html.parser import HTMLParser

from accord.web.highlight import Mark, boilerplate, render


class Collect(HTMLParser):
    """Text of the whole fragment and, per (class, start, end), the text inside such elements."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str, str]] = []
        self.text = ""
        self.spans: dict[tuple[str, str, str], str] = {}
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        key = (a.get("class", "").split(" cont")[0], a.get("data-start"), a.get("data-end"))
        self.stack.append(key)
        self.spans.setdefault(key, "")

    def handle_endtag(self, tag):
        self.stack.pop()

    def handle_data(self, data):
        self.text += data
        for key in set(self.stack):
            self.spans[key] += data


def parse(html: str) -> Collect:
    c = Collect()
    c.feed(html)
    c.close()
    assert not c.stack, "unbalanced tags"
    return c


def test_nested_and_crossing_marks_keep_every_character_once():
    text = "Vulin said: \"Serbia will never impose sanctions.\" Then he left."
    quote = (text.index('"'), text.index('."') + 2)
    sentence = (0, text.index("Then") - 1)
    marks = [Mark(*sentence, "sentence"), Mark(*quote, "quote", attrs=(("id", "q-0"),)),
             Mark(0, 5, "mention", classes="t-PER", attrs=(("href", "/entity/per:vulin"),), tag="a"),
             Mark(13, 19, "mention", classes="t-LOC"),
             Mark(quote[0] + 3, len(text), "date")]  # crosses the quote and the sentence ends
    c = parse(str(render(text, marks)))
    assert c.text == text
    for m in marks:
        key = (f"hl hl-{m.layer}" + (f" {m.classes}" if m.classes else ""), str(m.start), str(m.end))
        assert c.spans[key] == text[m.start:m.end], m
    assert sum(1 for _, a in c.tags if a.get("id") == "q-0") == 1  # a split mark keeps its id once


def test_text_is_escaped_and_attributes_too():
    text = "<script>alert(1)</script> & <img src=x onerror=alert(2)>"
    html = str(render(text, [Mark(0, 8, "mention", attrs=(("title", '"><script>x</script>'),))]))
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "&amp;" in html
    assert parse(html).text == text


def test_out_of_range_and_empty_marks_are_dropped_and_links_never_nest():
    text = "Aleksandar Vulin"
    marks = [Mark(-1, 3, "date"), Mark(5, 5, "date"), Mark(0, 99, "date"),
             Mark(0, 16, "mention", tag="a", attrs=(("href", "/entity/a"),)),
             Mark(11, 16, "mention", tag="a", attrs=(("href", "/entity/b"),))]
    html = str(render(text, marks))
    assert html.count("<a ") == 1 and 'href="/entity/a"' in html
    assert "hl-date" not in html
    assert parse(html).text == text


def test_boilerplate_is_the_complement_of_body_spans():
    assert boilerplate([{"start": 5, "end": 10}, {"start": 12, "end": 20}], 25) == [(0, 5), (10, 12), (20, 25)]
    assert boilerplate([{"start": 0, "end": 25}], 25) == []
