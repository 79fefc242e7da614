"""Pilot tests of the meeting setup screen: every edit lands in the model."""

from __future__ import annotations

from datetime import date

from textual.app import App
from textual.widgets import Checkbox, Input, OptionList, Static

from store import Meeting, MeetingStore, Participant
from tests.support.live import run_async, type_key_by_key, type_text
from tui.screens.setup import MeetingSetupScreen

TODAY = date(2031, 4, 2)



class SetupApp(App):
    """The contract of the real app: store, session, mark_changed()."""

    def __init__(self, meeting: Meeting):
        super().__init__()
        self.store = MeetingStore.in_memory()
        self.store.add(meeting)
        self.session = self.store.open(meeting.id)
        self.changes = 0

    def mark_changed(self) -> None:
        self.changes += 1

    def on_mount(self) -> None:
        self.push_screen(MeetingSetupScreen(today=TODAY))

    def on_unmount(self) -> None:
        self.session.close()


def sample() -> Meeting:
    return Meeting(
        title="Ledningsgrupp",
        date="2031-04-10",
        start="13:00",
        place="Kommunhuset",
        participants=[
            Participant("Tove Lindahl", role="Ordförande", decision_maker=True),
            Participant("Olle Bergkvist"),
            Participant("Vera Holmqvist"),
        ],
    )


async def clear_and_type(pilot, app, selector: str, text: str, *, key_by_key=False) -> None:
    """Empty the field and type `text` into it: all at once, as a quick typist's keys
    arrive, or `key_by_key` where what each prefix does is the point."""
    widget = app.screen.query_one(selector, Input)
    widget.focus()
    widget.value = ""
    await pilot.pause()
    await (type_key_by_key if key_by_key else type_text)(pilot, text)
    await pilot.pause()


def names(meeting: Meeting) -> list[str]:
    return [p.name for p in meeting.participants]


@run_async
async def test_meeting_fields_are_written_as_typed():
    app = SetupApp(sample())
    async with app.run_test(size=(80, 24)) as pilot:
        m = app.session.meeting
        await pilot.press("end")
        await type_text(pilot, ", Norrdalen")
        assert m.title == "Ledningsgrupp, Norrdalen"
        await clear_and_type(pilot, app, "#series", "Ledningsgrupp")
        assert m.series == "Ledningsgrupp"
        await clear_and_type(pilot, app, "#place", "Sal 3")
        assert m.place == "Sal 3"
        await clear_and_type(pilot, app, "#end", "1530")
        assert m.end == "15:30"
        await clear_and_type(pilot, app, "#date", "2031-05-06")
        assert m.date == "2031-05-06"
        assert app.changes >= 5


@run_async
async def test_bad_date_and_time_are_not_written_but_stay_on_screen():
    app = SetupApp(sample())
    async with app.run_test(size=(80, 24)) as pilot:
        m = app.session.meeting
        await clear_and_type(pilot, app, "#date", "31/2")
        message = str(app.screen.query_one("#meeting-message", Static).render())
        assert "Ogiltigt datum" in message
        assert m.date == "2031-04-10"
        assert app.screen.query_one("#date", Input).value == "31/2"
        await clear_and_type(pilot, app, "#start", "25:00", key_by_key=True)
        # Never "02:00" on the way: an unfinished time is not written.
        assert m.start is None  # the field was emptied first: no start time
        assert "Starttid" in str(app.screen.query_one("#meeting-message", Static).render())
        assert app.screen.query_one("#start", Input).value == "25:00"
        # Fixing the date still reports the bad start time.
        await clear_and_type(pilot, app, "#date", "8/5")
        assert m.date == "2031-05-08"
        assert "Starttid" in str(app.screen.query_one("#meeting-message", Static).render())
        await clear_and_type(pilot, app, "#start", "9.15")
        assert m.start == "09:15"
        await clear_and_type(pilot, app, "#start", "13")
        assert m.start is None  # "13" may still become "13:30"
        await pilot.press("tab")  # leaving the field makes it 13:00
        await pilot.pause()
        assert m.start == "13:00"
        # ...and shows it so, as it will read in the minutes.
        assert app.screen.query_one("#start", Input).value == "13:00"
        await clear_and_type(pilot, app, "#date", "8/5")
        await pilot.press("tab")
        await pilot.pause()
        assert app.screen.query_one("#date", Input).value == "2031-05-08"
        assert "Ogiltig" not in str(app.screen.query_one("#meeting-message", Static).render())
        # An empty end time means none.
        await clear_and_type(pilot, app, "#end", "")
        assert m.end is None


@run_async
async def test_add_participant_with_role_completion_and_flags():
    app = SetupApp(sample())
    async with app.run_test(size=(80, 24)) as pilot:
        m = app.session.meeting
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert len(m.participants) == 4
        assert app.focused.id == "p-name"
        await type_text(pilot, "Stina Åkesson")
        await pilot.press("enter")  # on to the role
        assert app.focused.id == "p-role"
        await type_text(pilot, "sek")
        await pilot.pause()
        await pilot.press("right")  # accept "Sekreterare"
        await pilot.press("tab", "tab")  # skip hint -> decision maker? focus order below
        await pilot.pause()
        newcomer = m.participants[-1]
        assert newcomer.name == "Stina Åkesson"
        assert newcomer.role == "Sekreterare"
        assert m.secretary() is newcomer
        app.screen.query_one("#p-absent", Checkbox).focus()
        await pilot.press("space")
        await pilot.pause()
        assert newcomer.absent is True
        app.screen.query_one("#p-dm", Checkbox).focus()
        await pilot.press("space")
        await pilot.pause()
        assert newcomer.decision_maker is True
        # Free-text roles are kept as typed.
        await clear_and_type(pilot, app, "#p-role", "Kommunikatör")
        assert newcomer.role == "Kommunikatör"


@run_async
async def test_reorder_and_remove_participants():
    app = SetupApp(sample())
    async with app.run_test(size=(80, 24)) as pilot:
        m = app.session.meeting
        roster = app.screen.query_one("#participants", OptionList)
        roster.focus()
        await pilot.press("down")  # Olle
        await pilot.pause()
        assert app.screen.query_one("#p-name", Input).value == "Olle Bergkvist"
        await pilot.press("alt+down")
        await pilot.pause()
        assert names(m) == ["Tove Lindahl", "Vera Holmqvist", "Olle Bergkvist"]
        await pilot.press("alt+up", "alt+up")
        await pilot.pause()
        assert names(m) == ["Olle Bergkvist", "Tove Lindahl", "Vera Holmqvist"]
        assert roster.highlighted == 0
        # Delete asks first; "n" keeps him.
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert len(m.participants) == 3
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert names(m) == ["Tove Lindahl", "Vera Holmqvist"]
        assert app.screen.query_one("#p-name", Input).value == "Tove Lindahl"


@run_async
async def test_editing_the_selected_participant_only():
    app = SetupApp(sample())
    async with app.run_test(size=(80, 24)) as pilot:
        m = app.session.meeting
        roster = app.screen.query_one("#participants", OptionList)
        roster.focus()
        await pilot.press("down", "down", "enter")  # Vera, then into the name field
        await pilot.pause()
        assert app.focused.id == "p-name"
        await pilot.press("end")
        await type_text(pilot, "-Ek")
        await pilot.pause()
        assert names(m) == ["Tove Lindahl", "Olle Bergkvist", "Vera Holmqvist-Ek"]
        assert "Vera Holmqvist-Ek" in str(roster.get_option_at_index(2).prompt)


@run_async
async def test_empty_roster_and_first_participant():
    meeting = Meeting(title="Nytt möte", date="2031-04-10")
    app = SetupApp(meeting)
    async with app.run_test(size=(80, 24)) as pilot:
        m = app.session.meeting
        assert app.screen.query_one("#participant-editor").disabled
        await pilot.press("ctrl+n")
        await type_text(pilot, "Agnes Lind")
        await pilot.pause()
        assert names(m) == ["Agnes Lind"]


@run_async
async def test_role_keys_step_through_standard_roles_and_blank_rows_go_on_close():
    app = SetupApp(sample())
    async with app.run_test(size=(80, 24)) as pilot:
        m = app.session.meeting
        app.screen.query_one("#participants", OptionList).focus()
        await pilot.press("down")  # Olle, no role
        await pilot.pause()
        app.screen.query_one("#p-role", Input).focus()
        await pilot.press("down")
        await pilot.pause()
        assert m.participants[1].role == "Ordförande"
        await pilot.press("down", "down")
        await pilot.pause()
        assert m.participants[1].role == "Organisatör"
        await pilot.press("up", "up", "up")
        await pilot.pause()
        assert m.participants[1].role == ""
        await pilot.press("ctrl+n")  # an empty row, never filled in
        await pilot.pause()
        assert len(m.participants) == 4
        await pilot.press("escape")
        await pilot.pause()
        assert names(m) == ["Tove Lindahl", "Olle Bergkvist", "Vera Holmqvist"]


@run_async
async def test_series_of_a_new_meeting_follows_the_title():
    # A new meeting is stored as "Nytt möte" with that as its series; renaming it must
    # not leave it (and every later meeting) in a series called "Nytt möte".
    app = SetupApp(Meeting(title="Nytt möte", date="2031-04-10"))
    app.store.add(Meeting(title="Nytt möte", date="2031-04-11"))  # another, not yet named
    async with app.run_test(size=(80, 24)) as pilot:
        m = app.session.meeting
        assert m.series == "Nytt möte"  # what the store gives a new meeting
        await clear_and_type(pilot, app, "#title", "Byggnadsnämnden")
        assert m.title == "Byggnadsnämnden"
        assert m.series == "Byggnadsnämnden"
        assert app.screen.query_one("#series", Input).value == "Byggnadsnämnden"
        # Once the secretary names the series, the title no longer moves it.
        await clear_and_type(pilot, app, "#series", "Nämnder")
        await clear_and_type(pilot, app, "#title", "Byggnadsnämnden extra")
        assert m.series == "Nämnder"


@run_async
async def test_series_shared_with_other_meetings_stays_when_the_title_changes():
    app = SetupApp(sample())
    earlier = sample()
    earlier.date = "2031-03-10"
    app.store.add(earlier)
    async with app.run_test(size=(80, 24)) as pilot:
        m = app.session.meeting
        assert m.series == "Ledningsgrupp"
        await pilot.press("end")
        await type_text(pilot, " extra")
        assert m.title == "Ledningsgrupp extra"
        assert m.series == "Ledningsgrupp"


@run_async
async def test_enter_and_tab_take_the_offered_role():
    app = SetupApp(sample())
    async with app.run_test(size=(80, 24)) as pilot:
        m = app.session.meeting
        await pilot.press("ctrl+n")
        await type_text(pilot, "Stina Åkesson")
        await pilot.press("enter")
        await type_text(pilot, "just")
        await pilot.pause()
        await pilot.press("enter")  # "Justerare" was offered: enter takes it
        await pilot.pause()
        assert m.participants[-1].role == "Justerare"
        assert app.focused.id == "p-dm"
        await pilot.press("ctrl+n")
        await type_text(pilot, "Hugo Lind")
        await pilot.press("enter")
        await type_text(pilot, "ordf")
        await pilot.pause()
        await pilot.press("tab")
        await pilot.pause()
        assert m.participants[-1].role == "Ordförande"
        assert app.focused.id == "p-dm"
        # A free-text role with nothing offered stays as typed.
        await clear_and_type(pilot, app, "#p-role", "Kommunikatör")
        await pilot.press("enter")
        await pilot.pause()
        assert m.participants[-1].role == "Kommunikatör"


@run_async
async def test_tab_after_the_last_field_wraps_to_the_title():
    app = SetupApp(sample())
    async with app.run_test(size=(80, 24)) as pilot:
        m = app.session.meeting
        app.screen.query_one("#p-absent", Checkbox).focus()
        await pilot.pause()
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused.id == "title"
        await pilot.press("end")
        await type_text(pilot, " extra")
        await pilot.pause()
        assert m.title == "Ledningsgrupp extra"
