"""Bosnian: the Serbian family; this folder holds only what differs (scripts)."""
from __future__ import annotations

from ..sr import Serbian


class Bosnian(Serbian):
    code = "bs"
    name = "Bosnian"


LANGUAGE = Bosnian()
