"""Setting up a protocol meeting in the app (issue 12), keyboard only: the kind, the body,
the justerare and justering, the first §, and a roster of 7 ledamöter and ersättare written
one line each; asserted on the meeting as saved and read back from the data directory."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from store import AgendaItem, Meeting, MeetingStore, Participant
from store.domain.protocol import DEPUTY, MEMBER, MINUTES, OFFICIAL, PROTOCOL
from tests.support.live import make_app, run_async, settle, type_text, typed_through, wait_until
from tests.support.protocol_sample import protocol_meeting
from tui.screens.agenda_editor import AgendaEditorScreen
from tui.screens.setup import MeetingSetupScreen
from tui.widgets.agenda_tree import AgendaTree

LEDAMOTER = [
    "Hanna Torp (S), ledamot, ordförande",
    "Nils Brand (M), ledamot, vice ordförande",
    "Alva Kron (S), ledamot",
    "Egon Fors (C), ledamot, distans",
    "Saga Lind (V), ledamot",
    "Tor Ask (KD), ledamot",
    "Vilma Ros (SD), ledamot, frånvarande",
]


async def tab_to(pilot, widget_id: str, limit: int = 20) -> None:
    """Tab until the field has focus: the way a secretary gets there."""
    for _ in range(limit):
        if pilot.app.focused is not None and pilot.app.focused.id == widget_id:
            return
        await pilot.press("tab")
    raise AssertionError(f"tab never reached #{widget_id}")


async def new_participant(pilot, line: str) -> None:
    await pilot.press("ctrl+n")
    await typed_through(pilot)
    assert pilot.app.focused.id == "p-line"
    await type_text(pilot, line)
    await typed_through(pilot)


@run_async
async def test_a_protocol_is_set_up_by_keyboard_and_saved(file_store: MeetingStore, data_dir):
    app = make_app(file_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("n")  # Nytt möte: setup opens on the title
        await settle(pilot)
        assert isinstance(app.screen, MeetingSetupScreen)
        meeting_id = app.session.meeting.id
        await pilot.press("ctrl+u")  # clear the offered "Nytt möte"
        await type_text(pilot, "Kulturnämndens arbetsutskott")
        await tab_to(pilot, "kind")
        await pilot.press("space")
        await tab_to(pilot, "body")
        await type_text(pilot, "Kulturnämndens arbetsutskott")
        for line in LEDAMOTER:
            await new_participant(pilot, line)
        # "ersätter V" + tab: completed from the roster's ledamöter.
        await new_participant(pilot, "Ebba Ulf (SD), ersätter V")
        await pilot.press("tab")
        await new_participant(pilot, "Ove Stam (M), ersättare")
        await new_participant(pilot, "Lisa Rapp, tjänsteperson, Sekreterare")
        await pilot.press("enter")  # back to the roster list
        await typed_through(pilot)
        app.screen.query_one("#adjusters", Input).focus()
        await type_text(pilot, "Sag")
        await pilot.press("tab")  # completes "Saga Lind"
        await type_text(pilot, ", Ni")
        await pilot.press("tab", "tab")  # completes, then on to justeringens plats
        await type_text(pilot, "Kulturhuset")
        await pilot.press("tab")
        await type_text(pilot, "2031-04-09")
        await pilot.press("tab")
        await type_text(pilot, "10")
        await pilot.press("tab")
        await type_text(pilot, "12")
        await pilot.press("tab")
        await typed_through(pilot)
        refused = [(w.id, w.value) for w in app.screen.query(".-bad")]
        assert not refused, (refused, str(app.screen.query_one("#protocol-message").render()))
        await pilot.press("escape")
        await wait_until(pilot, lambda: file_store.load(meeting_id).first_paragraph == 12,
                         what="the setup saved", timeout=30)

    saved = MeetingStore.at(data_dir).load(meeting_id)
    assert (saved.kind, saved.body) == (PROTOCOL, "Kulturnämndens arbetsutskott")
    assert saved.adjusters == ["Saga Lind", "Nils Brand"]
    assert (saved.adjustment.place, saved.adjustment.date, saved.adjustment.time) == (
        "Kulturhuset", "2031-04-09", "10:00")
    assert saved.first_paragraph == 12
    people = {p.name: p for p in saved.participants}
    assert len(people) == 10
    members = [p for p in saved.participants if p.group == MEMBER]
    assert len(members) == 7 and all(p.decision_maker for p in members)
    assert (people["Hanna Torp"].party, people["Hanna Torp"].chair) == ("S", "ordförande")
    assert people["Nils Brand"].chair == "vice ordförande"
    assert people["Egon Fors"].remote and people["Vilma Ros"].absent
    ebba = people["Ebba Ulf"]
    assert (ebba.group, ebba.substitute_for, ebba.party) == (DEPUTY, "Vilma Ros", "SD")
    assert not ebba.decision_maker
    assert people["Ove Stam"].group == DEPUTY and not people["Ove Stam"].substitute_for
    assert (people["Lisa Rapp"].group, people["Lisa Rapp"].role) == (OFFICIAL, "Sekreterare")


def started_minutes() -> Meeting:
    return Meeting("Arbetsgrupp", "2031-04-02", participants=[Participant("Kim Berg")],
                   items=[AgendaItem("Start", started_at="2031-04-02T13:00:00")])


@run_async
async def test_the_kind_stays_once_the_meeting_has_started(file_store: MeetingStore):
    meeting_id = file_store.add(started_minutes())
    app = make_app(file_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.open_meeting(meeting_id, mode="setup")
        await settle(pilot)
        await tab_to(pilot, "kind")
        await pilot.press("space")
        await typed_through(pilot)
        assert app.session.meeting.kind == MINUTES
        assert "kan inte ändras" in str(app.screen.query_one("#meeting-message").render())
        assert not app.screen.query_one("#protocol-fields").display


@run_async
async def test_a_line_that_cannot_be_read_is_not_written(file_store: MeetingStore):
    meeting = protocol_meeting()
    meeting_id = file_store.add(meeting)
    app = make_app(file_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.open_meeting(meeting_id, mode="setup")
        await settle(pilot)
        app.screen.query_one("#participants", OptionList).focus()
        await pilot.press("enter")  # the first participant's line
        await typed_through(pilot)
        line = app.screen.query_one("#p-line", Input)
        assert line.value == "Mira Holm (S), ledamot, ordförande"
        await type_text(pilot, ", ersätter Nobody")
        await typed_through(pilot)
        hint = str(app.screen.query_one("#line-hint").render())
        assert "Bara en ersättare kan ersätta en ledamot." in hint
        assert line.has_class("-bad")
        assert app.session.meeting.participants[0].substitute_for == ""
        await pilot.press(*["backspace"] * len(", ersätter Nobody"))
        await type_text(pilot, ", distans")
        await typed_through(pilot)
        assert app.session.meeting.participants[0].remote
        app.screen.query_one("#first-paragraph", Input).focus()
        await type_text(pilot, "x")
        await typed_through(pilot)
        assert "heltal" in str(app.screen.query_one("#protocol-message").render())
        assert app.session.meeting.first_paragraph == 41


@run_async
async def test_first_paragraph_offered_continues_the_series(file_store: MeetingStore):
    earlier = protocol_meeting(paragraphs=3)  # §§ 41-43
    file_store.add(earlier)
    later = protocol_meeting(paragraphs=2)
    later.date, later.first_paragraph = "2031-04-08", None
    later_id = file_store.add(later)
    app = make_app(file_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.open_meeting(later_id, mode="setup")
        await settle(pilot)
        field = app.screen.query_one("#first-paragraph", Input)
        await wait_until(pilot, lambda: "44" in field.placeholder, what="the counted §")
        assert field.placeholder == "fortsätter serien: § 44"
        app.pop_screen()
        app.open_meeting(later_id, mode="agenda")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, AgendaEditorScreen)
        tree = editor.query_one("#agenda-tree")
        labels = [str(node.label) for node in tree.root.children]
        assert [label.split(" ", 2)[:2] for label in labels] == [["§", "44"], ["§", "45"]]
        # Moved, the §§ follow; they are never typed.
        await pilot.press("alt+down")
        await settle(pilot)
        labels = [str(node.label) for node in tree.root.children]
        assert labels[0].startswith("§ 44 ") and later.items[1].title in labels[0]
        app.pop_screen()
        app.open_meeting(later_id, mode="live")
        await settle(pilot)
        agenda = app.screen.query_one(AgendaTree)
        await wait_until(pilot, lambda: "§ 44 " in str(agenda.get_option_at_index(0).prompt),
                         what="live mode's agenda shows the §")


@run_async
async def test_the_agenda_editor_edits_an_arendes_protocol_fields(file_store: MeetingStore,
                                                                  data_dir):
    meeting_id = file_store.add(protocol_meeting())
    app = make_app(file_store)
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(pilot)
        app.open_meeting(meeting_id, mode="agenda")
        await settle(pilot)
        screen = app.screen
        for widget_id, text in (("i-case-number", "77/31"), ("i-registration", "KN-2031/9"),
                                ("i-section", "Informationsärenden")):
            field = screen.query_one(f"#{widget_id}", Input)
            field.focus()
            field.value = ""
            await type_text(pilot, text)
        for widget_id, text in (("i-basis", "Skrivelse\nKarta"),
                                ("i-send-to", "Kulturförvaltningen")):
            area = screen.query_one(f"#{widget_id}")
            area.focus()
            area.clear()
            await type_text(pilot, text)
        await typed_through(pilot)
        first = app.session.meeting.items[0].id
        await wait_until(pilot, lambda: file_store.load(meeting_id).items[0].send_to
                         == ["Kulturförvaltningen"], what="saved", timeout=30)
    item = MeetingStore.at(data_dir).load(meeting_id).find_item(first)
    assert (item.case_number, item.registration_number, item.section) == (
        "77/31", "KN-2031/9", "Informationsärenden")
    assert item.basis == ["Skrivelse", "Karta"]


@run_async
async def test_the_next_meeting_of_a_protocol_series_starts_with_its_roster(
        file_store: MeetingStore, data_dir):
    earlier = protocol_meeting(paragraphs=3)  # §§ 41-43
    file_store.add(earlier)
    app = make_app(file_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f")  # Nästa i serien, on the one meeting in the list
        await settle(pilot)
        await pilot.press("enter")  # the date offered
        await settle(pilot)
        assert isinstance(app.screen, AgendaEditorScreen)
        next_id = app.session.meeting.id
        assert next_id != earlier.id
        tree = app.screen.query_one("#agenda-tree")
        await wait_until(pilot, lambda: not tree.root.children or str(
            tree.root.children[0].label).startswith("§ 44 "), what="continued §")
    saved = MeetingStore.at(data_dir).load(next_id)
    assert (saved.kind, saved.body, saved.first_paragraph) == (PROTOCOL, earlier.body, None)
    assert [(p.name, p.party, p.group, p.chair, p.role) for p in saved.participants] == [
        (p.name, p.party, p.group, p.chair, p.role) for p in earlier.participants]
    # Who is on distance, absent or serving for whom is the day's, not the series'.
    assert not any(p.remote or p.absent or p.substitute_for for p in saved.participants)
    assert saved.adjustment.place == earlier.adjustment.place and not saved.adjusters
    from store.persistence.paragraphs import first_paragraph_in_store

    assert first_paragraph_in_store(MeetingStore.at(data_dir), saved) == 44
