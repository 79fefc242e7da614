"""The field markup (docs/FORMAT.md, "Field text"): lines, bullets, bold, italic and
XML-safe text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from export.markup import Run, clean_xml_text, field_lines, one_line, parse_field, parse_inline

from tests.support.examples import examples

XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def test_each_nonempty_line_is_a_paragraph_and_blank_lines_are_dropped():
    paragraphs = parse_field("Första stycket.\n\n   \nAndra stycket.\n")
    assert [p.text for p in paragraphs] == ["Första stycket.", "Andra stycket."]
    assert [p.bullet for p in paragraphs] == [False, False]


def test_dash_space_makes_a_bullet_without_the_dash():
    paragraphs = parse_field("Inledning\n- Skolor\n- Vägar och broar\n-utan mellanslag")
    assert [(p.text, p.bullet) for p in paragraphs] == [
        ("Inledning", False),
        ("Skolor", True),
        ("Vägar och broar", True),
        ("-utan mellanslag", False),
    ]


def test_lone_dash_line_is_dropped():
    assert field_lines("- \nText") == ["Text"]


def test_bold_and_italic_runs():
    (paragraph,) = parse_field("Vi **beslutar** att *snarast* agera")
    assert paragraph.runs == [
        Run("Vi ", False, False),
        Run("beslutar", True, False),
        Run(" att ", False, False),
        Run("snarast", False, True),
        Run(" agera", False, False),
    ]


def test_nested_emphasis():
    assert parse_inline("***båda***") == [Run("båda", True, True)]
    assert parse_inline("*lutande **och fet** text*") == [
        Run("lutande ", False, True),
        Run("och fet", True, True),
        Run(" text", False, True),
    ]
    assert parse_inline("**fet *och lutande***") == [
        Run("fet ", True, False),
        Run("och lutande", True, True),
    ]


def test_unclosed_or_spaced_markers_stay_as_typed():
    for text in ["2 * 3 * 4", "a**b", "*", "**", "* inte kursiv*", "stjärna*"]:
        assert parse_inline(text) == [Run(text)], text


def test_markup_inside_a_bullet():
    (paragraph,) = parse_field("- Kontakta **Region Norr** snarast")
    assert paragraph.bullet
    assert paragraph.runs[1] == Run("Region Norr", True, False)


def test_clean_xml_text_drops_what_xml_cannot_hold():
    dirty = "Å\x00b\x01c\x08\x0b\x0c\x1f\x7f\x85d\ud800e\udfff\ufffe\uffff\tf\ng😀"
    assert clean_xml_text(dirty) == "Åbcde\tf\ng😀"
    assert clean_xml_text("rad1\r\nrad2\rrad3") == "rad1\nrad2\nrad3"
    assert clean_xml_text("") == ""


def test_one_line_joins_lines_with_spaces():
    assert one_line("Stadshuset,\r\n sal 2\x07") == "Stadshuset, sal 2"
    assert one_line("Enkel rad") == "Enkel rad"


@settings(max_examples=examples(80), deadline=None)
@given(st.text())
def test_any_text_parses_to_clean_paragraphs_losing_only_markup(text):
    paragraphs = parse_field(text)
    expected = []
    for line in clean_xml_text(text).split("\n"):
        if not line.strip():
            continue
        stripped = line.lstrip()
        if stripped.startswith("- "):
            line = stripped[2:]
            if not line.strip():
                continue
        expected.append(line)
    assert len(paragraphs) == len(expected)
    for paragraph, line in zip(paragraphs, expected):
        assert not XML_ILLEGAL.search(paragraph.text)
        assert "\n" not in paragraph.text
        # The markup only ever removes asterisks: every other character survives in order.
        assert paragraph.text.replace("*", "") == line.replace("*", "")
        assert all(run.text for run in paragraph.runs)


@settings(max_examples=examples(50), deadline=None)
@given(st.text(alphabet=st.characters(blacklist_characters="*\r\n")))
def test_text_without_stars_is_one_plain_run(text):
    paragraphs = parse_field(text)
    if not clean_xml_text(text).strip():
        assert paragraphs == []
    else:
        assert all(not run.bold and not run.italic for p in paragraphs for run in p.runs)


def test_stray_asterisks_are_kept_as_typed():
    # A long pasted line of unclosed markers is plain text (and must not take
    # quadratic time: each star used to rescan the rest of the line).
    line = "*a " * 2000 + "**b " * 2000
    assert parse_field(line)[0].runs == [Run(line)]


def test_a_span_closing_at_the_end_of_a_long_line():
    line = "*a " * 500 + "slut*"
    (paragraph,) = parse_field(line)
    assert paragraph.runs == [Run(line[1:-1], italic=True)]
