"""The meeting commands: import, export, list, and starting the app (live, demo).

Each command imports what only it needs (importers/ for import, python-docx for a DOCX,
Textual for the app) so that the others start without it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from cli.terminal import print_safe, terminal_safe, write_safe
from cli.usage import EXIT_OK, FORCE_HELP, UsageError
from export.target import STDOUT
from store import MeetingStore


def add_parsers(sub, common) -> None:
    p = sub.add_parser("import", parents=[common], help="importera ett möte eller en dagordning")
    p.add_argument("file", metavar="FIL")

    p = sub.add_parser("export", parents=[common], help="exportera ett möte")
    p.add_argument("meeting_id", metavar="ID")
    p.add_argument("-o", "--output", metavar="FIL", required=True,
                   help=f"filen att skriva, eller {STDOUT} för standard ut (JSON)")
    p.add_argument("--format", choices=["json", "docx", "pdf"],
                   help="annars efter filändelsen (pdf kräver LibreOffice)")
    p.add_argument("--force", action="store_true", help=FORCE_HELP)
    p.add_argument("--template", metavar="MALL.docx", help="organisationens Word-mall")
    p.add_argument("--extract", metavar="§§",
                   help="protokollsutdrag: paragrafer som 41,43 eller 41-43, eller all "
                        "(en fil per paragraf i mappen -o)")

    sub.add_parser("list", parents=[common], help="lista mötena, nyast först")

    p = sub.add_parser("live", parents=[common], help="öppna ett möte direkt i mötesläge")
    p.add_argument("meeting_id", metavar="ID")

    p = sub.add_parser("demo", parents=[common], help="starta appen med ett exempelmöte")
    p.add_argument("--protokoll", action="store_true",
                   help="ett exempel på en nämnds protokoll i stället för mötesanteckningar")


def cmd_import(store: MeetingStore, args) -> int:
    from importers.detect import ImportFileError, read_meeting_file, summarize_import

    from store.persistence.imported import add_imported

    try:
        meeting = read_meeting_file(Path(args.file))
    except ImportFileError as exc:  # caught here so that other commands never load importers/
        raise UsageError(str(exc)) from None
    meeting_id = add_imported(store, meeting)
    print_safe(f"Importerade {meeting.title} ({meeting.date}): {summarize_import(meeting)}.")
    print_safe(meeting_id)
    return EXIT_OK


def cmd_export(store: MeetingStore, args) -> int:
    if args.extract is not None:
        from cli.protocol_export import cmd_extract

        return cmd_extract(store, args)
    to_stdout = args.output == STDOUT
    out = Path(args.output)
    fmt = args.format or ("json" if to_stdout else out.suffix.lower().lstrip("."))
    if fmt not in ("json", "docx", "pdf"):
        raise UsageError(
            f"Okänt exportformat {fmt!r}: ange --format json, docx eller pdf, "
            "eller en fil som slutar på .json, .docx eller .pdf."
        )
    if to_stdout and fmt != "json":
        raise UsageError(f"Ett {fmt.upper()}-dokument kan inte skrivas till standard ut: ange -o FIL.{fmt}.")
    if not to_stdout and "pdf" in (fmt, out.suffix.lower().lstrip(".")) and out.suffix.lower() != f".{fmt}":
        # The minutes' writer goes by the name: a PDF is written to a .pdf file only.
        raise UsageError(f"--format {fmt} passar inte filen {out.name}.")
    meeting = store.load(args.meeting_id)
    if to_stdout:
        from cli.terminal import json_safe
        from export.json_io import meeting_json_bytes
        from export.target import write_stdout

        write_stdout(json_safe(meeting_json_bytes(meeting)))
        return EXIT_OK
    if fmt == "json":
        from export.json_io import write_meeting_json

        written = write_meeting_json(meeting, out, force=args.force)
    elif meeting.is_protocol:  # its DOCX, or PDF as for the minutes
        from cli.protocol_export import write_protocol_file

        written = write_protocol_file(store, meeting, out, args)
    else:  # DOCX, or its PDF for a .pdf file (export/pdf.py; exit 1 without LibreOffice)
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
    from store.persistence.rescue import find_rescue_copies  # left by an app that died unsaved

    for copy in find_rescue_copies(store):
        print_safe(f"Obs: {copy.summary()}", file=sys.stderr)
    return EXIT_OK


def format_meeting_list(summaries, width: int = 80, today=None) -> str:
    """The meetings as a plain table that fits `width` columns.

    The id is never cut (it is typed back into other commands), the numbers line up on
    the right of their headings, and the title comes last, wrapping in what is left; when
    less than 16 columns are left it goes on lines of its own below, indented. When any
    meeting is a protocol, a column says its state (utkast, justerat, anslaget).
    """
    import textwrap
    from dataclasses import replace
    from datetime import date

    width = max(width, 40)
    today = today or date.today()
    # Stored text is made terminal-safe before it is measured (^[ is two columns).
    summaries = [
        replace(s, id=terminal_safe(s.id), date=terminal_safe(s.date), title=terminal_safe(s.title))
        for s in summaries
    ]
    with_state = any(s.protocol is not None for s in summaries)
    id_w = max(2, *(len(s.id) for s in summaries))
    heads = ["Id", "Datum", "Punkter", "åtgärder"] + (["Protokoll"] if with_state else [])
    fixed = [id_w, 10, len(heads[2]), len(heads[3])] + ([len(heads[4])] if with_state else [])
    gap = "  "
    left = sum(fixed) + len(gap) * len(fixed)
    title_w = width - left
    inline = title_w >= 16

    def row(cells: list[str], title: str) -> list[str]:
        parts = [cells[0].ljust(fixed[0]), cells[1].ljust(fixed[1]),
                 cells[2].rjust(fixed[2]), cells[3].rjust(fixed[3])]
        if with_state:
            parts.append(cells[4].ljust(fixed[4]))
        head = gap.join(parts) + gap
        if inline:
            lines = textwrap.wrap(title, title_w, break_long_words=True) or [""]
            out = [head + lines[0]]
            out += [" " * left + line for line in lines[1:]]
        else:
            out = [head.rstrip()]
            out += ["    " + line for line in textwrap.wrap(title, width - 4) or [""]]
        return [line.rstrip() for line in out]

    lines = [f"Möten, nyast först ({len(summaries)})", ""]
    # "Öppna" stands over "åtgärder", right-aligned as the numbers are.
    open_at = sum(fixed[:4]) + len(gap) * 3 - len("Öppna")
    lines.append((" " * open_at + "Öppna").rstrip())
    lines += row(heads, "Titel" if inline else "")[:1]
    if not inline:
        lines.append("    Titel")
    lines.append("-" * min(width, left + (title_w if inline else 0)))
    for s in summaries:
        state = [s.state(today)] if with_state else []
        lines += row([s.id, s.date, str(s.item_count), str(s.open_actions), *state], s.title)
    return "\n".join(lines) + "\n"


def run_app(store: MeetingStore, *, live_id: str | None = None, demo: bool = False,
            protocol: bool = False) -> int:
    if demo:
        live_id = ensure_demo_meeting(store, protocol=protocol)
    from tui.app import MotesbokApp

    app = MotesbokApp(store, live_meeting_id=live_id)
    app.run()
    return app.return_code or EXIT_OK


def ensure_demo_meeting(store: MeetingStore, *, protocol: bool = False) -> str:
    """The demo meeting's id (minutes, or with protocol=True a nämnd's protocol),
    creating it on first use."""
    if protocol:
        from store.demo_protocol import demo_protocol as make
    else:
        from store.demo import demo_meeting as make

    demo = make()
    for summary in store.summaries():
        if summary.title == demo.title:
            return summary.id
    return store.add(demo)


#: The commands that run and end (the app's commands, live and demo, are run_app's).
COMMANDS = {"import": cmd_import, "export": cmd_export, "list": cmd_list}
