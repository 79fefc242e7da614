"""The minutes' page: a header with title and date, 'Sida N (M)' in the footer as Word
fields; an organisation's template keeps its own header (issue 10.14)."""

from __future__ import annotations

import docx
from docx.oxml.ns import qn
import pytest

from export.docx_minutes import write_minutes
from export.docx_read import docx_lines
from store.domain.model import AgendaItem, Meeting
from tests.support.docx_fields import field_instructions


def meeting() -> Meeting:
    return Meeting("Styrelsemöte, Norrby", "2031-03-04", start="13:00",
                   items=[AgendaItem("Ekonomi", notes="Inget att rapportera.")])


def test_header_has_title_and_date_and_footer_counts_pages(tmp_path):
    path = write_minutes(meeting(), tmp_path / "p.docx")
    document = docx.Document(str(path))
    (section,) = document.sections
    assert section.header.paragraphs[0].text == "Styrelsemöte, Norrby\t2031-03-04"
    footer = section.footer
    assert footer.paragraphs[0].text == "Sida 1 (1)"  # the fields' last values
    assert field_instructions(footer) == ["PAGE", "NUMPAGES"]
    # "Sida " PAGE " (" NUMPAGES ")": the fields sit where the numbers are read.
    texts = [node.text for node in footer._element.iter(qn("w:t"), qn("w:instrText"))]
    assert "".join(texts).replace(" PAGE ", "N").replace(" NUMPAGES ", "M") == "Sida N1 (M1)"


def test_the_body_lines_stay_as_the_format_prescribes(tmp_path):
    lines = docx_lines(write_minutes(meeting(), tmp_path / "p.docx"))
    assert lines[:2] == ["Styrelsemöte, Norrby", "2031-03-04 13:00"]
    assert not any(line.startswith("Sida ") for line in lines)


def test_a_template_header_wins_and_a_missing_footer_is_added(tmp_path):
    template = docx.Document()
    template.sections[0].header.paragraphs[0].text = "Norrby kommun – Kommunstyrelsen"
    template.save(tmp_path / "mall.docx")
    path = write_minutes(meeting(), tmp_path / "p.docx", template=tmp_path / "mall.docx")
    section = docx.Document(str(path)).sections[0]
    assert [p.text for p in section.header.paragraphs] == ["Norrby kommun – Kommunstyrelsen"]
    assert field_instructions(section.footer) == ["PAGE", "NUMPAGES"]


@pytest.mark.slow
def test_a_template_footer_wins(tmp_path):
    template = docx.Document()
    template.sections[0].footer.paragraphs[0].text = "Norrby kommun, Storgatan 1"
    template.save(tmp_path / "mall.docx")
    path = write_minutes(meeting(), tmp_path / "p.docx", template=tmp_path / "mall.docx")
    section = docx.Document(str(path)).sections[0]
    assert [p.text for p in section.footer.paragraphs] == ["Norrby kommun, Storgatan 1"]
    assert field_instructions(section.footer) == []
    assert section.header.paragraphs[0].text == "Styrelsemöte, Norrby\t2031-03-04"
