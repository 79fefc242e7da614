"""Where an export may write (issue 9.1) and with what mode (issue 10.13).

Every exporter (meeting JSON, DOCX minutes, the action list in four formats) is run
against every kind of target that is not a plain file; none may be replaced. The tests
run as root, so "write-protected" is a matter of mode bits, not of access(2).
"""

from __future__ import annotations

import os
import socket
import stat
from pathlib import Path

import orjson
import pytest

import main
from export.target import ExportTargetError, WriteProtectedError, write_export
from tests.support.samples import EXAMPLE

# (command line after the meeting id / before, file suffix) for every exporter.
EXPORTERS = {
    "meeting-json": (["export", "{id}", "--format", "json"], ".json"),
    "meeting-docx": (["export", "{id}", "--format", "docx"], ".docx"),
    "actions-csv": (["actions", "--all", "--format", "csv"], ".csv"),
    "actions-md": (["actions", "--all", "--format", "md"], ".md"),
    "actions-json": (["actions", "--all", "--format", "json"], ".json"),
    "actions-docx": (["actions", "--all"], ".docx"),
}


@pytest.fixture
def meeting_id(tmp_path, capsys) -> str:
    source = tmp_path / "in.json"
    source.write_bytes(orjson.dumps(EXAMPLE))
    assert main.main(["import", str(source)]) == 0
    return capsys.readouterr().out.splitlines()[-1]


def run(capsys, exporter: str, meeting_id: str, target, *extra: str):
    argv, _ = EXPORTERS[exporter]
    argv = [a.format(id=meeting_id) for a in argv] + ["-o", str(target), *extra]
    code = main.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def fingerprint(path: Path):
    st = os.lstat(path)
    return (st.st_ino, st.st_mode, st.st_rdev, st.st_size, st.st_mtime_ns)


_open_files: list = []


@pytest.fixture(autouse=True)
def _close_open_files():
    yield
    while _open_files:
        _open_files.pop().close()


def special_targets(tmp_path: Path, suffix: str) -> dict[str, Path]:
    """One of each kind of thing that is not a regular file, named like an export."""
    fifo = tmp_path / f"fifo{suffix}"
    os.mkfifo(fifo)
    folder = tmp_path / f"mapp{suffix}"
    folder.mkdir()
    sock_path = tmp_path / f"s{suffix}"
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(sock_path))
    sock.close()  # the socket file stays
    to_device = tmp_path / f"null{suffix}"
    to_device.symlink_to("/dev/null")
    dangling = tmp_path / f"borta{suffix}"
    dangling.symlink_to(tmp_path / "finns-inte")
    # A link into /proc that ends at a regular file: replacing it would swap out a file
    # someone else writes (the log of `2>>log`).
    log = open(tmp_path / "logg.txt", "ab")  # noqa: SIM115 - open for the test's life
    _open_files.append(log)
    to_open_file = tmp_path / f"öppen{suffix}"
    to_open_file.symlink_to(f"/proc/self/fd/{log.fileno()}")
    return {
        "/dev/stdout": Path("/dev/stdout"), "/dev/stderr": Path("/dev/stderr"),
        "link to an open file": to_open_file,
        "/dev/null": Path("/dev/null"), "/dev/full": Path("/dev/full"), "fifo": fifo,
        "folder": folder, "socket": sock_path, "symlink to /dev/null": to_device,
        "dangling symlink": dangling,
    }


@pytest.mark.slow
@pytest.mark.parametrize("exporter", EXPORTERS)
def test_no_exporter_replaces_anything_but_a_regular_file(exporter, meeting_id, tmp_path, capsys):
    suffix = EXPORTERS[exporter][1]
    targets = special_targets(tmp_path, suffix)
    log_before = fingerprint(tmp_path / "logg.txt")
    for name, target in targets.items():
        before = fingerprint(target)
        for extra in ([], ["--force"]):  # --force is for write-protected files only
            code, out, err = run(capsys, exporter, meeting_id, target, *extra)
            assert code == 2, (name, err)
            assert "Traceback" not in err and "Oväntat" not in err
            assert err.count("\n") == 1, err  # one sentence
            assert fingerprint(target) == before, f"{exporter} replaced the {name}"
    assert fingerprint(tmp_path / "logg.txt") == log_before
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


@pytest.mark.parametrize("exporter", EXPORTERS)
def test_a_write_protected_file_needs_force(exporter, meeting_id, tmp_path, capsys):
    target = tmp_path / f"skyddad{EXPORTERS[exporter][1]}"
    target.write_bytes(b"det gamla")
    target.chmod(0o444)
    code, _, err = run(capsys, exporter, meeting_id, target)
    assert code == 2
    assert "skrivskyddad" in err and "--force" in err
    assert target.read_bytes() == b"det gamla"

    code, out, err = run(capsys, exporter, meeting_id, target, "--force")
    assert code == 0, err
    assert target.read_bytes() != b"det gamla"
    assert stat.S_IMODE(target.stat().st_mode) == 0o444  # still protected, as it was


@pytest.mark.parametrize("exporter", EXPORTERS)
def test_a_writable_file_is_replaced_and_keeps_its_mode(exporter, meeting_id, tmp_path, capsys):
    target = tmp_path / f"gammal{EXPORTERS[exporter][1]}"
    target.write_bytes(b"det gamla")
    target.chmod(0o640)
    code, _, err = run(capsys, exporter, meeting_id, target)
    assert code == 0, err
    assert target.read_bytes() != b"det gamla"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_symlink_to_a_file_writes_the_file(meeting_id, tmp_path, capsys):
    real = tmp_path / "riktig.json"
    real.write_bytes(b"{}")
    link = tmp_path / "länk.json"
    link.symlink_to(real)
    code, _, err = run(capsys, "meeting-json", meeting_id, link)
    assert code == 0, err
    assert link.is_symlink()
    assert orjson.loads(real.read_bytes())["title"] == EXAMPLE["title"]


@pytest.mark.parametrize("umask", [0o022, 0o002, 0o077])
@pytest.mark.parametrize("exporter", EXPORTERS)
def test_new_documents_follow_the_umask_while_the_store_stays_private(
    exporter, umask, meeting_id, tmp_path, capsys, data_dir
):
    target = tmp_path / f"ny{EXPORTERS[exporter][1]}"
    old = os.umask(umask)
    try:
        code, _, err = run(capsys, exporter, meeting_id, target)
        # The store writes too (a new meeting) under the same umask.
        source = tmp_path / "igen.json"
        source.write_bytes(orjson.dumps(EXAMPLE))
        assert main.main(["import", str(source)]) == 0
    finally:
        os.umask(old)
    assert code == 0, err
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    stored = list((data_dir / "meetings").glob("*.json"))
    assert len(stored) == 2
    assert {stat.S_IMODE(p.stat().st_mode) for p in stored} == {0o600}


@pytest.mark.parametrize("exporter", ["meeting-json", "actions-csv", "actions-md", "actions-json"])
def test_dash_writes_to_standard_output(exporter, meeting_id, tmp_path, capsys):
    code, out, err = run(capsys, exporter, meeting_id, "-")
    assert code == 0, err
    assert not (Path.cwd() / "-").exists()
    if exporter.endswith("json"):
        assert orjson.loads(out)
    elif exporter.endswith("csv"):
        assert out.startswith("Id,")
    else:
        assert out.startswith("# Åtgärdslista")


def test_dash_refuses_word_and_needs_a_format_for_the_action_list(meeting_id, capsys):
    code, out, err = run(capsys, "meeting-docx", meeting_id, "-")
    assert (code, out) == (2, "") and "standard ut" in err
    code = main.main(["actions", "-o", "-"])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "") and "--format" in err


def test_write_export_directly(tmp_path):
    """The shared writer itself: refusals, force, nothing left behind."""
    with pytest.raises(ExportTargetError):
        write_export("/dev/null", b"x")
    ro = tmp_path / "ro.txt"
    ro.write_bytes(b"a")
    ro.chmod(0o400)
    with pytest.raises(WriteProtectedError):
        write_export(ro, b"b")
    assert write_export(ro, b"b", force=True) == ro and ro.read_bytes() == b"b"
    with pytest.raises(ExportTargetError, match="finns inte"):
        write_export(tmp_path / "saknas" / "x.txt", b"x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ro.txt"]
