"""Snapshots (80x24) of setting up a protocol: the setup screen in protocol mode, the
roster written one line a participant, and the agenda editor with §§ and an ärende's
protocol fields."""

from __future__ import annotations

from store import MeetingStore
from tests.support.live import make_app, settle, steady_cursor
from tests.support.protocol_sample import protocol_meeting

SIZE = (80, 24)


def protocol_store() -> tuple[MeetingStore, str]:
    store = MeetingStore.in_memory()
    return store, store.add(protocol_meeting())


def opened(meeting_id: str, mode: str, *then):
    """run_before: open the protocol from the start screen (not live mode, where the
    first item would start the meeting), then run each step."""

    async def run_before(pilot) -> None:
        await settle(pilot)
        app = pilot.app
        app.open_meeting(meeting_id, mode=mode)
        await settle(pilot)
        for step in then:
            await step(pilot)
            await settle(pilot)
        await steady_cursor(pilot)

    return run_before


async def edit_the_ersattare(pilot) -> None:
    roster = pilot.app.screen.query_one("#participants")
    roster.focus()
    await pilot.pause()
    roster.highlighted = 8  # Kim Vall, serving for an absent member
    await pilot.press("enter")


async def on_the_dnr(pilot) -> None:
    pilot.app.screen.query_one("#i-registration").focus()


def test_setup_of_a_protocol(snap_compare):
    store, meeting_id = protocol_store()
    assert snap_compare(make_app(store), terminal_size=SIZE,
                        run_before=opened(meeting_id, "setup"))


def test_setup_roster_line_of_an_ersattare(snap_compare):
    store, meeting_id = protocol_store()
    assert snap_compare(make_app(store), terminal_size=SIZE,
                        run_before=opened(meeting_id, "setup", edit_the_ersattare))


def test_agenda_editor_of_a_protocol(snap_compare):
    store, meeting_id = protocol_store()
    assert snap_compare(make_app(store), terminal_size=SIZE,
                        run_before=opened(meeting_id, "agenda", on_the_dnr))
