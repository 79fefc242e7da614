"""A stand-in `soffice` for the PDF export's unit tests, and a tiny PDF made with pypdf.

`install_soffice(folder, monkeypatch, mode)` puts an executable `soffice` first on PATH.
It records its arguments in `folder/argv.json` and then, by mode:

- "pdf": copies `folder/result.pdf` (written by the test) to where LibreOffice would;
- "garbage": writes bytes that are no PDF;
- "blank": writes a valid PDF without any text;
- "nothing": exits 0 and writes nothing;
- "hang": starts a child that sleeps, writes both pids to `folder/pids`, and sleeps.
"""

from __future__ import annotations

import io
import json
import os
import stat
import sys
from pathlib import Path

_SCRIPT = r'''#!{python}
import json, os, shutil, subprocess, sys, time
from pathlib import Path

here = Path({folder!r})
argv = sys.argv[1:]
(here / "argv.json").write_text(json.dumps(argv))
outdir = Path(argv[argv.index("--outdir") + 1])
out = outdir / (Path(argv[-1]).stem + ".pdf")
mode = {mode!r}
if mode == "pdf":
    shutil.copyfile(here / "result.pdf", out)
elif mode == "garbage":
    out.write_bytes(b"<html>not a pdf</html>")
elif mode == "blank":
    shutil.copyfile(here / "blank.pdf", out)
elif mode == "hang":
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(300)"])
    (here / "pids").write_text(f"{{os.getpid()}} {{child.pid}}")
    time.sleep(300)
print("convert done")
'''


def tiny_pdf(text: str | None) -> bytes:
    """A one-page PDF showing `text` in Helvetica (no text at all for None)."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    if text is not None:
        font = DictionaryObject({
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        })
        page[NameObject("/Resources")] = DictionaryObject({
            NameObject("/Font"): DictionaryObject({NameObject("/F1"): font}),
        })
        content = DecodedStreamObject()
        safe = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        content.set_data(f"BT /F1 12 Tf 72 770 Td ({safe}) Tj ET".encode("latin-1"))
        page.replace_contents(content)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def install_soffice(folder: Path, monkeypatch, mode: str = "pdf", text: str = "Protokoll") -> Path:
    """The stand-in, first on PATH; `folder` gets its records. Returns the script."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "result.pdf").write_bytes(tiny_pdf(text))
    (folder / "blank.pdf").write_bytes(tiny_pdf(None))
    bin_dir = folder / "bin"
    bin_dir.mkdir(exist_ok=True)
    script = bin_dir / "soffice"
    script.write_text(_SCRIPT.format(python=sys.executable, folder=str(folder), mode=mode))
    script.chmod(script.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    monkeypatch.delenv("MOTESBOK_SOFFICE", raising=False)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    return script


def no_soffice(folder: Path, monkeypatch) -> None:
    """No LibreOffice anywhere we look: an empty PATH and no install places."""
    import export.pdf

    empty = folder / "empty-bin"
    empty.mkdir(parents=True, exist_ok=True)
    monkeypatch.delenv("MOTESBOK_SOFFICE", raising=False)
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.setattr(export.pdf, "INSTALL_PLACES", (str(folder / "nowhere" / "soffice"),))


def recorded_argv(folder: Path) -> list[str]:
    return json.loads((folder / "argv.json").read_text())


def process_gone(pid: int) -> bool:
    """True when `pid` has exited (a zombie waiting for its reaper counts as gone)."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except FileNotFoundError:
        return True
