"""The mark after a standing item's title, wherever items are listed (live mode's
agenda, the agenda editor), and fitting such a label into a narrow list: the title is
shortened with … so that the mark stays visible."""

from __future__ import annotations

from rich.text import Text

from .fit import fit_before

#: The mark after a standing item's title.
STANDING_MARK = "↻"
_TAIL = f" {STANDING_MARK}"


def append_standing_mark(label: Text, standing: bool) -> Text:
    if standing:
        label.append(_TAIL, style="dim")
    return label


def fit_label(label: Text, width: int) -> Text:
    """`label` in at most `width` cells: the text before a standing mark shortened
    with …, never the mark. Unchanged when it fits (or the width is not known yet)."""
    if width <= 0 or label.cell_len <= width:
        return label
    if label.plain.endswith(_TAIL):
        return fit_before(label[:-len(_TAIL)], label[-len(_TAIL):], width)
    return fit_before(label, Text(), width)
