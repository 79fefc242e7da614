"""What a protocol (protokoll) adds to a meeting: the words of its kinds and the parts
recorded per § — yrkanden, omröstning, reservationer, protokollsanteckningar — and the
justering and anslag of the whole protocol (docs/FORMAT.md, "Protocol").

Plain dataclasses and constants, no I/O. The rules that use them (who serves, § numbers,
justering, the drafted sentences) live beside this module; the labels here are the one
place the TUI, the DOCX and the import take them from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MINUTES = "minnesanteckningar"
PROTOCOL = "protokoll"
MEETING_KINDS: tuple[str, ...] = (MINUTES, PROTOCOL)
KIND_LABELS: dict[str, str] = {MINUTES: "Mötesanteckningar", PROTOCOL: "Protokoll"}

# The roster's groups (PROTOCOL.md `group`); "" = not said (a minutes meeting).
MEMBER = "ledamot"
DEPUTY = "ersättare"
OFFICIAL = "tjänsteperson"
OTHER = "övrig"
GROUPS: tuple[str, ...] = (MEMBER, DEPUTY, OFFICIAL, OTHER)
GROUP_LABELS: dict[str, str] = {
    MEMBER: "Ledamot",
    DEPUTY: "Ersättare",
    OFFICIAL: "Tjänsteperson",
    OTHER: "Övrig",
}

#: Chair roles offered; any text is allowed.
CHAIR_ROLES: tuple[str, ...] = ("ordförande", "vice ordförande", "andre vice ordförande")

# Kinds of yrkande, in the order the live dialog offers them (one key each).
MOTION_KINDS: tuple[str, ...] = ("bifall", "avslag", "återremiss", "ändring", "tillägg", "annat")
#: Kinds whose yrkande needs its own text (the others refer to the proposal).
MOTION_KINDS_WITH_TEXT: frozenset[str] = frozenset({"ändring", "tillägg", "annat"})
#: Kinds whose yrkande may give a reason ("med motiveringen …"): asked for, not required.
MOTION_KINDS_WITH_REASON: frozenset[str] = frozenset({"återremiss"})

BALLOT_YES = "ja"
BALLOT_NO = "nej"
BALLOT_ABSTAIN = "avstår"
BALLOTS: tuple[str, ...] = (BALLOT_YES, BALLOT_NO, BALLOT_ABSTAIN)

DEFAULT_RESERVATION_TEXT = "till förmån för eget yrkande"

# What a vote is held on, in the order a § holds them: first whether the ärende is sent
# back (återremiss; if it is, nothing more is put), then which of several yrkanden is
# the counter-proposal (kontrapropositionsvotering), then the main question.
VOTE_REFERRAL = "återremiss"
VOTE_COUNTER = "kontraproposition"
VOTE_MAIN = "huvudfråga"
VOTE_KINDS: tuple[str, ...] = (VOTE_REFERRAL, VOTE_COUNTER, VOTE_MAIN)
#: How a vote of each kind is named after its number: 'Omröstning 2 i huvudfrågan'.
VOTE_KIND_WORDS: dict[str, str] = {
    VOTE_REFERRAL: "om återremiss",
    VOTE_COUNTER: "om motförslag",
    VOTE_MAIN: "i huvudfrågan",
}

# A protocol's life after the meeting (shown by `list` and `actions`).
STATE_DRAFT = "utkast"
STATE_ADJUSTED = "justerat"
STATE_POSTED = "anslaget"


@dataclass
class Motion:
    """A yrkande: who moved it, which kind, and the text for ändring/tillägg/annat;
    `supporters` are the members who instämmer i yrkandet (our own key)."""

    by: str
    kind: str
    text: str = ""
    supporters: list[str] = field(default_factory=list)


@dataclass
class Vote:
    """An open vote (omröstning): each serving member's ballot by name. A § holds its
    votes in the order they were held (AgendaItem.votes); `kind` says what this one is on
    (VOTE_KINDS).

    `yes` and `no` say what each side stands for: a yrkande, by its position in the § 's
    motions, or None for the usual of the kind — store.domain.protocol_vote.vote_sides is
    the one reading of them. `casting` is the side ordförandens utslagsröst went to at a
    tie ("" = not recorded)."""

    question: str = ""
    ballots: dict[str, str] = field(default_factory=dict)
    result: str = ""
    yes: int | None = None
    no: int | None = None
    casting: str = ""
    kind: str = VOTE_MAIN

    def tally(self) -> dict[str, int]:
        counts = dict.fromkeys(BALLOTS, 0)
        for ballot in self.ballots.values():
            if ballot in counts:
                counts[ballot] += 1
        return counts


@dataclass
class Reservation:
    """A reservation (reservation mot beslutet) by one or more members."""

    by: list[str]
    text: str = DEFAULT_RESERVATION_TEXT


@dataclass
class ProtocolNote:
    """A protokollsanteckning."""

    by: str
    text: str


@dataclass
class Substitution:
    """For one §: the ersättare `by` serves in place of the member `for_` (jäv, a short
    absence). Our own key `substitutions`; the roster's `substitute_for` is for the day."""

    by: str
    for_: str


@dataclass
class SubstituteChange:
    """A tjänstgörande ersättare's change during the meeting: from the § `from_item` (a
    top-level item id) on, the ersättare serves for `for_` ("" = for nobody), until the
    next change. Before the first change the roster's `substitute_for` holds."""

    from_item: str
    for_: str = ""


@dataclass
class Adjustment:
    """Justeringens plats och tid."""

    place: str = ""
    date: str | None = None  # ISO date
    time: str | None = None  # "HH:MM"


@dataclass
class Posting:
    """The anslag: when the notice goes up and comes down, and where the protocol is kept."""

    from_: str | None = None  # ISO date
    to: str | None = None  # ISO date
    archive: str = ""


@dataclass
class AdjustmentLift:
    """A recorded "häv justering": when, why, and the adjustment date it undid."""

    at: str  # ISO datetime
    why: str
    adjusted: str  # the date that was lifted
