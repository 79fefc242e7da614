"""Protokollsutdrag (issue 12): `export ID --extract 41,43 -o utdrag.docx`, one file per §
with `--extract all -o DIR/`, safe file names for any title, bad § numbers refused with
one Swedish sentence (exit 2); `export` picks the protocol or the minutes by the kind."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import main
from export.docx_protocol import build_extract, build_protocol
from export.extract import (
    MAX_STEM_BYTES,
    ExtractError,
    chosen_paragraphs,
    extract_file_name,
    safe_file_name,
)
from store import MeetingStore
from store.domain.model import AgendaItem
from tests.support.protocol_docx import header_lines, open_docx, styled_lines
from tests.support.protocol_sample import protocol_meeting

from tests.support.protocol_golden import PARAGRAPH_41, PARAGRAPH_43, SIGN
from tests.support.examples import examples

N, L, T = "Normal", "Etikett", "Title"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def stored(data_dir: Path, meeting) -> str:
    return MeetingStore.at(data_dir).add(meeting)


# -- the document ------------------------------------------------------------------


@pytest.mark.slow
def test_an_extract_of_two_paragraphs():
    document = open_docx(build_extract(protocol_meeting(), 41, [43, 41]))
    assert header_lines(document) == [
        "Tekniska nämndens arbetsutskott", "PROTOKOLLSUTDRAG", "Sammanträdesdatum 2031-03-11",
        "Sida 1 (1)",
    ]
    assert styled_lines(document) == [
        (T, "Tekniska nämndens arbetsutskott"),
        (L, "Beslutande"),
        (N, "Mira Holm (S), ordförande"),
        (N, "Olle Berg (M), vice ordförande"),
        (N, "Siri Dahl (S)"),
        (N, "Pär Nyqvist (C) §§ 41, 43"),
        (N, "Lina Falk (V)"),
        (N, "Jon Ström (L)"),
        (N, "Kim Vall (M) ersätter Edit Lund (SD) §§ 41–43"),
        (N, "Rut Sjö (S) ersätter Pär Nyqvist (C) § 42"),
        (L, "Justerare"), (N, "Olle Berg (M)"),
        *PARAGRAPH_41,
        *PARAGRAPH_43,
        (L, "Utdragsbestyrkande"), (N, SIGN), (N, "Agnes Wik"),
    ]


@pytest.mark.slow
def test_the_paragraphs_of_an_extract_are_those_of_the_protocol():
    meeting = protocol_meeting(5)
    protocol = styled_lines(open_docx(build_protocol(meeting, 41)))
    extract = styled_lines(open_docx(build_extract(meeting, 41, [42])))
    start = extract.index(("Heading 1", "§ 42 Gång- och cykelväg etapp 2"))
    part = extract[start:extract.index((L, "Utdragsbestyrkande"))]
    at = protocol.index(part[0])
    assert protocol[at:at + len(part)] == part
    assert protocol[at + len(part)][1].startswith("§ 43")


# -- choosing §§ ---------------------------------------------------------------------


@pytest.mark.parametrize("spec, expected", [
    ("41,43", [41, 43]), ("43,41,41", [41, 43]), ("41-43", [41, 42, 43]),
    ("§42", [42]), (" 41 , 42 ", [41, 42]), ("all", [41, 42, 43]), ("ALL", [41, 42, 43]),
    ("41–42", [41, 42]),
])
def test_paragraphs_chosen(spec, expected):
    assert chosen_paragraphs(protocol_meeting(), 41, spec) == expected


@pytest.mark.parametrize("spec, words", [
    ("40", "§ 40 finns inte i protokollet, som har §§ 41–43."),
    ("41,99", "§ 99 finns inte"),
    ("41-99999", "§ 44 finns inte"),
    ("x", "'x' är inget paragrafnummer"),
    ("41;43", "inget paragrafnummer"),
    ("43-41", "går baklänges"),
    ("", "Ange vilka paragrafer"),
    (",", "Ange vilka paragrafer"),
    ("1" * 30, "inget paragrafnummer"),
])
def test_bad_paragraphs_are_one_swedish_sentence(spec, words):
    with pytest.raises(ExtractError) as caught:
        chosen_paragraphs(protocol_meeting(), 41, spec)
    message = str(caught.value)
    assert words in message
    assert message.endswith(".") and "\n" not in message


def test_minutes_have_no_extract():
    meeting = protocol_meeting()
    meeting.kind = "minnesanteckningar"
    with pytest.raises(ExtractError, match="bara för protokoll"):
        chosen_paragraphs(meeting, 41, "41")


# -- safe file names -------------------------------------------------------------------

HOSTILE = [
    "Budget 2032/2033", "../../etc/passwd", "..", ".", " . ", "CON", "nul.txt", "com1",
    "Lpt9", "a\x00b\x1fc\x7fd", "rad\nbrytning\r\n", "x" * 400, "å" * 300,
    'Vad? "Varför" <nu>: a|b*c\\d', "trailing dots...", "\u202eevil\u200b", "\ud800", "",
    "   ", "§ 41", "tab\there",
]
RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
            *(f"lpt{i}" for i in range(10))}


def check_name(name: str) -> None:
    stem = name[: -len(".docx")]
    assert name.endswith(".docx")
    assert stem and stem == stem.strip(" .")
    assert not set('<>:"/\\|?*') & set(stem)
    assert not any(unicodedata.category(ch) in ("Cc", "Cf", "Cs") for ch in stem)
    assert len(stem.encode("utf-8")) <= MAX_STEM_BYTES
    assert stem.split(".")[0].casefold() not in RESERVED


@pytest.mark.parametrize("title", HOSTILE)
def test_hostile_titles_give_safe_names(tmp_path, title):
    name = extract_file_name(41, title)
    check_name(name)
    assert name.startswith("§ 41")
    (tmp_path / name).write_bytes(b"x")  # the file system takes it
    assert [p.name for p in tmp_path.iterdir()] == [name]


@settings(max_examples=examples(200))
@given(st.text(max_size=300))
def test_any_text_gives_a_safe_name(text):
    check_name(safe_file_name(text))


# -- the command line ------------------------------------------------------------------


@pytest.mark.slow
def test_export_writes_the_protocol_for_a_protocol_meeting(capsys, tmp_path, data_dir):
    meeting_id = stored(data_dir, protocol_meeting())
    out = tmp_path / "protokoll.docx"
    code, _, err = run(capsys, "export", meeting_id, "-o", str(out))
    assert code == 0, err
    document = open_docx(out.read_bytes())
    assert header_lines(document)[1] == "PROTOKOLL"
    assert ("Heading 1", "§ 41 Gång- och cykelväg etapp 1") in styled_lines(document)


@pytest.mark.slow
def test_export_of_minutes_is_still_the_minutes(capsys, tmp_path, data_dir):
    meeting = protocol_meeting()
    meeting.kind = "minnesanteckningar"
    meeting_id = stored(data_dir, meeting)
    out = tmp_path / "anteckningar.docx"
    code, _, err = run(capsys, "export", meeting_id, "-o", str(out))
    assert code == 0, err
    from export.docx_minutes import build_minutes

    buffer = io.BytesIO()
    build_minutes(MeetingStore.at(data_dir).load(meeting_id)).save(buffer)
    assert styled_lines(open_docx(out.read_bytes())) == styled_lines(open_docx(buffer.getvalue()))
    assert "PROTOKOLL" not in header_lines(open_docx(out.read_bytes()))


@pytest.mark.slow
def test_export_numbers_from_the_store(capsys, tmp_path, data_dir):
    earlier = protocol_meeting(4)
    earlier.date, earlier.first_paragraph = "2031-02-11", 1
    meeting = protocol_meeting(2)
    meeting.first_paragraph = None
    stored(data_dir, earlier)
    meeting_id = stored(data_dir, meeting)
    out = tmp_path / "protokoll.docx"
    assert run(capsys, "export", meeting_id, "-o", str(out))[0] == 0
    lines = [text for _, text in styled_lines(open_docx(out.read_bytes()))]
    assert "§ 5 Gång- och cykelväg etapp 1" in lines
    out = tmp_path / "utdrag.docx"
    assert run(capsys, "export", meeting_id, "--extract", "6", "-o", str(out))[0] == 0
    assert "§ 6 Gång- och cykelväg etapp 2" in [t for _, t in styled_lines(open_docx(out.read_bytes()))]


@pytest.mark.slow
def test_extract_two_paragraphs_from_the_command_line(capsys, tmp_path, data_dir):
    meeting_id = stored(data_dir, protocol_meeting())
    out = tmp_path / "utdrag.docx"
    code, stdout, err = run(capsys, "export", meeting_id, "--extract", "41,43", "-o", str(out))
    assert code == 0, err
    assert str(out) in stdout
    lines = [text for _, text in styled_lines(open_docx(out.read_bytes()))]
    assert [line for line in lines if line.startswith("§ ")] == [
        "§ 41 Gång- och cykelväg etapp 1", "§ 43 Gång- och cykelväg etapp 3"]


@pytest.mark.slow
def test_extract_all_writes_one_file_per_paragraph_with_safe_names(capsys, tmp_path, data_dir):
    meeting = protocol_meeting(1)
    for title in HOSTILE[:12]:
        meeting.items.append(AgendaItem(title))
    meeting_id = stored(data_dir, meeting)
    folder = tmp_path / "utdrag"
    code, _, err = run(capsys, "export", meeting_id, "--extract", "all", "-o", f"{folder}/")
    assert code == 0, err
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == 13
    for name in names:
        check_name(name)
    first = open_docx((folder / extract_file_name(41, meeting.items[0].title)).read_bytes())
    assert [t for s, t in styled_lines(first) if s == "Heading 1"] == [
        "§ 41 Gång- och cykelväg etapp 1"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp files


def test_extract_all_into_an_existing_folder(capsys, tmp_path, data_dir):
    meeting_id = stored(data_dir, protocol_meeting())
    assert run(capsys, "export", meeting_id, "--extract", "all", "-o", str(tmp_path))[0] == 0
    assert len(list(tmp_path.glob("§ 4*.docx"))) == 3


@pytest.mark.parametrize("argv, words", [
    (["--extract", "41,99", "-o", "u.docx"], "§ 99 finns inte i protokollet"),
    (["--extract", "abc", "-o", "u.docx"], "inget paragrafnummer"),
    (["--extract", "41", "-o", "-"], "standard ut"),
    (["--extract", "41", "-o", "u.json"], ".docx"),
    (["--extract", "all", "-o", "u.docx"], "en mapp"),
])
def test_bad_extract_requests_exit_2_with_one_sentence(capsys, tmp_path, data_dir, monkeypatch,
                                                      argv, words):
    meeting_id = stored(data_dir, protocol_meeting())
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "export", meeting_id, *argv)
    assert code == 2
    assert words in err
    assert len(err.strip().splitlines()) == 1
    assert not list(tmp_path.glob("u.*"))


def test_extract_of_a_minutes_meeting_is_refused(capsys, tmp_path, data_dir):
    meeting = protocol_meeting()
    meeting.kind = "minnesanteckningar"
    meeting_id = stored(data_dir, meeting)
    code, _, err = run(capsys, "export", meeting_id, "--extract", "41", "-o",
                       str(tmp_path / "u.docx"))
    assert code == 2 and "bara för protokoll" in err


def test_extract_names_take_the_pdf_suffix():
    assert extract_file_name(41, "a/b", ".pdf") == "§ 41 a-b.pdf"


def test_an_extract_starts_its_first_paragraph_on_page_one_and_the_others_on_their_own():
    document = open_docx(build_extract(protocol_meeting(), 41, [41, 43]))
    headings = [p for p in document.paragraphs if p.style.name == "Heading 1"]
    assert [bool(p.paragraph_format.page_break_before) for p in headings] == [False, True]
