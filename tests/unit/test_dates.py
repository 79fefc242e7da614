"""Due dates typed the Swedish way, resolved against a fixed 'today'."""

from __future__ import annotations

from datetime import date

import pytest

from store.domain.dates import (
    ClockTimeError,
    DueDateError,
    clock_time_as_typed,
    format_date_sv,
    parse_clock_time,
    parse_due_date,
)

# Wednesday 2 April 2031.
TODAY = date(2031, 4, 2)


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("2031-04-08", date(2031, 4, 8)),
        ("2031-4-8", date(2031, 4, 8)),
        ("2032-01-15", date(2032, 1, 15)),
        # day/month, still ahead this year
        ("8/4", date(2031, 4, 8)),
        ("2/4", date(2031, 4, 2)),  # today itself counts
        ("24/12", date(2031, 12, 24)),
        # day/month already passed: next year
        ("1/4", date(2032, 4, 1)),
        ("15/1", date(2032, 1, 15)),
        ("29/2", date(2032, 2, 29)),  # the next leap day
        ("8/4-2031", date(2031, 4, 8)),
        ("8/4 2031", date(2031, 4, 8)),
        ("1/4-2031", date(2031, 4, 1)),  # an explicit year is taken as typed
        ("8/4-32", date(2032, 4, 8)),
        ("8 / 4", date(2031, 4, 8)),
        # month names
        ("8 april", date(2031, 4, 8)),
        ("8 April", date(2031, 4, 8)),
        ("8 apr", date(2031, 4, 8)),
        ("8 apr.", date(2031, 4, 8)),
        ("3 jan", date(2032, 1, 3)),
        ("28 feb", date(2032, 2, 28)),
        ("5 mars", date(2032, 3, 5)),
        ("17 maj", date(2031, 5, 17)),
        ("6 jun", date(2031, 6, 6)),
        ("6 juni", date(2031, 6, 6)),
        ("1 jul", date(2031, 7, 1)),
        ("12 aug", date(2031, 8, 12)),
        ("9 sep", date(2031, 9, 9)),
        ("9 sept", date(2031, 9, 9)),
        ("9 september", date(2031, 9, 9)),
        ("20 okt", date(2031, 10, 20)),
        ("11 nov", date(2031, 11, 11)),
        ("13 dec", date(2031, 12, 13)),
        ("8 april 2033", date(2033, 4, 8)),
        ("8:e april", date(2031, 4, 8)),
        # relative days
        ("idag", TODAY),
        ("i dag", TODAY),
        ("IDAG", TODAY),
        ("imorgon", date(2031, 4, 3)),
        ("i morgon", date(2031, 4, 3)),
        ("i övermorgon", date(2031, 4, 4)),
        ("övermorgon", date(2031, 4, 4)),
        ("i overmorgon", date(2031, 4, 4)),
        # weekdays: the next one after today
        ("torsdag", date(2031, 4, 3)),
        ("fredag", date(2031, 4, 4)),
        ("fre", date(2031, 4, 4)),
        ("Fredag", date(2031, 4, 4)),
        ("lördag", date(2031, 4, 5)),
        ("lordag", date(2031, 4, 5)),
        ("söndag", date(2031, 4, 6)),
        ("sön", date(2031, 4, 6)),
        ("måndag", date(2031, 4, 7)),
        ("mån", date(2031, 4, 7)),
        ("tisdag", date(2031, 4, 8)),
        ("tis", date(2031, 4, 8)),
        ("onsdag", date(2031, 4, 9)),  # today is Wednesday: a week ahead
        ("ons", date(2031, 4, 9)),
        ("tors", date(2031, 4, 3)),
        ("på fredag", date(2031, 4, 4)),
        ("nästa fredag", date(2031, 4, 11)),
        # spans
        ("om 3 dagar", date(2031, 4, 5)),
        ("om 1 dag", date(2031, 4, 3)),
        ("om 2 veckor", date(2031, 4, 16)),
        ("om två veckor", date(2031, 4, 16)),
        ("om en vecka", date(2031, 4, 9)),
        ("om 1 vecka", date(2031, 4, 9)),
        ("om en månad", date(2031, 5, 2)),
        ("om 10 månader", date(2032, 2, 2)),
        ("nästa vecka", date(2031, 4, 7)),
        ("Nästa Vecka", date(2031, 4, 7)),
        ("nasta vecka", date(2031, 4, 7)),
        ("  fredag  ", date(2031, 4, 4)),
    ],
)
def test_understood_forms(typed, expected):
    assert parse_due_date(typed, TODAY) == expected


def test_relative_forms_follow_today():
    sunday = date(2031, 4, 6)
    assert parse_due_date("nästa vecka", sunday) == date(2031, 4, 7)
    assert parse_due_date("måndag", sunday) == date(2031, 4, 7)
    assert parse_due_date("söndag", sunday) == date(2031, 4, 13)
    assert parse_due_date("imorgon", date(2031, 12, 31)) == date(2032, 1, 1)
    assert parse_due_date("om en månad", date(2031, 1, 31)) == date(2031, 2, 28)
    assert parse_due_date("8/4", date(2031, 4, 9)) == date(2032, 4, 8)


@pytest.mark.parametrize(
    "typed, fragment",
    [
        ("31/2", "Februari 2031 har bara 28"),
        ("30/2-2031", "28 dagar"),
        ("31/4", "30 dagar"),
        ("0/4", "ingen dag 0"),
        ("8/13", "ingen månad 13"),
        ("2031-02-30", "28 dagar"),
        ("hej", "Förstår inte"),
        ("8 fjärran", "Okänd månad"),
        ("om många veckor", "antalet"),
        ("", "Inget datum"),
        ("   ", "Inget datum"),
        ("2031/04/08/1", "Förstår inte"),
        ("fredag 13", "Förstår inte"),
    ],
)
def test_nonsense_is_refused_in_swedish(typed, fragment):
    with pytest.raises(DueDateError) as info:
        parse_due_date(typed, TODAY)
    assert fragment in str(info.value)
    assert isinstance(info.value, ValueError)


def test_error_message_quotes_what_was_typed():
    with pytest.raises(DueDateError, match="”hej”"):
        parse_due_date("hej", TODAY)


@pytest.mark.parametrize(
    "day, text",
    [
        (date(2031, 4, 4), "fredag 4 april 2031"),
        (date(2031, 4, 8), "tisdag 8 april 2031"),
        (date(2031, 6, 1), "söndag 1 juni 2031"),
        (date(2032, 2, 29), "söndag 29 februari 2032"),
    ],
)
def test_format_date_sv(day, text):
    assert format_date_sv(day) == text


def test_format_round_trips_through_the_parser():
    for offset in range(0, 400, 17):
        day = date.fromordinal(TODAY.toordinal() + offset)
        # "fredag 4 april 2031" -> drop the weekday, parse "4 april 2031".
        assert parse_due_date(format_date_sv(day).split(" ", 1)[1], TODAY) == day


@pytest.mark.parametrize(
    "typed, expected",
    [("13:30", "13:30"), ("9:05", "09:05"), ("9.05", "09:05"), ("0905", "09:05"),
     ("9", "09:00"), (" 23:59 ", "23:59"), ("00:00", "00:00"), ("915", "09:15"),
     ("845", "08:45")],
)
def test_clock_times(typed, expected):
    assert parse_clock_time(typed) == expected


@pytest.mark.parametrize("typed", ["24:00", "12:60", "9:5", "kl 9", "", "12:3x", "123"])
def test_bad_clock_times(typed):
    with pytest.raises(ClockTimeError, match="Ogiltig tid"):
        parse_clock_time(typed)


@pytest.mark.parametrize(
    "typed, state",
    [("", (True, None)), ("13:30", (True, "13:30")), ("0905", (True, "09:05")),
     ("1", (False, None)), ("13", (False, None)), ("13:", (False, None)),
     ("13:3", (False, None)), ("130", (False, None)), ("9.1", (False, None)),
     ("915", (True, "09:15"))],
)
def test_clock_time_as_typed(typed, state):
    assert clock_time_as_typed(typed) == state


@pytest.mark.parametrize("typed", ["25", "25:00", "13:61", "x", "13:300"])
def test_clock_time_as_typed_refuses_what_cannot_become_a_time(typed):
    with pytest.raises(ClockTimeError):
        clock_time_as_typed(typed)


def test_an_hour_too_large_is_quoted_as_typed():
    # Not "96:00": what the secretary typed is quoted.
    with pytest.raises(ClockTimeError, match="”961”"):
        clock_time_as_typed("961")
    with pytest.raises(ClockTimeError, match="”25”"):
        clock_time_as_typed("25")
