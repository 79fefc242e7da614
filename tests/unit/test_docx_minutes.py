"""The minutes as DOCX: read back with python-docx, line by line and style by style."""

from __future__ import annotations

import os
import re
from datetime import datetime, timezone
from pathlib import Path

import docx
import pytest
from docx.table import Table
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import main
from export.docx_common import document_bytes
from export.docx_minutes import LABEL_STYLE, build_minutes, write_minutes
from export.docx_read import docx_lines, docx_styled_lines
from export.markup import clean_xml_text
from export.minutes_layout import LABELS
from store.domain.model import Action, AgendaItem, Decision, Meeting, Participant
from store.persistence.storage import SaveError
from tests.support.samples import EXPECTED_LINES, full_meeting
from tests.support.examples import examples


@pytest.fixture
def exported(tmp_path) -> Path:
    return write_minutes(full_meeting(), tmp_path / "protokoll.docx")


def test_export_reads_back_as_the_expected_lines(exported):
    assert exported.exists()
    assert docx_lines(exported) == EXPECTED_LINES


@pytest.mark.slow
def test_styles_are_the_prescribed_ones(exported):
    styled = docx_styled_lines(exported)
    assert [text for _, text in styled] == EXPECTED_LINES
    style_of = {}
    for style, text in styled:
        style_of.setdefault(text, set()).add(style)
    assert style_of["Förvaltningsledningsmöte, Norrbyn"] == {"Title"}
    for label in LABELS:
        assert style_of[label] == {LABEL_STYLE}, label
    assert style_of["1. Mötets öppnande"] == {"Heading 1"}
    assert style_of["2. Ekonomisk rapport"] == {"Heading 1"}
    assert style_of["2.1. Investeringar"] == {"Heading 2"}
    assert style_of["2.2. Lönerevision"] == {"Heading 2"}
    assert style_of["2.1.1. Förskolan Tallbacken"] == {"Heading 3"}
    assert style_of["2.1.1.1. Etapp två"] == {"Heading 3"}
    bullets = [text for style, text in styled if style == "List Bullet"]
    assert bullets == [
        "Dagordningen fastställs.",
        "Skolskjutsar",
        "Snöröjning",
        "Rapporten noteras.",
        "Ekonomienheten får i uppdrag att",
        "se över snöröjningsavtalet",
    ]
    for text in ["2031-03-14 09:00 - 11:45", "Kommunhuset, sal Björken",
                 "Förslag till beslut: Rapporten noteras.", "Tid: 10:00"]:
        assert style_of[text] == {"Normal"}, text
    assert all(style == "table:Table Grid" for style, text in styled if text == "Ej angivet")


def test_label_style_is_a_bold_paragraph_style_of_its_own(exported):
    document = docx.Document(str(exported))
    style = document.styles[LABEL_STYLE]
    assert style.type == docx.enum.style.WD_STYLE_TYPE.PARAGRAPH
    assert style.font.bold is True
    headings = {document.styles[f"Heading {n}"].style_id for n in (1, 2, 3)}
    assert headings == {"Heading1", "Heading2", "Heading3"}  # Word's built-in ones


def test_one_three_column_table_per_item_with_actions_and_no_header(exported):
    document = docx.Document(str(exported))
    tables = document.tables
    assert len(tables) == 3  # items 2, 2.1.1 and 2.2 have actions
    assert [len(t.rows) for t in tables] == [2, 1, 1]
    for table in tables:
        assert len(table.columns) == 3
        assert all(len(row.cells) == 3 for row in table.rows)
        assert "tblHeader" not in table._tbl.xml
    first = [[c.text for c in row.cells] for row in tables[0].rows]
    assert first == [
        ["Ta fram ny prognos", "2031-04-01", "Greta Nyström"],
        ["Informera nämnden", "Ej angivet", "Ej angivet"],
    ]
    # the table follows its label directly
    body = list(document.iter_inner_content())
    for index, block in enumerate(body):
        if isinstance(block, Table):
            assert body[index - 1].text == "Åtgärder"
            assert body[index - 1].style.name == LABEL_STYLE


def test_runs_keep_bold_and_italic(exported):
    document = docx.Document(str(exported))
    paragraphs = {p.text: p for p in document.paragraphs}
    secretary = paragraphs["Sekreterare: Hanna Vik"]
    assert [(r.text, bool(r.italic)) for r in secretary.runs] == [
        ("Sekreterare: ", False),
        ("Hanna Vik", True),
    ]
    report = paragraphs["Rapport per februari."]
    assert [(r.text, bool(r.bold)) for r in report.runs] == [
        ("Rapport per ", False),
        ("februari", True),
        (".", False),
    ]
    notes = paragraphs["Snöröjningen har kostat mer än väntat."]
    assert [r.text for r in notes.runs if r.italic] == ["mer än väntat"]
    roster = next(t for t in paragraphs if t.startswith("Sigrid Falk (Ordförande)"))
    assert [r.text for r in paragraphs[roster].runs if r.italic] == [
        "Ordförande",
        "Sekreterare",
        "Organisatör",
    ]


def test_core_properties(exported):
    props = docx.Document(str(exported)).core_properties
    assert props.title == "Förvaltningsledningsmöte, Norrbyn"
    assert props.author == "Hanna Vik"
    assert props.created == datetime(2031, 3, 14, 9, 0).astimezone(timezone.utc)
    assert "2031-03-14" in props.subject


def test_no_secretary_means_no_author():
    meeting = Meeting(title="Styrgrupp", date="2031-05-06", participants=[Participant("Ove Ek")])
    props = build_minutes(meeting).core_properties
    assert props.author == ""
    assert props.created == datetime(2031, 5, 6, 0, 0).astimezone(timezone.utc)


def test_export_does_not_change_the_meeting():
    meeting = full_meeting()
    meeting.items[0].notes = "Inklistrat\x00 med \x1bskräp\ud800"
    before = repr(meeting)
    build_minutes(meeting)
    assert repr(meeting) == before


def test_illegal_characters_are_dropped_not_fatal(tmp_path):
    meeting = Meeting(
        title="Möte\x00\x01 med\ufffe skräp",
        date="2031-01-02",
        place="Sal\x0b 3",
        participants=[Participant("Eva\x1f Sund", role="Ordf\x08örande")],
        items=[AgendaItem("Punkt\x07", notes="Rad\x0c ett\r\nRad\ud83d två", decisions=[Decision("\x1b[31mRött")])],
    )
    out = write_minutes(meeting, tmp_path / "skrap.docx")
    lines = docx_lines(out)
    assert lines[0] == "Möte med skräp"
    assert "Sal 3" in lines and "Eva Sund (Ordförande)" in lines
    assert lines[-6:] == ["1. Punkt", "Anteckningar", "Rad ett", "Rad två", "Beslut", "[31mRött"]


# -- any text in any field ----------------------------------------------------------

# Every code point, lone surrogates and control characters included, but no line breaks:
# lines are joined below so multi-line fields get several lines.
LINE_CHARS = st.characters(blacklist_categories=(), blacklist_characters="\n\r")
# What pastes and typing really bring, often enough to matter in 50 examples.
SPECIAL = st.sampled_from(
    [" ", " ", "\t", "*", "**", "- ", "-", "å", "Ö", "&", "<", "\x00", "\x0b", "\x1b",
     "\x7f", "\x85", "\ud800", "\udfff", "\ufffe", "\uffff", "\u2028", "😀"]
)
LINE = st.lists(st.one_of(SPECIAL, LINE_CHARS), max_size=10).map("".join)
ONE_LINE = LINE
MULTI_LINE = st.lists(LINE, max_size=3).map("\n".join)


def _markup_lines(text: str) -> list[str]:
    """The oracle for a free-text field: each non-blank cleaned line, a `- ` dash gone."""
    lines = []
    for line in clean_xml_text(text).split("\n"):
        if not line.strip():
            continue
        if line.lstrip().startswith("- "):
            line = line.lstrip()[2:]
            if not line.strip():
                continue
        lines.append(line)
    return lines


def _clean(text: str) -> str:
    return clean_xml_text(text)


@pytest.mark.slow  # a long property-based run: not in make test-fast
@settings(max_examples=examples(25), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=ONE_LINE, place=ONE_LINE, name=ONE_LINE, role=ONE_LINE, item_title=ONE_LINE,
    presenter=ONE_LINE, description=MULTI_LINE, background=MULTI_LINE, proposal=MULTI_LINE,
    notes=MULTI_LINE, action=LINE, owner=ONE_LINE, decision=LINE, attachment=ONE_LINE,
)
def test_any_text_in_any_field_reads_back_without_illegal_characters(
    title, place, name, role, item_title, presenter, description, background, proposal,
    notes, action, owner, decision, attachment,
):
    meeting = Meeting(
        title=title,
        date="2031-01-02",
        place=place,
        participants=[Participant(name, role=role)],
        items=[
            AgendaItem(
                item_title,
                presenter=presenter,
                description=description,
                background=background,
                proposal=proposal,
                notes=notes,
                actions=[Action(action, owner=owner)],
                decisions=[Decision(decision)],
                attachments=[attachment],
            )
        ],
    )
    # (expected line, is free-text markup whose asterisks may be consumed)
    expected: list[tuple[str, bool]] = []
    if _clean(title).strip():
        expected.append((_clean(title), False))
    expected.append(("2031-01-02", False))
    expected += [("Plats", False), (_clean(place) if _clean(place).strip() else "Ej angivet", False)]
    expected.append(("Deltagare", False))
    if _clean(name).strip():
        entry = _clean(name) + (f" ({_clean(role).strip()})" if _clean(role).strip() else "")
        expected.append((entry, False))
    else:
        expected.append(("Ej angivet", False))
    expected.append((f"1. {_clean(item_title)}", False))
    if _clean(presenter).strip():
        expected.append((f"Föredragande: {_clean(presenter)}", False))
    expected += [(line, True) for line in _markup_lines(description)]
    if _markup_lines(background):
        expected.append(("Ärendebeskrivning", False))
        expected += [(line, True) for line in _markup_lines(background)]
    proposal_lines = _markup_lines(proposal)
    if proposal_lines:
        expected.append((f"Förslag till beslut: {proposal_lines[0]}", True))
        expected += [(line, True) for line in proposal_lines[1:]]
    if _markup_lines(notes):
        expected.append(("Anteckningar", False))
        expected += [(line, True) for line in _markup_lines(notes)]
    expected.append(("Åtgärder", False))
    expected += [(line, True) for line in _markup_lines(action)]
    expected.append(("Ej angivet", False))
    expected.append((_clean(owner) if _clean(owner).strip() else "Ej angivet", False))
    if _markup_lines(decision):
        expected.append(("Beslut", False))
        expected += [(line, True) for line in _markup_lines(decision)]
    if _clean(attachment).strip():
        expected += [("Bilagor", False), (_clean(attachment), False)]
    # a line that is only asterisks may vanish with its markup: drop such lines on both sides
    expected = [(e, m) for e, m in expected if e.replace("*", "").strip()]

    lines = docx_lines(document_bytes(build_minutes(meeting)))
    lines = [line for line in lines if line.replace("*", "").strip()]
    assert len(lines) == len(expected), (lines, expected)
    for line, (want, markup) in zip(lines, expected):
        if markup:
            # markup may only take away asterisks; every other character is kept
            assert line.replace("*", "") == want.replace("*", "")
        else:
            assert line == want


# -- writing: atomic, errors --------------------------------------------------------


@pytest.mark.slow
def test_failed_write_leaves_the_previous_export_byte_identical(tmp_path, monkeypatch):
    out = tmp_path / "protokoll.docx"
    write_minutes(full_meeting(), out)
    before = out.read_bytes()

    changed = full_meeting()
    changed.title = "Ändrad titel"

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("store.persistence.storage.os.replace", broken_replace)
    with pytest.raises(SaveError) as info:
        write_minutes(changed, out)
    assert "Disken är full" in str(info.value)
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["protokoll.docx"]


@pytest.mark.parametrize("with_template", [False, True])
def test_failure_while_building_leaves_the_previous_export(tmp_path, monkeypatch, with_template):
    # Without a template the house package is filled in (export/house_package.py), with
    # one python-docx builds the document: a failure in either leaves the old file.
    import export.house_package

    template = None
    if with_template:
        template = tmp_path.parent / f"{tmp_path.name}-mall.docx"
        docx.Document().save(template)
    out = tmp_path / "protokoll.docx"
    write_minutes(full_meeting(), out, template=template)
    before = out.read_bytes()

    def broken_save(self, stream=None):
        if stream is not None:
            stream.write(b"PK half a zip")
        raise RuntimeError("boom")

    monkeypatch.setattr(docx.document.Document, "save", broken_save)
    monkeypatch.setattr(export.house_package.Package, "blob", broken_save)
    with pytest.raises(RuntimeError):
        write_minutes(full_meeting(), out, template=template)
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["protokoll.docx"]


def test_missing_directory_gives_a_swedish_message(tmp_path):
    with pytest.raises(SaveError, match="Mappen .* finns inte"):
        write_minutes(full_meeting(), tmp_path / "saknas" / "protokoll.docx")
    with pytest.raises(SaveError, match="är en mapp"):
        write_minutes(full_meeting(), tmp_path)


def test_unwritable_directory_gives_a_swedish_message(tmp_path, monkeypatch):
    locked = tmp_path / "låst"
    locked.mkdir()
    if os.geteuid() == 0:  # root writes anywhere: let the OS refuse as it would a user
        real_open = os.open

        def refusing_open(path, *args, **kwargs):
            if str(path).startswith(str(locked)):
                raise PermissionError(13, "Permission denied")
            return real_open(path, *args, **kwargs)

        monkeypatch.setattr("store.persistence.storage.os.open", refusing_open)
    locked.chmod(0o500)
    try:
        with pytest.raises(SaveError, match="(?i)behörighet"):
            write_minutes(full_meeting(), locked / "protokoll.docx")
    finally:
        locked.chmod(0o700)
    assert list(locked.iterdir()) == []


# -- the command line ---------------------------------------------------------------


def test_cli_export_docx(file_store, tmp_path, capsys):
    meeting_id = file_store.add(full_meeting())
    out = tmp_path / "x.docx"
    assert main.main(["export", meeting_id, "-o", str(out)]) == 0
    assert docx_lines(out) == EXPECTED_LINES
    assert "Exporterade" in capsys.readouterr().out


def test_cli_export_format_flag_and_bad_directory(file_store, tmp_path, capsys):
    meeting_id = file_store.add(full_meeting())
    out = tmp_path / "protokoll.bin"
    assert main.main(["export", meeting_id, "-o", str(out), "--format", "docx"]) == 0
    assert docx_lines(out) == EXPECTED_LINES
    code = main.main(["export", meeting_id, "-o", str(tmp_path / "nej" / "x.docx")])
    err = capsys.readouterr().err
    assert code != 0
    assert "finns inte" in err and "Traceback" not in err


@pytest.mark.slow
def test_cli_export_with_template(file_store, tmp_path):
    template = tmp_path / "mall.docx"
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Norrbyns kommun"
    document.add_paragraph("Mallens exempeltext")
    document.save(str(template))
    meeting_id = file_store.add(full_meeting())
    out = tmp_path / "x.docx"
    assert main.main(["export", meeting_id, "-o", str(out), "--template", str(template)]) == 0
    result = docx.Document(str(out))
    assert result.sections[0].header.paragraphs[0].text == "Norrbyns kommun"
    assert docx_lines(out) == EXPECTED_LINES


def test_cli_missing_template_is_a_clear_error(file_store, tmp_path, capsys):
    meeting_id = file_store.add(full_meeting())
    code = main.main(
        ["export", meeting_id, "-o", str(tmp_path / "x.docx"), "--template", str(tmp_path / "nej.docx")]
    )
    err = capsys.readouterr().err
    assert code != 0
    assert re.search(r"Mallen .*nej\.docx finns inte", err)
    assert not (tmp_path / "x.docx").exists()


# -- reading a DOCX the way the checks do -------------------------------------------


def test_docx_lines_reads_paragraphs_and_cells_in_document_order(tmp_path):
    from export.docx_read import DocxReadError

    document = docx.Document()
    document.add_paragraph("Före tabellen")
    document.add_paragraph("")
    document.add_paragraph("   ")
    table = document.add_table(rows=2, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "Sammanslagen"
    table.cell(0, 2).text = "Ö"
    table.cell(1, 0).text = "a"
    table.cell(1, 2).text = "c"
    document.add_paragraph("Efter\ttabb")
    path = tmp_path / "läs.docx"
    document.save(str(path))
    expected = ["Före tabellen", "Sammanslagen", "Ö", "a", "c", "Efter\ttabb"]
    assert docx_lines(path) == expected
    assert docx_lines(path.read_bytes()) == expected
    assert docx_lines(document) == expected
    with pytest.raises(DocxReadError, match="finns inte"):
        docx_lines(tmp_path / "saknas.docx")
    (tmp_path / "trasig.docx").write_bytes(b"inte en zip")
    with pytest.raises(DocxReadError, match="inget läsbart Word-dokument"):
        docx_lines(tmp_path / "trasig.docx")
