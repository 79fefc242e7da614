"""Pilot tests of a whole meeting in live mode, asserting on the saved model."""

from __future__ import annotations

from textual import events
from textual.widgets import Input, TextArea

from store import MeetingStore
from tests.support.live import (
    actions_of,
    add_meeting,
    council_meeting,
    make_app,
    run_async,
    settle,
    type_text,
    wait_until,
)
from tui.screens.live import LiveScreen
from tui.words import defer_decision
from tui.dialogs.action import ActionDialog
from tui.screens.agenda_editor import AgendaEditorScreen


def current_title(app) -> str:
    return app.screen.current.title


async def add_action(pilot, text: str, owner: str, due: str) -> None:
    await pilot.press("f3")
    await settle(pilot)
    dialog = pilot.app.screen
    assert isinstance(dialog, ActionDialog)
    await type_text(pilot, text)
    await pilot.press("tab")
    await type_text(pilot, owner)
    await settle(pilot)
    await pilot.press("right")  # accept the completion
    await pilot.press("tab")
    await type_text(pilot, due)
    await settle(pilot)
    await pilot.press("ctrl+s")
    await settle(pilot)
    assert isinstance(pilot.app.screen, LiveScreen), "the action dialog did not accept"


@run_async
async def test_live_opens_on_first_item_not_done_with_cursor_in_notes(store):
    meeting = council_meeting()
    meeting.items[0].status = "done"
    mid = add_meeting(store, meeting)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LiveScreen)
        assert current_title(app) == "Bredband på landsbygden"
        assert isinstance(app.focused, TextArea) and app.focused.id == "notes"
        # Going live stamps the start time (it was empty) and the item's start.
        assert app.session.meeting.start == "13:05"
        assert app.screen.current.started_at == "2031-04-02T13:05:00"
    saved = store.load(mid)
    assert saved.start == "13:05"
    assert saved.items[1].started_at == "2031-04-02T13:05:00"


@run_async
async def test_whole_meeting_in_live_mode(file_store: MeetingStore, tmp_path, monkeypatch):
    from export.docx_read import docx_lines

    store = file_store
    monkeypatch.setenv("MOTESBOK_EXPORT_DIR", str(tmp_path))
    mid = add_meeting(store)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        # 1. Mötet öppnas: a note, then done -> moves on.
        await type_text(pilot, "Välkomna.")
        await pilot.press("f4")
        await settle(pilot)
        assert current_title(app) == "Bredband på landsbygden"

        # 2. Notes typed and a multi-line paste: paragraphs (blank-line breaks) kept.
        await type_text(pilot, "Kort bakgrund")
        await pilot.press("enter")
        app.post_message(events.Paste("rad ett\n\nrad två\r\n\r\nrad tre"))
        await settle(pilot)
        # A decision (proposal offered as draft; replaced by our own text).
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press("ctrl+a", "ctrl+k")  # clear the offered proposal
        await type_text(pilot, "Rapport i maj.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        # Actions with each due-date form; the owner completes from the roster.
        forms = {
            "2031-04-08": "2031-04-08",
            "8/4": "2031-04-08",
            "8/4-2031": "2031-04-08",
            "8 april": "2031-04-08",
            "idag": "2031-04-02",
            "imorgon": "2031-04-03",
            "fredag": "2031-04-04",
            "om 2 veckor": "2031-04-16",
        }
        for n, form in enumerate(forms, start=1):
            await add_action(pilot, f"U{n}", "verA", form)

        # 2.1 (sub-item) is next; move on, then defer 3.
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert current_title(app) == "Finansiering"
        await type_text(pilot, "Medel söks.")
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert current_title(app) == "Gemensam växel"
        await pilot.press("f5")
        await settle(pilot)
        assert current_title(app) == "Övriga frågor"

        # A new item under Övriga frågor (sub-item offered by default).
        await pilot.press("f6")
        await settle(pilot)
        await type_text(pilot, "Väg")
        await pilot.press("enter")
        await settle(pilot)
        assert current_title(app) == "Väg"
        assert app.session.meeting.number_of(app.screen.item_id) == "4.1"
        await type_text(pilot, "Plogas.")

        # Hampus arrives, Vera leaves.
        await pilot.press("f7")
        await settle(pilot)
        await type_text(pilot, "hamp")  # the attendance list finds him by typing
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("f8")
        await settle(pilot)
        await pilot.press("down", "down", "enter")  # Vera Holmqvist, third in the roster
        await settle(pilot)

        # End the meeting.
        await pilot.press("f12")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await wait_until(pilot, lambda: store.load(mid).ended, what="the ended meeting is saved")

        # Export from inside the app: default names from title and date.
        await pilot.press("f10")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await app.workers.wait_for_complete()
        await settle(pilot)
        minutes = tmp_path / "Samverkansråd, Norrfjällen 2031-04-02.docx"
        action_list = tmp_path / "Åtgärdslista Samverkansråd, Norrfjällen 2031-04-02.docx"
        assert minutes.exists() and action_list.exists()
        assert any(str(minutes) in n.message for n in app.shown_notifications)

    saved = store.load(mid)
    opening, broadband, phone, other, closing = saved.items
    assert opening.status == "done" and opening.notes == "Välkomna."
    assert broadband.notes == "Kort bakgrund\nrad ett\n\nrad två\n\nrad tre"
    assert [d.text for d in broadband.decisions] == ["Rapport i maj."]
    assert [(a.text, a.owner, a.due) for a in broadband.actions] == [
        (f"U{n}", "Vera Holmqvist", iso) for n, iso in enumerate(forms.values(), 1)
    ]
    assert broadband.items[0].notes == "Medel söks."
    assert phone.status == "deferred"
    assert [d.text for d in phone.decisions] == [defer_decision(phone.title)]
    assert phone.title in phone.decisions[0].text
    assert [i.title for i in other.items] == ["Väg"]
    assert other.items[0].notes == "Plogas."
    hampus = saved.find_participant("Hampus Dahlberg")
    vera = saved.find_participant("Vera Holmqvist")
    assert (hampus.absent, hampus.present_from) == (False, "13:05")
    assert vera.present_to == "13:05"
    assert (saved.start, saved.end) == ("13:05", "13:05")
    assert closing.status == "pending"

    lines = docx_lines(minutes)
    assert lines[:2] == ["Samverkansråd, Norrfjällen", "2031-04-02 13:05 - 13:05"]
    deltagare = lines[lines.index("Deltagare") + 1]
    assert "Hampus Dahlberg från 13:05" in deltagare
    assert "Vera Holmqvist till 13:05" in deltagare
    at = lines.index("2. Bredband på landsbygden")
    part = lines[at:lines.index("2.1. Finansiering")]
    assert part[part.index("Anteckningar") + 1:][:4] == [
        "Kort bakgrund", "rad ett", "rad två", "rad tre"]
    table = part[part.index("Åtgärder") + 1:part.index("Beslut")]
    assert table[:3] == ["U1", "2031-04-08", "Vera Holmqvist"]
    assert table[-3:] == ["U8", "2031-04-16", "Vera Holmqvist"]
    assert part[part.index("Beslut") + 1] == "Rapport i maj."
    phone = lines[lines.index("3. Gemensam växel"):]
    assert phone[1:3] == ["Beslut", defer_decision("Gemensam växel")]
    assert "4.1. Väg" in lines and "Plogas." in lines
    actions_text = docx_lines(action_list)
    assert any("U8" in line for line in actions_text)


@run_async
async def test_edit_and_delete_decision_and_action(store):
    meeting = council_meeting()
    from store import Action, Decision

    meeting.items[0].decisions.append(Decision("Dagordningen godkänns."))
    meeting.items[0].actions.append(Action("Boka lokal", owner="Kansliet"))
    mid = add_meeting(store, meeting)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.query_one("#decisions").focus()
        await pilot.press("enter")
        await settle(pilot)
        await type_text(pilot, " med tillägg")
        await pilot.press("ctrl+s")
        await settle(pilot)
        app.screen.query_one("#actions").focus()
        await pilot.press("delete")
        await settle(pilot)
        await pilot.press("enter")  # the focus is on "no": a stray enter deletes nothing
        await settle(pilot)
        assert [a.text for a in app.session.meeting.items[0].actions] == ["Boka lokal"]
        await pilot.press("delete")
        await settle(pilot)
        await pilot.press("j")  # confirm
        await settle(pilot)
        await wait_until(pilot, lambda: not store.load(mid).items[0].actions, what="saved")
        item = app.session.meeting.items[0]
        assert [d.text for d in item.decisions] == ["Dagordningen godkänns. med tillägg"]
        assert item.actions == []
    saved = store.load(mid)
    assert [d.text for d in saved.items[0].decisions] == ["Dagordningen godkänns. med tillägg"]
    assert actions_of(saved) == []


@run_async
async def test_mark_done_twice_reopens_and_navigation_stops_at_edges():
    store = MeetingStore.in_memory()
    mid = add_meeting(store)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+b")  # already first
        await settle(pilot)
        assert current_title(app) == "Mötet öppnas"
        await pilot.press("f4")
        await pilot.press("ctrl+b")
        await settle(pilot)
        assert app.screen.current.status == "done"
        await pilot.press("f4")
        await settle(pilot)
        assert app.screen.current.status == "pending"
        assert app.screen.current.finished_at is None


@run_async
async def test_new_item_as_sibling_when_unticked():
    store = MeetingStore.in_memory()
    mid = add_meeting(store)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f6")
        await settle(pilot)
        await type_text(pilot, "Extra punkt")
        await pilot.press("enter")
        await settle(pilot)
        meeting = app.session.meeting
        assert [i.title for i in meeting.items][:2] == ["Mötet öppnas", "Extra punkt"]
        assert meeting.number_of(app.screen.item_id) == "2"


@run_async
async def test_new_item_title_is_visible_while_typed():
    # The dialog's input once shared its id with live mode's heading and was squeezed to
    # its two border lines: the secretary typed the title blind.
    store = MeetingStore.in_memory()
    mid = add_meeting(store)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f6")
        await settle(pilot)
        await type_text(pilot, "Vinterväghållning")
        await settle(pilot)
        title_input = app.screen.query_one("#item-title", Input)
        assert title_input.value == "Vinterväghållning"
        assert title_input.outer_size.height == 3
        assert title_input.content_region.height == 1


@run_async
async def test_tree_enter_jumps_to_item():
    store = MeetingStore.in_memory()
    mid = add_meeting(store)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.query_one("#agenda").focus()
        await pilot.press("down", "down", "enter")
        await settle(pilot)
        assert current_title(app) == "Finansiering"
        assert app.focused.id == "notes"


@run_async
async def test_preview_shows_the_item_as_in_the_minutes():
    store = MeetingStore.in_memory()
    mid = add_meeting(store)
    app = make_app(store, mid)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await type_text(pilot, "Alla var **eniga**.")
        await pilot.press("f9")
        await settle(pilot)
        text = app.screen.plain_text()
        assert "Anteckningar" in text and "Alla var eniga." in text
        assert "Samverkansråd" not in text  # only the item
        await pilot.press("h")
        await settle(pilot)
        text = app.screen.plain_text()
        assert "Samverkansråd, Norrfjällen" in text and "Deltagare" in text
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, LiveScreen)


@run_async
async def test_help_lists_live_keys():
    store = MeetingStore.in_memory()
    mid = add_meeting(store)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        text = app.screen.plain_text()
        for word in ("Beslut", "Åtgärd", "Flytta", "Närvaro", "Går", "Bilagor", "ctrl+n", "f12"):
            assert word in text
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, LiveScreen)


@run_async
async def test_command_palette_runs_a_live_command():
    store = MeetingStore.in_memory()
    mid = add_meeting(store)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await type_text(pilot, "skjut upp")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        first = app.session.meeting.items[0]
        await wait_until(pilot, lambda: first.status == "deferred")
        assert [d.text for d in first.decisions] == [defer_decision(first.title)]


@run_async
async def test_input_in_dialog_never_reaches_the_notes():
    store = MeetingStore.in_memory()
    mid = add_meeting(store)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f6")
        await settle(pilot)
        await type_text(pilot, "abc")
        assert isinstance(app.focused, Input)
        await pilot.press("escape")
        await settle(pilot)
        assert app.session.meeting.items[0].notes == ""
        assert len(app.session.meeting.all_items()) == 6


@run_async
async def test_empty_agenda_takes_no_notes_until_an_item_is_added():
    from store import Meeting

    store = MeetingStore.in_memory()
    mid = store.add(Meeting(title="Tomt möte", date="2031-04-02"))
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        notes = app.screen.query_one("#notes", TextArea)
        assert notes.read_only
        await type_text(pilot, "x")
        assert notes.text == ""
        await pilot.press("f6")
        await settle(pilot)
        await type_text(pilot, "Första")
        await pilot.press("enter")
        await settle(pilot)
        assert current_title(app) == "Första"
        assert not notes.read_only
        await type_text(pilot, "Nu går det")
        await settle(pilot)
    assert store.load(mid).items[0].notes == "Nu går det"


@run_async
async def test_agenda_edited_mid_meeting_shows_in_live_mode():
    store = MeetingStore.in_memory()
    mid = add_meeting(store)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await type_text(pilot, "Före")
        app.open_meeting(mid, mode="agenda")
        await settle(pilot)
        assert isinstance(app.screen, AgendaEditorScreen)
        await pilot.press("ctrl+n")
        await settle(pilot)
        await type_text(pilot, "Extra")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, LiveScreen)  # back where the meeting was
        tree = app.screen.query_one("#agenda")
        labels = [str(tree.get_option_at_index(i).prompt) for i in range(tree.option_count)]
        assert any("Extra" in label for label in labels)
        assert current_title(app) == "Mötet öppnas"
        assert app.screen.query_one("#notes", TextArea).text == "Före"


@run_async
async def test_space_ticks_a_follow_up_done_in_the_original_meeting_too(store):
    from store import Action
    from store.persistence.series import next_meeting_in_series

    previous = council_meeting()
    previous.date = "2031-03-19"
    previous.items[2].actions.append(Action("Begär offert på växeln", owner="Kansliet"))
    previous_id = add_meeting(store, previous)
    original_id = previous.items[2].actions[0].id
    mid = store.add(next_meeting_in_series(store, store.load(previous_id), "2031-04-02"))
    app = make_app(store, mid)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert current_title(app) == "Föregående mötesanteckningar"
        (copy,) = app.screen.current.actions
        assert copy.follows == original_id and not copy.done
        app.screen.query_one("#actions").focus()
        await pilot.press("space")
        for _ in range(40):  # the change runs in a worker
            await settle(pilot)
            if copy.done:
                break
        assert copy.done
        await pilot.press("space")  # and back again
        for _ in range(40):
            await settle(pilot)
            if not copy.done:
                break
        assert not copy.done
        await pilot.press("space")
        for _ in range(40):
            await settle(pilot)
            if copy.done:
                break
    assert store.load(previous_id).find_action(original_id)[1].done
    assert store.load(mid).find_action(copy.id)[1].done


@run_async
async def test_footer_shows_the_live_keys():
    from textual.widgets import Footer

    store = MeetingStore.in_memory()
    app = make_app(store, add_meeting(store))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        # The footer is mounted just after the first frame; wait for its keys.
        await wait_until(pilot, lambda: app.screen.query("FooterKey"), what="footer keys")
        assert isinstance(app.focused, TextArea)  # the notes, from the start
        footer = app.screen.query_one(Footer)
        keys = {key.key for key in footer.query("FooterKey")}
        assert {"f2", "f3", "f4"} <= keys


@run_async
async def test_owner_completes_from_earlier_meetings_of_the_series(store):
    from store import Action

    earlier = council_meeting()
    earlier.date = "2031-03-05"
    earlier.items[2].actions.append(Action("Ta fram underlag", owner="Miljökontoret"))
    add_meeting(store, earlier)
    mid = add_meeting(store)  # the same series, a later date
    app = make_app(store, mid)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LiveScreen)
        # The live screen reads the series' owners in a worker: wait for it.
        await settle(pilot)
        await add_action(pilot, "Svara på remissen", "Miljö", "fredag")
    (action,) = [a for a in store.load(mid).items[0].actions]
    assert (action.owner, action.due) == ("Miljökontoret", "2031-04-04")


@run_async
async def test_typing_in_a_list_beside_the_notes_goes_into_the_notes():
    # After ticking or editing an action the focus stays in the list; what the
    # secretary types next must land in the notes, not vanish.
    store = MeetingStore.in_memory()
    mid = add_meeting(store)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await type_text(pilot, "Alla")
        app.screen.query_one("#decisions").focus()
        await type_text(pilot, " hade")
        await settle(pilot)
        assert isinstance(app.focused, TextArea) and app.focused.id == "notes"
        app.screen.query_one("#agenda").focus()
        await type_text(pilot, " läst")
        await settle(pilot)
        assert app.focused.id == "notes"
        assert app.session.meeting.items[0].notes == "Alla hade läst"
        # Escape from a list also returns to the notes.
        app.screen.query_one("#actions").focus()
        await pilot.press("escape")
        await settle(pilot)
        assert app.focused.id == "notes"


@run_async
async def test_escape_in_a_typed_new_action_asks_and_keeps_the_text():
    from tui.dialogs.action import ActionDialog
    from tui.dialogs.decision import DecisionDialog
    from tui.dialogs.questions import ConfirmDialog

    store = MeetingStore.in_memory()
    mid = add_meeting(store)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        await type_text(pilot, "Boka buss")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # keep writing
        await settle(pilot)
        assert isinstance(app.screen, ActionDialog)
        await pilot.press("enter")
        await settle(pilot)
        assert [a.text for a in app.session.meeting.items[0].actions] == ["Boka buss"]

        await pilot.press("f2")
        await settle(pilot)
        await type_text(pilot, "Ingen")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("j")  # throw it away
        await settle(pilot)
        assert isinstance(app.screen, LiveScreen)
        assert app.session.meeting.items[0].decisions == []
        assert not isinstance(app.screen, DecisionDialog)
