"""The first § of an imported mötesbok, from the numbers its agenda gives the ärenden.

A case system numbers a mötesbok's ärenden with the §§ they will get (``181/24``, or
``§ 181`` in front of the line), so a protocol made from it starts at that §. Only when
the numbers can be the §§ (store.domain.paragraphs.consecutive_first: every ärende
numbered, one after the other, case numbers of the meeting's year): otherwise the first
§ is left to continue the series as usual, and the import's summary says why.
"""

from __future__ import annotations

import re

from store.domain.paragraphs import consecutive_first, paragraph_label

from .motesbok_agenda import AgendaEntry

_CASE_RE = re.compile(r"^(\d{1,4})/(\d{2})$")
AS_USUAL = "så första § räknas som vanligt, efter föregående protokoll"


def first_paragraph_of(entries: list[AgendaEntry], date: str) -> tuple[int | None, str]:
    """(first §, a Swedish remark for the summary); (None, "") when the agenda numbers
    its ärenden neither with case numbers nor with §§."""
    if not entries:
        return None, ""
    if any(entry.paragraph is not None for entry in entries):
        numbers = [entry.paragraph for entry in entries]
        what, each = "§-numren", "§-nummer"
        span = (f"§ {numbers[0]}–{numbers[-1]}" if len(numbers) > 1
                else paragraph_label(numbers[0]))
    else:
        cases = [_CASE_RE.match(entry.case_number) for entry in entries]
        if not any(cases):
            return None, ""
        years = {case.group(2) for case in cases if case}
        if all(cases) and years != {date[2:4]}:
            return None, f"ärendenumren är inte från mötets år, {AS_USUAL}"
        numbers = [int(case.group(1)) if case else None for case in cases]
        what, each = "ärendenumren", "ärendenummer"
        span = "–".join(dict.fromkeys((entries[0].case_number, entries[-1].case_number)))
    if any(number is None for number in numbers):
        return None, f"alla ärenden har inte {each}, {AS_USUAL}"
    first = consecutive_first(numbers)
    if first is None:
        return None, f"{what} följer inte på varandra, {AS_USUAL}"
    return first, f"första {paragraph_label(first)} efter {what} ({span})"
