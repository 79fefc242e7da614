"""'Nytt möte i serien': the next meeting carries roster, standing/deferred items, actions."""

from __future__ import annotations

from datetime import date as Date

from store import Action, AgendaItem, Decision, Meeting, Participant
from store.persistence.action_done import set_action_done
from store.persistence.actions import query_actions
from store.domain.series import PREVIOUS_MINUTES_TITLE
from store.persistence.series import next_meeting_in_series

TODAY = Date(2031, 5, 1)


def series_meeting(day: str, *, extra_items=()) -> Meeting:
    return Meeting(
        title="Ledningsgrupp, Norrbyn",
        date=day,
        start="13:00",
        end="15:00",
        place="Kommunhuset, rum 3",
        participants=[
            Participant("Hedda Nordin", role="Ordförande", decision_maker=True),
            Participant("Arvid Ekström", role="Sekreterare"),
            Participant("Lisa Wiklund", absent=True),
            Participant("Tore Sandberg", present_from="13:30", present_to="14:15"),
        ],
        items=[
            AgendaItem("Mötet öppnas", description="Ordföranden öppnar.", standing=True,
                       notes="Öppnat 13:02.", status="done"),
            *extra_items,
            AgendaItem("Övriga frågor", standing=True, notes="Inga.",
                       decisions=[Decision("Noterades.")], status="done"),
        ],
    )


def test_next_meeting_carries_roster_items_and_all_open_actions(store):
    first = series_meeting("2031-03-01", extra_items=[
        AgendaItem("Bredband", actions=[
            Action("Begär offert", due="2031-04-01", owner="Arvid Ekström"),
            Action("Klar sedan länge", owner="Hedda Nordin", done=True, done_date="2031-03-02"),
        ]),
    ])
    first_id = store.add(first)
    previous = series_meeting("2031-04-01", extra_items=[
        AgendaItem("Skolskjuts", presenter="Lisa Wiklund", time="13:40",
                   background="Avtalet löper ut.", proposal="Utred vidare.",
                   notes="Diskuterades kort.", decisions=[Decision("Bordläggs.")],
                   attachments=["Avtal.pdf"], status="deferred",
                   actions=[Action("Ring leverantören", owner="Tore Sandberg")]),
        AgendaItem("Avklarad punkt", status="done", notes="Klart."),
        AgendaItem("Inför rådet", status="done", items=[
            AgendaItem("Remissvar", status="deferred", description="Svar senast i juni."),
        ]),
    ])
    previous_id = store.add(previous)
    other_series = Meeting("Annat råd", "2031-03-15", items=[
        AgendaItem("X", actions=[Action("Hör inte hit", owner="Hedda Nordin")])])
    store.add(other_series)

    new = next_meeting_in_series(store, store.load(previous_id), "2031-05-06")

    assert (new.title, new.series, new.place, new.start) == (
        "Ledningsgrupp, Norrbyn", "Ledningsgrupp, Norrbyn", "Kommunhuset, rum 3", "13:00")
    assert [p.name for p in new.participants] == [p.name for p in previous.participants]
    assert [p.role for p in new.participants] == [p.role for p in previous.participants]
    assert new.participants[0].decision_maker
    assert not any(p.absent or p.present_from or p.present_to for p in new.participants)
    assert {p.id for p in new.participants}.isdisjoint(p.id for p in previous.participants)

    titles = [(number, item.title) for number, _, item in new.walk()]
    assert titles == [
        ("1", "Mötet öppnas"),
        ("2", PREVIOUS_MINUTES_TITLE),
        ("3", "Skolskjuts"),
        ("4", "Inför rådet"),
        ("4.1", "Remissvar"),
        ("5", "Övriga frågor"),
    ]
    opening = new.items[0]
    assert opening.standing and opening.description == "Ordföranden öppnar."
    assert opening.notes == "" and opening.status == "pending"
    deferred = new.items[2]
    assert deferred.status == "pending" and not deferred.standing
    assert (deferred.presenter, deferred.background, deferred.proposal) == (
        "Lisa Wiklund", "Avtalet löper ut.", "Utred vidare.")
    assert deferred.attachments == ["Avtal.pdf"]
    assert deferred.notes == "" and deferred.decisions == [] and deferred.actions == []
    assert deferred.time is None
    assert new.items[3].items[0].description == "Svar senast i juni."
    assert new.items[4].decisions == [] and new.items[4].notes == ""

    follow_ups = new.items[1].actions
    assert [(a.text, a.owner, a.due) for a in follow_ups] == [
        ("Begär offert", "Arvid Ekström", "2031-04-01"),
        ("Ring leverantören", "Tore Sandberg", None),
    ]
    originals = {row.text: row.action_id for row in query_actions(store, today=TODAY)}
    assert [a.follows for a in follow_ups] == [originals["Begär offert"], originals["Ring leverantören"]]
    assert not any(a.done for a in follow_ups)
    # "Begär offert" was carried although it was decided two meetings back.
    assert store.load(first_id).find_action(follow_ups[0].follows)[1].text == "Begär offert"


def test_ticking_a_follow_up_done_marks_it_done_everywhere(store):
    first_id = store.add(series_meeting("2031-03-01", extra_items=[
        AgendaItem("Bredband", actions=[Action("Begär offert", owner="Arvid Ekström")])]))
    second = next_meeting_in_series(store, store.load(first_id), "2031-04-01")
    second_id = store.add(second)
    # The third meeting follows up the same action again: still one action, one copy.
    third = next_meeting_in_series(store, store.load(second_id), "2031-05-01")
    third_id = store.add(third)
    original_id = store.load(first_id).open_actions()[0].id
    copies = [a for a in third.all_items()[1].actions]
    assert len(copies) == 1 and copies[0].follows == original_id

    # Ticked during the third meeting, which the app has open.
    session = store.open(third_id)
    try:
        copy = session.meeting.items[1].actions[0]
        set_action_done(store, copy.id, True, session=session, today=TODAY)
        assert copy.done and copy.done_date == "2031-05-01"
    finally:
        session.close()
    for mid in (first_id, second_id, third_id):
        actions = [a for _, _, a in store.load(mid).actions()]
        assert actions and all(a.done and a.done_date == "2031-05-01" for a in actions)
    # The minutes where it was decided still show it there.
    assert store.load(first_id).items[1].actions[0].text == "Begär offert"
    assert query_actions(store, today=TODAY) == []
    # Nothing open is left to follow up next time.
    fourth = next_meeting_in_series(store, store.load(third_id), "2031-06-01")
    assert all(not item.actions for item in fourth.all_items())


def test_previous_minutes_item_made_after_opening_when_missing(store):
    prev = Meeting("Råd", "2031-01-01", items=[
        AgendaItem("Mötet öppnas", standing=True),
        AgendaItem("Sak", actions=[Action("Gör något")]),
        AgendaItem("Mötet avslutas", standing=True),
    ])
    store.add(prev)
    new = next_meeting_in_series(store, prev, "2031-02-01")
    assert [item.title for item in new.items] == [
        "Mötet öppnas", PREVIOUS_MINUTES_TITLE, "Mötet avslutas"]
    assert [a.text for a in new.items[1].actions] == ["Gör något"]


def test_a_deferred_item_takes_its_unfinished_sub_items_along(store):
    prev = Meeting("Råd", "2031-01-01", items=[
        AgendaItem("Föregående mötes protokoll", standing=True),
        AgendaItem("Översiktsplan", status="deferred", items=[
            AgendaItem("Samråd", background="Tidplan saknas."),
            AgendaItem("Redan klart", status="done"),
        ]),
        AgendaItem("Vanlig punkt", actions=[Action("Följ upp")]),
    ])
    store.add(prev)
    new = next_meeting_in_series(store, prev, "2031-02-01")
    assert [(n, i.title) for n, _, i in new.walk()] == [
        ("1", "Föregående mötes protokoll"), ("2", "Översiktsplan"), ("2.1", "Samråd")]
    assert new.items[1].items[0].background == "Tidplan saknas."
    assert [a.text for a in new.items[0].actions] == ["Följ upp"]  # the existing item


def test_without_any_standing_mark_the_usual_items_are_carried(store):
    # Typed in or imported from JSON: nothing says which items are standing.
    previous = Meeting("Arbetsgrupp Vägar", "2031-05-05", items=[
        AgendaItem("Mötet öppnas"),
        AgendaItem("Föregående mötesanteckningar"),
        AgendaItem("Grusvägar", status="done"),
        AgendaItem("Övriga frågor"),
        AgendaItem("Nästa möte: 2 juni"),
        AgendaItem("Mötet avslutas."),
    ])
    store.add(previous)
    nxt = next_meeting_in_series(store, previous, "2031-06-02")
    assert [item.title for item in nxt.items] == [
        "Mötet öppnas", "Föregående mötesanteckningar", "Övriga frågor",
        "Nästa möte: 2 juni", "Mötet avslutas.",
    ]


def test_an_explicit_standing_mark_overrides_the_convention(store):
    previous = Meeting("Arbetsgrupp Vägar", "2031-05-05", items=[
        AgendaItem("Mötet öppnas", standing=True),
        AgendaItem("Övriga frågor"),  # this series decided not to carry it
    ])
    store.add(previous)
    nxt = next_meeting_in_series(store, previous, "2031-06-02")
    assert [item.title for item in nxt.items] == ["Mötet öppnas"]
