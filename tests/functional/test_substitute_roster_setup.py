"""Setup after live mode changed an ersättare: the roster line is the start of the meeting,
the hint under it says what live mode changed from later §§, and editing the line keeps
those changes."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from store import MeetingStore
from store.domain.presence_ties import change_substitute
from tests.support.live import make_app, run_async, settle, type_text, typed_through
from tests.support.protocol_live import before_the_meeting


@run_async
async def test_editing_the_line_keeps_live_modes_changes_and_says_them():
    store = MeetingStore.in_memory()
    meeting = before_the_meeting(5)
    kim = meeting.find_participant("Kim Vall")
    change_substitute(meeting, kim, "", meeting.items[2].id)
    mid = store.add(meeting)
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.open_meeting(mid, mode="setup")
        await settle(pilot)
        people = app.screen.query_one("#participants", OptionList)
        people.focus()
        await pilot.press(*["down"] * [p.name for p in meeting.participants].index("Kim Vall"))
        await pilot.press("enter")
        await typed_through(pilot)
        line = app.screen.query_one("#p-line", Input)
        assert line.value.endswith("ersätter Edit Lund")
        hint = str(app.screen.query_one("#line-hint").render())
        assert "Raden gäller från första §; i mötesläget: ingen från" in hint
        await pilot.press("end", *["backspace"] * len("Edit Lund"))
        await type_text(pilot, "Lina Falk")
        await typed_through(pilot)
        saved = app.session.meeting.find_participant("Kim Vall")
        assert saved.substitute_for == "Lina Falk"
        assert [c.for_ for c in saved.substitute_changes] == [""]
        assert "i mötesläget: ingen från" in str(app.screen.query_one("#line-hint").render())
