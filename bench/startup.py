"""Start-up benchmark: process start -> first rendered frame, in a real pty (80x24).

Measures `python main.py live ID` on a 30-item meeting against a minimal Textual app
(one Static), interleaved in the same run so machine noise hits both alike. A frame
counts as rendered when its text reaches the terminal. Prints both medians and the
ratio against the target (TARGET, issue 11: <= 1.5x the minimal app) and PASS or FAIL;
the exit code is 1 on FAIL.

    .venv/bin/python bench/startup.py [--runs 9]
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 1.5  # main.py live's first frame / the minimal app's
sys.path.insert(0, str(ROOT))

MINIMAL_APP = textwrap.dedent(
    """
    from textual.app import App
    from textual.widgets import Static

    class Minimal(App):
        def compose(self):
            yield Static("minimal-app-ready")

    Minimal().run()
    """
)


def thirty_item_meeting():
    from store import Action, AgendaItem, Decision, Meeting, Participant

    items = []
    for n in range(1, 25):
        item = AgendaItem(
            f"Ärende {n}: samverkan kring verksamhet {n}",
            presenter="Tove Lindahl",
            description="Kort beskrivning av ärendet.\n- En punkt\n- En till",
            background="Bakgrund i några meningar. " * 4,
            proposal="Informationen noteras.",
            notes="Anteckningar från tidigare. " * 3,
            decisions=[Decision("Informationen noteras.")],
            actions=[Action(f"Uppföljning {n}", owner="Kansliet", due="2031-05-01")],
        )
        if n % 8 == 0:
            item.items = [AgendaItem(f"Delfråga {n}.{k}") for k in range(1, 3)]
        items.append(item)
    meeting = Meeting(
        title="Samverkansråd, benchmark",
        date="2031-04-02",
        start="13:00",
        place="Kommunhuset",
        participants=[Participant(f"Deltagare {k}") for k in range(12)],
        items=items,
    )
    assert len(meeting.all_items()) == 30, len(meeting.all_items())
    return meeting


#: What each contender's first frame shows.
LIVE_MARKER = "Anteckningar".encode()
MINIMAL_MARKER = b"minimal-app-ready"


@dataclass(frozen=True)
class Contenders:
    """What both start-up benchmarks run: scripts with their arguments (no interpreter)
    and the environment they run in."""

    env: dict
    live: list[str]  # main.py live ID, on the 30-item meeting
    minimal: list[str]  # the minimal Textual app


def contenders(tmp: Path) -> Contenders:
    """Store the 30-item meeting and write the minimal app under `tmp`, and run each once
    so both start from a warm page cache and written .pyc files."""
    from store import MeetingStore

    data_dir = tmp / "data"
    meeting_id = MeetingStore.at(data_dir).add(thirty_item_meeting())
    minimal = tmp / "minimal_app.py"
    minimal.write_text(MINIMAL_APP)
    env = dict(os.environ, TERM="xterm-256color", MOTESBOK_DATA_DIR=str(data_dir),
               PYTHONPATH=str(ROOT))
    env.pop("TEXTUAL", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # the warm-up writes the .pyc files
    found = Contenders(env, [str(ROOT / "main.py"), "live", meeting_id], [str(minimal)])
    time_to_frame([sys.executable, *found.live], LIVE_MARKER, env)
    time_to_frame([sys.executable, *found.minimal], MINIMAL_MARKER, env)
    return found


def time_to_frame(argv: list[str], marker: bytes, env: dict, timeout: float = 20.0) -> float:
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                            cwd=ROOT, start_new_session=True, close_fds=True)
    os.close(slave)
    seen = bytearray()
    try:
        while True:
            remaining = timeout - (time.perf_counter() - start)
            if remaining <= 0:
                raise TimeoutError(f"no frame from {argv}: {bytes(seen[-300:])!r}")
            ready, _, _ = select.select([master], [], [], remaining)
            if not ready:
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:
                chunk = b""
            if not chunk:
                raise RuntimeError(f"{argv} ended before a frame: {bytes(seen[-300:])!r}")
            seen.extend(chunk)
            if marker in seen:
                return time.perf_counter() - start
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(5)
        os.close(master)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        found = contenders(Path(tmp))
        live_argv = [sys.executable, *found.live]
        minimal_argv = [sys.executable, *found.minimal]
        live, base = [], []
        for _ in range(args.runs):
            live.append(time_to_frame(live_argv, LIVE_MARKER, found.env))
            base.append(time_to_frame(minimal_argv, MINIMAL_MARKER, found.env))

    live_median = statistics.median(live)
    base_median = statistics.median(base)
    ratio = live_median / base_median
    print(f"runs: {args.runs} each, 80x24 pty")
    print(f"minimal Textual app (one Static): median {base_median * 1000:.0f} ms")
    print(f"main.py live (30 items):          median {live_median * 1000:.0f} ms")
    verdict = "PASS" if ratio <= TARGET else "FAIL"
    print(f"ratio: {ratio:.2f}x (target <= {TARGET:.2f}x): {verdict}")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
