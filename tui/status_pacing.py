"""While the secretary types, the status line (clock, "Sparat") is redrawn with a keystroke.

Textual draws a screen at most once per 1/60 s, on a fixed grid: a key that arrives just
after some other frame waits for the next slot, up to 17 ms more before the letter shows.
The status line changes once a second (the clock) and after every save, at moments that
have nothing to do with the typing, so without pacing about one keystroke in seven
lands behind such a frame (bench/keystroke.py types at an uneven pace to catch it).

Here a redraw asked for while the secretary is typing waits for the next edit and is
drawn in that edit's own frame; when the typing stops, it is drawn `TYPING_PAUSE` after
the last edit. The status is therefore at most that late, and only while someone types.
Free of Textual: the app injects how to draw and how to wait.
"""

from __future__ import annotations

import time
from typing import Callable

#: Seconds after an edit during which the secretary counts as typing.
TYPING_PAUSE = 0.4


class StatusPacing:
    def __init__(
        self,
        draw: Callable[[], None],
        schedule: Callable[[float, Callable[[], None]], object],
        clock: Callable[[], float] = time.monotonic,
    ):
        self._draw = draw
        self._schedule = schedule
        self._clock = clock
        self._last_edit: float | None = None
        self._pending = False
        self._armed = False  # a fallback draw is scheduled

    @property
    def pending(self) -> bool:
        """A redraw waits for the next edit (or the end of the typing)."""
        return self._pending

    def edited(self) -> None:
        """The secretary changed the text: a waiting redraw goes out with this frame."""
        self._last_edit = self._clock()
        if self._pending:
            self.draw_now()

    def request(self) -> None:
        """Redraw now, or with the next edit while the secretary is typing."""
        wait = self._typing_for()
        if wait <= 0:
            self.draw_now()
            return
        self._pending = True
        if not self._armed:
            self._armed = True
            self._schedule(wait, self._typing_stopped)

    def draw_now(self) -> None:
        """Redraw at once (another item was shown, say): nothing waits any more."""
        self._pending = False
        self._draw()

    def _typing_for(self) -> float:
        """Seconds until the typing counts as stopped (<= 0: it has)."""
        if self._last_edit is None:
            return 0.0
        return self._last_edit + TYPING_PAUSE - self._clock()

    def _typing_stopped(self) -> None:
        self._armed = False
        if self._pending:
            self.request()  # typed on meanwhile: waits again, for the rest of the pause
