"""The command palette (ctrl+p): every command of the current screen, in Swedish.

The screen's own key bindings are the source, so a key added to a screen shows up here
without a second list to keep in step; app-wide commands are added below.
"""

from __future__ import annotations

from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider

from .words import document


class MotesbokCommands(Provider):
    def _commands(self) -> list[tuple[str, str, object]]:
        app = self.app
        screen = self.screen
        commands: list[tuple[str, str, object]] = []
        seen: set[str] = set()

        def add(name: str, help_text: str, callback) -> None:
            if name not in seen:
                seen.add(name)
                commands.append((name, help_text, callback))

        for binding in getattr(screen, "BINDINGS", []):
            if isinstance(binding, Binding) and binding.description and not binding.system:
                action = binding.action
                if action in ("close", "cancel", "app.quit"):
                    continue
                if screen.check_action(action.split("(")[0], ()) is False:
                    continue  # off here (a protocol key in a minutes meeting)
                key = binding.key.split(",")[0]
                add(binding.tooltip.rstrip(".") or binding.description,
                    f"{binding.description} ({key})",
                    partial(app.call_later, app.run_action, action, screen))

        # A screen's own commands that have no key (shown only when they apply).
        for name, help_text, callback in getattr(screen, "palette_commands", list)():
            add(name, help_text, callback)

        meeting = app.session.meeting if app.session else None
        if meeting is not None:
            mid = meeting.id
            from .ended_meeting import REOPEN_COMMAND, is_ended_view, reopen_meeting

            if is_ended_view(app.session):
                add(REOPEN_COMMAND, "Mötet är avslutat och skrivskyddat: gör det ändringsbart",
                    partial(app.call_later, reopen_meeting, app))
            from .adjusting import (
                ADJUST_COMMAND, LIFT_COMMAND, can_adjust, is_adjusted_view, start_adjust,
                start_lift,
            )

            if is_adjusted_view(app.session):
                add(LIFT_COMMAND, "Protokollet är justerat: gör det ändringsbart (skälet "
                    "antecknas)", partial(app.call_later, start_lift, app))
            elif can_adjust(app.session):
                add(ADJUST_COMMAND, "Justeringsdatum och anslag; protokollet blir skrivskyddat",
                    partial(app.call_later, start_adjust, app, mid))
            add("Mötesläge för öppet möte", f"{meeting.title} {meeting.date}",
                partial(app.open_meeting, mid, "live"))
            add("Mötesinställningar och deltagare", f"{meeting.title} {meeting.date}",
                partial(app.open_meeting, mid, "setup"))
            add("Redigera dagordningen", f"{meeting.title} {meeting.date}",
                partial(app.open_meeting, mid, "agenda"))
            add(f"Förhandsgranska {document(meeting, definite=False)}", "Hela dokumentet så som det blir i Word",
                partial(self._preview_whole))
            add(f"Exportera {document(meeting, definite=False)} och åtgärdslista", "Word eller PDF",
                partial(app.export_meeting, None))
        add("Möteslistan", "Alla möten, grupperade per serie", app.show_start)
        add("Nytt möte", "Skapa ett nytt möte", app.action_new_meeting)
        add("Importera möte eller dagordning", "Från JSON, DOCX eller text",
            app.action_import)
        add("Åtgärdslista", "Alla åtgärder från alla möten", app.action_action_list)
        add("Hjälp: alla tangenter", "f1", app.action_help)
        add("Byt färgtema", "Välj ett annat färgtema", app.action_change_theme)
        add("Spara och avsluta", "ctrl+q", partial(app.call_later, app.action_quit))
        return commands

    def _preview_whole(self) -> None:
        from .screens.preview import PreviewScreen

        self.app.push_screen(PreviewScreen())

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = max(matcher.match(name), matcher.match(help_text) * 0.8)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
