"""The minutes as a Word document, in the organisation's format (docs/FORMAT.md,
"The minutes (DOCX)").

What the minutes say comes from `export.minutes_layout`; this module only maps each
block to its Word style: ``Title``, ``Normal``, the label style ``Etikett``, the built-in
``Heading 1``-``Heading 3``, ``List Bullet`` and one three-column table per item.

A plain function that touches no UI, so the app can run it in a worker thread.

Without a template the file is written by export/house_package.py, without loading
python-docx (a third of the command's time); with one, python-docx builds it here. The
two give the same parts (tests/unit/test_house_package.py).
"""

from __future__ import annotations

from datetime import date as Date
from datetime import datetime, time
from pathlib import Path
from typing import TYPE_CHECKING

from export.docx_body import BodyBuilder, BodyTrace
from export.minutes_embed import embed_meeting
from export.minutes_layout import (
    BULLET,
    HEADING,
    LABEL,
    NORMAL,
    TABLE,
    TITLE,
    minutes_blocks,
    secretary_of,
)
from export.minutes_marks import Marker
from store.domain.model import Meeting

if TYPE_CHECKING:
    from docx.document import Document

#: The paragraph style of the labels (Plats, Deltagare, Beslut...): one style of its own
#: so that an organisation's template can restyle every label at once (its look:
#: `label_spec`).
LABEL_STYLE = "Etikett"
TABLE_STYLE = "Table Grid"
HEADING_STYLES = {1: "Heading 1", 2: "Heading 2", 3: "Heading 3"}
STYLE_OF_KIND = {TITLE: "Title", NORMAL: "Normal", LABEL: LABEL_STYLE, BULLET: "List Bullet"}

#: Share of the text width for action, due date and owner.
ACTION_COLUMNS = (0.55, 0.19, 0.26)
HOUSE_FONT = "Calibri"


def minutes_body(meeting: Meeting, ids: dict[str, str | None], width: int,
                 trace: BodyTrace | None = None) -> BodyBuilder:
    """The minutes' body in the styles `ids` (by name), tables over `width` (EMU)."""
    widths = [int(width * share) for share in ACTION_COLUMNS]
    builder = BodyBuilder(trace)
    marker = Marker()
    for block in minutes_blocks(meeting):
        if block.kind == TABLE:
            builder.table(block.rows, widths, style_id=ids[TABLE_STYLE])
        elif block.kind == HEADING:
            builder.paragraph(block.runs, ids[HEADING_STYLES[block.level]])
        elif block.part is not None:
            style = ids[STYLE_OF_KIND[block.kind]]
            builder.marked(marker.paragraph(block, style), style, marker.visible_runs(block))
        else:
            builder.paragraph(block.runs, ids[STYLE_OF_KIND[block.kind]])
    return builder


def minutes_properties(meeting: Meeting) -> dict:
    """The document properties of the minutes (set_core_properties' keywords)."""
    secretary = secretary_of(meeting)
    return dict(title=meeting.title, author=secretary.name if secretary else "",
                created=meeting_datetime(meeting), subject=f"Mötesanteckningar {meeting.date}")


def build_minutes(meeting: Meeting, template: Path | str | None = None, *,
                  now: datetime | None = None) -> Document:
    """The minutes as an in-memory python-docx document (`now`: the time of writing)."""
    from export.docx_common import set_core_properties
    from export.minutes_page import add_header_and_footer

    document, ids, width = house_document(template)
    minutes_body(meeting, ids, width).append_to(document)
    set_core_properties(document, **minutes_properties(meeting), now=now)
    add_header_and_footer(document, meeting)  # a template's own header and footer win
    embed_meeting(document, meeting)  # last: it fingerprints the finished body
    return document


def write_minutes(
    meeting: Meeting, path: Path | str, template: Path | str | None = None, *,
    force: bool = False,
) -> Path:
    """Build the minutes and replace `path` atomically; the previous file survives a failure.

    `force` overwrites a write-protected file (the user confirmed); see export.target.
    """
    from export.target import check_target, write_document

    check_target(path, force=force)  # refuse a bad target before building anything
    if template is None:
        from export.house_package import minutes_package

        return write_document(minutes_package(meeting), Path(path), force=force)
    from export.docx_common import save_docx_atomic

    return save_docx_atomic(build_minutes(meeting, template), Path(path), force=force)


def meeting_datetime(meeting: Meeting) -> datetime | None:
    try:
        day = Date.fromisoformat(meeting.date)
    except (TypeError, ValueError):
        return None
    try:
        start = time.fromisoformat(meeting.start) if meeting.start else time(0, 0)
    except ValueError:
        start = time(0, 0)
    return datetime.combine(day, start)


def house_document(template: Path | str | None) -> tuple[Document, dict[str, str | None], int]:
    """A new document from `template`, or in the house look, with every style the minutes
    and the protocol write by name: (document, style ids by name, text width)."""
    from export.docx_common import ensure_styles, new_document, style_ids, text_width

    document = new_document(template)
    if template is None:
        apply_house_look(document)
    styles = ensure_styles(
        document,
        ["Normal", "Title", *HEADING_STYLES.values(), "List Bullet", label_spec(), TABLE_STYLE],
    )
    return document, style_ids(document, styles), text_width(document)


def label_spec():
    """How the label style looks when the document lacks it (a docx_common.StyleSpec)."""
    from export.docx_common import StyleSpec

    return StyleSpec(LABEL_STYLE, bold=True, space_before_pt=10, space_after_pt=2,
                     keep_with_next=True)


def apply_house_look(document: Document) -> None:
    """A calm default when no template is given: A4, Swedish proofing, one font family,
    paragraph spacing in the document defaults so table cells can stay tight."""
    from docx.shared import Pt

    from export.docx_common import set_a4, set_document_defaults, set_style_font

    set_a4(document)
    styles = document.styles
    set_document_defaults(document, font=HOUSE_FONT, size_pt=11, space_after_pt=6, language="sv-SE")
    for name in ("Title", *HEADING_STYLES.values()):
        set_style_font(styles[name], HOUSE_FONT)
    for name in HEADING_STYLES.values():
        # python-docx's headings have no space below: the first line would cling to them.
        styles[name].paragraph_format.space_after = Pt(3)
    table = styles[TABLE_STYLE]
    table.paragraph_format.space_before = Pt(2)
    table.paragraph_format.space_after = Pt(2)
    table.paragraph_format.line_spacing = 1.0
