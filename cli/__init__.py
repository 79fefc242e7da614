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

from __future__ import annotations

import sys

__all__ = ["console_main", "main"]


def console_main() -> None:
    """The `motesbok` command (and `python main.py`): one process, one command."""
    import gc

    # Start-up builds tens of thousands of objects that live as long as the process
    # (modules, classes, styles, widgets); the collector would walk them again and
    # again, about a tenth of the time to the first frame. It is off until the app has
    # drawn its first frame (MotesbokApp.on_ready turns it back on, after freezing what
    # start-up built), and a short command runs to its end without it.
    gc.disable()
    from cli.entry import main

    sys.exit(main())


def __getattr__(name: str):
    # PEP 562: `from cli import main` loads the command line only when it is asked for,
    # so that console_main can switch the collector off before the imports.
    if name == "main":
        from cli.entry import main

        return main
    raise AttributeError(f"module 'cli' has no attribute {name!r}")
