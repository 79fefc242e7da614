"""Bench the action list: 1000 meetings, ~40 000 actions of which ~12 000 open.

    .venv/bin/python bench/actions.py [--meetings 1000] [--runs 7] [--keep DIR]

Generates the data directory (written straight in the store's file format, which is
much faster than a thousand fsynced saves), then prints the medians of the in-process
query and of the whole `python main.py actions` command (a fresh process each run,
output to a pipe), without the scan cache (first run after changes) and with it.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date as Date
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import orjson  # noqa: E402

from store import Action, AgendaItem, Decision, Meeting, MeetingStore, Participant  # noqa: E402
from store.persistence.action_cache import CACHE_DIR  # noqa: E402
from store.persistence.actions import query_actions  # noqa: E402
from store.persistence.layout import database_of  # noqa: E402
from store.persistence.serialize import meeting_to_dict  # noqa: E402
from store.persistence.storage import ensure_private_dir  # noqa: E402

SERIES = ("Kommunchefsmöte, Fjällbygden", "Ledningsgrupp Skola", "Samverkansråd Vård")
PEOPLE = ("Alva Strand", "Bertil Holmgren", "Cajsa Lövgren", "Dennis Ekberg",
          "Elin Rosenqvist", "Fredrik Modig", "Gun Hägglund", "Hampus Norell")
VERBS = ("Ta fram", "Skicka", "Boka", "Utred", "Sammanställ", "Kontakta", "Granska")
THINGS = ("underlag om lokaler", "offert för bredband", "remissvar", "budgetprognos",
          "avtal om skolskjuts", "rutin för krisledning", "statistik för hemtjänst")

ACTIONS_PER_MEETING = 40
OPEN_SHARE = 0.3


def make_meeting(n: int, rng: random.Random, start: Date) -> Meeting:
    day = start + timedelta(days=n * 3)
    series = SERIES[n % len(SERIES)]
    items = [AgendaItem("Mötet öppnas", standing=True,
                        description="Ordföranden hälsar välkommen.")]
    for i in range(10):
        actions = []
        for _ in range(ACTIONS_PER_MEETING // 10):
            is_open = rng.random() < OPEN_SHARE
            due = day + timedelta(days=rng.randint(7, 90)) if rng.random() < 0.8 else None
            actions.append(Action(
                f"{rng.choice(VERBS)} {rng.choice(THINGS)}",
                due=due.isoformat() if due else None,
                owner=rng.choice(PEOPLE) if rng.random() < 0.9 else None,
                done=not is_open,
                done_date=None if is_open else (day + timedelta(days=5)).isoformat(),
            ))
        items.append(AgendaItem(
            f"Ärende {i + 1}: {rng.choice(THINGS)}",
            presenter=rng.choice(PEOPLE),
            background="Kansliet redovisar läget.\n- Första punkten\n- Andra punkten",
            proposal="Informationen noteras.",
            notes="Diskussion om hur arbetet ska fortsätta. " * 3,
            actions=actions,
            decisions=[Decision("Informationen noteras.")],
            status="done",
        ))
    items.append(AgendaItem("Mötet avslutas", standing=True))
    return Meeting(
        title=series, date=day.isoformat(), start="13:00", end="15:00",
        place="Kommunhuset", series=series,
        participants=[Participant(name) for name in PEOPLE], items=items,
        id=f"{day.isoformat()}-m{n:04d}",
    )


def generate(data_dir: Path, meetings: int) -> tuple[int, int]:
    rng = random.Random(1234)
    meetings_dir = ensure_private_dir(ensure_private_dir(data_dir) / "meetings")
    start = Date.today() - timedelta(days=meetings * 3 - 30)
    total = opened = 0
    for n in range(meetings):
        meeting = make_meeting(n, rng, start)
        for _, _, action in meeting.actions():
            total += 1
            opened += not action.done
        doc = database_of(meeting_to_dict(meeting))
        (meetings_dir / f"{meeting.id}.json").write_bytes(orjson.dumps(doc))
    return total, opened


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keep", metavar="DIR", help="generate here and keep it")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(args.keep) if args.keep else Path(tmp) / "data"
        t0 = time.perf_counter()
        total, opened = generate(data_dir, args.meetings)
        print(f"{args.meetings} möten, {total} åtgärder, {opened} öppna "
              f"(genererade på {time.perf_counter() - t0:.1f} s)")

        store = MeetingStore.at(data_dir)
        cache = data_dir / CACHE_DIR

        def cold(fn):
            def run():
                shutil.rmtree(cache, ignore_errors=True)
                fn()
            return run

        rows = query_actions(store)
        print(f"query_actions, öppna ({len(rows)} rader), utan cache: "
              f"median {median_ms(cold(lambda: query_actions(store)), args.runs):.0f} ms")
        query_actions(store)
        print(f"query_actions, öppna, med cache: "
              f"median {median_ms(lambda: query_actions(store), args.runs):.0f} ms")
        query_actions(store, status="all")
        print(f"query_actions --all, med cache: "
              f"median {median_ms(lambda: query_actions(store, status='all'), args.runs):.0f} ms")

        env = dict(os.environ, MOTESBOK_DATA_DIR=str(data_dir), COLUMNS="160")
        for argv in (["actions"], ["actions", "--overdue"], ["actions", "--format", "json"],
                     ["actions", "--all"]):
            cmd = [sys.executable, str(ROOT / "main.py"), *argv]

            cpu: list[float] = []

            def run(cmd=cmd, cpu=cpu):
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                done = subprocess.run(cmd, env=env, capture_output=True)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu.append((after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
                           * 1000)
                if done.returncode != 0:
                    raise SystemExit(done.stderr.decode())

            label = f"python main.py {' '.join(argv)}"
            if argv == ["actions"]:
                print(f"{label} (utan cache): median {median_ms(cold(run), args.runs):.0f} ms")
            run()
            cpu.clear()
            wall = median_ms(run, args.runs)
            print(f"{label}: median {wall:.0f} ms (CPU {statistics.median(cpu):.0f} ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
