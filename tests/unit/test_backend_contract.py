"""What the store asks of a backend: the action rows come from the backend itself (the
file backend answers from its cache), and TinyDB's file layout is read in one place."""

from __future__ import annotations

from datetime import date as Date

import orjson
import pytest

from store import Action, AgendaItem, FileBackend, Meeting, MeetingStore, MemoryBackend
from store.persistence import layout
from store.persistence.actions import query_actions


def meeting_with_action(day: str = "2031-01-15") -> Meeting:
    return Meeting(title="Styrgrupp", date=day,
                   items=[AgendaItem("Budget", actions=[Action("Skicka förslaget")])])


class CountingBackend(MemoryBackend):
    """A backend of its own kind (neither file nor plain memory) that counts scans."""

    def __init__(self) -> None:
        super().__init__()
        self.scans = 0

    def action_rows(self, store, today_iso, *, include_done, skip_id):
        self.scans += 1
        return super().action_rows(store, today_iso, include_done=include_done,
                                   skip_id=skip_id)


def test_the_action_list_asks_the_backend_for_its_rows():
    backend = CountingBackend()
    store = MeetingStore(backend)
    store.add(meeting_with_action())
    rows = query_actions(store, status="all")
    assert [row.text for row in rows] == ["Skicka förslaget"] and backend.scans == 1


@pytest.mark.parametrize("include_done", [False, True])
def test_file_and_memory_backends_give_the_same_rows(tmp_path, include_done):
    stores = [MeetingStore(FileBackend(tmp_path)), MeetingStore(MemoryBackend())]
    for store in stores:
        done = meeting_with_action("2031-02-01")
        done.items[0].actions[0].mark_done(Date(2031, 2, 2))
        store.add(meeting_with_action())
        store.add(done)
    file_rows, memory_rows = (
        sorted((r.meeting_date, r.done) for r in s.backend.action_rows(
            s, "2031-03-01", include_done=include_done, skip_id=None))
        for s in stores
    )
    # The file backend leaves done rows out unless asked; memory gives all of them.
    assert file_rows == [r for r in memory_rows if include_done or not r[1]]
    assert len(memory_rows) == 2


def test_a_stored_file_holds_one_meeting_where_the_layout_says(tmp_path):
    store = MeetingStore(FileBackend(tmp_path))
    meeting_id = store.add(meeting_with_action())
    raw = orjson.loads(store.backend.path(meeting_id).read_bytes())
    assert layout.meeting_of(raw)["title"] == "Styrgrupp"
    assert layout.database_of(layout.meeting_of(raw)) == raw
    assert store.backend.read_raw(meeting_id) == layout.meeting_of(raw)


@pytest.mark.parametrize("data", [{}, [], None, {"meeting": {}}, {"meeting": {"1": []}},
                                  {"meeting": []}, "x"])
def test_anything_else_holds_no_meeting(data):
    with pytest.raises(ValueError):
        layout.meeting_of(data)
