"""The mark after a standing item's title, wherever items are listed (live mode's
agenda, the agenda editor)."""

from __future__ import annotations

from rich.text import Text

#: The mark after a standing item's title.
STANDING_MARK = "↻"


def append_standing_mark(label: Text, standing: bool) -> Text:
    if standing:
        label.append(f" {STANDING_MARK}", style="dim")
    return label
