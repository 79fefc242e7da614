"""main(): parse the command line, open the store, run the command, and turn every
failure into one Swedish sentence on stderr with the right exit code (see cli/usage.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

from cli.output import StdoutError, guarded_stdout, say_error, silence_stdout
from cli.parser import build_parser, group_of
from cli.usage import EXIT_ERROR, EXIT_OK, EXIT_USAGE, UsageError
from export.target import ExportTargetError, WriteProtectedError
from store import DATA_DIR_ENV, MeetingFormatError, MeetingNotFoundError, MeetingStore, StoreError
from store.persistence.lock import HOLDER_APP, HOLDER_COMMAND


def say_waiting(refusal) -> None:
    """Tell the user why a command is not done yet: another program holds the meeting."""
    print(f"Väntar på att {refusal.holder_text()} ska släppa mötet {refusal.meeting_id} …",
          file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser(argv).parse_args(argv)
    # The commands that run and end are in their group's COMMANDS; any other (live,
    # demo, none) starts the app.
    group = group_of(args.command)
    run = getattr(group, "COMMANDS", {}).get(args.command)
    store = None
    told = None  # a recovery the error message already tells
    try:
        # A short command holds a meeting's lock only for a moment: others may wait for it.
        kind = HOLDER_COMMAND if run is not None else HOLDER_APP
        store = MeetingStore.at(checked_data_dir(args.data_dir), lock_kind=kind,
                                on_lock_wait=say_waiting)
        check_readable(store)
        if run is not None:
            with guarded_stdout():
                code = run(store, args)
                sys.stdout.flush()  # a full disk or a closed pipe shows here, not at exit
            # A scan that could not read every meeting did not do all it said.
            return code or (EXIT_ERROR if store.unreadable else EXIT_OK)
        from cli.meetings import run_app

        if args.command == "live":
            return run_app(store, live_id=args.meeting_id)
        return run_app(store, demo=args.command == "demo",
                       protocol=getattr(args, "protokoll", False))
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

    from store.persistence.storage import describe_os_error

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
    from store.persistence.storage import describe_os_error

    where = Path(exc.filename) if exc.filename is not None else Path(".")
    return describe_os_error(exc, where, verb="läsa" if exc.filename is not None else "använda")


def report_recoveries(store: MeetingStore | None, told=None) -> None:
    """Tell the user about every damaged file the store set aside during the command
    (but `told`, which the error message already described), and name every meeting
    a scan could not read."""
    from store.persistence.scan import unreadable_lines

    for recovery in getattr(store, "recoveries", ()):
        if recovery is not told:
            say_error(f"Varning: {recovery.message()}")
    for line in unreadable_lines(store):
        say_error(line)
