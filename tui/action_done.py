"""Ticking an action done (or reopening it) everywhere, from any screen: a thread
worker that changes every meeting holding the action and reports by message."""

from __future__ import annotations

import threading
from datetime import date as Date

from store import StoreError
from store.persistence.action_done import set_action_done

from .worker_messages import ActionToggled, Notice

_toggle_lock = threading.Lock()


def toggle_action_done(app, action_id: str, done: bool, *, reply_to=None) -> None:
    """Tick an action done (or reopen it) everywhere, from any screen, without blocking.

    The original and every follow-up copy change together (`set_action_done`). Runs in a
    thread worker; the change to the meeting the app has open is applied on the UI thread
    and saved by the app's autosave (`app.mark_changed()`). A notification tells what
    happened; `reply_to` (the screen that asked) then gets an ActionToggled message.
    The live screen can use it to tick a follow-up in "Föregående mötesanteckningar".
    """

    def run() -> None:
        # One at a time: two quick presses must not open the same meeting twice.
        with _toggle_lock:
            _toggle_now(app, action_id, done, reply_to)

    app.run_worker(run, thread=True, group="action-done", name="action-done")


def _toggle_now(app, action_id: str, done: bool, reply_to) -> None:
    def on_live(change) -> None:
        # The one wait for the UI thread: the store goes on only once the open
        # meeting has changed there (a message would let it run ahead of the model).
        def apply() -> None:
            # The meeting screen redraws from the model when it resumes.
            if change():
                app.mark_changed()

        app.call_from_thread(apply)

    clock = getattr(app, "clock", None)
    today = clock().date() if clock is not None else Date.today()
    try:
        result = set_action_done(app.store, action_id, done,
                                 session=getattr(app, "session", None),
                                 today=today, on_live=on_live)
    except StoreError as exc:
        app.post_message(Notice(str(exc), title="Kunde inte ändra åtgärden",
                                severity="error", timeout=10))
        return
    except Exception as exc:  # noqa: BLE001 - a worker error must not end the meeting
        app.post_message(Notice(f"Oväntat fel: {type(exc).__name__}: {exc}",
                                title="Kunde inte ändra åtgärden", severity="error",
                                timeout=10))
        return
    message = (f"Klar {result.done_date}: {result.text}" if done
               else f"Öppnad igen: {result.text}")
    if len(result.meeting_ids) > 1:
        message += f" (i {len(result.meeting_ids)} möten)"
    app.post_message(Notice(message, title="Åtgärder"))
    if reply_to is not None:
        reply_to.post_message(ActionToggled(action_id))
