"""A lock held by a short command is waited for (bounded); one held by the app is not."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store import Meeting, MeetingLockedError
from store.persistence import lock as lock_module
from store.persistence.lock import HOLDER_APP, HOLDER_COMMAND, FileLock
from tests.support.examples import examples


@pytest.fixture
def lock_path(tmp_path):
    return tmp_path / "m.lock"


def _held(lock_path, kind) -> FileLock:
    holder = FileLock(lock_path, "m", kind)
    holder.acquire()
    return holder


def test_the_lock_file_says_who_holds_it(lock_path):
    import json

    holder = _held(lock_path, HOLDER_COMMAND)
    try:
        assert json.loads(lock_path.read_text())["kind"] == HOLDER_COMMAND
    finally:
        holder.release()


def test_a_lock_held_by_the_app_is_refused_at_once(lock_path, monkeypatch):
    holder = _held(lock_path, HOLDER_APP)
    waits = []
    monkeypatch.setattr(lock_module.time, "sleep", waits.append)
    try:
        with pytest.raises(MeetingLockedError) as info:
            FileLock(lock_path, "m", HOLDER_COMMAND).acquire()
        assert waits == []
        assert "redan öppet" in str(info.value)
    finally:
        holder.release()


def test_a_lock_held_by_a_short_command_is_waited_for(lock_path, monkeypatch):
    holder = _held(lock_path, HOLDER_COMMAND)
    waits = []

    def sleep(seconds):
        waits.append(seconds)
        if len(waits) == 3:
            holder.release()  # the other command finishes while we wait

    monkeypatch.setattr(lock_module.time, "sleep", sleep)
    waiter = FileLock(lock_path, "m", HOLDER_COMMAND)
    waiter.acquire()
    try:
        assert waiter.held and len(waits) == 3
        assert all(w <= max(lock_module.POLL_INTERVAL) for w in waits)
    finally:
        waiter.release()


@pytest.mark.parametrize("waiter_kind, limit", [(HOLDER_COMMAND, "COMMAND_WAIT"),
                                                (HOLDER_APP, "APP_WAIT")])
def test_waiting_for_a_short_command_is_bounded(lock_path, monkeypatch, waiter_kind, limit):
    # The app waits less than a command: it opens meetings on its UI thread.
    monkeypatch.setattr(lock_module, "COMMAND_WAIT", 2.0)  # the rule, in fewer polls
    monkeypatch.setattr(lock_module, "APP_WAIT", 1.0)
    holder = _held(lock_path, HOLDER_COMMAND)
    clock = [0.0]
    monkeypatch.setattr(lock_module.time, "monotonic", lambda: clock[0])
    monkeypatch.setattr(lock_module.time, "sleep", lambda s: clock.__setitem__(0, clock[0] + s))
    try:
        with pytest.raises(MeetingLockedError):
            FileLock(lock_path, "m", waiter_kind).acquire()
        bound = getattr(lock_module, limit)
        assert bound <= clock[0] <= bound + 0.2
    finally:
        holder.release()


def _queue_of_commands(lock_path, monkeypatch, hand_over_every: float, free_at: float):
    """A fake clock under which the lock passes from command to command every
    `hand_over_every` seconds (a new pid in the lock file) until it is free at `free_at`."""
    import json

    holder = _held(lock_path, HOLDER_COMMAND)
    clock = [0.0]

    def sleep(seconds):
        before, clock[0] = clock[0], clock[0] + seconds
        if clock[0] >= free_at and holder.held:
            holder.release()
        elif int(clock[0] / hand_over_every) != int(before / hand_over_every):
            pid = 100000 + int(clock[0] / hand_over_every)
            lock_path.write_text(json.dumps({"pid": pid, "kind": HOLDER_COMMAND}))

    monkeypatch.setattr(lock_module.time, "monotonic", lambda: clock[0])
    monkeypatch.setattr(lock_module.time, "sleep", sleep)
    return holder, clock


def test_a_queue_of_short_commands_is_waited_through_while_it_moves(lock_path,
                                                                    monkeypatch):
    # Thirty commands on one meeting: the lock changes hands every few seconds, and
    # the last in line gets it long after one holder's COMMAND_WAIT.
    monkeypatch.setattr(lock_module, "COMMAND_WAIT", 2.0)  # the rule, in fewer polls
    free_at = lock_module.COMMAND_WAIT * 3
    holder, clock = _queue_of_commands(lock_path, monkeypatch,
                                       lock_module.COMMAND_WAIT / 2, free_at)
    waiter = FileLock(lock_path, "m", HOLDER_COMMAND)
    try:
        waiter.acquire()
        assert waiter.held and clock[0] >= free_at
    finally:
        waiter.release()
        holder.release()


def test_a_queue_that_never_ends_is_not_waited_for_forever(lock_path, monkeypatch):
    monkeypatch.setattr(lock_module, "QUEUE_WAIT", 10.0)  # the rule, in fewer polls
    holder, clock = _queue_of_commands(lock_path, monkeypatch, 1.0, float("inf"))
    try:
        with pytest.raises(MeetingLockedError):
            FileLock(lock_path, "m", HOLDER_COMMAND).acquire()
        assert lock_module.QUEUE_WAIT <= clock[0] <= lock_module.QUEUE_WAIT + 0.2
    finally:
        holder.release()


def test_waiting_can_be_declined(lock_path, monkeypatch):
    holder = _held(lock_path, HOLDER_COMMAND)
    monkeypatch.setattr(lock_module.time, "sleep", lambda s: pytest.fail("waited"))
    try:
        with pytest.raises(MeetingLockedError):
            FileLock(lock_path, "m", HOLDER_COMMAND).acquire(wait=False)
    finally:
        holder.release()


def test_a_holder_of_an_older_version_that_does_not_say_counts_as_the_app(lock_path,
                                                                          monkeypatch):
    holder = _held(lock_path, HOLDER_COMMAND)
    lock_path.write_text('{"pid": 1, "program": "motesbok"}')
    monkeypatch.setattr(lock_module.time, "sleep", lambda s: pytest.fail("waited"))
    try:
        with pytest.raises(MeetingLockedError):
            FileLock(lock_path, "m", HOLDER_COMMAND).acquire()
    finally:
        holder.release()


def test_the_store_of_a_short_command_marks_its_locks(data_dir):
    import json

    from store import MeetingStore

    store = MeetingStore.at(data_dir, lock_kind=HOLDER_COMMAND)
    meeting_id = store.add(Meeting(title="Nämnd", date="2031-09-14"))
    with store.open(meeting_id):
        lock_file = data_dir / "meetings" / f"{meeting_id}.lock"
        assert json.loads(lock_file.read_text())["kind"] == HOLDER_COMMAND
    with MeetingStore.at(data_dir).open(meeting_id):
        assert json.loads(lock_file.read_text())["kind"] == HOLDER_APP


def test_the_longest_waiter_polls_as_often_as_a_new_one(lock_path, monkeypatch):
    # A backoff growing with the wait would hand the lock to newer waiters each time it
    # comes free, and starve the one that has waited longest.
    monkeypatch.setattr(lock_module, "QUEUE_WAIT", 3.0)  # the rule, in fewer polls
    holder, clock = _queue_of_commands(lock_path, monkeypatch, 1.0, float("inf"))
    waits = []
    sleep = lock_module.time.sleep
    monkeypatch.setattr(lock_module.time, "sleep", lambda s: (waits.append(s), sleep(s)))
    try:
        with pytest.raises(MeetingLockedError):
            FileLock(lock_path, "m", HOLDER_COMMAND).acquire()
        late = waits[len(waits) // 2:-1]
        assert late and max(late) <= max(lock_module.POLL_INTERVAL)
    finally:
        holder.release()


def test_a_long_wait_is_announced_once_naming_the_holder(lock_path, monkeypatch):
    holder, clock = _queue_of_commands(lock_path, monkeypatch, 1.0, 5.0)
    told = []
    waiter = FileLock(lock_path, "m", HOLDER_COMMAND, on_wait=told.append)
    try:
        waiter.acquire()
        assert len(told) == 1 and told[0].holder.get("kind") == HOLDER_COMMAND
        assert "process" in told[0].holder_text()
    finally:
        waiter.release()
        holder.release()


def test_a_short_wait_is_not_announced(lock_path, monkeypatch):
    holder = _held(lock_path, HOLDER_COMMAND)
    monkeypatch.setattr(lock_module.time, "sleep", lambda s: holder.release())
    told = []
    waiter = FileLock(lock_path, "m", HOLDER_COMMAND, on_wait=told.append)
    try:
        waiter.acquire()
        assert waiter.held and told == []
    finally:
        waiter.release()


_names = st.text(st.characters(blacklist_categories=("Cs",)), max_size=120)


@settings(max_examples=examples(60), deadline=None)
@given(old_host=_names, new_host=_names, old_pid=st.integers(1, 10**9),
       new_pid=st.integers(1, 10**9))
def test_a_reader_never_sees_the_tail_of_an_older_longer_record(tmp_path_factory, old_host,
                                                                  new_host, old_pid, new_pid):
    # The new holder writes its record over the old one before cutting the file: a
    # reader in between must see the new record whole, whatever lengths the two have.
    import json
    import os as real_os

    lock_path = tmp_path_factory.mktemp("lock") / "m.lock"
    old = {"pid": old_pid, "host": old_host, "kind": HOLDER_COMMAND, "since": "x"}
    seen = []
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(lock_module.platform, "node", lambda: old_host)
        mp.setattr(lock_module.os, "getpid", lambda: old_pid)
        first = _held(lock_path, HOLDER_COMMAND)
        first.release()
        mp.setattr(lock_module.platform, "node", lambda: new_host)
        mp.setattr(lock_module.os, "getpid", lambda: new_pid)
        truncate = real_os.ftruncate

        def ftruncate(fd, length):
            # What another process reading the file sees before the cut.
            seen.append(json.loads(real_os.pread(fd, 4096, 0).decode()))
            truncate(fd, length)

        mp.setattr(lock_module.os, "ftruncate", ftruncate)
        second = _held(lock_path, HOLDER_COMMAND)
        second.release()
    assert old["host"] == old_host
    assert seen
    assert (seen[0]["pid"], seen[0]["host"]) == (new_pid, new_host)
    assert json.loads(lock_path.read_text())["host"] == new_host
