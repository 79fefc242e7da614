"""A keystroke's save does not serialise the whole meeting: the last snapshot is reused
with the one item's notes replaced, and it must equal a full serialisation."""

from __future__ import annotations

import copy

from hypothesis import given, settings
from hypothesis import strategies as st

from store import AgendaItem, Meeting, MeetingStore
from store.persistence.serialize import meeting_to_dict
from tui.autosave import Autosaver

from tests.support.examples import examples


def _meeting() -> Meeting:
    items = [AgendaItem(f"Punkt {n}", notes=f"anteckning {n}",
                        items=[AgendaItem(f"Delpunkt {n}.1")]) for n in range(1, 6)]
    return Meeting(title="Styrelsemöte", date="2031-04-02", items=items)


@settings(max_examples=examples(40), deadline=None)
@given(target=st.integers(0, 9), texts=st.lists(st.text(max_size=30), min_size=1, max_size=5))
def test_notes_only_snapshot_equals_a_full_one(target, texts):
    store = MeetingStore.in_memory()
    meeting_id = store.add(_meeting())
    with store.open(meeting_id) as session:
        item = session.meeting.all_items()[target]
        earlier = session.snapshot()
        kept = copy.deepcopy(earlier)
        for text in texts:
            item.notes = text
            fast = session.snapshot(only_notes_of=item.id)
            assert fast == meeting_to_dict(session.meeting)
        assert earlier == kept  # an older snapshot (maybe being written) never changes


def test_a_full_save_in_between_is_the_new_base():
    store = MeetingStore.in_memory()
    meeting_id = store.add(_meeting())
    with store.open(meeting_id) as session:
        session.snapshot()
        session.meeting.items[1].status = "done"
        session.save()  # the synchronous path (quit, switching meeting)
        session.meeting.items[0].notes = "mer"
        session.save(snapshot=session.snapshot(only_notes_of=session.meeting.items[0].id))
    loaded = store.load(meeting_id)
    assert (loaded.items[1].status, loaded.items[0].notes) == ("done", "mer")


class RecordingSession:
    read_only = False

    def __init__(self):
        self.hints: list[str | None] = []

    def snapshot(self, *, only_notes_of=None):
        self.hints.append(only_notes_of)
        return {}

    def save(self, snapshot=None):
        pass


def _saver(session) -> tuple[Autosaver, list]:
    fired = []
    saver = Autosaver(schedule=lambda delay, callback: fired.append(callback),
                      on_saved=lambda stamp: None, on_error=lambda message: None)
    saver.attach(session)
    return saver, fired


def _fire(saver, fired) -> None:
    import threading

    fired.pop()()
    for thread in threading.enumerate():  # no event loop: the writer reports directly
        if thread.name == "motesbok-autosave":
            thread.join(5)


def test_the_autosaver_asks_for_a_notes_only_snapshot_only_when_that_is_all():
    session = RecordingSession()
    saver, fired = _saver(session)
    saver.changed(notes_of="a")
    _fire(saver, fired)  # the first snapshot after attaching is always full
    saver.changed(notes_of="a")
    saver.changed(notes_of="a")
    _fire(saver, fired)
    saver.changed(notes_of="a")
    saver.changed(notes_of="b")  # two items: full
    _fire(saver, fired)
    saver.changed(notes_of="a")
    saver.changed()  # anything else: full
    _fire(saver, fired)
    assert session.hints == [None, "a", None, None]
