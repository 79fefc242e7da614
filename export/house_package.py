"""The house DOCX (no template) written as a package of parts, without python-docx.

Importing python-docx is a third of an export command's time and building through it
another third, yet without a template every document starts from the same house
document. So that document is kept ready-made (export/house_skeleton.zip, made from
python-docx's own output by export/house_skeleton.py) and an export only fills it in:
the body as text (export/docx_body.py), our header and footer parts, the document
properties and the embedded meeting. The parts equal what the python-docx path
(docx_minutes.build_minutes, docx_protocol.build_protocol/build_extract) writes with no
template; tests/unit/test_house_package.py compares them over generated meetings.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from export.docx_body import W_DECL, BodyTrace, escape_text
from export.markup import clean_xml_text, one_line
from export.zip_parts import Deflated, read_deflated, zip_bytes
from store.domain.model import Meeting

SKELETON = Path(__file__).with_name("house_skeleton.zip")
#: The skeleton's own members (not parts of the document): what the filling needs.
OWN = "motesbok/"
FACTS, HEADER, FOOTER, CORE = (f"{OWN}{name}" for name in
                               ("facts.json", "header.xml", "footer.xml", "core.xml"))

DOCUMENT = "word/document.xml"
DOCUMENT_RELS = "word/_rels/document.xml.rels"
CONTENT_TYPES = "[Content_Types].xml"
CORE_PART = "docProps/core.xml"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
HEADER_RT, FOOTER_RT, CUSTOM_XML_RT = (f"{_RT}/{kind}" for kind in ("header", "footer", "customXml"))
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
HEADER_CT, FOOTER_CT = f"{_WML}.header+xml", f"{_WML}.footer+xml"


@dataclass(frozen=True)
class Skeleton:
    """The house document with an empty body, and what filling it in needs."""

    parts: dict[str, bytes]  # zip member name -> content
    ids: dict[str, str | None]  # style id by style name (docx_minutes.house_document)
    width: int  # the text width, EMU
    header_style: str  # the style ids of the header and footer paragraphs
    footer_style: str
    header_stops: list[int]  # the Header style's own tab stops (twips), cleared in ours
    header: str  # a new header part as python-docx makes it (one empty paragraph)
    footer: str
    core: str  # docProps/core.xml with {title} {author} {subject} {created} {modified}
    deflated: dict[str, Deflated]  # the parts as the skeleton stores them, deflated


@lru_cache(maxsize=1)
def skeleton() -> Skeleton:
    data = SKELETON.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        members = {name: source.read(name) for name in source.namelist()}
        deflated = {info.filename: read_deflated(data, info) for info in source.infolist()
                    if not info.filename.startswith(OWN)}
    facts = json.loads(members.pop(FACTS))
    texts = {name: members.pop(name).decode("utf-8") for name in (HEADER, FOOTER, CORE)}
    return Skeleton(members, facts["ids"], facts["width"], facts["header_style"],
                    facts["footer_style"], facts["header_stops"], texts[HEADER],
                    texts[FOOTER], texts[CORE], deflated)


# -- what python-docx and lxml write, as text ---------------------------------------


def docx_run(text: str) -> str:
    """python-docx's ``paragraph.add_run(text)``: a tab or line break is an element of its
    own, a piece with spaces at an end keeps them (xml:space), no text no content."""
    out, piece = [], []

    def flush() -> None:
        if piece:
            t = "".join(piece)
            space = ' xml:space="preserve"' if len(t.strip()) < len(t) else ""
            out.append(f"<w:t{space}>{escape_text(t)}</w:t>")
            piece.clear()

    for char in text:
        if char == "\t":
            flush()
            out.append("<w:tab/>")
        elif char in "\r\n":
            flush()
            out.append("<w:br/>")
        else:
            piece.append(char)
    flush()
    return f"<w:r>{''.join(out)}</w:r>" if out else "<w:r/>"


def as_lxml_writes(xml: str) -> str:
    """docx_body's text with its empty elements closed as lxml writes them. Only these two
    can be empty there: a paragraph without text, the text around a lone tab or break."""
    return xml.replace("<w:p></w:p>", "<w:p/>").replace(
        '<w:t xml:space="preserve"></w:t>', '<w:t xml:space="preserve"/>')


def core_values(*, title: str, author: str = "", created: datetime | None = None,
                subject: str = "", now: datetime | None = None) -> dict:
    """The document properties as both writers store them (docx_common.set_core_properties):
    one line of title, at most 255 characters each, times in UTC (a naive time is local)."""
    now = (now or datetime.now(timezone.utc)).replace(microsecond=0)
    return {
        "title": clean_xml_text(title).replace("\n", " ")[:255],
        "author": clean_xml_text(author)[:255],
        "subject": clean_xml_text(subject)[:255],
        "created": as_utc(created) if created else now,
        "modified": now,
    }


def as_utc(moment: datetime) -> datetime:
    """A naive datetime is local time; aware ones are converted."""
    try:
        return moment.astimezone(timezone.utc)
    except (OverflowError, OSError, ValueError):
        return moment.replace(tzinfo=timezone.utc)


def _w3cdtf(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")  # as python-docx writes a core date


# -- the package ---------------------------------------------------------------------


class Package:
    """The skeleton's parts, filled in; `blob()` is the DOCX file."""

    def __init__(self, frame: Skeleton) -> None:
        self.frame = frame
        self.parts = dict(frame.parts)
        self._rels = self.parts[DOCUMENT_RELS].decode("utf-8")
        self._references: list[str] = []

    def next_name(self, pattern: str) -> str:
        """The first free part name of `pattern` (python-docx's next_partname)."""
        n = 1
        while pattern % n in self.parts:
            n += 1
        return pattern % n

    def relate(self, name: str, blob: bytes, reltype: str, content_type: str | None) -> str:
        """Add part `name` related from the document; its relationship id."""
        used = set(re.findall(r'Id="(rId\d+)"', self._rels))
        n = 1
        while f"rId{n}" in used:
            n += 1
        rid = f"rId{n}"
        target = name[len("word/"):] if name.startswith("word/") else f"../{name}"
        self._rels = self._rels.replace(
            "</Relationships>",
            f'<Relationship Id="{rid}" Type="{reltype}" Target="{target}"/></Relationships>')
        self.parts[name] = blob
        if content_type is not None:
            self._override(f"/{name}", content_type)
        return rid

    def _override(self, partname: str, content_type: str) -> None:
        types = self.parts[CONTENT_TYPES].decode("utf-8")
        overrides = re.findall(r'<Override PartName="([^"]*)"[^>]*/>', types)
        new = f'<Override PartName="{partname}" ContentType="{content_type}"/>'
        later = [name for name in overrides if name > partname]
        if later:  # python-docx writes them sorted by name
            at = types.index(f'<Override PartName="{later[0]}"')
        else:
            at = types.index("</Types>")
        self.parts[CONTENT_TYPES] = (types[:at] + new + types[at:]).encode("utf-8")

    def header(self, paragraph_xml: str | None = None, before: str = "") -> None:
        """Our header: the new header part with `before` ahead of its paragraph, or its
        paragraph replaced by `paragraph_xml`."""
        self._reference("w:headerReference", HEADER_RT, HEADER_CT, "word/header%d.xml",
                        self.frame.header, paragraph_xml, before)

    def footer(self, paragraph_xml: str) -> None:
        self._reference("w:footerReference", FOOTER_RT, FOOTER_CT, "word/footer%d.xml",
                        self.frame.footer, paragraph_xml, "")

    def _reference(self, tag, reltype, content_type, pattern, part, paragraph_xml, before):
        start = part.index("<w:p>")
        end = part.index("</w:p>", start) + len("</w:p>")
        paragraph = paragraph_xml if paragraph_xml is not None else part[start:end]
        xml = part[:start] + as_lxml_writes(before) + paragraph + part[end:]
        rid = self.relate(self.next_name(pattern), xml.encode("utf-8"), reltype, content_type)
        self._references.append(f'<{tag} w:type="default" r:id="{rid}"/>')

    def body(self, xml: str) -> None:
        """The body's content, ahead of the final section properties (and our header
        and footer references in them)."""
        document = self.parts[DOCUMENT].decode("utf-8")
        xml = as_lxml_writes(xml)
        at = document.index("<w:body>") + len("<w:body>")
        section = re.compile(r"<w:sectPr[^>]*>").search(document, at)
        document = (document[:at] + xml + document[at:section.end()]
                    + "".join(self._references) + document[section.end():])
        self.parts[DOCUMENT] = document.encode("utf-8")

    def properties(self, values: dict) -> None:
        text = {key: escape_text(values[key]) for key in ("title", "author", "subject")}
        self.parts[CORE_PART] = self.frame.core.format(
            **text, created=_w3cdtf(values["created"]), modified=_w3cdtf(values["modified"])
        ).encode("utf-8")

    def embed(self, blob: bytes) -> None:
        self.relate(self.next_name("customXml/item%d.xml"), blob, CUSTOM_XML_RT, None)

    def blob(self) -> bytes:
        self.parts[DOCUMENT_RELS] = self._rels.encode("utf-8")
        unchanged = self.frame.parts
        # A part left as the skeleton has it is copied deflated (export/zip_parts.py).
        return zip_bytes((name, self.frame.deflated[name] if data is unchanged.get(name)
                          else data) for name, data in self.parts.items())


# -- the documents -------------------------------------------------------------------


def minutes_package(meeting: Meeting, *, now: datetime | None = None) -> bytes:
    """The minutes as docx_minutes.build_minutes writes them without a template."""
    from export.docx_minutes import minutes_body, minutes_properties
    from export.minutes_embed import BodyTrace as Trace, embedded_part
    from export.minutes_page import PAGE_WORD
    from export.protocol_page import field_xml

    frame = skeleton()
    package = Package(frame)
    trace = Trace()
    body = minutes_body(meeting, frame.ids, frame.width, trace).xml()
    package.properties(core_values(**minutes_properties(meeting), now=now))
    stops = sorted([(pos, "clear") for pos in frame.header_stops] + [(frame.width // 635, "right")],
                   key=lambda stop: stop[0])
    tabs = "".join(f'<w:tab w:pos="{pos}" w:val="{kind}"/>' for pos, kind in stops)
    package.header(
        f'<w:p><w:pPr><w:pStyle w:val="{frame.header_style}"/><w:tabs>{tabs}</w:tabs></w:pPr>'
        f'<w:r/>{docx_run(one_line(meeting.title))}{docx_run(chr(9) + one_line(meeting.date))}</w:p>')
    package.footer(
        f'<w:p><w:pPr><w:pStyle w:val="{frame.footer_style}"/><w:jc w:val="center"/></w:pPr>'
        f'<w:r/>{docx_run(PAGE_WORD + " ")}{field_xml("PAGE")}{docx_run(" (")}'
        f'{field_xml("NUMPAGES")}{docx_run(")")}</w:p>')
    package.body(body)
    package.embed(embedded_part(meeting, trace.fingerprint()))
    return package.blob()


def _protocol(meeting: Meeting, blocks, word: str, subject: str, trace: BodyTrace | None,
              now: datetime | None) -> Package:
    from export.docx_protocol import protocol_body, protocol_properties
    from export.protocol_page import header_table_xml

    frame = skeleton()
    package = Package(frame)
    body = protocol_body(blocks, frame.ids, frame.width, trace).xml()
    table = header_table_xml(meeting, word, frame.width, frame.header_style)
    package.header(before=table.replace(" " + W_DECL, "", 1))
    package.body(body)
    package.properties(core_values(**protocol_properties(meeting, subject), now=now))
    return package


def protocol_package(meeting: Meeting, first: int, *, now: datetime | None = None) -> bytes:
    """The protocol as docx_protocol.build_protocol writes it without a template."""
    from export.docx_protocol import protocol_subject
    from export.minutes_embed import BodyTrace as Trace, embedded_part
    from export.protocol_layout import protocol_blocks
    from export.protocol_page import PROTOCOL_WORD

    trace = Trace()
    package = _protocol(meeting, protocol_blocks(meeting, first), PROTOCOL_WORD,
                        protocol_subject(meeting), trace, now)
    package.embed(embedded_part(replace(meeting, first_paragraph=first), trace.fingerprint()))
    return package.blob()


def extract_package(meeting: Meeting, first: int, chosen: Iterable[int], *,
                    now: datetime | None = None) -> bytes:
    """A protokollsutdrag as docx_protocol.build_extract writes it without a template."""
    from export.docx_protocol import extract_subject
    from export.protocol_layout import extract_blocks
    from export.protocol_page import EXTRACT_WORD

    chosen = sorted(set(chosen))
    return _protocol(meeting, extract_blocks(meeting, first, chosen), EXTRACT_WORD,
                     extract_subject(meeting, chosen), None, now).blob()
