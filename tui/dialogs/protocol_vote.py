"""Omröstning (live mode, protocol): the serving members in one grid, a ballot per row.

Keys in the grid: j ja, n nej, a avstår (and on to the next row), delete takes a ballot
back; ↑/↓ move. Every ballot goes into the model at once and is saved; the tally and the
drafted result line follow. A tie says so: the chair's casting vote is the secretary's
to write into the result. Tab reaches the question and the result (both editable);
escape or ctrl+s closes.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable, Input, Label, Static

from store.domain.protocol import BALLOT_ABSTAIN, BALLOT_NO, BALLOT_YES
from store.domain.protocol_record import (
    drop_unheld_vote,
    is_tie,
    serving_names,
    set_ballot,
    start_vote,
)
from store.domain.serving import serving

from .protocol_base import ProtocolDialog

BALLOT_LABELS = {BALLOT_YES: "Ja", BALLOT_NO: "Nej", BALLOT_ABSTAIN: "Avstår", "": "–"}


class BallotGrid(DataTable):
    """One row per serving member; posts a ballot for the row under the cursor."""

    class Cast(Message):
        def __init__(self, member: str, ballot: str):
            super().__init__()
            self.member = member
            self.ballot = ballot

    BINDINGS = [
        Binding("j", f"ballot('{BALLOT_YES}')", "Ja", id="protocol.vote.yes"),
        Binding("n", f"ballot('{BALLOT_NO}')", "Nej", id="protocol.vote.no"),
        Binding("a", f"ballot('{BALLOT_ABSTAIN}')", "Avstår", id="protocol.vote.abstain"),
        Binding("delete,backspace", "ballot('')", "Ta bort rösten", id="protocol.vote.clear"),
    ]

    def action_ballot(self, ballot: str) -> None:
        if self.row_count == 0:
            return
        row = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        self.post_message(self.Cast(str(row.value), ballot))
        if ballot:
            self.action_cursor_down()


class VoteDialog(ProtocolDialog):
    FIRST_FOCUS = "#vote-grid"

    BINDINGS = [Binding("ctrl+s", "cancel", "Klar", id="protocol.vote.done", priority=True)]

    def compose(self) -> ComposeResult:
        vote = start_vote(self.meeting, self.item)
        with self.frame(classes="-wide"):
            yield self.title_line(self.heading("Omröstning"))
            yield Label("Proposition", classes="dialog-field")
            yield Input(vote.question, id="vote-question")
            yield BallotGrid(id="vote-grid", cursor_type="row", zebra_stripes=False)
            yield Static(id="vote-tally", markup=False)
            yield Label("Resultat (utkast, kan ändras)", classes="dialog-field")
            yield Input(vote.result, id="vote-result")
            yield self.problem_line()
            yield self.hint_line("j ja · n nej · a avstår · delete tar bort · tab till texterna"
                                 " · esc klar")

    def on_mount(self) -> None:
        # The vote's start (its drafted question) is in the model from the first moment.
        self._on_change()
        grid = self.query_one(BallotGrid)
        grid.add_column("Ledamot", key="name", width=40)
        grid.add_column("Röst", key="ballot", width=8)
        for name in serving_names(self.meeting, self.item):
            grid.add_row(self._member_label(name), self._ballot_text(name), key=name)
        self._show_tally()

    def _member_label(self, name: str) -> str:
        person = self.meeting.find_participant(name)
        text = person.name_with_party() if person else name
        seat = serving(self.meeting, self.item).replacing.get(name)
        return f"{text}, ersätter {seat}" if seat else text

    def _ballot_text(self, name: str) -> str:
        return BALLOT_LABELS.get(self.item.vote.ballots.get(name, ""), "–")

    def on_ballot_grid_cast(self, event: BallotGrid.Cast) -> None:
        """A ballot from the grid: into the model, then the row, the tally and the result."""
        event.stop()
        name, ballot = event.member, event.ballot
        if not self.record(lambda: set_ballot(self.meeting, self.item, name, ballot)):
            return
        grid = self.query_one(BallotGrid)
        grid.update_cell(name, "ballot", self._ballot_text(name))
        result = self.query_one("#vote-result", Input)
        if result.value != self.item.vote.result:
            with result.prevent(Input.Changed):
                result.value = self.item.vote.result
        self._show_tally()

    def _show_tally(self) -> None:
        vote = self.item.vote
        tally = vote.tally()
        missing = len(serving_names(self.meeting, self.item)) - len(vote.ballots)
        text = Text(f"Ja {tally[BALLOT_YES]} · Nej {tally[BALLOT_NO]} · "
                    f"Avstår {tally[BALLOT_ABSTAIN]} · Ej röstat {missing}")
        if is_tie(vote):
            text.append("   Lika röstetal: ordförandens utslagsröst avgör.", style="bold")
        self.query_one("#vote-tally", Static).update(text)

    def on_input_changed(self, event: Input.Changed) -> None:
        # The question and the result are the secretary's to edit: straight into the model.
        vote = self.item.vote
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
        if drop_unheld_vote(self.meeting, self.item):  # opened by mistake: no empty Omröstning
            self._on_change()
        self.dismiss(True)
