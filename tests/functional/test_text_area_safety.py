"""Undo and redo in every TextArea of the app never end the meeting (issue 10.1).

Textualize/textual#6686: undoing a multi-line paste crashed the app with "The document
line index N is out of bounds". The fix lives in tui/compat (UndoSafeHistory).
"""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual import events
from textual.app import App, ComposeResult

from tests.support.live import add_meeting, make_app, run_async, settle, wait_until
from tests.support.examples import examples
from tui.widgets.text_area import AppTextArea

#: Paragraphs survive the paste reflow, so the paste really adds many lines.
LONG_PASTE = "\n\n".join(f"Stycke {n} ur rapporten." for n in range(30))


@run_async
async def test_undo_redo_after_a_long_paste_in_the_notes_keeps_the_meeting(file_store):
    mid = add_meeting(file_store)
    app = make_app(file_store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        notes = app.screen.query_one("#notes", AppTextArea)
        await pilot.press("H", "e", "j", "enter", "d", "u")
        await settle(pilot)
        typed = notes.text
        for _round in range(3):
            app.post_message(events.Paste(LONG_PASTE))
            await settle(pilot)
            assert notes.document.line_count > 30
            await pilot.press("ctrl+z")
            await settle(pilot)
            assert notes.text == typed
            await pilot.press("ctrl+y")
            await settle(pilot)
            assert notes.document.line_count > 30
            await pilot.press("ctrl+z")
            await settle(pilot)
        assert app.is_running and app.return_code is None
        await pilot.press("x")
        await wait_until(pilot, lambda: file_store.load(mid).items[0].notes == typed + "x",
                         what="the autosave")
    assert file_store.load(mid).items[0].notes == typed + "x"


class _Editor(App):
    """One app text area, short, so a paste toggles its scrollbar (the trigger)."""

    CSS = "AppTextArea { height: 6; }"

    def compose(self) -> ComposeResult:
        yield AppTextArea("a\nb", soft_wrap=True)


_line = st.text(alphabet="abcåäö ", min_size=1, max_size=12).filter(str.strip)
_operation = st.one_of(
    st.tuples(st.just("type"), _line),
    st.tuples(st.just("paste"), st.lists(_line, min_size=2, max_size=25).map("\n\n".join)),
    st.tuples(st.just("key"), st.sampled_from(["ctrl+z", "ctrl+y", "enter", "up", "end",
                                               "home"])),
)


async def _run_operations(operations) -> tuple[str, bool, list[str]]:
    app = _Editor()
    problems: list[str] = []
    async with app.run_test(size=(40, 12)) as pilot:
        area = app.query_one(AppTextArea)
        area.focus()
        for kind, value in operations:
            if kind == "type":
                area.insert(value)  # as typed, in one edit (keys are slow to simulate)
            elif kind == "paste":
                app.post_message(events.Paste(value))
            else:
                await pilot.press(value)
            await pilot.pause()
            row, column = area.cursor_location
            if not (row < area.document.line_count and column <= len(area.document[row])):
                problems.append(f"cursor {area.cursor_location} outside the text")
        for _ in range(len(operations) * 2 + 2):
            area.undo()
        await pilot.pause()
        text = area.text
        running = app.is_running
    return text, running and app.return_code in (None, 0), problems


@settings(max_examples=examples(25), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(_operation, min_size=1, max_size=8))
def test_any_sequence_of_typing_pasting_undo_and_redo_is_safe(operations):
    text, alive, problems = asyncio.run(_run_operations(operations))
    assert alive, "the app ended"
    assert not problems
    assert text == "a\nb", "undoing everything gives back the starting text"


def test_every_text_area_of_the_app_is_the_safe_one():
    # A plain TextArea anywhere would bring back the crash (and miss the paste reflow).
    tui = Path(__file__).resolve().parents[2] / "tui"
    plain = []
    for path in tui.rglob("*.py"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"(?<![A-Za-z_])TextArea\(", line) and "class " not in line:
                plain.append(f"{path.name}:{number}: {line.strip()}")
    assert plain == []
