"""No unexpected exception ends a meeting: save, show the error, go on.

An exception in a key handler, an action, a paste or a worker is contained: everything
typed is saved, a dialog shows where the error happened (code only: never the error's
message or local variables, which can hold the meeting's text) and the meeting goes on.
The app stops only when going on is not sound: a screen that failed to build, an error
while drawing, or errors coming faster than they can be dismissed. Then everything is
saved, the meeting and item are remembered (store.persistence.resume) and the next start offers to
reopen them.

Textual's side of this (a handler's exception ends the app, the traceback printed with
its locals) is patched in compat; the hooks here decide.
"""

from __future__ import annotations

import time
import traceback
from types import TracebackType

from rich.text import Text

from .compat import UnexpectedErrorHooks, contain_handler_exceptions

#: More errors than this within ERROR_WINDOW seconds: something loops, so stop.
ERROR_LIMIT = 5
ERROR_WINDOW = 30.0

MESSAGE_LEFT_OUT = "(felmeddelandet visas inte: det kan innehålla mötets text)"


def describe_error(error: BaseException) -> str:
    """The traceback as text: files, lines, functions and code, and the error's type.

    Never the error's message nor local variables: those can hold whatever the
    secretary typed. Chained errors are listed the same way.
    """
    parts: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        parts.append(_describe_one(current))
        current = current.__cause__ or current.__context__
    return "\n\nNär detta hanterades uppstod:\n\n".join(reversed(parts))


def _describe_one(error: BaseException) -> str:
    lines = ["Traceback (most recent call last):"]
    tb: TracebackType | None = error.__traceback__
    for frame in traceback.extract_tb(tb):
        lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
        if frame.line:
            lines.append(f"    {frame.line.strip()}")
    kind = type(error)
    lines.append(f"{kind.__module__}.{kind.__qualname__} {MESSAGE_LEFT_OUT}")
    return "\n".join(lines)


def _screen_of(pump):
    try:
        return pump.screen
    except Exception:  # noqa: BLE001 - not a widget, or no longer mounted
        return None


class CrashGuard(UnexpectedErrorHooks):
    """Mixed into the app: contain what can be contained, stop cleanly otherwise."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        contain_handler_exceptions()
        self._error_times: list[float] = []
        #: What the last contained error was (for the log of a test or a bug report).
        self.last_error_details: str | None = None

    # -- containing ------------------------------------------------------------------

    def contain_exception(self, error: Exception, pump=None) -> bool:
        """Called by compat for an exception in a message handler: True = go on."""
        if self._exit or not self.is_running:
            return False
        from .dialogs.error import ErrorDialog  # loaded with the first error, not at start

        if isinstance(pump, ErrorDialog) or isinstance(_screen_of(pump), ErrorDialog):
            return False  # the dialog that reports errors is itself broken
        now = time.monotonic()
        self._error_times = [t for t in self._error_times if now - t < ERROR_WINDOW]
        self._error_times.append(now)
        if len(self._error_times) > ERROR_LIMIT:
            return False  # an error loop: stop (saved, and offered at the next start)
        details = describe_error(error)
        self.last_error_details = details
        saved = self._save_after_error()
        try:
            if not isinstance(self.screen, ErrorDialog):
                self.push_screen(ErrorDialog(details, saved=saved))
        except Exception:  # noqa: BLE001 - cannot even tell: stop cleanly instead
            return False
        return True

    def _save_after_error(self) -> bool:
        try:
            return bool(self.save_now())
        except Exception:  # noqa: BLE001 - the model is still here for the final save
            return False

    def unexpected_error(self, error: Exception) -> bool:
        """An error Textual would end the app for (compat routes it here): True = go on."""
        from textual.worker import WorkerFailed

        # A failed worker has ended; the meeting itself is untouched.
        if isinstance(error, WorkerFailed) and self.contain_exception(error.error):
            return True
        self._save_after_error()
        self._remember_where_we_were()
        return False

    def fatal_error_text(self, error: BaseException | None) -> Text:
        """What is printed when the app stops: no message nor locals (they hold the minutes)."""
        details = describe_error(error) if error is not None else ""
        return Text(
            "Mötesbok måste stängas av ett oväntat fel. Allt som skrevs är sparat; nästa "
            "gång Mötesbok startar erbjuds du att öppna mötet där du var.\n\n" + details
        )

    # -- the next start --------------------------------------------------------------

    def _remember_where_we_were(self) -> None:
        session = getattr(self, "session", None)
        if session is None:
            return
        item_id = None
        for screen in reversed(self.screen_stack):
            if type(screen).__name__ == "LiveScreen":
                item_id = getattr(screen, "item_id", None)
                break
        try:
            from store.persistence.resume import ResumePoint, remember_resume_point

            remember_resume_point(self.store, ResumePoint(session.meeting.id, item_id))
        except Exception:  # noqa: BLE001 - stopping must go on
            pass

    def offer_resume(self) -> None:
        """At start: after an unexpected stop, offer the meeting and item it was at."""
        from store.persistence.resume import take_resume_point

        try:
            point = take_resume_point(self.store)
            meeting = self.store.load(point.meeting_id) if point else None
        except Exception:  # noqa: BLE001 - an offer is a courtesy, never a new failure
            return
        if point is None or meeting is None:
            return
        where = ""
        if point.item_id:
            try:
                item = meeting.find_item(point.item_id)
                where = f", vid punkt {meeting.number_of(item.id)}. {item.title}"
            except KeyError:
                pass
        from .dialogs.questions import ConfirmDialog

        def answer(yes: bool | None) -> None:
            if yes:
                self.open_meeting(point.meeting_id, mode="live", item_id=point.item_id)

        self.push_screen(
            ConfirmDialog(
                f"Mötesbok stängdes oväntat under mötet ”{meeting.title}”{where}. "
                "Allt som hade skrivits sparades.",
                question="Öppna mötet där igen?", yes="Öppna mötet", no="Inte nu",
            ),
            answer,
        )
