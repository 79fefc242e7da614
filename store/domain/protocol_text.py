"""The sentences a protocol is written in, drafted from the model: yrkanden, beslutsgång,
the vote's result, reservations, jäv. One place for the wording, shared by the live
dialogs (drafts the secretary may edit), the preview and the DOCX.
"""

from __future__ import annotations

import re

from .model import AgendaItem, Meeting
from .protocol import (
    BALLOT_ABSTAIN,
    BALLOT_NO,
    BALLOT_YES,
    DEPUTY,
    Motion,
    ProtocolNote,
    Reservation,
    Vote,
)
from .text import enumeration

# The head noun of a body's name -> how the protocol refers to it ("utskottet beslutar").
_DEFINITE = (
    ("utskottet", "utskottet"), ("utskott", "utskottet"),
    ("nämnden", "nämnden"), ("nämnd", "nämnden"),
    ("styrelsen", "styrelsen"), ("styrelse", "styrelsen"),
    ("fullmäktige", "fullmäktige"),
    ("beredningen", "beredningen"), ("beredning", "beredningen"),
    ("rådet", "rådet"), ("råd", "rådet"),
    ("gruppen", "gruppen"), ("grupp", "gruppen"),
)
_ATT = re.compile(r"^\s*att\b", re.IGNORECASE)


def body_short(meeting: Meeting) -> str:
    """'utskottet' for 'Tekniska nämndens arbetsutskott'; the name itself otherwise."""
    last = (meeting.body or meeting.title).strip().split(" ")[-1].casefold()
    for ending, word in _DEFINITE:
        if last.endswith(ending):
            return word
    return meeting.body or "mötet"


def decision_lead(meeting: Meeting, item: AgendaItem) -> str:
    """The sentence before the att-satser; default '{body} beslutar'."""
    if item.decision_lead.strip():
        return item.decision_lead.strip()
    return f"{meeting.body.strip() or body_short(meeting).capitalize()} beslutar"


def att_clauses(proposal: str) -> list[str]:
    """The att-satser of a Förslag till beslut, one each; a line not starting with 'att'
    continues the one before (a mötesbok wraps long satser)."""
    clauses: list[str] = []
    for raw in proposal.splitlines():
        line = raw.strip()
        if not line:
            continue
        if clauses and not _ATT.match(line) and _ATT.match(clauses[-1]):
            clauses[-1] = f"{clauses[-1]} {line}"
        else:
            clauses.append(line)
    return clauses


def _person(meeting: Meeting, name: str) -> str:
    participant = meeting.find_participant(name)
    return participant.name_with_party() if participant else name


def names_text(meeting: Meeting, names: list[str]) -> str:
    """'A (S)', 'A (S) och B (M)', 'A (S), B (M) och C (C)'."""
    return enumeration([_person(meeting, n) for n in names])


def genitive(name: str) -> str:
    """'Olle Bergs', 'Lars' (a name ending in s, x or z takes no s)."""
    return name if name[-1:].casefold() in "sxz" else f"{name}s"


def motion_sentence(meeting: Meeting, motion: Motion) -> str:
    """'Olle Berg (M) yrkar avslag på förslaget.', and who instämmer after it."""
    sentence = _motion_only(meeting, motion)
    if motion.supporters:
        sentence += f" {names_text(meeting, motion.supporters)} instämmer."
    return sentence


def _motion_only(meeting: Meeting, motion: Motion) -> str:
    who = _person(meeting, motion.by)
    text = motion.text.strip().rstrip(".")
    return {
        "bifall": f"{who} yrkar bifall till förslaget.",
        "avslag": f"{who} yrkar avslag på förslaget.",
        "återremiss": f"{who} yrkar att ärendet återremitteras"
                      + (f" med motiveringen {text}." if text else "."),
        "ändring": f"{who} yrkar ändring av förslaget: {text}.",
        "tillägg": f"{who} yrkar tillägg till förslaget: {text}.",
    }.get(motion.kind, f"{who} yrkar {text}." if text else f"{who} yrkar.")


def motion_name(meeting: Meeting, motion: Motion) -> str:
    """'Olle Bergs (M) ändringsyrkande': how the beslutsgång names a yrkande."""
    participant = meeting.find_participant(motion.by)
    name = genitive(participant.name if participant else motion.by)
    party = f" ({participant.party})" if participant and participant.party else ""
    noun = {
        "avslag": "avslagsyrkande",
        "återremiss": "återremissyrkande",
        "ändring": "ändringsyrkande",
        "tillägg": "tilläggsyrkande",
    }.get(motion.kind, "yrkande")
    return f"{name}{party} {noun}"


def contested(item: AgendaItem) -> list[Motion]:
    """The yrkanden put against the proposal (bifall supports it; tillägg are put apart)."""
    return [m for m in item.motions if m.kind not in ("bifall", "tillägg")]


def outcome_words(meeting: Meeting, winner: Motion | None) -> str:
    """How a sentence ends for the proposition that won: 'enligt förslaget', 'enligt
    Olle Bergs (M) ändringsyrkande', or 'att avslå förslaget' for an avslag nobody moved
    (a yrkande without a mover: the nej side of a vote on the proposal alone)."""
    if winner is None:
        return "enligt förslaget"
    if not winner.by:
        return "att avslå förslaget"
    return f"enligt {motion_name(meeting, winner)}"


def proposition_name(meeting: Meeting, side: Motion | None) -> str:
    """'förslaget', 'avslag' or 'Olle Bergs (M) ändringsyrkande': a side of a vote."""
    if side is None:
        return "förslaget"
    return motion_name(meeting, side) if side.by else "avslag"


#: The proposition an återremissyrkande is put against: the ärende decided today.
DECIDE_TODAY = "att avgöra ärendet i dag"


def vote_result_draft(meeting: Meeting, vote: Vote, yes_means: str = "enligt förslaget",
                      no_means: str = "enligt nej-sidans yrkande") -> str:
    """'Med 4 ja-röster mot 3 nej-röster beslutar utskottet enligt förslaget.'; a tie says
    so until the secretary records the side of the chair's casting vote (vote.casting)."""
    tally = vote.tally()
    yes, no, abstain = tally[BALLOT_YES], tally[BALLOT_NO], tally[BALLOT_ABSTAIN]
    abstained = f" {abstain} avstår." if abstain else ""
    if yes == no and vote.casting in (BALLOT_YES, BALLOT_NO):
        outcome = yes_means if vote.casting == BALLOT_YES else no_means
        return (f"Med {yes} ja-röster mot {no} nej-röster och ordförandens utslagsröst för "
                f"{vote.casting} beslutar {body_short(meeting)} {outcome}.{abstained}")
    if yes == no:
        return (f"Omröstningen ger {yes} ja-röster och {no} nej-röster, lika röstetal; "
                f"ordförandens utslagsröst avgör.{abstained}")
    outcome = yes_means if yes > no else no_means
    winner_count, loser_count = (yes, no) if yes > no else (no, yes)
    first, second = ("ja", "nej") if yes > no else ("nej", "ja")
    return (f"Med {winner_count} {first}-röster mot {loser_count} {second}-röster beslutar "
            f"{body_short(meeting)} {outcome}.{abstained}")


def reservation_sentence(meeting: Meeting, reservation: Reservation) -> str:
    text = reservation.text.strip().rstrip(".")
    return f"{names_text(meeting, reservation.by)} reserverar sig {text}."


def conflict_sentence(meeting: Meeting, name: str) -> str:
    return f"{_person(meeting, name)} anmäler jäv och deltar inte i handläggningen."


def conflict_substitute_sentence(meeting: Meeting, item: AgendaItem, name: str) -> str:
    """'Rut Sjö (S) tjänstgör i stället för Pär Nyqvist (C).' when an ersättare took the
    seat of `name` (jäv) in this §, else ''. The seat is the member's own, or for an
    ersättare with jäv the member they serve for here."""
    from .presence_ties import substitute_at  # only when a jäv is printed

    person = meeting.find_participant(name)
    seats = {name.strip().casefold()}
    if person is not None and person.group == DEPUTY:
        seats.add(substitute_at(meeting, person, item.id).strip().casefold())
    seats.discard("")
    for substitution in item.substitutions:
        if substitution.for_.strip().casefold() in seats and substitution.by.strip():
            return (f"{_person(meeting, substitution.by)} tjänstgör i stället för "
                    f"{_person(meeting, name)}.")
    return ""


def conflict_sentences(meeting: Meeting, item: AgendaItem) -> list[str]:
    """The § 's Jäv part: each jäv and, after it, who served in that seat instead."""
    lines = []
    for name in item.conflicts:
        if name.strip():
            lines.append(conflict_sentence(meeting, name))
            lines.append(conflict_substitute_sentence(meeting, item, name))
    return [line for line in lines if line]


def protocol_note_sentence(meeting: Meeting, note: ProtocolNote) -> str:
    return f"{_person(meeting, note.by)} lämnar en protokollsanteckning: {note.text.strip()}"


ADJUSTED_IMMEDIATELY = "Paragrafen justeras omedelbart."


def substitute_text(meeting: Meeting, deputy: str, member: str) -> str:
    """'Kim Vall (M) ersätter Edit Lund (SD)': a tjänstgörande ersättare on the front page."""
    return f"{_person(meeting, deputy)} ersätter {_person(meeting, member)}"


#: The head of the ANSLAG/BEVIS box on the protocol's front page.
POSTING_CERTIFICATE = "Protokollet är justerat. Justeringen har tillkännagivits genom anslag."
