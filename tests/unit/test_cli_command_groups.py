"""A command line that names its command builds only that command's group of the parser
(cli/parser.py): it must read every command line exactly as the whole parser does."""

from __future__ import annotations

import argparse

import pytest

from cli.parser import ALL_COMMANDS, GROUPS, build_parser, group_of, named_command


def subcommands(parser: argparse.ArgumentParser) -> list[str]:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return list(action.choices)


def test_the_groups_name_exactly_the_commands_their_modules_add():
    assert subcommands(build_parser()) == list(ALL_COMMANDS)
    for names in GROUPS.values():
        for name in names:
            assert subcommands(build_parser([name])) == list(names)


@pytest.mark.parametrize("argv, command", [
    (["export", "x", "-o", "a.docx"], "export"),
    (["--data-dir", "export", "list"], "list"),
    (["--data-dir=actions", "adjust", "x"], "adjust"),
    (["--data", "mapp", "actions"], "actions"),
    (["-h", "export"], None),
    (["--help"], None),
    (["--"], None),
    (["--data-dir"], None),
    (["--verbose", "list"], None),
    (["okänt", "export"], None),
    ([], None),
])
def test_the_named_command_is_the_one_argparse_reads(argv, command):
    assert named_command(argv) == command


#: Command lines, good and bad, read by the whole parser and by the part built for them.
LINES = [
    ["export", "m1", "-o", "a.docx", "--force"],
    ["--data-dir", "/tmp/x", "export", "m1", "-o", "-", "--format", "json"],
    ["export", "m1", "-o", "a.docx", "--data-dir", "d", "--extract", "41-43"],
    ["list"],
    ["actions", "done", "a1"],
    ["actions", "--overdue", "--owner", "Greta"],
    ["adjust", "m1", "--date", "2031-03-14"],
    ["unadjust", "m1", "--why", "fel datum"],
    ["live", "m1"],
    ["demo", "--protokoll"],
    ["import", "fil.docx"],
    # Errors: the same message and usage line from either parser.
    ["export"],
    ["export", "m1", "-o", "a.docx", "extra"],
    ["actions", "--format", "pdf"],
    ["--data-dir", "--x", "export"],
]


@pytest.mark.parametrize("argv", LINES, ids=" ".join)
def test_a_part_of_the_parser_reads_a_line_as_the_whole_one(argv, capsys):
    def read(parser):
        try:
            result = vars(parser.parse_args(argv))
        except SystemExit as exc:
            result = exc.code
        return result, capsys.readouterr().err

    assert read(build_parser(argv)) == read(build_parser())


def test_a_part_of_the_parser_shows_the_whole_usage_line():
    assert build_parser(["export"]).format_usage() == build_parser().format_usage()


def test_each_command_runs_from_its_group():
    assert group_of("export").COMMANDS["export"].__name__ == "cmd_export"
    assert group_of("actions").COMMANDS["actions"].__name__ == "run"
    assert set(group_of("adjust").COMMANDS) == {"adjust", "unadjust"}
    assert "live" not in group_of("live").COMMANDS  # the app's commands start the app
    assert group_of(None) is None and group_of("okänt") is None
