"""Create a meeting from a file: the format is detected from the content, not the name.

- JSON (``{``): the meeting file of docs/FORMAT.md, validated field by field;
- a zip with ``word/document.xml``: our own minutes (they use the label style
  ``Etikett``) are read back field by field, a mötesbok as a protocol meeting, any
  other Word document as an agenda;
- a PDF: a mötesbok (kallelse with tjänsteskrivelser, importers/motesbok.py) or else an
  agenda, from its text (importers/pdf_text.py);
- an OLE compound file: an old .doc or a password-protected document, refused with a
  message saying which;
- anything that decodes as text: a mötesbok, or an agenda in plain text or Markdown.

Every refusal is one `ImportFileError` with a Swedish sentence; nothing is half imported.
`summarize_import` says what was read, for the CLI and the app.
"""

from __future__ import annotations

import io
from datetime import date as Date
from pathlib import Path

from store.domain.model import Meeting
from store.persistence.serialize import MeetingFormatError, meeting_from_dict, meeting_to_dict
from store.domain.standing import looks_standing

from .text_clean import count_controls, has_utf8_multibyte, strip_terminal_controls

#: Refuse anything larger outright: an agenda or a meeting is never this big.
MAX_FILE_BYTES = 20 * 1024 * 1024
#: A mötesbok PDF may carry scanned bilagor; its text is capped in pdf_text.py.
MAX_PDF_BYTES = 60 * 1024 * 1024

_OTHER_BINARIES = {
    b"\x89PNG": "en bild (PNG)",
    b"\xff\xd8\xff": "en bild (JPEG)",
    b"GIF8": "en bild (GIF)",
    b"\x1f\x8b": "ett komprimerat arkiv (gzip)",
    b"Rar!": "ett komprimerat arkiv (RAR)",
    b"7z\xbc\xaf": "ett komprimerat arkiv (7z)",
    b"{\\rtf": "ett RTF-dokument",
}


class ImportFileError(ValueError):
    """The file cannot be imported; the message is Swedish and says why."""


def read_meeting_file(path: Path, *, today: Date | None = None) -> Meeting:
    """Read a meeting from JSON, a text/Markdown agenda, a Word agenda or our minutes.

    The returned meeting carries `import_notes` (list of Swedish remarks, e.g. that the
    date was not found) and `import_kind`, read by `summarize_import`.
    Raises ImportFileError (or MeetingFormatError for a JSON meeting with a bad field).
    """
    from export.safe_read import UnreadableFileError, read_regular_file

    path = Path(path)
    try:
        raw = read_regular_file(path, MAX_PDF_BYTES)
    except UnreadableFileError as exc:
        raise ImportFileError(str(exc)) from None
    return meeting_from_bytes(raw, name=str(path), today=today)


def meeting_from_bytes(raw: bytes, *, name: str = "filen", today: Date | None = None) -> Meeting:
    from .pdf_text import looks_like_pdf

    pdf = looks_like_pdf(raw)
    if len(raw) > (MAX_PDF_BYTES if pdf else MAX_FILE_BYTES):
        limit = (MAX_PDF_BYTES if pdf else MAX_FILE_BYTES) // 1024 // 1024
        raise ImportFileError(f"Filen {name} är för stor (högst {limit} MB) och lästes inte.")
    if not raw.strip():
        raise ImportFileError(f"Filen {name} är tom.")
    from export.safe_zip import describe_cfb, is_cfb, is_zip

    if pdf:
        meeting, notes, kind = _from_pdf(raw, name, today)
    elif is_zip(raw):
        meeting, notes, kind = _from_docx(raw, name, today)
    elif is_cfb(raw):
        raise ImportFileError(f"{name}: {describe_cfb(raw)}")
    elif raw.removeprefix(_UTF8_BOM).lstrip(b" \t\r\n").startswith(b"{"):
        meeting = _from_json(raw.removeprefix(_UTF8_BOM), name)
        notes, kind = [], "JSON"
    else:
        text = _decode_text(raw, name)
        if text.lstrip().startswith("{"):
            # JSON in UTF-16 (or behind odd spaces): JSON is UTF-8, nothing else.
            raise ImportFileError(_not_utf8(name))
        from .agenda_lines import AgendaTooLargeError
        from .agenda_text import parse_agenda_text
        from .motesbok_read import text_is_motesbok, text_motesbok

        try:
            if text_is_motesbok(text):
                meeting, notes = _motesbok(lambda: text_motesbok(text, today), name)
                kind = "mötesbok, text"
            else:
                meeting, notes = parse_agenda_text(text, today=today)
                kind = "textdagordning"
        except AgendaTooLargeError as exc:
            raise ImportFileError(f"{name}: {exc}") from None
    exact = kind == "JSON" or getattr(meeting, "import_exact", False)
    meeting = _validated(meeting, name)
    if not exact:
        # An agenda or minutes file cannot say which items are standing; the usual
        # opening and closing items are, so the next meeting of the series gets them.
        for item in meeting.items:
            item.standing = item.standing or looks_standing(item.title)
    meeting.import_exact = exact  # type: ignore[attr-defined]
    meeting.import_notes = notes  # type: ignore[attr-defined]
    meeting.import_kind = kind  # type: ignore[attr-defined]
    return meeting


_UTF8_BOM = b"\xef\xbb\xbf"


def _not_utf8(name: str, where: int | None = None) -> str:
    at = f" (ogiltig byte på position {where})" if where is not None else ""
    return (
        f"Filen {name} är inte UTF-8-kodad{at}. En JSON-fil ska vara UTF-8; "
        "spara den som UTF-8 och försök igen."
    )


def _from_json(raw: bytes, name: str) -> Meeting:
    """A JSON meeting: strictly UTF-8, never decoded some other way (mojibake)."""
    from export.json_io import parse_meeting_json

    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ImportFileError(_not_utf8(name, exc.start)) from None
    return parse_meeting_json(raw)


def _decode_text(raw: bytes, name: str) -> str:
    for magic, what in _OTHER_BINARIES.items():
        if raw.startswith(magic):
            raise ImportFileError(
                f"Filen {name} är {what} och kan inte importeras. "
                "Importera en dagordning eller mötesbok som text, Markdown, Word (.docx) "
                "eller PDF, eller ett möte som JSON."
            )
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            text = None
    elif b"\x00" in raw:
        text = None
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            if has_utf8_multibyte(raw):
                raise ImportFileError(
                    f"Filen {name} blandar UTF-8 med en annan teckenkodning (t.ex. "
                    "Windows-1252) och kan inte läsas säkert. Spara den som UTF-8 och "
                    "försök igen."
                ) from None
            # Notepad's "ANSI" (cp1252) and nothing of UTF-8: undefined bytes fail.
            try:
                text = raw.decode("cp1252")
            except UnicodeDecodeError:
                text = None
    if text is not None:
        # Terminal codes go first: a coloured paste is text, not a binary file.
        text = strip_terminal_controls(text)
        if count_controls(text) > max(2, len(text) // 200):
            text = None
    if text is None:
        raise ImportFileError(
            f"Filen {name} är varken JSON, text eller ett Word-dokument (.docx) "
            "och kan inte importeras."
        )
    if not text.strip():
        raise ImportFileError(f"Filen {name} är tom.")
    return text


def _from_docx(raw: bytes, name: str, today: Date | None):
    from export.safe_zip import UnsafeDocxError, checked_docx_bytes

    try:
        clean = checked_docx_bytes(raw)
    except UnsafeDocxError as exc:
        raise ImportFileError(f"{name}: {exc}") from None
    try:
        import docx

        document = docx.Document(io.BytesIO(clean))
    except Exception:  # noqa: BLE001 - python-docx raises many kinds for a broken package
        raise ImportFileError(
            f"{name}: dokumentet är skadat eller inget vanligt Word-dokument "
            "och kan inte läsas."
        ) from None
    from .agenda_lines import AgendaTooLargeError
    from .minutes_reader import ProtocolTextError, is_minutes, read_minutes_document

    try:
        if is_minutes(document):
            meeting = read_minutes_document(document)
            return meeting, [], "protokoll"
        from .agenda_docx import read_agenda_document
        from .motesbok_read import docx_lines, motesbok_meeting
        from .motesbok import looks_like_motesbok

        lines = docx_lines(document)
        if looks_like_motesbok(lines):
            meeting, notes = _motesbok(
                lambda: motesbok_meeting([lines], reflow=False, today=today), name
            )
            return meeting, notes, "mötesbok, Word"
        meeting, notes = read_agenda_document(document, today=today)
        return meeting, notes, "Word-dagordning"
    except (AgendaTooLargeError, ProtocolTextError) as exc:
        raise ImportFileError(f"{name}: {exc}") from None
    except Exception as exc:  # noqa: BLE001 - a document we cannot follow: say so, no traceback
        raise ImportFileError(
            f"{name}: dokumentets innehåll kunde inte tolkas ({type(exc).__name__})."
        ) from None


def _from_pdf(raw: bytes, name: str, today: Date | None):
    from .pdf_text import PdfTextError
    from .motesbok_read import pdf_meeting

    try:
        return _motesbok(lambda: pdf_meeting(raw, today), name)
    except PdfTextError as exc:
        raise ImportFileError(f"{name}: {exc}") from None


def _motesbok(read, name: str):
    """A mötesbok read by `read()`; a field the meeting format refuses, named."""
    try:
        return read()
    except MeetingFormatError as exc:
        raise ImportFileError(
            f"{name}: fältet {exc.field}: {exc.problem}. Inget har importerats."
        ) from None


def _validated(meeting: Meeting, name: str) -> Meeting:
    """The meeting as the store will take it: through the same validator as JSON."""
    try:
        return meeting_from_dict(meeting_to_dict(meeting))
    except MeetingFormatError as exc:
        raise ImportFileError(
            f"{name}: fältet {exc.field}: {exc.problem}. Inget har importerats."
        ) from None


def format_error_text(exc: MeetingFormatError) -> str:
    """The CLI's and the app's sentence for a meeting file with a bad field."""
    where = "" if exc.field in ("fil", "mötet") else f"fältet {exc.field}: "
    return f"Kan inte importera: {where}{exc.problem}."


def count_items(meeting: Meeting) -> tuple[int, int]:
    top = len(meeting.items)
    return top, len(meeting.all_items()) - top


def summarize_import(meeting: Meeting) -> str:
    """``12 punkter, 3 underpunkter, 8 deltagare`` plus any remarks from the import."""
    top, sub = count_items(meeting)

    def n(count: int, one: str, many: str) -> str:
        return f"{count} {one if count == 1 else many}"

    parts = [
        n(top, "punkt", "punkter"),
        n(sub, "underpunkt", "underpunkter"),
        n(len(meeting.participants), "deltagare", "deltagare"),
    ]
    actions = sum(1 for _ in meeting.actions())
    if actions:
        parts.append(n(actions, "åtgärd", "åtgärder"))
    text = ", ".join(parts)
    notes = getattr(meeting, "import_notes", None) or []
    if notes:
        text += " (" + "; ".join(notes) + ")"
    return text
