"""Commands that scan meetings never drop one in silence.

A corpus of damaged meetings (cut short, garbage, empty, zeros, JSON of the wrong shape,
unreadable) each with a good backup or none: `list`, `actions` and `actions done` either
recover the meeting from its backup as opening it would, or name it on stderr and exit 1
while still showing every other meeting.
"""

from __future__ import annotations

import builtins
import errno
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import main
from store import Action, AgendaItem, Meeting, MeetingStore

from tests.support.examples import examples

DAMAGES = {
    "truncated": lambda raw: raw[: len(raw) // 2],
    "garbage": lambda raw: b"\x8f\xff garbage \x00{[" * 7,
    "empty": lambda raw: b"",
    "zeros": lambda raw: b"\x00" * len(raw),
    "empty-object": lambda raw: b"{}",
    "wrong-shape": lambda raw: b'{"meeting": {"1": {"title": 5, "items": "x"}}}',
    "unreadable": None,  # permission denied (tests run as root: simulated)
}


def _deny_reading(monkeypatch, *paths) -> None:
    denied = {os.fspath(p) for p in paths}
    real_open = builtins.open

    def guarded_open(file, *args, **kwargs):
        if isinstance(file, (str, os.PathLike)) and os.fspath(file) in denied:
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)


def _meeting(title: str, action: str) -> Meeting:
    item = AgendaItem("Uppföljning", actions=[Action(action, owner="Greta")])
    return Meeting(title=title, date="2031-03-04", items=[item])


@pytest.fixture
def two_meetings(data_dir):
    """A healthy meeting and a victim saved twice (so it has a backup)."""
    store = MeetingStore.at(data_dir)
    healthy = _meeting("Friska mötet", "Frisk åtgärd")
    victim = _meeting("Skadade mötet", "Åtgärd i det skadade")
    healthy_id, victim_id = store.add(healthy), store.add(victim)
    with store.open(victim_id) as session:
        session.meeting.place = "Andra generationen"
        session.save()
    return store, healthy, victim


def _damage(store, meeting_id, damage, backup, monkeypatch) -> None:
    path = store.backend.path(meeting_id)
    bak = path.with_name(path.name + ".bak")
    if backup == "none":
        bak.unlink()
    if DAMAGES[damage] is None:
        _deny_reading(monkeypatch, path, *([bak] if backup == "unreadable" else []))
    else:
        path.write_bytes(DAMAGES[damage](path.read_bytes()))
        if backup == "unreadable":
            _deny_reading(monkeypatch, bak)


def run(capsys, *argv):
    code = main.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


COMMANDS = {
    "list": lambda h, v: ["list"],
    "actions": lambda h, v: ["actions", "--all", "--format", "csv"],
    "actions-meeting": lambda h, v: ["actions", "--meeting", v.id, "--format", "csv"],
    "actions-done": lambda h, v: ["actions", "done", v.items[0].actions[0].id],
}


def _shows(command, out, meeting) -> bool:
    if command == "list":
        return meeting.id in out
    if command == "actions-done":
        return "Klar" in out
    return meeting.items[0].actions[0].text in out


@pytest.mark.parametrize("backup", ["good", "none", "unreadable"])
@pytest.mark.parametrize("damage", sorted(DAMAGES))
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_damaged_meeting_is_recovered_or_named(
    capsys, monkeypatch, two_meetings, command, damage, backup
):
    store, healthy, victim = two_meetings
    _damage(store, victim.id, damage, backup, monkeypatch)
    code, out, err = run(capsys, "--data-dir", str(store.backend.data_dir),
                         *COMMANDS[command](healthy, victim))
    recoverable = backup == "good" and damage != "unreadable"
    if recoverable:
        assert code == 0, err
        assert _shows(command, out, victim)
        assert "Varning" in err and "säkerhetskopia" in err
    else:
        assert code == 1, (out, err)
        assert victim.id in err, err
        assert "kunde inte läsas" in err
        assert "Traceback" not in err and "Oväntat fel" not in err
        if command in ("list", "actions"):
            assert _shows(command, out, healthy)  # the rest is still shown
        if command == "actions-done":
            assert "finns inte i de möten som gick att läsa" in err


def test_an_unreadable_meetings_folder_is_not_an_empty_one(capsys, monkeypatch, two_meetings):
    store, _, _ = two_meetings
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path) == os.fspath(store.backend.meetings_dir):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    for argv in (["list"], ["actions"]):
        code, out, err = run(capsys, "--data-dir", str(store.backend.data_dir), *argv)
        assert code == 1, (out, err)
        assert "Inga möten" not in out and "Inga åtgärder" not in out
        assert "behörighet saknas" in err and str(store.backend.meetings_dir) in err


def test_a_data_dir_that_is_a_file_is_not_an_empty_store(capsys, tmp_path):
    not_a_dir = tmp_path / "fil.txt"
    not_a_dir.write_text("x")
    code, out, err = run(capsys, "--data-dir", str(not_a_dir), "list")
    assert code == 2 and "Inga möten" not in out  # the user's input (issue 9.14)
    assert "inte en mapp" in err


def test_a_meeting_left_damaged_is_named_again_on_the_next_scan(capsys, two_meetings):
    store, _, victim = two_meetings
    path = store.backend.path(victim.id)
    path.with_name(path.name + ".bak").unlink()
    path.write_bytes(b"{")
    for _ in range(2):
        code, _, err = run(capsys, "--data-dir", str(store.backend.data_dir), "list")
        assert code == 1 and victim.id in err


@pytest.mark.slow
@settings(max_examples=examples(25), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.binary(max_size=300), keep_backup=st.booleans())
def test_any_bytes_in_a_meeting_file_are_recovered_or_named(
    capsys, tmp_path_factory, content, keep_backup
):
    data_dir = tmp_path_factory.mktemp("data")
    store = MeetingStore.at(data_dir)
    victim = _meeting("Skadade mötet", "Åtgärd i det skadade")
    store.add(victim)
    with store.open(victim.id) as session:
        session.save()
    path = store.backend.path(victim.id)
    if not keep_backup:
        path.with_name(path.name + ".bak").unlink()
    path.write_bytes(content)
    code, out, err = run(capsys, "--data-dir", str(data_dir), "actions", "--format", "csv")
    if code == 0:
        assert "Åtgärd i det skadade" in out
    else:
        assert code == 1 and victim.id in err and not keep_backup
