"""Direct quotes with speakers: detection (marks, dash dialogue), attribution, speaker resolution.

Modules: lexicon (data files), text (tokens, mentions, the shared Reader), marks (quotation-mark
spans), detection (candidates + attributions), speaker (who said it; which person a pronoun or
title stands for is accord.coref's), finder (the whole).
"""
from .finder import QuoteFinder, find_quotes

__all__ = ["QuoteFinder", "find_quotes"]
