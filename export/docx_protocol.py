"""The protocol and the protokollsutdrag as Word documents (docs/FORMAT.md, "The
protocol (DOCX)").

What they say comes from export/protocol_layout.py; this module maps each block to the
same Word styles as the minutes (export/docx_minutes.py: house look, label style
``Etikett``, headings, ``List Bullet``), adds the page header (export/protocol_page.py)
and, for the whole protocol, the embedded meeting so that `import` gives it back.

Plain functions that touch no UI, so the app can run them in a worker thread. Without
a template the files are written by export/house_package.py without python-docx, as
for the minutes (export/docx_minutes.py).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from export.docx_body import BodyBuilder
from export.docx_minutes import (
    ACTION_COLUMNS,
    HEADING_STYLES,
    LABEL_STYLE,
    STYLE_OF_KIND,
    TABLE_STYLE,
    house_document,
    meeting_datetime,
)
from export.minutes_embed import BodyTrace, embed_meeting
from export.minutes_layout import HEADING, TABLE, Block, secretary_of
from export.protocol_layout import extract_blocks, protocol_blocks
from export.protocol_page import EXTRACT_WORD, PROTOCOL_WORD, add_protocol_header
from store.domain.model import Meeting
from store.domain.paragraphs import paragraph_numbers, paragraph_range_text

if TYPE_CHECKING:
    from docx.document import Document

PROTOCOL_SUBJECT = "Protokoll"
AFTER_TABLE_PT = 6
EXTRACT_SUBJECT = "Protokollsutdrag"


def protocol_body(blocks: list[Block], ids: dict[str, str | None], width: int,
                  trace: BodyTrace | None = None) -> BodyBuilder:
    """The body of `blocks` in the styles `ids` (by name), tables over `width` (EMU)."""
    builder = BodyBuilder(trace)
    after_table = False
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if block.kind == TABLE:
            shares = block.widths or ACTION_COLUMNS
            labelled = dict(
                column_style_ids=[ids[LABEL_STYLE]] + [None] * (len(shares) - 1),
                row_space_before_pt=block.row_space or None, cell_space_after_pt=0,
                loose=not block.keep_together,
            ) if block.labelled else {}
            builder.table(block.rows, [int(width * share) for share in shares],
                          style_id=ids[TABLE_STYLE] if block.grid else None,
                          header=block.header, keep_together=block.keep_together, **labelled)
            after_table = True
            continue
        style = ids[HEADING_STYLES[block.level] if block.kind == HEADING
                    else STYLE_OF_KIND[block.kind]]
        builder.paragraph(
            block.runs, style, page_break=block.page_break,
            # A line right under a table would touch its border.
            space_before_pt=AFTER_TABLE_PT if after_table and block.kind != HEADING else None,
            space_after_pt=0 if block.tight else None,
            # A box kept on one page takes the line that leads into it along; elsewhere
            # the style decides (False here would undo a label's keep-with-next and leave
            # "Beslutet skickas till" alone at a page's foot).
            keep_next=True if following is not None and following.keep_together else None,
            tabs_twips=[int(width * share) // 635 for share in block.tabs],
        )
        after_table = False
    return builder


def _document(blocks: list[Block], template: Path | str | None, meeting: Meeting,
              word: str, trace: BodyTrace | None = None) -> Document:
    document, ids, width = house_document(template)
    builder = protocol_body(blocks, ids, width, trace)
    add_protocol_header(document, meeting, width, word)  # before the body: see protocol_page
    builder.append_to(document)
    return document


def protocol_properties(meeting: Meeting, subject: str) -> dict:
    """The document properties (set_core_properties' keywords) under `subject`."""
    secretary = secretary_of(meeting)
    return dict(title=meeting.title, author=secretary.name if secretary else "",
                created=meeting_datetime(meeting), subject=subject)


def protocol_subject(meeting: Meeting) -> str:
    return f"{PROTOCOL_SUBJECT} {meeting.date}"


def extract_subject(meeting: Meeting, chosen: list[int]) -> str:
    return f"{EXTRACT_SUBJECT} {meeting.date} {paragraph_range_text(chosen)}"


def _properties(document: Document, meeting: Meeting, subject: str, now=None) -> None:
    from export.docx_common import set_core_properties

    set_core_properties(document, **protocol_properties(meeting, subject), now=now)


def build_protocol(meeting: Meeting, first: int, template: Path | str | None = None, *,
                   now=None) -> Document:
    """The whole protocol, its first ärende numbered § `first` (`now`: the time of
    writing, for the document properties)."""
    trace = BodyTrace()  # the body's fingerprint, taken while it is built
    document = _document(protocol_blocks(meeting, first), template, meeting, PROTOCOL_WORD,
                         trace)
    _properties(document, meeting, protocol_subject(meeting), now)
    # The § numbers the document shows travel with it: an import elsewhere keeps them.
    embed_meeting(document, replace(meeting, first_paragraph=first), trace.fingerprint())
    return document


def build_extract(meeting: Meeting, first: int, chosen: Iterable[int],
                  template: Path | str | None = None, *, now=None) -> Document:
    """A protokollsutdrag of the §§ `chosen` (checked by the caller: see export.extract)."""
    chosen = sorted(set(chosen))
    document = _document(extract_blocks(meeting, first, chosen), template, meeting, EXTRACT_WORD)
    _properties(document, meeting, extract_subject(meeting, chosen), now)
    return document


def write_protocol(meeting: Meeting, first: int, path: Path | str,
                   template: Path | str | None = None, *, force: bool = False) -> Path:
    """Build the protocol and replace `path` atomically (export.target's rules)."""
    from export.target import check_target, write_document

    check_target(path, force=force)
    if template is None:
        from export.house_package import protocol_package

        return write_document(protocol_package(meeting, first), Path(path), force=force)
    from export.docx_common import save_docx_atomic

    return save_docx_atomic(build_protocol(meeting, first, template), Path(path), force=force)


def write_extract(meeting: Meeting, first: int, chosen: Iterable[int], path: Path | str,
                  template: Path | str | None = None, *, force: bool = False) -> Path:
    from export.target import check_target, write_document

    check_target(path, force=force)
    if template is None:
        from export.house_package import extract_package

        return write_document(extract_package(meeting, first, chosen), Path(path), force=force)
    from export.docx_common import save_docx_atomic

    document = build_extract(meeting, first, chosen, template)
    return save_docx_atomic(document, Path(path), force=force)


def write_all_extracts(meeting: Meeting, first: int, folder: Path | str,
                       template: Path | str | None = None, *, force: bool = False,
                       suffix: str = ".docx") -> list[Path]:
    """One protokollsutdrag per § in `folder` (export.extract names and checks it); a
    `suffix` of .pdf writes each as PDF (export.pdf, through save_docx_atomic)."""
    from export.extract import extract_file_name, extract_folder

    folder = extract_folder(Path(folder))
    numbers = paragraph_numbers(meeting, first)
    return [
        write_extract(meeting, first, [numbers[item.id]],
                      folder / extract_file_name(numbers[item.id], item.title, suffix),
                      template, force=force)
        for item in meeting.items
    ]
