"""The words of a mötesbok, recognised the way a secretary's papers spell them.

Labels in tjänsteskrivelser are typed by hand: ``Dnr:``, ``Diariennr:``, ``Diarienumr:``,
``diarienum``, ``DIARIENUMMER``, ``Diarie nr.``. One tolerant rule per kind of line:

- `registration_number`: a diarienummer label followed by a value like ``KS-2024/00361``
  and nothing else; the label is any word that starts with ``d`` and is, letter runs
  collapsed, a subsequence of ``diarienummer`` (``dnr``, ``diariennr``, ``diarenr``,
  ``dr``), or within two edits of one of the usual spellings (``dairienummer``). The
  value's shape is what makes so loose a label safe;
- `section_label`: ``Förslag till beslut``, ``Ärendebeskrivning``, ``Beslutsunderlag`` …
  alone on a line (a colon and text may follow), within one or two typing errors;
- `case_number_line`: an agenda line ``181/24 Titel`` (optionally numbered ``3.`` or
  ``§ 41``, which `paragraph_prefix` reads);
- `is_paper_marker`: the ``Tjänsteskrivelse`` line that opens a tjänsteskrivelse.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: A diarienummer value: ``KS-2024/00361``, ``KS 2024/361``, ``BUN.2023.0012``, ``2024/361``.
_DNR_VALUE = r"(?:[A-ZÅÄÖ]{1,8}(?:[-/][A-ZÅÄÖ]{1,8})?\s?[-. ]?\s?)?\d{4}[/.-]\d{1,6}(?:[-.]\d{1,4})?"
_DNR_VALUE_RE = re.compile(r"(" + _DNR_VALUE + r")\s*(?:[,;].*)?", re.I)
_DNR_DIGITS_RE = re.compile(r"\d{4}[/.-]\d")
_OWNER_RE = re.compile(r"^(?:vårt|ert|ärendets)\s+", re.I)
_LABEL_END_RE = re.compile(r"[:.]|\s+")
#: The usual spellings; a label within two slips of one (runs collapsed) is one too.
_DNR_FORMS = ("dnr", "diarienr", "diariennr", "diarienummer", "diarienum", "diarienumr")
_DNR_LETTERS = "diarienumer"  # "diarienummer" with its double m collapsed


def _collapse(word: str) -> str:
    """Runs of one letter as one: ``diariennr`` -> ``diarienr``."""
    return re.sub(r"(.)\1+", r"\1", word)


def _is_subsequence(small: str, big: str) -> bool:
    it = iter(big)
    return all(ch in it for ch in small)


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Damerau-Levenshtein: a letter left out, added, changed, or two letters swapped,
    also where another slip stands between them (``diarienr`` -> ``diaernr`` is two).
    Past `limit` only "more than limit" is told."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    far = len(a) + len(b)
    d = [[far] * (len(b) + 2)] + [[far] + [0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i + 1][1] = i
    for j in range(len(b) + 1):
        d[1][j + 1] = j
    last_row: dict[str, int] = {}
    for i in range(1, len(a) + 1):
        last_col = 0
        for j in range(1, len(b) + 1):
            i1, j1 = last_row.get(b[j - 1], 0), last_col
            cost = 0 if a[i - 1] == b[j - 1] else 1
            if cost == 0:
                last_col = j
            d[i + 1][j + 1] = min(
                d[i][j] + cost,
                d[i + 1][j] + 1,
                d[i][j + 1] + 1,
                d[i1][j1] + (i - i1 - 1) + 1 + (j - j1 - 1),
            )
        last_row[a[i - 1]] = i
    return min(d[len(a) + 1][len(b) + 1], limit + 1)


def is_dnr_label(label: str) -> bool:
    """``Dnr``, ``Diariennr``, ``D.nr``, ``diarie nummer``, ``Dairienummer`` …"""
    word = re.sub(r"[\s.]", "", label).casefold()
    if len(word) < 2 or len(word) > 16 or not word.startswith("d"):
        return False
    short = _collapse(word)
    if _is_subsequence(short, _DNR_LETTERS):
        return True
    # Both as typed and with letter runs collapsed: a doubled letter is no slip, but
    # two swaps across "mm" ("diarieumnmer") are two slips of the uncollapsed form.
    return any(
        min(edit_distance(short, _collapse(form), 2), edit_distance(word, form, 2))
        <= (1 if len(form) <= 5 else 2)
        for form in _DNR_FORMS
    )


def registration_number(line: str) -> str | None:
    """The diarienummer on a labelled line (``Diariennr: KS-2024/00361``), else None."""
    if len(line) > 90 or not _DNR_DIGITS_RE.search(line):
        return None  # quick: no value on the line
    text = _OWNER_RE.sub("", line.strip())
    if len(text) > 80 or not text[:1].isalpha():
        return None
    # The label ends at a colon, a full stop or a space; try each within reach (a
    # label may hold a space, "Diarie nr", and a value may start with letters, "KS").
    for end in _LABEL_END_RE.finditer(text, 0, 20):
        label, rest = text[: end.start()], text[end.start():].lstrip(" \t:.")
        value = _DNR_VALUE_RE.fullmatch(rest)
        if value and is_dnr_label(label):
            return " ".join(value.group(1).split())
    return None


def bare_registration_number(cell: str) -> str | None:
    """A table cell that holds only a diarienummer (an agenda table's Dnr column)."""
    value = _DNR_VALUE_RE.fullmatch(cell.strip())
    if value is None or not _DNR_DIGITS_RE.search(cell):
        return None
    return " ".join(value.group(1).split())


# -- section labels --------------------------------------------------------------------

#: Label spellings per field (casefolded, no colon). One truth for the parser.
SECTION_LABELS: dict[str, tuple[str, ...]] = {
    "proposal": ("förslag till beslut", "beslutsförslag", "förslag till nämndens beslut",
                 "förslag till kommunstyrelsens beslut", "förslag till utskottets beslut"),
    "background": ("ärendebeskrivning", "bakgrund", "beskrivning av ärendet",
                   "sammanfattning", "sammanfattning av ärendet", "ärendet"),
    "basis": ("beslutsunderlag", "handlingar", "underlag"),
    "responsible": ("beredningsansvariga", "beredningsansvarig", "handläggare",
                    "ansvarig handläggare"),
    "send_to": ("beslutet ska skickas till", "beslutet skickas till", "beslut skickas till",
                "beslutet ska sändas till", "expedieras till", "sändlista", "expediering"),
}
_LABEL_OF = {label: kind for kind, labels in SECTION_LABELS.items() for label in labels}
_LABEL_LINE_RE = re.compile(r"^\s*([A-Za-zÅÄÖåäöÉé][A-Za-zÅÄÖåäöÉé /-]{2,44}?)\s*(?::\s*(.*))?$")


@lru_cache(maxsize=4096)
def _near_label(word: str) -> str | None:
    """The field of a long label within two typing errors (same first letter)."""
    if len(word) < 10:
        return None
    for label, kind in _LABEL_OF.items():
        if len(label) >= 10 and label[0] == word[0] and edit_distance(word, label, 2) <= 2:
            return kind
    return None


def section_label(line: str) -> tuple[str, str] | None:
    """(field, text after a colon) for a label line, e.g. ``Beslutsunderlag:`` ->
    ("basis", ""); a typing error or two in a long label is forgiven."""
    if len(line) > 48 and ":" not in line[:48]:
        return None  # quick: longer than any label, and no colon after one
    match = _LABEL_LINE_RE.match(line)
    if not match:
        return None
    word = " ".join(match.group(1).split()).casefold()
    rest = (match.group(2) or "").strip()
    kind = _LABEL_OF.get(word) or _near_label(word)
    if kind is None:
        return None
    return kind, rest


# -- agenda and paper lines --------------------------------------------------------------

CASE_NUMBER = r"\d{1,4}/\d{2}"
_CASE_LINE_RE = re.compile(
    r"^\s*(?:(?:\d{1,3}[.)]|§\s*\d{1,4})\s+)?(" + CASE_NUMBER + r")(?:[\s|]+(\S.*?))?\s*$"
)
_NUMBERED_LINE_RE = re.compile(r"^\s*(?:(\d{1,3})[.)]|§\s*(\d{1,5}))\s+(\S.*?)\s*$")
_PARAGRAPH_PREFIX_RE = re.compile(r"^\s*§\s*(\d{1,5})\b")
_PAPER_MARKER_RE = re.compile(r"^\s*tjänsteskrivelse\b\s*(.*)$", re.I)
_SEPARATOR_RE = re.compile(r"^\s*ärende\s+(" + CASE_NUMBER + r")\s*$", re.I)


def case_number_line(line: str) -> tuple[str, str] | None:
    """``181/24 Medfinansiering: X`` -> ("181/24", "Medfinansiering: X")."""
    match = _CASE_LINE_RE.match(line)
    if not match:
        return None
    return match.group(1), (match.group(2) or "").strip(" |")


def numbered_line(line: str) -> tuple[str, str] | None:
    """``3. Titel`` -> ("3", "Titel"), ``§ 41 Titel`` -> ("41", "Titel"): an agenda
    without case numbers."""
    match = _NUMBERED_LINE_RE.match(line)
    return (match.group(1) or match.group(2), match.group(3)) if match else None


def paragraph_prefix(line: str) -> int | None:
    """The § an agenda line gives its ärende (``§ 41 181/24 Titel``, ``§41 Titel``)."""
    match = _PARAGRAPH_PREFIX_RE.match(line)
    return int(match.group(1)) if match else None


def separator_case(line: str) -> str | None:
    """``Ärende 181/24`` alone on a line: a cover sheet naming the ärende that follows."""
    if line.lstrip()[:1] not in ("ä", "Ä"):
        return None
    match = _SEPARATOR_RE.match(line)
    return match.group(1) if match else None


def is_paper_marker(line: str) -> bool:
    """``TJÄNSTESKRIVELSE`` / ``Tjänsteskrivelse 2024-05-02``: a tjänsteskrivelse starts
    (but not a long sentence that starts with the word)."""
    if line.lstrip()[:1] not in ("t", "T"):
        return False
    match = _PAPER_MARKER_RE.match(line)
    return bool(match) and len(match.group(1)) <= 40


def is_uppercase_marker(line: str) -> bool:
    return is_paper_marker(line) and line.strip().split()[0].isupper()


# -- page furniture ----------------------------------------------------------------------

_PAGE_NUMBER_RE = re.compile(
    r"^\s*(?:(?:sida|sid\.?|page)\s*\d{1,4}\s*(?:\(\s*\d{1,4}\s*\)|(?:av|of|/)\s*\d{1,4})?"
    r"|\d{1,4}\s*\(\s*\d{1,4}\s*\)|\d{1,4}\s*/\s*\d{1,4}|[-–]\s*\d{1,4}\s*[-–])\s*$",
    re.I,
)


def is_page_number(line: str) -> bool:
    """``Sida 3 (12)``, ``Sida 3 av 12``, ``3(12)``, ``3/12``, ``- 3 -``."""
    return bool(_PAGE_NUMBER_RE.match(line))


def is_label_line(line: str) -> bool:
    """A line the parser needs: never taken for a repeated page header."""
    return (
        section_label(line) is not None
        or registration_number(line) is not None
        or is_paper_marker(line)
    )
