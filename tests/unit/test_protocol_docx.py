"""The protocol as DOCX (issue 12, "After the meeting"): the sample protocol read back
gives exactly the lines and styles PROTOCOL.md prescribes; per-§ presence; the header;
a template's header; the embedded meeting gives the meeting back on import."""

from __future__ import annotations

import io

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from export.docx_protocol import build_protocol
from export.markup import Run
from importers.detect import meeting_from_bytes
from store.domain.model import AgendaItem, Participant
from store.persistence.serialize import meeting_to_dict
from tests.support.docx_fields import field_instructions
from tests.support.protocol_docx import header_lines, open_docx, styled_lines
from tests.support.protocol_sample import protocol_meeting

from tests.support.protocol_golden import B, H1, L, N, PROTOCOL, T  # noqa: F401
from tests.support.roundtrip import carried
from tests.support.examples import examples

@pytest.mark.slow
def test_the_sample_protocol_gives_exactly_the_prescribed_lines_and_styles():
    document = open_docx(build_protocol(protocol_meeting(), 41))
    assert styled_lines(document) == PROTOCOL


def test_every_page_has_the_protocol_header_with_page_fields():
    document = open_docx(build_protocol(protocol_meeting(), 41))
    assert header_lines(document) == [
        "Tekniska nämndens arbetsutskott", "PROTOKOLL", "Sammanträdesdatum 2031-03-11",
        "Sida 1 (1)",
    ]
    assert field_instructions(document.sections[0].header) == ["PAGE", "NUMPAGES"]
    for section in document.sections:
        assert not section.header.is_linked_to_previous


@pytest.mark.slow
def test_each_paragraph_starts_a_new_page_and_the_boxes_are_not_split():
    document = open_docx(build_protocol(protocol_meeting(), 41))
    headings = [p for p in document.paragraphs if p.style.name == H1]
    assert len(headings) == 3
    assert all(p.paragraph_format.page_break_before for p in headings)
    box = document.tables[1]  # after the front page's table
    assert box.rows[0].cells[0].text == "ANSLAG/BEVIS"
    assert all(row.cells[0].paragraphs[0].paragraph_format.keep_with_next
               for row in box.rows[:-1])


@pytest.mark.slow
def test_the_first_paragraph_number_is_the_callers():
    lines = [text for _, text in styled_lines(open_docx(build_protocol(protocol_meeting(), 7)))]
    assert "§ 7 Gång- och cykelväg etapp 1" in lines
    assert "Paragrafer §§ 7–9" in lines
    assert not any(line.startswith("§ 41") for line in lines)


def timed(meeting, starts_and_ends):
    for item, (start, end) in zip(meeting.items, starts_and_ends):
        item.started_at = f"{meeting.date}T{start}:00"
        item.finished_at = f"{meeting.date}T{end}:00"
    return meeting


@pytest.mark.slow
def test_partial_presence_is_written_as_paragraphs():
    meeting = timed(protocol_meeting(4),
                    [("13:15", "13:50"), ("13:50", "14:20"), ("14:40", "15:00"), ("15:00", "15:30")])
    meeting.items[1].conflicts = []
    meeting.items[1].substitutions = []
    by_name = {p.name: p for p in meeting.participants}
    siri = by_name["Siri Dahl"]
    siri.intervals = []
    from store.domain.attendance import leave, arrive

    leave(siri, "14:30")  # gone before § 43
    by_name["Rut Sjö"].substitute_for = "Siri Dahl"
    arrive(by_name["Bo Tall"], "14:35")  # there from § 43 only
    lines = [text for _, text in styled_lines(open_docx(build_protocol(meeting, 41)))]
    deciding = lines[lines.index("Beslutande") + 1:lines.index("Övriga närvarande")]
    others = lines[lines.index("Övriga närvarande") + 1:lines.index("Deltar på distans")]
    assert "Siri Dahl (S) §§ 41–42" in deciding
    assert "Rut Sjö (S) ersätter Siri Dahl (S) §§ 43–44" in deciding
    assert "Kim Vall (M) ersätter Edit Lund (SD) §§ 41–44" in deciding
    assert "Pär Nyqvist (C)" in deciding  # every § this time: no §§
    assert others == ["Rut Sjö (S), ersättare §§ 41–42", "Agnes Wik, sekreterare",
                      "Bo Tall, förvaltningschef §§ 43–44"]


@pytest.mark.slow
def test_each_part_only_when_it_has_content():
    meeting = protocol_meeting(1)
    meeting.items.append(AgendaItem("Information om vinterväghållningen"))
    meeting.items[1].proposal = "Informationen noteras."
    lines = styled_lines(open_docx(build_protocol(meeting, 41)))
    at = lines.index((H1, "§ 42 Information om vinterväghållningen"))
    # Nothing decided yet: the proposal stands under its own label; no empty labels.
    assert lines[at:] == [(H1, "§ 42 Information om vinterväghållningen"),
                          (L, "Förslag till beslut"), (N, "Informationen noteras.")]


@pytest.mark.slow
def test_remote_and_adjustment_lines_only_when_known():
    meeting = protocol_meeting(1)
    for person in meeting.participants:
        person.remote = False
    meeting.adjusters = []
    meeting.adjustment.place, meeting.adjustment.date, meeting.adjustment.time = "", None, None
    lines = [text for _, text in styled_lines(open_docx(build_protocol(meeting, 41)))]
    for label in ("Deltar på distans", "Justeringens plats och tid"):
        assert label not in lines
    assert lines.count("Justerare") == 0


@pytest.mark.slow
def test_posting_dates_fill_the_box_once_known():
    meeting = protocol_meeting(1)
    meeting.posting.from_, meeting.posting.to = "2031-03-17", "2031-04-07"
    lines = [text for _, text in styled_lines(open_docx(build_protocol(meeting, 41)))]
    assert lines[lines.index("Datum då anslaget sätts upp") + 1] == "2031-03-17"
    assert lines[lines.index("Datum då anslaget tas ned") + 1] == "2031-04-07"


def test_the_protocol_comes_back_on_import():
    meeting = protocol_meeting()
    document = build_protocol(meeting, 41)
    buffer = io.BytesIO()
    document.save(buffer)
    again = meeting_from_bytes(buffer.getvalue(), name="protokoll.docx")
    assert carried(meeting_to_dict(again)) == carried(meeting_to_dict(meeting))


def test_the_imported_protocol_keeps_the_paragraph_numbers_it_shows():
    meeting = protocol_meeting()
    meeting.first_paragraph = None  # numbered from the store's series: § 12 here
    buffer = io.BytesIO()
    build_protocol(meeting, 12).save(buffer)
    again = meeting_from_bytes(buffer.getvalue(), name="protokoll.docx")
    assert again.first_paragraph == 12
    again.first_paragraph = None
    assert carried(meeting_to_dict(again)) == carried(meeting_to_dict(meeting))


@pytest.mark.slow
def test_a_template_header_wins(tmp_path):
    template = docx.Document()
    template.sections[0].header.paragraphs[0].text = "Norrbyns kommun"
    path = tmp_path / "mall.docx"
    template.save(str(path))
    document = open_docx(build_protocol(protocol_meeting(), 41, template=path))
    assert header_lines(document) == ["Norrbyns kommun"]
    assert styled_lines(document) == PROTOCOL


def test_a_template_without_header_gets_ours(tmp_path):
    path = tmp_path / "mall.docx"
    docx.Document().save(str(path))
    document = open_docx(build_protocol(protocol_meeting(), 41, template=path))
    assert header_lines(document)[:2] == ["Tekniska nämndens arbetsutskott", "PROTOKOLL"]


def test_people_without_party_or_group_still_appear():
    meeting = protocol_meeting(1)
    meeting.participants.append(Participant("Gäst Utan Parti"))
    lines = [text for _, text in styled_lines(open_docx(build_protocol(meeting, 41)))]
    others = lines[lines.index("Övriga närvarande") + 1:lines.index("Deltar på distans")]
    assert others[-1] == "Gäst Utan Parti"


def _bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_an_edited_protocol_is_refused_with_one_sentence_not_misread():
    from importers.detect import ImportFileError

    document = open_docx(build_protocol(protocol_meeting(), 41))
    document.paragraphs[0].add_run(" (rättad)")
    with pytest.raises(ImportFileError) as caught:
        meeting_from_bytes(_bytes(document), name="protokoll.docx")
    assert "har ändrats efter exporten" in str(caught.value)


def test_an_extract_is_not_read_as_a_meeting():
    from export.docx_protocol import build_extract
    from importers.detect import ImportFileError

    with pytest.raises(ImportFileError, match="kan inte läsas tillbaka"):
        meeting_from_bytes(_bytes(build_extract(protocol_meeting(), 41, [41])), name="u.docx")


_TEXT = st.text(st.characters(codec="utf-8", categories=None), max_size=40) | st.sampled_from(
    ["a\tb", "rad\r\nrad", "x\x00y\x0bz", "**fet** och *kursiv*", "- punkt\n- punkt", "\t", "\r",
     " ", "\ufffe", "a\u2028b"])


@pytest.mark.slow
@settings(max_examples=examples(30), suppress_health_check=[HealthCheck.too_slow])
@given(title=_TEXT, decision=_TEXT, notes=_TEXT, name=_TEXT, note=_TEXT)
def test_the_fingerprint_taken_while_building_is_the_documents(title, decision, notes, name, note):
    """The writer fingerprints the body as it builds it; the import reads it off the
    document: any text must give both the same, or the protocol would not come back."""
    from export.minutes_embed import embedded_meeting_json
    from store.domain.model import Decision
    from store.domain.protocol import ProtocolNote

    meeting = protocol_meeting(2)
    item = meeting.items[0]
    item.title, item.notes = title, notes
    item.decisions.append(Decision(decision))
    item.protocol_notes.append(ProtocolNote(name, note))
    item.send_to.append(name)
    meeting.participants.append(Participant(name or "x", role=note))
    assert embedded_meeting_json(open_docx(build_protocol(meeting, 41))) is not None


_RUNS = st.lists(st.builds(Run, _TEXT, st.booleans(), st.booleans()), max_size=5)


@pytest.mark.slow
@settings(max_examples=examples(40), suppress_health_check=[HealthCheck.too_slow])
@given(paragraphs=st.lists(_RUNS, max_size=4), cells=st.lists(_RUNS, min_size=2, max_size=6),
       style=st.sampled_from([None, "Etikett", "Heading1"]))
def test_the_body_trace_is_the_visible_fingerprint_for_any_runs(paragraphs, cells, style):
    from export.docx_body import BodyBuilder
    from export.minutes_embed import BodyTrace, visible_fingerprint

    document = docx.Document()
    document.element.body.clear_content()
    trace = BodyTrace()
    builder = BodyBuilder(trace)
    for runs in paragraphs:
        builder.paragraph(runs, style, space_after_pt=0)
    builder.table([cells[:2], cells[2:3]], [1000, 1000], column_style_ids=[style, None])
    builder.paragraph([], None)
    builder.append_to(document)
    assert trace.fingerprint() == visible_fingerprint(open_docx(document))


def test_the_vote_question_stays_with_its_table():
    document = open_docx(build_protocol(protocol_meeting(), 41))
    question = next(p for p in document.paragraphs
                    if p.text == "Ja för förslaget, nej för Olle Bergs ändringsyrkande")
    assert question.paragraph_format.keep_with_next


def test_every_label_and_heading_of_a_paragraph_keeps_with_what_follows():
    """A label ("Beslutet skickas till", "Omröstning" …) never ends a page alone: no
    paragraph switches off the keep-with-next its style gives."""
    document = open_docx(build_protocol(protocol_meeting(), 41))
    kept = [p for p in document.paragraphs if p.style.paragraph_format.keep_with_next]
    assert {p.text for p in kept} >= {"Beslutet skickas till", "Beslut", "Omröstning"}
    assert all(p.paragraph_format.keep_with_next is not False for p in kept)


def test_a_long_front_page_table_may_break_between_rows():
    """The label style keeps with the next paragraph; in the front page's table that would
    chain every row to the next and push a long roster whole onto page two."""
    document = open_docx(build_protocol(protocol_meeting(), 41))
    front = document.tables[0]
    labels = [row.cells[0].paragraphs[0] for row in front.rows]
    assert labels[0].text == "Plats och tid" and labels[0].style.name == L
    assert all(p.paragraph_format.keep_with_next is False for p in labels)


@given(ballots=st.lists(st.sampled_from("jna"), min_size=7, max_size=7).map("".join))
@settings(max_examples=examples(15), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_vote_s_result_line_is_printed_once_under_omrostning(ballots):
    """The result line stands under Omröstning (PROTOCOL.md), after the table; the
    beslutsgång says only that a vote was asked for and held."""
    from store.domain import protocol_record as rec
    from store.domain import protocol_voting as vot
    from store.domain.protocol_voting import decide_by_vote
    from tests.support.protocol_sample import cast_ballots, empty_first_paragraph

    meeting, item = empty_first_paragraph()
    rec.add_motion(meeting, item, "Olle Berg", "ändring", "att beloppet halveras")
    cast_ballots(meeting, item, ballots)
    if not vot.is_tie(item.votes[-1]):  # a tie decides nothing; its line is still printed once
        decide_by_vote(meeting, item)
        assert item.procedure.endswith("Omröstning begärs och verkställs.")
    lines = [text for _, text in styled_lines(open_docx(build_protocol(meeting, 41)))]
    result = item.votes[-1].result
    assert result and lines.count(result) == 1
    assert not any(result in line for line in lines if line != result)
    vote_at = lines.index("Omröstning")
    assert lines.index(result) > vote_at
