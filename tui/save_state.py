"""What the status line says about saving: a kind and, for a good save, its time.

Views style by the kind (a failure in red), never by parsing the words.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Saving(Enum):
    IDLE = "idle"            # a writable meeting, nothing saved yet in this run
    SAVED = "saved"          # the last save went through (at `at`)
    FAILED = "failed"        # the last save failed; retried, the text kept
    READ_ONLY = "read_only"  # another program holds the meeting
    ENDED = "ended"          # an ended meeting, opened read-only
    ADJUSTED = "adjusted"    # an adjusted protocol, opened read-only


_WORDS = {
    Saving.IDLE: "",
    Saving.SAVED: "Sparat {at}",
    Saving.FAILED: "EJ SPARAT – försöker igen",
    Saving.READ_ONLY: "Skrivskyddat",
    Saving.ENDED: "Avslutat · skrivskyddat",
    Saving.ADJUSTED: "Justerat · skrivskyddat",
}


@dataclass(frozen=True)
class SaveState:
    """Where saving stands, as the status line tells it."""

    kind: Saving = Saving.IDLE
    #: "10:42:13" for a good save.
    at: str = ""

    @property
    def text(self) -> str:
        return _WORDS[self.kind].format(at=self.at)

    @property
    def failed(self) -> bool:
        return self.kind is Saving.FAILED
