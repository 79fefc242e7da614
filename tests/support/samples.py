"""Sample data shared by several test modules: the JSON example, a meeting using every
field with its expected minutes lines, standing-item wordings, a stored series."""

from __future__ import annotations

from store import Action, AgendaItem, Decision, Meeting, MeetingStore, Participant
from store.demo import demo_meeting
from tests.support.live import NOW, council_meeting


def sample_store() -> tuple[MeetingStore, str]:
    store = MeetingStore.in_memory()
    store.add(demo_meeting(on=NOW.date().replace(month=3)))
    older = council_meeting(start="13:00")
    older.date = "2031-03-05"
    store.add(older)
    meeting = council_meeting(start="13:00")
    item = meeting.items[1]
    item.notes = "Byarna väntar på besked.\n- Sörbyn först\n- Västanå i höst"
    item.decisions.append(Decision("Kansliet ger en lägesrapport i maj."))
    item.actions.append(Action("Kontakta operatören", owner="Vera Holmqvist",
                               due="2031-04-16"))
    meeting.items[0].status = "done"
    meeting.items[0].started_at = "2031-04-02T13:00:00"
    item.started_at = "2031-04-02T13:02:30"
    meeting_id = store.add(meeting)
    return store, meeting_id


def stored_series(store: MeetingStore) -> tuple[str, str, str]:
    original = Meeting(
        title="Styrgruppen", date="2031-02-12",
        participants=[Participant("Greta Holm"), Participant("Arvid Ek")],
        items=[
            AgendaItem("Budget", decisions=[Decision("Budgeten antas")],
                       actions=[Action("Begär offert"), Action("Ring leverantören")],
                       items=[AgendaItem("Lokaler", actions=[Action("Boka sal")])]),
            AgendaItem("Övrigt", actions=[Action("Skicka protokollet")]),
        ],
    )
    other = Meeting(title="Skolrådet", date="2031-03-01",
                    items=[AgendaItem("Skolgården", actions=[Action("Laga gungan")])])
    original_id = store.add(original)
    other_id = store.add(other)
    first = store.load(original_id).items[0].actions[0]
    follow_up = Meeting(title="Styrgruppen", date="2031-03-12", items=[
        AgendaItem("Föregående möte", actions=[Action(first.text, follows=first.id)]),
    ])
    follow_up_id = store.add(follow_up)
    return original_id, other_id, follow_up_id


def all_actions(data: dict) -> list[dict]:
    out, stack = [], list(data["items"])
    while stack:
        item = stack.pop()
        out += item.get("actions", [])
        stack += item.get("items", [])
    return out


WORDINGS = {
    "opening": ["Mötet öppnas", "Mötets öppnande", "Öppnande", "Mötets öppning",
                "Öppning av mötet", "Sammanträdet öppnas", "Ordföranden öppnar mötet",
                "Välkommen", "Upprop", "Fråga om mötets behöriga utlysande"],
    "election": ["Val av justerare", "Val av protokolljusterare", "Val av två justerare",
                 "Val av ordförande och sekreterare", "Val av mötesordförande",
                 "Val av ordförande, sekreterare och justerare",
                 "Val av justerare att jämte ordföranden justera protokollet",
                 "Val av justeringsperson", "Val av sekreterare för mötet"],
    "agenda": ["Godkännande av dagordning", "Godkännande av dagordningen",
               "Fastställande av dagordningen", "Dagordningen godkänns",
               "Fastställande av föredragningslistan", "Dagordning"],
    "previous_minutes": ["Föregående protokoll", "Föregående mötes protokoll",
                         "Föregående mötesprotokoll", "Föregående mötesanteckningar",
                         "Föregående minnesanteckningar", "Föregående mötes anteckningar",
                         "Föregående mötes minnesanteckningar", "Förra mötets protokoll",
                         "Protokoll från föregående möte",
                         "Genomgång av föregående mötes protokoll",
                         "Uppföljning av föregående mötesanteckningar",
                         "Föregående protokoll/mötesanteckningar"],
    "other_business": ["Övriga frågor", "Övrigt", "Övriga ärenden",
                       "Anmälan av övriga frågor"],
    "next_meeting": ["Nästa möte", "Nästa sammanträde", "Datum för nästa möte",
                     "Tid och plats för nästa möte", "Kommande möten"],
    "closing": ["Mötet avslutas", "Mötets avslutande", "Avslutande", "Avslutning",
                "Mötets avslutning", "Sammanträdet avslutas", "Ordföranden avslutar mötet"],
}


CORPUS = [(kind, title) for kind, titles in WORDINGS.items() for title in titles]


def full_meeting() -> Meeting:
    """A meeting that uses every field of the format (all names invented)."""
    return Meeting(
        title="Förvaltningsledningsmöte, Norrbyn",
        date="2031-03-14",
        start="09:00",
        end="11:45",
        place="Kommunhuset, sal Björken",
        participants=[
            Participant("Sigrid Falk", role="Ordförande", decision_maker=True),
            Participant("Olle Strand", decision_maker=True),
            Participant("Hanna Vik", role="Sekreterare"),
            Participant("Per Åkesson", present_from="10:15", present_to="11:00"),
            Participant("Greta Nyström", role="Organisatör", present_from="09:30"),
            Participant("Ture Backlund", present_to="10:30"),
            Participant("Maja Lund", decision_maker=True, absent=True),
            Participant("Ivar Holm", absent=True),
        ],
        items=[
            AgendaItem(
                "Mötets öppnande",
                description="Ordföranden hälsar välkommen.",
                notes="Dagordningen godkänns utan ändringar.",
                decisions=[Decision("Dagordningen fastställs.")],
            ),
            AgendaItem(
                "Ekonomisk rapport",
                presenter="Olle Strand, Greta Nyström",
                time="09:40",
                description="Rapport per **februari**.",
                background=(
                    "Ekonomienheten har sammanställt utfallet.\n\n"
                    "- Skolskjutsar\n- Snöröjning"
                ),
                proposal="Rapporten noteras.\nEkonomienheten återkommer i maj.",
                notes="Snöröjningen har kostat *mer än väntat*.\r\nPrognosen justeras.",
                actions=[
                    Action("Ta fram ny prognos", due="2031-04-01", owner="Greta Nyström"),
                    Action("Informera nämnden", done=True, done_date="2031-03-20"),
                ],
                decisions=[
                    Decision("Rapporten noteras."),
                    Decision("Ekonomienheten får i uppdrag att\n- se över snöröjningsavtalet"),
                ],
                attachments=["Utfall februari.pdf", "Prognos 2031.xlsx"],
                items=[
                    AgendaItem(
                        "Investeringar",
                        time="10:00",
                        notes="Inga avvikelser.",
                        items=[
                            AgendaItem(
                                "Förskolan Tallbacken",
                                presenter="Per Åkesson",
                                notes="Bygget följer tidplanen.",
                                actions=[Action("Boka slutbesiktning", due="2031-05-20")],
                                items=[AgendaItem("Etapp två", description="Startar i höst.")],
                            )
                        ],
                    ),
                    AgendaItem(
                        "Lönerevision",
                        proposal="Lönerevisionen genomförs enligt plan.",
                        actions=[Action("Meddela facken", owner="Sigrid Falk")],
                    ),
                ],
            ),
            AgendaItem("Övriga frågor"),
        ],
    )


EXPECTED_LINES = [
    "Förvaltningsledningsmöte, Norrbyn",
    "2031-03-14 09:00 - 11:45",
    "Beslutande Sigrid Falk, Olle Strand",
    "Sekreterare: Hanna Vik",
    "Plats",
    "Kommunhuset, sal Björken",
    "Deltagare",
    "Sigrid Falk (Ordförande), Olle Strand, Hanna Vik (Sekreterare), "
    "Per Åkesson 10:15-11:00, Greta Nyström (Organisatör) från 09:30, "
    "Ture Backlund till 10:30",
    "Frånvarande",
    "Maja Lund, Ivar Holm",
    "1. Mötets öppnande",
    "Ordföranden hälsar välkommen.",
    "Anteckningar",
    "Dagordningen godkänns utan ändringar.",
    "Beslut",
    "Dagordningen fastställs.",
    "2. Ekonomisk rapport",
    "Föredragande: Olle Strand, Greta Nyström Tid: 09:40",
    "Rapport per februari.",
    "Ärendebeskrivning",
    "Ekonomienheten har sammanställt utfallet.",
    "Skolskjutsar",
    "Snöröjning",
    "Förslag till beslut: Rapporten noteras.",
    "Ekonomienheten återkommer i maj.",
    "Anteckningar",
    "Snöröjningen har kostat mer än väntat.",
    "Prognosen justeras.",
    "Åtgärder",
    "Ta fram ny prognos",
    "2031-04-01",
    "Greta Nyström",
    "Informera nämnden",
    "Ej angivet",
    "Ej angivet",
    "Beslut",
    "Rapporten noteras.",
    "Ekonomienheten får i uppdrag att",
    "se över snöröjningsavtalet",
    "Bilagor",
    "Utfall februari.pdf, Prognos 2031.xlsx",
    "2.1. Investeringar",
    "Tid: 10:00",
    "Anteckningar",
    "Inga avvikelser.",
    "2.1.1. Förskolan Tallbacken",
    "Föredragande: Per Åkesson",
    "Anteckningar",
    "Bygget följer tidplanen.",
    "Åtgärder",
    "Boka slutbesiktning",
    "2031-05-20",
    "Ej angivet",
    "2.1.1.1. Etapp två",
    "Startar i höst.",
    "2.2. Lönerevision",
    "Förslag till beslut: Lönerevisionen genomförs enligt plan.",
    "Åtgärder",
    "Meddela facken",
    "Ej angivet",
    "Sigrid Falk",
    "3. Övriga frågor",
]


EXAMPLE = {
    "format": "motesbok-meeting/1",
    "title": "Kommunchefsmöte",
    "date": "2031-02-12",
    "start": "13:00",
    "end": "15:30",
    "place": "Stadshuset, sal 2",
    "participants": [
        {"name": "Hedda Norell", "role": "Organisatör"},
        {"name": "Arvid Sand", "decision_maker": True},
        {"name": "Maja Torp", "present_from": "14:30", "present_to": "15:15"},
        {"name": "Nils Vret", "absent": True},
    ],
    "items": [
        {
            "title": "Budgetuppföljning",
            "presenter": "Arvid Sand",
            "time": "14:00",
            "description": "Uppföljning per april.",
            "background": "Kansliet redovisar utfallet.\n- Personal\n- Lokaler",
            "proposal": "Informationen noteras.",
            "notes": "Utfallet följer budget.",
            "actions": [
                {"text": "Skicka underlaget till kommunerna", "due": "2031-02-20",
                 "owner": "Hedda Norell"},
                {"text": "Ta fram prognos", "due": None, "owner": None},
            ],
            "decisions": ["Informationen noteras."],
            "attachments": ["Budget april.pdf"],
            "items": [],
        }
    ],
}


def contains(big, small, path="") -> None:
    """Every key and value of `small` is in `big` (extra keys in `big` are fine)."""
    if isinstance(small, dict):
        assert isinstance(big, dict), path
        for key, value in small.items():
            assert key in big, f"{path}.{key} missing"
            contains(big[key], value, f"{path}.{key}")
    elif isinstance(small, list):
        assert isinstance(big, list) and len(big) == len(small), path
        for i, (b, s) in enumerate(zip(big, small)):
            contains(b, s, f"{path}[{i}]")
    else:
        assert big == small, f"{path}: {big!r} != {small!r}"
