"""Justering in the app: adjusting from the start screen and from the command palette,
an adjusted protocol opening read-only (typing changes nothing saved), and a häv
justering that records when and why and makes it writable; the anslag dialog's
warning and refusals, and its picture at 80x24."""

from __future__ import annotations

import re

from textual.widgets import Input, Static

from store import MeetingStore
from store.persistence.adjusting import adjust_stored
from tests.support.live import NOW, make_app, run_async, settle, type_text
from tests.support.protocol_sample import protocol_meeting
from tui.adjusting import ADJUST_COMMAND, LIFT_COMMAND
from tui.ended_meeting import ADJUSTED_STATUS
from tui.dialogs.adjust import AdjustDialog
from tui.screens.live import LiveScreen
from tui.screens.start import StartScreen
from tui.dialogs.questions import TextPrompt


def protocol_store(store: MeetingStore | None = None) -> tuple[MeetingStore, str]:
    store = store or MeetingStore.in_memory()
    return store, store.add(protocol_meeting(2))  # held 2031-03-11, before NOW


async def set_field(pilot, field: str, value: str) -> None:
    widget = pilot.app.screen.query_one(f"#adjust-{field}", Input)
    widget.value = value
    await settle(pilot)


def problem_text(app) -> str:
    return str(app.screen.query_one("#adjust-problem", Static).render())


@run_async
async def test_j_on_the_start_screen_adjusts_with_the_default_anslag():
    store, mid = protocol_store()
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, StartScreen) and app.screen.selected_id() == mid
        await pilot.press("j")
        await settle(pilot)
        assert isinstance(app.screen, AdjustDialog)
        # The planned justering (Friday 2031-03-14; today is 2031-04-02): it is held as
        # planned and recorded later. Posted Monday, down three weeks later.
        assert app.screen.query_one("#adjust-adjusted", Input).value == "2031-03-14"
        assert app.screen.query_one("#adjust-posted", Input).value == "2031-03-17"
        assert app.screen.query_one("#adjust-down", Input).value == "2031-04-07"
        assert app.screen.query_one("#adjust-archive", Input).value == \
            "Tekniska förvaltningens kansli"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
        saved = store.load(mid)
        assert saved.adjusted == "2031-03-14" and saved.locked
        assert (saved.posting.from_, saved.posting.to) == ("2031-03-17", "2031-04-07")
        assert any("justerat 2031-03-14" in n.message for n in app.shown_notifications)
        # The list shows the protocol's state (NOW is after the anslag went up).
        listed = app.screen.query_one("#meetings")
        prompt = next(str(listed.get_option_at_index(i).prompt)
                      for i in range(listed.option_count)
                      if listed.get_option_at_index(i).id == mid)
        assert "anslaget" in prompt
        await pilot.press("j")  # only once
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
        assert any("redan justerat" in n.message for n in app.shown_notifications)


@run_async
async def test_without_a_planned_justering_today_is_offered():
    meeting = protocol_meeting(2)
    meeting.adjustment.date = None
    store = MeetingStore.in_memory()
    store.add(meeting)
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        assert isinstance(app.screen, AdjustDialog)
        # Today (Wednesday 2031-04-02); posted Thursday, down three weeks later.
        assert app.screen.query_one("#adjust-adjusted", Input).value == "2031-04-02"
        assert app.screen.query_one("#adjust-posted", Input).value == "2031-04-03"
        assert app.screen.query_one("#adjust-down", Input).value == "2031-04-24"


@run_async
async def test_a_minutes_meeting_is_not_adjusted():
    from tests.support.live import add_meeting

    store = MeetingStore.in_memory()
    mid = add_meeting(store)
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
        assert not store.load(mid).adjusted
        assert any("Bara ett protokoll" in n.message for n in app.shown_notifications)


@run_async
async def test_the_dialog_follows_the_date_warns_on_a_late_posting_and_refuses_a_short_one():
    store, mid = protocol_store()
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        await set_field(pilot, "adjusted", "2031-03-14")  # a Friday
        assert app.screen.query_one("#adjust-posted", Input).value == "2031-03-17"
        assert app.screen.query_one("#adjust-down", Input).value == "2031-04-07"
        assert problem_text(app) == ""  # the deadline moves past the weekend: in time

        await set_field(pilot, "down", "2031-03-30")
        assert "tre veckor" in problem_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, AdjustDialog) and not store.load(mid).adjusted

        await set_field(pilot, "down", "2031-04-20")
        await set_field(pilot, "posted", "2031-03-15")  # within two days: no warning
        assert problem_text(app) == ""
        await set_field(pilot, "posted", "2031-03-25")
        assert "andra dagen" in problem_text(app)
        await pilot.press("enter")  # warned, and the secretary goes on
        await settle(pilot)
        saved = store.load(mid)
        assert (saved.adjusted, saved.posting.from_, saved.posting.to) == (
            "2031-03-14", "2031-03-25", "2031-04-20")
        assert any("Obs" in n.message and n.severity == "warning"
                   for n in app.shown_notifications)


@run_async
async def test_adjusting_from_live_mode_locks_it_and_hav_justering_records_why(file_store):
    store, mid = protocol_store(file_store)
    app = make_app(store, mid)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LiveScreen) and not app.read_only
        await pilot.press("ctrl+p")
        await settle(pilot)
        await type_text(pilot, ADJUST_COMMAND)
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, AdjustDialog)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, LiveScreen)
        assert app.read_only and app.save_state.text == ADJUSTED_STATUS
        assert store.load(mid).adjusted == "2031-03-14"  # as planned

        before = store.backend.read_raw(mid)
        await type_text(pilot, "xyz")
        await pilot.press("f4")
        await settle(pilot)
        assert app.session.meeting.items[0].status == "pending"
        assert store.backend.read_raw(mid) == before
        assert any("justerades" in n.message and LIFT_COMMAND in n.message
                   for n in app.shown_notifications)

        # F12: why is the justering lifted? A reason is required.
        await pilot.press("f12")
        await settle(pilot)
        assert isinstance(app.screen, TextPrompt)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, TextPrompt) and store.load(mid).adjusted
        await type_text(pilot, "Fel diarienummer i paragraf 42")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LiveScreen) and not app.read_only
        saved = store.load(mid)
        assert not saved.adjusted and not saved.locked
        [lifted] = saved.adjustment_lifts
        assert (lifted.at, lifted.why, lifted.adjusted) == (
            NOW.isoformat(), "Fel diarienummer i paragraf 42", "2031-03-14")
        await type_text(pilot, "Rättat")
        await settle(pilot)
        assert app.save_now()
    assert "Rättat" in store.load(mid).items[0].notes


@run_async
async def test_an_adjusted_protocol_opens_read_only_and_typing_changes_nothing(file_store):
    store, mid = protocol_store(file_store)
    adjust_stored(store, mid, "2031-03-14")
    before = store.backend.read_raw(mid)
    app = make_app(store, mid)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LiveScreen)
        assert app.read_only and app.save_state.text == ADJUSTED_STATUS
        # F12 reads "Häv justering" here (not "Avsluta möte" or "Återöppna").
        live = app.screen
        assert live.check_action("lift_adjustment", ()) is not False
        assert live.check_action("reopen_meeting", ()) is False
        assert live.check_action("end_meeting", ()) is False
        await type_text(pilot, "ändrat i efterhand")
        await pilot.press("ctrl+g", "f4")
        await settle(pilot)
        # The setup and the agenda editor are read-only as well.
        app.open_meeting(mid, mode="setup")
        await settle(pilot)
        assert app.read_only
        await pilot.press("ctrl+p")
        await settle(pilot)
        await type_text(pilot, LIFT_COMMAND)
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, TextPrompt)
        await pilot.press("escape")  # changed its mind: still adjusted
        await settle(pilot)
        assert app.read_only
    assert store.backend.read_raw(mid) == before


def test_the_anslag_dialog(snap_compare):
    store, mid = protocol_store()

    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        await set_field(pilot, "adjusted", "2031-03-14")  # Friday: Monday is the deadline
        await set_field(pilot, "posted", "2031-03-18")  # Tuesday: late, warned

    assert snap_compare(make_app(store), terminal_size=(80, 24), run_before=run_before)


@run_async
async def test_the_preview_draws_the_protocol_as_it_will_print(file_store):
    from tui.screens.preview import PreviewScreen

    store, mid = protocol_store(file_store)
    adjust_stored(store, mid, "2031-03-14")
    app = make_app(store, mid)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f9")  # the current §
        await settle(pilot)
        preview = app.screen
        assert isinstance(preview, PreviewScreen)
        text = preview.plain_text()
        assert "§ 41 Gång- och cykelväg etapp 1" in text and "Dnr TN-2031/00007" in text
        assert "Reservation" in text and "Omröstning" in text
        assert "§ 42" not in text and "ANSLAG" not in text
        await pilot.press("h")  # the whole protocol
        await settle(pilot)
        text = preview.plain_text()
        for line in ("Tekniska nämndens arbetsutskott", "Beslutande", "Justerare",
                     "Ärendelista",
                     "§ 42 Gång- och cykelväg etapp 2", "2031-03-17", "2031-04-07",
                     "Tekniska förvaltningens kansli"):
            assert line in text, line
        # The Ärendelista's columns: §, diarienummer, title.
        assert re.search(r"§ 42 +TN-2031/00008 +Gång- och cykelväg etapp 2", text)


@run_async
async def test_the_action_list_ticks_an_adjusted_protocols_action_in_its_follow_up(file_store):
    from store import Action
    from store.persistence.series import next_meeting_in_series
    from tests.support.action_list import ListApp
    from tests.support.action_list import settle as list_settle

    meeting = protocol_meeting(2)
    meeting.items[0].actions.append(Action("Utred belysningen", owner="Bo Tall"))
    mid = file_store.add(meeting)
    adjust_stored(file_store, mid, "2031-03-14")
    signed = file_store.backend.read_raw(mid)
    app = ListApp(file_store)
    async with app.run_test(size=(160, 40)) as pilot:
        await list_settle(app, pilot)
        [row] = app.screen.rows
        assert row.protocol_state == "anslaget"  # posted 2031-03-17, the list's today later
        await pilot.press("space")  # no next meeting yet: said so, nothing changed
        await list_settle(app, pilot)
        assert any("nästa möte" in n.message for n in app.shown_notifications)
        assert file_store.backend.read_raw(mid) == signed

    following_id = file_store.add(next_meeting_in_series(file_store, file_store.load(mid),
                                                         "2031-04-08"))
    app = ListApp(file_store)
    async with app.run_test(size=(160, 40)) as pilot:
        await list_settle(app, pilot)
        await pilot.press("space")
        await list_settle(app, pilot)
        assert [row.text for row in app.screen.rows] == []  # done: gone from the open list
    assert file_store.backend.read_raw(mid) == signed
    [copy] = [a for _, _, a in file_store.load(following_id).actions()]
    assert copy.done and copy.done_date == "2031-04-02"
