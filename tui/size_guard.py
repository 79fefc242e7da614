"""Below a usable window size: one line saying so, and no input anywhere.

At 20×8 live mode's notes editor is squeezed to nothing but keeps the focus, so keys
went into a field nobody could see (and drawing at zero width can fail). While the
window is too small, a screen of its own covers the app: the screens below are neither
drawn nor reachable by keys, pastes or app actions (only quitting, which saves).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import Static

#: The smallest window live mode, the dialogs and the lists are usable in.
MIN_WIDTH = 40
MIN_HEIGHT = 12

#: Actions still allowed while the window is too small.
ALLOWED_ACTIONS = {"quit", "help_quit"}


def too_small_text(size: Size) -> str:
    """One line that fits the window, longest first."""
    for text in (
        f"Fönstret är för litet – gör det minst {MIN_WIDTH}×{MIN_HEIGHT}.",
        f"För litet fönster (minst {MIN_WIDTH}×{MIN_HEIGHT})",
        "För litet fönster",
        "För litet",
    ):
        if len(text) <= size.width:
            return text
    return "För litet"[: max(1, size.width)]


class TooSmallScreen(Screen):
    DEFAULT_CSS = """
    TooSmallScreen { align: center middle; }
    TooSmallScreen #too-small { width: 100%; height: 1; text-align: center;
                                text-wrap: nowrap; text-overflow: clip; }
    """

    def compose(self) -> ComposeResult:
        yield Static(too_small_text(self.app.size), id="too-small", markup=False)

    def on_screen_resume(self) -> None:
        # A cover left under a screen that has gone: not needed once the window grew.
        if not self.app.window_too_small:
            self.app.call_later(self._leave)

    def _leave(self) -> None:
        if self.app.screen is self and len(self.app.screen_stack) > 1:
            self.app.pop_screen()

    def show_size(self, size: Size) -> None:
        for line in self.query("#too-small").results(Static):  # none before compose
            line.update(too_small_text(size))


class SizeGuard:
    """Mixed into the app: cover it while the window is below the usable size."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._window_too_small = False

    @property
    def window_too_small(self) -> bool:
        return self._window_too_small

    def on_mount(self) -> None:
        self.call_after_refresh(self._guard_size)

    def on_resize(self, event) -> None:
        # The event's size: the app's own follows a moment later.
        self._guard_size(event.size)

    def _guard_size(self, size: Size | None = None) -> None:
        size = size or self.size
        self._window_too_small = size.width < MIN_WIDTH or size.height < MIN_HEIGHT
        if self._window_too_small:
            self._keep_cover_on_top(size)
            return
        while isinstance(self.screen, TooSmallScreen) and len(self.screen_stack) > 1:
            self.pop_screen()

    def _keep_cover_on_top(self, size: Size | None = None) -> None:
        if not self._window_too_small or not self.is_running:
            return
        if isinstance(self.screen, TooSmallScreen):
            self.screen.show_size(size or self.size)
        else:
            self.push_screen(TooSmallScreen())

    def push_screen(self, screen, *args, **kwargs):
        # A dialog or a meeting opened meanwhile goes under the cover, not over it.
        result = super().push_screen(screen, *args, **kwargs)
        if self._window_too_small and not isinstance(screen, TooSmallScreen):
            self.call_later(self._keep_cover_on_top)
        return result

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self._window_too_small and action not in ALLOWED_ACTIONS:
            return False
        return super().check_action(action, parameters)
