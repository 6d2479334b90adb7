"""Errors a user can act on: each names the input and the reason (spaCy-style, numbered)."""
from __future__ import annotations


class AccordError(Exception):
    code = "E000"

    def __init__(self, source: str, reason: str, line: int | None = None):
        self.source = source
        self.reason = reason
        self.line = line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"[{self.code}] {where}: {reason}")

    def __reduce__(self):  # survive pickling between worker processes
        return (type(self), (self.source, self.reason, self.line))


class ReadError(AccordError):
    """The input could not be read or decoded."""

    code = "E001"


class EmptyInput(ReadError):
    code = "E002"


class TooLarge(ReadError):
    code = "E003"


class BadRecord(ReadError):
    """A JSON Lines line that is not a usable article."""

    code = "E004"


class StageError(AccordError):
    """A pipeline stage failed on one article; the batch goes on."""

    code = "E010"


class StageTimeout(StageError):
    """One article ran past its time budget; it is skipped so a batch never stalls."""

    code = "E011"


class StoreLocked(AccordError):
    code = "E020"


class StoreError(AccordError):
    """The store is missing, or was written by an incompatible version of accord."""

    code = "E021"


class InputWarning(AccordError):
    """Part of an input was unusable and left out; the article itself is kept (an invalid
    `published` date in a JSON Lines record, a file name that is not UTF-8). Never raised and
    never in the stream of results: readers note it in Article.meta["warnings"] as text, and the
    CLI prints it."""

    code = "W001"
