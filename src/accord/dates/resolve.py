"""A date match resolved to a value: (ISO value, precision, relative).

Explicit dates (a year is written) resolve alone; a day or month without a year, a weekday and
a relative expression ("вчера", "last week") resolve against the `Anchor`: what is known of the
article's publication date (decided by `accord.clean.published`), or not at all without one.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .grammar import Grammar


@dataclass(frozen=True)
class Anchor:
    """What is known of the publication date: a year, maybe a month, maybe a day."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, published: str | None) -> Anchor | None:
        m = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", published or "")
        if not m:
            return None
        y, mo, d = (int(g) if g else None for g in m.groups())
        return cls(y, mo, d)

    @property
    def date(self) -> dt.date | None:
        return dt.date(self.year, self.month, self.day) if self.month and self.day else None


def day_value(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def resolve(kind: str, m: re.Match[str], g: Grammar, anchor: Anchor | None) -> tuple[str, str, bool] | None:
    """(value, precision, relative) of one match, or None when it is no date or unresolvable."""
    gd = m.groupdict()
    y = int(gd["y"]) if gd.get("y") else None
    if kind == "iso":
        v = day_value(y, int(gd["mo"]), int(gd["d"]))
        return (v, "day", False) if v else None
    if kind == "numeric":
        a, bb = int(gd["a"]), int(gd["bb"])
        day, month = (bb, a) if gd["sep"] == "/" and g.slash_order == "mdy" and a <= 12 else (a, bb)
        v = day_value(y, month, day)
        return (v, "day", False) if v else None
    if kind in ("dmy", "mdy", "my", "m"):
        month = g.months.get(g.key(gd["m"]))
        if month is None:
            return None
        if kind in ("dmy", "mdy"):
            if y is None:
                if anchor is None:
                    return None
                v = day_value(anchor.year, month, int(gd["d"]))
                return (v, "day", True) if v else None
            v = day_value(y, month, int(gd["d"]))
            return (v, "day", False) if v else None
        if y is None:
            if anchor is None:
                return None
            y = anchor.year
            direction = g.month_dirs.get(" ".join((gd.get("dir") or "").casefold().split()))
            if direction == "prev_month" and month >= (anchor.month or 13):
                y -= 1
            elif direction == "next_month" and month <= (anchor.month or 0):
                y += 1
            elif direction == "prev_month" and anchor.month is None:
                y -= 1
            return f"{y:04d}-{month:02d}", "month", True
        return f"{y:04d}-{month:02d}", "month", False
    if kind in ("y_marked", "y_context"):
        return f"{y:04d}", "year", False
    if anchor is None:
        return None
    if kind == "weekday":
        base = anchor.date
        if base is None:
            return None
        wd = g.weekdays.get(g.key(gd["w"]))
        if wd is None:
            return None
        direction = g.weekday_prefixes.get(" ".join((gd.get("wp") or "").casefold().split()), "past")
        if direction == "next":
            delta = (wd - base.isoweekday()) % 7 or 7
        else:
            delta = -((base.isoweekday() - wd) % 7)
            if direction == "prev" and delta == 0:
                delta = -7
        return (base + dt.timedelta(days=delta)).isoformat(), "day", True
    if kind == "relative":
        unit, offset = g.relative[" ".join(gd["r"].casefold().split())]
        return _relative(unit, offset, anchor)
    return None


def _relative(unit: str, offset: int, anchor: Anchor) -> tuple[str, str, bool] | None:
    if unit == "year":
        return f"{anchor.year + offset:04d}", "year", True
    if unit == "month":
        if anchor.month is None:
            return None
        index = anchor.year * 12 + anchor.month - 1 + offset
        return f"{index // 12:04d}-{index % 12 + 1:02d}", "month", True
    base = anchor.date
    if base is None:
        return None
    if unit == "week":  # the Monday of that week, with precision "week"
        monday = base - dt.timedelta(days=base.isoweekday() - 1) + dt.timedelta(weeks=offset)
        return monday.isoformat(), "week", True
    return (base + dt.timedelta(days=offset)).isoformat(), "day", True
