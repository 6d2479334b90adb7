"""Knowledge base of countries, places, organisations and office holders, and its lookup API.

Why: cross-lingual identity rests on knowing that "Србије", "Srbiji" and "Serbia" are one
country, "Путина" and "Putin" one person, and that Serbia's MUP and Belarus's МВД are two
ministries. The data are reviewed TSVs under accord/data/kb/ compiled by scripts/build_kb.py
into one kb.json.

  model  the entries and their fields (KBEntry, Term), the compiled file's form (Compiled)
  keys   alias_key: the script-free matching key; which per-language index a language reads
  index  KB: load_kb, lookup/candidates (generic names with a country cue), country_from_word
  scan   the gazetteer scan of running text (match_spans), the capitalisation a name needs
"""
from __future__ import annotations

from .index import KB, kb_path, load_kb
from .keys import alias_key
from .model import Candidate, Compiled, KBEntry, SpanMatch, Term

__all__ = ["KB", "Candidate", "Compiled", "KBEntry", "SpanMatch", "Term", "alias_key", "kb_path", "load_kb"]
