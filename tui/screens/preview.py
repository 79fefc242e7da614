"""Preview: the minutes drawn in the terminal from the same blocks the DOCX is made of."""

from __future__ import annotations

import io

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from ..words import document
from ..paragraph_count import FirstParagraph
from ..worker_messages import FirstParagraphFound
from ..widgets.live_footer import LiveFooter


def render_blocks(blocks) -> Group:
    """Rich renderables for minutes blocks: headings, labels, bullets and action tables."""
    parts = []
    for block in blocks:
        kind = block.kind
        if block.page_break and parts:
            from ..preview_protocol import page_break

            parts.append(page_break())
        if kind == "table" and block.widths:  # a protocol's table
            from ..preview_protocol import table_parts

            parts.extend(table_parts(block, _runs))
            continue
        if kind == "table":
            table = Table(show_header=False, expand=True, box=None, padding=(0, 1))
            # The date keeps its own width; the rest is shared so that a full name
            # fits on one line at 80 columns.
            table.add_column(ratio=3)
            table.add_column(no_wrap=True)
            table.add_column(ratio=2)
            for row in block.rows:
                table.add_row(*[_runs(cell) for cell in row])
            parts.append(table)
            continue
        if block.tabs:  # columns in one paragraph (the Ärendelista)
            from ..preview_protocol import tabbed_line

            parts.append(tabbed_line(block, _runs))
            continue
        text = _runs(block.runs)
        if kind == "title":
            text.stylize("bold underline")
        elif kind == "heading":
            text.stylize("bold")
            parts.append(Text(""))
            if block.level == 1:
                text.stylize("reverse")
        elif kind == "label":
            text.stylize("bold")
        elif kind == "bullet":
            text = Text("  • ") + text
        parts.append(text)
    return Group(*parts)


def _runs(runs) -> Text:
    text = Text()
    for run in runs:
        style = " ".join(s for s, on in (("bold", run.bold), ("italic", run.italic)) if on)
        text.append(run.text, style=style or None)
    return text


class PreviewScreen(Screen):
    #: The title of this view in the help screen (F1).
    HELP_TITLE = "Förhandsgranskning"
    BINDINGS = [
        Binding("escape,q", "close", "Tillbaka", id="preview.close",
                tooltip="Stäng förhandsgranskningen."),
        Binding("h", "toggle_whole", "Hela/punkt", id="preview.toggle",
                tooltip="Växla mellan hela dokumentet och den aktuella punkten."),
    ]

    def __init__(self, item_id: str | None = None, meeting_id: str | None = None):
        super().__init__()
        self.item_id = item_id
        self.meeting_id = meeting_id
        self.whole = item_id is None
        self.rendered = Group()
        #: A protocol's first § (read from its series by a worker); None until known.
        self.paragraphs = FirstParagraph()

    def compose(self) -> ComposeResult:
        yield Static(id="preview-title")
        with VerticalScroll(id="preview"):
            yield Static(id="preview-body")
        # Every key on as many lines as it needs: one line cut them at 80 columns.
        yield LiveFooter(compact=True)

    def on_mount(self) -> None:
        self.show()
        self.query_one("#preview").focus()

    def _meeting(self):
        session = self.app.session
        if session is not None and (self.meeting_id is None
                                    or session.meeting.id == self.meeting_id):
            return session.meeting
        return self.app.store.load(self.meeting_id)

    def show(self) -> None:
        meeting = self._meeting()
        if meeting.is_protocol and self.paragraphs.of(meeting) is None:
            # The § numbers continue the series: read from the store, off the event loop.
            self.paragraphs.count(self, meeting)
            rendered = Group(Text("Förhandsgranskningen ritas …", style="dim"))
            self._show(meeting, rendered)
            return
        layout = self._layout(meeting)
        try:
            try:
                blocks = layout(None if self.whole else self.item_id)
            except KeyError:
                blocks = layout(None)
                self.whole = True
            rendered = render_blocks(blocks)
        except Exception:  # noqa: BLE001 - a preview that cannot be drawn must not end the meeting
            rendered = Group(Text("Förhandsgranskningen kunde inte visas för det här mötet."))
        self._show(meeting, rendered)

    def _layout(self, meeting):
        """The blocks of the whole document, or of one item (None: the whole)."""
        if meeting.is_protocol:
            from ..preview_protocol import protocol_preview_blocks

            first = self.paragraphs.of(meeting)
            return lambda item_id: protocol_preview_blocks(meeting, first, item_id)
        from export.minutes_layout import minutes_blocks

        return lambda item_id: minutes_blocks(meeting, item_id)

    def on_first_paragraph_found(self, message: FirstParagraphFound) -> None:
        message.stop()
        if self.paragraphs.found(message):
            self.show()

    def _show(self, meeting, rendered) -> None:
        what = f"Hela {document(meeting)}" if self.whole else (
            "Aktuell paragraf" if meeting.is_protocol else "Aktuell punkt")
        self.query_one("#preview-title", Static).update(
            Text(f"Förhandsgranskning – {what}", style="bold"))
        self.rendered = rendered
        self.query_one("#preview-body", Static).update(self.rendered)

    def plain_text(self, width: int = 100) -> str:
        """What the preview shows, as plain text (for tests and copy/paste)."""
        from rich.console import Console

        console = Console(width=width, record=True, file=io.StringIO())
        console.print(self.rendered)
        return console.export_text()

    def action_toggle_whole(self) -> None:
        if self.item_id is None:
            self.notify("Bara hela dokumentet kan visas härifrån.")
            return
        self.whole = not self.whole
        self.show()
        self.query_one("#preview").scroll_home(animate=False)

    def action_close(self) -> None:
        self.dismiss()
