"""What the protocol dialogs of live mode share: the § they record into, a name field that
completes from the roster, and the refusal line.

Each dialog records through store.domain.protocol_record (which keeps the rules and gives
the Swedish sentence for a refusal), tells the app that the model changed (its save path)
and dismisses with True; escape leaves the model as it was and dismisses with None.
"""

from __future__ import annotations

from typing import Callable, Iterable

from textual.widgets import Input, Static

from store.domain.model import AgendaItem, Meeting
from store.domain.protocol_record import ProtocolInputError, paragraph_item

from ..widgets.owner_input import OwnerInput
from .base import Dialog


class NameInput(OwnerInput):
    """A roster name: completes (Tab, →, or enter) from the given names."""

    def __init__(self, names: Iterable[str], **kwargs):
        kwargs.setdefault("placeholder", "Namn (några bokstäver räcker)")
        super().__init__(names, **kwargs)

    def chosen(self) -> str:
        """The typed name, completed when the roster offers one."""
        self.accept_completion()
        return self.value.strip()


class ProtocolDialog(Dialog[bool]):
    """A short dialog recording one part of the current §."""

    def __init__(self, meeting: Meeting, item: AgendaItem, paragraph: str,
                 on_change: Callable[[], None], editing: int | None = None):
        super().__init__()
        self.meeting = meeting
        self.item = paragraph_item(meeting, item)
        #: '§ 41' (or the item number while the § is not known)
        self.paragraph = paragraph
        self._on_change = on_change
        #: The position of the entry being corrected (alt+l, enter); None = a new entry.
        self.editing = editing

    def heading(self, what: str) -> str:
        if self.editing is not None:
            what = f"Ändra {what[:1].lower()}{what[1:]}"
        return f"{what} — {self.paragraph} {self.item.title}"

    def show_problem(self, text: str) -> None:
        self.query_one(".dialog-problem", Static).update(text)

    def record(self, change: Callable[[], object]) -> bool:
        """Run one recording; its refusal is shown in the dialog, a success is saved."""
        try:
            change()
        except ProtocolInputError as refusal:
            self.show_problem(str(refusal))
            return False
        self.show_problem("")
        self._on_change()
        return True

    def sync_to_model(self) -> None:
        """Called by the app just before a final save (ctrl+q, a closed terminal): an
        entry typed out in full is recorded rather than lost; once only."""
        if getattr(self, "_kept", False):
            return
        self._kept = True
        try:
            self.keep_typed()
            self._on_change()
        except ProtocolInputError:
            pass  # not a whole entry: nothing to keep
        except Exception:  # noqa: BLE001 - widgets already gone; the save must go on
            pass

    def keep_typed(self) -> None:
        """Record what the fields hold when it makes a whole entry (raises the refusal
        otherwise). Dialogs where something is typed override it."""

    def on_input_changed(self, event: Input.Changed) -> None:
        # A new try: the old refusal no longer applies.
        self.show_problem("")
