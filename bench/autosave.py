"""Autosave cost: one durable save of one changed field, against history size.

For 1, 100 and 1000 meetings in a data directory, times `MeetingSession.save()` after
changing one field, next to the floor measured in the same run and the same directory:
the same meeting's bytes written to a temporary file, fsynced and renamed. Saves and
floor writes alternate, so both see the same disk weather.

    .venv/bin/python bench/autosave.py [--saves 400] [--dir DIR]

Target: p99 <= 2 ms and <= 2.5x the floor's p99 at 1000 meetings.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import orjson  # noqa: E402

from store import MeetingStore  # noqa: E402
from store.demo import demo_meeting  # noqa: E402
from store.persistence.layout import database_of  # noqa: E402
from store.persistence.serialize import meeting_to_dict  # noqa: E402


def populate(data_dir: Path, count: int) -> str:
    """`count` meetings (the demo meeting on successive days); returns the newest id.

    History is written straight to files (no fsync) so that setting up 1000 meetings
    takes a second; the meeting under test is added through the store.
    """
    store = MeetingStore.at(data_dir)
    meetings_dir = data_dir / "meetings"
    meetings_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    start = date(2020, 1, 6)
    for i in range(count - 1):
        meeting = demo_meeting(start + timedelta(days=7 * i))
        meeting.id = f"hist-{i:05d}"
        meeting.series = meeting.title
        raw = orjson.dumps(database_of(meeting_to_dict(meeting)))
        path = meetings_dir / f"{meeting.id}.json"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.write(fd, raw)
        os.close(fd)
    return store.add(demo_meeting(start + timedelta(days=7 * count)))


def floor_write(directory: Path, data: bytes) -> None:
    target = directory / "floor.json"
    tmp = directory / ".floor.json.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.write(fd, data)
    os.fsync(fd)
    os.close(fd)
    os.replace(tmp, target)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def measure(base: Path, count: int, saves: int) -> dict:
    data_dir = base / f"n{count}"
    meeting_id = populate(data_dir, count)
    store = MeetingStore.at(data_dir)
    save_times, floor_times = [], []
    with store.open(meeting_id) as session:
        item = session.meeting.items[2]
        directory = store.backend.path(meeting_id).parent
        for i in range(saves + 20):
            item.notes = f"Anteckning nummer {i}: frågan diskuterades."
            t0 = time.perf_counter()
            session.save()
            t1 = time.perf_counter()
            # The floor writes exactly the bytes the store just wrote.
            data = store.backend.path(meeting_id).read_bytes()
            t2 = time.perf_counter()
            floor_write(directory, data)
            t3 = time.perf_counter()
            if i >= 20:  # warm-up: caches, first backup link
                save_times.append((t1 - t0) * 1e3)
                floor_times.append((t3 - t2) * 1e3)
        size = len(data)
        # Where the time goes, without the disk: model -> dict -> bytes.
        t0 = time.perf_counter()
        for _ in range(200):
            doc = meeting_to_dict(session.meeting)
        t1 = time.perf_counter()
        for _ in range(200):
            orjson.dumps(database_of(doc))
        t2 = time.perf_counter()
    return {
        "count": count,
        "bytes": size,
        "save_med": statistics.median(save_times),
        "save_p99": pct(save_times, 0.99),
        "floor_med": statistics.median(floor_times),
        "floor_p99": pct(floor_times, 0.99),
        "to_dict_us": (t1 - t0) / 200 * 1e6,
        "dumps_us": (t2 - t1) / 200 * 1e6,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=400, help="timed saves per size")
    parser.add_argument("--dir", help="where to create the data directories "
                        "(default: the system temp dir; use the real disk)")
    parser.add_argument("--sizes", default="1,100,1000")
    args = parser.parse_args(argv)

    base = Path(tempfile.mkdtemp(prefix="motesbok-bench-", dir=args.dir))
    rows = []
    try:
        for count in (int(n) for n in args.sizes.split(",")):
            rows.append(measure(base, count, args.saves))
    finally:
        shutil.rmtree(base, ignore_errors=True)

    print(f"One durable save of one changed field ({args.saves} saves per size, in {base})")
    print(f"{'meetings':>8}  {'bytes':>6}  {'save med':>9}  {'save p99':>9}  "
          f"{'floor med':>9}  {'floor p99':>9}  {'ratio med':>9}  {'ratio p99':>9}")
    for r in rows:
        print(
            f"{r['count']:>8}  {r['bytes']:>6}  {r['save_med']:>7.3f}ms  "
            f"{r['save_p99']:>7.3f}ms  {r['floor_med']:>7.3f}ms  {r['floor_p99']:>7.3f}ms  "
            f"{r['save_med'] / r['floor_med']:>8.2f}x  {r['save_p99'] / r['floor_p99']:>8.2f}x"
        )
    last = rows[-1]
    print(f"CPU part of a save: meeting_to_dict {last['to_dict_us']:.0f} µs, "
          f"orjson.dumps {last['dumps_us']:.0f} µs")
    ok = last["save_p99"] <= 2.0 and last["save_p99"] <= 2.5 * last["floor_p99"]
    print(f"Target at {last['count']} meetings (p99 <= 2 ms and <= 2.5x floor): "
          f"{'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
