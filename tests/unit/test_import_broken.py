"""A corpus of broken files: each gives one clear Swedish message and imports nothing."""

from __future__ import annotations

import functools
import io
import random
import struct
import tracemalloc
import zipfile

import pytest

import main
from importers.detect import ImportFileError, read_meeting_file
from store import MeetingStore


def _docx_bytes() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("Styrelsemöte Granbacken", style="Title")
    document.add_paragraph("1. Mötet öppnas")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _rezip(raw: bytes, *, drop=(), replace=None, add=None) -> bytes:
    """A copy of a zip with members dropped, replaced or added."""
    replace = replace or {}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as src, zipfile.ZipFile(
        out, "w", zipfile.ZIP_DEFLATED
    ) as dst:
        for info in src.infolist():
            if info.filename in drop:
                continue
            data = replace.get(info.filename, None)
            dst.writestr(info.filename, data if data is not None else src.read(info))
        for name, data in (add or {}).items():
            dst.writestr(name, data)
    return out.getvalue()


def _cfb(*stream_names: str) -> bytes:
    """A minimal OLE compound file: magic, a header, directory entries with the names."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + struct.pack("<HH", 0x3E, 3)
    header += b"\x00" * (512 - len(header))
    entries = b""
    for name in ("Root Entry", *stream_names):
        encoded = name.encode("utf-16-le") + b"\x00\x00"
        entries += encoded + b"\x00" * (64 - len(encoded)) + b"\x00" * 64
    return header + entries + b"\x00" * 1024


def _lying_size(raw: bytes, member: str, declared: int) -> bytes:
    """The zip with `member`'s uncompressed size patched (local and central headers)."""
    data = bytearray(raw)
    with zipfile.ZipFile(io.BytesIO(raw)) as zf:
        info = zf.getinfo(member)
    # local header: uncompressed size at offset 22
    struct.pack_into("<I", data, info.header_offset + 22, declared)
    # central directory: find the entry by name
    name = member.encode()
    pos = data.find(b"PK\x01\x02")
    while pos != -1:
        name_len = struct.unpack_from("<H", data, pos + 28)[0]
        if bytes(data[pos + 46 : pos + 46 + name_len]) == name:
            struct.pack_into("<I", data, pos + 24, declared)
        pos = data.find(b"PK\x01\x02", pos + 4)
    return bytes(data)


BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>"
)


@functools.cache
def corpus() -> list[tuple[str, str, bytes, str]]:
    """(id, file name, content, words the message must contain).

    Made when first needed, not while collecting (python-docx and an 8 MB zip cost
    ~0.2 s in every pytest worker); CASES names the entries for the test ids.
    """
    good = _docx_bytes()
    rng = random.Random(20310212)
    random_bytes = bytes(rng.randrange(256) for _ in range(4096))
    return [
        ("empty", "tom.txt", b"", "är tom"),
        ("blank", "blank.md", b"  \n\n\t \n", "är tom"),
        ("random", "slump.docx", random_bytes, "varken JSON, text eller ett Word-dokument"),
        ("doc-renamed", "gammal.docx", _cfb("WordDocument", "1Table"), "gamla Word-formatet"),
        (
            "encrypted",
            "hemlig.docx",
            _cfb("EncryptionInfo", "EncryptedPackage"),
            "lösenordsskyddat",
        ),
        ("truncated", "halv.docx", good[: len(good) // 2], "skadad eller ofullständig"),
        (
            "no-document-xml",
            "tom-zip.docx",
            _rezip(good, drop={"word/document.xml"}),
            "word/document.xml saknas",
        ),
        (
            "malformed-xml",
            "trasig.docx",
            _rezip(good, replace={"word/document.xml": b"<w:document><w:body><w:p>"}),
            "skadat",
        ),
        (
            "entities",
            "entiteter.docx",
            _rezip(good, replace={"word/document.xml": BILLION_LAUGHS}),
            "otillåten XML",
        ),
        (
            "zip-bomb",
            "bomb.docx",
            _rezip(good, add={"word/media/fyllnad.bin": b"\0" * (8 * 1024 * 1024)}),
            "zip-bomb",
        ),
        (
            "lying-size",
            "ljuger.docx",
            _lying_size(
                _rezip(good, add={"word/extra.xml": b"<x>" + b"a" * 200_000 + b"</x>"}),
                "word/extra.xml",
                100,
            ),
            "skadat",
        ),
        ("pdf", "dagordning.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "PDF"),
        (
            "excel",
            "budget.docx",
            _rezip(good, drop={"word/document.xml"}, add={"xl/workbook.xml": b"<x/>"}),
            "Excel",
        ),
        ("binary-nul", "data.txt", b"Dagordning\x00\x00\x00\x01\x02", "varken JSON"),
    ]


CASES = ("empty", "blank", "random", "doc-renamed", "encrypted", "truncated",
         "no-document-xml", "malformed-xml", "entities", "zip-bomb", "lying-size", "pdf",
         "excel", "binary-nul")


def case(kind: str) -> tuple[str, bytes, str]:
    """(file name, content, words the message must contain) of one corpus entry."""
    return next(c[1:] for c in corpus() if c[0] == kind)


@pytest.mark.slow
def test_the_cases_name_the_whole_corpus():
    assert tuple(c[0] for c in corpus()) == CASES


@pytest.mark.slow
@pytest.mark.parametrize("kind", CASES)
def test_each_broken_file_gives_its_message(tmp_path, kind):
    name, content, expected = case(kind)
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportFileError) as caught:
        read_meeting_file(path)
    message = str(caught.value)
    assert expected in message
    assert "Traceback" not in message and "\n" not in message


def test_messages_differ_between_kinds_of_damage(tmp_path):
    messages = set()
    for _, name, content, _ in corpus():
        path = tmp_path / name
        path.write_bytes(content)
        with pytest.raises(ImportFileError) as caught:
            read_meeting_file(path)
        messages.add(str(caught.value).split(": ", 1)[-1])
    assert len(messages) >= 10


@pytest.mark.slow
def test_zip_bomb_is_refused_before_it_is_unpacked(tmp_path):
    # 60 MB of zeros compress to ~60 kB; refusing must not cost anything like 60 MB.
    bomb = _rezip(_docx_bytes(), add={"word/document2.xml": b" " * (60 * 1024 * 1024)})
    path = tmp_path / "bomb.docx"
    path.write_bytes(bomb)
    del bomb
    tracemalloc.start()
    try:
        with pytest.raises(ImportFileError, match="zip-bomb"):
            read_meeting_file(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 10 * 1024 * 1024


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(ImportFileError, match="finns inte"):
        read_meeting_file(tmp_path / "saknas.docx")
    with pytest.raises(ImportFileError, match="är en mapp"):
        read_meeting_file(tmp_path)


@pytest.mark.parametrize("kind", ["empty", "random", "encrypted", "truncated", "entities"])
def test_cli_import_of_broken_file_exits_2_and_stores_nothing(tmp_path, capsys, kind):
    name, content, expected = case(kind)
    path = tmp_path / name
    path.write_bytes(content)
    data_dir = tmp_path / "data"
    code = main.main(["import", str(path), "--data-dir", str(data_dir)])
    err = capsys.readouterr().err
    assert code == 2
    assert expected in err
    assert "Traceback" not in err
    assert err.strip().count("\n") == 0
    assert MeetingStore.at(data_dir).summaries() == []


def test_doctype_hidden_after_a_long_comment_is_refused(tmp_path):
    xml = b'<?xml version="1.0"?>\n<!--' + b" " * 10_000 + b'-->\n<!DOCTYPE w SYSTEM "file:///etc/passwd">' + (
        BILLION_LAUGHS[BILLION_LAUGHS.index(b"<w:document") :]
    ).replace(b"&lol3;", b"text")
    path = tmp_path / "dold.docx"
    path.write_bytes(_rezip(_docx_bytes(), replace={"word/document.xml": xml}))
    with pytest.raises(ImportFileError, match="otillåten XML"):
        read_meeting_file(path)


# -- whatever the bytes, one of two outcomes: a valid meeting or a Swedish refusal ---------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from importers.detect import meeting_from_bytes  # noqa: E402
from store.persistence.serialize import MeetingFormatError, meeting_from_dict, meeting_to_dict  # noqa: E402

from tests.support.examples import examples

_agenda_words = st.sampled_from(
    ["1.", "2.", "4.1", "4.1.", "a)", "- ", "* ", "# ", "## ", "**", "*", "Föredragande:",
     "Tid:", "Plats:", "Deltagare:", "Ärendebeskrivning", "Förslag till beslut:", "Beslut",
     "Bilagor:", "Åtgärder", "§ 3", "13.00", "2031-02-12", "12 februari 2031", "kl.", "(",
     ")", ",", "Hedda Norell", "Budget", "\t", "   ", "|", "---"]
)
_agenda_text = st.lists(
    st.lists(st.one_of(_agenda_words, st.text(max_size=6)), max_size=6).map(" ".join), max_size=25
).map("\n".join)


@settings(max_examples=examples(60), deadline=None)
@given(_agenda_text)
def test_any_text_gives_a_valid_meeting_or_a_message(text):
    try:
        meeting = meeting_from_bytes(text.encode("utf-8"))
    except (ImportFileError, MeetingFormatError) as exc:
        assert str(exc)
        return
    again = meeting_from_dict(meeting_to_dict(meeting))
    assert again.title and again.date


@settings(max_examples=examples(60), deadline=None)
@given(st.binary(max_size=3000))
def test_any_bytes_give_a_meeting_or_a_message(raw):
    try:
        meeting_from_bytes(b"PK\x03\x04" + raw if raw[:1] == b"\x00" else raw)
    except (ImportFileError, MeetingFormatError) as exc:
        assert str(exc)


@pytest.mark.slow
def test_honest_but_huge_document_is_refused_before_parsing(tmp_path):
    # A document.xml over the cap, compressing well within the bomb ratio.
    filler = "".join(f"<w:p><w:r><w:t>Stycke {i} med lite text i</w:t></w:r></w:p>" for i in range(300_000))
    xml = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{filler}</w:body></w:document>"
    ).encode()
    path = tmp_path / "stor.docx"
    path.write_bytes(_rezip(_docx_bytes(), replace={"word/document.xml": xml}))
    with pytest.raises(ImportFileError, match="för stort för att importeras"):
        read_meeting_file(path)
