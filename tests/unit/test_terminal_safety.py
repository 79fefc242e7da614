"""No stored text reaches the terminal raw (issue 9.2).

A hypothesis strategy builds text out of every C0 and C1 control, DEL and real ESC
sequences (OSC title, CSI clear screen, OSC 8 hyperlink); that text is put in every field
the command line prints (meeting title and date, item titles, action text and owner,
participant names), imported, and then every printing command is run: the import and
export lines, `list`, `actions` as table, long list, Markdown, CSV and JSON, and
`actions done`. No line of their output may hold a raw control character.
"""

from __future__ import annotations

import copy
import re
import tempfile
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import main
from cli import actions as action_cli
from cli.terminal import json_safe, terminal_safe
from tests.support.samples import EXAMPLE
from tests.support.examples import examples

CONTROLS = [chr(c) for c in range(0x20)] + ["\x7f"] + [chr(c) for c in range(0x80, 0xA0)] + [
    chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C)
]  # bidi: Trojan Source
BIDI_COUNT = 12
SEQUENCES = [
    "\x1b]0;pwned\x07",  # retitle the terminal
    "\x1b[2J\x1b[H",  # clear the screen
    "\x1b]8;;https://evil.example\x1b\\klicka\x1b]8;;\x1b\\",  # a hyperlink
    "\x9b31m",  # C1 CSI
    "\x1bP+q\x1b\\",  # DCS
]
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")  # all but \n

hostile = st.lists(
    st.one_of(
        st.sampled_from(CONTROLS), st.sampled_from(SEQUENCES),
        st.text(alphabet="abcåäö =", min_size=1, max_size=4),
    ),
    min_size=1, max_size=6,
).map("".join).map(lambda text: "x" + text)  # never blank: an import would refuse it


def hostile_meeting(texts: list[str]) -> dict:
    data = copy.deepcopy(EXAMPLE)
    title, item, action, owner, name = texts
    data["title"] = title
    data["series"] = title
    data["participants"][0]["name"] = name
    data["items"][0]["title"] = item
    data["items"][0]["actions"] = [{"text": action, "owner": owner, "due": None}]
    return data


def assert_clean(output: str, where: str) -> None:
    for line in output.splitlines():
        assert not RAW.search(line), f"{where}: {line!r}"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.slow  # a long property-based run: not in make test-fast
@settings(max_examples=examples(12), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(hostile, min_size=5, max_size=5))
def test_no_printed_line_carries_a_raw_control_character(texts, capsys, monkeypatch):
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        monkeypatch.setenv("MOTESBOK_DATA_DIR", str(tmp / "data"))
        source = tmp / "in.json"
        source.write_bytes(orjson.dumps(hostile_meeting(texts)))
        code, out, err = run(capsys, "import", str(source))
        assert code == 0, err
        meeting_id = out.splitlines()[-1]
        outputs = {"import": out + err}
        outputs["export"] = "".join(run(capsys, "export", meeting_id, "-o", str(tmp / "ut.json"))[1:])
        outputs["export -"] = "".join(run(capsys, "export", meeting_id, "-o", "-")[1:])
        outputs["list"] = "".join(run(capsys, "list")[1:])
        outputs["actions"] = "".join(run(capsys, "actions")[1:])
        outputs["by owner"] = "".join(run(capsys, "actions", "--by-owner")[1:])
        for fmt in ("md", "csv", "json"):
            outputs[fmt] = "".join(run(capsys, "actions", "--format", fmt)[1:])
            outputs[f"-o - {fmt}"] = "".join(run(capsys, "actions", "-o", "-", "--format", fmt)[1:])
        outputs["-o csv"] = "".join(run(capsys, "actions", "-o", str(tmp / "l.csv"))[1:])
        with monkeypatch.context() as m:
            m.setattr(action_cli, "RICH_TABLE_LIMIT", 0)  # the long-list path
            outputs["long list"] = "".join(run(capsys, "actions", "--by-owner")[1:])
        action_id = orjson.loads(run(capsys, "actions", "--format", "json")[1])["actions"][0]["id"]
        outputs["done"] = "".join(run(capsys, "actions", "done", action_id)[1:])
        outputs["done again"] = "".join(run(capsys, "actions", "done", action_id)[1:])
        for where, output in outputs.items():
            assert "Oväntat" not in output, (where, output)
            assert_clean(output, where)
        # JSON stays exact: the escapes decode to the stored text.
        exported = orjson.loads(run(capsys, "export", meeting_id, "-o", "-")[1])
        assert exported["title"] == texts[0]


def test_the_long_list_on_a_terminal_keeps_only_its_own_colours(capsys, monkeypatch, tmp_path):
    """The fast path colours overdue rows itself; those are the only escapes it writes."""
    data = hostile_meeting(["Möte\x1b]0;x\x07", "Punkt", "Gör\x1b[2J", "Ägare\x9b", "N"])
    data["items"][0]["actions"][0]["due"] = "2001-01-01"  # overdue: coloured
    source = tmp_path / "in.json"
    source.write_bytes(orjson.dumps(data))
    assert main.main(["import", str(source)]) == 0
    capsys.readouterr()

    class Tty:
        def __init__(self, real):
            self.real = real

        def isatty(self):
            return True

        def __getattr__(self, name):
            return getattr(self.real, name)

    monkeypatch.setattr(action_cli, "RICH_TABLE_LIMIT", 0)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setenv("COLUMNS", "300")
    import sys

    monkeypatch.setattr(sys, "stdout", Tty(sys.stdout))
    assert main.main(["actions"]) == 0
    out = capsys.readouterr().out
    assert "\x1b[1;31m" in out  # our colour for overdue
    without_ours = out.replace("\x1b[1;31m", "").replace("\x1b[0m", "").replace("\x1b[2m", "")
    assert_clean(without_ours, "long list on a terminal")
    assert "^[]0;x^G" in out and "^[[2J" in out and "M-^[" in out


@given(st.text())
def test_terminal_safe_leaves_no_control_and_keeps_the_rest(text):
    safe = terminal_safe(text)
    assert not re.search("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]", safe)
    assert not any("\ud800" <= ch <= "\udfff" for ch in safe)
    kept = terminal_safe(text, keep="\n")
    assert kept.count("\n") == text.count("\n")
    if not re.search("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]", text):
        assert safe == text


@given(st.text())
def test_json_safe_is_the_same_document_without_raw_controls(text):
    raw = orjson.dumps({"t": text})
    safe = json_safe(raw)
    assert orjson.loads(safe) == {"t": text}
    assert not re.search("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]", safe.decode())


_with_bidi = st.text(st.one_of(st.sampled_from(CONTROLS[-BIDI_COUNT:]),
                               st.characters(exclude_categories=("Cs",))), max_size=30)


@given(_with_bidi)
def test_bidi_controls_are_shown_not_obeyed(text):
    """A right-to-left override in a title would reverse the rest of the printed line."""
    safe = terminal_safe(text)
    assert not re.search("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]", safe)
    assert safe.count("<U+") >= sum(text.count(c) for c in CONTROLS[-BIDI_COUNT:])
    raw = orjson.dumps({"t": text})
    assert orjson.loads(json_safe(raw)) == {"t": text}
    assert not re.search("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]", json_safe(raw).decode())


def test_a_rich_markup_lookalike_in_an_owners_name_is_printed_as_typed(capsys, tmp_path):
    data = hostile_meeting(["Möte", "Punkt", "Gör", "[bold]Kim[/]", "N"])
    source = tmp_path / "in.json"
    source.write_bytes(orjson.dumps(data))
    assert main.main(["import", str(source)]) == 0
    capsys.readouterr()
    code, out, err = run(capsys, "actions", "--by-owner")
    assert code == 0, err
    assert "[bold]Kim[/]" in out


@pytest.mark.parametrize("name", ["\x1b", "\x1b[2J", "\x07\x9b", " \t\u200b\x00 "])
def test_errors_that_quote_input_are_terminal_safe(name, capsys):
    code, out, err = run(capsys, "export", name, "-o", "x.json")
    assert code == 2
    assert_clean(err, "error")


@given(st.text(st.one_of(st.characters(categories=("Cs",)), st.characters()), max_size=40))
def test_lone_surrogates_become_replacement_characters_and_nothing_else_changes(text):
    # Undecodable bytes in a file read with surrogateescape: printing must never fail.
    safe = terminal_safe(text)
    safe.encode("utf-8")  # would raise on a surrogate
    plain = "".join(ch for ch in text if not "\ud800" <= ch <= "\udfff")
    if plain == text:
        return
    expected = terminal_safe("".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch
                                     for ch in text))
    assert safe == expected
