"""Every patch of Textual behaviour the app needs, in one place (Textual 8.2.8).

Each names its upstream issue and when it can go. Nothing else in the app patches
Textual; widgets with app behaviour build on the classes here.
"""

from __future__ import annotations

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


class UndoSafeTextArea(TextArea):
    """A TextArea whose undo and redo cannot crash on a stale cursor.

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
