"""The roster line and live mode's changes of a tjänstgörande ersättare, kept in step.

The roster line (setup) says whom an ersättare serves for from the first §: it is the
state at the start of the meeting, and editing it changes only that. The changes made in
live mode (alt+e: a `SubstituteChange` from a later § on) stay when the line is edited —
nothing typed is lost, not even by a half-typed line — but a change counts only while it
still makes sense against the roster (`change_counts`, read by presence_ties.substitute_at):

- only an ersättare's changes count (a line that makes them something else sets them aside);
- a change ties to a § after the first (the first § is the line's);
- a change names a ledamot of the roster, or nobody, and never the ersättare themself.

Setup shows the changes under the line, and says which of them do not count and why.
"""

from __future__ import annotations

from .model import Meeting, Participant
from .protocol import DEPUTY, MEMBER, SubstituteChange


def _key(name: str) -> str:
    return name.strip().casefold()


def _why_not(meeting: Meeting, deputy: Participant, change: SubstituteChange,
             order: dict[str, int]) -> str:
    """'' when the change counts; else a few Swedish words why not."""
    if deputy.group != DEPUTY:
        return "bara en ersättare ersätter"
    if order.get(change.from_item, 0) == 0:
        return "första § följer raden"
    who = _key(change.for_)
    if not who:
        return ""
    if who == _key(deputy.name):
        return "kan inte ersätta sig själv"
    if who not in {_key(p.name) for p in meeting.participants if p.group == MEMBER}:
        return "inte ledamot i listan"
    return ""


def change_counts(meeting: Meeting, deputy: Participant, change: SubstituteChange,
                  order: dict[str, int]) -> bool:
    """The change holds from its § on (`order`: presence_ties.positions)."""
    return not _why_not(meeting, deputy, change, order)


def later_changes_text(meeting: Meeting, deputy: Participant) -> str:
    """For setup's hint under the line: '' without changes, else 'Raden gäller från första
    §; i mötesläget: för Bo Lind från ”Budget 2032”, ingen från ”Parken” (räknas inte:
    inte ledamot i listan).'"""
    order = {item.id: index for index, item in enumerate(meeting.items)}
    titles = {item.id: item.title for item in meeting.items}
    said = []
    for change in deputy.substitute_changes:
        if change.from_item not in titles:
            continue  # its ärende is gone: it never counts and says nothing
        text = (f"för {change.for_}" if change.for_ else "ingen") + \
            f" från ”{titles[change.from_item]}”"
        why = _why_not(meeting, deputy, change, order)
        said.append(f"{text} (räknas inte: {why})" if why else text)
    if not said:
        return ""
    return "Raden gäller från första §; i mötesläget: " + ", ".join(said) + "."
