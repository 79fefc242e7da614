"""bench/import.py runs end to end on a small generated mötesbok and reports its numbers;
the timing itself is the bench's business, never a test's."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.mark.slow
def test_the_import_bench_generates_once_and_reports(tmp_path):
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    command = [sys.executable, str(ROOT / "bench" / "import.py"), "--pages", "6", "--runs", "1"]
    first = subprocess.run(command, capture_output=True, text=True, timeout=240, cwd=ROOT, env=env)
    assert first.returncode in (0, 1), first.stderr[-2000:]
    assert "Skapar en mötesbok" in first.stdout
    assert re.search(r"import \(median av 1\): [\d.]+ s, CPU-tid [\d.]+ s", first.stdout)
    assert re.search(r"^(PASS|FAIL)", first.stdout.splitlines()[-1])
    again = subprocess.run(command, capture_output=True, text=True, timeout=240, cwd=ROOT, env=env)
    assert "Skapar" not in again.stdout  # the PDF came from the cache
    assert len(list((tmp_path / "motesbok-bench").glob("*.pdf"))) == 1
