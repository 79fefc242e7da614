"""Live mode's choice of who leads a § when the ordförande has jäv and the meeting chooses
(store.domain.chair_conflict): a command palette entry 'Ordförande för § 43', offered in a
protocol while the current §'s ordförande has jäv, opening a dialog that completes from
the members serving in the §."""

from __future__ import annotations

from functools import partial

from store.domain.chair_conflict import chair_has_conflict

#: The palette entry's name, before the § ('Ordförande för § 43').
CHOOSE_CHAIR = "Ordförande för"


def chair_commands(screen) -> list[tuple[str, str, object]]:
    item = screen.current
    if (not screen.meeting.is_protocol or item is None
            or not chair_has_conflict(screen.meeting, item)):
        return []
    return [(f"{CHOOSE_CHAIR} {screen.paragraph_label(item)}",
             "Ordföranden har jäv: vem som leder paragrafen",
             partial(screen.app.call_later, choose_chair, screen))]


def choose_chair(screen) -> None:
    from ..dialogs.acting_chair import ActingChairDialog

    screen._protocol_dialog(ActingChairDialog)
