"""The file backend: atomic writes, backups, damaged files, injected failures, modes."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import orjson
import pytest

from store import AgendaItem, Meeting, MeetingStore, SaveError, StoreError
from store.persistence.storage import AtomicJSONStorage, write_file_atomic


def _meeting() -> Meeting:
    return Meeting(title="Förvaltningsråd", date="2031-04-01", items=[AgendaItem("Början")])


def _saved_twice(file_store: MeetingStore) -> tuple[str, Path]:
    """A meeting saved as generation 1 (now the backup) and then 2 (the file)."""
    meeting_id = file_store.add(_meeting())
    with file_store.open(meeting_id) as session:
        session.meeting.items[0].notes = "generation 2"
        session.save()
    return meeting_id, file_store.backend.path(meeting_id)


def _notes_on_disk(path: Path) -> str:
    data = orjson.loads(path.read_bytes())
    return data["meeting"]["1"]["items"][0].get("notes", "")


# -- permissions ------------------------------------------------------------------


def test_everything_the_store_creates_is_private(file_store, data_dir, tmp_path):
    os.umask(0o022)  # a typical, permissive umask must not leak through
    try:
        meeting_id, path = _saved_twice(file_store)
        path.write_bytes(b'{"meeting": {"1": {"tit')  # damage it: moved aside, rewritten
        file_store.load(meeting_id)
        write_file_atomic(tmp_path / "export.json", b"{}")
    finally:
        os.umask(0o022)
    created = [data_dir, *data_dir.rglob("*"), tmp_path / "export.json"]
    names = {p.name for p in created}
    assert any(n.endswith(".bak") for n in names)
    assert any(n.endswith(".lock") for n in names)
    assert any(".corrupt-" in n for n in names)
    for p in created:
        mode = stat.S_IMODE(p.stat().st_mode)
        assert mode == (0o700 if p.is_dir() else 0o600), f"{p} is {oct(mode)}"


def test_missing_parents_of_the_data_dir_are_private_too(tmp_path):
    data_dir = tmp_path / "a" / "b" / "data"
    MeetingStore.at(data_dir).add(_meeting())
    for d in (tmp_path / "a", tmp_path / "a" / "b", data_dir):
        assert stat.S_IMODE(d.stat().st_mode) == 0o700


def test_an_existing_directory_given_by_the_user_keeps_its_mode(tmp_path):
    mine = tmp_path / "Dokument"
    mine.mkdir(mode=0o755)
    os.chmod(mine, 0o755)
    MeetingStore.at(mine).add(_meeting())
    assert stat.S_IMODE(mine.stat().st_mode) == 0o755
    assert stat.S_IMODE((mine / "meetings").stat().st_mode) == 0o700


# -- atomic writes and the backup -----------------------------------------------------


def test_each_save_keeps_the_previous_generation_as_backup(file_store):
    meeting_id, path = _saved_twice(file_store)
    assert _notes_on_disk(path) == "generation 2"
    assert _notes_on_disk(path.with_name(path.name + ".bak")) == ""
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("victim", ["write", "fsync", "replace"])
def test_a_failing_write_keeps_the_old_file_and_the_next_save_retries(
    file_store, monkeypatch, victim
):
    meeting_id, path = _saved_twice(file_store)
    before = path.read_bytes()
    real = getattr(os, victim)
    with file_store.open(meeting_id) as session:
        session.meeting.items[0].notes = "generation 3"

        def broken(*args, **kwargs):
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(os, victim, broken)
        with pytest.raises(SaveError) as info:
            session.save()
        assert "Disken är full" in str(info.value)
        assert path.read_bytes() == before
        assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]
        # The disk is back: the very same session saves on the next try.
        monkeypatch.setattr(os, victim, real)
        session.save()
    assert _notes_on_disk(path) == "generation 3"
    assert file_store.load(meeting_id).items[0].notes == "generation 3"


def test_a_write_that_fails_halfway_leaves_the_old_file(file_store, monkeypatch):
    meeting_id, path = _saved_twice(file_store)
    before = path.read_bytes()
    real_write = os.write
    calls = []

    def short_then_fail(fd, data):
        calls.append(len(data))
        if len(calls) == 1:
            return real_write(fd, bytes(data[:10]))  # a short write, then the disk fills
        raise OSError(errno.ENOSPC, "No space left on device")

    with file_store.open(meeting_id) as session:
        session.meeting.items[0].notes = "x" * 5000
        monkeypatch.setattr(os, "write", short_then_fail)
        with pytest.raises(SaveError):
            session.save()
    assert len(calls) == 2
    assert path.read_bytes() == before


def test_a_read_only_directory_gives_a_clear_error(file_store, monkeypatch):
    meeting_id, path = _saved_twice(file_store)
    before = path.read_bytes()
    real_open = os.open

    def refuse_create(p, flags, *args, **kwargs):
        if flags & os.O_CREAT and str(p).endswith(".tmp"):
            raise OSError(errno.EROFS, "Read-only file system")
        return real_open(p, flags, *args, **kwargs)

    with file_store.open(meeting_id) as session:
        monkeypatch.setattr(os, "open", refuse_create)
        with pytest.raises(SaveError) as info:
            session.save()
    assert "skrivskyddat" in str(info.value) and str(path) in str(info.value)
    assert path.read_bytes() == before


def test_no_hard_links_falls_back_to_a_copied_backup(file_store, monkeypatch):
    meeting_id, path = _saved_twice(file_store)

    def no_links(*args, **kwargs):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    with file_store.open(meeting_id) as session:
        session.meeting.items[0].notes = "generation 3"
        session.save()
    assert _notes_on_disk(path) == "generation 3"
    assert _notes_on_disk(path.with_name(path.name + ".bak")) == "generation 2"


# -- damaged files ---------------------------------------------------------------


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],  # truncated mid-write by some other tool
        lambda raw: b"",
        lambda raw: b"\x00" * len(raw),  # a crash on a file system without ordering
        lambda raw: b"{}",  # valid JSON, but no meeting
        lambda raw: b'{"meeting": {"1": {"format": "x"}}}',
    ],
    ids=["truncated", "empty", "zeros", "empty-object", "not-a-meeting"],
)
def test_a_damaged_file_is_moved_aside_and_the_backup_loads(file_store, damage):
    meeting_id, path = _saved_twice(file_store)
    damaged = damage(path.read_bytes())
    path.write_bytes(damaged)

    with file_store.open(meeting_id) as session:
        recovery = session.recovered
        assert recovery is not None and recovery.loaded_backup
        # The damaged bytes are kept, byte for byte, where the message says.
        assert recovery.bad_file.read_bytes() == damaged
        message = recovery.message()
        assert str(recovery.bad_file) in message
        assert "skadad" in message and "säkerhetskopia" in message
        assert session.meeting.items[0].notes == ""  # generation 1, from the backup
        session.meeting.items[0].notes = "skrivet efter räddningen"
        session.save()
    assert file_store.recoveries == [recovery]
    assert _notes_on_disk(path) == "skrivet efter räddningen"
    # The next start is clean.
    with file_store.open(meeting_id) as session:
        assert session.recovered is None


def test_the_listing_repairs_and_reports_a_damaged_meeting(file_store):
    meeting_id, path = _saved_twice(file_store)
    path.write_bytes(path.read_bytes()[:40])
    assert [s.id for s in file_store.summaries()] == [meeting_id]
    assert len(file_store.recoveries) == 1
    assert orjson.loads(path.read_bytes())  # repaired in place


def test_a_damaged_file_without_backup_is_kept_and_reported(file_store):
    meeting_id = file_store.add(_meeting())  # one generation only: no backup yet
    path = file_store.backend.path(meeting_id)
    path.write_bytes(b'{"meeting": ')
    for _ in range(2):  # left in place: every later open (and listing) still names it
        with pytest.raises(StoreError) as info:
            file_store.open(meeting_id)
        assert path.read_bytes() == b'{"meeting": '
        assert str(path) in str(info.value)
        assert "ingen säkerhetskopia" in str(info.value)
    # One message, not a second contradicting it ("saknades", "flyttas undan").
    assert file_store.recoveries == []


def test_a_reader_without_the_lock_leaves_the_damaged_file_to_the_writer(file_store):
    meeting_id, path = _saved_twice(file_store)
    with file_store.open(meeting_id) as writer:
        path.write_bytes(b"{")
        reader_store = MeetingStore.at(file_store.backend.data_dir)
        meeting = reader_store.load(meeting_id)  # the writer holds the lock
        assert meeting.items[0].notes == ""
        assert path.read_bytes() == b"{"
        assert reader_store.recoveries[0].moved is False
        writer.meeting.items[0].notes = "writer wins"
        writer.save()
    assert _notes_on_disk(path) == "writer wins"


def test_a_missing_file_with_a_backup_is_restored(file_store):
    meeting_id, path = _saved_twice(file_store)
    path.unlink()
    meeting = file_store.load(meeting_id)
    assert meeting.items[0].notes == ""
    assert path.exists()
    assert "saknades" in file_store.recoveries[0].message()


def test_temporary_files_left_by_a_killed_writer_are_cleaned(file_store):
    meeting_id, path = _saved_twice(file_store)
    stale = path.with_name(f".{path.name}.99999.tmp")
    stale.write_bytes(b"half a meeting")
    with file_store.open(meeting_id):
        pass
    assert not stale.exists()
    assert path.exists()


def test_storage_serves_reads_from_memory_after_the_first(tmp_path):
    storage = AtomicJSONStorage(tmp_path / "m.json")
    assert storage.read() is None
    storage.write({"meeting": {"1": {"x": 1}}})
    (tmp_path / "m.json").write_bytes(b"changed behind our back")
    assert storage.read() == {"meeting": {"1": {"x": 1}}}


def test_a_meeting_whose_file_vanished_is_still_listed_from_its_backup(file_store):
    meeting_id, path = _saved_twice(file_store)
    path.unlink()
    assert [s.id for s in file_store.summaries()] == [meeting_id]
    assert path.exists()
