"""The start screen: every meeting, newest first, grouped by series."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from store import MeetingSummary, StoreError

from ..words import EXPORT_TOOLTIP
from ..widgets.live_footer import LiveFooter
from ..worker_messages import MeetingsLoaded, RescueCopiesFound


def group_by_series(summaries: list[MeetingSummary]) -> list[tuple[str, list[MeetingSummary]]]:
    """Series ordered by their newest meeting; meetings newest first inside each."""
    groups: dict[str, tuple[str, list[MeetingSummary]]] = {}
    for summary in summaries:  # already newest first
        key = summary.series.casefold()
        groups.setdefault(key, (summary.series, []))[1].append(summary)
    return list(groups.values())


class MeetingList(OptionList):
    BINDINGS = [
        Binding("enter", "select", "Öppna", id="start.open",
                tooltip="Öppna mötet i mötesläge."),
    ]


class StartScreen(Screen):
    #: The title of this view in the help screen (F1).
    HELP_TITLE = "Möteslistan"
    BINDINGS = [
        Binding("o", "open_live", "Öppna", id="start.open_live", show=False,
                tooltip="Öppna mötet i mötesläge."),
        Binding("n", "app.new_meeting", "Nytt möte", id="start.new",
                tooltip="Skapa ett nytt möte."),
        Binding("f", "next_in_series", "Nästa i serien", id="start.next_in_series",
                tooltip="Skapa nästa möte i det markerade mötets serie."),
        Binding("s", "setup", "Inställningar", id="start.setup",
                tooltip="Mötets titel, datum, plats och deltagare."),
        Binding("d", "agenda", "Dagordning", id="start.agenda",
                tooltip="Redigera mötets dagordning."),
        Binding("i", "app.import", "Importera", id="start.import",
                tooltip="Importera ett möte eller en dagordning från fil."),
        Binding("e", "export", "Exportera", id="start.export",
                tooltip=EXPORT_TOOLTIP),
        Binding("p", "preview", "Granska", id="start.preview", show=False,
                tooltip="Visa mötets dokument i terminalen."),
        Binding("a", "app.action_list", "Åtgärder", id="start.actions",
                tooltip="Alla åtgärder från alla möten."),
        Binding("j", "adjust", "Justera", id="start.adjust", show=False,
                tooltip="Justera det markerade protokollet och fyll i anslaget."),
        Binding("q", "app.quit", "Avsluta", id="start.quit", show=False,
                tooltip="Spara och avsluta Mötesbok."),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="start"):
            yield Static("Mötesbok", id="start-title")
            yield Static(id="start-empty")
            with Horizontal(id="start-body"):
                yield MeetingList(id="meetings")
                yield Static(id="meeting-details")
        # Every key on as many lines as it needs: one line cut them at 80 columns.
        yield LiveFooter(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.refresh_meetings()
        self._look_for_rescue_copies()

    @work(thread=True, exclusive=True, group="rescue-copies", exit_on_error=False)
    def _look_for_rescue_copies(self) -> None:
        """Copies left by an app that died while saves failed are offered on start."""
        from store.persistence.rescue import find_rescue_copies

        copies = find_rescue_copies(self.app.store)
        if copies:
            self.post_message(RescueCopiesFound(copies))

    def on_rescue_copies_found(self, message: RescueCopiesFound) -> None:
        from ..dialogs.rescue_offer import offer_rescue_copies

        offer_rescue_copies(self.app, message.copies,
                            on_done=lambda meeting_id: self.refresh_meetings(meeting_id))

    def on_screen_resume(self) -> None:
        self.refresh_meetings()

    def refresh_meetings(self, select: str | None = None) -> None:
        """Re-read the meeting list; the scan of every file runs in a worker thread."""
        if select:
            self._select = select
        if not self.is_mounted or not self.query(MeetingList):
            return  # on_mount fills the list
        self._load_summaries()

    @work(thread=True, exclusive=True, group="meeting-list", exit_on_error=False)
    def _load_summaries(self) -> None:
        from store.persistence.scan import unreadable_lines

        try:
            summaries, error = self.app.store.summaries(), None
        except StoreError as exc:
            summaries, error = [], str(exc)
        if error is None:  # meetings that could not be read are named, not left out
            error = "\n".join(unreadable_lines(self.app.store)) or None
        self.post_message(MeetingsLoaded(summaries, error))

    def on_meetings_loaded(self, message: MeetingsLoaded) -> None:
        self._show_meetings(message.summaries, message.error)

    def _show_meetings(self, summaries: list[MeetingSummary], error: str | None) -> None:
        if error is not None:
            self.notify(error, title="Kan inte läsa mötena", severity="error")
        select = getattr(self, "_select", None)
        self._select = None
        meetings = self.query_one(MeetingList)
        previous = select or self.selected_id()
        meetings.clear_options()
        options: list[Option] = []
        today = self.app.clock().date()
        for series, group in group_by_series(summaries):
            options.append(Option(Text(series, style="bold"), disabled=True))
            for s in group:
                options.append(Option(_summary_text(s, series, today), id=s.id))
        meetings.add_options(options)
        empty = self.query_one("#start-empty", Static)
        empty.display = not summaries and error is None
        empty.update(
            "Inga möten ännu. Tryck n för ett nytt möte eller i för att importera en "
            "dagordning."
        )
        if summaries:
            index = next((i for i, o in enumerate(options) if previous and o.id == previous),
                         None)
            if index is None:
                index = next(i for i, o in enumerate(options) if o.id)
            meetings.highlighted = index
            meetings.focus()

    def selected_id(self) -> str | None:
        meetings = self.query_one(MeetingList)
        if meetings.highlighted is None:
            return None
        return meetings.get_option_at_index(meetings.highlighted).id

    def _selected_or_tell(self) -> str | None:
        meeting_id = self.selected_id()
        if meeting_id is None:
            self.notify("Välj ett möte i listan först.", severity="warning")
        return meeting_id

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        details = self.query_one("#meeting-details", Static)
        if not self.has_class("-wide") or not event.option.id:
            details.update("")
            return
        try:
            meeting = self.app.store.load(event.option.id)
        except StoreError:
            details.update("")
            return
        details.update(_details_text(meeting))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.app.open_meeting(event.option.id, mode="live")

    def action_open_live(self) -> None:
        meeting_id = self._selected_or_tell()
        if meeting_id:
            self.app.open_meeting(meeting_id, mode="live")

    def action_setup(self) -> None:
        meeting_id = self._selected_or_tell()
        if meeting_id:
            self.app.open_meeting(meeting_id, mode="setup")

    def action_agenda(self) -> None:
        meeting_id = self._selected_or_tell()
        if meeting_id:
            self.app.open_meeting(meeting_id, mode="agenda")

    def action_export(self) -> None:
        meeting_id = self._selected_or_tell()
        if meeting_id:
            self.app.export_meeting(meeting_id)

    def action_preview(self) -> None:
        meeting_id = self._selected_or_tell()
        if meeting_id:
            from .preview import PreviewScreen

            self.app.push_screen(PreviewScreen(meeting_id=meeting_id))

    def action_adjust(self) -> None:
        meeting_id = self._selected_or_tell()
        if meeting_id:
            from ..adjusting import start_adjust

            start_adjust(self.app, meeting_id)

    def action_next_in_series(self) -> None:
        meeting_id = self._selected_or_tell()
        if not meeting_id:
            return
        from datetime import timedelta

        from store.domain.dates import format_date_sv, parse_due_date
        from store.persistence.series import next_meeting_in_series

        from ..dialogs.questions import TextPrompt

        store = self.app.store
        try:
            previous = store.load(meeting_id)
        except StoreError as exc:
            self.notify(str(exc), severity="error")
            return
        today = self.app.clock().date()

        def chosen(text: str | None) -> None:
            if not text:
                return
            try:
                day = parse_due_date(text, today)
            except ValueError as exc:
                self.notify(str(exc), title="Okänt datum", severity="error")
                return
            meeting = next_meeting_in_series(store, previous, day.isoformat())
            try:
                new_id = store.add(meeting)
            except StoreError as exc:
                self.notify(str(exc), title="Kunde inte skapa mötet", severity="error")
                return
            self.notify(f"{meeting.title} {format_date_sv(day)} är skapat.")
            self.refresh_meetings(select=new_id)  # the list shows the new one, not the old
            self.app.open_meeting(new_id, mode="agenda")

        suggestion = max(today, _date_after(previous.date, timedelta(days=7)))
        self.app.push_screen(
            TextPrompt(f"Nästa möte i serien {previous.series_name}: datum",
                       value=suggestion.isoformat(),
                       placeholder="t.ex. 2031-04-08, 8/4 eller om 2 veckor",
                       accept_hint="skapar mötet (datum som 8/4, fredag, om 2 veckor går bra)"),
            chosen,
        )


def _date_after(iso_date: str, delta):
    from datetime import date

    try:
        return date.fromisoformat(iso_date) + delta
    except ValueError:
        return date.today()


def _summary_text(s: MeetingSummary, series: str, today) -> Text:
    text = Text("  ")
    text.append(s.date, style="bold")
    text.append(f" {s.start}" if s.start else "      ")
    if s.title.casefold() != series.casefold():
        text.append("  ")
        text.append(s.title)
    details = f"  {s.item_count} {'punkt' if s.item_count == 1 else 'punkter'}"
    if s.protocol is not None:
        details += f", {s.state(today)}"
    if s.open_actions:
        details += (", 1 öppen åtgärd" if s.open_actions == 1
                    else f", {s.open_actions} öppna åtgärder")
    text.append(details, style="dim")
    return text


def _details_text(meeting) -> Text:
    """The highlighted meeting at a glance (wide terminals only)."""
    text = Text(meeting.title, style="bold")
    when = meeting.date + (f" {meeting.start}" if meeting.start else "")
    if meeting.end:
        when += f"-{meeting.end}"
    text.append(f"\n{when}")
    if meeting.place:
        text.append(f"\n{meeting.place}")
    present = meeting.present()
    if meeting.participants:
        text.append(f"\n\nDeltagare ({len(present)} av {len(meeting.participants)})\n",
                    style="bold")
        text.append(", ".join(p.name for p in present), style="dim")
    text.append("\n\nDagordning\n", style="bold")
    rows = list(meeting.walk())
    for number, depth, item in rows[:18]:
        mark = {"done": "✓ ", "deferred": "↷ "}.get(item.status, "  ")
        text.append(f"{mark}{'  ' * (depth - 1)}{number}. {item.title}\n")
    if len(rows) > 18:
        text.append(f"  … och {len(rows) - 18} till\n", style="dim")
    return text
