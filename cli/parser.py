"""The command line's parser: global options, then each command group adds its own.

A command line that names its command builds (and imports) only that command's group:
the other groups' modules and parsers cost start-up time and are never used then.
"""

from __future__ import annotations

import argparse
from importlib import import_module
from types import ModuleType

from cli.usage import DATA_DIR_HELP, SwedishArgumentParser

#: Each command group's module (with `add_parsers(sub, common)`, and `COMMANDS` for the
#: commands that run and end) and the commands it adds, in the order of the help.
GROUPS = {
    "cli.meetings": ("import", "export", "list", "live", "demo"),
    "cli.actions": ("actions",),
    "cli.adjust": ("adjust", "unadjust"),
}
ALL_COMMANDS = tuple(name for names in GROUPS.values() for name in names)
_DATA_DIR = "--data-dir"


def group_of(command: str | None) -> ModuleType | None:
    """The module of `command`'s group (imported now); None for no or an unknown command."""
    for module, names in GROUPS.items():
        if command in names:
            return import_module(module)
    return None


def named_command(argv: list[str]) -> str | None:
    """The command `argv` names, as argparse will read it, or None when that is not
    plain (help asked for, an unknown option or command before it): then the whole
    parser is built and argparse says what is wrong."""
    args = iter(argv)
    for arg in args:
        if not arg.startswith("-"):
            return arg if arg in ALL_COMMANDS else None
        option, has_value, _ = arg.partition("=")
        # argparse takes any unique prefix of a long option (--data for --data-dir).
        if len(option) < 3 or not _DATA_DIR.startswith(option):
            return None
        if not has_value and next(args, None) is None:
            return None
    return None


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser for `argv` (None: the whole parser, every command's)."""
    command = named_command(argv) if argv is not None else None
    groups = [module for module, names in GROUPS.items() if command is None or command in names]
    # --data-dir is accepted before and after the command. The subcommands' copy must
    # not have a default: argparse would let it overwrite a value given before.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        _DATA_DIR, metavar="MAPP", default=argparse.SUPPRESS, help=DATA_DIR_HELP
    )
    parser = SwedishArgumentParser(
        prog="motesbok",
        description="Mötesbok – mötesanteckningar för sekreteraren.",
    )
    parser.add_argument(_DATA_DIR, metavar="MAPP", default=None, help=DATA_DIR_HELP)
    # A part of the parser names every command in its usage line, as the whole one does.
    names = {} if command is None else {"metavar": "{" + ",".join(ALL_COMMANDS) + "}"}
    sub = parser.add_subparsers(dest="command", parser_class=SwedishArgumentParser, **names)
    for module in groups:
        import_module(module).add_parsers(sub, common)
    return parser
