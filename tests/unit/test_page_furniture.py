"""Page headers, footers and page numbers out, every line of text kept
(importers/page_furniture.py), over generated documents."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from importers.page_furniture import strip_furniture

from tests.support.examples import examples

HEADERS = (
    ["Byggnadsnämnden Östra härad", "KALLELSE {date}"],
    ["Byggnadsnämnden Östra härad    Sammanträdesdatum {date}"],
    ["Kallelse", "Byggnadsnämnden", "{date}"],
)
FOOTERS = (["Sida {n} ({total})"], ["{n}({total})"], ["- {n} -"], ["Östra härad kommun", "{n}"], [])
WORDS = ("detaljplan", "bygglov", "strandskydd", "tomt", "nämnden", "beslutar", "att",
         "ansökan", "Norrviken", "fasad", "2031", "kvarter", "förvaltningen")

body_line = st.lists(st.sampled_from(WORDS), min_size=2, max_size=9).map(" ".join)


@st.composite
def documents(draw):
    n = draw(st.integers(2, 12))
    header = draw(st.sampled_from(HEADERS))
    footer = draw(st.sampled_from(FOOTERS))
    date = draw(st.sampled_from(("2031-04-02", "2 april 2031")))
    # Text lines differ (a line repeated at the edge of every page *is* furniture).
    lines = draw(st.lists(body_line, min_size=n, max_size=n * 12, unique=True))
    cuts = sorted(draw(st.lists(st.integers(1, len(lines) - 1), min_size=n - 1,
                                max_size=n - 1, unique=True))) if n > 1 else []
    bodies = [lines[a:b] for a, b in zip([0, *cuts], [*cuts, len(lines)])]
    pages = []
    for number, body in enumerate(bodies, start=1):
        fill = {"date": date, "n": number, "total": n}
        pages.append([h.format(**fill) for h in header] + body + [f.format(**fill) for f in footer])
    return pages, bodies


@pytest.mark.slow
@settings(max_examples=examples(80), deadline=None)
@given(documents())
def test_furniture_goes_and_text_stays(case):
    pages, bodies = case
    clean = strip_furniture(pages).clean
    kept = [line for page in clean for line in page]
    assert kept == [line for body in bodies for line in body]


@pytest.mark.slow
@settings(max_examples=examples(40), deadline=None)
@given(documents())
def test_the_same_as_one_text_without_page_breaks(case):
    """A paste has no page breaks; its page-number footers cut it into pages."""
    pages, bodies = case
    clean = strip_furniture(pages).clean
    joined = strip_furniture([[line for page in pages for line in page]]).clean
    flat = [line for page in joined for line in page]
    assert all(line in flat for body in bodies for line in body)
    assert not any(line.startswith("Sida ") for line in flat)
    assert len(flat) >= len([line for page in clean for line in page])


def test_the_same_recipient_at_the_foot_of_every_paper_is_text():
    pages = []
    for n in range(1, 11):
        body = ["Förslag till beslut", f"att anta planen {n}."]
        if n % 2 == 0:
            body += ["Beslutet ska skickas till", "Miljöenheten"]
        pages.append(["Byggnadsnämnden", *body, f"Sida {n} (10)"])
    kept = [line for page in strip_furniture(pages).clean for line in page]
    assert kept.count("Miljöenheten") == 5
    assert "Byggnadsnämnden" not in kept


def test_a_diarienummer_printed_on_every_page_is_kept():
    pages = [["Dnr: BN-2031/00044", f"Text på sidan {n}.", f"Sida {n} (4)"] for n in range(1, 5)]
    kept = [line for page in strip_furniture(pages).clean for line in page]
    assert kept.count("Dnr: BN-2031/00044") == 4
