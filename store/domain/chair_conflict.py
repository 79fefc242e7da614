"""Who leads a § when the ordförande has jäv: the vice ordförande (then the andre vice)
who takes part in the §, or, when the roster has none there, the meeting must choose
someone; who was chosen is the §'s `acting_chair` (it wins over the vice ordförande:
the meeting chose). One sentence for the protocol's DOCX, a short one for live mode's §
line (it must fit the right pane at 80 columns).
"""

from __future__ import annotations

from .model import AgendaItem, Meeting, Participant
from .presence_ties import present_in
from .protocol import CHAIR_ROLES
from .protocol_record import ProtocolInputError, paragraph_item
from .serving import serving
from .text import same_name

#: The chair's role as the roster writes it; the vice roles follow in CHAIR_ROLES.
CHAIR = CHAIR_ROLES[0]


def _role(person: Participant) -> str:
    return person.chair.strip().casefold()


def chair_of(meeting: Meeting) -> Participant | None:
    """The present participant whose chair role is ordförande."""
    return next((p for p in meeting.participants if not p.absent and _role(p) == CHAIR), None)


def _conflicted(item: AgendaItem, person: Participant) -> bool:
    return any(same_name(c, person.name) for c in item.conflicts)


def stand_in(meeting: Meeting, item: AgendaItem) -> Participant | None:
    """The vice chair (in CHAIR_ROLES order) there in the § and without jäv."""
    for role in CHAIR_ROLES[1:]:
        for person in meeting.participants:
            if _role(person) == role and present_in(meeting, person, item) and not _conflicted(
                    item, person):
                return person
    return None


def chair_has_conflict(meeting: Meeting, item: AgendaItem) -> bool:
    chair = chair_of(meeting)
    return chair is not None and _conflicted(paragraph_item(meeting, item), chair)


def _acting(meeting: Meeting, item: AgendaItem) -> str:
    """The chosen chair as the protocol names them ('Ann Ek (S)'), or ''."""
    name = item.acting_chair.strip()
    if not name:
        return ""
    person = meeting.find_participant(name)
    return person.name_with_party() if person is not None else name


def chair_conflict_sentence(meeting: Meeting, item: AgendaItem, where: str) -> str:
    """'' unless the chair has jäv in the § ; then who leads `where` ('§ 43', 'paragrafen'):
    'Ordföranden Vera Holm (S) har jäv: vice ordföranden Tor Lind (M) leder § 43.'"""
    item = paragraph_item(meeting, item)
    if not chair_has_conflict(meeting, item):
        return ""
    lead = f"Ordföranden {chair_of(meeting).name_with_party()} har jäv"
    acting = _acting(meeting, item)
    if acting:
        return f"{lead}: {acting} leder {where}."
    deputy = stand_in(meeting, item)
    if deputy is None:
        return f"{lead}: en ordförande för {where} måste väljas."
    return f"{lead}: {_definite(_role(deputy))} {deputy.name_with_party()} leder {where}."


def chair_conflict_line(meeting: Meeting, item: AgendaItem, where: str) -> str:
    """The same for live mode's § line, short (the line above names who has jäv):
    '§ 43 leds av vice ordföranden Tor Lind (M)', 'Ordföranden har jäv: välj ordförande,
    ctrl+p' (the command palette's 'Ordförande för § 43')."""
    item = paragraph_item(meeting, item)
    if not chair_has_conflict(meeting, item):
        return ""
    acting = _acting(meeting, item)
    if acting:
        return f"{where} leds av {acting} (vald)"
    deputy = stand_in(meeting, item)
    if deputy is None:
        return "Ordföranden har jäv: välj ordförande, ctrl+p"
    return f"{where} leds av {_definite(_role(deputy))} {deputy.name_with_party()}"


def choose_acting_chair(meeting: Meeting, item: AgendaItem, name: str) -> str:
    """Record who leads the § (a member serving in it); '' takes the choice back.
    The name as the roster spells it; ProtocolInputError says why a name is refused."""
    item = paragraph_item(meeting, item)
    name = name.strip()
    if not name:
        item.acting_chair = ""
        return ""
    person = meeting.find_participant(name)
    if person is None:
        raise ProtocolInputError(f"”{name}” finns inte i deltagarlistan.")
    if person.name not in serving(meeting, item).names():
        raise ProtocolInputError(
            f"{person.name} tjänstgör inte i paragrafen och kan inte leda den.")
    item.acting_chair = person.name
    return person.name


def _definite(role: str) -> str:
    """'vice ordföranden', 'andre vice ordföranden'."""
    return role + "n" if role.endswith("ordförande") else role
