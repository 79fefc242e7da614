"""Mötesbok command line: wires the store, the exporters and the TUI together.

Exit codes: 0 success, 2 bad input or usage, 1 anything else. Errors go to stderr as one
Swedish sentence, never a bare traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from export.importer import ImportFileError
from store import MeetingFormatError, MeetingNotFoundError, MeetingStore, StoreError
from store.lock import HOLDER_APP, HOLDER_COMMAND

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad input from the user: exit 2 with the message."""


class SwedishArgumentParser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's own messages are English; keep the gist
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"Fel i kommandot: {message}\n")


DATA_DIR_HELP = "var mötena sparas (annars $MOTESBOK_DATA_DIR eller användarens datamapp)"


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
    p.add_argument("-o", "--output", metavar="FIL", required=True)
    p.add_argument("--format", choices=["json", "docx"], help="annars efter filändelsen")
    p.add_argument("--template", metavar="MALL.docx", help="organisationens Word-mall")

    sub.add_parser("list", parents=[common], help="lista mötena, nyast först")

    p = sub.add_parser("live", parents=[common], help="öppna ett möte direkt i mötesläge")
    p.add_argument("meeting_id", metavar="ID")

    sub.add_parser("demo", parents=[common], help="starta appen med ett exempelmöte")

    add_actions_parser(sub, common)
    return parser


# -- commands -----------------------------------------------------------------


def cmd_import(store: MeetingStore, args) -> int:
    from export.importer import read_meeting_file, summarize_import

    from store.imported import add_imported

    meeting = read_meeting_file(Path(args.file))
    meeting_id = add_imported(store, meeting)
    print(f"Importerade {meeting.title} ({meeting.date}): {summarize_import(meeting)}.")
    print(meeting_id)
    return EXIT_OK


def cmd_export(store: MeetingStore, args) -> int:
    meeting = store.load(args.meeting_id)
    out = Path(args.output)
    fmt = args.format or out.suffix.lower().lstrip(".")
    if fmt == "json":
        from export.json_io import write_meeting_json

        write_meeting_json(meeting, out)
    elif fmt == "docx":
        from export.docx_minutes import write_minutes

        template = Path(args.template) if args.template else None
        write_minutes(meeting, out, template=template)
    else:
        raise UsageError(
            f"Okänt exportformat {fmt!r}: ange --format json eller docx, "
            "eller en fil som slutar på .json eller .docx."
        )
    print(f"Exporterade {meeting.title} till {out}")
    return EXIT_OK


def cmd_list(store: MeetingStore, args) -> int:
    import shutil

    summaries = store.summaries()
    if not summaries and not store.unreadable:
        print("Inga möten ännu. Importera ett med: motesbok import FIL")
        return EXIT_OK
    width = shutil.get_terminal_size((80, 24)).columns
    if summaries:
        sys.stdout.write(format_meeting_list(summaries, width))
    from store.rescue import find_rescue_copies  # left by an app that died unsaved

    for copy in find_rescue_copies(store):
        print(f"Obs: {copy.summary()}", file=sys.stderr)
    return EXIT_OK


def format_meeting_list(summaries, width: int = 80) -> str:
    """The meetings as a plain table that fits `width` columns.

    The id is never cut (it is typed back into other commands), the numbers line up on
    the right of their headings, and the title comes last, wrapping in what is left; when
    less than 16 columns are left it goes on lines of its own below, indented.
    """
    import textwrap

    width = max(width, 40)
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
    try:
        # A short command holds a meeting's lock only for a moment: others may wait for it.
        kind = HOLDER_COMMAND if args.command in COMMANDS else HOLDER_APP
        store = MeetingStore.at(args.data_dir, lock_kind=kind)
        if args.command in COMMANDS:
            code = COMMANDS[args.command](store, args)
            # A scan that could not read every meeting did not do all it said.
            return code or (EXIT_ERROR if store.unreadable else EXIT_OK)
        if args.command == "live":
            return run_app(store, live_id=args.meeting_id)
        return run_app(store, demo=args.command == "demo")
    except MeetingFormatError as exc:
        from export.importer import format_error_text

        print(f"{format_error_text(exc)} Inget har importerats.", file=sys.stderr)
        return EXIT_USAGE
    except (UsageError, MeetingNotFoundError, ImportFileError) as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_USAGE
    except StoreError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return EXIT_ERROR
    except BrokenPipeError:  # `motesbok list | head`: the reader has all it wanted
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - last resort: one line, no traceback
        print(f"Oväntat fel: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_ERROR
    finally:
        report_recoveries(store)


def report_recoveries(store: MeetingStore | None) -> None:
    """Tell the user about every damaged file the store set aside during the command,
    and name every meeting a scan could not read."""
    from store.scan import unreadable_lines

    for recovery in getattr(store, "recoveries", ()):
        print(f"Varning: {recovery.message()}", file=sys.stderr)
    for line in unreadable_lines(store):
        print(line, file=sys.stderr)


def console_main() -> None:
    sys.exit(main())


if __name__ == "__main__":
    console_main()
