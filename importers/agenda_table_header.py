"""The header row of an agenda table (``Nr | Ärende | Dnr``): a line that only names
columns, dropped by the mötesbok importer instead of being kept as unplaced text.

A Word agenda gives the row with its cells joined by `` | `` (motesbok_read.py); a PDF
or a text file with tabs, runs of spaces or single spaces. A line is a header row when,
in any case and with or without colons, it is made of two or more column names and
nothing else, and holds no digit (an agenda row always has its number).
"""

from __future__ import annotations

import re

from .motesbok_labels import is_dnr_label

#: Column names seen in agenda tables, casefolded; several words are one name.
COLUMN_NAMES: tuple[str, ...] = (
    # the number
    "nr", "nummer", "§", "paragraf", "punkt", "p", "ärendenr", "ärendenummer", "ärende nr",
    "ärende-nr", "löpnr", "löpnummer", "ordning",
    # the title
    "ärende", "ärenden", "rubrik", "ärenderubrik", "ärendemening", "titel", "ämne",
    "innehåll", "beskrivning", "benämning",
    # the diarienummer (besides every spelling is_dnr_label knows)
    "diarienummer", "diarienr", "dnr", "d.nr",
    # the rest
    "föredragande", "föredras av", "handläggare", "ansvarig", "ansvarig tjänsteperson",
    "tid", "kl", "klockan", "beslut", "förslag", "förslag till beslut", "typ",
    "åtgärd", "status", "bilaga", "bilagor", "handlingar", "sida", "anteckning",
    "anteckningar", "förvaltning", "avdelning", "enhet", "beredning",
)
_NAMES = {tuple(name.split()) for name in COLUMN_NAMES}
_LONGEST = max(len(name) for name in _NAMES)
_SEPARATORS_RE = re.compile(r"[|\t;,/]+")
_PUNCTUATION = ":.()[]*"


def _words(line: str) -> list[str]:
    return [
        word.strip(_PUNCTUATION)
        for word in _SEPARATORS_RE.sub(" ", line.casefold()).split()
        if word.strip(_PUNCTUATION)
    ]


def _column(words: tuple[str, ...]) -> bool:
    return words in _NAMES or (len(words) == 1 and is_dnr_label(words[0]))


def is_table_header(line: str) -> bool:
    """True for ``Nr | Ärende | Dnr``, ``NR  ÄRENDE  DIARIENUMMER``, ``§ Rubrik
    Föredragande``; False for a section heading, an agenda row or a sentence."""
    if len(line) > 120 or any(ch.isdigit() for ch in line):
        return False
    words = _words(line)
    if len(words) < 2:
        return False
    # most[i]: the most column names that cover words[:i] exactly (None: no cover).
    most: list[int | None] = [0] + [None] * len(words)
    for end in range(1, len(words) + 1):
        for size in range(1, min(_LONGEST, end) + 1):
            start = end - size
            if most[start] is None or not _column(tuple(words[start:end])):
                continue
            most[end] = max(most[end] or 0, most[start] + 1)  # type: ignore[operator]
    return most[-1] is not None and most[-1] >= 2
