"""The text of an untrusted PDF, page by page, with pypdf.

pypdf rather than pdfminer.six: pure Python with no dependencies of its own, and on our
150-page bench mötesbok about seven times faster (bench/import.py); the text comes out
in reading order, a line per line.

A mötesbok arrives as an e-mail attachment: it may be truncated, random bytes behind a
``%PDF`` header, encrypted, or built to make a reader work forever. So: pypdf reads in
its tolerant mode (strict=False, it repairs broken cross references instead of giving
up), the page count and the text are capped, a clock (the thread's CPU time) stops a file that takes too long,
a page that cannot be read is counted and skipped, and every failure is one
`PdfTextError` with a Swedish sentence. pypdf's own warnings about repaired files are
kept off the terminal.
"""

from __future__ import annotations

import io
import logging
import time
import warnings
from dataclasses import dataclass

#: A mötesbok with all its bilagor is a few hundred pages; more is no meeting paper.
MAX_PAGES = 2000
#: All the text together (a page holds a few thousand characters).
MAX_CHARS = 20_000_000
#: Reading stops with a message when it takes more CPU time than this (the reading
#: thread's own time: a busy machine slows a file down but does not make it "hang").
TIME_LIMIT_S = 60.0


class PdfTextError(ValueError):
    """The PDF cannot be read; the message is one Swedish sentence."""


@dataclass
class PdfText:
    pages: list[str]
    unreadable_pages: int = 0


def looks_like_pdf(raw: bytes) -> bool:
    """A PDF header in the first kilobyte, where readers look for it."""
    return b"%PDF-" in raw[:1024]


def pdf_text(raw: bytes, *, time_limit: float = TIME_LIMIT_S) -> PdfText:
    """The text of every page; PdfTextError when the file cannot be read."""
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _read(raw, time_limit)


def _read(raw: bytes, time_limit: float) -> PdfText:
    import pypdf

    deadline = time.thread_time() + time_limit
    try:
        reader = pypdf.PdfReader(io.BytesIO(raw), strict=False)
        if reader.is_encrypted and not _opens_without_password(reader):
            raise PdfTextError(
                "PDF-filen är lösenordsskyddad (krypterad) och kan inte läsas; "
                "spara en kopia utan lösenord och importera den."
            )
        count = len(reader.pages)
    except PdfTextError:
        raise
    except RecursionError:
        raise PdfTextError(_BROKEN) from None
    except Exception:  # noqa: BLE001 - pypdf raises many kinds for a damaged file
        raise PdfTextError(_BROKEN) from None
    if count == 0:
        raise PdfTextError(_BROKEN)
    if count > MAX_PAGES:
        raise PdfTextError(f"PDF-filen har {count} sidor, fler än de {MAX_PAGES} som kan importeras.")
    pages: list[str] = []
    unreadable = chars = 0
    for index in range(count):
        if time.thread_time() > deadline:
            raise PdfTextError(
                f"PDF-filen tog för lång tid att läsa (över {int(time_limit)} sekunder) "
                "och har inte importerats."
            )
        try:
            text = reader.pages[index].extract_text() or ""
        except Exception:  # noqa: BLE001 - one damaged page: count it, read the rest
            unreadable += 1
            text = ""
        chars += len(text)
        if chars > MAX_CHARS:
            raise PdfTextError("PDF-filen innehåller för mycket text för att importeras.")
        pages.append(text)
    if not any(page.strip() for page in pages):
        raise PdfTextError(
            "PDF-filen innehåller ingen text (den är kanske inskannad som bild) "
            "och kan inte importeras."
        )
    return PdfText(pages=pages, unreadable_pages=unreadable)


_BROKEN = "PDF-filen är skadad eller ofullständig och kan inte läsas."


def _opens_without_password(reader) -> bool:
    """An encrypted PDF with an empty user password (only editing is locked) opens."""
    try:
        return bool(reader.decrypt(""))
    except Exception:  # noqa: BLE001 - unsupported encryption: treated as locked
        return False
