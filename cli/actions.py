"""`motesbok actions`: the action list across meetings, and ticking actions done.

    motesbok actions [--all|--overdue] [--owner NAMN] [--series NAMN] [--meeting ID]
                     [--since DATUM] [--by-owner] [--format csv|md|json]
                     [-o FIL.docx|.pdf|.csv|.md|.json] [--template MALL.docx]
                     [--no-comment-column]
    motesbok actions done ÅTGÄRDS-ID
    motesbok actions reopen ÅTGÄRDS-ID

Exit codes as in cli/usage.py: 0 ok, 2 bad input, 1 anything else. Imports stay light
(rich for the table; python-docx only when a DOCX is written) so the command starts fast.
"""

from __future__ import annotations

import sys
from datetime import date as Date
from pathlib import Path

from typing import TYPE_CHECKING

from cli.terminal import print_safe, terminal_safe, write_safe
from cli.usage import EXIT_OK, EXIT_USAGE, FORCE_HELP
from export.labels import ACTION_ID_HINT, cells, filter_text
from export.target import STDOUT, WriteProtectedError
from store.persistence.serialize import parse_iso_date
from store.persistence.storage import StoreError

if TYPE_CHECKING:
    from store.domain.action_rows import ActionRow

# store.persistence is imported where it is used: cli/parser.py builds this command's parser
# on every start, the app's included, and the scan code is not needed for that.

VERBS = ("done", "reopen")
SUFFIXES = {".docx": "docx", ".pdf": "pdf", ".csv": "csv", ".md": "md", ".json": "json"}
#: The printouts: a DOCX, or its PDF rendered by LibreOffice (export/pdf.py).
PRINTOUTS = ("docx", "pdf")


def add_parsers(sub, common) -> None:
    p = sub.add_parser(
        "actions",
        parents=[common],
        help="åtgärdslistan över alla möten; 'actions done ID' bockar av en åtgärd",
        description=(
            "Listar åtgärder från alla möten, sorterade efter klart senast-datum "
            "(odaterade sist). 'actions done ID' markerar en åtgärd som klar, "
            "'actions reopen ID' öppnar den igen."
        ),
    )
    p.add_argument("verb", nargs="?", choices=VERBS, metavar="done|reopen",
                   help="markera åtgärden klar eller öppna den igen")
    p.add_argument("action_id", nargs="?", metavar="ÅTGÄRDS-ID")
    status = p.add_mutually_exclusive_group()
    status.add_argument("--all", dest="status", action="store_const", const="all",
                        help="även klara åtgärder")
    status.add_argument("--overdue", dest="status", action="store_const", const="overdue",
                        help="bara försenade åtgärder")
    p.add_argument("--owner", metavar="NAMN", help="ansvarig (del av namnet räcker)")
    p.add_argument("--series", metavar="NAMN", help="mötesserie (del av namnet räcker)")
    p.add_argument("--meeting", metavar="ID", help="bara ett möte")
    p.add_argument("--since", metavar="DATUM", help="bara möten från och med ÅÅÅÅ-MM-DD")
    p.add_argument("--by-owner", action="store_true", help="gruppera per ansvarig")
    p.add_argument("--format", choices=["csv", "md", "json"], help="skriv som text för andra program")
    p.add_argument("-o", "--output", metavar="FIL",
                   help=f"skriv till fil (.docx, .pdf, .csv, .md, .json), eller {STDOUT} för standard ut")
    p.add_argument("--force", action="store_true", help=FORCE_HELP)
    p.add_argument("--template", metavar="MALL.docx", help="organisationens Word-mall")
    p.add_argument("--no-comment-column", dest="comment_column", action="store_false",
                   help="utan den tomma kolumnen för kommentarer i utskriften (.docx, .pdf)")
    p.set_defaults(status="open")


def _usage(message: str) -> int:
    print_safe(message, file=sys.stderr)
    return EXIT_USAGE


def run(store, args) -> int:
    if args.verb:
        return _run_verb(store, args)
    if args.action_id:
        return _usage(f"Okänt kommando {args.action_id!r}: skriv 'actions done ID' eller "
                      "'actions reopen ID'.")

    since = args.since
    if since is not None:
        since = since.strip()
        if parse_iso_date(since) is None:
            return _usage(f"Ogiltigt datum för --since: {args.since!r}. Skriv ÅÅÅÅ-MM-DD, "
                          "t.ex. 2031-01-31.")
    if args.meeting and not store.backend.exists(args.meeting):
        return _usage(f"Det finns inget möte med id {args.meeting!r}. "
                      "Se mötenas id med 'motesbok list'.")

    fmt = args.format
    out = Path(args.output) if args.output and args.output != STDOUT else None
    if args.output == STDOUT and fmt is None:
        return _usage(f"Ange --format csv, md eller json för att skriva till standard ut (-o {STDOUT}).")
    if out is not None:
        by_suffix = SUFFIXES.get(out.suffix.lower())
        if by_suffix is None and fmt is None:
            return _usage(f"Okänd filtyp {out.name!r}: filen ska sluta på "
                          ".docx, .pdf, .csv, .md eller .json (eller ange --format).")
        if fmt and by_suffix and fmt != by_suffix:
            return _usage(f"--format {fmt} passar inte filen {out.name}.")
        fmt = fmt or by_suffix
    template = Path(args.template) if args.template else None
    if template is not None:
        if fmt not in PRINTOUTS:
            return _usage("--template gäller bara utskrift till en .docx- eller .pdf-fil (-o FIL.docx).")
        if not template.is_file():
            return _usage(f"Mallen {template} finns inte.")
    if not args.comment_column and fmt not in PRINTOUTS:
        return _usage("--no-comment-column gäller bara utskrift till en .docx- eller .pdf-fil (-o FIL.docx).")

    from store.persistence.actions import ActionFilter

    flt = ActionFilter(args.status, args.owner, args.series, args.meeting, since)
    today = Date.today()
    rows = flt.query(store, today=today)

    if out is not None:
        from export.action_list import write_action_list

        try:
            written = write_action_list(
                rows, out, fmt, filter_text=filter_text(flt), today=today,
                group_by_owner=args.by_owner, template=template, force=args.force,
                comment_column=args.comment_column)
        except WriteProtectedError as exc:
            return _usage(f"{exc} Skriv --force för att ersätta den ändå.")
        except StoreError as exc:
            from export.docx_common import TemplateError
            from export.target import ExportTargetError

            if isinstance(exc, (TemplateError, ExportTargetError)):
                return _usage(str(exc))  # the user's file or template: bad input
            raise
        print_safe(f"Skrev {len(rows)} åtgärder till {written}")
        return EXIT_OK
    if fmt is not None:
        from export import action_list

        if fmt == "csv":
            text = action_list.csv_text(rows, lineterminator="\n")  # CRs are shown, see write_safe
        elif fmt == "md":
            text = action_list.markdown_text(rows, filter_text=filter_text(flt), today=today,
                                             group_by_owner=args.by_owner)
        else:
            from export.target import write_stdout
            from cli.terminal import json_safe

            write_stdout(json_safe(action_list.json_bytes(
                rows, filter_text=filter_text(flt), today=today)))
            return EXIT_OK
        write_safe(text)
        return EXIT_OK
    print_table(rows, filter_text=filter_text(flt), group_by_owner=args.by_owner)
    return EXIT_OK


def _run_verb(store, args) -> int:
    if not args.action_id:
        return _usage(f"Ange åtgärdens id: motesbok actions {args.verb} ÅTGÄRDS-ID "
                      "(id:t står i åtgärdslistan).")
    from store.persistence.action_done import ActionInAdjustedProtocolError, set_action_done
    from store.persistence.actions import ActionNotFoundError

    done = args.verb == "done"
    try:
        result = set_action_done(store, args.action_id.strip(), done)
    except ActionNotFoundError as exc:
        return _usage(f"{exc} {ACTION_ID_HINT}")
    except ActionInAdjustedProtocolError as exc:
        return _usage(str(exc))
    if not result.changed:
        state = f"redan klar ({result.done_date})" if done and result.done_date else (
            "redan klar" if done else "redan öppen")
        print_safe(f"Åtgärden är {state}: {result.text}")
    elif done:
        print_safe(f"Klar {result.done_date}: {result.text}")
    else:
        print_safe(f"Öppnad igen: {result.text}")
    if len(result.meeting_ids) > 1:
        print_safe(f"Ändrad i {len(result.meeting_ids)} möten: {', '.join(result.meeting_ids)}")
    return EXIT_OK


# -- the terminal table ----------------------------------------------------------------

#: Up to this many rows rich lays the table out (wrapping long texts); beyond it rich's
#: measuring of every cell costs seconds, so the rows are written as one line each.
RICH_TABLE_LIMIT = 200
HEADERS = ("Åtgärd", "Ansvarig", "Klart senast", "Möte", "Status", "Id")


def print_table(rows: list[ActionRow], *, filter_text: str, group_by_owner: bool) -> None:
    if not rows:
        print_safe(f"Inga åtgärder ({filter_text}).")
        return
    if group_by_owner:
        from export.action_list import by_owner

        groups = [(f"{owner} ({len(group)})", group) for owner, group in by_owner(rows)]
    else:
        groups = [(f"Åtgärdslista: {filter_text} ({len(rows)})", rows)]
    if len(rows) > RICH_TABLE_LIMIT:
        # Long lists skip rich altogether: even importing it is a noticeable part of
        # the command's half second.
        terminal = _Terminal()
        for title, group in groups:
            _print_lines(terminal, group, title=title)
        return
    from rich.console import Console

    console = Console(highlight=False)
    for title, group in groups:
        console.print(_rich_table(group, title=title))


class _Terminal:
    """What the line table needs to know about stdout (rich's Console, but cheap)."""

    def __init__(self) -> None:
        import os
        import shutil

        self.file = sys.stdout
        self.is_terminal = self.file.isatty()
        self.width = shutil.get_terminal_size((100, 24)).columns
        self.color = (
            self.is_terminal
            and "NO_COLOR" not in os.environ
            and os.environ.get("TERM", "") != "dumb"
        )


def _values(row: ActionRow) -> tuple[str, ...]:
    """The cells of a row, terminal-safe (stored text may hold control characters)."""
    values = (*cells(row), row.action_id)
    joined = "".join(values)
    if terminal_safe(joined) == joined:  # nearly every row: one check, not six
        return values
    return tuple(terminal_safe(value) for value in values)


def _rich_table(rows: list[ActionRow], *, title: str):
    from rich.table import Table
    from rich.text import Text

    # A Text title: a string would be read as rich markup ("[b]" in an owner's name).
    table = Table(title=Text(terminal_safe(title)), title_justify="left")
    table.add_column(HEADERS[0], ratio=3)
    table.add_column(HEADERS[1], ratio=1)
    table.add_column(HEADERS[2], no_wrap=True)
    table.add_column(HEADERS[3], ratio=2)
    table.add_column(HEADERS[4], no_wrap=True)
    table.add_column(HEADERS[5], no_wrap=True)
    for row in rows:
        table.add_row(
            *(Text(value) for value in _values(row)),
            style="bold red" if row.overdue else ("dim" if row.done else None),
        )
    return table


def _print_lines(console: _Terminal, rows: list[ActionRow], *, title: str) -> None:
    """A long list as a plain table, one line per action, fast for any length."""
    values = [_values(row) for row in rows]
    longest = [max(len(HEADERS[i]), *(len(v[i]) for v in values)) for i in range(6)]
    widths = list(longest)
    if console.is_terminal:
        # Fit the terminal: the action text and the meeting share what is left.
        widths[1] = min(widths[1], 20)
        rest = console.width - sum(widths[i] for i in (1, 2, 4, 5)) - 3 * 5 - 4
        text_width = max(20, rest * 3 // 5)
        widths[0] = min(widths[0], text_width)
        widths[3] = min(widths[3], max(20, rest - widths[0]))
    cut = [i for i in range(6) if widths[i] < longest[i]]
    bold_red, dim, reset = ("\x1b[1;31m", "\x1b[2m", "\x1b[0m") if console.color else ("", "", "")
    line_format = "│ " + " │ ".join(f"{{:<{w}}}" for w in widths) + " │"
    out = [terminal_safe(title), line_format.format(*HEADERS),
           "├─" + "─┼─".join("─" * w for w in widths) + "─┤"]
    for row, vals in zip(rows, values):
        if cut:
            vals = list(vals)
            for i in cut:
                if len(vals[i]) > widths[i]:
                    vals[i] = vals[i][: widths[i] - 1] + "…"
        line = line_format.format(*vals)
        if row.overdue:
            line = bold_red + line + reset
        elif row.done:
            line = dim + line + reset
        out.append(line)
    out.append("")
    console.file.write("\n".join(out))
    console.file.flush()


#: The command that runs and ends (cli/parser.py's GROUPS names this module's commands).
COMMANDS = {"actions": run}
