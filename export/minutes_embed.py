"""The meeting carried inside its own minutes, so export -> import gives it back exactly.

The visible text of the minutes cannot tell every field apart (a description line that
reads ``Förslag till beslut: ...``, an attachment name with a comma, stars typed as
stars). So the export also stores the meeting's JSON in a custom XML part of the DOCX,
with a fingerprint of the visible body. On import the JSON is used only while the body
still has that fingerprint: once anyone has edited the text (or its bold/italic, styles
or table cells), what the document shows wins and the visible text is parsed instead.

The JSON goes through the same validation as a JSON import. It carries no ids and no
links (series, followed actions): those belong to the store the minutes came from.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

from export.docx_body import W_NS, escape_text
from export.markup import clean_xml_text
from store.domain.model import Meeting
from store.persistence.serialize import meeting_to_dict

if TYPE_CHECKING:
    from docx.document import Document

NAMESPACE = "urn:motesbok:minutes:1"
_ROOT = f"{{{NAMESPACE}}}meeting"
#: Keys that point into the store the minutes were written from, and `unplaced`: an
#: import's leftovers that the document never shows. Hidden text in a document sent out
#: (or published, for a protocol) is text nobody meant to send.
NOT_EMBEDDED = frozenset(
    {"id", "created_at", "updated_at", "series", "follows", "decision_ids", "unplaced"}
)
#: A custom XML part larger than this is not ours (the import's zip guards come first).
MAX_PART_BYTES = 16 * 1024 * 1024

_P, _TR, _TC = (f"{{{W_NS}}}{tag}" for tag in ("p", "tr", "tc"))
_R, _T, _TAB, _BR, _CR = (f"{{{W_NS}}}{tag}" for tag in ("r", "t", "tab", "br", "cr"))
_RPR, _PPR, _PSTYLE, _RSTYLE = (f"{{{W_NS}}}{tag}" for tag in ("rPr", "pPr", "pStyle", "rStyle"))
_B, _I, _VAL = f"{{{W_NS}}}b", f"{{{W_NS}}}i", f"{{{W_NS}}}val"
_OFF = {"0", "false", "off"}


def embed_meeting(document: Document, meeting: Meeting, fingerprint: str | None = None) -> None:
    """Store `meeting` in `document`, tied to the body as it is now (call it last).

    `fingerprint`: the body's, when the writer traced it while building the body
    (`BodyTrace`); else it is read off the document."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    blob = embedded_part(meeting, fingerprint or visible_fingerprint(document))
    package = document.part.package
    partname = package.next_partname("/customXml/item%d.xml")
    part = Part(PackURI(partname), "application/xml", blob, package)
    document.part.relate_to(part, RT.CUSTOM_XML)


def embedded_part(meeting: Meeting, fingerprint: str) -> bytes:
    """The custom XML part carrying `meeting`, tied to the body's `fingerprint`: what
    lxml writes for it, written as text (the house package writer has no lxml)."""
    data = json.dumps(_without_links(meeting_to_dict(meeting)), ensure_ascii=True)
    # ASCII JSON has no control characters, so only these need escaping (as lxml does).
    text = escape_text(data)
    fingerprint = fingerprint.replace("&", "&amp;").replace('"', "&quot;")
    return ("<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
            f'<meeting xmlns="{NAMESPACE}" fingerprint="{fingerprint}">{text}</meeting>'
            ).encode("ascii")


def embedded_meeting_json(document: Document) -> bytes | None:
    """The embedded meeting's JSON, or None when there is none or the visible body has
    changed since the export (then the document's text is what counts)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from lxml import etree

    for rel in list(document.part.rels.values()):
        if rel.is_external or rel.reltype != RT.CUSTOM_XML:
            continue
        blob = rel.target_part.blob
        if not blob or len(blob) > MAX_PART_BYTES or NAMESPACE.encode() not in blob:
            continue
        try:
            parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
            root = etree.fromstring(blob, parser)
        except etree.XMLSyntaxError:
            return None
        if root.tag != _ROOT:
            continue
        if root.get("fingerprint") != visible_fingerprint(document):
            return None
        return (root.text or "").encode("utf-8")
    return None


def visible_fingerprint(document: Document) -> str:
    """A hash of what the body shows: every paragraph (in tables too) with its style,
    its text and which of it is bold or italic, and the table rows and cells.

    Run boundaries do not count (Word splits and merges runs freely); bookmarks and
    other invisible marks do not count either. The pieces are hashed in one go (the
    same digest as piece by piece: SHA-256 of the concatenation), the export's largest
    single cost for long minutes otherwise.
    """
    pieces: list[str] = []
    add = pieces.append
    for element in document.element.body.iter(_P, _TR, _TC):
        tag = element.tag
        if tag != _P:
            add(_ROW if tag == _TR else _CELL)
            continue
        add(_paragraph_piece(_paragraph_style(element), _formatted_text(element)))
    return _digest(pieces)


_ROW, _CELL = "\x1d", "\x1c"
#: The mark of each (bold, italic) in a paragraph's piece.
_MARKS = {(b, i): f"\x1f{int(b)}{int(i)}" for b in (False, True) for i in (False, True)}


def _paragraph_piece(style: str, formatted: list[tuple[tuple[bool, bool], str]]) -> str:
    return "\x1e" + style + "".join(f"\x1f{int(b)}{int(i)}{text}" for (b, i), text in formatted)


def _digest(pieces: list[str]) -> str:
    return hashlib.sha256("".join(pieces).encode()).hexdigest()


class BodyTrace:
    """The same fingerprint, taken while a writer builds the body from its runs
    (export.docx_body.BodyBuilder calls it), so a long document is not walked again.

    It must see exactly what the builder writes: each run's text as cleaned for XML
    (tab and line break kept, as the document's ``w:tab``/``w:br`` read back), empty
    runs skipped, neighbours of the same bold/italic joined."""

    def __init__(self) -> None:
        self._pieces: list[str] = []

    def paragraph(self, style_id: str | None, runs) -> None:
        # _paragraph_piece's text, written as it goes: a bold/italic mark where the
        # format changes, so that neighbours of the same format read as one.
        piece = ["\x1e", style_id or ""]
        last = None
        for run in runs:
            text = clean_xml_text(run.text)
            if not text:
                continue
            fmt = _MARKS[bool(run.bold), bool(run.italic)]
            if fmt is not last:
                piece.append(fmt)
                last = fmt
            piece.append(text)
        self._pieces.append("".join(piece))

    def row(self) -> None:
        self._pieces.append(_ROW)

    def cell(self) -> None:
        self._pieces.append(_CELL)

    def fingerprint(self) -> str:
        return _digest(self._pieces)


def _paragraph_style(paragraph) -> str:
    ppr = paragraph.find(_PPR)
    style = ppr.find(_PSTYLE) if ppr is not None else None
    return (style.get(_VAL) or "") if style is not None else ""


def _formatted_text(paragraph) -> list[tuple[tuple[bool, bool], str]]:
    out: list[tuple[tuple[bool, bool], str]] = []
    last_fmt = None
    for run in paragraph.iter(_R):
        pieces = []
        rpr = None
        for child in run:
            tag = child.tag
            if tag == _T:
                pieces.append(child.text or "")
            elif tag == _RPR and rpr is None:
                rpr = child
            elif tag == _TAB:
                pieces.append("\t")
            elif tag == _BR or tag == _CR:
                pieces.append("\n")
        text = "".join(pieces)
        if not text:
            continue
        fmt = (False, False) if rpr is None else (_on(rpr, _B), _on(rpr, _I))
        if fmt == last_fmt:
            out[-1] = (fmt, out[-1][1] + text)
        else:
            out.append((fmt, text))
            last_fmt = fmt
    return out


def _on(rpr, tag: str) -> bool:
    flag = rpr.find(tag)
    return flag is not None and (flag.get(_VAL) or "true").lower() not in _OFF


def _without_links(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: _without_links(v) for k, v in data.items() if k not in NOT_EMBEDDED}
    if isinstance(data, list):
        return [_without_links(v) for v in data]
    return data
