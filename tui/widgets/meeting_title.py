"""The meeting's title and date at the top of live mode. At 80 columns a long title is
shortened with … and the date stays (cutting the line at its end lost the date)."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from .fit import fit_before


class MeetingTitle(Widget):
    DEFAULT_CSS = """
    MeetingTitle {
        height: 1;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self._title = ""
        self._date = ""

    def show(self, title: str, date: str) -> None:
        self._title, self._date = title, date
        self.refresh()

    def render(self) -> Text:
        # Fitted at each render: the width is the one drawn now (a resize re-renders).
        line = fit_before(Text(self._title), Text(f" · {self._date}"), self.size.width)
        line.no_wrap = True
        return line
