"""Live mode's "stående punkt" toggle: whether the current item comes back in the next
meeting of the series. Shown in the agenda tree (and the agenda editor) by one mark."""

from __future__ import annotations

from rich.text import Text

#: The mark after a standing item's title, wherever items are listed.
STANDING_MARK = "↻"


def append_standing_mark(label: Text, standing: bool) -> Text:
    if standing:
        label.append(f" {STANDING_MARK}", style="dim")
    return label


def toggle_standing(screen) -> None:
    """Flip the current item's standing flag, save, redraw and say what it means."""
    item = screen.current
    if item is None:
        return
    item.standing = not item.standing
    screen.app.mark_changed()
    screen.refresh_tree_labels()
    if item.standing:
        screen.notify(f"”{item.title}” är en stående punkt ({STANDING_MARK}): den kommer "
                      "med på nästa möte i serien.", title="Stående punkt")
    else:
        screen.notify(f"”{item.title}” är inte längre en stående punkt.",
                      title="Stående punkt")
