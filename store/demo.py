"""A made-up sample meeting for the demo and for tests (all names are invented)."""

from __future__ import annotations

from datetime import date as Date

from .domain.model import Action, AgendaItem, Decision, Meeting, Participant


def demo_meeting(on: Date | None = None) -> Meeting:
    day = (on or Date.today()).isoformat()
    return Meeting(
        title="Kommunchefsmöte, Älvdalsregionen",
        date=day,
        start="09:00",
        end="12:00",
        place="Distansmöte via länk",
        series="Kommunchefsmöte, Älvdalsregionen",
        participants=[
            Participant("Sofia Lundgren", role="Ordförande", decision_maker=True),
            Participant("Olle Bergkvist", role="Sekreterare"),
            Participant("Märta Öhman", decision_maker=True),
            Participant("Kalle Åberg", decision_maker=True, present_from="10:15"),
            Participant("Ingrid Sjöholm", role="Organisatör"),
            Participant("Petter Nyqvist", absent=True),
        ],
        items=[
            AgendaItem(
                "Mötet öppnas",
                description="Ordföranden hälsar välkommen och frågar efter övriga frågor.",
                standing=True,
            ),
            AgendaItem(
                "Föregående mötesanteckningar",
                description="Genomgång av anteckningarna från förra mötet.",
                standing=True,
            ),
            AgendaItem(
                "Gemensam upphandling av skolskjuts",
                presenter="Märta Öhman",
                time="09:20",
                background=(
                    "Tre av kommunerna har avtal som löper ut nästa höst.\n"
                    "- Avtalen skiljer sig åt i pris och villkor\n"
                    "- En gemensam upphandling kan ge *bättre* villkor"
                ),
                proposal="Kansliet får i uppdrag att utreda en gemensam upphandling.",
                attachments=["Avtalsöversikt skolskjuts.pdf"],
            ),
            AgendaItem(
                "Inför regionrådet",
                description="Se underpunkter.",
                items=[
                    AgendaItem("Budget för nästa år", presenter="Sofia Lundgren"),
                    AgendaItem(
                        "Digital samverkan",
                        presenter="Ingrid Sjöholm",
                        actions=[
                            Action("Sammanställ kommunernas licensavtal", owner="Kansliet"),
                        ],
                        decisions=[Decision("Frågan tas upp på regionrådet i mars.")],
                    ),
                ],
            ),
            AgendaItem("Övriga frågor", standing=True),
            AgendaItem("Nästa möte", standing=True),
            AgendaItem("Mötet avslutas", standing=True),
        ],
    )
