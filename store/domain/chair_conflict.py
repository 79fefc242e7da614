"""Who leads a § when the ordförande has jäv: the vice ordförande (then the andre vice)
who takes part in the §, or, when the roster has none there, the meeting must choose
someone. One sentence, shared by live mode's § line and the protocol's DOCX.
"""

from __future__ import annotations

from .model import AgendaItem, Meeting, Participant
from .presence_ties import present_in
from .protocol import CHAIR_ROLES

#: The chair's role as the roster writes it; the vice roles follow in CHAIR_ROLES.
CHAIR = CHAIR_ROLES[0]


def _role(person: Participant) -> str:
    return person.chair.strip().casefold()


def chair_of(meeting: Meeting) -> Participant | None:
    """The present participant whose chair role is ordförande."""
    return next((p for p in meeting.participants if not p.absent and _role(p) == CHAIR), None)


def _conflicted(item: AgendaItem, person: Participant) -> bool:
    return any(c.strip().casefold() == person.name.strip().casefold() for c in item.conflicts)


def stand_in(meeting: Meeting, item: AgendaItem) -> Participant | None:
    """The vice chair (in CHAIR_ROLES order) there in the § and without jäv."""
    for role in CHAIR_ROLES[1:]:
        for person in meeting.participants:
            if _role(person) == role and present_in(meeting, person, item) and not _conflicted(
                    item, person):
                return person
    return None


def chair_conflict_sentence(meeting: Meeting, item: AgendaItem, where: str) -> str:
    """'' unless the chair has jäv in the § ; then who leads `where` ('§ 43', 'paragrafen'):
    'Ordföranden Vera Holm (S) har jäv: vice ordföranden Tor Lind (M) leder § 43.'"""
    chair = chair_of(meeting)
    if chair is None or not _conflicted(item, chair):
        return ""
    lead = f"Ordföranden {chair.name_with_party()} har jäv"
    deputy = stand_in(meeting, item)
    if deputy is None:
        return f"{lead}: en ordförande för {where} måste väljas."
    return f"{lead}: {_definite(_role(deputy))} {deputy.name_with_party()} leder {where}."


def _definite(role: str) -> str:
    """'vice ordföranden', 'andre vice ordföranden'."""
    return role + "n" if role.endswith("ordförande") else role
