"""The status line's pacing: redraws wait for the next edit while the secretary types."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.status_pacing import TYPING_PAUSE, StatusPacing


class Clock:
    """A hand-driven clock with the timers armed on it."""

    def __init__(self):
        self.now = 100.0
        self.timers: list[tuple[float, object]] = []

    def __call__(self) -> float:
        return self.now

    def schedule(self, delay: float, callback) -> None:
        assert delay > 0
        self.timers.append((self.now + delay, callback))

    def advance(self, seconds: float) -> None:
        end = self.now + seconds
        while True:
            due = sorted((t for t in self.timers if t[0] <= end), key=lambda t: t[0])
            if not due:
                break
            self.timers.remove(due[0])
            self.now = due[0][0]
            due[0][1]()
        self.now = end


@pytest.fixture
def clock():
    return Clock()


def pacing_on(clock, draws):
    return StatusPacing(lambda: draws.append(clock.now), clock.schedule, clock)


def test_without_typing_a_redraw_is_drawn_at_once(clock):
    draws = []
    pacing = pacing_on(clock, draws)
    pacing.request()
    assert draws == [100.0] and not pacing.pending
    assert clock.timers == []


def test_while_typing_the_redraw_goes_out_with_the_next_edit(clock):
    draws = []
    pacing = pacing_on(clock, draws)
    pacing.edited()
    clock.advance(0.05)
    pacing.request()  # the clock ticks between two keystrokes
    assert draws == [] and pacing.pending
    clock.advance(0.07)
    pacing.edited()
    assert draws == [pytest.approx(100.12)] and not pacing.pending
    clock.advance(TYPING_PAUSE * 3)
    assert len(draws) == 1  # the fallback finds nothing left to draw


def test_when_the_typing_stops_the_redraw_comes_a_pause_after_the_last_edit(clock):
    draws = []
    pacing = pacing_on(clock, draws)
    pacing.edited()
    clock.advance(0.1)
    pacing.request()
    clock.advance(TYPING_PAUSE)
    assert draws == [pytest.approx(100.0 + TYPING_PAUSE)]


def test_an_edit_with_nothing_waiting_draws_nothing(clock):
    draws = []
    pacing = pacing_on(clock, draws)
    for _ in range(5):
        pacing.edited()
        clock.advance(0.1)
    assert draws == []


def test_drawing_now_clears_what_waited(clock):
    draws = []
    pacing = pacing_on(clock, draws)
    pacing.edited()
    pacing.request()
    pacing.draw_now()  # another item shown
    pacing.edited()
    clock.advance(TYPING_PAUSE * 2)
    assert draws == [100.0]


# Any interleaving of edits, requests and pauses: a request is never lost (it is drawn
# by the next edit, or at most TYPING_PAUSE after the last edit), it is drawn at once
# when nobody typed for TYPING_PAUSE, and there is at most one waiting timer.
steps = st.lists(
    st.one_of(
        st.tuples(st.just("edit"), st.just(0.0)),
        st.tuples(st.just("request"), st.just(0.0)),
        st.tuples(st.just("wait"), st.floats(0.001, 1.0)),
    ),
    max_size=40,
)


@given(steps)
def test_no_request_is_lost_or_late(sequence):
    clock = Clock()
    draws: list[float] = []
    pacing = pacing_on(clock, draws)
    last_edit = None
    waiting_since = None
    for kind, seconds in sequence:
        if kind == "edit":
            pacing.edited()
            last_edit = clock.now
            if waiting_since is not None:
                assert draws and draws[-1] == clock.now
                waiting_since = None
        elif kind == "request":
            before = len(draws)
            pacing.request()
            typing = last_edit is not None and clock.now - last_edit < TYPING_PAUSE
            assert (len(draws) == before) == typing
            if typing and waiting_since is None:
                waiting_since = clock.now
        else:
            clock.advance(seconds)
            if waiting_since is not None and clock.now >= last_edit + TYPING_PAUSE:
                assert draws and draws[-1] == pytest.approx(last_edit + TYPING_PAUSE)
                waiting_since = None
        assert len(clock.timers) <= 1
        assert pacing.pending == (waiting_since is not None)
    clock.advance(TYPING_PAUSE)
    assert not pacing.pending
