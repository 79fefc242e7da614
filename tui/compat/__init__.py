"""Every patch of Textual behaviour the app needs, in one place (Textual 8.2.8).

Each names its upstream issue and when it can go. Nothing else in the app patches
Textual; widgets with app behaviour build on the classes here. The mixins are plain
classes, put before the Textual class they change: Textual sets up every subclass of
its own classes by walking their whole MRO (1.6 M instructions at start-up for an App
subclass, 3.6 M for a TextArea one).
"""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Offset
from textual.widgets import TextArea
from textual.widgets.text_area import Selection


def tolerate_bad_input_bytes(driver_class) -> None:
    """Decode terminal input with U+FFFD for bytes that are not UTF-8.

    Textualize/textual#6456: the Linux driver decodes strictly, so one stray byte (a
    Latin-1 terminal, a mis-set locale over SSH, line noise) kills the input thread,
    the app panics with a traceback and the keys read with that byte are lost. Its
    decoder is looked up by module name, so swap in one that replaces instead.
    Remove when the driver decodes with errors="replace" itself.
    """
    import codecs
    import functools
    import importlib

    module = importlib.import_module(driver_class.__module__)
    if getattr(module, "getincrementaldecoder", None) is not codecs.getincrementaldecoder:
        return  # another driver, or already done

    def getincrementaldecoder(encoding):
        return functools.partial(codecs.getincrementaldecoder(encoding), errors="replace")

    module.getincrementaldecoder = getincrementaldecoder


def call_after(pump, delay: float, callback) -> None:
    """Call `callback` on `pump` after `delay` seconds, without a Textual Timer.

    Textualize/textual#6370 (fix proposed in #6371): a one-shot `set_timer` that finds
    itself late divides by its interval in Timer._run — interval 0 dies with
    ZeroDivisionError — or, with any interval, is skipped without calling back. Either
    way the callback is lost; for the autosave that meant no save until the app closed.
    So the delay is the event loop's own `call_later`, which then posts the callback to
    the pump like set_timer does. Remove when Timer._run guards a zero interval and a
    late one-shot timer still fires (tests/functional/test_timer_compat.py says when).
    """
    import asyncio

    asyncio.get_running_loop().call_later(max(0.0, delay), pump.call_later, callback)


class SteadyCursor:
    """TextArea mixin: the cursor is drawn when blinking is switched off.

    The line cache of Textualize/textual#5925 keys a line by "the blink shows the cursor
    here", which is also false while the blink is in its hidden phase; with blinking
    switched off (cursor_blink = False, as the snapshot tests do) a line drawn in that
    phase was reused and the focused editor showed no cursor, now and then, depending
    on when the blink timer last fired. Drawing again when blinking changes fixes it.
    Remove when TextArea.render_line's cache key includes _draw_cursor.
    """

    def watch_cursor_blink(self) -> None:
        self._line_cache.clear()
        self.refresh()


class UndoSafeHistory:
    """TextArea mixin: undo and redo cannot crash on a stale cursor.

    Textualize/textual#6686 (open): undoing a multi-line paste restores the shorter
    text before the selection; the scrollbar refresh in between scrolls to the old
    cursor row, which no longer exists, and raises ValueError ("The document line
    index 1 is out of bounds"), ending the app. Here the cursor is first clamped into
    the document (silently: undo sets the real selection right after). Remove when
    TextArea._undo_batch/_redo_batch restore the selection before _refresh_size().
    """

    _restoring_history = False

    def undo(self) -> None:
        self._restoring_history = True
        try:
            super().undo()
        finally:
            self._restoring_history = False

    def redo(self) -> None:
        self._restoring_history = True
        try:
            super().redo()
        finally:
            self._restoring_history = False

    def scroll_cursor_visible(self, center: bool = False, animate: bool = False) -> Offset:
        # Only mid-undo/redo: elsewhere Textual's own order is right (and drawn as is).
        if self._restoring_history:
            self._clamp_stale_selection()
        return super().scroll_cursor_visible(center, animate)

    def _clamp_stale_selection(self) -> None:
        start, end = self.selection
        document = self.document
        last_row = document.line_count - 1

        def inside(location) -> bool:
            row, column = location
            return 0 <= row <= last_row and 0 <= column <= len(document[row])

        if inside(start) and inside(end):
            return
        clamped = Selection(self.clamp_visitable(start), self.clamp_visitable(end))
        # No watchers: they would scroll (and post SelectionChanged) mid-undo.
        self.set_reactive(TextArea.selection, clamped)


def contain_handler_exceptions() -> None:
    """Let the app decide whether an exception in a message handler ends it.

    Textual (8.2.8) ends the app on any exception raised while a widget, screen or the
    app handles a message (a key, a binding's action, a paste): MessagePump's loop
    calls App._handle_exception and stops that pump for good, so there is nothing to
    continue even when the app's state is sound. Textual has no hook for this. Here
    each dispatch first asks the app's ``contain_exception(error, pump)``; when it
    returns True the message counts as handled and the pump goes on. Apps without that
    method behave as before. Remove when Textual offers an app-level handler hook.
    """
    from asyncio import CancelledError

    from textual import events
    from textual.message_pump import MessagePump

    original = MessagePump._dispatch_message
    if getattr(original, "_motesbok_contained", False):
        return

    async def _dispatch_message(self, message):
        try:
            await original(self, message)
        except CancelledError:
            raise
        except Exception as error:
            # A widget that failed to compose or mount is half-built: never go on there.
            if isinstance(message, (events.Compose, events.Mount)):
                raise
            try:
                app = self.app
            except Exception:  # noqa: BLE001 - no active app: Textual's own handling
                raise error from None
            contain = getattr(app, "contain_exception", None)
            if contain is None or not contain(error, self):
                raise

    _dispatch_message._motesbok_contained = True
    MessagePump._dispatch_message = _dispatch_message


def drop_from_drawn_lines(pattern) -> None:
    """Leave what `pattern` matches (zero-width characters only) out of every line drawn.

    Textual (8.2.8) draws text as stored, bidi controls included (store.domain.text.BIDI),
    and a terminal that applies the bidi algorithm reorders what follows them: no widget
    can prevent it (a tree label, a notification, a field being edited all draw their
    own text). Every frame and every screenshot takes the widgets' lines from
    Compositor._get_renders, so that one generator is wrapped. Zero-width characters
    only, so every cell stays where Textual put it. Keep while Textual draws them raw.
    """
    from rich.segment import Segment
    from textual._compositor import Compositor
    from textual.strip import Strip

    original = Compositor._get_renders
    if getattr(original, "_motesbok_dropping", None) is pattern:
        return
    search, drop = pattern.search, pattern.sub

    def cleaned(strip: Strip) -> Strip:
        if not search(strip.text):
            return strip
        return Strip([Segment(drop("", text), style, control) for text, style, control in strip],
                     strip.cell_length)

    def _get_renders(self, crop=None):
        for region, clip, strips in original(self, crop):
            yield region, clip, [cleaned(strip) for strip in strips]

    _get_renders._motesbok_dropping = pattern
    Compositor._get_renders = _get_renders


class UnexpectedErrorHooks:
    """App mixin: Textual's private end-of-app error path, routed to two public hooks.

    Textual (8.2.8) has no public hook for an unhandled exception: App._handle_exception
    always ends the app, and App._fatal_error prints a traceback *with local variables*
    (they hold the meeting's text). Both are overridden here, and only here:
    ``unexpected_error(error) -> bool`` may contain the error (True: the app goes on)
    and ``fatal_error_text(error)`` says what is printed when the app stops.
    Remove when Textual offers an app-level exception hook and a traceback without
    locals (nothing filed upstream as of 8.2.8; check App._handle_exception).
    """

    def unexpected_error(self, error: Exception) -> bool:
        return False

    def fatal_error_text(self, error: BaseException | None):
        return Text(str(error or ""))

    def _handle_exception(self, error: Exception) -> None:
        if self.unexpected_error(error):
            return
        self._return_code = 1
        if self._exception is None:  # Pilot re-raises it at the end of a test
            self._exception = error
            self._exception_event.set()
        self._fatal_error(error)

    def _fatal_error(self, error: BaseException | None = None) -> None:
        import sys

        if error is None:
            error = sys.exc_info()[1]
        self.bell()
        self._exit_renderables.append(self.fatal_error_text(error))
        self._close_messages_no_wait()


class BreakpointsBeforeStyling:
    """App mixin: a pushed screen has its breakpoint classes before it is first styled.

    Textual (8.2.8) adds the HORIZONTAL_BREAKPOINTS class ("-narrow", "-wide") to a
    screen in Screen._on_resize, which arrives after the new screen was composed and
    styled, so every widget of it is styled a second time (about 4 % of the work
    before live mode's first frame; bench/startup.py). Here the class the resize would
    set is set before the screen is mounted; the resize then finds nothing to change.
    Not filed upstream (Textualize/textual#6464 made resizes cheaper, not this first
    one). The app's first screen gets them from `classes_before_styling` too
    (tui/live_start.py). Remove when Screen sets its breakpoint classes before its first
    styling.
    """

    def push_screen(self, screen, *args, **kwargs):
        from textual.screen import Screen

        if isinstance(screen, Screen) and not screen.is_mounted:
            self.classes_before_styling(screen)
        return super().push_screen(screen, *args, **kwargs)

    def classes_before_styling(self, screen) -> None:
        """Give a screen not yet mounted the breakpoint classes its first resize would."""
        breakpoints = (
            self.HORIZONTAL_BREAKPOINTS
            if screen.HORIZONTAL_BREAKPOINTS is None
            else screen.HORIZONTAL_BREAKPOINTS
        ) or []
        if breakpoints and self.size.width:
            names = screen._get_breakpoint_classes(self.size.width, breakpoints)
            screen.update_classes(
                {name: name in names for _, name in breakpoints}, update=False)


class StyledOnceWhenShown:
    """App mixin: a screen's widgets are styled once, when mounted, not again when it shows.

    Textual (8.2.8) styles each widget as it is mounted, then styles the whole screen
    again when the screen is first shown (ScreenResume with refresh_styles), although
    nothing changed in between: class and focus changes restyle what they touch
    themselves. For live mode that was about 2 % of the work before the first frame
    (bench/startup.py). Here the first showing of a screen skips it, unless the screen
    brings CSS of its own (read after the screen itself was styled). Not filed upstream.
    Remove when Screen._on_screen_resume skips it: tests/functional/test_styled_once.py.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        from textual.screen import Screen

        original = Screen._on_screen_resume
        if getattr(original, "_motesbok_once", False):
            return

        def _on_screen_resume(screen, event) -> None:
            if "_motesbok_shown" not in screen.__dict__:
                screen._motesbok_shown = True
                if (isinstance(screen.app, StyledOnceWhenShown) and not screen.css_path
                        and not screen.CSS):
                    event.refresh_styles = False
            original(screen, event)

        _on_screen_resume._motesbok_once = True
        Screen._on_screen_resume = _on_screen_resume


class NoFrameInBatch:
    """App mixin: a screen is not drawn while the app's updates are batched.

    Textual (8.2.8) lays out a screen mounted inside a batch (a screen pushed in
    App.on_mount, inside the start-up batch: the offers made before `motesbok live ID`
    opens its meeting, the offer to resume after a crash) and renders the frame in a
    callback that still runs inside it; App._display then throws the frame away with
    the record of what needed drawing, so the first frame that reached the terminal
    lacked rows. Here such a render is skipped, its dirty regions kept, and the screen
    is drawn once the batch ends. Not filed upstream. Remove when
    Screen._compositor_refresh waits for the batch to end itself:
    tests/functional/test_first_frame.py checks that such a dialog is drawn whole.
    """

    _frame_held: bool = False

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        from textual.screen import Screen

        original = Screen._compositor_refresh
        if getattr(original, "_motesbok_held", False):
            return

        def _compositor_refresh(screen) -> None:
            app = screen.app
            if (app._batch_count and isinstance(app, NoFrameInBatch) and not app.is_inline
                    and screen is app.screen):
                app._frame_held = True  # _end_batch draws it
                return
            original(screen)

        _compositor_refresh._motesbok_held = True
        Screen._compositor_refresh = _compositor_refresh

    def _end_batch(self) -> None:
        super()._end_batch()
        if self._frame_held and not self._batch_count:
            self._frame_held = False
            self.screen.call_later(self.screen._compositor_refresh)


def switchable_first_screen(screen):
    """`screen`, made the app's first screen (get_default_screen), able to be switched away.

    Textual (8.2.8) gives the first screen none of the result callbacks a pushed or
    switched-to screen gets, so App.switch_screen away from it raises IndexError in
    Screen._pop_result_callback (the family of Textualize/textual#2650, open). Here it
    gets the empty one switch_screen gives a screen. Remove when switch_screen works
    from the first screen: tests/functional/test_app_start.py goes from `live ID`'s
    meeting to the meeting list.
    """
    screen._push_result_callback(screen, None)
    return screen


# Keys in the order they were typed (issue 10 point 3): a module of its own for its size.
from .key_order import KEY_HOLD_LIMIT, MAX_SETTLE_ROUNDS, KeysInOrder  # noqa: E402,F401
