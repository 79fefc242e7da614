"""A bare app around the action list screen, its sample store, and waiting for its rows."""

from __future__ import annotations

from datetime import datetime

import pytest
from textual.app import App
from textual.notifications import Notification

from store import Action, AgendaItem, Meeting, MeetingStore
from tui.screens.action_list import ActionListScreen
from tui.worker_messages import Notice


class ListApp(App):
    """The app shell's contract, minimally: store, session, open_meeting, mark_changed."""

    def __init__(self, store: MeetingStore, session=None):
        super().__init__()
        self.store = store
        self.session = session
        self.clock = lambda: datetime(2031, 4, 2, 10, 0)
        self.opened: list[tuple] = []
        self.changes = 0
        self.shown_notifications: list[Notification] = []

    def notify(self, message, *, title="", severity="information", timeout=None, markup=True):
        # As the real app does: what the user was told stays readable (tui/app.py).
        self.shown_notifications.append(Notification(message, title, severity))
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def on_notice(self, message: Notice) -> None:
        # As the real app does: workers post what to tell (tui/worker_messages.py).
        self.notify(message.text, title=message.title, severity=message.severity,
                    timeout=message.timeout)

    def on_mount(self) -> None:
        self.push_screen(ActionListScreen())

    def open_meeting(self, meeting_id, mode="live", item_id=None):
        self.opened.append((meeting_id, mode, item_id))

    def mark_changed(self):
        self.changes += 1
        self.session.save()  # the real app's autosave does this after SAVE_DELAY


@pytest.fixture
def store(file_store):
    file_store.add(Meeting("Miljöberedning", "2031-03-01", items=[
        AgendaItem("Mötet öppnas"),
        AgendaItem("Vattenprover", actions=[
            Action("Beställ provtagning", due="2031-03-20", owner="Ylva Berglund"),
            Action("Informera allmänheten", owner="Jonas Falk"),
            Action("Klart sedan förut", owner="Jonas Falk", done=True, done_date="2031-03-02"),
        ]),
    ]))
    file_store.add(Meeting("Miljöberedning", "2031-03-15", items=[
        AgendaItem("Återvinning", actions=[
            Action("Ta fram karta", due="2031-05-01", owner="Ylva Berglund")]),
    ]))
    return file_store


async def settle(app, pilot):
    for _ in range(3):
        await pilot.pause()
        await app.workers.wait_for_complete()
    await pilot.pause()
