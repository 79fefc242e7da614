"""The hand-spelt labels of a mötesbok (importers/motesbok_labels.py), tested as classes:
generated misspellings of the diarienummer label and of the field labels."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from importers.motesbok_labels import (
    case_number_line,
    is_page_number,
    is_paper_marker,
    registration_number,
    section_label,
)

from tests.support.examples import examples

DNR_SPELLINGS = ("Dnr", "Diarienr", "Diariennr", "Diarienumr", "Diarienum", "Diarienummer")
VALUES = ("KS-2031/00412", "TN-2030/7", "BUN 2031/118", "MSN.2029.0042", "2031/356")


@st.composite
def misspelt(draw, word: str, edits: int = 2) -> str:
    """`word` after up to `edits` typing slips (a letter left out, doubled or swapped
    with its neighbour; never the first letter), in any case."""
    letters = list(word)
    for _ in range(draw(st.integers(0, edits))):
        if len(letters) < 3:
            break
        at = draw(st.integers(1, len(letters) - 2))
        slip = draw(st.sampled_from(("drop", "double", "swap")))
        if slip == "drop":
            del letters[at]
        elif slip == "double":
            letters.insert(at, letters[at])
        else:
            letters[at], letters[at + 1] = letters[at + 1], letters[at]
    text = "".join(letters)
    case = draw(st.sampled_from(("as is", "upper", "lower", "title")))
    return {"as is": text, "upper": text.upper(), "lower": text.lower(), "title": text.title()}[case]


@st.composite
def dnr_lines(draw) -> tuple[str, str]:
    word = draw(st.sampled_from(DNR_SPELLINGS))
    # Two slips in a three-letter word leave no word; one is a slip.
    label = draw(misspelt(word, edits=1 if len(word) <= 3 else 2))
    value = draw(st.sampled_from(VALUES))
    colon = draw(st.sampled_from(("", ":", " :", ".", ":  ")))
    indent = draw(st.sampled_from(("", " ", "\t")))
    return f"{indent}{label}{colon} {value}", value


@settings(max_examples=examples(400), deadline=None)
@given(dnr_lines())
def test_every_hand_spelt_dnr_label_gives_the_number(case):
    line, value = case
    assert registration_number(line) == " ".join(value.split())


@pytest.mark.parametrize("line", [
    "Diarieumnmer KS-2031/00412", "dairienummer: KS-2031/00412", "D.nr KS-2031/00412",
    "Diarie nr. KS-2031/00412", "Vårt dnr KS-2031/00412",
])
def test_found_misspellings(line):
    assert registration_number(line) == "KS-2031/00412"


@pytest.mark.parametrize("line", [
    "Budget: KS-2031/00412",
    "Datum 2031-03-11",
    "Nummer KS-2031/00412",
    "Dnr:",
    "Diarienummer saknas",
    "Den 2031/12 kommer beslutet att verkställas enligt planen för hela kommunen och länet",
])
def test_lines_that_are_no_dnr(line):
    assert registration_number(line) is None


FIELD_LABELS = {
    "Förslag till beslut": "proposal",
    "Ärendebeskrivning": "background",
    "Beslutsunderlag": "basis",
    "Beredningsansvariga": "responsible",
    "Beslutet ska skickas till": "send_to",
}


@settings(max_examples=examples(200), deadline=None)
@given(st.sampled_from(sorted(FIELD_LABELS)).flatmap(
    lambda label: st.tuples(st.just(label), misspelt(label, edits=1), st.sampled_from(("", ":")))
))
def test_field_labels_survive_a_typing_slip(case):
    label, written, colon = case
    assert section_label(written + colon) == (FIELD_LABELS[label], "")


def test_a_label_with_its_text_on_the_same_line():
    assert section_label("Beslutsunderlag: Tjänsteskrivelse 2031-02-20") == (
        "basis", "Tjänsteskrivelse 2031-02-20"
    )
    assert section_label("Handlingar") == ("basis", "")


@pytest.mark.parametrize("line", [
    "Förslag till budget", "Bakgrunden är känd", "Beslutet fattades i går", "Information",
])
def test_ordinary_lines_are_no_labels(line):
    assert section_label(line) is None


@pytest.mark.parametrize("line", ["Sida 3 (12)", "sida 3 av 12", "3(12)", "3 / 12", "- 3 -", "Sida 12"])
def test_page_numbers(line):
    assert is_page_number(line)


@pytest.mark.parametrize("line", ["181/24 Medfinansiering", "2031-03-11", "Sidan 3 visar planen"])
def test_not_page_numbers(line):
    assert not is_page_number(line)


def test_agenda_lines_and_markers():
    assert case_number_line("181/24 Medfinansiering: X 2024-2027") == ("181/24", "Medfinansiering: X 2024-2027")
    assert case_number_line("3. 12/31 Taxa") == ("12/31", "Taxa")
    assert case_number_line("2031/356 Ärendet") is None
    assert is_paper_marker("TJÄNSTESKRIVELSE") and is_paper_marker("Tjänsteskrivelse 2031-02-20")
    assert not is_paper_marker("Tjänsteskrivelsen visar att förvaltningen har räknat fel på "
                               "kostnaderna för hela projektet")
