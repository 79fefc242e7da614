"""`motesbok adjust` and `motesbok unadjust`: justering of a protocol and its anslag,
and häv justering (recorded with when and why).

    motesbok adjust ID [--date ÅÅÅÅ-MM-DD] [--posted ÅÅÅÅ-MM-DD] [--down ÅÅÅÅ-MM-DD]
                       [--archive TEXT]
    motesbok unadjust ID --why TEXT

The rules (defaults, refusals, the late-posting warning) are the model's
(store/domain/adjustment.py); this module parses and prints. Exit 2 on bad input.
"""

from __future__ import annotations

import sys
from datetime import date as Date
from datetime import datetime

from cli.terminal import print_safe
from cli.usage import EXIT_OK, UsageError


def add_parsers(sub, common) -> None:
    p = sub.add_parser(
        "adjust", parents=[common], help="justera ett protokoll och fyll i anslaget",
        description=(
            "Markerar protokollet som justerat, så att det öppnas skrivskyddat, och fyller "
            "i anslaget: uppsatt nästa arbetsdag och nedtaget tre veckor senare om inget "
            "annat anges."
        ),
    )
    p.add_argument("meeting_id", metavar="ID")
    p.add_argument("--date", metavar="DATUM", help="justeringsdatum ÅÅÅÅ-MM-DD (annars i dag)")
    p.add_argument("--posted", metavar="DATUM",
                   help="dagen anslaget sätts upp (annars nästa arbetsdag efter justeringen)")
    p.add_argument("--down", metavar="DATUM",
                   help="dagen anslaget tas ned (annars tre veckor efter uppsättningen)")
    p.add_argument("--archive", metavar="TEXT", help="förvaringsplats för protokollet")

    p = sub.add_parser(
        "unadjust", parents=[common], help="häv justeringen av ett protokoll",
        description="Häver justeringen så att protokollet kan ändras; när och varför "
                    "antecknas i mötet.",
    )
    p.add_argument("meeting_id", metavar="ID")
    p.add_argument("--why", metavar="TEXT", help="varför justeringen hävs (krävs)")


def _date(value: str | None, option: str) -> str | None:
    from store.persistence.serialize import parse_iso_date

    if value is None:
        return None
    day = parse_iso_date(value.strip())
    if day is None:
        raise UsageError(f"Ogiltigt datum för {option}: {value!r}. Skriv ÅÅÅÅ-MM-DD, "
                         "t.ex. 2031-03-17.")
    return day.isoformat()


def cmd_adjust(store, args) -> int:
    from store.domain.adjustment import (
        LATE_POSTING_WARNING, AdjustmentError, offered_adjustment_date, posted_late,
        posting_for,
    )
    from store.persistence.adjusting import adjust_stored

    on = _date(args.date, "--date") or offered_adjustment_date(
        store.load(args.meeting_id), Date.today())
    posting = posting_for(on, _date(args.posted, "--posted"), _date(args.down, "--down"),
                          (args.archive or "").strip())
    try:
        meeting = adjust_stored(store, args.meeting_id, on, posting)
    except AdjustmentError as exc:
        raise UsageError(f"{exc} Inget har ändrats.") from None
    where = f" Förvaras: {meeting.posting.archive}." if meeting.posting.archive else ""
    print_safe(f"{meeting.title} {meeting.date} är justerat {on}. Anslaget sätts upp "
               f"{meeting.posting.from_} och tas ned {meeting.posting.to}.{where}")
    if posted_late(on, meeting.posting):
        print_safe(f"Varning: {LATE_POSTING_WARNING}", file=sys.stderr)
    return EXIT_OK


def cmd_unadjust(store, args) -> int:
    from store.domain.adjustment import AdjustmentError
    from store.persistence.adjusting import lift_stored

    if not (args.why or "").strip():
        raise UsageError("Skriv varför justeringen hävs: --why TEXT. Inget har ändrats.")
    try:
        meeting = lift_stored(store, args.meeting_id, datetime.now(), args.why)
    except AdjustmentError as exc:
        raise UsageError(f"{exc} Inget har ändrats.") from None
    lifted = meeting.adjustment_lifts[-1]
    print_safe(f"Justeringen {lifted.adjusted} av {meeting.title} {meeting.date} är hävd "
               f"({lifted.at.replace('T', ' ')}): {lifted.why}")
    return EXIT_OK


COMMANDS = {"adjust": cmd_adjust, "unadjust": cmd_unadjust}
