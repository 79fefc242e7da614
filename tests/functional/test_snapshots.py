"""Snapshot tests (pytest-textual-snapshot) of the start screen, live mode and the
action dialog, at 80x24 with a pinned clock so the pictures are stable."""

from __future__ import annotations

from tests.support.live import make_app, steady_cursor, typed_through, wait_until
from tests.support.samples import sample_store


async def meetings_listed(pilot) -> None:
    # The meeting list is read in a worker thread.
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_start_screen(snap_compare):
    store, _ = sample_store()
    assert snap_compare(make_app(store), terminal_size=(80, 24), run_before=meetings_listed)


async def settled(pilot) -> None:
    # The footer is mounted just after the first frame; wait for its keys.
    await wait_until(pilot, lambda: pilot.app.screen.query("FooterKey"), what="footer keys")
    await steady_cursor(pilot)


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
        await typed_through(pilot)
        await steady_cursor(pilot)

    assert snap_compare(make_app(store, meeting_id), terminal_size=(80, 24), run_before=typed)
