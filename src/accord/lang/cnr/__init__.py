"""Montenegrin: the Serbian family (ijekavian, Latin and Cyrillic); nothing of its own yet but
its scripts."""
from __future__ import annotations

from ..sr import Serbian


class Montenegrin(Serbian):
    code = "cnr"
    name = "Montenegrin"


LANGUAGE = Montenegrin()
