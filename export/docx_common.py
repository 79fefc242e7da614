"""What every DOCX export needs: a document to build on, the styles it uses, fast body
writing, document properties and an atomic save.

Kept generic: the minutes and the action-list printout both build on it.

Speed: python-docx's ``paragraph.style = ...`` looks the default style up among all
styles on every call, which made a long meeting slower than pandoc. So each style is
resolved ONCE per document (`ensure_styles` gives its style id) and the body is written
as WordprocessingML text by `BodyBuilder`, parsed in one go with python-docx's public
``parse_xml`` and put before the final section properties. No private attributes.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Iterable

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor

from store.persistence.storage import StoreError

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOTX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"


class ExportError(StoreError):
    """An export failed; the message is Swedish and fit to show the user."""


class TemplateError(ExportError):
    """The Word template cannot be used."""


# -- the document to build on -------------------------------------------------------


def new_document(template: Path | str | None = None) -> Document:
    """A document to write into: python-docx's default, or the template emptied.

    The template keeps its styles, numbering, headers, footers, page setup and the
    final section's properties; its body text is removed. A ``.dotx`` works too.
    """
    if template is None:
        return docx.Document()
    path = Path(template)
    if not path.is_file():
        if path.exists():
            raise TemplateError(f"Mallen {path} är ingen fil.")
        raise TemplateError(f"Mallen {path} finns inte.")
    from .safe_read import UnreadableFileError, read_regular_file
    from .safe_zip import MAX_TOTAL_UNCOMPRESSED, UnsafeDocxError, checked_template_bytes, is_zip

    try:
        # Bounded and checked like an import: a template can be a zip bomb too.
        data = read_regular_file(path, MAX_TOTAL_UNCOMPRESSED, noun="Mallen")
        data = checked_template_bytes(data) if is_zip(data) else data
    except UnreadableFileError as exc:
        raise TemplateError(str(exc)) from None
    except UnsafeDocxError as exc:
        raise TemplateError(f"Mallen {path} kan inte användas: {exc}") from None
    try:
        document = docx.Document(io.BytesIO(_as_docx_package(data)))
    except Exception as exc:  # noqa: BLE001 - zip, XML or package errors all mean "not usable"
        raise TemplateError(
            f"Mallen {path} kunde inte öppnas som ett Word-dokument (.docx eller .dotx)."
        ) from exc
    clear_body(document)
    return document


def _as_docx_package(data: bytes) -> bytes:
    """A .dotx is a .docx with another content type: rewrite it so python-docx opens it."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as source:
            types = source.read("[Content_Types].xml")
            if DOTX_CONTENT_TYPE.encode() not in types:
                return data
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
                for info in source.infolist():
                    content = source.read(info.filename)
                    if info.filename == "[Content_Types].xml":
                        content = content.replace(DOTX_CONTENT_TYPE.encode(), DOCX_CONTENT_TYPE.encode())
                    target.writestr(info, content)
            return out.getvalue()
    except (zipfile.BadZipFile, KeyError):
        return data  # let python-docx report it


def clear_body(document: Document) -> None:
    """Remove the body's paragraphs and tables, keeping the final section properties."""
    document.element.body.clear_content()


def set_a4(document: Document, margin_mm: float = 25) -> None:
    """A4 with even margins, for documents not built on an organisation's template."""
    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(margin_mm)
        section.top_margin = section.bottom_margin = Mm(margin_mm)


def set_document_defaults(
    document: Document,
    *,
    font: str | None = None,
    size_pt: float | None = None,
    space_after_pt: float | None = None,
    language: str | None = None,
) -> None:
    """Set ``w:docDefaults``: what every style inherits unless it says otherwise.

    Spacing set here (rather than on Normal) lets a table style tighten its cells.
    """
    styles_element = document.styles.element
    defaults = styles_element.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = parse_xml(f"<w:docDefaults {nsdecls('w')}/>")
        styles_element.insert(0, defaults)
    r_default = _child(defaults, "w:rPrDefault", first=True)
    r_pr = _child(r_default, "w:rPr")
    p_default = _child(defaults, "w:pPrDefault")
    p_pr = _child(p_default, "w:pPr")
    if font:
        _set_fonts(_child(r_pr, "w:rFonts", first=True), font)
    if size_pt:
        for tag in ("w:sz", "w:szCs"):
            _child(r_pr, tag).set(qn("w:val"), str(int(size_pt * 2)))
    if language:
        _child(r_pr, "w:lang").set(qn("w:val"), language)
    if space_after_pt is not None:
        _child(p_pr, "w:spacing").set(qn("w:after"), str(int(space_after_pt * 20)))


def set_style_font(style, font: str) -> None:
    """Give a style an explicit font, dropping theme-font references that would win."""
    r_pr = style.element.get_or_add_rPr()
    _set_fonts(_child(r_pr, "w:rFonts", first=True), font)


def _set_fonts(r_fonts, font: str) -> None:
    for attr in ("asciiTheme", "hAnsiTheme", "cstheme", "eastAsiaTheme"):
        r_fonts.attrib.pop(qn(f"w:{attr}"), None)
    for attr in ("ascii", "hAnsi", "cs"):
        r_fonts.set(qn(f"w:{attr}"), font)


def _child(parent, tag: str, *, first: bool = False):
    """The child `tag` of `parent`, created (first or last) when missing."""
    found = parent.find(qn(tag))
    if found is None:
        prefix = tag.split(":")[0]
        found = parse_xml(f"<{tag} {nsdecls(prefix)}/>")
        if first:
            parent.insert(0, found)
        else:
            parent.append(found)
    return found


def text_width(document: Document) -> int:
    """The width between the margins of the last section, in EMU (A4's when unknown)."""
    sections = document.sections
    if len(sections) == 0:
        return int(Mm(160))
    section = sections[-1]
    width = (section.page_width or Mm(210)) - (section.left_margin or 0) - (section.right_margin or 0)
    return int(width) if width > Mm(40) else int(Mm(160))


# -- styles -------------------------------------------------------------------------


@dataclass(frozen=True)
class StyleSpec:
    """A style the export needs, and how it looks when the document lacks it."""

    name: str
    kind: WD_STYLE_TYPE = WD_STYLE_TYPE.PARAGRAPH
    base: str | None = "Normal"
    bold: bool | None = None
    italic: bool | None = None
    size_pt: float | None = None
    color: str | None = None  # "RRGGBB"
    space_before_pt: float | None = None
    space_after_pt: float | None = None
    keep_with_next: bool = False
    outline_level: int | None = None  # 0 = Heading 1: what the navigation pane reads
    bullet: bool = False  # a bulleted list paragraph (needs a numbering definition)
    grid: bool = False  # a table style with thin borders on every cell


HEADING_COLOR = "1F3864"

BUILTIN_SPECS: dict[str, StyleSpec] = {
    "Normal": StyleSpec("Normal", base=None),
    "Title": StyleSpec("Title", size_pt=24, color=HEADING_COLOR, space_after_pt=6),
    "Heading 1": StyleSpec(
        "Heading 1", bold=True, size_pt=15, color=HEADING_COLOR, space_before_pt=16,
        space_after_pt=4, keep_with_next=True, outline_level=0,
    ),
    "Heading 2": StyleSpec(
        "Heading 2", bold=True, size_pt=13, color=HEADING_COLOR, space_before_pt=12,
        space_after_pt=3, keep_with_next=True, outline_level=1,
    ),
    "Heading 3": StyleSpec(
        "Heading 3", bold=True, italic=False, size_pt=12, color=HEADING_COLOR,
        space_before_pt=10, space_after_pt=2, keep_with_next=True, outline_level=2,
    ),
    "List Bullet": StyleSpec("List Bullet", bullet=True, space_after_pt=2),
    "Table Grid": StyleSpec("Table Grid", kind=WD_STYLE_TYPE.TABLE, base=None, grid=True),
}


def spec_for(name_or_spec: str | StyleSpec) -> StyleSpec:
    if isinstance(name_or_spec, StyleSpec):
        return name_or_spec
    return BUILTIN_SPECS.get(name_or_spec, StyleSpec(name_or_spec))


def ensure_styles(document: Document, wanted: Iterable[str | StyleSpec]) -> dict[str, object]:
    """The style objects by name, each looked up once; a missing style is added.

    A style of the same name but the wrong kind (say a character style called
    ``Etikett``) is left alone and a paragraph style ``Etikett (Mötesbok)`` added.
    """
    styles = document.styles
    found: dict[str, object] = {}
    for requested in wanted:
        spec = spec_for(requested)
        key = spec.name
        style = _lookup(styles, spec.name)
        if style is not None and style.type != spec.kind:
            spec = replace(spec, name=f"{spec.name} (Mötesbok)")
            style = _lookup(styles, spec.name)
        if style is None:
            style = _add_style(document, spec)
        found[key] = style
    return found


def style_ids(document: Document, styles: dict[str, object]) -> dict[str, str | None]:
    """Style id per name for writing ``w:pStyle``; None for the default paragraph style
    (Word applies it without a reference)."""
    default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    default_id = default.style_id if default is not None else None
    return {
        name: (None if style.style_id == default_id and style.type == WD_STYLE_TYPE.PARAGRAPH
               else style.style_id)
        for name, style in styles.items()
    }


def _lookup(styles, name: str):
    try:
        return styles[name]
    except KeyError:
        return None


def _add_style(document: Document, spec: StyleSpec):
    style = document.styles.add_style(spec.name, spec.kind)
    style.hidden = False
    style.unhide_when_used = False
    style.quick_style = True
    if spec.kind == WD_STYLE_TYPE.TABLE:
        if spec.grid:
            style.element.append(parse_xml(_GRID_TBLPR))
        return style
    if spec.base:
        base = _lookup(document.styles, spec.base)
        if base is not None and base.type == spec.kind:
            style.base_style = base
    if spec.kind == WD_STYLE_TYPE.PARAGRAPH:
        normal = _lookup(document.styles, "Normal")
        if normal is not None and normal.type == WD_STYLE_TYPE.PARAGRAPH:
            style.next_paragraph_style = normal
        fmt = style.paragraph_format
        if spec.space_before_pt is not None:
            fmt.space_before = Pt(spec.space_before_pt)
        if spec.space_after_pt is not None:
            fmt.space_after = Pt(spec.space_after_pt)
        if spec.keep_with_next:
            fmt.keep_with_next = True
        pPr = style.element.get_or_add_pPr()
        if spec.bullet:
            pPr.get_or_add_numPr().get_or_add_numId().val = _bullet_num_id(document)
        if spec.outline_level is not None:
            # Built-in headings carry their outline level; a hand-made one must say it.
            pPr.append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="{spec.outline_level}"/>'))
    font = style.font
    if spec.bold is not None:
        font.bold = spec.bold
    if spec.italic is not None:
        font.italic = spec.italic
    if spec.size_pt is not None:
        font.size = Pt(spec.size_pt)
    if spec.color:
        font.color.rgb = RGBColor.from_string(spec.color)
    return style


_GRID_TBLPR = (
    f"<w:tblPr {nsdecls('w')}>"
    "<w:tblBorders>"
    + "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    + "</w:tblBorders>"
    '<w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>'
    "</w:tblPr>"
)


def _numbering_part(document: Document):
    """The numbering part, created when the template has none (python-docx cannot)."""
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.parts.numbering import NumberingPart

    part = document.part
    try:
        return part.part_related_by(RT.NUMBERING)
    except KeyError:
        pass
    blob = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering {nsdecls("w")}/>'
    numbering = NumberingPart.load(
        PackURI("/word/numbering.xml"), CT.WML_NUMBERING, blob.encode(), part.package
    )
    part.relate_to(numbering, RT.NUMBERING)
    return numbering


def _bullet_num_id(document: Document) -> int:
    """A fresh one-level bullet list definition in the numbering part; its num id."""
    numbering = _numbering_part(document).element
    abstract_ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
    abstract_id = max(abstract_ids, default=-1) + 1
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        '<w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
        '<w:lvlText w:val="\u2022"/><w:lvlJc w:val="left"/>'
        '<w:pPr><w:ind w:left="357" w:hanging="357"/></w:pPr></w:lvl>'
        "</w:abstractNum>"
    )
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)  # the schema wants every abstractNum before any num
    else:
        numbering.append(abstract)
    return numbering.add_num(abstract_id).numId


# -- writing the body ---------------------------------------------------------------


def set_core_properties(
    document: Document,
    *,
    title: str,
    author: str = "",
    created: datetime | None = None,
    subject: str = "",
    now: datetime | None = None,
) -> None:
    """Title, author, date and subject; what a template said about itself is cleared.
    The values are export.house_package.core_values' (`now`: the time of writing)."""
    from export.house_package import core_values

    values = core_values(title=title, author=author, created=created, subject=subject, now=now)
    props = document.core_properties
    props.title = values["title"]
    props.author = values["author"]
    props.last_modified_by = props.author
    props.subject = values["subject"]
    props.comments = ""
    props.keywords = ""
    props.category = ""
    props.revision = 1
    # OOXML stores UTC ("Z"); Word shows it in local time (core_values converts).
    props.created = values["created"]
    props.modified = values["modified"]


def document_bytes(document: Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def save_docx_atomic(document: Document, path: Path | str, *, force: bool = False) -> Path:
    """Serialise in memory, then replace `path` in one step: a failure leaves the old file.

    The target rules (no device, FIFO or folder; a write-protected file only with
    `force`) are export.target's, the same for every exporter. A `path` ending in .pdf
    gets the document rendered as PDF (export.target.write_document).
    """
    from export.target import check_target, write_document

    check_target(path, force=force)  # before the work of serialising
    return write_document(document_bytes(document), path, force=force)
