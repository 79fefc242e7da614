"""The names the UI gives the document a meeting produces, defined once.

A working group writes *mötesanteckningar*; only a formal body's meeting has a
*protokoll*. Every label, tooltip and message that names the document asks here, so
the protocol kind (a later meeting kind) changes one place.
"""

from __future__ import annotations

#: (indefinite, definite) per kind of meeting.
_DOCUMENT = {
    "minutes": ("mötesanteckningar", "mötesanteckningarna"),
    "protocol": ("protokoll", "protokollet"),
}


#: What the export key (F10, e) does, in the help and the footer's tooltip.
EXPORT_TOOLTIP = "Skriv mötets dokument och åtgärdslistan som Word eller PDF."


def _kind(meeting) -> str:
    # The model's own test, so the stored kind's spelling ("protokoll") lives in one place.
    return "protocol" if getattr(meeting, "is_protocol", False) else "minutes"


def document(meeting=None, *, definite: bool = True, capital: bool = False) -> str:
    """'mötesanteckningarna', 'Protokollet' … for ``meeting`` (minutes when unknown)."""
    word = _DOCUMENT[_kind(meeting)][1 if definite else 0]
    return word[:1].upper() + word[1:] if capital else word


def defer_decision(title: str) -> str:
    """The decision line written when an item is deferred: it says what is deferred."""
    return f"”{title.strip()}” skjuts upp till nästa möte." if title.strip() else \
        "Punkten skjuts upp till nästa möte."


def seconds(value: float) -> str:
    """'0,2 sekunder', '1 sekund': a duration as the UI writes it."""
    number = f"{value:g}".replace(".", ",")
    return f"{number} sekund" if value == 1 else f"{number} sekunder"


def autosave_promise(delay: float | None = None) -> str:
    """What the help says about saving, derived from the autosave's own delay."""
    if delay is None:
        from .autosave import SAVE_DELAY

        delay = SAVE_DELAY
    return f"Allt du skriver sparas automatiskt inom ungefär {seconds(delay)}."
