"""Fitting a line into a narrow place: shorten the part that can be shortened (a
title) with …, keep what must stay readable after it (a date, a mark)."""

from __future__ import annotations

from rich.text import Text

ELLIPSIS = "…"


def fit_before(head: Text, tail: Text, width: int) -> Text:
    """`head` + `tail` in at most `width` cells, `head` shortened with … first.

    Unchanged when it fits or the width is not known yet (0); when not even one
    letter of `head` and the … fit beside `tail`, the whole is cut at its end.
    """
    whole = head + tail
    if width <= 0 or whole.cell_len <= width:
        return whole
    room = width - tail.cell_len
    if room < 2:
        whole.truncate(width, overflow="ellipsis")
        return whole
    head = head.copy()
    head.truncate(room, overflow="ellipsis")
    return head + tail
