"""The agenda editor: the agenda as a numbered tree beside a form for the chosen item.

Numbers come from the position in the tree (Meeting.walk()) and follow every move.
Every edit goes straight into `app.session.meeting` and calls `app.mark_changed()`.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.suggester import SuggestFromList
from textual.widgets import Checkbox, Input, Label, Static, TextArea, Tree

from store.domain.dates import ClockTimeError, clock_time_as_typed, parse_clock_time
from store.domain.model import AgendaItem, Meeting
from store.domain.paragraph_removal import moved_ties_sentence, remove_item_keeping_ties
from store.domain.paragraphs import paragraph_numbers

from ..paragraph_count import FirstParagraph, paragraph_mark
from ..save_state import SaveState
from ..toast_place import keep_toasts_over
from ..dialogs.questions import ConfirmDialog
from ..widgets.live_footer import LiveFooter
from ..widgets.text_area import AppTextArea
from ..widgets.agenda_outline import AgendaOutline
from ..widgets.standing_mark import append_standing_mark
from ..widgets.unplaced_note import UNPLACED_NODE, UnplacedNote, line_count, unplaced_label
from ..worker_messages import FirstParagraphFound
from .agenda_protocol import ProtocolItemFields

# The free-text fields of an item, as (widget id, model attribute, label).
TEXT_FIELDS = (
    ("i-description", "description", "Beskrivning"),
    ("i-background", "background", "Ärendebeskrivning"),
    ("i-proposal", "proposal", "Förslag till beslut"),
)


def item_label(number: str, item: AgendaItem, paragraph: int | None = None) -> Text:
    """'3. Title', or for a protocol's ärende '§ 43 Title'."""
    shown = paragraph_mark(paragraph) if paragraph is not None else f"{number}."
    text = Text(f"{shown} ", style="bold")
    text.append(item.title or "(utan rubrik)", style="" if item.title else "dim italic")
    return append_standing_mark(text, item.standing)


class AgendaEditorScreen(Screen[None]):
    #: The title of this view in the help screen (F1).
    HELP_TITLE = "Dagordningen"
    CSS_PATH = "agenda_editor.tcss"

    MOVE = Binding.Group("Flytta", compact=True)
    LEVEL = Binding.Group("Nivå", compact=True)

    BINDINGS = [
        Binding("ctrl+n", "add_item", "Ny punkt", id="agenda.add",
                tooltip="Lägg till en punkt efter den markerade", priority=True),
        Binding("delete", "delete_item", "Ta bort", id="agenda.delete",
                tooltip="Ta bort den markerade punkten (frågar först)"),
        Binding("alt+up", "move(-1)", "Upp", id="agenda.move_up", group=MOVE,
                tooltip="Flytta punkten ett steg upp", priority=True),
        Binding("alt+down", "move(1)", "Ned", id="agenda.move_down", group=MOVE,
                key_display="↓",
                tooltip="Flytta punkten ett steg ned", priority=True),
        Binding("alt+right", "indent", "Underpunkt", id="agenda.indent", group=LEVEL,
                tooltip="Gör punkten till underpunkt till punkten ovanför (4 → 3.1)",
                priority=True),
        Binding("alt+left", "outdent", "Lyft ut", id="agenda.outdent", group=LEVEL,
                key_display="←",
                tooltip="Flytta upp underpunkten en nivå (3.1 → 4)", priority=True),
        Binding("ctrl+t", "focus_tree", "Listan", id="agenda.focus_tree", show=False,
                tooltip="Gå till dagordningens lista", priority=True),
        Binding("escape", "close", "Klar", id="agenda.close",
                tooltip="Tillbaka (allt är redan sparat)"),
    ]

    def __init__(self, *, item_id: str | None = None, name: str | None = None,
                 id: str | None = None):
        super().__init__(name=name, id=id)
        self.current_id: str | None = None
        #: The tree's cursor is on the import's unplaced text (no item: current_id None).
        self.on_unplaced = False
        self.initial_item_id = item_id
        self.first_paragraph = FirstParagraph()

    # -- model access

    @property
    def meeting(self) -> Meeting:
        return self.app.session.meeting

    @property
    def current(self) -> AgendaItem | None:
        if self.current_id is None:
            return None
        try:
            return self.meeting.find_item(self.current_id)
        except KeyError:
            return None

    def _changed(self) -> None:
        self.app.mark_changed()

    # -- layout

    def compose(self) -> ComposeResult:
        presenters = [p.name for p in self.meeting.participants if p.name]
        with Horizontal(id="agenda-title"):
            yield Static(f"Dagordning · {self.meeting.title} {self.meeting.date}",
                         id="agenda-heading", markup=False)
            yield Static("", id="save-state", markup=False)
        with Horizontal(id="agenda-body"):
            tree = AgendaOutline("Dagordning", id="agenda-tree")
            tree.show_root = False
            tree.guide_depth = 2
            yield tree
            # Not a focus stop of its own: tab from the tree goes straight to the title
            # (an invisible stop made the fourth tab land on the checkbox, where typed
            # text was lost and each space flipped "Stående punkt").
            with VerticalScroll(id="item-editor", can_focus=False):
                with Horizontal(classes="row"):
                    yield Label("Rubrik", classes="lbl")
                    yield Input(id="i-title", compact=True, placeholder="Punktens rubrik")
                with Horizontal(classes="row"):
                    yield Label("Föredr.", classes="lbl")
                    yield Input(id="i-presenter", compact=True, placeholder="Föredragande",
                                suggester=SuggestFromList(presenters, case_sensitive=False))
                with Horizontal(classes="row"):
                    yield Label("Tid", classes="lbl")
                    yield Input(id="i-time", compact=True, placeholder="TT:MM")
                    yield Checkbox("Stående punkt", id="i-standing", compact=True)
                yield Static("", id="item-message")
                yield ProtocolItemFields(lists=False, classes="protocol-item")
                for widget_id, _, label in TEXT_FIELDS:
                    yield Label(label, classes="area-label")
                    yield AppTextArea(id=widget_id, soft_wrap=True, compact=True)
                yield Label("Bilagor (en per rad)", classes="area-label")
                yield AppTextArea(id="i-attachments", soft_wrap=True, compact=True,
                                  reflow_paste=False)  # one attachment per line
                yield ProtocolItemFields(lists=True, classes="protocol-item")
            yield UnplacedNote(id="unplaced-note")
        # Every key on as many lines as it needs: one line cut them at 80 columns.
        yield LiveFooter(compact=True)

    def on_mount(self) -> None:
        items = [item.id for item in self.meeting.all_items()]
        start = self.initial_item_id if self.initial_item_id in items else None
        for fields in self.query(ProtocolItemFields):
            fields.display = self.meeting.is_protocol
        self.first_paragraph.count(self, self.meeting)
        self._rebuild(start or (items[0] if items else None))
        self.query_one("#agenda-tree", Tree).focus()
        keep_toasts_over(self, self.query_one("#agenda-tree"))  # never over the fields
        if hasattr(self.app, "save_state"):
            # The app's quiet "Sparat hh:mm:ss", so the secretary sees edits are kept.
            self.watch(self.app, "save_state", self._show_save_state)

    def _show_save_state(self, state: SaveState) -> None:
        self.query_one("#save-state", Static).update(state.text)

    # -- the tree

    def on_first_paragraph_found(self, message: FirstParagraphFound) -> None:
        if self.first_paragraph.found(message):
            self._rebuild(UNPLACED_NODE if self.on_unplaced else self.current_id)

    def _paragraph(self, item_id: str) -> int | None:
        """The § of a top-level ärende of a protocol; None otherwise or not yet counted."""
        first = self.first_paragraph.of(self.meeting)
        return paragraph_numbers(self.meeting, first).get(item_id) if first else None

    def _rebuild(self, select_id: str | None) -> None:
        """Redraw the tree from the model (numbers included) and select an item."""
        tree = self.query_one("#agenda-tree", Tree)
        tree.clear()
        order: list[str] = []

        def add(parent, items: list[AgendaItem], prefix: str) -> None:
            for index, item in enumerate(items, start=1):
                number = f"{prefix}{index}"
                node = parent.add(item_label(number, item, self._paragraph(item.id)),
                                  data=item.id,
                                  expand=True, allow_expand=False)
                order.append(item.id)
                add(node, item.items, number + ".")

        # Numbered as Meeting.walk() numbers them: from the position alone.
        add(tree.root, self.meeting.items, "")
        if self.meeting.unplaced.strip():
            # Last and without a number: it is no item and shifts no §.
            tree.root.add_leaf(unplaced_label(), data=UNPLACED_NODE)
            order.append(UNPLACED_NODE)
        if select_id in order:
            tree.cursor_line = order.index(select_id)
        self._load_item(select_id if select_id in order else None)

    def _relabel_current(self) -> None:
        item = self.current
        if item is None:
            return
        tree = self.query_one("#agenda-tree", Tree)
        number = self.meeting.number_of(item.id)
        for node in _walk_nodes(tree.root):
            if node.data == item.id:
                node.set_label(item_label(number, item, self._paragraph(item.id)))
                break

    @on(Tree.NodeHighlighted, "#agenda-tree")
    def _node_highlighted(self, event: Tree.NodeHighlighted) -> None:
        if event.node.data != self.current_id:
            self._load_item(event.node.data)

    @on(Tree.NodeSelected, "#agenda-tree")
    def _node_selected(self) -> None:
        self.query_one("#unplaced-text" if self.on_unplaced else "#i-title").focus()

    # -- the item form

    def _load_item(self, item_id: str | None) -> None:
        self.on_unplaced = item_id == UNPLACED_NODE
        self.query_one("#item-editor").display = not self.on_unplaced
        note = self.query_one(UnplacedNote)
        note.display = self.on_unplaced
        if self.on_unplaced:
            self.current_id = None
            note.load(self.meeting)
            return
        self.current_id = item_id
        item = self.current
        self.query_one("#item-editor").disabled = item is None
        self.query_one("#i-title", Input).value = item.title if item else ""
        self.query_one("#i-presenter", Input).value = item.presenter if item else ""
        time_input = self.query_one("#i-time", Input)
        time_input.value = (item.time or "") if item else ""
        time_input.remove_class("-bad")
        self.query_one("#i-standing", Checkbox).value = item.standing if item else False
        for widget_id, attr, _ in TEXT_FIELDS:
            self.query_one(f"#{widget_id}", TextArea).text = getattr(item, attr) if item else ""
        self.query_one("#i-attachments", TextArea).text = (
            "\n".join(item.attachments) if item else "")
        for fields in self.query(ProtocolItemFields):
            fields.load(item)
        self._show_item_state()

    def _show_item_state(self, problem: str | None = None) -> None:
        message = self.query_one("#item-message", Static)
        item = self.current
        if problem:
            message.update(Text(problem, style="bold red"))
        elif item is None:
            message.update(Text("Dagordningen är tom: ctrl+n lägger till en punkt.",
                                style="dim"))
        else:
            paragraph = self._paragraph(item.id)
            shown = (paragraph_mark(paragraph) if paragraph is not None
                     else f"Punkt {self.meeting.number_of(item.id)}")
            message.update(Text(shown, style="dim"))

    @on(Input.Changed, "#i-title, #i-presenter")
    def _text_input_changed(self, event: Input.Changed) -> None:
        item = self.current
        if item is None:
            return
        attr = "title" if event.input.id == "i-title" else "presenter"
        if getattr(item, attr) != event.input.value:
            setattr(item, attr, event.input.value)
            self._changed()
            if attr == "title":
                self._relabel_current()

    @on(Input.Changed, "#i-time")
    def _time_changed(self, event: Input.Changed) -> None:
        self._apply_time(event.input, final=not event.input.has_focus)

    @on(Input.Blurred, "#i-time")
    def _time_left(self, event: Input.Blurred) -> None:
        self._apply_time(event.input, final=True)
        widget, item = event.input, self.current
        if item is not None and item.time and not widget.has_class("-bad") \
                and widget.value != item.time:
            widget.value = item.time  # show what was understood: "915" -> 09:15

    def _apply_time(self, widget: Input, *, final: bool) -> None:
        """Write the item's time once it is a whole time; '13' may still become '13:30'."""
        item = self.current
        if item is None:
            return
        try:
            complete, parsed = clock_time_as_typed(widget.value)
            if not complete and final:
                complete, parsed = True, parse_clock_time(widget.value)
        except ClockTimeError as exc:
            widget.add_class("-bad")
            self._show_item_state(str(exc))
            return
        widget.remove_class("-bad")
        self._show_item_state()
        if complete and item.time != parsed:
            item.time = parsed
            self._changed()

    @on(Checkbox.Changed, "#i-standing")
    def _standing_changed(self, event: Checkbox.Changed) -> None:
        item = self.current
        if item is not None and item.standing != event.checkbox.value:
            item.standing = event.checkbox.value
            self._changed()
            self._relabel_current()

    @on(TextArea.Changed)
    def _area_changed(self, event: TextArea.Changed) -> None:
        item = self.current
        if item is None:
            return
        widget_id = event.text_area.id
        text = event.text_area.text
        if widget_id == "i-attachments":
            names = [line.strip() for line in text.splitlines() if line.strip()]
            if names != item.attachments:
                item.attachments = names
                self._changed()
            return
        attr = next((a for w, a, _ in TEXT_FIELDS if w == widget_id), None)
        if attr is not None and getattr(item, attr) != text:
            setattr(item, attr, text)
            self._changed()

    @on(Input.Submitted, "#i-title, #i-presenter, #i-time")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    # -- structure

    def action_add_item(self) -> None:
        item = AgendaItem("")
        if self.current_id is not None:
            self.meeting.add_item(item, after=self.current_id)
        else:
            self.meeting.add_item(item)
        self._changed()
        self._rebuild(item.id)
        self.query_one("#i-title", Input).focus()

    def action_delete_item(self) -> None:
        if self.on_unplaced:
            self._delete_unplaced()
            return
        item = self.current
        if item is None:
            return
        number = self.meeting.number_of(item.id)
        subs = sum(1 for _ in item.walk()) - 1
        question = f"Ta bort punkt {number}. {item.title or '(utan rubrik)'}"
        if subs:
            question += f" och dess {subs} underpunkt{'er' if subs > 1 else ''}"
        filled = item.notes or item.decisions or item.actions
        question += "?" + (" Den har anteckningar, beslut eller åtgärder." if filled else "")

        def confirmed(ok: bool | None) -> None:
            if not ok:
                return
            order = [i.id for i in self.meeting.all_items()]
            try:
                _, moves = remove_item_keeping_ties(self.meeting, item.id)
            except KeyError:
                return
            self._changed()
            if moves:  # who left or joined at this § now does so at its neighbour
                self.notify(moved_ties_sentence(self.meeting, item.title, moves,
                                                self.first_paragraph.of(self.meeting)),
                            title="Närvaron flyttad", severity="warning")
            remaining = {i.id for i in self.meeting.all_items()}
            index = order.index(item.id)
            # Select the item that took its place, else the one before it.
            after = [i for i in order[index + 1:] if i in remaining]
            before = [i for i in order[:index] if i in remaining]
            self._rebuild(after[0] if after else (before[-1] if before else None))
            self.query_one("#agenda-tree", Tree).focus()

        self.app.push_screen(
            ConfirmDialog(question, yes="Ja, ta bort", no="Nej", danger=True), confirmed
        )

    def _delete_unplaced(self) -> None:
        lines = line_count(self.meeting.unplaced)
        question = (f"Ta bort den ej placerade texten från importen "
                    f"({lines} {'rad' if lines == 1 else 'rader'})?")

        def confirmed(ok: bool | None) -> None:
            if not ok:
                return
            self.meeting.unplaced = ""
            self._changed()
            items = self.meeting.items
            self._rebuild(items[-1].id if items else None)
            self.query_one("#agenda-tree", Tree).focus()

        self.app.push_screen(
            ConfirmDialog(question, yes="Ja, ta bort", no="Nej", danger=True), confirmed
        )

    def _restructure(self, change) -> None:
        item = self.current
        if item is None:
            return
        if change(item.id):
            self._changed()
            self._rebuild(item.id)
        else:
            self.app.bell()

    def action_move(self, offset: int) -> None:
        self._restructure(lambda item_id: self.meeting.move_item(item_id, offset))

    def action_indent(self) -> None:
        self._restructure(self.meeting.indent_item)

    def action_outdent(self) -> None:
        self._restructure(self.meeting.outdent_item)

    def action_focus_tree(self) -> None:
        self.query_one("#agenda-tree", Tree).focus()

    def action_close(self) -> None:
        self.dismiss(None)


def _walk_nodes(node):
    for child in node.children:
        yield child
        yield from _walk_nodes(child)
