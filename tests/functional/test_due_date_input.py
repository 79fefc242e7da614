"""DueDateInput: whoever handles Input.Changed reads the date the new text means, with
validation on or off, after every keystroke (not only the last one)."""

from __future__ import annotations

from datetime import date

import pytest
from textual.app import App
from textual.widgets import Input

from store.domain.dates import DueDateError, parse_due_date
from tests.support.live import run_async, type_key_by_key
from tui.widgets.due_date_input import DueDateInput

TODAY = date(2031, 4, 2)


def meant(text: str) -> tuple[date | None, bool]:
    """(the date, whether it is an error) the text means on TODAY."""
    if not text.strip():
        return None, False
    try:
        return parse_due_date(text, TODAY), False
    except DueDateError:
        return None, True


class DueApp(App):
    def __init__(self, **kwargs):
        super().__init__()
        self.kwargs = kwargs
        self.seen: list[tuple[str, date | None, bool]] = []

    def compose(self):
        yield DueDateInput(today=TODAY, **self.kwargs)

    def on_input_changed(self, event: Input.Changed) -> None:
        field = event.input
        assert isinstance(field, DueDateInput)
        self.seen.append((event.value, field.due, field.error is not None))


@pytest.mark.parametrize("validate_on", [None, []], ids=["validating", "not-validating"])
@pytest.mark.parametrize("typed", ["8/4", "fredag", "om 2 veckor", "idag", "31/2", "xyz"])
def test_a_changed_handler_reads_the_date_of_the_new_text(validate_on, typed):
    kwargs = {} if validate_on is None else {"validate_on": validate_on}

    @run_async
    async def run():
        app = DueApp(**kwargs)
        async with app.run_test(size=(80, 24)) as pilot:
            await type_key_by_key(pilot, typed)
            await pilot.pause()
        return app.seen

    seen = run()
    assert [value for value, _, _ in seen][-len(typed):] == [
        typed[:n] for n in range(1, len(typed) + 1)]
    for value, due, is_error in seen:
        assert (due, is_error) == meant(value), value
