"""The meeting store, on both backends (the `store` fixture): memory and files."""

from __future__ import annotations

import pytest

from store import (
    Action,
    AgendaItem,
    Meeting,
    MeetingLockedError,
    MeetingNotFoundError,
    ReadOnlyError,
)
from store.persistence.serialize import meeting_to_dict


def _meeting(title="Ledningsgrupp", day="2031-03-04", **kw) -> Meeting:
    return Meeting(title=title, date=day, items=[AgendaItem("Öppnande")], **kw)


def test_add_then_load_gives_an_equal_meeting(store, sample_meeting):
    meeting_id = store.add(sample_meeting)
    assert meeting_id == sample_meeting.id
    loaded = store.load(meeting_id)
    assert meeting_to_dict(loaded) == meeting_to_dict(sample_meeting)
    assert loaded == sample_meeting


def test_series_defaults_to_title_and_survives_a_rename(store):
    meeting_id = store.add(_meeting("Kommunchefsmöte"))
    with store.open(meeting_id) as session:
        session.meeting.title = "Kommunchefsmöte, extra"
        session.save()
    assert store.load(meeting_id).series_name == "Kommunchefsmöte"


def test_saving_one_field_is_seen_by_the_next_reader(store, sample_meeting):
    meeting_id = store.add(sample_meeting)
    with store.open(meeting_id) as session:
        session.meeting.items[2].notes = "Frågan bordlades, åäö."
        session.save()
        assert store.load(meeting_id).items[2].notes == "Frågan bordlades, åäö."
    # A fresh session reads what was saved.
    with store.open(meeting_id) as session:
        assert session.meeting.items[2].notes == "Frågan bordlades, åäö."


def test_item_timestamps_are_kept(store):
    meeting_id = store.add(_meeting())
    with store.open(meeting_id) as session:
        item = session.meeting.items[0]
        item.started_at, item.finished_at, item.status = (
            "2031-03-04T13:02:00", "2031-03-04T13:10:00", "done")
        session.save()
    item = store.load(meeting_id).items[0]
    assert (item.started_at, item.finished_at, item.status) == (
        "2031-03-04T13:02:00", "2031-03-04T13:10:00", "done")


def test_a_second_writer_is_refused_naming_the_holder(store):
    meeting_id = store.add(_meeting())
    with store.open(meeting_id):
        with pytest.raises(MeetingLockedError) as info:
            store.open(meeting_id)
        assert "process" in str(info.value) and "skrivskyddat" in str(info.value)
        with store.open(meeting_id, read_only=True) as reader:
            assert reader.read_only
            assert reader.meeting.title == "Ledningsgrupp"
            with pytest.raises(ReadOnlyError):
                reader.save()
    # Closed: the next writer gets it.
    with store.open(meeting_id) as session:
        assert not session.read_only


def test_unknown_meeting(store):
    with pytest.raises(MeetingNotFoundError) as info:
        store.open("finns-inte")
    assert "finns-inte" in str(info.value)
    with pytest.raises(MeetingNotFoundError):
        store.load("finns-inte")


@pytest.mark.parametrize("bad_id", ["../../etc/passwd", "a/b", ".dold", "", "x.json"])
def test_ids_that_are_not_plain_names_are_never_used(store, bad_id):
    with pytest.raises(MeetingNotFoundError):
        store.load(bad_id)
    meeting = _meeting(id=bad_id)
    new_id = store.add(meeting)
    assert new_id != bad_id and "/" not in new_id and not new_id.startswith(".")


def test_importing_the_same_meeting_twice_gives_a_copy_with_fresh_ids(store):
    meeting = _meeting()
    meeting.items[0].actions.append(Action("Ring kommunen"))
    first = store.add(meeting)
    again = store.load(first)
    second = store.add(again)
    assert second != first
    a, b = store.load(first), store.load(second)
    assert a.items[0].actions[0].id != b.items[0].actions[0].id
    assert a.items[0].id != b.items[0].id
    assert b.items[0].actions[0].text == "Ring kommunen"


def test_summaries_newest_first_with_counts(store):
    old = _meeting(day="2031-01-10")
    new = _meeting(day="2031-02-10", start="09:00")
    new.items[0].items.append(AgendaItem("Under", actions=[Action("A"), Action("B", done=True)]))
    new.items.append(AgendaItem("Två", actions=[Action("C")]))
    same_day_earlier = _meeting(day="2031-02-10", start="08:00")
    for meeting in (old, new, same_day_earlier):
        store.add(meeting)
    summaries = store.summaries()
    assert [s.id for s in summaries] == [new.id, same_day_earlier.id, old.id]
    top = summaries[0]
    assert (top.item_count, top.open_actions, top.date) == (3, 2, "2031-02-10")


def test_delete(store):
    meeting_id = store.add(_meeting())
    with store.open(meeting_id):
        with pytest.raises(MeetingLockedError):
            store.delete(meeting_id)
    store.delete(meeting_id)
    assert store.summaries() == []
    with pytest.raises(MeetingNotFoundError):
        store.load(meeting_id)


def test_meetings_and_raw_meetings_agree(store, sample_meeting):
    store.add(sample_meeting)
    store.add(_meeting())
    raw = dict(store.raw_meetings())
    models = {m.id: m for m in store.meetings()}
    assert len(raw) == 2
    assert set(raw) == set(models) == {s.id for s in store.summaries()}
    assert raw[sample_meeting.id]["title"] == sample_meeting.title


def test_a_meeting_saved_mid_edit_opens_again(store):
    """Empty title, half-typed time: saved by autosave, must load again."""
    meeting_id = store.add(_meeting())
    with store.open(meeting_id) as session:
        session.meeting.items.append(AgendaItem("", time="9:"))
        session.meeting.items[0].actions.append(Action(""))
        session.save()
    loaded = store.load(meeting_id)
    assert loaded.items[1].title == "" and loaded.items[1].time == "9:"
    with store.open(meeting_id) as session:
        assert session.meeting.items[0].actions[0].text == ""


def test_two_stores_on_one_memory_backend_do_not_leak_locks():
    from store import MeetingStore

    for _ in range(50):  # ids of dead backends get reused; locks must not follow them
        s = MeetingStore.in_memory()
        meeting_id = s.add(_meeting())
        session = s.open(meeting_id)  # left open on purpose
        del session, s
    fresh = MeetingStore.in_memory()
    meeting_id = fresh.add(_meeting())
    fresh.open(meeting_id).close()


def test_adding_keeps_the_meetings_own_timestamps(store):
    meeting = _meeting()
    meeting.created_at = meeting.updated_at = "2030-12-01T10:00:00"
    meeting_id = store.add(meeting)
    assert store.load(meeting_id).updated_at == "2030-12-01T10:00:00"
    with store.open(meeting_id) as session:
        session.save()
    assert store.load(meeting_id).updated_at != "2030-12-01T10:00:00"


def test_undecodable_characters_never_stop_saving(store):
    """A paste can carry lone surrogates; orjson refuses them, the save must not."""
    meeting_id = store.add(_meeting())
    with store.open(meeting_id) as session:
        session.meeting.items[0].notes = "före \udcc3\udca5 efter"
        session.save()
        session.meeting.items[0].notes += " och mer"
        session.save()
    assert store.load(meeting_id).items[0].notes == "före \ufffd\ufffd efter och mer"


def test_a_snapshot_taken_earlier_is_what_gets_written(store):
    meeting_id = store.add(_meeting())
    with store.open(meeting_id) as session:
        session.meeting.items[0].notes = "i ögonblicksbilden"
        snapshot = session.snapshot()
        session.meeting.items[0].notes = "ändrat efteråt"  # the UI goes on typing
        session.save(snapshot=snapshot)
        assert store.load(meeting_id).items[0].notes == "i ögonblicksbilden"
        session.save()
    assert store.load(meeting_id).items[0].notes == "ändrat efteråt"


def test_opening_a_meeting_file_builds_the_meeting_once(file_store, sample_meeting, monkeypatch):
    # The file's check builds the meeting from the JSON; opening takes that one (live
    # mode's start built the 30-item meeting twice).
    import store.persistence.backends as backends
    import store.persistence.store as store_module
    from store.persistence import serialize

    meeting_id = file_store.add(sample_meeting)
    built = []

    def counting(data, **kwargs):
        built.append(data.get("title"))
        return serialize.meeting_from_dict(data, **kwargs)

    monkeypatch.setattr(backends, "meeting_from_dict", counting)
    monkeypatch.setattr(store_module, "meeting_from_dict", counting)
    session = file_store.open(meeting_id)
    try:
        assert session.meeting == file_store.load(meeting_id)
        assert built == [sample_meeting.title] * 2  # the open, then load()'s own
    finally:
        session.close()
