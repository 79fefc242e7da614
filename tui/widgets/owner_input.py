"""An Input for an action's owner that completes from the roster and earlier owners.

Completion is case-insensitive and matches the start of the name or of any later word,
so "berg" offers "Olle Bergkvist". Right arrow (at the end of the text) or Tab accepts;
Tab then moves on to the next field, as completion does in a shell.
"""

from __future__ import annotations

from typing import Iterable

from textual.binding import Binding
from textual.suggester import Suggester, SuggestionReady
from textual.widgets import Input


class OwnerSuggester(Suggester):
    """Suggest the first candidate whose name, or one of its words, starts with the text."""

    def __init__(self, candidates: Iterable[str]):
        super().__init__(use_cache=True, case_sensitive=False)
        self.candidates = [c for c in candidates if c.strip()]
        self._folded = [c.casefold() for c in self.candidates]

    def match(self, value: str) -> str | None:
        wanted = value.casefold().strip()
        if not wanted:
            return None
        for candidate, folded in zip(self.candidates, self._folded):
            if folded.startswith(wanted):
                return candidate
        for candidate, folded in zip(self.candidates, self._folded):
            words = folded.split()
            # A later word: a surname, or "Bergkvist" in "Olle Bergkvist".
            if any(" ".join(words[i:]).startswith(wanted) for i in range(1, len(words))):
                return candidate
        return None

    async def get_suggestion(self, value: str) -> str | None:
        return self.match(value)


class OwnerInput(Input):
    """The owner field: free text, with a faded completion shown after the cursor."""

    DEFAULT_CSS = """
    OwnerInput { width: 1fr; }
    """

    BINDINGS = [
        Binding("tab", "complete_and_next", "Fyll i", show=False, id="owner.complete",
                tooltip="Fyll i det föreslagna namnet och gå till nästa fält"),
    ]

    def __init__(self, candidates: Iterable[str] = (), value: str | None = None, **kwargs):
        kwargs.setdefault("placeholder", "Ansvarig (namn eller grupp)")
        self.owner_suggester = OwnerSuggester(candidates)
        super().__init__(value=value, suggester=self.owner_suggester, **kwargs)
        self.completion: str | None = None

    async def _on_suggestion_ready(self, event: SuggestionReady) -> None:
        # Input's own handler would show the raw name after the typed prefix.
        event.prevent_default()
        if event.value != self.value:
            return
        self.completion = event.suggestion
        if event.suggestion.casefold().startswith(event.value.casefold()):
            # Shown as the rest of the name; accepting gives its canonical spelling.
            self._suggestion = event.value + event.suggestion[len(event.value):]
        else:
            # A surname match cannot be shown as a continuation: show where it leads.
            self._suggestion = f"{event.value}  → {event.suggestion}"

    def accept_completion(self) -> bool:
        """Replace the text with the offered name; False when nothing is offered.

        Computed here from the candidates in memory, not taken from the suggester:
        that runs in a worker, and a Tab typed right behind the letters arrives
        before its suggestion does.
        """
        completion = self.owner_suggester.match(self.value)
        if not completion:
            return False
        self.value = completion
        self.cursor_position = len(self.value)
        self.completion = None
        return True

    def action_complete_and_next(self) -> None:
        self.accept_completion()
        self.screen.focus_next()

    def action_cursor_right(self, select: bool = False) -> None:
        if not select and self.cursor_at_end and self.accept_completion():
            return
        super().action_cursor_right(select)
