"""Create a meeting from a file: the format is detected from the content, not the name."""

from __future__ import annotations

from pathlib import Path

from store.model import Meeting

#: Refuse anything larger outright: an agenda or a meeting is never this big.
MAX_FILE_BYTES = 20 * 1024 * 1024


class ImportFileError(ValueError):
    """The file cannot be imported; the message is Swedish and says why."""


def read_meeting_file(path: Path) -> Meeting:
    """Read a meeting from JSON (later: text, Markdown, DOCX agendas and minutes)."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImportFileError(f"Filen {path} är för stor ({size // 1024 // 1024} MB).")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ImportFileError(f"Filen {path} finns inte.") from None
    except IsADirectoryError:
        raise ImportFileError(f"{path} är en mapp, inte en fil.") from None
    except PermissionError:
        raise ImportFileError(f"Saknar behörighet att läsa {path}.") from None
    if not raw.strip():
        raise ImportFileError(f"Filen {path} är tom.")
    if raw.lstrip()[:1] == b"{":
        from .json_io import parse_meeting_json

        return parse_meeting_json(raw)
    raise ImportFileError(f"Filen {path} är inte ett möte i JSON-format.")
