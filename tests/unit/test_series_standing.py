"""Issue 10.6: an imported agenda's opening and closing items, in its own wording, come
back in the next meeting of the series; the open actions land in its own
previous-minutes item."""

from __future__ import annotations

import pytest

from importers.detect import meeting_from_bytes
from store import Action, AgendaItem, Meeting
from store.domain.series import PREVIOUS_MINUTES_TITLE
from store.persistence.series import next_meeting_in_series
from tests.support.samples import CORPUS

AGENDA = """Dagordning Ledningsgrupp Norrbyn
Datum: 2013-05-15

1. Mötets öppnande
2. Val av justerare
3. Godkännande av dagordningen
4. Föregående minnesanteckningar
5. Skolskjuts
6. Information om nästa mötes lokal
7. Övriga frågor
8. Nästa möte
9. Mötets avslutande
"""
STANDING = ["Mötets öppnande", "Val av justerare", "Godkännande av dagordningen",
            "Föregående minnesanteckningar", "Övriga frågor", "Nästa möte",
            "Mötets avslutande"]


def test_an_imported_agenda_carries_its_own_standing_items(store):
    meeting = meeting_from_bytes(AGENDA.encode(), name="dagordning.txt")
    assert [i.title for i in meeting.items if i.standing] == STANDING
    meeting.items[4].actions.append(Action("Ring skolan", owner="Hedda Nordin"))
    store.add(meeting)

    nxt = next_meeting_in_series(store, meeting, "2013-06-12")
    assert [item.title for item in nxt.items] == STANDING
    assert all(item.standing for item in nxt.items)
    # The follow-up goes into this agenda's previous-minutes item, not a new one.
    assert [a.text for a in nxt.items[3].actions] == ["Ring skolan"]


@pytest.mark.parametrize("kind, title", CORPUS)
def test_nothing_marked_each_usual_wording_is_carried_as_written(store, kind, title):
    previous = Meeting("Arbetsgrupp", "2031-05-05", items=[
        AgendaItem(title), AgendaItem("Grusvägar", status="done")])
    store.add(previous)
    nxt = next_meeting_in_series(store, previous, "2031-06-02")
    assert [item.title for item in nxt.items] == [title]


def test_previous_minutes_item_made_after_the_opening_run_in_any_wording(store):
    previous = Meeting("Råd", "2031-01-01", items=[
        AgendaItem("Mötets öppnande", standing=True),
        AgendaItem("Val av justerare", standing=True),
        AgendaItem("Fastställande av dagordningen", standing=True),
        AgendaItem("Sak", actions=[Action("Gör något")]),
        AgendaItem("Mötets avslutande", standing=True),
    ])
    store.add(previous)
    nxt = next_meeting_in_series(store, previous, "2031-02-01")
    assert [item.title for item in nxt.items] == [
        "Mötets öppnande", "Val av justerare", "Fastställande av dagordningen",
        PREVIOUS_MINUTES_TITLE, "Mötets avslutande"]
    assert [a.text for a in nxt.items[3].actions] == ["Gör något"]
