"""Who serves (tjänstgör) in each § of a protocol, and whether the body is quorate.

Computed, never stored: from the roster (ledamöter; ersättare with `substitute_for` and its
changes per §), the arrivals and departures (their § ties first, the clock against the § 's
time where there is no tie: store/domain/presence_ties.py), the § 's jäv (`conflicts`) and
its own substitutions. An ersättare serves for a member only while that member does not.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import AgendaItem, Meeting, Participant
from .presence_ties import present_in, substitute_at
from .protocol import DEPUTY, MEMBER
from .text import same_name


@dataclass(frozen=True)
class Serving:
    """The serving members of one §, and the ersättare among them with whom they replace."""

    members: tuple[Participant, ...]
    replacing: dict[str, str]  # ersättare name -> member name
    seats: int
    conflicted: tuple[str, ...]

    @property
    def count(self) -> int:
        return len(self.members)

    @property
    def quorate(self) -> bool:
        """Beslutför: more than half of the members serve (kommunallagen 6 kap. 27 §)."""
        return self.count * 2 > self.seats

    def names(self) -> list[str]:
        return [p.name for p in self.members]


def seats(meeting: Meeting) -> int:
    """The body's seats: the roster's ledamöter."""
    return sum(1 for p in meeting.participants if p.group == MEMBER)


def _top_item(meeting: Meeting, item: AgendaItem) -> AgendaItem:
    for top in meeting.items:
        if any(sub.id == item.id for sub in top.walk()):
            return top
    return item


def serving(meeting: Meeting, item: AgendaItem) -> Serving:
    """Who serves in the § of `item` (a sub-item belongs to its ärende's §)."""
    item = _top_item(meeting, item)
    conflicted = [name for name in item.conflicts]

    def here(p: Participant) -> bool:
        return present_in(meeting, p, item) and not any(same_name(p.name, c) for c in conflicted)

    members = [p for p in meeting.participants if p.group == MEMBER]
    serving_members = {p.name for p in members if here(p)}
    replacing: dict[str, str] = {}
    taken: set[str] = set()
    # This § 's own substitutions first (jäv, a short absence), then the day's roster.
    pairs = [(s.by, s.for_) for s in item.substitutions]
    pairs += [(p.name, substitute_at(meeting, p, item.id)) for p in meeting.participants
              if p.group == DEPUTY]
    deputies = {p.name.casefold(): p for p in meeting.participants if p.group == DEPUTY}
    for by, for_ in pairs:
        deputy = deputies.get(by.casefold())
        member = next((m for m in members if same_name(m.name, for_)), None)
        if not for_ or deputy is None or member is None or deputy.name in replacing:
            continue
        if member.name in serving_members or member.name in taken or not here(deputy):
            continue
        replacing[deputy.name] = member.name
        taken.add(member.name)
    chosen = [p for p in meeting.participants
              if p.name in serving_members or p.name in replacing]
    return Serving(tuple(chosen), replacing, seats(meeting), tuple(conflicted))


def quorum_warning(state: Serving) -> str:
    """One plain Swedish sentence when the § is not quorate, else ''."""
    if state.seats == 0 or state.quorate:
        return ""
    return (f"Inte beslutför: {state.count} av {state.seats} ledamöter tjänstgör, "
            "mer än hälften behövs.")


def quorum_text(state: Serving) -> str:
    """'5 av 7 tjänstgör' for the live header."""
    return f"{state.count} av {state.seats} tjänstgör"
