"""Live mode's keyless command palette entries, each offered only when it applies."""

from __future__ import annotations

from .live_chair import chair_commands
from .live_unplaced import unplaced_commands


class LivePalette:
    """Mixed into LiveScreen (through LiveDialogs); tui/commands.py asks it."""

    def palette_commands(self) -> list[tuple[str, str, object]]:
        return [*chair_commands(self), *unplaced_commands(self)]
