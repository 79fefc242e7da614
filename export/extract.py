"""Protokollsutdrag: which §§ the user asked for (`--extract 41,43`, `41-43`, `all`/`alla`),
and one file per § named by its number and title, safe on every common file system.

Errors are the user's input (`ExtractError`, exit 2), one Swedish sentence each.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from export.target import ExportTargetError
from store.persistence.storage import SaveError, describe_os_error
from store.domain.model import Meeting
from store.domain.paragraphs import paragraph_label, paragraph_numbers, paragraph_range_text

ALL = "all"
#: What asks for one file per §: the command line's `all`, and the app's Swedish `alla`.
ALL_WORDS = (ALL, "alla")
SUFFIX = ".docx"
#: Bytes for a file name's stem: 255 is the usual limit, leave room for the suffix and
#: the atomic write's temporary name (.NAME.RANDOM.tmp).
MAX_STEM_BYTES = 180
#: Characters Windows (and so a shared drive or a mail client) refuses in a name.
_FORBIDDEN = re.compile(r'[<>:"/\\|?*]')
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$", re.IGNORECASE)


class ExtractError(ExportTargetError):
    """The §§ asked for cannot be given: the user's input (CLI exit 2)."""


def chosen_paragraphs(meeting: Meeting, first: int, spec: str) -> list[int]:
    """The § numbers of `spec` ('41,43', '41-43', 'all'), in order; refuses numbers the
    protocol does not have."""
    if not meeting.is_protocol:
        raise ExtractError("Protokollsutdrag finns bara för protokoll; mötet är "
                           "mötesanteckningar.")
    existing = sorted(paragraph_numbers(meeting, first).values())
    if not existing:
        raise ExtractError("Protokollet har inga paragrafer att göra utdrag ur.")
    text = spec.strip()
    if is_all(text):
        return existing
    wanted: set[int] = set()
    for part in filter(None, (p.strip() for p in text.replace(" ", "").split(","))):
        match = re.fullmatch(r"§?(\d{1,6})(?:[-–](\d{1,6}))?", part)
        if match is None:
            raise ExtractError(
                f"{part!r} är inget paragrafnummer: ange till exempel --extract "
                f"{existing[0]},{existing[-1]}, {existing[0]}-{existing[-1]} eller all.")
        low = int(match.group(1))
        high = int(match.group(2) or low)
        if high < low:
            raise ExtractError(f"Intervallet {part} går baklänges: skriv {high}-{low}.")
        if high - low > len(existing):
            missing = next(n for n in range(low, high + 1) if n not in existing)
            raise ExtractError(_missing_text(missing, existing))
        wanted.update(range(low, high + 1))
    if not wanted:
        raise ExtractError("Ange vilka paragrafer utdraget ska ha, till exempel "
                           f"--extract {existing[0]} eller all.")
    missing = sorted(wanted.difference(existing))
    if missing:
        raise ExtractError(_missing_text(missing[0], existing))
    return sorted(wanted)


def is_all(spec: str) -> bool:
    """Whether `spec` asks for every §, one file each ('all', 'alla')."""
    return spec.strip().casefold() in ALL_WORDS


def _missing_text(number: int, existing: list[int]) -> str:
    return (f"{paragraph_label(number)} finns inte i protokollet, som har "
            f"{paragraph_range_text(existing)}.")


def safe_file_name(stem: str, suffix: str = SUFFIX, *, fallback: str = "utdrag") -> str:
    """`stem` as a file name any common system takes: no path separators or characters
    Windows refuses, no control or invisible format characters, no leading or trailing
    dots and spaces, not a reserved device name, at most MAX_STEM_BYTES of UTF-8;
    `fallback` when nothing of it is left. Every file name offered is made here."""
    text = unicodedata.normalize("NFC", stem)
    text = "".join(" " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch for ch in text
                   if unicodedata.category(ch) not in ("Cf", "Cs", "Co", "Cn"))
    text = _FORBIDDEN.sub("-", text)
    text = re.sub(r"\s+", " ", text).strip(" .")
    encoded = text.encode("utf-8")
    if len(encoded) > MAX_STEM_BYTES:
        text = encoded[:MAX_STEM_BYTES].decode("utf-8", "ignore").rstrip(" .")
    if not text:
        text = fallback
    if _RESERVED.match(text):
        text = f"_{text}"
    return text + suffix


def extract_file_name(number: int, title: str, suffix: str = SUFFIX) -> str:
    """'§ 41 Gång- och cykelväg.docx' (or .pdf)."""
    return safe_file_name(f"{paragraph_label(number)} {title}", suffix)


def extract_folder(path: Path) -> Path:
    """The folder for `--extract all`: an existing folder, or a new one (its parent must
    exist). Anything else is the user's input to fix."""
    if path.is_dir():
        return path
    if path.exists() or path.is_symlink():
        raise ExtractError(f"{path} är ingen mapp: ange en mapp för utdragen, till exempel "
                           "-o utdrag/.")
    if not path.parent.is_dir():
        raise ExtractError(f"Mappen {path.parent} finns inte.")
    try:
        path.mkdir()
    except OSError as exc:  # the machine's, not the input's: exit 1
        raise SaveError(describe_os_error(exc, path, verb="skapa mappen")) from None
    return path
