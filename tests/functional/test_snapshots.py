"""Snapshot tests (pytest-textual-snapshot) of the start screen, live mode and the
action dialog, at 80x24 with a pinned clock so the pictures are stable."""

from __future__ import annotations

from store import Action, Decision, MeetingStore
from store.demo import demo_meeting
from tests.functional.test_live_support import NOW, council_meeting, make_app


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


async def meetings_listed(pilot) -> None:
    # The meeting list is read in a worker thread.
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_start_screen(snap_compare):
    store, _ = sample_store()
    assert snap_compare(make_app(store), terminal_size=(80, 24), run_before=meetings_listed)


async def settled(pilot) -> None:
    # The footer is mounted just after the first frame; wait for it.
    await pilot.pause()
    await pilot.pause(0.1)


def test_live_mode(snap_compare):
    store, meeting_id = sample_store()
    assert snap_compare(make_app(store, meeting_id), terminal_size=(80, 24),
                        run_before=settled)


def test_live_mode_wide(snap_compare):
    store, meeting_id = sample_store()
    assert snap_compare(make_app(store, meeting_id), terminal_size=(120, 40),
                        run_before=settled)


def test_action_dialog_in_live_mode(snap_compare):
    store, meeting_id = sample_store()

    async def typed(pilot) -> None:
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        for ch in "Boka lokal":
            await pilot.press("space" if ch == " " else ch)
        await pilot.press("tab", "v", "e")
        await pilot.pause(0.1)

    assert snap_compare(make_app(store, meeting_id), terminal_size=(80, 24), run_before=typed)
