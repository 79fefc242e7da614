"""Bidi controls in stored text never reach the app's screen (store.domain.text.BIDI).

A right-to-left override in a title would make the terminal reorder the rest of its line
("Trojan Source"). The app keeps the text as stored and leaves the controls out of every
line it draws (tui/compat drop_from_drawn_lines), wherever the text is shown: the
title, the agenda tree, the item heading, the notes being edited, the action list.
"""

from __future__ import annotations

import html
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store import Action, MeetingStore
from store.domain.text import BIDI_CONTROLS
from tests.support.examples import examples
from tests.support.live import council_meeting, make_app, run_async, settle, wait_until
from tui.screens.action_list import ActionListScreen

#: Text with bidi controls among letters, as a pasted or imported title might have.
with_controls = st.lists(
    st.one_of(st.sampled_from(BIDI_CONTROLS), st.text("abcåäöÖ 12", min_size=1, max_size=4)),
    min_size=1, max_size=6,
).map("".join).map(lambda text: "x" + text)  # never blank: the model would refuse it

RAW = re.compile(f"[{BIDI_CONTROLS}]")


def screen_text(app) -> str:
    """The text of the picture of the screen (the SVG writes spaces as &#160;)."""
    return html.unescape(app.export_screenshot()).replace("\xa0", " ")


def visible(text: str) -> str:
    return RAW.sub("", text)


@settings(max_examples=examples(5), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=with_controls, item=with_controls, person=with_controls, note=with_controls)
@run_async
async def test_titles_names_and_notes_are_drawn_without_bidi_controls(
        tmp_path_factory, title, item, person, note):
    store = MeetingStore.at(tmp_path_factory.mktemp("data"))
    meeting = council_meeting(start="13:00")
    meeting.title = title
    meeting.items[0].title = item
    meeting.items[0].notes = note
    meeting.participants[0].name = person
    meeting.items[0].actions.append(Action("Ring " + person, owner=person))
    meeting_id = store.add(meeting)

    app = make_app(store, meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        drawn = screen_text(app)
        assert not RAW.search(drawn)
        assert visible(note).strip() in drawn  # the notes themselves are still shown

        await pilot.press("ctrl+l")  # the action list: owners and meeting titles
        # Waits on the list's rows, then takes one picture: polling the picture itself
        # drew a whole SVG of the screen every 10 ms, most of the test's CPU.
        await wait_until(pilot, lambda: isinstance(app.screen, ActionListScreen)
                         and app.screen.rows, what="the action list's rows")
        await settle(pilot)
        drawn = screen_text(app)
        assert "Ring" in drawn
        assert not RAW.search(drawn)
    # Shown without them, stored with them.
    stored = store.load(meeting_id)
    assert (stored.title, stored.items[0].title, stored.items[0].notes) == (title, item, note)
