"""Every action list format, written and read back."""

from __future__ import annotations

import csv
import io
from datetime import date as Date

import orjson
import pytest

from export.action_list import (
    COLUMNS,
    COMMENT_COLUMN,
    JSON_FORMAT,
    csv_text,
    markdown_text,
    write_action_list,
)
from export.labels import NOT_GIVEN as MISSING
from store import Action, AgendaItem, Meeting, MeetingStore
from store.persistence.actions import query_actions

TODAY = Date(2031, 6, 1)


@pytest.fixture
def rows():
    store = MeetingStore.in_memory()
    store.add(Meeting("Nämndberedning", "2031-05-02", items=[
        AgendaItem("Mötet öppnas"),
        AgendaItem("Ekonomi", items=[AgendaItem("Prognos", actions=[
            Action("Uppdatera prognosen | med bilaga", due="2031-05-20", owner="Vera Lindqvist"),
            Action("Boka revisor\x07", owner="Sten Holm"),
        ])]),
    ]))
    store.add(Meeting("Nämndberedning", "2031-05-16", items=[
        AgendaItem("Lokaler", actions=[
            Action("Mät upp salen", due="2031-07-01"),
            Action("Klart redan", due="2031-05-01", owner="Vera Lindqvist", done=True,
                   done_date="2031-05-10"),
        ]),
    ]))
    return query_actions(store, status="all", today=TODAY)


def test_csv_reads_back(rows, tmp_path):
    path = write_action_list(rows, tmp_path / "lista.csv")
    text = path.read_bytes().decode("utf-8-sig")
    records = list(csv.DictReader(io.StringIO(text)))
    assert [r["Åtgärd"] for r in records] == [row.text for row in rows]
    first = records[0]
    assert first["Ansvarig"] == "Vera Lindqvist" and first["Klart senast"] == "2031-05-01"
    assert first["Status"] == "Klar 2031-05-10" and first["Id"] == rows[0].action_id
    by_text = {r["Åtgärd"]: r for r in records}
    assert by_text["Mät upp salen"]["Ansvarig"] == ""  # empty for programs
    assert by_text["Uppdatera prognosen | med bilaga"]["Punkt"] == "2.1"
    assert by_text["Uppdatera prognosen | med bilaga"]["Status"] == "Försenad"
    assert csv_text([]).strip().split(",")[0] == "Id"


def test_json_reads_back(rows, tmp_path):
    path = write_action_list(rows, tmp_path / "lista.json", filter_text="Alla åtgärder",
                             today=TODAY)
    data = orjson.loads(path.read_bytes())
    assert data["format"] == JSON_FORMAT and data["date"] == "2031-06-01"
    assert data["filter"] == "Alla åtgärder"
    assert [a["id"] for a in data["actions"]] == [row.action_id for row in rows]
    mat = next(a for a in data["actions"] if a["text"] == "Mät upp salen")
    assert mat["owner"] is None and mat["done"] is False
    assert mat["meeting"]["date"] == "2031-05-16" and mat["item"]["number"] == "1"


def test_markdown_escapes_and_groups(rows):
    text = markdown_text(rows, filter_text="Alla åtgärder", today=TODAY, group_by_owner=True)
    lines = text.splitlines()
    assert lines[0] == "# Åtgärdslista" and "2031-06-01" in lines[2]
    headings = [line for line in lines if line.startswith("## ")]
    assert headings == ["## Sten Holm", "## Vera Lindqvist", f"## {MISSING}"]
    assert "Uppdatera prognosen \\| med bilaga" in text
    table_rows = [line for line in lines if line.startswith("| ") and "---" not in line]
    assert len(table_rows) == len(rows) + len(headings)  # one header row per group


def read_docx(path):
    import docx

    return docx.Document(str(path))


def test_docx_is_landscape_with_a_repeating_header_row(rows, tmp_path):
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn

    path = write_action_list(rows, tmp_path / "lista.docx", filter_text="Alla åtgärder",
                             today=TODAY)
    document = read_docx(path)
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert section.page_width > section.page_height
    assert round(section.page_width.mm) == 297 and round(section.page_height.mm) == 210
    paragraphs = [p.text for p in document.paragraphs if p.text]
    assert paragraphs[0] == "Åtgärdslista"
    assert document.paragraphs[0].style.name == "Title"
    assert "2031-06-01" in paragraphs[1] and "Alla åtgärder" in paragraphs[1]

    assert len(document.tables) == 1
    table = document.tables[0]
    assert tuple(c.text for c in table.rows[0].cells) == COLUMNS + (COMMENT_COLUMN,)
    header_pr = table.rows[0]._tr.trPr
    marker = header_pr.find(qn("w:tblHeader"))
    assert marker is not None and marker.get(qn("w:val")) in ("true", "1", None)
    assert all(r._tr.trPr is None or r._tr.trPr.find(qn("w:tblHeader")) is None
               for r in table.rows[1:])
    body = [tuple(c.text for c in r.cells) for r in table.rows[1:]]
    assert len(body) == len(rows)
    mat = next(r for r in body if r[0] == "Mät upp salen")
    assert mat[1] == MISSING and mat[2] == "2031-07-01"
    assert mat[3] == "2031-05-16 Nämndberedning, punkt 1"
    boka = next(r for r in body if r[0].startswith("Boka revisor"))
    assert boka[0] == "Boka revisor" and boka[2] == MISSING  # control character dropped
    assert ("Klar 2031-05-10") in [r[4] for r in body]


def test_docx_by_owner_has_a_section_per_owner(rows, tmp_path):
    from docx.oxml.ns import qn

    path = write_action_list(rows, tmp_path / "lista.docx", group_by_owner=True, today=TODAY)
    document = read_docx(path)
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["Sten Holm", "Vera Lindqvist", MISSING]
    assert len(document.tables) == 3
    assert sum(len(t.rows) - 1 for t in document.tables) == len(rows)
    for table in document.tables:
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_docx_with_a_template_keeps_its_styles(rows, tmp_path):
    import docx

    template = docx.Document()
    template.add_paragraph("Mallens gamla brödtext")
    template.styles["Title"].font.size = docx.shared.Pt(33)
    template.save(str(tmp_path / "mall.docx"))
    path = write_action_list(rows, tmp_path / "lista.docx", template=tmp_path / "mall.docx")
    document = read_docx(path)
    assert "Mallens gamla brödtext" not in [p.text for p in document.paragraphs]
    assert document.styles["Title"].font.size == docx.shared.Pt(33)
    assert document.paragraphs[0].text == "Åtgärdslista"


def test_unknown_format_is_refused(rows, tmp_path):
    with pytest.raises(ValueError):
        write_action_list(rows, tmp_path / "lista.odt")
    assert not (tmp_path / "lista.odt").exists()


def test_docx_without_template_has_the_minutes_look(rows, tmp_path):
    from export.docx_minutes import HOUSE_FONT

    document = read_docx(write_action_list(rows, tmp_path / "lista.docx", today=TODAY))
    assert document.styles["Title"].font.name == HOUSE_FONT
    from lxml import etree

    defaults = document.styles.element.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}docDefaults")
    assert HOUSE_FONT in etree.tostring(defaults).decode()
