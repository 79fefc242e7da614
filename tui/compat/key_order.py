"""Keys in the order they were typed: tui.compat's largest workaround, in its own module."""

from __future__ import annotations

# ======================================================================================
# Keys in the order they were typed (issue 10 point 3)
# ======================================================================================
#
# Upstream behaviour: App.on_event (textual/app.py) routes each key from the driver the
# moment the app's queue reaches it: priority bindings run there, every other key is
# posted to the *currently focused* widget's own queue. Tab, enter, escape and the like
# are handled later — when the focused widget reaches them in its queue, or when they
# have bubbled back up to App._on_key (non-priority bindings). Keys typed behind them
# have by then already been posted to the old widget, so a burst ("abc", Tab, "def")
# lands in the wrong field, and keys behind F3 reach the notes instead of the dialog
# that F3 opens. Textual has no notion of "this key may move focus, wait for it"; we
# found no upstream issue for it (none filed as of 8.2.8 — worth filing, with the bare
# three-Input case of tests/functional/test_key_order.py). This can go when Textual
# routes a key only after the previous focus-changing key was handled: check by
# running that test file with the mixin taken out of MotesbokApp.
#
# What we do: text typed into a text field streams through untouched (a letter never
# moves focus there, and typing speed must not suffer). Any other key is routed as
# usual and then *held back* behind: later keys wait until every widget of the screen
# has processed what that key set off (rounds of callbacks through all queues, as
# Textual's own Pilot waits for a screen) and the screen stack is stable. Then they are
# routed to whatever has focus now — exactly where slow typing would have put them.

from collections import deque

from textual import events
from textual.widgets import Input, TextArea

#: A held key is released after this long even if the screen never settles (a widget
#: stuck in a long await must not swallow the keyboard). Generous: on a loaded machine
#: or a slow link a dialog can take over a second to settle, and releasing early is
#: exactly the misrouting this class exists to prevent.
KEY_HOLD_LIMIT = 5.0
#: At most this many rounds through all queues before releasing the held keys.
MAX_SETTLE_ROUNDS = 40


class KeysInOrder:
    """App mixin: every key goes where it would have gone had it been typed slowly."""

    _held_keys: deque | None = None
    _holding_keys = False
    _hold_generation = 0
    _streamed_keys = False  # text was sent on since the screen last caught up

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded:
            if self._holding_keys:
                self._held().append(event)
                return
            await self._route_key(event)
            return
        await super().on_event(event)

    @property
    def keys_pending(self) -> bool:
        """True while typed keys wait for the screen to catch up."""
        return self._holding_keys or bool(self._held_keys)

    def _held(self) -> deque:
        if self._held_keys is None:
            self._held_keys = deque()
        return self._held_keys

    def _streams(self, event: events.Event) -> bool:
        """True for input that cannot move focus: text typed into a text field."""
        if isinstance(event, events.Paste):
            return True
        return event.is_printable and isinstance(self.focused, (Input, TextArea))

    async def _route_key(self, event: events.Event) -> None:
        if self._streams(event):
            self._streamed_keys = True
            await super().on_event(event)
            return
        if self._streamed_keys:
            # Text sent ahead may still sit in the field's queue, and a priority
            # binding (enter saves a dialog) would act before it arrives: first let
            # the screen catch up, then route this key.
            self._held().appendleft(event)
            self._hold_keys()
            return
        await super().on_event(event)
        self._hold_keys()

    def _hold_keys(self) -> None:
        import asyncio

        self._holding_keys = True
        self._streamed_keys = False
        self._hold_generation += 1
        generation = self._hold_generation
        try:
            asyncio.get_running_loop().call_later(
                KEY_HOLD_LIMIT, self._hold_timed_out, generation)
        except RuntimeError:
            pass
        self._settle_round(generation, 1)

    def _hold_timed_out(self, generation: int) -> None:
        if self._holding_keys and generation == self._hold_generation:
            self.call_later(self._release_keys, generation)

    def _pumps(self):
        from textual.widgets import Footer  # not at import: the footer comes after the first frame

        try:
            screen = self.screen
        except Exception:  # noqa: BLE001 - no screen (shutting down)
            return None, [self]
        # The footer only shows keys: its rebuild after a focus change (slow, many
        # small widgets) never decides where the next key goes.
        pumps = [self, screen]
        stack = list(reversed(screen._nodes))
        while stack:
            widget = stack.pop()
            if isinstance(widget, Footer):
                continue
            pumps.append(widget)
            stack.extend(reversed(widget._nodes))
        return screen, pumps

    def _settle_round(self, generation: int, round_number: int) -> None:
        screen, pumps = self._pumps()
        waiting = 0

        def one_done() -> None:
            nonlocal waiting
            waiting -= 1
            if waiting == 0:
                self._round_done(generation, round_number, screen, len(pumps))

        for pump in pumps:
            if pump.call_later(one_done):
                waiting += 1
        if waiting == 0:
            self.call_later(self._release_keys, generation)

    def _round_done(self, generation: int, round_number: int, screen, count: int) -> None:
        if generation != self._hold_generation or not self._holding_keys:
            return
        now_screen, pumps = self._pumps()
        busy = (
            now_screen is not screen
            or len(pumps) != count
            or any(_pump_busy(pump) for pump in pumps)
        )
        if busy and round_number < MAX_SETTLE_ROUNDS:
            self._settle_round(generation, round_number + 1)
        else:
            self.call_later(self._release_keys, generation)

    async def _release_keys(self, generation: int) -> None:
        if generation != self._hold_generation or not self._holding_keys:
            return
        self._holding_keys = False
        held = self._held()
        while held and not self._holding_keys:
            await self._route_key(held.popleft())


def _pump_busy(pump) -> bool:
    """Whether a widget (or the app) has a message queued or one in hand.

    A message being handled is no longer in the queue (a key mid-way through its
    bubbling, a handler awaiting something), but asyncio.Queue counts it until
    task_done().
    """
    from textual._context import active_message_pump

    queue = pump._message_queue
    unfinished = getattr(queue, "_unfinished_tasks", None)
    if unfinished is not None:
        ours = active_message_pump.get(None) is pump  # our own callback is in hand
        if unfinished - queue.qsize() - (1 if ours else 0) > 0:
            return True
    if pump is pump.app:
        # The app's queue holds keys arriving meanwhile (they are only held);
        # anything else there, like a key bubbling back to App._on_key, is work.
        return _app_has_work(pump)
    return pump.message_queue_size > 0


def _app_has_work(app) -> bool:
    """Whether the app's queue holds more than keys arriving meanwhile (those are only
    held); a key bubbling back to App._on_key, a callback, a screen change is work."""
    queued = getattr(getattr(app, "_message_queue", None), "_queue", None)
    if queued is None:  # asyncio.Queue changed: fall back to "anything queued"
        return app.message_queue_size > 0
    return any(
        message is not None
        and (not isinstance(message, (events.Key, events.Paste)) or message.is_forwarded)
        for message in list(queued)
    )
