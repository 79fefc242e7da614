"""What the current § holds (live mode, protocol, alt+l): its yrkanden, votes,
reservations, protokollsanteckningar and jäv as the protocol words them; delete takes the
chosen one back (after a yes), straight into the model and the app's save; enter opens
the chosen one in the dialog it was recorded with, filled in, and saving there replaces
it where it stands (store.domain.protocol_edit); i on a yrkande says who instämmer.
On a read-only meeting (adjusted, ended, or held by another program) the list reads the
same and every change is refused with one sentence saying why."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from store.domain.protocol_record import (
    remove_conflict,
    remove_motion,
    remove_protocol_note,
    remove_reservation,
)
from store.domain.protocol_text import (
    conflict_sentence,
    conflict_substitute_sentence,
    motion_sentence,
    protocol_note_sentence,
    reservation_sentence,
)
from store.domain.protocol import VOTE_KIND_WORDS
from store.domain.protocol_vote import is_after_referral, vote_label
from store.domain.protocol_voting import AFTER_REFERRAL, remove_vote

from .protocol_base import ProtocolDialog
from .questions import ConfirmDialog


#: How the list names a vote an older file has after a won återremiss (not printed).
AFTER_REFERRAL_LABEL = "Omröstning {kind} efter återremissen (skrivs inte ut)"


def read_only_refusal(session) -> str:
    """Why nothing in the § can be changed or taken back here: one sentence."""
    from ..ended_meeting import is_ended_view, is_locked_view

    if is_locked_view(session) and session.meeting.adjusted:
        why = "Protokollet är justerat och skrivskyddat"
    elif is_ended_view(session):
        why = "Mötet är avslutat och öppnat skrivskyddat"
    else:
        why = "Mötet är öppnat skrivskyddat eftersom ett annat program har det öppet"
    return f"{why}: det som står i paragrafen kan läsas men inte ändras eller tas bort."


class ProtocolPartsDialog(ProtocolDialog):
    FIRST_FOCUS = "#parts"
    BINDINGS = [Binding("delete,backspace", "remove", "Ta bort", id="protocol.parts.remove"),
                Binding("i", "support", "Instämmer", id="protocol.parts.support")]

    def __init__(self, *args, read_only: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        #: The meeting cannot change here: the list is for reading.
        self.read_only = read_only

    def compose(self) -> ComposeResult:
        with self.frame(classes="-wide"):
            yield self.title_line(self.heading("I paragrafen"))
            yield OptionList(id="parts")
            yield self.problem_line()
            yield self.hint_line("skrivskyddat: läs · esc stänger" if self.read_only else
                                 "enter ändrar · i instämmer (yrkande) · delete tar bort · "
                                 "esc stänger")

    def _refused(self) -> bool:
        """True (and says why) when the meeting is read-only: nothing may change."""
        if self.read_only:
            self.show_problem(read_only_refusal(self.app.session))
        return self.read_only

    def on_mount(self) -> None:
        self._fill()

    def _parts(self) -> list[tuple[str, str]]:
        """(id, text) per recorded part, in the order the protocol has them."""
        meeting, item = self.meeting, self.item
        parts = [(f"motion:{i}", motion_sentence(meeting, m)) for i, m in enumerate(item.motions)]
        for i, vote in enumerate(item.votes):
            tally = vote.tally()
            label = (AFTER_REFERRAL_LABEL.format(kind=VOTE_KIND_WORDS.get(vote.kind, ""))
                     if is_after_referral(item, vote) else vote_label(item, vote))
            parts.append((f"vote:{i}", f"{label}: " + (
                vote.result or f"{tally['ja']} ja, {tally['nej']} nej")))
        parts += [(f"reservation:{i}", reservation_sentence(meeting, r))
                  for i, r in enumerate(item.reservations)]
        parts += [(f"note:{i}", protocol_note_sentence(meeting, n))
                  for i, n in enumerate(item.protocol_notes)]
        parts += [(f"conflict:{name}", " ".join(filter(None, (
            conflict_sentence(meeting, name), conflict_substitute_sentence(meeting, item, name)))))
                  for name in item.conflicts]
        return parts

    def _fill(self, highlighted: int = 0) -> None:
        parts = self.query_one(OptionList)
        parts.clear_options()
        found = self._parts()
        if not found:
            parts.add_option(Option("Inget är antecknat i paragrafen ännu.", disabled=True))
            return
        parts.add_options([Option(text, id=part_id) for part_id, text in found])
        parts.highlighted = min(highlighted, len(found) - 1)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter: the entry in its own dialog, filled in; saved, it replaces the old one."""
        event.stop()
        if event.option.id is None or self._refused():
            return
        kind, _, key = event.option.id.partition(":")
        dialog_class = _editors().get(kind)
        if dialog_class is None:  # a jäv: taken back with delete, given again with alt+j
            self.show_problem("Jäv ändras inte här: delete tar bort det, alt+j anmäler det.")
            return
        position = event.option_index
        editing = int(key)
        if kind == "vote" and is_after_referral(self.item, self.item.votes[editing]):
            self.show_problem(AFTER_REFERRAL)  # not held: nothing to correct in it
            return
        dialog = dialog_class(self.meeting, self.item, self.paragraph, self._on_change,
                              editing=editing)
        self.app.push_screen(dialog, lambda _saved: self._corrected(dialog, position))

    def _corrected(self, dialog, position: int) -> None:
        """Back from a correction: the list again; a vote corrected so that it leads on
        (the återremiss now lost) opens the vote that follows, as alt+o's does."""
        self._fill(position)
        if getattr(dialog, "follows", ""):
            from .protocol_vote import VoteDialog

            self.app.push_screen(
                VoteDialog(self.meeting, self.item, self.paragraph, self._on_change),
                lambda _saved: self._fill(len(self._parts()) - 1))

    def action_support(self) -> None:
        """i on a yrkande: who instämmer in it."""
        parts = self.query_one(OptionList)
        if parts.highlighted is None or self._refused():
            return
        option = parts.get_option_at_index(parts.highlighted)
        kind, _, key = (option.id or "").partition(":")
        if kind != "motion":
            self.show_problem("Man instämmer i ett yrkande: välj ett yrkande.")
            return
        from .protocol_support import SupportDialog

        position = parts.highlighted
        dialog = SupportDialog(self.meeting, self.item, self.paragraph, self._on_change,
                               editing=int(key))
        self.app.push_screen(dialog, lambda _saved: self._fill(position))

    def action_remove(self) -> None:
        parts = self.query_one(OptionList)
        if parts.highlighted is None:
            return
        option = parts.get_option_at_index(parts.highlighted)
        if option.id is None or self._refused():
            return
        self.app.push_screen(
            ConfirmDialog(f"Ta bort: {option.prompt}", yes="Ta bort", danger=True),
            lambda yes: self._remove(option.id) if yes else None)

    def _remove(self, part_id: str) -> None:
        kind, _, key = part_id.partition(":")
        meeting, item = self.meeting, self.item
        change = {
            "motion": lambda: remove_motion(meeting, item, int(key)),
            "vote": lambda: remove_vote(meeting, item, item.votes[int(key)]),
            "reservation": lambda: remove_reservation(meeting, item, int(key)),
            "note": lambda: remove_protocol_note(meeting, item, int(key)),
            "conflict": lambda: remove_conflict(meeting, item, key),
        }[kind]
        self.record(change)
        self._fill()

    def action_cancel(self) -> None:
        self.dismiss(True)


def _editors() -> dict[str, type[ProtocolDialog]]:
    """The dialog each kind of entry was recorded with (imported when first used)."""
    from .protocol_entries import ProtocolNoteDialog, ReservationDialog
    from .protocol_motion import MotionDialog
    from .protocol_vote import VoteDialog

    return {"motion": MotionDialog, "vote": VoteDialog, "reservation": ReservationDialog,
            "note": ProtocolNoteDialog}
