"""`motesbok actions`: listing, formats, done/reopen, bad input."""

from __future__ import annotations

import csv
import io
import subprocess
from datetime import date as Date
from datetime import timedelta

import orjson
import pytest

import main
from store import Action, AgendaItem, Meeting, MeetingStore
from tests.conftest import ROOT, child_env, python_exe

TODAY = Date.today()
PAST = (TODAY - timedelta(days=10)).isoformat()
SOON = (TODAY + timedelta(days=10)).isoformat()
LATER = (TODAY + timedelta(days=40)).isoformat()


@pytest.fixture
def data(file_store: MeetingStore):
    first = file_store.add(Meeting("Arbetsutskott", "2031-01-10", items=[
        AgendaItem("Mötet öppnas"),
        AgendaItem("Väghållning", actions=[
            Action("Beställ saltning", due=PAST, owner="Maja Lindström"),
            Action("Inventera skyltar", owner="Rune Alm"),
        ]),
    ]))
    second = file_store.add(Meeting("Arbetsutskott", "2031-02-10", items=[
        AgendaItem("Ekonomi", actions=[
            Action("Skicka delårsrapport", due=LATER, owner="Maja Lindström"),
            Action("Betala fakturor", due=SOON, owner="Rune Alm", done=True,
                   done_date="2031-02-11"),
        ]),
    ]))
    return file_store, first, second


def run(capsys, *argv):
    code = main.main(["actions", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def json_actions(capsys, *argv):
    code, out, err = run(capsys, *argv, "--format", "json")
    assert code == 0, err
    return orjson.loads(out)["actions"]


def test_table_lists_open_actions_by_due_date(data, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")  # one line per action, so the order can be read
    code, out, _ = run(capsys)
    assert code == 0
    lines = out.splitlines()
    order = [next(i for i, line in enumerate(lines) if text in line)
             for text in ("Beställ saltning", "Skicka delårsrapport", "Inventera skyltar")]
    assert order == sorted(order)
    assert "Betala fakturor" not in out
    assert "Ej angivet" in out and "Försenad" in out and "punkt 2" in out
    store, first, _ = data
    assert store.load(first).items[1].actions[0].id in out  # ids are shown


def test_long_lists_use_the_fast_table(data, capsys, monkeypatch):
    from cli import actions as action_cli

    monkeypatch.setattr(action_cli, "RICH_TABLE_LIMIT", 1)
    code, out, _ = run(capsys, "--all")
    assert code == 0
    assert "Betala fakturor" in out and "Klar 2031-02-11" in out
    assert out.index("Beställ saltning") < out.index("Betala fakturor") < out.index(
        "Skicka delårsrapport")


def test_filters_and_by_owner(data, capsys):
    assert [a["text"] for a in json_actions(capsys, "--all")] == [
        "Beställ saltning", "Betala fakturor", "Skicka delårsrapport", "Inventera skyltar"]
    assert [a["text"] for a in json_actions(capsys, "--overdue")] == ["Beställ saltning"]
    assert [a["text"] for a in json_actions(capsys, "--owner", "RUNE")] == ["Inventera skyltar"]
    _, _, second = data
    assert [a["text"] for a in json_actions(capsys, "--meeting", second)] == [
        "Skicka delårsrapport"]
    assert [a["text"] for a in json_actions(capsys, "--since", "2031-02-01")] == [
        "Skicka delårsrapport"]
    assert json_actions(capsys, "--series", "styrelse") == []
    code, out, _ = run(capsys, "--by-owner")
    assert code == 0 and out.index("Maja Lindström") < out.index("Rune Alm")


def test_csv_and_md_to_stdout(data, capsys):
    code, out, _ = run(capsys, "--format", "csv")
    records = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(records) == 3 and records[0]["Åtgärd"] == "Beställ saltning"
    code, out, _ = run(capsys, "--format", "md")
    assert code == 0 and out.startswith("# Åtgärdslista") and "| Beställ saltning |" in out


def test_output_files(data, capsys, tmp_path):
    import docx

    code, out, _ = run(capsys, "--by-owner", "-o", str(tmp_path / "lista.docx"))
    assert code == 0 and "3 åtgärder" in out
    document = docx.Document(str(tmp_path / "lista.docx"))
    assert len(document.tables) == 2
    code, _, _ = run(capsys, "-o", str(tmp_path / "lista.csv"))
    assert code == 0 and "Inventera skyltar" in (tmp_path / "lista.csv").read_text("utf-8-sig")


@pytest.mark.slow
def test_the_printout_has_an_empty_comment_column_unless_refused(data, capsys, tmp_path):
    import docx

    from export.action_list import COLUMNS, COMMENT_COLUMN

    with_comment, without = tmp_path / "lista.docx", tmp_path / "utan.docx"
    assert run(capsys, "--all", "-o", str(with_comment))[0] == 0
    assert run(capsys, "--all", "-o", str(without), "--no-comment-column")[0] == 0
    table = docx.Document(str(with_comment)).tables[0]
    assert [c.text for c in table.rows[0].cells] == [*COLUMNS, COMMENT_COLUMN]
    assert len(table.rows) == 5 and all(r.cells[-1].text == "" for r in table.rows[1:])
    table = docx.Document(str(without)).tables[0]
    assert [c.text for c in table.rows[0].cells] == list(COLUMNS)
    assert len(table.rows) == 5 and COMMENT_COLUMN not in [c.text for r in table.rows
                                                          for c in r.cells]


@pytest.mark.parametrize("argv, message", [
    (["--since", "igår"], "Ogiltigt datum"),
    (["--since", "2031-02-30"], "Ogiltigt datum"),
    (["--meeting", "finns-inte"], "inget möte"),
    (["-o", "lista.odt"], "Okänd filtyp"),
    (["--format", "csv", "-o", "lista.json"], "passar inte"),
    (["--template", "mall.docx"], "bara"),
    (["-o", "x.docx", "--template", "saknas.docx"], "finns inte"),
    (["--no-comment-column"], "bara utskrift"),
    (["--format", "csv", "--no-comment-column"], "bara utskrift"),
    (["-o", "lista.md", "--no-comment-column"], "bara utskrift"),
    (["done"], "Ange åtgärdens id"),
    (["done", "okant-id"], "ingen åtgärd"),
    (["reopen", "okant-id"], "ingen åtgärd"),
])
def test_bad_input_exits_2_with_a_swedish_message(data, capsys, argv, message):
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert message in err
    assert "Traceback" not in err


def test_an_unknown_id_names_where_ids_are_found_on_the_command_line_only(data, capsys):
    from store.persistence.actions import ActionNotFoundError

    code, _, err = run(capsys, "done", "okant-id")
    assert code == 2 and "motesbok actions --all" in err
    # The store speaks for no interface: the app shows its own words.
    assert "motesbok" not in str(ActionNotFoundError("okant-id"))


def test_done_and_reopen_in_process(data, capsys):
    store, first, _ = data
    action_id = store.load(first).items[1].actions[1].id
    code, out, _ = run(capsys, "done", action_id)
    assert code == 0 and "Inventera skyltar" in out
    _, action = store.load(first).find_action(action_id)
    assert action.done and action.done_date == TODAY.isoformat()
    assert "Inventera skyltar" not in [a["text"] for a in json_actions(capsys)]

    code, out, _ = run(capsys, "reopen", action_id)
    assert code == 0 and "Öppnad igen" in out
    _, action = store.load(first).find_action(action_id)
    assert not action.done and action.done_date is None


def test_done_refused_while_another_program_has_the_meeting(data, capsys):
    store, first, _ = data
    action_id = store.load(first).items[1].actions[0].id
    session = store.open(first)
    try:
        code = main.main(["actions", "done", action_id])
        err = capsys.readouterr().err
    finally:
        session.close()
    assert code == 1 and "redan öppet" in err
    assert not store.load(first).find_action(action_id)[1].done


@pytest.mark.slow
def test_done_as_a_real_process(data, data_dir):
    store, first, _ = data
    action_id = store.load(first).items[1].actions[0].id
    done = subprocess.run(
        [python_exe(), str(ROOT / "main.py"), "actions", "done", action_id],
        env=child_env(data_dir), capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert store.load(first).find_action(action_id)[1].done
    listed = subprocess.run(
        [python_exe(), str(ROOT / "main.py"), "actions", "--all", "--format", "json"],
        env=child_env(data_dir), capture_output=True, text=True, timeout=60,
    )
    assert listed.returncode == 0, listed.stderr
    done_ids = [a["id"] for a in orjson.loads(listed.stdout)["actions"] if a["done"]]
    assert action_id in done_ids


def test_a_template_that_is_no_word_file_is_bad_input(data, capsys, tmp_path):
    bad = tmp_path / "mall.docx"
    bad.write_text("inte en zip")
    code, _, err = run(capsys, "-o", str(tmp_path / "lista.docx"), "--template", str(bad))
    assert code == 2 and "Mallen" in err
    assert not (tmp_path / "lista.docx").exists()


def test_done_twice_keeps_the_first_date(data, capsys):
    store, _, second = data
    action_id = store.load(second).items[0].actions[1].id  # done on 2031-02-11
    code, out, _ = run(capsys, "done", action_id)
    assert code == 0 and "redan klar (2031-02-11)" in out
    assert store.load(second).find_action(action_id)[1].done_date == "2031-02-11"
