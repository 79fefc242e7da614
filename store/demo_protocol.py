"""A made-up protocol meeting for `demo --protokoll`: a nämnd's roster and five ärenden,
planned for today and not yet held, so the secretary can try protocol mode (all names and
cases are invented)."""

from __future__ import annotations

from datetime import date as Date

from .domain.model import AgendaItem, Meeting, Participant
from .domain.protocol import Adjustment, Posting
from .domain.roster_line import parse_roster_line

BODY = "Kultur- och fritidsnämnden"
#: The title says "exempel" so that the demo is never taken for a real meeting of a body
#: with this common name (cli finds the demo by its title).
TITLE = f"{BODY} (exempel)"

#: The roster as the secretary types it in setup (store/domain/roster_line.py).
ROSTER = [
    "Hanna Vik (S), ledamot, ordförande",
    "Tord Almén (M), ledamot, vice ordförande",
    "Leila Sund (S), ledamot",
    "Gustav Ros (C), ledamot",
    "Maja Strand (V), ledamot, distans",
    "Elias Berglöf (KD), ledamot",
    "Nora Ek (SD), ledamot, frånvarande",
    "Vera Holmgren (S), ersättare",
    "Anton Lid (M), ersättare, ersätter Nora Ek",
    "Linnea Fors, tjänsteperson, Nämndsekreterare",
    "Rasmus Kvist, tjänsteperson, Förvaltningschef",
]


def _roster() -> list[Participant]:
    people = []
    for line in ROSTER:
        person = Participant("")
        parse_roster_line(line).apply_to(person)
        people.append(person)
    return people


def _case(n: int, title: str, section: str, proposal: str, background: str) -> AgendaItem:
    return AgendaItem(
        title,
        section=section,
        case_number=f"{n}/{Date.today():%y}",
        registration_number=f"KFN-{Date.today():%Y}/{n + 30:05d}",
        background=background,
        proposal=proposal,
        basis=[f"Tjänsteskrivelse, ärende {n}"],
        send_to=["Kultur- och fritidsförvaltningen"],
    )


def demo_protocol(on: Date | None = None) -> Meeting:
    day = (on or Date.today()).isoformat()
    meeting = Meeting(
        TITLE,
        day,
        start="13:00",
        end="16:00",
        place="Kulturhuset, sal Näckrosen",
        series=BODY,
        participants=_roster(),
        kind="protokoll",
        body=BODY,
        first_paragraph=61,
        adjusters=["Tord Almén"],
        adjustment=Adjustment(place="Kulturhuset"),
        posting=Posting(archive="Kultur- och fritidsförvaltningens kansli"),
    )
    meeting.items = [
        _case(1, "Val av justerare", "Formalia", "att utse Tord Almén att justera protokollet",
              "Nämnden utser en justerare vid varje sammanträde."),
        _case(2, "Föreningsbidrag för nästa år", "Beslutsärenden",
              "att fastställa fördelningen av föreningsbidrag enligt bilaga\n"
              "att uppdra åt förvaltningen att följa upp bidragen",
              "Tjugotvå föreningar har sökt bidrag; förvaltningen föreslår en fördelning."),
        _case(3, "Öppettider på biblioteken", "Beslutsärenden",
              "att bibliotekens öppettider utökas med lördagar",
              "Besöksstatistiken visar en efterfrågan på helgöppet."),
        _case(4, "Medborgarförslag om en skatepark", "Beslutsärenden",
              "att medborgarförslaget bifalls",
              "Förslagsställaren vill ha en skatepark vid idrottsplatsen."),
        _case(5, "Förvaltningschefen informerar", "Information",
              "att informationen noteras",
              "Aktuella frågor från förvaltningen."),
    ]
    return meeting
