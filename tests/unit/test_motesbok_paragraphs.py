"""The first § of an imported mötesbok from its ärenden's numbers (importers/
motesbok_paragraphs.py, store.domain.paragraphs.consecutive_first): generated agendas
whose case numbers or §§ follow one another set it; a gap, a swap, a repeat, another
year or an ärende without a number leave it to the series, and the summary says so."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from importers.motesbok import pages_of_text, parse_motesbok
from store.domain.paragraphs import consecutive_first

from tests.support.examples import examples

TITLES = ("Lekplats vid Ekbacken", "Badplatsens öppettider", "Bidrag till föreningar",
          "Hyror för idrottshallar", "Motionsspår i Norrskogen", "Ishallens ombyggnad",
          "Fiskevård i Storsjön", "Föreningsstöd 2032")


def book(agenda_lines: list[str], date: str = "2031-05-06") -> tuple[dict, object]:
    lines = ["Fritidsnämnden", f"Tid: {date} kl. 18.00", "Beslutsärenden", *agenda_lines,
             "TJÄNSTESKRIVELSE", "Dnr FN-2031/00001", "Förslag till beslut", "att besluta."]
    return parse_motesbok(pages_of_text("\n".join(lines)))


@given(st.lists(st.integers(-2, 400) | st.none(), max_size=8))
def test_consecutive_first_is_the_first_of_an_unbroken_run(numbers):
    first = consecutive_first(numbers)
    run = bool(numbers) and numbers[0] is not None and numbers[0] >= 1 and \
        numbers == list(range(numbers[0], numbers[0] + len(numbers)))
    assert first == (numbers[0] if run else None)


@st.composite
def runs(draw) -> tuple[int, int]:
    return draw(st.integers(1, 900)), draw(st.integers(1, len(TITLES)))


@settings(max_examples=examples(60), deadline=None)
@given(runs(), st.booleans())
def test_consecutive_case_numbers_set_the_first_paragraph(run, with_paragraph_mark):
    first, count = run
    lines = [f"{first + i}/31 {TITLES[i]}" for i in range(count)]
    if with_paragraph_mark:  # "§ 181 181/31 Title": the § is read, the same number here
        lines = [f"§ {first + i} {line}" for i, line in enumerate(lines)]
    data, summary = book(lines)
    assert data["first_paragraph"] == first
    assert f"första § {first} efter" in "; ".join(summary.parts())


@settings(max_examples=examples(60), deadline=None)
@given(runs())
def test_paragraph_marks_without_case_numbers(run):
    first, count = run
    data, summary = book([f"§ {first + i} {TITLES[i]}" for i in range(count)])
    assert [item["title"] for item in data["items"]] == list(TITLES[:count])
    assert data["first_paragraph"] == first
    assert f"första § {first} efter §-numren" in "; ".join(summary.parts())


@st.composite
def broken_runs(draw) -> list[int]:
    """Numbers that are no run: a gap, two swapped, or one repeated."""
    first = draw(st.integers(1, 900))
    count = draw(st.integers(2, len(TITLES)))
    numbers = list(range(first, first + count))
    at = draw(st.integers(0, count - 2))
    how = draw(st.sampled_from(("gap", "swap", "repeat")))
    if how == "gap":
        numbers[at + 1:] = [n + draw(st.integers(1, 5)) for n in numbers[at + 1:]]
    elif how == "swap":
        numbers[at], numbers[at + 1] = numbers[at + 1], numbers[at]
    else:
        numbers[at + 1] = numbers[at]
    return numbers


@settings(max_examples=examples(60), deadline=None)
@given(broken_runs(), st.booleans())
def test_numbers_that_do_not_follow_leave_the_first_paragraph_to_the_series(numbers, mark):
    if mark:
        lines = [f"§ {n} {TITLES[i]}" for i, n in enumerate(numbers)]
    else:
        lines = [f"{n}/31 {TITLES[i]}" for i, n in enumerate(numbers)]
    data, summary = book(lines)
    assert data["first_paragraph"] is None
    said = "; ".join(summary.parts())
    assert "följer inte på varandra" in said and "räknas som vanligt" in said


def test_case_numbers_of_another_year():
    data, summary = book(["12/30 Lekplats vid Ekbacken", "13/30 Badplatsens öppettider"])
    assert data["first_paragraph"] is None
    assert "inte från mötets år" in "; ".join(summary.parts())


def test_an_arende_without_a_paragraph_mark():
    data, summary = book(["§ 12 Lekplats vid Ekbacken", "2. Badplatsens öppettider"])
    assert len(data["items"]) == 2 and data["first_paragraph"] is None
    assert "alla ärenden har inte §-nummer" in "; ".join(summary.parts())


def test_an_agenda_numbered_one_two_three_sets_nothing():
    """1., 2., 3. are the agenda's own order, not §§: the series decides, unsaid."""
    data, summary = book(["1. Lekplats vid Ekbacken", "2. Badplatsens öppettider"])
    assert data["first_paragraph"] is None
    said = "; ".join(summary.parts())
    assert "första §" not in said and "räknas som vanligt" not in said
