"""Rescue copies left by an app that died while saves failed: found, described, acted on."""

from __future__ import annotations

import os

import pytest

import main
from export.json_io import meeting_json_bytes
from store import Action, AgendaItem, Decision, Meeting, MeetingStore
from store.persistence.action_done import set_action_done
from store.persistence.rescue import find_rescue_copies, keep_both, rescue_file_name, restore


@pytest.fixture
def folder(tmp_path):
    path = tmp_path / "copies"
    path.mkdir()
    return path


def _stored(store) -> Meeting:
    item = AgendaItem("Budget", notes="Budgeten")
    meeting = Meeting(title="Styrelsemöte", date="2031-03-04", items=[item, AgendaItem("Övrigt")])
    meeting.updated_at = "2031-03-04T13:00:00"
    store.add(meeting)
    return meeting


def _copy_of(store, meeting_id, folder, change=None, updated_at="2031-03-04T13:05:00"):
    """What the app writes after a failed save: the meeting as it is in memory."""
    meeting = store.load(meeting_id)
    if change is not None:
        change(meeting)
    meeting.updated_at = updated_at
    path = folder / rescue_file_name(meeting_id)
    path.write_bytes(meeting_json_bytes(meeting))
    return path


def _typed_on(meeting: Meeting) -> None:
    item = meeting.items[0]
    item.notes += " antogs med tillägg"
    item.decisions.append(Decision("Budgeten fastställs"))
    item.actions.append(Action("Skicka budgeten till revisorn", owner="Greta"))
    meeting.items.append(AgendaItem("Nyvald ledamot"))


def test_a_newer_copy_is_found_with_what_the_meeting_lacks(file_store, folder):
    meeting = _stored(file_store)
    path = _copy_of(file_store, meeting.id, folder, _typed_on)
    [copy] = find_rescue_copies(file_store, [folder])
    assert copy.path == path and copy.meeting_id == meeting.id
    text = "\n".join(copy.differences)
    assert "anteckningarna har 19 tecken till" in text and "antogs med tillägg" in text
    assert "beslut som mötet saknar: «Budgeten fastställs»" in text
    assert "åtgärd som mötet saknar: «Skicka budgeten till revisorn»" in text
    assert "Nyvald ledamot: hela punkten saknas i mötet" in text
    assert str(path) in copy.summary() and meeting.id in copy.summary()


def _older(store, mid, folder):
    return _copy_of(store, mid, folder, _typed_on, updated_at="2031-03-04T12:00:00")


def _same(store, mid, folder):
    return _copy_of(store, mid, folder)


def _symlink(store, mid, folder):
    real = _copy_of(store, mid, folder, _typed_on)
    target = folder.parent / "elsewhere.json"
    real.rename(target)
    real.symlink_to(target)
    return real


def _garbage(store, mid, folder):
    path = _copy_of(store, mid, folder, _typed_on)
    path.write_bytes(b"\x00not json")
    return path


def _other_meeting(store, mid, folder):
    path = _copy_of(store, mid, folder, _typed_on)
    path.rename(folder / rescue_file_name("2031-01-01-okant"))
    return path


def _other_data_dir(store, mid, folder):
    def change(meeting):
        _typed_on(meeting)
        meeting.created_at = "2020-01-01T00:00:00"

    return _copy_of(store, mid, folder, change)


@pytest.mark.parametrize("case", [_older, _same, _symlink, _garbage, _other_meeting,
                                  _other_data_dir], ids=lambda f: f.__name__.strip("_"))
def test_copies_that_are_not_newer_different_or_ours_are_not_offered(file_store, folder, case):
    meeting = _stored(file_store)
    case(file_store, meeting.id, folder)
    assert find_rescue_copies(file_store, [folder]) == []


def test_a_copy_planted_by_another_user_is_not_read(file_store, folder, monkeypatch):
    meeting = _stored(file_store)
    _copy_of(file_store, meeting.id, folder, _typed_on)
    monkeypatch.setattr(os, "geteuid", lambda: 4711)
    assert find_rescue_copies(file_store, [folder]) == []


def test_a_copy_of_a_meeting_open_in_a_program_is_left_to_that_program(file_store, folder):
    meeting = _stored(file_store)
    _copy_of(file_store, meeting.id, folder, _typed_on)
    with file_store.open(meeting.id):
        assert find_rescue_copies(file_store, [folder]) == []
    assert len(find_rescue_copies(file_store, [folder])) == 1


def test_restore_puts_the_text_back_and_removes_the_copy(file_store, folder):
    meeting = _stored(file_store)
    path = _copy_of(file_store, meeting.id, folder, _typed_on)
    [copy] = find_rescue_copies(file_store, [folder])
    restore(file_store, copy)
    restored = file_store.load(meeting.id)
    assert restored.items[0].notes == "Budgeten antogs med tillägg"
    assert [i.title for i in restored.items][-1] == "Nyvald ledamot"
    assert not path.exists()
    assert find_rescue_copies(file_store, [folder]) == []


def test_keep_both_stores_the_copy_as_a_meeting_of_its_own(file_store, folder):
    meeting = _stored(file_store)
    path = _copy_of(file_store, meeting.id, folder, _typed_on)
    [copy] = find_rescue_copies(file_store, [folder])
    new_id = keep_both(file_store, copy)
    assert new_id != meeting.id and not path.exists()
    assert file_store.load(meeting.id).items[0].notes == "Budgeten"  # untouched
    kept = file_store.load(new_id)
    assert kept.items[0].notes == "Budgeten antogs med tillägg"
    assert "nödkopia" in kept.title
    # Fresh ids: ticking the copy's action touches only the copy.
    stored_ids = {a.id for _, _, a in file_store.load(meeting.id).actions()}
    [(_, _, action)] = list(kept.actions())
    assert action.id not in stored_ids
    assert set_action_done(file_store, action.id, True).meeting_ids == [new_id]


def test_list_names_the_copy(capsys, file_store, monkeypatch, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    meeting = _stored(file_store)
    path = _copy_of(file_store, meeting.id, home, _typed_on)
    code = main.main(["--data-dir", str(file_store.backend.data_dir), "list"])
    out, err = capsys.readouterr()
    assert code == 0 and meeting.id in out
    assert "Nödkopian" in err and str(path) in err and "nyare än mötet" in err


def test_copies_of_one_meeting_are_found_without_reading_the_others(file_store, folder):
    # `motesbok live ID` asks only for that meeting's copies before it opens it: a
    # copy of another meeting is not read at all (here it could not be: it is a folder).
    meeting = _stored(file_store)
    other = Meeting(title="Årsmöte", date="2031-03-05")
    file_store.add(other)
    path = _copy_of(file_store, meeting.id, folder, _typed_on)
    (folder / rescue_file_name(other.id)).mkdir()
    [copy] = find_rescue_copies(file_store, [folder], meeting_id=meeting.id)
    assert copy.path == path
    assert find_rescue_copies(file_store, [folder], meeting_id=other.id) == []
