"""The status line's save state is a kind, not words to parse (tui/save_state.py)."""

from __future__ import annotations

import pytest

from tui.save_state import SaveState, Saving


def test_only_a_failure_is_a_failure():
    assert [kind for kind in Saving if SaveState(kind).failed] == [Saving.FAILED]


@pytest.mark.parametrize("kind", list(Saving))
def test_every_kind_has_words_but_idle(kind):
    assert bool(SaveState(kind, "10:42:13").text) is (kind is not Saving.IDLE)


def test_a_good_save_says_when():
    assert SaveState(Saving.SAVED, "10:42:13").text == "Sparat 10:42:13"


def test_words_are_never_read_back():
    # A meeting titled "EJ" or a time never makes a good save look failed.
    assert not SaveState(Saving.SAVED, "EJ").failed
