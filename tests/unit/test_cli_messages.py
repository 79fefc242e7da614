"""Plain Swedish sentences and the right exit code for what used to crash (issue 9.14)."""

from __future__ import annotations

import copy
import os
import subprocess
import sys

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import main
from store.persistence.serialize import MeetingFormatError, meeting_from_dict
from tests.conftest import ROOT, child_env
from tests.support.samples import EXAMPLE
from tests.support.examples import examples


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_sentence(err: str) -> None:
    assert err.count("\n") == 1, err
    assert "Traceback" not in err and "Oväntat" not in err and "Errno" not in err


COMMANDS = [["list"], ["actions"], ["export", "x", "-o", "x.json"]]


@pytest.mark.parametrize("argv", COMMANDS)
def test_a_data_dir_that_is_a_file_is_refused(argv, capsys, tmp_path):
    afile = tmp_path / "fil"
    afile.write_text("inte en mapp")
    code, out, err = run(capsys, "--data-dir", str(afile), *argv)
    assert (code, out) == (2, "")
    one_sentence(err)
    assert "fil" in err and "mapp" in err
    assert afile.read_text() == "inte en mapp"


@pytest.mark.parametrize("argv", COMMANDS)
@pytest.mark.parametrize("empty", ["", " "])
def test_an_empty_data_dir_is_refused_and_nothing_is_written(argv, empty, capsys, tmp_path,
                                                              monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "--data-dir", empty, *argv)
    assert (code, out) == (2, "")
    one_sentence(err)
    assert list(tmp_path.iterdir()) == []


def test_the_environment_variable_naming_a_file_is_refused(capsys, tmp_path, monkeypatch):
    afile = tmp_path / "fil"
    afile.write_text("")
    monkeypatch.setenv("MOTESBOK_DATA_DIR", str(afile))
    code, _, err = run(capsys, "list")
    assert code == 2 and "MOTESBOK_DATA_DIR" in err
    one_sentence(err)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.parametrize("argv", [["list"], ["actions"]])
def test_an_unreadable_data_dir_is_said_so(argv, tmp_path):
    """A real process that may not read the data directory (run as a normal user)."""
    data = tmp_path / "data"
    (data / "meetings").mkdir(parents=True)
    data.chmod(0o000)
    if os.geteuid() == 0:
        pytest.skip("root reads every directory: see the in-process test below")
    try:
        result = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data), *argv],
            capture_output=True, text=True, env={**child_env(data), "HOME": str(tmp_path)},
            timeout=60,
        )
    finally:
        data.chmod(0o700)
    assert result.returncode == 1, result.stderr
    assert result.stdout == ""
    one_sentence(result.stderr)
    assert "behörighet" in result.stderr and str(data) in result.stderr


def test_an_unreadable_data_dir_in_process(capsys, tmp_path, monkeypatch):
    """The same without a second user: listing the directory fails as it would."""
    data = tmp_path / "data"
    (data / "meetings").mkdir(parents=True)
    real_scandir = os.scandir

    def refusing(path="."):
        if str(path).startswith(str(data)):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)
    for argv in (["list"], ["actions"]):
        code, out, err = run(capsys, "--data-dir", str(data), *argv)
        assert (code, out) == (1, "")
        one_sentence(err)
        assert "behörighet" in err


@pytest.mark.slow
@pytest.mark.parametrize("argv", [
    ["list"], ["actions"], ["actions", "--format", "csv"], ["actions", "--format", "json"],
    ["export", "{id}", "-o", "-"], ["import", "{file}"],
])
def test_a_full_standard_output_is_one_sentence(argv, capsys, tmp_path, data_dir):
    source = tmp_path / "in.json"
    source.write_bytes(orjson.dumps(EXAMPLE))
    env = {**child_env(data_dir), "HOME": str(tmp_path)}
    # Only the command that writes to the full stdout needs a process of its own.
    code, out, _ = run(capsys, "import", str(source))
    assert code == 0
    meeting_id = out.splitlines()[-1]
    argv = [a.format(id=meeting_id, file=source) for a in argv]
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, str(ROOT / "main.py"), *argv],
                                stdout=full, stderr=subprocess.PIPE, text=True, env=env,
                                timeout=60)
    assert result.returncode == 1
    one_sentence(result.stderr)
    assert "standard ut" in result.stderr


def _damaged(capsys, tmp_path, data_dir, *, backup: bytes | None) -> str:
    source = tmp_path / "in.json"
    source.write_bytes(orjson.dumps(EXAMPLE))
    code, out, _ = run(capsys, "import", str(source))
    meeting_id = out.splitlines()[-1]
    path = data_dir / "meetings" / f"{meeting_id}.json"
    path.write_bytes(b"{trasig")
    if backup is not None:
        path.with_name(path.name + ".bak").write_bytes(backup)
    return meeting_id


@pytest.mark.parametrize("backup", [None, b"{ocks\xc3\xa5 trasig"])
def test_a_meeting_that_cannot_be_read_gets_one_consistent_message(
    backup, capsys, tmp_path, data_dir
):
    meeting_id = _damaged(capsys, tmp_path, data_dir, backup=backup)
    out_file = tmp_path / "ut.json"
    first = run(capsys, "export", meeting_id, "-o", str(out_file))
    again = run(capsys, "export", meeting_id, "-o", str(out_file))
    for code, out, err in (first, again):
        assert code == 1 and out == ""
        one_sentence(err)
        assert "kunde inte läsas" in err and "skadad" in err
        assert "saknas" not in err and "Varning" not in err  # nothing contradicting
        if backup is None:
            assert "ingen säkerhetskopia" in err
        else:
            assert "säkerhetskopian gick inte heller att läsa" in err
            assert "ingen säkerhetskopia" not in err
    assert first[2] == again[2]
    assert not out_file.exists()


def test_a_missing_file_with_a_damaged_backup_is_not_called_damaged(capsys, tmp_path, data_dir):
    meeting_id = _damaged(capsys, tmp_path, data_dir, backup=b"{trasig")
    (data_dir / "meetings" / f"{meeting_id}.json").unlink()
    code, out, err = run(capsys, "export", meeting_id, "-o", str(tmp_path / "ut.json"))
    assert code == 1
    one_sentence(err)
    assert "mötesfilen saknas" in err and "säkerhetskopian gick inte heller att läsa" in err
    assert "skadad" not in err.split(",")[0]


# -- a title or name of only control characters is empty ------------------------------

INVISIBLE = st.text(
    alphabet=st.sampled_from(
        [chr(c) for c in range(0x20)] + ["\x7f"] + [chr(c) for c in range(0x80, 0xA0)]
        + [" ", "\u200b", "\u200e", "\u202e", "\ufeff", "\u2060"]
    ),
    min_size=1, max_size=8,
)

FIELDS = {
    "title": lambda d, v: d.__setitem__("title", v),
    "participants[0].name": lambda d, v: d["participants"][0].__setitem__("name", v),
    "items[0].title": lambda d, v: d["items"][0].__setitem__("title", v),
}


@settings(max_examples=examples(80), deadline=None)
@given(field=st.sampled_from(sorted(FIELDS)), value=INVISIBLE)
def test_only_control_characters_is_empty(field, value):
    data = copy.deepcopy(EXAMPLE)
    FIELDS[field](data, value)
    with pytest.raises(MeetingFormatError) as info:
        meeting_from_dict(data)
    assert info.value.field == field and "tomt" in info.value.problem


def test_an_empty_action_text_is_refused_too():
    data = copy.deepcopy(EXAMPLE)
    data["items"][0]["actions"] = [{"text": "\x1b\x07\u200b"}]
    with pytest.raises(MeetingFormatError, match="tomt"):
        meeting_from_dict(data)


def test_the_cli_refuses_a_control_character_title_with_exit_2(capsys, tmp_path, data_dir):
    source = tmp_path / "in.json"
    source.write_bytes(orjson.dumps({**EXAMPLE, "title": "\x1b\x07\x9b\u200b"}))
    code, out, err = run(capsys, "import", str(source))
    assert (code, out) == (2, "")
    one_sentence(err)
    assert "title" in err and "tomt" in err
    assert not (data_dir / "meetings").exists() or not list((data_dir / "meetings").glob("*.json"))
