"""Quotation-mark spans of every convention: « », „ “, “ ”, " ", ‘ ’, nesting, quotes over paragraphs.

Why: the top-level quotations of a text are found by one scan over its body paragraphs, before
any attribution; a quote that runs on reopens the next paragraph with the same mark.
"""
from __future__ import annotations

from .text import DASHES, QUOTE_CHARS

OPEN_CLOSE = {"«": "»", "„": "“”", "“": "”", "‚": "‘’", "‘": "’", '"': '"', "”": "”", "'": "'"}


def _opening_context(text: str, i: int, lo: int) -> bool:
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev.isspace() or prev in "([{/" + DASHES + "«„“‘:" or i == lo) and not nxt.isspace()


def _closing_context(text: str, i: int, hi: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    return not prev.isspace() and (nxt.isspace() or not nxt.isalnum())


def mark_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int | None, int, int]]:
    """Top-level quotations: (open mark index, close mark index or None, end of content, paragraph)."""
    out = []
    stack: list[tuple[str, int]] = []  # (closers, index)
    top_para = 0
    for p, (lo, hi) in enumerate(paragraphs):
        i = lo
        if stack:  # a quote running on: this paragraph must reopen with the same mark
            j = lo
            while j < hi and text[j].isspace():
                j += 1
            if j < hi and text[j] == text[stack[0][1]]:
                i = j + 1
            else:
                out.append((stack[0][1], None, paragraphs[p - 1][1], top_para))
                stack = []
        while i < hi:
            ch = text[i]
            if ch in QUOTE_CHARS:
                expecting = stack[-1][0] if stack else ""
                closes = ch in expecting and (ch not in "\"'’”" or _closing_context(text, i, hi))
                if ch == '"' and expecting == "”" and not closes and _closing_context(text, i, hi):
                    closes = True  # mixed marks, common in web copy: “… burglaries," a spokesperson told
                if ch in "’'" and closes and i + 1 < hi and text[i + 1].isalpha():
                    closes = False  # apostrophe
                if closes:
                    _, at = stack.pop()
                    if not stack:
                        out.append((at, i, i, top_para))
                elif ch in OPEN_CLOSE and ch not in "»" and (ch in "«„" or _opening_context(text, i, lo)):
                    if ch in "'’" and i > lo and text[i - 1].isalpha():
                        pass  # apostrophe
                    elif ch == "’":
                        pass
                    else:
                        if not stack:
                            top_para = p
                        stack.append((OPEN_CLOSE[ch], i))
                elif ch in "»”“" and stack:
                    # a closer of an outer quote while an inner one is open: the inner was never closed
                    for depth in range(len(stack) - 1, -1, -1):
                        if ch in stack[depth][0]:
                            at = stack[depth][1]
                            del stack[depth:]
                            if not stack:
                                out.append((at, i, i, top_para))
                            break
            i += 1
    if stack:
        out.append((stack[0][1], None, paragraphs[-1][1], top_para))
    return out

