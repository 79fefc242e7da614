"""Standard output guarded for a command, and errors written to stderr."""

from __future__ import annotations

import sys
from contextlib import contextmanager

from cli.terminal import print_safe, terminal_safe


class StdoutError(Exception):
    """Writing to standard output failed (a full disk, a device that takes nothing)."""

    def __init__(self, error: OSError):
        super().__init__(str(error))
        self.error = error

    def message(self) -> str:
        import errno

        if self.error.errno in (errno.ENOSPC, errno.EDQUOT):
            reason = "det finns inget utrymme kvar där"
        else:
            reason = terminal_safe(self.error.strerror or str(self.error))
        return f"Kunde inte skriva till standard ut: {reason}. Utskriften är ofullständig."


class _GuardedStream:
    """A stream whose failing writes raise StdoutError (a closed pipe stays itself)."""

    def __init__(self, stream):
        self._stream = stream

    def _guard(self, method, *args):
        try:
            return method(*args)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise StdoutError(exc) from exc

    def write(self, data):
        return self._guard(self._stream.write, data)

    def flush(self):
        return self._guard(self._stream.flush)

    @property
    def buffer(self):
        return _GuardedStream(self._stream.buffer)

    def __getattr__(self, name):
        return getattr(self._stream, name)


@contextmanager
def guarded_stdout():
    """stdout for a command, so that its failure is told apart from any other OSError."""
    original = sys.stdout
    sys.stdout = _GuardedStream(original)
    try:
        yield
    finally:
        sys.stdout = original


def silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's last flush cannot fail again."""
    import os

    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def say_error(message: str) -> None:
    print_safe(message, file=sys.stderr)
