"""The help screen: every key of the screen it was opened from, and the app's own."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from .base import Dialog


def key_text(keys: str) -> str:
    return " / ".join(k.strip() for k in keys.split(",") if k.strip())


def binding_rows(*owners) -> list[tuple[str, str, str]]:
    """(keys, name, explanation) for every binding of the given classes, in order."""
    rows, seen = [], set()
    for owner in owners:
        for binding in getattr(owner, "BINDINGS", []):
            if not isinstance(binding, Binding) or binding.system or not binding.description:
                continue
            key = key_text(binding.key)
            if key in seen:
                continue
            seen.add(key)
            rows.append((key, binding.description, binding.tooltip))
    return rows


class HelpScreen(Dialog[None]):
    BINDINGS = [Binding("escape,q,f1", "close", "Stäng", id="help.close")]

    def __init__(self, under=None):
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog -full"):
            yield Static(self._content())

    def _content(self):
        from ..widgets.agenda_tree import AgendaTree
        from ..widgets.entry_list import EntryList
        from ..screens.live import LiveScreen
        from ..screens.live_protocol import ProtocolKeys
        from ..screens.start import StartScreen

        sections = []
        protocol = binding_rows(ProtocolKeys)  # listed only over a protocol meeting
        if isinstance(self.under, LiveScreen):
            rows = [row for row in binding_rows(LiveScreen) if row not in protocol]
            sections.append((LiveScreen.HELP_TITLE, rows))
            if self.under.meeting.is_protocol:
                sections.append(("I protokoll (alt+bokstav)", protocol))
            sections.append(("I listorna Beslut och Åtgärder", binding_rows(EntryList)))
            sections.append(("I dagordningen", binding_rows(AgendaTree)))
        elif isinstance(self.under, StartScreen) or self.under is None:
            sections.append((StartScreen.HELP_TITLE, binding_rows(StartScreen)))
            sections.append(("I mötesläge", [row for row in binding_rows(LiveScreen)
                                             if row not in protocol]))
        else:
            title = getattr(type(self.under), "HELP_TITLE", "Den här vyn")
            sections.append((title, binding_rows(type(self.under))))
        from ..widgets.text_area import AppTextArea

        sections.append(("I textrutor", binding_rows(AppTextArea)))
        sections.append(("Överallt", [
            ("f1", "Hjälp", "Den här sidan."),
            ("ctrl+p", "Kommandon",
             "Sök bland alla kommandon, t.ex. deltagare och dagordning mitt i mötet."),
            ("tab / shift+tab", "Nästa/föregående fält", "Flytta markören mellan rutorna."),
            ("ctrl+q", "Avsluta", "Sparar allt och avslutar."),
        ]))
        from rich.console import Group

        parts = []
        for title, rows in sections:
            parts.append(Text(title, style="bold underline"))
            table = Table(show_header=False, box=None, expand=True, padding=(0, 1))
            table.add_column(no_wrap=True, style="bold", min_width=8)
            table.add_column(ratio=1)
            for key, name, tip in rows:
                line = Text(name)
                if tip:
                    line.append(" – " + tip, style="dim")
                table.add_row(key, line)
            parts.append(table)
            parts.append(Text(""))
        from ..words import autosave_promise

        parts.append(Text(autosave_promise(), style="italic"))
        return Group(*parts)

    def plain_text(self, width: int = 100) -> str:
        import io

        from rich.console import Console

        console = Console(width=width, record=True, file=io.StringIO())
        console.print(self._content())
        return console.export_text()

    def action_close(self) -> None:
        self.dismiss()
