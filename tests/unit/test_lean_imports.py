"""Every command loads only what it needs (issue 11.10): a regression that makes `list`
load python-docx, or `export` the importers, fails here before a benchmark notices.

Each command runs as the user runs it (`python main.py …`, a fresh process); the
packages it loaded are read from sys.modules when it has finished.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from store import Action, AgendaItem, Meeting, MeetingStore
from tests.conftest import ROOT, child_env

#: Runs main.py as __main__ with the given arguments, then writes the top-level names of
#: every module it loaded to the file named first.
RUN_AND_LIST = """
import json, runpy, sys
report, argv = sys.argv[1], sys.argv[2:]
sys.argv = [{main!r}, *argv]
try:
    runpy.run_path({main!r}, run_name="__main__")
except SystemExit as exc:
    code = exc.code
else:
    code = 0
with open(report, "w") as out:
    json.dump({{"code": code, "modules": sorted(sys.modules)}}, out)
"""

NO_APP = {"textual", "tui"}
NO_DOCX = {"docx", "lxml"}
NO_IMPORTERS = {"importers"}
NO_TESTS = {"hypothesis", "pytest"}
#: The other commands' modules, and LibreOffice's machinery with the stdlib modules only
#: it needs (a PDF only): full dotted names.
NOT_FOR_EXPORT = {"cli.actions", "cli.adjust", "export.pdf", "subprocess", "tempfile"}

#: (arguments after main.py, top-level packages the command must not load)
COMMANDS = {
    "export-json-stdout": (["export", "{id}", "--format", "json", "-o", "-"],
                           NO_APP | NO_DOCX | NO_IMPORTERS | NO_TESTS | {"rich"}),
    "export-json-file": (["export", "{id}", "-o", "{tmp}/ut.json"],
                         NO_APP | NO_DOCX | NO_IMPORTERS | NO_TESTS | {"rich"}),
    # Without a template the house package is filled in: no python-docx, no lxml.
    "export-docx": (["export", "{id}", "-o", "{tmp}/ut.docx"],
                    NO_APP | NO_DOCX | NO_IMPORTERS | NO_TESTS | NOT_FOR_EXPORT | {"rich"}),
    "export-protocol": (["export", "{protocol_id}", "-o", "{tmp}/protokoll.docx", "--force"],
                        NO_APP | NO_DOCX | NO_IMPORTERS | NO_TESTS | NOT_FOR_EXPORT | {"rich"}),
    "export-extract": (["export", "{protocol_id}", "--extract", "41", "-o", "{tmp}/utdrag.docx"],
                       NO_APP | NO_DOCX | NO_IMPORTERS | NO_TESTS | NOT_FOR_EXPORT | {"rich"}),
    "list": (["list"], NO_APP | NO_DOCX | NO_IMPORTERS | NO_TESTS | {"rich", "cli.actions"}),
    "actions": (["actions", "--all"],
                NO_APP | NO_DOCX | NO_IMPORTERS | NO_TESTS | {"cli.meetings", "cli.adjust"}),
    "actions-csv": (["actions", "--format", "csv"],
                    NO_APP | NO_DOCX | NO_IMPORTERS | NO_TESTS | {"rich"}),
    "help": (["--help"], NO_APP | NO_DOCX | NO_IMPORTERS | NO_TESTS | {"rich"}),
}


def loaded_by(tmp_path, data_dir, argv: list[str]) -> tuple[int, set[str]]:
    report = tmp_path / "moduler.json"
    code = RUN_AND_LIST.format(main=str(ROOT / "main.py"))
    subprocess.run([sys.executable, "-c", code, str(report), *argv], cwd=ROOT,
                   env=child_env(data_dir), stdout=subprocess.DEVNULL, timeout=120, check=True)
    result = json.loads(report.read_text())
    modules = set(result["modules"])
    # Each top-level package by itself too: {"docx"} forbids docx.oxml as well.
    return result["code"], modules | {name.split(".")[0] for name in modules}


@pytest.fixture
def meeting_id(data_dir) -> str:
    item = AgendaItem("Budget", notes="Anteckningar.", actions=[Action("Skicka", owner="Greta")])
    return MeetingStore.at(data_dir).add(Meeting(title="Styrelsemöte", date="2031-03-04",
                                                 items=[item]))


@pytest.fixture
def protocol_id(data_dir) -> str:
    from tests.support.protocol_sample import protocol_meeting

    return MeetingStore.at(data_dir).add(protocol_meeting(3))


# A fresh interpreter per command: real processes, so `make test` runs them and
# `make test-fast` keeps the three import checks below.
@pytest.mark.slow
@pytest.mark.parametrize("name", COMMANDS)
def test_a_command_loads_only_what_it_needs(name, tmp_path, data_dir, meeting_id, protocol_id):
    template, forbidden = COMMANDS[name]
    argv = [arg.format(id=meeting_id, protocol_id=protocol_id, tmp=tmp_path)
            for arg in template]
    code, modules = loaded_by(tmp_path, data_dir, argv)
    assert code in (0, None), (name, code)
    assert not modules & forbidden, f"main.py {' '.join(argv)} loads {modules & forbidden}"


@pytest.mark.slow
def test_the_check_sees_what_a_command_loads(tmp_path, data_dir, meeting_id):
    # The check itself works: a DOCX export on a template does load python-docx.
    import docx

    docx.Document().save(tmp_path / "mall.docx")
    _, modules = loaded_by(tmp_path, data_dir, ["export", meeting_id, "-o", str(tmp_path / "a.docx"),
                                                "--template", str(tmp_path / "mall.docx")])
    assert {"docx", "lxml", "store", "export", "cli", "cli.meetings"} <= modules


#: Imports the public entry modules one after another in a fresh interpreter and prints,
#: after each, every module loaded so far (full dotted names).
IMPORT_IN_TURN = """
import importlib, json, sys
seen = {}
for name in sys.argv[1:]:
    importlib.import_module(name)
    seen[name] = sorted(sys.modules)
print(json.dumps(seen))
"""


def modules_after_importing(*names: str) -> dict[str, set[str]]:
    result = subprocess.run([sys.executable, "-c", IMPORT_IN_TURN, *names], cwd=ROOT,
                            capture_output=True, text=True, timeout=120, check=True)
    return {name: set(mods) for name, mods in json.loads(result.stdout).items()}


def under(modules: set[str], *packages: str) -> set[str]:
    return {m for m in modules if m.split(".")[0] in packages}


@pytest.mark.slow
def test_store_cli_and_the_app_load_no_export_no_reader_and_no_word():
    # Start-up speed (bench/startup.py): these are imported before the first frame.
    seen = modules_after_importing("store", "cli", "tui.app")
    for name, modules in seen.items():
        loaded = under(modules, "docx", "lxml", "export", "importers", "hypothesis", "pytest")
        assert not loaded, f"import {name} loads {sorted(loaded)}"
    assert "textual" in under(seen["tui.app"], "textual")  # the check sees what loads


@pytest.mark.slow
def test_the_store_loads_a_part_only_when_it_is_used():
    seen = modules_after_importing("store")
    assert under(seen["store"], "store", "tinydb") == {"store"}
    code = ("import sys, store; from store import MeetingStore, meeting_from_dict, "
            "meeting_to_dict; assert 'tinydb' in sys.modules; print(sorted(store.__all__))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=120, check=True)
    assert "MeetingStore" in result.stdout and "meeting_to_dict" in result.stdout


@pytest.mark.slow
def test_the_command_line_loads_no_writer_and_no_reader_before_a_command():
    # The parser and the error handling (cli.entry) share only the light export parts:
    # where a file may be written (export.target) and the action labels (export.labels).
    seen = modules_after_importing("cli.entry")
    modules = seen["cli.entry"]
    assert not under(modules, "docx", "lxml", "importers", "tui", "textual")
    assert under(modules, "export") <= {"export", "export.target", "export.labels"}
