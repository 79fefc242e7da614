"""Nothing planted in the data directory makes the store write through it.

For every name the store writes (the lock, the backup, the meeting file, the action
cache, a temporary file) a symlink or hard link to a victim file is planted first; after
saves and scans the victim is byte for byte and mode for mode what it was.
"""

from __future__ import annotations

import os
import re
import stat

import pytest

from store import AgendaItem, Meeting, MeetingStore
from store.persistence.actions import query_actions
from store.persistence.lock import LockUnavailableError
from store.persistence.storage import create_temp_file, write_file_atomic

VICTIM_TEXT = b"victim: must never change\n"


@pytest.fixture
def victim(tmp_path):
    path = tmp_path / "victim.txt"
    path.write_bytes(VICTIM_TEXT)
    os.chmod(path, 0o644)
    return path


def _unchanged(victim) -> bool:
    return victim.read_bytes() == VICTIM_TEXT and stat.S_IMODE(victim.stat().st_mode) == 0o644


def _meeting_with_action() -> Meeting:
    item = AgendaItem("Budget")
    meeting = Meeting(title="Styrelsemöte", date="2031-03-04", items=[item])
    from store import Action

    item.actions.append(Action("Ring revisorn", owner="Greta"))
    return meeting


def _save_and_scan(store: MeetingStore, meeting_id: str) -> None:
    for n in range(2):
        with store.open(meeting_id) as session:
            session.meeting.items[0].notes = f"generation {n}"
            session.save()
    query_actions(store, status="all")


PLANTED = {
    "bak": lambda meetings, mid: meetings / f"{mid}.json.bak",
    "meeting-file": lambda meetings, mid: meetings / f"{mid}.json",
    "cache-open": lambda meetings, mid: meetings.parent / "cache" / "actions-open.json",
    "cache-done": lambda meetings, mid: meetings.parent / "cache" / "actions-done.json",
    "old-tmp-name": lambda meetings, mid: meetings / f".{mid}.json.{os.getpid()}.tmp",
}


@pytest.mark.parametrize("where", sorted(PLANTED))
def test_a_symlink_planted_where_the_store_writes_never_reaches_its_target(
    file_store, victim, where
):
    meeting_id = file_store.add(_meeting_with_action())
    meetings = file_store.backend.meetings_dir
    planted = PLANTED[where](meetings, meeting_id)
    planted.parent.mkdir(parents=True, exist_ok=True)
    if planted.exists() or planted.is_symlink():
        planted.unlink()
    planted.symlink_to(victim)
    try:
        _save_and_scan(file_store, meeting_id)
    except Exception:
        pass  # refusing is fine too; writing through the link is not
    assert _unchanged(victim)


@pytest.mark.parametrize("link", ["symlink", "hardlink"])
def test_a_planted_lock_file_is_refused_and_its_target_left_alone(file_store, victim, link):
    meeting_id = file_store.add(_meeting_with_action())
    lock_path = file_store.backend.meetings_dir / f"{meeting_id}.lock"
    lock_path.unlink(missing_ok=True)
    if link == "symlink":
        lock_path.symlink_to(victim)
    else:
        os.link(victim, lock_path)
    with pytest.raises(LockUnavailableError) as info:
        file_store.open(meeting_id)
    assert str(lock_path) in str(info.value)
    assert _unchanged(victim)
    # Reading still works: the meeting is only not writable until the link is gone.
    with file_store.open(meeting_id, read_only=True) as session:
        assert session.meeting.title == "Styrelsemöte"


def test_a_lock_file_of_ours_is_used_as_before(file_store):
    meeting_id = file_store.add(_meeting_with_action())
    for _ in range(2):
        with file_store.open(meeting_id) as session:
            session.save()


def test_temporary_names_are_unpredictable_and_never_reused(tmp_path):
    target = tmp_path / "m.json"
    names = set()
    for _ in range(50):
        fd, tmp = create_temp_file(target)
        os.close(fd)
        names.add(tmp.name)
        assert tmp.name.startswith(".m.json.") and tmp.name.endswith(".tmp")
        # 64 random bits and nothing else (no pid, no counter). Not "the pid is not in
        # the name": a 3-digit pid turns up inside random hex by chance, in one of 50
        # names about one run in seven.
        random_part = tmp.name[len(".m.json."):-len(".tmp")]
        assert re.fullmatch("[0-9a-f]{16}", random_part), tmp.name
    assert len(names) == 50


def test_a_temporary_name_already_taken_is_skipped_not_opened(tmp_path, victim, monkeypatch):
    import secrets

    taken = iter(["aaaa", "aaaa", "bbbb"])
    monkeypatch.setattr(secrets, "token_hex", lambda n: next(taken))
    target = tmp_path / "export.json"
    (tmp_path / ".export.json.aaaa.tmp").symlink_to(victim)
    write_file_atomic(target, b"{}")
    assert target.read_bytes() == b"{}"
    assert _unchanged(victim)


@pytest.mark.parametrize("existing", ["symlink", "none", "file"])
def test_writing_a_file_replaces_a_symlink_at_its_name_instead_of_following_it(
    tmp_path, victim, existing
):
    target = tmp_path / "out.json"
    if existing == "symlink":
        target.symlink_to(victim)
    elif existing == "file":
        target.write_bytes(b"old")
    write_file_atomic(target, b"new", backup=tmp_path / "out.json.bak")
    assert not target.is_symlink() and target.read_bytes() == b"new"
    assert _unchanged(victim)


def test_a_symlink_at_the_old_guessable_temporary_name_is_never_written(tmp_path, victim):
    # Exports and rescue copies go to shared folders (/tmp) where no cleanup runs first.
    target = tmp_path / "protokoll.json"
    (tmp_path / f".{target.name}.{os.getpid()}.tmp").symlink_to(victim)
    write_file_atomic(target, b"{}")
    assert _unchanged(victim)
