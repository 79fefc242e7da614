"""Encodings and terminal codes of imported files.

JSON is UTF-8 (a BOM allowed), anything else is refused; a text agenda may be cp1252
only when no valid UTF-8 multi-byte sequence is in it; ESC/CSI/OSC sequences and other
control characters of a text agenda never reach the stored meeting.
"""

from __future__ import annotations

from datetime import date as Date

import pytest
from store import meeting_to_dict
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from importers.detect import ImportFileError, meeting_from_bytes, read_meeting_file
from export.json_io import meeting_json_bytes
from importers.text_clean import has_utf8_multibyte
from store import MeetingFormatError, MeetingStore
from store.domain.model import AgendaItem, Meeting

from tests.support.examples import examples

TODAY = Date(2031, 1, 15)
SWEDISH = "abcdefghijklmnopqrstuvwxyzåäöéüABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖÉÜ "
words = st.text(alphabet=SWEDISH, min_size=1, max_size=30).map(str.strip).filter(bool)


def is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# -- JSON: UTF-8 or refused -----------------------------------------------------------

@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=words,
    items=st.lists(words, min_size=1, max_size=5),
    where=st.floats(min_value=0, max_value=1, exclude_max=True),
    bad=st.sampled_from([0x80, 0xA0, 0xBF, 0xC0, 0xC1, 0xE5, 0xF6, 0xF5, 0xFE, 0xFF]),
)
def test_json_with_one_invalid_byte_is_refused_never_mojibake(title, items, where, bad):
    meeting = Meeting(title=title, date="2031-02-12",
                      items=[AgendaItem(text) for text in items])
    raw = bytearray(meeting_json_bytes(meeting))
    # Any byte but the opening brace: that one is what makes the file JSON.
    position = 1 + int(where * (len(raw) - 1))
    raw[position] = bad
    assume(not is_utf8(bytes(raw)))
    store = MeetingStore.in_memory()
    with pytest.raises((ImportFileError, MeetingFormatError)) as caught:
        store.add(meeting_from_bytes(bytes(raw)))
    assert "UTF-8" in str(caught.value)
    assert store.summaries() == []


def test_the_reported_case_is_refused_with_a_clear_message(tmp_path):
    meeting = Meeting(title="Kommunchefsmöte", date="2031-02-12", items=[AgendaItem("Budget")])
    raw = meeting_json_bytes(meeting).replace(b"Budget", b"Budg\xe9t")
    path = tmp_path / "mote.json"
    path.write_bytes(raw)
    with pytest.raises(ImportFileError, match="inte UTF-8-kodad"):
        read_meeting_file(path)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig"])
def test_json_in_utf8_with_or_without_bom_imports(encoding):
    meeting = Meeting(title="Kommunchefsmöte", date="2031-02-12", items=[AgendaItem("Åtgärder")])
    raw = meeting_json_bytes(meeting).decode("utf-8").encode(encoding)
    assert meeting_from_bytes(raw).title == "Kommunchefsmöte"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "cp1252", "latin-1"])
def test_json_in_another_encoding_is_refused(encoding):
    meeting = Meeting(title="Kommunchefsmöte", date="2031-02-12", items=[AgendaItem("Åtgärder")])
    raw = meeting_json_bytes(meeting).decode("utf-8").encode(encoding)
    with pytest.raises(ImportFileError, match="inte UTF-8"):
        meeting_from_bytes(raw)


# -- text agendas: cp1252 only when nothing of UTF-8 is in it ---------------------------

def without_ids(value):
    """The meeting's data minus its fresh ids and timestamps, which differ per import."""
    if isinstance(value, dict):
        return {k: without_ids(v) for k, v in value.items()
                if k not in ("id", "created_at", "updated_at")}
    if isinstance(value, list):
        return [without_ids(v) for v in value]
    return value


def agenda_text(title: str, items: list[str]) -> str:
    lines = [title, "2031-02-12 kl 13.00"]
    lines += [f"{n}. {text}" for n, text in enumerate(items, start=1)]
    return "\n".join(lines) + "\n"


def test_cp1252_agenda_with_every_swedish_letter_imports_right():
    title = "Årsmöte för Älvdalens Östra bygdeförening"
    items = ["Åsa Ärlig öppnar mötet", "Ändring av stadgar, Östen Öberg", "Övriga frågor: café, Müller"]
    raw = agenda_text(title, items).encode("cp1252")
    assert not has_utf8_multibyte(raw)
    meeting = meeting_from_bytes(raw, today=TODAY)
    assert meeting.title == title
    assert [item.title for item in meeting.items] == items


@settings(max_examples=examples(100), deadline=None)
@given(title=words, items=st.lists(words, min_size=1, max_size=6))
def test_cp1252_agendas_import_as_written(title, items):
    """A cp1252 agenda reads exactly as the same agenda saved as UTF-8.

    Compared with the UTF-8 reading rather than with the generated words: a word that
    is also an agenda label ("Bilaga", "Plats") is read as the label in either encoding,
    which is the text importer's business, not the encoding's.
    """
    text = agenda_text(title, items)
    raw = text.encode("cp1252")
    assume(not has_utf8_multibyte(raw))
    meeting = meeting_from_bytes(raw, today=TODAY)
    as_utf8 = meeting_from_bytes(text.encode("utf-8"), today=TODAY)
    assert without_ids(meeting_to_dict(meeting)) == without_ids(meeting_to_dict(as_utf8))
    assert not any("\ufffd" in item.title for item in meeting.items)


@settings(max_examples=examples(100), deadline=None)
@given(
    title=words,
    items=st.lists(words, min_size=1, max_size=6),
    letter=st.sampled_from("åäöÅÄÖéü"),
    stray=st.sampled_from("åäöÅÄÖé"),
    where=st.floats(min_value=0, max_value=1),
)
def test_utf8_mixed_with_a_stray_cp1252_byte_is_refused(title, items, letter, stray, where):
    text = agenda_text(title + letter, items)
    raw = text.encode("utf-8")
    cut = int(where * len(raw))
    while cut < len(raw) and 0x80 <= raw[cut] < 0xC0:
        cut += 1  # between two characters, not inside one
    raw = raw[:cut] + stray.encode("cp1252") + raw[cut:]
    assume(not is_utf8(raw))
    store = MeetingStore.in_memory()
    with pytest.raises(ImportFileError, match="blandar UTF-8"):
        store.add(meeting_from_bytes(raw, today=TODAY))
    assert store.summaries() == []


# -- terminal escape sequences in a text agenda -----------------------------------------

CSI_FINAL = st.sampled_from(list("ABCDHJKSTfmhlnsu@`"))
CSI = st.builds(
    lambda intro, params, final: intro + params + final,
    st.sampled_from(["\x1b[", "\x9b"]),
    st.text(alphabet="0123456789;?", max_size=8),
    CSI_FINAL,
)
OSC = st.builds(
    lambda intro, body, end: intro + body + end,
    st.sampled_from(["\x1b]", "\x9d", "\x1bP", "\x1b_", "\x1b^", "\x1bX"]),
    st.sampled_from(["0;Hackad titel", "8;;https://example.invalid/", "2;x", "52;c;aGVq", ""]),
    st.sampled_from(["\x07", "\x1b\\", "\x9c"]),
)
OTHER = st.sampled_from(["\x1bc", "\x1b7", "\x1b8", "\x1b(B", "\x1b=", "\x07", "\x08",
                         "\x7f", "\x85"])  # NUL: a binary file
SEQUENCE = st.one_of(CSI, OSC, OTHER)


@pytest.mark.slow  # a long property-based run: not in make test-fast
@settings(max_examples=examples(200), deadline=None)
@given(
    pieces=st.lists(st.tuples(words, SEQUENCE), min_size=1, max_size=6),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]),
)
def test_escape_sequences_never_reach_the_stored_meeting(pieces, encoding):
    title = "".join(word + seq for word, seq in pieces)
    lines = [f"Styrgruppen {title}", "2031-02-12", f"1. {title}",
             f"Föredragande: {title}", f"Anteckningar: {title}", "2. Slut"]
    raw = "\n".join(lines).encode(encoding)
    store = MeetingStore.in_memory()
    meeting_id = store.add(meeting_from_bytes(raw, today=TODAY))
    stored = meeting_json_bytes(store.load(meeting_id)).decode("utf-8")
    for control in ["\\u001b", "\\u009b", "\\u009d", "\\u0007", "\\u0000", "\\u0085", "\\u007f"]:
        assert control not in stored
    assert not any(0x80 <= ord(ch) < 0xA0 or ord(ch) < 0x20 and ch not in "\n\t"
                   for ch in stored)
    # the words themselves are kept
    meeting = store.load(meeting_id)
    for word, _ in pieces:
        assert word.strip() in meeting.items[0].title


def test_a_coloured_paste_is_text_not_a_binary_file():
    lines = [f"{n}. \x1b[1;32mPunkt {n}\x1b[0m" for n in range(1, 40)]
    meeting = meeting_from_bytes(("Möte\n" + "\n".join(lines)).encode(), today=TODAY)
    assert [item.title for item in meeting.items][:2] == ["Punkt 1", "Punkt 2"]


def test_an_unterminated_string_sequence_ends_at_its_line():
    raw = "Möte\n1. Första \x1b]0;Hackad titel utan slut\n2. Andra\n".encode()
    meeting = meeting_from_bytes(raw, today=TODAY)
    assert [item.title for item in meeting.items] == ["Första", "Andra"]


def test_a_lone_escape_at_the_end_of_a_line_is_dropped():
    raw = "Möte\n1. Första\x1b\n2. Andra\x1b[\n".encode()
    meeting = meeting_from_bytes(raw, today=TODAY)
    assert [item.title for item in meeting.items] == ["Första", "Andra"]
