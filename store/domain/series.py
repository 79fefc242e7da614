"""The next meeting of a series, made from the previous one ("Nytt möte i serien").

What is carried, and how it is reset:

- title, series, place, start and end time: as last time; but not the end time of a
  meeting ended with F12 (that is when it really ended, not the planned end).
- the roster: the same people, roles and decision makers, everyone present for the
  whole meeting again (absent / from / to cleared).
- standing items (``AgendaItem.standing``): title, presenter, set time and the agenda
  texts (description, background, proposal) kept, in the agenda's own wording ("Mötets
  öppnande" stays "Mötets öppnande"). A meeting that marked no item standing has its
  usual opening and closing items taken as standing (`store.domain.standing`).
- items deferred last time (status "deferred"), and the unfinished sub-items of a
  deferred item: carried as pending with their agenda
  texts (presenter, description, background, proposal) and attachments, since the same
  papers are discussed again; the set time is cleared (it was that day's schedule).
- for every carried item: notes, decisions and actions are NOT carried. They belong to
  the minutes of the meeting where they were written, which keep showing them; the open
  actions come back as follow-ups instead (below). Status is pending, times cleared.
- an item that is neither standing nor deferred but holds a carried sub-item comes
  along as a bare heading (title only) so the sub-item keeps its place.
- every open action of the series (any earlier meeting, not only the last one) is
  copied into the item for the previous minutes (a top-level item that
  `store.domain.standing` recognises as such, whatever its wording; "Föregående
  mötesanteckningar" is made after the opening items when missing) as
  ``Action(text, due, owner, follows=<original id>)``; ticking a copy done
  with `store.persistence.action_done.set_action_done` marks the original done everywhere.

Everything gets fresh ids. The meeting is returned unsaved; `MeetingStore.add` stores it.
Reading the series' open actions from the store is store.persistence.series's job.
"""

from __future__ import annotations

from typing import Iterable

from .action_rows import ActionRow, sort_key
from .protocol import Adjustment, Posting
from .model import Action, AgendaItem, Meeting, Participant
from .standing import looks_standing, standing_kind

PREVIOUS_MINUTES_TITLE = "Föregående mötesanteckningar"
#: Kinds of standing item that come before the previous minutes on an agenda.
OPENING_KINDS = ("opening", "election", "agenda")


def next_meeting(previous: Meeting, date: str, open_actions: Iterable[ActionRow]) -> Meeting:
    """A new, unsaved meeting of `previous`'s series held on `date` (ISO), with a
    follow-up copy of each of `open_actions` (the series' open actions, see
    `open_once`)."""
    meeting = Meeting(
        title=previous.title,
        date=date,
        start=previous.start,
        end=None if previous.ended else previous.end,
        place=previous.place,
        series=previous.series_name,
        participants=[
            # The roster is the series': party, group and chair role carry over; who
            # is on distance or substitutes is the day's.
            Participant(p.name, role=p.role, decision_maker=p.decision_maker,
                        party=p.party, group=p.group, chair=p.chair)
            for p in previous.participants
            if not p.guest  # a guest came to this meeting only
        ],
        items=_carried(previous.items, conventional=not any(
            item.standing for item in previous.all_items())),
        kind=previous.kind,
        body=previous.body,
        adjustment=Adjustment(place=previous.adjustment.place),
        posting=Posting(archive=previous.posting.archive),
    )
    follow_ups = [
        Action(row.text, due=row.due, owner=row.owner, follows=row.root_id)
        for row in open_actions
    ]
    if follow_ups:
        _previous_minutes_item(meeting).actions.extend(follow_ups)
    return meeting


def open_once(rows: Iterable[ActionRow]) -> list[ActionRow]:
    """The open actions among the rows of a series, once each, sorted by due date."""
    rows = list(rows)
    # An action and its copies are one action: it is open only if none is ticked done.
    done_roots = {row.root_id for row in rows if row.done}
    by_root: dict[str, ActionRow] = {}
    for row in rows:
        if row.root_id in done_roots:
            continue
        current = by_root.get(row.root_id)
        # Prefer the original (where it was decided); else the latest copy.
        if current is None or (current.follows and not row.follows):
            by_root[row.root_id] = row
        elif current.follows and (row.meeting_date, row.meeting_id) > (
            current.meeting_date,
            current.meeting_id,
        ):
            by_root[row.root_id] = row
    return sorted(by_root.values(), key=sort_key)


def _carried(
    items: list[AgendaItem], *, in_deferred: bool = False, conventional: bool = False
) -> list[AgendaItem]:
    """The items the next meeting takes over; `in_deferred`: under a deferred item,
    whose unfinished sub-items are deferred with it. `conventional`: the previous
    meeting marked no item standing (typed in, or imported from JSON), so the usual
    opening and closing items (Mötet öppnas, Övriga frågor...) are taken as standing."""
    out = []
    for item in items:
        deferred = item.status == "deferred" or (in_deferred and item.status != "done")
        children = _carried(item.items, in_deferred=deferred)
        standing = item.standing or (conventional and looks_standing(item.title))
        if standing or deferred:
            out.append(_carried_item(item, children, standing=bool(standing)))
        elif children:
            out.append(AgendaItem(item.title, items=children))
    return out


def _carried_item(item: AgendaItem, children: list[AgendaItem], *, standing: bool) -> AgendaItem:
    """The copy of a carried item: its agenda texts; a standing item keeps its set time
    (the same slot every meeting), a deferred one its attachments (the same papers)."""
    return AgendaItem(
        item.title,
        presenter=item.presenter,
        time=item.time if standing else None,
        description=item.description,
        background=item.background,
        proposal=item.proposal,
        attachments=[] if standing else list(item.attachments),
        standing=standing,
        items=children,
    )


def _previous_minutes_item(meeting: Meeting) -> AgendaItem:
    """The item for the follow-up of open actions, made when missing."""
    # "Föregående mötesanteckningar", "Föregående minnesanteckningar", "Föregående
    # mötes protokoll"...: whatever this agenda calls it, it is the same item.
    for item in meeting.items:
        if standing_kind(item.title) == "previous_minutes":
            return item
    item = AgendaItem(PREVIOUS_MINUTES_TITLE, standing=True)
    # After the opening run (öppnande, val av justerare, dagordningen), in any wording.
    opening = None
    for candidate in meeting.items:
        if standing_kind(candidate.title) not in OPENING_KINDS:
            break
        opening = candidate
    if opening is not None:
        meeting.add_item(item, after=opening.id)
    else:
        meeting.items.insert(0, item)
    return item
