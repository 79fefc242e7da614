"""The command line: import, export json, list, exit codes and messages."""

from __future__ import annotations

import copy
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

import main
from tests.conftest import ROOT, child_env
from tests.support.samples import EXAMPLE, contains


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def write_json(path: Path, data) -> Path:
    path.write_bytes(orjson.dumps(data))
    return path


def meeting_files(data_dir: Path) -> list[Path]:
    meetings = data_dir / "meetings"
    return sorted(meetings.glob("*.json")) if meetings.exists() else []


def test_import_prints_the_id_last_and_stores_the_meeting(capsys, tmp_path, data_dir):
    source = write_json(tmp_path / "möte.json", EXAMPLE)
    code, out, err = run(capsys, "import", str(source))
    assert code == 0, err
    meeting_id = out.strip().splitlines()[-1]
    assert meeting_files(data_dir) == [data_dir / "meetings" / f"{meeting_id}.json"]


def test_export_then_import_gives_back_an_equal_meeting(capsys, tmp_path):
    source = write_json(tmp_path / "in.json", EXAMPLE)
    _, out, _ = run(capsys, "import", str(source))
    meeting_id = out.splitlines()[-1]
    exported = tmp_path / "ut.json"
    code, _, err = run(capsys, "export", meeting_id, "--format", "json", "-o", str(exported))
    assert code == 0, err
    first = orjson.loads(exported.read_bytes())
    contains(first, EXAMPLE)  # every key the input had, with the same value

    # Into another data directory: the same meeting, ids and all.
    other = tmp_path / "annan"
    code, out, err = run(capsys, "--data-dir", str(other), "import", str(exported))
    assert code == 0, err
    again = tmp_path / "igen.json"
    run(capsys, "--data-dir", str(other), "export", out.splitlines()[-1], "-o", str(again))
    assert orjson.loads(again.read_bytes()) == first


BAD_INPUTS = [
    ("unknown key", lambda d: d["items"][0].update(farg="röd"), "items[0].farg"),
    ("wrong format", lambda d: d.update(format="motesbok-meeting/9"), "format"),
    ("unreal date", lambda d: d.update(date="2031-02-30"), "date"),
    ("hour 25", lambda d: d.update(start="25:00"), "start"),
    ("short time", lambda d: d.update(end="9:5"), "end"),
    ("due date", lambda d: d["items"][0]["actions"][0].update(due="2031-02-29"),
     "items[0].actions[0].due"),
    ("no title", lambda d: d.pop("title"), "title"),
]


@pytest.mark.parametrize("label, mutate, field", BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_names_the_field_imports_nothing_exits_2(
    capsys, tmp_path, data_dir, label, mutate, field
):
    data = copy.deepcopy(EXAMPLE)
    mutate(data)
    code, out, err = run(capsys, "import", str(write_json(tmp_path / "bad.json", data)))
    assert code == 2
    assert f"fältet {field}:" in err
    assert "Inget har importerats" in err
    assert out == ""
    assert meeting_files(data_dir) == []


def test_broken_json_exits_2_with_the_line(capsys, tmp_path, data_dir):
    path = tmp_path / "trasig.json"
    path.write_text('{"format": "motesbok-meeting/1",\n "title": "M",,\n}', encoding="utf-8")
    code, _, err = run(capsys, "import", str(path))
    assert code == 2 and "rad 2" in err
    assert meeting_files(data_dir) == []


@pytest.mark.parametrize(
    "argv, words",
    [
        (["import"], "Fel i kommandot"),
        (["import", "finns-inte.json"], "finns inte"),
        (["flyga"], "Fel i kommandot"),
        (["export", "inget-sadant-mote", "-o", "x.json"], "inget möte"),
        (["export", "../../etc/passwd", "-o", "x.json"], "inget möte"),
    ],
)
def test_usage_and_unknown_things_exit_2(capsys, tmp_path, monkeypatch, argv, words):
    monkeypatch.chdir(tmp_path)
    try:
        code, _, err = run(capsys, *argv)
    except SystemExit as exc:  # argparse exits by itself
        code, err = exc.code, capsys.readouterr().err
    assert code == 2
    assert words in err


def test_unknown_export_format_exits_2(capsys, tmp_path):
    _, out, _ = run(capsys, "import", str(write_json(tmp_path / "in.json", EXAMPLE)))
    code, _, err = run(capsys, "export", out.splitlines()[-1], "-o", str(tmp_path / "x.odt"))
    assert code == 2 and "exportformat" in err


def test_export_into_a_missing_folder_is_a_clear_error(capsys, tmp_path):
    _, out, _ = run(capsys, "import", str(write_json(tmp_path / "in.json", EXAMPLE)))
    target = tmp_path / "saknas" / "ut.json"
    code, _, err = run(capsys, "export", out.splitlines()[-1], "-o", str(target))
    assert code == 2  # the user's -o names a folder that is not there: their input
    assert "Mappen" in err and "finns inte" in err and "Traceback" not in err


@pytest.mark.parametrize("where", ["before", "after", "env"])
def test_data_dir_before_or_after_the_command_or_from_the_environment(
    capsys, tmp_path, monkeypatch, where
):
    target = tmp_path / "egen"
    source = str(write_json(tmp_path / "in.json", EXAMPLE))
    if where == "before":
        argv = ["--data-dir", str(target), "import", source]
    elif where == "after":
        argv = ["import", "--data-dir", str(target), source]
    else:
        monkeypatch.setenv("MOTESBOK_DATA_DIR", str(target))
        argv = ["import", source]
    code, out, _ = run(capsys, *argv)
    assert code == 0
    assert meeting_files(target) == [target / "meetings" / f"{out.splitlines()[-1]}.json"]


def _import(capsys, tmp_path, name, **changes) -> str:
    data = copy.deepcopy(EXAMPLE)
    data.update(changes)
    _, out, _ = run(capsys, "import", str(write_json(tmp_path / f"{name}.json", data)))
    return out.splitlines()[-1]


def test_list_newest_first_fits_80_columns(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    older = _import(capsys, tmp_path, "a", date="2031-01-15", title="Styrelsemöte")
    newer = _import(
        capsys, tmp_path, "b", date="2031-03-20",
        title="Kommunchefsmöte, Umeåregionens gemensamma ledningsgrupp för samverkan",
    )
    code, out, _ = run(capsys, "list")
    assert code == 0
    lines = out.splitlines()
    assert all(len(line) <= 80 for line in lines), out
    body = "\n".join(lines)
    assert body.index(newer) < body.index(older)
    row = next(line for line in lines if line.startswith(older))
    # id, date, item count (1) and open actions (2) on the meeting's own line
    assert row.split()[:4] == [older, "2031-01-15", "1", "2"]
    assert "Styrelsemöte" in row
    assert "ledningsgrupp" in out  # the long title wraps, it is not cut


def test_list_with_no_meetings(capsys):
    code, out, _ = run(capsys, "list")
    assert code == 0 and "Inga möten" in out


def test_a_damaged_meeting_file_is_reported_in_swedish(capsys, tmp_path, data_dir):
    meeting_id = _import(capsys, tmp_path, "a")
    path = data_dir / "meetings" / f"{meeting_id}.json"
    # A second generation, so that there is a backup to fall back on.
    from store import MeetingStore

    with MeetingStore.at(data_dir).open(meeting_id) as session:
        session.meeting.place = "Ny plats"
        session.save()
    path.write_bytes(path.read_bytes()[:30])
    out_file = tmp_path / "ut.json"
    code, _, err = run(capsys, "export", meeting_id, "-o", str(out_file))
    assert code == 0
    assert "Varning: Mötesfilen var skadad" in err
    assert ".corrupt-" in err and "säkerhetskopian" in err
    assert orjson.loads(out_file.read_bytes())["place"] == "Stadshuset, sal 2"


@pytest.mark.slow
def test_real_process_errors_have_no_traceback(tmp_path):
    bad = write_json(tmp_path / "bad.json", {**EXAMPLE, "date": "2031-02-30"})
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "import", str(bad)],
        capture_output=True, text=True, env=child_env(tmp_path / "data"), timeout=60,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "fältet date" in result.stderr
