"""Autosave: every change reaches the store about SAVE_DELAY after it, without stalling typing.

Screens mutate the model and call `changed()`. The first change arms a short timer; all
changes inside that window ride along in one save. The write itself (serialise, fsync,
rename) runs on a background thread so a slow disk never blocks a keystroke, and one lock
serialises it with the synchronous saves used on quit, on switching meeting and on
SIGHUP/SIGTERM. A failed save keeps the model (and so the editor) untouched, is reported
once, and is retried until it succeeds.

Why the writer is a plain daemon thread and not a Textual thread worker posting a
message (issue 11.7, the app's rule for long work): nothing here needs the event loop
while it writes, so a worker could keep the same guarantees, but
- this class is deliberately free of Textual: the schedule is injected, and the tests
  drive it with a bare asyncio loop or with no loop at all;
- the outcome is recorded even when no loop is left to deliver a message (the app's
  last save, in MotesbokApp.run's ``finally``, runs after the loop has closed; see
  ``_post``); a worker's result message would be dropped then;
- a Textual thread worker runs in asyncio's default executor, which ``asyncio.run``
  waits for on the way out; this thread is a daemon, and the final save_now waits for
  it through ``_lock`` anyway.
Moving it onto a worker means injecting how to start the write and how its outcome
comes back, instead of Thread and call_soon_threadsafe.
"""

from __future__ import annotations

import asyncio
import contextvars
import threading
import time
from typing import Callable

from store import MeetingSession, SaveError, StoreError

#: Seconds from the first unsaved change to the save: the one truth every text about
#: autosave derives from (tui/words.py autosave_promise).
SAVE_DELAY = 0.2
RETRY_DELAY = 2.0  # seconds between attempts after a failed save
#: Even while only notes change, serialise the whole meeting this often (seconds): a
#: change that was never reported still reaches the disk.
FULL_SNAPSHOT_EVERY = 10.0
FULL = object()  # "anything may have changed" (see Autosaver.changed)


class Autosaver:
    def __init__(
        self,
        *,
        schedule: Callable[[float, Callable[[], None]], object],
        on_saved: Callable[[str], None],
        on_error: Callable[[str], None],
        on_unsaved: Callable[[], None] | None = None,
        delay: float = SAVE_DELAY,
    ):
        self._schedule = schedule
        self._on_saved = on_saved
        self._on_error = on_error
        # Called after every failed save (on the loop): the app keeps a copy elsewhere,
        # so even a kill -9 during a long disk-full spell loses at most one retry.
        self._on_unsaved = on_unsaved
        self.delay = delay
        self.session: MeetingSession | None = None
        self._lock = threading.Lock()
        self._generation = 0  # bumped on every change
        self._saved_generation = 0
        self._armed = False  # a timer is pending
        self._dirty_since: float | None = None  # first change not yet in a running save
        self._writing = False  # a background write is running
        self._loop: asyncio.AbstractEventLoop | None = None
        self._context: contextvars.Context | None = None
        self.last_error: str | None = None
        #: What changed since the last snapshot: None (nothing yet), one item's id
        #: (only its notes), or FULL.
        self._only_notes_of: str | object | None = FULL
        self._last_full_snapshot = 0.0

    # -- state

    def attach(self, session: MeetingSession | None) -> None:
        self.session = session
        self._only_notes_of = FULL
        self._generation = self._saved_generation = 0
        self._dirty_since = None
        self.last_error = None

    @property
    def dirty(self) -> bool:
        return self._generation != self._saved_generation

    @property
    def writable(self) -> bool:
        return self.session is not None and not self.session.read_only

    # -- the debounced path

    def changed(self, *, notes_of: str | None = None) -> None:
        """The model changed; notes_of: nothing but that item's notes did (the next
        snapshot then reuses the last one instead of serialising the whole meeting)."""
        if not self.writable:
            return
        if notes_of is None or self._only_notes_of not in (None, notes_of):
            self._only_notes_of = FULL
        elif self._only_notes_of is None:
            self._only_notes_of = notes_of
        self._generation += 1
        if self._dirty_since is None:
            self._dirty_since = time.monotonic()
        self._arm(self.delay)

    def _arm(self, delay: float) -> None:
        if self._armed or self._writing:
            return  # the pending save, or the one after the running write, takes it
        self._armed = True
        self._schedule(delay, self._fire)

    def _fire(self) -> None:
        self._armed = False
        if not self.dirty or not self.writable or self._writing:
            return
        self._writing = True
        self._dirty_since = None  # later changes start a new window
        try:
            self._loop = asyncio.get_running_loop()
        except RuntimeError:
            self._loop = None
        # The result is handled back on the loop in this context, so timers armed from
        # there still know their app (Textual keeps it in a context variable).
        self._context = contextvars.copy_context()
        generation = self._generation
        session = self.session
        # Serialised here, on the thread that edits the meeting: the writer thread then
        # never reads a meeting that is being changed under it.
        only_notes_of = self._only_notes_of if self._only_notes_of is not FULL else None
        self._only_notes_of = None
        now = time.monotonic()
        if only_notes_of is None or now - self._last_full_snapshot > FULL_SNAPSHOT_EVERY:
            only_notes_of = None  # now and then all of it, whatever the hints said
            self._last_full_snapshot = now
        snapshot = (session.snapshot(only_notes_of=only_notes_of) if only_notes_of
                    else session.snapshot())
        thread = threading.Thread(
            target=self._write_in_thread, args=(session, generation, snapshot), daemon=True,
            name="motesbok-autosave",
        )
        thread.start()

    def _write_in_thread(
        self, session: MeetingSession, generation: int, snapshot: dict
    ) -> None:
        error = None
        with self._lock:
            if session is self.session and self._saved_generation < generation:
                try:
                    session.save(snapshot=snapshot)
                except (SaveError, StoreError, OSError) as exc:
                    error = str(exc) or type(exc).__name__
                except Exception as exc:  # noqa: BLE001 - never leave _writing stuck
                    error = f"{type(exc).__name__}: {exc}"
        self._post(self._after_write, session, generation, error)

    def _post(self, callback, session, generation, error) -> None:
        loop = self._loop
        try:
            if loop is not None and not loop.is_closed():
                loop.call_soon_threadsafe(
                    callback, session, generation, error, context=self._context
                )
                return
        except RuntimeError:  # the loop shut down meanwhile
            pass
        # No UI left to tell: just record the outcome.
        self._writing = False
        if error is None:
            self._saved_generation = max(self._saved_generation, generation)

    def _after_write(self, session: MeetingSession, generation: int, error: str | None) -> None:
        self._writing = False
        if session is not self.session:
            return
        if error is not None:
            self._failed(error)
            return
        self._succeeded(generation)
        if self.dirty:  # typed on while the write ran: save as soon as its window ends
            waited = time.monotonic() - (self._dirty_since or time.monotonic())
            self._arm(max(0.0, self.delay - waited))

    def _succeeded(self, generation: int) -> None:
        self._saved_generation = max(self._saved_generation, generation)
        if not self.dirty:
            self._dirty_since = None
        self.last_error = None
        self._on_saved(time.strftime("%H:%M:%S"))

    def _failed(self, message: str) -> None:
        first = message != self.last_error
        self.last_error = message
        if self._on_unsaved is not None:
            try:
                self._on_unsaved()
            except Exception:  # noqa: BLE001 - the retry must stay armed
                pass
        if first:
            self._on_error(message)
        self._arm(RETRY_DELAY)

    # -- the synchronous path (quit, switching meeting, signals, crash)

    def save_now(self) -> bool:
        """Write the model now if anything is unsaved; True when nothing is left unsaved."""
        session = self.session
        if session is None or session.read_only:
            return True
        if not self.dirty:
            return True
        generation = self._generation
        with self._lock:
            if self._saved_generation >= generation:
                return True
            try:
                session.save()
            except (SaveError, StoreError, OSError) as exc:
                self._failed(str(exc) or type(exc).__name__)
                return False
            self._succeeded(generation)
        return True
