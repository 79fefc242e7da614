"""Where notifications (toasts) show, and for how long.

Textual puts toasts at the bottom right, which in live mode at 80x24 is on top of the
notes and the decision list: a confirmation hid the line being typed. On a screen with
a navigation column beside its text fields (live mode's agenda, the agenda editor's
tree) the toasts go over that column instead, at its full width and above the footer,
so nothing being typed is ever covered. How long a toast stays follows its severity and
its length: confirmations go quickly, an error stays until it can be read.
"""

from __future__ import annotations

from textual.css.scalar import Scalar, Unit
from textual.geometry import Spacing
from textual.screen import Screen
from textual.widget import Widget

#: Seconds a toast stays when the caller does not say, per severity.
SECONDS = {"information": 4.0, "warning": 8.0, "error": 12.0}
#: Reading pace for the "long enough to read" rule: about 180 words a minute.
CHARACTERS_PER_SECOND = 15
#: Time to notice a toast before reading it.
NOTICE_SECONDS = 2.0


def toast_seconds(message: str, title: str, severity: str, asked: float | None) -> float:
    """How long a toast stays.

    A confirmation (information) stays as long as asked, else briefly. A warning or an
    error stays as long as asked or its severity's default, but never less than the
    time to read it: a long refusal must not vanish mid-sentence.
    """
    reading = NOTICE_SECONDS + (len(title) + len(message)) / CHARACTERS_PER_SECOND
    if severity == "information":
        return asked if asked is not None else min(max(SECONDS["information"], reading), 6.0)
    return max(asked if asked is not None else SECONDS.get(severity, 8.0), reading)


def keep_toasts_over(screen: Screen, column: Widget) -> None:
    """Show `screen`'s toasts over `column` (its full width, bottom aligned, never
    outside the column), from now on, at any window size. app.tcss names the screens
    that do so, to widen their toasts to the rack (a class set on the screen here would
    restyle every widget of it before the first frame: 3 % more start-up instructions).

    More toasts than the column holds are cut at its bottom, never drawn over the
    footer or the fields (the rack is invisible to Textual's scrolling, so it cannot
    scroll to the newest); confirmations leave within seconds and make room."""

    def place(_screen: Screen | None = None) -> None:
        region = column.region
        if not region or not screen.is_attached:
            return
        for rack in screen.query("ToastRack"):  # none when notifications are off
            margin = Spacing(0, 0, max(0, screen.size.height - region.bottom), region.x)
            # Inside the column's border, which keeps marking where the notes begin.
            inner = region.width - column.styles.gutter.right
            width = Scalar(float(inner), Unit.CELLS, Unit.WIDTH)
            height = Scalar(float(region.height), Unit.CELLS, Unit.HEIGHT)
            # Only a change is written: each write lays the screen out again.
            if rack.styles.margin != margin:
                rack.styles.margin = margin
            if rack.styles.width != width:
                rack.styles.width = width
            if rack.styles.max_height != height:
                rack.styles.max_height = height

    screen.screen_layout_refresh_signal.subscribe(screen, place)
    screen.call_after_refresh(place)
