"""Live mode's keyless command palette entries, each offered only when it applies."""

from __future__ import annotations


class LivePalette:
    """Mixed into LiveScreen (through LiveDialogs); tui/commands.py asks it."""

    def palette_commands(self) -> list[tuple[str, str, object]]:
        # Loaded when the palette asks, not with live mode: the chair's rules bring
        # the protocol's serving and presence rules, which its first frame never needs.
        from .live_chair import chair_commands
        from .live_unplaced import unplaced_commands

        return [*chair_commands(self), *unplaced_commands(self)]
