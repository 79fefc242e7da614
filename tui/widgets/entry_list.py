"""Live mode's lists of the current item's decisions and actions."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from export.labels import NOT_GIVEN
from store import Action, Decision

from .back_to_notes import BackToNotes


def action_text(action: Action) -> Text:
    text = Text("☐ " if not action.done else "☑ ")
    text.append(action.text.replace("\n", " "))
    details = [action.owner or NOT_GIVEN, action.due or "inget datum"]
    text.append(" — " + ", ".join(details), style="dim")
    return text


def decision_text(decision: Decision) -> Text:
    return Text("• " + decision.text.replace("\n", " "))


class EntryList(BackToNotes, OptionList):
    """Decisions or actions of the current item: enter edits, delete removes.

    The list asks (a ``Command`` message naming the entry); the screen decides.
    """

    BINDINGS = [
        Binding("enter", "edit_entry", "Ändra", id="live.entry.edit",
                tooltip="Ändra den markerade raden."),
        Binding("delete,backspace", "delete_entry", "Ta bort", id="live.entry.delete",
                tooltip="Ta bort den markerade raden (frågar först)."),
        Binding("space", "toggle_entry", "Klar/öppen", id="live.entry.toggle",
                tooltip="Markera åtgärden som klar eller öppna den igen, i alla möten "
                        "där den finns (även uppföljningen från förra mötet)."),
        Binding("escape", "back_to_notes", "Anteckningar", id="live.entry.notes",
                show=False, tooltip="Tillbaka till anteckningarna (det går också att "
                                    "bara skriva)."),
    ]

    class Command(Message):
        """``kind`` ("edit", "delete", "toggle") asked for entry ``entry_id``."""

        def __init__(self, entry_list: EntryList, kind: str, entry_id: str) -> None:
            super().__init__()
            self.entry_list = entry_list
            self.kind = kind
            self.entry_id = entry_id

        @property
        def control(self) -> EntryList:
            return self.entry_list

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "toggle_entry":
            return self.id == "actions"  # decisions have no done state
        return True

    def show(self, entries: list[Decision] | list[Action]) -> None:
        """List the entries, keeping the highlight where it was."""
        keep = self.highlighted
        self.clear_options()
        render = action_text if self.id == "actions" else decision_text
        self.add_options(Option(render(entry), id=entry.id) for entry in entries)
        if entries:
            self.highlighted = min(keep or 0, len(entries) - 1)

    def _ask(self, kind: str) -> None:
        if self.highlighted is not None:
            entry_id = self.get_option_at_index(self.highlighted).id
            self.post_message(self.Command(self, kind, entry_id))

    def action_toggle_entry(self) -> None:
        self._ask("toggle")

    def action_edit_entry(self) -> None:
        self._ask("edit")

    def action_delete_entry(self) -> None:
        self._ask("delete")
