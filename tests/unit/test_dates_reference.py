"""Relative due dates count from the meeting's date (issue 10.4), for every form.

Hypothesis draws meeting dates (long ago, year ends, leap days) and every relative form
the parser accepts; each result is checked against a property of that form, computed
from the meeting's date and never from the real today.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from hypothesis import example, given
from hypothesis import strategies as st

from store.domain.dates import MONTHS_SV, WEEKDAYS_SV, due_date_reference, parse_due_date

meeting_dates = st.one_of(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31)),
    # The edges a reference date can sit on: year ends, leap days, month ends.
    st.sampled_from([date(1999, 12, 31), date(2000, 1, 1), date(2012, 2, 29),
                     date(2013, 5, 15), date(2000, 2, 29), date(1900, 2, 28),
                     date(2099, 12, 31), date(2023, 1, 31), date(2024, 2, 29)]),
)

SAME_DAY = {"idag": 0, "i dag": 0, "Idag": 0, "imorgon": 1, "i morgon": 1, "imorn": 1,
            "i morn": 1, "övermorgon": 2, "i övermorgon": 2, "overmorgon": 2}
NUMBER_WORDS = {"en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6,
                "sju": 7, "åtta": 8, "nio": 9, "tio": 10, "elva": 11, "tolv": 12}


def weekday_spellings() -> st.SearchStrategy[tuple[str, int]]:
    spelled = [(name, n) for n, name in enumerate(WEEKDAYS_SV)]
    spelled += [(name[:3], n) for n, name in enumerate(WEEKDAYS_SV)]
    spelled += [("tors", 3), ("lordag", 5), ("Fredag", 4), ("FRE", 4)]
    return st.sampled_from(spelled)


def add_months(start: date, months: int) -> date:
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def first_on_or_after(start: date, day: int, month: int) -> date:
    """The reference answer for '15/6': the first such date on or after `start`."""
    year = start.year
    while True:
        try:
            candidate = date(year, month, day)
        except ValueError:  # 29/2 in a common year
            year += 1
            continue
        if candidate >= start:
            return candidate
        year += 1


@given(meeting_dates, st.sampled_from(sorted(SAME_DAY)))
def test_today_tomorrow_count_from_the_meeting(meeting, typed):
    assert parse_due_date(typed, meeting) == meeting + timedelta(days=SAME_DAY[typed])


@given(meeting_dates, weekday_spellings(), st.booleans())
@example(date(2013, 5, 15), ("fredag", 4), False)  # the reported case: 17 May 2013
def test_a_weekday_is_the_next_one_strictly_after_the_meeting(meeting, spelled, on):
    name, weekday = spelled
    due = parse_due_date(f"på {name}" if on else name, meeting)
    assert due.weekday() == weekday
    assert 1 <= (due - meeting).days <= 7


@given(meeting_dates)
def test_next_week_is_the_monday_after_the_meeting(meeting):
    due = parse_due_date("nästa vecka", meeting)
    assert due.weekday() == 0 and 1 <= (due - meeting).days <= 7


@given(meeting_dates, weekday_spellings())
def test_next_weekday_lies_in_the_week_after_the_meetings(meeting, spelled):
    name, weekday = spelled
    due = parse_due_date(f"nästa {name}", meeting)
    next_monday = meeting + timedelta(days=7 - meeting.weekday())
    assert due == next_monday + timedelta(days=weekday)


@given(meeting_dates, st.integers(0, 400), st.sampled_from(["dag", "dagar"]))
def test_in_n_days(meeting, count, unit):
    assert parse_due_date(f"om {count} {unit}", meeting) == meeting + timedelta(days=count)


@given(meeting_dates, st.integers(0, 100), st.sampled_from(["vecka", "veckor"]))
def test_in_n_weeks(meeting, count, unit):
    assert parse_due_date(f"om {count} {unit}", meeting) == meeting + timedelta(weeks=count)


@given(meeting_dates, st.integers(0, 60), st.sampled_from(["månad", "månader", "manader"]))
def test_in_n_months(meeting, count, unit):
    assert parse_due_date(f"om {count} {unit}", meeting) == add_months(meeting, count)


@given(meeting_dates, st.sampled_from(sorted(NUMBER_WORDS)),
       st.sampled_from(["dagar", "veckor", "månader"]))
def test_in_a_number_word(meeting, word, unit):
    count = NUMBER_WORDS[word]
    expected = {"dagar": meeting + timedelta(days=count),
                "veckor": meeting + timedelta(weeks=count),
                "månader": add_months(meeting, count)}[unit]
    assert parse_due_date(f"om {word} {unit}", meeting) == expected


@st.composite
def day_and_month(draw) -> tuple[int, int]:
    month = draw(st.integers(1, 12))
    last = 29 if month == 2 else calendar.monthrange(2001, month)[1]
    return draw(st.integers(1, last)), month


@given(meeting_dates, day_and_month(), st.sampled_from(["{d}/{m}", "{d} / {m}", "{d} {name}",
                                                        "{d} {short}", "{d} {short}."]))
@example(date(2013, 5, 15), (15, 6), "{d}/{m}")  # the reported case: 15 June 2013
@example(date(2013, 5, 15), (15, 5), "{d}/{m}")  # the meeting's day itself
@example(date(2013, 5, 15), (14, 5), "{d}/{m}")  # passed: next year
@example(date(2013, 3, 1), (29, 2), "{d}/{m}")  # the next leap day: 2016
def test_day_and_month_is_the_first_on_or_after_the_meeting(meeting, day_month, form):
    day, month = day_month
    name = MONTHS_SV[month - 1]
    typed = form.format(d=day, m=month, name=name, short=name[:3])
    assert parse_due_date(typed, meeting) == first_on_or_after(meeting, day, month)


@given(meeting_dates, day_and_month())
def test_a_two_digit_year_is_the_nearest_such_year(meeting, day_month):
    day, month = day_month
    for offset in (-49, -1, 0, 1, 50):
        year = meeting.year + offset
        if month == 2 and day == 29 and not calendar.isleap(year):
            continue
        due = parse_due_date(f"{day}/{month}-{year % 100:02d}", meeting)
        assert due == date(year, month, day)


@given(meeting_dates, st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31)))
def test_a_written_out_year_does_not_depend_on_the_meeting(meeting, due):
    assert parse_due_date(due.isoformat(), meeting) == due
    assert parse_due_date(f"{due.day}/{due.month}-{due.year}", meeting) == due
    assert parse_due_date(f"{due.day} {MONTHS_SV[due.month - 1]} {due.year}", meeting) == due


@given(meeting_dates, st.dates())
def test_the_reference_is_the_meetings_date(meeting, today):
    assert due_date_reference(meeting.isoformat(), today) == meeting


@given(st.sampled_from(["", None, "  ", "ej satt"]), st.dates())
def test_a_meeting_without_a_date_counts_from_today(meeting_date, today):
    assert due_date_reference(meeting_date, today) == today
