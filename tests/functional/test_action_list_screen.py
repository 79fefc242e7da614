"""Pilot tests of the action list screen: filters, done/reopen, jump, print."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.widgets import Input, Static

from store.persistence.actions import ActionFilter
from store.persistence.series import next_meeting_in_series
from tests.support.action_list import ListApp, settle
from tests.support.action_list import store as store  # noqa: F401 - the fixture
from tests.support.examples import examples
from tests.support.live import run_async, wait_until
from tui.screens.action_list import ActionListScreen, ActionTable
from tui.worker_messages import ActionsSelected

TODAY = date(2031, 4, 2)


def shown(app) -> list[str]:
    return [row.text for row in app.screen.rows]


@run_async
async def test_lists_open_actions_and_filters(store):
    app = ListApp(store)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ActionListScreen)
        assert shown(app) == ["Beställ provtagning", "Ta fram karta", "Informera allmänheten"]
        assert screen.query_one(ActionTable).row_count == 3
        status = str(screen.query_one("#actions-status", Static).render())
        assert status.startswith("3 åtgärder") and status.endswith("– 1 försenad")

        screen.query_one("#filter-owner", Input).focus()
        await pilot.press(*"ylva", "enter")
        await settle(app, pilot)
        assert shown(app) == ["Beställ provtagning", "Ta fram karta"]

        await pilot.press("ctrl+t")  # open -> all
        await settle(app, pilot)
        assert shown(app) == ["Beställ provtagning", "Ta fram karta"]
        screen.query_one("#filter-owner", Input).value = "jonas"
        await pilot.press("ctrl+f", "enter")
        await settle(app, pilot)
        assert shown(app) == ["Informera allmänheten", "Klart sedan förut"]
        await pilot.press("ctrl+t")  # all -> overdue: none of Jonas's
        await settle(app, pilot)
        assert str(screen.query_one("#actions-status", Static).render()).startswith(
            "0 åtgärder")
        screen.query_one("#filter-owner", Input).value = "ylva"
        screen.apply_filter()
        await settle(app, pilot)
        assert str(screen.query_one("#actions-status", Static).render()).startswith(
            "1 åtgärd –")
        await pilot.press("ctrl+t")  # back to open
        await settle(app, pilot)

        screen.query_one("#filter-since", Input).value = "31-13-01"
        screen.apply_filter()
        await pilot.pause()
        assert "Ogiltigt datum" in str(screen.query_one("#actions-status", Static).render())


@run_async
async def test_toggle_done_and_reopen_with_one_key(store):
    app = ListApp(store)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        assert shown(app)[0] == "Beställ provtagning"
        action_id = app.screen.rows[0].action_id
        meeting_id = app.screen.rows[0].meeting_id
        await pilot.press("space")
        await settle(app, pilot)
        _, action = store.load(meeting_id).find_action(action_id)
        assert action.done and action.done_date == "2031-04-02"
        assert "Beställ provtagning" not in shown(app)

        await pilot.press("ctrl+t")  # all: the done one is there to reopen
        await settle(app, pilot)
        index = [row.action_id for row in app.screen.rows].index(action_id)
        app.screen.query_one(ActionTable).move_cursor(row=index)
        await pilot.press("space")
        await settle(app, pilot)
        _, action = store.load(meeting_id).find_action(action_id)
        assert not action.done and action.done_date is None


@run_async
async def test_ticking_a_follow_up_in_the_open_meeting_marks_it_everywhere(store):
    previous = store.load(store.summaries()[0].id)
    new_id = store.add(next_meeting_in_series(store, previous, "2031-04-02"))
    session = store.open(new_id)  # the meeting in progress
    try:
        app = ListApp(store, session)
        async with app.run_test(size=(160, 40)) as pilot:
            screen = app.screen
            screen.query_one("#filter-meeting", Input).value = new_id
            await settle(app, pilot)
            wanted = ["Beställ provtagning", "Ta fram karta", "Informera allmänheten"]
            await wait_until(pilot, lambda: shown(app) == wanted, what="the filtered list")
            copy = app.screen.rows[0]
            assert copy.follows
            await pilot.press("space")
            await settle(app, pilot)
            assert app.changes == 1  # the open meeting went through the app
            assert session.meeting.find_action(copy.action_id)[1].done
    finally:
        session.close()
    original = store.load(store.summaries()[-1].id).find_action(copy.follows)[1]
    assert original.done and original.done_date == "2031-04-02"


@run_async
async def test_enter_jumps_to_the_meeting_and_item(store):
    app = ListApp(store)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("down", "enter")
        row = app.screen.rows[1]
        assert app.opened == [(row.meeting_id, "live", row.item_id)]
        assert store.load(row.meeting_id).find_item(row.item_id).title == "Återvinning"


@run_async
async def test_print_writes_a_landscape_docx_in_a_worker(store, tmp_path, monkeypatch):
    import docx

    monkeypatch.setenv("MOTESBOK_EXPORT_DIR", str(tmp_path))
    app = ListApp(store)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+g", "ctrl+e")
        await pilot.pause()
        await pilot.press("enter")  # the offered file (see test_action_list_print.py)
        await settle(app, pilot)
        path = app.screen.last_printed
        assert path is not None and path.parent == tmp_path
        assert "Åtgärdslistan är sparad" in [n.title for n in app.shown_notifications]
    document = docx.Document(str(path))
    assert document.sections[0].page_width > document.sections[0].page_height
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["Jonas Falk", "Ylva Berglund"]
    cells = [c.text for t in document.tables for r in t.rows[1:] for c in r.cells[:1]]
    assert cells == ["Informera allmänheten", "Beställ provtagning", "Ta fram karta"]


def test_the_screen_has_ids_descriptions_and_tooltips():
    for binding in ActionListScreen.BINDINGS:
        assert binding.id and binding.id.startswith("actions.")
        assert binding.description and binding.tooltip


@run_async
async def test_in_the_real_app_shell(store):
    """The app shell opens the list and jumps to the item in live mode."""
    app_module = pytest.importorskip("tui.app")
    app = app_module.MotesbokApp(store)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        app.action_action_list()
        await settle(app, pilot)
        assert isinstance(app.screen, ActionListScreen)
        assert shown(app) == ["Beställ provtagning", "Ta fram karta", "Informera allmänheten"]
        row = app.screen.rows[0]
        await pilot.press("space")
        await settle(app, pilot)
        assert store.load(row.meeting_id).find_action(row.action_id)[1].done
        target = app.screen.rows[0]  # now "Ta fram karta"
        await pilot.press("enter")
        await settle(app, pilot)
        assert not isinstance(app.screen, ActionListScreen)
        assert app.session is not None and app.session.meeting.id == target.meeting_id
        assert getattr(app.screen, "item_id", target.item_id) == target.item_id

        # Ticked in the list while its meeting is open: through the session, then saved.
        app.action_action_list()
        await settle(app, pilot)
        assert app.screen.rows[0].action_id == target.action_id
        await pilot.press("space")
        await settle(app, pilot)
        assert app.session.meeting.find_action(target.action_id)[1].done
        assert app.save_now()
    assert store.load(target.meeting_id).find_action(target.action_id)[1].done


@run_async
async def test_closing_while_loading_is_harmless(store):
    app = ListApp(store)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("escape")  # before the scan has reported back
        await settle(app, pilot)
        assert not isinstance(app.screen, ActionListScreen)
        assert app.is_running


@run_async
async def test_action_text_is_readable_at_80_columns(store):
    # At 80x24 the action's own text once got 11 columns ("Beställ pr…") while the Id
    # column ran off the screen.
    app = ListApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        table = app.screen.query_one(ActionTable)
        header = table.render_line(0).text
        first = table.render_line(1).text
        assert shown(app)[0] == "Beställ provtagning"
        assert first.startswith("Beställ provtagning ")
        assert "Ylva Berglund" in first and "2031-03-20" in first
        assert "Id" not in header.split()
        assert len(first) <= 80


@run_async
async def test_typing_in_a_filter_filters_without_enter(store):
    """The pause after typing is a worker: the test waits for it, never for a time."""
    app = ListApp(store)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+f", *"ylva")
        await settle(app, pilot)
        assert shown(app) == ["Beställ provtagning", "Ta fram karta"]
        await pilot.press(*["backspace"] * 4, *"jon")
        await settle(app, pilot)
        assert shown(app) == ["Informera allmänheten"]
        status = str(app.screen.query_one("#actions-status", Static).render())
        assert status.startswith("1 åtgärd –")


@settings(max_examples=examples(5), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(typed=st.lists(st.sampled_from(list("ylvajonsbrg ")), max_size=6).map("".join))
@run_async
async def test_the_list_always_ends_up_showing_what_the_field_says(store, typed):
    app = ListApp(store)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        everything = list(app.screen.rows)
        await pilot.press("ctrl+f", *[{" ": "space"}.get(ch, ch) for ch in typed])
        await settle(app, pilot)
        wanted = ActionFilter(owner=typed.strip() or None).select(everything)
        assert shown(app) == [row.text for row in wanted]


@run_async
async def test_a_late_selection_for_older_filter_text_is_not_shown(store):
    app = ListApp(store)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        everything = list(app.screen.rows)
        await pilot.press("ctrl+f", *"ylva", "enter")
        await settle(app, pilot)
        # A selection worker that was cancelled too late still reports what "yl" kept.
        app.screen.post_message(ActionsSelected(everything, ActionFilter(owner="yl")))
        await settle(app, pilot)
        assert shown(app) == ["Beställ provtagning", "Ta fram karta"]
