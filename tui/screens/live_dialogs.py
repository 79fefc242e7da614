"""Live mode's dialogs: decisions, actions, new items, attendance, attachments and
the end of the meeting. A part of LiveScreen kept apart (mixed into it), so the screen
itself is about walking the agenda; the rules they apply are store.domain.meeting_rules'.
"""

from __future__ import annotations

from store import Action, AgendaItem, Decision
from store.domain import meeting_rules as rules

from ..worker_messages import ActionToggled
from ..words import document
from .live_palette import LivePalette


class LiveDialogs(LivePalette):
    """LiveScreen's dialog actions; needs the screen's meeting, current, now,
    _writable, _changed, refresh_entries, refresh_item, rebuild_tree and go_to."""

    # -- decisions and actions

    def action_add_decision(self) -> None:
        if not self._writable():
            return
        # The draft is in the model from the first keystroke, so a crash or a closed
        # terminal mid-dialog keeps what was typed; cancelling removes it again.
        draft = Decision("")
        self.current.decisions.append(draft)
        self._open_decision_dialog(draft, new=True)

    def _open_decision_dialog(self, decision: Decision, *, new: bool) -> None:
        from ..dialogs.decision import DecisionDialog

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
        draft = Action("")  # in the model at once, as for decisions
        self.current.actions.append(draft)
        self._open_action_dialog(draft, new=True)

    def _open_action_dialog(self, action: Action, *, new: bool = False) -> None:
        from store.domain.dates import due_date_reference
        from store.domain.owners import owner_suggestions

        from ..dialogs.action import ActionDialog

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
        from ..action_done import toggle_action_done

        toggle_action_done(self.app, action_id, not action.done, reply_to=self)

    def on_action_toggled(self, message: ActionToggled) -> None:
        self.refresh_entries()

    def delete_entry(self, list_id: str, entry_id: str) -> None:
        if not self._writable():
            return
        from ..dialogs.questions import ConfirmDialog

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
        from ..dialogs.new_item import NewItemDialog

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
            self.notify(f"{self.item_label(item, capital=True)} {title} är tillagd.")

        self.app.push_screen(
            NewItemDialog(current.title if current else None, as_sub_item=as_sub,
                          keep=add),
            done,
        )

    def _is_past(self) -> bool:
        from ..dialogs.attendance import is_past

        return is_past(self.meeting, self.now().date().isoformat())

    def action_attendance(self, mode: str) -> None:
        if not self._writable(need_item=False):
            return
        from ..dialogs.attendance import AttendanceDialog

        self.app.push_screen(
            AttendanceDialog(self.meeting, mode=mode, now=self.now, past=self._is_past(),
                             item_id=self.item_id, on_change=self.app.mark_changed,
                             first=self._paragraphs.of(self.meeting) if self._paragraphs
                             else None),
            self._attendance_closed,
        )

    def _attendance_closed(self, _result) -> None:
        self.query_one("#notes").focus()
        self.show_protocol_line()  # who serves in the § may have changed

    def action_attachments(self) -> None:
        if not self._writable():
            return
        from ..dialogs.attachments import AttachmentsDialog

        item = self.current

        def done(_) -> None:
            self.query_one("#notes").focus()
            self.refresh_item(load_notes=False)

        self.app.push_screen(
            AttachmentsDialog(item, self.item_mark(item),
                              on_change=self.app.mark_changed), done)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # F12 is "end" on a meeting under way, "reopen" on an ended one (also one whose
        # justering was lifted: reopening resumes it) and "häv justering" on an adjusted
        # protocol: the footer shows the one that applies.
        if action in ("end_meeting", "reopen_meeting", "lift_adjustment"):
            meeting = self.app.session.meeting if self.app.session is not None else None
            applies = ("lift_adjustment" if meeting is not None and meeting.adjusted
                       else "reopen_meeting" if meeting is not None and meeting.ended
                       else "end_meeting")
            if action != applies:
                return False
        return super().check_action(action, parameters)

    def action_lift_adjustment(self) -> None:
        from ..adjusting import start_lift

        start_lift(self.app)

    def action_reopen_meeting(self) -> None:
        from ..ended_meeting import offer_reopen

        if offer_reopen(self):  # opened read-only: asked, and opened for writing
            return
        meeting = self.meeting
        if self.app.read_only or not meeting.ended or meeting.adjusted is not None:
            return
        # Ended here and still writable on screen: open for changes again in place.
        meeting.reopen()
        self.app.mark_changed()
        self.app.save_now()
        self.refresh_bindings()
        self._tick()  # the item timer runs again
        self.notify("Mötet är öppet för ändringar igen. F12 avslutar det på nytt.",
                    title="Mötet är återöppnat")

    def action_end_meeting(self) -> None:
        from ..ended_meeting import offer_reopen

        if offer_reopen(self) or not self._writable(need_item=False):
            return
        from store.domain.attendance import warnings_for

        from ..dialogs.attendance import TimeDialog, end_refusal, offered_end

        meeting = self.meeting

        def done(end: str | None) -> None:
            self.query_one("#notes").focus()
            if not end:
                return
            rules.end(meeting, self.now(), end, self.current)
            self.app.mark_changed()
            self.app.save_now()
            self.refresh_bindings()  # F12 reopens now
            self._tick()  # the item timer stops at the end
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
