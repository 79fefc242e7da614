"""Snapshot tests (pytest-textual-snapshot) of the screens a secretary meets besides
live mode: meeting setup, agenda editor, action list, help over live mode and the
preview, all at 80x24 with the pinned clock of the other snapshots."""

from __future__ import annotations

from tests.support.live import make_app, settle, steady_cursor
from tests.support.samples import sample_store

SIZE = (80, 24)


def opened_in(mode: str, item_index: int | None = None):
    """run_before: open the sample meeting in one mode, as the start screen would."""

    async def run_before(pilot) -> None:
        await settle(pilot)
        app = pilot.app
        meeting_id = app.session.meeting.id if app.session else None
        item_id = None
        if item_index is not None:
            item_id = app.session.meeting.items[item_index].id
        app.open_meeting(meeting_id, mode=mode, item_id=item_id)
        await settle(pilot)
        await steady_cursor(pilot)

    return run_before


def pressed(*keys: str):
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press(*keys)
        await settle(pilot)
        await steady_cursor(pilot)

    return run_before


def test_setup_screen(snap_compare):
    store, meeting_id = sample_store()
    assert snap_compare(make_app(store, meeting_id), terminal_size=SIZE,
                        run_before=opened_in("setup"))


def test_agenda_editor_at_current_item(snap_compare):
    store, meeting_id = sample_store()
    assert snap_compare(make_app(store, meeting_id), terminal_size=SIZE,
                        run_before=opened_in("agenda", item_index=1))


def test_action_list(snap_compare):
    store, meeting_id = sample_store()
    assert snap_compare(make_app(store, meeting_id), terminal_size=SIZE,
                        run_before=pressed("ctrl+l"))


def test_help_over_live_mode(snap_compare):
    store, meeting_id = sample_store()
    assert snap_compare(make_app(store, meeting_id), terminal_size=SIZE,
                        run_before=pressed("f1"))


def test_preview(snap_compare):
    store, meeting_id = sample_store()
    assert snap_compare(make_app(store, meeting_id), terminal_size=SIZE,
                        run_before=pressed("f9"))
