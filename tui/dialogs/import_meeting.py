"""The import dialog: a file path in, a meeting out.

`ImportDialog()` asks for a path (``~`` works, quotes from a pasted path are removed),
reads the file in a thread worker (a Word document may take a moment), shows what was
read — title, date and the counts — or the Swedish reason it cannot be imported, and on
confirmation stores the meeting with ``self.app.store.add`` and dismisses with the new
meeting id (None when cancelled). Nothing is stored before the confirmation.
"""

from __future__ import annotations

import os
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Button, Input, Static

from store.domain.model import Meeting

from ..worker_messages import ImportFileRead
from .base import Dialog


def expand_path(text: str) -> Path:
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        text = text[1:-1]
    return Path(os.path.expandvars(os.path.expanduser(text)))


class ImportDialog(Dialog[str]):
    BINDINGS = [
        Binding("ctrl+s", "accept", "Importera", id="dialog.accept",
                tooltip="Spara det inlästa mötet", priority=True),
        Binding("escape", "cancel", "Avbryt", id="dialog.cancel",
                tooltip="Stäng utan att importera"),
    ]
    FIRST_FOCUS = "#path"

    def __init__(self, path: str = "") -> None:
        super().__init__()
        self.initial_path = path
        #: The meeting read from `read_path`, waiting for confirmation.
        self.meeting: Meeting | None = None
        self.read_path: Path | None = None
        self.reading = False

    def compose(self) -> ComposeResult:
        with self.frame(classes="-wide"):
            yield self.title_line("Importera dagordning eller möte", id="dialog-title")
            yield self.hint_line(
                "Text, Markdown, Word (.docx), PDF, en mötesbok, tidigare "
                "mötesanteckningar eller JSON. "
                "Enter läser in filen, ctrl+s importerar, escape avbryter.",
                id="hint",
            )
            yield Input(self.initial_path, placeholder="~/Dokument/dagordning.docx", id="path")
            yield Static("", id="result", markup=False)
            yield self.button_row(
                Button("Läs in", id="read"),
                Button("Importera", variant="primary", id="ok", disabled=True),
                Button("Avbryt", id="cancel"))

    # -- reading ------------------------------------------------------------------

    def show(self, text: str, *, error: bool = False) -> None:
        result = self.query_one("#result", Static)
        result.update(text)
        result.set_class(error, "error")

    @on(Input.Changed, "#path")
    def _path_changed(self) -> None:
        # A new path invalidates what was read from the old one.
        if self.read_path is not None and expand_path(self.path_text) != self.read_path:
            self.meeting = None
            self.read_path = None
            self.query_one("#ok", Button).disabled = True
            self.show("")

    @property
    def path_text(self) -> str:
        return self.query_one("#path", Input).value

    @on(Input.Submitted, "#path")
    def _submitted(self) -> None:
        if self.meeting is not None and expand_path(self.path_text) == self.read_path:
            self.action_accept()  # a second enter confirms
        else:
            self.action_read()

    @on(Button.Pressed, "#read")
    def _read_pressed(self) -> None:
        self.action_read()

    def action_read(self) -> None:
        if not self.path_text.strip():
            self.show("Skriv sökvägen till filen som ska importeras.", error=True)
            return
        if self.reading:
            return
        path = expand_path(self.path_text)
        self.reading = True
        self.meeting = None
        self.query_one("#ok", Button).disabled = True
        self.show(f"Läser {path} …")
        self._read_file(path)

    @work(thread=True, exclusive=True, group="import", exit_on_error=False)
    def _read_file(self, path: Path) -> None:
        from importers.detect import ImportFileError, read_meeting_file
        from store.persistence.serialize import MeetingFormatError

        meeting, error = None, None
        try:
            meeting = read_meeting_file(path)
            # Ids from a file are claims: colliding ones replaced, no links taken.
            # Here, in the worker: it reads every stored meeting.
            from store.persistence.imported import prepare_import

            prepare_import(self.app.store, meeting)
        except ImportFileError as exc:
            error = str(exc)
        except MeetingFormatError as exc:
            from importers.detect import format_error_text

            error = format_error_text(exc)
        except Exception as exc:  # noqa: BLE001 - show it, never crash the app
            error = f"Oväntat fel vid import: {type(exc).__name__}: {exc}"
        self.post_message(ImportFileRead(path, meeting, error))

    def on_import_file_read(self, message: ImportFileRead) -> None:
        self._read_done(message.path, message.meeting, message.error)

    def _read_done(self, path: Path, meeting: Meeting | None, error: str | None) -> None:
        self.reading = False
        if error is not None or meeting is None:
            self.show(f"{error}\nInget har importerats.", error=True)
            return
        from importers.detect import summarize_import

        self.meeting, self.read_path = meeting, path
        when = meeting.date + (f" {meeting.start}" if meeting.start else "")
        kind = getattr(meeting, "import_kind", "")
        self.show(
            f"Inläst{f' ({kind})' if kind else ''}: {meeting.title} ({when})\n"
            f"{summarize_import(meeting)}.\n"
            "Tryck ctrl+s eller Importera för att spara mötet."
        )
        self.query_one("#ok", Button).disabled = False

    # -- confirming -----------------------------------------------------------------

    def action_accept(self) -> None:
        if self.meeting is None:
            if not self.reading:
                self.action_read()
            return
        from store import StoreError
        from store.persistence.imported import add_prepared

        try:
            meeting_id = add_prepared(self.app.store, self.meeting)
        except StoreError as exc:
            self.show(f"Mötet kunde inte sparas: {exc}", error=True)
            return
        self.dismiss(meeting_id)

