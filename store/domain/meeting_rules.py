"""What happens to a meeting while it is held: the live screen's rules, without a screen.

Each function changes the model and says what it did; the caller saves and redraws.
Times come from the caller's clock, so the rules are tested without one.
"""

from __future__ import annotations

from datetime import datetime

from .model import ADJUSTER_ROLE, Action, AgendaItem, Decision, Meeting
from .protocol import CHAIR_ROLES, MEETING_KINDS, MEMBER, PROTOCOL

#: Items whose title starts so collect the matters raised at the end: a new item added
#: there becomes one of its sub-items.
OTHER_MATTERS = "övriga frågor"


def _stamp(now: datetime) -> str:
    return now.replace(microsecond=0).isoformat()


def start_item(item: AgendaItem, now: datetime) -> bool:
    """The item is reached for the first time: note when; True when that changed it."""
    if item.started_at is not None:
        return False
    item.started_at = _stamp(now)
    return True


def record_start(meeting: Meeting, now: datetime) -> bool:
    """Live mode reaches an item at `now`: the meeting has begun. Note its actual start
    once; True when that changed it.

    It began when an item was first reached on the meeting's day: the earliest item
    start of that day (one reached before this rule existed counts too), else `now`
    when it is that day (a write-up or a rehearsal on another day has no start).
    Never overwritten here: ending, reopening or opening the meeting again keeps it; the
    secretary corrects it in the meeting's settings (Började)."""
    if meeting.actual_start is not None or meeting.ended:
        return False
    stamps = [stamp for item in meeting.all_items() if (stamp := item.started_at)
              and stamp[:10] == meeting.date]
    if stamps:
        meeting.actual_start = datetime.fromisoformat(min(stamps)).strftime("%H:%M")
    elif now.date().isoformat() == meeting.date:
        meeting.actual_start = now.strftime("%H:%M")
    else:
        return False
    return True


def begin_item(meeting: Meeting, item: AgendaItem, now: datetime) -> bool:
    """Live mode makes `item` the current one: it starts (the first time) and, with the
    first item, the meeting; nothing starts in an ended meeting. True when it changed."""
    if meeting.ended:
        return False
    started = start_item(item, now)
    return record_start(meeting, now) or started


def toggle_done(item: AgendaItem, now: datetime) -> bool:
    """Mark the item done, or open a done item again. True when it is now done."""
    if item.status == "done":
        item.status = "pending"
        item.finished_at = None
        return False
    item.status = "done"
    item.finished_at = _stamp(now)
    return True


def defer(item: AgendaItem, now: datetime, decision_line: str) -> None:
    """Defer the item to the next meeting, with one decision line saying so.

    The line's wording is the caller's (the UI's words); deferring twice never
    writes it twice.
    """
    item.status = "deferred"
    item.finished_at = _stamp(now)
    if not any(d.text == decision_line for d in item.decisions):
        item.decisions.append(Decision(decision_line))


def end(meeting: Meeting, now: datetime, end_time: str, current: AgendaItem | None) -> None:
    """End the meeting at ``end_time``; the item under way when it ended stops then too."""
    meeting.end_meeting(now, end_time)
    if current is not None and current.status == "pending" and current.started_at:
        current.finished_at = current.finished_at or _stamp(now)


def item_seconds(meeting: Meeting, item: AgendaItem, now: datetime) -> int | None:
    """How long the item has been (or was) under way, None when it never started.

    It runs until it is marked done or deferred; in an ended meeting an item left under
    way stopped when the meeting ended (nothing runs on after the end).
    """
    if not item.started_at:
        return None
    try:
        started = datetime.fromisoformat(item.started_at)
        if item.finished_at:
            finished = datetime.fromisoformat(item.finished_at)
        elif meeting.ended:
            finished = datetime.fromisoformat(meeting.ended_at)
        else:
            finished = now
    except ValueError:
        return None
    return max(0, int((finished - started).total_seconds()))


def is_empty_decision(decision: Decision) -> bool:
    return not decision.text.strip()


def is_empty_action(action: Action) -> bool:
    return not (action.text.strip() or action.owner or action.due)


def drop_empty_drafts(meeting: Meeting) -> bool:
    """Remove decisions and actions a dialog left empty (it never finished, the
    program stopped); True when anything was removed."""
    dropped = False
    for item in meeting.all_items():
        decisions = [d for d in item.decisions if not is_empty_decision(d)]
        actions = [a for a in item.actions if not is_empty_action(a)]
        if len(decisions) != len(item.decisions) or len(actions) != len(item.actions):
            item.decisions[:] = decisions
            item.actions[:] = actions
            dropped = True
    return dropped


def collects_other_matters(item: AgendaItem | None) -> bool:
    """True for the "Övriga frågor" item: new matters go in as its sub-items."""
    return item is not None and item.title.casefold().startswith(OTHER_MATTERS)


def add_item_during_meeting(meeting: Meeting, title: str, current: AgendaItem | None,
                            *, as_sub_item: bool) -> AgendaItem:
    """A new item: under ``current`` (as_sub_item), after it, or last when there is none."""
    item = AgendaItem(title)
    if current is None:
        return meeting.add_item(item)
    if as_sub_item:
        return meeting.add_item(item, parent=current.id)
    return meeting.add_item(item, after=current.id)


# -- the meeting's kind (mötesanteckningar / protokoll) --------------------------------


def has_started(meeting: Meeting) -> bool:
    """Under way or over: an item was reached, or the meeting was ended."""
    return meeting.ended or any(item.started_at for item in meeting.all_items())


def kind_can_change(meeting: Meeting) -> bool:
    """The kind is chosen at setup and can be changed until the meeting starts."""
    return not has_started(meeting) and meeting.adjusted is None


KIND_LOCKED = "Mötets typ kan inte ändras när mötet har börjat."


def set_kind(meeting: Meeting, kind: str) -> bool:
    """Make the meeting a protocol or minutes; True when it changed.

    Raises ValueError (KIND_LOCKED) once the meeting has started. Becoming a protocol,
    the roster's decision makers become ledamöter, a chair role written as the role
    becomes the chair role, and those with the role Justerare become the justerare;
    nothing is dropped either way.
    """
    if kind not in MEETING_KINDS:
        raise ValueError(f"Okänd mötestyp: {kind}.")
    if kind == meeting.kind:
        return False
    if not kind_can_change(meeting):
        raise ValueError(KIND_LOCKED)
    meeting.kind = kind
    if kind == PROTOCOL:
        for p in meeting.participants:
            if not p.group and p.decision_maker:
                p.group = MEMBER
            if not p.chair and p.role.casefold() in CHAIR_ROLES:
                p.chair, p.role = p.role.casefold(), ""
        if not meeting.adjusters:
            meeting.adjusters = [p.name for p in meeting.participants
                                 if p.role.casefold() == ADJUSTER_ROLE.casefold() and p.name]
    return True
