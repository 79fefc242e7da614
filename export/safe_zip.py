"""Open an untrusted DOCX (a zip of XML parts) without trusting a single number in it.

A DOCX from an email attachment may be truncated, a renamed .doc, password protected
(then it is not a zip at all but an encrypted OLE compound file) or a "zip bomb" that
expands to gigabytes. Everything here checks the declared sizes and ratios before any
member is decompressed, caps the bytes actually read (declared sizes can lie), and
refuses XML with a DOCTYPE, since OOXML never has one and entity tricks need one.

Every failure is an `UnsafeDocxError` with one Swedish sentence; the importer turns it
into its own error type.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

#: The whole archive, unpacked, may not exceed this. Real agendas and minutes are far
#: below (text and a few styles); images in a template may take a few MB.
MAX_TOTAL_UNCOMPRESSED = 100 * 1024 * 1024
#: One XML part (document.xml of a 300-page document is still below this), and all XML
#: parts together: python-docx parses every part, at roughly six times its size.
MAX_XML_PART = 16 * 1024 * 1024
MAX_XML_TOTAL = 24 * 1024 * 1024
#: A text part compresses well, but not a thousand times: that is a bomb.
MAX_RATIO = 200
#: Ratios of tiny members say nothing (an empty file compresses "infinitely").
RATIO_FLOOR_BYTES = 1024 * 1024
MAX_MEMBERS = 5000

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class UnsafeDocxError(ValueError):
    """The file cannot be opened as a Word document; the message is Swedish."""


def is_zip(raw: bytes) -> bool:
    return raw[:4] in ZIP_MAGIC


def is_cfb(raw: bytes) -> bool:
    return raw[:8] == CFB_MAGIC


def describe_cfb(raw: bytes) -> str:
    """Why an OLE compound file cannot be imported: encrypted OOXML or an old .doc."""
    # An encrypted .docx is a CFB holding the streams "EncryptionInfo" and
    # "EncryptedPackage"; directory entry names are UTF-16LE.
    if "EncryptedPackage".encode("utf-16-le") in raw or "EncryptionInfo".encode(
        "utf-16-le"
    ) in raw:
        return (
            "Dokumentet är lösenordsskyddat (krypterat) och kan inte läsas. "
            "Öppna det i Word, ta bort lösenordet och spara igen."
        )
    if "WordDocument".encode("utf-16-le") in raw:
        return (
            "Filen är i det gamla Word-formatet (.doc). "
            "Öppna den i Word och spara som .docx, och importera sedan igen."
        )
    return (
        "Filen är ett äldre Office-dokument (inte .docx) och kan inte importeras. "
        "Spara den som .docx eller som text först."
    )


_IMPORTED = "och har inte importerats"
_AS_TEMPLATE = "och kan inte användas som mall"


_DTD_RE = re.compile(rb"<!(?i:doctype|entity)")


def _check_xml(name: str, data: bytes, outcome: str = _IMPORTED) -> None:
    # A DOCTYPE is never needed in OOXML and is what entity expansion attacks need.
    if _DTD_RE.search(data):
        raise UnsafeDocxError(
            f"Dokumentet innehåller otillåten XML (DOCTYPE/ENTITY i {name}) {outcome}."
        )


def _bomb(outcome: str) -> UnsafeDocxError:
    return UnsafeDocxError(
        f"Dokumentet packas upp till orimligt mycket data (en så kallad zip-bomb) {outcome}."
    )


def read_member(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, outcome: str = _IMPORTED
) -> bytes:
    """Read one member, never more than `limit` bytes whatever the header says."""
    try:
        with zf.open(info) as fh:
            data = fh.read(limit + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
        raise UnsafeDocxError(
            f"Dokumentet är skadat (delen {info.filename} går inte att packa upp: {exc})."
        ) from None
    except NotImplementedError:
        raise UnsafeDocxError(
            f"Dokumentet använder en komprimering som inte stöds ({info.filename})."
        ) from None
    except RuntimeError:  # zipfile: "File is encrypted, password required"
        raise UnsafeDocxError("Dokumentet är lösenordsskyddat och kan inte läsas.") from None
    if len(data) > limit:
        raise _bomb(outcome)
    return data


def checked_docx_bytes(raw: bytes) -> bytes:
    """Validate a DOCX zip in memory and return a clean copy that python-docx may open.

    The copy holds only XML parts that were read within the caps (other members as empty
    stand-ins), so python-docx never decompresses anything unchecked.
    Raises UnsafeDocxError.
    """
    return _checked_package(raw, keep_media=False, outcome=_IMPORTED)


def checked_template_bytes(raw: bytes) -> bytes:
    """A Word template checked like an import (sizes, ratios, XML caps, no DOCTYPE), but
    with its images and fonts kept (read within the total cap): a logo is the point of a
    letterhead. Raises UnsafeDocxError."""
    return _checked_package(raw, keep_media=True, outcome=_AS_TEMPLATE)


def _checked_package(raw: bytes, *, keep_media: bool, outcome: str) -> bytes:
    try:
        zf = zipfile.ZipFile(io.BytesIO(raw))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError):
        raise UnsafeDocxError(
            "Filen ser ut som ett Word-dokument men är skadad eller ofullständig "
            "(zip-arkivet går inte att läsa)."
        ) from None
    if len(infos) > MAX_MEMBERS:
        raise UnsafeDocxError(f"Dokumentet innehåller orimligt många delar {outcome}.")
    names = {info.filename for info in infos}
    if "word/document.xml" not in names:
        if "[Content_Types].xml" in names and any(n.startswith("xl/") for n in names):
            raise UnsafeDocxError("Filen är ett Excel-dokument, inte ett Word-dokument.")
        if "[Content_Types].xml" in names and any(n.startswith("ppt/") for n in names):
            raise UnsafeDocxError("Filen är en PowerPoint-presentation, inte ett Word-dokument.")
        raise UnsafeDocxError(
            "Filen är ett zip-arkiv men inget Word-dokument (word/document.xml saknas)."
        )
    total_declared = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise UnsafeDocxError("Dokumentet är lösenordsskyddat och kan inte läsas.")
        total_declared += info.file_size
        if total_declared > MAX_TOTAL_UNCOMPRESSED:
            raise _bomb(outcome)
        if (
            info.file_size > RATIO_FLOOR_BYTES
            and info.file_size > MAX_RATIO * max(info.compress_size, 1)
        ):
            raise _bomb(outcome)
    xml_declared = sum(
        info.file_size for info in infos if info.filename.endswith((".xml", ".rels"))
    )
    if xml_declared > MAX_XML_TOTAL or any(
        info.file_size > MAX_XML_PART for info in infos if info.filename.endswith(".xml")
    ):
        if outcome != _IMPORTED:
            raise UnsafeDocxError(
                f"Dokumentet har över {MAX_XML_PART // 1024 // 1024} MB text {outcome}."
            )
        raise UnsafeDocxError(
            f"Dokumentet är för stort för att importeras (över {MAX_XML_PART // 1024 // 1024} MB "
            "text). Dela upp det eller spara dagordningen som text."
        )
    out = io.BytesIO()
    budget = MAX_XML_TOTAL
    media_budget = MAX_TOTAL_UNCOMPRESSED
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as clean:
        for info in infos:
            if info.is_dir():
                continue
            is_xml = info.filename.endswith((".xml", ".rels"))
            if not is_xml:
                if not keep_media:
                    # Images, fonts, embedded files: the importer reads text only, so
                    # they are never unpacked; an empty stand-in keeps the package whole.
                    clean.writestr(info.filename, b"")
                    continue
                data = read_member(zf, info, media_budget, outcome)
                media_budget -= len(data)
                clean.writestr(info.filename, data)
                continue
            # Declared sizes can lie: cap by what is left of the budget, not the header.
            limit = min(budget, MAX_XML_PART)
            data = read_member(zf, info, limit, outcome)
            budget -= len(data)
            _check_xml(info.filename, data, outcome)
            clean.writestr(info.filename, data)
    return out.getvalue()
