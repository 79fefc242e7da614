"""Live mode: walk the agenda during the meeting and capture everything.

The panes are widgets of their own (tui/widgets: agenda_tree, notes_area, entry_list)
that post messages; this screen answers them and applies the meeting's rules
(store.domain.meeting_rules). The notes editor writes every edit into the current item itself
and the app saves it SAVE_DELAY (tui/autosave.py) later.
"""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from store import AgendaItem
from store.domain import meeting_rules as rules

from ..widgets.agenda_tree import AgendaTree
from ..widgets.back_to_notes import NotesWanted
from ..widgets.entry_list import EntryList
from ..widgets.item_text import agenda_text
from ..widgets.meeting_title import MeetingTitle
from ..widgets.notes_area import NotesArea
from ..save_state import SaveState
from ..status_pacing import StatusPacing
from ..toast_place import keep_toasts_over
from ..worker_messages import OwnerHistoryLoaded
from ..words import EXPORT_TOOLTIP, defer_decision
from .live_dialogs import LiveDialogs
from .live_protocol import PROTOCOL_BINDINGS, LiveProtocol
from .live_standing import toggle_standing


def hhmm(moment: datetime) -> str:
    return moment.strftime("%H:%M")


MOVE = Binding.Group("Punkt", compact=True)
PRESENCE = Binding.Group("Närvaro", compact=True)


class LiveScreen(LiveProtocol, LiveDialogs, Screen):
    #: The title of this view in the help screen (F1).
    HELP_TITLE = "Mötesläge"
    BINDINGS = [
        Binding("ctrl+n", "next_item", "Nästa", id="live.next", priority=True, group=MOVE,
                tooltip="Gå till nästa punkt på dagordningen."),
        Binding("ctrl+b", "previous_item", "Föregående", id="live.previous", priority=True,
                group=MOVE,
                tooltip="Gå till föregående punkt på dagordningen."),
        Binding("f2", "add_decision", "Beslut", priority=True, id="live.decision",
                tooltip="Lägg till ett beslut på punkten."),
        Binding("f3", "add_action", "Åtgärd", priority=True, id="live.action",
                tooltip="Lägg till en åtgärd: text, ansvarig och datum."),
        Binding("f4", "mark_done", "Klar", priority=True, id="live.done",
                tooltip="Markera punkten som klar (igen: öppna den) och gå vidare."),
        Binding("f5", "defer", "Skjut upp", priority=True, id="live.defer",
                tooltip="Skjut upp punkten till nästa möte och gå vidare."),
        Binding("f6", "add_item", "Ny punkt", priority=True, id="live.add_item",
                tooltip="Lägg till en punkt här, t.ex. under Övriga frågor."),
        Binding("f7", "attendance('arrive')", "Närvaro", priority=True, id="live.arrive",
                group=PRESENCE,
                tooltip="Närvaron: skriv några bokstäver av namnet, enter = kommer nu. "
                        "Där också: går, ändra och rensa tider, frånvarande, ny gäst."),
        Binding("f8", "attendance('leave')", "Går", priority=True, id="live.leave",
                group=PRESENCE,
                tooltip="Samma närvarolista, men enter = går nu (kan komma tillbaka)."),
        Binding("ctrl+f", "attachments", "Bilagor", priority=True, id="live.attachments",
                show=False,
                tooltip="Lägg till eller ta bort bilagor till punkten."),
        Binding("f9", "preview", "Granska", priority=True, id="live.preview",
                tooltip="Visa punkten så som den blir i Word."),
        Binding("f10", "export", "Exportera", priority=True, id="live.export",
                tooltip=EXPORT_TOOLTIP),
        Binding("f12", "end_meeting", "Avsluta möte", priority=True, id="live.end",
                tooltip="Avsluta mötet: sluttiden föreslås (nu) och kan ändras."),
        Binding("f12", "reopen_meeting", "Återöppna", priority=True, id="live.reopen",
                tooltip="Öppna ett avslutat möte för ändringar igen."),
        Binding("f12", "lift_adjustment", "Häv justering", priority=True, id="live.lift",
                tooltip="Häv justeringen av protokollet (skälet antecknas)."),
        Binding("ctrl+o", "app.show_start", "Möten", id="live.meetings",
                tooltip="Tillbaka till listan över möten."),
        Binding("ctrl+t", "focus_notes", "Anteckn.", id="live.notes", show=False,
                tooltip="Flytta markören till anteckningarna."),
        Binding("ctrl+g", "toggle_standing", "Stående", id="live.standing", show=False,
                priority=True, tooltip="Gör punkten till stående punkt (följer med till "
                                       "nästa möte i serien), eller inte."),
    ] + PROTOCOL_BINDINGS

    #: on_mount drew the meeting and no other screen has been over this one since.
    _drawn_since_shown = False

    def __init__(self, item_id: str | None = None):
        super().__init__()
        self.requested_item_id = item_id
        self.item_id: str | None = None
        self._meeting = None

    # -- model access

    @property
    def meeting(self):
        # Bound at mount: a screen being replaced never touches the next meeting.
        if self._meeting is None:
            self._meeting = self.app.session.meeting
        return self._meeting

    @property
    def _session_is_ours(self) -> bool:
        session = self.app.session
        return session is not None and session.meeting is self.meeting

    @property
    def current(self) -> AgendaItem | None:
        if self.item_id is None:
            return None
        try:
            return self.meeting.find_item(self.item_id)
        except KeyError:
            return None

    def now(self) -> datetime:
        return self.app.clock()

    # -- layout

    def compose(self) -> ComposeResult:
        with Horizontal(id="live-top"):
            yield MeetingTitle(id="live-title")
            yield Static(id="live-status")
        with Horizontal(id="live-body"):
            yield AgendaTree(id="agenda")
            with Vertical(id="item-pane"):
                yield from self.compose_protocol_line()
                yield Static(id="item-title", markup=False)
                with VerticalScroll(id="agenda-text"):
                    yield Static(id="agenda-body", markup=False)
                with Horizontal(id="work"):
                    notes = NotesArea(id="notes", soft_wrap=True, tab_behavior="focus")
                    notes.border_title = "Anteckningar"
                    notes.placeholder = "Skriv anteckningar här…"
                    yield notes
                    with Vertical(id="entries"):
                        decisions = EntryList(id="decisions")
                        decisions.border_title = "Beslut F2"
                        yield decisions
                        actions = EntryList(id="actions")
                        actions.border_title = "Åtgärder F3"
                        yield actions

    def _after_first_frame(self) -> None:
        # The footer (many small widgets) and the owner history (a thread reading every
        # meeting of the series) are not needed to start typing: they must not delay the
        # meeting appearing.
        if not self.is_attached:  # a queued callback, not a worker: it may outlive us
            return  # quit (or switched away) before the first frame was done
        if not self.query("Footer"):  # by name: Footer's module loads after the first frame
            from ..widgets.live_footer import LiveFooter

            self.mount(LiveFooter(compact=True))
            # The footer fills itself from the bindings-updated signal, which has
            # already fired for the first focus: fire it again once it listens.
            self.call_after_refresh(self.refresh_bindings)
        self._load_owner_history(self.meeting.series_name, self.meeting.id)

    def on_mount(self) -> None:
        self._owner_history: list[str] = []
        self._status = StatusPacing(self._tick, self.set_timer)
        # Live mode is the app's first screen (tui/live_start.py): this runs after the
        # first frame is drawn.
        self.call_after_refresh(self._after_first_frame)
        meeting = self.meeting
        if self.app.session.read_only:
            self.query_one("#notes", NotesArea).read_only = True
        else:
            if rules.drop_empty_drafts(meeting):
                self.app.mark_changed()
            if not meeting.start and not self._is_past():  # a write-up has no "now"
                meeting.start = hhmm(self.now())
                self.app.mark_changed()
        self.query_one("#live-title", MeetingTitle).show(meeting.title, meeting.date)
        self.start_protocol()
        self.rebuild_tree()
        target = self.requested_item_id
        if target is None:
            first = meeting.first_open_item()
            items = meeting.all_items()
            target = first.id if first else (items[0].id if items else None)
        if target is not None:
            self.go_to(target)
        else:
            self._show_empty()
        self.watch(self.app, "save_state", self._show_status, init=False)
        self._tick()
        self.set_interval(1, self._status.request)
        self.query_one("#notes").focus()
        keep_toasts_over(self, self.query_one("#agenda"))  # never over the notes
        self._drawn_since_shown = True  # the first showing finds it all drawn

    @work(thread=True, exclusive=True, group="owner-history", exit_on_error=False)
    def _load_owner_history(self, series: str, meeting_id: str) -> None:
        # Owners used before in the series complete the owner field; finding them
        # reads every meeting file, so it happens here and not when F3 is pressed.
        from store.persistence.series import series_owner_history

        history = series_owner_history(self.app.store, series, exclude_id=meeting_id)
        self.post_message(OwnerHistoryLoaded(history))

    def on_owner_history_loaded(self, message: OwnerHistoryLoaded) -> None:
        self._owner_history = message.owners

    def _show_empty(self) -> None:
        # Nothing to write notes into: say so rather than take text that has no home.
        notes = self.query_one("#notes", NotesArea)
        notes.bind(None)
        notes.read_only = True
        notes.load_text("")
        notes.placeholder = "Dagordningen är tom. Tryck F6 för att lägga till en punkt."
        self.query_one("#item-title", Static).update("Ingen punkt")
        self.query_one("#agenda-text").display = False
        self.query_one("#decisions", EntryList).clear_options()
        self.query_one("#actions", EntryList).clear_options()

    def on_screen_suspend(self) -> None:
        self._drawn_since_shown = False  # a dialog or another screen may change the model

    def on_screen_resume(self) -> None:
        # Back from a dialog or the preview: the model may have changed under us. Not at
        # the first showing, which follows on_mount's drawing with nothing in between.
        if self._drawn_since_shown:
            self._drawn_since_shown = False
            return
        if not self.is_mounted or not self._session_is_ours:
            return
        self.query_one("#live-title", MeetingTitle).show(self.meeting.title, self.meeting.date)
        if self.current is None:  # deleted in the agenda editor meanwhile
            first = self.meeting.first_open_item() or next(iter(self.meeting.all_items()), None)
            self.item_id = None
            self.rebuild_tree()
            if first is not None:
                self.go_to(first.id)
            else:
                self._show_empty()
            return
        self.refresh_tree_labels()
        self.refresh_item(load_notes=True)

    # -- the agenda tree

    def rebuild_tree(self) -> None:
        self.query_one(AgendaTree).show(self.meeting, self.item_id, rebuild=True)

    def refresh_tree_labels(self) -> None:
        self.query_one(AgendaTree).show(self.meeting, self.item_id)

    def on_agenda_tree_item_chosen(self, event: AgendaTree.ItemChosen) -> None:
        self.go_to(event.item_id)
        self.query_one("#notes").focus()

    def on_notes_wanted(self, event: NotesWanted) -> None:
        event.stop()
        notes = self.query_one("#notes", NotesArea)
        if event.character is not None and (notes.read_only or notes.disabled):
            return
        notes.focus()
        if event.character is not None:
            notes.insert(event.character)

    def on_entry_list_command(self, event: EntryList.Command) -> None:
        event.stop()
        list_id = event.entry_list.id
        if event.kind == "toggle":
            self.toggle_action(event.entry_id)
        elif event.kind == "edit":
            self.edit_entry(list_id, event.entry_id)
        elif event.kind == "delete":
            self.delete_entry(list_id, event.entry_id)

    # -- the current item

    def go_to(self, item_id: str) -> None:
        self.item_id = item_id
        item = self.current
        if item is None:
            return
        notes = self.query_one("#notes", NotesArea)
        if self.app.read_only:
            notes.bind(None)
        else:
            notes.bind(item, self._notes_written)
            # An ended meeting (still writable here) starts no item by looking at it.
            if rules.begin_item(self.meeting, item, self.now()):
                self.app.mark_changed()
        if notes.read_only and not self.app.read_only:
            notes.read_only = False
            notes.placeholder = "Skriv anteckningar här…"
        self.refresh_item(load_notes=True)
        self.refresh_tree_labels()

    def _notes_written(self, item_id: str) -> None:
        self._status.edited()  # the clock and "Sparat" ride with this keystroke's frame
        if self._session_is_ours:
            self.app.mark_changed(notes_of=item_id)

    def refresh_item(self, *, load_notes: bool) -> None:
        item = self.current
        if item is None:
            return
        status = {"done": "  ✓ klar", "deferred": "  ↷ flyttad"}.get(item.status, "")
        self.query_one("#item-title", Static).update(f"{self.item_mark(item)} {item.title}{status}")
        text = agenda_text(item)
        self.query_one("#agenda-body", Static).update(text)
        self.query_one("#agenda-text").display = bool(text.plain)
        if load_notes:
            notes = self.query_one("#notes", NotesArea)
            if notes.text != item.notes:
                # Another item (or an edit elsewhere): start at the end of its notes.
                notes.load_text(item.notes)
                notes.move_cursor(notes.document.end)
        self.refresh_entries()
        self.show_protocol_line()
        self._tick()

    def refresh_entries(self) -> None:
        item = self.current
        if item is None:
            return
        self.query_one("#decisions", EntryList).show(item.decisions)
        self.query_one("#actions", EntryList).show(item.actions)

    def sync_to_model(self) -> None:
        """The app's one hook before a final save: the notes are in the model already
        (NotesArea writes each edit through); this only makes sure of it."""
        if not self._session_is_ours:
            return
        try:
            notes = self.query_one("#notes", NotesArea)
        except Exception:  # noqa: BLE001 - widgets already gone at shutdown
            return
        notes.write_through()

    # -- clock and status line

    def _tick(self) -> None:
        now = self.now()
        parts = []
        item = self.current
        seconds = None if item is None else rules.item_seconds(self.meeting, item, now)
        if seconds is not None:
            parts.append(f"{self.timer_label(item)} {seconds // 60:d}:{seconds % 60:02d}")
        parts.append(now.strftime("%H:%M:%S"))
        state = self.app.save_state
        text = Text("  ".join(parts), style="bold")
        if state.text:
            text.append("  ")
            text.append(state.text, style="bold red" if state.failed else "dim")
        # A new layout (the whole screen, the agenda list with it) only when the width
        # changes: the clock and "Sparat" tick several times a second while typing.
        width_changed = text.cell_len != getattr(self, "_status_cells", None)
        self._status_cells = text.cell_len
        self.query_one("#live-status", Static).update(text, layout=width_changed)

    def _show_status(self, state: SaveState) -> None:
        if state.failed:
            self._status.draw_now()  # the secretary must see this at once, typing or not
        else:
            self._status.request()

    # -- moving through the agenda

    def _neighbour(self, offset: int) -> str | None:
        items = self.meeting.all_items()
        ids = [item.id for item in items]
        if self.item_id not in ids:
            return ids[0] if ids else None
        index = ids.index(self.item_id) + offset
        return ids[index] if 0 <= index < len(ids) else None

    def action_next_item(self) -> None:
        target = self._neighbour(+1)
        if target is None:
            self.notify("Det här är sista punkten.", severity="information")
            return
        self.go_to(target)
        self.query_one("#notes").focus()

    def action_previous_item(self) -> None:
        target = self._neighbour(-1)
        if target is None:
            self.notify("Det här är första punkten.", severity="information")
            return
        self.go_to(target)
        self.query_one("#notes").focus()

    def action_focus_notes(self) -> None:
        self.query_one("#notes").focus()

    def action_toggle_standing(self) -> None:
        if self._writable():
            toggle_standing(self)

    def _writable(self, *, need_item: bool = True) -> bool:
        if self.app.read_only:
            self.notify("Mötet är öppnat skrivskyddat.", severity="warning")
            return False
        if need_item and self.current is None:
            self.notify("Dagordningen är tom: lägg till en punkt med F6.", severity="warning")
            return False
        return True

    def _changed(self) -> None:
        self.app.mark_changed()
        self.refresh_item(load_notes=False)
        self.refresh_tree_labels()

    def action_mark_done(self) -> None:
        if not self._writable():
            return
        item = self.current
        done = rules.toggle_done(item, self.now())
        self._changed()
        if not done:
            self.notify(f"{self.item_mark(item)} är öppnad igen.")
            return
        self._advance()

    def _advance(self) -> None:
        """After done/deferred: on to the next item, or say how to end at the last one."""
        if self._neighbour(+1) is None:
            self.notify("Sista punkten är avklarad. Avsluta mötet med F12.")
            return
        self.action_next_item()

    def action_defer(self) -> None:
        if not self._writable():
            return
        item = self.current
        rules.defer(item, self.now(), defer_decision(item.title))
        self._changed()
        self.notify(f"{self.item_mark(item)} {item.title} skjuts upp till nästa möte.")
        self._advance()

    # -- preview, export, end

    def action_preview(self) -> None:
        from .preview import PreviewScreen

        self.app.push_screen(PreviewScreen(item_id=self.item_id))

    def action_export(self) -> None:
        self.app.export_meeting()
