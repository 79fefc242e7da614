"""Mötesbok command line: wires the store, the exporters and the TUI together.

Exit codes: 0 success, 2 bad input or usage, 1 anything else. Errors go to stderr as one
Swedish sentence, never a bare traceback.
"""

from __future__ import annotations

import argparse
import sys
from contextlib import contextmanager
from pathlib import Path

from export.target import STDOUT, ExportTargetError, WriteProtectedError
from export.terminal import print_safe, terminal_safe, write_safe
from store import DATA_DIR_ENV, MeetingFormatError, MeetingNotFoundError, MeetingStore, StoreError
from store.lock import HOLDER_APP, HOLDER_COMMAND

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad input from the user: exit 2 with the message."""


class SwedishArgumentParser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's own messages are English; keep the gist
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"Fel i kommandot: {message}\n")


DATA_DIR_HELP = "var mötena sparas (annars $MOTESBOK_DATA_DIR eller användarens datamapp)"
FORCE_HELP = "skriv över filen även om den är skrivskyddad"


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

    p = sub.add_parser("import", parents=[common], help="importera ett möte eller en dagordning")
    p.add_argument("file", metavar="FIL")

    p = sub.add_parser("export", parents=[common], help="exportera ett möte")
    p.add_argument("meeting_id", metavar="ID")
    p.add_argument("-o", "--output", metavar="FIL", required=True,
                   help=f"filen att skriva, eller {STDOUT} för standard ut (JSON)")
    p.add_argument("--format", choices=["json", "docx"], help="annars efter filändelsen")
    p.add_argument("--force", action="store_true", help=FORCE_HELP)
    p.add_argument("--template", metavar="MALL.docx", help="organisationens Word-mall")

    sub.add_parser("list", parents=[common], help="lista mötena, nyast först")

    p = sub.add_parser("live", parents=[common], help="öppna ett möte direkt i mötesläge")
    p.add_argument("meeting_id", metavar="ID")

    sub.add_parser("demo", parents=[common], help="starta appen med ett exempelmöte")

    add_actions_parser(sub, common)
    return parser


# -- commands -----------------------------------------------------------------


def cmd_import(store: MeetingStore, args) -> int:
    from importers.detect import ImportFileError, read_meeting_file, summarize_import

    from store.imported import add_imported

    try:
        meeting = read_meeting_file(Path(args.file))
    except ImportFileError as exc:  # caught here so that other commands never load importers/
        raise UsageError(str(exc)) from None
    meeting_id = add_imported(store, meeting)
    print_safe(f"Importerade {meeting.title} ({meeting.date}): {summarize_import(meeting)}.")
    print_safe(meeting_id)
    return EXIT_OK


def cmd_export(store: MeetingStore, args) -> int:
    to_stdout = args.output == STDOUT
    out = Path(args.output)
    fmt = args.format or ("json" if to_stdout else out.suffix.lower().lstrip("."))
    if fmt not in ("json", "docx"):
        raise UsageError(
            f"Okänt exportformat {fmt!r}: ange --format json eller docx, "
            "eller en fil som slutar på .json eller .docx."
        )
    if to_stdout and fmt == "docx":
        raise UsageError("Ett Word-dokument kan inte skrivas till standard ut: ange -o FIL.docx.")
    meeting = store.load(args.meeting_id)
    if to_stdout:
        from export.json_io import meeting_json_bytes
        from export.target import write_stdout
        from export.terminal import json_safe

        write_stdout(json_safe(meeting_json_bytes(meeting)))
        return EXIT_OK
    if fmt == "json":
        from export.json_io import write_meeting_json

        written = write_meeting_json(meeting, out, force=args.force)
    else:
        from export.docx_minutes import write_minutes

        template = Path(args.template) if args.template else None
        written = write_minutes(meeting, out, template=template, force=args.force)
    print_safe(f"Exporterade {meeting.title} till {written}")
    return EXIT_OK


def cmd_list(store: MeetingStore, args) -> int:
    import shutil

    summaries = store.summaries()
    if not summaries and not store.unreadable:
        print("Inga möten ännu. Importera ett med: motesbok import FIL")
        return EXIT_OK
    width = shutil.get_terminal_size((80, 24)).columns
    if summaries:
        write_safe(format_meeting_list(summaries, width))
    from store.rescue import find_rescue_copies  # left by an app that died unsaved

    for copy in find_rescue_copies(store):
        print_safe(f"Obs: {copy.summary()}", file=sys.stderr)
    return EXIT_OK


def format_meeting_list(summaries, width: int = 80) -> str:
    """The meetings as a plain table that fits `width` columns.

    The id is never cut (it is typed back into other commands), the numbers line up on
    the right of their headings, and the title comes last, wrapping in what is left; when
    less than 16 columns are left it goes on lines of its own below, indented.
    """
    import textwrap
    from dataclasses import replace

    width = max(width, 40)
    # Stored text is made terminal-safe before it is measured (^[ is two columns).
    summaries = [
        replace(s, id=terminal_safe(s.id), date=terminal_safe(s.date), title=terminal_safe(s.title))
        for s in summaries
    ]
    id_w = max(2, *(len(s.id) for s in summaries))
    heads = ("Id", "Datum", "Punkter", "åtgärder", "Titel")
    fixed = [id_w, 10, len(heads[2]), len(heads[3])]
    gap = "  "
    left = sum(fixed) + len(gap) * len(fixed)
    title_w = width - left
    inline = title_w >= 16

    def row(cells: list[str], title: str) -> list[str]:
        head = gap.join(
            [cells[0].ljust(fixed[0]), cells[1].ljust(fixed[1]),
             cells[2].rjust(fixed[2]), cells[3].rjust(fixed[3])]
        ) + gap
        if inline:
            lines = textwrap.wrap(title, title_w, break_long_words=True) or [""]
            out = [head + lines[0]]
            out += [" " * left + line for line in lines[1:]]
        else:
            out = [head.rstrip()]
            out += ["    " + line for line in textwrap.wrap(title, width - 4) or [""]]
        return [line.rstrip() for line in out]

    lines = [f"Möten, nyast först ({len(summaries)})", ""]
    lines.append((" " * (left - len(gap) - len("Öppna")) + "Öppna").rstrip())
    lines += row(list(heads[:4]), heads[4] if inline else "")[:1]
    if not inline:
        lines.append("    Titel")
    lines.append("-" * min(width, left + (title_w if inline else 0)))
    for s in summaries:
        lines += row([s.id, s.date, str(s.item_count), str(s.open_actions)], s.title)
    return "\n".join(lines) + "\n"


def add_actions_parser(sub, common) -> None:
    """The `actions` command (the action list across meetings)."""
    from export.action_cli import add_parser

    add_parser(sub, common)


def cmd_actions(store: MeetingStore, args) -> int:
    from export.action_cli import run

    return run(store, args)


def run_app(store: MeetingStore, *, live_id: str | None = None, demo: bool = False) -> int:
    if demo:
        live_id = ensure_demo_meeting(store)
    from tui.app import MotesbokApp

    app = MotesbokApp(store, live_meeting_id=live_id)
    app.run()
    return app.return_code or EXIT_OK


def ensure_demo_meeting(store: MeetingStore) -> str:
    """The demo meeting's id, creating it on first use."""
    from store.demo import demo_meeting

    for summary in store.summaries():
        if summary.title == demo_meeting().title:
            return summary.id
    return store.add(demo_meeting())


COMMANDS = {
    "import": cmd_import,
    "export": cmd_export,
    "list": cmd_list,
    "actions": cmd_actions,
}


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    store = None
    told = None  # a recovery the error message already tells
    try:
        # A short command holds a meeting's lock only for a moment: others may wait for it.
        kind = HOLDER_COMMAND if args.command in COMMANDS else HOLDER_APP
        store = MeetingStore.at(checked_data_dir(args.data_dir), lock_kind=kind)
        check_readable(store)
        if args.command in COMMANDS:
            with guarded_stdout():
                code = COMMANDS[args.command](store, args)
                sys.stdout.flush()  # a full disk or a closed pipe shows here, not at exit
            # A scan that could not read every meeting did not do all it said.
            return code or (EXIT_ERROR if store.unreadable else EXIT_OK)
        if args.command == "live":
            return run_app(store, live_id=args.meeting_id)
        return run_app(store, demo=args.command == "demo")
    except MeetingFormatError as exc:
        from importers.detect import format_error_text

        say_error(f"{format_error_text(exc)} Inget har importerats.")
        return EXIT_USAGE
    except WriteProtectedError as exc:
        say_error(f"{exc} Skriv --force för att ersätta den ändå.")
        return EXIT_USAGE
    except (UsageError, MeetingNotFoundError, ExportTargetError) as exc:
        say_error(str(exc))
        return EXIT_USAGE
    except StoreError as exc:
        told = getattr(exc, "recovery", None)
        say_error(str(exc))
        return EXIT_ERROR
    except KeyboardInterrupt:
        return EXIT_ERROR
    except BrokenPipeError:  # `motesbok list | head`: the reader has all it wanted
        silence_stdout()
        return EXIT_OK
    except StdoutError as exc:
        silence_stdout()
        say_error(exc.message())
        return EXIT_ERROR
    except OSError as exc:  # one a command did not expect, e.g. a folder it may not read
        say_error(describe_failure(exc))
        return EXIT_ERROR
    except Exception as exc:  # noqa: BLE001 - last resort: one line, no traceback
        say_error(f"Oväntat fel: {type(exc).__name__}: {exc}")
        return EXIT_ERROR
    finally:
        report_recoveries(store, told)


def checked_data_dir(given: str | None) -> Path | None:
    """The data directory named by --data-dir or $MOTESBOK_DATA_DIR (None: the default).

    An empty --data-dir would mean the current directory, and a file cannot hold
    meetings: both are refused (UsageError) before anything is read or written.
    """
    import os

    name = "--data-dir"
    if given is None:
        given, name = os.environ.get(DATA_DIR_ENV) or None, DATA_DIR_ENV
        if given is None:
            return None
    if not given.strip():
        raise UsageError(f"{name} är tomt: ange mappen där mötena ska sparas.")
    path = Path(given).expanduser()
    if path.exists() and not path.is_dir():
        raise UsageError(f"{name} {path} är en fil, inte en mapp: ange en mapp för mötena.")
    return path


def check_readable(store: MeetingStore) -> None:
    """A data directory we may not list is said so, never taken for an empty one."""
    import os

    from store.storage import describe_os_error

    folder = getattr(store.backend, "data_dir", None)
    if folder is None:
        return
    try:
        if os.path.isdir(folder):
            os.scandir(folder).close()
    except OSError as exc:
        raise StoreError(describe_os_error(exc, folder, verb="läsa datamappen")) from exc


def describe_failure(exc: OSError) -> str:
    """An OSError no command caught, as one plain sentence naming the file."""
    from store.storage import describe_os_error

    where = Path(exc.filename) if exc.filename is not None else Path(".")
    return describe_os_error(exc, where, verb="läsa" if exc.filename is not None else "använda")


class StdoutError(Exception):
    """Writing to standard output failed (a full disk, a device that takes nothing)."""

    def __init__(self, error: OSError):
        super().__init__(str(error))
        self.error = error

    def message(self) -> str:
        import errno

        if self.error.errno in (errno.ENOSPC, errno.EDQUOT):
            reason = "det finns inget utrymme kvar där"
        else:
            reason = terminal_safe(self.error.strerror or str(self.error))
        return f"Kunde inte skriva till standard ut: {reason}. Utskriften är ofullständig."


class _GuardedStream:
    """A stream whose failing writes raise StdoutError (a closed pipe stays itself)."""

    def __init__(self, stream):
        self._stream = stream

    def _guard(self, method, *args):
        try:
            return method(*args)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise StdoutError(exc) from exc

    def write(self, data):
        return self._guard(self._stream.write, data)

    def flush(self):
        return self._guard(self._stream.flush)

    @property
    def buffer(self):
        return _GuardedStream(self._stream.buffer)

    def __getattr__(self, name):
        return getattr(self._stream, name)


@contextmanager
def guarded_stdout():
    """stdout for a command, so that its failure is told apart from any other OSError."""
    original = sys.stdout
    sys.stdout = _GuardedStream(original)
    try:
        yield
    finally:
        sys.stdout = original


def silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's last flush cannot fail again."""
    import os

    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def say_error(message: str) -> None:
    print_safe(message, file=sys.stderr)


def report_recoveries(store: MeetingStore | None, told=None) -> None:
    """Tell the user about every damaged file the store set aside during the command
    (but `told`, which the error message already described), and name every meeting
    a scan could not read."""
    from store.scan import unreadable_lines

    for recovery in getattr(store, "recoveries", ()):
        if recovery is not told:
            say_error(f"Varning: {recovery.message()}")
    for line in unreadable_lines(store):
        say_error(line)


def console_main() -> None:
    sys.exit(main())


if __name__ == "__main__":
    console_main()
