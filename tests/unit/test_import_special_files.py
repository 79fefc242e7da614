"""Special and endless files: refused before reading, never blocking, reads bounded.

The corpus is generated per test: devices, a FIFO nobody writes to, a directory, a
socket, symlinks to each; the CLI runs in a subprocess with a timeout so a hang fails
the test instead of hanging the suite.
"""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile

import docx
import orjson
import pytest

from export.docx_common import TemplateError, new_document
from importers.detect import MAX_FILE_BYTES, ImportFileError, read_meeting_file
from export.safe_read import UnreadableFileError, read_regular_file
from export.safe_zip import MAX_RATIO, checked_template_bytes, MAX_TOTAL_UNCOMPRESSED, RATIO_FLOOR_BYTES
from tests.conftest import ROOT, child_env
from tests.support.samples import EXAMPLE
from tests.support.special_files import SPECIAL_KINDS, special_path


@pytest.mark.slow
@pytest.mark.parametrize("kind", SPECIAL_KINDS)
def test_cli_import_refuses_special_files_promptly(kind, tmp_path):
    path = special_path(kind, tmp_path / "korpus")
    data = tmp_path / "data"
    proc = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "import", str(path)],
        capture_output=True, text=True, timeout=60, env=child_env(data),
    )
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    assert ("inte en vanlig fil" in proc.stderr) or ("är en mapp" in proc.stderr)
    assert not list((data / "meetings").glob("*.json")) if (data / "meetings").exists() else True


@pytest.mark.parametrize("kind", SPECIAL_KINDS)
def test_reader_names_what_the_special_file_is(kind, tmp_path):
    path = special_path(kind, tmp_path / "korpus")
    with pytest.raises(ImportFileError) as caught:
        read_meeting_file(path)
    message = str(caught.value)
    expected = {
        "dev-zero": "enhetsfil", "dev-urandom": "enhetsfil", "fifo": "FIFO",
        "directory": "mapp", "socket": "socket", "link-to-dev-zero": "enhetsfil",
        "link-to-fifo": "FIFO",
    }[kind]
    assert expected in message


def test_read_is_bounded_even_when_the_size_claims_nothing():
    # /proc files say size 0 and still hold bytes: the cap counts what is read.
    with pytest.raises(UnreadableFileError, match="för stor"):
        read_regular_file("/proc/self/maps", limit=10)
    assert read_regular_file("/proc/self/maps", limit=10_000_000)


def padded_json(size: int) -> bytes:
    raw = orjson.dumps(EXAMPLE)
    return raw + b" " * (size - len(raw))


@pytest.mark.slow
def test_file_of_exactly_the_cap_imports_and_one_byte_more_is_refused(tmp_path):
    exact = tmp_path / "exakt.json"
    exact.write_bytes(padded_json(MAX_FILE_BYTES))
    assert read_meeting_file(exact).title == EXAMPLE["title"]
    over = tmp_path / "over.json"
    over.write_bytes(padded_json(MAX_FILE_BYTES + 1))
    with pytest.raises(ImportFileError, match="för stor"):
        read_meeting_file(over)


def test_missing_and_unreadable_files_keep_their_messages(tmp_path):
    with pytest.raises(ImportFileError, match="finns inte"):
        read_meeting_file(tmp_path / "nej.txt")
    with pytest.raises(ImportFileError, match="finns inte"):
        read_meeting_file(tmp_path / "nej" / "under.txt")


# -- templates: the same zip guards as imports ----------------------------------------


def template_with(extra: dict[str, bytes]) -> bytes:
    """python-docx's own document as a template, plus `extra` members."""
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source, zipfile.ZipFile(
        out, "w", zipfile.ZIP_DEFLATED
    ) as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
        for name, data in extra.items():
            target.writestr(name, data)
    return out.getvalue()


@pytest.mark.slow
@pytest.mark.parametrize(
    "name, size",
    [
        # past the total cap, compressed to a small file
        ("word/media/image1.png", MAX_TOTAL_UNCOMPRESSED + 1),
        # an extreme ratio: zeros compress about a thousand times
        ("word/media/image2.png", 2 * RATIO_FLOOR_BYTES),
        # an XML part past its cap
        ("word/glossary/document.xml", 17 * 1024 * 1024),
    ],
)
def test_zip_bomb_templates_are_refused(tmp_path, name, size):
    raw = template_with({name: b"\x00" * size if name.endswith(".png") else b" " * size})
    path = tmp_path / "mall.docx"
    path.write_bytes(raw)
    assert len(raw) < size / MAX_RATIO * 10  # small on disk
    with pytest.raises(TemplateError, match="Mallen .* kan inte användas"):
        new_document(path)


def test_template_check_keeps_its_images(tmp_path):
    image = bytes(range(256)) * 64
    raw = template_with({"word/media/logo.png": image})
    with zipfile.ZipFile(io.BytesIO(checked_template_bytes(raw))) as checked:
        assert checked.read("word/media/logo.png") == image
    path = tmp_path / "brevmall.docx"
    path.write_bytes(raw)
    assert new_document(path) is not None


@pytest.mark.parametrize("kind", ["dev-zero", "fifo", "socket", "link-to-dev-zero"])
def test_special_file_as_template_is_refused(kind, tmp_path):
    path = special_path(kind, tmp_path / "korpus")
    with pytest.raises(TemplateError):
        new_document(path)
