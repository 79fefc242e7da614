"""The protocol's words, in a §, for who came, who left and which ersättare stepped in.

Three things keep a member out of a §, and each is said once, where it happens:
- not there: in the first § of the change, "Siri Dahl (S) lämnar sammanträdet efter
  § 42." / "… ansluter till sammanträdet från § 43." (the first time she comes) /
  "… återkommer till sammanträdet från § 45." (back after leaving);
- jäv: the § 's own Jäv part ("… anmäler jäv och deltar inte i handläggningen.",
  store.domain.protocol_text), so jäv makes no presence sentence and neither does its
  end: one who had jäv in § 43 and left after it "lämnar sammanträdet efter § 43";
- an ersättare serving in her place: "Rut Sjö (S) ersätter Siri Dahl (S) §§ 43–45." in
  the first § of each stretch where she serves for that member, with every § she serves
  for her, unless that is every § of the meeting (the front page says it). A § whose Jäv
  part already says it ("Rut Sjö (S) tjänstgör i stället för …", the § 's recorded
  substitution for a member with jäv) is no part of a stretch.

Computed from who was present and who served per § (store.domain.presence_ties,
store.domain.serving); never stored.
"""

from __future__ import annotations

from typing import Sequence

from .model import Meeting
from .paragraphs import paragraph_label, paragraph_range_text
from .protocol import MEMBER
from .protocol_text import substitute_text
from .serving import Serving
from .text import same_name


def _said_by_jav(meeting: Meeting, k: int, deputy: str, member: str) -> bool:
    """The § 's Jäv part names this ersättare in the member's seat
    (store.domain.protocol_text.conflict_substitute_sentence)."""
    item = meeting.items[k]
    return any(same_name(member, c) for c in item.conflicts) and any(
        same_name(s.by, deputy) and same_name(s.for_, member) for s in item.substitutions)


def presence_sentences(meeting: Meeting, present: Sequence[frozenset[str]],
                       numbers: Sequence[int], k: int) -> list[str]:
    """The members who came or left between the § before and the § at place `k`
    (`present`: per §, the ids of those there)."""
    if k == 0 or k >= len(numbers):
        return []
    lines = []
    for person in meeting.participants:
        if person.group != MEMBER or person.absent or not person.name.strip():
            continue
        before, now = person.id in present[k - 1], person.id in present[k]
        if before and not now:
            lines.append(f"{person.name_with_party()} lämnar sammanträdet efter "
                         f"{paragraph_label(numbers[k - 1])}.")
        elif now and not before:
            back = any(person.id in present[j] for j in range(k - 1))
            verb = "återkommer till" if back else "ansluter till"
            lines.append(f"{person.name_with_party()} {verb} sammanträdet från "
                         f"{paragraph_label(numbers[k])}.")
    return lines


def substitute_sentences(meeting: Meeting, servings: Sequence[Serving],
                         numbers: Sequence[int], k: int) -> list[str]:
    """The ersättare who begin, in the § at place `k`, to serve for a member (one the
    Jäv part names is its own)."""
    if k >= len(numbers):
        return []

    def told_here(j: int, deputy: str, member: str) -> bool:
        return (servings[j].replacing.get(deputy) == member
                and not _said_by_jav(meeting, j, deputy, member))

    lines = []
    for deputy, member in servings[k].replacing.items():
        if not told_here(k, deputy, member) or (k and told_here(k - 1, deputy, member)):
            continue  # the Jäv part's, or said where the stretch began
        served = [n for n, s in zip(numbers, servings) if s.replacing.get(deputy) == member]
        if len(served) == len(numbers):
            continue  # the whole meeting: the front page says it
        lines.append(f"{substitute_text(meeting, deputy, member)} "
                     f"{paragraph_range_text(served)}.")
    return lines
