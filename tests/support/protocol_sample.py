"""A protocol meeting of our own with every part PROTOCOL.md names: a body, a roster with
parties, groups, chair, an ersättare serving for an absent member and one on distance,
and §§ with yrkanden, a vote, reservations, notes, jäv and a substitution.

Names and the body are invented for the tests; shared by unit, functional and bench code.
"""

from __future__ import annotations

from datetime import date, timedelta

from store import AgendaItem, Decision, Meeting, Participant
from store.domain.protocol import (
    Adjustment,
    Motion,
    Posting,
    ProtocolNote,
    Reservation,
    Substitution,
    Vote,
)

BODY = "Tekniska nämndens arbetsutskott"

ROSTER = [
    ("Mira Holm", "S", "ledamot", "ordförande"),
    ("Olle Berg", "M", "ledamot", "vice ordförande"),
    ("Siri Dahl", "S", "ledamot", ""),
    ("Pär Nyqvist", "C", "ledamot", ""),
    ("Lina Falk", "V", "ledamot", ""),
    ("Jon Ström", "L", "ledamot", ""),
    ("Edit Lund", "SD", "ledamot", ""),
    ("Rut Sjö", "S", "ersättare", ""),
    ("Kim Vall", "M", "ersättare", ""),
]


def roster() -> list[Participant]:
    people = [
        Participant(name, party=party, group=group, chair=chair, decision_maker=group == "ledamot")
        for name, party, group, chair in ROSTER
    ]
    by_name = {p.name: p for p in people}
    by_name["Edit Lund"].absent = True
    by_name["Kim Vall"].substitute_for = "Edit Lund"
    by_name["Lina Falk"].remote = True
    people.append(Participant("Agnes Wik", role="Sekreterare", group="tjänsteperson"))
    people.append(Participant("Bo Tall", role="Förvaltningschef", group="tjänsteperson"))
    return people


def protocol_meeting(paragraphs: int = 3) -> Meeting:
    meeting = Meeting(
        "Tekniska nämndens arbetsutskott",
        "2031-03-11",
        start="13:15",
        end="15:40",
        place="Stadshuset, sal Ljusnan",
        participants=roster(),
        kind="protokoll",
        body=BODY,
        first_paragraph=41,
        adjusters=["Olle Berg"],
        adjustment=Adjustment(place="Stadshuset", date="2031-03-14", time="10:00"),
        posting=Posting(archive="Tekniska förvaltningens kansli"),
    )
    for n in range(paragraphs):
        meeting.items.append(_paragraph(n))
    first = meeting.items[0]
    first.motions = [
        Motion("Mira Holm", "bifall"),
        Motion("Olle Berg", "ändring", "att beloppet sänks till 200 000 kronor"),
    ]
    first.procedure = ""
    first.votes = [Vote(
        question="Ja för förslaget, nej för Olle Bergs ändringsyrkande",
        ballots={"Mira Holm": "ja", "Siri Dahl": "ja", "Pär Nyqvist": "ja", "Lina Falk": "ja",
                 "Olle Berg": "nej", "Jon Ström": "nej", "Kim Vall": "nej"},
    )]
    first.reservations = [Reservation(["Olle Berg", "Kim Vall"])]
    first.protocol_notes = [ProtocolNote("Jon Ström", "Liberalerna vill se en uppföljning.")]
    if paragraphs > 1:
        second = meeting.items[1]
        second.conflicts = ["Pär Nyqvist"]
        second.substitutions = [Substitution("Rut Sjö", "Pär Nyqvist")]
        second.adjusted_immediately = True
        second.motions = [Motion("Siri Dahl", "återremiss")]
    return meeting


def _paragraph(n: int) -> AgendaItem:
    return AgendaItem(
        f"Gång- och cykelväg etapp {n + 1}",
        section="Beslutsärenden",
        case_number=f"{12 + n}/31",
        registration_number=f"TN-2031/{n + 7:05d}",
        background="Förvaltningen har tagit fram ett förslag efter samråd med berörda.",
        proposal="att godkänna förslaget\natt uppdra åt förvaltningen att genomföra det",
        decisions=[Decision("att godkänna förslaget"),
                   Decision("att uppdra åt förvaltningen att genomföra det")],
        basis=["Tjänsteskrivelse 2031-02-20", "Karta, bilaga 1"],
        send_to=["Tekniska förvaltningen", "Ekonomienheten"],
    )


#: Who serves in the sample's first §, in roster order (Kim Vall for the absent Edit Lund).
SERVING = ["Mira Holm", "Olle Berg", "Siri Dahl", "Pär Nyqvist", "Lina Falk", "Jon Ström",
           "Kim Vall"]


def empty_first_paragraph() -> tuple[Meeting, AgendaItem]:
    """The sample with its first § empty of yrkanden, vote and the rest."""
    meeting = protocol_meeting()
    item = meeting.items[0]
    item.motions, item.votes, item.reservations, item.protocol_notes = [], [], [], []
    item.decisions, item.procedure = [], ""
    return meeting, item


def cast_ballots(meeting: Meeting, item: AgendaItem, ballots: str) -> None:
    """One letter per serving member in SERVING order: j, n, a or '-' (no ballot)."""
    from store.domain import protocol_voting

    letters = {"j": "ja", "n": "nej", "a": "avstår"}
    for name, letter in zip(SERVING, ballots):
        if letter in letters:
            protocol_voting.set_ballot(meeting, item, name, letters[letter])


def law_deadline(adjusted: date) -> date:
    """The oracle for the anslag's deadline: the second day after the justering, a
    weekend or holiday deadline moved to the next working day."""
    from store.domain.adjustment import swedish_holidays

    deadline = adjusted + timedelta(days=2)
    while deadline.weekday() >= 5 or deadline in swedish_holidays(deadline.year):
        deadline += timedelta(days=1)
    return deadline
