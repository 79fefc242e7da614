"""Nothing typed is lost when the process is stopped: signals, a vanished terminal,
failing saves.

Mixed into the app. SIGHUP and SIGTERM (and a terminal that hangs up without sending
SIGHUP) save from the model and leave. While saves fail, a rescue copy of the meeting
is kept elsewhere after each attempt; if even the last save fails, an emergency copy is
written (or, with nowhere to write, the meeting is printed as JSON on exit). Copies are
named and found again by store.persistence.rescue.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import threading
from pathlib import Path

from store import StoreError


def _emergency_folders():
    """Where an emergency copy may go, best first (store.persistence.rescue looks there on start)."""
    from store.persistence.rescue import rescue_folders

    return rescue_folders()


class CrashSafety:
    """App mixin: the final save, however the app ends, and copies when saving fails.

    Needs from the app: ``session`` and ``save_now()``.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._signals_installed: list[int] = []
        #: Where the meeting went when even the last save failed (shown on exit).
        self.emergency_copy: Path | None = None
        #: The meeting as JSON when not even an emergency copy could be written.
        self.unwritten_copy: bytes | None = None
        #: The copy kept up to date while saves fail (removed by the next good save).
        self.rescue_copy: Path | None = None
        self._emergency_name: str | None = None

    # -- signals and the terminal ----------------------------------------------------

    def watch_for_the_end(self) -> None:
        """At mount: save and leave on SIGHUP, SIGTERM or a terminal that vanished."""
        self._install_signal_handlers()
        self._watch_terminal()

    def _watch_terminal(self) -> None:
        """Leave as on SIGHUP when the terminal hangs up without sending one.

        A terminal that is not the controlling one (setsid, some container and
        multiplexer setups) just vanishes: Textual's input thread then spins on EOF at
        full CPU for ever, and the orphan keeps the meeting locked against the
        secretary's next start.
        """
        if self.is_headless or os.name != "posix":
            return
        try:
            import select

            fd = sys.__stdin__.fileno()
            if not os.isatty(fd):
                return
            poll = select.poll()
            poll.register(fd, select.POLLIN)
        except (AttributeError, OSError, ValueError):
            return
        hung_up = select.POLLHUP | select.POLLERR | select.POLLNVAL

        def check() -> None:
            try:
                events = poll.poll(0)
            except OSError:
                return
            if any(event & hung_up for _fd, event in events):
                self._on_terminate_signal(signal.SIGHUP)

        self.set_interval(1.0, check, name="terminal-watch")

    def _install_signal_handlers(self) -> None:
        """Save from the model and exit on SIGHUP (terminal gone) and SIGTERM.

        Textual installs no handler for them, so the default would kill the process
        without a save. The handlers run in the event loop, never inside a write.
        """
        if self.is_headless or os.name != "posix":
            return
        try:
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGHUP, signal.SIGTERM):
                loop.add_signal_handler(sig, self._on_terminate_signal, sig)
                self._signals_installed.append(sig)
        except (RuntimeError, NotImplementedError, ValueError):
            pass

    def _on_terminate_signal(self, sig: int) -> None:
        self._final_save_and_close()
        if sig == signal.SIGHUP:
            # The terminal is gone: there is nothing to restore, and writing to it
            # could block. Everything is saved, so leave at once.
            os._exit(0)
        # SIGTERM: restore the terminal, but never hang on the way out.
        timer = threading.Timer(3.0, os._exit, args=(0,))
        timer.daemon = True
        timer.start()
        self.exit(return_code=0)

    # -- copies while saves fail -------------------------------------------------------

    def _forget_copies(self) -> None:
        """A save went through: the rescue copy is stale, remove it."""
        rescue, self.rescue_copy = self.rescue_copy, None
        self._emergency_name = None
        self.unwritten_copy = None
        if rescue is not None:
            try:
                rescue.unlink()
            except OSError:
                pass

    def _keep_rescue_copy(self) -> None:
        """After each failed save: the meeting as it is now, somewhere else (a kill -9
        in a long disk-full spell must not take everything since the last good save)."""
        if self.session is None:
            return
        path = self._write_emergency_copy()
        if path is not None and self.rescue_copy not in (None, path):
            try:
                self.rescue_copy.unlink()  # an older copy in a folder that filled up
            except OSError:
                pass
        if path is not None:
            self.rescue_copy = path

    def _write_emergency_copy(self) -> Path | None:
        """The meeting as importable JSON in the home or temp directory (disk full...)."""
        from export.json_io import meeting_json_bytes

        meeting = self.session.meeting
        try:
            data = meeting_json_bytes(meeting)
        except Exception:  # noqa: BLE001 - nothing more can be done
            return None
        # One name for the whole failure spell: each new copy replaces the last.
        if self._emergency_name is None:
            from store.persistence.rescue import rescue_file_name  # found again there after a crash

            self._emergency_name = rescue_file_name(meeting.id)
        name = self._emergency_name
        self.unwritten_copy = None
        from store.persistence.storage import write_file_atomic

        for folder in _emergency_folders():
            path = folder / name
            try:
                # Atomic and private (0600: /tmp and /dev/shm are shared): a disk full
                # mid-write leaves neither a torn copy nor a spoilt earlier one.
                write_file_atomic(path, data)
                return path
            except (StoreError, OSError):
                continue
        # Nowhere to write at all: the terminal is the last place left (see run()).
        self.unwritten_copy = data
        return None

    # -- however the app ends ----------------------------------------------------------

    def _final_save_and_close(self) -> None:
        """Save one last time; if even that fails, write an emergency copy elsewhere."""
        if self.session is not None and not self.save_now():
            self.emergency_copy = self._write_emergency_copy()
        self._close_session_quietly()

    def run(self, *args, **kwargs):
        try:
            return super().run(*args, **kwargs)
        finally:
            # Whatever ended the app, the model is still here: save it last of all.
            self._final_save_and_close()
            if self.emergency_copy is not None:
                sys.stderr.write(
                    f"Mötet kunde inte sparas. En nödkopia finns i {self.emergency_copy}\n"
                    f"Läs in den igen med: motesbok import \"{self.emergency_copy}\"\n"
                )
            elif self.unwritten_copy is not None:
                sys.stderr.write(
                    "Mötet kunde inte sparas och ingen nödkopia kunde skrivas (är disken "
                    "full?). Här är hela mötet som JSON: kopiera texten mellan strecken "
                    "till en fil och läs in den med motesbok import FIL.\n-----\n"
                )
                sys.stderr.write(self.unwritten_copy.decode("utf-8", "replace"))
                sys.stderr.write("\n-----\n")

    def on_unmount(self) -> None:
        # Not every ending passes through ExitApp (Textual's run_test shuts down
        # directly); the model is still here after the widgets are gone, so save it.
        self._final_save_and_close()

    async def _on_exit_app(self) -> None:
        # However the app ends (ctrl+q, exit(), a test's end), save and free the lock.
        self._final_save_and_close()
        await super()._on_exit_app()
