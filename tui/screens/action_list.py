"""The action list: every action of every meeting, filtered, ticked done, printed.

Reading a thousand meetings takes a noticeable moment, so the scan runs in a thread
worker and is kept: typing in a filter only re-filters the kept rows. Ticking an action
done also runs in a worker (it may open and save several meetings); a change to the
meeting the app has open is applied on the UI thread and saved by the app's autosave.
"""

from __future__ import annotations

import asyncio
from datetime import date as Date
from pathlib import Path

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Checkbox, Input, Select, Static
from textual.worker import get_current_worker

from export.labels import cells, filter_text
from store.domain.action_rows import ActionRow
from store.persistence.actions import ActionFilter, all_rows
from store.persistence.serialize import parse_iso_date

from ..action_done import toggle_action_done
from ..worker_messages import ActionsScanned, ActionsSelected, ActionToggled, Notice
from ..widgets.live_footer import LiveFooter
from ..dialogs.action_print import ListPrinted, PrintDialog, count_text, default_print_path, tell, \
    write_printout

STATUS_OPTIONS = [("Öppna", "open"), ("Alla", "all"), ("Försenade", "overdue")]
HEADERS = ("Åtgärd", "Ansvarig", "Klart senast", "Möte", "Status", "Id")
NARROW = 100  # below this table width the Id column is left out
FILTER_DELAY = 0.25  # seconds of quiet typing before the list is filtered again
TYPING = "action-filter-typing"  # the worker group of that pause


class ActionTable(ScrollView, can_focus=True):
    """A table that draws only the rows in view, so 40 000 actions cost nothing to show.

    (DataTable measures every cell of every row on the UI thread: seconds for a long
    list.) Line 0 is the header; the rest scroll under it.
    """

    COMPONENT_CLASSES = {
        "action-table--header",
        "action-table--cursor",
        "action-table--overdue",
        "action-table--done",
    }
    DEFAULT_CSS = """
    ActionTable {
        height: 1fr;
    }
    ActionTable > .action-table--header {
        text-style: bold;
        background: $panel;
    }
    ActionTable > .action-table--cursor {
        background: $boost;
        text-style: reverse;
    }
    ActionTable:focus > .action-table--cursor {
        background: $accent;
        color: $text;
        text-style: bold;
    }
    ActionTable > .action-table--overdue {
        color: $error;
        text-style: bold;
    }
    ActionTable > .action-table--done {
        color: $text-muted;
    }
    """
    BINDINGS = [
        Binding("up", "cursor(-1)", show=False),
        Binding("down", "cursor(1)", show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
        Binding("home", "to(0)", show=False),
        Binding("end", "to(-1)", show=False),
        Binding("enter", "select", "Gå till mötet"),
    ]

    cursor_row: reactive[int] = reactive(0, always_update=True)

    class RowSelected(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._rows: list[ActionRow] = []
        self._widths: tuple[int, ...] = ()
        self._width_for = -1

    @property
    def row_count(self) -> int:
        return len(self._rows)

    def set_rows(self, rows: list[ActionRow], cursor: int = 0) -> None:
        self._rows = rows
        self.virtual_size = Size(self.scrollable_content_region.width, len(rows) + 1)
        self.cursor_row = max(0, min(cursor, len(rows) - 1))
        self.refresh()

    def move_cursor(self, *, row: int) -> None:
        self.cursor_row = max(0, min(row, len(self._rows) - 1))

    def on_resize(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, len(self._rows) + 1)

    def validate_cursor_row(self, value: int) -> int:
        return max(0, min(value, len(self._rows) - 1))

    def watch_cursor_row(self, value: int) -> None:
        # Keep the cursor in view: rows start below the header line.
        visible = max(1, self.size.height - 1)
        top = round(self.scroll_y)
        if value < top:
            self.scroll_to(y=value, animate=False)
        elif value >= top + visible:
            self.scroll_to(y=value - visible + 1, animate=False)
        self.refresh()

    def action_cursor(self, step: int) -> None:
        self.cursor_row += step

    def action_page(self, step: int) -> None:
        self.cursor_row += step * max(1, self.size.height - 2)

    def action_to(self, where: int) -> None:
        self.cursor_row = 0 if where == 0 else len(self._rows) - 1

    def action_select(self) -> None:
        if self._rows:
            self.post_message(self.RowSelected(self.cursor_row))

    def on_click(self, event) -> None:
        index = round(self.scroll_y) + event.y - 1
        if event.y >= 1 and 0 <= index < len(self._rows):
            self.cursor_row = index
            if event.chain >= 2:
                self.action_select()

    def _column_widths(self, width: int) -> tuple[int, ...]:
        if width != self._width_for:
            if width < NARROW:
                # 80 columns: the action's own text matters most; the id is for the
                # command line and goes, the other columns shrink.
                fixed = (14, 12, 10, 0)
                rest = max(20, width - sum(fixed) - 2 * 4)
                text = rest * 3 // 5
            else:
                fixed = (18, 12, 15, 10)  # owner, due, status, id
                rest = max(20, width - sum(fixed) - 2 * 5)
                text = rest * 11 // 20
            self._widths = (text, fixed[0], fixed[1], rest - text, fixed[2], fixed[3])
            self._width_for = width
        return self._widths

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        widths = self._column_widths(width)
        if y == 0:
            values: tuple[str, ...] = HEADERS
            style = self.get_component_rich_style("action-table--header")
        else:
            index = round(self.scroll_y) + y - 1
            if index >= len(self._rows):
                return Strip.blank(width, self.rich_style)
            row = self._rows[index]
            *columns, status = cells(row)
            if cell_len(status) > widths[4]:
                status = "Klar" if row.done else status  # the done date needs room
            values = (*columns, status, row.action_id)
            style = self.rich_style
            if row.overdue:
                style += self.get_component_rich_style("action-table--overdue")
            elif row.done:
                style += self.get_component_rich_style("action-table--done")
            if index == self.cursor_row:
                style += self.get_component_rich_style("action-table--cursor")
        line = "  ".join(_fit(value, w) for value, w in zip(values, widths) if w)
        return Strip([Segment(set_cell_size(line, width), style)], width)


def _fit(text: str, width: int) -> str:
    text = text.replace("\n", " ")
    if cell_len(text) > width:
        return set_cell_size(text, max(width - 1, 0)) + "…"
    return set_cell_size(text, width)


class ActionListScreen(Screen):
    #: The title of this view in the help screen (F1).
    HELP_TITLE = "Åtgärdslistan"
    CSS_PATH = "action_list.tcss"

    BINDINGS = [
        Binding("escape", "close", "Tillbaka", id="actions.close",
                tooltip="Stäng åtgärdslistan."),
        Binding("space", "toggle_done", "Klar/öppen", id="actions.toggle_done",
                tooltip="Markera den valda åtgärden klar, eller öppna den igen."),
        Binding("enter", "open_source", "Gå till mötet", id="actions.open",
                tooltip="Öppna mötet och punkten där åtgärden beslutades."),
        Binding("ctrl+e", "print", "Skriv ut", id="actions.print",
                tooltip="Spara åtgärdslistan som Word-fil (liggande A4) för utskrift; "
                        "du väljer var."),
        Binding("ctrl+r", "reload", "Läs om", id="actions.reload",
                tooltip="Läs in åtgärderna från alla möten igen."),
        Binding("ctrl+f", "focus_filter", "Filter", id="actions.filter",
                tooltip="Gå till filtret för ansvarig."),
        Binding("ctrl+t", "cycle_status", "Öppna/alla/försenade", id="actions.status",
                tooltip="Växla mellan öppna, alla och försenade åtgärder."),
        Binding("ctrl+g", "toggle_by_owner", "Per ansvarig", id="actions.by_owner",
                tooltip="Gruppera listan och utskriften per ansvarig."),
    ]

    def __init__(self, *, status: str = "open", meeting_id: str | None = None) -> None:
        super().__init__()
        self._initial = ActionFilter(status=status, meeting_id=meeting_id)
        self._all: list[ActionRow] | None = None  # the kept scan
        self.rows: list[ActionRow] = []  # what the table shows, in order
        self.loading_rows = False
        self.last_printed: Path | None = None

    # -- layout ------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Vertical(id="action-list"):
            yield Static("Åtgärdslista", id="actions-title")
            with Horizontal(id="actions-filters"):
                yield Select(STATUS_OPTIONS, value=self._initial.status, allow_blank=False,
                             id="filter-status", tooltip="Vilka åtgärder som visas")
                yield Input(placeholder="Ansvarig", id="filter-owner",
                            tooltip="Del av namnet räcker, stora eller små bokstäver")
                yield Input(placeholder="Serie", id="filter-series",
                            tooltip="Mötesserie (del av namnet räcker)")
                yield Input(self._initial.meeting_id or "", placeholder="Mötes-id",
                            id="filter-meeting", tooltip="Bara åtgärderna i ett möte")
                yield Input(placeholder="Möten från ÅÅÅÅ-MM-DD", id="filter-since",
                            tooltip="Bara möten från och med datumet")
                yield Checkbox("Per ansvarig", id="filter-by-owner",
                               tooltip="Gruppera per ansvarig (även i utskriften)")
            yield ActionTable(id="actions-table")
            yield Static("Läser in åtgärder…", id="actions-status")
        # Every key on as many lines as it needs: one line cut them at 80 columns.
        yield LiveFooter(compact=True)

    def on_mount(self) -> None:
        self.query_one(ActionTable).focus()
        self.load()

    def on_screen_resume(self) -> None:
        if self._all is not None:
            self.load()  # a meeting may have changed while we were away

    # -- loading and filtering -------------------------------------------------

    def current_filter(self) -> ActionFilter | None:
        """The filter fields as an ActionFilter; None (and a message) if one is bad."""
        since = self.query_one("#filter-since", Input).value.strip()
        if since and parse_iso_date(since) is None:
            self._status(f"Ogiltigt datum {since!r}: skriv ÅÅÅÅ-MM-DD, t.ex. 2031-01-31.")
            return None
        status = self.query_one("#filter-status", Select).value
        return ActionFilter(
            status=status if isinstance(status, str) else "open",
            owner=self.query_one("#filter-owner", Input).value.strip() or None,
            series=self.query_one("#filter-series", Input).value.strip() or None,
            meeting_id=self.query_one("#filter-meeting", Input).value.strip() or None,
            since=since or None,
        )

    @property
    def by_owner(self) -> bool:
        return self.query_one("#filter-by-owner", Checkbox).value

    def _today(self) -> Date:
        clock = getattr(self.app, "clock", None)
        return clock().date() if clock is not None else Date.today()

    def _live(self):
        session = getattr(self.app, "session", None)
        return session.meeting if session is not None else None

    def load(self) -> None:
        """Scan every meeting again (in a thread), then show the filtered rows."""
        self.loading_rows = True
        self._scan(self._today(), self._live())

    @work(thread=True, exclusive=True, group="action-scan")
    def _scan(self, today: Date, live) -> None:
        app = self.app
        try:
            rows = all_rows(app.store, live=live, today=today)
        except Exception as exc:  # noqa: BLE001 - say it in the list, keep the app running
            self.post_message(ActionsScanned(error=str(exc)))
            return
        if not get_current_worker().is_cancelled:
            self.post_message(ActionsScanned(rows))
            from store.persistence.scan import unreadable_lines  # named, never left out in silence

            if problems := unreadable_lines(app.store):
                app.post_message(Notice("\n".join(problems), title="Alla möten kunde inte läsas",
                                        severity="error"))

    def on_actions_scanned(self, message: ActionsScanned) -> None:
        if message.error is not None:
            self.loading_rows = False
            self._status(f"Kunde inte läsa åtgärderna: {message.error}")
            return
        self._all = message.rows
        self.apply_filter()

    def apply_filter(self) -> None:
        """Filter the kept scan again (in a thread: sorting 40 000 rows takes a moment)."""
        if self._all is None or not self.is_attached:
            return
        flt = self.current_filter()
        if flt is None:
            self.loading_rows = False
            return
        self._select(self._all, flt, self.by_owner)

    @work(thread=True, exclusive=True, group="action-filter")
    def _select(self, rows: list[ActionRow], flt: ActionFilter, group_by_owner: bool) -> None:
        selected = flt.select(rows)
        if group_by_owner:
            from export.action_list import by_owner

            selected = [row for _, group in by_owner(selected) for row in group]
        if not get_current_worker().is_cancelled:
            self.post_message(ActionsSelected(selected, flt))

    def on_actions_selected(self, message: ActionsSelected) -> None:
        if message.action_filter != self.current_filter():
            return  # the fields changed meanwhile: their own selection is on its way
        self._show(message.rows, message.action_filter)

    def _show(self, rows: list[ActionRow], flt: ActionFilter) -> None:
        table = self.query_one(ActionTable)
        keep = self.selected_row()
        shown = rows
        cursor = 0
        if keep is not None:
            cursor = next((i for i, r in enumerate(shown) if r.action_id == keep.action_id),
                          min(table.cursor_row, max(len(shown) - 1, 0)))
        self.rows = shown
        table.set_rows(shown, cursor)
        overdue = sum(1 for row in shown if row.overdue)
        text = f"{count_text(len(shown), 'åtgärd', 'åtgärder')} – {filter_text(flt)}"
        if overdue:
            text += f" – {count_text(overdue, 'försenad', 'försenade')}"
        self._status(text)
        self.loading_rows = False

    def _status(self, text: str) -> None:
        self.query_one("#actions-status", Static).update(text)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._filter_after_typing()

    @work(exclusive=True, group=TYPING)
    async def _filter_after_typing(self) -> None:
        # Each key cancels the previous wait (exclusive), so a burst of typing filters
        # 40 000 rows once, after it; a worker, so tests and the app can wait for it.
        await asyncio.sleep(FILTER_DELAY)
        self.apply_filter()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.workers.cancel_group(self, TYPING)  # enter filters now, not after a pause
        self.apply_filter()
        self.query_one(ActionTable).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self.apply_filter()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        self.apply_filter()

    # -- the selected action -----------------------------------------------------------

    def selected_row(self) -> ActionRow | None:
        table = self.query_one(ActionTable)
        if not self.rows or table.row_count == 0:
            return None
        index = table.cursor_row
        if 0 <= index < len(self.rows):
            return self.rows[index]
        return None

    def _selected_or_tell(self) -> ActionRow | None:
        row = self.selected_row()
        if row is None:
            self.notify("Det finns ingen åtgärd att välja i listan.", severity="warning")
        return row

    def action_toggle_done(self) -> None:
        row = self._selected_or_tell()
        if row is None:
            return
        self._toggle(row.action_id, not row.done)

    def _toggle(self, action_id: str, done: bool) -> None:
        toggle_action_done(self.app, action_id, done, reply_to=self)

    def on_action_toggled(self, message: ActionToggled) -> None:
        self.load()

    def action_open_source(self) -> None:
        row = self._selected_or_tell()
        if row is not None:
            self.app.open_meeting(row.meeting_id, mode="live", item_id=row.item_id)

    def on_action_table_row_selected(self, event: ActionTable.RowSelected) -> None:
        event.stop()
        self.action_open_source()

    # -- other commands ----------------------------------------------------------

    def action_close(self) -> None:
        self.dismiss()

    def action_reload(self) -> None:
        self._status("Läser in åtgärder…")
        self.load()

    def action_focus_filter(self) -> None:
        self.query_one("#filter-owner", Input).focus()

    def action_cycle_status(self) -> None:
        select = self.query_one("#filter-status", Select)
        values = [value for _, value in STATUS_OPTIONS]
        current = select.value if select.value in values else "open"
        select.value = values[(values.index(current) + 1) % len(values)]

    def action_toggle_by_owner(self) -> None:
        checkbox = self.query_one("#filter-by-owner", Checkbox)
        checkbox.value = not checkbox.value

    def action_print(self) -> None:
        flt = self.current_filter()
        if flt is None or self._all is None:
            self.notify("Listan är inte inläst än.", severity="warning")
            return
        scanned, by_owner, today = self._all, self.by_owner, self._today()

        def chosen(choice) -> None:
            if choice is not None:
                self._status(f"Skriver {choice.path}…")
                self._print(scanned, flt, choice, by_owner, today)

        self.app.push_screen(PrintDialog(default_print_path(today)), chosen)

    @work(thread=True, group="action-print", exit_on_error=False)
    def _print(self, scanned: list[ActionRow], flt: ActionFilter, choice, by_owner: bool,
               today: Date) -> None:
        message = write_printout(scanned, flt, choice, by_owner=by_owner, today=today)
        if not self.post_message(message):  # the list was closed meanwhile: still tell
            self.app.call_from_thread(tell, self.app, message)

    def on_list_printed(self, message: ListPrinted) -> None:
        message.stop()
        if message.error is None:
            self.last_printed = message.path
        tell(self.app, message)
        self.apply_filter()  # the status line shows the list again
