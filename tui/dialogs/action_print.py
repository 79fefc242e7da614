"""Printing the action list: ask where and as what (Word, or PDF rendered by LibreOffice),
write the file in a thread worker, say where it went.

The file name offered is free (never an earlier printout's) in the export folder (the
user's Documents folder unless MOTESBOK_EXPORT_DIR says otherwise). A name the user
types that is taken is written over only after a yes; one that is no plain file is
refused (export.target's rules, through the export dialog's helpers).
"""

from __future__ import annotations

from datetime import date as Date
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Checkbox, Input, Label

from export.action_list import COMMENT_COLUMN
from export.labels import filter_text
from export.pdf import PdfError
from store.domain.action_rows import ActionRow
from store.persistence.actions import ActionFilter

from .base import Dialog
from .export_meeting import dismiss_unless_refused
from .format_choice import FormatChoice, export_path, format_word

PRINTED_TITLE = "Åtgärdslistan är sparad"
FAILED_TITLE = "Utskriften misslyckades"


def count_text(n: int, one: str, many: str) -> str:
    """'1 åtgärd', '3 åtgärder'."""
    return f"{n} {one if n == 1 else many}"


def default_print_path(today: Date) -> Path:
    """A free name for today's printout in the export folder (Documents by default)."""
    from ..export_dir import default_export_dir

    return free_path(default_export_dir() / f"Åtgärdslista {today.isoformat()}.docx")


def free_path(path: Path) -> Path:
    """The path, or 'name (2).docx' etc. if taken: the offered name is never an earlier file."""
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem} ({n}){path.suffix}")
    return candidate


class PrintChoice:
    """What the print dialog answers: where, with or without the comment column."""

    def __init__(self, path: Path, comment_column: bool, overwrite: bool) -> None:
        self.path = path
        self.comment_column = comment_column
        self.overwrite = overwrite  # the user agreed to replace an existing file


class PrintDialog(FormatChoice, Dialog[PrintChoice]):
    """Where to write the printout. Dismisses with a PrintChoice, or None (escape)."""

    BINDINGS = [
        Binding("escape", "cancel", "Avbryt", id="print.cancel",
                tooltip="Stäng utan att skriva något."),
        Binding("ctrl+s", "accept", "Spara", id="print.accept", priority=True,
                tooltip="Skriv åtgärdslistan till filen."),
    ]
    FIRST_FOCUS = "#print-path"
    FORMAT_FIELDS = "#print-path"

    def __init__(self, path: Path, *, comment_column: bool = True) -> None:
        super().__init__()
        self.path = path
        self.comment_column = comment_column

    def compose(self) -> ComposeResult:
        with self.frame():
            yield self.title_line("Skriv ut åtgärdslistan")
            yield from self.compose_formats()
            yield Label(self._field_label(), id="print-label", classes="dialog-field")
            yield Input(str(self.path), id="print-path")
            yield Checkbox(f"Tom kolumn \u201d{COMMENT_COLUMN}\u201d att skriva i",
                           self.comment_column, id="print-comment")
            yield self.hint_line("enter sparar · esc avbryter")

    def _field_label(self) -> str:
        return f"{format_word(self.suffix)}-fil (liggande A4):"

    def format_changed(self) -> None:
        self.query_one("#print-label", Label).update(self._field_label())

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_accept()

    def action_accept(self) -> None:
        text = self.query_one("#print-path", Input).value.strip()
        if not text:
            self.notify("Ange en fil att spara åtgärdslistan i.", severity="warning")
            return
        path = export_path(text, self.suffix)
        comment_column = self.query_one("#print-comment", Checkbox).value
        dismiss_unless_refused(
            self, [path], lambda overwrite: PrintChoice(path, comment_column, overwrite),
            refused_title="Kan inte skriva ut")


class ListPrinted(Message):
    """Posted by the print worker: the file written (`path`), or why not (`error`);
    `no_pdf`: no PDF could be made, `error` says why and where the Word file went."""

    def __init__(self, path: Path, count: int, error: str | None = None, *,
                 no_pdf: bool = False) -> None:
        super().__init__()
        self.path = path
        self.count = count
        self.error = error
        self.no_pdf = no_pdf


def write_printout(rows: list[ActionRow], flt: ActionFilter, choice: PrintChoice, *,
                   by_owner: bool, today: Date) -> ListPrinted:
    """Runs in a thread: select and write the rows; the outcome as a message."""
    from export.action_list import write_action_list

    selected = flt.select(rows)
    try:
        written = write_action_list(
            selected, choice.path, filter_text=filter_text(flt), today=today,
            group_by_owner=by_owner, force=choice.overwrite,
            comment_column=choice.comment_column)
    except PdfError as exc:  # the Word file beside it, if it could be written
        return ListPrinted(exc.docx_path or choice.path, len(selected), error=str(exc),
                           no_pdf=exc.docx_path is not None)
    except Exception as exc:  # noqa: BLE001 - disk full, folder gone...: tell, keep running
        return ListPrinted(choice.path, len(selected), error=str(exc))
    return ListPrinted(written, len(selected))


def tell(app, message: ListPrinted) -> None:
    """The notification for a finished printout (paths may hold '[': no markup)."""
    if message.no_pdf:
        app.notify(message.error, title="Ingen PDF", severity="warning", timeout=20,
                   markup=False)
    elif message.error is not None:
        app.notify(f"Åtgärdslistan kunde inte sparas: {message.error}", title=FAILED_TITLE,
                   severity="error", timeout=15, markup=False)
    else:
        app.notify(f"Sparad i {message.path} "
                   f"({count_text(message.count, 'åtgärd', 'åtgärder')}).",
                   title=PRINTED_TITLE, timeout=12, markup=False)
