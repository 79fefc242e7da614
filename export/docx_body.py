"""The document body as WordprocessingML: runs, paragraphs and tables built as text and
parsed once (python-docx's per-paragraph API is several times slower for long minutes).

No python-docx at import: the house package writer (export/house_package.py) uses the
text without it; only `append_to` (into a python-docx document) loads it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Protocol, Sequence

from export.markup import clean_xml_text

if TYPE_CHECKING:
    from docx.document import Document

#: WordprocessingML's namespace and its declaration (python-docx's nsdecls("w")).
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_DECL = f'xmlns:w="{W_NS}"'


class RunLike(Protocol):
    text: str
    bold: bool
    italic: bool


def escape_text(text: str) -> str:
    """Element text escaped as lxml writes it (the body, the house package, the embed)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(value: str) -> str:
    return escape_text(clean_xml_text(value)).replace('"', "&quot;")


def runs_xml(runs: Iterable[RunLike]) -> str:
    parts = []
    for run in runs:
        text = clean_xml_text(run.text)
        if not text:
            continue
        props = ("<w:b/>" if run.bold else "") + ("<w:i/>" if run.italic else "")
        body = escape_text(text)
        if "\t" in body or "\n" in body:
            body = body.replace("\t", '</w:t><w:tab/><w:t xml:space="preserve">')
            body = body.replace("\n", '</w:t><w:br/><w:t xml:space="preserve">')
        parts.append(
            f'<w:r>{"<w:rPr>" + props + "</w:rPr>" if props else ""}'
            f'<w:t xml:space="preserve">{body}</w:t></w:r>'
        )
    return "".join(parts)


def paragraph_xml(
    runs: Iterable[RunLike],
    style_id: str | None = None,
    *,
    page_break: bool = False,
    keep_next: bool | None = None,
    space_before_pt: float | None = None,
    space_after_pt: float | None = None,
    tabs_twips: Sequence[int] = (),
) -> str:
    """A paragraph; the keywords are direct formatting over the style (pPr order as the
    schema wants it: style, keepNext, pageBreakBefore, tabs, spacing, ind). `keep_next`
    None leaves it to the style; False turns a style's keep-with-next off. `tabs_twips`:
    left tab stops, the last one also where wrapped lines start (a hanging indent)."""
    props = f'<w:pStyle w:val="{_attr(style_id)}"/>' if style_id else ""
    if keep_next is not None:
        props += "<w:keepNext/>" if keep_next else '<w:keepNext w:val="0"/>'
    props += "<w:pageBreakBefore/>" if page_break else ""
    if tabs_twips:
        props += "<w:tabs>" + "".join(f'<w:tab w:val="left" w:pos="{int(pos)}"/>'
                                      for pos in tabs_twips) + "</w:tabs>"
    if space_before_pt is not None or space_after_pt is not None:
        before = f' w:before="{int(space_before_pt * 20)}"' if space_before_pt is not None else ""
        after = f' w:after="{int(space_after_pt * 20)}"' if space_after_pt is not None else ""
        props += f"<w:spacing{before}{after}/>"
    if tabs_twips:
        hanging = int(tabs_twips[-1])
        props += f'<w:ind w:left="{hanging}" w:hanging="{hanging}"/>'
    return f"<w:p>{'<w:pPr>' + props + '</w:pPr>' if props else ''}{runs_xml(runs)}</w:p>"


class BodyTrace(Protocol):
    """Told of every paragraph, row and cell in order (export.minutes_embed.BodyTrace)."""

    def paragraph(self, style_id: str | None, runs: Sequence[RunLike]) -> None: ...
    def row(self) -> None: ...
    def cell(self) -> None: ...


class BodyBuilder:
    """Collects body paragraphs and tables as WordprocessingML and appends them at once.

    With a `trace`, each paragraph (in tables too), row and cell is also reported to it
    in document order; `raw` XML cannot be traced, so then no trace is allowed."""

    def __init__(self, trace: BodyTrace | None = None) -> None:
        self._parts: list[str] = []
        self._trace = trace

    def paragraph(self, runs: Iterable[RunLike], style_id: str | None = None, **direct) -> None:
        """`direct`: paragraph_xml's keywords (page break, keep with next, spacing)."""
        if self._trace is not None:
            runs = list(runs)
            self._trace.paragraph(style_id, runs)
        self._parts.append(paragraph_xml(runs, style_id, **direct))

    def table(
        self,
        rows: Sequence[Sequence[Iterable[RunLike]]],
        widths: Sequence[int],
        *,
        style_id: str | None = None,
        cell_style_id: str | None = None,
        header: bool = False,
        min_row_height: int | None = None,
        keep_together: bool = False,
        column_style_ids: Sequence[str | None] | None = None,
        row_space_before_pt: Sequence[float] | None = None,
        cell_space_after_pt: float | None = None,
        loose: bool = False,
    ) -> None:
        """A table with fixed column widths (EMU); `header` repeats the first row on
        every page; body rows are at least `min_row_height` (EMU) tall when given.
        A row with fewer cells than columns: its last cell spans the remaining ones.
        `keep_together` keeps the rows on one page (each row kept with the next).
        `column_style_ids` gives each column's paragraph style (else `cell_style_id`),
        `row_space_before_pt` the space above each row's text, `cell_space_after_pt`
        the space below every cell's text. `loose` lets the rows part at a page end even
        where a cell's style keeps with the next paragraph (a label style would otherwise
        chain every row to the next and push a long table whole onto the next page)."""
        twips = [max(1, int(w) // 635) for w in widths]
        props = f'<w:tblStyle w:val="{_attr(style_id)}"/>' if style_id else ""
        look = "04A0" if header else "0400"
        out = [
            f'<w:tbl><w:tblPr>{props}<w:tblW w:w="{sum(twips)}" w:type="dxa"/>'
            f'<w:tblLayout w:type="fixed"/>'
            f'<w:tblLook w:val="{look}" w:firstRow="{int(header)}" w:lastRow="0" '
            f'w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
            "<w:tblGrid>" + "".join(f'<w:gridCol w:w="{w}"/>' for w in twips) + "</w:tblGrid>"
        ]
        trace = self._trace
        for index, row in enumerate(rows):
            out.append("<w:tr>")
            if trace is not None:
                trace.row()
            if header and index == 0:
                out.append("<w:trPr><w:tblHeader/></w:trPr>")
            elif min_row_height:
                out.append(f'<w:trPr><w:cantSplit/><w:trHeight w:val="{int(min_row_height) // 635}"'
                           ' w:hRule="atLeast"/></w:trPr>')
            else:
                out.append("<w:trPr><w:cantSplit/></w:trPr>")
            cells = list(row)[: len(twips)]
            keep = True if keep_together and index < len(rows) - 1 else (False if loose else None)
            for column, cell in enumerate(cells):
                width, span = twips[column], ""
                if column == len(cells) - 1 and len(cells) < len(twips):
                    width = sum(twips[column:])
                    span = f'<w:gridSpan w:val="{len(twips) - column}"/>'
                style = column_style_ids[column] if column_style_ids else cell_style_id
                if trace is not None:
                    cell = list(cell)
                    trace.cell()
                    trace.paragraph(style, cell)
                before = row_space_before_pt[index] if row_space_before_pt else None
                paragraph = paragraph_xml(cell, style, keep_next=keep, space_before_pt=before,
                                          space_after_pt=cell_space_after_pt)
                out.append(
                    f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span}</w:tcPr>'
                    f"{paragraph}</w:tc>"
                )
            out.append("</w:tr>")
        out.append("</w:tbl>")
        self._parts.append("".join(out))

    def raw(self, xml: str) -> None:
        """A paragraph or table already written as WordprocessingML (``w:`` prefix)."""
        if self._trace is not None:
            raise ValueError("raw XML cannot be traced")
        self._parts.append(xml)

    def marked(self, xml: str, style_id: str | None, runs: Sequence[RunLike]) -> None:
        """A paragraph written as WordprocessingML with invisible marks (bookmarks), whose
        visible text is `runs` in style `style_id` (what a trace is told)."""
        if self._trace is not None:
            self._trace.paragraph(style_id, runs)
        self._parts.append(xml)

    def xml(self) -> str:
        return "".join(self._parts)

    def append_to(self, document: Document) -> None:
        """Put everything collected at the end of the body, before the section properties.

        Each element declares the namespace on itself: moving an element out of a
        parsed container whose root alone declares it makes lxml rewrite the whole
        subtree, quadratic in a big table (2 minutes for a 12 000-row action list).
        """
        if not self._parts:
            return
        from docx.oxml import parse_xml

        decl = " " + W_DECL
        parts = []
        for part in self._parts:
            end = part.index(">")
            if part[end - 1] == "/":
                end -= 1
            parts.append(part[:end] + decl + part[end:])
        container = parse_xml(f"<w:body{decl}>{''.join(parts)}</w:body>")
        body = document.element.body
        sect_pr = body.sectPr
        for element in list(container):
            if sect_pr is not None:
                sect_pr.addprevious(element)
            else:
                body.append(element)
        self._parts.clear()


# -- properties and saving ----------------------------------------------------------
