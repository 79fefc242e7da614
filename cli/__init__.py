"""The command line: `motesbok COMMAND` (and `python main.py COMMAND`).

    usage.py     exit codes, the user's-input error, argparse speaking Swedish
    parser.py    the whole parser, built from each command group's own part
    meetings.py  import, export, list, live, demo
    actions.py   the action list across meetings, ticking actions done
    terminal.py  stored text made safe for a terminal
    output.py    stdout guarded, errors to stderr
    entry.py     main(): parse, open the store, run, turn every failure into one sentence

Imports store/, export/ and importers/; tui/ only when the app starts (live, demo).
Nothing below imports this package. Each command imports its heavy libraries
(importers, python-docx, rich, Textual) itself, so the others start without them.
"""

from cli.entry import console_main, main

__all__ = ["console_main", "main"]
