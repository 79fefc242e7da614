"""`motesbok adjust`, `motesbok unadjust`, and the protocol state in `list` and `actions`
(in-process, as test_actions_cli.py; one subprocess run checks the real entry point)."""

from __future__ import annotations

import subprocess
from datetime import date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import main
from store import Action, Meeting, MeetingStore
from tests.conftest import ROOT, child_env, python_exe
from tests.support.protocol_sample import law_deadline, protocol_meeting
from tests.support.examples import examples


def run(capsys, *argv):
    code = main.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def protocol_id(file_store: MeetingStore) -> str:
    meeting = protocol_meeting(2)
    meeting.items[0].actions.append(Action("Utred belysningen", owner="Bo Tall"))
    return file_store.add(meeting)


def test_adjust_fills_in_the_anslag_and_locks(file_store, protocol_id, capsys):
    code, out, err = run(capsys, "adjust", protocol_id, "--date", "2031-03-13")
    assert code == 0, err
    meeting = file_store.load(protocol_id)
    assert meeting.adjusted == "2031-03-13" and meeting.locked
    # Thursday -> posted Friday, down three weeks later; the stored archive is kept.
    assert (meeting.posting.from_, meeting.posting.to) == ("2031-03-14", "2031-04-04")
    assert meeting.posting.archive == "Tekniska förvaltningens kansli"
    assert "justerat 2031-03-13" in out and "2031-03-14" in out and err == ""


def test_adjust_takes_the_dates_and_archive_given(file_store, protocol_id, capsys):
    code, out, err = run(capsys, "adjust", protocol_id, "--date", "2031-03-14", "--posted",
                         "2031-03-16", "--down", "2031-04-30", "--archive", "Kansliet")
    assert code == 0, err
    posting = file_store.load(protocol_id).posting
    assert (posting.from_, posting.to, posting.archive) == ("2031-03-16", "2031-04-30",
                                                          "Kansliet")


@pytest.mark.parametrize("argv, says", [
    (["--date", "2031-03-10"], "före sammanträdet"),
    (["--date", "14/3"], "Ogiltigt datum för --date"),
    (["--date", "2031-03-14", "--posted", "2031-02-30"], "Ogiltigt datum för --posted"),
    (["--date", "2031-03-14", "--posted", "2031-03-13"], "innan protokollet är justerat"),
    (["--date", "2031-03-14", "--down", "2031-03-30"], "minst tre veckor"),
])
def test_bad_input_is_refused_with_exit_2_and_nothing_changes(
        file_store, protocol_id, capsys, argv, says):
    before = file_store.backend.read_raw(protocol_id)
    code, out, err = run(capsys, "adjust", protocol_id, *argv)
    assert code == 2 and says in err and out == ""
    assert len(err.strip().splitlines()) == 1
    assert file_store.backend.read_raw(protocol_id) == before


def test_only_a_protocol_is_adjusted_and_only_once(file_store, protocol_id, capsys):
    minutes_id = file_store.add(Meeting("Ledningsgrupp", "2031-03-10"))
    code, _, err = run(capsys, "adjust", minutes_id, "--date", "2031-03-12")
    assert code == 2 and "Bara ett protokoll" in err
    assert run(capsys, "adjust", protocol_id, "--date", "2031-03-14")[0] == 0
    code, _, err = run(capsys, "adjust", protocol_id, "--date", "2031-03-15")
    assert code == 2 and "redan justerat 2031-03-14" in err
    code, _, err = run(capsys, "adjust", "finns-inte", "--date", "2031-03-15")
    assert code == 2 and "inget möte" in err


@pytest.mark.slow
@settings(max_examples=examples(30), suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(adjusted=st.dates(min_value=date(2031, 3, 11), max_value=date(2033, 12, 31)),
       later=st.integers(0, 9), extra=st.integers(0, 10))
def test_a_late_posting_warns_but_adjusts(file_store, capsys, adjusted, later, extra):
    meeting_id = file_store.add(protocol_meeting(1))
    posted = adjusted + timedelta(days=later)
    down = posted + timedelta(days=21 + extra)
    code, out, err = run(capsys, "adjust", meeting_id, "--date", adjusted.isoformat(),
                         "--posted", posted.isoformat(), "--down", down.isoformat())
    assert code == 0
    assert ("andra dagen efter justeringen" in err) == (posted > law_deadline(adjusted))
    stored = file_store.load(meeting_id)
    assert (stored.adjusted, stored.posting.from_, stored.posting.to) == (
        adjusted.isoformat(), posted.isoformat(), down.isoformat())


def test_unadjust_needs_why_and_records_when_and_why(file_store, protocol_id, capsys):
    run(capsys, "adjust", protocol_id, "--date", "2031-03-14")
    for argv in ([], ["--why", "   "]):
        code, _, err = run(capsys, "unadjust", protocol_id, *argv)
        assert code == 2 and "varför" in err
    assert file_store.load(protocol_id).adjusted == "2031-03-14"
    before = datetime.now().replace(microsecond=0)
    code, out, err = run(capsys, "unadjust", protocol_id, "--why", "Fel diarienummer i § 42")
    assert code == 0, err
    meeting = file_store.load(protocol_id)
    [lifted] = meeting.adjustment_lifts
    assert lifted.why == "Fel diarienummer i § 42" and lifted.adjusted == "2031-03-14"
    assert before <= datetime.fromisoformat(lifted.at) <= datetime.now()
    assert not meeting.locked and meeting.posting.from_ is None
    code, _, err = run(capsys, "unadjust", protocol_id, "--why", "igen")
    assert code == 2 and "inte justerat" in err


def test_list_and_actions_show_the_state(file_store, protocol_id, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "160")
    minutes_id = file_store.add(Meeting("Ledningsgrupp", "2031-03-10"))
    _, out, _ = run(capsys, "list")
    line = next(line for line in out.splitlines() if line.startswith(protocol_id))
    assert "utkast" in line and "Protokoll" in out
    minutes_line = next(line for line in out.splitlines() if line.startswith(minutes_id))
    assert not any(word in minutes_line for word in ("utkast", "justerat", "anslaget"))

    # Posted long ago (the dates are in the past whatever day the test runs).
    file_store.load(protocol_id)
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    with file_store.open(protocol_id) as session:
        session.meeting.date = "2020-01-01"
        session.save()
    run(capsys, "adjust", protocol_id, "--date", "2020-01-02", "--posted", yesterday)
    _, out, _ = run(capsys, "list")
    assert "anslaget" in next(line for line in out.splitlines() if line.startswith(protocol_id))
    _, out, _ = run(capsys, "actions")
    assert "anslaget" in next(line for line in out.splitlines() if "Utred belysningen" in line)


def test_a_minutes_only_list_is_as_before(file_store, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    file_store.add(Meeting("Ledningsgrupp", "2031-03-10"))
    _, out, _ = run(capsys, "list")
    assert "Protokoll" not in out
    heading = next(line for line in out.splitlines() if line.startswith("Id"))
    assert heading.split() == ["Id", "Datum", "Punkter", "åtgärder", "Titel"]


def test_ticking_an_action_of_an_adjusted_protocol_without_follow_up(
        file_store, protocol_id, capsys):
    run(capsys, "adjust", protocol_id, "--date", "2031-03-14")
    action_id = next(a.id for _, _, a in file_store.load(protocol_id).actions())
    before = file_store.backend.read_raw(protocol_id)
    code, out, err = run(capsys, "actions", "done", action_id)
    assert code == 2 and "justerat protokoll" in err and "nästa möte" in err
    assert file_store.backend.read_raw(protocol_id) == before


@pytest.mark.slow
def test_the_real_entry_point(file_store, protocol_id, data_dir):
    done = subprocess.run(
        [python_exe(), str(ROOT / "main.py"), "adjust",
         protocol_id, "--date", "2031-03-14", "--posted", "2031-03-18"],
        capture_output=True, text=True, env=child_env(data_dir), timeout=60)
    assert done.returncode == 0, done.stderr
    assert "Varning:" in done.stderr and "kommunallagen" in done.stderr
    assert file_store.load(protocol_id).adjusted == "2031-03-14"
