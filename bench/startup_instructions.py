"""Start-up by instruction count: what bench/startup.py times, counted instead.

Runs `python main.py live ID` on bench/startup.py's 30-item meeting and the same minimal
Textual app once each under valgrind's callgrind, in an 80x24 pty, each stopped the
moment its first frame reaches the terminal, and prints the instructions each ran and
their ratio. Slow (a minute or two: callgrind runs a program some fifty times slower)
but the same number on a busy machine as on an idle one, where the timed benchmark
swings by a tenth either way: measure a start-up change with this first.

The instruction ratio is not the time ratio: the minimal app's time holds more that does
not scale with instructions (starting the interpreter, the terminal). On an idle machine
1.60x the instructions were 1.48x the time.

    .venv/bin/python bench/startup_instructions.py
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import shutil
import struct
import subprocess
import sys
import tempfile
import termios
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: Runs a script (argv[2:]) until its first frame holds argv[1], then ends at once:
#: LinuxDriver.write is wrapped when Textual's driver module loads, so the import
#: order and everything before that frame are the script's own.
UNTIL_FRAME = """
import importlib.abc, importlib.machinery, os, runpy, sys

marker, script = sys.argv[1], sys.argv[2]


class UntilFrame(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name != "textual.drivers.linux_driver":
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        load = spec.loader.exec_module

        def exec_module(module):
            load(module)
            write = module.LinuxDriver.write

            def written(driver, data):
                write(driver, data)
                if marker in data:
                    os._exit(0)

            module.LinuxDriver.write = written

        spec.loader.exec_module = exec_module
        return spec


sys.meta_path.insert(0, UntilFrame())
sys.argv = sys.argv[2:]
runpy.run_path(script, run_name="__main__")
"""


def instructions_to_frame(argv: list[str], marker: str, env: dict, out: Path) -> int:
    """Instructions `argv` (a Python script and its arguments) runs to its first frame."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    command = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
               f"--log-file={out}.log", sys.executable, "-c", UNTIL_FRAME, marker, *argv]
    proc = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=env,
                            cwd=ROOT, start_new_session=True, close_fds=True)
    os.close(slave)
    try:
        while proc.poll() is None:  # drain the terminal so the app never blocks on it
            if select.select([master], [], [], 0.5)[0]:
                try:
                    os.read(master, 65536)
                except OSError:
                    pass
    finally:
        os.close(master)
    for line in out.read_text().splitlines():
        if line.startswith("summary:"):
            return int(line.split()[1])
    raise RuntimeError(f"callgrind wrote no summary for {argv}: see {out}.log")


def main() -> int:
    if shutil.which("valgrind") is None:
        print("valgrind finns inte: installera det (apt-get install valgrind).", file=sys.stderr)
        return 2
    from bench.startup import LIVE_MARKER, MINIMAL_MARKER, contenders

    with tempfile.TemporaryDirectory() as tmp:
        found = contenders(Path(tmp))  # also a plain run of each: the .pyc files
        counts = {
            "live": instructions_to_frame(found.live, LIVE_MARKER.decode(), found.env,
                                          Path(tmp) / "live.out"),
            "minimal": instructions_to_frame(found.minimal, MINIMAL_MARKER.decode(), found.env,
                                             Path(tmp) / "minimal.out"),
        }
    print("instructions to the first frame (callgrind, 80x24 pty)")
    print(f"minimal Textual app (one Static): {counts['minimal'] / 1e6:8.1f} M")
    print(f"main.py live (30 items):          {counts['live'] / 1e6:8.1f} M")
    print(f"ratio: {counts['live'] / counts['minimal']:.3f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
