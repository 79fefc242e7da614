"""Export from inside the app: ask where and as what (Word, or PDF rendered by
LibreOffice), then write the files in a thread worker.

The worker gets a snapshot of the meeting (taken on the UI thread), so typing on while
the files are written can neither tear the export nor be slowed by it. A name that is
taken is written over only after the user said yes; one that is no plain file (a
folder, a device) is refused (export.target's rules, the same as on the command line).
"""

from __future__ import annotations

import functools
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Checkbox, Input, Label

from export.pdf import LibreOfficeMissingError, PdfError
from export.target import ExportTargetError, check_target, is_write_protected
from store import Meeting, StoreError, meeting_from_dict, meeting_to_dict

from ..worker_messages import Notice
from ..words import document
from .base import Dialog
from .format_choice import FormatChoice, export_path, format_word
from .questions import ConfirmDialog

def safe_file_name(text: str) -> str:
    """A file name (without suffix) from free text, by the one rule of export.extract."""
    from export.extract import safe_file_name as file_name

    return file_name(text, "", fallback="Möte")


def default_minutes_name(meeting: Meeting) -> str:
    return safe_file_name(f"{meeting.title} {meeting.date}") + ".docx"


def default_extract_name(meeting: Meeting) -> str:
    return safe_file_name(f"Protokollsutdrag {meeting.title} {meeting.date}") + ".docx"


def default_actions_name(meeting: Meeting) -> str:
    return safe_file_name(f"Åtgärdslista {meeting.title} {meeting.date}") + ".docx"


class ExportDialog(FormatChoice, Dialog[tuple]):
    """Where to write the minutes.

    Dismisses with (minutes_path, actions_path|None, overwrite, extract) where
    `overwrite` is True when the user agreed to replace files that exist (write-protected
    ones included) and `extract` is a protocol's protokollsutdrag choice ('' = the whole
    protocol, '42,44', 'alla' or 'all' = one file per § beside the chosen file; an utdrag
    comes without the action list).
    """

    BINDINGS = [
        Binding("ctrl+s", "accept", "Exportera", id="export.accept", priority=True),
    ]
    FIRST_FOCUS = "#minutes-path"
    FORMAT_FIELDS = "#minutes-path, #actions-path"

    def __init__(self, minutes_path: Path, actions_path: Path, meeting: Meeting | None = None):
        super().__init__()
        self.meeting = meeting
        self.minutes_path = minutes_path
        self.actions_path = actions_path
        self._document_folder = minutes_path.expanduser().parent  # where the list follows from

    def compose(self) -> ComposeResult:
        with self.frame():
            yield self.title_line(f"Exportera {document(self.meeting)}")
            yield from self.compose_formats()
            yield Label(self._field_label(), id="minutes-label", classes="dialog-field")
            yield Input(str(self.minutes_path), id="minutes-path")
            if self.meeting is not None and self.meeting.is_protocol:
                yield Label("Protokollsutdrag, §§ (tomt = hela protokollet, alla = en fil "
                            "per §):", classes="dialog-field")
                yield Input(id="extract", placeholder="t.ex. 42,44 eller alla")
            # Offered ticked only when there is a list to write: an empty one is a
            # file nobody asked for.
            has_actions = self.meeting is None or any(True for _ in self.meeting.actions())
            yield Checkbox("Även åtgärdslistan", has_actions, id="with-actions")
            yield Input(str(self.actions_path), id="actions-path", disabled=not has_actions)
            yield self.hint_line("enter exporterar · esc avbryter")

    def on_input_changed(self, event: Input.Changed) -> None:
        """An utdrag gets its own default name while the name is still the offered one."""
        if event.input.id == "minutes-path":
            self._actions_follow(event.value)
        if event.input.id != "extract" or self.meeting is None:
            return
        self.format_changed()  # the label says what the file will hold
        # The action list is the whole meeting's, not something to send with an utdrag.
        self.query_one("#with-actions", Checkbox).disabled = bool(event.value.strip())
        self._actions_field_enabled()
        field = self.query_one("#minutes-path", Input)
        names = {default_minutes_name(self.meeting), default_extract_name(self.meeting)}
        current = Path(field.value.strip())
        if current.with_suffix(".docx").name in names:
            name = default_extract_name(self.meeting) if event.value.strip() else (
                default_minutes_name(self.meeting))
            field.value = str(export_path(str(current.with_name(name)), self.suffix))

    def _actions_follow(self, minutes: str) -> None:
        """The action list offered beside the document moves with it to another folder,
        as long as its own field still holds the offered file there."""
        folder = Path(minutes.strip()).expanduser().parent
        field = self.query_one("#actions-path", Input)
        current = Path(field.value.strip()).expanduser()
        if (minutes.strip() and current.parent == self._document_folder
                and current.stem == self.actions_path.stem and folder != current.parent):
            field.value = str(folder / current.name)
        self._document_folder = folder

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        self._actions_field_enabled()

    def _with_actions(self) -> bool:
        box = self.query_one("#with-actions", Checkbox)
        return box.value and not box.disabled

    def _actions_field_enabled(self) -> None:
        self.query_one("#actions-path", Input).disabled = not self._with_actions()

    def _field_label(self) -> str:
        kind = document(self.meeting, definite=False, capital=True)
        extract = self.query("#extract").results(Input) if self.is_mounted else []
        if any(field.value.strip() for field in extract):
            kind = "Protokollsutdrag"
        return f"{kind} ({format_word(self.suffix)}):"

    def format_changed(self) -> None:
        self.query_one("#minutes-label", Label).update(self._field_label())

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_accept()

    def action_accept(self) -> None:
        minutes = self.query_one("#minutes-path", Input).value.strip()
        if not minutes:
            self.notify(f"Ange en fil att spara {document(self.meeting)} i.", severity="warning")
            return
        minutes_path = export_path(minutes, self.suffix)
        actions_path = None
        if self._with_actions():
            actions = self.query_one("#actions-path", Input).value.strip()
            if actions:
                actions_path = export_path(actions, self.suffix)
        paths = [p for p in (minutes_path, actions_path) if p is not None]
        if len(set(paths)) < len(paths):
            self.notify(f"{document(self.meeting, capital=True)} och åtgärdslistan kan inte sparas i samma fil.",
                        severity="error")
            return
        extract = self.query("#extract").results(Input)
        spec = next((field.value.strip() for field in extract), "")
        dismiss_unless_refused(self, paths,
                               lambda overwrite: (minutes_path, actions_path, overwrite, spec),
                               refused_title="Kan inte exportera")


def dismiss_unless_refused(dialog: Dialog, paths: list[Path], answer, *,
                           refused_title: str) -> None:
    """Dismiss `dialog` with `answer(overwrite)` for files about to be written: at once
    when no path is taken, after a yes when some are (overwrite=True), never when one may
    not be written at all (that is said in one sentence and the dialog stays open)."""
    try:
        taken = existing_files(paths)
    except ExportTargetError as exc:
        dialog.notify(str(exc), title=refused_title, severity="error", timeout=10, markup=False)
        return
    if not taken:
        dialog.dismiss(answer(False))
        return

    def answered(yes: bool | None) -> None:
        if yes:
            dialog.dismiss(answer(True))

    dialog.app.push_screen(
        ConfirmDialog(overwrite_question(taken), question="Skriva över?",
                      yes="Skriv över", no="Nej", danger=True),
        answered,
    )


def existing_files(paths: list[Path]) -> list[tuple[Path, bool]]:
    """(path, write-protected) for each path that names an existing file.

    Raises ExportTargetError for a path that may not be written at all.
    """
    taken = []
    for path in paths:
        _, status = check_target(path, force=True)
        if status is not None:
            taken.append((path, is_write_protected(status)))
    return taken


def overwrite_question(taken: list[tuple[Path, bool]]) -> str:
    return "\n".join(
        f"Filen {path} finns redan" + (" och är skrivskyddad." if protected else ".")
        for path, protected in taken
    )


def start_export(app, meeting_id: str | None = None) -> None:
    """Ask for the paths, then export the open meeting (or a stored one) in a worker."""
    from ..export_dir import default_export_dir

    session = app.session
    try:
        if session is not None and (meeting_id is None or session.meeting.id == meeting_id):
            meeting = session.meeting
        elif meeting_id is not None:
            meeting = app.store.load(meeting_id)
        else:
            app.notify("Inget möte är öppet.", severity="warning")
            return
    except StoreError as exc:
        app.notify(str(exc), title="Kan inte exportera", severity="error")
        return
    folder = default_export_dir()

    def chosen(result) -> None:
        if not result:
            return
        minutes_path, actions_path, overwrite, extract = result
        # A deep copy taken now, on the UI thread: the worker never reads the live model.
        snapshot = meeting_from_dict(meeting_to_dict(meeting))
        snapshot.id = meeting.id
        app.run_worker(
            functools.partial(export_files, app, snapshot, minutes_path, actions_path,
                              overwrite=overwrite, extract=extract),
            thread=True, group="export", exit_on_error=False, name="export",
        )
        app.notify("Exporterar…", timeout=2)

    app.push_screen(
        ExportDialog(folder / default_minutes_name(meeting), folder / default_actions_name(meeting),
                     meeting),
        chosen,
    )


def _write_extracts(app, meeting: Meeting, path: Path, spec: str, overwrite: bool) -> str:
    """Protokollsutdrag of the §§ in `spec` to `path`, or one per § ('all') in a folder
    named like `path` beside it; returns the line for the notice. ExtractError (a §
    the protocol does not have) is said like any failure, in one sentence."""
    from export.docx_protocol import write_all_extracts, write_extract
    from export.extract import chosen_paragraphs, is_all
    from store.persistence.paragraphs import first_paragraph_in_store

    first = first_paragraph_in_store(app.store, meeting)
    chosen = chosen_paragraphs(meeting, first, spec)
    if is_all(spec):
        folder = path.with_suffix("")
        written = write_all_extracts(meeting, first, folder, force=overwrite,
                                     suffix=path.suffix.lower())
        return f"{len(written)} protokollsutdrag: {folder}"
    write_extract(meeting, first, chosen, path, force=overwrite)
    return f"Protokollsutdrag: {path}"


def export_files(app, meeting: Meeting, minutes_path: Path, actions_path: Path | None, *,
                 overwrite: bool = False, extract: str = "") -> None:
    """Runs in a thread: write the files and tell the user where they went.

    `overwrite`: the user agreed to replace existing (even write-protected) files.
    `extract`: a protocol's protokollsutdrag instead of the whole protocol (see
    ExportDialog); 'alla'/'all' writes one file per § in a folder beside `minutes_path`.
    """
    def notify(text: str, **kwargs) -> None:
        app.post_message(Notice(text, **kwargs))

    def broken_install(exc: ImportError) -> None:
        # python-docx (or lxml) is a declared dependency: a broken install, said so.
        missing = "python-docx" if (exc.name or "docx").startswith("docx") else exc.name
        notify(f"{missing} saknas — installera om Mötesbok.",
               title="Exporten misslyckades", severity="error", timeout=15)

    try:
        from export.docx_minutes import write_minutes
    except ImportError as exc:
        broken_install(exc)
        return
    written, missing = [], False
    try:
        if meeting.is_protocol and extract:
            written.append(_write_extracts(app, meeting, minutes_path, extract, overwrite))
            minutes_path = None  # said above
        elif meeting.is_protocol:  # the protocol layout, numbered from the store's series
            from export.docx_protocol import write_protocol
            from store.persistence.paragraphs import first_paragraph_in_store

            write_protocol(meeting, first_paragraph_in_store(app.store, meeting), minutes_path,
                           force=overwrite)  # a PDF for a .pdf path, as for the minutes
        else:
            write_minutes(meeting, minutes_path, force=overwrite)  # a PDF for a .pdf path
    except PdfError as exc:  # no PDF: the sentence says why and where the DOCX went
        missing = isinstance(exc, LibreOfficeMissingError)
        notify(str(exc), title="Ingen PDF", severity="warning", timeout=20)
    except ImportError as exc:  # a template goes through python-docx
        broken_install(exc)
        return
    except Exception as exc:  # noqa: BLE001 - any failure becomes a message, never a crash
        notify(f"{document(meeting, capital=True)} kunde inte sparas: {exc}", title="Exporten misslyckades",
               severity="error", timeout=15)
        return
    else:
        if minutes_path is not None:
            written.append(f"{document(meeting, capital=True)}: {minutes_path}")
    if actions_path is not None:
        try:
            from export.action_list import write_action_list
            from store.persistence.actions import query_actions

            rows = query_actions(app.store, status="all", meeting_id=meeting.id, live=meeting)
            write_action_list(rows, actions_path, force=overwrite)  # the format by the suffix
            written.append(f"Åtgärdslistan: {actions_path}")
        except LibreOfficeMissingError as exc:
            if not missing:
                notify(str(exc), title="Ingen PDF", severity="warning", timeout=20)
            elif exc.docx_path is not None:  # the sentence was said once already
                written.append(f"Åtgärdslistan (Word, ingen PDF): {exc.docx_path}")
        except PdfError as exc:
            notify(str(exc), title="Ingen PDF", severity="warning", timeout=20)
        except ImportError as exc:  # the action list's DOCX goes through python-docx
            broken_install(exc)
        except Exception as exc:  # noqa: BLE001 - as above
            notify(f"Åtgärdslistan kunde inte sparas: {exc}", title="Exporten misslyckades",
                   severity="error", timeout=15)
    if written:
        notify("\n".join(written), title="Exporterat", timeout=12)
