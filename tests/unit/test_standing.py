"""Which item titles are standing (issue 10.6): a corpus of the usual wordings, each
with and without numbering, in different case, with a detail after it; and ordinary
titles that merely mention the same words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.domain.standing import looks_standing, standing_kind
from tests.support.samples import CORPUS


NUMBERING = ["", "1. ", "12. ", "3 ", "§ 4 ", "§4 ", "4.2 ", "b) ", "2) "]
DETAILS = ["", ".", ":", ": 12 juni kl. 13", " – inga anmälda", " (bilaga 2)", " - se bilaga"]
CASES = [str, str.upper, str.lower, str.title]

#: Ordinary items. Decided: the standing words must be the whole title (a detail after
#: a colon, dash or parenthesis aside); a title that uses them inside a sentence is an
#: ordinary item, since it is about something else and must not come back every time.
NEGATIVES = [
    "Budget 2014", "Information om nästa mötes lokal", "Nästa mötesplats för styrgruppen",
    "Övrigt om skolan", "Övriga frågor om budgeten", "Avslutande diskussion om skolan",
    "Öppnande av nya förskolan", "Val av leverantör", "Val av ny kassör i föreningen",
    "Protokoll från styrelsen", "Dagordningens upplägg inför årsmötet",
    "Rapport från föregående vecka", "Nya öppettider", "Mötesrum och lokaler",
    "Avslutade projekt", "Justering av budgeten", "Välkomstpaket till nyanställda",
    "Uppföljning av projektet", "Sammanträdesplan 2014", "", "   ", "1.",
]


@pytest.mark.parametrize("kind, title", CORPUS)
def test_each_usual_wording_is_standing_with_its_kind(kind, title):
    assert standing_kind(title) == kind


@given(st.sampled_from(CORPUS), st.sampled_from(NUMBERING), st.sampled_from(DETAILS),
       st.sampled_from(CASES))
def test_numbering_case_and_details_do_not_matter(entry, number, detail, case):
    kind, title = entry
    assert standing_kind(number + case(title) + detail) == kind


@given(st.sampled_from(CORPUS))
def test_without_swedish_letters(entry):
    kind, title = entry
    plain = title.translate(str.maketrans("åäöÅÄÖ", "aaoAAO"))
    assert standing_kind(plain) == kind


@pytest.mark.parametrize("title", [
    "Mötets öppnande och val av justerare",
    "Val av justerare samt godkännande av dagordningen",
    "Mötets öppnande, val av justerare och godkännande av dagordningen",
    "Nästa möte och mötets avslutande",
])
def test_standing_items_joined_in_one_title_are_standing(title):
    assert looks_standing(title)


@pytest.mark.parametrize("title", NEGATIVES)
def test_ordinary_titles_are_not_standing(title):
    assert not looks_standing(title)


@given(st.sampled_from(CORPUS), st.sampled_from(["Information om ", "Diskussion: ",
                                                 "Rapport om ", "Inför "]))
def test_the_words_inside_an_ordinary_title_do_not_count(entry, lead):
    _, title = entry
    assert not looks_standing(lead + title.lower())


def test_the_importer_and_the_series_use_this_rule():
    import importers.detect
    import store.domain.model
    import store.domain.series
    from store.domain import standing

    assert importers.detect.looks_standing is standing.looks_standing
    assert store.domain.series.looks_standing is standing.looks_standing
    assert store.domain.model.looks_standing is standing.looks_standing
