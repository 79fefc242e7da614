"""The meeting domain model: a meeting, its roster and its tree of agenda items.

Plain dataclasses, no I/O. Item numbers ("1", "4.1") are derived from the position
in the tree and never stored, so moving an item renumbers everything for free.
"""

from __future__ import annotations

import re

import uuid
from dataclasses import InitVar, dataclass, field
from datetime import date as Date
from datetime import datetime
from typing import Iterator

from .attendance import Interval, presence_text
from .protocol import (
    MINUTES,
    PROTOCOL,
    Adjustment,
    AdjustmentLift,
    Motion,
    Posting,
    ProtocolNote,
    Reservation,
    SubstituteChange,
    Substitution,
    Vote,
)

# The rule for which titles are standing items lives in store/domain/standing.py.
from .standing import looks_standing  # noqa: F401 - re-exported
from .text import pattern_on_first_use

ITEM_STATUSES: tuple[str, ...] = ("pending", "done", "deferred")

SECRETARY_ROLE = "Sekreterare"
#: A secretary's title: Sekreterare itself or a compound of it (nämndsekreterare,
#: kommunsekreterare, biträdande mötessekreterare …), as a roster is usually typed.
_SECRETARY_TITLE = pattern_on_first_use(r"sekreterare\b", re.IGNORECASE)


def is_secretary_role(role: str) -> bool:
    """True for a role that makes its holder the meeting's secretary."""
    return bool(_SECRETARY_TITLE().search(role))

#: How a meeting's `unplaced` text (an import's leftovers) is named to the secretary.
UNPLACED_TITLE = "Ej placerad text från importen"
ADJUSTER_ROLE = "Justerare"

#: Roles offered in the roster editor; any free text is allowed too.
STANDARD_ROLES: tuple[str, ...] = (
    "Ordförande",
    SECRETARY_ROLE,
    "Organisatör",
    ADJUSTER_ROLE,
    "Adjungerad",
)


def new_id() -> str:
    """A short random id: unique enough per data directory, short enough to type."""
    return uuid.uuid4().hex[:10]


def now_iso() -> str:
    return datetime.now().replace(microsecond=0).isoformat()


@dataclass
class Participant:
    """One person on the roster: role, presence and, in a protocol, party and group."""

    name: str
    role: str = ""
    decision_maker: bool = False
    absent: bool = False
    # One interval as the JSON's present_from/present_to (docs/FORMAT.md), accepted
    # when building a participant; the truth is `intervals` (see store/domain/attendance.py).
    present_from: InitVar[str | None] = None
    present_to: InitVar[str | None] = None
    id: str = field(default_factory=new_id)
    #: When the participant was there; [] = the whole meeting. Change it through
    #: store.attendance (arrive, leave, set_intervals, clear), which keeps the rules.
    intervals: list[Interval] = field(default_factory=list)
    #: Added during the meeting (a guest): not carried to the next meeting of the series.
    guest: bool = False
    # Protocol roster (store/domain/protocol.py): party letters, ledamot/ersättare/...,
    # chair role, the member an ersättare serves for today, and taking part på distans.
    party: str = ""
    group: str = ""
    chair: str = ""
    substitute_for: str = ""
    remote: bool = False
    #: Changes of `substitute_for` tied to §§ (alt+e in live mode), in § order; the
    #: rules are store/domain/presence_ties.py's.
    substitute_changes: list[SubstituteChange] = field(default_factory=list)

    def __post_init__(self, present_from: str | None, present_to: str | None) -> None:
        if (present_from or present_to) and not self.intervals:
            self.intervals = [Interval(present_from or None, present_to or None)]

    def presence_text(self) -> str:
        """'14:30-15:15', 'från 14:30', 'till 15:15', several joined by ' och ', or ''."""
        return presence_text(self.intervals)

    def name_with_party(self) -> str:
        """'Ann Ek (S)', or the name alone when no party is known."""
        return f"{self.name} ({self.party})" if self.party else self.name


def _first_arrival(self: Participant) -> str | None:
    """The first interval's start: the JSON's `present_from` (docs/FORMAT.md)."""
    return self.intervals[0].start if self.intervals else None


def _last_departure(self: Participant) -> str | None:
    """The last interval's end: the JSON's `present_to` (docs/FORMAT.md)."""
    return self.intervals[-1].end if self.intervals else None


# Read-only summaries under the constructor's names (set after the dataclass is built,
# whose __init__ already holds the InitVars' defaults).
Participant.present_from = property(_first_arrival)  # type: ignore[assignment]
Participant.present_to = property(_last_departure)  # type: ignore[assignment]


def is_overdue(done: bool, due: str | None, today_iso: str) -> bool:
    """The overdue rule, for a model and for a stored row alike: open, with a due date
    (ISO, so strings compare as dates) before today."""
    return not done and bool(due) and due < today_iso  # type: ignore[operator]


@dataclass
class Action:
    """Something to be done: text, owner, due date, and whether it is done."""

    text: str
    due: str | None = None  # ISO date "YYYY-MM-DD"
    owner: str | None = None
    done: bool = False
    done_date: str | None = None  # ISO date the action was ticked done
    id: str = field(default_factory=new_id)
    # Set when this action is a follow-up copy shown in a later meeting: the id of the
    # action it follows up, so ticking it here marks the original done too.
    follows: str | None = None

    def mark_done(self, when: Date | None = None) -> None:
        self.done = True
        self.done_date = (when or Date.today()).isoformat()

    def reopen(self) -> None:
        self.done = False
        self.done_date = None

    def is_overdue(self, today: Date | None = None) -> bool:
        return is_overdue(self.done, self.due, (today or Date.today()).isoformat())


@dataclass
class Decision:
    """One decision taken under an agenda item."""

    text: str
    id: str = field(default_factory=new_id)


@dataclass
class AgendaItem:
    """One agenda item (punkt, or a protocol's ärende) and what was recorded under it."""

    title: str
    presenter: str = ""
    time: str | None = None  # "HH:MM": a set time for the item
    description: str = ""
    background: str = ""  # Ärendebeskrivning
    proposal: str = ""  # Förslag till beslut
    notes: str = ""  # Anteckningar
    actions: list[Action] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    status: str = "pending"
    items: list[AgendaItem] = field(default_factory=list)
    standing: bool = False  # carried to the next meeting of the series
    started_at: str | None = None  # ISO datetime, first time the item was made current
    finished_at: str | None = None  # ISO datetime, when it was marked done/deferred
    id: str = field(default_factory=new_id)
    # -- a protocol's ärende (PROTOCOL.md); decisions are its att-satser -------------
    section: str = ""  # the agenda heading it stands under
    case_number: str = ""  # "181/24" in the mötesbok
    registration_number: str = ""  # diarienummer
    decision_lead: str = ""  # "" = "{body} beslutar"
    basis: list[str] = field(default_factory=list)  # Beslutsunderlag
    send_to: list[str] = field(default_factory=list)  # Beslutet skickas till
    motions: list[Motion] = field(default_factory=list)  # yrkanden
    procedure: str = ""  # Beslutsgång
    votes: list[Vote] = field(default_factory=list)  # omröstningar, in the order held
    reservations: list[Reservation] = field(default_factory=list)
    protocol_notes: list[ProtocolNote] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)  # jäv: names taking no part
    substitutions: list[Substitution] = field(default_factory=list)
    adjusted_immediately: bool = False
    #: Who the meeting chose to lead the § when the ordförande has jäv ('' = not chosen).
    acting_chair: str = ""

    def walk(self) -> Iterator[AgendaItem]:
        """This item and all its sub-items, depth first."""
        yield self
        for child in self.items:
            yield from child.walk()


@dataclass
class Meeting:
    """A meeting: its details, roster and agenda tree."""

    title: str
    date: str  # ISO date
    start: str | None = None
    end: str | None = None
    place: str = ""
    participants: list[Participant] = field(default_factory=list)
    items: list[AgendaItem] = field(default_factory=list)
    series: str = ""  # defaults to the title: meetings of a series follow each other
    id: str = ""
    created_at: str = field(default_factory=now_iso)
    updated_at: str = field(default_factory=now_iso)
    # ISO datetime the meeting was ended (F12); an ended meeting opens read-only until
    # the secretary reopens it, which clears this.
    ended_at: str | None = None
    #: "HH:MM" the meeting actually began (store.domain.meeting_rules.record_start);
    #: `start` stays the planned time, which the next meeting of the series takes over.
    actual_start: str | None = None
    # -- a protocol (PROTOCOL.md; store/domain/protocol.py) ---------------------------
    kind: str = MINUTES
    body: str = ""  # the body's full name
    first_paragraph: int | None = None  # None: continue the series (store.paragraphs)
    adjusters: list[str] = field(default_factory=list)  # justerare, roster names
    adjustment: Adjustment = field(default_factory=Adjustment)
    adjusted: str | None = None  # ISO date of justering: from then on locked
    posting: Posting = field(default_factory=Posting)
    adjustment_lifts: list[AdjustmentLift] = field(default_factory=list)
    #: Text an import found no place for (a mötesbok's stray lines): kept in sight for
    #: the secretary in the agenda editor, to move into an ärende or delete; never an
    #: agenda item, so it is neither numbered nor printed.
    unplaced: str = ""

    @property
    def series_name(self) -> str:
        return self.series or self.title

    @property
    def is_protocol(self) -> bool:
        return self.kind == PROTOCOL

    # -- the agenda tree -------------------------------------------------------

    def walk(self) -> Iterator[tuple[str, int, AgendaItem]]:
        """(number, depth, item) for every item in document order; depth 1 = top."""

        def rec(items: list[AgendaItem], prefix: str, depth: int):
            for index, item in enumerate(items, start=1):
                number = f"{prefix}{index}"
                yield number, depth, item
                yield from rec(item.items, number + ".", depth + 1)

        yield from rec(self.items, "", 1)

    def all_items(self) -> list[AgendaItem]:
        return [item for _, _, item in self.walk()]

    def number_of(self, item_id: str) -> str:
        for number, _, item in self.walk():
            if item.id == item_id:
                return number
        raise KeyError(item_id)

    def find_item(self, item_id: str) -> AgendaItem:
        for _, _, item in self.walk():
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    def siblings_of(self, item_id: str) -> tuple[list[AgendaItem], AgendaItem | None]:
        """The list that holds the item, and the parent item (None at top level)."""

        def rec(items: list[AgendaItem], parent: AgendaItem | None):
            for item in items:
                if item.id == item_id:
                    return items, parent
                found = rec(item.items, item)
                if found:
                    return found
            return None

        found = rec(self.items, None)
        if found is None:
            raise KeyError(item_id)
        return found

    def add_item(
        self,
        item: AgendaItem,
        *,
        after: str | None = None,
        parent: str | None = None,
    ) -> AgendaItem:
        """Add an item after a sibling, as the last child of a parent, or last."""
        if after is not None:
            siblings, _ = self.siblings_of(after)
            index = next(i for i, it in enumerate(siblings) if it.id == after)
            siblings.insert(index + 1, item)
        elif parent is not None:
            self.find_item(parent).items.append(item)
        else:
            self.items.append(item)
        return item

    def remove_item(self, item_id: str) -> AgendaItem:
        siblings, _ = self.siblings_of(item_id)
        index = next(i for i, it in enumerate(siblings) if it.id == item_id)
        return siblings.pop(index)

    def move_item(self, item_id: str, offset: int) -> bool:
        """Move an item up (-1) or down (+1) among its siblings; False at an edge."""
        siblings, _ = self.siblings_of(item_id)
        index = next(i for i, it in enumerate(siblings) if it.id == item_id)
        target = index + offset
        if not 0 <= target < len(siblings):
            return False
        siblings[index], siblings[target] = siblings[target], siblings[index]
        return True

    def indent_item(self, item_id: str) -> bool:
        """Make the item the last sub-item of the sibling above it."""
        siblings, _ = self.siblings_of(item_id)
        index = next(i for i, it in enumerate(siblings) if it.id == item_id)
        if index == 0:
            return False
        item = siblings.pop(index)
        siblings[index - 1].items.append(item)
        return True

    def outdent_item(self, item_id: str) -> bool:
        """Move a sub-item up one level, right after its former parent."""
        siblings, parent = self.siblings_of(item_id)
        if parent is None:
            return False
        index = next(i for i, it in enumerate(siblings) if it.id == item_id)
        item = siblings.pop(index)
        # Later siblings become the moved item's children, so the order reads the same.
        item.items.extend(siblings[index:])
        del siblings[index:]
        grand_siblings, _ = self.siblings_of(parent.id)
        parent_index = next(i for i, it in enumerate(grand_siblings) if it.id == parent.id)
        grand_siblings.insert(parent_index + 1, item)
        return True

    # -- roster ------------------------------------------------------------------

    def find_participant(self, name: str) -> Participant | None:
        wanted = name.casefold()
        return next((p for p in self.participants if p.name.casefold() == wanted), None)

    def decision_makers(self) -> list[Participant]:
        return [p for p in self.participants if p.decision_maker and not p.absent]

    def secretary(self) -> Participant | None:
        """The meeting's secretary (present first: an absent one was replaced)."""
        holders = [p for p in self.participants if is_secretary_role(p.role)]
        return next((p for p in holders if not p.absent), holders[0] if holders else None)

    def present(self) -> list[Participant]:
        return [p for p in self.participants if not p.absent]

    def absent(self) -> list[Participant]:
        return [p for p in self.participants if p.absent]

    # -- actions -----------------------------------------------------------------

    def actions(self) -> Iterator[tuple[str, AgendaItem, Action]]:
        """(item number, item, action) for every action in the meeting."""
        for number, _, item in self.walk():
            for action in item.actions:
                yield number, item, action

    def open_actions(self) -> list[Action]:
        return [action for _, _, action in self.actions() if not action.done]

    def find_action(self, action_id: str) -> tuple[AgendaItem, Action]:
        for _, item, action in self.actions():
            if action.id == action_id:
                return item, action
        raise KeyError(action_id)

    def first_open_item(self) -> AgendaItem | None:
        return next((item for item in self.all_items() if item.status == "pending"), None)

    def touch(self) -> None:
        self.updated_at = now_iso()

    # -- ending and reopening ------------------------------------------------------

    @property
    def shown_start(self) -> str | None:
        """The start a document shows: the actual one when known, else the planned one
        (`end` is the actual end once the meeting is ended, else the planned one)."""
        return self.actual_start or self.start

    @property
    def ended(self) -> bool:
        return self.ended_at is not None

    @property
    def lifted_since_ended(self) -> bool:
        """A "häv justering" was recorded after the meeting ended: the protocol is open
        for changes while the meeting stays over (its end time and clocks stand)."""
        return self.ended and any(lift.at >= self.ended_at for lift in self.adjustment_lifts)

    @property
    def locked(self) -> bool:
        """Read-only: an ended meeting (until reopened, or until a häv justering opens
        its protocol for changes) or an adjusted protocol (until a recorded "häv
        justering", store/domain/adjustment.py)."""
        if self.adjusted is not None:
            return True
        return self.ended and not self.lifted_since_ended

    def end_meeting(self, when: datetime, end_time: str | None = None) -> None:
        """Ended now: the end time (as offered, or the clock's) and the end stamp."""
        self.end = end_time or when.strftime("%H:%M")
        self.ended_at = when.replace(microsecond=0).isoformat()

    def reopen(self) -> None:
        """Open an ended meeting for changes again; the end time stays until the next end."""
        self.ended_at = None
