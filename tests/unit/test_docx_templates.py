"""Exporting on an organisation's Word template: its look is kept, missing styles added."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from export.docx_common import TemplateError, ensure_styles, new_document
from export.docx_minutes import LABEL_STYLE, build_minutes, write_minutes
from export.docx_read import docx_lines, docx_styled_lines
from tests.support.samples import EXPECTED_LINES, full_meeting

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def only_normal_template(path: Path) -> Path:
    """A hand-made .docx whose only style is Normal: no headings, no lists, no numbering."""
    files = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.wordprocessingml.document.main+xml"/>'
            '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.wordprocessingml.styles+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
        ),
        "word/_rels/document.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/styles" Target="styles.xml"/></Relationships>'
        ),
        "word/styles.xml": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{W}">'
            '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
            '<w:rPr><w:sz w:val="24"/></w:rPr></w:style></w:styles>'
        ),
        "word/document.xml": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}" '
            f'xmlns:r="{R}"><w:body><w:p><w:r><w:t>Gammal text</w:t></w:r></w:p>'
            '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" '
            'w:bottom="1134" w:left="1134" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>'
            "</w:body></w:document>"
        ),
    }
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return path


def letterhead_template(path: Path) -> Path:
    """A template with header, footer, first-page header, own margins and own styles."""
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = Mm(32)
    section.right_margin = Mm(18)
    section.header.paragraphs[0].text = "Norrbyns kommun – Kommunledningskontoret"
    section.footer.paragraphs[0].text = "Postadress: Box 1, 999 99 Norrbyn"
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = "NORRBYNS KOMMUN"
    heading = document.styles["Heading 1"]
    heading.font.color.rgb = RGBColor(0xAA, 0x00, 0x00)
    heading.font.size = Pt(18)
    label = document.styles.add_style(LABEL_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    label.font.italic = True
    label.font.bold = True
    document.add_heading("Mall för protokoll", 0)
    document.add_paragraph("Skriv här.")
    document.add_table(rows=2, cols=2)
    document.save(str(path))
    return path


def test_template_with_only_normal_gets_every_style_it_needs(tmp_path):
    template = only_normal_template(tmp_path / "bara-normal.docx")
    out = write_minutes(full_meeting(), tmp_path / "protokoll.docx", template=template)
    assert docx_lines(out) == EXPECTED_LINES
    styled = dict((text, style) for style, text in docx_styled_lines(out))
    assert styled["Förvaltningsledningsmöte, Norrbyn"] == "Title"
    assert styled["2. Ekonomisk rapport"] == "Heading 1"
    assert styled["2.1. Investeringar"] == "Heading 2"
    assert styled["2.1.1. Förskolan Tallbacken"] == "Heading 3"
    assert styled["Snöröjning"] == "List Bullet"
    assert styled["Plats"] == LABEL_STYLE
    assert styled["Ta fram ny prognos"] == "table:Table Grid"

    document = docx.Document(str(out))
    # the added headings carry their outline level (navigation pane) and keep with text
    for level in (1, 2, 3):
        style = document.styles[f"Heading {level}"]
        outline = style.element.find(f"{{{W}}}pPr/{{{W}}}outlineLvl")
        assert outline is not None and outline.get(qn("w:val")) == str(level - 1)
        assert style.font.bold and style.paragraph_format.keep_with_next
    # the added bullet style points at a bullet list definition that exists
    num_id = document.styles["List Bullet"].element.pPr.numPr.numId.val
    numbering = document.part.numbering_part.element
    num = numbering.num_having_numId(num_id)
    abstract = numbering.find(
        f'{{{W}}}abstractNum[@{{{W}}}abstractNumId="{num.abstractNumId.val}"]'
    )
    assert abstract.find(f".//{{{W}}}numFmt").get(qn("w:val")) == "bullet"
    assert document.styles[LABEL_STYLE].font.bold
    # the template's own page setup and text size stay
    assert document.sections[0].left_margin == 1134 * 635
    assert document.styles["Normal"].font.size == Pt(12)
    assert "Gammal text" not in docx_lines(out)


@pytest.mark.slow
def test_template_header_footer_margins_and_styles_survive(tmp_path):
    template = letterhead_template(tmp_path / "brevmall.docx")
    out = write_minutes(full_meeting(), tmp_path / "protokoll.docx", template=template)
    assert docx_lines(out) == EXPECTED_LINES  # the template's own body text is gone
    document = docx.Document(str(out))
    section = document.sections[0]
    assert section.header.paragraphs[0].text == "Norrbyns kommun – Kommunledningskontoret"
    assert section.footer.paragraphs[0].text == "Postadress: Box 1, 999 99 Norrbyn"
    assert section.different_first_page_header_footer
    assert section.first_page_header.paragraphs[0].text == "NORRBYNS KOMMUN"
    assert (round(section.left_margin.mm), round(section.right_margin.mm)) == (32, 18)
    # the organisation's look wins over the export's defaults
    assert document.styles["Heading 1"].font.color.rgb == RGBColor(0xAA, 0x00, 0x00)
    assert document.styles["Heading 1"].font.size == Pt(18)
    assert document.styles[LABEL_STYLE].font.italic is True
    assert len([s for s in document.styles if s.name == LABEL_STYLE]) == 1
    assert len(document.tables) == 3  # only the minutes' action tables


def test_action_table_fits_the_template_text_width(tmp_path):
    template = letterhead_template(tmp_path / "brevmall.docx")
    document = build_minutes(full_meeting(), template)
    widths = [int(c.get(qn("w:w"))) for c in document.tables[0]._tbl.tblGrid]
    assert abs(sum(widths) - Mm(210 - 32 - 18).twips) <= 3


@pytest.mark.slow
def test_dotx_template_is_accepted(tmp_path):
    source = letterhead_template(tmp_path / "brevmall.docx")
    dotx = tmp_path / "brevmall.dotx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(dotx, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            dst.writestr(info, data)
    with pytest.raises(ValueError):
        docx.Document(str(dotx))  # python-docx alone refuses it
    out = write_minutes(full_meeting(), tmp_path / "protokoll.docx", template=dotx)
    assert docx_lines(out) == EXPECTED_LINES
    assert docx.Document(str(out)).sections[0].footer.paragraphs[0].text.startswith("Postadress")


@pytest.mark.slow
def test_swedish_word_style_ids_are_resolved_by_name(tmp_path):
    """Word in Swedish names the built-in styles' ids Rubrik1... but not their names."""
    document = docx.Document()
    for level in (1, 2, 3):
        document.styles[f"Heading {level}"].style_id = f"Rubrik{level}"
    document.styles["List Bullet"].style_id = "Punktlista"
    path = tmp_path / "svensk.docx"
    document.save(str(path))
    out = write_minutes(full_meeting(), tmp_path / "protokoll.docx", template=path)
    styled = dict((text, style) for style, text in docx_styled_lines(out))
    assert styled["1. Mötets öppnande"] == "Heading 1"
    assert styled["2.1. Investeringar"] == "Heading 2"
    assert styled["Skolskjutsar"] == "List Bullet"


@pytest.mark.slow
def test_label_name_taken_by_a_character_style(tmp_path):
    document = docx.Document()
    document.styles.add_style(LABEL_STYLE, WD_STYLE_TYPE.CHARACTER)
    path = tmp_path / "krock.docx"
    document.save(str(path))
    out = write_minutes(full_meeting(), tmp_path / "protokoll.docx", template=path)
    assert docx_lines(out) == EXPECTED_LINES
    styled = dict((text, style) for style, text in docx_styled_lines(out))
    assert styled["Plats"] == f"{LABEL_STYLE} (Mötesbok)"


def test_ensure_styles_is_idempotent_and_returns_by_requested_name():
    document = new_document()
    first = ensure_styles(document, ["Title", "Heading 2", "Ovanlig stil"])
    second = ensure_styles(document, ["Title", "Heading 2", "Ovanlig stil"])
    assert list(first) == ["Title", "Heading 2", "Ovanlig stil"]
    assert [s.style_id for s in first.values()] == [s.style_id for s in second.values()]
    assert len([s for s in document.styles if s.name == "Ovanlig stil"]) == 1


@pytest.mark.parametrize(
    "content, message",
    [(None, "finns inte"), (b"inte en zip", "kunde inte öppnas"), ("dir", "ingen fil")],
)
def test_unusable_template_is_a_swedish_error(tmp_path, content, message):
    path = tmp_path / "mall.docx"
    if content == "dir":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    with pytest.raises(TemplateError, match=message):
        write_minutes(full_meeting(), tmp_path / "ut.docx", template=path)
    assert not (tmp_path / "ut.docx").exists()


def test_zip_without_word_document_is_refused(tmp_path):
    path = tmp_path / "mall.docx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hej.txt", "hej")
    path.write_bytes(buffer.getvalue())
    with pytest.raises(TemplateError):
        new_document(path)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("libreoffice") is None, reason="LibreOffice not installed")
def test_libreoffice_opens_template_exports(tmp_path):
    """A second reader besides python-docx: LibreOffice renders both template exports."""
    outputs = [
        write_minutes(full_meeting(), tmp_path / "a.docx", template=only_normal_template(tmp_path / "n.docx")),
        write_minutes(full_meeting(), tmp_path / "b.docx", template=letterhead_template(tmp_path / "l.docx")),
    ]
    subprocess.run(
        ["libreoffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
         "--convert-to", "txt:Text", "--outdir", str(tmp_path), *map(str, outputs)],
        check=True, capture_output=True, timeout=180,
    )
    for name in ("a.txt", "b.txt"):
        text = (tmp_path / name).read_text(encoding="utf-8-sig")
        assert "2.1.1. Förskolan Tallbacken" in text
        assert "Snöröjningen har kostat mer än väntat." in text


def test_template_without_section_properties(tmp_path):
    document = docx.Document()
    body = document.element.body
    body.remove(body.sectPr)
    path = tmp_path / "utan-sektion.docx"
    document.save(str(path))
    out = write_minutes(full_meeting(), tmp_path / "protokoll.docx", template=path)
    assert docx_lines(out) == EXPECTED_LINES
    widths = [int(c.get(qn("w:w"))) for c in docx.Document(str(out)).tables[0]._tbl.tblGrid]
    assert abs(sum(widths) - Mm(160).twips) <= 3
