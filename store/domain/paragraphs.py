"""§ numbers of a protocol: consecutive over the top-level ärenden from the meeting's
first §, computed and never typed, so they follow when ärenden move.

Left unset, the first § continues the series: the last § of the previous protocol of the
same series in the same calendar year, plus one; a new year starts at 1 (PROTOCOL.md).
"""

from __future__ import annotations

from typing import Iterable, Sequence

from .model import AgendaItem, Meeting


#: The sign a protocol numbers its §§ with.
PARAGRAPH_SIGN = "§"


def paragraph_label(number: int) -> str:
    """'§ 44': the one way a single § is named (headings, dialogs, the § line)."""
    return f"{PARAGRAPH_SIGN} {number}"


def paragraph_count(meeting: Meeting) -> int:
    """Every top-level ärende is a §, deferred ones too (the § says it was bordlagt)."""
    return len(meeting.items)


def _order(meeting: Meeting) -> tuple[str, str, str]:
    return (meeting.date, meeting.start or "", meeting.created_at)


def first_paragraph(meeting: Meeting, earlier: Iterable[Meeting] = ()) -> int:
    """The § number of the meeting's first ärende.

    `earlier` is any set of stored meetings (the caller may pass the whole series); only
    protocols of the same series held before this meeting in the same year count.
    """
    if meeting.first_paragraph:
        return meeting.first_paragraph
    year = meeting.date[:4]
    series = meeting.series_name.casefold()
    chain = sorted(
        (
            m for m in earlier
            if m.is_protocol and (not meeting.id or m.id != meeting.id) and m.date[:4] == year
            and m.series_name.casefold() == series and _order(m) < _order(meeting)
        ),
        key=_order,
    )
    next_number = 1
    for previous in chain:
        start = previous.first_paragraph or next_number
        next_number = start + paragraph_count(previous)
    return next_number


def consecutive_first(numbers: Sequence[int | None]) -> int | None:
    """The first § when the ärenden's numbers can be their §§: every ärende has one, from
    1 up, each the one before plus one (as a case system numbers a mötesbok's ärenden,
    181, 182, …); else None, and the first § is counted as usual."""
    if not numbers or any(n is None or n < 1 for n in numbers):
        return None
    first = numbers[0]
    if any(n != first + i for i, n in enumerate(numbers)):  # type: ignore[operator]
        return None
    return first


def paragraph_numbers(meeting: Meeting, first: int) -> dict[str, int]:
    """{item id: § number} for the top-level ärenden, in agenda order."""
    return {item.id: first + index for index, item in enumerate(meeting.items)}


def paragraph_range_text(numbers: Iterable[int]) -> str:
    """'§ 41', '§§ 41–45', '§§ 41–43, 45' — the way a protocol names several §§."""
    ordered = sorted(set(numbers))
    if not ordered:
        return ""
    runs: list[tuple[int, int]] = []
    for n in ordered:
        if runs and n == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    parts = [f"{a}" if a == b else f"{a}–{b}" for a, b in runs]
    if len(ordered) == 1:
        return paragraph_label(ordered[0])
    return f"{PARAGRAPH_SIGN}{PARAGRAPH_SIGN} " + ", ".join(parts)


def paragraph_of(meeting: Meeting, item: AgendaItem, first: int) -> int | None:
    """The § an item belongs to: its own, or its top-level ärende's for a sub-item."""
    numbers = paragraph_numbers(meeting, first)
    if item.id in numbers:
        return numbers[item.id]
    for top in meeting.items:
        if any(sub.id == item.id for sub in top.walk()):
            return numbers[top.id]
    return None
