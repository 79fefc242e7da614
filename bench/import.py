"""Import benchmark: a 150-page mötesbok PDF into a protocol meeting (issue 13: <= 3 s).

The PDF is generated once (tests/support/motesbok_sample.py, fpdf2: page headers and
footers, a table per tjänsteskrivelse, hand-spelt labels) into a cache folder keyed by
the generator's source, so only the import is timed: `read_meeting_file`, the same call
as `motesbok import`, from the file on disk to a validated meeting. Prints the median of
the runs, how it splits between pypdf's text extraction and our parsing, the ratio
against the target, and PASS or FAIL; the exit code is 1 on FAIL.

    .venv/bin/python bench/import.py [--runs 3] [--pages 150]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_S = 3.0
sys.path.insert(0, str(ROOT))

#: About two and a half PDF pages per ärende in the generated book.
PAGES_PER_CASE = 150 / 82


def cached_pdf(pages: int) -> Path:
    """The generated mötesbok, made on the first run only."""
    from tests.support import motesbok_sample

    source = Path(motesbok_sample.__file__).read_bytes()
    key = hashlib.sha256(source + str(pages).encode()).hexdigest()[:12]
    folder = Path(os.environ.get("XDG_CACHE_HOME") or tempfile.gettempdir()) / "motesbok-bench"
    path = folder / f"motesbok-{pages}-{key}.pdf"
    if not path.exists():
        print(f"Skapar en mötesbok på omkring {pages} sidor (en gång) …", flush=True)
        folder.mkdir(parents=True, exist_ok=True)
        book = motesbok_sample.big_book(n_cases=round(pages / PAGES_PER_CASE))
        partial = path.with_suffix(".part")
        partial.write_bytes(motesbok_sample.pdf_bytes(book))
        partial.replace(path)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", type=int, default=150)
    args = parser.parse_args()
    path = cached_pdf(args.pages)

    from importers.detect import read_meeting_file, summarize_import
    from importers.pdf_text import pdf_text

    raw = path.read_bytes()
    totals, cpus, extracts = [], [], []
    meeting = None
    for _ in range(args.runs):
        started, cpu = time.perf_counter(), time.process_time()
        meeting = read_meeting_file(path)
        totals.append(time.perf_counter() - started)
        cpus.append(time.process_time() - cpu)
        cpu = time.process_time()
        text = pdf_text(raw)
        extracts.append(time.process_time() - cpu)
    total, cpu, extract = (statistics.median(x) for x in (totals, cpus, extracts))
    print(f"{path.name}: {len(text.pages)} sidor, {len(raw) // 1024} kB")
    print(f"Inläst: {summarize_import(meeting)[:160]} …")
    print(f"import (median av {args.runs}): {total:.2f} s, CPU-tid {cpu:.2f} s"
          f"  (PDF-text med pypdf {extract:.2f} s CPU, tolkning och validering "
          f"{cpu - extract:.2f} s CPU)")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    cores = os.cpu_count() or 1
    print(f"mål <= {TARGET_S:.1f} s: {total / TARGET_S:.2f}x  (belastning {load:.1f} på "
          f"{cores} kärnor)")
    if total <= TARGET_S:
        print("PASS")
        return 0
    # On a machine busier than its cores, the wall time measures the others' work; the
    # import's own CPU time is what it takes on an idle machine (it uses one core).
    if load > cores and cpu <= TARGET_S:
        print(f"PASS på CPU-tid ({cpu:.2f} s): maskinen är belastad, väggtiden säger inget")
        return 0
    print("FAIL")
    return 1


if __name__ == "__main__":
    sys.exit(main())
