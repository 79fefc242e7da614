"""The footer of live mode and the other screens: every key on as many lines as it needs,
so F10, F12 and the command palette stay visible at 80 columns (one line cut them off
after "f9 G…", and left a stray letter beside the palette key).

It is Textual's Footer (the keys stay clickable and follow the focused widget), with its
entries packed greedily into as many lines as they need (two at 80 columns) instead of
one grid row that overflows.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Footer
from rich.cells import cell_len
from textual.widgets._footer import FooterKey, FooterLabel

PALETTE_LABEL = "Kommandon"
#: At most this many lines; more keys than fit are cut at the last line's end.
MAX_ROWS = 3


def _entry_width(widget) -> int:
    """Columns an entry takes in the compact footer (a group's label has a margin)."""
    if isinstance(widget, FooterKey):
        if not widget.description:  # a key of a group: margin on both sides
            return cell_len(widget.key_display) + 2
        extra = 2 if widget.has_class("-command-palette") else 0  # its border, padding
        return cell_len(f"{widget.key_display} {widget.description}") + 1 + extra
    if isinstance(widget, FooterLabel):
        return cell_len(str(widget.content)) + 1
    return 12


class LiveFooter(Footer):
    DEFAULT_CSS = """
    LiveFooter {
        layout: vertical;
        height: auto;
        overflow: hidden hidden;
        scrollbar-size: 0 0;
    }
    LiveFooter > Horizontal {
        height: 1;
        width: 100%;
        overflow: hidden hidden;
        background: $footer-background;
    }
    """

    def compose(self) -> ComposeResult:
        entries = list(super().compose())
        for entry in entries:
            if entry.has_class("-command-palette"):
                entry.description = PALETTE_LABEL  # Textual's own word is "palette"
        width = max(self.size.width or self.app.size.width, 20)
        self._packed_width = width
        # Units that stay on one line: a group's keys with their label ("^n^b Punkt").
        units: list[list] = []
        group: list = []
        for entry in entries:
            if isinstance(entry, FooterKey) and not entry.description:
                group.append(entry)
            elif isinstance(entry, FooterLabel):
                units.append([*group, entry])
                group = []
            else:
                units.extend([[key] for key in group] + [[entry]])
                group = []
        units.extend([key] for key in group)
        rows: list[list] = [[]]
        used = 0
        for unit in units:
            needed = sum(_entry_width(entry) for entry in unit)
            if rows[-1] and used + needed > width and len(rows) < MAX_ROWS:
                rows.append([])
                used = 0
            rows[-1].extend(unit)
            used += needed
        self.styles.height = len(rows)
        for row in rows:
            yield Horizontal(*row)

    def on_resize(self, event) -> None:
        # Packed for one width: another one needs the lines packed again.
        if event.size.width != getattr(self, "_packed_width", event.size.width):
            self.call_after_refresh(self.recompose)
