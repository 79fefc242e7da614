"""A ZIP file written from its members, copying members that are already deflated as
they are (export/house_package.py: the house document's styles and theme, four fifths of
every DOCX, are deflated once, when the skeleton is made, not on every export).

Plain ZIP as zipfile writes it (deflate, no ZIP64: a DOCX stays far below 4 GB), read
back by zipfile, python-docx, Word and LibreOffice; the CRC of each member is checked
by every reader.
"""

from __future__ import annotations

import struct
import time
import zlib
from dataclasses import dataclass
from typing import Iterable

_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")
_DEFLATE, _VERSION = 8, 20
_LOCAL_SIG, _CENTRAL_SIG, _END_SIG = 0x04034B50, 0x02014B50, 0x06054B50


@dataclass(frozen=True)
class Deflated:
    """A member's content deflated (raw deflate, as in a ZIP), with its CRC and size."""

    data: bytes
    crc: int
    size: int

    @classmethod
    def of(cls, content: bytes) -> Deflated:
        packer = zlib.compressobj(6, zlib.DEFLATED, -15)  # zipfile's default level
        return cls(packer.compress(content) + packer.flush(), zlib.crc32(content), len(content))


def read_deflated(data: bytes, info) -> Deflated:
    """Member `info` (a zipfile.ZipInfo of the ZIP file `data`) as stored, not inflated."""
    if info.compress_type != _DEFLATE:
        raise ValueError(f"{info.filename} is not deflated")
    name_length, extra_length = struct.unpack_from("<HH", data, info.header_offset + 26)
    start = info.header_offset + 30 + name_length + extra_length
    return Deflated(data[start:start + info.compress_size], info.CRC, info.file_size)


def _dos_time(moment: float) -> tuple[int, int]:
    t = time.localtime(moment)
    return (t.tm_hour << 11 | t.tm_min << 5 | t.tm_sec // 2,
            max(t.tm_year - 1980, 0) << 9 | t.tm_mon << 5 | t.tm_mday)


def zip_bytes(members: Iterable[tuple[str, bytes | Deflated]]) -> bytes:
    """The ZIP file of `members` (name, content or Deflated), in that order, dated now."""
    clock, day = _dos_time(time.time())
    out: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for name, content in members:
        member = content if isinstance(content, Deflated) else Deflated.of(content)
        encoded = name.encode("utf-8")
        flags = 0 if encoded.isascii() else 0x800  # the name is UTF-8
        head = _LOCAL.pack(_LOCAL_SIG, _VERSION, flags, _DEFLATE, clock, day, member.crc,
                           len(member.data), member.size, len(encoded), 0)
        central.append(_CENTRAL.pack(_CENTRAL_SIG, _VERSION, _VERSION, flags, _DEFLATE, clock,
                                     day, member.crc, len(member.data), member.size,
                                     len(encoded), 0, 0, 0, 0, 0, offset) + encoded)
        out += [head, encoded, member.data]
        offset += len(head) + len(encoded) + len(member.data)
    directory = b"".join(central)
    out += [directory, _END.pack(_END_SIG, 0, 0, len(central), len(central), len(directory),
                                 offset, 0)]
    return b"".join(out)
