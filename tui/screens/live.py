"""Live mode: walk the agenda during the meeting and capture everything.

Every widget here mirrors the model: a keystroke in the notes is written into the current
item at once and the app saves it SAVE_DELAY (tui/autosave.py) later. Switching item
first copies the notes widget into the model, so a key still in flight is never lost.
"""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from export.labels import NOT_GIVEN
from store import Action, AgendaItem, Decision
from store import meeting_rules as rules

from ..words import defer_decision, document

from ..widgets.text_area import AppTextArea
from .live_standing import append_standing_mark, toggle_standing


STATUS_MARKS = {"pending": "  ", "done": "✓ ", "deferred": "↷ "}
CURRENT_MARK = "▶ "


def hhmm(moment: datetime) -> str:
    return moment.strftime("%H:%M")


def markup_text(text: str) -> Text:
    """A field's tiny markup (bullets, *italic*, **bold**) as terminal text."""
    from export.markup import parse_field

    out = Text()
    try:
        paragraphs = parse_field(text)
    except Exception:  # noqa: BLE001 - one field that cannot be drawn must not close the meeting
        return Text(text)
    for paragraph in paragraphs:
        if out:
            out.append("\n")
        if paragraph.bullet:
            out.append("  • ")
        for run in paragraph.runs:
            style = ("bold " if run.bold else "") + ("italic" if run.italic else "")
            out.append(run.text, style=style.strip() or None)
    return out


class _BackToNotes:
    """For the lists beside the notes: escape returns to the notes, and a letter typed
    here goes into the notes instead of being dropped (the secretary looked away)."""

    def action_back_to_notes(self) -> None:
        self.screen.action_focus_notes()

    def on_key(self, event: events.Key) -> None:
        if not event.is_printable or event.character is None:
            return
        if any(self.check_action(b.action, ()) for b in
               self._bindings.key_to_bindings.get(event.key, ())):
            return  # a key of the list itself (space ticks an action done)
        if any(event.key in node._bindings.key_to_bindings for node in (self.screen, self.app)):
            return
        notes = self.screen.query_one("#notes", TextArea)
        if notes.read_only or notes.disabled:
            return
        event.stop()
        event.prevent_default()
        notes.focus()
        notes.insert(event.character)


class AgendaTree(_BackToNotes, OptionList):
    """The agenda with numbers and status marks; enter jumps to an item."""

    BINDINGS = [
        Binding("enter", "select", "Gå till punkten", id="live.tree.goto",
                tooltip="Gör punkten under markören till aktuell punkt."),
        Binding("escape", "back_to_notes", "Anteckningar", id="live.tree.notes",
                show=False, tooltip="Tillbaka till anteckningarna (det går också att "
                                    "bara skriva)."),
    ]


def _binding_keys(binding) -> set[str]:
    return {k.strip() for k in getattr(binding, "key", "").split(",")}


class NotesArea(AppTextArea, inherit_bindings=False):
    """The notes editor, without TextArea's f6/f7 (select line/all).

    Live mode owns the function keys; dropping these two keeps the footer in the
    screen's own order instead of listing f6/f7 first.
    """

    BINDINGS = [
        binding
        for cls in reversed(AppTextArea.__mro__)
        for binding in cls.__dict__.get("BINDINGS", [])
        if not (_binding_keys(binding) & {"f6", "f7"})
    ]

    def on_key(self, event: events.Key) -> None:
        # Typing into a meeting opened read-only would otherwise do nothing at all.
        if event.is_printable and self.read_only and self.app.read_only:
            self.app.warn_read_only()


class EntryList(_BackToNotes, OptionList):
    """Decisions or actions of the current item: enter edits, delete removes."""

    BINDINGS = [
        Binding("enter", "edit_entry", "Ändra", id="live.entry.edit",
                tooltip="Ändra den markerade raden."),
        Binding("delete,backspace", "delete_entry", "Ta bort", id="live.entry.delete",
                tooltip="Ta bort den markerade raden (frågar först)."),
        Binding("space", "toggle_entry", "Klar/öppen", id="live.entry.toggle",
                tooltip="Markera åtgärden som klar eller öppna den igen, i alla möten "
                        "där den finns (även uppföljningen från förra mötet)."),
        Binding("escape", "back_to_notes", "Anteckningar", id="live.entry.notes",
                show=False, tooltip="Tillbaka till anteckningarna (det går också att "
                                    "bara skriva)."),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "toggle_entry":
            return self.id == "actions"  # decisions have no done state
        return True

    def action_toggle_entry(self) -> None:
        if self.highlighted is not None:
            self.screen.toggle_action(self.get_option_at_index(self.highlighted).id)

    def action_edit_entry(self) -> None:
        if self.highlighted is not None:
            self.screen.edit_entry(self.id, self.get_option_at_index(self.highlighted).id)

    def action_delete_entry(self) -> None:
        if self.highlighted is not None:
            self.screen.delete_entry(self.id, self.get_option_at_index(self.highlighted).id)


MOVE = Binding.Group("Punkt", compact=True)
PRESENCE = Binding.Group("Närvaro", compact=True)


class LiveScreen(Screen):
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
                tooltip="Skriv mötets dokument och åtgärdslistan som Word-filer."),
        Binding("f12", "end_meeting", "Avsluta möte", priority=True, id="live.end",
                tooltip="Avsluta mötet: sluttiden föreslås (nu) och kan ändras."),
        Binding("ctrl+o", "app.show_start", "Möten", id="live.meetings",
                tooltip="Tillbaka till listan över möten."),
        Binding("ctrl+t", "focus_notes", "Anteckn.", id="live.notes", show=False,
                tooltip="Flytta markören till anteckningarna."),
        Binding("ctrl+g", "toggle_standing", "Stående", id="live.standing", show=False,
                priority=True, tooltip="Gör punkten till stående punkt (följer med till "
                                       "nästa möte i serien), eller inte."),
    ]

    def __init__(self, item_id: str | None = None):
        super().__init__()
        self.requested_item_id = item_id
        self.item_id: str | None = None
        self._tree_ids: list[str] = []
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
            yield Static(id="live-title", markup=False)
            yield Static(id="live-status")
        with Horizontal(id="live-body"):
            yield AgendaTree(id="agenda")
            with Vertical(id="item-pane"):
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

    def _mount_footer(self) -> None:
        # After the first frame: the footer is many small widgets and not needed to
        # start typing, so it must not delay the meeting appearing.
        if not self.is_attached:
            return  # quit (or switched away) before the first frame was done
        if not self.query(Footer):
            from ..widgets.live_footer import LiveFooter

            self.mount(LiveFooter(compact=True))
            # The footer fills itself from the bindings-updated signal, which has
            # already fired for the first focus: fire it again once it listens.
            self.call_after_refresh(self.refresh_bindings)

    def on_mount(self) -> None:
        self.call_after_refresh(self._mount_footer)
        meeting = self.meeting
        if self.app.session.read_only:
            self.query_one("#notes", TextArea).read_only = True
        else:
            if rules.drop_empty_drafts(meeting):
                self.app.mark_changed()
            if not meeting.start and not self._is_past():  # a write-up has no "now"
                meeting.start = hhmm(self.now())
                self.app.mark_changed()
        self.query_one("#live-title", Static).update(f"{meeting.title} · {meeting.date}")
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
        self.set_interval(1, self._tick)
        self.query_one("#notes").focus()
        self._owner_history: list[str] = []
        self._load_owner_history(meeting.series_name, meeting.id)

    @work(thread=True, exclusive=True, group="owner-history", exit_on_error=False)
    def _load_owner_history(self, series: str, meeting_id: str) -> None:
        # Owners used before in the series complete the owner field; finding them
        # reads every meeting file, so it happens here and not when F3 is pressed.
        from store.persistence.series import series_owner_history

        history = series_owner_history(self.app.store, series, exclude_id=meeting_id)
        self.app.call_from_thread(setattr, self, "_owner_history", history)

    def _show_empty(self) -> None:
        # Nothing to write notes into: say so rather than take text that has no home.
        notes = self.query_one("#notes", TextArea)
        notes.read_only = True
        notes.load_text("")
        notes.placeholder = "Dagordningen är tom. Tryck F6 för att lägga till en punkt."
        self.query_one("#item-title", Static).update("Ingen punkt")
        self.query_one("#agenda-text").display = False
        self.query_one("#decisions", EntryList).clear_options()
        self.query_one("#actions", EntryList).clear_options()

    def on_screen_suspend(self) -> None:
        # A dialog or another screen comes on top: the model must hold every keystroke.
        self.sync_to_model()

    def on_screen_resume(self) -> None:
        # Back from a dialog or the preview: the model may have changed under us.
        if not self.is_mounted or not self._session_is_ours:
            return
        self.query_one("#live-title", Static).update(
            f"{self.meeting.title} · {self.meeting.date}")
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
        tree = self.query_one(AgendaTree)
        tree.clear_options()
        tree.add_options(
            Option(self._tree_label(number, depth, item), id=item.id)
            for number, depth, item in self.meeting.walk()
        )
        self._tree_ids = [item.id for item in self.meeting.all_items()]
        self._move_tree_cursor()

    def _move_tree_cursor(self) -> None:
        if self.item_id in self._tree_ids:
            tree = self.query_one(AgendaTree)
            tree.highlighted = self._tree_ids.index(self.item_id)

    def _tree_label(self, number: str, depth: int, item: AgendaItem) -> Text:
        current = item.id == self.item_id
        mark = CURRENT_MARK if current else STATUS_MARKS.get(item.status, "  ")
        label = Text(mark, style="bold" if current else _status_style(item.status),
                     no_wrap=True, overflow="ellipsis")
        label.append("  " * (depth - 1))
        label.append(f"{number}. ", style="bold" if current else None)
        label.append(item.title, style="bold" if current else (
            "dim" if item.status in ("done", "deferred") else None))
        return append_standing_mark(label, item.standing)

    def refresh_tree_labels(self) -> None:
        tree = self.query_one(AgendaTree)
        ids = [item.id for item in self.meeting.all_items()]
        if ids != self._tree_ids:
            self.rebuild_tree()
            return
        for index, (number, depth, item) in enumerate(self.meeting.walk()):
            tree.replace_option_prompt_at_index(index, self._tree_label(number, depth, item))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if isinstance(event.option_list, AgendaTree):
            event.stop()
            if event.option.id:
                self.go_to(event.option.id)
                self.query_one("#notes").focus()

    # -- the current item

    def go_to(self, item_id: str) -> None:
        self.sync_to_model()
        self.item_id = item_id
        item = self.current
        if item is None:
            return
        if not self.app.read_only and rules.start_item(item, self.now()):
            self.app.mark_changed()
        notes = self.query_one("#notes", TextArea)
        if notes.read_only and not self.app.read_only:
            notes.read_only = False
            notes.placeholder = "Skriv anteckningar här…"
        self.refresh_item(load_notes=True)
        self.refresh_tree_labels()
        self._move_tree_cursor()

    def refresh_item(self, *, load_notes: bool) -> None:
        item = self.current
        if item is None:
            return
        number = self.meeting.number_of(item.id)
        status = {"done": "  ✓ klar", "deferred": "  ↷ flyttad"}.get(item.status, "")
        self.query_one("#item-title", Static).update(f"{number}. {item.title}{status}")
        self.query_one("#agenda-body", Static).update(self._agenda_text(item))
        self.query_one("#agenda-text").display = bool(self._agenda_text(item).plain)
        if load_notes:
            notes = self.query_one("#notes", TextArea)
            if notes.text != item.notes:
                # Another item (or an edit elsewhere): start at the end of its notes.
                notes.load_text(item.notes)
                notes.move_cursor(notes.document.end)
        self.refresh_entries()
        self._tick()

    def _agenda_text(self, item: AgendaItem) -> Text:
        out = Text()

        def para(text: Text) -> None:
            if out:
                out.append("\n")
            out.append_text(text)

        head = []
        if item.presenter:
            head.append(f"Föredragande: {item.presenter}")
        if item.time:
            head.append(f"Tid: {item.time}")
        if head:
            para(Text("  ".join(head), style="italic"))
        if item.description:
            para(markup_text(item.description))
        if item.background:
            para(Text("Ärendebeskrivning", style="bold"))
            para(markup_text(item.background))
        if item.proposal:
            para(Text("Förslag till beslut: ", style="bold") + markup_text(item.proposal))
        if item.attachments:
            para(Text("Bilagor: ", style="bold") + Text(", ".join(item.attachments)))
        return out

    def refresh_entries(self) -> None:
        item = self.current
        if item is None:
            return
        decisions = self.query_one("#decisions", EntryList)
        keep = decisions.highlighted
        decisions.clear_options()
        decisions.add_options(
            Option(Text("• " + d.text.replace("\n", " ")), id=d.id) for d in item.decisions
        )
        if item.decisions:
            decisions.highlighted = min(keep or 0, len(item.decisions) - 1)
        actions = self.query_one("#actions", EntryList)
        keep = actions.highlighted
        actions.clear_options()
        actions.add_options(Option(_action_text(a), id=a.id) for a in item.actions)
        if item.actions:
            actions.highlighted = min(keep or 0, len(item.actions) - 1)

    def sync_to_model(self) -> None:
        """Copy the notes editor into the current item (before any switch or signal)."""
        if not self._session_is_ours:
            return
        item = self.current
        if item is None or self.app.read_only:
            return
        try:
            text = self.query_one("#notes", TextArea).text
        except Exception:  # noqa: BLE001 - widgets already gone at shutdown
            return
        if item.notes != text:
            item.notes = text
            self.app.mark_changed(notes_of=item.id)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.id == "notes":
            self.sync_to_model()

    # -- clock and status line

    def _tick(self) -> None:
        now = self.now()
        parts = []
        item = self.current
        if item is not None and item.started_at:
            try:
                started = datetime.fromisoformat(item.started_at)
                finished = datetime.fromisoformat(item.finished_at) if item.finished_at else now
                seconds = max(0, int((finished - started).total_seconds()))
                parts.append(f"punkt {seconds // 60:d}:{seconds % 60:02d}")
            except ValueError:
                pass
        parts.append(now.strftime("%H:%M:%S"))
        state = self.app.save_state
        text = Text("  ".join(parts), style="bold")
        if state:
            text.append("  ")
            text.append(state, style="bold red" if "EJ" in state else "dim")
        # A new layout (the whole screen, the agenda list with it) only when the width
        # changes: the clock and "Sparat" tick several times a second while typing.
        width_changed = text.cell_len != getattr(self, "_status_cells", None)
        self._status_cells = text.cell_len
        self.query_one("#live-status", Static).update(text, layout=width_changed)

    def _show_status(self, _state: str) -> None:
        self._tick()

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
        self.sync_to_model()
        item = self.current
        done = rules.toggle_done(item, self.now())
        self._changed()
        if not done:
            self.notify(f"{self.meeting.number_of(item.id)}. är öppnad igen.")
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
        self.sync_to_model()
        item = self.current
        rules.defer(item, self.now(), defer_decision(item.title))
        self._changed()
        self.notify(f"{self.meeting.number_of(item.id)}. {item.title} skjuts upp till nästa möte.")
        self._advance()

    # -- decisions and actions

    def action_add_decision(self) -> None:
        if not self._writable():
            return
        self.sync_to_model()
        # The draft is in the model from the first keystroke, so a crash or a closed
        # terminal mid-dialog keeps what was typed; cancelling removes it again.
        draft = Decision("")
        self.current.decisions.append(draft)
        self._open_decision_dialog(draft, new=True)

    def _open_decision_dialog(self, decision: Decision, *, new: bool) -> None:
        from .decision_dialog import DecisionDialog

        item = self.current
        focus = "#notes" if new else "#decisions"

        def done(result) -> None:
            self.query_one(focus).focus()
            if result is None:
                if new and decision in item.decisions:
                    item.decisions.remove(decision)
                    self.app.mark_changed()
                self.refresh_entries()
                return
            self._changed()

        self.app.push_screen(
            DecisionDialog(decision, title="Nytt beslut" if new else None), done
        )

    def action_add_action(self) -> None:
        if not self._writable():
            return
        self.sync_to_model()
        draft = Action("")  # in the model at once, as for decisions
        self.current.actions.append(draft)
        self._open_action_dialog(draft, new=True)

    def _open_action_dialog(self, action: Action, *, new: bool = False) -> None:
        from store.domain.dates import due_date_reference
        from store.domain.owners import owner_suggestions

        from .action_dialog import ActionDialog

        item = self.current
        suggestions = owner_suggestions(self.meeting, self._owner_history or ())

        def done(result: Action | None) -> None:
            self.query_one("#notes" if new else "#actions").focus()
            if result is None:
                if new and action in item.actions:
                    item.actions.remove(action)
                    self.app.mark_changed()
                self.refresh_entries()
                return
            self._changed()

        self.app.push_screen(
            ActionDialog(action, suggestions,
                         due_date_reference(self.meeting.date, self.now().date()),
                         title="Ny åtgärd" if new else None),
            done,
        )

    def edit_entry(self, list_id: str, entry_id: str) -> None:
        if not self._writable():
            return
        item = self.current
        if list_id == "actions":
            action = next((a for a in item.actions if a.id == entry_id), None)
            if action is not None:
                self._open_action_dialog(action)
            return
        decision = next((d for d in item.decisions if d.id == entry_id), None)
        if decision is not None:
            self._open_decision_dialog(decision, new=False)

    def toggle_action(self, action_id: str) -> None:
        """Tick an action done or reopen it, in its original meeting and every copy."""
        if not self._writable():
            return
        action = next((a for a in self.current.actions if a.id == action_id), None)
        if action is None:
            return
        from .action_list import toggle_action_done

        toggle_action_done(self.app, action_id, not action.done, on_done=self.refresh_entries)

    def delete_entry(self, list_id: str, entry_id: str) -> None:
        if not self._writable():
            return
        from ..widgets.dialogs import ConfirmDialog

        item = self.current
        entries = item.actions if list_id == "actions" else item.decisions
        entry = next((e for e in entries if e.id == entry_id), None)
        if entry is None:
            return
        kind = "åtgärden" if list_id == "actions" else "beslutet"

        def done(yes: bool | None) -> None:
            self.query_one(f"#{list_id}").focus()
            if yes and entry in entries:
                entries.remove(entry)
                self._changed()

        self.app.push_screen(
            ConfirmDialog(f"Ta bort {kind} ”{entry.text}”?", yes="Ta bort", danger=True), done
        )

    # -- the agenda during the meeting

    def action_add_item(self) -> None:
        if not self._writable(need_item=False):
            return
        from ..widgets.dialogs import NewItemDialog

        self.sync_to_model()
        current = self.current
        # Under "Övriga frågor" new matters become its sub-items; elsewhere a new item
        # follows the current one.
        as_sub = rules.collects_other_matters(current)

        def add(title: str, sub: bool) -> AgendaItem:
            item = rules.add_item_during_meeting(self.meeting, title, current, as_sub_item=sub)
            self.app.mark_changed()
            return item

        def done(result: tuple[str, bool] | None) -> None:
            self.query_one("#notes").focus()
            if not result:
                return
            title, sub = result
            item = add(title, sub)
            self.rebuild_tree()
            self.go_to(item.id)
            self.notify(f"Punkt {self.meeting.number_of(item.id)}. {title} är tillagd.")

        self.app.push_screen(
            NewItemDialog(current.title if current else None, as_sub_item=as_sub,
                          keep=add),
            done,
        )

    def _is_past(self) -> bool:
        from .attendance_dialog import is_past

        return is_past(self.meeting, self.now().date().isoformat())

    def action_attendance(self, mode: str) -> None:
        if not self._writable(need_item=False):
            return
        from .attendance_dialog import AttendanceDialog

        self.sync_to_model()
        self.app.push_screen(
            AttendanceDialog(self.meeting, mode=mode, now=self.now, past=self._is_past(),
                             item_id=self.item_id, on_change=self.app.mark_changed),
            lambda _: self.query_one("#notes").focus(),
        )

    def action_attachments(self) -> None:
        if not self._writable():
            return
        from .attachments_dialog import AttachmentsDialog

        self.sync_to_model()
        item = self.current

        def done(_) -> None:
            self.query_one("#notes").focus()
            self.refresh_item(load_notes=False)

        self.app.push_screen(
            AttachmentsDialog(item, self.meeting.number_of(item.id),
                              on_change=self.app.mark_changed), done)

    # -- preview, export, end

    def action_preview(self) -> None:
        from .preview import PreviewScreen

        self.sync_to_model()
        self.app.push_screen(PreviewScreen(item_id=self.item_id))

    def action_export(self) -> None:
        self.sync_to_model()
        self.app.export_meeting()

    def action_end_meeting(self) -> None:
        from ..ended_meeting import offer_reopen

        if offer_reopen(self) or not self._writable(need_item=False):
            return
        from store.domain.attendance import warnings_for

        from .attendance_dialog import TimeDialog, end_refusal, offered_end

        self.sync_to_model()
        meeting = self.meeting

        def done(end: str | None) -> None:
            self.query_one("#notes").focus()
            if not end:
                return
            rules.end(meeting, self.now(), end, self.current)
            self.app.mark_changed()
            self.app.save_now()
            late = [p.name for p in meeting.participants if warnings_for(meeting, p)]
            extra = f" Obs: tider utanför mötet för {', '.join(late)}." if late else ""
            self.notify(f"Mötet avslutades {end}. Exportera {document(meeting)} med F10.{extra}",
                        title="Mötet är avslutat", severity="warning" if late else "information")

        self.app.push_screen(
            TimeDialog("Avsluta mötet — sluttid", offered_end(meeting, self.now(),
                                                               self._is_past()),
                       hint="enter avslutar mötet med tiden · esc fortsätter mötet",
                       check=lambda end: end_refusal(meeting, end)),
            done,
        )


def _status_style(status: str) -> str | None:
    return {"done": "green", "deferred": "yellow"}.get(status)


def _action_text(action: Action) -> Text:
    text = Text("☐ " if not action.done else "☑ ")
    text.append(action.text.replace("\n", " "))
    details = [action.owner or NOT_GIVEN, action.due or "inget datum"]
    text.append(" — " + ", ".join(details), style="dim")
    return text
