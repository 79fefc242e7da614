"""Long titles at 80 columns: live mode's title line keeps the meeting's date (the title
is shortened with … first), a long standing item in live mode's agenda keeps its ↻,
and the agenda editor's tree shortens long titles with … instead of scrolling sideways.
Pictures at 80x24 beside the checks of what is drawn."""

from __future__ import annotations

import pytest
from rich.style import Style

from store import AgendaItem, MeetingStore
from tests.support.live import council_meeting, make_app, run_async, settle, steady_cursor, \
    wait_until
from tui.widgets.standing_mark import STANDING_MARK

LONG_TITLE = "Samverkansrådet för landsbygdsutveckling i de norra fjälldalarna"
LONG_ITEM = "Gemensam upphandling av snöröjning och halkbekämpning på enskilda vägar"


def long_store(extra_items: int = 0) -> tuple[MeetingStore, str]:
    meeting = council_meeting(start="13:00")
    meeting.items[3:3] = [AgendaItem(f"Inkommen skrivelse nummer {n} om vägbelysningen")
                          for n in range(extra_items)]
    meeting.title = LONG_TITLE
    meeting.items[2].title = LONG_ITEM
    meeting.items[2].standing = True
    meeting.items[1].items.append(AgendaItem(LONG_ITEM + " (delpunkt)", standing=True))
    store = MeetingStore.in_memory()
    return store, store.add(meeting)


async def in_live_mode(pilot) -> None:
    await settle(pilot)
    await wait_until(pilot, lambda: pilot.app.screen.query("FooterKey"), what="footer keys")
    await steady_cursor(pilot)


async def in_agenda_editor(pilot) -> None:
    await settle(pilot)
    app = pilot.app
    app.open_meeting(app.session.meeting.id, mode="agenda")
    await settle(pilot)
    await steady_cursor(pilot)


def test_live_mode_long_titles(snap_compare):
    store, meeting_id = long_store()
    assert snap_compare(make_app(store, meeting_id), terminal_size=(80, 24),
                        run_before=in_live_mode)


def test_agenda_editor_long_titles(snap_compare):
    store, meeting_id = long_store()
    assert snap_compare(make_app(store, meeting_id), terminal_size=(80, 24),
                        run_before=in_agenda_editor)


@run_async
async def test_at_80_columns_the_date_and_the_standing_marks_stay_visible():
    store, meeting_id = long_store()
    app = make_app(store, meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await in_live_mode(pilot)
        title = app.screen.query_one("#live-title")
        shown = title.render().plain
        assert shown.endswith(" · 2031-04-02") and "…" in shown
        assert len(shown) <= title.size.width
        assert shown.startswith(LONG_TITLE[:10])

        agenda = app.screen.query_one("#agenda")
        prompts = [agenda.get_option_at_index(i).prompt.plain
                   for i in range(agenda.option_count)]
        standing = [p for p in prompts if LONG_ITEM[:8] in p]
        assert len(standing) == 2
        for prompt in standing:
            assert prompt.endswith(f"… {STANDING_MARK}"), prompt
            assert len(prompt) <= agenda.scrollable_content_region.width

        await pilot.resize_terminal(120, 30)  # wider: more of the titles, still fitted
        await settle(pilot)
        assert len(title.render().plain) > len(shown)
        assert title.render().plain.endswith(" · 2031-04-02")


@pytest.mark.parametrize("extra_items", [0, 30])  # 30: with the scroll bar beside
@run_async
async def test_the_agenda_editor_tree_shortens_long_titles_and_does_not_scroll_sideways(
        extra_items):
    store, meeting_id = long_store(extra_items)
    app = make_app(store, meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await in_agenda_editor(pilot)
        tree = app.screen.query_one("#agenda-tree")
        assert tree.max_scroll_x == 0
        labels = []
        stack = list(tree.root.children)
        while stack:
            node = stack.pop()
            labels.append(tree.render_label(node, Style(), Style()).plain)
            stack.extend(node.children)
        long = [label for label in labels if LONG_ITEM[:8] in label]
        assert len(long) == 2
        assert all(label.endswith(f"… {STANDING_MARK}") for label in long), long
        assert max(len(label) for label in labels) <= tree.scrollable_content_region.width
