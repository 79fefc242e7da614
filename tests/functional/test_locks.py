"""One writer per meeting across real processes, and kill -9 never leaves it locked."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from store import AgendaItem, Meeting, MeetingLockedError, MeetingStore
from tests.conftest import ROOT, child_env

HOLDER = r"""
import sys, time
from store import MeetingStore
session = MeetingStore.at(sys.argv[1]).open(sys.argv[2])
session.meeting.place = "Ändrad av första processen"
session.save()
print("ready", flush=True)
time.sleep(120)
"""

SECOND = r"""
import sys
from store import MeetingStore, MeetingLockedError
store = MeetingStore.at(sys.argv[1])
try:
    session = store.open(sys.argv[2])
except MeetingLockedError as exc:
    print("refused:", exc)
    with store.open(sys.argv[2], read_only=True) as session:
        print("read-only:", session.meeting.place)
    sys.exit(0)
with session:
    session.meeting.place = "Ändrad av en ny process"
    session.save()
print("saved")
"""


def _python(code: str, data_dir, meeting_id, **kw) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", code, str(data_dir), meeting_id],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=child_env(data_dir), cwd=ROOT, **kw,
    )


@pytest.mark.slow
def test_second_process_is_refused_and_kill_9_frees_the_meeting(data_dir):
    store = MeetingStore.at(data_dir)
    meeting_id = store.add(
        Meeting(title="Valnämnden", date="2031-09-14", items=[AgendaItem("Rösträkning")])
    )
    first = _python(HOLDER, data_dir, meeting_id)
    try:
        assert first.stdout.readline().strip() == "ready", first.stderr.read()

        # Another process: refused, told who holds it, and it may read.
        second = _python(SECOND, data_dir, meeting_id)
        out, err = second.communicate(timeout=60)
        assert second.returncode == 0, err
        assert f"process {first.pid}" in out
        assert "redan öppet för redigering" in out
        assert "read-only: Ändrad av första processen" in out

        # The same in this process, through the API.
        with pytest.raises(MeetingLockedError) as info:
            store.open(meeting_id)
        assert info.value.holder["pid"] == first.pid
        with store.open(meeting_id, read_only=True) as reader:
            assert reader.read_only

        os.kill(first.pid, signal.SIGKILL)
        first.wait(timeout=30)
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()

    # The lock file still names the dead process, and yet it blocks nobody.
    lock_file = data_dir / "meetings" / f"{meeting_id}.lock"
    assert str(first.pid) in lock_file.read_text()
    third = _python(SECOND, data_dir, meeting_id)
    out, err = third.communicate(timeout=60)
    assert out.strip() == "saved", (out, err)
    assert store.load(meeting_id).place == "Ändrad av en ny process"


@pytest.mark.slow
def test_a_clean_close_releases_the_lock_for_another_process(data_dir):
    store = MeetingStore.at(data_dir)
    meeting_id = store.add(Meeting(title="Nämnd", date="2031-09-14"))
    with store.open(meeting_id) as session:
        session.save()
        busy = _python(SECOND, data_dir, meeting_id)
        out, _ = busy.communicate(timeout=60)
        assert out.startswith("refused:") and f"process {os.getpid()}" in out
    free = _python(SECOND, data_dir, meeting_id)
    out, err = free.communicate(timeout=60)
    assert out.strip() == "saved", err
