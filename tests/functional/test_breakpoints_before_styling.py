"""A pushed screen carries its breakpoint class ("-narrow"/"-wide") from its first
styling on (tui/compat BreakpointsBeforeStyling), so it is not styled twice."""

from __future__ import annotations

import pytest
from textual.app import App
from textual.screen import Screen
from textual.widgets import Static

from tests.support.live import run_async
from tui.compat import BreakpointsBeforeStyling


class Probe(Screen):
    def __init__(self):
        super().__init__()
        self.classes_at_mount: set[str] | None = None

    def compose(self):
        yield Static("x")

    def on_mount(self) -> None:
        self.classes_at_mount = set(self.classes)


class ProbeApp(BreakpointsBeforeStyling, App):
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]

    def __init__(self):
        super().__init__()
        self.probe = Probe()

    def on_mount(self) -> None:
        self.push_screen(self.probe)


@pytest.mark.parametrize("width, expected", [(80, "-narrow"), (120, "-wide")])
def test_a_pushed_screen_has_its_breakpoint_class_when_it_mounts(width, expected):
    @run_async
    async def run():
        app = ProbeApp()
        async with app.run_test(size=(width, 24)) as pilot:
            await pilot.pause()
            return app.probe.classes_at_mount, set(app.probe.classes)

    at_mount, after = run()
    assert expected in at_mount
    assert {"-narrow", "-wide"} & after == {expected}  # the resize agreed
