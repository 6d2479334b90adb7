"""Who demands when the trigger is a modal of obligation reported by someone else.

Why: "A British minister reiterated that Libya must hand over the suspects", "Mubarak said the US
must be ready to mediate": the one who says what another must do makes the demand (REQUEST), and
the subject of "must" is the one asked. Word order alone takes the subject of "must" as the actor
and whatever follows as the recipient. Read from the parse only (UD: the modal is an `aux` of its
verb, that verb the `ccomp` of the reporting verb, whose subject is the speaker), so no word and
no language is named here; a sentence with no parse, or with no subject of the reporting verb
among the candidates, keeps the roles it had.
"""
from __future__ import annotations

from ..doc import Actor, Token
from .actors import Side
from .parse_roles import _syntax_role

REPORTED = {"ccomp"}


def reported_demand(toks: list[Token], trigger: int, sides: list[Side], sources: list[Actor]
                    ) -> tuple[list[Actor], list[Actor]] | None:
    """(the speaker's actors, the obliged's actors) when `trigger` is a modal in a reported clause."""
    if not toks or not toks[trigger].dep or toks[trigger].pos != "AUX":
        return None
    verb = toks[trigger].head
    if verb < 0 or toks[verb].dep not in REPORTED:
        return None
    reporting = toks[verb].head
    if reporting < 0 or toks[reporting].pos != "VERB":
        return None
    speaker = next((s for s in sides if not s.members[0].zero
                    and _syntax_role(toks, s.members[0], reporting) == "source"), None)
    obliged = next((s for s in sides if not s.members[0].zero
                    and _syntax_role(toks, s.members[0], verb) == "source"), None)
    if speaker is None or obliged is None or speaker is obliged:
        return None
    return speaker.actors(), obliged.actors()
