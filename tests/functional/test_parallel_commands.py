"""Many short commands on one meeting at once wait for each other; the app is not waited for."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from store import Action, AgendaItem, Meeting, MeetingStore
from store.persistence.lock import COMMAND_WAIT, HOLDER_APP, HOLDER_COMMAND
from tests.conftest import ROOT, child_env

HOLDER = r"""
import sys, time
from store import MeetingStore
session = MeetingStore.at(sys.argv[1], lock_kind=sys.argv[3]).open(sys.argv[2])
print("ready", flush=True)
sys.stdin.readline()
session.close()
"""


def _meeting_with_actions(n: int) -> Meeting:
    item = AgendaItem("Uppföljning")
    item.actions = [Action(f"Åtgärd {i}", owner="Greta") for i in range(n)]
    return Meeting(title="Styrelsemöte", date="2031-03-04", items=[item])


def _motesbok(data_dir, *args) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=child_env(data_dir), cwd=ROOT,
    )


@pytest.mark.slow
@pytest.mark.parametrize("same_action", [True, False], ids=["one-action", "thirty-actions"])
def test_thirty_parallel_actions_done_on_one_meeting_all_succeed(data_dir, same_action):
    store = MeetingStore.at(data_dir)
    meeting = _meeting_with_actions(30)
    meeting_id = store.add(meeting)
    ids = [a.id for a in meeting.items[0].actions]
    procs = [
        _motesbok(data_dir, "actions", "done", ids[0] if same_action else ids[i])
        for i in range(30)
    ]
    results = [(p.wait(timeout=600), p.stdout.read(), p.stderr.read()) for p in procs]
    failures = [r for r in results if r[0] != 0]
    assert not failures, failures[:3]
    done = [a.done for a in store.load(meeting_id).items[0].actions]
    assert done[0] and (same_action or all(done))


def _holder(data_dir, meeting_id, kind) -> subprocess.Popen:
    """A process holding the meeting open (as the app or a command) until its stdin closes."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(data_dir), meeting_id, kind],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=child_env(data_dir), cwd=ROOT,
    )
    assert holder.stdout.readline().strip() == "ready", holder.stderr.read()
    return holder


@pytest.mark.slow
def test_a_command_waiting_for_another_says_whom_it_waits_for(data_dir):
    store = MeetingStore.at(data_dir)
    meeting = _meeting_with_actions(1)
    meeting_id = store.add(meeting)
    holder = _holder(data_dir, meeting_id, HOLDER_COMMAND)
    try:
        command = _motesbok(data_dir, "actions", "done", meeting.items[0].actions[0].id)
        notice = command.stderr.readline()  # blocks until the command says it waits
        assert notice.startswith(f"Väntar på att process {holder.pid} "), notice
        assert meeting_id in notice
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    out, err = command.communicate(timeout=120)
    assert command.returncode == 0, (out, err)
    assert store.load(meeting_id).items[0].actions[0].done


@pytest.mark.slow
def test_a_meeting_open_in_the_app_is_refused_at_once(data_dir):
    store = MeetingStore.at(data_dir)
    meeting = _meeting_with_actions(1)
    meeting_id = store.add(meeting)
    holder = _holder(data_dir, meeting_id, HOLDER_APP)
    try:
        started = time.monotonic()
        command = _motesbok(data_dir, "actions", "done", meeting.items[0].actions[0].id)
        out, err = command.communicate(timeout=60)
        elapsed = time.monotonic() - started
        assert command.returncode == 1, (out, err)
        assert "redan öppet" in err and f"process {holder.pid}" in err
        assert elapsed < COMMAND_WAIT / 2  # refused, not waited for
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    assert not store.load(meeting_id).items[0].actions[0].done
