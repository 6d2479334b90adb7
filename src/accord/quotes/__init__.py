"""Direct quotes with speakers: detection (marks, dash dialogue), attribution, speaker resolution.

Modules: lexicon (data files), text (tokens, mentions, the shared Reader), marks (quotation-mark
spans), detection (candidates + attributions), speakers (entity resolution), finder (the whole).
"""
from .finder import QuoteFinder, find_quotes

__all__ = ["QuoteFinder", "find_quotes"]
