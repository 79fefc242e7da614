"""The agenda editor removes a § that presence is tied to: the ties move to the
neighbouring §§ and one sentence says so (store/domain/paragraph_removal.py)."""

from __future__ import annotations

from textual.widgets import Tree

from store import AgendaItem, Meeting, MeetingStore, Participant
from store.domain.attendance import Interval
from store.domain.presence_ties import present_in
from tests.support.live import make_app, run_async, settle, wait_until
from tui.dialogs.questions import ConfirmDialog


def tied_protocol() -> Meeting:
    meeting = Meeting("Tekniska nämnden", "2031-04-02", kind="protokoll", first_paragraph=41,
                      items=[AgendaItem("Budget"), AgendaItem("Skolskjuts"), AgendaItem("Hamnen")])
    budget, school, harbour = (item.id for item in meeting.items)
    meeting.participants = [
        Participant("Vera Holm", party="S", group="ledamot", decision_maker=True,
                    intervals=[Interval("13:00", "13:40", to_item=school)]),
        Participant("Bo Ek", party="M", group="ledamot", decision_maker=True,
                    intervals=[Interval("13:30", None, from_item=school)]),
        Participant("Cay Ulf", party="C", group="ledamot", decision_maker=True),
    ]
    return meeting


@run_async
async def test_removing_a_tied_paragraph_moves_its_ties_and_says_so():
    store = MeetingStore.in_memory()
    meeting_id = store.add(tied_protocol())
    app = make_app(store)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        app.open_meeting(meeting_id, mode="agenda")
        await wait_until(pilot, lambda: app.screen.query("#agenda-tree"), what="editor")
        await settle(pilot)
        tree = app.screen.query_one("#agenda-tree", Tree)
        tree.focus()
        tree.cursor_line = 1  # § 42 Skolskjuts
        await pilot.pause()
        await pilot.press("delete")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog), what="question")
        await pilot.press("j")
        await wait_until(pilot, lambda: app.shown_notifications, what="the sentence")
        meeting = app.session.meeting
        budget, harbour = meeting.items
        vera, bo, _ = meeting.participants
        assert vera.intervals == [Interval("13:00", "13:40", to_item=budget.id)]
        assert bo.intervals == [Interval("13:30", None, from_item=harbour.id)]
        # Who sits in each remaining § is as before: Vera in § 41 only, Bo in § 42 only.
        assert [present_in(meeting, vera, i) for i in meeting.items] == [True, False]
        assert [present_in(meeting, bo, i) for i in meeting.items] == [False, True]
        notice = app.shown_notifications[-1]
        assert notice.message == (
            "Närvaron som var knuten till ”Skolskjuts” är flyttad till grannparagrafen: "
            "Vera Holm (S) går efter § 41 och Bo Ek (M) kommer från § 42.")
        assert notice.severity == "warning"
        # It shows over the tree, where it hides none of the fields.
        await wait_until(pilot, lambda: app.screen.query("Toast"), what="the toast")
        await pilot.pause()
        tree_region = app.screen.query_one("#agenda-tree").region
        assert all(tree_region.contains_region(t.region) for t in app.screen.query("Toast"))


@run_async
async def test_removing_an_untied_paragraph_says_nothing_more():
    store = MeetingStore.in_memory()
    meeting = tied_protocol()
    meeting.items[2].title = "Hamnen"
    meeting_id = store.add(meeting)
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_meeting(meeting_id, mode="agenda")
        await wait_until(pilot, lambda: app.screen.query("#agenda-tree"), what="editor")
        await settle(pilot)
        tree = app.screen.query_one("#agenda-tree", Tree)
        tree.focus()
        tree.cursor_line = 2  # § 43 Hamnen: nobody is tied to it
        await pilot.pause()
        await pilot.press("delete")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog), what="question")
        await pilot.press("j")
        await wait_until(pilot, lambda: len(app.session.meeting.items) == 2, what="removal")
        await settle(pilot)
        assert not any("Närvaron" in n.message for n in app.shown_notifications)
