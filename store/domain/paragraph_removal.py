"""Removing a § that presence is tied to, without changing who was there in the others.

A departure "efter § 44" and an arrival "från § 44" name the ärende (its id). When that
ärende is removed from the agenda, a tie to it would be ignored and the clock time (or an
open end) would count again: the participant would suddenly have been there for §§ they
had left, or missing from §§ they sat through. So the ties move to a neighbour, the one
that keeps every remaining § as it was:

- "left after § N" moves to the § before N: the last § they were there for;
- "joined from § N" (and an ersättare's change "from § N") moves to the § after N: the
  first § they are there for; when the first § goes, the change that held from the
  second becomes the roster line's value (the first § follows the line);
- a presence that reached only § N (arrived and left in it, or a tie with no neighbour
  that way) reaches no remaining §: it goes, and a participant left with no presence at
  all is marked absent (no presence at all would read as "the whole meeting").

Every remaining § has the same participants and the same ersättare before and after
(tests/unit/test_paragraph_removal.py checks exactly that over generated agendas).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .model import AgendaItem, Meeting, Participant
from .paragraphs import paragraph_label
from .substitute_roster import change_counts
from .text import enumeration

#: What happened to a tie (TieMove.kind).
ARRIVES = "arrives"
LEAVES = "leaves"
SUBSTITUTES = "substitutes"
GONE = "gone"


@dataclass(frozen=True)
class TieMove:
    """One tie moved off a removed §: whose, which kind, and the § it names now (None
    when it reaches no remaining §); `absent`: the participant is now marked absent."""

    name: str
    kind: str
    item_id: str | None = None
    absent: bool = False


def remove_item_keeping_ties(meeting: Meeting, item_id: str) -> tuple[AgendaItem, list[TieMove]]:
    """Remove the item; when it is a § (a top-level ärende), move the ties to it first."""
    ids = [item.id for item in meeting.items]
    moves: list[TieMove] = []
    if item_id in ids:
        index = ids.index(item_id)
        before = ids[index - 1] if index > 0 else None
        after = ids[index + 1] if index + 1 < len(ids) else None
        order = {tie: position for position, tie in enumerate(ids) if tie != item_id}
        for person in meeting.participants:
            moves += _move_presence(person, item_id, before, after, order)
            moves += _move_changes(meeting, person, item_id, after, index == 0)
    return meeting.remove_item(item_id), moves


def _move_presence(person: Participant, removed: str, before: str | None, after: str | None,
                   order: dict[str, int]) -> list[TieMove]:
    if not any(removed in (i.from_item, i.to_item) for i in person.intervals):
        return []
    name, moves, kept = person.name_with_party(), [], []
    for interval in person.intervals:
        if removed not in (interval.from_item, interval.to_item):
            kept.append(interval)
            continue
        start = after if interval.from_item == removed else interval.from_item
        end = before if interval.to_item == removed else interval.to_item
        reaches = (start is not None or interval.from_item != removed) and (
            end is not None or interval.to_item != removed) and not (
            start in order and end in order and order[start] > order[end])
        if not reaches:
            moves.append(TieMove(name, GONE))
            continue
        kept.append(replace(interval, from_item=start, to_item=end))
        if interval.from_item == removed:
            moves.append(TieMove(name, ARRIVES, start))
        if interval.to_item == removed:
            moves.append(TieMove(name, LEAVES, end))
    person.intervals = kept
    if not kept:  # there for no remaining §; no intervals would mean the whole meeting
        person.absent = True
        moves.append(TieMove(name, GONE, absent=True))
    return moves


def _move_changes(meeting: Meeting, person: Participant, removed: str, after: str | None,
                  first: bool) -> list[TieMove]:
    """An ersättare's changes from the removed § move to the § after it. The first §
    follows the roster line (a change there never counted): when it is removed, the
    change that held from the second § becomes the line's value."""
    changes = person.substitute_changes
    if first:
        order = {item.id: index for index, item in enumerate(meeting.items)}
        opening = [c for c in changes if c.from_item == after
                   and change_counts(meeting, person, c, order)]
        person.substitute_changes = [c for c in changes
                                     if c.from_item != removed and c not in opening]
        if not opening:
            return []
        person.substitute_for = opening[-1].for_
        return [TieMove(person.name_with_party(), SUBSTITUTES, after)]
    if not any(change.from_item == removed for change in changes):
        return []
    taken = {change.from_item for change in changes}
    kept, moves = [], []
    for change in changes:
        if change.from_item != removed:
            kept.append(change)
        elif after is not None and after not in taken:
            kept.append(replace(change, from_item=after))
            moves.append(TieMove(person.name_with_party(), SUBSTITUTES, after))
        # else: no § after it, or the next § has its own change, which rules from there
    person.substitute_changes = kept
    return moves


def moved_ties_sentence(meeting: Meeting, title: str, moves: list[TieMove],
                        first: int | None) -> str:
    """One Swedish sentence saying where the ties to the removed ärende `title` went,
    in the §§ as numbered now ('' when nothing moved)."""
    if not moves:
        return ""
    numbers = {item.id: first + k for k, item in enumerate(meeting.items)} if first else {}

    def where(item_id: str | None) -> str:
        if item_id in numbers:
            return paragraph_label(numbers[item_id])
        titles = {item.id: item.title for item in meeting.items}
        return f"”{titles.get(item_id or '', '')}”"

    parts = []
    for move in moves:
        if move.kind == ARRIVES:
            parts.append(f"{move.name} kommer från {where(move.item_id)}")
        elif move.kind == LEAVES:
            parts.append(f"{move.name} går efter {where(move.item_id)}")
        elif move.kind == SUBSTITUTES:
            parts.append(f"ersättarbytet för {move.name} gäller från {where(move.item_id)}")
        elif move.absent:
            parts.append(f"{move.name} räknas som frånvarande")
        else:
            parts.append(f"en närvaro för {move.name} som bara gällde den är borttagen")
    return (f"Närvaron som var knuten till ”{title}” är flyttad till grannparagrafen: "
            f"{enumeration(parts)}.")
