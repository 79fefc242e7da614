"""A screen's widgets are styled once, when they are mounted, and not a second time when
the screen first shows (tui/compat.py StyledOnceWhenShown); a screen with CSS of its own
still gets it."""

from __future__ import annotations

from collections import Counter

from textual.app import App
from textual.screen import Screen
from textual.widgets import Static

from tests.support.live import run_async
from tui.compat import StyledOnceWhenShown


class Plain(Screen):
    def compose(self):
        yield Static("ett", id="one")
        yield Static("två", id="two")


class OwnCss(Plain):
    CSS = "#two { width: 7; }"


class ProbeApp(StyledOnceWhenShown, App):
    def __init__(self, screen: Screen):
        super().__init__()
        self.probe = screen
        self.styled: Counter[str] = Counter()

    def on_mount(self) -> None:
        apply = self.stylesheet.apply

        def counting(node, *args, **kwargs):
            if isinstance(node, Static):
                self.styled[node.id] += 1
            return apply(node, *args, **kwargs)

        self.stylesheet.apply = counting
        self.push_screen(self.probe)


def _run(screen: Screen):
    @run_async
    async def run():
        app = ProbeApp(screen)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            return dict(app.styled), screen.query_one("#two").size.width

    return run()


def test_a_pushed_screen_is_styled_once():
    styled, _ = _run(Plain())
    assert styled == {"one": 1, "two": 1}


def test_a_screen_with_css_of_its_own_gets_it():
    _, width = _run(OwnCss())
    assert width == 7
