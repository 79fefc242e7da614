"""The command line's parser: global options, then each command group adds its own."""

from __future__ import annotations

import argparse

from cli import actions, adjust, meetings
from cli.usage import DATA_DIR_HELP, SwedishArgumentParser


def build_parser() -> argparse.ArgumentParser:
    # --data-dir is accepted before and after the command. The subcommands' copy must
    # not have a default: argparse would let it overwrite a value given before.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir", metavar="MAPP", default=argparse.SUPPRESS, help=DATA_DIR_HELP
    )
    parser = SwedishArgumentParser(
        prog="motesbok",
        description="Mötesbok – mötesanteckningar för sekreteraren.",
    )
    parser.add_argument("--data-dir", metavar="MAPP", default=None, help=DATA_DIR_HELP)
    sub = parser.add_subparsers(dest="command", parser_class=SwedishArgumentParser)
    meetings.add_parsers(sub, common)
    actions.add_parser(sub, common)
    adjust.add_parsers(sub, common)
    return parser
