"""The action list (åtgärdslista) as CSV, Markdown, JSON and a printable DOCX.

CSV and JSON are for other programs: missing values are empty / null there and dates
ISO. Markdown and the DOCX are for people: a missing owner or due date reads
`Ej angivet`, as in the minutes. python-docx is imported only when a DOCX is written.
"""

from __future__ import annotations

import csv
import io
from datetime import date as Date
from pathlib import Path
from typing import Iterable

import orjson

from store.actions import ActionRow
from store.storage import write_file_atomic

TITLE = "Åtgärdslista"
MISSING = "Ej angivet"
COLUMNS = ("Åtgärd", "Ansvarig", "Klart senast", "Möte", "Status")
CSV_COLUMNS = (
    "Id", "Åtgärd", "Ansvarig", "Klart senast", "Status", "Klar datum",
    "Mötesdatum", "Möte", "Punkt", "Punktens rubrik", "Serie", "Mötes-id",
)
JSON_FORMAT = "motesbok-actions/1"
FORMATS = ("csv", "md", "json", "docx")


def cells(row: ActionRow) -> tuple[str, str, str, str, str]:
    """The five columns of the printed list."""
    return (
        row.text,
        row.owner or MISSING,
        row.due or MISSING,
        row.meeting_text,
        row.status_text,
    )


def by_owner(rows: Iterable[ActionRow]) -> list[tuple[str, list[ActionRow]]]:
    """(owner, rows) per owner, owners alphabetically, `Ej angivet` last; order kept."""
    groups: dict[str, list[ActionRow]] = {}
    names: dict[str, str] = {}
    for row in rows:
        key = (row.owner or "").strip().casefold()
        names.setdefault(key, (row.owner or "").strip() or MISSING)
        groups.setdefault(key, []).append(row)
    order = sorted(groups, key=lambda key: (key == "", key))
    return [(names[key], groups[key]) for key in order]


# -- CSV / Markdown / JSON -------------------------------------------------------------


def csv_text(rows: Iterable[ActionRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow(
            (
                row.action_id, row.text, row.owner or "", row.due or "", row.status_text,
                row.done_date or "", row.meeting_date, row.meeting_title, row.item_number,
                row.item_title, row.series, row.meeting_id,
            )
        )
    return out.getvalue()


def _md_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _md_table(rows: list[ActionRow]) -> list[str]:
    lines = ["| " + " | ".join(COLUMNS + ("Id",)) + " |", "|" + "---|" * (len(COLUMNS) + 1)]
    for row in rows:
        values = [*cells(row), row.action_id]
        if row.overdue:
            values[4] = f"**{values[4]}**"
        lines.append("| " + " | ".join(_md_cell(v) for v in values) + " |")
    return lines


def markdown_text(
    rows: list[ActionRow], *, filter_text: str = "", today: Date | None = None,
    group_by_owner: bool = False,
) -> str:
    lines = [f"# {TITLE}", "", _subtitle(filter_text, today), ""]
    if not rows:
        lines.append("Inga åtgärder.")
    elif group_by_owner:
        for owner, group in by_owner(rows):
            lines += [f"## {_md_cell(owner)}", "", *_md_table(group), ""]
    else:
        lines += _md_table(rows)
    return "\n".join(lines).rstrip("\n") + "\n"


def row_dict(row: ActionRow) -> dict:
    return {
        "id": row.action_id,
        "text": row.text,
        "owner": row.owner,
        "due": row.due,
        "done": row.done,
        "done_date": row.done_date,
        "overdue": row.overdue,
        "status": row.status_text,
        "follows": row.follows,
        "meeting": {
            "id": row.meeting_id,
            "date": row.meeting_date,
            "title": row.meeting_title,
            "series": row.series,
        },
        "item": {"id": row.item_id, "number": row.item_number, "title": row.item_title},
    }


def json_bytes(
    rows: Iterable[ActionRow], *, filter_text: str = "", today: Date | None = None
) -> bytes:
    data = {
        "format": JSON_FORMAT,
        "date": (today or Date.today()).isoformat(),
        "filter": filter_text,
        "actions": [row_dict(row) for row in rows],
    }
    return orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n"


def _subtitle(filter_text: str, today: Date | None) -> str:
    day = (today or Date.today()).isoformat()
    return f"{day}. Urval: {filter_text}" if filter_text else day


# -- DOCX ------------------------------------------------------------------------------

# Landscape A4 text width is about 247 mm with 25 mm margins; the action text gets most.
_WIDTHS_MM = (100, 38, 26, 58, 25)


def _new_document(template: Path | None):
    try:
        from export.docx_common import new_document  # shared with the minutes
    except ImportError:
        new_document = None
    if new_document is not None:
        return new_document(template)
    import docx

    if template is None:
        return docx.Document()
    document = docx.Document(str(template))
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)
    return document


def _landscape_a4(document) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    for section in document.sections:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
        section.left_margin = section.right_margin = Mm(25)
        section.top_margin = section.bottom_margin = Mm(20)


def _style(document, name: str, fallback: str | None = None):
    try:
        return document.styles[name]
    except KeyError:
        return fallback


def _table(document, rows: list[ActionRow]):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm

    from export.markup import one_line  # XML-safe: pasted control characters dropped

    table = document.add_table(rows=1, cols=len(COLUMNS))
    style = _style(document, "Table Grid")
    if style is not None:
        table.style = style
    header = table.rows[0]
    for cell, title in zip(header.cells, COLUMNS):
        cell.text = ""
        cell.paragraphs[0].add_run(title).bold = True
    # Word repeats a row marked tblHeader at the top of every page the table spans.
    tr_pr = header._tr.get_or_add_trPr()
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    tr_pr.append(marker)
    for row in rows:
        values = cells(row)
        row_cells = table.add_row().cells
        for index, (cell, value) in enumerate(zip(row_cells, values)):
            run = cell.paragraphs[0].add_run(one_line(value))
            if row.overdue and index == 4:
                run.bold = True
    table.autofit = False
    for column, width in zip(table.columns, _WIDTHS_MM):
        for cell in column.cells:
            cell.width = Mm(width)
    return table


def build_docx(
    rows: list[ActionRow], *, filter_text: str = "", today: Date | None = None,
    group_by_owner: bool = False, template: Path | None = None,
):
    """The printable action list as a python-docx Document."""
    from export.markup import one_line

    document = _new_document(template)
    _landscape_a4(document)
    document.add_paragraph(TITLE, style=_style(document, "Title"))
    document.add_paragraph(one_line(_subtitle(filter_text, today)))
    if not rows:
        document.add_paragraph("Inga åtgärder.")
    elif group_by_owner:
        heading = _style(document, "Heading 1")
        for owner, group in by_owner(rows):
            document.add_paragraph(one_line(owner), style=heading)
            _table(document, group)
    else:
        _table(document, rows)
    return document


def docx_bytes(rows: list[ActionRow], **kwargs) -> bytes:
    out = io.BytesIO()
    build_docx(rows, **kwargs).save(out)
    return out.getvalue()


def write_action_list(
    rows: list[ActionRow], path: str | Path, fmt: str | None = None, *,
    filter_text: str = "", today: Date | None = None, group_by_owner: bool = False,
    template: Path | None = None,
) -> Path:
    """Write the list in a format (else by the file's suffix), atomically.

    Raises ValueError for an unknown format, SaveError when the file cannot be written.
    """
    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    if fmt == "markdown":
        fmt = "md"
    if fmt == "csv":
        data = csv_text(rows).encode("utf-8-sig")  # the BOM makes Excel read åäö right
    elif fmt == "md":
        data = markdown_text(
            rows, filter_text=filter_text, today=today, group_by_owner=group_by_owner
        ).encode()
    elif fmt == "json":
        data = json_bytes(rows, filter_text=filter_text, today=today)
    elif fmt == "docx":
        data = docx_bytes(
            rows, filter_text=filter_text, today=today, group_by_owner=group_by_owner,
            template=template,
        )
    else:
        raise ValueError(fmt)
    write_file_atomic(path, data)
    return path
