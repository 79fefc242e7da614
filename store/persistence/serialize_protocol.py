"""The protocol's keys of the JSON format (docs/FORMAT.md, "Protocol"), written and read
beside the minutes' keys of serialize.py.

A minutes meeting writes a protocol key only when it holds something, so its file stays as
it was before protocols existed; a protocol writes every key. Reading validates each key
with serialize.py's reader (passed in as `r`) and names the field on the first problem.
"""

from __future__ import annotations

from typing import Any

from ..domain.model import AgendaItem, Meeting, Participant
from ..domain.protocol import (
    BALLOT_NO,
    BALLOT_YES,
    BALLOTS,
    DEFAULT_RESERVATION_TEXT,
    GROUPS,
    MEETING_KINDS,
    MINUTES,
    MOTION_KINDS,
    Adjustment,
    AdjustmentLift,
    Motion,
    Posting,
    ProtocolNote,
    Reservation,
    SubstituteChange,
    Substitution,
    VOTE_KINDS,
    VOTE_MAIN,
    VOTE_REFERRAL,
    Vote,
)

MEETING_KEYS = {
    "kind", "body", "first_paragraph", "adjusters", "adjustment", "adjusted", "posting",
    "adjustment_lifts", "unplaced",
}
PARTICIPANT_KEYS = {"party", "group", "chair", "substitute_for", "remote", "substitute_changes"}
ITEM_KEYS = {
    "section", "case_number", "registration_number", "decision_lead", "basis", "send_to",
    "motions", "procedure", "vote", "votes", "reservations", "protocol_notes", "conflicts",
    "substitutions", "adjusted_immediately", "acting_chair",
}

_ADJUSTMENT_KEYS = {"place", "date", "time"}
_POSTING_KEYS = {"from", "to", "archive"}
_LIFT_KEYS = {"at", "why", "adjusted"}
_MOTION_KEYS = {"by", "kind", "text", "supporters"}
_VOTE_KEYS = {"question", "ballots", "result", "yes", "no", "casting_vote", "kind"}
_RESERVATION_KEYS = {"by", "text"}
_NOTE_KEYS = {"by", "text"}
_SUBSTITUTION_KEYS = {"by", "for"}
_CHANGE_KEYS = {"from_item", "for"}

#: Largest § number accepted: far beyond any body's year, small enough to print.
MAX_PARAGRAPH = 99_999


# -- writing -----------------------------------------------------------------------------


def _kept(values: dict[str, Any], full: bool) -> dict[str, Any]:
    """All keys for a protocol; for a minutes meeting only those that hold something."""
    if full:
        return values
    return {k: v for k, v in values.items() if v not in ("", None, False, [], {})}


def meeting_keys(m: Meeting) -> dict[str, Any]:
    full = m.is_protocol
    adjustment = {"place": m.adjustment.place, "date": m.adjustment.date,
                  "time": m.adjustment.time}
    posting = {"from": m.posting.from_, "to": m.posting.to, "archive": m.posting.archive}
    values = {
        "kind": m.kind,
        "body": m.body,
        "first_paragraph": m.first_paragraph,
        "adjusters": list(m.adjusters),
        "adjustment": adjustment if full or any(adjustment.values()) else None,
        "adjusted": m.adjusted,
        "posting": posting if full or any(posting.values()) else None,
        "adjustment_lifts": [
            {"at": lift.at, "why": lift.why, "adjusted": lift.adjusted}
            for lift in m.adjustment_lifts
        ],
        "unplaced": m.unplaced,
    }
    kept = _kept(values, full)
    if not full:
        del kept["kind"]  # the default: a minutes file stays as it always was
    return kept


def participant_keys(p: Participant, full: bool) -> dict[str, Any]:
    return _kept(
        {"party": p.party, "group": p.group, "chair": p.chair,
         "substitute_for": p.substitute_for, "remote": p.remote},
        full,
    ) | ({"substitute_changes": [{"from_item": c.from_item, "for": c.for_}
                                 for c in p.substitute_changes]}
         if p.substitute_changes else {})


def item_keys(item: AgendaItem, full: bool) -> dict[str, Any]:
    return _kept(
        {
            "section": item.section,
            "case_number": item.case_number,
            "registration_number": item.registration_number,
            "decision_lead": item.decision_lead,
            "basis": list(item.basis),
            "send_to": list(item.send_to),
            "motions": [_motion_keys(m) for m in item.motions],
            "procedure": item.procedure,
            **_votes_keys(item.votes),
            "reservations": [{"by": list(r.by), "text": r.text} for r in item.reservations],
            "protocol_notes": [{"by": n.by, "text": n.text} for n in item.protocol_notes],
            "conflicts": list(item.conflicts),
            "substitutions": [{"by": s.by, "for": s.for_} for s in item.substitutions],
            "adjusted_immediately": item.adjusted_immediately,
        },
        full,
    ) | ({"acting_chair": item.acting_chair} if item.acting_chair else {})  # only when chosen


def _motion_keys(motion: Motion) -> dict[str, Any]:
    """A yrkande; who instämmer (our own key) only when someone does."""
    keys: dict[str, Any] = {"by": motion.by, "kind": motion.kind, "text": motion.text}
    if motion.supporters:
        keys["supporters"] = list(motion.supporters)
    return keys


def _votes_keys(votes: list[Vote]) -> dict[str, Any]:
    """A § 's votes: one under PROTOCOL.md's `vote` (null when none), as the spec names
    it; several, in the order held, under our own `votes` (a list of the same objects)."""
    if len(votes) > 1:
        return {"votes": [_vote_keys(v) for v in votes]}
    return {"vote": _vote_keys(votes[0]) if votes else None}


def _vote_keys(vote: Vote) -> dict[str, Any]:
    """The vote and what it is on (our own key `kind`, always: a file without it is read
    as written before, see _kind_before_kinds); its sides and casting vote (our own keys)
    only when recorded."""
    keys: dict[str, Any] = {
        "question": vote.question, "ballots": dict(vote.ballots), "result": vote.result,
        "kind": vote.kind,
    }
    if vote.yes is not None:
        keys["yes"] = vote.yes
    if vote.no is not None:
        keys["no"] = vote.no
    if vote.casting:
        keys["casting_vote"] = vote.casting
    return keys


# -- reading -------------------------------------------------------------------------------
# `r` is serialize._Reader: its text/flag/date/time/array/texts/keys/obj helpers.


def _error(field: str, problem: str) -> Exception:
    from .serialize import MeetingFormatError

    return MeetingFormatError(field, problem)


def _choice(r, obj: dict, key: str, where: str, allowed: tuple[str, ...]) -> str:
    value = r.text(obj, key, where, nullable=True) or ""
    if value and value not in allowed:
        if r.strict:
            raise _error(r._name(where, key),
                         f"okänt värde {value!r}, tillåtna: {', '.join(allowed)}")
        return ""
    return value


def _objects(r, obj: dict, key: str, where: str, allowed: set[str]):
    """(where, object) for each entry of a list of objects, keys checked."""
    for i, value in enumerate(r.array(obj, key, where)):
        at = f"{r._name(where, key)}[{i}]"
        entry = r.obj(value, at)
        r.keys(entry, allowed, at)
        yield at, entry


def _sub_object(r, obj: dict, key: str, allowed: set[str]) -> tuple[str, dict]:
    value = obj.get(key)
    if value is None:
        return key, {}
    entry = r.obj(value, key)
    r.keys(entry, allowed, key)
    return key, entry


def read_meeting(r, obj: dict, meeting: Meeting) -> None:
    meeting.kind = _choice(r, obj, "kind", "", MEETING_KINDS) or MINUTES
    meeting.body = r.text(obj, "body", "", nullable=True) or ""
    meeting.first_paragraph = _paragraph(r, obj)
    meeting.adjusters = r.texts(obj, "adjusters", "")
    at, entry = _sub_object(r, obj, "adjustment", _ADJUSTMENT_KEYS)
    meeting.adjustment = Adjustment(
        place=r.text(entry, "place", at, nullable=True) or "",
        date=r.date(entry, "date", at),
        time=r.time(entry, "time", at),
    )
    meeting.adjusted = r.date(obj, "adjusted", "")
    at, entry = _sub_object(r, obj, "posting", _POSTING_KEYS)
    meeting.posting = Posting(
        from_=r.date(entry, "from", at),
        to=r.date(entry, "to", at),
        archive=r.text(entry, "archive", at, nullable=True) or "",
    )
    if r.strict and meeting.posting.from_ and meeting.posting.to and (
            meeting.posting.to < meeting.posting.from_):
        raise _error("posting.to", "anslaget kan inte tas ned innan det sätts upp")
    meeting.adjustment_lifts = [
        AdjustmentLift(
            at=r.timestamp(entry, "at", where) or "",
            why=r.text(entry, "why", where, nullable=True) or "",
            adjusted=r.date(entry, "adjusted", where) or "",
        )
        for where, entry in _objects(r, obj, "adjustment_lifts", "", _LIFT_KEYS)
    ]
    meeting.unplaced = r.text(obj, "unplaced", "", nullable=True) or ""


def _paragraph(r, obj: dict) -> int | None:
    value = obj.get("first_paragraph")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_PARAGRAPH:
        if r.strict:
            raise _error("first_paragraph", f"ska vara ett heltal 1–{MAX_PARAGRAPH}")
        return None
    return value


def read_participant(r, obj: dict, where: str, participant: Participant) -> None:
    participant.party = r.text(obj, "party", where, nullable=True) or ""
    participant.group = _choice(r, obj, "group", where, GROUPS)
    participant.chair = r.text(obj, "chair", where, nullable=True) or ""
    participant.substitute_for = r.text(obj, "substitute_for", where, nullable=True) or ""
    participant.remote = r.flag(obj, "remote", where)
    participant.substitute_changes = [
        SubstituteChange(r.text(entry, "from_item", at, required=True),
                         r.text(entry, "for", at, nullable=True) or "")
        for at, entry in _objects(r, obj, "substitute_changes", where, _CHANGE_KEYS)
    ]


def read_item(r, obj: dict, where: str, item: AgendaItem) -> None:
    for key in ("section", "case_number", "registration_number", "decision_lead", "procedure",
                "acting_chair"):
        setattr(item, key, r.text(obj, key, where, nullable=True) or "")
    item.basis = r.texts(obj, "basis", where)
    item.send_to = r.texts(obj, "send_to", where)
    item.conflicts = r.texts(obj, "conflicts", where)
    item.adjusted_immediately = r.flag(obj, "adjusted_immediately", where)
    item.motions = [
        Motion(
            by=r.text(entry, "by", at, required=True),
            kind=_choice(r, entry, "kind", at, MOTION_KINDS) or "annat",
            text=r.text(entry, "text", at, nullable=True) or "",
            supporters=r.texts(entry, "supporters", at),
        )
        for at, entry in _objects(r, obj, "motions", where, _MOTION_KEYS)
    ]
    item.votes = _votes(r, obj, where, item.motions)
    item.procedure = _without_told_result(item.procedure, item.votes)
    item.reservations = [
        Reservation(
            by=r.texts(entry, "by", at),
            text=r.text(entry, "text", at, nullable=True) or DEFAULT_RESERVATION_TEXT,
        )
        for at, entry in _objects(r, obj, "reservations", where, _RESERVATION_KEYS)
    ]
    item.protocol_notes = [
        ProtocolNote(by=r.text(entry, "by", at, nullable=True) or "",
                     text=r.text(entry, "text", at, nullable=True) or "")
        for at, entry in _objects(r, obj, "protocol_notes", where, _NOTE_KEYS)
    ]
    item.substitutions = [
        Substitution(by=r.text(entry, "by", at, required=True),
                     for_=r.text(entry, "for", at, required=True))
        for at, entry in _objects(r, obj, "substitutions", where, _SUBSTITUTION_KEYS)
    ]


def _votes(r, obj: dict, where: str, motions: list[Motion]) -> list[Vote]:
    """`votes` (several, in order) or PROTOCOL.md's single `vote`; a file may hold one
    of them, not both."""
    if obj.get("votes") is not None and obj.get("vote") is not None:
        if r.strict:
            raise _error(r._name(where, "votes"), "antingen vote eller votes, inte båda")
    if obj.get("votes") is not None:
        return [_vote(r, entry, at, motions)
                for at, entry in _objects(r, obj, "votes", where, _VOTE_KEYS)]
    value = obj.get("vote")
    if value is None:
        return []
    at = r._name(where, "vote")
    entry = r.obj(value, at)
    r.keys(entry, _VOTE_KEYS, at)
    return [_vote(r, entry, at, motions)]


def _vote(r, entry: dict, at: str, motions: list[Motion]) -> Vote:
    ballots_at = f"{at}.ballots"
    raw = entry.get("ballots") or {}
    ballots = r.obj(raw, ballots_at)
    clean: dict[str, str] = {}
    for name, ballot in ballots.items():
        if ballot not in BALLOTS:
            if r.strict:
                raise _error(f"{ballots_at}.{name}",
                             f"okänd röst {ballot!r}, tillåtna: {', '.join(BALLOTS)}")
            continue
        clean[str(name)] = ballot
    yes = _side(r, entry, "yes", at, len(motions))
    no = _side(r, entry, "no", at, len(motions))
    kind = _choice(r, entry, "kind", at, VOTE_KINDS) or _kind_before_kinds(motions, yes, no)
    return Vote(
        question=r.text(entry, "question", at, nullable=True) or "",
        ballots=clean,
        result=r.text(entry, "result", at, nullable=True) or "",
        yes=yes,
        no=no,
        casting=_choice(r, entry, "casting_vote", at, (BALLOT_YES, BALLOT_NO)),
        kind=kind,
    )


def _without_told_result(procedure: str, votes: list[Vote]) -> str:
    """Our beslutsgång draft once told a vote's proposition and result line in it
    ('Omröstning begärs och verkställs med följande proposition: Q. R'), so the protocol
    printed the result twice; the draft now says only that the vote was held (the
    question and result stand under Omröstning). That sentence, word for word as we
    wrote it, is read as today's; any other text stays as written."""
    if not votes:
        return procedure
    # Read only when a § has a vote: a minutes meeting loads no protocol rules at start.
    from ..domain.protocol_procedure import VOTE_HELD

    for vote in votes:
        question = vote.question.strip().rstrip(".")
        if not (question and vote.result.strip()):
            continue
        told = f"{VOTE_HELD} med följande proposition: {question}. {vote.result.strip()}"
        procedure = procedure.replace(told, f"{VOTE_HELD}.")
    return procedure


def _kind_before_kinds(motions: list[Motion], yes: int | None, no: int | None) -> str:
    """A vote written without `kind` (PROTOCOL.md's, or ours before a § held several):
    on återremiss when a side was an återremissyrkande, as the single vote read it then
    (nej for the first yrkande against the proposal unless chosen); else the main
    question."""
    from ..domain.protocol_text import contested  # only for a file with a vote

    against = [i for i, m in enumerate(motions) if any(m is c for c in contested(
        AgendaItem("", motions=motions)))]
    if no is None or no == yes:
        no = next((i for i in against if i != yes), None)
    sides = [i for i in (yes, no) if i is not None]
    return VOTE_REFERRAL if any(motions[i].kind == "återremiss" for i in sides) else VOTE_MAIN


def _side(r, entry: dict, key: str, at: str, motions: int) -> int | None:
    """A vote's side: the position of one of the § 's yrkanden (0 = the first)."""
    value = entry.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < motions:
        if r.strict:
            raise _error(r._name(at, key),
                         f"ska vara ett yrkandes plats i motions, 0–{motions - 1}"
                         if motions else "paragrafen har inga yrkanden att peka på")
        return None
    return value
