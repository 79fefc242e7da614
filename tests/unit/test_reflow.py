"""Reflow of pasted text (issue 10.5): a PDF paragraph stays one paragraph."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.domain.reflow import reflow

from tests.support.examples import examples

PDF_COPY = (
    "Utbyggnaden av bredband på landsbygden har stannat\n"
    "av i två byar sedan i höstas, eftersom entreprenören\n"
    "har gått i konkurs och kommunen saknar avtal med\n"
    "en ny leverantör.\n"
    "\n"
    "Kansliet föreslår att rådet ber om en lägesrapport\n"
    "till nästa möte.\n"
)


def test_a_pdf_paragraph_becomes_one_paragraph_and_the_real_break_stays():
    assert reflow(PDF_COPY) == (
        "Utbyggnaden av bredband på landsbygden har stannat av i två byar sedan i "
        "höstas, eftersom entreprenören har gått i konkurs och kommunen saknar avtal "
        "med en ny leverantör.\n\nKansliet föreslår att rådet ber om en lägesrapport "
        "till nästa möte.\n"
    )


def test_bullets_of_every_kind_stay_bullets_written_with_a_dash():
    pasted = "Byarna:\n• Sörbyn\n- Västanå, där\n  nätet saknas\n1. Åsen\n2) Lid\n* Berg\n– Ön"
    assert reflow(pasted) == (
        "Byarna:\n- Sörbyn\n- Västanå, där nätet saknas\n- Åsen\n- Lid\n- Berg\n- Ön"
    )


def test_line_breaks_of_any_kind_and_runs_of_blank_lines():
    assert reflow("ett\r\ntvå\rtre\x0c\n \n\t\nfyra") == "ett två tre\n\nfyra"


def test_one_line_is_left_exactly_as_it_is():
    for text in ("", "ett", "  indraget ", "- punkt", "1. först"):
        assert reflow(text) == text


def test_hyphens_and_numbers_inside_a_line_are_not_bullets():
    assert reflow("Möte 2031-04-02\n-ett\n12 maj\n2031. Året") == (
        "Möte 2031-04-02 -ett 12 maj 2031. Året"
    )


# -- properties ----------------------------------------------------------------------

_MARKS = ["- ", "* ", "• ", "◦ ", "– ", "1. ", "2) ", "12. "]
_word = st.text(alphabet="abcdefåäöABC0123456789,.:;!?()'\"/", min_size=1, max_size=6).filter(
    lambda w: not re.fullmatch(r"\d{1,2}[.)]", w))
_words = st.lists(_word, min_size=1, max_size=6)


@st.composite
def documents(draw):
    """A document as paragraphs; each is an opening sentence and/or bullets."""
    paragraphs = []
    for _ in range(draw(st.integers(1, 3))):
        lead = draw(st.one_of(st.none(), _words))
        bullets = draw(st.lists(st.tuples(st.sampled_from(_MARKS), _words), max_size=3))
        if lead is None and not bullets:
            lead = draw(_words)
        paragraphs.append((lead, bullets))
    return paragraphs


def canonical(paragraphs) -> str:
    out = []
    for lead, bullets in paragraphs:
        lines = ([" ".join(lead)] if lead else []) + ["- " + " ".join(w) for _, w in bullets]
        out.append("\n".join(lines))
    return "\n\n".join(out)


@st.composite
def hard_wrapped(draw, words, first_prefix=""):
    """Words broken over lines at random places, as a PDF or a mail client does."""
    lines, line = [], first_prefix
    for word in words:
        if line.strip() and draw(st.booleans()):
            lines.append(line)
            line = draw(st.sampled_from(["", " ", "   ", "\t"]))
        line += ("" if not line.strip() else " ") + word
    lines.append(line + draw(st.sampled_from(["", " "])))
    return lines


@st.composite
def pasted(draw):
    paragraphs = draw(documents())
    blocks = []
    for lead, bullets in paragraphs:
        lines = draw(hard_wrapped(lead)) if lead else []
        for mark, words in bullets:
            lines += draw(hard_wrapped(words, first_prefix=draw(
                st.sampled_from(["", "  "])) + mark))
        blocks.append("\n".join(lines))
    separators = [draw(st.sampled_from(["\n\n", "\n \n", "\r\n\r\n", "\n\n\n"]))
                  for _ in blocks[1:]]
    text = blocks[0]
    for separator, block in zip(separators, blocks[1:]):
        text += separator + block
    return paragraphs, text


@pytest.mark.slow  # a long property-based run: not in make test-fast
@settings(max_examples=examples(150), suppress_health_check=[HealthCheck.too_slow])
@given(pasted())
def test_reflow_gives_back_the_paragraphs_and_bullets_that_were_wrapped(case):
    paragraphs, text = case
    result = reflow(text)
    if "\n" in text or "\r" in text:
        assert result == canonical(paragraphs)
    # Paragraph breaks kept, one per gap; every bullet kept; no word lost or added.
    assert result.count("\n\n") == (len(paragraphs) - 1 if "\n" in result else 0)


@settings(max_examples=examples(300))
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=200))
def test_reflow_is_idempotent_and_loses_no_text(text):
    once = reflow(text)
    assert reflow(once) == once
    words_in = [w for line in re.split(r"\r\n?|\n|[\u2028\u2029\x0b\x0c\x85]", text)
                for w in _strip_mark(line).split()]
    words_out = [w for line in once.split("\n") for w in _strip_mark(line).split()]
    assert words_out == words_in


def _strip_mark(line: str) -> str:
    from store.domain.reflow import bullet_content

    content = bullet_content(line)
    return line if content is None else content
