"""Benchmark: DOCX export of meetings (CASES), against pandoc on the same content.

    .venv/bin/python bench/export.py [--items 150] [--runs 7] [--naive] [--case NAME]

Each case is a meeting to export. The export is timed end to end (build, serialise,
atomic write) twice: in this process (imports already done) and as the whole command,
`python main.py export ID -o FIL.docx` in a fresh process (start-up and imports
included, what the user waits for). pandoc converts the equivalent Markdown (generated
from the same layout blocks) to DOCX in the same run, when it is on PATH; it is a whole
process too. The whole-process runs of ours and pandoc's alternate (load hits both
alike) and their medians are compared. Prints, per case, the medians, both ratios and
PASS or FAIL against TARGET (issue 11: the whole process <= 0.7x pandoc); the exit code
is 1 when a case fails. ``--naive`` also times python-docx's public API with styles
looked up by name for every paragraph, the way that made the export slower than pandoc.

A new case is one entry in CASES: a name and a function returning the meeting (and, for
another document than the minutes, its writer and its layout's blocks). The protocol
case (issue 12) is 40 §§ with yrkanden, a vote and a reservation in each.
"""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass
from typing import Callable
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from export.docx_minutes import write_minutes  # noqa: E402
from export.minutes_layout import (  # noqa: E402
    BULLET,
    HEADING,
    LABEL,
    TABLE,
    TITLE,
    minutes_blocks,
)
from store.domain.model import Action, AgendaItem, Decision, Meeting, Participant  # noqa: E402


def big_meeting(items: int = 150) -> Meeting:
    meeting = Meeting(
        title="Regionstyrelsens arbetsutskott",
        date="2031-09-18",
        start="08:30",
        end="16:00",
        place="Regionhuset, sal Fjällsippan",
        participants=[
            Participant("Agnes Hult", role="Ordförande", decision_maker=True),
            Participant("Bertil Sjö", role="Sekreterare"),
            Participant("Cornelia Ås", decision_maker=True),
            Participant("David Krok", present_from="10:00"),
            Participant("Elsa Strömberg", absent=True),
        ],
    )
    for n in range(1, items + 1):
        meeting.items.append(
            AgendaItem(
                f"Ärende {n}: uppföljning av verksamhetsplanen",
                presenter="Cornelia Ås",
                notes=(
                    f"Förvaltningen redovisar läget för ärende {n}. Arbetet går enligt plan "
                    "och *inga avvikelser* har rapporterats sedan förra mötet.\n"
                    "Utskottet diskuterar hur uppföljningen ska **redovisas** framöver och "
                    "vilka nyckeltal som är viktigast för nämnderna."
                ),
                actions=[
                    Action(f"Sammanställ underlag för ärende {n}", due="2031-10-01", owner="Bertil Sjö"),
                    Action("Återkoppla till nämnderna", owner="Agnes Hult"),
                ],
                decisions=[
                    Decision("Informationen noteras."),
                    Decision(f"Förvaltningen får i uppdrag att återkomma i ärende {n} i november."),
                ],
            )
        )
    return meeting


def markdown_of(meeting: Meeting, blocks=None) -> str:
    """The same document as pandoc Markdown: headings, bold labels, bullets, pipe tables
    (`blocks`: the layout's blocks, by default the minutes')."""

    def inline(runs) -> str:
        out = []
        for run in runs:
            text = run.text.replace("*", r"\*")
            if run.bold and run.italic:
                text = f"***{text}***"
            elif run.bold:
                text = f"**{text}**"
            elif run.italic:
                text = f"*{text}*"
            out.append(text)
        return "".join(out)

    parts: list[str] = []
    for block in minutes_blocks(meeting) if blocks is None else blocks:
        if block.kind == TITLE:
            parts.append(f"# {inline(block.runs)}")
        elif block.kind == HEADING:
            parts.append(f"{'#' * (block.level + 1)} {inline(block.runs)}")
        elif block.kind == LABEL:
            parts.append(f"**{inline(block.runs)}**")
        elif block.kind == BULLET:
            parts.append(f"- {inline(block.runs)}")
        elif block.kind == TABLE:
            columns = max(len(row) for row in block.rows)
            rows = ["|" + "   |" * columns, "|" + "---|" * columns]
            rows += ["| " + " | ".join([*(inline(cell) for cell in row),
                                        *[""] * (columns - len(row))]) + " |"
                     for row in block.rows]
            parts.append("\n".join(rows))
        else:
            parts.append(inline(block.runs))
    return "\n\n".join(parts) + "\n"


def naive_export(meeting: Meeting, path: Path) -> None:
    """python-docx's public API used plainly: every paragraph's style looked up by name."""
    import docx

    document = docx.Document()
    styles = {TITLE: "Title", LABEL: "Heading 4", BULLET: "List Bullet"}
    for block in minutes_blocks(meeting):
        if block.kind == TABLE:
            table = document.add_table(rows=len(block.rows), cols=3, style="Table Grid")
            for row, cells in zip(table.rows, block.rows):
                for cell, runs in zip(row.cells, cells):
                    paragraph = cell.paragraphs[0]
                    for run in runs:
                        paragraph.add_run(run.text)
            continue
        name = f"Heading {block.level}" if block.kind == HEADING else styles.get(block.kind, "Normal")
        paragraph = document.add_paragraph(style=name)
        for run in block.runs:
            added = paragraph.add_run(run.text)
            added.bold = run.bold or None
            added.italic = run.italic or None
    document.save(str(path))


def median_seconds(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


TARGET = 0.70  # the whole process, mötesbok / pandoc (issue 11)


def command_export(meeting: Meeting, workdir: Path):
    """A callable running the whole `main.py export` command on `meeting` in a fresh process."""
    from store import MeetingStore

    data_dir = workdir / "data"
    meeting_id = MeetingStore.at(data_dir).add(meeting)
    out = workdir / "kommando.docx"
    env = dict(os.environ, MOTESBOK_DATA_DIR=str(data_dir))
    # The warm-up writes the .pyc files an installed motesbok has (pip compiles them);
    # without them every run would time compiling the project too.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    command = [sys.executable, str(ROOT / "main.py"), "export", meeting_id, "-o", str(out),
               "--force"]
    return lambda: subprocess.run(command, check=True, env=env, cwd=ROOT,
                                  stdout=subprocess.DEVNULL)


def big_protocol(paragraphs: int = 40) -> Meeting:
    """A protocol of `paragraphs` §§, each with yrkanden, a vote of the serving members
    and a reservation (the sample protocol's roster and §§, tests/support)."""
    from store.domain.protocol import Motion, Reservation, Vote
    from store.domain.serving import serving
    from tests.support.protocol_sample import protocol_meeting

    meeting = protocol_meeting(paragraphs)
    for n, item in enumerate(meeting.items):
        item.motions = [Motion("Mira Holm", "bifall"),
                        Motion("Olle Berg", "ändring", f"att etapp {n + 1} skjuts upp ett år")]
        item.procedure = ("Ordföranden ställer proposition på förslaget mot Olle Bergs (M) "
                          "ändringsyrkande och finner att utskottet beslutar enligt förslaget.")
        names = serving(meeting, item).names()
        item.votes = [Vote("Ja för förslaget, nej för Olle Bergs ändringsyrkande",
                           {name: ("nej" if i % 2 else "ja") for i, name in enumerate(names)})]
        item.reservations = [Reservation(["Olle Berg", "Kim Vall"])]
    return meeting


def write_protocol_docx(meeting: Meeting, path: Path) -> None:
    from export.docx_protocol import write_protocol

    write_protocol(meeting, meeting.first_paragraph or 1, path)


def protocol_layout(meeting: Meeting):
    from export.protocol_layout import protocol_blocks

    return protocol_blocks(meeting, meeting.first_paragraph or 1)


@dataclass(frozen=True)
class Case:
    name: str
    meeting: Callable[[argparse.Namespace], Meeting]
    #: Writes the DOCX in this process; the layout's blocks (for pandoc's Markdown).
    write: Callable[[Meeting, Path], object] = write_minutes
    blocks: Callable[[Meeting], list] = minutes_blocks


#: The meetings exported; each is compared with pandoc on its own.
CASES = [
    Case("stort möte", lambda args: big_meeting(args.items)),
    Case("protokoll", lambda args: big_protocol(args.paragraphs), write_protocol_docx,
         protocol_layout),
]


def run_case(case: Case, args: argparse.Namespace, pandoc: str | None) -> bool:
    """Time one case and print its lines; False when it misses the target."""
    meeting = case.meeting(args)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        out = workdir / "protokoll.docx"
        case.write(meeting, out)  # warm-up: imports, template load
        ours = median_seconds(lambda: case.write(meeting, out), args.runs)
        size = out.stat().st_size
        print(f"{case.name}: {len(meeting.all_items())} punkter, median av {args.runs} körningar")
        print(f"  mötesbok DOCX-export:    {ours * 1000:8.1f} ms  ({size // 1024} kB)")

        if args.naive:
            naive_out = workdir / "naiv.docx"
            naive = median_seconds(lambda: naive_export(meeting, naive_out), max(3, args.runs // 2))
            print(f"  python-docx naivt:       {naive * 1000:8.1f} ms")

        if pandoc is None:
            print("  pandoc finns inte i PATH: ingen jämförelse (apt-get install pandoc).")
            return True
        source = workdir / "protokoll.md"
        source.write_text(markdown_of(meeting, case.blocks(meeting)), encoding="utf-8")
        target = workdir / "pandoc.docx"
        command = [pandoc, "-f", "markdown", "-t", "docx", "-o", str(target), str(source)]
        run_pandoc = lambda: subprocess.run(command, check=True)  # noqa: E731
        run_command = command_export(meeting, workdir)
        run_pandoc()  # warm-up
        run_command()  # warm-up: .pyc files, page cache
        # Interleaved, so that the load of the machine hits both alike.
        theirs_times, command_times = [], []
        for _ in range(args.runs):
            theirs_times.append(median_seconds(run_pandoc, 1))
            command_times.append(median_seconds(run_command, 1))
        theirs = statistics.median(theirs_times)
        whole = statistics.median(command_times)
        ratio = whole / theirs
        verdict = "PASS" if ratio <= TARGET else "FAIL"
        print(f"  main.py export (hel process): {whole * 1000:8.1f} ms")
        print(f"  pandoc md -> docx:       {theirs * 1000:8.1f} ms  (hel process)")
        print(f"  kvot mötesbok/pandoc, i processen:  {ours / theirs:6.2f}x")
        print(f"  kvot mötesbok/pandoc, hel process:  {ratio:6.2f}x  (mål <= {TARGET:.2f}x): {verdict}")
        if args.naive:
            print(f"  kvot naivt/pandoc:       {naive / theirs:8.2f}x")
        return ratio <= TARGET


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=150, help="punkter i det stora mötet")
    parser.add_argument("--paragraphs", type=int, default=40, help="paragrafer i protokollet")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--naive", action="store_true", help="also time the naive python-docx way")
    parser.add_argument("--case", choices=[case.name for case in CASES], action="append",
                        help="bara detta fall (kan upprepas)")
    args = parser.parse_args(argv)

    pandoc = shutil.which("pandoc")
    passed = [run_case(case, args, pandoc) for case in CASES
              if args.case is None or case.name in args.case]
    return 0 if all(passed) else 1


if __name__ == "__main__":
    sys.exit(main())
