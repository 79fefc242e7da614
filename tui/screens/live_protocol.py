"""Live mode's protocol keys (a protocol meeting only): yrkande, beslut, beslutsgång,
omröstning, reservation, protokollsanteckning, jäv, tjänstgörande ersättare and
"justeras omedelbart" — one key each, a short dialog each (tui/dialogs/protocol_*.py) —
and the list of what the § holds (alt+l), to take a wrong entry back.

A part of LiveScreen kept apart (mixed into it) with its own bindings (PROTOCOL_BINDINGS,
added to the screen's). In a minutes meeting the keys are off and the screen is exactly
as before. The rules are store.domain.protocol_record's; every change goes through the
app's save path (mark_changed) and the screen redraws.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding

from store.domain.paragraphs import paragraph_label, paragraph_of

# The protocol's rules (store.domain.protocol_record and what it brings) and its line
# widget load with the first protocol, inside the methods: a minutes meeting's live mode
# never needs them, and its first frame should not wait for them.
from ..paragraph_count import FirstParagraph
from ..worker_messages import FirstParagraphFound

PROTOCOL = Binding.Group("Protokoll", compact=True)

#: The protocol keys; their ids start with "live.protocol." (the help screen's section).
PROTOCOL_BINDINGS = [
    Binding("alt+y", "protocol_motion", "Yrkande", id="live.protocol.motion", priority=True,
            tooltip="Nytt yrkande: vem (tjänstgörande), slag med en siffra, text vid "
                    "ändring, tillägg och annat."),
    Binding("alt+a", "protocol_decision", "Bifall", id="live.protocol.decision",
            priority=True,
            tooltip="Beslut enligt förslaget: förslagets att-satser blir beslutet och "
                    "beslutsgången skrivs. Besluten kan sedan ändras (F2, enter)."),
    Binding("alt+g", "protocol_procedure", "Beslutsgång", id="live.protocol.procedure",
            priority=True, show=False,
            tooltip="Beslut enligt förslaget eller ett yrkande; beslutsgången skrivs och "
                    "kan ändras."),
    Binding("alt+o", "protocol_vote", "Omröstning", id="live.protocol.vote", priority=True,
            tooltip="Omröstning: tjänstgörande ledamöter i en lista, j/n/a per rad, "
                    "rösterna räknas och resultatet skrivs; u antecknar utslagsrösten vid "
                    "lika. Först om återremiss, sedan huvudfrågan (öppnas direkt); alt+k "
                    "väljer vad omröstningen gäller. Den vinnande sidan blir beslutet när "
                    "omröstningen stängs."),
    Binding("alt+r", "protocol_reservation", "Reservation", id="live.protocol.reservation",
            priority=True, show=False,
            tooltip="Reservation: välj namn med mellanslag; texten är ”till förmån för "
                    "eget yrkande” om inget annat skrivs."),
    Binding("alt+p", "protocol_note", "Protokollsanteckning", id="live.protocol.note",
            priority=True, show=False, tooltip="Protokollsanteckning: vem och text."),
    Binding("alt+j", "protocol_conflict", "Jäv", id="live.protocol.conflict", priority=True,
            show=False,
            tooltip="Jäv: vem (deltar inte i paragrafen) och om en ersättare tjänstgör "
                    "i stället. Samma namn igen tar bort jävet."),
    Binding("alt+e", "protocol_substitute", "Ersättare", id="live.protocol.substitute",
            priority=True, show=False,
            tooltip="Tjänstgörande ersättare: vem som tjänstgör för vilken ledamot "
                    "(tomt: inte längre)."),
    Binding("alt+l", "protocol_parts", "I paragrafen", id="live.protocol.parts",
            priority=True, show=False,
            tooltip="Allt som är antecknat i paragrafen (yrkanden, omröstning, "
                    "reservationer, anteckningar, jäv); enter ändrar det valda, delete tar "
                    "bort det."),
    Binding("alt+u", "protocol_adjust_now", "Justeras omedelbart",
            id="live.protocol.adjust_now", priority=True, show=False,
            tooltip="Paragrafen justeras omedelbart, eller inte."),
]


class ProtocolKeys:
    """The protocol keys alone, for the help screen's section."""

    BINDINGS = PROTOCOL_BINDINGS


class LiveProtocol:
    """LiveScreen's protocol actions; needs the screen's meeting, current, _writable,
    _changed and the app."""

    _paragraphs: FirstParagraph | None = None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action.startswith("protocol_") and not self.meeting.is_protocol:
            return False  # a minutes meeting: the keys are off and not shown
        return super().check_action(action, parameters)

    # -- the protocol line and the § number

    def compose_protocol_line(self) -> ComposeResult:
        if self.app.session is not None and self.app.session.meeting.is_protocol:
            from ..widgets.protocol_line import ProtocolLine

            yield ProtocolLine(id="protocol-line")

    def start_protocol(self) -> None:
        """At mount: find the first § (it may continue the series: read in a worker)."""
        if not self.meeting.is_protocol:
            return
        self._paragraphs = FirstParagraph()
        self._paragraphs.count(self, self.meeting)

    def on_first_paragraph_found(self, message: FirstParagraphFound) -> None:
        if self._paragraphs is not None and self._paragraphs.found(message):
            self.refresh_item(load_notes=False)  # the heading and the § line

    def item_mark(self, item) -> str:
        """'§ 41' for a protocol's ärende, else the item's number ('4.1.')."""
        if self.meeting.is_protocol and any(top.id == item.id for top in self.meeting.items):
            return self.paragraph_label(item)
        return f"{self.meeting.number_of(item.id)}."

    def item_label(self, item, *, capital: bool = False) -> str:
        """'§ 41' for a protocol's ärende, else 'punkt 4.1.' (a message's name for it)."""
        mark = self.item_mark(item)
        if mark.startswith("§"):
            return mark
        return f"{'Punkt' if capital else 'punkt'} {mark}"

    def paragraph_label(self, item) -> str:
        first = self._paragraphs.of(self.meeting) if self._paragraphs else None
        if first is None:
            return "§ …"
        return paragraph_label(paragraph_of(self.meeting, item, first))

    def timer_label(self, item) -> str:
        """The header's name for the item timer: the § in a protocol ('§ 42 0:18'), the
        item's number in minutes ('punkt 4.1 0:18'; a bare 'punkt 1:11' read as item 1)."""
        if self.meeting.is_protocol:
            return self.paragraph_label(item)
        return f"punkt {self.meeting.number_of(item.id)}"

    def show_protocol_line(self) -> None:
        if not self.meeting.is_protocol:
            return
        from ..widgets.protocol_line import ProtocolLine

        item = self.current
        for line in self.query(ProtocolLine):
            line.show(self.meeting, item, self.paragraph_label(item) if item else "")

    # -- the keys

    def _protocol_dialog(self, dialog_class, done=None, *, reading: bool = False) -> None:
        """Open a protocol dialog on the current §; `reading`: also on a read-only
        meeting (the dialog is then told so, and refuses every change)."""
        if reading and self.app.read_only and self.current is not None:
            dialog = dialog_class(self.meeting, self.current, self.paragraph_label(self.current),
                                  self.app.mark_changed, read_only=True)
            self.app.push_screen(dialog, lambda _result: self.query_one("#notes").focus())
            return
        if not self._writable():
            return
        item = self.current

        def closed(result) -> None:
            self.query_one("#notes").focus()
            if result:
                self._changed()
                if done is not None:
                    done(dialog)

        dialog = dialog_class(self.meeting, item, self.paragraph_label(item),
                              self.app.mark_changed)
        self.app.push_screen(dialog, closed)

    def action_protocol_motion(self) -> None:
        from store.domain.protocol_text import motion_sentence

        from ..dialogs.protocol_motion import MotionDialog

        def said(dialog) -> None:
            self.notify(motion_sentence(self.meeting, dialog.item.motions[-1]), title="Yrkande")

        self._protocol_dialog(MotionDialog, said)

    def action_protocol_decision(self) -> None:
        from store.domain.protocol_record import decisions_lost_by, paragraph_item

        if not self._writable():
            return
        item = paragraph_item(self.meeting, self.current)
        lost = decisions_lost_by(self.meeting, item)
        if not lost:
            self._take_proposal(item)
            return
        from ..dialogs.questions import ConfirmDialog

        self.app.push_screen(
            ConfirmDialog(f"Besluten som står nu ersätts av förslagets att-satser: "
                          f"{'; '.join(lost)}", question="Bifalla förslaget?",
                          yes="Bifall"),
            lambda yes: self._take_proposal(item) if yes else None)

    def _take_proposal(self, item) -> None:
        from store.domain.protocol_record import ProtocolInputError, take_proposal_as_decision

        try:
            decisions = take_proposal_as_decision(self.meeting, item)
        except ProtocolInputError as refusal:
            self.notify(str(refusal), severity="warning")
            return
        self._changed()
        self.notify(f"Beslut enligt förslaget: {len(decisions)} att-satser. Beslutsgången "
                    "är skriven (alt+g ändrar).", title="Bifall till förslaget")

    def action_protocol_procedure(self) -> None:
        from ..dialogs.protocol_entries import ProcedureDialog

        self._protocol_dialog(ProcedureDialog)

    def action_protocol_vote(self) -> None:
        from ..dialogs.protocol_vote import VoteDialog

        def closed(dialog) -> None:
            if dialog.follows:  # a lost återremiss or a chosen motförslag: the main vote
                self.action_protocol_vote()

        self._protocol_dialog(VoteDialog, closed)

    def action_protocol_reservation(self) -> None:
        from ..dialogs.protocol_entries import ReservationDialog

        self._protocol_dialog(ReservationDialog)

    def action_protocol_note(self) -> None:
        from ..dialogs.protocol_entries import ProtocolNoteDialog

        self._protocol_dialog(ProtocolNoteDialog)

    def action_protocol_conflict(self) -> None:
        from ..dialogs.protocol_entries import ConflictDialog

        self._protocol_dialog(ConflictDialog)

    def action_protocol_substitute(self) -> None:
        from ..dialogs.protocol_entries import SubstituteDialog

        def said(dialog) -> None:
            from store.domain.presence_ties import substitute_sentence

            for name in getattr(dialog, "ended", []):
                self.notify(f"{name} tjänstgör inte längre.", title="Ersättare")
            deputy = self.meeting.find_participant(getattr(dialog, "deputy", ""))
            if deputy is not None:
                first = self._paragraphs.of(self.meeting) if self._paragraphs else None
                self.notify(substitute_sentence(self.meeting, deputy, dialog.item.id, first),
                            title="Ersättare")

        self._protocol_dialog(SubstituteDialog, said)

    def action_protocol_parts(self) -> None:
        from ..dialogs.protocol_parts import ProtocolPartsDialog

        self._protocol_dialog(ProtocolPartsDialog, reading=True)  # read-only: to read

    def action_protocol_adjust_now(self) -> None:
        from store.domain.protocol_record import paragraph_item, toggle_adjusted_immediately

        if not self._writable():
            return
        item = paragraph_item(self.meeting, self.current)
        now = toggle_adjusted_immediately(self.meeting, item)
        self._changed()
        self.notify(f"{self.paragraph_label(item)} justeras omedelbart." if now else
                    f"{self.paragraph_label(item)} justeras med resten av protokollet.",
                    title="Justering")
