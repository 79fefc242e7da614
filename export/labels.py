"""The action list's words, one truth for the command line, the app and the files.

The store gives rows and filters as data (store.domain.action_rows); how they read in
Swedish is decided here, once, for the CLI table, the app's list, CSV, Markdown, JSON
and the printout.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from store.domain.action_rows import ActionRow
    from store.persistence.actions import ActionFilter

#: What a missing owner, due date, place or roster reads in the minutes and the lists.
NOT_GIVEN = "Ej angivet"


def given(text: str) -> str | None:
    """Text read back from a document: None when it says nothing was given (empty, or
    `NOT_GIVEN` in any case), else the text as it stands."""
    return None if text.strip().casefold() in ("", NOT_GIVEN.casefold()) else text

_STATUS_WORDS = {"open": "Öppna åtgärder", "all": "Alla åtgärder",
                 "overdue": "Försenade åtgärder"}


def cells(row: ActionRow) -> tuple[str, str, str, str, str]:
    """The five columns every list of actions shows: Åtgärd, Ansvarig, Klart senast,
    Möte, Status (the CLI table, the app's list, Markdown and the printout)."""
    return (row.text, row.owner or NOT_GIVEN, row.due or NOT_GIVEN, meeting_text(row),
            status_text(row))


def status_text(row: ActionRow) -> str:
    """'Klar 2031-02-11', 'Försenad' or 'Öppen'."""
    if row.done:
        return f"Klar {row.done_date}" if row.done_date else "Klar"
    if row.overdue:
        return "Försenad"
    return "Öppen"


def meeting_text(row: ActionRow) -> str:
    """'2031-02-12 Kommunchefsmöte, punkt 4.1' as the Möte column shows it; a protocol's
    state follows: '…, punkt 2 (justerat)'."""
    text = f"{row.meeting_date} {row.meeting_title}, punkt {row.item_number}"
    state = row.protocol_state
    return f"{text} ({state})" if state else text


def filter_text(flt: ActionFilter) -> str:
    """The filter in words, for the printout: 'Öppna åtgärder; ansvarig: greta'."""
    parts = [_STATUS_WORDS[flt.status]]
    if flt.owner:
        parts.append(f"ansvarig: {flt.owner}")
    if flt.series:
        parts.append(f"serie: {flt.series}")
    if flt.meeting_id:
        parts.append(f"möte: {flt.meeting_id}")
    if flt.since:
        parts.append(f"möten från {flt.since}")
    return "; ".join(parts)


#: Where the command line tells the user to find an action's id.
ACTION_ID_HINT = "Id:t står i åtgärdslistan (motesbok actions --all)."
