"""Live mode's "stående punkt" toggle: whether the current item comes back in the next
meeting of the series. Shown in the agenda tree (and the agenda editor) by one mark."""

from __future__ import annotations

from ..widgets.standing_mark import STANDING_MARK


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
