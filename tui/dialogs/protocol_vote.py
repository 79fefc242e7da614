"""Omröstning (live mode, protocol): the serving members in one grid, a ballot per row.

A § may hold several votes, in order (store.domain.protocol_voting.open_vote picks the
one alt+o opens): on återremiss first, on the counter-proposal among several yrkanden,
then in the main question; alt+k says what this vote is on (the kinds the § allows).

Keys in the grid: j ja, n nej, a avstår (and on to the next row), delete takes a ballot
back; ↑/↓ move. Every ballot goes into the model at once and is saved; the tally and the
drafted result line follow. alt+j / alt+n let ja or nej stand for another proposition
(the question follows). A tie says so, and u records the side of ordförandens
utslagsröst (first the side the ordförande voted for). Tab reaches the question and the
result (both editable); escape or ctrl+s closes.

Closing a vote that settles the § makes its decision (store.domain.protocol_voting):
återremiss won, or the main question — the winning side's att-satser become the beslut
(after a yes when they would replace decisions written by hand) and the beslutsgång,
while it is the app's draft, is written again telling the votes. A vote won by deciding
today, or on the counter-proposal, says so, and the vote that follows (the main
question) opens at once; escape there closes it unrecorded.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable, Input, Label, Static

from store.domain.protocol import BALLOT_ABSTAIN, BALLOT_NO, BALLOT_YES
from store.domain.protocol import VOTE_KIND_WORDS, VOTE_REFERRAL, Vote
from store.domain.protocol_record import ProtocolInputError, procedure_is_draft, serving_names
from store.domain.protocol_vote import is_tie, referral_won, settles, vote_label
from store.domain.protocol_voting import (
    SENT_BACK,
    decide_by_vote,
    decided_for,
    drop_unheld_vote,
    change_vote_kind,
    next_vote_side,
    open_vote,
    record_casting_vote,
    set_ballot,
    side_choices_differ,
    vote_decision,
    vote_kinds,
    vote_to_follow,
)
from store.domain.serving import serving

from .protocol_base import ProtocolDialog
from .questions import ConfirmDialog

BALLOT_LABELS = {BALLOT_YES: "Ja", BALLOT_NO: "Nej", BALLOT_ABSTAIN: "Avstår", "": "–"}


class BallotGrid(DataTable):
    """One row per serving member; posts a ballot for the row under the cursor."""

    class Cast(Message):
        def __init__(self, member: str, ballot: str):
            super().__init__()
            self.member = member
            self.ballot = ballot

    class Casting(Message):
        """u: the side of ordförandens utslagsröst (at a tie)."""

    BINDINGS = [
        Binding("j", f"ballot('{BALLOT_YES}')", "Ja", id="protocol.vote.yes"),
        Binding("n", f"ballot('{BALLOT_NO}')", "Nej", id="protocol.vote.no"),
        Binding("a", f"ballot('{BALLOT_ABSTAIN}')", "Avstår", id="protocol.vote.abstain"),
        Binding("delete,backspace", "ballot('')", "Ta bort rösten", id="protocol.vote.clear"),
        Binding("u", "casting", "Utslagsröst", id="protocol.vote.casting"),
    ]

    def action_casting(self) -> None:
        self.post_message(self.Casting())

    def action_ballot(self, ballot: str) -> None:
        if self.row_count == 0:
            return
        row = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        self.post_message(self.Cast(str(row.value), ballot))
        if ballot:
            self.action_cursor_down()


class VoteDialog(ProtocolDialog):
    FIRST_FOCUS = "#vote-grid"

    #: Set on closing a vote that leads on: the kind of vote its opener puts next
    #: (store.domain.protocol_voting.vote_to_follow); '' = none.
    follows = ""

    BINDINGS = [
        Binding("ctrl+s", "cancel", "Klar", id="protocol.vote.done", priority=True),
        Binding("alt+j", f"side('{BALLOT_YES}')", "Ja-sidan", id="protocol.vote.yes_side",
                priority=True),
        Binding("alt+n", f"side('{BALLOT_NO}')", "Nej-sidan", id="protocol.vote.no_side",
                priority=True),
        Binding("alt+k", "kind", "Vad omröstningen gäller", id="protocol.vote.kind",
                priority=True),
    ]

    def compose(self) -> ComposeResult:
        # Whether the beslutsgång is still the app's draft, before any ballot changes it.
        self._procedure_was_draft = procedure_is_draft(self.meeting, self.item)
        #: The vote this dialog records: the one corrected (alt+l), else alt+o's.
        self.vote: Vote = (self.item.votes[self.editing] if self.editing is not None
                           else open_vote(self.meeting, self.item))
        vote = self.vote
        with self.frame(classes="-wide"):
            yield self.title_line(self._title())
            yield Label(self._proposition_label(), id="vote-proposition",
                        classes="dialog-field", markup=False)
            yield Input(vote.question, id="vote-question")
            yield BallotGrid(id="vote-grid", cursor_type="row", zebra_stripes=False)
            yield Static(id="vote-tally", markup=False)
            yield Label("Resultat (utkast, kan ändras)", classes="dialog-field")
            yield Input(vote.result, id="vote-result")
            yield self.problem_line()
            yield self.hint_line("j ja · n nej · a avstår · delete tar bort · tab till texterna"
                                 " · esc klar")

    def _title(self) -> str:
        """'Omröstning 2 i huvudfrågan — § 41 …'; a § 's only vote says what it is on when
        its yrkanden allow more than the main question ('Omröstning om återremiss')."""
        label = vote_label(self.item, self.vote)
        if label == "Omröstning" and len(vote_kinds(self.item)) > 1:
            label = f"Omröstning {VOTE_KIND_WORDS[self.vote.kind]}"
        return self.heading(label)

    def _proposition_label(self) -> str:
        keys = []
        if side_choices_differ(self.item, self.vote):
            keys.append("alt+j, alt+n: andra yrkanden")  # whole at 80 columns with alt+k
        if len(vote_kinds(self.item)) > 1:
            keys.append(f"alt+k: {VOTE_KIND_WORDS[self.vote.kind]}")
        return f"Proposition ({'; '.join(keys)})" if keys else "Proposition"

    def action_kind(self) -> None:
        """What the vote is on: the next kind the § allows (återremiss, motförslag,
        huvudfrågan); the title, the sides and the drafts follow."""
        if len(vote_kinds(self.item)) < 2:
            self.show_problem("Paragrafens yrkanden ger bara omröstning i huvudfrågan.")
            return
        if self.record(lambda: change_vote_kind(self.meeting, self.item, self.vote)):
            self.query_one(".dialog-title", Label).update(self._title())
            self.query_one("#vote-proposition", Label).update(self._proposition_label())
            self._show_texts()

    def on_mount(self) -> None:
        # The vote's start (its drafted question) is in the model from the first moment.
        self._on_change()
        grid = self.query_one(BallotGrid)
        grid.add_column("Ledamot", key="name", width=40)
        grid.add_column("Röst", key="ballot", width=8)
        for name in serving_names(self.meeting, self.item):
            grid.add_row(self._member_label(name), self._ballot_text(name), key=name)
        self._show_tally()
        for field in self.query("#vote-question, #vote-result").results(Input):
            _show_start(field)
        if self.editing is None and referral_won(self.item) is self.vote:
            # alt+o again: this vote, to correct; no other. After the fields' first
            # Changed, which clears the line.
            self.call_after_refresh(self.show_problem, SENT_BACK)

    def _member_label(self, name: str) -> str:
        person = self.meeting.find_participant(name)
        text = person.name_with_party() if person else name
        seat = serving(self.meeting, self.item).replacing.get(name)
        return f"{text}, ersätter {seat}" if seat else text

    def _ballot_text(self, name: str) -> str:
        return BALLOT_LABELS.get(self.vote.ballots.get(name, ""), "–")

    def on_ballot_grid_cast(self, event: BallotGrid.Cast) -> None:
        """A ballot from the grid: into the model, then the row, the tally and the result."""
        event.stop()
        name, ballot = event.member, event.ballot
        if not self.record(lambda: set_ballot(self.meeting, self.item, name, ballot,
                                              self.vote)):
            return
        grid = self.query_one(BallotGrid)
        grid.update_cell(name, "ballot", self._ballot_text(name))
        self._show_texts()

    def on_ballot_grid_casting(self, event: BallotGrid.Casting) -> None:
        event.stop()
        if self.record(lambda: record_casting_vote(self.meeting, self.item, self.vote)):
            self._show_texts()

    def action_side(self, ballot: str) -> None:
        """Ja or nej stands for the next proposition offered for it."""
        if self.record(lambda: next_vote_side(self.meeting, self.item, ballot, self.vote)):
            self._show_texts()

    def _show_texts(self) -> None:
        """The question and result as the model now has them (drafts follow), the tally."""
        vote = self.vote
        for field_id, text in (("#vote-question", vote.question), ("#vote-result", vote.result)):
            field = self.query_one(field_id, Input)
            if field.value != text:
                with field.prevent(Input.Changed):
                    field.value = text
                if not field.has_focus:
                    _show_start(field)
        self._show_tally()

    def _show_tally(self) -> None:
        vote = self.vote
        tally = vote.tally()
        missing = len(serving_names(self.meeting, self.item)) - len(vote.ballots)
        text = Text(f"Ja {tally[BALLOT_YES]} · Nej {tally[BALLOT_NO]} · "
                    f"Avstår {tally[BALLOT_ABSTAIN]} · Ej röstat {missing}")
        if is_tie(vote) and vote.casting:
            text.append(f" · Lika röstetal, utslagsröst {vote.casting}", style="bold")
        elif is_tie(vote):
            text.append(" · Lika röstetal: u = utslagsröst", style="bold")
        self.query_one("#vote-tally", Static).update(text)

    def on_input_changed(self, event: Input.Changed) -> None:
        # The question and the result are the secretary's to edit: straight into the model.
        vote = self.vote
        if event.input.id == "vote-question" and vote.question != event.value:
            vote.question = event.value
            self._on_change()
        elif event.input.id == "vote-result" and vote.result != event.value:
            vote.result = event.value
            self._on_change()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one(BallotGrid).focus()

    def action_cancel(self) -> None:
        vote = self.vote
        if drop_unheld_vote(self.meeting, self.item, vote):  # opened by mistake: no empty one
            self._on_change()
            self.dismiss(True)
            return
        try:
            _, lost = vote_decision(self.meeting, self.item, vote)
        except ProtocolInputError as undecided:
            if is_tie(vote):  # the decision waits for the casting vote
                self.app.notify(str(undecided), title="Omröstning", severity="warning")
            self.dismiss(True)
            return
        if not settles(self.item, vote):  # decided today, or the counter-proposal: on
            # An återremiss corrected to lost takes back the återremiss beslut.
            self.record(lambda: decide_by_vote(self.meeting, self.item, vote))
            self.follows = vote_to_follow(self.item, vote)
            then = (f" Omröstning {VOTE_KIND_WORDS[self.follows]} (esc om ingen begärs)."
                    if self.follows else "")
            self.app.notify(f"Beslut {decided_for(self.meeting, self.item, vote)}.{then}",
                            title="Omröstningens utfall")
            self.dismiss(True)
            return
        if not lost:
            self._decide()
            return
        self.app.push_screen(
            ConfirmDialog(f"Besluten som står nu ersätts av omröstningens utfall: "
                          f"{'; '.join(lost)}", question="Skriva om beslutet?",
                          yes="Skriv om"),
            lambda yes: self._decide() if yes else self.dismiss(True))

    def _decide(self) -> None:
        """The vote's decision into the model; the beslutsgång only while it is a draft."""
        vote = self.vote
        before = ([d.text for d in self.item.decisions], self.item.procedure)
        if self.record(lambda: decide_by_vote(self.meeting, self.item, vote,
                                              redraft_procedure=self._procedure_was_draft)):
            if before != ([d.text for d in self.item.decisions], self.item.procedure):
                kept = "" if self._procedure_was_draft else " Beslutsgången är din egen och " \
                    "står kvar (alt+g)."
                ended = " Ärendet återremitteras: ingen omröstning i huvudfrågan." if (
                    vote.kind == VOTE_REFERRAL) else ""
                self.app.notify(f"Beslut {decided_for(self.meeting, self.item, vote)}: "
                                f"{len(self.item.decisions)} att-satser.{ended}{kept}",
                                title="Omröstningens utfall")
        self.dismiss(True)


def _show_start(field: Input) -> None:
    """A drafted text longer than its field shows its beginning ('Ja för att avgöra …':
    which side is ja), not its end where the cursor of a new value is."""
    field.cursor_position = 0
