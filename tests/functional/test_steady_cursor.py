"""A text editor with blinking switched off draws its cursor, whichever phase the blink
was in (tui/compat SteadyCursor).

TextArea's line cache could not tell "blinking off" from "blink in its hidden phase":
switched off during the hidden phase, the focused editor kept a line without its cursor.
The snapshot tests switch blinking off, so live mode's picture lost its cursor whenever
the machine was slow enough for the blink timer to fire first. The second test documents
the upstream bug: when it starts failing, Textual fixed it and the workaround can go.
"""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.widgets import TextArea

from tests.support.live import run_async, wait_until
from tui.widgets.text_area import AppTextArea

CURSOR_BACKGROUND = "on #e0e0e0"  # the default theme's cursor cell


def cursor_drawn(area: TextArea) -> bool:
    first_line = area.render_lines(area.region.reset_offset.shrink(area.styles.gutter))[0]
    return any(CURSOR_BACKGROUND in str(segment.style) for segment in first_line)


class EditorApp(App):
    def __init__(self, editor_class: type[TextArea]):
        super().__init__()
        self.editor_class = editor_class

    def compose(self) -> ComposeResult:
        yield self.editor_class("Anteckning om budgeten", id="editor")


async def switched_off_in_phase(editor_class: type[TextArea], shown: bool) -> bool:
    """Whether the focused editor draws its cursor once blinking is switched off while
    the blink shows (`shown`) or hides the cursor."""
    app = EditorApp(editor_class)
    async with app.run_test(size=(40, 6)) as pilot:
        area = app.query_one("#editor", TextArea)
        area.focus()
        await wait_until(pilot, lambda: cursor_drawn(area) == shown,
                         what=f"the blink's {'shown' if shown else 'hidden'} phase")
        area.cursor_blink = False
        await pilot.pause()
        return cursor_drawn(area)


@pytest.mark.parametrize("shown", [True, False], ids=["shown", "hidden"])
@run_async
async def test_the_app_editor_draws_its_cursor_once_blinking_stops(shown):
    assert await switched_off_in_phase(AppTextArea, shown)


@run_async
async def test_textual_alone_loses_the_cursor_switched_off_in_the_hidden_phase():
    assert not await switched_off_in_phase(TextArea, shown=False)
