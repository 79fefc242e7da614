"""Correcting what was recorded in a § (live mode's alt+l list, enter on an entry): a
yrkande, a reservation or a protokollsanteckning replaced in place — same position in the
§, the same yrkande object (so a vote's sides, which point at yrkanden by position, stay
right) — with the same checks as when it was first recorded (protocol_record.checked_*).

Drafts follow the correction: a beslutsgång, vote question or result that was still the
app's draft is drafted again (protocol_record's rule), and decisions that were exactly
the outcome of one proposition (the proposal, or the corrected yrkande) are written
again from it. Anything the secretary wrote by hand stays as written.
"""

from __future__ import annotations

from .model import AgendaItem, Meeting
from .protocol import Motion, ProtocolNote, Reservation
from .protocol_record import (
    ProtocolInputError,
    checked_motion,
    checked_protocol_note,
    checked_reservation,
    keeping_drafts,
    outcome_clauses,
    paragraph_item,
    rewritten_decisions,
    serving_names,
)
from .protocol_voting import NOT_DECIDED, decided_outcome


def replace_motion(meeting: Meeting, item: AgendaItem, index: int, by: str, kind: str,
                   text: str = "") -> Motion:
    """Yrkande number `index` becomes (by, kind, text), checked as a new one would be."""
    item = paragraph_item(meeting, item)
    if not 0 <= index < len(item.motions):
        raise ProtocolInputError("Det yrkandet finns inte.")
    new = checked_motion(meeting, item, by, kind, text)
    motion = item.motions[index]
    decided = decided_outcome(item)

    def change() -> None:
        motion.by, motion.kind, motion.text = new.by, new.kind, new.text
        # The mover no longer instämmer in their own yrkande.
        motion.supporters = [n for n in motion.supporters if n != new.by]

    keeping_drafts(meeting, item, change)
    if decided is not NOT_DECIDED:
        clauses = outcome_clauses(item, decided) or [d.text for d in item.decisions]
        item.decisions = rewritten_decisions(item.decisions, clauses)
    return motion


def replace_reservation(meeting: Meeting, item: AgendaItem, index: int, names: list[str],
                        text: str = "") -> Reservation:
    item = paragraph_item(meeting, item)
    if not 0 <= index < len(item.reservations):
        raise ProtocolInputError("Den reservationen finns inte.")
    reservation = checked_reservation(meeting, item, names, text)
    item.reservations[index] = reservation
    return reservation


def replace_protocol_note(meeting: Meeting, item: AgendaItem, index: int, by: str,
                          text: str) -> ProtocolNote:
    item = paragraph_item(meeting, item)
    if not 0 <= index < len(item.protocol_notes):
        raise ProtocolInputError("Den protokollsanteckningen finns inte.")
    note = checked_protocol_note(meeting, by, text)
    item.protocol_notes[index] = note
    return note


def set_supporters(meeting: Meeting, item: AgendaItem, index: int,
                   names: list[str]) -> Motion:
    """Who instämmer i yrkande number `index`: serving members other than its mover, in
    the order given (the whole list is replaced; [] = nobody)."""
    item = paragraph_item(meeting, item)
    if not 0 <= index < len(item.motions):
        raise ProtocolInputError("Det yrkandet finns inte.")
    motion = item.motions[index]
    serving = serving_names(meeting, item)
    chosen: list[str] = []
    for name in names:
        person = meeting.find_participant(name.strip()) if name.strip() else None
        if person is None:
            if name.strip():
                raise ProtocolInputError(f"”{name.strip()}” finns inte i deltagarlistan.")
            continue
        if person.name not in serving:
            raise ProtocolInputError(
                f"{person.name} tjänstgör inte i paragrafen och kan inte instämma.")
        if person.name == motion.by:
            raise ProtocolInputError(f"{person.name} har själv yrkat: ingen instämmer i sitt "
                                     "eget yrkande.")
        if person.name not in chosen:
            chosen.append(person.name)
    motion.supporters = chosen
    return motion
