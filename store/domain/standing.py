"""Which agenda items are standing (stående punkter): the one rule, used by the
importers (an agenda file cannot say) and by the series carry-over (a meeting that
marked nothing).

A title is standing when, after its numbering ("3.", "§ 4", "b)") and any detail after
a colon, dash or parenthesis ("Nästa möte: 12 juni") are set aside, it is one of the
usual opening and closing items in any of its usual wordings, or several of them joined
by "och", "samt" or commas ("Mötets öppnande och val av justerare").

The words must be the whole title: an ordinary item that merely mentions them
("Information om nästa mötes lokal", "Övriga frågor om budgeten",
"Avslutande diskussion om skolan") is not standing. Case and å/ä/ö are ignored
("MOTETS OPPNANDE" counts).
"""

from __future__ import annotations

import functools
import re
import unicodedata

from .text import pattern_on_first_use

__all__ = ["STANDING_KINDS", "standing_kind", "looks_standing"]


def _fold(text: str) -> str:
    """Lower case without diacritics, single spaces: 'Mötets  Öppnande' -> 'motets oppnande'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.split())


# Each kind: the wordings as regular expressions over the folded title (written with
# å/ä/ö for reading; folded below). Order matters only for readability.
_ROLE = (r"(?:en |tva |två |1 |2 )?(?:mötes|protokoll)?(?:ordförande|sekreterare|"
         r"justerare|justeringsm[äa]n|justeringsperson(?:er)?|rösträknare)")
_MEETING = r"(?:mötet|sammanträdet|stämman|årsmötet)"
_MEETINGS = r"(?:mötets|sammanträdets|stämmans|årsmötets)"
_MINUTES = (r"(?:protokoll(?:et)?|mötesprotokoll(?:et)?|mötesanteckningar(?:na)?|"
            r"minnesanteckningar(?:na)?|anteckningar(?:na)?)")
_MINUTES = rf"{_MINUTES}(?:\s*/\s*{_MINUTES})*"  # "protokoll/mötesanteckningar"
_AGENDA = r"(?:dagordning(?:en)?|föredragningslista(?:n)?)"
_PREVIOUS = r"(?:föregående|förra)"

STANDING_KINDS: dict[str, tuple[str, ...]] = {
    "opening": (
        rf"{_MEETING} öppnas",
        rf"{_MEETINGS} öppnande",
        rf"{_MEETINGS} öppning",
        r"öppnande(?: av (?:mötet|sammanträdet))?",
        r"öppning(?: av (?:mötet|sammanträdet))?",
        r"ordföranden öppnar (?:mötet|sammanträdet)",
        r"välkommen|välkomna|välkomnande",
        r"upprop|närvaro|närvarolista|fastställande av röstlängd|"
        r"(?:fråga om )?(?:mötets|stämmans) (?:behöriga|stadgeenliga) utlysande",
    ),
    "election": (
        rf"val av {_ROLE}(?:(?:,| och| samt| tillika) {_ROLE})*"
        r"(?: (?:att|som) .*| för (?:mötet|sammanträdet|stämman))?",
        r"justering(?: av protokollet)?|justerare",
    ),
    "agenda": (
        rf"(?:godkännande|fastställande|genomgång) av {_AGENDA}",
        rf"{_AGENDA}(?: godkänns| fastställs)?",
    ),
    "previous_minutes": (
        rf"{_PREVIOUS} {_MINUTES}",
        rf"{_PREVIOUS} mötes {_MINUTES}",
        rf"{_PREVIOUS} mötets {_MINUTES}",
        rf"{_PREVIOUS} möte",
        rf"{_MINUTES} från {_PREVIOUS} möte(?:t)?",
        rf"(?:genomgång|uppföljning|godkännande|justering) av "
        rf"(?:{_PREVIOUS} (?:mötes |mötets )?{_MINUTES}|{_MINUTES} från {_PREVIOUS} möte(?:t)?)",
        rf"uppföljning(?: av)? {_PREVIOUS} möte(?:t)?",
    ),
    "other_business": (
        r"övriga frågor|övrigt|övriga ärenden|övriga punkter",
        r"anmälan av övriga frågor",
    ),
    "next_meeting": (
        r"nästa möte|nästa sammanträde|nästa mötesdatum|nästa träff",
        r"(?:datum|tid|tid och plats|tid och lokal|datum och tid|plats) för nästa "
        r"(?:möte|sammanträde)",
        r"kommande möten|kommande sammanträden|mötesdatum|mötestider",
    ),
    "closing": (
        rf"{_MEETING} avslutas",
        rf"{_MEETINGS} avslutande",
        rf"{_MEETINGS} avslutning",
        r"avslutande(?: av (?:mötet|sammanträdet))?",
        r"avslutning(?: av (?:mötet|sammanträdet))?",
        r"ordföranden avslutar (?:mötet|sammanträdet)",
        rf"{_MEETING} (?:förklaras )?avslutat",
    ),
}


@functools.cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    # Compiled on first use: the store imports this module on every start, but only
    # an import or a series carry-over asks for a kind (issue 11.10).
    return tuple(
        (kind, re.compile(_fold(pattern)))
        for kind, patterns in STANDING_KINDS.items()
        for pattern in patterns
    )

# "3.", "3)", "§ 4", "§4:", "4.2", "b)", "b." at the start of a title.
_NUMBERING = pattern_on_first_use(r"^(?:§\s*)?(?:\d+(?:\.\d+)*[.):]?|[a-z][.)])\s+")
# A detail after the words: "Nästa möte: 12 juni", "Övriga frågor – inga", "(bilaga 2)".
_DETAIL = pattern_on_first_use(r"\s*(?::|\(|\s[-–—]\s|\s[-–—]$).*$")
_JOINED = pattern_on_first_use(r"\s*[,/]\s*|\s+(?:och|samt)\s+")


def _core(title: str) -> str:
    folded = _fold(title)
    folded = _NUMBERING().sub("", folded)
    folded = _DETAIL().sub("", folded)
    return folded.strip(" .;:!")


def _kind_of(words: str) -> str | None:
    for kind, pattern in _patterns():
        if pattern.fullmatch(words):
            return kind
    return None


def standing_kind(title: str) -> str | None:
    """The kind of standing item the title names ("opening", "election", "agenda",
    "previous_minutes", "other_business", "next_meeting", "closing"), or None.

    Several joined ("Mötets öppnande och val av justerare") give the first one's kind.
    """
    words = _core(title)
    if not words:
        return None
    kind = _kind_of(words)
    if kind is not None:
        return kind
    parts = [part for part in _JOINED().split(words) if part]
    if len(parts) > 1:
        kinds = [_kind_of(part) for part in parts]
        if all(kinds):
            return kinds[0]
    return None


def looks_standing(title: str) -> bool:
    """Whether an item with this title is one of the usual standing items."""
    return standing_kind(title) is not None
