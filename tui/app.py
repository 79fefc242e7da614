"""The Mötesbok Textual app: holds the store, the open meeting and the autosave.

The contract every screen uses:

* ``self.app.store`` — the MeetingStore;
* ``self.app.session`` — the open MeetingSession (or None); screens mutate
  ``self.app.session.meeting`` directly and then call ``self.app.mark_changed()``,
  which saves about SAVE_DELAY (tui/autosave.py) later;
* ``self.app.open_meeting(meeting_id, mode="live"|"setup"|"agenda", item_id=None)``
  switches meeting and screen; ``self.app.show_start()`` returns to the meeting list.
"""

from __future__ import annotations

from collections import deque
from datetime import datetime
from typing import Callable

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.notifications import Notification
from textual.reactive import var

from store import MeetingLockedError, MeetingSession, MeetingStore, StoreError
from store.domain.text import BIDI
from store.persistence.lock import LockUnavailableError

from .autosave import Autosaver
from .compat import (BreakpointsBeforeStyling, KeysInOrder, NoFrameInBatch, StyledOnceWhenShown,
                     call_after, drop_from_drawn_lines)
from .crash_guard import CrashGuard
from .crash_safety import CrashSafety
from .save_state import SaveState, Saving
from .toast_place import toast_seconds
from .worker_messages import Notice
from .size_guard import SizeGuard


def _commands_provider():
    # Imported on first use of the palette, not at start-up.
    from .commands import MotesbokCommands

    return MotesbokCommands


# The mixins are plain classes, App comes last: Textual sets up each App subclass by
# walking App's whole MRO (about 1.6 M instructions each at start-up).
class MotesbokApp(KeysInOrder, BreakpointsBeforeStyling, NoFrameInBatch,
                  StyledOnceWhenShown, SizeGuard, CrashGuard, CrashSafety, App):
    CSS_PATH = "app.tcss"
    TITLE = "Mötesbok"
    COMMANDS = {_commands_provider}
    COMMAND_PALETTE_BINDING = "ctrl+p"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]

    BINDINGS = [
        Binding(
            "ctrl+q", "quit", "Avsluta", id="app.quit", priority=True,
            tooltip="Spara allt och avsluta Mötesbok.",
        ),
        Binding(
            "f1", "help", "Hjälp", id="app.help",
            tooltip="Visa alla tangenter.",
        ),
        Binding(
            "ctrl+l", "action_list", "Åtgärdslista", id="app.action_list", priority=True,
            tooltip="Alla åtgärder från alla möten: filtrera, bocka av, skriv ut.",
        ),
        Binding("ctrl+c", "help_quit", show=False, system=True),
    ]

    #: What the quiet status line says about saving ("Sparat 10:42:13", a failure...).
    #: A var, not a reactive: a reactive of the App repaints the whole screen when it
    #: changes, after every save; the status line's watcher redraws just itself.
    save_state: var[SaveState] = var(SaveState)

    def __init__(self, store: MeetingStore, live_meeting_id: str | None = None):
        super().__init__()
        # Stored text is shown in logical order: no title can reorder the screen.
        drop_from_drawn_lines(BIDI)
        self.store = store
        self.live_meeting_id = live_meeting_id
        self.session: MeetingSession | None = None
        #: Why `live ID` could not open its meeting while composing (said at mount).
        self.start_failure: Exception | None = None
        #: The clock every screen reads; tests pin it for stable snapshots.
        self.clock: Callable[[], datetime] = datetime.now
        self.autosaver = Autosaver(
            schedule=lambda delay, callback: call_after(self, delay, callback),
            on_saved=self._on_saved,
            on_error=self._on_save_error,
            on_unsaved=self._keep_rescue_copy,
        )
        self._read_only_warned = False
        #: What the user was told, newest last (bounded): Textual keeps only the
        #: notifications still on screen, and privately. Tests read this.
        self.shown_notifications: deque[Notification] = deque(maxlen=100)

    # -- start-up ----------------------------------------------------------------

    def get_driver_class(self):
        driver_class = super().get_driver_class()
        try:
            from .compat import tolerate_bad_input_bytes

            tolerate_bad_input_bytes(driver_class)
        except Exception:  # noqa: BLE001 - the strict decoder still works for UTF-8
            pass
        return driver_class

    def get_default_screen(self):
        if self.live_meeting_id:
            # Straight into live mode: the meeting list is built only when first needed,
            # and the meeting itself is the first screen (or an empty one while the app
            # asks something first).
            from .live_start import live_screen_at_start

            return (live_screen_at_start(self, self.live_meeting_id)
                    or super().get_default_screen())
        from .screens.start import StartScreen

        return StartScreen()

    def on_ready(self) -> None:
        # The start-up batch is over: the collector, switched off for start-up by
        # cli.console_main, comes back on. What start-up built lives as long as the
        # app, so it is frozen out of every later collection (cheaper keystrokes too).
        import gc

        if not gc.isenabled():
            gc.freeze()
            gc.enable()

    def on_mount(self) -> None:
        self.watch_for_the_end()
        if self.live_meeting_id:
            from .live_start import continue_at_mount

            continue_at_mount(self, self.live_meeting_id)
        else:
            self.offer_resume()  # after an unexpected stop: back to where it was

    # -- the open meeting --------------------------------------------------------

    @property
    def meeting(self):
        return self.session.meeting if self.session else None

    @property
    def read_only(self) -> bool:
        return self.session is None or self.session.read_only

    def mark_changed(self, *, notes_of: str | None = None) -> None:
        """The model changed: save it after SAVE_DELAY (notes_of: only that item's notes)."""
        if self.session is None:
            return
        if self.session.read_only:
            self.warn_read_only()
            return
        self.autosaver.changed(notes_of=notes_of)

    def warn_read_only(self) -> None:
        """Say once per meeting that nothing can be changed or saved here."""
        if self._read_only_warned:
            return
        self._read_only_warned = True
        from .ended_meeting import read_only_message

        title, message = read_only_message(self.session)
        self.notify(message, title=title, severity="warning", timeout=10)

    def save_now(self) -> bool:
        """Save synchronously (quit, switching meeting); True when all is saved."""
        self._sync_screens()
        return self.autosaver.save_now()

    def _sync_screens(self) -> None:
        """Copy what editors hold into the model before a final save.

        A key processed just before ctrl+q (or a signal) has changed the editor, but
        its Changed message may still be queued: without this it would be lost.
        """
        for screen in list(self.screen_stack):
            sync = getattr(screen, "sync_to_model", None)
            if sync is not None:
                try:
                    sync()
                except Exception:  # noqa: BLE001 - a final save must still happen
                    pass

    def _on_saved(self, _stamp: str) -> None:
        self.save_state = SaveState(Saving.SAVED, self.clock().strftime("%H:%M:%S"))
        self._forget_copies()

    def _on_save_error(self, message: str) -> None:
        self.save_state = SaveState(Saving.FAILED)
        where = f"\nUnder tiden finns en kopia i {self.rescue_copy}." if self.rescue_copy else ""
        self.notify(
            f"{message}\nTexten finns kvar och sparas så fort det går.{where}",
            title="Kunde inte spara", severity="error", timeout=15,
        )

    def open_meeting(self, meeting_id: str, mode: str = "live", item_id: str | None = None) -> None:
        """Open a meeting (taking its lock) and show it in the given mode.

        The new meeting is opened before the current one is let go, so a meeting that
        cannot be opened leaves everything as it was.
        """
        from .ended_meeting import locked_and_writable, read_only_when_locked

        if self.session is not None and self.session.meeting.id == meeting_id:
            if not locked_and_writable(self.session):
                self._show_mode(mode, item_id)
                return
            if not self.close_session():  # ended in this run: it now opens read-only
                self.notify("Mötet kunde inte sparas, så det stängs inte än.",
                            title="Kan inte öppna mötet", severity="error")
                return
        try:
            session = read_only_when_locked(self.store, self.store.open(meeting_id))
        except (MeetingLockedError, LockUnavailableError, StoreError) as exc:
            self.cannot_open(meeting_id, exc, mode, item_id)
            return
        self._switch_to(session, mode, item_id)

    def cannot_open(self, meeting_id: str, exc: Exception, mode: str, item_id) -> None:
        """Say why the meeting could not be opened; offer it read-only when it is held."""
        if isinstance(exc, (MeetingLockedError, LockUnavailableError)):
            self._offer_read_only(meeting_id, str(exc), mode, item_id)
            return
        self.notify(str(exc), title="Kan inte öppna mötet", severity="error")
        self._ensure_a_screen()

    def _switch_to(self, session: MeetingSession, mode: str, item_id: str | None) -> None:
        if not self.close_session():
            session.close()
            self.notify("Det öppna mötet kunde inte sparas, så det stängs inte än.",
                        title="Kan inte byta möte", severity="error")
            return
        self.attach_session(session)
        self._show_mode(mode, item_id)

    def _ensure_a_screen(self) -> None:
        """Never leave the user on the blank base screen (a failed start in live mode)."""
        from .screens.start import StartScreen

        if self.session is None and not any(
            isinstance(screen, StartScreen) for screen in self.screen_stack
        ):
            self._pop_to_start()

    def _offer_read_only(self, meeting_id: str, message: str, mode: str, item_id) -> None:
        from .dialogs.questions import ConfirmDialog

        def answer(yes: bool | None) -> None:
            if not yes:
                self._ensure_a_screen()
                return
            try:
                session = self.store.open(meeting_id, read_only=True)
            except StoreError as exc:
                self.notify(str(exc), title="Kan inte öppna mötet", severity="error")
                self._ensure_a_screen()
                return
            self._switch_to(session, mode, item_id)

        self.push_screen(
            ConfirmDialog(message, question="Öppna skrivskyddat?", yes="Öppna skrivskyddat"),
            answer,
        )

    def attach_session(self, session: MeetingSession) -> None:
        self.session = session
        self.autosaver.attach(session)
        self._read_only_warned = False
        from .ended_meeting import read_only_status

        self.save_state = read_only_status(session)
        if session.recovered is not None:
            self.notify(session.recovered.message(), title="Återställt", severity="warning",
                        timeout=15)

    def close_session(self) -> bool:
        """Save and release the open meeting; False (and kept open) if the save failed."""
        if self.session is None:
            return True
        if not self.save_now():
            return False
        self._close_session_quietly()
        return True

    def _close_session_quietly(self) -> None:
        session, self.session = self.session, None
        self.autosaver.attach(None)
        if session is not None:
            try:
                session.close()
            except Exception:  # noqa: BLE001 - releasing a lock must not block quitting
                pass

    def _show_mode(self, mode: str, item_id: str | None) -> None:
        if mode == "agenda" and item_id is None:
            item_id = self._current_item_id()
        screen = self._build_screen(mode, item_id)
        from .screens.live import LiveScreen

        if mode != "live" and isinstance(self.screen, LiveScreen):
            # Editing the roster or agenda mid-meeting: back to live mode afterwards.
            self.push_screen(screen)
            return
        # The start screen lies under one meeting screen (built lazily when the app
        # started straight in live mode).
        self._pop_to_start(build=mode != "live")
        if self._meeting_at_bottom():
            self.switch_screen(screen)  # `live ID`'s first screen: another meeting's
        else:
            self.push_screen(screen)

    def _meeting_at_bottom(self) -> bool:
        """Is `live ID`'s first screen, a meeting's live screen, alone on the stack?
        (The bottom screen is otherwise the meeting list or an empty screen.)"""
        from .screens.live import LiveScreen

        return len(self.screen_stack) == 1 and isinstance(self.screen, LiveScreen)

    def _current_item_id(self) -> str | None:
        """The item the secretary is at: live mode's, else where live mode would open."""
        from .screens.live import LiveScreen

        # The stack, not the top: the command palette may still be on top.
        for screen in reversed(self.screen_stack):
            if isinstance(screen, LiveScreen) and screen.item_id is not None:
                return screen.item_id
        first = self.session.meeting.first_open_item() if self.session else None
        return first.id if first else None

    def _pop_to_start(self, build: bool = True) -> None:
        if not build and len(self.screen_stack) <= 1:
            return  # nothing to pop: the list's module loads when the list is first shown
        from .screens.start import StartScreen

        while len(self.screen_stack) > 1 and not isinstance(self.screen, StartScreen):
            self.pop_screen()
        if build and not isinstance(self.screen, StartScreen):
            if self._meeting_at_bottom():
                self.switch_screen(StartScreen())
            else:
                self.push_screen(StartScreen())

    def _build_screen(self, mode: str, item_id: str | None):
        if mode == "live":
            from .screens.live import LiveScreen

            return LiveScreen(item_id=item_id)
        if mode == "setup":
            from .screens.setup import MeetingSetupScreen

            return MeetingSetupScreen()
        if mode == "agenda":
            from .screens.agenda_editor import AgendaEditorScreen

            return AgendaEditorScreen(item_id=item_id)
        raise ValueError(mode)

    def show_start(self) -> None:
        """Back to the meeting list (the open meeting stays open until another is)."""
        self.save_now()
        self._pop_to_start()
        refresh = getattr(self.screen, "refresh_meetings", None)
        if refresh is not None:
            refresh()

    # -- app-wide actions ----------------------------------------------------------

    async def action_quit(self) -> None:
        if self.close_session():
            self.exit()
            return
        from .dialogs.questions import ConfirmDialog

        def answer(yes: bool | None) -> None:
            if yes:
                self._final_save_and_close()
                self.exit(return_code=1)

        self.push_screen(
            ConfirmDialog(
                "Mötet kunde inte sparas: " + (self.autosaver.last_error or "okänt fel"),
                question="Avsluta ändå? Mötet skrivs då till en nödkopia (JSON) i din "
                         "hemkatalog, som kan importeras igen.",
                yes="Avsluta med nödkopia", no="Stanna kvar",
            ),
            answer,
        )

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(
                CommandPalette(placeholder="Sök bland kommandona…", id="--command-palette")
            )

    def action_help_quit(self) -> None:
        # ctrl+c copies in text fields; tell the reflexive presser how to quit, in Swedish.
        self.notify("Tryck ctrl+q för att spara och avsluta.", title="Vill du avsluta?")

    def notify(self, message: str, *, title: str = "", severity="information",
               timeout: float | None = None, markup: bool = True) -> None:
        # Messages carry names, titles and paths the user typed: a "[" in them must
        # never be read as markup (it could restyle the text or raise).
        timeout = toast_seconds(message, title, severity, timeout)
        self.shown_notifications.append(Notification(
            message, title, severity, timeout, markup=False))
        super().notify(message, title=title, severity=severity, timeout=timeout,
                       markup=False)

    def on_notice(self, message: Notice) -> None:
        """A worker has something to tell (workers post; only the UI thread notifies)."""
        self.notify(message.text, title=message.title, severity=message.severity,
                    timeout=message.timeout)

    def action_show_start(self) -> None:
        self.show_start()

    def action_help(self) -> None:
        from .dialogs.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_new_meeting(self) -> None:
        from store import Meeting

        # The app's clock, not the system's: a pinned clock (tests) and "now" agree, so a
        # new meeting is today's meeting and not a write-up of a past one.
        meeting = Meeting(title="Nytt möte", date=self.clock().date().isoformat())
        try:
            meeting_id = self.store.add(meeting)
        except StoreError as exc:
            self.notify(str(exc), title="Kunde inte skapa mötet", severity="error")
            return
        self.open_meeting(meeting_id, mode="setup")

    def action_import(self) -> None:
        from .dialogs.import_meeting import ImportDialog

        def imported(meeting_id: str | None) -> None:
            # The dialog has shown what was read; the secretary checks it in the editor.
            if meeting_id:
                self.open_meeting(meeting_id, mode="agenda")

        self.push_screen(ImportDialog(), imported)

    def action_action_list(self) -> None:
        from .screens.action_list import ActionListScreen

        if isinstance(self.screen, ActionListScreen):
            return
        self.push_screen(ActionListScreen())

    def export_meeting(self, meeting_id: str | None = None) -> None:
        """Ask where, then write the minutes (and the action list) in a worker."""
        from .dialogs.export_meeting import start_export

        start_export(self, meeting_id)

    def get_system_commands(self, screen):
        # Our own provider lists every command in Swedish; keep only the theme switch.
        yield SystemCommand("Byt färgtema", "Välj ett annat färgtema", self.action_change_theme)
        yield SystemCommand("Spara och avsluta", "Spara allt och avsluta Mötesbok", self.action_quit)
