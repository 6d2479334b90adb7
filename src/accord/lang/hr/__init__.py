"""Croatian: the Serbian family; this folder holds only what differs (months, Latin only)."""
from __future__ import annotations

from ..sr import Serbian


class Croatian(Serbian):
    code = "hr"
    name = "Croatian"


LANGUAGE = Croatian()
