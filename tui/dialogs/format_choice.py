"""Word or PDF: the format choice of the export and print dialogs.

The path fields follow the chosen format (their suffix is replaced), and a missing
LibreOffice is said as soon as PDF is chosen; the conversion itself runs in the
dialog's thread worker (export.pdf).
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.widgets import Input, RadioButton, RadioSet, Static

from export.pdf import MISSING, PDF_SUFFIX, find_soffice

DOCX_SUFFIX = ".docx"
#: The formats offered: (suffix, button label, word in the path field's label).
FORMATS = ((DOCX_SUFFIX, "Word (.docx)", "Word"), (PDF_SUFFIX, "PDF (.pdf)", "PDF"))


def export_path(text: str, suffix: str) -> Path:
    """The file for `text` ending in `suffix` (the other format's suffix replaced)."""
    path = Path(text).expanduser()
    if path.suffix.lower() == suffix:
        return path
    if path.suffix.lower() in (s for s, _, _ in FORMATS):
        return path.with_suffix(suffix)
    return path.with_name(path.name + suffix)


def format_word(suffix: str) -> str:
    """'Word' or 'PDF', for a field's label."""
    return next(word for s, _, word in FORMATS if s == suffix)


class FormatChoice:
    """Mixed into a Dialog: `compose_formats()` where the choice goes; the fields named
    by FORMAT_FIELDS follow it (the first one gets the focus, so Enter writes)."""

    FORMAT_FIELDS = ""
    suffix = DOCX_SUFFIX

    def compose_formats(self) -> ComposeResult:
        with RadioSet(classes="format-choice", compact=True):
            for index, (suffix, label, _) in enumerate(FORMATS):
                yield RadioButton(label, value=index == 0, id=f"format-{suffix[1:]}")
        yield self.hint_line(MISSING + " Då sparas Word-filer i stället.", id="pdf-hint")

    def format_changed(self) -> None:
        """After the format changed (labels that name it)."""

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        if not event.radio_set.has_class("format-choice"):
            return
        event.stop()
        self.suffix = FORMATS[event.index][0]
        fields = list(self.query(self.FORMAT_FIELDS).results(Input))
        for field in fields:
            if field.value.strip():
                field.value = str(export_path(field.value.strip(), self.suffix))
        self.format_changed()
        # A few stat calls, not the conversion: the worker runs LibreOffice.
        missing = self.suffix == PDF_SUFFIX and find_soffice() is None
        self.query_one("#pdf-hint", Static).set_class(missing, "-shown")
        if fields:
            fields[0].focus()
