"""The meeting model: numbers from position, tree edits, roster and actions."""

from __future__ import annotations

from datetime import date

from store import Action, AgendaItem, Decision, Meeting, Participant


def _tree() -> Meeting:
    return Meeting(
        title="Styrgruppsmöte",
        date="2031-05-06",
        items=[
            AgendaItem("Öppnande"),
            AgendaItem("Ekonomi", items=[AgendaItem("Prognos"), AgendaItem("Investeringar")]),
            AgendaItem("Avslut"),
        ],
    )


def numbers(meeting: Meeting) -> list[tuple[str, int, str]]:
    return [(n, depth, item.title) for n, depth, item in meeting.walk()]


def test_numbers_come_from_position():
    assert numbers(_tree()) == [
        ("1", 1, "Öppnande"),
        ("2", 1, "Ekonomi"),
        ("2.1", 2, "Prognos"),
        ("2.2", 2, "Investeringar"),
        ("3", 1, "Avslut"),
    ]


def test_moving_an_item_renumbers_everything():
    meeting = _tree()
    avslut = meeting.items[2]
    assert meeting.move_item(avslut.id, -1)
    assert meeting.number_of(avslut.id) == "2"
    assert meeting.number_of(meeting.find_item(avslut.id).id) == "2"
    assert [t for _, _, t in numbers(meeting)][2] == "Ekonomi"
    assert not meeting.move_item(meeting.items[0].id, -1)  # already first


def test_indent_and_outdent_keep_reading_order():
    meeting = _tree()
    prognos, invest = meeting.items[1].items
    assert meeting.outdent_item(prognos.id)
    # The later sibling follows the outdented item as its child.
    assert numbers(meeting)[1:4] == [
        ("2", 1, "Ekonomi"),
        ("3", 1, "Prognos"),
        ("3.1", 2, "Investeringar"),
    ]
    assert meeting.indent_item(prognos.id)
    assert meeting.number_of(prognos.id) == "2.1"
    assert meeting.number_of(invest.id) == "2.1.1"
    assert not meeting.indent_item(meeting.items[0].id)


def test_add_and_remove_items():
    meeting = _tree()
    new = meeting.add_item(AgendaItem("Övrigt"), after=meeting.items[0].id)
    assert meeting.number_of(new.id) == "2"
    child = meeting.add_item(AgendaItem("Lokaler"), parent=new.id)
    assert meeting.number_of(child.id) == "2.1"
    assert meeting.remove_item(new.id) is new
    assert all(item.id != child.id for item in meeting.all_items())


def test_roster_queries():
    meeting = Meeting(
        title="Nämndmöte",
        date="2031-05-06",
        participants=[
            Participant("Åsa Ström", role="Sekreterare"),
            Participant("Örjan Back", decision_maker=True),
            Participant("Ylva Ek", decision_maker=True, absent=True),
            Participant("Lisa Ås", present_from="14:30", present_to="15:15"),
        ],
    )
    assert meeting.secretary().name == "Åsa Ström"
    assert [p.name for p in meeting.decision_makers()] == ["Örjan Back"]
    assert [p.name for p in meeting.absent()] == ["Ylva Ek"]
    assert meeting.find_participant("örjan back").name == "Örjan Back"
    assert meeting.participants[3].presence_text() == "14:30-15:15"
    assert Participant("X", present_from="10:00").presence_text() == "från 10:00"
    assert Participant("X", present_to="11:00").presence_text() == "till 11:00"


def test_actions_open_done_and_overdue():
    item = AgendaItem(
        "Ärende",
        actions=[Action("Boka lokal", due="2031-01-01"), Action("Skriv brev")],
        decisions=[Decision("Godkänt.")],
    )
    meeting = Meeting(title="M", date="2031-05-06", items=[AgendaItem("A", items=[item])])
    assert [(n, a.text) for n, _, a in meeting.actions()] == [
        ("1.1", "Boka lokal"), ("1.1", "Skriv brev"),
    ]
    first = item.actions[0]
    assert first.is_overdue(date(2031, 1, 2))
    assert not first.is_overdue(date(2031, 1, 1))
    first.mark_done(date(2031, 1, 5))
    assert (first.done, first.done_date) == (True, "2031-01-05")
    assert not first.is_overdue(date(2031, 2, 1))
    assert meeting.open_actions() == [item.actions[1]]
    first.reopen()
    assert len(meeting.open_actions()) == 2
    assert meeting.find_action(first.id) == (item, first)


def test_series_defaults_to_the_title():
    assert Meeting(title="Ledningsgrupp", date="2031-01-01").series_name == "Ledningsgrupp"
    assert Meeting(title="X", date="2031-01-01", series="Y").series_name == "Y"


def test_first_open_item_skips_done_and_deferred():
    meeting = _tree()
    meeting.items[0].status = "done"
    meeting.items[1].status = "deferred"
    assert meeting.first_open_item().title == "Prognos"


def test_conventional_standing_titles():
    from store.domain.model import looks_standing

    for title in ("Mötet öppnas", "ÖVRIGA FRÅGOR", "Nästa möte: 12 maj", "Mötet avslutas.",
                  "Föregående mötesanteckningar"):
        assert looks_standing(title), title
    for title in ("Budget", "Nästa mötesplats för styrgruppen", "Övrigt om skolan"):
        assert not looks_standing(title), title
