"""The protocol's Ärendelista: every title starts in one column, whether or not its §
has a diarienummer, in the DOCX (both writers, read back with python-docx) and in the
preview (F9)."""

from __future__ import annotations

import io
from itertools import takewhile

import docx
from docx.shared import Pt
from hypothesis import HealthCheck, given, settings, strategies as st
from rich.console import Console

from export.docx_protocol import build_protocol
from export.house_package import protocol_package
from export.protocol_layout import AGENDA, MAX_REGISTRATION_SHARE, protocol_blocks
from store.domain.model import AgendaItem
from tests.support.examples import examples
from tests.support.protocol_docx import open_docx
from tests.support.protocol_sample import protocol_meeting

#: Diarienummer as nämnder write them: TN-2031/00007, KS-2024/00361-3, SBN 2031/12.
REGISTRATION = st.from_regex(r"[A-ZÅÄÖ]{2,4}[- ]20[0-9]{2}/[0-9]{2,5}(-[0-9]{1,2})?",
                             fullmatch=True)
WORDS = st.lists(st.sampled_from(["Gång-", "och", "cykelväg", "Medfinansiering", "av",
                                  "regional", "plan", "2031–2034", "Norrfjällen", "Ö"]),
                 min_size=1, max_size=30).map(" ".join)
#: At 11 pt a character is at most this wide (Calibri's widest digits and capitals).
CHAR_PT = 6.5


@st.composite
def agendas(draw):
    """A protocol of 1-12 ärenden, each with or without a diarienummer."""
    meeting = protocol_meeting(1)
    meeting.items = [
        AgendaItem(draw(WORDS), registration_number=draw(st.just("") | REGISTRATION))
        for _ in range(draw(st.integers(1, 12)))
    ]
    return meeting, draw(st.integers(1, 1200))


def agenda_paragraphs(document):
    paragraphs = document.paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.text == AGENDA) + 1
    return list(takewhile(lambda p: "\t" in p.text, paragraphs[start:]))


def check_columns(meeting, first, data: bytes) -> None:
    lines = agenda_paragraphs(open_docx(data))
    assert len(lines) == len(meeting.items)
    stops = [[stop.position for stop in p.paragraph_format.tab_stops] for p in lines]
    assert all(s == stops[0] for s in stops), "one set of tab stops for the whole list"
    title_stop = stops[0][-1]
    registered = any(item.registration_number for item in meeting.items)
    assert len(stops[0]) == (2 if registered else 1)
    for number, (paragraph, item) in enumerate(zip(lines, meeting.items), start=first):
        fields = paragraph.text.split("\t")
        # The title is always after as many tabs as there are stops: in the title column.
        assert fields == ([f"§ {number}", item.registration_number, item.title] if registered
                          else [f"§ {number}", item.title])
        # A wrapped title goes on under itself, not under the § number.
        form = paragraph.paragraph_format
        assert form.left_indent == title_stop and form.first_line_indent == -title_stop
        # Each column's text fits before the next stop, so no tab jumps past one.
        assert len(fields[0]) * Pt(CHAR_PT) < stops[0][0]
    if registered:
        longest = max(len(item.registration_number) for item in meeting.items)
        width = title_stop - stops[0][0]
        capped = width >= MAX_REGISTRATION_SHARE * 0.99 * text_width(data)
        assert capped or longest * Pt(CHAR_PT) < width


def text_width(data: bytes) -> int:
    section = docx.Document(io.BytesIO(data)).sections[0]
    return section.page_width - section.left_margin - section.right_margin


@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(agendas())
def test_titles_share_one_column_with_and_without_a_diarienummer(case):
    meeting, first = case
    check_columns(meeting, first, protocol_package(meeting, first))


@settings(max_examples=examples(10), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(agendas())
def test_the_python_docx_writer_sets_the_same_columns(case):
    meeting, first = case
    buffer = io.BytesIO()
    build_protocol(meeting, first).save(buffer)
    check_columns(meeting, first, buffer.getvalue())


def test_a_list_without_any_diarienummer_has_no_empty_column():
    meeting = protocol_meeting(3)
    for item in meeting.items:
        item.registration_number = ""
    lines = agenda_paragraphs(open_docx(protocol_package(meeting, 41)))
    assert [p.text for p in lines] == [f"§ {41 + i}\tGång- och cykelväg etapp {i + 1}"
                                       for i in range(3)]


@settings(max_examples=examples(20), deadline=None)
@given(agendas())
def test_the_preview_lines_the_titles_up_too(case):
    from tui.screens.preview import render_blocks

    meeting, first = case
    meeting.items = [AgendaItem(item.title[:30].strip() or "Ö", registration_number=item.registration_number)
                     for item in meeting.items]
    console = Console(width=100, record=True, color_system=None)
    console.print(render_blocks(protocol_blocks(meeting, first)))
    text = console.export_text()
    lines = text.splitlines()
    start = lines.index(AGENDA) + 1
    rows = lines[start:start + len(meeting.items)]
    columns = {row.rindex(item.title) for row, item in zip(rows, meeting.items)}
    assert len(columns) == 1, rows
