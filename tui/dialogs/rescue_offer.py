"""The offer made on start when a rescue copy (nödkopia) is newer than its meeting.

The copy was left by an app that died while saves failed; what it holds that the
meeting lacks is listed, and the user chooses: restore it into the meeting, keep both
(the copy becomes a meeting of its own), or decide later (it stays and is offered again).
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Button, Static

from store.persistence.rescue import RescueCopy

from .base import Dialog

RESTORE, KEEP_BOTH = "restore", "keep-both"


class RescueOfferDialog(Dialog[str]):
    """Dismisses with RESTORE, KEEP_BOTH or None (later)."""
    BINDINGS = [
        Binding("escape,s", "choose(None)", "Senare", id="rescue.later",
                tooltip="Bestäm senare: kopian ligger kvar och du får frågan igen."),
        Binding("a", "choose('restore')", "Återställ", id="rescue.restore", show=False,
                tooltip="Ersätt det sparade mötet med kopian."),
        Binding("b", "choose('keep-both')", "Behåll båda", id="rescue.keep_both",
                show=False, tooltip="Spara kopian som ett eget möte."),
    ]

    FIRST_FOCUS = "#restore"

    def __init__(self, copy: RescueCopy):
        super().__init__()
        self.copy = copy

    def compose(self) -> ComposeResult:
        stored = self.copy.stored
        with self.frame():
            yield self.title_line("Nödkopia hittad")
            yield Static(
                Text(f"Mötet {stored.title} ({stored.date}) har en nödkopia som är nyare "
                     f"än det sparade mötet:\n{self.copy.path}\n\nKopian innehåller:"),
                classes="dialog-message",
            )
            with VerticalScroll(id="rescue-differences"):
                yield Static(Text("\n".join(f"• {line}" for line in self.copy.differences)))
            yield self.hint_line(
                "Återställ ersätter det sparade mötet med kopian (det gamla finns kvar "
                "som säkerhetskopia). Behåll båda sparar kopian som ett eget möte.")
            yield self.button_row(
                Button("Återställ (a)", id="restore", variant="primary"),
                Button("Behåll båda (b)", id="keep-both"),
                Button("Senare (s)", id="later"))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id if event.button.id in (RESTORE, KEEP_BOTH) else None)

    def action_choose(self, choice: str | None) -> None:
        self.dismiss(choice)


def offer_rescue_copies(app, copies: list[RescueCopy], on_done=None,
                        on_finished=None) -> None:
    """Offer each copy in turn; `on_done(meeting_id)` after a copy was acted upon,
    `on_finished()` after the last."""
    if not copies:
        if on_finished is not None:
            on_finished()
        return
    copy, rest = copies[0], copies[1:]

    def chosen(choice: str | None) -> None:
        from store import StoreError
        from store.persistence.rescue import keep_both, restore

        try:
            if choice == RESTORE:
                restore(app.store, copy)
                app.notify(f"Nödkopian är återställd i mötet {copy.stored.title}.",
                           title="Återställt")
                meeting_id = copy.meeting_id
            elif choice == KEEP_BOTH:
                meeting_id = keep_both(app.store, copy)
                app.notify("Nödkopian är sparad som ett eget möte.", title="Båda finns kvar")
            else:
                meeting_id = None
                app.notify(f"Nödkopian ligger kvar i {copy.path}. Du får frågan igen "
                           "nästa gång Mötesbok startar.", title="Bestäm senare")
        except StoreError as exc:
            app.notify(str(exc), title="Nödkopian kunde inte läsas in", severity="error")
            meeting_id = None
        if meeting_id is not None and on_done is not None:
            on_done(meeting_id)
        offer_rescue_copies(app, rest, on_done, on_finished)

    app.push_screen(RescueOfferDialog(copy), chosen)
