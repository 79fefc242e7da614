"""Helpers for the app and live-mode Pilot tests: fixed clock, sample meeting, waiting."""

from __future__ import annotations

import asyncio
import functools
import time
from datetime import datetime
from typing import Callable

from store import Action, AgendaItem, Meeting, MeetingStore, Participant

#: A Wednesday afternoon; every clock in these tests reads this.
NOW = datetime(2031, 4, 2, 13, 5, 0)


def run_async(test):
    """Run an async Pilot test without an async pytest plugin."""

    @functools.wraps(test)
    def wrapper(*args, **kwargs):
        return asyncio.run(test(*args, **kwargs))

    return wrapper


def council_meeting(start: str | None = None) -> Meeting:
    """An invented meeting: a sub-item, an Övriga frågor, a roster with roles."""
    return Meeting(
        title="Samverkansråd, Norrfjällen",
        date="2031-04-02",
        start=start,
        place="Kommunhuset, sal Ljusnan",
        participants=[
            Participant("Tove Lindahl", role="Ordförande", decision_maker=True),
            Participant("Gustav Ekström", role="Sekreterare"),
            Participant("Vera Holmqvist", decision_maker=True),
            Participant("Hampus Dahlberg", absent=True),
        ],
        items=[
            AgendaItem("Mötet öppnas", description="Ordföranden öppnar mötet."),
            AgendaItem(
                "Bredband på landsbygden",
                presenter="Vera Holmqvist",
                background="Utbyggnaden har stannat i två byar.\n- Sörbyn\n- Västanå",
                proposal="Rådet ber kansliet om en lägesrapport.",
                items=[AgendaItem("Finansiering")],
            ),
            AgendaItem("Gemensam växel"),
            AgendaItem("Övriga frågor"),
            AgendaItem("Mötet avslutas"),
        ],
    )


def add_meeting(store: MeetingStore, meeting: Meeting | None = None) -> str:
    return store.add(meeting or council_meeting())


def make_app(store: MeetingStore, meeting_id: str | None = None, now: datetime = NOW):
    from tui.app import MotesbokApp

    app = MotesbokApp(store, live_meeting_id=meeting_id)
    app.clock = lambda: now
    return app


async def type_text(pilot, text: str) -> None:
    """Type `text` as a quick typist does: the keys arrive together, as a terminal
    delivers them, and the app routes each where slow typing would put it (the app's
    KeysInOrder; tests/functional/test_key_order.py proves that for any timing).

    Pressed one by one (`pilot.press`) each key costs two idle waits of at least 20 ms:
    about a third of the functional suite's time went to typing.
    """
    from textual import events
    from textual.keys import _character_to_key

    for ch in text:
        key = {" ": "space", "\n": "enter", "\t": "tab"}.get(ch) or (
            ch if ch.isalnum() else _character_to_key(ch))
        pilot.app.post_message(events.Key(key, "\r" if ch == "\n" else ch))
    await pilot.pause()
    while getattr(pilot.app, "keys_pending", False):
        await pilot.pause()
    await typed_through(pilot)


async def type_key_by_key(pilot, text: str) -> None:
    """Type `text` one key at a time, each handled before the next is sent: for tests
    of what every single keystroke does (each prefix seen by a Changed handler)."""
    await pilot.press(*[{" ": "space", "\n": "enter", "\t": "tab"}.get(ch, ch) for ch in text])


async def settle(pilot) -> None:
    """Let messages and workers (the meeting list, owner history...) run.

    For what a timer does later (the autosave, a retry) use `wait_until` on its result.
    """
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    # What the workers' messages start (a refresh, a focus change) runs in the next turns.
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def actions_of(meeting: Meeting) -> list[Action]:
    return [a for _, _, a in meeting.actions()]


async def wait_until(pilot, condition: Callable[[], object], *, timeout: float = 10.0,
                     what: str = "") -> None:
    """Let the app run until `condition()` is true; fail after `timeout` seconds.

    For what arrives on its own time (a worker's result, a timer's save, a retry):
    the test goes on as soon as it has happened instead of sleeping for a guess.
    """
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout} s: {what or condition}")
        await pilot.pause()
        await asyncio.sleep(0.01)  # timing: poll interval, not a wait for an event


async def typed_through(pilot) -> None:
    """Wait until the last keys have done their work: suggestions and filters run in
    workers and post their result back as a message."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def without_notices(pilot) -> None:
    """Clear every notification, those still on their way too, and wait until no screen
    shows one: a picture must not depend on when a notice came or went (a notice under
    a dialog shows through its margins)."""
    await typed_through(pilot)
    pilot.app.clear_notifications()
    await wait_until(pilot, lambda: not any(screen.query("Toast")
                                            for screen in pilot.app.screen_stack),
                     what="no notices shown")


async def steady_cursor(pilot) -> None:
    """Stop the text fields' cursors blinking, so a picture does not depend on when
    it is taken (the cursor shows, as right after a key)."""
    for field in pilot.app.screen.query("Input, TextArea"):
        field.cursor_blink = False
    await pilot.pause()
