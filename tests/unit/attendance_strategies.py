"""Hypothesis strategies for presence intervals, shared by the attendance tests."""

from __future__ import annotations

from hypothesis import strategies as st

from store.domain.attendance import Interval


def clock(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


@st.composite
def presences(draw, max_intervals: int = 3) -> list[Interval]:
    """A valid, normalized presence: ordered, apart, each arrival before its departure."""
    count = draw(st.integers(0, max_intervals))
    times = sorted(draw(st.sets(st.integers(0, 24 * 60 - 1), min_size=2 * count,
                                max_size=2 * count)))
    intervals = [Interval(clock(times[i]), clock(times[i + 1]))
                 for i in range(0, len(times), 2)]
    if intervals and draw(st.booleans()):
        intervals[0] = Interval(None, intervals[0].end)
    if intervals and draw(st.booleans()):
        intervals[-1] = Interval(intervals[-1].start, None)
    if len(intervals) == 1 and intervals[0] == Interval(None, None):
        return []
    return intervals
