"""Shared helpers (no tests) for the app and live-mode Pilot tests: fixed clock, sample meeting."""

from __future__ import annotations

import asyncio
import functools
from datetime import datetime

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
    keys = []
    for ch in text:
        keys.append({" ": "space", "\n": "enter"}.get(ch, ch))
    await pilot.press(*keys)


async def settle(pilot, seconds: float = 0.05) -> None:
    """Let messages, workers (the meeting list, owner history...) and timers run."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause(seconds)


def actions_of(meeting: Meeting) -> list[Action]:
    return [a for _, _, a in meeting.actions()]
