"""Fixtures for the app's functional tests."""

from __future__ import annotations

import inspect

import pytest
from textual.widgets import Input, TextArea


async def _steady_cursors(pilot) -> None:
    """Stop every text cursor blinking, showing it where it has focus.

    A blinking cursor makes a picture depend on the moment it is taken: on a loaded
    machine the same screen was saved with and without its cursor.
    """
    # Workers (the meeting list, owner history) and focus changes queued behind the
    # first frames settle first: the cursor line is highlighted only once focused.
    await pilot.app.workers.wait_for_complete()
    await pilot.wait_for_scheduled_animations()
    for _ in range(3):
        await pilot.pause()
    for screen in pilot.app.screen_stack:
        for widget in screen.query("Input, TextArea"):
            if isinstance(widget, (Input, TextArea)):
                widget.cursor_blink = False
    await pilot.pause()


@pytest.fixture
def snap_compare(snap_compare):
    """The plugin's snap_compare, with steady cursors in every snapshot."""

    def compare(app, press=(), terminal_size=(80, 24), run_before=None):
        async def before(pilot):
            if run_before is not None:
                result = run_before(pilot)
                if inspect.isawaitable(result):
                    await result
            await _steady_cursors(pilot)

        return snap_compare(app, press=press, terminal_size=terminal_size, run_before=before)

    return compare

