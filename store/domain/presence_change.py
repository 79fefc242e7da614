"""Which § an arrival or a departure made in live mode takes effect from.

A secretary presses F7/F8 while a § is on screen. Before anything is recorded in it (no
notes, decision, action, yrkande, vote, reservation, protokollsanteckning, jäv,
substitution, beslutsgång, "justeras omedelbart", chosen chair, and it is not done or
deferred) the § has not begun in substance, and the change holds from this §: one who
leaves takes no part in it ("efter § 41" when § 42 is on screen), one who comes takes
part in it. Once something is recorded the change comes after the §: one who leaves
took part in it, one who comes takes part from the next §.

A change before the first § (a departure) or after the last (an arrival) reaches no §:
it is refused with one sentence saying what to do instead. Ties typed as text
('efter § 44', f2 in the attendance dialog) are taken as typed; this rule is only for
the § on screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .attendance import AttendanceError
from .paragraphs import paragraph_label
from .presence_ties import paragraph_id, positions

if TYPE_CHECKING:
    from .model import AgendaItem, Meeting


def has_record(item: AgendaItem) -> bool:
    """Something was recorded in the item (or a sub-item) during the meeting. The
    agenda's own texts (description, background, proposal, basis, attachments) do not
    count: they were there before the meeting."""
    return any(_recorded(part) for part in item.walk())


def _recorded(item: AgendaItem) -> bool:
    return bool(item.notes.strip() or item.decisions or item.actions or item.motions
                or item.votes or item.reservations or item.protocol_notes
                or item.conflicts or item.substitutions or item.procedure.strip()
                or item.adjusted_immediately or item.acting_chair.strip()
                or item.status != "pending")


def change_boundary(meeting: Meeting, item_id: str | None) -> int | None:
    """The change takes effect before the § at this position (0 = the first; the number
    of §§ = after the last); None outside a protocol or without a § on screen."""
    if not meeting.is_protocol:
        return None
    top = paragraph_id(meeting, item_id)
    if top is None:
        return None
    position = positions(meeting)[top]
    return position + 1 if has_record(meeting.items[position]) else position


def change_tie(meeting: Meeting, item_id: str | None, arriving: bool, name: str,
               first: int | None = None) -> str | None:
    """The § id to tie the change to: an arrival's `from_item`, a departure's `to_item`
    (None outside a protocol or without a §). Raises AttendanceError (one Swedish
    sentence naming `name`) when the change would reach no §; `first` numbers the §."""
    boundary = change_boundary(meeting, item_id)
    if boundary is None:
        return None
    count = len(meeting.items)
    if arriving and boundary >= count:
        where = f"efter {paragraph_label(first + count - 1)}" if first is not None else \
            "efter sista paragrafen"
        raise AttendanceError(f"{name} kommer {where} och deltar inte i någon paragraf; "
                              "ändra tiderna med f2 om det ska antecknas.")
    if not arriving and boundary == 0:
        where = f"före {paragraph_label(first)}" if first is not None else \
            "före första paragrafen"
        raise AttendanceError(f"{name} går {where} och deltar inte i någon paragraf: "
                              "markera frånvaro med f4.")
    return meeting.items[boundary].id if arriving else meeting.items[boundary - 1].id
