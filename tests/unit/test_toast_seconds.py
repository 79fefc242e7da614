"""How long a notification stays: confirmations briefly, warnings and errors until read."""

from __future__ import annotations

from hypothesis import given, strategies as st

from tui.toast_place import CHARACTERS_PER_SECOND, toast_seconds

severities = st.sampled_from(["information", "warning", "error"])
asked = st.none() | st.floats(min_value=0.5, max_value=30)


@given(st.text(max_size=400), st.text(max_size=40), st.sampled_from(["warning", "error"]),
       asked)
def test_a_warning_or_error_stays_until_it_can_be_read(message, title, severity, seconds):
    shown = toast_seconds(message, title, severity, seconds)
    assert shown >= (len(message) + len(title)) / CHARACTERS_PER_SECOND
    if seconds is not None:
        assert shown >= seconds  # never shorter than the caller asked


@given(st.text(max_size=400), st.text(max_size=40))
def test_a_confirmation_is_short_lived(message, title):
    assert 3 <= toast_seconds(message, title, "information", None) <= 6


@given(st.text(max_size=200), st.text(max_size=40), severities, asked)
def test_an_error_stays_longer_than_a_confirmation_of_the_same_text(message, title,
                                                                   severity, seconds):
    assert (toast_seconds(message, title, "error", None)
            > toast_seconds(message, title, "information", None))


def test_a_short_error_stays_long_enough_to_notice():
    assert toast_seconds("Fel.", "", "error", None) >= 10
