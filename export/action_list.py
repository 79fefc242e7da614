"""The action list (åtgärdslista) as CSV, Markdown, JSON and a printable DOCX (or PDF).

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

from export.labels import NOT_GIVEN, cells, status_text
from store.domain.action_rows import ActionRow

TITLE = "Åtgärdslista"
COLUMNS = ("Åtgärd", "Ansvarig", "Klart senast", "Möte", "Status")
#: The printout's last column, left empty for notes by hand at the follow-up meeting.
COMMENT_COLUMN = "Kommentar"
CSV_COLUMNS = (
    "Id", "Åtgärd", "Ansvarig", "Klart senast", "Status", "Klar datum",
    "Mötesdatum", "Möte", "Punkt", "Punktens rubrik", "Serie", "Mötes-id",
)
JSON_FORMAT = "motesbok-actions/1"


def by_owner(rows: Iterable[ActionRow]) -> list[tuple[str, list[ActionRow]]]:
    """(owner, rows) per owner, owners alphabetically, `Ej angivet` last; order kept."""
    groups: dict[str, list[ActionRow]] = {}
    names: dict[str, str] = {}
    for row in rows:
        key = (row.owner or "").strip().casefold()
        names.setdefault(key, (row.owner or "").strip() or NOT_GIVEN)
        groups.setdefault(key, []).append(row)
    order = sorted(groups, key=lambda key: (key == "", key))
    return [(names[key], groups[key]) for key in order]


# -- CSV / Markdown / JSON -------------------------------------------------------------


#: What makes a spreadsheet read a cell as a formula (or start one, after a tab or CR).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str) -> str:
    """A cell a spreadsheet shows as text, never runs: OWASP's leading apostrophe.

    `=HYPERLINK(...)` typed into an action would otherwise run when the list is opened in
    Excel or LibreOffice. The apostrophe shows in other programs; that is the price.
    """
    return "'" + cell if cell.startswith(FORMULA_PREFIXES) else cell


def csv_text(rows: Iterable[ActionRow], *, lineterminator: str = "\r\n") -> str:
    """The list as CSV, lines ending "\r\n" (RFC 4180, what Excel writes).

    The csv module quotes a cell only for the characters of its line terminator: with
    "\n" alone (fine for a terminal, where control characters are shown as text
    anyway) a CR inside a text would split the row in a file.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=lineterminator)
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow(
            spreadsheet_safe(str(cell)) for cell in (
                row.action_id, row.text, row.owner or "", row.due or "", status_text(row),
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
        "status": status_text(row),
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

_MM = 36_000  # EMU
_TWIP = 635  # EMU; Word stores table widths in twips
# The due date and the status keep a width that holds "2031-03-20" and a bold "Försenad"
# on one line (0 = a shared column); the action, the owner and the meeting share the
# rest by _SHARES, the action most.
_FIXED = (0, 0, 30 * _MM, 0, 27 * _MM)
_SHARES = (100, 38, 0, 58, 0)
# The comment column fits a handwritten sentence or two; rows are tall enough to write in.
_COMMENT_WIDTH = 55 * _MM
_WRITING_ROW_HEIGHT = 9 * _MM


def column_widths(total: int, *, comment_column: bool) -> list[int]:
    """Column widths in EMU, whole twips, adding up to `total` (the text width).

    The comment column (last) gets a fixed hand-writing width (at most 3/10 of the
    text width), the date and status columns theirs (at most 1/8 each); the other
    columns share the rest by `_SHARES`. The last column takes what rounding leaves,
    so the table spans exactly the text width.
    """
    total -= total % _TWIP
    comment = min(_COMMENT_WIDTH, total * 3 // 10) if comment_column else 0
    fixed = [min(width, total // 8) // _TWIP * _TWIP for width in _FIXED]
    rest = total - comment - sum(fixed)
    widths = [rest * share // sum(_SHARES) // _TWIP * _TWIP if share else width
              for share, width in zip(_SHARES, fixed)]
    if comment_column:
        widths.append(0)
    widths[-1] = total - sum(widths[:-1])
    return widths


def _landscape_a4(document, *, margins: bool) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    for section in document.sections:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
        if margins:  # a template's own margins are kept
            section.left_margin = section.right_margin = Mm(20)
            section.top_margin = section.bottom_margin = Mm(18)


def build_docx(
    rows: list[ActionRow], *, filter_text: str = "", today: Date | None = None,
    group_by_owner: bool = False, template: Path | None = None, comment_column: bool = True,
):
    """The printable action list as a python-docx Document.

    Landscape A4, the title, the date and the filter, then one table (or one per owner
    under a Heading 1) whose header row repeats on every page. `comment_column` adds an
    empty last column (COMMENT_COLUMN) for notes by hand when the list is followed up.
    Raises TemplateError (a StoreError) for a template that cannot be used.
    """
    from export.docx_body import BodyBuilder
    from export.docx_common import (
        ensure_styles,
        new_document,
        set_core_properties,
        style_ids,
        text_width,
    )
    from export.docx_minutes import apply_house_look
    from export.markup import Run, one_line

    document = new_document(template)
    if template is None:
        apply_house_look(document)  # the same look as the minutes it follows up
    _landscape_a4(document, margins=template is None)
    ids = style_ids(document, ensure_styles(document, ["Normal", "Title", "Heading 1",
                                                       "Table Grid"]))
    widths = column_widths(text_width(document), comment_column=comment_column)
    titles = COLUMNS + (COMMENT_COLUMN,) if comment_column else COLUMNS
    header = [[Run(title, bold=True)] for title in titles]
    blank: list[list[Run]] = [[]] if comment_column else []

    def table(group: list[ActionRow]) -> None:
        body = [header]
        for row in group:
            values = cells(row)
            body.append([
                [Run(one_line(value), bold=row.overdue and index == 4)]
                for index, value in enumerate(values)
            ] + blank)
        builder.table(body, widths, style_id=ids["Table Grid"],
                      cell_style_id=ids["Normal"], header=True,
                      min_row_height=_WRITING_ROW_HEIGHT if comment_column else None)

    builder = BodyBuilder()

    def paragraph(text: str, style: str) -> None:
        builder.paragraph([Run(one_line(text))], ids[style])

    paragraph(TITLE, "Title")
    paragraph(_subtitle(filter_text, today), "Normal")
    if not rows:
        paragraph("Inga åtgärder.", "Normal")
    elif group_by_owner:
        for owner, group in by_owner(rows):
            paragraph(owner, "Heading 1")
            table(group)
    else:
        table(rows)
    builder.append_to(document)
    set_core_properties(document, title=TITLE, subject=filter_text)
    return document


def docx_bytes(rows: list[ActionRow], **kwargs) -> bytes:
    from export.docx_common import document_bytes

    return document_bytes(build_docx(rows, **kwargs))


def write_action_list(
    rows: list[ActionRow], path: str | Path, fmt: str | None = None, *,
    filter_text: str = "", today: Date | None = None, group_by_owner: bool = False,
    template: Path | None = None, force: bool = False, comment_column: bool = True,
) -> Path:
    """Write the list in a format (else by the file's suffix), atomically.

    `comment_column` applies to the DOCX printout (and its PDF) only (see `build_docx`).

    Raises ValueError for an unknown format, ExportTargetError for a target that may
    not be replaced (see export.target; `force` overwrites a write-protected file),
    SaveError when the file cannot be written (export.pdf.PdfError: no PDF, the DOCX
    written beside it instead).
    """
    from export.target import check_target, write_export

    path = Path(path)
    check_target(path, force=force)  # before the work of building a DOCX
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    if fmt == "markdown":
        fmt = "md"
    if fmt == "csv":
        # The BOM makes Excel read åäö right.
        data = csv_text(rows).encode("utf-8-sig")
    elif fmt == "md":
        data = markdown_text(
            rows, filter_text=filter_text, today=today, group_by_owner=group_by_owner
        ).encode()
    elif fmt == "json":
        data = json_bytes(rows, filter_text=filter_text, today=today)
    elif fmt in ("docx", "pdf"):
        data = docx_bytes(
            rows, filter_text=filter_text, today=today, group_by_owner=group_by_owner,
            template=template, comment_column=comment_column,
        )
        if fmt == "pdf":  # the DOCX rendered by LibreOffice
            from export.pdf import write_pdf

            return write_pdf(data, path, force=force)
    else:
        raise ValueError(fmt)
    return write_export(path, data, force=force)
