"""What the secretary records in a § while a protocol meeting is held: yrkanden, the
decision and its beslutsgång, the omröstning, reservationer, protokollsanteckningar, jäv,
the tjänstgörande ersättare and "justeras omedelbart".

Pure functions on the model, no screen and no clock. Each one checks its input and raises
ProtocolInputError with one Swedish sentence when it cannot be done, so the live dialogs
show the same words the tests read. A sub-item is no § of its own: everything is recorded
on the top-level ärende it belongs to (`paragraph_item`).

Drafted texts (the beslutsgång, each vote's question and result) follow the model while
they are still the app's draft; once the secretary has edited one it is left alone. The
omröstningar themselves are recorded by protocol_voting.
"""

from __future__ import annotations

import copy
from dataclasses import fields

from .model import AgendaItem, Decision, Meeting, Participant
from .protocol import (
    DEFAULT_RESERVATION_TEXT,
    DEPUTY,
    MEMBER,
    MOTION_KINDS,
    MOTION_KINDS_WITH_TEXT,
    Motion,
    ProtocolNote,
    Reservation,
    Substitution,
)
from .protocol_procedure import procedure_text
from .protocol_text import att_clauses
from .protocol_vote import (
    REJECTION,
    Side,
    question_draft,
    result_draft,
    votes_after_referral,
)
from .serving import serving
from .text import same_name


class ProtocolInputError(ValueError):
    """One Swedish sentence saying why the entry cannot be recorded."""


def paragraph_item(meeting: Meeting, item: AgendaItem) -> AgendaItem:
    """The top-level ärende (the §) that `item` is, or belongs to."""
    for top in meeting.items:
        if any(sub.id == item.id for sub in top.walk()):
            return top
    return item


def _person(meeting: Meeting, name: str) -> Participant:
    person = meeting.find_participant(name.strip())
    if person is None:
        raise ProtocolInputError(f"”{name.strip()}” finns inte i deltagarlistan.")
    return person


def serving_person(meeting: Meeting, item: AgendaItem, name: str, doing: str) -> Participant:
    person = _person(meeting, name)
    if person.name not in serving(meeting, item).names():
        raise ProtocolInputError(f"{person.name} tjänstgör inte i paragrafen och kan inte {doing}.")
    return person


def serving_names(meeting: Meeting, item: AgendaItem) -> list[str]:
    """The names the dialogs complete from: the members serving in the §."""
    return serving(meeting, paragraph_item(meeting, item)).names()


# -- drafts that follow the model until edited ------------------------------------------


def _procedure_drafts(meeting: Meeting, item: AgendaItem) -> dict[str, Side]:
    """{draft text: winner} for every outcome the beslutsgång could be drafted with."""
    drafts: dict[str, Side] = {}
    for winner in [None, *item.motions, REJECTION]:
        drafts.setdefault(procedure_text(meeting, item, winner), winner)
    return drafts


def procedure_is_draft(meeting: Meeting, item: AgendaItem) -> bool:
    """True while the beslutsgång is empty or exactly as the app drafted it."""
    item = paragraph_item(meeting, item)
    return not item.procedure.strip() or item.procedure in _procedure_drafts(meeting, item)


def _is_motion(item: AgendaItem, motion: Motion) -> bool:
    return any(m is motion for m in item.motions)


#: A change that would make an återremiss win while a later vote stands.
LATER_VOTE = ("Återremissen skulle då vinna, men efter en återremiss hålls ingen mer "
              "omröstning: ta först bort den senare omröstningen (alt+l, delete).")


def _state(item: AgendaItem) -> list:
    """What a change to the § 's yrkanden, votes and jäv may touch, to put back in place
    (the same objects: dialogs and votes' sides hold them)."""
    parts = [item.motions, item.votes, item.conflicts, item.substitutions]
    return [(part, list(part), [(obj, {f.name: copy.deepcopy(getattr(obj, f.name))
                                      for f in fields(obj)})
                                for obj in part if hasattr(obj, "__dataclass_fields__")])
            for part in parts]


def _restore(state: list) -> None:
    for part, members, objects in state:
        part[:] = members
        for obj, values in objects:
            for name, value in values.items():
                setattr(obj, name, value)


def keeping_drafts(meeting: Meeting, item: AgendaItem, change) -> None:
    """Apply `change`; a beslutsgång or a vote's question or result that was the app's
    draft is drafted again from the changed model (the same outcome), an edited one stays
    as written. A change after which a vote would stand after a won återremiss (a ballot,
    a casting vote, a kind, a jäv) is undone and refused: the återremiss ends the §."""
    drafts = _procedure_drafts(meeting, item)
    auto_procedure = item.procedure in drafts
    winner = drafts.get(item.procedure)
    votes = [(vote, vote.question == question_draft(meeting, item, vote),
              vote.result == result_draft(meeting, item, vote)) for vote in item.votes]
    ended = votes_after_referral(item)  # an older file's: kept as they are
    state = _state(item)
    change()
    if any(not any(v is e for e in ended) for v in votes_after_referral(item)):
        _restore(state)
        raise ProtocolInputError(LATER_VOTE)
    if auto_procedure and item.procedure:
        if winner is not None and winner is not REJECTION and not _is_motion(item, winner):
            winner = None  # the winning yrkande went: the proposal's draft
        item.procedure = procedure_text(meeting, item, winner)
    for vote, auto_question, auto_result in votes:
        if not any(v is vote for v in item.votes):
            continue  # the vote went
        if auto_question:
            vote.question = question_draft(meeting, item, vote)
        if auto_result:
            vote.result = result_draft(meeting, item, vote)


# -- yrkanden ---------------------------------------------------------------------------


def checked_motion(meeting: Meeting, item: AgendaItem, by: str, kind: str,
                   text: str = "") -> Motion:
    """The yrkande as it may be recorded in the § (not yet recorded): a serving member's,
    with its text for ändring, tillägg and annat."""
    item = paragraph_item(meeting, item)
    if kind not in MOTION_KINDS:
        raise ProtocolInputError(f"”{kind}” är inget slags yrkande.")
    if not by.strip():
        raise ProtocolInputError("Skriv vem som yrkar.")
    person = serving_person(meeting, item, by, "yrka")
    text = " ".join(text.split())
    if kind in MOTION_KINDS_WITH_TEXT and not text:
        raise ProtocolInputError(f"Ett yrkande om {kind} behöver en text: skriv vad som yrkas.")
    return Motion(person.name, kind, text)


def add_motion(meeting: Meeting, item: AgendaItem, by: str, kind: str, text: str = "") -> Motion:
    """A yrkande by a serving member; ändring, tillägg and annat need their text."""
    item = paragraph_item(meeting, item)
    motion = checked_motion(meeting, item, by, kind, text)
    keeping_drafts(meeting, item, lambda: item.motions.append(motion))
    return motion


def remove_motion(meeting: Meeting, item: AgendaItem, index: int) -> Motion:
    item = paragraph_item(meeting, item)
    if not 0 <= index < len(item.motions):
        raise ProtocolInputError("Det yrkandet finns inte.")
    motion = item.motions[index]

    def change() -> None:
        item.motions.pop(index)
        for vote in item.votes:  # the sides point at yrkanden by position
            vote.yes = _forget(vote.yes, index)
            vote.no = _forget(vote.no, index)

    keeping_drafts(meeting, item, change)
    return motion


def _forget(side: int | None, removed: int) -> int | None:
    if side is None or side == removed:
        return None
    return side - 1 if side > removed else side


# -- the decision and its beslutsgång ---------------------------------------------------


def outcome_clauses(item: AgendaItem, winner: Motion | None) -> list[str]:
    """The att-satser a decision for `winner` (None = the proposal) is written with.

    The proposal wins with its att-satser and any tilläggsyrkanden (the beslutsgång puts
    those apart and finds them bifallna); an avslag or återremiss gets its usual sats; an
    ändring or annat yrkande its own text, for the secretary to adjust."""
    if winner is None:
        clauses = att_clauses(item.proposal)
        for motion in item.motions:
            if motion.kind == "tillägg":
                clauses += att_clauses(motion.text)
        return clauses
    if winner.kind == "avslag":
        return ["att avslå förslaget"]
    if winner.kind == "återremiss":
        why = winner.text.strip().rstrip(".")
        return ["att återremittera ärendet" + (f" med motiveringen {why}" if why else "")]
    return att_clauses(winner.text) or [winner.text]


def rewritten_decisions(decisions: list[Decision], clauses: list[str]) -> list[Decision]:
    """The decisions written as `clauses`; a decision whose text stays keeps its id (two
    with the same text keep theirs in order)."""
    kept: dict[str, list[Decision]] = {}
    for decision in decisions:
        kept.setdefault(decision.text, []).append(decision)
    return [kept[text].pop(0) if kept.get(text) else Decision(text) for text in clauses]


def decide(meeting: Meeting, item: AgendaItem, winner: Motion | None = None) -> list[Decision]:
    """Record the outcome: the decisions become the winner's att-satser (a decision with
    the same text keeps its id) and the beslutsgång is drafted for that outcome."""
    item = paragraph_item(meeting, item)
    if winner is not None and winner is not REJECTION and not _is_motion(item, winner):
        raise ProtocolInputError("Det yrkandet finns inte i paragrafen.")
    clauses = outcome_clauses(item, winner)
    if not clauses:
        raise ProtocolInputError(
            "Ärendet har inget förslag till beslut att bifalla: skriv beslutet med F2.")
    item.decisions = rewritten_decisions(item.decisions, clauses)
    item.procedure = procedure_text(meeting, item, winner)
    return item.decisions


def take_proposal_as_decision(meeting: Meeting, item: AgendaItem) -> list[Decision]:
    """Bifall till förslaget: the proposal's att-satser become the decision."""
    return decide(meeting, item, None)


def decisions_lost_by(meeting: Meeting, item: AgendaItem, winner: Motion | None = None) -> list[str]:
    """The decisions written so far that taking this outcome would replace."""
    item = paragraph_item(meeting, item)
    clauses = set(outcome_clauses(item, winner))
    return [d.text for d in item.decisions if d.text.strip() and d.text not in clauses]


def set_procedure(meeting: Meeting, item: AgendaItem, text: str) -> None:
    paragraph_item(meeting, item).procedure = text.strip()


# -- reservationer, protokollsanteckningar ----------------------------------------------


def add_reservation(meeting: Meeting, item: AgendaItem, names: list[str],
                    text: str = "") -> Reservation:
    """A reservation by members who took part in the decision; the default text is
    'till förmån för eget yrkande'."""
    item = paragraph_item(meeting, item)
    reservation = checked_reservation(meeting, item, names, text)
    item.reservations.append(reservation)
    return reservation


def checked_reservation(meeting: Meeting, item: AgendaItem, names: list[str],
                        text: str = "") -> Reservation:
    """The reservation as it may be recorded (not yet recorded)."""
    item = paragraph_item(meeting, item)
    chosen: list[str] = []
    for name in names:
        if name.strip():
            person = serving_person(meeting, item, name, "reservera sig")
            if person.name not in chosen:
                chosen.append(person.name)
    if not chosen:
        raise ProtocolInputError("Välj vem eller vilka som reserverar sig.")
    return Reservation(chosen, " ".join(text.split()) or DEFAULT_RESERVATION_TEXT)


def checked_protocol_note(meeting: Meeting, by: str, text: str) -> ProtocolNote:
    """The protokollsanteckning as it may be recorded (not yet recorded)."""
    if not by.strip():
        raise ProtocolInputError("Skriv vem som lämnar protokollsanteckningen.")
    person = _person(meeting, by)
    if not text.strip():
        raise ProtocolInputError("Skriv protokollsanteckningens text.")
    return ProtocolNote(person.name, text.strip())


def add_protocol_note(meeting: Meeting, item: AgendaItem, by: str, text: str) -> ProtocolNote:
    item = paragraph_item(meeting, item)
    note = checked_protocol_note(meeting, by, text)
    item.protocol_notes.append(note)
    return note


def remove_reservation(meeting: Meeting, item: AgendaItem, index: int) -> Reservation:
    item = paragraph_item(meeting, item)
    if not 0 <= index < len(item.reservations):
        raise ProtocolInputError("Den reservationen finns inte.")
    return item.reservations.pop(index)


def remove_protocol_note(meeting: Meeting, item: AgendaItem, index: int) -> ProtocolNote:
    item = paragraph_item(meeting, item)
    if not 0 <= index < len(item.protocol_notes):
        raise ProtocolInputError("Den protokollsanteckningen finns inte.")
    return item.protocol_notes.pop(index)


# -- jäv and ersättare ------------------------------------------------------------------


def free_deputies(meeting: Meeting, item: AgendaItem) -> list[str]:
    """Ersättare present in the § who do not serve in it: who can step in."""
    from .presence_ties import present_in

    item = paragraph_item(meeting, item)
    state = serving(meeting, item)
    return [p.name for p in meeting.participants
            if p.group == DEPUTY and p.name not in state.replacing
            and not any(same_name(p.name, c) for c in item.conflicts)
            and present_in(meeting, p, item)]


def record_conflict(meeting: Meeting, item: AgendaItem, name: str,
                    substitute: str = "") -> Substitution | None:
    """Jäv: `name` takes no part in the §; an ersättare may serve in that seat instead."""
    item = paragraph_item(meeting, item)
    if not name.strip():
        raise ProtocolInputError("Skriv vem som anmäler jäv.")
    person = _person(meeting, name)
    before = serving(meeting, item)
    seat = before.replacing.get(person.name, person.name if person.group == MEMBER else "")
    if substitute.strip():
        deputy = _person(meeting, substitute)
        if deputy.name not in free_deputies(meeting, item) or deputy.name == person.name:
            raise ProtocolInputError(
                f"{deputy.name} är ingen närvarande ersättare som kan tjänstgöra i paragrafen.")
        if not seat:
            raise ProtocolInputError(
                f"{person.name} tjänstgör inte som ledamot: ingen ersättare behövs.")

    def change() -> None:
        if not any(same_name(person.name, c) for c in item.conflicts):
            item.conflicts.append(person.name)
        for vote in item.votes:  # who takes no part casts no vote
            vote.ballots.pop(person.name, None)

    keeping_drafts(meeting, item, change)
    if not substitute.strip():
        return None
    substitution = Substitution(deputy.name, seat)
    item.substitutions = [s for s in item.substitutions if not same_name(s.for_, seat)]
    item.substitutions.append(substitution)
    return substitution


def remove_conflict(meeting: Meeting, item: AgendaItem, name: str) -> None:
    """Take a jäv back; the ersättare who stepped in for it no longer serves."""
    item = paragraph_item(meeting, item)
    from .presence_ties import substitute_at

    person = _person(meeting, name)
    seat = substitute_at(meeting, person, item.id) if person.group == DEPUTY else person.name
    item.conflicts = [c for c in item.conflicts if not same_name(c, person.name)]
    item.substitutions = [s for s in item.substitutions if not same_name(s.for_, seat)]


def set_substitute(meeting: Meeting, deputy_name: str, member_name: str,
                   item: AgendaItem | None = None) -> list[str]:
    """A tjänstgörande ersättare: `deputy_name` serves for `member_name` ('' = no longer
    serves) from the § of `item` on (without one, or in the first §: the whole meeting).
    Another ersättare who served for that member stops from there; their names are
    returned so the dialog can say so."""
    from .presence_ties import change_substitute, substitute_at

    item_id = item.id if item is not None else None
    deputy = _person(meeting, deputy_name)
    if deputy.group != DEPUTY:
        raise ProtocolInputError(f"{deputy.name} är inte ersättare.")
    if not member_name.strip():
        change_substitute(meeting, deputy, "", item_id)
        return []
    member = _person(meeting, member_name)
    if member.group != MEMBER:
        raise ProtocolInputError(f"{member.name} är inte ledamot.")
    ended = []
    for other in meeting.participants:
        if other is not deputy and other.group == DEPUTY and same_name(
                substitute_at(meeting, other, item_id), member.name):
            change_substitute(meeting, other, "", item_id)
            ended.append(other.name)
    change_substitute(meeting, deputy, member.name, item_id)
    return ended


def toggle_adjusted_immediately(meeting: Meeting, item: AgendaItem) -> bool:
    """'Paragrafen justeras omedelbart' on or off; True when it now is."""
    item = paragraph_item(meeting, item)
    item.adjusted_immediately = not item.adjusted_immediately
    return item.adjusted_immediately
