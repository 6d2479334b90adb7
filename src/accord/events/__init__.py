"""PLOVER event coding helpers: lexicons (triggers, contexts, modality), sentence analysis, actors.

The stage itself is accord.stages.events; these modules hold its parts so each stays small.
"""
