"""Stage 'events': first version fills nothing yet."""
from __future__ import annotations

from ..doc import Article


def run(doc: Article) -> None:
    return None
